//! The rules real bodies use, each with worked figures: bands, yes/no indicators, ratio
//! results, results written as bounds, indicators not assessable, the body's precision,
//! equal weights and strategic objectives measured by indicators of their own.
//!
//! Every expected figure below is worked by hand in the comment beside it, from the rule
//! as plans/README.md states it.

use std::path::Path;

use perfplan::app::{EditField, Mode};
use perfplan::export::{self, Format};
use perfplan::lang::{Lang, Say};
use perfplan::plan::{Bound, Plan, Value};
use perfplan::score::{Outcome, Scores};
use perfplan::summary::Summary;
use perfplan::validate::{self, FindingKind, Severity};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

mod common;

use common::Harness;

fn parse(text: &str) -> Plan {
    perfplan::store::parse(Path::new("plan.ron"), text)
        .unwrap_or_else(|e| panic!("{}\n{text}", e.say(Lang::En)))
}

/// A one-perspective plan around `objectives` (RON text of strategic objectives).
fn plan_text(head: &str, objectives: &str) -> String {
    format!(
        "Plan(title: \"T\", organization: \"O\", year: 2022, locale: \"it\", {head}
          perspectives: [Perspective(name: \"P\", objectives: [{objectives}])])"
    )
}

/// One strategic objective of weight 100 with one operational objective of weight 100
/// holding `strategic` and `operational` indicators.
fn one_objective(strategic: &str, operational: &str) -> String {
    format!(
        "StrategicObjective(code: \"1\", title: \"S\", weight: 100, operational: [
           OperationalObjective(code: \"1.1\", title: \"O\", weight: 100,
             strategic_indicators: [{strategic}], indicators: [{operational}])])"
    )
}

fn shown(plan: &Plan, scores: &Scores, id: &str) -> Option<Decimal> {
    scores.shown(plan.find_indicator(id).unwrap())
}

/// A strategic objective of `weight` measured by one count of its own, met.
fn counted_objective(code: &str, weight: &str) -> String {
    format!(
        "StrategicObjective(code: \"{code}\", title: \"S\", weight: {weight}, indicators: [
           Indicator(id: \"{code}\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)]),"
    )
}

/// A plan file in a temporary folder, opened in the app.
fn open(text: &str) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, text).unwrap();
    let driver = perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap();
    Harness { driver, dir }
}

fn result(h: &Harness, id: &str) -> Option<Value> {
    let p = h.app.plan.find_indicator(id).unwrap();
    h.app.plan.indicator(p).result
}

fn csv(plan: &Plan) -> String {
    let summary = Summary::build(plan, &Scores::compute(plan), Lang::It);
    let opts = export::Options::for_locale(
        plan.locale,
        chrono::NaiveDate::from_ymd_opt(2023, 5, 25).unwrap(),
    );
    String::from_utf8(export::render(&summary, Format::Csv, &opts).unwrap()).unwrap()
}

fn json(plan: &Plan) -> serde_json::Value {
    perfplan::report::json(&Summary::build(plan, &Scores::compute(plan), Lang::It))
}

const THE_0_70_90_SCALE: &str = "scoring: Bands(bands: [
    (from: 0, to: 70, score: Fixed(0)),
    (from: 70, to: 90, score: Linear(70, 90)),
    (from: 90, to: 100, score: Fixed(100)),
  ]),";

#[test]
fn a_plan_wide_scale_of_bands_scores_every_indicator_that_has_no_rule_of_its_own() {
    let ind = |id: &str, result: &str, scoring: &str| {
        format!(
            "Indicator(id: \"{id}\", description: \"d\", unit: Count, target: AtLeast(100), result: {result}{scoring}),"
        )
    };
    let operational = [
        ind("a", "60", ""),  // achievement 60 %: below 70, band 1 gives 0
        ind("b", "80", ""),  // 80 %: band 2, in proportion from 70 to 90: 80
        ind("c", "95", ""),  // 95 %: band 3, 100
        ind("d", "70", ""),  // 70 %: a band's start belongs to it: band 2, 70
        ind("e", "90", ""),  // 90 %: band 3, 100
        ind("f", "120", ""), // met: 100 % achievement, band 3, 100
    ]
    .concat();
    // Its own rule wins over the plan's: 95 against 100 all or nothing is 0.
    let strategic = ind("g", "95", ", scoring: AllOrNothing");
    let plan = parse(&plan_text(
        THE_0_70_90_SCALE,
        &one_objective(&strategic, &operational),
    ));
    assert!(validate::validate(&plan).is_empty());
    let scores = Scores::compute(&plan);
    let got: Vec<_> = ["a", "b", "c", "d", "e", "f", "g"]
        .iter()
        .map(|id| shown(&plan, &scores, id).unwrap())
        .collect();
    assert_eq!(
        got,
        [
            dec!(0),
            dec!(80),
            dec!(100),
            dec!(70),
            dec!(100),
            dec!(100),
            dec!(0)
        ]
    );
    // (0 + 80 + 100 + 70 + 100 + 100) / 6 = 75.
    assert_eq!(
        scores.operational(0, 0, 0).shown.operational,
        Some(dec!(75))
    );
}

#[test]
fn a_points_scale_gives_points_out_of_its_top_and_the_detail_says_how() {
    let scale = "scoring: Bands(out_of: 20, bands: [
        (from: 0, to: 76, score: Fixed(0)),
        (from: 76, to: 90, score: Linear(15, 18)),
        (from: 90, to: 100, score: Fixed(20)),
      ])";
    let ind = |id: &str, result: &str| {
        format!(
            "Indicator(id: \"{id}\", description: \"punti {id}\", unit: Number, target: AtLeast(100), result: {result}, {scale}),"
        )
    };
    let text = plan_text(
        "",
        &one_objective(
            "",
            &[ind("h", "83"), ind("i", "76"), ind("j", "75.9")].concat(),
        ),
    );
    let plan = parse(&text);
    let scores = Scores::compute(&plan);
    // 83 %: band 2, 15 + (83 − 76) × (18 − 15) / (90 − 76) = 16.5 points of 20 = 82.5 %.
    assert_eq!(shown(&plan, &scores, "h"), Some(dec!(82.50)));
    // 76 %: the band's start, 15 points = 75 %; 75.9 %: band 1, 0 points.
    assert_eq!(shown(&plan, &scores, "i"), Some(dec!(75.00)));
    assert_eq!(shown(&plan, &scores, "j"), Some(dec!(0)));
    let mut h = open(&text);
    h.go_to("punti h");
    let s = h.screen();
    assert!(
        s.contains("fascia 2 (76 – 90 %)") && s.contains("16,5 su 20 punti = 82,50 %"),
        "{s}"
    );
}

