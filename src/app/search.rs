//! Searching codes, ids, titles and descriptions, and moving between the matches.

use super::input::Input;
use super::tree::{self, Filter};
use super::{Action, App, Effect, Mode, Msg};
use crate::plan::{IndicatorPath, Layer, NodePath};

impl App {
    /// Nodes whose code, id, title or description contains the query (any case), in tree order.
    pub fn matches(&self, query: &str) -> Vec<NodePath> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let hit = |s: &str| crate::text::contains_ignore_case(s, &q);
        let mut out = Vec::new();
        for (p, persp) in self.plan.perspectives.iter().enumerate() {
            if hit(&persp.name) {
                out.push(NodePath::Perspective(p));
            }
            for (s, so) in persp.objectives.iter().enumerate() {
                if hit(&so.code) || hit(&so.title) {
                    out.push(NodePath::Strategic(p, s));
                }
                for (o, oo) in so.operational.iter().enumerate() {
                    if hit(&oo.code) || hit(&oo.title) {
                        out.push(NodePath::Operational(p, s, o));
                    }
                    for layer in Layer::BOTH {
                        for (index, ind) in oo.layer(layer).iter().enumerate() {
                            let path = IndicatorPath::new(p, s, o, layer, index);
                            if (hit(&ind.id) || hit(&ind.description))
                                && self.filter.admits(&self.plan, &self.scores, path)
                            {
                                out.push(NodePath::Indicator(path));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Selects the next (or previous) match of the last search; `from_here` counts the
    /// selected row itself as a match (while typing the query).
    pub(super) fn jump_match(&mut self, forward: bool, from_here: bool) {
        if self.query.trim().is_empty() {
            self.info(Msg::NoSearchYet);
            return;
        }
        let matches = self.matches(&self.query);
        if matches.is_empty() {
            self.error(Msg::NoMatch {
                query: self.query.clone(),
            });
            return;
        }
        let here = self.tree.selected();
        let pick = match here {
            None => 0,
            Some(h) => {
                let cmp = |n: &NodePath| tree::cmp_tree_order(*n, h);
                if forward {
                    matches
                        .iter()
                        .position(|n| {
                            if from_here {
                                cmp(n).is_ge()
                            } else {
                                cmp(n).is_gt()
                            }
                        })
                        .unwrap_or(0)
                } else {
                    matches
                        .iter()
                        .rposition(|n| cmp(n).is_lt())
                        .unwrap_or(matches.len() - 1)
                }
            }
        };
        if !self.reveal(matches[pick]) {
            // An objective whose indicators the filter hides: show everything rather than
            // stay put.
            self.filter = Filter::All;
            self.reveal(matches[pick]);
        }
        self.info(Msg::MatchAt {
            index: pick + 1,
            count: matches.len(),
            query: self.query.clone(),
        });
    }

    pub(super) fn update_search(
        &mut self,
        mut input: Input,
        origin: Option<NodePath>,
        action: Action,
    ) -> Effect {
        match action {
            Action::Input(edit) => {
                input.apply(&edit);
                self.query = input.text();
                if let Some(o) = origin
                    && let Some(i) = self.tree.position(o)
                {
                    self.tree.select_index(i);
                }
                if !self.query.trim().is_empty() {
                    self.jump_match(true, true);
                }
                self.mode = Mode::Search { input, origin };
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                if self.query.trim().is_empty() {
                    self.info(Msg::SearchCleared);
                }
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.query.clear();
                if let Some(o) = origin {
                    self.reveal(o);
                }
                self.info(Msg::SearchCancelled);
            }
            _ => {}
        }
        Effect::None
    }
}
