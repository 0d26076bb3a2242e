//! Nothing lost when other people and programs touch the plan: one test (or more) for each
//! way the plan, an edit or an export was lost before, each named after what must hold now.
//!
//! 1. a restore from the journal keeps what another tool changed in the file since;
//! 2. a version renamed over the plan during a save is kept, never overwritten silently;
//! 3. a read-only perfplan never writes the plan;
//! 4. an export never replaces the plan, a device, a pipe, or what a link points to
//!    unless it is a file, and leaves no backup; the app asks before replacing a file;
//! 5. a record of the journal cut short costs no later edit;
//! 6. a journal that cannot be written is said, for as long as it lasts, and asked once;
//! 7. a second perfplan is read-only through any name of the file and any data folder;
//! 8. journal and lock names come from a stable hash; old journals are still found;
//! 9. form feeds, vertical tabs, NEL and the Unicode line separators keep the user's text;
//! 10. a save keeps the file's owner and group;
//! 11. CR line endings, a folder that never existed and a missing home get clear messages,
//!     and a journal whose changes are already saved asks nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{SEED_TEXT, Tmpfs, dirs_in, names_in};
use perfplan::app::{DialogKind, Mode};
use perfplan::driver::Driver;
use perfplan::paths::Dirs;
use perfplan::plan::{Plan, Value};
use perfplan::store::{self, Journal};
use ratatui::crossterm::event::KeyCode;
use rust_decimal_macros::dec;

fn result_of(plan: &Plan, id: &str) -> Option<Value> {
    plan.indicator(plan.find_indicator(id).unwrap()).result
}

fn note_of(plan: &Plan, id: &str) -> Option<String> {
    plan.indicator(plan.find_indicator(id).unwrap())
        .note
        .clone()
}

fn loaded(path: &Path) -> Plan {
    store::load(path).unwrap().0
}

/// A copy of the seed in a fresh folder: (folder guard, plan path, perfplan's folders).
fn seed_copy() -> (tempfile::TempDir, PathBuf, Dirs) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    let dirs = dirs_in(dir.path());
    (dir, path, dirs)
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    c.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("PERFPLAN_LANG");
    c
}

// ---------------------------------------------------------------------------------------
// 1. Restore that respects the file
// ---------------------------------------------------------------------------------------

/// The seed's line for 1.1.1-o4's result, the field another tool changes.
const O4_RESULT: &str = "                                    id: \"1.1.1-o4\",\n                                    description: \"Produzione rapporti /studi/ricerche\",\n                                    unit: Count,\n                                    target: AtLeast(3),\n                                    result: 4,";

#[test]
fn restoring_the_journal_keeps_a_field_another_tool_changed_since() {
    let (_dir, path, dirs) = seed_copy();
    assert_eq!(SEED_TEXT.matches(O4_RESULT).count(), 1);
    // A note on 1.1.1-o4, then a crash (the app goes without saving).
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_note("Produzione rapporti", "dato dell'ufficio studi");
    drop(d);
    // Another tool changes the result of the same indicator: 4 → 9.
    let theirs = SEED_TEXT.replace(O4_RESULT, &O4_RESULT.replace("result: 4,", "result: 9,"));
    std::fs::write(&path, &theirs).unwrap();

    let mut d = open_en(&path, Some(dirs)).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    let screen = d.screen();
    assert!(
        screen.contains("changed by another program or person"),
        "the question says the file changed since: {screen}"
    );
    let r = d.app.recovery.clone().unwrap();
    assert_eq!(
        r.apply.len(),
        1,
        "the note applies: the file still has none"
    );
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    d.key(KeyCode::Char('r'));
    assert_eq!(
        result_of(&d.app.plan, "1.1.1-o4"),
        Some(Value::Number(dec!(9))),
        "the other tool's result is kept"
    );
    assert_eq!(
        note_of(&d.app.plan, "1.1.1-o4").as_deref(),
        Some("dato dell'ufficio studi")
    );
    d.ctrl('s');
    assert!(!d.app.is_dirty(), "{}", d.app.status_text());
    let saved = loaded(&path);
    assert_eq!(result_of(&saved, "1.1.1-o4"), Some(Value::Number(dec!(9))));
    assert_eq!(
        note_of(&saved, "1.1.1-o4").as_deref(),
        Some("dato dell'ufficio studi")
    );
}

#[test]
fn a_field_changed_on_both_sides_is_listed_and_the_files_value_kept_unless_taken() {
    for take_mine in [false, true] {
        let (_dir, path, dirs) = seed_copy();
        let mut d = open_en(&path, Some(dirs.clone())).unwrap();
        d.set_note("Produzione rapporti", "mia nota");
        d.set_result("domande depositate marchi", "70");
        drop(d);
        // A colleague wrote another note on the same indicator, in the file.
        let theirs = SEED_TEXT.replace(
            O4_RESULT,
            &format!(
                "{O4_RESULT}\n                                    note: \"nota del collega\","
            ),
        );
        std::fs::write(&path, &theirs).unwrap();

        let mut d = open_en(&path, Some(dirs)).unwrap();
        let r = d.app.recovery.clone().unwrap();
        assert_eq!(r.apply.len(), 1, "the result of 3.2.2-s2 applies");
        assert_eq!(r.conflicts.len(), 1);
        let screen = d.screen();
        assert!(
            screen.contains("1.1.1-o4 · note: file \"nota del collega\" · yours \"mia nota\""),
            "both values are shown: {screen}"
        );
        if take_mine {
            d.key(KeyCode::Char(' '));
        }
        d.key(KeyCode::Enter);
        let want = if take_mine {
            "mia nota"
        } else {
            "nota del collega"
        };
        assert_eq!(note_of(&d.app.plan, "1.1.1-o4").as_deref(), Some(want));
        assert_eq!(
            result_of(&d.app.plan, "3.2.2-s2"),
            Some(Value::Number(dec!(70)))
        );
        // The restore is one undoable step.
        d.key(KeyCode::Char('u'));
        assert_eq!(
            note_of(&d.app.plan, "1.1.1-o4").as_deref(),
            Some("nota del collega")
        );
        assert_eq!(
            result_of(&d.app.plan, "3.2.2-s2"),
            Some(Value::Number(dec!(72)))
        );
    }
}

