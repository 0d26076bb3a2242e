//! `perfplan diff`, as the controller and git run it: two versions of a plan compared in the
//! plan's terms, with what each change did to the realizations and the scores.
//!
//! The expected figures are worked out by hand in the comments from the seed's own numbers
//! (plans/README.md, "Scores above the indicators": strategic Σ weight × realization =
//! 9.856 over a weight of 100, operational 9.464,2 over 100); none is produced by the code
//! under test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value as Json, json};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    // The language is the plan's, whatever the developer's environment says.
    for var in ["PERFPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(var);
    }
    c
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/cciaa-massa-carrara-2017.ron")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/example.ron")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// `text` with each `(old, new)` replaced, each `old` found exactly once.
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "not once in the plan: {old}");
        text = text.replacen(old, new, 1);
    }
    text
}

/// A folder holding `old.ron` (`old`'s text) and `new.ron` (the text edited).
fn versions(old: &Path, edits: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(old).unwrap();
    std::fs::write(dir.path().join("old.ron"), &text).unwrap();
    std::fs::write(dir.path().join("new.ron"), edit(&text, edits)).unwrap();
    dir
}

/// `perfplan ARGS... old.ron new.ron`, run in `dir` (so that the paths print short).
fn diff(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .args(["old.ron", "new.ron"])
        .output()
        .expect("the binary runs")
}

/// The lines of `text` with each run of spaces made one: what a line says, whatever the
/// columns' widths.
fn said(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Every row with an arrow has it in the same column, and no row is wider than the table:
/// the table is aligned. (A value too wide for its column is written whole on a line of its
/// own, `-` or `+` first, as long as it is.)
fn assert_aligned(text: &str) {
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("      - ") && !l.starts_with("      + "))
        .collect();
    let columns: Vec<usize> = rows
        .iter()
        .filter_map(|l| l.find('→').map(|at| l[..at].chars().count()))
        .collect();
    assert!(!columns.is_empty(), "{text}");
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "{columns:?}\n{text}"
    );
    for l in rows {
        assert!(l.chars().count() <= 120, "{l}");
    }
}

/// The seed edited in five places: three results, one weight, one indicator added.
const FIVE_EDITS: &[(&str, &str)] = &[
    // 3.2.2-s2: 72 → 76 against >= 80: 76 / 80 = 95 % (was 72 / 80 = 90 %).
    (
        "target: AtLeast(80),\n                                    result: 72,",
        "target: AtLeast(80),\n                                    result: 76,",
    ),
    // 3.1.1-s1: 9 → 8 against >= 10: 80 % (was 90 %).
    (
        "target: AtLeast(10),\n                                    result: 9,",
        "target: AtLeast(10),\n                                    result: 8,",
    ),
    // 2.1.4-o2: 2,7 → 2,4 against >= 3,0: 80 % (was 90 %).
    ("result: 2.7,", "result: 2.4,"),
    // Operational objective 3.1.2: weight 9 → 12.
    (
        "nascita di nuova imprenditorialità\",\n                            weight: 9.0,",
        "nascita di nuova imprenditorialità\",\n                            weight: 12.0,",
    ),
    // A third operational indicator of 2.2.1: 60 against >= 80: 75 %.
    (
        "target: AtLeast(85),
                                    result: 0,
                                ),
                            ],
                        ),
                    ],
                ),
                // 3.1 (second",
        "target: AtLeast(85),
                                    result: 0,
                                ),
                                Indicator(
                                    id: \"2.2.1-o3\",
                                    description: \"Imprese aderenti allo Sportello Reti di impresa\",
                                    unit: Percent,
                                    target: AtLeast(80),
                                    result: 60,
                                ),
                            ],
                        ),
                    ],
                ),
                // 3.1 (second",
    ),
];

