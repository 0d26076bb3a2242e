//! Every figure right and every output safe: one test (or more) for each rule the
//! independent checks found missing or wrong. (Exact ties are in tests/exact.rs.)

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use perfplan::lang::{Lang, Say};
use perfplan::plan::Plan;
use perfplan::score::Scores;
use perfplan::summary::Summary;
use perfplan::validate::{self, Severity};
use ratatui::crossterm::event::KeyCode;
use rust_decimal_macros::dec;
use serde_json::Value as Json;

/// A one-perspective plan around `indicators` (RON text of `Indicator(...)` items, in one
/// operational objective), with weights `so_weight` / `oo_weight`.
fn plan_text(indicators: &str) -> String {
    format!(
        r#"Plan(title: "T", organization: "O", year: 2017, locale: "en", perspectives: [
    Perspective(name: "P", objectives: [
        StrategicObjective(code: "1", title: "S", weight: 100, operational: [
            OperationalObjective(code: "1.1", title: "O", weight: 100, indicators: [
{indicators}
            ]),
        ]),
    ]),
])
"#
    )
}

fn parse(text: &str) -> Plan {
    perfplan::store::parse(Path::new("t.ron"), text).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

fn json(plan: &Plan) -> Json {
    perfplan::report::json(&Summary::build(
        plan,
        &Scores::compute(plan),
        Lang::of_locale(plan.locale),
    ))
}

/// The realization of the first operational indicator, as `score --json` gives it.
fn realization(indicator: &str) -> Json {
    let j = json(&parse(&plan_text(indicator)));
    j["perspectives"][0]["objectives"][0]["operational"][0]["indicators"][0]["realization"].clone()
}

fn errors_of(text: &str) -> Vec<String> {
    validate::validate(&parse(text))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.say(Lang::En))
        .collect()
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    c.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("PERFPLAN_LANG");
    c
}

fn run(args: &[&str], path: &Path) -> Output {
    bin().args(args).arg(path).output().unwrap()
}

fn temp(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

// ---------------------------------------------------------------------------------------
// 2. A result is judged by its unit
// ---------------------------------------------------------------------------------------

#[test]
fn a_date_result_on_a_percent_indicator_cannot_be_scored_even_against_a_deadline() {
    let ind = r#"Indicator(id: "a", description: "d", unit: Percent, target: Deadline("2017-12-31"), result: "2017-11-30"),"#;
    assert_eq!(realization(ind), Json::Null);
    let errors = errors_of(&plan_text(ind));
    assert!(
        errors.iter().any(|e| e.contains("cannot be scored")),
        "{errors:?}"
    );
    let plan = parse(&plan_text(ind));
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::of_locale(plan.locale));
    let row = &summary.perspectives[0].objectives[0].operational[0].indicators[0];
    assert!(
        row.computation.contains("cannot be scored"),
        "{}",
        row.computation
    );
}

#[test]
fn a_number_on_a_date_indicator_cannot_be_scored() {
    let ind = r#"Indicator(id: "a", description: "d", unit: Date, target: AtLeast(3), result: 4),"#;
    assert_eq!(realization(ind), Json::Null);
    assert!(!errors_of(&plan_text(ind)).is_empty());
}

// ---------------------------------------------------------------------------------------
// 3. Weights
// ---------------------------------------------------------------------------------------

fn two_objectives(w1: &str, w2: &str) -> String {
    format!(
        r#"Plan(title: "T", organization: "O", year: 2017, perspectives: [
    Perspective(name: "P", objectives: [
        StrategicObjective(code: "1", title: "S1", weight: {w1}, operational: [
            OperationalObjective(code: "1.1", title: "O", weight: {w1},
                strategic_indicators: [Indicator(id: "a", description: "d", unit: Number, target: AtLeast(10), result: 5)],
                indicators: [Indicator(id: "b", description: "d", unit: Number, target: AtLeast(10), result: 5)]),
        ]),
        StrategicObjective(code: "2", title: "S2", weight: {w2}, operational: [
            OperationalObjective(code: "2.1", title: "O", weight: {w2},
                strategic_indicators: [Indicator(id: "c", description: "d", unit: Number, target: AtLeast(10), result: 10)],
                indicators: [Indicator(id: "d", description: "d", unit: Number, target: AtLeast(10), result: 10)]),
        ]),
    ]),
])
"#
    )
}

