//! Every export format read back and checked against the scores the seed prints.

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use perfplan::export::{self, Format, Options};
use perfplan::lang::Lang;
use perfplan::plan::{Locale, Plan, Value};
use perfplan::score::Scores;
use perfplan::store::{load, parse};
use perfplan::summary::Summary;

const SEED: &str = "plans/cciaa-massa-carrara-2017.ron";
const EXAMPLE: &str = "plans/example.ron";

fn plan(path: &str) -> Plan {
    load(Path::new(path)).unwrap().0
}

/// The summary in the plan's language.
fn summary(plan: &Plan) -> Summary {
    summary_in(plan, Lang::of_locale(plan.locale))
}

fn summary_in(plan: &Plan, lang: Lang) -> Summary {
    Summary::build(plan, &Scores::compute(plan), lang)
}

fn opts(locale: Locale) -> Options {
    Options::for_locale(locale, NaiveDate::from_ymd_opt(2018, 5, 25).unwrap())
}

fn render(plan: &Plan, format: Format) -> Vec<u8> {
    export::render(&summary(plan), format, &opts(plan.locale)).unwrap()
}

fn text(plan: &Plan, format: Format) -> String {
    String::from_utf8(render(plan, format)).unwrap()
}

fn text_in(plan: &Plan, format: Format, lang: Lang) -> String {
    let bytes = export::render(&summary_in(plan, lang), format, &opts(plan.locale)).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The seed with a hostile description on one indicator and one result removed.
fn hostile_plan() -> Plan {
    let mut p = plan(SEED);
    let path = p.find_indicator("3.2.2-s2").unwrap();
    let ind = p.indicator_mut(path);
    ind.description = "<script>alert(\"x\")</script> R&D | 'quoted' \"double\"\nsecond line".into();
    let path = p.find_indicator("1.2.4-o2").unwrap();
    p.indicator_mut(path).result = None;
    p
}

/// The binary, with the language left to the plan.
fn perfplan() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    c.env_remove("PERFPLAN_LANG");
    c
}

fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

/// The row of a sheet whose column `col` holds `key`.
fn sheet_row(range: &calamine::Range<Data>, col: usize, key: &str) -> Vec<Data> {
    range
        .rows()
        .find(|r| r.get(col).is_some_and(|c| *c == key))
        .unwrap_or_else(|| panic!("no row with {key:?} in column {col}"))
        .to_vec()
}

/// The first row of a sheet (its headings), as text.
fn first_row(range: &calamine::Range<Data>) -> Vec<String> {
    let row = range.rows().next().expect("a first row");
    row.iter().map(|c| c.to_string()).collect()
}

