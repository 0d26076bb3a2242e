//! Through the year and from one year to the next: monitoring periods, targets changed
//! during the year, and the rollover to the next year. Every expected figure is worked by
//! hand in the comment beside it, from the rules in plans/README.md.

use std::path::Path;
use std::process::Command;

use perfplan::app::{Action, EditField, Mode};
use perfplan::lang::{Lang, Say};
use perfplan::plan::{Plan, Target, Value};
use perfplan::score::Scores;
use perfplan::summary::Summary;
use perfplan::validate::{self, FindingKind, Severity};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

mod common;

use common::Harness;

const COMUNE: &str = "plans/comune-esempio-2022.ron";
const SEED: &str = "plans/cciaa-massa-carrara-2017.ron";

fn parse(text: &str) -> Plan {
    perfplan::store::parse(Path::new("plan.ron"), text)
        .unwrap_or_else(|e| panic!("{}\n{text}", e.say(Lang::En)))
}

fn load(path: &str) -> Plan {
    perfplan::store::load(Path::new(path)).unwrap().0
}

fn perfplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .env("PERFPLAN_LANG", "it")
        .output()
        .unwrap()
}

/// A plan monitored at 30 June and at year end, with two strategic objectives of weights
/// 60 and 40, each with one operational objective holding one indicator of each layer.
const TWO_PERIODS: &str = r#"Plan(title: "Piano 2022", organization: "O", year: 2022, locale: "it",
  periods: [(name: "30 giugno", date: "2022-06-30"), (name: "Consuntivo", date: "2022-12-31")],
  perspectives: [Perspective(name: "P", objectives: [
    StrategicObjective(code: "1", title: "A", weight: 60, operational: [
      OperationalObjective(code: "1.1", title: "a", weight: 60,
        strategic_indicators: [Indicator(id: "s1", description: "d", unit: Count, target: AtLeast(80),
          result: 72,
          periods: {"30 giugno": (result: 30, target: AtLeast(40))})],
        indicators: [Indicator(id: "o1", description: "d", unit: Percent, target: AtLeast(90),
          result: 90, note: "year end",
          periods: {"30 giugno": (result: 45, note: "half year")})])]),
    StrategicObjective(code: "2", title: "B", weight: 40, operational: [
      OperationalObjective(code: "2.1", title: "b", weight: 40,
        strategic_indicators: [Indicator(id: "s2", description: "d", unit: Number, target: AtMost(5),
          result: 4,
          periods: {"30 giugno": (result: 8)})],
        indicators: [Indicator(id: "o2", description: "d", unit: Count, target: AtLeast(10),
          result: 5)])])])])"#;

#[test]
fn a_plan_with_two_periods_scores_each_period_by_its_own_values_and_targets() {
    let plan = parse(TWO_PERIODS);
    assert!(
        validate::validate(&plan).is_empty(),
        "{:?}",
        validate::validate(&plan)
    );
    // Year end: s1 72 of >= 80 → 90 %; s2 4 <= 5 → 100 %; strategic 0.6·90 + 0.4·100 = 94.
    // o1 90 of >= 90 → 100 %; o2 5 of >= 10 → 50 %; operational 0.6·100 + 0.4·50 = 80.
    let year = Scores::compute(&plan);
    assert_eq!(year.shown.strategic, Some(dec!(94.00)));
    assert_eq!(year.shown.operational, Some(dec!(80.00)));
    // 30 June: s1 30 of its own >= 40 → 75 %; s2 8 against the year's <= 5 → 5/8 = 62.5 %;
    // strategic 0.6·75 + 0.4·62.5 = 70. o1 45 of >= 90 → 50 %; o2 has no value at 30 June:
    // pending, left out, so the operational score is o1's objective alone: 50 %.
    let june = Scores::compute_at(&plan, Some("30 giugno"));
    assert_eq!(june.shown.strategic, Some(dec!(70.00)));
    assert_eq!(june.shown.operational, Some(dec!(50.00)));
    assert!(
        june.outcome(plan.find_indicator("o2").unwrap())
            .is_pending()
    );
    // Naming the final period is the year's values.
    assert_eq!(Scores::compute_at(&plan, Some("Consuntivo")), year);
    // The summary says which period it is of, and shows that period's values and notes.
    let s = Summary::at_period(&plan, Some("30 giugno"), Lang::It);
    assert_eq!(
        s.period.as_ref().map(|p| p.name.as_str()),
        Some("30 giugno")
    );
    let o1 = &s.perspectives[0].objectives[0].operational[0].indicators[0];
    assert_eq!(
        (o1.result_text.as_str(), o1.note.as_deref()),
        ("45 %", Some("half year"))
    );
    let s1 = &s.perspectives[0].objectives[0].operational[0].strategic_indicators[0];
    assert_eq!(s1.target, ">= 40");
}

