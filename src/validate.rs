//! What is wrong or odd in a plan, each finding with its place in the tree.
//!
//! A plan with errors still loads and scores (the controller may be half-way through
//! writing it); `perfplan check` exits 1 on errors, and the app shows every finding.
//! Findings are values ([`FindingKind`] with its numbers, a [`Place`]), put into words only
//! where they are shown (`lang::PlanWords`).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::plan::check::{self, ValueError, WeightError};
use crate::plan::weights::{self, Weights};
use crate::plan::{Indicator, IndicatorPath, Locale, NodePath, Plan, Scoring, Target, Unit, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Odd but scorable (weights that do not add up).
    Warning,
    /// Wrong: a value perfplan cannot score as written, or a rule of the format broken.
    Error,
}

/// One thing validation found. Said with [`Say`](crate::lang::Say): `finding.say(lang)`
/// gives "error: Processi interni › 2.1: …"; [`Finding::what`] the text after the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Where in the tree, or `None` for the plan as a whole.
    pub node: Option<NodePath>,
    /// Where, as the controller reads it (`place.say(lang)`).
    pub place: Place,
    pub kind: FindingKind,
    /// The plan's locale, in which the finding's numbers and dates are written.
    pub locale: Locale,
}

impl Finding {
    /// What was found, without severity and place, in `lang`.
    pub fn what(&self, lang: Lang) -> String {
        lang.words().finding(&self.kind, self.locale)
    }
}

/// A place in the tree as the controller reads it: "Processi interni › 2.1 › 2.1.1 ›
/// indicator 2.1.1-o1". The names and codes are the plan's own; only the words around them
/// ("indicator", "plan") depend on the language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The plan as a whole.
    Plan,
    Perspective {
        name: String,
    },
    Strategic {
        perspective: String,
        code: String,
    },
    Operational {
        perspective: String,
        strategic: String,
        code: String,
    },
    Indicator {
        perspective: String,
        strategic: String,
        operational: String,
        id: String,
    },
}

