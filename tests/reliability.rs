//! "Never lose a controller's work": saving survives kill -9, full and read-only disks keep
//! the file and the edits, two perfplans do not both write, a change on disk is never
//! overwritten silently, the user's text and permissions are kept, and the crash-recovery
//! journal brings back edits that were never saved.
//!
//! Some tests re-execute this test binary as a child process (`save_loop_child`,
//! `lock_holder_child`); those functions return at once unless their environment variable
//! is set, so in a normal run they are empty tests.

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod common;

use common::{Tmpfs, names_in};
use perfplan::app::{Action, DialogKind, Effect, Mode};
use perfplan::driver::Driver;
use perfplan::paths::Dirs;
use perfplan::plan::{Plan, Value};
use perfplan::session::{Opened, Session};
use perfplan::store::atomic::backup_path;
use perfplan::store::lock::Locked;
use perfplan::store::{self, Journal, PlanFile, PlanLock, SaveFailure};
use ratatui::crossterm::event::KeyCode;
use rust_decimal_macros::dec;

const SEED_TEXT: &str = include_str!("../plans/cciaa-massa-carrara-2017.ron");
const EXAMPLE_TEXT: &str = include_str!("../plans/example.ron");

/// The seed's line for the result of 3.2.2-s2, the one edit the tests make to it.
const SEED_RESULT_72: &str = "result: 72,";
const SEED_RESULT_70: &str = "result: 70,";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn parse(text: &str) -> Plan {
    store::parse(Path::new("plan.ron"), text).expect("the text parses")
}

/// Plan A (the seed as is) and plan B (3.2.2-s2's result 72 → 70), with their texts.
fn versions() -> ((Plan, String), (Plan, String)) {
    assert_eq!(SEED_TEXT.matches(SEED_RESULT_72).count(), 1);
    let a = parse(SEED_TEXT);
    let mut b = a.clone();
    let p = b.find_indicator("3.2.2-s2").unwrap();
    b.indicator_mut(p).result = Some(Value::Number(dec!(70)));
    let b_text = SEED_TEXT.replace(SEED_RESULT_72, SEED_RESULT_70);
    assert_eq!(parse(&b_text), b);
    ((a, SEED_TEXT.to_string()), (b, b_text))
}

fn result_of(plan: &Plan, id: &str) -> Option<Value> {
    plan.indicator(plan.find_indicator(id).unwrap()).result
}

fn temp_files_in(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.contains("perfplan-tmp"))
        .collect()
}

/// A small xorshift generator: deterministic, no dependency.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A child process that is killed when the guard goes, whatever happens in the test.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts this test binary running only the test `name`, with `env` set.
fn spawn_child(name: &str, env: &[(&str, &Path)]) -> ChildGuard {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([name, "--exact", "--nocapture", "--test-threads=1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    ChildGuard(
        cmd.spawn()
            .expect("the test binary starts again as a child"),
    )
}

/// Sends the child's stdout lines to a channel, from a thread.
fn lines_of(child: &mut ChildGuard) -> (mpsc::Receiver<String>, std::thread::JoinHandle<()>) {
    let out = child.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (rx, handle)
}

/// Waits for a line ending with `want` from the child (the test harness may have started
/// the line with `test name ... `).
fn wait_for_line(rx: &mpsc::Receiver<String>, want: &str, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.ends_with(want) => return,
            Ok(_) => {}
            Err(e) => panic!("the child never said {want:?}: {e}"),
        }
    }
}

/// The app on a plan file, with perfplan's folders in `data`.
fn open_in(path: &Path, data: &Path) -> Driver {
    Driver::open(path, Some(Dirs::within(data))).unwrap()
}

fn session_open(path: &Path, data: &Path) -> Opened {
    Session::open(path, Some(Dirs::within(data))).unwrap()
}

// ---------------------------------------------------------------------------------------
// a. kill -9 during saves
// ---------------------------------------------------------------------------------------

const SAVE_LOOP_ENV: &str = "PERFPLAN_SAVE_LOOP_DIR";

/// The child of `kill_9_during_saves_leaves_a_whole_plan`: saves the plan in the folder
/// named by `PERFPLAN_SAVE_LOOP_DIR` over and over, alternating between plan A and plan B,
/// printing a line after each save, until it is killed (or 60 s pass, should the parent
/// die without killing it).
#[test]
fn save_loop_child() {
    alternate_saves(SAVE_LOOP_ENV, |file, plan, _, n| {
        file.save(plan, false).expect("the child's save succeeds");
        println!("{n} saved");
        true
    });
}

