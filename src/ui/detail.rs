//! The detail pane: the selected indicator or objective, the contributions that make up its
//! score, and the findings about it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use rust_decimal::Decimal;

use super::common::{bar, percent_or_pending, status_style};
use super::theme::Theme;
use crate::app::App;
use crate::lang::{Say, Word};
use crate::plan::weights::Share;
use crate::plan::{IndicatorPath, Layer, NodePath};
use crate::score::{Mean, Outcome, exact};
use crate::summary::explain;
use crate::text::pad_right;
use crate::validate::Severity;

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

pub(super) fn draw_detail(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
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
    let detail = match node {
        NodePath::Indicator(path) => indicator_detail(app, path, theme),
        _ => objective_detail(app, node, theme),
    };
    // The findings about the row come right under its name (at the first blank line), so
    // that a short pane still shows them.
    let mut findings: Vec<Line> = Vec::new();
    for f in app.findings.iter().filter(|f| f.node == Some(node)) {
        let style = match f.severity {
            Severity::Error => theme.error(),
            Severity::Warning => theme.warning(),
        };
        findings.push(Line::styled(
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
    let head = detail
        .iter()
        .position(|l| l.width() == 0)
        .unwrap_or(detail.len());
    let mut detail = detail.into_iter();
    lines.extend(detail.by_ref().take(head));
    if !findings.is_empty() {
        lines.push(Line::from(""));
        lines.extend(findings);
    }
    lines.extend(detail);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn indicator_detail(app: &App, path: IndicatorPath, theme: Theme) -> Vec<Line<'static>> {
    let plan = &app.plan;
    let loc = plan.locale;
    let words = app.lang.words();
    let ind = app.indicator_now(path);
    let ind = ind.as_ref();
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
            match ind.result {
                Some(v) => loc.value(v, &ind.unit),
                // Not assessable: no result is waited for.
                None if ind.is_not_assessable() => "—".to_string(),
                None => words.word(Word::PendingResult).to_string(),
            },
            theme,
        ),
        kv(
            words.word(Word::Unit),
            crate::lang::ExportWords::unit(words, &ind.unit),
            theme,
        ),
    ];
    // The office that measures it, with whom to ask (as the plan's list of offices says).
    if let Some(owner) = plan.owner_of(path) {
        let mut text = owner.to_string();
        if let Some(office) = plan.office(owner) {
            let contact: Vec<&str> = [office.responsible.as_deref(), office.email.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !contact.is_empty() {
                text = format!("{text} — {}", contact.join(" · "));
            }
        }
        lines.push(kv(words.word(Word::Office), clip(&text), theme));
    }
    let r = app.scores.shown(path);
    let mut real = vec![Span::styled(
        format!("{} ", pad_right(words.word(Word::Realization), 13)),
        theme.dim(),
    )];
    real.push(Span::styled(
        match outcome {
            crate::score::Outcome::NotAssessable => words.word(Word::NotAssessable).to_string(),
            _ => percent_or_pending(app, r),
        },
        status_style(app, theme, r).add_modifier(Modifier::BOLD),
    ));
    if let Some(v) = r {
        real.push(Span::raw(" "));
        real.push(Span::styled(bar(v, 12), status_style(app, theme, r)));
    }
    lines.push(Line::from(real));
    // While a result is typed, the realization shown is the preview's: so is its working.
    let typed = match &app.mode {
        crate::app::Mode::Edit(e)
            if e.path == path && e.field == crate::app::EditField::Result && e.error.is_none() =>
        {
            app.parse_result(path, &e.input.text()).ok().map(|v| {
                let mut i = ind.clone();
                i.result = v;
                i
            })
        }
        _ => None,
    };
    lines.push(kv(
        words.word(Word::How),
        explain(
            app.lang,
            loc,
            typed.as_ref().unwrap_or(ind),
            outcome,
            app.scores.rules.precision.indicators,
        ),
        theme,
    ));
    if let Some(reason) = &ind.not_assessable {
        lines.push(kv(words.word(Word::NotAssessableWhy), clip(reason), theme));
    }
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
    // The year's target changed during the year: the target before, when and why, as the
    // Relazione reports it; the realization uses the current target.
    for c in &ind.target_changes {
        lines.push(kv(
            words.word(Word::TargetChanged),
            clip(
                &crate::export::words::Notice::TargetChanged {
                    from: loc.target(&c.from, &ind.unit),
                    date: loc.date(c.date),
                    reason: c.reason.clone(),
                }
                .say(app.lang),
            ),
            theme,
        ));
    }
    lines.extend(trend(app, path, theme));
    lines.extend(history(app, ind, theme));
    lines.push(kv(
        words.word(Word::Place),
        // The row it sits under: its operational objective, or its strategic objective for
        // one of that objective's own indicators.
        crate::app::tree::row_parent(plan, NodePath::Indicator(path))
            .map(|node| crate::validate::place(plan, node))
            .unwrap_or(crate::validate::Place::Plan)
            .say(app.lang),
        theme,
    ));
    lines
}

/// The indicator's last changes from the audit log, newest first: when, who, how, which
/// field, before and after.
fn history(app: &App, ind: &crate::plan::Indicator, theme: Theme) -> Vec<Line<'static>> {
    const SHOWN: usize = 5;
    let words = app.lang.words();
    let loc = app.plan.locale;
    let mine: Vec<&crate::store::audit::Record> = app
        .audit
        .iter()
        .rev()
        .filter(|r| r.change.id == ind.id)
        .take(SHOWN)
        .collect();
    if mine.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::from(Span::styled(
        words.word(Word::History).to_string(),
        theme.dim(),
    ))];
    for r in mine {
        let how = r.source.said(app.lang);
        let field = words.field_name(crate::app::msg::FieldName::of(r.change.field()));
        let period = r
            .change
            .period
            .as_ref()
            .map_or(String::new(), |p| format!(" ({p})"));
        let shown = |v| words.shown(&app.value_shown(ind, v));
        out.push(Line::from(vec![
            Span::styled(
                format!(
                    " {} {} · {} · {} ",
                    loc.date(r.at.date_naive()),
                    r.at.format("%H:%M"),
                    clip(&r.user),
                    clip(&how)
                ),
                theme.dim(),
            ),
            Span::raw(clip(&format!(
                "{field}{period}: {} → {}",
                shown(&r.change.old),
                shown(&r.change.new)
            ))),
        ]));
    }
    out
}

