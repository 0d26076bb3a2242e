//! `perfplan diff`'s output: a table aligned like `perfplan score`'s, in the chosen language
//! with the new plan's notation for numbers and dates, or JSON for scripts.

use rust_decimal::Decimal;
use serde_json::{Map, Value as Json, json};

use super::words::{DiffLabel, DiffNotice};
use super::{
    Change, FieldDiff, Figure, IndicatorDiff, IndicatorPlace, Item, Level, ObjectiveDiff, Pair,
    PlanDiff, ScoreDiff, ScoreNode,
};
use crate::export::words::{Column, Label};
use crate::lang::{Lang, Say, Word};
use crate::plan::{Layer, Locale, Unit, Weight};
use crate::report::{Table, number, unit_json, value_json};
use crate::text::{for_terminal, width};
use crate::validate::Place;

/// What is shown for a value that is not there: a field left out, a thing not in a plan.
const DASH: &str = "—";
/// Between a value before and after.
const ARROW: &str = "→";
/// The least width of the columns of values before and after, and of the change.
const VALUE_WIDTH: usize = 15;
const CHANGE_WIDTH: usize = 9;
/// Where the whole of a value too wide for its column is written, under its row.
const LONG_INDENT: &str = "      ";

/// One thing that changed: its name (and place) on the left, a row per field.
struct Block {
    names: Vec<String>,
    rows: Vec<Row>,
}

struct Row {
    field: String,
    old: String,
    new: String,
    change: String,
}

enum Part {
    Section(DiffLabel),
    Block(Block),
}

/// The words and notation the report is written in.
#[derive(Clone, Copy)]
struct Voice {
    lang: Lang,
    loc: Locale,
    year: i32,
}

impl Voice {
    fn label(self, label: DiffLabel) -> String {
        self.lang.words().diff_label(label).to_string()
    }

    fn word(self, label: Label) -> String {
        self.lang.words().label(label).to_string()
    }

    fn realization(self) -> String {
        self.lang.words().column(Column::Realization, self.year)
    }

