use super::{It, count};
use crate::app::dialog::{Answer, Choice, DialogKind};
use crate::app::keymap::{Context, Does, Hint, KeyName};
use crate::app::msg::{
    FieldError, FieldName, FirstRun, JournalDown, Msg, Problem, ReadOnly, RealizationText,
    ReloadProblem, Shown, StepText,
};
use crate::app::tree::Filter;
use crate::app::{Action, EditField};
use crate::export::Format;
use crate::lang::app::key;
use crate::lang::{AppWords, Lang, Question, RestoreFacts, Say, ValueKind, Word};
use crate::paths::DirError;
use crate::plan::Locale;
use crate::store::lock::LockWhy;
use crate::store::{Cause, NotAFile};

const L: Lang = Lang::It;

macro_rules! choice {
    ($key:expr, $label:expr, $answer:expr $(,)?) => {
        Choice {
            key: $key,
            label: $label,
            answer: $answer,
        }
    };
}

fn read_only_suffix(r: &Option<ReadOnly>) -> String {
    r.as_ref()
        .map_or(String::new(), |r| format!(" · {}", It.read_only(r)))
}

impl AppWords for It {
    fn word(&self, w: Word) -> &'static str {
        match w {
            Word::ReadOnlyBadge => " SOLA LETTURA ",
            Word::NoRecoveryBadge => " ⚠ SENZA RECUPERO DELLE MODIFICHE ",
            Word::UnsavedBadge => " ● non salvato ",
            Word::Strategic => "Strategico",
            Word::Operational => "Operativo",
            Word::Preview => "ANTEPRIMA",
            Word::ErrorsLeftOut => "⚠ errori esclusi ",
            Word::Provisional => " (provvisorio)",
            Word::LockNote => " · blocco visibile solo a te",
            Word::Plan => " Piano ",
            Word::NoPerspectives => "Il piano non ha ancora prospettive.",
            Word::Detail => " Dettaglio ",
            Word::PlanAsAWhole => "Il piano nel suo insieme",
            Word::Error => "Errore",
            Word::Warning => "Avvertenza",
            Word::StrategicIndicator => "Indicatore strategico",
            Word::OperationalIndicator => "Indicatore operativo",
            Word::Target => "Target",
            Word::Result => "Risultato",
            Word::Unit => "Unità",
            Word::Realization => "Realizzazione",
            Word::How => "Calcolo",
            Word::Override => "Forzatura ✎",
            Word::Note => "Nota",
            Word::Baseline => "Val. partenza",
            Word::Place => "Posizione",
            Word::ColumnWeight => "Peso",
            Word::ColumnResult => "Risultato",
            Word::ColumnTarget => "Target",
            Word::ColumnRealization => "% Realizzazione",
            Word::ColumnRealizationShort => "Realizz.",
            Word::ColumnMeasured => "Rilevati",
            Word::PendingResult => "— (in attesa)",
            Word::Pending => "in attesa",
            Word::Weight => "Peso",
            Word::StrategicObjectivesShare => "Obiettivi strategici (peso × realizzazione):",
            Word::StrategicObjective => "Obiettivo strategico ",
            Word::FlatMean => "media semplice di tutti i suoi indicatori strategici",
            Word::StrategicIndicators => "Indicatori strategici:",
            Word::OperationalObjectivesShare => "Obiettivi operativi (peso × realizzazione):",
            Word::OperationalObjective => "Obiettivo operativo ",
            Word::MeanOfOperational => "media dei suoi indicatori operativi",
            Word::StrategicIndicatorsCount => {
                "Indicatori strategici (contano per l'obiettivo strategico):"
            }
            Word::OperationalIndicators => "Indicatori operativi:",
            Word::NoteHint => "una nota per la relazione; lasciala vuota per toglierla",
            Word::OverrideHint => {
                "la realizzazione da usare al posto di quella calcolata, da 0 a 100"
            }
            Word::ReasonHint => "perché non si usa la realizzazione calcolata",
            Word::SearchTitle => " Cerca codici, identificativi e descrizioni ",
            Word::SaveAsTitle => " Salva il piano con nome ",
            Word::ExportTitle => " Esporta il riepilogo ",
            Word::FileLabel => "File: ",
            Word::ExportPendingNote => {
                "Gli indicatori in attesa sono segnalati e i punteggi indicati come provvisori."
            }
            Word::HelpTitle => "perfplan — tasti",
            Word::HelpLegend => {
                "Righe: S indicatore strategico · O indicatore operativo · ✎ realizzazione forzata · ~ provvisorio (alcuni in attesa) · ! non calcolabile · ? valore da controllare"
            }
            Word::HelpFrame => " Aiuto ",
            Word::Yours => "[tuo]  ",
            Word::FileValue => "[file] ",
            Word::AnyOtherKey => "ogni altro tasto",
            Word::TypesItself => "scrive il proprio carattere",
            Word::Keys => "Tasti",
            Word::TypeToReplace => {
                "scrivi il risultato dell'indicatore, al posto di quello che c'è (su un obiettivo, + e - aprono e chiudono tutte le righe)"
            }
            Word::EnterGoesNext => "Invio → successivo",
            Word::EnterGoesPending => "Invio → prossimo in attesa",
            Word::PasteTitle => " Incolla una colonna ",
            Word::PasteBeyond => "nessun indicatore rimasto per questo valore",
            Word::EqualShare => "quota uguale",
            Word::NotAssessable => "Non valutabile",
            Word::NotAssessableShort => "n.v.",
            Word::NotAssessableWhy => "Perché n.v.",
            Word::UnscorableShort => "non calc.",
            Word::NotAssessableHint => {
                "perché non si può valutare quest'anno: escluso dai punteggi, non in attesa; vuota: di nuovo valutabile"
            }
            Word::TargetHint => {
                "come >= 80, <= 1,5, 10 – 20, <= 31/12/2017; un numero solo tiene il confronto di prima; il target originario resta agli atti"
            }
            Word::TargetReasonHint => {
                "perché il target cambia (es. delibera di Giunta n. 45 del 15/07): la Relazione lo riporta"
            }
            Word::TargetDateHint => {
                "la data della rimodulazione (la delibera che l'approva), come 15/07/2017"
            }
            Word::Office => "Ufficio",
            Word::ImportTitle => " Importa i moduli degli uffici (un file o una cartella) ",
            Word::ImportPreviewTitle => " Moduli degli uffici: Invio inserisce, Esc annulla ",
            Word::History => "Storico",
            Word::SourceTyped => "digitato",
            Word::SourceRestore => "ripristinato",
            Word::SourceMerge => "unito",
            Word::SourceImport => "importato da",
            Word::Period => "Periodo",
            Word::Trend => "Andamento",
            Word::TargetChanged => "Rimodulato",
            Word::PasteClears => "cella vuota: il risultato viene tolto",
            Word::Copy => "copia",
            Word::WhatTheyDo => "Che cosa fanno",
        }
    }

    fn key_name(&self, k: KeyName) -> &'static str {
        match k {
            KeyName::Space => "Spazio",
            KeyName::PageUp => "PagSu",
            KeyName::PageDown => "PagGiù",
            KeyName::Home => "Inizio",
            KeyName::End => "Fine",
            KeyName::Enter => "Invio",
            KeyName::ShiftTab => "Maiusc-Tab",
            KeyName::Backspace => "⌫",
            KeyName::Delete => "Canc",
        }
    }

    fn key_help(&self, d: Does) -> &'static str {
        match d {
            Does::TreeUp => "sali di una riga",
            Does::TreeDown => "scendi di una riga",
            Does::TreePageUp => "sali di una schermata",
            Does::TreePageDown => "scendi di una schermata",
            Does::TreeTop => "vai alla prima riga",
            Does::TreeBottom => "vai all'ultima riga",
            Does::TreeExpand => "apri la riga (se è già aperta: vai alla prima riga interna)",
            Does::TreeCollapse => "chiudi la riga (se è già chiusa: vai alla riga che la contiene)",
            Does::TreeToggle => "apri o chiudi la riga",
            Does::TreeExpandAll => "apri tutte le righe",
            Does::TreeCollapseAll => "chiudi tutte le righe fino alle prospettive",
            Does::TreeEditResult => {
                "inserisci il risultato dell'indicatore (su un obiettivo: aprilo o chiudilo)"
            }
            Does::TreeEditOverride => {
                "imposta o togli una forzatura della realizzazione, con la motivazione"
            }
            Does::TreeEditNote => "scrivi una nota sull'indicatore",
            Does::TreeNotAssessable => {
                "segna l'indicatore come non valutabile quest'anno, con la motivazione (vuota: di nuovo valutabile)"
            }
            Does::TreeNextPending => "vai al prossimo indicatore in attesa",
            Does::TreePrevPending => "vai all'indicatore in attesa precedente",
            Does::TreeSearch => "cerca codici, identificativi e descrizioni",
            Does::TreeNextMatch => "vai alla corrispondenza successiva della ricerca",
            Does::TreePrevMatch => "vai alla corrispondenza precedente della ricerca",
            Does::TreeCycleFilter => {
                "filtro: tutti → in attesa → sotto il target → con forzatura → ogni ufficio (se il piano ne indica)"
            }
            Does::TreeChangeTarget => {
                "cambia il target dell'anno (rimodulazione): chiede data e motivazione, conserva il target originario"
            }
            Does::TreeNextPeriod => "mostra il periodo di monitoraggio successivo",
            Does::TreePrevPeriod => "mostra il periodo di monitoraggio precedente",
            Does::TreeToggleEnterMoves => {
                "dopo un risultato, Invio va all'indicatore successivo o al prossimo in attesa"
            }
            Does::FieldConfirmAndNext => {
                "conferma e scrivi il risultato dell'indicatore successivo"
            }
            Does::FieldConfirmAndPrev => {
                "conferma e scrivi il risultato dell'indicatore precedente"
            }
            Does::PasteDown => "scorri in giù",
            Does::PasteUp => "scorri in su",
            Does::PasteSubmit => "inserisci tutti i valori (un solo passo, che un annulla toglie)",
            Does::PasteSkip => "inserisci i valori leggibili e lascia fuori gli altri",
            Does::PasteCancel => "chiudi senza cambiare nulla",
            Does::TreeNextFinding => "vai all'errore o all'avvertenza successiva della verifica",
            Does::TreeUndo => "annulla l'ultima modifica",
            Does::TreeRedo => "ripristina la modifica annullata",
            Does::TreeSave => "salva il piano nel suo file",
            Does::TreeSaveAs => "salva il piano con un altro nome",
            Does::TreeExport => "esporta il riepilogo (XLSX, CSV, Markdown, HTML)",
            Does::TreeImport => {
                "importa i moduli degli uffici (un file o una cartella): mostra cosa cambia, poi lo inserisce"
            }
            Does::TreeHelp => "mostra questo aiuto",
            Does::TreeQuit => "esci (chiede prima se ci sono modifiche non salvate)",
            Does::FieldSubmit => "conferma quanto scritto",
            Does::FieldCancel => "chiudi il campo: resta il valore precedente",
            Does::FieldBackspace => "cancella il carattere prima del cursore",
            Does::FieldDelete => "cancella il carattere sotto il cursore",
            Does::FieldDeleteWord => "cancella la parola prima del cursore",
            Does::FieldClear => "svuota il campo (senza risultato l'indicatore è in attesa)",
            Does::FieldLeft => "cursore a sinistra",
            Does::FieldRight => "cursore a destra",
            Does::FieldHome => "cursore all'inizio",
            Does::FieldEnd => "cursore alla fine",
            Does::DialogDialogPrev => "scelta precedente",
            Does::DialogDialogNext => "scelta successiva",
            Does::DialogSubmit => "conferma la scelta (o premi la sua lettera tra [ ])",
            Does::DialogCancel => "chiudi la finestra senza cambiare nulla",
            Does::RestoreUp => "campo precedente modificato anche nel file",
            Does::RestoreDown => "campo successivo modificato anche nel file",
            Does::RestoreToggle => {
                "prendi il tuo valore per questo campo, o mantieni quello del file"
            }
            Does::RestoreTakeAllMine => "prendi il tuo valore per tutti i campi elencati",
            Does::RestoreKeepAllFile => "mantieni il valore del file per tutti i campi elencati",
            Does::RestoreSubmit => {
                "ripristina le modifiche (con le scelte fatte per i campi elencati)"
            }
            Does::RestoreDropRecovered => {
                "scarta tutte le modifiche non salvate della sessione precedente"
            }
            Does::RestoreCancel => {
                "nessun effetto: la domanda resta finché non ripristini o scarti"
            }
            Does::ExportDialogNext => "formato successivo",
            Does::ExportDialogPrev => "formato precedente",
            Does::ExportSubmit => "scrivi il file",
            Does::ExportCancel => "chiudi la finestra senza scrivere nulla",
            Does::HelpDown => "scorri in giù",
            Does::HelpUp => "scorri in su",
            Does::HelpCancel => "chiudi l'aiuto",
        }
    }

    fn key_hint(&self, h: Hint) -> &'static str {
        match h {
            Hint::Result => "risultato",
            Hint::NextPending => "prossimo in attesa",
            Hint::Search => "cerca",
            Hint::Filter => "filtro",
            Hint::Undo => "annulla",
            Hint::Save => "salva",
            Hint::Export => "esporta",
            Hint::Help => "aiuto",
            Hint::Quit => "esci",
            Hint::ConfirmNext => "successivo",
            Hint::PutIn => "inserisci",
            Hint::Skip => "salta i non leggibili",
            Hint::Confirm => "conferma",
            Hint::Cancel => "chiudi",
            Hint::Choose => "scegli",
            Hint::YoursOrFile => "tuo/del file",
            Hint::AllYours => "tutti tuoi",
            Hint::AllFile => "tutti del file",
            Hint::Restore => "ripristina",
            Hint::Drop => "scarta",
            Hint::Format => "formato",
            Hint::Close => "chiudi",
        }
    }

    fn context_title(&self, c: Context) -> &'static str {
        match c {
            Context::Tree => "Nell'albero del piano",
            Context::Field => "Mentre scrivi in un campo",
            Context::Dialog => "In una finestra di scelta",
            Context::Restore => {
                "Nel ripristino delle modifiche non salvate dopo una chiusura imprevista"
            }
            Context::Export => "Nella finestra di esportazione (con i tasti dei campi qui sopra)",
            Context::Paste => "Quando incolli una colonna di risultati",
            Context::Help => "In questo aiuto",
        }
    }

    fn filter(&self, f: &Filter) -> String {
        match f {
            Filter::All => "tutti".into(),
            Filter::Pending => "in attesa".into(),
            Filter::BelowTarget => "sotto il target".into(),
            Filter::Overridden => "con forzatura".into(),
            Filter::Office(name) => format!("ufficio «{name}»"),
            Filter::NoOffice => "senza ufficio".into(),
        }
    }

    fn format_name(&self, f: Format) -> &'static str {
        match f {
            Format::Xlsx => "XLSX (Excel, LibreOffice)",
            Format::Csv => "CSV (una riga per indicatore)",
            Format::Md => "Markdown (per la relazione)",
            Format::Html => "HTML (una pagina da stampare)",
        }
    }

    fn field_label(&self, f: EditField) -> &'static str {
        match f {
            EditField::Result => "Risultato",
            EditField::Note => "Nota",
            EditField::OverrideRealization => {
                "Realizzazione forzata (%; lascia vuoto per togliere la forzatura)"
            }
            EditField::OverrideReason => "Motivazione della forzatura (obbligatoria)",
            EditField::NotAssessableReason => {
                "Non valutabile: motivazione (vuota: di nuovo valutabile)"
            }
            EditField::Target => "Nuovo target dell'anno",
            EditField::TargetDate => "Data della rimodulazione",
            EditField::TargetReason => "Motivazione della rimodulazione (obbligatoria)",
        }
    }

    fn field_name(&self, f: FieldName) -> &'static str {
        match f {
            FieldName::Result => "risultato",
            FieldName::Override => "forzatura",
            FieldName::Note => "nota",
            FieldName::NotAssessable => "non valutabile",
            FieldName::Target => "target",
            FieldName::TargetChanges => "rimodulazioni del target",
        }
    }

    fn value_hint(&self, kind: ValueKind, locale: Locale) -> &'static str {
        match (kind, locale) {
            (ValueKind::Date, Locale::It) => "una data: 31/12/2017 o 2017-12-31",
            (ValueKind::Date, Locale::En) => "una data: 2017-12-31 o 31/12/2017",
            (ValueKind::Percent, Locale::It) => {
                "una percentuale: 93, 93% o 2,5; un rapporto 79/87,3; un limite >= 95"
            }
            (ValueKind::Percent, Locale::En) => {
                "una percentuale: 93, 93% o 2.5; un rapporto 79/87.3; un limite >= 95"
            }
            (ValueKind::Number, Locale::It) => {
                "un numero: 2,03 o 1.000 (mille); un rapporto 79/87,3; un limite >= 95"
            }
            (ValueKind::Number, Locale::En) => {
                "un numero: 2.03 o 1,000 (mille); un rapporto 79/87.3; un limite >= 95"
            }
            (ValueKind::YesNo, Locale::It) => "sì o no: Sì o No",
            (ValueKind::YesNo, Locale::En) => "sì o no: Yes o No",
        }
    }

    fn value_hint_keys(&self, confirm: &str, cancel: &str, left: &str, right: &str) -> String {
        format!(
            "ciò che scrivi sostituisce il valore, {left} {right} per correggerlo · vuoto: in attesa · {confirm} conferma · {cancel} lascia il valore precedente"
        )
    }

    fn msg(&self, m: &Msg) -> String {
        match m {
            Msg::Empty => String::new(),
            Msg::Opened { indicators } => format!(
                "{} · premi {} per l'aiuto",
                count(*indicators, "indicatore", "indicatori"),
                key(Context::Tree, Action::Help, L)
            ),
            Msg::OpenedWithFindings { errors, warnings } => {
                let mut what = Vec::new();
                if *errors > 0 {
                    what.push(count(*errors, "errore", "errori"));
                }
                if *warnings > 0 {
                    what.push(count(*warnings, "avvertenza", "avvertenze"));
                }
                // The pronoun agrees with what is found: masculine as soon as an error is.
                let (there, them) = match (errors + warnings, *errors > 0) {
                    (1, true) => ("c'è", "vederlo"),
                    (1, false) => ("c'è", "vederla"),
                    (_, true) => ("ci sono", "vederli uno alla volta"),
                    (_, false) => ("ci sono", "vederle una alla volta"),
                };
                format!(
                    "Nel piano {there} {}: premi {} per {them}; {} per l'aiuto",
                    what.join(" e "),
                    key(Context::Tree, Action::NextFinding, L),
                    key(Context::Tree, Action::Help, L)
                )
            }
            Msg::FirstRun(FirstRun::Copied(p)) => format!(
                "Primo avvio: una copia del piano di esempio (CCIAA Massa-Carrara 2017) si trova in {}",
                p.display()
            ),
            Msg::FirstRun(FirstRun::Kept(p)) => {
                format!("Aperto il piano di esempio conservato in {}", p.display())
            }
            Msg::OpenedReadOnly(r) => format!(
                "{}. Puoi consultarlo e salvarne una copia con {}.",
                self.read_only(r),
                key(Context::Tree, Action::SaveAs, L)
            ),
            Msg::AlreadySaved { changes } => {
                if *changes == 1 {
                    "La modifica rimasta nel registro di recupero era già nel file".into()
                } else {
                    format!(
                        "Le {changes} modifiche rimaste nel registro di recupero erano già nel file"
                    )
                }
            }
            Msg::JournalUnreadable { records } => format!(
                "{} del registro di recupero non {}; non restava altro da ripristinare",
                count(*records, "record", "record"),
                if *records == 1 {
                    "è leggibile (troncato o danneggiato)"
                } else {
                    "sono leggibili (troncati o danneggiati)"
                }
            ),
            Msg::SelectIndicatorFirst => {
                "Seleziona prima un indicatore: risultati, note e forzature riguardano solo gli indicatori"
                    .into()
            }
            Msg::NoChangeReadOnly(r) => {
                format!("{}; qui non si può modificare nulla", self.read_only(r))
            }
            Msg::NoSaveReadOnly(r) => format!(
                "{}. Per salvarlo con un altro nome premi {}.",
                self.read_only(r),
                key(Context::Tree, Action::SaveAs, L)
            ),
            Msg::Cancelled => "Chiuso senza cambiare nulla".into(),
            Msg::ValueKept => "Campo chiuso: il valore è rimasto com'era".into(),
            Msg::NoChange => "Nessuna modifica".into(),
            Msg::Changed { step, realization } => {
                let r = match realization {
                    RealizationText::Percent(p) => p.clone(),
                    RealizationText::Pending => "in attesa".into(),
                    RealizationText::NotAssessable => "non valutabile".into(),
                    RealizationText::Unscorable => "non calcolabile".into(),
                };
                format!("{} · realizzazione {r}", self.step(step))
            }
            Msg::Undone(s) => format!("Annullato: {}", self.step(s)),
            Msg::Redone(s) => format!("Ripristinato: {}", self.step(s)),
            Msg::NothingToUndo => "Niente da annullare".into(),
            Msg::NothingToRedo => "Niente da ripristinare".into(),
            Msg::FilterSet { filter, shown } => format!(
                "Filtro: {} ({} {}; {} per il filtro successivo)",
                self.filter(filter),
                count(*shown, "indicatore", "indicatori"),
                if *shown == 1 { "mostrato" } else { "mostrati" },
                key(Context::Tree, Action::CycleFilter, L)
            ),
            Msg::PendingAt { id, pending } => {
                format!("Indicatore in attesa {id} ({pending} in attesa in totale)")
            }
            Msg::PendingHidden { hidden, filter } => format!(
                "{} in attesa, {} dal filtro «{}»: premi {} per cambiarlo",
                count(*hidden, "indicatore", "indicatori"),
                if *hidden == 1 { "nascosto" } else { "nascosti" },
                self.filter(filter),
                key(Context::Tree, Action::CycleFilter, L)
            ),
            Msg::NoPending => {
                "Nessun indicatore in attesa: tutti i risultati sono inseriti.".into()
            }
            Msg::NoPendingLeft { filtered: false } => {
                "Risultato inserito; non resta nessun altro indicatore in attesa".into()
            }
            Msg::NoPendingLeft { filtered: true } => {
                "Risultato inserito; tra quelli del filtro non resta nessun altro indicatore in attesa".into()
            }
            Msg::PeriodShown { name, date, index, count } => {
                format!("Periodo {index} di {count}: {name} ({date}); un risultato scritto ora va a questo periodo")
            }
            Msg::NoPeriods => {
                "Il piano non ha periodi di monitoraggio: aggiungili in `periods` (vedi plans/README.md)".into()
            }
            Msg::NoForms(path) => format!(
                "Nessun modulo in {}: indica un file .xlsx o .csv, o una cartella che ne contiene",
                path.display()
            ),
            Msg::ImportHasProblems { problems } => format!(
                "Non si inserisce nulla: {} da correggere nei moduli (elencati qui); Esc per chiudere",
                count(*problems, "riga o file", "righe o file")
            ),
            Msg::Imported { changes, conflicts } => format!(
                "Inseriti {} dai moduli (u annulla){}",
                count(*changes, "valore", "valori"),
                if *conflicts > 0 {
                    format!("; {} non inseriti: il piano è cambiato da quando i moduli sono stati scritti", count(*conflicts, "conflitto", "conflitti"))
                } else {
                    String::new()
                }
            ),
            Msg::EnterMoves { to_pending: false } => "Dopo un risultato, Invio va all'indicatore successivo".into(),
            Msg::EnterMoves { to_pending: true } => "Dopo un risultato, Invio va al prossimo indicatore in attesa".into(),
            Msg::Pasted { changes, skipped } => {
                let mut msg = if *changes == 1 {
                    "Incollato 1 valore".to_string()
                } else {
                    format!("Incollati {changes} valori")
                };
                if *skipped > 0 {
                    msg.push_str(&format!(" · esclusi: {}", count(*skipped, "riga", "righe")));
                }
                msg
            }
            Msg::PasteUnreadable { unreadable } => {
                let skip = key(Context::Paste, Action::SkipUnreadable, L);
                if *unreadable == 1 {
                    format!("1 riga non si può leggere: correggila, o premi {skip} per lasciarla fuori")
                } else {
                    format!(
                        "{unreadable} righe non si possono leggere: correggile, o premi {skip} per lasciarle fuori"
                    )
                }
            }
            Msg::NoteRequired {
                realization,
                fair,
                more,
            } => {
                let more = match more {
                    0 => String::new(),
                    1 => " (ancora 1 dopo questa)".into(),
                    n => format!(" (ancora {n} dopo questa)"),
                };
                format!("Realizzazione {realization}, sotto la soglia di sufficienza (`fair`, {fair} %): il piano chiede una nota che ne spieghi il motivo{more}")
            }
            Msg::NoFindings => "Nessun errore e nessuna avvertenza nel piano.".into(),
            Msg::FindingAt {
                finding,
                index,
                count,
            } => format!("{} ({index} di {count})", finding.say(L)),
            Msg::NoSearchYet => format!(
                "Nessuna ricerca in corso: premi {} per cercare",
                key(Context::Tree, Action::Search, L)
            ),
            Msg::NoMatch { query } => format!("Nessuna corrispondenza per «{query}»"),
            Msg::MatchAt {
                index,
                count,
                query,
            } => format!(
                "Corrispondenza {index} di {count} per «{query}» ({} successiva, {} precedente)",
                key(Context::Tree, Action::NextMatch, L),
                key(Context::Tree, Action::PrevMatch, L)
            ),
            Msg::SearchCleared => "Ricerca cancellata".into(),
            Msg::SearchCancelled => "Ricerca chiusa".into(),
            Msg::Saved {
                path,
                layout_lost,
                overwritten,
                read_only,
                audit_failed,
            } => {
                let mut msg = format!("Piano salvato in {}", path.display());
                if *layout_lost {
                    msg.push_str(
                        " · non è stato possibile mantenere l'impaginazione del file, che ora segue quella di perfplan",
                    );
                }
                if let Some(p) = overwritten {
                    msg.push_str(&format!(
                        " · la versione sostituita è conservata in {}",
                        p.display()
                    ));
                }
                if let Some((log, cause)) = audit_failed {
                    msg.push_str(&format!(" · ma il registro delle modifiche {} non è stato scritto: {}", log.display(), self.cause(cause)));
                }
                msg + &read_only_suffix(read_only)
            }
            Msg::NotSaved(p) => format!(
                "Non salvato: {}; {}. Le tue modifiche sono ancora qui.",
                self.problem(p),
                self.save_advice(p)
            ),
            Msg::Reloaded {
                mine,
                aside,
                theirs,
                read_only,
            } => {
                let mut msg = match mine {
                    Some(p) => format!(
                        "Ora è mostrata l'altra versione; la tua è conservata in {}",
                        p.display()
                    ),
                    None => "Piano riletto dal file".to_string(),
                };
                if let Some(p) = aside {
                    msg.push_str(&format!(
                        "; le tue modifiche non salvate sono conservate in {}",
                        p.display()
                    ));
                }
                if let Some(p) = theirs {
                    msg.push_str(&format!(
                        "; un'ulteriore versione trovata nel frattempo è conservata in {}",
                        p.display()
                    ));
                }
                msg + &read_only_suffix(read_only)
            }
            Msg::NotReloaded { why, aside } => format!(
                "Piano non riletto: {}. Le tue modifiche sono ancora qui{}",
                self.reload_problem(why),
                aside
                    .as_ref()
                    .map_or(String::new(), |p| format!(" (e in {})", p.display()))
            ),
            Msg::Exported {
                format,
                path,
                replaced,
                provisional,
            } => {
                let mut msg = format!(
                    "Riepilogo {} esportato in {}",
                    format.extension().to_uppercase(),
                    path.display()
                );
                if *replaced {
                    msg.push_str(" (al posto del file esistente)");
                }
                if let Some((measured, total)) = provisional {
                    let pending = total - measured;
                    msg.push_str(&format!(
                        " · Punteggi provvisori: {} su {total} {} ancora in attesa; il calcolo si basa solo su {}.",
                        count(pending, "indicatore", "indicatori"),
                        if pending == 1 { "è" } else { "sono" },
                        count(*measured, "indicatore rilevato", "indicatori rilevati")
                    ));
                }
                msg
            }
            Msg::ExportCancelled => "Nessuna esportazione: finestra chiusa".into(),
            Msg::NotExported(p) => format!(
                "Non esportato: {}; scegli un altro file o un'altra cartella",
                self.problem(p)
            ),
            Msg::JournalNotCleared(j) => format!(
                "Non è stato possibile svuotare il registro di recupero ({}): le sue modifiche saranno proposte di nuovo alla prossima apertura del piano",
                self.journal_down(j)
            ),
            Msg::KeptMine { theirs } => format!(
                "Tenuta la tua versione; l'altra resta in {}",
                theirs
                    .as_deref()
                    .map_or(String::new(), |p| p.display().to_string())
            ),
            Msg::NoCrashRecovery => {
                "Le modifiche non sono protette dal registro di recupero: salva spesso".into()
            }
            Msg::Dropped { changes } => format!(
                "{} della sessione precedente: il piano è come l'hai salvato l'ultima volta",
                if *changes == 1 {
                    "Scartata 1 modifica non salvata".to_string()
                } else {
                    format!("Scartate {changes} modifiche non salvate")
                }
            ),
            Msg::NotApplied { changes } => {
                if *changes == 1 {
                    "La tua modifica non è stata applicata: l'altra versione è mostrata così com'è"
                        .into()
                } else {
                    format!(
                        "Le tue {changes} modifiche non sono state applicate: l'altra versione è mostrata così com'è"
                    )
                }
            }
            Msg::ChooseRestoreOrDrop => format!(
                "Premi {} per ripristinare le modifiche non salvate o {} per scartarle",
                key(Context::Restore, Action::Submit, L),
                key(Context::Restore, Action::DropRecovered, L)
            ),
            Msg::Restored {
                applied,
                kept,
                left_out,
            } => {
                let mut msg = match applied {
                    0 => "Nessuna modifica ripristinata: restano i valori del file".to_string(),
                    1 => "Ripristinata 1 modifica; salva per conservarla".to_string(),
                    n => format!("Ripristinate {n} modifiche; salva per conservarle"),
                };
                if *kept > 0 {
                    msg.push_str(&format!(
                        " · {} anche nel file: resta il valore del file",
                        if *kept == 1 {
                            "1 campo modificato".to_string()
                        } else {
                            format!("{kept} campi modificati")
                        }
                    ));
                }
                if !left_out.is_empty() {
                    msg.push_str(&format!(" · esclusi: {}", left_out.join(", ")));
                }
                msg
            }
        }
    }

    fn field_error(&self, e: &FieldError) -> String {
        match e {
            FieldError::Parse(p) => p.say(L),
            FieldError::NotWholeCount { unit } => match unit {
                // A count of the plan's own things: "un conteggio di testate".
                crate::plan::Unit::Label(l) => {
                    format!("un conteggio di {l} è un numero intero non negativo, come 12")
                }
                _ => "un conteggio è un numero intero non negativo, come 12".into(),
            },
            FieldError::PercentAsFraction { meant } => format!(
                "una percentuale tra 0 e 1: intendevi {meant} %? Incollala come {meant}"
            ),
            FieldError::RealizationOutOfRange => {
                "la realizzazione deve essere compresa tra 0 e 100 %".into()
            }
            FieldError::ReasonNeeded => {
                "una forzatura richiede la motivazione: scrivi perché non si usa la realizzazione calcolata"
                    .into()
            }
            FieldError::TargetReasonNeeded => {
                "una rimodulazione del target richiede la motivazione: la Relazione la riporta".into()
            }
            FieldError::NoFileName => "scrivi il nome di un file".into(),
            FieldError::NoExportPath => "scrivi dove salvare il file".into(),
            FieldError::Value { error, locale } => error.say_in(L, *locale),
        }
    }

    fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::NoFolder { dir, gone: true } => format!(
                "la cartella {} non c'è più (spostata, eliminata o scollegata)",
                dir.display()
            ),
            Problem::NoFolder { dir, gone: false } => {
                format!("la cartella {} non esiste", dir.display())
            }
            Problem::NotWritable { dir, cause } => format!(
                "in {} non hai il permesso di scrivere ({})",
                dir.display(),
                self.cause(cause)
            ),
            Problem::Full { dir } => format!("il disco è pieno ({})", dir.display()),
            Problem::NotAFile { path, what } => {
                format!("{} è {}", path.display(), self.not_a_file(*what))
            }
            Problem::IsThePlan { path } => format!("{} è il piano stesso", path.display()),
            Problem::OpenElsewhere { path } => {
                format!("un altro perfplan ha aperto {}", path.display())
            }
            Problem::ReadOnly => {
                "un altro perfplan ha aperto questo piano, quindi qui è in sola lettura".into()
            }
            Problem::Unreadable { path, cause } => format!(
                "non si può leggere {} per confrontarlo con quello aperto ({})",
                path.display(),
                self.cause(cause)
            ),
            Problem::Changed { path } => format!(
                "{} è stato modificato da un altro programma mentre veniva scritto",
                path.display()
            ),
            Problem::Render(e) => e.0.say(L),
            Problem::Other { dir, cause } => format!(
                "non si può scrivere in {}: {}",
                dir.display(),
                self.cause(cause)
            ),
        }
    }

    fn save_advice(&self, p: &Problem) -> &'static str {
        match p {
            Problem::NotWritable { .. } | Problem::ReadOnly => {
                "salvalo con un altro nome in una cartella in cui puoi scrivere"
            }
            Problem::Full { .. } => "libera spazio, o salvalo con un altro nome su un altro disco",
            Problem::NoFolder { .. } => "salvalo con un altro nome",
            Problem::IsThePlan { .. } => "scegli un altro nome",
            Problem::OpenElsewhere { .. } => "scegli un altro nome, o chiudi l'altro perfplan",
            Problem::NotAFile { .. }
            | Problem::Unreadable { .. }
            | Problem::Changed { .. }
            | Problem::Render(_)
            | Problem::Other { .. } => {
                "sul disco non è cambiato nulla; riprova, o salvalo con un altro nome"
            }
        }
    }

    fn read_only(&self, r: &ReadOnly) -> String {
        match r {
            ReadOnly::Elsewhere => "Sola lettura: un altro perfplan ha aperto questo piano".into(),
            ReadOnly::Unlockable(why) => format!(
                "Sola lettura: il piano non si può bloccare contro le modifiche di altri ({})",
                self.lock_why(why)
            ),
        }
    }

    fn lock_why(&self, w: &LockWhy) -> String {
        match w {
            LockWhy::NothingLockable(c) => format!(
                "non si possono bloccare né il file del piano ({}) né un file di blocco accanto al piano o nella cartella di stato di perfplan",
                self.cause(c)
            ),
            LockWhy::NoLockFile => {
                "non si può creare un file di blocco accanto al piano né nella cartella di stato di perfplan"
                    .into()
            }
            LockWhy::Failed(c) => self.cause(c),
        }
    }

    fn cause(&self, c: &Cause) -> String {
        use std::io::ErrorKind as K;
        let said = match c.kind {
            K::NotFound => "non trovato",
            K::PermissionDenied => "permesso negato",
            K::ReadOnlyFilesystem => "disco in sola lettura",
            K::StorageFull => "spazio su disco esaurito",
            K::QuotaExceeded => "quota del disco superata",
            K::AlreadyExists => "esiste già",
            K::IsADirectory => "è una cartella",
            K::NotADirectory => "una parte del percorso non è una cartella",
            K::InvalidFilename => "nome di file non valido",
            K::Unsupported => "operazione non supportata da questo disco",
            K::WouldBlock => "in uso da un altro programma",
            K::ResourceBusy => "il file continua a essere sostituito da un altro programma",
            K::Interrupted => "interrotto",
            K::TimedOut => "tempo scaduto",
            K::CrossesDevices => "il file è su un altro disco",
            K::DirectoryNotEmpty => "la cartella non è vuota",
            // Kinds without words of their own: the system's text, as it said it.
            _ => return c.os.clone(),
        };
        said.to_string()
    }

    fn not_a_file(&self, n: NotAFile) -> &'static str {
        match n {
            NotAFile::Folder => "una cartella, non un file",
            NotAFile::Pipe => "una pipe (FIFO), non un file",
            NotAFile::Device => "un dispositivo, non un file",
            NotAFile::Socket => "un socket, non un file",
            NotAFile::DanglingLink => "un collegamento a un file che non esiste",
            NotAFile::Other => "qualcosa che non è un file normale",
        }
    }

    fn journal_down(&self, j: &JournalDown) -> String {
        match j {
            JournalDown::NoFolder => "perfplan non ha una cartella propria in cui tenerlo".into(),
            JournalDown::Io { path, cause } => {
                format!("{}: {}", path.display(), self.cause(cause))
            }
        }
    }

    fn reload_problem(&self, r: &ReloadProblem) -> String {
        match r {
            ReloadProblem::AsideFailed(p) => format!(
                "non è stato possibile mettere da parte le tue modifiche non salvate ({})",
                self.problem(p)
            ),
            ReloadProblem::TheirsUnreadable { path, cause } => {
                format!(
                    "non si può leggere {} ({})",
                    path.display(),
                    self.cause(cause)
                )
            }
            ReloadProblem::TheirsDoesNotLoad(e) => format!(
                "l'altra versione non si apre, quindi il piano resta com'è: {}",
                e.0.say(L)
            ),
            ReloadProblem::MineNotKept(p) => format!(
                "non è stato possibile mettere da parte la tua versione ({}); non è cambiato nulla",
                self.problem(p)
            ),
            ReloadProblem::TheirsNotPut(p) => format!(
                "non è stato possibile mettere l'altra versione al posto del piano ({})",
                self.problem(p)
            ),
            ReloadProblem::Load(e) => e.0.say(L),
        }
    }

    fn dir_error(&self, e: &DirError) -> String {
        match (&e.path, &e.cause) {
            (Some(p), Some(c)) => format!(
                "non si può creare la cartella di perfplan {} ({}); imposta PERFPLAN_DATA_DIR su una cartella in cui puoi scrivere",
                p.display(),
                self.cause(c)
            ),
            _ => "non è stata trovata la cartella personale (la variabile HOME è impostata?) in cui tenere i file di perfplan; imposta PERFPLAN_DATA_DIR su una cartella in cui puoi scrivere".into(),
        }
    }

    fn step(&self, s: &StepText) -> String {
        match s {
            StepText::Result { id, old, new } => format!(
                "risultato di {id}: {} → {}",
                self.shown(old),
                self.shown(new)
            ),
            StepText::Note { id, written } => format!(
                "nota di {id}: {}",
                if *written { "scritta" } else { "tolta" }
            ),
            StepText::Target { id, old, new } => format!(
                "target di {id}: {} → {} (il target originario resta agli atti)",
                self.shown(old),
                self.shown(new)
            ),
            StepText::NotAssessable { id, marked: true } => {
                format!("{id} segnato come non valutabile: escluso dai punteggi")
            }
            StepText::NotAssessable { id, marked: false } => {
                format!("{id} di nuovo valutabile")
            }
            StepText::Override {
                id,
                percent: Some(p),
            } => format!("forzatura di {id}: {p}"),
            StepText::Override { id, percent: None } => format!("forzatura di {id}: tolta"),
            StepText::Restored { changes } => match changes {
                1 => "1 modifica ripristinata dal registro di recupero".into(),
                n => format!("{n} modifiche ripristinate dal registro di recupero"),
            },
            StepText::Changes { changes } => count(*changes, "modifica", "modifiche"),
        }
    }

    fn shown(&self, s: &Shown) -> String {
        match s {
            Shown::Pending => "in attesa".into(),
            Shown::Nothing => "nessuna".into(),
            Shown::Value(v) => v.clone(),
            Shown::Override { percent, reason } => format!("{percent} ({reason})"),
            Shown::Note(n) => format!("«{n}»"),
        }
    }

    fn dialog_title(&self, k: DialogKind) -> &'static str {
        match k {
            DialogKind::Quit => "Modifiche non salvate",
            DialogKind::Conflict => "Il piano è stato modificato da un altro programma",
            DialogKind::ReplaceFile | DialogKind::ReplaceExport => "Il file esiste già",
            DialogKind::DraftExport => "Il piano contiene errori",
            DialogKind::Theirs => "Trovata un'altra versione durante il salvataggio",
            DialogKind::PercentFraction => "Una percentuale tra 0 e 1",
            DialogKind::NoJournal | DialogKind::JournalFailed => {
                "Registro di recupero non disponibile"
            }
        }
    }

    fn dialog_choices(&self, k: DialogKind) -> &'static [Choice] {
        match k {
            DialogKind::ReplaceFile => &[
                choice!('s', "Sostituiscilo con questo piano", Answer::Overwrite),
                choice!('i', "Indietro, senza fare nulla", Answer::Cancel),
            ],
            DialogKind::ReplaceExport => &[
                choice!('s', "Sostituiscilo con l'esportazione", Answer::Overwrite),
                choice!('i', "Indietro, senza fare nulla", Answer::Cancel),
            ],
            DialogKind::DraftExport => &[
                choice!(
                    'b',
                    "Esporta una bozza (segnalata come tale, con gli errori elencati)",
                    Answer::Draft,
                ),
                choice!('i', "Indietro, senza fare nulla", Answer::Cancel),
            ],
            DialogKind::Quit => &[
                choice!('s', "Salva ed esci", Answer::Save),
                choice!('n', "Esci senza salvare", Answer::Discard),
                choice!('i', "Indietro, senza fare nulla", Answer::Cancel),
            ],
            DialogKind::Conflict => &[
                choice!(
                    'u',
                    "Unisci: rileggi l'altra versione e applica di nuovo le tue modifiche (con l'elenco dei campi modificati da entrambi)",
                    Answer::Merge,
                ),
                choice!(
                    'r',
                    "Rileggi l'altra versione (le tue modifiche sono messe da parte)",
                    Answer::Reload,
                ),
                choice!(
                    'o',
                    "Sovrascrivi con la tua (l'altra è conservata accanto al piano)",
                    Answer::Overwrite,
                ),
                choice!('c', "Salva con un altro nome", Answer::SaveAs),
                choice!('i', "Indietro, senza fare nulla", Answer::Cancel),
            ],
            DialogKind::Theirs => &[
                choice!(
                    't',
                    "Tieni la tua (l'altra resta nel file indicato sopra)",
                    Answer::KeepMine,
                ),
                choice!(
                    'p',
                    "Prendi l'altra (la tua è conservata accanto al piano)",
                    Answer::TakeTheirs,
                ),
            ],
            DialogKind::NoJournal => &[
                choice!(
                    'c',
                    "Continua senza recupero delle modifiche",
                    Answer::Continue
                ),
                choice!('e', "Esci", Answer::Quit),
            ],
            DialogKind::PercentFraction => &[
                choice!('c', "Correggi: il valore per 100", Answer::Hundredfold),
                choice!('t', "Tieni il valore scritto", Answer::AsTyped),
                choice!('i', "Indietro, al campo", Answer::Cancel),
            ],
            DialogKind::JournalFailed => &[
                choice!(
                    'c',
                    "Continua senza recupero delle modifiche",
                    Answer::Continue
                ),
                choice!('s', "Salva ora", Answer::Save),
            ],
        }
    }

    fn dialog_question(&self, q: &Question) -> String {
        let path = q
            .path
            .as_deref()
            .map_or(String::new(), |p| p.display().to_string());
        let down = q
            .journal_down
            .as_ref()
            .map_or(String::new(), |j| self.journal_down(j));
        match q.kind {
            DialogKind::Quit => {
                "Il piano ha modifiche non salvate. Vuoi salvarle prima di uscire?".into()
            }
            DialogKind::Conflict => {
                "Il piano è stato modificato da un altro programma, o rimosso, dopo che perfplan \
                 lo ha aperto (un altro editor, un git pull, una sincronizzazione). Se salvi ora, \
                 quelle modifiche vanno perse."
                    .into()
            }
            DialogKind::ReplaceFile => format!(
                "{path} esiste già. Vuoi sostituirlo con questo piano? (Il contenuto precedente è conservato accanto, in un file .bak.)"
            ),
            DialogKind::DraftExport => format!(
                "Nel piano {} {}, e i punteggi escludono i valori errati. Se esporti ora, ottieni una bozza: ogni formato lo dichiara all'inizio ed elenca gli errori. ({} porta a ciascun errore.)",
                if q.errors == 1 { "c'è" } else { "ci sono" },
                count(q.errors, "errore", "errori"),
                key(Context::Tree, Action::NextFinding, L)
            ),
            DialogKind::ReplaceExport => format!(
                "{path} esiste già. Vuoi sostituirlo con l'esportazione? (Il contenuto precedente non viene conservato.)"
            ),
            DialogKind::Theirs => format!(
                "Il tuo piano è salvato. Durante il salvataggio un altro programma o un'altra persona ha messo nel file la propria versione del piano; quella versione è conservata in {path}."
            ),
            DialogKind::NoJournal => format!(
                "Il registro di recupero non si può scrivere ({down}). Se perfplan o il computer si fermano prima che tu salvi, le modifiche vanno perse. Per riavere il registro, libera spazio in quella cartella o imposta PERFPLAN_STATE_DIR (o PERFPLAN_DATA_DIR) su una cartella in cui puoi scrivere."
            ),
            DialogKind::PercentFraction => {
                let (typed, pct) = q.fraction.clone().unwrap_or_default();
                format!(
                    "Hai scritto {typed} come percentuale: intendevi {pct} %? (Una cella di un foglio di calcolo formattata come percentuale copia 93 % come 0,93.)"
                )
            }
            DialogKind::JournalFailed => format!(
                "Non è stato possibile scrivere il registro di recupero ({down}). Per ora le modifiche sono al sicuro in perfplan, ma andrebbero perse se perfplan o il computer si fermassero prima di un salvataggio. perfplan riprova a ogni modifica."
            ),
        }
    }

    fn restore_title(&self, merge: bool) -> &'static str {
        if merge {
            "Le tue modifiche da applicare all'altra versione"
        } else {
            "Modifiche non salvate di una sessione precedente"
        }
    }

    fn restore_lines(&self, f: &RestoreFacts) -> Vec<String> {
        let when = match (&f.first, &f.last) {
            (Some(a), Some(b)) if a != b => format!(" tra il {a} e il {b}"),
            (Some(a), _) => format!(" il {a}"),
            _ => String::new(),
        };
        let n = count(f.changes, "modifica", "modifiche");
        let mut lines = vec![if f.merge {
            format!(
                "Il piano è stato modificato da un altro programma o da un'altra persona, e ora è mostrata quella versione. Le tue modifiche dall'ultimo salvataggio ({n}) si possono applicare a questa."
            )
        } else {
            format!(
                "perfplan si è chiuso senza salvare {n} {} a questo piano{when}: {} nel registro di recupero.",
                if f.changes == 1 { "fatta" } else { "fatte" },
                if f.changes == 1 {
                    "è stata conservata"
                } else {
                    "sono state conservate"
                }
            )
        }];
        if f.damaged > 0 {
            lines.push(format!(
                "Dal registro di recupero {}; {}.",
                if f.records == 1 {
                    "è stato letto 1 record".to_string()
                } else {
                    format!("sono stati letti {} record", f.records)
                },
                if f.damaged == 1 {
                    "1 non era leggibile (troncato o danneggiato) ed è escluso".to_string()
                } else {
                    format!(
                        "{} non erano leggibili (troncati o danneggiati) e sono esclusi",
                        f.damaged
                    )
                }
            ));
        }
        if f.file_changed && !f.merge {
            lines.push(
                "Il piano è stato modificato da un altro programma o da un'altra persona dopo queste modifiche."
                    .into(),
            );
        }
        let toggle = key(Context::Restore, Action::Toggle, L);
        let all = key(Context::Restore, Action::TakeAllMine, L);
        let known = f.conflicts - f.unknown;
        if known == 1 {
            lines.push(format!(
                "1 campo qui sotto è stato modificato anche nel file. Resta il valore del file, a meno che tu non prenda il tuo ({toggle})."
            ));
        } else if known > 1 {
            lines.push(format!(
                "{known} campi qui sotto sono stati modificati anche nel file. Per ciascuno resta il valore del file, a meno che tu non prenda il tuo ({toggle})."
            ));
        }
        // Why the journal cannot tell: an earlier perfplan wrote it, or a record is damaged.
        let why = "il registro è stato scritto da una versione precedente di perfplan, o un suo record è danneggiato";
        if f.unknown == 1 {
            lines.push(format!(
                "Per 1 campo qui sotto il registro non indica da quale valore partiva la modifica ({why}), quindi non si può sapere se nel frattempo qualcuno l'ha cambiato nel file: resta il valore del file, a meno che tu non prenda il tuo ({toggle})."
            ));
        } else if f.unknown > 1 {
            lines.push(format!(
                "Per {} campi qui sotto il registro non indica da quale valore partivano le modifiche ({why}), quindi non si può sapere se nel frattempo qualcuno li ha cambiati nel file: restano i valori del file, a meno che tu non prenda i tuoi ({toggle} per uno, {all} per tutti).",
                f.unknown
            ));
        }
        if !f.missing.is_empty() {
            lines.push(format!(
                "Indicatori non più presenti nel piano, quindi esclusi: {}.",
                f.missing.join(", ")
            ));
        }
        if !f.ambiguous.is_empty() {
            lines.push(format!(
                "Identificativi usati da più di un indicatore del piano, quindi esclusi (rendili prima univoci): {}.",
                f.ambiguous.join(", ")
            ));
        }
        if !f.gone_periods.is_empty() {
            lines.push(format!(
                "Periodi di monitoraggio non più presenti nel piano, quindi i loro valori sono esclusi: {}.",
                f.gone_periods.join(", ")
            ));
        }
        match &f.left_out_file {
            Some(p) => lines.push(format!(
                "Le modifiche escluse sono annotate in {}: riportale a mano dove vanno.",
                p.display()
            )),
            None if f.left_out > 0 => lines.push(
                "Non è stato possibile annotare in un file le modifiche escluse: prendine nota prima di rispondere."
                    .into(),
            ),
            None => {}
        }
        lines
    }

    fn restore_row(&self, id: &str, field: FieldName, file: &str, yours: &str) -> String {
        format!(
            "{id} · {}: file {file} · tuo {yours}",
            self.field_name(field)
        )
    }

    fn git_merge_title(&self) -> &'static str {
        "Campi cambiati da entrambe le parti in un'unione di git"
    }

    fn git_merge_lines(&self, f: &RestoreFacts) -> Vec<String> {
        let toggle = key(Context::Restore, Action::Toggle, L);
        let all = key(Context::Restore, Action::TakeAllMine, L);
        vec![
            format!(
                "git ha unito un'altra versione a questo piano (perfplan merge). {} qui sotto {} cambiati da entrambe le parti con valori diversi: il file ha il nostro.",
                count(f.conflicts, "campo", "campi"),
                if f.conflicts == 1 {
                    "è stato"
                } else {
                    "sono stati"
                }
            ),
            format!(
                "Per ciascuno resta il nostro valore, a meno che tu non prenda il loro ({toggle} per uno, {all} per tutti). Le scelte si applicano in un solo passo, annullabile; salva per tenerle."
            ),
        ]
    }

    fn git_merge_row(&self, id: &str, field: FieldName, ours: &str, theirs: &str) -> String {
        format!(
            "{id} · {}: nostro {ours} · loro {theirs}",
            self.field_name(field)
        )
    }

    fn left_out_header(&self) -> &'static str {
        "perfplan non ha potuto ripristinare queste modifiche dal registro di recupero: gli identificativi dei loro indicatori non sono nel piano, o sono usati da più di un indicatore. Ogni riga riporta l'identificativo dell'indicatore e il campo come lo scrive il file del piano; riporta ogni modifica dove va, poi elimina questo file."
    }

    fn too_small(&self, width: u16, height: u16, min_width: u16, min_height: u16) -> String {
        format!(
            "Terminale troppo piccolo: {width}×{height}. perfplan richiede almeno {min_width}×{min_height}: ingrandisci la finestra."
        )
    }

    fn measured(&self, measured: usize, total: usize) -> String {
        format!("Indicatori rilevati {measured} / {total}")
    }

    fn not_assessable_count(&self, n: usize) -> String {
        if n == 1 {
            "1 non valutabile".to_string()
        } else {
            format!("{n} non valutabili")
        }
    }

    fn filter_is(&self, f: &Filter) -> String {
        format!(" · filtro: {}", self.filter(f))
    }

    fn errors(&self, n: usize) -> String {
        count(n, "errore", "errori")
    }

    fn warnings(&self, n: usize) -> String {
        count(n, "avvertenza", "avvertenze")
    }

    fn no_rows(&self, f: &Filter, key: &str) -> String {
        format!(
            "Nessun indicatore {}. Premi {key} per cambiare filtro.",
            self.filter(f)
        )
    }

    fn tree_title(&self, f: &Filter) -> String {
        match f {
            Filter::All => " Piano ".into(),
            f => format!(" Piano · filtro: {} ", self.filter(f)),
        }
    }

    fn share(&self, weight: &str, realization: &str, points: Option<&str>) -> String {
        match points {
            Some(p) => format!("{weight} % × {realization} → {p} punti"),
            None => format!("{weight} % × {realization}"),
        }
    }

    fn wrong_weight(&self, weight: &str) -> String {
        format!("{weight} % (peso errato) → escluso")
    }

    fn pending_left_out(&self, weight: &str) -> String {
        format!("{weight} % × in attesa → escluso")
    }

    fn points(&self, points: &str) -> String {
        format!(" → {points} punti")
    }

    fn mean_measured(&self, percent: &str, measured: usize, total: usize) -> String {
        let word = if total == 1 { "rilevato" } else { "rilevati" };
        format!("{percent} ({measured} / {total} {word})")
    }

    fn perspective_title(&self, name: &str) -> String {
        format!("Prospettiva {name}")
    }

    fn perspective_mean(
        &self,
        percent: &str,
        objectives: (usize, usize),
        indicators: (usize, usize),
    ) -> String {
        format!(
            "{percent} (media ponderata di {} / {} obiettivi; indicatori {} / {})",
            objectives.0, objectives.1, indicators.0, indicators.1
        )
    }

    fn operational_weighted(&self, percent: &str) -> String {
        format!("{percent} (media ponderata dei suoi obiettivi operativi)")
    }

    fn search_hint(
        &self,
        matches: usize,
        keep: &str,
        next: &str,
        prev: &str,
        cancel: &str,
    ) -> String {
        format!(
            "{} · {keep} mantiene la ricerca ({next} / {prev} per spostarti) · {cancel} chiude",
            count(matches, "corrispondenza", "corrispondenze")
        )
    }

    fn save_as_hint(&self, confirm: &str, cancel: &str) -> String {
        format!("il percorso di un file; {confirm} salva, {cancel} chiude")
    }

    fn export_errors(&self, errors: usize, key: &str) -> String {
        if errors == 1 {
            format!(
                "Nel piano c'è 1 errore: l'esportazione sarà una bozza che lo riporta ({key} porta all'errore)."
            )
        } else {
            format!(
                "Nel piano ci sono {errors} errori: l'esportazione sarà una bozza che li elenca ({key} porta a ciascuno)."
            )
        }
    }
}
