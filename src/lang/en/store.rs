use super::En;
use crate::lang::{PlanWords, StoreWords};

// ---- Reading a plan: why it cannot be read ----------------------------------------------

use crate::store::{LoadError, Mistake, ReaderError, SyntaxError, Token};

/// ron's way of listing what may go where it stopped: "expected one of `a`, `b`, or `c`
/// instead".
fn one_of(alternatives: &[&str], none: &str) -> String {
    match alternatives {
        [] => format!("there are no {none}"),
        [a] => format!("expected `{a}` instead"),
        [a, b] => format!("expected either `{a}` or `{b}` instead"),
        [first, middle @ .., last] => {
            let mut s = format!("expected one of `{first}`");
            for m in middle {
                s.push_str(&format!(", `{m}`"));
            }
            s.push_str(&format!(", or `{last}` instead"));
            s
        }
    }
}

/// ` in `Indicator``, when the reader names where.
fn inside(outer: &Option<String>) -> String {
    outer
        .as_ref()
        .map_or(String::new(), |o| format!(" in `{o}`"))
}

fn token(t: Token) -> &'static str {
    match t {
        Token::ListStart => "Expected opening `[`",
        Token::ListEnd => "Expected closing `]`",
        Token::StructStart => "Expected opening `(`",
        Token::StructEnd | Token::OptionEnd => "Expected closing `)`",
        Token::MapStart => "Expected opening `{`",
        Token::MapEnd => "Expected closing `}`",
        Token::Colon => "Expected colon",
        Token::Comma => "Expected comma",
        Token::Attribute => "Expected an `#![enable(...)]` attribute",
        Token::AttributeEnd => "Expected closing `)]` after the enable attribute",
        Token::Boolean => "Expected boolean",
        Token::Char => "Expected char",
        Token::ByteLiteral => "Expected byte literal",
        Token::Float => "Expected float",
        Token::Integer => "Expected integer",
        Token::Option => "Expected option",
        Token::Unit => "Expected unit",
        Token::String => "Expected string",
        Token::ByteString => "Expected byte string",
        Token::StringEnd => "Expected end of string",
        Token::Identifier => "Expected identifier",
        Token::RawValue => "Expected a `ron::value::RawValue`",
        Token::RangeSyntax => "Expected `..` or `..=` for range syntax",
    }
}

impl StoreWords for En {
    fn load_error(&self, e: &LoadError) -> String {
        match e {
            LoadError::Io { source, .. } => format!("cannot read the file: {source}"),
            LoadError::Empty { .. } => {
                "the file is empty; a plan starts with `(` or `Plan(`".to_string()
            }
            LoadError::TooLarge { size, max, .. } => format!(
                "the file is larger than the {max} bytes perfplan reads (at least {size}); is it really a plan?"
            ),
            LoadError::NotUtf8 { byte, .. } => {
                format!("the file is not UTF-8 text (byte 0x{byte:02X}); save it as UTF-8")
            }
            LoadError::CrLineEndings { .. } => {
                "the file's lines end with CR line endings (a carriage return alone, as old Mac programs write); save it with LF or CRLF line endings"
                    .to_string()
            }
            LoadError::Syntax { what, .. } => self.syntax_error(what),
        }
    }

    fn syntax_error(&self, e: &SyntaxError) -> String {
        match e {
            SyntaxError::Mistake(m) => self.mistake(m),
            SyntaxError::Value(e) => self.read_error(e),
            SyntaxError::Reader(e) => self.reader_error(e),
        }
    }

    fn mistake(&self, m: &Mistake) -> String {
        match m {
            Mistake::TypographicQuotes { quote: q } => format!(
                "use straight double quotes \"…\" around text, not typographic quotes like {q}…{q} (a word processor puts those in)"
            ),
            Mistake::TargetWithoutNumber { kind } => {
                format!("write the target with its kind and number, like {kind}(90)")
            }
            Mistake::TargetAsPrinted {
                kind,
                number,
                written_op,
                written_number,
            } => format!(
                "write the comparison with its kind (for a target, or a result known only as a bound): {kind}({number}) for {written_op} {written_number}"
            ),
            Mistake::RangeWithoutNames { min, max } => {
                format!("a range names its bounds: write Between(min: {min}, max: {max})")
            }
            Mistake::DecimalComma { written, meant } => format!(
                "numbers in the plan file use a dot for decimals and no thousands separator: write {meant}, not {written}"
            ),
            Mistake::UnclosedString => {
                "this text is not closed: the \" that ends it is missing (the file reads on as text from here)"
                    .to_string()
            }
        }
    }

