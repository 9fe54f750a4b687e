//! Full-text search by word prefix: the folded words of every record's
//! searchable text in one sorted vocabulary, each with the records that
//! contain it. A query word matches every vocabulary word it begins, a
//! contiguous run found by binary search, so "eco" costs one search and the
//! union of a few postings, never a pass over the records' text.
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

use crate::engine::bitset::Bitset;
use crate::engine::fold;
use crate::wire::{self, Corrupt, Reader, Writer};

/// Prefixes this long or shorter may have their union kept.
const CACHED_PREFIX_CHARS: usize = 3;
/// Unions kept at most; bounds their memory to this many bitsets.
const MAX_CACHED_PREFIXES: usize = 256;
/// A union is worth keeping when it took this many bitsets' worth of work.
const CACHE_MIN_WORK_IN_BITSETS: usize = 4;

const SPARSE: u8 = 0;
const DENSE: u8 = 1;

/// The search part of a pack: the vocabulary unpacked (a few bytes a word),
/// the postings read in place.
#[derive(Debug)]
pub struct Search {
    bytes: Arc<Vec<u8>>,
    len: usize,
    /// Every word, end to end, and where each ends.
    words: String,
    word_ends: Vec<u32>,
    /// Where each word's posting ends, from the start of `postings`.
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

/// Builds the search section for `n` records; `text(i, out)` appends record
/// `i`'s searchable text to `out`.
pub fn write(n: usize, mut text: impl FnMut(usize, &mut String)) -> Vec<u8> {
    let mut ids: HashMap<Box<str>, usize, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    let (mut raw, mut folded) = (String::new(), String::new());
    for i in 0..n {
        raw.clear();
        folded.clear();
        text(i, &mut raw);
        fold::fold_into(&raw, &mut folded);
        for w in fold::split_folded(&folded) {
            let id = match ids.get(w) {
                Some(&id) => id,
                None => {
                    ids.insert(w.into(), lists.len());
                    lists.push(Vec::new());
                    lists.len() - 1
                }
            };
            // Records arrive in order, so a repeated word is always the last entry.
            if lists[id].last() != Some(&(i as u32)) {
                lists[id].push(i as u32);
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

        let list = &lists[*id];
        let mut sparse = Writer::new();
        sparse.u8(SPARSE);
        let mut last = 0;
        for &i in list {
            sparse.varint(u64::from(i - last));
            last = i;
        }
        let before = postings.len();
        if sparse.len() <= 1 + bitset_bytes {
            postings.bytes(&sparse.into_bytes());
        } else {
            postings.u8(DENSE);
            let set = Bitset::from_positions(n, list.iter().map(|&i| i as usize));
            for w in set.words() {
                postings.u64(*w);
            }
        }
        head.usize(postings.len() - before);
    }
    head.bytes(&postings.into_bytes());
    head.into_bytes()
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
        let mut posting_ends = Vec::with_capacity(count);
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
            total = total.checked_add(r.usize()?).ok_or(Corrupt)?;
            posting_ends.push(total as u32);
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
                Some(&SPARSE) => {}
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
            posting_ends,
            postings: postings_at..postings_at + total,
            cache: Mutex::default(),
        })
    }

    /// Vocabulary word `k`.
    fn word(&self, k: usize) -> &str {
        self.words.get(nth(&self.word_ends, k)).unwrap_or_default()
    }

    /// Number of records searched.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
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

    /// ORs the records of word `k` into `out`; returns roughly the word
    /// operations it took.
    fn or_posting(&self, k: usize, out: &mut Bitset) -> usize {
        let postings = &self.bytes[self.postings.clone()];
        let p = postings.get(nth(&self.posting_ends, k)).unwrap_or_default();
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

    /// Records with a word starting with `prefix` (an already folded word).
    /// `out` must have the index's length; its previous content is discarded.
    pub fn words_starting_with(&self, prefix: &str, out: &mut Bitset) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, set)) = cache.iter().find(|(p, _)| &**p == prefix) {
            out.copy_from(set);
            return;
        }
        out.clear();
        let mut work = 0;
        for k in self.prefix_range(prefix) {
            work += self.or_posting(k, out);
        }
        let bitset_words = self.len.div_ceil(64).max(1);
        if prefix.chars().count() <= CACHED_PREFIX_CHARS
            && work >= CACHE_MIN_WORK_IN_BITSETS * bitset_words
            && cache.len() < MAX_CACHED_PREFIXES
        {
            cache.push((prefix.into(), out.clone()));
        }
    }

    /// Records matching every word of `query` by prefix, or `None` when the
    /// query has no word at all (blank, or only punctuation and symbols).
    pub fn matches(&self, query: &str) -> Option<Bitset> {
        let mut words = fold::tokens(query);
        if words.is_empty() {
            return None;
        }
        words.sort_unstable();
        words.dedup();
        let mut all = Bitset::full(self.len);
        let mut one = Bitset::new(self.len);
        for w in &words {
            self.words_starting_with(w, &mut one);
            all.and_with(&one);
            if all.is_clear() {
                break;
            }
        }
        Some(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(texts: &[&str]) -> Search {
        let bytes = write(texts.len(), |i, out| out.push_str(texts[i]));
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
        let m = |q: &str| s.matches(q).map(|b| positions(&b));
        assert_eq!(m("economie"), Some(vec![0, 1]));
        assert_eq!(m("ÉCO"), Some(vec![0, 1]));
        assert_eq!(m("matelas"), Some(vec![2]));
        assert_eq!(m("cpme"), Some(vec![2]));
        assert_eq!(m("oeuvre"), Some(vec![3]));
        assert_eq!(m("l eco"), Some(vec![1]));
        assert_eq!(m("eco zzz"), Some(vec![]));
        assert_eq!(m("  "), None);
        assert_eq!(m("« — »"), None);
        assert_eq!(s.words(), 9);
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
                .filter(|&i| fold::tokens(&texts[i]).iter().any(|w| w.starts_with(p)))
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
        assert_eq!(s.matches("abc").map(|b| b.count()), Some(0));
        let bytes = write(3, |i, out| out.push_str(["un", "deux", "trois"][i]));
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
                let _ = s.matches("d t u");
            }
        }
    }
}
