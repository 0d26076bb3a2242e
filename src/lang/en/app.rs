use super::{En, count};
use crate::app::dialog::{Answer, Choice, DialogKind};
use crate::app::keymap::{Context, Does, Hint, KeyName};
use crate::app::msg::{
    FieldError, FieldName, FirstRun, JournalDown, Msg, Problem, ReadOnly, RealizationText,
    ReloadProblem, Shown, StepText,
};
use crate::app::tree::Filter;
use crate::app::{Action, EditField};
use crate::export::Format;
use crate::lang::app::key;
use crate::lang::{AppWords, Lang, Question, RestoreFacts, Say, ValueKind, Word};
use crate::paths::DirError;
use crate::plan::Locale;
use crate::store::lock::LockWhy;
use crate::store::{Cause, NotAFile};

const L: Lang = Lang::En;

macro_rules! choice {
    ($key:expr, $label:expr, $answer:expr $(,)?) => {
        Choice {
            key: $key,
            label: $label,
            answer: $answer,
        }
    };
}

fn read_only_suffix(r: &Option<ReadOnly>) -> String {
    r.as_ref()
        .map_or(String::new(), |r| format!(" · {}", En.read_only(r)))
}

impl AppWords for En {
    fn word(&self, w: Word) -> &'static str {
        match w {
            Word::ReadOnlyBadge => " READ-ONLY ",
            Word::NoRecoveryBadge => " ⚠ NO CRASH RECOVERY ",
            Word::UnsavedBadge => " ● unsaved ",
            Word::Strategic => "Strategic",
            Word::Operational => "Operational",
            Word::Preview => "PREVIEW",
            Word::ErrorsLeftOut => "⚠ errors left out ",
            Word::Provisional => " (provisional)",
            Word::LockNote => " · lock visible to you only",
            Word::Plan => " Plan ",
            Word::NoPerspectives => "The plan has no perspectives yet.",
            Word::Detail => " Detail ",
            Word::PlanAsAWhole => "The plan as a whole",
            Word::Error => "Error",
            Word::Warning => "Warning",
            Word::StrategicIndicator => "Strategic indicator",
            Word::OperationalIndicator => "Operational indicator",
            Word::Target => "Target",
            Word::Result => "Result",
            Word::Unit => "Unit",
            Word::Realization => "Realization",
            Word::How => "How",
            Word::Override => "Override ✎",
            Word::Note => "Note",
            Word::Baseline => "Baseline",
            Word::Place => "Place",
            Word::ColumnWeight => "Weight",
            Word::ColumnResult => "Result",
            Word::ColumnTarget => "Target",
            Word::ColumnRealization => "Realization",
            Word::ColumnRealizationShort => "Realiz.",
            Word::ColumnMeasured => "Measured",
            Word::PendingResult => "— (pending)",
            Word::Pending => "pending",
            Word::Weight => "Weight",
            Word::StrategicObjectivesShare => "Strategic objectives (weight × realization):",
            Word::StrategicObjective => "Strategic objective ",
            Word::FlatMean => "flat mean of all its strategic indicators",
            Word::StrategicIndicators => "Strategic indicators:",
            Word::OperationalObjectivesShare => "Operational objectives (weight × realization):",
            Word::OperationalObjective => "Operational objective ",
            Word::MeanOfOperational => "mean of its operational indicators",
            Word::StrategicIndicatorsCount => {
                "Strategic indicators (count toward the strategic objective):"
            }
            Word::OperationalIndicators => "Operational indicators:",
            Word::NoteHint => "a note for the report; empty removes it",
            Word::OverrideHint => "the realization to use instead of the computed one, 0–100",
            Word::ReasonHint => "why the computed realization is not used",
            Word::SearchTitle => " Search codes, ids and descriptions ",
            Word::SaveAsTitle => " Save the plan as ",
            Word::ExportTitle => " Export the summary ",
            Word::FileLabel => "File: ",
            Word::ExportPendingNote => {
                "Pending indicators are marked and the scores called provisional."
            }
            Word::HelpTitle => "perfplan — keys",
            Word::HelpLegend => {
                "Rows: S strategic indicator · O operational indicator · ✎ realization set by hand · ~ provisional (some pending) · ! cannot be scored · ? check this value"
            }
            Word::HelpFrame => " Help ",
            Word::Yours => "[yours]",
            Word::FileValue => "[file] ",
            Word::AnyOtherKey => "any other key",
            Word::TypesItself => "types itself",
            Word::Keys => "Keys",
            Word::TypeToReplace => {
                "type the result of the indicator, replacing it (on an objective, + and - open and close every row)"
            }
            Word::EnterGoesNext => "Enter → next",
            Word::EnterGoesPending => "Enter → next pending",
            Word::PasteTitle => " Paste a column ",
            Word::PasteBeyond => "no indicator left for this value",
            Word::EqualShare => "equal share",
            Word::NotAssessable => "Not assessable",
            Word::NotAssessableShort => "n/a",
            Word::NotAssessableWhy => "Why n/a",
            Word::UnscorableShort => "no score",
            Word::NotAssessableHint => {
                "why it cannot be assessed this year: left out of the scores, not pending; empty: assessable again"
            }
            Word::TargetHint => {
                "like >= 80, <= 1.5, 10 – 20, <= 2017-12-31; a number alone keeps the comparison; the original target is kept on record"
            }
            Word::TargetReasonHint => {
                "why the target changes (e.g. Giunta resolution no. 45 of 15 July): the Relazione reports it"
            }
            Word::TargetDateHint => {
                "the day of the change (the decision approving it), like 2017-07-15"
            }
            Word::Office => "Office",
            Word::ImportTitle => " Import the offices' forms (a file or a folder) ",
            Word::ImportPreviewTitle => " Offices' forms: Enter puts them in, Esc cancels ",
            Word::History => "History",
            Word::SourceTyped => "typed",
            Word::SourceRestore => "restored",
            Word::SourceMerge => "merged",
            Word::SourceImport => "imported from",
            Word::Period => "Period",
            Word::Trend => "Trend",
            Word::TargetChanged => "Changed",
            Word::PasteClears => "empty cell: the result is cleared",
            Word::Copy => "copy",
            Word::WhatTheyDo => "What they do",
        }
    }

    fn key_name(&self, k: KeyName) -> &'static str {
        match k {
            KeyName::Space => "Space",
            KeyName::PageUp => "PgUp",
            KeyName::PageDown => "PgDn",
            KeyName::Home => "Home",
            KeyName::End => "End",
            KeyName::Enter => "Enter",
            KeyName::ShiftTab => "Shift-Tab",
            KeyName::Backspace => "Backspace",
            KeyName::Delete => "Del",
        }
    }

    fn key_help(&self, d: Does) -> &'static str {
        match d {
            Does::TreeUp => "move up",
            Does::TreeDown => "move down",
            Does::TreePageUp => "one screen up",
            Does::TreePageDown => "one screen down",
            Does::TreeTop => "first row",
            Does::TreeBottom => "last row",
            Does::TreeExpand => "open the row (again: go to its first child)",
            Does::TreeCollapse => "close the row (again: go to its parent)",
            Does::TreeToggle => "open or close the row",
            Does::TreeExpandAll => "open every row",
            Does::TreeCollapseAll => "close every row down to the perspectives",
            Does::TreeEditResult => {
                "type the result of the indicator (on an objective: open or close it)"
            }
            Does::TreeEditOverride => {
                "set or clear an override of the realization, with its reason"
            }
            Does::TreeEditNote => "write a note (comment) on the indicator",
            Does::TreeNotAssessable => {
                "mark the indicator not assessable this year, with the reason (empty: assessable again)"
            }
            Does::TreeNextPending => "go to the next pending indicator",
            Does::TreePrevPending => "go to the previous pending indicator",
            Does::TreeSearch => "search codes, ids and descriptions",
            Does::TreeNextMatch => "next search match",
            Does::TreePrevMatch => "previous search match",
            Does::TreeCycleFilter => {
                "filter: all → pending → below target → overridden → each office (in a plan with owners)"
            }
            Does::TreeChangeTarget => {
                "change the year's target: asks the date and the reason, keeps the original on record"
            }
            Does::TreeNextPeriod => "show the next monitoring period",
            Does::TreePrevPeriod => "show the previous monitoring period",
            Does::TreeToggleEnterMoves => {
                "after a result, Enter goes to the next indicator, or to the next pending one"
            }
            Does::FieldConfirmAndNext => "confirm and type the next indicator's result",
            Does::FieldConfirmAndPrev => "confirm and type the previous indicator's result",
            Does::PasteDown => "scroll down",
            Does::PasteUp => "scroll up",
            Does::PasteSubmit => "put every value in (one step, undone with one undo)",
            Does::PasteSkip => "put in the values that can be read, leaving out the others",
            Does::PasteCancel => "close, changing nothing",
            Does::TreeNextFinding => "go to the next validation warning or error",
            Does::TreeUndo => "undo the last edit",
            Does::TreeRedo => "redo the edit undone",
            Does::TreeSave => "save the plan to its file",
            Does::TreeSaveAs => "save the plan under another name",
            Does::TreeExport => "export the summary (XLSX, CSV, Markdown, HTML)",
            Does::TreeImport => {
                "import the offices' forms (a file or a folder): see what changes, then put it in"
            }
            Does::TreeHelp => "show this help",
            Does::TreeQuit => "quit (asks first when there are unsaved changes)",
            Does::FieldSubmit => "confirm what was typed",
            Does::FieldCancel => "cancel: the old value stays",
            Does::FieldBackspace => "delete the character before the cursor",
            Does::FieldDelete => "delete the character under the cursor",
            Does::FieldDeleteWord => "delete the word before the cursor",
            Does::FieldClear => "empty the field (an empty result makes the indicator pending)",
            Does::FieldLeft => "cursor left",
            Does::FieldRight => "cursor right",
            Does::FieldHome => "cursor to the start",
            Does::FieldEnd => "cursor to the end",
            Does::DialogDialogPrev => "previous choice",
            Does::DialogDialogNext => "next choice",
            Does::DialogSubmit => "do the chosen thing (or press its letter, shown in [ ])",
            Does::DialogCancel => "close the dialog, changing nothing",
            Does::RestoreUp => "previous field changed in the file too",
            Does::RestoreDown => "next field changed in the file too",
            Does::RestoreToggle => "take your value for this field, or keep the file's",
            Does::RestoreTakeAllMine => "take your value for every field listed",
            Does::RestoreKeepAllFile => "keep the file's value for every field listed",
            Does::RestoreSubmit => {
                "restore the changes (with the choices made for the fields listed)"
            }
            Does::RestoreDropRecovered => "drop every unsaved change of the previous run",
            Does::RestoreCancel => {
                "nothing: the question stays until the changes are restored or dropped"
            }
            Does::ExportDialogNext => "next format",
            Does::ExportDialogPrev => "previous format",
            Does::ExportSubmit => "write the file",
            Does::ExportCancel => "close the dialog, writing nothing",
            Does::HelpDown => "scroll down",
            Does::HelpUp => "scroll up",
            Does::HelpCancel => "close the help",
        }
    }

    fn key_hint(&self, h: Hint) -> &'static str {
        match h {
            Hint::Result => "result",
            Hint::NextPending => "next pending",
            Hint::Search => "search",
            Hint::Filter => "filter",
            Hint::Undo => "undo",
            Hint::Save => "save",
            Hint::Export => "export",
            Hint::Help => "help",
            Hint::Quit => "quit",
            Hint::ConfirmNext => "next",
            Hint::PutIn => "put in",
            Hint::Skip => "skip unreadable",
            Hint::Confirm => "confirm",
            Hint::Cancel => "cancel",
            Hint::Choose => "choose",
            Hint::YoursOrFile => "yours/file's",
            Hint::AllYours => "all yours",
            Hint::AllFile => "all file's",
            Hint::Restore => "restore",
            Hint::Drop => "drop",
            Hint::Format => "format",
            Hint::Close => "close",
        }
    }

    fn context_title(&self, c: Context) -> &'static str {
        match c {
            Context::Tree => "In the tree",
            Context::Field => "While typing in a field",
            Context::Dialog => "In a dialog",
            Context::Restore => "When restoring unsaved changes after a crash",
            Context::Export => "In the export dialog (and the field keys above)",
            Context::Paste => "When pasting a column of results",
            Context::Help => "In this help",
        }
    }

    fn filter(&self, f: &Filter) -> String {
        match f {
            Filter::All => "all".into(),
            Filter::Pending => "pending".into(),
            Filter::BelowTarget => "below target".into(),
            Filter::Overridden => "overridden".into(),
            Filter::Office(name) => format!("office «{name}»"),
            Filter::NoOffice => "without an office".into(),
        }
    }

    fn format_name(&self, f: Format) -> &'static str {
        match f {
            Format::Xlsx => "XLSX (Excel, LibreOffice)",
            Format::Csv => "CSV (one row per indicator)",
            Format::Md => "Markdown (for the report)",
            Format::Html => "HTML (a page to print)",
        }
    }

    fn field_label(&self, f: EditField) -> &'static str {
        match f {
            EditField::Result => "Result",
            EditField::Note => "Note",
            EditField::OverrideRealization => "Override realization (%; empty: remove)",
            EditField::OverrideReason => "Reason for the override (required)",
            EditField::NotAssessableReason => "Not assessable: why (empty: assessable again)",
            EditField::Target => "New target for the year",
            EditField::TargetDate => "Date of the target change",
            EditField::TargetReason => "Why the target changes (required)",
        }
    }

    fn field_name(&self, f: FieldName) -> &'static str {
        match f {
            FieldName::Result => "result",
            FieldName::Override => "override",
            FieldName::Note => "note",
            FieldName::NotAssessable => "not assessable",
            FieldName::Target => "target",
            FieldName::TargetChanges => "target changes",
        }
    }

    fn value_hint(&self, kind: ValueKind, locale: Locale) -> &'static str {
        match (kind, locale) {
            (ValueKind::Date, Locale::It) => "a date: 31/12/2017 or 2017-12-31",
            (ValueKind::Date, Locale::En) => "a date: 2017-12-31 or 31/12/2017",
            (ValueKind::Percent, Locale::It) => {
                "a percentage: 93 or 93% or 2,5; a ratio 79/87,3; a bound >= 95"
            }
            (ValueKind::Percent, Locale::En) => {
                "a percentage: 93 or 93% or 2.5; a ratio 79/87.3; a bound >= 95"
            }
            (ValueKind::Number, Locale::It) => {
                "a number: 2,03 or 1.000 (a thousand); a ratio 79/87,3; a bound >= 95"
            }
            (ValueKind::Number, Locale::En) => {
                "a number: 2.03 or 1,000; a ratio 79/87.3; a bound >= 95"
            }
            (ValueKind::YesNo, Locale::It) => "yes or no: Sì or No",
            (ValueKind::YesNo, Locale::En) => "yes or no: Yes or No",
        }
    }

    fn value_hint_keys(&self, confirm: &str, cancel: &str, left: &str, right: &str) -> String {
        format!(
            "typing replaces the value, {left} {right} edit it · empty: pending · {confirm} confirms · {cancel} keeps the old value"
        )
    }

    fn msg(&self, m: &Msg) -> String {
        match m {
            Msg::Empty => String::new(),
            Msg::Opened { indicators } => format!(
                "{} · press {} for help",
                count(*indicators, "indicator", "indicators"),
                key(Context::Tree, Action::Help, L)
            ),
            Msg::OpenedWithFindings { errors, warnings } => {
                let mut what = Vec::new();
                if *errors > 0 {
                    what.push(count(*errors, "error", "errors"));
                }
                if *warnings > 0 {
                    what.push(count(*warnings, "warning", "warnings"));
                }
                format!(
                    "The plan has {}: press {} to go to each; {} for help",
                    what.join(" and "),
                    key(Context::Tree, Action::NextFinding, L),
                    key(Context::Tree, Action::Help, L)
                )
            }
            Msg::FirstRun(FirstRun::Copied(p)) => format!(
                "First run: a copy of the example plan (CCIAA Massa-Carrara 2017) is at {}",
                p.display()
            ),
            Msg::FirstRun(FirstRun::Kept(p)) => {
                format!("Opened the example plan kept at {}", p.display())
            }
            Msg::OpenedReadOnly(r) => format!(
                "{}. You can look, and save a copy with {}.",
                self.read_only(r),
                key(Context::Tree, Action::SaveAs, L)
            ),
            Msg::AlreadySaved { changes } => format!(
                "The {} left in the recovery journal {} already in the file",
                count(*changes, "change", "changes"),
                if *changes == 1 { "was" } else { "were" }
            ),
            Msg::JournalUnreadable { records } => format!(
                "{} of the recovery journal could not be read (cut short or damaged); nothing else was left to restore",
                count(*records, "record", "records")
            ),
            Msg::SelectIndicatorFirst => {
                "Select an indicator first: results, notes and overrides belong to indicators"
                    .into()
            }
            Msg::NoChangeReadOnly(r) => {
                format!("{}; nothing can be changed here", self.read_only(r))
            }
            Msg::NoSaveReadOnly(r) => format!(
                "{}. Save under another name with {}.",
                self.read_only(r),
                key(Context::Tree, Action::SaveAs, L)
            ),
            Msg::Cancelled => "Cancelled".into(),
            Msg::ValueKept => "Cancelled: the value is as it was".into(),
            Msg::NoChange => "No change".into(),
            Msg::Changed { step, realization } => {
                let r = match realization {
                    RealizationText::Percent(p) => p.clone(),
                    RealizationText::Pending => "pending".into(),
                    RealizationText::NotAssessable => "not assessable".into(),
                    RealizationText::Unscorable => "cannot be scored".into(),
                };
                format!("{} · realization {r}", self.step(step))
            }
            Msg::Undone(s) => format!("Undone: {}", self.step(s)),
            Msg::Redone(s) => format!("Redone: {}", self.step(s)),
            Msg::NothingToUndo => "Nothing to undo".into(),
            Msg::NothingToRedo => "Nothing to redo".into(),
            Msg::FilterSet { filter, shown } => format!(
                "Filter: {} ({} shown; {} for the next filter)",
                self.filter(filter),
                count(*shown, "indicator", "indicators"),
                key(Context::Tree, Action::CycleFilter, L)
            ),
            Msg::PendingAt { id, pending } => {
                format!("Pending indicator {id} ({pending} pending in all)")
            }
            Msg::PendingHidden { hidden, filter } => format!(
                "{}, hidden by the filter \"{}\": press {} to change it",
                count(*hidden, "pending indicator", "pending indicators"),
                self.filter(filter),
                key(Context::Tree, Action::CycleFilter, L)
            ),
            Msg::NoPending => "No pending indicators: every result is in.".into(),
            Msg::NoPendingLeft { filtered: false } => {
                "Result entered; no other indicator is pending".into()
            }
            Msg::NoPendingLeft { filtered: true } => {
                "Result entered; no other indicator the filter shows is pending".into()
            }
            Msg::PeriodShown {
                name,
                date,
                index,
                count,
            } => {
                format!(
                    "Period {index} of {count}: {name} ({date}); a result typed now goes to this period"
                )
            }
            Msg::NoPeriods => {
                "The plan has no monitoring periods: add them in `periods` (see plans/README.md)"
                    .into()
            }
            Msg::NoForms(path) => format!(
                "No form at {}: name an .xlsx or .csv file, or a folder holding some",
                path.display()
            ),
            Msg::ImportHasProblems { problems } => format!(
                "Nothing is put in: {} to correct in the forms (listed here); Esc to close",
                count(*problems, "row or file", "rows or files")
            ),
            Msg::Imported { changes, conflicts } => format!(
                "Put in {} from the forms (u undoes){}",
                count(*changes, "value", "values"),
                if *conflicts > 0 {
                    format!(
                        "; {} left out: the plan changed since the forms were written",
                        count(*conflicts, "conflict", "conflicts")
                    )
                } else {
                    String::new()
                }
            ),
            Msg::EnterMoves { to_pending: false } => {
                "After a result, Enter goes to the next indicator".into()
            }
            Msg::EnterMoves { to_pending: true } => {
                "After a result, Enter goes to the next pending indicator".into()
            }
            Msg::Pasted { changes, skipped } => {
                let mut msg = if *changes == 1 {
                    "Pasted 1 value".to_string()
                } else {
                    format!("Pasted {changes} values")
                };
                if *skipped > 0 {
                    msg.push_str(&format!(" · {} left out", count(*skipped, "line", "lines")));
                }
                msg
            }
            Msg::PasteUnreadable { unreadable } => {
                let skip = key(Context::Paste, Action::SkipUnreadable, L);
                if *unreadable == 1 {
                    format!("1 line cannot be read: correct it, or press {skip} to leave it out")
                } else {
                    format!(
                        "{unreadable} lines cannot be read: correct them, or press {skip} to leave them out"
                    )
                }
            }
            Msg::NoteRequired {
                realization,
                fair,
                more,
            } => {
                let more = match more {
                    0 => String::new(),
                    1 => " (1 more after this one)".into(),
                    n => format!(" ({n} more after this one)"),
                };
                format!(
                    "A realization of {realization} is below the fair threshold ({fair} %): the plan asks for a note saying why{more}"
                )
            }
            Msg::NoFindings => "No warnings or errors in the plan.".into(),
            Msg::FindingAt {
                finding,
                index,
                count,
            } => format!("{} ({index} of {count})", finding.say(L)),
            Msg::NoSearchYet => format!(
                "No search yet: press {} to search",
                key(Context::Tree, Action::Search, L)
            ),
            Msg::NoMatch { query } => format!("No match for \"{query}\""),
            Msg::MatchAt {
                index,
                count,
                query,
            } => format!(
                "Match {index} of {count} for \"{query}\" ({} next, {} previous)",
                key(Context::Tree, Action::NextMatch, L),
                key(Context::Tree, Action::PrevMatch, L)
            ),
            Msg::SearchCleared => "Search cleared".into(),
            Msg::SearchCancelled => "Search cancelled".into(),
            Msg::Saved {
                path,
                layout_lost,
                overwritten,
                read_only,
                audit_failed,
            } => {
                let mut msg = format!("Saved {}", path.display());
                if *layout_lost {
                    msg.push_str(
                        " · the file's own layout could not be kept, so it is written in perfplan's layout",
                    );
                }
                if let Some(p) = overwritten {
                    msg.push_str(&format!(
                        " · the version it replaced is kept in {}",
                        p.display()
                    ));
                }
                if let Some((log, cause)) = audit_failed {
                    msg.push_str(&format!(
                        " · but the audit log {} could not be written: {}",
                        log.display(),
                        self.cause(cause)
                    ));
                }
                msg + &read_only_suffix(read_only)
            }
            Msg::NotSaved(p) => format!(
                "Not saved: {}; {}. Your changes are still here.",
                self.problem(p),
                self.save_advice(p)
            ),
            Msg::Reloaded {
                mine,
                aside,
                theirs,
                read_only,
            } => {
                let mut msg = match mine {
                    Some(p) => format!(
                        "Now showing their version; yours is kept in {}",
                        p.display()
                    ),
                    None => "Reloaded from disk".to_string(),
                };
                if let Some(p) = aside {
                    msg.push_str(&format!("; your unsaved edits are kept in {}", p.display()));
                }
                if let Some(p) = theirs {
                    msg.push_str(&format!(
                        "; yet another version found meanwhile is kept in {}",
                        p.display()
                    ));
                }
                msg + &read_only_suffix(read_only)
            }
            Msg::NotReloaded { why, aside } => format!(
                "Not reloaded: {}. Your edits are still here{}",
                self.reload_problem(why),
                aside
                    .as_ref()
                    .map_or(String::new(), |p| format!(" (and in {})", p.display()))
            ),
            Msg::Exported {
                format,
                path,
                replaced,
                provisional,
            } => {
                let mut msg = format!(
                    "Exported the {} summary to {}",
                    format.extension().to_uppercase(),
                    path.display()
                );
                if *replaced {
                    msg.push_str(" (replacing the file there)");
                }
                if let Some((measured, total)) = provisional {
                    msg.push_str(&format!(
                        " · Provisional: {} of {total} {} still pending; the scores count only the {measured} measured.",
                        total - measured,
                        if total - measured == 1 { "indicator is" } else { "indicators are" }
                    ));
                }
                msg
            }
            Msg::ExportCancelled => "Export cancelled".into(),
            Msg::NotExported(p) => format!(
                "Not exported: {}; choose another file or folder",
                self.problem(p)
            ),
            Msg::JournalNotCleared(j) => format!(
                "The recovery journal could not be cleared ({}): its changes will be offered again when the plan is next opened",
                self.journal_down(j)
            ),
            Msg::KeptMine { theirs } => format!(
                "Kept yours; theirs stays in {}",
                theirs
                    .as_deref()
                    .map_or(String::new(), |p| p.display().to_string())
            ),
            Msg::NoCrashRecovery => "Editing without crash recovery: save often".into(),
            Msg::Dropped { changes } => format!(
                "Dropped {} from the previous session; the plan is as saved",
                count(*changes, "unsaved change", "unsaved changes")
            ),
            Msg::NotApplied { changes } => format!(
                "Your {} not applied: their version is shown as it is",
                if *changes == 1 {
                    "change was".to_string()
                } else {
                    format!("{changes} changes were")
                }
            ),
            Msg::ChooseRestoreOrDrop => format!(
                "Choose {} to restore the unsaved changes or {} to drop them",
                key(Context::Restore, Action::Submit, L),
                key(Context::Restore, Action::DropRecovered, L)
            ),
            Msg::Restored {
                applied,
                kept,
                left_out,
            } => {
                let mut msg = if *applied == 0 {
                    "Nothing restored: the file's values are kept".to_string()
                } else {
                    format!(
                        "Restored {}; save to keep {}",
                        count(*applied, "change", "changes"),
                        if *applied == 1 { "it" } else { "them" }
                    )
                };
                if *kept > 0 {
                    msg.push_str(&format!(
                        " · kept the file's value for {} changed there",
                        count(*kept, "field", "fields")
                    ));
                }
                if !left_out.is_empty() {
                    msg.push_str(&format!(" · left out: {}", left_out.join(", ")));
                }
                msg
            }
        }
    }

    fn field_error(&self, e: &FieldError) -> String {
        match e {
            FieldError::Parse(p) => p.say(L),
            FieldError::NotWholeCount { unit } => {
                format!(
                    "a count is a whole number of {}, not negative, like 12",
                    crate::lang::ExportWords::unit(self, unit)
                )
            }
            FieldError::PercentAsFraction { meant } => {
                format!("a percentage between 0 and 1: {meant} % meant? Paste it as {meant}")
            }
            FieldError::RealizationOutOfRange => "a realization is between 0 and 100 %".into(),
            FieldError::ReasonNeeded => {
                "an override needs its reason: say why the computed realization is not used".into()
            }
            FieldError::TargetReasonNeeded => {
                "a target change needs its reason: the Relazione reports it".into()
            }
            FieldError::NoFileName => "type a file name".into(),
            FieldError::NoExportPath => "type where to write the file".into(),
            FieldError::Value { error, locale } => error.say_in(L, *locale),
        }
    }

    fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::NoFolder { dir, gone: true } => format!(
                "the folder {} is gone (moved, deleted or unmounted)",
                dir.display()
            ),
            Problem::NoFolder { dir, gone: false } => {
                format!("the folder {} does not exist", dir.display())
            }
            Problem::NotWritable { dir, cause } => {
                format!(
                    "{} is read-only for you ({})",
                    dir.display(),
                    self.cause(cause)
                )
            }
            Problem::Full { dir } => format!("the disk is full ({})", dir.display()),
            Problem::NotAFile { path, what } => {
                format!("{} is {}", path.display(), self.not_a_file(*what))
            }
            Problem::IsThePlan { path } => format!("{} is the plan itself", path.display()),
            Problem::OpenElsewhere { path } => {
                format!("another perfplan has {} open", path.display())
            }
            Problem::ReadOnly => {
                "another perfplan has this plan open, so it is read-only here".into()
            }
            Problem::Unreadable { path, cause } => format!(
                "{} cannot be read to compare it with what was opened ({})",
                path.display(),
                self.cause(cause)
            ),
            Problem::Changed { path } => format!(
                "{} changed on disk while it was being written",
                path.display()
            ),
            Problem::Render(e) => e.0.say(L),
            Problem::Other { dir, cause } => {
                format!("cannot write in {}: {}", dir.display(), self.cause(cause))
            }
        }
    }

    fn save_advice(&self, p: &Problem) -> &'static str {
        match p {
            Problem::NotWritable { .. } | Problem::ReadOnly => {
                "save under another name in a folder you can write"
            }
            Problem::Full { .. } => "free some space, or save under another name on another disk",
            Problem::NoFolder { .. } => "save under another name",
            Problem::IsThePlan { .. } => "choose another name",
            Problem::OpenElsewhere { .. } => "choose another name, or close the other perfplan",
            Problem::NotAFile { .. }
            | Problem::Unreadable { .. }
            | Problem::Changed { .. }
            | Problem::Render(_)
            | Problem::Other { .. } => {
                "nothing was changed on disk; try again, or save under another name"
            }
        }
    }

    fn read_only(&self, r: &ReadOnly) -> String {
        match r {
            ReadOnly::Elsewhere => "Read-only: another perfplan has this plan open".into(),
            ReadOnly::Unlockable(why) => format!(
                "Read-only: the plan cannot be locked against other editors ({})",
                self.lock_why(why)
            ),
        }
    }

    fn lock_why(&self, w: &LockWhy) -> String {
        match w {
            LockWhy::NothingLockable(c) => format!(
                "neither the plan's file ({}) nor a lock file beside it or in perfplan's state folder can be locked",
                self.cause(c)
            ),
            LockWhy::NoLockFile => {
                "no lock file can be made beside the plan or in perfplan's state folder".into()
            }
            LockWhy::Failed(c) => self.cause(c),
        }
    }

    fn cause(&self, c: &Cause) -> String {
        // The system's own words are English here already.
        c.os.clone()
    }

    fn not_a_file(&self, n: NotAFile) -> &'static str {
        match n {
            NotAFile::Folder => "a folder, not a file",
            NotAFile::Pipe => "a pipe (FIFO), not a file",
            NotAFile::Device => "a device, not a file",
            NotAFile::Socket => "a socket, not a file",
            NotAFile::DanglingLink => "a link to a file that does not exist",
            NotAFile::Other => "not a regular file",
        }
    }

    fn journal_down(&self, j: &JournalDown) -> String {
        match j {
            JournalDown::NoFolder => "perfplan has no folder of its own to keep it in".into(),
            JournalDown::Io { path, cause } => {
                format!("{}: {}", path.display(), self.cause(cause))
            }
        }
    }

    fn reload_problem(&self, r: &ReloadProblem) -> String {
        match r {
            ReloadProblem::AsideFailed(p) => format!(
                "your unsaved edits could not be kept aside ({})",
                self.problem(p)
            ),
            ReloadProblem::TheirsUnreadable { path, cause } => {
                format!("{} cannot be read ({})", path.display(), self.cause(cause))
            }
            ReloadProblem::TheirsDoesNotLoad(e) => format!(
                "their version does not load, so the plan is left as it is: {}",
                e.0.say(L)
            ),
            ReloadProblem::MineNotKept(p) => format!(
                "your version could not be kept aside ({}); nothing was changed",
                self.problem(p)
            ),
            ReloadProblem::TheirsNotPut(p) => format!(
                "their version could not be put in the plan's place ({})",
                self.problem(p)
            ),
            ReloadProblem::Load(e) => e.0.say(L),
        }
    }

    fn dir_error(&self, e: &DirError) -> String {
        match (&e.path, &e.cause) {
            (Some(p), Some(c)) => format!(
                "cannot create perfplan's folder {} ({}); set PERFPLAN_DATA_DIR to a folder you can write",
                p.display(),
                self.cause(c)
            ),
            _ => "no home folder was found (is HOME set?) to keep perfplan's files in; set PERFPLAN_DATA_DIR to a folder you can write".into(),
        }
    }

    fn step(&self, s: &StepText) -> String {
        match s {
            StepText::Result { id, old, new } => {
                format!("result of {id}: {} → {}", self.shown(old), self.shown(new))
            }
            StepText::Note { id, written } => format!(
                "note of {id}: {}",
                if *written { "written" } else { "removed" }
            ),
            StepText::Target { id, old, new } => format!(
                "target of {id}: {} → {} (the original target is kept on record)",
                self.shown(old),
                self.shown(new)
            ),
            StepText::NotAssessable { id, marked: true } => {
                format!("{id} marked not assessable: left out of the scores")
            }
            StepText::NotAssessable { id, marked: false } => {
                format!("{id} assessable again")
            }
            StepText::Override {
                id,
                percent: Some(p),
            } => format!("override of {id}: {p}"),
            StepText::Override { id, percent: None } => format!("override of {id}: removed"),
            StepText::Restored { changes } => format!(
                "{} restored from the recovery journal",
                count(*changes, "change", "changes")
            ),
            StepText::Changes { changes } => count(*changes, "change", "changes"),
        }
    }

    fn shown(&self, s: &Shown) -> String {
        match s {
            Shown::Pending => "pending".into(),
            Shown::Nothing => "none".into(),
            Shown::Value(v) => v.clone(),
            Shown::Override { percent, reason } => format!("{percent} ({reason})"),
            Shown::Note(n) => format!("\"{n}\""),
        }
    }

    fn dialog_title(&self, k: DialogKind) -> &'static str {
        match k {
            DialogKind::Quit => "Unsaved changes",
            DialogKind::Conflict => "The file changed on disk",
            DialogKind::ReplaceFile | DialogKind::ReplaceExport => "The file exists",
            DialogKind::DraftExport => "The plan has errors",
            DialogKind::Theirs => "Another version was found while saving",
            DialogKind::PercentFraction => "A percentage between 0 and 1",
            DialogKind::NoJournal | DialogKind::JournalFailed => "No crash recovery",
        }
    }

    fn dialog_choices(&self, k: DialogKind) -> &'static [Choice] {
        match k {
            DialogKind::ReplaceFile => &[
                choice!('o', "Overwrite it with this plan", Answer::Overwrite),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::ReplaceExport => &[
                choice!('o', "Replace it with the export", Answer::Overwrite),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::DraftExport => &[
                choice!(
                    'd',
                    "Export a draft (marked as such, with the errors listed)",
                    Answer::Draft,
                ),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::Quit => &[
                choice!('s', "Save and quit", Answer::Save),
                choice!('d', "Discard changes and quit", Answer::Discard),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::Conflict => &[
                choice!(
                    'm',
                    "Merge: reload theirs and apply your changes again (both sides' changes listed)",
                    Answer::Merge,
                ),
                choice!(
                    'r',
                    "Reload theirs (your edits are kept aside)",
                    Answer::Reload,
                ),
                choice!(
                    'o',
                    "Overwrite with yours (theirs is kept beside the plan)",
                    Answer::Overwrite,
                ),
                choice!('a', "Save as another file", Answer::SaveAs),
                choice!('c', "Cancel", Answer::Cancel),
            ],
            DialogKind::Theirs => &[
                choice!(
                    'k',
                    "Keep yours (theirs stays in the file named above)",
                    Answer::KeepMine,
                ),
                choice!(
                    't',
                    "Take theirs (yours is kept beside the plan)",
                    Answer::TakeTheirs,
                ),
            ],
            DialogKind::NoJournal => &[
                choice!('c', "Edit without crash recovery", Answer::Continue),
                choice!('q', "Quit", Answer::Quit),
            ],
            DialogKind::PercentFraction => &[
                choice!('c', "Correct it: the value times 100", Answer::Hundredfold),
                choice!('k', "Keep the value as typed", Answer::AsTyped),
                choice!('b', "Back to the field", Answer::Cancel),
            ],
            DialogKind::JournalFailed => &[
                choice!('c', "Edit on without crash recovery", Answer::Continue),
                choice!('s', "Save now", Answer::Save),
            ],
        }
    }

    fn dialog_question(&self, q: &Question) -> String {
        let path = q
            .path
            .as_deref()
            .map_or(String::new(), |p| p.display().to_string());
        let down = q
            .journal_down
            .as_ref()
            .map_or(String::new(), |j| self.journal_down(j));
        match q.kind {
            DialogKind::Quit => {
                "The plan has changes that are not saved. Save them before quitting?".into()
            }
            DialogKind::Conflict => {
                "The plan's file changed on disk, or was removed, since perfplan opened it \
                 (another editor, a git pull, a sync). Saving now would overwrite their changes."
                    .into()
            }
            DialogKind::ReplaceFile => format!(
                "{path} exists. Replace it with this plan? (Its old text is kept as a .bak beside it.)"
            ),
            DialogKind::DraftExport => format!(
                "The plan has {}, and its scores leave out what is wrong. An export now is a draft: every format says so on top and lists the errors. ({} goes to each error.)",
                count(q.errors, "error", "errors"),
                key(Context::Tree, Action::NextFinding, L)
            ),
            DialogKind::ReplaceExport => {
                format!("{path} exists. Replace it with the export? (Its old content is not kept.)")
            }
            DialogKind::Theirs => format!(
                "Your plan is saved. While it was being saved, another program or person put their own version of the plan in the file; theirs is kept as {path}."
            ),
            DialogKind::NoJournal => format!(
                "The crash-recovery journal cannot be written ({down}). If perfplan or the computer stops before you save, your edits are lost. Make room in that folder, or set PERFPLAN_STATE_DIR (or PERFPLAN_DATA_DIR) to a folder you can write, to have it back."
            ),
            DialogKind::PercentFraction => {
                let (typed, pct) = q.fraction.clone().unwrap_or_default();
                format!(
                    "{typed} was typed as a percentage: did you mean {pct} %? (A spreadsheet cell formatted as a percentage copies 93 % as 0.93.)"
                )
            }
            DialogKind::JournalFailed => format!(
                "The crash-recovery journal could not be written ({down}). Your edits are safe in perfplan for now, but they would be lost if perfplan or the computer stopped before a save. perfplan keeps trying with each edit."
            ),
        }
    }

    fn restore_title(&self, merge: bool) -> &'static str {
        if merge {
            "Your changes on their version"
        } else {
            "Unsaved changes from a previous session"
        }
    }

    fn restore_lines(&self, f: &RestoreFacts) -> Vec<String> {
        let when = match (&f.first, &f.last) {
            (Some(a), Some(b)) if a != b => format!(" between {a} and {b}"),
            (Some(a), _) => format!(" at {a}"),
            _ => String::new(),
        };
        let n = count(f.changes, "change", "changes");
        let one = f.changes == 1;
        let mut lines = vec![if f.merge {
            format!(
                "The plan's file was changed by another program or person, and their version is now shown. Your {n} since the last save can be applied to it."
            )
        } else {
            format!(
                "perfplan ended without saving {n} to this plan, made{when}. {} kept in the recovery journal.",
                if one { "It was" } else { "They were" }
            )
        }];
        if f.damaged > 0 {
            lines.push(format!(
                "{} of the journal {} read; {} could not be (cut short or damaged) and {} left out.",
                count(f.records, "record", "records"),
                if f.records == 1 { "was" } else { "were" },
                f.damaged,
                if f.damaged == 1 { "is" } else { "are" }
            ));
        }
        if f.file_changed && !f.merge {
            lines.push(format!(
                "The plan's file was changed by another program or person after {} made.",
                if one {
                    "this change was"
                } else {
                    "these changes were"
                }
            ));
        }
        let toggle = key(Context::Restore, Action::Toggle, L);
        let all = key(Context::Restore, Action::TakeAllMine, L);
        let known = f.conflicts - f.unknown;
        if known > 0 {
            lines.push(format!(
                "{} below {} changed in the file too. For each, the file's value is kept unless you take yours ({toggle}).",
                count(known, "field", "fields"),
                if known == 1 { "was" } else { "were" }
            ));
        }
        if f.unknown > 0 {
            let (it, them, values) = if f.unknown == 1 {
                ("the change", "it", "value is")
            } else {
                ("the changes", "them", "values are")
            };
            lines.push(format!(
                "For {} below the journal does not show the value {it} started from (it was written by an earlier version of perfplan, or a record of it is damaged), so it cannot be told whether somebody changed {them} in the file since: the file's {values} kept unless you take yours ({toggle} for one, {all} for all).",
                count(f.unknown, "field", "fields")
            ));
        }
        if !f.missing.is_empty() {
            lines.push(format!(
                "Not in the plan any more, so left out: {}.",
                f.missing.join(", ")
            ));
        }
        if !f.ambiguous.is_empty() {
            lines.push(format!(
                "Used by more than one indicator of the plan, so left out (make the ids unique first): {}.",
                f.ambiguous.join(", ")
            ));
        }
        if !f.gone_periods.is_empty() {
            lines.push(format!(
                "Monitoring periods the plan no longer has, so their values are left out: {}.",
                f.gone_periods.join(", ")
            ));
        }
        match &f.left_out_file {
            Some(p) => lines.push(format!(
                "The changes left out are written down in {}, to type where they belong.",
                p.display()
            )),
            None if f.left_out > 0 => lines.push(
                "The changes left out could not be written down in a file: note them before answering."
                    .into(),
            ),
            None => {}
        }
        lines
    }

    fn restore_row(&self, id: &str, field: FieldName, file: &str, yours: &str) -> String {
        format!(
            "{id} · {}: file {file} · yours {yours}",
            self.field_name(field)
        )
    }

    fn git_merge_title(&self) -> &'static str {
        "Fields changed on both sides of a git merge"
    }

    fn git_merge_lines(&self, f: &RestoreFacts) -> Vec<String> {
        let toggle = key(Context::Restore, Action::Toggle, L);
        let all = key(Context::Restore, Action::TakeAllMine, L);
        vec![
            format!(
                "git merged another version into this plan (perfplan merge). {} below {} changed on both sides to different values: the file holds ours.",
                count(f.conflicts, "field", "fields"),
                if f.conflicts == 1 { "was" } else { "were" }
            ),
            format!(
                "For each, ours is kept unless you take theirs ({toggle} for one, {all} for all). The choices are applied as one step you can undo; save to keep them."
            ),
        ]
    }

    fn git_merge_row(&self, id: &str, field: FieldName, ours: &str, theirs: &str) -> String {
        format!(
            "{id} · {}: ours {ours} · theirs {theirs}",
            self.field_name(field)
        )
    }

    fn left_out_header(&self) -> &'static str {
        "perfplan could not restore these changes from its recovery journal: their indicators' ids are not in the plan, or are used by more than one indicator. Each line is the indicator's id and the field as the plan file writes it; type them where they belong, then delete this file."
    }

    fn too_small(&self, width: u16, height: u16, min_width: u16, min_height: u16) -> String {
        format!(
            "Terminal too small: {width}×{height}. perfplan needs at least {min_width}×{min_height}; enlarge the window."
        )
    }

    fn measured(&self, measured: usize, total: usize) -> String {
        format!("Indicators measured {measured} / {total}")
    }

    fn not_assessable_count(&self, n: usize) -> String {
        format!("{n} not assessable")
    }

    fn filter_is(&self, f: &Filter) -> String {
        format!(" · filter: {}", self.filter(f))
    }

    fn errors(&self, n: usize) -> String {
        count(n, "error", "errors")
    }

    fn warnings(&self, n: usize) -> String {
        count(n, "warning", "warnings")
    }

    fn no_rows(&self, f: &Filter, key: &str) -> String {
        format!(
            "No indicator is {}. Press {key} to change the filter.",
            self.filter(f)
        )
    }

    fn tree_title(&self, f: &Filter) -> String {
        match f {
            Filter::All => " Plan ".into(),
            f => format!(" Plan · filter: {} ", self.filter(f)),
        }
    }

    fn share(&self, weight: &str, realization: &str, points: Option<&str>) -> String {
        match points {
            Some(p) => format!("{weight} % × {realization} → {p} points"),
            None => format!("{weight} % × {realization}"),
        }
    }

    fn wrong_weight(&self, weight: &str) -> String {
        format!("{weight} % (a wrong weight) → left out")
    }

    fn pending_left_out(&self, weight: &str) -> String {
        format!("{weight} % × pending → left out")
    }

    fn points(&self, points: &str) -> String {
        format!(" → {points} points")
    }

    fn mean_measured(&self, percent: &str, measured: usize, total: usize) -> String {
        format!("{percent} ({measured} / {total} measured)")
    }

    fn perspective_title(&self, name: &str) -> String {
        format!("Perspective {name}")
    }

    fn perspective_mean(
        &self,
        percent: &str,
        objectives: (usize, usize),
        indicators: (usize, usize),
    ) -> String {
        format!(
            "{percent} (weighted mean of {} / {} objectives; indicators {} / {})",
            objectives.0, objectives.1, indicators.0, indicators.1
        )
    }

    fn operational_weighted(&self, percent: &str) -> String {
        format!("{percent} (weighted over its operational objectives)")
    }

    fn search_hint(
        &self,
        matches: usize,
        keep: &str,
        next: &str,
        prev: &str,
        cancel: &str,
    ) -> String {
        format!(
            "{} · {keep} keeps the search ({next} / {prev} move) · {cancel} cancels",
            count(matches, "match", "matches")
        )
    }

    fn save_as_hint(&self, confirm: &str, cancel: &str) -> String {
        format!("a file path; {confirm} saves, {cancel} cancels")
    }

    fn export_errors(&self, errors: usize, key: &str) -> String {
        if errors == 1 {
            format!(
                "The plan has 1 error: the export will be a draft that lists it ({key} goes to it)."
            )
        } else {
            format!(
                "The plan has {errors} errors: the export will be a draft that lists them ({key} goes to each)."
            )
        }
    }
}
