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
//! With `AllOrNothing` every missed target scores 0 %. An override replaces the computed
//! realization. An indicator with neither result nor override is pending: left out of every
//! mean and counted apart (`measured / total`).
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
use crate::plan::{
    Indicator, IndicatorPath, Layer, OperationalObjective, Perspective, Plan, Scoring,
    StrategicObjective, Target, Value,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Realization {
    /// Percent, 0 to 100, exact.
    pub value: Decimal,
    /// Whether the result meets the target (false for an override that is not a full 100).
    pub met: bool,
    pub how: How,
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

    /// The realization as it is shown: rounded half up to two decimals, the rounding
    /// decided on the exact value (see [`exact`]).
    pub fn shown(&self) -> Option<Decimal> {
        match self {
            Outcome::Scored(r) => exact::shown(Some(r.value), || Some(exact::realization(r))),
            _ => None,
        }
    }
}

/// Scores an indicator: its override if it has one, else its result against its target.
pub fn outcome(ind: &Indicator) -> Outcome {
    outcome_with(ind, ind.result)
}

/// Scores an indicator as if its result were `result` (the value being typed).
pub fn outcome_with(ind: &Indicator, result: Option<Value>) -> Outcome {
    if let Some(e) = check::value_error(ind, result) {
        return Outcome::Unscorable(e);
    }
    if let Some(ov) = &ind.realization_override {
        let value = ov.realization.value().clamp(Decimal::ZERO, HUNDRED);
        return Outcome::Scored(Realization {
            value,
            met: value == HUNDRED,
            how: How::Override,
        });
    }
    match result {
        None => Outcome::Pending,
        Some(result) => match realization(&ind.target, ind.scoring, result) {
            Ok(r) => Outcome::Scored(r),
            Err(e) => Outcome::Unscorable(e),
        },
    }
}

/// The realization of one result against one target, by the rules in the module docs.
pub fn realization(
    target: &Target,
    scoring: Scoring,
    result: Value,
) -> Result<Realization, ValueError> {
    let all_or_nothing = scoring == Scoring::AllOrNothing;
    let met = Realization {
        value: HUNDRED,
        met: true,
        how: How::Met,
    };
    let missed = Realization {
        value: Decimal::ZERO,
        met: false,
        how: How::Missed,
    };
    if let Target::Deadline(deadline) = target {
        let done = result.as_date().ok_or(ValueError::ResultNeedsDate)?;
        return Ok(deadline_realization(*deadline, done, scoring));
    }
    let r = result.as_number().ok_or(ValueError::ResultNeedsNumber {
        unit: crate::plan::Unit::Number,
    })?;
    let (is_met, shortfall) = match target {
        Target::AtLeast(t) => (r >= t.value(), Shortfall::Below(t.value())),
        Target::MoreThan(t) => (r > t.value(), Shortfall::Below(t.value())),
        Target::AtMost(t) => (r <= t.value(), Shortfall::Above(t.value())),
        Target::LessThan(t) => (r < t.value(), Shortfall::Above(t.value())),
        Target::Exactly(t) => (r == t.value(), Shortfall::Off(t.value())),
        Target::Between { min, max } => {
            if r < min.value() {
                (false, Shortfall::Below(min.value()))
            } else {
                (r <= max.value(), Shortfall::Above(max.value()))
            }
        }
        Target::Deadline(_) => unreachable!("deadlines are scored above"),
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
            }
        }
        _ => missed,
    })
}

enum Shortfall {
    Below(Decimal),
    Above(Decimal),
    Off(Decimal),
}

fn deadline_realization(deadline: NaiveDate, done: NaiveDate, scoring: Scoring) -> Realization {
    let days = (done - deadline).num_days();
    if days <= 0 {
        return Realization {
            value: HUNDRED,
            met: true,
            how: How::Met,
        };
    }
    let grace = match scoring {
        Scoring::GraceDays(g) => g,
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
    }
}

