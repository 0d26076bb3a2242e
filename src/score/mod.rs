//! Realizations and weighted scores: pure, exact, no IO.
//!
//! # Rules
//! An indicator's realization is a percentage from 0 to 100. A met target scores 100 %.
//! A missed one, with the default `Proportional` scoring:
//! - at least / more than `t`: `result / t` (72 vs `>= 80` → 90 %). A strict target scores
//!   like its non-strict twin; only a result equal to it falls short, by nothing measurable.
//! - at most / less than `t`: `t / result` (10 days vs `<= 5` → 50 %).
//! - exactly `t`: `1 − |result − t| / |t|`, never below 0 (90 vs `= 100` → 90 %).
//! - between `min` and `max`: below, as at least `min`; above, as at most `max`.
//! - a deadline: done late scores 0 %; with `GraceDays(n)` it loses 100/n points a day.
//! - a zero or negative target cannot be a denominator: a missed one scores 0 %.
//!
//! With `AllOrNothing` every missed target scores 0 %. With `Bands`, the realization the
//! rules above give (the achievement, 0–100 %) falls in one band of the scale, which gives a
//! fixed score or one in proportion within the band, in points out of the scale's top; the
//! realization is those points as a percentage of the top. An override replaces the computed
//! realization. An indicator with neither result nor override is pending: left out of every
//! mean and counted apart (`measured / total`). One marked not assessable is left out of
//! every mean too, but it is not pending: it is counted apart from both.
//!
//! A `YesNo` result meets its `Yes` or `No` target or misses it (100 % or 0 %). A ratio
//! result (`Ratio(79, 87.3)`) is scored on its exact quotient, × 100 for a percentage. A
//! result known only as a bound (`AtLeast(95)`) is scored where the bound decides it: met
//! whatever the exact value (`>= 95` against `>= 90`), or missed whatever it is under
//! all-or-nothing scoring; elsewhere it cannot be scored, and says why.
//!
//! An operational objective's realization is the plain mean of its measured indicators.
//! A strategic objective's is the flat mean of all the strategic indicators of its
//! operational objectives (3.2: 100, 100, 90, 100, 100 → 98 %). A perspective's score, and
//! the plan's, is the weight-weighted mean of the objectives that have a realization.
//!
//! Every level is computed from its children's aggregates only, and the same functions
//! serve a full computation and the update after one edit, so the two always agree to the
//! last digit while an edit costs only the depth of the tree.

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub mod exact;

use crate::plan::check::{self, ValueError};
use crate::plan::weights::{Share, Weights};
use crate::plan::{
    BandScore, Bound, Indicator, IndicatorPath, Layer, OperationalObjective, Perspective, Plan,
    Precision, Scoring, StrategicObjective, Target, Unit, Value,
};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// How a realization was reached, for the detail pane and the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The target is met.
    Met,
    /// `numerator / denominator`, as a percentage.
    Ratio {
        numerator: Decimal,
        denominator: Decimal,
    },
    /// `1 − |result − target| / |target|`.
    Deviation { result: Decimal, target: Decimal },
    /// A deadline missed by this many days, scored with this many days of grace (0: none).
    Late { days: i64, grace: u32 },
    /// Missed, and scored all or nothing (or a zero target that cannot be a denominator).
    Missed,
    /// Set by hand.
    Override,
}

/// A scored indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Realization {
    /// Percent, 0 to 100, exact.
    pub value: Decimal,
    /// Whether the result meets the target (false for an override that is not a full 100).
    pub met: bool,
    /// How the achievement was reached (before bands, when the scoring has them).
    pub how: How,
    /// The band the achievement fell in, when the indicator is scored by bands (boxed: most
    /// indicators have none, and a plan holds one realization per indicator).
    pub band: Option<Box<Banded>>,
}

/// The band of a scale an achievement fell in, and what it gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Banded {
    /// The achievement, percent (what `how` gives).
    pub achievement: Decimal,
    /// The band's place in the scale, from 1.
    pub band: usize,
    pub from: Decimal,
    pub to: Decimal,
    /// The score at the band's start and end (the same for a fixed score).
    pub score_from: Decimal,
    pub score_to: Decimal,
    /// The points the achievement gave, out of `out_of`.
    pub points: Decimal,
    pub out_of: Decimal,
}

/// What scoring an indicator gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No result yet.
    Pending,
    Scored(Realization),
    /// A value that is wrong (see `plan::check`): left out of the means like a pending
    /// one, and reported by validation.
    Unscorable(ValueError),
    /// Not assessable this year ("non valutabile"), with its reason: left out of the means,
    /// and not pending either.
    NotAssessable,
}

impl Outcome {
    pub fn realization(&self) -> Option<Decimal> {
        match self {
            Outcome::Scored(r) => Some(r.value),
            _ => None,
        }
    }

    pub fn is_measured(&self) -> bool {
        matches!(self, Outcome::Scored(_))
    }

    /// Still waiting for a result (or for a value that can be scored): neither measured nor
    /// marked not assessable.
    pub fn is_pending(&self) -> bool {
        matches!(self, Outcome::Pending | Outcome::Unscorable(_))
    }

