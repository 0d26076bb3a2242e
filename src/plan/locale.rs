//! How numbers, percentages and dates are shown and typed in the plan's locale.
//!
//! The controller lives in Excel's Italian conventions: `2,03`, `1.000`, `31/12/2017`,
//! `93%`. Everything shown goes through [`Locale::number`] and friends, and everything typed
//! through [`Locale::parse_value`], so the two always agree.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::number::ReadError;
use super::{Bound, Num, Target, Unit, Value};

/// The plan's locale: `"it"` or `"en"` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    It,
    En,
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Locale::from_code(&s).ok_or_else(|| ReadError::UnknownLocale { found: s }.into_serde())
    }
}

/// What the controller typed that cannot be read, with the locale it was read in (whose
/// notation the message shows as the example). Said with [`Say`](crate::lang::Say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Not a number in this locale (`2,5,3`, `7x`).
    NotANumber { text: String, locale: Locale },
    /// Not a date, or a date with a two-digit year.
    NotADate { text: String, locale: Locale },
    /// Neither yes nor no, for an indicator whose results are yes or no.
    NotYesNo { text: String, locale: Locale },
    /// A ratio whose numerator or denominator is not a number (`79/abc`).
    NotARatio { text: String, locale: Locale },
    /// An inequality on a date or a yes/no (`>= 31/12/2017`): these results are exact.
    NoBoundHere { text: String },
    /// Not a target this unit can have (`>= 80` on a yes/no, `abc`).
    NotATarget { text: String, locale: Locale },
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Rounds half up to two decimals, as the seed prints realizations. Display only.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

