//! Text folding for search and sorting, so that a visitor typing "economie"
//! on a phone keyboard finds "Économie", and "oeuvre" finds "œuvre".
//!
//! Folding is a hand-written table rather than Unicode normalisation: the app
//! must not pull in normalisation tables (wasm size), and French needs only
//! Latin-1 Supplement and Latin Extended-A, plus the ligatures. Other scripts
//! are lowercased by [`lower`], which knows the cased alphabets a name in a
//! French record may be written in (Greek, Cyrillic, Armenian, Vietnamese
//! and other Latin letters); std's full Unicode lowercasing costs 5.6 KB of
//! gzipped wasm for scripts no record uses.
//!
//! Invisible characters (zero-width, bidi controls, soft hyphen, combining
//! diacritics) are dropped rather than treated as separators: pasted text
//! often carries them inside words, and a spoofed word must not hide from
//! search.

/// The folded form of one character, for the characters the table knows.
fn table(c: char) -> Option<&'static str> {
    let s = match c {
        'À'..='Å' | 'à'..='å' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' => "c",
        'È'..='Ë' | 'è'..='ë' => "e",
        'Ì'..='Ï' | 'ì'..='ï' => "i",
        'Ð' | 'ð' => "d",
        'Ñ' | 'ñ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' | 'ù'..='ü' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        // Latin Extended-A, U+0100..=U+017F, in code point order.
        'Ā'..='ą' => "a",
        'Ć'..='č' => "c",
        'Ď'..='đ' => "d",
        'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ń'..='ŋ' => "n",
        'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'Ţ'..='ŧ' => "t",
        'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        'ſ' => "s",
        // Typographic ligatures, found in text copied from PDFs.
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    };
    Some(s)
}

/// Characters that carry no letter of their own and must vanish, not split.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                      // soft hyphen
        | '\u{061C}'                    // arabic letter mark
        | '\u{180E}'                    // mongolian vowel separator
        | '\u{200B}'..='\u{200F}'       // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidi isolates
        | '\u{FEFF}'                    // byte order mark
        | '\u{FE00}'..='\u{FE0F}'       // variation selectors
        | '\u{0300}'..='\u{036F}'       // combining diacritics (decomposed accents)
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
    )
}

/// The lower-case letter of `c` in the alphabets named above; any other
/// character as it is. Idempotent: a lower-case letter maps to itself.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let to = match u {
        // Greek capitals, Α..Ω (U+03A2 is unassigned).
        0x0391..=0x03A9 if u != 0x03A2 => u + 0x20,
        // Greek capitals with tonos.
        0x0386 => 0x03AC,
        0x0388..=0x038A => u + 0x25,
        0x038C => 0x03CC,
        0x038E | 0x038F => u + 0x3F,
        // Cyrillic: Ѐ..Џ, А..Я, then the pairs of the extended letters.
        0x0400..=0x040F => u + 0x50,
        0x0410..=0x042F => u + 0x20,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x052F if u.is_multiple_of(2) => u + 1,
        0x04C1..=0x04CE if !u.is_multiple_of(2) => u + 1,
        // Armenian.
        0x0531..=0x0556 => u + 0x30,
        // Latin Extended-B pairs and Latin Extended Additional (Vietnamese…).
        0x01CD..=0x01DC if !u.is_multiple_of(2) => u + 1,
        0x01DE..=0x01EF | 0x01F8..=0x021F | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF
            if u.is_multiple_of(2) =>
        {
            u + 1
        }
        // Letterlike symbols that are letters: Kelvin, Ångström.
        0x212A => 'k' as u32,
        0x212B => 0xE5,
        // Fullwidth Latin capitals.
        0xFF21..=0xFF3A => u + 0x20,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

pub(crate) fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(s) = table(c) {
        out.push_str(s);
    } else if !is_invisible(c) {
        // Lowercasing can land on a character the table folds (e.g. the
        // Angström sign becomes å), so the table applies again to keep
        // folding idempotent.
        let l = lower(c);
        if let Some(s) = table(l) {
            out.push_str(s);
        } else if !is_invisible(l) {
            out.push(l);
        }
    }
}

/// Appends the folded form of `text` to `out`, so callers can reuse a buffer.
pub fn fold_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    for c in text.chars() {
        push_folded(c, out);
    }
}

/// Lowercase, without accents, ligatures spelled out, invisible characters dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    fold_into(text, &mut out);
    out
}