    /// The realization as it is shown: rounded half up to `decimals` places (the plan's
    /// precision for indicators), the rounding decided on the exact value (see [`exact`]).
    pub fn shown(&self, decimals: u32) -> Option<Decimal> {
        match self {
            Outcome::Scored(r) => {
                exact::shown(Some(r.value), || Some(exact::realization(r)), decimals)
            }
            _ => None,
        }
    }
}

/// Scores an indicator: its override if it has one, else its result against its target,
/// by its own way of scoring or else `plan_scoring`, the plan's.
pub fn outcome(ind: &Indicator, plan_scoring: &Scoring) -> Outcome {
    outcome_with(ind, ind.result, plan_scoring)
}

/// Scores an indicator as if its result were `result` (the value being typed).
pub fn outcome_with(ind: &Indicator, result: Option<Value>, plan_scoring: &Scoring) -> Outcome {
    if let Some(e) = check::value_error(ind, result, plan_scoring) {
        return Outcome::Unscorable(e);
    }
    if ind.is_not_assessable() {
        return Outcome::NotAssessable;
    }
    if let Some(ov) = &ind.realization_override {
        let value = ov.realization.value().clamp(Decimal::ZERO, HUNDRED);
        return Outcome::Scored(Realization {
            value,
            met: value == HUNDRED,
            how: How::Override,
            band: None,
        });
    }
    match result {
        None => Outcome::Pending,
        Some(result) => {
            match realization(&ind.target, ind.scoring_in(plan_scoring), &ind.unit, result) {
                Ok(r) => Outcome::Scored(r),
                Err(e) => Outcome::Unscorable(e),
            }
        }
    }
}

/// The realization of one result against one target, by the rules in the module docs.
pub fn realization(
    target: &Target,
    scoring: &Scoring,
    unit: &Unit,
    result: Value,
) -> Result<Realization, ValueError> {
    match scoring {
        Scoring::Bands { out_of, bands } => {
            let raw = achievement(target, &Scoring::Proportional, unit, result)?;
            banded(raw, out_of.map(|n| n.value()), bands)
        }
        _ => achievement(target, scoring, unit, result),
    }
}

/// The realization by the rules before bands.
fn achievement(
    target: &Target,
    scoring: &Scoring,
    unit: &Unit,
    result: Value,
) -> Result<Realization, ValueError> {
    let all_or_nothing = *scoring == Scoring::AllOrNothing;
    let met = Realization {
        value: HUNDRED,
        met: true,
        how: How::Met,
        band: None,
    };
    let missed = Realization {
        value: Decimal::ZERO,
        met: false,
        how: How::Missed,
        band: None,
    };
    if let Target::Deadline(deadline) = target {
        let done = result.as_date().ok_or(ValueError::ResultNeedsDate)?;
        return Ok(deadline_realization(*deadline, done, scoring));
    }
    if let Target::Yes | Target::No = target {
        let Value::Bool(b) = result else {
            return Err(ValueError::ResultNeedsYesNo);
        };
        return Ok(if b == (*target == Target::Yes) {
            met
        } else {
            missed
        });
    }
    // A ratio n / d is compared as n against the target times d (d > 0), which keeps every
    // rule below exact: n / (t·d) is (n/d) / t.
    let (r, per) = match result {
        Value::Number(n) => (n, Decimal::ONE),
        Value::Ratio {
            numerator,
            denominator,
        } => {
            let n = if *unit == Unit::Percent {
                numerator.checked_mul(HUNDRED)
            } else {
                Some(numerator)
            };
            if denominator <= Decimal::ZERO {
                return Err(ValueError::RatioDenominatorNotPositive { denominator });
            }
            (n.ok_or(ValueError::RatioTooLarge)?, denominator)
        }
        Value::Bound { bound, value } => {
            return match bound_decides(target, bound, value) {
                Some(true) => Ok(met),
                Some(false) if all_or_nothing => Ok(missed),
                _ => Err(ValueError::BoundUndecidable { bound, value }),
            };
        }
        Value::Date(_) | Value::Bool(_) => {
            return Err(ValueError::ResultNeedsNumber {
                unit: crate::plan::Unit::Number,
            });
        }
    };
    let scaled = |t: Decimal| -> Result<Decimal, ValueError> {
        if per == Decimal::ONE {
            return Ok(t);
        }
        t.checked_mul(per).ok_or(ValueError::RatioTooLarge)
    };
    let (is_met, shortfall) = match target {
        Target::AtLeast(t) => {
            let t = scaled(t.value())?;
            (r >= t, Shortfall::Below(t))
        }
        Target::MoreThan(t) => {
            let t = scaled(t.value())?;
            (r > t, Shortfall::Below(t))
        }
        Target::AtMost(t) => {
            let t = scaled(t.value())?;
            (r <= t, Shortfall::Above(t))
        }
        Target::LessThan(t) => {
            let t = scaled(t.value())?;
            (r < t, Shortfall::Above(t))
        }
        Target::Exactly(t) => {
            let t = scaled(t.value())?;
            (r == t, Shortfall::Off(t))
        }
        Target::Between { min, max } => {
            let (min, max) = (scaled(min.value())?, scaled(max.value())?);
            if r < min {
                (false, Shortfall::Below(min))
            } else {
                (r <= max, Shortfall::Above(max))
            }
        }
        Target::Deadline(_) | Target::Yes | Target::No => {
            unreachable!("deadlines and yes/no targets are scored above")
        }
    };
    if is_met {
        return Ok(met);
    }
    if all_or_nothing {
        return Ok(missed);
    }
    let scored = |numerator: Decimal, denominator: Decimal, how: How| {
        // A quotient too large to hold (a tiny target against a huge negative result) lies
        // far outside 0–100: it clamps by its sign instead of overflowing.
        let value = numerator
            .checked_div(denominator)
            .and_then(|q| q.checked_mul(HUNDRED))
            .map_or_else(
                || {
                    if numerator.is_sign_negative() == denominator.is_sign_negative() {
                        HUNDRED
                    } else {
                        Decimal::ZERO
                    }
                },
                |v| v.clamp(Decimal::ZERO, HUNDRED),
            );
        Realization {
            value,
            met: false,
            how,
            band: None,
        }
    };
    Ok(match shortfall {
        Shortfall::Below(t) if t > Decimal::ZERO => scored(
            r,
            t,
            How::Ratio {
                numerator: r,
                denominator: t,
            },
        ),
        Shortfall::Above(t) if t > Decimal::ZERO && r > Decimal::ZERO => scored(
            t,
            r,
            How::Ratio {
                numerator: t,
                denominator: r,
            },
        ),
        Shortfall::Off(t) if !t.is_zero() => {
            // A deviation too large to hold is far beyond 100 %: it scores 0 %.
            let value = r
                .checked_sub(t)
                .and_then(|d| d.abs().checked_div(t.abs()))
                .and_then(|dev| (Decimal::ONE - dev).checked_mul(HUNDRED))
                .map_or(Decimal::ZERO, |v| v.clamp(Decimal::ZERO, HUNDRED));
            Realization {
                value,
                met: false,
                how: How::Deviation {
                    result: r,
                    target: t,
                },
                band: None,
            }
        }
        _ => missed,
    })
}

