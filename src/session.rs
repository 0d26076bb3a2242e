//! A plan open in the app: its file, the one-editor lock and the crash-recovery journal, and
//! the side effects the event loop carries out on them. Each effect's outcome goes back to
//! the app as an action ([`Session::carry_out`]), so the app's state changes in one place.

use std::path::{Path, PathBuf};

use crate::app::msg::{JournalDown, ReloadProblem, Shared};
use crate::app::{Action, App, Effect, Msg, Outcome, Problem, Recovery};
use crate::lang::Lang;
use crate::paths::Dirs;
use crate::plan::{FieldChange, Plan, change};
use crate::store::{
    self, Journal, LoadError, LockStatus, PlanFile, Replace, SaveFailure, WriteError,
};

pub struct Session {
    pub file: PlanFile,
    /// perfplan's own folders (`None`: there are none, so no journal).
    dirs: Option<Dirs>,
    journal: Option<Journal>,
    /// Every change since the last save, in order: what the journal must hold.
    since_save: Vec<FieldChange>,
    /// The same changes with how each came (typed, restored, merged), for the audit log
    /// the next save appends to.
    audit_pending: Vec<(store::audit::Source, FieldChange)>,
    /// Records the audit log could not take (its folder full, say): tried again first at the
    /// next save.
    audit_unwritten: Vec<store::audit::Record>,
    /// The journal lacks some of `since_save` (a write failed): it is rewritten whole at
    /// the next chance.
    journal_behind: bool,
    /// The record of a git merge's conflicts offered at the open: removed once answered.
    merge_record: Option<PathBuf>,
}

/// What opening found besides the plan.
pub struct Opened {
    /// The language the app speaks.
    pub lang: Lang,
    pub plan: Plan,
    pub session: Session,
    /// What locking the plan found: unless held, this perfplan may not change it.
    pub lock: LockStatus,
    /// What a run that ended without saving left in the journal, against the file now.
    pub recovery: Option<Recovery>,
    /// Why the journal cannot be written, when it cannot.
    pub journal_down: Option<JournalDown>,
    /// Things to say once (the journal's changes were already in the file, say).
    pub notes: Vec<Msg>,
    /// The plan is the copy of the bundled one (made now, or on an earlier run): said once.
    pub first_run: Option<crate::app::msg::FirstRun>,
    /// Enter goes to the next pending indicator after a result (remembered from earlier runs).
    pub enter_to_pending: bool,
}

impl Opened {
    /// Another perfplan holds the plan, or it cannot be locked: this one may not change it.
    pub fn read_only(&self) -> bool {
        !matches!(self.lock, LockStatus::Held { .. })
    }
}

/// The plan's file read again, with its lock and the journal started afresh.
struct ReadAgain {
    plan: Plan,
    lock: LockStatus,
    /// Why the journal could not keep the changes kept, if it could not.
    journal_failed: Option<JournalDown>,
}

/// Writes `text` (changes a restore cannot make) beside the plan, or in the state folder
/// where the plan's folder cannot take it; named after its content, so that opening the
/// plan again does not write it twice. Where it went.
fn write_down(plan: &Path, state: &Path, r: &Recovery, lang: Lang) -> Option<PathBuf> {
    // Named after the changes alone, so that the same changes left out make one file in
    // whichever language its head is written.
    let lines = r.left_out_lines();
    let text = r.left_out_text(lang);
    let name = format!(
        ".unrestored-{:08x}.txt",
        store::atomic::hash(lines.as_bytes()) as u32
    );
    let beside = store::atomic::with_suffix(plan, &name);
    let in_state = state
        .join("journal")
        .join(format!("{}{name}", store::lock::plan_key(plan)));
    [beside, in_state].into_iter().find(|p| {
        std::fs::read_to_string(p).is_ok_and(|t| t.ends_with(&lines))
            || (p
                .parent()
                .is_some_and(|d| std::fs::create_dir_all(d).is_ok())
                && store::replace(p, text.as_bytes(), Replace::plain()).is_ok())
    })
}

