//! The status line: the last message, and the keys of the current context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::common::hint_line;
use super::theme::Theme;
use crate::app::App;
use crate::lang::Say;
use crate::text::truncate;

pub(super) fn draw_status(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let w = area.width as usize;
    let msg_style = if app.status.is_error {
        theme.error()
    } else {
        Style::new()
    };
    let text = app.status.msg.say(app.lang);
    let msg = Line::from(Span::styled(truncate(&text, w), msg_style));
    let lines = vec![msg, hint_line(app, app.context(), w, theme)];
    frame.render_widget(Paragraph::new(lines), area);
}
