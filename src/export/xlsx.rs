//! XLSX: a summary sheet and one sheet per layer laid out like the seed's tables. Numbers
//! are numbers, percentages percent-formatted numbers, dates dates; realization cells are
//! coloured by the plan's thresholds with conditional formats.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use super::words::{Column, Label, Notice};
use super::{Options, provisional_notice};
use crate::lang::{Lang, Say};
use crate::plan::{Locale, Unit, Value};
use crate::summary::{Deviation, IndicatorSummary, Score, Summary};

/// The most a cell holds: 32,767 UTF-16 units (the file format's limit).
const CELL_MAX: usize = 32_767;

/// A text as a cell can hold it: one too long for a cell is cut, visibly (in `lang`).
pub(crate) fn fit(lang: Lang, text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= CELL_MAX || text.encode_utf16().count() <= CELL_MAX {
        return std::borrow::Cow::Borrowed(text);
    }
    let total = text.chars().count();
    let mut kept = String::new();
    let mut used = 0;
    let room = CELL_MAX - 80;
    for c in text.chars() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        kept.push(c);
    }
    let cut = total - kept.chars().count();
    kept.push_str(" … ");
    kept.push_str(&Notice::Cut { more: cut }.say(lang));
    std::borrow::Cow::Owned(kept)
}

/// Decimal to the spreadsheet's number (a binary float: the file format has no other).
fn f(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

fn share(percent: Decimal) -> f64 {
    f(percent / Decimal::ONE_HUNDRED)
}

struct Styles {
    title: Format,
    bold: Format,
    header: Format,
    text: Format,
    wrap: Format,
    so_text: Format,
    so_wrap: Format,
    oo_text: Format,
    oo_wrap: Format,
    weight: Format,
    so_weight: Format,
    /// An indicator's realization, at the plan's precision for indicators.
    realization: Format,
    /// An objective's or a perspective's, at the precision for objectives.
    so_realization: Format,
    objective: Format,
    /// The overall scores, at the precision for them.
    overall: Format,
    date: Format,
    muted: Format,
}

impl Styles {
    fn new(locale: Locale, precision: crate::plan::Precision) -> Styles {
        // `0.00%`, `0.0%`, `0%`: as many decimals as the plan shows.
        let percent = |decimals: u32| {
            if decimals == 0 {
                "0%".to_string()
            } else {
                format!("0.{}%", "0".repeat(decimals as usize))
            }
        };
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        let top = Format::new().set_align(FormatAlign::Top);
        let so = top
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xF2F2F2));
        let oo = top.clone().set_bold();
        let date_format = match locale {
            Locale::It => "dd/mm/yyyy",
            Locale::En => "yyyy-mm-dd",
        };
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header,
            text: top.clone(),
            wrap: top.clone().set_text_wrap(),
            so_text: so.clone(),
            so_wrap: so.clone().set_text_wrap(),
            oo_text: oo.clone(),
            oo_wrap: oo.clone().set_text_wrap(),
            weight: top.clone().set_num_format("0.0%"),
            so_weight: so.clone().set_num_format("0.0%"),
            realization: top.clone().set_num_format(percent(precision.indicators)),
            objective: top.clone().set_num_format(percent(precision.objectives)),
            overall: top.clone().set_num_format(percent(precision.overall)),
            so_realization: so.set_num_format(percent(precision.objectives)),
            date: top.clone().set_num_format(date_format),
            muted: top.set_font_color(Color::RGB(0x808080)).set_italic(),
        }
    }
}

/// The number format code for a figure of this unit, with two decimals unless `whole`.
fn unit_code(unit: &Unit, whole: bool) -> String {
    match unit {
        Unit::Percent => if whole { "0%" } else { "0.00%" }.to_string(),
        Unit::Currency => "#,##0.00 \"€\"".to_string(),
        Unit::Label(label) => {
            let label = label.replace('"', "");
            let num = if whole { "#,##0" } else { "#,##0.00" };
            format!("{num} \"{label}\"")
        }
        _ => if whole { "#,##0" } else { "#,##0.00" }.to_string(),
    }
}

