//! Deciding the rounding of a shown figure on its exact value.
//!
//! A figure is shown rounded half up to two decimals (or the plan's precision), and must be
//! the rounding of the
//! *exact* value: a mean of 33,33… + 37,83… + 58,33… + 100 is exactly 57,375 and is shown
//! 57,38, although the same mean computed in decimals is 57,3749999… . Computing every score
//! in exact fractions would cost too much on a large plan (the denominators of a sum over a
//! thousand objectives grow without bound), so perfplan computes in 28-digit decimals, as
//! before, and decides the rounding on the exact value only where the decimal result could
//! be on the wrong side of a rounding boundary.
//!
//! Why that is enough. Every realization lies in 0–100 and is computed with an absolute
//! error below 10⁻²⁵ (a few operations, each rounded to 28 significant digits of a value at
//! most 100). A mean adds such values, all non-negative, and divides by a count: its error
//! stays below 10⁻²⁵ plus, for each addition, a rounding of the running sum (≤ 100 n), so
//! below 10⁻¹⁵ for any count perfplan can read (a plan is at most 512 MiB, so fewer than
//! 2·10⁷ indicators). A weighted score adds weight × realization over objectives whose
//! weights lie in 0–100 with at most ten decimals (`plan::check`), and divides by the sum W
//! of those weights: each term is within 10⁻²⁸ + w·10⁻¹⁵ of its exact value, so the score is
//! within (N·10⁻²⁸)/W + 10⁻¹⁵, and W ≥ 10⁻¹⁰ when positive keeps that below 10⁻¹¹. An
//! equal share (`plan::weights`, 100/6) is held as the nearest 28-digit decimal, within
//! 10⁻²⁶ of itself, which moves a weighted score by less than 10⁻²³. A realization by
//! bands is computed on exact fractions and rounded once to 28 digits. All this
//! lies far inside [`TIE_BAND`] = 10⁻⁹. So when the decimal result is farther than
//! `TIE_BAND` from every boundary (k + 0,5) / 100, the exact value lies on the same side and
//! rounding the decimal result is exact; when it is within the band, the exact value is
//! computed as a fraction of big integers from the realizations' own terms (`How`) and
//! rounded exactly. Ties are terminating decimals, so a figure exactly on a boundary always
//! takes the exact path.

use num_bigint::BigInt;
pub use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

use super::{Banded, How, Outcome, Realization};
use crate::plan::weights::Share;

/// How close to a rounding boundary a decimal result must be for its rounding to be decided
/// on the exact value.
pub const TIE_BAND: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// The decimals a figure is shown with unless the plan says otherwise.
pub const DECIMALS: u32 = 2;

/// A decimal as the exact fraction it is.
pub fn from_decimal(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u32).pow(d.scale()),
    )
}

fn int(n: i64) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

fn clamp_percent(q: BigRational) -> BigRational {
    let hundred = int(100);
    if q.is_negative() {
        BigRational::zero()
    } else if q > hundred {
        hundred
    } else {
        q
    }
}

/// The exact realization of a scored indicator, from the terms it was computed from.
pub fn realization(r: &Realization) -> BigRational {
    let raw = achievement(r);
    match &r.band {
        Some(b) => band_points(b, &raw) * int(100) / from_decimal(b.out_of),
        None => raw,
    }
}

/// The points a band gives the exact achievement `raw`.
fn band_points(b: &Banded, raw: &BigRational) -> BigRational {
    let (from, to) = (from_decimal(b.from), from_decimal(b.to));
    let (a, z) = (from_decimal(b.score_from), from_decimal(b.score_to));
    if a == z || to == from {
        return a;
    }
    a.clone() + (raw - &from) * (z - a) / (to - from)
}

