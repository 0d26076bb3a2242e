//! The performance plan as the controller writes it: perspectives, objectives, indicators.
//!
//! These types are both the in-memory model the app edits and the serde shape of the RON
//! file, so a plan read from disk is exactly what the user wrote. Numbers are `Decimal`
//! (read from the value's own text, see [`number`]) and dates are `NaiveDate`: nothing in a
//! plan ever passes through a binary float.

pub mod change;
pub mod check;
pub mod locale;
pub mod number;
pub mod path;
pub mod weights;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use change::{Field, FieldChange, FieldValue};
pub use locale::Locale;
pub use number::{Bound, Num, Value, Weight};
pub use path::{IndicatorPath, Layer, NodePath};

/// A whole plan: one year of one organization.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub title: String,
    pub organization: String,
    pub year: i32,
    #[serde(default)]
    pub locale: Locale,
    #[serde(default)]
    pub thresholds: Thresholds,
    /// How a missed target is scored in this plan, unless an indicator says otherwise (the
    /// body's measuring system, its SMVP: bands, say). Absent: `Proportional`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    /// How many decimals figures are shown with (two, half up, unless the body prints
    /// fewer).
    #[serde(default, skip_serializing_if = "Precision::is_default")]
    pub precision: Precision,
    /// The monitoring periods, in date order: the intermediate measurements (at 30 June,
    /// by quarter) and, last, the year's final one, whose values are each indicator's own
    /// `result`, `override` and `note`. Empty: one period, the year's end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// The offices that own indicators (they measure them and send their results).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Office>,
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
}

/// An office (ufficio, servizio) that owns indicators: it measures them and sends their
/// results to the controller.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// As the indicators' `owner` names it: `"Ufficio Studi"`.
    pub name: String,
    /// The person responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A monitoring period: when results are measured ("30 giugno", "I trimestre").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub name: String,
    /// The day the values are measured at.
    #[serde(with = "number::iso_date")]
    pub date: NaiveDate,
}

/// The decimals figures are shown with, rounded half up on their exact values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Precision {
    /// An indicator's realization.
    #[serde(default = "two")]
    pub indicators: u32,
    /// An objective's realization and a perspective's scores.
    #[serde(default = "two")]
    pub objectives: u32,
    /// The plan's overall scores.
    #[serde(default = "two")]
    pub overall: u32,
}

fn two() -> u32 {
    2
}

impl Default for Precision {
    fn default() -> Self {
        Precision {
            indicators: 2,
            objectives: 2,
            overall: 2,
        }
    }
}

impl Precision {
    /// The most decimals a figure may be shown with.
    pub const MAX: u32 = 6;

    pub fn is_default(&self) -> bool {
        *self == Precision::default()
    }
}

/// Realization levels at which a bar turns from "poor" to "fair" to "good".
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// At or above this realization (percent) a row is good.
    pub good: Num,
    /// At or above this realization (percent) a row is fair; below it, poor.
    pub fair: Num,
    /// Every result whose realization is below `fair` needs a note saying why (some bodies'
    /// measuring systems ask it): the app asks for it after the value, and `check` warns
    /// where it is missing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note_below_fair: bool,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            good: Num::from(Decimal::from(90)),
            fair: Num::from(Decimal::from(60)),
            note_below_fair: false,
        }
    }
}

/// How a realization compares with the plan's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Good,
    Fair,
    Poor,
}

impl Thresholds {
    pub fn status(&self, realization: Decimal) -> Status {
        if realization >= self.good.value() {
            Status::Good
        } else if realization >= self.fair.value() {
            Status::Fair
        } else {
            Status::Poor
        }
    }
}

/// A Balanced-Scorecard perspective ("Processi interni"). Its weight is the sum of its
/// strategic objectives' weights.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    pub name: String,
    #[serde(default)]
    pub objectives: Vec<StrategicObjective>,
}

/// A strategic objective inside one perspective. The same code may appear under two
/// perspectives (the seed has 3.1 and 2.1 twice): identity is the place in the tree.
///
/// A strategic objective may be measured by indicators of its own, written in its
/// `indicators` list, with or without operational objectives. In memory these sit in a
/// first operational objective marked [`OperationalObjective::direct`], as its strategic
/// indicators: so every indicator has the same kind of place, and they count as the
/// objective's strategic indicators. That objective is never shown and never written.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(from = "StrategicObjectiveText", into = "StrategicObjectiveText")]
pub struct StrategicObjective {
    pub code: String,
    pub title: String,
    /// Percent of the whole plan, or an equal share of what the others leave.
    pub weight: Weight,
    pub operational: Vec<OperationalObjective>,
}

