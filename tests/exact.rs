//! Every shown figure is the half-up rounding of the exact value.
//!
//! The exact values here are computed by a scorer of this file's own, written from the
//! rules of plans/README.md (and the docs of the plan's types, for the forms added since:
//! ratios, yes/no results, indicators not assessable, bands, the plan's precision, `Equal`
//! weights and a strategic objective's own indicators) in fractions of big integers: it
//! shares no code with perfplan's scoring, so a wrong rule or a wrong rounding on either
//! side makes the comparison fail.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::Path;

use chrono::NaiveDate;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use perfplan::lang::Lang;
use perfplan::plan::{
    Band, BandScore, Indicator, Locale, Num, OperationalObjective, Override, Perspective, Plan,
    Precision, Scoring, StrategicObjective, Target, Thresholds, Unit, Value, Weight,
};
use perfplan::score::Scores;
use perfplan::summary::Summary;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value as Json;

type Q = BigRational;

fn q(d: Decimal) -> Q {
    Q::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u32).pow(d.scale()),
    )
}

fn int(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

/// Half up, away from zero, to `decimals` places, as a fraction.
fn round_to(x: &Q, decimals: u32) -> Q {
    let scale = Q::from_integer(BigInt::from(10u32).pow(decimals));
    let scaled = x.abs() * &scale + Q::new(BigInt::one(), BigInt::from(2));
    let n = scaled.floor();
    let n = if x.is_negative() { -n } else { n };
    n / scale
}

/// The figure the JSON shows for an exact value at `decimals` places: rounded half up to
/// the plan's precision, once.
fn shown(x: &Q, decimals: u32) -> Q {
    round_to(x, decimals)
}

// ---------------------------------------------------------------------------------------
// The independent scorer (plans/README.md, "How an indicator is scored" and below)
// ---------------------------------------------------------------------------------------

/// A missed "at least"-like target: result / target, in 0–100; 0 % where the target is
/// zero or below.
fn share_of(r: &Q, t: &Q) -> Q {
    if t.is_positive() {
        (int(100) * r / t).clamp(Q::zero(), int(100))
    } else {
        Q::zero()
    }
}

/// A missed "at most"-like target: target / result; 0 % where either is zero or below.
fn inverse_share(r: &Q, t: &Q) -> Q {
    if t.is_positive() && r.is_positive() {
        (int(100) * t / r).clamp(Q::zero(), int(100))
    } else {
        Q::zero()
    }
}

/// What scoring gives an indicator.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Its realization, exactly.
    Measured(Q),
    /// Neither a result nor an override.
    Pending,
    /// A value that is wrong: left out of the means like a pending one.
    Wrong,
    /// Marked not assessable: left out of the means, and of the counts.
    NotAssessable,
}

impl Outcome {
    fn realization(&self) -> Option<Q> {
        match self {
            Outcome::Measured(r) => Some(r.clone()),
            _ => None,
        }
    }
}

/// The wrong values this scorer knows (the only ones the generated plans and the bundled
/// ones have): a range upside down, a ratio whose denominator is not above zero.
fn is_wrong(ind: &Indicator) -> bool {
    let reversed = matches!(&ind.target, Target::Between { min, max } if min.value() > max.value());
    let bad_ratio = matches!(ind.result, Some(Value::Ratio { denominator, .. }) if denominator <= Decimal::ZERO);
    reversed || bad_ratio
}

fn outcome(ind: &Indicator, plan_scoring: Option<&Scoring>) -> Outcome {
    // A wrong value is an error even on an indicator marked not assessable: it cannot be
    // scored, and is reported.
    if is_wrong(ind) {
        return Outcome::Wrong;
    }
    if ind.not_assessable.is_some() {
        return Outcome::NotAssessable;
    }
    if let Some(o) = &ind.realization_override {
        return Outcome::Measured(q(o.realization.value()));
    }
    let Some(result) = ind.result else {
        return Outcome::Pending;
    };
    // The indicator's own way of scoring, else the plan's, else proportional.
    Outcome::Measured(match ind.scoring.as_deref().or(plan_scoring) {
        Some(Scoring::Bands { out_of, bands }) => {
            banded(&achievement(ind, result, None), *out_of, bands)
        }
        scoring => achievement(ind, result, scoring),
    })
}

/// The realization by the rules before bands: `scoring` `None` is proportional.
fn achievement(ind: &Indicator, result: Value, scoring: Option<&Scoring>) -> Q {
    let all_or_nothing = scoring == Some(&Scoring::AllOrNothing);
    let hundred = int(100);
    match (&ind.target, result) {
        (Target::Deadline(d), Value::Date(done)) => {
            let days = (done - *d).num_days();
            if days <= 0 {
                return hundred;
            }
            let grace = match scoring {
                Some(Scoring::GraceDays(g)) => i64::from(*g),
                _ => 0,
            };
            if grace > days {
                hundred - int(100) * int(days) / int(grace)
            } else {
                Q::zero()
            }
        }
        (Target::Yes | Target::No, Value::Bool(b)) => {
            if b == (ind.target == Target::Yes) {
                hundred
            } else {
                Q::zero()
            }
        }
        (t, Value::Number(r)) => numeric(t, &q(r), all_or_nothing),
        (
            t,
            Value::Ratio {
                numerator,
                denominator,
            },
        ) => {
            // The exact quotient, in percent for a percentage.
            let mut r = q(numerator) / q(denominator);
            if ind.unit == Unit::Percent {
                r *= int(100);
            }
            numeric(t, &r, all_or_nothing)
        }
        (t, r) => unreachable!("the generator does not pair {t:?} with {r:?}"),
    }
}

/// A number result `r` against a number target.
fn numeric(t: &Target, r: &Q, all_or_nothing: bool) -> Q {
    let missed = |score: Q| if all_or_nothing { Q::zero() } else { score };
    let hundred = int(100);
    match t {
        Target::AtLeast(t) if *r >= q(t.value()) => hundred,
        Target::MoreThan(t) if *r > q(t.value()) => hundred,
        Target::AtLeast(t) | Target::MoreThan(t) => missed(share_of(r, &q(t.value()))),
        Target::AtMost(t) if *r <= q(t.value()) => hundred,
        Target::LessThan(t) if *r < q(t.value()) => hundred,
        Target::AtMost(t) | Target::LessThan(t) => missed(inverse_share(r, &q(t.value()))),
        Target::Exactly(t) if *r == q(t.value()) => hundred,
        Target::Exactly(t) => {
            let t = q(t.value());
            missed(if t.is_zero() {
                Q::zero()
            } else {
                (hundred * (Q::one() - (r - &t).abs() / t.abs())).max(Q::zero())
            })
        }
        Target::Between { min, max } => {
            let (lo, hi) = (q(min.value()), q(max.value()));
            if *r < lo {
                missed(share_of(r, &lo))
            } else if *r > hi {
                missed(inverse_share(r, &hi))
            } else {
                hundred
            }
        }
        Target::Deadline(_) | Target::Yes | Target::No => {
            unreachable!("the generator pairs deadlines with dates, yes/no with yes/no")
        }
    }
}

