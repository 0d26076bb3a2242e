//! The mistakes controllers make when they write a plan file by hand, recognised around the
//! place where the RON reader stopped, and said in their words instead of the reader's:
//! a decimal comma (`17,5`), a thousands dot (`231.480,75`), a range written as in a
//! spreadsheet (`Between(300, 600)`), a target written as printed (`>= 900`), typographic
//! quotes (`“…”`), a string left open on an earlier line.

/// A better message for a syntax error at `line`:`column` (1-based; the column counts
/// characters) of `text`, and the place it should point at, when the text there shows a
/// known mistake.
pub fn recognise(text: &str, line: usize, column: usize) -> Option<(String, usize, usize)> {
    if let Some(found) = unclosed_string(text, line, column) {
        return Some(found);
    }
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let chars: Vec<char> = line_text.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let before: String = chars[..at].iter().collect();
    let after: String = chars[at..].iter().collect();
    let said = |m: String| Some((m, line, column));

    if let Some(q) = after
        .trim_start()
        .chars()
        .next()
        .filter(|c| "“”„«»‘’".contains(*c))
    {
        return said(format!(
            "use straight double quotes \"…\" around text, not typographic quotes like {q}…{q} (a word processor puts those in)"
        ));
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
fn decimal_comma(before: &str, after: &str) -> Option<String> {
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
            return Some(format!(
                "a range names its bounds: write Between(min: {min}, max: {max})"
            ));
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
            return Some(format!(
                "a range names its bounds: write Between(min: {first}, max: {second})"
            ));
        }
        let whole = first.replace('.', "");
        let whole = if first.contains('.') && first.split('.').skip(1).all(|g| g.len() == 3) {
            whole
        } else if first.contains('.') {
            return None;
        } else {
            first.to_string()
        };
        return Some(format!(
            "numbers in the plan file use a dot for decimals and no thousands separator: write {whole}.{digits_after}, not {first},{digits_after}"
        ));
    }
    None
}

/// `>= 900`, `< =1`, `≤ 5%`: a target written as the documents print it.
fn comparison_target(before: &str, after: &str) -> Option<String> {
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
        return Some(format!(
            "write the target with its kind and number, like {kind}(90)"
        ));
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
    Some(format!(
        "write the target with its kind: {kind}({file_number}) for {op} {number}"
    ))
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
) -> Option<(String, usize, usize)> {
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
                    return Some((
                        "this text is not closed: the \" that ends it is missing (the file reads on as text from here)"
                            .to_string(),
                        line,
                        column,
                    ));
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

    fn message(text: &str, line: usize, column: usize) -> String {
        recognise(text, line, column)
            .map(|(m, ..)| m)
            .unwrap_or_default()
    }

    #[test]
    fn a_decimal_comma_says_to_write_a_dot() {
        let line = "    result: 17,5,";
        assert!(message(line, 1, 16).contains("write 17.5, not 17,5"));
        assert!(message("result: 45,0,", 1, 12).contains("write 45.0"));
        let m = message("result: 231.480,75,", 1, 17);
        assert!(m.contains("write 231480.75"), "{m}");
    }

    #[test]
    fn a_range_with_bare_numbers_says_to_name_its_bounds() {
        let m = message("target: Between(300, 600),", 1, 22);
        assert!(m.contains("Between(min: 300, max: 600)"), "{m}");
    }

    #[test]
    fn a_printed_target_says_how_to_write_it() {
        assert!(message("target: >= 900,", 1, 9).contains("AtLeast(900)"));
        assert!(message("target: < =1,", 1, 9).contains("AtMost(1)"));
        assert!(message("target: >=1.000,", 1, 9).contains("AtLeast(1000)"));
        assert!(message("target: ≤ 5,", 1, 9).contains("AtMost(5)"));
    }

    #[test]
    fn signs_are_kept() {
        assert!(message("target: >= -5,", 1, 9).contains("AtLeast(-5)"));
        let m = message("target: Between(-300, 600),", 1, 17);
        assert!(m.contains("Between(min: -300, max: 600)"), "{m}");
    }

    #[test]
    fn text_over_several_lines_elsewhere_is_not_taken_for_an_unclosed_string() {
        // A note over two lines, one of which starts like a field, and a mistake far below.
        let text = "note: \"Fonte: x.\nCalcolo: media annua.\",\nother: 1,\nresult: 17,5,\n";
        let (m, line, _) = recognise(text, 4, 12).unwrap();
        assert!(m.contains("write 17.5"), "{m}");
        assert_eq!(line, 4);
        // Raw strings with quotes inside, or ending in a backslash, are read as such.
        let text = "a: r#\"12\" HD\"#,\nb: r\"C:\\\",\nresult: 17,5,\n";
        assert!(message(text, 3, 12).contains("write 17.5"));
    }

    #[test]
    fn typographic_quotes_are_named() {
        assert!(message("description: “x”,", 1, 14).contains("straight double quotes"));
    }

    #[test]
    fn an_unclosed_string_is_reported_where_it_opens() {
        let text = "Indicator(\n  id: \"a,\n  description: \"d\",\n  unit: Count,\n)";
        // The reader stops at `d`, just after what it took for the end of the text.
        let (m, line, col) = recognise(text, 3, 17).unwrap();
        assert!(m.contains("not closed"), "{m}");
        assert_eq!((line, col), (2, 7));
    }
}
