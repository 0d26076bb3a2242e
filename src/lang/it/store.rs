use super::It;
use crate::lang::{PlanWords, StoreWords};

// ---- Reading a plan: why it cannot be read ----------------------------------------------

use std::io::ErrorKind;

use crate::store::{LoadError, Mistake, ReaderError, SyntaxError, Token};

/// "`a`, `b` o `c`".
fn list(alternatives: &[&str]) -> String {
    let quoted: Vec<String> = alternatives.iter().map(|a| format!("`{a}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} o {last}", head.join(", ")),
    }
}

/// ": i valori possibili sono `a` o `b`", the only one, or that there are none; `one` and
/// `many` name them (masculine: "valore", "valori").
fn possible(alternatives: &[&str], one: &str, many: &str) -> String {
    match alternatives {
        [] => format!(": non sono previsti {many}"),
        [only] => format!(": l'unico {one} possibile è `{only}`"),
        more => format!(": i {many} possibili sono {}", list(more)),
    }
}

fn token(t: Token) -> &'static str {
    match t {
        Token::ListStart => "manca la parentesi quadra aperta `[`",
        Token::ListEnd => "manca la parentesi quadra chiusa `]`",
        Token::StructStart => "manca la parentesi tonda aperta `(`",
        Token::StructEnd | Token::OptionEnd => "manca la parentesi tonda chiusa `)`",
        Token::MapStart => "manca la parentesi graffa aperta `{`",
        Token::MapEnd => "manca la parentesi graffa chiusa `}`",
        Token::Colon => "mancano i due punti `:`",
        Token::Comma => "manca una virgola",
        Token::Attribute => "manca un attributo `#![enable(...)]`",
        Token::AttributeEnd => "manca la chiusura `)]` dell'attributo enable",
        Token::Boolean => "qui va `true` o `false`",
        Token::Char => "qui va un carattere tra apici",
        Token::ByteLiteral => "qui va un byte tra apici",
        Token::Float => "qui va un numero",
        Token::Integer => "qui va un numero intero",
        Token::Option => "qui va `Some(…)` o `None`",
        Token::Unit => "qui va `()`",
        Token::String => "qui va un testo tra virgolette \"…\"",
        Token::ByteString => "qui va un testo di byte b\"…\"",
        Token::StringEnd => "mancano le virgolette \" che chiudono il testo",
        Token::Identifier => "qui va un nome, come `unit` o `Percent`",
        Token::RawValue => "qui va un valore",
        Token::RangeSyntax => "manca `..` o `..=`",
    }
}

impl StoreWords for It {
    fn load_error(&self, e: &LoadError) -> String {
        match e {
            LoadError::Io { source, .. } => match source.kind() {
                ErrorKind::NotFound => "il file non esiste".to_string(),
                ErrorKind::PermissionDenied => {
                    "non hai il permesso di leggere questo file".to_string()
                }
                ErrorKind::IsADirectory => "è una cartella, non un file".to_string(),
                // What the system says, in its words.
                _ => format!("impossibile leggere il file: {source}"),
            },
            LoadError::Empty { .. } => {
                "il file è vuoto; un piano inizia con `(` o `Plan(`".to_string()
            }
            LoadError::TooLarge { size, max, .. } => format!(
                "il file supera i {max} byte che perfplan può leggere (ne ha almeno {size}): è davvero un piano?"
            ),
            LoadError::NotUtf8 { byte, .. } => format!(
                "il file non è un testo UTF-8 (byte 0x{byte:02X}); salvalo con la codifica UTF-8"
            ),
            LoadError::CrLineEndings { .. } => {
                "le righe del file terminano con il solo carattere CR (ritorno a capo dei vecchi programmi per Mac); salvalo con il fine riga LF o CRLF"
                    .to_string()
            }
            LoadError::Syntax { what, .. } => self.syntax_error(what),
        }
    }

    fn syntax_error(&self, e: &SyntaxError) -> String {
        match e {
            SyntaxError::Mistake(m) => self.mistake(m),
            SyntaxError::Value(e) => self.read_error(e),
            SyntaxError::Reader(e) => self.reader_error(e),
        }
    }

