//! French analysis: the one function that turns text into search words, used
//! by the index writer at build time and by the query in the page, so the
//! two can never disagree.
//!
//! A word is a maximal run of letters and digits after folding ([`fold`]):
//! hyphens, apostrophes and all other punctuation separate words
//! ("Île-de-France" gives "ile", "de", "france"). An elided article or
//! pronoun ("l’", "d’", "qu’"…) is dropped when a word follows it, so
//! "l’insertion" and "insertion" are the same word.
//!
//! [`stem`] maps the inflections of a word to one form (plural, feminine,
//! verb endings, and the few derivations a visitor meets: "recyclage" and
//! "recycler" meet at "recycl"). It works on folded words, where accents
//! are gone, so it is written for them rather than taken from Snowball
//! (whose rules read accents): a handful of suffix rules, each applied only
//! when it leaves at least three letters. Its table of French pairs is in
//! the tests below; its stems are compared for equality only, never as
//! prefixes, so an aggressive rule costs a little precision (ranked below
//! the exact word), not recall.

use std::borrow::Cow;
use std::ops::Range;

use crate::engine::fold;

/// Words that lose their vowel before another word: "l’", "d’", "qu’".
const ELISIONS: [&str; 14] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// Calls `f` with each word of `text` (folded, elisions dropped) and the
/// byte range it covers in `text`, in order.
pub fn each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    // One copy of the loop in the page's code, whatever the callers.
    words_into(text, &mut f)
}

fn words_into(text: &str, f: &mut dyn FnMut(&str, Range<usize>)) {
    // Sized once: a word rarely outgrows it, so no reallocation per word.
    let mut word = String::with_capacity(32);
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut folded = String::with_capacity(8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        folded.clear();
        fold::push_folded(c, &mut folded);
        if folded.is_empty() {
            // Invisible characters vanish inside a word.
            continue;
        }
        if folded.chars().all(char::is_alphanumeric) {
            start.get_or_insert(i);
            word.push_str(&folded);
            end = i + c.len_utf8();
            continue;
        }
        if let Some(s) = start.take() {
            let elided = is_apostrophe(c)
                && ELISIONS.contains(&word.as_str())
                && chars.peek().is_some_and(|&(_, n)| starts_word(n));
            if !elided {
                f(&word, s..end);
            }
            word.clear();
        }
    }
    if let Some(s) = start {
        f(&word, s..end);
    }
}

fn starts_word(c: char) -> bool {
    let mut s = String::new();
    fold::push_folded(c, &mut s);
    !s.is_empty() && s.chars().all(char::is_alphanumeric)
}

/// The words of `text`, folded, elisions dropped.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, |w, _| out.push(w.to_string()));
    out
}

