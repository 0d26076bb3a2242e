//! A plan open in the app: its file, the one-editor lock and the crash-recovery journal, and
//! the side effects the event loop carries out on them.

use std::path::{Path, PathBuf};

use crate::app::{Action, App, Effect};
use crate::plan::Plan;
use crate::store::journal::Entry;
use crate::store::{Journal, LoadError, PlanFile, PlanLock, SaveFailure, Saved, write};

pub struct Session {
    pub file: PlanFile,
    /// perfplan's data folder, where locks and journals live (`None`: there is none).
    data_dir: Option<PathBuf>,
    lock: Option<PlanLock>,
    journal: Option<Journal>,
}

/// What opening found besides the plan.
pub struct Opened {
    pub plan: Plan,
    pub session: Session,
    /// Another perfplan holds the plan: this one may not change it.
    pub read_only: bool,
    /// Edits a crashed run left in the journal.
    pub recovered: Vec<Entry>,
    /// Something the user should know (no data folder, say).
    pub warning: Option<String>,
}

impl Session {
    /// Opens the plan at `path`, taking its lock and reading its journal in `data_dir`.
    pub fn open(path: &Path, data_dir: Option<PathBuf>) -> Result<Opened, LoadError> {
        let (plan, file) = PlanFile::open(path)?;
        let mut warning = None;
        let (lock, read_only) = match &data_dir {
            Some(dir) => match PlanLock::acquire(dir, path) {
                Ok(Some(lock)) => (Some(lock), false),
                Ok(None) => (None, true),
                Err(e) => {
                    warning = Some(format!(
                        "The plan could not be locked ({e}): make sure no other perfplan edits it"
                    ));
                    (None, false)
                }
            },
            None => {
                warning = Some(
                    "No data folder: edits are not journalled for crash recovery; save often"
                        .to_string(),
                );
                (None, false)
            }
        };
        let journal = match (&data_dir, read_only) {
            (Some(dir), false) => Journal::for_plan(dir, path).ok(),
            _ => None,
        };
        let recovered = journal.as_ref().map(Journal::pending).unwrap_or_default();
        Ok(Opened {
            plan,
            session: Session {
                file,
                data_dir,
                lock,
                journal,
            },
            read_only,
            recovered,
            warning,
        })
    }

    /// Builds the app for an opened plan, with the read-only state and restore question.
    pub fn app(opened: Opened) -> (App, Session) {
        let Opened {
            plan,
            session,
            read_only,
            recovered,
            warning,
        } = opened;
        let mut app = App::new(plan, session.file.path.clone());
        app.read_only = read_only;
        if let Some(w) = warning {
            app.error(w);
        }
        if read_only {
            app.error(
                "Read-only: another perfplan has this plan open. You can look, and save a copy with S.",
            );
        } else if !recovered.is_empty() {
            app.offer_restore(recovered);
        }
        (app, session)
    }

    fn saved(&mut self, app: &mut App, result: Result<Saved, SaveFailure>) -> bool {
        match result {
            Ok(s) => {
                // A save under a new name makes that the plan used last.
                if s.path != app.path
                    && let Some(dir) = &self.data_dir
                {
                    let _ = crate::paths::remember_in(dir, &s.path);
                }
                if let Some(j) = &mut self.journal {
                    let _ = j.clear();
                }
                app.saved(s.path, s.note);
                app.quit_after_save
            }
            Err(SaveFailure::ChangedOnDisk) => {
                app.save_conflict();
                false
            }
            Err(SaveFailure::Write(e)) => {
                app.save_failed(e.to_string());
                false
            }
        }
    }

    fn save_as(&mut self, app: &mut App, path: &Path, replace: bool) -> bool {
        let same = std::path::absolute(path).ok() == std::path::absolute(&self.file.path).ok();
        if same {
            let r = self.file.save(&app.plan, false);
            return self.saved(app, r);
        }
        if path.exists() && !replace {
            app.ask_replace(path.to_path_buf());
            return false;
        }
        let new_lock = match &self.data_dir {
            Some(dir) => match PlanLock::acquire(dir, path) {
                Ok(Some(l)) => Some(l),
                Ok(None) => {
                    app.save_failed(format!("another perfplan has {} open", path.display()));
                    return false;
                }
                Err(_) => None,
            },
            None => None,
        };
        let r = self.file.save_as(&app.plan, path);
        if r.is_ok() {
            if let Some(j) = &mut self.journal {
                let _ = j.clear();
            }
            self.lock = new_lock;
            app.read_only = self.lock.is_none() && self.data_dir.is_some();
            self.journal = self
                .data_dir
                .as_ref()
                .and_then(|d| Journal::for_plan(d, path).ok());
        }
        self.saved(app, r)
    }

