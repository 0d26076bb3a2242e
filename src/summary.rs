//! The scored plan as one flat-to-walk structure: what `perfplan score` prints and every
//! export writes. Built once from `Plan` + `Scores`; the writers only format it.

use rust_decimal::Decimal;

use crate::export::words::{Column, Computation, Figures, Label, Notice};
use crate::lang::{Lang, Say};
use crate::plan::check::ValueError;
use crate::plan::{Indicator, Locale, Plan, Target, Thresholds, Unit, Value};
use crate::score::{How, Layers, Mean, Outcome, Scores, Weighted};
use crate::validate::{Finding, Severity};

/// A score with what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Percent, as shown: rounded half up to two decimals on the exact value (see
    /// `score::exact`); `None` while nothing under it is measured.
    pub value: Option<Decimal>,
    /// Indicators measured / all (those marked not assessable apart), under it.
    pub measured: usize,
    pub total: usize,
    /// Indicators marked not assessable, under it.
    pub not_assessable: usize,
}

impl Score {
    pub fn is_provisional(&self) -> bool {
        self.measured < self.total
    }

    /// No value and nothing under it to measure (no operational objective anywhere under
    /// it): shown as a dash, not as pending.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.total == 0
    }

    fn of_mean(m: &Mean, shown: Option<Decimal>) -> Score {
        Score {
            value: shown,
            measured: m.measured,
            total: m.total,
            not_assessable: m.not_assessable,
        }
    }

    fn of_weighted(w: &Weighted, shown: Option<Decimal>) -> Score {
        Score {
            value: shown,
            measured: w.indicators.measured,
            total: w.indicators.total,
            not_assessable: w.indicators.not_assessable,
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
    /// The decimals the figures are shown with (they are rounded to them already).
    pub precision: crate::plan::Precision,
    pub overall: Layers<Score>,
    pub perspectives: Vec<PerspectiveSummary>,
    /// The plan's errors, each with its place: the scores leave out what is wrong, and every
    /// output that shows them says so (an export of such a plan is a draft).
    pub errors: Vec<Finding>,
    /// The monitoring period the figures are of, when the plan names its periods.
    pub period: Option<crate::plan::Period>,
    /// Every period side by side, when the plan has more than one.
    pub periods: Option<PeriodsTable>,
    /// The targets changed during the year, one row a change, in tree order: the table the
    /// Relazione sulla Performance gives of them.
    pub target_changes: Vec<TargetChangeRow>,
}

/// One target change: the indicator, the target before and after (as written), the day
/// (in the plan's locale) and the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetChangeRow {
    pub id: String,
    pub description: String,
    pub from: String,
    pub to: String,
    pub date: chrono::NaiveDate,
    pub reason: String,
}

impl TargetChangeRow {
    /// The rows of every target change in `plan`.
    pub fn of(plan: &Plan) -> Vec<TargetChangeRow> {
        let loc = plan.locale;
        let mut rows = Vec::new();
        for (_, ind) in plan.indicators() {
            let list = &ind.target_changes;
            for (i, c) in list.iter().enumerate() {
                // Each change went to the target the next one started from, the last to
                // the target that counts now.
                let to = list.get(i + 1).map_or(&ind.target, |next| &next.from);
                rows.push(TargetChangeRow {
                    id: ind.id.clone(),
                    description: ind.description.clone(),
                    from: loc.target(&c.from, &ind.unit),
                    to: loc.target(to, &ind.unit),
                    date: c.date,
                    reason: c.reason.clone(),
                });
            }
        }
        rows
    }
}

/// The plan's periods side by side: the overall scores and each indicator's values at each
/// period, after its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodsTable {
    pub periods: Vec<crate::plan::Period>,
    /// The overall scores at each period, as shown.
    pub overall: Vec<Layers<Score>>,
    pub rows: Vec<PeriodsRow>,
}

/// One indicator across the periods.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodsRow {
    pub id: String,
    pub description: String,
    pub unit: Unit,
    pub baseline: Option<String>,
    /// At each period, in order.
    pub cells: Vec<PeriodCell>,
}

/// An indicator at one period: its result and target as written, and its realization as
/// shown (`None`: pending, not assessable or not scorable).
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodCell {
    pub value: Option<Value>,
    pub result: String,
    pub target: String,
    pub realization: Option<Decimal>,
    pub pending: bool,
    pub not_assessable: bool,
}

