//! The plan's file while the app has it open: what was loaded (by content hash), so that a
//! save never silently overwrites somebody else's changes, and the lock that keeps other
//! perfplans from editing it at the same time.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{self, Expect, Replace, WriteError, hash};
use super::lock::{LockWhy, Locked, PlanLock};
use super::{LoadError, load, parse, save, write};
use crate::plan::{FieldChange, Plan};

/// Why a save did not happen. Nothing was changed on disk.
#[derive(Debug)]
pub enum SaveFailure {
    /// The file on disk is not the one loaded: the user must choose.
    ChangedOnDisk,
    /// The file cannot be read to compare it with what was loaded.
    Unreadable(io::Error),
    Write(WriteError),
}

impl From<WriteError> for SaveFailure {
    fn from(e: WriteError) -> SaveFailure {
        SaveFailure::Write(e)
    }
}

/// What locking the plan found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockStatus {
    /// This perfplan holds the lock; on a stand-in lock file when the plan's own file has
    /// no locks (other users may not see it).
    Held { stand_in: Option<PathBuf> },
    /// Another perfplan has the plan open.
    Taken,
    /// No lock could be taken at all.
    Unavailable(LockWhy),
}

/// What a successful save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub path: PathBuf,
    /// The file's own layout could not be kept: it is written in perfplan's layout.
    pub layout_lost: bool,
    /// Another version found in the file's place at the instant of the save (somebody
    /// else's, slipped in while saving), kept under this name.
    pub theirs: Option<PathBuf>,
    /// The version the user chose to overwrite, kept under this name.
    pub overwritten: Option<PathBuf>,
    /// After a save under a new name: how that name is locked.
    pub lock: Option<LockStatus>,
    /// What the save added to the audit log (filled in by the session).
    pub audit: Vec<super::audit::Record>,
    /// The audit log, and why it could not be written, when it could not.
    pub audit_failed: Option<(PathBuf, super::Cause)>,
}

#[derive(Debug)]
pub struct PlanFile {
    pub path: PathBuf,
    /// Hash of the text last loaded or saved; `None` when there was no file.
    loaded: Option<u64>,
    /// The one-editor lock, when this perfplan holds it.
    pub lock: Option<PlanLock>,
}

impl PlanFile {
    /// Reads the plan at `path` (without locking it).
    pub fn open(path: &Path) -> Result<(Plan, PlanFile), LoadError> {
        let (plan, text) = load(path)?;
        Ok((
            plan,
            PlanFile {
                path: path.to_path_buf(),
                loaded: Some(hash(text.as_bytes())),
                lock: None,
            },
        ))
    }

    /// Takes the one-editor lock; `state_dir` holds stand-in locks.
    pub fn lock(&mut self, state_dir: Option<&Path>) -> LockStatus {
        self.hold(PlanLock::acquire(&self.path, state_dir))
    }

    /// Keeps the lock `locked` found, when it is held; what it means.
    pub fn hold(&mut self, locked: Locked) -> LockStatus {
        match locked {
            Locked::Held(l) => {
                let stand_in = l.stand_in().map(Path::to_path_buf);
                self.lock = Some(l);
                LockStatus::Held { stand_in }
            }
            Locked::Taken => LockStatus::Taken,
            Locked::Unavailable(why) => LockStatus::Unavailable(why),
        }
    }

    /// The hash of the version last loaded or saved.
    pub fn loaded_hash(&self) -> Option<u64> {
        self.loaded
    }

    /// Whether the file on disk still holds what was loaded (or last saved).
    pub fn unchanged_on_disk(&self) -> bool {
        match std::fs::read(&self.path) {
            Ok(bytes) => Some(hash(&bytes)) == self.loaded,
            Err(_) => self.loaded.is_none(),
        }
    }

    /// Whether `other` names this plan's file (through any link).
    pub fn is_same_file(&self, other: &Path) -> bool {
        atomic::names_same_file(&self.path, other)
    }

    /// `plan` as text in the layout of `base` (a version of its file) where that can be
    /// kept, else in perfplan's: for copies of the plan written beside it.
    pub fn text_like(base: Option<&str>, plan: &Plan) -> String {
        Self::render(base, plan, true).0
    }

