//! The built binary in a real terminal (tmux): type a result, save, quit, check the file.
//! Skips with a message where tmux is not installed; `.ci/run` installs it.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn has_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Waits until the screen of `session` shows `text`; returns the screen.
fn wait_for(session: &str, text: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", session]);
        if screen.contains(text) {
            return screen;
        }
        if start.elapsed() > Duration::from_secs(20) {
            tmux(&["kill-session", "-t", session]);
            panic!("the screen never showed {text:?}; it shows:\n{screen}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until `session` has ended (perfplan quit), at most 10 s.
fn wait_until_gone(session: &str) {
    let start = Instant::now();
    while Command::new("tmux")
        .args(["has-session", "-t", session])
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "perfplan did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Session(String);

/// Starts `command` in a 120×36 tmux session named after `session`.
fn start(session: &Session, command: &str) {
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session.0,
        "-x",
        "120",
        "-y",
        "36",
        command,
    ]);
}

/// The same, with `dir` as the working folder.
fn start_in(session: &Session, command: &str, dir: &str) {
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session.0,
        "-x",
        "120",
        "-y",
        "36",
        "-c",
        dir,
        command,
    ]);
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .output();
    }
}

#[test]
fn type_a_result_save_and_quit_in_a_real_terminal() {
    if !has_tmux() {
        eprintln!(
            "SKIPPED: tmux is not installed (apt-get install -y tmux), so the real-terminal test did not run"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy("plans/cciaa-massa-carrara-2017.ron", &plan).unwrap();
    let session = Session(format!("perfplan-e2e-{}", std::process::id()));
    let command = format!(
        "PERFPLAN_DATA_DIR='{}' '{}' '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_perfplan"),
        plan.display()
    );
    start(&session, &command);
    wait_for(&session.0, "98,56 %");
    tmux(&["send-keys", "-t", &session.0, "/"]);
    tmux(&["send-keys", "-t", &session.0, "-l", "marchi e brevetti"]);
    tmux(&["send-keys", "-t", &session.0, "Enter"]);
    wait_for(&session.0, "Corrispondenza 1 di 1");
    tmux(&["send-keys", "-t", &session.0, "e", "C-u"]);
    tmux(&["send-keys", "-t", &session.0, "-l", "70"]);
    // The preview shows before Enter.
    let screen = wait_for(&session.0, "98,43 %");
    assert!(
        screen.contains("ANTEPRIMA") && screen.contains("87,50 %"),
        "{screen}"
    );
    tmux(&["send-keys", "-t", &session.0, "Enter"]);
    wait_for(&session.0, "risultato di 3.2.2-s2: 72 → 70");
    tmux(&["send-keys", "-t", &session.0, "C-s"]);
    wait_for(&session.0, "Piano salvato in");
    tmux(&["send-keys", "-t", &session.0, "q"]);
    wait_until_gone(&session.0);
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(
        text.contains("result: 70,"),
        "the saved file lacks the new result"
    );
    assert!(
        !text.contains("result: 72,"),
        "the old result is still there"
    );
    assert!(Path::new(&format!("{}.bak", plan.display())).exists());
}

/// The pid of the program running in the session's pane.
fn pane_pid(session: &str) -> String {
    tmux(&["list-panes", "-t", session, "-F", "#{pane_pid}"])
        .trim()
        .to_string()
}

#[test]
fn edits_survive_kill_9_and_are_restored_on_the_next_open() {
    if !has_tmux() {
        eprintln!(
            "SKIPPED: tmux is not installed (apt-get install -y tmux), so the real-terminal test did not run"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy("plans/cciaa-massa-carrara-2017.ron", &plan).unwrap();
    let original = std::fs::read_to_string(&plan).unwrap();
    let command = format!(
        "exec env PERFPLAN_DATA_DIR='{}' '{}' '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_perfplan"),
        plan.display()
    );
    let first = Session(format!("perfplan-kill-{}", std::process::id()));
    start(&first, &command);
    wait_for(&first.0, "98,56 %");
    for (search, value) in [("marchi e brevetti", "70"), ("newsletter inviate", "9")] {
        tmux(&["send-keys", "-t", &first.0, "/"]);
        tmux(&["send-keys", "-t", &first.0, "-l", search]);
        tmux(&["send-keys", "-t", &first.0, "Enter", "e", "C-u"]);
        tmux(&["send-keys", "-t", &first.0, "-l", value]);
        tmux(&["send-keys", "-t", &first.0, "Enter"]);
        wait_for(&first.0, &format!("→ {value}"));
    }
    // The edits are shown as done: kill the process the hard way.
    let pid = pane_pid(&first.0);
    assert!(!pid.is_empty());
    let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(killed.success());
    drop(first);
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        original,
        "nothing was saved"
    );

    let second = Session(format!("perfplan-restore-{}", std::process::id()));
    start(&second, &command);
    let screen = wait_for(
        &second.0,
        "Modifiche non salvate di una sessione precedente",
    );
    assert!(screen.contains("2 modifiche"), "{screen}");
    tmux(&["send-keys", "-t", &second.0, "r"]);
    let screen = wait_for(&second.0, "Ripristinate 2 modifiche");
    assert!(screen.contains("● non salvato"), "{screen}");
    tmux(&["send-keys", "-t", &second.0, "C-s"]);
    wait_for(&second.0, "Piano salvato in");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("result: 70,") && !text.contains("result: 72,"));
    tmux(&["send-keys", "-t", &second.0, "q"]);
    // After a clean save the journal is empty: a third open asks nothing.
    let journal_dir = dir.path().join("data").join("journal");
    let leftover: Vec<_> = std::fs::read_dir(&journal_dir)
        .map(|d| d.filter_map(Result::ok).collect())
        .unwrap_or_default();
    assert!(leftover.is_empty(), "journal not cleared: {leftover:?}");
}