/// The achievement `a` (0–100) through a scale of bands: the band with from <= a < to (the
/// last one taking a == to as well) gives its points, out of `out_of` (100 when absent).
fn banded(a: &Q, out_of: Option<Num>, bands: &[Band]) -> Q {
    let top = out_of.map_or(int(100), |n| q(n.value()));
    let last = bands.len() - 1;
    let (_, band) = bands
        .iter()
        .enumerate()
        .find(|(i, b)| {
            let (from, to) = (q(b.from.value()), q(b.to.value()));
            *a >= from && (*a < to || (*i == last && *a == to))
        })
        .unwrap_or_else(|| panic!("a valid scale covers the achievement {a}"));
    let points = match band.score {
        BandScore::Fixed(s) => q(s.value()),
        BandScore::Linear(x, y) => {
            let (from, to) = (q(band.from.value()), q(band.to.value()));
            let (x, y) = (q(x.value()), q(y.value()));
            &x + (a - &from) * (y - &x) / (to - from)
        }
    };
    points * int(100) / top
}

fn mean(values: impl IntoIterator<Item = Outcome>) -> Option<Q> {
    let measured: Vec<Q> = values.into_iter().filter_map(|o| o.realization()).collect();
    if measured.is_empty() {
        return None;
    }
    let n = int(measured.len() as i64);
    Some(measured.into_iter().fold(Q::zero(), |a, b| a + b) / n)
}

/// A written weight counts when it is a percentage (0 to 100) with at most ten decimals; any
/// other is an error and its objective is left out (plans/README.md, "Weights").
fn weight_counts(w: Decimal) -> bool {
    w >= Decimal::ZERO && w <= Decimal::ONE_HUNDRED && w.normalize().scale() <= 10
}

/// A weight as it counts: its exact value, and whether it counts at all.
#[derive(Debug, Clone)]
struct Share {
    value: Q,
    counts: bool,
}

/// The weights of siblings within `whole`: a written one as written; the `Equal` ones share
/// equally what the written ones (those that count) leave, and a share below nothing is
/// wrong.
fn shares<'a>(whole: &Q, weights: impl IntoIterator<Item = &'a Weight>) -> Vec<Share> {
    let weights: Vec<&Weight> = weights.into_iter().collect();
    let equal = weights.iter().filter(|w| ***w == Weight::Equal).count();
    let written = weights
        .iter()
        .filter_map(|w| w.given())
        .filter(|w| weight_counts(*w))
        .fold(Q::zero(), |a, w| a + q(w));
    let share = (whole - written) / int(equal.max(1) as i64);
    weights
        .iter()
        .map(|w| match w {
            Weight::Given(n) => Share {
                value: q(n.value()),
                counts: weight_counts(n.value()),
            },
            Weight::Equal => Share {
                value: share.clone(),
                counts: !share.is_negative(),
            },
        })
        .collect()
}

/// Every objective's weight as it counts: per perspective, per strategic objective, its
/// share and its operational objectives' (without the holder of its own indicators).
fn weights(plan: &Plan) -> Vec<Vec<(Share, Vec<Share>)>> {
    let strategic = shares(
        &int(100),
        plan.perspectives
            .iter()
            .flat_map(|p| &p.objectives)
            .map(|so| &so.weight),
    );
    let mut strategic = strategic.into_iter();
    plan.perspectives
        .iter()
        .map(|p| {
            p.objectives
                .iter()
                .map(|so| {
                    let share = strategic.next().unwrap();
                    // A wrong weight leaves nothing to share.
                    let whole = if share.counts {
                        share.value.clone()
                    } else {
                        Q::zero()
                    };
                    let ops = shares(&whole, written_operational(so).map(|oo| &oo.weight));
                    (share, ops)
                })
                .collect()
        })
        .collect()
}

fn weighted(items: impl IntoIterator<Item = (Share, Option<Q>)>) -> Option<Q> {
    let mut sum = Q::zero();
    let mut weight = Q::zero();
    for (w, r) in items {
        if !w.counts {
            continue;
        }
        if let Some(r) = r {
            sum += &w.value * r;
            weight += &w.value;
        }
    }
    weight.is_positive().then(|| sum / weight)
}

/// The operational objectives of the file: not the holder of a strategic objective's own
/// indicators.
fn written_operational(so: &StrategicObjective) -> impl Iterator<Item = &OperationalObjective> {
    so.operational.iter().filter(|oo| !oo.direct)
}

/// A strategic objective's own indicators: the holder's, first of its operational list.
fn own_indicators(so: &StrategicObjective) -> &[Indicator] {
    for (i, oo) in so.operational.iter().enumerate() {
        assert!(
            !oo.direct || i == 0,
            "{}: the holder of own indicators comes first",
            so.code
        );
        assert!(
            !oo.direct || (oo.indicators.is_empty() && oo.weight == Weight::Given(Num::default())),
            "{}: the holder has no operational indicators and weighs 0",
            so.code
        );
    }
    match so.operational.first() {
        Some(oo) if oo.direct => &oo.strategic_indicators,
        _ => &[],
    }
}

/// The scorer's view of one plan: its way of scoring and its weights.
struct Exact<'a> {
    plan: &'a Plan,
    weights: Vec<Vec<(Share, Vec<Share>)>>,
}

impl<'a> Exact<'a> {
    fn of(plan: &'a Plan) -> Self {
        Exact {
            plan,
            weights: weights(plan),
        }
    }

    fn outcome(&self, ind: &Indicator) -> Outcome {
        outcome(ind, self.plan.scoring.as_ref())
    }

    /// Every strategic indicator of the objective, its own and its operational objectives',
    /// flat.
    fn strategic_outcomes(&self, so: &StrategicObjective) -> Vec<Outcome> {
        so.operational
            .iter()
            .flat_map(|oo| &oo.strategic_indicators)
            .map(|i| self.outcome(i))
            .collect()
    }

    fn operational_outcomes(&self, oo: &OperationalObjective) -> Vec<Outcome> {
        oo.indicators.iter().map(|i| self.outcome(i)).collect()
    }

