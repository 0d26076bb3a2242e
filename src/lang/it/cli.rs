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
            Msg::CannotReadLog(path, e) => format!("non riesco a leggere il registro delle modifiche {}: {e}", path.display()),
            Msg::LogDamaged { lines } => format!(
                "{} del registro delle modifiche non si {} leggere (interrotte da un arresto) e {} saltate",
                count(*lines, "riga", "righe"),
                if *lines == 1 { "può" } else { "possono" },
                if *lines == 1 { "è stata" } else { "sono state" }
            ),
            Msg::LogEmpty => "Nessuna modifica registrata.".to_string(),
            Msg::TerminalFailed(e) => format!("errore del terminale: {e}"),
        }
    }
}