/// What validation found, with the values the message needs. Numbers are exact and are
/// written in the plan's locale when said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// A threshold outside 0–100.
    ThresholdsOutOfRange,
    /// The `fair` threshold above the `good` one.
    FairAboveGood {
        fair: Decimal,
        good: Decimal,
    },
    /// A plan with no perspectives.
    NoPerspectives,
    /// A perspective with no strategic objectives.
    NoStrategicObjectives,
    /// An objective whose weight is wrong: it is left out of the weighted scores.
    WrongWeight(WeightError),
    /// A strategic objective with no operational objectives.
    NoOperationalObjectives,
    /// A strategic objective's weight that is not the sum of its operational objectives'.
    WeightNotSum {
        weight: Decimal,
        sum: Decimal,
    },
    /// A strategic objective none of whose operational objectives has a strategic indicator.
    NoStrategicIndicators,
    /// An operational objective with no operational indicators.
    NoOperationalIndicators,
    /// The strategic objectives' weights do not add up to 100.
    TotalWeight {
        total: Decimal,
    },
    /// An indicator whose id is empty.
    EmptyId,
    /// An indicator whose id an earlier indicator has already.
    DuplicateId {
        id: String,
        first: Place,
    },
    /// An indicator without a description.
    NoDescription,
    /// A value that keeps the indicator from being scored.
    Unscorable(ValueError),
    /// A result date more than a year away from the plan's year.
    ResultDateFar {
        date: NaiveDate,
        year: i32,
    },
    /// A realization below the plan's `fair` threshold without the note the plan requires.
    NoteRequired {
        realization: Decimal,
        fair: Decimal,
    },
    /// A result more than 100 times its target's magnitude, or less than a hundredth of
    /// it: accepted, but worth a second look (a thousands dot, a percent as a fraction).
    CheckThisValue {
        result: Decimal,
        target: Decimal,
    },
    /// A date baseline on a unit that is not Date.
    BaselineNeedsNumber {
        unit: Unit,
    },
    /// A number baseline on the unit Date.
    BaselineNeedsDate,
    /// A negative target scored in proportion.
    NegativeTargetInProportion,
    /// GraceDays on a target that is not a deadline.
    GraceDaysWithoutDeadline,
    /// The plan's own way of scoring (its scale of bands) cannot score: every indicator
    /// that uses it is left unscored.
    PlanScoring(check::BandsError),
    /// `Equal` where the written weights beside it take the whole: it weighs nothing.
    EqualShareOfNothing,
    /// A baseline that does not go with the indicator's unit (a yes or no on a number, a
    /// ratio of a count), as a result would not.
    BaselineUnfit(ValueError),
    /// A precision finer than the figures can be shown with.
    PrecisionTooFine {
        decimals: u32,
    },
    /// A monitoring period of the plan without a name.
    PeriodWithoutName,
    /// Two monitoring periods of the plan with one name.
    PeriodTwice {
        name: String,
    },
    /// A monitoring period dated on or before the one listed before it.
    PeriodOutOfOrder {
        name: String,
        date: NaiveDate,
    },
    /// A monitoring period dated outside the plan's year.
    PeriodOutsideYear {
        name: String,
        date: NaiveDate,
        year: i32,
    },
    /// An indicator's values for a period the plan does not declare.
    UnknownPeriod {
        name: String,
    },
    /// An indicator's values for one period written twice (the first are used).
    PeriodValuesTwice {
        name: String,
    },
    /// A target change whose target before does not go with the indicator's unit.
    TargetChangeUnfit(ValueError),
    /// An indicator's values for the final period written among the periods: they are the
    /// indicator's own `result`, `override` and `note`.
    FinalPeriodValues {
        name: String,
    },
    /// Something found about an indicator's values at an intermediate period.
    AtPeriod {
        name: String,
        kind: Box<FindingKind>,
    },
    /// A target change without its reason.
    TargetChangeWithoutReason {
        date: NaiveDate,
    },
    /// An office of the plan's list without a name, or named twice.
    OfficeWithoutName,
    OfficeTwice {
        name: String,
    },
    /// An indicator owned by an office the plan's list does not have.
    OwnerNotListed {
        owner: String,
    },
    /// A target change dated outside the plan's year.
    TargetChangeOutsideYear {
        date: NaiveDate,
        year: i32,
    },
}

impl FindingKind {
    /// Whether the finding is about the values of one indicator ([`indicator_findings`]
    /// finds it again after an edit), as opposed to its id (which editing never changes,
    /// and which only the whole plan can check) or to an objective or the plan.
    pub fn is_about_values(&self) -> bool {
        match self {
            FindingKind::NoDescription
            | FindingKind::Unscorable(_)
            | FindingKind::ResultDateFar { .. }
            | FindingKind::CheckThisValue { .. }
            | FindingKind::NoteRequired { .. }
            | FindingKind::BaselineNeedsNumber { .. }
            | FindingKind::BaselineNeedsDate
            | FindingKind::BaselineUnfit(_)
            | FindingKind::NegativeTargetInProportion
            | FindingKind::GraceDaysWithoutDeadline
            | FindingKind::UnknownPeriod { .. }
            | FindingKind::PeriodValuesTwice { .. }
            | FindingKind::TargetChangeUnfit(_)
            | FindingKind::FinalPeriodValues { .. }
            | FindingKind::AtPeriod { .. }
            | FindingKind::TargetChangeWithoutReason { .. }
            | FindingKind::OwnerNotListed { .. }
            | FindingKind::TargetChangeOutsideYear { .. } => true,
            FindingKind::EmptyId
            | FindingKind::DuplicateId { .. }
            | FindingKind::ThresholdsOutOfRange
            | FindingKind::FairAboveGood { .. }
            | FindingKind::NoPerspectives
            | FindingKind::NoStrategicObjectives
            | FindingKind::WrongWeight(_)
            | FindingKind::NoOperationalObjectives
            | FindingKind::WeightNotSum { .. }
            | FindingKind::NoStrategicIndicators
            | FindingKind::NoOperationalIndicators
            | FindingKind::TotalWeight { .. }
            | FindingKind::PlanScoring(_)
            | FindingKind::EqualShareOfNothing
            | FindingKind::PrecisionTooFine { .. }
            | FindingKind::PeriodWithoutName
            | FindingKind::PeriodTwice { .. }
            | FindingKind::PeriodOutOfOrder { .. }
            | FindingKind::PeriodOutsideYear { .. }
            | FindingKind::OfficeWithoutName
            | FindingKind::OfficeTwice { .. } => false,
        }
    }
}

