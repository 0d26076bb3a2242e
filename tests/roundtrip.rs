//! The offices' round trip: `collect` writes the forms, the offices fill them in (here, a
//! program rewrites each form with values in the new-result column and its rows in
//! another order, as an office sorting them would), `import` checks and applies them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader};
use perfplan::forms::{Column, HEADER_ROW, IDENTITY_SHEET};
use perfplan::plan::Value;
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

/// A form filled in: every sheet copied cell by cell, the new result of each `(id, value)`
/// written (a number as a number, text as text), the indicators' rows in reverse order.
fn fill(form: &Path, out: &Path, values: &[(&str, Data)]) {
    let mut wb = calamine::open_workbook_auto(form).unwrap();
    let names = wb.sheet_names();
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in &names {
        let range = wb.worksheet_range(name).unwrap();
        let ws = book.add_worksheet().set_name(name).unwrap();
        if name == IDENTITY_SHEET {
            ws.set_hidden(true);
        }
        let (height, width) = range.get_size();
        let mut rows: Vec<u32> = (0..height as u32).collect();
        if name == &names[0] {
            // The indicators' rows reversed, as a sort would leave them.
            let first = HEADER_ROW as usize + 1;
            if rows.len() > first {
                rows[first..].reverse();
            }
        }
        for (to, from) in rows.iter().enumerate() {
            let id = range
                .get_value((*from, Column::Id as u32))
                .map(|d| d.to_string())
                .unwrap_or_default();
            for c in 0..width as u32 {
                let mut cell = range.get_value((*from, c)).cloned().unwrap_or(Data::Empty);
                if name == &names[0]
                    && c == Column::NewResult as u32
                    && *from > HEADER_ROW
                    && let Some((_, v)) = values.iter().find(|(i, _)| *i == id)
                {
                    cell = v.clone();
                }
                let (r, c) = (to as u32, c as u16);
                match cell {
                    Data::Float(f) => ws.write_number(r, c, f).map(|_| ()).unwrap(),
                    Data::Int(i) => ws.write_number(r, c, i as f64).map(|_| ()).unwrap(),
                    Data::Empty => {}
                    other => ws
                        .write_string(r, c, other.to_string())
                        .map(|_| ())
                        .unwrap(),
                }
            }
        }
    }
    book.save(out).unwrap();
}

fn form_of(dir: &Path, office: &str) -> PathBuf {
    dir.join(format!("{office}.xlsx"))
}

#[test]
fn forms_collected_filled_and_imported_write_the_values_the_scores_and_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let forms = dir.path().join("moduli");
    let p = plan.to_str().unwrap();
    let out = perfplan(&[
        "collect",
        p,
        "-o",
        forms.to_str().unwrap(),
        "--deadline",
        "31/01/2023",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let demografici = form_of(&forms, "servizi-demografici");
    let personale = form_of(&forms, "personale");
    assert!(demografici.is_file() && personale.is_file());
    // The offices fill in their forms: numbers as numbers, a yes/no as text.
    let filled = dir.path().join("ritorno");
    std::fs::create_dir(&filled).unwrap();
    fill(
        &demografici,
        &filled.join("demografici.xlsx"),
        &[("3.1-o2", Data::Float(10.0)), ("3.1-s1", Data::Float(11.0))],
    );
    fill(
        &personale,
        &filled.join("personale.xlsx"),
        &[
            ("6.1-o2", Data::String("Sì".into())),
            ("6.1-o1", Data::Float(12.0)),
        ],
    );
    let a = filled.join("demografici.xlsx");
    let b = filled.join("personale.xlsx");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let preview = perfplan(&["import", p, a, b]);
    assert_eq!(
        preview.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&preview.stdout)
    );
    let text = String::from_utf8(preview.stdout).unwrap();
    // 6.1-o2 No → Sì against Sì: 0 → 100 %; 6.1-o1 10,5 → 12 of >= 12: 87,5 → 100 %.
    assert!(
        text.contains("6.1-o2 risultato: No → Sì · realizzazione 0,0 % → 100,0 %"),
        "{text}"
    );
    assert!(
        text.contains("6.1-o1 risultato: 10,5 → 12 · realizzazione 87,5 % → 100,0 %"),
        "{text}"
    );
    assert!(text.contains("4 modifiche da applicare"), "{text}");
    let applied = perfplan(&["import", p, a, b, "--apply"]);
    assert_eq!(applied.status.code(), Some(0));
    let (after, _) = perfplan::store::load(&plan).unwrap();
    let result = |id: &str| after.indicator(after.find_indicator(id).unwrap()).result;
    assert_eq!(result("3.1-o2"), Some(Value::Number(dec!(10))));
    assert_eq!(result("6.1-o2"), Some(Value::Bool(true)));
    let (records, _) = audit::read(&plan).unwrap();
    assert_eq!(records.len(), 4);
    assert!(
        records
            .iter()
            .any(|r| r.source == Source::Import(b.to_string()))
    );
    // Imported again, the same forms change nothing more.
    let again = perfplan(&["import", p, a, b]);
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .contains("0 modifiche")
    );
}

