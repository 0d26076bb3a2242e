//! What makes a value of a plan wrong: one set of rules for validation (which reports them)
//! and scoring (which leaves a wrong value out rather than score it).
//!
//! An indicator whose unit, target, result or override is wrong is not scored: it "cannot
//! be scored" with the reason, and is left out of every mean like a pending one. An
//! objective whose weight is wrong is left out of the weighted scores. So a plan with errors
//! still shows the figures of everything that is right, and no error ever counts silently.

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

/// Why a weight is wrong. Said with [`Say`](crate::lang::Say), the weight as the plan file
/// writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightError {
    Negative(Decimal),
    AboveWhole(Decimal),
    TooManyDecimals(Decimal),
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

/// Why an indicator cannot be scored. Said with [`Say`](crate::lang::Say); the values are
/// quoted as the plan file writes them (`2.5`, `1.200`), since the file is where they are
/// fixed.
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

/// The number a controller most likely meant by a value with exactly three decimals
/// (`1.200` → `1200`): the value with its dot taken for a thousands separator, as the plan
/// file would have it. `None` for other values. Messages offer it as the fix.
pub fn without_thousands_dot(value: Decimal) -> Option<String> {
    (value.scale() == 3).then(|| {
        let digits = value.to_string().replace('.', "");
        digits.trim_start_matches('0').to_string()
    })
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
    use crate::lang::{Lang, Say};
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
        assert_eq!(
            e.say(Lang::En),
            "the count 1.000 (unit Count) is written with three decimals, as a thousands dot \
             would be; numbers in the plan file use a dot for decimals and no thousands \
             separator: for 1.000 write 1000; write 1 if that many was meant"
        );
        assert_eq!(
            e.say(Lang::It),
            "il conteggio 1.000 (unità Count) è scritto con tre decimali, come se il punto \
             separasse le migliaia; nel file del piano i numeri si scrivono con il punto per i \
             decimali e senza separatore delle migliaia: per 1.000 scrivi 1000; se intendevi \
             proprio 1, scrivi 1"
        );
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
        assert!(e.say(Lang::En).contains("for 1.200 write 1200"), "{e:?}");
        assert!(e.say(Lang::It).contains("per 1.200 scrivi 1200"), "{e:?}");
        let e = ValueError::CountTargetNotWhole {
            unit: Unit::Label("testate".into()),
            value: dec!(2.5),
        };
        assert_eq!(
            e.say(Lang::En),
            "the target 2.5 is not a whole count (unit Label(\"testate\"))"
        );
        assert_eq!(
            e.say(Lang::It),
            "il target 2.5 non è un numero intero (unità Label(\"testate\"))"
        );
        assert_eq!(without_thousands_dot(dec!(2.5)), None);
    }

    #[test]
    fn weight_errors_are_said_in_both_languages() {
        let e = weight_error(dec!(-3.5)).unwrap();
        assert_eq!(e.say(Lang::En), "weight -3.5 % is negative");
        // Its number as the language writes numbers (the plan's locale, in a finding).
        assert_eq!(e.say(Lang::It), "il peso -3,5 % è negativo");
        let e = weight_error(dec!(120)).unwrap();
        assert_eq!(
            e.say(Lang::It),
            "il peso 120 % supera il totale del piano (100 %)"
        );
    }
}
