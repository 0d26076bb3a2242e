use super::{En, count};
use crate::cli::Msg;
use crate::lang::{CliWords, Lang, Say};

impl CliWords for En {
    fn cli(&self, msg: &Msg) -> String {
        match msg {
            Msg::Counts {
                indicators,
                errors,
                warnings,
            } => format!(
                "{}, {}, {}",
                count(*indicators, "indicator", "indicators"),
                count(*errors, "error", "errors"),
                count(*warnings, "warning", "warnings")
            ),
            Msg::CannotWriteOutput(e) => format!("cannot write the output: {e}"),
            Msg::BadDelimiter => "--delimiter must be one plain ASCII character other than a quote or a line break, like ; or ,".to_string(),
            Msg::BadDecimal => "--decimal must be , or .".to_string(),
            Msg::SameSeparators => {
                "the CSV separator and the decimal separator must differ".to_string()
            }
            Msg::NotExportedForErrors { errors } => format!(
                "not exported: the plan has {} (listed above); fix {}, or export a draft marked as such with --force",
                count(*errors, "error", "errors"),
                if *errors == 1 { "it" } else { "them" }
            ),
            Msg::XlsxNotToStdout => {
                "XLSX is a binary file; name a file with -o instead of -".to_string()
            }
            Msg::Render(e) => e.say(Lang::En),
            Msg::IsThePlan { out } => format!(
                "not exported: {} is the plan itself; name another file with -o",
                out.display()
            ),
            Msg::NotAFile { out, what } => format!(
                "not exported: {} is {}; name a file with -o",
                out.display(),
                what.say(Lang::En)
            ),
            Msg::Exported { out, replaced } => format!(
                "{} {}",
                if *replaced { "replaced" } else { "wrote" },
                out.display()
            ),
            Msg::NotExported(e) => format!("not exported: {}", e.say(Lang::En)),
            Msg::TooBig {
                indicators,
                mib,
                max_mib,
                fit,
            } => format!(
                "not written: {indicators} indicators make a {mib} MiB plan, more than the {max_mib} MiB perfplan reads; at most about {fit} indicators fit"
            ),
            Msg::Generated {
                out,
                replaced,
                indicators,
                bytes,
            } => format!(
                "{} {} ({}, {})",
                if *replaced { "replaced" } else { "wrote" },
                out.display(),
                count(*indicators, "indicator", "indicators"),
                count(*bytes, "byte", "bytes")
            ),
            Msg::NotGenerated { out, error } => format!("{}: {}", out.display(), error.say(Lang::En)),
            Msg::NoExample(e) => format!("cannot prepare the example plan: {}", e.say(Lang::En)),
            Msg::UnknownPeriod { name, known } if known.is_empty() => format!(
                "the plan has no monitoring periods, so no period \"{}\": leave out --period",
                crate::text::for_terminal(name)
            ),
            Msg::UnknownPeriod { name, known } => format!(
                "the plan has no period \"{}\"; its periods are {}",
                crate::text::for_terminal(name),
                known.iter().map(|k| format!("\"{}\"", crate::text::for_terminal(k))).collect::<Vec<_>>().join(", ")
            ),
            Msg::RolledOver { out, year, indicators, baselines } => format!(
                "{year} plan written to {}: {}, {baselines} with a baseline; results, notes and target changes cleared",
                out.display(),
                count(*indicators, "indicator", "indicators")
            ),
            Msg::YearNotAfter { year, plan_year } => format!(
                "the plan is for {plan_year}: the new year must come after it (and not after 9999), not {year}"
            ),
            Msg::NotRolledOver(e) => format!("the new plan was not written: {}", e.say(Lang::En)),
            Msg::OutputExists { out } => format!(
                "{} exists already: choose another name (a plan is never overwritten)",
                out.display()
            ),
            Msg::RolloverShape => "the new plan was not written: perfplan could not rewrite this plan's text faithfully; no file was made".to_string(),
            Msg::DiffArguments { count } => format!(
                "diff compares two plans, OLD and NEW (or takes the seven arguments git gives, nine for a renamed plan); it got {count}"
            ),
            Msg::BadSince(e) => format!("--since: {}", e.say(Lang::En)),
            Msg::CannotReadLog(path, e) => format!("cannot read the audit log {}: {e}", path.display()),
            Msg::LogDamaged { lines } => format!(
                "{} of the audit log could not be read (cut short by a crash) and {} skipped",
                count(*lines, "line", "lines"),
                if *lines == 1 { "was" } else { "were" }
            ),
            Msg::LogEmpty => "No change on record.".to_string(),
            Msg::TerminalFailed(e) => format!("the terminal failed: {e}"),
        }
    }
}