#[test]
fn a_form_with_one_bad_row_applies_nothing_and_a_stale_value_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let original = std::fs::read_to_string(&plan).unwrap();
    let forms = dir.path().join("moduli");
    let p = plan.to_str().unwrap();
    assert!(
        perfplan(&["collect", p, "-o", forms.to_str().unwrap()])
            .status
            .success()
    );
    let bad = dir.path().join("bad.xlsx");
    fill(
        &form_of(&forms, "servizi-demografici"),
        &bad,
        &[
            ("3.1-o2", Data::Float(10.0)),
            ("3.1-o1", Data::String("tanti".into())),
        ],
    );
    let out = perfplan(&["import", p, bad.to_str().unwrap(), "--apply"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("3.1-o1: «tanti» non è un numero"), "{said}");
    assert!(said.contains("foglio «"), "{said}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), original);
    // The plan changes after the forms went out: the form's value for it is a conflict.
    std::fs::write(&plan, original.replace("result: 9,", "result: 8,")).unwrap();
    let stale = dir.path().join("stale.xlsx");
    fill(
        &form_of(&forms, "servizi-demografici"),
        &stale,
        &[("3.1-o2", Data::Float(10.0)), ("3.1-s1", Data::Float(11.0))],
    );
    let out = perfplan(&["import", p, stale.to_str().unwrap(), "--apply"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("3.1-o2 risultato: il modulo è stato scritto con 9, ma il piano ora ha 8; il valore inviato (10) non è applicato"),
        "{said}"
    );
    // The other value goes in.
    let (after, _) = perfplan::store::load(&plan).unwrap();
    let result = |id: &str| after.indicator(after.find_indicator(id).unwrap()).result;
    assert_eq!(result("3.1-o2"), Some(Value::Number(dec!(8))));
    assert_eq!(result("3.1-s1"), Some(Value::Number(dec!(11))));
}

#[test]
fn the_seed_with_owners_goes_round_and_scores_the_office_s_value() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("seed.ron");
    let seed = std::fs::read_to_string("plans/cciaa-massa-carrara-2017.ron").unwrap();
    // The seed with two offices, one of them owning operational objective 3.2.2.
    let with_owners = seed
        .replacen(
            "    perspectives: [",
            "    offices: [(name: \"Ufficio Studi\", responsible: \"Anna Verdi\"), (name: \"Promozione\")],\n    perspectives: [",
            1,
        )
        .replacen(
            "code: \"3.2.2\",",
            "code: \"3.2.2\",\n                            owner: \"Ufficio Studi\",",
            1,
        );
    std::fs::write(&plan, &with_owners).unwrap();
    let p = plan.to_str().unwrap();
    let forms = dir.path().join("moduli");
    let out = perfplan(&["collect", p, "-o", forms.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let filled = dir.path().join("studi.xlsx");
    fill(
        &form_of(&forms, "ufficio-studi"),
        &filled,
        &[("3.2.2-s2", Data::Float(76.0))],
    );
    let out = perfplan(&["import", p, filled.to_str().unwrap(), "--apply"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // 76 of >= 80: 95 % (was 72: 90 %). 3.2's five strategic indicators' mean goes up by
    // 5 / 5 = 1 point (98 → 99), and 3.2 weighs 27 of 100: the strategic score goes up
    // by 0,27 points, 98,56 → 98,83; the operational score does not move.
    assert!(
        text.contains("3.2.2-s2 risultato: 72 → 76 · realizzazione 90,00 % → 95,00 %"),
        "{text}"
    );
    assert!(
        text.contains(
            "Punteggi complessivi: strategico 98,56 % → 98,83 %, operativo 94,64 % → 94,64 %"
        ),
        "{text}"
    );
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(saved, with_owners.replacen("result: 72,", "result: 76,", 1));
    let (records, _) = audit::read(&plan).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0].source,
        Source::Import(filled.display().to_string())
    );
}

#[test]
fn a_form_older_than_the_plans_owners_is_refused_and_a_note_kept_as_shown_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &plan).unwrap();
    let forms = dir.path().join("moduli");
    let p = plan.to_str().unwrap();
    assert!(
        perfplan(&["collect", p, "-o", forms.to_str().unwrap()])
            .status
            .success()
    );
    // 3.1-o2 gets a note in the plan; the form shows it in the note cell, so a form sent
    // back untouched changes nothing.
    let text = std::fs::read_to_string(&plan).unwrap();
    let noted = text.replacen(
        "result: 9,",
        "result: 9,\n                                    note: \"da verificare\",",
        1,
    );
    std::fs::write(&plan, &noted).unwrap();
    let again = dir.path().join("di-nuovo");
    assert!(
        perfplan(&["collect", p, "-o", again.to_str().unwrap()])
            .status
            .success()
    );
    let back = dir.path().join("back.xlsx");
    fill(&form_of(&again, "servizi-demografici"), &back, &[]);
    let out = perfplan(&["import", p, back.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("0 modifiche")
    );
    // The objective passes to another office: the old form's rows are refused.
    let moved = noted.replacen(
        "owner: \"Servizi demografici\",",
        "owner: \"Ragioneria\",",
        1,
    );
    std::fs::write(&plan, moved).unwrap();
    let stale = dir.path().join("stale.xlsx");
    fill(
        &form_of(&again, "servizi-demografici"),
        &stale,
        &[("3.1-o2", Data::Float(10.0))],
    );
    let out = perfplan(&["import", p, stale.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("l'indicatore 3.1-o2 ora è dell'ufficio «Ragioneria»"),
        "{said}"
    );
}
