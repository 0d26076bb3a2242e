//! HTML: one self-contained page (inline CSS, no scripts, nothing fetched) with realization
//! bars drawn in CSS and a print stylesheet for clean A4 pages. Every piece of text from the
//! plan is escaped.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::words::{Column, Label, Notice};
use super::{Options, provisional_notice};
use crate::lang::Say;
use crate::plan::{Status, Thresholds};
use crate::summary::{IndicatorSummary, Score, Summary};

/// Text made safe for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --good: #2e7d32; --fair: #c99a06; --poor: #c62828; --pending: #9e9e9e; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #222; margin: 2em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
.meta { color: #555; margin-top: 0; }
.notice { background: #fff8e1; border-left: 4px solid var(--fair); padding: .5em .8em; }
.draft { background: #fdecea; border: 2px solid #b71c1c; color: #7f0000; padding: .5em .8em; margin: .5em 0; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #f2f2f2; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.so td { font-weight: 700; background: #fafafa; }
tr.oo td { font-weight: 600; }
tr.ind td:nth-child(2) { padding-left: 1.4em; }
.tag { display: inline-block; min-width: 1.4em; text-align: center; font-size: .8em; border-radius: 3px; color: #fff; margin-right: .3em; }
.tag.s { background: #7b1fa2; } .tag.o { background: #1565c0; }
.real { white-space: nowrap; }
.bar { display: inline-block; width: 5em; height: .75em; background: #e0e0e0; border-radius: 2px; vertical-align: middle; margin-right: .4em; overflow: hidden; }
.bar span { display: block; height: 100%; }
.good .bar span { background: var(--good); } .fair .bar span { background: var(--fair); } .poor .bar span { background: var(--poor); }
.pending { color: var(--pending); font-style: italic; }
.score { font-size: 1.3em; font-weight: 700; }
ul.notes li { margin-bottom: .3em; }
footer { color: #666; font-size: .9em; margin-top: 2em; }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-before: page; page-break-before: always; }
  h2.first { break-before: auto; page-break-before: auto; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bar, .bar span, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn class(thresholds: &Thresholds, v: Option<Decimal>) -> &'static str {
    match v.map(|v| thresholds.status(v)) {
        Some(Status::Good) => "good",
        Some(Status::Fair) => "fair",
        Some(Status::Poor) => "poor",
        None => "pending",
    }
}

fn realization_cell(summary: &Summary, v: Option<Decimal>, suffix: &str) -> String {
    let (loc, t) = (summary.locale, &summary.thresholds);
    match v {
        Some(r) => format!(
            "<td class=\"num real {}\"><span class=\"bar\"><span style=\"width:{}%\"></span></span>{}{}</td>",
            class(t, v),
            r.round_dp(1).normalize(),
            escape(&loc.figure(r)),
            suffix
        ),
        None => pending_cell(summary.word(Label::Pending)),
    }
}

/// A cell for a value that is not a number: pending, or cannot be scored.
fn pending_cell(word: &str) -> String {
    format!("<td class=\"num pending\">{}</td>", escape(word))
}

fn score_text(summary: &Summary, s: &Score) -> String {
    let loc = summary.locale;
    match s.value {
        Some(v) if s.is_provisional() => {
            format!("{} ({})", loc.figure(v), summary.word(Label::Provisional))
        }
        Some(v) => loc.figure(v),
        // Nothing to measure (no operational objective anywhere under it): not pending.
        None if s.is_empty() => "—".into(),
        None => summary.word(Label::Pending).into(),
    }
}

/// A score's cell: its realization, or a dash when there is nothing under it to measure.
fn score_cell(summary: &Summary, s: &Score, suffix: &str) -> String {
    if s.is_empty() {
        return pending_cell("—");
    }
    realization_cell(summary, s.value, suffix)
}

pub fn render(summary: &Summary, opts: &Options) -> String {
    let loc = summary.locale;
    let mut o = String::new();
    let lang = summary.word(Label::HtmlLang);
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">"
    );
    let _ = writeln!(
        o,
        "<title>{} — {}</title>",
        escape(&summary.title),
        summary.year
    );
    let _ = writeln!(o, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(o, "<h1>{}</h1>", escape(&summary.title));
    let _ = writeln!(
        o,
        "<p class=\"meta\"><strong>{}</strong> · {} · {} {}</p>",
        escape(&summary.organization),
        summary.year,
        summary.word(Label::ExportedOn),
        escape(&loc.date(opts.date))
    );
    if let Some(line) = summary.period_line() {
        let _ = writeln!(
            o,
            "<p class=\"meta\"><strong>{}</strong></p>",
            escape(&line)
        );
    }
    if !summary.errors.is_empty() {
        let _ = writeln!(
            o,
            "<div class=\"draft\"><p><strong>{}</strong></p><ul>",
            escape(summary.word(Label::Draft))
        );
        for e in &summary.errors {
            let _ = writeln!(o, "<li>{}</li>", escape(&e.say(summary.lang)));
        }
        let _ = writeln!(o, "</ul></div>");
    }
    if let Some(n) = provisional_notice(summary) {
        let _ = writeln!(o, "<p class=\"notice\">{}</p>", escape(&n));
    }
    let (measured, total) = summary.indicator_counts();
    let _ = writeln!(
        o,
        "<table class=\"overall\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        summary.word(Label::Overall),
        summary.word(Label::Score)
    );
    let provisional = format!(" ({})", summary.word(Label::Provisional));
    for (label, s) in [
        (Label::Strategic, &summary.overall.strategic),
        (Label::Operational, &summary.overall.operational),
    ] {
        let _ = writeln!(
            o,
            "<tr><td>{}</td>{}</tr>",
            summary.word(label),
            score_cell(
                summary,
                s,
                if s.is_provisional() { &provisional } else { "" }
            )
        );
    }
    let _ = writeln!(
        o,
        "<tr><td>{}</td><td class=\"num\">{measured} / {total}</td></tr>",
        summary.word(Label::IndicatorsMeasured)
    );
    let not_assessable = summary.not_assessable_count();
    if not_assessable > 0 {
        let _ = writeln!(
            o,
            "<tr><td colspan=\"2\">{}</td></tr>",
            escape(
                &Notice::NotAssessable {
                    count: not_assessable
                }
                .say(summary.lang)
            )
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    let _ = writeln!(
        o,
        "<table class=\"perspectives\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        escape(&summary.column(Column::Perspective)),
        escape(&summary.column(Column::Weight)),
        summary.word(Label::Strategic),
        summary.word(Label::Operational)
    );
    for p in &summary.perspectives {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{} %</td>{}{}</tr>",
            escape(&p.name),
            escape(&loc.number(p.weight)),
            score_cell(summary, &p.score.strategic, ""),
            score_cell(summary, &p.score.operational, "")
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    let mut notes = Vec::new();
    for (i, p) in summary.perspectives.iter().enumerate() {
        let first = if i == 0 { " class=\"first\"" } else { "" };
        let _ = writeln!(o, "<h2{first}>{}</h2>", escape(&p.name));
        let _ = writeln!(
            o,
            "<p>{} <span class=\"score\">{}</span> · {} <span class=\"score\">{}</span></p>",
            summary.word(Label::StrategicScore),
            escape(&score_text(summary, &p.score.strategic)),
            summary.word(Label::OperationalScore),
            escape(&score_text(summary, &p.score.operational))
        );
        table_head(&mut o, summary, Label::StrategicTable);
        for so in &p.objectives {
            let _ = writeln!(
                o,
                "<tr class=\"so\"><td>{}</td><td>{}</td><td class=\"num\">{} %</td><td></td><td></td><td></td>{}</tr>",
                escape(&so.code),
                escape(&so.title),
                escape(&loc.number(so.weight)),
                realization_cell(summary, so.realization.value, "")
            );
            for oo in &so.operational {
                // A strategic objective's own indicators: no operational objective's row.
                if !oo.direct {
                    let _ = writeln!(
                        o,
                        "<tr class=\"oo\"><td>{}</td><td>{}</td><td class=\"num\">{} %</td><td></td><td></td><td></td><td></td></tr>",
                        escape(&oo.code),
                        escape(&oo.title),
                        escape(&loc.number(oo.weight))
                    );
                }
                for ind in &oo.strategic_indicators {
                    indicator_row(&mut o, summary, ind, "s", &mut notes);
                }
            }
        }
        let _ = writeln!(o, "</tbody></table>");
        if !p.has_operational() {
            continue;
        }
        table_head(&mut o, summary, Label::OperationalTable);
        for so in &p.objectives {
            for oo in so.operational.iter().filter(|oo| !oo.direct) {
                let _ = writeln!(
                    o,
                    "<tr class=\"so\"><td>{}</td><td>{} <small>({} / {} {})</small></td><td class=\"num\">{} %</td><td></td><td></td><td></td>{}</tr>",
                    escape(&oo.code),
                    escape(&oo.title),
                    oo.realization.measured,
                    oo.realization.total,
                    summary.word(Label::Measured),
                    escape(&loc.number(oo.weight)),
                    realization_cell(summary, oo.realization.value, "")
                );
                for ind in &oo.indicators {
                    indicator_row(&mut o, summary, ind, "o", &mut notes);
                }
            }
        }
        let _ = writeln!(o, "</tbody></table>");
    }
    if !summary.target_changes.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>",
            escape(summary.word(Label::TargetChangesTable))
        );
        let _ = write!(o, "<table class=\"changes\"><thead><tr>");
        for label in [
            Label::Indicator,
            Label::OriginalTarget,
            Label::NewTarget,
            Label::ChangedOn,
            Label::Reason,
        ] {
            let _ = write!(o, "<th>{}</th>", escape(summary.word(label)));
        }
        let _ = writeln!(o, "</tr></thead><tbody>");
        for c in &summary.target_changes {
            let _ = writeln!(
                o,
                "<tr><td class=\"code\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                escape(&c.id),
                escape(&c.from),
                escape(&c.to),
                escape(&loc.date(c.date)),
                escape(&c.reason)
            );
        }
        let _ = writeln!(o, "</tbody></table>");
    }
    if let Some(table) = &summary.periods {
        periods_table(&mut o, summary, table);
    }
    if !notes.is_empty() {
        let _ = writeln!(
            o,
            "<h3>{}</h3>\n<ul class=\"notes\">",
            summary.word(Label::NotesAndOverrides)
        );
        for n in notes {
            let _ = writeln!(o, "<li>{n}</li>");
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(
        o,
        "<footer>{} <span class=\"tag s\">S</span>{} <span class=\"tag o\">O</span>{}.</footer>\n</body>\n</html>",
        escape(summary.word(Label::HtmlFooter)),
        summary.word(Label::StrategicIndicator),
        summary.word(Label::OperationalIndicator)
    );
    o
}

/// Every period side by side: the overall scores, then each indicator at each period.
fn periods_table(o: &mut String, summary: &Summary, table: &crate::summary::PeriodsTable) {
    let loc = summary.locale;
    let _ = writeln!(o, "<h2>{}</h2>", escape(summary.word(Label::PeriodsTable)));
    let _ = writeln!(
        o,
        "<table class=\"periods\"><thead><tr><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th>",
        escape(summary.word(Label::Indicator)),
        escape(&summary.column(Column::ObjectiveOrIndicator)),
        escape(summary.word(Label::Baseline))
    );
    for p in &table.periods {
        let _ = write!(
            o,
            "<th colspan=\"3\">{} ({})</th>",
            escape(&p.name),
            escape(&loc.date(p.date))
        );
    }
    let _ = writeln!(o, "</tr><tr>");
    for _ in &table.periods {
        for label in [
            Label::PeriodResult,
            Label::PeriodTarget,
            Label::PeriodRealization,
        ] {
            let _ = write!(o, "<th>{}</th>", escape(summary.word(label)));
        }
    }
    let _ = writeln!(o, "</tr></thead><tbody>");
    for (label, strategic) in [(Label::Strategic, true), (Label::Operational, false)] {
        let _ = write!(
            o,
            "<tr class=\"so\"><td></td><td>{}</td><td></td>",
            escape(summary.word(label))
        );
        for s in &table.overall {
            let s = if strategic {
                &s.strategic
            } else {
                &s.operational
            };
            let _ = write!(o, "<td></td><td></td>{}", score_cell(summary, s, ""));
        }
        let _ = writeln!(o, "</tr>");
    }
    for r in &table.rows {
        let _ = write!(
            o,
            "<tr><td class=\"code\">{}</td><td>{}</td><td class=\"num\">{}</td>",
            escape(&r.id),
            escape(&r.description),
            escape(r.baseline.as_deref().unwrap_or(""))
        );
        for c in &r.cells {
            let realization = match c.realization {
                Some(_) => realization_cell(summary, c.realization, ""),
                None => format!(
                    "<td class=\"num\">{}</td>",
                    escape(&c.realization_text(summary))
                ),
            };
            let _ = write!(
                o,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td>{realization}",
                escape(&c.result),
                escape(&c.target)
            );
        }
        let _ = writeln!(o, "</tr>");
    }
    let _ = writeln!(o, "</tbody></table>");
}

fn table_head(o: &mut String, summary: &Summary, caption: Label) {
    let c = |column| escape(&summary.column(column));
    let _ = writeln!(
        o,
        "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        summary.word(caption),
        c(Column::Code),
        c(Column::ObjectiveOrIndicator),
        c(Column::Weight),
        c(Column::Result),
        c(Column::Target),
        c(Column::Deviation),
        c(Column::Realization)
    );
}

fn indicator_row(
    o: &mut String,
    summary: &Summary,
    ind: &IndicatorSummary,
    tag: &str,
    notes: &mut Vec<String>,
) {
    let result = if ind.pending {
        pending_cell(summary.word(Label::Pending))
    } else {
        format!("<td class=\"num\">{}</td>", escape(&ind.result_text))
    };
    let _ = writeln!(
        o,
        "<tr class=\"ind\"><td><span class=\"tag {tag}\">{}</span>{}</td><td>{}</td><td></td>{result}<td class=\"num\">{}</td><td class=\"num\">{}</td>{}</tr>",
        tag.to_uppercase(),
        escape(&ind.id),
        escape(&ind.description),
        escape(&ind.target),
        escape(&ind.deviation_text),
        match (&ind.unscorable, ind.realization) {
            _ if ind.not_assessable.is_some() => pending_cell(summary.word(Label::NotAssessable)),
            (Some(_), None) => pending_cell(summary.word(Label::CannotBeScored)),
            _ => realization_cell(
                summary,
                ind.realization,
                if ind.overridden { " ✎" } else { "" }
            ),
        }
    );
    let mut note = |label: Label, text: &str| {
        notes.push(format!(
            "<strong>{}</strong> — {}: {}",
            escape(&ind.id),
            summary.word(label),
            escape(text)
        ));
    };
    if let Some(why) = &ind.unscorable {
        note(
            Label::CannotBeScored,
            &why.say_in(summary.lang, summary.locale),
        );
    }
    if let Some(reason) = &ind.not_assessable {
        note(Label::NotAssessable, reason);
    }
    if let Some(reason) = &ind.override_reason {
        note(Label::SetByHand, reason);
    }
    if let Some(text) = &ind.note {
        note(Label::Note, text);
    }
}
