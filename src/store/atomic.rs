//! Replacing a file so that nothing is ever half-written or silently lost: the one path
//! through which perfplan writes every file (plans, exports, its own state).
//!
//! The new bytes go to a temporary file in the same folder, flushed to the disk, which is
//! then moved over the file's name, and the folder is flushed: a crash at any instant leaves
//! the old file or the new one, whole. Owner, group and permissions of the old file are kept
//! where the process may set them. A file reached through a symbolic link is written where
//! the link points.
//!
//! A plan's save asks for more. It says which version of the file it means to replace (the
//! content hash of what it read), and on Linux the new file is *exchanged* with the old one
//! (`renameat2(RENAME_EXCHANGE)`): one atomic step after which the old name holds the new
//! file and the temporary name holds exactly what was on disk at that instant. If that is the
//! version the save meant to replace, it becomes the backup `NAME.bak`; if another program
//! slipped its own version in between, that version is kept as `NAME.theirs-STAMP`, a name
//! no later save overwrites, and the caller is told. Where the exchange is not available
//! (other systems, some network file systems) the file is compared right before an ordinary
//! rename, which leaves a window of a few microseconds.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::cause::NotAFile;

/// What the file on disk is expected to hold when it is replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Whatever it holds (exports, perfplan's own state): it is replaced.
    Anything,
    /// No file: one that appears meanwhile is somebody else's and is kept aside.
    Nothing,
    /// The version with this content hash; any other is somebody else's and is kept aside.
    Hash(u64),
}

/// How to replace a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replace {
    pub expect: Expect,
    /// Keep the version replaced as `NAME.bak`.
    pub backup: bool,
    /// Keep the version replaced under a `NAME.theirs-STAMP` name instead (the user chose
    /// to overwrite somebody else's changes: they stay on disk all the same).
    pub keep_replaced: bool,
    /// Take the one-editor lock on the new file before it gets its name.
    pub lock: bool,
}

impl Replace {
    /// An export or a file of perfplan's own: atomic, no backup.
    pub fn plain() -> Replace {
        Replace {
            expect: Expect::Anything,
            backup: false,
            keep_replaced: false,
            lock: false,
        }
    }

    /// A plan's save, replacing the version `expect`.
    pub fn plan(expect: Expect) -> Replace {
        Replace {
            expect,
            backup: true,
            keep_replaced: false,
            lock: true,
        }
    }
}

/// What a replacement did.
#[derive(Debug)]
pub struct Replaced {
    /// A file was there before.
    pub existed: bool,
    /// The new file, locked, when a lock was asked for and the file system has locks.
    pub lock: Option<File>,
    /// Somebody else's version found in the file's place, kept under this name.
    pub theirs: Option<PathBuf>,
}

/// Why a file could not be written. Nothing was changed on disk.
#[derive(Debug)]
pub enum WriteError {
    Io { dir: PathBuf, source: io::Error },
    NoFolder { dir: PathBuf },
    NotAFile { path: PathBuf, what: NotAFile },
    Changed { path: PathBuf },
}

impl WriteError {
    /// The I/O error underneath, for callers that only pass an error on (its kind says
    /// what went wrong; the words are said where the error is shown).
    pub fn into_io(self) -> io::Error {
        match self {
            WriteError::Io { source, .. } => source,
            WriteError::NoFolder { .. } => io::ErrorKind::NotFound.into(),
            WriteError::NotAFile { .. } => io::ErrorKind::InvalidInput.into(),
            WriteError::Changed { .. } => io::ErrorKind::WouldBlock.into(),
        }
    }
}

/// The content hash that tells versions of a file apart (XXH3: fast enough to run on every
/// open and save of a 50 MB plan).
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The temporary file a write goes to before it takes the file's name.
pub fn temp_path(path: &Path) -> PathBuf {
    sibling(path, ".perfplan-tmp")
}

