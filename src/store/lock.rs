//! One editor at a time: an advisory lock held while the app has a plan open. A second
//! perfplan on the same plan finds it taken and opens the plan read-only. The operating
//! system drops the lock when the process dies, however it dies.
//!
//! The lock is taken on the plan's file itself (`flock`), so it belongs to the file's
//! identity (its device and inode), not to a name: every perfplan that opens the same file
//! finds it, through a symbolic link, a hard link, another relative path, another data
//! folder or another user. A save puts a new file in the plan's place; the new file is
//! locked before it gets the plan's name, so the lock never lapses. Where the file system
//! has no locks for the plan's file (some network shares), a lock file in perfplan's state
//! folder stands in, and the app says that other users may not see it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// A held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct PlanLock {
    file: File,
    /// The stand-in lock file, when the plan's own file could not be locked.
    pub fallback: Option<PathBuf>,
}

/// What trying to lock a plan found.
#[derive(Debug)]
pub enum Locked {
    Held(PlanLock),
    /// Another perfplan has the plan open.
    Taken,
    /// Neither the plan's file nor a stand-in could be locked.
    Unavailable(String),
}

/// A stable name for the plan at `path`, the same for every way of writing the path and
/// for every version of perfplan: the file's stem and the XXH3 hash of its absolute,
/// resolved path.
pub fn plan_key(path: &Path) -> String {
    let abs = canonical(path);
    format!(
        "{}-{:016x}",
        stem(&abs),
        xxhash_rust::xxh3::xxh3_64(abs.as_os_str().as_encoded_bytes())
    )
}

/// The name earlier versions gave a plan's journal (a hash that may change between Rust
/// releases), to find journals they left behind.
pub fn legacy_plan_key(path: &Path) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let abs = canonical(path);
    let mut h = DefaultHasher::new();
    abs.hash(&mut h);
    format!("{}-{:016x}", stem(&abs), h.finish())
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

fn stem(abs: &Path) -> String {
    abs.file_stem()
        .map(|s| {
            s.to_string_lossy()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .take(40)
                .collect::<String>()
        })
        .unwrap_or_default()
}

impl PlanLock {
    /// Locks the plan at `path`; `state_dir` holds the stand-in lock files.
    pub fn acquire(path: &Path, state_dir: Option<&Path>) -> Locked {
        match lock_file_itself(path) {
            Ok(Some(file)) => Locked::Held(PlanLock {
                file,
                fallback: None,
            }),
            Ok(None) => Locked::Taken,
            Err(e) => match state_dir {
                Some(dir) => lock_stand_in(dir, path, &e),
                None => Locked::Unavailable(format!(
                    "the plan's file cannot be locked ({e}) and perfplan has no state folder"
                )),
            },
        }
    }

    /// After a save put `new` (locked when it was written) in the plan's place: the lock
    /// moves to it. A stand-in lock stays as it is.
    pub fn moved_to(&mut self, new: Option<File>) {
        if self.fallback.is_none()
            && let Some(f) = new
        {
            self.file = f;
        }
    }

    /// Whether this lock is the one a perfplan opening `path` would look for: the lock on
    /// that very file, or the stand-in lock named after that path.
    pub fn covers(&self, path: &Path) -> bool {
        match &self.fallback {
            Some(stand_in) => stand_in
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == format!("{}.lock", plan_key(path))),
            None => still_named(path, &self.file),
        }
    }

    /// A lock on a file perfplan has just written (a save under a new name).
    pub fn from_written(file: File) -> PlanLock {
        PlanLock {
            file,
            fallback: None,
        }
    }
}

