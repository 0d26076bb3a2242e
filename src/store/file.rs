//! The plan's file while the app has it open: what was loaded (by content hash), so that a
//! save never silently overwrites somebody else's changes.

use std::io;
use std::path::{Path, PathBuf};

use super::save::{self, SaveError};
use super::{LoadError, load, parse, write};
use crate::plan::Plan;

/// The content hash that tells whether the file changed (XXH3: fast enough to run on every
/// open and save of a 50 MB plan).
fn hash(text: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text)
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    /// The file on disk is not the one loaded: the user must choose.
    #[error("the file changed on disk since it was opened")]
    ChangedOnDisk,
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// What a successful save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    /// Said when the file's own layout could not be kept.
    pub note: Option<String>,
}

#[derive(Debug)]
pub struct PlanFile {
    pub path: PathBuf,
    /// Hash of the text last loaded or saved; `None` when there was no file.
    loaded: Option<u64>,
}

impl PlanFile {
    /// Reads the plan at `path`.
    pub fn open(path: &Path) -> Result<(Plan, PlanFile), LoadError> {
        let (plan, text) = load(path)?;
        Ok((
            plan,
            PlanFile {
                path: path.to_path_buf(),
                loaded: Some(hash(text.as_bytes())),
            },
        ))
    }

    /// Whether the file on disk still holds what was loaded (or last saved).
    pub fn unchanged_on_disk(&self) -> bool {
        match std::fs::read(&self.path) {
            Ok(bytes) => Some(hash(&bytes)) == self.loaded,
            Err(_) => self.loaded.is_none(),
        }
    }

    /// The text to write for `plan`: the file's own text with the edited values changed,
    /// or perfplan's layout where that text is missing or holds another plan.
    fn render(disk: Option<&str>, plan: &Plan, verify: bool) -> (String, Option<String>) {
        if let Some(text) = disk
            && let Ok(patched) = save::patch(text, plan)
        {
            let faithful = !verify || parse(Path::new(""), &patched).is_ok_and(|p| p == *plan);
            if faithful {
                return (patched, None);
            }
        }
        let note = disk.map(|_| {
            "the file's own layout could not be kept, so it is written in perfplan's layout"
                .to_string()
        });
        (write::plan(plan), note)
    }

    /// Saves `plan` over the file. Unless `force`, refuses when the file changed on disk.
    pub fn save(&mut self, plan: &Plan, force: bool) -> Result<Saved, SaveFailure> {
        let disk = match std::fs::read(&self.path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(SaveFailure::Write(SaveError::Write {
                    dir: self.path.clone(),
                    advice: "the plan's file cannot be read to compare it; save under another name",
                    source: e,
                }));
            }
        };
        let same = disk.as_deref().map(hash) == self.loaded;
        if !same && !force {
            return Err(SaveFailure::ChangedOnDisk);
        }
        let disk_text = disk.and_then(|b| String::from_utf8(b).ok());
        let (text, note) = Self::render(disk_text.as_deref(), plan, !same);
        save::write_atomic(&self.path, text.as_bytes())?;
        self.loaded = Some(hash(text.as_bytes()));
        Ok(Saved {
            path: self.path.clone(),
            note,
        })
    }

    /// Saves `plan` to `new_path`, which becomes the plan's file.
    pub fn save_as(&mut self, plan: &Plan, new_path: &Path) -> Result<Saved, SaveFailure> {
        let own = std::fs::read_to_string(&self.path).ok();
        let (text, note) = Self::render(own.as_deref(), plan, true);
        save::write_atomic(new_path, text.as_bytes())?;
        self.path = new_path.to_path_buf();
        self.loaded = Some(hash(text.as_bytes()));
        Ok(Saved {
            path: self.path.clone(),
            note,
        })
    }
}