#[test]
fn the_seed_with_three_results_a_weight_and_an_indicator_reports_exactly_those() {
    let dir = versions(&seed(), FIVE_EDITS);
    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_aligned(&text);
    // Strategic, by objective weight × realization (the seed's 9.856 in all):
    // 3.2: (100 + 100 + 95 + 100 + 100) / 5 = 99 % (was 98), +27 × 1 = +27;
    // 3.1 of Innovazione e crescita: 80 % (was 90), 9 × −10 = −90.
    // Overall 9.856 + 27 − 90 = 9.793 / 100 = 97,93 % (was 98,56: −0,63).
    // Imprese, consumatori e territorio: (5.796 + 27) / 58,5 = 99,538… = 99,54 % (was
    // 5.796 / 58,5 = 99,08: +0,46). Innovazione e crescita: (600 + 720) / 15 = 88,00 %
    // (was 94,00: −6,00).
    // Operational (the seed's 9.464,2 over 100): 3.1.2 weighs 12 at 80 % (+3 × 80 = +240);
    // 2.1.4: (100 + 80) / 2 = 90 % (was 95: 6 × −5 = −30); 2.2.1: (100 + 0 + 75) / 3 =
    // 58,333… % (was 50: 6 × 8,333… = +50). Overall (9.464,2 + 240 − 30 + 50) / 103 =
    // 9.724,2 / 103 = 94,409… = 94,41 % (was 94,64: −0,23). Imprese: (5.670 + 240) / 61,5
    // = 96,097… = 96,10 % (was 96,92: −0,82); Processi interni: (574,2 + 540) / 12 =
    // 92,85 % (was 95,35: −2,50); Innovazione: (350 + 900) / 15 = 83,33 % (was 80: +3,33).
    let expected = [
        "Camera di Commercio di Massa-Carrara",
        "Obiettivi / indicatori strategici / operativi per prospettive di Performance — 2017",
        "Confronto tra old.ron (prima) e new.ron (dopo)",
        "1 obiettivo modificato, 1 indicatore aggiunto, 3 indicatori modificati",
        "",
        "Campo Prima Dopo Variazione",
        "",
        "Prospettive e obiettivi",
        "───────────────────────",
        "~ 3.1.2 Promuovere e sostenere i processi occupaziona… Peso 9,00 → 12,00 +3,00",
        "Imprese, consumatori e territorio › 3.1 › 3.1.2",
        "",
        "Indicatori",
        "──────────",
        "~ 3.2.2-s2 N. di domande depositate marchi e brevetti Risultato 72 → 76",
        "Imprese, consumatori e territorio › 3.2 › 3.2.2 · S % Realizzazione 90,00 % → 95,00 % +5,00",
        "~ 2.1.4-o2 N. report quadrimestrali per l'attuazione … Risultato 2,7 → 2,4",
        "Processi interni › 2.1 › 2.1.4 · O % Realizzazione 90,00 % → 80,00 % -10,00",
        "+ 2.2.1-o3 Imprese aderenti allo Sportello Reti di im… Unità di misura — → percentuale",
        "Innovazione e crescita › 2.2 › 2.2.1 · O Target — → >= 80 %",
        "Risultato — → 60 %",
        "% Realizzazione — → 75,00 %",
        "~ 3.1.1-s1 Sviluppo delle attività dell'agenzia forma… Risultato 9 → 8",
        "Innovazione e crescita › 3.1 › 3.1.1 · S % Realizzazione 90,00 % → 80,00 % -10,00",
        "",
        "Realizzazioni e punteggi",
        "────────────────────────",
        "Punteggi complessivi Punteggio strategico 98,56 % → 97,93 % -0,63",
        "Punteggio operativo 94,64 % → 94,41 % -0,23",
        "IMPRESE, CONSUMATORI E TERRITORIO Punteggio strategico 99,08 % → 99,54 % +0,46",
        "Punteggio operativo 96,92 % → 96,10 % -0,82",
        "3.2 Favorire la crescita responsabile delle imprese… % Realizzazione 98,00 % → 99,00 % +1,00",
        "PROCESSI INTERNI Punteggio operativo 95,35 % → 92,85 % -2,50",
        "2.1.4 Migliorare la qualità dei servizi e la sodd… % Realizzazione 95,00 % → 90,00 % -5,00",
        "INNOVAZIONE E CRESCITA Punteggio strategico 94,00 % → 88,00 % -6,00",
        "Punteggio operativo 80,00 % → 83,33 % +3,33",
        "2.2.1 Sviluppo e valorizzazione potenzialità dell… % Realizzazione 50,00 % → 58,33 % +8,33",
        "3.1 Promuovere lo sviluppo delle imprese e la compe… % Realizzazione 90,00 % → 80,00 % -10,00",
        "",
        "S: indicatore strategico (misura l'obiettivo strategico) · O: indicatore operativo",
    ];
    assert_eq!(said(&text), expected, "\n{text}");
    // The tree shows itself: an objective's place under its name, deeper ones indented.
    assert!(
        text.contains("\n  Imprese, consumatori e territorio › 3.1 › 3.1.2\n"),
        "{text}"
    );
    assert!(
        text.contains("\n    2.2.1 Sviluppo e valorizzazione"),
        "{text}"
    );
}

