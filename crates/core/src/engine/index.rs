//! Everything a query needs besides the text search, computed once when a
//! pack is made and read back when it is opened, so that answering a query is
//! word operations on bitsets and integer compares, never string work per
//! record (the target is 100,000 records filtered and counted in ~2 ms):
//!
//! - one bitset per region code, theme and record type, plus "national" and
//!   "dated";
//! - each record's period as two day numbers (see [`crate::data::date`]);
//! - the three sort orders as permutations;
//! - the word search ([`crate::engine::search`]).
//!
//! The section holds everything it needs (the region codes and theme ids
//! too), so the engine can be built and tested without a whole pack.

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::Arc;

use crate::data::catalog::{Catalog, Entry, RecordType};
use crate::data::model::NATIONAL;
use crate::engine::bitset::Bitset;
use crate::engine::filter::Sort;
use crate::engine::fold;
use crate::engine::search::{self, Search, Synonyms, TextMatch};
use crate::wire::{self, Corrupt, Reader, Writer};

#[derive(Debug)]
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
    /// Day numbers of each record's period: the days it may be on, open ends
    /// as [`crate::data::date::OPEN_START`] and `OPEN_END`; undated records
    /// hold an empty period (`i32::MAX`, `i32::MIN`) so no overlap test can
    /// pass.
    pub(crate) first_day: Vec<i32>,
    pub(crate) last_day: Vec<i32>,
    /// Permutations of all positions, in [`Sort::ALL`] order.
    orders: [Vec<u32>; 3],
    /// `ranks[s][i]`: where record `i` stands in `orders[s]`.
    ranks: [Vec<u32>; 3],
    search: Search,
}