/// A value as a magnitude for the trend's bars: `None` for a date or a yes or no.
fn magnitude(v: crate::plan::Value, unit: &crate::plan::Unit) -> Option<Decimal> {
    use crate::plan::Value;
    match v {
        Value::Number(n) | Value::Bound { value: n, .. } => Some(n),
        Value::Ratio {
            numerator,
            denominator,
        } => {
            let q = numerator.checked_div(denominator)?;
            if *unit == crate::plan::Unit::Percent {
                q.checked_mul(Decimal::ONE_HUNDRED)
            } else {
                Some(q)
            }
        }
        Value::Date(_) | Value::Bool(_) => None,
    }
}

/// A row of the trend: its label, the value, the target, the realization as shown (or
/// the word for why there is none), and whether it is the period shown.
type TrendRow = (
    String,
    Option<crate::plan::Value>,
    Option<crate::plan::Target>,
    Result<Decimal, Option<Word>>,
    bool,
);

/// The indicator across the plan's periods, after its baseline: each period's result and
/// realization, and a bar of the result with the target's place marked `│` on it (the
/// target line), all bars on one scale. Nothing for a plan without periods.
fn trend(app: &App, path: IndicatorPath, theme: Theme) -> Vec<Line<'static>> {
    const BAR: usize = 16;
    let plan = &app.plan;
    if plan.periods.is_empty() {
        return Vec::new();
    }
    let loc = plan.locale;
    let words = app.lang.words();
    let year = plan.indicator(path);
    let decimals = app.scores.rules.precision.indicators;
    let shown_now = app.period_index();
    let mut rows: Vec<TrendRow> = Vec::new();
    if let Some(b) = year.baseline {
        rows.push((
            words.word(Word::Baseline).to_string(),
            Some(b),
            None,
            Err(None),
            false,
        ));
    }
    for (i, p) in plan.periods.iter().enumerate() {
        let at = year.at(plan.intermediate(Some(&p.name)));
        let out = crate::score::outcome(&at, &app.scores.rules.scoring);
        let realization = match &out {
            Outcome::Scored(_) => out.shown(decimals).ok_or(None),
            Outcome::Pending => Err(Some(Word::PendingResult)),
            Outcome::NotAssessable => Err(Some(Word::NotAssessableShort)),
            Outcome::Unscorable(_) => Err(Some(Word::UnscorableShort)),
        };
        rows.push((
            p.name.clone(),
            at.result,
            Some(at.target.clone()),
            realization,
            shown_now == Some(i),
        ));
    }
    let target_level = |t: &crate::plan::Target| t.numbers().map(|n| n.abs()).max();
    let top = rows
        .iter()
        .flat_map(|(_, v, t, _, _)| {
            v.and_then(|v| magnitude(v, &year.unit))
                .map(|m| m.abs())
                .into_iter()
                .chain(t.as_ref().and_then(target_level))
        })
        .max()
        .filter(|m| !m.is_zero());
    let cells = |m: Decimal, top: Decimal| -> usize {
        let c = (m.max(Decimal::ZERO) / top * Decimal::from(BAR as u32)).round();
        usize::try_from(c.mantissa() / 10i128.pow(c.scale()))
            .unwrap_or(0)
            .min(BAR)
    };
    let name_w = rows
        .iter()
        .map(|r| crate::text::width(&r.0))
        .max()
        .unwrap_or(0)
        .min(16);
    let shown = |v: Option<crate::plan::Value>| match v {
        Some(v) => loc.value(v, &year.unit),
        None => "—".to_string(),
    };
    // As wide as the widest value (a ratio's two parts), up to a point.
    let value_w = rows
        .iter()
        .map(|r| crate::text::width(&shown(r.1)))
        .max()
        .unwrap_or(0)
        .clamp(6, 24);
    let mut out = vec![Line::from(Span::styled(
        words.word(Word::Trend).to_string(),
        theme.dim(),
    ))];
    for (label, value, target, realization, now) in rows {
        let value_text = shown(value);
        let mut spans = vec![
            Span::styled(
                format!(
                    " {} {} ",
                    if now { "▸" } else { " " },
                    pad_right(&label, name_w)
                ),
                if now { theme.bold() } else { theme.dim() },
            ),
            Span::raw(format!(
                "{} ",
                crate::text::pad_left(&crate::text::truncate(&value_text, value_w), value_w)
            )),
        ];
        if let Some(top) = top {
            let filled = value
                .and_then(|v| magnitude(v, &year.unit))
                .map_or(0, |m| cells(m, top));
            let mut line: Vec<char> = (0..=BAR)
                .map(|i| if i < filled { '█' } else { ' ' })
                .collect();
            if let Some(t) = target.as_ref().and_then(target_level) {
                line[cells(t, top).min(BAR)] = '│';
            }
            spans.push(Span::styled(
                line.into_iter().collect::<String>(),
                status_style(app, theme, realization.ok()),
            ));
        }
        match realization {
            Ok(r) => spans.push(Span::raw(format!(" {}", loc.figure(r)))),
            Err(Some(why)) => {
                spans.push(Span::styled(format!(" {}", words.word(why)), theme.dim()))
            }
            Err(None) => {}
        }
        out.push(Line::from(spans));
    }
    out
}

