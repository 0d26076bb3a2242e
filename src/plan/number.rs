//! Exact numbers and dates in the plan file.
//!
//! serde hands a bare RON number to a visitor as `f64`, which would turn `2.03` into
//! 2.0299999999999998. To keep every figure exact, numbers are read as
//! [`ron::value::RawValue`] (the value's own text) and parsed into a `Decimal`, which also
//! keeps the written scale: `12.50` stays `12.50`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A number as written in the plan, held exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Num(Decimal);

impl Num {
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Num {
    fn from(d: Decimal) -> Self {
        Num(d)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&RawValue>::deserialize(d)?;
        parse_ron_number(&without_comments(raw.get_ron()))
            .map(Num)
            .map_err(ReadError::into_serde)
    }
}

/// Why a value written in the plan file cannot be read: a number, a date or the locale.
/// Said with [`Say`](crate::lang::Say), inside the syntax error that names its place.
///
/// serde lets a value's reader fail only with a message, so a `ReadError` crosses serde
/// encoded (see [`ReadError::into_serde`]) and is taken back as the value it was by
/// [`ReadError::from_serde`]: no one reads the words of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadError {
    /// A number in quotes where a number goes (`"72"`): `number` without its quotes.
    QuotedNumber { number: String, written: String },
    /// Not a number at all where a number goes.
    NotANumber { found: String },
    /// A number with more digits than 28, or larger than a `Decimal` holds.
    NotExact { found: String },
    /// Neither a number nor a quoted date where a result or baseline goes.
    NotANumberOrDate { found: String },
    /// A date in quotes written the Italian way (`"31.12.2017"`).
    DateNotIso { written: String },
    /// A number in quotes that is not a date either (`"2,5"`).
    NeitherNumberNorDate { written: String },
    /// A date that is not `YYYY-MM-DD`.
    NotIsoDate { found: String },
    /// A locale other than `it` and `en`.
    UnknownLocale { found: String },
    /// A result written in a form of its own (`Ratio(…)`, `AtLeast(…)`) that is not right.
    BadValueForm { found: String },
    /// A weight that is neither a number nor `Equal`.
    NotAWeight { found: String },
}

/// What starts the message that carries a [`ReadError`] through serde.
const READ_ERROR_MARK: &str = "perfplan:read-error:";

impl ReadError {
    /// The error for serde, which takes a message only: the value, encoded behind a mark.
    pub fn into_serde<E: serde::de::Error>(self) -> E {
        let encoded = serde_json::to_string(&self).expect("a ReadError always serializes");
        E::custom(format!("{READ_ERROR_MARK}{encoded}"))
    }

    /// The error a message from [`ReadError::into_serde`] carries; `None` for any other.
    pub fn from_serde(message: &str) -> Option<ReadError> {
        serde_json::from_str(message.strip_prefix(READ_ERROR_MARK)?).ok()
    }
}

/// Written as the number's own digits (through a RON raw value), so serializing keeps the
/// value exact, as reading does.
impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(self.0, s)
    }
}

fn serialize_decimal<S: Serializer>(d: Decimal, s: S) -> Result<S::Ok, S::Error> {
    let text = d.to_string();
    RawValue::from_ron(&text)
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

/// A result or baseline: a number, or a date for indicators measured in days, a yes or no,
/// a ratio kept with its parts, or a bound when only that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    Number(Decimal),
    Date(NaiveDate),
    /// `Yes` (true) or `No` (false), for an indicator whose unit is `YesNo`.
    Bool(bool),
    /// `Ratio(79, 87.3)`: a result that is a quotient, kept with the numerator and the
    /// denominator the OIV checks. Scored on the exact quotient (× 100 for a percentage).
    Ratio {
        numerator: Decimal,
        denominator: Decimal,
    },
    /// `AtLeast(95)`: a result known only as a bound, as a report may print it (`≥95%`).
    Bound {
        bound: Bound,
        value: Decimal,
    },
}

/// The side a result written as an inequality lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `>= v`
    AtLeast,
    /// `> v`
    MoreThan,
    /// `<= v`
    AtMost,
    /// `< v`
    LessThan,
}

impl Bound {
    pub const ALL: [Bound; 4] = [
        Bound::AtLeast,
        Bound::MoreThan,
        Bound::AtMost,
        Bound::LessThan,
    ];

    /// Its name in the plan file: `AtLeast`.
    pub fn name(self) -> &'static str {
        match self {
            Bound::AtLeast => "AtLeast",
            Bound::MoreThan => "MoreThan",
            Bound::AtMost => "AtMost",
            Bound::LessThan => "LessThan",
        }
    }

    /// As a controller writes it: `>=`.
    pub fn sign(self) -> &'static str {
        match self {
            Bound::AtLeast => ">=",
            Bound::MoreThan => ">",
            Bound::AtMost => "<=",
            Bound::LessThan => "<",
        }
    }
}