/// The loop of a saving child: when `env` names a folder, opens the plan in it and saves
/// plans B and A in turn with `save` (given the file, the plan, its path and the number
/// this save gets; true when it saved) until it is killed (or 60 s pass, should the parent
/// die without killing it).
fn alternate_saves(env: &str, mut save: impl FnMut(&mut PlanFile, &Plan, &Path, u64) -> bool) {
    let Some(dir) = std::env::var_os(env) else {
        return;
    };
    let path = PathBuf::from(dir).join("plan.ron");
    let ((a, _), (b, _)) = versions();
    let (_, mut file) = PlanFile::open(&path).expect("the child opens the plan");
    println!("ready");
    let started = Instant::now();
    let mut n: u64 = 0;
    while started.elapsed() < Duration::from_secs(60) {
        let plan = if n.is_multiple_of(2) { &b } else { &a };
        if save(&mut file, plan, &path, n + 1) {
            n += 1;
        }
    }
}

/// Whether `text` is exactly plan A's or plan B's text, and parses to that plan.
fn assert_whole(what: &str, text: &str, a: &(Plan, String), b: &(Plan, String)) {
    let parsed = store::parse(Path::new(what), text)
        .unwrap_or_else(|e| panic!("{what} does not parse after kill -9: {e:?}"));
    let r = result_of(&parsed, "3.2.2-s2");
    if text == a.1 {
        assert_eq!(parsed, a.0, "{what}");
        assert_eq!(r, Some(Value::Number(dec!(72))));
    } else if text == b.1 {
        assert_eq!(parsed, b.0, "{what}");
        assert_eq!(r, Some(Value::Number(dec!(70))));
    } else {
        panic!(
            "{what} is neither version A nor B after kill -9 ({} bytes, result {r:?})",
            text.len()
        );
    }
}

#[test]
fn kill_9_during_saves_leaves_a_whole_plan() {
    const ROUNDS: u64 = 40;
    let (a, b) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &a.1).unwrap();
    let bak = backup_path(&path);

    let mut rounds_with_saves = 0;
    let mut total_saves = 0;
    let mut rounds_with_bak = 0;
    let mut leftovers = 0;
    for round in 0..ROUNDS {
        let mut rng = XorShift::new(round + 1);
        let mut child = spawn_child("save_loop_child", &[(SAVE_LOOP_ENV, dir.path())]);
        let (rx, reader) = lines_of(&mut child);
        wait_for_line(&rx, "ready", Duration::from_secs(30));
        // In three rounds of four, let one or two saves finish first, so that even on a
        // slow machine most rounds kill the child in the middle of its save loop; the
        // random sleep then puts the kill at any instant of a save.
        let seen = if round % 4 == 0 {
            0
        } else {
            1 + rng.below(2) as usize
        };
        for _ in 0..seen {
            wait_for_line(&rx, " saved", Duration::from_secs(30));
        }
        std::thread::sleep(Duration::from_millis(1 + rng.below(40)));
        // SIGKILL: no destructor, no flush, nothing of the child runs after this.
        child.0.kill().unwrap();
        let status = child.0.wait().unwrap();
        assert!(!status.success(), "the child was killed, it did not finish");
        reader.join().unwrap();
        let saves = seen + rx.try_iter().filter(|l| l.ends_with(" saved")).count();
        total_saves += saves;
        if saves > 0 {
            rounds_with_saves += 1;
        }

        let text = std::fs::read_to_string(&path).expect("the plan file is there after kill -9");
        assert_whole("the plan", &text, &a, &b);
        if bak.exists() {
            rounds_with_bak += 1;
            let text = std::fs::read_to_string(&bak).unwrap();
            assert_whole("the backup", &text, &a, &b);
        }
        // A kill between writing and renaming may leave a temporary file, which the next
        // save clears or, when it holds a whole plan the file does not, keeps as
        // `interrupted`; nothing else may appear.
        for name in names_in(dir.path()) {
            if name.starts_with("plan.ron.interrupted-") {
                // What a killed save left under its temporary name: a version, whole, or
                // the start of one (the save's own unfinished write).
                let bytes = std::fs::read(dir.path().join(&name)).unwrap();
                assert!(
                    a.1.as_bytes().starts_with(&bytes) || b.1.as_bytes().starts_with(&bytes),
                    "{name} is neither version nor the start of one"
                );
                continue;
            }
            assert!(
                ["plan.ron", "plan.ron.bak"].contains(&name.as_str())
                    || name == ".plan.ron.perfplan-tmp"
                    || name == ".plan.ron.bak.perfplan-tmp",
                "unexpected file {name} after kill -9"
            );
        }
        leftovers += temp_files_in(dir.path()).len();
    }
    eprintln!(
        "kill -9: {ROUNDS} rounds, {total_saves} saves completed, {rounds_with_saves} rounds with saves, {leftovers} temp files left by kills"
    );
    assert!(
        rounds_with_saves * 10 >= ROUNDS * 7,
        "only {rounds_with_saves} of {ROUNDS} rounds completed a save: the test proves little"
    );
    assert!(
        rounds_with_bak > 0 && bak.exists(),
        "no save ever made a backup"
    );
    // The plan is still perfectly usable: a normal open and save work.
    let (plan, mut file) = PlanFile::open(&path).unwrap();
    file.save(&plan, false).unwrap();
    assert!(temp_files_in(dir.path()).is_empty());
}

