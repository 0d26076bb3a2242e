//! Where each indicator's editable fields sit in the plan's text.
//!
//! Saving rewrites only the values the controller changed, so that comments, field order and
//! layout of a hand-written plan survive and `git diff` shows just the edited lines. This
//! module walks the RON text along the plan's known shape (perspectives → objectives →
//! operational → indicator lists) and records, for each indicator, the byte spans of its
//! fields. It reads text that `ron` has already accepted, so it can be brief about errors.

use std::ops::Range;

use crate::plan::{IndicatorPath, Layer};

/// One `name: value,` inside a struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpan {
    pub name: String,
    /// From the first byte of the name.
    pub name_start: usize,
    /// The value's text.
    pub value: Range<usize>,
    /// Just past the comma that ends the field, or past the value when there is none.
    pub end: usize,
}

/// The fields of one indicator struct, in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorSpans {
    pub path: IndicatorPath,
    /// First byte of the struct (its name, or its `(`).
    pub open: usize,
    /// Byte of the struct's closing `)`.
    pub close: usize,
    pub fields: Vec<FieldSpan>,
}

impl IndicatorSpans {
    pub fn field(&self, name: &str) -> Option<&FieldSpan> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// Why the text could not be followed (it did not have the plan's shape).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError(pub String);

struct Cursor<'a> {
    text: &'a [u8],
    pos: usize,
    /// Brackets open around the cursor while skipping a value.
    depth: usize,
}

/// Deepest nesting followed while skipping a value. The text was read by `ron` with a
/// limit of 64, but a save over a file that changed on disk follows text nobody checked,
/// and recursing into a million brackets would overflow the stack.
const MAX_DEPTH: usize = 128;

type Res<T> = Result<T, ShapeError>;

impl<'a> Cursor<'a> {
    fn err<T>(&self, what: &str) -> Res<T> {
        Err(ShapeError(format!("{what} at byte {}", self.pos)))
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    /// The length of the white space character at the cursor, if one is there: RON's white
    /// space, which is Rust's (form feed, vertical tab, NEL, the line and paragraph
    /// separators and the left-to-right and right-to-left marks besides the usual ones).
    fn white_space_len(&self) -> Option<usize> {
        let rest = &self.text[self.pos..];
        match rest.first()? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Some(1),
            0xC2 if rest.get(1) == Some(&0x85) => Some(2),
            0xE2 if rest.get(1) == Some(&0x80)
                && matches!(rest.get(2), Some(0x8E | 0x8F | 0xA8 | 0xA9)) =>
            {
                Some(3)
            }
            _ => None,
        }
    }

    /// Skips white space and comments (`//`, nested `/* */`).
    fn skip_trivia(&mut self) {
        loop {
            if let Some(n) = self.white_space_len() {
                self.pos += n;
                continue;
            }
            match self.peek() {
                Some(b'/') if self.text.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.text.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.text.len() {
                        if self.text[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else if self.text[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => {
                    // A UTF-8 byte-order mark at the very start.
                    if self.pos == 0 && self.text.starts_with("\u{feff}".as_bytes()) {
                        self.pos += 3;
                        continue;
                    }
                    return;
                }
            }
        }
    }

    fn is_ident_byte(c: u8) -> bool {
        c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
    }

    /// An identifier (or raw identifier `r#name`), if one starts here.
    fn ident(&mut self) -> Option<&'a str> {
        let start = self.pos;
        if self.text[self.pos..].starts_with(b"r#") {
            self.pos += 2;
        }
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {}
            _ => {
                self.pos = start;
                return None;
            }
        }
        while self.peek().is_some_and(Self::is_ident_byte) {
            self.pos += 1;
        }
        let raw = std::str::from_utf8(&self.text[start..self.pos]).ok()?;
        Some(raw.strip_prefix("r#").unwrap_or(raw))
    }

    fn expect(&mut self, c: u8) -> Res<()> {
        self.skip_trivia();
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(&format!("expected `{}`", c as char))
        }
    }

    /// Whether a string literal (`"…"`, `b"…"`, `r"…"`, `r#"…"#`, `br"…"`) starts here, as
    /// opposed to a raw identifier `r#name`.
    fn starts_string(&self) -> bool {
        let rest = &self.text[self.pos..];
        let rest = rest.strip_prefix(b"b").unwrap_or(rest);
        match rest.strip_prefix(b"r") {
            Some(raw) => {
                let hashes = raw.iter().take_while(|c| **c == b'#').count();
                raw.get(hashes) == Some(&b'"')
            }
            None => rest.first() == Some(&b'"'),
        }
    }

