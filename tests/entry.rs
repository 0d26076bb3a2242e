//! Entering results as in a spreadsheet: typing on a row replaces its result, Enter moves
//! on (to the next indicator, or the next pending one), Tab goes on typing, Esc keeps the
//! old value, and undo takes back one value at a time.

use perfplan::app::Mode;
use perfplan::plan::{IndicatorPath, NodePath, Value};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

mod common;

use common::Harness;

fn result(h: &Harness, id: &str) -> Option<Value> {
    let p = h.app.plan.find_indicator(id).unwrap();
    h.app.plan.indicator(p).result
}

fn number(n: Decimal) -> Option<Value> {
    Some(Value::Number(n))
}

/// The indicators of the seed in tree order, as the tree lists them.
fn tree_order(h: &Harness) -> Vec<IndicatorPath> {
    let mut all: Vec<IndicatorPath> = h.app.plan.indicators().map(|(p, _)| p).collect();
    all.sort_by(|a, b| {
        perfplan::app::tree::cmp_tree_order(NodePath::Indicator(*a), NodePath::Indicator(*b))
    });
    all
}

fn next_after(h: &Harness, id: &str) -> IndicatorPath {
    let order = tree_order(h);
    let at = order
        .iter()
        .position(|p| h.app.plan.indicator(*p).id == id)
        .unwrap();
    order[at + 1]
}

#[test]
fn typing_on_a_row_replaces_its_result_and_enter_moves_on() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(72)));
    // Digits typed on the tree start the result: the old value is replaced, not added to.
    h.type_text("25");
    assert!(matches!(h.app.mode, Mode::Edit(_)));
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(25)));
    assert_eq!(
        h.app.selected_indicator(),
        Some(next_after(&h, "3.2.2-s2")),
        "Enter moved on to the next indicator in tree order"
    );
    // Enter (or e) opens the old value selected: typing replaces it too.
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.type_text("30");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(30)));
    // A cursor key edits in place.
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::End);
    h.type_text("5");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(305)));
    // A sign starts a negative value on an indicator (here refused by its count unit,
    // shown under the field, nothing changed).
    h.go_to("domande depositate marchi");
    h.type_text("-3");
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.error.is_some()));
    h.key(KeyCode::Esc);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(305)));
    // Undo takes back one confirmed value at a time.
    h.key(KeyCode::Char('u'));
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(30)));
    h.key(KeyCode::Char('u'));
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(25)));
    h.key(KeyCode::Char('u'));
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(72)));
}

#[test]
fn ten_results_take_the_values_and_one_key_each() {
    let mut h = Harness::seed();
    h.key(KeyCode::Home);
    h.go_to("Realizzazione programma");
    let order = tree_order(&h);
    let first = order
        .iter()
        .position(|p| Some(*p) == h.app.selected_indicator())
        .unwrap();
    // Ten indicators in a row from here: each gets its value and Enter, nothing else (the
    // selection must already be on the next one each time: no key to move to it).
    let mut done = Vec::new();
    for p in &order[first..] {
        if done.len() == 10 {
            break;
        }
        assert_eq!(
            h.app.selected_indicator(),
            Some(*p),
            "Enter went on to the next"
        );
        let ind = h.app.plan.indicator(*p).clone();
        let value = if ind.unit == perfplan::plan::Unit::Date {
            "31/12/2017"
        } else {
            "1"
        };
        h.type_text(value);
        h.key(KeyCode::Enter);
        done.push((ind.id.clone(), value));
    }
    assert_eq!(done.len(), 10);
    for (id, value) in done {
        let expected = if value == "1" {
            number(dec!(1))
        } else {
            Some(Value::Date(
                chrono::NaiveDate::from_ymd_opt(2017, 12, 31).unwrap(),
            ))
        };
        assert_eq!(result(&h, &id), expected, "{id}");
    }
}

