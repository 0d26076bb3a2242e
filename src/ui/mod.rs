//! Drawing the app: pure functions of the state. Nothing here changes the app, and only the
//! rows on screen are looked at, so a frame costs the same on any plan size.

pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use rust_decimal::Decimal;

use crate::app::keymap;
use crate::app::{Action, App, EditField, Mode, PathPurpose};
use crate::lang::{Say, ValueKind, Word};
use crate::plan::{IndicatorPath, Layer, NodePath, Unit};
use crate::score::{Mean, Outcome, exact};
use crate::summary::explain;
use crate::text::{pad_left, pad_right, truncate, width};
use crate::validate::Severity;
use theme::Theme;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame, theme: Theme) {
    let area = frame.area();
    let a = crate::layout::areas(area.width, area.height, app.field_rows());
    if a.too_small {
        draw_too_small(app, frame, area, theme);
        return;
    }
    draw_header(app, frame, a.header, theme);
    draw_tree(app, frame, a.tree_frame, theme);
    if let Some(d) = a.detail {
        draw_detail(app, frame, d, theme);
    }
    if let Some(f) = a.field {
        draw_field(app, frame, f, theme);
    }
    draw_status(app, frame, a.status, theme);
    match &app.mode {
        Mode::Help { scroll } => draw_help(app, frame, area, *scroll, theme),
        Mode::Dialog { kind, selected } => draw_dialog(app, frame, area, *kind, *selected, theme),
        Mode::Restore { cursor } => draw_restore(app, frame, area, *cursor, theme),
        _ => {}
    }
}

fn draw_too_small(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let msg = app.lang.words().too_small(
        area.width,
        area.height,
        crate::layout::MIN_WIDTH,
        crate::layout::MIN_HEIGHT,
    );
    let p = Paragraph::new(msg)
        .style(theme.warning())
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(p, rect);
}

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A bar of `cells` cells filled to `percent` (0–100), in eighths of a cell.
pub fn bar(percent: Decimal, cells: usize) -> String {
    let eighths_total = cells * 8;
    let p = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    let filled = (p * Decimal::from(eighths_total) / Decimal::ONE_HUNDRED)
        .round()
        .to_string()
        .parse::<usize>()
        .unwrap_or(0)
        .min(eighths_total);
    let full = filled / 8;
    let part = filled % 8;
    let mut s = String::with_capacity(cells * 3);
    s.extend(std::iter::repeat_n('█', full));
    if full < cells {
        if part > 0 {
            s.push(EIGHTHS[part]);
        } else {
            s.push('░');
        }
        s.extend(std::iter::repeat_n('░', cells - full - 1));
    }
    s
}

fn percent_or_pending(app: &App, v: Option<Decimal>) -> String {
    v.map_or_else(
        || app.lang.words().word(Word::Pending).to_string(),
        |v| app.plan.locale.percent(v),
    )
}

fn status_style(app: &App, theme: Theme, v: Option<Decimal>) -> Style {
    match v {
        Some(v) => theme.status(app.plan.thresholds.status(v)),
        None => theme.pending(),
    }
}

fn is_previewing(app: &App) -> bool {
    matches!(&app.mode, Mode::Edit(e) if e.error.is_none() && matches!(e.field, EditField::Result | EditField::OverrideRealization))
}

