//! Text folded for searching: lower case, Latin letters without their diacritics, so that
//! "attivita", "Attività" and "ATTIVITÀ" all read "attivita" and "perche" finds "perché".
//! Both the searched text and the query are folded the same way, then compared byte by byte.

/// The letter a lower-case Latin letter with a diacritic stands for (or the letters of a
/// ligature); `None` when `c` has nothing to take off.
fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Typographic apostrophes read as the typed one: "dell’ente" is found by "dell'ente".
        '\u{2018}' | '\u{2019}' => "'",
        _ => return None,
    })
}

/// Whether `c` is an accent written as a character of its own after its letter (the
/// decomposed form: `a` followed by U+0300 for `à`).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// Appends `s` folded to `out`. Control characters (a line break in a note) become spaces.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c.is_ascii_control() {
                ' '
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        for l in c.to_lowercase() {
            if is_combining_mark(l) {
                continue;
            }
            match base_letters(l) {
                Some(base) => out.push_str(base),
                None if l.is_control() => out.push(' '),
                None => out.push(l),
            }
        }
    }
}

/// `s` folded: lower case, without the diacritics of Latin letters.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Attività"), "attivita");
        assert_eq!(fold("ATTIVITÀ"), "attivita");
        assert_eq!(fold("perché"), "perche");
        assert_eq!(fold("PERCHÉ"), "perche");
        // Decomposed: the letter, then the accent on its own.
        assert_eq!(fold("perche\u{301}"), "perche");
        assert_eq!(fold("Straße, Œuvre, Łódź"), "strasse, oeuvre, lodz");
        assert_eq!(fold("dell’ente"), "dell'ente");
        assert_eq!(fold("a\nb\tc"), "a b c");
        // Other scripts are only lower-cased.
        assert_eq!(fold("ΑΒΓ 日本"), "αβγ 日本");
    }
}
