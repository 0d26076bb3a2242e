//! The app's state and its one way of changing: [`App::update`] takes an [`Action`] and
//! returns the [`Effect`] the event loop must carry out (save, quit). Nothing here draws or
//! touches a file, so tests drive the whole app with actions.

pub mod history;
pub mod input;
pub mod keymap;
pub mod tree;

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::plan::{Indicator, IndicatorPath, Layer, NodePath, Override, Plan, Value};
use crate::score::{self, Outcome, Scores};
use crate::store::journal::Entry;
use crate::ui::layout::{self, Areas};
use crate::validate::{self, Finding};
use history::{Change, Fields, History};
use input::{Input, InputEdit};
use keymap::Context;
use tree::{Filter, Tree};

/// Everything a key or the mouse can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Expand,
    Collapse,
    Toggle,
    ExpandAll,
    CollapseAll,
    EditResult,
    EditNote,
    EditOverride,
    NextPending,
    PrevPending,
    Search,
    NextMatch,
    PrevMatch,
    CycleFilter,
    NextFinding,
    Undo,
    Redo,
    Save,
    SaveAs,
    Help,
    Export,
    Quit,
    /// A change to the field being typed in.
    Input(InputEdit),
    Submit,
    Cancel,
    DialogNext,
    DialogPrev,
    /// A letter pressed in a dialog: picks the choice it names.
    DialogKey(char),
    /// Text pasted into the terminal (bracketed paste): typed into the field being edited.
    Paste(String),
    /// A left click at a cell of the screen.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    Resize {
        width: u16,
        height: u16,
    },
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Write the plan to its file.
    Save,
    /// Write the plan to its file even though it changed on disk.
    SaveOverwrite,
    /// Write the plan to another file, which becomes the plan's file (asking first when
    /// that file exists).
    SaveAs(PathBuf),
    /// The same, replacing the file there: the user said so.
    SaveAsReplacing(PathBuf),
    /// Read the plan's file again, keeping the unsaved edits aside.
    Reload,
    /// Leave the app.
    Quit,
    /// An indicator's edited fields changed (an edit, undo or redo): record it.
    Changed {
        id: String,
        fields: Fields,
    },
    /// Forget the crash-recovery journal: the user dropped its edits.
    DropJournal,
    /// Write the summary in `format` to `path`.
    Export {
        format: crate::export::Format,
        path: PathBuf,
    },
}

/// Which field of an indicator is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditField {
    Result,
    Note,
    OverrideRealization,
    OverrideReason,
}

impl EditField {
    pub fn label(self) -> &'static str {
        match self {
            EditField::Result => "Result",
            EditField::Note => "Note",
            EditField::OverrideRealization => "Override realization (%; empty: remove)",
            EditField::OverrideReason => "Reason for the override (required)",
        }
    }
}

/// Typing into a field of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub path: IndicatorPath,
    pub field: EditField,
    pub input: Input,
    /// Why what is typed cannot be used; nothing is committed while this is set.
    pub error: Option<String>,
    /// The override realization typed at the first step, while its reason is typed.
    pub override_value: Option<Decimal>,
}

/// What a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    SaveAs,
}

/// A question with a few answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// Quitting with unsaved changes.
    Quit,
    /// The file changed on disk since it was loaded.
    Conflict,
    /// A previous run ended without saving; its edits are in the journal.
    Restore,
    /// Save-as was given the name of a file that exists.
    ReplaceFile,
}

/// One answer of a dialog: the letter that picks it and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub key: char,
    pub label: &'static str,
    pub answer: Answer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Reload,
    Overwrite,
    SaveAs,
    Restore,
    Drop,
}

