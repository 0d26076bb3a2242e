use super::{It, count};
use crate::cli::Msg;
use crate::lang::{CliWords, Lang, Say};

impl CliWords for It {
    fn cli(&self, msg: &Msg) -> String {
        match msg {
            Msg::Counts {
                indicators,
                errors,
                warnings,
            } => format!(
                "{}, {}, {}",
                count(*indicators, "indicatore", "indicatori"),
                count(*errors, "errore", "errori"),
                count(*warnings, "avvertenza", "avvertenze")
            ),
            Msg::CannotWriteOutput(e) => format!("impossibile scrivere l'uscita del comando: {e}"),
            Msg::BadDelimiter => "--delimiter deve essere un solo carattere ASCII, diverso dalle virgolette e dall'a capo, come ; o ,".to_string(),
            Msg::BadDecimal => "--decimal deve essere , oppure .".to_string(),
            Msg::SameSeparators => {
                "il separatore dei campi del CSV e il separatore decimale devono essere diversi"
                    .to_string()
            }
            Msg::NotExportedForErrors { errors } => format!(
                "non esportato: il piano contiene {} ({}); {}, oppure esporta con --force una bozza segnalata come tale",
                count(*errors, "errore", "errori"),
                if *errors == 1 { "indicato sopra" } else { "elencati sopra" },
                if *errors == 1 { "correggilo" } else { "correggili" }
            ),
            Msg::XlsxNotToStdout => {
                "XLSX è un file binario: indica un file con -o invece di -".to_string()
            }
            Msg::Render(e) => e.say(Lang::It),
            Msg::IsThePlan { out } => format!(
                "non esportato: {} è il piano stesso; indica un altro file con -o",
                out.display()
            ),
            Msg::NotAFile { out, what } => format!(
                "non esportato: {} è {}; indica un file con -o",
                out.display(),
                what.say(Lang::It)
            ),
            Msg::Exported { out, replaced } => format!(
                "{} il file {}",
                if *replaced { "sostituito" } else { "creato" },
                out.display()
            ),
            Msg::NotExported(e) => format!("non esportato: {}", e.say(Lang::It)),
            Msg::TooBig {
                indicators,
                mib,
                max_mib,
                fit,
            } => format!(
                "piano non generato: {indicators} indicatori danno un piano di {mib} MiB, oltre i {max_mib} MiB che perfplan può leggere; al massimo ne entrano circa {fit}"
            ),
            Msg::Generated {
                out,
                replaced,
                indicators,
                bytes,
            } => format!(
                "{} il file {} ({}, {} byte)",
                if *replaced { "sostituito" } else { "creato" },
                out.display(),
                count(*indicators, "indicatore", "indicatori"),
                bytes
            ),
            Msg::NotGenerated { out, error } => format!("{}: {}", out.display(), error.say(Lang::It)),
            Msg::NoExample(e) => format!(
                "impossibile preparare il piano di esempio: {}",
                e.say(Lang::It)
            ),
            Msg::UnknownPeriod { name, known } if known.is_empty() => format!(
                "il piano non ha periodi di monitoraggio, quindi nessun periodo \"{}\": togli --period",
                crate::text::for_terminal(name)
            ),
            Msg::UnknownPeriod { name, known } => format!(
                "il piano non ha il periodo \"{}\"; i suoi periodi sono {}",
                crate::text::for_terminal(name),
                known.iter().map(|k| format!("\"{}\"", crate::text::for_terminal(k))).collect::<Vec<_>>().join(", ")
            ),
            Msg::RolledOver { out, year, indicators, baselines } => format!(
                "piano {year} scritto in {}: {}, {baselines} con un valore di partenza; risultati, note e rimodulazioni azzerati",
                out.display(),
                count(*indicators, "indicatore", "indicatori")
            ),
            Msg::YearNotAfter { year, plan_year } => format!(
                "il piano è del {plan_year}: l'anno nuovo deve venire dopo (e non oltre il 9999), non {year}"
            ),
            Msg::NotRolledOver(e) => format!("il nuovo piano non è stato scritto: {}", e.say(Lang::It)),
            Msg::OutputExists { out } => format!(
                "{} esiste già: scegli un altro nome (un piano non viene mai sovrascritto)",
                out.display()
            ),
            Msg::RolloverShape => "il nuovo piano non è stato scritto: perfplan non è riuscito a riscriverne fedelmente il testo; nessun file è stato creato".to_string(),
            Msg::DiffArguments { count } => format!(
                "diff confronta due piani, VECCHIO e NUOVO (oppure riceve da git sette argomenti, nove per un piano rinominato); ne ha ricevuti {count}"
            ),
            Msg::BadSince(e) => format!("--since: {}", e.say(Lang::It)),
            Msg::LogNotWritten(path, e) => format!("il registro delle modifiche {} non è stato aggiornato: {e}", path.display()),
            Msg::CannotReadLog(path, e) => format!("non riesco a leggere il registro delle modifiche {}: {e}", path.display()),
            Msg::LogDamaged { lines } => format!(
                "{} del registro delle modifiche non si {} leggere (interrotte da un arresto) e {} saltate",
                count(*lines, "riga", "righe"),
                if *lines == 1 { "può" } else { "possono" },
                if *lines == 1 { "è stata" } else { "sono state" }
            ),
            Msg::LogEmpty => "Nessuna modifica registrata.".to_string(),
            Msg::NotCollectedForErrors { errors } => format!(
                "nessun modulo scritto: il piano contiene {} (elencati sopra); correggili, poi raccogli i risultati",
                count(*errors, "errore", "errori")
            ),
            Msg::ImportProblem(p) => import_problem_it(p),
            Msg::ImportRefused { problems } => format!(
                "Non è stato applicato nulla: {} da correggere nei moduli (vedi sopra); corretti, importali di nuovo.",
                count(*problems, "riga o file", "righe o file")
            ),
            Msg::ImportConflict(l) => {
                let crate::cli::ImportConflictLine { at, id, field, period, held, now, sent } = &**l;
                format!(
                    "conflitto: {}: {id}{} {field}: il modulo è stato scritto con {held}, ma il piano ora ha {now}; il valore inviato ({sent}) non è applicato",
                    place_it(at),
                    period.map_or(String::new(), |p| format!(" ({p})"))
                )
            }
            Msg::ImportChange(l) => {
                let crate::cli::ImportChangeLine { id, field, period, old, new, before, after, from } = &**l;
                format!(
                    "{id}{} {field}: {old} → {new} · realizzazione {before} → {after} ({})",
                    period.map_or(String::new(), |p| format!(" ({p})")),
                    from.file_name().map_or_else(|| from.display().to_string(), |n| n.to_string_lossy().into_owned())
                )
            }
            Msg::ImportScores(l) => {
                let crate::cli::ImportScoresLine { period, strategic, operational } = &**l;
                format!(
                    "Punteggi complessivi{}: strategico {} → {}, operativo {} → {}",
                    period.map_or(String::new(), |p| format!(" al periodo \"{p}\"")),
                    strategic.0, strategic.1, operational.0, operational.1
                )
            }
            Msg::ImportTally { changes, conflicts, unchanged, applied } => format!(
                "{} {}, {}, {} già uguali al piano{}",
                count(*changes, "modifica", "modifiche"),
                match (*applied, *changes == 1) {
                    (true, true) => "applicata e salvata",
                    (true, false) => "applicate e salvate",
                    (false, _) => "da applicare (con --apply)",
                },
                count(*conflicts, "conflitto non applicato", "conflitti non applicati"),
                unchanged,
                ""
            ),
            Msg::ImportLocked => "il piano è aperto in un altro perfplan (o non si può bloccare): chiudilo e ripeti l'importazione; nulla è stato scritto".to_string(),
            Msg::ImportNotSaved(why) => format!(
                "il piano non è stato salvato, nulla è stato scritto: {}",
                match why {
                    crate::store::SaveFailure::ChangedOnDisk => {
                        "il file del piano è cambiato mentre si leggevano i moduli: ripeti l'importazione".to_string()
                    }
                    crate::store::SaveFailure::Unreadable(e) => format!("il file del piano non si legge: {e}"),
                    crate::store::SaveFailure::Write(e) => e.say(Lang::It),
                }
            ),
            Msg::ImportCsvUnchecked => "Nota: un CSV non registra i valori con cui è stato esportato, quindi un valore cambiato nel piano da allora non si distingue da uno cambiato dall'ufficio: controlla le modifiche qui sopra (i moduli di perfplan collect lo fanno da soli).".to_string(),
            Msg::TerminalFailed(e) => format!("errore del terminale: {e}"),
            Msg::MergeConflict(c) => merge_conflict(c),
            Msg::Merged { taken, added, removed, conflicts } => format!(
                "unione fatta: {} dalla loro versione, {} {}, {} {}; {}",
                count(*taken, "campo preso", "campi presi"),
                count(*added, "indicatore", "indicatori"),
                if *added == 1 { "aggiunto" } else { "aggiunti" },
                count(*removed, "indicatore", "indicatori"),
                if *removed == 1 { "tolto" } else { "tolti" },
                match conflicts {
                    0 => "nessun conflitto".to_string(),
                    n => format!("{} (tenuta la nostra versione)", count(*n, "conflitto", "conflitti")),
                }
            ),
            Msg::NotMerged => "unione non fatta: perfplan non è riuscito a seguire o a riscrivere fedelmente il testo della nostra versione, che resta com'era".to_string(),
            Msg::MergeNotWritten(e) => format!("il piano unito non è stato scritto: {}; la nostra versione resta com'era", e.say(Lang::It)),
            Msg::MergeRecorded { path: Some(p) } => format!(
                "i campi cambiati da entrambe le parti sono registrati in {}: l'app li elenca quando apre il piano unito, per scegliere campo per campo",
                p.display()
            ),
            Msg::Collected { out, office, indicators, replaced } => format!(
                "{} il file {}: {}, {}",
                if *replaced { "sostituito" } else { "creato" },
                out.display(),
                office.map_or("senza ufficio".to_string(), crate::text::for_terminal),
                count(*indicators, "indicatore", "indicatori")
            ),
            Msg::NoFormForOffice { office } => format!(
                "{}: nessun indicatore, nessun modulo",
                crate::text::for_terminal(office)
            ),
            Msg::NothingToCollect => "il piano non ha indicatori: nessun modulo è stato scritto".to_string(),
            Msg::BadDeadline(e) => format!("--deadline: {}", e.say(Lang::It)),
            Msg::FormExists { out } => format!(
                "{} esiste già: nessun modulo è stato scritto; aggiungi --force per sostituire i moduli, oppure scegli un'altra cartella con -o",
                out.display()
            ),
            Msg::FormRefused { out, why: crate::store::atomic::Refused::IsThePlan } => format!(
                "nessun modulo è stato scritto: {} è il piano stesso; scegli un'altra cartella con -o",
                out.display()
            ),
            Msg::FormRefused { out, why: crate::store::atomic::Refused::NotAFile(what) } => format!(
                "nessun modulo è stato scritto: {} è {}; scegli un'altra cartella con -o",
                out.display(),
                what.say(Lang::It)
            ),
            Msg::NoOutputDir { dir, error } => format!(
                "nessun modulo è stato scritto: impossibile creare la cartella {}: {error}",
                dir.display()
            ),
            Msg::FormNotBuilt(e) => format!("nessun modulo è stato scritto: impossibile costruire il foglio di calcolo: {e}"),
            Msg::FormNotWritten { out, error } => format!(
                "{} non è stato scritto: {}; i moduli elencati sopra sì",
                out.display(),
                error.say(Lang::It)
            ),
            Msg::MergeRecorded { path: None } => "i campi cambiati da entrambe le parti non sono stati registrati per l'app (perfplan non ha una cartella di stato in cui scrivere): annotali dalle righe qui sopra".to_string(),
        }
    }
}

