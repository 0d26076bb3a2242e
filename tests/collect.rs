//! `perfplan collect`: the offices' forms, read back as a spreadsheet program would.
//!
//! The expected texts are the example plan's values written by hand as an Italian plan
//! writes them (plans/comune-esempio-2022.ron); none is produced by the code under test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, SheetVisible, Xlsx, open_workbook};
use perfplan::forms::{Column, HEADER_ROW, IDENTITY_SHEET, KEYS, VALUES_ROW, VERSION};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    c.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    for var in ["PERFPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(var);
    }
    c
}

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/comune-esempio-2022.ron")
}

fn collect(dir: &Path, extra: &[&str]) -> Output {
    bin()
        .arg("collect")
        .arg(plan())
        .arg("-o")
        .arg(dir)
        .args(extra)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

type Book = Xlsx<std::io::BufReader<std::fs::File>>;

fn open(path: &Path) -> Book {
    open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(range: &calamine::Range<Data>, row: u32, col: u16) -> String {
    range
        .get_value((row, col as u32))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The form's rows: each indicator's cells, from the row after the headings.
fn form_rows(range: &calamine::Range<Data>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut r = HEADER_ROW + 1;
    while !text(range, r, Column::Id as u16).is_empty() {
        out.push(
            Column::ALL
                .iter()
                .map(|c| text(range, r, *c as u16))
                .collect(),
        );
        r += 1;
    }
    out
}

/// The identity sheet: its six values, then (id, value, note) for each row.
fn identity(book: &mut Book) -> (Vec<String>, Vec<[String; 3]>) {
    let range = book.worksheet_range(IDENTITY_SHEET).unwrap();
    for (r, key) in KEYS.iter().enumerate() {
        assert_eq!(text(&range, r as u32, 0), *key);
    }
    let keys = (0..KEYS.len() as u32).map(|r| text(&range, r, 1)).collect();
    let mut values = Vec::new();
    let mut r = VALUES_ROW;
    while !text(&range, r, 0).is_empty() {
        values.push([text(&range, r, 0), text(&range, r, 1), text(&range, r, 2)]);
        r += 1;
    }
    (keys, values)
}

fn row<'a>(rows: &'a [Vec<String>], id: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no row {id} in {rows:?}"))
}

#[test]
fn one_form_per_office_then_one_for_the_indicators_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("moduli");
    let o = collect(&out, &["--deadline", "31/07/2023"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    // The plan's list order, then the form of the indicators no office owns.
    for (line, (file, office, count)) in lines.iter().zip([
        ("servizi-demografici.xlsx", "Servizi demografici", 5),
        ("ragioneria.xlsx", "Ragioneria", 2),
        ("personale.xlsx", "Personale", 3),
        ("senza-ufficio.xlsx", "senza ufficio", 6),
    ]) {
        assert!(line.contains(file), "{line}");
        assert!(
            line.contains(&format!("{office}, {count} indicatori")),
            "{line}"
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "personale.xlsx",
            "ragioneria.xlsx",
            "senza-ufficio.xlsx",
            "servizi-demografici.xlsx"
        ]
    );

    let mut book = open(&out.join("servizi-demografici.xlsx"));
    assert_eq!(
        book.sheet_names(),
        ["Modulo", "Istruzioni", IDENTITY_SHEET],
        "the form, the instructions, the identity"
    );
    let visible: Vec<SheetVisible> = book.sheets_metadata().iter().map(|s| s.visible).collect();
    assert_eq!(visible[2], SheetVisible::Hidden);
    let form = book.worksheet_range("Modulo").unwrap();
    let header: Vec<(String, String)> = (0..7)
        .map(|r| (text(&form, r, 0), text(&form, r, 1)))
        .collect();
    assert_eq!(
        header,
        [
            ("Ente", "Comune di Esempio"),
            (
                "Piano",
                "Relazione sulla Performance 2022 — obiettivi strategici e operativi"
            ),
            ("Anno", "2022"),
            ("Ufficio", "Servizi demografici"),
            (
                "Responsabile",
                "Maria Rossi — demografici@comune.esempio.it"
            ),
            ("Periodo", "Consuntivo"),
            ("Scadenza", "31/07/2023"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let headings: Vec<String> = Column::ALL
        .iter()
        .map(|c| text(&form, HEADER_ROW, *c as u16))
        .collect();
    assert_eq!(
        headings,
        [
            "Id",
            "Obiettivo",
            "Descrizione",
            "Unità di misura",
            "Target",
            "Valore di partenza",
            "Valore attuale",
            "Nuovo risultato",
            "Nota"
        ]
    );
    let rows = form_rows(&form);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["3.1-s1", "3.1-o1", "3.1-o2", "3.2-o1", "3.2-o2"]);
    let target_and_value = |id: &str| {
        let r = row(&rows, id);
        (
            r[Column::Target as usize].clone(),
            r[Column::Current as usize].clone(),
        )
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(target_and_value("3.1-s1"), pair("<= 10", "12"));
    assert_eq!(target_and_value("3.1-o1"), pair(">= 4.000", "4.213"));
    assert_eq!(target_and_value("3.2-o1"), pair(">= 98 %", "1.530/1.554"));
    assert_eq!(target_and_value("3.2-o2"), pair(">= 300", ""));
    let o1 = row(&rows, "3.1-o1");
    assert_eq!(
        o1[Column::Objective as usize],
        "3.1 Carta d'identità elettronica"
    );
    assert_eq!(
        o1[Column::Description as usize],
        "Carte d'identità rilasciate"
    );
    assert_eq!(o1[Column::Unit as usize], "numero");
    assert_eq!(o1[Column::NewResult as usize], "");
    assert_eq!(o1[Column::Note as usize], "");

    let (keys, values) = identity(&mut book);
    assert_eq!(
        keys,
        [
            VERSION,
            "Relazione sulla Performance 2022 — obiettivi strategici e operativi",
            "Comune di Esempio",
            "2022",
            "",
            "Servizi demografici"
        ]
    );
    let triple = |a: &str, b: &str, c: &str| [a.to_string(), b.to_string(), c.to_string()];
    assert_eq!(
        values,
        [
            triple("3.1-s1", "12", ""),
            triple("3.1-o1", "4213", ""),
            triple("3.1-o2", "9", ""),
            triple("3.2-o1", "Ratio(1530, 1554)", ""),
            triple("3.2-o2", "", ""),
        ]
    );

    // The indicators no office owns, among them a strategic objective's own.
    let mut book = open(&out.join("senza-ufficio.xlsx"));
    let form = book.worksheet_range("Modulo").unwrap();
    assert_eq!(text(&form, 3, 1), "Senza ufficio");
    let rows = form_rows(&form);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["1-a", "1-b", "2-a", "2-b", "5-a", "5-b"]);
    assert_eq!(
        row(&rows, "1-a")[Column::Objective as usize],
        "1 Ridurre i tempi dei procedimenti"
    );
    assert_eq!(row(&rows, "2-a")[Column::Current as usize], "Sì");
    assert_eq!(row(&rows, "5-a")[Column::Current as usize], "-3,5");
    let (keys, _) = identity(&mut book);
    assert_eq!(keys[5], "", "the form of no office names none");
    let instructions = book.worksheet_range("Istruzioni").unwrap();
    let all: String = instructions
        .rows()
        .flatten()
        .map(|c| c.to_string())
        .collect();
    assert!(all.contains("31/12/2017"), "{all}");
    assert!(all.contains("entro il 31/07/2023"), "{all}");
    assert!(all.contains("non 0,93"), "{all}");
}

/// The XML of one part of a workbook, through `unzip` (`None` when it is not installed).
fn part(xlsx: &Path, name: &str) -> Option<String> {
    let o = Command::new("unzip")
        .arg("-p")
        .arg(xlsx)
        .arg(name)
        .output()
        .ok()?;
    assert!(o.status.success(), "{name} in {}", xlsx.display());
    Some(String::from_utf8(o.stdout).unwrap())
}

#[test]
fn the_form_is_protected_but_for_the_cells_to_fill_in_which_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let o = collect(dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = dir.path().join("servizi-demografici.xlsx");
    let Some(sheet) = part(&file, "xl/worksheets/sheet1.xml") else {
        eprintln!("unzip is not installed: the protection and validations are not checked");
        return;
    };
    assert!(sheet.contains("<sheetProtection"), "the form is protected");
    assert!(!sheet.contains("password"), "without a password");
    // 3.1-s1 a number, 3.1-o1 a count, 3.2-o1 written as a ratio: no strict validation.
    assert!(
        sheet.contains(r#"<dataValidation type="decimal""#),
        "{sheet}"
    );
    assert!(
        sheet.contains(r#"<dataValidation type="whole" operator="greaterThanOrEqual""#),
        "{sheet}"
    );
    let styles = part(&file, "xl/styles.xml").unwrap();
    assert!(
        styles.contains(r#"locked="0""#),
        "the cells to fill in are unlocked"
    );
    let others = dir.path().join("senza-ufficio.xlsx");
    let sheet = part(&others, "xl/worksheets/sheet1.xml").unwrap();
    assert!(sheet.contains(r#"type="list""#), "yes/no: a list");
    assert!(sheet.contains("Sì,No"), "{sheet}");
    let ragioneria = part(
        &dir.path().join("ragioneria.xlsx"),
        "xl/worksheets/sheet1.xml",
    );
    assert!(
        ragioneria
            .unwrap()
            .contains(r#"<dataValidation type="date""#),
        "4.1-o1 is a date"
    );
}

#[test]
fn a_period_gives_its_targets_values_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let o = collect(dir.path(), &["--period", "30 giugno"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book = open(&dir.path().join("servizi-demografici.xlsx"));
    let form = book.worksheet_range("Modulo").unwrap();
    assert_eq!(text(&form, 5, 1), "30 giugno");
    let rows = form_rows(&form);
    let o1 = row(&rows, "3.1-o1");
    assert_eq!(
        o1[Column::Target as usize],
        ">= 2.000",
        "the half year's target"
    );
    assert_eq!(o1[Column::Current as usize], "1.890");
    assert_eq!(row(&rows, "3.1-o2")[Column::Current as usize], "");
    let (keys, values) = identity(&mut book);
    assert_eq!(keys[4], "30 giugno");
    assert_eq!(values[1][1], "1890");
    assert_eq!(values[2][1], "", "no value at 30 June");

    let mut book = open(&dir.path().join("senza-ufficio.xlsx"));
    let form = book.worksheet_range("Modulo").unwrap();
    let rows = form_rows(&form);
    assert_eq!(row(&rows, "2-a")[Column::Current as usize], "No");
    assert_eq!(row(&rows, "1-a")[Column::Current as usize], "35/44");
    let (_, values) = identity(&mut book);
    let a2 = values.iter().find(|v| v[0] == "2-a").unwrap();
    assert_eq!(a2[1], "No");
    assert_eq!(a2[2], "In approvazione in Consiglio a settembre");

    // The final period by name is the year's values: the identity names no period.
    let dir = tempfile::tempdir().unwrap();
    let o = collect(dir.path(), &["--period", "Consuntivo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book = open(&dir.path().join("ragioneria.xlsx"));
    let (keys, _) = identity(&mut book);
    assert_eq!(keys[4], "");
}

#[test]
fn an_existing_form_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("ragioneria.xlsx");
    std::fs::write(&mine, b"not yours").unwrap();
    let o = collect(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("esiste già"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&mine).unwrap(), b"not yours");
    // Nothing written: the forms before it in order either.
    assert!(!dir.path().join("servizi-demografici.xlsx").exists());
    let o = collect(dir.path(), &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("sostituito il file"), "{}", stderr(&o));
    let mut book = open(&mine);
    assert_eq!(identity(&mut book).0[5], "Ragioneria");
}

#[test]
fn bad_periods_and_deadlines_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let o = collect(dir.path(), &["--period", "31 marzo"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("il piano non ha il periodo \"31 marzo\""),
        "{}",
        stderr(&o)
    );
    let o = collect(dir.path(), &["--deadline", "31/02/2023"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--deadline"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // The English words, asked for.
    let o = bin()
        .args(["--lang", "en", "collect"])
        .arg(plan())
        .arg("-o")
        .arg(dir.path())
        .args(["--period", "nope"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the plan has no period"),
        "{}",
        stderr(&o)
    );
}