/// Whether a result known only as `bound value` meets `target` whatever its exact value
/// (`Some(true)`), misses it whatever it is (`Some(false)`), or may do either (`None`).
pub fn bound_decides(target: &Target, bound: Bound, v: Decimal) -> Option<bool> {
    // The values the result may take: above v (`low`), or below it (`high`), the bound
    // itself included or not.
    let (low, high, inclusive) = match bound {
        Bound::AtLeast => (Some(v), None, true),
        Bound::MoreThan => (Some(v), None, false),
        Bound::AtMost => (None, Some(v), true),
        Bound::LessThan => (None, Some(v), false),
    };
    // All of them at or above t (strictly, with `strict`)?
    let all_above = |t: Decimal, strict: bool| {
        low.is_some_and(|l| if strict && inclusive { l > t } else { l >= t })
    };
    // All of them at or below t (strictly, with `strict`)?
    let all_below = |t: Decimal, strict: bool| {
        high.is_some_and(|h| if strict && inclusive { h < t } else { h <= t })
    };
    match target {
        Target::AtLeast(t) => {
            let t = t.value();
            if all_above(t, false) {
                Some(true)
            } else if all_below(t, true) {
                Some(false)
            } else {
                None
            }
        }
        Target::MoreThan(t) => {
            let t = t.value();
            if all_above(t, true) {
                Some(true)
            } else if all_below(t, false) {
                Some(false)
            } else {
                None
            }
        }
        Target::AtMost(t) => {
            let t = t.value();
            if all_below(t, false) {
                Some(true)
            } else if all_above(t, true) {
                Some(false)
            } else {
                None
            }
        }
        Target::LessThan(t) => {
            let t = t.value();
            if all_below(t, true) {
                Some(true)
            } else if all_above(t, false) {
                Some(false)
            } else {
                None
            }
        }
        Target::Exactly(t) => {
            let t = t.value();
            (all_above(t, true) || all_below(t, true)).then_some(false)
        }
        Target::Between { min, max } => {
            (all_above(max.value(), true) || all_below(min.value(), true)).then_some(false)
        }
        Target::Deadline(_) | Target::Yes | Target::No => None,
    }
}

/// The achievement `raw` put through a scale of bands (checked by `check::bands_error`).
fn banded(
    raw: Realization,
    out_of: Option<Decimal>,
    bands: &[crate::plan::Band],
) -> Result<Realization, ValueError> {
    let top = out_of.unwrap_or(HUNDRED);
    if let Some(e) = check::bands_error(out_of, bands) {
        return Err(ValueError::Bands(e));
    }
    let exact_raw = exact::realization(&raw);
    let last = bands.len().saturating_sub(1);
    let (i, b) = bands
        .iter()
        .enumerate()
        .find(|(i, b)| {
            let to = exact::from_decimal(b.to.value());
            exact_raw >= exact::from_decimal(b.from.value())
                && (exact_raw < to || (*i == last && exact_raw <= to))
        })
        .ok_or(ValueError::Bands(check::BandsError::Empty))?;
    let (score_from, score_to) = match b.score {
        BandScore::Fixed(s) => (s.value(), s.value()),
        BandScore::Linear(a, z) => (a.value(), z.value()),
    };
    let mut r = Realization {
        value: Decimal::ZERO,
        met: raw.met,
        how: raw.how,
        band: Some(Box::new(Banded {
            achievement: raw.value,
            band: i + 1,
            from: b.from.value(),
            to: b.to.value(),
            score_from,
            score_to,
            points: Decimal::ZERO,
            out_of: top,
        })),
    };
    let (points, value) = exact::banded_points(&r);
    if let Some(band) = &mut r.band {
        band.points = points;
    }
    r.value = value;
    Ok(r)
}

