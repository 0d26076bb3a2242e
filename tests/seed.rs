//! The seed plan against the seed document.
//!
//! Every expected figure below is transcribed by hand from the seed report
//! (`shared/seeds/000_5f3620c7e3910cac.txt`, "Allegato 1" to resolution 61 of 25 May
//! 2018 of the Giunta of the CCIAA of Massa-Carrara) or worked out by hand from its printed
//! figures (the arithmetic is in the comments); none is produced by the code under test.

use std::path::{Path, PathBuf};

use perfplan::lang::Lang;
use perfplan::plan::locale::round2;
use perfplan::plan::{IndicatorPath, Layer, Locale, Plan, Value};
use perfplan::score::{Outcome, Scores};
use perfplan::store;
use perfplan::summary::{OperationalSummary, Score, StrategicSummary, Summary};
use perfplan::validate::{self, Severity};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/cciaa-massa-carrara-2017.ron")
}

fn seed() -> (Plan, String) {
    store::load(&seed_path()).expect("the seed plan loads")
}

/// A realization as the seed prints it: two decimals, comma, half up ("90,00").
fn printed(d: Decimal) -> String {
    Locale::It.fixed2(d)
}

fn printed_score(s: &Score) -> String {
    printed(s.value.expect("a measured score"))
}

const P1: &str = "Imprese, consumatori e territorio";
const P2: &str = "Processi interni";
const P3: &str = "Innovazione e crescita";
const P4: &str = "Economico-finanziario";

/// One indicator row of the seed: where it is printed, its description as printed (start),
/// its result and target as printed (written the way the plan file writes them), and its
/// printed realization.
struct Row {
    perspective: &'static str,
    strategic: &'static str,
    operational: &'static str,
    layer: Layer,
    id: &'static str,
    description: &'static str,
    result: &'static str,
    target: &'static str,
    realization: &'static str,
}

const S: Layer = Layer::Strategic;
const O: Layer = Layer::Operational;

macro_rules! rows {
    ($(($p:expr, $s:expr, $o:expr, $l:expr, $id:expr, $d:expr, $r:expr, $t:expr, $real:expr)),* $(,)?) => {
        &[$(Row { perspective: $p, strategic: $s, operational: $o, layer: $l, id: $id,
                  description: $d, result: $r, target: $t, realization: $real }),*]
    };
}

