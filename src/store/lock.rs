//! One editor at a time: an advisory lock held while the app has a plan open. A second
//! perfplan on the same plan finds it taken and opens the plan read-only. The operating
//! system drops the lock when the process dies, however it dies.
//!
//! The lock is a file in perfplan's data folder named after the plan's absolute path, not
//! the plan itself: saving renames a new file over the plan, which would leave a lock on the
//! plan's old inode behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// A held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct PlanLock {
    _file: File,
    pub path: PathBuf,
}

/// A name for the plan at `path`, the same for every way of writing the path.
pub fn plan_key(path: &Path) -> String {
    let abs = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut h = DefaultHasher::new();
    abs.hash(&mut h);
    let stem = abs
        .file_stem()
        .map(|s| {
            s.to_string_lossy()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .take(40)
                .collect::<String>()
        })
        .unwrap_or_default();
    format!("{stem}-{:016x}", h.finish())
}

impl PlanLock {
    /// Takes the lock on the plan at `plan` if nobody holds it: `Ok(None)` when another
    /// process does.
    pub fn acquire(data_dir: &Path, plan: &Path) -> io::Result<Option<PlanLock>> {
        let dir = data_dir.join("locks");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{}.lock", plan_key(plan)));
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(PlanLock { _file: file, path })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}