const RIVAL_ENV: &str = "PERFPLAN_RIVAL_LOOP_DIR";

/// The child of `kill_9_during_saves_with_another_writer_loses_no_version`: saves plans A
/// and B in turn over the plan in the folder named by `PERFPLAN_RIVAL_LOOP_DIR`, reading
/// the file again whenever another writer changed it (as a user who reloads would), until
/// it is killed (or 60 s pass).
#[test]
fn rival_save_loop_child() {
    alternate_saves(RIVAL_ENV, |file, plan, path, n| {
        match file.save(plan, false) {
            Ok(s) => {
                let kept = if s.theirs.is_some() {
                    " (theirs kept)"
                } else {
                    ""
                };
                println!("{n} saved{kept}");
                true
            }
            Err(SaveFailure::ChangedOnDisk) => {
                *file = PlanFile::open(path).expect("the other version reads").1;
                println!("reloaded");
                false
            }
            Err(e) => panic!("the child's save failed: {e:?}"),
        }
    });
}

#[test]
fn kill_9_during_saves_with_another_writer_loses_no_version() {
    const ROUNDS: u64 = 30;
    let (a, b) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &a.1).unwrap();
    let mut kept_aside = 0;
    for round in 0..ROUNDS {
        let mut rng = XorShift::new(round + 100);
        let mut child = spawn_child("rival_save_loop_child", &[(RIVAL_ENV, dir.path())]);
        let (rx, reader) = lines_of(&mut child);
        wait_for_line(&rx, "ready", Duration::from_secs(30));
        wait_for_line(&rx, " saved", Duration::from_secs(30));
        // The other writer: version A with a mark of its own, renamed over the plan at a
        // random instant of the child's saves.
        let marker = format!("// the other writer, round {round}\n");
        let theirs = format!("{}{marker}", a.1);
        let target = path.clone();
        let delay = Duration::from_micros(rng.below(20_000));
        let writer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            let tmp = target.with_file_name("rival-tmp");
            std::fs::write(&tmp, theirs).unwrap();
            std::fs::rename(&tmp, &target).unwrap();
        });
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        writer.join().unwrap();
        reader.join().unwrap();
        kept_aside += rx.try_iter().filter(|l| l.contains("theirs kept")).count();

        // The plan is whole, and the other writer's version is somewhere on disk: in the
        // plan (as it wrote it, or under the child's saves after a reload), kept aside by
        // a save, or left under the temporary name by a save killed mid-way.
        let text = std::fs::read_to_string(&path).unwrap();
        // Without the marks (this round's, and earlier ones the child's saves kept).
        let plain: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("// the other writer, round "))
            .collect();
        assert_whole("the plan", &plain, &a, &b);
        let found = names_in(dir.path()).into_iter().any(|n| {
            std::fs::read_to_string(dir.path().join(&n)).is_ok_and(|t| t.contains(&marker))
        });
        assert!(
            found,
            "round {round}: the other writer's version is lost: {:?}",
            names_in(dir.path())
        );
        // When the temporary name holds it, the next save keeps it (as `interrupted`)
        // unless the plan holds it too.
        let tmp = dir.path().join(".plan.ron.perfplan-tmp");
        if std::fs::read_to_string(&tmp).is_ok_and(|t| t.contains(&marker)) {
            let (plan, mut file) = PlanFile::open(&path).unwrap();
            file.save(&plan, false).unwrap();
            let visible = names_in(dir.path()).into_iter().any(|n| {
                !n.starts_with('.')
                    && std::fs::read_to_string(dir.path().join(&n))
                        .is_ok_and(|t| t.contains(&marker))
            });
            assert!(visible, "round {round}: {:?}", names_in(dir.path()));
        }
    }
    eprintln!(
        "kill -9 with another writer: {ROUNDS} rounds, their version kept aside {kept_aside} times"
    );
}