/// Whether Enter goes to the next pending indicator, as remembered in `dirs`.
fn dirs_enter(dirs: &Option<Dirs>) -> bool {
    dirs.as_ref().is_some_and(Dirs::enter_to_pending)
}

/// The crash-recovery journal of the plan at `path`, in perfplan's folders.
fn journal_of(d: &Dirs, path: &Path) -> Journal {
    Journal::locate(&d.state, Some(&d.data), path)
}

fn describe_io(path: &Path, e: &std::io::Error) -> JournalDown {
    JournalDown::Io {
        path: path.to_path_buf(),
        cause: store::Cause::from(e),
    }
}

impl Session {
    /// Opens the plan at `path`, taking its lock and reading its journal in `dirs`, to be
    /// shown in the language of its locale.
    pub fn open(path: &Path, dirs: Option<Dirs>) -> Result<Opened, LoadError> {
        Session::open_in(path, dirs, Lang::of_locale)
    }

    /// The same, in the language `choose` gives for the plan's locale (`--lang`, say).
    pub fn open_in(
        path: &Path,
        dirs: Option<Dirs>,
        choose: impl FnOnce(crate::plan::Locale) -> Lang,
    ) -> Result<Opened, LoadError> {
        let (plan, mut file) = PlanFile::open(path)?;
        let lang = choose(plan.locale);
        let state = dirs.as_ref().map(|d| d.state.clone());
        let lock = file.lock(state.as_deref());
        let read_only = !matches!(lock, LockStatus::Held { .. });
        let mut notes = Vec::new();
        let mut journal_down = None;
        let mut recovery = None;
        let mut journal = None;
        if !read_only {
            match &dirs {
                Some(d) => {
                    let mut j = journal_of(d, path);
                    let left = j.leftover();
                    if !left.is_empty() {
                        let mut r = Recovery::assess(&left, &plan, file.loaded_hash());
                        // Changes that cannot be restored are written down beside the plan
                        // before anything else, so that no answer loses them.
                        if !r.left_out.is_empty() {
                            r.left_out_file = write_down(path, &d.state, &r, lang);
                        }
                        if r.needs_asking() {
                            recovery = Some(r);
                        } else {
                            if r.already > 0 {
                                notes.push(Msg::AlreadySaved { changes: r.already });
                            }
                            if r.damaged > 0 {
                                notes.push(Msg::JournalUnreadable { records: r.damaged });
                            }
                            let _ = j.clear();
                        }
                    }
                    if let Err(e) = j.ready() {
                        journal_down = Some(describe_io(&j.path, &e));
                    }
                    journal = Some(j);
                }
                None => {
                    journal_down = Some(JournalDown::NoFolder);
                }
            }
        }
        // The conflicts a git merge left in this very version of the file, once any journal
        // is answered (a record waits for a later open meanwhile).
        let mut merge_record = None;
        if !read_only
            && recovery.is_none()
            && let (Some(d), Some(hash)) = (&dirs, file.loaded_hash())
            && let Some((at, record)) = crate::merge::Record::find(&d.state, hash)
        {
            let r = Recovery::of_git_merge(&record.conflicts, &plan);
            if r.has_changes() {
                recovery = Some(r);
                merge_record = Some(at);
            } else {
                let _ = std::fs::remove_file(&at);
            }
        }
        let enter_to_pending = dirs_enter(&dirs);
        Ok(Opened {
            lang,
            plan,
            session: Session {
                file,
                dirs,
                journal,
                since_save: Vec::new(),
                audit_pending: Vec::new(),
                audit_unwritten: Vec::new(),
                journal_behind: false,
                merge_record,
            },
            lock,
            recovery,
            journal_down,
            notes,
            first_run: None,
            enter_to_pending,
        })
    }