#[test]
fn the_quick_start_opens_a_copy_not_the_repositorys_plan() {
    // The README's run command names no plan: it opens a copy in the data folder.
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("## Quick start").expect("a quick start");
    let block = &readme[start..];
    let block = &block[block.find("```sh\n").expect("a shell block") + 6..];
    let run = block.lines().next().unwrap();
    let command = run.split('#').next().unwrap().trim();
    assert_eq!(command, "cargo run --release", "{run}");
    if !has_tmux() {
        eprintln!(
            "SKIPPED: tmux is not installed (apt-get install -y tmux), so the real-terminal part did not run"
        );
        return;
    }
    let listing = |dir: &str| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let plans_before = listing("plans");
    let seed_before = std::fs::read("plans/cciaa-massa-carrara-2017.ron").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let session = Session(format!("perfplan-quick-{}", std::process::id()));
    // What `cargo run --release` runs: the binary with no argument, from the repository.
    let command = format!(
        "PERFPLAN_DATA_DIR='{}' '{}'",
        data.display(),
        env!("CARGO_BIN_EXE_perfplan"),
    );
    start_in(&session, &command, env!("CARGO_MANIFEST_DIR"));
    wait_for(&session.0, "Primo avvio: una copia del piano di esempio");
    tmux(&["send-keys", "-t", &session.0, "/"]);
    tmux(&["send-keys", "-t", &session.0, "-l", "marchi e brevetti"]);
    tmux(&["send-keys", "-t", &session.0, "Enter"]);
    wait_for(&session.0, "Corrispondenza 1 di 1");
    tmux(&["send-keys", "-t", &session.0, "e", "C-u"]);
    tmux(&["send-keys", "-t", &session.0, "-l", "70"]);
    tmux(&["send-keys", "-t", &session.0, "Enter"]);
    wait_for(&session.0, "risultato di 3.2.2-s2: 72 → 70");
    tmux(&["send-keys", "-t", &session.0, "C-s"]);
    wait_for(&session.0, "Piano salvato in");
    tmux(&["send-keys", "-t", &session.0, "q"]);
    wait_until_gone(&session.0);
    let copy = std::fs::read_to_string(data.join("cciaa-massa-carrara-2017.ron")).unwrap();
    assert!(copy.contains("result: 70,"), "the copy holds the change");
    assert_eq!(
        std::fs::read("plans/cciaa-massa-carrara-2017.ron").unwrap(),
        seed_before,
        "the repository's plan is untouched"
    );
    assert_eq!(listing("plans"), plans_before, "nothing new in plans/");
}

/// Opens the seed (an Italian plan) in tmux with `prefix` before the command and `args`
/// after it; returns the first screen once it shows `text`.
fn first_screen(name: &str, prefix: &str, args: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy("plans/cciaa-massa-carrara-2017.ron", &plan).unwrap();
    let session = Session(format!("perfplan-{name}-{}", std::process::id()));
    let command = format!(
        "{prefix} PERFPLAN_DATA_DIR='{}' '{}' {args} '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_perfplan"),
        plan.display()
    );
    start(&session, &command);
    let screen = wait_for(&session.0, text);
    tmux(&["send-keys", "-t", &session.0, "q"]);
    wait_until_gone(&session.0);
    screen
}

#[test]
fn lang_en_and_perfplan_lang_show_the_italian_seed_in_english() {
    if !has_tmux() {
        eprintln!(
            "SKIPPED: tmux is not installed (apt-get install -y tmux), so the real-terminal test did not run"
        );
        return;
    }
    // The plan decides: Italian, whatever the system's language.
    let italian = first_screen("it", "LANG=en_US.UTF-8", "", "Indicatori rilevati");
    assert!(
        italian.contains("Strategico") && italian.contains("98,56 %"),
        "{italian}"
    );
    for (name, prefix, args) in [("flag", "", "--lang en"), ("var", "PERFPLAN_LANG=en", "")] {
        let screen = first_screen(name, prefix, args, "Indicators measured 70 / 70");
        // English words, the plan's numbers.
        assert!(
            screen.contains("Strategic") && screen.contains("98,56 %"),
            "{name}: {screen}"
        );
        assert!(!screen.contains("Strategico"), "{name}: {screen}");
    }
}