const JOURNAL_LOOP_ENV: &str = "PERFPLAN_JOURNAL_LOOP_DIR";

/// The child of `kill_9_during_journal_writes_loses_only_the_record_being_written`: appends
/// records of growing notes to the journal of the plan in the folder named by
/// `PERFPLAN_JOURNAL_LOOP_DIR`, printing the note's length after each, until killed.
#[test]
fn journal_loop_child() {
    let Some(dir) = std::env::var_os(JOURNAL_LOOP_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let plan = dir.join("plan.ron");
    let mut journal = Journal::locate(&dir.join("state"), None, &plan);
    println!("ready");
    let started = Instant::now();
    let mut n = 0usize;
    while started.elapsed() < Duration::from_secs(60) {
        n += 1;
        // Long records (up to 2 MB) so that a kill lands inside one often.
        let note = "x".repeat((n % 40 + 1) * 50_000);
        let change = perfplan::plan::FieldChange::new(
            format!("id-{n}"),
            perfplan::plan::FieldValue::Note(None),
            perfplan::plan::FieldValue::Note(Some(note)),
        )
        .unwrap();
        journal
            .append(Some(7), &[change])
            .expect("the child's append");
        println!("{n} written");
    }
}

#[test]
fn kill_9_during_journal_writes_loses_only_the_record_being_written() {
    const ROUNDS: u64 = 20;
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, SEED_TEXT).unwrap();
    let mut torn_rounds = 0;
    let mut appended = 0usize;
    for round in 0..ROUNDS {
        let mut rng = XorShift::new(round + 500);
        let mut child = spawn_child("journal_loop_child", &[(JOURNAL_LOOP_ENV, dir.path())]);
        let (rx, reader) = lines_of(&mut child);
        wait_for_line(&rx, "ready", Duration::from_secs(30));
        wait_for_line(&rx, " written", Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(rng.below(30)));
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        reader.join().unwrap();
        let written: Vec<usize> = rx
            .try_iter()
            .filter_map(|l| {
                l.strip_suffix(" written")
                    .and_then(|n| n.split_whitespace().last()?.parse().ok())
            })
            .collect();
        let journal = Journal::locate(&dir.path().join("state"), None, &plan);
        let left = journal.leftover();
        // Every record the child finished is there, whole; at most the one being written
        // when the kill came is not.
        assert!(
            left.damaged <= 1 + round as usize,
            "round {round}: {} damaged",
            left.damaged
        );
        if left.damaged > torn_rounds {
            torn_rounds = left.damaged;
        }
        for n in &written {
            let id = format!("id-{n}");
            assert!(
                left.records
                    .iter()
                    .flat_map(|r| &r.changes)
                    .any(|c| c.id == id),
                "round {round}: record {id}, written before the kill, is lost"
            );
        }
        appended += written.len();
    }
    // A record after a torn one is read back: the next write always starts clean. (A
    // torn tail is made here too, in case no kill above landed inside a record.)
    let mut journal = Journal::locate(&dir.path().join("state"), None, &plan);
    std::io::Write::write_all(
        &mut std::fs::OpenOptions::new()
            .append(true)
            .open(&journal.path)
            .unwrap(),
        b"123 0000000000000000 {\"at\":",
    )
    .unwrap();
    let last = perfplan::plan::FieldChange::new(
        "after-the-kills",
        perfplan::plan::FieldValue::Note(None),
        perfplan::plan::FieldValue::Note(Some("ok".into())),
    )
    .unwrap();
    journal.append(None, &[last]).unwrap();
    let left = journal.leftover();
    assert_eq!(
        left.records.last().unwrap().changes[0].id,
        "after-the-kills"
    );
    eprintln!(
        "journal kill -9: {ROUNDS} rounds, {appended} records finished before the kills, {torn_rounds} torn by a kill, {} skipped in all",
        left.damaged
    );
    assert!(
        left.damaged > torn_rounds,
        "the record torn by hand is skipped"
    );
}

// ---------------------------------------------------------------------------------------
// b. A full disk and a read-only disk
// ---------------------------------------------------------------------------------------