fn float(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

#[test]
fn xlsx_holds_numbers_percentages_and_dates_as_such() {
    let mut wb = workbook(render(&plan(SEED), Format::Xlsx));
    assert_eq!(
        wb.sheet_names(),
        ["Riepilogo", "Obiettivi strategici", "Obiettivi operativi"]
    );

    let summary = wb.worksheet_range("Riepilogo").unwrap();
    let strategic = sheet_row(&summary, 0, "Strategico");
    assert!(
        (float(&strategic[1]) - 0.9856).abs() < 1e-12,
        "{strategic:?}"
    );
    let operational = sheet_row(&summary, 0, "Operativo");
    // The figure as shown, 94,64 %, rounded on its exact value.
    assert!(
        (float(&operational[1]) - 0.9464).abs() < 1e-12,
        "{operational:?}"
    );
    let persp = sheet_row(&summary, 0, "Innovazione e crescita");
    assert!(
        (float(&persp[1]) - 0.15).abs() < 1e-12,
        "weight 15 %: {persp:?}"
    );
    assert!(
        (float(&persp[2]) - 0.94).abs() < 1e-12,
        "strategic 94 %: {persp:?}"
    );
    assert!(matches!(
        sheet_row(&summary, 0, "Esportato il")[1],
        Data::DateTime(_)
    ));
    assert!(matches!(sheet_row(&summary, 0, "Anno")[1], Data::Float(y) if y == 2017.0));
    let measured = sheet_row(&summary, 0, "Indicatori rilevati");
    assert_eq!(measured[2].to_string(), "su");
    assert_eq!(
        sheet_row(&summary, 0, "Complessivo")[1].to_string(),
        "Punteggio"
    );
    let perspectives = sheet_row(&summary, 0, "Prospettiva");
    assert_eq!(perspectives[1..4], ["Peso", "Strategico", "Operativo"]);

    let s = wb.worksheet_range("Obiettivi strategici").unwrap();
    let header = first_row(&s);
    // The headings of the seed itself: "Peso Risultato 2017 Target 2017 Scostamento
    // % Realizzazione".
    assert_eq!(
        header,
        [
            "Prospettiva",
            "Codice",
            "Obiettivo / indicatore",
            "Peso",
            "Risultato 2017",
            "Target 2017",
            "Scostamento",
            "% Realizzazione",
            "Rilevati",
            "In attesa",
            "Motivazione della forzatura",
            "Nota"
        ]
    );
    let so = sheet_row(&s, 1, "3.2");
    assert!((float(&so[3]) - 0.27).abs() < 1e-12);
    assert!((float(&so[7]) - 0.98).abs() < 1e-12);
    assert_eq!(so[6], Data::Empty, "an objective has no deviation");
    let ind = sheet_row(&s, 1, "3.2.2-s2");
    assert_eq!(
        ind[2].to_string(),
        "N. di domande depositate marchi e brevetti"
    );
    assert!(
        (float(&ind[4]) - 72.0).abs() < 1e-12,
        "a count stays a number: {ind:?}"
    );
    assert_eq!(ind[5].to_string(), ">= 80");
    assert_eq!(ind[6], Data::Float(-8.0), "72 against >= 80: a number, -8");
    assert!((float(&ind[7]) - 0.9).abs() < 1e-12);
    let sick = sheet_row(&s, 1, "2.1.1-s2");
    assert_eq!(sick[5].to_string(), "<= 5");
    assert!(
        (float(&sick[6]) + 2.97).abs() < 1e-12,
        "2,03 days against <= 5: {sick:?}"
    );
    let more = sheet_row(&s, 1, "2.1.3-s2");
    assert!(
        (float(&more[6]) - 0.05).abs() < 1e-12,
        "65 % against > 60 %: 5 points, a share as the result: {more:?}"
    );
    let pct = sheet_row(&s, 1, "1.1.1-s1");
    assert!(
        (float(&pct[4]) - 1.0).abs() < 1e-12,
        "100 % is the number 1 formatted as percent"
    );
    let date = sheet_row(&s, 1, "2.2.1-s1");
    assert!(
        matches!(date[4], Data::DateTime(_)),
        "a date result is a date: {date:?}"
    );

    assert_eq!(ind[9].to_string(), "No", "not pending");
    let o = wb.worksheet_range("Obiettivi operativi").unwrap();
    let oo = sheet_row(&o, 1, "2.1.1");
    assert!((float(&oo[7]) - 0.957).abs() < 1e-12, "{oo:?}");
    assert_eq!(oo[8].to_string(), "2 / 2");
    let odd = sheet_row(&o, 1, "2.1.1-o1");
    assert!((float(&odd[7]) - 0.914).abs() < 1e-12);
    assert!(
        (float(&odd[6]) + 0.05).abs() < 1e-12,
        "the override leaves the deviation, 55 % against >= 60 %: {odd:?}"
    );
    assert!(
        odd[10].to_string().contains("91,40"),
        "the override's reason: {odd:?}"
    );
    let deadline = sheet_row(&o, 1, "1.1.1-o2");
    assert_eq!(deadline[5].to_string(), "<= 30/11/2017");
    assert_eq!(
        deadline[6],
        Data::Float(-1.0),
        "done 29/11 for 30/11: a day early, as a number of days"
    );
    assert_eq!(
        o.rows().filter(|r| r[1].to_string().contains("-o")).count(),
        48
    );
    assert_eq!(
        s.rows().filter(|r| r[1].to_string().contains("-s")).count(),
        22
    );
}

#[test]
fn xlsx_marks_pending_indicators() {
    let mut wb = workbook(render(&hostile_plan(), Format::Xlsx));
    let summary = wb.worksheet_range("Riepilogo").unwrap();
    assert!(
        summary.rows().any(|r| r[0]
            == "Punteggi provvisori: 1 indicatore su 70 è ancora in attesa ed è escluso dal calcolo dei punteggi."),
        "{summary:?}"
    );
    let o = wb.worksheet_range("Obiettivi operativi").unwrap();
    let pending = sheet_row(&o, 1, "1.2.4-o2");
    assert_eq!(pending[4].to_string(), "in attesa");
    assert_eq!(pending[6], Data::Empty, "no deviation while pending");
    assert_eq!(pending[7], Data::Empty);
    assert_eq!(pending[9].to_string(), "Sì");
    let s = wb.worksheet_range("Obiettivi strategici").unwrap();
    assert!(
        sheet_row(&s, 1, "3.2.2-s2")[2]
            .to_string()
            .starts_with("<script>")
    );
}

fn csv_rows(bytes: &[u8], delimiter: u8) -> Vec<csv::StringRecord> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("starts with a BOM for Excel");
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body)
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn csv_in_italian_uses_semicolons_and_decimal_commas() {
    let bytes = render(&plan(SEED), Format::Csv);
    let header = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..])
        .headers()
        .unwrap()
        .clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "Prospettiva",
            "Obiettivo strategico",
            "Obiettivo operativo",
            "Livello",
            "Indicatore",
            "Descrizione",
            "Unità di misura",
            "Target 2017",
            "Risultato 2017",
            "% Realizzazione",
            "In attesa",
            "Forzatura",
            "Motivazione",
            "Nota",
            "Scostamento (giorni per le date)"
        ]
    );
    let rows = csv_rows(&bytes, b';');
    assert_eq!(rows.len(), 70);
    let row = rows.iter().find(|r| &r[4] == "3.2.2-s2").unwrap();
    assert_eq!(&row[0], "Imprese, consumatori e territorio");
    assert_eq!((&row[1], &row[2], &row[3]), ("3.2", "3.2.2", "strategico"));
    assert_eq!(&row[6], "numero");
    assert_eq!(&row[7], ">= 80");
    assert_eq!(
        (&row[8], &row[14], &row[9], &row[10]),
        ("72", "-8", "90,00", "No")
    );
    let sick = rows.iter().find(|r| &r[4] == "2.1.1-s2").unwrap();
    assert_eq!((&sick[7], &sick[8], &sick[14]), ("<= 5", "2,03", "-2,97"));
    let more = rows.iter().find(|r| &r[4] == "2.1.3-s2").unwrap();
    assert_eq!(
        (&more[8], &more[14]),
        ("65", "5"),
        "points, as the result; no plus sign in a number column"
    );
    let date = rows.iter().find(|r| &r[4] == "1.2.3-s1").unwrap();
    assert_eq!(&date[8], "22/05/2017");
    let deadline = rows.iter().find(|r| &r[4] == "1.1.1-o2").unwrap();
    assert_eq!(
        (&deadline[6], &deadline[7], &deadline[8], &deadline[14]),
        ("data", "<= 30/11/2017", "29/11/2017", "-1")
    );
    let odd = rows.iter().find(|r| &r[4] == "2.1.1-o1").unwrap();
    assert_eq!((&odd[14], &odd[9], &odd[11]), ("-5", "91,40", "Sì"));
    assert_eq!(&odd[6], "percentuale");
    assert!(odd[12].contains("54,84"));

    let hostile = render(&hostile_plan(), Format::Csv);
    let pending = csv_rows(&hostile, b';');
    let pending = pending.iter().find(|r| &r[4] == "1.2.4-o2").unwrap();
    assert_eq!((&pending[14], &pending[10]), ("", "Sì"));
}

