//! The app's state and its one way of changing: [`App::update`] takes an [`Action`] and
//! returns the [`Effect`] the event loop must carry out (save, export, quit). What the loop
//! learns by carrying it out comes back as an [`Action::Done`] through `update` too, so the
//! state changes in one place and tests drive every path with actions. Nothing here draws
//! or touches a file.
//!
//! The state lives here; what changes it lives by concern: [`navigate`] (moving in the
//! tree), [`search`], [`edit`] (typing values, undo and redo), [`dialog`] (questions),
//! [`files`] (saving, exporting, what the loop reports back), [`recovery`] (the restore of
//! changes a crashed run left in the journal).

pub mod dialog;
pub mod edit;
pub mod files;
pub mod history;
pub mod input;
pub mod keymap;
pub mod msg;
pub mod navigate;
pub mod paste;
pub mod pending;
pub mod recovery;
pub mod search;
pub mod tree;

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::layout::{self, Areas};
use crate::plan::{FieldChange, IndicatorPath, NodePath, Plan};
use crate::score::Scores;
use crate::validate::{self, Finding};
pub use dialog::{Answer, Choice, DialogKind};
pub use files::Outcome;
use history::History;
use input::{Input, InputEdit};
use keymap::Context;
pub use msg::{FieldError, JournalDown, Msg, Problem, ReadOnly};
use pending::Pending;
pub use recovery::Recovery;
use search::Search;
use tree::{Filter, Tree};

/// Everything a key or the mouse can ask for, and what the event loop reports back.
#[derive(Debug, Clone, PartialEq)]
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
    /// Marks the indicator not assessable (with a reason), or assessable again.
    EditNotAssessable,
    /// Changes the year's target, with the reason (kept on record).
    ChangeTarget,
    /// Shows the next monitoring period (or the previous one).
    NextPeriod,
    PrevPeriod,
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
    /// Reads the offices' forms into the plan (a file or a folder of them).
    Import,
    Quit,
    /// A change to the field being typed in.
    Input(InputEdit),
    /// A character typed on the tree: starts editing the selected indicator's result with it.
    StartTyping(char),
    Submit,
    /// Confirm the field and go on to the next indicator's result (Tab).
    ConfirmAndNext,
    /// Confirm the field and go back to the previous indicator's result (Shift-Tab).
    ConfirmAndPrev,
    /// Switch where Enter goes after a result: the next indicator, or the next pending one.
    ToggleEnterMoves,
    /// In a paste's preview: put in the values that can be read, leaving out the others.
    SkipUnreadable,
    Cancel,
    DialogNext,
    DialogPrev,
    /// A letter pressed in a dialog: picks the choice it names.
    DialogKey(char),
    /// In the restore dialog: take the journal's value for every field listed.
    TakeAllMine,
    /// In the restore dialog: keep the file's value for every field listed.
    KeepAllFile,
    /// In the restore dialog: drop every change of the journal.
    DropRecovered,
    /// Text pasted into the terminal (bracketed paste): typed into the field being edited.
    Paste(String),
    /// A left click at a cell of the screen.
    Click {
        column: u16,
        row: u16,
    },
    /// Two clicks on one cell, quickly: on an indicator, edits its result.
    DoubleClick {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    Resize {
        width: u16,
        height: u16,
    },
    /// The event loop carried out an effect: what came of it.
    Done(Box<Outcome>),
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    /// Write the plan to its file.
    Save,
    /// Write the plan to its file even though it changed on disk (theirs is kept aside).
    SaveOverwrite,
    /// Write the plan to another file, which becomes the plan's file (asking first when
    /// that file exists).
    SaveAs(PathBuf),
    /// The same, replacing the file there: the user said so.
    SaveAsReplacing(PathBuf),
    /// Read the plan's file again, keeping the unsaved edits aside.
    Reload,
    /// The same, then offer the changes made since the last save again on the version read
    /// (fields changed on both sides listed).
    ReloadMerging,
    /// Make the version kept at this path the plan again (after a save found somebody
    /// else's version in the file's place), keeping ours aside, and read it.
    TakeTheirs(PathBuf),
    /// Leave the app.
    Quit,
    /// Changes were made to the plan (an edit, an undo, a redo): record them in the
    /// crash-recovery journal.
    Journal(Vec<FieldChange>),
    /// Remember where Enter goes after a result (the next pending indicator, or the next
    /// one) for the next runs.
    RememberEnterToPending(bool),
    /// Changes were restored from the journal (or, `merge`, this run's changes applied to
    /// another version of the file): it now holds these alone.
    RewriteJournal {
        changes: Vec<FieldChange>,
        merge: bool,
    },
    /// Forget the crash-recovery journal: the user dropped its changes.
    DropJournal,
    /// Write the summary in `format` to `path` (asking first when a file is there, unless
    /// `replace`).
    Export {
        format: crate::export::Format,
        path: PathBuf,
        replace: bool,
    },
    /// Read the offices' forms at `path` (a file, or every form in a folder) against the
    /// plan.
    ReadForms(PathBuf),
    /// Forms' values were put in: journal them, and log them as imported from their file.
    Imported(Vec<(FieldChange, String)>),
}

