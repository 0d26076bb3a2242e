//! Reading a plan file: bytes → text → `Plan`, with every failure named by its place.

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use super::mistakes::Mistake;
use crate::plan::Plan;
use crate::plan::number::ReadError;

/// Plans larger than this are refused rather than read. A 100,000-indicator plan (every
/// office of a region in one file) is about 52 MiB; this is ten times that, about 990,000
/// indicators, and reading it takes about 2.2 times its size in memory (a little over a
/// GiB): any plan a body writes fits, while a stray multi-gigabyte file cannot exhaust the
/// memory or hang the app. `perfplan gen` refuses to write a plan over it.
pub const MAX_PLAN_BYTES: u64 = 512 * 1024 * 1024;

/// Deepest nesting the reader follows; a plan needs about 10.
const RECURSION_LIMIT: usize = 64;

/// Why a plan could not be read. Said with [`Say`](crate::lang::Say): `e.say(lang)` gives
/// the file, the line and column where there is one, what is wrong and, for a syntax error,
/// the line of the file with a caret under the place.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Empty {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        max: u64,
    },
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: u8,
    },
    CrLineEndings {
        path: PathBuf,
    },
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        /// Boxed: the error stays small beside a plan.
        what: Box<SyntaxError>,
        excerpt: Excerpt,
    },
}

/// What is wrong at the place of a syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// A mistake controllers make, recognised around the place.
    Mistake(Mistake),
    /// A number, date or locale written in a way perfplan does not read.
    Value(ReadError),
    /// What the RON reader stopped at.
    Reader(ReaderError),
}

/// What the RON reader stopped at: ron's errors, as values. A few carry ron's or serde's
/// own English words (the names of the types in [`ReaderError::WrongType`], an escape's
/// fault, [`ReaderError::Other`]), which no language can translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderError {
    /// The text ends inside a value.
    Eof,
    /// Something else is there where this goes.
    Expected(Token),
    /// A struct's `(` is missing (its name, or empty for a struct without one).
    ExpectedStruct(&'static str),
    /// Another struct name than the one that goes here.
    WrongStructName {
        expected: &'static str,
        found: String,
    },
    /// A struct without the name it must have.
    ExpectedStructName(String),
    UnknownVariant {
        expected: &'static [&'static str],
        found: String,
        outer: Option<String>,
    },
    UnknownField {
        expected: &'static [&'static str],
        found: String,
        outer: Option<String>,
    },
    MissingField {
        field: &'static str,
        outer: Option<String>,
    },
    DuplicateField {
        field: &'static str,
        outer: Option<String>,
    },
    /// A value of another kind than the one that goes here, in serde's and ron's words.
    WrongType {
        expected: String,
        found: String,
    },
    /// A list or tuple with another number of elements.
    WrongLength {
        expected: String,
        found: usize,
    },
    IntegerOutOfBounds,
    InvalidIntegerDigit {
        digit: char,
        base: u8,
    },
    FloatUnderscore,
    UnderscoreAtBeginning,
    UnexpectedChar(char),
    TrailingCharacters,
    UnclosedBlockComment,
    UnclosedLineComment,
    /// A wrong `\` escape in a string, with ron's words for what is wrong with it.
    BadEscape(&'static str),
    NoSuchExtension(String),
    InvalidIdentifier(String),
    SuggestRawIdentifier(String),
    /// Values nested deeper than the reader follows.
    TooDeep {
        limit: usize,
    },
    /// An error ron gives only in words (an IO or formatting failure, one of ron's errors
    /// added after this was written): ron's English text.
    Other(String),
}

/// What the reader expected where it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// `[`
    ListStart,
    /// `]`
    ListEnd,
    /// `(`
    StructStart,
    /// `)`
    StructEnd,
    /// `)` after an option's value.
    OptionEnd,
    /// `{`
    MapStart,
    /// `}`
    MapEnd,
    /// `:`
    Colon,
    Comma,
    Attribute,
    AttributeEnd,
    Boolean,
    Char,
    ByteLiteral,
    Float,
    Integer,
    Option,
    Unit,
    String,
    ByteString,
    StringEnd,
    Identifier,
    RawValue,
    RangeSyntax,
}