/// A strategic objective as the file writes it.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "StrategicObjective")]
struct StrategicObjectiveText {
    code: String,
    title: String,
    weight: Weight,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    indicators: Vec<Indicator>,
    #[serde(default)]
    operational: Vec<OperationalObjective>,
}

impl From<StrategicObjectiveText> for StrategicObjective {
    fn from(t: StrategicObjectiveText) -> Self {
        let mut operational = t.operational;
        if !t.indicators.is_empty() {
            operational.insert(0, OperationalObjective::direct_of(&t.code, t.indicators));
        }
        StrategicObjective {
            code: t.code,
            title: t.title,
            weight: t.weight,
            operational,
        }
    }
}

impl From<StrategicObjective> for StrategicObjectiveText {
    fn from(mut so: StrategicObjective) -> Self {
        let indicators = match so.operational.first() {
            Some(o) if o.direct => so.operational.remove(0).strategic_indicators,
            _ => Vec::new(),
        };
        StrategicObjectiveText {
            code: so.code,
            title: so.title,
            weight: so.weight,
            indicators,
            operational: so.operational,
        }
    }
}

impl StrategicObjective {
    /// Its own indicators (written in its `indicators` list), if it has any.
    pub fn direct_indicators(&self) -> &[Indicator] {
        match self.operational.first() {
            Some(o) if o.direct => &o.strategic_indicators,
            _ => &[],
        }
    }

    /// Its operational objectives as written, with their places (the index in
    /// `operational`), without the one holding its own indicators.
    pub fn written_operational(&self) -> impl Iterator<Item = (usize, &OperationalObjective)> {
        self.operational
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.direct)
    }
}

/// An operational objective: carries the indicators of both layers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OperationalObjective {
    pub code: String,
    pub title: String,
    /// Percent of the whole plan, or an equal share of what the others leave of its
    /// strategic objective's weight.
    pub weight: Weight,
    /// The office that owns its indicators, unless one names its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Not an objective of the file: the holder of a strategic objective's own indicators
    /// (see [`StrategicObjective`]).
    #[serde(skip)]
    pub direct: bool,
    /// Indicators that measure the parent strategic objective (the seed's first table).
    #[serde(default)]
    pub strategic_indicators: Vec<Indicator>,
    /// Indicators that measure this operational objective (the seed's second table).
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

impl OperationalObjective {
    /// The holder of a strategic objective's own indicators.
    fn direct_of(code: &str, indicators: Vec<Indicator>) -> Self {
        OperationalObjective {
            code: code.to_string(),
            title: String::new(),
            weight: Weight::Given(Num::from(Decimal::ZERO)),
            owner: None,
            direct: true,
            strategic_indicators: indicators,
            indicators: Vec::new(),
        }
    }

    pub fn layer(&self, layer: Layer) -> &[Indicator] {
        match layer {
            Layer::Strategic => &self.strategic_indicators,
            Layer::Operational => &self.indicators,
        }
    }

    pub fn layer_mut(&mut self, layer: Layer) -> &mut Vec<Indicator> {
        match layer {
            Layer::Strategic => &mut self.strategic_indicators,
            Layer::Operational => &mut self.indicators,
        }
    }
}

/// One measured quantity with its target and (once known) its result.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique in the plan and never changed by perfplan.
    pub id: String,
    pub description: String,
    pub unit: Unit,
    pub target: Target,
    /// The year-end result; absent while the indicator is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// A realization set by hand, with the reason the computed one is not used.
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub realization_override: Option<Override>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Last year's result, for comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Value>,
    /// How a missed target is scored, where the plan's rule is wrong for this indicator
    /// (boxed: few indicators have one, and a scale of bands is large).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Box<Scoring>>,
    /// Not assessable this year ("non valutabile"), with the reason: left out of every
    /// mean, but not pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_assessable: Option<String>,
    /// The office that measures it (its operational objective's when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The target as it was before each change made during the year (rimodulazione), with
    /// the day and the reason, oldest first: `target` is the one that counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_changes: Vec<TargetChange>,
    /// The values of the intermediate periods, by the period's name (the final period's
    /// are the indicator's own).
    #[serde(default, skip_serializing_if = "PeriodValues::is_empty")]
    pub periods: PeriodValues,
}