impl Value {
    pub fn as_number(self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_date(self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The value as the plan file writes it: `72`, `"2017-12-31"`, `Yes`, `Ratio(79, 87.3)`,
    /// `AtLeast(95)`.
    pub fn ron(self) -> String {
        match self {
            Value::Number(n) => n.to_string(),
            Value::Date(d) => format!("\"{}\"", d.format("%Y-%m-%d")),
            Value::Bool(true) => "Yes".into(),
            Value::Bool(false) => "No".into(),
            Value::Ratio {
                numerator,
                denominator,
            } => format!("Ratio({numerator}, {denominator})"),
            Value::Bound { bound, value } => format!("{}({value})", bound.name()),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => serialize_decimal(*n, s),
            Value::Date(d) => s.collect_str(&d.format("%Y-%m-%d")),
            other => RawValue::from_ron(&other.ron())
                .map_err(serde::ser::Error::custom)?
                .serialize(s),
        }
    }
}

/// A result written in one of the forms of its own: `Yes`, `No`, `Ratio(a, b)`,
/// `AtLeast(v)` and the other bounds. `None` when `text` is none of them.
fn value_form(text: &str) -> Option<Result<Value, ReadError>> {
    match text {
        "Yes" => return Some(Ok(Value::Bool(true))),
        "No" => return Some(Ok(Value::Bool(false))),
        _ => {}
    }
    let open = text.find('(')?;
    let name = text[..open].trim();
    let inner = text[open + 1..].trim_end().strip_suffix(')')?;
    let bad = || ReadError::BadValueForm {
        found: shorten(text),
    };
    if name == "Ratio" {
        let (a, b) = inner.split_once(',')?;
        let parts = parse_ron_number(a.trim()).and_then(|a| Ok((a, parse_ron_number(b.trim())?)));
        return Some(
            parts
                .map(|(numerator, denominator)| Value::Ratio {
                    numerator,
                    denominator,
                })
                .map_err(|_| bad()),
        );
    }
    let bound = Bound::ALL.into_iter().find(|b| b.name() == name)?;
    Some(
        parse_ron_number(inner.trim())
            .map(|value| Value::Bound { bound, value })
            .map_err(|_| bad()),
    )
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&RawValue>::deserialize(d)?;
        let text = without_comments(raw.get_ron());
        let text = text.as_ref();
        let not_a_value = || -> D::Error {
            ReadError::NotANumberOrDate {
                found: shorten(text),
            }
            .into_serde()
        };
        if text.starts_with('"') {
            // The raw value is a string ron has read already: reading it again only takes
            // its escapes out.
            let s: String = ron::from_str(text).map_err(|_| not_a_value())?;
            if let Some(inner) = quoted_number(text) {
                // `"31.12.2017"`: a date written the Italian way.
                let separators = inner.matches(['.', ',']).count();
                let written = inner.to_string();
                return Err(if separators >= 2 {
                    ReadError::DateNotIso { written }
                } else {
                    ReadError::NeitherNumberNorDate { written }
                }
                .into_serde());
            }
            // A text that is no date at all (`"Yes"`, `"79/87,3"`): every form a result takes
            // is named, not only the date.
            if !s.contains('-') {
                return Err(not_a_value());
            }
            parse_iso_date(&s)
                .map(Value::Date)
                .map_err(ReadError::into_serde)
        } else if let Some(form) = value_form(text) {
            form.map_err(ReadError::into_serde)
        } else {
            parse_ron_number(text)
                .map(Value::Number)
                .map_err(|_| not_a_value())
        }
    }
}

/// A weight as written: a number, or `Equal` for an equal share of what its siblings leave
/// of their parent's weight (see `plan::weights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Given(Num),
    Equal,
}

impl Weight {
    /// The number written, `None` for `Equal`.
    pub fn given(self) -> Option<Decimal> {
        match self {
            Weight::Given(n) => Some(n.value()),
            Weight::Equal => None,
        }
    }

    /// As the plan file writes it.
    pub fn ron(self) -> String {
        match self {
            Weight::Given(n) => n.value().to_string(),
            Weight::Equal => "Equal".into(),
        }
    }
}

impl From<Num> for Weight {
    fn from(n: Num) -> Self {
        Weight::Given(n)
    }
}

impl From<Decimal> for Weight {
    fn from(d: Decimal) -> Self {
        Weight::Given(Num(d))
    }
}

impl Serialize for Weight {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Weight::Given(n) => n.serialize(s),
            Weight::Equal => RawValue::from_ron("Equal")
                .map_err(serde::ser::Error::custom)?
                .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&RawValue>::deserialize(d)?;
        let text = without_comments(raw.get_ron());
        if text == "Equal" {
            return Ok(Weight::Equal);
        }
        match parse_ron_number(&text) {
            Ok(n) => Ok(Weight::Given(Num(n))),
            Err(e @ (ReadError::QuotedNumber { .. } | ReadError::NotExact { .. })) => {
                Err(e.into_serde())
            }
            Err(_) => Err(ReadError::NotAWeight {
                found: shorten(&text),
            }
            .into_serde()),
        }
    }
}

