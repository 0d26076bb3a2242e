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
use crate::summary::{IndicatorSummary, Score, Summary};

/// The most a cell holds: 32,767 UTF-16 units (the file format's limit).
const CELL_MAX: usize = 32_767;

/// A text as a cell can hold it: one too long for a cell is cut, visibly (in `lang`).
fn fit(lang: Lang, text: &str) -> std::borrow::Cow<'_, str> {
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
    realization: Format,
    so_realization: Format,
    date: Format,
    muted: Format,
}

impl Styles {
    fn new(locale: Locale) -> Styles {
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
            realization: top.clone().set_num_format("0.00%"),
            so_realization: so.set_num_format("0.00%"),
            date: top.clone().set_num_format(date_format),
            muted: top.set_font_color(Color::RGB(0x808080)).set_italic(),
        }
    }
}

/// The number format for a result or target in its unit.
fn unit_format(unit: &Unit, n: Decimal, base: &Format) -> (f64, Format) {
    let whole = n.fract().is_zero();
    match unit {
        Unit::Percent => (
            share(n),
            base.clone()
                .set_num_format(if whole { "0%" } else { "0.00%" }),
        ),
        Unit::Currency => (f(n), base.clone().set_num_format("#,##0.00 \"€\"")),
        Unit::Label(label) => {
            let label = label.replace('"', "");
            let num = if whole { "#,##0" } else { "#,##0.00" };
            (
                f(n),
                base.clone().set_num_format(format!("{num} \"{label}\"")),
            )
        }
        _ => (
            f(n),
            base.clone()
                .set_num_format(if whole { "#,##0" } else { "#,##0.00" }),
        ),
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
        write_score(ws, summary, (r, 1), s, &st.realization)?;
    }
    colour_by_thresholds(ws, summary, 1, first, first + 1)?;
    let (measured, total) = summary.indicator_counts();
    ws.write_string(first + 2, 0, summary.word(Label::IndicatorsMeasured))?;
    ws.write_number(first + 2, 1, measured as f64)?;
    ws.write_string(first + 2, 2, summary.word(Label::Of))?;
    ws.write_number(first + 2, 3, total as f64)?;

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
        write_score(ws, summary, (r, 2), &p.score.strategic, &st.realization)?;
        write_score(ws, summary, (r, 3), &p.score.operational, &st.realization)?;
    }
    let last = head + summary.perspectives.len() as u32;
    colour_by_thresholds(ws, summary, 2, head + 1, last)?;
    colour_by_thresholds(ws, summary, 3, head + 1, last)?;
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Column widths of the layer sheets, in characters.
const WIDTHS: [f64; 11] = [
    36.0, 9.0, 64.0, 9.0, 13.0, 16.0, 12.0, 10.0, 9.0, 36.0, 36.0,
];