/// A figure of this unit as the spreadsheet's number: a percent as its share.
fn unit_number(unit: &Unit, n: Decimal) -> f64 {
    match unit {
        Unit::Percent => share(n),
        _ => f(n),
    }
}

/// The number format for a result or target in its unit.
fn unit_format(unit: &Unit, n: Decimal, base: &Format) -> (f64, Format) {
    (
        unit_number(unit, n),
        base.clone()
            .set_num_format(unit_code(unit, n.fract().is_zero())),
    )
}

/// A format code that writes a figure with its sign: `+` above 0, `-` below, none for 0.
fn signed(code: &str) -> String {
    format!("+{code};-{code};{code}")
}

/// The number and format code of a deviation: in the result's unit, signed; a deadline's
/// in days, the unit written by the format (`-1 giorno`, `+3 giorni`), so the cell stays a
/// number to sort, filter and add up and still reads as the text exports write it.
fn deviation_number(lang: Lang, unit: &Unit, d: Deviation) -> (f64, String) {
    match d {
        Deviation::Amount(n) => (
            unit_number(unit, n),
            signed(&unit_code(unit, n.fract().is_zero())),
        ),
        Deviation::Days(days) => {
            let word = lang.words().label(if days.unsigned_abs() == 1 {
                Label::Day
            } else {
                Label::Days
            });
            (days as f64, signed(&format!("0 \"{word}\"")))
        }
    }
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        d.month() as u8,
        d.day() as u8,
    )
}

/// Colours realization cells (a column from `first` to `last` row) by the thresholds;
/// cells without a number (pending) stay uncoloured.
fn colour_by_thresholds(
    ws: &mut Worksheet,
    summary: &Summary,
    col: u16,
    first: u32,
    last: u32,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let good = share(summary.thresholds.good.value());
    let fair = share(summary.thresholds.fair.value());
    let cell = format!("{}{}", column_name(col), first + 1);
    let rules = [
        (
            format!("=AND(ISNUMBER({cell}),{cell}>={good})"),
            0xC6EFCE,
            0x006100,
        ),
        (
            format!("=AND(ISNUMBER({cell}),{cell}>={fair},{cell}<{good})"),
            0xFFEB9C,
            0x9C5700,
        ),
        (
            format!("=AND(ISNUMBER({cell}),{cell}<{fair})"),
            0xFFC7CE,
            0x9C0006,
        ),
    ];
    for (rule, bg, fg) in rules {
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(
                Format::new()
                    .set_background_color(Color::RGB(bg))
                    .set_font_color(Color::RGB(fg)),
            );
        ws.add_conditional_format(first, col, last, col, &cf)?;
    }
    Ok(())
}

fn column_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

fn write_score(
    ws: &mut Worksheet,
    summary: &Summary,
    (row, col): (u32, u16),
    s: &Score,
    fmt: &Format,
) -> Result<(), XlsxError> {
    match s.value {
        Some(v) => ws.write_number_with_format(row, col, share(v), fmt)?,
        // Nothing to measure (no operational objective anywhere under it): not pending.
        None if s.is_empty() => ws.write_string_with_format(row, col, "—", fmt)?,
        None => ws.write_string_with_format(row, col, summary.word(Label::Pending), fmt)?,
    };
    Ok(())
}

