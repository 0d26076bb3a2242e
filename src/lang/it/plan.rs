use rust_decimal::Decimal;

use super::{It, count};
use crate::lang::PlanWords;
use crate::lang::plan::place_with;
use crate::plan::Locale;
use crate::plan::check::{self, ValueError, WEIGHT_DECIMALS, WeightError};
use crate::plan::locale::InputError;
use crate::plan::number::ReadError;
use crate::store::write::unit;
use crate::validate::{FindingKind, Place, Severity, Tally};

/// `; nel file del piano i numeri … per 1.200 scrivi 1200`, per un valore con tre decimali.
fn thousands_hint(value: Decimal) -> String {
    match check::without_thousands_dot(value) {
        Some(meant) => format!(
            "; nel file del piano i numeri si scrivono con il punto per i decimali e senza separatore delle migliaia: per {value} scrivi {meant}"
        ),
        None => String::new(),
    }
}

impl PlanWords for It {
    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Warning => "avvertenza",
            Severity::Error => "errore",
        }
    }

    fn place(&self, place: &Place) -> String {
        place_with(place, "piano", "indicatore")
    }

    fn finding(&self, kind: &FindingKind, loc: Locale) -> String {
        match kind {
            FindingKind::ThresholdsOutOfRange => {
                "le soglie devono essere comprese tra 0 e 100".to_string()
            }
            FindingKind::FairAboveGood { fair, good } => format!(
                "la soglia `fair` ({}) è superiore alla soglia `good` ({})",
                loc.number(*fair),
                loc.number(*good)
            ),
            FindingKind::NoPerspectives => "il piano non ha ancora prospettive".to_string(),
            FindingKind::NoStrategicObjectives => "non ha obiettivi strategici".to_string(),
            FindingKind::WrongWeight(e) => format!(
                "{}; l'obiettivo è escluso dal calcolo dei punteggi",
                self.weight_error(e, loc)
            ),
            FindingKind::NoOperationalObjectives => "non ha obiettivi operativi".to_string(),
            FindingKind::WeightNotSum { weight, sum } => format!(
                "il peso {} % è diverso dalla somma dei pesi dei suoi obiettivi operativi ({} %)",
                loc.number(*weight),
                loc.number(*sum)
            ),
            FindingKind::NoStrategicIndicators => {
                "non ha indicatori strategici, quindi la sua realizzazione non è calcolabile"
                    .to_string()
            }
            FindingKind::NoOperationalIndicators => {
                "non ha indicatori operativi, quindi la sua realizzazione non è calcolabile"
                    .to_string()
            }
            FindingKind::TotalWeight { total } => format!(
                "la somma dei pesi degli obiettivi strategici è {} %, non 100 %",
                loc.number(*total)
            ),
            FindingKind::EmptyId => "l'identificativo è vuoto".to_string(),
            FindingKind::DuplicateId { id, first } => format!(
                "l'identificativo \"{id}\" è usato anche da {}; ogni indicatore deve avere un identificativo diverso",
                self.place(first)
            ),
            FindingKind::NoDescription => "non ha una descrizione".to_string(),
            FindingKind::Unscorable(e) => {
                format!("{}; l'indicatore non è calcolabile", self.value_error(e, loc))
            }
            FindingKind::NoteRequired { realization, fair } => format!(
                "una realizzazione del {} è sotto la soglia di sufficienza (`fair`, {} %): il piano chiede una nota che ne spieghi il motivo",
                loc.percent(*realization),
                loc.number(*fair)
            ),
            FindingKind::CheckThisValue { result, target } => format!(
                "controlla questo valore: il risultato {} è lontano dal target {} (più di 100 volte maggiore o minore); un punto delle migliaia, o una percentuale scritta come frazione?",
                loc.number(*result),
                loc.number(*target)
            ),
            FindingKind::ResultDateFar { date, year } => format!(
                "la data del risultato {} è lontana dall'anno del piano ({year}): l'anno è corretto?",
                loc.date(*date)
            ),
            FindingKind::BaselineNeedsNumber { unit: u } => format!(
                "il valore di partenza è una data, ma l'unità di misura è {}: scrivi un numero",
                unit(u)
            ),
            FindingKind::BaselineNeedsDate => {
                "il valore di partenza è un numero, ma l'unità di misura è Date: scrivi una data come \"2017-12-31\""
                    .to_string()
            }
            FindingKind::NegativeTargetInProportion => {
                "con un target negativo la realizzazione non si può calcolare in proporzione: se il target \
                 non è raggiunto, la realizzazione è 0 %; scrivi `scoring: AllOrNothing` per dichiararlo"
                    .to_string()
            }
            FindingKind::EqualShareOfNothing => {
                "il peso `Equal` è una quota uguale di niente: i pesi scritti accanto prendono già tutto, quindi pesa 0"
                    .to_string()
            }
            FindingKind::BaselineUnfit(e) => format!("il valore di partenza (baseline): {}", self.value_error(e, loc)),
            FindingKind::PlanScoring(e) => format!(
                "il modo di calcolo del piano (scoring): {}; gli indicatori che lo usano restano senza realizzazione",
                bands_error(e, loc)
            ),
            FindingKind::PeriodWithoutName => "un periodo di monitoraggio non ha nome".to_string(),
            FindingKind::PeriodTwice { name } => {
                format!("il periodo di monitoraggio \"{name}\" è elencato due volte")
            }
            FindingKind::PeriodOutOfOrder { name, date } => format!(
                "il periodo di monitoraggio \"{name}\" ({}) non viene dopo quello che lo precede: elenca i periodi in ordine di data",
                loc.date(*date)
            ),
            FindingKind::PeriodOutsideYear { name, date, year } => format!(
                "il periodo di monitoraggio \"{name}\" ha data {}, fuori dall'anno {year} del piano",
                loc.date(*date)
            ),
            FindingKind::PeriodValuesTwice { name } => format!(
                "i valori del periodo \"{name}\" sono scritti due volte: conta solo la prima; togli l'altra"
            ),
            FindingKind::TargetChangeUnfit(e) => {
                format!("il target prima della rimodulazione: {}", self.value_error(e, loc))
            }
            FindingKind::OfficeWithoutName => "un ufficio dell'elenco `offices` non ha nome".to_string(),
            FindingKind::OfficeTwice { name } => {
                format!("l'ufficio \"{name}\" è elencato due volte in `offices`")
            }
            FindingKind::OwnerNotListed { owner } => format!(
                "l'ufficio \"{owner}\" non è tra gli uffici del piano (`offices`): aggiungilo all'elenco o correggi il nome"
            ),
            FindingKind::UnknownPeriod { name } => format!(
                "valori per il periodo \"{name}\", che il piano non elenca tra i suoi `periods`"
            ),
            FindingKind::FinalPeriodValues { name } => format!(
                "valori per \"{name}\" tra i periodi: è il periodo finale, i cui valori sono `result`, `override` e `note` dell'indicatore"
            ),
            FindingKind::AtPeriod { name, kind } => {
                format!("al periodo \"{name}\": {}", self.finding(kind, loc))
            }
            FindingKind::TargetChangeWithoutReason { date } => format!(
                "la rimodulazione del target del {} non ha motivazione: la Relazione deve dire perché il target è cambiato",
                loc.date(*date)
            ),
            FindingKind::TargetChangeOutsideYear { date, year } => format!(
                "la rimodulazione del target ha data {}, fuori dall'anno {year} del piano",
                loc.date(*date)
            ),
            FindingKind::PrecisionTooFine { decimals } => format!(
                "precisione di {decimals} decimali: le cifre si mostrano con al massimo {} decimali",
                crate::plan::Precision::MAX
            ),
            FindingKind::GraceDaysWithoutDeadline => {
                "GraceDays vale solo per le scadenze; per questo target la realizzazione si calcola in proporzione"
                    .to_string()
            }
        }
    }

    fn tally(&self, t: &Tally) -> String {
        format!(
            "{}, {}",
            count(t.errors, "errore", "errori"),
            count(t.warnings, "avvertenza", "avvertenze")
        )
    }

    fn value_error(&self, e: &ValueError, loc: Locale) -> String {
        let n = |v: &rust_decimal::Decimal| loc.number(*v);
        match e {
            ValueError::DeadlineNeedsDateUnit { unit: u } => format!(
                "il target è una scadenza, quindi l'unità di misura deve essere Date, non {}",
                unit(u)
            ),
            ValueError::DateUnitNeedsDeadline => {
                "l'unità di misura è Date, quindi il target deve essere una scadenza: Deadline(\"AAAA-MM-GG\")"
                    .to_string()
            }
            ValueError::NegativeCountTarget { unit: u, value } => format!(
                "un conteggio non può avere un target negativo ({}, unità {})",
                n(value),
                unit(u)
            ),
            ValueError::CountTargetNotWhole { unit: u, value } => format!(
                "il target {value} non è un numero intero (unità {}){}",
                unit(u),
                thousands_hint(*value)
            ),
            ValueError::CountLikeThousands { unit: u, value } => format!(
                "il conteggio {value} (unità {}) è scritto con tre decimali, come se il punto separasse le migliaia{}; se intendevi proprio {whole}, scrivi {whole}",
                unit(u),
                thousands_hint(*value),
                whole = value.trunc()
            ),
            ValueError::RangeReversed { min, max } => {
                format!("nell'intervallo {} – {} il minimo è superiore al massimo", n(min), n(max))
            }
            ValueError::ResultNeedsNumber { unit: u } => format!(
                "il risultato è una data, ma l'unità di misura è {}: scrivi un numero",
                unit(u)
            ),
            ValueError::ResultNeedsDate => {
                "il risultato è un numero, ma l'unità di misura è Date: scrivi una data come \"2017-12-31\""
                    .to_string()
            }
            ValueError::CountResultNotWhole { unit: u, value } => format!(
                "il risultato {value} non è un numero intero (unità {}); per i valori con decimali usa l'unità Number{}",
                unit(u),
                thousands_hint(*value)
            ),
            ValueError::OverrideOutOfRange { value } => {
                format!("la forzatura {} % è fuori dall'intervallo 0–100 %", n(value))
            }
            ValueError::OverrideWithoutReason => {
                "la forzatura non ha la motivazione: scrivi perché non si usa la realizzazione calcolata"
                    .to_string()
            }
            ValueError::YesNoTargetNeedsYesNoUnit { unit: u } => format!(
                "il target è Yes o No, quindi l'unità deve essere YesNo, non {}",
                unit(u)
            ),
            ValueError::YesNoUnitNeedsYesNoTarget => {
                "l'unità è YesNo, quindi il target deve essere Yes o No".to_string()
            }
            ValueError::YesNoResultNeedsYesNoUnit { unit: u } => format!(
                "il risultato è Yes o No, ma l'unità è {}: scrivi un numero",
                unit(u)
            ),
            ValueError::ResultNeedsYesNo => {
                "l'unità è YesNo, quindi il risultato deve essere Yes o No (Sì o No)".to_string()
            }
            ValueError::RatioNotForUnit { unit: u } => format!(
                "un rapporto non è un conteggio (unità {}): per i rapporti usa l'unità Number o Percent",
                unit(u)
            ),
            ValueError::RatioDenominatorNotPositive { denominator } => format!(
                "il denominatore del rapporto, {}, deve essere maggiore di zero",
                n(denominator)
            ),
            ValueError::RatioTooLarge => {
                "le parti del rapporto sono troppo grandi per confrontarlo esattamente con il target"
                    .to_string()
            }
            ValueError::BoundUndecidable { bound, value } => format!(
                "il risultato {} {} non basta a calcolare la realizzazione rispetto a questo target: scrivi il risultato esatto",
                bound.sign(),
                n(value)
            ),
            ValueError::NotAssessableWithoutReason => {
                "indicatore non valutabile senza motivazione: scrivi perché non si può valutare"
                    .to_string()
            }
            ValueError::Bands(e) => bands_error(e, loc),
        }
    }

    fn weight_error(&self, e: &WeightError, loc: Locale) -> String {
        let n = |v: &rust_decimal::Decimal| loc.number(*v);
        match e {
            WeightError::Negative(w) => format!("il peso {} % è negativo", n(w)),
            WeightError::AboveWhole(w) => {
                format!("il peso {} % supera il totale del piano (100 %)", n(w))
            }
            WeightError::TooManyDecimals(w) => format!(
                "il peso {w} % ha più di {WEIGHT_DECIMALS} decimali; arrotondalo, o scrivi `Equal` per quote uguali"
            ),
            WeightError::NoShareLeft(w) => format!(
                "il peso `Equal` non ha nulla da dividere: i pesi scritti accanto superano il loro totale di {} %",
                {
                    // Two decimals, unless they would hide the excess (16.67 for 100/6).
                    let excess = (-*w).round_dp(2);
                    if excess.is_zero() {
                        n(&(-*w).round_dp(6).normalize())
                    } else {
                        n(&excess.normalize())
                    }
                }
            ),
        }
    }

    fn input_error(&self, e: &InputError) -> String {
        match e {
            InputError::NotANumber { text, locale } => format!(
                "«{text}» non è un numero: scrivilo come {} o {}",
                locale.number(Decimal::new(203, 2)),
                locale.number(Decimal::from(1000))
            ),
            InputError::NotADate { text, locale } => {
                let example = match locale {
                    Locale::It => "31/12/2017 o 2017-12-31",
                    Locale::En => "2017-12-31 o 31/12/2017",
                };
                format!(
                    "«{text}» non è una data: scrivila come {example}, con l'anno a quattro cifre"
                )
            }
            InputError::NotYesNo { text, .. } => {
                format!("«{text}» non è né sì né no: scrivi Sì o No")
            }
            InputError::NotARatio { text, locale } => format!(
                "«{text}» non è un rapporto: scrivi numeratore e denominatore come {}/{}",
                locale.number(Decimal::from(79)),
                locale.number(Decimal::new(873, 1))
            ),
            InputError::NotATarget { text, locale } => format!(
                "«{text}» non è un target: scrivilo come >= {}, <= {}, {} – {}, una data (<= 31/12/2017) o Sì/No, secondo l'unità",
                locale.number(Decimal::from(80)),
                locale.number(Decimal::new(15, 1)),
                locale.number(Decimal::from(10)),
                locale.number(Decimal::from(20))
            ),
            InputError::NoBoundHere { text } => format!(
                "«{text}»: una data o un risultato sì/no è esatto, non una disuguaglianza; scrivilo senza >= o <="
            ),
        }
    }

    fn read_error(&self, e: &ReadError) -> String {
        match e {
            ReadError::QuotedNumber { number, written } => {
                format!("un numero si scrive senza virgolette: scrivi {number}, non {written}")
            }
            ReadError::NotANumber { found } => {
                format!("qui va un numero semplice come 2.03 o 1000, non `{found}`")
            }
            ReadError::NotExact { found } => format!(
                "il numero `{found}` non si può conservare in modo esatto (al massimo 28 cifre \
                 significative e non oltre 79228162514264337593543950335)"
            ),
            ReadError::NotANumberOrDate { found } => {
                format!(
                    "qui va un numero come 2.03, una data come \"2017-12-31\", Yes o No, un rapporto come Ratio(79, 87.3) o un limite come AtLeast(95), non `{found}`"
                )
            }
            ReadError::DateNotIso { written } => format!(
                "\"{written}\" non è una data nel formato del file: scrivi le date come \"AAAA-MM-GG\" (\"2017-12-31\")"
            ),
            ReadError::NeitherNumberNorDate { written } => format!(
                "\"{written}\" non è né un numero né una data: un numero si scrive senza virgolette ({written}), una data come \"AAAA-MM-GG\" (\"2017-12-31\")"
            ),
            ReadError::NotIsoDate { found } => {
                format!("qui va una data come \"2017-12-31\", non \"{found}\"")
            }
            ReadError::UnknownLocale { found } => format!(
                "\"{found}\" non è un valore previsto per il campo `locale`: scrivi \"it\" (2,03 · 1.000 · 31/12/2017) o \"en\" (2.03 · 1,000 · 2017-12-31)"
            ),
            ReadError::BadValueForm { found } => format!(
                "`{found}` non è un risultato che perfplan sa leggere: scrivi Ratio(79, 87.3) per un rapporto, AtLeast(95) (o MoreThan, AtMost, LessThan) per un limite, Yes o No"
            ),
            ReadError::NotAWeight { found } => {
                format!("atteso un peso come 27 o 9.5, oppure Equal; trovato `{found}`")
            }
        }
    }
}

