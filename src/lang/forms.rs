//! The words of the offices' forms (`perfplan collect`): the form's labels and headings,
//! the messages of its cells to fill in, and the instructions sheet.

use crate::forms::Column;
use crate::forms::collect::{Entry, FormWord, Instructions};
use crate::plan::Locale;

pub trait FormWords {
    fn form_word(&self, word: FormWord) -> &'static str;
    /// A column's heading on the form.
    fn heading(&self, column: Column) -> &'static str;
    /// The title of a new result's message (at most 32 characters).
    fn entry_title(&self, entry: Entry) -> &'static str;
    /// What a new result takes, numbers and dates written in `locale` (at most 255
    /// characters).
    fn entry_help(&self, entry: Entry, locale: Locale) -> String;
    /// The instructions sheet, a paragraph a line; the first is its title.
    fn instructions(&self, instructions: &Instructions) -> Vec<String>;
}