/// A plain mean of indicator realizations, with its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mean {
    pub sum: Decimal,
    pub measured: usize,
    pub total: usize,
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
    }

    fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Mean {
        let mut m = Mean::default();
        for o in outcomes {
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

    fn push(&mut self, weight: Decimal, mean: &Mean) {
        self.total += 1;
        self.indicators.add(mean);
        // A wrong weight (validation reports it) leaves its objective out.
        if check::weight_error(weight).is_some() {
            return;
        }
        if let Some(r) = mean.realization() {
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

/// Everything computed from a plan, shaped like the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scores {
    /// The plan's overall scores, per layer.
    pub overall: Layers<Weighted>,
    /// The overall scores as shown (see [`exact`]).
    pub shown: Layers<Option<Decimal>>,
    pub perspectives: Vec<PerspectiveScores>,
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
    pub operational: Vec<OperationalScores>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OperationalScores {
    /// Means of its strategic indicators and of its operational indicators; the latter
    /// is this objective's realization.
    pub means: Layers<Mean>,
    /// One outcome per indicator, per layer, in plan order.
    pub outcomes: Layers<Vec<Outcome>>,
    /// The two means as shown (see [`exact`]); the operational one is this objective's
    /// realization.
    pub shown: Layers<Option<Decimal>>,
}

impl OperationalScores {
    /// The operational objective's own realization: the mean of its operational indicators.
    pub fn realization(&self) -> &Mean {
        &self.means.operational
    }

    fn compute(oo: &OperationalObjective) -> Self {
        let outcomes = Layers {
            strategic: oo.strategic_indicators.iter().map(outcome).collect(),
            operational: oo.indicators.iter().map(outcome).collect(),
        };
        let mut s = OperationalScores {
            means: Layers::default(),
            outcomes,
            shown: Layers::default(),
        };
        s.refresh_means();
        s
    }

    fn refresh_means(&mut self) {
        self.means = Layers {
            strategic: Mean::of(&self.outcomes.strategic),
            operational: Mean::of(&self.outcomes.operational),
        };
        self.shown = Layers {
            strategic: exact::shown(self.means.strategic.realization(), || {
                exact::mean(&self.outcomes.strategic)
            }),
            operational: exact::shown(self.means.operational.realization(), || {
                exact::mean(&self.outcomes.operational)
            }),
        };
    }

    /// The exact mean of its operational indicators: its realization.
    pub fn exact_realization(&self) -> Option<exact::BigRational> {
        exact::mean(&self.outcomes.operational)
    }
}

impl StrategicScores {
    fn compute(so: &StrategicObjective) -> Self {
        let mut s = StrategicScores {
            operational: so
                .operational
                .iter()
                .map(OperationalScores::compute)
                .collect(),
            ..Default::default()
        };
        s.refresh(so);
        s
    }

    fn refresh(&mut self, so: &StrategicObjective) {
        let mut realization = Mean::default();
        let mut operational_score = Weighted::default();
        for (oo, scores) in so.operational.iter().zip(&self.operational) {
            realization.add(&scores.means.strategic);
            operational_score.push(oo.weight.value(), &scores.means.operational);
        }
        let mut contribution = Weighted::default();
        contribution.push(so.weight.value(), &realization);
        self.realization = realization;
        self.operational_score = operational_score;
        self.contribution = contribution;
        self.shown = Layers {
            strategic: exact::shown(self.realization.realization(), || self.exact_realization()),
            operational: exact::shown(self.operational_score.score(), || {
                exact::weighted(self.exact_operational(so))
            }),
        };
    }

    /// The exact flat mean of its strategic indicators: its realization.
    pub fn exact_realization(&self) -> Option<exact::BigRational> {
        exact::mean(self.operational.iter().flat_map(|o| &o.outcomes.strategic))
    }

    /// Its operational objectives' weights and exact realizations.
    fn exact_operational<'a>(
        &'a self,
        so: &'a StrategicObjective,
    ) -> impl Iterator<Item = (Decimal, Option<exact::BigRational>)> + 'a {
        so.operational
            .iter()
            .zip(&self.operational)
            .map(|(oo, os)| (oo.weight.value(), os.exact_realization()))
    }
}

impl PerspectiveScores {
    fn compute(p: &Perspective) -> Self {
        let mut s = PerspectiveScores {
            objectives: p.objectives.iter().map(StrategicScores::compute).collect(),
            ..Default::default()
        };
        s.refresh(p);
        s
    }

    fn refresh(&mut self, p: &Perspective) {
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
            strategic: exact::shown(self.score.strategic.score(), || {
                exact::weighted(self.exact_strategic(p))
            }),
            operational: exact::shown(self.score.operational.score(), || {
                exact::weighted(self.exact_operational(p))
            }),
        };
    }

    /// Its strategic objectives' weights and exact realizations.
    fn exact_strategic<'a>(
        &'a self,
        p: &'a Perspective,
    ) -> impl Iterator<Item = (Decimal, Option<exact::BigRational>)> + 'a {
        p.objectives
            .iter()
            .zip(&self.objectives)
            .map(|(so, ss)| (so.weight.value(), ss.exact_realization()))
    }

    /// Every operational objective's weight and exact realization, under it.
    fn exact_operational<'a>(
        &'a self,
        p: &'a Perspective,
    ) -> impl Iterator<Item = (Decimal, Option<exact::BigRational>)> + 'a {
        p.objectives
            .iter()
            .zip(&self.objectives)
            .flat_map(|(so, ss)| ss.exact_operational(so))
    }
}