/// A tmpfs just large enough for the plan: the save fails writing the new text. (The
/// backup is a hard link to the old file and takes no room.)
fn full_disk_keeps_everything() {
    const PAGE: usize = 4096;
    let pages = SEED_TEXT.len().div_ceil(PAGE);
    let room = pages + pages / 2;
    let Some(fs) = Tmpfs::mount(&format!("{}k", room * PAGE / 1024)) else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let path = fs.path.join("plan.ron");
    std::fs::write(&path, SEED_TEXT).expect("the plan fits on the small disk");
    let mut h = open_in(&path, data.path());
    h.set_result("domande depositate marchi", "70");
    assert!(h.app.is_dirty());

    h.ctrl('s');
    let status = h.app.status_text().clone();
    assert!(h.app.status.is_error, "{status}");
    assert!(status.contains("Non salvato"), "{status}");
    assert!(status.contains("disco è pieno"), "{status}");
    assert!(
        status.contains("libera spazio") && status.contains("salvalo con un altro nome"),
        "the message says what to do: {status}"
    );
    assert!(
        status.contains("Le tue modifiche sono ancora qui"),
        "{status}"
    );
    assert!(h.app.is_dirty());
    assert_eq!(
        result_of(&h.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(70)))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    assert_eq!(
        names_in(&fs.path),
        [".plan.ron.perfplan-lock", "plan.ron"],
        "nothing left behind but the live lock"
    );
    assert!(h.screen().contains("disco è pieno"));

    // Room again: the same session saves, and the backup is the old text.
    fs.remount("size=4m");
    h.ctrl('s');
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        SEED_TEXT.replace(SEED_RESULT_72, SEED_RESULT_70)
    );
    assert_eq!(
        std::fs::read_to_string(backup_path(&path)).unwrap(),
        SEED_TEXT
    );
    assert!(temp_files_in(&fs.path).is_empty());
}

#[test]
fn a_full_disk_keeps_the_file_and_the_edits() {
    full_disk_keeps_everything();
}

#[test]
fn a_read_only_disk_keeps_the_edits_and_save_as_elsewhere_works() {
    let Some(fs) = Tmpfs::mount("1m") else { return };
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = fs.path.join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    let mut h = open_in(&path, data.path());
    fs.remount("ro");
    h.set_result("domande depositate marchi", "70");

    h.ctrl('s');
    let status = h.app.status_text().clone();
    assert!(
        h.app.status.is_error && status.contains("Non salvato"),
        "{status}"
    );
    assert!(status.contains("sola lettura"), "{status}");
    assert!(status.contains("salvalo con un altro nome"), "{status}");
    assert!(h.app.is_dirty());
    assert_eq!(
        result_of(&h.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(70)))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    // Nothing but the lock file, made before the disk turned read-only.
    assert_eq!(names_in(&fs.path), [".plan.ron.perfplan-lock", "plan.ron"]);

    // Save as, typed in the app, to a folder that can be written.
    let copy = elsewhere.path().join("copia.ron");
    h.key(KeyCode::Char('S'));
    assert!(matches!(h.app.mode, Mode::Path { .. }));
    h.ctrl('u');
    h.type_text(&copy.display().to_string());
    h.key(KeyCode::Enter);
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    assert!(
        h.app.status_text().starts_with("Piano salvato in"),
        "{}",
        h.app.status_text()
    );
    assert_eq!(h.app.path, copy);
    assert!(!h.app.read_only);
    let (saved, text) = store::load(&copy).unwrap();
    assert_eq!(saved, h.app.plan);
    assert_eq!(result_of(&saved, "3.2.2-s2"), Some(Value::Number(dec!(70))));
    // It is the user's text with the one value changed, comments and all.
    assert_eq!(text, SEED_TEXT.replace(SEED_RESULT_72, SEED_RESULT_70));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    // Later saves go to the copy.
    h.set_result("domande depositate marchi", "71");
    h.ctrl('s');
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    let (saved, _) = store::load(&copy).unwrap();
    assert_eq!(result_of(&saved, "3.2.2-s2"), Some(Value::Number(dec!(71))));
}

// ---------------------------------------------------------------------------------------
// c. Two processes on one plan
// ---------------------------------------------------------------------------------------

const LOCK_DATA_ENV: &str = "PERFPLAN_LOCK_CHILD_DATA";
const LOCK_PLAN_ENV: &str = "PERFPLAN_LOCK_CHILD_PLAN";