#[test]
fn an_absurd_weight_is_an_error_and_its_objective_is_left_out() {
    // 1e27 used to swamp the mean (79,23 / 79,23); now it is an error and counts for
    // nothing: the score is that of objective 2 alone, 100 %.
    let text = two_objectives("1000000000000000000000000000", "50");
    let errors = errors_of(&text);
    assert!(
        errors.iter().any(|e| e.contains("more than the whole plan")
            && e.contains("left out of the weighted scores")),
        "{errors:?}"
    );
    let j = json(&parse(&text));
    assert_eq!(j["overall"]["strategic"], serde_json::json!(100));
    assert_eq!(j["overall"]["operational"], serde_json::json!(100));
    assert_eq!(j["errors"].as_array().unwrap().len(), errors.len());
    // Negative weights and too many decimals are errors too, and left out the same way.
    for w in ["-10", "12.12345678901"] {
        let text = two_objectives(w, "50");
        assert!(!errors_of(&text).is_empty(), "{w}");
        assert_eq!(
            json(&parse(&text))["overall"]["strategic"],
            serde_json::json!(100),
            "{w}"
        );
    }
    // Six decimals are fine: (16,666667 × 50 + 50 × 100) / 66,666667 = 87,50000… → 87,50.
    let text = two_objectives("16.666667", "50");
    assert!(errors_of(&text).is_empty());
    assert_eq!(
        json(&parse(&text))["overall"]["strategic"],
        serde_json::json!(87.5)
    );
}

#[test]
fn a_perspective_whose_weights_are_all_zero_has_no_score() {
    let text = two_objectives("0", "0");
    assert!(errors_of(&text).is_empty());
    let j = json(&parse(&text));
    assert_eq!(j["perspectives"][0]["score"]["strategic"], Json::Null);
    assert_eq!(j["overall"]["strategic"], Json::Null);
    // Its objectives' own realizations are still there.
    assert_eq!(
        j["perspectives"][0]["objectives"][0]["realization"],
        serde_json::json!(50)
    );
}

// ---------------------------------------------------------------------------------------
// 4. One rule for strict targets on zero, and values that are errors
// ---------------------------------------------------------------------------------------

#[test]
fn a_strict_target_on_the_line_scores_by_the_share_rule() {
    let on = |target: &str, result: &str| {
        realization(&format!(
            r#"Indicator(id: "a", description: "d", unit: Number, target: {target}, result: {result}),"#
        ))
    };
    // Positive target: 60 / 60 = 100 %, a miss by nothing measurable.
    assert_eq!(on("MoreThan(60)", "60"), serde_json::json!(100));
    // A target of zero or below has no share: on the line, a miss scores 0 %.
    assert_eq!(on("MoreThan(0)", "0"), serde_json::json!(0));
    assert_eq!(on("LessThan(-5)", "-5"), serde_json::json!(0));
    // Exactly with a negative target: 1 − |−4 − (−5)| / 5 = 80 %.
    assert_eq!(on("Exactly(-5)", "-4"), serde_json::json!(80));
}

#[test]
fn values_that_are_errors_are_not_scored() {
    let reversed = r#"Indicator(id: "a", description: "d", unit: Number, target: Between(min: 20, max: 10), result: 15),"#;
    assert_eq!(realization(reversed), Json::Null);
    assert!(!errors_of(&plan_text(reversed)).is_empty());
    let fractional =
        r#"Indicator(id: "a", description: "d", unit: Count, target: AtLeast(3), result: 2.5),"#;
    assert_eq!(realization(fractional), Json::Null);
    assert!(!errors_of(&plan_text(fractional)).is_empty());
}

// ---------------------------------------------------------------------------------------
// 5. Targets are checked like results
// ---------------------------------------------------------------------------------------

#[test]
fn a_count_target_with_a_thousands_dot_is_an_error_that_says_what_was_meant() {
    let ind = r#"Indicator(id: "a", description: "d", unit: Count, target: AtLeast(1.200), result: 1300),"#;
    let errors = errors_of(&plan_text(ind));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("not a whole count") && e.contains("write 1200")),
        "{errors:?}"
    );
    let wrong_kind = r#"Indicator(id: "a", description: "d", unit: Count, target: Deadline("2017-12-31"), result: 3),"#;
    assert!(
        errors_of(&plan_text(wrong_kind))
            .iter()
            .any(|e| e.contains("unit must be Date"))
    );
}

