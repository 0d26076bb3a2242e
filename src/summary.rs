//! The scored plan as one flat-to-walk structure: what `perfplan score` prints and every
//! export writes. Built once from `Plan` + `Scores`; the writers only format it.

use rust_decimal::Decimal;

use crate::lang::{Lang, Say};
use crate::plan::{Indicator, Locale, Plan, Thresholds, Unit, Value};
use crate::score::{How, Layers, Mean, Outcome, Scores, Weighted};

/// A score with what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Percent, as shown: rounded half up to two decimals on the exact value (see
    /// `score::exact`); `None` while nothing under it is measured.
    pub value: Option<Decimal>,
    /// Indicators measured / all, under it.
    pub measured: usize,
    pub total: usize,
}

impl Score {
    pub fn is_provisional(&self) -> bool {
        self.measured < self.total
    }

    fn of_mean(m: &Mean, shown: Option<Decimal>) -> Score {
        Score {
            value: shown,
            measured: m.measured,
            total: m.total,
        }
    }

    fn of_weighted(w: &Weighted, shown: Option<Decimal>) -> Score {
        Score {
            value: shown,
            measured: w.indicators.measured,
            total: w.indicators.total,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    pub organization: String,
    pub year: i32,
    pub locale: Locale,
    pub thresholds: Thresholds,
    pub overall: Layers<Score>,
    pub perspectives: Vec<PerspectiveSummary>,
    /// The plan's errors, each with its place: the scores leave out what is wrong, and every
    /// output that shows them says so (an export of such a plan is a draft).
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveSummary {
    pub name: String,
    pub weight: Decimal,
    pub score: Layers<Score>,
    pub objectives: Vec<StrategicSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StrategicSummary {
    pub code: String,
    pub title: String,
    pub weight: Decimal,
    /// Flat mean of its strategic indicators.
    pub realization: Score,
    pub operational: Vec<OperationalSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OperationalSummary {
    pub code: String,
    pub title: String,
    pub weight: Decimal,
    /// Mean of its operational indicators.
    pub realization: Score,
    pub strategic_indicators: Vec<IndicatorSummary>,
    pub indicators: Vec<IndicatorSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSummary {
    pub id: String,
    pub description: String,
    pub unit: Unit,
    /// As the controller writes it, in the plan's locale: `>= 80 %`.
    pub target: String,
    pub result: Option<Value>,
    /// The result in the plan's locale and unit, empty while pending.
    pub result_text: String,
    /// As shown: rounded half up to two decimals on the exact value.
    pub realization: Option<Decimal>,
    pub pending: bool,
    /// Why it cannot be scored, when it cannot (a value that is wrong).
    pub unscorable: Option<String>,
    pub met: bool,
    pub overridden: bool,
    pub override_reason: Option<String>,
    pub note: Option<String>,
    pub baseline_text: Option<String>,
    /// How the realization was reached, in words and numbers.
    pub computation: String,
}

impl Summary {
    pub fn build(plan: &Plan, scores: &Scores) -> Summary {
        let loc = plan.locale;
        Summary {
            title: plan.title.clone(),
            organization: plan.organization.clone(),
            year: plan.year,
            locale: loc,
            thresholds: plan.thresholds.clone(),
            overall: Layers {
                strategic: Score::of_weighted(&scores.overall.strategic, scores.shown.strategic),
                operational: Score::of_weighted(
                    &scores.overall.operational,
                    scores.shown.operational,
                ),
            },
            errors: crate::validate::validate(plan)
                .iter()
                .filter(|f| f.severity == crate::validate::Severity::Error)
                .map(|f| f.say(Lang::of_locale(loc)))
                .collect(),
            perspectives: plan
                .perspectives
                .iter()
                .zip(&scores.perspectives)
                .map(|(p, ps)| PerspectiveSummary {
                    name: p.name.clone(),
                    weight: p.weight(),
                    score: Layers {
                        strategic: Score::of_weighted(&ps.score.strategic, ps.shown.strategic),
                        operational: Score::of_weighted(
                            &ps.score.operational,
                            ps.shown.operational,
                        ),
                    },
                    objectives: p
                        .objectives
                        .iter()
                        .zip(&ps.objectives)
                        .map(|(so, ss)| StrategicSummary {
                            code: so.code.clone(),
                            title: so.title.clone(),
                            weight: so.weight.value(),
                            realization: Score::of_mean(&ss.realization, ss.shown.strategic),
                            operational: so
                                .operational
                                .iter()
                                .zip(&ss.operational)
                                .map(|(oo, os)| OperationalSummary {
                                    code: oo.code.clone(),
                                    title: oo.title.clone(),
                                    weight: oo.weight.value(),
                                    realization: Score::of_mean(
                                        os.realization(),
                                        os.shown.operational,
                                    ),
                                    strategic_indicators: indicator_rows(
                                        loc,
                                        &oo.strategic_indicators,
                                        &os.outcomes.strategic,
                                    ),
                                    indicators: indicator_rows(
                                        loc,
                                        &oo.indicators,
                                        &os.outcomes.operational,
                                    ),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Whether any indicator is still pending: the scores are provisional.
    pub fn is_provisional(&self) -> bool {
        self.overall.strategic.is_provisional() || self.overall.operational.is_provisional()
    }

    /// Indicators of both layers: measured, total.
    pub fn indicator_counts(&self) -> (usize, usize) {
        let (s, o) = (&self.overall.strategic, &self.overall.operational);
        (s.measured + o.measured, s.total + o.total)
    }
}

fn indicator_rows(loc: Locale, inds: &[Indicator], outcomes: &[Outcome]) -> Vec<IndicatorSummary> {
    inds.iter()
        .zip(outcomes)
        .map(|(ind, out)| IndicatorSummary {
            id: ind.id.clone(),
            description: ind.description.clone(),
            unit: ind.unit.clone(),
            target: loc.target(&ind.target, &ind.unit),
            result: ind.result,
            result_text: ind
                .result
                .map(|v| loc.value(v, &ind.unit))
                .unwrap_or_default(),
            realization: out.shown(),
            pending: matches!(out, Outcome::Pending),
            unscorable: match out {
                Outcome::Unscorable(why) => Some(why.say(Lang::of_locale(loc))),
                _ => None,
            },
            met: matches!(out, Outcome::Scored(r) if r.met),
            overridden: ind.realization_override.is_some(),
            override_reason: ind.realization_override.as_ref().map(|o| o.reason.clone()),
            note: ind.note.clone(),
            baseline_text: ind.baseline.map(|v| loc.value(v, &ind.unit)),
            computation: explain(loc, ind, out),
        })
        .collect()
}

/// How an indicator's realization was reached: `72 / 80 = 90,00 %`.
pub fn explain(loc: Locale, ind: &Indicator, outcome: &Outcome) -> String {
    let r = match outcome {
        Outcome::Pending => return "pending: no result yet".to_string(),
        Outcome::Unscorable(why) => {
            return format!("cannot be scored: {}", why.say(Lang::of_locale(loc)));
        }
        Outcome::Scored(r) => r,
    };
    let pct = loc.percent(outcome.shown().unwrap_or(r.value));
    let result = ind
        .result
        .map(|v| loc.value(v, &ind.unit))
        .unwrap_or_else(|| "no result".to_string());
    let target = loc.target(&ind.target, &ind.unit);
    match r.how {
        How::Met => format!("{result} meets {target}: {pct}"),
        How::Ratio {
            numerator,
            denominator,
        } => format!(
            "{} / {} = {pct} (target {target} not met)",
            loc.number(numerator),
            loc.number(denominator)
        ),
        How::Deviation { result, target: t } => format!(
            "1 − |{} − {}| / {} = {pct} (target {target} not met)",
            loc.number(result),
            loc.number(t),
            loc.number(t.abs())
        ),
        How::Late { days, grace: 0 } => {
            format!("{result} is {days} day(s) past {target}: late, {pct}")
        }
        How::Late { days, grace } => format!(
            "{result} is {days} day(s) past {target}: 100 − 100 × {days} / {grace} grace days = {pct}"
        ),
        How::Missed => format!("{result} misses {target}: {pct}"),
        How::Override => {
            let reason = ind
                .realization_override
                .as_ref()
                .map(|o| o.reason.as_str())
                .unwrap_or("");
            format!("set by hand to {pct}: {reason}")
        }
    }
}
