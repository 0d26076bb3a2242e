//! `perfplan score`: the scored tree as an aligned table (like the seed's) or as JSON.

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value as Json, json};

use crate::export::words::{Column, Label, Notice};
use crate::lang::{Lang, Say};
use crate::plan::{Unit, Value};
use crate::summary::{IndicatorSummary, Score, Summary};
use crate::text::{pad_left, pad_right};

/// Width of the printed table.
pub const TABLE_WIDTH: usize = 120;

/// The least width of the columns after the name: weight, result, target, realization,
/// measured (wider where the heading is).
const WIDTHS: [usize; 5] = [8, 14, 16, 11, 8];

fn pct(summary: &Summary, s: &Score) -> String {
    match s.value {
        Some(v) => summary.locale.figure(v),
        // Nothing to measure (no operational objective anywhere under it): not pending.
        None if s.is_empty() => "—".to_string(),
        None => summary.word(Label::Pending).to_string(),
    }
}

/// A table of fixed-width columns after a name, which takes what the others leave of
/// [`TABLE_WIDTH`]: `perfplan score`'s and `perfplan diff`'s. Cells are aligned right, as
/// figures are, unless their column is said to be aligned left.
pub(crate) struct Table<const N: usize> {
    name: usize,
    widths: [usize; N],
    left: [bool; N],
}

impl<const N: usize> Table<N> {
    /// Columns at least `least` wide, or as wide as their headings.
    pub(crate) fn new(least: [usize; N], headings: &[String; N]) -> Table<N> {
        let mut widths = least;
        for (w, h) in widths.iter_mut().zip(headings) {
            *w = (*w).max(crate::text::width(h));
        }
        Table {
            name: TABLE_WIDTH.saturating_sub(widths.iter().sum::<usize>() + widths.len()),
            widths,
            left: [false; N],
        }
    }

    /// The same, with `column` aligned left.
    pub(crate) fn left(mut self, column: usize) -> Table<N> {
        self.left[column] = true;
        self
    }

    /// The width of the column `column`.
    pub(crate) fn width(&self, column: usize) -> usize {
        self.widths[column]
    }

    pub(crate) fn row(&self, name: &str, cells: [&str; N]) -> String {
        let mut line = pad_right(name, self.name);
        for ((cell, w), left) in cells.iter().zip(self.widths).zip(self.left) {
            line.push(' ');
            line.push_str(&if left {
                pad_right(cell, w)
            } else {
                pad_left(cell, w)
            });
        }
        line.trim_end().to_string()
    }
}

fn count(s: &Score) -> String {
    format!("{}/{}", s.measured, s.total)
}