/// All 70 rows of the seed: first table (strategic indicators), then second table
/// (operational indicators), in the order printed.
const ROWS: &[Row] = rows![
    // ---- First table: strategic indicators ----
    (
        P1,
        "1.1",
        "1.1.1",
        S,
        "1.1.1-s1",
        "Realizzazione programma delle attività proposto dalla Giunta",
        "100",
        "AtLeast(80)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.1",
        S,
        "1.2.1-s1",
        "Condivisione iniziative del CreaInRete",
        "2",
        "AtLeast(2)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.2",
        S,
        "1.2.2-s1",
        "Numero progetti attivati e coordinati",
        "3",
        "AtLeast(3)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.4",
        S,
        "1.2.4-s1",
        "N. presenze (uscite) sui media locali",
        "32",
        "AtLeast(15)",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.2",
        S,
        "3.1.2-s1",
        "N. fruitori del Servizio Nuove Imprese",
        "51",
        "AtLeast(50)",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.3",
        S,
        "3.1.3-s1",
        "Percentuale iniziative realizzate nell'ambito del Programma",
        "100",
        "AtLeast(80)",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.3",
        S,
        "3.1.3-s2",
        "Risorse esterne reperite",
        "20",
        "AtLeast(10)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.1",
        S,
        "3.2.1-s1",
        "N. conciliazioni concluse nell'anno 2017",
        "151",
        "AtLeast(90)",
        "100,00"
    ),
    // printed "0  < =1"
    (
        P1,
        "3.2",
        "3.2.2",
        S,
        "3.2.2-s1",
        "Affidabilità degli Organismi di controllo",
        "0",
        "AtMost(1)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.2",
        S,
        "3.2.2-s2",
        "N. di domande depositate marchi e brevetti",
        "72",
        "AtLeast(80)",
        "90,00"
    ),
    // printed "882  500": a plain target, at least
    (
        P1,
        "3.2",
        "3.2.3",
        S,
        "3.2.3-s1",
        "n. di strumenti mediamente verificati",
        "882",
        "AtLeast(500)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        S,
        "3.2.3-s2",
        "n. di ispezioni mediamente effettuate",
        "573",
        "AtLeast(350)",
        "100,00"
    ),
    (
        P2,
        "2.1",
        "2.1.1",
        S,
        "2.1.1-s1",
        "Partecipazione personale camerale alla formazione",
        "93",
        "AtLeast(85)",
        "100,00"
    ),
    // printed "2,03  5": sick-leave days, lower is better
    (
        P2,
        "2.1",
        "2.1.1",
        S,
        "2.1.1-s2",
        "Numero giorni di assenza per malattia breve",
        "2.03",
        "AtMost(5)",
        "100,00"
    ),
    (
        P2,
        "2.1",
        "2.1.4",
        S,
        "2.1.4-s1",
        "Grado di rispetto degli standard previsti dalla Carta dei servizi",
        "97",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P2,
        "2.1",
        "2.1.4",
        S,
        "2.1.4-s2",
        "Grado di soddisfazione dell'utenza",
        "93",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P3,
        "2.2",
        "2.2.1",
        S,
        "2.2.1-s1",
        "Analisi contratti di rete",
        "2017-12-31",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
    (
        P3,
        "3.1",
        "3.1.1",
        S,
        "3.1.1-s1",
        "Sviluppo delle attività dell'agenzia formativa",
        "9",
        "AtLeast(10)",
        "90,00"
    ),
    (
        P4,
        "2.1",
        "2.1.2",
        S,
        "2.1.2-s1",
        "Numero di utilizzo delle sale camerali a pagamento",
        "39",
        "AtLeast(15)",
        "100,00"
    ),
    // ODD ROW: printed "34%  <=5%  100,00%"; a 34 % reduction recorded as a change of -34 %.
    (
        P4,
        "2.1",
        "2.1.3",
        S,
        "2.1.3-s1",
        "Riduzione dei costi di funzionamento",
        "-34",
        "AtMost(5)",
        "100,00"
    ),
    // printed "65%  >60%"
    (
        P4,
        "2.1",
        "2.1.3",
        S,
        "2.1.3-s2",
        "Importo totale riscossioni spontanee del Diritto Annuale",
        "65",
        "MoreThan(60)",
        "100,00"
    ),
    (
        P4,
        "2.1",
        "1.2.3",
        S,
        "1.2.3-s1",
        "Realizzazione intervento di riqualificazione del polo museale",
        "2017-05-22",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
    // ---- Second table: operational indicators ----
    // printed "7  3 testate"
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o1",
        "Rilevanza Rapporto Economia sulla stampa",
        "7",
        "AtLeast(3)",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o2",
        "Presentazione Rapporto Economia intermedio",
        "2017-11-29",
        "Deadline(\"2017-11-30\")",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o3",
        "N. conferenze stampa organizzate",
        "3",
        "AtLeast(2)",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o4",
        "Produzione rapporti /studi/ricerche",
        "4",
        "AtLeast(3)",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o5",
        "Orario apertura al pubblico Biblioteca",
        "1",
        "AtLeast(1)",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o6",
        "N. partecipanti complessivi alla presentazione",
        "70",
        "AtLeast(60)",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o7",
        "Valutazione (giudizio: buono o +) di customer satisfaction sulle attività realizzate da ISR",
        "85",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P1,
        "1.1",
        "1.1.1",
        O,
        "1.1.1-o8",
        "N. complessivo presenze sulla stampa della Camera",
        "31",
        "AtLeast(25)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.1",
        O,
        "1.2.1-o1",
        "Realizzazione iniziative previste nell'ambito dei progetti di CreaInRete",
        "3",
        "AtLeast(3)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.1",
        O,
        "1.2.1-o2",
        "Realizzazione documento di sintesi delle attività",
        "2017-12-31",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.2",
        O,
        "1.2.2-o1",
        "Realizzazione iniziative nell'ambito dei progetti attivati",
        "2",
        "AtLeast(2)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.2",
        O,
        "1.2.2-o2",
        "Realizzazione documento di sintesi nell'ambito dei progetti",
        "2017-12-31",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
    // printed "1119  >=1.000": a thousand, Italian thousands dot
    (
        P1,
        "1.2",
        "1.2.4",
        O,
        "1.2.4-o1",
        "N. \"Persone a cui piace\" pagine profilo FaceBook",
        "1119",
        "AtLeast(1000)",
        "100,00"
    ),
    (
        P1,
        "1.2",
        "1.2.4",
        O,
        "1.2.4-o2",
        "N. newsletter inviate",
        "14",
        "AtLeast(12)",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.2",
        O,
        "3.1.2-o1",
        "Avvio Sportello Start Up Innovative",
        "2017-01-01",
        "Deadline(\"2017-04-30\")",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.2",
        O,
        "3.1.2-o2",
        "Messa a regime Sportello Ascolto",
        "2017-02-23",
        "Deadline(\"2017-04-30\")",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.2",
        O,
        "3.1.2-o3",
        "Partecipazione diretta ai Progetti di Alternanza Scuola Lavoro",
        "16",
        "AtLeast(8)",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.2",
        O,
        "3.1.2-o4",
        "Valutazione (giudizio: buono o +) di customer satisfaction sullo Sportello Start Up",
        "0",
        "AtLeast(85)",
        "0,00"
    ),
    (
        P1,
        "3.1",
        "3.1.2",
        O,
        "3.1.2-o5",
        "Valutazione (giudizio: buono o +) di customer satisfaction sullo Sportello di ascolto",
        "100",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P1,
        "3.1",
        "3.1.3",
        O,
        "3.1.3-o1",
        "Valutazione (giudizio: buono o +) di customer satisfaction rilevato sulle iniziative del programma",
        "100",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.1",
        O,
        "3.2.1-o1",
        "Valutazione (giudizio: buono o +) di customer satisfaction in materia di mediazione",
        "99",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.1",
        O,
        "3.2.1-o2",
        "Realizzazione evento \"Settimana della Conciliazione/Mediazione\"",
        "2017-11-20",
        "Deadline(\"2017-11-30\")",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.1",
        O,
        "3.2.1-o3",
        "Emissione ruolo esattoriale",
        "2",
        "AtLeast(2)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.1",
        O,
        "3.2.1-o4",
        "Emissione ordinanze in relazione ai verbali",
        "443",
        "AtLeast(300)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.2",
        O,
        "3.2.2-o1",
        "N.ro di richieste a sportello",
        "622",
        "AtLeast(300)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.2",
        O,
        "3.2.2-o2",
        "Evasione richieste di prelievo per certificazione DOC e IGT",
        "100",
        "AtLeast(90)",
        "100,00"
    ),
    // printed "100,0%  100,0%": the written decimal is kept
    (
        P1,
        "3.2",
        "3.2.2",
        O,
        "3.2.2-o3",
        "Aggiornamento dati ISTAT",
        "100.0",
        "AtLeast(100.0)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        O,
        "3.2.3-o1",
        "n. strumenti di misura carburanti MID",
        "18",
        "AtLeast(18)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        O,
        "3.2.3-o2",
        "n. stazioni di servizio dotate di apparecchiature di prepagamento",
        "20",
        "AtLeast(20)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        O,
        "3.2.3-o3",
        "n. impianti di pesatura industriale",
        "16",
        "AtLeast(15)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        O,
        "3.2.3-o4",
        "n. esercizi commerciali sottoposti a controllo peso netto",
        "20",
        "AtLeast(20)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        O,
        "3.2.3-o5",
        "n. rivenditori prodotti elettrici",
        "3",
        "AtLeast(3)",
        "100,00"
    ),
    (
        P1,
        "3.2",
        "3.2.3",
        O,
        "3.2.3-o6",
        "n. rivenditori giocattoli, tessile e calzature",
        "9",
        "AtLeast(9)",
        "100,00"
    ),
    // ODD ROW: printed "55%  >=60%  91,40%" (55/60 would be 91,67 %): an override.
    (
        P2,
        "2.1",
        "2.1.1",
        O,
        "2.1.1-o1",
        "Valutazione (giudizio: sufficiente o + ) ottenuta nell' indagine di People Satisfaction fra i dipendenti",
        "55",
        "AtLeast(60)",
        "91,40"
    ),
    (
        P2,
        "2.1",
        "2.1.1",
        O,
        "2.1.1-o2",
        "Realizzazione incontri periodici del SG",
        "5",
        "AtLeast(4)",
        "100,00"
    ),
    (
        P2,
        "2.1",
        "2.1.4",
        O,
        "2.1.4-o1",
        "Valutazione positiva (buono e + ) ottenuta nell' indagine di People Satisfaction fra gli utenti",
        "93",
        "AtLeast(80)",
        "100,00"
    ),
    // printed "2,7  3,0  90,00%"
    (
        P2,
        "2.1",
        "2.1.4",
        O,
        "2.1.4-o2",
        "N. report quadrimestrali",
        "2.7",
        "AtLeast(3.0)",
        "90,00"
    ),
    (
        P3,
        "2.2",
        "2.2.1",
        O,
        "2.2.1-o1",
        "Organizzazione iniziative per la promozione dello Sportello Reti di impresa",
        "2017-12-31",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
    (
        P3,
        "2.2",
        "2.2.1",
        O,
        "2.2.1-o2",
        "Valutazione (giudizio: buono o +) di customer satisfaction rilevata sullo Sportello Reti di Impresa",
        "0",
        "AtLeast(85)",
        "0,00"
    ),
    (
        P3,
        "3.1",
        "3.1.1",
        O,
        "3.1.1-o1",
        "Organizzazione eventi formativi entro il 31.12.2017",
        "13",
        "AtLeast(10)",
        "100,00"
    ),
    (
        P3,
        "3.1",
        "3.1.1",
        O,
        "3.1.1-o2",
        "Introiti offerta formativa a pagamento",
        "48",
        "AtLeast(15)",
        "100,00"
    ),
    (
        P3,
        "3.1",
        "3.1.1",
        O,
        "3.1.1-o3",
        "Valutazione (giudizio: buono o +) di customer satisfaction sulle attività formative non a pagamento",
        "87",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P3,
        "3.1",
        "3.1.1",
        O,
        "3.1.1-o4",
        "Valutazione (giudizio: buono o +) di customer satisfaction sulle attività formative a pagamento",
        "100",
        "AtLeast(85)",
        "100,00"
    ),
    (
        P3,
        "3.1",
        "3.1.1",
        O,
        "3.1.1-o5",
        "Organizzazione incontri CIF",
        "3",
        "AtLeast(3)",
        "100,00"
    ),
    (
        P4,
        "2.1",
        "2.1.2",
        O,
        "2.1.2-o1",
        "N. di volte di utilizzo delle Sale camerali",
        "136",
        "AtLeast(100)",
        "100,00"
    ),
    (
        P4,
        "2.1",
        "2.1.2",
        O,
        "2.1.2-o2",
        "Predisposizione relazione conclusiva sulla messa in sicurezza",
        "2017-12-31",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
    (
        P4,
        "2.1",
        "2.1.3",
        O,
        "2.1.3-o1",
        "Comunicazione Associazioni di categoria e ODEC",
        "2017-06-15",
        "Deadline(\"2017-06-30\")",
        "100,00"
    ),
    // printed target "31/12/2017" without "<="
    (
        P4,
        "2.1",
        "1.2.3",
        O,
        "1.2.3-o1",
        "Realizzazione documento di sintesi sul progetto di riqualificazione",
        "2017-12-31",
        "Deadline(\"2017-12-31\")",
        "100,00"
    ),
];

/// The strategic objective entries of the first table: perspective, code, printed weight,
/// printed realization.
const STRATEGIC: &[(&str, &str, Decimal, &str)] = &[
    (P1, "1.1", dec!(6.0), "100,00"),
    (P1, "1.2", dec!(7.5), "100,00"),
    (P1, "3.1", dec!(18.0), "100,00"),
    (P1, "3.2", dec!(27.0), "98,00"),
    (P2, "2.1", dec!(12.0), "100,00"),
    (P3, "2.2", dec!(6.0), "100,00"),
    (P3, "3.1", dec!(9.0), "90,00"),
    (P4, "2.1", dec!(14.5), "100,00"),
];

/// The operational objectives of the second table: perspective, parent code, code, printed
/// weight, printed realization.
const OPERATIONAL: &[(&str, &str, &str, Decimal, &str)] = &[
    (P1, "1.1", "1.1.1", dec!(6.00), "100,00"),
    (P1, "1.2", "1.2.1", dec!(2.50), "100,00"),
    (P1, "1.2", "1.2.2", dec!(2.50), "100,00"),
    (P1, "1.2", "1.2.4", dec!(2.50), "100,00"),
    (P1, "3.1", "3.1.2", dec!(9.00), "80,00"),
    (P1, "3.1", "3.1.3", dec!(9.00), "100,00"),
    (P1, "3.2", "3.2.1", dec!(9.00), "100,00"),
    (P1, "3.2", "3.2.2", dec!(9.00), "100,00"),
    (P1, "3.2", "3.2.3", dec!(9.00), "100,00"),
    (P2, "2.1", "2.1.1", dec!(6.00), "95,70"),
    (P2, "2.1", "2.1.4", dec!(6.00), "95,00"),
    (P3, "2.2", "2.2.1", dec!(6.00), "50,00"),
    (P3, "3.1", "3.1.1", dec!(9.00), "100,00"),
    (P4, "2.1", "2.1.2", dec!(6.00), "100,00"),
    (P4, "2.1", "2.1.3", dec!(6.00), "100,00"),
    (P4, "2.1", "1.2.3", dec!(2.50), "100,00"),
];

/// A result as the plan file writes it, for comparison with the transcription above.
fn written(v: Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        other => panic!("the seed has numbers and dates only: {other:?}"),
    }
}

fn strategic_entries(summary: &Summary) -> Vec<(&str, &StrategicSummary)> {
    summary
        .perspectives
        .iter()
        .flat_map(|p| p.objectives.iter().map(move |so| (p.name.as_str(), so)))
        .collect()
}

fn operational_entries(summary: &Summary) -> Vec<(&str, &str, &OperationalSummary)> {
    summary
        .perspectives
        .iter()
        .flat_map(|p| {
            p.objectives.iter().flat_map(move |so| {
                so.operational
                    .iter()
                    .map(move |oo| (p.name.as_str(), so.code.as_str(), oo))
            })
        })
        .collect()
}

#[test]
fn the_seed_has_the_shape_of_the_document() {
    let (plan, _) = seed();
    assert_eq!(plan.year, 2017);
    assert_eq!(plan.locale, Locale::It);
    let names: Vec<&str> = plan.perspectives.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, [P1, P2, P3, P4]);
    let strategic: Vec<_> = plan
        .perspectives
        .iter()
        .flat_map(|p| &p.objectives)
        .collect();
    assert_eq!(strategic.len(), 8, "strategic objective entries");
    let operational: Vec<_> = strategic.iter().flat_map(|s| &s.operational).collect();
    assert_eq!(operational.len(), 16, "operational objectives");
    let n_strategic: usize = operational
        .iter()
        .map(|o| o.strategic_indicators.len())
        .sum();
    let n_operational: usize = operational.iter().map(|o| o.indicators.len()).sum();
    assert_eq!(n_strategic, 22, "strategic indicators");
    assert_eq!(n_operational, 48, "operational indicators");
    assert_eq!(plan.indicator_count(), 70);
    assert_eq!(ROWS.len(), 70, "the transcription covers every row");
    assert_eq!(ROWS.iter().filter(|r| r.layer == S).count(), 22);

    let total: Decimal = strategic.iter().map(|s| s.weight.given().unwrap()).sum();
    assert_eq!(total, dec!(100), "strategic objectives' weights");
    let total: Decimal = operational.iter().map(|o| o.weight.given().unwrap()).sum();
    assert_eq!(total, dec!(100), "operational objectives' weights");
    // Perspective weights as printed in the headings' sums: 58,5 · 12 · 15 · 14,5.
    let w = perfplan::plan::weights::Weights::of(&plan);
    let weights: Vec<Decimal> = (0..plan.perspectives.len())
        .map(|p| w.perspective(p))
        .collect();
    assert_eq!(weights, [dec!(58.5), dec!(12), dec!(15), dec!(14.5)]);
    // Every strategic objective weighs the sum of its operational objectives (3.2 = 9+9+9).
    for so in &strategic {
        let sum: Decimal = so
            .operational
            .iter()
            .map(|o| o.weight.given().unwrap())
            .sum();
        assert_eq!(so.weight.given().unwrap(), sum, "{}", so.code);
    }
}

#[test]
fn the_seed_validates_without_errors_or_warnings() {
    let (plan, _) = seed();
    let findings = validate::validate(&plan);
    assert!(findings.is_empty(), "{findings:#?}");
    assert!(!validate::has_errors(&findings));
    assert!(findings.iter().all(|f| f.severity != Severity::Warning));
}

#[test]
fn every_indicator_is_where_the_seed_prints_it_with_its_result_and_target() {
    let (plan, _) = seed();
    for row in ROWS {
        let path = plan
            .find_indicator(row.id)
            .unwrap_or_else(|| panic!("no indicator {}", row.id));
        let persp = &plan.perspectives[path.perspective];
        let so = &persp.objectives[path.strategic];
        let oo = &so.operational[path.operational];
        let ind = plan.indicator(path);
        let at = format!("{} ({})", row.id, row.description);
        assert_eq!(persp.name, row.perspective, "{at}");
        assert_eq!(so.code, row.strategic, "{at}");
        assert_eq!(oo.code, row.operational, "{at}");
        assert_eq!(path.layer, row.layer, "{at}");
        assert!(
            ind.description.starts_with(row.description),
            "{at}: description is {:?}",
            ind.description
        );
        assert_eq!(ind.result.map(written).as_deref(), Some(row.result), "{at}");
        assert_eq!(store::write::target(&ind.target), row.target, "{at}");
    }
    // And in the order printed, within each operational objective and layer.
    for layer in Layer::BOTH {
        let file_order: Vec<&str> = plan
            .indicators()
            .filter(|(p, _)| p.layer == layer)
            .map(|(_, i)| i.id.as_str())
            .collect();
        let mut seed_order: Vec<(IndicatorPath, &str)> = ROWS
            .iter()
            .filter(|r| r.layer == layer)
            .map(|r| (plan.find_indicator(r.id).unwrap(), r.id))
            .collect();
        seed_order.sort();
        let seed_order: Vec<&str> = seed_order.into_iter().map(|(_, id)| id).collect();
        assert_eq!(file_order, seed_order);
    }
}

#[test]
fn every_indicator_realization_is_the_printed_one() {
    let (plan, _) = seed();
    let scores = Scores::compute(&plan);
    for row in ROWS {
        let path = plan.find_indicator(row.id).unwrap();
        let outcome = scores.outcome(path);
        let Outcome::Scored(r) = outcome else {
            panic!("{} is not scored: {outcome:?}", row.id);
        };
        assert_eq!(
            printed(r.value),
            row.realization,
            "{} {}",
            row.id,
            row.description
        );
        // The same figure as a number, rounded half up to two decimals.
        let expected: Decimal = row.realization.replace(',', ".").parse().unwrap();
        assert_eq!(round2(r.value), expected, "{}", row.id);
    }
}

#[test]
fn the_missed_rows_score_the_share_reached_exactly() {
    let (plan, _) = seed();
    let scores = Scores::compute(&plan);
    let value = |id: &str| {
        scores
            .outcome(plan.find_indicator(id).unwrap())
            .realization()
            .unwrap()
    };
    // 72 / 80, 9 / 10, 2,7 / 3,0: exactly 90, not 89,999…
    assert_eq!(value("3.2.2-s2"), dec!(90));
    assert_eq!(value("3.1.1-s1"), dec!(90));
    assert_eq!(value("2.1.4-o2"), dec!(90));
    assert_eq!(value("3.1.2-o4"), dec!(0));
    assert_eq!(value("2.2.1-o2"), dec!(0));
    // The override, kept exactly as written.
    assert_eq!(value("2.1.1-o1"), dec!(91.40));
}

#[test]
fn every_operational_objective_realization_is_the_printed_one() {
    let (plan, _) = seed();
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::of_locale(plan.locale));
    let got = operational_entries(&summary);
    assert_eq!(got.len(), OPERATIONAL.len());
    for ((persp, parent, oo), (e_persp, e_parent, e_code, e_weight, e_real)) in
        got.iter().zip(OPERATIONAL)
    {
        assert_eq!(
            (*persp, *parent, oo.code.as_str()),
            (*e_persp, *e_parent, *e_code)
        );
        assert_eq!(oo.weight, *e_weight, "{e_code}");
        assert_eq!(printed_score(&oo.realization), *e_real, "{e_code}");
        assert_eq!(oo.realization.measured, oo.realization.total, "{e_code}");
        assert_eq!(oo.realization.total, oo.indicators.len(), "{e_code}");
    }
    // The objectives the seed prints below 100, exactly.
    let exact = |code: &str| {
        got.iter()
            .find(|(_, _, oo)| oo.code == code)
            .unwrap()
            .2
            .realization
            .value
            .unwrap()
    };
    assert_eq!(exact("3.1.2"), dec!(80)); // (100 + 100 + 100 + 0 + 100) / 5
    assert_eq!(exact("2.1.1"), dec!(95.70)); // (91,40 + 100) / 2
    assert_eq!(exact("2.1.4"), dec!(95)); // (100 + 90) / 2
    assert_eq!(exact("2.2.1"), dec!(50)); // (100 + 0) / 2
}

#[test]
fn every_strategic_objective_realization_is_the_printed_one() {
    let (plan, _) = seed();
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::of_locale(plan.locale));
    let got = strategic_entries(&summary);
    assert_eq!(got.len(), STRATEGIC.len());
    for ((persp, so), (e_persp, e_code, e_weight, e_real)) in got.iter().zip(STRATEGIC) {
        assert_eq!((*persp, so.code.as_str()), (*e_persp, *e_code));
        assert_eq!(so.weight, *e_weight, "{e_code}");
        assert_eq!(printed_score(&so.realization), *e_real, "{persp} {e_code}");
        let n: usize = so
            .operational
            .iter()
            .map(|o| o.strategic_indicators.len())
            .sum();
        assert_eq!((so.realization.measured, so.realization.total), (n, n));
    }
    // 3.2 is the flat mean of its five strategic indicators, (100+100+90+100+100)/5 = 98,
    // not the mean of its operational objectives' means (100, 95, 100 → 98,33).
    let (_, so32) = got.iter().find(|(_, so)| so.code == "3.2").unwrap();
    assert_eq!(so32.realization.value, Some(dec!(98)));
    assert_eq!(so32.realization.total, 5);
}