#[test]
fn the_five_edits_as_json_have_each_change_with_its_numbers() {
    let dir = versions(&seed(), FIVE_EDITS);
    let o = diff(dir.path(), &["diff", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j: Json = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(j["old"], "old.ron");
    assert_eq!(j["new"], "new.ron");
    assert_eq!(j["differ"], true);
    assert_eq!(j["plan"], json!([]));
    assert_eq!(j["perspectives"], json!([]));
    assert_eq!(
        j["objectives"],
        json!([{
            "change": "changed",
            "level": "operational",
            "code": "3.1.2",
            "title": "Promuovere e sostenere i processi occupazionali e d’incontro tra domanda e offerta di lavoro nonché la nascita di nuova imprenditorialità",
            "place": {
                "perspective": "Imprese, consumatori e territorio",
                "strategic": "3.1",
                "operational": "3.1.2",
            },
            "moved_from": null,
            "fields": [{"field": "weight", "old": 9, "new": 12, "delta": 3}],
            "realization": {"old": 80, "new": 80, "delta": 0},
        }])
    );
    let indicators = j["indicators"].as_array().unwrap();
    let summary: Vec<(&str, &str)> = indicators
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["change"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("3.2.2-s2", "changed"),
            ("2.1.4-o2", "changed"),
            ("2.2.1-o3", "added"),
            ("3.1.1-s1", "changed"),
        ]
    );
    let by_id = |id: &str| indicators.iter().find(|i| i["id"] == id).unwrap();
    for (id, old, new, before, after, delta) in [
        (
            "3.2.2-s2",
            json!(72),
            json!(76),
            json!(90),
            json!(95),
            json!(5),
        ),
        (
            "3.1.1-s1",
            json!(9),
            json!(8),
            json!(90),
            json!(80),
            json!(-10),
        ),
        (
            "2.1.4-o2",
            json!(2.7),
            json!(2.4),
            json!(90),
            json!(80),
            json!(-10),
        ),
    ] {
        let i = by_id(id);
        assert_eq!(
            i["fields"],
            json!([{"field": "result", "old": old, "new": new}]),
            "{id}"
        );
        assert_eq!(
            i["realization"],
            json!({"old": before, "new": after, "delta": delta}),
            "{id}"
        );
        assert_eq!(i["moved_from"], Json::Null, "{id}");
    }
    let added = by_id("2.2.1-o3");
    assert_eq!(
        added["place"],
        json!({
            "perspective": "Innovazione e crescita",
            "strategic": "2.2",
            "operational": "2.2.1",
            "layer": "operational",
        })
    );
    assert_eq!(
        added["fields"],
        json!([
            {"field": "description", "old": null, "new": "Imprese aderenti allo Sportello Reti di impresa"},
            {"field": "unit", "old": null, "new": "percent"},
            {"field": "target", "old": null, "new": ">= 80 %"},
            {"field": "result", "old": null, "new": 60},
        ])
    );
    assert_eq!(
        added["realization"],
        json!({"old": null, "new": 75, "delta": null})
    );
    // The figures worked out in the text test above.
    let scores: Vec<(String, String, Json, Json, Json)> = j["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let what = match s["level"].as_str().unwrap() {
                "overall" => "overall".to_string(),
                "perspective" => s["perspective"].as_str().unwrap().to_string(),
                _ => s["code"].as_str().unwrap().to_string(),
            };
            (
                what,
                s["layer"].as_str().unwrap().to_string(),
                s["old"].clone(),
                s["new"].clone(),
                s["delta"].clone(),
            )
        })
        .collect();
    let row = |what: &str, layer: &str, old: Json, new: Json, delta: Json| {
        (what.to_string(), layer.to_string(), old, new, delta)
    };
    assert_eq!(
        scores,
        [
            row(
                "overall",
                "strategic",
                json!(98.56),
                json!(97.93),
                json!(-0.63)
            ),
            row(
                "overall",
                "operational",
                json!(94.64),
                json!(94.41),
                json!(-0.23)
            ),
            row(
                "Imprese, consumatori e territorio",
                "strategic",
                json!(99.08),
                json!(99.54),
                json!(0.46)
            ),
            row(
                "Imprese, consumatori e territorio",
                "operational",
                json!(96.92),
                json!(96.1),
                json!(-0.82)
            ),
            row("3.2", "strategic", json!(98), json!(99), json!(1)),
            row(
                "Processi interni",
                "operational",
                json!(95.35),
                json!(92.85),
                json!(-2.5)
            ),
            row("2.1.4", "operational", json!(95), json!(90), json!(-5)),
            row(
                "Innovazione e crescita",
                "strategic",
                json!(94),
                json!(88),
                json!(-6)
            ),
            row(
                "Innovazione e crescita",
                "operational",
                json!(80),
                json!(83.33),
                json!(3.33)
            ),
            row("2.2.1", "operational", json!(50), json!(58.33), json!(8.33)),
            row("3.1", "strategic", json!(90), json!(80), json!(-10)),
        ]
    );
    // An objective's score names its place: the second 3.1, not the first.
    let s31 = j["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "3.1")
        .unwrap();
    assert_eq!(
        s31["place"],
        json!({"perspective": "Innovazione e crescita", "strategic": "3.1"})
    );
}

/// Where the entry `Indicator(id: "ID", …),` of the seed's layout lies in `text`, with its
/// line break.
fn entry(text: &str, id: &str) -> std::ops::Range<usize> {
    let indent = " ".repeat(32);
    let head = format!("{indent}Indicator(\n{indent}    id: \"{id}\"");
    let start = text.find(&head).expect(id);
    let close = format!("\n{indent}),\n");
    start..start + text[start..].find(&close).unwrap() + close.len()
}