    /// Builds the app for an opened plan: what opening found (the language, the lock, the
    /// journal, changes to restore) reaches it as an outcome through `update`, as every
    /// other outcome does.
    pub fn app(opened: Opened) -> (App, Session) {
        let Opened {
            lang,
            plan,
            session,
            lock,
            recovery,
            journal_down,
            notes,
            first_run,
            enter_to_pending,
        } = opened;
        let mut app = App::new(plan, session.file.path.clone());
        // The plan's history, for the detail pane (a log that cannot be read shows none).
        app.audit = store::audit::read(&session.file.path)
            .map(|(records, _)| records)
            .unwrap_or_default();
        let effect = app.update(Action::Done(Box::new(Outcome::Opened {
            lang,
            lock,
            recovery: recovery.map(Box::new),
            journal_down,
            notes,
            first_run,
            enter_to_pending,
        })));
        debug_assert_eq!(effect, Effect::None, "opening asks, it does nothing");
        (app, session)
    }

    /// Carries out `effect` and every effect that follows from its outcome; true when the
    /// app should end.
    pub fn carry_out(&mut self, app: &mut App, mut effect: Effect) -> bool {
        loop {
            if effect == Effect::Quit {
                self.close();
                return true;
            }
            match self.perform(app, effect) {
                Some(outcome) => effect = app.update(Action::Done(Box::new(outcome))),
                None => return false,
            }
        }
    }

    /// A clean end: the journal is no longer needed.
    fn close(&mut self) {
        if let Some(j) = &mut self.journal {
            let _ = j.clear();
        }
    }

    /// Carries out one effect; what came of it, for the app.
    pub fn perform(&mut self, app: &App, effect: Effect) -> Option<Outcome> {
        match effect {
            Effect::None | Effect::Quit => None,
            Effect::RememberEnterToPending(pending) => {
                // A preference: when it cannot be written, it is only not remembered.
                if let Some(d) = &self.dirs {
                    let _ = d.remember_enter_to_pending(pending);
                }
                None
            }
            Effect::Journal(changes) => {
                self.since_save.extend(changes.iter().cloned());
                let typed = changes
                    .iter()
                    .map(|c| (store::audit::Source::Typed, c.clone()));
                self.audit_pending.extend(typed);
                self.journal(app, Some(&changes))
            }
            Effect::RewriteJournal { changes, merge } => {
                let source = if merge {
                    store::audit::Source::Merge
                } else {
                    store::audit::Source::Restore
                };
                self.audit_pending = changes
                    .iter()
                    .map(|c| (source.clone(), c.clone()))
                    .collect();
                self.answered(app);
                self.since_save = changes;
                self.journal(app, None)
            }
            Effect::DropJournal => {
                self.answered(app);
                self.since_save.clear();
                self.audit_pending.clear();
                self.journal_behind = false;
                match &mut self.journal {
                    Some(j) => j.clear().err().map(|e| {
                        // Written whole at the next change, not appended to what it holds.
                        self.journal_behind = true;
                        Outcome::JournalNotCleared(describe_io(&j.path, &e))
                    }),
                    None => None,
                }
            }
            Effect::Save => Some(self.save(app, false)),
            Effect::SaveOverwrite => Some(self.save(app, true)),
            Effect::SaveAs(path) => Some(self.save_as(app, &path, false)),
            Effect::SaveAsReplacing(path) => Some(self.save_as(app, &path, true)),
            Effect::Reload => Some(self.reload(app, false)),
            Effect::ReloadMerging => Some(self.reload(app, true)),
            Effect::TakeTheirs(theirs) => Some(self.take_theirs(&theirs)),
            Effect::Export {
                format,
                path,
                replace,
            } => Some(self.export(app, format, &path, replace)),
            Effect::ReadForms(path) => Some(read_forms(app, &path)),
            Effect::Imported(changes) => {
                let fields: Vec<FieldChange> = changes.iter().map(|(c, _)| c.clone()).collect();
                self.since_save.extend(fields.iter().cloned());
                self.audit_pending.extend(
                    changes
                        .into_iter()
                        .map(|(c, from)| (store::audit::Source::Import(from), c)),
                );
                self.journal(app, Some(&fields))
            }
        }
    }