/// A temporary name beside `path` that no file has: `.NAME.perfplan-tmp-PID-N`. Those a
/// write to the same file left when its process died first are removed.
fn free_temp_path(path: &Path) -> PathBuf {
    remove_stale_temps(path);
    let pid = std::process::id();
    (0..)
        .map(|n| sibling(path, &format!(".perfplan-tmp-{pid}-{n}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .expect("some name is free")
}

/// Removes `.NAME.perfplan-tmp-PID-N` files beside `path` whose process is gone: what a
/// write killed half-way left.
#[cfg(target_os = "linux")]
fn remove_stale_temps(path: &Path) {
    let prefix = sibling(path, ".perfplan-tmp-");
    let (Some(dir), Some(prefix)) = (prefix.parent(), prefix.file_name()) else {
        return;
    };
    let prefix = prefix.to_string_lossy().into_owned();
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let Some((pid, n)) = rest.split_once('-') else {
            continue;
        };
        let ours = pid.parse::<u32>().is_ok() && n.parse::<u32>().is_ok();
        if ours && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn remove_stale_temps(_: &Path) {}

/// The one previous version kept beside a plan.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// `NAME<suffix>` beside `path`.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A name beside `path` that does not exist yet: `NAME.<what>-YYYYMMDD-HHMMSS<ext>`, with
/// `-2`, `-3`… before `ext` when two are made in one second.
pub fn aside_path(path: &Path, what: &str, ext: &str) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let first = with_suffix(path, &format!(".{what}-{stamp}{ext}"));
    if fs::symlink_metadata(&first).is_err() {
        return first;
    }
    (2..)
        .map(|n| with_suffix(path, &format!(".{what}-{stamp}-{n}{ext}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .expect("some name is free")
}

/// The hidden name beside `path`: `.NAME` followed by `suffix`.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(suffix);
    path.with_file_name(name)
}

pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What a path names when it is not a regular file.
pub fn not_a_file(meta: &fs::Metadata) -> Option<NotAFile> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(NotAFile::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(NotAFile::Pipe);
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(NotAFile::Device);
        }
        if t.is_socket() {
            return Some(NotAFile::Socket);
        }
    }
    Some(NotAFile::Other)
}

/// Why a file written from the plan (an export) may not go to `out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `out` is the plan's own file, through some name.
    IsThePlan,
    /// `out` is not a regular file, or a link to nothing.
    NotAFile(NotAFile),
}

/// Whether a file made from the plan at `plan` may be written to `out`: never over the plan
/// itself (through any name), nor over what is not a regular file, nor through a link to
/// nothing. `Ok(true)` when a regular file is there (and would be replaced).
pub fn output_target(plan: &Path, out: &Path) -> Result<bool, Refused> {
    if names_same_file(plan, out) {
        return Err(Refused::IsThePlan);
    }
    match fs::metadata(out) {
        Ok(meta) => match not_a_file(&meta) {
            Some(what) => Err(Refused::NotAFile(what)),
            None => Ok(true),
        },
        Err(_) if fs::symlink_metadata(out).is_ok() => {
            Err(Refused::NotAFile(NotAFile::DanglingLink))
        }
        Err(_) => Ok(false),
    }
}

/// Whether `other` names the file `path` names: the same file through any link, or the same
/// place (the file may not exist yet) however the path is spelled.
pub fn names_same_file(path: &Path, other: &Path) -> bool {
    same_file(path, other)
        || fs::canonicalize(path)
            .ok()
            .is_some_and(|p| std::path::absolute(other).ok().as_deref() == Some(p.as_path()))
        || std::path::absolute(path).ok() == std::path::absolute(other).ok()
}

/// Whether two paths name the same file (the same device and inode, through any links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(ma), Ok(mb)) => {
            use std::os::unix::fs::MetadataExt;
            ma.dev() == mb.dev() && ma.ino() == mb.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => fs::canonicalize(a).ok() == fs::canonicalize(b).ok(),
        _ => false,
    }
}

