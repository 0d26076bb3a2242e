//! Saving and exporting, as the app asks for them and as the event loop reports back: every
//! outcome of an effect comes back as an [`Outcome`] through [`App::update`].

use std::path::{Path, PathBuf};

use super::dialog::DialogKind;
use super::input::Input;
use super::msg::{JournalDown, Msg, Problem, ReloadProblem};
use super::{Action, App, Effect, FieldError, Mode, PathPurpose};
use crate::export::Format;
use crate::plan::Plan;
use crate::store::{Cause, LockStatus, Saved, WriteError};

impl Problem {
    /// What a failed write means; `own_folder` when it was the plan's own folder (which
    /// existed when the plan was opened).
    pub fn from_write(e: &WriteError, own_folder: bool) -> Problem {
        use std::io::ErrorKind as K;
        match e {
            WriteError::NoFolder { dir } => Problem::NoFolder {
                dir: dir.clone(),
                gone: own_folder,
            },
            WriteError::NotAFile { path, what } => Problem::NotAFile {
                path: path.clone(),
                what: *what,
            },
            WriteError::Changed { path } => Problem::Changed { path: path.clone() },
            WriteError::Io { dir, source } => match source.kind() {
                K::PermissionDenied | K::ReadOnlyFilesystem => Problem::NotWritable {
                    dir: dir.clone(),
                    cause: Cause::from(source),
                },
                K::StorageFull | K::QuotaExceeded => Problem::Full { dir: dir.clone() },
                K::NotFound if own_folder && !dir.is_dir() => Problem::NoFolder {
                    dir: dir.clone(),
                    gone: true,
                },
                _ => Problem::Other {
                    dir: dir.clone(),
                    cause: Cause::from(source),
                },
            },
        }
    }
}

/// What the event loop learned by carrying out an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The offices' forms were read: what they would change.
    FormsRead(Box<crate::forms::import::Import>),
    /// No form was found where the user said.
    NoForms(PathBuf),
    /// The plan was opened: in this language, so locked, with this to restore or say.
    Opened {
        lang: crate::lang::Lang,
        lock: LockStatus,
        recovery: Option<Box<super::Recovery>>,
        journal_down: Option<JournalDown>,
        notes: Vec<Msg>,
        first_run: Option<super::msg::FirstRun>,
        enter_to_pending: bool,
    },
    Saved(Saved),
    SaveFailed(Problem),
    /// The file is not the version loaded: the user must choose.
    ChangedOnDisk,
    /// Save-as was given an existing file.
    SaveAsExists(PathBuf),
    /// The plan was read again from `path` (after a conflict, or taking theirs).
    Reloaded {
        plan: Box<Plan>,
        path: PathBuf,
        /// How the version read is locked.
        lock: LockStatus,
        /// Where the unsaved edits were kept first.
        aside: Option<PathBuf>,
        /// Where our saved version was kept (taking theirs).
        mine: Option<PathBuf>,
        /// Yet another version found in the plan's place while taking theirs, kept here.
        theirs: Option<PathBuf>,
        /// The changes made since the last save, to offer again on the version read.
        merge: Option<Box<super::Recovery>>,
        /// Why the journal could not be written meanwhile, if it could not.
        journal_failed: Option<JournalDown>,
    },
    ReloadFailed {
        why: ReloadProblem,
        aside: Option<PathBuf>,
    },
    Exported {
        format: Format,
        path: PathBuf,
        replaced: bool,
        /// Indicators measured and in all, when some are pending (the scores are
        /// provisional).
        provisional: Option<(usize, usize)>,
    },
    /// An export was given an existing file.
    ExportExists {
        format: Format,
        path: PathBuf,
    },
    ExportFailed(Problem),
    /// The crash-recovery journal could not be written.
    JournalFailed(JournalDown),
    /// The crash-recovery journal is written again (it had failed).
    JournalWritten,
    /// The journal's changes were dropped, but its file could not be removed: they will be
    /// offered again.
    JournalNotCleared(JournalDown),
}

impl App {
    /// Takes in what locking the plan found: whether this perfplan may change it, why not,
    /// and what the header says of a stand-in lock.
    fn set_lock(&mut self, status: &LockStatus) {
        self.read_only = !matches!(status, LockStatus::Held { .. });
        self.read_only_why = match status {
            LockStatus::Unavailable(why) => Some(why.clone()),
            _ => None,
        };
        self.lock_note = match status {
            LockStatus::Held {
                stand_in: Some(p), ..
            } => Some(p.clone()),
            _ => None,
        };
    }
}

/// A name for a copy of the plan, beside it: `NAME-copy.ron` (`NAME-copia.ron`).
fn copy_name(path: &Path, lang: crate::lang::Lang) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path
        .extension()
        .map_or(String::new(), |e| format!(".{}", e.to_string_lossy()));
    let copy = lang.words().word(crate::lang::Word::Copy);
    path.with_file_name(format!("{stem}-{copy}{ext}"))
}

