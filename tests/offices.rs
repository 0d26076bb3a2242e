//! The offices that measure the indicators: owners, the plan's list of offices, the filter
//! by office and what `check` says of them.

use std::path::Path;

use perfplan::app::tree::Filter;
use perfplan::lang::{Lang, Say};
use perfplan::plan::{NodePath, Plan};
use perfplan::validate::{self, Severity};
use ratatui::crossterm::event::KeyCode;

mod common;

use common::Harness;

const COMUNE: &str = "plans/comune-esempio-2022.ron";

fn parse(text: &str) -> Plan {
    perfplan::store::parse(Path::new("plan.ron"), text)
        .unwrap_or_else(|e| panic!("{}\n{text}", e.say(Lang::En)))
}

/// The ids of the indicators the tree shows now.
fn shown_ids(h: &mut Harness) -> Vec<String> {
    h.app
        .tree
        .rows()
        .iter()
        .filter_map(|n| match n {
            NodePath::Indicator(p) => Some(h.app.plan.indicator(*p).id.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn an_indicator_is_owned_by_its_own_office_else_by_its_operational_objectives() {
    let plan = parse(
        r#"Plan(title: "T", organization: "O", year: 2022,
      offices: [(name: "Studi", responsible: "Anna Verdi", email: "studi@example.org"), (name: "Protocollo")],
      perspectives: [Perspective(name: "P", objectives: [StrategicObjective(code: "1", title: "S", weight: 100, operational: [
        OperationalObjective(code: "1.1", title: "O", weight: 100, owner: "Studi", indicators: [
          Indicator(id: "a", description: "d", unit: Count, target: AtLeast(1)),
          Indicator(id: "b", description: "d", unit: Count, target: AtLeast(1), owner: "Protocollo"),
          Indicator(id: "c", description: "d", unit: Count, target: AtLeast(1), owner: "Ragioneria"),
        ])])])])"#,
    );
    let owner = |id: &str| plan.owner_of(plan.find_indicator(id).unwrap());
    assert_eq!(owner("a"), Some("Studi"));
    assert_eq!(owner("b"), Some("Protocollo"));
    assert_eq!(
        plan.office("Studi").unwrap().email.as_deref(),
        Some("studi@example.org")
    );
    // An owner the list does not have is a warning that names it.
    let found: Vec<String> = validate::validate(&plan)
        .iter()
        .map(|f| format!("{:?} {}", f.severity, f.say(Lang::It)))
        .filter(|f| f.contains("ufficio"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("Warning")
            && found[0].contains("indicatore c")
            && found[0].contains("l'ufficio \"Ragioneria\" non è tra gli uffici del piano"),
        "{found:?}"
    );
    // The seed names no office: it stays valid.
    let seed = perfplan::store::load(Path::new("plans/cciaa-massa-carrara-2017.ron"))
        .unwrap()
        .0;
    assert!(validate::validate(&seed).is_empty());
    // An office listed twice is an error.
    let twice = parse(
        r#"Plan(title: "T", organization: "O", year: 2022, offices: [(name: "Studi"), (name: "Studi")])"#,
    );
    assert!(validate::validate(&twice).iter().any(|f| {
        f.severity == Severity::Error
            && f.say(Lang::En)
                .contains("the office \"Studi\" is listed twice")
    }));
}

#[test]
fn the_filter_goes_through_each_office_and_the_indicators_with_none() {
    let mut h = Harness::open(COMUNE);
    // all → pending → below target → overridden → each office → no office → all.
    for _ in 0..4 {
        h.key(KeyCode::Char('f'));
    }
    assert_eq!(h.app.filter, Filter::Office("Servizi demografici".into()));
    assert_eq!(
        shown_ids(&mut h),
        ["3.1-s1", "3.1-o1", "3.1-o2", "3.2-o1", "3.2-o2"]
    );
    assert!(h.screen().contains("filtro: ufficio «Servizi demografici»"));
    h.key(KeyCode::Char('f'));
    assert_eq!(shown_ids(&mut h), ["4.1-s1", "4.1-o1"]);
    h.key(KeyCode::Char('f'));
    assert_eq!(shown_ids(&mut h), ["6.1-s1", "6.1-o1", "6.1-o2"]);
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.filter, Filter::NoOffice);
    assert_eq!(
        shown_ids(&mut h),
        ["1-a", "1-b", "2-a", "2-b", "5-a", "5-b"]
    );
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.filter, Filter::All);
    // A plan without offices goes round as it always did.
    let mut seed = Harness::seed();
    for _ in 0..4 {
        seed.key(KeyCode::Char('f'));
    }
    assert_eq!(seed.app.filter, Filter::All);
}

#[test]
fn the_detail_pane_names_the_office_and_whom_to_ask() {
    let mut h = Harness::open(COMUNE);
    h.resize(120, 60);
    h.go_to("3.1-o2");
    let line = h.line_with("Ufficio ");
    assert!(
        line.contains("Servizi demografici — Maria Rossi · demografici@comune.esempio.it"),
        "{line}"
    );
}

#[test]
fn an_office_listed_twice_is_gone_through_once() {
    let text = std::fs::read_to_string(COMUNE).unwrap().replace(
        "        (name: \"Personale\"),\n",
        "        (name: \"Personale\"),\n        (name: \"Ragioneria\"),\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, text).unwrap();
    let mut d = perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap();
    let mut seen = Vec::new();
    for _ in 0..10 {
        d.key(KeyCode::Char('f'));
        seen.push(d.app.filter.clone());
        if d.app.filter == Filter::All {
            break;
        }
    }
    assert_eq!(seen.len(), 8, "{seen:?}");
    assert_eq!(seen[6], Filter::NoOffice);
}
