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
//! A whole pack holds it all in one section, which holds everything it
//! needs (the region codes and theme ids too), so the engine can be built
//! and tested without a whole pack. A split pack numbers its records in the
//! default order (most recent first, so that order is no bytes at all) and
//! keeps the rest in [`Part`]s fetched apart: the sets and days, each other
//! order, the search's chunks and typo words. An [`Index`] of a split pack
//! starts with none of them; each is taken in once, and never changes after.

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::data::catalog::{Catalog, Entry, RecordType};
use crate::data::model::NATIONAL;
use crate::engine::bitset::{self, Bitset};
use crate::engine::filter::Sort;
use crate::engine::fold;
use crate::engine::search::{self, Lack, Search, Synonyms, TextMatch};
use crate::wire::{self, Corrupt, Reader, Writer};

#[derive(Debug)]
pub struct Index {
    len: usize,
    pub(crate) region_codes: Vec<String>,
    pub(crate) theme_ids: Vec<String>,
    sets: OnceLock<Sets>,
    /// In [`Sort::ALL`] order (relevance has none of its own).
    orders: [OnceLock<Order>; 3],
    search: Search,
}

/// What filtering and counting read: the sets and each record's period.
#[derive(Debug)]
pub(crate) struct Sets {
    pub(crate) regions: Vec<Bitset>,
    /// Records whose territory contains [`NATIONAL`], whether or not the vocabulary lists it.
    pub(crate) national: Bitset,
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
}

/// A permutation of all positions, and where each stands in it.
#[derive(Debug)]
struct Order {
    order: Vec<u32>,
    ranks: Vec<u32>,
    /// The positions in their own order: a split pack's default order.
    identity: bool,
}

impl Order {
    fn new(order: Vec<u32>) -> Order {
        let identity = order.iter().enumerate().all(|(k, &i)| k == i as usize);
        Order {
            ranks: ranks(&order),
            order,
            identity,
        }
    }
}

/// A piece of an index that a split pack keeps in a file of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The sets and days: what every filter and count needs.
    Sets,
    /// A sort order other than the default one.
    Order(Sort),
    /// Chunk `k` of the search's vocabulary.
    Words(usize),
    /// The vocabulary's words alone, for typo tolerance.
    Typos,
}

/// Everything a whole index holds but the search, computed from the entries.
struct Built {
    sets: Sets,
    orders: [Vec<u32>; 3],
}

fn build(entries: &[Entry], region_codes: &[String], theme_ids: &[String]) -> Built {
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
    Built {
        sets: Sets {
            regions,
            national,
            themes,
            types,
            dated,
            first_day,
            last_day,
        },
        orders: [recent, oldest, by_title],
    }
}

impl Sets {
    /// Regions, national, themes, types, dated: the order every layout
    /// writes them in.
    fn all(&self) -> impl Iterator<Item = &Bitset> {
        self.regions
            .iter()
            .chain([&self.national])
            .chain(&self.themes)
            .chain(&self.types)
            .chain([&self.dated])
    }
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
    let built = build(entries, region_codes, theme_ids);
    let mut w = Writer::new();
    w.u32(n as u32);
    for list in [region_codes, theme_ids] {
        w.usize(list.len());
        for s in list {
            w.str(s);
        }
    }
    for set in built.sets.all() {
        for word in set.words() {
            w.u64(*word);
        }
    }
    for d in built.sets.first_day.iter().chain(&built.sets.last_day) {
        w.i32(*d);
    }
    for i in built.orders.iter().flatten() {
        w.u32(*i);
    }
    w.bytes(&search::write(n, synonyms, text));
    w.into_bytes()
}

/// The default order of `entries` (most recent first, undated last, ties
/// by title): the numbering of a split pack's records.
pub fn default_order(entries: &[Entry]) -> Vec<u32> {
    sort_orders(entries).0
}

/// The parts of a split index over `entries` numbered in the default order
/// (see [`default_order`]): the sets and days, then the "oldest first" and
/// "by title" orders. The search's parts are the vocabulary's
/// ([`crate::engine::vocabulary`]).
///
/// Panics if `entries` are not in their default order: a split pack's
/// default order is its numbering, and is never written.
pub fn write_parts(
    entries: &[Entry],
    region_codes: &[String],
    theme_ids: &[String],
) -> (Vec<u8>, [Vec<u8>; 2]) {
    let built = build(entries, region_codes, theme_ids);
    assert!(
        Order::new(built.orders[0].clone()).identity,
        "a split index's entries are numbered in the default order"
    );
    let mut sets = Writer::new();
    for set in built.sets.all() {
        bitset::write_compact(&mut sets, set);
    }
    // Each day as the change from the record before: in the default order
    // the days follow each other, so most changes fit a byte.
    for days in [&built.sets.first_day, &built.sets.last_day] {
        let mut previous = 0i32;
        for &d in days {
            sets.varint(zigzag(d.wrapping_sub(previous)));
            previous = d;
        }
    }
    let order = |order: &[u32]| {
        let mut w = Writer::new();
        let mut previous = 0u32;
        for &i in order {
            w.varint(zigzag(i.wrapping_sub(previous) as i32));
            previous = i;
        }
        w.into_bytes()
    };
    let orders = [order(&built.orders[1]), order(&built.orders[2])];
    (sets.into_bytes(), orders)
}

