//! Typing values into an indicator's fields, with a live preview of the scores, and the
//! changes that come of it: each confirmed value is a step of [`FieldChange`]s that undo,
//! redo and the crash-recovery journal share.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::history::{Step, StepKind};
use super::input::Input;
use super::msg::{FieldError, Msg, RealizationText, Shown, StepText};
use super::tree;
use super::{Action, App, Edit, EditField, Effect, Mode};
use crate::plan::{
    FieldChange, FieldValue, Indicator, IndicatorPath, NodePath, Override, Plan, Value,
};
use crate::score::{self, Outcome};
use crate::validate;

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
    /// Opens a field of the selected indicator for typing.
    pub fn start_edit(&mut self, field: EditField) {
        let Some(path) = self.selected_indicator() else {
            self.info(Msg::SelectIndicatorFirst);
            return;
        };
        if self.read_only {
            self.error(Msg::NoChangeReadOnly(self.read_only_reason()));
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
    fn parse_result(&self, path: IndicatorPath, text: &str) -> Result<Option<Value>, FieldError> {
        let ind = self.plan.indicator(path);
        let value = self
            .plan
            .locale
            .parse_value(text, &ind.unit)
            .map_err(FieldError::Parse)?;
        if let Some(Value::Number(n)) = value
            && ind.unit.is_count()
            && (n < Decimal::ZERO || !n.fract().is_zero())
        {
            return Err(FieldError::NotWholeCount {
                unit: ind.unit.clone(),
            });
        }
        Ok(value)
    }

    fn parse_override(&self, text: &str) -> Result<Option<Decimal>, FieldError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let n = self
            .plan
            .locale
            .parse_number(text.trim().trim_end_matches('%'))
            .map_err(FieldError::Parse)?;
        if n < Decimal::ZERO || n > Decimal::ONE_HUNDRED {
            return Err(FieldError::RealizationOutOfRange);
        }
        Ok(Some(n))
    }

    /// Shows what the typed value would score, on the indicator and every level above it.
    fn preview(&mut self, edit: &mut Edit) {
        let path = edit.path;
        let text = edit.input.text();
        let preview: Result<Outcome, FieldError> = match edit.field {
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

    pub(super) fn update_edit(&mut self, mut edit: Edit, action: Action) -> Effect {
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
                self.info(Msg::ValueKept);
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
        let text = edit.input.text();
        let new = match edit.field {
            EditField::Result => match self.parse_result(path, &text) {
                Ok(v) => FieldValue::Result(v),
                Err(e) => {
                    edit.error = Some(e);
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
            },
            EditField::Note => FieldValue::Note(kept_or_trimmed(ind.note.as_deref(), &text)),
            EditField::OverrideRealization => match self.parse_override(&text) {
                Ok(None) => FieldValue::Override(None),
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
                    edit.error = Some(FieldError::ReasonNeeded);
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
                let realization = edit.override_value.unwrap_or(Decimal::ZERO);
                FieldValue::Override(Some(Override {
                    realization: realization.into(),
                    reason: kept_or_trimmed(
                        ind.realization_override.as_ref().map(|o| o.reason.as_str()),
                        &text,
                    )
                    .unwrap_or_default(),
                }))
            }
        };
        self.mode = Mode::Normal;
        self.commit(path, new)
    }

    /// Sets one field of an indicator as one undoable step.
    fn commit(&mut self, path: IndicatorPath, new: FieldValue) -> Effect {
        let ind = self.plan.indicator(path);
        let old = ind.get(new.field());
        if old == new {
            self.scores.update_indicator(&self.plan, path);
            self.info(Msg::NoChange);
            return Effect::None;
        }
        let change = FieldChange {
            id: ind.id.clone(),
            old,
            new,
        };
        let step = Step {
            kind: StepKind::Edit,
            changes: vec![(path, change)],
        };
        self.apply_step(&step);
        let realization = self.realization_text(path);
        self.info(Msg::Changed {
            step: self.describe_step(&step),
            realization,
        });
        let journal = step.field_changes();
        self.history.push(step);
        Effect::Journal(journal)
    }

    fn realization_text(&self, path: IndicatorPath) -> RealizationText {
        match self.scores.outcome(path) {
            o @ Outcome::Scored(_) => {
                RealizationText::Percent(self.plan.locale.percent(o.shown().unwrap_or_default()))
            }
            Outcome::Pending => RealizationText::Pending,
            Outcome::Unscorable(_) => RealizationText::Unscorable,
        }
    }

    /// A value of a field as a message shows it, figures as the plan's locale writes them.
    pub fn value_shown(&self, ind: &Indicator, value: &FieldValue) -> Shown {
        let loc = self.plan.locale;
        match value {
            FieldValue::Result(None) => Shown::Pending,
            FieldValue::Result(Some(v)) => Shown::Value(loc.value(*v, &ind.unit)),
            FieldValue::Override(None) | FieldValue::Note(None) => Shown::Nothing,
            FieldValue::Override(Some(o)) => Shown::Override {
                percent: loc.percent(o.realization.value()),
                reason: crate::text::truncate(&o.reason, 40),
            },
            FieldValue::Note(Some(n)) => Shown::Note(crate::text::truncate(n, 40)),
        }
    }

    /// What a step did: "result of 3.2.2-s2: 72 → 70".
    pub fn describe_step(&self, step: &Step) -> StepText {
        match (step.kind, step.changes.as_slice()) {
            (StepKind::Edit, [(path, c)]) => {
                let ind = self.plan.indicator(*path);
                let loc = self.plan.locale;
                let id = c.id.clone();
                match (&c.old, &c.new) {
                    (FieldValue::Result(_), _) => StepText::Result {
                        id,
                        old: self.value_shown(ind, &c.old),
                        new: self.value_shown(ind, &c.new),
                    },
                    (_, FieldValue::Note(n)) => StepText::Note {
                        id,
                        written: n.is_some(),
                    },
                    (_, FieldValue::Override(o)) => StepText::Override {
                        id,
                        percent: o.as_ref().map(|o| loc.percent(o.realization.value())),
                    },
                    (_, FieldValue::Result(_)) => StepText::Changes { changes: 1 },
                }
            }
            (StepKind::Restore, changes) => StepText::Restored {
                changes: changes.len(),
            },
            (_, changes) => StepText::Changes {
                changes: changes.len(),
            },
        }
    }

    /// Sets the new values of a step and rescores what depends on them.
    pub(super) fn apply_step(&mut self, step: &Step) {
        self.current_finding = None;
        let mut touched = BTreeSet::new();
        for (path, change) in &step.changes {
            let ind = self.plan.indicator_mut(*path);
            ind.set(change.new.clone());
            if matches!(change.new, FieldValue::Note(_)) {
                self.search.text_changed(*path, ind);
            }
            touched.insert(*path);
        }
        self.search.results_changed();
        for path in touched {
            self.refresh_indicator(path);
        }
    }

    /// Rescores an indicator and refreshes its validation findings.
    fn refresh_indicator(&mut self, path: IndicatorPath) {
        self.scores.update_indicator(&self.plan, path);
        self.pending
            .set(path, super::pending::is_pending(&self.scores, path));
        let node = Some(NodePath::Indicator(path));
        self.findings
            .retain(|f| f.node != node || !f.kind.is_about_values());
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

    pub(super) fn undo(&mut self) -> Effect {
        let Some(step) = self.history.undo().cloned() else {
            self.info(Msg::NothingToUndo);
            return Effect::None;
        };
        let back = step.inverse();
        self.apply_step(&back);
        if let Some((path, _)) = step.changes.first() {
            self.reveal(NodePath::Indicator(*path));
        }
        self.info(Msg::Undone(self.describe_step(&step)));
        Effect::Journal(back.field_changes())
    }

    pub(super) fn redo(&mut self) -> Effect {
        let Some(step) = self.history.redo().cloned() else {
            self.info(Msg::NothingToRedo);
            return Effect::None;
        };
        self.apply_step(&step);
        if let Some((path, _)) = step.changes.first() {
            self.reveal(NodePath::Indicator(*path));
        }
        self.info(Msg::Redone(self.describe_step(&step)));
        Effect::Journal(step.field_changes())
    }
}
