//! perfplan's speed and memory on plans of 100, 10,000 and 100,000 indicators, with the
//! budgets of BENCHMARKS.md checked as ratios measured in the same run:
//!
//!     cargo bench --bench perf
//!
//! Each budget compares two figures of this run, so it holds on any machine; the absolute
//! figures are this machine's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode};
use perfplan::app::input::InputEdit;
use perfplan::app::{Action, App, Effect};
use perfplan::driver::Driver;
use perfplan::export::{self, Format};
use perfplan::paths::Dirs;
use perfplan::plan::Plan;
use perfplan::summary::Summary;
use ron::extensions::Extensions;

const SIZES: [usize; 3] = [100, 10_000, 100_000];
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const RSS_ENV: &str = "PERFPLAN_BENCH_RSS_PLAN";

struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    plans: BTreeMap<usize, PathBuf>,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut plans = BTreeMap::new();
        for n in SIZES {
            let path = dir.path().join(format!("plan-{n}.ron"));
            let text = perfplan::store::write::plan(&perfplan::generate::plan(n, 1));
            std::fs::write(&path, text).expect("the generated plan is written");
            plans.insert(n, path);
        }
        Fixture {
            data: dir.path().join("data"),
            _dir: dir,
            plans,
        }
    }
}

/// The plan at `path` opened as `perfplan PATH` opens it (read, parse, validate, score, lay
/// out the tree), in a terminal of WIDTH×HEIGHT drawn in colour; nothing drawn yet.
fn open(path: &Path, data: &Path) -> Driver {
    let mut d = Driver::open_sized(path, Some(Dirs::within(data)), (WIDTH, HEIGHT))
        .expect("the plan opens");
    d.color = true;
    d
}

/// Fewer, longer samples for the slow benchmarks of big plans.
fn sized(g: &mut BenchmarkGroup<'_, WallTime>, n: usize) {
    if n >= 100_000 {
        g.sample_size(10).measurement_time(Duration::from_secs(20));
    } else {
        g.sample_size(20);
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Selects the last indicator of the plan that takes a number (the deepest place of the
/// last objective): typing a digit there gives a preview, not an error.
fn select_deep_number(app: &mut App) {
    app.update(Action::Bottom);
    while let Some(p) = app.selected_indicator() {
        if !app.plan.indicator(p).unit.is_date() {
            return;
        }
        app.update(Action::Up);
    }
    panic!("no numeric indicator at the end of the plan");
}

/// An app with a deep numeric indicator selected and its result open for typing.
fn typing_on_deep_indicator(path: &Path, data: &Path) -> Driver {
    let mut d = open(path, data);
    select_deep_number(&mut d.app);
    d.app.update(Action::EditResult);
    d.app.update(Action::Input(InputEdit::Clear));
    d
}

fn bench_open(c: &mut Criterion, fx: &Fixture) {
    let mut g = c.benchmark_group("open");
    g.sampling_mode(SamplingMode::Flat);
    for (&n, path) in &fx.plans {
        sized(&mut g, n);
        // Everything between the file and the first frame: read, parse, validate, score, lay
        // out the tree, draw. The terminal is set up before (with the plan open once, let
        // go before the first timed open); each open draws into it.
        g.bench_with_input(BenchmarkId::from_parameter(n), path, |b, path| {
            let mut driver = Some(open(path, &fx.data));
            b.iter(|| {
                let d = driver.take().expect("a driver");
                let mut d = d
                    .reopen(path, Some(Dirs::within(&fx.data)))
                    .expect("the plan opens");
                d.draw();
                driver = Some(d);
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("ron_from_str");
    g.sampling_mode(SamplingMode::Flat);
    for (&n, path) in &fx.plans {
        sized(&mut g, n);
        let text = std::fs::read_to_string(path).expect("the plan reads");
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                ron_options()
                    .from_str::<Plan>(text)
                    .expect("the plan parses")
            })
        });
    }
    g.finish();
}

fn bench_keystroke(c: &mut Criterion, fx: &Fixture) {
    let mut g = c.benchmark_group("keystroke");
    for (&n, path) in &fx.plans {
        let mut d = typing_on_deep_indicator(path, &fx.data);
        d.draw();
        let mut typed = false;
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                // One key a frame: a digit typed, then taken back, then typed again...
                let edit = if typed {
                    InputEdit::Backspace
                } else {
                    InputEdit::Insert('7')
                };
                typed = !typed;
                d.app.update(Action::Input(edit));
                d.draw();
                debug_assert!(
                    matches!(&d.app.mode, perfplan::app::Mode::Edit(e) if e.error.is_none())
                );
            })
        });
    }
    g.finish();
}

