//! The app driven without a terminal: real key events go through the key map, the effects
//! are carried out by a real session (files, lock, journal), and the screen is drawn by the
//! app's own drawing code into a test backend and read back as text. Tests, benchmarks and
//! the screenshots share this one driver.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, App, Mode};
use crate::lang::Say;
use crate::paths::Dirs;
use crate::session::{Opened, Session};
use crate::store::LoadError;
use crate::tui::action_for_event;
use crate::ui::{self, theme::Theme};

pub struct Driver {
    pub app: App,
    /// `None`: effects are not carried out (pictures, which change nothing).
    pub session: Option<Session>,
    terminal: Terminal<TestBackend>,
    /// The app asked to end.
    pub quit: bool,
    /// Draw with colours (pictures) or without (text checks).
    pub color: bool,
}

impl Driver {
    /// Opens the plan at `path` as `perfplan PATH` would, with perfplan's folders `dirs`,
    /// in a 120×36 terminal.
    pub fn open(path: &Path, dirs: Option<Dirs>) -> Result<Driver, LoadError> {
        Ok(Driver::from_opened(Session::open(path, dirs)?))
    }

    pub fn from_opened(opened: Opened) -> Driver {
        let (app, session) = Session::app(opened);
        Driver::new(app, session)
    }

    pub fn new(app: App, session: Session) -> Driver {
        Driver::with(app, Some(session))
    }

    /// The app alone: effects (saving, exporting) are not carried out.
    pub fn detached(app: App) -> Driver {
        Driver::with(app, None)
    }

    fn with(app: App, session: Option<Session>) -> Driver {
        let (width, height) = (120, 36);
        let mut d = Driver {
            app,
            session,
            terminal: Terminal::new(TestBackend::new(width, height)).expect("a test terminal"),
            quit: false,
            color: false,
        };
        d.act(Action::Resize { width, height });
        d
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        self.act(Action::Resize { width, height });
    }

    /// Applies an action and carries out whatever follows from it.
    pub fn act(&mut self, action: Action) {
        let effect = self.app.update(action);
        if let Some(session) = &mut self.session {
            self.quit |= session.carry_out(&mut self.app, effect);
        }
    }

    /// A terminal event, as the real event loop handles it.
    pub fn event(&mut self, ev: Event) {
        if let Some(action) = action_for_event(&self.app, &ev) {
            self.act(action);
        }
    }

    /// The session carrying out the effects.
    pub fn session(&mut self) -> &mut Session {
        self.session.as_mut().expect("a driver with a session")
    }

    pub fn key(&mut self, code: KeyCode) {
        self.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn ctrl(&mut self, c: char) {
        self.event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    /// Each character as a key press.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.event(Event::Paste(text.to_string()));
    }

    /// Selects the row whose code, id or description contains `text`, by searching for it.
    pub fn go_to(&mut self, text: &str) {
        self.key(KeyCode::Char('/'));
        self.type_text(text);
        self.key(KeyCode::Enter);
    }

    /// Types `value` as the result of the indicator found by `text` (empty: clears it).
    pub fn set_result(&mut self, text: &str, value: &str) {
        self.go_to(text);
        self.edit_selected(KeyCode::Enter, value);
    }

    /// Writes `note` as the note of the indicator found by `text`.
    pub fn set_note(&mut self, text: &str, note: &str) {
        self.go_to(text);
        self.edit_selected(KeyCode::Char('c'), note);
    }

    /// Opens the editor on the selected row with `key` (Enter: the result, `c`: the note),
    /// types `value` over what it holds and confirms it.
    pub fn edit_selected(&mut self, key: KeyCode, value: &str) {
        self.key(key);
        assert!(
            matches!(self.app.mode, Mode::Edit(_)),
            "no edit with {key:?}: {}",
            self.app.status.msg.say(self.app.lang)
        );
        self.ctrl('u');
        self.type_text(value);
        self.key(KeyCode::Enter);
        assert!(
            matches!(self.app.mode, Mode::Normal),
            "{}",
            self.app.status.msg.say(self.app.lang)
        );
    }

    /// The screen as the app draws it now.
    pub fn buffer(&mut self) -> Buffer {
        let app = &self.app;
        let theme = Theme { color: self.color };
        self.terminal
            .draw(|f| ui::draw(app, f, theme))
            .expect("drawing to a test backend");
        self.terminal.backend().buffer().clone()
    }

    /// The screen as text, one line per row, trailing spaces cut.
    pub fn screen(&mut self) -> String {
        let buf = self.buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut line = String::new();
            for x in 0..buf.area.width {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The screen line that contains `needle`.
    pub fn line_with(&mut self, needle: &str) -> String {
        let screen = self.screen();
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} on screen:\n{screen}"))
            .to_string()
    }
}
