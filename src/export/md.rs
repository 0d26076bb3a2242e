//! Markdown: the summary and the seed's two tables per perspective, ready to paste into the
//! annual report.

use std::fmt::Write as _;

use super::words::{Column, Label, Notice};
use super::{Options, provisional_notice};
use crate::lang::Say;
use crate::summary::{IndicatorSummary, Score, Summary};

/// Text made safe for a Markdown table cell: special characters escaped, line breaks kept
/// as `<br>`, and nothing read as HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            // Only where it could start a tag or an entity, so `<= 5` and `>= 80 %` stay
            // as the controller wrote them.
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("&lt;")
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn pct(summary: &Summary, s: &Score) -> String {
    let loc = summary.locale;
    match s.value {
        Some(v) if s.is_provisional() => {
            format!("{} ({})", loc.figure(v), summary.word(Label::Provisional))
        }
        Some(v) => loc.figure(v),
        // Nothing to measure (no operational objective anywhere under it): not pending.
        None if s.is_empty() => "—".to_string(),
        None => summary.word(Label::Pending).to_string(),
    }
}

fn realization(summary: &Summary, ind: &IndicatorSummary) -> String {
    let loc = summary.locale;
    match ind.realization {
        _ if ind.not_assessable.is_some() => format!("*{}*", summary.word(Label::NotAssessable)),
        Some(r) if ind.overridden => format!("{} ✎", loc.figure(r)),
        Some(r) => loc.figure(r),
        None if ind.pending => format!("*{}*", summary.word(Label::Pending)),
        None => summary.word(Label::CannotBeScored).to_string(),
    }
}

/// The header of a table of objectives and indicators, with its alignment row.
fn table_head(summary: &Summary) -> String {
    let c = |column| escape(&summary.column(column));
    format!(
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---:|---:|",
        c(Column::Code),
        c(Column::ObjectiveOrIndicator),
        c(Column::Weight),
        c(Column::Result),
        c(Column::Target),
        c(Column::Deviation),
        c(Column::Realization),
    )
}