/// The child of `a_second_perfplan_is_read_only_until_the_first_dies`: takes the plan's lock
/// and holds it until killed (or 60 s).
#[test]
fn lock_holder_child() {
    let (Some(data), Some(plan)) = (
        std::env::var_os(LOCK_DATA_ENV),
        std::env::var_os(LOCK_PLAN_ENV),
    ) else {
        return;
    };
    let lock = PlanLock::acquire(Path::new(&plan), Some(Path::new(&data)));
    println!(
        "{}",
        if matches!(lock, Locked::Held(_)) {
            "lock held"
        } else {
            "lock busy"
        }
    );
    std::thread::sleep(Duration::from_secs(60));
    drop(lock);
}

#[test]
fn a_second_perfplan_is_read_only_until_the_first_dies() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();

    let mut child = spawn_child(
        "lock_holder_child",
        &[(LOCK_DATA_ENV, &data), (LOCK_PLAN_ENV, &path)],
    );
    let (rx, reader) = lines_of(&mut child);
    wait_for_line(&rx, "lock held", Duration::from_secs(30));

    assert!(matches!(
        PlanLock::acquire(&path, Some(&data)),
        Locked::Taken
    ));
    // The same plan written another way is the same plan.
    let other_spelling = dir.path().join(".").join("plan.ron");
    assert!(matches!(
        PlanLock::acquire(&other_spelling, Some(&data)),
        Locked::Taken
    ));

    let opened = session_open(&path, &data);
    assert!(opened.read_only());
    assert!(opened.recovery.is_none());
    let mut h = Driver::from_opened(opened);
    assert!(h.app.read_only);
    assert!(
        h.app.status_text().contains("Sola lettura"),
        "{}",
        h.app.status_text()
    );
    assert!(h.screen().contains("SOLA LETTURA"));

    h.go_to("domande depositate marchi");
    assert!(h.app.selected_indicator().is_some());
    for key in [KeyCode::Enter, KeyCode::Char('c'), KeyCode::Char('o')] {
        h.app.status_text().clear();
        h.key(key);
        assert!(matches!(h.app.mode, Mode::Normal), "{key:?} opened an edit");
        assert!(
            h.app.status_text().contains("Sola lettura"),
            "{}",
            h.app.status_text()
        );
    }
    h.app.status_text().clear();
    assert_eq!(h.app.update(Action::Save), Effect::None);
    assert!(
        h.app.status_text().contains("Sola lettura"),
        "{}",
        h.app.status_text()
    );
    h.ctrl('s');
    assert!(!h.app.is_dirty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    assert_eq!(
        names_in(dir.path()),
        [".plan.ron.perfplan-lock", "plan.ron"],
        "nothing was written (the lock file is the first perfplan's)"
    );

    child.0.kill().unwrap();
    child.0.wait().unwrap();
    reader.join().unwrap();
    let lock = PlanLock::acquire(&path, Some(&data));
    assert!(
        matches!(lock, Locked::Held(_)),
        "the lock of a killed process is free again"
    );
    drop(lock);
    let opened = session_open(&path, &data);
    assert!(!opened.read_only());
}

// ---------------------------------------------------------------------------------------
// d. A change on disk between load and save
// ---------------------------------------------------------------------------------------

#[test]
fn a_change_on_disk_is_detected_by_content_not_by_time() {
    let ((_, _), (b, b_text)) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();

    // One byte changed by another writer, with the old modification time put back: still
    // a change.
    let (_, mut file) = PlanFile::open(&path).unwrap();
    let theirs = SEED_TEXT.replace("result: 151,", "result: 152,");
    assert_eq!(theirs.len(), SEED_TEXT.len());
    std::fs::write(&path, &theirs).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert!(!file.unchanged_on_disk());
    assert!(matches!(
        file.save(&b, false),
        Err(SaveFailure::ChangedOnDisk)
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(!backup_path(&path).exists());
    assert!(temp_files_in(dir.path()).is_empty());

    // The same text rewritten with a new modification time: not a change.
    std::fs::write(&path, SEED_TEXT).unwrap();
    let (_, mut file) = PlanFile::open(&path).unwrap();
    std::fs::write(&path, SEED_TEXT).unwrap();
    let later = mtime + Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), later);
    assert!(file.unchanged_on_disk());
    file.save(&b, false)
        .expect("a touched file is not a changed file");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), b_text);
}