// ---------------------------------------------------------------------------------------
// 6. Messages for the mistakes controllers make in the file
// ---------------------------------------------------------------------------------------

/// `check`'s message for the plan whose indicator reads `ind`.
fn message_for(ind: &str) -> String {
    let (_dir, path) = temp("p.ron", &plan_text(ind));
    let o = run(&["check"], &path);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    stderr(&o)
}

const BEFORE: &str = r#"Indicator(id: "a", description: "d", unit: Number, target: AtLeast(3), "#;

#[test]
fn a_decimal_comma_is_said_in_the_controllers_words() {
    for (written, fix) in [
        ("17,5", "17.5"),
        ("45,0", "45.0"),
        ("231.480,75", "231480.75"),
    ] {
        let m = message_for(&format!("{BEFORE}result: {written}),"));
        assert!(
            m.contains("dot for decimals") && m.contains(&format!("write {fix}")),
            "{written}: {m}"
        );
        assert!(!m.contains("raw identifier"), "{m}");
    }
}

#[test]
fn a_range_written_with_two_numbers_says_to_name_its_bounds() {
    let m = message_for(
        r#"Indicator(id: "a", description: "d", unit: Number, target: Between(300, 600), result: 4),"#,
    );
    assert!(m.contains("Between(min: 300, max: 600)"), "{m}");
}

#[test]
fn a_target_written_as_printed_says_how_to_write_it() {
    let m = message_for(
        r#"Indicator(id: "a", description: "d", unit: Number, target: >= 900, result: 4),"#,
    );
    assert!(m.contains("AtLeast(900)"), "{m}");
}

#[test]
fn typographic_quotes_are_named() {
    let m = message_for(
        r#"Indicator(id: "a", description: “d”, unit: Number, target: AtLeast(3), result: 4),"#,
    );
    assert!(m.contains("straight double quotes"), "{m}");
}

#[test]
fn an_unclosed_string_is_reported_where_it_opens() {
    let ind = "Indicator(id: \"a,\n    description: \"d\", unit: Number,\n    target: AtLeast(3), result: 4),";
    let m = message_for(ind);
    assert!(m.contains("not closed"), "{m}");
    // The line of `id: "a,`: the opening quote, not where the reader stopped.
    let text = plan_text(ind);
    let line = text.lines().position(|l| l.contains("id: \"a,")).unwrap() + 1;
    assert!(m.contains(&format!("p.ron:{line}:")), "{m}");
}

#[test]
fn digits_in_quotes_say_to_drop_the_quotes() {
    let m = message_for(&format!("{BEFORE}result: \"72\"),"));
    assert!(m.contains("without quotes"), "{m}");
    let m = message_for(
        r#"Indicator(id: "a", description: "d", unit: Number, target: AtLeast("80"), result: 4),"#,
    );
    assert!(m.contains("without quotes: write 80"), "{m}");
    let m = message_for(
        r#"Indicator(id: "a", description: "d", unit: Date, target: Deadline("2017-12-31"), result: "1012"),"#,
    );
    assert!(m.contains("\"YYYY-MM-DD\""), "{m}");
}

// ---------------------------------------------------------------------------------------
// 7. `w` reaches every finding, plan-level ones included
// ---------------------------------------------------------------------------------------

#[test]
fn w_reaches_a_finding_about_the_plan_as_a_whole() {
    let text = common::SEED_TEXT.replacen("weight: 27.0,", "weight: 22.0,", 1);
    assert_ne!(text, common::SEED_TEXT);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &text).unwrap();
    let mut d = perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap();
    let plan_level = d.app.findings.iter().filter(|f| f.node.is_none()).count();
    assert_eq!(plan_level, 1, "the weights add up to 95 %");
    let total = d.app.findings.len();
    let mut seen_plan = false;
    for _ in 0..total {
        d.key(KeyCode::Char('w'));
        if d.app.status_text().contains("obiettivi strategici è 95") {
            seen_plan = true;
            assert!(d.screen().contains("Il piano nel suo insieme"));
        }
    }
    assert!(seen_plan, "w never reached the plan-level warning");
    // From a row, w goes to the next finding below it, not back to the plan's own.
    d.key(KeyCode::Home);
    d.key(KeyCode::Char('j'));
    d.key(KeyCode::Char('w'));
    assert!(
        !d.app.status_text().contains("obiettivi strategici è 95"),
        "{}",
        d.app.status_text()
    );
    assert!(d.app.status_text().contains("è diverso dalla somma"));
}