impl DialogKind {
    pub fn title(self) -> &'static str {
        match self {
            DialogKind::Quit => "Unsaved changes",
            DialogKind::Conflict => "The file changed on disk",
            DialogKind::Restore => "Unsaved edits from a previous session",
            DialogKind::ReplaceFile => "The file exists",
        }
    }

    fn question(self) -> &'static str {
        match self {
            DialogKind::Restore | DialogKind::ReplaceFile => "",
            DialogKind::Quit => {
                "The plan has changes that are not saved. Save them before quitting?"
            }
            DialogKind::Conflict => {
                "The plan's file changed on disk, or was removed, since perfplan opened it \
                 (another editor, a git pull, a sync). Saving now would overwrite their changes."
            }
        }
    }

    pub fn choices(self) -> &'static [Choice] {
        match self {
            DialogKind::ReplaceFile => &[
                Choice {
                    key: 'o',
                    label: "Overwrite it with this plan",
                    answer: Answer::Overwrite,
                },
                Choice {
                    key: 'c',
                    label: "Cancel",
                    answer: Answer::Cancel,
                },
            ],
            DialogKind::Quit => &[
                Choice {
                    key: 's',
                    label: "Save and quit",
                    answer: Answer::Save,
                },
                Choice {
                    key: 'd',
                    label: "Discard changes and quit",
                    answer: Answer::Discard,
                },
                Choice {
                    key: 'c',
                    label: "Cancel",
                    answer: Answer::Cancel,
                },
            ],
            DialogKind::Conflict => &[
                Choice {
                    key: 'r',
                    label: "Reload theirs (your edits are kept aside)",
                    answer: Answer::Reload,
                },
                Choice {
                    key: 'o',
                    label: "Overwrite with yours",
                    answer: Answer::Overwrite,
                },
                Choice {
                    key: 'a',
                    label: "Save as another file",
                    answer: Answer::SaveAs,
                },
                Choice {
                    key: 'c',
                    label: "Cancel",
                    answer: Answer::Cancel,
                },
            ],
            DialogKind::Restore => &[
                Choice {
                    key: 'r',
                    label: "Restore them",
                    answer: Answer::Restore,
                },
                Choice {
                    key: 'd',
                    label: "Drop them (the file stays as saved)",
                    answer: Answer::Drop,
                },
            ],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Edit(Edit),
    Search {
        input: Input,
        /// Where the selection was when the search started (Esc goes back there).
        origin: Option<NodePath>,
    },
    Path {
        input: Input,
        purpose: PathPurpose,
        error: Option<String>,
    },
    Dialog {
        kind: DialogKind,
        selected: usize,
    },
    Help {
        scroll: u16,
    },
    /// Choosing an export format and where to write it.
    Export {
        format: crate::export::Format,
        input: Input,
        /// The user changed the path: switching format changes only its extension.
        edited: bool,
        error: Option<String>,
    },
}

/// The latest message of the status line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// The whole state of the app.
pub struct App {
    pub plan: Plan,
    pub scores: Scores,
    pub findings: Vec<Finding>,
    /// The plan's file.
    pub path: PathBuf,
    /// Another perfplan has the plan open: nothing may be saved.
    pub read_only: bool,
    pub tree: Tree,
    pub filter: Filter,
    pub mode: Mode,
    pub history: History,
    pub status: Status,
    /// The last search, for `n` and `N`.
    pub query: String,
    /// Terminal size in cells.
    pub size: (u16, u16),
    /// Quit after the save under way succeeds.
    pub quit_after_save: bool,
    /// Journalled edits of a run that ended without saving, while the user decides.
    pub recovered: Vec<Entry>,
    /// The existing file a save-as would replace, while the user decides.
    pub replacing: Option<PathBuf>,
}

/// The text a field starts with: the current value as the controller would type it.
fn initial_text(plan: &Plan, ind: &Indicator, field: EditField) -> String {
    let loc = plan.locale;
    match field {
        EditField::Result => match ind.result {
            Some(Value::Number(n)) => loc.number(n),
            Some(Value::Date(d)) => loc.date(d),
            None => String::new(),
        },
        EditField::Note => ind.note.clone().unwrap_or_default(),
        EditField::OverrideRealization => ind
            .realization_override
            .as_ref()
            .map(|o| loc.number(o.realization.value()))
            .unwrap_or_default(),
        EditField::OverrideReason => ind
            .realization_override
            .as_ref()
            .map(|o| o.reason.clone())
            .unwrap_or_default(),
    }
}

/// What a text field commits: nothing when empty, the old text when only white space
/// around it changed (so opening and confirming a field changes nothing), else the text
/// trimmed.
fn kept_or_trimmed(old: Option<&str>, typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    match old {
        Some(o) if o.trim() == t => Some(o.to_string()),
        _ => Some(t.to_string()),
    }
}