    /// Skips a string literal starting at the cursor (`"…"`, `r#"…"#`, `b"…"`).
    fn skip_string(&mut self) -> Res<()> {
        if self.peek() == Some(b'b') {
            self.pos += 1;
        }
        if self.peek() == Some(b'r') {
            self.pos += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.pos += 1;
            }
            if self.peek() != Some(b'"') {
                return self.err("expected a raw string");
            }
            self.pos += 1;
            loop {
                match self.peek() {
                    None => return self.err("unclosed string"),
                    Some(b'"')
                        if self.text[self.pos + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|c| **c == b'#')
                            .count()
                            == hashes =>
                    {
                        self.pos += 1 + hashes;
                        return Ok(());
                    }
                    _ => self.pos += 1,
                }
            }
        }
        let quote = self.peek().unwrap_or(b'"');
        self.pos += 1;
        loop {
            match self.peek() {
                None => return self.err("unclosed string"),
                Some(b'\\') => self.pos += 2,
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value of any kind.
    fn skip_value(&mut self) -> Res<()> {
        self.skip_trivia();
        match self.peek() {
            None => self.err("expected a value"),
            Some(b'"' | b'\'') => self.skip_string(),
            Some(_) if self.starts_string() => self.skip_string(),
            Some(b'(' | b'[' | b'{') => self.skip_group(),
            Some(_) => {
                let start = self.pos;
                while self.peek().is_some_and(|c| {
                    Self::is_ident_byte(c) || matches!(c, b'.' | b'+' | b'-' | b'#')
                }) {
                    self.pos += 1;
                }
                if self.pos == start {
                    return self.err("unexpected character");
                }
                // A name followed by `(` is a variant or struct with its contents; otherwise
                // the value ends here, not after the white space that follows it.
                let end = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.skip_group()?;
                } else {
                    self.pos = end;
                }
                Ok(())
            }
        }
    }

    /// Skips a bracketed group with everything inside.
    fn skip_group(&mut self) -> Res<()> {
        if self.depth >= MAX_DEPTH {
            return self.err("values nested too deep");
        }
        self.depth += 1;
        let skipped = self.skip_group_inside();
        self.depth -= 1;
        skipped
    }

    fn skip_group_inside(&mut self) -> Res<()> {
        let open = self.peek().unwrap_or(b'(');
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        self.pos += 1;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return self.err("unclosed bracket"),
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b',' | b':') => self.pos += 1,
                Some(_) => self.skip_value()?,
            }
        }
    }

    /// Reads a struct `Name(field: value, …)` or `(field: value, …)`, handing each field
    /// to `on_field`, which must consume the value. Returns the byte of the closing `)`.
    fn read_struct(
        &mut self,
        mut on_field: impl FnMut(&mut Self, &'a str, usize) -> Res<()>,
    ) -> Res<usize> {
        self.skip_trivia();
        let _name = self.ident();
        self.expect(b'(')?;
        loop {
            self.skip_trivia();
            if self.peek() == Some(b')') {
                let close = self.pos;
                self.pos += 1;
                return Ok(close);
            }
            let name_start = self.pos;
            let Some(name) = self.ident() else {
                return self.err("expected a field name");
            };
            self.expect(b':')?;
            on_field(self, name, name_start)?;
            self.skip_trivia();
            if self.peek() == Some(b',') {
                self.pos += 1;
            }
        }
    }

    /// Past the comma that follows a value ending at `end`, or `end` when none does (the
    /// end of a field, an item or an entry).
    fn past_comma(&mut self, end: usize) -> usize {
        self.skip_trivia();
        if self.peek() == Some(b',') {
            self.pos + 1
        } else {
            end
        }
    }

    /// Skips white space, comments and inner attributes (`#![enable(implicit_some)]`) at
    /// the start of a text.
    fn skip_preamble(&mut self) {
        self.skip_trivia();
        while self.text[self.pos..].starts_with(b"#!") {
            while self.peek().is_some_and(|b| b != b']') {
                self.pos += 1;
            }
            // Past the `]`, or at the end of a text that lacks it.
            self.pos = (self.pos + 1).min(self.text.len());
            self.skip_trivia();
        }
    }

    /// Reads a list `[item, …]`, handing each item's index to `on_item`.
    fn read_list(&mut self, mut on_item: impl FnMut(&mut Self, usize) -> Res<()>) -> Res<()> {
        self.expect(b'[')?;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    on_item(self, index)?;
                    index += 1;
                }
                None => return self.err("unclosed list"),
            }
        }
    }
}

