//! What the integration tests share: a plan copied to a temporary folder and opened through
//! the library's one driver ([`perfplan::driver::Driver`]), with perfplan's folders inside
//! the same temporary folder.

#![allow(dead_code)]

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

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