#[test]
fn csv_in_english_uses_commas_and_points_and_quotes_what_needs_it() {
    let p = plan(EXAMPLE);
    let bytes = render(&p, Format::Csv);
    let first = String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        first,
        "\u{feff}perspective,strategic_code,operational_code,layer,id,description,unit,target,result,realization,pending,override,reason,note,deviation"
    );
    let rows = csv_rows(&bytes, b',');
    assert!(
        rows.iter()
            .any(|r| &r[3] == "strategic" && &r[6] == "percent")
    );
    assert_eq!(rows.len(), p.indicator_count());
    assert!(
        rows.iter()
            .any(|r| &r[10] == "yes" && r[14].is_empty() && r[9].is_empty()),
        "pending rows"
    );
    assert!(
        rows.iter()
            .all(|r| !r[14].contains(',') && !r[9].contains(','))
    );
    let late = rows.iter().find(|r| &r[4] == "1.1.2-o1").unwrap();
    assert_eq!(
        (&late[6], &late[14]),
        ("date", "10"),
        "ten days late: {late:?}"
    );
    let costs = rows.iter().find(|r| &r[4] == "2.1.1-s1").unwrap();
    assert_eq!(&costs[14], "-51599.50", "no thousands separator: {costs:?}");

    let hostile = render(&hostile_plan(), Format::Csv);
    let rows = csv_rows(&hostile, b';');
    let row = rows.iter().find(|r| &r[4] == "3.2.2-s2").unwrap();
    assert_eq!(
        &row[5],
        "<script>alert(\"x\")</script> R&D | 'quoted' \"double\"\nsecond line"
    );
}

