//! Restoring what a run that ended without saving left in the crash-recovery journal,
//! without undoing what others did to the file since.
//!
//! Each field the journal changed is compared with the file as it is now. Where the file
//! still holds the value the change started from, the change is restored. Where the file
//! already holds the journal's value (a save that completed just before the crash), there
//! is nothing to do. Where it holds something else, somebody changed that field in the
//! file after the journal was written: the user sees both values and chooses, field by
//! field or all at once; the file's value is kept unless they take theirs. Fields the
//! journal did not change are never touched.

use std::collections::HashMap;

use chrono::{DateTime, Local};

use super::history::{Step, StepKind};
use super::{Action, App, Effect, Mode};
use crate::plan::{FieldChange, IndicatorPath, Plan};
use crate::store::journal::Leftover;

/// A field changed both in the journal and, since, in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: IndicatorPath,
    /// `old` is what the file holds now, `new` the journal's value.
    pub change: FieldChange,
    /// Take the journal's value instead of keeping the file's.
    pub take_mine: bool,
}

/// What the journal of a previous run holds, measured against the file as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recovery {
    /// Changes whose field still holds, in the file, the value they started from.
    pub apply: Vec<(IndicatorPath, FieldChange)>,
    pub conflicts: Vec<Conflict>,
    /// Changes already in the file.
    pub already: usize,
    /// Ids of the journal that no indicator of the plan has.
    pub missing: Vec<String>,
    /// Records read, and records that could not be read (cut short or damaged).
    pub records: usize,
    pub damaged: usize,
    pub first: Option<DateTime<Local>>,
    pub last: Option<DateTime<Local>>,
    /// The file is not the version the changes were made on: it changed afterwards.
    pub file_changed: bool,
}

impl Recovery {
    /// Compares the journal's changes with `plan`, the file as it is now (its content hash
    /// `file_hash`).
    pub fn assess(left: &Leftover, plan: &Plan, file_hash: Option<u64>) -> Recovery {
        let places: HashMap<&str, IndicatorPath> =
            plan.indicators().map(|(p, i)| (i.id.as_str(), p)).collect();
        let mut r = Recovery {
            records: left.records.len(),
            damaged: left.damaged,
            first: left.records.first().map(|r| r.at),
            last: left.records.last().map(|r| r.at),
            file_changed: left.base().is_some_and(|b| Some(b) != file_hash),
            ..Default::default()
        };
        for c in left.net() {
            let Some(&path) = places.get(c.id.as_str()) else {
                if !r.missing.contains(&c.id) {
                    r.missing.push(c.id.clone());
                }
                continue;
            };
            let disk = plan.indicator(path).get(c.new.field());
            if disk == c.new {
                r.already += 1;
                continue;
            }
            let change = FieldChange {
                id: c.id.clone(),
                old: disk,
                new: c.new.clone(),
            };
            if c.old.as_ref() == Some(&change.old) {
                r.apply.push((path, change));
            } else {
                r.conflicts.push(Conflict {
                    path,
                    change,
                    take_mine: false,
                });
            }
        }
        r
    }

    /// Whether anything could be restored.
    pub fn has_changes(&self) -> bool {
        !self.apply.is_empty() || !self.conflicts.is_empty()
    }

    /// The changes a restore would make now, given the choices.
    pub fn chosen(&self) -> Vec<(IndicatorPath, FieldChange)> {
        let mut out = self.apply.clone();
        out.extend(
            self.conflicts
                .iter()
                .filter(|c| c.take_mine)
                .map(|c| (c.path, c.change.clone())),
        );
        out
    }
}

impl App {
    /// Asks what to do with the changes a run that ended without saving left behind.
    pub fn offer_restore(&mut self, recovery: Recovery) {
        self.recovery = Some(recovery);
        self.mode = Mode::Restore { cursor: 0 };
    }