enum Shortfall {
    Below(Decimal),
    Above(Decimal),
    Off(Decimal),
}

fn deadline_realization(deadline: NaiveDate, done: NaiveDate, scoring: &Scoring) -> Realization {
    let days = (done - deadline).num_days();
    if days <= 0 {
        return Realization {
            value: HUNDRED,
            met: true,
            how: How::Met,
            band: None,
        };
    }
    let grace = match scoring {
        Scoring::GraceDays(g) => *g,
        _ => 0,
    };
    let value = if i64::from(grace) > days {
        HUNDRED - HUNDRED * Decimal::from(days) / Decimal::from(grace)
    } else {
        Decimal::ZERO
    };
    Realization {
        value,
        met: false,
        how: How::Late { days, grace },
        band: None,
    }
}

/// A plain mean of indicator realizations, with its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mean {
    pub sum: Decimal,
    pub measured: usize,
    /// The indicators that count: measured, pending or unscorable (not those marked not
    /// assessable).
    pub total: usize,
    /// Marked not assessable: in neither `measured` nor `total`.
    pub not_assessable: usize,
}

impl Mean {
    pub fn realization(&self) -> Option<Decimal> {
        (self.measured > 0).then(|| self.sum / Decimal::from(self.measured))
    }

    /// Some indicators are still pending: the realization may change.
    pub fn is_provisional(&self) -> bool {
        self.measured < self.total
    }

    fn add(&mut self, other: &Mean) {
        self.sum += other.sum;
        self.measured += other.measured;
        self.total += other.total;
        self.not_assessable += other.not_assessable;
    }

    fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Mean {
        let mut m = Mean::default();
        for o in outcomes {
            if matches!(o, Outcome::NotAssessable) {
                m.not_assessable += 1;
                continue;
            }
            m.total += 1;
            if let Some(r) = o.realization() {
                m.sum += r;
                m.measured += 1;
            }
        }
        m
    }
}

/// A weight-weighted mean of objective realizations, with its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Weighted {
    /// Σ weight × realization over the objectives that have a realization.
    pub weighted_sum: Decimal,
    /// Σ weight over the same objectives.
    pub weight: Decimal,
    /// Objectives with a realization / all objectives.
    pub measured: usize,
    pub total: usize,
    /// Indicators measured / all, under these objectives (in the layer scored).
    pub indicators: Mean,
}

impl Weighted {
    /// `None` also when the weights are too absurd to divide (validation reports them).
    pub fn score(&self) -> Option<Decimal> {
        if self.weight > Decimal::ZERO {
            self.weighted_sum.checked_div(self.weight)
        } else {
            None
        }
    }

    pub fn is_provisional(&self) -> bool {
        self.indicators.is_provisional()
    }

    fn push(&mut self, weight: Share, mean: &Mean) {
        self.total += 1;
        self.indicators.add(mean);
        // A wrong weight (validation reports it) leaves its objective out.
        if !weight.counts() {
            return;
        }
        if let Some(r) = mean.realization() {
            let weight = weight.value();
            self.measured += 1;
            // Saturating, though weights within 0–100 cannot overflow: no panic, ever.
            self.weighted_sum = self.weighted_sum.saturating_add(weight.saturating_mul(r));
            self.weight = self.weight.saturating_add(weight);
        }
    }

    fn add(&mut self, other: &Weighted) {
        self.weighted_sum = self.weighted_sum.saturating_add(other.weighted_sum);
        self.weight = self.weight.saturating_add(other.weight);
        self.measured += other.measured;
        self.total += other.total;
        self.indicators.add(&other.indicators);
    }
}

/// One value per measuring layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layers<T> {
    pub strategic: T,
    pub operational: T,
}

impl<T> Layers<T> {
    pub fn get(&self, layer: Layer) -> &T {
        match layer {
            Layer::Strategic => &self.strategic,
            Layer::Operational => &self.operational,
        }
    }
}

/// What scoring needs from the plan beside its tree: its way of scoring, its precision and
/// its objectives' weights as they count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rules {
    pub scoring: Scoring,
    pub precision: Precision,
    pub weights: Weights,
    /// The intermediate period scored (see [`Plan::intermediate`]); `None`: the year's
    /// final values.
    pub period: Option<String>,
}

impl Rules {
    /// The outcome of `ind` at the period these rules score.
    pub fn outcome(&self, ind: &Indicator) -> Outcome {
        outcome(&ind.at(self.period.as_deref()), &self.scoring)
    }
}

impl Rules {
    pub fn of(plan: &Plan) -> Rules {
        // A precision beyond what can be shown is an error of the plan (validation says
        // so); the figures are then shown with the most decimals there are.
        let p = plan.precision;
        let max = |d: u32| d.min(Precision::MAX);
        Rules {
            scoring: plan.scoring.clone().unwrap_or_default(),
            precision: Precision {
                indicators: max(p.indicators),
                objectives: max(p.objectives),
                overall: max(p.overall),
            },
            weights: Weights::of(plan),
            period: None,
        }
    }
}

