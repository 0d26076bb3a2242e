//! What is drawn over the screen: the help, the dialogs, the restore question, and the
//! message that replaces everything when the terminal is too small.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::common::hint_line;
use super::theme::Theme;
use crate::app::keymap;
use crate::app::{Action, App};
use crate::lang::Word;
use crate::text::{pad_right, truncate, width};

pub(super) fn draw_too_small(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let msg = app.lang.words().too_small(
        area.width,
        area.height,
        crate::layout::MIN_WIDTH,
        crate::layout::MIN_HEIGHT,
    );
    let p = Paragraph::new(msg)
        .style(theme.warning())
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(p, rect);
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub(super) fn draw_help(app: &App, frame: &mut Frame, area: Rect, scroll: u16, theme: Theme) {
    let words = app.lang.words();
    let rect = centered(area, 90, area.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    let mut lines = vec![
        Line::styled(words.word(Word::HelpTitle), theme.title()),
        Line::styled(words.word(Word::HelpLegend), theme.dim()),
    ];
    for (section, keys, help) in keymap::help_lines(app.lang) {
        match section {
            Some(title) => {
                lines.push(Line::from(""));
                lines.push(Line::styled(title.to_string(), theme.bold()));
            }
            None => lines.push(Line::from(vec![
                Span::styled(format!("  {} ", pad_right(&keys, 22)), theme.code()),
                Span::raw(help.to_string()),
            ])),
        }
    }
    let max_scroll = (lines.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    let key = |a| keymap::key_for(keymap::Context::Help, &a, app.lang);
    let scroll_keys = format!("· {}{} ", key(Action::Up), key(Action::Down));
    let hints: String = keymap::hints(keymap::Context::Help, app.lang)
        .iter()
        .map(|(k, w)| format!("{scroll_keys}· {k} {w} "))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!("{}{hints}", words.word(Word::HelpFrame)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max_scroll), 0)),
        rect,
    );
}

/// Lines of `text` wrapped at `width` cells (to size a dialog before drawing it).
fn wrapped_height(text: &str, cells: usize) -> u16 {
    let cells = cells.max(1);
    text.split('\n')
        .map(|line| width(line).div_ceil(cells).max(1))
        .sum::<usize>()
        .min(u16::MAX as usize) as u16
}

