//! The one key map: it turns keys into actions, and the same table writes the help screen
//! and the hints of the status line, so what the screen says and what the keys do cannot
//! drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;
use super::input::InputEdit;
use crate::lang::{Lang, Word};

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
    /// Looking at a pasted column before it goes in.
    Paste,
}

/// The keys whose names differ between languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyName {
    Space,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    ShiftTab,
    Backspace,
    Delete,
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
    /// How the key is written on screen in `lang`: `Ctrl-S`, `↑`, `PgDn` (`PagGiù`).
    pub fn label(self, lang: Lang) -> String {
        let name = |k: KeyName| lang.words().key_name(k).to_string();
        let base = match self.code {
            KeyCode::Char(' ') => name(KeyName::Space),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => name(KeyName::PageUp),
            KeyCode::PageDown => name(KeyName::PageDown),
            KeyCode::Home => name(KeyName::Home),
            KeyCode::End => name(KeyName::End),
            KeyCode::Enter => name(KeyName::Enter),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => name(KeyName::ShiftTab),
            KeyCode::Backspace => name(KeyName::Backspace),
            KeyCode::Delete => name(KeyName::Delete),
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

crate::lang::listed! {
    /// What a key does, for the help screen (its words are in each language's module).
    pub enum Does {
    TreeUp,
    TreeDown,
    TreePageUp,
    TreePageDown,
    TreeTop,
    TreeBottom,
    TreeExpand,
    TreeCollapse,
    TreeToggle,
    TreeExpandAll,
    TreeCollapseAll,
    TreeEditResult,
    TreeEditOverride,
    TreeEditNote,
    TreeNotAssessable,
    TreeChangeTarget,
    TreeNextPeriod,
    TreePrevPeriod,
    TreeNextPending,
    TreePrevPending,
    TreeSearch,
    TreeNextMatch,
    TreePrevMatch,
    TreeCycleFilter,
    TreeNextFinding,
    TreeToggleEnterMoves,
    TreeUndo,
    TreeRedo,
    TreeSave,
    TreeSaveAs,
    TreeExport,
    TreeImport,
    TreeHelp,
    TreeQuit,
    FieldSubmit,
    FieldCancel,
    FieldConfirmAndNext,
    FieldConfirmAndPrev,
    FieldBackspace,
    FieldDelete,
    FieldDeleteWord,
    FieldClear,
    FieldLeft,
    FieldRight,
    FieldHome,
    FieldEnd,
    DialogDialogPrev,
    DialogDialogNext,
    DialogSubmit,
    DialogCancel,
    RestoreUp,
    RestoreDown,
    RestoreToggle,
    RestoreTakeAllMine,
    RestoreKeepAllFile,
    RestoreSubmit,
    RestoreDropRecovered,
    RestoreCancel,
    ExportDialogNext,
    ExportDialogPrev,
    ExportSubmit,
    ExportCancel,
    HelpDown,
    HelpUp,
    HelpCancel,
    PasteDown,
    PasteUp,
    PasteSubmit,
    PasteSkip,
    PasteCancel,
    }
}

crate::lang::listed! {
    /// The short word of a key on the status line.
    pub enum Hint {
    Result,
    NextPending,
    Search,
    Filter,
    Undo,
    Save,
    Export,
    Help,
    Quit,
    Confirm,
    ConfirmNext,
    Cancel,
    Choose,
    YoursOrFile,
    AllYours,
    AllFile,
    Restore,
    Drop,
    Format,
    Close,
    PutIn,
    Skip,
    }
}

/// One line of the key map.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the key does, for the help screen.
    pub does: Does,
    /// A short word for the status line, for the keys worth showing there.
    pub hint: Option<Hint>,
}

use Context::{Dialog, Export, Field, Help, Paste, Restore, Tree};
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
        does: Does::TreeUp,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        does: Does::TreeDown,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(PageUp), ctrl('b')],
        action: Action::PageUp,
        does: Does::TreePageUp,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(PageDown), ctrl('f')],
        action: Action::PageDown,
        does: Does::TreePageDown,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Home), k('g')],
        action: Action::Top,
        does: Does::TreeTop,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(End), k('G')],
        action: Action::Bottom,
        does: Does::TreeBottom,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Right), k('l')],
        action: Action::Expand,
        does: Does::TreeExpand,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Left), k('h')],
        action: Action::Collapse,
        does: Does::TreeCollapse,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k(' ')],
        action: Action::Toggle,
        does: Does::TreeToggle,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('+'), k('=')],
        action: Action::ExpandAll,
        does: Does::TreeExpandAll,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('-')],
        action: Action::CollapseAll,
        does: Does::TreeCollapseAll,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[code(Enter), k('e')],
        action: Action::EditResult,
        does: Does::TreeEditResult,
        hint: Some(Hint::Result),
    },
    Binding {
        context: Tree,
        keys: &[k('o')],
        action: Action::EditOverride,
        does: Does::TreeEditOverride,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('c')],
        action: Action::EditNote,
        does: Does::TreeEditNote,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('v')],
        action: Action::EditNotAssessable,
        does: Does::TreeNotAssessable,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('t')],
        action: Action::ChangeTarget,
        does: Does::TreeChangeTarget,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k(']')],
        action: Action::NextPeriod,
        does: Does::TreeNextPeriod,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('[')],
        action: Action::PrevPeriod,
        does: Does::TreePrevPeriod,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('p'), code(Tab)],
        action: Action::NextPending,
        does: Does::TreeNextPending,
        hint: Some(Hint::NextPending),
    },
    Binding {
        context: Tree,
        keys: &[k('P'), code(BackTab)],
        action: Action::PrevPending,
        does: Does::TreePrevPending,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('/')],
        action: Action::Search,
        does: Does::TreeSearch,
        hint: Some(Hint::Search),
    },
    Binding {
        context: Tree,
        keys: &[k('n')],
        action: Action::NextMatch,
        does: Does::TreeNextMatch,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('N')],
        action: Action::PrevMatch,
        does: Does::TreePrevMatch,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('f')],
        action: Action::CycleFilter,
        does: Does::TreeCycleFilter,
        hint: Some(Hint::Filter),
    },
    Binding {
        context: Tree,
        keys: &[k('w')],
        action: Action::NextFinding,
        does: Does::TreeNextFinding,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('m')],
        action: Action::ToggleEnterMoves,
        does: Does::TreeToggleEnterMoves,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('u'), ctrl('z')],
        action: Action::Undo,
        does: Does::TreeUndo,
        hint: Some(Hint::Undo),
    },
    Binding {
        context: Tree,
        keys: &[ctrl('r'), ctrl('y'), k('U')],
        action: Action::Redo,
        does: Does::TreeRedo,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[ctrl('s'), k('s')],
        action: Action::Save,
        does: Does::TreeSave,
        hint: Some(Hint::Save),
    },
    Binding {
        context: Tree,
        keys: &[k('S')],
        action: Action::SaveAs,
        does: Does::TreeSaveAs,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('x')],
        action: Action::Export,
        does: Does::TreeExport,
        hint: Some(Hint::Export),
    },
    Binding {
        context: Tree,
        keys: &[k('i')],
        action: Action::Import,
        does: Does::TreeImport,
        hint: None,
    },
    Binding {
        context: Tree,
        keys: &[k('?'), code(F(1))],
        action: Action::Help,
        does: Does::TreeHelp,
        hint: Some(Hint::Help),
    },
    Binding {
        context: Tree,
        keys: &[k('q'), ctrl('c'), ctrl('q')],
        action: Action::Quit,
        does: Does::TreeQuit,
        hint: Some(Hint::Quit),
    },
    Binding {
        context: Field,
        keys: &[code(Enter)],
        action: Action::Submit,
        does: Does::FieldSubmit,
        hint: Some(Hint::Confirm),
    },
    Binding {
        context: Field,
        keys: &[code(Esc), ctrl('c')],
        action: Action::Cancel,
        does: Does::FieldCancel,
        hint: Some(Hint::Cancel),
    },
    Binding {
        context: Field,
        keys: &[code(Tab)],
        action: Action::ConfirmAndNext,
        does: Does::FieldConfirmAndNext,
        hint: Some(Hint::ConfirmNext),
    },
    Binding {
        context: Field,
        keys: &[code(BackTab)],
        action: Action::ConfirmAndPrev,
        does: Does::FieldConfirmAndPrev,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Backspace)],
        action: Action::Input(InputEdit::Backspace),
        does: Does::FieldBackspace,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Delete)],
        action: Action::Input(InputEdit::Delete),
        does: Does::FieldDelete,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[ctrl('w')],
        action: Action::Input(InputEdit::DeleteWord),
        does: Does::FieldDeleteWord,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[ctrl('u')],
        action: Action::Input(InputEdit::Clear),
        does: Does::FieldClear,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Left)],
        action: Action::Input(InputEdit::Left),
        does: Does::FieldLeft,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Right)],
        action: Action::Input(InputEdit::Right),
        does: Does::FieldRight,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(Home), ctrl('a')],
        action: Action::Input(InputEdit::Home),
        does: Does::FieldHome,
        hint: None,
    },
    Binding {
        context: Field,
        keys: &[code(End), ctrl('e')],
        action: Action::Input(InputEdit::End),
        does: Does::FieldEnd,
        hint: None,
    },
    Binding {
        context: Dialog,
        keys: &[code(Left), code(Up), code(BackTab)],
        action: Action::DialogPrev,
        does: Does::DialogDialogPrev,
        hint: None,
    },
    Binding {
        context: Dialog,
        keys: &[code(Right), code(Down), code(Tab)],
        action: Action::DialogNext,
        does: Does::DialogDialogNext,
        hint: None,
    },
    Binding {
        context: Dialog,
        keys: &[code(Enter)],
        action: Action::Submit,
        does: Does::DialogSubmit,
        hint: Some(Hint::Choose),
    },
    Binding {
        context: Dialog,
        keys: &[code(Esc)],
        action: Action::Cancel,
        does: Does::DialogCancel,
        hint: Some(Hint::Cancel),
    },
    Binding {
        context: Restore,
        keys: &[code(Up), k('k')],
        action: Action::Up,
        does: Does::RestoreUp,
        hint: None,
    },
    Binding {
        context: Restore,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        does: Does::RestoreDown,
        hint: None,
    },
    Binding {
        context: Restore,
        keys: &[k(' ')],
        action: Action::Toggle,
        does: Does::RestoreToggle,
        hint: Some(Hint::YoursOrFile),
    },
    Binding {
        context: Restore,
        keys: &[k('m')],
        action: Action::TakeAllMine,
        does: Does::RestoreTakeAllMine,
        hint: Some(Hint::AllYours),
    },
    Binding {
        context: Restore,
        keys: &[k('f')],
        action: Action::KeepAllFile,
        does: Does::RestoreKeepAllFile,
        hint: Some(Hint::AllFile),
    },
    Binding {
        context: Restore,
        keys: &[code(Enter), k('r')],
        action: Action::Submit,
        does: Does::RestoreSubmit,
        hint: Some(Hint::Restore),
    },
    Binding {
        context: Restore,
        keys: &[k('d')],
        action: Action::DropRecovered,
        does: Does::RestoreDropRecovered,
        hint: Some(Hint::Drop),
    },
    Binding {
        context: Restore,
        keys: &[code(Esc)],
        action: Action::Cancel,
        does: Does::RestoreCancel,
        hint: None,
    },
    Binding {
        context: Export,
        keys: &[code(Tab), code(Down)],
        action: Action::DialogNext,
        does: Does::ExportDialogNext,
        hint: Some(Hint::Format),
    },
    Binding {
        context: Export,
        keys: &[code(BackTab), code(Up)],
        action: Action::DialogPrev,
        does: Does::ExportDialogPrev,
        hint: None,
    },
    Binding {
        context: Export,
        keys: &[code(Enter)],
        action: Action::Submit,
        does: Does::ExportSubmit,
        hint: Some(Hint::Export),
    },
    Binding {
        context: Export,
        keys: &[code(Esc)],
        action: Action::Cancel,
        does: Does::ExportCancel,
        hint: Some(Hint::Cancel),
    },
    Binding {
        context: Help,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        does: Does::HelpDown,
        hint: None,
    },
    Binding {
        context: Help,
        keys: &[code(Up), k('k')],
        action: Action::Up,
        does: Does::HelpUp,
        hint: None,
    },
    Binding {
        context: Help,
        keys: &[code(Esc), k('q'), k('?')],
        action: Action::Cancel,
        does: Does::HelpCancel,
        hint: Some(Hint::Close),
    },
    Binding {
        context: Paste,
        keys: &[code(Down), k('j')],
        action: Action::Down,
        does: Does::PasteDown,
        hint: None,
    },
    Binding {
        context: Paste,
        keys: &[code(Up), k('k')],
        action: Action::Up,
        does: Does::PasteUp,
        hint: None,
    },
    Binding {
        context: Paste,
        keys: &[code(Enter)],
        action: Action::Submit,
        does: Does::PasteSubmit,
        hint: Some(Hint::PutIn),
    },
    Binding {
        context: Paste,
        keys: &[k('s')],
        action: Action::SkipUnreadable,
        does: Does::PasteSkip,
        hint: Some(Hint::Skip),
    },
    Binding {
        context: Paste,
        keys: &[code(Esc)],
        action: Action::Cancel,
        does: Does::PasteCancel,
        hint: Some(Hint::Cancel),
    },
];