    /// Once the git merge's conflicts offered at the open are answered (the choices are then
    /// in the journal, as one step), their record goes.
    fn answered(&mut self, app: &App) {
        if app.recovery.is_none()
            && let Some(path) = self.merge_record.take()
        {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Records changes in the journal: appended when it is up to date, or the journal
    /// rewritten with every change since the last save when a write had failed.
    fn journal(&mut self, app: &App, changes: Option<&[FieldChange]>) -> Option<Outcome> {
        if app.read_only {
            return None;
        }
        let base = self.file.loaded_hash();
        let Some(j) = &mut self.journal else {
            return Some(Outcome::JournalFailed(
                app.journal_down.clone().unwrap_or(JournalDown::NoFolder),
            ));
        };
        let since_save = &self.since_save;
        let rewrite = |j: &mut Journal| j.rewrite(base, &change::net(since_save.iter().cloned()));
        let written = match changes {
            // Appended when the journal is up to date; rewritten whole when that fails.
            Some(c) if !self.journal_behind => j.append(base, c).or_else(|_| rewrite(j)),
            _ => rewrite(j),
        };
        match written {
            Ok(()) => {
                self.journal_behind = false;
                app.journal_down
                    .is_some()
                    .then_some(Outcome::JournalWritten)
            }
            Err(e) => {
                self.journal_behind = true;
                Some(Outcome::JournalFailed(describe_io(&j.path, &e)))
            }
        }
    }

    /// After a save: what reached the file goes to its audit log, once the file is safe.
    /// `replaced` is the plan the file held when it was not the version this run's edits
    /// started from (a version overwritten, a file replaced by save-as): the log then
    /// records every field that the write changed, not only this run's edits.
    fn saved(
        &mut self,
        result: Result<store::Saved, SaveFailure>,
        own_folder: bool,
        written: &crate::plan::Plan,
        replaced: Option<crate::plan::Plan>,
    ) -> Outcome {
        match result {
            Ok(mut s) => {
                let pending = std::mem::take(&mut self.audit_pending);
                let changes = match &replaced {
                    Some(before) => {
                        // Each with how it came, where this run made it; typed otherwise.
                        store::audit::changes_between(before, written)
                            .into_iter()
                            .map(|c| {
                                let source = pending
                                    .iter()
                                    .rev()
                                    .find(|(_, p)| p.key() == c.key())
                                    .map_or(store::audit::Source::Typed, |(s, _)| s.clone());
                                (source, c)
                            })
                            .collect()
                    }
                    None => pending,
                };
                // Records a failed write left are tried again first.
                let mut records = std::mem::take(&mut self.audit_unwritten);
                records.extend(store::audit::records_of(&changes));
                match store::audit::append(&s.path, &records) {
                    Ok(()) => s.audit = records,
                    Err(e) => {
                        s.audit_failed =
                            Some((store::audit::path_of(&s.path), store::Cause::from(&e)));
                        self.audit_unwritten = records;
                    }
                }
                self.since_save.clear();
                self.journal_behind = false;
                // A journal that could not be cleared is rewritten whole at the next change.
                if let Some(j) = &mut self.journal
                    && j.clear().is_err()
                {
                    self.journal_behind = true;
                }
                Outcome::Saved(s)
            }
            Err(SaveFailure::ChangedOnDisk)
            | Err(SaveFailure::Write(WriteError::Changed { .. })) => Outcome::ChangedOnDisk,
            Err(SaveFailure::Unreadable(e)) => Outcome::SaveFailed(Problem::Unreadable {
                path: self.file.path.clone(),
                cause: store::Cause::from(&e),
            }),
            Err(SaveFailure::Write(e)) => Outcome::SaveFailed(Problem::from_write(&e, own_folder)),
        }
    }

    fn save(&mut self, app: &App, force: bool) -> Outcome {
        if app.read_only {
            return Outcome::SaveFailed(Problem::ReadOnly);
        }
        // Overwriting another version: the log records what the write changed in it.
        let replaced = force
            .then(|| store::load(&self.file.path).ok().map(|(p, _)| p))
            .flatten();
        let r = if force {
            self.file.save(&app.plan, true)
        } else {
            let changes = change::net(self.since_save.iter().cloned());
            self.file.save_changes(&app.plan, &changes)
        };
        self.saved(r, true, &app.plan, replaced)
    }

    fn save_as(&mut self, app: &App, path: &Path, replace: bool) -> Outcome {
        if self.file.is_same_file(path) {
            // A read-only perfplan never writes the plan another one is editing.
            if app.read_only {
                return Outcome::SaveFailed(Problem::IsThePlan {
                    path: path.to_path_buf(),
                });
            }
            return self.save(app, false);
        }
        if let Ok(meta) = std::fs::metadata(path) {
            if let Some(what) = store::atomic::not_a_file(&meta) {
                return Outcome::SaveFailed(Problem::NotAFile {
                    path: path.to_path_buf(),
                    what,
                });
            }
            if !replace {
                return Outcome::SaveAsExists(path.to_path_buf());
            }
        }
        // The name's lock first: a plan another perfplan has open (even one whose file is
        // gone for a moment) keeps it.
        let state = self.dirs.as_ref().map(|d| d.state.clone());
        let lock = match store::PlanLock::for_name(path, state.as_deref(), None) {
            store::lock::Locked::Held(l) => Ok(l),
            store::lock::Locked::Taken => {
                return Outcome::SaveFailed(Problem::OpenElsewhere {
                    path: path.to_path_buf(),
                });
            }
            store::lock::Locked::Unavailable(why) => Err(why),
        };
        // Replacing another plan: the log beside it records what the write changed in it.
        let replaced = store::load(path).ok().map(|(p, _)| p);
        let r = self.file.save_as(&app.plan, path, lock);
        let held = r
            .as_ref()
            .is_ok_and(|s| matches!(s.lock, Some(LockStatus::Held { .. })));
        let ok = r.is_ok();
        // The old name's journal is cleared with the save.
        let outcome = self.saved(r, false, &app.plan, replaced);
        if ok && let Some(d) = &self.dirs {
            let _ = d.remember(&self.file.path);
            // A copy this perfplan may not change (its name cannot be locked) has no
            // journal; one it holds the lock of starts its own: a journal left for that
            // name belongs to a run that ended, on the file now replaced.
            self.journal = held.then(|| {
                let mut j = journal_of(d, &self.file.path);
                let _ = j.clear();
                let _ = j.ready();
                j
            });
        }
        outcome
    }

    /// Reads the plan's file again; the unsaved edits go to a file beside it first. With
    /// `merge`, the changes made since the last save are then offered again on the version
    /// read, as a restore is (fields changed on both sides listed).
    fn reload(&mut self, app: &App, merge: bool) -> Outcome {
        let aside = if app.is_dirty() {
            let path = store::atomic::aside_path(&self.file.path, "unsaved", ".ron");
            // In the layout of the file as it is now, comments and all, where it still has
            // the plan's shape; in perfplan's otherwise.
            let base = std::fs::read_to_string(&self.file.path).ok();
            let text = PlanFile::text_like(base.as_deref(), &app.plan);
            match store::replace(&path, text.as_bytes(), Replace::plain()) {
                Ok(_) => Some(path),
                Err(e) => {
                    return Outcome::ReloadFailed {
                        why: ReloadProblem::AsideFailed(Problem::from_write(&e, true)),
                        aside: None,
                    };
                }
            }
        } else {
            None
        };
        let changes = change::net(std::mem::take(&mut self.since_save));
        // With a merge, the changes stay in the journal, on the version read, while the
        // user decides: a crash then offers them again.
        let keep = if merge { changes.clone() } else { Vec::new() };
        match self.read_again(None, keep) {
            Ok(again) => {
                let merge = (!self.since_save.is_empty())
                    .then(|| Box::new(Recovery::of_changes(&self.since_save, &again.plan)));
                Outcome::Reloaded {
                    plan: Box::new(again.plan),
                    path: self.file.path.clone(),
                    lock: again.lock,
                    aside,
                    mine: None,
                    theirs: None,
                    merge,
                    journal_failed: again.journal_failed,
                }
            }
            Err(e) => {
                // Nothing changed: the changes are still the app's.
                self.since_save = changes;
                Outcome::ReloadFailed {
                    why: ReloadProblem::Load(Shared::new(e)),
                    aside,
                }
            }
        }
    }

    /// Opens the plan's file as it is now in place of the one open, with its lock: the lock
    /// `written` took on a file just written here, the one already held when it covers the
    /// file, or a new one (taken before the old one goes). The journal starts afresh, with
    /// the changes to `keep` when this perfplan may change the plan.
    fn read_again(
        &mut self,
        written: Option<std::fs::File>,
        keep: Vec<FieldChange>,
    ) -> Result<ReadAgain, LoadError> {
        let (plan, mut fresh) = PlanFile::open(&self.file.path)?;
        let state = self.dirs.as_ref().map(|d| d.state.clone());
        let lock = match self.file.lock.take() {
            // The lock on the plan's name stays; the file's lock moves to the file now
            // in place.
            Some(mut held) if held.covers(&fresh.path) => {
                let status = if held.relock_file(&fresh.path, written) {
                    LockStatus::Held {
                        stand_in: held.stand_in().map(Path::to_path_buf),
                    }
                } else {
                    LockStatus::Taken
                };
                fresh.lock = Some(held);
                status
            }
            old => {
                // Another name's lock: let it go first (this process would otherwise stand
                // in its own way), then take this one.
                drop(old);
                match written {
                    Some(file) => fresh.hold(store::PlanLock::for_name(
                        &fresh.path,
                        state.as_deref(),
                        Some(file),
                    )),
                    None => fresh.lock(state.as_deref()),
                }
            }
        };
        let read_only = !matches!(lock, LockStatus::Held { .. });
        self.file = fresh;
        self.since_save = if read_only { Vec::new() } else { keep };
        // The file read again is the one on disk: what was pending for its audit log is
        // not in it (changes offered again on it come back as a merge).
        self.audit_pending.clear();
        self.journal_behind = false;
        if read_only {
            // This run's records (it held the lock: a perfplan without one has no journal)
            // were set aside with the reload; a read-only perfplan journals nothing.
            if let Some(mut j) = self.journal.take() {
                let _ = j.clear();
            }
        } else if self.journal.is_none()
            && let Some(d) = &self.dirs
        {
            // A perfplan that was read-only and now holds the lock gets its journal.
            self.journal = Some(journal_of(d, &self.file.path));
        }
        let mut journal_failed = None;
        if let Some(j) = &mut self.journal
            && let Err(e) = j.rewrite(self.file.loaded_hash(), &self.since_save)
        {
            self.journal_behind = true;
            if !self.since_save.is_empty() {
                journal_failed = Some(describe_io(&j.path, &e));
            }
        }
        Ok(ReadAgain {
            plan,
            lock,
            journal_failed,
        })
    }

    /// Puts the version kept at `theirs` back in the plan's place, keeping ours aside.
    fn take_theirs(&mut self, theirs: &Path) -> Outcome {
        let failed =
            |why: ReloadProblem, mine: Option<PathBuf>| Outcome::ReloadFailed { why, aside: mine };
        // Their version must load before it takes the plan's place.
        let (theirs_plan, text) = match store::load(theirs) {
            Ok(loaded) => loaded,
            Err(LoadError::Io { source, .. }) => {
                return failed(
                    ReloadProblem::TheirsUnreadable {
                        path: theirs.to_path_buf(),
                        cause: store::Cause::from(&source),
                    },
                    None,
                );
            }
            Err(e) => {
                return failed(ReloadProblem::TheirsDoesNotLoad(Shared::new(e)), None);
            }
        };
        let mine = store::atomic::aside_path(&self.file.path, "mine", "");
        if let Err(e) = store::atomic::second_name(&self.file.path, &mine) {
            let dir = mine.parent().map(Path::to_path_buf).unwrap_or_default();
            let why = Problem::from_write(&store::WriteError::Io { dir, source: e }, true);
            return failed(ReloadProblem::MineNotKept(why), None);
        }
        let mut how = Replace::plan(match self.file.loaded_hash() {
            Some(h) => store::Expect::Hash(h),
            None => store::Expect::Nothing,
        });
        how.backup = false;
        let before = store::load(&self.file.path).ok().map(|(p, _)| p);
        let done = match store::replace(&self.file.path, text.as_bytes(), how) {
            Ok(done) => done,
            Err(e) => {
                return failed(
                    ReloadProblem::TheirsNotPut(Problem::from_write(&e, true)),
                    Some(mine),
                );
            }
        };
        // Their version is now the plan's file: the log says what it changed (taken as a
        // merge of theirs). A log that cannot be written does not undo the taking.
        if let Some(before) = before {
            let taken: Vec<_> = store::audit::changes_between(&before, &theirs_plan)
                .into_iter()
                .map(|c| (store::audit::Source::Merge, c))
                .collect();
            let _ = store::audit::append(&self.file.path, &store::audit::records_of(&taken));
        }
        match self.read_again(done.lock, Vec::new()) {
            Ok(again) => Outcome::Reloaded {
                plan: Box::new(again.plan),
                path: self.file.path.clone(),
                lock: again.lock,
                aside: None,
                mine: Some(mine),
                theirs: done.theirs,
                merge: None,
                journal_failed: None,
            },
            Err(e) => failed(ReloadProblem::Load(Shared::new(e)), Some(mine)),
        }
    }

    /// Writes the app's summary in `format` to `path`: never over the plan itself, nor
    /// over what is not a regular file, nor (unless `replace`) over an existing file.
    fn export(
        &mut self,
        app: &App,
        format: crate::export::Format,
        path: &Path,
        replace: bool,
    ) -> Outcome {
        use store::atomic::Refused;
        match store::atomic::output_target(&self.file.path, path) {
            Err(Refused::IsThePlan) => {
                return Outcome::ExportFailed(Problem::IsThePlan {
                    path: path.to_path_buf(),
                });
            }
            Err(Refused::NotAFile(what)) => {
                return Outcome::ExportFailed(Problem::NotAFile {
                    path: path.to_path_buf(),
                    what,
                });
            }
            Ok(true) if !replace => {
                return Outcome::ExportExists {
                    format,
                    path: path.to_path_buf(),
                };
            }
            Ok(_) => {}
        }
        // The period shown in the app is the one exported.
        let summary = crate::summary::Summary::at_period(&app.plan, app.scores.period(), app.lang);
        let opts =
            crate::export::Options::for_locale(app.plan.locale, chrono::Local::now().date_naive());
        let bytes = match crate::export::render(&summary, format, &opts) {
            Ok(b) => b,
            Err(e) => return Outcome::ExportFailed(Problem::Render(Shared::new(e))),
        };
        match store::replace(path, &bytes, Replace::plain()) {
            Ok(done) => Outcome::Exported {
                format,
                path: path.to_path_buf(),
                replaced: done.existed,
                provisional: {
                    let (measured, total) = summary.indicator_counts();
                    (measured < total).then_some((measured, total))
                },
            },
            Err(e) => Outcome::ExportFailed(Problem::from_write(&e, false)),
        }
    }
}

/// The forms at `path` (a file, or every form in a folder) read against the app's plan.
fn read_forms(app: &App, path: &Path) -> Outcome {
    let files = crate::forms::import::forms_at(path);
    if files.is_empty() {
        return Outcome::NoForms(path.to_path_buf());
    }
    Outcome::FormsRead(Box::new(crate::forms::import::read(&app.plan, &files)))
}