#[test]
fn take_all_and_keep_all_decide_every_listed_field_at_once() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    d.set_note("Produzione rapporti", "mia");
    drop(d);
    let theirs = SEED_TEXT.replace("result: 72,", "result: 71,").replace(
        O4_RESULT,
        &format!("{O4_RESULT}\n                                    note: \"loro\","),
    );
    std::fs::write(&path, &theirs).unwrap();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    assert_eq!(d.app.recovery.as_ref().unwrap().conflicts.len(), 2);
    d.key(KeyCode::Char('m'));
    assert!(
        d.app
            .recovery
            .as_ref()
            .unwrap()
            .conflicts
            .iter()
            .all(|c| c.take_mine)
    );
    d.key(KeyCode::Char('f'));
    d.key(KeyCode::Char('r'));
    assert_eq!(note_of(&d.app.plan, "1.1.1-o4").as_deref(), Some("loro"));
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(71)))
    );
    assert!(d.app.status_text().contains("kept the file's value for 2"));
}

// ---------------------------------------------------------------------------------------
// 2. A version renamed over the plan during a save
// ---------------------------------------------------------------------------------------

#[test]
fn a_version_renamed_over_the_plan_during_a_save_is_never_lost_silently() {
    const TRIALS: u64 = 40;
    // A plan big enough that a save takes a while even here; PERFPLAN_RACE_INDICATORS=100000
    // with --release runs the trial on a region-sized plan.
    let size = std::env::var("PERFPLAN_RACE_INDICATORS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000);
    let plan = perfplan::generate::plan(size, 7);
    let text = store::write::plan(&plan);

    // How long a save takes on this machine, to spread the other writer over it: the
    // quickest of three, as one measured while other tests load the machine would spread
    // the writer too late to meet most saves.
    let probe = tempfile::tempdir().unwrap();
    let p = probe.path().join("plan.ron");
    std::fs::write(&p, &text).unwrap();
    let mut d = open_en(&p, Some(dirs_in(probe.path()))).unwrap();
    select_last_number(&mut d);
    let save = (7..10)
        .map(|n| {
            let started = Instant::now();
            d.edit_selected(KeyCode::Enter, &n.to_string());
            d.ctrl('s');
            assert!(!d.app.is_dirty(), "{}", d.app.status_text());
            started.elapsed()
        })
        .min()
        .unwrap()
        .max(Duration::from_millis(2));
    drop(d);

    let mut kept_aside = 0;
    let mut conflicts = 0;
    let mut after = 0;
    for trial in 0..TRIALS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, &text).unwrap();
        let mut d = open_en(&path, Some(dirs_in(dir.path()))).unwrap();
        select_last_number(&mut d);
        d.edit_selected(KeyCode::Enter, &(9_000 + trial).to_string());
        assert!(d.app.is_dirty(), "{}", d.app.status_text());

        // Their version: the plan with a mark of its own.
        let marker = format!("// their version {trial}\n");
        let theirs = format!("{text}{marker}");
        let delay = save.mul_f64((trial as f64 + 0.5) / TRIALS as f64 * 1.2);
        let target = path.clone();
        let writer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            let tmp = target.with_file_name("their-tmp");
            std::fs::write(&tmp, theirs).unwrap();
            std::fs::rename(&tmp, &target).unwrap();
        });
        d.ctrl('s');
        writer.join().unwrap();

        // Their version is on disk, in the plan or kept beside it.
        let on_disk = std::fs::read_to_string(&path).unwrap();
        let aside: Vec<String> = names_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("plan.ron.theirs-"))
            .map(|n| std::fs::read_to_string(dir.path().join(n)).unwrap())
            .collect();
        let theirs_safe = on_disk.ends_with(&marker) || aside.iter().any(|t| t.ends_with(&marker));
        assert!(
            theirs_safe,
            "trial {trial} (delay {delay:?}): their version is gone; files {:?}",
            names_in(dir.path())
        );
        // Ours is on disk, or the app knows it is not.
        let ours_on_disk = store::parse(&path, &on_disk).is_ok_and(|p| p == d.app.plan);
        let app_knows = d.app.is_dirty() || !d.session().file.unchanged_on_disk();
        assert!(
            ours_on_disk || app_knows,
            "trial {trial}: the app believes its version is saved, but it is not"
        );
        match &d.app.mode {
            Mode::Dialog {
                kind: DialogKind::Theirs,
                ..
            } => {
                kept_aside += 1;
                assert!(ours_on_disk);
                assert!(
                    d.screen()
                        .contains("Another version was found while saving")
                );
                let kept = d.app.theirs.clone().unwrap();
                assert_eq!(
                    d.app.dialog_question(DialogKind::Theirs).path.as_ref(),
                    Some(&kept),
                    "the dialog says where"
                );
            }
            Mode::Dialog {
                kind: DialogKind::Conflict,
                ..
            } => conflicts += 1,
            _ => after += 1,
        }
    }
    eprintln!(
        "{TRIALS} trials (a save takes {save:?}): their version kept aside {kept_aside}, conflict before writing {conflicts}, renamed after the save {after}"
    );
    assert!(
        kept_aside + conflicts >= TRIALS / 4,
        "the other writer hit the save in only {} of {TRIALS} trials: the test proves little",
        kept_aside + conflicts
    );
}

/// Selects the last indicator whose result is a number (not a date).
fn select_last_number(d: &mut Driver) {
    d.key(KeyCode::End);
    while d
        .app
        .selected_indicator()
        .is_some_and(|i| d.app.plan.indicator(i).unit.is_date())
    {
        d.key(KeyCode::Up);
    }
}

