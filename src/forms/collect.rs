//! `perfplan collect`: one XLSX form per office, laid out as [`super`] describes, for the
//! office to type its new results and notes in and send back.
//!
//! The form sheet is protected without a password: only the new result and the note of
//! each indicator's row are unlocked. The new result is validated by the indicator's unit:
//! whole numbers from 0 for counts (and counted things, `testate`), decimals for numbers,
//! euro and percentages (a percentage is typed as `93`, not `0,93`), dates for dates, a
//! list of Sì / No for yes/no units. An indicator whose value, in the year or at a period,
//! is a ratio (`79/87,3`) or a bound (`>= 95 %`) gets no strict validation, only a message:
//! such values are text, which a number validation would refuse. Its cell is a text cell,
//! so that the spreadsheet does not take `79/87` for a date.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{Column, HEADER_ROW, IDENTITY_SHEET, KEYS, VALUES_ROW, VERSION};
use crate::export::xlsx::fit;
use crate::lang::Lang;
use crate::plan::{Indicator, IndicatorPath, Locale, Plan, Unit, Value};

/// A fixed word of the form (see `lang::FormWords`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormWord {
    /// The form sheet's name.
    FormSheet,
    /// The instructions sheet's name.
    InstructionsSheet,
    Body,
    Plan,
    Year,
    Office,
    Responsible,
    Period,
    Deadline,
    /// The office of the form for the indicators no office owns.
    NoOffice,
}

/// What the new result of an indicator takes, by its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Whole numbers from 0: counts and counted things.
    Whole,
    /// Any number: numbers and euro.
    Decimal,
    /// A percentage, typed as a number (`93`, not `0,93`).
    Percent,
    Date,
    YesNo,
    /// No strict validation: the indicator's values are ratios or bounds, written as text.
    Free,
}

impl Entry {
    /// What an indicator's new result takes: by unit, unless it is written as a ratio or a
    /// bound in the year or in a period.
    pub fn of(ind: &Indicator) -> Entry {
        let text_value =
            |v: &Option<Value>| matches!(v, Some(Value::Ratio { .. }) | Some(Value::Bound { .. }));
        if text_value(&ind.result)
            || text_value(&ind.baseline)
            || ind.periods.0.iter().any(|(_, at)| text_value(&at.result))
        {
            return Entry::Free;
        }
        match &ind.unit {
            Unit::Count | Unit::Label(_) => Entry::Whole,
            Unit::Number | Unit::Currency => Entry::Decimal,
            Unit::Percent => Entry::Percent,
            Unit::Date => Entry::Date,
            Unit::YesNo => Entry::YesNo,
        }
    }
}

/// What the instructions sheet says besides the fixed text.
#[derive(Debug, Clone)]
pub struct Instructions {
    pub locale: Locale,
    /// The deadline, as the locale writes dates.
    pub deadline: Option<String>,
    /// The period the form collects (`None`: the year's final values).
    pub period: Option<String>,
}

/// What a set of forms is made for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The period asked for (`--period`); the final one's name, or none, collects the
    /// year's final values.
    pub period: Option<String>,
    pub deadline: Option<NaiveDate>,
}

/// One office's form, ready to write.
#[derive(Debug, Clone)]
pub struct Form {
    /// The office (`None`: the indicators no office owns).
    pub office: Option<String>,
    /// The file's name in the output folder, unique among the forms.
    pub file_name: String,
    /// How many indicators it lists.
    pub indicators: usize,
    pub bytes: Vec<u8>,
}

/// The offices that get a form, in order, each with its indicators in tree order: the
/// plan's list first, then the other owners named (sorted), then `None` for the indicators
/// no office owns. An office without indicators gets none.
pub fn offices(plan: &Plan) -> Vec<(Option<String>, Vec<IndicatorPath>)> {
    let mut by_owner: Vec<(Option<String>, Vec<IndicatorPath>)> = Vec::new();
    let mut seen = HashSet::new();
    for o in &plan.offices {
        if seen.insert(Some(o.name.as_str())) {
            by_owner.push((Some(o.name.clone()), Vec::new()));
        }
    }
    let mut others: Vec<String> = plan
        .indicators()
        .filter_map(|(p, _)| plan.owner_of(p))
        .filter(|o| !seen.contains(&Some(*o)))
        .map(str::to_string)
        .collect();
    others.sort();
    others.dedup();
    by_owner.extend(others.into_iter().map(|o| (Some(o), Vec::new())));
    by_owner.push((None, Vec::new()));
    for (path, _) in plan.indicators() {
        let owner = plan.owner_of(path);
        if let Some(slot) = by_owner.iter_mut().find(|(o, _)| o.as_deref() == owner) {
            slot.1.push(path);
        }
    }
    by_owner.retain(|(_, paths)| !paths.is_empty());
    by_owner
}

/// A file name for an office: its name in lower case, accents dropped, anything but
/// letters and digits a `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    // A name of the file system's limit at most, whole characters (all ASCII here).
    out.truncate(100);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("ufficio");
    }
    out
}