#[test]
fn a_scale_of_bands_that_cannot_score_is_an_error_that_says_where() {
    let gap = "scoring: Bands(bands: [
        (from: 0, to: 60, score: Fixed(0)),
        (from: 70, to: 100, score: Linear(70, 100)),
      ]),";
    let ind =
        "Indicator(id: \"a\", description: \"d\", unit: Count, target: AtLeast(10), result: 8),";
    let plan = parse(&plan_text(gap, &one_objective("", ind)));
    let findings = validate::validate(&plan);
    let e = findings
        .iter()
        .find(|f| matches!(f.kind, FindingKind::PlanScoring(_)))
        .expect("the plan's scale is reported");
    assert_eq!(e.severity, Severity::Error);
    assert!(
        e.say(Lang::It)
            .contains("la fascia 2 parte da 70 %, ma quella prima finisce a 60 %"),
        "{}",
        e.say(Lang::It)
    );
    // The indicator it would score is left unscored, not scored by another rule.
    let scores = Scores::compute(&plan);
    assert!(matches!(
        scores.outcome(plan.find_indicator("a").unwrap()),
        Outcome::Unscorable(_)
    ));
}

const YES_NO: &str = "
  Indicator(id: \"adottato\", description: \"Regolamento adottato\", unit: YesNo, target: Yes, result: Yes),
  Indicator(id: \"aggiornata\", description: \"Sezione aggiornata\", unit: YesNo, target: Yes, result: No),
  Indicator(id: \"violazioni\", description: \"Violazioni accertate\", unit: YesNo, target: No, result: No),";

#[test]
fn a_yes_no_indicator_is_met_or_not_and_is_typed_as_the_locale_writes_it() {
    let text = plan_text("", &one_objective("", YES_NO));
    let plan = parse(&text);
    assert!(!validate::has_errors(&validate::validate(&plan)));
    let scores = Scores::compute(&plan);
    assert_eq!(shown(&plan, &scores, "adottato"), Some(dec!(100)));
    assert_eq!(shown(&plan, &scores, "aggiornata"), Some(dec!(0)));
    assert_eq!(shown(&plan, &scores, "violazioni"), Some(dec!(100)));

    let mut h = open(&text);
    assert!(h.line_with("adottato").contains("Sì"));
    h.set_result("Sezione aggiornata", "sì");
    assert_eq!(result(&h, "aggiornata"), Some(Value::Bool(true)));
    h.set_result("Sezione aggiornata", "NO");
    assert_eq!(result(&h, "aggiornata"), Some(Value::Bool(false)));
    // Neither: refused under the field, nothing changed.
    h.go_to("Sezione aggiornata");
    h.key(KeyCode::Enter);
    h.type_text("forse");
    h.key(KeyCode::Enter);
    match &h.app.mode {
        Mode::Edit(e) => assert!(e.error.is_some()),
        other => panic!("{other:?}"),
    }
    assert!(h.screen().contains("non è né sì né no"));
    h.key(KeyCode::Esc);
    assert_eq!(result(&h, "aggiornata"), Some(Value::Bool(false)));
    // A yes on a number's unit is an error that says so.
    let wrong = parse(&plan_text(
        "",
        &one_objective(
            "",
            "Indicator(id: \"x\", description: \"d\", unit: Count, target: AtLeast(1), result: Yes),",
        ),
    ));
    let f = validate::validate(&wrong);
    assert!(
        f.iter().any(|f| f.severity == Severity::Error
            && f.say(Lang::It)
                .contains("il risultato è Yes o No, ma l'unità è Count")),
        "{f:?}"
    );
}

#[test]
fn an_english_plan_types_yes_and_no_in_english() {
    let text = plan_text("", &one_objective("", YES_NO)).replace("\"it\"", "\"en\"");
    let mut h = open(&text);
    assert!(h.line_with("adottato").contains("Yes"));
    h.set_result("Sezione aggiornata", "yes");
    assert_eq!(result(&h, "aggiornata"), Some(Value::Bool(true)));
}

const RATIO: &str = "Indicator(id: \"evase\", description: \"Pratiche evase nei termini\", unit: Percent, target: AtLeast(95), result: 1),";

#[test]
fn a_ratio_result_keeps_its_parts_and_is_scored_on_the_exact_quotient() {
    let text = plan_text("", &one_objective("", RATIO));
    let mut h = open(&text);
    h.set_result("Pratiche evase", "79/87,3");
    assert_eq!(
        result(&h, "evase"),
        Some(Value::Ratio {
            numerator: dec!(79),
            denominator: dec!(87.3)
        })
    );
    // 79 / 87.3 = 0.904925…, 90.4925… % of a target of 95 %: 95.2553… %, shown 95,26 %.
    let p = h.app.plan.find_indicator("evase").unwrap();
    assert_eq!(h.app.scores.shown(p), Some(dec!(95.26)));
    assert!(h.line_with("evase").contains("79/87,3"));
    // Saved as written, both parts; read back the same.
    h.ctrl('s');
    let saved = std::fs::read_to_string(h.path()).unwrap();
    assert!(saved.contains("result: Ratio(79, 87.3)"), "{saved}");
    let (back, _) = perfplan::store::load(&h.path()).unwrap();
    assert_eq!(back.indicator(p).result, result(&h, "evase"));
    // Exported with both parts.
    assert!(csv(&back).contains("79/87,3"));
    let j = json(&back);
    let r = &j["perspectives"][0]["objectives"][0]["operational"][0]["indicators"][0]["result"];
    assert_eq!(r["numerator"], serde_json::json!(79));
    assert_eq!(r["denominator"].to_string(), "87.3");
    // English plans type it with a point, spaces allowed.
    let mut h = open(&text.replace("\"it\"", "\"en\""));
    h.set_result("Pratiche evase", "79 / 87.3");
    assert_eq!(
        result(&h, "evase"),
        Some(Value::Ratio {
            numerator: dec!(79),
            denominator: dec!(87.3)
        })
    );
}

#[test]
fn a_ratio_of_a_count_or_over_zero_is_refused_with_a_message() {
    let count = "Indicator(id: \"n\", description: \"Numero pratiche\", unit: Count, target: AtLeast(10), result: 12),";
    let mut h = open(&plan_text(
        "",
        &one_objective("", &format!("{count}{RATIO}")),
    ));
    h.go_to("Numero pratiche");
    h.key(KeyCode::Enter);
    h.type_text("3/4");
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.error.is_some()));
    assert!(h.screen().contains("un rapporto non è un conteggio"));
    h.key(KeyCode::Esc);
    h.go_to("Pratiche evase");
    h.key(KeyCode::Enter);
    h.type_text("5/0");
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.error.is_some()));
    assert!(h.screen().contains("deve essere maggiore di zero"));
}