#[test]
fn taking_theirs_after_a_save_keeps_ours_aside() {
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.set_result("domande depositate marchi", "70");
    // Simulate the race's outcome: the save found their version and kept it aside.
    let theirs_text = SEED_TEXT.replace("result: 72,", "result: 75,");
    let theirs = dir.path().join("plan.ron.theirs-20261125-100000");
    std::fs::write(&theirs, &theirs_text).unwrap();
    d.ctrl('s');
    assert!(!d.app.is_dirty());
    d.app.theirs = Some(theirs.clone());
    d.app.mode = Mode::Dialog {
        kind: DialogKind::Theirs,
        selected: 0,
    };
    d.key(KeyCode::Char('t'));
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(75))),
        "{}",
        d.app.status_text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs_text);
    let mine: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("plan.ron.mine-"))
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        result_of(&loaded(&dir.path().join(&mine[0])), "3.2.2-s2"),
        Some(Value::Number(dec!(70)))
    );
    assert!(
        d.app.status_text().contains(&mine[0]),
        "{}",
        d.app.status_text()
    );
    assert!(!d.app.read_only);
}

#[test]
fn reloading_after_a_change_written_in_place_keeps_the_lock() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    // Another program writes the same file in place (same inode).
    let theirs = SEED_TEXT.replace("result: 72,", "result: 75,");
    std::fs::write(&path, &theirs).unwrap();
    d.ctrl('s');
    assert!(matches!(
        d.app.mode,
        Mode::Dialog {
            kind: DialogKind::Conflict,
            ..
        }
    ));
    d.key(KeyCode::Char('r'));
    assert!(!d.app.read_only, "{}", d.app.status_text());
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(75)))
    );
    let b = open_en(&path, Some(dirs)).unwrap();
    assert!(b.app.read_only, "the lock is still held");
}

#[test]
fn two_reloads_in_one_second_keep_both_sets_of_unsaved_edits() {
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    for (value, theirs) in [("70", "result: 152,"), ("71", "result: 153,")] {
        d.set_result("domande depositate marchi", value);
        std::fs::write(&path, SEED_TEXT.replace("result: 151,", theirs)).unwrap();
        d.ctrl('s');
        d.key(KeyCode::Char('r'));
    }
    let kept: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.contains(".unsaved-"))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    let results: Vec<Option<Value>> = kept
        .iter()
        .map(|n| result_of(&loaded(&dir.path().join(n)), "3.2.2-s2"))
        .collect();
    assert!(results.contains(&Some(Value::Number(dec!(70)))));
    assert!(results.contains(&Some(Value::Number(dec!(71)))));
}

#[test]
fn merging_reloads_theirs_and_offers_each_change_again() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.set_result("domande depositate marchi", "70");
    d.set_note("Produzione rapporti", "mia");
    // Their version changed another result, and the same note.
    let theirs = SEED_TEXT.replace("result: 151,", "result: 152,").replace(
        O4_RESULT,
        &format!("{O4_RESULT}\n                                    note: \"loro\","),
    );
    std::fs::write(&path, &theirs).unwrap();
    d.ctrl('s');
    d.key(KeyCode::Char('m'));
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    assert!(d.screen().contains("Your changes on their version"));
    let r = d.app.recovery.clone().unwrap();
    assert_eq!(r.apply.len(), 1, "the result applies");
    assert_eq!(r.conflicts.len(), 1, "the note was changed on both sides");
    d.key(KeyCode::Enter);
    d.ctrl('s');
    let saved = loaded(&path);
    assert_eq!(result_of(&saved, "3.2.2-s2"), Some(Value::Number(dec!(70))));
    assert_eq!(note_of(&saved, "1.1.1-o4").as_deref(), Some("loro"));
    assert!(
        saved
            .indicators()
            .any(|(_, i)| i.result == Some(Value::Number(dec!(152)))),
        "their change is kept"
    );
}

