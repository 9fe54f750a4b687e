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
//! converter: [`crate::engine::vocabulary`]). At load the vocabulary is
//! unpacked (a few bytes a word); the postings are read in place from the
//! downloaded bytes, each only when a query needs it. Each posting is a
//! list of record positions (delta varints) or, for words in more than one
//! record in 32, a bitset, whichever is smaller.
//!
//! A whole pack holds the vocabulary in one section. A split pack keeps it
//! in chunks of consecutive words, fetched as a visitor types: the search
//! knows only the first word of each chunk until then, which is enough to
//! say which chunks a prefix's words can be in. A query that needs a chunk
//! not yet here answers with what it lacks ([`Lack`]) instead of a result;
//! the page fetches it and asks again. Typo tolerance walks every word: a
//! split pack keeps the words alone in a small file of their own, fetched
//! the first time a typed word matches nothing.
//!
//! The union for a short prefix is what a visitor types first and spans the
//! most words; the busiest are kept once computed.

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use crate::engine::analyze::{self, stem};
use crate::engine::bitset::Bitset;
use crate::engine::fuzzy;
use crate::engine::vocabulary::{ALL, DENSE, POSTINGS, SPARSE, STRONG, SYNONYM};
use crate::wire::{self, Corrupt, Reader};

// The writer's side, where the rest of the core has always found it.
pub use crate::engine::vocabulary::{write, Synonym, Synonyms};

/// Prefixes this long or shorter may have their union kept.
const CACHED_PREFIX_CHARS: usize = 3;
/// Unions kept at most; bounds their memory to this many bitsets.
const MAX_CACHED_PREFIXES: usize = 256;
/// A union is worth keeping when it took this many bitsets' worth of work.
const CACHE_MIN_WORK_IN_BITSETS: usize = 4;

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
/// the postings read in place; in chunks of consecutive words, each there
/// once it has been fetched (a whole pack's one chunk is there at once).
#[derive(Debug)]
pub struct Search {
    len: usize,
    /// Number of words in the whole vocabulary.
    count: usize,
    /// Chunk `c` holds words `starts[c]..starts[c + 1]`.
    starts: Vec<u32>,
    /// The first word of each chunk but the first (`firsts[c - 1]` is
    /// chunk `c`'s): what says which chunks a prefix's words can be in.
    firsts: Vec<Box<str>>,
    chunks: Vec<OnceLock<Chunk>>,
    /// Every word (a split pack's typo file); a whole pack walks its one chunk.
    every: OnceLock<Words>,
    cache: Mutex<Vec<(Box<str>, Bitset)>>,
}

/// Words unpacked from their front coding.
#[derive(Debug, Default)]
struct Words {
    /// Every word, end to end, and where each ends.
    text: String,
    ends: Vec<u32>,
    /// How many leading bytes each word shares with the one before it.
    shared: Vec<u8>,
}

impl Words {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, k: usize) -> &str {
        self.text.get(nth(&self.ends, k)).unwrap_or_default()
    }

    fn shared(&self, k: usize) -> usize {
        usize::from(self.shared.get(k).copied().unwrap_or(0))
    }

    /// Reads the next front-coded word (`varint shared, str rest`): the
    /// shared bytes come from the word before, which must have them.
    fn read_one(&mut self, r: &mut Reader) -> wire::Result<()> {
        let shared = r.usize()?;
        let rest = r.str()?;
        // The previous word runs from the end of the one before it to the
        // end of the text.
        let from = match self.ends.len() {
            0 | 1 => 0,
            k => self.ends[k - 2] as usize,
        };
        let previous = self.text.get(from..).ok_or(Corrupt)?;
        previous.get(..shared).ok_or(Corrupt)?;
        self.text.extend_from_within(from..from + shared);
        self.text.push_str(rest);
        self.ends.push(self.text.len() as u32);
        self.shared.push(shared.min(255) as u8);
        Ok(())
    }

    /// `count × (varint shared, str rest)`, the whole of `section`: the
    /// words alone, as [`crate::engine::vocabulary::Vocabulary::words_only`]
    /// writes them.
    fn read_all(section: &[u8]) -> wire::Result<Words> {
        let mut r = Reader::new(section);
        let count = r.count()?;
        let mut words = Words::default();
        for _ in 0..count {
            words.read_one(&mut r)?;
        }
        if !r.is_done() {
            return Err(Corrupt);
        }
        Ok(words)
    }
}