fn bench_commit_undo(c: &mut Criterion, fx: &Fixture) {
    let mut g = c.benchmark_group("commit_undo");
    for (&n, path) in &fx.plans {
        let mut d = open(path, &fx.data);
        let app = &mut d.app;
        select_deep_number(app);
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    app.update(Action::EditResult);
                    app.update(Action::Input(InputEdit::Clear));
                    app.update(Action::Input(InputEdit::Insert('4')));
                    app.update(Action::Input(InputEdit::Insert('2')));
                    let start = Instant::now();
                    let committed = app.update(Action::Submit);
                    let undone = app.update(Action::Undo);
                    spent += start.elapsed();
                    assert!(matches!(committed, Effect::Journal(_)));
                    assert!(matches!(undone, Effect::Journal(_)));
                }
                spent
            })
        });
    }
    g.finish();
}

fn bench_save(c: &mut Criterion, fx: &Fixture) {
    let mut g = c.benchmark_group("save");
    g.sampling_mode(SamplingMode::Flat);
    for (&n, path) in &fx.plans {
        sized(&mut g, n);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let copy = dir.path().join("plan.ron");
        std::fs::copy(path, &copy).expect("the plan copies");
        let mut d = open(&copy, &dir.path().join("data"));
        let Driver { app, session, .. } = &mut d;
        let session = session.as_mut().expect("a session");
        select_deep_number(app);
        let mut value = 0u32;
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    // A real change to save each time.
                    value += 1;
                    app.update(Action::EditResult);
                    app.update(Action::Input(InputEdit::Clear));
                    for ch in (value % 90 + 1).to_string().chars() {
                        app.update(Action::Input(InputEdit::Insert(ch)));
                    }
                    app.update(Action::Submit);
                    let start = Instant::now();
                    session.carry_out(app, Effect::Save);
                    spent += start.elapsed();
                    assert!(!app.is_dirty(), "saved: {}", app.status_text());
                }
                spent
            })
        });
    }
    g.finish();

    bench_ron_reference(c, fx, "ron_to_string_and_write", false);
    // For context only (no budget): the same with the flush to the disk a crash-safe save
    // cannot do without.
    bench_ron_reference(c, fx, "ron_to_string_write_fsync", true);
}

/// The reference for saving: `ron` serialising the plan to a string, then writing it
/// (and flushing it to the disk when `flush`).
fn bench_ron_reference(c: &mut Criterion, fx: &Fixture, group: &str, flush: bool) {
    let mut g = c.benchmark_group(group);
    g.sampling_mode(SamplingMode::Flat);
    for (&n, path) in &fx.plans {
        sized(&mut g, n);
        let plan = perfplan::store::load(path).expect("the plan loads").0;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("plan.ron");
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let text = ron::ser::to_string_pretty(
                    &plan,
                    ron::ser::PrettyConfig::default().extensions(Extensions::IMPLICIT_SOME),
                )
                .expect("the plan serializes");
                let mut f = std::fs::File::create(&out).expect("the file is created");
                std::io::Write::write_all(&mut f, text.as_bytes()).expect("the text is written");
                if flush {
                    f.sync_all().expect("the file is flushed");
                }
            })
        });
    }
    g.finish();
}