impl LoadError {
    fn at(path: &Path) -> PathBuf {
        path.to_path_buf()
    }
}

/// The line of the file where an error is, with a caret under the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub line: usize,
    pub text: String,
    pub column: usize,
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gutter = self.line.to_string();
        writeln!(f, "{gutter} | {}", self.text)?;
        let pad: String = self
            .text
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        write!(f, "{} | {pad}^", " ".repeat(gutter.len()))
    }
}

/// Reads and parses the plan at `path`.
pub fn load(path: &Path) -> Result<(Plan, String), LoadError> {
    let size = std::fs::metadata(path)
        .map_err(|source| LoadError::Io {
            path: LoadError::at(path),
            source,
        })?
        .len();
    if size > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge {
            path: LoadError::at(path),
            size,
            max: MAX_PLAN_BYTES,
        });
    }
    // Read at most one byte past the limit: a pipe or a device (`/dev/zero`) reports size 0
    // and may never end, so the size above alone does not bound the read.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|source| LoadError::Io {
            path: LoadError::at(path),
            source,
        })?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge {
            path: LoadError::at(path),
            size: bytes.len() as u64,
            max: MAX_PLAN_BYTES,
        });
    }
    let text = decode(path, bytes)?;
    let plan = parse(path, &text)?;
    Ok((plan, text))
}

/// Turns bytes into text, naming the first byte that is not UTF-8.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::NotUtf8 {
            path: LoadError::at(path),
            line,
            column,
            byte: bytes[at],
        }
    })
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses plan text; `path` only names the file in messages.
pub fn parse(path: &Path, text: &str) -> Result<Plan, LoadError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty {
            path: LoadError::at(path),
        });
    }
    options().from_str::<Plan>(body).map_err(|e| {
        if !body.contains('\n') && body.contains('\r') {
            // RON ends a `//` comment at a line feed only: in a file whose lines end with a
            // lone CR the first comment runs to the end and the error would point nowhere
            // useful.
            return LoadError::CrLineEndings {
                path: LoadError::at(path),
            };
        }
        let line = e.span.start.line.max(1);
        let column = e.span.start.col.max(1);
        // A mistake controllers make, said in their words (and at the place it is).
        let (what, line, column) = match super::mistakes::recognise(body, line, column) {
            Some((mistake, line, column)) => (SyntaxError::Mistake(mistake), line, column),
            None => (explain(&e.code), line, column),
        };
        let line_text = body.lines().nth(line - 1).unwrap_or("");
        let (text, caret) = clip_around(line_text, column, EXCERPT_CHARS);
        LoadError::Syntax {
            path: LoadError::at(path),
            line,
            column,
            what: Box::new(what),
            excerpt: Excerpt {
                line,
                text,
                column: caret,
            },
        }
    })
}

/// Widest excerpt of a line shown under a syntax error, in characters.
const EXCERPT_CHARS: usize = 160;