    fn so_realization(&self, so: &StrategicObjective) -> Option<Q> {
        mean(self.strategic_outcomes(so))
    }

    fn op_realization(&self, oo: &OperationalObjective) -> Option<Q> {
        mean(self.operational_outcomes(oo))
    }

    fn strategic_items(&self, p: usize) -> Vec<(Share, Option<Q>)> {
        self.plan.perspectives[p]
            .objectives
            .iter()
            .zip(&self.weights[p])
            .map(|(so, (w, _))| (w.clone(), self.so_realization(so)))
            .collect()
    }

    fn operational_items(&self, p: usize) -> Vec<(Share, Option<Q>)> {
        self.plan.perspectives[p]
            .objectives
            .iter()
            .zip(&self.weights[p])
            .flat_map(|(so, (_, ops))| {
                written_operational(so)
                    .zip(ops)
                    .map(|(oo, w)| (w.clone(), self.op_realization(oo)))
            })
            .collect()
    }

    fn perspectives(&self) -> std::ops::Range<usize> {
        0..self.plan.perspectives.len()
    }
}

/// Measured, total (not those marked not assessable) and not assessable, of some outcomes.
fn counts<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> (u64, u64, u64) {
    let (mut measured, mut total, mut not_assessable) = (0, 0, 0);
    for o in outcomes {
        match o {
            Outcome::NotAssessable => not_assessable += 1,
            Outcome::Measured(_) => {
                measured += 1;
                total += 1;
            }
            Outcome::Pending | Outcome::Wrong => total += 1,
        }
    }
    (measured, total, not_assessable)
}

// ---------------------------------------------------------------------------------------
// Comparing with what perfplan shows
// ---------------------------------------------------------------------------------------

/// A JSON figure as a fraction (`null` as `None`).
fn figure(j: &Json) -> Option<Q> {
    match j {
        Json::Null => None,
        Json::Number(n) => Some(q(Decimal::from_str_exact(&n.to_string()).unwrap())),
        other => panic!("a figure is a number or null, not {other}"),
    }
}

/// The figure shown for `exact` at `decimals` places.
fn same(what: &str, shown_json: &Json, exact: Option<Q>, decimals: u32) {
    let want = exact.as_ref().map(|e| shown(e, decimals));
    assert_eq!(
        figure(shown_json),
        want,
        "{what}: perfplan shows {shown_json}, the exact value is {:?} ({:?}), at {decimals} \
         decimals",
        exact.as_ref().map(|e| e.to_f64()),
        exact.map(|e| e.to_string())
    );
}

fn same_counts(what: &str, j: &Json, outcomes: &[Outcome]) {
    let (measured, total, _) = counts(outcomes);
    assert_eq!(
        (j["measured"].as_u64(), j["total"].as_u64()),
        (Some(measured), Some(total)),
        "{what}: measured / total"
    );
}

fn same_indicators(exact: &Exact, what: &str, list: &[Indicator], shown: &Json) {
    let shown = shown
        .as_array()
        .unwrap_or_else(|| panic!("{what}: a list, not {shown}"));
    assert_eq!(shown.len(), list.len(), "{what}: how many indicators");
    let decimals = exact.plan.precision.indicators;
    for (ind, ij) in list.iter().zip(shown) {
        assert_eq!(ij["id"], Json::String(ind.id.clone()), "{what}: in order");
        let o = exact.outcome(ind);
        same(&ind.id, &ij["realization"], o.realization(), decimals);
        assert_eq!(
            ij["pending"],
            Json::Bool(o == Outcome::Pending),
            "{}: pending",
            ind.id
        );
        // The reason as written (a wrong value makes it unscorable all the same).
        assert_eq!(
            ij.get("not_assessable").and_then(Json::as_str),
            ind.not_assessable.as_deref(),
            "{}: not assessable",
            ind.id
        );
    }
}

/// Checks every figure of `perfplan score --json` (the same figures every output shows)
/// against the independent exact scorer, and the counts of measured indicators. Each figure
/// is checked after those it rests on, so that a failure names the lowest one that is wrong.
fn check_every_figure(plan: &Plan) {
    let exact = Exact::of(plan);
    let precision = plan.precision;
    let json = json_of(plan);
    let persp_json = json["perspectives"].as_array().unwrap();
    assert_eq!(persp_json.len(), plan.perspectives.len());
    let mut all = Vec::new();
    for (pi, (p, pj)) in plan.perspectives.iter().zip(persp_json).enumerate() {
        assert_eq!(
            pj["objectives"].as_array().unwrap().len(),
            p.objectives.len()
        );
        for (so, sj) in p
            .objectives
            .iter()
            .zip(pj["objectives"].as_array().unwrap())
        {
            assert_eq!(sj["code"], Json::String(so.code.clone()));
            // Its own indicators under its `indicators` key, and no row for their holder.
            let own = own_indicators(so);
            if own.is_empty() {
                assert!(sj.get("indicators").is_none(), "{}: no own list", so.code);
            } else {
                same_indicators(&exact, &so.code, own, &sj["indicators"]);
            }
            let ops: Vec<&OperationalObjective> = written_operational(so).collect();
            let ops_json = sj["operational"].as_array().unwrap();
            assert_eq!(ops_json.len(), ops.len(), "{}: operational rows", so.code);
            for (oo, oj) in ops.into_iter().zip(ops_json) {
                assert_eq!(oj["code"], Json::String(oo.code.clone()));
                same_indicators(
                    &exact,
                    &oo.code,
                    &oo.strategic_indicators,
                    &oj["strategic_indicators"],
                );
                same_indicators(&exact, &oo.code, &oo.indicators, &oj["indicators"]);
                let operational = exact.operational_outcomes(oo);
                same(
                    &oo.code,
                    &oj["realization"],
                    mean(operational.clone()),
                    precision.objectives,
                );
                same_counts(&oo.code, oj, &operational);
                all.extend(operational);
            }
            // The flat mean of all its strategic indicators, its own included.
            let strategic = exact.strategic_outcomes(so);
            same(
                &so.code,
                &sj["realization"],
                mean(strategic.clone()),
                precision.objectives,
            );
            same_counts(&so.code, sj, &strategic);
            all.extend(strategic);
        }
        // The perspective's scores, after what they rest on.
        same(
            &format!("{} strategic", p.name),
            &pj["score"]["strategic"],
            weighted(exact.strategic_items(pi)),
            precision.objectives,
        );
        same(
            &format!("{} operational", p.name),
            &pj["score"]["operational"],
            weighted(exact.operational_items(pi)),
            precision.objectives,
        );
    }
    same(
        "overall strategic",
        &json["overall"]["strategic"],
        weighted(exact.perspectives().flat_map(|p| exact.strategic_items(p))),
        precision.overall,
    );
    same(
        "overall operational",
        &json["overall"]["operational"],
        weighted(
            exact
                .perspectives()
                .flat_map(|p| exact.operational_items(p)),
        ),
        precision.overall,
    );
    let (measured, total, not_assessable) = counts(&all);
    assert_eq!(
        (
            json["measured"].as_u64(),
            json["total"].as_u64(),
            json["not_assessable"].as_u64()
        ),
        (Some(measured), Some(total), Some(not_assessable)),
        "plan: measured / total / not assessable"
    );
}

