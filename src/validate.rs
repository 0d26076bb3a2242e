//! What is wrong or odd in a plan, each finding with its place in the tree.
//!
//! A plan with errors still loads and scores (the controller may be half-way through
//! writing it); `perfplan check` exits 1 on errors, and the app shows every finding.

use std::collections::HashMap;
use std::fmt;

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::plan::check;
use crate::plan::{Indicator, IndicatorPath, NodePath, Plan, Scoring, Target, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Odd but scorable (weights that do not add up).
    Warning,
    /// Wrong: a value perfplan cannot score as written, or a rule of the format broken.
    Error,
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Where in the tree, or `None` for the plan as a whole.
    pub node: Option<NodePath>,
    /// The place in words: "Processi interni › 2.1 › 2.1.1 › 2.1.1-o1".
    pub place: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{label}: {}: {}", self.place, self.message)
    }
}

/// Names a node of the tree the way the controller reads it.
pub fn place(plan: &Plan, node: NodePath) -> String {
    let p = |i: usize| plan.perspectives[i].name.as_str();
    match node {
        NodePath::Perspective(i) => p(i).to_string(),
        NodePath::Strategic(i, s) => {
            format!("{} › {}", p(i), plan.perspectives[i].objectives[s].code)
        }
        NodePath::Operational(i, s, o) => {
            let so = &plan.perspectives[i].objectives[s];
            format!("{} › {} › {}", p(i), so.code, so.operational[o].code)
        }
        NodePath::Indicator(path) => {
            let so = &plan.perspectives[path.perspective].objectives[path.strategic];
            format!(
                "{} › {} › {} › indicator {}",
                p(path.perspective),
                so.code,
                so.operational[path.operational].code,
                plan.indicator(path).id
            )
        }
    }
}

struct Findings<'a> {
    plan: &'a Plan,
    list: Vec<Finding>,
}

impl Findings<'_> {
    fn push(&mut self, severity: Severity, node: Option<NodePath>, message: String) {
        let place = match node {
            Some(n) => place(self.plan, n),
            None => "plan".to_string(),
        };
        self.list.push(Finding {
            severity,
            node,
            place,
            message,
        });
    }

    fn error(&mut self, node: impl Into<Option<NodePath>>, message: String) {
        self.push(Severity::Error, node.into(), message);
    }

    fn warning(&mut self, node: impl Into<Option<NodePath>>, message: String) {
        self.push(Severity::Warning, node.into(), message);
    }
}