/// Every office's form for `plan`, in the words of `lang`.
pub fn forms(plan: &Plan, opts: &Options, lang: Lang) -> Result<Vec<Form>, XlsxError> {
    let words = lang.words();
    let mut used: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (office, paths) in offices(plan) {
        let name = office
            .clone()
            .unwrap_or_else(|| words.form_word(FormWord::NoOffice).to_string());
        let base = slug(&name);
        let mut file = format!("{base}.xlsx");
        let mut n = 2;
        while !used.insert(file.clone()) {
            file = format!("{base}-{n}.xlsx");
            n += 1;
        }
        let bytes = workbook(plan, office.as_deref(), &paths, opts, lang)?;
        out.push(Form {
            office,
            file_name: file,
            indicators: paths.len(),
            bytes,
        });
    }
    Ok(out)
}

/// The objective an indicator's row names: its operational objective's code and title, or
/// its strategic objective's for the strategic objective's own indicators.
fn objective_of(plan: &Plan, path: IndicatorPath) -> String {
    let so = &plan.perspectives[path.perspective].objectives[path.strategic];
    let oo = &so.operational[path.operational];
    if oo.direct {
        format!("{} {}", so.code, so.title)
    } else {
        format!("{} {}", oo.code, oo.title)
    }
}

struct Styles {
    title: Format,
    label: Format,
    header: Format,
    input_header: Format,
    text: Format,
    wrap: Format,
    input: Format,
    input_text: Format,
    input_date: Format,
    input_note: Format,
}

impl Styles {
    fn new(locale: Locale) -> Styles {
        let top = Format::new().set_align(FormatAlign::Top);
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        let input = top
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(0xFFF2CC))
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF));
        let date = match locale {
            Locale::It => "dd/mm/yyyy",
            Locale::En => "yyyy-mm-dd",
        };
        Styles {
            title: Format::new().set_bold().set_font_size(13),
            label: Format::new().set_bold(),
            input_header: header.clone().set_background_color(Color::RGB(0xFFE699)),
            header,
            text: top.clone(),
            wrap: top.set_text_wrap(),
            input_text: input.clone().set_num_format("@"),
            input_date: input.clone().set_num_format(date),
            input_note: input.clone().set_text_wrap().set_num_format("@"),
            input,
        }
    }
}

/// The widths of the form's columns, in characters, in the order of [`Column::ALL`].
const WIDTHS: [f64; 9] = [10.0, 30.0, 48.0, 13.0, 15.0, 14.0, 14.0, 16.0, 36.0];

fn workbook(
    plan: &Plan,
    office: Option<&str>,
    paths: &[IndicatorPath],
    opts: &Options,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let words = lang.words();
    let loc = plan.locale;
    let period = plan.intermediate(opts.period.as_deref());
    let st = Styles::new(loc);
    let mut wb = Workbook::new();

    // The form.
    let ws = wb.add_worksheet();
    ws.set_name(words.form_word(FormWord::FormSheet))?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let office_name = office.map_or_else(
        || words.form_word(FormWord::NoOffice).to_string(),
        str::to_string,
    );
    let contact = office
        .and_then(|o| plan.office(o))
        .map(|o| {
            [o.responsible.as_deref(), o.email.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" — ")
        })
        .unwrap_or_default();
    let period_name = match period {
        Some(p) => p.to_string(),
        None => plan.final_period().unwrap_or("").to_string(),
    };
    let deadline = opts.deadline.map(|d| loc.date(d)).unwrap_or_default();
    let header: [(FormWord, String); 7] = [
        (FormWord::Body, plan.organization.clone()),
        (FormWord::Plan, plan.title.clone()),
        (FormWord::Year, plan.year.to_string()),
        (FormWord::Office, office_name),
        (FormWord::Responsible, contact),
        (FormWord::Period, period_name),
        (FormWord::Deadline, deadline),
    ];
    for (r, (label, value)) in header.iter().enumerate() {
        let r = r as u32;
        ws.write_string_with_format(r, 0, words.form_word(*label), &st.label)?;
        let f = if r == 3 { &st.title } else { &st.text };
        ws.write_string_with_format(r, 1, fit(lang, value), f)?;
    }
    for c in Column::ALL {
        let f = match c {
            Column::NewResult | Column::Note => &st.input_header,
            _ => &st.header,
        };
        ws.write_string_with_format(HEADER_ROW, c as u16, words.heading(c), f)?;
    }
    ws.set_row_height(HEADER_ROW, 30)?;
    for (i, path) in paths.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let ind = plan.indicator(*path).at(period);
        indicator_row(ws, row, plan, *path, &ind, &st, lang)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    if !paths.is_empty() {
        let last = HEADER_ROW + paths.len() as u32;
        ws.autofilter(HEADER_ROW, 0, last, Column::Note as u16)?;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    let protection = ProtectionOptions {
        sort: true,
        use_autofilter: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&protection);

    // The instructions.
    let ws = wb.add_worksheet();
    ws.set_name(words.form_word(FormWord::InstructionsSheet))?;
    ws.set_column_width(0, 100)?;
    let lines = words.instructions(&Instructions {
        locale: loc,
        deadline: opts.deadline.map(|d| loc.date(d)),
        period: period.map(str::to_string),
    });
    for (r, line) in lines.iter().enumerate() {
        let f = if r == 0 { &st.title } else { &st.wrap };
        ws.write_string_with_format(r as u32, 0, fit(lang, line), f)?;
    }
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);

    // The identity, hidden.
    let ws = wb.add_worksheet();
    ws.set_name(IDENTITY_SHEET)?;
    let identity = [
        VERSION.to_string(),
        plan.title.clone(),
        plan.organization.clone(),
        plan.year.to_string(),
        period.unwrap_or("").to_string(),
        office.unwrap_or("").to_string(),
    ];
    for (r, (key, value)) in KEYS.iter().zip(identity).enumerate() {
        ws.write_string(r as u32, 0, *key)?;
        ws.write_string(r as u32, 1, fit(lang, &value))?;
    }
    for (i, path) in paths.iter().enumerate() {
        let row = VALUES_ROW + i as u32;
        let ind = plan.indicator(*path).at(period);
        ws.write_string(row, 0, fit(lang, &ind.id))?;
        let value = ind
            .result
            .map(crate::store::write::value)
            .unwrap_or_default();
        ws.write_string(row, 1, fit(lang, &value))?;
        ws.write_string(row, 2, fit(lang, ind.note.as_deref().unwrap_or("")))?;
    }
    ws.set_hidden(true);

    wb.save_to_buffer()
}

