//! The words of the plan's files: why a plan cannot be read, saved, locked or journaled.

use super::{Lang, Say};
use crate::store::{LoadError, Mistake, ReaderError, SyntaxError};

pub trait StoreWords {
    // Reading a plan: why it cannot be read.

    /// What is wrong with the file, without its name and place (which [`LoadError`]'s
    /// `say` puts before it).
    fn load_error(&self, e: &LoadError) -> String;
    /// What is wrong at the place of a syntax error.
    fn syntax_error(&self, e: &SyntaxError) -> String;
    /// A mistake controllers make, and how to write it.
    fn mistake(&self, m: &Mistake) -> String;
    /// What the RON reader stopped at.
    fn reader_error(&self, e: &ReaderError) -> String;
}

// ---- Reading a plan: why it cannot be read ----------------------------------------------

/// `plan.ron:12:18: what is wrong`, and under a syntax error the line with a caret.
impl Say for LoadError {
    fn say(&self, lang: Lang) -> String {
        let what = lang.words().load_error(self);
        match self {
            LoadError::Syntax {
                path,
                line,
                column,
                excerpt,
                ..
            } => format!("{}:{line}:{column}: {what}\n{excerpt}", path.display()),
            LoadError::NotUtf8 {
                path, line, column, ..
            } => format!("{}:{line}:{column}: {what}", path.display()),
            LoadError::Io { path, .. }
            | LoadError::Empty { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::CrLineEndings { path } => format!("{}: {what}", path.display()),
        }
    }
}

impl Say for SyntaxError {
    fn say(&self, lang: Lang) -> String {
        lang.words().syntax_error(self)
    }
}

impl Say for Mistake {
    fn say(&self, lang: Lang) -> String {
        lang.words().mistake(self)
    }
}

impl Say for ReaderError {
    fn say(&self, lang: Lang) -> String {
        lang.words().reader_error(self)
    }
}

// ---- end of reading a plan ---------------------------------------------------------------
