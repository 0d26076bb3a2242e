//! Drawing the app: pure functions of the state. Nothing here changes the app, and only the
//! rows on screen are looked at, so a frame costs the same on any plan size. This file lays
//! the screen out and hands each region to the file that draws it.

mod common;
mod detail;
mod field;
mod header;
mod popups;
mod status;
pub mod theme;
mod tree;

use ratatui::Frame;

use crate::app::{App, Mode};
use theme::Theme;

pub use common::bar;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame, theme: Theme) {
    let area = frame.area();
    let a = crate::layout::areas(area.width, area.height, app.field_rows());
    if a.too_small {
        popups::draw_too_small(app, frame, area, theme);
        return;
    }
    header::draw_header(app, frame, a.header, theme);
    if let Some(rows) = a.tree {
        tree::draw_tree(app, frame, a.tree_frame, a.tree_columns, rows, theme);
    }
    if let Some(d) = a.detail {
        detail::draw_detail(app, frame, d, theme);
    }
    if let Some(f) = a.field {
        field::draw_field(app, frame, f, theme);
    }
    status::draw_status(app, frame, a.status, theme);
    match &app.mode {
        Mode::Help { scroll } => popups::draw_help(app, frame, area, *scroll, theme),
        Mode::Dialog { kind, selected } => {
            popups::draw_dialog(app, frame, area, *kind, *selected, theme)
        }
        Mode::Restore { cursor } => popups::draw_restore(app, frame, area, *cursor, theme),
        Mode::Paste { rows, scroll, .. } => {
            popups::draw_paste(app, frame, area, rows, *scroll, theme)
        }
        Mode::Import { import, scroll } => {
            popups::draw_import(app, frame, area, import, *scroll, theme)
        }
        _ => {}
    }
}
