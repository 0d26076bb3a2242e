//! CSV: one row per indicator with its full path. For the Italian locale `;` and a decimal
//! comma, so that a double-click opens it right in Italian Excel.

use rust_decimal::Decimal;

use crate::plan::Locale;
use crate::plan::Value;
use crate::plan::locale::round2;
use crate::summary::{IndicatorSummary, Summary};

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

pub const HEADER: [&str; 14] = [
    "perspective",
    "strategic_code",
    "operational_code",
    "layer",
    "id",
    "description",
    "unit",
    "target",
    "result",
    "realization",
    "pending",
    "override",
    "reason",
    "note",
];

fn number(d: Decimal, decimal: char) -> String {
    let s = d.to_string();
    if decimal == '.' {
        s
    } else {
        s.replace('.', &decimal.to_string())
    }
}

fn row(
    persp: &str,
    so: &str,
    oo: &str,
    layer: &str,
    ind: &IndicatorSummary,
    opts: &CsvOptions,
) -> Vec<String> {
    let realization = ind.realization.map(|r| {
        let mut r = round2(r);
        r.rescale(2);
        number(r, opts.decimal)
    });
    let text = |s: &str| super::neutral_cell(s).into_owned();
    vec![
        text(persp),
        text(so),
        text(oo),
        layer.to_string(),
        text(&ind.id),
        text(&ind.description),
        text(ind.unit.word()),
        text(&ind.target),
        match ind.result {
            Some(Value::Number(n)) => number(n, opts.decimal),
            Some(Value::Date(d)) => opts.dates.date(d),
            None => String::new(),
        },
        match (&realization, &ind.unscorable) {
            (None, Some(_)) => "cannot be scored".to_string(),
            _ => realization.clone().unwrap_or_default(),
        },
        if ind.pending { "yes" } else { "no" }.to_string(),
        if ind.overridden { "yes" } else { "no" }.to_string(),
        text(ind.override_reason.as_deref().unwrap_or_default()),
        text(ind.note.as_deref().unwrap_or_default()),
    ]
}

pub fn render(summary: &Summary, opts: &CsvOptions) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(opts.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if !summary.errors.is_empty() {
        // A draft says so before anything else, one error a row.
        w.write_record([super::draft_heading(summary.locale)])?;
        for e in &summary.errors {
            w.write_record([super::neutral_cell(e).as_ref()])?;
        }
        w.write_record([""])?;
    }
    w.write_record(HEADER)?;
    for p in &summary.perspectives {
        for so in &p.objectives {
            for oo in &so.operational {
                for (layer, inds) in [
                    ("strategic", &oo.strategic_indicators),
                    ("operational", &oo.indicators),
                ] {
                    for ind in inds {
                        w.write_record(row(&p.name, &so.code, &oo.code, layer, ind, opts))?;
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
