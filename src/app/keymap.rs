//! The one key map: it turns keys into actions, and the same table writes the help screen
//! and the hints of the status line, so what the screen says and what the keys do cannot
//! drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;
use super::input::InputEdit;

/// Where a key is pressed: each mode has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Walking the tree.
    Tree,
    /// Typing in a field: a result, a note, an override, a search, a path.
    Field,
    /// Choosing in a dialog (quit, save conflict, export).
    Dialog,
    /// The restore dialog: choosing which unsaved changes of a previous run to restore.
    Restore,
    /// The export dialog: choosing a format and typing the path.
    Export,
    /// Reading the help.
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Tree => "In the tree",
            Context::Field => "While typing in a field",
            Context::Dialog => "In a dialog",
            Context::Restore => "When restoring unsaved changes after a crash",
            Context::Export => "In the export dialog (and the field keys above)",
            Context::Help => "In this help",
        }
    }
}

/// A key as the map knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// How the key is written on screen: `Ctrl-S`, `↑`, `PgDn`.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        let ev_ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ev_ctrl != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            // Letters with Ctrl arrive in either case depending on the terminal.
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        }
    }
}

/// One line of the key map.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the key does, for the help screen.
    pub help: &'static str,
    /// A short word for the status line, for the keys worth showing there.
    pub hint: Option<&'static str>,
}

use Context::{Dialog, Export, Field, Help, Restore, Tree};
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

