//! The summary the controller hands on, in the formats their office uses. One [`Summary`]
//! is built from the plan and its scores; each writer only lays it out.

mod csv;
mod html;
mod md;
pub mod words;
pub(crate) mod xlsx;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::lang::Say;
use crate::plan::Locale;
use crate::summary::Summary;

use self::words::Notice;

pub use self::csv::{CsvOptions, header as csv_header};

/// A format the summary can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Xlsx,
    Csv,
    Md,
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Xlsx, Format::Csv, Format::Md, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Html => "html",
        }
    }

    /// Text formats can go to standard output; XLSX cannot.
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Xlsx)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Where an export of `plan` goes by default: beside it, same name, the format's extension.
pub fn default_path(plan: &Path, format: Format) -> PathBuf {
    plan.with_extension(format.extension())
}

/// The default file of an export at `period`, an intermediate monitoring period: the
/// period's name after the plan's (`piano-30-giugno.csv`), so that it does not replace the
/// year's export. `None`: the year's, [`default_path`].
pub fn default_path_at(plan: &Path, format: Format, period: Option<&str>) -> PathBuf {
    let Some(period) = period else {
        return default_path(plan, format);
    };
    let mut slug = String::new();
    for c in period.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let stem = plan
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    plan.with_file_name(format!("{stem}-{slug}.{}", format.extension()))
}

/// How an export is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The date the export is dated (today, normally).
    pub date: NaiveDate,
    pub csv: CsvOptions,
}

impl Options {
    /// Today's date and the CSV conventions of the plan's locale.
    pub fn for_locale(locale: Locale, date: NaiveDate) -> Options {
        Options {
            date,
            csv: CsvOptions::for_locale(locale),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the spreadsheet could not be built: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("the CSV could not be written: {0}")]
    Csv(#[from] ::csv::Error),
}

/// The summary in `format`, as the bytes of the file.
pub fn render(summary: &Summary, format: Format, opts: &Options) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Xlsx => xlsx::render(summary, opts)?,
        Format::Csv => csv::render(summary, &opts.csv)?,
        Format::Md => md::render(summary, opts).into_bytes(),
        Format::Html => html::render(summary, opts).into_bytes(),
    })
}

/// What a text cell of a spreadsheet must not start with: a formula's first character
/// (`=`, `+`, `-`, `@`) or a tab or carriage return, which spreadsheets read as one. Such a
/// text gets a leading apostrophe, as OWASP advises, so it stays text.
pub fn neutral_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => std::borrow::Cow::Owned(format!("'{text}")),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// A sentence for the top of every export while indicators are pending, in the summary's
/// language.
pub fn provisional_notice(summary: &Summary) -> Option<String> {
    let (measured, total) = summary.indicator_counts();
    (measured < total).then(|| {
        Notice::Provisional {
            pending: total - measured,
            total,
        }
        .say(summary.lang)
    })
}
