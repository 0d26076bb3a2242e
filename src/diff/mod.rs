//! `perfplan diff`: what changed between two versions of a plan, in the plan's own terms,
//! and what the changes did to the realizations and the scores.
//!
//! Indicators are matched by their id, which perfplan never changes. Objectives are matched
//! by their place, since codes repeat across the tree (the seed has 3.1 under two
//! perspectives): a perspective by its name, a strategic objective by its perspective and
//! its code, an operational one by its strategic objective and its code. An objective no
//! longer at its place whose code is found exactly once among the objectives gone and once
//! among the new ones has *moved*; an indicator has moved when it sits under another
//! objective than the one its old objective became, or in the other table.
//!
//! Fields are compared as the plan holds them (`12.5` and `12.50` are one number; comments
//! and layout are not the plan), through one list per kind of thing ([`IndicatorField::ALL`],
//! [`ObjectiveField::ALL`], [`PlanField::ALL`]): a field the model gains is one line there.
//! Realizations and scores are compared as the plan shows them, rounded to its precision,
//! so that a change is what a reader of the printed tables sees.

pub mod report;
pub mod words;

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

use rust_decimal::Decimal;

use crate::plan::{
    Indicator, IndicatorPath, Layer, Locale, OperationalObjective, Period, PeriodValues, Plan,
    Precision, Scoring, StrategicObjective, Target, TargetChange, Thresholds, Unit, Value, Weight,
};
use crate::score::{Outcome, Scores};
use crate::validate::Place;

/// A compared value, as the plan holds it (`report` shows it in the plan's locale).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A text; `None` when the field is left out (no note).
    Text(Option<String>),
    Unit(Unit),
    Target(Target),
    /// A result or a baseline; `None`: none.
    Value(Option<Value>),
    /// A percentage written in the plan (an override's realization); `None`: none.
    Percent(Option<Decimal>),
    /// A way of scoring; `None` on an indicator: the plan's.
    Scoring(Option<Scoring>),
    Weight(Weight),
    Year(i32),
    Locale(Locale),
    Thresholds(Thresholds),
    Precision(Precision),
    /// The plan's monitoring periods.
    Periods(Vec<Period>),
    /// The record of a target's changes during the year.
    TargetChanges(Vec<TargetChange>),
    /// An indicator's values at the intermediate periods.
    PeriodValues(PeriodValues),
}

impl Item {
    /// Whether the field is left out (no result, no note): an indicator that is not in a
    /// plan differs from one that is only in the fields it has.
    pub fn is_absent(&self) -> bool {
        matches!(
            self,
            Item::Text(None) | Item::Value(None) | Item::Percent(None) | Item::Scoring(None)
        ) || matches!(self, Item::Periods(p) if p.is_empty())
            || matches!(self, Item::TargetChanges(c) if c.is_empty())
            || matches!(self, Item::PeriodValues(v) if v.is_empty())
    }

    /// The number a difference can be taken of: a written weight, an override's percentage.
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            Item::Weight(w) => w.given(),
            Item::Percent(p) => *p,
            _ => None,
        }
    }
}

/// One compared field: what it is, its name in the plan file (and the JSON), and how it is
/// read from what holds it.
pub struct Compared<F, T: ?Sized> {
    pub field: F,
    pub key: &'static str,
    pub read: fn(&T) -> Item,
}

/// A field of an indicator that `diff` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorField {
    Description,
    Unit,
    Target,
    Result,
    /// The realization set by hand.
    Override,
    /// Why it was set by hand.
    OverrideReason,
    Note,
    /// Not assessable this year, with the reason.
    NotAssessable,
    Baseline,
    /// The indicator's own way of scoring.
    Scoring,
    /// The target's changes during the year, on record.
    TargetChanges,
    /// Its values at the intermediate periods.
    Periods,
}

impl IndicatorField {
    /// Every field of an indicator that is compared, in the order they are reported.
    pub const ALL: [Compared<IndicatorField, Indicator>; 12] = [
        Compared {
            field: IndicatorField::Description,
            key: "description",
            read: |i| Item::Text(Some(i.description.clone())),
        },
        Compared {
            field: IndicatorField::Unit,
            key: "unit",
            read: |i| Item::Unit(i.unit.clone()),
        },
        Compared {
            field: IndicatorField::Target,
            key: "target",
            read: |i| Item::Target(i.target.clone()),
        },
        Compared {
            field: IndicatorField::Result,
            key: "result",
            read: |i| Item::Value(i.result),
        },
        Compared {
            field: IndicatorField::Override,
            key: "override",
            read: |i| {
                Item::Percent(
                    i.realization_override
                        .as_ref()
                        .map(|o| o.realization.value()),
                )
            },
        },
        Compared {
            field: IndicatorField::OverrideReason,
            key: "override_reason",
            read: |i| Item::Text(i.realization_override.as_ref().map(|o| o.reason.clone())),
        },
        Compared {
            field: IndicatorField::Note,
            key: "note",
            read: |i| Item::Text(i.note.clone()),
        },
        Compared {
            field: IndicatorField::NotAssessable,
            key: "not_assessable",
            read: |i| Item::Text(i.not_assessable.clone()),
        },
        Compared {
            field: IndicatorField::Baseline,
            key: "baseline",
            read: |i| Item::Value(i.baseline),
        },
        Compared {
            field: IndicatorField::Scoring,
            key: "scoring",
            read: |i| Item::Scoring(i.scoring.as_deref().cloned()),
        },
        Compared {
            field: IndicatorField::TargetChanges,
            key: "target_changes",
            read: |i| Item::TargetChanges(i.target_changes.clone()),
        },
        Compared {
            field: IndicatorField::Periods,
            key: "periods",
            // By period, whatever the order they are written in.
            read: |i| {
                let mut v = i.periods.clone();
                v.0.sort_by(|a, b| a.0.cmp(&b.0));
                Item::PeriodValues(v)
            },
        },
    ];