/// The action a key means in a context, if any. In a field, other printable keys type
/// themselves; in a dialog, a letter picks the choice it names (handled by the app).
pub fn action_for(context: Context, ev: &KeyEvent) -> Option<Action> {
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
    // On the tree, a digit, a sign or the start of a bound (`>= 95`, `≤ 3`) starts typing a
    // result (the app decides what it means on a row that is not an indicator: `+` and `-`
    // then open and close every row).
    if context == Tree
        && plain
        && let KeyCode::Char(c) = ev.code
        && (c.is_ascii_digit() || matches!(c, '+' | '-' | '<' | '>' | '≥' | '≤'))
    {
        return Some(Action::StartTyping(c));
    }
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
    match (context, ev.code) {
        (Field, KeyCode::Char(c)) if plain => Some(Action::Input(InputEdit::Insert(c))),
        (Dialog, KeyCode::Char(c)) if plain => Some(Action::DialogKey(c)),
        _ => None,
    }
}

/// The first key bound to `action` in `context`, as the screen writes it in `lang` (for
/// messages that name a key: they must follow the key map).
pub fn key_for(context: Context, action: &Action, lang: Lang) -> String {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == *action)
        .map_or_else(|| "?".to_string(), |b| b.keys[0].label(lang))
}

/// The keys of a binding as one label: `↑ k`.
pub fn keys_label(b: &Binding, lang: Lang) -> String {
    b.keys
        .iter()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `key word` pairs for the status line of a context.
pub fn hints(context: Context, lang: Lang) -> Vec<(String, &'static str)> {
    let words = lang.words();
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| b.hint.map(|h| (b.keys[0].label(lang), words.key_hint(h))))
        .collect()
}

