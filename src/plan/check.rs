//! What makes a value of a plan wrong: one set of rules for validation (which reports them)
//! and scoring (which leaves a wrong value out rather than score it).
//!
//! An indicator whose unit, target, result or override is wrong is not scored: it "cannot
//! be scored" with the reason, and is left out of every mean like a pending one. An
//! objective whose weight is wrong is left out of the weighted scores. So a plan with errors
//! still shows the figures of everything that is right, and no error ever counts silently.

use rust_decimal::Decimal;

use super::{Band, BandScore, Indicator, Scoring, Target, Unit, Value};

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
    /// `Equal`, where the weights written beside it already take more than the whole: the
    /// share left (negative) is given.
    NoShareLeft(Decimal),
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
    /// A target `Yes` or `No` on a unit that is not YesNo.
    YesNoTargetNeedsYesNoUnit { unit: Unit },
    /// The unit YesNo with a target that is not `Yes` or `No`.
    YesNoUnitNeedsYesNoTarget,
    /// A result `Yes` or `No` on a unit that is not YesNo.
    YesNoResultNeedsYesNoUnit { unit: Unit },
    /// A result that is not `Yes` or `No` on the unit YesNo.
    ResultNeedsYesNo,
    /// A ratio on a unit that counts things, or on dates.
    RatioNotForUnit { unit: Unit },
    /// A ratio whose denominator is zero or negative.
    RatioDenominatorNotPositive { denominator: Decimal },
    /// A ratio whose parts are too large to be compared with the target exactly.
    RatioTooLarge,
    /// A result known only as a bound, where the bound does not decide the realization
    /// (`>= 95` against `>= 96`): the exact result is needed.
    BoundUndecidable { bound: super::Bound, value: Decimal },
    /// Marked not assessable without the reason.
    NotAssessableWithoutReason,
    /// A scale of bands that cannot score (the indicator's own, or the plan's).
    Bands(BandsError),
}

/// What makes a scale of bands wrong. Bands must cover the achievement from 0 to 100 %
/// without gaps or overlaps, in order, each with a score between 0 and the scale's top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BandsError {
    /// No band at all.
    Empty,
    /// `out_of` zero or negative.
    TopNotPositive { out_of: Decimal },
    /// The first band does not start at 0.
    FirstNotAtZero { from: Decimal },
    /// The last band does not end at 100.
    LastNotAtHundred { to: Decimal },
    /// A band (1-based) whose start is not below its end.
    Reversed {
        band: usize,
        from: Decimal,
        to: Decimal,
    },
    /// A band (1-based) that does not start where the one before it ends.
    Gap {
        band: usize,
        from: Decimal,
        previous_to: Decimal,
    },
    /// A band (1-based) whose score goes down: at its end below its start, or at its start
    /// below where the band before it ended (a higher achievement must not score less).
    ScoresGoDown { band: usize },
    /// A band's score (1-based) outside 0 to the scale's top.
    ScoreOutOfRange {
        band: usize,
        score: Decimal,
        out_of: Decimal,
    },
}

/// What is wrong with a scale of bands, if anything.
pub fn bands_error(out_of: Option<Decimal>, bands: &[Band]) -> Option<BandsError> {
    let top = out_of.unwrap_or(Decimal::ONE_HUNDRED);
    if top <= Decimal::ZERO {
        return Some(BandsError::TopNotPositive { out_of: top });
    }
    let first = bands.first()?;
    if first.from.value() != Decimal::ZERO {
        return Some(BandsError::FirstNotAtZero {
            from: first.from.value(),
        });
    }
    let mut previous_to = None;
    let mut previous_score: Option<Decimal> = None;
    for (i, b) in bands.iter().enumerate() {
        let (from, to) = (b.from.value(), b.to.value());
        if from >= to {
            return Some(BandsError::Reversed {
                band: i + 1,
                from,
                to,
            });
        }
        if let Some(previous_to) = previous_to
            && from != previous_to
        {
            return Some(BandsError::Gap {
                band: i + 1,
                from,
                previous_to,
            });
        }
        previous_to = Some(to);
        let scores = match b.score {
            BandScore::Fixed(s) => [s.value(), s.value()],
            BandScore::Linear(a, b) => [a.value(), b.value()],
        };
        if let Some(score) = scores.into_iter().find(|s| *s < Decimal::ZERO || *s > top) {
            return Some(BandsError::ScoreOutOfRange {
                band: i + 1,
                score,
                out_of: top,
            });
        }
        if scores[1] < scores[0] || previous_score.is_some_and(|p| scores[0] < p) {
            return Some(BandsError::ScoresGoDown { band: i + 1 });
        }
        previous_score = Some(scores[1]);
    }
    match previous_to {
        Some(to) if to != Decimal::ONE_HUNDRED => Some(BandsError::LastNotAtHundred { to }),
        _ => None,
    }
}

