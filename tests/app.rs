//! The app driven by keys against ratatui's TestBackend, checked on the drawn screen.

use std::path::Path;

use perfplan::app::{Action, Effect, Mode};
use perfplan::plan::Value;
use perfplan::store::PlanFile;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use rust_decimal_macros::dec;

mod common;

use common::{Harness, SEED};

/// The tree row of an indicator or objective, by its id or code and a word of its title.
fn row<'a>(screen: &'a str, code: &str) -> &'a str {
    screen
        .lines()
        .map(tree_part)
        .find(|l| l.contains(&format!(" {code} ")) && l.starts_with('│'))
        .unwrap_or_else(|| panic!("no row {code} on screen:\n{screen}"))
}

/// The tree part of a row (left pane), without the detail pane beside it.
fn tree_part(line: &str) -> &str {
    match line.find("││") {
        Some(i) => &line[..i],
        None => line,
    }
}

#[test]
fn opening_the_seed_shows_the_published_scores() {
    let mut h = Harness::seed();
    let s = h.screen();
    assert!(s.contains("Camera di Commercio di Massa-Carrara"), "{s}");
    let header = h.line_with("Strategico");
    assert!(
        header.contains("98,56 %") && header.contains("94,64 %"),
        "{header}"
    );
    assert!(s.contains("Indicatori rilevati 70 / 70"), "{s}");
    h.go_to("crescita responsabile");
    let s = h.screen();
    // Realization, then the measured count: 5 of its 5 indicators.
    assert!(
        row(&s, "3.2").contains("98,00 %") && row(&s, "3.2").ends_with("5/5│"),
        "{}",
        row(&s, "3.2")
    );
    assert!(s.contains("Obiettivo strategico 3.2"), "{s}");
}

#[test]
fn typing_a_result_moves_the_bars_before_enter_and_esc_restores() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    let s = h.screen();
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("90,00 %"));

    h.key(KeyCode::Char('e'));
    h.ctrl('u');
    h.type_text("70");
    let s = h.screen();
    // The indicator, its strategic objective and the header show the value being typed.
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("87,50 %"), "{s}");
    assert!(tree_part(row(&s, "3.2")).contains("97,50 %"), "{s}");
    assert!(h.line_with("Strategico").contains("98,43 %"));
    assert!(h.line_with("Strategico").contains("ANTEPRIMA"));
    // Nothing is committed yet.
    assert!(!h.app.is_dirty());

    h.key(KeyCode::Esc);
    let s = h.screen();
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("90,00 %"), "{s}");
    assert!(tree_part(row(&s, "3.2")).contains("98,00 %"), "{s}");
    assert!(h.line_with("Strategico").contains("98,56 %"));
    assert!(!h.app.is_dirty());
}

#[test]
fn commit_undo_redo_of_a_result() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("76");
    h.key(KeyCode::Enter);
    let id_path = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(
        h.app.plan.indicator(id_path).result,
        Some(Value::Number(dec!(76)))
    );
    let s = h.screen();
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("95,00 %"), "{s}");
    assert!(s.lines().next().unwrap().contains("● non salvato"), "{s}");
    assert!(s.contains("risultato di 3.2.2-s2: 72 → 76"), "{s}");

    h.key(KeyCode::Char('u'));
    let s = h.screen();
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("90,00 %"), "{s}");
    assert!(
        s.contains("Annullato: risultato di 3.2.2-s2: 72 → 76"),
        "{s}"
    );
    assert!(!h.app.is_dirty());

    h.ctrl('r');
    let s = h.screen();
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("95,00 %"), "{s}");
    assert!(
        s.contains("Ripristinato: risultato di 3.2.2-s2: 72 → 76"),
        "{s}"
    );
    assert!(h.app.is_dirty());
}

#[test]
fn bad_input_shows_an_error_and_changes_nothing() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("7x");
    let s = h.screen();
    // The seed is an Italian plan: the app speaks Italian.
    assert!(
        s.contains("✗ «7x» non è un numero: scrivilo come 2,03 o 1.000"),
        "{s}"
    );
    // The bars show the committed value while the input is wrong.
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("90,00 %"), "{s}");
    h.key(KeyCode::Enter);
    assert!(
        matches!(h.app.mode, Mode::Edit(_)),
        "Enter on bad input must not commit"
    );
    let path = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(
        h.app.plan.indicator(path).result,
        Some(Value::Number(dec!(72)))
    );
    assert!(!h.app.is_dirty());
}