impl App {
    pub fn new(plan: Plan, path: PathBuf) -> App {
        let scores = Scores::compute(&plan);
        let findings = validate::validate(&plan);
        let tree = Tree::new(&plan, &scores);
        let mut app = App {
            plan,
            scores,
            findings,
            path,
            read_only: false,
            tree,
            filter: Filter::All,
            mode: Mode::Normal,
            history: History::new(),
            status: Status::default(),
            query: String::new(),
            size: (120, 36),
            quit_after_save: false,
            recovered: Vec::new(),
            replacing: None,
        };
        app.status_findings_summary();
        app
    }

    fn status_findings_summary(&mut self) {
        let errors = validate::has_errors(&self.findings);
        let n = self.findings.len();
        if n == 0 {
            self.info(format!(
                "{} indicators · press ? for help",
                self.plan.indicator_count()
            ));
        } else {
            let what = if errors {
                "error(s) and warning(s)"
            } else {
                "warning(s)"
            };
            self.set_status(
                format!("The plan has {n} {what}: press w to go to each; ? for help"),
                errors,
            );
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.set_status(text.into(), false);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.set_status(text.into(), true);
    }

    fn set_status(&mut self, text: String, is_error: bool) {
        self.status = Status { text, is_error };
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size.0, self.size.1, self)
    }

    fn tree_height(&self) -> usize {
        self.areas().tree.map_or(1, |r| r.height as usize).max(1)
    }

    fn scroll(&mut self) {
        let h = self.tree_height();
        self.tree.scroll_to_selection(h);
    }