/// One entry `"name": (field: value, …),` of a map of structs (an indicator's `periods`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapEntry {
    /// The key as written (its text), and read.
    pub key: String,
    /// The entry as a field: from its key to past its comma.
    pub span: FieldSpan,
    /// The struct it holds.
    pub fields: IndicatorSpans,
}

/// A map of structs: the byte of its `{`, of its `}`, and its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSpans {
    pub open: usize,
    pub close: usize,
    pub entries: Vec<MapEntry>,
}

/// Reads the map of structs `{"key": (…), …}` that `value` (a range of `text`) holds.
pub fn map_spans(text: &str, value: std::ops::Range<usize>) -> Result<MapSpans, ShapeError> {
    let mut c = Cursor {
        text: text.as_bytes(),
        pos: value.start,
        depth: 0,
    };
    c.skip_trivia();
    let open = c.pos;
    c.expect(b'{')?;
    let mut entries = Vec::new();
    loop {
        c.skip_trivia();
        match c.peek() {
            Some(b'}') => {
                let close = c.pos;
                if close >= value.end {
                    return c.err("the map goes past its value");
                }
                return Ok(MapSpans {
                    open,
                    close,
                    entries,
                });
            }
            Some(b',') => c.pos += 1,
            Some(_) => {
                let key_start = c.pos;
                if !c.starts_string() && c.peek() != Some(b'"') {
                    return c.err("expected a period's name");
                }
                c.skip_string()?;
                let key_text = &text[key_start..c.pos];
                let key = ron::from_str::<String>(key_text)
                    .map_err(|_| ShapeError(format!("unreadable key at byte {key_start}")))?;
                c.expect(b':')?;
                c.skip_trivia();
                let start = c.pos;
                let fields =
                    read_indicator(&mut c, IndicatorPath::new(0, 0, 0, Layer::Strategic, 0))?;
                let value = start..c.pos;
                let end = c.past_comma(value.end);
                entries.push(MapEntry {
                    key,
                    span: FieldSpan {
                        name: key_text.to_string(),
                        name_start: key_start,
                        value,
                        end,
                    },
                    fields,
                });
            }
            None => return c.err("unclosed map"),
        }
    }
}

/// The items of the list that `value` (a range of `text`) holds, each as a field without a
/// name (from its first byte to past its comma).
pub fn list_items(text: &str, value: std::ops::Range<usize>) -> Result<Vec<FieldSpan>, ShapeError> {
    let mut c = Cursor {
        text: text.as_bytes(),
        pos: value.start,
        depth: 0,
    };
    c.skip_trivia();
    let mut items = Vec::new();
    c.read_list(|c, _| {
        c.skip_trivia();
        let start = c.pos;
        c.skip_value()?;
        let item = start..c.pos;
        let end = c.past_comma(item.end);
        items.push(FieldSpan {
            name: String::new(),
            name_start: start,
            value: item,
            end,
        });
        Ok(())
    })?;
    if c.pos > value.end {
        return c.err("the list goes past its value");
    }
    Ok(items)
}

/// The fields of the struct that starts at byte `start` of `text` (a list's item).
pub fn struct_spans(text: &str, start: usize) -> Result<IndicatorSpans, ShapeError> {
    let mut c = Cursor {
        text: text.as_bytes(),
        pos: start,
        depth: 0,
    };
    read_indicator(&mut c, IndicatorPath::new(0, 0, 0, Layer::Strategic, 0))
}

/// Reads one indicator `Indicator(field: value, …)` at the cursor: its fields' places.
fn read_indicator(c: &mut Cursor<'_>, path: IndicatorPath) -> Res<IndicatorSpans> {
    let mut fields = Vec::new();
    let open = c.pos;
    let close = c.read_struct(|c, name, name_start| {
        c.skip_trivia();
        let start = c.pos;
        c.skip_value()?;
        let value = start..c.pos;
        let end = c.past_comma(value.end);
        fields.push(FieldSpan {
            name: name.to_string(),
            name_start,
            value,
            end,
        });
        Ok(())
    })?;
    Ok(IndicatorSpans {
        path,
        open,
        close,
        fields,
    })
}