#[test]
fn csv_separators_can_be_chosen() {
    let p = plan(SEED);
    let mut o = opts(p.locale);
    o.csv.delimiter = b',';
    o.csv.decimal = '.';
    let bytes = export::render(&summary(&p), Format::Csv, &o).unwrap();
    let rows = csv_rows(&bytes, b',');
    let row = rows.iter().find(|r| &r[4] == "3.2.2-s2").unwrap();
    assert_eq!((&row[14], &row[9]), ("-8", "90.00"));
    let sick = rows.iter().find(|r| &r[4] == "2.1.1-s2").unwrap();
    assert_eq!(&sick[14], "-2.97");
}

/// Cells of a Markdown table row, splitting on pipes that are not escaped.
fn md_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in line.trim().trim_start_matches('|').chars() {
        if escaped {
            cells.last_mut().unwrap().push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            cells.push(String::new());
        } else {
            cells.last_mut().unwrap().push(c);
        }
    }
    cells.pop();
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

#[test]
fn markdown_tables_are_well_formed_and_escaped() {
    let md = text(&hostile_plan(), Format::Md);
    assert!(md.starts_with("# Obiettivi / indicatori strategici"));
    assert!(md.contains(
        "> **Punteggi provvisori: 1 indicatore su 70 è ancora in attesa ed è escluso dal calcolo dei punteggi.**"
    ));
    assert!(
        md.lines()
            .any(|l| l.starts_with("| Operativo | ") && l.ends_with(" % (provvisorio) |")),
        "{md}"
    );
    // Every table keeps the column count of its header.
    let mut columns = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let n = md_cells(line).len();
        match columns {
            None => columns = Some(n),
            Some(c) => assert_eq!(n, c, "row with {n} cells in a table of {c}: {line}"),
        }
    }
    let row = md.lines().find(|l| l.contains("3.2.2-s2")).unwrap();
    assert!(row.contains("&lt;script>"), "{row}");
    assert!(row.contains("R&amp;D \\| 'quoted'"), "{row}");
    assert!(row.contains("<br>second line"), "{row}");
    assert_eq!(md_cells(row).len(), 7);
    let pending = md.lines().find(|l| l.contains("1.2.4-o2")).unwrap();
    assert_eq!(md_cells(pending)[3], "*in attesa*");
    assert_eq!(md_cells(pending)[5], "", "no deviation while pending");

    let seed = text(&plan(SEED), Format::Md);
    assert!(seed.contains("· esportato il 25/05/2018\n"), "{seed}");
    assert!(seed.contains("## Punteggi complessivi\n"));
    assert!(seed.contains("| Livello | Punteggio |"));
    assert!(seed.contains("| Strategico | 98,56 % |"));
    assert!(seed.contains("| Operativo | 94,64 % |"));
    assert!(seed.contains("| Indicatori rilevati | 70 / 70 |"));
    assert!(seed.contains("| Prospettiva | Peso | Strategico | Operativo |"));
    assert!(seed.contains("| Innovazione e crescita | 15,0 % | 94,00 % | 80,00 % |"));
    assert!(seed.contains("### Obiettivi strategici e relativi indicatori\n"));
    assert!(seed.contains("### Obiettivi operativi e relativi indicatori\n"));
    assert!(seed.contains(
        "| Codice | Obiettivo / indicatore | Peso | Risultato 2017 | Target 2017 | Scostamento | % Realizzazione |"
    ));
    for (id, result, target, deviation, realization) in [
        ("3.2.2-s2", "72", ">= 80", "-8", "90,00 %"),
        ("2.1.1-s2", "2,03", "<= 5", "-2,97", "100,00 %"),
        ("2.1.3-s2", "65 %", "> 60 %", "+5 %", "100,00 %"),
        (
            "1.1.1-o2",
            "29/11/2017",
            "<= 30/11/2017",
            "-1 giorno",
            "100,00 %",
        ),
        ("2.1.1-o1", "55 %", ">= 60 %", "-5 %", "91,40 % ✎"),
    ] {
        let line = seed
            .lines()
            .find(|l| l.starts_with(&format!("| {id} |")))
            .unwrap();
        assert_eq!(
            md_cells(line)[3..],
            [result, target, deviation, realization],
            "{line}"
        );
    }
    let oo = seed.lines().find(|l| l.starts_with("| **3.1.2**")).unwrap();
    assert!(
        oo.contains("(5 / 5 rilevati)") && oo.contains("**80,00 %**"),
        "{oo}"
    );
    assert!(seed.contains("## Note e forzature\n"));
    assert!(seed.contains("**2.1.1-o1** — motivazione della forzatura: Realizzazione 91,40 %"));
    assert!(seed.contains("**2.1.3-s1** — nota: "));
    for english in [
        "| Strategic ",
        "Weight",
        "Realization",
        "pending",
        "measured",
        "Notes",
    ] {
        assert!(!seed.contains(english), "{english:?} in the Italian export");
    }
}

