//! The tree of perspectives, objectives and indicators, read like the published table: under
//! a line of column names, each row with its weight, result, target, realization (with its
//! bar) and measured count.
//!
//! The columns are as wide as what the rows on screen show in them (only those rows are
//! looked at, so drawing costs the same whatever the plan's size). In a wide pane a long
//! result or target is shown whole (up to [`FIGURE_WIDE_CAP`] cells). When the pane
//! narrows, the description gives way first, down to [`MIN_LEFT_WIDE`] cells (or the widest
//! description on screen, when shorter); below that the measured count goes, the bar
//! halves, and each result and target keeps to its cap; then the description gives way
//! again down to [`MIN_LEFT`] cells, below which the bar goes; then down to
//! [`MIN_LEFT_CUT`] cells, below which the column names are cut to their figures, then a
//! long result or target is cut with `…`. The realization is never cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use rust_decimal::Decimal;

use super::common::{bar, percent_or_pending, status_style};
use super::theme::Theme;
use crate::app::keymap;
use crate::app::{Action, App, EditField, Mode};
use crate::lang::Word;
use crate::plan::{Layer, NodePath};
use crate::score::{Mean, Outcome};
use crate::text::{pad_left, pad_right, truncate, width};

/// What a row of the tree shows.
struct RowView {
    depth: usize,
    expander: &'static str,
    tag: Option<(&'static str, Style)>,
    code: String,
    title: String,
    weight: String,
    /// The indicator's result as the plan's locale writes it (empty: pending, or not an
    /// indicator).
    result: String,
    /// Whether `result` is what is being typed in the indicator's result field, previewed.
    typed: bool,
    /// The indicator's target as the plan's locale writes it (empty: not an indicator).
    target: String,
    realization: Option<Decimal>,
    /// Text beside the percentage: `✎` overridden, `~` provisional, `!` cannot be scored.
    mark: &'static str,
    /// Marked not assessable: the realization column says so rather than "pending".
    not_assessable: bool,
    /// A value that cannot be scored: the realization column says so.
    unscorable: bool,
    measured: String,
    style: Style,
}

fn row_view(app: &App, node: NodePath, theme: Theme) -> RowView {
    let plan = &app.plan;
    let loc = plan.locale;
    let expander = |collapsed: bool, has: bool| match (has, collapsed) {
        (false, _) => "  ",
        (true, true) => "▸ ",
        (true, false) => "▾ ",
    };
    let has = crate::app::tree::has_children(plan, node);
    let exp = expander(app.tree.is_collapsed(node), has);
    let provisional = |m: &Mean| {
        if m.is_provisional() && m.measured > 0 {
            "~"
        } else {
            ""
        }
    };
    match node {
        NodePath::Perspective(p) => {
            let persp = &plan.perspectives[p];
            let s = &app.scores.perspectives[p].score;
            RowView {
                depth: 0,
                expander: exp,
                tag: None,
                code: String::new(),
                title: persp.name.to_uppercase(),
                result: String::new(),
                typed: false,
                target: String::new(),
                weight: loc.number(app.scores.rules.weights.perspective(p)),
                not_assessable: false,
                unscorable: false,
                realization: app.scores.perspectives[p].shown.strategic,
                mark: provisional(&s.strategic.indicators),
                measured: format!(
                    "{}/{}",
                    s.strategic.indicators.measured, s.strategic.indicators.total
                ),
                style: theme.perspective(),
            }
        }
        NodePath::Strategic(p, s) => {
            let so = &plan.perspectives[p].objectives[s];
            let sc = &app.scores.strategic(p, s).realization;
            RowView {
                depth: 1,
                expander: exp,
                tag: None,
                code: so.code.clone(),
                title: so.title.clone(),
                result: String::new(),
                typed: false,
                target: String::new(),
                weight: weight_text(app, app.scores.strategic(p, s).weight),
                not_assessable: false,
                unscorable: false,
                realization: app.scores.strategic(p, s).shown.strategic,
                mark: provisional(sc),
                measured: format!("{}/{}", sc.measured, sc.total),
                style: theme.bold(),
            }
        }
        NodePath::Operational(p, s, o) => {
            let oo = &plan.perspectives[p].objectives[s].operational[o];
            let sc = app.scores.operational(p, s, o).realization();
            RowView {
                depth: 2,
                expander: exp,
                tag: None,
                code: oo.code.clone(),
                title: oo.title.clone(),
                result: String::new(),
                typed: false,
                target: String::new(),
                weight: weight_text(app, app.scores.operational(p, s, o).weight),
                not_assessable: false,
                unscorable: false,
                realization: app.scores.operational(p, s, o).shown.operational,
                mark: provisional(sc),
                measured: format!("{}/{}", sc.measured, sc.total),
                style: Style::new(),
            }
        }
        NodePath::Indicator(path) => {
            let ind = app.indicator_now(path);
            let outcome = app.scores.outcome(path);
            let tag = match path.layer {
                Layer::Strategic => ("S", theme.strategic_tag()),
                Layer::Operational => ("O", theme.operational_tag()),
            };
            // The result being typed, while it reads as one: the row shows what was typed.
            let typed = match &app.mode {
                Mode::Edit(e)
                    if e.path == path && e.field == EditField::Result && e.error.is_none() =>
                {
                    Some(e.input.text().trim().to_string())
                }
                _ => None,
            };
            // A value far from its target's magnitude: accepted, marked to be checked.
            // (At an intermediate period, the finding about that period's value.)
            let check = app.findings.iter().any(|f| {
                use crate::validate::FindingKind;
                f.node == Some(node)
                    && match (&f.kind, app.scores.period()) {
                        (FindingKind::CheckThisValue { .. }, None) => true,
                        (FindingKind::AtPeriod { name, kind }, Some(p)) => {
                            name == p && matches!(**kind, FindingKind::CheckThisValue { .. })
                        }
                        _ => false,
                    }
            });
            let mark = match outcome {
                Outcome::Unscorable(_) => "!",
                _ if check => "?",
                _ if ind.realization_override.is_some() => "✎",
                _ => "",
            };
            RowView {
                // A strategic objective's own indicators sit right under it.
                depth: if plan.is_own_indicator(path) { 2 } else { 3 },
                not_assessable: matches!(outcome, Outcome::NotAssessable),
                unscorable: matches!(outcome, Outcome::Unscorable(_)),
                expander: "  ",
                tag: Some(tag),
                code: ind.id.clone(),
                title: ind.description.clone(),
                weight: String::new(),
                result: typed.clone().unwrap_or_else(|| {
                    ind.result
                        .map_or_else(String::new, |v| loc.value(v, &ind.unit))
                }),
                typed: typed.is_some(),
                target: loc.target(&ind.target, &ind.unit),
                realization: app.scores.shown(path),
                mark,
                measured: String::new(),
                style: if !outcome.is_pending() {
                    Style::new()
                } else {
                    theme.pending()
                },
            }
        }
    }
}

/// The bar's cells when there is room for it, and when it has been halved.
const BAR_CELLS: usize = 10;
const BAR_CELLS_NARROW: usize = 5;
/// The cells the code and description keep before a long result or target is cut to its cap.
const MIN_LEFT_WIDE: usize = 40;
/// The most cells a result or target takes in a wide pane.
const FIGURE_WIDE_CAP: usize = 40;
/// The cells the code and description keep before the measured count and the bar give way.
const MIN_LEFT: usize = 24;
/// The cells they keep before the column names and the figures are cut.
const MIN_LEFT_CUT: usize = 20;
/// The most cells a column takes, whatever its rows show: beyond, the text is cut with `…`.
const WEIGHT_CAP: usize = 7;
const RESULT_CAP: usize = 14;
const TARGET_CAP: usize = 16;
const MEASURED_CAP: usize = 9;
/// How far a result or target is cut when the pane is too narrow for it.
const FIGURE_FLOOR: usize = 8;

/// The widths of the tree's columns, in cells, for the rows on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// Indentation, expander, tag, code and description.
    left: usize,
    weight: usize,
    result: usize,
    target: usize,
    /// 0: no bar.
    bar: usize,
    percent: usize,
    /// 0: no measured count.
    measured: usize,
    /// Whether the realization's full name fits above the bar and the percentage.
    full_realization: bool,
}

