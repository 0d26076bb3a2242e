//! The event loop in a real terminal: set the terminal up, read events, turn them into
//! actions through the key map, carry out the effects `App::update` returns, draw. The
//! terminal is restored on every way out, a panic included.

use std::io::{self, Stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{Action, App, keymap};
use crate::session::Session;
use crate::ui::{self, theme::Theme};

type Term = Terminal<CrosstermBackend<Stdout>>;

fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen
    );
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

fn setup_terminal() -> io::Result<Term> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Turns a terminal event into an action for the app's current context.
pub fn action_for_event(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app
            .yes_no_typing(k)
            .or_else(|| keymap::action_for(app.context(), k)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        _ => None,
    }
}

/// Tells a double click from two clicks: the terminal reports each click alone.
#[derive(Default)]
pub struct DoubleClicks {
    last: Option<(std::time::Instant, u16, u16)>,
}

impl DoubleClicks {
    /// How close in time two clicks on one cell must be to make a double click.
    const WITHIN: std::time::Duration = std::time::Duration::from_millis(400);

    /// The action, or a double click when it is a click on the cell clicked just before.
    pub fn see(&mut self, action: Action, now: std::time::Instant) -> Action {
        let Action::Click { column, row } = action else {
            return action;
        };
        let double = self
            .last
            .is_some_and(|(at, c, r)| (c, r) == (column, row) && now - at <= Self::WITHIN);
        self.last = if double {
            None
        } else {
            Some((now, column, row))
        };
        if double {
            Action::DoubleClick { column, row }
        } else {
            action
        }
    }
}

/// Runs the app until the user quits.
pub fn run(mut app: App, mut session: Session) -> io::Result<()> {
    let mut terminal = setup_terminal()?;
    let result = event_loop(&mut terminal, &mut app, &mut session);
    restore_terminal();
    result
}

fn event_loop(terminal: &mut Term, app: &mut App, session: &mut Session) -> io::Result<()> {
    let theme = Theme::from_env();
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut last_click = DoubleClicks::default();
    loop {
        terminal.draw(|f| ui::draw(app, f, theme))?;
        let ev = event::read()?;
        let Some(action) = action_for_event(app, &ev) else {
            continue;
        };
        let action = last_click.see(action, std::time::Instant::now());
        let effect = app.update(action);
        if session.carry_out(app, effect) {
            return Ok(());
        }
    }
}