fn json_of(plan: &Plan) -> Json {
    perfplan::report::json(&Summary::build(
        plan,
        &Scores::compute(plan),
        Lang::of_locale(plan.locale),
    ))
}

// ---------------------------------------------------------------------------------------
// The three ties the independent scorer found, the bundled plans, and a plan of the newer
// forms worked by hand
// ---------------------------------------------------------------------------------------

fn number_indicator(id: &str, target: Target, result: Decimal) -> Indicator {
    Indicator {
        id: id.into(),
        description: id.into(),
        unit: Unit::Number,
        target,
        result: Some(Value::Number(result)),
        realization_override: None,
        note: None,
        baseline: None,
        scoring: None,
        not_assessable: None,
        owner: None,
        target_changes: Vec::new(),
        periods: Default::default(),
    }
}

fn n(d: Decimal) -> Num {
    Num::from(d)
}

fn oo(
    code: &str,
    weight: Decimal,
    strategic: Vec<Indicator>,
    ops: Vec<Indicator>,
) -> OperationalObjective {
    OperationalObjective {
        code: code.into(),
        title: code.into(),
        weight: n(weight).into(),
        direct: false,
        owner: None,
        strategic_indicators: strategic,
        indicators: ops,
    }
}

fn plan_of(objectives: Vec<StrategicObjective>) -> Plan {
    Plan {
        title: "t".into(),
        organization: "o".into(),
        year: 2017,
        locale: Locale::It,
        thresholds: Thresholds::default(),
        scoring: None,
        precision: Default::default(),
        periods: Vec::new(),
        offices: Vec::new(),
        perspectives: vec![Perspective {
            name: "P".into(),
            objectives,
        }],
    }
}

#[test]
fn a_mean_on_a_tie_rounds_up_on_its_exact_value() {
    // 33,33… + 37,83… + 58,33… + 100 = 229,5 exactly; / 4 = 57,375 → 57,38.
    let inds = vec![
        number_indicator("a", Target::AtMost(n(dec!(1))), dec!(3)),
        number_indicator(
            "b",
            Target::Between {
                min: n(dec!(2)),
                max: n(dec!(2.27)),
            },
            dec!(6),
        ),
        number_indicator("c", Target::AtMost(n(dec!(7))), dec!(12)),
        number_indicator("d", Target::Exactly(n(dec!(5))), dec!(5)),
    ];
    let plan = plan_of(vec![StrategicObjective {
        code: "1".into(),
        title: "s".into(),
        weight: n(dec!(100)).into(),
        operational: vec![oo("1.1", dec!(100), vec![], inds)],
    }]);
    let scores = Scores::compute(&plan);
    // The decimal mean lands just below the tie: the case that was shown 57,37.
    let approx = scores
        .operational(0, 0, 0)
        .realization()
        .realization()
        .unwrap();
    assert!(approx < dec!(57.375), "{approx}");
    let json = json_of(&plan);
    assert_eq!(
        json["perspectives"][0]["objectives"][0]["operational"][0]["realization"],
        serde_json::json!(57.38)
    );
    check_every_figure(&plan);
}

#[test]
fn a_flat_mean_on_a_tie_rounds_up_on_its_exact_value() {
    // Strategic indicators in two operational objectives: three of 1 / 3 (33,33… each)
    // and one of 1 / 8 (12,5); their flat mean is exactly 112,5 / 4 = 28,125 → 28,13.
    let third = |id: &str| number_indicator(id, Target::AtLeast(n(dec!(3))), dec!(1));
    let plan = plan_of(vec![StrategicObjective {
        code: "1".into(),
        title: "s".into(),
        weight: n(dec!(100)).into(),
        operational: vec![
            oo("1.1", dec!(50), vec![third("a"), third("b")], vec![]),
            oo(
                "1.2",
                dec!(50),
                vec![
                    third("c"),
                    number_indicator("d", Target::AtLeast(n(dec!(8))), dec!(1)),
                ],
                vec![],
            ),
        ],
    }]);
    let scores = Scores::compute(&plan);
    let approx = scores.strategic(0, 0).realization.realization().unwrap();
    assert!(approx < dec!(28.125), "{approx}");
    let json = json_of(&plan);
    assert_eq!(
        json["perspectives"][0]["objectives"][0]["realization"],
        serde_json::json!(28.13)
    );
    check_every_figure(&plan);
}

#[test]
fn a_weighted_mean_on_a_tie_rounds_up_on_its_exact_value() {
    // Two strategic objectives weighing 1 and 2, realizations 100/3 and 34009/1200:
    // (100/3 + 2 × 34009/1200) / 3 = (40000 + 68018) / 3600 = 30,005 → 30,01.
    let so = |code: &str, weight: Decimal, ind: Indicator| StrategicObjective {
        code: code.into(),
        title: code.into(),
        weight: n(weight).into(),
        operational: vec![oo(&format!("{code}.1"), weight, vec![ind], vec![])],
    };
    let plan = plan_of(vec![
        so(
            "1",
            dec!(1),
            number_indicator("a", Target::AtLeast(n(dec!(3))), dec!(1)),
        ),
        so(
            "2",
            dec!(2),
            number_indicator("b", Target::AtLeast(n(dec!(120000))), dec!(34009)),
        ),
    ]);
    let json = json_of(&plan);
    assert_eq!(
        json["perspectives"][0]["score"]["strategic"],
        serde_json::json!(30.01)
    );
    assert_eq!(json["overall"]["strategic"], serde_json::json!(30.01));
    check_every_figure(&plan);
}

#[test]
fn the_seed_agrees_with_the_exact_scorer() {
    let (plan, _) = perfplan::store::load(Path::new("plans/cciaa-massa-carrara-2017.ron")).unwrap();
    check_every_figure(&plan);
}

#[test]
fn the_example_agrees_with_the_exact_scorer() {
    let (plan, _) = perfplan::store::load(Path::new("plans/example.ron")).unwrap();
    check_every_figure(&plan);
}

