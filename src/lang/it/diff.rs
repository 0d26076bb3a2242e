use super::{It, count};
use crate::diff::words::{DiffLabel, DiffNotice};
use crate::diff::{Counts, IndicatorField, ObjectiveField, PlanField};
use crate::lang::DiffWords;
use crate::plan::{BandScore, Layer, Locale, Scoring};

impl DiffWords for It {
    fn diff_label(&self, label: DiffLabel) -> &'static str {
        match label {
            DiffLabel::PlanSection => "Piano",
            DiffLabel::ObjectivesSection => "Prospettive e obiettivi",
            DiffLabel::IndicatorsSection => "Indicatori",
            DiffLabel::ScoresSection => "Realizzazioni e punteggi",
            DiffLabel::Field => "Campo",
            DiffLabel::Before => "Prima",
            DiffLabel::After => "Dopo",
            DiffLabel::Change => "Variazione",
            DiffLabel::Indicator(f) => match f {
                IndicatorField::Description => "Descrizione",
                IndicatorField::Unit => "Unità di misura",
                IndicatorField::Target => "Target",
                IndicatorField::Result => "Risultato",
                IndicatorField::Override => "Forzatura",
                IndicatorField::OverrideReason => "Motivazione forzatura",
                IndicatorField::Note => "Nota",
                IndicatorField::NotAssessable => "Non valutabile",
                IndicatorField::Baseline => "Valore di partenza",
                IndicatorField::TargetChanges => "Rimodulazioni del target",
                IndicatorField::Periods => "Valori dei periodi",
                IndicatorField::Scoring => "Regola di calcolo",
            },
            DiffLabel::Objective(f) => match f {
                ObjectiveField::Title => "Titolo",
                ObjectiveField::Weight => "Peso",
            },
            DiffLabel::Plan(f) => match f {
                PlanField::Title => "Titolo",
                PlanField::Organization => "Ente",
                PlanField::Year => "Anno",
                PlanField::Locale => "Notazione dei numeri",
                PlanField::Thresholds => "Soglie",
                PlanField::Scoring => "Regola di calcolo",
                PlanField::Periods => "Periodi di monitoraggio",
                PlanField::Precision => "Decimali",
            },
            DiffLabel::Place => "Posizione",
            DiffLabel::Score(Layer::Strategic) => "Punteggio strategico",
            DiffLabel::Score(Layer::Operational) => "Punteggio operativo",
            DiffLabel::OverallScores => "Punteggi complessivi",
        }
    }

    fn diff_notice(&self, notice: &DiffNotice) -> String {
        match notice {
            DiffNotice::Compared { old, new } => {
                format!("Confronto tra {old} (prima) e {new} (dopo)")
            }
            DiffNotice::Tally(t) => {
                let mut parts = Vec::new();
                if t.plan > 0 {
                    parts.push(count(
                        t.plan,
                        "impostazione del piano modificata",
                        "impostazioni del piano modificate",
                    ));
                }
                let p = &t.perspectives;
                for (n, one, many) in [
                    (p.added, "prospettiva aggiunta", "prospettive aggiunte"),
                    (p.removed, "prospettiva rimossa", "prospettive rimosse"),
                ] {
                    if n > 0 {
                        parts.push(count(n, one, many));
                    }
                }
                parts.extend(counted(&t.objectives, "obiettivo", "obiettivi"));
                parts.extend(counted(&t.indicators, "indicatore", "indicatori"));
                parts.join(", ")
            }
            DiffNotice::NoDifferences { old, new } => format!(
                "Nessuna differenza tra {old} e {new}: i due piani dicono le stesse cose (commenti e impaginazione a parte)."
            ),
            DiffNotice::Thresholds {
                good,
                fair,
                note_below_fair,
            } => format!(
                "buono da {good}, sufficiente da {fair}{}",
                if *note_below_fair {
                    ", nota obbligatoria sotto sufficiente"
                } else {
                    ""
                }
            ),
            DiffNotice::Precision {
                indicators,
                objectives,
                overall,
            } => format!("indicatori {indicators}, obiettivi {objectives}, complessivi {overall}"),
            DiffNotice::PlanAdded { path } => format!("{path}: nuovo piano"),
            DiffNotice::PlanRemoved { path } => format!("{path}: piano eliminato"),
        }
    }

    fn rule(&self, scoring: Option<&Scoring>, locale: Locale) -> String {
        match scoring {
            None => "quella del piano".to_string(),
            Some(Scoring::Proportional) => "proporzionale".to_string(),
            Some(Scoring::AllOrNothing) => "tutto o niente".to_string(),
            Some(Scoring::GraceDays(days)) => format!(
                "{} di tolleranza sulla scadenza",
                count(*days as usize, "giorno", "giorni")
            ),
            Some(Scoring::Bands { out_of, bands }) => {
                let n = |v: crate::plan::Num| locale.number(v.value());
                let bands: Vec<String> = bands
                    .iter()
                    .map(|b| {
                        let score = match b.score {
                            BandScore::Fixed(s) => n(s),
                            BandScore::Linear(a, z) => format!("da {} a {}", n(a), n(z)),
                        };
                        format!("{} – {} % → {score}", n(b.from), n(b.to))
                    })
                    .collect();
                let points = out_of.map_or(String::new(), |o| format!(" (punti su {})", n(o)));
                format!("a fasce: {}{points}", bands.join("; "))
            }
        }
    }
}

/// `1 obiettivo aggiunto, 2 obiettivi modificati`.
fn counted(c: &Counts, one: &str, many: &str) -> Vec<String> {
    [
        (c.added, "aggiunto", "aggiunti"),
        (c.removed, "rimosso", "rimossi"),
        (c.moved, "spostato", "spostati"),
        (c.changed, "modificato", "modificati"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, done_one, done_many)| {
        if n == 1 {
            format!("1 {one} {done_one}")
        } else {
            format!("{n} {many} {done_many}")
        }
    })
    .collect()
}