#[test]
fn overwriting_a_file_another_writer_broke_keeps_theirs_aside() {
    // What another program may leave in the plan's file: text perfplan's save cannot
    // follow (before the fix, the first overflowed the stack and the second panicked).
    let broken = [
        format!("Plan(title: {}", "(".repeat(1_000_000)),
        "#!".to_string(),
        String::new(),
    ];
    for theirs in broken {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, SEED_TEXT).unwrap();
        let mut h = open_in(&path, &dir.path().join("data"));
        h.set_result("domande depositate marchi", "70");
        std::fs::write(&path, &theirs).unwrap();

        h.ctrl('s');
        assert!(
            matches!(
                h.app.mode,
                Mode::Dialog {
                    kind: DialogKind::Conflict,
                    ..
                }
            ),
            "{}",
            h.app.status_text()
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        assert!(h.app.is_dirty());

        // Overwrite: ours is written whole in perfplan's layout, theirs is kept beside it
        // under a name no later save replaces ([o] Sovrascrivi).
        h.key(KeyCode::Char('o'));
        assert!(!h.app.is_dirty(), "{}", h.app.status_text());
        assert!(
            h.app.status_text().contains("quella di perfplan"),
            "{}",
            h.app.status_text()
        );
        let (saved, _) = store::load(&path).unwrap();
        assert_eq!(saved, h.app.plan);
        assert_eq!(result_of(&saved, "3.2.2-s2"), Some(Value::Number(dec!(70))));
        let kept: Vec<String> = names_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("plan.ron.theirs-"))
            .collect();
        assert_eq!(kept.len(), 1, "{:?}", names_in(dir.path()));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&kept[0])).unwrap(),
            theirs
        );
        assert!(
            h.app.status_text().contains(&kept[0]),
            "the message names it: {}",
            h.app.status_text()
        );
        assert!(temp_files_in(dir.path()).is_empty());
    }
}

// ---------------------------------------------------------------------------------------
// e. Saving keeps what the user wrote
// ---------------------------------------------------------------------------------------

#[test]
fn saving_changes_only_the_edited_lines_of_a_hand_written_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.ron");
    std::fs::write(&path, EXAMPLE_TEXT).unwrap();
    let mut h = open_in(&path, &dir.path().join("data"));

    // 1.1.1-o2: a result changed; 1.1.1-o1: its note rewritten; 1.2.1-o1: its result cleared.
    h.set_result("Written complaints about the desk", "45");
    h.set_note(
        "Average wait at the desk",
        "Re-measured in \"peak\" hours \\ all desks",
    );
    h.set_result("road-safety board", "");
    assert_eq!(
        result_of(&h.app.plan, "1.1.1-o2"),
        Some(Value::Number(dec!(45)))
    );
    assert_eq!(result_of(&h.app.plan, "1.2.1-o1"), None);
    h.ctrl('s');
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());

    let old_result = "                                    result: 50,\n";
    let old_note = "                                    note: \"Measured by the ticket system, all opening days.\",\n";
    let cleared = "                                    result: 4,\n";
    for s in [old_result, old_note, cleared] {
        assert_eq!(EXAMPLE_TEXT.matches(s).count(), 1, "{s:?}");
    }
    let expected = EXAMPLE_TEXT
        .replace(old_result, "                                    result: 45,\n")
        .replace(
            old_note,
            "                                    note: \"Re-measured in \\\"peak\\\" hours \\\\ all desks\",\n",
        )
        .replace(cleared, "");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(saved, expected);
    assert_eq!(parse(&saved), h.app.plan);
    assert_eq!(
        std::fs::read_to_string(backup_path(&path)).unwrap(),
        EXAMPLE_TEXT
    );

    // Saving again with no change writes the same bytes.
    h.ctrl('s');
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);

    // An edit undone is no change either.
    h.set_result("Written complaints about the desk", "46");
    h.key(KeyCode::Char('u'));
    h.ctrl('s');
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn a_plan_in_perfplans_layout_is_stable_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let canonical = store::write::plan(&parse(SEED_TEXT));
    std::fs::write(&path, &canonical).unwrap();
    let mut h = open_in(&path, &dir.path().join("data"));
    h.ctrl('s');
    assert!(
        h.app.status_text().starts_with("Piano salvato in"),
        "{}",
        h.app.status_text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
    h.ctrl('s');
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);

    // With one edit, one line changes and saving twice writes it once.
    h.set_result("domande depositate marchi", "70");
    h.ctrl('s');
    let once = std::fs::read_to_string(&path).unwrap();
    h.ctrl('s');
    assert_eq!(std::fs::read_to_string(&path).unwrap(), once);
    assert_eq!(
        once.lines()
            .zip(canonical.lines())
            .filter(|(a, b)| a != b)
            .count(),
        1
    );
    assert_eq!(once.lines().count(), canonical.lines().count());
    assert_eq!(parse(&once), h.app.plan);
}