#[test]
fn enter_can_go_to_the_next_pending_and_the_choice_is_remembered() {
    let mut h = Harness::seed();
    // Two results cleared, far apart: pending.
    h.set_result("Orario apertura al pubblico", "");
    h.set_result("domande depositate marchi", "");
    h.go_to("Realizzazione programma");
    h.key(KeyCode::Char('m'));
    assert!(h.app.enter_to_pending);
    assert!(h.screen().contains("Invio → prossimo in attesa"));
    h.type_text("90");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("1.1.1-o5"),
        "the next pending indicator, not the next one"
    );
    h.type_text("1");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("3.2.2-s2")
    );
    // The next run starts with the same choice.
    let path = h.path();
    let dirs = common::dirs_in(h.dir.path());
    let again = perfplan::driver::Driver::open(&path, Some(dirs)).unwrap();
    assert!(again.app.enter_to_pending);
}

#[test]
fn tab_confirms_and_goes_on_typing_the_next_result_esc_keeps_the_old_one() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    let next = next_after(&h, "3.2.2-s2");
    h.type_text("70");
    h.key(KeyCode::Tab);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(70)));
    match &h.app.mode {
        Mode::Edit(e) => assert_eq!(e.path, next, "the next indicator's result is open"),
        other => panic!("{other:?}"),
    }
    let old = h.app.plan.indicator(next).result;
    h.type_text("4");
    h.key(KeyCode::Esc);
    assert_eq!(
        h.app.plan.indicator(next).result,
        old,
        "Esc keeps the old value"
    );
    // Shift-Tab goes back.
    h.key(KeyCode::Enter);
    h.key(KeyCode::BackTab);
    match &h.app.mode {
        Mode::Edit(e) => assert_eq!(Some(e.path), h.app.plan.find_indicator("3.2.2-s2")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn plus_and_minus_still_open_and_close_every_row_on_an_objective() {
    let mut h = Harness::seed();
    h.key(KeyCode::Home);
    let all = h.app.tree.rows().len();
    h.key(KeyCode::Char('-'));
    assert_eq!(h.app.tree.rows().len(), 4, "the four perspectives");
    h.key(KeyCode::Char('+'));
    assert_eq!(h.app.tree.rows().len(), all);
    assert!(matches!(h.app.mode, Mode::Normal));
}

/// The seed with every result taken out: 70 pending indicators.
fn seed_without_results() -> String {
    common::SEED_TEXT
        .lines()
        .filter(|l| !l.trim_start().starts_with("result:"))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn typing_the_seeds_70_results_gives_back_its_published_scores() {
    let seed = perfplan::store::parse(std::path::Path::new("seed.ron"), common::SEED_TEXT).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, seed_without_results()).unwrap();
    let mut h = Harness {
        driver: perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap(),
        dir,
    };
    // One indicator keeps its override (2.1.1-o1): measured without a result.
    assert!(
        h.screen().contains("Indicatori rilevati 1 / 70"),
        "{}",
        h.screen()
    );
    let loc = seed.locale;
    // The values as the controller types them: in the plan's locale (2,03; 29/11/2017).
    let typed: Vec<String> = tree_order(&h)
        .into_iter()
        .map(|p| match seed.indicator(p).result.unwrap() {
            Value::Number(n) => loc.number(n),
            Value::Date(d) => loc.date(d),
            other => panic!("the seed has numbers and dates only: {other:?}"),
        })
        .collect();
    assert_eq!(typed.len(), 70);
    // From the first indicator: each value, then Enter, which moves on to the next; no
    // other key (the scores below come out right only if every value reached its row).
    h.go_to("Realizzazione programma");
    for value in &typed {
        h.type_text(value);
        h.key(KeyCode::Enter);
    }
    let header = h.line_with("Strategico");
    assert!(
        header.contains("98,56 %") && header.contains("94,64 %"),
        "{header}"
    );
    assert!(h.screen().contains("Indicatori rilevati 70 / 70"));
    h.ctrl('s');
    let (saved, _) = perfplan::store::load(&h.path()).unwrap();
    for (p, ind) in seed.indicators() {
        assert_eq!(saved.indicator(p).result, ind.result, "{}", ind.id);
    }
}

#[test]
fn a_double_click_on_an_indicator_edits_its_result() {
    use perfplan::app::Action;
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    let area = h.app.areas().tree.unwrap();
    let row = area.y + (h.app.tree.selected_index() - h.app.tree.offset) as u16;
    // Two clicks close together are one double click (as the terminal loop tells them).
    let mut clicks = perfplan::tui::DoubleClicks::default();
    let now = std::time::Instant::now();
    let click = Action::Click {
        column: area.x + 5,
        row,
    };
    let first = clicks.see(click.clone(), now);
    assert_eq!(first, click);
    let second = clicks.see(click.clone(), now + std::time::Duration::from_millis(150));
    assert!(matches!(second, Action::DoubleClick { .. }));
    let late = clicks.see(click.clone(), now + std::time::Duration::from_secs(2));
    assert_eq!(late, click, "too late: a click again");
    h.act(second);
    match &h.app.mode {
        Mode::Edit(e) => assert_eq!(Some(e.path), h.app.plan.find_indicator("3.2.2-s2")),
        other => panic!("{other:?}"),
    }
    h.key(KeyCode::Esc);
    // A double click outside the tree edits nothing.
    h.act(Action::DoubleClick { column: 0, row: 0 });
    assert!(matches!(h.app.mode, Mode::Normal));
}

#[test]
fn a_pasted_column_fills_the_indicators_after_a_preview_as_one_step() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    let next = next_after(&h, "3.2.2-s2");
    let next_id = h.app.plan.indicator(next).id.clone();
    let before = h.app.plan.indicator(next).result;
    // Two cells copied from a spreadsheet column: not one number 725.
    h.paste("72\n5\n");
    assert!(matches!(h.app.mode, Mode::Paste { .. }));
    let s = h.screen();
    assert!(s.contains("Incolla una colonna"), "{s}");
    assert!(s.contains("3.2.2-s2") && s.contains("72 → 72"), "{s}");
    assert!(s.contains(&next_id), "{s}");
    assert_eq!(
        result(&h, "3.2.2-s2"),
        number(dec!(72)),
        "nothing before Enter"
    );
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, &next_id), number(dec!(5)));
    assert!(
        h.app.status_text().contains("Incollat"),
        "{}",
        h.app.status_text()
    );
    // One undo takes the whole paste back.
    h.key(KeyCode::Char('u'));
    assert_eq!(h.app.plan.indicator(next).result, before);

    // Typed into the open field, tab-separated: the same.
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Enter);
    h.paste("70\t6");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(70)));
    assert_eq!(result(&h, &next_id), number(dec!(6)));

    // A line that cannot be read: nothing goes in, unless the user leaves it out.
    h.go_to("domande depositate marchi");
    h.paste("71\nabc\n");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Paste { .. }), "still shown");
    assert!(h.app.status.is_error);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(70)), "nothing applied");
    assert!(h.screen().contains("✗"), "the unreadable line is shown");
    h.key(KeyCode::Char('s'));
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(71)));
    assert_eq!(
        result(&h, &next_id),
        number(dec!(6)),
        "the unreadable line left out"
    );
    // Esc changes nothing.
    h.go_to("domande depositate marchi");
    h.paste("1\n2\n");
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.mode, Mode::Normal));
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(71)));
}

