//! The scored plan as one flat-to-walk structure: what `perfplan score` prints and every
//! export writes. Built once from `Plan` + `Scores`; the writers only format it.

use rust_decimal::Decimal;

use crate::export::words::{Column, Computation, Figures, Label};
use crate::lang::{Lang, Say};
use crate::plan::check::ValueError;
use crate::plan::{Indicator, Locale, Plan, Thresholds, Unit, Value};
use crate::score::{How, Layers, Mean, Outcome, Scores, Weighted};
use crate::validate::{Finding, Severity};

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
    /// The language it is written in (numbers and dates follow `locale`).
    pub lang: Lang,
    pub thresholds: Thresholds,
    pub overall: Layers<Score>,
    pub perspectives: Vec<PerspectiveSummary>,
    /// The plan's errors, each with its place: the scores leave out what is wrong, and every
    /// output that shows them says so (an export of such a plan is a draft).
    pub errors: Vec<Finding>,
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
    pub unscorable: Option<ValueError>,
    pub met: bool,
    pub overridden: bool,
    pub override_reason: Option<String>,
    pub note: Option<String>,
    pub baseline_text: Option<String>,
    /// How the realization was reached, in words (the summary's language) and numbers.
    pub computation: String,
}

impl Summary {
    /// The summary of `plan` scored as `scores`, in `lang` (see `Lang::for_plan`).
    pub fn build(plan: &Plan, scores: &Scores, lang: Lang) -> Summary {
        let loc = plan.locale;
        Summary {
            title: plan.title.clone(),
            organization: plan.organization.clone(),
            year: plan.year,
            locale: loc,
            lang,
            thresholds: plan.thresholds.clone(),
            overall: Layers {
                strategic: Score::of_weighted(&scores.overall.strategic, scores.shown.strategic),
                operational: Score::of_weighted(
                    &scores.overall.operational,
                    scores.shown.operational,
                ),
            },
            errors: crate::validate::validate(plan)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
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
                                        lang,
                                        loc,
                                        &oo.strategic_indicators,
                                        &os.outcomes.strategic,
                                    ),
                                    indicators: indicator_rows(
                                        lang,
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

    /// A fixed word, in the summary's language.
    pub fn word(&self, label: Label) -> &'static str {
        self.lang.words().label(label)
    }

    /// A column's heading, in the summary's language (with the plan's year where the
    /// documents put it).
    pub fn column(&self, column: Column) -> String {
        self.lang.words().column(column, self.year)
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

fn indicator_rows(
    lang: Lang,
    loc: Locale,
    inds: &[Indicator],
    outcomes: &[Outcome],
) -> Vec<IndicatorSummary> {
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
                Outcome::Unscorable(why) => Some(why.clone()),
                _ => None,
            },
            met: matches!(out, Outcome::Scored(r) if r.met),
            overridden: ind.realization_override.is_some(),
            override_reason: ind.realization_override.as_ref().map(|o| o.reason.clone()),
            note: ind.note.clone(),
            baseline_text: ind.baseline.map(|v| loc.value(v, &ind.unit)),
            computation: explain(lang, loc, ind, out),
        })
        .collect()
}

/// How an indicator's realization was reached, in `lang`, with the figures in the plan's
/// locale: `72 / 80 = 90,00 % (target >= 80 not met)`.
pub fn explain(lang: Lang, loc: Locale, ind: &Indicator, outcome: &Outcome) -> String {
    computation(loc, ind, outcome).say(lang)
}