/// Un conflitto dell'unione, su una riga.
fn merge_conflict(c: &crate::merge::Conflict) -> String {
    use crate::merge::Conflict;
    let t = crate::text::for_terminal;
    match c {
        Conflict::Field(f) => {
            let value = |v| crate::store::write::field_value(v).unwrap_or_else(|| "nessuno".into());
            format!(
                "conflitto: {} · {}: base {} · nostro {} (tenuto) · loro {}",
                t(&f.id),
                crate::merge::field_path(f),
                t(&value(&f.base)),
                t(&value(&f.ours)),
                t(&value(&f.theirs))
            )
        }
        Conflict::Frame => "conflitto: loro hanno cambiato il piano sopra gli indicatori (titolo, periodi, uffici, obiettivi, pesi…), che perfplan non unisce; resta il nostro: riporta a mano le loro modifiche".into(),
        Conflict::Duplicate { id } => format!("conflitto: più di un indicatore ha l'id {}; le sue modifiche non sono unite (rendi unici gli id)", t(id)),
        Conflict::Described { id } => format!("conflitto: {}: la loro descrizione, unità, baseline, regola di calcolo o target di un periodo è diversa dalla nostra; resta la nostra", t(id)),
        Conflict::Moved { id } => format!("conflitto: {}: spostato sotto un altro obiettivo o in un'altra tabella; resta dove lo abbiamo noi", t(id)),
        Conflict::AddedNowhere { id } => format!("conflitto: {}: aggiunto nella loro versione dove la nostra non ha posto per esso (l'obiettivo, o il suo elenco, non c'è nella nostra); non aggiunto", t(id)),
        Conflict::AddedTwice { id } => format!("conflitto: {}: aggiunto da entrambe le parti, in modo diverso; resta il nostro", t(id)),
        Conflict::RemovedChanged { id, ours_removed: true } => format!("conflitto: {}: tolto nella nostra versione e cambiato nella loro; resta tolto", t(id)),
        Conflict::RemovedChanged { id, ours_removed: false } => format!("conflitto: {}: tolto nella loro versione e cambiato nella nostra (o non toglibile com'è scritto); resta il nostro", t(id)),
        Conflict::NoSuchPeriod { id, period } => format!("conflitto: {}: il loro valore per il periodo \"{}\", che il nostro piano non elenca, non è unito", t(id), t(period)),
    }
}

