//! Reading hostile plan files: whatever the bytes, perfplan answers with the plan or with an
//! error that says where, and never panics, hangs or overflows its stack. The same holds
//! for the text-keeping save, which reads whatever is on disk when the user overwrites a
//! file that changed. And whatever the characters, the tree's columns stay aligned.

use std::path::Path;
use std::time::{Duration, Instant};

use perfplan::app::{Action, App};
use perfplan::driver::Driver;
use perfplan::lang::{Lang, Say};
use perfplan::plan::number::ReadError;
use perfplan::plan::{NodePath, Plan, Value};
use perfplan::store::{self, LoadError, ReaderError, SyntaxError};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use rust_decimal_macros::dec;
use unicode_width::UnicodeWidthStr;

const SEED_TEXT: &str = include_str!("../plans/cciaa-massa-carrara-2017.ron");

fn seed() -> Plan {
    store::parse(Path::new("seed.ron"), SEED_TEXT).unwrap()
}

/// Checks what every failed read must give: a message in each language, and for a syntax
/// error a place that exists in the text.
fn check_error(text: &str, e: &LoadError) {
    for lang in [Lang::En, Lang::It] {
        let message = e.say(lang);
        assert!(!message.trim().is_empty(), "an empty error message");
    }
    match e {
        LoadError::Syntax {
            line,
            column,
            what,
            excerpt,
            ..
        } => {
            assert!(*line >= 1 && *column >= 1, "no place: {line}:{column}");
            for lang in [Lang::En, Lang::It] {
                assert!(!what.say(lang).trim().is_empty(), "{what:?}");
            }
            assert_eq!(excerpt.line, *line);
            assert!(excerpt.column >= 1);
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            // A line past the last one is allowed only for an error at the very end.
            assert!(
                *line <= body.split('\n').count(),
                "line {line} is past the end of a {}-line text: {e:?}",
                body.split('\n').count()
            );
        }
        LoadError::Empty { .. } => assert!(text.trim_start_matches('\u{feff}').trim().is_empty()),
        LoadError::NotUtf8 { line, column, .. } => assert!(*line >= 1 && *column >= 1),
        LoadError::CrLineEndings { .. } => {
            assert!(text.contains('\r') && !text.contains('\n'), "{e:?}")
        }
        LoadError::Io { .. } | LoadError::TooLarge { .. } => {
            panic!("parse of text in memory cannot fail with {e:?}")
        }
    }
}

/// Parses `text`, checks the error if any, and tries the text-keeping save on it as if it
/// were what another writer left on disk.
fn parse_checked(text: &str, plan: &Plan) -> Option<Plan> {
    // The save path reads the disk text when the user overwrites a changed file: it must
    // refuse text of another shape, never panic.
    let _ = store::patch(text, plan);
    match store::parse(Path::new("fuzz.ron"), text) {
        Ok(p) => Some(p),
        Err(e) => {
            check_error(text, &e);
            None
        }
    }
}

fn bytes_checked(bytes: Vec<u8>, plan: &Plan) {
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    parse_checked(&lossy, plan);
    match store::decode(Path::new("fuzz.ron"), bytes) {
        Ok(text) => {
            parse_checked(&text, plan);
        }
        Err(e) => {
            assert!(matches!(e, LoadError::NotUtf8 { .. }), "{e:?}");
            check_error("", &e);
        }
    }
}

/// One change to the seed's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, text: &'static str },
    Truncate { at: usize },
}