#[test]
fn score_and_export_take_a_period_and_refuse_one_the_plan_does_not_have() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, TWO_PERIODS).unwrap();
    let p = path.to_str().unwrap();
    let out = perfplan(&["score", p, "--period", "30 giugno"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Periodo: 30 giugno (30/06/2022)"), "{text}");
    assert!(
        text.contains("strategico 70,00 %") && text.contains("operativo 50,00 %"),
        "{text}"
    );
    let out = perfplan(&["score", p]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Periodo: Consuntivo (31/12/2022)"), "{text}");
    assert!(text.contains("strategico 94,00 %"), "{text}");
    let out = perfplan(&["score", p, "--json", "--period", "30 giugno"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["period"]["name"], "30 giugno");
    assert_eq!(json["period"]["date"], "2022-06-30");
    let out = perfplan(&["score", p, "--period", "31 marzo"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("non ha il periodo \"31 marzo\"")
            && err.contains("\"30 giugno\", \"Consuntivo\""),
        "{err}"
    );
    let html = dir.path().join("p.html");
    let out = perfplan(&[
        "export",
        p,
        "-f",
        "html",
        "--period",
        "30 giugno",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("Periodo: 30 giugno (30/06/2022)"), "{html}");
    // A plan without periods has none to name.
    let out = perfplan(&["score", SEED, "--period", "30 giugno"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("non ha periodi di monitoraggio")
    );
}

#[test]
fn switching_periods_in_the_app_shows_the_other_figures_and_typing_writes_to_the_period() {
    let mut h = Harness::open(COMUNE);
    let original = std::fs::read_to_string(h.path()).unwrap();
    // Year end (the plan's figures, worked in tests/rules.rs): 95,0 % · 79,2 %.
    let header = h.line_with("Strategico");
    assert!(
        header.contains("95,0 %") && header.contains("79,2 %"),
        "{header}"
    );
    assert!(h.screen().contains("Periodo: Consuntivo (2/2)"));
    h.key(KeyCode::Char(']'));
    assert!(h.screen().contains("Periodo: 30 giugno (1/2)"));
    // 30 June: 1-a 35/44 of >= 95 → 83.73 %; 2-a No of Yes → 0 %; 6.1-s1 70 of >= 80 →
    // 87.5 %; the other strategic objectives have nothing measured. Equal weights:
    // (83.73 + 0 + 87.5) / 3 = 57.08 → 57,1. Operational: 3.1-o1 1890 of its own >= 2000
    // → 94.5 %, alone measured.
    let header = h.line_with("Strategico");
    assert!(
        header.contains("57,1 %") && header.contains("94,5 %"),
        "{header}"
    );
    let row = h.line_with("3.1-o1");
    assert!(
        row.contains("1.890") && row.contains(">= 2.000") && row.contains("94,5 %"),
        "{row}"
    );
    // A result typed now is the period's: 3.1-o2 had none at 30 June.
    h.set_result("3.1-o2", "5");
    let path = h.app.plan.find_indicator("3.1-o2").unwrap();
    let ind = h.app.plan.indicator(path).clone();
    assert_eq!(
        ind.result,
        Some(Value::Number(dec!(9))),
        "the year's result stays"
    );
    assert_eq!(
        ind.periods.get("30 giugno").and_then(|v| v.result),
        Some(Value::Number(dec!(5)))
    );
    // 5 of >= 12 → 41.67 %, shown to one decimal: 41,7.
    assert!(h.line_with("3.1-o2").contains("41,7 %"));
    // Saved: only that indicator's text changes, with the period's value added.
    h.ctrl('s');
    let saved = std::fs::read_to_string(h.path()).unwrap();
    assert!(
        saved.contains(r#"periods: {"30 giugno": (result: 5)},"#),
        "{saved}"
    );
    let added: Vec<&str> = saved
        .lines()
        .filter(|l| !original.lines().any(|o| o == *l))
        .collect();
    assert_eq!(added.len(), 1, "{added:?}");
    assert_eq!(load(h.path().to_str().unwrap()), h.app.plan);
    // Back to the year: its figures again.
    h.key(KeyCode::Char('['));
    assert!(h.screen().contains("Periodo: Consuntivo (2/2)"));
    assert!(h.line_with("3.1-o2").contains(" 9 "));
    // Undo takes the period's value back, whichever period is shown.
    h.key(KeyCode::Char('u'));
    let ind = h.app.plan.indicator(path).clone();
    assert!(ind.periods.is_empty(), "{:?}", ind.periods);
}

#[test]
fn the_detail_pane_shows_the_values_across_periods_with_the_target_line() {
    let mut h = Harness::open(COMUNE);
    h.resize(120, 60);
    h.go_to("3.1-o1");
    let screen = h.screen();
    assert!(screen.contains("Andamento"), "{screen}");
    // 30 June: 1890 against its own >= 2000 at 94,5 %; year end 4213 against >= 4000.
    // The bars share one scale, the largest figure (4213) filling 16 cells: 1890 fills
    // 16 × 1890 / 4213 = 7.2 → 7, its target 2000 is marked at 7.6 → cell 8; 4213 fills
    // all 16, its target 4000 at 15.2 → cell 15.
    let june = h.line_with("30 giugno   ");
    assert!(june.contains("1.890 ███████ │         94,5 %"), "{june}");
    let year = h.line_with("Consuntivo  ");
    assert!(year.contains("4.213 ███████████████│  100,0 %"), "{year}");
    assert!(screen.contains("Rimodulato"), "{screen}");
    assert!(screen.contains("era >= 4.500"), "{screen}");
}

#[test]
fn a_target_changed_in_the_app_keeps_the_original_with_its_date_and_reason() {
    let mut h = Harness::open(COMUNE);
    h.go_to("3.2-o1");
    let path = h.app.tree.selected().unwrap();
    let perfplan::plan::NodePath::Indicator(path) = path else {
        panic!("not an indicator")
    };
    h.key(KeyCode::Char('t'));
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.field == EditField::Target));
    h.ctrl('u');
    // A number alone keeps the comparison: >= 98 % becomes >= 97 %.
    h.type_text("97");
    h.key(KeyCode::Enter);
    // The day of the change: within the plan's year, the year's last day unless today is
    // in it; the Giunta's date typed over it.
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.field == EditField::TargetDate));
    let proposed = match &h.app.mode {
        Mode::Edit(e) => e.input.text(),
        _ => unreachable!(),
    };
    assert_eq!(proposed, "31/12/2022");
    h.ctrl('u');
    h.type_text("15/07/2022");
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.field == EditField::TargetReason));
    // The reason is required.
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.error.is_some()));
    h.type_text("Nuove regole ministeriali");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.mode, Mode::Normal));
    let ind = h.app.plan.indicator(path).clone();
    assert_eq!(ind.target, Target::AtLeast(dec!(97).into()));
    assert_eq!(ind.target_changes.len(), 1);
    let c = &ind.target_changes[0];
    assert_eq!(c.from, Target::AtLeast(dec!(98).into()));
    assert_eq!(c.reason, "Nuove regole ministeriali");
    assert_eq!(c.date.to_string(), "2022-07-15");
    // Scoring uses the current target: 1530/1554 = 98.456 % of >= 97 → met, 100 %.
    assert_eq!(h.app.scores.shown(path), Some(dec!(100.0)));
    // Saved and read back as it is; the exports report it as the Relazione does.
    h.ctrl('s');
    let back = load(h.path().to_str().unwrap());
    assert_eq!(back.indicator(path), &ind);
    let s = Summary::at_period(&back, None, Lang::It);
    let row = s.perspectives[0].objectives[2].operational[1].indicators[0].note_with_reason(&s);
    assert_eq!(
        row,
        "target rimodulato il 15/07/2022 (era >= 98 %): Nuove regole ministeriali"
    );
    // A target the unit cannot be scored against is refused under the field: a count's
    // target must be whole.
    h.go_to("3.1-o2");
    h.key(KeyCode::Char('t'));
    h.ctrl('u');
    h.type_text("2,5");
    h.key(KeyCode::Enter);
    assert!(
        matches!(&h.app.mode, Mode::Edit(e) if e.field == EditField::Target && e.error.is_some())
    );
    h.key(KeyCode::Esc);
    h.go_to("3.2-o1");
    // One undo takes back the target and its record together.
    h.key(KeyCode::Char('u'));
    let ind = h.app.plan.indicator(path);
    assert_eq!(ind.target, Target::AtLeast(dec!(98).into()));
    assert!(ind.target_changes.is_empty());
    // A typed target the unit cannot have is refused, saying how to write one.
    h.key(KeyCode::Char('t'));
    h.ctrl('u');
    h.type_text("sì");
    h.key(KeyCode::Enter);
    let err = h.screen();
    assert!(err.contains("non è un target"), "{err}");
}

