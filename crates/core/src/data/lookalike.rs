//! Whether two labels would look the same on screen: "Emploi" and "Еmploi"
//! (a Cyrillic Е), "Insertion" and "insertion", "Économie" and "Economie".
//! Two themes or regions that read alike cannot be told apart in the facet
//! panel; the validator warns about them.
//!
//! A [`skeleton`] folds what a reader does not see: case, accents and
//! combining marks, invisible characters, the Cyrillic and Greek letters
//! drawn like Latin ones, the dash and apostrophe variants, runs of spaces.
//! It is a small table for the alphabets of this dataset, not Unicode's
//! whole confusables list: enough for the look-alikes an editor (or a copy
//! from a PDF) can produce.

use crate::data::text::{is_combining, is_invisible};

/// Base letters of U+00C0..=U+017F (Latin-1 Supplement and Latin
/// Extended-A), lower case; `.` where a letter has none of its own or
/// is written out in [`fold_char`].
const LATIN: &str = concat!(
    "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y",
    "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.",
    "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.",
);

/// Pushes what `c` looks like, in lower-case Latin where it has a look-alike.
fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{C0}'..='\u{17F}' => {
            let base = LATIN.as_bytes()[c as usize - 0xC0];
            if base != b'.' {
                base as char
            } else {
                match c {
                    'Æ' | 'æ' => return out.push_str("ae"),
                    'Œ' | 'œ' => return out.push_str("oe"),
                    'ß' => return out.push_str("ss"),
                    'Ø' | 'ø' => 'o',
                    'Ð' | 'ð' | 'Đ' | 'đ' => 'd',
                    'Ł' | 'ł' | 'Ŀ' | 'ŀ' => 'l',
                    'Ħ' | 'ħ' => 'h',
                    'ı' => 'i',
                    'ſ' => 's',
                    other => other,
                }
            }
        }
        // Cyrillic letters drawn like Latin ones.
        'А' | 'а' => 'a',
        'В' | 'в' => 'b',
        'Е' | 'е' | 'Ё' | 'ё' => 'e',
        'К' | 'к' => 'k',
        'М' | 'м' => 'm',
        'Н' | 'н' | 'һ' | 'Һ' => 'h',
        'О' | 'о' => 'o',
        'Р' | 'р' => 'p',
        'С' | 'с' => 'c',
        'Т' | 'т' => 't',
        'Х' | 'х' => 'x',
        'У' | 'у' | 'Ү' | 'ү' => 'y',
        'І' | 'і' | 'Ї' | 'ї' | 'Ӏ' | 'ӏ' => 'i',
        'Ј' | 'ј' => 'j',
        'Ѕ' | 'ѕ' => 's',
        'Ԁ' | 'ԁ' => 'd',
        'Ԛ' | 'ԛ' => 'q',
        'Ԝ' | 'ԝ' => 'w',
        // Greek letters drawn like Latin ones (both cases alike, so that
        // case never tells two labels apart).
        'Α' | 'α' | 'ά' | 'Ά' => 'a',
        'Β' | 'β' => 'b',
        'Ε' | 'ε' | 'έ' | 'Έ' => 'e',
        'Ζ' | 'ζ' => 'z',
        'Η' | 'η' => 'h',
        'Ι' | 'ι' | 'ί' | 'Ί' | 'ϊ' => 'i',
        'Κ' | 'κ' => 'k',
        'Μ' | 'μ' => 'm',
        'Ν' | 'ν' => 'n',
        'Ο' | 'ο' | 'ό' | 'Ό' => 'o',
        'Ρ' | 'ρ' => 'p',
        'Τ' | 'τ' => 't',
        'Υ' | 'υ' | 'ύ' | 'Ύ' | 'ϋ' => 'y',
        'Χ' | 'χ' => 'x',
        // Dashes and apostrophes an editor cannot tell apart.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' | '\u{B4}' => '\'',
        c if c.is_whitespace() => ' ',
        // Lower case for the other Greek and Cyrillic capitals; std's
        // to_lowercase would bring all of Unicode's case tables (about
        // 6 KB of gzipped wasm) to the converter, for alphabets no label
        // of this dataset is written in.
        '\u{391}'..='\u{3A9}' | '\u{410}'..='\u{42F}' => {
            char::from_u32(c as u32 + 0x20).unwrap_or(c)
        }
        '\u{400}'..='\u{40F}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        c => c,
    };
    out.push(folded);
}

/// What a label looks like, folded so that two labels a reader cannot tell
/// apart have the same skeleton.
pub fn skeleton(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if is_invisible(c) || is_combining(c) {
            continue;
        }
        fold_char(c, &mut out);
        // One space however many were written, none at the ends.
        if out.ends_with("  ") || out == " " {
            out.pop();
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_share_a_skeleton() {
        for (a, b) in [
            ("Emploi", "emploi"),
            ("Emploi", "\u{415}mploi"),               // Cyrillic Е
            ("Économie", "Economie"),                 // precomposed é
            ("Économie", "E\u{301}conomie"),          // combining acute
            ("Insertion", "Ins\u{435}rtion"),         // Cyrillic е
            ("Dialogue social", "Dialogue  social "), // spaces
            ("Achats", "Ach\u{200B}ats"),             // zero-width space
            ("Île-de-France", "Ile\u{2011}de\u{2011}France"),
            ("Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d’Azur"),
            ("ΚΟΡΑ", "kopa"),
            ("Œuvres", "oeuvres"),
            ("ДОМ", "дом"),
            ("ΔΕΛΤΑ", "δελτα"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn different_labels_stay_apart() {
        for (a, b) in [
            ("Emploi", "Emplois"),
            ("Insertion", "Formation"),
            ("La Réunion", "Martinique"),
            ("Jeunes", "Jeûne"),
            // A Cyrillic Р is drawn like a Latin P, not an R.
            ("RSE", "\u{420}SE"),
        ] {
            assert_ne!(skeleton(a), skeleton(b), "{a:?} {b:?}");
        }
        assert_eq!(skeleton("  "), "");
    }
}