    /// ron's own words, but where perfplan says it in the plan's terms.
    fn reader_error(&self, e: &ReaderError) -> String {
        match e {
            ReaderError::Eof => {
                "the file ends too early: a bracket or quote is not closed".to_string()
            }
            ReaderError::Expected(t) => token(*t).to_string(),
            ReaderError::ExpectedStruct("") => {
                "Expected only opening `(`, no name, for un-nameable struct".to_string()
            }
            ReaderError::ExpectedStruct(name) => {
                format!("Expected opening `(` for struct `{name}`")
            }
            ReaderError::WrongStructName { expected, found } => {
                format!("Expected struct `{expected}` but found `{found}`")
            }
            ReaderError::ExpectedStructName(name) => {
                format!("Expected the explicit struct name `{name}`, but none was found")
            }
            ReaderError::UnknownVariant {
                expected,
                found,
                outer,
            } => match outer {
                Some(outer) => format!(
                    "Unexpected variant named `{found}` in enum `{outer}`, {}",
                    one_of(expected, "variants")
                ),
                None => format!(
                    "Unexpected enum variant named `{found}`, {}",
                    one_of(expected, "variants")
                ),
            },
            ReaderError::UnknownField {
                expected,
                found,
                outer,
            } => format!(
                "Unexpected field named `{found}`{}, {}",
                inside(outer),
                one_of(expected, "fields")
            ),
            ReaderError::MissingField { field, outer } => match outer {
                Some(outer) => format!("`{outer}` is missing its field `{field}`"),
                None => format!("missing field `{field}`"),
            },
            ReaderError::DuplicateField { field, outer } => {
                format!("Unexpected duplicate field named `{field}`{}", inside(outer))
            }
            ReaderError::WrongType { expected, found } => {
                format!("Expected {expected} but found {found} instead")
            }
            ReaderError::WrongLength { expected, found } => {
                let found = match found {
                    0 => "zero elements".to_string(),
                    1 => "one element".to_string(),
                    n => format!("{n} elements"),
                };
                format!("Expected {expected} but found {found} instead")
            }
            ReaderError::IntegerOutOfBounds => "Integer is out of bounds".to_string(),
            ReaderError::InvalidIntegerDigit { digit, base } => {
                format!("Invalid digit {digit:?} for base {base} integers")
            }
            ReaderError::FloatUnderscore => "Unexpected underscore in float".to_string(),
            ReaderError::UnderscoreAtBeginning => {
                "Unexpected leading underscore in a number".to_string()
            }
            ReaderError::UnexpectedChar(c) => format!("Unexpected char {c:?}"),
            ReaderError::TrailingCharacters => "Non-whitespace trailing characters".to_string(),
            ReaderError::UnclosedBlockComment => "Unclosed block comment".to_string(),
            ReaderError::UnclosedLineComment => {
                "`ron::value::RawValue` cannot end in unclosed line comment, try using a block comment or adding a newline"
                    .to_string()
            }
            ReaderError::BadEscape(why) => why.to_string(),
            ReaderError::NoSuchExtension(name) => format!("No RON extension named `{name}`"),
            ReaderError::InvalidIdentifier(name) => format!("Invalid identifier {name:?}"),
            ReaderError::SuggestRawIdentifier(name) => format!(
                "Found invalid std identifier {name:?}, try the raw identifier `r#{name}` instead"
            ),
            ReaderError::TooDeep { limit } => format!(
                "values nested more than {limit} deep; a plan nests about 10, so this file is not a plan"
            ),
            ReaderError::Other(text) => text.clone(),
        }
    }
}

// ---- end of reading a plan ---------------------------------------------------------------