/// A run of consecutive words with their postings: a whole pack's search
/// section, or one chunk of a split pack's.
#[derive(Debug)]
struct Chunk {
    bytes: Arc<Vec<u8>>,
    words: Words,
    /// Where each word's three postings end ([`ALL`], [`STRONG`],
    /// [`SYNONYM`]), from the start of `postings`.
    posting_ends: Vec<u32>,
    postings: Range<usize>,
}

impl Chunk {
    /// Reads the section at `range` of `bytes` (`u32` records, the words
    /// with their postings' lengths, the postings), checking every length,
    /// so that no later query can read out of bounds; `len` records.
    fn open(bytes: Arc<Vec<u8>>, range: Range<usize>, len: usize) -> wire::Result<Chunk> {
        let section = bytes.get(range.clone()).ok_or(Corrupt)?;
        let mut r = Reader::new(section);
        if r.u32()? as usize != len {
            return Err(Corrupt);
        }
        let count = r.count()?;
        let bitset_bytes = len.div_ceil(64) * 8;
        let mut words = Words::default();
        let mut posting_ends = Vec::with_capacity(count * POSTINGS);
        let mut total = 0usize;
        for _ in 0..count {
            words.read_one(&mut r)?;
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
        Ok(Chunk {
            bytes,
            words,
            posting_ends,
            postings: postings_at..postings_at + total,
        })
    }

    /// ORs posting `which` of this chunk's word `k` into `out`; returns
    /// roughly the word operations it took.
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
}

/// What a query lacks to be answered: chunks of the vocabulary, and the
/// words alone for typo tolerance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lack {
    pub chunks: Vec<usize>,
    pub typos: bool,
    /// How many times a step found something lacking, listed already or
    /// not: whether a step lacked anything is whether this grew. (The
    /// list's length does not say: a word whose chunk an earlier word of
    /// the query already lacks would read as complete, and its partial
    /// set be cached as the prefix's.)
    noted: usize,
}

impl Lack {
    fn chunk(&mut self, c: usize) {
        self.noted += 1;
        if !self.chunks.contains(&c) {
            self.chunks.push(c);
        }
    }

    fn typos(&mut self) {
        self.noted += 1;
        self.typos = true;
    }

    /// Something is lacking.
    pub fn any(&self) -> bool {
        self.typos || !self.chunks.is_empty()
    }

