//! Pasting a column of results copied from a spreadsheet: one value per line (or per
//! tab-separated cell) fills the selected indicator and the ones after it in tree order.
//! Nothing changes before the user has seen every value, old → new, and every line that
//! cannot be read; the values then go in as one undoable step.

use super::history::{Step, StepKind};
use super::msg::{FieldError, Msg};
use super::{App, Effect, Mode};
use crate::plan::{FieldChange, FieldValue, IndicatorPath, NodePath, Value};

/// One pasted value and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteRow {
    /// The line (or cell) as pasted.
    pub text: String,
    /// The indicator it goes to; `None` past the last one.
    pub path: Option<IndicatorPath>,
    pub old: Option<Value>,
    /// The value read, or why it cannot be.
    pub new: Result<Option<Value>, FieldError>,
}

impl PasteRow {
    pub fn is_readable(&self) -> bool {
        self.path.is_some() && self.new.is_ok()
    }
}

/// The values of pasted text: one a line, or one a tab-separated cell; `None` when it is a
/// single value (typed into the field as it is).
pub fn cells(text: &str) -> Option<Vec<String>> {
    // Terminals send a pasted line break as CR, LF or both.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // A copied column ends with one line break; any other empty line is an empty cell.
    let text = text.strip_suffix('\n').unwrap_or(&text);
    if !text.contains(['\n', '\t']) {
        return None;
    }
    Some(
        text.split('\n')
            .flat_map(|line| line.split('\t'))
            .map(|c| c.trim().to_string())
            .collect(),
    )
}

impl App {
    /// Text of several values pasted on the indicator at `from`: shows what each would do.
    pub(super) fn start_paste(
        &mut self,
        from: IndicatorPath,
        values: Vec<String>,
        back: Option<Box<super::Edit>>,
    ) {
        if self.read_only {
            self.error(Msg::NoChangeReadOnly(self.read_only_reason()));
            return;
        }
        let here = NodePath::Indicator(from);
        let mut targets = self
            .plan
            .indicators()
            .map(|(p, _)| p)
            .filter(|p| {
                super::tree::cmp_tree_order(NodePath::Indicator(*p), here).is_ge()
                    && (*p == from || self.filter.admits(&self.plan, &self.scores, *p))
            })
            .collect::<Vec<_>>()
            .into_iter();
        let rows = values
            .into_iter()
            .map(|text| {
                let path = targets.next();
                let new = match path {
                    Some(p) => self.parse_result(p, &text).and_then(|v| {
                        // A percentage between 0 and 1, most likely a fraction: not taken
                        // without a word (typed, it is asked; here, it is left to fix).
                        match v {
                            Some(Value::Number(n))
                                if self.plan.indicator(p).unit == crate::plan::Unit::Percent
                                    && n > rust_decimal::Decimal::ZERO
                                    && n < rust_decimal::Decimal::ONE =>
                            {
                                Err(FieldError::PercentAsFraction {
                                    meant: self.plan.locale.number(
                                        (n * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
                                    ),
                                })
                            }
                            v => Ok(v),
                        }
                    }),
                    None => Ok(None),
                };
                PasteRow {
                    old: path.and_then(|p| self.indicator_now(p).result),
                    text,
                    path,
                    new,
                }
            })
            .collect();
        self.mode = Mode::Paste {
            rows,
            scroll: 0,
            back,
        };
    }

    /// Puts the pasted values in, as one step: all of them, or (`skip`) the readable ones.
    pub(super) fn apply_paste(
        &mut self,
        rows: Vec<PasteRow>,
        skip: bool,
        back: Option<Box<super::Edit>>,
    ) -> Effect {
        if !skip && rows.iter().any(|r| !r.is_readable()) {
            let unreadable = rows.iter().filter(|r| !r.is_readable()).count();
            self.mode = Mode::Paste {
                rows,
                scroll: 0,
                back,
            };
            self.error(Msg::PasteUnreadable { unreadable });
            return Effect::None;
        }
        self.mode = Mode::Normal;
        let changes: Vec<(IndicatorPath, FieldChange)> = rows
            .iter()
            .filter(|r| r.is_readable())
            .filter_map(|r| {
                let path = r.path?;
                let new = FieldValue::Result(r.new.clone().ok()?);
                let period = self.scores.period();
                let old = self.plan.indicator(path).get_at(new.field(), period);
                (old != new).then(|| {
                    let id = self.plan.indicator(path).id.clone();
                    let change = FieldChange {
                        id,
                        period: None,
                        old,
                        new,
                    };
                    (path, change.at(period))
                })
            })
            .collect();
        let skipped = rows.iter().filter(|r| !r.is_readable()).count();
        if changes.is_empty() {
            self.info(Msg::NoChange);
            return Effect::None;
        }
        let step = Step {
            from: Vec::new(),
            kind: StepKind::Paste,
            changes,
        };
        self.apply_step(&step);
        if let Some((last, _)) = step.changes.last() {
            self.reveal(NodePath::Indicator(*last));
        }
        self.info(Msg::Pasted {
            changes: step.changes.len(),
            skipped,
        });
        let journal = step.field_changes();
        // The plan may ask a note for each value below its `fair` threshold: one at a time.
        self.notes_due = step
            .changes
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| {
                crate::validate::note_missing(&self.plan, &self.indicator_now(*p)).is_some()
            })
            .collect();
        self.history.push(step);
        self.ask_next_note_due();
        Effect::Journal(journal)
    }
}

#[cfg(test)]
mod tests {
    use super::cells;

    #[test]
    fn lines_and_tab_separated_cells_are_values() {
        assert_eq!(cells("72"), None, "one value is typed as it is");
        assert_eq!(cells("72\n"), None, "a trailing line break too");
        assert_eq!(cells("72\n5\n").unwrap(), ["72", "5"]);
        assert_eq!(cells("72\r\n5\r\n").unwrap(), ["72", "5"]);
        assert_eq!(
            cells("72\r5\r").unwrap(),
            ["72", "5"],
            "CR alone, as terminals send it"
        );
        assert_eq!(cells("72\r"), None);
        assert_eq!(cells("72\t5").unwrap(), ["72", "5"]);
        assert_eq!(cells("1\t2\n3").unwrap(), ["1", "2", "3"]);
        assert_eq!(
            cells("72\n\n5").unwrap(),
            ["72", "", "5"],
            "an empty line: pending"
        );
        assert_eq!(
            cells("70\n\n").unwrap(),
            ["70", ""],
            "a last empty cell is a cell: only the one final line break is not"
        );
    }
}