/// Writes `bytes` to a fresh file at `tmp`, with the permissions (and, where allowed, the
/// owner and group) of `like`, flushed to the disk.
fn write_synced(tmp: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> io::Result<File> {
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(tmp)?;
    let result = (|| {
        f.write_all(bytes)?;
        f.flush()?;
        if let Some(meta) = like {
            keep_owner(&f, meta);
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()
    })();
    match result {
        Ok(()) => Ok(f),
        Err(e) => {
            drop(f);
            let _ = fs::remove_file(tmp);
            Err(e)
        }
    }
}

/// Gives the new file the old one's owner and group where the process may (as root, or a
/// group the user belongs to); a save must not take a plan away from its owner.
#[cfg(unix)]
fn keep_owner(f: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(new) = f.metadata() else { return };
    if new.uid() == old.uid() && new.gid() == old.gid() {
        return;
    }
    if std::os::unix::fs::fchown(f, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(f, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &fs::Metadata) {}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// `renameat2(from, to, flags)`; `Unsupported` where the system or the file system does
/// not have the flag.
#[cfg(target_os = "linux")]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(from.as_os_str().as_bytes())?;
    let b = CString::new(to.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => {
            Err(io::Error::new(io::ErrorKind::Unsupported, e))
        }
        _ => Err(e),
    }
}

/// Swaps two names atomically. `Unsupported` where the system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    renameat2(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Moves `from` to `to` unless `to` exists (`AlreadyExists` then).
#[cfg(target_os = "linux")]
fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    match renameat2(from, to, libc::RENAME_NOREPLACE) {
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {
            if to.exists() {
                Err(io::Error::from(io::ErrorKind::AlreadyExists))
            } else {
                fs::rename(from, to)
            }
        }
        other => other,
    }
}

#[cfg(not(target_os = "linux"))]
fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    if to.exists() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    fs::rename(from, to)
}

/// The file a write to `path` lands in: the target of a symbolic link, which must be (or
/// become) a regular file.
fn resolve(path: &Path) -> Result<PathBuf, WriteError> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    match fs::canonicalize(path) {
        Ok(target) => Ok(target),
        Err(_) => Err(WriteError::NotAFile {
            path: path.to_path_buf(),
            what: NotAFile::DanglingLink,
        }),
    }
}

/// Replaces (or creates) the file at `path` with `bytes`, as the module says.
pub fn replace(path: &Path, bytes: &[u8], how: Replace) -> Result<Replaced, WriteError> {
    let path = resolve(path)?;
    let dir = parent_dir(&path);
    let io_err = |source: io::Error| {
        if source.kind() == io::ErrorKind::NotFound && !dir.is_dir() {
            WriteError::NoFolder { dir: dir.clone() }
        } else {
            WriteError::Io {
                dir: dir.clone(),
                source,
            }
        }
    };
    let old = fs::metadata(&path).ok();
    if let Some(what) = old.as_ref().and_then(not_a_file) {
        return Err(WriteError::NotAFile {
            path: path.clone(),
            what,
        });
    }
    // A plan's save uses one temporary name, so that the next save finds what an
    // interrupted one left there; any other write takes a name nobody uses, so that it can
    // never take the place of another file (even one named like a temporary file).
    let tmp = if how.expect == Expect::Anything {
        free_temp_path(&path)
    } else {
        let tmp = temp_path(&path);
        keep_interrupted(&tmp, &path);
        let _ = fs::remove_file(&tmp);
        tmp
    };
    let file = write_synced(&tmp, bytes, old.as_ref()).map_err(io_err)?;
    // The lock is taken on a read-only handle (see `lock`), before the file has its name.
    drop(file);
    let lock = if how.lock {
        super::lock::lock_file(&tmp)
    } else {
        None
    };
    let cleanup = |e: WriteError| {
        let _ = fs::remove_file(&tmp);
        e
    };
    let existed = old.is_some();
    let theirs = if how.expect == Expect::Anything {
        // Nobody else's version to watch for: the backup, when asked, is a second name of
        // the old file (a hard link, or a copy where links are not supported).
        if how.backup && existed {
            keep_backup(&path).map_err(|e| cleanup(io_err(e)))?;
        }
        fs::rename(&tmp, &path).map_err(|e| cleanup(io_err(e)))?;
        None
    } else {
        place(&tmp, &path, how).map_err(cleanup)?
    };
    // The new file has its name: a failure to flush the folder now leaves the rename to the
    // system's own schedule, it does not undo it, so the write is not reported as failed.
    let _ = sync_dir(&dir);
    Ok(Replaced {
        existed,
        lock,
        theirs,
    })
}

/// After the exchange, `tmp` holds what was in the file's place: the version the write
/// meant to replace (the backup, or nothing) or somebody else's (kept aside, never
/// deleted, even when it cannot be read to tell). Returns where theirs is kept.
fn settle_aside(tmp: &Path, path: &Path, how: Replace) -> Option<PathBuf> {
    let expected = fs::read(tmp).is_ok_and(|aside| is_expected(&aside, how.expect));
    if expected && !how.keep_replaced {
        if how.backup {
            let _ = fs::rename(tmp, backup_path(path));
        }
        // Gone already, or a second name of the backup (a rename between two names of one
        // file leaves both), or not wanted.
        let _ = fs::remove_file(tmp);
        return None;
    }
    let name = aside_path(path, "theirs", "");
    Some(match fs::rename(tmp, &name) {
        Ok(()) => name,
        // Still on disk under the temporary name, which the next save keeps aside too.
        Err(_) => tmp.to_path_buf(),
    })
}

