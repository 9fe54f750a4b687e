//! The search's vocabulary as the pack writer builds it: the words
//! [`analyze`] makes of every record's searchable text, each with its three
//! postings (see [`crate::engine::search`]), and the byte layouts they are
//! stored in: one section for a whole pack, or, for a split pack, chunks of
//! consecutive words (fetched as a visitor types, Pagefind-style) and the
//! words alone, front-coded, for typo tolerance across the whole
//! vocabulary. Build time only: the page reads these bytes with
//! [`crate::engine::search::Search`], and never builds a vocabulary.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use crate::engine::analyze::{self, stem};
use crate::engine::bitset::Bitset;
use crate::wire::Writer;

/// A posting's first byte: record positions as delta varints follow.
pub(crate) const SPARSE: u8 = 0;
/// A posting's first byte: a bitset of the records follows.
pub(crate) const DENSE: u8 = 1;

/// A word's postings, in the order they are stored.
pub(crate) const ALL: usize = 0;
pub(crate) const STRONG: usize = 1;
pub(crate) const SYNONYM: usize = 2;
pub(crate) const POSTINGS: usize = 3;

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

/// Every word of a dataset's records, sorted bytewise, with its postings.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Records indexed.
    n: usize,
    words: Vec<Box<str>>,
    /// The postings of `words[k]`: [`ALL`], [`STRONG`], [`SYNONYM`].
    lists: Vec<[Vec<u32>; POSTINGS]>,
}

impl Vocabulary {
    /// The vocabulary of `n` records; `text(i, strong, other)` appends
    /// record `i`'s strong text (title, parties) and the rest.
    pub fn build(
        n: usize,
        synonyms: &Synonyms,
        mut text: impl FnMut(usize, &mut String, &mut String),
    ) -> Vocabulary {
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
        let mut slots: Vec<Option<[Vec<u32>; POSTINGS]>> = lists.into_iter().map(Some).collect();
        let (words, lists) = vocabulary
            .into_iter()
            .map(|(w, id)| (w, slots[id].take().unwrap_or_default()))
            .unzip();
        Vocabulary { n, words, lists }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Word `k`.
    pub fn word(&self, k: usize) -> &str {
        self.words.get(k).map_or("", |w| w)
    }

    /// The whole vocabulary as one search section.
    pub fn section(&self) -> Vec<u8> {
        self.section_of(0..self.words.len())
    }

    /// Words `range` as a search section of their own: the section's
    /// layout over those words only, the first written whole (shared 0), so
    /// a chunk reads without the words before it.
    pub fn section_of(&self, range: Range<usize>) -> Vec<u8> {
        // Words front-coded (bytes shared with the previous word, then the
        // rest), postings' lengths as varints: a vocabulary costs a third of
        // what plain strings and offset tables would, and gzips better.
        let n = self.n;
        let (mut head, mut postings) = (Writer::new(), Writer::new());
        head.u32(n as u32);
        head.usize(range.len());
        let bitset_bytes = n.div_ceil(64) * 8;
        let mut previous: &str = "";
        for k in range {
            let word = &*self.words[k];
            front_code(&mut head, previous, word);
            previous = word;
            for list in &self.lists[k] {
                let before = postings.len();
                write_posting(&mut postings, list, n, bitset_bytes);
                head.usize(postings.len() - before);
            }
        }
        head.bytes(&postings.into_bytes());
        head.into_bytes()
    }

    /// The words alone, front-coded: `count × (varint shared, str rest)`.
    /// What typo tolerance walks (see [`crate::engine::fuzzy`]), a few
    /// bytes a word, apart from the postings.
    pub fn words_only(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.usize(self.words.len());
        let mut previous: &str = "";
        for word in &self.words {
            front_code(&mut w, previous, word);
            previous = word;
        }
        w.into_bytes()
    }

    /// Consecutive runs of words whose sections weigh about `target` bytes
    /// each (a word's postings are never cut): the chunks of a split pack.
    /// At least one run, even for no word.
    pub fn chunks(&self, target: usize) -> Vec<Range<usize>> {
        let bitset_bytes = self.n.div_ceil(64) * 8;
        let mut out = Vec::new();
        let (mut start, mut size) = (0, 0);
        for (k, (word, lists)) in self.words.iter().zip(&self.lists).enumerate() {
            if size >= target.max(1) {
                out.push(start..k);
                (start, size) = (k, 0);
            }
            size += word.len() + 4;
            for list in lists {
                size += posting_bytes(list, bitset_bytes);
            }
        }
        out.push(start..self.words.len());
        out
    }
}

/// Writes `word` front-coded after `previous`: `varint shared` (the bytes
/// they share), then `str rest`, never splitting a character.
fn front_code(w: &mut Writer, previous: &str, word: &str) {
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
    w.usize(shared);
    w.str(&word[shared..]);
}

/// Builds the search section for `n` records; `text(i, strong, other)`
/// appends record `i`'s strong text (title, parties) and the rest.
pub fn write(
    n: usize,
    synonyms: &Synonyms,
    text: impl FnMut(usize, &mut String, &mut String),
) -> Vec<u8> {
    Vocabulary::build(n, synonyms, text).section()
}

/// The bytes [`write_posting`] takes for `list`.
fn posting_bytes(list: &[u32], bitset_bytes: usize) -> usize {
    if list.is_empty() {
        return 0;
    }
    let mut last = 0;
    let sparse: usize = list
        .iter()
        .map(|&i| {
            let gap = i - last;
            last = i;
            (32 - gap.leading_zeros()).div_ceil(7).max(1) as usize
        })
        .sum();
    (1 + sparse).min(1 + bitset_bytes)
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
