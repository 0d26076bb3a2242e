//! The tree of perspectives, objectives and indicators, each row with its weight, bar and
//! realization.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use rust_decimal::Decimal;

use super::common::{bar, percent_or_pending, status_style};
use super::theme::Theme;
use crate::app::keymap;
use crate::app::{Action, App, Mode};
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
    realization: Option<Decimal>,
    /// Text beside the percentage: `✎` overridden, `~` provisional, `!` cannot be scored.
    mark: &'static str,
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
                weight: loc.number(persp.weight()),
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
                weight: loc.number(so.weight.value()),
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
                weight: loc.number(oo.weight.value()),
                realization: app.scores.operational(p, s, o).shown.operational,
                mark: provisional(sc),
                measured: format!("{}/{}", sc.measured, sc.total),
                style: Style::new(),
            }
        }
        NodePath::Indicator(path) => {
            let ind = plan.indicator(path);
            let outcome = app.scores.outcome(path);
            let tag = match path.layer {
                Layer::Strategic => ("S", theme.strategic_tag()),
                Layer::Operational => ("O", theme.operational_tag()),
            };
            let mark = match outcome {
                Outcome::Unscorable(_) => "!",
                _ if ind.realization_override.is_some() => "✎",
                _ => "",
            };
            RowView {
                depth: 3,
                expander: "  ",
                tag: Some(tag),
                code: ind.id.clone(),
                title: ind.description.clone(),
                weight: String::new(),
                realization: outcome.shown(),
                mark,
                measured: String::new(),
                style: if outcome.is_measured() {
                    Style::new()
                } else {
                    theme.pending()
                },
            }
        }
    }
}

const BAR_CELLS: usize = 10;

pub(super) fn draw_tree(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let words = app.lang.words();
    let title = words.tree_title(app.filter);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if matches!(app.mode, Mode::Normal) {
            theme.border_focus()
        } else {
            theme.border()
        })
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let rows = app.tree.rows();
    if rows.is_empty() {
        let msg = match app.filter {
            crate::app::tree::Filter::All => words.word(Word::NoPerspectives).to_string(),
            f => words.no_rows(
                f,
                &keymap::key_for(keymap::Context::Tree, &Action::CycleFilter, app.lang),
            ),
        };
        frame.render_widget(Paragraph::new(msg).style(theme.dim()), inner);
        return;
    }
    let w = inner.width as usize;
    let start = app.tree.offset.min(rows.len());
    let end = (start + inner.height as usize).min(rows.len());
    let editing = match &app.mode {
        Mode::Edit(e) => Some(NodePath::Indicator(e.path)),
        _ => None,
    };
    let show_measured = w >= 80;
    let right_w = 7 + 1 + BAR_CELLS + 1 + 10 + if show_measured { 6 } else { 0 };
    let left_w = w.saturating_sub(right_w + 1);
    let mut lines = Vec::with_capacity(end - start);
    for (i, node) in rows[start..end].iter().enumerate() {
        let v = row_view(app, *node, theme);
        let selected = start + i == app.tree.selected_index();
        let in_preview = editing.is_some_and(|e| e.is_within(*node));
        let mut spans = Vec::new();
        let indent = "  ".repeat(v.depth);
        let mut left = format!("{indent}{}", v.expander);
        let mut used = width(&left);
        spans.push(Span::raw(left.clone()));
        if let Some((tag, style)) = v.tag {
            spans.push(Span::styled(format!("{tag} "), style));
            used += 2;
        }
        if !v.code.is_empty() {
            let code = truncate(&v.code, left_w.saturating_sub(used).min(20));
            used += width(&code) + 1;
            spans.push(Span::styled(format!("{code} "), theme.code()));
        }
        left.clear();
        let title = pad_right(&v.title, left_w.saturating_sub(used));
        spans.push(Span::styled(title, v.style));
        spans.push(Span::raw(" "));
        let rstyle = status_style(app, theme, v.realization);
        spans.push(Span::styled(pad_left(&v.weight, 7), theme.dim()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            match v.realization {
                Some(r) => bar(r, BAR_CELLS),
                None => "·".repeat(BAR_CELLS),
            },
            rstyle,
        ));
        let pct = format!("{}{}", percent_or_pending(app, v.realization), v.mark);
        let pct_style = if in_preview { theme.preview() } else { rstyle };
        spans.push(Span::styled(pad_left(&pct, 11), pct_style));
        if show_measured {
            spans.push(Span::styled(pad_left(&v.measured, 6), theme.dim()));
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(theme.selection());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