    /// Whether a change of this field can change the realization (the report then shows
    /// the realization before and after, even when it stayed the same).
    pub fn scores(self) -> bool {
        match self {
            IndicatorField::Unit
            | IndicatorField::Target
            | IndicatorField::Result
            | IndicatorField::Override
            | IndicatorField::NotAssessable
            | IndicatorField::Scoring => true,
            IndicatorField::Description
            | IndicatorField::OverrideReason
            | IndicatorField::Note
            | IndicatorField::Baseline
            | IndicatorField::TargetChanges
            | IndicatorField::Periods => false,
        }
    }
}

/// What strategic and operational objectives have alike, and `diff` compares.
pub trait Objective {
    fn title(&self) -> &str;
    fn weight(&self) -> Weight;
}

impl Objective for StrategicObjective {
    fn title(&self) -> &str {
        &self.title
    }
    fn weight(&self) -> Weight {
        self.weight
    }
}

impl Objective for OperationalObjective {
    fn title(&self) -> &str {
        &self.title
    }
    fn weight(&self) -> Weight {
        self.weight
    }
}

/// A field of an objective that `diff` compares (its code is its identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveField {
    Title,
    Weight,
}

impl ObjectiveField {
    /// Every field of an objective that is compared, in the order they are reported.
    pub const ALL: [Compared<ObjectiveField, dyn Objective>; 2] = [
        Compared {
            field: ObjectiveField::Title,
            key: "title",
            read: |o| Item::Text(Some(o.title().to_string())),
        },
        Compared {
            field: ObjectiveField::Weight,
            key: "weight",
            read: |o| Item::Weight(o.weight()),
        },
    ];
}

/// A field of the plan as a whole that `diff` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Title,
    Organization,
    Year,
    Locale,
    Thresholds,
    Scoring,
    Precision,
    Periods,
}

impl PlanField {
    /// Every field of the plan that is compared, in the order they are reported.
    pub const ALL: [Compared<PlanField, Plan>; 8] = [
        Compared {
            field: PlanField::Title,
            key: "title",
            read: |p| Item::Text(Some(p.title.clone())),
        },
        Compared {
            field: PlanField::Organization,
            key: "organization",
            read: |p| Item::Text(Some(p.organization.clone())),
        },
        Compared {
            field: PlanField::Year,
            key: "year",
            read: |p| Item::Year(p.year),
        },
        Compared {
            field: PlanField::Locale,
            key: "locale",
            read: |p| Item::Locale(p.locale),
        },
        Compared {
            field: PlanField::Thresholds,
            key: "thresholds",
            read: |p| Item::Thresholds(p.thresholds.clone()),
        },
        // As it scores: no `scoring` is `Proportional`.
        Compared {
            field: PlanField::Scoring,
            key: "scoring",
            read: |p| Item::Scoring(Some(p.default_scoring().clone())),
        },
        Compared {
            field: PlanField::Precision,
            key: "precision",
            read: |p| Item::Precision(p.precision),
        },
        Compared {
            field: PlanField::Periods,
            key: "periods",
            read: |p| Item::Periods(p.periods.clone()),
        },
    ];
}

/// A field that differs: `old` is `None` where the thing is not in the old plan (added),
/// `new` where it is not in the new one (removed).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff<F> {
    pub field: F,
    /// The field's name in the plan file.
    pub key: &'static str,
    pub old: Option<Item>,
    pub new: Option<Item>,
}

impl<F> FieldDiff<F> {
    /// New minus old, for a number on both sides (a weight, an override).
    pub fn delta(&self) -> Option<Decimal> {
        let old = self.old.as_ref()?.amount()?;
        let new = self.new.as_ref()?.amount()?;
        new.checked_sub(old)
    }
}

/// The fields of `fields` in which `old` and `new` differ. A side that is `None` is not
/// there: every field the other side has differs.
fn compare<F: Copy, T: ?Sized>(
    fields: &[Compared<F, T>],
    old: Option<&T>,
    new: Option<&T>,
) -> Vec<FieldDiff<F>> {
    fields
        .iter()
        .filter_map(|c| {
            let old = old.map(|t| (c.read)(t));
            let new = new.map(|t| (c.read)(t));
            let differs = match (&old, &new) {
                (Some(a), Some(b)) => a != b,
                (Some(only), None) | (None, Some(only)) => !only.is_absent(),
                (None, None) => false,
            };
            differs.then_some(FieldDiff {
                field: c.field,
                key: c.key,
                old,
                new,
            })
        })
        .collect()
}

/// A realization or score as the plan shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// What it belongs to is not in this plan.
    Absent,
    /// Percent, rounded to the plan's precision; `overridden`: set by hand.
    Shown {
        value: Decimal,
        overridden: bool,
    },
    Pending,
    NotAssessable,
    /// A value that is wrong keeps it from being scored.
    Unscorable,
    /// Nothing under it to measure (shown as a dash).
    Empty,
}

impl Figure {
    pub fn value(self) -> Option<Decimal> {
        match self {
            Figure::Shown { value, .. } => Some(value),
            _ => None,
        }
    }

