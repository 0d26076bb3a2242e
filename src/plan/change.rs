//! A change of one field of one indicator: the one unit in which the plan is ever changed.
//!
//! Undo and redo, the crash-recovery journal, the restore after a crash (and, as they come,
//! imports, merges and the audit log) all speak in [`FieldChange`]s: which indicator (by its
//! id, which perfplan never changes), which field, of which period (the year's final values
//! or an intermediate period's), the value before and the value after.
//! Keeping the value before is what lets a change be undone, and lets a restore tell a field
//! the user changed from a field somebody else changed in the file since.

use std::collections::HashMap;

use super::{Indicator, Override, Period, Target, TargetChange, Value};

/// A field of an indicator that the controller changes while scoring a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Result,
    Override,
    Note,
    /// Marked not assessable ("non valutabile"), with the reason.
    NotAssessable,
    /// The year's target (changed during the year together with `TargetChanges`).
    Target,
    /// The record of the target's changes: the target before, the day, the reason.
    TargetChanges,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Result,
        Field::Override,
        Field::Note,
        Field::NotAssessable,
        Field::Target,
        Field::TargetChanges,
    ];

    /// The fields an intermediate period has its own values of, as a controller enters them.
    pub fn has_periods(self) -> bool {
        matches!(self, Field::Result | Field::Override | Field::Note)
    }

    /// The field's name in the plan file.
    pub fn name(self) -> &'static str {
        match self {
            Field::Result => "result",
            Field::Override => "override",
            Field::Note => "note",
            Field::NotAssessable => "not_assessable",
            Field::Target => "target",
            Field::TargetChanges => "target_changes",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The value of one field; `None` inside means the field is absent (a pending result, no
/// override, no note).
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Result(Option<Value>),
    Override(Option<Override>),
    Note(Option<String>),
    NotAssessable(Option<String>),
    Target(Target),
    TargetChanges(Vec<TargetChange>),
}

impl FieldValue {
    pub fn field(&self) -> Field {
        match self {
            FieldValue::Result(_) => Field::Result,
            FieldValue::Override(_) => Field::Override,
            FieldValue::Note(_) => Field::Note,
            FieldValue::NotAssessable(_) => Field::NotAssessable,
            FieldValue::Target(_) => Field::Target,
            FieldValue::TargetChanges(_) => Field::TargetChanges,
        }
    }
}

impl Indicator {
    /// The current value of `field`.
    pub fn get(&self, field: Field) -> FieldValue {
        match field {
            Field::Result => FieldValue::Result(self.result),
            Field::Override => FieldValue::Override(self.realization_override.clone()),
            Field::Note => FieldValue::Note(self.note.clone()),
            Field::NotAssessable => FieldValue::NotAssessable(self.not_assessable.clone()),
            Field::Target => FieldValue::Target(self.target.clone()),
            Field::TargetChanges => FieldValue::TargetChanges(self.target_changes.clone()),
        }
    }

    /// Sets the field `value` belongs to.
    pub fn set(&mut self, value: FieldValue) {
        match value {
            FieldValue::Result(v) => self.result = v,
            FieldValue::Override(v) => self.realization_override = v,
            FieldValue::Note(v) => self.note = v,
            FieldValue::NotAssessable(v) => self.not_assessable = v,
            FieldValue::Target(v) => self.target = v,
            FieldValue::TargetChanges(v) => self.target_changes = v,
        }
    }

    /// The current value of `field` at `period` (`None`: the year's own values). An
    /// intermediate period has its own result, override and note; its other fields are
    /// the year's.
    pub fn get_at(&self, field: Field, period: Option<&str>) -> FieldValue {
        let Some(name) = period.filter(|_| field.has_periods()) else {
            return self.get(field);
        };
        let at = self.periods.get(name);
        match field {
            Field::Result => FieldValue::Result(at.and_then(|v| v.result)),
            Field::Override => {
                FieldValue::Override(at.and_then(|v| v.realization_override.clone()))
            }
            _ => FieldValue::Note(at.and_then(|v| v.note.clone())),
        }
    }

    /// Sets `value` at `period` (see [`Indicator::get_at`]); `order` is the plan's periods,
    /// to keep a period added to the indicator in their order.
    pub fn set_at(&mut self, value: FieldValue, period: Option<&str>, order: &[Period]) {
        let Some(name) = period.filter(|_| value.field().has_periods()) else {
            return self.set(value);
        };
        let at = self.periods.entry(name, order);
        match value {
            FieldValue::Result(v) => at.result = v,
            FieldValue::Override(v) => at.realization_override = v,
            FieldValue::Note(v) => at.note = v,
            _ => unreachable!("only fields with periods reach here"),
        }
        self.periods.prune();
    }
}

/// One field of one indicator going from `old` to `new`. `old` and `new` are always values
/// of the same field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The indicator's id.
    pub id: String,
    /// The intermediate period whose value changes; `None` for the year's own values (the
    /// final period's, and every field that has no periods).
    pub period: Option<String>,
    pub old: FieldValue,
    pub new: FieldValue,
}