/// The new forms in one small plan, every figure worked out by hand.
#[test]
fn ratios_yes_no_bands_equal_weights_and_own_indicators_score_as_worked_out() {
    let text = r#"Plan(
    title: "t",
    organization: "o",
    year: 2017,
    locale: "en",
    // Points out of 7: 1 below 50 %, 2 to 6 in proportion from 50 % to 90 %, 7 above.
    scoring: Bands(out_of: 7, bands: [
        (from: 0, to: 50, score: Fixed(1)),
        (from: 50, to: 90, score: Linear(2, 6)),
        (from: 90, to: 100, score: Fixed(7)),
    ]),
    precision: (indicators: 1, objectives: 0, overall: 2),
    perspectives: [(
        name: "P",
        objectives: [
            (
                code: "1",
                title: "own indicators",
                weight: Equal,
                indicators: [
                    // 60 % of 80: 75 → 2 + 25 × 4 / 40 = 4.5 points → 450/7 = 64.2857… %.
                    (id: "1-a", description: "x", unit: Percent, target: AtLeast(80),
                     result: Ratio(60, 100)),
                    // Its own proportional scoring, not the plan's bands: 0 %.
                    (id: "1-b", description: "x", unit: YesNo, target: No, result: Yes,
                     scoring: Proportional),
                ],
                operational: [
                    (code: "1.1", title: "x", weight: Equal, indicators: [
                        (id: "1.1-a", description: "x", unit: Number, target: AtMost(5),
                         result: 10, scoring: AllOrNothing),
                    ]),
                    (code: "1.2", title: "x", weight: 20, indicators: [
                        // Met: 100 → the last band, 7 points → 100 %.
                        (id: "1.2-a", description: "x", unit: Date,
                         target: Deadline("2017-12-31"), result: "2017-12-31"),
                    ]),
                ],
            ),
            (code: "2", title: "x", weight: Equal, operational: [
                (code: "2.1", title: "x", weight: Equal,
                 strategic_indicators: [
                    // 1 − 1/4 = 75 → 4.5 points → 64.2857… %.
                    (id: "2.1-s", description: "x", unit: Number, target: Exactly(4),
                     result: 3),
                 ],
                 indicators: [
                    (id: "2.1-o", description: "x", unit: Number, target: AtLeast(10),
                     result: 3, not_assessable: "no survey this year"),
                 ]),
            ]),
            (code: "3", title: "x", weight: 40, operational: [
                (code: "3.1", title: "x", weight: 40,
                 strategic_indicators: [
                    (id: "3.1-s", description: "x", unit: Percent, target: AtLeast(50),
                     result: 45, override: (realization: 91.40, reason: "r")),
                 ],
                 indicators: [
                    // 20 / 40 = 50: the start of the second band, 2 points → 28.5714… %.
                    (id: "3.1-o", description: "x", unit: Percent,
                     target: Between(min: 10, max: 20), result: 40),
                 ]),
            ]),
        ],
    )],
)"#;
    let plan = perfplan::store::parse(Path::new("worked.ron"), text).unwrap();
    // Objectives 1 and 2 share what 3 leaves: 30 each; 1.1 takes what 1.2 leaves of 1: 10.
    let json = json_of(&plan);
    let p = &json["perspectives"][0];
    let so = |i: usize| &p["objectives"][i];
    let figures = [
        // 1: (450/7 + 0) / 2 = 32.14…; 2: 64.28…; 3: 91.4; at no decimals.
        (&so(0)["realization"], "32"),
        (&so(1)["realization"], "64"),
        (&so(2)["realization"], "91"),
        // (30 × 225/7 + 30 × 450/7 + 40 × 91.4) / 100 = 45842/700 = 65.4885…
        (&p["score"]["strategic"], "65"),
        (&json["overall"]["strategic"], "65.49"),
        // (10 × 0 + 20 × 100 + 40 × 200/7) / 70 = 22000/490 = 44.897…; 2.1 has nothing.
        (&p["score"]["operational"], "45"),
        (&json["overall"]["operational"], "44.9"),
        (&so(0)["operational"][0]["realization"], "0"),
        (&so(0)["operational"][1]["realization"], "100"),
        (&so(1)["operational"][0]["realization"], "null"),
        // 200/7 = 28.57…, at no decimals like every objective.
        (&so(2)["operational"][0]["realization"], "29"),
        (&so(0)["indicators"][0]["realization"], "64.3"),
        (&so(0)["indicators"][1]["realization"], "0"),
        (
            &so(0)["operational"][0]["indicators"][0]["realization"],
            "0",
        ),
        (
            &so(0)["operational"][1]["indicators"][0]["realization"],
            "100",
        ),
        (
            &so(1)["operational"][0]["strategic_indicators"][0]["realization"],
            "64.3",
        ),
        (
            &so(1)["operational"][0]["indicators"][0]["realization"],
            "null",
        ),
        (
            &so(2)["operational"][0]["strategic_indicators"][0]["realization"],
            "91.4",
        ),
        (
            &so(2)["operational"][0]["indicators"][0]["realization"],
            "28.6",
        ),
        (&json["measured"], "7"),
        (&json["total"], "7"),
        (&json["not_assessable"], "1"),
        (&so(1)["operational"][0]["total"], "0"),
        (&so(0)["measured"], "2"),
    ];
    for (i, (shown, want)) in figures.into_iter().enumerate() {
        let want: Json = serde_json::from_str(want).unwrap();
        assert_eq!(figure(shown), figure(&want), "figure {i}: {shown}");
    }
    assert_eq!(so(0)["operational"].as_array().unwrap().len(), 2);
    check_every_figure(&plan);
}

// ---------------------------------------------------------------------------------------
// Random plans
// ---------------------------------------------------------------------------------------

/// Small numbers with up to two decimals, so that means land on ties often; now and then
/// below zero.
fn small() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (0i64..4).prop_map(Decimal::from),
        2 => (0i64..25).prop_map(Decimal::from),
        1 => (0i64..1300).prop_map(|c| Decimal::new(c, 2)),
        1 => (1i64..40).prop_map(|c| Decimal::new(c, 1)),
        1 => (-40i64..0).prop_map(Decimal::from),
    ]
}

