use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use perfplan::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    if args.plan.is_some() && args.command.is_some() {
        // `perfplan plan.ron check other.ron`: which plan was meant is not clear.
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "a plan to open cannot come before a command; write it after the command: `perfplan check PLAN`",
            )
            .exit();
    }
    let lang = args.lang;
    match args.command {
        Some(Command::Check { plan }) => cli::check(&plan, lang),
        Some(Command::Score { plan, json, period }) => {
            cli::score(&plan, json, period.as_deref(), lang)
        }
        Some(Command::Diff {
            old,
            new,
            git,
            json,
            exit_code,
        }) => cli::diff(cli::DiffArgs {
            old,
            new,
            git,
            json,
            exit_code,
            lang,
        }),
        Some(Command::Merge {
            base,
            ours,
            theirs,
            name,
        }) => cli::merge(&base, &ours, &theirs, name.as_deref(), lang),
        Some(Command::Export {
            plan,
            format,
            output,
            delimiter,
            decimal,
            force,
            period,
        }) => cli::export(cli::ExportArgs {
            plan,
            format,
            output,
            delimiter,
            decimal,
            force,
            period,
            lang,
        }),
        Some(Command::Collect {
            plan,
            output,
            deadline,
            period,
            force,
        }) => cli::collect(cli::CollectArgs {
            plan,
            output,
            deadline,
            period,
            force,
            lang,
        }),
        Some(Command::Rollover { plan, year, output }) => cli::rollover(&plan, year, &output, lang),
        Some(Command::Import { plan, files, apply }) => cli::import(&plan, &files, apply, lang),
        Some(Command::Log {
            plan,
            id,
            since,
            json,
        }) => cli::log(&plan, id.as_deref(), since.as_deref(), json, lang),
        Some(Command::Gen {
            indicators,
            seed,
            output,
        }) => cli::generate(indicators, seed, &output, lang),
        None => cli::open_app(args.plan, lang),
    }
}
