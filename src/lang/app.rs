//! The words of the terminal app: the screen's labels, the status line, the fields and
//! their errors, the dialogs, the help and the key names.

use super::{Lang, Say};
use crate::app::EditField;
use crate::app::dialog::{Choice, DialogKind};
use crate::app::keymap::{Context, Does, Hint, KeyName};
use crate::app::msg::{
    FieldError, FieldName, JournalDown, Msg, Problem, ReadOnly, ReloadProblem, Shown, StepText,
};
use crate::app::tree::Filter;
use crate::export::Format;
use crate::paths::DirError;
use crate::store::lock::LockWhy;
use crate::store::{Cause, NotAFile, WriteError};

/// Declares an enum of unit variants with `ALL`, the list of its variants (for the tests
/// that read every word of both languages).
macro_rules! listed {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($(#[$vmeta])* $variant),* }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),*];
        }
    };
}
pub(crate) use listed;

listed! {
    /// The fixed words of the screen.
    pub enum Word {
    ReadOnlyBadge,
    NoRecoveryBadge,
    UnsavedBadge,
    Strategic,
    Operational,
    Preview,
    ErrorsLeftOut,
    Provisional,
    LockNote,
    Plan,
    NoPerspectives,
    Detail,
    PlanAsAWhole,
    Error,
    Warning,
    StrategicIndicator,
    OperationalIndicator,
    Target,
    Result,
    Unit,
    Realization,
    How,
    Override,
    Note,
    Baseline,
    Place,
    /// The tree's column names, on the line above its rows.
    ColumnWeight,
    ColumnResult,
    ColumnTarget,
    ColumnRealization,
    /// The realization's column name where the full one does not fit.
    ColumnRealizationShort,
    ColumnMeasured,
    PendingResult,
    Pending,
    Weight,
    StrategicObjectivesShare,
    StrategicObjective,
    FlatMean,
    StrategicIndicators,
    OperationalObjectivesShare,
    OperationalObjective,
    MeanOfOperational,
    StrategicIndicatorsCount,
    OperationalIndicators,
    NoteHint,
    OverrideHint,
    ReasonHint,
    SearchTitle,
    SaveAsTitle,
    ExportTitle,
    FileLabel,
    ExportPendingNote,
    HelpTitle,
    HelpLegend,
    HelpFrame,
    Yours,
    FileValue,
    AnyOtherKey,
    TypesItself,
    Keys,
    WhatTheyDo,
    /// The word a copy's file name ends with (`plan-copy.ron`).
    Copy,
    /// What typing a digit or a sign does on the tree (in the help).
    TypeToReplace,
    /// The status line's note of where Enter goes after a result.
    EnterGoesNext,
    EnterGoesPending,
    /// The title of a paste's preview.
    PasteTitle,
    /// A pasted line past the last indicator.
    PasteBeyond,
    /// Beside a weight that is an equal share of what the others leave.
    EqualShare,
    /// An indicator marked not assessable ("non valutabile"), and its reason's label.
    NotAssessable,
    /// The same, short, in the tree's realization column.
    NotAssessableShort,
    /// Under the not-assessable reason's field.
    NotAssessableHint,
    TargetHint,
    TargetReasonHint,
    TargetDateHint,
    /// The detail pane's label of an indicator's history (its audit log), and the ways a
    /// change came.
    History,
    SourceTyped,
    SourceRestore,
    SourceMerge,
    SourceImport,
    /// The field of the forms to import, and the title of their preview.
    ImportTitle,
    ImportPreviewTitle,
    /// The detail pane's label of the office that owns an indicator.
    Office,
    /// The header's label of the monitoring period shown.
    Period,
    /// The detail pane's label of the values across periods.
    Trend,
    /// The detail pane's label of a target changed during the year.
    TargetChanged,
    /// Beside the reason an indicator is not assessable, in the detail pane (13 cells at
    /// most).
    NotAssessableWhy,
    /// In the tree's realization column, for an indicator that cannot be scored.
    UnscorableShort,
    /// A pasted empty cell, beside the result it clears.
    PasteClears,
    }
}

/// What a result is typed as, for the field's hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Date,
    Percent,
    Number,
    YesNo,
}

/// What a dialog's question needs to be said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub kind: DialogKind,
    /// The file the question is about (replacing, theirs).
    pub path: Option<std::path::PathBuf>,
    /// The plan's errors (a draft export).
    pub errors: usize,
    pub journal_down: Option<JournalDown>,
    /// A percentage typed as a fraction and what it would be as a percentage, as the
    /// plan's locale writes them (`0,93`, `93`).
    pub fraction: Option<(String, String)>,
}

/// What the restore dialog says, before the list of fields changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreFacts {
    /// The changes since the last save, offered on the version read after a conflict
    /// (rather than left by a run that ended without saving).
    pub merge: bool,
    /// The fields a git merge found changed on both sides (ours in the file, theirs
    /// offered).
    pub git_merge: bool,
    pub changes: usize,
    /// When the changes were made: first and last, as the plan's locale writes them.
    pub first: Option<String>,
    pub last: Option<String>,
    pub records: usize,
    pub damaged: usize,
    pub file_changed: bool,
    /// Fields changed in the file too.
    pub conflicts: usize,
    /// Fields whose value before the changes is unknown.
    pub unknown: usize,
    pub missing: Vec<String>,
    pub ambiguous: Vec<String>,
    /// Periods of the changes that the plan no longer has.
    pub gone_periods: Vec<String>,
    /// Where the changes left out were written down (`None` with some left out: they
    /// could not be).
    pub left_out_file: Option<std::path::PathBuf>,
    pub left_out: usize,
}