fn draw_header(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let words = app.lang.words();
    let w = area.width as usize;
    let mut right = Vec::new();
    if app.read_only {
        right.push(Span::styled(words.word(Word::ReadOnlyBadge), theme.error()));
    }
    if app.journal_down.is_some() && !app.read_only {
        right.push(Span::styled(
            words.word(Word::NoRecoveryBadge),
            theme.error(),
        ));
    }
    if app.is_dirty() {
        right.push(Span::styled(
            words.word(Word::UnsavedBadge),
            theme.unsaved(),
        ));
    }
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let title = format!(
        "{} · {} · {}",
        app.plan.organization, app.plan.title, app.plan.year
    );
    let mut line1 = vec![Span::styled(
        pad_right(&title, w.saturating_sub(right_w)),
        theme.title(),
    )];
    line1.extend(right);

    let shown = &app.scores.shown;
    let bar_w = if w >= 100 { 20 } else { 10 };
    let labels = [words.word(Word::Strategic), words.word(Word::Operational)];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let score_spans = |label: &str, v: Option<Decimal>| -> Vec<Span<'static>> {
        let style = status_style(app, theme, v);
        vec![
            Span::styled(format!("{} ", pad_right(label, label_w)), theme.bold()),
            Span::styled(bar(v.unwrap_or_default(), bar_w), style),
            Span::styled(
                format!(" {:>9}", percent_or_pending(app, v)),
                style.add_modifier(Modifier::BOLD),
            ),
            Span::raw("   "),
        ]
    };
    let mut line2 = score_spans(labels[0], shown.strategic);
    line2.extend(score_spans(labels[1], shown.operational));
    if is_previewing(app) {
        line2.push(Span::styled(words.word(Word::Preview), theme.preview()));
    }
    if crate::validate::has_errors(&app.findings) {
        // The scores stand on a plan with errors: what is wrong is left out of them.
        line2.push(Span::styled(words.word(Word::ErrorsLeftOut), theme.error()));
    }

    let counts: Mean = app.scores.indicator_counts();
    let errors = app
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = app.findings.len() - errors;
    let mut line3 = vec![Span::raw(words.measured(counts.measured, counts.total))];
    if counts.is_provisional() {
        line3.push(Span::styled(words.word(Word::Provisional), theme.warning()));
    }
    line3.push(Span::raw(words.filter_is(app.filter)));
    if errors > 0 {
        line3.push(Span::styled(
            format!(" · {}", words.errors(errors)),
            theme.error(),
        ));
    }
    if warnings > 0 {
        line3.push(Span::styled(
            format!(" · {}", words.warnings(warnings)),
            theme.warning(),
        ));
    }
    line3.push(Span::styled(
        format!(" · {}", app.path.display()),
        theme.dim(),
    ));
    if app.lock_note.is_some() {
        line3.push(Span::styled(words.word(Word::LockNote), theme.warning()));
    }
    let text = Text::from(vec![
        Line::from(line1),
        Line::from(line2),
        Line::from(line3),
    ]);
    frame.render_widget(Paragraph::new(text), area);
}

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

fn draw_tree(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
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

/// Long text cut for the detail pane, which shows a screenful at most.
fn clip(s: &str) -> String {
    const MAX: usize = 2000;
    let cut = match s.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    };
    // Wrapped, not cut to a line: line breaks stay, other controls and direction
    // overrides go, as everywhere else on screen.
    cut.chars()
        .filter(|c| !crate::text::is_bidi_control(*c))
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

fn kv<'a>(key: &str, value: impl Into<String>, theme: Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{} ", pad_right(key, 13)), theme.dim()),
        Span::raw(value.into()),
    ])
}

