//! Why a record matched, shown on its text: a displayed string cut into
//! plain runs, words the query matched, and glossary terms, by the same
//! analysis the search used ([`analyze`]). The page wraps the matched words
//! in `<mark>` and the terms in an abbreviation, each a text node of its
//! own: no markup is ever built from record text.

use std::ops::Range;

use crate::engine::analyze::{self, stem};
use crate::engine::search::QueryWord;

/// A piece of a displayed string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Plain(Range<usize>),
    Marked(Range<usize>),
    /// A glossary term (its entry) and whether the query matched it.
    Term(Range<usize>, usize, bool),
}

/// What the query matched, ready to test displayed words against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// (typed word, its stem, its corrections)
    words: Vec<(String, String, Vec<String>)>,
    /// Stems of the synonyms the query brought in (an acronym's expansion
    /// for the acronym, the acronym for its expansion's words).
    synonyms: Vec<String>,
}

/// Words this short are left out of synonyms: "de", "des", "par" would
/// light up every text.
const SHORTEST_SYNONYM: usize = 4;

impl Marks {
    /// `synonyms`: each glossary acronym's written forms and its phrases.
    pub fn new(words: &[QueryWord], synonyms: &[(Vec<String>, Vec<String>)]) -> Marks {
        let words: Vec<(String, String, Vec<String>)> = words
            .iter()
            .map(|q| {
                (
                    q.word.clone(),
                    stem(&q.word).into_owned(),
                    q.corrections.clone(),
                )
            })
            .collect();
        let mut out = Marks {
            words,
            synonyms: Vec::new(),
        };
        // As the search: a term brings its phrases' words, a whole phrase
        // (its longer words all typed) brings the term.
        for (terms, phrases) in synonyms {
            let term_words: Vec<String> = terms.iter().flat_map(|t| analyze::words(t)).collect();
            let phrases: Vec<Vec<String>> = phrases
                .iter()
                .map(|p| {
                    let mut w = analyze::words(p);
                    w.retain(|w| w.len() >= SHORTEST_SYNONYM);
                    w
                })
                .collect();
            if term_words
                .iter()
                .any(|w| out.words.iter().any(|(q, _, _)| q == w))
            {
                let stems = phrases.iter().flatten().map(|w| stem(w).into_owned());
                out.synonyms.extend(stems);
            }
            let whole = |p: &Vec<String>| !p.is_empty() && p.iter().all(|w| out.matches_typed(w));
            if phrases.iter().any(whole) {
                let stems = term_words.iter().map(|w| stem(w).into_owned());
                out.synonyms.extend(stems);
            }
        }
        out
    }

    fn matches_typed(&self, word: &str) -> bool {
        self.words.iter().any(|(q, s, corrections)| {
            word.starts_with(q.as_str())
                || stem(word) == s.as_str()
                || corrections.iter().any(|c| c == word)
        })
    }