    /// A mean or weighted score as shown, with the number of indicators under it.
    fn of(shown: Option<Decimal>, total: usize) -> Figure {
        match shown {
            Some(value) => Figure::Shown {
                value,
                overridden: false,
            },
            None if total == 0 => Figure::Empty,
            None => Figure::Pending,
        }
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair<T> {
    pub old: T,
    pub new: T,
}

impl Pair<Figure> {
    pub fn changed(&self) -> bool {
        self.old != self.new
    }

    /// After minus before, in percentage points, when both are figures.
    pub fn delta(&self) -> Option<Decimal> {
        self.new.value()?.checked_sub(self.old.value()?)
    }
}

/// What happened to a thing that is in one plan or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    /// In both plans, with a field changed, a new place or (for an indicator) another
    /// realization.
    Changed,
}

/// Where an indicator sits: its objective (a strategic objective for one of its own
/// indicators) and its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorPlace {
    pub objective: Place,
    pub layer: Layer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveDiff {
    pub change: Change,
    pub name: String,
}

/// Which of the two kinds of objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Strategic,
    Operational,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveDiff {
    pub level: Level,
    pub change: Change,
    pub code: String,
    /// The new plan's title (the old one's for an objective removed).
    pub title: String,
    /// Where it is (where it was, for an objective removed).
    pub place: Place,
    /// Where it was, when it moved.
    pub moved_from: Option<Place>,
    pub fields: Vec<FieldDiff<ObjectiveField>>,
    /// Its realization before and after (`Absent` on the side it is not on).
    pub realization: Pair<Figure>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDiff {
    pub change: Change,
    pub id: String,
    /// The new plan's description (the old one's for an indicator removed).
    pub description: String,
    /// Where it is (where it was, for an indicator removed).
    pub place: IndicatorPlace,
    /// Where it was, when it moved.
    pub moved_from: Option<IndicatorPlace>,
    pub fields: Vec<FieldDiff<IndicatorField>>,
    pub realization: Pair<Figure>,
    /// The unit on each side, which its values are shown in (`None`: not on that side).
    pub units: Pair<Option<Unit>>,
}

impl IndicatorDiff {
    /// Whether the report shows its realization: it changed, or a field that scores did.
    pub fn shows_realization(&self) -> bool {
        self.change != Change::Changed
            || self.realization.changed()
            || self.fields.iter().any(|f| f.field.scores())
    }
}

/// What a score belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreNode {
    /// The plan's overall score.
    Overall,
    /// The plan's overall score at an intermediate monitoring period both plans have.
    OverallAt { period: String },
    /// A perspective's score.
    Perspective,
    /// An objective's realization.
    Objective {
        level: Level,
        place: Place,
        code: String,
        title: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreDiff {
    pub node: ScoreNode,
    /// The perspective it is in, or is (the new plan's); empty for the overall scores.
    pub perspective: String,
    /// Which score: a perspective's and the plan's have one per layer; a strategic
    /// objective's realization is strategic, an operational one's operational.
    pub layer: Layer,
    pub figure: Pair<Figure>,
}

/// How many things changed, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
    pub changed: usize,
}

impl Counts {
    fn count(&mut self, change: Change, moved: bool) {
        match change {
            Change::Added => self.added += 1,
            Change::Removed => self.removed += 1,
            Change::Changed if moved => self.moved += 1,
            Change::Changed => self.changed += 1,
        }
    }
}

/// How many things changed: the line under the report's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Fields of the plan as a whole.
    pub plan: usize,
    pub perspectives: Counts,
    pub objectives: Counts,
    pub indicators: Counts,
}

/// Everything that differs between two versions of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDiff {
    /// The new plan's heading and locale, which the report is written with.
    pub organization: String,
    pub title: String,
    pub year: i32,
    pub locale: Locale,
    pub plan: Vec<FieldDiff<PlanField>>,
    pub perspectives: Vec<PerspectiveDiff>,
    /// In the new plan's order, then those removed in the old one's.
    pub objectives: Vec<ObjectiveDiff>,
    /// In the new plan's order, then those removed in the old one's.
    pub indicators: Vec<IndicatorDiff>,
    /// The overall scores, then per perspective of the new plan its scores and its
    /// objectives' realizations, each where it changed.
    pub scores: Vec<ScoreDiff>,
}

impl PlanDiff {
    /// What differs from `old` to `new`.
    pub fn of(old: &Plan, new: &Plan) -> PlanDiff {
        let sides = Pair {
            old: Side::new(old),
            new: Side::new(new),
        };
        let m = Matches::of(old, new);
        PlanDiff {
            organization: new.organization.clone(),
            title: new.title.clone(),
            year: new.year,
            locale: new.locale,
            plan: compare(&PlanField::ALL, Some(old), Some(new)),
            perspectives: perspectives(old, new, &m),
            objectives: objectives(&sides, &m),
            indicators: indicators(&sides, &m),
            scores: scores(&sides, &m),
        }
    }

    /// Whether the two plans say the same things.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.perspectives.is_empty()
            && self.objectives.is_empty()
            && self.indicators.is_empty()
            && self.scores.is_empty()
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally {
            plan: self.plan.len(),
            ..Tally::default()
        };
        for p in &self.perspectives {
            t.perspectives.count(p.change, false);
        }
        for o in &self.objectives {
            t.objectives.count(o.change, o.moved_from.is_some());
        }
        for i in &self.indicators {
            t.indicators.count(i.change, i.moved_from.is_some());
        }
        t
    }
}

/// A plan with its scores.
struct Side<'a> {
    plan: &'a Plan,
    scores: Scores,
}