/// An objective's share of its parent's score: `9 % × 98,00 % → 32,67 points`, every
/// figure rounded on its exact value.
fn contribution(
    app: &App,
    share: Share,
    r: Option<Decimal>,
    shown: Option<Decimal>,
    exact_r: impl FnOnce() -> Option<exact::BigRational>,
    total_weight: Decimal,
) -> String {
    let loc = app.plan.locale;
    let words = app.lang.words();
    let written = loc.number(share.shown());
    if !share.counts() {
        return words.wrong_weight(&written);
    }
    let weight = share.value();
    match (r, shown) {
        (Some(r), Some(shown)) if total_weight > Decimal::ZERO => {
            let points = exact::shown(
                Some(weight * r / total_weight),
                || {
                    let w = exact::from_decimal(share.numerator)
                        / exact::from_decimal(Decimal::from(share.denominator));
                    Some(w * exact_r()? / exact::from_decimal(total_weight))
                },
                2,
            );
            words.share(
                &written,
                &loc.figure(shown),
                Some(&loc.fixed2(points.unwrap_or_default())),
            )
        }
        (_, Some(shown)) => words.share(&written, &loc.figure(shown), None),
        _ => words.pending_left_out(&written),
    }
}

/// A weight as the detail pane shows it: `27 %`, `16,67 % (quota uguale)`.
fn weight_text(app: &App, share: Share) -> String {
    let loc = app.plan.locale;
    if share.equal {
        format!(
            "{} % ({})",
            loc.number(share.shown()),
            app.lang.words().word(Word::EqualShare)
        )
    } else {
        format!("{} %", loc.number(share.shown()))
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
            let r = app.scores.shown(p);
            let share = match outcome {
                Outcome::Scored(real) if measured > 0 => {
                    let n = Decimal::from(measured);
                    let points = exact::shown(
                        Some(real.value / n),
                        || Some(exact::realization(real) / exact::from_decimal(n)),
                        2,
                    );
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
                format!("{} %", loc.number(app.scores.rules.weights.perspective(p))),
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
                        ss.weight,
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
                weight_text(app, sc.weight),
                theme,
            ));
            lines.push(kv(
                words.word(Word::Realization),
                mean_line(app, &sc.realization, sc.shown.strategic),
                theme,
            ));
            lines.push(kv(words.word(Word::How), words.word(Word::FlatMean), theme));
            // Measured by its own indicators alone, it has no operational layer to show.
            let has_operational = so.written_operational().next().is_some();
            if has_operational {
                lines.push(kv(
                    words.word(Word::Operational),
                    words.operational_weighted(&percent_or_pending(app, sc.shown.operational)),
                    theme,
                ));
            }
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
            if has_operational {
                lines.push(Line::styled(
                    words.word(Word::OperationalObjectivesShare),
                    theme.dim(),
                ));
            }
            for (o, oo) in so.written_operational() {
                let os = &sc.operational[o];
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<7} ", oo.code), theme.code()),
                    Span::raw(contribution(
                        app,
                        os.weight,
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
                weight_text(app, sc.weight),
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