/// Writes the index section of `entries`. `text(i, strong, other)` appends
/// the searchable text of entry `i`: its strong fields (title, parties),
/// which rank first, and the rest. Codes and themes of entries that the
/// vocabularies do not list are ignored, except [`NATIONAL`], which always
/// marks a record national.
pub fn write(
    entries: &[Entry],
    region_codes: &[String],
    theme_ids: &[String],
    synonyms: &Synonyms,
    text: impl FnMut(usize, &mut String, &mut String),
) -> Vec<u8> {
    let n = entries.len();
    let mut regions = vec![Bitset::new(n); region_codes.len()];
    let mut themes = vec![Bitset::new(n); theme_ids.len()];
    let mut types = vec![Bitset::new(n); RecordType::ALL.len()];
    let mut national = Bitset::new(n);
    let mut dated = Bitset::new(n);
    let mut first_day = vec![i32::MAX; n];
    let mut last_day = vec![i32::MIN; n];
    for (i, e) in entries.iter().enumerate() {
        for code in &e.territory {
            if let Some(k) = region_codes.iter().position(|c| c == code) {
                regions[k].insert(i);
            }
            if code == NATIONAL {
                national.insert(i);
            }
        }
        for t in &e.themes {
            if let Some(k) = theme_ids.iter().position(|x| x == t) {
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
    let (recent, oldest, by_title) = sort_orders(entries);

    let mut w = Writer::new();
    w.u32(n as u32);
    for list in [region_codes, theme_ids] {
        w.usize(list.len());
        for s in list {
            w.str(s);
        }
    }
    let sets = regions
        .iter()
        .chain([&national])
        .chain(&themes)
        .chain(&types)
        .chain([&dated]);
    for set in sets {
        for word in set.words() {
            w.u64(*word);
        }
    }
    for d in first_day.iter().chain(&last_day) {
        w.i32(*d);
    }
    for i in recent.iter().chain(&oldest).chain(&by_title) {
        w.u32(*i);
    }
    w.bytes(&search::write(n, synonyms, text));
    w.into_bytes()
}

impl Index {
    pub fn build(catalog: &Catalog, synonyms: &Synonyms) -> Index {
        let codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
        let themes: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
        Index::from_parts(&catalog.entries, &codes, &themes, synonyms, |i, s, o| {
            catalog.searchable_text(i, s, o)
        })
    }

    /// Writes the section (see [`write`]) and opens it: what a pack does,
    /// without the rest of a pack.
    pub fn from_parts(
        entries: &[Entry],
        region_codes: &[String],
        theme_ids: &[String],
        synonyms: &Synonyms,
        text: impl FnMut(usize, &mut String, &mut String),
    ) -> Index {
        let bytes = write(entries, region_codes, theme_ids, synonyms, text);
        let len = bytes.len();
        Index::open(Arc::new(bytes), 0..len).expect("a section just written opens")
    }

    /// Reads the section at `range` of `bytes`. The sets, days and orders
    /// are copied out (a few bytes a record); the search stays in place.
    pub fn open(bytes: Arc<Vec<u8>>, range: Range<usize>) -> wire::Result<Index> {
        let section = bytes.get(range.clone()).ok_or(Corrupt)?;
        let mut r = Reader::new(section);
        let n = r.u32()? as usize;
        // Days and orders take 20 bytes a record: a damaged count is caught
        // here, before it sizes any allocation.
        if n.checked_mul(20).is_none_or(|b| b > section.len()) {
            return Err(Corrupt);
        }
        let region_codes = r.list(|r| r.str().map(str::to_string))?;
        let theme_ids = r.list(|r| r.str().map(str::to_string))?;
        let set_bytes = n.div_ceil(64) * 8;
        // Regions, national, themes, types, dated: in the order `write` wrote them.
        let mut sets = Vec::new();
        for _ in 0..region_codes.len() + theme_ids.len() + RecordType::ALL.len() + 2 {
            sets.push(Bitset::from_words(n, wire::words(r.take(set_bytes)?)));
        }
        let dated = sets.pop().ok_or(Corrupt)?;
        let types = sets.split_off(sets.len() - RecordType::ALL.len());
        let themes = sets.split_off(sets.len() - theme_ids.len());
        let national = sets.pop().ok_or(Corrupt)?;
        let regions = sets;
        let four = n.checked_mul(4).ok_or(Corrupt)?;
        let days = |bytes: &[u8]| -> Vec<i32> {
            wire::U32s::new(bytes)
                .unwrap_or_default()
                .iter()
                .map(|d| d as i32)
                .collect()
        };
        let first_day = days(r.take(four)?);
        let last_day = days(r.take(four)?);
        let mut order = || -> wire::Result<Vec<u32>> {
            let order: Vec<u32> = wire::U32s::new(r.take(four)?)?.iter().collect();
            // A permutation, or a damaged pack: every later lookup relies on it.
            let mut seen = Bitset::new(n);
            for &i in &order {
                if i as usize >= n || seen.contains(i as usize) {
                    return Err(Corrupt);
                }
                seen.insert(i as usize);
            }
            Ok(order)
        };
        let orders = [order()?, order()?, order()?];
        let ranks = std::array::from_fn(|k| ranks(&orders[k]));
        let consumed = r.position();
        let search = Search::open(bytes.clone(), range.start + consumed..range.end)?;
        if search.len() != n {
            return Err(Corrupt);
        }
        Ok(Index {
            len: n,
            region_codes,
            regions,
            national,
            theme_ids,
            themes,
            types,
            dated,
            first_day,
            last_day,
            orders,
            ranks,
            search,
        })
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

    /// Whether record `i` is dated to the day (its period is one day): what
    /// a calendar needs to hold it.
    pub fn is_one_day(&self, i: usize) -> bool {
        matches!((self.first_day.get(i), self.last_day.get(i)), (Some(a), Some(b)) if a == b)
    }

    /// Every record position, in the given order.
    pub fn order(&self, sort: Sort) -> &[u32] {
        &self.orders[sort_slot(sort)]
    }

    /// The positions in `set`, in the given order, with no sorting code in
    /// the page: a large set is read off the permutation in one pass; a
    /// smaller one has each record's rank marked in a bitset, read back in
    /// rank order (a pass over the set and one over n/64 words).
    pub(crate) fn sorted(&self, set: &Bitset, sort: Sort) -> Vec<u32> {
        let slot = sort_slot(sort);
        let (order, rank) = (&self.orders[slot], &self.ranks[slot]);
        let k = set.count() as usize;
        if k.saturating_mul(2) > self.len {
            let mut out = Vec::with_capacity(k);
            out.extend(order.iter().copied().filter(|&i| set.contains(i as usize)));
            return out;
        }
        let mut by_rank = Bitset::new(self.len);
        for i in set.iter() {
            by_rank.insert(rank[i] as usize);
        }
        by_rank.iter().map(|r| order[r]).collect()
    }

    /// Records matching every word of `query` (see [`Search::matches`]), or
    /// `None` when the query has no word at all.
    pub fn text_matches(&self, query: &str, tiers: bool) -> Option<TextMatch> {
        self.search.matches(query, tiers)
    }

    /// The word search.
    pub fn search(&self) -> &Search {
        &self.search
    }
}

fn sort_slot(sort: Sort) -> usize {
    match sort {
        // Relevance orders each of its tiers by date (see facets::run).
        Sort::Recent | Sort::Relevance => 0,
        Sort::Oldest => 1,
        Sort::Title => 2,
    }
}

/// The inverse permutation: where each position stands in `order`.
fn ranks(order: &[u32]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
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

fn sort_orders(entries: &[Entry]) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
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
    // Undated records last; a date bounded only at its end sorts by that
    // end ([`When::sort_day`]), not before every other.
    let day: Vec<Option<i32>> = entries
        .iter()
        .map(|e| e.date.map(|d| d.sort_day()))
        .collect();
    let mut recent = by_title.clone();
    recent.sort_unstable_by_key(|&i| {
        let i = i as usize;
        (day[i].is_none(), Reverse(day[i]), rank[i])
    });
    let mut oldest = by_title.clone();
    oldest.sort_unstable_by_key(|&i| {
        let i = i as usize;
        (day[i].is_none(), day[i], rank[i])
    });
    (recent, oldest, by_title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::When;

    fn entry(id: &str, title: &str, date: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            record_type: RecordType::Agreement,
            title: title.into(),
            date: date.map(|d| When::parse(d).unwrap()),
            territory: vec![],
            themes: vec![],
        }
    }

    fn index(entries: &[Entry], texts: &[&str]) -> Index {
        Index::from_parts(entries, &[], &[], &Synonyms::default(), |i, _, out| {
            out.push_str(texts[i])
        })
    }

    fn positions(set: &Bitset) -> Vec<usize> {
        set.iter().collect()
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
            &Synonyms::default(),
            |_, _, _| {},
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
        assert_eq!(ix.text_matches("abc", true).map(|s| s.all.count()), Some(0));
    }
}
