use super::{En, count};
use crate::diff::words::{DiffLabel, DiffNotice};
use crate::diff::{Counts, IndicatorField, ObjectiveField, PlanField};
use crate::lang::DiffWords;
use crate::plan::{BandScore, Layer, Locale, Scoring};

impl DiffWords for En {
    fn diff_label(&self, label: DiffLabel) -> &'static str {
        match label {
            DiffLabel::PlanSection => "Plan",
            DiffLabel::ObjectivesSection => "Perspectives and objectives",
            DiffLabel::IndicatorsSection => "Indicators",
            DiffLabel::ScoresSection => "Realizations and scores",
            DiffLabel::Field => "Field",
            DiffLabel::Before => "Before",
            DiffLabel::After => "After",
            DiffLabel::Change => "Change",
            DiffLabel::Indicator(f) => match f {
                IndicatorField::Description => "Description",
                IndicatorField::Unit => "Unit",
                IndicatorField::Target => "Target",
                IndicatorField::Result => "Result",
                IndicatorField::Override => "Override",
                IndicatorField::OverrideReason => "Override reason",
                IndicatorField::Note => "Note",
                IndicatorField::NotAssessable => "Not assessable",
                IndicatorField::Baseline => "Baseline",
                IndicatorField::TargetChanges => "Target changes",
                IndicatorField::Periods => "Period values",
                IndicatorField::Scoring => "Scoring rule",
            },
            DiffLabel::Objective(f) => match f {
                ObjectiveField::Title => "Title",
                ObjectiveField::Weight => "Weight",
            },
            DiffLabel::Plan(f) => match f {
                PlanField::Title => "Title",
                PlanField::Organization => "Organization",
                PlanField::Year => "Year",
                PlanField::Locale => "Number notation",
                PlanField::Thresholds => "Thresholds",
                PlanField::Scoring => "Scoring rule",
                PlanField::Periods => "Monitoring periods",
                PlanField::Precision => "Decimals",
            },
            DiffLabel::Place => "Place",
            DiffLabel::Score(Layer::Strategic) => "Strategic score",
            DiffLabel::Score(Layer::Operational) => "Operational score",
            DiffLabel::OverallScores => "Overall scores",
        }
    }

    fn diff_notice(&self, notice: &DiffNotice) -> String {
        match notice {
            DiffNotice::Compared { old, new } => {
                format!("Comparing {old} (before) with {new} (after)")
            }
            DiffNotice::Tally(t) => {
                let mut parts = Vec::new();
                if t.plan > 0 {
                    parts.push(format!(
                        "{} changed",
                        count(t.plan, "plan setting", "plan settings")
                    ));
                }
                parts.extend(counted(&t.perspectives, "perspective", "perspectives"));
                parts.extend(counted(&t.objectives, "objective", "objectives"));
                parts.extend(counted(&t.indicators, "indicator", "indicators"));
                parts.join(", ")
            }
            DiffNotice::NoDifferences { old, new } => format!(
                "No differences between {old} and {new}: the two plans say the same things (comments and layout aside)."
            ),
            DiffNotice::Thresholds {
                good,
                fair,
                note_below_fair,
            } => format!(
                "good from {good}, fair from {fair}{}",
                if *note_below_fair {
                    ", a note required below fair"
                } else {
                    ""
                }
            ),
            DiffNotice::Precision {
                indicators,
                objectives,
                overall,
            } => format!("indicators {indicators}, objectives {objectives}, overall {overall}"),
            DiffNotice::PlanAdded { path } => format!("{path}: a new plan"),
            DiffNotice::PlanRemoved { path } => format!("{path}: plan deleted"),
        }
    }

    fn rule(&self, scoring: Option<&Scoring>, locale: Locale) -> String {
        match scoring {
            None => "the plan's".to_string(),
            Some(Scoring::Proportional) => "proportional".to_string(),
            Some(Scoring::AllOrNothing) => "all or nothing".to_string(),
            Some(Scoring::GraceDays(days)) => format!(
                "{} of grace past a deadline",
                count(*days as usize, "day", "days")
            ),
            Some(Scoring::Bands { out_of, bands }) => {
                let n = |v: crate::plan::Num| locale.number(v.value());
                let bands: Vec<String> = bands
                    .iter()
                    .map(|b| {
                        let score = match b.score {
                            BandScore::Fixed(s) => n(s),
                            BandScore::Linear(a, z) => format!("{} to {}", n(a), n(z)),
                        };
                        format!("{} – {}% → {score}", n(b.from), n(b.to))
                    })
                    .collect();
                let points = out_of.map_or(String::new(), |o| format!(" (points out of {})", n(o)));
                format!("bands: {}{points}", bands.join("; "))
            }
        }
    }
}

/// `1 objective added, 2 objectives changed`.
fn counted(c: &Counts, one: &str, many: &str) -> Vec<String> {
    [
        (c.added, "added"),
        (c.removed, "removed"),
        (c.moved, "moved"),
        (c.changed, "changed"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, done)| format!("{} {done}", count(n, one, many)))
    .collect()
}