pub fn render(summary: &Summary, opts: &Options) -> String {
    let loc = summary.locale;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&summary.title));
    let _ = writeln!(
        out,
        "**{}** · {} · {} {}\n",
        escape(&summary.organization),
        summary.year,
        summary.word(Label::ExportedOn),
        loc.date(opts.date)
    );
    if let Some(line) = summary.period_line() {
        let _ = writeln!(out, "**{}**\n", escape(&line));
    }
    if !summary.errors.is_empty() {
        let _ = writeln!(out, "> **{}**\n>", escape(summary.word(Label::Draft)));
        for e in &summary.errors {
            let _ = writeln!(out, "> - {}", escape(&e.say(summary.lang)));
        }
        let _ = writeln!(out);
    }
    if let Some(n) = provisional_notice(summary) {
        let _ = writeln!(out, "> **{}**\n", escape(&n));
    }
    let (measured, total) = summary.indicator_counts();
    let _ = writeln!(out, "## {}\n", summary.word(Label::OverallScores));
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---:|",
        summary.word(Label::Layer),
        summary.word(Label::Score)
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        summary.word(Label::Strategic),
        pct(summary, &summary.overall.strategic)
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        summary.word(Label::Operational),
        pct(summary, &summary.overall.operational)
    );
    let _ = writeln!(
        out,
        "| {} | {measured} / {total} |",
        summary.word(Label::IndicatorsMeasured)
    );
    let not_assessable = summary.not_assessable_count();
    if not_assessable > 0 {
        let _ = writeln!(
            out,
            "| {} | |",
            Notice::NotAssessable {
                count: not_assessable
            }
            .say(summary.lang)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        escape(&summary.column(Column::Perspective)),
        escape(&summary.column(Column::Weight)),
        summary.word(Label::Strategic),
        summary.word(Label::Operational)
    );
    for p in &summary.perspectives {
        let _ = writeln!(
            out,
            "| {} | {} % | {} | {} |",
            escape(&p.name),
            loc.number(p.weight),
            pct(summary, &p.score.strategic),
            pct(summary, &p.score.operational)
        );
    }
    let mut notes: Vec<String> = Vec::new();
    for p in &summary.perspectives {
        let _ = writeln!(out, "\n## {}\n", escape(&p.name));
        let _ = writeln!(out, "### {}\n", summary.word(Label::StrategicTable));
        let _ = writeln!(out, "{}", table_head(summary));
        for so in &p.objectives {
            let _ = writeln!(
                out,
                "| **{}** | **{}** | {} % | | | | **{}** |",
                escape(&so.code),
                escape(&so.title),
                loc.number(so.weight),
                pct(summary, &so.realization)
            );
            for oo in &so.operational {
                // A strategic objective's own indicators: no operational objective's row.
                if !oo.direct {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} % | | | | |",
                        escape(&oo.code),
                        escape(&oo.title),
                        loc.number(oo.weight)
                    );
                }
                for ind in &oo.strategic_indicators {
                    indicator_row(&mut out, summary, ind, &mut notes);
                }
            }
        }
        if !p.has_operational() {
            continue;
        }
        let _ = writeln!(out, "\n### {}\n", summary.word(Label::OperationalTable));
        let _ = writeln!(out, "{}", table_head(summary));
        for so in &p.objectives {
            for oo in so.operational.iter().filter(|oo| !oo.direct) {
                let _ = writeln!(
                    out,
                    "| **{}** | **{}** ({} / {} {}) | {} % | | | | **{}** |",
                    escape(&oo.code),
                    escape(&oo.title),
                    oo.realization.measured,
                    oo.realization.total,
                    summary.word(Label::Measured),
                    loc.number(oo.weight),
                    pct(summary, &oo.realization)
                );
                for ind in &oo.indicators {
                    indicator_row(&mut out, summary, ind, &mut notes);
                }
            }
        }
    }
    if !summary.target_changes.is_empty() {
        let _ = writeln!(out, "\n## {}\n", summary.word(Label::TargetChangesTable));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---:|---:|---|---|",
            summary.word(Label::Indicator),
            summary.word(Label::OriginalTarget),
            summary.word(Label::NewTarget),
            summary.word(Label::ChangedOn),
            summary.word(Label::Reason)
        );
        for c in &summary.target_changes {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&c.id),
                escape(&c.from),
                escape(&c.to),
                escape(&loc.date(c.date)),
                escape(&c.reason)
            );
        }
    }
    if let Some(table) = &summary.periods {
        let _ = writeln!(out, "\n## {}\n", summary.word(Label::PeriodsTable));
        let mut head = format!(
            "| {} | {} | {} |",
            summary.word(Label::Indicator),
            escape(&summary.column(Column::ObjectiveOrIndicator)),
            summary.word(Label::Baseline)
        );
        let mut rule = "|---|---|---:|".to_string();
        for p in &table.periods {
            let name = escape(&format!("{} ({})", p.name, loc.date(p.date)));
            head.push_str(&format!(
                " {name}: {} | {} | {} |",
                summary.word(Label::PeriodResult),
                summary.word(Label::PeriodTarget),
                summary.word(Label::PeriodRealization)
            ));
            rule.push_str("---:|---:|---:|");
        }
        let _ = writeln!(out, "{head}\n{rule}");
        for (label, strategic) in [(Label::Strategic, true), (Label::Operational, false)] {
            let mut line = format!("| | **{}** | |", summary.word(label));
            for s in &table.overall {
                let s = if strategic {
                    &s.strategic
                } else {
                    &s.operational
                };
                line.push_str(&format!(" | | **{}** |", pct(summary, s)));
            }
            let _ = writeln!(out, "{line}");
        }
        for r in &table.rows {
            let mut line = format!(
                "| {} | {} | {} |",
                escape(&r.id),
                escape(&r.description),
                escape(r.baseline.as_deref().unwrap_or(""))
            );
            for c in &r.cells {
                let realization = c.realization_text(summary);
                line.push_str(&format!(
                    " {} | {} | {} |",
                    escape(&c.result),
                    escape(&c.target),
                    realization
                ));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n## {}\n", summary.word(Label::NotesAndOverrides));
        for n in notes {
            let _ = writeln!(out, "- {n}");
        }
    }
    let _ = writeln!(
        out,
        "\n---\n*{}*",
        escape(summary.word(Label::MarkdownFooter))
    );
    out
}

fn indicator_row(
    out: &mut String,
    summary: &Summary,
    ind: &IndicatorSummary,
    notes: &mut Vec<String>,
) {
    let _ = writeln!(
        out,
        "| {} | {} | | {} | {} | {} | {} |",
        escape(&ind.id),
        escape(&ind.description),
        if ind.pending {
            format!("*{}*", summary.word(Label::Pending))
        } else {
            escape(&ind.result_text)
        },
        escape(&ind.target),
        escape(&ind.deviation_text),
        realization(summary, ind)
    );
    let mut note = |label: Label, text: &str| {
        notes.push(format!(
            "**{}** — {}: {}",
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