/// Typo tolerance by the length of the word typed: none under five letters
/// (acronyms and short words stay exact), one edit from five, two from nine.
pub fn max_edits(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Cuts `suffix` off `w` when at least `keep` letters remain.
fn cut(w: &mut String, suffix: &str, keep: usize) -> bool {
    if w.len() >= suffix.len() + keep && w.ends_with(suffix) {
        w.truncate(w.len() - suffix.len());
        true
    } else {
        false
    }
}

/// Replaces `suffix` by `by` when at least `keep` letters remain before it.
fn swap(w: &mut String, suffix: &str, by: &str, keep: usize) -> bool {
    if cut(w, suffix, keep) {
        w.push_str(by);
        true
    } else {
        false
    }
}

/// The stem of a folded word: its inflections (plural, feminine, verb
/// endings) and a few derivations mapped to one form. Words with anything
/// but ASCII letters (numbers, other scripts) are their own stem.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    let mut w = word.to_string();
    // Plural: bureaux, sociaux, entreprises (never the s of "process").
    if w.ends_with("eaux") {
        w.pop();
    } else if w.len() >= 6 && w.ends_with("aux") {
        w.truncate(w.len() - 3);
        w.push_str("al");
    } else if !w.ends_with("ss") {
        cut(&mut w, "s", 3);
    }
    // Feminine and adjective endings.
    let _ = swap(&mut w, "euse", "eur", 3)
        || swap(&mut w, "trice", "teur", 2)
        || swap(&mut w, "ive", "if", 3)
        || swap(&mut w, "elle", "el", 3)
        || swap(&mut w, "enne", "en", 3)
        || swap(&mut w, "ere", "er", 3)
        || swap(&mut w, "ique", "ic", 3);
    // Participles and infinitives: engagé, engagée, engager.
    let _ = cut(&mut w, "ee", 3) || cut(&mut w, "e", 3) || cut(&mut w, "er", 3);
    // Derivations: engagement, formation, recyclage.
    let _ = cut(&mut w, "ement", 3) || cut(&mut w, "ation", 3) || cut(&mut w, "ag", 5);
    Cow::Owned(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_elisions_and_split_compounds() {
        assert_eq!(words("l’insertion"), ["insertion"]);
        assert_eq!(words("L'IAE, d’un qu’il jusqu’à"), ["iae", "un", "il", "a"]);
        assert_eq!(words("Île-de-France"), ["ile", "de", "france"]);
        assert_eq!(words("TPE-PME"), ["tpe", "pme"]);
        assert_eq!(words("Recyc’matelas"), ["recyc", "matelas"]);
        assert_eq!(words("aujourd’hui"), ["aujourd", "hui"]);
        // An apostrophe with nothing after it is not an elision yet (typing).
        assert_eq!(words("l'"), ["l"]);
        assert_eq!(words("l' action"), ["l", "action"]);
        assert_eq!(words("main-d’œuvre"), ["main", "oeuvre"]);
        assert_eq!(words("éco\u{200B}nomie"), ["economie"]);
        assert!(words(" — ").is_empty());
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Les « Entreprises » de l’ESS";
        let mut spans = Vec::new();
        each_word(text, |w, r| spans.push((w.to_string(), &text[r])));
        assert_eq!(
            spans,
            [
                ("les".to_string(), "Les"),
                ("entreprises".to_string(), "Entreprises"),
                ("de".to_string(), "de"),
                ("ess".to_string(), "ESS"),
            ]
        );
    }

    /// Pairs that must meet: inflections, then families.
    const SAME: &[(&str, &str)] = &[
        ("entreprises", "entreprise"),
        ("emplois", "emploi"),
        ("marches", "marche"),
        ("publics", "public"),
        ("publique", "public"),
        ("publiques", "public"),
        ("sociaux", "social"),
        ("sociales", "social"),
        ("sociale", "social"),
        ("regionaux", "regional"),
        ("bureaux", "bureau"),
        ("jeunes", "jeune"),
        ("solidaires", "solidaire"),
        ("professionnelle", "professionnel"),
        ("professionnelles", "professionnels"),
        ("europeenne", "europeen"),
        ("actives", "actif"),
        ("collective", "collectif"),
        ("directrice", "directeur"),
        ("vendeuse", "vendeur"),
        ("premiere", "premier"),
        ("derniere", "dernier"),
        ("engagee", "engage"),
        ("engagees", "engager"),
        ("creee", "creer"),
        ("creees", "crees"),
        ("recyclage", "recycler"),
        ("recyclage", "recycle"),
        ("engagement", "engager"),
        ("engagements", "engage"),
        ("recrutement", "recruter"),
        ("developpement", "developper"),
        ("accompagnement", "accompagner"),
        ("formation", "former"),
        ("formations", "forme"),
        ("information", "informer"),
        ("organisation", "organiser"),
        ("creation", "creer"),
        ("partage", "partager"),
        ("partages", "partagee"),
        ("apprentissages", "apprentissage"),
        ("insertions", "insertion"),
        ("economiques", "economique"),
        ("signataires", "signataire"),
        ("aides", "aide"),
    ];

    /// Pairs that must stay apart.
    const APART: &[(&str, &str)] = &[
        ("partage", "part"),
        ("emploi", "employeur"),
        ("marche", "marque"),
        ("social", "societe"),
        ("insertion", "inserer"),
        ("cpme", "cgpme"),
        ("iae", "ia"),
        ("udes", "etudes"),
        ("nation", "nationale"),
        ("element", "el"),
        ("village", "ville"),
    ];

    #[test]
    fn french_inflections_and_families_meet() {
        for (a, b) in SAME {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        for (a, b) in APART {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn short_words_numbers_and_acronyms_stay_as_they_are() {
        for w in [
            "de",
            "des",
            "les",
            "rse",
            "iae",
            "qpv",
            "cfa",
            "2019",
            "cop21",
            "москва",
        ] {
            assert_eq!(stem(w), w);
        }
        assert_eq!(stem("udes"), "ude");
        assert_eq!(stem("progres"), stem("progre"));
        assert_eq!(stem("process"), "process");
    }

    #[test]
    fn edits_by_length() {
        assert_eq!(max_edits("cpme"), 0);
        assert_eq!(max_edits("insrt"), 1);
        assert_eq!(max_edits("insrtion"), 1);
        assert_eq!(max_edits("insrtions"), 2);
        assert_eq!(max_edits("éco"), 0);
    }

    proptest::proptest! {
        #[test]
        fn stems_are_stable_and_never_empty(w in "[a-z]{0,14}") {
            let s = stem(&w);
            proptest::prop_assert!(s.len() >= w.len().min(3));
            // Rules only shorten or swap an ending for a shorter one.
            proptest::prop_assert!(s.len() <= w.len());
        }

        #[test]
        fn words_agree_with_folding(s in "\\PC{0,40}") {
            // Without apostrophes, the analysis is folding and splitting.
            let plain: String = s.chars().filter(|c| !is_apostrophe(*c)).collect();
            proptest::prop_assert_eq!(words(&plain), fold::tokens(&plain));
        }
    }
}