#[test]
fn period_and_target_changes_survive_a_crash_through_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(COMUNE, &path).unwrap();
    let dirs = common::dirs_in(dir.path());
    let mut d = perfplan::driver::Driver::open(&path, Some(dirs.clone())).unwrap();
    d.key(KeyCode::Char(']'));
    d.set_result("6.1-o1", "4");
    d.go_to("6.1-o1");
    d.key(KeyCode::Char('t'));
    d.ctrl('u');
    d.type_text(">= 11");
    d.key(KeyCode::Enter);
    d.key(KeyCode::Enter);
    d.type_text("motivo");
    d.key(KeyCode::Enter);
    let expected = d.app.plan.clone();
    // Gone without saving (the journal stays, as after a crash): the next open offers
    // its changes.
    drop(d);
    let mut d = perfplan::driver::Driver::open(&path, Some(dirs)).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }), "{}", d.screen());
    d.key(KeyCode::Enter);
    assert_eq!(d.app.plan, expected);
}

#[test]
fn validation_names_what_is_wrong_with_periods_and_target_changes() {
    let text = TWO_PERIODS
        .replace(r#"(name: "Consuntivo", date: "2022-12-31")"#, r#"(name: "Consuntivo", date: "2022-05-31")"#)
        .replace(r#"periods: {"30 giugno": (result: 8)}"#, r#"periods: {"31 marzo": (result: 8)}"#)
        .replace(
            "result: 5)])])])])",
            r#"result: 5, target_changes: [(from: AtLeast(12), date: "2022-07-01", reason: " ")])])])])])"#,
        );
    let plan = parse(&text);
    let errors: Vec<String> = validate::validate(&plan)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.say(Lang::It))
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("\"Consuntivo\" (31/05/2022) non viene dopo")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("indicatore s2")
                && e.contains("\"31 marzo\", che il piano non elenca")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("indicatore o2") && e.contains("non ha motivazione")),
        "{errors:?}"
    );
    // A period's wrong value is named with its period.
    let text = TWO_PERIODS.replace(r#"(result: 30, target: AtLeast(40))"#, r#"(result: 30.5)"#);
    let found = validate::validate(&parse(&text));
    assert!(
        found.iter().any(
            |f| matches!(&f.kind, FindingKind::AtPeriod { name, .. } if name == "30 giugno")
                && f.say(Lang::It).contains("al periodo \"30 giugno\"")
        ),
        "{found:?}"
    );
    // The final period's values are the indicator's own, not among its periods.
    let text = TWO_PERIODS.replace(
        r#"periods: {"30 giugno": (result: 8)}"#,
        r#"periods: {"Consuntivo": (result: 8)}"#,
    );
    let found = validate::validate(&parse(&text));
    assert!(
        found
            .iter()
            .any(|f| matches!(&f.kind, FindingKind::FinalPeriodValues { .. })),
        "{found:?}"
    );
}