#[test]
fn the_weighted_scores_are_the_ones_the_seed_implies() {
    let (plan, _) = seed();
    let scores = Scores::compute(&plan);
    let summary = Summary::build(&plan, &scores, Lang::of_locale(plan.locale));

    // Strategic: (6·100 + 7,5·100 + 18·100 + 27·98 + 12·100 + 6·100 + 9·90 + 14,5·100) / 100
    //          = 9856 / 100 = 98,56.
    assert_eq!(scores.overall.strategic.score(), Some(dec!(98.56)));
    assert_eq!(printed_score(&summary.overall.strategic), "98,56");
    // Operational: (6·100 + 3·2,5·100 + 9·80 + 4·9·100 + 6·95,70 + 6·95 + 6·50 + 9·100
    //             + 6·100 + 6·100 + 2,5·100) / 100 = 9464,2 / 100 = 94,642 → 94,64.
    assert_eq!(scores.overall.operational.score(), Some(dec!(94.642)));
    assert_eq!(printed_score(&summary.overall.operational), "94,64");

    // Perspectives, strategic: 5796 / 58,5 = 99,0769… → 99,08; 100; (600 + 810) / 15 = 94;
    // 100.
    let strategic: Vec<String> = summary
        .perspectives
        .iter()
        .map(|p| printed_score(&p.score.strategic))
        .collect();
    assert_eq!(strategic, ["99,08", "100,00", "94,00", "100,00"]);
    // Perspectives, operational (not printed by the seed; from its printed figures):
    // 5670 / 58,5 = 96,923… → 96,92; (574,2 + 570) / 12 = 95,35; (300 + 900) / 15 = 80; 100.
    let operational: Vec<String> = summary
        .perspectives
        .iter()
        .map(|p| printed_score(&p.score.operational))
        .collect();
    assert_eq!(operational, ["96,92", "95,35", "80,00", "100,00"]);

    let weights: Vec<Decimal> = summary.perspectives.iter().map(|p| p.weight).collect();
    assert_eq!(weights, [dec!(58.5), dec!(12), dec!(15), dec!(14.5)]);

    assert_eq!(summary.indicator_counts(), (70, 70));
    let counts = scores.indicator_counts();
    assert_eq!((counts.measured, counts.total), (70, 70));
    assert_eq!(
        (
            summary.overall.strategic.measured,
            summary.overall.strategic.total
        ),
        (22, 22)
    );
    assert_eq!(
        (
            summary.overall.operational.measured,
            summary.overall.operational.total
        ),
        (48, 48)
    );
    assert!(!summary.is_provisional());
}

