//! Search ignores case and accents over codes, ids, titles, descriptions and notes, and
//! `n` / `N` / `p` / `P` go where a plain scan of the plan says they should, after the plan
//! changed too.

mod common;

use common::{Harness, SEED_TEXT};
use perfplan::app::Mode;
use perfplan::plan::{NodePath, Plan};
use ratatui::crossterm::event::KeyCode;

/// A plain folding for the seed's Italian: lower case and the accented vowels it uses.
fn simple_fold(s: &str) -> String {
    s.to_lowercase()
        .replace(['à', 'á'], "a")
        .replace(['è', 'é'], "e")
        .replace(['ì', 'í'], "i")
        .replace(['ò', 'ó'], "o")
        .replace(['ù', 'ú'], "u")
        .replace('’', "'")
}

/// The texts a node is searched in.
fn texts(plan: &Plan, node: NodePath) -> Vec<String> {
    match node {
        NodePath::Perspective(p) => vec![plan.perspectives[p].name.clone()],
        NodePath::Strategic(p, s) => {
            let so = &plan.perspectives[p].objectives[s];
            vec![so.code.clone(), so.title.clone()]
        }
        NodePath::Operational(p, s, o) => {
            let oo = &plan.perspectives[p].objectives[s].operational[o];
            vec![oo.code.clone(), oo.title.clone()]
        }
        NodePath::Indicator(i) => {
            let ind = plan.indicator(i);
            vec![
                ind.id.clone(),
                ind.description.clone(),
                ind.note.clone().unwrap_or_default(),
            ]
        }
    }
}

/// Every node of the plan in tree order (the tree of a fresh app shows them all).
fn all_nodes(h: &Harness) -> Vec<NodePath> {
    h.app.tree.rows().to_vec()
}

/// The nodes a scan of every node finds for `query`, in tree order.
fn scan(h: &Harness, nodes: &[NodePath], query: &str) -> Vec<NodePath> {
    let q = simple_fold(query.trim());
    nodes
        .iter()
        .copied()
        .filter(|n| {
            texts(&h.app.plan, *n)
                .iter()
                .any(|t| simple_fold(t).contains(&q))
        })
        .collect()
}

/// The quoted text of every line of the plan's file that starts with `field: "`.
fn quoted(field: &str) -> Vec<&'static str> {
    let lead = format!("{field}: \"");
    SEED_TEXT
        .lines()
        .filter_map(|l| l.trim().strip_prefix(lead.as_str()))
        .map(|rest| rest.trim_end_matches(',').trim_end_matches('"'))
        .collect()
}

#[test]
fn attivita_finds_attivita_with_its_accent() {
    let mut h = Harness::seed();
    // Counted from the file's text: descriptions and titles written with "attività".
    let descriptions = quoted("description")
        .into_iter()
        .filter(|d| d.to_lowercase().contains("attività"))
        .count();
    let titles = quoted("title")
        .into_iter()
        .filter(|d| d.to_lowercase().contains("attività"))
        .count();
    assert_eq!((descriptions, titles), (6, 1));
    assert!(
        !SEED_TEXT.to_lowercase().contains("attivita"),
        "no unaccented one"
    );

    let found = h.app.matches("attivita");
    let indicators = found
        .iter()
        .filter(|n| matches!(n, NodePath::Indicator(_)))
        .count();
    assert_eq!(indicators, descriptions);
    assert_eq!(found.len(), descriptions + titles);
    for n in &found {
        assert!(
            texts(&h.app.plan, *n)
                .iter()
                .any(|t| t.to_lowercase().contains("attività")),
            "{n:?}"
        );
    }
    assert_eq!(h.app.matches("ATTIVITÀ"), found);
    assert_eq!(h.app.matches("Attività"), found);
    let nodes = all_nodes(&h);
    assert_eq!(scan(&h, &nodes, "attivita"), found);

    // Typed: the first of them is selected and the field counts them.
    h.key(KeyCode::Home);
    h.key(KeyCode::Char('/'));
    h.type_text("attivita");
    assert_eq!(h.app.match_count(), found.len());
    h.key(KeyCode::Enter);
    assert_eq!(h.app.tree.selected(), Some(found[0]));
}

#[test]
fn a_note_is_searched_and_perche_finds_perche() {
    let mut h = Harness::seed();
    assert!(!SEED_TEXT.to_lowercase().contains("perch"));
    assert!(h.app.matches("perche").is_empty());
    // The search is kept while the note is written: the kept matches follow the note.
    let path = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    h.set_note("3.2.2-s2", "Stimato perché manca il consuntivo");
    assert_eq!(
        h.app.plan.indicator(path).note.as_deref(),
        Some("Stimato perché manca il consuntivo")
    );
    let target = vec![NodePath::Indicator(path)];
    assert_eq!(h.app.matches("perche"), target);
    assert_eq!(h.app.matches("PERCHÉ"), target);
    assert_eq!(h.app.matches("manca il consuntivo"), target);
    h.key(KeyCode::Home);
    h.go_to("perche");
    assert_eq!(h.app.tree.selected(), Some(NodePath::Indicator(path)));

    // Another note, then undone: the index follows both.
    h.set_note("3.2.2-s2", "Dato definitivo");
    assert!(h.app.matches("perche").is_empty());
    assert_eq!(h.app.matches("dato definitivo"), target);
    h.key(KeyCode::Char('u'));
    assert_eq!(
        h.app.plan.indicator(path).note.as_deref(),
        Some("Stimato perché manca il consuntivo")
    );
    assert_eq!(h.app.matches("perche"), target);
    assert!(h.app.matches("dato definitivo").is_empty());
}