#[test]
fn a_percentage_between_0_and_1_asks_whether_a_hundredfold_was_meant() {
    let mut h = Harness::seed();
    h.go_to("Realizzazione programma delle attività");
    assert_eq!(
        h.app
            .plan
            .indicator(h.app.selected_indicator().unwrap())
            .unit,
        perfplan::plan::Unit::Percent
    );
    let here = h.app.selected_indicator().unwrap();
    h.type_text("0,93");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Dialog { .. }));
    let s = h.screen();
    assert!(s.contains("0,93") && s.contains("93 %"), "{s}");
    h.key(KeyCode::Char('c'));
    assert_eq!(h.app.plan.indicator(here).result, number(dec!(93)));
    assert_eq!(
        format!("{:?}", h.app.plan.indicator(here).result),
        format!("{:?}", number(dec!(93))),
        "93, not 93.00"
    );
    assert_ne!(
        h.app.selected_indicator(),
        Some(here),
        "moved on, as Enter does"
    );
    // Kept as typed when the user says so.
    h.app.reveal(NodePath::Indicator(here));
    h.type_text("0,5");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('t'));
    assert_eq!(h.app.plan.indicator(here).result, number(dec!(0.5)));
}

#[test]
fn a_result_far_from_its_target_is_accepted_but_marked_check_this_value() {
    let mut h = Harness::seed();
    let p = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    let node = Some(NodePath::Indicator(p));
    assert!(h.app.findings.iter().all(|f| f.node != node));
    // Target >= 80: 80.000 (a thousands dot?) is a thousand times it.
    h.set_result("domande depositate marchi", "80000");
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(80000)), "accepted");
    assert!(h.app.findings.iter().any(|f| f.node == node
        && matches!(
            f.kind,
            perfplan::validate::FindingKind::CheckThisValue { .. }
        )));
    let s = h.screen();
    assert!(
        s.contains("controlla questo valore"),
        "the detail pane says it:\n{s}"
    );
    h.set_result("domande depositate marchi", "72");
    assert!(
        h.app.findings.iter().all(|f| f.node != node),
        "gone with a plausible value"
    );
}

