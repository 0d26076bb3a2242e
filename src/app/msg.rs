//! What the app has to say, as values: each message keeps what happened and its figures,
//! and is turned into words only when drawn, in the interface's language (`lang`). No
//! behaviour depends on a message's words.

use std::path::PathBuf;

use super::tree::Filter;
use crate::export::Format;
use crate::store::lock::LockWhy;
use crate::store::{Cause, LoadError, NotAFile};
use crate::validate::Finding;

/// Why nothing may be saved over the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another perfplan has it open.
    Elsewhere,
    /// It cannot be locked against other editors.
    Unlockable(LockWhy),
}

/// Why the crash-recovery journal cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalDown {
    /// perfplan has no folder of its own to keep it in.
    NoFolder,
    Io {
        path: PathBuf,
        cause: Cause,
    },
}

/// How the plan was found on a run without a plan named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstRun {
    /// The bundled plan was copied here.
    Copied(PathBuf),
    /// The copy made on an earlier run is opened.
    Kept(PathBuf),
}

/// Why a file could not be written (or read): facts the user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The folder the file goes in does not exist; `gone` when it did when the plan was
    /// opened (moved, deleted or unmounted since).
    NoFolder {
        dir: PathBuf,
        gone: bool,
    },
    /// The user may not write there (permissions, a read-only disk).
    NotWritable {
        dir: PathBuf,
        cause: Cause,
    },
    /// The disk is full.
    Full {
        dir: PathBuf,
    },
    /// The path names something that is not a regular file.
    NotAFile {
        path: PathBuf,
        what: NotAFile,
    },
    /// The path is the plan's own file.
    IsThePlan {
        path: PathBuf,
    },
    /// Another perfplan has the file open.
    OpenElsewhere {
        path: PathBuf,
    },
    /// This perfplan opened the plan read-only.
    ReadOnly,
    /// The plan's file cannot be read to compare it with what was loaded.
    Unreadable {
        path: PathBuf,
        cause: Cause,
    },
    /// The file changed while it was being written.
    Changed {
        path: PathBuf,
    },
    /// The export could not be made (what the spreadsheet or CSV writer said).
    Render(Shared<crate::export::ExportError>),
    Other {
        dir: PathBuf,
        cause: Cause,
    },
}

/// A value shared by messages that must stay `Clone` and comparable (a load error holds
/// an I/O error, which is neither): equal when it is the same value.
#[derive(Debug)]
pub struct Shared<T>(pub std::sync::Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(std::sync::Arc::new(value))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

/// Why the plan could not be read again.
#[derive(Debug, Clone, PartialEq)]
pub enum ReloadProblem {
    /// The unsaved edits could not be written aside first.
    AsideFailed(Problem),
    /// Their version cannot be read.
    TheirsUnreadable { path: PathBuf, cause: Cause },
    /// Their version does not load, so the plan is left as it is.
    TheirsDoesNotLoad(Shared<LoadError>),
    /// Our version could not be kept aside; nothing was changed.
    MineNotKept(Problem),
    /// Their version could not be put in the plan's place (ours is kept aside).
    TheirsNotPut(Problem),
    /// The plan's file cannot be read again.
    Load(Shared<LoadError>),
}

/// A value of a field as shown in a message: the figures follow the plan's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// No result: pending.
    Pending,
    /// No note or override.
    Nothing,
    /// A value as the plan's locale writes it.
    Value(String),
    /// A realization set by hand, with its reason (shortened).
    Override { percent: String, reason: String },
    /// A note (shortened).
    Note(String),
}

/// The field a change is about, in the words of the restore list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    Result,
    Override,
    Note,
    NotAssessable,
    Target,
    TargetChanges,
}

impl FieldName {
    pub fn of(field: crate::plan::Field) -> FieldName {
        use crate::plan::Field;
        match field {
            Field::Result => FieldName::Result,
            Field::Override => FieldName::Override,
            Field::Note => FieldName::Note,
            Field::NotAssessable => FieldName::NotAssessable,
            Field::Target => FieldName::Target,
            Field::TargetChanges => FieldName::TargetChanges,
        }
    }
}

/// What a step of the history did: "result of 3.2.2-s2: 72 → 70".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepText {
    Result {
        id: String,
        old: Shown,
        new: Shown,
    },
    Note {
        id: String,
        written: bool,
    },
    Override {
        id: String,
        percent: Option<String>,
    },
    /// The year's target changed (its record kept).
    Target {
        id: String,
        old: Shown,
        new: Shown,
    },
    /// Marked not assessable (`marked`), or no longer.
    NotAssessable {
        id: String,
        marked: bool,
    },
    Restored {
        changes: usize,
    },
    Changes {
        changes: usize,
    },
}

/// A realization in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RealizationText {
    /// Marked not assessable.
    NotAssessable,
    Percent(String),
    Pending,
    Unscorable,
}

