//! Full-text search: the words of every record's searchable text
//! ([`analyze`]) in one sorted vocabulary, each with the records that
//! contain it. A query word matches the vocabulary words it begins (a
//! contiguous run found by binary search, so "eco" costs one search and the
//! union of a few postings, never a pass over the records' text), the words
//! of the same stem ("entreprises" finds "entreprise", "recyclage" finds
//! "recycler"), and, when it matches no word at all, the words within a typo
//! of it ([`fuzzy`]). Every query word must match.
//!
//! Each word has three postings: the records whose text holds it, those
//! whose strong fields do (title, parties and their acronyms: they rank
//! first), and those that hold it only as a synonym from the glossary (a
//! record that says "IAE" holds the words of "insertion par l'activité
//! économique" that way, and one that writes the phrase holds "iae").
//!
//! The vocabulary and postings are built once (by `pack`, natively or in the
//! converter). At load the vocabulary is unpacked (a few bytes a word); the
//! postings are read in place from the downloaded bytes, each only when a
//! query needs it. Each posting is a list of record positions (delta
//! varints) or, for words in more than one record in 32, a bitset, whichever
//! is smaller.
//!
//! The union for a short prefix is what a visitor types first and spans the
//! most words; the busiest are kept once computed.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use crate::engine::analyze::{self, stem};
use crate::engine::bitset::Bitset;
use crate::engine::fuzzy;
use crate::wire::{self, Corrupt, Reader, Writer};

/// Prefixes this long or shorter may have their union kept.
const CACHED_PREFIX_CHARS: usize = 3;
/// Unions kept at most; bounds their memory to this many bitsets.
const MAX_CACHED_PREFIXES: usize = 256;
/// A union is worth keeping when it took this many bitsets' worth of work.
const CACHE_MIN_WORK_IN_BITSETS: usize = 4;

const SPARSE: u8 = 0;
const DENSE: u8 = 1;

/// A word's postings, in the order they are stored.
const ALL: usize = 0;
const STRONG: usize = 1;
const SYNONYM: usize = 2;
const POSTINGS: usize = 3;

/// Corrections kept for one typed word: the closest first.
const MAX_CORRECTIONS: usize = 16;
/// Words of the same stem looked at for one typed word, at most.
const MAX_STEM_CANDIDATES: usize = 4096;
/// Endings a stem may have that its words do not begin with (see
/// [`analyze::stem`]: "sociaux" gives "social").
const SWAPPED_ENDINGS: [&str; 8] = ["al", "eur", "teur", "if", "el", "en", "er", "ic"];

/// Ranking levels of a record for one query word, best first; a record
/// ranks by its worst word.
pub const LEVELS: usize = 5;

/// The search part of a pack: the vocabulary unpacked (a few bytes a word),
/// the postings read in place.
#[derive(Debug)]
pub struct Search {
    bytes: Arc<Vec<u8>>,
    len: usize,
    /// Every word, end to end, and where each ends.
    words: String,
    word_ends: Vec<u32>,
    /// How many leading bytes each word shares with the one before it.
    shared: Vec<u8>,
    /// Where each word's three postings end ([`ALL`], [`STRONG`],
    /// [`SYNONYM`]), from the start of `postings`.
    posting_ends: Vec<u32>,
    postings: Range<usize>,
    cache: Mutex<Vec<(Box<str>, Bitset)>>,
}

/// FxHash (as in rustc): words come from the dataset, not from the visitor,
/// so a keyed hash buys nothing and SipHash would slow the build.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One glossary entry as the search sees it: an acronym's written forms
/// ("IAE", case as written) and the phrases it stands for. A record holding
/// one side is given the words of the other as synonyms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonym {
    pub terms: Vec<String>,
    pub phrases: Vec<String>,
}

/// The glossary compiled for the index writer.
#[derive(Debug, Default)]
pub struct Synonyms {
    /// By first folded word: (entry, the term as written, its word count).
    terms: HashMap<String, Vec<(usize, String, usize)>>,
    /// By first stem: (entry, the phrase's stems).
    phrases: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// What a record holding the term is given: the phrases' words.
    phrase_words: Vec<Vec<String>>,
    /// What a record holding a phrase is given: the terms' words.
    term_words: Vec<Vec<String>>,
}

