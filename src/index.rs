//! Everything a query needs, computed once at load, so that answering a query
//! is word operations on bitsets and integer compares, never string work per
//! record (the target is 100,000 records filtered and counted in ~2 ms).
//!
//! - one bitset per region code, theme and record type, plus "national" and
//!   "dated";
//! - each record's period as two day numbers (see [`crate::date`]);
//! - the three sort orders as permutations;
//! - the folded words of every record's searchable text in a sorted
//!   vocabulary, each with its postings, so that a query word matches every
//!   vocabulary word it is a prefix of through one binary search. Unions for
//!   the busiest prefixes of up to three letters are precomputed, because
//!   those are what a visitor types first and they span the most words.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::bitset::Bitset;
use crate::catalog::{Catalog, Entry, RecordType};
use crate::filter::Sort;
use crate::fold;
use crate::model::NATIONAL;

/// Prefixes this long or shorter may have their union cached: what a visitor
/// types first, and what spans the most words.
const CACHED_PREFIX_CHARS: usize = 3;
/// Prefix unions kept at most; bounds their memory to this many bitsets.
const MAX_CACHED_PREFIXES: usize = 256;
/// A prefix is worth caching when its union costs this many bitset ORs or more.
const CACHE_MIN_WORK_IN_BITSETS: usize = 4;

/// The records containing one vocabulary word, in whichever form is smaller.
#[derive(Debug, Clone)]
enum Postings {
    Sparse(Box<[u32]>),
    Dense(Bitset),
}

impl Postings {
    fn or_into(&self, out: &mut Bitset) {
        match self {
            Postings::Sparse(list) => list.iter().for_each(|&i| out.insert(i as usize)),
            Postings::Dense(set) => out.or_with(set),
        }
    }

