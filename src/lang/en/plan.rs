use rust_decimal::Decimal;

use super::{En, count};
use crate::lang::PlanWords;
use crate::lang::plan::place_with;
use crate::plan::Locale;
use crate::plan::check::{self, ValueError, WEIGHT_DECIMALS, WeightError};
use crate::plan::locale::InputError;
use crate::plan::number::ReadError;
use crate::store::write::unit;
use crate::validate::{FindingKind, Place, Severity, Tally};

/// `; numbers in the plan file use … for 1.200 write 1200`, for a value with three decimals.
fn thousands_hint(value: Decimal) -> String {
    match check::without_thousands_dot(value) {
        Some(meant) => format!(
            "; numbers in the plan file use a dot for decimals and no thousands separator: for {value} write {meant}"
        ),
        None => String::new(),
    }
}

impl PlanWords for En {
    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    fn place(&self, place: &Place) -> String {
        place_with(place, "plan", "indicator")
    }

    fn finding(&self, kind: &FindingKind, loc: Locale) -> String {
        match kind {
            FindingKind::ThresholdsOutOfRange => {
                "thresholds must lie between 0 and 100".to_string()
            }
            FindingKind::FairAboveGood { fair, good } => format!(
                "threshold `fair` ({}) is above `good` ({})",
                loc.number(*fair),
                loc.number(*good)
            ),
            FindingKind::NoPerspectives => "the plan has no perspectives yet".to_string(),
            FindingKind::NoStrategicObjectives => "has no strategic objectives".to_string(),
            FindingKind::WrongWeight(e) => format!(
                "{}; the objective is left out of the weighted scores",
                self.weight_error(e, loc)
            ),
            FindingKind::NoOperationalObjectives => "has no operational objectives".to_string(),
            FindingKind::WeightNotSum { weight, sum } => format!(
                "weight {} % differs from the sum of its operational objectives' weights, {} %",
                loc.number(*weight),
                loc.number(*sum)
            ),
            FindingKind::NoStrategicIndicators => {
                "has no strategic indicators, so it gets no realization".to_string()
            }
            FindingKind::NoOperationalIndicators => {
                "has no operational indicators, so it gets no realization".to_string()
            }
            FindingKind::TotalWeight { total } => format!(
                "the strategic objectives' weights add up to {} %, not 100 %",
                loc.number(*total)
            ),
            FindingKind::EmptyId => "has an empty id".to_string(),
            FindingKind::DuplicateId { id, first } => format!(
                "the id \"{id}\" is also used by {}; ids must be unique",
                self.place(first)
            ),
            FindingKind::NoDescription => "has no description".to_string(),
            FindingKind::Unscorable(e) => {
                format!("{}; it cannot be scored", self.value_error(e, loc))
            }
            FindingKind::NoteRequired { realization, fair } => format!(
                "a realization of {} is below the fair threshold ({} %): the plan asks for a note saying why",
                loc.percent(*realization),
                loc.number(*fair)
            ),
            FindingKind::CheckThisValue { result, target } => format!(
                "check this value: the result {} is far from the target's {} (more than 100 times more or less); a thousands dot, or a percentage written as a fraction?",
                loc.number(*result),
                loc.number(*target)
            ),
            FindingKind::ResultDateFar { date, year } => format!(
                "the result date {} is far from the plan's year {year}: is the year right?",
                loc.date(*date)
            ),
            FindingKind::BaselineNeedsNumber { unit: u } => format!(
                "the baseline is a date, but the unit is {}: write a number",
                unit(u)
            ),
            FindingKind::BaselineNeedsDate => {
                "the baseline is a number, but the unit is Date: write a date like \"2017-12-31\""
                    .to_string()
            }
            FindingKind::NegativeTargetInProportion => {
                "a negative target cannot be scored in proportion: a missed one scores 0 %; \
                 write `scoring: AllOrNothing` to say so"
                    .to_string()
            }
            FindingKind::EqualShareOfNothing => {
                "weight `Equal` is an equal share of nothing: the weights written beside it take the whole, so it weighs 0"
                    .to_string()
            }
            FindingKind::BaselineUnfit(e) => format!("the baseline: {}", self.value_error(e, loc)),
            FindingKind::PlanScoring(e) => format!(
                "the plan's scoring: {}; the indicators it scores are left unscored",
                bands_error(e, loc)
            ),
            FindingKind::PeriodWithoutName => "a monitoring period has no name".to_string(),
            FindingKind::PeriodTwice { name } => {
                format!("the monitoring period \"{name}\" is listed twice")
            }
            FindingKind::PeriodOutOfOrder { name, date } => format!(
                "the monitoring period \"{name}\" ({}) is not after the one before it: list the periods in date order",
                loc.date(*date)
            ),
            FindingKind::PeriodOutsideYear { name, date, year } => format!(
                "the monitoring period \"{name}\" is dated {}, outside the plan's year {year}",
                loc.date(*date)
            ),
            FindingKind::PeriodValuesTwice { name } => format!(
                "the values of the period \"{name}\" are written twice: only the first count; remove the other"
            ),
            FindingKind::TargetChangeUnfit(e) => {
                format!("the target before the change: {}", self.value_error(e, loc))
            }
            FindingKind::OfficeWithoutName => "an office of the `offices` list has no name".to_string(),
            FindingKind::OfficeTwice { name } => {
                format!("the office \"{name}\" is listed twice in `offices`")
            }
            FindingKind::OwnerNotListed { owner } => format!(
                "the office \"{owner}\" is not among the plan's offices (`offices`): add it to the list or correct the name"
            ),
            FindingKind::UnknownPeriod { name } => format!(
                "values for the period \"{name}\", which the plan does not list in its `periods`"
            ),
            FindingKind::FinalPeriodValues { name } => format!(
                "values for \"{name}\" among the periods: that is the final period, whose values are the indicator's own `result`, `override` and `note`"
            ),
            FindingKind::AtPeriod { name, kind } => {
                format!("at \"{name}\": {}", self.finding(kind, loc))
            }
            FindingKind::TargetChangeWithoutReason { date } => format!(
                "the target change of {} has no reason: the Relazione must say why the target changed",
                loc.date(*date)
            ),
            FindingKind::TargetChangeOutsideYear { date, year } => format!(
                "the target change is dated {}, outside the plan's year {year}",
                loc.date(*date)
            ),
            FindingKind::PrecisionTooFine { decimals } => format!(
                "precision of {decimals} decimals: figures are shown with at most {} decimals",
                crate::plan::Precision::MAX
            ),
            FindingKind::GraceDaysWithoutDeadline => {
                "GraceDays applies only to deadlines; this target is scored proportionally"
                    .to_string()
            }
        }
    }