/// A target changed during the year: the target before, when and why.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TargetChange {
    /// The target before the change.
    pub from: Target,
    #[serde(with = "number::iso_date")]
    pub date: NaiveDate,
    /// Why it changed (required: the Relazione reports it).
    #[serde(default)]
    pub reason: String,
}

/// An indicator's values at one intermediate period; all optional.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "PeriodValues")]
pub struct AtPeriod {
    /// The period's own target, where it is not the year's (an intermediate target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub realization_override: Option<Override>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl AtPeriod {
    pub fn is_empty(&self) -> bool {
        self.target.is_none()
            && self.result.is_none()
            && self.realization_override.is_none()
            && self.note.is_none()
    }
}

/// An indicator's values by period name, in the order written (a map in the file:
/// `{"30 giugno": (result: 40)}`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodValues(pub Vec<(String, AtPeriod)>);

impl PeriodValues {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, period: &str) -> Option<&AtPeriod> {
        self.0.iter().find(|(n, _)| n == period).map(|(_, v)| v)
    }

    /// The values of `period`, added (empty) where missing, in the order of `order` (the
    /// plan's periods) among the others.
    pub fn entry(&mut self, period: &str, order: &[Period]) -> &mut AtPeriod {
        if let Some(i) = self.0.iter().position(|(n, _)| n == period) {
            return &mut self.0[i].1;
        }
        let rank = |name: &str| order.iter().position(|p| p.name == name);
        let mine = rank(period);
        let at = self
            .0
            .iter()
            .position(|(n, _)| match (rank(n), mine) {
                (Some(r), Some(m)) => r > m,
                _ => false,
            })
            .unwrap_or(self.0.len());
        self.0.insert(at, (period.to_string(), AtPeriod::default()));
        &mut self.0[at].1
    }

    /// Drops the periods left with no value.
    pub fn prune(&mut self) {
        self.0.retain(|(_, v)| !v.is_empty());
    }
}

impl Serialize for PeriodValues {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PeriodValues {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PeriodValues;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map from period names to their values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<PeriodValues, A::Error> {
                // A period written twice is kept twice: validation says so, in the
                // user's language.
                let mut out: Vec<(String, AtPeriod)> = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, AtPeriod>()? {
                    out.push((k, v));
                }
                Ok(PeriodValues(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl Indicator {
    pub fn is_pending(&self) -> bool {
        self.result.is_none() && self.realization_override.is_none() && !self.is_not_assessable()
    }

    /// Marked not assessable ("non valutabile"), with or without its reason.
    pub fn is_not_assessable(&self) -> bool {
        self.not_assessable.is_some()
    }

    /// The indicator as it stands at `period` (`None`: the year's final period): that
    /// period's result, override and note, and its target where it has its own.
    pub fn at(&self, period: Option<&str>) -> std::borrow::Cow<'_, Indicator> {
        match period {
            None => std::borrow::Cow::Borrowed(self),
            Some(name) => std::borrow::Cow::Owned(self.with_period_values(self.periods.get(name))),
        }
    }

    /// The indicator with `values` (an intermediate period's; `None`: none) in place of the
    /// year's result, override and note, and their target where they have one.
    pub fn with_period_values(&self, values: Option<&AtPeriod>) -> Indicator {
        let own_target = values.and_then(|v| v.target.clone());
        Indicator {
            id: self.id.clone(),
            description: self.description.clone(),
            unit: self.unit.clone(),
            // The year's target keeps its record of changes; a period's own has none.
            target_changes: match own_target {
                Some(_) => Vec::new(),
                None => self.target_changes.clone(),
            },
            target: own_target.unwrap_or_else(|| self.target.clone()),
            result: values.and_then(|v| v.result),
            realization_override: values.and_then(|v| v.realization_override.clone()),
            note: values.and_then(|v| v.note.clone()),
            baseline: self.baseline,
            scoring: self.scoring.clone(),
            not_assessable: self.not_assessable.clone(),
            owner: self.owner.clone(),
            periods: PeriodValues::default(),
        }
    }

    /// How its missed target is scored: its own rule, else the plan's.
    pub fn scoring_in<'a>(&'a self, plan_default: &'a Scoring) -> &'a Scoring {
        self.scoring.as_deref().unwrap_or(plan_default)
    }
}

/// What a value is measured in. It decides how results are typed and shown.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Unit {
    /// A percentage: `93` means 93 %.
    Percent,
    /// A whole number of things.
    Count,
    /// Any number (ratios, averages: `2.03`).
    Number,
    /// A calendar date: the day something was done.
    Date,
    /// An amount in euro.
    Currency,
    /// A number of things with a name of their own ("testate").
    Label(String),
    /// Done or not, adopted or not: results `Yes` or `No` (Sì / No in an Italian plan),
    /// against a target `Yes` or `No`.
    YesNo,
}

impl Unit {
    pub fn is_date(&self) -> bool {
        matches!(self, Unit::Date)
    }