/// Everything computed from a plan, shaped like the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scores {
    /// The plan's overall scores, per layer.
    pub overall: Layers<Weighted>,
    /// The overall scores as shown (see [`exact`]).
    pub shown: Layers<Option<Decimal>>,
    pub perspectives: Vec<PerspectiveScores>,
    /// The plan's way of scoring, precision and weights, as these scores were computed
    /// with.
    pub rules: Rules,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PerspectiveScores {
    /// Strategic: weighted over strategic objectives; operational: over operational ones.
    pub score: Layers<Weighted>,
    /// The scores as shown (see [`exact`]).
    pub shown: Layers<Option<Decimal>>,
    pub objectives: Vec<StrategicScores>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StrategicScores {
    /// The flat mean of all strategic indicators below: this objective's realization.
    pub realization: Mean,
    /// The weighted mean of its operational objectives (the operational layer).
    pub operational_score: Weighted,
    /// `realization` and `operational_score` as shown (see [`exact`]).
    pub shown: Layers<Option<Decimal>>,
    /// Its own share of its perspective's strategic score (weight × realization), kept so
    /// that the perspective adds these up rather than dividing and multiplying again for
    /// every objective after each edit.
    pub contribution: Weighted,
    /// Its weight as it counts (see `plan::weights`).
    pub weight: Share,
    pub operational: Vec<OperationalScores>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OperationalScores {
    pub means: Layers<Mean>,
    pub outcomes: Layers<Vec<Outcome>>,
    pub shown: Layers<Option<Decimal>>,
    /// Its weight as it counts (see `plan::weights`).
    pub weight: Share,
}

impl OperationalScores {
    pub fn realization(&self) -> &Mean {
        &self.means.operational
    }

    fn compute(oo: &OperationalObjective, rules: &Rules, weight: Share) -> Self {
        let outcomes = Layers {
            strategic: oo
                .strategic_indicators
                .iter()
                .map(|i| rules.outcome(i))
                .collect(),
            operational: oo.indicators.iter().map(|i| rules.outcome(i)).collect(),
        };
        let mut s = OperationalScores {
            means: Layers::default(),
            outcomes,
            shown: Layers::default(),
            weight,
        };
        s.refresh_means(rules.precision.objectives);
        s
    }

    fn refresh_means(&mut self, decimals: u32) {
        self.means = Layers {
            strategic: Mean::of(&self.outcomes.strategic),
            operational: Mean::of(&self.outcomes.operational),
        };
        self.shown = Layers {
            strategic: exact::shown(
                self.means.strategic.realization(),
                || exact::mean(&self.outcomes.strategic),
                decimals,
            ),
            operational: exact::shown(
                self.means.operational.realization(),
                || exact::mean(&self.outcomes.operational),
                decimals,
            ),
        };
    }

    pub fn exact_realization(&self) -> Option<exact::BigRational> {
        exact::mean(&self.outcomes.operational)
    }
}

impl StrategicScores {
    fn compute(so: &StrategicObjective, rules: &Rules, p: usize, s: usize) -> Self {
        let mut out = StrategicScores {
            operational: so
                .operational
                .iter()
                .enumerate()
                .map(|(o, oo)| {
                    OperationalScores::compute(oo, rules, rules.weights.operational(p, s, o))
                })
                .collect(),
            weight: rules.weights.strategic(p, s),
            ..Default::default()
        };
        out.refresh(so, rules.precision.objectives);
        out
    }

    fn refresh(&mut self, so: &StrategicObjective, decimals: u32) {
        let mut realization = Mean::default();
        let mut operational_score = Weighted::default();
        for (oo, scores) in so.operational.iter().zip(&self.operational) {
            realization.add(&scores.means.strategic);
            // The holder of the objective's own indicators is not an operational objective.
            if !oo.direct {
                operational_score.push(scores.weight, &scores.means.operational);
            }
        }
        let mut contribution = Weighted::default();
        contribution.push(self.weight, &realization);
        self.realization = realization;
        self.operational_score = operational_score;
        self.contribution = contribution;
        self.shown = Layers {
            strategic: exact::shown(
                self.realization.realization(),
                || self.exact_realization(),
                decimals,
            ),
            operational: exact::shown(
                self.operational_score.score(),
                || exact::weighted(self.exact_operational(so)),
                decimals,
            ),
        };
    }

    pub fn exact_realization(&self) -> Option<exact::BigRational> {
        exact::mean(self.operational.iter().flat_map(|o| &o.outcomes.strategic))
    }

    fn exact_operational<'a>(
        &'a self,
        so: &'a StrategicObjective,
    ) -> impl Iterator<Item = (Share, Option<exact::BigRational>)> + 'a {
        so.operational
            .iter()
            .zip(&self.operational)
            .filter(|(oo, _)| !oo.direct)
            .map(|(_, os)| (os.weight, os.exact_realization()))
    }
}

impl PerspectiveScores {
    fn compute(persp: &Perspective, rules: &Rules, p: usize) -> Self {
        let mut out = PerspectiveScores {
            objectives: persp
                .objectives
                .iter()
                .enumerate()
                .map(|(s, so)| StrategicScores::compute(so, rules, p, s))
                .collect(),
            ..Default::default()
        };
        out.refresh(persp, rules.precision.objectives);
        out
    }