#[test]
fn html_is_self_contained_and_escapes_everything() {
    let html = text(&hostile_plan(), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script"),
        "no script tag, not even the plan's"
    );
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; R&amp;D | &#39;quoted&#39; &quot;double&quot;<br>second line"));
    for outside in [
        "src=", "href=", "http:", "https:", "url(", "@import", "<link", "<img", "<iframe",
    ] {
        assert!(!html.contains(outside), "external reference {outside:?}");
    }
    assert!(html.contains("@media print") && html.contains("size: A4"));
    assert!(html.contains("Punteggi provvisori: 1 indicatore su 70 è ancora in attesa"));
    assert!(html.contains("<td class=\"num pending\">in attesa</td>"));
    let pending = html.lines().find(|l| l.contains("1.2.4-o2")).unwrap();
    assert!(
        pending.contains("<td class=\"num\">&gt;= 12</td><td class=\"num\"></td><td class=\"num pending\">in attesa</td>"),
        "no deviation while pending: {pending}"
    );
    assert!(
        html.lines().any(|l| l.starts_with("<tr><td>Operativo</td>")
            && l.ends_with(" % (provvisorio)</td></tr>")),
        "{html}"
    );

    let seed = text(&plan(SEED), Format::Html);
    assert!(seed.contains("<span style=\"width:90%\"></span></span>90,00 %"));
    for (id, cells) in [
        (
            "3.2.2-s2",
            "<td class=\"num\">72</td><td class=\"num\">&gt;= 80</td><td class=\"num\">-8</td>",
        ),
        (
            "2.1.1-s2",
            "<td class=\"num\">2,03</td><td class=\"num\">&lt;= 5</td><td class=\"num\">-2,97</td>",
        ),
        (
            "1.1.1-o2",
            "<td class=\"num\">29/11/2017</td><td class=\"num\">&lt;= 30/11/2017</td><td class=\"num\">-1 giorno</td>",
        ),
    ] {
        let row = seed
            .lines()
            .find(|l| l.contains(&format!("{id}</td>")))
            .unwrap();
        assert!(row.contains(cells), "{row}");
    }
    assert!(seed.contains("98,56 %") && seed.contains("94,64 %"));
    assert!(seed.contains("Camera di Commercio di Massa-Carrara"));
    assert!(
        seed.contains("dell’economia locale"),
        "accents and apostrophes as written"
    );
}

