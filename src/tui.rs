//! The event loop in a real terminal: set the terminal up, read events, turn them into
//! actions through the key map, carry out the effects `App::update` returns, draw. The
//! terminal is restored on every way out, a panic included.

use std::io::{self, Stdout};
use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{Action, App, Effect, keymap};
use crate::store::{PlanFile, SaveFailure, Saved, write};
use crate::ui::{self, theme::Theme};

type Term = Terminal<CrosstermBackend<Stdout>>;

fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen);
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

fn setup_terminal() -> io::Result<Term> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Turns a terminal event into an action for the app's current context.
pub fn action_for_event(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keymap::action_for(app.context(), k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        _ => None,
    }
}

/// Runs the app until the user quits.
pub fn run(mut app: App, mut file: PlanFile) -> io::Result<()> {
    let mut terminal = setup_terminal()?;
    let result = event_loop(&mut terminal, &mut app, &mut file);
    restore_terminal();
    result
}

fn saved(app: &mut App, result: Result<Saved, SaveFailure>) -> bool {
    match result {
        Ok(s) => {
            let _ = crate::paths::remember(&s.path);
            app.saved(s.path, s.note);
            app.quit_after_save
        }
        Err(SaveFailure::ChangedOnDisk) => {
            app.save_conflict();
            false
        }
        Err(SaveFailure::Write(e)) => {
            app.save_failed(e.to_string());
            false
        }
    }
}

/// Carries out an effect; true when the app should end.
pub fn perform(app: &mut App, file: &mut PlanFile, effect: Effect) -> bool {
    match effect {
        Effect::None | Effect::Changed { .. } => false,
        Effect::Quit => true,
        Effect::Save => {
            let r = file.save(&app.plan, false);
            saved(app, r)
        }
        Effect::SaveOverwrite => {
            let r = file.save(&app.plan, true);
            saved(app, r)
        }
        Effect::SaveAs(path) => {
            let r = file.save_as(&app.plan, &path);
            saved(app, r)
        }
        Effect::Reload => {
            reload(app, file);
            false
        }
    }
}

/// Reads the plan's file again; the unsaved edits go to a file beside it first.
fn reload(app: &mut App, file: &mut PlanFile) {
    let aside = if app.is_dirty() {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut name = file.path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".unsaved-{stamp}.ron"));
        let path: PathBuf = file.path.with_file_name(name);
        match crate::store::write_atomic(&path, write::plan(&app.plan).as_bytes()) {
            Ok(()) => Some(path),
            Err(e) => {
                app.error(format!(
                    "Not reloaded: your unsaved edits could not be kept aside ({e}); they are still here"
                ));
                return;
            }
        }
    } else {
        None
    };
    match PlanFile::open(&file.path) {
        Ok((plan, fresh)) => {
            let read_only = app.read_only;
            let size = app.size;
            *app = App::new(plan, fresh.path.clone());
            app.read_only = read_only;
            app.update(Action::Resize {
                width: size.0,
                height: size.1,
            });
            *file = fresh;
            match aside {
                Some(p) => app.info(format!(
                    "Reloaded from disk; your unsaved edits are kept in {}",
                    p.display()
                )),
                None => app.info("Reloaded from disk"),
            }
        }
        Err(e) => app.error(format!(
            "Not reloaded: {e}. Your edits are still here{}",
            aside.map_or(String::new(), |p| format!(" (and in {})", p.display()))
        )),
    }
}

fn event_loop(terminal: &mut Term, app: &mut App, file: &mut PlanFile) -> io::Result<()> {
    let theme = Theme::from_env();
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    loop {
        terminal.draw(|f| ui::draw(app, f, theme))?;
        let ev = event::read()?;
        let Some(action) = action_for_event(app, &ev) else {
            continue;
        };
        let effect = app.update(action);
        if perform(app, file, effect) {
            return Ok(());
        }
    }
}
