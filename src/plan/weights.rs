//! Objectives' weights as they count: the numbers written, and the equal shares of the
//! objectives whose weight is `Equal`.
//!
//! A strategic objective's weight is a percentage of the whole plan: the strategic
//! objectives written `Equal` share equally what the others leave of 100. An operational
//! objective's weight is a percentage of the whole plan too, within its strategic
//! objective's: those written `Equal` share equally what the others leave of their strategic
//! objective's weight. Six strategic objectives all `Equal` weigh 100/6 each, and add up to
//! exactly 100.
//!
//! A share is kept exact, as a decimal numerator over a whole denominator
//! ((100 − 40) / 6): the scores round their figures on exact values (`score::exact`), and
//! 100/6 has no exact decimal.

use rust_decimal::Decimal;

use super::check::{self, WeightError};
use super::{Plan, Weight};

/// A weight as it counts: `numerator / denominator`, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub numerator: Decimal,
    pub denominator: u64,
    /// An equal share (`Equal` in the file), not a number written.
    pub equal: bool,
    /// For an equal share, what the written weights beside it leave of their whole (the
    /// sum of the equal shares); negative when they take more than the whole.
    pub left: Decimal,
}

impl Default for Share {
    fn default() -> Self {
        Share::given(Decimal::ZERO)
    }
}

impl Share {
    fn given(w: Decimal) -> Share {
        Share {
            numerator: w,
            denominator: 1,
            equal: false,
            left: Decimal::ZERO,
        }
    }

    /// The weight in decimals (28 significant digits: exact for a weight written, the
    /// nearest decimal for a share like 100/6).
    pub fn value(&self) -> Decimal {
        if self.denominator == 1 {
            return self.numerator;
        }
        self.numerator
            .checked_div(Decimal::from(self.denominator))
            .unwrap_or(Decimal::ZERO)
    }

    /// What is wrong with it, if anything: a weight written is checked as written; a share
    /// is wrong only when the others leave less than nothing.
    pub fn error(&self) -> Option<WeightError> {
        if self.equal {
            (self.numerator < Decimal::ZERO).then_some(WeightError::NoShareLeft(self.left))
        } else {
            check::weight_error(self.numerator)
        }
    }

    /// The weight as tables show it: a weight written as written; an equal share rounded
    /// half up to two decimals (100/6 is shown 16.67, and counts as 100/6).
    pub fn shown(&self) -> Decimal {
        if self.denominator == 1 {
            return self.numerator;
        }
        self.value()
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    }

    /// Whether it counts in the weighted scores.
    pub fn counts(&self) -> bool {
        self.error().is_none()
    }
}

impl From<Decimal> for Share {
    fn from(d: Decimal) -> Self {
        Share::given(d)
    }
}

/// The exact sum of shares (each `numerator / denominator`), the wrong ones as written.
pub fn exact_sum(shares: &[Share]) -> num_rational::BigRational {
    use num_bigint::BigInt;
    // Weights as written (the usual case) add up exactly in decimals, as long as they are
    // small enough for no digit to be rounded away (28 digits hold 10⁻¹⁰ to 10¹⁵ added up).
    let small = |d: Decimal| d.scale() <= 10 && d.abs() <= Decimal::from(1_000_000_000_000_000i64);
    if shares
        .iter()
        .all(|s| s.denominator == 1 && small(s.numerator))
        && let Some(sum) = shares
            .iter()
            .try_fold(Decimal::ZERO, |a, s| a.checked_add(s.numerator))
    {
        return num_rational::BigRational::new(
            BigInt::from(sum.mantissa()),
            BigInt::from(10u32).pow(sum.scale()),
        );
    }
    let exact = |d: Decimal| {
        num_rational::BigRational::new(
            BigInt::from(d.mantissa()),
            BigInt::from(10u32).pow(d.scale()),
        )
    };
    shares
        .iter()
        .map(|s| exact(s.numerator) / exact(Decimal::from(s.denominator)))
        .fold(num_rational::BigRational::from_integer(0.into()), |a, b| {
            a + b
        })
}

/// The sum of shares in decimals (each to 28 digits), never overflowing.
pub fn decimal_sum(shares: &[Share]) -> Decimal {
    shares
        .iter()
        .fold(Decimal::ZERO, |a, s| a.saturating_add(s.value()))
}

/// The sum of shares, as a message shows it (rounded where a share has no exact decimal).
pub fn shown_sum(shares: &[Share]) -> Decimal {
    let sum = decimal_sum(shares);
    if shares.iter().all(|s| s.denominator == 1) {
        sum
    } else {
        sum.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    }
}

/// Every objective's weight as it counts, shaped like the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Weights {
    /// Per perspective, per strategic objective.
    pub strategic: Vec<Vec<Share>>,
    /// Per perspective, per strategic objective, per operational objective (the holder of
    /// a strategic objective's own indicators weighs 0).
    pub operational: Vec<Vec<Vec<Share>>>,
}