/// The scored plan as text, aligned like the seed's tables, in the summary's language.
pub fn text(summary: &Summary) -> String {
    let loc = summary.locale;
    let mut out = String::new();
    let (measured, total) = summary.indicator_counts();
    // Each on its line: a line break in the plan's text cannot forge another line.
    out.push_str(&format!(
        "{}\n{} — {}\n",
        crate::text::for_terminal(&summary.organization),
        crate::text::for_terminal(&summary.title),
        summary.year
    ));
    if let Some(line) = summary.period_line() {
        out.push_str(&crate::text::for_terminal(&line));
        out.push('\n');
    }
    out.push('\n');
    let lang = summary.lang;
    let overall = Notice::Overall {
        strategic: pct(summary, &summary.overall.strategic),
        operational: pct(summary, &summary.overall.operational),
        measured,
        total,
    };
    out.push_str(&overall.say(lang));
    out.push('\n');
    let not_assessable = summary.not_assessable_count();
    if not_assessable > 0 {
        out.push_str(
            &Notice::NotAssessable {
                count: not_assessable,
            }
            .say(lang),
        );
        out.push('\n');
    }
    if summary.is_provisional() {
        out.push_str(summary.word(Label::ScoresProvisional));
        out.push('\n');
    }
    if !summary.errors.is_empty() {
        let errors = Notice::PlanErrors {
            errors: summary.errors.len(),
        };
        out.push_str(&errors.say(lang));
        out.push('\n');
    }
    out.push('\n');
    let headings = [
        Column::Weight,
        Column::Result,
        Column::Target,
        Column::Realization,
        Column::Measured,
    ]
    .map(|c| summary.column(c));
    let table = Table::new(WIDTHS, &headings);
    out.push_str(&table.row("", headings.each_ref().map(String::as_str)));
    out.push('\n');
    let mut any_override = false;
    let mut not_assessable: Vec<(String, String)> = Vec::new();
    for p in &summary.perspectives {
        out.push('\n');
        out.push_str(&table.row(
            &p.name.to_uppercase(),
            [&loc.fixed2(p.weight), "", "", "", ""],
        ));
        out.push('\n');
        let score = Notice::PerspectiveScore {
            strategic: pct(summary, &p.score.strategic),
            operational: pct(summary, &p.score.operational),
        };
        out.push_str(&format!("  {}\n", score.say(lang)));
        for so in &p.objectives {
            out.push_str(&table.row(
                &format!("  {} {}", so.code, so.title),
                [
                    &loc.fixed2(so.weight),
                    "",
                    "",
                    &pct(summary, &so.realization),
                    &count(&so.realization),
                ],
            ));
            out.push('\n');
            for oo in &so.operational {
                // A strategic objective's own indicators: under it, with no operational
                // objective's row.
                if oo.direct {
                    for ind in &oo.strategic_indicators {
                        any_override |= ind.overridden;
                        out.push_str(&indicator_row(summary, &table, "S", ind));
                        out.push('\n');
                        if let Some(reason) = &ind.not_assessable {
                            not_assessable.push((ind.id.clone(), reason.clone()));
                        }
                    }
                    continue;
                }
                out.push_str(&table.row(
                    &format!("    {} {}", oo.code, oo.title),
                    [
                        &loc.fixed2(oo.weight),
                        "",
                        "",
                        &pct(summary, &oo.realization),
                        &count(&oo.realization),
                    ],
                ));
                out.push('\n');
                for (mark, inds) in [("S", &oo.strategic_indicators), ("O", &oo.indicators)] {
                    for ind in inds {
                        any_override |= ind.overridden;
                        out.push_str(&indicator_row(summary, &table, mark, ind));
                        out.push('\n');
                        if let Some(reason) = &ind.not_assessable {
                            not_assessable.push((ind.id.clone(), reason.clone()));
                        }
                    }
                }
            }
        }
    }
    out.push('\n');
    out.push_str(summary.word(Label::LayerKey));
    out.push('\n');
    if any_override {
        out.push_str(summary.word(Label::OverrideKey));
        out.push('\n');
    }
    if !summary.target_changes.is_empty() {
        out.push('\n');
        out.push_str(summary.word(Label::TargetChangesTable));
        out.push('\n');
        for c in &summary.target_changes {
            out.push_str(&crate::text::for_terminal(&format!(
                "  {}: {} → {} ({}): {}",
                c.id,
                c.from,
                c.to,
                summary.locale.date(c.date),
                c.reason
            )));
            out.push('\n');
        }
    }
    if !not_assessable.is_empty() {
        out.push('\n');
        out.push_str(summary.word(Label::NotAssessableList));
        out.push('\n');
        for (id, reason) in not_assessable {
            out.push_str(&format!(
                "  {}: {}\n",
                crate::text::for_terminal(&id),
                crate::text::for_terminal(&reason)
            ));
        }
    }
    out
}

fn indicator_row(
    summary: &Summary,
    table: &Table<5>,
    mark: &str,
    ind: &IndicatorSummary,
) -> String {
    let loc = summary.locale;
    let real = match ind.realization {
        _ if ind.not_assessable.is_some() => summary.word(Label::NotAssessable).to_string(),
        Some(r) if ind.overridden => format!("{}*", loc.figure(r)),
        Some(r) => loc.figure(r),
        None if ind.pending => summary.word(Label::Pending).to_string(),
        None => summary.word(Label::CannotBeScored).to_string(),
    };
    table.row(
        &format!("      {mark} {} {}", ind.id, ind.description),
        ["", &ind.result_text, &ind.target, &real, ""],
    )
}

/// The language of the messages in the JSON (its keys are English too): what a script reads
/// does not change with the plan's language or the user's.
const JSON_LANG: Lang = Lang::En;

/// An exact decimal as a JSON number, written with its own digits (serde_json's
/// `arbitrary_precision` keeps them; no binary float is involved).
pub(crate) fn number(d: Decimal) -> Json {
    let text = d.normalize().to_string();
    Json::Number(
        text.parse::<Number>()
            .expect("a decimal's text is a JSON number"),
    )
}

fn score_json(s: &Score) -> Json {
    s.value.map_or(Json::Null, number)
}

pub(crate) fn unit_json(unit: &Unit) -> Json {
    Json::String(
        match unit {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Number => "number",
            Unit::Date => "date",
            Unit::Currency => "currency",
            Unit::Label(l) => l.as_str(),
            Unit::YesNo => "yes_no",
        }
        .to_string(),
    )
}

