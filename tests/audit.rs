//! The audit trail: every change that reaches the plan's file is appended to a log beside
//! it, with when, who and how; `perfplan log` prints it and the detail pane shows an
//! indicator's history.

use std::path::Path;
use std::process::Command;

use perfplan::app::Mode;
use perfplan::driver::Driver;
use perfplan::plan::{Field, FieldValue, Value};
use perfplan::store::audit::{self, Source};
use ratatui::crossterm::event::KeyCode;
use rust_decimal_macros::dec;

mod common;

const COMUNE: &str = "plans/comune-esempio-2022.ron";

#[test]
fn a_saved_change_is_logged_with_its_source_and_log_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &path).unwrap();
    let dirs = common::dirs_in(dir.path());
    let mut d = Driver::open(&path, Some(dirs.clone())).unwrap();
    // Two values typed, one of them twice: the log keeps what reached the file.
    d.set_result("3.1-o2", "10");
    d.set_result("3.1-o2", "11");
    d.key(KeyCode::Char(']'));
    d.set_result("1-b", "88");
    // Nothing is logged before a save.
    assert!(audit::read(&path).unwrap().0.is_empty());
    d.ctrl('s');
    let (records, damaged) = audit::read(&path).unwrap();
    assert_eq!(damaged, 0);
    assert_eq!(records.len(), 2, "{records:?}");
    let r = &records[0];
    assert_eq!(
        (r.change.id.as_str(), r.change.field()),
        ("3.1-o2", Field::Result)
    );
    assert_eq!(
        r.change.old,
        FieldValue::Result(Some(Value::Number(dec!(9))))
    );
    assert_eq!(
        r.change.new,
        FieldValue::Result(Some(Value::Number(dec!(11))))
    );
    assert_eq!(r.source, Source::Typed);
    assert_eq!(r.user, audit::current_user());
    assert_eq!(records[1].change.period.as_deref(), Some("30 giugno"));
    // The detail pane shows the indicator's history.
    d.resize(120, 60);
    d.key(KeyCode::Char('['));
    d.go_to("3.1-o2");
    let line = d.line_with("risultato: 9 → 11");
    assert!(line.contains("digitato"), "{line}");
    drop(d);

    // A change restored from the journal is logged as restored.
    let mut d = Driver::open(&path, Some(dirs.clone())).unwrap();
    d.set_result("3.1-s1", "11");
    drop(d);
    let mut d = Driver::open(&path, Some(dirs)).unwrap();
    assert!(matches!(d.app.mode, Mode::Restore { .. }));
    d.key(KeyCode::Enter);
    d.ctrl('s');
    let (records, _) = audit::read(&path).unwrap();
    assert_eq!(records.len(), 3);
    assert_eq!(records[2].source, Source::Restore);
    assert_eq!(records[2].change.id, "3.1-s1");

    // perfplan log prints them, filtered by id or day, and as JSON.
    let log = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_perfplan"))
            .arg("log")
            .arg(&path)
            .args(args)
            .env_remove("PERFPLAN_LANG")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let all = log(&[]);
    assert_eq!(all.lines().count(), 3, "{all}");
    assert!(all.contains("digitato  3.1-o2  risultato: 9 → 11"), "{all}");
    assert!(
        all.contains("1-b  risultato (30 giugno): — → 88 %"),
        "{all}"
    );
    assert!(
        all.contains("ripristinato  3.1-s1  risultato: 12 → 11"),
        "{all}"
    );
    let one = log(&["--id", "3.1-s1"]);
    assert_eq!(one.lines().count(), 1, "{one}");
    assert_eq!(
        log(&["--since", "01/01/2999"]),
        "Nessuna modifica registrata.\n"
    );
    let json: serde_json::Value = serde_json::from_str(&log(&["--json", "--id", "1-b"])).unwrap();
    assert_eq!(json[0]["period"], "30 giugno");
    assert_eq!(json[0]["source"], "typed");
    assert_eq!(json[0]["new"]["number"], "88");
    // The log is beside the plan.
    assert!(Path::new(&audit::path_of(&path)).ends_with("piano.audit.jsonl"));
}

#[test]
fn an_overwrite_a_save_as_over_a_plan_and_taking_theirs_log_what_they_changed_in_the_file() {
    use perfplan::app::Effect;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piano.ron");
    std::fs::copy(COMUNE, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut d = Driver::open(&path, Some(common::dirs_in(dir.path()))).unwrap();
    d.set_result("3.1-o2", "10");
    // Somebody else writes 4300 for 3.1-o1 meanwhile; our overwrite puts 4213 back.
    std::fs::write(&path, text.replace("result: 4213,", "result: 4300,")).unwrap();
    d.carry_out(Effect::SaveOverwrite);
    let (records, _) = audit::read(&path).unwrap();
    let said: Vec<(String, FieldValue, FieldValue)> = records
        .iter()
        .map(|r| {
            (
                r.change.id.clone(),
                r.change.old.clone(),
                r.change.new.clone(),
            )
        })
        .collect();
    let number = |n| FieldValue::Result(Some(Value::Number(n)));
    assert_eq!(
        said,
        [
            ("3.1-o1".to_string(), number(dec!(4300)), number(dec!(4213))),
            ("3.1-o2".to_string(), number(dec!(9)), number(dec!(10))),
        ]
    );
    // Their version taken: the log says what it changed.
    let theirs = dir.path().join("theirs.ron");
    std::fs::write(&theirs, text.replace("result: 12,", "result: 11,")).unwrap();
    d.carry_out(Effect::TakeTheirs(theirs));
    // (Their version has 11 for 3.1-s1 and the 9 we had replaced for 3.1-o2.)
    let (records, _) = audit::read(&path).unwrap();
    let taken: Vec<(&str, &FieldValue, &FieldValue, &Source)> = records[2..]
        .iter()
        .map(|r| {
            (
                r.change.id.as_str(),
                &r.change.old,
                &r.change.new,
                &r.source,
            )
        })
        .collect();
    assert_eq!(
        taken,
        [
            (
                "3.1-s1",
                &number(dec!(12)),
                &number(dec!(11)),
                &Source::Merge
            ),
            (
                "3.1-o2",
                &number(dec!(10)),
                &number(dec!(9)),
                &Source::Merge
            ),
        ]
    );
    // The detail pane's history is the log's, after the reload.
    assert_eq!(d.app.audit.len(), records.len());
    // A save-as over another plan logs, beside it, what the write changed in it.
    let other = dir.path().join("altro.ron");
    std::fs::write(&other, text.replace("result: 76,", "result: 70,")).unwrap();
    d.carry_out(Effect::SaveAsReplacing(other.clone()));
    let (beside, _) = audit::read(&other).unwrap();
    assert!(
        beside
            .iter()
            .any(|r| r.change.id == "6.1-s1" && r.change.old == number(dec!(70))),
        "{beside:?}"
    );
    assert_eq!(d.app.audit, beside);
}