impl Locale {
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "it" => Some(Locale::It),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::It => "it",
            Locale::En => "en",
        }
    }

    pub fn decimal_sep(self) -> char {
        match self {
            Locale::It => ',',
            Locale::En => '.',
        }
    }

    pub fn group_sep(self) -> char {
        match self {
            Locale::It => '.',
            Locale::En => ',',
        }
    }

    /// A number with its own scale, thousands grouped: `1.119`, `2,03`, `-34`.
    pub fn number(self, d: Decimal) -> String {
        let text = d.abs().to_string();
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text.as_str(), None),
        };
        let mut out = String::with_capacity(text.len() + 4);
        if d.is_sign_negative() && !d.is_zero() {
            out.push('-');
        }
        let digits = int.len();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push(self.group_sep());
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(self.decimal_sep());
            out.push_str(f);
        }
        out
    }

    /// A number rounded half up to two decimals, always with both: `90,00`.
    pub fn fixed2(self, d: Decimal) -> String {
        let mut r = round2(d);
        r.rescale(2);
        self.number(r)
    }

    /// A realization or score: `98,56 %` (it), `98.56%` (en).
    pub fn percent(self, d: Decimal) -> String {
        format!("{}{}", self.fixed2(d), self.percent_sign())
    }

    /// A figure as shown (already rounded to the plan's precision, see `score::exact`), with
    /// the decimals it carries: `96,7 %`, `98,56 %`.
    pub fn figure(self, d: Decimal) -> String {
        format!("{}{}", self.number(d), self.percent_sign())
    }

    /// Yes or no, as the locale writes them: `Sì` / `No`, `Yes` / `No`.
    pub fn yes_no(self, b: bool) -> &'static str {
        match (self, b) {
            (Locale::It, true) => "Sì",
            (Locale::En, true) => "Yes",
            (_, false) => "No",
        }
    }

    fn percent_sign(self) -> &'static str {
        match self {
            Locale::It => " %",
            Locale::En => "%",
        }
    }

    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Locale::It => d.format("%d/%m/%Y").to_string(),
            Locale::En => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// A result, target or baseline in its unit: `93 %`, `7 testate`, `1.500 €`, `31/12/2017`.
    pub fn value(self, v: Value, unit: &Unit) -> String {
        match v {
            Value::Date(d) => self.date(d),
            Value::Number(n) => self.quantity(n, unit),
            Value::Bool(b) => self.yes_no(b).to_string(),
            // As written: the parts, which are the evidence, not the quotient.
            Value::Ratio {
                numerator,
                denominator,
            } => format!("{}/{}", self.number(numerator), self.number(denominator)),
            Value::Bound { bound, value } => {
                format!("{} {}", bound.sign(), self.quantity(value, unit))
            }
        }
    }

    /// A number in its unit.
    pub fn quantity(self, n: Decimal, unit: &Unit) -> String {
        let num = self.number(n);
        match unit {
            Unit::Percent => format!("{num}{}", self.percent_sign()),
            Unit::Currency => format!("{num} €"),
            Unit::Label(label) if !label.trim().is_empty() => format!("{num} {}", label.trim()),
            _ => num,
        }
    }

    /// The target as a controller writes it: `>= 80 %`, `<= 31/12/2017`, `10 – 20`.
    pub fn target(self, target: &Target, unit: &Unit) -> String {
        match target {
            Target::AtLeast(t) => format!(">= {}", self.quantity(t.value(), unit)),
            Target::MoreThan(t) => format!("> {}", self.quantity(t.value(), unit)),
            Target::AtMost(t) => format!("<= {}", self.quantity(t.value(), unit)),
            Target::LessThan(t) => format!("< {}", self.quantity(t.value(), unit)),
            Target::Exactly(t) => format!("= {}", self.quantity(t.value(), unit)),
            Target::Between { min, max } => format!(
                "{} – {}",
                self.number(min.value()),
                self.quantity(max.value(), unit)
            ),
            Target::Deadline(d) => format!("<= {}", self.date(*d)),
            Target::Yes => self.yes_no(true).to_string(),
            Target::No => self.yes_no(false).to_string(),
        }
    }

    /// Reads what the controller typed for a result of this unit. An empty text means
    /// "no result" (pending) and gives `Ok(None)`.
    pub fn parse_value(self, text: &str, unit: &Unit) -> Result<Option<Value>, InputError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if let Some((bound, rest)) = bound_prefix(text) {
            if unit.is_date() || unit.is_yes_no() {
                return Err(InputError::NoBoundHere {
                    text: text.to_string(),
                });
            }
            let value = self.parse_number(strip_unit(rest, unit))?;
            return Ok(Some(Value::Bound { bound, value }));
        }
        if unit.is_date() {
            return self.parse_date(text).map(|d| Some(Value::Date(d)));
        }
        if unit.is_yes_no() {
            return parse_yes_no(text)
                .map(|b| Some(Value::Bool(b)))
                .ok_or_else(|| InputError::NotYesNo {
                    text: text.to_string(),
                    locale: self,
                });
        }
        if let Some((a, b)) = text.split_once('/') {
            let bad = || InputError::NotARatio {
                text: text.to_string(),
                locale: self,
            };
            let numerator = self.parse_number(strip_unit(a, unit)).map_err(|_| bad())?;
            let denominator = self.parse_number(strip_unit(b, unit)).map_err(|_| bad())?;
            return Ok(Some(Value::Ratio {
                numerator,
                denominator,
            }));
        }
        self.parse_number(strip_unit(text, unit))
            .map(|n| Some(Value::Number(n)))
    }

    /// Reads a target as a controller writes it: `>= 80 %`, `> = 95`, `<= 31/12/2017`,
    /// `10 – 20`, `sì`. A number alone keeps the comparison of `current` (the target it
    /// replaces): `75` for `>= 80` gives `>= 75`.
    pub fn parse_target(
        self,
        text: &str,
        unit: &Unit,
        current: &Target,
    ) -> Result<Target, InputError> {
        let text = text.trim();
        let bad = || InputError::NotATarget {
            text: text.to_string(),
            locale: self,
        };
        if text.is_empty() {
            return Err(bad());
        }
        if unit.is_yes_no() {
            return match parse_yes_no(text) {
                Some(true) => Ok(Target::Yes),
                Some(false) => Ok(Target::No),
                None => Err(bad()),
            };
        }
        if unit.is_date() {
            let day = match bound_prefix(text) {
                Some((Bound::AtMost, rest)) => rest,
                Some(_) => return Err(bad()),
                None => text,
            };
            return self
                .parse_date(day)
                .map(Target::Deadline)
                .map_err(|_| bad());
        }
        let number = |t: &str| self.parse_number(strip_unit(t, unit)).map(Num::from);
        if let Some(rest) = text
            .strip_prefix('=')
            .filter(|r| !r.starts_with(['<', '>']))
        {
            return number(rest).map(Target::Exactly).map_err(|_| bad());
        }
        if let Some((bound, rest)) = bound_prefix(text) {
            let n = number(rest).map_err(|_| bad())?;
            return Ok(match bound {
                Bound::AtLeast => Target::AtLeast(n),
                Bound::MoreThan => Target::MoreThan(n),
                Bound::AtMost => Target::AtMost(n),
                Bound::LessThan => Target::LessThan(n),
            });
        }
        // A range: `10 – 20`, `10 - 20`, `10..20`.
        for sep in ['–', '—']
            .map(String::from)
            .into_iter()
            .chain([" - ".into(), "..".into()])
        {
            if let Some((a, b)) = text.split_once(sep.as_str()) {
                let min = number(a).map_err(|_| bad())?;
                let max = number(b).map_err(|_| bad())?;
                return Ok(Target::Between { min, max });
            }
        }
        let n = number(text).map_err(|_| bad())?;
        Ok(match current {
            Target::MoreThan(_) => Target::MoreThan(n),
            Target::AtMost(_) => Target::AtMost(n),
            Target::LessThan(_) => Target::LessThan(n),
            Target::Exactly(_) => Target::Exactly(n),
            Target::Between { .. } => return Err(bad()),
            _ => Target::AtLeast(n),
        })
    }

    /// A date typed as `31/12/2017`, `31-12-2017`, `31.12.2017` or `2017-12-31`.
    pub fn parse_date(self, text: &str) -> Result<NaiveDate, InputError> {
        let text = text.trim();
        let formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"];
        // chrono reads `17` as the year 17: a year must be written in full.
        let full_year = text
            .split(['/', '-', '.'])
            .any(|part| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit()));
        formats
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
            .filter(|_| full_year)
            .ok_or_else(|| InputError::NotADate {
                text: text.to_string(),
                locale: self,
            })
    }

    /// A number typed in this locale. Both `2,03` and `2.03` are accepted; the locale's
    /// group separator followed by exactly three digits groups thousands (`1.000` is a
    /// thousand in Italian, `1,000` in English).
    pub fn parse_number(self, text: &str) -> Result<Decimal, InputError> {
        let original = text;
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{a0}')
            .collect();
        let (negative, body) = match text.strip_prefix(['-', '−']) {
            Some(rest) => (true, rest.to_string()),
            None => (false, text.strip_prefix('+').unwrap_or(&text).to_string()),
        };
        let bad = || InputError::NotANumber {
            text: original.to_string(),
            locale: self,
        };
        if body.is_empty()
            || !body
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(bad());
        }
        let group = self.group_sep();
        let decimal = self.decimal_sep();
        let normalized = if body.contains(decimal) {
            // The locale's decimal separator is present: the group separator may only group.
            let (int, frac) = body.rsplit_once(decimal).ok_or_else(bad)?;
            if frac.contains([group, decimal]) || !is_grouped(int, group) {
                return Err(bad());
            }
            format!("{}.{}", int.replace(group, ""), frac)
        } else if body.contains(group) {
            if is_grouped(&body, group) {
                body.replace(group, "")
            } else if body.matches(group).count() == 1 {
                // `2.03` in Italian: one separator not followed by three digits is a decimal point.
                body.replace(group, ".")
            } else {
                return Err(bad());
            }
        } else {
            body
        };
        if normalized.starts_with('.') || normalized.ends_with('.') {
            return Err(bad());
        }
        let n = Decimal::from_str_exact(&normalized).map_err(|_| bad())?;
        Ok(if negative { -n } else { n })
    }
}