/// How many errors and warnings a list of findings has, said as "2 errors, 1 warning".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(findings: &[Finding]) -> Tally {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        Tally {
            errors,
            warnings: findings.len() - errors,
        }
    }
}

/// Names a node of the tree the way the controller reads it.
pub fn place(plan: &Plan, node: NodePath) -> Place {
    let p = |i: usize| plan.perspectives[i].name.clone();
    match node {
        NodePath::Perspective(i) => Place::Perspective { name: p(i) },
        NodePath::Strategic(i, s) => Place::Strategic {
            perspective: p(i),
            code: plan.perspectives[i].objectives[s].code.clone(),
        },
        NodePath::Operational(i, s, o) => {
            let so = &plan.perspectives[i].objectives[s];
            Place::Operational {
                perspective: p(i),
                strategic: so.code.clone(),
                code: so.operational[o].code.clone(),
            }
        }
        NodePath::Indicator(path) => {
            let so = &plan.perspectives[path.perspective].objectives[path.strategic];
            let oo = &so.operational[path.operational];
            Place::Indicator {
                perspective: p(path.perspective),
                strategic: so.code.clone(),
                // A strategic objective's own indicator has no operational objective.
                operational: if oo.direct {
                    String::new()
                } else {
                    oo.code.clone()
                },
                id: plan.indicator(path).id.clone(),
            }
        }
    }
}

struct Findings<'a> {
    plan: &'a Plan,
    list: Vec<Finding>,
}

impl Findings<'_> {
    fn push(&mut self, severity: Severity, node: Option<NodePath>, kind: FindingKind) {
        let place = match node {
            Some(n) => place(self.plan, n),
            None => Place::Plan,
        };
        self.list.push(Finding {
            severity,
            node,
            place,
            kind,
            locale: self.plan.locale,
        });
    }

    fn error(&mut self, node: impl Into<Option<NodePath>>, kind: FindingKind) {
        self.push(Severity::Error, node.into(), kind);
    }

    fn warning(&mut self, node: impl Into<Option<NodePath>>, kind: FindingKind) {
        self.push(Severity::Warning, node.into(), kind);
    }
}

