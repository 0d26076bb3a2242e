//! `perfplan merge` as git's merge driver: real git on temporary repositories, two offices'
//! branches of the seed plan merged.
//!
//! Expected scores are worked out by hand from the seed's own numbers (plans/README.md,
//! "Scores above the indicators": strategic Σ weight × realization = 9.856 over a weight of
//! 100, operational 9.464,2 over 100); none is produced by the code under test.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use perfplan::driver::Driver;

const PLAN: &str = "piano.ron";

fn has_git() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

/// git in `repo`, with a home of its own and perfplan's folders in `data`.
fn git_in(repo: &Path, data: &Path, args: &[&str]) -> Output {
    let home = repo.join(".home");
    std::fs::create_dir_all(&home).unwrap();
    Command::new("git")
        .current_dir(repo)
        .env("HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PERFPLAN_DATA_DIR", data)
        .env("LANG", "C")
        .env_remove("PERFPLAN_LANG")
        .env_remove("PERFPLAN_STATE_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .output()
        .expect("git runs")
}

/// A repository holding the seed as `piano.ron` on `main`, with perfplan as the merge
/// driver for `*.ron`, as the README says to set it up.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let r = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        let bin = env!("CARGO_BIN_EXE_perfplan");
        r.ok(&["init", "-q", "-b", "main"]);
        r.ok(&["config", "user.name", "Controllo di gestione"]);
        r.ok(&["config", "user.email", "controllo@example.org"]);
        r.ok(&["config", "merge.perfplan.name", "perfplan plan merge"]);
        r.ok(&[
            "config",
            "merge.perfplan.driver",
            &format!("{bin} merge %O %A %B %P"),
        ]);
        std::fs::write(r.path().join(".gitattributes"), "*.ron merge=perfplan\n").unwrap();
        std::fs::write(r.plan(), common::SEED_TEXT).unwrap();
        r.ok(&["add", ".gitattributes", PLAN]);
        r.ok(&["commit", "-q", "-m", "piano 2017"]);
        r
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn plan(&self) -> PathBuf {
        self.path().join(PLAN)
    }

    /// perfplan's folders, as tests/common gives them.
    fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    fn run(&self, args: &[&str]) -> Output {
        git_in(self.path(), &self.data(), args)
    }

    fn ok(&self, args: &[&str]) -> Output {
        let o = self.run(args);
        assert!(o.status.success(), "git {args:?}: {}", text(&o));
        o
    }

    /// A branch from `main` with `edits` made to the plan and committed.
    fn branch(&self, name: &str, edits: &[(&str, &str)]) {
        self.ok(&["checkout", "-q", "-b", name, "main"]);
        let mut t = std::fs::read_to_string(self.plan()).unwrap();
        for (old, new) in edits {
            assert_eq!(t.matches(old).count(), 1, "not once in the plan: {old}");
            t = t.replacen(old, new, 1);
        }
        std::fs::write(self.plan(), t).unwrap();
        self.ok(&["commit", "-q", "-am", name]);
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `perfplan score --json` of the plan: the overall scores.
fn overall(plan: &Path) -> (f64, f64) {
    let o = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(["score", "--json"])
        .arg(plan)
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    (
        j["overall"]["strategic"].as_f64().unwrap(),
        j["overall"]["operational"].as_f64().unwrap(),
    )
}

// 3.2.2-s2 (strategic, 3.2): 72 against >= 80 becomes 80: 100 % (was 90).
const OFFICE_A: (&str, &str) = (
    "target: AtLeast(80),\n                                    result: 72,",
    "target: AtLeast(80),\n                                    result: 80,",
);
// 2.2.1-o2 (operational, 2.2.1): 0 against >= 85 becomes 85: 100 % (was 0).
const OFFICE_B: (&str, &str) = (
    "target: AtLeast(85),\n                                    result: 0,\n                                ),\n                            ],",
    "target: AtLeast(85),\n                                    result: 85,\n                                ),\n                            ],",
);

#[test]
fn two_offices_changing_different_indicators_merge_cleanly_with_the_right_scores() {
    if !has_git() {
        eprintln!("git is not installed: skipped");
        return;
    }
    let repo = Repo::new();
    repo.branch("ufficio-a", &[OFFICE_A]);
    repo.branch("ufficio-b", &[OFFICE_B]);
    let o = repo.run(&["merge", "-q", "--no-edit", "ufficio-a"]);
    assert!(o.status.success(), "{}", text(&o));
    let merged = std::fs::read_to_string(repo.plan()).unwrap();
    assert!(merged.contains(OFFICE_A.1) && merged.contains(OFFICE_B.1));
    // Every other line as it was, comments included.
    let expected = common::SEED_TEXT
        .replacen(OFFICE_A.0, OFFICE_A.1, 1)
        .replacen(OFFICE_B.0, OFFICE_B.1, 1);
    assert_eq!(merged, expected);
    assert!(merged.contains("// Printed 0 % vs >=85 %, realization 0,00 %."));
    // Strategic: 3.2 = (100 + 100 + 100 + 100 + 100) / 5 = 100 % (was 98), 27 × 2 = +54:
    // 9.910 / 100 = 99,10 %. Operational: 2.2.1 = (100 + 100) / 2 = 100 % (was 50),
    // 6 × 50 = +300: 9.764,2 / 100 = 97,64 %.
    assert_eq!(overall(&repo.plan()), (99.10, 97.64));
    assert!(!repo.data().join("merges").exists());
}

#[test]
fn the_same_field_changed_on_both_sides_conflicts_and_nothing_is_lost() {
    if !has_git() {
        eprintln!("git is not installed: skipped");
        return;
    }
    let repo = Repo::new();
    let to = |n: &str| {
        (
            OFFICE_A.0,
            format!("target: AtLeast(80),\n                                    result: {n},"),
        )
    };
    let (old, ours) = to("75");
    repo.branch("ufficio-a", &[(old, &ours)]);
    let (old, theirs) = to("78");
    repo.branch("ufficio-b", &[(old, &theirs), OFFICE_B]);
    let o = repo.run(&["merge", "--no-edit", "ufficio-a"]);
    assert!(!o.status.success(), "{}", text(&o));
    let said = text(&o);
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(
        said.contains("conflitto: 3.2.2-s2 · result: base 72 · nostro 78 (tenuto) · loro 75"),
        "{said}"
    );
    // The file loads, with ours (ufficio-b's 78), and ufficio-a's other change merged.
    let merged = std::fs::read_to_string(repo.plan()).unwrap();
    assert!(
        merged.contains(&theirs) && merged.contains(OFFICE_B.1),
        "{merged}"
    );
    let plan = perfplan::store::parse(&repo.plan(), &merged).unwrap();
    assert_eq!(plan.indicator_count(), 70);
    // The record lists the field with both values.
    let records: Vec<_> = std::fs::read_dir(repo.data().join("merges"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(records.len(), 1);
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&records[0]).unwrap()).unwrap();
    assert_eq!(
        record["conflicts"],
        serde_json::json!([{
            "id": "3.2.2-s2", "field": "result",
            "base": {"number": "72"}, "ours": {"number": "78"}, "theirs": {"number": "75"}
        }])
    );
    assert_eq!(record["plan"], PLAN);
    // The app, opened on the merged plan, offers the choice.
    let mut d = Driver::open(&repo.plan(), Some(common::dirs_in(repo.path()))).unwrap();
    let screen = d.screen();
    assert!(screen.contains("3.2.2-s2"), "{screen}");
    assert!(
        screen.contains("nostro 78") && screen.contains("loro 75"),
        "{screen}"
    );
    // Taking theirs is one step; the record is gone once answered.
    d.key(ratatui::crossterm::event::KeyCode::Char(' '));
    d.key(ratatui::crossterm::event::KeyCode::Enter);
    let path = plan.find_indicator("3.2.2-s2").unwrap();
    assert_eq!(
        d.app.plan.indicator(path).result,
        Some(perfplan::plan::Value::Number(75.into()))
    );
    assert!(!records[0].exists());
}

#[test]
fn an_indicator_added_on_one_branch_merges() {
    if !has_git() {
        eprintln!("git is not installed: skipped");
        return;
    }
    let repo = Repo::new();
    repo.branch("ufficio-a", &[OFFICE_A]);
    let added = "                                Indicator(\n                                    id: \"2.2.1-o3\",\n                                    description: \"Nuovo indicatore\",\n                                    unit: Count,\n                                    target: AtLeast(10),\n                                    result: 10,\n                                ),\n";
    let anchor = "target: AtLeast(85),\n                                    result: 0,\n                                ),\n";
    let list_end = "                            ],";
    repo.branch(
        "ufficio-b",
        &[(
            &format!("{anchor}{list_end}") as &str,
            &format!("{anchor}{added}{list_end}"),
        )],
    );
    let o = repo.run(&["merge", "-q", "--no-edit", "ufficio-a"]);
    assert!(o.status.success(), "{}", text(&o));
    let merged = std::fs::read_to_string(repo.plan()).unwrap();
    assert!(
        merged.contains(added) && merged.contains(OFFICE_A.1),
        "{merged}"
    );
    let plan = perfplan::store::parse(&repo.plan(), &merged).unwrap();
    assert_eq!(plan.indicator_count(), 71);
    // And the other way round: ufficio-a merging ufficio-b's new indicator in.
    repo.ok(&["checkout", "-q", "ufficio-a"]);
    let o = repo.run(&["merge", "-q", "--no-edit", "ufficio-b"]);
    assert!(o.status.success(), "{}", text(&o));
    let plan = perfplan::store::parse(&repo.plan(), &std::fs::read_to_string(repo.plan()).unwrap())
        .unwrap();
    assert_eq!(plan.indicator_count(), 71);
}

#[test]
fn an_unreadable_version_leaves_ours_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.ron");
    std::fs::write(&ours, common::SEED_TEXT).unwrap();
    std::fs::write(dir.path().join("base.ron"), common::SEED_TEXT).unwrap();
    std::fs::write(dir.path().join("theirs.ron"), "Plan(title: ").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .current_dir(dir.path())
        .env("PERFPLAN_DATA_DIR", dir.path().join("data"))
        .args(["merge", "base.ron", "ours.ron", "theirs.ron"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("theirs.ron"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&ours).unwrap(), common::SEED_TEXT);
}
