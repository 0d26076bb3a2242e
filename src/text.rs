//! Fitting text into terminal columns: display width, not bytes or chars, so that accents,
//! CJK and emoji line up.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal cells, as ratatui draws it: the sum of the widths of
/// its clusters (see [`clusters`]). Not `s.width()`: that counts the Arabic lam-alef `لا`
/// as one cell, where the terminal gets two.
pub fn width(s: &str) -> usize {
    clusters(s).map(UnicodeWidthStr::width).sum()
}

/// Whether `c`, after `prev`, is drawn in the same cells: an accent or other zero-width
/// character (variation selector, joiner), an emoji skin tone, or what a zero-width
/// joiner joins.
fn continues(prev: char, c: char) -> bool {
    (prev == '\u{200d}' && !c.is_control())
        || c.width() == Some(0)
        || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// `s` in the pieces a terminal draws as one: a character with the characters that
/// continue it. Close to Unicode's grapheme clusters, which ratatui measures one by one:
/// `❤️` (a heart and a variation selector) takes two cells, though its characters add up
/// to one.
fn clusters(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, mut prev) = chars.next()?;
        let mut end = rest.len();
        for (i, c) in chars {
            if !continues(prev, c) {
                end = i;
                break;
            }
            prev = c;
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut. Control
/// characters (a newline in a description) become spaces.
pub fn truncate(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    // Stops at the first cluster that does not fit, so a 10 MB description costs no
    // more than a short one.
    let mut out = String::new();
    let mut used = 0;
    // Where `out` ends while there is still room for the ellipsis.
    let mut room_for_ellipsis = 0;
    for cluster in clusters(s) {
        let at = out.len();
        out.extend(
            cluster
                .chars()
                .filter(|c| !is_bidi_control(*c))
                .map(|c| if c.is_control() { ' ' } else { c }),
        );
        let w = out[at..].width();
        if used + w > max {
            out.truncate(room_for_ellipsis);
            out.push('…');
            return out;
        }
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

/// Whether `c` changes the direction of the text after it (embeddings, overrides and
/// isolates): in a plan's text it could make a terminal show words reversed or in another
/// order than they are.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line of a plan's text made safe to print on a terminal: control characters (an
/// escape sequence that would clear the screen or write the clipboard, a bell, a stray
/// newline) are shown as the visible symbols Unicode has for them (␛, ␇, ␊), and
/// direction overrides are removed.
pub fn for_terminal(s: &str) -> String {
    s.chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| match c as u32 {
            0..=0x1f => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            0x7f => '␡',
            0x80..=0x9f => '\u{fffd}',
            _ => c,
        })
        .collect()
}

/// Text of several lines made safe to print on a terminal: each line as [`for_terminal`]
/// makes it, the line breaks kept.
pub fn for_terminal_lines(s: &str) -> String {
    s.split('\n')
        .map(|line| for_terminal(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// JSON text with the direction overrides and the controls JSON leaves raw written as
/// escapes (`\u202e`, `\u009b`): the same data for a script, nothing that drives a
/// terminal.
pub fn json_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // JSON escapes C0 controls itself; DEL and the C1 controls (one of which starts an
        // escape sequence on its own) it leaves raw.
        if is_bidi_control(c) || matches!(c as u32, 0x7f..=0x9f) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `haystack` contains `needle_lower` (already lower case), ignoring case. ASCII
/// needles are compared byte by byte without allocating, which keeps a search over 100,000
/// descriptions quick; others fall back to a full lower-casing.
pub fn contains_ignore_case(haystack: &str, needle_lower: &str) -> bool {
    if needle_lower.is_empty() {
        return true;
    }
    if needle_lower.is_ascii() {
        let n = needle_lower.as_bytes();
        return haystack
            .as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(needle_lower)
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

    #[test]
    fn plan_text_cannot_drive_the_terminal() {
        // Clear the screen, write the clipboard (OSC 52), ring, reverse the text.
        let hostile = "a\u{1b}[2Jb\u{1b}]52;c;aGk=\u{7}c\u{202e}d\u{9b}e";
        let safe = for_terminal(hostile);
        assert!(
            !safe.chars().any(|c| c.is_control() || is_bidi_control(c)),
            "{safe:?}"
        );
        assert_eq!(safe, "a␛[2Jb␛]52;c;aGk=␇cd\u{fffd}e");
        assert_eq!(for_terminal_lines("x\u{1b}\ny"), "x␛\ny");
        assert_eq!(json_for_terminal("\"a\u{202e}b\""), "\"a\\u202eb\"");
        assert_eq!(
            json_for_terminal("\"\u{9b}2J\u{7f}\""),
            "\"\\u009b2J\\u007f\""
        );
        assert_eq!(for_terminal_lines("a;b\r\nc\r\n"), "a;b\nc\n");
        // The app's cells drop them too.
        assert_eq!(truncate("a\u{202e}b", 5), "ab");
    }

    #[test]
    fn search_ignores_case_in_any_script() {
        assert!(contains_ignore_case(
            "N. di domande depositate MARCHI",
            "marchi"
        ));
        assert!(contains_ignore_case("Attività ÈCONOMICA", "èconomica"));
        assert!(!contains_ignore_case("brevetti", "marchi"));
        assert!(contains_ignore_case("x", ""));
    }

    #[test]
    fn clusters_are_measured_as_the_terminal_draws_them() {
        // A heart with its emoji variation selector: two cells, kept whole.
        assert_eq!(width("❤\u{fe0f}"), 2);
        assert_eq!(truncate("❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}", 4), "❤\u{fe0f}…");
        assert_eq!(width(&pad_right("❤\u{fe0f} ok", 5)), 5);
        // Joined and toned emoji: one picture, two cells.
        assert_eq!(width("👨\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(width("👍🏽"), 2);
        // Lam-alef: two characters, two cells.
        assert_eq!(width("لا"), 2);
        assert_eq!(width(&pad_right("لا", 4)), 4);
        // Accents stay on their letter.
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    }
}