#[test]
fn taking_theirs_refuses_a_version_that_does_not_load() {
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    let theirs = dir.path().join("plan.ron.theirs-20261125-100000");
    std::fs::write(&theirs, "Plan(title: ").unwrap();
    d.app.theirs = Some(theirs);
    d.app.mode = Mode::Dialog {
        kind: DialogKind::Theirs,
        selected: 0,
    };
    d.key(KeyCode::Char('t'));
    assert!(d.app.status.is_error, "{}", d.app.status_text());
    assert!(d.app.status_text().contains("does not load"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);

    // Nor one larger than a plan may be (a sparse file: nothing is written).
    let huge = dir.path().join("plan.ron.theirs-20261125-110000");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(store::MAX_PLAN_BYTES + 1)
        .unwrap();
    d.app.theirs = Some(huge);
    d.app.mode = Mode::Dialog {
        kind: DialogKind::Theirs,
        selected: 0,
    };
    d.key(KeyCode::Char('t'));
    assert!(
        d.app.status_text().contains("does not load") && d.app.status_text().contains("larger"),
        "{}",
        d.app.status_text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
}

// ---------------------------------------------------------------------------------------
// 3. A read-only perfplan never writes the plan
// ---------------------------------------------------------------------------------------

#[test]
fn a_read_only_perfplan_never_writes_the_plan() {
    let (dir, path, dirs) = seed_copy();
    let mut a = open_en(&path, Some(dirs.clone())).unwrap();
    let mut b = open_en(&path, Some(dirs)).unwrap();
    assert!(!a.app.read_only);
    assert!(b.app.read_only);
    a.set_result("domande depositate marchi", "70");
    a.ctrl('s');
    assert!(!a.app.is_dirty());

    // S, Enter in B: the name offered is a copy's, never the plan's.
    b.key(KeyCode::Char('S'));
    let Mode::Path { input, .. } = &b.app.mode else {
        panic!("save-as asks for a name");
    };
    let offered = PathBuf::from(input.text());
    assert_ne!(offered, path);
    b.key(KeyCode::Enter);
    assert_eq!(offered, dir.path().join("plan-copy.ron"));
    assert!(offered.exists());

    // Typing the plan's own name, another spelling of it, or a link to it: refused.
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let spellings = [
        path.clone(),
        dir.path().join(".").join("plan.ron"),
        link.clone(),
    ];
    // B is read-only on the plan, not on the copy it saved: open B again on the plan.
    drop(b);
    let mut b = open_en(&path, Some(dirs_in(&dir.path().join("other")))).unwrap();
    assert!(b.app.read_only);
    for target in spellings {
        b.key(KeyCode::Char('S'));
        b.ctrl('u');
        b.type_text(target.to_str().unwrap());
        b.key(KeyCode::Enter);
        // Whatever the dialogs, answer with everything that would write.
        for _ in 0..3 {
            if let Mode::Dialog { .. } = b.app.mode {
                b.key(KeyCode::Char('o'));
            }
        }
        assert!(
            b.app.status.is_error && b.app.status_text().contains("is the plan itself"),
            "{target:?}: {}",
            b.app.status_text()
        );
        assert_eq!(
            result_of(&loaded(&path), "3.2.2-s2"),
            Some(Value::Number(dec!(70))),
            "A's change is still there"
        );
    }
    drop(a);
}

// ---------------------------------------------------------------------------------------
// 4. Exports never destroy
// ---------------------------------------------------------------------------------------

#[test]
fn an_export_never_replaces_the_plan_itself() {
    let (dir, path, _) = seed_copy();
    for (format, out) in [("csv", path.clone()), ("md", dir.path().join("./plan.ron"))] {
        let o = bin()
            .args(["export"])
            .arg(&path)
            .args(["--format", format, "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("è il piano stesso"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    }
    // A plan named like its export: the default output is the plan itself.
    let report = dir.path().join("report.md");
    std::fs::write(&report, SEED_TEXT).unwrap();
    let o = bin()
        .args(["export"])
        .arg(&report)
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o"));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), SEED_TEXT);
    assert_eq!(names_in(dir.path()), ["plan.ron", "report.md"]);
}

#[test]
fn an_export_writes_only_regular_files_and_leaves_no_backup() {
    let (dir, path, _) = seed_copy();
    let export = |out: &Path| {
        bin()
            .args(["export"])
            .arg(&path)
            .args(["--format", "csv", "-o"])
            .arg(out)
            .output()
            .unwrap()
    };
    // A device and a pipe are refused, named for what they are (in the plan's Italian).
    let o = export(Path::new("/dev/null"));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("un dispositivo, non un file"));
    let fifo = dir.path().join("pipe.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = export(&fifo);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("una pipe (FIFO), non un file"));
    // A link to nothing, and a link to the plan: refused.
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink(dir.path().join("missing.csv"), &dangling).unwrap();
    assert_eq!(export(&dangling).status.code(), Some(1));
    assert!(!dir.path().join("missing.csv").exists());
    let to_plan = dir.path().join("to-plan.csv");
    std::os::unix::fs::symlink(&path, &to_plan).unwrap();
    assert_eq!(export(&to_plan).status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
    // A link to a regular file: that file is replaced, the link stays, no backup.
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old export").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = export(&link);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("sostituito il file"));
    assert!(std::fs::read_to_string(&real).unwrap().contains("3.2.2-s2"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A new file: "wrote", and nothing else appears.
    let fresh = dir.path().join("fresh.csv");
    let o = export(&fresh);
    assert!(String::from_utf8_lossy(&o.stderr).contains("creato il file"));
    assert!(
        names_in(dir.path())
            .iter()
            .all(|n| !n.ends_with(".bak") && !n.contains("perfplan-tmp")),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn the_apps_export_asks_before_replacing_a_file_and_never_writes_the_plan() {
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    let report = dir.path().join("report.csv");
    std::fs::write(&report, "formatted by hand").unwrap();
    let export_to = |d: &mut Driver, target: &Path| {
        d.key(KeyCode::Char('x'));
        d.key(KeyCode::Tab); // XLSX → CSV
        d.ctrl('u');
        d.type_text(target.to_str().unwrap());
        d.key(KeyCode::Enter);
    };
    export_to(&mut d, &report);
    assert!(matches!(
        d.app.mode,
        Mode::Dialog {
            kind: DialogKind::ReplaceExport,
            ..
        }
    ));
    d.key(KeyCode::Char('c'));
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "formatted by hand"
    );
    export_to(&mut d, &report);
    d.key(KeyCode::Char('o'));
    assert!(
        d.app.status_text().contains("replacing the file there"),
        "{}",
        d.app.status_text()
    );
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("3.2.2-s2")
    );
    assert!(!dir.path().join("report.csv.bak").exists());
    // The plan itself, even when the user insists.
    export_to(&mut d, &path);
    if matches!(d.app.mode, Mode::Dialog { .. }) {
        d.key(KeyCode::Char('o'));
    }
    assert!(
        d.app.status_text().contains("is the plan itself"),
        "{}",
        d.app.status_text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SEED_TEXT);
}

// ---------------------------------------------------------------------------------------
// 5. A record of the journal cut short
// ---------------------------------------------------------------------------------------

#[test]
fn a_journal_record_cut_short_costs_no_later_edit() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    drop(d);
    // The next record was cut off mid-line (a crash, or a full disk).
    let journal = Journal::locate(&dirs.state, Some(&dirs.data), &path).path;
    let whole = std::fs::read(&journal).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .map(|mut f| std::io::Write::write_all(&mut f, &whole[..whole.len() / 2]))
        .unwrap()
        .unwrap();

    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    let r = d.app.recovery.clone().unwrap();
    assert_eq!((r.records, r.damaged), (1, 1));
    assert!(
        d.screen().contains("1 could not be"),
        "the question says how many records were not read"
    );
    d.key(KeyCode::Char('r'));
    // A later edit, then another crash.
    d.set_note("Produzione rapporti", "dopo il record rovinato");
    drop(d);

    let mut d = open_en(&path, Some(dirs)).unwrap();
    let r = d
        .app
        .recovery
        .clone()
        .expect("both edits are in the journal");
    assert_eq!(r.damaged, 0, "the journal was written afresh");
    d.key(KeyCode::Char('r'));
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(70)))
    );
    assert_eq!(
        note_of(&d.app.plan, "1.1.1-o4").as_deref(),
        Some("dopo il record rovinato")
    );
}

#[test]
fn a_full_state_disk_is_said_until_it_has_room_and_no_edit_is_lost() {
    let Some(fs) = Tmpfs::mount("64k") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    let dirs = Dirs {
        data: dir.path().join("data"),
        state: fs.path.clone(),
    };
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    // The disk fills up.
    let filler = fs.path.join("filler");
    let _ = std::fs::write(&filler, vec![0u8; 64 * 1024]);
    d.go_to("Produzione rapporti");
    d.key(KeyCode::Char('c'));
    d.type_text(&"una nota lunga ".repeat(300));
    d.key(KeyCode::Enter);
    assert!(d.app.journal_down.is_some());
    assert!(matches!(
        d.app.mode,
        Mode::Dialog {
            kind: DialogKind::JournalFailed,
            ..
        }
    ));
    d.key(KeyCode::Char('c'));
    assert!(d.screen().contains("NO CRASH RECOVERY"));
    d.set_result("Produzione rapporti", "5");
    assert!(
        matches!(d.app.mode, Mode::Normal),
        "asked once, not at every edit"
    );
    assert!(
        d.screen().contains("NO CRASH RECOVERY"),
        "for as long as it lasts"
    );
    // Room again: the next edit writes the whole journal, and the header clears.
    std::fs::remove_file(&filler).unwrap();
    d.set_result("domande depositate marchi", "71");
    assert!(d.app.journal_down.is_none());
    assert!(!d.screen().contains("NO CRASH RECOVERY"));
    drop(d);
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.key(KeyCode::Char('r'));
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(71)))
    );
    assert_eq!(
        result_of(&d.app.plan, "1.1.1-o4"),
        Some(Value::Number(dec!(5)))
    );
    assert!(
        note_of(&d.app.plan, "1.1.1-o4")
            .unwrap()
            .starts_with("una nota lunga")
    );
}

// ---------------------------------------------------------------------------------------
// 6. A journal that cannot be written
// ---------------------------------------------------------------------------------------

#[test]
fn an_unusable_state_folder_is_said_and_asked_once() {
    let (dir, path, _) = seed_copy();
    // perfplan's folder is a file: nothing can be created in it.
    let not_a_folder = dir.path().join("not-a-folder");
    std::fs::write(&not_a_folder, "x").unwrap();
    let dirs = Dirs::within(&not_a_folder);
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    assert!(!d.app.read_only, "the lock does not need that folder");
    assert!(matches!(
        d.app.mode,
        Mode::Dialog {
            kind: DialogKind::NoJournal,
            ..
        }
    ));
    assert!(d.screen().contains("cannot be written"));
    d.key(KeyCode::Char('c'));
    d.set_result("domande depositate marchi", "70");
    assert!(matches!(d.app.mode, Mode::Normal), "asked once");
    assert!(d.screen().contains("NO CRASH RECOVERY"));
    // A second perfplan with the same unusable folder is read-only all the same.
    let b = open_en(&path, Some(dirs)).unwrap();
    assert!(b.app.read_only);
}

// ---------------------------------------------------------------------------------------
// 7. One editor at a time, for real
// ---------------------------------------------------------------------------------------

#[test]
fn a_second_perfplan_is_read_only_through_any_name_and_any_data_folder() {
    let (dir, path, dirs) = seed_copy();
    let _a = open_en(&path, Some(dirs)).unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let hard = elsewhere.join("same-plan.ron");
    std::fs::hard_link(&path, &hard).unwrap();
    let soft = elsewhere.join("link.ron");
    std::os::unix::fs::symlink(&path, &soft).unwrap();
    for (name, other) in [
        ("a hard link", hard),
        ("a symbolic link", soft),
        ("another spelling", dir.path().join("elsewhere/../plan.ron")),
    ] {
        let b = open_en(&other, Some(dirs_in(&elsewhere.join(name)))).unwrap();
        assert!(b.app.read_only, "through {name}, with its own data folder");
    }
}

#[test]
fn the_lock_follows_the_plan_across_saves() {
    let (_dir, path, dirs) = seed_copy();
    let mut a = open_en(&path, Some(dirs.clone())).unwrap();
    a.set_result("domande depositate marchi", "70");
    a.ctrl('s');
    a.set_result("domande depositate marchi", "71");
    a.ctrl('s');
    // The file in the plan's place is a new one after each save: still locked.
    let b = open_en(&path, Some(dirs.clone())).unwrap();
    assert!(b.app.read_only);
    drop(b);
    drop(a);
    let c = open_en(&path, Some(dirs)).unwrap();
    assert!(!c.app.read_only, "free once the first perfplan is gone");
}

// ---------------------------------------------------------------------------------------
// 8. Stable names
// ---------------------------------------------------------------------------------------

#[test]
fn the_journal_has_a_stable_name_and_old_journals_are_still_offered() {
    let (_dir, path, dirs) = seed_copy();
    let journal = Journal::locate(&dirs.state, Some(&dirs.data), &path);
    let abs = std::fs::canonicalize(&path).unwrap();
    assert_eq!(
        journal.path.file_name().unwrap().to_string_lossy(),
        format!(
            "plan-{:016x}.journal",
            xxhash_rust::xxh3::xxh3_64(abs.as_os_str().as_encoded_bytes())
        )
    );
    // A journal an earlier version left, under its old name, in the old format.
    let old = dirs.data.join("journal").join(format!(
        "{}.jsonl",
        perfplan::store::lock::legacy_plan_key(&path)
    ));
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    let at = (chrono::Local::now() + chrono::Duration::seconds(5)).to_rfc3339();
    std::fs::write(
        &old,
        format!("{{\"at\":\"{at}\",\"id\":\"3.2.2-s2\",\"result\":{{\"number\":\"70\"}},\"override\":null,\"note\":null}}\n"),
    )
    .unwrap();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    assert!(d.screen().contains("earlier version of perfplan"));
    // Its values before are unknown: the file's are kept unless the user takes theirs.
    d.key(KeyCode::Char('m'));
    d.key(KeyCode::Enter);
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(70)))
    );
    assert!(!old.exists(), "the old journal is replaced by the new one");
    d.key(KeyCode::Char('u'));
    d.ctrl('s');
    drop(d);
    // Enter alone keeps the file's values.
    std::fs::write(
        &old,
        "{\"at\":\"2001-01-01T09:30:00+01:00\",\"id\":\"3.2.2-s2\",\"result\":{\"number\":\"70\"},\"override\":null,\"note\":null}\n",
    )
    .unwrap();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.key(KeyCode::Enter);
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(72)))
    );
    assert!(
        d.app.status_text().contains("Nothing restored"),
        "{}",
        d.app.status_text()
    );
}