/// The shares of siblings written `weights` within `whole` (`numerator / denominator`).
fn shares(whole: Share, weights: &[Weight]) -> Vec<Share> {
    let equal = weights.iter().filter(|w| **w == Weight::Equal).count() as u64;
    let given = weights
        .iter()
        .filter_map(|w| w.given())
        .filter(|w| check::weight_error(*w).is_none())
        .fold(Decimal::ZERO, |s, w| s.saturating_add(w));
    // (whole − given) / equal, with whole = n / d: (n − d·given) / (d·equal).
    let numerator = whole
        .numerator
        .saturating_sub(given.saturating_mul(Decimal::from(whole.denominator)));
    let denominator = whole.denominator.saturating_mul(equal.max(1));
    let left = numerator
        .checked_div(Decimal::from(whole.denominator))
        .unwrap_or(Decimal::ZERO);
    weights
        .iter()
        .map(|w| match w {
            Weight::Given(n) => Share::given(n.value()),
            Weight::Equal => Share {
                numerator,
                denominator,
                equal: true,
                left,
            },
        })
        .collect()
}

impl Weights {
    pub fn of(plan: &Plan) -> Weights {
        let all: Vec<Weight> = plan
            .perspectives
            .iter()
            .flat_map(|p| p.objectives.iter().map(|s| s.weight))
            .collect();
        let mut strategic_all = shares(Share::given(Decimal::ONE_HUNDRED), &all).into_iter();
        let mut out = Weights::default();
        for p in &plan.perspectives {
            let mut strategic = Vec::with_capacity(p.objectives.len());
            let mut operational = Vec::with_capacity(p.objectives.len());
            for so in &p.objectives {
                let share = strategic_all.next().unwrap_or(Share::given(Decimal::ZERO));
                strategic.push(share);
                let written: Vec<Weight> = so
                    .operational
                    .iter()
                    .filter(|o| !o.direct)
                    .map(|o| o.weight)
                    .collect();
                // A share of nothing, when its strategic objective's weight is wrong.
                let whole = if share.counts() {
                    share
                } else {
                    Share::given(Decimal::ZERO)
                };
                let mut written = shares(whole, &written).into_iter();
                operational.push(
                    so.operational
                        .iter()
                        .map(|o| {
                            if o.direct {
                                Share::given(Decimal::ZERO)
                            } else {
                                written.next().unwrap_or(Share::given(Decimal::ZERO))
                            }
                        })
                        .collect(),
                );
            }
            out.strategic.push(strategic);
            out.operational.push(operational);
        }
        out
    }

    pub fn strategic(&self, p: usize, s: usize) -> Share {
        self.strategic[p][s]
    }

    pub fn operational(&self, p: usize, s: usize, o: usize) -> Share {
        self.operational[p][s][o]
    }

    /// A perspective's weight: the sum of its strategic objectives' (those that count),
    /// rounded to two decimals where an equal share has no exact decimal (three sixths of
    /// the plan are 50, not 49.999…).
    pub fn perspective(&self, p: usize) -> Decimal {
        let counting: Vec<Share> = self.strategic[p]
            .iter()
            .filter(|s| s.counts())
            .copied()
            .collect();
        shown_sum(&counting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn equal_shares_split_what_the_written_weights_leave() {
        let w = shares(
            Share::given(dec!(100)),
            &[
                Weight::from(dec!(40)),
                Weight::Equal,
                Weight::Equal,
                Weight::Equal,
            ],
        );
        assert_eq!(w[0].value(), dec!(40));
        assert_eq!((w[1].numerator, w[1].denominator), (dec!(60), 3));
        assert_eq!(w[1].value(), dec!(20));
        // Six equal: 100/6 each, kept as a fraction.
        let six = shares(Share::given(dec!(100)), &[Weight::Equal; 6]);
        assert!(
            six.iter()
                .all(|s| (s.numerator, s.denominator) == (dec!(100), 6))
        );
        // Within a share: (100/6 − 5) / 2 = (100 − 30) / 12.
        let inner = shares(
            six[0],
            &[Weight::from(dec!(5)), Weight::Equal, Weight::Equal],
        );
        assert_eq!((inner[1].numerator, inner[1].denominator), (dec!(70), 12));
    }

    #[test]
    fn a_share_of_less_than_nothing_is_wrong() {
        let w = shares(
            Share::given(dec!(100)),
            &[
                Weight::from(dec!(70)),
                Weight::from(dec!(40)),
                Weight::Equal,
            ],
        );
        assert_eq!(w[2].error(), Some(WeightError::NoShareLeft(dec!(-10))));
        // Within a share of 100/6, 10 and 10 written leave 100/6 − 20 = −3.33…: said so,
        // not as the scaled numerator.
        let sixth = shares(Share::given(dec!(100)), &[Weight::Equal; 6])[0];
        let inner = shares(
            sixth,
            &[
                Weight::from(dec!(10)),
                Weight::from(dec!(10)),
                Weight::Equal,
            ],
        );
        let Some(WeightError::NoShareLeft(left)) = inner[2].error() else {
            panic!("{:?}", inner[2]);
        };
        assert_eq!(left.round_dp(4), dec!(-3.3333));
        assert!(w[0].counts());
    }
}
