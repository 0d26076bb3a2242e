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
    // Ten numeric indicators in a row from here: each gets "1" + Enter, two keys.
    let mut keys = 0;
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
        keys += 1;
        done.push((ind.id.clone(), value));
    }
    assert_eq!(keys, 10, "one key besides each value");
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
