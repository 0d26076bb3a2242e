//! What `perfplan diff` says, as values: its headings, the names of the fields it compares
//! and its sentences. `lang` turns them into words in either language.

use super::{IndicatorField, ObjectiveField, PlanField, Tally};
use crate::plan::Layer;

/// A fixed word of `perfplan diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffLabel {
    /// The sections of the report.
    PlanSection,
    ObjectivesSection,
    IndicatorsSection,
    ScoresSection,
    /// The column headings: `Field` · `Before` · `After` · `Change`.
    Field,
    Before,
    After,
    Change,
    Indicator(IndicatorField),
    Objective(ObjectiveField),
    Plan(PlanField),
    /// Where a thing that moved was and is.
    Place,
    /// A perspective's or the plan's score in one layer.
    Score(Layer),
    /// The name of the row of the plan's overall scores.
    OverallScores,
}

impl DiffLabel {
    /// Every label, for the tests that read each language's words.
    pub fn all() -> Vec<DiffLabel> {
        let mut all = vec![
            DiffLabel::PlanSection,
            DiffLabel::ObjectivesSection,
            DiffLabel::IndicatorsSection,
            DiffLabel::ScoresSection,
            DiffLabel::Field,
            DiffLabel::Before,
            DiffLabel::After,
            DiffLabel::Change,
            DiffLabel::Place,
            DiffLabel::Score(Layer::Strategic),
            DiffLabel::Score(Layer::Operational),
            DiffLabel::OverallScores,
        ];
        all.extend(
            IndicatorField::ALL
                .iter()
                .map(|c| DiffLabel::Indicator(c.field)),
        );
        all.extend(
            ObjectiveField::ALL
                .iter()
                .map(|c| DiffLabel::Objective(c.field)),
        );
        all.extend(PlanField::ALL.iter().map(|c| DiffLabel::Plan(c.field)));
        all
    }
}

/// A sentence of `perfplan diff`, with its figures already in the plan's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffNotice {
    /// Under the plan's title: which two versions are compared.
    Compared {
        old: String,
        new: String,
    },
    /// How many things changed, by kind.
    Tally(Tally),
    /// The one line said when nothing differs.
    NoDifferences {
        old: String,
        new: String,
    },
    /// A plan's thresholds, as figures.
    Thresholds {
        good: String,
        fair: String,
        note_below_fair: bool,
    },
    /// A plan's decimals.
    Precision {
        indicators: u32,
        objectives: u32,
        overall: u32,
    },
    /// Git compared a plan that one side does not have (a file added or deleted).
    PlanAdded {
        path: String,
    },
    PlanRemoved {
        path: String,
    },
}