#[test]
fn one_edit_rescores_every_level_above_it_like_a_full_computation() {
    let (mut plan, _) = seed();
    let mut scores = Scores::compute(&plan);
    // 3.2.2-s2 reaches its target (80 vs >= 80): 3.2 becomes 100, and the overall strategic
    // score gains 27 · 2 / 100: 9910 / 100 = 99,10.
    let path = plan.find_indicator("3.2.2-s2").unwrap();
    plan.indicator_mut(path).result = Some(Value::Number(dec!(80)));
    scores.update_indicator(&plan, path);
    assert_eq!(scores, Scores::compute(&plan));
    assert_eq!(scores.overall.strategic.score(), Some(dec!(99.10)));
    assert_eq!(scores.overall.operational.score(), Some(dec!(94.642)));

    // 3.1.2-o4 becomes pending: 3.1.2 is the mean of the other four, 100, and the overall
    // operational score gains 9 · 20 / 100: 9644,2 / 100 = 96,442.
    let path = plan.find_indicator("3.1.2-o4").unwrap();
    plan.indicator_mut(path).result = None;
    scores.update_indicator(&plan, path);
    assert_eq!(scores, Scores::compute(&plan));
    assert_eq!(scores.overall.operational.score(), Some(dec!(96.442)));
    let oo = scores.operational(path.perspective, path.strategic, path.operational);
    assert_eq!(oo.realization().realization(), Some(dec!(100)));
    assert_eq!((oo.realization().measured, oo.realization().total), (4, 5));
    assert!(oo.realization().is_provisional());
    assert_eq!(scores.outcome(path), &Outcome::Pending);
}