#[test]
fn html_says_its_language_and_speaks_it() {
    let seed = plan(SEED);
    let it = text(&seed, Format::Html);
    assert!(it.contains("<html lang=\"it\">"));
    for heading in [
        "<th>Complessivo</th><th class=\"num\">Punteggio</th>",
        "<td>Indicatori rilevati</td><td class=\"num\">70 / 70</td>",
        "<th>Prospettiva</th><th class=\"num\">Peso</th><th class=\"num\">Strategico</th><th class=\"num\">Operativo</th>",
        "<h3>Obiettivi strategici e relativi indicatori</h3>",
        "<th>Codice</th><th>Obiettivo / indicatore</th><th class=\"num\">Peso</th><th class=\"num\">Risultato 2017</th><th class=\"num\">Target 2017</th><th class=\"num\">Scostamento</th><th class=\"num\">% Realizzazione</th>",
        "<p>Punteggio strategico <span class=\"score\">94,00 %</span> · punteggio operativo <span class=\"score\">80,00 %</span></p>",
        "<small>(5 / 5 rilevati)</small>",
        "<h3>Note e forzature</h3>",
        "<strong>2.1.1-o1</strong> — motivazione della forzatura: ",
        "<span class=\"tag s\">S</span>indicatore strategico <span class=\"tag o\">O</span>indicatore operativo.</footer>",
        "· esportato il 25/05/2018</p>",
    ] {
        assert!(it.contains(heading), "{heading}");
    }
    // The same plan in English: the words change, the numbers keep the plan's locale.
    let en = text_in(&seed, Format::Html, Lang::En);
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<th>Perspective</th><th class=\"num\">Weight</th>"));
    assert!(en.contains("<th class=\"num\">Result</th><th class=\"num\">Target</th><th class=\"num\">Deviation</th><th class=\"num\">Realization</th>"));
    assert!(
        en.contains("<td class=\"num\">-1 day</td>"),
        "days in English"
    );
    assert!(en.contains("<p>Strategic score <span class=\"score\">94,00 %</span>"));
    assert!(!en.contains("Prospettiva") && !en.contains("rilevati"));
}