/// Locks the plan's own file: `Ok(None)` when another process holds it.
fn lock_file_itself(path: &Path) -> io::Result<Option<File>> {
    // A few tries: a save by another perfplan may put a new file in place between the
    // open and the lock.
    for _ in 0..5 {
        let file = match try_lock(File::open(path)?) {
            Ok(locked) => locked,
            // Network file systems lock only files open for writing. (Elsewhere reading is
            // enough, and a file open for writing would keep its disk from being
            // remounted read-only.)
            Err(_) => try_lock(OpenOptions::new().read(true).write(true).open(path)?)?,
        };
        match file {
            Some(f) if still_named(path, &f) => return Ok(Some(f)),
            Some(_) => continue,
            None => return Ok(None),
        }
    }
    Err(io::Error::other(
        "the file kept being replaced while it was locked",
    ))
}

/// The lock on a file perfplan has just written and nobody else knows yet: `None` where
/// the file system has no locks.
pub fn lock_file(path: &Path) -> Option<File> {
    lock_file_itself(path).ok().flatten()
}

/// Locks `file`: `Ok(None)` when another process holds the lock.
pub fn try_lock(file: File) -> io::Result<Option<File>> {
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// Whether `path` still names the file `file` was opened from.
#[cfg(unix)]
fn still_named(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), file.metadata()) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_: &Path, _: &File) -> bool {
    true
}

fn lock_stand_in(state_dir: &Path, plan: &Path, why: &io::Error) -> Locked {
    let dir = state_dir.join("locks");
    let path = dir.join(format!("{}.lock", plan_key(plan)));
    let opened = std::fs::create_dir_all(&dir).and_then(|_| {
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
    });
    match opened {
        Ok(file) => match file.try_lock() {
            Ok(()) => Locked::Held(PlanLock {
                file,
                fallback: Some(path),
            }),
            Err(TryLockError::WouldBlock) => Locked::Taken,
            Err(TryLockError::Error(e)) => Locked::Unavailable(format!(
                "the plan's file cannot be locked ({why}), nor {} ({e})",
                path.display()
            )),
        },
        Err(e) => Locked::Unavailable(format!(
            "the plan's file cannot be locked ({why}), nor {} ({e})",
            path.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_across_runs_and_releases() {
        // XXH3 is specified: the same path gives this name in every version.
        let dir = tempfile::tempdir().unwrap();
        let abs = std::fs::canonicalize(dir.path()).unwrap().join("plan.ron");
        let want = format!(
            "plan-{:016x}",
            xxhash_rust::xxh3::xxh3_64(abs.as_os_str().as_encoded_bytes())
        );
        assert_eq!(plan_key(&abs), want);
        assert_eq!(plan_key(&dir.path().join("./plan.ron")), want);
        // The algorithm itself must never change under the names: a fixed input, a fixed
        // output.
        assert_eq!(
            xxhash_rust::xxh3::xxh3_64(b"/plans/plan.ron"),
            0xb270_16d9_257c_24b9,
            "the hash of a fixed path is fixed"
        );
    }

    #[test]
    fn the_old_journal_names_are_those_earlier_versions_wrote() {
        // The name the previous release gave this path's journal. If a Rust release changes
        // `DefaultHasher`, this fails: journals left by earlier versions would no longer be
        // found, and the lookup needs a copy of the old algorithm.
        assert_eq!(
            legacy_plan_key(Path::new("/plans/plan.ron")),
            "plan-463cd4b0ba976be1"
        );
    }

    #[test]
    fn the_lock_is_found_through_every_name_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "x").unwrap();
        let Locked::Held(held) = PlanLock::acquire(&path, None) else {
            panic!("the first lock is taken");
        };
        assert!(matches!(PlanLock::acquire(&path, None), Locked::Taken));
        let other = dir.path().join("sub");
        std::fs::create_dir(&other).unwrap();
        let hard = other.join("same.ron");
        std::fs::hard_link(&path, &hard).unwrap();
        assert!(matches!(PlanLock::acquire(&hard, None), Locked::Taken));
        #[cfg(unix)]
        {
            let link = other.join("link.ron");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            assert!(matches!(PlanLock::acquire(&link, None), Locked::Taken));
        }
        drop(held);
        assert!(matches!(PlanLock::acquire(&hard, None), Locked::Held(_)));
    }
}