/// Why what is typed in a field cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// Not a number, a date or a percentage as the plan writes them.
    Parse(crate::plan::locale::InputError),
    /// A count that is negative or not whole.
    NotWholeCount { unit: crate::plan::Unit },
    /// An override outside 0–100 %.
    RealizationOutOfRange,
    /// A percentage between 0 and 1 in a pasted column: most likely this percentage.
    PercentAsFraction { meant: String },
    /// An override without its reason.
    ReasonNeeded,
    /// A target change without its reason.
    TargetReasonNeeded,
    /// An empty file name.
    NoFileName,
    /// An empty export path.
    NoExportPath,
    /// A value that reads, but cannot be scored against this indicator's target (a bound
    /// that does not decide it, a ratio of a count): said with its numbers in `locale`.
    Value {
        error: crate::plan::check::ValueError,
        locale: crate::plan::Locale,
    },
}

/// A message of the status line.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Msg {
    /// Nothing said yet.
    #[default]
    Empty,
    /// The plan opened without findings.
    Opened {
        indicators: usize,
    },
    /// The plan opened with findings.
    OpenedWithFindings {
        errors: usize,
        warnings: usize,
    },
    FirstRun(FirstRun),
    /// The plan opened read-only: one may look, and save a copy.
    OpenedReadOnly(ReadOnly),
    /// The journal's changes were all in the file already.
    AlreadySaved {
        changes: usize,
    },
    /// Records of the journal could not be read, and nothing else was left.
    JournalUnreadable {
        records: usize,
    },
    SelectIndicatorFirst,
    /// A change refused: the plan is read-only.
    NoChangeReadOnly(ReadOnly),
    /// A save refused: the plan is read-only.
    NoSaveReadOnly(ReadOnly),
    Cancelled,
    /// A field closed with Esc.
    ValueKept,
    NoChange,
    Changed {
        step: StepText,
        realization: RealizationText,
    },
    Undone(StepText),
    Redone(StepText),
    NothingToUndo,
    NothingToRedo,
    FilterSet {
        filter: Filter,
        shown: usize,
    },
    PendingAt {
        id: String,
        pending: usize,
    },
    PendingHidden {
        hidden: usize,
        filter: Filter,
    },
    NoPending,
    NoFindings,
    /// A paste put in values (and left out lines that could not be read).
    Pasted {
        changes: usize,
        skipped: usize,
    },
    /// A paste cannot go in as it is: some lines cannot be read.
    PasteUnreadable {
        unreadable: usize,
    },
    /// The plan asks a note for a realization below its `fair` threshold.
    NoteRequired {
        realization: String,
        fair: String,
        /// Other notes still asked for after this one (after a pasted column).
        more: usize,
    },
    /// Enter after a result, going to the next pending indicator, found none left (within
    /// the filter).
    NoPendingLeft {
        /// A filter other than "all" is on: the ones it hides were not looked at.
        filtered: bool,
    },
    /// The monitoring period now shown (`index` of `count`, from 1).
    PeriodShown {
        name: String,
        date: String,
        index: usize,
        count: usize,
    },
    /// The key that switches periods, in a plan that names none.
    NoPeriods,
    /// No form where the user said to import from.
    NoForms(PathBuf),
    /// An import with rows that are wrong: nothing is put in.
    ImportHasProblems {
        problems: usize,
    },
    /// The forms' values were put in (their conflicts left out).
    Imported {
        changes: usize,
        conflicts: usize,
    },
    /// Where Enter goes after a result now.
    EnterMoves {
        to_pending: bool,
    },
    /// A finding reached with the key that goes from one to the next.
    FindingAt {
        finding: Box<Finding>,
        index: usize,
        count: usize,
    },
    NoSearchYet,
    NoMatch {
        query: String,
    },
    MatchAt {
        index: usize,
        count: usize,
        query: String,
    },
    SearchCleared,
    SearchCancelled,
    Saved {
        path: PathBuf,
        layout_lost: bool,
        overwritten: Option<PathBuf>,
        read_only: Option<ReadOnly>,
        /// The audit log could not be written (the plan is saved): where, and why.
        audit_failed: Option<(PathBuf, crate::store::Cause)>,
    },
    NotSaved(Problem),
    Reloaded {
        /// Taking theirs: where ours was kept.
        mine: Option<PathBuf>,
        aside: Option<PathBuf>,
        theirs: Option<PathBuf>,
        read_only: Option<ReadOnly>,
    },
    NotReloaded {
        why: ReloadProblem,
        aside: Option<PathBuf>,
    },
    Exported {
        format: Format,
        path: PathBuf,
        replaced: bool,
        /// Indicators measured and in all, when some are pending.
        provisional: Option<(usize, usize)>,
    },
    ExportCancelled,
    NotExported(Problem),
    JournalNotCleared(JournalDown),
    /// After a save found theirs: ours kept, theirs in this file.
    KeptMine {
        theirs: Option<PathBuf>,
    },
    NoCrashRecovery,
    /// The journal's changes dropped.
    Dropped {
        changes: usize,
    },
    /// The changes since the last save not applied on their version.
    NotApplied {
        changes: usize,
    },
    /// Esc in the restore dialog.
    ChooseRestoreOrDrop,
    Restored {
        applied: usize,
        kept: usize,
        left_out: Vec<String>,
    },
}
