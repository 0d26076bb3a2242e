//! The command line: what each command takes, and running it. Exit codes scripts can rely
//! on: 0 done, 1 the plan has errors (`check`, `score`, `export` without `--force`) or the
//! command could not do its job (an export that cannot be written), 2 the plan cannot be
//! read. `score` still prints the scores of a plan with errors (they leave out what is
//! wrong, and say so), as the app does; `export` writes such a plan only as a draft.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::lang::Lang;
use crate::plan::Plan;
use crate::report;
use crate::score::Scores;
use crate::store::{self, LoadError};
use crate::summary::Summary;
use crate::validate::{self, Severity};

/// Exit code: the plan has errors, or the command could not do its job.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code: the plan file cannot be read (missing, not text, not a plan).
pub const EXIT_UNREADABLE: u8 = 2;

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
    /// Print the scored tree with weights, results, targets and realizations.
    Score {
        /// The plan file (.ron).
        plan: PathBuf,
        /// Print JSON for scripts instead of the table.
        #[arg(long)]
        json: bool,
    },
}

/// Loads a plan for a command, printing why not on failure.
pub fn load_or_report(path: &Path) -> Result<Plan, ExitCode> {
    match store::load(path) {
        Ok((plan, _text)) => Ok(plan),
        Err(e) => {
            report_load_error(&e);
            Err(ExitCode::from(EXIT_UNREADABLE))
        }
    }
}

pub fn report_load_error(e: &LoadError) {
    eprintln!(
        "perfplan: {}",
        crate::text::for_terminal_lines(&e.to_string())
    );
}