/// The help screen: every binding of every context, grouped.
pub fn help_lines(lang: Lang) -> Vec<(Option<&'static str>, String, &'static str)> {
    let words = lang.words();
    let mut out = Vec::new();
    for context in [Tree, Field, Dialog, Restore, Export, Paste, Help] {
        out.push((Some(words.context_title(context)), String::new(), ""));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            out.push((None, keys_label(b, lang), words.key_help(b.does)));
        }
        if context == Tree {
            out.push((None, "0-9 + -".to_string(), words.word(Word::TypeToReplace)));
        }
        if context == Field {
            out.push((
                None,
                words.word(Word::AnyOtherKey).to_string(),
                words.word(Word::TypesItself),
            ));
        }
    }
    out
}

/// The key map as Markdown tables, one per context, for the README (a test keeps the
/// README's copy equal to this).
pub fn markdown_tables(lang: Lang) -> String {
    let words = lang.words();
    let mut out = String::new();
    for (section, keys, help) in help_lines(lang) {
        match section {
            Some(title) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!(
                    "**{title}**\n\n| {} | {} |\n|---|---|\n",
                    words.word(Word::Keys),
                    words.word(Word::WhatTheyDo)
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
                        "{} is bound to both {:?} and {:?}",
                        ka.label(Lang::En),
                        a.does,
                        b.does
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
        for lang in [Lang::En, Lang::It] {
            let lines = help_lines(lang);
            for b in BINDINGS {
                let help = lang.words().key_help(b.does);
                assert!(
                    lines
                        .iter()
                        .any(|(_, keys, h)| *keys == keys_label(b, lang) && *h == help)
                );
            }
        }
    }

    #[test]
    fn key_names_follow_the_language() {
        let enter = Key {
            code: KeyCode::Enter,
            ctrl: false,
        };
        assert_eq!(enter.label(Lang::En), "Enter");
        assert_eq!(enter.label(Lang::It), "Invio");
        assert_eq!(ctrl('s').label(Lang::It), "Ctrl-S");
        assert_eq!(key_for(Tree, &Action::SaveAs, Lang::It), "S");
    }
}
