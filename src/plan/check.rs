//! What makes a value of a plan wrong: one set of rules for validation (which reports them)
//! and scoring (which leaves a wrong value out rather than score it).
//!
//! An indicator whose unit, target, result or override is wrong is not scored: it "cannot
//! be scored" with the reason, and is left out of every mean like a pending one. An
//! objective whose weight is wrong is left out of the weighted scores. So a plan with errors
//! still shows the figures of everything that is right, and no error ever counts silently.

use std::fmt;

use rust_decimal::Decimal;

use super::{Indicator, Target, Unit, Value};

/// The largest weight: a weight is a percentage of the whole plan.
pub const MAX_WEIGHT: Decimal = Decimal::ONE_HUNDRED;

/// The most decimals a weight may have: ten, room for a share pasted from a spreadsheet
/// (`33.3333333333`). The bound matters to exactness: scores are computed with 28
/// significant digits, and a weighted score divides by the sum of the weights; a positive
/// weight of at least 10⁻¹⁰ keeps every weighted score within 10⁻¹¹ of its exact value,
/// inside the band where the shown figures are rounded on exact fractions (see
/// `score::exact`). A weight of 10⁻²⁸ would not.
pub const WEIGHT_DECIMALS: u32 = 10;

/// Why a weight is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightError {
    Negative(Decimal),
    AboveWhole(Decimal),
    TooManyDecimals(Decimal),
}

impl fmt::Display for WeightError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WeightError::Negative(w) => write!(f, "weight {w} % is negative"),
            WeightError::AboveWhole(w) => {
                write!(f, "weight {w} % is more than the whole plan (100 %)")
            }
            WeightError::TooManyDecimals(w) => write!(
                f,
                "weight {w} % has more than {WEIGHT_DECIMALS} decimals; round it (equal shares need no decimals written)"
            ),
        }
    }
}

/// What is wrong with a weight, if anything.
pub fn weight_error(w: Decimal) -> Option<WeightError> {
    if w < Decimal::ZERO {
        Some(WeightError::Negative(w))
    } else if w > MAX_WEIGHT {
        Some(WeightError::AboveWhole(w))
    } else if w.normalize().scale() > WEIGHT_DECIMALS {
        Some(WeightError::TooManyDecimals(w))
    } else {
        None
    }
}

/// Why an indicator cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// A deadline target on a unit that is not Date.
    DeadlineNeedsDateUnit { unit: Unit },
    /// A number target on the unit Date.
    DateUnitNeedsDeadline,
    /// A count target below zero.
    NegativeCountTarget { unit: Unit, value: Decimal },
    /// A count target that is not whole (`1.200`, a thousands dot?).
    CountTargetNotWhole { unit: Unit, value: Decimal },
    /// A count written with three decimals all zero (`1.000`): a thousands dot, most likely.
    CountLikeThousands { unit: Unit, value: Decimal },
    /// `Between` with its minimum above its maximum.
    RangeReversed { min: Decimal, max: Decimal },
    /// A date result on a unit that is not Date.
    ResultNeedsNumber { unit: Unit },
    /// A number result on the unit Date.
    ResultNeedsDate,
    /// A count result below zero or not whole.
    CountResultNotWhole { unit: Unit, value: Decimal },
    /// An override outside 0–100 %.
    OverrideOutOfRange { value: Decimal },
    /// An override without its reason.
    OverrideWithoutReason,
}

fn unit_name(u: &Unit) -> String {
    crate::store::write::unit(u)
}

/// `1.200` read as a count: probably one thousand two hundred, written with a thousands dot.
fn thousands_hint(value: Decimal) -> String {
    if value.scale() == 3 {
        let digits = value.to_string().replace('.', "");
        format!(
            "; numbers in the plan file use a dot for decimals and no thousands separator: for {} write {}",
            value,
            digits.trim_start_matches('0')
        )
    } else {
        String::new()
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::DeadlineNeedsDateUnit { unit } => write!(
                f,
                "the target is a deadline, so the unit must be Date, not {}",
                unit_name(unit)
            ),
            ValueError::DateUnitNeedsDeadline => write!(
                f,
                "the unit is Date, so the target must be a Deadline(\"YYYY-MM-DD\")"
            ),
            ValueError::NegativeCountTarget { unit, value } => write!(
                f,
                "a count cannot have a negative target ({value}, unit {})",
                unit_name(unit)
            ),
            ValueError::CountTargetNotWhole { unit, value } => write!(
                f,
                "the target {value} is not a whole count (unit {}){}",
                unit_name(unit),
                thousands_hint(*value)
            ),
            ValueError::CountLikeThousands { unit, value } => write!(
                f,
                "the count {value} (unit {}) is written with three decimals, as a thousands dot would be{}; write {} if that many was meant",
                unit_name(unit),
                thousands_hint(*value),
                value.trunc()
            ),
            ValueError::RangeReversed { min, max } => write!(
                f,
                "the range {min} – {max} has its minimum above its maximum"
            ),
            ValueError::ResultNeedsNumber { unit } => write!(
                f,
                "the result is a date, but the unit is {}: write a number",
                unit_name(unit)
            ),
            ValueError::ResultNeedsDate => write!(
                f,
                "the result is a number, but the unit is Date: write a date like \"2017-12-31\""
            ),
            ValueError::CountResultNotWhole { unit, value } => write!(
                f,
                "the result {value} is not a whole count (unit {}); use unit Number for fractions{}",
                unit_name(unit),
                thousands_hint(*value)
            ),
            ValueError::OverrideOutOfRange { value } => {
                write!(f, "the override {value} % is outside 0–100 %")
            }
            ValueError::OverrideWithoutReason => write!(
                f,
                "the override has no reason; say why the computed realization is not used"
            ),
        }
    }
}