    /// The context that decides what keys mean now.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Normal => Context::Tree,
            Mode::Edit(_) | Mode::Search { .. } | Mode::Path { .. } => Context::Field,
            Mode::Dialog { .. } => Context::Dialog,
            Mode::Export { .. } => Context::Export,
            Mode::Help { .. } => Context::Help,
        }
    }

    pub fn selected_indicator(&self) -> Option<IndicatorPath> {
        match self.tree.selected()? {
            NodePath::Indicator(p) => Some(p),
            _ => None,
        }
    }

    /// Changes the state by one action; returns what the event loop must do.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.scroll();
                return Effect::None;
            }
            Action::Click { column, row } => return self.click(column, row),
            Action::Paste(text) => {
                if matches!(self.context(), Context::Field | Context::Export) {
                    // One line: a line break in pasted text must not confirm the field.
                    for c in text.chars().filter(|c| *c != '\r') {
                        let c = if c.is_control() { ' ' } else { c };
                        self.update(Action::Input(InputEdit::Insert(c)));
                    }
                }
                return Effect::None;
            }
            _ => {}
        }
        let effect = match self.mode.clone() {
            Mode::Normal => self.update_normal(action),
            Mode::Edit(edit) => self.update_edit(edit, action),
            Mode::Search { input, origin } => self.update_search(input, origin, action),
            Mode::Path { input, purpose, .. } => self.update_path(input, purpose, action),
            Mode::Dialog { kind, selected } => self.update_dialog(kind, selected, action),
            Mode::Export {
                format,
                input,
                edited,
                ..
            } => self.update_export(format, input, edited, action),
            Mode::Help { scroll } => {
                match action {
                    Action::Down | Action::ScrollDown => {
                        self.mode = Mode::Help {
                            scroll: scroll.saturating_add(1),
                        }
                    }
                    Action::Up | Action::ScrollUp => {
                        self.mode = Mode::Help {
                            scroll: scroll.saturating_sub(1),
                        }
                    }
                    Action::Cancel => self.mode = Mode::Normal,
                    _ => {}
                }
                Effect::None
            }
        };
        self.scroll();
        effect
    }

    fn click(&mut self, column: u16, row: u16) -> Effect {
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

    fn update_normal(&mut self, action: Action) -> Effect {
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
            Action::EditNote => self.start_edit(EditField::Note),
            Action::EditOverride => self.start_edit(EditField::OverrideRealization),
            Action::NextPending => self.jump_pending(true),
            Action::PrevPending => self.jump_pending(false),
            Action::Search => {
                self.mode = Mode::Search {
                    input: Input::default(),
                    origin: self.tree.selected(),
                };
            }
            Action::NextMatch => self.jump_match(true, false),
            Action::PrevMatch => self.jump_match(false, false),
            Action::CycleFilter => {
                self.filter = self.filter.next();
                self.rebuild();
                let shown = self
                    .tree
                    .rows()
                    .iter()
                    .filter(|r| matches!(r, NodePath::Indicator(_)))
                    .count();
                self.info(format!(
                    "Filter: {} ({shown} indicators shown; f for the next filter)",
                    self.filter.label()
                ));
            }
            Action::NextFinding => self.jump_finding(),
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::Save => {
                if self.read_only {
                    self.error(
                        "Read-only: another perfplan has this plan open. Save under another name with S.",
                    );
                } else {
                    return Effect::Save;
                }
            }
            Action::SaveAs => {
                self.mode = Mode::Path {
                    input: Input::new(&self.path.display().to_string()),
                    purpose: PathPurpose::SaveAs,
                    error: None,
                };
            }
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Export => {
                let format = crate::export::Format::Xlsx;
                self.mode = Mode::Export {
                    format,
                    input: Input::new(
                        &crate::export::default_path(&self.path, format)
                            .display()
                            .to_string(),
                    ),
                    edited: false,
                    error: None,
                };
            }
            Action::Quit => {
                if self.is_dirty() {
                    self.mode = Mode::Dialog {
                        kind: DialogKind::Quit,
                        selected: 0,
                    };
                } else {
                    return Effect::Quit;
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn rebuild(&mut self) {
        self.tree.rebuild(&self.plan, &self.scores, self.filter);
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
                .is_some_and(|r| r.parent() == Some(node))
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
        } else if let Some(parent) = node.parent()
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

    /// Indicators in tree order starting after (or before) the selection, wrapping around.
    fn indicators_from_selection(&self, forward: bool) -> Vec<IndicatorPath> {
        let all: Vec<IndicatorPath> = self.plan.indicators().map(|(p, _)| p).collect();
        let here = self.tree.selected();
        let split = here.map_or(0, |node| {
            all.partition_point(|p| {
                tree::cmp_tree_order(NodePath::Indicator(*p), node) != std::cmp::Ordering::Greater
            })
        });
        let (before, after) = all.split_at(split);
        if forward {
            after.iter().chain(before).copied().collect()
        } else {
            let at_or_before_excl: Vec<IndicatorPath> = before
                .iter()
                .copied()
                .filter(|p| here != Some(NodePath::Indicator(*p)))
                .collect();
            at_or_before_excl
                .into_iter()
                .rev()
                .chain(after.iter().rev().copied())
                .collect()
        }
    }

    fn jump_pending(&mut self, forward: bool) {
        let target = self
            .indicators_from_selection(forward)
            .into_iter()
            .find(|p| {
                !self.scores.outcome(*p).is_measured()
                    && self.filter.admits(&self.plan, &self.scores, *p)
            });
        match target {
            Some(p) => {
                self.reveal(NodePath::Indicator(p));
                let pending = self
                    .plan
                    .indicators()
                    .filter(|(p, _)| !self.scores.outcome(*p).is_measured())
                    .count();
                self.info(format!(
                    "Pending indicator {} ({pending} pending in all)",
                    self.plan.indicator(p).id
                ));
            }
            None => {
                let hidden = self
                    .plan
                    .indicators()
                    .filter(|(p, _)| !self.scores.outcome(*p).is_measured())
                    .count();
                if hidden > 0 {
                    self.info(format!(
                        "{hidden} pending indicator(s), hidden by the filter \"{}\": press f to change it",
                        self.filter.label()
                    ));
                } else {
                    self.info("No pending indicators: every result is in.");
                }
            }
        }
    }

    fn jump_finding(&mut self) {
        let nodes: Vec<(NodePath, String)> = self
            .findings
            .iter()
            .filter_map(|f| f.node.map(|n| (n, f.to_string())))
            .collect();
        if nodes.is_empty() {
            let plan_level: Vec<String> = self.findings.iter().map(|f| f.to_string()).collect();
            if plan_level.is_empty() {
                self.info("No warnings or errors in the plan.");
            } else {
                self.error(plan_level.join(" · "));
            }
            return;
        }
        let here = self.tree.selected();
        let mut sorted = nodes;
        sorted.sort_by(|a, b| tree::cmp_tree_order(a.0, b.0));
        let next = sorted
            .iter()
            .find(|(n, _)| here.is_none_or(|h| tree::cmp_tree_order(*n, h).is_gt()))
            .or_else(|| sorted.first())
            .cloned();
        if let Some((node, text)) = next {
            if !self.reveal(node) {
                self.filter = Filter::All;
                self.reveal(node);
            }
            let is_error = text.starts_with("error");
            self.set_status(text, is_error);
        }
    }

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
    fn jump_match(&mut self, forward: bool, from_here: bool) {
        if self.query.trim().is_empty() {
            self.info("No search yet: press / to search");
            return;
        }
        let matches = self.matches(&self.query);
        if matches.is_empty() {
            self.error(format!("No match for \"{}\"", self.query));
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
        self.info(format!(
            "Match {} of {} for \"{}\" (n next, N previous)",
            pick + 1,
            matches.len(),
            self.query
        ));
    }

    fn update_search(
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
                    self.info("Search cleared");
                }
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.query.clear();
                if let Some(o) = origin {
                    self.reveal(o);
                }
                self.info("Search cancelled");
            }
            _ => {}
        }
        Effect::None
    }

    fn update_path(&mut self, mut input: Input, purpose: PathPurpose, action: Action) -> Effect {
        match action {
            Action::Input(edit) => {
                input.apply(&edit);
                self.mode = Mode::Path {
                    input,
                    purpose,
                    error: None,
                };
            }
            Action::Submit => {
                let text = input.text();
                if text.trim().is_empty() {
                    self.mode = Mode::Path {
                        input,
                        purpose,
                        error: Some("type a file name".into()),
                    };
                    return Effect::None;
                }
                self.mode = Mode::Normal;
                return match purpose {
                    PathPurpose::SaveAs => Effect::SaveAs(crate::paths::expand_home(text.trim())),
                };
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
                self.info("Cancelled");
            }
            _ => {}
        }
        Effect::None
    }

    fn update_dialog(&mut self, kind: DialogKind, selected: usize, action: Action) -> Effect {
        let choices = kind.choices();
        let answer = match action {
            Action::DialogNext => {
                self.mode = Mode::Dialog {
                    kind,
                    selected: (selected + 1) % choices.len(),
                };
                None
            }
            Action::DialogPrev => {
                self.mode = Mode::Dialog {
                    kind,
                    selected: (selected + choices.len() - 1) % choices.len(),
                };
                None
            }
            Action::Submit => Some(choices[selected.min(choices.len() - 1)].answer),
            // The journal's edits must be restored or dropped on purpose: Esc leaves the
            // question open rather than deciding either way.
            Action::Cancel if kind == DialogKind::Restore => {
                self.error("Choose r to restore the unsaved edits or d to drop them");
                None
            }
            Action::Cancel => Some(Answer::Cancel),
            Action::DialogKey(c) => choices
                .iter()
                .find(|ch| ch.key.eq_ignore_ascii_case(&c))
                .map(|ch| ch.answer),
            _ => None,
        };
        let Some(answer) = answer else {
            return Effect::None;
        };
        self.mode = Mode::Normal;
        match (kind, answer) {
            (DialogKind::Restore, Answer::Restore) => {
                self.restore();
                Effect::None
            }
            (DialogKind::Restore, Answer::Drop) => {
                let n = self.recovered.len();
                self.recovered.clear();
                self.info(format!(
                    "Dropped {n} unsaved edit(s) from the previous session"
                ));
                Effect::DropJournal
            }
            (DialogKind::Restore, _) => Effect::None,
            (DialogKind::ReplaceFile, Answer::Overwrite) => match self.replacing.take() {
                Some(path) => Effect::SaveAsReplacing(path),
                None => Effect::None,
            },
            (_, Answer::Cancel) => {
                self.quit_after_save = false;
                self.info("Cancelled");
                Effect::None
            }
            (DialogKind::Quit, Answer::Save) => {
                if self.read_only {
                    self.quit_after_save = true;
                    self.update_normal(Action::SaveAs)
                } else {
                    self.quit_after_save = true;
                    Effect::Save
                }
            }
            (DialogKind::Quit, Answer::Discard) => Effect::Quit,
            (DialogKind::Conflict, Answer::Reload) => Effect::Reload,
            (DialogKind::Conflict, Answer::Overwrite) => Effect::SaveOverwrite,
            (DialogKind::Conflict, Answer::SaveAs) => self.update_normal(Action::SaveAs),
            _ => Effect::None,
        }
    }

    fn update_export(
        &mut self,
        format: crate::export::Format,
        mut input: Input,
        mut edited: bool,
        action: Action,
    ) -> Effect {
        use crate::export::Format;
        let step = |d: isize| {
            let i = Format::ALL.iter().position(|f| *f == format).unwrap_or(0) as isize;
            Format::ALL[(i + d).rem_euclid(Format::ALL.len() as isize) as usize]
        };
        let next = match action {
            Action::DialogNext => step(1),
            Action::DialogPrev => step(-1),
            Action::Input(e) => {
                input.apply(&e);
                edited = true;
                format
            }
            Action::Submit => {
                let text = input.text();
                if text.trim().is_empty() {
                    self.mode = Mode::Export {
                        format,
                        input,
                        edited,
                        error: Some("type where to write the file".into()),
                    };
                    return Effect::None;
                }
                self.mode = Mode::Normal;
                return Effect::Export {
                    format,
                    path: crate::paths::expand_home(text.trim()),
                };
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.info("Export cancelled");
                return Effect::None;
            }
            _ => format,
        };
        if next != format {
            let path = if edited {
                PathBuf::from(input.text().trim()).with_extension(next.extension())
            } else {
                crate::export::default_path(&self.path, next)
            };
            input = Input::new(&path.display().to_string());
        }
        self.mode = Mode::Export {
            format: next,
            input,
            edited,
            error: None,
        };
        Effect::None
    }

    /// Opens a field of the selected indicator for typing.
    pub fn start_edit(&mut self, field: EditField) {
        let Some(path) = self.selected_indicator() else {
            self.info(
                "Select an indicator first: results, notes and overrides belong to indicators",
            );
            return;
        };
        if self.read_only {
            self.error(
                "Read-only: another perfplan has this plan open; nothing can be changed here",
            );
            return;
        }
        let text = initial_text(&self.plan, self.plan.indicator(path), field);
        self.mode = Mode::Edit(Edit {
            path,
            field,
            input: Input::new(&text),
            error: None,
            override_value: None,
        });
    }

    /// Parses the result being typed, in the plan's locale and the indicator's unit.
    fn parse_result(&self, path: IndicatorPath, text: &str) -> Result<Option<Value>, String> {
        let ind = self.plan.indicator(path);
        let value = self.plan.locale.parse_value(text, &ind.unit)?;
        if let (Some(Value::Number(n)), crate::plan::Unit::Count | crate::plan::Unit::Label(_)) =
            (value, &ind.unit)
            && (n < Decimal::ZERO || !n.fract().is_zero())
        {
            return Err(format!(
                "a count is a whole number of {}, like 12",
                ind.unit.word()
            ));
        }
        Ok(value)
    }

    fn parse_override(&self, text: &str) -> Result<Option<Decimal>, String> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let n = self
            .plan
            .locale
            .parse_number(text.trim().trim_end_matches('%'))?;
        if n < Decimal::ZERO || n > Decimal::ONE_HUNDRED {
            return Err("a realization is between 0 and 100 %".into());
        }
        Ok(Some(n))
    }

    /// Shows what the typed value would score, on the indicator and every level above it.
    fn preview(&mut self, edit: &mut Edit) {
        let path = edit.path;
        let text = edit.input.text();
        let preview: Result<Outcome, String> = match edit.field {
            EditField::Result => self
                .parse_result(path, &text)
                .map(|v| score::outcome_with(self.plan.indicator(path), v)),
            EditField::OverrideRealization => self.parse_override(&text).map(|v| {
                let mut ind = self.plan.indicator(path).clone();
                ind.realization_override = v.map(|r| Override {
                    realization: r.into(),
                    reason: String::new(),
                });
                score::outcome(&ind)
            }),
            _ => return,
        };
        match preview {
            Ok(outcome) => {
                edit.error = None;
                self.scores.set_outcome(&self.plan, path, outcome);
            }
            Err(e) => {
                edit.error = Some(e);
                self.scores.update_indicator(&self.plan, path);
            }
        }
    }

    fn update_edit(&mut self, mut edit: Edit, action: Action) -> Effect {
        match action {
            Action::Input(e) => {
                edit.input.apply(&e);
                edit.error = None;
                self.preview(&mut edit);
                self.mode = Mode::Edit(edit);
                Effect::None
            }
            Action::Cancel => {
                self.scores.update_indicator(&self.plan, edit.path);
                self.mode = Mode::Normal;
                self.info("Cancelled: the value is as it was");
                Effect::None
            }
            Action::Submit => self.submit_edit(edit),
            _ => {
                self.mode = Mode::Edit(edit);
                Effect::None
            }
        }
    }

    fn submit_edit(&mut self, mut edit: Edit) -> Effect {
        let path = edit.path;
        let ind = self.plan.indicator(path);
        let mut after = Fields::of(ind);
        let text = edit.input.text();
        match edit.field {
            EditField::Result => match self.parse_result(path, &text) {
                Ok(v) => after.result = v,
                Err(e) => {
                    edit.error = Some(e);
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
            },
            EditField::Note => {
                after.note = kept_or_trimmed(ind.note.as_deref(), &text);
            }
            EditField::OverrideRealization => match self.parse_override(&text) {
                Ok(None) => after.realization_override = None,
                Ok(Some(v)) => {
                    let reason = initial_text(&self.plan, ind, EditField::OverrideReason);
                    self.mode = Mode::Edit(Edit {
                        path,
                        field: EditField::OverrideReason,
                        input: Input::new(&reason),
                        error: None,
                        override_value: Some(v),
                    });
                    return Effect::None;
                }
                Err(e) => {
                    edit.error = Some(e);
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
            },
            EditField::OverrideReason => {
                if text.trim().is_empty() {
                    edit.error = Some("an override needs its reason: say why the computed realization is not used".into());
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
                let realization = edit.override_value.unwrap_or(Decimal::ZERO);
                after.realization_override = Some(Override {
                    realization: realization.into(),
                    reason: kept_or_trimmed(
                        ind.realization_override.as_ref().map(|o| o.reason.as_str()),
                        &text,
                    )
                    .unwrap_or_default(),
                });
            }
        }
        self.mode = Mode::Normal;
        self.commit(path, after, edit.field)
    }

    /// Applies new field values to an indicator as one undoable edit.
    fn commit(&mut self, path: IndicatorPath, after: Fields, field: EditField) -> Effect {
        let ind = self.plan.indicator(path);
        let before = Fields::of(ind);
        if before == after {
            self.scores.update_indicator(&self.plan, path);
            self.info("No change");
            return Effect::None;
        }
        let description = self.describe(ind, &before, &after, field);
        let change = Change {
            path,
            id: ind.id.clone(),
            before,
            after: after.clone(),
            description,
        };
        self.apply_fields(path, &after);
        let realization = self.realization_text(path);
        self.info(format!(
            "{} · realization {realization}",
            change.description
        ));
        let id = change.id.clone();
        self.history.push(change);
        Effect::Changed { id, fields: after }
    }

    fn realization_text(&self, path: IndicatorPath) -> String {
        match self.scores.outcome(path) {
            Outcome::Scored(r) => self.plan.locale.percent(r.value),
            Outcome::Pending => "pending".into(),
            Outcome::Unscorable(_) => "cannot be scored".into(),
        }
    }

    fn describe(
        &self,
        ind: &Indicator,
        before: &Fields,
        after: &Fields,
        field: EditField,
    ) -> String {
        let loc = self.plan.locale;
        let show = |v: Option<Value>| v.map_or("pending".to_string(), |v| loc.value(v, &ind.unit));
        match field {
            EditField::Result => format!(
                "result of {}: {} → {}",
                ind.id,
                show(before.result),
                show(after.result)
            ),
            EditField::Note => format!(
                "note of {}: {}",
                ind.id,
                if after.note.is_some() {
                    "written"
                } else {
                    "removed"
                }
            ),
            EditField::OverrideRealization | EditField::OverrideReason => {
                match &after.realization_override {
                    Some(o) => format!(
                        "override of {}: {}",
                        ind.id,
                        loc.percent(o.realization.value())
                    ),
                    None => format!("override of {}: removed", ind.id),
                }
            }
        }
    }

    /// Sets an indicator's edited fields and rescores what depends on it.
    fn apply_fields(&mut self, path: IndicatorPath, fields: &Fields) {
        fields.apply_to(self.plan.indicator_mut(path));
        self.scores.update_indicator(&self.plan, path);
        let node = Some(NodePath::Indicator(path));
        self.findings
            .retain(|f| f.node != node || f.message.starts_with("the id"));
        let fresh = validate::indicator_findings(&self.plan, path);
        let at = self
            .findings
            .iter()
            .position(|f| {
                f.node
                    .is_some_and(|n| tree::cmp_tree_order(n, NodePath::Indicator(path)).is_gt())
            })
            .unwrap_or(self.findings.len());
        self.findings.splice(at..at, fresh);
    }

    fn undo(&mut self) -> Effect {
        let Some(change) = self.history.undo().cloned() else {
            self.info("Nothing to undo");
            return Effect::None;
        };
        self.apply_fields(change.path, &change.before);
        self.reveal(NodePath::Indicator(change.path));
        self.info(format!("Undone: {}", change.description));
        Effect::Changed {
            id: change.id,
            fields: change.before,
        }
    }

    fn redo(&mut self) -> Effect {
        let Some(change) = self.history.redo().cloned() else {
            self.info("Nothing to redo");
            return Effect::None;
        };
        self.apply_fields(change.path, &change.after);
        self.reveal(NodePath::Indicator(change.path));
        self.info(format!("Redone: {}", change.description));
        Effect::Changed {
            id: change.id,
            fields: change.after,
        }
    }

    /// The event loop saved the plan (to `path`, which is now the plan's file).
    pub fn saved(&mut self, path: PathBuf, note: Option<String>) {
        self.path = path;
        self.history.mark_saved();
        let mut msg = format!("Saved {}", self.path.display());
        if let Some(n) = note {
            msg.push_str(" · ");
            msg.push_str(&n);
        }
        self.info(msg);
    }

    /// The event loop could not save: the plan stays in memory with its changes.
    pub fn save_failed(&mut self, message: String) {
        self.quit_after_save = false;
        self.error(format!(
            "Not saved: {message}. Your changes are still here; S saves under another name."
        ));
    }

    /// Asks whether to restore the edits a crashed run left in the journal.
    pub fn offer_restore(&mut self, entries: Vec<Entry>) {
        self.recovered = entries;
        self.mode = Mode::Dialog {
            kind: DialogKind::Restore,
            selected: 0,
        };
    }

    /// Save-as was given an existing file: ask before replacing it.
    pub fn ask_replace(&mut self, path: PathBuf) {
        self.replacing = Some(path);
        self.mode = Mode::Dialog {
            kind: DialogKind::ReplaceFile,
            selected: 1,
        };
    }

    /// The question a dialog asks, in full.
    pub fn dialog_question(&self, kind: DialogKind) -> String {
        if kind == DialogKind::ReplaceFile {
            return format!(
                "{} exists. Replace it with this plan? (Its old text is kept as a .bak beside it.)",
                self.replacing
                    .as_deref()
                    .map_or(String::new(), |p| p.display().to_string())
            );
        }
        if kind != DialogKind::Restore {
            return kind.question().to_string();
        }
        let n = self.recovered.len();
        let fmt = |e: &Entry| {
            format!(
                "{} {}",
                self.plan.locale.date(e.at.date_naive()),
                e.at.format("%H:%M:%S")
            )
        };
        let span = match (self.recovered.first(), self.recovered.last()) {
            (Some(a), Some(b)) if n > 1 => format!("from {} to {}", fmt(a), fmt(b)),
            (Some(a), _) => format!("made {}", fmt(a)),
            _ => String::new(),
        };
        format!(
            "perfplan ended without saving {n} edit(s) to this plan, {span}. They were kept in the recovery journal."
        )
    }

    /// Applies the journalled edits, each as an undoable edit.
    fn restore(&mut self) {
        let entries = std::mem::take(&mut self.recovered);
        let mut applied = 0;
        let mut missing = Vec::new();
        for e in &entries {
            let Some(path) = self.plan.find_indicator(&e.id) else {
                missing.push(e.id.clone());
                continue;
            };
            let ind = self.plan.indicator(path);
            let before = Fields::of(ind);
            if before == e.fields {
                continue;
            }
            let change = Change {
                path,
                id: e.id.clone(),
                before,
                after: e.fields.clone(),
                description: format!("restored edit of {}", e.id),
            };
            self.apply_fields(path, &e.fields);
            self.history.push(change);
            applied += 1;
        }
        let mut msg = format!("Restored {applied} edit(s); save to keep them");
        if !missing.is_empty() {
            msg.push_str(&format!(
                " · not found in the plan (skipped): {}",
                missing.join(", ")
            ));
        }
        self.set_status(msg, !missing.is_empty());
    }

    /// The plan's file changed on disk since it was loaded: ask what to do.
    pub fn save_conflict(&mut self) {
        self.mode = Mode::Dialog {
            kind: DialogKind::Conflict,
            selected: 0,
        };
    }
}