fn bench_export(c: &mut Criterion, fx: &Fixture) {
    for format in Format::ALL {
        let mut g = c.benchmark_group(format!("export_{}", format.extension()));
        g.sampling_mode(SamplingMode::Flat);
        for (&n, path) in &fx.plans {
            sized(&mut g, n);
            let d = open(path, &fx.data);
            let app = &d.app;
            let dir = tempfile::tempdir().expect("a temporary folder");
            let out = dir.path().join(format!("summary.{}", format.extension()));
            let opts = export::Options::for_locale(app.plan.locale, chrono::NaiveDate::MIN);
            g.bench_function(BenchmarkId::from_parameter(n), |b| {
                b.iter(|| {
                    let summary = Summary::build(&app.plan, &app.scores, app.lang);
                    let bytes =
                        export::render(&summary, format, &opts).expect("the export renders");
                    perfplan::store::replace(&out, &bytes, perfplan::store::Replace::plain())
                        .expect("the export is written");
                })
            });
        }
        g.finish();
    }
}

/// The plan searched by the search benchmarks, and the word typed.
const SEARCHED: usize = 100_000;
const WORD: &str = "ufficio";

/// The plan of SEARCHED indicators opened, the search field open (the index built) on the
/// first row.
fn searching(fx: &Fixture) -> Driver {
    let mut d = open(&fx.plans[&SEARCHED], &fx.data);
    d.app.update(Action::Top);
    d.app.update(Action::Search);
    d.draw();
    d
}

fn bench_search(c: &mut Criterion, fx: &Fixture) {
    let n = SEARCHED;
    let mut g = c.benchmark_group("search_index_build");
    g.sampling_mode(SamplingMode::Flat);
    sized(&mut g, n);
    let d = open(&fx.plans[&n], &fx.data);
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| perfplan::app::search::SearchIndex::build(&d.app.plan))
    });
    g.finish();
    drop(d);

    // The slowest key: the first character of a query, which nothing kept can answer (a
    // scan of the whole index, matching nearly every row), then the frame.
    let mut g = c.benchmark_group("search_key_first");
    let mut d = searching(fx);
    let mut which = 0usize;
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                d.app.update(Action::Input(InputEdit::Clear));
                which += 1;
                let ch = ['e', 'a', 'o', 'i'][which % 4];
                let start = Instant::now();
                d.app.update(Action::Input(InputEdit::Insert(ch)));
                d.draw();
                spent += start.elapsed();
                assert!(d.app.match_count() > 0);
            }
            spent
        })
    });
    g.finish();

    // A character that extends the query: the kept matches of the shorter query filtered.
    let mut g = c.benchmark_group("search_key_extend");
    let mut d = searching(fx);
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            let mut at = WORD.len();
            for _ in 0..iters {
                if at == WORD.len() {
                    // Start the word again with a query no kept matches answer.
                    d.app.update(Action::Input(InputEdit::Clear));
                    d.app.update(Action::Input(InputEdit::Insert('x')));
                    d.app.update(Action::Input(InputEdit::Clear));
                    d.app.update(Action::Input(InputEdit::Insert('u')));
                    at = 1;
                }
                let ch = WORD[at..].chars().next().expect("a character");
                at += ch.len_utf8();
                let start = Instant::now();
                d.app.update(Action::Input(InputEdit::Insert(ch)));
                d.draw();
                spent += start.elapsed();
            }
            spent
        })
    });
    g.finish();

    // `n` over the matches of a word found all over the plan, then the frame.
    let mut g = c.benchmark_group("search_next_match");
    let mut d = searching(fx);
    for ch in WORD.chars() {
        d.app.update(Action::Input(InputEdit::Insert(ch)));
    }
    d.app.update(Action::Submit);
    assert!(d.app.match_count() > 1000, "{}", d.app.match_count());
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| {
            d.app.update(Action::NextMatch);
            d.draw();
        })
    });
    g.finish();

    // `p`: the next pending indicator, then the frame.
    let mut g = c.benchmark_group("search_next_pending");
    let mut d = open(&fx.plans[&n], &fx.data);
    d.draw();
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| {
            d.app.update(Action::NextPending);
            d.draw();
        })
    });
    g.finish();

    // The reference of the search budgets: a key that moves the selection one row, from an
    // indicator to the next, then the frame (about the least any key costs).
    let mut g = c.benchmark_group("search_ref_move");
    let mut d = open(&fx.plans[&n], &fx.data);
    // Between two indicators, like the moves `n` and `p` make.
    d.app.update(Action::Bottom);
    d.draw();
    let mut down = false;
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| {
            d.app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            d.draw();
        })
    });
    g.finish();

    // For context (no budget): what `grep -i WORD plan.ron` does, in this process: the
    // file's text lower-cased (ASCII) into a buffer and searched for the word.
    let mut g = c.benchmark_group("search_ref_grep_i");
    let text = std::fs::read(&fx.plans[&n]).expect("the plan reads");
    let mut lower = Vec::with_capacity(text.len());
    let finder = memchr::memmem::Finder::new(WORD.as_bytes());
    g.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| {
            lower.clear();
            lower.extend(text.iter().map(u8::to_ascii_lowercase));
            finder.find_iter(&lower).count()
        })
    });
    g.finish();
}