/// A save killed between the exchange and the renaming of what it moved aside leaves that
/// version under the temporary name, and it may be somebody else's (whole or not). Before
/// the temporary name is used again, anything found there that the file does not hold is
/// kept as `NAME.interrupted-STAMP`: it may also be a save's own unfinished write, but only
/// the user can tell.
fn keep_interrupted(tmp: &Path, path: &Path) {
    let Ok(left) = fs::read(tmp) else { return };
    let held = fs::read(path).is_ok_and(|now| now == left);
    if !left.is_empty() && !held {
        let _ = fs::rename(tmp, aside_path(path, "interrupted", ""));
    }
}

fn is_expected(bytes: &[u8], expect: Expect) -> bool {
    match expect {
        Expect::Anything => true,
        Expect::Nothing => false,
        Expect::Hash(h) => hash(bytes) == h,
    }
}

/// Puts the written temporary file `tmp` in `path`'s place, watching for somebody else's
/// version there; returns where theirs is kept, if one was found.
fn place(tmp: &Path, path: &Path, how: Replace) -> Result<Option<PathBuf>, WriteError> {
    let dir = parent_dir(path);
    let io_err = |source: io::Error| WriteError::Io {
        dir: dir.clone(),
        source,
    };
    match exchange(tmp, path) {
        Ok(()) => Ok(settle_aside(tmp, path, how)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // No file in its place (or it vanished meanwhile): take the name, unless one
            // appears at this very moment.
            match rename_noreplace(tmp, path) {
                Ok(()) => Ok(None),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match exchange(tmp, path) {
                    Ok(()) => Ok(settle_aside(
                        tmp,
                        path,
                        Replace {
                            expect: Expect::Nothing,
                            ..how
                        },
                    )),
                    Err(_) => Err(WriteError::Changed {
                        path: path.to_path_buf(),
                    }),
                },
                Err(e) => Err(io_err(e)),
            }
        }
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {
            // No atomic exchange here: compare right before an ordinary rename.
            let mut kept = None;
            match fs::read(path) {
                Ok(now) if !is_expected(&now, how.expect) => {
                    return Err(WriteError::Changed {
                        path: path.to_path_buf(),
                    });
                }
                Ok(_) if how.keep_replaced => {
                    let name = aside_path(path, "theirs", "");
                    second_name(path, &name).map_err(io_err)?;
                    kept = Some(name);
                }
                Ok(_) if how.backup => keep_backup(path).map_err(io_err)?,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    if how.expect != Expect::Nothing {
                        return Err(WriteError::Changed {
                            path: path.to_path_buf(),
                        });
                    }
                }
                Err(e) => return Err(io_err(e)),
            }
            fs::rename(tmp, path).map_err(io_err)?;
            Ok(kept)
        }
        Err(e) => Err(io_err(e)),
    }
}

/// Gives the file at `path` the second name `to`: a hard link, which copies nothing, or a
/// flushed copy (owner and permissions kept) where links are not supported.
pub fn second_name(path: &Path, to: &Path) -> io::Result<()> {
    fs::hard_link(path, to).or_else(|_| {
        let meta = fs::metadata(path)?;
        let bytes = fs::read(path)?;
        write_synced(to, &bytes, Some(&meta)).map(drop)
    })
}