    fn refresh(&mut self, p: &Perspective, decimals: u32) {
        let mut strategic = Weighted::default();
        let mut operational = Weighted::default();
        for scores in &self.objectives {
            strategic.add(&scores.contribution);
            operational.add(&scores.operational_score);
        }
        self.score = Layers {
            strategic,
            operational,
        };
        self.shown = Layers {
            strategic: exact::shown(
                self.score.strategic.score(),
                || exact::weighted(self.exact_strategic()),
                decimals,
            ),
            operational: exact::shown(
                self.score.operational.score(),
                || exact::weighted(self.exact_operational(p)),
                decimals,
            ),
        };
    }

    fn exact_strategic(&self) -> impl Iterator<Item = (Share, Option<exact::BigRational>)> + '_ {
        self.objectives
            .iter()
            .map(|ss| (ss.weight, ss.exact_realization()))
    }

    fn exact_operational<'a>(
        &'a self,
        p: &'a Perspective,
    ) -> impl Iterator<Item = (Share, Option<exact::BigRational>)> + 'a {
        p.objectives
            .iter()
            .zip(&self.objectives)
            .flat_map(|(so, ss)| ss.exact_operational(so))
    }
}

impl Scores {
    pub fn compute(plan: &Plan) -> Self {
        Self::compute_at(plan, None)
    }

    /// The scores at a monitoring period (`None`, or the final period's name: the year's).
    pub fn compute_at(plan: &Plan, period: Option<&str>) -> Self {
        let mut rules = Rules::of(plan);
        rules.period = plan.intermediate(period).map(str::to_string);
        let mut s = Scores {
            perspectives: plan
                .perspectives
                .iter()
                .enumerate()
                .map(|(p, persp)| PerspectiveScores::compute(persp, &rules, p))
                .collect(),
            rules,
            ..Default::default()
        };
        s.refresh_overall(plan);
        s
    }

    fn refresh_overall(&mut self, plan: &Plan) {
        let mut overall = Layers::<Weighted>::default();
        for p in &self.perspectives {
            overall.strategic.add(&p.score.strategic);
            overall.operational.add(&p.score.operational);
        }
        self.overall = overall;
        let decimals = self.rules.precision.overall;
        let each = || plan.perspectives.iter().zip(&self.perspectives);
        self.shown = Layers {
            strategic: exact::shown(
                self.overall.strategic.score(),
                || exact::weighted(each().flat_map(|(_, ps)| ps.exact_strategic())),
                decimals,
            ),
            operational: exact::shown(
                self.overall.operational.score(),
                || exact::weighted(each().flat_map(|(p, ps)| ps.exact_operational(p))),
                decimals,
            ),
        };
    }

    /// The outcome of the indicator at `path` by these scores' rules.
    pub fn outcome_of(&self, plan: &Plan, path: IndicatorPath) -> Outcome {
        self.rules.outcome(plan.indicator(path))
    }

    /// The outcome the indicator at `path` would have with `result` as its result.
    pub fn outcome_with(&self, plan: &Plan, path: IndicatorPath, result: Option<Value>) -> Outcome {
        let ind = plan.indicator(path).at(self.rules.period.as_deref());
        outcome_with(&ind, result, &self.rules.scoring)
    }

    /// The period these scores are of (`None`: the year's final values).
    pub fn period(&self) -> Option<&str> {
        self.rules.period.as_deref()
    }

    pub fn update_indicator(&mut self, plan: &Plan, path: IndicatorPath) {
        let new = self.outcome_of(plan, path);
        self.set_outcome(plan, path, new);
    }

    pub fn set_outcome(&mut self, plan: &Plan, path: IndicatorPath, new: Outcome) {
        let persp = &plan.perspectives[path.perspective];
        let so = &persp.objectives[path.strategic];
        let decimals = self.rules.precision.objectives;
        let ps = &mut self.perspectives[path.perspective];
        let ss = &mut ps.objectives[path.strategic];
        let os = &mut ss.operational[path.operational];
        let slot = match path.layer {
            Layer::Strategic => &mut os.outcomes.strategic[path.index],
            Layer::Operational => &mut os.outcomes.operational[path.index],
        };
        *slot = new;
        os.refresh_means(decimals);
        ss.refresh(so, decimals);
        ps.refresh(persp, decimals);
        self.refresh_overall(plan);
    }

    pub fn outcome(&self, path: IndicatorPath) -> &Outcome {
        let os = &self.perspectives[path.perspective].objectives[path.strategic].operational
            [path.operational];
        &os.outcomes.get(path.layer)[path.index]
    }

    /// The realization of the indicator at `path` as shown, at the plan's precision.
    pub fn shown(&self, path: IndicatorPath) -> Option<Decimal> {
        self.outcome(path).shown(self.rules.precision.indicators)
    }

    pub fn strategic(&self, p: usize, s: usize) -> &StrategicScores {
        &self.perspectives[p].objectives[s]
    }

    pub fn operational(&self, p: usize, s: usize, o: usize) -> &OperationalScores {
        &self.perspectives[p].objectives[s].operational[o]
    }