/// Targets whose shares do not terminate in decimal (thirds, sevenths) beside ones that
/// end in a half (eighths, fortieths): their means are ties far more often than chance.
fn positive() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => prop::sample::select(vec![3i64, 6, 7, 9, 12, 8, 16, 24, 40, 80]).prop_map(Decimal::from),
        1 => small().prop_map(|d| if d.is_zero() { Decimal::ONE } else { d }),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        3 => positive().prop_map(|t| Target::AtLeast(n(t))),
        2 => positive().prop_map(|t| Target::MoreThan(n(t))),
        3 => positive().prop_map(|t| Target::AtMost(n(t))),
        2 => positive().prop_map(|t| Target::LessThan(n(t))),
        2 => small().prop_map(|t| Target::Exactly(n(t))),
        // Zero and below: a miss scores 0 %.
        1 => (-5i64..=0).prop_map(|t| Target::AtLeast(n(Decimal::from(t)))),
        1 => (-5i64..=0).prop_map(|t| Target::MoreThan(n(Decimal::from(t)))),
        1 => (-5i64..=0).prop_map(|t| Target::AtMost(n(Decimal::from(t)))),
        1 => (-5i64..=0).prop_map(|t| Target::LessThan(n(Decimal::from(t)))),
        // Ranges, now and then upside down (an error: not scored).
        2 => (positive(), small()).prop_map(|(a, b)| Target::Between {
            min: n(a),
            max: n(a + b),
        }),
    ]
}

/// A ratio's denominator: thirds, sevenths and eighths again, and ones with decimals (the
/// OIV's 87.3); above zero, as a ratio's must be.
fn denominator() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => prop::sample::select(vec![
            dec!(3), dec!(6), dec!(7), dec!(8), dec!(12), dec!(40), dec!(1.5), dec!(0.3),
            dec!(87.3), dec!(12.5),
        ]),
        1 => (1i64..2000).prop_map(|c| Decimal::new(c, 2)),
    ]
}

/// A number result: plain, or now and then a ratio of two numbers.
fn number_result() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => small().prop_map(Value::Number),
        1 => (small(), denominator()).prop_map(|(numerator, denominator)| Value::Ratio {
            numerator,
            denominator,
        }),
    ]
}

/// Band edges inside 0–100: halves, fifths, a third written to two decimals.
fn band_edges() -> Vec<Decimal> {
    vec![
        dec!(20),
        dec!(25),
        dec!(33.33),
        dec!(40),
        dec!(50),
        dec!(60),
        dec!(66.5),
        dec!(75),
        dec!(80),
        dec!(87.5),
        dec!(90),
        dec!(95),
        dec!(99),
    ]
}

/// A valid scale of bands: one to four bands from 0 to 100 without gaps, each with a fixed
/// score or one in proportion, in points from 0 to the top (100, or `out_of`: sevenths
/// and thirds make the realizations ties now and then).
fn bands() -> BoxedStrategy<Scoring> {
    (
        proptest::option::weighted(
            0.6,
            prop::sample::select(vec![
                dec!(3),
                dec!(7),
                dec!(10),
                dec!(12.5),
                dec!(30),
                dec!(60),
            ]),
        ),
        (1usize..=4).prop_flat_map(|count| {
            (
                prop::sample::subsequence(band_edges(), count - 1),
                prop::collection::vec((prop::bool::weighted(0.4), 0i64..=20, 0i64..=20), count),
            )
        }),
    )
        .prop_map(|(out_of, (inner, scores))| {
            let top = out_of.unwrap_or(Decimal::ONE_HUNDRED);
            let points = |c: i64| n(top * Decimal::from(c) / Decimal::from(20));
            let edges: Vec<Decimal> = std::iter::once(Decimal::ZERO)
                .chain(inner)
                .chain(std::iter::once(Decimal::ONE_HUNDRED))
                .collect();
            // Scores never go down as the achievement goes up (a scale whose scores do is
            // an error): the drawn scores, sorted, are each band's start and end in turn.
            let mut sorted: Vec<i64> = scores.iter().flat_map(|(_, a, b)| [*a, *b]).collect();
            sorted.sort_unstable();
            let scores: Vec<(bool, i64, i64)> = scores
                .iter()
                .enumerate()
                .map(|(i, (fixed, _, _))| {
                    if *fixed {
                        // A fixed band between its neighbours: its start and end are one.
                        (true, sorted[2 * i], sorted[2 * i])
                    } else {
                        (false, sorted[2 * i], sorted[2 * i + 1])
                    }
                })
                .collect();
            let bands = edges
                .windows(2)
                .zip(scores)
                .map(|(w, (fixed, a, b))| Band {
                    from: n(w[0]),
                    to: n(w[1]),
                    score: if fixed {
                        BandScore::Fixed(points(a))
                    } else {
                        BandScore::Linear(points(a), points(b))
                    },
                })
                .collect();
            Scoring::Bands {
                out_of: out_of.map(n),
                bands,
            }
        })
        .boxed()
}

/// An indicator's own way of scoring for a number or yes/no target (`None`: the plan's).
/// `GraceDays` means nothing for them but is the indicator's own, so the plan's bands do not
/// apply.
fn own_scoring() -> impl Strategy<Value = Option<Scoring>> {
    prop_oneof![
        20 => Just(None),
        5 => Just(Some(Scoring::AllOrNothing)),
        3 => bands().prop_map(Some),
        1 => Just(Some(Scoring::Proportional)),
        1 => Just(Some(Scoring::GraceDays(5))),
    ]
}

/// Now and then not assessable, with the reason.
fn not_assessable() -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.08, Just("no survey this year".to_string()))
}

fn override_of(v: i64) -> Override {
    Override {
        realization: n(Decimal::new(v, 2)),
        reason: "r".into(),
    }
}