#[test]
fn the_seed_rolls_over_to_a_valid_2018_plan_that_opens_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("piano-2018.ron");
    let run = perfplan(&[
        "rollover",
        SEED,
        "--year",
        "2018",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let old = load(SEED);
    let new = load(out.to_str().unwrap());
    assert_eq!(new.year, 2018);
    assert!(
        validate::validate(&new)
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
    assert_eq!(new.indicator_count(), old.indicator_count());
    for ((pa, a), (pb, b)) in old.indicators().zip(new.indicators()) {
        // Same place, id, unit and target (deadlines a year later); last year's result as
        // the baseline; nothing of 2017's results, notes or overrides.
        assert_eq!((pa, &a.id, &a.unit), (pb, &b.id, &b.unit));
        match (&a.target, &b.target) {
            (Target::Deadline(x), Target::Deadline(y)) => {
                assert_eq!(*y, perfplan::rollover::shift_date(*x, 1));
                assert_eq!(y.format("%Y").to_string(), "2018");
            }
            (x, y) => assert_eq!(x, y),
        }
        assert_eq!(b.baseline, a.result, "{}", a.id);
        assert!(b.result.is_none() && b.note.is_none() && b.realization_override.is_none());
    }
    // The same weights: the objectives' weights are written as they were.
    for (pa, pb) in old.perspectives.iter().zip(&new.perspectives) {
        for (sa, sb) in pa.objectives.iter().zip(&pb.objectives) {
            assert_eq!((&sa.code, sa.weight), (&sb.code, sb.weight));
        }
    }
    // Every indicator is pending: no score yet.
    let scores = Scores::compute(&new);
    assert_eq!(scores.indicator_counts().measured, 0);
    // The comments of the seed are kept.
    let text = std::fs::read_to_string(&out).unwrap();
    let seed_text = std::fs::read_to_string(SEED).unwrap();
    for comment in seed_text
        .lines()
        .filter(|l| l.trim_start().starts_with("//"))
    {
        assert!(text.contains(comment), "lost: {comment}");
    }
    // It opens at once.
    let mut d = perfplan::driver::Driver::open(&out, Some(common::dirs_in(dir.path()))).unwrap();
    assert!(matches!(d.app.mode, Mode::Normal));
    assert!(d.screen().contains("2018"));
    // A rollover never writes over a file, nor goes back in time.
    let again = perfplan(&[
        "rollover",
        SEED,
        "--year",
        "2018",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("esiste già")
    );
    let back = perfplan(&[
        "rollover",
        SEED,
        "--year",
        "2017",
        "-o",
        dir.path().join("x.ron").to_str().unwrap(),
    ]);
    assert_eq!(back.status.code(), Some(1));
}

#[test]
fn a_rollover_takes_the_latest_period_result_when_the_year_has_none_and_moves_the_periods() {
    let text = TWO_PERIODS.replace("result: 5)])])])])", "note: \"n\")])])])])");
    let plan = parse(&text);
    let next = perfplan::rollover::rollover(&plan, 2023);
    assert_eq!(next.title, "Piano 2023");
    assert_eq!(next.periods[0].date.to_string(), "2023-06-30");
    let o1 = next.indicator(next.find_indicator("o1").unwrap());
    assert_eq!(o1.baseline, Some(Value::Number(Decimal::from(90))));
    assert!(o1.periods.is_empty() && o1.note.is_none());
    // o2 had no result at all: no baseline.
    let o2 = next.indicator(next.find_indicator("o2").unwrap());
    assert_eq!(o2.baseline, None);
    // s1 at 30 June only (its year-end result removed): that is its last result.
    let text = TWO_PERIODS.replace("result: 72,\n", "");
    let next = perfplan::rollover::rollover(&parse(&text), 2023);
    let s1 = next.indicator(next.find_indicator("s1").unwrap());
    assert_eq!(s1.baseline, Some(Value::Number(dec!(30))));
    // The text of a rollover reads back as the plan.
    let written = perfplan::store::patch_whole(&text, &next).unwrap();
    assert_eq!(parse(&written), next);
}

#[test]
fn switching_period_is_an_action_a_plan_without_periods_explains() {
    let mut h = Harness::seed();
    h.act(Action::NextPeriod);
    let status = h.app.status_text();
    assert!(
        status.contains("non ha periodi di monitoraggio"),
        "{status}"
    );
}

#[test]
fn the_exports_list_the_targets_changed_and_show_every_period_side_by_side() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use perfplan::export::{self, Format};
    let plan = load(COMUNE);
    let s = Summary::at_period(&plan, None, Lang::It);
    assert_eq!(s.target_changes.len(), 1);
    let c = &s.target_changes[0];
    assert_eq!(
        (
            c.id.as_str(),
            c.from.as_str(),
            c.to.as_str(),
            c.date.to_string().as_str()
        ),
        ("3.1-o1", ">= 4.500", ">= 4.000", "2022-07-14")
    );
    let opts = export::Options::for_locale(
        plan.locale,
        chrono::NaiveDate::from_ymd_opt(2023, 1, 31).unwrap(),
    );
    let html = String::from_utf8(export::render(&s, Format::Html, &opts).unwrap()).unwrap();
    assert!(
        html.contains("<h2>Target rimodulati nel corso dell&#39;anno</h2>"),
        "{html}"
    );
    assert!(html.contains("<td class=\"num\">&gt;= 4.500</td><td class=\"num\">&gt;= 4.000</td><td>14/07/2022</td>"), "{html}");
    assert!(html.contains("<th colspan=\"3\">30 giugno (30/06/2022)</th><th colspan=\"3\">Consuntivo (31/12/2022)</th>"), "{html}");
    let md = String::from_utf8(export::render(&s, Format::Md, &opts).unwrap()).unwrap();
    assert!(md.contains("| 3.1-o1 | Carte d'identità rilasciate |  | 1.890 | >= 2.000 | 94,5 % | 4.213 | >= 4.000 | 100,0 % |"), "{md}");
    let bytes = export::render(&s, Format::Xlsx, &opts).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let periods = wb.worksheet_range("Periodi").unwrap();
    let row: Vec<String> = periods
        .rows()
        .find(|r| r.first() == Some(&Data::String("3.1-o1".into())))
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    // Id, description, baseline, then (result, target, realization) at 30 June and at year end.
    // Results are numbers, as in the other sheets.
    assert_eq!(&row[3..5], ["1890", ">= 2.000"]);
    assert_eq!(row[5], "0.945");
    assert_eq!(&row[6..8], ["4213", ">= 4.000"]);
    assert_eq!(row[8], "1");
    // Where there is no realization, the table says why.
    let na: Vec<String> = periods
        .rows()
        .find(|r| r.first() == Some(&Data::String("3.2-o2".into())))
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        (na[5].as_str(), na[8].as_str()),
        ("non valutabile", "non valutabile")
    );
    let pending: Vec<String> = periods
        .rows()
        .find(|r| r.first() == Some(&Data::String("1-b".into())))
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(pending[5], "in attesa");
    let summary = wb.worksheet_range("Riepilogo").unwrap();
    assert!(summary.rows().any(|r| {
        r.iter()
            .any(|c| *c == Data::String("Target rimodulati nel corso dell'anno".into()))
    }));
}

#[test]
fn a_restore_names_the_period_and_leaves_out_values_of_a_period_gone_from_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(COMUNE, &path).unwrap();
    let dirs = common::dirs_in(dir.path());
    let mut d = perfplan::driver::Driver::open(&path, Some(dirs.clone())).unwrap();
    d.key(KeyCode::Char(']'));
    d.set_result("1-b", "81");
    drop(d);
    // The period renamed in the file meanwhile: the value has nowhere to go.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"30 giugno\"", "\"Semestre\"")).unwrap();
    let mut d = perfplan::driver::Driver::open(&path, Some(dirs.clone())).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    let r = d.app.recovery.clone().unwrap();
    assert_eq!(r.gone_periods, ["30 giugno"]);
    assert!(r.apply.is_empty() && r.conflicts.is_empty());
    assert_eq!(r.left_out.len(), 1);
    let screen = d.screen();
    assert!(
        screen.contains("Periodi di monitoraggio non più presenti nel piano"),
        "{screen}"
    );
    let lines = r.left_out_lines();
    assert_eq!(
        lines,
        "1-b · periods[\"30 giugno\"].result: AtLeast(95)\n".replace("AtLeast(95)", "81")
    );
    drop(d);

    // A conflict on a period's value names the period.
    std::fs::write(&path, &text).unwrap();
    let _ = std::fs::remove_dir_all(dir.path().join("data"));
    let mut d = perfplan::driver::Driver::open(&path, Some(dirs.clone())).unwrap();
    d.key(KeyCode::Char(']'));
    d.set_result("6.1-s1", "72");
    drop(d);
    std::fs::write(
        &path,
        text.replace(
            r#"periods: {"30 giugno": (result: 70)},"#,
            r#"periods: {"30 giugno": (result: 71)},"#,
        ),
    )
    .unwrap();
    let d = perfplan::driver::Driver::open(&path, Some(dirs)).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    let rows = d.app.restore_conflict_lines();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0]
            .1
            .starts_with("6.1-s1 (30 giugno) · risultato: file 71 % · tuo 72 %"),
        "{rows:?}"
    );
}