/// Which field of an indicator is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditField {
    Result,
    Note,
    OverrideRealization,
    OverrideReason,
    /// Why the indicator cannot be assessed this year: a reason marks it not assessable,
    /// none makes it assessable again.
    NotAssessableReason,
    /// The year's target, changed during the year (rimodulazione).
    Target,
    /// The day the target changed (the decision's date).
    TargetDate,
    /// Why the target changed (required).
    TargetReason,
}

/// Typing into a field of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub path: IndicatorPath,
    pub field: EditField,
    pub input: Input,
    /// Why what is typed cannot be used; nothing is committed while this is set.
    pub error: Option<FieldError>,
    /// The override realization typed at the first step, while its reason is typed.
    pub override_value: Option<Decimal>,
    /// The new target typed at the first step, while its date and reason are typed.
    pub target_text: Option<String>,
    /// The day of the target change typed at the second step, while its reason is typed.
    pub target_date: Option<chrono::NaiveDate>,
}

/// What a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    SaveAs,
    /// The offices' forms to import: a file or a folder.
    Import,
}

#[derive(Debug, Clone, PartialEq)]
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
        error: Option<FieldError>,
    },
    Dialog {
        kind: DialogKind,
        selected: usize,
    },
    /// Choosing which changes of the recovery journal to restore.
    Restore {
        /// The field selected in the list of fields changed on both sides.
        cursor: usize,
    },
    Help {
        scroll: u16,
    },
    /// A column of pasted values, shown before they go in.
    Paste {
        rows: Vec<paste::PasteRow>,
        /// The first row shown.
        scroll: usize,
        /// The field the column was pasted into, as it was, to go back to when the paste is
        /// closed without applying it.
        back: Option<Box<Edit>>,
    },
    /// What the offices' forms would change, before it goes in.
    Import {
        import: Box<crate::forms::import::Import>,
        /// The first line shown.
        scroll: usize,
    },
    /// Choosing an export format and where to write it.
    Export {
        format: crate::export::Format,
        input: Input,
        /// The user changed the path: switching format changes only its extension.
        edited: bool,
        error: Option<FieldError>,
    },
}

/// The latest message of the status line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Status {
    pub msg: Msg,
    pub is_error: bool,
}

/// The whole state of the app.
pub struct App {
    pub plan: Plan,
    /// The language of the interface (numbers and dates follow the plan's locale).
    pub lang: Lang,
    pub scores: Scores,
    pub findings: Vec<Finding>,
    /// The plan's file.
    pub path: PathBuf,
    /// Another perfplan has the plan open (or it cannot be locked): nothing may be saved
    /// over it.
    pub read_only: bool,
    /// Why the plan is read-only when it is not another perfplan holding it.
    pub read_only_why: Option<crate::store::lock::LockWhy>,
    pub tree: Tree,
    pub filter: Filter,
    pub mode: Mode,
    pub history: History,
    pub status: Status,
    /// The last search, for `n` and `N`.
    pub query: String,
    /// The search index and the kept matches of the last search.
    pub search: Search,
    /// The pending indicators, in tree order, for `p` and `P`.
    pub pending: Pending,
    /// Terminal size in cells.
    pub size: (u16, u16),
    /// Quit after the save under way succeeds.
    pub quit_after_save: bool,
    /// Changes of a run that ended without saving, while the user decides.
    pub recovery: Option<Recovery>,
    /// The existing file a save-as would replace, while the user decides.
    pub replacing: Option<PathBuf>,
    /// The export waiting for the user's word to replace an existing file.
    pub pending_export: Option<(crate::export::Format, PathBuf)>,
    /// Somebody else's version, found in the file's place by the last save and kept here.
    pub theirs: Option<PathBuf>,
    /// Why the crash-recovery journal cannot be written, for as long as it cannot.
    pub journal_down: Option<JournalDown>,
    /// The user has been asked once whether to edit on without crash recovery.
    pub journal_asked: bool,
    /// The stand-in lock file the plan is locked with, when its own folder cannot take
    /// one (other users may not see it): the header says so.
    pub lock_note: Option<PathBuf>,
    /// Enter, after a result, goes to the next *pending* indicator rather than the next one
    /// (remembered between runs).
    pub enter_to_pending: bool,
    /// A percentage typed as a fraction (`0,93`), while the user says what was meant.
    pub pending_fraction: Option<(IndicatorPath, Decimal, edit::After)>,
    /// A note the plan asked for after a result is being typed: where to go once it is given.
    pub note_then: Option<edit::After>,
    /// After a pasted column, the indicators whose notes the plan asks for still to be
    /// typed, after the one open now (in tree order).
    pub notes_due: std::collections::VecDeque<IndicatorPath>,
    /// The plan's audit log as read at open and added to by each save: the detail pane
    /// shows an indicator's history from it.
    pub audit: Vec<crate::store::audit::Record>,
    /// The validation finding `w` reached last (an index into `findings`), while the user
    /// goes from one to the next.
    pub current_finding: Option<usize>,
}