    /// Roughly the number of word operations [`Postings::or_into`] takes.
    fn work(&self, words: usize) -> usize {
        match self {
            Postings::Sparse(list) => list.len(),
            Postings::Dense(_) => words,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Index {
    len: usize,
    pub(crate) region_codes: Vec<String>,
    pub(crate) regions: Vec<Bitset>,
    /// Records whose territory contains [`NATIONAL`], whether or not the vocabulary lists it.
    pub(crate) national: Bitset,
    pub(crate) theme_ids: Vec<String>,
    pub(crate) themes: Vec<Bitset>,
    /// In [`RecordType::ALL`] order.
    pub(crate) types: Vec<Bitset>,
    pub(crate) dated: Bitset,
    /// Day numbers of each record's period; undated records hold an empty
    /// period (`i32::MAX`, `i32::MIN`) so no overlap test can pass.
    pub(crate) first_day: Vec<i32>,
    pub(crate) last_day: Vec<i32>,
    /// Permutations of all positions, in [`Sort::ALL`] order.
    orders: [Vec<u32>; 3],
    /// `ranks[s][i]`: where record `i` stands in `orders[s]`.
    ranks: [Vec<u32>; 3],
    vocabulary: Vec<Box<str>>,
    postings: Vec<Postings>,
    /// Sorted by prefix.
    prefix_unions: Vec<(Box<str>, Bitset)>,
}

impl Index {
    pub fn build(catalog: &Catalog) -> Index {
        let codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
        let themes: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
        Index::from_parts(&catalog.entries, &codes, &themes, |i, out| {
            catalog.searchable_text(i, out)
        })
    }

    /// `text(i, out)` appends the searchable text of entry `i` to `out`.
    /// Codes and themes of entries that the vocabularies do not list are
    /// ignored, except [`NATIONAL`], which always marks a record national.
    pub fn from_parts(
        entries: &[Entry],
        region_codes: &[String],
        theme_ids: &[String],
        mut text: impl FnMut(usize, &mut String),
    ) -> Index {
        let n = entries.len();
        let region_pos: HashMap<&str, usize> = region_codes
            .iter()
            .enumerate()
            .map(|(k, c)| (c.as_str(), k))
            .collect();
        let theme_pos: HashMap<&str, usize> = theme_ids
            .iter()
            .enumerate()
            .map(|(k, t)| (t.as_str(), k))
            .collect();
        let mut regions = vec![Bitset::new(n); region_codes.len()];
        let mut themes = vec![Bitset::new(n); theme_ids.len()];
        let mut types = vec![Bitset::new(n); RecordType::ALL.len()];
        let mut national = Bitset::new(n);
        let mut dated = Bitset::new(n);
        let mut first_day = vec![i32::MAX; n];
        let mut last_day = vec![i32::MIN; n];

        for (i, e) in entries.iter().enumerate() {
            for code in &e.territory {
                if let Some(&k) = region_pos.get(code.as_str()) {
                    regions[k].insert(i);
                }
                if code == NATIONAL {
                    national.insert(i);
                }
            }
            for t in &e.themes {
                if let Some(&k) = theme_pos.get(t.as_str()) {
                    themes[k].insert(i);
                }
            }
            if let Some(k) = RecordType::ALL.iter().position(|&t| t == e.record_type) {
                types[k].insert(i);
            }
            if let Some(d) = e.date {
                dated.insert(i);
                first_day[i] = d.first_day();
                last_day[i] = d.last_day();
            }
        }

        let (recent, oldest, by_title) = sort_orders(entries, &first_day);
        let orders = [recent, oldest, by_title];
        let ranks = std::array::from_fn(|k| ranks(&orders[k]));
        let (vocabulary, postings) = vocabulary(n, &mut text);
        let prefix_unions = prefix_unions(n, &vocabulary, &postings);
        Index {
            len: n,
            region_codes: region_codes.to_vec(),
            regions,
            national,
            theme_ids: theme_ids.to_vec(),
            themes,
            types,
            dated,
            first_day,
            last_day,
            orders,
            ranks,
            vocabulary,
            postings,
            prefix_unions,
        }
    }

    /// Records whose date is unknown (a popcount, not a pass over the records).
    pub fn undated_count(&self) -> u32 {
        self.len as u32 - self.dated.count()
    }

    /// Number of records indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every record position, in the given order.
    pub fn order(&self, sort: Sort) -> &[u32] {
        &self.orders[sort_slot(sort)]
    }

    /// The positions in `set`, in the given order.
    pub(crate) fn sorted(&self, set: &Bitset, sort: Sort) -> Vec<u32> {
        let k = set.count() as usize;
        let slot = sort_slot(sort);
        // Few results: sorting them beats walking the whole permutation.
        if k.saturating_mul(32) < self.len {
            let rank = &self.ranks[slot];
            let mut out: Vec<u32> = set.iter().map(|i| i as u32).collect();
            out.sort_unstable_by_key(|&i| rank[i as usize]);
            out
        } else {
            let mut out = Vec::with_capacity(k);
            out.extend(
                self.orders[slot]
                    .iter()
                    .copied()
                    .filter(|&i| set.contains(i as usize)),
            );
            out
        }
    }

    /// Records with a word starting with `prefix` (an already folded word).
    /// `out` must have the index's length; its previous content is discarded.
    pub(crate) fn words_starting_with(&self, prefix: &str, out: &mut Bitset) {
        if let Ok(k) = self
            .prefix_unions
            .binary_search_by(|(p, _)| (**p).cmp(prefix))
        {
            out.copy_from(&self.prefix_unions[k].1);
            return;
        }
        out.clear();
        for p in &self.postings[prefix_range(&self.vocabulary, prefix)] {
            p.or_into(out);
        }
    }

    /// Records matching every word of `query` by prefix, or `None` when the
    /// query has no word at all (blank, or only punctuation and symbols).
    pub(crate) fn text_matches(&self, query: &str) -> Option<Bitset> {
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

fn sort_slot(sort: Sort) -> usize {
    match sort {
        Sort::Recent => 0,
        Sort::Oldest => 1,
        Sort::Title => 2,
    }
}

/// The contiguous run of `sorted` words that start with `prefix`.
fn prefix_range(sorted: &[Box<str>], prefix: &str) -> std::ops::Range<usize> {
    let lo = sorted.partition_point(|w| &**w < prefix);
    let hi = lo + sorted[lo..].partition_point(|w| w.starts_with(prefix));
    lo..hi
}

/// The key titles sort by: folded words joined by single spaces, so case,
/// accents, quotes and leading punctuation do not move a title.
fn title_key(title: &str) -> String {
    let folded = fold::fold(title);
    let mut key = String::with_capacity(folded.len());
    for w in fold::split_folded(&folded) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    key
}

fn sort_orders(entries: &[Entry], first_day: &[i32]) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let keys: Vec<String> = entries.iter().map(|e| title_key(&e.title)).collect();
    let mut by_title: Vec<u32> = (0..entries.len() as u32).collect();
    // Last resort after the id is the position, so the order is total even if
    // a caller hands in duplicate ids.
    by_title.sort_unstable_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        keys[a]
            .cmp(&keys[b])
            .then_with(|| entries[a].id.cmp(&entries[b].id))
            .then(a.cmp(&b))
    });
    // Date orders break ties by title rank: integer compares only.
    let rank = ranks(&by_title);
    let undated = |i: u32| entries[i as usize].date.is_none();
    let mut recent = by_title.clone();
    recent
        .sort_unstable_by_key(|&i| (undated(i), Reverse(first_day[i as usize]), rank[i as usize]));
    let mut oldest = by_title.clone();
    oldest.sort_unstable_by_key(|&i| (undated(i), first_day[i as usize], rank[i as usize]));
    (recent, oldest, by_title)
}

/// The inverse permutation.
fn ranks(order: &[u32]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// FxHash (as in rustc): words are short and come from the dataset, not from
/// the visitor, so a keyed hash buys nothing and SipHash would slow the load.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn vocabulary(
    n: usize,
    text: &mut impl FnMut(usize, &mut String),
) -> (Vec<Box<str>>, Vec<Postings>) {
    let mut ids: HashMap<Box<str>, usize, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    let mut raw = String::new();
    let mut folded = String::new();
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
    let mut words: Vec<(Box<str>, usize)> = ids.into_iter().collect();
    words.sort_unstable();
    let postings = words
        .iter()
        .map(|(_, id)| {
            let list = std::mem::take(&mut lists[*id]);
            // A list costs 32 bits a record, a bitset 1 bit a position.
            if list.len().saturating_mul(32) > n {
                Postings::Dense(Bitset::from_positions(n, list.iter().map(|&i| i as usize)))
            } else {
                Postings::Sparse(list.into_boxed_slice())
            }
        })
        .collect();
    (words.into_iter().map(|(w, _)| w).collect(), postings)
}

fn prefix_unions(
    n: usize,
    vocabulary: &[Box<str>],
    postings: &[Postings],
) -> Vec<(Box<str>, Bitset)> {
    let words = n.div_ceil(64).max(1);
    let mut candidates: Vec<(usize, &str)> = Vec::new();
    for chars in 1..=CACHED_PREFIX_CHARS {
        let mut start = 0;
        while start < vocabulary.len() {
            let Some(prefix) = char_prefix(&vocabulary[start], chars) else {
                start += 1;
                continue;
            };
            let range = start..start + prefix_range(&vocabulary[start..], prefix).end;
            let work: usize = postings[range.clone()].iter().map(|p| p.work(words)).sum();
            if work >= CACHE_MIN_WORK_IN_BITSETS * words {
                candidates.push((work, prefix));
            }
            start = range.end;
        }
    }
    candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    candidates.truncate(MAX_CACHED_PREFIXES);
    let mut unions: Vec<(Box<str>, Bitset)> = candidates
        .into_iter()
        .map(|(_, prefix)| {
            let mut set = Bitset::new(n);
            for p in &postings[prefix_range(vocabulary, prefix)] {
                p.or_into(&mut set);
            }
            (prefix.into(), set)
        })
        .collect();
    unions.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    unions
}

/// The first `chars` characters of `word`, if it has that many.
fn char_prefix(word: &str, chars: usize) -> Option<&str> {
    match word.char_indices().nth(chars) {
        Some((end, _)) => Some(&word[..end]),
        None if word.chars().count() == chars => Some(word),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn entry(id: &str, title: &str, date: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            record_type: RecordType::Agreement,
            title: title.into(),
            date: date.map(|d| PartialDate::parse(d).unwrap()),
            territory: vec![],
            themes: vec![],
        }
    }

    fn index(entries: &[Entry], texts: &[&str]) -> Index {
        Index::from_parts(entries, &[], &[], |i, out| out.push_str(texts[i]))
    }

    fn positions(set: &Bitset) -> Vec<usize> {
        set.iter().collect()
    }

    #[test]
    fn prefix_ranges() {
        let v: Vec<Box<str>> = ["a", "ab", "abc", "abd", "b", "ba"]
            .iter()
            .map(|s| (*s).into())
            .collect();
        assert_eq!(prefix_range(&v, "ab"), 1..4);
        assert_eq!(prefix_range(&v, "a"), 0..4);
        assert_eq!(prefix_range(&v, "abz"), 4..4);
        assert_eq!(prefix_range(&v, "c"), 6..6);
        assert_eq!(prefix_range(&v, ""), 0..6);
        assert_eq!(char_prefix("été", 1), Some("é"));
        assert_eq!(char_prefix("é", 2), None);
        assert_eq!(char_prefix("ab", 2), Some("ab"));
    }

    #[test]
    fn words_match_by_prefix_after_folding() {
        let entries: Vec<Entry> = (0..4).map(|i| entry(&format!("r{i}"), "t", None)).collect();
        let ix = index(
            &entries,
            &[
                "Économie sociale",
                "l’économie",
                "Recyc’matelas et CPME",
                "œuvre commune",
            ],
        );
        let m = |q: &str| ix.text_matches(q).map(|s| positions(&s));
        assert_eq!(m("economie"), Some(vec![0, 1]));
        assert_eq!(m("ÉCO"), Some(vec![0, 1]));
        assert_eq!(m("matelas"), Some(vec![2]));
        assert_eq!(m("cpme"), Some(vec![2]));
        assert_eq!(m("oeuvre"), Some(vec![3]));
        assert_eq!(m("l eco"), Some(vec![1]));
        assert_eq!(m("eco zzz"), Some(vec![]));
        assert_eq!(m("  "), None);
        assert_eq!(m("« — »"), None);
    }

    #[test]
    fn cached_prefixes_agree_with_ranges() {
        let n = 300;
        let entries: Vec<Entry> = (0..n).map(|i| entry(&format!("r{i}"), "t", None)).collect();
        let words = [
            "de",
            "des",
            "developpement",
            "dans",
            "emploi",
            "entreprise",
            "e",
        ];
        let ix = Index::from_parts(&entries, &[], &[], |i, out| {
            for (k, w) in words.iter().enumerate() {
                if (i + k) % (k + 2) == 0 {
                    out.push_str(w);
                    out.push(' ');
                }
            }
        });
        assert!(!ix.prefix_unions.is_empty());
        for p in ["d", "de", "e", "em", "en", "da", "dev", "x"] {
            let mut cached = Bitset::new(n);
            ix.words_starting_with(p, &mut cached);
            let mut direct = Bitset::new(n);
            for post in &ix.postings[prefix_range(&ix.vocabulary, p)] {
                post.or_into(&mut direct);
            }
            assert_eq!(cached, direct, "{p}");
        }
    }

    #[test]
    fn sort_orders_put_undated_last() {
        let entries = vec![
            entry("a", "Zèbre", Some("2019")),
            entry("b", "« Abeille »", None),
            entry("c", "éléphant", Some("2019-11-21")),
            entry("d", "Baleine", Some("2015-03")),
            entry("e", "abeille", None),
            entry("f", "Abeille", Some("2019")),
        ];
        let ix = index(&entries, &["", "", "", "", "", ""]);
        let ids = |s: Sort| {
            ix.order(s)
                .iter()
                .map(|&i| entries[i as usize].id.as_str())
                .collect::<String>()
        };
        assert_eq!(ids(Sort::Recent), "cfadbe");
        assert_eq!(ids(Sort::Oldest), "dfacbe");
        assert_eq!(ids(Sort::Title), "befdca");
    }

    #[test]
    fn vocabularies_and_national() {
        let mut a = entry("a", "t", Some("2019"));
        a.territory = vec!["84".into(), "FR".into(), "zz".into()];
        a.themes = vec!["emploi".into(), "inconnu".into()];
        let mut b = entry("b", "t", None);
        b.record_type = RecordType::Event;
        b.territory = vec!["11".into()];
        let ix = Index::from_parts(
            &[a, b],
            &["FR".into(), "84".into(), "11".into()],
            &["emploi".into()],
            |_, _| {},
        );
        assert_eq!(positions(&ix.regions[0]), [0]);
        assert_eq!(positions(&ix.regions[2]), [1]);
        assert_eq!(positions(&ix.national), [0]);
        assert_eq!(positions(&ix.themes[0]), [0]);
        assert_eq!(positions(&ix.types[1]), [1]);
        assert_eq!(positions(&ix.dated), [0]);
        assert_eq!((ix.first_day[1], ix.last_day[1]), (i32::MAX, i32::MIN));
        assert_eq!(ix.len(), 2);
    }

    #[test]
    fn empty_index() {
        let ix = index(&[], &[]);
        assert!(ix.is_empty());
        assert!(ix.order(Sort::Recent).is_empty());
        assert_eq!(ix.text_matches("abc").map(|s| s.count()), Some(0));
    }
}
