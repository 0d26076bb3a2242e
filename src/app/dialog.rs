//! Questions with a few answers: quitting with unsaved changes, a file changed on disk,
//! replacing a file, somebody else's version found by a save, a journal that cannot be
//! written.

use super::{Action, App, Effect, Mode, Msg};

crate::lang::listed! {
    /// A question with a few answers.
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
    /// A percentage typed between 0 and 1 (`0,93`): was 93 % meant?
    PercentFraction,
    }
}

/// One answer of a dialog: the letter that picks it and its words (both in the
/// interface's language: see `lang`).
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
    /// Take the percentage typed as a fraction times 100.
    Hundredfold,
    /// Keep the value as typed.
    AsTyped,
}

impl App {
    pub(super) fn ask(&mut self, kind: DialogKind, selected: usize) {
        self.mode = Mode::Dialog { kind, selected };
    }

    /// The plan opened but its crash-recovery journal cannot be written: asks, once,
    /// whether to edit on without it.
    pub(super) fn ask_no_journal(&mut self) {
        self.journal_asked = true;
        self.ask(DialogKind::NoJournal, 0);
    }

    /// What the question of a dialog needs to be said.
    pub fn dialog_question(&self, kind: DialogKind) -> crate::lang::Question {
        let path = match kind {
            DialogKind::ReplaceFile => self.replacing.clone(),
            DialogKind::ReplaceExport => self.pending_export.as_ref().map(|(_, p)| p.clone()),
            DialogKind::Theirs => self.theirs.clone(),
            _ => None,
        };
        let fraction = self.pending_fraction.map(|(_, v, _)| {
            let loc = self.plan.locale;
            (
                loc.number(v),
                loc.number((v * rust_decimal::Decimal::ONE_HUNDRED).normalize()),
            )
        });
        crate::lang::Question {
            kind,
            path,
            errors: self
                .findings
                .iter()
                .filter(|f| f.severity == crate::validate::Severity::Error)
                .count(),
            journal_down: self.journal_down.clone(),
            fraction,
        }
    }

    pub(super) fn update_dialog(
        &mut self,
        kind: DialogKind,
        selected: usize,
        action: Action,
    ) -> Effect {
        let choices = self.lang.words().dialog_choices(kind);
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
        if kind == DialogKind::PercentFraction {
            let Some((path, v, after)) = self.pending_fraction.take() else {
                return Effect::None;
            };
            return match answer {
                Answer::Hundredfold | Answer::AsTyped => {
                    let value = if answer == Answer::Hundredfold {
                        (v * rust_decimal::Decimal::ONE_HUNDRED).normalize()
                    } else {
                        v
                    };
                    self.commit_result_and_move(
                        path,
                        Some(crate::plan::Value::Number(value)),
                        after,
                    )
                }
                _ => {
                    // Back to the field, the value as typed.
                    let typed = self.plan.locale.number(v);
                    self.reopen_result(path, &typed);
                    Effect::None
                }
            };
        }
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
                self.info(Msg::Cancelled);
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
                let theirs = self.theirs.take();
                self.info(Msg::KeptMine { theirs });
                Effect::None
            }
            (DialogKind::Theirs, Answer::TakeTheirs) => match self.theirs.take() {
                Some(p) => Effect::TakeTheirs(p),
                None => Effect::None,
            },
            (DialogKind::NoJournal | DialogKind::JournalFailed, Answer::Continue) => {
                self.info(Msg::NoCrashRecovery);
                Effect::None
            }
            (DialogKind::NoJournal, Answer::Quit) => Effect::Quit,
            (DialogKind::JournalFailed, Answer::Save) => self.save_requested(),
            _ => Effect::None,
        }
    }
}