fn draw_detail(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let words = app.lang.words();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(words.word(Word::Detail));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    // A finding about the plan as a whole, reached with `w`: on top, until the next key.
    if let Some(f) = app
        .current_finding
        .and_then(|i| app.findings.get(i))
        .filter(|f| f.node.is_none())
    {
        let style = match f.severity {
            Severity::Error => theme.error(),
            Severity::Warning => theme.warning(),
        };
        lines.push(Line::styled(words.word(Word::PlanAsAWhole), theme.title()));
        lines.push(Line::styled(f.say(app.lang), style));
        lines.push(Line::from(""));
    }
    let Some(node) = app.tree.selected() else {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        return;
    };
    lines.extend(match node {
        NodePath::Indicator(path) => indicator_detail(app, path, theme),
        _ => objective_detail(app, node, theme),
    });
    for f in app.findings.iter().filter(|f| f.node == Some(node)) {
        let style = match f.severity {
            Severity::Error => theme.error(),
            Severity::Warning => theme.warning(),
        };
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(
                "{}: {}",
                words.word(if f.severity == Severity::Error {
                    Word::Error
                } else {
                    Word::Warning
                }),
                f.what(app.lang)
            ),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn indicator_detail(app: &App, path: IndicatorPath, theme: Theme) -> Vec<Line<'static>> {
    let plan = &app.plan;
    let loc = plan.locale;
    let words = app.lang.words();
    let ind = plan.indicator(path);
    let outcome = app.scores.outcome(path);
    let (kind, tag_style) = match path.layer {
        Layer::Strategic => (words.word(Word::StrategicIndicator), theme.strategic_tag()),
        Layer::Operational => (
            words.word(Word::OperationalIndicator),
            theme.operational_tag(),
        ),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{kind} "), tag_style),
            Span::styled(ind.id.clone(), theme.code()),
        ]),
        Line::from(Span::styled(clip(&ind.description), theme.bold())),
        Line::from(""),
        kv(
            words.word(Word::Target),
            loc.target(&ind.target, &ind.unit),
            theme,
        ),
        kv(
            words.word(Word::Result),
            ind.result
                .map_or(words.word(Word::PendingResult).to_string(), |v| {
                    loc.value(v, &ind.unit)
                }),
            theme,
        ),
        kv(
            words.word(Word::Unit),
            crate::lang::ExportWords::unit(words, &ind.unit),
            theme,
        ),
    ];
    let r = outcome.shown();
    let mut real = vec![Span::styled(
        format!("{} ", pad_right(words.word(Word::Realization), 13)),
        theme.dim(),
    )];
    real.push(Span::styled(
        percent_or_pending(app, r),
        status_style(app, theme, r).add_modifier(Modifier::BOLD),
    ));
    if let Some(v) = r {
        real.push(Span::raw(" "));
        real.push(Span::styled(bar(v, 12), status_style(app, theme, r)));
    }
    lines.push(Line::from(real));
    lines.push(kv(
        words.word(Word::How),
        explain(app.lang, loc, ind, outcome),
        theme,
    ));
    if let Some(o) = &ind.realization_override {
        lines.push(kv(
            words.word(Word::Override),
            format!(
                "{} — {}",
                loc.percent(o.realization.value()),
                clip(&o.reason)
            ),
            theme,
        ));
    }
    if let Some(n) = &ind.note {
        lines.push(kv(words.word(Word::Note), clip(n), theme));
    }
    if let Some(b) = ind.baseline {
        lines.push(kv(
            words.word(Word::Baseline),
            loc.value(b, &ind.unit),
            theme,
        ));
    }
    lines.push(kv(
        words.word(Word::Place),
        crate::validate::place(
            plan,
            NodePath::Operational(path.perspective, path.strategic, path.operational),
        )
        .say(app.lang),
        theme,
    ));
    lines
}

/// An objective's share of its parent's score: `9 % × 98,00 % → 32,67 points`, every
/// figure rounded on its exact value.
fn contribution(
    app: &App,
    weight: Decimal,
    r: Option<Decimal>,
    shown: Option<Decimal>,
    exact_r: impl FnOnce() -> Option<exact::BigRational>,
    total_weight: Decimal,
) -> String {
    let loc = app.plan.locale;
    let words = app.lang.words();
    if crate::plan::check::weight_error(weight).is_some() {
        return words.wrong_weight(&loc.number(weight));
    }
    match (r, shown) {
        (Some(r), Some(shown)) if total_weight > Decimal::ZERO => {
            let points = exact::shown(Some(weight * r / total_weight), || {
                Some(exact::from_decimal(weight) * exact_r()? / exact::from_decimal(total_weight))
            });
            words.share(
                &loc.number(weight),
                &loc.percent(shown),
                Some(&loc.fixed2(points.unwrap_or_default())),
            )
        }
        (_, Some(shown)) => words.share(&loc.number(weight), &loc.percent(shown), None),
        _ => words.pending_left_out(&loc.number(weight)),
    }
}

fn mean_line(app: &App, m: &Mean, shown: Option<Decimal>) -> String {
    app.lang
        .words()
        .mean_measured(&percent_or_pending(app, shown), m.measured, m.total)
}