/// What is wrong with a way of scoring, if anything (only a scale of bands can be).
pub fn scoring_error(scoring: &Scoring) -> Option<BandsError> {
    match scoring {
        Scoring::Bands { bands, .. } if bands.is_empty() => Some(BandsError::Empty),
        Scoring::Bands { out_of, bands } => bands_error(out_of.map(|n| n.value()), bands),
        _ => None,
    }
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
fn each_error(
    ind: &Indicator,
    result: Option<Value>,
    scoring: &Scoring,
    mut found: impl FnMut(ValueError) -> bool,
) {
    let date_unit = ind.unit.is_date();
    let yes_no = ind.unit.is_yes_no();
    let kind = match (&ind.target, date_unit) {
        (Target::Deadline(_), false) => Some(ValueError::DeadlineNeedsDateUnit {
            unit: ind.unit.clone(),
        }),
        (t, true) if !t.is_deadline() => Some(ValueError::DateUnitNeedsDeadline),
        (t, false) if t.is_yes_no() && !yes_no => Some(ValueError::YesNoTargetNeedsYesNoUnit {
            unit: ind.unit.clone(),
        }),
        (t, false) if yes_no && !t.is_yes_no() => Some(ValueError::YesNoUnitNeedsYesNoTarget),
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
    if let Some(e) = scoring_error(scoring)
        && !found(ValueError::Bands(e))
    {
        return;
    }
    if let Some(reason) = &ind.not_assessable
        && reason.trim().is_empty()
        && !found(ValueError::NotAssessableWithoutReason)
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
    if let Some(e) = result.and_then(|v| value_kind_error(&ind.unit, v)) {
        found(e);
    }
}

/// What is wrong with a value (a result, or a baseline) for an indicator of `unit`: a date
/// where a number goes or the reverse, a yes or no on another unit, a ratio of a count or
/// over zero, a count not whole.
pub fn value_kind_error(unit: &Unit, v: Value) -> Option<ValueError> {
    let date_unit = unit.is_date();
    let yes_no = unit.is_yes_no();
    match v {
        // Yes or no first: a date or a number on a yes/no unit wants a yes or a no.
        Value::Bool(_) if !yes_no => {
            Some(ValueError::YesNoResultNeedsYesNoUnit { unit: unit.clone() })
        }
        _ if yes_no && !matches!(v, Value::Bool(_)) => Some(ValueError::ResultNeedsYesNo),
        Value::Date(_) if !date_unit => Some(ValueError::ResultNeedsNumber { unit: unit.clone() }),
        Value::Number(_) | Value::Ratio { .. } | Value::Bound { .. } if date_unit => {
            Some(ValueError::ResultNeedsDate)
        }
        Value::Ratio { .. } if unit.is_count() => {
            Some(ValueError::RatioNotForUnit { unit: unit.clone() })
        }
        Value::Ratio { denominator, .. } if denominator <= Decimal::ZERO => {
            Some(ValueError::RatioDenominatorNotPositive { denominator })
        }
        Value::Number(n) | Value::Bound { value: n, .. }
            if unit.is_count() && (n < Decimal::ZERO || !n.fract().is_zero()) =>
        {
            Some(ValueError::CountResultNotWhole {
                unit: unit.clone(),
                value: n,
            })
        }
        Value::Number(n) if unit.is_count() && looks_like_thousands(n) => {
            Some(ValueError::CountLikeThousands {
                unit: unit.clone(),
                value: n,
            })
        }
        _ => None,
    }
}

/// The first thing that keeps the indicator from being scored, with `result` as its result
/// and `scoring` the plan's way of scoring (its own, if it has one, is used instead).
pub fn value_error(
    ind: &Indicator,
    result: Option<Value>,
    plan_scoring: &Scoring,
) -> Option<ValueError> {
    let mut first = None;
    each_error(ind, result, ind.scoring_in(plan_scoring), |e| {
        first = Some(e);
        false
    });
    first
}

/// Everything wrong with the indicator's values. A wrong scale of bands is reported only
/// when it is the indicator's own (the plan's is reported once, for the plan).
pub fn value_errors(ind: &Indicator) -> Vec<ValueError> {
    let mut all = Vec::new();
    each_error(
        ind,
        ind.result,
        ind.scoring.as_deref().unwrap_or(&Scoring::Proportional),
        |e| {
            all.push(e);
            true
        },
    );
    all
}

/// What keeps `ind` from being scored against `target` that its present target does not
/// (a count's target not whole or below zero, a range upside down, a target of another
/// kind than its unit's).
pub fn target_error(ind: &Indicator, target: &Target) -> Option<ValueError> {
    let bare = |t: &Target| {
        let mut i = ind.clone();
        i.target = t.clone();
        i.result = None;
        i.realization_override = None;
        i.not_assessable = None;
        i.periods = Default::default();
        value_errors(&i)
    };
    let before = bare(&ind.target);
    bare(target).into_iter().find(|e| !before.contains(e))
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