/// A weight sum to six decimals, half up: for a message where two would hide a difference.
fn six_decimals(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Checks a plan; findings come in tree order, errors and warnings mixed.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    let mut f = Findings {
        plan,
        list: Vec::new(),
    };
    let hundred = Decimal::ONE_HUNDRED;

    let (good, fair) = (plan.thresholds.good.value(), plan.thresholds.fair.value());
    if !(Decimal::ZERO..=hundred).contains(&good) || !(Decimal::ZERO..=hundred).contains(&fair) {
        f.error(None, FindingKind::ThresholdsOutOfRange);
    }
    if fair > good {
        f.error(None, FindingKind::FairAboveGood { fair, good });
    }
    if plan.perspectives.is_empty() {
        f.warning(None, FindingKind::NoPerspectives);
    }
    if let Some(e) = plan.scoring.as_ref().and_then(check::scoring_error) {
        f.error(None, FindingKind::PlanScoring(e));
    }
    let p = plan.precision;
    for decimals in [p.indicators, p.objectives, p.overall] {
        if decimals > crate::plan::Precision::MAX {
            f.error(None, FindingKind::PrecisionTooFine { decimals });
            break;
        }
    }

    check_periods(&mut f);
    for (i, o) in plan.offices.iter().enumerate() {
        if o.name.trim().is_empty() {
            f.error(None, FindingKind::OfficeWithoutName);
        } else if plan.offices[..i].iter().any(|p| p.name == o.name) {
            f.error(
                None,
                FindingKind::OfficeTwice {
                    name: o.name.clone(),
                },
            );
        }
    }

    // Weights are compared exactly: six equal shares of 100 add up to 100, although 100/6
    // has no exact decimal.
    let weights = Weights::of(plan);
    let mut total_weight = Vec::new();
    for (pi, persp) in plan.perspectives.iter().enumerate() {
        if persp.objectives.is_empty() {
            f.warning(
                NodePath::Perspective(pi),
                FindingKind::NoStrategicObjectives,
            );
        }
        for (si, so) in persp.objectives.iter().enumerate() {
            let node = NodePath::Strategic(pi, si);
            let share = weights.strategic(pi, si);
            total_weight.push(share);
            if let Some(e) = share.error() {
                f.error(node, FindingKind::WrongWeight(e));
            } else if share.equal && share.numerator.is_zero() {
                f.warning(node, FindingKind::EqualShareOfNothing);
            }
            let written: Vec<usize> = so.written_operational().map(|(oi, _)| oi).collect();
            if written.is_empty() {
                // Measured by its own indicators alone: no operational layer to weigh.
                if so.direct_indicators().is_empty() {
                    f.warning(node, FindingKind::NoOperationalObjectives);
                }
                continue;
            }
            if so
                .operational
                .iter()
                .all(|o| o.strategic_indicators.is_empty())
            {
                f.warning(node, FindingKind::NoStrategicIndicators);
            }
            let shares: Vec<_> = written
                .iter()
                .map(|oi| weights.operational(pi, si, *oi))
                .collect();
            if share.counts() && weights::exact_sum(&shares) != weights::exact_sum(&[share]) {
                // Shown as tables show weights; where that rounding hides the difference
                // (an equal sixth, 16,67, against 8,33 + 8,34), with six decimals.
                let (mut weight, mut sum) = (share.shown(), weights::shown_sum(&shares));
                if weight == sum {
                    weight = six_decimals(share.value());
                    sum = six_decimals(weights::decimal_sum(&shares));
                }
                f.warning(node, FindingKind::WeightNotSum { weight, sum });
            }
            for oi in written {
                let node = NodePath::Operational(pi, si, oi);
                let oo = &so.operational[oi];
                let share = weights.operational(pi, si, oi);
                if let Some(e) = share.error() {
                    f.error(node, FindingKind::WrongWeight(e));
                } else if share.equal && share.numerator.is_zero() {
                    f.warning(node, FindingKind::EqualShareOfNothing);
                }
                if oo.indicators.is_empty() {
                    f.warning(node, FindingKind::NoOperationalIndicators);
                }
            }
        }
    }
    let hundred_share = [weights::Share::from(hundred)];
    if !plan.perspectives.is_empty()
        && weights::exact_sum(&total_weight) != weights::exact_sum(&hundred_share)
    {
        let mut total = weights::shown_sum(&total_weight);
        if total == hundred {
            // Rounding hid the difference: six decimals show it.
            total = six_decimals(weights::decimal_sum(&total_weight));
        }
        f.warning(None, FindingKind::TotalWeight { total });
    }

    let mut first_seen: HashMap<&str, IndicatorPath> = HashMap::new();
    for (path, ind) in plan.indicators() {
        if ind.id.trim().is_empty() {
            f.error(NodePath::Indicator(path), FindingKind::EmptyId);
        } else if let Some(first) = first_seen.insert(ind.id.as_str(), path) {
            let first_place = place(plan, NodePath::Indicator(first));
            first_seen.insert(ind.id.as_str(), first);
            f.error(
                NodePath::Indicator(path),
                FindingKind::DuplicateId {
                    id: ind.id.clone(),
                    first: first_place,
                },
            );
        }
        check_indicator(&mut f, path, ind);
    }
    f.list
}

