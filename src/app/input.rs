//! A one-line text field: the text and a cursor, changed only through [`InputEdit`]s so
//! that typing is plain data a test can drive.

/// One change to a text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputEdit {
    Insert(char),
    /// Deletes the character before the cursor.
    Backspace,
    /// Deletes the character under the cursor.
    Delete,
    /// Deletes the word before the cursor.
    DeleteWord,
    Left,
    Right,
    Home,
    End,
    /// Empties the field.
    Clear,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    chars: Vec<char>,
    /// Cursor position, in characters from the start.
    cursor: usize,
    /// The whole text is selected, as a spreadsheet cell opened for editing: typing or
    /// pasting replaces it, deleting empties it, a cursor key starts editing it in place.
    selected: bool,
}

/// Longest text a field takes; a description is long, a result short, both well under this.
const MAX_CHARS: usize = 4096;

impl Input {
    pub fn new(text: &str) -> Self {
        // The whole of an existing value, however long: cutting it would change it.
        let chars: Vec<char> = text.chars().collect();
        let cursor = chars.len();
        Input {
            chars,
            cursor,
            selected: false,
        }
    }

    /// A field holding `text`, all of it selected (see [`Input::is_selected`]).
    pub fn selected(text: &str) -> Self {
        Input {
            selected: !text.is_empty(),
            ..Input::new(text)
        }
    }

    /// Whether the whole text is selected: the next character typed replaces it.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor (to place the terminal cursor by display width).
    pub fn before_cursor(&self) -> String {
        self.chars[..self.cursor].iter().collect()
    }

    pub fn apply(&mut self, edit: &InputEdit) {
        if std::mem::take(&mut self.selected) {
            match edit {
                // What is typed, or deleted, replaces the whole selected text.
                InputEdit::Insert(_)
                | InputEdit::Backspace
                | InputEdit::Delete
                | InputEdit::DeleteWord
                | InputEdit::Clear => {
                    self.chars.clear();
                    self.cursor = 0;
                    if matches!(edit, InputEdit::Insert(_)) {
                        self.apply(edit);
                    }
                    return;
                }
                // A cursor key edits in place: the selection goes, the cursor moves.
                InputEdit::Left | InputEdit::Right | InputEdit::Home | InputEdit::End => {}
            }
        }
        match edit {
            InputEdit::Insert(c) => {
                if !c.is_control() && self.chars.len() < MAX_CHARS {
                    self.chars.insert(self.cursor, *c);
                    self.cursor += 1;
                }
            }
            InputEdit::Backspace => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    self.chars.remove(self.cursor);
                }
            }
            InputEdit::Delete => {
                if self.cursor < self.chars.len() {
                    self.chars.remove(self.cursor);
                }
            }
            InputEdit::DeleteWord => {
                let mut start = self.cursor;
                while start > 0 && self.chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !self.chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            InputEdit::Left => self.cursor = self.cursor.saturating_sub(1),
            InputEdit::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            InputEdit::Home => self.cursor = 0,
            InputEdit::End => self.cursor = self.chars.len(),
            InputEdit::Clear => {
                self.chars.clear();
                self.cursor = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selected_value_is_replaced_by_typing_and_kept_by_cursor_keys() {
        let mut w = Input::selected("20");
        w.apply(&InputEdit::Insert('2'));
        w.apply(&InputEdit::Insert('5'));
        assert_eq!(w.text(), "25", "typing replaces, as in a spreadsheet cell");
        let mut w = Input::selected("20");
        w.apply(&InputEdit::End);
        w.apply(&InputEdit::Insert('5'));
        assert_eq!(w.text(), "205", "after a cursor key, typing edits in place");
        let mut w = Input::selected("20");
        w.apply(&InputEdit::Home);
        w.apply(&InputEdit::Insert('1'));
        assert_eq!(w.text(), "120");
        let mut w = Input::selected("20");
        w.apply(&InputEdit::Backspace);
        assert_eq!(w.text(), "", "deleting empties it");
        assert!(!w.is_selected());
        assert!(!Input::selected("").is_selected(), "nothing to select");
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut i = Input::new("72");
        i.apply(&InputEdit::Left);
        i.apply(&InputEdit::Insert(','));
        assert_eq!(i.text(), "7,2");
        i.apply(&InputEdit::Backspace);
        i.apply(&InputEdit::Delete);
        assert_eq!(i.text(), "7");
        i.apply(&InputEdit::Home);
        i.apply(&InputEdit::Backspace);
        assert_eq!((i.text().as_str(), i.cursor()), ("7", 0));
        let mut w = Input::new("as printed here");
        w.apply(&InputEdit::DeleteWord);
        assert_eq!(w.text(), "as printed ");
        w.apply(&InputEdit::Insert('\n'));
        assert_eq!(w.text(), "as printed ");
    }
}