#[test]
fn the_example_exports_in_english() {
    let p = plan(EXAMPLE);
    let mut wb = workbook(render(&p, Format::Xlsx));
    assert_eq!(wb.sheet_names(), ["Summary", "Strategic", "Operational"]);
    let summary = wb.worksheet_range("Summary").unwrap();
    assert!(
        summary.rows().any(|r| r[0]
            == "Provisional: 2 of 12 indicators are still pending; the scores count only the 10 measured."),
        "{summary:?}"
    );
    assert!(matches!(
        sheet_row(&summary, 0, "Exported")[1],
        Data::DateTime(_)
    ));
    sheet_row(&summary, 0, "Strategic");
    sheet_row(&summary, 0, "Indicators measured");
    let s = wb.worksheet_range("Strategic").unwrap();
    let header = first_row(&s);
    assert_eq!(
        header,
        [
            "Perspective",
            "Code",
            "Objective / indicator",
            "Weight",
            "Result",
            "Target",
            "Deviation",
            "Realization",
            "Measured",
            "Pending",
            "Override reason",
            "Note"
        ]
    );
    let o = wb.worksheet_range("Operational").unwrap();
    let pending = sheet_row(&o, 1, "2.1.1-o2");
    assert_eq!(
        (pending[4].to_string(), pending[9].to_string()),
        ("pending".into(), "yes".into())
    );
    assert_eq!(pending[6], Data::Empty);
    assert_eq!(
        sheet_row(&o, 1, "1.1.2-o1")[6],
        Data::Float(10.0),
        "ten days late"
    );

    let md = text(&p, Format::Md);
    assert!(md.contains("## Overall scores\n"));
    assert!(md.contains("| Layer | Score |"));
    assert!(md.contains(
        "| Code | Objective / indicator | Weight | Result | Target | Deviation | Realization |"
    ));
    assert!(md.contains("### Strategic objectives and their indicators"));
    assert!(md.contains("## Notes and overrides"));
    assert!(md.contains(" (provisional) |"));
    assert!(md.contains("| 2025-07-10 | <= 2025-06-30 | +10 days | 66.67% |"));
    assert!(md.contains("| 98% | >= 100% | -2% | 0.00% |"));
    assert!(md.contains("| 1,198,400.50 € | <= 1,250,000 € | -51,599.50 € | 100.00% |"));
    assert!(
        md.contains("| 2.5 | 2 – 3 | 0 | 100.00% |"),
        "inside the range"
    );
    let html = text(&p, Format::Html);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<h3>Operational objectives and their indicators</h3>"));
    for italian in ["Prospettiva", "Punteggio", "in attesa", "rilevati", "Sì"] {
        assert!(
            !md.contains(italian) && !html.contains(italian),
            "{italian:?}"
        );
    }
}

#[test]
fn the_seed_in_english_keeps_its_italian_numbers() {
    let seed = plan(SEED);
    let wb = workbook(
        export::render(
            &summary_in(&seed, Lang::En),
            Format::Xlsx,
            &opts(seed.locale),
        )
        .unwrap(),
    );
    assert_eq!(wb.sheet_names(), ["Summary", "Strategic", "Operational"]);
    let md = text_in(&seed, Format::Md, Lang::En);
    assert!(md.contains("| Strategic | 98,56 % |"));
    assert!(md.contains("| Innovazione e crescita | 15,0 % | 94,00 % | 80,00 % |"));
    assert!(md.contains("**2.1.1-o1** — realization set by hand: "));
    let csv = export::render(
        &summary_in(&seed, Lang::En),
        Format::Csv,
        &opts(seed.locale),
    )
    .unwrap();
    let rows = csv_rows(&csv, b';');
    let row = rows.iter().find(|r| &r[4] == "3.2.2-s2").unwrap();
    assert_eq!(
        (&row[3], &row[14], &row[9], &row[10]),
        ("strategic", "-8", "90,00", "no")
    );
    assert!(md.contains("| 29/11/2017 | <= 30/11/2017 | -1 day | 100,00 % |"));
}

#[test]
fn every_format_carries_the_header_facts() {
    let p = plan(SEED);
    for format in [Format::Md, Format::Html] {
        let t = text(&p, format);
        for needle in [
            "Camera di Commercio di Massa-Carrara",
            "2017",
            "25/05/2018",
            "98,56 %",
            "94,64 %",
            "99,08 %",
        ] {
            assert!(t.contains(needle), "{format} lacks {needle:?}");
        }
    }
}