/// The seed with `note_below_fair: true`, opened.
fn seed_asking_notes() -> Harness {
    let text = common::SEED_TEXT.replacen(
        "thresholds: (good: 90, fair: 60)",
        "thresholds: (good: 90, fair: 60, note_below_fair: true)",
        1,
    );
    assert_ne!(text, common::SEED_TEXT, "the seed writes its thresholds");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &text).unwrap();
    Harness {
        driver: perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap(),
        dir,
    }
}

#[test]
fn a_plan_may_require_a_note_for_a_result_below_fair() {
    let mut h = seed_asking_notes();
    // The seed's own rows below fair without a note (a 0 % row, say) are warned about.
    let below: Vec<_> = h
        .app
        .plan
        .indicators()
        .filter(|(p, ind)| {
            ind.note.is_none()
                && h.app
                    .scores
                    .outcome(*p)
                    .realization()
                    .is_some_and(|r| r < dec!(60))
        })
        .map(|(p, _)| NodePath::Indicator(p))
        .collect();
    let noted = |h: &Harness| -> Vec<_> {
        h.app
            .findings
            .iter()
            .filter(|f| matches!(f.kind, perfplan::validate::FindingKind::NoteRequired { .. }))
            .filter_map(|f| f.node)
            .collect()
    };
    assert!(!below.is_empty());
    assert_eq!(noted(&h), below);
    // Target >= 80: 40 is a 50 % realization, below fair (60): the note field opens.
    h.go_to("domande depositate marchi");
    let here = h.app.selected_indicator();
    h.type_text("40");
    h.key(KeyCode::Enter);
    match &h.app.mode {
        Mode::Edit(e) => {
            assert_eq!(Some(e.path), here);
            assert_eq!(e.field, perfplan::app::EditField::Note);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        h.app.status_text().contains("chiede una nota"),
        "{}",
        h.app.status_text()
    );
    // Left without a note: the plan says so.
    h.key(KeyCode::Esc);
    let here_node = NodePath::Indicator(here.unwrap());
    assert!(noted(&h).contains(&here_node));
    h.key(KeyCode::Char('c'));
    h.type_text("ufficio chiuso per tre mesi");
    h.key(KeyCode::Enter);
    assert_eq!(
        noted(&h),
        below,
        "its note given, it is warned about no more"
    );
    // A result at or above fair asks nothing, and Enter moves on.
    h.go_to("domande depositate marchi");
    h.type_text("70");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Normal));
    assert_ne!(h.app.selected_indicator(), here);
    // With a note asked for, the chain goes on once it is given: Enter to the next row,
    // Tab to the next row's result, open. (The note given above is removed first.)
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Char('c'));
    h.ctrl('u');
    h.key(KeyCode::Enter);
    h.type_text("40");
    h.key(KeyCode::Enter);
    h.type_text("dato provvisorio");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Normal));
    assert_eq!(h.app.selected_indicator(), Some(next_after(&h, "3.2.2-s2")));
    h.go_to("domande depositate marchi");
    h.key(KeyCode::Char('c'));
    h.ctrl('u');
    h.key(KeyCode::Enter);
    h.type_text("30");
    h.key(KeyCode::Tab);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.field == perfplan::app::EditField::Note));
    h.type_text("ufficio chiuso");
    h.key(KeyCode::Tab);
    match &h.app.mode {
        Mode::Edit(e) => {
            assert_eq!(e.path, next_after(&h, "3.2.2-s2"));
            assert_eq!(e.field, perfplan::app::EditField::Result);
        }
        other => panic!("{other:?}"),
    }
    h.key(KeyCode::Esc);
    // Saved and read back, the option stays.
    h.ctrl('s');
    let (saved, _) = perfplan::store::load(&h.path()).unwrap();
    assert!(saved.thresholds.note_below_fair);
}