impl App {
    pub fn new(plan: Plan, path: PathBuf) -> App {
        let scores = Scores::compute(&plan);
        let findings = validate::validate(&plan);
        let tree = Tree::new(&plan, &scores);
        let pending = Pending::new(&plan, &scores);
        let mut app = App {
            lang: Lang::of_locale(plan.locale),
            plan,
            scores,
            findings,
            path,
            read_only: false,
            read_only_why: None,
            tree,
            filter: Filter::All,
            mode: Mode::Normal,
            history: History::new(),
            status: Status::default(),
            query: String::new(),
            search: Search::default(),
            pending,
            size: (120, 36),
            quit_after_save: false,
            recovery: None,
            replacing: None,
            pending_export: None,
            theirs: None,
            journal_down: None,
            journal_asked: false,
            lock_note: None,
            current_finding: None,
            audit: Vec::new(),
            enter_to_pending: false,
            pending_fraction: None,
            note_then: None,
            notes_due: Default::default(),
        };
        app.status_findings_summary();
        app
    }

    fn status_findings_summary(&mut self) {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.severity == validate::Severity::Error)
            .count();
        let warnings = self.findings.len() - errors;
        if self.findings.is_empty() {
            self.info(Msg::Opened {
                indicators: self.plan.indicator_count(),
            });
        } else {
            self.set_status(Msg::OpenedWithFindings { errors, warnings }, errors > 0);
        }
    }

    fn info(&mut self, msg: Msg) {
        self.set_status(msg, false);
    }

    fn error(&mut self, msg: Msg) {
        self.set_status(msg, true);
    }

    fn set_status(&mut self, msg: Msg, is_error: bool) {
        self.status = Status { msg, is_error };
    }

    /// On a yes/no indicator's row, the first letter of a yes or a no (`s`, `n`, `y`) starts
    /// typing its result, as a digit does on a number's row, rather than being the key it
    /// is elsewhere (`s` saves: Ctrl-S still does). While a search with several matches is
    /// on, `n` and `N` keep going from match to match; `S` (save as) is left alone.
    pub fn yes_no_typing(&self, k: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let plain = !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
        let KeyCode::Char(c) = k.code else {
            return None;
        };
        // A search with more than one match: `n` and `N` go through them (with one match
        // they would go nowhere, and start a "no" instead).
        let searching = !self.query.trim().is_empty() && self.match_count() > 1;
        (plain
            && self.context() == keymap::Context::Tree
            && (matches!(c, 's' | 'y' | 'Y') || (matches!(c, 'n' | 'N') && !searching))
            && self
                .selected_indicator()
                .is_some_and(|p| self.plan.indicator(p).unit.is_yes_no()))
        .then_some(Action::StartTyping(c))
    }

    /// The status line's message in the interface's language.
    pub fn status_text(&self) -> String {
        crate::lang::Say::say(&self.status.msg, self.lang)
    }

    /// Why nothing can be changed here, for the messages that refuse a change.
    pub fn read_only_reason(&self) -> ReadOnly {
        match &self.read_only_why {
            Some(why) => ReadOnly::Unlockable(why.clone()),
            None => ReadOnly::Elsewhere,
        }
    }

    /// The reason the plan is read-only, when it is.
    pub fn read_only_now(&self) -> Option<ReadOnly> {
        self.read_only.then(|| self.read_only_reason())
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size.0, self.size.1, self.field_rows())
    }

    /// The rows the field being typed in takes (0: none open).
    pub fn field_rows(&self) -> u16 {
        match self.mode {
            Mode::Export { .. } => {
                layout::FIELD_HEIGHT + crate::export::Format::ALL.len() as u16 + 1
            }
            Mode::Edit(_) | Mode::Search { .. } | Mode::Path { .. } => layout::FIELD_HEIGHT,
            _ => 0,
        }
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
            Mode::Restore { .. } => Context::Restore,
            Mode::Paste { .. } | Mode::Import { .. } => Context::Paste,
            Mode::Export { .. } => Context::Export,
            Mode::Help { .. } => Context::Help,
        }
    }

    /// The indicator at `path` as it stands at the period shown: that period's result,
    /// override, note and target.
    pub fn indicator_now(
        &self,
        path: IndicatorPath,
    ) -> std::borrow::Cow<'_, crate::plan::Indicator> {
        self.plan.indicator(path).at(self.scores.period())
    }

    /// The period shown: its place among the plan's periods (the last, the year's final
    /// one, unless another was chosen), `None` when the plan names no periods.
    pub fn period_index(&self) -> Option<usize> {
        let n = self.plan.periods.len();
        if n == 0 {
            return None;
        }
        Some(
            self.scores
                .period()
                .and_then(|name| self.plan.periods.iter().position(|p| p.name == name))
                .unwrap_or(n - 1),
        )
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
            Action::DoubleClick { column, row } => {
                let before = self.tree.selected();
                let effect = self.click(column, row);
                // Only a double click on an indicator's row edits it (not one beside the
                // tree, which leaves the selection as it was).
                let on_a_row =
                    self.tree.selected() != before || self.clicked_is_selected(column, row);
                if matches!(self.mode, Mode::Normal)
                    && on_a_row
                    && self.selected_indicator().is_some()
                {
                    self.start_edit(EditField::Result);
                }
                return effect;
            }
            Action::Paste(text) => {
                // Several values (lines, or cells of a spreadsheet row): a column to fill.
                let target = match &self.mode {
                    Mode::Edit(e) if e.field == EditField::Result => Some(e.path),
                    Mode::Normal => self.selected_indicator(),
                    _ => None,
                };
                if let (Some(from), Some(values)) = (target, paste::cells(&text)) {
                    self.scores.update_indicator(&self.plan, from);
                    let back = match &self.mode {
                        Mode::Edit(e) => Some(Box::new(e.clone())),
                        _ => None,
                    };
                    self.start_paste(from, values, back);
                    return Effect::None;
                }
                // One value pasted on an indicator's row: its result, as if typed there.
                if matches!(self.mode, Mode::Normal) && target.is_some() {
                    let value = text.trim();
                    if !value.is_empty() {
                        self.start_edit(EditField::Result);
                        if matches!(self.mode, Mode::Edit(_)) {
                            self.update(Action::Input(InputEdit::Clear));
                            for c in value.chars().filter(|c| !c.is_control()) {
                                self.update(Action::Input(InputEdit::Insert(c)));
                            }
                        }
                    }
                    return Effect::None;
                }
                if matches!(self.context(), Context::Field | Context::Export) {
                    // One line: a line break in pasted text must not confirm the field.
                    // Terminals send a pasted line break as CR, LF or both: one space each.
                    let text = text.replace("\r\n", "\n").replace('\r', "\n");
                    for c in text.chars() {
                        let c = if c.is_control() { ' ' } else { c };
                        self.update(Action::Input(InputEdit::Insert(c)));
                    }
                }
                return Effect::None;
            }
            Action::Done(outcome) => {
                let effect = self.on_outcome(*outcome);
                self.scroll();
                return effect;
            }
            _ => {}
        }
        // Tab in a search or a path field confirms it, as Enter does.
        let action = match (&self.mode, action) {
            (
                Mode::Search { .. } | Mode::Path { .. },
                Action::ConfirmAndNext | Action::ConfirmAndPrev,
            ) => Action::Submit,
            (_, a) => a,
        };
        let effect = match self.mode.clone() {
            Mode::Normal => self.update_normal(action),
            Mode::Edit(edit) => self.update_edit(edit, action),
            Mode::Search { input, origin } => self.update_search(input, origin, action),
            Mode::Path { input, purpose, .. } => self.update_path(input, purpose, action),
            Mode::Dialog { kind, selected } => self.update_dialog(kind, selected, action),
            Mode::Restore { cursor } => self.update_restore(cursor, action),
            Mode::Paste { rows, scroll, back } => match action {
                Action::Submit => self.apply_paste(rows, false, back),
                Action::SkipUnreadable => self.apply_paste(rows, true, back),
                Action::Cancel => {
                    // Back to the field the column was pasted into, with what was typed.
                    match back {
                        Some(edit) => {
                            let mut edit = *edit;
                            self.preview(&mut edit);
                            self.mode = Mode::Edit(edit);
                        }
                        None => self.mode = Mode::Normal,
                    }
                    self.info(Msg::Cancelled);
                    Effect::None
                }
                Action::Down | Action::ScrollDown => {
                    let scroll = (scroll + 1).min(rows.len().saturating_sub(1));
                    self.mode = Mode::Paste { rows, scroll, back };
                    Effect::None
                }
                Action::Up | Action::ScrollUp => {
                    self.mode = Mode::Paste {
                        rows,
                        scroll: scroll.saturating_sub(1),
                        back,
                    };
                    Effect::None
                }
                _ => Effect::None,
            },
            Mode::Import { import, scroll } => self.update_import(import, scroll, action),
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
}