    fn tally(&self, t: &Tally) -> String {
        format!(
            "{}, {}",
            count(t.errors, "error", "errors"),
            count(t.warnings, "warning", "warnings")
        )
    }

    fn value_error(&self, e: &ValueError, loc: Locale) -> String {
        let n = |v: &rust_decimal::Decimal| loc.number(*v);
        match e {
            ValueError::DeadlineNeedsDateUnit { unit: u } => format!(
                "the target is a deadline, so the unit must be Date, not {}",
                unit(u)
            ),
            ValueError::DateUnitNeedsDeadline => {
                "the unit is Date, so the target must be a Deadline(\"YYYY-MM-DD\")".to_string()
            }
            ValueError::NegativeCountTarget { unit: u, value } => format!(
                "a count cannot have a negative target ({}, unit {})",
                n(value),
                unit(u)
            ),
            ValueError::CountTargetNotWhole { unit: u, value } => format!(
                "the target {value} is not a whole count (unit {}){}",
                unit(u),
                thousands_hint(*value)
            ),
            ValueError::CountLikeThousands { unit: u, value } => format!(
                "the count {value} (unit {}) is written with three decimals, as a thousands dot would be{}; write {} if that many was meant",
                unit(u),
                thousands_hint(*value),
                value.trunc()
            ),
            ValueError::RangeReversed { min, max } => {
                format!(
                    "the range {} – {} has its minimum above its maximum",
                    n(min),
                    n(max)
                )
            }
            ValueError::ResultNeedsNumber { unit: u } => format!(
                "the result is a date, but the unit is {}: write a number",
                unit(u)
            ),
            ValueError::ResultNeedsDate => {
                "the result is a number, but the unit is Date: write a date like \"2017-12-31\""
                    .to_string()
            }
            ValueError::CountResultNotWhole { unit: u, value } => format!(
                "the result {value} is not a whole count (unit {}); use unit Number for fractions{}",
                unit(u),
                thousands_hint(*value)
            ),
            ValueError::OverrideOutOfRange { value } => {
                format!("the override {} % is outside 0–100 %", n(value))
            }
            ValueError::OverrideWithoutReason => {
                "the override has no reason; say why the computed realization is not used"
                    .to_string()
            }
            ValueError::YesNoTargetNeedsYesNoUnit { unit: u } => format!(
                "the target is Yes or No, so the unit must be YesNo, not {}",
                unit(u)
            ),
            ValueError::YesNoUnitNeedsYesNoTarget => {
                "the unit is YesNo, so the target must be Yes or No".to_string()
            }
            ValueError::YesNoResultNeedsYesNoUnit { unit: u } => format!(
                "the result is Yes or No, but the unit is {}: write a number",
                unit(u)
            ),
            ValueError::ResultNeedsYesNo => {
                "the unit is YesNo, so the result must be Yes or No".to_string()
            }
            ValueError::RatioNotForUnit { unit: u } => format!(
                "a ratio is not a count (unit {}): use unit Number or Percent for ratios",
                unit(u)
            ),
            ValueError::RatioDenominatorNotPositive { denominator } => format!(
                "the ratio's denominator {} must be above zero",
                n(denominator)
            ),
            ValueError::RatioTooLarge => {
                "the ratio's parts are too large to be compared with the target exactly".to_string()
            }
            ValueError::BoundUndecidable { bound, value } => format!(
                "the result {} {} does not decide the realization against this target: write the exact result",
                bound.sign(),
                n(value)
            ),
            ValueError::NotAssessableWithoutReason => {
                "marked not assessable without a reason; say why it cannot be assessed".to_string()
            }
            ValueError::Bands(e) => bands_error(e, loc),
        }
    }