#[test]
fn italian_notation_is_read_in_the_plans_locale() {
    let mut h = Harness::seed();
    // Sick-leave days: 2,03 against at most 5.
    h.go_to("assenza per malattia");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("6,5");
    h.key(KeyCode::Enter);
    let p = h.app.plan.find_indicator("2.1.1-s2").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).result,
        Some(Value::Number(dec!(6.5)))
    );
    // At most 5 missed with 6,5: 5 / 6,5 = 76,92 %.
    assert!(tree_part(row(&h.screen(), "2.1.1-s2")).contains("76,92 %"));

    // A thousand with the Italian group separator.
    h.go_to("Persone a cui piace");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("1.000");
    h.key(KeyCode::Enter);
    let p = h.app.plan.find_indicator("1.2.4-o1").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).result,
        Some(Value::Number(dec!(1000)))
    );

    // A date typed the Italian way, late against its deadline.
    h.go_to("Museo");
    h.go_to("riqualificazione del polo museale");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("15/01/2018");
    h.key(KeyCode::Enter);
    let p = h.app.plan.find_indicator("1.2.3-s1").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).result,
        Some(Value::Date(
            chrono::NaiveDate::from_ymd_opt(2018, 1, 15).unwrap()
        ))
    );
    assert!(tree_part(row(&h.screen(), "1.2.3-s1")).contains("0,00 %"));

    // A percentage with its sign.
    h.go_to("Riduzione dei costi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("93%");
    h.key(KeyCode::Enter);
    let p = h.app.plan.find_indicator("2.1.3-s1").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).result,
        Some(Value::Number(dec!(93)))
    );
}

#[test]
fn an_empty_result_makes_the_indicator_pending() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.key(KeyCode::Enter);
    let s = h.screen();
    assert!(tree_part(row(&s, "3.2.2-s2")).contains("in attesa"), "{s}");
    // 3.2 is now the mean of the four measured strategic indicators, all 100.
    assert!(tree_part(row(&s, "3.2")).contains("100,00 %~"), "{s}");
    assert!(s.contains("Indicatori rilevati 69 / 70"), "{s}");
}

#[test]
fn save_then_reload_gives_the_same_plan() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("70");
    h.key(KeyCode::Enter);
    // Enter moved on to the next indicator: back to this one for its note.
    assert_ne!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("3.2.2-s2")
    );
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Char('c'));
    h.type_text("dato fornito dall'ufficio marchi");
    h.key(KeyCode::Enter);
    h.ctrl('s');
    assert!(!h.app.is_dirty(), "status: {}", h.app.status_text());
    let (again, _) = PlanFile::open(&h.path()).unwrap();
    assert_eq!(again, h.app.plan);
    let p = again.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(again.indicator(p).result, Some(Value::Number(dec!(70))));
    assert_eq!(
        again.indicator(p).note.as_deref(),
        Some("dato fornito dall'ufficio marchi")
    );
    // Only the edited value changed, and the note went in on a line of its own.
    let before = std::fs::read_to_string(SEED).unwrap();
    let after = std::fs::read_to_string(h.path()).unwrap();
    let old = "target: AtLeast(80),\n                                    result: 72,\n";
    assert_eq!(before.matches(old).count(), 1);
    let new = "target: AtLeast(80),\n                                    result: 70,\n                                    note: \"dato fornito dall'ufficio marchi\",\n";
    assert_eq!(after, before.replace(old, new));
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("70");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('q'));
    assert!(!h.quit);
    let s = h.screen();
    assert!(
        s.contains("Modifiche non salvate") && s.contains("[n] Esci senza salvare"),
        "{s}"
    );
    h.key(KeyCode::Char('c'));
    assert!(!h.quit && h.app.is_dirty());
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('s'));
    assert!(h.quit, "save and quit");
    let (saved, _) = PlanFile::open(&h.path()).unwrap();
    let p = saved.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(saved.indicator(p).result, Some(Value::Number(dec!(70))));
}