    fn item(self, item: Option<&Item>, unit: Option<&Unit>) -> String {
        let Some(item) = item else {
            return DASH.to_string();
        };
        let unit = unit.unwrap_or(&Unit::Number);
        let (lang, loc) = (self.lang, self.loc);
        match item {
            Item::Text(Some(t)) => t.clone(),
            Item::Text(None) | Item::Value(None) | Item::Percent(None) => DASH.to_string(),
            Item::Unit(u) => lang.words().unit(u),
            Item::Target(t) => loc.target(t, unit),
            Item::Value(Some(v)) => loc.value(*v, unit),
            Item::Percent(Some(p)) => loc.figure(*p),
            Item::Scoring(s) => lang.words().rule(s.as_ref(), loc),
            Item::Weight(w) => self.weight(*w),
            Item::Year(y) => y.to_string(),
            Item::Locale(l) => l.code().to_string(),
            Item::Thresholds(t) => DiffNotice::Thresholds {
                good: loc.figure(t.good.value()),
                fair: loc.figure(t.fair.value()),
                note_below_fair: t.note_below_fair,
            }
            .say(lang),
            Item::Precision(p) => DiffNotice::Precision {
                indicators: p.indicators,
                objectives: p.objectives,
                overall: p.overall,
            }
            .say(lang),
            Item::Periods(list) if list.is_empty() => DASH.to_string(),
            Item::Periods(list) => list
                .iter()
                .map(|p| format!("{} ({})", p.name, loc.date(p.date)))
                .collect::<Vec<_>>()
                .join(" · "),
            Item::TargetChanges(list) if list.is_empty() => DASH.to_string(),
            Item::TargetChanges(list) => list
                .iter()
                .map(|c| {
                    crate::export::words::Notice::TargetChanged {
                        from: loc.target(&c.from, unit),
                        date: loc.date(c.date),
                        reason: c.reason.clone(),
                    }
                    .say(lang)
                })
                .collect::<Vec<_>>()
                .join(" · "),
            Item::PeriodValues(v) if v.is_empty() => DASH.to_string(),
            Item::PeriodValues(v) => {
                v.0.iter()
                    .map(|(name, at)| {
                        let mut parts =
                            vec![at.result.map_or(DASH.to_string(), |r| loc.value(r, unit))];
                        if let Some(t) = &at.target {
                            parts.push(format!("target {}", loc.target(t, unit)));
                        }
                        if let Some(o) = &at.realization_override {
                            parts.push(format!(
                                "{} ({})",
                                loc.figure(o.realization.value()),
                                o.reason
                            ));
                        }
                        if let Some(n) = &at.note {
                            parts.push(format!("«{n}»"));
                        }
                        format!("{name}: {}", parts.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            }
        }
    }

    /// A weight as `perfplan score` shows it (`9,00`), with more decimals where it has
    /// them; an equal share in words.
    fn weight(self, w: Weight) -> String {
        match w.given() {
            Some(d) => weight_figure(d, self.loc),
            None => self.lang.words().word(Word::EqualShare).to_string(),
        }
    }

    fn figure(self, f: Figure) -> String {
        match f {
            Figure::Absent | Figure::Empty => DASH.to_string(),
            Figure::Shown { value, overridden } => {
                format!(
                    "{}{}",
                    self.loc.figure(value),
                    if overridden { "*" } else { "" }
                )
            }
            Figure::Pending => self.word(Label::Pending),
            Figure::NotAssessable => self.word(Label::NotAssessable),
            Figure::Unscorable => self.word(Label::CannotBeScored),
        }
    }

    fn figures(self, field: String, figure: &Pair<Figure>) -> Row {
        Row {
            field,
            old: self.figure(figure.old),
            new: self.figure(figure.new),
            change: figure
                .delta()
                .map(|d| signed(d, |d| self.loc.number(d)))
                .unwrap_or_default(),
        }
    }

    fn field<F>(self, name: String, f: &FieldDiff<F>, units: &Pair<Option<Unit>>) -> Row {
        let is_weight = matches!(f.new.as_ref().or(f.old.as_ref()), Some(Item::Weight(_)));
        Row {
            field: name,
            old: self.item(f.old.as_ref(), units.old.as_ref()),
            new: self.item(f.new.as_ref(), units.new.as_ref()),
            change: f
                .delta()
                .map(|d| {
                    if is_weight {
                        signed(d, |d| weight_figure(d, self.loc))
                    } else {
                        signed(d, |d| self.loc.number(d))
                    }
                })
                .unwrap_or_default(),
        }
    }

    fn indicator_place(self, place: &IndicatorPlace) -> String {
        let table = match place.layer {
            Layer::Strategic => "S",
            Layer::Operational => "O",
        };
        format!("{} · {table}", place.objective.say(self.lang))
    }
}

/// A weight's figure: two decimals, as `perfplan score` shows weights, or all of its own.
fn weight_figure(d: Decimal, loc: Locale) -> String {
    let d = d.normalize();
    if d.scale() <= 2 {
        loc.fixed2(d)
    } else {
        loc.number(d)
    }
}

/// A difference with its sign: `+5,00`, `-0,63`, `0,00`.
fn signed(d: Decimal, text: impl Fn(Decimal) -> String) -> String {
    if d > Decimal::ZERO {
        format!("+{}", text(d))
    } else {
        text(d)
    }
}

fn marker(change: Change) -> &'static str {
    match change {
        Change::Added => "+",
        Change::Removed => "-",
        Change::Changed => "~",
    }
}

/// The report, as text: the plan's heading, which versions are compared and how many
/// things changed, then a table of what changed, section by section. `names` are the two
/// versions' names (their paths). When nothing differs, one line says so.
pub fn text(diff: &PlanDiff, names: &Pair<String>, lang: Lang) -> String {
    if diff.is_empty() {
        let same = DiffNotice::NoDifferences {
            old: names.old.clone(),
            new: names.new.clone(),
        };
        return format!("{}\n", for_terminal(&same.say(lang)));
    }
    let say = Voice {
        lang,
        loc: diff.locale,
        year: diff.year,
    };
    let parts = parts(diff, say);
    let field_width = parts
        .iter()
        .filter_map(|p| match p {
            Part::Block(b) => Some(b.rows.iter().map(|r| width(&r.field)).max().unwrap_or(0)),
            Part::Section(_) => None,
        })
        .max()
        .unwrap_or(0);
    let headings = [
        say.label(DiffLabel::Field),
        say.label(DiffLabel::Before),
        String::new(),
        say.label(DiffLabel::After),
        say.label(DiffLabel::Change),
    ];
    let table = Table::new(
        [field_width, VALUE_WIDTH, 1, VALUE_WIDTH, CHANGE_WIDTH],
        &headings,
    )
    .left(0);
    let mut out = String::new();
    // Each on its line: a line break in the plan's text cannot forge another line.
    let compared = DiffNotice::Compared {
        old: names.old.clone(),
        new: names.new.clone(),
    };
    for line in [
        for_terminal(&diff.organization),
        format!("{} — {}", for_terminal(&diff.title), diff.year),
        for_terminal(&compared.say(lang)),
        DiffNotice::Tally(diff.tally()).say(lang),
    ] {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&table.row("", headings.each_ref().map(String::as_str)));
    out.push('\n');
    for part in &parts {
        match part {
            Part::Section(label) => {
                let name = say.label(*label);
                out.push('\n');
                out.push_str(&name);
                out.push('\n');
                out.push_str(&"─".repeat(width(&name)));
                out.push('\n');
            }
            Part::Block(b) => write_block(&table, b, &mut out),
        }
    }
    let indicators = !diff.indicators.is_empty();
    let overridden = diff.indicators.iter().any(|i| {
        [i.realization.old, i.realization.new].iter().any(|f| {
            matches!(
                f,
                Figure::Shown {
                    overridden: true,
                    ..
                }
            )
        })
    });
    if indicators || overridden {
        out.push('\n');
    }
    if indicators {
        out.push_str(&say.word(Label::LayerKey));
        out.push('\n');
    }
    if overridden {
        out.push_str(&say.word(Label::OverrideKey));
        out.push('\n');
    }
    out
}

/// Writes a block's rows. A value wider than its column is written whole on lines of its
/// own, `-` before and `+` after, under the block's name and place.
fn write_block(table: &Table<5>, b: &Block, out: &mut String) {
    let mut long: Vec<String> = Vec::new();
    for i in 0..b.names.len().max(b.rows.len()) {
        let name = b.names.get(i).map_or("", String::as_str);
        let line = match b.rows.get(i) {
            None => table.row(name, ["", "", "", "", ""]),
            Some(r) if width(&r.old) <= table.width(1) && width(&r.new) <= table.width(3) => {
                table.row(name, [&r.field, &r.old, ARROW, &r.new, &r.change])
            }
            Some(r) => {
                for (sign, value) in [("-", &r.old), ("+", &r.new)] {
                    if value != DASH {
                        long.push(format!("{LONG_INDENT}{sign} {}", for_terminal(value)));
                    }
                }
                table.row(name, [&r.field, "", "", "", &r.change])
            }
        };
        out.push_str(&line);
        out.push('\n');
        if i + 1 >= b.names.len() {
            for l in long.drain(..) {
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
}

fn parts(diff: &PlanDiff, say: Voice) -> Vec<Part> {
    let mut parts = Vec::new();
    let no_units = Pair {
        old: None,
        new: None,
    };
    if !diff.plan.is_empty() {
        parts.push(Part::Section(DiffLabel::PlanSection));
        parts.push(Part::Block(Block {
            names: Vec::new(),
            rows: diff
                .plan
                .iter()
                .map(|f| say.field(say.label(DiffLabel::Plan(f.field)), f, &no_units))
                .collect(),
        }));
    }
    if !diff.perspectives.is_empty() || !diff.objectives.is_empty() {
        parts.push(Part::Section(DiffLabel::ObjectivesSection));
    }
    for p in &diff.perspectives {
        parts.push(Part::Block(Block {
            names: vec![format!("{} {}", marker(p.change), p.name.to_uppercase())],
            rows: Vec::new(),
        }));
    }
    for o in &diff.objectives {
        parts.push(Part::Block(objective_block(o, say, &no_units)));
    }
    if !diff.indicators.is_empty() {
        parts.push(Part::Section(DiffLabel::IndicatorsSection));
    }
    for i in &diff.indicators {
        parts.push(Part::Block(indicator_block(i, say)));
    }
    if !diff.scores.is_empty() {
        parts.push(Part::Section(DiffLabel::ScoresSection));
    }
    let mut perspective: Option<&str> = None;
    for s in &diff.scores {
        let row = |s: &ScoreDiff| {
            let field = match s.node {
                ScoreNode::Objective { .. } => say.realization(),
                _ => say.label(DiffLabel::Score(s.layer)),
            };
            say.figures(field, &s.figure)
        };
        match &s.node {
            ScoreNode::Overall => push_row(&mut parts, say.label(DiffLabel::OverallScores), row(s)),
            ScoreNode::OverallAt { period } => push_row(
                &mut parts,
                format!("{} · {period}", say.label(DiffLabel::OverallScores)),
                row(s),
            ),
            ScoreNode::Perspective => {
                push_row(&mut parts, s.perspective.to_uppercase(), row(s));
                perspective = Some(&s.perspective);
            }
            ScoreNode::Objective {
                level, code, title, ..
            } => {
                if perspective != Some(s.perspective.as_str()) {
                    parts.push(Part::Block(Block {
                        names: vec![s.perspective.to_uppercase()],
                        rows: Vec::new(),
                    }));
                    perspective = Some(&s.perspective);
                }
                let indent = match level {
                    Level::Strategic => "  ",
                    Level::Operational => "    ",
                };
                parts.push(Part::Block(Block {
                    names: vec![format!("{indent}{code} {title}")],
                    rows: vec![row(s)],
                }));
            }
        }
    }
    parts
}

/// Adds `row` to the last block when that block is `name`'s, else a block of its own.
fn push_row(parts: &mut Vec<Part>, name: String, row: Row) {
    if let Some(Part::Block(b)) = parts.last_mut()
        && b.names.first() == Some(&name)
    {
        b.rows.push(row);
        return;
    }
    parts.push(Part::Block(Block {
        names: vec![name],
        rows: vec![row],
    }));
}

fn objective_block(o: &ObjectiveDiff, say: Voice, no_units: &Pair<Option<Unit>>) -> Block {
    let mut rows = Vec::new();
    if let Some(from) = &o.moved_from {
        rows.push(Row {
            field: say.label(DiffLabel::Place),
            old: from.say(say.lang),
            new: o.place.say(say.lang),
            change: String::new(),
        });
    }
    for f in &o.fields {
        // The title of an objective added or removed is in its name already.
        if o.change != Change::Changed && f.field == super::ObjectiveField::Title {
            continue;
        }
        rows.push(say.field(say.label(DiffLabel::Objective(f.field)), f, no_units));
    }
    if o.change != Change::Changed {
        rows.push(say.figures(say.realization(), &o.realization));
    }
    Block {
        names: vec![
            format!("{} {} {}", marker(o.change), o.code, o.title),
            format!("  {}", o.place.say(say.lang)),
        ],
        rows,
    }
}

fn indicator_block(i: &IndicatorDiff, say: Voice) -> Block {
    let mut rows = Vec::new();
    if let Some(from) = &i.moved_from {
        rows.push(Row {
            field: say.label(DiffLabel::Place),
            old: say.indicator_place(from),
            new: say.indicator_place(&i.place),
            change: String::new(),
        });
    }
    for f in &i.fields {
        // The description of an indicator added or removed is in its name already.
        if i.change != Change::Changed && f.field == super::IndicatorField::Description {
            continue;
        }
        rows.push(say.field(say.label(DiffLabel::Indicator(f.field)), f, &i.units));
    }
    if i.shows_realization() {
        rows.push(say.figures(say.realization(), &i.realization));
    }
    Block {
        names: vec![
            format!("{} {} {}", marker(i.change), i.id, i.description),
            format!("  {}", say.indicator_place(&i.place)),
        ],
        rows,
    }
}

/// The report as JSON, for scripts: the same facts with stable English keys, numbers as
/// exact JSON numbers (realizations and scores rounded as the plans show them), values as
/// `perfplan score --json` writes them.
pub fn json(diff: &PlanDiff, names: &Pair<String>) -> Json {
    let loc = diff.locale;
    let no_units = Pair {
        old: None,
        new: None,
    };
    json!({
        "old": names.old,
        "new": names.new,
        "differ": !diff.is_empty(),
        "plan": diff.plan.iter().map(|f| field_json(f, &no_units, loc)).collect::<Vec<_>>(),
        "perspectives": diff.perspectives.iter().map(|p| json!({
            "change": change_key(p.change, false),
            "name": p.name,
        })).collect::<Vec<_>>(),
        "objectives": diff.objectives.iter().map(|o| json!({
            "change": change_key(o.change, o.moved_from.is_some()),
            "level": level_key(o.level),
            "code": o.code,
            "title": o.title,
            "place": place_json(&o.place),
            "moved_from": o.moved_from.as_ref().map_or(Json::Null, place_json),
            "fields": o.fields.iter().map(|f| field_json(f, &no_units, loc)).collect::<Vec<_>>(),
            "realization": figures_json(&o.realization),
        })).collect::<Vec<_>>(),
        "indicators": diff.indicators.iter().map(|i| json!({
            "change": change_key(i.change, i.moved_from.is_some()),
            "id": i.id,
            "description": i.description,
            "place": indicator_place_json(&i.place),
            "moved_from": i.moved_from.as_ref().map_or(Json::Null, indicator_place_json),
            "fields": i.fields.iter().map(|f| field_json(f, &i.units, loc)).collect::<Vec<_>>(),
            "realization": figures_json(&i.realization),
        })).collect::<Vec<_>>(),
        "scores": diff.scores.iter().map(score_json).collect::<Vec<_>>(),
    })
}

fn change_key(change: Change, moved: bool) -> &'static str {
    match change {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed if moved => "moved",
        Change::Changed => "changed",
    }
}

fn level_key(level: Level) -> &'static str {
    match level {
        Level::Strategic => "strategic",
        Level::Operational => "operational",
    }
}

fn layer_key(layer: Layer) -> &'static str {
    match layer {
        Layer::Strategic => "strategic",
        Layer::Operational => "operational",
    }
}

fn place_json(place: &Place) -> Json {
    match place {
        Place::Strategic { perspective, code } => json!({
            "perspective": perspective,
            "strategic": code,
        }),
        Place::Operational {
            perspective,
            strategic,
            code,
        } => json!({
            "perspective": perspective,
            "strategic": strategic,
            "operational": code,
        }),
        Place::Perspective { name } => json!({ "perspective": name }),
        // Not a place `diff` gives.
        Place::Plan | Place::Indicator { .. } => Json::Null,
    }
}

fn indicator_place_json(place: &IndicatorPlace) -> Json {
    let mut json = place_json(&place.objective);
    if let Json::Object(m) = &mut json {
        m.insert("layer".into(), json!(layer_key(place.layer)));
    }
    json
}

fn figure_json(f: Figure) -> Json {
    f.value().map_or(Json::Null, number)
}

fn figures_json(figure: &Pair<Figure>) -> Json {
    json!({
        "old": figure_json(figure.old),
        "new": figure_json(figure.new),
        "delta": figure.delta().map_or(Json::Null, number),
    })
}

fn score_json(s: &ScoreDiff) -> Json {
    let mut m = Map::new();
    match &s.node {
        ScoreNode::Overall => {
            m.insert("level".into(), json!("overall"));
        }
        ScoreNode::OverallAt { period } => {
            m.insert("level".into(), json!("overall_at_period"));
            m.insert("period".into(), json!(period));
        }
        ScoreNode::Perspective => {
            m.insert("level".into(), json!("perspective"));
            m.insert("perspective".into(), json!(s.perspective));
        }
        ScoreNode::Objective {
            level,
            place,
            code,
            title,
        } => {
            m.insert("level".into(), json!(level_key(*level)));
            m.insert("place".into(), place_json(place));
            m.insert("code".into(), json!(code));
            m.insert("title".into(), json!(title));
        }
    }
    m.insert("layer".into(), json!(layer_key(s.layer)));
    m.insert("old".into(), figure_json(s.figure.old));
    m.insert("new".into(), figure_json(s.figure.new));
    m.insert("delta".into(), s.figure.delta().map_or(Json::Null, number));
    Json::Object(m)
}

fn field_json<F>(f: &FieldDiff<F>, units: &Pair<Option<Unit>>, loc: Locale) -> Json {
    let mut m = Map::new();
    m.insert("field".into(), json!(f.key));
    m.insert(
        "old".into(),
        item_json(f.old.as_ref(), units.old.as_ref(), loc),
    );
    m.insert(
        "new".into(),
        item_json(f.new.as_ref(), units.new.as_ref(), loc),
    );
    if let Some(d) = f.delta() {
        m.insert("delta".into(), number(d));
    }
    Json::Object(m)
}

/// A value as JSON: as `perfplan score --json` writes it where it writes one (a target as
/// shown, a result as a number, a date, a yes or no…), a way of scoring as the plan file
/// writes it.
fn item_json(item: Option<&Item>, unit: Option<&Unit>, loc: Locale) -> Json {
    let Some(item) = item else {
        return Json::Null;
    };
    match item {
        Item::Text(t) => json!(t),
        Item::Unit(u) => unit_json(u),
        Item::Target(t) => json!(loc.target(t, unit.unwrap_or(&Unit::Number))),
        Item::Value(v) => value_json(*v),
        Item::Percent(p) => p.map_or(Json::Null, number),
        Item::Scoring(s) => s
            .as_ref()
            .map_or(Json::Null, |s| json!(crate::store::write::scoring(s))),
        Item::Weight(w) => w.given().map_or_else(|| json!("Equal"), number),
        Item::Year(y) => json!(y),
        Item::Locale(l) => json!(l.code()),
        Item::Thresholds(t) => json!({
            "good": number(t.good.value()),
            "fair": number(t.fair.value()),
            "note_below_fair": t.note_below_fair,
        }),
        Item::Precision(p) => json!({
            "indicators": p.indicators,
            "objectives": p.objectives,
            "overall": p.overall,
        }),
        Item::Periods(list) => Json::Array(
            list.iter()
                .map(|p| json!({"name": p.name, "date": p.date.format("%Y-%m-%d").to_string()}))
                .collect(),
        ),
        Item::TargetChanges(list) => Json::Array(
            list.iter()
                .map(|c| {
                    json!({
                        "from": loc.target(&c.from, unit.unwrap_or(&Unit::Number)),
                        "date": c.date.format("%Y-%m-%d").to_string(),
                        "reason": c.reason,
                    })
                })
                .collect(),
        ),
        Item::PeriodValues(v) => {
            let unit = unit.unwrap_or(&Unit::Number);
            let mut map = serde_json::Map::new();
            for (name, at) in &v.0 {
                map.insert(
                    name.clone(),
                    json!({
                        "result": value_json(at.result),
                        "target": at.target.as_ref().map(|t| loc.target(t, unit)),
                        "override": at.realization_override.as_ref().map(|o| json!({
                            "realization": number(o.realization.value()),
                            "reason": o.reason,
                        })),
                        "note": at.note,
                    }),
                );
            }
            Json::Object(map)
        }
    }
}
