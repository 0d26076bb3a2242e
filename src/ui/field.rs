//! The field being typed (a result, a note, an override, a search, a file name) and the
//! export dialog with its field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::app::input::InputEdit;
use crate::app::keymap;
use crate::app::{Action, App, EditField, Mode, PathPurpose};
use crate::lang::{ValueKind, Word};
use crate::plan::Unit;
use crate::text::{truncate, width};
use crate::validate::Severity;

pub(super) fn draw_field(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let words = app.lang.words();
    let key = |context, action| keymap::key_for(context, &action, app.lang);
    let field_key = |action| key(keymap::Context::Field, action);
    let (label, input, error, hint) = match &app.mode {
        Mode::Edit(e) => {
            let ind = app.plan.indicator(e.path);
            let hint = match e.field {
                EditField::Result => result_hint(app, &ind.unit),
                EditField::Note => words.word(Word::NoteHint).to_string(),
                EditField::OverrideRealization => words.word(Word::OverrideHint).to_string(),
                EditField::OverrideReason => words.word(Word::ReasonHint).to_string(),
                EditField::NotAssessableReason => words.word(Word::NotAssessableHint).to_string(),
                EditField::Target => words.word(Word::TargetHint).to_string(),
                EditField::TargetDate => words.word(Word::TargetDateHint).to_string(),
                EditField::TargetReason => words.word(Word::TargetReasonHint).to_string(),
            };
            (
                format!(" {} · {} ", words.field_label(e.field), ind.id),
                &e.input,
                e.error.as_ref().map(|e| words.field_error(e)),
                hint,
            )
        }
        Mode::Search { input, .. } => {
            let n = app.match_count();
            (
                words.word(Word::SearchTitle).to_string(),
                input,
                None,
                words.search_hint(
                    n,
                    &field_key(Action::Submit),
                    &key(keymap::Context::Tree, Action::NextMatch),
                    &key(keymap::Context::Tree, Action::PrevMatch),
                    &field_key(Action::Cancel),
                ),
            )
        }
        Mode::Export {
            format,
            input,
            error,
            ..
        } => {
            let errors = app
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let error = error.as_ref().map(|e| words.field_error(e));
            return draw_export(
                app,
                frame,
                area,
                *format,
                input,
                error.as_deref(),
                errors,
                theme,
            );
        }
        Mode::Path {
            input,
            purpose,
            error,
        } => {
            let label = match purpose {
                PathPurpose::SaveAs => words.word(Word::SaveAsTitle),
                PathPurpose::Import => words.word(Word::ImportTitle),
            };
            (
                label.to_string(),
                input,
                error.as_ref().map(|e| words.field_error(e)),
                words.save_as_hint(&field_key(Action::Submit), &field_key(Action::Cancel)),
            )
        }
        _ => return,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(label);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 2 {
        return;
    }
    let w = inner.width as usize;
    let text = input.text();
    let before = input.before_cursor();
    // Scroll the field so that the cursor stays visible.
    let cursor_cells = width(&before);
    let skip_cells = cursor_cells.saturating_sub(w.saturating_sub(2));
    let mut shown = String::new();
    let mut cells = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cells >= skip_cells {
            shown.push(c);
        }
        cells += cw;
    }
    frame.render_widget(
        // A value selected (typing replaces it) is drawn as a selection.
        Paragraph::new(Line::from(Span::styled(
            truncate(&shown, w),
            if input.is_selected() {
                theme.selection()
            } else {
                theme.bold()
            },
        ))),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let cx = inner.x + (cursor_cells - skip_cells).min(w.saturating_sub(1)) as u16;
    frame.set_cursor_position((cx, inner.y));
    if inner.height > 1 {
        let line = match error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
            None => Line::styled(hint, theme.dim()),
        };
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_export(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    format: crate::export::Format,
    input: &crate::app::input::Input,
    error: Option<&str>,
    errors: usize,
    theme: Theme,
) {
    let words = app.lang.words();
    let hints: String = keymap::hints(keymap::Context::Export, app.lang)
        .iter()
        .map(|(k, w)| format!("· {k} {w} "))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!("{}{hints}", words.word(Word::ExportTitle)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    for f in crate::export::Format::ALL {
        let chosen = f == format;
        lines.push(Line::from(vec![
            Span::raw(if chosen { " (•) " } else { " ( ) " }),
            Span::styled(
                words.format_name(f),
                if chosen { theme.bold() } else { Style::new() },
            ),
        ]));
    }
    lines.push(Line::from(""));
    let w = inner.width as usize;
    let label = words.word(Word::FileLabel);
    lines.push(Line::from(vec![
        Span::styled(label, theme.dim()),
        Span::styled(
            truncate(&input.text(), w.saturating_sub(width(label))),
            theme.bold(),
        ),
    ]));
    lines.push(match (error, errors) {
        (Some(e), _) => Line::styled(format!("✗ {e}"), theme.error()),
        (None, n) if n > 0 => Line::styled(
            words.export_errors(
                n,
                &keymap::key_for(keymap::Context::Tree, &Action::NextFinding, app.lang),
            ),
            theme.error(),
        ),
        (None, _) => Line::styled(words.word(Word::ExportPendingNote), theme.dim()),
    });
    let path_row = inner.y + crate::export::Format::ALL.len() as u16 + 1;
    frame.render_widget(Paragraph::new(lines), inner);
    let cx =
        inner.x + (width(label) + width(&input.before_cursor())).min(w.saturating_sub(1)) as u16;
    if path_row < inner.y + inner.height {
        frame.set_cursor_position((cx, path_row));
    }
}

fn result_hint(app: &App, unit: &Unit) -> String {
    let words = app.lang.words();
    let kind = match unit {
        Unit::Date => ValueKind::Date,
        Unit::Percent => ValueKind::Percent,
        Unit::YesNo => ValueKind::YesNo,
        _ => ValueKind::Number,
    };
    let key = |a| keymap::key_for(keymap::Context::Field, &a, app.lang);
    format!(
        "{} · {}",
        words.value_hint(kind, app.plan.locale),
        words.value_hint_keys(
            &key(Action::Submit),
            &key(Action::Cancel),
            &key(Action::Input(InputEdit::Left)),
            &key(Action::Input(InputEdit::Right)),
        )
    )
}