/// Where a row of a form is, as a user finds it.
fn place_it(at: &crate::forms::import::RowPlace) -> String {
    let file = at.file.display();
    if at.sheet.is_empty() {
        format!("{file}, riga {}", at.row)
    } else {
        format!("{file}, foglio «{}», riga {}", at.sheet, at.row)
    }
}

fn import_problem_it(p: &crate::forms::import::Problem) -> String {
    use crate::forms::import::Problem;
    use crate::lang::PlanWords;
    match p {
        Problem::Unreadable { file, why } => format!(
            "{}: non si può leggere come foglio di calcolo o CSV: {why}",
            file.display()
        ),
        Problem::NotAForm { file } => format!(
            "{}: non è un modulo di perfplan (perfplan collect) né un CSV della sua esportazione: mancano i codici degli indicatori o la colonna dei risultati",
            file.display()
        ),
        Problem::OtherPlan { file, title, year } => format!(
            "{}: è un modulo di un altro piano o di un altro anno («{title}», {year}): usa i moduli di questo piano",
            file.display()
        ),
        Problem::UnknownPeriod { file, period } => format!(
            "{}: è un modulo del periodo \"{period}\", che il piano non ha",
            file.display()
        ),
        Problem::UnknownId { at, id } => format!(
            "{}: nessun indicatore del piano ha il codice «{id}»: correggi il codice o togli la riga",
            place_it(at)
        ),
        Problem::Duplicate { at, id, first } => format!(
            "{}: l'indicatore {id} è già in {}: tieni un solo valore",
            place_it(at),
            place_it(first)
        ),
        Problem::BadValue { at, id, error } => {
            format!("{}: {id}: {}", place_it(at), It.input_error(error))
        }
        Problem::WrongKind { at, id, error } => format!(
            "{}: {id}: {}",
            place_it(at),
            It.value_error(error, crate::plan::Locale::It)
        ),
        Problem::HeldUnreadable { file, id } => format!(
            "{}: il valore che il modulo registra per {id} quando è stato scritto non si legge (il foglio nascosto «perfplan» è stato modificato): usa un modulo nuovo di perfplan collect",
            file.display()
        ),
        Problem::NotOnForm { at, id } => format!(
            "{}: l'indicatore {id} non è tra quelli di questo modulo: scrivi il suo valore nel modulo del suo ufficio",
            place_it(at)
        ),
        Problem::OtherOffice { at, id, office } => format!(
            "{}: l'indicatore {id} ora è {}: il modulo è di prima; usa un modulo nuovo di perfplan collect",
            place_it(at),
            office
                .as_deref()
                .map_or("senza ufficio".to_string(), |o| format!(
                    "dell'ufficio «{o}»"
                ))
        ),
        Problem::AmbiguousId { at, id } => format!(
            "{}: più indicatori del piano hanno il codice «{id}»: rendilo univoco nel piano (perfplan check) prima di importare",
            place_it(at)
        ),
        Problem::PercentAsFraction { at, id, value } => {
            let loc = crate::plan::Locale::It;
            let meant = loc.number((value * rust_decimal::Decimal::ONE_HUNDRED).normalize());
            format!(
                "{}: {id}: {} in una cella numerica è una percentuale scritta come frazione (il foglio di calcolo tiene «{meant} %» come {}): scrivi {meant} per {meant} %; se è proprio {} %, scrivilo come testo",
                place_it(at),
                loc.number(*value),
                loc.number(*value),
                loc.number(*value)
            )
        }
    }
}
