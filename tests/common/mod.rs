//! What the integration tests share: a plan copied to a temporary folder and opened through
//! the library's one driver ([`perfplan::driver::Driver`]), with perfplan's folders inside
//! the same temporary folder.

#![allow(dead_code)]

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use perfplan::driver::Driver;
use perfplan::paths::Dirs;

pub const SEED: &str = "plans/cciaa-massa-carrara-2017.ron";
pub const SEED_TEXT: &str = include_str!("../../plans/cciaa-massa-carrara-2017.ron");

/// The app on a copy of a plan, in a temporary folder that lives as long as it does.
pub struct Harness {
    pub driver: Driver,
    pub dir: tempfile::TempDir,
}

impl Deref for Harness {
    type Target = Driver;
    fn deref(&self) -> &Driver {
        &self.driver
    }
}

impl DerefMut for Harness {
    fn deref_mut(&mut self) -> &mut Driver {
        &mut self.driver
    }
}

/// Names of the files in `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// perfplan's folders for a test, inside `root`.
pub fn dirs_in(root: &Path) -> Dirs {
    Dirs::within(&root.join("data"))
}

impl Harness {
    /// The seed plan, copied to a temporary folder so that saving is safe.
    pub fn seed() -> Harness {
        Harness::open(SEED)
    }

    /// A copy of the plan at `source`, opened.
    pub fn open(source: &str) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::copy(source, &path).unwrap();
        let driver = Driver::open(&path, Some(dirs_in(dir.path()))).unwrap();
        Harness { driver, dir }
    }

    pub fn path(&self) -> PathBuf {
        self.driver.app.path.clone()
    }
}

/// A tmpfs mounted on a fresh folder, unmounted when dropped.
pub struct Tmpfs {
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`mount` syntax: `80k`); `None` where this machine does
    /// not allow it (not root, no capability, no `mount`).
    pub fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let path = dir.path().to_path_buf();
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(&path)
            .stderr(Stdio::piped())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { path, _dir: dir }),
            Ok(o) => {
                println!(
                    "SKIPPED: cannot mount a tmpfs here ({})",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                println!("SKIPPED: cannot run mount ({e})");
                None
            }
        }
    }

    pub fn remount(&self, options: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {options} failed");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.path).status();
        }
    }
}
