//! The mistakes controllers make when they write a plan file by hand, recognised around the
//! place where the RON reader stopped, and said in their words instead of the reader's:
//! a decimal comma (`17,5`), a thousands dot (`231.480,75`), a range written as in a
//! spreadsheet (`Between(300, 600)`), a target written as printed (`>= 900`), typographic
//! quotes (`“…”`), a string left open on an earlier line.

/// A mistake recognised in the text, with what the message needs to show the fix. Said
/// with [`Say`](crate::lang::Say) inside the syntax error that names its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// Typographic quotes (`“…”`) around text.
    TypographicQuotes { quote: char },
    /// A comparison with no number after it (`target: >=`): `kind` is the target to write.
    TargetWithoutNumber { kind: &'static str },
    /// A target written as the documents print it (`>= 1.000`): write `kind(number)`.
    TargetAsPrinted {
        kind: &'static str,
        /// The number as the plan file writes it (`1000`).
        number: String,
        /// The comparison and the number as written (`>=`, `1.000`).
        written_op: String,
        written_number: String,
    },
    /// `Between(300, 600)`: a range whose bounds are not named.
    RangeWithoutNames { min: String, max: String },
    /// A decimal comma or a thousands dot (`17,5`, `231.480,75`): write `meant`.
    DecimalComma { written: String, meant: String },
    /// A string opened and never closed.
    UnclosedString,
}

/// A better message for a syntax error at `line`:`column` (1-based; the column counts
/// characters) of `text`, and the place it should point at, when the text there shows a
/// known mistake.
pub fn recognise(text: &str, line: usize, column: usize) -> Option<(Mistake, usize, usize)> {
    if let Some(found) = unclosed_string(text, line, column) {
        return Some(found);
    }
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let chars: Vec<char> = line_text.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let before: String = chars[..at].iter().collect();
    let after: String = chars[at..].iter().collect();
    let said = |m: Mistake| Some((m, line, column));

    if let Some(q) = after
        .trim_start()
        .chars()
        .next()
        .filter(|c| "“”„«»‘’".contains(*c))
    {
        return said(Mistake::TypographicQuotes { quote: q });
    }
    if let Some(m) = comparison_target(&before, &after) {
        return said(m);
    }
    if let Some(m) = decimal_comma(&before, &after) {
        return said(m);
    }
    None
}

/// The digits (and dots) that end `s`, if any.
fn trailing_number(s: &str) -> Option<&str> {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    let n = &s[start..];
    n.chars().any(|c| c.is_ascii_digit()).then_some(n)
}

/// `17,5`, `45,0`, `231.480,75`: the reader took the comma for the end of the value and the
/// digits after it for a field name.
fn decimal_comma(before: &str, after: &str) -> Option<Mistake> {
    let unsigned = after.strip_prefix('-').unwrap_or(after);
    let digits_after: String = unsigned
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if digits_after.is_empty() {
        return None;
    }
    // `Between(300, 600)`, stopped at its first number.
    if before.trim_end().ends_with("Between(") {
        let numbers: Vec<&str> = after
            .split(')')
            .next()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .collect();
        if let [min, max] = numbers[..] {
            return Some(Mistake::RangeWithoutNames {
                min: min.to_string(),
                max: max.to_string(),
            });
        }
    }
    let head = before.trim_end();
    let head = head.strip_suffix(',')?.trim_end();
    // `Between(300, 600)`: two numbers where the range wants named bounds.
    if let Some(first) = trailing_number(head) {
        let opening = head[..head.len() - first.len()].trim_end();
        if opening.ends_with("Between(") {
            let second: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            return Some(Mistake::RangeWithoutNames {
                min: first.to_string(),
                max: second,
            });
        }
        let whole = first.replace('.', "");
        let whole = if first.contains('.') && first.split('.').skip(1).all(|g| g.len() == 3) {
            whole
        } else if first.contains('.') {
            return None;
        } else {
            first.to_string()
        };
        return Some(Mistake::DecimalComma {
            written: format!("{first},{digits_after}"),
            meant: format!("{whole}.{digits_after}"),
        });
    }
    None
}

