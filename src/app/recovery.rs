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

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Local};

use super::history::{Step, StepKind};
use super::msg::FieldName;
use super::{Action, App, Effect, Mode, Msg};
use crate::lang::RestoreFacts;
use crate::plan::{FieldChange, IndicatorPath, Plan};
use crate::store::journal::{Leftover, Recorded};

/// A field changed both in the journal and, since, in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: IndicatorPath,
    /// `old` is what the file holds now, `new` the journal's value.
    pub change: FieldChange,
    /// Take the journal's value instead of keeping the file's.
    pub take_mine: bool,
    /// The journal (of an earlier version of perfplan) did not keep the value before the
    /// change, so it cannot tell whether the file changed this field since.
    pub before_unknown: bool,
}

/// Where the changes to restore come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// The journal of a run that ended without saving.
    #[default]
    Journal,
    /// This run's own changes, offered again on a version of the file somebody else wrote.
    Merge,
    /// The fields `perfplan merge` (git's merge driver) found changed on both sides: the
    /// file holds ours, the change offers theirs.
    GitMerge,
}

/// What the journal of a previous run holds, measured against the file as it is now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recovery {
    pub origin: Origin,
    /// Changes whose field still holds, in the file, the value they started from.
    pub apply: Vec<(IndicatorPath, FieldChange)>,
    pub conflicts: Vec<Conflict>,
    /// Changes already in the file.
    pub already: usize,
    /// Ids of the journal that no indicator of the plan has.
    pub missing: Vec<String>,
    /// Ids that more than one indicator of the plan has: a change cannot tell which.
    pub ambiguous: Vec<String>,
    /// Monitoring periods of the journal's changes that the plan no longer has (as
    /// intermediate periods).
    pub gone_periods: Vec<String>,
    /// The changes left out (their ids missing or ambiguous), as they were journalled.
    pub left_out: Vec<FieldChange>,
    /// Where the changes left out were written down for the user.
    pub left_out_file: Option<std::path::PathBuf>,
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
        let mut r = Recovery {
            records: left.records.len(),
            damaged: left.damaged,
            first: left.records.first().map(|r| r.at),
            last: left.records.last().map(|r| r.at),
            // Journals of earlier versions do not say which version of the file they were
            // made on: whether it changed since is then unknown, and not claimed.
            file_changed: left.base().is_some_and(|b| Some(b) != file_hash),
            ..Default::default()
        };
        r.compare(left.net(), plan);
        // What cannot be restored is kept change by change, as journalled: two indicators
        // that shared an id keep both their values.
        r.leave_out(left.records.iter().flat_map(|rec| &rec.changes));
        r
    }

    /// This run's changes since the last save (`changes`), measured against `plan`, a
    /// version of the file somebody else wrote: the merge of theirs and ours.
    pub fn of_changes(changes: &[FieldChange], plan: &Plan) -> Recovery {
        let mut r = Recovery {
            origin: Origin::Merge,
            file_changed: true,
            ..Default::default()
        };
        let changes: Vec<Recorded> = changes
            .iter()
            .map(|c| Recorded {
                id: c.id.clone(),
                period: c.period.clone(),
                old: Some(c.old.clone()),
                new: c.new.clone(),
            })
            .collect();
        r.compare(changes.iter().cloned(), plan);
        r.leave_out(&changes);
        r
    }

    /// The conflicts a git merge recorded (see [`crate::merge::Record`]), measured against
    /// `plan`, the merged file: a field that still holds our value is offered, with theirs
    /// to take; one that holds theirs, or a third value typed since, is settled.
    pub fn of_git_merge(conflicts: &[crate::merge::FieldConflict], plan: &Plan) -> Recovery {
        let mut r = Recovery {
            origin: Origin::GitMerge,
            ..Default::default()
        };
        for c in conflicts {
            let Some(path) = plan.find_indicator(&c.id) else {
                continue;
            };
            if c.period.is_some() && plan.intermediate(c.period.as_deref()).is_none() {
                continue;
            }
            let disk = plan
                .indicator(path)
                .get_at(c.ours.field(), c.period.as_deref());
            if disk != c.ours {
                r.already += 1;
                continue;
            }
            r.conflicts.push(Conflict {
                path,
                change: FieldChange {
                    id: c.id.clone(),
                    period: c.period.clone(),
                    old: disk,
                    new: c.theirs.clone(),
                },
                take_mine: false,
                before_unknown: false,
            });
        }
        r
    }

    /// Keeps, in `left_out`, those of `changes` whose ids are missing or ambiguous.
    fn leave_out<'a>(&mut self, changes: impl IntoIterator<Item = &'a Recorded>) {
        let out: HashSet<&str> = self
            .missing
            .iter()
            .chain(&self.ambiguous)
            .map(String::as_str)
            .collect();
        let gone = &self.gone_periods;
        self.left_out = changes
            .into_iter()
            .filter(|c| {
                out.contains(c.id.as_str()) || c.period.as_ref().is_some_and(|p| gone.contains(p))
            })
            .map(Recorded::as_change)
            .collect();
    }

    fn compare(&mut self, changes: impl IntoIterator<Item = Recorded>, plan: &Plan) {
        // Each id's place; `None` for an id more than one indicator has.
        let mut places: HashMap<&str, Option<IndicatorPath>> = HashMap::new();
        for (p, i) in plan.indicators() {
            places
                .entry(i.id.as_str())
                .and_modify(|place| *place = None)
                .or_insert(Some(p));
        }
        for c in changes {
            // A value of a period the plan does not have any more has nowhere to go.
            if let Some(p) = &c.period
                && plan.intermediate(Some(p)).is_none()
            {
                if !self.gone_periods.contains(p) {
                    self.gone_periods.push(p.clone());
                }
                continue;
            }
            let path = match places.get(c.id.as_str()) {
                Some(Some(path)) => *path,
                found => {
                    let list = if found.is_some() {
                        &mut self.ambiguous
                    } else {
                        &mut self.missing
                    };
                    if !list.contains(&c.id) {
                        list.push(c.id.clone());
                    }
                    continue;
                }
            };
            let disk = plan
                .indicator(path)
                .get_at(c.new.field(), c.period.as_deref());
            if disk == c.new {
                self.already += 1;
                continue;
            }
            let change = FieldChange {
                id: c.id.clone(),
                period: c.period.clone(),
                old: disk,
                new: c.new.clone(),
            };
            match &c.old {
                Some(old) if *old == change.old => self.apply.push((path, change)),
                Some(_) => self.conflicts.push(Conflict {
                    path,
                    change,
                    take_mine: false,
                    before_unknown: false,
                }),
                // An old journal, which kept no value before: the file's value stays unless
                // the user takes theirs (it may be a colleague's change).
                None => self.conflicts.push(Conflict {
                    path,
                    change,
                    take_mine: false,
                    before_unknown: true,
                }),
            }
        }
    }

    /// Whether anything could be restored.
    pub fn has_changes(&self) -> bool {
        !self.apply.is_empty() || !self.conflicts.is_empty()
    }

    /// Whether the user must hear of it: changes to restore, or changes that cannot be
    /// (their indicators are gone, or their ids are ambiguous).
    pub fn needs_asking(&self) -> bool {
        self.has_changes() || !self.left_out.is_empty()
    }

    /// The changes left out, as lines a user can read and copy into the plan file:
    /// `1.1.1-o3 · result: 42`.
    pub fn left_out_text(&self, lang: crate::lang::Lang) -> String {
        let mut out = format!("{}\n\n", lang.words().left_out_header());
        out.push_str(&self.left_out_lines());
        out
    }

    /// The changes left out, one a line, as the plan file writes them.
    pub fn left_out_lines(&self) -> String {
        let mut out = String::new();
        for c in &self.left_out {
            let value = crate::store::write::field_value(&c.new);
            let field = match &c.period {
                Some(p) => format!(
                    "periods[{}].{}",
                    crate::store::write::string(p),
                    c.field().name()
                ),
                None => c.field().name().to_string(),
            };
            out.push_str(&format!(
                "{} · {}: {}\n",
                c.id,
                field,
                value.unwrap_or_else(|| "None".to_string())
            ));
        }
        out
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

    /// Whether the restore under way offers the changes since the last save on their
    /// version (rather than those a run that ended without saving left).
    pub fn restore_is_merge(&self) -> bool {
        self.recovery.as_ref().map(|r| r.origin) == Some(Origin::Merge)
    }

    /// Whether the restore under way offers the conflicts of a git merge.
    pub fn restore_is_git_merge(&self) -> bool {
        self.recovery.as_ref().map(|r| r.origin) == Some(Origin::GitMerge)
    }

    /// What the restore question says, for the words of the dialog.
    pub fn restore_facts(&self) -> Option<RestoreFacts> {
        let r = self.recovery.as_ref()?;
        let stamp = |at: DateTime<Local>| {
            format!(
                "{} {}",
                self.plan.locale.date(at.date_naive()),
                at.format("%H:%M")
            )
        };
        Some(RestoreFacts {
            merge: r.origin == Origin::Merge,
            git_merge: r.origin == Origin::GitMerge,
            changes: r.apply.len() + r.conflicts.len() + r.left_out.len(),
            first: r.first.map(stamp),
            last: r.last.map(stamp),
            records: r.records,
            damaged: r.damaged,
            file_changed: r.file_changed,
            conflicts: r.conflicts.len(),
            unknown: r.conflicts.iter().filter(|c| c.before_unknown).count(),
            missing: r.missing.clone(),
            ambiguous: r.ambiguous.clone(),
            gone_periods: r.gone_periods.clone(),
            left_out_file: r.left_out_file.clone(),
            left_out: r.left_out.len(),
        })
    }

    /// One line per field changed on both sides: id, field, the file's value and yours.
    pub fn restore_conflict_lines(&self) -> Vec<(bool, String)> {
        let words = self.lang.words();
        let Some(r) = &self.recovery else {
            return Vec::new();
        };
        r.conflicts
            .iter()
            .map(|c| {
                let ind = self.plan.indicator(c.path);
                let field = FieldName::of(c.change.field());
                let shown = |v| words.shown(&self.value_shown(ind, v));
                let id = match &c.change.period {
                    Some(p) => format!("{} ({p})", c.change.id),
                    None => c.change.id.clone(),
                };
                let (file, other) = (shown(&c.change.old), shown(&c.change.new));
                let row = match r.origin {
                    Origin::GitMerge => words.git_merge_row(&id, field, &file, &other),
                    _ => words.restore_row(&id, field, &file, &other),
                };
                (c.take_mine, row)
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
                let r = self.recovery.take().unwrap_or_default();
                let n = r.apply.len() + r.conflicts.len();
                self.mode = Mode::Normal;
                self.info(match r.origin {
                    Origin::Journal => Msg::Dropped { changes: n },
                    Origin::Merge => Msg::NotApplied { changes: n },
                    Origin::GitMerge => Msg::Restored {
                        applied: 0,
                        kept: n,
                        left_out: Vec::new(),
                    },
                });
                return Effect::DropJournal;
            }
            // The journal's changes must be restored or dropped on purpose: Esc leaves the
            // question open rather than deciding either way.
            Action::Cancel => self.error(Msg::ChooseRestoreOrDrop),
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
            from: Vec::new(),
            kind: StepKind::Restore,
            changes: r.chosen(),
        };
        let applied = step.changes.len();
        let left_out: Vec<String> = r.missing.iter().chain(&r.ambiguous).cloned().collect();
        let is_error = !left_out.is_empty();
        self.set_status(
            Msg::Restored {
                applied,
                kept,
                left_out,
            },
            is_error,
        );
        if applied == 0 {
            return Effect::DropJournal;
        }
        self.apply_step(&step);
        let journal = step.field_changes();
        self.history.push(step);
        Effect::RewriteJournal {
            changes: journal,
            merge: matches!(r.origin, Origin::Merge | Origin::GitMerge),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{FieldValue, Value};
    use rust_decimal_macros::dec;

    fn seed() -> Plan {
        crate::store::parse(
            std::path::Path::new("seed.ron"),
            include_str!("../../plans/cciaa-massa-carrara-2017.ron"),
        )
        .unwrap()
    }

    fn result(id: &str, old: Option<Value>, new: Option<Value>) -> FieldChange {
        FieldChange {
            id: id.into(),
            period: None,
            old: FieldValue::Result(old),
            new: FieldValue::Result(new),
        }
    }

    #[test]
    fn a_merge_leaves_out_the_changes_whose_indicators_are_gone_and_applies_the_rest() {
        let plan = seed();
        let seventy = Some(Value::Number(dec!(70)));
        let changes = [
            result("no-such-id", None, seventy),
            result("3.2.2-s2", Some(Value::Number(dec!(72))), seventy),
        ];
        let r = Recovery::of_changes(&changes, &plan);
        assert_eq!(r.origin, Origin::Merge);
        assert_eq!(r.missing, vec!["no-such-id".to_string()]);
        assert_eq!(r.left_out, vec![changes[0].clone()]);
        assert_eq!(r.apply.len(), 1);
        assert_eq!(r.apply[0].1, changes[1]);
        assert!(r.conflicts.is_empty());
    }
}