/// The plan's monitoring periods: named, once each, in date order, in the plan's year.
fn check_periods(f: &mut Findings<'_>) {
    let plan = f.plan;
    for (i, p) in plan.periods.iter().enumerate() {
        if p.name.trim().is_empty() {
            f.error(None, FindingKind::PeriodWithoutName);
        } else if plan.periods[..i].iter().any(|q| q.name == p.name) {
            f.error(
                None,
                FindingKind::PeriodTwice {
                    name: p.name.clone(),
                },
            );
        }
        if i > 0 && p.date <= plan.periods[i - 1].date {
            f.error(
                None,
                FindingKind::PeriodOutOfOrder {
                    name: p.name.clone(),
                    date: p.date,
                },
            );
        }
        if p.date.year() != plan.year {
            f.warning(
                None,
                FindingKind::PeriodOutsideYear {
                    name: p.name.clone(),
                    date: p.date,
                    year: plan.year,
                },
            );
        }
    }
}

fn check_indicator(f: &mut Findings<'_>, path: IndicatorPath, ind: &Indicator) {
    let node = NodePath::Indicator(path);
    if ind.description.trim().is_empty() {
        f.warning(node, FindingKind::NoDescription);
    }
    // An owner the plan's list of offices does not have (when it has one).
    if !f.plan.offices.is_empty()
        && let Some(owner) = f.plan.owner_of(path)
        && f.plan.office(owner).is_none()
    {
        f.warning(
            node,
            FindingKind::OwnerNotListed {
                owner: owner.to_string(),
            },
        );
    }
    let before = f.list.len();
    check_values(f, node, ind);
    for c in &ind.target_changes {
        if let Some(e) = check::target_error(ind, &c.from) {
            f.error(node, FindingKind::TargetChangeUnfit(e));
        }
        if c.reason.trim().is_empty() {
            f.error(
                node,
                FindingKind::TargetChangeWithoutReason { date: c.date },
            );
        }
        if c.date.year() != f.plan.year {
            f.warning(
                node,
                FindingKind::TargetChangeOutsideYear {
                    date: c.date,
                    year: f.plan.year,
                },
            );
        }
    }
    // The values of each intermediate period, checked as the year's are; what is found
    // already about the year's values is not said again for each period.
    let year: Vec<FindingKind> = f.list[before..].iter().map(|x| x.kind.clone()).collect();
    for (i, (name, _)) in ind.periods.0.iter().enumerate() {
        if ind.periods.0[..i].iter().any(|(n, _)| n == name) {
            f.error(node, FindingKind::PeriodValuesTwice { name: name.clone() });
            continue;
        }
        if f.plan.final_period() == Some(name.as_str()) {
            f.error(node, FindingKind::FinalPeriodValues { name: name.clone() });
            continue;
        }
        if f.plan.intermediate(Some(name)).is_none() {
            f.error(node, FindingKind::UnknownPeriod { name: name.clone() });
            continue;
        }
        let view = ind.at(Some(name));
        let mut inner = Findings {
            plan: f.plan,
            list: Vec::new(),
        };
        check_values(&mut inner, node, &view);
        for found in inner.list {
            if year.contains(&found.kind) {
                continue;
            }
            f.push(
                found.severity,
                Some(node),
                FindingKind::AtPeriod {
                    name: name.clone(),
                    kind: Box::new(found.kind),
                },
            );
        }
    }
}