/// The column names, in the interface's language.
struct Names<'a> {
    weight: &'a str,
    result: &'a str,
    target: &'a str,
    realization: &'a str,
    realization_short: &'a str,
    measured: &'a str,
}

/// The widest of the figures in one column, in cells.
struct Widest {
    /// Indentation, expander, tag, code and description of the widest row.
    left: usize,
    weight: usize,
    result: usize,
    target: usize,
    percent: usize,
    measured: usize,
}

impl Columns {
    /// The cells right of the description, with the space before each column.
    fn right(&self) -> usize {
        let bar = if self.bar > 0 { self.bar + 1 } else { 0 };
        let measured = if self.measured > 0 {
            self.measured + 1
        } else {
            0
        };
        1 + self.weight + 1 + self.result + 1 + self.target + 1 + bar + self.percent + measured
    }

    /// The cells above the bar and the percentage, where the realization's name goes.
    fn realization_span(&self) -> usize {
        if self.bar > 0 {
            self.bar + 1 + self.percent
        } else {
            self.percent
        }
    }

    /// Widths for a pane `cells` wide: the description first gives way, then the other
    /// columns step by step (see the module's comment).
    fn fit(cells: usize, widest: &Widest, names: &Names) -> Columns {
        let w = |s: &str| width(s);
        let mut c = Columns {
            left: 0,
            weight: widest.weight.min(WEIGHT_CAP).max(w(names.weight)),
            result: widest.result.min(FIGURE_WIDE_CAP).max(w(names.result)),
            target: widest.target.min(FIGURE_WIDE_CAP).max(w(names.target)),
            bar: BAR_CELLS,
            percent: widest.percent,
            measured: widest.measured.min(MEASURED_CAP).max(w(names.measured)),
            full_realization: true,
        };
        let realization_names = |c: &mut Columns| {
            c.full_realization = w(names.realization) <= c.realization_span();
            if !c.full_realization {
                let short = w(names.realization_short);
                if short > c.realization_span() {
                    c.percent = short.saturating_sub(c.realization_span() - c.percent);
                }
            }
        };
        realization_names(&mut c);
        type Step = fn(&mut Columns, &Widest);
        // The room kept for the descriptions before a long result or target is cut: less
        // when the rows' descriptions are short anyway.
        // Only when a result or target is beyond its cap is there anything to keep whole:
        // otherwise the columns give way in their usual order, from MIN_LEFT.
        let long = widest.result > RESULT_CAP || widest.target > TARGET_CAP;
        let wide = if long {
            MIN_LEFT_WIDE.min(widest.left).max(MIN_LEFT)
        } else {
            MIN_LEFT
        };
        let steps: [(usize, Step); 6] = [
            (wide, |c, _| c.measured = 0),
            (wide, |c, _| c.bar = BAR_CELLS_NARROW),
            (wide, |c, _| {
                c.result = c.result.min(RESULT_CAP);
                c.target = c.target.min(TARGET_CAP);
            }),
            (MIN_LEFT, |c, _| c.bar = 0),
            (MIN_LEFT_CUT, |c, d| {
                c.weight = d.weight.min(WEIGHT_CAP);
                c.result = d.result.min(RESULT_CAP);
                c.target = d.target.min(TARGET_CAP);
            }),
            (MIN_LEFT_CUT, |c, _| {
                c.result = c.result.min(FIGURE_FLOOR);
                c.target = c.target.min(FIGURE_FLOOR);
            }),
        ];
        for (min_left, step) in steps {
            if cells.saturating_sub(c.right()) >= min_left {
                continue;
            }
            step(&mut c, widest);
            c.percent = widest.percent;
            realization_names(&mut c);
        }
        c.left = cells.saturating_sub(c.right());
        c
    }
}

