//! Which language perfplan speaks: every screen of the app on the Italian seed plan is in
//! Italian, on the English example in English, and `--lang en` turns the seed English.

use perfplan::lang::Lang;
use ratatui::crossterm::event::KeyCode;

mod common;

use common::{Harness, SEED};

const EXAMPLE: &str = "plans/example.ron";
/// An indicator of each plan, by a word of its description.
const MARCHI: &str = "domande depositate marchi";
const CITIZENS: &str = "Citizens rating";

/// Walks through every kind of screen the app draws, collecting each as text with its name.
fn tour(h: &mut Harness, indicator: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut shot = |h: &mut Harness, name: &str| out.push((name.to_string(), h.screen()));
    shot(h, "opened");
    h.key(KeyCode::Char('j'));
    shot(h, "perspective");
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    shot(h, "strategic objective");
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    shot(h, "operational objective");
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    shot(h, "indicator");
    // The result field: its hint, a value that cannot be read, a preview, a commit.
    h.key(KeyCode::Enter);
    shot(h, "result field");
    h.ctrl('u');
    h.type_text("abc");
    shot(h, "result field with an error");
    h.ctrl('u');
    h.type_text("1");
    shot(h, "result preview");
    h.key(KeyCode::Enter);
    shot(h, "result committed");
    h.key(KeyCode::Char('u'));
    shot(h, "undone");
    h.ctrl('r');
    shot(h, "redone");
    // The override: its realization, its reason (required).
    h.key(KeyCode::Char('o'));
    shot(h, "override field");
    h.ctrl('u');
    h.type_text("150");
    shot(h, "override out of range");
    h.ctrl('u');
    h.type_text("50");
    h.key(KeyCode::Enter);
    shot(h, "override reason");
    h.key(KeyCode::Enter);
    shot(h, "override without a reason");
    h.key(KeyCode::Esc);
    shot(h, "override cancelled");
    h.key(KeyCode::Char('c'));
    shot(h, "note field");
    h.key(KeyCode::Esc);
    // Search, and its matches.
    h.key(KeyCode::Char('/'));
    h.type_text("marchi");
    shot(h, "search");
    h.key(KeyCode::Enter);
    shot(h, "search kept");
    h.key(KeyCode::Char('n'));
    shot(h, "next match");
    h.key(KeyCode::Char('/'));
    h.type_text("zzzz");
    h.key(KeyCode::Enter);
    shot(h, "no match");
    // Filters, pending, findings.
    for i in 0..4 {
        h.key(KeyCode::Char('f'));
        shot(h, &format!("filter {i}"));
    }
    h.key(KeyCode::Char('p'));
    shot(h, "next pending");
    h.key(KeyCode::Char('w'));
    shot(h, "findings");
    // The help, scrolled to its end.
    h.key(KeyCode::Char('?'));
    for i in 0..12 {
        shot(h, &format!("help {i}"));
        for _ in 0..8 {
            h.key(KeyCode::Down);
        }
    }
    h.key(KeyCode::Esc);
    // The export dialog, in each format.
    h.key(KeyCode::Char('x'));
    for i in 0..4 {
        shot(h, &format!("export {i}"));
        h.key(KeyCode::Tab);
    }
    h.key(KeyCode::Esc);
    shot(h, "export cancelled");
    h.key(KeyCode::Char('S'));
    shot(h, "save as");
    h.ctrl('u');
    h.key(KeyCode::Enter);
    shot(h, "save as without a name");
    h.key(KeyCode::Esc);
    // Quitting with unsaved changes.
    h.key(KeyCode::Char('q'));
    shot(h, "quit dialog");
    h.key(KeyCode::Esc);
    // The plan changed by another program, then saved.
    let path = h.path();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("result: 72", "result: 71", 1)).unwrap();
    h.ctrl('s');
    shot(h, "conflict dialog");
    h.key(KeyCode::Esc);
    h.resize(40, 10);
    shot(h, "too small");
    h.resize(120, 36);
    // Saved over their version (theirs kept aside), then exported.
    h.ctrl('s');
    let overwrite = h
        .app
        .lang
        .words()
        .dialog_choices(perfplan::app::DialogKind::Conflict)[2];
    h.key(KeyCode::Char(overwrite.key));
    shot(h, "saved over theirs");
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Enter);
    shot(h, "exported");
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Enter);
    shot(h, "export replace dialog");
    h.key(KeyCode::Esc);
    // An edit left unsaved by a run that stops: the next run offers it back.
    h.set_result(indicator, "5");
    assert!(h.app.is_dirty());
    let path = h.path();
    let dirs = common::dirs_in(h.dir.path());
    let second = perfplan::driver::Driver::open(&path, Some(dirs.clone())).unwrap();
    let mut second = Harness {
        driver: second,
        dir: tempfile::tempdir().unwrap(),
    };
    shot(&mut second, "read-only");
    drop(second);
    let lang = h.app.lang;
    let stopped = std::mem::replace(
        &mut h.driver,
        perfplan::driver::Driver::detached(perfplan::app::App::new(
            perfplan::store::load(&path).unwrap().0,
            path.clone(),
        )),
    );
    // Not a clean end (no quit): the journal stays, as after a crash.
    drop(stopped);
    let mut again = perfplan::driver::Driver::open(&path, Some(dirs)).unwrap();
    again.app.lang = lang;
    h.driver = again;
    shot(h, "restore dialog");
    h.key(KeyCode::Esc);
    shot(h, "restore asked again");
    h.key(KeyCode::Enter);
    shot(h, "restored");
    out
}