#[test]
fn a_journal_for_indicators_no_longer_in_the_plan_is_said_not_dropped_silently() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    drop(d);
    std::fs::write(&path, SEED_TEXT.replace("\"3.2.2-s2\"", "\"3.2.2-sX\"")).unwrap();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    assert!(d.screen().contains("Not in the plan any more"));
    assert!(d.screen().contains("3.2.2-s2"));
}

#[test]
fn a_change_to_an_id_two_indicators_share_is_left_out() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    drop(d);
    // Somebody gave another indicator the same id.
    std::fs::write(&path, SEED_TEXT.replace("\"3.2.1-s1\"", "\"3.2.2-s2\"")).unwrap();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    let r = d.app.recovery.clone().unwrap();
    assert_eq!(r.ambiguous, ["3.2.2-s2"]);
    assert!(r.apply.is_empty() && r.conflicts.is_empty());
    d.key(KeyCode::Enter);
    // Both indicators with that id keep the file's results (151 and 72).
    let results: Vec<Option<Value>> = d
        .app
        .plan
        .indicators()
        .filter(|(_, i)| i.id == "3.2.2-s2")
        .map(|(_, i)| i.result)
        .collect();
    assert_eq!(
        results,
        [
            Some(Value::Number(dec!(151))),
            Some(Value::Number(dec!(72)))
        ]
    );
}