/// A signed change as an unsigned varint: 0, -1, 1, -2… as 0, 1, 2, 3…
fn zigzag(v: i32) -> u64 {
    u64::from(((v << 1) ^ (v >> 31)) as u32)
}

fn unzigzag(v: u64) -> wire::Result<i32> {
    let v = u32::try_from(v).map_err(|_| Corrupt)?;
    Ok(((v >> 1) as i32) ^ -((v & 1) as i32))
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
        let mut sets = Vec::new();
        for _ in 0..set_count(&region_codes, &theme_ids) {
            sets.push(Bitset::from_words(n, wire::words(r.take(set_bytes)?)));
        }
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
        let sets = Sets::from_list(sets, &region_codes, &theme_ids, first_day, last_day)?;
        let mut order = || -> wire::Result<Order> {
            let order: Vec<u32> = wire::U32s::new(r.take(four)?)?.iter().collect();
            permutation(order)
        };
        let orders = [order()?, order()?, order()?];
        let consumed = r.position();
        let search = Search::open(bytes.clone(), range.start + consumed..range.end)?;
        if search.len() != n {
            return Err(Corrupt);
        }
        Ok(Index {
            len: n,
            region_codes,
            theme_ids,
            sets: OnceLock::from(sets),
            orders: orders.map(OnceLock::from),
            search,
        })
    }

    /// The index of a split pack over `len` records, before any part is
    /// here: its records are numbered in the default order, which is
    /// therefore known already.
    pub fn split(
        len: usize,
        region_codes: Vec<String>,
        theme_ids: Vec<String>,
        search: Search,
    ) -> Index {
        let index = Index {
            len,
            region_codes,
            theme_ids,
            sets: OnceLock::new(),
            orders: Default::default(),
            search,
        };
        let _ = index.orders[sort_slot(Sort::Recent)].set(Order::new((0..len as u32).collect()));
        index
    }

    /// Takes in the sets and days (a split pack's index part, as
    /// [`write_parts`] wrote them, the whole of `body`). Already here: as it was.
    pub fn add_sets(&self, body: &[u8]) -> wire::Result<()> {
        let n = self.len;
        let mut r = Reader::new(body);
        let mut sets = Vec::new();
        for _ in 0..set_count(&self.region_codes, &self.theme_ids) {
            sets.push(bitset::read_compact(&mut r, n)?);
        }
        // Every day takes a byte at least: a damaged count cannot size an
        // allocation past the bytes there are.
        if n.checked_mul(2).is_none_or(|b| b > r.remaining()) {
            return Err(Corrupt);
        }
        let mut days = || -> wire::Result<Vec<i32>> {
            let mut previous = 0i32;
            (0..n)
                .map(|_| {
                    previous = previous.wrapping_add(unzigzag(r.varint()?)?);
                    Ok(previous)
                })
                .collect()
        };
        let (first_day, last_day) = (days()?, days()?);
        if !r.is_done() {
            return Err(Corrupt);
        }
        let sets = Sets::from_list(
            sets,
            &self.region_codes,
            &self.theme_ids,
            first_day,
            last_day,
        )?;
        let _ = self.sets.set(sets);
        Ok(())
    }

    /// Takes in the order `sort` (a split pack's order part, the whole of
    /// `body`): a permutation of the positions, else refused.
    pub fn add_order(&self, sort: Sort, body: &[u8]) -> wire::Result<()> {
        let mut r = Reader::new(body);
        if self.len > r.remaining() {
            return Err(Corrupt);
        }
        let mut previous = 0u32;
        let order = (0..self.len)
            .map(|_| {
                previous = previous.wrapping_add(unzigzag(r.varint()?)? as u32);
                Ok(previous)
            })
            .collect::<wire::Result<Vec<u32>>>()?;
        if !r.is_done() {
            return Err(Corrupt);
        }
        let _ = self.orders[sort_slot(sort)].set(permutation(order)?);
        Ok(())
    }

    /// The sets and days, once here.
    pub(crate) fn sets(&self) -> Option<&Sets> {
        self.sets.get()
    }

    /// Each record's first and last possible day, once here (the
    /// timeline's, the island's).
    pub fn days(&self) -> Option<(&[i32], &[i32])> {
        self.sets().map(|s| (&s.first_day[..], &s.last_day[..]))
    }

    /// What answering needs of this index but the search, and is not here:
    /// the sets, and the order `sort` reads.
    pub fn lacking(&self, sort: Sort) -> Vec<Part> {
        let mut out = Vec::new();
        if self.sets().is_none() {
            out.push(Part::Sets);
        }
        if self.orders[sort_slot(sort)].get().is_none() {
            out.push(Part::Order(sort));
        }
        out
    }

    /// Records whose date is unknown (a popcount, not a pass over the
    /// records), once the sets are here.
    pub fn undated_count(&self) -> Option<u32> {
        self.sets().map(|s| self.len as u32 - s.dated.count())
    }

    /// Number of records indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether record `i` is dated to the day (its period is one day): what
    /// a calendar needs to hold it. No, while the days are not here.
    pub fn is_one_day(&self, i: usize) -> bool {
        self.days().is_some_and(
            |(first, last)| matches!((first.get(i), last.get(i)), (Some(a), Some(b)) if a == b),
        )
    }

    /// Every record position, in the given order (none while it is not here).
    pub fn order(&self, sort: Sort) -> &[u32] {
        self.orders[sort_slot(sort)]
            .get()
            .map_or(&[], |o| &o.order[..])
    }

    /// The positions in `set`, in the given order, with no sorting code in
    /// the page: a large set is read off the permutation in one pass; a
    /// smaller one has each record's rank marked in a bitset, read back in
    /// rank order (a pass over the set and one over n/64 words). In a split
    /// pack's default order, the set as it is.
    pub(crate) fn sorted(&self, set: &Bitset, sort: Sort) -> Vec<u32> {
        let Some(Order {
            order,
            ranks: rank,
            identity,
        }) = self.orders[sort_slot(sort)].get()
        else {
            return Vec::new();
        };
        if *identity {
            return set.iter().map(|i| i as u32).collect();
        }
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
    /// `None` when the query has no word at all; `Err` with the search's
    /// parts it still needs.
    pub fn text_matches(&self, query: &str, tiers: bool) -> Result<Option<TextMatch>, Vec<Part>> {
        self.search
            .matches(query, tiers)
            .map_err(|lack| parts_of(&lack))
    }

    /// The word search.
    pub fn search(&self) -> &Search {
        &self.search
    }
}