const INSERTS: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "\"",
    "'",
    ",",
    ":",
    "0",
    "7",
    "-",
    ".",
    "e",
    "1e999",
    "99999999999999999999999999999999",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\\",
    "\n",
    "é",
    "\u{feff}",
    "#!",
    "Some(",
    "None",
    "b\"",
    "_",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = SEED_TEXT.len();
    prop_oneof![
        4 => (0..len, any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        2 => (0..len, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        4 => (0..len, proptest::sample::select(INSERTS))
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        1 => (0..len).prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = bytes.len();
        match *m {
            Mutation::Flip { at, byte } if n > 0 => bytes[at % n] = byte,
            Mutation::Delete { at, len } if n > 0 => {
                let at = at % n;
                bytes.drain(at..(at + len).min(n));
            }
            Mutation::Insert { at, text } => {
                let at = at % (n + 1);
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Truncate { at } => bytes.truncate(at % (n + 1)),
            _ => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_give_a_plan_or_a_placed_error(
        bytes in proptest::collection::vec(any::<u8>(), 0..600)
    ) {
        bytes_checked(bytes, &seed());
    }

    #[test]
    fn arbitrary_ron_like_text_gives_a_plan_or_a_placed_error(
        parts in proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(INSERTS).prop_map(str::to_string),
                proptest::sample::select(&[
                    "Plan", "title", "organization", "year", "perspectives", "Perspective",
                    "name", "objectives", "weight", "Indicator", "result", " ", "\t",
                ][..]).prop_map(str::to_string),
                "[a-z ]{0,8}",
            ],
            0..80,
        )
    ) {
        let text: String = parts.concat();
        parse_checked(&text, &seed());
    }
}

proptest! {
    // Each case parses the 49 KB seed, a few milliseconds in a debug build.
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_seed_mutated_gives_a_plan_or_a_placed_error(
        mutations in proptest::collection::vec(mutation(), 1..6)
    ) {
        let plan = seed();
        let bytes = mutate(SEED_TEXT.as_bytes().to_vec(), &mutations);
        bytes_checked(bytes, &plan);
    }
}

// ---------------------------------------------------------------------------------------
// Hand-written hostile files
// ---------------------------------------------------------------------------------------

fn parse(text: &str) -> Result<Plan, LoadError> {
    let r = store::parse(Path::new("hostile.ron"), text);
    if let Err(e) = &r {
        check_error(text, e);
    }
    r
}

fn syntax_place(e: &LoadError) -> (usize, usize, &SyntaxError) {
    match e {
        LoadError::Syntax {
            line, column, what, ..
        } => (*line, *column, what.as_ref()),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// A one-indicator plan with its description and result written as given.
fn small_plan(description: &str, result: &str) -> String {
    format!(
        r#"Plan(
    title: "T",
    organization: "O",
    year: 2017,
    perspectives: [
        Perspective(
            name: "P",
            objectives: [
                StrategicObjective(
                    code: "1",
                    title: "S",
                    weight: 100,
                    operational: [
                        OperationalObjective(
                            code: "1.1",
                            title: "O",
                            weight: 100,
                            indicators: [
                                Indicator(
                                    id: "a",
                                    description: {description},
                                    unit: Count,
                                    target: AtLeast(10),
                                    result: {result},
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
)
"#
    )
}

/// The line of `small_plan` that holds the result.
const RESULT_LINE: usize = 24;

#[test]
fn empty_blank_and_bom_only_files_say_the_file_is_empty() {
    for text in ["", "   \n\t\r\n  ", "\u{feff}", "\u{feff}\n  \n"] {
        match parse(text) {
            Err(LoadError::Empty { .. }) => {}
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let e = parse("").unwrap_err();
    assert_eq!(
        e.say(Lang::En),
        "hostile.ron: the file is empty; a plan starts with `(` or `Plan(`"
    );
    assert_eq!(
        e.say(Lang::It),
        "hostile.ron: il file è vuoto; un piano inizia con `(` o `Plan(`"
    );
}

#[test]
fn a_file_that_is_not_utf8_names_the_byte_and_its_place() {
    let mut bytes = b"Plan(\n    title: \"caf".to_vec();
    bytes.push(0xE9); // Latin-1 é
    bytes.extend_from_slice(b"\",\n)");
    match store::decode(Path::new("latin1.ron"), bytes) {
        Err(LoadError::NotUtf8 {
            line, column, byte, ..
        }) => assert_eq!((line, column, byte), (2, 16, 0xE9)),
        other => panic!("{other:?}"),
    }
    // Characters before the bad byte count as characters, not bytes.
    let mut bytes = "àèì\nòù".as_bytes().to_vec();
    bytes.push(0xFF);
    match store::decode(Path::new("x.ron"), bytes) {
        Err(e @ LoadError::NotUtf8 { .. }) => {
            assert_eq!(
                e.say(Lang::En),
                "x.ron:2:3: the file is not UTF-8 text (byte 0xFF); save it as UTF-8"
            );
            assert_eq!(
                e.say(Lang::It),
                "x.ron:2:3: il file non è un testo UTF-8 (byte 0xFF); salvalo con la codifica UTF-8"
            );
        }
        other => panic!("{other:?}"),
    }
    // A lone BOM byte sequence cut short.
    match store::decode(Path::new("x.ron"), vec![0xEF, 0xBB]) {
        Err(LoadError::NotUtf8 {
            line: 1, column: 1, ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_million_nested_brackets_is_an_error_not_a_stack_overflow() {
    let plan = seed();
    let deep = |open: &str| open.repeat(1_000_000);
    let texts = [
        deep("["),
        deep("("),
        format!("Plan(title: {}", deep("[")),
        format!(
            "Plan(title: \"t\", organization: \"o\", year: 1, perspectives: {}",
            deep("[")
        ),
        format!(
            "Plan(title: \"t\", organization: \"o\", year: 1, thresholds: {}",
            deep("(")
        ),
        format!(
            "Plan(title: \"t\", organization: \"o\", year: 1, perspectives: [Perspective(name: \"p\", objectives: [StrategicObjective(code: \"1\", title: \"s\", weight: 1, operational: [OperationalObjective(code: \"1.1\", title: \"o\", weight: 1, indicators: [Indicator(id: \"a\", description: {}",
            deep("(")
        ),
    ];
    for text in &texts {
        let started = Instant::now();
        let e = parse(text).expect_err("not a plan");
        let (line, column, _) = syntax_place(&e);
        assert_eq!(line, 1);
        assert!(column >= 1);
        // The error excerpt of a 1 MB line is cut around the place, not the whole line.
        for lang in [Lang::En, Lang::It] {
            let said = e.say(lang);
            assert!(said.len() < 2_000, "{} bytes of message", said.len());
        }
        // The save path follows nesting too: it must refuse this text, not recurse into it.
        assert!(store::patch(text, &plan).is_err());
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "took {:?}",
            started.elapsed()
        );
    }
    // Where a value of any shape is read (a result), the nesting limit answers, at the place.
    let text = small_plan("\"d\"", &deep("["));
    let started = Instant::now();
    let e = parse(&text).unwrap_err();
    let (line, _, what) = syntax_place(&e);
    assert_eq!(line, RESULT_LINE, "{e:?}");
    assert_eq!(
        *what,
        SyntaxError::Reader(ReaderError::TooDeep { limit: 64 })
    );
    assert_eq!(
        what.say(Lang::It),
        "i valori sono annidati su più di 64 livelli; un piano ne ha circa 10, quindi questo file \
         non è un piano"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(store::patch(&text, &plan).is_err());
}

#[test]
fn the_save_path_refuses_text_it_cannot_follow() {
    // What another writer may leave on disk before the user chooses "Overwrite": the
    // text-keeping save must answer "not this shape", never panic.
    let plan = seed();
    for text in [
        "#!",
        "#![enable(implicit_some)",
        "#![enable(implicit_some)]",
        "Plan(title: \"t\\",
        "Plan(title: r#\"t\"",
        "Plan(perspectives: [Perspective(objectives: [StrategicObjective(operational: [(indicators: [Indicator(id: \"x\", result: '\\",
        "\u{feff}",
        "/* unclosed",
        "Plan(perspectives: [(objectives: [(operational: [(indicators: [(note: b\"",
    ] {
        assert!(store::patch(text, &plan).is_err(), "{text:?}");
    }
    // And the seed itself is followed: an unchanged plan keeps every byte.
    assert_eq!(store::patch(SEED_TEXT, &plan).unwrap(), SEED_TEXT);
}

#[test]
fn huge_numbers_are_refused_at_their_place() {
    let digits = "9".repeat(400);
    for result in [digits.as_str(), "1e999999", "-1e999999", "1e-999999"] {
        let text = small_plan("\"d\"", result);
        let e = parse(&text).expect_err(result);
        let (line, column, what) = syntax_place(&e);
        assert_eq!(line, RESULT_LINE, "{e:?}");
        let line_text = text.lines().nth(line - 1).unwrap();
        assert!(line_text.trim_start().starts_with("result:"), "{line_text}");
        assert!(
            column >= 1 && column <= line_text.chars().count() + 1,
            "{e:?}"
        );
        // The message quotes the number shortened, not 400 digits.
        let SyntaxError::Value(ReadError::NotANumberOrDate { found }) = what else {
            panic!("{what:?}");
        };
        assert!(found.chars().count() <= 41, "{found}");
        for lang in [Lang::En, Lang::It] {
            assert!(e.say(lang).len() < 1_000, "{e:?}");
        }
    }
    // The largest number a plan can hold is read exactly.
    let text = small_plan("\"d\"", "79228162514264337593543950335");
    let plan = parse(&text).unwrap();
    let p = plan.find_indicator("a").unwrap();
    assert_eq!(
        plan.indicator(p).result,
        Some(Value::Number(dec!(79228162514264337593543950335)))
    );
    // And it scores without overflow.
    let scores = perfplan::score::Scores::compute(&plan);
    assert_eq!(scores.outcome(p).realization(), Some(dec!(100)));
}

/// The app drawn as a new terminal shows it: nothing left over from an earlier frame.
fn draw(d: &mut Driver) -> Buffer {
    d.clear();
    d.buffer()
}

/// An app on `plan` in a `width`×`height` terminal (effects are not carried out).
fn app_on(plan: Plan, width: u16, height: u16) -> Driver {
    Driver::detached_sized(App::new(plan, "plan.ron".into()), (width, height))
}

#[test]
fn a_ten_megabyte_description_loads_and_draws() {
    let huge: String = "Attività di verifica sull'esercizio ".repeat(10 * 1024 * 1024 / 36 + 1);
    assert!(huge.len() >= 10 * 1024 * 1024);
    let text = SEED_TEXT.replacen(
        "description: \"N. di domande depositate marchi e brevetti\"",
        &format!("description: {}", store::write::string(&huge)),
        1,
    );
    assert!(text.len() > 10 * 1024 * 1024);
    let started = Instant::now();
    let plan = parse(&text).expect("a long description is still a plan");
    let loaded = started.elapsed();
    let p = plan.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(plan.indicator(p).description, huge);

    let mut d = app_on(plan, 120, 36);
    assert!(d.app.reveal(NodePath::Indicator(p)));
    d.app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    let started = Instant::now();
    let buf = draw(&mut d);
    let drawn = started.elapsed();
    eprintln!("10 MB description: parsed in {loaded:?}, drawn in {drawn:?}");
    let screen: String = (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect();
    let row = screen
        .lines()
        .find(|l| l.contains("3.2.2-s2 Atti"))
        .unwrap_or_else(|| panic!("no row for the indicator:\n{screen}"));
    assert!(row.contains('…'), "the description is cut: {row}");
    assert!(
        screen.contains("Indicatore strategico 3.2.2-s2"),
        "{screen}"
    );
}

/// Descriptions that are hard to measure: wide, zero-width, joined, right to left.
const HARD_TEXTS: &[&str] = &[
    "日本語の説明テキストがとても長い場合の表示幅の確認",
    "中文描述：营业额增长百分之十，客户满意度调查",
    "📈 Crescita 🚀🚀 delle imprese 🇮🇹 con 👍🏽 e 👨\u{200d}👩\u{200d}👧 famiglie",
    "Soddisfazione ❤\u{fe0f} ✔\u{fe0f} ☎\u{fe0f} servizi 1\u{fe0f}\u{20e3} sportello",
    "שלום עולם — מדד שביעות רצון של הלקוחות",
    "مرحبا بالعالم لا إله — مؤشر رضا العملاء",
    "Ze\u{301}ro e\u{300}\u{301}\u{302}\u{303} combinati Z\u{324}\u{354}\u{367}\u{311}a\u{308}\u{356}l\u{36e}g\u{30c}o",
    "zero\u{200b}width\u{200b}spaces\u{2060}and\u{feff}joiners\u{00ad}soft hyphen",
    "한국어 설명 텍스트 ᄀ\u{1161}\u{11a8} 자모",
    "mixed: abc 日本 ❤\u{fe0f} אבג e\u{301} 👨\u{200d}💻 end",
    "tab\there and newline\nhere and \u{7f} delete",
];

/// The display cells of row `y` from `x0` to `x1`: each cell's symbol with its width, the
/// cells a wide symbol covers skipped, as a terminal shows them.
fn display_row(buf: &Buffer, y: u16, x0: u16, x1: u16) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    let mut x = x0;
    while x < x1 {
        let s = buf[(x, y)].symbol().to_string();
        let w = s.width().max(1) as u16;
        out.push((x, s));
        x += w;
    }
    out
}

const BAR_CHARS: &str = "█▏▎▍▌▋▊▉░·";

/// Every tree row on screen: the frame's borders where they belong, the line exactly as
/// wide as the pane, and the bar and percentage in the same columns as on every other row.
fn check_tree_alignment(app: &App, buf: &Buffer, label: &str) {
    let a = app.areas();
    let frame = a.tree_frame;
    let inner = a.tree.unwrap();
    let rows_on_screen = (app.tree.rows().len() - app.tree.offset).min(inner.height as usize);
    let mut bar_x = None;
    for y in inner.y..inner.y + rows_on_screen as u16 {
        let cells = display_row(buf, y, frame.x, frame.x + frame.width);
        let line: String = cells.iter().map(|(_, s)| s.as_str()).collect();
        let (first_x, first) = &cells[0];
        let (last_x, last) = cells.last().unwrap();
        assert!(
            *first_x == frame.x
                && first == "│"
                && *last_x == frame.x + frame.width - 1
                && last == "│",
            "{label}: the tree's borders moved on row {y}: {line:?}"
        );
        // Measured cell by cell, as the terminal draws it (the whole line's `width()`
        // would count the lam-alef `لا`, two cells, as one).
        let drawn: usize = cells.iter().map(|(_, s)| s.width().max(1)).sum();
        assert_eq!(
            drawn, frame.width as usize,
            "{label}: row {y} is not as wide as the pane: {line:?}"
        );
        // The percentage (or "pending") ends under the last cell of the realization's
        // column name.
        let pct_end = realization_end(app, buf, label);
        assert_ne!(
            buf[(pct_end, y)].symbol(),
            " ",
            "{label}: row {y}: {line:?}"
        );
        // The bar, when there is room for one: the same cells on every row, a space on
        // either side.
        let found = bar_run(buf, y, inner.x, pct_end);
        let (bx, len) = *bar_x.get_or_insert(found);
        assert_eq!(
            found,
            (bx, len),
            "{label}: the bar moved on row {y}: {line:?}"
        );
        let pct_from = if len > 0 {
            assert_eq!(buf[(bx - 1, y)].symbol(), " ", "{label}: row {y}: {line:?}");
            assert_eq!(
                buf[(bx + len, y)].symbol(),
                " ",
                "{label}: row {y}: {line:?}"
            );
            bx + len
        } else {
            pct_end.saturating_sub(10)
        };
        let pct: String = (pct_from..=pct_end).map(|x| buf[(x, y)].symbol()).collect();
        let pct = pct.trim();
        assert!(
            pct.contains('%') || pct.starts_with("pending"),
            "{label}: the percentage moved on row {y}: {pct:?} in {line:?}"
        );
    }
}

/// The column of the last cell of the realization's name, on the line of column names.
fn realization_end(app: &App, buf: &Buffer, label: &str) -> u16 {
    let names = app.areas().tree_columns.unwrap();
    let y = names.y;
    let line: Vec<String> = (names.x..names.x + names.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    let start = (0..line.len())
        .find(|&i| {
            line[i..]
                .iter()
                .take(4)
                .map(String::as_str)
                .collect::<String>()
                == "Real"
        })
        .unwrap_or_else(|| panic!("{label}: no realization on the column names: {line:?}"));
    let end = (start..line.len())
        .take_while(|&i| line[i] != " ")
        .last()
        .unwrap();
    names.x + end as u16
}

/// The rightmost run of bar cells on row `y` left of `before` (start, length); length 0
/// when there is none.
fn bar_run(buf: &Buffer, y: u16, from: u16, before: u16) -> (u16, u16) {
    let is_bar = |x: u16| {
        let s = buf[(x, y)].symbol();
        s.chars().count() == 1 && BAR_CHARS.contains(s)
    };
    let Some(last) = (from..before).rev().find(|&x| is_bar(x)) else {
        return (0, 0);
    };
    let first = (from..=last)
        .rev()
        .take_while(|&x| is_bar(x))
        .last()
        .unwrap();
    (first, last - first + 1)
}

#[test]
fn wide_joined_and_right_to_left_text_keeps_the_tree_aligned() {
    let mut plan = seed();
    let paths: Vec<_> = plan.indicators().map(|(p, _)| p).collect();
    for (i, p) in paths.iter().enumerate() {
        // Each text cut at a different point, so that truncation falls everywhere.
        let base = HARD_TEXTS[i % HARD_TEXTS.len()];
        let skip = i / HARD_TEXTS.len();
        let text: String = base.chars().skip(skip).chain(base.chars()).collect();
        plan.indicator_mut(*p).description = text;
    }
    plan.perspectives[0].objectives[0].title = HARD_TEXTS[2].to_string();
    plan.perspectives[1].objectives[0].operational[0].title = HARD_TEXTS[3].to_string();
    // The plan with these texts goes through the file and back unchanged.
    let written = store::write::plan(&plan);
    let again = parse(&written).expect("the written plan reads back");
    assert_eq!(again, plan);

    for (w, h) in [
        (120, 36),
        (100, 40),
        (80, 30),
        (60, 16),
        (220, 70),
        (111, 20),
    ] {
        let mut d = app_on(again.clone(), w, h);
        let label = format!("{w}x{h}");
        loop {
            let buf = draw(&mut d);
            check_tree_alignment(&d.app, &buf, &label);
            let before = d.app.tree.offset;
            d.app.update(Action::PageDown);
            if d.app.tree.offset == before {
                break;
            }
        }
        // Each indicator selected once: the detail pane draws too.
        for p in &paths {
            d.app.reveal(NodePath::Indicator(*p));
            let buf = draw(&mut d);
            check_tree_alignment(&d.app, &buf, &label);
        }
    }
}