// ---------------------------------------------------------------------------------------
// 8. No silent export of a broken plan
// ---------------------------------------------------------------------------------------

fn broken_plan() -> String {
    // An override outside 0–100: an error.
    plan_text(
        r#"Indicator(id: "a", description: "d", unit: Number, target: AtLeast(3), result: 4, override: (realization: 120, reason: "r")),
           Indicator(id: "b", description: "d", unit: Number, target: AtLeast(3), result: 2),"#,
    )
}

#[test]
fn a_plan_with_errors_is_not_exported_without_force() {
    let (dir, path) = temp("broken.ron", &broken_plan());
    for format in ["xlsx", "csv", "md", "html"] {
        let o = run(&["export", "--format", format], &path);
        assert_eq!(o.status.code(), Some(1), "{format}");
        assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
        assert!(stderr(&o).contains("error"), "the errors are listed");
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["broken.ron"], "nothing written");
}

#[test]
fn a_forced_export_is_a_draft_in_every_format_in_the_plans_language() {
    for (locale, heading) in [
        ("en", "DRAFT — the plan has errors"),
        ("it", "BOZZA — il piano contiene errori"),
    ] {
        let text = broken_plan().replace("locale: \"en\"", &format!("locale: \"{locale}\""));
        let (dir, path) = temp("broken.ron", &text);
        for format in ["csv", "md", "html"] {
            let o = run(&["export", "--force", "--format", format, "-o", "-"], &path);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            let out = stdout(&o);
            assert!(out.contains(heading), "{format}: {out}");
            assert!(out.contains("0–100"), "the error is listed: {out}");
        }
        let out = dir.path().join("draft.xlsx");
        let o = run(
            &[
                "export",
                "--force",
                "--format",
                "xlsx",
                "-o",
                out.to_str().unwrap(),
            ],
            &path,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
        let first = wb.sheet_names()[0].clone();
        let range = wb.worksheet_range(&first).unwrap();
        let cells: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
        assert!(cells.iter().any(|c| c == heading), "{cells:?}");
    }
}

#[test]
fn score_and_export_print_warnings_and_score_exits_1_on_errors() {
    let (_dir, path) = temp("broken.ron", &broken_plan());
    let o = run(&["score"], &path);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("The plan has 1 error (perfplan check lists it)"),
        "{}",
        stdout(&o)
    );
    // A warning (the weights of objective and operational objective differ) is printed by
    // both commands, which still succeed.
    let warned = plan_text(
        r#"Indicator(id: "a", description: "d", unit: Number, target: AtLeast(3), result: 4),"#,
    )
    .replace("title: \"O\", weight: 100", "title: \"O\", weight: 90");
    let (_dir, path) = temp("warned.ron", &warned);
    let o = run(&["score"], &path);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("warning:"), "{}", stderr(&o));
    let o = run(&["export", "--format", "md", "-o", "-"], &path);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("warning:"), "{}", stderr(&o));
}

#[test]
fn the_apps_export_of_a_plan_with_errors_asks_for_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, broken_plan()).unwrap();
    let mut d = perfplan::driver::Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap();
    d.key(KeyCode::Char('x'));
    assert!(d.screen().contains("will be a draft"));
    d.key(KeyCode::Enter);
    assert!(d.screen().contains("The plan has errors"));
    d.key(KeyCode::Char('c'));
    assert!(!dir.path().join("broken.xlsx").exists());
    d.key(KeyCode::Char('x'));
    d.key(KeyCode::Enter);
    d.key(KeyCode::Char('d'));
    assert!(
        dir.path().join("broken.xlsx").exists(),
        "{}",
        d.app.status_text()
    );
}

// ---------------------------------------------------------------------------------------
// 9. No injection through the terminal
// ---------------------------------------------------------------------------------------

#[test]
fn plan_text_printed_by_score_and_check_cannot_drive_the_terminal() {
    // An ESC sequence that clears the screen, OSC 52 writing the clipboard, a bell and a
    // right-to-left override, in a title and an id.
    let hostile = r"\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{202e}\u{9b}2J";
    let text = plan_text(&format!(
        r#"Indicator(id: "a{hostile}", description: "d{hostile}", unit: Number, target: AtLeast(3), result: 4),
           Indicator(id: "a{hostile}", description: "dup", unit: Number, target: AtLeast(3), result: 4),"#
    ))
    .replace("title: \"T\"", &format!("title: \"T{hostile}\""));
    let (_dir, path) = temp("hostile.ron", &text);
    for args in [&["score"][..], &["check"][..], &["score", "--json"][..]] {
        let o = run(args, &path);
        for out in [stdout(&o), stderr(&o)] {
            assert!(
                !out.chars()
                    .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}' || c == '\u{9b}'),
                "{args:?} printed raw control characters: {out:?}"
            );
        }
    }
    let o = run(&["score"], &path);
    assert!(stdout(&o).contains('␛'), "shown visibly");
}