/// A banded realization's points and value (percent of the top), each the nearest 28-digit
/// decimal to its exact value.
pub fn banded_points(r: &Realization) -> (Decimal, Decimal) {
    let Some(b) = &r.band else {
        return (r.value, r.value);
    };
    let points = band_points(b, &achievement(r));
    let value = clamp_percent(points.clone() * int(100) / from_decimal(b.out_of));
    (to_decimal(&points), to_decimal(&value))
}

/// The nearest decimal to `q` (28 significant digits).
fn to_decimal(q: &BigRational) -> Decimal {
    let digits = 28i64;
    let scale = BigInt::from(10u32).pow(digits as u32);
    let n = (q * BigRational::from_integer(scale.clone()))
        .round()
        .to_integer();
    n.to_i128()
        .and_then(|n| Decimal::try_from_i128_with_scale(n, digits as u32).ok())
        .or_else(|| {
            // Too many digits for that scale: fewer decimals.
            (0..digits).rev().find_map(|d| {
                let s = BigInt::from(10u32).pow(d as u32);
                let n = (q * BigRational::from_integer(s)).round().to_integer();
                Decimal::try_from_i128_with_scale(n.to_i128()?, d as u32).ok()
            })
        })
        .map(|d| d.normalize())
        .unwrap_or_default()
}

/// The exact achievement before bands.
fn achievement(r: &Realization) -> BigRational {
    let value = r.band.as_ref().map_or(r.value, |b| b.achievement);
    match r.how {
        How::Met => int(100),
        How::Missed => BigRational::zero(),
        How::Override => clamp_percent(from_decimal(value)),
        How::Ratio {
            numerator,
            denominator,
        } => {
            if denominator.is_zero() {
                return from_decimal(value);
            }
            clamp_percent(int(100) * from_decimal(numerator) / from_decimal(denominator))
        }
        How::Deviation { result, target } => {
            if target.is_zero() {
                return from_decimal(value);
            }
            let dev =
                (from_decimal(result) - from_decimal(target)).abs() / from_decimal(target).abs();
            clamp_percent(int(100) * (BigRational::one() - dev))
        }
        How::Late { days, grace } => {
            if i64::from(grace) > days {
                int(100) - int(100) * int(days) / int(i64::from(grace))
            } else {
                BigRational::zero()
            }
        }
    }
}

/// The exact sum of fractions, added in pairs (a balanced tree): added one after the other,
/// the running sum's denominator grows with every term and each addition pays for it; in
/// pairs the large denominators meet only near the top. The exact overall score of a
/// generated 100,000-indicator plan (6,000 strategic objectives) takes about 60 ms this way,
/// 2.4 s added one by one.
fn sum(mut terms: Vec<BigRational>) -> BigRational {
    while terms.len() > 1 {
        let mut next = Vec::with_capacity(terms.len().div_ceil(2));
        let mut it = terms.into_iter();
        while let Some(a) = it.next() {
            next.push(match it.next() {
                Some(b) => a + b,
                None => a,
            });
        }
        terms = next;
    }
    terms.pop().unwrap_or_else(BigRational::zero)
}

/// The exact plain mean of the scored outcomes (`None` when none is scored).
pub fn mean<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Option<BigRational> {
    let terms: Vec<BigRational> = outcomes
        .into_iter()
        .filter_map(|o| match o {
            Outcome::Scored(r) => Some(realization(r)),
            _ => None,
        })
        .collect();
    let n = terms.len() as i64;
    (n > 0).then(|| sum(terms) / int(n))
}

/// The exact weighted mean of `(weight, realization)` pairs: the pairs without a
/// realization, or whose weight is wrong, are left out; `None` when no weight is left.
pub fn weighted(
    items: impl IntoIterator<Item = (Share, Option<BigRational>)>,
) -> Option<BigRational> {
    let mut terms = Vec::new();
    let mut weights = Vec::new();
    for (w, r) in items {
        if !w.counts() {
            continue;
        }
        if let Some(r) = r {
            let w =
                from_decimal(w.numerator) / BigRational::from_integer(BigInt::from(w.denominator));
            terms.push(&w * r);
            weights.push(w);
        }
    }
    let weight = sum(weights);
    weight.is_positive().then(|| sum(terms) / weight)
}