fn indicator_list(
    app: &App,
    paths: impl Iterator<Item = IndicatorPath>,
    measured: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let loc = app.plan.locale;
    paths
        .map(|p| {
            let ind = app.plan.indicator(p);
            let outcome = app.scores.outcome(p);
            let r = outcome.shown();
            let share = match outcome {
                Outcome::Scored(real) if measured > 0 => {
                    let n = Decimal::from(measured);
                    let points = exact::shown(Some(real.value / n), || {
                        Some(exact::realization(real) / exact::from_decimal(n))
                    });
                    app.lang
                        .words()
                        .points(&loc.fixed2(points.unwrap_or_default()))
                }
                _ => String::new(),
            };
            Line::from(vec![
                Span::styled(format!("  {:<10} ", ind.id), theme.code()),
                Span::styled(
                    format!("{:>9}", percent_or_pending(app, r)),
                    status_style(app, theme, r),
                ),
                Span::styled(share, theme.dim()),
            ])
        })
        .collect()
}

fn objective_detail(app: &App, node: NodePath, theme: Theme) -> Vec<Line<'static>> {
    let plan = &app.plan;
    let loc = plan.locale;
    let words = app.lang.words();
    let mut lines = Vec::new();
    match node {
        NodePath::Perspective(p) => {
            let persp = &plan.perspectives[p];
            let sc = &app.scores.perspectives[p];
            lines.push(Line::styled(
                words.perspective_title(&persp.name),
                theme.title(),
            ));
            lines.push(kv(
                words.word(Word::Weight),
                format!("{} %", loc.number(persp.weight())),
                theme,
            ));
            for (label, w, shown) in [
                (Word::Strategic, &sc.score.strategic, sc.shown.strategic),
                (
                    Word::Operational,
                    &sc.score.operational,
                    sc.shown.operational,
                ),
            ] {
                lines.push(kv(
                    words.word(label),
                    words.perspective_mean(
                        &percent_or_pending(app, shown),
                        (w.measured, w.total),
                        (w.indicators.measured, w.indicators.total),
                    ),
                    theme,
                ));
            }
            lines.push(Line::from(""));
            lines.push(Line::styled(
                words.word(Word::StrategicObjectivesShare),
                theme.dim(),
            ));
            for (s, so) in persp.objectives.iter().enumerate() {
                let ss = &sc.objectives[s];
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<7} ", so.code), theme.code()),
                    Span::raw(contribution(
                        app,
                        so.weight.value(),
                        ss.realization.realization(),
                        ss.shown.strategic,
                        || ss.exact_realization(),
                        sc.score.strategic.weight,
                    )),
                ]));
            }
        }
        NodePath::Strategic(p, s) => {
            let so = &plan.perspectives[p].objectives[s];
            let sc = app.scores.strategic(p, s);
            lines.push(Line::from(vec![
                Span::styled(words.word(Word::StrategicObjective), theme.title()),
                Span::styled(so.code.clone(), theme.code()),
            ]));
            lines.push(Line::styled(so.title.clone(), theme.bold()));
            lines.push(Line::from(""));
            lines.push(kv(
                words.word(Word::Weight),
                format!("{} %", loc.number(so.weight.value())),
                theme,
            ));
            lines.push(kv(
                words.word(Word::Realization),
                mean_line(app, &sc.realization, sc.shown.strategic),
                theme,
            ));
            lines.push(kv(words.word(Word::How), words.word(Word::FlatMean), theme));
            lines.push(kv(
                words.word(Word::Operational),
                words.operational_weighted(&percent_or_pending(app, sc.shown.operational)),
                theme,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                words.word(Word::StrategicIndicators),
                theme.dim(),
            ));
            let paths = so.operational.iter().enumerate().flat_map(|(o, oo)| {
                (0..oo.strategic_indicators.len())
                    .map(move |index| IndicatorPath::new(p, s, o, Layer::Strategic, index))
            });
            lines.extend(indicator_list(app, paths, sc.realization.measured, theme));
            lines.push(Line::styled(
                words.word(Word::OperationalObjectivesShare),
                theme.dim(),
            ));
            for (o, oo) in so.operational.iter().enumerate() {
                let os = &sc.operational[o];
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<7} ", oo.code), theme.code()),
                    Span::raw(contribution(
                        app,
                        oo.weight.value(),
                        os.realization().realization(),
                        os.shown.operational,
                        || os.exact_realization(),
                        sc.operational_score.weight,
                    )),
                ]));
            }
        }
        NodePath::Operational(p, s, o) => {
            let oo = &plan.perspectives[p].objectives[s].operational[o];
            let sc = app.scores.operational(p, s, o);
            lines.push(Line::from(vec![
                Span::styled(words.word(Word::OperationalObjective), theme.title()),
                Span::styled(oo.code.clone(), theme.code()),
            ]));
            lines.push(Line::styled(oo.title.clone(), theme.bold()));
            lines.push(Line::from(""));
            lines.push(kv(
                words.word(Word::Weight),
                format!("{} %", loc.number(oo.weight.value())),
                theme,
            ));
            lines.push(kv(
                words.word(Word::Realization),
                mean_line(app, sc.realization(), sc.shown.operational),
                theme,
            ));
            lines.push(kv(
                words.word(Word::How),
                words.word(Word::MeanOfOperational),
                theme,
            ));
            for layer in Layer::BOTH {
                let (label, mean) = match layer {
                    Layer::Strategic => (
                        words.word(Word::StrategicIndicatorsCount),
                        &sc.means.strategic,
                    ),
                    Layer::Operational => (
                        words.word(Word::OperationalIndicators),
                        &sc.means.operational,
                    ),
                };
                let n = oo.layer(layer).len();
                if n == 0 {
                    continue;
                }
                lines.push(Line::from(""));
                lines.push(Line::styled(label, theme.dim()));
                let paths = (0..n).map(|index| IndicatorPath::new(p, s, o, layer, index));
                lines.extend(indicator_list(app, paths, mean.measured, theme));
            }
        }
        NodePath::Indicator(_) => {}
    }
    lines
}

