//! Fitting text into terminal columns: display width, not bytes or chars, so that accents,
//! CJK and emoji line up.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut. Control
/// characters (a newline in a description) become spaces.
pub fn truncate(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    // Stops at the first character that does not fit, so a 10 MB description costs no
    // more than a short one.
    let mut out = String::new();
    let mut used = 0;
    // Where `out` ends while there is still room for the ellipsis.
    let mut room_for_ellipsis = 0;
    for c in s.chars() {
        let c = if c.is_control() { ' ' } else { c };
        let w = c.width().unwrap_or(0);
        if used + w > max {
            out.truncate(room_for_ellipsis);
            out.push('…');
            return out;
        }
        out.push(c);
        used += w;
        if used < max {
            room_for_ellipsis = out.len();
        }
    }
    out
}

/// `s` cut or padded with spaces on the right to exactly `cells` cells.
pub fn pad_right(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` cut or padded with spaces on the left to exactly `cells` cells.
pub fn pad_left(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let w = width(&cut);
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(w)).collect();
    out.push_str(&cut);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_cells_not_bytes() {
        assert_eq!(truncate("attività", 8), "attività");
        assert_eq!(truncate("attività economica", 8), "attivit…");
        assert_eq!(width(&truncate("日本語のテキスト", 7)), 7);
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(pad_right("ab", 4), "ab  ");
        assert_eq!(pad_left("ab", 4), "  ab");
        assert_eq!(truncate("a\nb", 5), "a b");
        assert_eq!(truncate("abc", 0), "");
    }
}