fn summary_sheet(
    wb: &mut Workbook,
    summary: &Summary,
    opts: &Options,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = summary.lang;
    let ws = wb
        .add_worksheet()
        .set_name(summary.word(Label::SummarySheet))?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 14)?;
    ws.write_string_with_format(0, 0, fit(lang, &summary.title), &st.title)?;
    ws.write_string_with_format(1, 0, fit(lang, &summary.organization), &st.bold)?;
    ws.write_string(2, 0, summary.word(Label::Year))?;
    ws.write_number(2, 1, summary.year)?;
    ws.write_string(3, 0, summary.word(Label::Exported))?;
    ws.write_datetime_with_format(3, 1, excel_date(opts.date)?, &st.date)?;
    let mut row = 4;
    if let Some(line) = summary.period_line() {
        ws.write_string_with_format(row, 0, fit(lang, &line), &st.bold)?;
        row += 1;
    }
    if !summary.errors.is_empty() {
        let draft = Format::new()
            .set_bold()
            .set_font_color(Color::RGB(0xB71C1C));
        ws.write_string_with_format(row, 0, summary.word(Label::Draft), &draft)?;
        row += 1;
        for e in &summary.errors {
            ws.write_string_with_format(row, 0, fit(lang, &e.say(lang)), &st.wrap)?;
            row += 1;
        }
    }
    if let Some(n) = provisional_notice(summary) {
        ws.write_string_with_format(row, 0, fit(lang, &n), &st.muted)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, summary.word(Label::Overall), &st.header)?;
    ws.write_string_with_format(row, 1, summary.word(Label::Score), &st.header)?;
    let first = row + 1;
    for (i, (label, s)) in [
        (Label::Strategic, &summary.overall.strategic),
        (Label::Operational, &summary.overall.operational),
    ]
    .into_iter()
    .enumerate()
    {
        let r = first + i as u32;
        ws.write_string_with_format(r, 0, summary.word(label), &st.bold)?;
        write_score(ws, summary, (r, 1), s, &st.overall)?;
    }
    colour_by_thresholds(ws, summary, 1, first, first + 1)?;
    let (measured, total) = summary.indicator_counts();
    ws.write_string(first + 2, 0, summary.word(Label::IndicatorsMeasured))?;
    ws.write_number(first + 2, 1, measured as f64)?;
    ws.write_string(first + 2, 2, summary.word(Label::Of))?;
    ws.write_number(first + 2, 3, total as f64)?;
    let not_assessable = summary.not_assessable_count();
    if not_assessable > 0 {
        let notice = Notice::NotAssessable {
            count: not_assessable,
        }
        .say(summary.lang);
        ws.write_string(first + 3, 0, notice)?;
    }

    let head = first + 4;
    for (c, h) in [
        summary.column(Column::Perspective),
        summary.column(Column::Weight),
        summary.word(Label::Strategic).to_string(),
        summary.word(Label::Operational).to_string(),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(head, c as u16, h, &st.header)?;
    }
    for (i, p) in summary.perspectives.iter().enumerate() {
        let r = head + 1 + i as u32;
        ws.write_string_with_format(r, 0, fit(lang, &p.name), &st.text)?;
        ws.write_number_with_format(r, 1, share(p.weight), &st.weight)?;
        write_score(ws, summary, (r, 2), &p.score.strategic, &st.objective)?;
        write_score(ws, summary, (r, 3), &p.score.operational, &st.objective)?;
    }
    let last = head + summary.perspectives.len() as u32;
    colour_by_thresholds(ws, summary, 2, head + 1, last)?;
    colour_by_thresholds(ws, summary, 3, head + 1, last)?;
    if !summary.target_changes.is_empty() {
        // The targets changed during the year, as the Relazione lists them.
        let mut r = last + 2;
        ws.write_string_with_format(r, 0, summary.word(Label::TargetChangesTable), &st.bold)?;
        r += 1;
        for (c, label) in [
            Label::Indicator,
            Label::OriginalTarget,
            Label::NewTarget,
            Label::ChangedOn,
            Label::Reason,
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string_with_format(r, c as u16, summary.word(label), &st.header)?;
        }
        for c in &summary.target_changes {
            r += 1;
            ws.write_string_with_format(r, 0, fit(lang, &c.id), &st.text)?;
            ws.write_string_with_format(r, 1, fit(lang, &c.from), &st.text)?;
            ws.write_string_with_format(r, 2, fit(lang, &c.to), &st.text)?;
            ws.write_datetime_with_format(r, 3, excel_date(c.date)?, &st.date)?;
            ws.write_string_with_format(r, 4, fit(lang, &c.reason), &st.wrap)?;
        }
        ws.set_column_width(4, 48)?;
    }
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The columns of the layer sheets, in order, with their widths in characters.
const LAYER_COLUMNS: [(Column, f64); 12] = [
    (Column::Perspective, 24.0),
    (Column::Code, 9.0),
    (Column::ObjectiveOrIndicator, 64.0),
    (Column::Weight, 9.0),
    (Column::Result, 13.0),
    (Column::Target, 16.0),
    (Column::Deviation, 13.0),
    (Column::Realization, 12.0),
    (Column::Measured, 10.0),
    (Column::Pending, 9.0),
    (Column::OverrideReason, 36.0),
    (Column::Note, 36.0),
];