#[test]
fn a_fraction_question_keeps_what_was_typed_and_the_direction_of_tab() {
    let mut h = Harness::seed();
    h.go_to("Realizzazione programma delle attività");
    let here = h.app.selected_indicator().unwrap();
    // Back to the field: the value typed, not the old one.
    h.type_text("0,5");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    match &h.app.mode {
        Mode::Edit(e) => {
            assert_eq!(e.path, here);
            assert_eq!(e.input.text(), "0,5");
        }
        other => panic!("{other:?}"),
    }
    // Tab through the question: the next indicator's result opens.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('c'));
    assert_eq!(h.app.plan.indicator(here).result, number(dec!(50)));
    match &h.app.mode {
        Mode::Edit(e) => assert_eq!(
            e.path,
            next_after(&h, &h.app.plan.indicator(here).id.clone())
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_column_pasted_with_carriage_returns_is_still_a_column_and_fractions_are_flagged() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    // As a terminal sends a pasted line break: CR.
    h.paste("72\r5\r");
    match &h.app.mode {
        Mode::Paste { rows, .. } => assert_eq!(rows.len(), 2),
        other => panic!("not 725 but two values: {other:?}"),
    }
    h.key(KeyCode::Esc);
    // A percentage pasted as a fraction is not taken silently.
    h.go_to("Realizzazione programma delle attività");
    h.paste("0,93\n");
    h.paste("0,93\n0,88\n");
    match &h.app.mode {
        Mode::Paste { rows, .. } => assert!(rows[0].new.is_err(), "{rows:?}"),
        other => panic!("{other:?}"),
    }
    assert!(h.screen().contains("intendevi 93 %"), "{}", h.screen());
}

#[test]
fn enter_to_the_next_pending_goes_round_to_the_top_and_says_when_none_is_left() {
    let mut h = Harness::seed();
    h.set_result("Orario apertura al pubblico", "");
    h.set_result("domande depositate marchi", "");
    h.key(KeyCode::Char('m'));
    assert!(h.app.enter_to_pending);
    // From an indicator after both pending ones: none below, so back to the top.
    let order = tree_order(&h);
    let last = *order.last().unwrap();
    h.app.reveal(NodePath::Indicator(last));
    assert_eq!(h.app.selected_indicator(), Some(last));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("1.1.1-o5"),
        "the first pending indicator, above"
    );
    h.type_text("1");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("3.2.2-s2")
    );
    // The last pending one typed: the selection stays and the status line says why.
    h.type_text("80");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(80)));
    assert_eq!(
        h.app.selected_indicator(),
        h.app.plan.find_indicator("3.2.2-s2")
    );
    assert!(
        h.app
            .status_text()
            .contains("non resta nessun altro indicatore in attesa"),
        "{}",
        h.app.status_text()
    );
}