    /// Carries out an effect; true when the app should end.
    pub fn perform(&mut self, app: &mut App, effect: Effect) -> bool {
        match effect {
            Effect::None => false,
            Effect::Changed { id, fields } => {
                if let Some(j) = &mut self.journal
                    && let Err(e) = j.append(&id, &fields)
                {
                    app.error(format!(
                        "The recovery journal could not be written ({e}): save now to be safe"
                    ));
                }
                false
            }
            Effect::DropJournal => {
                if let Some(j) = &mut self.journal {
                    let _ = j.clear();
                }
                false
            }
            Effect::Quit => {
                if let Some(j) = &mut self.journal {
                    let _ = j.clear();
                }
                true
            }
            Effect::Save => {
                let r = self.file.save(&app.plan, false);
                self.saved(app, r)
            }
            Effect::SaveOverwrite => {
                let r = self.file.save(&app.plan, true);
                self.saved(app, r)
            }
            Effect::SaveAs(path) => self.save_as(app, &path, false),
            Effect::SaveAsReplacing(path) => self.save_as(app, &path, true),
            Effect::Reload => {
                self.reload(app);
                false
            }
            Effect::Export { format, path } => {
                export(app, format, &path);
                false
            }
        }
    }

    /// Reads the plan's file again; the unsaved edits go to a file beside it first.
    fn reload(&mut self, app: &mut App) {
        let aside = if app.is_dirty() {
            let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
            let mut name = self
                .file
                .path
                .file_name()
                .unwrap_or_default()
                .to_os_string();
            name.push(format!(".unsaved-{stamp}.ron"));
            let path: PathBuf = self.file.path.with_file_name(name);
            match crate::store::write_atomic(&path, write::plan(&app.plan).as_bytes()) {
                Ok(()) => Some(path),
                Err(e) => {
                    app.error(format!(
                        "Not reloaded: your unsaved edits could not be kept aside ({e}); they are still here"
                    ));
                    return;
                }
            }
        } else {
            None
        };
        match PlanFile::open(&self.file.path) {
            Ok((plan, fresh)) => {
                let read_only = app.read_only;
                let size = app.size;
                *app = App::new(plan, fresh.path.clone());
                app.read_only = read_only;
                app.update(Action::Resize {
                    width: size.0,
                    height: size.1,
                });
                self.file = fresh;
                if let Some(j) = &mut self.journal {
                    let _ = j.clear();
                }
                match aside {
                    Some(p) => app.info(format!(
                        "Reloaded from disk; your unsaved edits are kept in {}",
                        p.display()
                    )),
                    None => app.info("Reloaded from disk"),
                }
            }
            Err(e) => app.error(format!(
                "Not reloaded: {e}. Your edits are still here{}",
                aside.map_or(String::new(), |p| format!(" (and in {})", p.display()))
            )),
        }
    }
}

/// Writes the app's summary in `format` to `path`, and says in the status line what was
/// written where, or why not.
fn export(app: &mut App, format: crate::export::Format, path: &Path) {
    let summary = crate::summary::Summary::build(&app.plan, &app.scores);
    let opts =
        crate::export::Options::for_locale(app.plan.locale, chrono::Local::now().date_naive());
    let written = crate::export::render(&summary, format, &opts)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            crate::store::write_atomic(path, &bytes).map_err(|e| match e {
                // The save advice ("save under another name") does not fit an export.
                crate::store::SaveError::Write { dir, source, .. } => {
                    format!(
                        "cannot write in {}: {source}; choose another folder",
                        dir.display()
                    )
                }
            })
        });
    match written {
        Ok(()) => {
            let mut msg = format!(
                "Exported the {} summary to {}",
                format.extension().to_uppercase(),
                path.display()
            );
            if let Some(n) = crate::export::provisional_notice(&summary) {
                msg.push_str(" · ");
                msg.push_str(&n);
            }
            app.info(msg);
        }
        Err(e) => app.error(format!("Not exported: {e}")),
    }
}