impl Synonyms {
    pub fn new(entries: &[Synonym]) -> Synonyms {
        let mut out = Synonyms::default();
        for (e, entry) in entries.iter().enumerate() {
            let mut term_words = Vec::new();
            for t in &entry.terms {
                let words = analyze::words(t);
                if let Some(first) = words.first() {
                    out.terms
                        .entry(first.clone())
                        .or_default()
                        .push((e, t.clone(), words.len()));
                }
                term_words.extend(words);
            }
            let mut phrase_words = Vec::new();
            for p in &entry.phrases {
                let words = analyze::words(p);
                let stems: Vec<String> = words.iter().map(|w| stem(w).into_owned()).collect();
                if let Some(first) = stems.first() {
                    out.phrases
                        .entry(first.clone())
                        .or_default()
                        .push((e, stems.clone()));
                }
                phrase_words.extend(words);
            }
            for list in [&mut term_words, &mut phrase_words] {
                list.sort_unstable();
                list.dedup();
            }
            out.term_words.push(term_words);
            out.phrase_words.push(phrase_words);
        }
        out
    }

    /// The synonym words of a text whose words are `words` (folded, with
    /// their spans in `text`), appended to `out`.
    fn of(&self, text: &str, words: &[(String, Range<usize>)], out: &mut Vec<String>) {
        if self.term_words.is_empty() {
            return;
        }
        let stems: Vec<std::borrow::Cow<str>> = words.iter().map(|(w, _)| stem(w)).collect();
        for (i, (w, span)) in words.iter().enumerate() {
            // A term counts only as written ("Face", not "face"): several
            // acronyms are everyday words in lower case.
            for (e, written, n) in self.terms.get(w).into_iter().flatten() {
                if let Some((_, last)) = words.get(i + n - 1) {
                    if text.get(span.start..last.end) == Some(written.as_str()) {
                        out.extend(self.phrase_words[*e].iter().cloned());
                    }
                }
            }
            for (e, phrase) in self.phrases.get(stems[i].as_ref()).into_iter().flatten() {
                let here = stems.get(i..i + phrase.len());
                if here.is_some_and(|h| h.iter().zip(phrase).all(|(a, b)| a == b)) {
                    out.extend(self.term_words[*e].iter().cloned());
                }
            }
        }
    }
}

/// Builds the search section for `n` records; `text(i, strong, other)`
/// appends record `i`'s strong text (title, parties) and the rest.
pub fn write(
    n: usize,
    synonyms: &Synonyms,
    mut text: impl FnMut(usize, &mut String, &mut String),
) -> Vec<u8> {
    let mut ids: HashMap<Box<str>, usize, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut lists: Vec<[Vec<u32>; POSTINGS]> = Vec::new();
    let mut id_of = |w: &str, lists: &mut Vec<[Vec<u32>; POSTINGS]>| match ids.get(w) {
        Some(&id) => id,
        None => {
            ids.insert(w.into(), lists.len());
            lists.push(Default::default());
            lists.len() - 1
        }
    };
    let (mut strong, mut other) = (String::new(), String::new());
    let mut words: Vec<(String, Range<usize>)> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    for i in 0..n {
        strong.clear();
        other.clear();
        extra.clear();
        text(i, &mut strong, &mut other);
        let at = i as u32;
        for (part, t) in [(STRONG, &strong), (ALL, &other)] {
            words.clear();
            analyze::each_word(t, |w, span| words.push((w.to_string(), span)));
            for (w, _) in &words {
                let id = id_of(w, &mut lists);
                // Records arrive in order, so a repeated word is always the last entry.
                for p in [part, ALL] {
                    if lists[id][p].last() != Some(&at) {
                        lists[id][p].push(at);
                    }
                }
            }
            synonyms.of(t, &words, &mut extra);
        }
        for w in &extra {
            let id = id_of(w, &mut lists);
            let l = &mut lists[id];
            if l[ALL].last() != Some(&at) && l[SYNONYM].last() != Some(&at) {
                l[SYNONYM].push(at);
            }
        }
    }
    let mut vocabulary: Vec<(Box<str>, usize)> = ids.into_iter().collect();
    vocabulary.sort_unstable();

    // Words front-coded (bytes shared with the previous word, then the
    // rest), postings' lengths as varints: a vocabulary costs a third of
    // what plain strings and offset tables would, and gzips better.
    let (mut head, mut postings) = (Writer::new(), Writer::new());
    head.u32(n as u32);
    head.usize(vocabulary.len());
    let bitset_bytes = n.div_ceil(64) * 8;
    let mut previous: &str = "";
    for (word, id) in &vocabulary {
        let shared = previous
            .bytes()
            .zip(word.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        // Never split a character: the rest must be a string of its own.
        let shared = (0..=shared)
            .rev()
            .find(|&k| word.is_char_boundary(k))
            .unwrap_or(0);
        head.usize(shared);
        head.str(&word[shared..]);
        previous = word;
        for list in &lists[*id] {
            let before = postings.len();
            write_posting(&mut postings, list, n, bitset_bytes);
            head.usize(postings.len() - before);
        }
    }
    head.bytes(&postings.into_bytes());
    head.into_bytes()
}

/// Nothing for no record; else record positions as delta varints or a
/// bitset, whichever is smaller.
fn write_posting(out: &mut Writer, list: &[u32], n: usize, bitset_bytes: usize) {
    if list.is_empty() {
        return;
    }
    let mut sparse = Writer::new();
    sparse.u8(SPARSE);
    let mut last = 0;
    for &i in list {
        sparse.varint(u64::from(i - last));
        last = i;
    }
    if sparse.len() <= 1 + bitset_bytes {
        out.bytes(&sparse.into_bytes());
    } else {
        out.u8(DENSE);
        let set = Bitset::from_positions(n, list.iter().map(|&i| i as usize));
        for w in set.words() {
            out.u64(*w);
        }
    }
}

/// Item `k` of a run of items stored end to end, given where each ends.
fn nth(ends: &[u32], k: usize) -> Range<usize> {
    let end = ends.get(k).copied().unwrap_or(0) as usize;
    let start = k
        .checked_sub(1)
        .and_then(|j| ends.get(j))
        .copied()
        .unwrap_or(0) as usize;
    start..end
}

/// What one typed word matched: the word as analysed, and the vocabulary
/// words it was corrected to (closest first) when it matched none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryWord {
    pub word: String,
    pub corrections: Vec<String>,
}