#[test]
fn the_odd_rows_are_recorded_and_explained() {
    let (plan, _) = seed();
    // 2.1.1-o1: printed 55 % vs >= 60 %, printed realization 91,40 % (55/60 = 91,67 %).
    let ind = plan.indicator(plan.find_indicator("2.1.1-o1").unwrap());
    assert_eq!(ind.result, Some(Value::Number(dec!(55))));
    let ov = ind.realization_override.as_ref().expect("an override");
    assert_eq!(ov.realization.value(), dec!(91.40));
    assert!(ov.reason.contains("91,40"), "{}", ov.reason);
    // Without the override the rule gives 91,67 %, which is not what the seed prints.
    let mut without = ind.clone();
    without.realization_override = None;
    let r = perfplan::score::outcome(&without, &Default::default())
        .realization()
        .unwrap();
    assert_eq!(printed(r), "91,67");

    // 2.1.3-s1: printed 34 % vs <= 5 %, realization 100 %: a change of -34 %.
    let ind = plan.indicator(plan.find_indicator("2.1.3-s1").unwrap());
    assert_eq!(ind.result, Some(Value::Number(dec!(-34))));
    assert!(ind.realization_override.is_none());
    assert!(ind.note.as_deref().unwrap_or("").contains("-34"));
    // Recorded as printed (+34) it would miss: 5 / 34 = 14,71 %.
    let mut as_printed = ind.clone();
    as_printed.result = Some(Value::Number(dec!(34)));
    let r = perfplan::score::outcome(&as_printed, &Default::default())
        .realization()
        .unwrap();
    assert_eq!(printed(r), "14,71");
}