    /// The text to write for `plan`: the file's own text with the edited values changed,
    /// or perfplan's layout where that text is missing or holds another plan. The flag says
    /// the layout was lost.
    fn render(disk: Option<&str>, plan: &Plan, verify: bool) -> (String, bool) {
        if let Some(text) = disk
            && let Ok(patched) = save::patch(text, plan)
        {
            let faithful = !verify || parse(Path::new(""), &patched).is_ok_and(|p| p == *plan);
            if faithful {
                return (patched, false);
            }
        }
        (write::plan(plan), disk.is_some())
    }

    /// Saves `plan` over the file, written as the difference between the file's text and
    /// the plan. Unless `force`, refuses when the file changed on disk; with `force`, the
    /// version overwritten is kept under a `.theirs-` name.
    pub fn save(&mut self, plan: &Plan, force: bool) -> Result<Saved, SaveFailure> {
        self.save_with(plan, None, force)
    }

    /// Saves the field changes made to the plan since it was loaded or last saved (their
    /// net effect, `changes`): only those fields of the file's text are rewritten. Refuses
    /// when the file changed on disk.
    pub fn save_changes(
        &mut self,
        plan: &Plan,
        changes: &[FieldChange],
    ) -> Result<Saved, SaveFailure> {
        self.save_with(plan, Some(changes), false)
    }

    fn save_with(
        &mut self,
        plan: &Plan,
        changes: Option<&[FieldChange]>,
        force: bool,
    ) -> Result<Saved, SaveFailure> {
        let disk = match std::fs::read(&self.path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(SaveFailure::Unreadable(e)),
        };
        let disk_hash = disk.as_deref().map(hash);
        let same = disk_hash == self.loaded;
        if !same && !force {
            return Err(SaveFailure::ChangedOnDisk);
        }
        let disk_text = disk.and_then(|b| String::from_utf8(b).ok());
        let patched = match (same, changes, disk_text.as_deref()) {
            (true, Some(changes), Some(text)) => save::patch_changes(text, plan, changes).ok(),
            _ => None,
        };
        let (text, layout_lost) = match patched {
            Some(text) => (text, false),
            None => Self::render(disk_text.as_deref(), plan, !same),
        };
        let mut how = Replace::plan(match disk_hash {
            Some(h) => Expect::Hash(h),
            None => Expect::Nothing,
        });
        how.keep_replaced = !same && disk_hash.is_some();
        let done = atomic::replace(&self.path, text.as_bytes(), how)?;
        self.loaded = Some(hash(text.as_bytes()));
        if let Some(lock) = &mut self.lock {
            lock.moved_to(done.lock);
        }
        let (theirs, overwritten) = if how.keep_replaced {
            (None, done.theirs)
        } else {
            (done.theirs, None)
        };
        Ok(Saved {
            path: self.path.clone(),
            layout_lost,
            theirs,
            overwritten,
            lock: None,
            audit: Vec::new(),
            audit_failed: None,
        })
    }

    /// Saves `plan` to `new_path`, which becomes the plan's file, under `lock` (the lock on
    /// that name, taken before: the new file's own lock is added to it; or why that name
    /// cannot be locked). The caller has made sure `new_path` may be written.
    pub fn save_as(
        &mut self,
        plan: &Plan,
        new_path: &Path,
        lock: Result<PlanLock, LockWhy>,
    ) -> Result<Saved, SaveFailure> {
        let own = std::fs::read_to_string(&self.path).ok();
        // The file's text patched is checked against the plan only when it is not the
        // version loaded (as a save checks it).
        let verify = own.as_deref().map(|t| hash(t.as_bytes())) != self.loaded;
        let (text, layout_lost) = Self::render(own.as_deref(), plan, verify);
        let done = atomic::replace(new_path, text.as_bytes(), Replace::plan(Expect::Anything))?;
        self.path = new_path.to_path_buf();
        self.loaded = Some(hash(text.as_bytes()));
        self.lock = None;
        let status = match lock {
            Ok(mut l) => {
                l.moved_to(done.lock);
                self.hold(Locked::Held(l))
            }
            Err(why) => LockStatus::Unavailable(why),
        };
        Ok(Saved {
            path: self.path.clone(),
            layout_lost,
            theirs: None,
            overwritten: None,
            lock: Some(status),
            audit: Vec::new(),
            audit_failed: None,
        })
    }
}