#[test]
fn save_as_over_a_file_with_a_stale_journal_does_not_inherit_it() {
    let (dir, path, dirs) = seed_copy();
    let other = dir.path().join("q.ron");
    std::fs::write(&other, SEED_TEXT).unwrap();
    // A crashed session on q.ron left a change to 3.2.2-s2 in its journal.
    let mut d = open_en(&other, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    drop(d);
    // Save-as over q.ron from the plan, one edit, and a crash.
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_note("Produzione rapporti", "nota");
    d.key(KeyCode::Char('S'));
    d.ctrl('u');
    d.type_text(other.to_str().unwrap());
    d.key(KeyCode::Enter);
    d.key(KeyCode::Char('o'));
    assert_eq!(d.app.path, other);
    d.set_result("Produzione rapporti", "6");
    drop(d);
    let d = open_en(&other, Some(dirs)).unwrap();
    let r = d.app.recovery.clone().unwrap();
    let ids: Vec<&str> = r.apply.iter().map(|(_, c)| c.id.as_str()).collect();
    assert_eq!(ids, ["1.1.1-o4"], "only this session's change: {r:?}");
}

// ---------------------------------------------------------------------------------------
// 9. White space RON allows, kept by the text-preserving save
// ---------------------------------------------------------------------------------------

#[test]
fn unusual_white_space_keeps_the_users_text_and_comments() {
    for ws in ["\u{0C}", "\u{0B}", "\u{85}", "\u{2028}", "\u{2029}"] {
        let (_dir, path, dirs) = seed_copy();
        // The white space before the first perspective, and after a comment's line.
        let text = SEED_TEXT.replacen(
            "    perspectives: [",
            &format!("{ws}    perspectives: ["),
            1,
        );
        std::fs::write(&path, &text).unwrap();
        let comments = text.matches("//").count();
        let mut d = open_en(&path, Some(dirs)).unwrap();
        d.set_result("domande depositate marchi", "70");
        d.ctrl('s');
        assert!(
            !d.app.status_text().contains("layout"),
            "{ws:?}: {}",
            d.app.status_text()
        );
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(saved, text.replace("result: 72,", "result: 70,"), "{ws:?}");
        assert_eq!(saved.matches("//").count(), comments);
    }
}

// ---------------------------------------------------------------------------------------
// 10. Owner and group
// ---------------------------------------------------------------------------------------

#[test]
fn a_save_keeps_the_files_owner_and_group() {
    use std::os::unix::fs::MetadataExt;
    let (_dir, path, dirs) = seed_copy();
    // Root may give the file away; others may not, and then there is nothing to keep.
    if std::os::unix::fs::chown(&path, Some(65534), Some(65534)).is_err() {
        println!("SKIPPED: only root can give a file another owner");
        return;
    }
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.set_result("domande depositate marchi", "70");
    d.ctrl('s');
    assert!(!d.app.is_dirty());
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    let bak = std::fs::metadata(store::atomic::backup_path(&path)).unwrap();
    assert_eq!((bak.uid(), bak.gid()), (65534, 65534));
}

// ---------------------------------------------------------------------------------------
// 11. Messages that say what happened
// ---------------------------------------------------------------------------------------

#[test]
fn a_file_with_cr_line_endings_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old-mac.ron");
    std::fs::write(&path, SEED_TEXT.replace('\n', "\r")).unwrap();
    let o = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("CR line endings"), "{err}");
}