/// A result typed as an inequality (`≥95%`, `>= 95`, `> = 95`, `=> 95`): its bound and the
/// rest of the text.
fn bound_prefix(text: &str) -> Option<(Bound, &str)> {
    let text = text.trim_start();
    let signs: [(&str, Bound); 10] = [
        ("≥", Bound::AtLeast),
        ("≤", Bound::AtMost),
        (">=", Bound::AtLeast),
        ("=>", Bound::AtLeast),
        ("<=", Bound::AtMost),
        ("=<", Bound::AtMost),
        (">", Bound::MoreThan),
        ("<", Bound::LessThan),
        ("⩾", Bound::AtLeast),
        ("⩽", Bound::AtMost),
    ];
    let (sign, bound) = signs.iter().find(|(s, _)| text.starts_with(s))?;
    let rest = text[sign.len()..].trim_start();
    // `> = 95`, `< = 1`: the way the seed writes some of its targets.
    let (bound, rest) = match (bound, rest.strip_prefix('=')) {
        (Bound::MoreThan, Some(r)) => (Bound::AtLeast, r),
        (Bound::LessThan, Some(r)) => (Bound::AtMost, r),
        _ => (*bound, rest),
    };
    Some((bound, rest))
}

/// Yes or no typed in either language, with or without the accent: `sì`, `si`, `s`, `yes`,
/// `y`, `no`, `n`.
fn parse_yes_no(text: &str) -> Option<bool> {
    match crate::fold::fold(text.trim()).as_str() {
        "si" | "s" | "yes" | "y" => Some(true),
        "no" | "n" => Some(false),
        _ => None,
    }
}