    /// The restore question, in full, one paragraph a line.
    pub fn restore_question(&self) -> Vec<String> {
        let Some(r) = &self.recovery else {
            return Vec::new();
        };
        let stamp = |at: DateTime<Local>| {
            format!(
                "{} {}",
                self.plan.locale.date(at.date_naive()),
                at.format("%H:%M")
            )
        };
        let when = match (r.first.map(stamp), r.last.map(stamp)) {
            (Some(a), Some(b)) if a != b => format!(" between {a} and {b}"),
            (Some(a), _) => format!(" at {a}"),
            _ => String::new(),
        };
        let n = r.apply.len() + r.conflicts.len();
        let mut lines = vec![format!(
            "perfplan ended without saving {n} change(s) to this plan, made{when}. They were kept in the recovery journal."
        )];
        if r.damaged > 0 {
            lines.push(format!(
                "{} record(s) of the journal were read; {} could not be (cut short or damaged) and are left out.",
                r.records, r.damaged
            ));
        }
        if r.file_changed {
            lines.push(
                "The plan's file was changed by another program or person after these changes were made."
                    .into(),
            );
        }
        if !r.conflicts.is_empty() {
            lines.push(format!(
                "{} field(s) below were changed in the file too. For each, the file's value is kept unless you take yours (Space).",
                r.conflicts.len()
            ));
        }
        if !r.missing.is_empty() {
            lines.push(format!(
                "Not in the plan any more (left out): {}.",
                r.missing.join(", ")
            ));
        }
        lines
    }

    /// One line per field changed on both sides: id, field, the file's value and yours.
    pub fn restore_conflict_lines(&self) -> Vec<(bool, String)> {
        let Some(r) = &self.recovery else {
            return Vec::new();
        };
        r.conflicts
            .iter()
            .map(|c| {
                let ind = self.plan.indicator(c.path);
                (
                    c.take_mine,
                    format!(
                        "{} · {}: file {} · yours {}",
                        c.change.id,
                        c.change.field().name(),
                        self.value_text(ind, &c.change.old),
                        self.value_text(ind, &c.change.new)
                    ),
                )
            })
            .collect()
    }

    pub(super) fn update_restore(&mut self, cursor: usize, action: Action) -> Effect {
        let count = self.recovery.as_ref().map_or(0, |r| r.conflicts.len());
        match action {
            Action::Up | Action::DialogPrev => {
                self.mode = Mode::Restore {
                    cursor: cursor.saturating_sub(1),
                };
            }
            Action::Down | Action::DialogNext => {
                self.mode = Mode::Restore {
                    cursor: (cursor + 1).min(count.saturating_sub(1)),
                };
            }
            Action::Toggle => {
                if let Some(c) = self
                    .recovery
                    .as_mut()
                    .and_then(|r| r.conflicts.get_mut(cursor))
                {
                    c.take_mine = !c.take_mine;
                }
            }
            Action::TakeAllMine | Action::KeepAllFile => {
                let mine = action == Action::TakeAllMine;
                if let Some(r) = &mut self.recovery {
                    r.conflicts.iter_mut().for_each(|c| c.take_mine = mine);
                }
            }
            Action::Submit => return self.restore(),
            Action::DropRecovered => {
                let n = self
                    .recovery
                    .take()
                    .map_or(0, |r| r.apply.len() + r.conflicts.len());
                self.mode = Mode::Normal;
                self.info(format!(
                    "Dropped {n} unsaved change(s) from the previous session; the plan is as saved"
                ));
                return Effect::DropJournal;
            }
            // The journal's changes must be restored or dropped on purpose: Esc leaves the
            // question open rather than deciding either way.
            Action::Cancel => self.error(format!(
                "Choose {} to restore the unsaved changes or {} to drop them",
                super::keymap::key_for(super::keymap::Context::Restore, &Action::Submit),
                super::keymap::key_for(super::keymap::Context::Restore, &Action::DropRecovered),
            )),
            _ => {}
        }
        Effect::None
    }

    /// Applies the chosen changes as one undoable step; the journal then holds that step.
    fn restore(&mut self) -> Effect {
        self.mode = Mode::Normal;
        let Some(r) = self.recovery.take() else {
            return Effect::None;
        };
        let kept = r.conflicts.iter().filter(|c| !c.take_mine).count();
        let step = Step {
            kind: StepKind::Restore,
            changes: r.chosen(),
        };
        let applied = step.changes.len();
        let mut msg = format!("Restored {applied} change(s); save to keep them");
        if kept > 0 {
            msg.push_str(&format!(
                " · kept the file's value for {kept} field(s) changed there"
            ));
        }
        if !r.missing.is_empty() {
            msg.push_str(&format!(
                " · not found in the plan (left out): {}",
                r.missing.join(", ")
            ));
        }
        self.set_status(msg, !r.missing.is_empty());
        if applied == 0 {
            return Effect::DropJournal;
        }
        self.apply_step(&step);
        let journal = step.field_changes();
        self.history.push(step);
        Effect::RewriteJournal(journal)
    }
}
