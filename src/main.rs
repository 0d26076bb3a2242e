use std::process::ExitCode;

use clap::Parser;
use perfplan::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    let lang = args.lang;
    match args.command {
        Some(Command::Check { plan }) => cli::check(&plan, lang),
        Some(Command::Score { plan, json }) => cli::score(&plan, json, lang),
        Some(Command::Export {
            plan,
            format,
            output,
            delimiter,
            decimal,
            force,
        }) => cli::export(cli::ExportArgs {
            plan,
            format,
            output,
            delimiter,
            decimal,
            force,
            lang,
        }),
        Some(Command::Gen {
            indicators,
            seed,
            output,
        }) => cli::generate(indicators, seed, &output, lang),
        None => cli::open_app(args.plan, lang),
    }
}