impl App {
    pub(super) fn save_requested(&mut self) -> Effect {
        if self.read_only {
            self.error(Msg::NoSaveReadOnly(self.read_only_reason()));
            Effect::None
        } else {
            Effect::Save
        }
    }

    pub(super) fn save_as_requested(&mut self) {
        // A read-only perfplan may not write the plan: it suggests a copy's name.
        let suggested = if self.read_only {
            copy_name(&self.path, self.lang)
        } else {
            self.path.clone()
        };
        self.mode = Mode::Path {
            input: Input::new(&suggested.display().to_string()),
            purpose: PathPurpose::SaveAs,
            error: None,
        };
    }

    /// Asks where the offices' forms are: a file, or a folder of them (beside the plan by
    /// default).
    pub(super) fn import_requested(&mut self) {
        if self.read_only {
            self.error(Msg::NoChangeReadOnly(self.read_only_reason()));
            return;
        }
        let folder = self
            .path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.mode = Mode::Path {
            input: Input::new(&folder),
            purpose: PathPurpose::Import,
            error: None,
        };
    }

    /// In the preview of an import: Enter puts the values in (when no row is wrong) as one
    /// undoable step; Esc changes nothing.
    pub(super) fn update_import(
        &mut self,
        import: Box<crate::forms::import::Import>,
        scroll: usize,
        action: Action,
    ) -> Effect {
        match action {
            Action::Submit if !import.problems.is_empty() => {
                self.error(Msg::ImportHasProblems {
                    problems: import.problems.len(),
                });
                self.mode = Mode::Import { import, scroll };
                Effect::None
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                if import.changes.is_empty() {
                    self.info(Msg::NoChange);
                    return Effect::None;
                }
                let from: Vec<String> = import
                    .changes
                    .iter()
                    .map(|(_, _, from)| from.display().to_string())
                    .collect();
                let step = super::history::Step {
                    from: from.clone(),
                    kind: super::history::StepKind::Import,
                    changes: import
                        .changes
                        .iter()
                        .map(|(p, c, _)| (*p, c.clone()))
                        .collect(),
                };
                self.apply_step(&step);
                self.history.push(step);
                self.info(Msg::Imported {
                    changes: import.changes.len(),
                    conflicts: import.conflicts.len(),
                });
                Effect::Imported(
                    import
                        .changes
                        .iter()
                        .map(|(_, c, _)| c.clone())
                        .zip(from)
                        .collect(),
                )
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.info(Msg::Cancelled);
                Effect::None
            }
            Action::Down | Action::ScrollDown => {
                let lines = import.problems.len() + import.conflicts.len() + import.changes.len();
                self.mode = Mode::Import {
                    import,
                    scroll: (scroll + 1).min(lines.saturating_sub(1)),
                };
                Effect::None
            }
            Action::Up | Action::ScrollUp => {
                self.mode = Mode::Import {
                    import,
                    scroll: scroll.saturating_sub(1),
                };
                Effect::None
            }
            _ => {
                self.mode = Mode::Import { import, scroll };
                Effect::None
            }
        }
    }

    pub(super) fn export_requested(&mut self) {
        let format = Format::Xlsx;
        self.mode = Mode::Export {
            format,
            input: Input::new(
                &crate::export::default_path_at(&self.path, format, self.scores.period())
                    .display()
                    .to_string(),
            ),
            edited: false,
            error: None,
        };
    }

    pub(super) fn quit_requested(&mut self) -> Effect {
        if self.is_dirty() {
            self.ask(DialogKind::Quit, 0);
            Effect::None
        } else {
            Effect::Quit
        }
    }