/// Every key perfplan knows, in the order the help lists them.
pub static BINDINGS: &[Binding] = &[
    Binding {
        context: Tree,
        keys: &[code(Up), k('k')],
        action: Action::Up,
        help: "move up",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(PageUp), ctrl('b')],
        action: Action::PageUp,
        help: "one screen up",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(PageDown), ctrl('f')],
        action: Action::PageDown,
        help: "one screen down",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Home), k('g')],
        action: Action::Top,
        help: "first row",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(End), k('G')],
        action: Action::Bottom,
        help: "last row",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Right), k('l')],
        action: Action::Expand,
        help: "open the row (again: go to its first child)",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Left), k('h')],
        action: Action::Collapse,
        help: "close the row (again: go to its parent)",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k(' ')],
        action: Action::Toggle,
        help: "open or close the row",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('+'), k('=')],
        action: Action::ExpandAll,
        help: "open every row",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('-')],
        action: Action::CollapseAll,
        help: "close every row down to the perspectives",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Enter), k('e')],
        action: Action::EditResult,
        help: "type the result of the indicator (on an objective: open or close it)",
        hint: Some("result"),
    },
    Binding {
        context: Tree,
        keys: &[k('o')],
        action: Action::EditOverride,
        help: "set or clear an override of the realization, with its reason",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('c')],
        action: Action::EditNote,
        help: "write a note (comment) on the indicator",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('p'), code(Tab)],
        action: Action::NextPending,
        help: "go to the next pending indicator",
        hint: Some("next pending"),
    },
    Binding {
        context: Tree,
        keys: &[k('P'), code(BackTab)],
        action: Action::PrevPending,
        help: "go to the previous pending indicator",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('/')],
        action: Action::Search,
        help: "search codes, ids and descriptions",
        hint: Some("search"),
    },
    Binding {
        context: Tree,
        keys: &[k('n')],
        action: Action::NextMatch,
        help: "next search match",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('N')],
        action: Action::PrevMatch,
        help: "previous search match",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('f')],
        action: Action::CycleFilter,
        help: "filter: all → pending → below target → overridden",
        hint: Some("filter"),
    },
    Binding {
        context: Tree,
        keys: &[k('w')],
        action: Action::NextFinding,
        help: "go to the next validation warning or error",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('u'), ctrl('z')],
        action: Action::Undo,
        help: "undo the last edit",
        hint: Some("undo"),
    },
    Binding {
        context: Tree,
        keys: &[ctrl('r'), ctrl('y'), k('U')],
        action: Action::Redo,
        help: "redo the edit undone",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[ctrl('s'), k('s')],
        action: Action::Save,
        help: "save the plan to its file",
        hint: Some("save"),
    },
    Binding {
        context: Tree,
        keys: &[k('S')],
        action: Action::SaveAs,
        help: "save the plan under another name",
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('x')],
        action: Action::Export,
        help: "export the summary (XLSX, CSV, Markdown, HTML)",
        hint: Some("export"),
    },
    Binding {
        context: Tree,
        keys: &[k('?'), code(F(1))],
        action: Action::Help,
        help: "show this help",
        hint: Some("help"),
    },
    Binding {
        context: Tree,
        keys: &[k('q'), ctrl('c'), ctrl('q')],
        action: Action::Quit,
        help: "quit (asks first when there are unsaved changes)",
        hint: Some("quit"),
    },
    Binding {
        context: Field,
        keys: &[code(Enter)],
        action: Action::Submit,
        help: "confirm what was typed",
        hint: Some("confirm"),
    },
    Binding {
        context: Field,
        keys: &[code(Esc), ctrl('c')],
        action: Action::Cancel,
        help: "cancel: the old value stays",
        hint: Some("cancel"),
    },
    Binding {
        context: Field,
        keys: &[code(Backspace)],
        action: Action::Input(InputEdit::Backspace),
        help: "delete the character before the cursor",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Delete)],
        action: Action::Input(InputEdit::Delete),
        help: "delete the character under the cursor",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[ctrl('w')],
        action: Action::Input(InputEdit::DeleteWord),
        help: "delete the word before the cursor",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[ctrl('u')],
        action: Action::Input(InputEdit::Clear),
        help: "empty the field (an empty result makes the indicator pending)",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Left)],
        action: Action::Input(InputEdit::Left),
        help: "cursor left",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Right)],
        action: Action::Input(InputEdit::Right),
        help: "cursor right",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Home), ctrl('a')],
        action: Action::Input(InputEdit::Home),
        help: "cursor to the start",
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(End), ctrl('e')],
        action: Action::Input(InputEdit::End),
        help: "cursor to the end",
        hint: None,
    },
    Binding {
        context: Dialog,
        keys: &[code(Left), code(Up), code(BackTab)],
        action: Action::DialogPrev,
        help: "previous choice",
        hint: None,
    },
    Binding {
        context: Dialog,
        keys: &[code(Right), code(Down), code(Tab)],
        action: Action::DialogNext,
        help: "next choice",
        hint: None,
    },
    Binding {
        context: Dialog,
        keys: &[code(Enter)],
        action: Action::Submit,
        help: "do the chosen thing (or press its underlined letter)",
        hint: Some("choose"),
    },
    Binding {
        context: Dialog,
        keys: &[code(Esc)],
        action: Action::Cancel,
        help: "close the dialog, changing nothing",
        hint: Some("cancel"),
    },
    Binding {
        context: Restore,
        keys: &[code(Up), k('k')],
        action: Action::Up,
        help: "previous field changed in the file too",
        hint: None,
    },
    Binding {
        context: Restore,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        help: "next field changed in the file too",
        hint: None,
    },
    Binding {
        context: Restore,
        keys: &[k(' ')],
        action: Action::Toggle,
        help: "take your value for this field, or keep the file's",
        hint: Some("yours/file's"),
    },
    Binding {
        context: Restore,
        keys: &[k('m')],
        action: Action::TakeAllMine,
        help: "take your value for every field listed",
        hint: Some("all yours"),
    },
    Binding {
        context: Restore,
        keys: &[k('f')],
        action: Action::KeepAllFile,
        help: "keep the file's value for every field listed",
        hint: Some("all file's"),
    },
    Binding {
        context: Restore,
        keys: &[code(Enter), k('r')],
        action: Action::Submit,
        help: "restore the changes (with the choices made for the fields listed)",
        hint: Some("restore"),
    },
    Binding {
        context: Restore,
        keys: &[k('d')],
        action: Action::DropRecovered,
        help: "drop every unsaved change of the previous run",
        hint: Some("drop"),
    },
    Binding {
        context: Restore,
        keys: &[code(Esc)],
        action: Action::Cancel,
        help: "nothing: the question stays until the changes are restored or dropped",
        hint: None,
    },
    Binding {
        context: Export,
        keys: &[code(Tab), code(Down)],
        action: Action::DialogNext,
        help: "next format",
        hint: Some("format"),
    },
    Binding {
        context: Export,
        keys: &[code(BackTab), code(Up)],
        action: Action::DialogPrev,
        help: "previous format",
        hint: None,
    },
    Binding {
        context: Export,
        keys: &[code(Enter)],
        action: Action::Submit,
        help: "write the file",
        hint: Some("export"),
    },
    Binding {
        context: Export,
        keys: &[code(Esc)],
        action: Action::Cancel,
        help: "close the dialog, writing nothing",
        hint: Some("cancel"),
    },
    Binding {
        context: Help,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        help: "scroll down",
        hint: None,
    },
    Binding {
        context: Help,
        keys: &[code(Up), k('k')],
        action: Action::Up,
        help: "scroll up",
        hint: None,
    },
    Binding {
        context: Help,
        keys: &[code(Esc), k('q'), k('?')],
        action: Action::Cancel,
        help: "close the help",
        hint: Some("close"),
    },
];