    pub fn is_yes_no(&self) -> bool {
        matches!(self, Unit::YesNo)
    }

    /// Counted things (`Count`, a named thing like `testate`): whole numbers, never below 0.
    pub fn is_count(&self) -> bool {
        matches!(self, Unit::Count | Unit::Label(_))
    }

    /// The unit in a word, as the app and the exports name it: `percent`, `euro`, `testate`.
    pub fn word(&self) -> &str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Number => "number",
            Unit::Date => "date",
            Unit::Currency => "euro",
            Unit::Label(l) => l,
            Unit::YesNo => "yes/no",
        }
    }
}

/// The value an indicator should reach, in the form the controller writes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Target {
    /// `>= t`: higher is better.
    AtLeast(Num),
    /// `> t`: higher is better, strictly.
    MoreThan(Num),
    /// `<= t`: lower is better.
    AtMost(Num),
    /// `< t`: lower is better, strictly.
    LessThan(Num),
    /// `= t`: any distance from the target counts against.
    Exactly(Num),
    /// `min – max`: anything inside the range meets the target.
    Between { min: Num, max: Num },
    /// `<= date`: done on or before the day.
    Deadline(#[serde(with = "number::iso_date")] NaiveDate),
    /// Done (adopted, in place): a `YesNo` result of `Yes` meets it.
    Yes,
    /// Not happened (no breach, no complaint upheld): a `YesNo` result of `No` meets it.
    No,
}

impl Target {
    pub fn is_deadline(&self) -> bool {
        matches!(self, Target::Deadline(_))
    }

    pub fn is_yes_no(&self) -> bool {
        matches!(self, Target::Yes | Target::No)
    }

    /// The target numbers, for checks that apply to all of them.
    pub fn numbers(&self) -> impl Iterator<Item = Decimal> {
        let (a, b) = match self {
            Target::AtLeast(t)
            | Target::MoreThan(t)
            | Target::AtMost(t)
            | Target::LessThan(t)
            | Target::Exactly(t) => (Some(t.value()), None),
            Target::Between { min, max } => (Some(min.value()), Some(max.value())),
            Target::Deadline(_) | Target::Yes | Target::No => (None, None),
        };
        a.into_iter().chain(b)
    }
}

/// A realization set by hand. The reason is required; an empty one is a validation error.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Percent, 0 to 100.
    pub realization: Num,
    #[serde(default)]
    pub reason: String,
}

/// How a missed target is scored (a met target always scores 100 %).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Scoring {
    /// The default: the share of the target reached (see `score::realization`).
    #[default]
    Proportional,
    /// Met or not: 100 % or 0 %.
    AllOrNothing,
    /// For deadlines: 100 % on the day, falling linearly to 0 % after this many days late.
    GraceDays(u32),
    /// Scoring by bands of the achievement (the proportional realization, 0–100 %), as a
    /// body's measuring system writes them: each band gives a fixed score or one
    /// proportional within it, in points out of `out_of` (100, a percentage, when absent).
    Bands {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        out_of: Option<Num>,
        bands: Vec<Band>,
    },
}

/// One band of a [`Scoring::Bands`]: an achievement from `from` (included) to `to`
/// (excluded, but for the last band), in percent, and the score it gives.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: Num,
    pub to: Num,
    pub score: BandScore,
}

/// The score a band gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum BandScore {
    /// The same score anywhere in the band.
    Fixed(Num),
    /// `Linear(a, b)`: `a` at the band's start, `b` at its end, in proportion between.
    Linear(Num, Num),
}

/// The way of scoring of a plan that names none.
static PROPORTIONAL: Scoring = Scoring::Proportional;

impl Plan {
    /// The plan's way of scoring: its own, or `Proportional`.
    pub fn default_scoring(&self) -> &Scoring {
        self.scoring.as_ref().unwrap_or(&PROPORTIONAL)
    }

    pub fn indicator(&self, path: IndicatorPath) -> &Indicator {
        &self.perspectives[path.perspective].objectives[path.strategic].operational
            [path.operational]
            .layer(path.layer)[path.index]
    }

