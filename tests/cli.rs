//! The built binary, as a script or the controller runs it: exit codes, messages, output.
//!
//! Expected figures come from the seed document (see tests/seed.rs) or are worked out by hand
//! in the comments; none is produced by the code under test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value as Json;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    // Messages must not depend on the developer's environment: the language is the plan's,
    // and English where there is no plan.
    c.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    for var in ["PERFPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(var);
    }
    c
}

fn plans() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")
}

fn seed() -> PathBuf {
    plans().join("cciaa-massa-carrara-2017.ron")
}

fn example() -> PathBuf {
    plans().join("example.ron")
}

fn seed_text() -> String {
    std::fs::read_to_string(seed()).unwrap()
}

fn run(args: &[&str], path: &Path) -> Output {
    bin()
        .args(args)
        .arg(path)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A file in a fresh temporary folder (kept alive by the returned guard).
fn temp_file(name: &str, bytes: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

// ---------------------------------------------------------------------------------------
// check: valid plans
// ---------------------------------------------------------------------------------------

#[test]
fn check_passes_the_seed() {
    let o = run(&["check"], &seed());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out,
        format!(
            "{}: 70 indicatori, 0 errori, 0 avvertenze\n",
            seed().display()
        )
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn check_passes_the_example() {
    let o = run(&["check"], &example());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("12 indicators, 0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );
}

// ---------------------------------------------------------------------------------------
// check: a plan with errors exits 1 and names each place
// ---------------------------------------------------------------------------------------

const WITH_ERRORS: &str = r#"Plan(
    title: "T",
    organization: "O",
    year: 2017,
    perspectives: [
        Perspective(
            name: "Processi interni",
            objectives: [
                StrategicObjective(
                    code: "2.1",
                    title: "S",
                    weight: 100,
                    operational: [
                        OperationalObjective(
                            code: "2.1.1",
                            title: "O1",
                            weight: 110,
                            strategic_indicators: [
                                Indicator(id: "dup", description: "first", unit: Count, target: AtLeast(1), result: 1),
                            ],
                            indicators: [
                                Indicator(id: "ov", description: "override", unit: Percent, target: AtLeast(60), result: 55,
                                    override: (realization: 91.40, reason: "")),
                            ],
                        ),
                        OperationalObjective(
                            code: "2.1.2",
                            title: "O2",
                            weight: -10,
                            strategic_indicators: [
                                Indicator(id: "dup", description: "second", unit: Count, target: AtLeast(1), result: 1),
                            ],
                            indicators: [
                                Indicator(id: "when", description: "a date for a percent", unit: Percent, target: AtLeast(80),
                                    result: "2017-12-31"),
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
)
"#;

#[test]
fn check_exits_1_on_errors_naming_each_place() {
    let (_dir, path) = temp_file("errors.ron", WITH_ERRORS);
    // The plan is Italian; its findings are read here in English.
    let o = run(&["--lang", "en", "check"], &path);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let file = path.display().to_string();
    let line_with = |needle: &str| -> String {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{out}"))
            .to_string()
    };

    // Duplicate id: the second place, naming the first.
    let dup = line_with("\"dup\"");
    assert!(
        dup.starts_with(&format!(
            "{file}: error: Processi interni › 2.1 › 2.1.2 › indicator dup: "
        )),
        "{dup}"
    );
    assert!(
        dup.contains("Processi interni › 2.1 › 2.1.1 › indicator dup"),
        "{dup}"
    );
    assert!(dup.contains("unique"), "{dup}");

    // Override without a reason.
    let ov = line_with("indicator ov:");
    assert!(
        ov.starts_with(&format!(
            "{file}: error: Processi interni › 2.1 › 2.1.1 › indicator ov: "
        )),
        "{ov}"
    );
    assert!(ov.contains("no reason"), "{ov}");

    // Negative weight, at the operational objective.
    let neg = line_with("negative");
    assert!(
        neg.starts_with(&format!("{file}: error: Processi interni › 2.1 › 2.1.2: ")),
        "{neg}"
    );
    assert!(neg.contains("-10"), "{neg}");

    // A date for a Percent unit.
    let date = line_with("indicator when:");
    assert!(
        date.starts_with(&format!(
            "{file}: error: Processi interni › 2.1 › 2.1.2 › indicator when: "
        )),
        "{date}"
    );
    assert!(date.contains("date") && date.contains("Percent"), "{date}");

    // A weight above the whole plan.
    let over = line_with("110");
    assert!(
        over.starts_with(&format!("{file}: error: Processi interni › 2.1 › 2.1.1: ")),
        "{over}"
    );
    assert!(over.contains("more than the whole plan"), "{over}");

    // The summary line counts them; 110 + (-10) = 100 = 100, so no weight warning.
    assert!(
        out.trim_end()
            .ends_with(&format!("{file}: 4 indicators, 5 errors, 0 warnings")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 6, "{out}");

    // In the plan's language.
    let o = run(&["check"], &path);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.ends_with(&format!("{file}: 4 indicatori, 5 errori, 0 avvertenze\n")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 6, "{out}");
}

/// A plan with one indicator, scored (so it has one warning: its operational objective has
/// no strategic indicator), with `weight` on both objectives and `more` in the indicator.
fn one_indicator(weight: &str, more: &str, locale: &str) -> String {
    format!(
        r#"Plan(title: "T", organization: "O", year: 2017, locale: "{locale}", perspectives: [
            Perspective(name: "P", objectives: [StrategicObjective(code: "1", title: "S", weight: {weight}, operational: [
                OperationalObjective(code: "1.1", title: "O", weight: {weight}, indicators: [
                    Indicator(id: "a", description: "d", unit: Count, target: AtLeast(3), result: 4, {more}),
                ]),
            ])]),
        ])"#
    )
}

#[test]
fn check_counts_in_words_with_real_plurals() {
    let no_reason = "override: (realization: 90, reason: \"\")";
    // Weight -5: two errors (each objective's weight), two warnings (the weights do not add
    // up to 100; no strategic indicators).
    for (weight, more, locale, expected) in [
        ("100", "", "it", "1 indicatore, 0 errori, 1 avvertenza"),
        ("100", "", "en", "1 indicator, 0 errors, 1 warning"),
        (
            "100",
            no_reason,
            "it",
            "1 indicatore, 1 errore, 1 avvertenza",
        ),
        ("100", no_reason, "en", "1 indicator, 1 error, 1 warning"),
        ("-5", "", "it", "1 indicatore, 2 errori, 2 avvertenze"),
        ("-5", "", "en", "1 indicator, 2 errors, 2 warnings"),
    ] {
        let (_dir, path) = temp_file("one.ron", one_indicator(weight, more, locale));
        let o = run(&["check"], &path);
        let out = stdout(&o);
        let last = out.lines().last().unwrap_or_default();
        assert_eq!(
            last,
            format!("{}: {expected}", path.display()),
            "{weight} {more} {locale}: {out}"
        );
    }
    let (_dir, path) = temp_file("one.ron", one_indicator("100", no_reason, "it"));
    let o = run(&["score"], &path);
    assert!(
        stdout(&o).contains(
            "\nIl piano contiene 1 errore (indicato da perfplan check): i punteggi non tengono conto dei valori errati.\n"
        ),
        "{}",
        stdout(&o)
    );
    let o = run(&["--lang", "en", "score"], &path);
    assert!(
        stdout(&o).contains(
            "\nThe plan has 1 error (perfplan check lists it): the scores leave out what is wrong.\n"
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn score_still_prints_a_plan_with_errors_lists_them_and_exits_1() {
    let (_dir, path) = temp_file("errors.ron", WITH_ERRORS);
    let o = run(&["--lang", "en", "score"], &path);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 5, "{err}");
    assert!(err.lines().all(|l| l.contains(": error: ")), "{err}");
    let out = stdout(&o);
    assert!(out.contains("Overall score"));
    assert!(
        out.contains("The plan has 5 errors (perfplan check lists them)"),
        "{out}"
    );

    let o = run(&["score"], &path);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 5, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Punteggio complessivo"), "{out}");
    assert!(
        out.contains("Il piano contiene 5 errori (elencati da perfplan check)"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------
// check: unreadable files exit 2 with a short message, never a panic
// ---------------------------------------------------------------------------------------

/// Runs `check` on an unreadable file and returns its stderr after the common assertions.
fn unreadable(path: &Path) -> String {
    let o = run(&["check"], path);
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}: stdout {} stderr {err}",
        path.display(),
        stdout(&o)
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    assert!(err.starts_with("perfplan: "), "{err}");
    assert!(err.lines().count() < 15, "more than a screen:\n{err}");
    assert!(
        err.lines().all(|l| l.chars().count() < 400),
        "a line too long:\n{err}"
    );
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    err
}

/// Asserts the message names `file:line:column` and returns (line, column).
fn place_in(err: &str, path: &Path) -> (usize, usize) {
    let prefix = format!("perfplan: {}:", path.display());
    let rest = err
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("no {prefix:?} in {err}"));
    let mut parts = rest.splitn(3, ':');
    let line: usize = parts
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no line in {err}"));
    let column: usize = parts
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no column in {err}"));
    (line, column)
}

#[test]
fn an_empty_file_is_unreadable() {
    let (_dir, path) = temp_file("empty.ron", "");
    let err = unreadable(&path);
    assert!(err.contains("empty"), "{err}");
    let (_dir, path) = temp_file("blank.ron", "  \n\n\t\n");
    let err = unreadable(&path);
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn non_utf8_bytes_are_unreadable_with_their_place() {
    // Latin-1 "attività" as a spreadsheet might save it, on line 2.
    let (_dir, path) = temp_file("latin1.ron", b"Plan(\n    title: \"attivit\xe0\",\n)\n");
    let err = unreadable(&path);
    assert_eq!(place_in(&err, &path), (2, 20), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
    assert!(err.contains("0xE0"), "{err}");
}

#[test]
fn garbage_binary_bytes_are_unreadable() {
    // Not UTF-8 at all.
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 0x80)
        .collect();
    let (_dir, path) = temp_file("garbage.bin", &bytes);
    let err = unreadable(&path);
    assert_eq!(place_in(&err, &path), (1, 1), "{err}");
    // UTF-8, but control characters and NULs: a syntax error with its place.
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & 0x1f)
        .collect();
    let (_dir, path) = temp_file("controls.bin", &bytes);
    let err = unreadable(&path);
    place_in(&err, &path);
}

#[test]
fn a_truncated_seed_is_unreadable_at_its_end() {
    let text = seed_text();
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (_dir, path) = temp_file("truncated.ron", &text[..cut]);
    let err = unreadable(&path);
    let (line, _) = place_in(&err, &path);
    let lines_kept = text[..cut].lines().count();
    assert!(
        line + 5 >= lines_kept && line <= lines_kept,
        "line {line} of {lines_kept}: {err}"
    );
    // The seed is Italian: its own broken copy is explained in Italian.
    assert!(err.contains("finisce troppo presto"), "{err}");
    // The excerpt shows the line with a caret under it.
    assert!(err.contains(&format!("{line} | ")), "{err}");
    assert!(err.contains('^'), "{err}");
}

#[test]
fn a_wrong_type_is_unreadable_at_its_place() {
    let text = seed_text().replacen("year: 2017,", "year: \"x\",", 1);
    let line = text
        .lines()
        .position(|l| l.contains("year: \"x\""))
        .unwrap()
        + 1;
    let (_dir, path) = temp_file("year.ron", &text);
    let err = unreadable(&path);
    let (at_line, column) = place_in(&err, &path);
    assert_eq!(at_line, line, "{err}");
    // `    year: "x",`: the value starts at column 11 (ron points just before it).
    assert!((10..=11).contains(&column), "{err}");
    assert!(err.contains("numero intero"), "{err}");
}

#[test]
fn a_bad_date_is_unreadable_at_its_place() {
    let text = seed_text().replacen("Deadline(\"2017-11-30\")", "Deadline(\"2017-13-45\")", 1);
    let line = text.lines().position(|l| l.contains("2017-13-45")).unwrap() + 1;
    let (_dir, path) = temp_file("date.ron", &text);
    let err = unreadable(&path);
    assert_eq!(place_in(&err, &path).0, line, "{err}");
    assert!(err.contains("2017-13-45"), "{err}");
    assert!(
        err.contains("2017-12-31"),
        "the message shows the right form: {err}"
    );
}

#[test]
fn a_bad_result_date_and_a_spreadsheet_number_are_unreadable() {
    let text = seed_text().replacen("result: \"2017-11-29\"", "result: \"29/11/2017\"", 1);
    let (_dir, path) = temp_file("date.ron", &text);
    let err = unreadable(&path);
    place_in(&err, &path);
    assert!(err.contains("29/11/2017"), "{err}");
    // `2,03` is not a RON number: the comma ends the field.
    let text = seed_text().replacen("result: 2.03,", "result: 2,03,", 1);
    let (_dir, path) = temp_file("comma.ron", &text);
    let err = unreadable(&path);
    let line = text
        .lines()
        .position(|l| l.contains("result: 2,03,"))
        .unwrap()
        + 1;
    assert_eq!(place_in(&err, &path).0, line, "{err}");
}

#[test]
fn a_missing_field_is_unreadable_and_named() {
    let text = seed_text().replacen("                                    unit: Count,\n", "", 1);
    let (_dir, path) = temp_file("missing.ron", &text);
    let err = unreadable(&path);
    place_in(&err, &path);
    assert!(
        err.contains("in `Indicator` manca il campo `unit`"),
        "{err}"
    );
    let text = seed_text().replacen(
        "    organization: \"Camera di Commercio di Massa-Carrara\",\n",
        "",
        1,
    );
    let (_dir, path) = temp_file("missing.ron", &text);
    let err = unreadable(&path);
    place_in(&err, &path);
    assert!(err.contains("organization"), "{err}");
}

#[test]
fn an_unknown_field_is_unreadable_and_named() {
    let text = seed_text().replacen("result: 72,", "resutl: 72,", 1);
    let line = text.lines().position(|l| l.contains("resutl")).unwrap() + 1;
    let (_dir, path) = temp_file("typo.ron", &text);
    let err = unreadable(&path);
    assert_eq!(place_in(&err, &path).0, line, "{err}");
    assert!(err.contains("resutl"), "{err}");
}

#[test]
fn a_nonexistent_path_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-plan.ron");
    let err = unreadable(&path);
    assert!(err.contains("no-such-plan.ron"), "{err}");
    assert!(err.contains("cannot read"), "{err}");
    // A folder is not a plan either.
    let err = unreadable(dir.path());
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn deeply_nested_brackets_are_unreadable_without_a_stack_overflow() {
    let (_dir, path) = temp_file("deep.ron", "[".repeat(100_000));
    let err = unreadable(&path);
    assert_eq!(place_in(&err, &path), (1, 1), "{err}");

    // Nested where a value is expected, so the reader descends.
    let head = "Plan(title: \"t\", organization: \"o\", year: 2017, perspectives: [Perspective(name: \"p\", objectives: [StrategicObjective(code: \"1\", title: \"t\", weight: ";
    for open in ["[", "(", "{"] {
        let text = format!("{head}{}", open.repeat(100_000));
        let (_dir, path) = temp_file("deep.ron", &text);
        let err = unreadable(&path);
        let (line, column) = place_in(&err, &path);
        assert_eq!(line, 1, "{err}");
        assert!(column > head.len(), "{err}");
        assert!(err.contains("nested"), "{err}");
    }
    let (_dir, path) = temp_file("comments.ron", "/*".repeat(100_000));
    unreadable(&path);
}

#[test]
fn a_long_line_shows_the_place_of_the_error_not_its_start() {
    // A whole plan written on one line, with the error near its end.
    let one_line: String = seed_text()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .replacen("result: 72,", "result: 72 72,", 1);
    let (_dir, path) = temp_file("one-line.ron", &one_line);
    let err = unreadable(&path);
    let (line, column) = place_in(&err, &path);
    assert_eq!(line, 1);
    assert!(column > 1000, "{err}");
    let excerpt = err.lines().nth(1).expect("an excerpt line");
    let caret = err.lines().nth(2).expect("a caret line");
    let at = caret.chars().position(|c| c == '^').expect("a caret");
    let shown: String = excerpt.chars().skip(at.saturating_sub(4)).take(8).collect();
    assert!(
        shown.contains("72"),
        "the caret is not at the error: {shown:?}\n{err}"
    );
}

#[test]
fn an_unknown_locale_is_unreadable() {
    let text = seed_text().replacen("locale: \"it\"", "locale: \"fr\"", 1);
    let line = text
        .lines()
        .position(|l| l.contains("locale: \"fr\""))
        .unwrap()
        + 1;
    let (_dir, path) = temp_file("fr.ron", &text);
    let err = unreadable(&path);
    assert_eq!(place_in(&err, &path).0, line, "{err}");
    assert!(err.contains("unknown locale \"fr\""), "{err}");
}

#[test]
fn absurd_numbers_never_panic() {
    // Valid RON, valid plan types, numbers at the edge of what a decimal holds.
    let body = |weight: &str, target: &str, result: &str| {
        format!(
            "Plan(title: \"t\", organization: \"o\", year: 2017, perspectives: [Perspective(name: \"P\", \
             objectives: [StrategicObjective(code: \"1\", title: \"S\", weight: {weight}, operational: [\
             OperationalObjective(code: \"1.1\", title: \"O\", weight: {weight}, strategic_indicators: [\
             Indicator(id: \"a\", description: \"d\", unit: Number, target: {target}, result: {result})], \
             indicators: [Indicator(id: \"b\", description: \"d\", unit: Number, target: AtLeast(1), result: 1)])]), \
             StrategicObjective(code: \"2\", title: \"S\", weight: {weight}, operational: [])])])"
        )
    };
    let max = "79228162514264337593543950335";
    let cases = [
        body("50", "Exactly(0.0001)", max),
        body("50", "AtLeast(0.0000001)", &format!("-{max}")),
        body("50", &format!("Exactly(-{max})"), max),
        body(
            "50",
            &format!("AtMost({max})"),
            "0.0000000000000000000000000001",
        ),
        body(max, "AtLeast(1)", "1"),
        body(&format!("-{max}"), "AtLeast(1)", "1"),
        body("0.0000000000000000000000000001", "AtLeast(1)", "0"),
        body("50", "Between(min: 0.0000001, max: 1)", &format!("-{max}")),
    ];
    for text in cases {
        let (_dir, path) = temp_file("absurd.ron", &text);
        for args in [&["check"][..], &["score"], &["score", "--json"]] {
            let o = run(args, &path);
            let err = stderr(&o);
            assert!(!err.contains("panicked"), "{args:?} {text}\n{err}");
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "{args:?} {text}\n{err}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// score --json
// ---------------------------------------------------------------------------------------

fn score_json(path: &Path) -> Json {
    let o = run(&["score", "--json"], path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("valid JSON")
}

/// The keys of a JSON object, sorted.
fn keys(v: &Json) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

/// A JSON number as its exact text (serde_json keeps the digits written).
fn num(v: &Json) -> String {
    match v {
        Json::Number(n) => n.to_string(),
        other => panic!("not a number: {other}"),
    }
}

fn has_keys(v: &Json, required: &[&str]) {
    let k = keys(v);
    for r in required {
        assert!(k.contains(r), "missing {r:?} in {k:?}");
    }
}

const PERSPECTIVE_KEYS: [&str; 4] = ["name", "objectives", "score", "weight"];
const STRATEGIC_KEYS: [&str; 7] = [
    "code",
    "measured",
    "operational",
    "realization",
    "title",
    "total",
    "weight",
];
const OPERATIONAL_KEYS: [&str; 8] = [
    "code",
    "indicators",
    "measured",
    "realization",
    "strategic_indicators",
    "title",
    "total",
    "weight",
];
const INDICATOR_KEYS: [&str; 8] = [
    "description",
    "id",
    "overridden",
    "pending",
    "realization",
    "result",
    "target",
    "unit",
];

/// Every SO, OO and indicator of the JSON, checking each one's shape on the way.
fn walk(doc: &Json) -> (Vec<&Json>, Vec<&Json>, Vec<&Json>) {
    let (mut sos, mut oos, mut inds) = (vec![], vec![], vec![]);
    for p in doc["perspectives"].as_array().unwrap() {
        has_keys(p, &PERSPECTIVE_KEYS);
        assert_eq!(keys(&p["score"]), ["operational", "strategic"]);
        assert!(p["name"].is_string() && p["weight"].is_number());
        for so in p["objectives"].as_array().unwrap() {
            has_keys(so, &STRATEGIC_KEYS);
            assert!(so["code"].is_string() && so["title"].is_string() && so["weight"].is_number());
            assert!(so["measured"].is_u64() && so["total"].is_u64());
            sos.push(so);
            for oo in so["operational"].as_array().unwrap() {
                has_keys(oo, &OPERATIONAL_KEYS);
                assert!(oo["measured"].is_u64() && oo["total"].is_u64());
                oos.push(oo);
                for layer in ["strategic_indicators", "indicators"] {
                    for ind in oo[layer].as_array().unwrap() {
                        has_keys(ind, &INDICATOR_KEYS);
                        assert!(ind["id"].is_string() && ind["target"].is_string());
                        assert!(ind["pending"].is_boolean() && ind["overridden"].is_boolean());
                        inds.push(ind);
                    }
                }
            }
        }
    }
    (sos, oos, inds)
}

fn find<'a>(list: &[&'a Json], key: &str, value: &str) -> &'a Json {
    list.iter()
        .find(|v| v[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value}"))
}

#[test]
fn score_json_on_the_seed_has_the_documented_shape_and_the_seed_figures() {
    let doc = score_json(&seed());
    has_keys(
        &doc,
        &["title", "organization", "year", "overall", "perspectives"],
    );
    assert_eq!(keys(&doc["overall"]), ["operational", "strategic"]);
    assert_eq!(doc["organization"], "Camera di Commercio di Massa-Carrara");
    assert_eq!(doc["year"], 2017);
    assert_eq!(num(&doc["overall"]["strategic"]), "98.56");
    assert_eq!(num(&doc["overall"]["operational"]), "94.64");
    assert_eq!(doc["measured"], 70);
    assert_eq!(doc["total"], 70);

    let perspectives = doc["perspectives"].as_array().unwrap();
    let names: Vec<&str> = perspectives
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Imprese, consumatori e territorio",
            "Processi interni",
            "Innovazione e crescita",
            "Economico-finanziario"
        ]
    );
    let strategic: Vec<String> = perspectives
        .iter()
        .map(|p| num(&p["score"]["strategic"]))
        .collect();
    assert_eq!(strategic, ["99.08", "100", "94", "100"]);
    let weights: Vec<String> = perspectives.iter().map(|p| num(&p["weight"])).collect();
    assert_eq!(weights, ["58.5", "12", "15", "14.5"]);

    let (sos, oos, inds) = walk(&doc);
    assert_eq!((sos.len(), oos.len(), inds.len()), (8, 16, 70));

    // Strategic objectives: 3.2 at 98 % (flat mean of 5), the second 3.1 at 90 %.
    let so32 = find(&sos, "code", "3.2");
    assert_eq!(num(&so32["realization"]), "98");
    assert_eq!(num(&so32["weight"]), "27");
    assert_eq!(
        (so32["measured"].as_u64(), so32["total"].as_u64()),
        (Some(5), Some(5))
    );
    let so31: Vec<&&Json> = sos.iter().filter(|so| so["code"] == "3.1").collect();
    assert_eq!(so31.len(), 2);
    assert_eq!(
        (num(&so31[0]["weight"]), num(&so31[0]["realization"])),
        ("18".into(), "100".into())
    );
    assert_eq!(
        (num(&so31[1]["weight"]), num(&so31[1]["realization"])),
        ("9".into(), "90".into())
    );

    // Operational objectives.
    let expect_oo = [
        ("3.1.2", "80", 5),
        ("2.1.1", "95.7", 2),
        ("2.1.4", "95", 2),
        ("2.2.1", "50", 2),
        ("1.1.1", "100", 8),
    ];
    for (code, real, n) in expect_oo {
        let oo = find(&oos, "code", code);
        assert_eq!(num(&oo["realization"]), real, "{code}");
        assert_eq!(
            (oo["measured"].as_u64(), oo["total"].as_u64()),
            (Some(n), Some(n)),
            "{code}"
        );
    }
    assert_eq!(num(&find(&oos, "code", "1.2.3")["weight"]), "2.5");

    // Indicators.
    let i = find(&inds, "id", "3.2.2-s2");
    assert_eq!(num(&i["realization"]), "90");
    assert_eq!(num(&i["result"]), "72");
    assert_eq!(i["unit"], "count");
    assert_eq!(i["pending"], false);
    assert_eq!(i["overridden"], false);
    let i = find(&inds, "id", "2.1.1-s2");
    assert_eq!(num(&i["result"]), "2.03");
    assert_eq!(i["target"], "<= 5");
    assert_eq!(i["unit"], "number");
    let i = find(&inds, "id", "2.1.1-o1");
    assert_eq!(num(&i["realization"]), "91.4");
    assert_eq!(i["overridden"], true);
    assert!(i["override_reason"].as_str().unwrap().contains("91,40"));
    let i = find(&inds, "id", "2.1.3-s1");
    assert_eq!(num(&i["result"]), "-34");
    assert_eq!(num(&i["realization"]), "100");
    let i = find(&inds, "id", "1.1.1-o2");
    assert_eq!(i["result"], "2017-11-29");
    assert_eq!(i["unit"], "date");
    assert_eq!(i["target"], "<= 30/11/2017");
    let i = find(&inds, "id", "1.1.1-o1");
    assert_eq!(i["unit"], "testate");
    assert_eq!(i["target"], ">= 3 testate");
    let i = find(&inds, "id", "2.2.1-o2");
    assert_eq!(num(&i["realization"]), "0");
    assert_eq!(i["target"], ">= 85 %");
    assert!(
        inds.iter()
            .all(|i| i["pending"] == false && i["realization"].is_number())
    );
}

#[test]
fn score_json_shows_pending_indicators_as_null_and_counts_them() {
    // 3.2.2-s2 (72 vs >= 80) and 3.1.2-o4 (0 % vs >= 85 %) lose their results.
    let text = seed_text()
        .replacen("                                    result: 72,\n", "", 1)
        .replacen(
            "                                    target: AtLeast(85),\n                                    result: 0,\n                                ),\n                                Indicator(\n                                    id: \"3.1.2-o5\"",
            "                                    target: AtLeast(85),\n                                ),\n                                Indicator(\n                                    id: \"3.1.2-o5\"",
            1,
        );
    let (_dir, path) = temp_file("pending.ron", &text);
    let doc = score_json(&path);
    let (sos, oos, inds) = walk(&doc);

    for id in ["3.2.2-s2", "3.1.2-o4"] {
        let i = find(&inds, "id", id);
        assert!(i["realization"].is_null(), "{id}: {i}");
        assert!(i["result"].is_null(), "{id}: {i}");
        assert_eq!(i["pending"], true, "{id}");
        assert_eq!(i["overridden"], false, "{id}");
    }
    // 3.2: the four measured, (100 + 100 + 100 + 100) / 4 = 100, 4 of 5.
    let so32 = find(&sos, "code", "3.2");
    assert_eq!(num(&so32["realization"]), "100");
    assert_eq!(
        (so32["measured"].as_u64(), so32["total"].as_u64()),
        (Some(4), Some(5))
    );
    // 3.1.2: (100 + 100 + 100 + 100) / 4 = 100, 4 of 5.
    let oo = find(&oos, "code", "3.1.2");
    assert_eq!(num(&oo["realization"]), "100");
    assert_eq!(
        (oo["measured"].as_u64(), oo["total"].as_u64()),
        (Some(4), Some(5))
    );
    // 3.2.2's own realization does not depend on its strategic indicators.
    let oo = find(&oos, "code", "3.2.2");
    assert_eq!(
        (oo["measured"].as_u64(), oo["total"].as_u64()),
        (Some(3), Some(3))
    );
    // Overall: strategic 98,56 + 27 · 2 / 100 = 99,10; operational 94,642 + 9 · 20 / 100
    // = 96,442 → 96,44.
    assert_eq!(num(&doc["overall"]["strategic"]), "99.1");
    assert_eq!(num(&doc["overall"]["operational"]), "96.44");
    assert_eq!(doc["measured"], 68);
    assert_eq!(doc["total"], 70);
    assert_eq!(doc["provisional"], true);
    assert_eq!(inds.iter().filter(|i| i["pending"] == true).count(), 2);
}

#[test]
fn score_json_gives_null_where_nothing_is_measured() {
    let text = r#"Plan(title: "T", organization: "O", year: 2018, perspectives: [
        Perspective(name: "P", objectives: [StrategicObjective(code: "1", title: "S", weight: 100, operational: [
            OperationalObjective(code: "1.1", title: "O", weight: 100,
                strategic_indicators: [Indicator(id: "s", description: "d", unit: Count, target: AtLeast(3))],
                indicators: [Indicator(id: "o", description: "d", unit: Date, target: Deadline("2018-06-30"))])])])])"#;
    let (_dir, path) = temp_file("empty-year.ron", text);
    let doc = score_json(&path);
    assert!(doc["overall"]["strategic"].is_null());
    assert!(doc["overall"]["operational"].is_null());
    let (sos, oos, inds) = walk(&doc);
    assert!(sos[0]["realization"].is_null());
    assert_eq!(
        (sos[0]["measured"].as_u64(), sos[0]["total"].as_u64()),
        (Some(0), Some(1))
    );
    assert!(oos[0]["realization"].is_null());
    assert!(
        inds.iter()
            .all(|i| i["pending"] == true && i["realization"].is_null())
    );
    assert_eq!(doc["measured"], 0);
    assert_eq!(doc["total"], 2);
}

#[test]
fn score_json_on_the_example() {
    let doc = score_json(&example());
    // By hand: strategic 100 (every measured strategic indicator meets its target);
    // operational (25 · 90 + 15 · 70,833… + 30 · 50 + 30 · 100) / 100 = 7812,5 / 100
    // = 78,125 → 78,13 (half up).
    assert_eq!(num(&doc["overall"]["strategic"]), "100");
    assert_eq!(num(&doc["overall"]["operational"]), "78.13");
    assert_eq!(
        (doc["measured"].as_u64(), doc["total"].as_u64()),
        (Some(10), Some(12))
    );
    let (_, oos, inds) = walk(&doc);
    // 1.1.2: (100 − 100 · 10 / 30 + 9 / 12 · 100) / 2 = (66,666… + 75) / 2 = 70,83.
    assert_eq!(num(&find(&oos, "code", "1.1.2")["realization"]), "70.83");
    assert_eq!(num(&find(&inds, "id", "1.1.2-o1")["realization"]), "66.67");
    assert_eq!(num(&find(&inds, "id", "1.1.1-o2")["realization"]), "80");
    assert_eq!(num(&find(&inds, "id", "1.2.1-o2")["realization"]), "0");
    // The same number as written (1198400.50); JSON numbers carry no trailing zeros.
    assert_eq!(num(&find(&inds, "id", "2.1.1-s1")["result"]), "1198400.5");
    assert_eq!(find(&inds, "id", "2.1.1-s1")["unit"], "currency");
    assert_eq!(find(&inds, "id", "2.1.1-o1")["overridden"], true);
    assert!(find(&inds, "id", "2.1.1-o2")["realization"].is_null());
}

// ---------------------------------------------------------------------------------------
// score (text)
// ---------------------------------------------------------------------------------------

#[test]
fn score_text_on_the_seed_prints_the_italian_figures() {
    let o = run(&["score"], &seed());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "Punteggio complessivo   strategico 98,56 %   operativo 94,64 %   indicatori rilevati 70 / 70\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("\n  punteggio: strategico 99,08 % · operativo 96,92 %\n"),
        "{out}"
    );
    assert!(out.contains("strategico 94,00 %"), "{out}");
    assert!(!out.contains("provvisori"), "{out}");
    let header = out.lines().find(|l| l.contains("Peso")).unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        [
            "Peso",
            "Risultato",
            "2017",
            "Target",
            "2017",
            "%",
            "Realizzazione",
            "Rilevati"
        ]
    );
    assert!(out.contains(
        "\nS: indicatore strategico (misura l'obiettivo strategico) · O: indicatore operativo\n"
    ));
    assert!(out.contains("*: realizzazione forzata; "), "{out}");
    for english in ["Overall", " strategic ", "Weight", "pending", "measured"] {
        assert!(!out.contains(english), "{english:?} in:\n{out}");
    }
    let row = |id: &str| {
        out.lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_else(|| panic!("no row {id}"))
            .to_string()
    };
    assert!(row("3.2.2-s2").ends_with("90,00 %"), "{}", row("3.2.2-s2"));
    assert!(row("2.1.1-o1").ends_with("91,40 %*"), "{}", row("2.1.1-o1"));
    assert!(row("2.1.1-s2").contains("2,03"), "{}", row("2.1.1-s2"));
    assert!(row("1.2.4-o1").contains("1.119"), "{}", row("1.2.4-o1"));
    assert!(row("1.2.4-o1").contains(">= 1.000"), "{}", row("1.2.4-o1"));
    assert!(
        row("1.1.1-o2").contains("29/11/2017"),
        "{}",
        row("1.1.1-o2")
    );
    let objective = |code: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no objective {code}"))
            .to_string()
    };
    assert!(objective("3.2").contains("98,00 %"), "{}", objective("3.2"));
    assert!(
        objective("2.1.1").contains("95,70 %"),
        "{}",
        objective("2.1.1")
    );
    assert!(
        objective("2.2.1").contains("50,00 %"),
        "{}",
        objective("2.2.1")
    );
    assert!(!out.contains("98.56"), "{out}");
}

#[test]
fn score_text_on_the_example_prints_english_figures() {
    let o = run(&["score"], &example());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("strategic 100.00%"), "{out}");
    assert!(out.contains("operational 78.13%"), "{out}");
    assert!(out.contains("66.67%"), "{out}");
    assert!(out.contains("1,198,400.50 €"), "{out}");
    assert!(out.contains("2025-07-10"), "{out}");
    assert!(
        out.contains(
            "Provisional: some indicators are still pending and are left out of the scores.\n"
        ),
        "{out}"
    );
    assert!(out.contains("indicators measured 10 / 12"), "{out}");
    let header = out.lines().find(|l| l.contains("Weight")).unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["Weight", "Result", "Target", "Realization", "Measured"]
    );
    assert!(out.contains("pending"), "{out}");
    assert!(!out.contains(" %"), "no Italian percent spacing: {out}");
    assert!(!out.contains("78,13"), "{out}");
}

#[test]
fn score_on_an_unreadable_file_exits_2() {
    let (_dir, path) = temp_file("empty.ron", "");
    for args in [&["score"][..], &["score", "--json"]] {
        let o = run(args, &path);
        assert_eq!(o.status.code(), Some(2));
        assert!(stdout(&o).is_empty());
        assert!(stderr(&o).contains("empty"));
    }
}

#[test]
fn comments_beside_numbers_and_dates_are_allowed() {
    let text = r#"Plan(title: "T", organization: "O", year: 2017, perspectives: [Perspective(name: "P", objectives: [
  StrategicObjective(code: "1", title: "S", weight: 100 /* = sum */, operational: [OperationalObjective(code: "1.1", title: "O", weight: 100, indicators: [
    Indicator(id: "a", description: "d", unit: Percent, target: AtLeast(80 /* >=80% */), result: /* c */ 72),
    Indicator(id: "b", description: "d", unit: Percent, target: AtLeast(80),
      result: 72 // checked
    ),
    Indicator(id: "c", description: "d", unit: Date, target: Deadline("2017-12-31"),
      result: "2017-11-01" // done
    ),
  ])])])])
"#;
    let (_dir, path) = temp_file("comments.ron", text);
    let o = run(&["score", "--json"], &path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // (90 + 90 + 100) / 3
    assert_eq!(json["overall"]["operational"], serde_json::json!(93.33));
}

// ---------------------------------------------------------------------------------------
// The language: the plan's, unless --lang or PERFPLAN_LANG says otherwise
// ---------------------------------------------------------------------------------------

#[test]
fn lang_en_or_the_variable_gives_the_seed_in_english_with_its_italian_numbers() {
    let english = |o: &Output| {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        stdout(o)
    };
    let by_flag = english(&run(&["--lang", "en", "score"], &seed()));
    let by_var = english(
        &bin()
            .env("PERFPLAN_LANG", "en")
            .arg("score")
            .arg(seed())
            .output()
            .unwrap(),
    );
    assert_eq!(by_flag, by_var);
    assert!(
        by_flag.contains(
            "Overall score   strategic 98,56 %   operational 94,64 %   indicators measured 70 / 70\n"
        ),
        "{by_flag}"
    );
    assert!(by_flag.contains("score: strategic 99,08 % · operational 96,92 %"));
    assert!(!by_flag.contains("Punteggio") && !by_flag.contains("Peso"));

    let check = run(&["check", "--lang", "en"], &seed());
    assert_eq!(
        stdout(&check),
        format!(
            "{}: 70 indicators, 0 errors, 0 warnings\n",
            seed().display()
        )
    );
    // The flag wins over the variable.
    let o = bin()
        .env("PERFPLAN_LANG", "en")
        .args(["check", "--lang", "it"])
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(
        stdout(&o),
        format!(
            "{}: 12 indicatori, 0 errori, 0 avvertenze\n",
            example().display()
        )
    );
}

#[test]
fn score_json_is_the_same_in_every_language_with_english_keys() {
    let json = |args: &[&str], path: &Path| {
        let o = run(args, path);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let seed_json = json(&["score", "--json"], &seed());
    assert_eq!(
        seed_json,
        json(&["--lang", "en", "score", "--json"], &seed())
    );
    let example_json = json(&["score", "--json"], &example());
    assert_eq!(
        example_json,
        json(&["--lang", "it", "score", "--json"], &example())
    );
    let doc: Json = serde_json::from_str(&seed_json).unwrap();
    assert_eq!(
        keys(&doc),
        [
            "errors",
            "measured",
            "not_assessable",
            "organization",
            "overall",
            "period",
            "perspectives",
            "provisional",
            "target_changes",
            "title",
            "total",
            "year"
        ]
    );
    let (_, _, inds) = walk(&doc);
    assert_eq!(
        keys(find(&inds, "id", "2.1.1-o1")),
        [
            "description",
            "id",
            "note",
            "overridden",
            "override_reason",
            "pending",
            "realization",
            "result",
            "target",
            "unit"
        ]
    );
    // A plan with errors: the messages of the JSON are English whatever the language.
    let (_dir, path) = temp_file("errors.ron", WITH_ERRORS);
    let o = run(&["score", "--json"], &path);
    assert_eq!(o.status.code(), Some(1));
    let doc: Json = serde_json::from_str(&stdout(&o)).unwrap();
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 5);
    assert!(
        errors
            .iter()
            .all(|e| e.as_str().unwrap().starts_with("error: "))
    );
    let (_, _, inds) = walk(&doc);
    let when = find(&inds, "id", "when");
    assert!(
        when["unscorable"].as_str().unwrap().contains("date"),
        "{when}"
    );
}

#[test]
fn export_speaks_the_plans_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piano.ron");
    std::fs::copy(seed(), &path).unwrap();
    let out = dir.path().join("piano.md");
    let o = run(&["export", "-f", "md"], &path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!("perfplan: creato il file {}\n", out.display())
    );
    let o = run(&["export", "-f", "md"], &path);
    assert_eq!(
        stderr(&o),
        format!("perfplan: sostituito il file {}\n", out.display())
    );
    let o = run(&["--lang", "en", "export", "-f", "md"], &path);
    assert_eq!(
        stderr(&o),
        format!("perfplan: replaced {}\n", out.display())
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("| Strategic | 98,56 % |")
    );

    for (args, said) in [
        (
            &["export", "-f", "csv", "--decimal", ";"][..],
            "perfplan: --decimal deve essere , oppure .\n",
        ),
        (
            &["export", "-f", "csv", "--delimiter", ","],
            "perfplan: il separatore dei campi del CSV e il separatore decimale devono essere diversi\n",
        ),
        (
            &["export", "-f", "md", "-o"],
            "perfplan: non esportato: {plan} è il piano stesso; indica un altro file con -o\n",
        ),
    ] {
        let mut args = args.to_vec();
        let plan = path.to_str().unwrap();
        if args.last() == Some(&"-o") {
            args.push(plan);
        }
        let o = run(&args, &path);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&o), said.replace("{plan}", plan), "{args:?}");
    }

    // A plan with errors is not exported, and the message counts them in words.
    let (_dir, broken) = temp_file("errors.ron", WITH_ERRORS);
    let o = run(&["export", "-f", "md"], &broken);
    assert_eq!(o.status.code(), Some(1));
    let last = stderr(&o).lines().last().unwrap().to_string();
    assert_eq!(
        last,
        "perfplan: non esportato: il piano contiene 5 errori (elencati sopra); correggili, oppure esporta con --force una bozza segnalata come tale"
    );
    let o = run(&["--lang", "en", "export", "-f", "md"], &broken);
    assert!(
        stderr(&o).ends_with(
            "perfplan: not exported: the plan has 5 errors (listed above); fix them, or export a draft marked as such with --force\n"
        ),
        "{}",
        stderr(&o)
    );

    // A provisional export says so after writing, in words.
    let text = seed_text().replace("result: 72,", "");
    let (_dir, pending) = temp_file("in-corso.ron", text);
    let o = run(&["export", "-f", "html"], &pending);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with(
            "perfplan: Punteggi provvisori: 1 indicatore su 70 è ancora in attesa ed è escluso dal calcolo dei punteggi.\n"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_file_that_cannot_be_read_is_told_in_the_systems_language() {
    let (_dir, path) = temp_file("empty.ron", "");
    // No plan, so no plan's language: the system's, or --lang.
    let o = bin()
        .env("LANG", "it_IT.UTF-8")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let italian_system = stderr(&o);
    let o = run(&["--lang", "it", "check"], &path);
    assert_eq!(stderr(&o), italian_system);
    let o = run(&["check"], &path);
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
}

#[test]
fn lang_goes_before_or_after_the_command_and_a_plan_only_without_one() {
    let before = run(&["--lang", "en", "check"], &seed());
    let after = run(&["check", "--lang", "en"], &seed());
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert_eq!(stdout(&before), stdout(&after));
    // `perfplan PLAN check PLAN`: which plan is meant is not clear.
    let o = bin().arg(seed()).arg("check").arg(seed()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot come before a command"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_broken_italian_plan_is_explained_in_italian_whatever_the_system_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    // The seed with a stray comma after its perspectives: it names its locale before.
    let seed = std::fs::read_to_string(plans().join("cciaa-massa-carrara-2017.ron")).unwrap();
    let broken = seed.replacen("perspectives: [", "perspectives: [,,", 1);
    assert_ne!(broken, seed);
    std::fs::write(&path, broken).unwrap();
    let o = bin()
        .env("LANG", "C.UTF-8")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let said = stderr(&o);
    assert!(said.contains(&format!("{}:", path.display())), "{said}");
    assert!(!said.contains("Expected"), "said in Italian: {said}");
    let o = bin()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!stderr(&o).contains("qui va"), "{}", stderr(&o));
    // Where the file names no locale, the system's language decides.
    std::fs::write(&path, "(,,").unwrap();
    let o = bin()
        .env("LANG", "it_IT.UTF-8")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let it = stderr(&o);
    let o = bin()
        .env("LANG", "C.UTF-8")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_ne!(it, stderr(&o), "Italian system, Italian message");
}
