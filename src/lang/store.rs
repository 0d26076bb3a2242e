//! The words of the plan's files: why a plan cannot be read, saved, locked or journaled.

use super::{Lang, Say};
use crate::store::LoadError;

pub trait StoreWords {}

// Until load errors are written in both languages, this says the English text. (To be
// replaced: this is the fallback the module exists to forbid.)
impl Say for LoadError {
    fn say(&self, _lang: Lang) -> String {
        self.to_string()
    }
}