#[test]
fn undo_shows_the_period_it_changes_and_the_filter_of_overrides_is_the_periods() {
    let mut h = Harness::open(COMUNE);
    h.key(KeyCode::Char(']'));
    h.set_result("1-b", "88");
    h.key(KeyCode::Char('['));
    assert_eq!(h.app.scores.period(), None);
    h.key(KeyCode::Char('u'));
    // Undone where it can be seen: at 30 June.
    assert_eq!(h.app.scores.period(), Some("30 giugno"));
    let path = h.app.plan.find_indicator("1-b").unwrap();
    assert!(h.app.plan.indicator(path).periods.is_empty());
    // An override at year end is not one at 30 June.
    h.key(KeyCode::Char('['));
    h.go_to("6.1-o2");
    h.key(KeyCode::Char('o'));
    h.ctrl('u');
    h.type_text("40");
    h.key(KeyCode::Enter);
    h.type_text("parziale");
    h.key(KeyCode::Enter);
    let overridden = |h: &mut Harness| {
        perfplan::app::tree::Filter::Overridden.admits(
            &h.app.plan,
            &h.app.scores,
            h.app.plan.find_indicator("6.1-o2").unwrap(),
        )
    };
    assert!(overridden(&mut h));
    h.key(KeyCode::Char(']'));
    assert!(!overridden(&mut h));
}

