use super::It;
use crate::forms::Column;
use crate::forms::collect::{Entry, FormWord, Instructions};
use crate::lang::FormWords;
use crate::plan::Locale;

/// Un giorno scritto come la localizzazione scrive le date, per gli esempi.
fn sample_date(locale: Locale) -> String {
    locale.date(chrono::NaiveDate::from_ymd_opt(2017, 12, 31).expect("a real day"))
}

impl FormWords for It {
    fn form_word(&self, word: FormWord) -> &'static str {
        match word {
            FormWord::FormSheet => "Modulo",
            FormWord::InstructionsSheet => "Istruzioni",
            FormWord::Body => "Ente",
            FormWord::Plan => "Piano",
            FormWord::Year => "Anno",
            FormWord::Office => "Ufficio",
            FormWord::Responsible => "Responsabile",
            FormWord::Period => "Periodo",
            FormWord::Deadline => "Scadenza",
            FormWord::NoOffice => "Senza ufficio",
        }
    }

    fn heading(&self, column: Column) -> &'static str {
        match column {
            Column::Id => "Id",
            Column::Objective => "Obiettivo",
            Column::Description => "Descrizione",
            Column::Unit => "Unità di misura",
            Column::Target => "Target",
            Column::Baseline => "Valore di partenza",
            Column::Current => "Valore attuale",
            Column::NewResult => "Nuovo risultato",
            Column::Note => "Nota",
        }
    }

    fn entry_title(&self, entry: Entry) -> &'static str {
        match entry {
            Entry::Whole => "Un numero intero",
            Entry::Decimal => "Un numero",
            Entry::Percent => "Una percentuale",
            Entry::Date => "Una data",
            Entry::YesNo => "Sì o No",
            Entry::Free => "Il risultato",
        }
    }

    fn entry_help(&self, entry: Entry, locale: Locale) -> String {
        let d = locale.decimal_sep();
        let sep = if d == ',' { "la virgola" } else { "il punto" };
        match entry {
            Entry::Whole => {
                "Un numero intero, da 0 in su (come 12). Lascia vuoto per tenere il valore attuale."
                    .to_string()
            }
            Entry::Decimal => format!(
                "Un numero, i decimali dopo {sep} (come 2{d}5). Lascia vuoto per tenere il valore attuale."
            ),
            Entry::Percent => format!(
                "La percentuale come numero: 93 per 93 %, non 0{d}93. Lascia vuoto per tenere il valore attuale."
            ),
            Entry::Date => format!(
                "Una data, come {}. Lascia vuoto per tenere il valore attuale.",
                sample_date(locale)
            ),
            Entry::YesNo => format!(
                "{} o {}, dall'elenco. Lascia vuoto per tenere il valore attuale.",
                locale.yes_no(true),
                locale.yes_no(false)
            ),
            Entry::Free => format!(
                "Un numero, un rapporto come 79/87{d}3 o un limite come >= 95, come lo scrive il piano. Lascia vuoto per tenere il valore attuale."
            ),
        }
    }

    fn instructions(&self, i: &Instructions) -> Vec<String> {
        let d = i.locale.decimal_sep();
        let sep = if d == ',' { "la virgola" } else { "il punto" };
        let (yes, no) = (i.locale.yes_no(true), i.locale.yes_no(false));
        let period = match &i.period {
            Some(p) => format!(" al periodo \"{p}\""),
            None => " dell'anno".to_string(),
        };
        vec![
            "Come compilare il modulo".to_string(),
            format!("Il foglio \"Modulo\" elenca gli indicatori del piano della performance che il tuo ufficio misura. Per ciascuno scrivi il nuovo risultato{period} nella colonna \"Nuovo risultato\" e, se serve, una nota nella colonna \"Nota\": solo queste due colonne si possono modificare."),
            format!("Un valore per riga, nell'unità di misura dell'indicatore (la colonna \"Unità di misura\"): un conteggio come numero intero (12); un valore o un importo in euro con i decimali dopo {sep} (2{d}5); una percentuale come numero, 93 per 93 %, non 0{d}93; una data come {}; sì o no come {yes} o {no}.", sample_date(i.locale)),
            format!("Dove il piano scrive un risultato come rapporto (79/87{d}3) o come limite (>= 95), scrivilo allo stesso modo: quelle celle accettano testo."),
            "Lascia vuoto ciò che non cambi: una cella vuota mantiene il valore che il piano contiene (la colonna \"Valore attuale\"). Scrivi una nota dove un risultato va spiegato (un target mancato, un dato stimato).".to_string(),
            "Non modificare gli id né le altre colonne, e non aggiungere, togliere o rinominare i fogli. Puoi filtrare e nascondere le righe: il modulo è abbinato al piano dall'id di ciascuna riga. La nota già scritta è nella sua cella: modificala o lasciala com'è.".to_string(),
            match &i.deadline {
                Some(day) => format!("Rimanda il file al controllo di gestione entro il {day}."),
                None => "Rimanda il file al controllo di gestione.".to_string(),
            },
        ]
    }
}