/// The words of an already folded text: maximal runs of alphanumeric characters.
pub fn split_folded(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The folded words of `text`; apostrophes, hyphens, quotes and all other
/// punctuation separate words ("l’action" → "l", "action").
pub fn tokens(text: &str) -> Vec<String> {
    split_folded(&fold(text)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_and_strips_french_accents() {
        assert_eq!(fold("Économie"), "economie");
        assert_eq!(
            fold("àâäáãå çÇ éèêë îïíì ôöóòõø ùûüú ÿý ñ"),
            "aaaaaa cc eeee iiii oooooo uuuu yy n"
        );
        assert_eq!(
            fold("ÀÂÄÁÃÅ ÉÈÊË ÎÏÍÌ ÔÖÓÒÕØ ÙÛÜÚ ŸÝ Ñ"),
            "aaaaaa eeee iiii oooooo uuuu yy n"
        );
        assert_eq!(fold("Côte d'Azur"), "cote d'azur");
    }

    #[test]
    fn spells_out_ligatures() {
        assert_eq!(fold("œuvre Œuvre"), "oeuvre oeuvre");
        assert_eq!(fold("Æ æ ß"), "ae ae ss");
        assert_eq!(fold("ﬁnancement"), "financement");
    }

    #[test]
    fn covers_latin_extended_a() {
        for c in '\u{0100}'..='\u{017F}' {
            let f = fold(&c.to_string());
            assert!(
                !f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase()),
                "{c} -> {f}"
            );
        }
        for c in ('\u{00C0}'..='\u{00FF}').filter(|c| *c != '×' && *c != '÷') {
            let f = fold(&c.to_string());
            assert!(
                !f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase()),
                "{c} -> {f}"
            );
        }
        assert_eq!(fold("Łódź Šťastný Ő"), "lodz stastny o");
    }

    #[test]
    fn splits_on_apostrophes_quotes_and_hyphens() {
        assert_eq!(tokens("l’action"), ["l", "action"]);
        assert_eq!(tokens("l'action"), ["l", "action"]);
        assert_eq!(tokens("Recyc’matelas"), ["recyc", "matelas"]);
        assert_eq!(tokens("ÎLE-DE-FRANCE"), ["ile", "de", "france"]);
        assert_eq!(tokens("«Économie sociale»"), ["economie", "sociale"]);
        assert_eq!(
            tokens("CPME, UDES et l’IAE (RSE)."),
            ["cpme", "udes", "et", "l", "iae", "rse"]
        );
        assert_eq!(tokens("21 novembre 2019"), ["21", "novembre", "2019"]);
        assert!(tokens("  — … ! ").is_empty());
        assert!(tokens("").is_empty());
    }

    #[test]
    fn folded_forms_meet() {
        assert!(tokens("Économie")[0].starts_with(&fold("economie")));
        assert_eq!(tokens("oeuvre"), tokens("Œuvre"));
        assert_eq!(tokens("main-d’œuvre"), ["main", "d", "oeuvre"]);
        // Decomposed accents (NFD), as some editors and macOS file names write them.
        assert_eq!(fold("E\u{301}conomie"), "economie");
    }

    #[test]
    fn invisible_characters_vanish_inside_words() {
        assert_eq!(tokens("éco\u{200B}nomie"), ["economie"]);
        assert_eq!(tokens("inter\u{AD}national"), ["international"]);
        assert_eq!(tokens("\u{202E}emmargorp\u{202C}"), ["emmargorp"]);
        assert_eq!(tokens("\u{FEFF}Bretagne\u{2066}"), ["bretagne"]);
        assert_eq!(tokens("a\u{200D}b\u{2069}c"), ["abc"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "\0",
            "a\0b",
            "🎉 fête 🇫🇷",
            "\u{202E}\u{202E}\u{202E}",
            "\u{10FFFF}",
            "İstanbul",
            "K\u{212A}\u{212B}",
            "ΣΑΣ",
            "\u{0301}",
            "👩‍👩‍👧",
        ] {
            let _ = fold(s);
            let _ = tokens(s);
        }
        assert_eq!(tokens("a\0b"), ["a", "b"]);
        assert_eq!(tokens("🎉 fête 🇫🇷"), ["fete"]);
        assert_eq!(tokens("İstanbul"), ["istanbul"]);
        assert_eq!(fold("\u{212B}"), "a");
    }

    #[test]
    fn lower_agrees_with_unicode_where_it_applies() {
        // Wherever `lower` changes a letter, it does what Unicode does.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let l = lower(c);
            if l != c {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
            assert_eq!(lower(l), l, "{c:?} is not idempotent");
        }
        for (upper, expected) in [
            ('Ж', 'ж'),
            ('Ё', 'ё'),
            ('Ω', 'ω'),
            ('Ά', 'ά'),
            ('Ա', 'ա'),
            ('Ạ', 'ạ'),
            ('Ａ', 'ａ'),
        ] {
            assert_eq!(lower(upper), expected);
        }
    }

    #[test]
    fn other_scripts_lowercase() {
        assert_eq!(fold("ΣΑΣ"), "σασ");
        assert_eq!(tokens("Москва"), ["москва"]);
    }

    proptest::proptest! {
        #[test]
        fn fold_is_idempotent_and_total(s in "\\PC*") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once.clone());
            for t in tokens(&s) {
                proptest::prop_assert!(!t.is_empty());
                proptest::prop_assert!(t.chars().all(char::is_alphanumeric));
                proptest::prop_assert_eq!(tokens(&t), vec![t.clone()]);
            }
        }

        #[test]
        fn any_chars_never_panic(s in proptest::collection::vec(proptest::char::any(), 0..40)) {
            let s: String = s.into_iter().collect();
            let _ = tokens(&s);
        }
    }
}