/// One indicator's row of the form, with its two cells to fill in.
fn indicator_row(
    ws: &mut Worksheet,
    row: u32,
    plan: &Plan,
    path: IndicatorPath,
    ind: &Indicator,
    st: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    let words = lang.words();
    let loc = plan.locale;
    let unit = &ind.unit;
    let cells = [
        (Column::Id, ind.id.clone(), &st.text),
        (Column::Objective, objective_of(plan, path), &st.wrap),
        (Column::Description, ind.description.clone(), &st.wrap),
        (Column::Unit, words.unit(unit), &st.text),
        (Column::Target, loc.target(&ind.target, unit), &st.text),
        (
            Column::Baseline,
            ind.baseline.map(|v| loc.value(v, unit)).unwrap_or_default(),
            &st.text,
        ),
        (
            Column::Current,
            ind.result.map(|v| loc.value(v, unit)).unwrap_or_default(),
            &st.text,
        ),
    ];
    for (c, text, f) in &cells {
        ws.write_string_with_format(row, *c as u16, fit(lang, text), f)?;
    }
    let entry = Entry::of(plan.indicator(path));
    let result_format = match entry {
        Entry::Date => &st.input_date,
        Entry::Free | Entry::YesNo => &st.input_text,
        _ => &st.input,
    };
    ws.write_blank(row, Column::NewResult as u16, result_format)?;
    // The note the plan holds, in the cell the office edits: kept as it is, it changes
    // nothing; an office never overwrites a note it did not see.
    match ind.note.as_deref() {
        Some(note) => {
            ws.write_string_with_format(row, Column::Note as u16, fit(lang, note), &st.input_note)?
        }
        None => ws.write_blank(row, Column::Note as u16, &st.input_note)?,
    };
    let col = Column::NewResult as u16;
    ws.add_data_validation(row, col, row, col, &validation(entry, loc, lang)?)?;
    Ok(())
}

/// The data validation of a new result.
fn validation(entry: Entry, loc: Locale, lang: Lang) -> Result<DataValidation, XlsxError> {
    let words = lang.words();
    let dv = DataValidation::new();
    let dv = match entry {
        Entry::Whole => dv.allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
        Entry::Decimal | Entry::Percent => {
            dv.allow_decimal_number(DataValidationRule::Between(-1.0e15, 1.0e15))
        }
        Entry::Date => dv.allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(1900, 1, 1)?,
            ExcelDateTime::from_ymd(9999, 12, 31)?,
        )),
        Entry::YesNo => dv.allow_list_strings(&[loc.yes_no(true), loc.yes_no(false)])?,
        Entry::Free => dv.allow_any_value(),
    };
    let mut dv = dv
        .ignore_blank(true)
        .set_input_title(words.entry_title(entry))?
        .set_input_message(words.entry_help(entry, loc))?;
    if entry != Entry::Free {
        dv = dv
            .set_error_title(words.entry_title(entry))?
            .set_error_message(words.entry_help(entry, loc))?;
    }
    Ok(dv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_file_names() {
        assert_eq!(slug("Servizi demografici"), "servizi-demografici");
        assert_eq!(slug("Senza ufficio"), "senza-ufficio");
        assert_eq!(slug("Qualità & Città  "), "qualita-citta");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("///"), "ufficio");
    }

    #[test]
    fn every_message_fits_the_spreadsheets_limits() {
        for lang in [Lang::En, Lang::It] {
            for loc in [Locale::En, Locale::It] {
                for e in [
                    Entry::Whole,
                    Entry::Decimal,
                    Entry::Percent,
                    Entry::Date,
                    Entry::YesNo,
                    Entry::Free,
                ] {
                    validation(e, loc, lang).unwrap();
                }
            }
        }
    }
}
