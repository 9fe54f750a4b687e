//! Full-text search by word prefix: the folded words of every record's
//! searchable text in one sorted vocabulary, each with the records that
//! contain it. A query word matches every vocabulary word it begins, a
//! contiguous run found by binary search, so "eco" costs one search and the
//! union of a few postings, never a pass over the records' text.
//!
//! The vocabulary and postings are built once (by `pack`, natively or in the
//! converter) and read in place from the downloaded bytes: nothing is
//! decoded at load, a posting only when a query needs it. Each posting is a
//! list of record positions (delta varints) or, for words in more than one
//! record in 32, a bitset, whichever is smaller.
//!
//! The union for a short prefix is what a visitor types first and spans the
//! most words; the busiest are kept once computed.

use std::sync::Mutex;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::Arc;

use crate::bitset::Bitset;
use crate::fold;
use crate::wire::{self, Corrupt, Reader, U32s, Writer};

/// Prefixes this long or shorter may have their union kept.
const CACHED_PREFIX_CHARS: usize = 3;
/// Unions kept at most; bounds their memory to this many bitsets.
const MAX_CACHED_PREFIXES: usize = 256;
/// A union is worth keeping when it took this many bitsets' worth of work.
const CACHE_MIN_WORK_IN_BITSETS: usize = 4;

const SPARSE: u8 = 0;
const DENSE: u8 = 1;

/// The search part of a pack, read in place.
#[derive(Debug)]
pub struct Search {
    bytes: Arc<Vec<u8>>,
    len: usize,
    word_offsets: Range<usize>,
    posting_offsets: Range<usize>,
    words: Range<usize>,
    postings: Range<usize>,
    count: usize,
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

    let (mut words, mut postings) = (Writer::new(), Writer::new());
    let (mut word_offsets, mut posting_offsets) = (vec![0u32], vec![0u32]);
    let bitset_bytes = n.div_ceil(64) * 8;
    for (word, id) in &vocabulary {
        words.bytes(word.as_bytes());
        word_offsets.push(words.len() as u32);
        let list = &lists[*id];
        let mut sparse = Writer::new();
        sparse.u8(SPARSE);
        let mut previous = 0;
        for &i in list {
            sparse.varint(u64::from(i - previous));
            previous = i;
        }
        if sparse.len() <= 1 + bitset_bytes {
            postings.bytes(&sparse.into_bytes());
        } else {
            postings.u8(DENSE);
            let set = Bitset::from_positions(n, list.iter().map(|&i| i as usize));
            for w in set.words() {
                postings.u64(*w);
            }
        }
        posting_offsets.push(postings.len() as u32);
    }
    let mut out = Writer::new();
    out.u32(n as u32);
    out.u32(vocabulary.len() as u32);
    for o in word_offsets.iter().chain(&posting_offsets) {
        out.u32(*o);
    }
    out.bytes(&words.into_bytes());
    out.bytes(&postings.into_bytes());
    out.into_bytes()
}

/// Offsets must start at 0, never decrease, and end at the blob's length.
fn check_offsets(offsets: U32s, blob_len: usize) -> wire::Result<()> {
    let mut previous = 0;
    for (k, o) in offsets.iter().enumerate() {
        if (k == 0 && o != 0) || o < previous {
            return Err(Corrupt);
        }
        previous = o;
    }
    if previous as usize == blob_len {
        Ok(())
    } else {
        Err(Corrupt)
    }
}

impl Search {
    /// Reads the section at `range` of `bytes`, checking every offset, so
    /// that no later query can read out of bounds.
    pub fn open(bytes: Arc<Vec<u8>>, range: Range<usize>) -> wire::Result<Search> {
        let section = bytes.get(range.clone()).ok_or(Corrupt)?;
        let mut r = Reader::new(section);
        let len = r.u32()? as usize;
        let count = r.u32()? as usize;
        let table = count
            .checked_add(1)
            .and_then(|c| c.checked_mul(4))
            .ok_or(Corrupt)?;
        let word_offsets = U32s::new(r.take(table)?)?;
        let posting_offsets = U32s::new(r.take(table)?)?;
        let words_len = word_offsets.get(count).ok_or(Corrupt)? as usize;
        let postings_len = posting_offsets.get(count).ok_or(Corrupt)? as usize;
        let words = r.take(words_len)?;
        let postings = r.take(postings_len)?;
        if !r.is_done() {
            return Err(Corrupt);
        }
        check_offsets(word_offsets, words_len)?;
        check_offsets(posting_offsets, postings_len)?;
        let text = std::str::from_utf8(words).map_err(|_| Corrupt)?;
        if word_offsets
            .iter()
            .any(|o| !text.is_char_boundary(o as usize))
        {
            return Err(Corrupt);
        }
        let bitset_bytes = len.div_ceil(64) * 8;
        for k in 0..count {
            let p = &postings[posting_offsets.get(k).unwrap_or(0) as usize
                ..posting_offsets.get(k + 1).unwrap_or(0) as usize];
            match p.first() {
                Some(&SPARSE) => {}
                Some(&DENSE) if p.len() == 1 + bitset_bytes => {}
                _ => return Err(Corrupt),
            }
        }
        let start = range.start + 8;
        let word_offsets_at = start..start + table;
        let posting_offsets_at = word_offsets_at.end..word_offsets_at.end + table;
        let words_at = posting_offsets_at.end..posting_offsets_at.end + words_len;
        let postings_at = words_at.end..words_at.end + postings_len;
        Ok(Search {
            bytes,
            len,
            word_offsets: word_offsets_at,
            posting_offsets: posting_offsets_at,
            words: words_at,
            postings: postings_at,
            count,
            cache: Mutex::default(),
        })
    }

    fn offsets(&self, range: &Range<usize>) -> U32s<'_> {
        U32s::new(&self.bytes[range.clone()]).unwrap_or_default()
    }

    /// Vocabulary word `k` (checked at open: in bounds, on char boundaries).
    fn word(&self, k: usize) -> &str {
        let o = self.offsets(&self.word_offsets);
        let (a, b) = (o.get(k).unwrap_or(0), o.get(k + 1).unwrap_or(0));
        let words = &self.bytes[self.words.clone()];
        std::str::from_utf8(words.get(a as usize..b as usize).unwrap_or_default())
            .unwrap_or_default()
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
        self.count
    }

    /// The contiguous run of vocabulary words that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let start = lo;
        hi = self.count;
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
        let o = self.offsets(&self.posting_offsets);
        let (a, b) = (
            o.get(k).unwrap_or(0) as usize,
            o.get(k + 1).unwrap_or(0) as usize,
        );
        let postings = &self.bytes[self.postings.clone()];
        let p = postings.get(a..b).unwrap_or_default();
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
        assert!(!s.cache.lock().unwrap().is_empty(), "busy short prefixes are kept");
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
