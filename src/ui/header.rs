//! The header: the plan's title with its badges, the strategic and operational scores, and
//! the counts of measured indicators and findings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use super::common::{bar, percent_or_pending, status_style};
use super::theme::Theme;
use crate::app::{App, EditField, Mode};
use crate::lang::Word;
use crate::score::Mean;
use crate::text::{pad_right, width};
use crate::validate::Severity;

fn is_previewing(app: &App) -> bool {
    matches!(&app.mode, Mode::Edit(e) if e.error.is_none() && matches!(e.field, EditField::Result | EditField::OverrideRealization))
}

pub(super) fn draw_header(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let words = app.lang.words();
    let w = area.width as usize;
    let mut right = Vec::new();
    // The monitoring period shown: always in sight, since every figure and every result
    // typed is that period's (`[` and `]` switch it; the help says so).
    if let Some(i) = app.period_index() {
        let p = &app.plan.periods[i];
        right.push(Span::styled(
            format!(
                " {}: {} ({}/{}) ",
                words.word(Word::Period),
                crate::text::truncate(&p.name, 24),
                i + 1,
                app.plan.periods.len(),
            ),
            theme.preview(),
        ));
    }
    if app.read_only {
        right.push(Span::styled(words.word(Word::ReadOnlyBadge), theme.error()));
    }
    if app.journal_down.is_some() && !app.read_only {
        right.push(Span::styled(
            words.word(Word::NoRecoveryBadge),
            theme.error(),
        ));
    }
    if app.is_dirty() {
        right.push(Span::styled(
            words.word(Word::UnsavedBadge),
            theme.unsaved(),
        ));
    }
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let title = format!(
        "{} · {} · {}",
        app.plan.organization, app.plan.title, app.plan.year
    );
    let mut line1 = vec![Span::styled(
        pad_right(&title, w.saturating_sub(right_w)),
        theme.title(),
    )];
    line1.extend(right);

    let shown = &app.scores.shown;
    let bar_w = if w >= 100 { 20 } else { 10 };
    let labels = [words.word(Word::Strategic), words.word(Word::Operational)];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let score_spans = |label: &str, v: Option<Decimal>| -> Vec<Span<'static>> {
        let style = status_style(app, theme, v);
        vec![
            Span::styled(format!("{} ", pad_right(label, label_w)), theme.bold()),
            Span::styled(bar(v.unwrap_or_default(), bar_w), style),
            Span::styled(
                format!(" {:>9}", percent_or_pending(app, v)),
                style.add_modifier(Modifier::BOLD),
            ),
            Span::raw("   "),
        ]
    };
    let mut line2 = score_spans(labels[0], shown.strategic);
    if app.scores.overall.operational.total == 0 && !app.plan.perspectives.is_empty() {
        // No operational objective anywhere (every strategic objective is measured by its
        // own indicators): there is no operational score to wait for.
        line2.extend([
            Span::styled(format!("{} ", pad_right(labels[1], label_w)), theme.bold()),
            Span::styled("—", theme.dim()),
            Span::raw("   "),
        ]);
    } else {
        line2.extend(score_spans(labels[1], shown.operational));
    }
    if is_previewing(app) {
        line2.push(Span::styled(words.word(Word::Preview), theme.preview()));
    }
    if crate::validate::has_errors(&app.findings) {
        // The scores stand on a plan with errors: what is wrong is left out of them.
        line2.push(Span::styled(words.word(Word::ErrorsLeftOut), theme.error()));
    }

    let counts: Mean = app.scores.indicator_counts();
    let errors = app
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = app.findings.len() - errors;
    let mut line3 = vec![Span::raw(words.measured(counts.measured, counts.total))];
    if counts.not_assessable > 0 {
        line3.push(Span::raw(format!(
            " · {}",
            words.not_assessable_count(counts.not_assessable)
        )));
    }
    if counts.is_provisional() {
        line3.push(Span::styled(words.word(Word::Provisional), theme.warning()));
    }
    line3.push(Span::raw(words.filter_is(&app.filter)));
    if errors > 0 {
        line3.push(Span::styled(
            format!(" · {}", words.errors(errors)),
            theme.error(),
        ));
    }
    if warnings > 0 {
        line3.push(Span::styled(
            format!(" · {}", words.warnings(warnings)),
            theme.warning(),
        ));
    }
    line3.push(Span::styled(
        format!(" · {}", app.path.display()),
        theme.dim(),
    ));
    if app.lock_note.is_some() {
        line3.push(Span::styled(words.word(Word::LockNote), theme.warning()));
    }
    let text = Text::from(vec![
        Line::from(line1),
        Line::from(line2),
        Line::from(line3),
    ]);
    frame.render_widget(Paragraph::new(text), area);
}