    pub fn indicator_mut(&mut self, path: IndicatorPath) -> &mut Indicator {
        &mut self.perspectives[path.perspective].objectives[path.strategic].operational
            [path.operational]
            .layer_mut(path.layer)[path.index]
    }

    /// Whether the indicator at `path` is one of its strategic objective's own (held by the
    /// first, hidden operational objective: see [`StrategicObjective`]).
    pub fn is_own_indicator(&self, path: IndicatorPath) -> bool {
        self.perspectives[path.perspective].objectives[path.strategic].operational[path.operational]
            .direct
    }

    pub fn get_indicator(&self, path: IndicatorPath) -> Option<&Indicator> {
        self.perspectives
            .get(path.perspective)?
            .objectives
            .get(path.strategic)?
            .operational
            .get(path.operational)?
            .layer(path.layer)
            .get(path.index)
    }

    /// Every indicator with its place, in file order (strategic before operational
    /// within each operational objective).
    pub fn indicators(&self) -> impl Iterator<Item = (IndicatorPath, &Indicator)> {
        self.perspectives.iter().enumerate().flat_map(|(p, persp)| {
            persp
                .objectives
                .iter()
                .enumerate()
                .flat_map(move |(s, so)| {
                    so.operational.iter().enumerate().flat_map(move |(o, oo)| {
                        [Layer::Strategic, Layer::Operational]
                            .into_iter()
                            .flat_map(move |layer| {
                                oo.layer(layer).iter().enumerate().map(move |(i, ind)| {
                                    (IndicatorPath::new(p, s, o, layer, i), ind)
                                })
                            })
                    })
                })
        })
    }

    /// The indicator after `at` in tree order (or before it, backward), if any. Costs the
    /// empty places it steps over, not the plan's size.
    pub fn step_indicator(&self, at: IndicatorPath, forward: bool) -> Option<IndicatorPath> {
        if forward {
            self.step_forward(at)
        } else {
            self.step_back(at)
        }
    }

    fn step_forward(&self, at: IndicatorPath) -> Option<IndicatorPath> {
        let (mut ps, mut s, mut o, mut layer, mut i) = (
            at.perspective,
            at.strategic,
            at.operational,
            at.layer,
            at.index + 1,
        );
        loop {
            let persp = self.perspectives.get(ps)?;
            let Some(so) = persp.objectives.get(s) else {
                (ps, s, o, layer, i) = (ps + 1, 0, 0, Layer::Strategic, 0);
                continue;
            };
            let Some(oo) = so.operational.get(o) else {
                (s, o, layer, i) = (s + 1, 0, Layer::Strategic, 0);
                continue;
            };
            if i < oo.layer(layer).len() {
                return Some(IndicatorPath::new(ps, s, o, layer, i));
            }
            (o, layer, i) = match layer {
                Layer::Strategic => (o, Layer::Operational, 0),
                Layer::Operational => (o + 1, Layer::Strategic, 0),
            };
        }
    }

    fn step_back(&self, at: IndicatorPath) -> Option<IndicatorPath> {
        let (mut ps, mut s, mut o, mut layer, mut i) = (
            at.perspective,
            at.strategic,
            at.operational,
            at.layer,
            at.index,
        );
        // The number of indicators in a layer of an operational objective that exists.
        let len = |ps: usize, s: usize, o: usize, layer: Layer| {
            self.perspectives[ps].objectives[s].operational[o]
                .layer(layer)
                .len()
        };
        loop {
            // (ps, s, o, layer, i): just before index i of that layer, which exists.
            if i > 0 {
                return Some(IndicatorPath::new(ps, s, o, layer, i - 1));
            }
            if layer == Layer::Operational {
                (layer, i) = (Layer::Strategic, len(ps, s, o, Layer::Strategic));
            } else if o > 0 {
                o -= 1;
                (layer, i) = (Layer::Operational, len(ps, s, o, Layer::Operational));
            } else if s > 0 {
                s -= 1;
                match self.perspectives[ps].objectives[s].operational.len() {
                    // No operational objective: on to the strategic objective before.
                    0 => (o, layer, i) = (0, Layer::Strategic, 0),
                    n => {
                        o = n - 1;
                        (layer, i) = (Layer::Operational, len(ps, s, o, Layer::Operational));
                    }
                }
            } else if ps > 0 {
                ps -= 1;
                // Past the last strategic objective of the perspective before: the branch
                // above steps back into it.
                (s, o, layer, i) = (
                    self.perspectives[ps].objectives.len(),
                    0,
                    Layer::Strategic,
                    0,
                );
                if s == 0 {
                    continue;
                }
            } else {
                return None;
            }
        }
    }