/// The records a query matches, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct TextMatch {
    /// Records matching every word.
    pub all: Bitset,
    /// When asked for: `tiers[k]` holds the records whose every word
    /// matches at level `k` or better (0: exactly, in a strong field; 1: by
    /// prefix or stem, in a strong field; 2: exactly; 3: by prefix, stem or
    /// synonym; the rest of `all` needed a correction). Nested.
    pub tiers: Vec<Bitset>,
    pub words: Vec<QueryWord>,
}

impl Search {
    /// Reads the section at `range` of `bytes`, checking every length, so
    /// that no later query can read out of bounds.
    pub fn open(bytes: Arc<Vec<u8>>, range: Range<usize>) -> wire::Result<Search> {
        let section = bytes.get(range.clone()).ok_or(Corrupt)?;
        let mut r = Reader::new(section);
        let len = r.u32()? as usize;
        let count = r.count()?;
        let bitset_bytes = len.div_ceil(64) * 8;
        let mut words = String::new();
        let mut word_ends = Vec::with_capacity(count);
        let mut shared_bytes = Vec::with_capacity(count);
        let mut posting_ends = Vec::with_capacity(count * POSTINGS);
        let (mut start, mut total) = (0usize, 0usize);
        for _ in 0..count {
            let shared = r.usize()?;
            let rest = r.str()?;
            // The previous word runs from `start` to the end of `words`.
            let previous = words.get(start..).ok_or(Corrupt)?;
            previous.get(..shared).ok_or(Corrupt)?;
            let from = start;
            start = words.len();
            words.extend_from_within(from..from + shared);
            words.push_str(rest);
            word_ends.push(words.len() as u32);
            shared_bytes.push(shared.min(255) as u8);
            for _ in 0..POSTINGS {
                total = total.checked_add(r.usize()?).ok_or(Corrupt)?;
                posting_ends.push(total as u32);
            }
        }
        let postings_at = range.start + r.position();
        let postings = r.take(total)?;
        if !r.is_done() {
            return Err(Corrupt);
        }
        let mut begin = 0;
        for &end in &posting_ends {
            let p = &postings[begin..end as usize];
            match p.first() {
                None | Some(&SPARSE) => {}
                Some(&DENSE) if p.len() == 1 + bitset_bytes => {}
                _ => return Err(Corrupt),
            }
            begin = end as usize;
        }
        Ok(Search {
            bytes,
            len,
            words,
            word_ends,
            shared: shared_bytes,
            posting_ends,
            postings: postings_at..postings_at + total,
            cache: Mutex::default(),
        })
    }