/// Whether `approx` lies so close to a rounding boundary (of rounding to `decimals` places)
/// that its rounding must be decided on the exact value.
pub fn near_boundary(approx: Decimal, decimals: u32) -> bool {
    // Boundaries of half-up rounding to `decimals` places are the odd multiples of
    // 1 / (2 · 10^decimals).
    let steps = Decimal::from(2 * 10i64.pow(decimals));
    let Some(y) = approx.checked_mul(steps) else {
        return true;
    };
    let nearest = y.round();
    let odd = (nearest % Decimal::TWO).abs() == Decimal::ONE;
    odd && (y - nearest).abs() <= TIE_BAND * steps
}

/// `q` rounded half up (away from zero) to `decimals` places, as a decimal.
pub fn round_exact(q: &BigRational, decimals: u32) -> Option<Decimal> {
    let scale = BigInt::from(10u32).pow(decimals);
    let scaled = q.abs() * BigRational::from_integer(scale);
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    let n = (scaled + half).floor().to_integer();
    let n = if q.is_negative() { -n } else { n };
    Decimal::try_from_i128_with_scale(n.to_i128()?, decimals).ok()
}

/// A figure as it is shown: `approx` rounded half up to `decimals` places, the rounding
/// decided on the exact value (from `exact`, computed only when needed) where `approx` is
/// near a boundary. The figure keeps `decimals` places (`96.70`, `96.7`).
pub fn shown(
    approx: Option<Decimal>,
    exact: impl FnOnce() -> Option<BigRational>,
    decimals: u32,
) -> Option<Decimal> {
    let v = approx?;
    let mut r = if near_boundary(v, decimals)
        && let Some(q) = exact()
        && let Some(r) = round_exact(&q, decimals)
    {
        r
    } else {
        v.round_dp_with_strategy(
            decimals,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
    };
    r.rescale(decimals);
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use std::str::FromStr;

    /// Reads `p/q` as an exact fraction.
    fn parse(text: &str) -> Option<BigRational> {
        let (p, q) = text.split_once('/')?;
        Some(BigRational::new(
            BigInt::from_str(p).ok()?,
            BigInt::from_str(q).ok()?,
        ))
    }

    #[test]
    fn a_tie_is_rounded_up_on_its_exact_value() {
        // 229.5 / 4 = 57.375 exactly; the decimal mean lands just below.
        let approx = dec!(57.374999999999999999999999999);
        assert!(near_boundary(approx, 2));
        let exact = parse("459/8").unwrap();
        assert_eq!(
            shown(Some(approx), || Some(exact.clone()), 2),
            Some(dec!(57.38))
        );
        // To one decimal, 57.375 is far from 57.35 and 57.45: 57.4 without the exact value.
        assert_eq!(
            shown(Some(approx), || panic!("no exact value needed"), 1),
            Some(dec!(57.4))
        );
        // Far from any boundary, the decimal result decides and nothing exact is computed.
        assert_eq!(
            shown(Some(dec!(57.3712)), || panic!("no exact value needed"), 2),
            Some(dec!(57.37))
        );
    }

    #[test]
    fn values_just_off_a_boundary_keep_their_side() {
        let below = parse("57374999/1000000").unwrap();
        assert_eq!(round_exact(&below, 2), Some(dec!(57.37)));
        let above = parse("57375001/1000000").unwrap();
        assert_eq!(round_exact(&above, 2), Some(dec!(57.38)));
        assert_eq!(round_exact(&parse("-1/200").unwrap(), 2), Some(dec!(-0.01)));
        assert_eq!(round_exact(&parse("1935/20").unwrap(), 1), Some(dec!(96.8)));
    }
}
