//! The words of the command line: what `check`, `score`, `export`, `gen` and the start of
//! the app say besides the plan's own findings.

use super::{Lang, Say};
use crate::cli::Msg;

pub trait CliWords {
    fn cli(&self, msg: &Msg) -> String;
}

impl Say for Msg<'_> {
    fn say(&self, lang: Lang) -> String {
        lang.words().cli(self)
    }
}
