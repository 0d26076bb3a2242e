//! Typing values into an indicator's fields, with a live preview of the scores, and the
//! changes that come of it: each confirmed value is a step of [`FieldChange`]s that undo,
//! redo and the crash-recovery journal share.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::history::{Step, StepKind};
use super::input::{Input, InputEdit};
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
            Some(Value::Bool(b)) => loc.yes_no(b).to_string(),
            Some(Value::Ratio {
                numerator,
                denominator,
            }) => format!("{}/{}", loc.number(numerator), loc.number(denominator)),
            Some(Value::Bound { bound, value }) => {
                format!("{} {}", bound.sign(), loc.number(value))
            }
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
        EditField::NotAssessableReason => ind.not_assessable.clone().unwrap_or_default(),
        EditField::Target => loc.target(&ind.target, &ind.unit),
        EditField::TargetDate | EditField::TargetReason => String::new(),
    }
}

/// The key that confirmed a result, for where the selection goes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Enter: the next indicator, or the next pending one.
    Enter,
    /// Tab: the next indicator's result, open.
    Next,
    /// Shift-Tab: the previous indicator's result, open.
    Prev,
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
        // The target changed is the year's, whatever the period shown.
        let text = match field {
            EditField::Target => initial_text(&self.plan, self.plan.indicator(path), field),
            _ => initial_text(&self.plan, &self.indicator_now(path), field),
        };
        // A value opens selected, as a spreadsheet cell does: typing replaces it, a cursor
        // key edits it in place. A note opens to be added to.
        let input = match field {
            EditField::Result | EditField::OverrideRealization | EditField::Target => {
                Input::selected(&text)
            }
            EditField::Note
            | EditField::OverrideReason
            | EditField::NotAssessableReason
            | EditField::TargetDate
            | EditField::TargetReason => Input::new(&text),
        };
        self.mode = Mode::Edit(Edit {
            path,
            field,
            input,
            error: None,
            override_value: None,
            target_text: None,
            target_date: None,
        });
    }

    /// A character typed on the tree: on an indicator, its result starts with it (the old
    /// value replaced, as typing on a spreadsheet cell does); on an objective, `+` and `-`
    /// open and close every row.
    pub(super) fn start_typing(&mut self, c: char) -> Effect {
        if self.selected_indicator().is_none() {
            match c {
                '+' => return self.update_normal(Action::ExpandAll),
                '-' => return self.update_normal(Action::CollapseAll),
                // `<` and `>` start a bound, on an indicator only.
                _ => {
                    self.info(Msg::SelectIndicatorFirst);
                    return Effect::None;
                }
            }
        }
        self.start_edit(EditField::Result);
        if matches!(self.mode, Mode::Edit(_)) {
            self.update(Action::Input(InputEdit::Clear));
            self.update(Action::Input(InputEdit::Insert(c)));
        }
        Effect::None
    }

    /// Sets a result and moves on as the key that confirmed it does: Enter to the next
    /// indicator (or the next pending one), Tab and Shift-Tab to the next or previous
    /// indicator's result, open.
    pub(super) fn commit_result_and_move(
        &mut self,
        path: IndicatorPath,
        value: Option<Value>,
        after: After,
    ) -> Effect {
        let effect = self.commit(path, FieldValue::Result(value));
        if !self.ask_note_if_required(path, after) {
            self.move_on(path, after);
        }
        effect
    }

    /// Moves on from the indicator at `path` as the key that confirmed its value does.
    fn move_on(&mut self, path: IndicatorPath, after: After) {
        let next = match after {
            // The next pending indicator, going round to the top of the tree when there is
            // none below; when none is left anywhere, the selection stays and says so.
            After::Enter if self.enter_to_pending => {
                // The kept pending indicators, from this one on and round again (itself
                // last, and left out).
                let next = self
                    .pending
                    .from(Some(NodePath::Indicator(path)), true)
                    .filter(|p| *p != path)
                    .find(|p| self.filter.admits(&self.plan, &self.scores, *p));
                if next.is_none() {
                    self.info(Msg::NoPendingLeft {
                        filtered: self.filter != super::tree::Filter::All,
                    });
                }
                next
            }
            After::Enter | After::Next => self.indicator_after(path, true),
            After::Prev => self.indicator_after(path, false),
        };
        if let Some(next) = next {
            self.reveal(NodePath::Indicator(next));
            if after != After::Enter {
                self.start_edit(EditField::Result);
            }
        }
    }

    /// Back to a result's field with `text` typed in it (after a question about it).
    pub(super) fn reopen_result(&mut self, path: IndicatorPath, text: &str) {
        self.reveal(NodePath::Indicator(path));
        self.start_edit(EditField::Result);
        if let Mode::Edit(e) = &mut self.mode {
            e.input = Input::new(text);
        }
    }

    /// After a result: when the plan asks a note for a realization below its `fair`
    /// threshold and this one has none, the note field opens, saying why (true).
    /// The note once confirmed, the chain goes on as `after` says.
    fn ask_note_if_required(&mut self, path: IndicatorPath, after: After) -> bool {
        let Some((realization, fair)) =
            validate::note_missing(&self.plan, &self.indicator_now(path))
        else {
            return false;
        };
        self.open_required_note(path, realization, fair);
        self.note_then = Some(after);
        true
    }

    /// Opens the note of the indicator at `path`, saying the plan asks for it.
    fn open_required_note(&mut self, path: IndicatorPath, realization: Decimal, fair: Decimal) {
        self.reveal(NodePath::Indicator(path));
        self.start_edit(EditField::Note);
        let loc = self.plan.locale;
        // As the tree shows it: at the plan's precision.
        let shown = self
            .scores
            .shown(path)
            .map_or_else(|| loc.percent(realization), |r| loc.figure(r));
        self.info(Msg::NoteRequired {
            realization: shown,
            fair: loc.number(fair),
            more: self.notes_due.len(),
        });
    }

    /// After a pasted column: opens the next note the plan asks for, if any is left (true).
    pub(super) fn ask_next_note_due(&mut self) -> bool {
        while let Some(path) = self.notes_due.pop_front() {
            if let Some((realization, fair)) =
                validate::note_missing(&self.plan, &self.indicator_now(path))
            {
                self.open_required_note(path, realization, fair);
                return true;
            }
        }
        false
    }

    /// The indicator after `from` in tree order (or before it), within the filter: where
    /// Enter, Tab and Shift-Tab go after a result. It steps from `from` (never back to the
    /// start of the plan), so on a large plan it costs the rows it passes over.
    pub(super) fn indicator_after(
        &self,
        from: IndicatorPath,
        forward: bool,
    ) -> Option<IndicatorPath> {
        let mut at = from;
        loop {
            at = self.plan.step_indicator(at, forward)?;
            if self.filter.admits(&self.plan, &self.scores, at) {
                return Some(at);
            }
        }
    }

    /// Parses the result being typed, in the plan's locale and the indicator's unit.
    pub fn parse_result(
        &self,
        path: IndicatorPath,
        text: &str,
    ) -> Result<Option<Value>, FieldError> {
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
        // A value that reads but that the indicator cannot score (a bound that does not
        // decide the realization, a ratio of a count) is refused, saying why; an indicator
        // that cannot be scored whatever its result (its target is wrong) takes it.
        if let Some(v) = value
            && let Outcome::Unscorable(error) = self.scores.outcome_with(&self.plan, path, Some(v))
            && !matches!(
                self.scores.outcome_with(&self.plan, path, None),
                Outcome::Unscorable(_)
            )
        {
            return Err(FieldError::Value {
                error,
                locale: self.plan.locale,
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
    pub(super) fn preview(&mut self, edit: &mut Edit) {
        let path = edit.path;
        let text = edit.input.text();
        let preview: Result<Outcome, FieldError> = match edit.field {
            EditField::Result => self
                .parse_result(path, &text)
                .map(|v| self.scores.outcome_with(&self.plan, path, v)),
            EditField::OverrideRealization => self.parse_override(&text).map(|v| {
                let mut ind = self.indicator_now(path).into_owned();
                ind.realization_override = v.map(|r| Override {
                    realization: r.into(),
                    reason: String::new(),
                });
                score::outcome(&ind, &self.scores.rules.scoring)
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
                self.note_then = None;
                self.notes_due.clear();
                self.scores.update_indicator(&self.plan, edit.path);
                self.mode = Mode::Normal;
                self.info(Msg::ValueKept);
                Effect::None
            }
            Action::Submit | Action::ConfirmAndNext | Action::ConfirmAndPrev => {
                let key = match action {
                    Action::ConfirmAndNext => After::Next,
                    Action::ConfirmAndPrev => After::Prev,
                    _ => After::Enter,
                };
                let path = edit.path;
                let field = edit.field;
                // A note the plan asked for after a result: once given, the chain goes on
                // (Enter as the result's key did; Tab and Shift-Tab as they say).
                let asked = match field {
                    EditField::Note => self.note_then.take(),
                    _ => None,
                };
                let effect = self.submit_edit(edit, key);
                if matches!(self.mode, Mode::Normal) {
                    match (field, asked) {
                        // Enter moves on, as in a spreadsheet: to the next indicator, or the
                        // next pending one when the user chose so.
                        (EditField::Result, _) if !self.ask_note_if_required(path, key) => {
                            self.move_on(path, key)
                        }
                        (EditField::Result, _) => {}
                        (EditField::Note, Some(then)) => {
                            self.move_on(path, if key == After::Enter { then } else { key });
                        }
                        (EditField::Note, None) if self.ask_next_note_due() => {}
                        _ if key != After::Enter => {
                            if let Some(next) = self.indicator_after(path, key == After::Next) {
                                self.reveal(NodePath::Indicator(next));
                            }
                        }
                        _ => {}
                    }
                }
                effect
            }
            _ => {
                self.mode = Mode::Edit(edit);
                Effect::None
            }
        }
    }

    fn submit_edit(&mut self, mut edit: Edit, after: After) -> Effect {
        let path = edit.path;
        let ind = self.indicator_now(path).into_owned();
        let ind = &ind;
        let text = edit.input.text();
        let new = match edit.field {
            EditField::Result => match self.parse_result(path, &text) {
                // A percentage between 0 and 1 is most likely a fraction: ask first.
                Ok(Some(Value::Number(v)))
                    if ind.unit == crate::plan::Unit::Percent
                        && v > Decimal::ZERO
                        && v < Decimal::ONE =>
                {
                    self.mode = Mode::Normal;
                    self.pending_fraction = Some((path, v, after));
                    self.ask(super::dialog::DialogKind::PercentFraction, 0);
                    return Effect::None;
                }
                Ok(v) => FieldValue::Result(v),
                Err(e) => {
                    edit.error = Some(e);
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
            },
            EditField::Note => FieldValue::Note(kept_or_trimmed(ind.note.as_deref(), &text)),
            EditField::NotAssessableReason => {
                FieldValue::NotAssessable(kept_or_trimmed(ind.not_assessable.as_deref(), &text))
            }
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
                        target_text: None,
                        target_date: None,
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
            EditField::Target => {
                let year = self.plan.indicator(path);
                match self
                    .plan
                    .locale
                    .parse_target(&text, &year.unit, &year.target)
                {
                    Err(e) => {
                        edit.error = Some(FieldError::Parse(e));
                        self.mode = Mode::Edit(edit);
                    }
                    Ok(t) if t == year.target => {
                        self.mode = Mode::Normal;
                        self.info(Msg::NoChange);
                    }
                    Ok(t) => match crate::plan::check::target_error(year, &t) {
                        // A target the indicator cannot be scored against (a count's
                        // target not whole, a range upside down) is refused, as a result
                        // would be.
                        Some(error) => {
                            edit.error = Some(FieldError::Value {
                                error,
                                locale: self.plan.locale,
                            });
                            self.mode = Mode::Edit(edit);
                        }
                        None => {
                            let loc = self.plan.locale;
                            self.mode = Mode::Edit(Edit {
                                path,
                                field: EditField::TargetDate,
                                input: Input::selected(&loc.date(self.default_change_date())),
                                error: None,
                                override_value: None,
                                target_text: Some(text),
                                target_date: None,
                            });
                        }
                    },
                }
                return Effect::None;
            }
            EditField::TargetDate => {
                match self.plan.locale.parse_date(&text) {
                    Ok(date) => {
                        self.mode = Mode::Edit(Edit {
                            path,
                            field: EditField::TargetReason,
                            input: Input::default(),
                            error: None,
                            override_value: None,
                            target_text: edit.target_text.clone(),
                            target_date: Some(date),
                        });
                    }
                    Err(e) => {
                        edit.error = Some(FieldError::Parse(e));
                        self.mode = Mode::Edit(edit);
                    }
                }
                return Effect::None;
            }
            EditField::TargetReason => {
                if text.trim().is_empty() {
                    edit.error = Some(FieldError::TargetReasonNeeded);
                    self.mode = Mode::Edit(edit);
                    return Effect::None;
                }
                self.mode = Mode::Normal;
                let typed = edit.target_text.clone().unwrap_or_default();
                let date = edit
                    .target_date
                    .unwrap_or_else(|| self.default_change_date());
                return self.change_target(path, &typed, date, text.trim());
            }
        };
        self.mode = Mode::Normal;
        self.commit(path, new)
    }

    /// The day a target change is dated unless the user says otherwise: today, within the
    /// plan's year; else the year's last day.
    fn default_change_date(&self) -> chrono::NaiveDate {
        use chrono::Datelike;
        let today = chrono::Local::now().date_naive();
        if today.year() == self.plan.year {
            today
        } else {
            chrono::NaiveDate::from_ymd_opt(self.plan.year, 12, 31).unwrap_or(today)
        }
    }

    /// Changes the year's target of the indicator at `path` to the one `typed`, keeping
    /// the one before on record with `date` and `reason`: one undoable step.
    fn change_target(
        &mut self,
        path: IndicatorPath,
        typed: &str,
        date: chrono::NaiveDate,
        reason: &str,
    ) -> Effect {
        let ind = self.plan.indicator(path);
        let Ok(new) = self.plan.locale.parse_target(typed, &ind.unit, &ind.target) else {
            return Effect::None;
        };
        let mut record = ind.target_changes.clone();
        record.push(crate::plan::TargetChange {
            from: ind.target.clone(),
            date,
            reason: reason.to_string(),
        });
        let changes = vec![
            FieldChange::new(
                ind.id.clone(),
                FieldValue::Target(ind.target.clone()),
                FieldValue::Target(new),
            ),
            FieldChange::new(
                ind.id.clone(),
                FieldValue::TargetChanges(ind.target_changes.clone()),
                FieldValue::TargetChanges(record),
            ),
        ];
        let step = Step {
            from: Vec::new(),
            kind: StepKind::Edit,
            changes: changes.into_iter().flatten().map(|c| (path, c)).collect(),
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

    /// Sets one field of an indicator as one undoable step.
    fn commit(&mut self, path: IndicatorPath, new: FieldValue) -> Effect {
        let ind = self.plan.indicator(path);
        let period = self.scores.period();
        let old = ind.get_at(new.field(), period);
        if old == new {
            self.scores.update_indicator(&self.plan, path);
            self.info(Msg::NoChange);
            return Effect::None;
        }
        let change = FieldChange {
            id: ind.id.clone(),
            period: None,
            old,
            new,
        }
        .at(period);
        let step = Step {
            from: Vec::new(),
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
            Outcome::Scored(_) => RealizationText::Percent(
                self.plan
                    .locale
                    .figure(self.scores.shown(path).unwrap_or_default()),
            ),
            Outcome::Pending => RealizationText::Pending,
            Outcome::Unscorable(_) => RealizationText::Unscorable,
            Outcome::NotAssessable => RealizationText::NotAssessable,
        }
    }

    /// A value of a field as a message shows it, figures as the plan's locale writes them.
    pub fn value_shown(&self, ind: &Indicator, value: &FieldValue) -> Shown {
        let loc = self.plan.locale;
        match value {
            FieldValue::Result(None) => Shown::Pending,
            FieldValue::Result(Some(v)) => Shown::Value(loc.value(*v, &ind.unit)),
            FieldValue::Override(None)
            | FieldValue::Note(None)
            | FieldValue::NotAssessable(None) => Shown::Nothing,
            FieldValue::NotAssessable(Some(r)) => Shown::Note(crate::text::truncate(r, 40)),
            FieldValue::Override(Some(o)) => Shown::Override {
                percent: loc.percent(o.realization.value()),
                reason: crate::text::truncate(&o.reason, 40),
            },
            FieldValue::Note(Some(n)) => Shown::Note(crate::text::truncate(n, 40)),
            FieldValue::Target(t) => Shown::Value(loc.target(t, &ind.unit)),
            FieldValue::TargetChanges(list) => match list.last() {
                Some(c) => Shown::Note(crate::text::truncate(&c.reason, 40)),
                None => Shown::Nothing,
            },
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
                    (_, FieldValue::NotAssessable(r)) => StepText::NotAssessable {
                        id,
                        marked: r.is_some(),
                    },
                    (_, FieldValue::Result(_) | FieldValue::Target(_))
                    | (_, FieldValue::TargetChanges(_)) => StepText::Changes { changes: 1 },
                }
            }
            (StepKind::Edit, [(path, c), _]) if c.field() == crate::plan::Field::Target => {
                let ind = self.plan.indicator(*path);
                StepText::Target {
                    id: c.id.clone(),
                    old: self.value_shown(ind, &c.old),
                    new: self.value_shown(ind, &c.new),
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
            let order = &self.plan.periods;
            let ind = &mut self.plan.perspectives[path.perspective].objectives[path.strategic]
                .operational[path.operational]
                .layer_mut(path.layer)[path.index];
            ind.set_at(change.new.clone(), change.period.as_deref(), order);
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

    /// Shows the period whose values `step` changed (an undo or a redo happens where it can
    /// be seen), when it is not the one shown.
    fn show_period_of(&mut self, step: &Step) {
        let Some(c) = step
            .changes
            .iter()
            .map(|(_, c)| c)
            .find(|c| c.field().has_periods())
        else {
            return;
        };
        if self.plan.periods.is_empty() || c.period.as_deref() == self.scores.period() {
            return;
        }
        let period = c.period.clone();
        self.show_period(period.as_deref());
    }

    pub(super) fn undo(&mut self) -> Effect {
        let Some(step) = self.history.undo().cloned() else {
            self.info(Msg::NothingToUndo);
            return Effect::None;
        };
        let back = step.inverse();
        self.show_period_of(&step);
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
        self.show_period_of(&step);
        self.apply_step(&step);
        if let Some((path, _)) = step.changes.first() {
            self.reveal(NodePath::Indicator(*path));
        }
        self.info(Msg::Redone(self.describe_step(&step)));
        // An import done again is still the forms' values.
        if step.from.len() == step.changes.len() && !step.from.is_empty() {
            return Effect::Imported(step.field_changes().into_iter().zip(step.from).collect());
        }
        Effect::Journal(step.field_changes())
    }
}