#[test]
fn a_change_on_disk_is_not_overwritten_silently() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("70");
    h.key(KeyCode::Enter);
    let theirs = std::fs::read_to_string(h.path())
        .unwrap()
        .replace("result: 151", "result: 152");
    std::fs::write(h.path(), &theirs).unwrap();
    h.ctrl('s');
    let s = h.screen();
    assert!(
        s.contains("Il piano è stato modificato da un altro programma"),
        "{s}"
    );
    assert_eq!(std::fs::read_to_string(h.path()).unwrap(), theirs);
    // Reload keeps our edits aside in a file beside the plan.
    h.key(KeyCode::Char('r'));
    let p = h.app.plan.find_indicator("3.2.1-s1").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).result,
        Some(Value::Number(dec!(152)))
    );
    let aside: Vec<_> = std::fs::read_dir(h.path().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".unsaved-"))
        .collect();
    assert_eq!(aside.len(), 1);
    let (mine, _) = PlanFile::open(&aside[0]).unwrap();
    let p = mine.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(mine.indicator(p).result, Some(Value::Number(dec!(70))));
}

#[test]
fn help_lists_the_keys_from_the_key_map() {
    let mut h = Harness::seed();
    h.key(KeyCode::Char('?'));
    let s = h.screen();
    // The seed is an Italian plan: its help is in Italian.
    let words = perfplan::lang::Lang::It.words();
    for b in perfplan::app::keymap::BINDINGS.iter().take(10) {
        let help = words.key_help(b.does);
        assert!(s.contains(help), "help lacks {help:?}:\n{s}");
    }
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.mode, Mode::Normal));
}

#[test]
fn filters_next_pending_and_collapse() {
    let mut h = Harness::seed();
    // Make two indicators pending, then filter on pending.
    for text in ["domande depositate marchi", "N. newsletter inviate"] {
        h.go_to(text);
        h.key(KeyCode::Enter);
        h.ctrl('u');
        h.key(KeyCode::Enter);
    }
    h.key(KeyCode::Char('f'));
    let s = h.screen();
    assert!(s.contains("filtro: in attesa"), "{s}");
    let indicator_rows = s
        .lines()
        .filter(|l| l.contains(" S ") || l.contains(" O "))
        .count();
    assert_eq!(indicator_rows, 2, "{s}");
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Char('f'));
    assert!(h.screen().contains("filtro: tutti"));

    h.key(KeyCode::Home);
    h.key(KeyCode::Char('p'));
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("1.2.4-o2")
    );
    h.key(KeyCode::Char('p'));
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("3.2.2-s2")
    );

    let rows_before = h.app.tree.rows().len();
    // On an indicator `-` would start typing a negative result: from a perspective it
    // closes every row.
    h.key(KeyCode::Home);
    h.key(KeyCode::Char('-'));
    assert_eq!(
        h.app.tree.rows().len(),
        4,
        "collapse all leaves the perspectives"
    );
    h.key(KeyCode::Char('+'));
    assert_eq!(h.app.tree.rows().len(), rows_before);
}

#[test]
fn a_click_selects_the_row_under_the_mouse() {
    let mut h = Harness::seed();
    let area = h.app.areas().tree.unwrap();
    h.event(Event::Mouse(ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(
            ratatui::crossterm::event::MouseButton::Left,
        ),
        column: area.x + 5,
        row: area.y + 3,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(h.app.tree.selected_index(), 3);
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_crash() {
    let mut h = Harness::seed();
    h.resize(30, 8);
    let s = h.screen();
    assert!(s.contains("troppo piccolo"), "{s}");
    for (w, hgt) in [(1, 1), (2, 1), (1, 2), (59, 15), (60, 16), (200, 60)] {
        h.resize(w, hgt);
        h.screen();
    }
}

#[test]
fn read_only_refuses_edits_and_saves() {
    let mut h = Harness::seed();
    h.app.read_only = true;
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Normal));
    assert!(h.app.status_text().contains("Sola lettura"));
    assert_eq!(h.app.update(Action::Save), Effect::None);
}

#[test]
fn the_english_example_reads_english_notation() {
    let mut h = Harness::open("plans/example.ron");
    let s = h.screen();
    assert!(s.contains('%'), "{s}");
    let _ = Path::new("plans/example.ron");
}

#[test]
fn the_italian_guide_lists_every_key_of_the_key_map_in_italian() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.lines().take(8).any(|l| l.contains("(README.it.md)")),
        "the README links the Italian guide at the top"
    );
    let guide = std::fs::read_to_string("README.it.md").unwrap();
    let tables = perfplan::app::keymap::markdown_tables(perfplan::lang::Lang::It);
    assert!(
        guide.contains(&tables),
        "README.it.md's key tables differ from the key map; they should read:\n{tables}"
    );
}

