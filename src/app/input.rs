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
}

/// Longest text a field takes; a description is long, a result short, both well under this.
const MAX_CHARS: usize = 4096;

impl Input {
    pub fn new(text: &str) -> Self {
        // The whole of an existing value, however long: cutting it would change it.
        let chars: Vec<char> = text.chars().collect();
        let cursor = chars.len();
        Input { chars, cursor }
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