    fn weight_error(&self, e: &WeightError, loc: Locale) -> String {
        let n = |v: &rust_decimal::Decimal| loc.number(*v);
        match e {
            WeightError::Negative(w) => format!("weight {} % is negative", n(w)),
            WeightError::AboveWhole(w) => {
                format!("weight {} % is more than the whole plan (100 %)", n(w))
            }
            WeightError::TooManyDecimals(w) => format!(
                "weight {w} % has more than {WEIGHT_DECIMALS} decimals; round it, or write `Equal` for equal shares"
            ),
            WeightError::NoShareLeft(w) => format!(
                "weight `Equal` leaves nothing to share: the weights written beside it exceed their whole by {} %",
                {
                    // Two decimals, unless they would hide the excess (16.67 for 100/6).
                    let excess = (-*w).round_dp(2);
                    if excess.is_zero() {
                        n(&(-*w).round_dp(6).normalize())
                    } else {
                        n(&excess.normalize())
                    }
                }
            ),
        }
    }

    fn input_error(&self, e: &InputError) -> String {
        match e {
            InputError::NotANumber { text, locale } => format!(
                "not a number: \"{text}\"; write it like {} or {}",
                locale.number(Decimal::new(203, 2)),
                locale.number(Decimal::from(1000))
            ),
            InputError::NotADate { text, locale } => {
                let example = match locale {
                    Locale::It => "31/12/2017 or 2017-12-31",
                    Locale::En => "2017-12-31 or 31/12/2017",
                };
                format!("not a date: \"{text}\"; write {example}, the year in full")
            }
            InputError::NotYesNo { text, .. } => {
                format!("not yes or no: \"{text}\"; write Yes or No")
            }
            InputError::NotARatio { text, locale } => format!(
                "not a ratio: \"{text}\"; write the numerator and the denominator like {}/{}",
                locale.number(Decimal::from(79)),
                locale.number(Decimal::new(873, 1))
            ),
            InputError::NotATarget { text, locale } => format!(
                "\"{text}\" is not a target: write it as >= {}, <= {}, {} – {}, a date (<= 2017-12-31) or Yes/No, as the unit goes",
                locale.number(Decimal::from(80)),
                locale.number(Decimal::new(15, 1)),
                locale.number(Decimal::from(10)),
                locale.number(Decimal::from(20))
            ),
            InputError::NoBoundHere { text } => format!(
                "\"{text}\": a date or a yes/no result is exact, not an inequality; write it without >= or <="
            ),
        }
    }

