//! Where each part of the screen goes, for a terminal of a given size. Pure geometry, used
//! both by the app (to turn a mouse click into a row, to scroll) and by the drawing code:
//! it knows neither, so neither asks the other where things are.

use ratatui::layout::Rect;

/// The smallest terminal perfplan draws in; below it, a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Width from which the detail pane sits beside the tree rather than under it.
const SIDE_BY_SIDE_WIDTH: u16 = 150;
/// Width from which the detail pane sits beside the tree when there is no height for it
/// under the tree: the tree's descriptions are then short, but the detail is on screen.
const SIDE_BY_SIDE_SHORT_WIDTH: u16 = 110;
/// Height of the body (between header and status) from which the detail pane fits under
/// the tree.
const STACKED_BODY_HEIGHT: u16 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// The rows of the tree (inside its frame, under its column names); `None` when the
    /// terminal is too small. A click is turned into a row from here.
    pub tree: Option<Rect>,
    /// The line of column names at the top of the tree's frame, above [`Areas::tree`];
    /// `None` when the terminal is too small or the frame has room for one line only.
    pub tree_columns: Option<Rect>,
    /// The frame around the tree.
    pub tree_frame: Rect,
    pub detail: Option<Rect>,
    /// The field being typed in, with its error line.
    pub field: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

const HEADER_HEIGHT: u16 = 4;
const STATUS_HEIGHT: u16 = 2;
/// The rows of a field being typed in (its frame, the text, its error line).
pub const FIELD_HEIGHT: u16 = 4;

/// The areas of a `width` × `height` terminal, with a field of `field_rows` rows open above
/// the status line (0: none).
pub fn areas(width: u16, height: u16, field_rows: u16) -> Areas {
    let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
    let empty = Rect::new(0, 0, 0, 0);
    if too_small {
        return Areas {
            header: empty,
            tree: None,
            tree_columns: None,
            tree_frame: empty,
            detail: None,
            field: None,
            status: empty,
            too_small,
        };
    }
    let field_h = field_rows.min(height.saturating_sub(HEADER_HEIGHT + STATUS_HEIGHT + 3));
    let has_field = field_h > 0;
    let header = Rect::new(0, 0, width, HEADER_HEIGHT);
    let status = Rect::new(0, height - STATUS_HEIGHT, width, STATUS_HEIGHT);
    let field = has_field.then(|| Rect::new(0, height - STATUS_HEIGHT - field_h, width, field_h));
    let body_top = HEADER_HEIGHT;
    let body_h = height - HEADER_HEIGHT - STATUS_HEIGHT - field_h;
    // Beside the tree only when the tree keeps room for its descriptions, or when there is
    // no room under it: at 120 columns the tree's figures would leave a few cells for the
    // description, which matters more than a few more rows.
    let side_by_side = width >= SIDE_BY_SIDE_WIDTH
        || (width >= SIDE_BY_SIDE_SHORT_WIDTH && body_h < STACKED_BODY_HEIGHT);
    let (tree_frame, detail) = if side_by_side {
        let detail_w = (width * 2 / 5).clamp(40, 70);
        (
            Rect::new(0, body_top, width - detail_w, body_h),
            Some(Rect::new(width - detail_w, body_top, detail_w, body_h)),
        )
    } else if body_h >= STACKED_BODY_HEIGHT {
        let detail_h = body_h * 2 / 5;
        (
            Rect::new(0, body_top, width, body_h - detail_h),
            Some(Rect::new(0, body_top + body_h - detail_h, width, detail_h)),
        )
    } else {
        (Rect::new(0, body_top, width, body_h), None)
    };
    let (tree_columns, tree) = split_columns(inner(tree_frame));
    Areas {
        header,
        tree: Some(tree),
        tree_columns,
        tree_frame,
        detail,
        field,
        status,
        too_small: false,
    }
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The inside of the tree's frame split into its line of column names and its rows; all
/// rows when there is room for one line only.
fn split_columns(inside: Rect) -> (Option<Rect>, Rect) {
    if inside.height < 2 {
        return (None, inside);
    }
    (
        Some(Rect::new(inside.x, inside.y, inside.width, 1)),
        Rect::new(inside.x, inside.y + 1, inside.width, inside.height - 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_names_sit_on_the_first_line_inside_the_frame_and_the_rows_below() {
        for (w, h, field) in [(80, 24, 0), (120, 36, 0), (60, 16, 4), (200, 60, 4)] {
            let a = areas(w, h, field);
            let frame = a.tree_frame;
            let cols = a.tree_columns.unwrap();
            let rows = a.tree.unwrap();
            assert_eq!((cols.x, cols.y, cols.height), (frame.x + 1, frame.y + 1, 1));
            assert_eq!(rows.y, cols.y + 1);
            assert_eq!(rows.width, cols.width);
            assert_eq!(rows.y + rows.height, frame.y + frame.height - 1);
            assert!(rows.height >= 1, "{w}×{h}: no row left");
        }
    }
}
