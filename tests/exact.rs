//! Every shown figure is the half-up rounding of the exact value.
//!
//! The exact values here are computed by a scorer of this file's own, written from the
//! rules of plans/README.md in fractions of big integers: it shares no code with perfplan's
//! scoring, so a wrong rule or a wrong rounding on either side makes the comparison fail.

use std::path::Path;

use chrono::NaiveDate;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use perfplan::lang::Lang;
use perfplan::plan::{
    Indicator, Locale, Num, OperationalObjective, Override, Perspective, Plan, Scoring,
    StrategicObjective, Target, Thresholds, Unit, Value,
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

/// Half up, away from zero, to two decimals: the shown figure, as a fraction.
fn round2(x: &Q) -> Q {
    let hundred = int(100);
    let scaled = x.abs() * &hundred + Q::new(BigInt::one(), BigInt::from(2));
    let n = scaled.floor();
    let n = if x.is_negative() { -n } else { n };
    n / hundred
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

fn realization(ind: &Indicator) -> Option<Q> {
    // A range upside down is an error: such an indicator is not scored.
    if let Target::Between { min, max } = &ind.target
        && min.value() > max.value()
    {
        return None;
    }
    if let Some(o) = &ind.realization_override {
        return Some(q(o.realization.value()));
    }
    let all_or_nothing = ind.scoring == Some(Scoring::AllOrNothing);
    let missed = |score: Q| if all_or_nothing { Q::zero() } else { score };
    match (&ind.target, ind.result?) {
        (Target::Deadline(d), Value::Date(done)) => {
            let days = (done - *d).num_days();
            if days <= 0 {
                return Some(int(100));
            }
            let grace = match ind.scoring {
                Some(Scoring::GraceDays(g)) => i64::from(g),
                _ => 0,
            };
            Some(if grace > days {
                int(100) - int(100) * int(days) / int(grace)
            } else {
                Q::zero()
            })
        }
        (t, Value::Number(r)) => {
            let r = q(r);
            let hundred = int(100);
            Some(match t {
                Target::AtLeast(t) if r >= q(t.value()) => hundred,
                Target::MoreThan(t) if r > q(t.value()) => hundred,
                Target::AtLeast(t) | Target::MoreThan(t) => missed(share_of(&r, &q(t.value()))),
                Target::AtMost(t) if r <= q(t.value()) => hundred,
                Target::LessThan(t) if r < q(t.value()) => hundred,
                Target::AtMost(t) | Target::LessThan(t) => missed(inverse_share(&r, &q(t.value()))),
                Target::Exactly(t) if r == q(t.value()) => hundred,
                Target::Exactly(t) => {
                    let t = q(t.value());
                    missed(if t.is_zero() {
                        Q::zero()
                    } else {
                        (hundred * (Q::one() - (&r - &t).abs() / t.abs())).max(Q::zero())
                    })
                }
                Target::Between { min, max } => {
                    let (lo, hi) = (q(min.value()), q(max.value()));
                    if r < lo {
                        missed(share_of(&r, &lo))
                    } else if r > hi {
                        missed(inverse_share(&r, &hi))
                    } else {
                        hundred
                    }
                }
                Target::Deadline(_) | Target::Yes | Target::No => {
                    unreachable!("the generator pairs deadlines with dates, numbers with numbers")
                }
            })
        }
        _ => unreachable!("the generator pairs dates with deadlines"),
    }
}

fn mean(values: impl IntoIterator<Item = Option<Q>>) -> Option<Q> {
    let measured: Vec<Q> = values.into_iter().flatten().collect();
    if measured.is_empty() {
        return None;
    }
    let n = int(measured.len() as i64);
    Some(measured.into_iter().fold(Q::zero(), |a, b| a + b) / n)
}

/// A weight counts when it is a percentage (0 to 100) with at most ten decimals; any other
/// is an error and its objective is left out (plans/README.md, "Weights").
fn weight_counts(w: Decimal) -> bool {
    w >= Decimal::ZERO && w <= Decimal::ONE_HUNDRED && w.normalize().scale() <= 10
}

fn weighted(items: impl IntoIterator<Item = (Decimal, Option<Q>)>) -> Option<Q> {
    let mut sum = Q::zero();
    let mut weight = Q::zero();
    for (w, r) in items {
        if !weight_counts(w) {
            continue;
        }
        if let Some(r) = r {
            sum += q(w) * r;
            weight += q(w);
        }
    }
    weight.is_positive().then(|| sum / weight)
}

fn op_realization(oo: &OperationalObjective) -> Option<Q> {
    mean(oo.indicators.iter().map(realization))
}

fn so_realization(so: &StrategicObjective) -> Option<Q> {
    mean(
        so.operational
            .iter()
            .flat_map(|oo| oo.strategic_indicators.iter().map(realization)),
    )
}

fn strategic_items(p: &Perspective) -> Vec<(Decimal, Option<Q>)> {
    p.objectives
        .iter()
        .map(|so| {
            (
                so.weight.given().expect("weights written"),
                so_realization(so),
            )
        })
        .collect()
}

fn operational_items(p: &Perspective) -> Vec<(Decimal, Option<Q>)> {
    p.objectives
        .iter()
        .flat_map(|so| &so.operational)
        .map(|oo| {
            (
                oo.weight.given().expect("weights written"),
                op_realization(oo),
            )
        })
        .collect()
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

fn same(what: &str, shown: &Json, exact: Option<Q>) {
    let want = exact.as_ref().map(round2);
    assert_eq!(
        figure(shown),
        want,
        "{what}: perfplan shows {shown}, the exact value is {:?} ({:?})",
        exact.as_ref().map(|e| e.to_f64()),
        exact.map(|e| e.to_string())
    );
}

/// Checks every figure of `perfplan score --json` (the same figures every output shows)
/// against the independent exact scorer.
fn check_every_figure(plan: &Plan) {
    let summary = Summary::build(plan, &Scores::compute(plan), Lang::of_locale(plan.locale));
    let json = perfplan::report::json(&summary);
    let persp_json = json["perspectives"].as_array().unwrap();
    assert_eq!(persp_json.len(), plan.perspectives.len());
    for (p, pj) in plan.perspectives.iter().zip(persp_json) {
        assert_eq!(
            pj["objectives"].as_array().unwrap().len(),
            p.objectives.len()
        );
        same(
            &format!("{} strategic", p.name),
            &pj["score"]["strategic"],
            weighted(strategic_items(p)),
        );
        same(
            &format!("{} operational", p.name),
            &pj["score"]["operational"],
            weighted(operational_items(p)),
        );
        for (so, sj) in p
            .objectives
            .iter()
            .zip(pj["objectives"].as_array().unwrap())
        {
            same(&so.code, &sj["realization"], so_realization(so));
            for (oo, oj) in so
                .operational
                .iter()
                .zip(sj["operational"].as_array().unwrap())
            {
                same(&oo.code, &oj["realization"], op_realization(oo));
                for (list, key) in [
                    (&oo.strategic_indicators, "strategic_indicators"),
                    (&oo.indicators, "indicators"),
                ] {
                    assert_eq!(oj[key].as_array().unwrap().len(), list.len());
                    for (ind, ij) in list.iter().zip(oj[key].as_array().unwrap()) {
                        same(&ind.id, &ij["realization"], realization(ind));
                    }
                }
            }
        }
    }
    same(
        "overall strategic",
        &json["overall"]["strategic"],
        weighted(plan.perspectives.iter().flat_map(strategic_items)),
    );
    same(
        "overall operational",
        &json["overall"]["operational"],
        weighted(plan.perspectives.iter().flat_map(operational_items)),
    );
}

// ---------------------------------------------------------------------------------------
// The three ties the independent scorer found
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
        perspectives: vec![Perspective {
            name: "P".into(),
            objectives,
        }],
    }
}

fn json_of(plan: &Plan) -> Json {
    perfplan::report::json(&Summary::build(
        plan,
        &Scores::compute(plan),
        Lang::of_locale(plan.locale),
    ))
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

fn indicator(id: String) -> impl Strategy<Value = Indicator> {
    let numeric = (
        target(),
        proptest::option::weighted(0.8, small()),
        proptest::option::weighted(0.1, 0i64..=10_000),
        prop::bool::weighted(0.15),
    );
    let deadline = (0i64..40, 0i64..60, 0u32..40);
    let id2 = id.clone();
    prop_oneof![
        4 => (numeric, prop::bool::ANY).prop_map(move |((target, result, over, aon), percent)| Indicator {
            id: id.clone(),
            description: "x".into(),
            unit: if percent { Unit::Percent } else { Unit::Number },
            target,
            result: result.map(Value::Number),
            realization_override: over.map(|v| Override {
                realization: n(Decimal::new(v, 2)),
                reason: "r".into(),
            }),
            note: None,
            baseline: None,
            scoring: aon.then_some(Scoring::AllOrNothing),
            not_assessable: None,
        }),
        1 => deadline.prop_map(move |(due, done, grace)| {
            let day = |n: i64| NaiveDate::from_ymd_opt(2017, 11, 1).unwrap() + chrono::Duration::days(n);
            Indicator {
                id: id2.clone(),
                description: "x".into(),
                unit: Unit::Date,
                target: Target::Deadline(day(due)),
                result: Some(Value::Date(day(done))),
                realization_override: None,
                note: None,
                baseline: None,
                scoring: (grace > 0).then_some(Scoring::GraceDays(grace)),
                not_assessable: None,
            }
        }),
    ]
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

fn ind_list(prefix: String) -> impl Strategy<Value = Vec<Indicator>> {
    (0usize..7).prop_flat_map(move |len| {
        (0..len)
            .map(|i| indicator(format!("{prefix}-{i}")))
            .collect::<Vec<_>>()
    })
}

fn operational(code: String) -> impl Strategy<Value = OperationalObjective> {
    (
        weight(),
        ind_list(format!("{code}s")),
        ind_list(format!("{code}o")),
    )
        .prop_map(move |(w, s, o)| oo(&code, w, s, o))
}

fn strategic(code: String) -> impl Strategy<Value = StrategicObjective> {
    let children = code.clone();
    (
        weight(),
        (1usize..4).prop_flat_map(move |len| {
            (0..len)
                .map(|i| operational(format!("{children}.{i}")))
                .collect::<Vec<_>>()
        }),
    )
        .prop_map(move |(w, operational)| StrategicObjective {
            code: code.clone(),
            title: code.clone(),
            weight: n(w).into(),
            operational,
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..4)
        .prop_flat_map(|perspectives| {
            (0..perspectives)
                .map(|p| {
                    (1usize..4).prop_flat_map(move |len| {
                        (0..len)
                            .map(|s| strategic(format!("{p}.{s}")))
                            .collect::<Vec<_>>()
                    })
                })
                .collect::<Vec<_>>()
        })
        .prop_map(|perspectives| Plan {
            title: "t".into(),
            organization: "o".into(),
            year: 2017,
            locale: Locale::En,
            thresholds: Thresholds::default(),
            scoring: None,
            precision: Default::default(),
            perspectives: perspectives
                .into_iter()
                .enumerate()
                .map(|(i, objectives)| Perspective {
                    name: format!("P{i}"),
                    objectives,
                })
                .collect(),
        })
}

/// The scores kept up to date one edit at a time (as the app does while results are typed)
/// end equal, shown figures included, to the scores computed in one go.
fn scores_edit_by_edit_equal_a_full_computation(plan: &Plan) {
    let mut blank = plan.clone();
    let paths: Vec<_> = blank.indicators().map(|(p, _)| p).collect();
    for p in &paths {
        let ind = blank.indicator_mut(*p);
        ind.result = None;
        ind.realization_override = None;
    }
    let mut scores = Scores::compute(&blank);
    for p in paths {
        *blank.indicator_mut(p) = plan.indicator(p).clone();
        scores.update_indicator(&blank, p);
    }
    assert_eq!(scores, Scores::compute(plan));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_shown_figure_is_the_rounding_of_the_exact_value(plan in plan()) {
        check_every_figure(&plan);
        scores_edit_by_edit_equal_a_full_computation(&plan);
    }
}