#[test]
fn a_removed_and_a_moved_indicator_are_said_with_their_places_and_scores() {
    let old = std::fs::read_to_string(seed()).unwrap();
    // 2.2.1-o2 (0 % against >= 85 %) removed: 2.2.1 is 100 % (was (100 + 0) / 2 = 50).
    let mut new = old.clone();
    new.replace_range(entry(&new, "2.2.1-o2"), "");
    // 3.1.2-o4 (0 %) moved from 3.1.2 to 3.1.3, before 3.1.3-o1: 3.1.2 is (100 × 4) / 4 =
    // 100 % (was 80), 3.1.3 (0 + 100) / 2 = 50 % (was 100).
    let moving = new[entry(&new, "3.1.2-o4")].to_string();
    new.replace_range(entry(&new, "3.1.2-o4"), "");
    let at = entry(&new, "3.1.3-o1").start;
    new.insert_str(at, &moving);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.ron"), &old).unwrap();
    std::fs::write(dir.path().join("new.ron"), &new).unwrap();

    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_aligned(&text);
    let lines = said(&text);
    assert_eq!(
        lines[3], "1 indicatore rimosso, 1 indicatore spostato",
        "{text}"
    );
    // The move: its place before and after, whole, under it (too wide for the columns);
    // its realization is 0 % in both places, so not repeated.
    let at = lines
        .iter()
        .position(|l| l.starts_with("~ 3.1.2-o4 "))
        .expect(&text);
    assert_eq!(
        &lines[at..at + 4],
        [
            "~ 3.1.2-o4 Valutazione (giudizio: buono o +) di custom… Posizione",
            "Imprese, consumatori e territorio › 3.1 › 3.1.3 · O",
            "- Imprese, consumatori e territorio › 3.1 › 3.1.2 · O",
            "+ Imprese, consumatori e territorio › 3.1 › 3.1.3 · O",
        ]
    );
    let at = lines
        .iter()
        .position(|l| l.starts_with("- 2.2.1-o2 "))
        .expect(&text);
    assert_eq!(
        &lines[at..at + 5],
        [
            "- 2.2.1-o2 Valutazione (giudizio: buono o +) di custom… Unità di misura percentuale → —",
            "Innovazione e crescita › 2.2 › 2.2.1 · O Target >= 85 % → —",
            "Risultato 0 % → —",
            "% Realizzazione 0,00 % → —",
            "",
        ]
    );
    // Operational only (both indicators are operational): Σ 9.464,2 + 9 × 20 (3.1.2)
    // − 9 × 50 (3.1.3) + 6 × 50 (2.2.1) = 9.494,2 over 100 = 94,94 % (+0,30).
    // Imprese: (5.670 + 180 − 450) / 58,5 = 92,307… = 92,31 % (was 96,92: −4,61).
    // Innovazione: (600 + 900) / 15 = 100 % (was 80: +20).
    let scores = lines
        .iter()
        .position(|l| l == "Realizzazioni e punteggi")
        .expect(&text);
    assert_eq!(
        &lines[scores + 2..],
        [
            "Punteggi complessivi Punteggio operativo 94,64 % → 94,94 % +0,30",
            "IMPRESE, CONSUMATORI E TERRITORIO Punteggio operativo 96,92 % → 92,31 % -4,61",
            "3.1.2 Promuovere e sostenere i processi occupazion… % Realizzazione 80,00 % → 100,00 % +20,00",
            "3.1.3 Favorire la valorizzazione e la promozione d… % Realizzazione 100,00 % → 50,00 % -50,00",
            "INNOVAZIONE E CRESCITA Punteggio operativo 80,00 % → 100,00 % +20,00",
            "2.2.1 Sviluppo e valorizzazione potenzialità delle… % Realizzazione 50,00 % → 100,00 % +50,00",
            "",
            "S: indicatore strategico (misura l'obiettivo strategico) · O: indicatore operativo",
        ],
        "{text}"
    );
    let j: Json = serde_json::from_str(&stdout(&diff(dir.path(), &["diff", "--json"]))).unwrap();
    let moved = j["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "3.1.2-o4")
        .unwrap();
    assert_eq!(moved["change"], "moved");
    assert_eq!(moved["moved_from"]["operational"], "3.1.2");
    assert_eq!(moved["place"]["operational"], "3.1.3");
    assert_eq!(moved["fields"], json!([]));
}

#[test]
fn a_changed_target_shows_both_targets_and_the_realization_it_gives() {
    let dir = versions(
        &seed(),
        // 3.2.2-s2: 72 against >= 72 instead of >= 80: 100 % (was 90).
        &[(
            "target: AtLeast(80),\n                                    result: 72,",
            "target: AtLeast(72),\n                                    result: 72,",
        )],
    );
    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    // 3.2: (100 × 5) / 5 = 100 % (was 98): strategic Σ 9.856 + 27 × 2 = 9.910 = 99,10 %;
    // Imprese (5.796 + 54) / 58,5 = 100 %.
    let lines = said(&text);
    let at = lines.iter().position(|l| l == "Indicatori").expect(&text);
    assert_eq!(
        &lines[at + 2..],
        [
            "~ 3.2.2-s2 N. di domande depositate marchi e brevetti Target >= 80 → >= 72",
            "Imprese, consumatori e territorio › 3.2 › 3.2.2 · S % Realizzazione 90,00 % → 100,00 % +10,00",
            "",
            "Realizzazioni e punteggi",
            "────────────────────────",
            "Punteggi complessivi Punteggio strategico 98,56 % → 99,10 % +0,54",
            "IMPRESE, CONSUMATORI E TERRITORIO Punteggio strategico 99,08 % → 100,00 % +0,92",
            "3.2 Favorire la crescita responsabile delle imprese… % Realizzazione 98,00 % → 100,00 % +2,00",
            "",
            "S: indicatore strategico (misura l'obiettivo strategico) · O: indicatore operativo",
        ],
        "{text}"
    );
    assert_eq!(lines[3], "1 indicatore modificato");
}

#[test]
fn identical_plans_say_so_in_one_line_and_exit_0() {
    // The same plan written otherwise: comments gone, 9.0 written 9.
    let dir = versions(
        &seed(),
        &[
            (
                "                                // Printed 72 vs >=80, realization 90,00 %.\n",
                "",
            ),
            (
                "nascita di nuova imprenditorialità\",\n                            weight: 9.0,",
                "nascita di nuova imprenditorialità\",\n                            weight: 9,",
            ),
        ],
    );
    for flags in [&["diff"][..], &["diff", "--exit-code"]] {
        let o = diff(dir.path(), flags);
        assert_eq!(o.status.code(), Some(0), "{flags:?}: {}", stderr(&o));
        assert_eq!(
            stdout(&o),
            "Nessuna differenza tra old.ron e new.ron: i due piani dicono le stesse cose (commenti e impaginazione a parte).\n"
        );
    }
    let o = diff(dir.path(), &["--lang", "en", "diff"]);
    assert_eq!(
        stdout(&o),
        "No differences between old.ron and new.ron: the two plans say the same things (comments and layout aside).\n"
    );
    let j: Json = serde_json::from_str(&stdout(&diff(dir.path(), &["diff", "--json"]))).unwrap();
    assert_eq!(
        j,
        json!({
            "old": "old.ron", "new": "new.ron", "differ": false, "plan": [], "perspectives": [],
            "objectives": [], "indicators": [], "scores": [],
        })
    );
}

#[test]
fn exit_code_gives_1_when_the_plans_differ() {
    let dir = versions(&seed(), FIVE_EDITS);
    assert_eq!(
        diff(dir.path(), &["diff", "--exit-code"]).status.code(),
        Some(1)
    );
    assert_eq!(
        diff(dir.path(), &["diff", "--exit-code", "--json"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(diff(dir.path(), &["diff"]).status.code(), Some(0));
}

#[test]
fn an_english_plan_is_compared_in_english_and_the_italian_in_english_when_asked() {
    // example.ron, 1.1.1-o2: 45 complaints against <= 40: 40 / 45 = 88,888… = 88.89 %
    // (was 50: 40 / 50 = 80 %). 1.1.1: (100 + 88,888…) / 2 = 94,444… = 94.44 % (was 90).
    let dir = versions(&example(), &[("result: 50,", "result: 45,")]);
    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_aligned(&text);
    let lines = said(&text);
    for line in [
        "Comparing old.ron (before) with new.ron (after)",
        "1 indicator changed",
        "Field Before After Change",
        "Indicators",
        "~ 1.1.1-o2 Written complaints about the desk Result 50 → 45",
        "Citizens and services › 1.1 › 1.1.1 · O Realization 80.00% → 88.89% +8.89",
        "Realizations and scores",
        "1.1.1 Cut waiting times at the Citizens' Service Desk Realization 90.00% → 94.44% +4.44",
        "S: strategic indicator (measures the strategic objective) · O: operational indicator",
    ] {
        assert!(lines.iter().any(|l| l == line), "{line}\n{text}");
    }
    // The seed in English keeps its Italian numbers.
    let dir = versions(&seed(), FIVE_EDITS);
    let text = stdout(&diff(dir.path(), &["--lang", "en", "diff"]));
    let lines = said(&text);
    for line in [
        "1 objective changed, 1 indicator added, 3 indicators changed",
        "~ 3.1.2 Promuovere e sostenere i processi occupazionali e… Weight 9,00 → 12,00 +3,00",
        "Innovazione e crescita › 2.2 › 2.2.1 · O Target — → >= 80 %",
        "Overall scores Strategic score 98,56 % → 97,93 % -0,63",
        "Operational score 94,64 % → 94,41 % -0,23",
    ] {
        assert!(lines.iter().any(|l| l == line), "{line}\n{text}");
    }
    // And the English plan in Italian, with its English numbers.
    let dir = versions(&example(), &[("result: 50,", "result: 45,")]);
    let text = stdout(&diff(dir.path(), &["--lang", "it", "diff"]));
    assert!(
        said(&text).iter().any(|l| l
            == "Citizens and services › 1.1 › 1.1.1 · O % Realizzazione 80.00% → 88.89% +8.89"),
        "{text}"
    );
}

#[test]
fn a_plan_that_cannot_be_read_exits_2_and_says_where() {
    let dir = versions(&seed(), &[("result: 72,", "result: 72,,")]);
    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.starts_with("perfplan: new.ron:"), "{err}");
    let o = bin()
        .current_dir(dir.path())
        .args(["diff", "old.ron", "missing.ron"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.ron"), "{}", stderr(&o));
    // Neither two plans nor git's seven arguments.
    let o = bin()
        .current_dir(dir.path())
        .args(["--lang", "it", "diff", "old.ron", "new.ron", "x"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "perfplan: diff confronta due piani, VECCHIO e NUOVO (oppure riceve da git sette argomenti, nove per un piano rinominato); ne ha ricevuti 3\n"
    );
}

/// `git` in `repo`, with no configuration but the repository's own.
fn git(repo: &Path, args: &[&str]) -> Output {
    let home = repo.join(".home");
    std::fs::create_dir_all(&home).unwrap();
    let o = Command::new("git")
        .current_dir(repo)
        .env("HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env("GIT_PAGER", "cat")
        .env("PAGER", "cat")
        .env("LANG", "C")
        .env_remove("PERFPLAN_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}{}",
        stdout(&o),
        stderr(&o)
    );
    o
}

fn git_is_there() -> bool {
    let there = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !there {
        eprintln!("skipped: git is not installed");
    }
    there
}

/// A repository with two commits of `plans/p.ron`: the seed, then its five edits.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["config", "user.name", "Controllo di gestione"]);
    git(repo, &["config", "user.email", "controllo@example.org"]);
    std::fs::create_dir(repo.join("plans")).unwrap();
    let text = std::fs::read_to_string(seed()).unwrap();
    std::fs::write(repo.join("plans/p.ron"), &text).unwrap();
    git(repo, &["add", "plans/p.ron"]);
    git(repo, &["commit", "-q", "-m", "Piano 2017"]);
    std::fs::write(repo.join("plans/p.ron"), edit(&text, FIVE_EDITS)).unwrap();
    git(repo, &["commit", "-q", "-a", "-m", "Risultati"]);
    dir
}

/// The command line that runs perfplan from git's configuration (git runs it through the
/// shell).
fn perfplan_command() -> String {
    format!("'{}' diff", env!("CARGO_BIN_EXE_perfplan"))
}

#[test]
fn git_diff_and_log_show_what_a_commit_changed_in_the_plan() {
    if !git_is_there() {
        return;
    }
    let dir = repository();
    let repo = dir.path();
    git(
        repo,
        &["config", "diff.perfplan.command", &perfplan_command()],
    );
    std::fs::write(repo.join(".gitattributes"), "*.ron diff=perfplan\n").unwrap();
    let shown = [
        "Confronto tra a/plans/p.ron (prima) e b/plans/p.ron (dopo)",
        "1 obiettivo modificato, 1 indicatore aggiunto, 3 indicatori modificati",
        "Imprese, consumatori e territorio › 3.2 › 3.2.2 · S % Realizzazione 90,00 % → 95,00 % +5,00",
        "Punteggi complessivi Punteggio strategico 98,56 % → 97,93 % -0,63",
    ];
    for args in [
        &["diff", "HEAD~1", "HEAD"][..],
        &["log", "-p", "--ext-diff", "-1"],
        &["show", "--ext-diff", "HEAD"],
    ] {
        let text = stdout(&git(repo, args));
        let lines = said(&text);
        for line in shown {
            assert!(
                lines.iter().any(|l| l == line),
                "git {args:?}: {line}\n{text}"
            );
        }
        assert!(!text.contains("result: 76"), "git {args:?}\n{text}");
    }
    // The lines are still there when asked for.
    let lines = stdout(&git(repo, &["diff", "--no-ext-diff", "HEAD~1", "HEAD"]));
    assert!(
        lines.contains("+                                    result: 76,"),
        "{lines}"
    );
    // A change of layout alone changes nothing in the plan.
    let text = std::fs::read_to_string(repo.join("plans/p.ron")).unwrap();
    std::fs::write(repo.join("plans/p.ron"), format!("// Rivisto.\n{text}")).unwrap();
    assert_eq!(
        stdout(&git(repo, &["diff"])),
        "Nessuna differenza tra a/plans/p.ron e b/plans/p.ron: i due piani dicono le stesse cose (commenti e impaginazione a parte).\n"
    );
    // A plan added is said in one line.
    std::fs::write(repo.join("plans/q.ron"), &text).unwrap();
    git(repo, &["add", "plans/q.ron"]);
    assert_eq!(
        stdout(&git(repo, &["diff", "--cached", "--", "plans/q.ron"])),
        "plans/q.ron: nuovo piano\n"
    );
}

#[test]
fn git_difftool_compares_two_commits_of_a_plan() {
    if !git_is_there() {
        return;
    }
    let dir = repository();
    let repo = dir.path();
    let cmd = format!("{} \"$LOCAL\" \"$REMOTE\"", perfplan_command());
    git(repo, &["config", "difftool.perfplan.cmd", &cmd]);
    let text = stdout(&git(
        repo,
        &[
            "difftool",
            "-y",
            "-t",
            "perfplan",
            "HEAD~1",
            "HEAD",
            "--",
            "plans/p.ron",
        ],
    ));
    let lines = said(&text);
    for line in [
        "1 obiettivo modificato, 1 indicatore aggiunto, 3 indicatori modificati",
        "Punteggio operativo 94,64 % → 94,41 % -0,23",
    ] {
        assert!(lines.iter().any(|l| l == line), "{line}\n{text}");
    }
}

#[test]
fn an_override_replaced_by_the_exact_result_shows_each_field_and_the_same_realization() {
    // 2.1.1-o1 records the unrounded result, 54,84 %, instead of an override of 91,40:
    // 54,84 / 60 = 91,40 % exactly, computed now rather than set by hand. No score moves.
    let dir = versions(
        &seed(),
        &[
            ("result: 55,", "result: 54.84,"),
            (
                "                                    override: (
                                        realization: 91.40,
                                        reason: \"Realizzazione 91,40 % come stampata nella deliberazione di Giunta n. 61 del 25.05.18 (All. 1); 55/60 darebbe 91,67 %: il risultato non arrotondato era presumibilmente 54,84 % (54,84/60 = 91,40 %).\",
                                    ),
",
                "",
            ),
        ],
    );
    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_aligned(&text);
    let lines = said(&text);
    let at = lines.iter().position(|l| l == "Indicatori").expect(&text);
    assert_eq!(
        &lines[at + 2..],
        [
            "~ 2.1.1-o1 Valutazione (giudizio: sufficiente o + ) … Risultato 55 % → 54,84 %",
            "Processi interni › 2.1 › 2.1.1 · O Forzatura 91,40 % → —",
            "Motivazione forzatura",
            // Too wide for its column: whole, under the row.
            "- Realizzazione 91,40 % come stampata nella deliberazione di Giunta n. 61 del 25.05.18 (All. 1); 55/60 darebbe 91,67 %: il risultato non arrotondato era presumibilmente 54,84 % (54,84/60 = 91,40 %).",
            "% Realizzazione 91,40 %* → 91,40 % 0,00",
            "",
            "S: indicatore strategico (misura l'obiettivo strategico) · O: indicatore operativo",
            "*: realizzazione forzata; la motivazione si legge in `perfplan score --json` e nell'applicazione",
        ],
        "{text}"
    );
    let j: Json = serde_json::from_str(&stdout(&diff(dir.path(), &["diff", "--json"]))).unwrap();
    let fields = &j["indicators"][0]["fields"];
    assert_eq!(
        fields[0],
        json!({"field": "result", "old": 55, "new": 54.84})
    );
    assert_eq!(
        fields[1],
        json!({"field": "override", "old": 91.40, "new": null})
    );
    assert_eq!(fields[2]["field"], "override_reason");
    assert_eq!(fields[2]["new"], Json::Null);
    assert_eq!(j["scores"], json!([]));
}

#[test]
fn the_plan_as_a_whole_is_compared_field_by_field() {
    // Proportional → all or nothing: every missed target now scores 0 % (3.1.2-o4 and
    // 2.2.1-o2 were 0 % already; 3.2.2-s2, 3.1.1-s1 and 2.1.4-o2 were 90 %, 2.1.1-o1 is set
    // by hand). Strategic: 3.2 (100 × 4 + 0) / 5 = 80 %, 3.1 of Innovazione 0 %:
    // 9.856 − 27 × 18 − 9 × 90 = 8.560 = 85,60 %.
    let dir = versions(
        &seed(),
        &[
            ("year: 2017,", "year: 2018,"),
            (
                "thresholds: (good: 90, fair: 60),",
                "thresholds: (good: 95, fair: 60, note_below_fair: true),\n    scoring: AllOrNothing,",
            ),
        ],
    );
    let o = diff(dir.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let lines = said(&text);
    assert_eq!(
        lines[3],
        "3 impostazioni del piano modificate, 3 indicatori modificati"
    );
    let at = lines.iter().position(|l| l == "Piano").expect(&text);
    assert_eq!(
        &lines[at + 2..at + 7],
        [
            "Anno 2017 → 2018",
            "Soglie",
            "- buono da 90 %, sufficiente da 60 %",
            "+ buono da 95 %, sufficiente da 60 %, nota obbligatoria sotto sufficiente",
            "Regola di calcolo proporzionale → tutto o niente",
        ],
        "{text}"
    );
    assert!(
        lines.contains(
            &"Punteggi complessivi Punteggio strategico 98,56 % → 85,60 % -12,96".to_string()
        ),
        "{text}"
    );
    // The indicators the rule scores otherwise, with no field of their own changed.
    let rescored: Vec<&String> = lines.iter().filter(|l| l.starts_with("~ ")).collect();
    assert_eq!(rescored.len(), 3, "{text}");
    let j: Json = serde_json::from_str(&stdout(&diff(dir.path(), &["diff", "--json"]))).unwrap();
    assert_eq!(
        j["plan"],
        json!([
            {"field": "year", "old": 2017, "new": 2018},
            {"field": "thresholds",
             "old": {"good": 90, "fair": 60, "note_below_fair": false},
             "new": {"good": 95, "fair": 60, "note_below_fair": true}},
            {"field": "scoring", "old": "Proportional", "new": "AllOrNothing"},
        ])
    );
    assert!(
        j["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["fields"] == json!([]) && i["realization"]["new"] == json!(0))
    );
}

#[test]
fn periods_and_target_changes_are_compared_too() {
    let comune = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/comune-esempio-2022.ron");
    let dir = versions(
        &comune,
        &[
            (
                r#"periods: {"30 giugno": (result: 70)},"#,
                r#"periods: {"30 giugno": (result: 72, note: "stima")},"#,
            ),
            (
                r#"(from: AtLeast(4500), date: "2022-07-14""#,
                r#"(from: AtLeast(4600), date: "2022-07-14""#,
            ),
            (
                r#"(name: "30 giugno", date: "2022-06-30")"#,
                r#"(name: "30 giugno", date: "2022-06-29")"#,
            ),
        ],
    );
    let out = diff(dir.path(), &["diff"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("1 impostazione del piano modificata, 2 indicatori modificati"),
        "{text}"
    );
    assert!(
        text.contains("- 30 giugno (30/06/2022) · Consuntivo (31/12/2022)"),
        "{text}"
    );
    assert!(
        text.contains("+ 30 giugno (29/06/2022) · Consuntivo (31/12/2022)"),
        "{text}"
    );
    assert!(
        text.contains("(era >= 4.500)") && text.contains("(era >= 4.600)"),
        "{text}"
    );
    assert!(
        text.contains("- 30 giugno: 70 %") && text.contains("+ 30 giugno: 72 %, «stima»"),
        "{text}"
    );
    // The 30 June strategic score moves: 6.1-s1 goes from 70 / 80 = 87.5 % to 72 / 80 = 90 %;
    // with 1-a's 35/44 of >= 95 (83.73 %) and 2-a's 0 %, the mean of the three measured
    // objectives goes from 57.08 to 57.91 %: 57,1 → 57,9, +0,8.
    assert!(
        said(&text)
            .iter()
            .any(|l| l
                == "Punteggi complessivi · 30 giugno Punteggio strategico 57,1 % → 57,9 % +0,8"),
        "{text}"
    );
    let out = diff(dir.path(), &["diff", "--json"]);
    let doc: Json = serde_json::from_str(&stdout(&out)).unwrap();
    let fields: Vec<&Json> = doc["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["fields"].as_array().unwrap())
        .collect();
    assert!(fields.iter().any(|f| f["field"] == "periods"
        && f["old"]["30 giugno"]["result"] == json!(70)
        && f["new"]["30 giugno"]["note"] == "stima"));
    assert!(
        fields
            .iter()
            .any(|f| f["field"] == "target_changes" && f["new"][0]["from"] == ">= 4.600")
    );
}

#[test]
fn git_log_goes_on_past_a_renamed_plan() {
    if !git_is_there() {
        return;
    }
    let dir = repository();
    let repo = dir.path();
    git(
        repo,
        &["config", "diff.perfplan.command", &perfplan_command()],
    );
    std::fs::write(repo.join(".gitattributes"), "*.ron diff=perfplan\n").unwrap();
    // Renamed with one result changed: git gives the external diff nine arguments.
    git(repo, &["mv", "plans/p.ron", "plans/piano-2017.ron"]);
    let text = std::fs::read_to_string(repo.join("plans/piano-2017.ron")).unwrap();
    std::fs::write(
        repo.join("plans/piano-2017.ron"),
        edit(&text, &[("result: 76,", "result: 77,")]),
    )
    .unwrap();
    git(repo, &["commit", "-q", "-a", "-m", "Rinominato"]);
    let text = stdout(&git(repo, &["log", "-p", "--ext-diff", "-M"]));
    let lines = said(&text);
    assert!(
        lines
            .iter()
            .any(|l| l == "Confronto tra a/plans/p.ron (prima) e b/plans/piano-2017.ron (dopo)"),
        "{text}"
    );
    // The log goes on to the commits before the rename.
    assert!(text.contains("Piano 2017"), "{text}");
    assert!(lines.iter().any(|l| l.contains("76 → 77")), "{text}");
}

#[test]
fn the_order_periods_are_written_in_is_no_difference() {
    let text = r#"Plan(title: "T", organization: "O", year: 2022,
      periods: [(name: "I", date: "2022-03-31"), (name: "II", date: "2022-06-30"), (name: "F", date: "2022-12-31")],
      perspectives: [Perspective(name: "P", objectives: [StrategicObjective(code: "1", title: "S", weight: 100, operational: [
        OperationalObjective(code: "1.1", title: "O", weight: 100, indicators: [
          Indicator(id: "a", description: "d", unit: Count, target: AtLeast(3), result: 3,
            periods: {"I": (result: 1), "II": (result: 2)})])])])])"#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.ron"), text).unwrap();
    std::fs::write(
        dir.path().join("new.ron"),
        text.replace(
            r#"{"I": (result: 1), "II": (result: 2)}"#,
            r#"{"II": (result: 2), "I": (result: 1)}"#,
        ),
    )
    .unwrap();
    let o = diff(dir.path(), &["diff", "--exit-code"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}