// ---------------------------------------------------------------------------------------
// 10. No injection through exports
// ---------------------------------------------------------------------------------------

#[test]
fn csv_text_cells_never_start_a_formula_but_numbers_stay_numbers() {
    let text = plan_text(
        r#"Indicator(id: "=HYPERLINK(\"http://x\")", description: "+1", unit: Number, target: Exactly(5), result: -34, note: "@SUM(A1)"),
           Indicator(id: "b", description: "-d", unit: Number, target: AtLeast(3), result: 4, note: "\tx"),"#,
    );
    let (_dir, path) = temp("inject.ron", &text);
    let o = run(&["export", "--format", "csv", "-o", "-"], &path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b',')
        .from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let header = perfplan::export::csv_header(Lang::En, 2017);
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            let numeric = ["result", "deviation", "realization"].contains(&header[i].as_str());
            if numeric {
                continue;
            }
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {i} starts a formula: {cell:?}"
            );
        }
    }
    assert_eq!(&rows[0][4], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[0][5], "'+1");
    assert_eq!(&rows[0][7], "'= 5", "a target written `= 5` stays text");
    assert_eq!(&rows[0][8], "-34", "a negative number stays a number");
    assert_eq!(&rows[0][13], "'@SUM(A1)");
    assert_eq!(&rows[0][14], "-39", "the deviation, last, a number");
}

#[test]
fn an_xlsx_cell_too_long_is_cut_visibly_not_a_failed_export() {
    // Counted as the file format counts, in UTF-16 units: 20,000 emoji are 40,000.
    let emoji = "😀".repeat(20_000);
    let text = plan_text(&format!(
        r#"Indicator(id: "a", description: "{emoji}", unit: Number, target: AtLeast(3), result: 4),"#
    ));
    let (dir, path) = temp("emoji.ron", &text);
    let out = dir.path().join("emoji.xlsx");
    let o = run(
        &["export", "--format", "xlsx", "-o", out.to_str().unwrap()],
        &path,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let long = "x".repeat(40_000);
    let text = plan_text(&format!(
        r#"Indicator(id: "a", description: "{long}", unit: Number, target: AtLeast(3), result: 4),"#
    ));
    let (dir, path) = temp("long.ron", &text);
    let out = dir.path().join("long.xlsx");
    let o = run(
        &["export", "--format", "xlsx", "-o", out.to_str().unwrap()],
        &path,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let names = wb.sheet_names().to_vec();
    let mut found = false;
    for name in names {
        let range = wb.worksheet_range(&name).unwrap();
        for (_, _, c) in range.cells() {
            let s = c.to_string();
            if s.starts_with("xxxx") {
                assert!(s.chars().count() <= 32_767);
                assert!(s.contains("cut here"), "the cut is marked");
                found = true;
            }
        }
    }
    assert!(found);
}

// ---------------------------------------------------------------------------------------
// 11. Generator and loader agree
// ---------------------------------------------------------------------------------------

#[test]
fn generated_plans_pass_check_at_every_size_that_failed() {
    for (n, seed) in [(12_500, 1), (12_500, 3), (30_000, 5), (30_000, 8)] {
        let plan = perfplan::generate::plan(n, seed);
        let errors: Vec<_> = validate::validate(&plan)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .take(3)
            .collect();
        assert!(errors.is_empty(), "{n} indicators, seed {seed}: {errors:?}");
        let weights = perfplan::plan::weights::Weights::of(&plan);
        let total: rust_decimal::Decimal = (0..plan.perspectives.len())
            .map(|p| weights.perspective(p))
            .sum();
        assert_eq!(total, dec!(100));
    }
}

#[test]
fn gen_leaves_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.ron");
    for _ in 0..2 {
        let o = bin()
            .args(["gen", "--indicators", "50", "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["g.ron"]);
    assert_eq!(run(&["check"], &out).status.code(), Some(0));
}
