//! `perfplan score`: the scored tree as an aligned table (like the seed's) or as JSON.

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value as Json, json};

use crate::plan::locale::round2 as round_for_json;
use crate::plan::{Locale, Unit, Value};
use crate::summary::{IndicatorSummary, Score, Summary};
use crate::text::{pad_left, pad_right};

/// Width of the printed table.
pub const TABLE_WIDTH: usize = 120;

const W_WEIGHT: usize = 8;
const W_RESULT: usize = 14;
const W_TARGET: usize = 16;
const W_REAL: usize = 11;
const W_COUNT: usize = 8;

fn pct(loc: Locale, s: &Score) -> String {
    match s.value {
        Some(v) => loc.percent(v),
        None => "pending".to_string(),
    }
}

fn row(name: &str, weight: &str, result: &str, target: &str, real: &str, count: &str) -> String {
    let name_w = TABLE_WIDTH - W_WEIGHT - W_RESULT - W_TARGET - W_REAL - W_COUNT - 5;
    let line = format!(
        "{} {} {} {} {} {}",
        pad_right(name, name_w),
        pad_left(weight, W_WEIGHT),
        pad_left(result, W_RESULT),
        pad_left(target, W_TARGET),
        pad_left(real, W_REAL),
        pad_left(count, W_COUNT),
    );
    line.trim_end().to_string()
}

fn count(s: &Score) -> String {
    format!("{}/{}", s.measured, s.total)
}

/// The scored plan as text, aligned like the seed's tables.
pub fn text(summary: &Summary) -> String {
    let loc = summary.locale;
    let mut out = String::new();
    let (measured, total) = summary.indicator_counts();
    // Each on its line: a line break in the plan's text cannot forge another line.
    out.push_str(&format!(
        "{}\n{} — {}\n\n",
        crate::text::for_terminal(&summary.organization),
        crate::text::for_terminal(&summary.title),
        summary.year
    ));
    out.push_str(&format!(
        "Overall score   strategic {}   operational {}   indicators measured {measured} / {total}\n",
        pct(loc, &summary.overall.strategic),
        pct(loc, &summary.overall.operational),
    ));
    if summary.is_provisional() {
        out.push_str(
            "Provisional: some indicators are still pending and are left out of the scores.\n",
        );
    }
    if !summary.errors.is_empty() {
        out.push_str(&format!(
            "The plan has {} error(s) (perfplan check lists them): the scores leave out what is wrong.\n",
            summary.errors.len()
        ));
    }
    out.push('\n');
    out.push_str(&row(
        "",
        "Weight",
        "Result",
        "Target",
        "Realization",
        "Measured",
    ));
    out.push('\n');
    let mut any_override = false;
    for p in &summary.perspectives {
        out.push('\n');
        out.push_str(&row(
            &p.name.to_uppercase(),
            &loc.fixed2(p.weight),
            "",
            "",
            "",
            "",
        ));
        out.push('\n');
        out.push_str(&format!(
            "  score: strategic {} · operational {}\n",
            pct(loc, &p.score.strategic),
            pct(loc, &p.score.operational)
        ));
        for so in &p.objectives {
            out.push_str(&row(
                &format!("  {} {}", so.code, so.title),
                &loc.fixed2(so.weight),
                "",
                "",
                &pct(loc, &so.realization),
                &count(&so.realization),
            ));
            out.push('\n');
            for oo in &so.operational {
                out.push_str(&row(
                    &format!("    {} {}", oo.code, oo.title),
                    &loc.fixed2(oo.weight),
                    "",
                    "",
                    &pct(loc, &oo.realization),
                    &count(&oo.realization),
                ));
                out.push('\n');
                for (mark, inds) in [("S", &oo.strategic_indicators), ("O", &oo.indicators)] {
                    for ind in inds {
                        any_override |= ind.overridden;
                        out.push_str(&indicator_row(loc, mark, ind));
                        out.push('\n');
                    }
                }
            }
        }
    }
    out.push_str(
        "\nS: strategic indicator (measures the strategic objective) · O: operational indicator\n",
    );
    if any_override {
        out.push_str(
            "*: realization set by hand; `perfplan score --json` and the app show the reason\n",
        );
    }
    out
}

fn indicator_row(loc: Locale, mark: &str, ind: &IndicatorSummary) -> String {
    let real = match ind.realization {
        Some(r) if ind.overridden => format!("{}*", loc.percent(r)),
        Some(r) => loc.percent(r),
        None if ind.pending => "pending".to_string(),
        None => "cannot be scored".to_string(),
    };
    row(
        &format!("      {mark} {} {}", ind.id, ind.description),
        "",
        &ind.result_text,
        &ind.target,
        &real,
        "",
    )
}

/// An exact decimal as a JSON number, written with its own digits (serde_json's
/// `arbitrary_precision` keeps them; no binary float is involved).
fn number(d: Decimal) -> Json {
    let text = d.normalize().to_string();
    Json::Number(
        text.parse::<Number>()
            .expect("a decimal's text is a JSON number"),
    )
}

fn score_json(s: &Score) -> Json {
    s.value.map_or(Json::Null, |v| number(round_for_json(v)))
}

fn unit_json(unit: &Unit) -> Json {
    Json::String(
        match unit {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Number => "number",
            Unit::Date => "date",
            Unit::Currency => "currency",
            Unit::Label(l) => l.as_str(),
        }
        .to_string(),
    )
}

fn indicator_json(ind: &IndicatorSummary) -> Json {
    let result = match ind.result {
        None => Json::Null,
        Some(Value::Number(n)) => number(n),
        Some(Value::Date(d)) => Json::String(d.format("%Y-%m-%d").to_string()),
    };
    let mut m = Map::new();
    m.insert("id".into(), json!(ind.id));
    m.insert("description".into(), json!(ind.description));
    m.insert("unit".into(), unit_json(&ind.unit));
    m.insert("target".into(), json!(ind.target));
    m.insert("result".into(), result);
    m.insert(
        "realization".into(),
        ind.realization
            .map_or(Json::Null, |r| number(round_for_json(r))),
    );
    m.insert("pending".into(), json!(ind.pending));
    if let Some(why) = &ind.unscorable {
        m.insert("unscorable".into(), json!(why));
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
/// rounded half up to two decimals, `null` while nothing under them is measured.
pub fn json(summary: &Summary) -> Json {
    let perspectives: Vec<Json> = summary
        .perspectives
        .iter()
        .map(|p| {
            let objectives: Vec<Json> = p
                .objectives
                .iter()
                .map(|so| {
                    let operational: Vec<Json> = so
                        .operational
                        .iter()
                        .map(|oo| {
                            json!({
                                "code": oo.code,
                                "title": oo.title,
                                "weight": number(oo.weight),
                                "realization": score_json(&oo.realization),
                                "measured": oo.realization.measured,
                                "total": oo.realization.total,
                                "strategic_indicators": oo.strategic_indicators.iter().map(indicator_json).collect::<Vec<_>>(),
                                "indicators": oo.indicators.iter().map(indicator_json).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    json!({
                        "code": so.code,
                        "title": so.title,
                        "weight": number(so.weight),
                        "realization": score_json(&so.realization),
                        "measured": so.realization.measured,
                        "total": so.realization.total,
                        "operational": operational,
                    })
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
        "year": summary.year,
        "overall": {
            "strategic": score_json(&summary.overall.strategic),
            "operational": score_json(&summary.overall.operational),
        },
        "measured": measured,
        "total": total,
        "provisional": summary.is_provisional(),
        "errors": summary.errors,
        "perspectives": perspectives,
    })
}