impl Scores {
    /// Scores the whole plan.
    pub fn compute(plan: &Plan) -> Self {
        let mut s = Scores {
            perspectives: plan
                .perspectives
                .iter()
                .map(PerspectiveScores::compute)
                .collect(),
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
        let each = || plan.perspectives.iter().zip(&self.perspectives);
        self.shown = Layers {
            strategic: exact::shown(self.overall.strategic.score(), || {
                exact::weighted(each().flat_map(|(p, ps)| ps.exact_strategic(p)))
            }),
            operational: exact::shown(self.overall.operational.score(), || {
                exact::weighted(each().flat_map(|(p, ps)| ps.exact_operational(p)))
            }),
        };
    }

    /// Rescores one indicator after its result, override or scoring changed in `plan`,
    /// and every level above it. Costs the depth of the tree, not its size.
    pub fn update_indicator(&mut self, plan: &Plan, path: IndicatorPath) {
        let new = outcome(plan.indicator(path));
        self.set_outcome(plan, path, new);
    }

    /// Puts `new` in the place of an indicator's outcome without touching the plan: the
    /// preview while a result is being typed. [`Scores::update_indicator`] undoes it.
    pub fn set_outcome(&mut self, plan: &Plan, path: IndicatorPath, new: Outcome) {
        let persp = &plan.perspectives[path.perspective];
        let so = &persp.objectives[path.strategic];
        let ps = &mut self.perspectives[path.perspective];
        let ss = &mut ps.objectives[path.strategic];
        let os = &mut ss.operational[path.operational];
        let slot = match path.layer {
            Layer::Strategic => &mut os.outcomes.strategic[path.index],
            Layer::Operational => &mut os.outcomes.operational[path.index],
        };
        *slot = new;
        os.refresh_means();
        ss.refresh(so);
        ps.refresh(persp);
        self.refresh_overall(plan);
    }

    pub fn outcome(&self, path: IndicatorPath) -> &Outcome {
        let os = &self.perspectives[path.perspective].objectives[path.strategic].operational
            [path.operational];
        &os.outcomes.get(path.layer)[path.index]
    }

    pub fn strategic(&self, p: usize, s: usize) -> &StrategicScores {
        &self.perspectives[p].objectives[s]
    }

    pub fn operational(&self, p: usize, s: usize, o: usize) -> &OperationalScores {
        &self.perspectives[p].objectives[s].operational[o]
    }

    /// All indicators of both layers: measured / total.
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
        realization(&target, Scoring::Proportional, Value::Number(result)).unwrap()
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
        };
        w.push(huge, &full);
        w.push(huge, &full);
        // Weights beyond the whole plan are errors: their objectives are left out.
        assert_eq!(w.score(), None);
        assert_eq!((w.measured, w.total), (0, 2));
        let mut w = Weighted::default();
        w.push(dec!(0.0000000000000000000000000001), &full);
        w.push(-huge, &full);
        w.push(huge, &full);
        w.push(dec!(20), &full);
        // Only the one right weight counts.
        assert_eq!(w.score(), Some(dec!(100)));
        assert_eq!(w.measured, 1);
    }

    #[test]
    fn deadline_met_on_or_before_the_day() {
        let t = Target::Deadline(date(2017, 12, 31));
        let on_day = realization(&t, Scoring::Proportional, Value::Date(date(2017, 12, 31)));
        assert_eq!(on_day.unwrap().value, dec!(100));
        let early = realization(&t, Scoring::Proportional, Value::Date(date(2017, 5, 22)));
        assert_eq!(early.unwrap().value, dec!(100));
    }

    #[test]
    fn late_deadline_scores_zero() {
        let t = Target::Deadline(date(2017, 12, 31));
        let r = realization(&t, Scoring::Proportional, Value::Date(date(2018, 1, 1))).unwrap();
        assert_eq!(r.value, dec!(0));
        assert_eq!(r.how, How::Late { days: 1, grace: 0 });
    }

    #[test]
    fn late_deadline_with_grace_loses_linearly() {
        let t = Target::Deadline(date(2017, 12, 31));
        let r = realization(&t, Scoring::GraceDays(30), Value::Date(date(2018, 1, 15))).unwrap();
        assert_eq!(r.value, dec!(50));
        let r = realization(&t, Scoring::GraceDays(30), Value::Date(date(2018, 2, 15))).unwrap();
        assert_eq!(r.value, dec!(0));
    }

    #[test]
    fn all_or_nothing_gives_no_partial_credit() {
        let r = realization(
            &Target::AtLeast(num(dec!(80))),
            Scoring::AllOrNothing,
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
                Scoring::Proportional,
                Value::Date(date(2017, 1, 1))
            )
            .is_err()
        );
        assert!(
            realization(
                &Target::Deadline(date(2017, 1, 1)),
                Scoring::Proportional,
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
            }),
            Outcome::Scored(Realization {
                value: dec!(100),
                met: true,
                how: How::Met,
            }),
        ]);
        assert_eq!(m.realization(), Some(dec!(90)));
        assert_eq!((m.measured, m.total), (2, 3));
        assert!(m.is_provisional());
        assert_eq!(Mean::of(&[Outcome::Pending]).realization(), None);
    }
}