pub trait AppWords {
    fn word(&self, w: Word) -> &'static str;
    fn key_name(&self, k: KeyName) -> &'static str;
    fn key_help(&self, d: Does) -> &'static str;
    fn key_hint(&self, h: Hint) -> &'static str;
    fn context_title(&self, c: Context) -> &'static str;
    fn filter(&self, f: &Filter) -> String;
    fn format_name(&self, f: Format) -> &'static str;
    fn field_label(&self, f: EditField) -> &'static str;
    fn field_name(&self, f: FieldName) -> &'static str;
    /// The hint under a result being typed: what to type, as the plan's locale writes it.
    fn value_hint(&self, kind: ValueKind, locale: crate::plan::Locale) -> &'static str;
    /// The rest of that hint: empty means pending, and the keys.
    fn value_hint_keys(&self, confirm: &str, cancel: &str, left: &str, right: &str) -> String;
    fn msg(&self, m: &Msg) -> String;
    fn field_error(&self, e: &FieldError) -> String;
    fn problem(&self, p: &Problem) -> String;
    fn save_advice(&self, p: &Problem) -> &'static str;
    fn read_only(&self, r: &ReadOnly) -> String;
    fn lock_why(&self, w: &LockWhy) -> String;
    fn cause(&self, c: &Cause) -> String;
    fn not_a_file(&self, n: NotAFile) -> &'static str;
    fn journal_down(&self, j: &JournalDown) -> String;
    fn reload_problem(&self, r: &ReloadProblem) -> String;
    fn dir_error(&self, e: &DirError) -> String;
    fn step(&self, s: &StepText) -> String;
    fn shown(&self, s: &Shown) -> String;
    fn dialog_title(&self, k: DialogKind) -> &'static str;
    fn dialog_choices(&self, k: DialogKind) -> &'static [Choice];
    fn dialog_question(&self, q: &Question) -> String;
    fn restore_title(&self, merge: bool) -> &'static str;
    fn restore_lines(&self, f: &RestoreFacts) -> Vec<String>;
    fn restore_row(&self, id: &str, field: FieldName, file: &str, yours: &str) -> String;
    /// The restore dialog offering the conflicts of a git merge: its title, its lines and
    /// one row per field (ours, in the file, and theirs).
    fn git_merge_title(&self) -> &'static str;
    fn git_merge_lines(&self, f: &RestoreFacts) -> Vec<String>;
    fn git_merge_row(&self, id: &str, field: FieldName, ours: &str, theirs: &str) -> String;
    /// The head of the file the changes a restore left out are written to.
    fn left_out_header(&self) -> &'static str;
    fn too_small(&self, width: u16, height: u16, min_width: u16, min_height: u16) -> String;
    /// "Indicators measured 70 / 70".
    fn measured(&self, measured: usize, total: usize) -> String;
    /// Beside the measured count: how many indicators are marked not assessable.
    fn not_assessable_count(&self, n: usize) -> String;
    fn filter_is(&self, f: &Filter) -> String;
    fn errors(&self, n: usize) -> String;
    fn warnings(&self, n: usize) -> String;
    fn no_rows(&self, f: &Filter, key: &str) -> String;
    fn tree_title(&self, f: &Filter) -> String;
    /// An objective's share: `9 % × 98,00 % → 32,67 points` (`points` none: no points).
    fn share(&self, weight: &str, realization: &str, points: Option<&str>) -> String;
    fn wrong_weight(&self, weight: &str) -> String;
    fn pending_left_out(&self, weight: &str) -> String;
    fn points(&self, points: &str) -> String;
    fn mean_measured(&self, percent: &str, measured: usize, total: usize) -> String;
    fn perspective_title(&self, name: &str) -> String;
    fn perspective_mean(
        &self,
        percent: &str,
        objectives: (usize, usize),
        indicators: (usize, usize),
    ) -> String;
    fn operational_weighted(&self, percent: &str) -> String;
    fn search_hint(
        &self,
        matches: usize,
        keep: &str,
        next: &str,
        prev: &str,
        cancel: &str,
    ) -> String;
    fn save_as_hint(&self, confirm: &str, cancel: &str) -> String;
    fn export_errors(&self, errors: usize, key: &str) -> String;
}

impl Say for Msg {
    fn say(&self, lang: Lang) -> String {
        lang.words().msg(self)
    }
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        lang.words().problem(self)
    }
}

impl Say for DirError {
    fn say(&self, lang: Lang) -> String {
        lang.words().dir_error(self)
    }
}

impl Say for NotAFile {
    fn say(&self, lang: Lang) -> String {
        lang.words().not_a_file(*self).to_string()
    }
}

impl Say for WriteError {
    fn say(&self, lang: Lang) -> String {
        lang.words().problem(&Problem::from_write(self, false))
    }
}

impl Say for Cause {
    fn say(&self, lang: Lang) -> String {
        lang.words().cause(self)
    }
}

/// Keys named in messages, looked up in the key map so that they cannot drift from it.
pub(crate) fn key(context: Context, action: crate::app::Action, lang: Lang) -> String {
    crate::app::keymap::key_for(context, &action, lang)
}
