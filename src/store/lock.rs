//! One editor at a time: an advisory lock held while the app has a plan open. A second
//! perfplan on the same plan finds it taken and opens the plan read-only. The operating
//! system drops the lock when the process dies, however it dies.
//!
//! The lock has two parts, and a second perfplan is read-only when either is taken:
//! - **the plan's name**: a hidden lock file beside the plan (`.NAME.perfplan-lock`, in the
//!   folder of the plan's resolved path). Every perfplan that opens the plan by any spelling
//!   of its path, through a symbolic link, with any data folder or as any user who may
//!   write the folder finds it, and it stays put when another program replaces the plan's
//!   file (a `git pull`, `sed -i`, a sync client). It is removed when the app ends cleanly.
//!   Where the plan's folder cannot be written, a lock file in perfplan's state folder
//!   stands in, and the app says that other users may not see it.
//! - **the plan's file** (`flock` on it): it belongs to the file's identity (device and
//!   inode), so it is found through a hard link in another folder too. A save puts a new
//!   file in the plan's place; the new file is locked before it gets the plan's name.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::cause::Cause;

/// A held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct PlanLock {
    /// The lock on the plan's file; `None` where its file system has no locks.
    file: Option<File>,
    /// The lock on the plan's name.
    name: NameLock,
}

#[derive(Debug)]
struct NameLock {
    file: File,
    path: PathBuf,
    /// Beside the plan (else a stand-in in the state folder).
    beside: bool,
}