    pub fn indicator_counts(&self) -> Mean {
        let mut m = self.overall.strategic.indicators;
        m.add(&self.overall.operational.indicators);
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Num;
    use rust_decimal_macros::dec;

    fn num(d: Decimal) -> Num {
        Num::from(d)
    }

    fn score(target: Target, result: Decimal) -> Realization {
        realization(
            &target,
            &Scoring::Proportional,
            &Unit::Number,
            Value::Number(result),
        )
        .unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn at_least_missed_scores_the_share_reached() {
        assert_eq!(
            score(Target::AtLeast(num(dec!(80))), dec!(72)).value,
            dec!(90)
        );
        assert_eq!(
            score(Target::AtLeast(num(dec!(3.0))), dec!(2.7)).value,
            dec!(90)
        );
        assert_eq!(
            score(Target::AtLeast(num(dec!(85))), dec!(0)).value,
            dec!(0)
        );
    }

    #[test]
    fn at_least_met_scores_full_even_far_above() {
        let r = score(Target::AtLeast(num(dec!(500))), dec!(882));
        assert_eq!((r.value, r.met, r.how), (dec!(100), true, How::Met));
    }

    #[test]
    fn more_than_is_strict() {
        assert!(score(Target::MoreThan(num(dec!(60))), dec!(65)).met);
        let on_target = score(Target::MoreThan(num(dec!(60))), dec!(60));
        assert!(!on_target.met);
        assert_eq!(
            score(Target::MoreThan(num(dec!(60))), dec!(30)).value,
            dec!(50)
        );
    }

    #[test]
    fn at_most_missed_scores_target_over_result() {
        assert_eq!(
            score(Target::AtMost(num(dec!(1))), dec!(0)).value,
            dec!(100)
        );
        let r = score(Target::AtMost(num(dec!(5))), dec!(10));
        assert_eq!(r.value, dec!(50));
        assert!(!r.met);
        assert_eq!(
            r.how,
            How::Ratio {
                numerator: dec!(5),
                denominator: dec!(10)
            }
        );
    }

    #[test]
    fn less_than_on_the_target_is_not_met() {
        assert!(!score(Target::LessThan(num(dec!(5))), dec!(5)).met);
        assert_eq!(
            score(Target::LessThan(num(dec!(5))), dec!(4)).value,
            dec!(100)
        );
        assert_eq!(
            score(Target::LessThan(num(dec!(4))), dec!(8)).value,
            dec!(50)
        );
    }

    #[test]
    fn exactly_missed_loses_the_relative_deviation() {
        assert_eq!(
            score(Target::Exactly(num(dec!(100))), dec!(90)).value,
            dec!(90)
        );
        assert_eq!(
            score(Target::Exactly(num(dec!(100))), dec!(110)).value,
            dec!(90)
        );
        assert_eq!(
            score(Target::Exactly(num(dec!(10))), dec!(35)).value,
            dec!(0)
        );
        assert_eq!(
            score(Target::Exactly(num(dec!(1))), dec!(1)).value,
            dec!(100)
        );
    }

    #[test]
    fn between_scores_each_side_like_its_bound() {
        let t = || Target::Between {
            min: num(dec!(10)),
            max: num(dec!(20)),
        };
        assert_eq!(score(t(), dec!(15)).value, dec!(100));
        assert_eq!(score(t(), dec!(5)).value, dec!(50));
        assert_eq!(score(t(), dec!(40)).value, dec!(50));
    }

    #[test]
    fn zero_target_missed_scores_zero() {
        assert_eq!(
            score(Target::AtLeast(num(dec!(0))), dec!(3)).value,
            dec!(100)
        );
        assert_eq!(
            score(Target::AtLeast(num(dec!(0))), dec!(-3)).value,
            dec!(0)
        );
        assert_eq!(score(Target::AtMost(num(dec!(0))), dec!(2)).value, dec!(0));
        assert_eq!(
            score(Target::AtMost(num(dec!(0))), dec!(0)).value,
            dec!(100)
        );
        assert_eq!(score(Target::Exactly(num(dec!(0))), dec!(1)).value, dec!(0));
        assert_eq!(
            score(Target::MoreThan(num(dec!(0))), dec!(0)).value,
            dec!(0)
        );
    }

    #[test]
    fn negative_result_never_scores_below_zero() {
        assert_eq!(
            score(Target::AtLeast(num(dec!(10))), dec!(-5)).value,
            dec!(0)
        );
    }

    #[test]
    fn quotients_too_large_to_hold_clamp_instead_of_panicking() {
        let huge = Decimal::MAX;
        assert_eq!(
            score(Target::AtLeast(num(dec!(0.0000001))), -huge).value,
            dec!(0)
        );
        assert_eq!(
            score(Target::Exactly(num(dec!(0.0001))), huge).value,
            dec!(0)
        );
        assert_eq!(score(Target::Exactly(num(-huge)), huge).value, dec!(0));
        let mut w = Weighted::default();
        let full = Mean {
            sum: dec!(100),
            measured: 1,
            total: 1,
            not_assessable: 0,
        };
        w.push(Share::from(huge), &full);
        w.push(Share::from(huge), &full);
        // Weights beyond the whole plan are errors: their objectives are left out.
        assert_eq!(w.score(), None);
        assert_eq!((w.measured, w.total), (0, 2));
        let mut w = Weighted::default();
        w.push(Share::from(dec!(0.0000000000000000000000000001)), &full);
        w.push(Share::from(-huge), &full);
        w.push(Share::from(huge), &full);
        w.push(Share::from(dec!(20)), &full);
        // Only the one right weight counts.
        assert_eq!(w.score(), Some(dec!(100)));
        assert_eq!(w.measured, 1);
    }

    #[test]
    fn deadline_met_on_or_before_the_day() {
        let t = Target::Deadline(date(2017, 12, 31));
        let on_day = realization(
            &t,
            &Scoring::Proportional,
            &Unit::Date,
            Value::Date(date(2017, 12, 31)),
        );
        assert_eq!(on_day.unwrap().value, dec!(100));
        let early = realization(
            &t,
            &Scoring::Proportional,
            &Unit::Date,
            Value::Date(date(2017, 5, 22)),
        );
        assert_eq!(early.unwrap().value, dec!(100));
    }

    #[test]
    fn late_deadline_scores_zero() {
        let t = Target::Deadline(date(2017, 12, 31));
        let r = realization(
            &t,
            &Scoring::Proportional,
            &Unit::Date,
            Value::Date(date(2018, 1, 1)),
        )
        .unwrap();
        assert_eq!(r.value, dec!(0));
        assert_eq!(r.how, How::Late { days: 1, grace: 0 });
    }

    #[test]
    fn late_deadline_with_grace_loses_linearly() {
        let t = Target::Deadline(date(2017, 12, 31));
        let r = realization(
            &t,
            &Scoring::GraceDays(30),
            &Unit::Date,
            Value::Date(date(2018, 1, 15)),
        )
        .unwrap();
        assert_eq!(r.value, dec!(50));
        let r = realization(
            &t,
            &Scoring::GraceDays(30),
            &Unit::Date,
            Value::Date(date(2018, 2, 15)),
        )
        .unwrap();
        assert_eq!(r.value, dec!(0));
    }

    #[test]
    fn all_or_nothing_gives_no_partial_credit() {
        let r = realization(
            &Target::AtLeast(num(dec!(80))),
            &Scoring::AllOrNothing,
            &Unit::Number,
            Value::Number(dec!(79)),
        )
        .unwrap();
        assert_eq!(r.value, dec!(0));
    }

    #[test]
    fn a_date_against_a_number_target_is_unscorable() {
        assert!(
            realization(
                &Target::AtLeast(num(dec!(1))),
                &Scoring::Proportional,
                &Unit::Number,
                Value::Date(date(2017, 1, 1))
            )
            .is_err()
        );
        assert!(
            realization(
                &Target::Deadline(date(2017, 1, 1)),
                &Scoring::Proportional,
                &Unit::Date,
                Value::Number(dec!(1))
            )
            .is_err()
        );
    }

    #[test]
    fn mean_leaves_pending_out() {
        let m = Mean::of(&[
            Outcome::Pending,
            Outcome::Scored(Realization {
                value: dec!(80),
                met: false,
                how: How::Missed,
                band: None,
            }),
            Outcome::Scored(Realization {
                value: dec!(100),
                met: true,
                how: How::Met,
                band: None,
            }),
        ]);
        assert_eq!(m.realization(), Some(dec!(90)));
        assert_eq!((m.measured, m.total), (2, 3));
        assert!(m.is_provisional());
        assert_eq!(Mean::of(&[Outcome::Pending]).realization(), None);
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;
    use crate::plan::Num;

    /// Whether `x` meets `target`, by the target's own definition.
    fn meets(target: &Target, x: Decimal) -> bool {
        match target {
            Target::AtLeast(t) => x >= t.value(),
            Target::MoreThan(t) => x > t.value(),
            Target::AtMost(t) => x <= t.value(),
            Target::LessThan(t) => x < t.value(),
            Target::Exactly(t) => x == t.value(),
            Target::Between { min, max } => x >= min.value() && x <= max.value(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_bound_decides_exactly_when_every_value_it_allows_agrees() {
        let n = |i: i64| Num::from(Decimal::from(i));
        // Values a bound may allow, between −10 and 20 by quarters (the bound's neighbours
        // included: a strict bound's nearest values are a quarter away).
        let xs: Vec<Decimal> = (-40..=80).map(|q| Decimal::new(q * 25, 2)).collect();
        for t in 0..=10i64 {
            let targets = [
                Target::AtLeast(n(t)),
                Target::MoreThan(n(t)),
                Target::AtMost(n(t)),
                Target::LessThan(n(t)),
                Target::Exactly(n(t)),
                Target::Between {
                    min: n(t),
                    max: n(t + 3),
                },
            ];
            for target in &targets {
                for v in 0..=14i64 {
                    let v = Decimal::from(v);
                    for bound in Bound::ALL {
                        let allowed: Vec<bool> = xs
                            .iter()
                            .filter(|x| match bound {
                                Bound::AtLeast => **x >= v,
                                Bound::MoreThan => **x > v,
                                Bound::AtMost => **x <= v,
                                Bound::LessThan => **x < v,
                            })
                            .map(|x| meets(target, *x))
                            .collect();
                        let want = if allowed.iter().all(|m| *m) {
                            Some(true)
                        } else if allowed.iter().all(|m| !*m) {
                            Some(false)
                        } else {
                            None
                        };
                        assert_eq!(
                            bound_decides(target, bound, v),
                            want,
                            "{target:?} with {bound:?} {v}"
                        );
                    }
                }
            }
        }
    }
}