/// Checks a plan; findings come in tree order, errors and warnings mixed.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    let mut f = Findings {
        plan,
        list: Vec::new(),
    };
    let loc = plan.locale;
    let hundred = Decimal::ONE_HUNDRED;

    let (good, fair) = (plan.thresholds.good.value(), plan.thresholds.fair.value());
    if !(Decimal::ZERO..=hundred).contains(&good) || !(Decimal::ZERO..=hundred).contains(&fair) {
        f.error(None, "thresholds must lie between 0 and 100".to_string());
    }
    if fair > good {
        f.error(
            None,
            format!(
                "threshold `fair` ({}) is above `good` ({})",
                loc.number(fair),
                loc.number(good)
            ),
        );
    }
    if plan.perspectives.is_empty() {
        f.warning(None, "the plan has no perspectives yet".to_string());
    }

    let mut total_weight = Decimal::ZERO;
    for (pi, persp) in plan.perspectives.iter().enumerate() {
        if persp.objectives.is_empty() {
            f.warning(
                NodePath::Perspective(pi),
                "has no strategic objectives".to_string(),
            );
        }
        for (si, so) in persp.objectives.iter().enumerate() {
            let node = NodePath::Strategic(pi, si);
            let weight = so.weight.value();
            total_weight = total_weight.saturating_add(weight);
            if let Some(e) = check::weight_error(weight) {
                f.error(
                    node,
                    format!("{e}; the objective is left out of the weighted scores"),
                );
            }
            if so.operational.is_empty() {
                f.warning(node, "has no operational objectives".to_string());
                continue;
            }
            let sum = so
                .operational
                .iter()
                .fold(Decimal::ZERO, |sum, o| sum.saturating_add(o.weight.value()));
            if sum != weight {
                f.warning(
                    node,
                    format!(
                        "weight {} % differs from the sum of its operational objectives' weights, {} %",
                        loc.number(weight),
                        loc.number(sum)
                    ),
                );
            }
            if so
                .operational
                .iter()
                .all(|o| o.strategic_indicators.is_empty())
            {
                f.warning(
                    node,
                    "has no strategic indicators, so it gets no realization".to_string(),
                );
            }
            for (oi, oo) in so.operational.iter().enumerate() {
                let node = NodePath::Operational(pi, si, oi);
                if let Some(e) = check::weight_error(oo.weight.value()) {
                    f.error(
                        node,
                        format!("{e}; the objective is left out of the weighted scores"),
                    );
                }
                if oo.indicators.is_empty() {
                    f.warning(
                        node,
                        "has no operational indicators, so it gets no realization".to_string(),
                    );
                }
            }
        }
    }
    if !plan.perspectives.is_empty() && total_weight != hundred {
        f.warning(
            None,
            format!(
                "the strategic objectives' weights add up to {} %, not 100 %",
                loc.number(total_weight)
            ),
        );
    }

    let mut first_seen: HashMap<&str, IndicatorPath> = HashMap::new();
    for (path, ind) in plan.indicators() {
        if ind.id.trim().is_empty() {
            f.error(NodePath::Indicator(path), "has an empty id".to_string());
        } else if let Some(first) = first_seen.insert(ind.id.as_str(), path) {
            let first_place = place(plan, NodePath::Indicator(first));
            first_seen.insert(ind.id.as_str(), first);
            f.error(
                NodePath::Indicator(path),
                format!(
                    "the id \"{}\" is also used by {first_place}; ids must be unique",
                    ind.id
                ),
            );
        }
        check_indicator(&mut f, path, ind);
    }
    f.list
}

fn kind_of(v: Value) -> &'static str {
    match v {
        Value::Number(_) => "a number",
        Value::Date(_) => "a date",
    }
}

fn check_indicator(f: &mut Findings<'_>, path: IndicatorPath, ind: &Indicator) {
    let node = NodePath::Indicator(path);
    let loc = f.plan.locale;
    // Named only in messages: most indicators have none, and this runs 100,000 times on a
    // big plan.
    let unit = || crate::store::write::unit(&ind.unit);
    if ind.description.trim().is_empty() {
        f.warning(node, "has no description".to_string());
    }
    for e in check::value_errors(ind) {
        f.error(node, format!("{e}; it cannot be scored"));
    }
    if let Some(Value::Date(d)) = ind.result
        && (d.year() - f.plan.year).abs() > 1
    {
        f.warning(
            node,
            format!(
                "the result date {} is far from the plan's year {}: is the year right?",
                loc.date(d),
                f.plan.year
            ),
        );
    }
    if let Some(v) = ind.baseline {
        let want_date = ind.unit.is_date();
        match v {
            Value::Date(_) if !want_date => f.error(
                node,
                format!(
                    "the baseline is {}, but the unit is {}: write a number",
                    kind_of(v),
                    unit()
                ),
            ),
            Value::Number(_) if want_date => f.error(
                node,
                format!(
                    "the baseline is {}, but the unit is Date: write a date like \"2017-12-31\"",
                    kind_of(v)
                ),
            ),
            _ => {}
        }
    }
    let negative_target = ind.target.numbers().any(|n| n < Decimal::ZERO);
    if !ind.unit.is_count()
        && ind.scoring == Scoring::Proportional
        && !matches!(ind.target, Target::Exactly(_))
        && negative_target
    {
        f.warning(
            node,
            "a negative target cannot be scored in proportion: a missed one scores 0 %; \
             write `scoring: AllOrNothing` to say so"
                .to_string(),
        );
    }
    if matches!(ind.scoring, Scoring::GraceDays(_)) && !ind.target.is_deadline() {
        f.warning(
            node,
            "GraceDays applies only to deadlines; this target is scored proportionally".to_string(),
        );
    }
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
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