/// Words of the English interface that must not be on an Italian screen (whole words,
/// any case). The seed's own texts hold a few English words ("People Satisfaction",
/// "Performance"): none of these.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "or",
    "of",
    "to",
    "is",
    "with",
    "for",
    "strategic",
    "operational",
    "pending",
    "result",
    "weight",
    "realization",
    "detail",
    "help",
    "search",
    "save",
    "saved",
    "export",
    "exported",
    "filter",
    "press",
    "error",
    "errors",
    "warning",
    "warnings",
    "how",
    "note",
    "unsaved",
    "cancel",
    "cancelled",
    "quit",
    "indicator",
    "indicators",
    "objective",
    "objectives",
    "perspective",
    "measured",
    "points",
    "undone",
    "redone",
    "match",
    "matches",
    "enter",
    "space",
    "name",
    "changed",
    "keys",
    "move",
    "confirm",
    "undo",
    "redo",
    "value",
    "type",
    "weighted",
    "mean",
    "provisional",
    "overwrite",
    "discard",
    "merge",
    "reload",
    "theirs",
    "yours",
    "change",
    "changes",
    "plan",
    "read",
    "only",
    "first",
    "next",
    "previous",
    "none",
    "format",
    "folder",
    "scroll",
    "close",
    "choose",
    "restore",
    "drop",
    "left",
    "out",
    "reason",
    "override",
    "too",
    "small",
];

/// The English words found on a screen, with the line they are on. Paths are left out
/// (a temporary folder's name is not a word of the interface).
fn english_on(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        // Paths, and words cut short to fit a column, are not the interface's words.
        let words = line
            .split_whitespace()
            .filter(|w| !w.contains('/') && !w.ends_with('…'))
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty());
        for w in words {
            if ENGLISH.contains(&w.to_lowercase().as_str()) {
                found.push(format!("{w:?} in: {line}"));
            }
        }
    }
    found
}

#[test]
fn every_screen_of_the_italian_seed_is_in_italian() {
    let mut h = Harness::open(SEED);
    let screens = tour(&mut h, MARCHI);
    assert!(screens.len() > 50, "the tour reaches every kind of screen");
    let mut english = Vec::new();
    for (name, screen) in &screens {
        for found in english_on(screen) {
            english.push(format!("{name}: {found}"));
        }
    }
    assert!(
        english.is_empty(),
        "English on Italian screens:\n{}",
        english.join("\n")
    );
    // Not empty words: the screens say these things, in Italian.
    let said = |name: &str, text: &str| {
        let (_, screen) = screens.iter().find(|(n, _)| n == name).unwrap();
        assert!(screen.contains(text), "{name} lacks {text:?}:\n{screen}");
    };
    said("opened", "Indicatori rilevati 70 / 70");
    said("indicator", "Indicatore strategico");
    said("result field with an error", "✗");
    said("override without a reason", "motivazione");
    said("help 0", "perfplan — tasti");
    said("quit dialog", "Esci senza salvare");
    said(
        "conflict dialog",
        "Il piano è stato modificato da un altro programma",
    );
    said("export 0", "Esporta il riepilogo");
    said("read-only", "Sola lettura");
    said(
        "restore dialog",
        "Modifiche non salvate di una sessione precedente",
    );
    said("restored", "Ripristinata 1 modifica; salva per conservarla");
    said("too small", "Terminale troppo piccolo");
}