/// How an indicator's realization was reached, as a value.
fn computation<'a>(loc: Locale, ind: &'a Indicator, outcome: &'a Outcome) -> Computation<'a> {
    let r = match outcome {
        Outcome::Pending => return Computation::Pending,
        Outcome::Unscorable(why) => return Computation::Unscorable(why),
        Outcome::Scored(r) => r,
    };
    let percent = loc.percent(outcome.shown().unwrap_or(r.value));
    let figures = Figures {
        result: ind.result.map(|v| loc.value(v, &ind.unit)),
        target: loc.target(&ind.target, &ind.unit),
        percent: percent.clone(),
    };
    match r.how {
        How::Met => Computation::Met(figures),
        How::Ratio {
            numerator,
            denominator,
        } => Computation::Ratio {
            numerator: loc.number(numerator),
            denominator: loc.number(denominator),
            figures,
        },
        How::Deviation { result, target } => Computation::Deviation {
            result: loc.number(result),
            target: loc.number(target),
            divisor: loc.number(target.abs()),
            figures,
        },
        How::Late { days, grace } => Computation::Late {
            days,
            grace,
            figures,
        },
        How::Missed => Computation::Missed(figures),
        How::Override => Computation::Override {
            percent,
            reason: ind
                .realization_override
                .as_ref()
                .map(|o| o.reason.as_str())
                .unwrap_or(""),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"Plan(title: "T", organization: "O", year: 2018, perspectives: [
      Perspective(name: "P", objectives: [StrategicObjective(code: "1", title: "S", weight: 100, operational: [
        OperationalObjective(code: "1.1", title: "O", weight: 100,
          strategic_indicators: [
            Indicator(id: "grace", description: "d", unit: Date, target: Deadline("2018-06-30"), result: "2018-07-15", scoring: GraceDays(30)),
          ],
          indicators: [
            Indicator(id: "ratio", description: "d", unit: Count, target: AtLeast(3), result: 2),
            Indicator(id: "exact", description: "d", unit: Number, target: Exactly(100), result: 90),
            Indicator(id: "late", description: "d", unit: Date, target: Deadline("2018-06-30"), result: "2018-07-01"),
            Indicator(id: "met", description: "d", unit: Percent, target: AtLeast(60), result: 65),
            Indicator(id: "hand", description: "d", unit: Percent, target: AtLeast(60), result: 55,
              override: (realization: 91.4, reason: "Come da delibera")),
            Indicator(id: "pending", description: "d", unit: Percent, target: AtLeast(60)),
          ])])])])"#;

    /// How each indicator of `PLAN` was scored, by id, in `lang`.
    fn how(lang: Lang) -> Vec<(String, String)> {
        let plan = crate::store::parse(std::path::Path::new("t.ron"), PLAN).unwrap();
        let summary = Summary::build(&plan, &Scores::compute(&plan), lang);
        let oo = &summary.perspectives[0].objectives[0].operational[0];
        oo.strategic_indicators
            .iter()
            .chain(&oo.indicators)
            .map(|i| (i.id.clone(), i.computation.clone()))
            .collect()
    }

    #[test]
    fn how_a_realization_was_reached_is_said_in_the_summarys_language() {
        let said = |lang, id: &str| {
            how(lang)
                .into_iter()
                .find(|(i, _)| i == id)
                .map(|(_, how)| how)
                .unwrap()
        };
        for (id, italian, english) in [
            (
                "grace",
                "15/07/2018: 15 giorni oltre la scadenza <= 30/06/2018: 100 − 100 × 15 / 30 giorni di tolleranza = 50,00 %",
                "15/07/2018 is 15 days past <= 30/06/2018: 100 − 100 × 15 / 30 grace days = 50,00 %",
            ),
            (
                "late",
                "01/07/2018: 1 giorno oltre la scadenza <= 30/06/2018, in ritardo: 0,00 %",
                "01/07/2018 is 1 day past <= 30/06/2018: late, 0,00 %",
            ),
            (
                "ratio",
                "2 / 3 = 66,67 % (target >= 3 non raggiunto)",
                "2 / 3 = 66,67 % (target >= 3 not met)",
            ),
            (
                "exact",
                "1 − |90 − 100| / 100 = 90,00 % (target = 100 non raggiunto)",
                "1 − |90 − 100| / 100 = 90,00 % (target = 100 not met)",
            ),
            (
                "met",
                "65 % rispetta il target >= 60 %: 100,00 %",
                "65 % meets >= 60 %: 100,00 %",
            ),
            (
                "hand",
                "realizzazione forzata al 91,40 %: Come da delibera",
                "set by hand to 91,40 %: Come da delibera",
            ),
            (
                "pending",
                "in attesa: risultato non ancora rilevato",
                "pending: no result yet",
            ),
        ] {
            assert_eq!(said(Lang::It, id), italian);
            assert_eq!(said(Lang::En, id), english);
        }
    }
}
