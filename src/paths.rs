//! Where perfplan keeps its own files: the plan used last, the first-run copy of the bundled
//! plan, and (later) the crash-recovery journal. `PERFPLAN_DATA_DIR` moves them all, for
//! tests and for people who keep everything in one folder.

use std::io;
use std::path::{Path, PathBuf};

/// The bundled plan: the CCIAA Massa-Carrara 2017 report, written into the data folder on a
/// first run.
pub const BUNDLED_PLAN: &str = include_str!("../plans/cciaa-massa-carrara-2017.ron");
pub const BUNDLED_PLAN_NAME: &str = "cciaa-massa-carrara-2017.ron";

/// perfplan's data folder (created when missing).
pub fn data_dir() -> io::Result<PathBuf> {
    let dir = match std::env::var_os("PERFPLAN_DATA_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => directories::ProjectDirs::from("", "", "perfplan")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    "no home folder to keep perfplan's data in; set PERFPLAN_DATA_DIR",
                )
            })?,
    };
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn last_plan_file() -> io::Result<PathBuf> {
    Ok(data_dir()?.join("last-plan"))
}

/// The plan opened last, if it still exists.
pub fn last_plan() -> Option<PathBuf> {
    let text = std::fs::read_to_string(last_plan_file().ok()?).ok()?;
    let path = PathBuf::from(text.trim_end_matches(['\n', '\r']));
    path.is_file().then_some(path)
}

/// Remembers `path` as the plan used last.
pub fn remember(path: &Path) -> io::Result<()> {
    remember_in(&data_dir()?, path)
}

/// Remembers `path` as the plan used last, in the data folder `dir`.
pub fn remember_in(dir: &Path, path: &Path) -> io::Result<()> {
    let abs = std::path::absolute(path)?;
    std::fs::write(dir.join("last-plan"), format!("{}\n", abs.display()))
}

/// The plan to open when none is named: the last one, or a fresh copy of the bundled plan.
/// Returns the path and, for a first run, a sentence saying where the copy is.
pub fn default_plan() -> io::Result<(PathBuf, Option<String>)> {
    if let Some(p) = last_plan() {
        return Ok((p, None));
    }
    let path = data_dir()?.join(BUNDLED_PLAN_NAME);
    if path.exists() {
        return Ok((
            path.clone(),
            Some(format!(
                "Opened the example plan kept at {}",
                path.display()
            )),
        ));
    }
    crate::store::write_atomic(&path, BUNDLED_PLAN.as_bytes())
        .map_err(|e| io::Error::other(e.to_string()))?;
    Ok((
        path.clone(),
        Some(format!(
            "First run: a copy of the example plan (CCIAA Massa-Carrara 2017) is at {}",
            path.display()
        )),
    ))
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