#[test]
fn a_result_written_as_a_bound_is_scored_where_the_bound_decides_it() {
    let inds = "
      Indicator(id: \"sodd\", description: \"Soddisfazione utenti\", unit: Percent, target: AtLeast(95), result: 90),
      Indicator(id: \"alto\", description: \"Copertura servizio\", unit: Percent, target: AtLeast(96), result: 99),
      Indicator(id: \"reclami\", description: \"Reclami accolti\", unit: Count, target: AtMost(3), result: 3),
      Indicator(id: \"tutto\", description: \"Pratiche digitali\", unit: Percent, target: AtLeast(80), result: 85, scoring: AllOrNothing),";
    let text = plan_text("", &one_objective("", inds));
    let mut h = open(&text);
    // `≥95%` against `>= 95`: whatever the exact value, met.
    h.set_result("Soddisfazione utenti", "≥95%");
    assert_eq!(
        result(&h, "sodd"),
        Some(Value::Bound {
            bound: Bound::AtLeast,
            value: dec!(95)
        })
    );
    assert!(h.line_with("sodd").contains(">= 95 %"));
    let p = |h: &Harness, id| h.app.plan.find_indicator(id).unwrap();
    assert_eq!(h.app.scores.shown(p(&h, "sodd")), Some(dec!(100)));
    // `< = 2` against `<= 3`: met.
    h.set_result("Reclami accolti", "< = 2");
    assert_eq!(h.app.scores.shown(p(&h, "reclami")), Some(dec!(100)));
    // `<= 50` against `>= 80`, all or nothing: missed whatever it is, 0.
    h.set_result("Pratiche digitali", "<= 50");
    assert_eq!(h.app.scores.shown(p(&h, "tutto")), Some(dec!(0)));
    // `>= 95` against `>= 96`: 95.5 would miss, 97 would meet; refused, saying why.
    h.go_to("Copertura servizio");
    h.key(KeyCode::Enter);
    h.type_text(">= 95");
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.error.is_some()));
    assert!(
        h.screen()
            .contains("non basta a calcolare la realizzazione")
    );
    h.key(KeyCode::Esc);
    assert_eq!(result(&h, "alto"), Some(Value::Number(dec!(99))));
    // Written so in the file, the same is an error of the plan, with its place.
    let wrong = parse(&text.replace("result: 99", "result: AtLeast(95)"));
    let f = validate::validate(&wrong);
    assert!(
        f.iter().any(|f| f.severity == Severity::Error
            && f.say(Lang::En).contains("P › 1 › 1.1 › indicator alto")
            && f.say(Lang::En).contains("does not decide the realization")),
        "{f:?}"
    );
}

#[test]
fn a_bound_typed_on_the_tree_starts_the_result() {
    let inds = "Indicator(id: \"sodd\", description: \"Soddisfazione utenti\", unit: Percent, target: AtLeast(95), result: 90),";
    let mut h = open(&plan_text("", &one_objective("", inds)));
    h.go_to("Soddisfazione utenti");
    h.type_text(">= 96");
    h.key(KeyCode::Enter);
    assert_eq!(
        result(&h, "sodd"),
        Some(Value::Bound {
            bound: Bound::AtLeast,
            value: dec!(96)
        })
    );
}

const NOT_ASSESSABLE: &str = "
  Indicator(id: \"pieno\", description: \"Pieno\", unit: Percent, target: AtLeast(80), result: 80),
  Indicator(id: \"meta\", description: \"Meta\", unit: Percent, target: AtLeast(80), result: 40),
  Indicator(id: \"chiuso\", description: \"Sportello chiuso\", unit: Count, target: AtLeast(10), not_assessable: \"Ufficio chiuso per lavori da marzo\"),";

#[test]
fn an_indicator_not_assessable_is_left_out_of_the_means_but_is_not_pending() {
    let text = plan_text("", &one_objective("", NOT_ASSESSABLE));
    let plan = parse(&text);
    assert!(!validate::has_errors(&validate::validate(&plan)));
    let scores = Scores::compute(&plan);
    let oo = scores.operational(0, 0, 0);
    // (100 + 50) / 2 = 75: the third is in neither the sum nor the count.
    assert_eq!(oo.shown.operational, Some(dec!(75)));
    let m = oo.realization();
    assert_eq!((m.measured, m.total, m.not_assessable), (2, 2, 1));
    assert!(!m.is_provisional(), "not assessable is not pending");
    // Listed as such in `score`, the JSON and the exports.
    let summary = Summary::build(&plan, &scores, Lang::It);
    assert!(!summary.is_provisional());
    let text_report = perfplan::report::text(&summary);
    assert!(
        text_report.contains("Non valutabili quest'anno")
            && text_report.contains("chiuso: Ufficio chiuso per lavori da marzo"),
        "{text_report}"
    );
    let j = json(&plan);
    assert_eq!(j["not_assessable"], serde_json::json!(1));
    let ind = &j["perspectives"][0]["objectives"][0]["operational"][0]["indicators"][2];
    assert_eq!(
        ind["not_assessable"],
        serde_json::json!("Ufficio chiuso per lavori da marzo")
    );
    assert_eq!(ind["pending"], serde_json::json!(false));
    let csv = csv(&plan);
    let row = csv.lines().find(|l| l.contains("chiuso")).unwrap();
    assert!(row.contains("non valutabile"), "{row}");
    let opts = export::Options::for_locale(
        plan.locale,
        chrono::NaiveDate::from_ymd_opt(2023, 5, 25).unwrap(),
    );
    for format in [Format::Md, Format::Html] {
        let out = String::from_utf8(export::render(&summary, format, &opts).unwrap()).unwrap();
        assert!(
            out.contains("non valutabile") && out.contains("Ufficio chiuso per lavori da marzo"),
            "{format:?}"
        );
    }
    // A reason is required.
    let wrong = parse(&text.replace("\"Ufficio chiuso per lavori da marzo\"", "\"\""));
    assert!(
        validate::validate(&wrong)
            .iter()
            .any(|f| f.severity == Severity::Error
                && f.say(Lang::It).contains("non valutabile senza motivazione"))
    );
}

#[test]
fn marking_an_indicator_not_assessable_in_the_app_is_one_undoable_change() {
    let mut h = open(&plan_text("", &one_objective("", NOT_ASSESSABLE)));
    h.go_to("Meta");
    h.key(KeyCode::Char('v'));
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.field == EditField::NotAssessableReason));
    h.type_text("Legge regionale cambiata");
    h.key(KeyCode::Enter);
    let p = h.app.plan.find_indicator("meta").unwrap();
    assert_eq!(
        h.app.plan.indicator(p).not_assessable.as_deref(),
        Some("Legge regionale cambiata")
    );
    assert!(matches!(h.app.scores.outcome(p), Outcome::NotAssessable));
    // Only "pieno" is left in the mean: 100.
    assert_eq!(
        h.app.scores.operational(0, 0, 0).shown.operational,
        Some(dec!(100))
    );
    assert!(h.line_with("meta").contains("n.v."));
    assert!(h.screen().contains("2 non valutabili"));
    // Not pending: `p` finds no pending indicator.
    h.key(KeyCode::Char('p'));
    assert!(
        h.app.status_text().contains("Nessun"),
        "{}",
        h.app.status_text()
    );
    // Saved and read back; undone, assessable again.
    h.ctrl('s');
    let saved = std::fs::read_to_string(h.path()).unwrap();
    assert!(saved.contains("not_assessable: \"Legge regionale cambiata\""));
    h.key(KeyCode::Char('u'));
    assert_eq!(h.app.plan.indicator(p).not_assessable, None);
    assert_eq!(
        h.app.scores.operational(0, 0, 0).shown.operational,
        Some(dec!(75))
    );
}

#[test]
fn the_bodys_precision_rounds_figures_half_up_on_their_exact_values() {
    let inds = "
      Indicator(id: \"a\", description: \"d\", unit: Percent, target: AtLeast(100), result: 100),
      Indicator(id: \"b\", description: \"d\", unit: Percent, target: AtLeast(100), result: 93.5),
      Indicator(id: \"c\", description: \"d\", unit: Number, target: AtLeast(3), result: 2),";
    let head = "precision: (indicators: 2, objectives: 1, overall: 1),";
    let plan = parse(&plan_text(head, &one_objective(inds, "")));
    let scores = Scores::compute(&plan);
    // Indicator c: 2 / 3 = 66.666… → 66.67 (two decimals).
    assert_eq!(shown(&plan, &scores, "c"), Some(dec!(66.67)));
    // The objective: (100 + 93.5 + 66.666…) / 3 = 86.722… → 86.7 (one decimal).
    let so = &scores.strategic(0, 0).shown.strategic;
    assert_eq!(so.map(|d| d.to_string()), Some("86.7".into()));
    assert_eq!(
        scores.shown.strategic.map(|d| d.to_string()),
        Some("86.7".into())
    );
    // A tie: (100 + 93.5) / 2 = 96.75 exactly, shown 96.8 to one decimal.
    let tie = parse(&plan_text(
        head,
        &one_objective(
            &inds.replace("result: 2", "result: 2, not_assessable: \"n\""),
            "",
        ),
    ));
    let s = Scores::compute(&tie);
    assert_eq!(
        s.strategic(0, 0).shown.strategic.map(|d| d.to_string()),
        Some("96.8".into())
    );
    // Shown with one decimal everywhere: the app's header and the text report.
    let summary = Summary::build(&tie, &s, Lang::It);
    let report = perfplan::report::text(&summary);
    assert!(report.contains("strategico 96,8 %"), "{report}");
    // Written and read back unchanged.
    let text = perfplan::store::write::plan(&tie);
    assert!(text.contains("precision: (indicators: 2, objectives: 1, overall: 1)"));
    assert_eq!(parse(&text), tie);
}

#[test]
fn six_equal_weights_are_a_sixth_each_exactly_and_add_up_to_a_hundred() {
    // Five objectives fully realized and one at 80.05 %: the mean is 580.05 / 6 = 96.675
    // exactly, a tie, shown 96.68. A weight of 16.67 would give 96.6752… and a warning.
    let so = |i: usize, result: &str| {
        format!(
            "StrategicObjective(code: \"{i}\", title: \"S{i}\", weight: Equal, operational: [
               OperationalObjective(code: \"{i}.1\", title: \"O\", weight: Equal,
                 strategic_indicators: [Indicator(id: \"s{i}\", description: \"d\", unit: Number, target: AtLeast(100), result: {result})],
                 indicators: [Indicator(id: \"o{i}\", description: \"d\", unit: Number, target: AtLeast(100), result: {result})])]),"
        )
    };
    let objectives: String = (1..=6)
        .map(|i| so(i, if i == 6 { "80.05" } else { "100" }))
        .collect();
    let plan = parse(&plan_text("", &objectives));
    assert_eq!(
        validate::validate(&plan),
        vec![],
        "no warning on the weights"
    );
    let scores = Scores::compute(&plan);
    assert_eq!(scores.shown.strategic, Some(dec!(96.68)));
    assert_eq!(scores.shown.operational, Some(dec!(96.68)));
    // Shown as a sixth, rounded: 16,67 in the tree, the detail and the exports.
    let summary = Summary::build(&plan, &scores, Lang::It);
    assert_eq!(summary.perspectives[0].objectives[0].weight, dec!(16.67));
    assert!(summary.perspectives[0].objectives[0].equal_weight);
    assert_eq!(summary.perspectives[0].weight, dec!(100));
}

#[test]
fn equal_weights_share_what_the_written_ones_leave() {
    // 40 written, two Equal: 30 each. Realizations 100, 50, 80: (40·100 + 30·50 + 30·80)
    // / 100 = 79.
    let so = |code: &str, weight: &str, result: &str| {
        format!(
            "StrategicObjective(code: \"{code}\", title: \"S\", weight: {weight}, indicators: [
               Indicator(id: \"{code}\", description: \"d\", unit: Number, target: AtLeast(100), result: {result})]),"
        )
    };
    let plan = parse(&plan_text(
        "",
        &[
            so("1", "40", "100"),
            so("2", "Equal", "50"),
            so("3", "Equal", "80"),
        ]
        .concat(),
    ));
    assert_eq!(validate::validate(&plan), vec![]);
    let scores = Scores::compute(&plan);
    assert_eq!(scores.shown.strategic, Some(dec!(79)));
    // Written weights over the whole leave less than nothing: an error naming the excess.
    let over = parse(&plan_text(
        "",
        &[
            so("1", "70", "100"),
            so("2", "40", "50"),
            so("3", "Equal", "80"),
        ]
        .concat(),
    ));
    let f = validate::validate(&over);
    assert!(
        f.iter().any(|f| f.severity == Severity::Error
            && f.say(Lang::It).contains("superano il loro totale di 10 %")),
        "{f:?}"
    );
}

#[test]
fn a_strategic_objective_measured_by_its_own_indicators_draws_no_warning() {
    let text = plan_text(
        "",
        "StrategicObjective(code: \"1\", title: \"Diretto\", weight: 60, indicators: [
           Indicator(id: \"d1\", description: \"Primo diretto\", unit: Percent, target: AtLeast(80), result: 72),
           Indicator(id: \"d2\", description: \"Secondo diretto\", unit: Percent, target: AtLeast(80), result: 90),
         ]),
         StrategicObjective(code: \"2\", title: \"Misto\", weight: 40, indicators: [
           Indicator(id: \"d3\", description: \"Terzo diretto\", unit: Percent, target: AtLeast(100), result: 50),
         ], operational: [
           OperationalObjective(code: \"2.1\", title: \"O\", weight: 40,
             strategic_indicators: [Indicator(id: \"s1\", description: \"Strategico\", unit: Percent, target: AtLeast(100), result: 100)],
             indicators: [Indicator(id: \"o1\", description: \"Operativo\", unit: Percent, target: AtLeast(100), result: 70)]),
         ]),",
    );
    let plan = parse(&text);
    assert_eq!(validate::validate(&plan), vec![]);
    let scores = Scores::compute(&plan);
    // 1: (90 + 100) / 2 = 95. 2: its own 50 and its operational objective's strategic 100,
    // flat: 75. Overall strategic: (60·95 + 40·75) / 100 = 87.
    assert_eq!(scores.strategic(0, 0).shown.strategic, Some(dec!(95)));
    assert_eq!(scores.strategic(0, 1).shown.strategic, Some(dec!(75)));
    assert_eq!(scores.shown.strategic, Some(dec!(87)));
    // The operational layer has one objective, 2.1: 70.
    assert_eq!(scores.shown.operational, Some(dec!(70)));
    // In the tree, right under their objective; in the JSON, the objective's `indicators`.
    let mut h = open(&text);
    let s = h.screen();
    let diretto = s.lines().position(|l| l.contains("1 Diretto")).unwrap();
    assert!(s.lines().nth(diretto + 1).unwrap().contains("d1"), "{s}");
    let j = json(&plan);
    let so = &j["perspectives"][0]["objectives"][0];
    assert_eq!(so["indicators"][0]["id"], serde_json::json!("d1"));
    assert_eq!(so["operational"], serde_json::json!([]));
    // Edited and saved, only the values change, in place; read back the same.
    h.set_result("Primo diretto", "80");
    h.set_result("Operativo", "75");
    h.ctrl('s');
    let saved = std::fs::read_to_string(h.path()).unwrap();
    let expected =
        text.replacen("result: 72", "result: 80", 1)
            .replacen("result: 70", "result: 75", 1);
    assert_eq!(saved, expected);
}

#[test]
fn every_new_form_is_written_and_read_back_the_same() {
    let text = plan_text(
        &format!("{THE_0_70_90_SCALE} precision: (indicators: 1, objectives: 1, overall: 0),"),
        "StrategicObjective(code: \"1\", title: \"S\", weight: Equal, indicators: [
           Indicator(id: \"a\", description: \"d\", unit: Percent, target: AtLeast(95), result: Ratio(79, 87.3)),
           Indicator(id: \"b\", description: \"d\", unit: Percent, target: AtLeast(95), result: AtLeast(95)),
           Indicator(id: \"c\", description: \"d\", unit: YesNo, target: No, result: No, baseline: Yes),
           Indicator(id: \"d\", description: \"d\", unit: Count, target: AtLeast(3), not_assessable: \"chiuso\",
             scoring: Bands(out_of: 20, bands: [(from: 0, to: 100, score: Linear(0, 20))])),
         ], operational: [
           OperationalObjective(code: \"1.1\", title: \"O\", weight: Equal,
             indicators: [Indicator(id: \"e\", description: \"d\", unit: Number, target: LessThan(3), result: LessThan(2))]),
         ]),
         StrategicObjective(code: \"2\", title: \"S2\", weight: 50, operational: [
           OperationalObjective(code: \"2.1\", title: \"O\", weight: 50,
             strategic_indicators: [Indicator(id: \"f\", description: \"d\", unit: Number, target: AtMost(1), result: 1)],
             indicators: [Indicator(id: \"g\", description: \"d\", unit: Number, target: AtMost(1), result: 1)])]),",
    );
    let plan = parse(&text);
    assert_eq!(validate::validate(&plan), vec![]);
    let canonical = perfplan::store::write::plan(&plan);
    let back = parse(&canonical);
    assert_eq!(back, plan, "{canonical}");
    assert_eq!(perfplan::store::write::plan(&back), canonical);
    // The text-preserving save of an unchanged plan changes nothing.
    assert_eq!(perfplan::store::save::patch(&text, &plan).unwrap(), text);
}

#[test]
fn a_municipal_report_with_every_new_form_gives_every_figure_it_prints() {
    let plan = perfplan::store::load(Path::new("plans/comune-esempio-2022.ron"))
        .unwrap()
        .0;
    assert_eq!(validate::validate(&plan), vec![], "it passes check");
    let scores = Scores::compute(&plan);
    let one = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    // Worked by hand, exact fractions rounded half up to one decimal:
    // 1: (79 / 87.3 / 95 · 10⁴ = 95.2553…, and ≥95 against ≥90: 100) / 2 = 97.6276… → 97.6
    // 2: (Yes: 100, 92) / 2 = 96.0
    // 3: 10 / 12 = 83.333… → 83.3 (its only strategic indicator)
    // 4: 7940312.55 / 9516221.40 = 83.4397…% of 85: 98.1644… → 98.2
    // 5: (−3.5 against <= 0: met; ≥96 against ≥95: met) → 100.0
    // 6: 76 / 80 = 95.0
    let so: Vec<String> = (0..2)
        .flat_map(|p| (0..3).map(move |s| (p, s)))
        .map(|(p, s)| one(scores.strategic(p, s).shown.strategic))
        .collect();
    assert_eq!(so, ["97.6", "96.0", "83.3", "98.2", "100.0", "95.0"]);
    // Operational objectives: 3.1 (100 + 75) / 2 = 87.5; 3.2 1530/1554 = 98.46 % against
    // >= 98: met, 100 (the other not assessable); 4.1 on time: 100; 6.1 (87.5 + 0) / 2 =
    // 43.75 → 43.8.
    let oo = |p, s, o| one(scores.operational(p, s, o).shown.operational);
    assert_eq!(
        [oo(0, 2, 0), oo(0, 2, 1), oo(1, 0, 0), oo(1, 2, 0)],
        ["87.5", "100.0", "100.0", "43.8"]
    );
    // Perspectives, each strategic objective a sixth: (97.6276… + 96 + 83.333…) / 3 =
    // 92.3203… → 92.3; operational, 3.1 and 3.2 a twelfth each: 93.75 → 93.8. Then
    // (98.1644… + 100 + 95) / 3 = 97.7214… → 97.7; (100 + 43.75) / 2 = 71.875 → 71.9.
    let ps = |p: usize| {
        let s = &scores.perspectives[p].shown;
        (one(s.strategic), one(s.operational))
    };
    assert_eq!(ps(0), ("92.3".into(), "93.8".into()));
    assert_eq!(ps(1), ("97.7".into(), "71.9".into()));
    // Overall: the six strategic objectives' mean, 95.0209… → 95.0; operational,
    // (87.5 + 100)/12 + (100 + 43.75)/6 over a half: 79.1666… → 79.2.
    assert_eq!(one(scores.shown.strategic), "95.0");
    assert_eq!(one(scores.shown.operational), "79.2");
    // Indicators to one decimal too: 1-a 95.3.
    assert_eq!(one(shown(&plan, &scores, "1-a")), "95.3");
    // 15 measured of 15, one not assessable: the scores are final.
    let counts = scores.indicator_counts();
    assert_eq!(
        (counts.measured, counts.total, counts.not_assessable),
        (15, 15, 1)
    );
    // The app shows the same digits.
    let mut h = Harness::open("plans/comune-esempio-2022.ron");
    let header = h.line_with("Strategico");
    assert!(
        header.contains("95,0 %") && header.contains("79,2 %"),
        "{header}"
    );
}

#[test]
fn the_spreadsheet_shows_ratios_bounds_and_not_assessable_indicators_as_the_report_does() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let plan = perfplan::store::load(Path::new("plans/comune-esempio-2022.ron"))
        .unwrap()
        .0;
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::It);
    let opts = export::Options::for_locale(
        plan.locale,
        chrono::NaiveDate::from_ymd_opt(2023, 5, 25).unwrap(),
    );
    let bytes = export::render(&summary, Format::Xlsx, &opts).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let row = |range: &calamine::Range<Data>, key: &str| -> Vec<String> {
        range
            .rows()
            .find(|r| r.iter().any(|c| *c == key))
            .unwrap_or_else(|| panic!("no row {key}"))
            .iter()
            .map(|c| c.to_string())
            .collect()
    };
    let strategic = wb.worksheet_range("Obiettivi strategici").unwrap();
    let a = row(&strategic, "1-a");
    assert!(a.contains(&"79/87,3".to_string()), "{a:?}");
    // 95.3 % as a share, at the plan's precision (one decimal).
    assert!(a.contains(&"0.953".to_string()), "{a:?}");
    let b = row(&strategic, "1-b");
    assert!(b.contains(&">= 95 %".to_string()), "{b:?}");
    // A strategic objective's own indicators sit under it, with no operational row.
    let codes: Vec<String> = strategic
        .rows()
        .filter_map(|r| r.get(1).map(|c| c.to_string()))
        .collect();
    let one = codes.iter().position(|c| c == "1").unwrap();
    assert_eq!(codes[one + 1], "1-a");
    let operational = wb.worksheet_range("Obiettivi operativi").unwrap();
    let x = row(&operational, "3.2-o2");
    assert!(x.contains(&"non valutabile".to_string()), "{x:?}");
    assert!(
        !operational
            .rows()
            .any(|r| r.get(1).is_some_and(|c| *c == "1")),
        "no operational row for an objective measured by its own indicators"
    );
}

#[test]
fn an_objective_without_an_operational_layer_shows_a_dash_not_pending() {
    let text = plan_text(
        "",
        "StrategicObjective(code: \"1\", title: \"Diretto\", weight: 100, indicators: [
           Indicator(id: \"d1\", description: \"Primo diretto\", unit: Percent, target: AtLeast(80), result: 72),
         ]),",
    );
    let plan = parse(&text);
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::It);
    let report = perfplan::report::text(&summary);
    assert!(
        report.contains("operativo —") && !report.contains("in attesa"),
        "{report}"
    );
    let opts = export::Options::for_locale(
        plan.locale,
        chrono::NaiveDate::from_ymd_opt(2023, 5, 25).unwrap(),
    );
    let md = String::from_utf8(export::render(&summary, Format::Md, &opts).unwrap()).unwrap();
    assert!(!md.contains("Obiettivi operativi"), "no empty table:\n{md}");
    let mut h = open(&text);
    let header = h.line_with("Strategico");
    assert!(header.trim_end().ends_with("Operativo  —"), "{header}");
    // The detail pane of the objective has no operational line either.
    h.go_to("Diretto");
    let s = h.screen();
    assert!(
        !s.contains("media ponderata dei suoi obiettivi operativi"),
        "{s}"
    );
}

#[test]
fn left_and_right_move_between_an_objective_and_its_own_indicators() {
    let text = plan_text(
        "",
        "StrategicObjective(code: \"1\", title: \"Diretto\", weight: 100, indicators: [
           Indicator(id: \"d1\", description: \"Primo diretto\", unit: Percent, target: AtLeast(80), result: 72),
         ]),",
    );
    let mut h = open(&text);
    h.go_to("Primo diretto");
    let d1 = h.app.tree.selected();
    h.key(KeyCode::Left);
    assert_eq!(
        h.app.tree.selected(),
        Some(perfplan::plan::NodePath::Strategic(0, 0)),
        "← goes up to the objective"
    );
    h.key(KeyCode::Right);
    assert_eq!(
        h.app.tree.selected(),
        d1,
        "→ goes down to its first indicator"
    );
}

#[test]
fn the_csv_keeps_the_reason_and_its_own_decimal_separator_for_ratios() {
    let plan = perfplan::store::load(Path::new("plans/comune-esempio-2022.ron"))
        .unwrap()
        .0;
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::It);
    let mut opts = export::Options::for_locale(
        plan.locale,
        chrono::NaiveDate::from_ymd_opt(2023, 5, 25).unwrap(),
    );
    let csv = |opts: &export::Options| {
        String::from_utf8(export::render(&summary, Format::Csv, opts).unwrap()).unwrap()
    };
    let it = csv(&opts);
    let row = it.lines().find(|l| l.contains("3.2-o2")).unwrap();
    assert!(
        row.contains("non valutabile: Sede chiusa da aprile per lavori di adeguamento sismico"),
        "{row}"
    );
    opts.csv.decimal = '.';
    opts.csv.delimiter = b',';
    let dot = csv(&opts);
    let row = dot.lines().find(|l| l.contains("1-a")).unwrap();
    assert!(row.contains("79/87.3") && row.contains("95.3"), "{row}");
}

#[test]
fn a_baseline_of_a_kind_its_unit_does_not_take_is_an_error() {
    let plan = parse(&plan_text(
        "",
        &one_objective(
            "Indicator(id: \"a\", description: \"d\", unit: Percent, target: AtLeast(90), result: 95, baseline: Yes),",
            "Indicator(id: \"b\", description: \"d\", unit: YesNo, target: Yes, result: Yes, baseline: 5),",
        ),
    ));
    let said: Vec<String> = validate::validate(&plan)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.say(Lang::It))
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("indicatore a") && s.contains("baseline")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.contains("indicatore b") && s.contains("baseline")),
        "{said:?}"
    );
}

#[test]
fn an_equal_share_of_less_than_nothing_names_the_excess_itself() {
    // Six sixths; the first has operational weights 10, 10 and Equal: 20 written against
    // 100/6 = 16.67, an excess of 3.33.
    let so = |i: usize| {
        let ops = if i == 1 {
            "operational: [
               OperationalObjective(code: \"1.1\", title: \"O\", weight: 10, indicators: [Indicator(id: \"o1\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)]),
               OperationalObjective(code: \"1.2\", title: \"O\", weight: 10, indicators: [Indicator(id: \"o2\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)]),
               OperationalObjective(code: \"1.3\", title: \"O\", weight: Equal, indicators: [Indicator(id: \"o3\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)]),
             ]"
                .to_string()
        } else {
            String::new()
        };
        format!(
            "StrategicObjective(code: \"{i}\", title: \"S\", weight: Equal, indicators: [
               Indicator(id: \"s{i}\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)], {ops}),"
        )
    };
    let plan = parse(&plan_text("", &(1..=6).map(so).collect::<String>()));
    let said: Vec<String> = validate::validate(&plan)
        .iter()
        .map(|f| f.say(Lang::It))
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("superano il loro totale di 3,33 %")),
        "{said:?}"
    );
}

#[test]
fn a_long_target_is_shown_whole_where_the_tree_has_room() {
    let text = plan_text(
        "",
        &one_objective(
            "",
            "Indicator(id: \"lungo\", description: \"Pratiche\", unit: Label(\"pratiche evase nei termini\"), target: AtLeast(1000), result: 1200),",
        ),
    );
    let mut h = open(&text);
    let line = h.line_with("lungo");
    assert!(
        line.contains(">= 1.000 pratiche evase nei termini"),
        "{line}"
    );
}

#[test]
fn a_ratio_changed_among_an_objectives_own_indicators_is_saved_in_place() {
    let text = plan_text(
        "",
        "StrategicObjective(code: \"1\", title: \"S\", weight: 100, indicators: [
           Indicator(id: \"a\", description: \"Evase\", unit: Percent, target: AtLeast(95), result: Ratio(79, 87.3)),
           Indicator(id: \"b\", description: \"Sodd\", unit: Percent, target: AtLeast(90), result: AtLeast(95)),
         ]),",
    );
    let mut h = open(&text);
    h.set_result("Evase", "80/90");
    h.set_result("Sodd", "> 96");
    h.ctrl('s');
    let saved = std::fs::read_to_string(h.path()).unwrap();
    assert_eq!(
        saved,
        text.replace("Ratio(79, 87.3)", "Ratio(80, 90)")
            .replace("result: AtLeast(95)", "result: MoreThan(96)")
    );
}

#[test]
fn typing_si_on_a_yes_no_row_types_the_result_and_does_not_save() {
    let text = plan_text("", &one_objective("", YES_NO));
    let mut h = open(&text);
    let before = std::fs::read_to_string(h.path()).unwrap();
    h.go_to("Sezione aggiornata");
    h.type_text("sì");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "aggiornata"), Some(Value::Bool(true)));
    assert_eq!(
        std::fs::read_to_string(h.path()).unwrap(),
        before,
        "`s` on a yes/no row is not save"
    );
    h.go_to("Sezione aggiornata");
    h.type_text("no");
    h.key(KeyCode::Enter);
    assert_eq!(result(&h, "aggiornata"), Some(Value::Bool(false)));
}

#[test]
fn slips_in_a_scale_of_bands_are_errors() {
    let ind =
        "Indicator(id: \"a\", description: \"d\", unit: Count, target: AtLeast(10), result: 8),";
    // Scores that go down: a Linear written the wrong way round.
    let down = "scoring: Bands(bands: [(from: 0, to: 50, score: Fixed(0)), (from: 50, to: 100, score: Linear(90, 70))]),";
    let plan = parse(&plan_text(down, &one_objective("", ind)));
    let f = validate::validate(&plan);
    assert!(
        f.iter()
            .any(|f| f.severity == Severity::Error
                && f.say(Lang::It).contains("la fascia 2 dà meno")),
        "{f:?}"
    );
    // A misspelt field is refused when the file is read, naming it.
    let typo = plan_text(
        "scoring: Bands(out_off: 20, bands: [(from: 0, to: 100, score: Fixed(0))]),",
        &one_objective("", ind),
    );
    let e = perfplan::store::parse(Path::new("plan.ron"), &typo).unwrap_err();
    assert!(e.say(Lang::It).contains("out_off"), "{}", e.say(Lang::It));
}

#[test]
fn a_count_takes_no_fraction_even_as_a_bound_and_an_equal_share_of_nothing_is_said() {
    let mut h = open(&plan_text(
        "",
        &one_objective(
            "",
            "Indicator(id: \"n\", description: \"Numero pratiche\", unit: Count, target: AtLeast(4000), result: 4200),",
        ),
    ));
    h.go_to("Numero pratiche");
    h.key(KeyCode::Enter);
    h.type_text(">= 4000,5");
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.mode, Mode::Edit(e) if e.error.is_some()));
    let so = counted_objective;
    let plan = parse(&plan_text(
        "",
        &[so("1", "60"), so("2", "40"), so("3", "Equal")].concat(),
    ));
    let f = validate::validate(&plan);
    assert!(
        f.iter().any(|f| f.severity == Severity::Warning
            && f.say(Lang::It).contains("quota uguale di niente")),
        "{f:?}"
    );
}

#[test]
fn absurd_weights_beside_the_new_warnings_never_panic() {
    let so = counted_objective;
    let max = "79228162514264337593543950335";
    let plan = parse(&plan_text(
        "",
        &[
            so("1", max),
            so("2", max),
            so("3", &format!("-{max}")),
            so("4", "100"),
        ]
        .concat(),
    ));
    let f = validate::validate(&plan);
    assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:?}");
    let _ = Scores::compute(&plan);
}

#[test]
fn while_a_search_is_on_n_goes_to_the_next_match_even_on_a_yes_no_row() {
    let text = plan_text("", &one_objective("", YES_NO));
    let mut h = open(&text);
    // Two matches, both yes/no rows: "Sezione aggiornata" and "Violazioni accertate".
    h.go_to("zion");
    let at = h.app.tree.selected();
    h.key(KeyCode::Char('n'));
    assert!(
        matches!(h.app.mode, Mode::Normal),
        "n is not typed into a result"
    );
    assert_ne!(h.app.tree.selected(), at, "n went on to the next match");
}

#[test]
fn an_excess_two_decimals_would_hide_is_named_with_six() {
    // 16.67 written beside an Equal share, within an equal sixth (100/6 = 16.666…): the
    // written weight exceeds its whole by 0.003333….
    let so = |i: usize| {
        let ops = if i == 1 {
            "operational: [
               OperationalObjective(code: \"1.1\", title: \"O\", weight: 16.67, indicators: [Indicator(id: \"o1\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)]),
               OperationalObjective(code: \"1.2\", title: \"O\", weight: Equal, indicators: [Indicator(id: \"o2\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)]),
             ]"
        } else {
            ""
        };
        format!(
            "StrategicObjective(code: \"{i}\", title: \"S\", weight: Equal, indicators: [
               Indicator(id: \"s{i}\", description: \"d\", unit: Count, target: AtLeast(1), result: 1)], {ops}),"
        )
    };
    let plan = parse(&plan_text("", &(1..=6).map(so).collect::<String>()));
    let said: Vec<String> = validate::validate(&plan)
        .iter()
        .map(|f| f.say(Lang::It))
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("superano il loro totale di 0,003333 %")),
        "{said:?}"
    );
}
