use super::{En, count};
use crate::export::ExportError;
use crate::export::words::{Column, Computation, CsvColumn, Figures, Label, Notice};
use crate::lang::{ExportWords, Lang};
use crate::plan::Unit;

impl ExportWords for En {
    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Pending => "pending",
            Label::CannotBeScored => "cannot be scored",
            Label::NotAssessable => "not assessable",
            Label::NotAssessableList => {
                "Not assessable this year (left out of the scores, not pending):"
            }
            Label::Provisional => "provisional",
            Label::Yes => "yes",
            Label::No => "no",
            Label::Strategic => "Strategic",
            Label::Operational => "Operational",
            Label::StrategicValue => "strategic",
            Label::OperationalValue => "operational",
            Label::Overall => "Overall",
            Label::Score => "Score",
            Label::Layer => "Layer",
            Label::IndicatorsMeasured => "Indicators measured",
            Label::Of => "of",
            Label::Measured => "measured",
            Label::Year => "Year",
            Label::Exported => "Exported",
            Label::ExportedOn => "exported",
            Label::SummarySheet => "Summary",
            Label::StrategicSheet => "Strategic",
            Label::OperationalSheet => "Operational",
            Label::OverallScores => "Overall scores",
            Label::StrategicTable => "Strategic objectives and their indicators",
            Label::OperationalTable => "Operational objectives and their indicators",
            Label::PeriodsTable => "Periods side by side",
            Label::PeriodsSheet => "Periods",
            Label::Indicator => "Indicator",
            Label::Baseline => "Baseline",
            Label::PeriodResult => "Result",
            Label::PeriodTarget => "Target",
            Label::PeriodRealization => "% Realization",
            Label::TargetChangesTable => "Targets changed during the year",
            Label::OriginalTarget => "Original target",
            Label::NewTarget => "New target",
            Label::ChangedOn => "Date",
            Label::Reason => "Reason",
            Label::PeriodColumn => "period",
            Label::NotesAndOverrides => "Notes and overrides",
            Label::StrategicScore => "Strategic score",
            Label::OperationalScore => "operational score",
            Label::StrategicIndicator => "strategic indicator",
            Label::OperationalIndicator => "operational indicator",
            Label::SetByHand => "realization set by hand",
            Label::Note => "note",
            Label::Draft => "DRAFT — the plan has errors",
            Label::ScoresProvisional => {
                "Provisional: some indicators are still pending and are left out of the scores."
            }
            Label::LayerKey => {
                "S: strategic indicator (measures the strategic objective) · O: operational indicator"
            }
            Label::OverrideKey => {
                "*: realization set by hand; `perfplan score --json` and the app show the reason"
            }
            Label::MarkdownFooter => {
                "Realization: result against target, 0–100 %; objectives: mean of their indicators; scores: weighted by the objectives' weights. ✎ realization set by hand (reason under Notes and overrides)."
            }
            Label::HtmlFooter => {
                "Realization: result against target, 0–100 %. Objectives: mean of their indicators. Scores: weighted by the objectives' weights. ✎ realization set by hand."
            }
            Label::HtmlLang => "en",
            Label::Day => "day",
            Label::Days => "days",
        }
    }

    fn column(&self, column: Column, _year: i32) -> String {
        match column {
            Column::Perspective => "Perspective",
            Column::Code => "Code",
            Column::ObjectiveOrIndicator => "Objective / indicator",
            Column::Weight => "Weight",
            Column::Result => "Result",
            Column::Target => "Target",
            Column::Deviation => "Deviation",
            Column::Realization => "Realization",
            Column::Measured => "Measured",
            Column::Pending => "Pending",
            Column::OverrideReason => "Override reason",
            Column::Note => "Note",
        }
        .to_string()
    }

    fn csv_column(&self, column: CsvColumn, _year: i32) -> String {
        // Names a script can use as they are.
        match column {
            CsvColumn::Perspective => "perspective",
            CsvColumn::StrategicCode => "strategic_code",
            CsvColumn::OperationalCode => "operational_code",
            CsvColumn::Layer => "layer",
            CsvColumn::Id => "id",
            CsvColumn::Description => "description",
            CsvColumn::Unit => "unit",
            CsvColumn::Target => "target",
            CsvColumn::Result => "result",
            CsvColumn::Deviation => "deviation",
            CsvColumn::Realization => "realization",
            CsvColumn::Pending => "pending",
            CsvColumn::Override => "override",
            CsvColumn::Reason => "reason",
            CsvColumn::Note => "note",
        }
        .to_string()
    }

    fn unit(&self, unit: &Unit) -> String {
        // The plan's own word, which the app shows too.
        unit.word().to_string()
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Provisional { pending, total } => format!(
                "Provisional: {pending} of {total} indicators {} still pending; the scores count only the {} measured.",
                if *pending == 1 { "is" } else { "are" },
                total - pending
            ),
            Notice::Overall {
                strategic,
                operational,
                measured,
                total,
            } => format!(
                "Overall score   strategic {strategic}   operational {operational}   indicators measured {measured} / {total}"
            ),
            Notice::NotAssessable { count: 1 } => {
                "1 indicator not assessable (left out of the scores)".to_string()
            }
            Notice::NotAssessable { count } => {
                format!("{count} indicators not assessable (left out of the scores)")
            }
            Notice::TargetChanged { from, date, reason } => {
                format!("target changed on {date} (was {from}): {reason}")
            }
            Notice::CurrentTargetCounts => {
                "the current target counts, as changed during the year".to_string()
            }
            Notice::Period { name, date } => format!("Period: {name} ({date})"),
            Notice::PlanErrors { errors } => format!(
                "The plan has {} (perfplan check lists {}): the scores leave out what is wrong.",
                count(*errors, "error", "errors"),
                if *errors == 1 { "it" } else { "them" }
            ),
            Notice::PerspectiveScore {
                strategic,
                operational,
            } => format!("score: strategic {strategic} · operational {operational}"),
            Notice::Cut { more } => format!(
                "[cut here: {more} more {} in the plan]",
                if *more == 1 {
                    "character"
                } else {
                    "characters"
                }
            ),
            Notice::Days { days, figure } => {
                let unit = if days.unsigned_abs() == 1 {
                    Label::Day
                } else {
                    Label::Days
                };
                format!("{figure} {}", self.label(unit))
            }
        }
    }

    fn computation(&self, computation: &Computation) -> String {
        let result = |f: &Figures| f.result.clone().unwrap_or_else(|| "no result".into());
        match computation {
            Computation::Pending => "pending: no result yet".to_string(),
            Computation::Unscorable(why, loc) => {
                format!("cannot be scored: {}", why.say_in(Lang::En, *loc))
            }
            Computation::Met(f) => format!("{} meets {}: {}", result(f), f.target, f.percent),
            Computation::Ratio {
                numerator,
                denominator,
                figures: f,
            } => format!(
                "{numerator} / {denominator} = {} (target {} not met)",
                f.percent, f.target
            ),
            Computation::Deviation {
                result,
                target,
                divisor,
                figures: f,
            } => format!(
                "1 − |{result} − {target}| / {divisor} = {} (target {} not met)",
                f.percent, f.target
            ),
            Computation::Late {
                days,
                grace: 0,
                figures: f,
            } => format!(
                "{} is {} past {}: late, {}",
                result(f),
                count(days.unsigned_abs() as usize, "day", "days"),
                f.target,
                f.percent
            ),
            Computation::Late {
                days,
                grace,
                figures: f,
            } => format!(
                "{} is {} past {}: 100 − 100 × {days} / {} = {}",
                result(f),
                count(days.unsigned_abs() as usize, "day", "days"),
                f.target,
                count(*grace as usize, "grace day", "grace days"),
                f.percent
            ),
            Computation::Missed(f) => format!("{} misses {}: {}", result(f), f.target, f.percent),
            Computation::Override { percent, reason } => {
                format!("set by hand to {percent}: {reason}")
            }
            Computation::NotAssessable(reason) => format!("not assessable: {reason}"),
            Computation::Banded {
                achievement,
                band,
                from,
                to,
                fixed,
                score_from,
                score_to,
                points,
                out_of,
                percent,
            } => {
                let gives = if *fixed {
                    format!("which gives {score_from}")
                } else {
                    format!("from {score_from} to {score_to} in proportion: {points}")
                };
                let top = match out_of {
                    Some(top) => format!(" of {top} points = {percent}"),
                    None => format!(" = {percent}"),
                };
                format!(
                    "achievement {}; band {band} ({from} – {to} %), {gives}{top}",
                    self.computation(achievement)
                )
            }
        }
    }

    fn export_error(&self, error: &ExportError) -> String {
        match error {
            ExportError::Xlsx(e) => format!("the spreadsheet could not be built: {e}"),
            ExportError::Csv(e) => format!("the CSV could not be written: {e}"),
        }
    }
}