/// The realization's percentage with its mark, as the row shows it.
fn percent_text(app: &App, v: &RowView) -> String {
    if v.not_assessable {
        return app.lang.words().word(Word::NotAssessableShort).to_string();
    }
    if v.unscorable {
        return format!("{}{}", app.lang.words().word(Word::UnscorableShort), v.mark);
    }
    format!("{}{}", percent_or_pending(app, v.realization), v.mark)
}

/// A weight in the tree: as written, or an equal share rounded (marked `=`).
fn weight_text(app: &App, share: crate::plan::weights::Share) -> String {
    let w = app.plan.locale.number(share.shown());
    if share.equal { format!("={w}") } else { w }
}

/// The tree in its frame: the column names on the frame's first line (`columns`), the rows
/// in `rows`, both from [`crate::layout::Areas`] so that clicks and scrolling agree.
pub(super) fn draw_tree(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    columns: Option<Rect>,
    rows_area: Rect,
    theme: Theme,
) {
    let words = app.lang.words();
    let title = words.tree_title(&app.filter);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if matches!(app.mode, Mode::Normal) {
            theme.border_focus()
        } else {
            theme.border()
        })
        .title(title);
    frame.render_widget(block, area);
    if rows_area.height == 0 || rows_area.width == 0 {
        return;
    }
    let rows = app.tree.rows();
    if rows.is_empty() {
        let msg = match &app.filter {
            crate::app::tree::Filter::All => words.word(Word::NoPerspectives).to_string(),
            f => words.no_rows(
                f,
                &keymap::key_for(keymap::Context::Tree, &Action::CycleFilter, app.lang),
            ),
        };
        let inside = columns.map_or(rows_area, |c| c.union(rows_area));
        frame.render_widget(Paragraph::new(msg).style(theme.dim()), inside);
        return;
    }
    let start = app.tree.offset.min(rows.len());
    let end = (start + rows_area.height as usize).min(rows.len());
    let editing = match &app.mode {
        Mode::Edit(e) => Some(NodePath::Indicator(e.path)),
        _ => None,
    };
    let views: Vec<RowView> = rows[start..end]
        .iter()
        .map(|node| row_view(app, *node, theme))
        .collect();
    let widest_of = |f: &dyn Fn(&RowView) -> usize| views.iter().map(f).max().unwrap_or(0);
    let widest = Widest {
        left: widest_of(&|v| {
            2 * v.depth
                + width(v.expander)
                + if v.tag.is_some() { 2 } else { 0 }
                + width(&v.code)
                + 1
                + width(&v.title)
        }),
        weight: widest_of(&|v| width(&v.weight)),
        result: widest_of(&|v| width(&v.result)),
        target: widest_of(&|v| width(&v.target)),
        percent: widest_of(&|v| width(&percent_text(app, v))),
        measured: widest_of(&|v| width(&v.measured)),
    };
    let names = Names {
        weight: words.word(Word::ColumnWeight),
        result: words.word(Word::ColumnResult),
        target: words.word(Word::ColumnTarget),
        realization: words.word(Word::ColumnRealization),
        realization_short: words.word(Word::ColumnRealizationShort),
        measured: words.word(Word::ColumnMeasured),
    };
    let c = Columns::fit(rows_area.width as usize, &widest, &names);
    if let Some(columns) = columns {
        let realization = if c.full_realization {
            names.realization
        } else {
            names.realization_short
        };
        let mut text = format!(
            "{} {} {} {} {}",
            " ".repeat(c.left),
            pad_left(names.weight, c.weight),
            pad_left(names.result, c.result),
            pad_left(names.target, c.target),
            pad_left(realization, c.realization_span()),
        );
        if c.measured > 0 {
            text.push(' ');
            text.push_str(&pad_left(names.measured, c.measured));
        }
        frame.render_widget(Paragraph::new(text).style(theme.bold()), columns);
    }
    let mut lines = Vec::with_capacity(views.len());
    for (i, (node, v)) in rows[start..end].iter().zip(&views).enumerate() {
        let selected = start + i == app.tree.selected_index();
        let in_preview = editing.is_some_and(|e| e.is_within(*node));
        lines.push(row_line(app, v, c, in_preview, selected, theme));
    }
    frame.render_widget(Paragraph::new(lines), rows_area);
}