#[test]
fn the_readme_lists_every_key_of_the_key_map() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let tables = perfplan::app::keymap::markdown_tables(perfplan::lang::Lang::En);
    assert!(
        readme.contains(&tables),
        "README.md's key tables differ from the key map; they should read:\n{tables}"
    );
}

#[test]
fn a_plan_whose_folder_is_gone_keeps_its_edits_and_saves_elsewhere() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("70");
    h.key(KeyCode::Enter);
    let folder = h.path().parent().unwrap().to_path_buf();
    let elsewhere = tempfile::tempdir().unwrap();
    // The plan's folder disappears (an unmounted share, a deleted folder).
    std::fs::remove_dir_all(&folder).unwrap();
    h.ctrl('s');
    assert!(
        h.screen().contains("o rimosso"),
        "the conflict dialog says so"
    );
    // [o] Sovrascrivi: overwrite with yours.
    h.key(KeyCode::Char('o'));
    let status = h.app.status_text().clone();
    assert!(h.app.status.is_error, "{status}");
    assert!(status.contains("non c'è più"), "{status}");
    assert!(status.contains("salvalo con un altro nome"), "{status}");
    assert!(h.app.is_dirty());
    // Save as, in a folder that exists.
    h.key(KeyCode::Char('S'));
    h.ctrl('u');
    let target = elsewhere.path().join("piano.ron");
    h.type_text(target.to_str().unwrap());
    h.key(KeyCode::Enter);
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    let (saved, _) = PlanFile::open(&target).unwrap();
    let p = saved.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(saved.indicator(p).result, Some(Value::Number(dec!(70))));
}

#[test]
fn save_as_over_an_existing_file_asks_first() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("70");
    h.key(KeyCode::Enter);
    let other = h.path().with_file_name("piano-2016.ron");
    std::fs::write(&other, "the 2016 plan").unwrap();
    h.key(KeyCode::Char('S'));
    h.ctrl('u');
    h.type_text(other.to_str().unwrap());
    h.key(KeyCode::Enter);
    assert!(h.screen().contains("Il file esiste già"));
    h.key(KeyCode::Char('c'));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "the 2016 plan");
    assert!(h.app.is_dirty());
    h.key(KeyCode::Char('S'));
    h.ctrl('u');
    h.type_text(other.to_str().unwrap());
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('o'));
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    let (saved, _) = PlanFile::open(&other).unwrap();
    let p = saved.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(saved.indicator(p).result, Some(Value::Number(dec!(70))));
}

#[test]
fn a_paste_goes_into_the_field_on_one_line() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Char('c'));
    h.event(Event::Paste("first line\nsave quit".into()));
    assert!(
        matches!(h.app.mode, Mode::Edit(_)),
        "the line break did not confirm"
    );
    h.key(KeyCode::Enter);
    let p = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).note.as_deref(),
        Some("first line save quit")
    );
    assert!(!h.quit);
}

#[test]
fn typed_values_must_fit_the_unit() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("2,5");
    assert!(h.screen().contains("un conteggio è un numero intero"));
    h.key(KeyCode::Esc);
    h.go_to("riqualificazione del polo museale");
    h.key(KeyCode::Enter);
    h.ctrl('u');
    h.type_text("15/09/17");
    assert!(
        h.screen().contains("con l'anno a quattro cifre"),
        "a two-digit year is refused"
    );
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Edit(_)));
}

#[test]
fn search_moves_even_when_the_filter_hides_a_match() {
    let mut h = Harness::seed();
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.filter, perfplan::app::tree::Filter::BelowTarget);
    h.key(KeyCode::Home);
    h.key(KeyCode::Char('/'));
    h.type_text("3.");
    h.key(KeyCode::Enter);
    let mut seen = vec![h.app.tree.selected()];
    for _ in 0..4 {
        h.key(KeyCode::Char('n'));
        seen.push(h.app.tree.selected());
    }
    seen.dedup();
    assert_eq!(seen.len(), 5, "every n moved: {seen:?}");
}