fn draw_field(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let words = app.lang.words();
    let key = |context, action| keymap::key_for(context, &action, app.lang);
    let field_key = |action| key(keymap::Context::Field, action);
    let (label, input, error, hint) = match &app.mode {
        Mode::Edit(e) => {
            let ind = app.plan.indicator(e.path);
            let hint = match e.field {
                EditField::Result => result_hint(app, &ind.unit),
                EditField::Note => words.word(Word::NoteHint).to_string(),
                EditField::OverrideRealization => words.word(Word::OverrideHint).to_string(),
                EditField::OverrideReason => words.word(Word::ReasonHint).to_string(),
            };
            (
                format!(" {} · {} ", words.field_label(e.field), ind.id),
                &e.input,
                e.error.as_ref().map(|e| words.field_error(e)),
                hint,
            )
        }
        Mode::Search { input, .. } => {
            let n = app.matches(&input.text()).len();
            (
                words.word(Word::SearchTitle).to_string(),
                input,
                None,
                words.search_hint(
                    n,
                    &field_key(Action::Submit),
                    &key(keymap::Context::Tree, Action::NextMatch),
                    &key(keymap::Context::Tree, Action::PrevMatch),
                    &field_key(Action::Cancel),
                ),
            )
        }
        Mode::Export {
            format,
            input,
            error,
            ..
        } => {
            let errors = app
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let error = error.as_ref().map(|e| words.field_error(e));
            return draw_export(
                app,
                frame,
                area,
                *format,
                input,
                error.as_deref(),
                errors,
                theme,
            );
        }
        Mode::Path {
            input,
            purpose,
            error,
        } => {
            let label = match purpose {
                PathPurpose::SaveAs => words.word(Word::SaveAsTitle),
            };
            (
                label.to_string(),
                input,
                error.as_ref().map(|e| words.field_error(e)),
                words.save_as_hint(&field_key(Action::Submit), &field_key(Action::Cancel)),
            )
        }
        _ => return,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(label);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 2 {
        return;
    }
    let w = inner.width as usize;
    let text = input.text();
    let before = input.before_cursor();
    // Scroll the field so that the cursor stays visible.
    let cursor_cells = width(&before);
    let skip_cells = cursor_cells.saturating_sub(w.saturating_sub(2));
    let mut shown = String::new();
    let mut cells = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cells >= skip_cells {
            shown.push(c);
        }
        cells += cw;
    }
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(truncate(&shown, w), theme.bold()))),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let cx = inner.x + (cursor_cells - skip_cells).min(w.saturating_sub(1)) as u16;
    frame.set_cursor_position((cx, inner.y));
    if inner.height > 1 {
        let line = match error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
            None => Line::styled(hint, theme.dim()),
        };
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_export(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    format: crate::export::Format,
    input: &crate::app::input::Input,
    error: Option<&str>,
    errors: usize,
    theme: Theme,
) {
    let words = app.lang.words();
    let hints: String = keymap::hints(keymap::Context::Export, app.lang)
        .iter()
        .map(|(k, w)| format!("· {k} {w} "))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!("{}{hints}", words.word(Word::ExportTitle)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    for f in crate::export::Format::ALL {
        let chosen = f == format;
        lines.push(Line::from(vec![
            Span::raw(if chosen { " (•) " } else { " ( ) " }),
            Span::styled(
                words.format_name(f),
                if chosen { theme.bold() } else { Style::new() },
            ),
        ]));
    }
    lines.push(Line::from(""));
    let w = inner.width as usize;
    let label = words.word(Word::FileLabel);
    lines.push(Line::from(vec![
        Span::styled(label, theme.dim()),
        Span::styled(
            truncate(&input.text(), w.saturating_sub(width(label))),
            theme.bold(),
        ),
    ]));
    lines.push(match (error, errors) {
        (Some(e), _) => Line::styled(format!("✗ {e}"), theme.error()),
        (None, n) if n > 0 => Line::styled(
            words.export_errors(
                n,
                &keymap::key_for(keymap::Context::Tree, &Action::NextFinding, app.lang),
            ),
            theme.error(),
        ),
        (None, _) => Line::styled(words.word(Word::ExportPendingNote), theme.dim()),
    });
    let path_row = inner.y + crate::export::Format::ALL.len() as u16 + 1;
    frame.render_widget(Paragraph::new(lines), inner);
    let cx =
        inner.x + (width(label) + width(&input.before_cursor())).min(w.saturating_sub(1)) as u16;
    if path_row < inner.y + inner.height {
        frame.set_cursor_position((cx, path_row));
    }
}

fn result_hint(app: &App, unit: &Unit) -> String {
    let words = app.lang.words();
    let kind = match unit {
        Unit::Date => ValueKind::Date,
        Unit::Percent => ValueKind::Percent,
        _ => ValueKind::Number,
    };
    let key = |a| keymap::key_for(keymap::Context::Field, &a, app.lang);
    format!(
        "{} · {}",
        words.value_hint(kind, app.plan.locale),
        words.value_hint_keys(&key(Action::Submit), &key(Action::Cancel))
    )
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let w = area.width as usize;
    let msg_style = if app.status.is_error {
        theme.error()
    } else {
        Style::new()
    };
    let text = app.status.msg.say(app.lang);
    let msg = Line::from(Span::styled(truncate(&text, w), msg_style));
    let lines = vec![msg, hint_line(app, app.context(), w, theme)];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The keys of `context` with what they do, as many as fit in `cells`.
fn hint_line(app: &App, context: keymap::Context, cells: usize, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, word) in keymap::hints(context, app.lang) {
        let piece = width(&key) + width(word) + 4;
        if used + piece > cells {
            break;
        }
        used += piece;
        spans.push(Span::styled(format!(" {key} "), theme.key()));
        spans.push(Span::raw(format!(" {word} ")));
    }
    Line::from(spans)
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_help(app: &App, frame: &mut Frame, area: Rect, scroll: u16, theme: Theme) {
    let words = app.lang.words();
    let rect = centered(area, 90, area.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    let mut lines = vec![
        Line::styled(words.word(Word::HelpTitle), theme.title()),
        Line::styled(words.word(Word::HelpLegend), theme.dim()),
    ];
    for (section, keys, help) in keymap::help_lines(app.lang) {
        match section {
            Some(title) => {
                lines.push(Line::from(""));
                lines.push(Line::styled(title.to_string(), theme.bold()));
            }
            None => lines.push(Line::from(vec![
                Span::styled(format!("  {} ", pad_right(&keys, 22)), theme.code()),
                Span::raw(help.to_string()),
            ])),
        }
    }
    let max_scroll = (lines.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    let key = |a| keymap::key_for(keymap::Context::Help, &a, app.lang);
    let scroll_keys = format!("· {}{} ", key(Action::Up), key(Action::Down));
    let hints: String = keymap::hints(keymap::Context::Help, app.lang)
        .iter()
        .map(|(k, w)| format!("{scroll_keys}· {k} {w} "))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!("{}{hints}", words.word(Word::HelpFrame)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max_scroll), 0)),
        rect,
    );
}

/// Lines of `text` wrapped at `width` cells (to size a dialog before drawing it).
fn wrapped_height(text: &str, cells: usize) -> u16 {
    let cells = cells.max(1);
    text.split('\n')
        .map(|line| width(line).div_ceil(cells).max(1))
        .sum::<usize>()
        .min(u16::MAX as usize) as u16
}

fn draw_dialog(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    kind: crate::app::DialogKind,
    selected: usize,
    theme: Theme,
) {
    let words = app.lang.words();
    let choices = words.dialog_choices(kind);
    let w = 72.min(area.width);
    let question = words.dialog_question(&app.dialog_question(kind));
    // Words wrap a little short of the width: leave a line to spare.
    let text_h = wrapped_height(&question, w.saturating_sub(2) as usize).saturating_add(1);
    let rect = centered(area, w, text_h.saturating_add(3 + choices.len() as u16));
    frame.render_widget(Clear, rect);
    let mut lines = vec![Line::from(question), Line::from("")];
    for (i, c) in choices.iter().enumerate() {
        let style = if i == selected {
            theme.selection()
        } else {
            Style::new()
        };
        lines.push(
            Line::from(vec![
                Span::styled(format!(" [{}] ", c.key), theme.code()),
                Span::raw(c.label.to_string()),
            ])
            .style(style),
        );
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!(" {} ", words.dialog_title(kind)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The restore question: what the journal holds, and the fields changed in the file too,
/// each with the file's value and the user's, and which is taken.
fn draw_restore(app: &App, frame: &mut Frame, area: Rect, cursor: usize, theme: Theme) {
    let w = 90.min(area.width);
    let inner_w = w.saturating_sub(2) as usize;
    let words = app.lang.words();
    let mut question = app
        .restore_facts()
        .map(|f| words.restore_lines(&f))
        .unwrap_or_default();
    // The changes left out that could not be written down in a file: listed here.
    if let Some(r) = &app.recovery
        && r.left_out_file.is_none()
    {
        question.extend(r.left_out_lines().lines().map(str::to_string));
    }
    let conflicts = app.restore_conflict_lines();
    let text_h: u16 = question
        .iter()
        .map(|q| wrapped_height(q, inner_w))
        .fold(0u16, u16::saturating_add)
        .saturating_add(question.len().min(u16::MAX as usize) as u16);
    let list_room = area.height.saturating_sub(text_h.saturating_add(6)).max(3);
    let list_h = (conflicts.len().min(u16::MAX as usize) as u16).min(list_room);
    let rect = centered(area, w, text_h.saturating_add(list_h).saturating_add(4));
    frame.render_widget(Clear, rect);
    let mut lines: Vec<Line> = Vec::new();
    for q in question {
        lines.push(Line::from(q));
    }
    // Scroll the list so that the selected field is on show.
    let first = cursor.saturating_sub(list_h.saturating_sub(1) as usize);
    for (i, (mine, text)) in conflicts
        .iter()
        .enumerate()
        .skip(first)
        .take(list_h as usize)
    {
        let mark = words.word(if *mine { Word::Yours } else { Word::FileValue });
        let style = if i == cursor {
            theme.selection()
        } else {
            Style::new()
        };
        lines.push(
            Line::from(vec![
                Span::styled(format!(" {mark} "), theme.code()),
                Span::raw(truncate(text, inner_w.saturating_sub(10))),
            ])
            .style(style),
        );
    }
    lines.push(Line::from(""));
    // Every key, wrapped if need be.
    lines.push(hint_line(app, keymap::Context::Restore, usize::MAX, theme));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!(" {} ", words.restore_title(app.restore_is_merge())));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(dec!(100), 10), "██████████");
        assert_eq!(bar(dec!(0), 4), "░░░░");
        assert_eq!(bar(dec!(50), 4), "██░░");
        assert_eq!(bar(dec!(90), 10), "█████████░");
        assert_eq!(bar(dec!(87.5), 4), "███▌");
        assert_eq!(bar(dec!(120), 3), "███");
    }
}