    pub(super) fn update_path(
        &mut self,
        mut input: Input,
        purpose: PathPurpose,
        action: Action,
    ) -> Effect {
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
                        error: Some(FieldError::NoFileName),
                    };
                    return Effect::None;
                }
                self.mode = Mode::Normal;
                return match purpose {
                    PathPurpose::SaveAs => Effect::SaveAs(crate::paths::expand_home(text.trim())),
                    PathPurpose::Import => {
                        Effect::ReadForms(crate::paths::expand_home(text.trim()))
                    }
                };
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
                self.info(Msg::Cancelled);
            }
            _ => {}
        }
        Effect::None
    }

    pub(super) fn update_export(
        &mut self,
        format: Format,
        mut input: Input,
        mut edited: bool,
        action: Action,
    ) -> Effect {
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
                        error: Some(FieldError::NoExportPath),
                    };
                    return Effect::None;
                }
                self.mode = Mode::Normal;
                let path = crate::paths::expand_home(text.trim());
                if crate::validate::has_errors(&self.findings) {
                    // Said in the dialog already; asked once more before a draft is written.
                    self.pending_export = Some((format, path));
                    self.ask(DialogKind::DraftExport, 1);
                    return Effect::None;
                }
                return Effect::Export {
                    format,
                    path,
                    replace: false,
                };
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.info(Msg::ExportCancelled);
                return Effect::None;
            }
            _ => format,
        };
        if next != format {
            let path = if edited {
                PathBuf::from(input.text().trim()).with_extension(next.extension())
            } else {
                crate::export::default_path_at(&self.path, next, self.scores.period())
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

    /// Takes in what the event loop learned by carrying out an effect.
    pub(super) fn on_outcome(&mut self, outcome: Outcome) -> Effect {
        match outcome {
            Outcome::FormsRead(import) => {
                self.mode = Mode::Import { import, scroll: 0 };
            }
            Outcome::NoForms(path) => self.error(Msg::NoForms(path)),
            Outcome::Opened {
                lang,
                lock,
                recovery,
                journal_down,
                notes,
                first_run,
                enter_to_pending,
            } => {
                self.lang = lang;
                self.enter_to_pending = enter_to_pending;
                self.set_lock(&lock);
                self.journal_down = journal_down;
                for n in notes {
                    self.info(n);
                }
                if self.read_only {
                    self.error(Msg::OpenedReadOnly(self.read_only_reason()));
                } else if let Some(r) = recovery {
                    self.offer_restore(*r);
                } else if self.journal_down.is_some() {
                    self.ask_no_journal();
                } else if let Some(f) = first_run {
                    self.info(Msg::FirstRun(f));
                }
            }
            Outcome::Saved(s) => {
                // A copy saved under a new name is this perfplan's own: it may edit it when
                // it holds its lock.
                if let Some(lock) = &s.lock {
                    self.set_lock(lock);
                }
                if self.path == s.path {
                    self.audit.extend(s.audit.iter().cloned());
                } else {
                    // Saved under a new name: the history is that file's log.
                    self.audit = crate::store::audit::read(&s.path)
                        .map(|(records, _)| records)
                        .unwrap_or_default();
                }
                self.path = s.path.clone();
                self.history.mark_saved();
                self.set_status(
                    Msg::Saved {
                        path: self.path.clone(),
                        layout_lost: s.layout_lost,
                        overwritten: s.overwritten.clone(),
                        read_only: self.read_only_now(),
                        audit_failed: s.audit_failed.clone(),
                    },
                    self.read_only || s.audit_failed.is_some(),
                );
                if let Some(theirs) = s.theirs {
                    self.theirs = Some(theirs);
                    self.quit_after_save = false;
                    self.ask(DialogKind::Theirs, 0);
                    return Effect::None;
                }
                if self.quit_after_save {
                    return Effect::Quit;
                }
            }
            Outcome::SaveFailed(p) => {
                self.quit_after_save = false;
                self.error(Msg::NotSaved(p));
            }
            Outcome::ChangedOnDisk => self.ask(DialogKind::Conflict, 0),
            Outcome::SaveAsExists(path) => {
                self.replacing = Some(path);
                self.ask(DialogKind::ReplaceFile, 1);
            }
            Outcome::Reloaded {
                plan,
                path,
                lock,
                aside,
                mine,
                theirs,
                merge,
                journal_failed,
            } => {
                let mut fresh = App::new(*plan, path);
                // The history of the plan as its log holds it now.
                fresh.audit = crate::store::audit::read(&fresh.path)
                    .map(|(records, _)| records)
                    .unwrap_or_default();
                fresh.size = self.size;
                fresh.lang = self.lang;
                fresh.set_lock(&lock);
                fresh.journal_down = self.journal_down.take();
                fresh.journal_asked = self.journal_asked;
                *self = fresh;
                self.set_status(
                    Msg::Reloaded {
                        mine,
                        aside,
                        theirs,
                        read_only: self.read_only_now(),
                    },
                    self.read_only,
                );
                if let Some(r) = merge {
                    self.offer_restore(*r);
                }
                if let Some(why) = journal_failed {
                    self.journal_down = Some(why);
                }
            }
            Outcome::ReloadFailed { why, aside } => self.error(Msg::NotReloaded { why, aside }),
            Outcome::Exported {
                format,
                path,
                replaced,
                provisional,
            } => self.info(Msg::Exported {
                format,
                path,
                replaced,
                provisional,
            }),
            Outcome::ExportExists { format, path } => {
                self.pending_export = Some((format, path));
                self.ask(DialogKind::ReplaceExport, 1);
            }
            Outcome::ExportFailed(p) => self.error(Msg::NotExported(p)),
            Outcome::JournalFailed(why) => {
                self.journal_down = Some(why);
                if !self.journal_asked {
                    self.journal_asked = true;
                    if matches!(self.mode, Mode::Normal) {
                        self.ask(DialogKind::JournalFailed, 0);
                    }
                }
            }
            Outcome::JournalWritten => self.journal_down = None,
            Outcome::JournalNotCleared(why) => self.error(Msg::JournalNotCleared(why)),
        }
        Effect::None
    }
}