// ---------------------------------------------------------------------------------------
// f. Permissions kept
// ---------------------------------------------------------------------------------------

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn saving_keeps_the_permissions_and_a_whole_backup() {
    let ((a, a_text), (b, b_text)) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &a_text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();

    let (_, mut file) = PlanFile::open(&path).unwrap();
    file.save(&b, false).unwrap();
    assert_eq!(mode_of(&path), 0o640);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), b_text);
    let bak = backup_path(&path);
    assert_eq!(std::fs::read_to_string(&bak).unwrap(), a_text);
    assert_eq!(parse(&std::fs::read_to_string(&bak).unwrap()), a);
    // The backup of a private plan is no more readable than the plan.
    assert_eq!(mode_of(&bak), 0o640);

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    file.save(&a, false).unwrap();
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(mode_of(&bak), 0o600);
    assert_eq!(std::fs::read_to_string(&bak).unwrap(), b_text);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), a_text);
    assert!(temp_files_in(dir.path()).is_empty());
}

// ---------------------------------------------------------------------------------------
// g. The crash-recovery journal
// ---------------------------------------------------------------------------------------

/// Opens the plan, commits two edits through the app, and "crashes": app and session are
/// dropped without saving.
fn two_edits_then_crash(path: &Path, data: &Path) {
    let mut h = open_in(path, data);
    h.set_result("domande depositate marchi", "70");
    h.set_note("domande depositate marchi", "dato dell'ufficio marchi");
    assert!(h.app.is_dirty());
    assert!(!h.quit);
    drop(h);
}

fn journal_path(data: &Path, plan: &Path) -> PathBuf {
    Journal::locate(data, Some(data), plan).path
}

#[test]
fn edits_not_saved_before_a_crash_are_restored() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    two_edits_then_crash(&path, &data);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        SEED_TEXT,
        "nothing saved"
    );

    let opened = session_open(&path, &data);
    assert!(!opened.read_only(), "the crashed session's lock is gone");
    let recovery = opened.recovery.clone().expect("something to restore");
    assert_eq!(recovery.apply.len(), 2);
    assert!(recovery.conflicts.is_empty());
    assert!(recovery.apply.iter().all(|(_, c)| c.id == "3.2.2-s2"));
    let mut h = Driver::from_opened(opened);
    assert!(matches!(h.app.mode, Mode::Restore { .. }));
    assert!(
        h.screen()
            .contains("Modifiche non salvate di una sessione precedente")
    );
    assert!(!h.app.is_dirty());

    h.key(KeyCode::Char('r'));
    assert!(matches!(h.app.mode, Mode::Normal));
    let p = h.app.plan.find_indicator("3.2.2-s2").unwrap();
    let ind = h.app.plan.indicator(p);
    assert_eq!(ind.result, Some(Value::Number(dec!(70))));
    assert_eq!(ind.note.as_deref(), Some("dato dell'ufficio marchi"));
    assert!(h.app.is_dirty(), "restored edits are unsaved edits");
    assert!(
        h.app.status_text().contains("Ripristinat"),
        "{}",
        h.app.status_text()
    );
    // The scores follow the restored values.
    assert_eq!(h.app.scores, perfplan::score::Scores::compute(&h.app.plan));

    h.ctrl('s');
    assert!(!h.app.is_dirty(), "{}", h.app.status_text());
    assert!(
        !journal_path(&data, &path).exists(),
        "a save clears the journal"
    );
    let (saved, _) = store::load(&path).unwrap();
    assert_eq!(saved, h.app.plan);
    drop(h);
    let opened = session_open(&path, &data);
    assert!(opened.recovery.is_none());
}

#[test]
fn edits_not_saved_before_a_crash_can_be_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    two_edits_then_crash(&path, &data);
    assert!(journal_path(&data, &path).exists());

    let opened = session_open(&path, &data);
    assert_eq!(opened.recovery.as_ref().map(|r| r.apply.len()), Some(2));
    let mut h = Driver::from_opened(opened);
    h.key(KeyCode::Char('d'));
    assert!(matches!(h.app.mode, Mode::Normal));
    assert_eq!(h.app.plan, parse(SEED_TEXT), "the plan stays as on disk");
    assert!(!h.app.is_dirty());
    assert!(
        !journal_path(&data, &path).exists(),
        "dropping clears the journal"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    drop(h);
    let opened = session_open(&path, &data);
    assert!(opened.recovery.is_none());
}