#[test]
fn cli_writes_beside_the_plan_or_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("piano.ron");
    std::fs::copy(SEED, &plan_path).unwrap();
    let out = perfplan()
        .args(["export", plan_path.to_str().unwrap(), "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("piano.xlsx").exists());

    let out = perfplan()
        .args(["export", plan_path.to_str().unwrap(), "-f", "md", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("| Strategico | 98,56 % |")
    );

    let out = perfplan()
        .args([
            "export",
            plan_path.to_str().unwrap(),
            "-f",
            "xlsx",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "perfplan: XLSX è un file binario: indica un file con -o invece di -\n"
    );

    let out = perfplan()
        .args([
            "export",
            plan_path.to_str().unwrap(),
            "-f",
            "csv",
            "--delimiter",
            ",",
            "--decimal",
            ".",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = std::fs::read(dir.path().join("piano.csv")).unwrap();
    let rows = csv_rows(&csv, b',');
    assert_eq!(
        &rows.iter().find(|r| &r[4] == "3.2.2-s2").unwrap()[9],
        "90.00"
    );
}

#[test]
fn libreoffice_opens_the_workbook() {
    let office = ["libreoffice", "soffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(office) = office else {
        eprintln!("SKIPPED: LibreOffice is not installed, so the XLSX was not converted with it");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("seed.xlsx");
    std::fs::write(&xlsx, render(&plan(SEED), Format::Xlsx)).unwrap();
    let out = Command::new(office)
        .args(["--headless", "--convert-to", "csv", "--outdir"])
        .arg(dir.path())
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(dir.path().join("seed.csv")).unwrap();
    assert!(
        csv.contains("Strategico") && csv.contains("98.56%"),
        "{csv}"
    );

    // Every sheet, each cell as LibreOffice shows it: the deviations read signed, in their
    // unit, a deadline's in days with a real plural.
    let out = Command::new(office)
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = |sheet: &str, id: &str| -> Vec<String> {
        let path = dir.path().join(format!("seed-{sheet}.csv"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .find(|r| &r[1] == id)
            .unwrap_or_else(|| panic!("no {id} in {sheet}"))
            .iter()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(shown("Obiettivi strategici", "3.2.2-s2")[6], "-8");
    assert_eq!(shown("Obiettivi strategici", "2.1.1-s2")[6], "-2.97");
    assert_eq!(shown("Obiettivi strategici", "2.1.3-s2")[6], "+5%");
    assert_eq!(shown("Obiettivi operativi", "1.1.1-o2")[6], "-1 giorno");
    assert_eq!(shown("Obiettivi operativi", "1.1.1-o1")[6], "+4 testate");
}

#[test]
fn values_survive_as_written_in_the_exports() {
    let p = parse(
        Path::new("t.ron"),
        r#"Plan(title: "T", organization: "O", year: 2020, locale: "en", perspectives: [
            Perspective(name: "P", objectives: [StrategicObjective(code: "1", title: "S", weight: 100, operational: [
                OperationalObjective(code: "1.1", title: "O", weight: 100, indicators: [
                    Indicator(id: "a", description: "d", unit: Number, target: AtMost(5), result: 12.50),
                ]),
            ])]),
        ])"#,
    )
    .unwrap();
    let rows = csv_rows(&render(&p, Format::Csv), b',');
    assert_eq!(&rows[0][8], "12.50");
    assert_eq!(
        &rows[0][14], "7.50",
        "the deviation keeps the result's decimals"
    );
    assert_eq!(&rows[0][9], "40.00");
    assert_eq!(
        p.indicator(p.find_indicator("a").unwrap()).result,
        Some(Value::Number(rust_decimal::Decimal::new(1250, 2)))
    );
}