/// Sets a row's height to show all of its wrapped text: spreadsheets do not grow rows for
/// wrapped text they did not wrap themselves, so each row says how tall it is.
fn fit_row(ws: &mut Worksheet, row: u32, wrapped: &[(usize, &str)]) -> Result<(), XlsxError> {
    let lines = wrapped
        .iter()
        .map(|(col, text)| {
            // About one character of text fits in a character of column width (bold a little
            // less, ordinary text a little more: this errs on the tall side).
            let per_line = WIDTHS[*col].max(1.0) as usize;
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

const LAYER_HEADER: [Column; 11] = [
    Column::Perspective,
    Column::Code,
    Column::ObjectiveOrIndicator,
    Column::Weight,
    Column::Result,
    Column::Target,
    Column::Realization,
    Column::Measured,
    Column::Pending,
    Column::OverrideReason,
    Column::Note,
];

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
    let widths: [f64; 11] = [
        24.0, 9.0, 64.0, 9.0, 13.0, 16.0, 12.0, 10.0, 9.0, 36.0, 36.0,
    ];
    for (c, (column, width)) in LAYER_HEADER.iter().zip(widths).enumerate() {
        let heading = summary.column(*column);
        // A heading is not cut inside a word: its column is at least as wide.
        let width = width.max(heading.chars().count() as f64 + 1.0);
        ws.set_column_width(c as u16, width)?;
        ws.write_string_with_format(0, c as u16, heading, &st.header)?;
    }
    ws.set_freeze_panes(1, 3)?;
    let mut row = 1u32;
    for p in &summary.perspectives {
        for so in &p.objectives {
            if strategic {
                ws.write_string_with_format(row, 0, fit(lang, &p.name), &st.so_text)?;
                ws.write_string_with_format(row, 1, fit(lang, &so.code), &st.so_text)?;
                ws.write_string_with_format(row, 2, fit(lang, &so.title), &st.so_wrap)?;
                fit_row(ws, row, &[(2, &so.title)])?;
                ws.write_number_with_format(row, 3, share(so.weight), &st.so_weight)?;
                if let Some(v) = so.realization.value {
                    ws.write_number_with_format(row, 6, share(v), &st.so_realization)?;
                }
                ws.write_string_with_format(
                    row,
                    7,
                    format!("{} / {}", so.realization.measured, so.realization.total),
                    &st.so_text,
                )?;
                row += 1;
            }
            for oo in &so.operational {
                let (text, wrap) = if strategic {
                    (&st.oo_text, &st.oo_wrap)
                } else {
                    (&st.so_text, &st.so_wrap)
                };
                ws.write_string_with_format(row, 0, fit(lang, &p.name), text)?;
                ws.write_string_with_format(row, 1, fit(lang, &oo.code), text)?;
                ws.write_string_with_format(row, 2, fit(lang, &oo.title), wrap)?;
                fit_row(ws, row, &[(2, &oo.title)])?;
                let wf = if strategic { &st.weight } else { &st.so_weight };
                ws.write_number_with_format(row, 3, share(oo.weight), wf)?;
                if !strategic {
                    if let Some(v) = oo.realization.value {
                        ws.write_number_with_format(row, 6, share(v), &st.so_realization)?;
                    }
                    ws.write_string_with_format(
                        row,
                        7,
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
    ws.autofilter(0, 0, last, (LAYER_HEADER.len() - 1) as u16)?;
    colour_by_thresholds(ws, summary, 6, 1, last)?;
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
    ws.write_string_with_format(row, 0, fit(lang, perspective), &st.text)?;
    ws.write_string_with_format(row, 1, fit(lang, &ind.id), &st.text)?;
    ws.write_string_with_format(row, 2, fit(lang, &ind.description), &st.wrap)?;
    match ind.result {
        Some(Value::Number(n)) => {
            let (v, fmt) = unit_format(&ind.unit, n, &st.text);
            ws.write_number_with_format(row, 4, v, &fmt)?;
        }
        Some(Value::Date(d)) => {
            ws.write_datetime_with_format(row, 4, excel_date(d)?, &st.date)?;
        }
        None => {
            ws.write_string_with_format(row, 4, summary.word(Label::Pending), &st.muted)?;
        }
    }
    ws.write_string_with_format(row, 5, fit(lang, &ind.target), &st.text)?;
    if let Some(r) = ind.realization {
        ws.write_number_with_format(row, 6, share(r), &st.realization)?;
    } else if let Some(why) = &ind.unscorable {
        ws.write_string_with_format(row, 6, summary.word(Label::CannotBeScored), &st.muted)?;
        let why = why.say(lang);
        ws.insert_note(row, 6, &rust_xlsxwriter::Note::new(fit(lang, &why)))?;
    }
    let pending = summary.word(if ind.pending { Label::Yes } else { Label::No });
    ws.write_string_with_format(row, 8, pending, &st.text)?;
    if let Some(reason) = &ind.override_reason {
        ws.write_string_with_format(row, 9, fit(lang, reason), &st.wrap)?;
    }
    if let Some(note) = &ind.note {
        ws.write_string_with_format(row, 10, fit(lang, note), &st.wrap)?;
    }
    fit_row(
        ws,
        row,
        &[
            (2, &ind.description),
            (9, ind.override_reason.as_deref().unwrap_or("")),
            (10, ind.note.as_deref().unwrap_or("")),
        ],
    )?;
    Ok(())
}

pub fn render(summary: &Summary, opts: &Options) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let st = Styles::new(summary.locale);
    summary_sheet(&mut wb, summary, opts, &st)?;
    layer_sheet(&mut wb, summary, true, &st)?;
    layer_sheet(&mut wb, summary, false, &st)?;
    if !summary.errors.is_empty() {
        // A draft says so on every printed page of every sheet, not only on the first.
        let header = format!("&C&\"-,Bold\"&KB71C1C{}", summary.word(Label::Draft));
        for ws in wb.worksheets_mut() {
            ws.set_header(&header);
        }
    }
    wb.save_to_buffer()
}