/// Keeps the file at `path` as `NAME.bak`: a second name for it (a hard link, which copies
/// nothing), or a flushed copy where links are not supported; the old backup is replaced
/// only once the new one is whole.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let backup_tmp = sibling(path, ".bak.perfplan-tmp");
    let _ = fs::remove_file(&backup_tmp);
    let kept = second_name(path, &backup_tmp).and_then(|_| fs::rename(&backup_tmp, &backup));
    // A name renamed over another name of the same file is left in place (POSIX): when a
    // save cut short left `.bak` as a second name of the plan, drop the extra name.
    let _ = fs::remove_file(&backup_tmp);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_plan_save_keeps_the_old_version_as_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "old").unwrap();
        let r = replace(&path, b"new", Replace::plan(Expect::Hash(hash(b"old")))).unwrap();
        assert!(r.theirs.is_none());
        assert!(r.lock.is_some());
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"]);
    }

    #[test]
    fn another_version_in_the_files_place_is_kept_as_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "old").unwrap();
        fs::write(backup_path(&path), "older").unwrap();
        // The save meant to replace "old", but somebody else's version is there now.
        fs::write(&path, "theirs").unwrap();
        let r = replace(&path, b"new", Replace::plan(Expect::Hash(hash(b"old")))).unwrap();
        let theirs = r.theirs.expect("their version is kept");
        assert!(
            theirs
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("p.ron.theirs-")
        );
        assert_eq!(fs::read_to_string(&theirs).unwrap(), "theirs");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "older");
    }

    #[test]
    fn a_file_that_appears_where_none_was_expected_is_kept_as_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "theirs").unwrap();
        let r = replace(&path, b"new", Replace::plan(Expect::Nothing)).unwrap();
        assert_eq!(fs::read_to_string(r.theirs.unwrap()).unwrap(), "theirs");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn what_an_interrupted_save_left_under_the_temporary_name_is_kept() {
        // Somebody else's text, cut short or not, moved aside by an exchange just before a
        // kill: the next save keeps it, never deletes it.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "old").unwrap();
        fs::write(temp_path(&path), "Plan(title: \"theirs, cut").unwrap();
        replace(&path, b"new", Replace::plan(Expect::Hash(hash(b"old")))).unwrap();
        let kept: Vec<String> = names(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("p.ron.interrupted-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            fs::read_to_string(dir.path().join(&kept[0])).unwrap(),
            "Plan(title: \"theirs, cut"
        );
        // What the file holds already is not kept twice.
        fs::write(temp_path(&path), "new").unwrap();
        replace(&path, b"newer", Replace::plan(Expect::Hash(hash(b"new")))).unwrap();
        assert_eq!(
            names(dir.path())
                .iter()
                .filter(|n| n.contains("interrupted"))
                .count(),
            1
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporary_files_of_writes_whose_process_died_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        // No process has this id (the kernel's limit is lower).
        let stale = dir.path().join(".out.csv.perfplan-tmp-4999999-0");
        fs::write(&stale, "half an export").unwrap();
        // Not ours: another file's, and a name that only looks alike.
        let other = dir.path().join(".other.csv.perfplan-tmp-4999999-0");
        fs::write(&other, "x").unwrap();
        let alike = dir.path().join(".out.csv.perfplan-tmp-notes");
        fs::write(&alike, "x").unwrap();
        replace(&path, b"new", Replace::plain()).unwrap();
        assert!(!stale.exists());
        assert!(other.exists() && alike.exists());
    }

    #[test]
    fn a_plain_write_leaves_no_backup_and_refuses_what_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let r = replace(&path, b"new", Replace::plain()).unwrap();
        assert!(r.existed);
        assert_eq!(names(dir.path()), ["out.csv"]);
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        assert!(matches!(
            replace(&sub, b"x", Replace::plain()),
            Err(WriteError::NotAFile {
                what: NotAFile::Folder,
                ..
            })
        ));
        assert!(matches!(
            replace(&dir.path().join("nowhere/x.csv"), b"x", Replace::plain()),
            Err(WriteError::NoFolder { .. })
        ));
    }

    #[test]
    fn a_backup_that_already_is_the_plan_leaves_no_temporary_name() {
        // A save killed after keeping the backup but before the rename leaves `.bak` as a
        // second name of the plan itself; the next save must still end with no temp file.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "old").unwrap();
        fs::hard_link(&path, backup_path(&path)).unwrap();
        replace(&path, b"new", Replace::plan(Expect::Hash(hash(b"old")))).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        assert_eq!(names(dir.path()).len(), 2);
        // The same through the path that makes the backup a hard link.
        fs::hard_link(&path, backup_path(&path).with_extension("x")).unwrap();
        fs::remove_file(backup_path(&path)).unwrap();
        fs::rename(backup_path(&path).with_extension("x"), backup_path(&path)).unwrap();
        keep_backup(&path).unwrap();
        assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"]);
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_link_writes_the_file_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("repo");
        fs::create_dir(&real).unwrap();
        let target = real.join("plan.ron");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("plan.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        replace(&link, b"new", Replace::plan(Expect::Hash(hash(b"old")))).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&target)).unwrap(), "old");
        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink(dir.path().join("missing"), &dangling).unwrap();
        assert!(matches!(
            replace(&dangling, b"x", Replace::plain()),
            Err(WriteError::NotAFile { .. })
        ));
    }
}
