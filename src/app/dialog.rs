//! Questions with a few answers: quitting with unsaved changes, a file changed on disk,
//! replacing a file, somebody else's version found by a save, a journal that cannot be
//! written.

use super::{Action, App, Effect, Mode};

/// A question with a few answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// Quitting with unsaved changes.
    Quit,
    /// The file changed on disk since it was loaded.
    Conflict,
    /// Save-as was given the name of a file that exists.
    ReplaceFile,
    /// An export was given the name of a file that exists.
    ReplaceExport,
    /// An export of a plan with errors: only as a draft that says so.
    DraftExport,
    /// A save found somebody else's version in the file's place and kept it aside.
    Theirs,
    /// The plan opened, but its crash-recovery journal cannot be written.
    NoJournal,
    /// The crash-recovery journal could not be written after an edit.
    JournalFailed,
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
    Merge,
    Reload,
    Overwrite,
    SaveAs,
    KeepMine,
    TakeTheirs,
    Draft,
    Continue,
    Quit,
}

/// A choice as a literal, so that the lists below are constants.
macro_rules! choice {
    ($key:expr, $label:expr, $answer:expr $(,)?) => {
        Choice {
            key: $key,
            label: $label,
            answer: $answer,
        }
    };
}

impl DialogKind {
    pub fn title(self) -> &'static str {
        match self {
            DialogKind::Quit => "Unsaved changes",
            DialogKind::Conflict => "The file changed on disk",
            DialogKind::ReplaceFile | DialogKind::ReplaceExport => "The file exists",
            DialogKind::DraftExport => "The plan has errors",
            DialogKind::Theirs => "Another version was found while saving",
            DialogKind::NoJournal | DialogKind::JournalFailed => "No crash recovery",
        }
    }

    pub fn choices(self) -> &'static [Choice] {
        match self {
            DialogKind::ReplaceFile => &[
                choice!('o', "Overwrite it with this plan", Answer::Overwrite),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::ReplaceExport => &[
                choice!('o', "Replace it with the export", Answer::Overwrite),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::DraftExport => &[
                choice!(
                    'd',
                    "Export a draft (marked as such, with the errors listed)",
                    Answer::Draft,
                ),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::Quit => &[
                choice!('s', "Save and quit", Answer::Save),
                choice!('d', "Discard changes and quit", Answer::Discard),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::Conflict => &[
                choice!(
                    'm',
                    "Merge: reload theirs and apply your changes again (both sides' changes listed)",
                    Answer::Merge,
                ),
                choice!(
                    'r',
                    "Reload theirs (your edits are kept aside)",
                    Answer::Reload,
                ),
                choice!(
                    'o',
                    "Overwrite with yours (theirs is kept beside the plan)",
                    Answer::Overwrite,
                ),
                choice!('a', "Save as another file", Answer::SaveAs),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::Theirs => &[
                choice!(
                    'k',
                    "Keep yours (theirs stays in the file named above)",
                    Answer::KeepMine,
                ),
                choice!(
                    't',
                    "Take theirs (yours is kept beside the plan)",
                    Answer::TakeTheirs,
                ),
            ],
            DialogKind::NoJournal => &[
                choice!('c', "Edit without crash recovery", Answer::Continue),
                choice!('q', "Quit", Answer::Quit),
            ],
            DialogKind::JournalFailed => &[
                choice!('c', "Edit on without crash recovery", Answer::Continue),
                choice!('s', "Save now", Answer::Save),
            ],
        }
    }
}

impl App {
    pub(super) fn ask(&mut self, kind: DialogKind, selected: usize) {
        self.mode = Mode::Dialog { kind, selected };
    }

    /// The plan opened but its crash-recovery journal cannot be written: asks, once,
    /// whether to edit on without it.
    pub fn ask_no_journal(&mut self) {
        self.journal_asked = true;
        self.ask(DialogKind::NoJournal, 0);
    }

    /// The question a dialog asks, in full.
    pub fn dialog_question(&self, kind: DialogKind) -> String {
        let shown = |p: &Option<std::path::PathBuf>| {
            p.as_deref()
                .map_or(String::new(), |p| p.display().to_string())
        };
        let down = self.journal_down.clone().unwrap_or_default();
        match kind {
            DialogKind::Quit => {
                "The plan has changes that are not saved. Save them before quitting?".into()
            }
            DialogKind::Conflict => {
                "The plan's file changed on disk, or was removed, since perfplan opened it \
                 (another editor, a git pull, a sync). Saving now would overwrite their changes."
                    .into()
            }
            DialogKind::ReplaceFile => format!(
                "{} exists. Replace it with this plan? (Its old text is kept as a .bak beside it.)",
                shown(&self.replacing)
            ),
            DialogKind::DraftExport => format!(
                "The plan has {} error(s), and its scores leave out what is wrong. An export now is a draft: every format says so on top and lists the errors. (w goes to each error.)",
                self.findings
                    .iter()
                    .filter(|f| f.severity == crate::validate::Severity::Error)
                    .count()
            ),
            DialogKind::ReplaceExport => format!(
                "{} exists. Replace it with the export? (Its old content is not kept.)",
                shown(&self.pending_export.as_ref().map(|(_, p)| p.clone()))
            ),
            DialogKind::Theirs => format!(
                "Your plan is saved. While it was being saved, another program or person put their own version of the plan in the file; theirs is kept as {}.",
                shown(&self.theirs)
            ),
            DialogKind::NoJournal => format!(
                "The crash-recovery journal cannot be written ({down}). If perfplan or the computer stops before you save, your edits are lost. Make room in that folder, or set PERFPLAN_STATE_DIR (or PERFPLAN_DATA_DIR) to a folder you can write, to have it back."
            ),
            DialogKind::JournalFailed => format!(
                "The crash-recovery journal could not be written ({down}). Your edits are safe in perfplan for now, but they would be lost if perfplan or the computer stopped before a save. perfplan keeps trying with each edit."
            ),
        }
    }

    pub(super) fn update_dialog(
        &mut self,
        kind: DialogKind,
        selected: usize,
        action: Action,
    ) -> Effect {
        let choices = kind.choices();
        let answer = match action {
            Action::DialogNext => {
                self.ask(kind, (selected + 1) % choices.len());
                None
            }
            Action::DialogPrev => {
                self.ask(kind, (selected + choices.len() - 1) % choices.len());
                None
            }
            Action::Submit => Some(choices[selected.min(choices.len() - 1)].answer),
            Action::Cancel => match kind {
                // After a save that found theirs, Esc keeps things as they are.
                DialogKind::Theirs => Some(Answer::KeepMine),
                DialogKind::NoJournal | DialogKind::JournalFailed => Some(Answer::Continue),
                _ => Some(Answer::Cancel),
            },
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
            (DialogKind::ReplaceFile, Answer::Overwrite) => match self.replacing.take() {
                Some(path) => Effect::SaveAsReplacing(path),
                None => Effect::None,
            },
            // A draft is written as any export (asked again if the file exists); a
            // replacement replaces.
            (DialogKind::DraftExport, Answer::Draft)
            | (DialogKind::ReplaceExport, Answer::Overwrite) => match self.pending_export.take() {
                Some((format, path)) => Effect::Export {
                    format,
                    path,
                    replace: kind == DialogKind::ReplaceExport,
                },
                None => Effect::None,
            },
            (_, Answer::Cancel) => {
                self.quit_after_save = false;
                self.replacing = None;
                self.pending_export = None;
                self.info("Cancelled");
                Effect::None
            }
            (DialogKind::Quit, Answer::Save) => {
                self.quit_after_save = true;
                if self.read_only {
                    self.save_as_requested();
                    Effect::None
                } else {
                    Effect::Save
                }
            }
            (DialogKind::Quit, Answer::Discard) => Effect::Quit,
            (DialogKind::Conflict, Answer::Merge) => Effect::ReloadMerging,
            (DialogKind::Conflict, Answer::Reload) => Effect::Reload,
            (DialogKind::Conflict, Answer::Overwrite) => Effect::SaveOverwrite,
            (DialogKind::Conflict, Answer::SaveAs) => {
                self.save_as_requested();
                Effect::None
            }
            (DialogKind::Theirs, Answer::KeepMine) => {
                let kept = self.theirs.take();
                self.info(format!(
                    "Kept yours; theirs stays in {}",
                    kept.as_deref()
                        .map_or(String::new(), |p| p.display().to_string())
                ));
                Effect::None
            }
            (DialogKind::Theirs, Answer::TakeTheirs) => match self.theirs.take() {
                Some(p) => Effect::TakeTheirs(p),
                None => Effect::None,
            },
            (DialogKind::NoJournal | DialogKind::JournalFailed, Answer::Continue) => {
                self.info("Editing without crash recovery: save often");
                Effect::None
            }
            (DialogKind::NoJournal, Answer::Quit) => Effect::Quit,
            (DialogKind::JournalFailed, Answer::Save) => self.save_requested(),
            _ => Effect::None,
        }
    }
}