/// A raw value's text without the comments around it (`80 /* >=80% */`, `72 // checked`),
/// trimmed. Text inside string literals is kept as it is.
fn without_comments(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('/') {
        // The common case, and the fast one: no comment, no allocation.
        return std::borrow::Cow::Borrowed(raw.trim());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                out.push(' ');
            }
            ('/', Some('*')) => {
                chars.next();
                let mut depth = 1;
                while depth > 0 {
                    match (chars.next(), chars.peek()) {
                        (Some('*'), Some('/')) => {
                            chars.next();
                            depth -= 1;
                        }
                        (Some('/'), Some('*')) => {
                            chars.next();
                            depth += 1;
                        }
                        (None, _) => break,
                        _ => {}
                    }
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out.trim().to_string())
}

/// The number inside quotes (`"72"`, `"2.5"`), when that is what `text` is.
fn quoted_number(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix('"')?.strip_suffix('"')?.trim();
    let digits = inner.strip_prefix(['-', '+']).unwrap_or(inner);
    let numeric = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    numeric.then_some(inner)
}

/// Parses a RON number literal (`2.03`, `-34`, `1_000`, `1e3`) into an exact decimal.
pub fn parse_ron_number(text: &str) -> Result<Decimal, ReadError> {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let plain = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    let looks_numeric = !plain.is_empty()
        && plain
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+'))
        && plain.chars().any(|c| c.is_ascii_digit());
    if !looks_numeric {
        if let Some(inner) = quoted_number(text) {
            return Err(ReadError::QuotedNumber {
                number: inner.to_string(),
                written: shorten(text),
            });
        }
        return Err(ReadError::NotANumber {
            found: shorten(text),
        });
    }
    let parsed = if plain.contains(['e', 'E']) {
        Decimal::from_scientific(plain)
    } else {
        Decimal::from_str_exact(plain)
    };
    parsed.map_err(|_| ReadError::NotExact {
        found: shorten(text),
    })
}

/// Parses an ISO date (`2017-12-31`).
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, ReadError> {
    let text = s.trim();
    // chrono reads `17-12-31` as the year 17: a year must be written in full.
    let full_year = text.split('-').next().is_some_and(|y| y.len() == 4);
    NaiveDate::from_str(text)
        .ok()
        .filter(|_| full_year)
        .ok_or_else(|| ReadError::NotIsoDate { found: shorten(s) })
}

fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// serde helper for dates written as ISO strings.
pub mod iso_date {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse_iso_date(&s).map_err(ReadError::into_serde)
    }

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_written_scale() {
        assert_eq!(parse_ron_number("12.50").unwrap().to_string(), "12.50");
        assert_eq!(parse_ron_number("2.03").unwrap().to_string(), "2.03");
        assert_eq!(parse_ron_number("1_000").unwrap().to_string(), "1000");
        assert_eq!(parse_ron_number("-34").unwrap().to_string(), "-34");
        assert_eq!(parse_ron_number("+5").unwrap().to_string(), "5");
        assert_eq!(parse_ron_number("1e3").unwrap(), Decimal::from(1000));
    }

    #[test]
    fn comments_beside_a_number_are_not_part_of_it() {
        assert_eq!(without_comments("80 /* >=80% */"), "80");
        assert_eq!(without_comments("/* c */ 72"), "72");
        assert_eq!(without_comments("72 // checked\n  "), "72");
        assert_eq!(without_comments("1 /* a /* nested */ b */"), "1");
        assert_eq!(without_comments("\"2017-12-31\" // done"), "\"2017-12-31\"");
        assert_eq!(without_comments("\"a // b\""), "\"a // b\"");
    }

    #[test]
    fn long_numbers_stay_exact() {
        let d = parse_ron_number("0.1234567890123456789012345678").unwrap();
        assert_eq!(d.to_string(), "0.1234567890123456789012345678");
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        assert!(parse_ron_number("0x10").is_err());
        assert!(parse_ron_number("inf").is_err());
        assert!(parse_ron_number("NaN").is_err());
        assert!(parse_ron_number("\"5\"").is_err());
        assert!(parse_ron_number("").is_err());
        assert!(parse_ron_number("1e400").is_err());
        assert!(parse_ron_number("99999999999999999999999999999999").is_err());
        assert_eq!(
            parse_ron_number("\"5\""),
            Err(ReadError::QuotedNumber {
                number: "5".into(),
                written: "\"5\"".into()
            })
        );
    }

    #[test]
    fn a_read_error_crosses_serde_as_the_value_it_is() {
        let e = ReadError::NotIsoDate {
            found: "31/12/2017 \"x\"".into(),
        };
        let through: ron::Error = e.clone().into_serde();
        let ron::Error::Message(m) = through else {
            panic!("{through:?}");
        };
        assert_eq!(ReadError::from_serde(&m), Some(e));
        assert_eq!(ReadError::from_serde("expected a date"), None);
    }
}