#[test]
fn a_pasted_column_asks_each_note_the_plan_requires_in_turn() {
    let mut h = seed_asking_notes();
    h.go_to("domande depositate marchi");
    // 40 against >= 80 and 30 % against >= 90 %: both below fair (60 %); 622 unchanged.
    h.paste("40\n622\n30\n");
    h.key(KeyCode::Enter);
    let note_of = |h: &Harness, id: &str| {
        let p = h.app.plan.find_indicator(id).unwrap();
        h.app.plan.indicator(p).note.clone()
    };
    let open_note = |h: &Harness| match &h.app.mode {
        Mode::Edit(e) if e.field == perfplan::app::EditField::Note => {
            h.app.plan.indicator(e.path).id.clone()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(result(&h, "3.2.2-o2"), number(dec!(30)));
    assert_eq!(open_note(&h), "3.2.2-s2");
    assert!(
        h.app.status_text().contains("ancora 1 dopo questa"),
        "{}",
        h.app.status_text()
    );
    h.type_text("marchi in calo");
    h.key(KeyCode::Enter);
    assert_eq!(note_of(&h, "3.2.2-s2").as_deref(), Some("marchi in calo"));
    assert_eq!(open_note(&h), "3.2.2-o2", "then the next one");
    h.type_text("personale ridotto");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Normal));
    assert_eq!(
        note_of(&h, "3.2.2-o2").as_deref(),
        Some("personale ridotto")
    );
    assert!(
        !h.app.findings.iter().any(|f| matches!(
            f.kind,
            perfplan::validate::FindingKind::NoteRequired { .. }
        ) && f.node.is_some_and(
            |n| n == NodePath::Indicator(h.app.plan.find_indicator("3.2.2-o2").unwrap())
        )),
        "no note left to ask for"
    );
    // Esc ends the chain: the notes left are warned about, not asked again.
    h.go_to("domande depositate marchi");
    h.paste("30\n622\n20\n");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.mode, Mode::Normal));
    assert!(h.app.notes_due.is_empty());
}

#[test]
fn an_override_below_fair_needs_no_note_besides_its_reason() {
    let h = seed_asking_notes();
    let mut plan = h.app.plan.clone();
    let p = plan.find_indicator("3.2.2-s2").unwrap();
    let ind = plan.indicator_mut(p);
    ind.note = None;
    ind.result = number(dec!(40));
    assert!(
        perfplan::validate::note_missing(&plan, plan.indicator(p)).is_some(),
        "40 against >= 80: 50 %, below fair, without a note"
    );
    ind_override(&mut plan, p, dec!(40), "dato rettificato dall'OIV");
    assert!(perfplan::validate::note_missing(&plan, plan.indicator(p)).is_none());
}

fn ind_override(plan: &mut perfplan::plan::Plan, p: IndicatorPath, r: Decimal, reason: &str) {
    plan.indicator_mut(p).realization_override = Some(perfplan::plan::Override {
        realization: r.into(),
        reason: reason.into(),
    });
}

#[test]
fn a_column_pasted_into_an_open_field_then_closed_gives_back_what_was_typed() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.type_text("7");
    h.paste("1\n2\n");
    assert!(matches!(h.app.mode, Mode::Paste { .. }));
    h.key(KeyCode::Esc);
    match &h.app.mode {
        Mode::Edit(e) => assert_eq!(e.input.text(), "7"),
        other => panic!("{other:?}"),
    }
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-s2"), number(dec!(7)));
}

#[test]
fn an_empty_pasted_cell_is_shown_as_clearing_its_result() {
    let mut h = Harness::seed();
    h.go_to("domande depositate marchi");
    h.paste("70\n\n5\n");
    let s = h.screen();
    assert!(s.contains("cella vuota: il risultato viene tolto"), "{s}");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "3.2.2-o1"), None);
    assert_eq!(result(&h, "3.2.2-o2"), number(dec!(5)));
}

#[test]
fn at_120_by_36_the_tree_keeps_room_for_descriptions_and_shows_a_long_target_whole() {
    let mut h = Harness::seed();
    h.go_to("Realizzazione programma");
    let line = h.line_with("1.1.1-s1");
    assert!(
        line.contains("Realizzazione programma delle attività"),
        "{line}"
    );
    assert!(line.contains(">= 80 %") && line.contains("100 %"), "{line}");
    // The detail pane is still on screen, under the tree.
    assert!(h.screen().contains("Dettaglio"));
}
