//! The offices' forms: `perfplan collect` writes one XLSX form per office, `perfplan import`
//! reads them back (and CSVs in the export's shape). This module holds what both sides
//! agree on: the form's layout and the identity it carries.
//!
//! # The form
//! A workbook of three sheets:
//! - the form (first sheet, named in the plan's language): the body, plan, year, office,
//!   period and deadline in rows 1–7 (labels in column A, values in B); the column headings
//!   in row [`HEADER_ROW`]; from the row after it, one row per indicator with the columns of
//!   [`Column`] — the id, the objective, the description, the unit, the target as written, the
//!   baseline, the value the plan holds now, then the two cells the office fills in, the new
//!   result and the note. Only those two are editable (the sheet is protected without a
//!   password) and the result is validated by unit.
//! - the instructions.
//! - [`IDENTITY_SHEET`], hidden: what the import needs to match the rows whatever the
//!   office does to the visible ones (sorting, hiding): the form's version, the plan's
//!   title, organization and year, the period and the office (rows 1–6, key in A, value in
//!   B), then from row [`VALUES_ROW`] one row per indicator: its id, the value the plan held
//!   when the form was written (as the plan file writes it, empty for none) and its note.

pub mod collect;
pub mod import;

/// The form's version, in the identity sheet.
pub const VERSION: &str = "perfplan-form-1";

/// The hidden sheet with the form's identity and the values the plan held.
pub const IDENTITY_SHEET: &str = "perfplan";

/// The row (0-based) of the form's column headings; the indicators follow it.
pub const HEADER_ROW: u32 = 8;

/// The row (0-based) of the identity sheet where the values held start.
pub const VALUES_ROW: u32 = 8;

/// The keys of the identity sheet, rows 0–5 of column A.
pub const KEYS: [&str; 6] = ["form", "title", "organization", "year", "period", "office"];

/// The columns of the form, in order (0-based: `Column::Id as u16` is its column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id = 0,
    Objective = 1,
    Description = 2,
    Unit = 3,
    Target = 4,
    Baseline = 5,
    Current = 6,
    /// Filled in by the office.
    NewResult = 7,
    /// Filled in by the office.
    Note = 8,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Id,
        Column::Objective,
        Column::Description,
        Column::Unit,
        Column::Target,
        Column::Baseline,
        Column::Current,
        Column::NewResult,
        Column::Note,
    ];
}

/// What a form says it was written for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    pub form: String,
    pub title: String,
    pub organization: String,
    pub year: String,
    /// The intermediate period the form collects (empty: the year's final values).
    pub period: String,
    /// The office the form is for (empty: the indicators with no office).
    pub office: String,
}
