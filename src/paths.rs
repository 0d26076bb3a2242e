//! Where perfplan keeps its own files. Two folders, where the platform puts them:
//! - the data folder (`~/.local/share/perfplan` on Linux): the first-run copy of the bundled
//!   plan;
//! - the state folder (`$XDG_STATE_HOME/perfplan`, `~/.local/state/perfplan` by default; the
//!   data folder on platforms without one): the crash-recovery journals, the plan used last,
//!   and the locks of plans whose own file cannot be locked.
//!
//! `PERFPLAN_DATA_DIR` moves both (for tests, and for people who keep everything in one
//! folder); `PERFPLAN_STATE_DIR` moves the state folder alone. Earlier versions kept the
//! journals and the plan used last in the data folder: they are still read there.

use std::io;

use crate::store::Cause;
use std::path::{Path, PathBuf};

/// The bundled plan: the CCIAA Massa-Carrara 2017 report, written into the data folder on a
/// first run.
pub const BUNDLED_PLAN: &str = include_str!("../plans/cciaa-massa-carrara-2017.ron");
pub const BUNDLED_PLAN_NAME: &str = "cciaa-massa-carrara-2017.ron";

/// perfplan's two folders (not created until something is written in them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub data: PathBuf,
    pub state: PathBuf,
}

/// Why perfplan has no folder of its own to write in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirError {
    /// The folder it tried, when it could name one.
    pub path: Option<PathBuf>,
    /// Why it could not be made.
    pub cause: Option<Cause>,
}

/// The copy of the bundled plan that was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleCopy {
    /// Made now: a first run.
    Made,
    /// Made on an earlier run and kept.
    Kept,
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

impl Dirs {
    /// The folders for this user, from the environment and the platform's conventions.
    pub fn locate() -> Result<Dirs, DirError> {
        let project = || directories::ProjectDirs::from("", "", "perfplan");
        let data = match env_dir("PERFPLAN_DATA_DIR") {
            Some(d) => d,
            None => project()
                .map(|p| p.data_dir().to_path_buf())
                .ok_or(DirError {
                    path: None,
                    cause: None,
                })?,
        };
        let state = match (env_dir("PERFPLAN_STATE_DIR"), env_dir("PERFPLAN_DATA_DIR")) {
            (Some(s), _) => s,
            (None, Some(d)) => d,
            (None, None) => project()
                .and_then(|p| p.state_dir().map(Path::to_path_buf))
                .unwrap_or_else(|| data.clone()),
        };
        Ok(Dirs { data, state })
    }

    /// Both folders inside `root` (tests, and one-folder setups).
    pub fn within(root: &Path) -> Dirs {
        Dirs {
            data: root.to_path_buf(),
            state: root.to_path_buf(),
        }
    }

    /// The data folder, created when missing.
    pub fn data_ready(&self) -> Result<&Path, DirError> {
        create(&self.data)
    }

    fn last_plan_files(&self) -> [PathBuf; 2] {
        [self.state.join("last-plan"), self.data.join("last-plan")]
    }

    /// The plan opened last, if it still exists.
    pub fn last_plan(&self) -> Option<PathBuf> {
        self.last_plan_files().iter().find_map(|file| {
            let text = std::fs::read_to_string(file).ok()?;
            let path = PathBuf::from(text.trim_end_matches(['\n', '\r']));
            path.is_file().then_some(path)
        })
    }

    /// Remembers `path` as the plan used last.
    pub fn remember(&self, path: &Path) -> io::Result<()> {
        let abs = std::path::absolute(path)?;
        let [file, _] = self.last_plan_files();
        let text = format!("{}\n", abs.display());
        // Opening the same plan again writes nothing.
        if std::fs::read_to_string(&file).is_ok_and(|t| t == text) {
            return Ok(());
        }
        create(&self.state)
            .map_err(|e| io::Error::from(e.cause.map_or(io::ErrorKind::Other, |c| c.kind)))?;
        crate::store::replace(&file, text.as_bytes(), crate::store::Replace::plain())
            .map(|_| ())
            .map_err(crate::store::WriteError::into_io)
    }

    /// The file that remembers where Enter goes after a result.
    fn enter_file(&self) -> PathBuf {
        self.state.join("enter-moves")
    }

    /// Whether Enter goes to the next pending indicator after a result (the user's last
    /// choice; the next indicator by default).
    pub fn enter_to_pending(&self) -> bool {
        std::fs::read_to_string(self.enter_file()).is_ok_and(|t| t.trim() == "pending")
    }

    /// Remembers where Enter goes after a result.
    pub fn remember_enter_to_pending(&self, pending: bool) -> io::Result<()> {
        create(&self.state)
            .map_err(|e| io::Error::from(e.cause.map_or(io::ErrorKind::Other, |c| c.kind)))?;
        let text = if pending { "pending\n" } else { "next\n" };
        crate::store::replace(
            &self.enter_file(),
            text.as_bytes(),
            crate::store::Replace::plain(),
        )
        .map(|_| ())
        .map_err(crate::store::WriteError::into_io)
    }

    /// The plan to open when none is named: the last one, or a fresh copy of the bundled
    /// plan. Returns the path and, when it is the bundled plan's copy, which copy (for the
    /// message that says where it is).
    pub fn default_plan(&self) -> Result<(PathBuf, Option<ExampleCopy>), DirError> {
        if let Some(p) = self.last_plan() {
            return Ok((p, None));
        }
        let path = self.data_ready()?.join(BUNDLED_PLAN_NAME);
        if path.exists() {
            return Ok((path, Some(ExampleCopy::Kept)));
        }
        crate::store::replace(
            &path,
            BUNDLED_PLAN.as_bytes(),
            crate::store::Replace::plain(),
        )
        .map_err(|e| DirError {
            path: Some(path.clone()),
            cause: Some(Cause::from(e.into_io())),
        })?;
        Ok((path, Some(ExampleCopy::Made)))
    }
}

fn create(dir: &Path) -> Result<&Path, DirError> {
    std::fs::create_dir_all(dir).map_err(|e| DirError {
        path: Some(dir.to_path_buf()),
        cause: Some(Cause::from(e)),
    })?;
    Ok(dir)
}

/// A path typed by the user, with a leading `~` meaning the home folder, as in a shell.
pub fn expand_home(typed: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match typed.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(typed)),
        Some(rest) if rest.starts_with('/') => match home() {
            Some(h) => h.join(rest.trim_start_matches('/')),
            None => PathBuf::from(typed),
        },
        _ => PathBuf::from(typed),
    }
}
