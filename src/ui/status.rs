//! The status line: the last message, and the keys of the current context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::common::hint_line;
use super::theme::Theme;
use crate::app::App;
use crate::lang::{Say, Word};
use crate::text::{pad_right, truncate, width};

pub(super) fn draw_status(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let w = area.width as usize;
    let msg_style = if app.status.is_error {
        theme.error()
    } else {
        Style::new()
    };
    // Where Enter goes after a result, at the right of the message line (the key `m`
    // switches it), so that the choice is always in sight.
    let enter = app.lang.words().word(if app.enter_to_pending {
        Word::EnterGoesPending
    } else {
        Word::EnterGoesNext
    });
    let enter = format!(" {enter} ");
    let enter_w = width(&enter);
    let text = app.status.msg.say(app.lang);
    let msg_w = w.saturating_sub(enter_w);
    let mut msg = vec![Span::styled(
        pad_right(&truncate(&text, msg_w), msg_w),
        msg_style,
    )];
    if w > enter_w + 20 {
        msg.push(Span::styled(enter, theme.dim()));
    }
    let lines = vec![Line::from(msg), hint_line(app, app.context(), w, theme)];
    frame.render_widget(Paragraph::new(lines), area);
}