/// At most `max` characters of `line` around `column` (1-based), with `…` where cut, and
/// the caret's column in the clipped text: a long line (a plan written on one line) still
/// shows the place of the error, not only its first `max` characters.
fn clip_around(line: &str, column: usize, max: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= max {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(max / 2).min(chars.len() - max);
    let end = start + max;
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    (text, at - start + 1 + usize::from(start > 0))
}

/// ron's error as a value: a number or date perfplan could not read (which crosses serde
/// as a message, see [`ReadError::from_serde`]), or what the reader stopped at.
fn explain(code: &ron::Error) -> SyntaxError {
    use ron::Error as E;
    use {ReaderError as R, Token as T};
    let reader = match code {
        E::Message(m) => match ReadError::from_serde(m) {
            Some(e) => return SyntaxError::Value(e),
            None => R::Other(m.clone()),
        },
        E::ExceededRecursionLimit => R::TooDeep {
            limit: RECURSION_LIMIT,
        },
        E::MissingStructField { field, outer } => R::MissingField {
            field,
            outer: outer.clone(),
        },
        E::Eof => R::Eof,
        E::ExpectedArray => R::Expected(T::ListStart),
        E::ExpectedArrayEnd => R::Expected(T::ListEnd),
        E::ExpectedAttribute => R::Expected(T::Attribute),
        E::ExpectedAttributeEnd => R::Expected(T::AttributeEnd),
        E::ExpectedBoolean => R::Expected(T::Boolean),
        E::ExpectedComma => R::Expected(T::Comma),
        E::ExpectedChar => R::Expected(T::Char),
        E::ExpectedByteLiteral => R::Expected(T::ByteLiteral),
        E::ExpectedFloat => R::Expected(T::Float),
        E::ExpectedInteger => R::Expected(T::Integer),
        E::ExpectedOption => R::Expected(T::Option),
        E::ExpectedOptionEnd => R::Expected(T::OptionEnd),
        E::ExpectedMap => R::Expected(T::MapStart),
        E::ExpectedMapColon => R::Expected(T::Colon),
        E::ExpectedMapEnd => R::Expected(T::MapEnd),
        E::ExpectedStructLike => R::Expected(T::StructStart),
        E::ExpectedStructLikeEnd => R::Expected(T::StructEnd),
        E::ExpectedUnit => R::Expected(T::Unit),
        E::ExpectedString => R::Expected(T::String),
        E::ExpectedByteString => R::Expected(T::ByteString),
        E::ExpectedStringEnd => R::Expected(T::StringEnd),
        E::ExpectedIdentifier => R::Expected(T::Identifier),
        E::ExpectedRawValue => R::Expected(T::RawValue),
        E::ExpectedRangeSyntax => R::Expected(T::RangeSyntax),
        E::ExpectedNamedStructLike(name) => R::ExpectedStruct(name),
        E::ExpectedDifferentStructName { expected, found } => R::WrongStructName {
            expected,
            found: found.clone(),
        },
        E::ExpectedStructName(name) => R::ExpectedStructName(name.clone()),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => R::UnknownVariant {
            expected,
            found: found.clone(),
            outer: outer.clone(),
        },
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => R::UnknownField {
            expected,
            found: found.clone(),
            outer: outer.clone(),
        },
        E::DuplicateStructField { field, outer } => R::DuplicateField {
            field,
            outer: outer.clone(),
        },
        E::InvalidValueForType { expected, found } => R::WrongType {
            expected: expected.clone(),
            found: found.clone(),
        },
        E::ExpectedDifferentLength { expected, found } => R::WrongLength {
            expected: expected.clone(),
            found: *found,
        },
        E::IntegerOutOfBounds => R::IntegerOutOfBounds,
        E::InvalidIntegerDigit { digit, base } => R::InvalidIntegerDigit {
            digit: *digit,
            base: *base,
        },
        E::FloatUnderscore => R::FloatUnderscore,
        E::UnderscoreAtBeginning => R::UnderscoreAtBeginning,
        E::UnexpectedChar(c) => R::UnexpectedChar(*c),
        E::TrailingCharacters => R::TrailingCharacters,
        E::UnclosedBlockComment => R::UnclosedBlockComment,
        E::UnclosedLineComment => R::UnclosedLineComment,
        E::InvalidEscape(why) => R::BadEscape(why),
        E::NoSuchExtension(name) => R::NoSuchExtension(name.clone()),
        E::InvalidIdentifier(name) => R::InvalidIdentifier(name.clone()),
        E::SuggestRawIdentifier(name) => R::SuggestRawIdentifier(name.clone()),
        // Failures of formatting, IO and UTF-8 (the text is decoded before ron reads it),
        // and any error a later ron adds (`ron::Error` is non-exhaustive).
        other => R::Other(other.to_string()),
    };
    SyntaxError::Reader(reader)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, Say};

    const PLAN: &str = "Plan(title: \"T\", organization: \"O\", year: 2017, perspectives: [\
        Perspective(name: \"P\", objectives: [StrategicObjective(code: \"1\", title: \"S\", \
        weight: 100, operational: [OperationalObjective(code: \"1.1\", title: \"O\", weight: 100, \
        indicators: [Indicator(id: \"a\", description: \"d\", unit: Count, target: AtLeast(3))])])])])";

    fn what(text: &str) -> SyntaxError {
        match parse(Path::new("p.ron"), text) {
            Err(LoadError::Syntax { what, .. }) => *what,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_readers_errors_are_values_said_in_both_languages() {
        assert!(parse(Path::new("p.ron"), PLAN).is_ok());
        let e = what(&PLAN.replacen("unit: Count", "colore: 1", 1));
        assert!(
            matches!(&e, SyntaxError::Reader(ReaderError::UnknownField { found, outer, .. })
                if found == "colore" && outer.as_deref() == Some("Indicator")),
            "{e:?}"
        );
        assert_eq!(
            e.say(Lang::It),
            "il campo `colore` non esiste in `Indicator`: i campi possibili sono `id`, \
             `description`, `unit`, `target`, `result`, `override`, `note`, `baseline`, `scoring`, `not_assessable`, `owner`, `target_changes` o `periods`"
        );
        assert_eq!(
            e.say(Lang::En),
            "Unexpected field named `colore` in `Indicator`, expected one of `id`, \
             `description`, `unit`, `target`, `result`, `override`, `note`, `baseline`, \
             `scoring`, `not_assessable`, `owner`, `target_changes`, or `periods` instead"
        );
        let e = what(&PLAN.replacen("unit: Count", "unit: Conteggio", 1));
        assert_eq!(
            e.say(Lang::It),
            "`Conteggio` non è un valore ammesso per `Unit`: i valori possibili sono `Percent`, \
             `Count`, `Number`, `Date`, `Currency`, `Label` o `YesNo`"
        );
        let e = what(&PLAN.replacen(", unit: Count", "", 1));
        assert_eq!(e.say(Lang::En), "`Indicator` is missing its field `unit`");
        assert_eq!(e.say(Lang::It), "in `Indicator` manca il campo `unit`");
        let e = what(&PLAN.replacen("year: 2017,", "year: 2017", 1));
        assert_eq!(e, SyntaxError::Reader(ReaderError::Expected(Token::Comma)));
        assert_eq!(e.say(Lang::It), "manca una virgola");
        assert_eq!(e.say(Lang::En), "Expected comma");
        let e = what(&PLAN.replacen("weight: 100,", "weight: \"100\",", 1));
        assert_eq!(
            e,
            SyntaxError::Value(ReadError::QuotedNumber {
                number: "100".into(),
                written: "\"100\"".into()
            })
        );
        assert_eq!(
            e.say(Lang::It),
            "un numero si scrive senza virgolette: scrivi 100, non \"100\""
        );
    }

    #[test]
    fn a_file_that_cannot_be_opened_says_why() {
        let dir = std::env::temp_dir().join("perfplan-no-such-folder-for-a-test");
        let e = load(&dir.join("plan.ron")).unwrap_err();
        let it = e.say(Lang::It);
        assert!(it.ends_with("plan.ron: il file non esiste"), "{it}");
        assert!(e.say(Lang::En).contains("plan.ron: cannot read the file: "));
    }
}

/// The locale a plan file names (`locale: "it"`), read from its text even when the file
/// does not parse as a plan further on: an error in an Italian plan is explained in
/// Italian. `None` when the file cannot be read or names no locale.
pub fn sniff_locale(path: &Path) -> Option<crate::plan::Locale> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    // Line comments left out (a heuristic: it only picks the language of a message).
    let text: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut rest = text.as_str();
    while let Some(at) = rest.find("locale") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "locale".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(value) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        let Some(quoted) = value.trim_start().strip_prefix('"') else {
            continue;
        };
        if let Some(end) = quoted.find('"') {
            return crate::plan::Locale::from_code(&quoted[..end]);
        }
    }
    None
}

#[cfg(test)]
mod sniff_tests {
    use super::sniff_locale;
    use crate::plan::Locale;

    #[test]
    fn the_locale_is_found_before_a_mistake_further_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let cases = [
            (
                "(\n  title: \"t\",\n  locale: \"it\",\n  perspectives: [,,",
                Some(Locale::It),
            ),
            ("Plan(locale:\"en\", oops", Some(Locale::En)),
            (
                "( // the locale: \"it\" is said below\n  my_locale: \"en\",",
                None,
            ),
            ("( title: \"no locale here\" ", None),
            ("( locale: \"fr\" )", None),
        ];
        for (text, expected) in cases {
            std::fs::write(&path, text).unwrap();
            assert_eq!(sniff_locale(&path), expected, "{text}");
        }
        assert_eq!(sniff_locale(&dir.path().join("missing.ron")), None);
    }
}
