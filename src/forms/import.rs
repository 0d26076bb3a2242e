//! `perfplan import`: the offices' results read back from their forms (XLSX, as `collect`
//! writes them) or from CSVs in the export's shape, every row checked. What is wrong in any
//! row is reported with its file, sheet and row, and then nothing is applied; a value the
//! plan changed since the form was written is a conflict, listed and not applied.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Column, HEADER_ROW, IDENTITY_SHEET, Identity, KEYS, VALUES_ROW, VERSION};
use crate::plan::locale::InputError;
use crate::plan::{
    Field, FieldChange, FieldValue, IndicatorPath, Locale, Plan, Unit, Value, check::ValueError,
};

/// Where a row is: the file, the sheet (empty for a CSV) and the row as a spreadsheet
/// numbers it (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowPlace {
    pub file: PathBuf,
    pub sheet: String,
    pub row: u32,
}

/// What is wrong with a form or one of its rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file cannot be opened or read as a spreadsheet or a CSV.
    Unreadable {
        file: PathBuf,
        why: String,
    },
    /// Not a form of perfplan's nor a CSV of its export (no ids, no results column).
    NotAForm {
        file: PathBuf,
    },
    /// A form of another plan or year.
    OtherPlan {
        file: PathBuf,
        title: String,
        year: String,
    },
    /// A form of a period the plan does not have (as an intermediate one).
    UnknownPeriod {
        file: PathBuf,
        period: String,
    },
    /// An id no indicator of the plan has.
    UnknownId {
        at: RowPlace,
        id: String,
    },
    /// An indicator given twice (in one form or in two).
    Duplicate {
        at: RowPlace,
        id: String,
        first: Box<RowPlace>,
    },
    /// A value that cannot be read.
    BadValue {
        at: RowPlace,
        id: String,
        error: InputError,
    },
    /// A value of the wrong kind for its unit (a date for a count, a count not whole…).
    WrongKind {
        at: RowPlace,
        id: String,
        error: ValueError,
    },
    /// A percentage written as a fraction (0,93 for 93 %) in a number cell.
    PercentAsFraction {
        at: RowPlace,
        id: String,
        value: Decimal,
    },
    /// A form whose record of the values it was written with cannot be read (edited by
    /// hand): its values cannot be checked against the plan's.
    HeldUnreadable {
        file: PathBuf,
        id: String,
    },
    /// A row of an indicator that is not on this form (another office's, added by hand).
    NotOnForm {
        at: RowPlace,
        id: String,
    },
    /// A row of an indicator another office owns now (the form is older than the plan's
    /// owners), or that more than one indicator of the plan has as its id.
    OtherOffice {
        at: RowPlace,
        id: String,
        office: Option<String>,
    },
    AmbiguousId {
        at: RowPlace,
        id: String,
    },
}

/// A value the plan changed since the form was written: the form's is not applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub at: RowPlace,
    pub id: String,
    pub field: Field,
    pub period: Option<String>,
    /// What the form was written with, what the plan holds now, what the office sent.
    pub held: FieldValue,
    pub now: FieldValue,
    pub sent: FieldValue,
}

/// What the forms would change, and why not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Import {
    /// Each change with its indicator's place and the form it comes from.
    pub changes: Vec<(IndicatorPath, FieldChange, PathBuf)>,
    pub conflicts: Vec<Conflict>,
    pub problems: Vec<Problem>,
    /// Rows read with nothing to change.
    pub unchanged: usize,
}

/// One row as read: its place, the id, the result cell and the note (`None`: left empty).
struct Row {
    at: RowPlace,
    id: String,
    result: Option<Data>,
    note: Option<String>,
}