fn indicator(id: String) -> BoxedStrategy<Indicator> {
    let numeric = (
        target(),
        proptest::option::weighted(0.8, number_result()),
        proptest::option::weighted(0.1, 0i64..=10_000),
        own_scoring(),
        not_assessable(),
    );
    let deadline = (
        0i64..40,
        proptest::option::weighted(0.9, 0i64..60),
        prop_oneof![
            3 => Just(None),
            3 => (1u32..40).prop_map(|g| Some(Scoring::GraceDays(g))),
            1 => Just(Some(Scoring::AllOrNothing)),
            1 => bands().prop_map(Some),
        ],
        not_assessable(),
    );
    let yes_no = (
        prop::bool::ANY,
        proptest::option::weighted(0.8, prop::bool::ANY),
        proptest::option::weighted(0.1, 0i64..=10_000),
        own_scoring(),
        not_assessable(),
    );
    let (id2, id3) = (id.clone(), id.clone());
    prop_oneof![
        8 => (numeric, prop::bool::ANY).prop_map(
            move |((target, result, over, scoring, not_assessable), percent)| Indicator {
                id: id.clone(),
                description: "x".into(),
                unit: if percent { Unit::Percent } else { Unit::Number },
                target,
                result,
                realization_override: over.map(override_of),
                note: None,
                baseline: None,
                scoring: scoring.map(Box::new),
                not_assessable,
                owner: None,
                target_changes: Vec::new(),
                periods: Default::default(),
            }
        ),
        2 => deadline.prop_map(move |(due, done, scoring, not_assessable)| {
            let day = |n: i64| NaiveDate::from_ymd_opt(2017, 11, 1).unwrap() + chrono::Duration::days(n);
            Indicator {
                id: id2.clone(),
                description: "x".into(),
                unit: Unit::Date,
                target: Target::Deadline(day(due)),
                result: done.map(|d| Value::Date(day(d))),
                realization_override: None,
                note: None,
                baseline: None,
                scoring: scoring.map(Box::new),
                not_assessable,
                owner: None,
                target_changes: Vec::new(),
                periods: Default::default(),
            }
        }),
        1 => yes_no.prop_map(move |(yes, result, over, scoring, not_assessable)| Indicator {
            id: id3.clone(),
            description: "x".into(),
            unit: Unit::YesNo,
            target: if yes { Target::Yes } else { Target::No },
            result: result.map(Value::Bool),
            realization_override: over.map(override_of),
            note: None,
            baseline: None,
            scoring: scoring.map(Box::new),
            not_assessable,
            owner: None,
            target_changes: Vec::new(),
            periods: Default::default(),
        }),
    ]
    .boxed()
}

fn weight() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        6 => (0i64..=40).prop_map(Decimal::from),
        6 => (1i64..=400).prop_map(|c| Decimal::new(c, 1)),
        6 => (1i64..=4000).prop_map(|c| Decimal::new(c, 2)),
        2 => (1i64..=3_000_000).prop_map(|c| Decimal::new(c, 6)),
        // Wrong weights: left out of the weighted scores.
        1 => prop::sample::select(vec![
            Decimal::from(-5),
            Decimal::from(150),
            Decimal::new(333_333_333_333, 10) / Decimal::from(10),
        ]),
    ]
}

/// A weight as written: mostly a number, now and then `Equal`.
fn written_weight() -> impl Strategy<Value = Weight> {
    prop_oneof![
        8 => weight().prop_map(Weight::from),
        1 => Just(Weight::Equal),
    ]
}

fn ind_list(
    prefix: String,
    lengths: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<Indicator>> {
    lengths.prop_flat_map(move |len| {
        (0..len)
            .map(|i| indicator(format!("{prefix}-{i}")))
            .collect::<Vec<_>>()
    })
}

fn operational(code: String) -> BoxedStrategy<OperationalObjective> {
    (
        written_weight(),
        ind_list(format!("{code}s"), 0..7),
        ind_list(format!("{code}o"), 0..7),
    )
        .prop_map(move |(weight, s, o)| OperationalObjective {
            code: code.clone(),
            title: code.clone(),
            weight,
            direct: false,
            owner: None,
            strategic_indicators: s,
            indicators: o,
        })
        .boxed()
}

/// A strategic objective: now and then with indicators of its own (held, in memory, by a
/// first operational objective marked `direct`), and then with no operational objective
/// at times; now and then with all its operational objectives `Equal`.
fn strategic(code: String) -> BoxedStrategy<StrategicObjective> {
    let children = code.clone();
    let own = code.clone();
    (
        written_weight(),
        proptest::option::weighted(0.3, ind_list(format!("{own}d"), 1..5)),
    )
        .prop_flat_map(move |(weight, own)| {
            let children = children.clone();
            let least = if own.is_some() { 0 } else { 1 };
            (
                Just(weight),
                Just(own),
                (least..4usize).prop_flat_map(move |len| {
                    (0..len)
                        .map(|i| operational(format!("{children}.{i}")))
                        .collect::<Vec<_>>()
                }),
                prop::bool::weighted(0.1),
            )
        })
        .prop_map(move |(weight, own, mut operational, all_equal)| {
            if all_equal {
                for oo in &mut operational {
                    oo.weight = Weight::Equal;
                }
            }
            if let Some(own) = own {
                operational.insert(
                    0,
                    OperationalObjective {
                        code: code.clone(),
                        title: String::new(),
                        weight: Weight::Given(Num::default()),
                        direct: true,
                        owner: None,
                        strategic_indicators: own,
                        indicators: vec![],
                    },
                );
            }
            StrategicObjective {
                code: code.clone(),
                title: code.clone(),
                weight,
                operational,
            }
        })
        .boxed()
}

fn precision() -> impl Strategy<Value = Precision> {
    prop_oneof![
        1 => Just(Precision::default()),
        2 => (0u32..=6, 0u32..=6, 0u32..=6).prop_map(|(indicators, objectives, overall)| Precision {
            indicators,
            objectives,
            overall,
        }),
    ]
}

fn plan_scoring() -> impl Strategy<Value = Option<Scoring>> {
    prop_oneof![
        6 => Just(None),
        3 => bands().prop_map(Some),
        1 => Just(Some(Scoring::AllOrNothing)),
        1 => Just(Some(Scoring::Proportional)),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (1usize..4).prop_flat_map(|perspectives| {
            (0..perspectives)
                .map(|p| {
                    (1usize..4).prop_flat_map(move |len| {
                        (0..len)
                            .map(|s| strategic(format!("{p}.{s}")))
                            .collect::<Vec<_>>()
                    })
                })
                .collect::<Vec<_>>()
        }),
        plan_scoring(),
        precision(),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(perspectives, scoring, precision, all_equal)| {
            let mut perspectives: Vec<Perspective> = perspectives
                .into_iter()
                .enumerate()
                .map(|(i, objectives)| Perspective {
                    name: format!("P{i}"),
                    objectives,
                })
                .collect();
            if all_equal {
                for so in perspectives.iter_mut().flat_map(|p| &mut p.objectives) {
                    so.weight = Weight::Equal;
                }
            }
            Plan {
                title: "t".into(),
                organization: "o".into(),
                year: 2017,
                locale: Locale::En,
                thresholds: Thresholds::default(),
                scoring,
                precision,
                periods: Vec::new(),
                offices: Vec::new(),
                perspectives,
            }
        })
}

// ---------------------------------------------------------------------------------------
// The generated plan as a user writes it
// ---------------------------------------------------------------------------------------

/// A RON string literal.
fn ron_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn ron_value(v: Value) -> String {
    match v {
        Value::Number(d) => d.to_string(),
        Value::Date(d) => format!("\"{}\"", d.format("%Y-%m-%d")),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::Ratio {
            numerator,
            denominator,
        } => format!("Ratio({numerator}, {denominator})"),
        Value::Bound { .. } => unreachable!("the generator writes no bounds"),
    }
}

fn ron_target(t: &Target) -> String {
    match t {
        Target::AtLeast(t) => format!("AtLeast({t})"),
        Target::MoreThan(t) => format!("MoreThan({t})"),
        Target::AtMost(t) => format!("AtMost({t})"),
        Target::LessThan(t) => format!("LessThan({t})"),
        Target::Exactly(t) => format!("Exactly({t})"),
        Target::Between { min, max } => format!("Between(min: {min}, max: {max})"),
        Target::Deadline(d) => format!("Deadline(\"{}\")", d.format("%Y-%m-%d")),
        Target::Yes => "Yes".into(),
        Target::No => "No".into(),
    }
}

fn ron_scoring(s: &Scoring) -> String {
    match s {
        Scoring::Proportional => "Proportional".into(),
        Scoring::AllOrNothing => "AllOrNothing".into(),
        Scoring::GraceDays(g) => format!("GraceDays({g})"),
        Scoring::Bands { out_of, bands } => {
            let mut out = String::from("Bands(");
            if let Some(top) = out_of {
                let _ = write!(out, "out_of: {top}, ");
            }
            out.push_str("bands: [");
            for b in bands {
                let score = match b.score {
                    BandScore::Fixed(s) => format!("Fixed({s})"),
                    BandScore::Linear(x, y) => format!("Linear({x}, {y})"),
                };
                let _ = write!(out, "(from: {}, to: {}, score: {score}), ", b.from, b.to);
            }
            out.push_str("])");
            out
        }
    }
}

fn ron_unit(u: &Unit) -> &'static str {
    match u {
        Unit::Percent => "Percent",
        Unit::Number => "Number",
        Unit::Date => "Date",
        Unit::YesNo => "YesNo",
        other => unreachable!("the generator writes no {other:?}"),
    }
}