    fn mistake(&self, m: &Mistake) -> String {
        match m {
            Mistake::TypographicQuotes { quote: q } => format!(
                "racchiudi il testo tra virgolette dritte \"…\", non tra virgolette tipografiche come {q}…{q} (le inserisce il programma di videoscrittura)"
            ),
            Mistake::TargetWithoutNumber { kind } => {
                format!("scrivi il target con il tipo e il numero, come {kind}(90)")
            }
            Mistake::TargetAsPrinted {
                kind,
                number,
                written_op,
                written_number,
            } => format!(
                "scrivi il confronto con il suo tipo (per un target o per un risultato noto solo come limite): {kind}({number}) invece di {written_op} {written_number}"
            ),
            Mistake::RangeWithoutNames { min, max } => format!(
                "in un intervallo gli estremi si scrivono con il loro nome: scrivi Between(min: {min}, max: {max})"
            ),
            Mistake::DecimalComma { written, meant } => format!(
                "nel file del piano i numeri si scrivono con il punto per i decimali e senza separatore delle migliaia: scrivi {meant}, non {written}"
            ),
            Mistake::UnclosedString => {
                "questo testo non è chiuso: mancano le virgolette \" finali (da qui in poi il file viene letto come testo)"
                    .to_string()
            }
        }
    }

    fn reader_error(&self, e: &ReaderError) -> String {
        match e {
            ReaderError::Eof => {
                "il file finisce troppo presto: una parentesi o delle virgolette non sono chiuse"
                    .to_string()
            }
            ReaderError::Expected(t) => token(*t).to_string(),
            ReaderError::ExpectedStruct("") => "manca la parentesi tonda aperta `(`".to_string(),
            ReaderError::ExpectedStruct(name) => {
                format!("manca la parentesi tonda aperta `(` di `{name}`")
            }
            ReaderError::WrongStructName { expected, found } => {
                format!("qui va `{expected}`, non `{found}`")
            }
            ReaderError::ExpectedStructName(name) => {
                format!("manca il nome `{name}` prima della parentesi")
            }
            ReaderError::UnknownVariant {
                expected,
                found,
                outer,
            } => {
                let place = outer
                    .as_ref()
                    .map_or(String::new(), |o| format!(" per `{o}`"));
                format!(
                    "`{found}` non è un valore ammesso{place}{}",
                    possible(expected, "valore", "valori")
                )
            }
            ReaderError::UnknownField {
                expected,
                found,
                outer,
            } => {
                let place = outer
                    .as_ref()
                    .map_or(String::new(), |o| format!(" in `{o}`"));
                format!(
                    "il campo `{found}` non esiste{place}{}",
                    possible(expected, "campo", "campi")
                )
            }
            ReaderError::MissingField { field, outer } => match outer {
                Some(outer) => format!("in `{outer}` manca il campo `{field}`"),
                None => format!("manca il campo `{field}`"),
            },
            ReaderError::DuplicateField { field, outer } => match outer {
                Some(outer) => format!("il campo `{field}` è scritto due volte in `{outer}`"),
                None => format!("il campo `{field}` è scritto due volte"),
            },
            // The kinds are named by serde and ron, in English.
            ReaderError::WrongType { expected, found } => {
                format!(
                    "qui va un valore di un altro tipo (previsto: {expected}; trovato: {found})"
                )
            }
            ReaderError::WrongLength { expected, found } => {
                format!(
                    "il numero di elementi è sbagliato (previsti: {expected}; trovati: {found})"
                )
            }
            ReaderError::IntegerOutOfBounds => {
                "il numero intero è fuori dai limiti ammessi".to_string()
            }
            ReaderError::InvalidIntegerDigit { digit, base } => {
                format!("la cifra «{digit}» non è valida in un numero in base {base}")
            }
            ReaderError::FloatUnderscore => {
                "un numero con decimali non può contenere il trattino basso `_`".to_string()
            }
            ReaderError::UnderscoreAtBeginning => {
                "un numero non può iniziare con il trattino basso `_`".to_string()
            }
            ReaderError::UnexpectedChar(c) => format!("qui non è previsto il carattere «{c}»"),
            ReaderError::TrailingCharacters => "dopo la fine del piano c'è altro testo".to_string(),
            ReaderError::UnclosedBlockComment => {
                "un commento aperto con /* non è chiuso da */".to_string()
            }
            ReaderError::UnclosedLineComment => {
                "un commento // deve terminare con un a capo".to_string()
            }
            ReaderError::BadEscape(_) => {
                "nel testo c'è una sequenza con la barra rovesciata \\ non valida".to_string()
            }
            ReaderError::NoSuchExtension(name) => {
                format!("non esiste un'estensione RON di nome `{name}`")
            }
            ReaderError::InvalidIdentifier(name) => format!("nome non valido: «{name}»"),
            ReaderError::SuggestRawIdentifier(name) => {
                format!("il nome «{name}» non si può scrivere così: scrivi `r#{name}`")
            }
            ReaderError::TooDeep { limit } => format!(
                "i valori sono annidati su più di {limit} livelli; un piano ne ha circa 10, quindi questo file non è un piano"
            ),
            // ron says it only in English.
            ReaderError::Other(text) => format!("il file non si può leggere come piano: {text}"),
        }
    }
}

// ---- end of reading a plan ---------------------------------------------------------------