#[test]
fn typing_and_taking_back_characters_finds_what_a_scan_finds() {
    let mut h = Harness::seed();
    h.set_note("1.1.1-s1", "Verifica dell’attività perché richiesta");
    let nodes = all_nodes(&h);
    h.key(KeyCode::Home);
    h.key(KeyCode::Char('/'));
    let mut typed = String::new();
    let keys = "attività e  xyz\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}perché\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}3.1\u{8}2";
    for c in keys.chars() {
        if c == '\u{8}' {
            typed.pop();
            h.key(KeyCode::Backspace);
        } else {
            typed.push(c);
            h.key(KeyCode::Char(c));
        }
        let expected = scan(&h, &nodes, &typed);
        if typed.trim().is_empty() {
            continue;
        }
        assert_eq!(h.app.match_count(), expected.len(), "after {typed:?}");
        assert_eq!(h.app.matches(&typed), expected, "after {typed:?}");
    }
    assert!(matches!(h.app.mode, Mode::Search { .. }));
}

#[test]
fn n_and_shift_n_visit_the_matches_in_tree_order_and_wrap() {
    let mut h = Harness::seed();
    let nodes = all_nodes(&h);
    let expected = scan(&h, &nodes, "3.");
    assert!(expected.len() > 5);
    h.key(KeyCode::Home);
    h.go_to("3.");
    let mut seen = vec![h.app.tree.selected().unwrap()];
    for _ in 0..expected.len() {
        h.key(KeyCode::Char('n'));
        seen.push(h.app.tree.selected().unwrap());
    }
    let mut round: Vec<NodePath> = expected.clone();
    round.push(expected[0]);
    assert_eq!(seen, round, "n goes in tree order, then round again");
    let mut back = vec![h.app.tree.selected().unwrap()];
    for _ in 0..expected.len() {
        h.key(KeyCode::Char('N'));
        back.push(h.app.tree.selected().unwrap());
    }
    let mut reversed: Vec<NodePath> = vec![expected[0]];
    reversed.extend(expected.iter().rev());
    assert_eq!(back, reversed, "N goes back, from the first to the last");
}

/// Where `p` (or `P`) goes, by a scan of every indicator: the next pending one after the
/// selection in tree order, round again from the start.
fn pending_after(h: &Harness, forward: bool) -> Option<NodePath> {
    let pending: Vec<NodePath> = h
        .app
        .plan
        .indicators()
        .filter(|(p, _)| !h.app.scores.outcome(*p).is_measured())
        .map(|(p, _)| NodePath::Indicator(p))
        .collect();
    let here = h.app.tree.selected().unwrap();
    let key = perfplan::app::tree::tree_order;
    if forward {
        pending
            .iter()
            .find(|n| key(**n) > key(here))
            .or(pending.first())
            .copied()
    } else {
        pending
            .iter()
            .rev()
            .find(|n| key(**n) < key(here))
            .or(pending.last())
            .copied()
    }
}

#[test]
fn p_and_shift_p_reach_the_pending_indicators_after_results_change() {
    let mut h = Harness::seed();
    let pending_at_first: Vec<_> = h
        .app
        .plan
        .indicators()
        .filter(|(p, _)| !h.app.scores.outcome(*p).is_measured())
        .map(|(p, _)| p)
        .collect();
    // One more pending (its result cleared), and, when the seed has one, one fewer.
    h.set_result("2.2.1-o1", "");
    let cleared = h.app.plan.find_indicator("2.2.1-o1").unwrap();
    assert!(!h.app.scores.outcome(cleared).is_measured());
    if let Some(first) = pending_at_first.first() {
        let id = h.app.plan.indicator(*first).id.clone();
        h.set_result(&id, "1");
    }
    h.set_result("1.1.1-s1", "");
    h.set_result("3.2.2-s2", "");
    let pending = h
        .app
        .plan
        .indicators()
        .filter(|(p, _)| !h.app.scores.outcome(*p).is_measured())
        .count();
    assert!(pending >= 3, "{pending}");
    assert_eq!(h.app.pending.len(), pending);

    for forward in [true, false] {
        h.key(KeyCode::Home);
        for _ in 0..pending + 2 {
            let expected = pending_after(&h, forward);
            h.key(KeyCode::Char(if forward { 'p' } else { 'P' }));
            assert_eq!(h.app.tree.selected(), expected, "forward {forward}");
        }
    }
    // From an objective's row too.
    h.key(KeyCode::Home);
    h.key(KeyCode::Down);
    let expected = pending_after(&h, false);
    h.key(KeyCode::Char('P'));
    assert_eq!(h.app.tree.selected(), expected);
}