#[test]
fn the_seed_survives_a_save_unchanged() {
    let (plan, text) = seed();
    // Saving an unedited plan changes no byte.
    assert_eq!(store::patch(&text, &plan).unwrap(), text);
    // The canonical layout reads back as the same plan.
    let canonical = store::write::plan(&plan);
    let again = store::parse(Path::new("canonical.ron"), &canonical).unwrap();
    assert_eq!(again, plan);
}

#[test]
fn edits_to_the_seed_touch_only_their_lines() {
    let (mut plan, text) = seed();
    let set = |plan: &mut Plan, id: &str, v: Option<Value>| {
        let path = plan.find_indicator(id).unwrap();
        plan.indicator_mut(path).result = v;
    };
    set(&mut plan, "3.2.2-s2", Some(Value::Number(dec!(80.50))));
    set(&mut plan, "2.1.1-s2", None);
    set(
        &mut plan,
        "1.2.3-s1",
        Some(Value::Date(
            chrono::NaiveDate::from_ymd_opt(2018, 1, 3).unwrap(),
        )),
    );
    let out = store::patch(&text, &plan).unwrap();
    assert_eq!(store::parse(Path::new("edited.ron"), &out).unwrap(), plan);
    assert!(out.contains("result: 80.50,"));
    assert!(out.contains("result: \"2018-01-03\","));
    assert!(!out.contains("result: 2.03,"));
    // Only those three lines differ; comments and the rest are kept.
    let old: Vec<&str> = text.lines().collect();
    let new: Vec<&str> = out.lines().collect();
    assert_eq!(new.len(), old.len() - 1);
    let changed = old.iter().filter(|l| !new.contains(l)).count();
    assert_eq!(changed, 3, "the two changed results and the removed one");
}