pub(super) fn draw_dialog(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    kind: crate::app::DialogKind,
    selected: usize,
    theme: Theme,
) {
    let words = app.lang.words();
    let choices = words.dialog_choices(kind);
    let w = 72.min(area.width);
    let question = words.dialog_question(&app.dialog_question(kind));
    // Words wrap a little short of the width: leave a line to spare.
    let text_h = wrapped_height(&question, w.saturating_sub(2) as usize).saturating_add(1);
    let rect = centered(area, w, text_h.saturating_add(3 + choices.len() as u16));
    frame.render_widget(Clear, rect);
    let mut lines = vec![Line::from(question), Line::from("")];
    for (i, c) in choices.iter().enumerate() {
        let style = if i == selected {
            theme.selection()
        } else {
            Style::new()
        };
        lines.push(
            Line::from(vec![
                Span::styled(format!(" [{}] ", c.key), theme.code()),
                Span::raw(c.label.to_string()),
            ])
            .style(style),
        );
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!(" {} ", words.dialog_title(kind)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The restore question: what the journal holds, and the fields changed in the file too,
/// each with the file's value and the user's, and which is taken.
pub(super) fn draw_restore(app: &App, frame: &mut Frame, area: Rect, cursor: usize, theme: Theme) {
    let w = 90.min(area.width);
    let inner_w = w.saturating_sub(2) as usize;
    let words = app.lang.words();
    let mut question = app
        .restore_facts()
        .map(|f| match f.git_merge {
            true => words.git_merge_lines(&f),
            false => words.restore_lines(&f),
        })
        .unwrap_or_default();
    // The changes left out that could not be written down in a file: listed here.
    if let Some(r) = &app.recovery
        && r.left_out_file.is_none()
    {
        question.extend(r.left_out_lines().lines().map(str::to_string));
    }
    let conflicts = app.restore_conflict_lines();
    let text_h: u16 = question
        .iter()
        .map(|q| wrapped_height(q, inner_w))
        .fold(0u16, u16::saturating_add)
        .saturating_add(question.len().min(u16::MAX as usize) as u16);
    let list_room = area.height.saturating_sub(text_h.saturating_add(6)).max(3);
    let list_h = (conflicts.len().min(u16::MAX as usize) as u16).min(list_room);
    let rect = centered(area, w, text_h.saturating_add(list_h).saturating_add(4));
    frame.render_widget(Clear, rect);
    let mut lines: Vec<Line> = Vec::new();
    for q in question {
        lines.push(Line::from(q));
    }
    // Scroll the list so that the selected field is on show.
    let first = cursor.saturating_sub(list_h.saturating_sub(1) as usize);
    for (i, (mine, text)) in conflicts
        .iter()
        .enumerate()
        .skip(first)
        .take(list_h as usize)
    {
        let mark = words.word(if *mine { Word::Yours } else { Word::FileValue });
        let style = if i == cursor {
            theme.selection()
        } else {
            Style::new()
        };
        lines.push(
            Line::from(vec![
                Span::styled(format!(" {mark} "), theme.code()),
                Span::raw(truncate(text, inner_w.saturating_sub(10))),
            ])
            .style(style),
        );
    }
    lines.push(Line::from(""));
    // Every key, wrapped if need be.
    lines.push(hint_line(app, keymap::Context::Restore, usize::MAX, theme));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!(
            " {} ",
            match app.restore_is_git_merge() {
                true => words.git_merge_title(),
                false => words.restore_title(app.restore_is_merge()),
            }
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// A pasted column before it goes in: each value with its indicator, old → new, and every
/// line that cannot be read, with why.
pub(super) fn draw_paste(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    rows: &[crate::app::paste::PasteRow],
    scroll: usize,
    theme: Theme,
) {
    let words = app.lang.words();
    let loc = app.plan.locale;
    let w = 90.min(area.width);
    let inner_w = w.saturating_sub(2) as usize;
    let room = area.height.saturating_sub(6).max(3) as usize;
    let shown = rows.len().min(room);
    let rect = centered(area, w, (shown as u16).saturating_add(4));
    frame.render_widget(Clear, rect);
    let mut lines: Vec<Line> = Vec::new();
    let value = |ind: &crate::plan::Indicator, v: Option<crate::plan::Value>| {
        v.map_or_else(
            || words.word(Word::Pending).to_string(),
            |v| loc.value(v, &ind.unit),
        )
    };
    for r in rows.iter().skip(scroll).take(shown) {
        let line = match (r.path, &r.new) {
            (Some(p), Ok(new)) => {
                let ind = app.plan.indicator(p);
                // An empty cell clears a result, as pasting it in a spreadsheet does: said
                // in so many words, so that a gap in the column is not a surprise.
                let (text, style) = match (r.old, new) {
                    (Some(_), None) => (
                        format!(
                            "{} → {} ({})",
                            value(ind, r.old),
                            value(ind, *new),
                            words.word(Word::PasteClears)
                        ),
                        theme.warning(),
                    ),
                    (old, new) if old == *new => (
                        format!("{} → {}", value(ind, r.old), value(ind, *new)),
                        theme.dim(),
                    ),
                    _ => (
                        format!("{} → {}", value(ind, r.old), value(ind, *new)),
                        Style::default(),
                    ),
                };
                Line::from(vec![
                    Span::styled(format!(" {} ", pad_right(&ind.id, 12)), theme.code()),
                    Span::styled(truncate(&text, inner_w.saturating_sub(14)), style),
                ])
            }
            (Some(p), Err(e)) => {
                let ind = app.plan.indicator(p);
                Line::styled(
                    truncate(
                        &format!(" ✗ {} «{}»: {}", ind.id, r.text, words.field_error(e)),
                        inner_w,
                    ),
                    theme.error(),
                )
            }
            (None, _) => Line::styled(
                truncate(
                    &format!(" ✗ «{}»: {}", r.text, words.word(Word::PasteBeyond)),
                    inner_w,
                ),
                theme.error(),
            ),
        };
        lines.push(line);
    }
    lines.push(Line::from(""));
    lines.push(hint_line(app, keymap::Context::Paste, usize::MAX, theme));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(words.word(Word::PasteTitle));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The preview of an import: what is wrong (nothing goes in then), the conflicts (left
/// out), and each change, old → new.
pub(super) fn draw_import(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    import: &crate::forms::import::Import,
    scroll: usize,
    theme: Theme,
) {
    use crate::lang::Say;
    let words = app.lang.words();
    let w = 100.min(area.width);
    let inner_w = w.saturating_sub(2) as usize;
    let mut all: Vec<Line> = Vec::new();
    for p in &import.problems {
        let text = crate::cli::Msg::ImportProblem(p).say(app.lang);
        all.push(Line::styled(
            truncate(&format!(" ✗ {text}"), inner_w),
            theme.error(),
        ));
    }
    for c in &import.conflicts {
        let unit = app
            .plan
            .find_indicator(&c.id)
            .map(|p| app.plan.indicator(p).unit.clone())
            .unwrap_or(crate::plan::Unit::Number);
        let value = |v: &crate::plan::FieldValue| match v {
            crate::plan::FieldValue::Result(Some(x)) => app.plan.locale.value(*x, &unit),
            crate::plan::FieldValue::Note(Some(n)) => format!("«{n}»"),
            _ => "—".to_string(),
        };
        let text = crate::cli::Msg::ImportConflict(Box::new(crate::cli::ImportConflictLine {
            at: &c.at,
            id: &c.id,
            field: words.field_name(crate::app::msg::FieldName::of(c.field)),
            period: c.period.as_deref(),
            held: value(&c.held),
            now: value(&c.now),
            sent: value(&c.sent),
        }))
        .say(app.lang);
        all.push(Line::styled(
            truncate(&format!(" ! {text}"), inner_w),
            theme.warning(),
        ));
    }
    for (p, c, _) in &import.changes {
        let ind = app.plan.indicator(*p);
        let shown = |v| words.shown(&app.value_shown(ind, v));
        let period = c
            .period
            .as_ref()
            .map_or(String::new(), |p| format!(" ({p})"));
        let field = words.field_name(crate::app::msg::FieldName::of(c.field()));
        all.push(Line::from(vec![
            Span::styled(format!(" {} ", pad_right(&ind.id, 12)), theme.code()),
            Span::raw(truncate(
                &format!("{field}{period}: {} → {}", shown(&c.old), shown(&c.new)),
                inner_w.saturating_sub(14),
            )),
        ]));
    }
    // A problem says where and what to fix: its lines wrap rather than being cut.
    let room = area.height.saturating_sub(6).max(3) as usize;
    let scroll = scroll.min(all.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    let mut height = 0;
    for line in all.into_iter().skip(scroll) {
        let rows = line.width().div_ceil(inner_w.max(1)).max(1);
        if height + rows > room && !lines.is_empty() {
            break;
        }
        height += rows;
        lines.push(line);
    }
    let rect = centered(area, w, (height as u16).saturating_add(4));
    frame.render_widget(Clear, rect);
    lines.push(Line::from(""));
    lines.push(hint_line(app, keymap::Context::Paste, usize::MAX, theme));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(words.word(Word::ImportPreviewTitle));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}