/// `>= 900`, `< =1`, `≤ 5%`: a target written as the documents print it.
fn comparison_target(before: &str, after: &str) -> Option<Mistake> {
    if !before.trim_end().ends_with(':') {
        return None;
    }
    let t = after.trim_start();
    let (kind, rest) = [
        (">=", "AtLeast"),
        ("≥", "AtLeast"),
        ("=>", "AtLeast"),
        ("<=", "AtMost"),
        ("< =", "AtMost"),
        ("≤", "AtMost"),
        ("=<", "AtMost"),
        (">", "MoreThan"),
        ("<", "LessThan"),
        ("=", "Exactly"),
    ]
    .into_iter()
    .find_map(|(op, kind)| t.strip_prefix(op).map(|rest| (kind, rest)))?;
    let after_op = rest;
    // Digits with their sign, dots and commas, but not the comma that ends the field.
    let rest = rest.trim_start();
    let mut number = String::new();
    let rest = match rest.strip_prefix('-') {
        Some(r) => {
            number.push('-');
            r
        }
        None => rest,
    };
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_mark = matches!(c, '.' | ',') && chars.peek().is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || inner_mark {
            number.push(c);
        } else {
            break;
        }
    }
    if number.trim_start_matches('-').is_empty() {
        return Some(Mistake::TargetWithoutNumber { kind });
    }
    // As written in the documents (`1.000`, `2,5`): the file's own notation.
    let file_number = if number.contains(',') {
        number.replace('.', "").replace(',', ".")
    } else if number.split('.').skip(1).all(|g| g.len() == 3) && number.contains('.') {
        number.replace('.', "")
    } else {
        number.clone()
    };
    let op = t[..t.len() - after_op.len()].trim();
    Some(Mistake::TargetAsPrinted {
        kind,
        number: file_number,
        written_op: op.to_string(),
        written_number: number,
    })
}

/// The byte where the 1-based `line` and `column` (in characters) of `text` is.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let rest = &text[start..];
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(start + within)
}