    /// The period named `name` is an intermediate one: `Some(name)` to read values at; the
    /// final period (the last, or any name when the plan has no periods) is `None`.
    pub fn intermediate<'a>(&self, name: Option<&'a str>) -> Option<&'a str> {
        let name = name?;
        let last = self.periods.last()?;
        (last.name != name && self.periods.iter().any(|p| p.name == name)).then_some(name)
    }

    /// The office that owns the indicator at `path`: its own `owner`, else its operational
    /// objective's.
    pub fn owner_of(&self, path: IndicatorPath) -> Option<&str> {
        let oo = &self.perspectives[path.perspective].objectives[path.strategic].operational
            [path.operational];
        oo.layer(path.layer)[path.index]
            .owner
            .as_deref()
            .or(oo.owner.as_deref())
    }

    /// The office named `name` in the plan's list.
    pub fn office(&self, name: &str) -> Option<&Office> {
        self.offices.iter().find(|o| o.name == name)
    }

    /// The final period's name, when the plan names its periods.
    pub fn final_period(&self) -> Option<&str> {
        self.periods.last().map(|p| p.name.as_str())
    }

    /// The plan as it stands at an intermediate period: each indicator with that period's
    /// values (see [`Indicator::at`]). The final period's plan is the plan itself.
    pub fn at_period(&self, name: &str) -> Plan {
        let mut plan = self.clone();
        let Some(name) = self.intermediate(Some(name)) else {
            return plan;
        };
        for persp in &mut plan.perspectives {
            for so in &mut persp.objectives {
                for oo in &mut so.operational {
                    for ind in oo
                        .strategic_indicators
                        .iter_mut()
                        .chain(oo.indicators.iter_mut())
                    {
                        *ind = ind.at(Some(name)).into_owned();
                    }
                }
            }
        }
        plan
    }

    pub fn indicator_count(&self) -> usize {
        self.perspectives
            .iter()
            .flat_map(|p| &p.objectives)
            .flat_map(|s| &s.operational)
            .map(|o| o.strategic_indicators.len() + o.indicators.len())
            .sum()
    }

    /// Where the indicator with this id sits.
    pub fn find_indicator(&self, id: &str) -> Option<IndicatorPath> {
        self.indicators()
            .find(|(_, ind)| ind.id == id)
            .map(|(path, _)| path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan with empty perspectives, objectives and layers between indicators.
    fn sparse() -> Plan {
        let text = r#"Plan(title: "t", organization: "o", year: 2022, perspectives: [
          Perspective(name: "empty"),
          Perspective(name: "P", objectives: [
            StrategicObjective(code: "1", title: "no operational", weight: 10),
            StrategicObjective(code: "2", title: "own", weight: 10, indicators: [
              Indicator(id: "a", description: "d", unit: Count, target: AtLeast(1)),
            ], operational: [
              OperationalObjective(code: "2.1", title: "o", weight: 5),
              OperationalObjective(code: "2.2", title: "o", weight: 5,
                strategic_indicators: [Indicator(id: "b", description: "d", unit: Count, target: AtLeast(1))],
                indicators: [
                  Indicator(id: "c", description: "d", unit: Count, target: AtLeast(1)),
                  Indicator(id: "d", description: "d", unit: Count, target: AtLeast(1)),
                ]),
            ]),
          ]),
          Perspective(name: "empty too"),
          Perspective(name: "Q", objectives: [
            StrategicObjective(code: "3", title: "s", weight: 80, operational: [
              OperationalObjective(code: "3.1", title: "o", weight: 80,
                indicators: [Indicator(id: "e", description: "d", unit: Count, target: AtLeast(1))]),
            ]),
          ]),
        ])"#;
        crate::store::parse(std::path::Path::new("p.ron"), text).unwrap()
    }

    #[test]
    fn stepping_visits_every_indicator_in_tree_order_both_ways() {
        let plan = sparse();
        let all: Vec<IndicatorPath> = plan.indicators().map(|(p, _)| p).collect();
        let ids: Vec<&str> = all.iter().map(|p| plan.indicator(*p).id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
        for pair in all.windows(2) {
            assert_eq!(plan.step_indicator(pair[0], true), Some(pair[1]));
            assert_eq!(plan.step_indicator(pair[1], false), Some(pair[0]));
        }
        assert_eq!(plan.step_indicator(all[4], true), None);
        assert_eq!(plan.step_indicator(all[0], false), None);
    }
}
