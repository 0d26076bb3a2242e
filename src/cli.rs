//! The command line: what each command takes, and running it. Exit codes scripts can rely
//! on: 0 done, 1 the plan has errors (`check`, `score`, `export` without `--force`) or the
//! command could not do its job (an export that cannot be written), or the plans differ
//! (`diff --exit-code`), 2 a plan cannot be read. `score` still prints the scores of a plan with errors (they leave out what is
//! wrong, and say so), as the app does; `export` writes such a plan only as a draft.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::export::ExportError;
use crate::lang::{Lang, Say};
use crate::paths::{DirError, ExampleCopy};
use crate::plan::Plan;
use crate::report;
use crate::store::{self, LoadError, WriteError};
use crate::summary::Summary;
use crate::validate::{self, Severity};

/// Exit code: the plan has errors, or the command could not do its job.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code: the plan file cannot be read (missing, not text, not a plan).
pub const EXIT_UNREADABLE: u8 = 2;

/// What a command says, besides the plan's findings and the summary (see `lang::CliWords`).
#[derive(Debug)]
pub enum Msg<'a> {
    /// The last line of `check`.
    Counts {
        indicators: usize,
        errors: usize,
        warnings: usize,
    },
    CannotWriteOutput(&'a std::io::Error),
    BadDelimiter,
    BadDecimal,
    SameSeparators,
    /// `export` of a plan with errors, without `--force`.
    NotExportedForErrors {
        errors: usize,
    },
    XlsxNotToStdout,
    Render(&'a ExportError),
    IsThePlan {
        out: &'a Path,
    },
    NotAFile {
        out: &'a Path,
        /// What it is instead.
        what: crate::store::NotAFile,
    },
    Exported {
        out: &'a Path,
        replaced: bool,
    },
    NotExported(&'a WriteError),
    /// `gen`: a plan larger than perfplan reads.
    TooBig {
        indicators: usize,
        mib: usize,
        max_mib: u64,
        fit: usize,
    },
    Generated {
        out: &'a Path,
        replaced: bool,
        indicators: usize,
        bytes: usize,
    },
    NotGenerated {
        out: &'a Path,
        error: &'a WriteError,
    },
    /// `rollover`: the next year's plan is written.
    RolledOver {
        out: &'a Path,
        year: i32,
        indicators: usize,
        baselines: usize,
    },
    /// `rollover`: a year that is not after the plan's, or past 9999.
    YearNotAfter {
        year: i32,
        plan_year: i32,
    },
    /// `rollover`: the new plan could not be written.
    NotRolledOver(&'a WriteError),
    /// `rollover`: the file to write exists already (it is never replaced).
    OutputExists {
        out: &'a Path,
    },
    /// `rollover`: the plan's text could not be followed to write the new plan in it.
    RolloverShape,
    /// `collect` of a plan with errors.
    NotCollectedForErrors {
        errors: usize,
    },
    /// `import`: a form or row that is wrong.
    ImportProblem(&'a crate::forms::import::Problem),
    /// `import`: nothing applied, for the problems above.
    ImportRefused {
        problems: usize,
    },
    /// `import`: a value changed in the plan since the form was written.
    ImportConflict(Box<ImportConflictLine<'a>>),
    /// `import`: one change, with the realization before and after.
    ImportChange(Box<ImportChangeLine<'a>>),
    /// `import`: the overall scores before and after (at a period, when the values are).
    ImportScores(Box<ImportScoresLine<'a>>),
    /// `import`: how many changes, conflicts and unchanged values; applied or not.
    ImportTally {
        changes: usize,
        conflicts: usize,
        unchanged: usize,
        applied: bool,
    },
    /// `import --apply`: another perfplan has the plan open.
    ImportLocked,
    /// `import --apply`: the save failed.
    ImportNotSaved(&'a store::SaveFailure),
    /// `import` of a CSV: its values cannot be checked against changes made in the plan
    /// since it was exported.
    ImportCsvUnchecked,
    /// `log --since` that is not a date.
    BadSince(&'a crate::plan::locale::InputError),
    /// The audit log could not be added to.
    LogNotWritten(&'a Path, &'a std::io::Error),
    /// The audit log exists but cannot be read.
    CannotReadLog(&'a Path, &'a std::io::Error),
    /// Lines of the audit log that could not be read (cut short by a crash).
    LogDamaged {
        lines: usize,
    },
    /// `log` with nothing to print.
    LogEmpty,
    /// `--period NAME` names no period of the plan.
    UnknownPeriod {
        name: &'a str,
        /// The plan's periods (empty: it names none).
        known: Vec<String>,
    },
    /// No plan named and no folder for the example plan.
    NoExample(&'a DirError),
    /// `diff` given neither two plans nor the seven (or nine) arguments of git's external
    /// diff.
    DiffArguments {
        count: usize,
    },
    TerminalFailed(&'a std::io::Error),
    /// `merge`: one thing the merge could not do on its own (OURS' value is kept).
    MergeConflict(&'a crate::merge::Conflict),
    /// `merge`: what was merged.
    Merged {
        taken: usize,
        added: usize,
        removed: usize,
        conflicts: usize,
    },
    /// `merge`: the text of OURS could not be followed or rewritten faithfully.
    NotMerged,
    /// `merge`: the merged plan could not be written over OURS.
    MergeNotWritten(&'a WriteError),
    /// `merge`: where the conflicts were recorded for the app (`None`: they could not be).
    MergeRecorded {
        path: Option<&'a Path>,
    },
    /// `collect`: a form written.
    Collected {
        out: &'a Path,
        /// The office (`None`: the indicators no office owns).
        office: Option<&'a str>,
        indicators: usize,
        replaced: bool,
    },
    /// `collect`: an office of the plan's list that owns no indicator gets no form.
    NoFormForOffice {
        office: &'a str,
    },
    /// `collect`: the plan has no indicator at all.
    NothingToCollect,
    /// `collect --deadline` that is not a date.
    BadDeadline(&'a crate::plan::locale::InputError),
    /// `collect`: a form's file exists already, and `--force` was not given.
    FormExists {
        out: &'a Path,
    },
    /// `collect`: a form's place is the plan, or not a file.
    FormRefused {
        out: &'a Path,
        why: crate::store::atomic::Refused,
    },
    /// `collect`: the output folder could not be made (or is not a folder).
    NoOutputDir {
        dir: &'a Path,
        error: &'a std::io::Error,
    },
    /// `collect`: the spreadsheet could not be built.
    FormNotBuilt(&'a rust_xlsxwriter::XlsxError),
    /// `collect`: a form could not be written (those before it were).
    FormNotWritten {
        out: &'a Path,
        error: &'a WriteError,
    },
}

/// `import`'s line for a value changed in the plan since the form was written.
#[derive(Debug)]
pub struct ImportConflictLine<'a> {
    pub at: &'a crate::forms::import::RowPlace,
    pub id: &'a str,
    pub field: &'a str,
    pub period: Option<&'a str>,
    pub held: String,
    pub now: String,
    pub sent: String,
}

/// `import`'s line for one change, with the realization before and after.
#[derive(Debug)]
pub struct ImportChangeLine<'a> {
    pub id: &'a str,
    pub field: &'a str,
    pub period: Option<&'a str>,
    pub old: String,
    pub new: String,
    pub before: String,
    pub after: String,
    pub from: &'a Path,
}

/// `import`'s line of the overall scores before and after.
#[derive(Debug)]
pub struct ImportScoresLine<'a> {
    pub period: Option<&'a str>,
    pub strategic: (String, String),
    pub operational: (String, String),
}

/// Prints a message on standard error, after the program's name.
fn tell(msg: Msg, lang: Lang) {
    eprintln!("perfplan: {}", msg.say(lang));
}

#[derive(Debug, Parser)]
#[command(
    name = "perfplan",
    version,
    about = "Score a public body's performance plan: type the year-end results, read the weighted scores.",
    long_about = None,
    // Written out: `--lang` goes before or after the command, the plan to open with no command.
    override_usage = "perfplan [OPTIONS] [PLAN]\n       perfplan [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// The plan to open in the app (default: the plan used last, or the bundled example).
    pub plan: Option<PathBuf>,
    /// The language of the interface, messages and exports (default: the plan's locale;
    /// the PERFPLAN_LANG variable also sets it; without a plan, the system's locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::lang::Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan: exit 0 when valid (warnings printed), 1 on errors, 2 when unreadable.
    Check {
        /// The plan file (.ron).
        plan: PathBuf,
    },
    /// Write the summary for the Giunta and the OIV as XLSX, CSV, Markdown or HTML.
    Export {
        /// The plan file (.ron).
        plan: PathBuf,
        /// The format to write.
        #[arg(long, short, value_enum)]
        format: crate::export::Format,
        /// Where to write (default: beside the plan, same name, the format's extension;
        /// `-` writes a text format to standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// CSV field separator (default: `;` for Italian plans, `,` for English ones).
        #[arg(long)]
        delimiter: Option<char>,
        /// CSV decimal separator (default: `,` for Italian plans, `.` for English ones).
        #[arg(long)]
        decimal: Option<char>,
        /// Export a plan that has errors, as a draft: every format then says so on top and
        /// lists the errors.
        #[arg(long)]
        force: bool,
        /// The monitoring period to export (default: the year's final one).
        #[arg(long)]
        period: Option<String>,
    },
    /// Write a realistic generated plan of any size (for benchmarks and trials).
    #[command(hide = true)]
    Gen {
        /// How many indicators.
        #[arg(long)]
        indicators: usize,
        /// Another seed gives another plan of the same size.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the plan.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Write next year's plan: same structure, codes, weights and targets, each
    /// indicator's last result as its baseline, results and notes cleared.
    Rollover {
        /// The plan file (.ron).
        plan: PathBuf,
        /// The new plan's year.
        #[arg(long)]
        year: i32,
        /// Where to write the new plan (a file that does not exist yet; `-`: standard
        /// output).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Compare two versions of a plan: what changed (indicators by id, objectives by place)
    /// and what it did to the realizations and scores. Exit 0 whether or not they differ
    /// (1 when they differ with --exit-code), 2 when one cannot be read.
    #[command(after_help = GIT_HELP)]
    Diff {
        /// The old version (.ron).
        old: PathBuf,
        /// The new version (.ron).
        new: PathBuf,
        /// The rest of the seven (nine for a rename) arguments git gives an external diff (path, old file, old
        /// hash, old mode, new file, new hash, new mode).
        #[arg(hide = true, num_args = 0..)]
        git: Vec<PathBuf>,
        /// Print JSON for scripts instead of the table.
        #[arg(long)]
        json: bool,
        /// Exit 1 when the plans differ, 0 when they do not (as `git diff --exit-code`).
        #[arg(long)]
        exit_code: bool,
    },
    /// Read the offices' forms (XLSX from `collect`, or CSV in the export's shape): every
    /// row checked; prints what would change, and writes it with --apply. Exit 1, nothing
    /// applied, when any row is wrong; conflicts are listed and not applied.
    Import {
        /// The plan file (.ron).
        plan: PathBuf,
        /// The forms.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the changes into the plan (through the same safe save as the app).
        #[arg(long)]
        apply: bool,
    },
    /// Print the plan's audit log: every change that reached the file, when, by whom and
    /// how.
    Log {
        /// The plan file (.ron).
        plan: PathBuf,
        /// Only the changes of this indicator.
        #[arg(long)]
        id: Option<String>,
        /// Only the changes made on or after this day (31/12/2017 or 2017-12-31).
        #[arg(long)]
        since: Option<String>,
        /// Print JSON for scripts instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Merge three versions of a plan by indicator id and field, as a git merge driver:
    /// THEIRS' changes since BASE are written into OURS, keeping OURS' comments and layout.
    /// Exit 0 when clean, 1 on conflicts (OURS' values kept, the conflicts recorded for the
    /// app), 2 when a version cannot be read (OURS left as it is).
    #[command(after_help = MERGE_HELP)]
    Merge {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our version, where the result is written (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The plan's name in the repository (git's %P), kept in the record of conflicts.
        name: Option<String>,
    },
    /// Write one XLSX form per office for it to fill in its new results and notes (and
    /// one for the indicators no office owns), in the plan's language.
    Collect {
        /// The plan file (.ron).
        plan: PathBuf,
        /// The folder to write the forms in (made if missing).
        #[arg(long, short)]
        output: PathBuf,
        /// The day the offices send the forms back by (31/12/2017 or 2017-12-31).
        #[arg(long)]
        deadline: Option<String>,
        /// The monitoring period to collect (default: the year's final one).
        #[arg(long)]
        period: Option<String>,
        /// Replace forms already in the folder (without it, an existing form is refused and
        /// nothing is written).
        #[arg(long)]
        force: bool,
    },
    /// Print the scored tree with weights, results, targets and realizations.
    Score {
        /// The plan file (.ron).
        plan: PathBuf,
        /// Print JSON for scripts instead of the table.
        #[arg(long)]
        json: bool,
        /// The monitoring period to score (default: the year's final one).
        #[arg(long)]
        period: Option<String>,
    },
}

/// Writes next year's plan (see [`crate::rollover`]) to `out`, which must not exist.
pub fn rollover(path: &Path, year: i32, out: &Path, lang: Option<Lang>) -> ExitCode {
    let flag = lang;
    let (plan, text) = match store::load(path) {
        Ok(loaded) => loaded,
        Err(e) => {
            report_load_error(&e, unreadable_lang(path, flag));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let lang = Lang::for_plan(flag, plan.locale);
    let refuse = |msg: Msg| {
        tell(msg, lang);
        ExitCode::from(EXIT_ERRORS)
    };
    if year <= plan.year || year > 9999 {
        return refuse(Msg::YearNotAfter {
            year,
            plan_year: plan.year,
        });
    }
    let to_stdout = out == Path::new("-");
    if !to_stdout && (out.exists() || out.symlink_metadata().is_ok()) {
        return refuse(Msg::OutputExists { out });
    }
    // What is wrong in this year's plan will be wrong in the next: said, not refused.
    report_findings(path, &plan, lang);
    let next = crate::rollover::rollover(&plan, year);
    // What is written must read back as the plan meant, or nothing is written.
    let new_text = match store::patch_whole(&text, &next) {
        Ok(t) if store::parse(out, &t).is_ok_and(|back| back == next) => t,
        _ => return refuse(Msg::RolloverShape),
    };
    if to_stdout {
        return write_stdout(&new_text, lang);
    }
    match crate::store::replace(out, new_text.as_bytes(), crate::store::Replace::plain()) {
        Ok(_) => {
            tell(
                Msg::RolledOver {
                    out,
                    year,
                    indicators: next.indicator_count(),
                    baselines: next
                        .indicators()
                        .filter(|(_, i)| i.baseline.is_some())
                        .count(),
                },
                lang,
            );
            ExitCode::SUCCESS
        }
        Err(e) => refuse(Msg::NotRolledOver(&e)),
    }
}

/// A value as a line of `import` or `log` shows it, in the plan's locale.
fn value_text(
    loc: crate::plan::Locale,
    unit: &crate::plan::Unit,
    v: &crate::plan::FieldValue,
) -> String {
    use crate::plan::FieldValue;
    match v {
        FieldValue::Result(Some(x)) => loc.value(*x, unit),
        FieldValue::Override(Some(o)) => {
            format!("{} ({})", loc.percent(o.realization.value()), o.reason)
        }
        FieldValue::Note(Some(t)) | FieldValue::NotAssessable(Some(t)) => format!("«{t}»"),
        FieldValue::Target(t) => loc.target(t, unit),
        FieldValue::TargetChanges(list) => list
            .last()
            .map_or("—".to_string(), |c| format!("«{}»", c.reason)),
        _ => "—".to_string(),
    }
}

/// Reads the offices' forms into the plan: what would change (and, with `apply`, writes
/// it through the safe save, logged as imported).
pub fn import(path: &Path, files: &[PathBuf], apply: bool, lang: Option<Lang>) -> ExitCode {
    use crate::forms::import as imp;
    let flag = lang;
    let (mut plan, mut file) = match store::PlanFile::open(path) {
        Ok(opened) => opened,
        Err(e) => {
            report_load_error(&e, unreadable_lang(path, flag));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let lang = Lang::for_plan(flag, plan.locale);
    let loc = plan.locale;
    // A folder stands for the forms in it.
    let files: Vec<PathBuf> = files
        .iter()
        .flat_map(|f| {
            let found = imp::forms_at(f);
            if found.is_empty() {
                vec![f.clone()]
            } else {
                found
            }
        })
        .collect();
    let read = imp::read(&plan, &files);
    let mut out = String::new();
    for p in &read.problems {
        out.push_str(&crate::text::for_terminal(&Msg::ImportProblem(p).say(lang)));
        out.push('\n');
    }
    if !read.problems.is_empty() {
        out.push_str(
            &Msg::ImportRefused {
                problems: read.problems.len(),
            }
            .say(lang),
        );
        out.push('\n');
        let _ = write_stdout(&out, lang);
        return ExitCode::from(EXIT_ERRORS);
    }
    let words = lang.words();
    let unit_of = |id: &str| {
        plan.find_indicator(id)
            .map(|p| plan.indicator(p).unit.clone())
            .unwrap_or(crate::plan::Unit::Number)
    };
    for c in &read.conflicts {
        let unit = unit_of(&c.id);
        out.push_str(&crate::text::for_terminal(
            &Msg::ImportConflict(Box::new(ImportConflictLine {
                at: &c.at,
                id: &c.id,
                field: words.field_name(crate::app::msg::FieldName::of(c.field)),
                period: c.period.as_deref(),
                held: value_text(loc, &unit, &c.held),
                now: value_text(loc, &unit, &c.now),
                sent: value_text(loc, &unit, &c.sent),
            }))
            .say(lang),
        ));
        out.push('\n');
    }
    // What the changes do to each indicator's realization and to the overall scores, at
    // the period they are of.
    let before = plan.clone();
    let mut after = plan.clone();
    let order = plan.periods.clone();
    for (p, c, _) in &read.changes {
        after
            .indicator_mut(*p)
            .set_at(c.new.clone(), c.period.as_deref(), &order);
    }
    let mut scored: Vec<(Option<String>, (crate::score::Scores, crate::score::Scores))> =
        Vec::new();
    for (_, c, _) in &read.changes {
        if !scored.iter().any(|(p, _)| *p == c.period) {
            let at = c.period.as_deref();
            scored.push((
                c.period.clone(),
                (
                    crate::score::Scores::compute_at(&before, at),
                    crate::score::Scores::compute_at(&after, at),
                ),
            ));
        }
    }
    let shown = |v: Option<rust_decimal::Decimal>| v.map_or("—".to_string(), |d| loc.figure(d));
    for (p, c, from) in &read.changes {
        let unit = &plan.indicator(*p).unit;
        let Some((_, (b, a))) = scored.iter().find(|(p, _)| *p == c.period) else {
            continue;
        };
        out.push_str(&crate::text::for_terminal(
            &Msg::ImportChange(Box::new(ImportChangeLine {
                id: &c.id,
                field: words.field_name(crate::app::msg::FieldName::of(c.field())),
                period: c.period.as_deref(),
                old: value_text(loc, unit, &c.old),
                new: value_text(loc, unit, &c.new),
                before: shown(b.shown(*p)),
                after: shown(a.shown(*p)),
                from,
            }))
            .say(lang),
        ));
        out.push('\n');
    }
    for (period, (b, a)) in &scored {
        out.push_str(
            &Msg::ImportScores(Box::new(ImportScoresLine {
                period: period.as_deref(),
                strategic: (shown(b.shown.strategic), shown(a.shown.strategic)),
                operational: (shown(b.shown.operational), shown(a.shown.operational)),
            }))
            .say(lang),
        );
        out.push('\n');
    }
    // A CSV does not record what the plan held when it was exported: a value changed in the
    // plan since cannot be told from one the office changed.
    if files
        .iter()
        .any(|f| f.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        && !read.changes.is_empty()
    {
        out.push_str(&Msg::ImportCsvUnchecked.say(lang));
        out.push('\n');
    }
    let tally = |applied: bool| {
        Msg::ImportTally {
            changes: read.changes.len(),
            conflicts: read.conflicts.len(),
            unchanged: read.unchanged,
            applied,
        }
        .say(lang)
    };
    if !apply || read.changes.is_empty() {
        out.push_str(&tally(false));
        out.push('\n');
    }
    let mut log_failed = false;
    if apply && !read.changes.is_empty() {
        // The plan is written as the app writes it: locked, only the changed fields, the
        // file checked to be the one read.
        let state = crate::paths::Dirs::locate().ok().map(|d| d.state);
        if !matches!(file.lock(state.as_deref()), store::LockStatus::Held { .. }) {
            let _ = write_stdout(&out, lang);
            tell(Msg::ImportLocked, lang);
            return ExitCode::from(EXIT_ERRORS);
        }
        let changes: Vec<crate::plan::FieldChange> =
            read.changes.iter().map(|(_, c, _)| c.clone()).collect();
        plan = after;
        if let Err(e) = file.save_changes(&plan, &changes) {
            let _ = write_stdout(&out, lang);
            tell(Msg::ImportNotSaved(&e), lang);
            return ExitCode::from(EXIT_ERRORS);
        }
        out.push_str(&tally(true));
        out.push('\n');
        let records: Vec<(store::audit::Source, crate::plan::FieldChange)> = read
            .changes
            .iter()
            .map(|(_, c, from)| {
                (
                    store::audit::Source::Import(from.display().to_string()),
                    c.clone(),
                )
            })
            .collect();
        if let Err(e) = store::audit::append(path, &store::audit::records_of(&records)) {
            tell(Msg::LogNotWritten(&store::audit::path_of(path), &e), lang);
            log_failed = true;
        }
    }
    let written = write_stdout(&out, lang);
    if !read.conflicts.is_empty() || log_failed {
        ExitCode::from(EXIT_ERRORS)
    } else {
        written
    }
}

/// Prints the plan's audit log (see [`store::audit`]), the changes of one indicator or since
/// a day when asked.
pub fn log(
    path: &Path,
    id: Option<&str>,
    since: Option<&str>,
    json: bool,
    lang: Option<Lang>,
) -> ExitCode {
    use crate::plan::FieldValue;
    use crate::store::audit;
    // The plan gives the log its language, locale and units; a log whose plan cannot be
    // read (broken, or gone) is printed all the same, in the system's language.
    let (plan, lang) = match store::load(path) {
        Ok((plan, _)) => {
            let lang = Lang::for_plan(lang, plan.locale);
            (Some(plan), lang)
        }
        Err(e) if audit::path_of(path).is_file() => {
            let lang = unreadable_lang(path, lang);
            report_load_error(&e, lang);
            (None, lang)
        }
        Err(e) => {
            report_load_error(&e, unreadable_lang(path, lang));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let loc = plan.as_ref().map_or(lang.locale(), |p| p.locale);
    let since = match since.map(|s| loc.parse_date(s)) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            tell(Msg::BadSince(&e), lang);
            return ExitCode::from(EXIT_ERRORS);
        }
        None => None,
    };
    let (records, damaged) = match audit::read(path) {
        Ok(read) => read,
        Err(e) => {
            tell(Msg::CannotReadLog(&audit::path_of(path), &e), lang);
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    let chosen: Vec<&audit::Record> = records
        .iter()
        .filter(|r| id.is_none_or(|id| r.change.id == id))
        .filter(|r| since.is_none_or(|d| r.at.date_naive() >= d))
        .collect();
    if damaged > 0 {
        tell(Msg::LogDamaged { lines: damaged }, lang);
    }
    if json {
        let list: Vec<serde_json::Value> = chosen.iter().map(|r| audit::to_json(r)).collect();
        let mut text = serde_json::to_string_pretty(&list).expect("JSON always serializes");
        text.push('\n');
        return write_stdout(&crate::text::json_for_terminal(&text), lang);
    }
    let words = lang.words();
    let mut out = String::new();
    if chosen.is_empty() {
        out.push_str(&Msg::LogEmpty.say(lang));
        out.push('\n');
    }
    for r in chosen {
        let unit = plan
            .as_ref()
            .and_then(|plan| {
                let p = plan.find_indicator(&r.change.id)?;
                Some(plan.indicator(p).unit.clone())
            })
            .unwrap_or(crate::plan::Unit::Number);
        let value = |v: &FieldValue| value_text(loc, &unit, v);
        let how = r.source.said(lang);
        let field = words.field_name(crate::app::msg::FieldName::of(r.change.field()));
        let period = r
            .change
            .period
            .as_ref()
            .map_or(String::new(), |p| format!(" ({p})"));
        out.push_str(&crate::text::for_terminal(&format!(
            "{} {}  {}  {}  {}  {field}{period}: {} → {}",
            loc.date(r.at.date_naive()),
            r.at.format("%H:%M"),
            r.user,
            how,
            r.change.id,
            value(&r.change.old),
            value(&r.change.new)
        )));
        out.push('\n');
    }
    write_stdout(&out, lang)
}

/// The summary at `period` (checked to be one of the plan's), or why not.
fn summary_at(plan: &Plan, period: Option<&str>, lang: Lang) -> Result<Summary, ExitCode> {
    known_period(plan, period, lang)?;
    Ok(Summary::at_period(plan, period, lang))
}

/// `Ok` when `period` is none or one of the plan's periods; else says so.
fn known_period(plan: &Plan, period: Option<&str>, lang: Lang) -> Result<(), ExitCode> {
    if let Some(name) = period
        && !plan.periods.iter().any(|p| p.name == name)
    {
        tell(
            Msg::UnknownPeriod {
                name,
                known: plan.periods.iter().map(|p| p.name.clone()).collect(),
            },
            lang,
        );
        return Err(ExitCode::from(EXIT_ERRORS));
    }
    Ok(())
}

/// How `perfplan diff` is used from git, under its `--help`.
const GIT_HELP: &str = "\
With git, so that a commit of a plan shows what it changed in the plan:
  git config diff.perfplan.command 'perfplan diff'
  echo '*.ron diff=perfplan' >> .gitattributes
then `git diff`, `git log -p --ext-diff` and `git show --ext-diff` compare plans this way
(`--no-ext-diff` shows the lines). Or one comparison at a time:
  git config difftool.perfplan.cmd 'perfplan diff \"$LOCAL\" \"$REMOTE\"'
  git difftool -y -t perfplan HEAD~1 -- PLAN";

/// Loads a plan for a command, printing why not on failure (in the language of the system
/// or of `--lang`: the plan's is not known). Returns the plan and its language.
pub fn load_or_report(path: &Path, flag: Option<Lang>) -> Result<(Plan, Lang), ExitCode> {
    match store::load(path) {
        Ok((plan, _text)) => {
            let lang = Lang::for_plan(flag, plan.locale);
            Ok((plan, lang))
        }
        Err(e) => {
            report_load_error(&e, unreadable_lang(path, flag));
            Err(ExitCode::from(EXIT_UNREADABLE))
        }
    }
}

/// The language to explain why the plan at `path` cannot be read: the locale the file
/// names when it can be found in its text (a plan broken further on still says it), else
/// the system's.
fn unreadable_lang(path: &Path, flag: Option<Lang>) -> Lang {
    match store::sniff_locale(path) {
        Some(locale) => Lang::for_plan(flag, locale),
        None => Lang::for_system(flag),
    }
}

pub fn report_load_error(e: &LoadError, lang: Lang) {
    eprintln!(
        "perfplan: {}",
        crate::text::for_terminal_lines(&e.say(lang))
    );
}

fn write_stdout(text: &str, lang: Lang) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`perfplan score | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            tell(Msg::CannotWriteOutput(&e), lang);
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

/// A finding on its line, after the plan's path.
fn finding_line(path: &Path, f: &validate::Finding, lang: Lang) -> String {
    format!(
        "{}: {}",
        path.display(),
        crate::text::for_terminal(&f.say(lang))
    )
}

pub fn check(path: &Path, lang: Option<Lang>) -> ExitCode {
    let (plan, lang) = match load_or_report(path, lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let findings = validate::validate(&plan);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let counts = Msg::Counts {
        indicators: plan.indicator_count(),
        errors,
        warnings: findings.len() - errors,
    };
    let mut text = String::new();
    for f in &findings {
        text.push_str(&finding_line(path, f, lang));
        text.push('\n');
    }
    text.push_str(&format!("{}: {}\n", path.display(), counts.say(lang)));
    let code = write_stdout(&text, lang);
    if errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        code
    }
}

/// Prints the plan's findings on standard error; returns how many are errors.
fn report_findings(path: &Path, plan: &Plan, lang: Lang) -> usize {
    let findings = validate::validate(plan);
    for f in &findings {
        eprintln!("{}", finding_line(path, f, lang));
    }
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}

pub fn score(path: &Path, json: bool, period: Option<&str>, lang: Option<Lang>) -> ExitCode {
    let (plan, lang) = match load_or_report(path, lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let summary = match summary_at(&plan, period, lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let errors = report_findings(path, &plan, lang);
    let written = if json {
        let mut text = serde_json::to_string_pretty(&report::json(&summary))
            .expect("a JSON value always serializes");
        text.push('\n');
        write_stdout(&crate::text::json_for_terminal(&text), lang)
    } else {
        write_stdout(
            &crate::text::for_terminal_lines(&report::text(&summary)),
            lang,
        )
    };
    if errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        written
    }
}

/// How `perfplan merge` is used from git, under its `--help`.
const MERGE_HELP: &str = "As git's merge driver for plans:
  git config merge.perfplan.name 'perfplan plan merge'
  git config merge.perfplan.driver 'perfplan merge %O %A %B %P'
  echo '*.ron merge=perfplan' >> .gitattributes
Conflicts are listed here, and the app offers them, field by field, when it next opens the
merged plan.";

/// Merges THEIRS' changes since BASE into OURS (see [`crate::merge`]), writing the result
/// over OURS; the field conflicts are recorded in the state folder for the app.
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&str>,
    lang: Option<Lang>,
) -> ExitCode {
    let flag = lang;
    let (ours_plan, ours_text) = match store::load(ours) {
        Ok(loaded) => loaded,
        Err(e) => {
            report_load_error(&e, unreadable_lang(ours, flag));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let lang = Lang::for_plan(flag, ours_plan.locale);
    let read = |path: &Path| match store::load(path) {
        Ok(loaded) => Some(loaded),
        Err(e) => {
            report_load_error(&e, lang);
            None
        }
    };
    let (Some((base_plan, _)), Some((theirs_plan, theirs_text))) = (read(base), read(theirs))
    else {
        return ExitCode::from(EXIT_UNREADABLE);
    };
    let merged = match crate::merge::merge(
        &base_plan,
        &ours_text,
        &ours_plan,
        &theirs_text,
        &theirs_plan,
    ) {
        Ok(m) => m,
        Err(_) => {
            tell(Msg::NotMerged, lang);
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    if merged.text != ours_text
        && let Err(e) = store::replace(ours, merged.text.as_bytes(), store::Replace::plain())
    {
        tell(Msg::MergeNotWritten(&e), lang);
        return ExitCode::from(EXIT_ERRORS);
    }
    for c in &merged.conflicts {
        tell(Msg::MergeConflict(c), lang);
    }
    let fields: Vec<crate::merge::FieldConflict> = merged.field_conflicts().cloned().collect();
    if !fields.is_empty() {
        let hash = store::atomic::hash(merged.text.as_bytes());
        let record = crate::merge::Record {
            merged: hash,
            plan: name.map(str::to_string),
            conflicts: fields,
        };
        let written = crate::paths::Dirs::locate().ok().and_then(|d| {
            let path = crate::merge::Record::path(&d.state, hash);
            let dir = path.parent()?;
            std::fs::create_dir_all(dir).ok()?;
            store::replace(&path, record.to_json().as_bytes(), store::Replace::plain()).ok()?;
            Some(path)
        });
        tell(
            Msg::MergeRecorded {
                path: written.as_deref(),
            },
            lang,
        );
    }
    tell(
        Msg::Merged {
            taken: merged.taken,
            added: merged.added.len(),
            removed: merged.removed.len(),
            conflicts: merged.conflicts.len(),
        },
        lang,
    );
    if merged.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERRORS)
    }
}

/// Everything `perfplan diff` takes.
pub struct DiffArgs {
    pub old: PathBuf,
    pub new: PathBuf,
    /// What follows `old` and `new` when git calls `perfplan diff` as an external diff.
    pub git: Vec<PathBuf>,
    pub json: bool,
    pub exit_code: bool,
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

/// The two versions `diff` compares and the names it gives them.
struct Versions {
    old: PathBuf,
    new: PathBuf,
    names: crate::diff::Pair<String>,
    /// The plan's path in the repository, when git calls: a side git gives as `/dev/null`
    /// (mode `.`) is a plan added or deleted.
    git_path: Option<String>,
}

impl DiffArgs {
    /// Reads `perfplan diff OLD NEW`, or git's `perfplan diff PATH OLD-FILE OLD-HASH
    /// OLD-MODE NEW-FILE NEW-HASH NEW-MODE`, named as git names them: `a/PATH`, `b/PATH`.
    fn versions(&self) -> Result<Versions, Msg<'static>> {
        match self.git.as_slice() {
            [] => Ok(Versions {
                old: self.old.clone(),
                new: self.new.clone(),
                names: crate::diff::Pair {
                    old: self.old.display().to_string(),
                    new: self.new.display().to_string(),
                },
                git_path: None,
            }),
            [_old_hash, _old_mode, new_file, _new_hash, _new_mode] => {
                let path = self.old.display().to_string();
                Ok(Versions {
                    old: self.new.clone(),
                    new: new_file.clone(),
                    names: crate::diff::Pair {
                        old: format!("a/{path}"),
                        new: format!("b/{path}"),
                    },
                    git_path: Some(path),
                })
            }
            // A renamed (or copied) plan: git adds the new path and a line about it.
            [
                _old_hash,
                _old_mode,
                new_file,
                _new_hash,
                _new_mode,
                new_path,
                _how,
            ] => {
                let path = self.old.display().to_string();
                Ok(Versions {
                    old: self.new.clone(),
                    new: new_file.clone(),
                    names: crate::diff::Pair {
                        old: format!("a/{path}"),
                        new: format!("b/{}", new_path.display()),
                    },
                    git_path: Some(path),
                })
            }
            more => Err(Msg::DiffArguments {
                count: 2 + more.len(),
            }),
        }
    }
}

pub fn diff(args: DiffArgs) -> ExitCode {
    let versions = match args.versions() {
        Ok(v) => v,
        Err(msg) => {
            tell(msg, Lang::for_system(args.lang));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let differ = |yes: bool, written: ExitCode| {
        if yes && args.exit_code && written == ExitCode::SUCCESS {
            ExitCode::from(EXIT_ERRORS)
        } else {
            written
        }
    };
    // Git gives a plan added or deleted as `/dev/null`: there is nothing to compare it with.
    if let Some(path) = &versions.git_path {
        let gone = |p: &Path| p == Path::new("/dev/null");
        let one_sided = match (gone(&versions.old), gone(&versions.new)) {
            (true, false) => Some((
                crate::diff::words::DiffNotice::PlanAdded { path: path.clone() },
                &versions.new,
            )),
            (false, true) => Some((
                crate::diff::words::DiffNotice::PlanRemoved { path: path.clone() },
                &versions.old,
            )),
            _ => None,
        };
        if let Some((notice, there)) = one_sided {
            let (_, lang) = match load_or_report(there, args.lang) {
                Ok(loaded) => loaded,
                Err(code) => return code,
            };
            let line = format!("{}\n", crate::text::for_terminal(&notice.say(lang)));
            return differ(true, write_stdout(&line, lang));
        }
    }
    let (old, _) = match load_or_report(&versions.old, args.lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let (new, lang) = match load_or_report(&versions.new, args.lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let diff = crate::diff::PlanDiff::of(&old, &new);
    let written = if args.json {
        let mut text =
            serde_json::to_string_pretty(&crate::diff::report::json(&diff, &versions.names))
                .expect("a JSON value always serializes");
        text.push('\n');
        write_stdout(&crate::text::json_for_terminal(&text), lang)
    } else {
        write_stdout(
            &crate::text::for_terminal_lines(&crate::diff::report::text(
                &diff,
                &versions.names,
                lang,
            )),
            lang,
        )
    };
    differ(!diff.is_empty(), written)
}

/// Opens the terminal app on `plan`, or on the plan used last (a copy of the bundled plan
/// on a first run).
pub fn open_app(plan: Option<PathBuf>, lang: Option<Lang>) -> ExitCode {
    let flag = lang;
    let dirs = crate::paths::Dirs::locate();
    let (path, example) = match (plan, &dirs) {
        (Some(p), _) => (p, None),
        (None, Ok(d)) => match d.default_plan() {
            Ok(found) => found,
            Err(e) => {
                tell(Msg::NoExample(&e), Lang::for_system(flag));
                return ExitCode::from(EXIT_ERRORS);
            }
        },
        (None, Err(e)) => {
            tell(Msg::NoExample(e), Lang::for_system(flag));
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    let opened =
        match crate::session::Session::open_in(&path, dirs.as_ref().ok().cloned(), |locale| {
            Lang::for_plan(flag, locale)
        }) {
            Ok(opened) => opened,
            Err(e) => {
                report_load_error(&e, unreadable_lang(&path, flag));
                return ExitCode::from(EXIT_UNREADABLE);
            }
        };
    if let Ok(d) = &dirs {
        let _ = d.remember(&path);
    }
    let mut opened = opened;
    opened.first_run = example.map(|copy| match copy {
        ExampleCopy::Made => crate::app::msg::FirstRun::Copied(path.clone()),
        ExampleCopy::Kept => crate::app::msg::FirstRun::Kept(path.clone()),
    });
    let lang = opened.lang;
    let (app, session) = crate::session::Session::app(opened);
    match crate::tui::run(app, session) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tell(Msg::TerminalFailed(&e), lang);
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

/// Everything `perfplan export` takes.
pub struct ExportArgs {
    pub plan: PathBuf,
    pub format: crate::export::Format,
    pub output: Option<PathBuf>,
    pub delimiter: Option<char>,
    pub decimal: Option<char>,
    pub force: bool,
    /// `--period`, when given.
    pub period: Option<String>,
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

pub fn export(args: ExportArgs) -> ExitCode {
    use crate::export::{self, Format};
    let (plan, lang) = match load_or_report(&args.plan, args.lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let refuse = |msg: Msg| {
        tell(msg, lang);
        ExitCode::from(EXIT_ERRORS)
    };
    let mut opts = export::Options::for_locale(plan.locale, chrono::Local::now().date_naive());
    if let Some(d) = args.delimiter {
        if !d.is_ascii() || d == '"' || d == '\n' || d == '\r' {
            return refuse(Msg::BadDelimiter);
        }
        opts.csv.delimiter = d as u8;
    }
    if let Some(d) = args.decimal {
        if d != ',' && d != '.' {
            return refuse(Msg::BadDecimal);
        }
        opts.csv.decimal = d;
    }
    if opts.csv.decimal as u32 == u32::from(opts.csv.delimiter) {
        return refuse(Msg::SameSeparators);
    }
    let summary = match summary_at(&plan, args.period.as_deref(), lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let errors = report_findings(&args.plan, &plan, lang);
    if errors > 0 && !args.force {
        return refuse(Msg::NotExportedForErrors { errors });
    }
    let bytes = match export::render(&summary, args.format, &opts) {
        Ok(b) => b,
        Err(e) => return refuse(Msg::Render(&e)),
    };
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout {
        if args.format == Format::Xlsx {
            return refuse(Msg::XlsxNotToStdout);
        }
        // On a terminal, the plan's text must not drive it; into a pipe, the file is exact.
        let bytes = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            crate::text::for_terminal_lines(&String::from_utf8_lossy(&bytes)).into_bytes()
        } else {
            bytes
        };
        return match std::io::stdout().lock().write_all(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => refuse(Msg::CannotWriteOutput(&e)),
        };
    }
    let out = args.output.unwrap_or_else(|| {
        let period = plan.intermediate(args.period.as_deref());
        export::default_path_at(&args.plan, args.format, period)
    });
    if let Err(why) = export_target_allowed(&args.plan, &out) {
        return refuse(why);
    }
    match crate::store::replace(&out, &bytes, crate::store::Replace::plain()) {
        Ok(done) => {
            let replaced = done.existed;
            tell(
                Msg::Exported {
                    out: &out,
                    replaced,
                },
                lang,
            );
            if let Some(n) = export::provisional_notice(&summary) {
                eprintln!("perfplan: {n}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => refuse(Msg::NotExported(&e)),
    }
}

/// Everything `perfplan collect` takes.
pub struct CollectArgs {
    pub plan: PathBuf,
    /// The folder of the forms.
    pub output: PathBuf,
    pub deadline: Option<String>,
    pub period: Option<String>,
    pub force: bool,
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

/// Writes the offices' forms (see [`crate::forms::collect`]) in the output folder: every
/// place is checked before the first is written, so a refused form leaves the folder as
/// it was.
pub fn collect(args: CollectArgs) -> ExitCode {
    use crate::forms::collect;
    use crate::store::atomic::output_target;
    let (plan, lang) = match load_or_report(&args.plan, args.lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let refuse = |msg: Msg| {
        tell(msg, lang);
        ExitCode::from(EXIT_ERRORS)
    };
    if let Err(code) = known_period(&plan, args.period.as_deref(), lang) {
        return code;
    }
    let deadline = match args.deadline.as_deref().map(|d| plan.locale.parse_date(d)) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return refuse(Msg::BadDeadline(&e)),
        None => None,
    };
    if plan.indicator_count() == 0 {
        return refuse(Msg::NothingToCollect);
    }
    // Forms of a plan with errors (an id two indicators share, say) would come back to the
    // wrong indicator: the plan is corrected first.
    let errors = report_findings(&args.plan, &plan, lang);
    if errors > 0 {
        return refuse(Msg::NotCollectedForErrors { errors });
    }
    let opts = collect::Options {
        period: args.period.clone(),
        deadline,
    };
    let forms = match collect::forms(&plan, &opts, lang) {
        Ok(f) => f,
        Err(e) => return refuse(Msg::FormNotBuilt(&e)),
    };
    let dir = &args.output;
    if let Err(e) = std::fs::create_dir_all(dir) {
        return refuse(Msg::NoOutputDir { dir, error: &e });
    }
    let paths: Vec<PathBuf> = forms.iter().map(|f| dir.join(&f.file_name)).collect();
    for out in &paths {
        match output_target(&args.plan, out) {
            Ok(true) if !args.force => return refuse(Msg::FormExists { out }),
            Ok(_) => {}
            Err(why) => return refuse(Msg::FormRefused { out, why }),
        }
    }
    for o in &plan.offices {
        if !forms
            .iter()
            .any(|f| f.office.as_deref() == Some(o.name.as_str()))
        {
            tell(Msg::NoFormForOffice { office: &o.name }, lang);
        }
    }
    for (form, out) in forms.iter().zip(&paths) {
        let how = if args.force {
            store::Replace::plain()
        } else {
            // A file that appears meanwhile is somebody else's: it is kept aside.
            store::Replace {
                expect: store::Expect::Nothing,
                ..store::Replace::plain()
            }
        };
        match store::replace(out, &form.bytes, how) {
            Ok(done) => tell(
                Msg::Collected {
                    out,
                    office: form.office.as_deref(),
                    indicators: form.indicators,
                    replaced: done.existed,
                },
                lang,
            ),
            Err(error) => return refuse(Msg::FormNotWritten { out, error: &error }),
        }
    }
    ExitCode::SUCCESS
}

/// Whether an export may write `out`: never the plan itself (through any name), never
/// what is not a regular file. An existing regular file is replaced, as command-line tools
/// do (the message says so).
fn export_target_allowed<'a>(plan: &Path, out: &'a Path) -> Result<(), Msg<'a>> {
    use crate::store::atomic::{Refused, output_target};
    match output_target(plan, out) {
        Ok(_) => Ok(()),
        Err(Refused::IsThePlan) => Err(Msg::IsThePlan { out }),
        Err(Refused::NotAFile(what)) => Err(Msg::NotAFile { out, what }),
    }
}

pub fn generate(indicators: usize, seed: u64, output: &Path, lang: Option<Lang>) -> ExitCode {
    // A generated plan is English; the messages speak the user's language.
    let lang = Lang::for_system(lang);
    let plan = crate::generate::plan(indicators, seed);
    let text = crate::store::write::plan(&plan);
    if let Err(too_big) = readable_size(text.len(), indicators) {
        tell(too_big, lang);
        return ExitCode::from(EXIT_ERRORS);
    }
    match crate::store::replace(output, text.as_bytes(), crate::store::Replace::plain()) {
        Ok(done) => {
            let generated = Msg::Generated {
                out: output,
                replaced: done.existed,
                indicators,
                bytes: text.len(),
            };
            tell(generated, lang);
            ExitCode::SUCCESS
        }
        Err(error) => {
            tell(
                Msg::NotGenerated {
                    out: output,
                    error: &error,
                },
                lang,
            );
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

/// A plan perfplan writes, perfplan must read: a generated plan of `len` bytes must fit
/// under the loader's limit.
fn readable_size(len: usize, indicators: usize) -> Result<(), Msg<'static>> {
    if len as u64 <= store::MAX_PLAN_BYTES {
        return Ok(());
    }
    let per_indicator = (len / indicators.max(1)).max(1);
    Err(Msg::TooBig {
        indicators,
        mib: len / (1024 * 1024),
        max_mib: store::MAX_PLAN_BYTES / (1024 * 1024),
        fit: store::MAX_PLAN_BYTES as usize / per_indicator,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gen_refuses_a_plan_the_loader_would_refuse() {
        // 1,000,000 generated indicators took about 541 bytes each: 515.9 MiB, over the
        // 512 MiB limit (536,870,912 bytes / 541 = 992,367 indicators fit).
        let million = 1_000_000;
        let too_big = readable_size(541 * million, million).unwrap_err();
        let Msg::TooBig {
            mib, max_mib, fit, ..
        } = too_big
        else {
            panic!("{too_big:?}")
        };
        assert_eq!((mib, max_mib, fit), (515, 512, 992_367));
        let en = too_big.say(Lang::En);
        assert!(en.contains("515 MiB") && en.contains("512 MiB"), "{en}");
        assert!(en.contains("992367"), "{en}");
        let it = too_big.say(Lang::It);
        assert!(it.contains("1000000 indicatori"), "{it}");
        assert!(it.contains("515 MiB") && it.contains("992367"), "{it}");
        assert!(readable_size(store::MAX_PLAN_BYTES as usize, million).is_ok());
    }
}