#[test]
fn saving_into_a_folder_that_never_existed_says_so() {
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.key(KeyCode::Char('S'));
    d.ctrl('u');
    let target = dir.path().join("no-such-folder").join("plan.ron");
    d.type_text(target.to_str().unwrap());
    d.key(KeyCode::Enter);
    let status = d.app.status_text().clone();
    assert!(status.contains("does not exist"), "{status}");
    assert!(!status.contains("gone"), "{status}");
}

#[test]
fn no_home_folder_names_the_path_and_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    // A home below a regular file cannot be created, not even by root.
    let home = file.join("home");
    let o = bin()
        .env_remove("PERFPLAN_DATA_DIR")
        .env_remove("PERFPLAN_STATE_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_STATE_HOME")
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(home.to_str().unwrap()), "{err}");
    assert!(err.contains("PERFPLAN_DATA_DIR"), "{err}");
}

#[test]
fn a_journal_whose_changes_were_saved_asks_nothing() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    // The save completed, then perfplan was killed before it could clear its journal.
    let (plan, text) = store::load(&path).unwrap();
    let mut saved = plan.clone();
    let p = saved.find_indicator("3.2.2-s2").unwrap();
    saved.indicator_mut(p).result = Some(Value::Number(dec!(70)));
    std::fs::write(&path, store::patch(&text, &saved).unwrap()).unwrap();
    drop(d);
    let d = open_en(&path, Some(dirs.clone())).unwrap();
    assert!(matches!(d.app.mode, Mode::Normal));
    assert!(
        d.app.status_text().contains("already in the file"),
        "{}",
        d.app.status_text()
    );
    drop(d);
    // And the journal is gone: the next open says nothing about it.
    let d = open_en(&path, Some(dirs)).unwrap();
    assert!(!d.app.status_text().contains("journal"));
}

#[test]
fn a_session_opened_on_the_seed_keeps_its_files_in_its_folders() {
    // Everything perfplan writes for itself goes to its folders, nothing beside the plan
    // but the plan's backup and its audit log (which is the plan's, to keep with it).
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    d.set_result("domande depositate marchi", "70");
    d.ctrl('s');
    d.key(KeyCode::Char('q'));
    assert!(d.quit);
    // While open, the lock file beside the plan; once closed, nothing but the backup.
    assert!(names_in(dir.path()).contains(&".plan.ron.perfplan-lock".to_string()));
    drop(d);
    assert_eq!(
        names_in(dir.path()),
        ["data", "plan.audit.jsonl", "plan.ron", "plan.ron.bak"]
    );
}

// ---------------------------------------------------------------------------------------
// Found by trying to break the above
// ---------------------------------------------------------------------------------------

#[test]
fn the_lock_and_the_journal_survive_another_program_replacing_the_plan() {
    let (dir, path, dirs) = seed_copy();
    let mut a = open_en(&path, Some(dirs.clone())).unwrap();
    a.set_result("domande depositate marchi", "70");
    let journal = Journal::locate(&dirs.state, Some(&dirs.data), &path).path;
    let before = std::fs::read(&journal).unwrap();
    // `sed -i`, a git checkout: a new file renamed over the plan.
    let tmp = dir.path().join("sed-tmp");
    std::fs::write(&tmp, SEED_TEXT.replace("result: 151,", "result: 152,")).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    let mut b = open_en(&path, Some(dirs)).unwrap();
    assert!(b.app.read_only, "A still has the plan open");
    assert!(
        !matches!(b.app.mode, Mode::Restore { .. }),
        "B does not offer A's live journal"
    );
    b.key(KeyCode::Char('d'));
    b.key(KeyCode::Char('q'));
    drop(b);
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "A's journal is untouched"
    );
    drop(a);
}

#[test]
fn changes_that_cannot_be_restored_are_written_down_not_dropped() {
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "42");
    drop(d);
    std::fs::write(&path, SEED_TEXT.replace("\"3.2.2-s2\"", "\"3.2.2-sX\"")).unwrap();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    assert!(
        d.screen().contains("without saving 1 change to"),
        "counted, one change said as one"
    );
    d.key(KeyCode::Enter);
    let kept: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("plan.ron.unrestored-"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", names_in(dir.path()));
    let text = std::fs::read_to_string(dir.path().join(&kept[0])).unwrap();
    assert!(text.contains("3.2.2-s2 · result: 42"), "{text}");
}

#[test]
fn a_crash_while_a_merge_is_being_decided_loses_nothing() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    d.set_result("domande depositate marchi", "70");
    std::fs::write(&path, SEED_TEXT.replace("result: 151,", "result: 152,")).unwrap();
    d.ctrl('s');
    d.key(KeyCode::Char('m'));
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    drop(d);
    let mut d = open_en(&path, Some(dirs)).unwrap();
    let r = d
        .app
        .recovery
        .clone()
        .expect("the changes are offered again");
    assert_eq!(r.apply.len(), 1);
    d.key(KeyCode::Enter);
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(70)))
    );
}

#[test]
fn an_export_never_takes_the_place_of_a_plan_named_like_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join(".r.csv.perfplan-tmp");
    std::fs::write(&plan, SEED_TEXT).unwrap();
    let o = bin()
        .args(["export"])
        .arg(&plan)
        .args(["--format", "csv", "-o"])
        .arg(dir.path().join("r.csv"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), SEED_TEXT);
    assert!(dir.path().join("r.csv").exists());
}