/// Che cosa non va in una scala di fasce, a parole.
fn bands_error(e: &check::BandsError, loc: Locale) -> String {
    use check::BandsError as B;
    let n = |v: &Decimal| loc.number(*v);
    match e {
        B::Empty => "la scala delle fasce non ha alcuna fascia".to_string(),
        B::TopNotPositive { out_of } => format!(
            "il punteggio massimo delle fasce (out_of) {} deve essere maggiore di zero",
            n(out_of)
        ),
        B::FirstNotAtZero { from } => {
            format!("la prima fascia parte da {} %, non da 0 %", n(from))
        }
        B::LastNotAtHundred { to } => {
            format!("l'ultima fascia arriva a {} %, non a 100 %", n(to))
        }
        B::Reversed { band, from, to } => format!(
            "la fascia {band} va da {} % a {} %: l'inizio deve essere sotto la fine",
            n(from),
            n(to)
        ),
        B::Gap {
            band,
            from,
            previous_to,
        } => format!(
            "la fascia {band} parte da {} %, ma quella prima finisce a {} %: le fasce devono susseguirsi",
            n(from),
            n(previous_to)
        ),
        B::ScoresGoDown { band } => format!(
            "la fascia {band} dà meno di quanto dà un grado di raggiungimento più basso: i punteggi non devono scendere al crescere del raggiungimento (Linear(a, b) con a all'inizio della fascia)"
        ),
        B::ScoreOutOfRange {
            band,
            score,
            out_of,
        } => format!(
            "la fascia {band} dà {}, fuori da 0 – {} (il massimo della scala)",
            n(score),
            n(out_of)
        ),
    }
}
