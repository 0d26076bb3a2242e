//! What the summary says, as values: its labels, columns and sentences, and how an
//! indicator's realization was reached. `lang` turns them into words in either language.

use crate::plan::Locale;
use crate::plan::check::ValueError;

/// A fixed word of the summary: a label, a heading, a value such as "pending".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A score or result not there yet: `pending`.
    Pending,
    /// An indicator with a wrong value: `cannot be scored`.
    CannotBeScored,
    /// An indicator marked not assessable: `not assessable`.
    NotAssessable,
    /// Before the list of the indicators marked not assessable, with their reasons.
    NotAssessableList,
    /// After a score that rests on pending indicators: `provisional`.
    Provisional,
    Yes,
    No,
    /// The layers as row labels and column headings: `Strategic`, `Operational`.
    Strategic,
    Operational,
    /// The layers as values of a column (CSV): `strategic`, `operational`.
    StrategicValue,
    OperationalValue,
    /// The overall scores' table: `Overall` · `Score`; `Layer` · `Score`.
    Overall,
    Score,
    Layer,
    /// `Indicators measured` 68 `of` 70.
    IndicatorsMeasured,
    Of,
    /// After `m / t` beside an objective: `(4 / 5 measured)`.
    Measured,
    /// The spreadsheet's labels beside the year and the export's date.
    Year,
    Exported,
    /// Before the export's date in a line of text: `exported 25/05/2018`.
    ExportedOn,
    /// The sheets of the workbook.
    SummarySheet,
    StrategicSheet,
    OperationalSheet,
    /// Headings of the documents.
    OverallScores,
    StrategicTable,
    OperationalTable,
    NotesAndOverrides,
    /// Before each perspective's scores (HTML): `Strategic score` · `operational score`.
    StrategicScore,
    OperationalScore,
    /// The tags S and O explained.
    StrategicIndicator,
    OperationalIndicator,
    /// Before the texts in the notes: `realization set by hand: …`, `note: …`.
    SetByHand,
    Note,
    /// The heading of a draft: an export of a plan with errors.
    Draft,
    /// `perfplan score`, under the overall line while indicators are pending.
    ScoresProvisional,
    /// `perfplan score`, under the table: what S and O mean, and `*`.
    LayerKey,
    OverrideKey,
    /// The closing lines of the Markdown and HTML documents.
    MarkdownFooter,
    HtmlFooter,
    /// The `lang` attribute of the HTML page.
    HtmlLang,
    /// A deviation's unit for a deadline: `1 day`, `3 days` (spreadsheet number formats).
    Day,
    Days,
    /// The table of the targets changed during the year, and its columns.
    TargetChangesTable,
    OriginalTarget,
    NewTarget,
    ChangedOn,
    Reason,
    /// The CSV's last column in a plan with periods: the period of the values.
    PeriodColumn,
    /// The table (and sheet) of every period side by side.
    PeriodsTable,
    PeriodsSheet,
    /// Its columns: the indicator, its baseline, and at each period result, target and
    /// realization.
    Indicator,
    Baseline,
    PeriodResult,
    PeriodTarget,
    PeriodRealization,
}

/// A column of the summary's tables (the year goes where the documents put it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Perspective,
    Code,
    ObjectiveOrIndicator,
    Weight,
    Result,
    Target,
    /// Result minus target ("Scostamento").
    Deviation,
    Realization,
    Measured,
    Pending,
    OverrideReason,
    Note,
}

/// A column of the CSV: one row per indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvColumn {
    Perspective,
    StrategicCode,
    OperationalCode,
    Layer,
    Id,
    Description,
    Unit,
    Target,
    Result,
    Realization,
    Pending,
    Override,
    Reason,
    Note,
    /// Result minus target: in the unit column's unit, in days for a date. Last, so that
    /// the columns scripts read by position before it stay where they were.
    Deviation,
}

impl CsvColumn {
    pub const ALL: [CsvColumn; 15] = [
        CsvColumn::Perspective,
        CsvColumn::StrategicCode,
        CsvColumn::OperationalCode,
        CsvColumn::Layer,
        CsvColumn::Id,
        CsvColumn::Description,
        CsvColumn::Unit,
        CsvColumn::Target,
        CsvColumn::Result,
        CsvColumn::Realization,
        CsvColumn::Pending,
        CsvColumn::Override,
        CsvColumn::Reason,
        CsvColumn::Note,
        CsvColumn::Deviation,
    ];
}

/// A sentence of the summary with its numbers (figures already in the plan's locale).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// On top of every export while indicators are pending.
    Provisional { pending: usize, total: usize },
    /// `perfplan score`'s first line.
    Overall {
        strategic: String,
        operational: String,
        measured: usize,
        total: usize,
    },
    /// `perfplan score` of a plan with errors.
    PlanErrors { errors: usize },
    /// Beside the measured count: indicators marked not assessable, left out.
    NotAssessable { count: usize },
    /// `perfplan score`, under each perspective.
    PerspectiveScore {
        strategic: String,
        operational: String,
    },
    /// Where a text too long for a spreadsheet's cell is cut.
    Cut { more: usize },
    /// A deviation from a deadline in days, `figure` being `days` written signed in the
    /// plan's locale: `-1 day`, `+3 days`.
    Days { days: i64, figure: String },
    /// A target changed during the year, as the Relazione reports it: the target before
    /// (as written), the day (in the plan's locale) and why.
    TargetChanged {
        from: String,
        date: String,
        reason: String,
    },
    /// After a computation against a target changed during the year.
    CurrentTargetCounts,
    /// The monitoring period the figures are of, and its date (in the plan's locale).
    Period { name: String, date: String },
}

/// The figures of a computation, in the plan's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// The result (`None` for an override without one).
    pub result: Option<String>,
    /// The target as the controller writes it: `>= 80 %`.
    pub target: String,
    /// The realization as shown: `90,00 %`.
    pub percent: String,
}

/// How an indicator's realization was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Computation<'a> {
    Pending,
    /// Why, with the plan's locale for its numbers.
    Unscorable(&'a ValueError, Locale),
    Met(Figures),
    /// `numerator / denominator`.
    Ratio {
        numerator: String,
        denominator: String,
        figures: Figures,
    },
    /// `1 − |result − target| / divisor`.
    Deviation {
        result: String,
        target: String,
        divisor: String,
        figures: Figures,
    },
    /// A deadline missed by `days`, with `grace` days of grace (0: none).
    Late {
        days: i64,
        grace: u32,
        figures: Figures,
    },
    Missed(Figures),
    Override {
        percent: String,
        reason: &'a str,
    },
    /// Marked not assessable, with the reason.
    NotAssessable(&'a str),
    /// An achievement (`achievement`, how it was reached) put through band number `band`
    /// (`from` – `to` %), which gives `points` (out of `out_of`, when it is not 100):
    /// `percent`.
    Banded {
        achievement: Box<Computation<'a>>,
        band: usize,
        from: String,
        to: String,
        /// The band gives one score (`score_from`), not one in proportion.
        fixed: bool,
        score_from: String,
        score_to: String,
        points: String,
        out_of: Option<String>,
        percent: String,
    },
}