/// The median of a benchmark measured in this run, in nanoseconds.
fn median(group: &str, n: usize, since: SystemTime) -> Option<f64> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let file = target
        .join("criterion")
        .join(group)
        .join(n.to_string())
        .join("new")
        .join("estimates.json");
    let fresh = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

/// Peak memory (VmHWM) of a fresh process that opens the plan and draws the first frame.
fn peak_rss_kib(plan: &Path) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe).env(RSS_ENV, plan).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("VmHWM_kB "))
        .and_then(|v| v.trim().parse().ok())
}

fn rss_child(plan: &str) {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut d = open(Path::new(plan), data.path());
    d.draw();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().trim_end_matches("kB").trim().to_string())
        .unwrap_or_default();
    println!("VmHWM_kB {hwm}");
    std::hint::black_box(&d.app);
}

struct Budget {
    name: &'static str,
    measured: String,
    limit: String,
    holds: Option<bool>,
}

fn report(fx: &Fixture, since: SystemTime) -> bool {
    let m = |g: &str, n: usize| median(g, n, since);
    println!("\n== perfplan figures (medians of this run) ==");
    let groups = [
        "open",
        "ron_from_str",
        "keystroke",
        "commit_undo",
        "save",
        "ron_to_string_and_write",
        "ron_to_string_write_fsync",
        "export_xlsx",
        "export_csv",
        "export_md",
        "export_html",
        "search_index_build",
        "search_key_first",
        "search_key_extend",
        "search_next_match",
        "search_next_pending",
        "search_ref_move",
        "search_ref_grep_i",
    ];
    print!("{:<26}", "");
    for n in SIZES {
        print!("{:>16}", format!("{n} ind."));
    }
    println!();
    for g in groups {
        print!("{g:<26}");
        for n in SIZES {
            print!("{:>16}", m(g, n).map_or("-".into(), human));
        }
        println!();
    }
    let big = *SIZES.last().expect("sizes");
    let small = SIZES[0];
    let mut budgets = Vec::new();
    let ratio = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a / b);
    let r = ratio(m("keystroke", big), m("keystroke", small));
    budgets.push(Budget {
        name: "keystroke-to-frame, 100,000 vs 100 indicators",
        measured: r.map_or("-".into(), |r| format!("{r:.2}x")),
        limit: "≤ 2x".into(),
        holds: r.map(|r| r <= 2.0),
    });
    let k = m("keystroke", big);
    budgets.push(Budget {
        name: "keystroke-to-frame median, 100,000 indicators",
        measured: k.map_or("-".into(), human),
        limit: "< 1 ms".into(),
        holds: k.map(|k| k < 1e6),
    });
    let r = ratio(m("open", big), m("ron_from_str", big));
    budgets.push(Budget {
        name: "open vs bare ron::from_str, 100,000 indicators",
        measured: r.map_or("-".into(), |r| format!("{r:.2}x")),
        limit: "≤ 1.5x".into(),
        holds: r.map(|r| r <= 1.5),
    });
    for n in SIZES {
        let r = ratio(m("save", n), m("ron_to_string_and_write", n));
        budgets.push(Budget {
            name: match n {
                100 => "save vs ron to string + write, 100 indicators",
                10_000 => "save vs ron to string + write, 10,000 indicators",
                _ => "save vs ron to string + write, 100,000 indicators",
            },
            measured: r.map_or("-".into(), |r| format!("{r:.2}x")),
            limit: "≤ 2x".into(),
            holds: r.map(|r| r <= 2.0),
        });
    }
    let plan = &fx.plans[&big];
    let size_kib = std::fs::metadata(plan).map(|m| m.len() / 1024).unwrap_or(0);
    let rss = peak_rss_kib(plan);
    let r = rss.map(|kib| kib as f64 / size_kib.max(1) as f64);
    budgets.push(Budget {
        name: "peak RSS with 100,000 indicators open vs file size",
        measured: match (rss, r) {
            (Some(kib), Some(r)) => format!(
                "{:.1} MiB / {:.1} MiB = {r:.2}x",
                kib as f64 / 1024.0,
                size_kib as f64 / 1024.0
            ),
            _ => "-".into(),
        },
        limit: "< 3x".into(),
        holds: r.map(|r| r < 3.0),
    });
    // Searching, against a key that only moves the selection (and draws the frame): a typed
    // character within 6 of those (about 5 ms here), `n` and `p` within 2.5 (about 2 ms).
    let reference = m("search_ref_move", SEARCHED);
    for (group, name, limit) in [
        (
            "search_key_first",
            "search key (first char, full scan) vs move, 100,000",
            6.0,
        ),
        (
            "search_key_extend",
            "search key (extending the query) vs move, 100,000",
            6.0,
        ),
        ("search_next_match", "n (next match) vs move, 100,000", 2.5),
        (
            "search_next_pending",
            "p (next pending) vs move, 100,000",
            2.5,
        ),
    ] {
        let t = m(group, SEARCHED);
        let r = ratio(t, reference);
        budgets.push(Budget {
            name,
            measured: match (t, reference, r) {
                (Some(t), Some(m), Some(r)) => {
                    format!("{} / {} = {r:.2}x", human(t), human(m))
                }
                _ => "-".into(),
            },
            limit: format!("≤ {limit}x"),
            holds: r.map(|r| r <= limit),
        });
    }
    println!("\n== budgets ==");
    let mut all = true;
    for b in &budgets {
        let verdict = match b.holds {
            Some(true) => "PASS",
            Some(false) => {
                all = false;
                "FAIL"
            }
            None => "not measured in this run",
        };
        println!(
            "{:<52} {:>30}  {:<8} {verdict}",
            b.name, b.measured, b.limit
        );
    }
    all
}

fn main() {
    if let Ok(plan) = std::env::var(RSS_ENV) {
        rss_child(&plan);
        return;
    }
    let since = SystemTime::now();
    let fx = Fixture::new();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    bench_open(&mut c, &fx);
    bench_keystroke(&mut c, &fx);
    bench_commit_undo(&mut c, &fx);
    bench_save(&mut c, &fx);
    bench_export(&mut c, &fx);
    bench_search(&mut c, &fx);
    c.final_summary();
    if !report(&fx, since) {
        eprintln!("a budget does not hold: see BENCHMARKS.md");
        std::process::exit(1);
    }
}