#[test]
fn a_damaged_record_between_good_ones_makes_its_fields_asked_not_restored() {
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs.clone())).unwrap();
    // 70, then undone (the undo's record will be damaged), then a note.
    d.set_result("domande depositate marchi", "70");
    d.key(KeyCode::Char('u'));
    d.set_note("Produzione rapporti", "nota");
    drop(d);
    let journal = Journal::locate(&dirs.state, Some(&dirs.data), &path).path;
    let text = std::fs::read_to_string(&journal).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let damaged = lines[1].replacen("\"number\":\"72\"", "\"number\":\"7X\"", 1);
    assert_ne!(damaged, lines[1]);
    std::fs::write(&journal, format!("{}\n{damaged}\n{}\n", lines[0], lines[2])).unwrap();
    let mut d = open_en(&path, Some(dirs)).unwrap();
    let r = d.app.recovery.clone().unwrap();
    assert_eq!(r.damaged, 1);
    // 70 was undone, but the journal cannot show it: asked, the file's 72 kept by default.
    assert!(r.apply.is_empty(), "{r:?}");
    assert_eq!(r.conflicts.len(), 2);
    assert!(r.conflicts.iter().all(|c| !c.take_mine && c.before_unknown));
    assert!(d.screen().contains("a record of it is damaged"));
    d.key(KeyCode::Enter);
    assert_eq!(
        result_of(&d.app.plan, "3.2.2-s2"),
        Some(Value::Number(dec!(72)))
    );
}

#[test]
fn a_plan_in_a_folder_that_cannot_take_a_lock_file_says_its_lock_is_a_stand_in() {
    let Some(fs) = Tmpfs::mount("1m") else {
        return;
    };
    let path = fs.path.join("plan.ron");
    std::fs::write(&path, SEED_TEXT).unwrap();
    fs.remount("ro");
    let state = tempfile::tempdir().unwrap();
    let dirs = dirs_in(state.path());
    let mut a = open_en(&path, Some(dirs.clone())).unwrap();
    assert!(!a.app.read_only);
    assert!(a.app.lock_note.is_some());
    assert!(a.screen().contains("lock visible to you only"));
    let b = open_en(&path, Some(dirs)).unwrap();
    assert!(b.app.read_only, "the stand-in holds for this user");
    drop(b);
    drop(a);
}

#[test]
fn a_copy_saved_where_no_lock_can_be_taken_is_read_only_as_an_open_would_be() {
    // A file system without locks is not at hand here: the app is told what the save under
    // a new name found, as the session tells it.
    use perfplan::app::{Action, Outcome};
    use perfplan::store::{LockStatus, Saved};
    let (dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();

    assert!(!d.app.read_only);
    let copy = dir.path().join("copy.ron");
    let saved = |lock| {
        Outcome::Saved(Saved {
            path: copy.clone(),
            layout_lost: false,
            theirs: None,
            overwritten: None,
            lock: Some(lock),
            audit: Vec::new(),
            audit_failed: None,
        })
    };
    d.act(Action::Done(Box::new(saved(LockStatus::Unavailable(
        no_locks(),
    )))));
    assert_eq!(d.app.path, copy);
    assert!(d.app.read_only, "an unlocked copy is not edited");
    assert!(d.app.status.is_error, "said as a warning, not in passing");
    assert!(
        d.app.status_text().contains("Saved")
            && d.app.status_text().contains("cannot be locked")
            && d.app.status_text().contains("no locks on this disk"),
        "{}",
        d.app.status_text()
    );
    d.go_to("3.2.2-s2");
    assert!(d.app.selected_indicator().is_some());
    d.key(KeyCode::Enter);
    assert!(
        !matches!(d.app.mode, Mode::Edit(_)),
        "a read-only copy opens no edit"
    );
    // Held, with a stand-in: writable, and the header says where the lock is.
    let stand_in = dir.path().join("stand-in.lock");
    d.act(Action::Done(Box::new(saved(LockStatus::Held {
        stand_in: Some(stand_in),
    }))));
    assert!(!d.app.read_only && d.app.read_only_why.is_none());
    assert!(
        d.app
            .lock_note
            .as_deref()
            .is_some_and(|n| n.ends_with("stand-in.lock"))
    );
}

#[test]
fn a_reload_says_why_the_version_read_is_read_only() {
    use perfplan::app::{Action, Outcome};
    use perfplan::store::LockStatus;
    let (_dir, path, dirs) = seed_copy();
    let mut d = open_en(&path, Some(dirs)).unwrap();

    let plan = d.app.plan.clone();
    let reloaded = |lock| Outcome::Reloaded {
        plan: Box::new(plan.clone()),
        path: path.clone(),
        lock,
        aside: None,
        mine: None,
        theirs: None,
        merge: None,
        journal_failed: None,
    };
    d.act(Action::Done(Box::new(reloaded(LockStatus::Unavailable(
        no_locks(),
    )))));
    assert!(d.app.read_only);
    assert!(
        d.app.status_text().contains("cannot be locked")
            && d.app.status_text().contains("no locks"),
        "{}",
        d.app.status_text()
    );
    assert!(matches!(
        d.app.read_only_reason(),
        perfplan::app::ReadOnly::Unlockable(_)
    ));
    d.act(Action::Done(Box::new(reloaded(LockStatus::Taken))));
    assert!(d.app.read_only);
    assert!(
        d.app
            .status_text()
            .contains("another perfplan has this plan open"),
        "{}",
        d.app.status_text()
    );
    d.act(Action::Done(Box::new(reloaded(LockStatus::Held {
        stand_in: None,
    }))));
    assert!(!d.app.read_only && d.app.read_only_why.is_none());
}

/// A lock that cannot be taken, as a disk without locks says it.
fn no_locks() -> perfplan::store::lock::LockWhy {
    perfplan::store::lock::LockWhy::Failed(perfplan::store::Cause {
        kind: std::io::ErrorKind::Unsupported,
        os: "no locks on this disk".into(),
    })
}

/// The app on a plan, in English (as `--lang en` opens it): these tests check what is done
/// with the files, and read the English words; the Italian ones are checked elsewhere.
fn open_en(
    path: &std::path::Path,
    dirs: Option<perfplan::paths::Dirs>,
) -> Result<Driver, perfplan::store::LoadError> {
    Driver::open(path, dirs).map(english)
}

fn english(mut d: Driver) -> Driver {
    d.app.lang = perfplan::lang::Lang::En;
    d
}