/// A form as read: its identity (none for a CSV), the values the plan held, its rows.
struct Form {
    identity: Option<Identity>,
    held: HashMap<String, (String, String)>,
    rows: Vec<Row>,
    /// The locale its text values are written in.
    locale: Locale,
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.trim().to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A cell's text exactly as written (the identity and the values held, compared with the
/// plan's own text).
fn raw(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn is_empty(d: &Data) -> bool {
    matches!(d, Data::Empty) || matches!(d, Data::String(s) if s.trim().is_empty())
}

fn read_xlsx(path: &Path, plan_locale: Locale) -> Result<Form, Box<Problem>> {
    let unreadable = |why: String| {
        Box::new(Problem::Unreadable {
            file: path.to_path_buf(),
            why,
        })
    };
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let names = wb.sheet_names();
    let not_a_form = || Problem::NotAForm {
        file: path.to_path_buf(),
    };
    if !names.iter().any(|n| n == IDENTITY_SHEET) {
        return Err(Box::new(not_a_form()));
    }
    let id_sheet = wb
        .worksheet_range(IDENTITY_SHEET)
        .map_err(|e| unreadable(e.to_string()))?;
    let cell = |r: u32, c: u32| id_sheet.get_value((r, c)).map(raw).unwrap_or_default();
    let value_of = |key: &str| {
        KEYS.iter()
            .position(|k| *k == key)
            .map(|r| cell(r as u32, 1))
            .unwrap_or_default()
    };
    let identity = Identity {
        form: value_of("form"),
        title: value_of("title"),
        organization: value_of("organization"),
        year: value_of("year"),
        period: value_of("period"),
        office: value_of("office"),
    };
    if identity.form != VERSION {
        return Err(Box::new(not_a_form()));
    }
    let mut held = HashMap::new();
    // Rows as the sheet numbers them (its used part may not start at the first).
    let last = id_sheet.end().map_or(0, |(r, _)| r);
    for r in VALUES_ROW..=last {
        let id = cell(r, 0);
        if !id.is_empty() {
            held.insert(id, (cell(r, 1), cell(r, 2)));
        }
    }
    let sheet = names.first().cloned().unwrap_or_default();
    let form = wb
        .worksheet_range(&sheet)
        .map_err(|e| unreadable(e.to_string()))?;
    let last = form.end().map_or(0, |(r, _)| r);
    let mut out = Vec::new();
    for r in (HEADER_ROW + 1)..=last {
        let get = |c: Column| {
            form.get_value((r, c as u32))
                .cloned()
                .unwrap_or(Data::Empty)
        };
        let id = text(&get(Column::Id));
        let result = get(Column::NewResult);
        let note = raw(&get(Column::Note));
        if id.is_empty() && is_empty(&result) && note.is_empty() {
            continue;
        }
        out.push(Row {
            at: RowPlace {
                file: path.to_path_buf(),
                sheet: sheet.clone(),
                row: r + 1,
            },
            id,
            result: (!is_empty(&result)).then_some(result),
            note: (!note.trim().is_empty()).then_some(note),
        });
    }
    Ok(Form {
        identity: Some(identity),
        held,
        rows: out,
        locale: plan_locale,
    })
}

/// A CSV in the export's shape: its id and result columns found by their headings in
/// either language (and its period column, when it has one). Only results are read: the
/// export's note column holds more than the note.
fn read_csv(path: &Path, plan: &Plan) -> Result<(Form, Option<String>), Box<Problem>> {
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(Problem::Unreadable {
            file: path.to_path_buf(),
            why: e.to_string(),
        })
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let headings = |lang: crate::lang::Lang| {
        let w = lang.words();
        (
            w.csv_column(crate::export::words::CsvColumn::Id, plan.year),
            w.csv_column(crate::export::words::CsvColumn::Result, plan.year),
            w.label(crate::export::words::Label::PeriodColumn)
                .to_string(),
        )
    };
    for delimiter in [b';', b',', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
        for lang in [crate::lang::Lang::It, crate::lang::Lang::En] {
            let (id_h, result_h, period_h) = headings(lang);
            // The heading row (a draft's lines come before it).
            let Some((h, head)) = records
                .iter()
                .enumerate()
                .find(|(_, r)| r.iter().any(|c| c == id_h) && r.iter().any(|c| c == result_h))
            else {
                continue;
            };
            let col = |name: &str| head.iter().position(|c| c == name);
            let (Some(id_c), Some(result_c)) = (col(&id_h), col(&result_h)) else {
                continue;
            };
            let period_c = col(&period_h);
            let mut period = None;
            let mut rows = Vec::new();
            for (i, r) in records.iter().enumerate().skip(h + 1) {
                let id = r.get(id_c).unwrap_or("").trim().to_string();
                let result = r.get(result_c).unwrap_or("").trim().to_string();
                if let Some(p) = period_c.and_then(|c| r.get(c)) {
                    period = Some(p.trim().to_string());
                }
                if id.is_empty() && result.is_empty() {
                    continue;
                }
                rows.push(Row {
                    at: RowPlace {
                        file: path.to_path_buf(),
                        sheet: String::new(),
                        row: i as u32 + 1,
                    },
                    id,
                    result: (!result.is_empty()).then_some(Data::String(csv_number(&result))),
                    note: None,
                });
            }
            return Ok((
                Form {
                    identity: None,
                    held: HashMap::new(),
                    rows,
                    // Its numbers are made plain (`csv_number`), read the English way;
                    // its dates and yes/no are read in either language.
                    locale: Locale::En,
                },
                period,
            ));
        }
    }
    Err(Box::new(Problem::NotAForm {
        file: path.to_path_buf(),
    }))
}

/// A CSV's number with its one separator (the export writes no thousands separator) made
/// the decimal point, whatever the file's locale: `10,125` and `10.125` are ten and a
/// bit. Any other text is kept as it is.
fn csv_number(text: &str) -> String {
    let body = text.strip_prefix('-').unwrap_or(text);
    let seps = body.chars().filter(|c| *c == ',' || *c == '.').count();
    let digits_otherwise = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if seps == 1 && digits_otherwise && !body.starts_with([',', '.']) && !body.ends_with([',', '.'])
    {
        // Written the English way, which both locales read as a decimal point.
        text.replace(',', ".")
    } else {
        text.to_string()
    }
}

/// An Excel day number as a date (1 is 1 January 1900; Excel counts a 29 February 1900
/// that never was, so days from 1 March 1900 count from 30 December 1899).
fn excel_day(serial: f64) -> Option<NaiveDate> {
    // From 1 January 1900 to 31 December 9999: the days a spreadsheet counts.
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = chrono::Duration::try_days(serial.floor() as i64)?;
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(days)
}

/// A number of a cell, exactly as a person would have typed it (the binary float a
/// spreadsheet keeps, to fifteen significant digits).
fn cell_number(f: f64) -> Option<Decimal> {
    let text = format!("{}", format!("{f:.14e}").parse::<f64>().ok()?);
    Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .ok()
        .map(|d| d.normalize())
}

/// The value a result cell holds for an indicator of `unit`.
fn value_of(cell: &Data, unit: &Unit, locale: Locale) -> Result<Option<Value>, InputError> {
    let bad = |t: String| InputError::NotANumber { text: t, locale };
    let day = |serial: f64| {
        excel_day(serial)
            .map(|d| Some(Value::Date(d)))
            .ok_or_else(|| InputError::NotADate {
                text: serial.to_string(),
                locale,
            })
    };
    match cell {
        Data::Empty => Ok(None),
        Data::Int(i) if unit.is_date() => day(*i as f64),
        Data::Float(f) if unit.is_date() => day(*f),
        Data::DateTime(d) if unit.is_date() => day(d.as_f64()),
        // A date where a number goes: read as the date it is (the kind is checked after).
        Data::DateTime(d) => day(d.as_f64()),
        Data::Int(i) => Ok(Some(Value::Number(Decimal::from(*i)))),
        Data::Float(f) => cell_number(*f)
            .map(|d| Some(Value::Number(d)))
            .ok_or_else(|| bad(f.to_string())),
        Data::Bool(b) => Ok(Some(Value::Bool(*b))),
        Data::DateTimeIso(s) if unit.is_date() => {
            locale.parse_value(s.get(..10).unwrap_or(s), unit)
        }
        Data::DateTimeIso(s) | Data::String(s) => locale.parse_value(s, unit),
        other => Err(bad(other.to_string())),
    }
}

/// The forms a path names: the file itself, or in a folder every XLSX that is a form of
/// perfplan's (so that the plan's own exports beside it are not taken for forms; a CSV is
/// named one by one).
pub fn forms_at(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return if path.is_file() {
            vec![path.to_path_buf()]
        } else {
            Vec::new()
        };
    }
    let is_form = |p: &Path| {
        calamine::open_workbook_auto(p)
            .map(|wb| wb.sheet_names().iter().any(|n| n == IDENTITY_SHEET))
            .unwrap_or(false)
    };
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    // Not the lock files spreadsheets leave beside an open form.
                    let hidden = name.is_some_and(|n| n.starts_with('.') || n.starts_with("~$"));
                    p.is_file()
                        && !hidden
                        && p.extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
                        && is_form(p)
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Reads `files` against `plan`: the changes they would make, the conflicts and the
/// problems.
pub fn read(plan: &Plan, files: &[PathBuf]) -> Import {
    let mut out = Import::default();
    // Each id's place; `None` for an id more than one indicator has.
    let mut places: HashMap<&str, IndicatorPath> = HashMap::new();
    let mut ambiguous: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (p, ind) in plan.indicators() {
        if places.insert(ind.id.as_str(), p).is_some() {
            ambiguous.insert(ind.id.as_str());
        }
    }
    let mut seen: HashMap<String, RowPlace> = HashMap::new();
    for file in files {
        let is_csv = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let read = if is_csv {
            read_csv(file, plan)
        } else {
            read_xlsx(file, plan.locale).map(|form| {
                let period = form.identity.as_ref().map(|i| i.period.clone());
                (form, period)
            })
        };
        let (form, period) = match read {
            Ok(f) => f,
            Err(p) => {
                out.problems.push(*p);
                continue;
            }
        };
        if let Some(id) = &form.identity
            && (id.title != plan.title || id.year != plan.year.to_string())
        {
            out.problems.push(Problem::OtherPlan {
                file: file.clone(),
                title: id.title.clone(),
                year: id.year.clone(),
            });
            continue;
        }
        // The period the values are of: an intermediate one, or the year's.
        let period = period.filter(|p| !p.is_empty());
        let period = match period {
            Some(p) if plan.final_period() == Some(p.as_str()) => None,
            Some(p) if plan.intermediate(Some(&p)).is_some() => Some(p),
            Some(p) => {
                out.problems.push(Problem::UnknownPeriod {
                    file: file.clone(),
                    period: p,
                });
                continue;
            }
            None => None,
        };
        for row in form.rows {
            let Some(&path) = places.get(row.id.as_str()) else {
                out.problems.push(Problem::UnknownId {
                    at: row.at,
                    id: row.id,
                });
                continue;
            };
            if ambiguous.contains(row.id.as_str()) {
                out.problems.push(Problem::AmbiguousId {
                    at: row.at,
                    id: row.id,
                });
                continue;
            }
            // A form's row is of its office's indicator (the plan's owners may have
            // changed since the form was written).
            if let Some(identity) = &form.identity {
                let owner = plan.owner_of(path);
                let mine = if identity.office.is_empty() {
                    owner.is_none()
                } else {
                    owner == Some(identity.office.as_str())
                };
                if !mine {
                    out.problems.push(Problem::OtherOffice {
                        at: row.at,
                        id: row.id,
                        office: owner.map(str::to_string),
                    });
                    continue;
                }
            }
            // A row of a form must be one the form was written with.
            let held = form.held.get(&row.id);
            if form.identity.is_some() && held.is_none() {
                out.problems.push(Problem::NotOnForm {
                    at: row.at,
                    id: row.id,
                });
                continue;
            }
            let ind = plan.indicator(path);
            let now = ind.at(period.as_deref());
            let mut row_changes = Vec::new();
            if let Some(cell) = &row.result {
                let value = match value_of(cell, &ind.unit, form.locale) {
                    Ok(v) => v,
                    Err(error) => {
                        out.problems.push(Problem::BadValue {
                            at: row.at,
                            id: row.id,
                            error,
                        });
                        continue;
                    }
                };
                if let Some(v) = value {
                    if let Some(error) = crate::plan::check::value_kind_error(&ind.unit, v) {
                        out.problems.push(Problem::WrongKind {
                            at: row.at,
                            id: row.id,
                            error,
                        });
                        continue;
                    }
                    // A number cell of a percentage at 1 or below: "93 %" typed in a
                    // spreadsheet is kept as 0,93 (and "100 %" as 1). A real fraction of a
                    // percent is written as text.
                    // (Only against a target above 1 %: a rate of errors at 0,8 % is real.)
                    let big_target = now.target.numbers().any(|t| t.abs() > Decimal::ONE);
                    if let (Unit::Percent, Value::Number(n), Data::Float(_) | Data::Int(_)) =
                        (&ind.unit, v, cell)
                        && big_target
                        && n > Decimal::ZERO
                        && n <= Decimal::ONE
                    {
                        out.problems.push(Problem::PercentAsFraction {
                            at: row.at,
                            id: row.id,
                            value: n,
                        });
                        continue;
                    }
                    row_changes.push(FieldValue::Result(Some(v)));
                }
            }
            if let Some(note) = &row.note {
                row_changes.push(FieldValue::Note(Some(note.clone())));
            }
            // Only rows that change something are matched against the others: two offices'
            // CSVs both repeating the plan's values do not collide.
            let changing: Vec<FieldValue> = row_changes
                .into_iter()
                .filter(|sent| {
                    let same = now.get(sent.field()) == *sent;
                    if same {
                        out.unchanged += 1;
                    }
                    !same
                })
                .collect();
            if changing.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(&row.id) {
                out.problems.push(Problem::Duplicate {
                    at: row.at,
                    id: row.id.clone(),
                    first: Box::new(first.clone()),
                });
                continue;
            }
            seen.insert(row.id.clone(), row.at.clone());
            for sent in changing {
                let field = sent.field();
                let current = now.get(field);
                // What the form was written with: a value changed in the plan since is a
                // conflict.
                if let Some((held_value, held_note)) = held {
                    let held = match field {
                        Field::Result if held_value.is_empty() => FieldValue::Result(None),
                        Field::Result => match ron::from_str::<Value>(held_value) {
                            Ok(v) => FieldValue::Result(Some(v)),
                            Err(_) => {
                                out.problems.push(Problem::HeldUnreadable {
                                    file: file.clone(),
                                    id: row.id.clone(),
                                });
                                continue;
                            }
                        },
                        _ => FieldValue::Note((!held_note.is_empty()).then(|| held_note.clone())),
                    };
                    if held != current {
                        out.conflicts.push(Conflict {
                            at: row.at.clone(),
                            id: row.id.clone(),
                            field,
                            period: period.clone(),
                            held,
                            now: current,
                            sent,
                        });
                        continue;
                    }
                }
                if let Some(change) = FieldChange::new(row.id.clone(), current, sent) {
                    out.changes
                        .push((path, change.at(period.as_deref()), file.clone()));
                }
            }
        }
    }
    // A problem anywhere: nothing is applied, so no change is offered.
    if !out.problems.is_empty() {
        out.changes.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cells_number_is_the_number_typed() {
        assert_eq!(cell_number(0.1 + 0.2), Some(Decimal::new(3, 1)));
        assert_eq!(cell_number(72.0), Some(Decimal::from(72)));
        assert_eq!(cell_number(1530.25), Some(Decimal::new(153025, 2)));
        assert_eq!(excel_day(45107.0), NaiveDate::from_ymd_opt(2023, 6, 30));
        // A number that is no day a spreadsheet counts is no date (and no panic).
        assert_eq!(excel_day(1e15), None);
        assert_eq!(excel_day(20220929.0), None);
        assert_eq!(cell_number(0.7 + 0.1), Some(Decimal::new(8, 1)));
    }

    #[test]
    fn a_csv_number_has_one_decimal_separator_whatever_its_locale() {
        assert_eq!(csv_number("10,125"), "10.125");
        assert_eq!(csv_number("10.125"), "10.125");
        assert_eq!(csv_number("-3,5"), "-3.5");
        // Text that is not a plain number is left to the unit's reading.
        assert_eq!(csv_number("79/87,3"), "79/87,3");
        assert_eq!(csv_number(">= 95"), ">= 95");
        assert_eq!(csv_number("31/12/2017"), "31/12/2017");
        let v = value_of(
            &Data::String(csv_number("10,125")),
            &Unit::Number,
            Locale::En,
        );
        assert_eq!(v, Ok(Some(Value::Number(Decimal::new(10125, 3)))));
    }
}
