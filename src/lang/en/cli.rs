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
            Msg::LogNotWritten(path, e) => format!("the audit log {} was not added to: {e}", path.display()),
            Msg::CannotReadLog(path, e) => format!("cannot read the audit log {}: {e}", path.display()),
            Msg::LogDamaged { lines } => format!(
                "{} of the audit log could not be read (cut short by a crash) and {} skipped",
                count(*lines, "line", "lines"),
                if *lines == 1 { "was" } else { "were" }
            ),
            Msg::LogEmpty => "No change on record.".to_string(),
            Msg::NotCollectedForErrors { errors } => format!(
                "no form written: the plan has {} (listed above); correct them, then collect the results",
                count(*errors, "error", "errors")
            ),
            Msg::ImportProblem(p) => import_problem_en(p),
            Msg::ImportRefused { problems } => format!(
                "Nothing was applied: {} to correct in the forms (see above); import them again once corrected.",
                count(*problems, "row or file", "rows or files")
            ),
            Msg::ImportConflict(l) => {
                let crate::cli::ImportConflictLine { at, id, field, period, held, now, sent } = &**l;
                format!(
                    "conflict: {}: {id}{} {field}: the form was written with {held}, but the plan now holds {now}; the value sent ({sent}) is not applied",
                    place_en(at),
                    period.map_or(String::new(), |p| format!(" ({p})"))
                )
            }
            Msg::ImportChange(l) => {
                let crate::cli::ImportChangeLine { id, field, period, old, new, before, after, from } = &**l;
                format!(
                    "{id}{} {field}: {old} → {new} · realization {before} → {after} ({})",
                    period.map_or(String::new(), |p| format!(" ({p})")),
                    from.file_name().map_or_else(|| from.display().to_string(), |n| n.to_string_lossy().into_owned())
                )
            }
            Msg::ImportScores(l) => {
                let crate::cli::ImportScoresLine { period, strategic, operational } = &**l;
                format!(
                    "Overall scores{}: strategic {} → {}, operational {} → {}",
                    period.map_or(String::new(), |p| format!(" at the period \"{p}\"")),
                    strategic.0, strategic.1, operational.0, operational.1
                )
            }
            Msg::ImportTally { changes, conflicts, unchanged, applied } => format!(
                "{} {}, {}, {} already as the plan has them",
                count(*changes, "change", "changes"),
                if *applied { "applied and saved" } else { "to apply (with --apply)" },
                count(*conflicts, "conflict not applied", "conflicts not applied"),
                unchanged
            ),
            Msg::ImportLocked => "the plan is open in another perfplan (or cannot be locked): close it and import again; nothing was written".to_string(),
            Msg::ImportNotSaved(why) => format!(
                "the plan was not saved, nothing was written: {}",
                match why {
                    crate::store::SaveFailure::ChangedOnDisk => {
                        "the plan's file changed while the forms were read: import again".to_string()
                    }
                    crate::store::SaveFailure::Unreadable(e) => format!("the plan's file cannot be read: {e}"),
                    crate::store::SaveFailure::Write(e) => e.say(Lang::En),
                }
            ),
            Msg::ImportCsvUnchecked => "Note: a CSV does not record the values it was exported with, so a value changed in the plan since cannot be told from one the office changed: check the changes above (the forms of perfplan collect do it by themselves).".to_string(),
            Msg::TerminalFailed(e) => format!("the terminal failed: {e}"),
            Msg::MergeConflict(c) => merge_conflict(c),
            Msg::Merged { taken, added, removed, conflicts } => format!(
                "merged: {} taken from theirs, {} added, {} removed; {}",
                count(*taken, "field", "fields"),
                count(*added, "indicator", "indicators"),
                count(*removed, "indicator", "indicators"),
                match conflicts {
                    0 => "no conflicts".to_string(),
                    n => format!("{} (ours kept)", count(*n, "conflict", "conflicts")),
                }
            ),
            Msg::NotMerged => "not merged: perfplan could not follow or rewrite the text of our version faithfully; it is left as it was".to_string(),
            Msg::MergeNotWritten(e) => format!("the merged plan was not written: {}; our version is left as it was", e.say(Lang::En)),
            Msg::MergeRecorded { path: Some(p) } => format!(
                "the fields changed on both sides are recorded in {}: the app lists them when it opens the merged plan, to choose field by field",
                p.display()
            ),
            Msg::Collected { out, office, indicators, replaced } => format!(
                "{} {}: {}, {}",
                if *replaced { "replaced" } else { "wrote" },
                out.display(),
                office.map_or("no office".to_string(), crate::text::for_terminal),
                count(*indicators, "indicator", "indicators")
            ),
            Msg::NoFormForOffice { office } => format!(
                "{}: no indicator, no form",
                crate::text::for_terminal(office)
            ),
            Msg::NothingToCollect => "the plan has no indicators: no form was written".to_string(),
            Msg::BadDeadline(e) => format!("--deadline: {}", e.say(Lang::En)),
            Msg::FormExists { out } => format!(
                "{} exists already: no form was written; add --force to replace the forms, or choose another folder with -o",
                out.display()
            ),
            Msg::FormRefused { out, why: crate::store::atomic::Refused::IsThePlan } => format!(
                "no form was written: {} is the plan itself; choose another folder with -o",
                out.display()
            ),
            Msg::FormRefused { out, why: crate::store::atomic::Refused::NotAFile(what) } => format!(
                "no form was written: {} is {}; choose another folder with -o",
                out.display(),
                what.say(Lang::En)
            ),
            Msg::NoOutputDir { dir, error } => format!(
                "no form was written: the folder {} cannot be made: {error}",
                dir.display()
            ),
            Msg::FormNotBuilt(e) => format!("no form was written: the spreadsheet could not be built: {e}"),
            Msg::FormNotWritten { out, error } => format!(
                "{} was not written: {}; the forms listed above were",
                out.display(),
                error.say(Lang::En)
            ),
            Msg::MergeRecorded { path: None } => "the fields changed on both sides could not be recorded for the app (perfplan has no state folder it can write): note them from the lines above".to_string(),
        }
    }
}