/// The line and column (1-based, in characters) of byte `at` of `text`.
fn place_of(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// A string opened on an earlier line and never closed: the reader goes on inside it, takes
/// the next string's opening quote for its end, and stops just after. Found as the string
/// that ends right before the place the reader stopped, runs over a line break, and
/// swallows what looks like the next field (`name:` at the start of a line); any other
/// string, however long, is the user's text and is left alone.
fn unclosed_string(
    text: &str,
    error_line: usize,
    error_column: usize,
) -> Option<(Mistake, usize, usize)> {
    let error_at = offset_of(text, error_line, error_column)?;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < error_at.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            // A raw string `r"…"`, `r#"…"#`: no escapes, ends at `"` and its hashes.
            b'r' if !bytes[..i]
                .last()
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                && matches!(bytes.get(i + 1), Some(b'"' | b'#')) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                if bytes.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let body = i + 2 + hashes;
                i = bytes[body..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .map_or(bytes.len(), |p| body + p + close.len());
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                i += 1;
                // Only the string that ends right where the reader stopped: nothing but a
                // name or a few characters of the same line between them.
                let gap = &text[end.min(text.len())..error_at.max(end).min(text.len())];
                if gap.contains('\n') || gap.len() > 80 {
                    continue;
                }
                let inside = &text[start + 1..end];
                let swallows_a_field = inside.split('\n').skip(1).any(|l| {
                    let l = l.trim_start();
                    let name: String = l
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    !name.is_empty() && l[name.len()..].trim_start().starts_with(':')
                });
                if inside.contains('\n') && swallows_a_field {
                    let (line, column) = place_of(text, start);
                    return Some((Mistake::UnclosedString, line, column));
                }
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mistake(text: &str, line: usize, column: usize) -> Option<Mistake> {
        recognise(text, line, column).map(|(m, ..)| m)
    }

    fn comma(written: &str, meant: &str) -> Option<Mistake> {
        Some(Mistake::DecimalComma {
            written: written.into(),
            meant: meant.into(),
        })
    }

    fn range(min: &str, max: &str) -> Option<Mistake> {
        Some(Mistake::RangeWithoutNames {
            min: min.into(),
            max: max.into(),
        })
    }

    fn printed(kind: &'static str, number: &str, op: &str, written: &str) -> Option<Mistake> {
        Some(Mistake::TargetAsPrinted {
            kind,
            number: number.into(),
            written_op: op.into(),
            written_number: written.into(),
        })
    }

    #[test]
    fn a_decimal_comma_says_to_write_a_dot() {
        let line = "    result: 17,5,";
        assert_eq!(mistake(line, 1, 16), comma("17,5", "17.5"));
        assert_eq!(mistake("result: 45,0,", 1, 12), comma("45,0", "45.0"));
        assert_eq!(
            mistake("result: 231.480,75,", 1, 17),
            comma("231.480,75", "231480.75")
        );
    }

    #[test]
    fn a_range_with_bare_numbers_says_to_name_its_bounds() {
        let m = mistake("target: Between(300, 600),", 1, 22);
        assert_eq!(m, range("300", "600"));
    }

    #[test]
    fn a_printed_target_says_how_to_write_it() {
        let m = mistake("target: >= 900,", 1, 9);
        assert_eq!(m, printed("AtLeast", "900", ">=", "900"));
        let m = mistake("target: < =1,", 1, 9);
        assert_eq!(m, printed("AtMost", "1", "< =", "1"));
        let m = mistake("target: >=1.000,", 1, 9);
        assert_eq!(m, printed("AtLeast", "1000", ">=", "1.000"));
        let m = mistake("target: ≤ 5,", 1, 9);
        assert_eq!(m, printed("AtMost", "5", "≤", "5"));
        let m = mistake("target: >=,", 1, 9);
        assert_eq!(m, Some(Mistake::TargetWithoutNumber { kind: "AtLeast" }));
    }

    #[test]
    fn signs_are_kept() {
        let m = mistake("target: >= -5,", 1, 9);
        assert_eq!(m, printed("AtLeast", "-5", ">=", "-5"));
        let m = mistake("target: Between(-300, 600),", 1, 17);
        assert_eq!(m, range("-300", "600"));
    }

    #[test]
    fn text_over_several_lines_elsewhere_is_not_taken_for_an_unclosed_string() {
        // A note over two lines, one of which starts like a field, and a mistake far below.
        let text = "note: \"Fonte: x.\nCalcolo: media annua.\",\nother: 1,\nresult: 17,5,\n";
        let (m, line, _) = recognise(text, 4, 12).unwrap();
        assert_eq!(Some(m), comma("17,5", "17.5"));
        assert_eq!(line, 4);
        // Raw strings with quotes inside, or ending in a backslash, are read as such.
        let text = "a: r#\"12\" HD\"#,\nb: r\"C:\\\",\nresult: 17,5,\n";
        assert_eq!(mistake(text, 3, 12), comma("17,5", "17.5"));
    }

    #[test]
    fn typographic_quotes_are_named() {
        let m = mistake("description: “x”,", 1, 14);
        assert_eq!(m, Some(Mistake::TypographicQuotes { quote: '“' }));
    }

    #[test]
    fn an_unclosed_string_is_reported_where_it_opens() {
        let text = "Indicator(\n  id: \"a,\n  description: \"d\",\n  unit: Count,\n)";
        // The reader stops at `d`, just after what it took for the end of the text.
        let found = recognise(text, 3, 17);
        assert_eq!(found, Some((Mistake::UnclosedString, 2, 7)));
    }
}