impl Drop for NameLock {
    fn drop(&mut self) {
        // Removed while still held, so no clutter is left beside the plan; a perfplan that
        // opened it meanwhile finds, once it gets the lock, that the name is gone, and
        // takes a fresh one.
        if self.beside && still_named(&self.path, &self.file) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What trying to lock a plan found.
#[derive(Debug)]
pub enum Locked {
    Held(PlanLock),
    /// Another perfplan has the plan open.
    Taken,
    /// No lock could be taken at all.
    Unavailable(LockWhy),
}

/// Why no lock could be taken on a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockWhy {
    /// Neither the plan's file nor a lock file (beside it or in the state folder) can be
    /// locked; what locking the file itself said.
    NothingLockable(Cause),
    /// No lock file can be made beside the plan or in perfplan's state folder.
    NoLockFile,
    /// Locking failed.
    Failed(Cause),
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

/// The hidden lock file beside the plan at `path`.
pub fn lock_path_beside(path: &Path) -> PathBuf {
    super::atomic::sibling(&canonical(path), ".perfplan-lock")
}

/// The stand-in lock file of the plan at `path`, in the state folder.
fn stand_in_path(state_dir: &Path, path: &Path) -> PathBuf {
    state_dir.join("locks").join(stand_in_name(path))
}

fn stand_in_name(path: &Path) -> String {
    format!("{}.lock", plan_key(path))
}

impl PlanLock {
    /// Locks the plan at `path`; `state_dir` holds the stand-in lock files.
    pub fn acquire(path: &Path, state_dir: Option<&Path>) -> Locked {
        let name = match NameLock::acquire(path, state_dir) {
            Ok(Some(n)) => Some(n),
            Ok(None) => return Locked::Taken,
            Err(_) => None,
        };
        let file = match lock_file_itself(path) {
            Ok(Some(f)) => Some(f),
            Ok(None) => return Locked::Taken,
            Err(e) if name.is_none() => {
                return Locked::Unavailable(LockWhy::NothingLockable(Cause::from(&e)));
            }
            Err(_) => None,
        };
        match name {
            Some(name) => Locked::Held(PlanLock { file, name }),
            // Without a lock on its name, a program replacing the plan's file would let a
            // second perfplan in: read-only, rather than a lock that only seems to hold.
            None => Locked::Unavailable(LockWhy::NoLockFile),
        }
    }

    /// The lock on the name `path`, before a file is written there (a save under a new
    /// name; the file's own lock is added when it is written, [`PlanLock::moved_to`]), or
    /// with `written`, the lock this process already holds on the file there.
    pub fn for_name(path: &Path, state_dir: Option<&Path>, written: Option<File>) -> Locked {
        match NameLock::acquire(path, state_dir) {
            Ok(Some(name)) => {
                // A file already there must not be another perfplan's.
                let file = match written {
                    Some(f) => Some(f),
                    None => match lock_file_itself(path) {
                        Ok(Some(f)) => Some(f),
                        Ok(None) => return Locked::Taken,
                        Err(_) => None,
                    },
                };
                Locked::Held(PlanLock { file, name })
            }
            Ok(None) => Locked::Taken,
            Err(e) => Locked::Unavailable(LockWhy::Failed(Cause::from(&e))),
        }
    }

    /// After a save put `new` (locked when it was written) in the plan's place: the file's
    /// lock moves to it.
    pub fn moved_to(&mut self, new: Option<File>) {
        if let Some(f) = new {
            self.file = Some(f);
        }
    }

    /// After the plan's file was replaced by another program: locks the file now in its
    /// place (the name's lock stays). `false` when another process holds that file.
    pub fn relock_file(&mut self, path: &Path, written: Option<File>) -> bool {
        if let Some(f) = written {
            self.file = Some(f);
            return true;
        }
        // Written in place: the file is the one already locked.
        if self.file.as_ref().is_some_and(|f| still_named(path, f)) {
            return true;
        }
        match lock_file_itself(path) {
            Ok(Some(f)) => {
                self.file = Some(f);
                true
            }
            Ok(None) => false,
            // No locks for this file: the name's lock is all there is.
            Err(_) => {
                self.file = None;
                true
            }
        }
    }

    /// The stand-in lock file, when the lock on the plan's name is not beside it.
    pub fn stand_in(&self) -> Option<&Path> {
        (!self.name.beside).then_some(self.name.path.as_path())
    }

    /// Whether this lock is the one a perfplan opening `path` looks for (the very same
    /// lock file, however its path is spelled now).
    pub fn covers(&self, path: &Path) -> bool {
        let beside = lock_path_beside(path);
        still_named(&beside, &self.name.file)
            || (!self.name.beside
                && self
                    .name
                    .path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy() == stand_in_name(path)))
    }
}

impl NameLock {
    /// The lock beside the plan, or the stand-in where the plan's folder cannot be written:
    /// `Ok(None)` when another process holds it.
    fn acquire(path: &Path, state_dir: Option<&Path>) -> io::Result<Option<NameLock>> {
        let beside = lock_path_beside(path);
        match lock_name_file(&beside) {
            Ok(found) => Ok(found.map(|file| NameLock {
                file,
                path: beside,
                beside: true,
            })),
            // Only a folder that cannot take the lock file sends it to the state folder.
            Err(e)
                if !matches!(
                    e.kind(),
                    io::ErrorKind::PermissionDenied
                        | io::ErrorKind::ReadOnlyFilesystem
                        | io::ErrorKind::InvalidFilename
                        | io::ErrorKind::StorageFull
                ) =>
            {
                Err(e)
            }
            Err(e) => {
                let Some(dir) = state_dir else { return Err(e) };
                let stand_in = stand_in_path(dir, path);
                if let Some(d) = stand_in.parent() {
                    std::fs::create_dir_all(d)?;
                }
                Ok(lock_name_file(&stand_in)?.map(|file| NameLock {
                    file,
                    path: stand_in,
                    beside: false,
                }))
            }
        }
    }
}

/// Opens (creating) and locks a lock file: `Ok(None)` when another process holds it.
fn lock_name_file(path: &Path) -> io::Result<Option<File>> {
    for _ in 0..5 {
        // Created when missing, then held open for reading only (a file open for writing
        // would keep its disk from being remounted read-only), or for writing where the
        // file system locks only such files (network shares).
        if std::fs::symlink_metadata(path).is_err() {
            let made = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)?;
            // Readable by every user who can read the folder, whatever the umask: another
            // user's perfplan must be able to take the same lock.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = made.set_permissions(std::fs::Permissions::from_mode(0o644));
            }
            drop(made);
        }
        let opened = match File::open(path) {
            Ok(f) => f,
            // Removed by the perfplan that held it, just now: try again.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let locked = match try_lock(opened) {
            Ok(found) => found,
            Err(_) => match OpenOptions::new().read(true).write(true).open(path) {
                Ok(f) => try_lock(f)?,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            },
        };
        match locked {
            // Removed by the perfplan that held it, between the open and the lock.
            Some(f) if !still_named(path, &f) => continue,
            found => return Ok(found),
        }
    }
    // A kind of its own, so that the message can say it in the user's language.
    Err(io::Error::new(
        io::ErrorKind::ResourceBusy,
        "the lock file kept being replaced",
    ))
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
    Err(io::Error::new(
        io::ErrorKind::ResourceBusy,
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
pub(crate) fn still_named(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), file.metadata()) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub(crate) fn still_named(path: &Path, _: &File) -> bool {
    path.exists()
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
        assert!(lock_path_beside(&path).exists());
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
        assert!(!lock_path_beside(&path).exists(), "removed when released");
        assert!(matches!(PlanLock::acquire(&hard, None), Locked::Held(_)));
    }

    #[test]
    fn the_lock_holds_when_another_program_replaces_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "x").unwrap();
        let Locked::Held(_held) = PlanLock::acquire(&path, None) else {
            panic!("the first lock is taken");
        };
        // `sed -i`, a git checkout: a new file renamed over the plan.
        let tmp = dir.path().join("new");
        std::fs::write(&tmp, "y").unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        assert!(matches!(PlanLock::acquire(&path, None), Locked::Taken));
    }
}