/// A result or baseline as JSON: a number, an ISO date, `true` or `false`, a ratio's parts
/// or a bound with its sign; `null` when there is none.
pub(crate) fn value_json(value: Option<Value>) -> Json {
    match value {
        None => Json::Null,
        Some(Value::Number(n)) => number(n),
        Some(Value::Date(d)) => Json::String(d.format("%Y-%m-%d").to_string()),
        Some(Value::Bool(b)) => Json::Bool(b),
        Some(Value::Ratio {
            numerator,
            denominator,
        }) => json!({
            "numerator": number(numerator),
            "denominator": number(denominator),
        }),
        Some(Value::Bound { bound, value }) => json!({
            "bound": bound.sign(),
            "value": number(value),
        }),
    }
}

fn indicator_json(ind: &IndicatorSummary) -> Json {
    let mut m = Map::new();
    m.insert("id".into(), json!(ind.id));
    m.insert("description".into(), json!(ind.description));
    m.insert("unit".into(), unit_json(&ind.unit));
    m.insert("target".into(), json!(ind.target));
    m.insert("result".into(), value_json(ind.result));
    m.insert(
        "realization".into(),
        ind.realization.map_or(Json::Null, number),
    );
    m.insert("pending".into(), json!(ind.pending));
    if let Some(reason) = &ind.not_assessable {
        m.insert("not_assessable".into(), json!(reason));
    }
    if let Some(why) = &ind.unscorable {
        m.insert("unscorable".into(), json!(why.say(JSON_LANG)));
    }
    m.insert("overridden".into(), json!(ind.overridden));
    if let Some(reason) = &ind.override_reason {
        m.insert("override_reason".into(), json!(reason));
    }
    if let Some(note) = &ind.note {
        m.insert("note".into(), json!(note));
    }
    Json::Object(m)
}

/// The scored plan as JSON, for scripts. Realizations and scores are percent numbers
/// rounded half up to the plan's precision (two decimals unless it says otherwise) on their
/// exact values, as every output shows them; `null` while nothing under them is measured.
pub fn json(summary: &Summary) -> Json {
    let perspectives: Vec<Json> = summary
        .perspectives
        .iter()
        .map(|p| {
            let objectives: Vec<Json> = p
                .objectives
                .iter()
                .map(|so| {
                    let own: Vec<Json> = so
                        .operational
                        .iter()
                        .filter(|oo| oo.direct)
                        .flat_map(|oo| oo.strategic_indicators.iter().map(indicator_json))
                        .collect();
                    let operational: Vec<Json> = so
                        .operational
                        .iter()
                        .filter(|oo| !oo.direct)
                        .map(|oo| {
                            json!({
                                "code": oo.code,
                                "title": oo.title,
                                "weight": number(oo.weight),
                                "equal_weight": oo.equal_weight,
                                "realization": score_json(&oo.realization),
                                "measured": oo.realization.measured,
                                "total": oo.realization.total,
                                "strategic_indicators": oo.strategic_indicators.iter().map(indicator_json).collect::<Vec<_>>(),
                                "indicators": oo.indicators.iter().map(indicator_json).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    let mut m = json!({
                        "code": so.code,
                        "title": so.title,
                        "weight": number(so.weight),
                        "equal_weight": so.equal_weight,
                        "realization": score_json(&so.realization),
                        "measured": so.realization.measured,
                        "total": so.realization.total,
                        "operational": operational,
                    });
                    if !own.is_empty() {
                        m["indicators"] = Json::Array(own);
                    }
                    m
                })
                .collect();
            json!({
                "name": p.name,
                "weight": number(p.weight),
                "score": {
                    "strategic": score_json(&p.score.strategic),
                    "operational": score_json(&p.score.operational),
                },
                "objectives": objectives,
            })
        })
        .collect();
    let (measured, total) = summary.indicator_counts();
    json!({
        "title": summary.title,
        "organization": summary.organization,
        "period": summary.period.as_ref().map(|p| json!({
            "name": p.name,
            "date": p.date.format("%Y-%m-%d").to_string(),
        })),
        "year": summary.year,
        "overall": {
            "strategic": score_json(&summary.overall.strategic),
            "operational": score_json(&summary.overall.operational),
        },
        "measured": measured,
        "total": total,
        "not_assessable": summary.not_assessable_count(),
        "provisional": summary.is_provisional(),
        "target_changes": summary.target_changes.iter().map(|c| json!({
            "id": c.id,
            "from": c.from,
            "to": c.to,
            "date": c.date.format("%Y-%m-%d").to_string(),
            "reason": c.reason,
        })).collect::<Vec<_>>(),
        "errors": summary.errors.iter().map(|e| e.say(JSON_LANG)).collect::<Vec<_>>(),
        "perspectives": perspectives,
    })
}
