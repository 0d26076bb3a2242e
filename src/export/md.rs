//! Markdown: the summary and the seed's two tables per perspective, ready to paste into the
//! annual report.

use std::fmt::Write as _;

use super::{Options, draft_heading, provisional_notice};
use crate::plan::Locale;
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

fn pct(loc: Locale, s: &Score) -> String {
    match s.value {
        Some(v) if s.is_provisional() => format!("{} (provisional)", loc.percent(v)),
        Some(v) => loc.percent(v),
        None => "pending".to_string(),
    }
}

fn realization(loc: Locale, ind: &IndicatorSummary) -> String {
    match ind.realization {
        Some(r) if ind.overridden => format!("{} ✎", loc.percent(r)),
        Some(r) => loc.percent(r),
        None if ind.pending => "*pending*".to_string(),
        None => "cannot be scored".to_string(),
    }
}

pub fn render(summary: &Summary, opts: &Options) -> String {
    let loc = summary.locale;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&summary.title));
    let _ = writeln!(
        out,
        "**{}** · {} · exported {}\n",
        escape(&summary.organization),
        summary.year,
        loc.date(opts.date)
    );
    if !summary.errors.is_empty() {
        let _ = writeln!(out, "> **{}**\n>", escape(draft_heading(loc)));
        for e in &summary.errors {
            let _ = writeln!(out, "> - {}", escape(e));
        }
        let _ = writeln!(out);
    }
    if let Some(n) = provisional_notice(summary) {
        let _ = writeln!(out, "> **{}**\n", escape(&n));
    }
    let (measured, total) = summary.indicator_counts();
    let _ = writeln!(out, "## Overall scores\n");
    let _ = writeln!(out, "| Layer | Score |\n|---|---:|");
    let _ = writeln!(
        out,
        "| Strategic | {} |",
        pct(loc, &summary.overall.strategic)
    );
    let _ = writeln!(
        out,
        "| Operational | {} |",
        pct(loc, &summary.overall.operational)
    );
    let _ = writeln!(out, "| Indicators measured | {measured} / {total} |\n");
    let _ = writeln!(
        out,
        "| Perspective | Weight | Strategic | Operational |\n|---|---:|---:|---:|"
    );
    for p in &summary.perspectives {
        let _ = writeln!(
            out,
            "| {} | {} % | {} | {} |",
            escape(&p.name),
            loc.number(p.weight),
            pct(loc, &p.score.strategic),
            pct(loc, &p.score.operational)
        );
    }
    let mut notes: Vec<String> = Vec::new();
    for p in &summary.perspectives {
        let _ = writeln!(out, "\n## {}\n", escape(&p.name));
        let _ = writeln!(out, "### Strategic objectives and their indicators\n");
        let _ = writeln!(
            out,
            "| Code | Objective / indicator | Weight | Result | Target | Realization |\n|---|---|---:|---:|---:|---:|"
        );
        for so in &p.objectives {
            let _ = writeln!(
                out,
                "| **{}** | **{}** | {} % | | | **{}** |",
                escape(&so.code),
                escape(&so.title),
                loc.number(so.weight),
                pct(loc, &so.realization)
            );
            for oo in &so.operational {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} % | | | |",
                    escape(&oo.code),
                    escape(&oo.title),
                    loc.number(oo.weight)
                );
                for ind in &oo.strategic_indicators {
                    indicator_row(&mut out, loc, ind, &mut notes);
                }
            }
        }
        let _ = writeln!(out, "\n### Operational objectives and their indicators\n");
        let _ = writeln!(
            out,
            "| Code | Objective / indicator | Weight | Result | Target | Realization |\n|---|---|---:|---:|---:|---:|"
        );
        for so in &p.objectives {
            for oo in &so.operational {
                let _ = writeln!(
                    out,
                    "| **{}** | **{}** ({} / {} measured) | {} % | | | **{}** |",
                    escape(&oo.code),
                    escape(&oo.title),
                    oo.realization.measured,
                    oo.realization.total,
                    loc.number(oo.weight),
                    pct(loc, &oo.realization)
                );
                for ind in &oo.indicators {
                    indicator_row(&mut out, loc, ind, &mut notes);
                }
            }
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n## Notes and overrides\n");
        for n in notes {
            let _ = writeln!(out, "- {n}");
        }
    }
    let _ = writeln!(
        out,
        "\n---\n*Realization: result against target, 0–100 %; objectives: mean of their indicators; scores: weighted by the objectives' weights. ✎ realization set by hand (reason under Notes and overrides).*"
    );
    out
}

fn indicator_row(out: &mut String, loc: Locale, ind: &IndicatorSummary, notes: &mut Vec<String>) {
    let _ = writeln!(
        out,
        "| {} | {} | | {} | {} | {} |",
        escape(&ind.id),
        escape(&ind.description),
        if ind.pending {
            "*pending*".to_string()
        } else {
            escape(&ind.result_text)
        },
        escape(&ind.target),
        realization(loc, ind)
    );
    if let Some(why) = &ind.unscorable {
        notes.push(format!(
            "**{}** — cannot be scored: {}",
            escape(&ind.id),
            escape(why)
        ));
    }
    if let Some(reason) = &ind.override_reason {
        notes.push(format!(
            "**{}** — realization set by hand: {}",
            escape(&ind.id),
            escape(reason)
        ));
    }
    if let Some(note) = &ind.note {
        notes.push(format!("**{}** — note: {}", escape(&ind.id), escape(note)));
    }
}