/// The action a key means in a context, if any. In a field, other printable keys type
/// themselves; in a dialog, a letter picks the choice it names (handled by the app).
pub fn action_for(context: Context, ev: &KeyEvent) -> Option<Action> {
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    if context == Export {
        // The path is typed with the keys of a field.
        return action_for(Field, ev);
    }
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
    match (context, ev.code) {
        (Field, KeyCode::Char(c)) if plain => Some(Action::Input(InputEdit::Insert(c))),
        (Dialog, KeyCode::Char(c)) if plain => Some(Action::DialogKey(c)),
        _ => None,
    }
}

/// The first key bound to `action` in `context`, as the screen writes it (for messages that
/// name a key: they must follow the key map).
pub fn key_for(context: Context, action: &Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == *action)
        .map_or_else(|| "?".to_string(), |b| b.keys[0].label())
}

/// The keys of a binding as one label: `↑ k`.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `key word` pairs for the status line of a context.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| b.hint.map(|h| (b.keys[0].label(), h)))
        .collect()
}

/// The help screen: every binding of every context, grouped.
pub fn help_lines() -> Vec<(Option<&'static str>, String, &'static str)> {
    let mut out = Vec::new();
    for context in [Tree, Field, Dialog, Restore, Export, Help] {
        out.push((Some(context.title()), String::new(), ""));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            out.push((None, keys_label(b), b.help));
        }
        if context == Field {
            out.push((None, "any other key".to_string(), "types itself"));
        }
    }
    out
}

/// The key map as Markdown tables, one per context, for the README (a test keeps the
/// README's copy equal to this).
pub fn markdown_tables() -> String {
    let mut out = String::new();
    for (section, keys, help) in help_lines() {
        match section {
            Some(title) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!(
                    "**{title}**\n\n| Keys | What they do |\n|---|---|\n"
                ));
            }
            None => {
                let keys = keys.replace('|', "\\|");
                out.push_str(&format!("| `{keys}` | {help} |\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context != b.context {
                    continue;
                }
                for ka in a.keys {
                    assert!(
                        !b.keys.contains(ka),
                        "{} is bound to both `{}` and `{}`",
                        ka.label(),
                        a.help,
                        b.help
                    );
                }
            }
        }
    }

    #[test]
    fn keys_map_to_their_actions() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(Tree, &key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(Tree, &key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::Save)
        );
        assert_eq!(
            action_for(
                Tree,
                &key(
                    KeyCode::Char('S'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT
                )
            ),
            Some(Action::Save)
        );
        assert_eq!(
            action_for(Field, &key(KeyCode::Char('j'), none)),
            Some(Action::Input(InputEdit::Insert('j')))
        );
        assert_eq!(
            action_for(Field, &key(KeyCode::Enter, none)),
            Some(Action::Submit)
        );
        assert_eq!(action_for(Tree, &key(KeyCode::Char('Z'), none)), None);
    }

    #[test]
    fn help_lists_every_binding() {
        let lines = help_lines();
        for b in BINDINGS {
            assert!(
                lines
                    .iter()
                    .any(|(_, keys, help)| *keys == keys_label(b) && *help == b.help)
            );
        }
    }
}