/// The findings about an indicator's target, result, override, note and baseline.
fn check_values(f: &mut Findings<'_>, node: NodePath, ind: &Indicator) {
    for e in check::value_errors(ind) {
        f.error(node, FindingKind::Unscorable(e));
    }
    // A result that reads but that the plan's way of scoring cannot decide (a bound), or a
    // ratio too large to compare: found by scoring it (only these kinds of result).
    let plan_scoring = f.plan.default_scoring();
    if matches!(ind.result, Some(Value::Bound { .. } | Value::Ratio { .. }))
        && let crate::score::Outcome::Unscorable(e) = crate::score::outcome(ind, plan_scoring)
        && matches!(
            e,
            ValueError::BoundUndecidable { .. }
                | ValueError::RatioDenominatorNotPositive { .. }
                | ValueError::RatioTooLarge
        )
        && !check::value_errors(ind).contains(&e)
    {
        f.error(node, FindingKind::Unscorable(e));
    }
    if let Some((realization, fair)) = note_missing(f.plan, ind) {
        f.warning(node, FindingKind::NoteRequired { realization, fair });
    }
    if let Some((result, target)) = implausible(ind) {
        f.warning(node, FindingKind::CheckThisValue { result, target });
    }
    if let Some(Value::Date(d)) = ind.result
        && (d.year() - f.plan.year).abs() > 1
    {
        f.warning(
            node,
            FindingKind::ResultDateFar {
                date: d,
                year: f.plan.year,
            },
        );
    }
    if let Some(v) = ind.baseline {
        let want_date = ind.unit.is_date();
        match v {
            Value::Date(_) if !want_date => f.error(
                node,
                FindingKind::BaselineNeedsNumber {
                    unit: ind.unit.clone(),
                },
            ),
            Value::Number(_) if want_date => f.error(node, FindingKind::BaselineNeedsDate),
            // A yes or no, a ratio or a bound that does not go with the unit, as a result
            // would not.
            Value::Bool(_) | Value::Ratio { .. } | Value::Bound { .. } | Value::Number(_)
                if ind.unit.is_yes_no() || !matches!(v, Value::Number(_)) =>
            {
                if let Some(e) = check::value_kind_error(&ind.unit, v) {
                    f.error(node, FindingKind::BaselineUnfit(e));
                }
            }
            _ => {}
        }
    }
    let negative_target = ind.target.numbers().any(|n| n < Decimal::ZERO);
    if !ind.unit.is_count()
        && matches!(
            ind.scoring_in(plan_scoring),
            Scoring::Proportional | Scoring::Bands { .. }
        )
        && !matches!(ind.target, Target::Exactly(_))
        && negative_target
    {
        f.warning(node, FindingKind::NegativeTargetInProportion);
    }
    if matches!(ind.scoring.as_deref(), Some(Scoring::GraceDays(_))) && !ind.target.is_deadline() {
        f.warning(node, FindingKind::GraceDaysWithoutDeadline);
    }
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The realization and the `fair` threshold, when the plan requires a note below it and
/// the indicator's result lacks one.
pub fn note_missing(plan: &Plan, ind: &Indicator) -> Option<(Decimal, Decimal)> {
    let given = |t: Option<&str>| t.is_some_and(|t| !t.trim().is_empty());
    // An override's reason already says why the realization is what it is.
    if !plan.thresholds.note_below_fair
        || given(ind.note.as_deref())
        || given(ind.realization_override.as_ref().map(|o| o.reason.as_str()))
    {
        return None;
    }
    let fair = plan.thresholds.fair.value();
    let realization = crate::score::outcome(ind, plan.default_scoring()).realization()?;
    (realization < fair).then_some((realization, fair))
}

/// A number result far from its target's magnitude (more than 100 times it, or under a
/// hundredth of it), with the target it was compared with.
fn implausible(ind: &Indicator) -> Option<(Decimal, Decimal)> {
    let Some(Value::Number(result)) = ind.result else {
        return None;
    };
    let target = ind.target.numbers().map(|t| t.abs()).max()?;
    let r = result.abs();
    if target.is_zero() || r.is_zero() {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let far = r.checked_div(target).is_some_and(|q| q > hundred)
        || target.checked_div(r).is_some_and(|q| q > hundred);
    far.then_some((result, target))
}

/// The findings about one indicator alone (its values, not its id's uniqueness): what
/// changes when the controller edits it, so the app can refresh just these.
pub fn indicator_findings(plan: &Plan, path: IndicatorPath) -> Vec<Finding> {
    let mut f = Findings {
        plan,
        list: Vec::new(),
    };
    check_indicator(&mut f, path, plan.indicator(path));
    f.list
}