impl PeriodCell {
    /// The realization as the tables show it: the figure, or why there is none.
    pub fn realization_text(&self, summary: &Summary) -> String {
        match self.realization {
            Some(r) => summary.locale.figure(r),
            None if self.not_assessable => summary.word(Label::NotAssessable).to_string(),
            None if self.pending => summary.word(Label::Pending).to_string(),
            None => summary.word(Label::CannotBeScored).to_string(),
        }
    }
}

impl PeriodsTable {
    /// The table of `plan`'s periods; `None` with fewer than two.
    pub fn of(plan: &Plan) -> Option<PeriodsTable> {
        if plan.periods.len() < 2 {
            return None;
        }
        let loc = plan.locale;
        let scores: Vec<Scores> = plan
            .periods
            .iter()
            .map(|p| Scores::compute_at(plan, Some(&p.name)))
            .collect();
        let rows = plan
            .indicators()
            .map(|(path, ind)| PeriodsRow {
                id: ind.id.clone(),
                description: ind.description.clone(),
                unit: ind.unit.clone(),
                baseline: ind.baseline.map(|v| loc.value(v, &ind.unit)),
                cells: scores
                    .iter()
                    .map(|s| {
                        let at = ind.at(s.period());
                        let outcome = s.outcome(path);
                        PeriodCell {
                            value: at.result,
                            result: at
                                .result
                                .map(|v| loc.value(v, &ind.unit))
                                .unwrap_or_default(),
                            target: loc.target(&at.target, &ind.unit),
                            realization: s.shown(path),
                            pending: matches!(outcome, Outcome::Pending),
                            not_assessable: matches!(outcome, Outcome::NotAssessable),
                        }
                    })
                    .collect(),
            })
            .collect();
        Some(PeriodsTable {
            periods: plan.periods.clone(),
            overall: scores
                .iter()
                .map(|s| Layers {
                    strategic: Score::of_weighted(&s.overall.strategic, s.shown.strategic),
                    operational: Score::of_weighted(&s.overall.operational, s.shown.operational),
                })
                .collect(),
            rows,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveSummary {
    /// Its place among the plan's perspectives.
    pub index: usize,
    pub name: String,
    pub weight: Decimal,
    pub score: Layers<Score>,
    pub objectives: Vec<StrategicSummary>,
}

impl PerspectiveSummary {
    /// Whether it has an operational objective: one measured by its strategic objectives'
    /// own indicators alone has no operational table.
    pub fn has_operational(&self) -> bool {
        self.objectives
            .iter()
            .any(|so| so.operational.iter().any(|oo| !oo.direct))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StrategicSummary {
    pub code: String,
    pub title: String,
    /// As shown: as written, or an equal share rounded to two decimals.
    pub weight: Decimal,
    /// The weight is an equal share (`Equal` in the plan).
    pub equal_weight: bool,
    /// Flat mean of its strategic indicators.
    pub realization: Score,
    pub operational: Vec<OperationalSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OperationalSummary {
    pub code: String,
    pub title: String,
    /// As shown: as written, or an equal share rounded to two decimals.
    pub weight: Decimal,
    /// The weight is an equal share (`Equal` in the plan).
    pub equal_weight: bool,
    /// Not an operational objective of the plan: the holder of its strategic objective's
    /// own indicators (in `strategic_indicators`), shown without a row of its own.
    pub direct: bool,
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
    /// How far the result lies from the target ("Scostamento"): `None` while pending or
    /// when the value cannot be scored. An override leaves it as it is.
    pub deviation: Option<Deviation>,
    /// The deviation in the plan's locale and unit, signed (`-8`, `+5 %`, `-1 giorno`),
    /// empty when there is none.
    pub deviation_text: String,
    /// As shown: rounded half up to two decimals on the exact value.
    pub realization: Option<Decimal>,
    pub pending: bool,
    /// Marked not assessable ("non valutabile"), with the reason.
    pub not_assessable: Option<String>,
    /// Why it cannot be scored, when it cannot (a value that is wrong).
    pub unscorable: Option<ValueError>,
    pub met: bool,
    pub overridden: bool,
    pub override_reason: Option<String>,
    pub note: Option<String>,
    pub baseline_text: Option<String>,
    /// How the realization was reached, in words (the summary's language) and numbers.
    pub computation: String,
    /// The target's changes during the year, oldest first, each said as the Relazione
    /// reports it ("target rimodulato il 15/07/2017 (era >= 90): …").
    pub target_changes: Vec<String>,
}

impl IndicatorSummary {
    /// The note as a table's note column shows it: led by the reason the indicator is not
    /// assessable, when it is not (`non valutabile: Sede chiusa … · the note`).
    pub fn note_with_reason(&self, summary: &Summary) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(why) = &self.not_assessable {
            parts.push(format!("{}: {why}", summary.word(Label::NotAssessable)));
        }
        parts.extend(self.target_changes.iter().cloned());
        if let Some(note) = &self.note {
            parts.push(note.clone());
        }
        parts.join(" · ")
    }
}

/// How far a result lies from its target, exactly: the plain difference, whose sign says
/// above or below (not good or bad: the realization says that).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deviation {
    /// `result − target` in the indicator's unit; for a range, 0 inside it, else the
    /// difference from the nearer bound (`result − min` below, `result − max` above).
    Amount(Decimal),
    /// Days from the deadline to the day done: negative early, positive late.
    Days(i64),
}

impl Deviation {
    /// The deviation of `result` from `target`; `None` when the two do not go together
    /// (a date against a number) or the difference is too large to hold.
    pub fn of(target: &Target, result: Value, unit: &Unit) -> Option<Deviation> {
        let amount = |r: Decimal, t: Decimal| r.checked_sub(t).map(Deviation::Amount);
        match (target, result) {
            (Target::Deadline(deadline), Value::Date(done)) => {
                Some(Deviation::Days((done - *deadline).num_days()))
            }
            (Target::Deadline(_), _) | (_, Value::Date(_)) => None,
            (Target::Yes | Target::No, _) | (_, Value::Bool(_) | Value::Bound { .. }) => None,
            // A ratio deviates by its quotient (× 100 for a percentage, as it is scored).
            (
                _,
                Value::Ratio {
                    numerator,
                    denominator,
                },
            ) => {
                let mut q = numerator.checked_div(denominator)?;
                if *unit == Unit::Percent {
                    q = q.checked_mul(Decimal::ONE_HUNDRED)?;
                }
                let q = q.round_dp_with_strategy(
                    4,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                Deviation::of(target, Value::Number(q), unit)
            }
            (
                Target::AtLeast(t)
                | Target::MoreThan(t)
                | Target::AtMost(t)
                | Target::LessThan(t)
                | Target::Exactly(t),
                Value::Number(r),
            ) => amount(r, t.value()),
            (Target::Between { min, max }, Value::Number(r)) => {
                if r < min.value() {
                    amount(r, min.value())
                } else if r > max.value() {
                    amount(r, max.value())
                } else {
                    Some(Deviation::Amount(Decimal::ZERO))
                }
            }
        }
    }

    /// As the text exports write it: in the plan's locale and the indicator's unit, with
    /// `+` before a positive figure, `-` before a negative one and nothing before 0.
    pub fn text(self, lang: Lang, loc: Locale, unit: &Unit) -> String {
        match self {
            Deviation::Amount(d) => format!("{}{}", plus(d), loc.quantity(d, unit)),
            Deviation::Days(days) => Notice::Days {
                days,
                figure: format!("{}{}", plus(days.into()), loc.number(days.into())),
            }
            .say(lang),
        }
    }
}

/// The sign a positive figure is written with (a negative one carries its own).
fn plus(d: Decimal) -> &'static str {
    if d > Decimal::ZERO { "+" } else { "" }
}

impl Summary {
    /// The summary of `plan` scored as `scores`, in `lang` (see `Lang::for_plan`).
    /// The summary at a monitoring period (`None`: the year's final values): the plan as
    /// it stands then, scored.
    pub fn at_period(plan: &Plan, period: Option<&str>, lang: Lang) -> Summary {
        match plan.intermediate(period) {
            Some(name) => {
                let view = plan.at_period(name);
                let mut s = Summary::tree(&view, &Scores::compute(&view), lang);
                s.period = plan.periods.iter().find(|p| p.name == name).cloned();
                // The view holds one period's values: the tables across periods are the
                // plan's.
                s.periods = PeriodsTable::of(plan);
                s.target_changes = TargetChangeRow::of(plan);
                // The plan's errors, not only those its view at the period shows.
                s.errors = crate::validate::validate(plan)
                    .into_iter()
                    .filter(|f| f.severity == Severity::Error)
                    .collect();
                s
            }
            None => Summary::build(plan, &Scores::compute(plan), lang),
        }
    }

    /// The period's line of the headings: "Periodo: 30 giugno (30/06/2017)".
    pub fn period_line(&self) -> Option<String> {
        self.period.as_ref().map(|p| {
            Notice::Period {
                name: p.name.clone(),
                date: self.locale.date(p.date),
            }
            .say(self.lang)
        })
    }

    pub fn build(plan: &Plan, scores: &Scores, lang: Lang) -> Summary {
        let mut s = Summary::tree(plan, scores, lang);
        s.periods = PeriodsTable::of(plan);
        s.target_changes = TargetChangeRow::of(plan);
        s
    }

    /// The summary without the tables across periods and target changes.
    fn tree(plan: &Plan, scores: &Scores, lang: Lang) -> Summary {
        let loc = plan.locale;
        Summary {
            period: plan.periods.last().cloned(),
            periods: None,
            target_changes: Vec::new(),
            title: plan.title.clone(),
            organization: plan.organization.clone(),
            year: plan.year,
            locale: loc,
            lang,
            thresholds: plan.thresholds.clone(),
            precision: scores.rules.precision,
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
                .enumerate()
                .map(|(pi, (p, ps))| PerspectiveSummary {
                    index: pi,
                    name: p.name.clone(),
                    weight: scores.rules.weights.perspective(pi),
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
                            weight: ss.weight.shown(),
                            equal_weight: ss.weight.equal,
                            realization: Score::of_mean(&ss.realization, ss.shown.strategic),
                            operational: so
                                .operational
                                .iter()
                                .zip(&ss.operational)
                                .map(|(oo, os)| OperationalSummary {
                                    code: oo.code.clone(),
                                    title: oo.title.clone(),
                                    weight: os.weight.shown(),
                                    equal_weight: os.weight.equal,
                                    direct: oo.direct,
                                    realization: Score::of_mean(
                                        os.realization(),
                                        os.shown.operational,
                                    ),
                                    strategic_indicators: indicator_rows(
                                        lang,
                                        loc,
                                        scores,
                                        &oo.strategic_indicators,
                                        &os.outcomes.strategic,
                                    ),
                                    indicators: indicator_rows(
                                        lang,
                                        loc,
                                        scores,
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

    /// Indicators marked not assessable, in both layers.
    pub fn not_assessable_count(&self) -> usize {
        self.overall.strategic.not_assessable + self.overall.operational.not_assessable
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
    scores: &Scores,
    inds: &[Indicator],
    outcomes: &[Outcome],
) -> Vec<IndicatorSummary> {
    let decimals = scores.rules.precision.indicators;
    inds.iter()
        .zip(outcomes)
        .map(|(ind, out)| {
            let deviation = match out {
                Outcome::Pending | Outcome::Unscorable(_) | Outcome::NotAssessable => None,
                Outcome::Scored(_) => ind
                    .result
                    .and_then(|r| Deviation::of(&ind.target, r, &ind.unit)),
            };
            IndicatorSummary {
                id: ind.id.clone(),
                description: ind.description.clone(),
                unit: ind.unit.clone(),
                target: loc.target(&ind.target, &ind.unit),
                result: ind.result,
                result_text: ind
                    .result
                    .map(|v| loc.value(v, &ind.unit))
                    .unwrap_or_default(),
                deviation,
                deviation_text: deviation
                    .map(|d| d.text(lang, loc, &ind.unit))
                    .unwrap_or_default(),
                realization: out.shown(decimals),
                pending: matches!(out, Outcome::Pending),
                not_assessable: ind.not_assessable.clone(),
                unscorable: match out {
                    Outcome::Unscorable(why) => Some(why.clone()),
                    _ => None,
                },
                met: matches!(out, Outcome::Scored(r) if r.met),
                overridden: ind.realization_override.is_some(),
                override_reason: ind.realization_override.as_ref().map(|o| o.reason.clone()),
                note: ind.note.clone(),
                baseline_text: ind.baseline.map(|v| loc.value(v, &ind.unit)),
                computation: explain(lang, loc, ind, out, decimals),
                target_changes: ind
                    .target_changes
                    .iter()
                    .map(|c| {
                        Notice::TargetChanged {
                            from: loc.target(&c.from, &ind.unit),
                            date: loc.date(c.date),
                            reason: c.reason.clone(),
                        }
                        .say(lang)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// How an indicator's realization was reached, in `lang`, with the figures in the plan's
/// locale: `72 / 80 = 90,00 % (target >= 80 not met)`.
pub fn explain(
    lang: Lang,
    loc: Locale,
    ind: &Indicator,
    outcome: &Outcome,
    decimals: u32,
) -> String {
    let text = computation(loc, ind, outcome, decimals).say(lang);
    // Scored against a target changed during the year: said, since the original is on
    // record beside it.
    if !ind.target_changes.is_empty()
        && matches!(outcome, Outcome::Scored(r) if r.how != crate::score::How::Override)
    {
        format!("{text}; {}", Notice::CurrentTargetCounts.say(lang))
    } else {
        text
    }
}

/// How an indicator's realization was reached, as a value.
fn computation<'a>(
    loc: Locale,
    ind: &'a Indicator,
    outcome: &'a Outcome,
    decimals: u32,
) -> Computation<'a> {
    let r = match outcome {
        Outcome::Pending => return Computation::Pending,
        Outcome::Unscorable(why) => return Computation::Unscorable(why, loc),
        Outcome::NotAssessable => {
            return Computation::NotAssessable(ind.not_assessable.as_deref().unwrap_or(""));
        }
        Outcome::Scored(r) => r,
    };
    let percent = loc.figure(outcome.shown(decimals).unwrap_or(r.value));
    let computation = how_computed(loc, ind, r, percent);
    match &r.band {
        None => computation,
        Some(b) => Computation::Banded {
            achievement: Box::new(how_computed(
                loc,
                ind,
                &crate::score::Realization { band: None, ..*r },
                // To six decimals, so that an achievement just under a band's start does
                // not read as that start (75,99999 % is in the band below 76 %).
                loc.figure(
                    b.achievement
                        .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::ToZero)
                        .normalize(),
                ),
            )),
            band: b.band,
            from: loc.number(b.from),
            to: loc.number(b.to),
            fixed: b.score_from == b.score_to,
            score_from: loc.number(b.score_from),
            score_to: loc.number(b.score_to),
            points: loc.number(
                b.points
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize(),
            ),
            out_of: (b.out_of != Decimal::ONE_HUNDRED).then(|| loc.number(b.out_of)),
            percent: loc.figure(outcome.shown(decimals).unwrap_or(r.value)),
        },
    }
}

/// How a realization was reached before bands (`percent`: the figure it gives).
fn how_computed<'a>(
    loc: Locale,
    ind: &'a Indicator,
    r: &crate::score::Realization,
    percent: String,
) -> Computation<'a> {
    let figures = Figures {
        result: ind.result.map(|v| loc.value(v, &ind.unit)),
        target: loc.target(&ind.target, &ind.unit),
        percent: percent.clone(),
    };
    // A ratio result is scored as its numerator against the target times its denominator
    // (see `score`): the terms are shown divided back, as the quotient and the target.
    let per = match ind.result {
        Some(Value::Ratio { denominator, .. }) if denominator > Decimal::ZERO => denominator,
        _ => Decimal::ONE,
    };
    let term = |d: Decimal| {
        if per == Decimal::ONE {
            return loc.number(d);
        }
        d.checked_div(per).map_or_else(
            || loc.number(d),
            |q| {
                loc.number(
                    q.round_dp_with_strategy(
                        4,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    )
                    .normalize(),
                )
            },
        )
    };
    match r.how {
        How::Met => Computation::Met(figures),
        How::Ratio {
            numerator,
            denominator,
        } => Computation::Ratio {
            numerator: term(numerator),
            denominator: term(denominator),
            figures,
        },
        How::Deviation { result, target } => Computation::Deviation {
            result: term(result),
            target: term(target),
            divisor: term(target.abs()),
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
            Indicator(id: "early", description: "d", unit: Date, target: Deadline("2018-06-30"), result: "2018-06-29"),
            Indicator(id: "ontime", description: "d", unit: Date, target: Deadline("2018-06-30"), result: "2018-06-30"),
            Indicator(id: "late3", description: "d", unit: Date, target: Deadline("2018-06-30"), result: "2018-07-03"),
            Indicator(id: "fewer", description: "d", unit: Number, target: AtMost(5), result: 2.03),
            Indicator(id: "more", description: "d", unit: Percent, target: MoreThan(60), result: 65),
            Indicator(id: "fewer-still", description: "d", unit: Label("ore"), target: LessThan(10), result: 12),
            Indicator(id: "below", description: "d", unit: Currency, target: Between(min: 1000, max: 2000), result: 750.25),
            Indicator(id: "inside", description: "d", unit: Number, target: Between(min: 2, max: 3), result: 2.5),
            Indicator(id: "above", description: "d", unit: Number, target: Between(min: 2, max: 3), result: 3.1),
            Indicator(id: "wrong", description: "d", unit: Count, target: AtLeast(1.5), result: 2),
            Indicator(id: "hand-only", description: "d", unit: Percent, target: AtLeast(60),
              override: (realization: 80, reason: "r")),
          ])])])])"#;

    /// The indicators of `PLAN` as summarized in `lang`.
    fn rows(lang: Lang) -> Vec<IndicatorSummary> {
        let plan = crate::store::parse(std::path::Path::new("t.ron"), PLAN).unwrap();
        let summary = Summary::build(&plan, &Scores::compute(&plan), lang);
        let oo = &summary.perspectives[0].objectives[0].operational[0];
        oo.strategic_indicators
            .iter()
            .chain(&oo.indicators)
            .cloned()
            .collect()
    }

    /// How each indicator of `PLAN` was scored, by id, in `lang`.
    fn how(lang: Lang) -> Vec<(String, String)> {
        rows(lang)
            .into_iter()
            .map(|i| (i.id, i.computation))
            .collect()
    }

    #[test]
    fn the_deviation_is_result_minus_target_with_its_sign() {
        let (it, en) = (rows(Lang::It), rows(Lang::En));
        let dec = |s: &str| s.parse::<Decimal>().unwrap();
        let amount = |s: &str| Some(Deviation::Amount(dec(s)));
        for (id, deviation, italian, english) in [
            ("ratio", amount("-1"), "-1", "-1"),
            ("exact", amount("-10"), "-10", "-10"),
            ("met", amount("5"), "+5 %", "+5 %"),
            // An override sets the realization, not the result.
            ("hand", amount("-5"), "-5 %", "-5 %"),
            ("fewer", amount("-2.97"), "-2,97", "-2,97"),
            ("more", amount("5"), "+5 %", "+5 %"),
            ("fewer-still", amount("2"), "+2 ore", "+2 ore"),
            ("below", amount("-249.75"), "-249,75 €", "-249,75 €"),
            ("inside", amount("0"), "0", "0"),
            ("above", amount("0.1"), "+0,1", "+0,1"),
            ("early", Some(Deviation::Days(-1)), "-1 giorno", "-1 day"),
            ("ontime", Some(Deviation::Days(0)), "0 giorni", "0 days"),
            ("late", Some(Deviation::Days(1)), "+1 giorno", "+1 day"),
            ("late3", Some(Deviation::Days(3)), "+3 giorni", "+3 days"),
            ("grace", Some(Deviation::Days(15)), "+15 giorni", "+15 days"),
            ("pending", None, "", ""),
            ("wrong", None, "", ""),
            ("hand-only", None, "", ""),
        ] {
            let it = it.iter().find(|i| i.id == id).unwrap();
            let en = en.iter().find(|i| i.id == id).unwrap();
            assert_eq!(it.deviation, deviation, "{id}");
            assert_eq!(it.deviation_text, italian, "{id}");
            assert_eq!(en.deviation_text, english, "{id}");
        }
        assert!(
            it.iter()
                .find(|i| i.id == "wrong")
                .unwrap()
                .unscorable
                .is_some()
        );
    }

    #[test]
    fn a_deviation_that_cannot_be_held_or_mixes_dates_and_numbers_is_none() {
        let date = Value::Date(chrono::NaiveDate::from_ymd_opt(2018, 6, 30).unwrap());
        let number = Value::Number(Decimal::ONE);
        assert_eq!(
            Deviation::of(&Target::AtLeast(Decimal::ONE.into()), date, &Unit::Number),
            None
        );
        assert_eq!(
            Deviation::of(
                &Target::Deadline(chrono::NaiveDate::from_ymd_opt(2018, 6, 30).unwrap()),
                number,
                &Unit::Number
            ),
            None
        );
        assert_eq!(
            Deviation::of(
                &Target::AtMost(Decimal::MAX.into()),
                Value::Number(Decimal::MIN),
                &Unit::Number
            ),
            None
        );
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