fn ron_indicators(out: &mut String, key: &str, list: &[Indicator]) {
    let _ = writeln!(out, "{key}: [");
    for ind in list {
        let _ = write!(
            out,
            "(id: {}, description: {}, unit: {}, target: {}",
            ron_string(&ind.id),
            ron_string(&ind.description),
            ron_unit(&ind.unit),
            ron_target(&ind.target),
        );
        if let Some(r) = ind.result {
            let _ = write!(out, ", result: {}", ron_value(r));
        }
        if let Some(o) = &ind.realization_override {
            let _ = write!(
                out,
                ", override: (realization: {}, reason: {})",
                o.realization,
                ron_string(&o.reason)
            );
        }
        if let Some(s) = &ind.scoring {
            let _ = write!(out, ", scoring: {}", ron_scoring(s));
        }
        if let Some(reason) = &ind.not_assessable {
            let _ = write!(out, ", not_assessable: {}", ron_string(reason));
        }
        out.push_str("),\n");
    }
    out.push_str("],\n");
}

fn ron_weight(w: &Weight) -> String {
    match w {
        Weight::Given(n) => n.to_string(),
        Weight::Equal => "Equal".into(),
    }
}

/// The plan as a user writes it: a strategic objective's own indicators in its
/// `indicators` list, `Equal` weights, ratios and yes/no results in their own forms.
fn ron_text(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Plan(\ntitle: {},\norganization: {},\nyear: {},\nlocale: \"en\",",
        ron_string(&plan.title),
        ron_string(&plan.organization),
        plan.year
    );
    if let Some(s) = &plan.scoring {
        let _ = writeln!(out, "scoring: {},", ron_scoring(s));
    }
    let p = plan.precision;
    let _ = writeln!(
        out,
        "precision: (indicators: {}, objectives: {}, overall: {}),\nperspectives: [",
        p.indicators, p.objectives, p.overall
    );
    for persp in &plan.perspectives {
        let _ = writeln!(out, "(name: {}, objectives: [", ron_string(&persp.name));
        for so in &persp.objectives {
            let _ = writeln!(
                out,
                "(code: {}, title: {}, weight: {},",
                ron_string(&so.code),
                ron_string(&so.title),
                ron_weight(&so.weight)
            );
            let own = match so.operational.first() {
                Some(oo) if oo.direct => oo.strategic_indicators.as_slice(),
                _ => &[],
            };
            if !own.is_empty() {
                ron_indicators(&mut out, "indicators", own);
            }
            out.push_str("operational: [\n");
            for oo in written_operational(so) {
                let _ = writeln!(
                    out,
                    "(code: {}, title: {}, weight: {},",
                    ron_string(&oo.code),
                    ron_string(&oo.title),
                    ron_weight(&oo.weight)
                );
                ron_indicators(&mut out, "strategic_indicators", &oo.strategic_indicators);
                ron_indicators(&mut out, "indicators", &oo.indicators);
                out.push_str("),\n");
            }
            out.push_str("]),\n");
        }
        out.push_str("]),\n");
    }
    out.push_str("])\n");
    out
}

/// The scores kept up to date one edit at a time (as the app does while results are typed
/// and indicators marked not assessable) end equal, shown figures included, to the scores
/// computed in one go.
fn scores_edit_by_edit_equal_a_full_computation(plan: &Plan) {
    let mut blank = plan.clone();
    let paths: Vec<_> = blank.indicators().map(|(p, _)| p).collect();
    for p in &paths {
        let ind = blank.indicator_mut(*p);
        ind.result = None;
        ind.realization_override = None;
        ind.not_assessable = None;
    }
    let mut scores = Scores::compute(&blank);
    for p in paths {
        *blank.indicator_mut(p) = plan.indicator(p).clone();
        scores.update_indicator(&blank, p);
    }
    assert_eq!(scores, Scores::compute(plan));
}

/// Runs `check`, and on failure says the plan's text with the failure.
fn with_text(text: &str, check: impl FnOnce()) {
    if let Err(e) = catch_unwind(AssertUnwindSafe(check)) {
        let why = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
        match why {
            Some(why) => panic!("{why}\nthe plan:\n{text}"),
            None => resume_unwind(e),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_shown_figure_is_the_rounding_of_the_exact_value(plan in plan()) {
        // Through the file, as a user's plan comes: what is read is what was generated.
        let text = ron_text(&plan);
        let read = perfplan::store::parse(Path::new("generated.ron"), &text)
            .unwrap_or_else(|e| panic!("{e:?}\nthe plan:\n{text}"));
        prop_assert_eq!(&read, &plan, "read back from\n{}", text);
        with_text(&text, || {
            check_every_figure(&read);
            scores_edit_by_edit_equal_a_full_computation(&read);
        });
    }
}
