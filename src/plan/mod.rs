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

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use change::{Field, FieldChange, FieldValue};
pub use locale::Locale;
pub use number::{Num, Value};
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
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
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

impl Perspective {
    /// The sum of its strategic objectives' weights, leaving out the wrong ones (which
    /// count for nothing: see `check::weight_error`).
    pub fn weight(&self) -> Decimal {
        self.objectives
            .iter()
            .map(|s| s.weight.value())
            .filter(|w| check::weight_error(*w).is_none())
            .fold(Decimal::ZERO, |sum, w| sum.saturating_add(w))
    }
}

/// A strategic objective inside one perspective. The same code may appear under two
/// perspectives (the seed has 3.1 and 2.1 twice): identity is the place in the tree.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StrategicObjective {
    pub code: String,
    pub title: String,
    /// Percent of the whole plan.
    pub weight: Num,
    #[serde(default)]
    pub operational: Vec<OperationalObjective>,
}

/// An operational objective: carries the indicators of both layers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OperationalObjective {
    pub code: String,
    pub title: String,
    /// Percent of the whole plan.
    pub weight: Num,
    /// Indicators that measure the parent strategic objective (the seed's first table).
    #[serde(default)]
    pub strategic_indicators: Vec<Indicator>,
    /// Indicators that measure this operational objective (the seed's second table).
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

impl OperationalObjective {
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
    /// How a missed target is scored, where the default rule is wrong for this indicator.
    #[serde(default)]
    pub scoring: Scoring,
}

impl Indicator {
    pub fn is_pending(&self) -> bool {
        self.result.is_none() && self.realization_override.is_none()
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
}

impl Unit {
    pub fn is_date(&self) -> bool {
        matches!(self, Unit::Date)
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
        }
    }
}

/// The value an indicator should reach, in the form the controller writes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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
}

impl Target {
    pub fn is_deadline(&self) -> bool {
        matches!(self, Target::Deadline(_))
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
            Target::Deadline(_) => (None, None),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Scoring {
    /// The default: the share of the target reached (see `score::realization`).
    #[default]
    Proportional,
    /// Met or not: 100 % or 0 %.
    AllOrNothing,
    /// For deadlines: 100 % on the day, falling linearly to 0 % after this many days late.
    GraceDays(u32),
}

impl Plan {
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