/// The fields of the plan's own struct (`title`, `year`, `periods`…), in a struct of spans
/// whose path means nothing.
pub fn plan_spans(text: &str) -> Result<IndicatorSpans, ShapeError> {
    let mut c = Cursor {
        text: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    c.skip_preamble();
    read_indicator(&mut c, IndicatorPath::new(0, 0, 0, Layer::Strategic, 0))
}

/// Finds every indicator's fields in the text of a plan.
pub fn indicator_spans(text: &str) -> Result<Vec<IndicatorSpans>, ShapeError> {
    let mut c = Cursor {
        text: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let mut out = Vec::new();
    c.skip_preamble();
    c.read_struct(|c, name, _| {
        if name != "perspectives" {
            return c.skip_value();
        }
        c.read_list(|c, p| {
            c.read_struct(|c, name, _| {
                if name != "objectives" {
                    return c.skip_value();
                }
                c.read_list(|c, s| {
                    // A strategic objective's own indicators (its `indicators`) sit in a
                    // first operational objective in memory (see `plan::StrategicObjective`),
                    // so its written operational objectives come one place later then. The
                    // fields may come in any order: the places are settled at its end.
                    let mut own: Vec<IndicatorSpans> = Vec::new();
                    let mut written: Vec<IndicatorSpans> = Vec::new();
                    c.read_struct(|c, name, _| match name {
                        "indicators" => c.read_list(|c, index| {
                            let path = IndicatorPath::new(p, s, 0, Layer::Strategic, index);
                            own.push(read_indicator(c, path)?);
                            Ok(())
                        }),
                        "operational" => c.read_list(|c, o| {
                            c.read_struct(|c, name, _| {
                                let layer = match name {
                                    "strategic_indicators" => Layer::Strategic,
                                    "indicators" => Layer::Operational,
                                    _ => return c.skip_value(),
                                };
                                c.read_list(|c, index| {
                                    let path = IndicatorPath::new(p, s, o, layer, index);
                                    written.push(read_indicator(c, path)?);
                                    Ok(())
                                })
                            })
                            .map(|_| ())
                        }),
                        _ => c.skip_value(),
                    })?;
                    let shift = usize::from(!own.is_empty());
                    out.extend(own);
                    out.extend(written.into_iter().map(|mut i| {
                        i.path.operational += shift;
                        i
                    }));
                    Ok(())
                })
            })
            .map(|_| ())
        })
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// a plan
Plan(
    title: "t (with parens) and \"quotes\"",
    organization: r#"raw "org""#,
    year: 2017,
    perspectives: [
        Perspective(name: "P", objectives: [
            StrategicObjective(code: "1", title: "x", weight: 10, operational: [
                (code: "1.1", title: "[y]", weight: 10,
                 indicators: [
                    Indicator(id: "a", description: "d /* not a comment */", unit: Label("t"),
                        target: AtLeast(3), result: 7, /* block /* nested */ */ note: "n"),
                 ],
                 strategic_indicators: [Indicator(id: "b", description: "e", unit: Percent, target: AtLeast(80))],
                ),
            ]),
        ]),
    ],
)
"##;

    #[test]
    fn finds_fields_of_each_indicator_with_their_layer() {
        let spans = indicator_spans(TEXT).unwrap();
        assert_eq!(spans.len(), 2);
        let a = &spans[0];
        assert_eq!(a.path.layer, Layer::Operational);
        let result = a.field("result").unwrap();
        assert_eq!(&TEXT[result.value.clone()], "7");
        assert_eq!(&TEXT[a.field("note").unwrap().value.clone()], "\"n\"");
        assert_eq!(
            &TEXT[a.field("description").unwrap().value.clone()],
            "\"d /* not a comment */\""
        );
        assert_eq!(
            &TEXT[a.field("target").unwrap().value.clone()],
            "AtLeast(3)"
        );
        let b = &spans[1];
        assert_eq!(b.path.layer, Layer::Strategic);
        assert_eq!(b.path.index, 0);
        assert!(b.field("result").is_none());
        assert_eq!(&TEXT[b.close..b.close + 1], ")");
    }
}