    /// Vocabulary word `k`.
    pub fn word(&self, k: usize) -> &str {
        self.words.get(nth(&self.word_ends, k)).unwrap_or_default()
    }

    /// Number of records searched.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many leading bytes vocabulary word `k` shares with word `k - 1`.
    pub fn shared(&self, k: usize) -> usize {
        usize::from(self.shared.get(k).copied().unwrap_or(0))
    }

    /// Number of vocabulary words.
    pub fn words(&self) -> usize {
        self.word_ends.len()
    }

    /// The contiguous run of vocabulary words that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let count = self.words();
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let start = lo;
        hi = count;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid).starts_with(prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        start..lo
    }

    /// ORs posting `which` of word `k` into `out`; returns roughly the word
    /// operations it took.
    fn or_posting(&self, k: usize, which: usize, out: &mut Bitset) -> usize {
        let postings = &self.bytes[self.postings.clone()];
        let p = postings
            .get(nth(&self.posting_ends, k * POSTINGS + which))
            .unwrap_or_default();
        match p.split_first() {
            Some((&DENSE, rest)) => {
                for (w, x) in out.words_mut().iter_mut().zip(wire::words(rest)) {
                    *w |= x;
                }
                rest.len() / 8
            }
            Some((_, rest)) => {
                let mut r = Reader::new(rest);
                let mut i = 0u64;
                let mut n = 0;
                while let Ok(delta) = r.varint() {
                    i = i.saturating_add(delta);
                    out.insert(i as usize);
                    n += 1;
                }
                n
            }
            None => 0,
        }
    }

    /// Records with a word starting with `prefix` (an already folded
    /// word), as a word or a synonym. `out` must have the index's length;
    /// its previous content is discarded.
    pub fn words_starting_with(&self, prefix: &str, out: &mut Bitset) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, set)) = cache.iter().find(|(p, _)| &**p == prefix) {
            out.copy_from(set);
            return;
        }
        out.clear();
        let mut work = 0;
        for k in self.prefix_range(prefix) {
            work += self.or_posting(k, ALL, out);
            work += self.or_posting(k, SYNONYM, out);
        }
        let bitset_words = self.len.div_ceil(64).max(1);
        if prefix.chars().count() <= CACHED_PREFIX_CHARS
            && work >= CACHE_MIN_WORK_IN_BITSETS * bitset_words
            && cache.len() < MAX_CACHED_PREFIXES
        {
            cache.push((prefix.into(), out.clone()));
        }
    }

    /// Words outside `skip` whose stem is `s`: they begin with `s`, or with
    /// `s` less an ending a stem rule writes in.
    fn stem_group(&self, s: &str, skip: &Range<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        let mut looked = 0;
        let cuts = SWAPPED_ENDINGS
            .iter()
            .filter_map(|e| s.strip_suffix(e))
            .filter(|p| p.len() >= 3);
        for p in std::iter::once(s).chain(cuts) {
            for k in self.prefix_range(p) {
                looked += 1;
                if looked > MAX_STEM_CANDIDATES {
                    return out;
                }
                if !skip.contains(&k) && !out.contains(&k) && stem(self.word(k)) == s {
                    out.push(k);
                }
            }
        }
        out
    }

    /// The exact vocabulary index of `word`, if it is a word.
    fn find(&self, word: &str, within: &Range<usize>) -> Option<usize> {
        Some(within.start).filter(|&k| within.contains(&k) && self.word(k) == word)
    }

    /// The sets of one query word, best level first (see [`TextMatch`]);
    /// a word that matches no word at all is corrected: the words within
    /// [`analyze::max_edits`] of it, and their stems' words, at the last
    /// level;
    /// only the last, cumulative one unless `tiers`.
    fn word_sets(&self, q: &str, tiers: bool) -> (Vec<Bitset>, Vec<String>) {
        let n = self.len;
        let range = self.prefix_range(q);
        let same_stem = self.stem_group(&stem(q), &range);
        let mut matched = Bitset::new(n);
        self.words_starting_with(q, &mut matched);
        for &k in &same_stem {
            self.or_posting(k, ALL, &mut matched);
            self.or_posting(k, SYNONYM, &mut matched);
        }
        let mut corrections = Vec::new();
        let mut all = matched.clone();
        let edits = analyze::max_edits(q);
        if range.is_empty() && same_stem.is_empty() && edits > 0 {
            let near = fuzzy::within(
                q.as_bytes(),
                edits,
                self.words(),
                |k| self.word(k).as_bytes(),
                |k| self.shared(k),
            );
            // Closest first, then in vocabulary order (no sort: a sort's
            // code costs the page more than these few passes).
            let near: Vec<usize> = (0..=edits)
                .flat_map(|e| near.iter().filter(move |n| n.1 == e).map(|n| n.0))
                .take(MAX_CORRECTIONS)
                .collect();
            for k in near {
                // The corrected word, and the words of its stem: a typo in a
                // plural finds the singular too.
                let word = self.word(k);
                let family = self.stem_group(&stem(word), &(k..k + 1));
                for j in std::iter::once(k).chain(family) {
                    self.or_posting(j, ALL, &mut all);
                    self.or_posting(j, SYNONYM, &mut all);
                }
                corrections.push(word.to_string());
            }
        }
        if !tiers {
            return (vec![all], corrections);
        }
        let exact = self.find(q, &range);
        let mut strong_exact = Bitset::new(n);
        let mut any_exact = Bitset::new(n);
        if let Some(k) = exact {
            self.or_posting(k, STRONG, &mut strong_exact);
            self.or_posting(k, ALL, &mut any_exact);
        }
        let mut strong = Bitset::new(n);
        for k in range.clone().chain(same_stem.iter().copied()) {
            self.or_posting(k, STRONG, &mut strong);
        }
        any_exact.or_with(&strong);
        (
            vec![strong_exact, strong, any_exact, matched, all],
            corrections,
        )
    }

    /// Records matching every word of `query`, or `None` when the query has
    /// no word at all (blank, or only punctuation and symbols). With
    /// `tiers`, also how well each record matches (see [`TextMatch`]).
    pub fn matches(&self, query: &str, tiers: bool) -> Option<TextMatch> {
        let mut words = analyze::words(query);
        if words.is_empty() {
            return None;
        }
        // A visitor types a few words: a scan beats a hash set's code.
        let mut k = 0;
        while k < words.len() {
            if words[..k].contains(&words[k]) {
                words.remove(k);
            } else {
                k += 1;
            }
        }
        let levels = if tiers { LEVELS } else { 1 };
        let mut sets = vec![Bitset::full(self.len); levels];
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            let (mine, corrections) = self.word_sets(&w, tiers);
            for (set, m) in sets.iter_mut().zip(&mine) {
                set.and_with(m);
            }
            out.push(QueryWord {
                word: w,
                corrections,
            });
        }
        let all = sets.pop().unwrap_or_else(|| Bitset::new(self.len));
        Some(TextMatch {
            all,
            tiers: sets,
            words: out,
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn search(texts: &[&str]) -> Search {
        with_synonyms(texts, &[])
    }

    fn with_synonyms(texts: &[&str], synonyms: &[Synonym]) -> Search {
        let bytes = write(texts.len(), &Synonyms::new(synonyms), |i, strong, other| {
            // A first line is the strong text, as a title would be.
            let (s, o) = texts[i].split_once('\n').unwrap_or(("", texts[i]));
            strong.push_str(s);
            other.push_str(o);
        });
        let len = bytes.len();
        Search::open(Arc::new(bytes), 0..len).expect("a fresh section opens")
    }

    fn positions(set: &Bitset) -> Vec<usize> {
        set.iter().collect()
    }

    #[test]
    fn words_match_by_prefix_after_folding() {
        let s = search(&[
            "Économie sociale",
            "l’économie",
            "Recyc’matelas et CPME",
            "œuvre commune",
        ]);
        let m = |q: &str| s.matches(q, false).map(|b| positions(&b.all));
        assert_eq!(m("economie"), Some(vec![0, 1]));
        assert_eq!(m("ÉCO"), Some(vec![0, 1]));
        assert_eq!(m("matelas"), Some(vec![2]));
        assert_eq!(m("cpme"), Some(vec![2]));
        assert_eq!(m("oeuvre"), Some(vec![3]));
        // "l’" is elided: only the word after it is searched.
        assert_eq!(m("l’eco"), Some(vec![0, 1]));
        assert_eq!(m("l eco"), Some(vec![]));
        assert_eq!(m("eco zzz"), Some(vec![]));
        assert_eq!(m("  "), None);
        assert_eq!(m("« — »"), None);
        assert_eq!(s.words(), 8);
    }

    #[test]
    fn dense_and_sparse_postings_and_the_cache_agree() {
        let n = 300;
        let words = [
            "de",
            "des",
            "developpement",
            "dans",
            "emploi",
            "entreprise",
            "e",
        ];
        let texts: Vec<String> = (0..n)
            .map(|i| {
                let mut t = String::new();
                for (k, w) in words.iter().enumerate() {
                    if (i + k) % (k + 2) == 0 {
                        t.push_str(w);
                        t.push(' ');
                    }
                }
                t
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let s = search(&refs);
        for p in ["d", "de", "e", "em", "en", "da", "dev", "x", "d", "de"] {
            let mut got = Bitset::new(n);
            s.words_starting_with(p, &mut got);
            let expected: Vec<usize> = (0..n)
                .filter(|&i| analyze::words(&texts[i]).iter().any(|w| w.starts_with(p)))
                .collect();
            assert_eq!(positions(&got), expected, "{p}");
        }
        assert!(
            !s.cache.lock().unwrap().is_empty(),
            "busy short prefixes are kept"
        );
    }

    #[test]
    fn empty_and_damaged_sections() {
        let s = search(&[]);
        assert_eq!(s.matches("abc", true).map(|b| b.all.count()), Some(0));
        let syn = Synonyms::new(&[Synonym {
            terms: vec!["UN".into()],
            phrases: vec!["deux trois".into()],
        }]);
        let bytes = write(3, &syn, |i, s, o| {
            s.push_str(["UN", "deux", "trois"][i]);
            o.push_str(["deux trois", "un", "UN"][i]);
        });
        for cut in 0..bytes.len() {
            assert!(
                Search::open(Arc::new(bytes[..cut].to_vec()), 0..cut).is_err(),
                "cut at {cut}"
            );
        }
        for k in 0..bytes.len() {
            let mut b = bytes.clone();
            b[k] ^= 0xff;
            let len = b.len();
            if let Ok(s) = Search::open(Arc::new(b), 0..len) {
                let _ = s.matches("d t u", true);
                let _ = s.matches("troisx deuxx", true);
            }
        }
    }

    #[test]
    fn stems_synonyms_and_corrections() {
        let s = with_synonyms(
            &[
                "Les entreprises\nrecycler les matelas",
                "\nune entreprise d’insertion, l’IAE",
                "\nl’insertion par l’activité économique",
                "\nfaire face aux emplois",
            ],
            &[
                Synonym {
                    terms: vec!["IAE".into()],
                    phrases: vec!["insertion par l’activité économique".into()],
                },
                Synonym {
                    terms: vec!["Face".into()],
                    phrases: vec!["Fondation Agir contre l’exclusion".into()],
                },
            ],
        );
        let m = |q: &str| s.matches(q, false).map(|b| positions(&b.all)).unwrap();
        assert_eq!(m("entreprises"), [0, 1]);
        assert_eq!(m("entreprise"), [0, 1]);
        assert_eq!(m("recyclage"), [0]);
        assert_eq!(m("emploi"), [3]);
        // Both ways, and only for the term as written.
        assert_eq!(m("iae"), [1, 2]);
        assert_eq!(m("activites economiques"), [1, 2]);
        assert_eq!(m("fondation"), Vec::<usize>::new());
        let typo = s.matches("insrtion", true).unwrap();
        assert_eq!(positions(&typo.all), [1, 2]);
        assert_eq!(typo.words[0].corrections, ["insertion"]);
        // Short words are never corrected.
        assert_eq!(m("iea"), Vec::<usize>::new());
        // Ranking levels: exact in a strong field, stem in a strong field,
        // exact anywhere, stem or synonym anywhere.
        let t = s.matches("entreprises", true).unwrap();
        let tiers: Vec<Vec<usize>> = t.tiers.iter().map(positions).collect();
        assert_eq!(tiers, [vec![0], vec![0], vec![0], vec![0, 1]]);
        let t = s.matches("iae", true).unwrap();
        let tiers: Vec<Vec<usize>> = t.tiers.iter().map(positions).collect();
        assert_eq!(tiers, [vec![], vec![], vec![1], vec![1, 2]]);
        assert!(t.words[0].corrections.is_empty());
    }
}