/// Whether `int` is digits grouped by threes with `sep` (or plain digits).
fn is_grouped(int: &str, sep: char) -> bool {
    if !int.contains(sep) {
        return !int.is_empty() && int.chars().all(|c| c.is_ascii_digit());
    }
    let mut parts = int.split(sep);
    let first = parts.next().unwrap_or("");
    // `0.500` is a half written with a point, not five hundred.
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && first.chars().all(|c| c.is_ascii_digit())
        && parts.all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// Removes a unit sign the controller may type with the number (`93%`, `€ 1.000`).
fn strip_unit<'a>(text: &'a str, unit: &Unit) -> &'a str {
    let text = text.trim();
    let text = match unit {
        Unit::Percent => text.trim_end_matches('%'),
        Unit::Currency => text.trim_start_matches('€').trim_end_matches('€'),
        Unit::Label(label) if !label.trim().is_empty() => {
            text.strip_suffix(label.trim()).unwrap_or(text)
        }
        _ => text,
    };
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, Say};
    use rust_decimal_macros::dec;

    #[test]
    fn italian_numbers_use_comma_and_dot() {
        let it = Locale::It;
        assert_eq!(it.number(dec!(2.03)), "2,03");
        assert_eq!(it.number(dec!(1119)), "1.119");
        assert_eq!(it.number(dec!(1234567.5)), "1.234.567,5");
        assert_eq!(it.number(dec!(-34)), "-34");
        assert_eq!(it.number(dec!(100)), "100");
        assert_eq!(it.percent(dec!(98.555)), "98,56 %");
        assert_eq!(it.percent(dec!(90)), "90,00 %");
        assert_eq!(Locale::En.percent(dec!(98.564)), "98.56%");
        assert_eq!(Locale::En.number(dec!(1000.25)), "1,000.25");
    }

    #[test]
    fn rounding_is_half_up() {
        assert_eq!(round2(dec!(94.645)), dec!(94.65));
        assert_eq!(round2(dec!(94.6449999)), dec!(94.64));
        assert_eq!(round2(dec!(91.675)), dec!(91.68));
    }

    #[test]
    fn italian_input_reads_both_separators() {
        let it = Locale::It;
        assert_eq!(it.parse_number("2,03").unwrap(), dec!(2.03));
        assert_eq!(it.parse_number("2.03").unwrap(), dec!(2.03));
        assert_eq!(it.parse_number("1.000").unwrap(), dec!(1000));
        assert_eq!(it.parse_number("1.000,5").unwrap(), dec!(1000.5));
        assert_eq!(it.parse_number("12.345.678").unwrap(), dec!(12345678));
        assert_eq!(it.parse_number("0.500").unwrap(), dec!(0.5));
        assert_eq!(it.parse_number("0.125").unwrap(), dec!(0.125));
        assert_eq!(Locale::En.parse_number("0,500").unwrap(), dec!(0.5));
        assert_eq!(it.parse_number("-34").unwrap(), dec!(-34));
        assert!(it.parse_number("7x").is_err());
        assert!(it.parse_number("1,2,3").is_err());
        assert!(it.parse_number("1.00,5").is_err());
        assert!(it.parse_number(",5").is_err());
    }

    #[test]
    fn what_cannot_be_read_is_said_with_the_locales_examples() {
        let e = Locale::It.parse_number("2,5,3").unwrap_err();
        assert_eq!(
            e,
            InputError::NotANumber {
                text: "2,5,3".into(),
                locale: Locale::It
            }
        );
        assert_eq!(
            e.say(Lang::It),
            "«2,5,3» non è un numero: scrivilo come 2,03 o 1.000"
        );
        assert_eq!(
            e.say(Lang::En),
            "not a number: \"2,5,3\"; write it like 2,03 or 1.000"
        );
        let e = Locale::En.parse_number("7x").unwrap_err();
        assert_eq!(
            e.say(Lang::It),
            "«7x» non è un numero: scrivilo come 2.03 o 1,000"
        );
        let e = Locale::It.parse_date("15/09/17").unwrap_err();
        assert_eq!(
            e.say(Lang::It),
            "«15/09/17» non è una data: scrivila come 31/12/2017 o 2017-12-31, con l'anno \
             a quattro cifre"
        );
        assert_eq!(
            e.say(Lang::En),
            "not a date: \"15/09/17\"; write 31/12/2017 or 2017-12-31, the year in full"
        );
    }

    #[test]
    fn english_input_groups_with_commas() {
        let en = Locale::En;
        assert_eq!(en.parse_number("1,000").unwrap(), dec!(1000));
        assert_eq!(en.parse_number("2.03").unwrap(), dec!(2.03));
        assert_eq!(en.parse_number("2,03").unwrap(), dec!(2.03));
        assert_eq!(en.parse_number("1,000.25").unwrap(), dec!(1000.25));
    }

    #[test]
    fn percent_input_takes_the_sign_or_not() {
        let it = Locale::It;
        let v = |s| it.parse_value(s, &Unit::Percent).unwrap();
        assert_eq!(v("93%"), Some(Value::Number(dec!(93))));
        assert_eq!(v("93 %"), Some(Value::Number(dec!(93))));
        assert_eq!(v("93"), Some(Value::Number(dec!(93))));
        assert_eq!(v(""), None);
        assert_eq!(v("  "), None);
    }

    #[test]
    fn dates_are_read_in_both_orders() {
        let it = Locale::It;
        let d = NaiveDate::from_ymd_opt(2017, 12, 31).unwrap();
        assert_eq!(it.parse_date("31/12/2017").unwrap(), d);
        assert_eq!(it.parse_date("2017-12-31").unwrap(), d);
        assert!(it.parse_date("31/13/2017").is_err());
        assert!(
            it.parse_date("31/12/17").is_err(),
            "a two-digit year is not the year 17"
        );
        assert!(it.parse_date("17-12-31").is_err());
        assert!(it.parse_date("31.12.17").is_err());
        assert_eq!(it.date(d), "31/12/2017");
        assert_eq!(Locale::En.date(d), "2017-12-31");
    }
}