/// Words of the Italian interface, which an English plan's screens must not show.
const ITALIAN: &[&str] = &[
    "Strategico",
    "Operativo",
    "Dettaglio",
    "Piano ",
    "in attesa",
    "Risultato",
    "Peso",
    "Indicatori rilevati",
    "premi",
    "Annulla",
    "Salva",
    "Esporta",
    "filtro",
    "Invio",
];

#[test]
fn the_english_example_shows_the_same_screens_in_english() {
    let mut h = Harness::open(EXAMPLE);
    assert_eq!(h.app.lang, Lang::En);
    let screens = tour(&mut h, CITIZENS);
    for (name, screen) in &screens {
        for word in ITALIAN {
            assert!(
                !screen.contains(word),
                "{name} shows the Italian {word:?}:\n{screen}"
            );
        }
    }
    let said = |name: &str, text: &str| {
        let (_, screen) = screens.iter().find(|(n, _)| n == name).unwrap();
        assert!(screen.contains(text), "{name} lacks {text:?}:\n{screen}");
    };
    said("opened", "Indicators measured");
    said("help 0", "perfplan — keys");
    said("quit dialog", "Discard changes and quit");
    said("export 0", "Export the summary");
    said("restore dialog", "Unsaved changes from a previous session");
    said("restored", "Restored 1 change; save to keep it");
}

#[test]
fn lang_en_shows_the_seed_in_english() {
    let mut h = Harness::open(SEED);
    // What `--lang en` (or PERFPLAN_LANG=en) sets when the app opens.
    h.app.lang = Lang::for_plan(Some(Lang::En), h.app.plan.locale);
    let screens = tour(&mut h, MARCHI);
    let (_, opened) = &screens[0];
    assert!(opened.contains("Indicators measured 70 / 70"), "{opened}");
    // Numbers stay as the plan's locale writes them.
    assert!(opened.contains("98,56 %"), "{opened}");
    assert!(!opened.contains("Indicatori rilevati"), "{opened}");
}

/// The line of column names at the top of the tree's frame.
fn column_names(h: &mut Harness) -> String {
    let y = h.app.areas().tree_columns.unwrap().y as usize;
    let line = h.screen().lines().nth(y).unwrap().to_string();
    // The tree's pane only, without the detail pane beside it.
    line.split("││").next().unwrap().to_string()
}

#[test]
fn the_trees_column_names_are_in_the_interfaces_language() {
    // Narrow.
    let mut h = Harness::open(SEED);
    h.resize(80, 24);
    let names = column_names(&mut h);
    for word in ["Peso", "Risultato", "Target", "Realizz"] {
        assert!(names.contains(word), "{word:?} in {names}");
    }
    let mut h = Harness::open(EXAMPLE);
    h.resize(80, 24);
    let names = column_names(&mut h);
    for word in ["Weight", "Result", "Target", "Realiz"] {
        assert!(names.contains(word), "{word:?} in {names}");
    }
    for word in ["Peso", "Risultato"] {
        assert!(!names.contains(word), "{word:?} in {names}");
    }
    // Wide enough, the full names and the measured count.
    let mut h = Harness::open(SEED);
    h.resize(220, 50);
    let names = column_names(&mut h);
    assert!(
        names.contains("% Realizzazione") && names.contains("Rilevati"),
        "{names}"
    );
    let mut h = Harness::open(EXAMPLE);
    h.resize(220, 50);
    let names = column_names(&mut h);
    assert!(
        names.contains("Realization") && names.contains("Measured"),
        "{names}"
    );
}