#[test]
fn a_rollover_keeps_intermediate_targets_the_periods_layout_and_a_baseline_the_year_left() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("comune.ron");
    let text = std::fs::read_to_string(COMUNE)
        .unwrap()
        .replace(
            "Relazione sulla Performance 2022 — obiettivi strategici e operativi",
            "Piano della Performance 2022-2024",
        )
        .replace(
            "target: AtLeast(300),\n",
            "target: AtLeast(300),\n                                    baseline: 250,\n",
        );
    std::fs::write(&src, &text).unwrap();
    let out = perfplan(&[
        "rollover",
        src.to_str().unwrap(),
        "--year",
        "2023",
        "-o",
        "-",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let new_text = String::from_utf8(out.stdout).unwrap();
    let next = parse(&new_text);
    assert_eq!(next.title, "Piano della Performance 2023-2025");
    // The periods list keeps its lines and its comments; only the dates move.
    assert!(new_text.contains("    periods: [\n        (name: \"30 giugno\", date: \"2023-06-30\"),\n        (name: \"Consuntivo\", date: \"2023-12-31\"),\n    ],"), "{new_text}");
    assert!(new_text.contains("// Monitored at 30 June and at year end."));
    // 3.1-o1's intermediate target stays, its value goes.
    let o1 = next.indicator(next.find_indicator("3.1-o1").unwrap());
    let june = o1.periods.get("30 giugno").unwrap();
    assert_eq!(june.target, Some(Target::AtLeast(dec!(2000).into())));
    assert_eq!(june.result, None);
    // 3.2-o2 was not assessable, with a baseline and no result: the baseline stays.
    let o2 = next.indicator(next.find_indicator("3.2-o2").unwrap());
    assert_eq!(o2.baseline, Some(Value::Number(dec!(250))));
    assert!(o2.not_assessable.is_none());
    assert!(
        validate::validate(&next)
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
}

#[test]
fn a_plans_errors_mark_an_export_at_a_period_as_a_draft() {
    // A date on a count at year end: an error of the plan, whatever the period exported.
    let text = TWO_PERIODS.replace("result: 5)])])])])", "result: \"2022-05-01\")])])])])");
    let plan = parse(&text);
    let s = Summary::at_period(&plan, Some("30 giugno"), Lang::It);
    assert_eq!(s.errors.len(), 1, "{:?}", s.errors);
    // A period's values written twice, and a target change whose target before does not
    // go with the unit, are findings.
    let text = TWO_PERIODS
        .replace(
            r#"periods: {"30 giugno": (result: 8)}"#,
            r#"periods: {"30 giugno": (result: 8), "30 giugno": (result: 9)}"#,
        )
        .replace(
            "result: 5)])])])])",
            r#"result: 5, target_changes: [(from: Deadline("2022-01-01"), date: "2022-07-01", reason: "r")])])])])])"#,
        );
    let found: Vec<String> = validate::validate(&parse(&text))
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.say(Lang::It))
        .collect();
    assert!(
        found
            .iter()
            .any(|f| f.contains("i valori del periodo \"30 giugno\" sono scritti due volte")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("il target prima della rimodulazione")),
        "{found:?}"
    );
}

#[test]
fn a_rollover_renames_periods_named_by_their_year_and_moves_their_deadlines() {
    let text = r#"Plan(title: "Piano 2017", organization: "O", year: 2017, locale: "it",
  periods: [(name: "I semestre 2017", date: "2017-06-30"), (name: "Consuntivo 2017", date: "2017-12-31")],
  perspectives: [Perspective(name: "P", objectives: [
    StrategicObjective(code: "1", title: "A", weight: 100, operational: [
      OperationalObjective(code: "1.1", title: "a", weight: 100, indicators: [
        Indicator(
            id: "d",
            description: "Regolamento adottato",
            unit: Date,
            target: Deadline("2017-11-30"),
            result: "2017-11-20",
            periods: {
                // the half-year milestone
                "I semestre 2017": (target: Deadline("2017-06-30"), result: "2017-06-15"),
            },
        ),
        Indicator(id: "c", description: "d", unit: Count, target: AtLeast(10), result: 12,
            periods: {"I semestre 2017": (target: AtLeast(4))}),
      ])])])])"#;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("p.ron");
    std::fs::write(&src, text).unwrap();
    let out = perfplan(&[
        "rollover",
        src.to_str().unwrap(),
        "--year",
        "2018",
        "-o",
        "-",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = String::from_utf8(out.stdout).unwrap();
    let next = parse(&written);
    assert_eq!(next.periods[0].name, "I semestre 2018");
    let d = next.indicator(next.find_indicator("d").unwrap());
    assert_eq!(
        d.target,
        Target::Deadline(chrono::NaiveDate::from_ymd_opt(2018, 11, 30).unwrap())
    );
    let half = d.periods.get("I semestre 2018").unwrap();
    assert_eq!(
        half.target,
        Some(Target::Deadline(
            chrono::NaiveDate::from_ymd_opt(2018, 6, 30).unwrap()
        ))
    );
    assert_eq!(half.result, None);
    assert_eq!(
        d.baseline,
        Some(Value::Date(
            chrono::NaiveDate::from_ymd_opt(2017, 11, 20).unwrap()
        ))
    );
    let c = next.indicator(next.find_indicator("c").unwrap());
    assert_eq!(
        c.periods.get("I semestre 2018").unwrap().target,
        Some(Target::AtLeast(dec!(4).into()))
    );
    assert!(
        validate::validate(&next)
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
}

#[test]
fn a_period_written_twice_is_saved_in_place_with_its_comments() {
    let text = r#"Plan(title: "T", organization: "O", year: 2022, locale: "it",
  periods: [(name: "30 giugno", date: "2022-06-30"), (name: "Fine", date: "2022-12-31")],
  perspectives: [Perspective(name: "P", objectives: [
    StrategicObjective(code: "1", title: "A", weight: 100, operational: [
      OperationalObjective(code: "1.1", title: "a", weight: 100, indicators: [
        Indicator(
            id: "c",
            description: "d",
            unit: Count,
            target: AtLeast(10),
            periods: {
                // commento importante
                "30 giugno": (result: 3),
                "30 giugno": (note: "second"),
            },
        ),
      ])])])])"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, text).unwrap();
    let mut d = perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap();
    d.key(KeyCode::Char(']'));
    d.set_result("c", "4");
    d.ctrl('s');
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        text.replace(
            r#""30 giugno": (result: 3),"#,
            r#""30 giugno": (result: 4),"#
        )
    );
}
