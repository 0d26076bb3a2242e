//! The words of the summary, wherever it is shown: `perfplan score`'s table and every
//! export (XLSX, CSV, Markdown, HTML). Figures reach these words already written in the
//! plan's locale; the words only place them.

use super::{Lang, Say};
use crate::export::ExportError;
use crate::export::words::{Column, Computation, CsvColumn, Label, Notice};
use crate::plan::Unit;

pub trait ExportWords {
    fn label(&self, label: Label) -> &'static str;
    /// A column's heading; `year` is the plan's.
    fn column(&self, column: Column, year: i32) -> String;
    fn csv_column(&self, column: CsvColumn, year: i32) -> String;
    /// The unit in a word: `percent`, `euro`, `testate`.
    fn unit(&self, unit: &Unit) -> String;
    fn notice(&self, notice: &Notice) -> String;
    fn computation(&self, computation: &Computation) -> String;
    fn export_error(&self, error: &ExportError) -> String;
}

impl Say for ExportError {
    fn say(&self, lang: Lang) -> String {
        lang.words().export_error(self)
    }
}

impl Say for Notice {
    fn say(&self, lang: Lang) -> String {
        lang.words().notice(self)
    }
}

impl Say for Computation<'_> {
    fn say(&self, lang: Lang) -> String {
        lang.words().computation(self)
    }
}