fn write_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`perfplan score | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("perfplan: cannot write the output: {e}");
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

pub fn check(path: &Path, lang: Option<Lang>) -> ExitCode {
    let plan = match load_or_report(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let findings = validate::validate(&plan);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let mut text = String::new();
    for f in &findings {
        text.push_str(&format!(
            "{}: {}\n",
            path.display(),
            crate::text::for_terminal(&f.to_string())
        ));
    }
    text.push_str(&format!(
        "{}: {} indicators, {errors} error(s), {warnings} warning(s)\n",
        path.display(),
        plan.indicator_count()
    ));
    let code = write_stdout(&text);
    if errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        code
    }
}

/// Prints the plan's findings on standard error; returns how many are errors.
fn report_findings(path: &Path, plan: &Plan) -> usize {
    let findings = validate::validate(plan);
    for f in &findings {
        eprintln!(
            "{}: {}",
            path.display(),
            crate::text::for_terminal(&f.to_string())
        );
    }
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}

pub fn score(path: &Path, json: bool, lang: Option<Lang>) -> ExitCode {
    let plan = match load_or_report(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let errors = report_findings(path, &plan);
    let summary = Summary::build(&plan, &Scores::compute(&plan));
    let written = if json {
        let mut text = serde_json::to_string_pretty(&report::json(&summary))
            .expect("a JSON value always serializes");
        text.push('\n');
        write_stdout(&crate::text::json_for_terminal(&text))
    } else {
        write_stdout(&crate::text::for_terminal_lines(&report::text(&summary)))
    };
    if errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        written
    }
}

/// Opens the terminal app on `plan`, or on the plan used last (a copy of the bundled plan
/// on a first run).
pub fn open_app(plan: Option<PathBuf>, lang: Option<Lang>) -> ExitCode {
    let dirs = crate::paths::Dirs::locate();
    let (path, first_run) = match (plan, &dirs) {
        (Some(p), _) => (p, None),
        (None, Ok(d)) => match d.default_plan() {
            Ok(found) => found,
            Err(e) => {
                eprintln!("perfplan: cannot prepare the example plan: {e}");
                return ExitCode::from(EXIT_ERRORS);
            }
        },
        (None, Err(e)) => {
            eprintln!("perfplan: cannot prepare the example plan: {e}");
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    let opened = match crate::session::Session::open(&path, dirs.as_ref().ok().cloned()) {
        Ok(opened) => opened,
        Err(e) => {
            report_load_error(&e);
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    if let Ok(d) = &dirs {
        let _ = d.remember(&path);
    }
    let (mut app, session) = crate::session::Session::app(opened);
    app.lang = Lang::for_plan(lang, app.plan.locale);
    if let Some(msg) = first_run
        && matches!(app.mode, crate::app::Mode::Normal)
    {
        app.info(msg);
    }
    match crate::tui::run(app, session) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("perfplan: the terminal failed: {e}");
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
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

pub fn export(args: ExportArgs) -> ExitCode {
    use crate::export::{self, Format};
    let plan = match load_or_report(&args.plan) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut opts = export::Options::for_locale(plan.locale, chrono::Local::now().date_naive());
    if let Some(d) = args.delimiter {
        if !d.is_ascii() || d == '"' || d == '\n' || d == '\r' {
            eprintln!(
                "perfplan: --delimiter must be one plain ASCII character other than a quote or a line break, like ; or ,"
            );
            return ExitCode::from(EXIT_ERRORS);
        }
        opts.csv.delimiter = d as u8;
    }
    if let Some(d) = args.decimal {
        if d != ',' && d != '.' {
            eprintln!("perfplan: --decimal must be , or .");
            return ExitCode::from(EXIT_ERRORS);
        }
        opts.csv.decimal = d;
    }
    if opts.csv.decimal as u32 == u32::from(opts.csv.delimiter) {
        eprintln!("perfplan: the CSV separator and the decimal separator must differ");
        return ExitCode::from(EXIT_ERRORS);
    }
    let errors = report_findings(&args.plan, &plan);
    if errors > 0 && !args.force {
        eprintln!(
            "perfplan: not exported: the plan has {errors} error(s) (listed above); fix them, or export a draft marked as such with --force"
        );
        return ExitCode::from(EXIT_ERRORS);
    }
    let summary = Summary::build(&plan, &Scores::compute(&plan));
    let bytes = match export::render(&summary, args.format, &opts) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("perfplan: {e}");
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout {
        if args.format == Format::Xlsx {
            eprintln!("perfplan: XLSX is a binary file; name a file with -o instead of -");
            return ExitCode::from(EXIT_ERRORS);
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
            Err(e) => {
                eprintln!("perfplan: cannot write the output: {e}");
                ExitCode::from(EXIT_ERRORS)
            }
        };
    }
    let out = args
        .output
        .unwrap_or_else(|| export::default_path(&args.plan, args.format));
    if let Err(why) = export_target_allowed(&args.plan, &out) {
        eprintln!("perfplan: not exported: {why}");
        return ExitCode::from(EXIT_ERRORS);
    }
    match crate::store::replace(&out, &bytes, crate::store::Replace::plain()) {
        Ok(done) => {
            let verb = if done.existed { "replaced" } else { "wrote" };
            eprintln!("perfplan: {verb} {}", out.display());
            if let Some(n) = export::provisional_notice(&summary) {
                eprintln!("perfplan: {n}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("perfplan: not exported: {e}");
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

/// Whether an export may write `out`: never the plan itself (through any name), never
/// what is not a regular file. An existing regular file is replaced, as command-line tools
/// do (the message says so).
fn export_target_allowed(plan: &Path, out: &Path) -> Result<(), String> {
    use crate::store::atomic::{Refused, output_target};
    match output_target(plan, out) {
        Ok(_) => Ok(()),
        Err(Refused::IsThePlan) => Err(format!(
            "{} is the plan itself; name another file with -o",
            out.display()
        )),
        Err(Refused::NotAFile(what)) => {
            Err(format!("{} is {what}; name a file with -o", out.display()))
        }
    }
}

pub fn generate(indicators: usize, seed: u64, output: &Path, lang: Option<Lang>) -> ExitCode {
    let plan = crate::generate::plan(indicators, seed);
    let text = crate::store::write::plan(&plan);
    if let Err(why) = readable_size(text.len(), indicators) {
        eprintln!("perfplan: not written: {why}");
        return ExitCode::from(EXIT_ERRORS);
    }
    match crate::store::replace(output, text.as_bytes(), crate::store::Replace::plain()) {
        Ok(done) => {
            eprintln!(
                "perfplan: {} {} ({indicators} indicators, {} bytes)",
                if done.existed { "replaced" } else { "wrote" },
                output.display(),
                text.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("perfplan: {}: {e}", output.display());
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

/// A plan perfplan writes, perfplan must read: a generated plan of `len` bytes must fit
/// under the loader's limit.
fn readable_size(len: usize, indicators: usize) -> Result<(), String> {
    if len as u64 <= store::MAX_PLAN_BYTES {
        return Ok(());
    }
    let per_indicator = (len / indicators.max(1)).max(1);
    Err(format!(
        "{indicators} indicators make a {} MiB plan, more than the {} MiB perfplan reads; at most about {} indicators fit",
        len / (1024 * 1024),
        store::MAX_PLAN_BYTES / (1024 * 1024),
        store::MAX_PLAN_BYTES as usize / per_indicator
    ))
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
        assert!(too_big.contains("515 MiB"), "{too_big}");
        assert!(too_big.contains("512 MiB"), "{too_big}");
        assert!(too_big.contains("992367"), "{too_big}");
        assert!(readable_size(store::MAX_PLAN_BYTES as usize, million).is_ok());
    }
}