impl<'a> Side<'a> {
    fn new(plan: &'a Plan) -> Side<'a> {
        Side {
            plan,
            scores: Scores::compute(plan),
        }
    }

    fn perspective(&self, p: usize) -> &str {
        &self.plan.perspectives[p].name
    }

    fn strategic_place(&self, (p, s): (usize, usize)) -> Place {
        Place::Strategic {
            perspective: self.perspective(p).to_string(),
            code: self.plan.perspectives[p].objectives[s].code.clone(),
        }
    }

    fn operational_place(&self, (p, s, o): Slot) -> Place {
        let so = &self.plan.perspectives[p].objectives[s];
        if so.operational[o].direct {
            return self.strategic_place((p, s));
        }
        Place::Operational {
            perspective: self.perspective(p).to_string(),
            strategic: so.code.clone(),
            code: so.operational[o].code.clone(),
        }
    }

    fn indicator_place(&self, path: IndicatorPath) -> IndicatorPlace {
        IndicatorPlace {
            objective: self.operational_place(slot(path)),
            layer: path.layer,
        }
    }

    fn strategic_figure(&self, (p, s): (usize, usize)) -> Figure {
        let ss = self.scores.strategic(p, s);
        Figure::of(ss.shown.strategic, ss.realization.total)
    }

    fn operational_figure(&self, (p, s, o): Slot) -> Figure {
        let os = self.scores.operational(p, s, o);
        Figure::of(os.shown.operational, os.realization().total)
    }

    fn perspective_figure(&self, p: usize, layer: Layer) -> Figure {
        let ps = &self.scores.perspectives[p];
        Figure::of(*ps.shown.get(layer), ps.score.get(layer).indicators.total)
    }

    fn overall_figure(&self, layer: Layer) -> Figure {
        Figure::of(
            *self.scores.shown.get(layer),
            self.scores.overall.get(layer).indicators.total,
        )
    }

    fn indicator_figure(&self, path: IndicatorPath) -> Figure {
        let outcome = self.scores.outcome(path);
        match outcome {
            Outcome::Pending => Figure::Pending,
            Outcome::Unscorable(_) => Figure::Unscorable,
            Outcome::NotAssessable => Figure::NotAssessable,
            Outcome::Scored(r) => Figure::Shown {
                value: outcome
                    .shown(self.scores.rules.precision.indicators)
                    .unwrap_or(r.value),
                overridden: self.plan.indicator(path).realization_override.is_some(),
            },
        }
    }
}

/// The strategic objectives of `plan` with their places, in tree order.
fn strategic_objectives(
    plan: &Plan,
) -> impl Iterator<Item = ((usize, usize), &StrategicObjective)> {
    plan.perspectives.iter().enumerate().flat_map(|(p, persp)| {
        persp
            .objectives
            .iter()
            .enumerate()
            .map(move |(s, so)| ((p, s), so))
    })
}

/// The written operational objectives of `plan` (not the holders of own indicators), with
/// their places, in tree order.
fn written_operational(plan: &Plan) -> impl Iterator<Item = (Slot, &OperationalObjective)> {
    plan.perspectives.iter().enumerate().flat_map(|(p, persp)| {
        persp
            .objectives
            .iter()
            .enumerate()
            .flat_map(move |(s, so)| so.written_operational().map(move |(o, oo)| ((p, s, o), oo)))
    })
}

/// The place of an operational objective, or of the holder of a strategic objective's own
/// indicators: perspective, strategic objective, operational objective.
type Slot = (usize, usize, usize);

fn slot(path: IndicatorPath) -> Slot {
    (path.perspective, path.strategic, path.operational)
}

/// Pairs of places, old to new and back.
struct Map<I> {
    forward: HashMap<I, I>,
    back: HashMap<I, I>,
}

impl<I: Copy + Eq + Hash> Map<I> {
    fn of(pairs: impl IntoIterator<Item = (I, I)>) -> Map<I> {
        let mut m = Map {
            forward: HashMap::new(),
            back: HashMap::new(),
        };
        for (old, new) in pairs {
            m.forward.insert(old, new);
            m.back.insert(new, old);
        }
        m
    }
}

/// What each thing of the old plan became in the new one.
struct Matches {
    perspectives: Map<usize>,
    strategic: Map<(usize, usize)>,
    /// Written operational objectives, and the holders of own indicators.
    operational: Map<Slot>,
    indicators: Map<IndicatorPath>,
}

impl Matches {
    fn of(old: &Plan, new: &Plan) -> Matches {
        let perspectives = Map::of(pair(
            old.perspectives
                .iter()
                .enumerate()
                .map(|(i, p)| (i, p.name.as_str())),
            new.perspectives
                .iter()
                .enumerate()
                .map(|(i, p)| (i, p.name.as_str())),
        ));
        // A strategic objective: by its perspective and its code, else moved by its code.
        let old_so: Vec<_> = strategic_objectives(old).collect();
        let new_so: Vec<_> = strategic_objectives(new).collect();
        let mut so_pairs = pair(
            old_so.iter().filter_map(|&((p, s), so)| {
                Some(((p, s), (*perspectives.forward.get(&p)?, so.code.as_str())))
            }),
            new_so
                .iter()
                .map(|&((p, s), so)| ((p, s), (p, so.code.as_str()))),
        );
        so_pairs.extend(pair_moved(
            old_so.iter().map(|&(at, so)| (at, so.code.as_str())),
            new_so.iter().map(|&(at, so)| (at, so.code.as_str())),
            &so_pairs,
        ));
        let strategic = Map::of(so_pairs);
        // An operational objective: by its strategic objective and its code, else moved by
        // its code.
        let old_oo: Vec<_> = written_operational(old).collect();
        let new_oo: Vec<_> = written_operational(new).collect();
        let mut oo_pairs = pair(
            old_oo.iter().filter_map(|&((p, s, o), oo)| {
                Some((
                    (p, s, o),
                    (*strategic.forward.get(&(p, s))?, oo.code.as_str()),
                ))
            }),
            new_oo
                .iter()
                .map(|&((p, s, o), oo)| ((p, s, o), ((p, s), oo.code.as_str()))),
        );
        oo_pairs.extend(pair_moved(
            old_oo.iter().map(|&(at, oo)| (at, oo.code.as_str())),
            new_oo.iter().map(|&(at, oo)| (at, oo.code.as_str())),
            &oo_pairs,
        ));
        // The holders of own indicators go with their strategic objectives.
        let holds = |plan: &Plan, (p, s): (usize, usize)| {
            plan.perspectives[p].objectives[s]
                .operational
                .first()
                .is_some_and(|o| o.direct)
        };
        oo_pairs.extend(
            strategic
                .forward
                .iter()
                .filter(|&(&o, &n)| holds(old, o) && holds(new, n))
                .map(|(&(op, os), &(np, ns))| ((op, os, 0), (np, ns, 0))),
        );
        let indicators = Map::of(pair(
            old.indicators().map(|(at, i)| (at, i.id.as_str())),
            new.indicators().map(|(at, i)| (at, i.id.as_str())),
        ));
        Matches {
            perspectives,
            strategic,
            operational: Map::of(oo_pairs),
            indicators,
        }
    }
}

/// Pairs the old things with the new ones of the same key, in order: the first old one
/// with a key with the first new one, and so on, so that a repeated code or id pairs by
/// its occurrences.
fn pair<I: Copy, K: Eq + Hash>(
    old: impl IntoIterator<Item = (I, K)>,
    new: impl IntoIterator<Item = (I, K)>,
) -> Vec<(I, I)> {
    let mut waiting: HashMap<K, VecDeque<I>> = HashMap::new();
    for (at, key) in new {
        waiting.entry(key).or_default().push_back(at);
    }
    old.into_iter()
        .filter_map(|(at, key)| Some((at, waiting.get_mut(&key)?.pop_front()?)))
        .collect()
}

/// Among the things `paired` leaves out on both sides, pairs those whose code is found
/// exactly once on each side: they moved.
fn pair_moved<'c, I: Copy + Eq + Hash>(
    old: impl IntoIterator<Item = (I, &'c str)>,
    new: impl IntoIterator<Item = (I, &'c str)>,
    paired: &[(I, I)],
) -> Vec<(I, I)> {
    let (taken_old, taken_new): (HashSet<I>, HashSet<I>) = paired.iter().copied().unzip();
    let once = |items: Vec<(I, &'c str)>| {
        let mut by_code: HashMap<&'c str, Vec<I>> = HashMap::new();
        for (at, code) in items {
            by_code.entry(code).or_default().push(at);
        }
        by_code
    };
    let old = once(
        old.into_iter()
            .filter(|(at, _)| !taken_old.contains(at))
            .collect(),
    );
    let new = once(
        new.into_iter()
            .filter(|(at, _)| !taken_new.contains(at))
            .collect(),
    );
    old.iter()
        .filter_map(
            |(code, olds)| match (olds.as_slice(), new.get(code)?.as_slice()) {
                ([o], [n]) => Some((*o, *n)),
                _ => None,
            },
        )
        .collect()
}

fn perspectives(old: &Plan, new: &Plan, m: &Matches) -> Vec<PerspectiveDiff> {
    let added = new
        .perspectives
        .iter()
        .enumerate()
        .filter(|(p, _)| !m.perspectives.back.contains_key(p))
        .map(|(_, p)| PerspectiveDiff {
            change: Change::Added,
            name: p.name.clone(),
        });
    let removed = old
        .perspectives
        .iter()
        .enumerate()
        .filter(|(p, _)| !m.perspectives.forward.contains_key(p))
        .map(|(_, p)| PerspectiveDiff {
            change: Change::Removed,
            name: p.name.clone(),
        });
    added.chain(removed).collect()
}

fn objectives(sides: &Pair<Side>, m: &Matches) -> Vec<ObjectiveDiff> {
    let (old, new) = (&sides.old, &sides.new);
    let mut out = Vec::new();
    for (at, so) in strategic_objectives(new.plan) {
        let was = m.strategic.back.get(&at).copied();
        let moved = was.filter(|&(op, _)| m.perspectives.forward.get(&op) != Some(&at.0));
        let before = was.map(|(p, s)| &old.plan.perspectives[p].objectives[s] as &dyn Objective);
        let entry = ObjectiveDiff {
            level: Level::Strategic,
            change: if was.is_some() {
                Change::Changed
            } else {
                Change::Added
            },
            code: so.code.clone(),
            title: so.title.clone(),
            place: new.strategic_place(at),
            moved_from: moved.map(|w| old.strategic_place(w)),
            fields: compare(&ObjectiveField::ALL, before, Some(so as &dyn Objective)),
            realization: Pair {
                old: was.map_or(Figure::Absent, |w| old.strategic_figure(w)),
                new: new.strategic_figure(at),
            },
        };
        if entry.change == Change::Added || entry.moved_from.is_some() || !entry.fields.is_empty() {
            out.push(entry);
        }
        for (o, oo) in so.written_operational() {
            let at = (at.0, at.1, o);
            let was = m.operational.back.get(&at).copied();
            let moved =
                was.filter(|&(p, s, _)| m.strategic.forward.get(&(p, s)) != Some(&(at.0, at.1)));
            let before = was.map(|(p, s, o)| {
                &old.plan.perspectives[p].objectives[s].operational[o] as &dyn Objective
            });
            let entry = ObjectiveDiff {
                level: Level::Operational,
                change: if was.is_some() {
                    Change::Changed
                } else {
                    Change::Added
                },
                code: oo.code.clone(),
                title: oo.title.clone(),
                place: new.operational_place(at),
                moved_from: moved.map(|w| old.operational_place(w)),
                fields: compare(&ObjectiveField::ALL, before, Some(oo as &dyn Objective)),
                realization: Pair {
                    old: was.map_or(Figure::Absent, |w| old.operational_figure(w)),
                    new: new.operational_figure(at),
                },
            };
            if entry.change == Change::Added
                || entry.moved_from.is_some()
                || !entry.fields.is_empty()
            {
                out.push(entry);
            }
        }
    }
    for (at, so) in strategic_objectives(old.plan) {
        if !m.strategic.forward.contains_key(&at) {
            out.push(ObjectiveDiff {
                level: Level::Strategic,
                change: Change::Removed,
                code: so.code.clone(),
                title: so.title.clone(),
                place: old.strategic_place(at),
                moved_from: None,
                fields: compare(&ObjectiveField::ALL, Some(so as &dyn Objective), None),
                realization: Pair {
                    old: old.strategic_figure(at),
                    new: Figure::Absent,
                },
            });
        }
    }
    for (at, oo) in written_operational(old.plan) {
        if !m.operational.forward.contains_key(&at) {
            out.push(ObjectiveDiff {
                level: Level::Operational,
                change: Change::Removed,
                code: oo.code.clone(),
                title: oo.title.clone(),
                place: old.operational_place(at),
                moved_from: None,
                fields: compare(&ObjectiveField::ALL, Some(oo as &dyn Objective), None),
                realization: Pair {
                    old: old.operational_figure(at),
                    new: Figure::Absent,
                },
            });
        }
    }
    out
}

fn indicators(sides: &Pair<Side>, m: &Matches) -> Vec<IndicatorDiff> {
    let (old, new) = (&sides.old, &sides.new);
    let mut out = Vec::new();
    for (at, ind) in new.plan.indicators() {
        let was = m.indicators.back.get(&at).copied();
        let before = was.map(|w| old.plan.indicator(w));
        let moved = was.filter(|&w| {
            w.layer != at.layer || m.operational.forward.get(&slot(w)) != Some(&slot(at))
        });
        let entry = IndicatorDiff {
            change: if was.is_some() {
                Change::Changed
            } else {
                Change::Added
            },
            id: ind.id.clone(),
            description: ind.description.clone(),
            place: new.indicator_place(at),
            moved_from: moved.map(|w| old.indicator_place(w)),
            fields: compare(&IndicatorField::ALL, before, Some(ind)),
            realization: Pair {
                old: was.map_or(Figure::Absent, |w| old.indicator_figure(w)),
                new: new.indicator_figure(at),
            },
            units: Pair {
                old: before.map(|i| i.unit.clone()),
                new: Some(ind.unit.clone()),
            },
        };
        if entry.change == Change::Added
            || entry.moved_from.is_some()
            || !entry.fields.is_empty()
            || entry.realization.changed()
        {
            out.push(entry);
        }
    }
    for (at, ind) in old.plan.indicators() {
        if !m.indicators.forward.contains_key(&at) {
            out.push(IndicatorDiff {
                change: Change::Removed,
                id: ind.id.clone(),
                description: ind.description.clone(),
                place: old.indicator_place(at),
                moved_from: None,
                fields: compare(&IndicatorField::ALL, Some(ind), None),
                realization: Pair {
                    old: old.indicator_figure(at),
                    new: Figure::Absent,
                },
                units: Pair {
                    old: Some(ind.unit.clone()),
                    new: None,
                },
            });
        }
    }
    out
}

fn scores(sides: &Pair<Side>, m: &Matches) -> Vec<ScoreDiff> {
    let (old, new) = (&sides.old, &sides.new);
    let mut out = Vec::new();
    let mut push = |node: ScoreNode, perspective: &str, layer: Layer, figure: Pair<Figure>| {
        if figure.changed() {
            out.push(ScoreDiff {
                node,
                perspective: perspective.to_string(),
                layer,
                figure,
            });
        }
    };
    for layer in Layer::BOTH {
        let figure = Pair {
            old: old.overall_figure(layer),
            new: new.overall_figure(layer),
        };
        push(ScoreNode::Overall, "", layer, figure);
    }
    // The overall scores at each intermediate period both plans have: a change of a
    // period's values moves these, not the year's.
    for p in &new.plan.periods {
        let name = Some(p.name.as_str());
        if new.plan.intermediate(name).is_none() || old.plan.intermediate(name).is_none() {
            continue;
        }
        let at = Pair {
            old: Scores::compute_at(old.plan, name),
            new: Scores::compute_at(new.plan, name),
        };
        for layer in Layer::BOTH {
            let figure =
                |s: &Scores| Figure::of(*s.shown.get(layer), s.overall.get(layer).indicators.total);
            let figure = Pair {
                old: figure(&at.old),
                new: figure(&at.new),
            };
            push(
                ScoreNode::OverallAt {
                    period: p.name.clone(),
                },
                "",
                layer,
                figure,
            );
        }
    }
    for (np, persp) in new.plan.perspectives.iter().enumerate() {
        if let Some(&op) = m.perspectives.back.get(&np) {
            for layer in Layer::BOTH {
                let figure = Pair {
                    old: old.perspective_figure(op, layer),
                    new: new.perspective_figure(np, layer),
                };
                push(ScoreNode::Perspective, &persp.name, layer, figure);
            }
        }
        for (ns, so) in persp.objectives.iter().enumerate() {
            if let Some(&was) = m.strategic.back.get(&(np, ns)) {
                let node = ScoreNode::Objective {
                    level: Level::Strategic,
                    place: new.strategic_place((np, ns)),
                    code: so.code.clone(),
                    title: so.title.clone(),
                };
                let figure = Pair {
                    old: old.strategic_figure(was),
                    new: new.strategic_figure((np, ns)),
                };
                push(node, &persp.name, Layer::Strategic, figure);
            }
            for (no, oo) in so.written_operational() {
                if let Some(&was) = m.operational.back.get(&(np, ns, no)) {
                    let node = ScoreNode::Objective {
                        level: Level::Operational,
                        place: new.operational_place((np, ns, no)),
                        code: oo.code.clone(),
                        title: oo.title.clone(),
                    };
                    let figure = Pair {
                        old: old.operational_figure(was),
                        new: new.operational_figure((np, ns, no)),
                    };
                    push(node, &persp.name, Layer::Operational, figure);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Two perspectives with a strategic objective `3.1` each (codes repeat, as in the
    /// seed); the second measured by an indicator of its own too.
    const PLAN: &str = r#"Plan(title: "T", organization: "O", year: 2018, perspectives: [
      Perspective(name: "A", objectives: [
        StrategicObjective(code: "3.1", title: "Uno", weight: 60, operational: [
          OperationalObjective(code: "3.1.1", title: "Uno uno", weight: 30,
            strategic_indicators: [
              Indicator(id: "s1", description: "d", unit: Count, target: AtLeast(10), result: 9),
            ],
            indicators: [
              Indicator(id: "o1", description: "d", unit: Percent, target: AtLeast(80), result: 40),
              Indicator(id: "o2", description: "d", unit: Count, target: AtLeast(2), result: 2.0),
            ]),
          OperationalObjective(code: "3.1.2", title: "Uno due", weight: 30,
            indicators: [
              Indicator(id: "o3", description: "d", unit: Count, target: AtLeast(4), result: 3),
            ]),
        ]),
      ]),
      Perspective(name: "B", objectives: [
        StrategicObjective(code: "3.1", title: "Due", weight: 40,
          indicators: [
            Indicator(id: "own", description: "d", unit: Count, target: AtLeast(5), result: 5),
          ],
          operational: [
            OperationalObjective(code: "3.1.9", title: "Due nove", weight: 40,
              indicators: [
                Indicator(id: "o9", description: "d", unit: Count, target: AtLeast(1), result: 1),
              ]),
          ]),
      ]),
    ])"#;

    fn plan(text: &str) -> Plan {
        crate::store::parse(std::path::Path::new("p.ron"), text).unwrap()
    }

    /// `PLAN` with `old` replaced by `new`, once.
    fn edited(old: &str, new: &str) -> Plan {
        assert_eq!(PLAN.matches(old).count(), 1, "{old}");
        plan(&PLAN.replacen(old, new, 1))
    }

    fn diff(new: &Plan) -> PlanDiff {
        PlanDiff::of(&plan(PLAN), new)
    }

    fn shown(value: Decimal) -> Figure {
        Figure::Shown {
            value,
            overridden: false,
        }
    }

    #[test]
    fn the_same_numbers_written_otherwise_are_no_difference() {
        // 2.0 is 2, comments and layout are not the plan.
        let new = edited("result: 2.0)", "result: 2 /* as counted */ )");
        assert!(diff(&new).is_empty(), "{:#?}", diff(&new));
        assert_eq!(diff(&new).tally(), Tally::default());
    }

    #[test]
    fn an_objective_is_known_by_its_place_not_its_code_alone() {
        // The second 3.1's weight: the first 3.1 stays as it was.
        let new = edited("title: \"Due\", weight: 40", "title: \"Due\", weight: 45");
        let d = diff(&new);
        assert_eq!(d.objectives.len(), 1, "{:#?}", d.objectives);
        let o = &d.objectives[0];
        assert_eq!((o.level, o.change), (Level::Strategic, Change::Changed));
        assert_eq!(
            o.place,
            Place::Strategic {
                perspective: "B".into(),
                code: "3.1".into()
            }
        );
        assert_eq!(o.moved_from, None);
        assert_eq!(o.fields.len(), 1);
        assert_eq!(o.fields[0].field, ObjectiveField::Weight);
        assert_eq!(o.fields[0].delta(), Some(dec!(5)));
        let overall = d
            .scores
            .iter()
            .find(|s| s.node == ScoreNode::Overall && s.layer == Layer::Strategic)
            .unwrap();
        // 3.1 of A: s1 alone, 9/10 = 90 %; 3.1 of B: own, 5/5 = 100 %.
        // Before (60·90 + 40·100) / 100 = 94; after (60·90 + 45·100) / 105 = 94,2857… .
        assert_eq!(overall.figure.old, shown(dec!(94.00)));
        assert_eq!(overall.figure.new, shown(dec!(94.29)));
        assert_eq!(overall.figure.delta(), Some(dec!(0.29)));
    }

    #[test]
    fn an_indicator_under_another_objective_has_moved() {
        // o3 goes from 3.1.2 to 3.1.1, its result unchanged.
        let text = PLAN
            .replacen(
                r#"Indicator(id: "o3", description: "d", unit: Count, target: AtLeast(4), result: 3),"#,
                "",
                1,
            )
            .replacen(
                r#"Indicator(id: "o2","#,
                r#"Indicator(id: "o3", description: "d", unit: Count, target: AtLeast(4), result: 3),
              Indicator(id: "o2","#,
                1,
            );
        let d = diff(&plan(&text));
        let o3 = d.indicators.iter().find(|i| i.id == "o3").unwrap();
        assert_eq!(o3.change, Change::Changed);
        assert!(o3.fields.is_empty(), "{:#?}", o3.fields);
        let place = |code: &str| IndicatorPlace {
            objective: Place::Operational {
                perspective: "A".into(),
                strategic: "3.1".into(),
                code: code.into(),
            },
            layer: Layer::Operational,
        };
        assert_eq!(o3.moved_from, Some(place("3.1.2")));
        assert_eq!(o3.place, place("3.1.1"));
        assert_eq!(o3.realization.old, o3.realization.new);
        assert_eq!(d.tally().indicators.moved, 1);
        // 3.1.1: (50 + 100) / 2 = 75 → (50 + 75 + 100) / 3 = 75; 3.1.2: 75 % → nothing.
        let realization = |code: &str| {
            d.scores
                .iter()
                .find(|s| matches!(&s.node, ScoreNode::Objective { code: c, .. } if c == code))
                .map(|s| s.figure.clone())
        };
        assert_eq!(realization("3.1.1"), None, "75 % before and after");
        assert_eq!(
            realization("3.1.2"),
            Some(Pair {
                old: shown(dec!(75.00)),
                new: Figure::Empty
            })
        );
    }

    #[test]
    fn an_operational_objective_under_another_strategic_objective_has_moved_and_its_indicators_have_not()
     {
        let text = PLAN
            .replacen(
                r#"OperationalObjective(code: "3.1.9", title: "Due nove", weight: 40,
              indicators: [
                Indicator(id: "o9", description: "d", unit: Count, target: AtLeast(1), result: 1),
              ]),"#,
                "",
                1,
            )
            .replacen(
                r#"OperationalObjective(code: "3.1.2""#,
                r#"OperationalObjective(code: "3.1.9", title: "Due nove", weight: 40,
              indicators: [
                Indicator(id: "o9", description: "d", unit: Count, target: AtLeast(1), result: 1),
              ]),
          OperationalObjective(code: "3.1.2""#,
                1,
            );
        // 3.1.9 goes from B › 3.1 to A › 3.1, with its indicator.
        let d = diff(&plan(&text));
        let moved: Vec<_> = d
            .objectives
            .iter()
            .filter(|o| o.moved_from.is_some())
            .collect();
        assert_eq!(moved.len(), 1, "{:#?}", d.objectives);
        assert_eq!(moved[0].code, "3.1.9");
        assert_eq!(
            moved[0].moved_from,
            Some(Place::Operational {
                perspective: "B".into(),
                strategic: "3.1".into(),
                code: "3.1.9".into()
            })
        );
        assert!(
            d.indicators.iter().all(|i| i.id != "o9"),
            "o9 stays with its objective: {:#?}",
            d.indicators
        );
    }

    #[test]
    fn an_indicator_added_or_removed_lists_the_fields_it_has() {
        let new = edited(
            r#"Indicator(id: "o9", description: "d", unit: Count, target: AtLeast(1), result: 1),"#,
            r#"Indicator(id: "o10", description: "nuovo", unit: Count, target: AtLeast(3), note: "n"),"#,
        );
        let d = diff(&new);
        let change = |id: &str| d.indicators.iter().find(|i| i.id == id).unwrap();
        let added = change("o10");
        assert_eq!(added.change, Change::Added);
        let keys: Vec<_> = added.fields.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["description", "unit", "target", "note"]);
        assert!(added.fields.iter().all(|f| f.old.is_none()));
        assert_eq!(
            added.realization,
            Pair {
                old: Figure::Absent,
                new: Figure::Pending
            }
        );
        let removed = change("o9");
        assert_eq!(removed.change, Change::Removed);
        let keys: Vec<_> = removed.fields.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["description", "unit", "target", "result"]);
        assert_eq!(removed.realization.old, shown(dec!(100.00)));
        let t = d.tally();
        assert_eq!((t.indicators.added, t.indicators.removed), (1, 1));
    }

    #[test]
    fn the_plans_scoring_rescoring_indicators_lists_them_with_no_field_changed() {
        let new = edited("year: 2018,", "year: 2018, scoring: AllOrNothing,");
        let d = diff(&new);
        assert_eq!(d.plan.len(), 1);
        assert_eq!(d.plan[0].field, PlanField::Scoring);
        let ids: Vec<_> = d.indicators.iter().map(|i| i.id.as_str()).collect();
        // Each missed target: s1 9 of 10, o1 40 of 80, o3 3 of 4.
        assert_eq!(ids, ["s1", "o1", "o3"]);
        assert!(d.indicators.iter().all(|i| i.fields.is_empty()));
        assert_eq!(d.indicators[0].realization.delta(), Some(dec!(-90.00)));
    }

    #[test]
    fn a_repeated_id_pairs_by_its_occurrences() {
        // Two `o2` (an error of the plan): each compared with its namesake in order.
        let twice = PLAN.replacen(r#"id: "o3""#, r#"id: "o2""#, 1);
        let changed = twice.replacen(
            "target: AtLeast(4), result: 3",
            "target: AtLeast(4), result: 4",
            1,
        );
        let d = PlanDiff::of(&plan(&twice), &plan(&changed));
        assert_eq!(d.indicators.len(), 1, "{:#?}", d.indicators);
        assert_eq!(d.indicators[0].id, "o2");
        assert_eq!(d.indicators[0].fields[0].key, "result");
        assert_eq!(d.indicators[0].moved_from, None);
    }

    #[test]
    fn own_indicators_follow_their_strategic_objective() {
        // `own` moved into 3.1.9's strategic indicators: another table, same objective.
        let text = PLAN
            .replacen(
                r#"indicators: [
            Indicator(id: "own", description: "d", unit: Count, target: AtLeast(5), result: 5),
          ],
          operational"#,
                "operational",
                1,
            )
            .replacen(
                r#"weight: 40,
              indicators: ["#,
                r#"weight: 40,
              strategic_indicators: [
                Indicator(id: "own", description: "d", unit: Count, target: AtLeast(5), result: 5),
              ],
              indicators: ["#,
                1,
            );
        let d = diff(&plan(&text));
        let own = d.indicators.iter().find(|i| i.id == "own").unwrap();
        assert_eq!(
            own.moved_from.as_ref().map(|p| &p.objective),
            Some(&Place::Strategic {
                perspective: "B".into(),
                code: "3.1".into()
            })
        );
        assert_eq!(own.place.layer, Layer::Strategic);
    }

    #[test]
    fn every_field_has_its_name_in_each_language() {
        use crate::lang::Lang;
        let (en, it) = (Lang::En.words(), Lang::It.words());
        let labels = words::DiffLabel::all();
        for l in &labels {
            let (e, i) = (en.diff_label(*l), it.diff_label(*l));
            assert!(!e.is_empty() && !i.is_empty(), "{l:?}");
            assert!(e != i || e == "Target", "{l:?} is {e:?} in both languages");
        }
        assert_eq!(
            labels
                .iter()
                .filter(|l| matches!(l, words::DiffLabel::Indicator(_)))
                .count(),
            IndicatorField::ALL.len()
        );
    }
}
