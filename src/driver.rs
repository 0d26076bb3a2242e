//! The app driven without a terminal: real key events go through the key map, the effects
//! are carried out by a real session (files, lock, journal), and the screen is drawn by the
//! app's own drawing code into a test backend and read back as text. Tests, benchmarks and
//! the screenshots share this one driver.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, App, Effect, Mode};
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
    /// The terminal's size unless told otherwise.
    pub const SIZE: (u16, u16) = (120, 36);

    /// Opens the plan at `path` as `perfplan PATH` would, with perfplan's folders `dirs`,
    /// in a 120×36 terminal.
    pub fn open(path: &Path, dirs: Option<Dirs>) -> Result<Driver, LoadError> {
        Driver::open_sized(path, dirs, Driver::SIZE)
    }

    /// [`Driver::open`] in a terminal of `size` (width, height).
    pub fn open_sized(
        path: &Path,
        dirs: Option<Dirs>,
        size: (u16, u16),
    ) -> Result<Driver, LoadError> {
        let (app, session) = Session::app(Session::open(path, dirs)?);
        Ok(Driver::with(app, Some(session), size))
    }

    pub fn from_opened(opened: Opened) -> Driver {
        let (app, session) = Session::app(opened);
        Driver::new(app, session)
    }

    pub fn new(app: App, session: Session) -> Driver {
        Driver::with(app, Some(session), Driver::SIZE)
    }

    /// The app alone: effects (saving, exporting) are not carried out.
    pub fn detached(app: App) -> Driver {
        Driver::detached_sized(app, Driver::SIZE)
    }

    /// [`Driver::detached`] in a terminal of `size` (width, height).
    pub fn detached_sized(app: App, size: (u16, u16)) -> Driver {
        Driver::with(app, None, size)
    }

    fn with(app: App, session: Option<Session>, (width, height): (u16, u16)) -> Driver {
        let mut d = Driver {
            app,
            session,
            terminal: test_terminal(width, height),
            quit: false,
            color: false,
        };
        d.fit();
        d
    }

    /// Tells the app the size of the terminal, as the event loop does when it starts.
    fn fit(&mut self) {
        let area = self.terminal.backend().buffer().area;
        // A resize asks for nothing to be done.
        self.app.update(Action::Resize {
            width: area.width,
            height: area.height,
        });
    }

    /// Opens the plan at `path` in place of the one open, in the same terminal: the plan
    /// open is let go first (its lock with it), then the new one is read as
    /// [`Driver::open`] reads it. The terminal keeps what it shows, so the next frame is
    /// drawn as on a terminal already in use.
    pub fn reopen(self, path: &Path, dirs: Option<Dirs>) -> Result<Driver, LoadError> {
        let Driver {
            app,
            session,
            terminal,
            color,
            ..
        } = self;
        drop(app);
        drop(session);
        let (app, session) = Session::app(Session::open(path, dirs)?);
        let mut d = Driver {
            app,
            session: Some(session),
            terminal,
            quit: false,
            color,
        };
        d.fit();
        Ok(d)
    }

    /// The terminal resized to `width`×`height`, as the real event loop hears of it.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.event(Event::Resize(width, height));
    }

    /// Applies an action and carries out whatever follows from it.
    pub fn act(&mut self, action: Action) {
        let effect = self.app.update(action);
        self.carry_out(effect);
    }

    /// Carries out `effect` through the session, and whatever follows from it; nothing
    /// without a session. Sets `quit` when the app is to end.
    pub fn carry_out(&mut self, effect: Effect) {
        if let Some(session) = &mut self.session {
            self.quit |= session.carry_out(&mut self.app, effect);
        }
    }

    /// A terminal event, as the real event loop handles it.
    pub fn event(&mut self, ev: Event) {
        if let Some(effect) = self.feed(&ev) {
            self.carry_out(effect);
        }
    }

    /// A terminal event handed to the app as the real event loop hands it, without
    /// carrying out what the app asks for: that is returned (`None`: the event means
    /// nothing here). A resize resizes the test terminal too, as it would a real one.
    pub fn feed(&mut self, ev: &Event) -> Option<Effect> {
        if let Event::Resize(width, height) = *ev {
            self.terminal = test_terminal(width, height);
        }
        let action = action_for_event(&self.app, ev)?;
        Some(self.app.update(action))
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
    /// types `value` over what it holds and confirms it; the row stays selected (Enter
    /// after a result moves on to the next indicator: the selection is put back).
    pub fn edit_selected(&mut self, key: KeyCode, value: &str) {
        let row = self.app.tree.selected();
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
        if let Some(row) = row {
            self.app.reveal(row);
        }
    }

    /// Draws the app as it is now into the test terminal, which writes only the cells that
    /// changed since the last frame (see [`Driver::clear`]).
    pub fn draw(&mut self) {
        let app = &self.app;
        let theme = Theme { color: self.color };
        self.terminal
            .draw(|f| ui::draw(app, f, theme))
            .expect("drawing to a test backend");
    }

    /// Forgets what the test terminal shows, as a new terminal would: the next frame is
    /// written whole, and the cells a wide character covers are blank, not left over.
    pub fn clear(&mut self) {
        self.terminal.clear().expect("clearing a test backend");
    }

    /// The screen as the app draws it now.
    pub fn buffer(&mut self) -> Buffer {
        self.draw();
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

fn test_terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}