/// One conflict of a merge, on a line.
fn merge_conflict(c: &crate::merge::Conflict) -> String {
    use crate::merge::Conflict;
    let t = crate::text::for_terminal;
    match c {
        Conflict::Field(f) => {
            let value = |v| crate::store::write::field_value(v).unwrap_or_else(|| "none".into());
            format!(
                "conflict: {} · {}: base {} · ours {} (kept) · theirs {}",
                t(&f.id),
                crate::merge::field_path(f),
                t(&value(&f.base)),
                t(&value(&f.ours)),
                t(&value(&f.theirs))
            )
        }
        Conflict::Frame => "conflict: they changed the plan above its indicators (title, periods, offices, objectives, weights…), which perfplan does not merge; ours is kept: bring their changes in by hand".into(),
        Conflict::Duplicate { id } => format!("conflict: more than one indicator has the id {}; its changes are not merged (make the ids unique)", t(id)),
        Conflict::Described { id } => format!("conflict: {}: their description, unit, baseline, scoring or period target differs from ours; ours is kept", t(id)),
        Conflict::Moved { id } => format!("conflict: {}: moved to another objective or table; our place is kept", t(id)),
        Conflict::AddedNowhere { id } => format!("conflict: {}: added in their version where ours has no place for it (the objective, or its list, is not in ours); not added", t(id)),
        Conflict::AddedTwice { id } => format!("conflict: {}: added on both sides, differently; ours is kept", t(id)),
        Conflict::RemovedChanged { id, ours_removed: true } => format!("conflict: {}: removed in our version and changed in theirs; it stays removed", t(id)),
        Conflict::RemovedChanged { id, ours_removed: false } => format!("conflict: {}: removed in their version and changed in ours (or not removable as written); ours is kept", t(id)),
        Conflict::NoSuchPeriod { id, period } => format!("conflict: {}: their value for the period \"{}\", which our plan does not list, is not merged", t(id), t(period)),
    }
}

/// Where a row of a form is, as a user finds it.
fn place_en(at: &crate::forms::import::RowPlace) -> String {
    let file = at.file.display();
    if at.sheet.is_empty() {
        format!("{file}, row {}", at.row)
    } else {
        format!("{file}, sheet \"{}\", row {}", at.sheet, at.row)
    }
}

fn import_problem_en(p: &crate::forms::import::Problem) -> String {
    use crate::forms::import::Problem;
    use crate::lang::PlanWords;
    match p {
        Problem::Unreadable { file, why } => format!(
            "{}: cannot be read as a spreadsheet or a CSV: {why}",
            file.display()
        ),
        Problem::NotAForm { file } => format!(
            "{}: not a perfplan form (perfplan collect) nor a CSV of its export: no indicator ids or no results column",
            file.display()
        ),
        Problem::OtherPlan { file, title, year } => format!(
            "{}: a form of another plan or year (\"{title}\", {year}): use this plan's forms",
            file.display()
        ),
        Problem::UnknownPeriod { file, period } => format!(
            "{}: a form of the period \"{period}\", which the plan does not have",
            file.display()
        ),
        Problem::UnknownId { at, id } => format!(
            "{}: no indicator of the plan has the id \"{id}\": correct it or remove the row",
            place_en(at)
        ),
        Problem::Duplicate { at, id, first } => format!(
            "{}: the indicator {id} is already in {}: keep one value",
            place_en(at),
            place_en(first)
        ),
        Problem::BadValue { at, id, error } => {
            format!("{}: {id}: {}", place_en(at), En.input_error(error))
        }
        Problem::WrongKind { at, id, error } => format!(
            "{}: {id}: {}",
            place_en(at),
            En.value_error(error, crate::plan::Locale::En)
        ),
        Problem::HeldUnreadable { file, id } => format!(
            "{}: the value the form records for {id} when it was written cannot be read (the hidden sheet \"perfplan\" was edited): use a fresh form from perfplan collect",
            file.display()
        ),
        Problem::NotOnForm { at, id } => format!(
            "{}: the indicator {id} is not one of this form's: write its value in its own office's form",
            place_en(at)
        ),
        Problem::OtherOffice { at, id, office } => format!(
            "{}: the indicator {id} now belongs {}: the form is older than that; use a fresh form from perfplan collect",
            place_en(at),
            office
                .as_deref()
                .map_or("to no office".to_string(), |o| format!(
                    "to the office \"{o}\""
                ))
        ),
        Problem::AmbiguousId { at, id } => format!(
            "{}: more than one indicator of the plan has the id \"{id}\": make it unique in the plan (perfplan check) before importing",
            place_en(at)
        ),
        Problem::PercentAsFraction { at, id, value } => {
            let loc = crate::plan::Locale::En;
            let meant = loc.number((value * rust_decimal::Decimal::ONE_HUNDRED).normalize());
            format!(
                "{}: {id}: {} in a number cell is a percentage written as a fraction (a spreadsheet keeps \"{meant} %\" as {}): write {meant} for {meant} %; if it really is {} %, write it as text",
                place_en(at),
                loc.number(*value),
                loc.number(*value),
                loc.number(*value)
            )
        }
    }
}