const SMALL: &str = r#"// exact numbers
Plan(
    title: "T",
    organization: "O",
    year: 2017,
    perspectives: [
        Perspective(
            name: "P",
            objectives: [
                StrategicObjective(
                    code: "1",
                    title: "S",
                    weight: 100.00,
                    operational: [
                        OperationalObjective(
                            code: "1.1",
                            title: "O",
                            weight: 100.00,
                            strategic_indicators: [
                                Indicator(
                                    id: "a",
                                    description: "a ratio",
                                    unit: Number,
                                    target: AtLeast(12.50),
                                    result: 12.50,
                                ),
                            ],
                            indicators: [
                                Indicator(
                                    id: "b",
                                    description: "days",
                                    unit: Number,
                                    target: AtMost(5.0),
                                    result: 2.03,
                                ),
                                Indicator(
                                    id: "c",
                                    description: "pending",
                                    unit: Number,
                                    target: AtLeast(1),
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
)
"#;

fn result_text(plan: &Plan, id: &str) -> String {
    match plan.indicator(plan.find_indicator(id).unwrap()).result {
        Some(Value::Number(n)) => n.to_string(),
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn numbers_keep_their_written_digits_through_write_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    std::fs::write(&path, SMALL).unwrap();
    let (plan, _) = store::load(&path).unwrap();
    assert_eq!(result_text(&plan, "a"), "12.50");
    assert_eq!(result_text(&plan, "b"), "2.03");

    let canonical = store::write::plan(&plan);
    assert!(canonical.contains("result: 12.50,"), "{canonical}");
    assert!(canonical.contains("result: 2.03,"), "{canonical}");
    assert!(canonical.contains("target: AtLeast(12.50),"), "{canonical}");
    assert!(canonical.contains("target: AtMost(5.0),"), "{canonical}");
    assert!(canonical.contains("weight: 100.00,"), "{canonical}");
    assert!(!canonical.contains("2.0299"), "{canonical}");

    std::fs::write(&path, &canonical).unwrap();
    let (again, _) = store::load(&path).unwrap();
    assert_eq!(again, plan);
    assert_eq!(result_text(&again, "a"), "12.50");
    assert_eq!(result_text(&again, "b"), "2.03");
    assert_eq!(store::write::plan(&again), canonical);
}

#[test]
fn numbers_keep_their_written_digits_through_a_patched_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    std::fs::write(&path, SMALL).unwrap();
    let (mut plan, text) = store::load(&path).unwrap();

    // Another indicator is edited: 12.50 and 2.03 stay as written.
    let c = plan.find_indicator("c").unwrap();
    plan.indicator_mut(c).result = Some(Value::Number(dec!(0.10)));
    let out = store::patch(&text, &plan).unwrap();
    assert!(out.contains("result: 12.50,"), "{out}");
    assert!(out.contains("result: 2.03,"), "{out}");
    assert!(out.contains("result: 0.10,"), "{out}");
    store::replace(&path, out.as_bytes(), store::Replace::plain()).unwrap();
    let (again, again_text) = store::load(&path).unwrap();
    assert_eq!(again, plan);
    assert_eq!(again_text, out);
    assert_eq!(result_text(&again, "a"), "12.50");
    assert_eq!(result_text(&again, "b"), "2.03");
    assert_eq!(result_text(&again, "c"), "0.10");

    // A value typed by the controller ("12,50", "2,03") is written with its digits.
    let mut typed = again.clone();
    let b = typed.find_indicator("b").unwrap();
    typed.indicator_mut(b).result = Locale::It
        .parse_value("12,50", &perfplan::plan::Unit::Number)
        .unwrap();
    let a = typed.find_indicator("a").unwrap();
    typed.indicator_mut(a).result = Locale::It
        .parse_value("2,03", &perfplan::plan::Unit::Number)
        .unwrap();
    let out = store::patch(&again_text, &typed).unwrap();
    let a_line = out.lines().position(|l| l.contains("id: \"a\"")).unwrap();
    let b_line = out.lines().position(|l| l.contains("id: \"b\"")).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[a_line + 4].trim(), "result: 2.03,");
    assert_eq!(lines[b_line + 4].trim(), "result: 12.50,");
    let (reread, _) = {
        std::fs::write(&path, &out).unwrap();
        store::load(&path).unwrap()
    };
    assert_eq!(result_text(&reread, "a"), "2.03");
    assert_eq!(result_text(&reread, "b"), "12.50");
}

/// The first ```ron block of plans/README.md: a complete plan, so the doc cannot rot.
#[test]
fn the_readme_example_plan_loads_and_validates() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/README.md");
    let readme = std::fs::read_to_string(&readme_path).expect("plans/README.md exists");
    let start = readme.find("```ron\n").expect("a ```ron block") + "```ron\n".len();
    let len = readme[start..].find("\n```").expect("the block ends");
    let block = &readme[start..start + len];
    let plan = store::parse(&readme_path, block).unwrap_or_else(|e| panic!("{e:?}"));
    let findings = validate::validate(&plan);
    assert!(
        !validate::has_errors(&findings),
        "the README example has errors: {findings:#?}"
    );
    assert!(
        findings.is_empty(),
        "the README example has warnings: {findings:#?}"
    );
    assert_eq!(plan.indicator_count(), 7);
    // The scores the README states for it, worked out there by hand: strategic
    // (60·95 + 40·100) / 100 = 97; operational (35·100 + 25·100 + 40·96,666…) / 100 = 98,67;
    // provisional, one of seven pending.
    let summary = Summary::build(&plan, &Scores::compute(&plan), Lang::of_locale(plan.locale));
    assert_eq!(printed_score(&summary.overall.strategic), "97,00");
    assert_eq!(printed_score(&summary.overall.operational), "98,67");
    assert!(summary.is_provisional());
    assert_eq!(summary.indicator_counts(), (6, 7));
    assert!(readme.contains("97,00 % strategic and\n98,67 % operational"));
}