/// One row of the tree in the columns `c`.
fn row_line(
    app: &App,
    v: &RowView,
    c: Columns,
    in_preview: bool,
    selected: bool,
    theme: Theme,
) -> Line<'static> {
    let mut spans = Vec::new();
    let left = format!("{}{}", "  ".repeat(v.depth), v.expander);
    let mut used = width(&left);
    spans.push(Span::raw(truncate(&left, c.left)));
    if let Some((tag, style)) = v.tag
        && used + 2 <= c.left
    {
        spans.push(Span::styled(format!("{tag} "), style));
        used += 2;
    }
    if !v.code.is_empty() && used < c.left {
        let code = truncate(&v.code, (c.left - used).min(20));
        used += width(&code);
        spans.push(Span::styled(code, theme.code()));
        if used < c.left {
            spans.push(Span::raw(" "));
            used += 1;
        }
    }
    let title = pad_right(&v.title, c.left.saturating_sub(used));
    spans.push(Span::styled(title, v.style));
    let rstyle = status_style(app, theme, v.realization);
    spans.push(Span::raw(" "));
    spans.push(Span::styled(pad_left(&v.weight, c.weight), theme.dim()));
    spans.push(Span::raw(" "));
    let result_style = if v.typed {
        theme.preview()
    } else {
        Style::new()
    };
    spans.push(Span::styled(pad_left(&v.result, c.result), result_style));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(pad_left(&v.target, c.target), theme.dim()));
    spans.push(Span::raw(" "));
    if c.bar > 0 {
        spans.push(Span::styled(
            match v.realization {
                Some(r) => bar(r, c.bar),
                None => "·".repeat(c.bar),
            },
            rstyle,
        ));
        spans.push(Span::raw(" "));
    }
    let pct_style = if in_preview { theme.preview() } else { rstyle };
    spans.push(Span::styled(
        pad_left(&percent_text(app, v), c.percent),
        pct_style,
    ));
    if c.measured > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(pad_left(&v.measured, c.measured), theme.dim()));
    }
    let mut line = Line::from(spans);
    if selected {
        line = line.style(theme.selection());
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: Names = Names {
        weight: "Peso",
        result: "Risultato",
        target: "Target",
        realization: "% Realizzazione",
        realization_short: "Realizz.",
        measured: "Rilevati",
    };

    fn widest(target: usize) -> Widest {
        Widest {
            left: 60,
            weight: 4,
            result: 5,
            target,
            percent: 9,
            measured: 5,
        }
    }

    #[test]
    fn a_wide_pane_shows_every_column_and_the_description_takes_the_rest() {
        let c = Columns::fit(150, &widest(6), &NAMES);
        assert_eq!(c.bar, BAR_CELLS);
        assert_eq!(c.measured, 8);
        assert!(c.full_realization);
        assert_eq!(c.left + c.right(), 150);
        assert!(c.left > 80);
    }

    #[test]
    fn narrowing_shrinks_the_description_then_the_measured_count_then_the_bar() {
        let mut last = Columns::fit(150, &widest(6), &NAMES);
        for cells in (20..150).rev() {
            let c = Columns::fit(cells, &widest(6), &NAMES);
            assert_eq!(c.left + c.right(), cells.max(c.right()), "{cells}");
            assert!(c.percent >= 9, "{cells}: the realization is never cut");
            assert!(c.result >= 5 && c.target >= 6, "{cells}: figures kept");
            if c.left < last.left {
                assert!(
                    c.measured == last.measured && c.bar == last.bar,
                    "{cells}: the description shrank while a column went too"
                );
            }
            assert!(c.measured <= last.measured && c.bar <= last.bar);
            last = c;
        }
    }

    #[test]
    fn a_long_target_is_shown_whole_while_the_description_keeps_room() {
        let w = widest(30);
        let c = Columns::fit(150, &w, &NAMES);
        assert_eq!(c.target, 30, "{c:?}");
        assert!(c.left >= MIN_LEFT_WIDE, "{c:?}");
        let c = Columns::fit(90, &w, &NAMES);
        assert_eq!(c.target, TARGET_CAP, "{c:?}");
    }

    #[test]
    fn a_very_long_target_is_capped_and_leaves_the_description_room() {
        let c = Columns::fit(78, &widest(300), &NAMES);
        assert_eq!(c.target, TARGET_CAP);
        assert!(c.left >= MIN_LEFT, "{c:?}");
    }

    #[test]
    fn at_eighty_columns_no_figure_is_cut_below_its_cap() {
        // The widest a row can ask for: every column at its cap, a marked percentage.
        let widest = Widest {
            left: 60,
            weight: 50,
            result: 50,
            target: 50,
            percent: 10,
            measured: 50,
        };
        let c = Columns::fit(78, &widest, &NAMES);
        assert_eq!(
            (c.weight, c.result, c.target, c.percent),
            (WEIGHT_CAP, RESULT_CAP, TARGET_CAP, 10),
            "{c:?}"
        );
        assert!(c.left >= MIN_LEFT_CUT, "{c:?}");
    }
}