/// A whole count written with three decimals (`1.000`, `12.000`): what a thousands dot
/// looks like in a plan file.
fn looks_like_thousands(n: Decimal) -> bool {
    n.scale() == 3 && n.fract().is_zero() && !n.is_zero()
}

/// Calls `found` with each thing wrong with the indicator's values, `result` standing for
/// its result (the value being typed, in a preview). Stops when `found` returns false.
fn each_error(ind: &Indicator, result: Option<Value>, mut found: impl FnMut(ValueError) -> bool) {
    let date_unit = ind.unit.is_date();
    let kind = match (&ind.target, date_unit) {
        (Target::Deadline(_), false) => Some(ValueError::DeadlineNeedsDateUnit {
            unit: ind.unit.clone(),
        }),
        (t, true) if !t.is_deadline() => Some(ValueError::DateUnitNeedsDeadline),
        _ => None,
    };
    if let Some(e) = kind
        && !found(e)
    {
        return;
    }
    if ind.unit.is_count() {
        for n in ind.target.numbers() {
            let e = if n < Decimal::ZERO {
                ValueError::NegativeCountTarget {
                    unit: ind.unit.clone(),
                    value: n,
                }
            } else if !n.fract().is_zero() {
                ValueError::CountTargetNotWhole {
                    unit: ind.unit.clone(),
                    value: n,
                }
            } else if looks_like_thousands(n) {
                ValueError::CountLikeThousands {
                    unit: ind.unit.clone(),
                    value: n,
                }
            } else {
                continue;
            };
            if !found(e) {
                return;
            }
        }
    }
    if let Target::Between { min, max } = &ind.target
        && min.value() > max.value()
        && !found(ValueError::RangeReversed {
            min: min.value(),
            max: max.value(),
        })
    {
        return;
    }
    if let Some(ov) = &ind.realization_override {
        let r = ov.realization.value();
        if (r < Decimal::ZERO || r > Decimal::ONE_HUNDRED)
            && !found(ValueError::OverrideOutOfRange { value: r })
        {
            return;
        }
        if ov.reason.trim().is_empty() && !found(ValueError::OverrideWithoutReason) {
            return;
        }
    }
    if let Some(v) = result {
        let e = match v {
            Value::Date(_) if !date_unit => Some(ValueError::ResultNeedsNumber {
                unit: ind.unit.clone(),
            }),
            Value::Number(_) if date_unit => Some(ValueError::ResultNeedsDate),
            Value::Number(n)
                if ind.unit.is_count() && (n < Decimal::ZERO || !n.fract().is_zero()) =>
            {
                Some(ValueError::CountResultNotWhole {
                    unit: ind.unit.clone(),
                    value: n,
                })
            }
            Value::Number(n) if ind.unit.is_count() && looks_like_thousands(n) => {
                Some(ValueError::CountLikeThousands {
                    unit: ind.unit.clone(),
                    value: n,
                })
            }
            _ => None,
        };
        if let Some(e) = e {
            found(e);
        }
    }
}

/// The first thing that keeps the indicator from being scored, with `result` as its result.
pub fn value_error(ind: &Indicator, result: Option<Value>) -> Option<ValueError> {
    let mut first = None;
    each_error(ind, result, |e| {
        first = Some(e);
        false
    });
    first
}

/// Everything wrong with the indicator's values.
pub fn value_errors(ind: &Indicator) -> Vec<ValueError> {
    let mut all = Vec::new();
    each_error(ind, ind.result, |e| {
        all.push(e);
        true
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn weights_are_percentages_with_few_decimals() {
        assert_eq!(weight_error(dec!(27)), None);
        assert_eq!(weight_error(dec!(16.666667)), None);
        assert_eq!(weight_error(dec!(33.3333333333)), None);
        assert_eq!(weight_error(dec!(0)), None);
        assert_eq!(weight_error(dec!(100.000)), None);
        assert!(matches!(
            weight_error(dec!(-1)),
            Some(WeightError::Negative(_))
        ));
        assert!(matches!(
            weight_error(dec!(1e27)),
            Some(WeightError::AboveWhole(_))
        ));
        assert!(matches!(
            weight_error(dec!(16.66666666667)),
            Some(WeightError::TooManyDecimals(_))
        ));
    }

    #[test]
    fn a_whole_count_with_three_zero_decimals_is_taken_for_a_thousands_dot() {
        let e = ValueError::CountLikeThousands {
            unit: Unit::Count,
            value: dec!(1.000),
        };
        let text = e.to_string();
        assert!(text.contains("for 1.000 write 1000"), "{text}");
        assert!(text.contains("write 1 if"), "{text}");
        assert!(looks_like_thousands(dec!(12.000)));
        assert!(!looks_like_thousands(dec!(4.0)));
        assert!(!looks_like_thousands(dec!(1000)));
    }

    #[test]
    fn a_count_target_with_three_decimals_suggests_a_thousands_dot() {
        let e = ValueError::CountTargetNotWhole {
            unit: Unit::Count,
            value: dec!(1.200),
        };
        let text = e.to_string();
        assert!(text.contains("for 1.200 write 1200"), "{text}");
        let e = ValueError::CountTargetNotWhole {
            unit: Unit::Count,
            value: dec!(2.5),
        };
        assert!(!e.to_string().contains("write"), "{e}");
    }
}
