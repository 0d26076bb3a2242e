//! `perfplan import`: the offices' values read back, every row checked, nothing applied
//! when any row is wrong, and what is applied logged as imported.

use std::path::Path;
use std::process::{Command, Output};

use perfplan::plan::{Field, FieldValue, Value};
use perfplan::store::audit::{self, Source};
use rust_decimal_macros::dec;

const COMUNE: &str = "plans/comune-esempio-2022.ron";

fn perfplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .env_remove("PERFPLAN_LANG")
        .output()
        .unwrap()
}

/// The plan's CSV export with the result of each `(id, value)` replaced.
fn csv_with(plan: &Path, edits: &[(&str, &str)]) -> String {
    let out = perfplan(&["export", plan.to_str().unwrap(), "-f", "csv", "-o", "-"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .map(|l| {
            let mut cells: Vec<String> = l.split(';').map(str::to_string).collect();
            for (id, value) in edits {
                if cells.get(4).map(String::as_str) == Some(*id) {
                    cells[8] = value.to_string();
                }
            }
            cells.join(";")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn a_csv_in_the_exports_shape_is_previewed_then_applied_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let original = std::fs::read_to_string(&plan).unwrap();
    let csv = dir.path().join("ufficio.csv");
    std::fs::write(&csv, csv_with(&plan, &[("3.1-o2", "10"), ("3.1-s1", "11")])).unwrap();
    let p = plan.to_str().unwrap();
    let c = csv.to_str().unwrap();
    // The preview: each change with the realization before and after, the overall scores.
    // 3.1-o2: 10 of >= 12 → 83.3 %; 3.1-s1: 11 against <= 10 → 10 / 11 = 90.9 %.
    let out = perfplan(&["import", p, c]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("3.1-s1 risultato: 12 → 11 · realizzazione 83,3 % → 90,9 %"),
        "{text}"
    );
    assert!(
        text.contains("3.1-o2 risultato: 9 → 10 · realizzazione 75,0 % → 83,3 %"),
        "{text}"
    );
    assert!(
        text.contains("2 modifiche da applicare (con --apply)"),
        "{text}"
    );
    // Nothing written without --apply.
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), original);
    // Applied: only those two values change in the text, and the log says so.
    let out = perfplan(&["import", p, c, "--apply"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(
        saved,
        original
            .replace("result: 12,", "result: 11,")
            .replace("result: 9,", "result: 10,")
    );
    let (records, _) = audit::read(&plan).unwrap();
    assert_eq!(records.len(), 2);
    // The form as it was named.
    assert_eq!(records[0].source, Source::Import(c.to_string()));
    assert_eq!(
        (records[1].change.id.as_str(), records[1].change.field()),
        ("3.1-o2", Field::Result)
    );
    assert_eq!(
        records[1].change.new,
        FieldValue::Result(Some(Value::Number(dec!(10))))
    );
}

#[test]
fn one_wrong_row_applies_nothing_and_names_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let original = std::fs::read_to_string(&plan).unwrap();
    let csv = dir.path().join("ufficio.csv");
    // A count that is not whole, a word for a number, and an unknown id.
    let mut text = csv_with(
        &plan,
        &[("3.1-o2", "10,5"), ("3.1-s1", "abc"), ("3.1-o1", "4300")],
    );
    text.push_str("\r\nServizi;3;3.1;operativo;9.9-x;d;numero;>= 1;5;;;;;;;Consuntivo");
    std::fs::write(&csv, text).unwrap();
    let out = perfplan(&[
        "import",
        plan.to_str().unwrap(),
        csv.to_str().unwrap(),
        "--apply",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("ufficio.csv, riga 8: 3.1-o2: il risultato 10.5 non è un numero intero"),
        "{said}"
    );
    assert!(
        said.contains("ufficio.csv, riga 6: 3.1-s1: «abc» non è un numero"),
        "{said}"
    );
    assert!(
        said.contains("ufficio.csv, riga 18: nessun indicatore del piano ha il codice «9.9-x»"),
        "{said}"
    );
    assert!(
        said.contains("Non è stato applicato nulla: 3 righe o file da correggere"),
        "{said}"
    );
    // 3.1-o1's good value is not applied either.
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), original);
    assert!(audit::read(&plan).unwrap().0.is_empty());
}

#[test]
fn in_the_app_the_forms_are_previewed_put_in_as_one_step_and_logged_as_imported() {
    use perfplan::app::Mode;
    use perfplan::driver::Driver;
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let forms = dir.path().join("moduli");
    std::fs::create_dir(&forms).unwrap();
    std::fs::write(
        forms.join("demografici.csv"),
        csv_with(&plan, &[("3.1-o2", "10"), ("3.1-s1", "11")]),
    )
    .unwrap();
    let mut d = Driver::open(
        &plan,
        Some(perfplan::paths::Dirs::within(&dir.path().join("data"))),
    )
    .unwrap();
    d.key(KeyCode::Char('i'));
    d.ctrl('u');
    // A CSV is named itself (a folder stands for the XLSX forms in it).
    d.type_text(forms.join("demografici.csv").to_str().unwrap());
    d.key(KeyCode::Enter);
    assert!(
        matches!(d.app.mode, Mode::Import { .. }),
        "{}",
        d.app.status_text()
    );
    let screen = d.screen();
    assert!(
        screen.contains("3.1-o2") && screen.contains("risultato: 9 → 10"),
        "{screen}"
    );
    d.key(KeyCode::Enter);
    assert!(matches!(d.app.mode, Mode::Normal));
    let value = |d: &Driver, id: &str| {
        d.app
            .plan
            .indicator(d.app.plan.find_indicator(id).unwrap())
            .result
    };
    assert_eq!(value(&d, "3.1-o2"), Some(Value::Number(dec!(10))));
    assert_eq!(value(&d, "3.1-s1"), Some(Value::Number(dec!(11))));
    // One step: one undo takes both back; redo puts them in again.
    d.key(KeyCode::Char('u'));
    assert_eq!(value(&d, "3.1-o2"), Some(Value::Number(dec!(9))));
    assert_eq!(value(&d, "3.1-s1"), Some(Value::Number(dec!(12))));
    d.ctrl('r');
    d.ctrl('s');
    let (records, _) = audit::read(&plan).unwrap();
    assert_eq!(records.len(), 2, "{records:?}");
    let named = forms.join("demografici.csv").display().to_string();
    assert!(
        records
            .iter()
            .all(|r| r.source == Source::Import(named.clone()))
    );
}

#[test]
fn two_offices_csvs_repeating_the_plans_values_do_not_collide() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    std::fs::write(&a, csv_with(&plan, &[("3.1-o2", "10")])).unwrap();
    std::fs::write(&b, csv_with(&plan, &[("6.1-o1", "12")])).unwrap();
    let out = perfplan(&[
        "import",
        plan.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2 modifiche da applicare"), "{text}");
    // A CSV cannot say what it was exported with: the preview says so.
    assert!(
        text.contains("un CSV non registra i valori con cui è stato esportato"),
        "{text}"
    );
    // The same indicator changed in both is a duplicate, named with both places.
    std::fs::write(&b, csv_with(&plan, &[("3.1-o2", "11")])).unwrap();
    let out = perfplan(&[
        "import",
        plan.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("l'indicatore 3.1-o2 è già in"), "{text}");
}