/// The parts a search's [`Lack`] names.
fn parts_of(lack: &Lack) -> Vec<Part> {
    let mut out: Vec<Part> = lack.chunks.iter().map(|&c| Part::Words(c)).collect();
    if lack.typos {
        out.push(Part::Typos);
    }
    out
}

/// How many sets an index of these vocabularies holds: a set per region,
/// national, a set per theme, per type, dated.
fn set_count(region_codes: &[String], theme_ids: &[String]) -> usize {
    region_codes.len() + theme_ids.len() + RecordType::ALL.len() + 2
}

impl Sets {
    /// The sets in the order [`Sets::all`] gives them, with the days.
    fn from_list(
        mut sets: Vec<Bitset>,
        region_codes: &[String],
        theme_ids: &[String],
        first_day: Vec<i32>,
        last_day: Vec<i32>,
    ) -> wire::Result<Sets> {
        if sets.len() != set_count(region_codes, theme_ids) {
            return Err(Corrupt);
        }
        let dated = sets.pop().ok_or(Corrupt)?;
        let types = sets.split_off(sets.len() - RecordType::ALL.len());
        let themes = sets.split_off(sets.len() - theme_ids.len());
        let national = sets.pop().ok_or(Corrupt)?;
        Ok(Sets {
            regions: sets,
            national,
            themes,
            types,
            dated,
            first_day,
            last_day,
        })
    }
}

/// `order` if it is a permutation of `0..n` (checked by marking), or a
/// damaged pack: every later lookup relies on it.
fn permutation(order: Vec<u32>) -> wire::Result<Order> {
    let n = order.len();
    let mut seen = Bitset::new(n);
    for &i in &order {
        if i as usize >= n || seen.contains(i as usize) {
            return Err(Corrupt);
        }
        seen.insert(i as usize);
    }
    Ok(Order::new(order))
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
        let s = ix.sets().unwrap();
        assert_eq!(positions(&s.regions[0]), [0]);
        assert_eq!(positions(&s.regions[2]), [1]);
        assert_eq!(positions(&s.national), [0]);
        assert_eq!(positions(&s.themes[0]), [0]);
        assert_eq!(positions(&s.types[1]), [1]);
        assert_eq!(positions(&s.dated), [0]);
        assert_eq!((s.first_day[1], s.last_day[1]), (i32::MAX, i32::MIN));
        assert_eq!(ix.len(), 2);
    }

    #[test]
    fn empty_index() {
        let ix = index(&[], &[]);
        assert!(ix.is_empty());
        assert!(ix.order(Sort::Recent).is_empty());
        assert_eq!(
            ix.text_matches("abc", true)
                .map(|s| s.map(|s| s.all.count())),
            Ok(Some(0))
        );
    }
}