#[test]
fn esc_does_not_drop_recovered_edits() {
    let mut h = Harness::seed();
    let p = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    let change = perfplan::plan::FieldChange::new(
        "3.2.2-s2",
        h.app.plan.indicator(p).get(perfplan::plan::Field::Result),
        perfplan::plan::FieldValue::Result(Some(Value::Number(dec!(70)))),
    )
    .unwrap();
    h.app.offer_restore(perfplan::app::Recovery {
        apply: vec![(p, change)],
        records: 1,
        ..Default::default()
    });
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.mode, Mode::Restore { .. }), "still asking");
    h.key(KeyCode::Char('r'));
    assert_eq!(
        h.app.plan.indicator(p).result,
        Some(Value::Number(dec!(70)))
    );
}

/// The line of column names at the top of the tree's frame.
fn column_names(h: &mut Harness) -> String {
    let y = h.app.areas().tree_columns.unwrap().y as usize;
    let s = h.screen();
    tree_part(s.lines().nth(y).unwrap()).to_string()
}

#[test]
fn at_80x24_an_indicator_row_shows_its_result_target_and_realization() {
    let mut h = Harness::seed();
    h.resize(80, 24);
    h.go_to("domande depositate marchi");
    let s = h.screen();
    assert!(
        h.app.areas().detail.is_none(),
        "no detail pane at 80×24:\n{s}"
    );
    let r = row(&s, "3.2.2-s2");
    assert!(
        r.contains(" 72 ") && r.contains(" >= 80 ") && r.contains(" 90,00 %"),
        "{r}"
    );
    // In that order, the columns of the published table.
    let at = |t: &str| r.find(t).unwrap();
    assert!(
        at(" 72 ") < at(" >= 80 ") && at(" >= 80 ") < at(" 90,00 %"),
        "{r}"
    );
    // Every indicator on screen shows its result and target, none cut.
    let plan = h.app.plan.clone();
    for (_, ind) in plan.indicators() {
        let Some(line) = s
            .lines()
            .map(tree_part)
            .find(|l| l.contains(&format!(" {} ", ind.id)))
        else {
            continue;
        };
        let target = plan.locale.target(&ind.target, &ind.unit);
        assert!(line.contains(&target), "{target:?} in {line}");
        if let Some(v) = ind.result {
            let value = plan.locale.value(v, &ind.unit);
            assert!(line.contains(&value), "{value:?} in {line}");
        }
    }
    // The objective above shows its weight and realization, and no result or target.
    let objective = row(&s, "3.2.2");
    assert!(
        objective.contains(" 9,0 ") && objective.contains("100,00 %") && !objective.contains(">="),
        "{objective}"
    );
}

#[test]
fn the_column_names_head_the_tree_and_a_click_on_them_changes_nothing() {
    let mut h = Harness::seed();
    let names = column_names(&mut h);
    for word in ["Peso", "Risultato", "Target", "Realizz"] {
        assert!(names.contains(word), "{word:?} in {names}");
    }
    h.go_to("domande depositate marchi");
    let selected = h.app.tree.selected_index();
    let offset = h.app.tree.offset;
    let before = h.screen();
    let columns = h.app.areas().tree_columns.unwrap();
    for column in [columns.x + 2, columns.x + columns.width - 3] {
        h.event(click(column, columns.y));
        assert_eq!(h.app.tree.selected_index(), selected);
        assert_eq!(h.app.tree.offset, offset);
        assert_eq!(
            h.screen(),
            before,
            "a click on the column names changed the screen"
        );
    }
}

#[test]
fn a_click_on_a_row_below_the_column_names_selects_that_row() {
    let mut h = Harness::seed();
    h.resize(80, 24);
    h.go_to("domande depositate marchi");
    let rows = h.app.areas().tree.unwrap();
    let s = h.screen();
    // The screen line of row 3.2.2-o1, and the row the app finds under a click there.
    let y = s
        .lines()
        .position(|l| l.contains(" 3.2.2-o1 "))
        .unwrap_or_else(|| panic!("no 3.2.2-o1:\n{s}")) as u16;
    h.event(click(rows.x + 10, y));
    let selected = h
        .app
        .selected_indicator()
        .map(|p| h.app.plan.indicator(p).id.clone());
    assert_eq!(selected.as_deref(), Some("3.2.2-o1"));
    // The first row under the names is the first row of the window.
    h.event(click(rows.x + 10, rows.y));
    assert_eq!(h.app.tree.selected_index(), h.app.tree.offset);
}

fn click(column: u16, row: u16) -> Event {
    Event::Mouse(ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(
            ratatui::crossterm::event::MouseButton::Left,
        ),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}
