use super::{It, count};
use crate::export::ExportError;
use crate::export::words::{Column, Computation, CsvColumn, Figures, Label, Notice};
use crate::lang::{ExportWords, Lang};
use crate::plan::Unit;

impl ExportWords for It {
    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Pending => "in attesa",
            Label::CannotBeScored => "non calcolabile",
            Label::NotAssessable => "non valutabile",
            Label::NotAssessableList => {
                "Non valutabili quest'anno (esclusi dai punteggi, non in attesa):"
            }
            Label::Provisional => "provvisorio",
            Label::Yes => "Sì",
            Label::No => "No",
            Label::Strategic => "Strategico",
            Label::Operational => "Operativo",
            Label::StrategicValue => "strategico",
            Label::OperationalValue => "operativo",
            Label::Overall => "Complessivo",
            Label::Score => "Punteggio",
            Label::Layer => "Livello",
            Label::IndicatorsMeasured => "Indicatori rilevati",
            Label::Of => "su",
            Label::Measured => "rilevati",
            Label::Year => "Anno",
            Label::Exported => "Esportato il",
            Label::ExportedOn => "esportato il",
            Label::SummarySheet => "Riepilogo",
            Label::StrategicSheet => "Obiettivi strategici",
            Label::OperationalSheet => "Obiettivi operativi",
            Label::OverallScores => "Punteggi complessivi",
            Label::StrategicTable => "Obiettivi strategici e relativi indicatori",
            Label::OperationalTable => "Obiettivi operativi e relativi indicatori",
            Label::PeriodsTable => "Andamento per periodo",
            Label::PeriodsSheet => "Periodi",
            Label::Indicator => "Indicatore",
            Label::Baseline => "Valore di partenza",
            Label::PeriodResult => "Risultato",
            Label::PeriodTarget => "Target",
            Label::PeriodRealization => "% Realizz.",
            Label::TargetChangesTable => "Target rimodulati nel corso dell'anno",
            Label::OriginalTarget => "Target originario",
            Label::NewTarget => "Target rimodulato",
            Label::ChangedOn => "Data",
            Label::Reason => "Motivazione",
            Label::PeriodColumn => "Periodo",
            Label::NotesAndOverrides => "Note e forzature",
            Label::StrategicScore => "Punteggio strategico",
            Label::OperationalScore => "punteggio operativo",
            Label::StrategicIndicator => "indicatore strategico",
            Label::OperationalIndicator => "indicatore operativo",
            Label::SetByHand => "motivazione della forzatura",
            Label::Note => "nota",
            Label::Draft => "BOZZA — il piano contiene errori",
            Label::ScoresProvisional => {
                "Punteggi provvisori: alcuni indicatori sono ancora in attesa e sono esclusi dal calcolo dei punteggi."
            }
            Label::LayerKey => {
                "S: indicatore strategico (misura l'obiettivo strategico) · O: indicatore operativo"
            }
            Label::OverrideKey => {
                "*: realizzazione forzata; la motivazione si legge in `perfplan score --json` e nell'applicazione"
            }
            Label::MarkdownFooter => {
                "% Realizzazione: risultato rispetto al target, da 0 a 100 %; obiettivi: media dei rispettivi indicatori; punteggi: media ponderata con i pesi degli obiettivi. ✎ realizzazione forzata (motivazione nella sezione Note e forzature)."
            }
            Label::HtmlFooter => {
                "% Realizzazione: risultato rispetto al target, da 0 a 100 %. Obiettivi: media dei rispettivi indicatori. Punteggi: media ponderata con i pesi degli obiettivi. ✎ realizzazione forzata."
            }
            Label::HtmlLang => "it",
            Label::Day => "giorno",
            Label::Days => "giorni",
        }
    }

    fn column(&self, column: Column, year: i32) -> String {
        match column {
            Column::Perspective => "Prospettiva".to_string(),
            Column::Code => "Codice".to_string(),
            Column::ObjectiveOrIndicator => "Obiettivo / indicatore".to_string(),
            Column::Weight => "Peso".to_string(),
            // As the documents head them: "Risultato 2017", "Target 2017".
            Column::Result => format!("Risultato {year}"),
            Column::Target => format!("Target {year}"),
            Column::Deviation => "Scostamento".to_string(),
            Column::Realization => "% Realizzazione".to_string(),
            Column::Measured => "Rilevati".to_string(),
            Column::Pending => "In attesa".to_string(),
            Column::OverrideReason => "Motivazione della forzatura".to_string(),
            Column::Note => "Nota".to_string(),
        }
    }

    fn csv_column(&self, column: CsvColumn, year: i32) -> String {
        // Headings for a spreadsheet opened by double click, as the controller reads them.
        match column {
            CsvColumn::Perspective => "Prospettiva".to_string(),
            CsvColumn::StrategicCode => "Obiettivo strategico".to_string(),
            CsvColumn::OperationalCode => "Obiettivo operativo".to_string(),
            CsvColumn::Layer => "Livello".to_string(),
            CsvColumn::Id => "Indicatore".to_string(),
            CsvColumn::Description => "Descrizione".to_string(),
            CsvColumn::Unit => "Unità di misura".to_string(),
            CsvColumn::Target => format!("Target {year}"),
            CsvColumn::Result => format!("Risultato {year}"),
            // The figures are in the unit column's unit; a date's are days.
            CsvColumn::Deviation => "Scostamento (giorni per le date)".to_string(),
            CsvColumn::Realization => "% Realizzazione".to_string(),
            CsvColumn::Pending => "In attesa".to_string(),
            CsvColumn::Override => "Forzatura".to_string(),
            CsvColumn::Reason => "Motivazione".to_string(),
            CsvColumn::Note => "Nota".to_string(),
        }
    }

    fn unit(&self, unit: &Unit) -> String {
        match unit {
            Unit::Percent => "percentuale",
            Unit::Count => "numero",
            Unit::Number => "valore",
            Unit::Date => "data",
            Unit::Currency => "euro",
            Unit::Label(l) => l,
            Unit::YesNo => "sì/no",
        }
        .to_string()
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Provisional { pending, total } => format!(
                "Punteggi provvisori: {} su {total} {} dal calcolo dei punteggi.",
                count(*pending, "indicatore", "indicatori"),
                if *pending == 1 {
                    "è ancora in attesa ed è escluso"
                } else {
                    "sono ancora in attesa e sono esclusi"
                },
            ),
            Notice::Overall {
                strategic,
                operational,
                measured,
                total,
            } => format!(
                "Punteggio complessivo   strategico {strategic}   operativo {operational}   indicatori rilevati {measured} / {total}"
            ),
            Notice::NotAssessable { count: 1 } => {
                "1 indicatore non valutabile (escluso dai punteggi)".to_string()
            }
            Notice::NotAssessable { count } => {
                format!("{count} indicatori non valutabili (esclusi dai punteggi)")
            }
            Notice::TargetChanged { from, date, reason } => {
                format!("target rimodulato il {date} (era {from}): {reason}")
            }
            Notice::CurrentTargetCounts => "conta il target attuale, rimodulato".to_string(),
            Notice::Period { name, date } => format!("Periodo: {name} ({date})"),
            Notice::PlanErrors { errors } => format!(
                "Il piano contiene {} ({} da perfplan check): i punteggi non tengono conto dei valori errati.",
                count(*errors, "errore", "errori"),
                if *errors == 1 { "indicato" } else { "elencati" }
            ),
            Notice::PerspectiveScore {
                strategic,
                operational,
            } => format!("punteggio: strategico {strategic} · operativo {operational}"),
            Notice::Cut { more } => format!(
                "[testo tagliato qui: {}]",
                if *more == 1 {
                    "nel piano segue ancora 1 carattere".to_string()
                } else {
                    format!("nel piano seguono altri {more} caratteri")
                }
            ),
            Notice::Days { days, figure } => {
                let unit = if days.unsigned_abs() == 1 {
                    Label::Day
                } else {
                    Label::Days
                };
                format!("{figure} {}", self.label(unit))
            }
        }
    }

    fn computation(&self, computation: &Computation) -> String {
        let result = |f: &Figures| {
            f.result
                .clone()
                .unwrap_or_else(|| "nessun risultato".into())
        };
        match computation {
            Computation::Pending => "in attesa: risultato non ancora rilevato".to_string(),
            Computation::Unscorable(why, loc) => {
                format!("non calcolabile: {}", why.say_in(Lang::It, *loc))
            }
            Computation::Met(f) => format!(
                "{} rispetta il target {}: {}",
                result(f),
                f.target,
                f.percent
            ),
            Computation::Ratio {
                numerator,
                denominator,
                figures: f,
            } => format!(
                "{numerator} / {denominator} = {} (target {} non raggiunto)",
                f.percent, f.target
            ),
            Computation::Deviation {
                result,
                target,
                divisor,
                figures: f,
            } => format!(
                "1 − |{result} − {target}| / {divisor} = {} (target {} non raggiunto)",
                f.percent, f.target
            ),
            Computation::Late {
                days,
                grace: 0,
                figures: f,
            } => format!(
                "{}: {} oltre la scadenza {}, in ritardo: {}",
                result(f),
                count(days.unsigned_abs() as usize, "giorno", "giorni"),
                f.target,
                f.percent
            ),
            Computation::Late {
                days,
                grace,
                figures: f,
            } => format!(
                "{}: {} oltre la scadenza {}: 100 − 100 × {days} / {} di tolleranza = {}",
                result(f),
                count(days.unsigned_abs() as usize, "giorno", "giorni"),
                f.target,
                count(*grace as usize, "giorno", "giorni"),
                f.percent
            ),
            Computation::Missed(f) => format!(
                "{} non rispetta il target {}: {}",
                result(f),
                f.target,
                f.percent
            ),
            Computation::Override { percent, reason } => {
                format!("realizzazione forzata al {percent}: {reason}")
            }
            Computation::NotAssessable(reason) => format!("non valutabile: {reason}"),
            Computation::Banded {
                achievement,
                band,
                from,
                to,
                fixed,
                score_from,
                score_to,
                points,
                out_of,
                percent,
            } => {
                let gives = if *fixed {
                    format!("che dà {score_from}")
                } else {
                    format!("da {score_from} a {score_to} in proporzione: {points}")
                };
                let top = match out_of {
                    Some(top) => format!(" su {top} punti = {percent}"),
                    None => format!(" = {percent}"),
                };
                format!(
                    "grado di raggiungimento {}; fascia {band} ({from} – {to} %), {gives}{top}",
                    self.computation(achievement)
                )
            }
        }
    }

    fn export_error(&self, error: &ExportError) -> String {
        match error {
            ExportError::Xlsx(e) => {
                format!("non è stato possibile creare il foglio di calcolo: {e}")
            }
            ExportError::Csv(e) => format!("non è stato possibile scrivere il CSV: {e}"),
        }
    }
}