    /// Whether a displayed word (folded) is one the query matched.
    pub fn matches(&self, word: &str) -> bool {
        self.matches_typed(word) || {
            let s = stem(word);
            self.synonyms.iter().any(|x| *x == s)
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The glossary terms to find in displayed text: each as written (case
/// counts: "Face" is an acronym, "face" a word), with its word count and
/// entry. The longest that fits wins, so "TPE-PME" over a term inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms(Vec<(String, usize, usize)>);

impl Terms {
    pub fn new<'a>(terms: impl IntoIterator<Item = (&'a str, usize)>) -> Terms {
        let list = terms
            .into_iter()
            .map(|(t, e)| (t.to_string(), analyze::words(t).len(), e))
            .filter(|(_, n, _)| *n > 0)
            .collect();
        Terms(list)
    }
}

/// `text` cut into pieces that cover it end to end, in order.
pub fn pieces(text: &str, marks: &Marks, terms: &Terms) -> Vec<Piece> {
    // Each word's place and whether the query matched it: terms are found
    // in the text as written, so no word needs keeping.
    let mut words: Vec<(bool, Range<usize>)> = Vec::new();
    analyze::each_word(text, |w, r| {
        words.push((!marks.is_empty() && marks.matches(w), r))
    });
    let mut out = Vec::new();
    let mut at = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Piece>, at: &mut usize, piece: Piece, range: &Range<usize>| {
        if range.start > *at {
            out.push(Piece::Plain(*at..range.start));
        }
        *at = range.end;
        out.push(piece);
    };
    while i < words.len() {
        let term = terms
            .0
            .iter()
            .filter_map(|(t, n, e)| {
                let last = words.get(i + n - 1)?;
                let range = words[i].1.start..last.1.end;
                (text.get(range.clone()) == Some(t.as_str())).then_some((range, *n, *e))
            })
            .max_by_key(|(range, _, _)| range.len());
        if let Some((range, n, e)) = term {
            let marked = words[i..i + n].iter().any(|(m, _)| *m);
            push(
                &mut out,
                &mut at,
                Piece::Term(range.clone(), e, marked),
                &range,
            );
            i += n;
        } else {
            if words[i].0 {
                let range = words[i].1.clone();
                push(&mut out, &mut at, Piece::Marked(range.clone()), &range);
            }
            i += 1;
        }
    }
    if at < text.len() {
        out.push(Piece::Plain(at..text.len()));
    }
    out
}

/// The query with each corrected word replaced by its closest correction,
/// when some word was corrected.
pub fn corrected(query: &str, words: &[QueryWord]) -> Option<String> {
    if words.iter().all(|w| w.corrections.is_empty()) {
        return None;
    }
    let mut out = String::new();
    let mut at = 0;
    analyze::each_word(query, |w, r| {
        let fix = words
            .iter()
            .find(|q| q.word == w)
            .and_then(|q| q.corrections.first());
        if let Some(fix) = fix {
            out.push_str(&query[at..r.start]);
            out.push_str(fix);
            at = r.end;
        }
    });
    out.push_str(&query[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str, corrections: &[&str]) -> QueryWord {
        QueryWord {
            word: w.into(),
            corrections: corrections.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn shown(text: &str, pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Plain(r) => text[r.clone()].to_string(),
                Piece::Marked(r) => format!("[{}]", &text[r.clone()]),
                Piece::Term(r, e, m) => {
                    format!("<{}#{e}{}>", &text[r.clone()], if *m { "!" } else { "" })
                }
            })
            .collect()
    }

    #[test]
    fn marks_words_stems_corrections_and_terms() {
        let terms = Terms::new([("IAE", 0), ("TPE-PME", 1), ("Face", 2)]);
        let synonyms = vec![(
            vec!["IAE".to_string()],
            vec!["insertion par l’activité économique".to_string()],
        )];
        let marks = Marks::new(&[word("entreprises", &[]), word("iae", &[])], &synonyms);
        let text = "Les Entreprises de l’IAE et les TPE-PME face à l’Insertion par l’activité.";
        assert_eq!(
            shown(text, &pieces(text, &marks, &terms)),
            "Les [Entreprises] de l’<IAE#0!> et les <TPE-PME#1> face à l’[Insertion] par l’[activité]."
        );
        let marks = Marks::new(&[word("insrtion", &["insertion"])], &synonyms);
        // One word of a phrase is not the phrase: the acronym stays unmarked.
        let text = "l’insertion (IAE)";
        assert_eq!(
            shown(text, &pieces(text, &marks, &terms)),
            "l’[insertion] (<IAE#0>)"
        );
        // No query: terms only, and the text whole.
        let text = "Face, IAE";
        assert_eq!(
            shown(text, &pieces(text, &Marks::default(), &terms)),
            "<Face#2>, <IAE#0>"
        );
        assert!(pieces("", &Marks::default(), &terms).is_empty());
    }

    #[test]
    fn the_correction_offered() {
        let words = [word("insrtion", &["insertion"]), word("cpme", &[])];
        assert_eq!(
            corrected("l’Insrtion CPME", &words).as_deref(),
            Some("l’insertion CPME")
        );
        assert_eq!(corrected("cpme", &[word("cpme", &[])]), None);
    }

    proptest::proptest! {
        #[test]
        fn pieces_cover_the_text(text in "\\PC{0,60}", q in "[a-zé ]{0,12}") {
            let words: Vec<QueryWord> = analyze::words(&q).into_iter().map(|w| word(&w, &[])).collect();
            let marks = Marks::new(&words, &[]);
            let terms = Terms::new([("IAE", 0), ("É", 1)]);
            let mut at = 0;
            for p in pieces(&text, &marks, &terms) {
                let r = match p { Piece::Plain(r) | Piece::Marked(r) | Piece::Term(r, _, _) => r };
                proptest::prop_assert_eq!(r.start, at);
                proptest::prop_assert!(r.end > r.start);
                at = r.end;
            }
            proptest::prop_assert_eq!(at, text.len());
        }
    }
}
