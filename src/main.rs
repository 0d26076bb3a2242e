use std::process::ExitCode;

use clap::Parser;
use perfplan::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(Command::Check { plan }) => cli::check(&plan),
        Some(Command::Score { plan, json }) => cli::score(&plan, json),
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
        }),
        Some(Command::Gen {
            indicators,
            seed,
            output,
        }) => cli::generate(indicators, seed, &output),
        None => cli::open_app(args.plan),
    }
}