/// Where each column of `LAYER_COLUMNS` is (a unit test keeps the two in step).
const PERSPECTIVE: u16 = 0;
const CODE: u16 = 1;
const TITLE: u16 = 2;
const WEIGHT: u16 = 3;
const RESULT: u16 = 4;
const TARGET: u16 = 5;
const DEVIATION: u16 = 6;
const REALIZATION: u16 = 7;
const MEASURED: u16 = 8;
const PENDING: u16 = 9;
const REASON: u16 = 10;
const NOTE: u16 = 11;

/// Sets a row's height to show all of its wrapped text: spreadsheets do not grow rows for
/// wrapped text they did not wrap themselves, so each row says how tall it is.
fn fit_row(ws: &mut Worksheet, row: u32, wrapped: &[(u16, &str)]) -> Result<(), XlsxError> {
    let lines = wrapped
        .iter()
        .map(|(col, text)| {
            // About one character of text fits in a character of column width (bold a little
            // less, ordinary text a little more: this errs on the tall side).
            let per_line = LAYER_COLUMNS[usize::from(*col)].1.max(1.0) as usize;
            text.split('\n')
                .map(|l| l.chars().count().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .max(1);
    if lines > 1 {
        ws.set_row_height(row, 15.0 * lines as f64)?;
    }
    Ok(())
}

fn layer_sheet(
    wb: &mut Workbook,
    summary: &Summary,
    strategic: bool,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = summary.lang;
    let name = summary.word(if strategic {
        Label::StrategicSheet
    } else {
        Label::OperationalSheet
    });
    let ws = wb.add_worksheet().set_name(name)?;
    for (c, (column, width)) in LAYER_COLUMNS.iter().enumerate() {
        let heading = summary.column(*column);
        // A heading is not cut inside a word: its column is at least as wide.
        let width = width.max(heading.chars().count() as f64 + 1.0);
        ws.set_column_width(c as u16, width)?;
        ws.write_string_with_format(0, c as u16, heading, &st.header)?;
    }
    ws.set_freeze_panes(1, WEIGHT)?;
    let mut row = 1u32;
    for p in &summary.perspectives {
        for so in &p.objectives {
            if strategic {
                ws.write_string_with_format(row, PERSPECTIVE, fit(lang, &p.name), &st.so_text)?;
                ws.write_string_with_format(row, CODE, fit(lang, &so.code), &st.so_text)?;
                ws.write_string_with_format(row, TITLE, fit(lang, &so.title), &st.so_wrap)?;
                fit_row(ws, row, &[(TITLE, &so.title)])?;
                ws.write_number_with_format(row, WEIGHT, share(so.weight), &st.so_weight)?;
                if let Some(v) = so.realization.value {
                    ws.write_number_with_format(row, REALIZATION, share(v), &st.so_realization)?;
                }
                ws.write_string_with_format(
                    row,
                    MEASURED,
                    format!("{} / {}", so.realization.measured, so.realization.total),
                    &st.so_text,
                )?;
                row += 1;
            }
            for oo in &so.operational {
                // A strategic objective's own indicators: on the strategic sheet, under it,
                // with no operational objective's row; nothing on the operational sheet.
                if oo.direct {
                    if strategic {
                        for ind in &oo.strategic_indicators {
                            indicator_row(ws, row, summary, &p.name, ind, st)?;
                            row += 1;
                        }
                    }
                    continue;
                }
                let (text, wrap) = if strategic {
                    (&st.oo_text, &st.oo_wrap)
                } else {
                    (&st.so_text, &st.so_wrap)
                };
                ws.write_string_with_format(row, PERSPECTIVE, fit(lang, &p.name), text)?;
                ws.write_string_with_format(row, CODE, fit(lang, &oo.code), text)?;
                ws.write_string_with_format(row, TITLE, fit(lang, &oo.title), wrap)?;
                fit_row(ws, row, &[(TITLE, &oo.title)])?;
                let wf = if strategic { &st.weight } else { &st.so_weight };
                ws.write_number_with_format(row, WEIGHT, share(oo.weight), wf)?;
                if !strategic {
                    if let Some(v) = oo.realization.value {
                        ws.write_number_with_format(
                            row,
                            REALIZATION,
                            share(v),
                            &st.so_realization,
                        )?;
                    }
                    ws.write_string_with_format(
                        row,
                        MEASURED,
                        format!("{} / {}", oo.realization.measured, oo.realization.total),
                        text,
                    )?;
                }
                row += 1;
                let inds = if strategic {
                    &oo.strategic_indicators
                } else {
                    &oo.indicators
                };
                for ind in inds {
                    indicator_row(ws, row, summary, &p.name, ind, st)?;
                    row += 1;
                }
            }
        }
    }
    let last = row.saturating_sub(1).max(1);
    ws.autofilter(0, 0, last, (LAYER_COLUMNS.len() - 1) as u16)?;
    colour_by_thresholds(ws, summary, REALIZATION, 1, last)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_repeat_rows(0, 0)?;
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn indicator_row(
    ws: &mut Worksheet,
    row: u32,
    summary: &Summary,
    perspective: &str,
    ind: &IndicatorSummary,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = summary.lang;
    ws.write_string_with_format(row, PERSPECTIVE, fit(lang, perspective), &st.text)?;
    ws.write_string_with_format(row, CODE, fit(lang, &ind.id), &st.text)?;
    ws.write_string_with_format(row, TITLE, fit(lang, &ind.description), &st.wrap)?;
    match ind.result {
        Some(Value::Number(n)) => {
            let (v, fmt) = unit_format(&ind.unit, n, &st.text);
            ws.write_number_with_format(row, RESULT, v, &fmt)?;
        }
        Some(Value::Date(d)) => {
            ws.write_datetime_with_format(row, RESULT, excel_date(d)?, &st.date)?;
        }
        // Yes or no, a ratio with both its parts, a bound: as the plan's locale writes them.
        Some(_) => {
            ws.write_string_with_format(row, RESULT, fit(lang, &ind.result_text), &st.text)?;
        }
        // Not assessable: no result is waited for.
        None if ind.not_assessable.is_some() => {
            ws.write_string_with_format(row, RESULT, "—", &st.muted)?;
        }
        None => {
            ws.write_string_with_format(row, RESULT, summary.word(Label::Pending), &st.muted)?;
        }
    }
    ws.write_string_with_format(row, TARGET, fit(lang, &ind.target), &st.text)?;
    if let Some(d) = ind.deviation {
        let (v, code) = deviation_number(lang, &ind.unit, d);
        let fmt = st.text.clone().set_num_format(code);
        ws.write_number_with_format(row, DEVIATION, v, &fmt)?;
    }
    if let Some(reason) = &ind.not_assessable {
        ws.write_string_with_format(
            row,
            REALIZATION,
            summary.word(Label::NotAssessable),
            &st.muted,
        )?;
        ws.insert_note(
            row,
            REALIZATION,
            &rust_xlsxwriter::Note::new(fit(lang, reason)),
        )?;
    } else if let Some(r) = ind.realization {
        ws.write_number_with_format(row, REALIZATION, share(r), &st.realization)?;
    } else if let Some(why) = &ind.unscorable {
        ws.write_string_with_format(
            row,
            REALIZATION,
            summary.word(Label::CannotBeScored),
            &st.muted,
        )?;
        let why = why.say_in(lang, summary.locale);
        ws.insert_note(
            row,
            REALIZATION,
            &rust_xlsxwriter::Note::new(fit(lang, &why)),
        )?;
    }
    let pending = summary.word(if ind.pending { Label::Yes } else { Label::No });
    ws.write_string_with_format(row, PENDING, pending, &st.text)?;
    if let Some(reason) = &ind.override_reason {
        ws.write_string_with_format(row, REASON, fit(lang, reason), &st.wrap)?;
    }
    let note = ind.note_with_reason(summary);
    if !note.is_empty() {
        ws.write_string_with_format(row, NOTE, fit(lang, &note), &st.wrap)?;
    }
    fit_row(
        ws,
        row,
        &[
            (TITLE, &ind.description),
            (REASON, ind.override_reason.as_deref().unwrap_or("")),
            (NOTE, &note),
        ],
    )?;
    Ok(())
}

/// Every period side by side: the overall scores, then each indicator's result, target and
/// realization at each period, after its baseline.
fn periods_sheet(
    wb: &mut Workbook,
    summary: &Summary,
    table: &crate::summary::PeriodsTable,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = summary.lang;
    let loc = summary.locale;
    let ws = wb
        .add_worksheet()
        .set_name(summary.word(Label::PeriodsSheet))?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 44)?;
    ws.set_column_width(2, 12)?;
    ws.write_string_with_format(0, 0, summary.word(Label::PeriodsTable), &st.title)?;
    // Two heading rows: the period over its three columns, then what each column holds.
    let (head, sub, first) = (2u32, 3u32, 3u16);
    ws.write_string_with_format(sub, 0, summary.word(Label::Indicator), &st.header)?;
    ws.write_string_with_format(
        sub,
        1,
        summary.column(Column::ObjectiveOrIndicator),
        &st.header,
    )?;
    ws.write_string_with_format(sub, 2, summary.word(Label::Baseline), &st.header)?;
    ws.write_string_with_format(head, 0, "", &st.header)?;
    for (i, p) in table.periods.iter().enumerate() {
        let col = first + 3 * i as u16;
        let name = format!("{} ({})", p.name, loc.date(p.date));
        ws.merge_range(head, col, head, col + 2, &name, &st.header)?;
        for (k, label) in [
            Label::PeriodResult,
            Label::PeriodTarget,
            Label::PeriodRealization,
        ]
        .into_iter()
        .enumerate()
        {
            ws.set_column_width(col + k as u16, 13)?;
            ws.write_string_with_format(sub, col + k as u16, summary.word(label), &st.header)?;
        }
    }
    ws.set_freeze_panes(sub + 1, first)?;
    let mut row = sub + 1;
    for (label, layer) in [(Label::Strategic, true), (Label::Operational, false)] {
        ws.write_string_with_format(row, 1, summary.word(label), &st.bold)?;
        for (i, o) in table.overall.iter().enumerate() {
            let s = if layer { &o.strategic } else { &o.operational };
            write_score(ws, summary, (row, first + 3 * i as u16 + 2), s, &st.overall)?;
        }
        row += 1;
    }
    for r in &table.rows {
        ws.write_string_with_format(row, 0, fit(lang, &r.id), &st.text)?;
        ws.write_string_with_format(row, 1, fit(lang, &r.description), &st.wrap)?;
        if let Some(b) = &r.baseline {
            ws.write_string_with_format(row, 2, fit(lang, b), &st.text)?;
        }
        for (i, c) in r.cells.iter().enumerate() {
            let col = first + 3 * i as u16;
            // A number as a number in the unit's format, as the other sheets write it.
            match c.value {
                Some(crate::plan::Value::Number(n)) => {
                    let (v, fmt) = unit_format(&r.unit, n, &st.text);
                    ws.write_number_with_format(row, col, v, &fmt)?;
                }
                _ => {
                    ws.write_string_with_format(row, col, fit(lang, &c.result), &st.text)?;
                }
            }
            ws.write_string_with_format(row, col + 1, fit(lang, &c.target), &st.text)?;
            match c.realization {
                Some(v) => ws.write_number_with_format(row, col + 2, share(v), &st.realization)?,
                None => ws.write_string_with_format(
                    row,
                    col + 2,
                    c.realization_text(summary),
                    &st.muted,
                )?,
            };
        }
        row += 1;
    }
    Ok(())
}

pub fn render(summary: &Summary, opts: &Options) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let st = Styles::new(summary.locale, summary.precision);
    summary_sheet(&mut wb, summary, opts, &st)?;
    layer_sheet(&mut wb, summary, true, &st)?;
    layer_sheet(&mut wb, summary, false, &st)?;
    if let Some(table) = &summary.periods {
        periods_sheet(&mut wb, summary, table, &st)?;
    }
    if !summary.errors.is_empty() {
        // A draft says so on every printed page of every sheet, not only on the first.
        let header = format!("&C&\"-,Bold\"&KB71C1C{}", summary.word(Label::Draft));
        for ws in wb.worksheets_mut() {
            ws.set_header(&header);
        }
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_places_follow_the_columns() {
        let place = |column| {
            LAYER_COLUMNS
                .iter()
                .position(|(c, _)| *c == column)
                .unwrap() as u16
        };
        assert_eq!(
            [
                PERSPECTIVE,
                CODE,
                TITLE,
                WEIGHT,
                RESULT,
                TARGET,
                DEVIATION,
                REALIZATION,
                MEASURED,
                PENDING,
                REASON,
                NOTE
            ],
            [
                place(Column::Perspective),
                place(Column::Code),
                place(Column::ObjectiveOrIndicator),
                place(Column::Weight),
                place(Column::Result),
                place(Column::Target),
                place(Column::Deviation),
                place(Column::Realization),
                place(Column::Measured),
                place(Column::Pending),
                place(Column::OverrideReason),
                place(Column::Note),
            ]
        );
    }

    #[test]
    fn a_deviation_is_a_signed_number_in_its_unit() {
        let code = |lang, unit: &Unit, d| deviation_number(lang, unit, d);
        assert_eq!(
            code(Lang::It, &Unit::Count, Deviation::Amount(Decimal::from(-8))),
            (-8.0, "+#,##0;-#,##0;#,##0".to_string())
        );
        assert_eq!(
            code(
                Lang::It,
                &Unit::Number,
                Deviation::Amount(Decimal::new(-297, 2))
            ),
            (-2.97, "+#,##0.00;-#,##0.00;#,##0.00".to_string())
        );
        assert_eq!(
            code(
                Lang::It,
                &Unit::Percent,
                Deviation::Amount(Decimal::from(5))
            ),
            (0.05, "+0%;-0%;0%".to_string())
        );
        assert_eq!(
            code(Lang::It, &Unit::Date, Deviation::Days(-1)),
            (-1.0, "+0 \"giorno\";-0 \"giorno\";0 \"giorno\"".to_string())
        );
        assert_eq!(
            code(Lang::En, &Unit::Date, Deviation::Days(3)),
            (3.0, "+0 \"days\";-0 \"days\";0 \"days\"".to_string())
        );
    }
}
