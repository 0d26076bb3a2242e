//! The words of `perfplan diff`: its headings, the names of the fields it compares, its
//! sentences and the ways of scoring. Figures reach these words already written in the
//! plan's locale, but for a scale of bands, whose numbers are written here in `locale`.

use super::{Lang, Say};
use crate::diff::words::{DiffLabel, DiffNotice};
use crate::plan::{Locale, Scoring};

pub trait DiffWords {
    fn diff_label(&self, label: DiffLabel) -> &'static str;
    fn diff_notice(&self, notice: &DiffNotice) -> String;
    /// A way of scoring in words (`None`: an indicator's, which is the plan's); numbers in
    /// `locale`.
    fn rule(&self, scoring: Option<&Scoring>, locale: Locale) -> String;
}

impl Say for DiffNotice {
    fn say(&self, lang: Lang) -> String {
        lang.words().diff_notice(self)
    }
}
