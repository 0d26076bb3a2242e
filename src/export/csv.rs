//! CSV: one row per indicator with its full path. For the Italian locale `;` and a decimal
//! comma, so that a double-click opens it right in Italian Excel.

use rust_decimal::Decimal;

use super::words::{CsvColumn, Label};
use crate::lang::{Lang, Say};
use crate::plan::Locale;
use crate::plan::Value;
use crate::summary::{Deviation, IndicatorSummary, Summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    pub delimiter: u8,
    pub decimal: char,
    /// Dates are written as this locale writes them (`31/12/2017` for Italian Excel).
    pub dates: Locale,
}

impl CsvOptions {
    pub fn for_locale(locale: Locale) -> CsvOptions {
        match locale {
            Locale::It => CsvOptions {
                delimiter: b';',
                decimal: ',',
                dates: locale,
            },
            Locale::En => CsvOptions {
                delimiter: b',',
                decimal: '.',
                dates: locale,
            },
        }
    }
}

/// The header row, in `lang`: English names a script can use (`strategic_code`), Italian
/// headings as the controller reads them (`Obiettivo strategico`, `Risultato 2017`).
pub fn header(lang: Lang, year: i32) -> Vec<String> {
    CsvColumn::ALL
        .iter()
        .map(|c| lang.words().csv_column(*c, year))
        .collect()
}

fn number(d: Decimal, decimal: char) -> String {
    let s = d.to_string();
    if decimal == '.' {
        s
    } else {
        s.replace('.', &decimal.to_string())
    }
}

fn row(
    summary: &Summary,
    persp: &str,
    so: &str,
    oo: &str,
    layer: &str,
    ind: &IndicatorSummary,
    opts: &CsvOptions,
) -> Vec<String> {
    // As shown: already rounded to the plan's precision, with its decimals.
    let realization = ind.realization.map(|r| number(r, opts.decimal));
    let text = |s: &str| super::neutral_cell(s).into_owned();
    vec![
        text(persp),
        text(so),
        text(oo),
        layer.to_string(),
        text(&ind.id),
        text(&ind.description),
        text(&summary.lang.words().unit(&ind.unit)),
        text(&ind.target),
        match ind.result {
            Some(Value::Number(n)) => number(n, opts.decimal),
            Some(Value::Date(d)) => opts.dates.date(d),
            // Yes or no, a ratio with both its parts, a bound: their numbers with the
            // file's decimal separator.
            Some(Value::Bool(b)) => yes_no(summary, b),
            Some(Value::Ratio {
                numerator,
                denominator,
            }) => text(&format!(
                "{}/{}",
                number(numerator, opts.decimal),
                number(denominator, opts.decimal)
            )),
            Some(Value::Bound { bound, value }) => {
                text(&format!("{} {}", bound.sign(), number(value, opts.decimal)))
            }
            None => String::new(),
        },
        match (&realization, &ind.unscorable) {
            _ if ind.not_assessable.is_some() => summary.word(Label::NotAssessable).to_string(),
            (None, Some(_)) => summary.word(Label::CannotBeScored).to_string(),
            _ => realization.clone().unwrap_or_default(),
        },
        yes_no(summary, ind.pending),
        yes_no(summary, ind.overridden),
        text(ind.override_reason.as_deref().unwrap_or_default()),
        text(&ind.note_with_reason(summary)),
        // A plain number, as the result: in the unit's terms (a percent's points), days
        // for a date; its sign only when negative.
        match ind.deviation {
            Some(Deviation::Amount(d)) => number(d, opts.decimal),
            Some(Deviation::Days(days)) => days.to_string(),
            None => String::new(),
        },
    ]
}

fn yes_no(summary: &Summary, yes: bool) -> String {
    summary
        .word(if yes { Label::Yes } else { Label::No })
        .to_string()
}

pub fn render(summary: &Summary, opts: &CsvOptions) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(opts.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if !summary.errors.is_empty() {
        // A draft says so before anything else, one error a row.
        w.write_record([summary.word(Label::Draft)])?;
        for e in &summary.errors {
            w.write_record([super::neutral_cell(&e.say(summary.lang)).as_ref()])?;
        }
        w.write_record([""])?;
    }
    // A plan with periods says in each row which period its values are of.
    let period = summary.period.as_ref().map(|p| p.name.as_str());
    let mut head = header(summary.lang, summary.year);
    if period.is_some() {
        head.push(summary.word(Label::PeriodColumn).to_string());
    }
    w.write_record(head)?;
    for p in &summary.perspectives {
        for so in &p.objectives {
            for oo in &so.operational {
                for (layer, inds) in [
                    (Label::StrategicValue, &oo.strategic_indicators),
                    (Label::OperationalValue, &oo.indicators),
                ] {
                    let layer = summary.word(layer);
                    // A strategic objective's own indicators have no operational objective.
                    let oo_code = if oo.direct { "" } else { oo.code.as_str() };
                    for ind in inds {
                        let mut r = row(summary, &p.name, &so.code, oo_code, layer, ind, opts);
                        if let Some(name) = period {
                            r.push(super::neutral_cell(name).into_owned());
                        }
                        w.write_record(r)?;
                    }
                }
            }
        }
    }
    w.flush()?;
    // The UTF-8 byte-order mark makes Excel read accents right.
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(
        w.into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?,
    );
    Ok(out)
}