impl FieldChange {
    /// A change of the field of `new`; `None` when `old` is another field's value.
    pub fn new(id: impl Into<String>, old: FieldValue, new: FieldValue) -> Option<FieldChange> {
        (old.field() == new.field()).then(|| FieldChange {
            id: id.into(),
            period: None,
            old,
            new,
        })
    }

    /// The same change, of the values at `period` (`None`: the year's).
    pub fn at(mut self, period: Option<&str>) -> FieldChange {
        self.period = period
            .filter(|_| self.field().has_periods())
            .map(str::to_string);
        self
    }

    pub fn field(&self) -> Field {
        self.new.field()
    }

    /// What it changes: the indicator, the period and the field.
    pub fn key(&self) -> (String, Option<String>, Field) {
        (self.id.clone(), self.period.clone(), self.field())
    }

    /// The change that takes this one back.
    pub fn inverse(&self) -> FieldChange {
        FieldChange {
            id: self.id.clone(),
            period: self.period.clone(),
            old: self.new.clone(),
            new: self.old.clone(),
        }
    }

    /// Whether it changes nothing.
    pub fn is_noop(&self) -> bool {
        self.old == self.new
    }
}

/// The net effect of a sequence of changes: for each indicator and field, the value before
/// the first change and after the last, in the order the fields were first changed. Fields
/// that came back to where they started are left out.
pub fn net(changes: impl IntoIterator<Item = FieldChange>) -> Vec<FieldChange> {
    let mut order: Vec<(String, Option<String>, Field)> = Vec::new();
    let mut by_key: HashMap<(String, Option<String>, Field), FieldChange> = HashMap::new();
    for c in changes {
        let key = c.key();
        match by_key.get_mut(&key) {
            Some(first) => first.new = c.new,
            None => {
                order.push(key.clone());
                by_key.insert(key, c);
            }
        }
    }
    order
        .into_iter()
        .filter_map(|k| by_key.remove(&k))
        .filter(|c| !c.is_noop())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn result(n: Option<rust_decimal::Decimal>) -> FieldValue {
        FieldValue::Result(n.map(Value::Number))
    }

    #[test]
    fn a_change_needs_one_field_on_both_sides() {
        assert!(FieldChange::new("a", result(None), FieldValue::Note(None)).is_none());
        let c = FieldChange::new("a", result(None), result(Some(dec!(4)))).unwrap();
        assert_eq!(c.field(), Field::Result);
        assert_eq!(c.inverse().new, result(None));
        assert_eq!(c.inverse().inverse(), c);
    }

    #[test]
    fn net_keeps_the_first_old_and_the_last_new_of_each_field() {
        let ch = |id: &str, a, b| FieldChange::new(id, result(a), result(b)).unwrap();
        let note = FieldChange::new(
            "b",
            FieldValue::Note(None),
            FieldValue::Note(Some("n".into())),
        )
        .unwrap();
        let out = net([
            ch("a", Some(dec!(4)), Some(dec!(5))),
            note.clone(),
            ch("a", Some(dec!(5)), Some(dec!(6))),
            ch("c", None, Some(dec!(1))),
            ch("c", Some(dec!(1)), None),
        ]);
        assert_eq!(out, vec![ch("a", Some(dec!(4)), Some(dec!(6))), note]);
    }

    #[test]
    fn field_names_are_the_files() {
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("baseline"), None);
    }
}
