//! The main screens, drawn on the Italian seed and on the English example, kept as
//! snapshots (insta): a change to what the controller sees shows as a readable diff in
//! review. Regenerate with `INSTA_UPDATE=always cargo test --test snapshots` after a change
//! meant to be seen, and read the diff before committing.

use ratatui::crossterm::event::KeyCode;

mod common;

use common::{Harness, SEED};

const EXAMPLE: &str = "plans/example.ron";

/// The screen, with the temporary folder's name (different on each run) written as `TMP`.
fn screen(h: &mut Harness) -> String {
    let dir = h.dir.path().display().to_string();
    h.screen().replace(&dir, "TMP")
}

/// The main screens of the app on the plan at `source`, each named.
fn main_screens(source: &str, indicator: &str) -> Vec<(&'static str, String)> {
    let mut h = Harness::open(source);
    let mut out = vec![("tree", screen(&mut h))];
    h.go_to(indicator);
    out.push(("indicator-detail", screen(&mut h)));
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("70");
    out.push(("typing-a-result", screen(&mut h)));
    h.key(KeyCode::Enter);
    out.push(("result-confirmed", screen(&mut h)));
    h.key(KeyCode::Char('?'));
    out.push(("help", screen(&mut h)));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('x'));
    out.push(("export-dialog", screen(&mut h)));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('q'));
    out.push(("quit-dialog", screen(&mut h)));
    out
}

#[test]
fn the_seeds_main_screens_in_italian() {
    for (name, text) in main_screens(SEED, "domande depositate marchi") {
        insta::assert_snapshot!(format!("it-{name}"), text);
    }
}

#[test]
fn the_examples_main_screens_in_english() {
    for (name, text) in main_screens(EXAMPLE, "Citizens rating") {
        insta::assert_snapshot!(format!("en-{name}"), text);
    }
}