    /// Grows whenever something is found lacking (see `noted`).
    fn size(&self) -> usize {
        self.noted
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
    /// Reads a whole pack's search section at `range` of `bytes`, checking
    /// every length, so that no later query can read out of bounds.
    pub fn open(bytes: Arc<Vec<u8>>, range: Range<usize>) -> wire::Result<Search> {
        let section = bytes.get(range.clone()).ok_or(Corrupt)?;
        let len = Reader::new(section).u32()? as usize;
        let chunk = Chunk::open(bytes, range, len)?;
        let count = chunk.words.len();
        let search = Search::split(len, vec![0, count as u32], Vec::new())?;
        let _ = search.chunks[0].set(chunk);
        Ok(search)
    }

    /// The search of a split pack over `len` records, before any chunk is
    /// here: chunk `c` holds words `starts[c]..starts[c + 1]`, and
    /// `firsts[c - 1]` is its first word (chunk 0's is not needed).
    pub fn split(len: usize, starts: Vec<u32>, firsts: Vec<Box<str>>) -> wire::Result<Search> {
        let chunks = starts.len().checked_sub(1).ok_or(Corrupt)?;
        // Every chunk holds a word (its first is in the directory), but the
        // one chunk of an empty vocabulary.
        let ordered = starts.first() == Some(&0)
            && (starts.windows(2).all(|w| w[0] < w[1]) || starts == [0, 0]);
        if chunks == 0
            || !ordered
            || firsts.len() + 1 != chunks
            || firsts.windows(2).any(|w| w[0] >= w[1])
        {
            return Err(Corrupt);
        }
        Ok(Search {
            len,
            count: starts[chunks] as usize,
            starts,
            firsts,
            chunks: (0..chunks).map(|_| OnceLock::new()).collect(),
            every: OnceLock::new(),
            cache: Mutex::default(),
        })
    }

    /// Takes in chunk `c`, the search section at `range` of `bytes`: it must
    /// hold exactly the words the directory says, beginning with the first
    /// it names. A chunk already here stays as it was.
    pub fn add_chunk(
        &self,
        c: usize,
        bytes: Arc<Vec<u8>>,
        range: Range<usize>,
    ) -> wire::Result<()> {
        let slot = self.chunks.get(c).ok_or(Corrupt)?;
        let chunk = Chunk::open(bytes, range, self.len)?;
        let (start, end) = (self.starts[c] as usize, self.starts[c + 1] as usize);
        let first_ok =
            c == 0 || chunk.words.len() > 0 && *self.firsts[c - 1] == *chunk.words.word(0);
        if chunk.words.len() != end - start || !first_ok {
            return Err(Corrupt);
        }
        let _ = slot.set(chunk);
        Ok(())
    }

    /// Takes in the words alone (a split pack's typo file): as many as the
    /// directory counts, each chunk's first where it says.
    pub fn add_typos(&self, section: &[u8]) -> wire::Result<()> {
        let words = Words::read_all(section)?;
        if words.len() != self.count {
            return Err(Corrupt);
        }
        for (c, first) in self.firsts.iter().enumerate() {
            if words.word(self.starts[c + 1] as usize) != &**first {
                return Err(Corrupt);
            }
        }
        let _ = self.every.set(words);
        Ok(())
    }

    /// Number of chunks.
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// Whether chunk `c` is here.
    pub fn has_chunk(&self, c: usize) -> bool {
        self.chunks.get(c).is_some_and(|s| s.get().is_some())
    }

    /// Whether typo tolerance has its words.
    pub fn has_typos(&self) -> bool {
        self.every_word().is_some()
    }

    /// Every word in order, when here: a split pack's typo file, or a whole
    /// pack's one chunk.
    fn every_word(&self) -> Option<&Words> {
        match &self.chunks[..] {
            [one] if self.firsts.is_empty() => one.get().map(|c| &c.words),
            _ => self.every.get(),
        }
    }

    /// The chunk holding word `k`, and `k`'s place in it.
    fn chunk_of(&self, k: usize) -> (usize, usize) {
        let c = self
            .starts
            .partition_point(|&s| s as usize <= k)
            .saturating_sub(1);
        (c, k - self.starts.get(c).map_or(0, |&s| s as usize))
    }

    /// Vocabulary word `k`, or `""` while its chunk is not here.
    pub fn word(&self, k: usize) -> &str {
        let (c, at) = self.chunk_of(k);
        match self.chunks.get(c).and_then(|s| s.get()) {
            Some(chunk) => chunk.words.word(at),
            None => self.every.get().map_or("", |w| w.word(k)),
        }
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
        self.every_word().map_or(0, |w| w.shared(k))
    }

    /// Number of vocabulary words.
    pub fn words(&self) -> usize {
        self.count
    }

    /// The chunks that may hold words starting with `prefix`: from the
    /// last whose first word is not after it (the chunk where `prefix`
    /// itself would be) to the last whose first word is before it or starts
    /// with it (the first words are sorted, so both are a partition point).
    fn chunk_span(&self, prefix: &str) -> Range<usize> {
        let a = self.firsts.partition_point(|f| **f <= *prefix);
        let b = self
            .firsts
            .partition_point(|f| **f < *prefix || f.starts_with(prefix));
        a..b + 1
    }

    /// The contiguous run of vocabulary words that start with `prefix`;
    /// empty, with the chunks it needs in `lack`, while they are not all here.
    fn prefix_range(&self, prefix: &str, lack: &mut Lack) -> Range<usize> {
        let span = self.chunk_span(prefix);
        let before = lack.size();
        for c in span.clone() {
            if !self.has_chunk(c) {
                lack.chunk(c);
            }
        }
        if lack.size() > before {
            return 0..0;
        }
        let (mut lo, mut hi) = (
            self.starts[span.start] as usize,
            self.starts[span.end] as usize,
        );
        let end = hi;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let start = lo;
        hi = end;
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

    /// ORs posting `which` of word `k` into `out` (its chunk must be here:
    /// else nothing, and the chunk in `lack`); returns roughly the word
    /// operations it took.
    fn or_posting(&self, k: usize, which: usize, out: &mut Bitset, lack: &mut Lack) -> usize {
        let (c, at) = self.chunk_of(k);
        match self.chunks.get(c).and_then(|s| s.get()) {
            Some(chunk) => chunk.or_posting(at, which, out),
            None => {
                lack.chunk(c);
                0
            }
        }
    }

    /// Records with a word starting with `prefix` (an already folded
    /// word), as a word or a synonym. `out` must have the index's length;
    /// its previous content is discarded. Empty while the chunks it needs
    /// are not here (they are added to `lack`).
    fn starting_with(&self, prefix: &str, out: &mut Bitset, lack: &mut Lack) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, set)) = cache.iter().find(|(p, _)| &**p == prefix) {
            out.copy_from(set);
            return;
        }
        out.clear();
        let before = lack.size();
        let mut work = 0;
        for k in self.prefix_range(prefix, lack) {
            work += self.or_posting(k, ALL, out, lack);
            work += self.or_posting(k, SYNONYM, out, lack);
        }
        let bitset_words = self.len.div_ceil(64).max(1);
        if lack.size() == before
            && prefix.chars().count() <= CACHED_PREFIX_CHARS
            && work >= CACHE_MIN_WORK_IN_BITSETS * bitset_words
            && cache.len() < MAX_CACHED_PREFIXES
        {
            cache.push((prefix.into(), out.clone()));
        }
    }

    /// Records with a word starting with `prefix` (an already folded
    /// word), as a word or a synonym; `out` must have the index's length.
    /// `Err` with what is lacking while its chunks are not here.
    pub fn words_starting_with(&self, prefix: &str, out: &mut Bitset) -> Result<(), Lack> {
        let mut lack = Lack::default();
        self.starting_with(prefix, out, &mut lack);
        if lack.any() {
            return Err(lack);
        }
        Ok(())
    }

    /// Words outside `skip` whose stem is `s`: they begin with `s`, or with
    /// `s` less an ending a stem rule writes in.
    fn stem_group(&self, s: &str, skip: &Range<usize>, lack: &mut Lack) -> Vec<usize> {
        let mut out = Vec::new();
        let mut looked = 0;
        let cuts = SWAPPED_ENDINGS
            .iter()
            .filter_map(|e| s.strip_suffix(e))
            .filter(|p| p.len() >= 3);
        for p in std::iter::once(s).chain(cuts) {
            for k in self.prefix_range(p, lack) {
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
    /// only the last, cumulative one unless `tiers`. `None`, with what it
    /// needs in `lack`, while the chunks (or the typo file) it must read
    /// are not here.
    fn word_sets(
        &self,
        q: &str,
        tiers: bool,
        lack: &mut Lack,
    ) -> Option<(Vec<Bitset>, Vec<String>)> {
        let n = self.len;
        let before = lack.size();
        let range = self.prefix_range(q, lack);
        let same_stem = self.stem_group(&stem(q), &range, lack);
        // An empty range for want of a chunk is not a word that matches
        // nothing: no correction before the chunks are here.
        if lack.size() > before {
            return None;
        }
        let mut matched = Bitset::new(n);
        self.starting_with(q, &mut matched, lack);
        for &k in &same_stem {
            self.or_posting(k, ALL, &mut matched, lack);
            self.or_posting(k, SYNONYM, &mut matched, lack);
        }
        let mut corrections = Vec::new();
        let mut all = matched.clone();
        let edits = analyze::max_edits(q);
        if range.is_empty() && same_stem.is_empty() && edits > 0 {
            let Some(every) = self.every_word() else {
                lack.typos();
                return None;
            };
            let near = fuzzy::within(
                q.as_bytes(),
                edits,
                every.len(),
                |k| every.word(k).as_bytes(),
                |k| every.shared(k),
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
                let word = every.word(k);
                let family = self.stem_group(&stem(word), &(k..k + 1), lack);
                for j in std::iter::once(k).chain(family) {
                    self.or_posting(j, ALL, &mut all, lack);
                    self.or_posting(j, SYNONYM, &mut all, lack);
                }
                corrections.push(word.to_string());
            }
            if lack.size() > before {
                return None;
            }
        }
        if !tiers {
            return Some((vec![all], corrections));
        }
        let exact = self.find(q, &range);
        let mut strong_exact = Bitset::new(n);
        let mut any_exact = Bitset::new(n);
        if let Some(k) = exact {
            self.or_posting(k, STRONG, &mut strong_exact, lack);
            self.or_posting(k, ALL, &mut any_exact, lack);
        }
        let mut strong = Bitset::new(n);
        for k in range.clone().chain(same_stem.iter().copied()) {
            self.or_posting(k, STRONG, &mut strong, lack);
        }
        any_exact.or_with(&strong);
        Some((
            vec![strong_exact, strong, any_exact, matched, all],
            corrections,
        ))
    }

    /// Records matching every word of `query`, or `None` when the query has
    /// no word at all (blank, or only punctuation and symbols). With
    /// `tiers`, also how well each record matches (see [`TextMatch`]).
    /// `Err` with every chunk (and the typo file) the query still needs,
    /// all at once, so the page fetches them together.
    pub fn matches(&self, query: &str, tiers: bool) -> Result<Option<TextMatch>, Lack> {
        let mut words = analyze::words(query);
        if words.is_empty() {
            return Ok(None);
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
        let mut lack = Lack::default();
        for w in words {
            let Some((mine, corrections)) = self.word_sets(&w, tiers, &mut lack) else {
                continue;
            };
            for (set, m) in sets.iter_mut().zip(&mine) {
                set.and_with(m);
            }
            out.push(QueryWord {
                word: w,
                corrections,
            });
        }
        if lack.any() {
            return Err(lack);
        }
        let all = sets.pop().unwrap_or_else(|| Bitset::new(self.len));
        Ok(Some(TextMatch {
            all,
            tiers: sets,
            words: out,
        }))
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
        let m = |q: &str| s.matches(q, false).unwrap().map(|b| positions(&b.all));
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
            s.words_starting_with(p, &mut got).unwrap();
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
        assert_eq!(
            s.matches("abc", true).unwrap().map(|b| b.all.count()),
            Some(0)
        );
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
        let m = |q: &str| {
            s.matches(q, false)
                .unwrap()
                .map(|b| positions(&b.all))
                .unwrap()
        };
        assert_eq!(m("entreprises"), [0, 1]);
        assert_eq!(m("entreprise"), [0, 1]);
        assert_eq!(m("recyclage"), [0]);
        assert_eq!(m("emploi"), [3]);
        // Both ways, and only for the term as written.
        assert_eq!(m("iae"), [1, 2]);
        assert_eq!(m("activites economiques"), [1, 2]);
        assert_eq!(m("fondation"), Vec::<usize>::new());
        let typo = s.matches("insrtion", true).unwrap().unwrap();
        assert_eq!(positions(&typo.all), [1, 2]);
        assert_eq!(typo.words[0].corrections, ["insertion"]);
        // Short words are never corrected.
        assert_eq!(m("iea"), Vec::<usize>::new());
        // Ranking levels: exact in a strong field, stem in a strong field,
        // exact anywhere, stem or synonym anywhere.
        let t = s.matches("entreprises", true).unwrap().unwrap();
        let tiers: Vec<Vec<usize>> = t.tiers.iter().map(positions).collect();
        assert_eq!(tiers, [vec![0], vec![0], vec![0], vec![0, 1]]);
        let t = s.matches("iae", true).unwrap().unwrap();
        let tiers: Vec<Vec<usize>> = t.tiers.iter().map(positions).collect();
        assert_eq!(tiers, [vec![], vec![], vec![1], vec![1, 2]]);
        assert!(t.words[0].corrections.is_empty());
    }
}
