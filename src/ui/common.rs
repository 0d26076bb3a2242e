//! What the regions share: the score bars, a percentage (or "pending") in the colour of its
//! status, and the line of keys with what they do.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use super::theme::Theme;
use crate::app::{App, keymap};
use crate::lang::Word;
use crate::text::width;

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A bar of `cells` cells filled to `percent` (0–100), in eighths of a cell.
pub fn bar(percent: Decimal, cells: usize) -> String {
    let eighths_total = cells * 8;
    let p = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    let filled = (p * Decimal::from(eighths_total) / Decimal::ONE_HUNDRED)
        .round()
        .to_string()
        .parse::<usize>()
        .unwrap_or(0)
        .min(eighths_total);
    let full = filled / 8;
    let part = filled % 8;
    let mut s = String::with_capacity(cells * 3);
    s.extend(std::iter::repeat_n('█', full));
    if full < cells {
        if part > 0 {
            s.push(EIGHTHS[part]);
        } else {
            s.push('░');
        }
        s.extend(std::iter::repeat_n('░', cells - full - 1));
    }
    s
}

pub(super) fn percent_or_pending(app: &App, v: Option<Decimal>) -> String {
    v.map_or_else(
        || app.lang.words().word(Word::Pending).to_string(),
        |v| app.plan.locale.figure(v),
    )
}

pub(super) fn status_style(app: &App, theme: Theme, v: Option<Decimal>) -> Style {
    match v {
        Some(v) => theme.status(app.plan.thresholds.status(v)),
        None => theme.pending(),
    }
}

/// The keys of `context` with what they do, as many as fit in `cells`.
pub(super) fn hint_line(
    app: &App,
    context: keymap::Context,
    cells: usize,
    theme: Theme,
) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, word) in keymap::hints(context, app.lang) {
        let piece = width(&key) + width(word) + 4;
        if used + piece > cells {
            break;
        }
        used += piece;
        spans.push(Span::styled(format!(" {key} "), theme.key()));
        spans.push(Span::raw(format!(" {word} ")));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(dec!(100), 10), "██████████");
        assert_eq!(bar(dec!(0), 4), "░░░░");
        assert_eq!(bar(dec!(50), 4), "██░░");
        assert_eq!(bar(dec!(90), 10), "█████████░");
        assert_eq!(bar(dec!(87.5), 4), "███▌");
        assert_eq!(bar(dec!(120), 3), "███");
    }
}
