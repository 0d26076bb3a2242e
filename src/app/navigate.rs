//! Moving in the tree: the keys of the normal mode, opening and closing rows, jumping to
//! pending indicators and to validation findings.

use super::input::Input;
use super::tree::{self, Filter};
use super::{Action, App, EditField, Effect, Mode, Msg};
use crate::plan::NodePath;

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) -> Effect {
        if !matches!(self.mode, Mode::Normal) {
            return Effect::None;
        }
        let Some(area) = self.areas().tree else {
            return Effect::None;
        };
        let inside = column >= area.x
            && column < area.x + area.width
            && row >= area.y
            && row < area.y + area.height;
        if inside {
            let index = self.tree.offset + (row - area.y) as usize;
            if index < self.tree.rows().len() {
                self.tree.select_index(index);
            }
        }
        Effect::None
    }

    /// Whether the cell clicked is on the selected row of the tree.
    pub(super) fn clicked_is_selected(&self, column: u16, row: u16) -> bool {
        let Some(area) = self.areas().tree else {
            return false;
        };
        (area.x..area.x + area.width).contains(&column)
            && (area.y..area.y + area.height).contains(&row)
            && self.tree.offset + (row - area.y) as usize == self.tree.selected_index()
    }

    pub(super) fn update_normal(&mut self, action: Action) -> Effect {
        if action != Action::NextFinding {
            self.current_finding = None;
        }
        let page = self.tree_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::Up => self.tree.move_by(-1),
            Action::Down => self.tree.move_by(1),
            Action::PageUp => self.tree.move_by(-page),
            Action::PageDown => self.tree.move_by(page),
            Action::Top => self.tree.select_index(0),
            Action::Bottom => self.tree.select_index(usize::MAX),
            Action::ScrollUp => self.tree.move_by(-3),
            Action::ScrollDown => self.tree.move_by(3),
            Action::Expand => self.expand(),
            Action::Collapse => self.collapse(),
            Action::Toggle => self.toggle(),
            Action::ExpandAll => {
                self.tree.expand_all();
                self.rebuild();
            }
            Action::CollapseAll => {
                self.tree.collapse_all(&self.plan);
                self.rebuild();
            }
            Action::EditResult => {
                if self.selected_indicator().is_some() {
                    self.start_edit(EditField::Result);
                } else {
                    self.toggle();
                }
            }
            Action::StartTyping(c) => return self.start_typing(c),
            Action::ToggleEnterMoves => {
                self.enter_to_pending = !self.enter_to_pending;
                self.info(Msg::EnterMoves {
                    to_pending: self.enter_to_pending,
                });
                return Effect::RememberEnterToPending(self.enter_to_pending);
            }
            Action::EditNote => self.start_edit(EditField::Note),
            Action::EditOverride => self.start_edit(EditField::OverrideRealization),
            Action::EditNotAssessable => self.start_edit(EditField::NotAssessableReason),
            Action::ChangeTarget => self.start_edit(EditField::Target),
            Action::NextPeriod => self.switch_period(true),
            Action::PrevPeriod => self.switch_period(false),
            Action::NextPending => self.jump_pending(true),
            Action::PrevPending => self.jump_pending(false),
            Action::Search => {
                // The index is built here, once per plan, rather than at the first key.
                self.search.prepare(&self.plan);
                self.mode = Mode::Search {
                    input: Input::default(),
                    origin: self.tree.selected(),
                };
            }
            Action::NextMatch => self.jump_match(true, false),
            Action::PrevMatch => self.jump_match(false, false),
            Action::CycleFilter => {
                self.filter = self.filter.next(&self.plan);
                self.rebuild();
                let shown = self
                    .tree
                    .rows()
                    .iter()
                    .filter(|r| matches!(r, NodePath::Indicator(_)))
                    .count();
                self.info(Msg::FilterSet {
                    filter: self.filter.clone(),
                    shown,
                });
            }
            Action::NextFinding => self.jump_finding(),
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::Save => return self.save_requested(),
            Action::SaveAs => self.save_as_requested(),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Export => self.export_requested(),
            Action::Import => self.import_requested(),
            Action::Quit => return self.quit_requested(),
            _ => {}
        }
        Effect::None
    }

    /// Shows the next monitoring period (or the previous one), going round: the tree, the
    /// scores and the bars are then that period's, and a result typed is written to it.
    pub(super) fn switch_period(&mut self, forward: bool) {
        let Some(at) = self.period_index() else {
            self.info(Msg::NoPeriods);
            return;
        };
        let n = self.plan.periods.len();
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        let period = self.plan.periods[next].clone();
        self.show_period(Some(&period.name));
        self.info(Msg::PeriodShown {
            name: period.name,
            date: self.plan.locale.date(period.date),
            index: next + 1,
            count: n,
        });
    }

    /// Scores the plan at `period` (`None`: the year's final values) and shows it.
    pub fn show_period(&mut self, period: Option<&str>) {
        self.scores = crate::score::Scores::compute_at(&self.plan, period);
        self.pending = super::pending::Pending::new(&self.plan, &self.scores);
        self.search.results_changed();
        self.rebuild();
    }

    pub(super) fn rebuild(&mut self) {
        self.tree.rebuild(&self.plan, &self.scores, &self.filter);
    }

    fn expand(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        if !tree::has_children(&self.plan, node) {
            return;
        }
        if self.tree.is_collapsed(node) {
            self.tree.set_collapsed(node, false);
            self.rebuild();
        } else {
            let next = self.tree.selected_index() + 1;
            if self
                .tree
                .rows()
                .get(next)
                .is_some_and(|r| tree::row_parent(&self.plan, *r) == Some(node))
            {
                self.tree.select_index(next);
            }
        }
    }

    fn collapse(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        if tree::has_children(&self.plan, node) && !self.tree.is_collapsed(node) {
            self.tree.set_collapsed(node, true);
            self.rebuild();
        } else if let Some(parent) = tree::row_parent(&self.plan, node)
            && let Some(i) = self.tree.position(parent)
        {
            self.tree.select_index(i);
        }
    }

    fn toggle(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        if tree::has_children(&self.plan, node) {
            let now = self.tree.is_collapsed(node);
            self.tree.set_collapsed(node, !now);
            self.rebuild();
        }
    }

    /// Shows `node` (opening its ancestors) and selects it. False when the filter hides it.
    pub fn reveal(&mut self, node: NodePath) -> bool {
        if let Some(i) = self.tree.position(node) {
            // Already on show: no need to rebuild the rows (a big plan has many).
            self.tree.select_index(i);
            return true;
        }
        self.tree.open_ancestors(node);
        self.rebuild();
        match self.tree.position(node) {
            Some(i) => {
                self.tree.select_index(i);
                true
            }
            None => false,
        }
    }

    /// Goes to the next (or previous) pending indicator the filter shows, from the kept
    /// pending indicators in tree order, wrapping around.
    fn jump_pending(&mut self, forward: bool) {
        let target = self
            .pending
            .from(self.tree.selected(), forward)
            .find(|p| self.filter.admits(&self.plan, &self.scores, *p));
        let pending = self.pending.len();
        match target {
            Some(p) => {
                self.reveal(NodePath::Indicator(p));
                self.info(Msg::PendingAt {
                    id: self.plan.indicator(p).id.clone(),
                    pending,
                });
            }
            None if pending > 0 => self.info(Msg::PendingHidden {
                hidden: pending,
                filter: self.filter.clone(),
            }),
            None => self.info(Msg::NoPending),
        }
    }

    /// Goes to the next finding of validation: the plan's own first (the detail pane shows
    /// the one reached), then those of the tree's rows in tree order, wrapping around.
    fn jump_finding(&mut self) {
        if self.findings.is_empty() {
            self.current_finding = None;
            self.info(Msg::NoFindings);
            return;
        }
        let mut order: Vec<usize> = (0..self.findings.len()).collect();
        order.sort_by(
            |&a, &b| match (self.findings[a].node, self.findings[b].node) {
                (None, None) => a.cmp(&b),
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => tree::cmp_tree_order(x, y).then(a.cmp(&b)),
            },
        );
        let next = match self
            .current_finding
            .and_then(|c| order.iter().position(|&i| i == c))
        {
            Some(at) => order[(at + 1) % order.len()],
            None => {
                // From the selection: the first finding of a row after it; past the last
                // one, round again from the plan's own findings.
                let here = self.tree.selected();
                order
                    .iter()
                    .copied()
                    .find(|&i| match (self.findings[i].node, here) {
                        (Some(n), Some(h)) => tree::cmp_tree_order(n, h).is_gt(),
                        (Some(_), None) => true,
                        (None, _) => false,
                    })
                    .unwrap_or(order[0])
            }
        };
        self.current_finding = Some(next);
        let f = self.findings[next].clone();
        if let Some(node) = f.node
            && !self.reveal(node)
        {
            self.filter = Filter::All;
            self.reveal(node);
        }
        let is_error = f.severity == crate::validate::Severity::Error;
        self.set_status(
            Msg::FindingAt {
                finding: Box::new(f),
                index: order.iter().position(|&i| i == next).unwrap_or(0) + 1,
                count: order.len(),
            },
            is_error,
        );
    }
}