    fn read_error(&self, e: &ReadError) -> String {
        match e {
            ReadError::QuotedNumber { number, written } => {
                format!("a number is written without quotes: write {number}, not {written}")
            }
            ReadError::NotANumber { found } => {
                format!("expected a plain number like 2.03 or 1000, found `{found}`")
            }
            ReadError::NotExact { found } => format!(
                "the number `{found}` cannot be held exactly (at most 28 significant digits, \
                 and no larger than 79228162514264337593543950335)"
            ),
            ReadError::NotANumberOrDate { found } => format!(
                "expected a number like 2.03, a date like \"2017-12-31\", Yes or No, a ratio like Ratio(79, 87.3) or a bound like AtLeast(95), found `{found}`"
            ),
            ReadError::DateNotIso { written } => format!(
                "\"{written}\" is not a date perfplan reads: write dates as \"YYYY-MM-DD\" (\"2017-12-31\")"
            ),
            ReadError::NeitherNumberNorDate { written } => format!(
                "\"{written}\" is neither a number nor a date: a number is written without quotes ({written}), a date as \"YYYY-MM-DD\" (\"2017-12-31\")"
            ),
            ReadError::NotIsoDate { found } => {
                format!("expected a date like \"2017-12-31\", found \"{found}\"")
            }
            ReadError::UnknownLocale { found } => format!(
                "unknown locale \"{found}\": write \"it\" (2,03 · 1.000 · 31/12/2017) or \"en\" (2.03 · 1,000 · 2017-12-31)"
            ),
            ReadError::BadValueForm { found } => format!(
                "`{found}` is not a result perfplan reads: write Ratio(79, 87.3) for a ratio, AtLeast(95) (or MoreThan, AtMost, LessThan) for a bound, Yes or No"
            ),
            ReadError::NotAWeight { found } => {
                format!("expected a weight like 27 or 9.5, or Equal, found `{found}`")
            }
        }
    }
}

/// What is wrong with a scale of bands, in words.
fn bands_error(e: &check::BandsError, loc: Locale) -> String {
    use check::BandsError as B;
    let n = |v: &Decimal| loc.number(*v);
    match e {
        B::Empty => "the scale of bands has no band".to_string(),
        B::TopNotPositive { out_of } => {
            format!(
                "the bands' top score out_of {} must be above zero",
                n(out_of)
            )
        }
        B::FirstNotAtZero { from } => {
            format!("the first band starts at {} %, not at 0 %", n(from))
        }
        B::LastNotAtHundred { to } => format!("the last band ends at {} %, not at 100 %", n(to)),
        B::Reversed { band, from, to } => format!(
            "band {band} goes from {} % to {} %: its start must be below its end",
            n(from),
            n(to)
        ),
        B::Gap {
            band,
            from,
            previous_to,
        } => format!(
            "band {band} starts at {} %, but the band before it ends at {} %: bands must follow one another",
            n(from),
            n(previous_to)
        ),
        B::ScoresGoDown { band } => format!(
            "band {band} scores less than the achievement below it: scores must not go down as the achievement goes up (Linear(a, b) with a at the band's start)"
        ),
        B::ScoreOutOfRange {
            band,
            score,
            out_of,
        } => format!(
            "band {band} gives {}, outside 0 – {} (the scale's top)",
            n(score),
            n(out_of)
        ),
    }
}
