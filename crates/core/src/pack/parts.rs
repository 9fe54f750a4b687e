//! A split pack's parts, on the page's side: what each file is, where it
//! is, and what the pack holds of it once it has arrived.
//!
//! A large dataset is not one download. Its boot file (the pack the page
//! asks for, kind 4) holds what the first paint needs: the vocabularies,
//! the counts of the default view, its first cards, and where everything
//! else is: a [`Part`] per file, each named by its content (its seal) and
//! fetched when the view needs it: the index's sets and days right after
//! the first paint, another sort order when a visitor sorts, a block of
//! cards as the list scrolls, a chunk of the search's vocabulary as words
//! are typed, the words alone when a word needs correcting, a block of the
//! ids when a record is asked for by its id. Each part is taken in once and
//! never changes after ([`OnceLock`]); a part whose seal is not the one the
//! boot file lists, or of another build, is refused, never read as this
//! pack's.

use std::ops::Range;
use std::sync::OnceLock;

use crate::engine::filter::Sort;
use crate::engine::index;
use crate::pack::card::{self, Card};
use crate::wire::{self, blob_item, open_blob, Corrupt, Reader};

/// A file of a split pack, fetched when the view needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A part of the engine's index: the sets and days, a sort order, a
    /// chunk of the search's vocabulary, the words alone.
    Index(index::Part),
    /// Block `k` of cards: the records `k × per_block` onwards.
    Cards(usize),
    /// Block `k` of the ids, sorted: where a record is, by its id.
    Ids(usize),
}

/// The part kinds, as a part file says which it is.
pub(crate) const SETS: u8 = 0;
pub(crate) const ORDER: u8 = 1;
pub(crate) const CARDS: u8 = 2;
pub(crate) const WORDS: u8 = 3;
pub(crate) const TYPOS: u8 = 4;
pub(crate) const IDS: u8 = 5;

/// The sort orders a split pack keeps in parts (its default order is its
/// numbering), and the number each file carries.
pub(crate) const ORDERS: [(Sort, usize); 2] = [(Sort::Oldest, 1), (Sort::Title, 2)];

impl Part {
    /// The kind and number a part's file carries. A sort order without a
    /// file of its own has none.
    pub(crate) fn code(self) -> Option<(u8, usize)> {
        Some(match self {
            Part::Index(index::Part::Sets) => (SETS, 0),
            Part::Index(index::Part::Order(sort)) => {
                (ORDER, ORDERS.iter().find(|(s, _)| *s == sort)?.1)
            }
            Part::Cards(k) => (CARDS, k),
            Part::Index(index::Part::Words(k)) => (WORDS, k),
            Part::Index(index::Part::Typos) => (TYPOS, 0),
            Part::Ids(k) => (IDS, k),
        })
    }

    /// The start of its file's name: what the part is, for whoever reads
    /// the folder.
    fn stem(self) -> String {
        match self {
            Part::Index(index::Part::Sets) => "index".into(),
            Part::Index(index::Part::Order(sort)) => sort.key().into(),
            Part::Index(index::Part::Words(k)) => format!("w{k}"),
            Part::Index(index::Part::Typos) => "typos".into(),
            Part::Cards(k) => format!("c{k}"),
            Part::Ids(k) => format!("i{k}"),
        }
    }
}

/// The file name of `part` whose digest is `seal`, beside the shards:
/// named by its content, so a cache can never hand a page the part of
/// another build under the name it asks for.
pub fn part_name(part: Part, seal: u64) -> String {
    format!("{}-{seal:016x}.pack", part.stem())
}

/// The counts of the default view (no filter, most recent first), worked
/// out at build time: the first paint needs no index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DefaultView {
    pub(crate) undated: u32,
    /// In the vocabularies' order.
    pub(crate) regions: Vec<u32>,
    pub(crate) themes: Vec<u32>,
    /// In [`crate::data::catalog::RecordType::ALL`] order.
    pub(crate) types: Vec<u32>,
}

/// What a split pack holds of its parts: where each is (its seal), the
/// boot file's own cards, and the cards and ids that have arrived.
#[derive(Debug)]
pub(crate) struct Parts {
    pub(crate) default: DefaultView,
    /// Records per card block.
    pub(crate) per_block: usize,
    /// The boot file's first cards: their offset table and blob.
    pub(crate) first: (Range<usize>, Range<usize>),
    pub(crate) first_count: usize,
    pub(crate) blocks: Vec<OnceLock<Block>>,
    /// The first id of each block of ids.
    pub(crate) id_firsts: Vec<Box<str>>,
    pub(crate) ids: Vec<OnceLock<Ids>>,
    pub(crate) seals: Seals,
}

/// The seal of every part's file, as the boot file lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Seals {
    pub(crate) sets: u64,
    /// In [`ORDERS`] order.
    pub(crate) orders: [u64; 2],
    pub(crate) typos: u64,
    pub(crate) cards: Vec<u64>,
    pub(crate) words: Vec<u64>,
    pub(crate) ids: Vec<u64>,
}

impl Seals {
    /// The seal listed for `part`, if it is one of this pack's.
    pub(crate) fn of(&self, part: Part) -> Option<u64> {
        match part {
            Part::Index(index::Part::Sets) => Some(self.sets),
            Part::Index(index::Part::Order(sort)) => ORDERS
                .iter()
                .position(|(s, _)| *s == sort)
                .map(|k| self.orders[k]),
            Part::Index(index::Part::Typos) => Some(self.typos),
            Part::Index(index::Part::Words(k)) => self.words.get(k).copied(),
            Part::Cards(k) => self.cards.get(k).copied(),
            Part::Ids(k) => self.ids.get(k).copied(),
        }
    }
}

/// A block of cards that has arrived.
#[derive(Debug)]
pub(crate) struct Block {
    bytes: Vec<u8>,
    count: usize,
    table: Range<usize>,
    blob: Range<usize>,
}

impl Block {
    /// `varint count, blob of count cards`, the whole of `bytes` from `at`:
    /// `count` must be `expected`.
    pub(crate) fn open(bytes: Vec<u8>, at: usize, expected: usize) -> wire::Result<Block> {
        let mut r = Reader::new(bytes.get(at..).ok_or(Corrupt)?);
        let count = r.usize()?;
        if count != expected {
            return Err(Corrupt);
        }
        let start = at + r.position();
        let (table, blob) = open_blob(&bytes[start..], start, count)?;
        Ok(Block {
            bytes,
            count,
            table,
            blob,
        })
    }

    /// Card `k` of the block; a damaged one reads as absent.
    pub(crate) fn card(&self, k: usize) -> Option<Card<'_>> {
        if k >= self.count {
            return None;
        }
        card::read_card(blob_item(&self.bytes, &self.table, &self.blob, k)?).ok()
    }
}

/// A block of ids that has arrived: each id with its record's position,
/// sorted by id.
#[derive(Debug)]
pub(crate) struct Ids {
    ids: Vec<(Box<str>, u32)>,
}

impl Ids {
    /// `count × (varint shared, str rest, varint position)`, the ids
    /// front-coded and sorted, the whole of `body`; positions below `len`,
    /// and the first id `first`.
    pub(crate) fn open(body: &[u8], first: &str, len: usize) -> wire::Result<Ids> {
        let mut r = Reader::new(body);
        let count = r.count()?;
        let mut ids: Vec<(Box<str>, u32)> = Vec::with_capacity(count);
        for _ in 0..count {
            let shared = r.usize()?;
            let rest = r.str()?;
            let previous = ids.last().map_or("", |(id, _)| id);
            let mut id = previous.get(..shared).ok_or(Corrupt)?.to_string();
            id.push_str(rest);
            let at = r.usize()?;
            if at >= len || (!ids.is_empty() && *id <= *previous) {
                return Err(Corrupt);
            }
            ids.push((id.into(), at as u32));
        }
        if !r.is_done() || ids.first().map(|(id, _)| &**id) != Some(first) {
            return Err(Corrupt);
        }
        Ok(Ids { ids })
    }

    /// The position of the record with this id, if this block holds it.
    pub(crate) fn find(&self, id: &str) -> Option<usize> {
        self.ids
            .binary_search_by(|(x, _)| (**x).cmp(id))
            .ok()
            .map(|k| self.ids[k].1 as usize)
    }
}

impl Parts {
    /// The block of ids that would hold `id`: the last whose first id is
    /// not after it; none before the first.
    pub(crate) fn id_block(&self, id: &str) -> Option<usize> {
        self.id_firsts
            .partition_point(|f| **f <= *id)
            .checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{blob, Writer};
    use proptest::prelude::*;

    /// An id block as the split writer lays it out: `ids` sorted, each
    /// with a position.
    fn id_block(ids: &[(&str, usize)]) -> Vec<u8> {
        let mut w = Writer::new();
        w.usize(ids.len());
        let mut previous = "";
        for (id, at) in ids {
            let shared = previous
                .bytes()
                .zip(id.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            w.usize(shared);
            w.str(&id[shared..]);
            w.usize(*at);
            previous = id;
        }
        w.into_bytes()
    }

    #[test]
    fn id_blocks_find_their_ids_and_refuse_the_rest() {
        let ids = [("ag-1", 3), ("ag-10", 0), ("ev-2", 2)];
        let block = Ids::open(&id_block(&ids), "ag-1", 4).unwrap();
        for (id, at) in ids {
            assert_eq!(block.find(id), Some(at));
        }
        assert_eq!(block.find("ag-2"), None);
        // Another first id, a position past the records, ids out of order.
        assert!(Ids::open(&id_block(&ids), "ag-0", 4).is_err());
        assert!(Ids::open(&id_block(&ids), "ag-1", 3).is_err());
        assert!(Ids::open(&id_block(&[("b", 0), ("a", 1)]), "b", 4).is_err());
    }

    proptest! {
        /// A card or id block cut short or changed is refused or read as
        /// some block, never a panic; its cards read or are absent.
        #[test]
        fn damaged_blocks_never_panic(
            cut in any::<prop::sample::Index>(),
            noise in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        ) {
            let mut cards = Vec::new();
            for k in 0..3 {
                let mut w = Writer::new();
                w.str(&format!("id-{k}"));
                w.str("Un titre");
                w.u8(0);
                for s in ["Convention", "2019", "Paris"] {
                    w.str(s);
                }
                w.usize(0);
                w.usize(0);
                cards.push(w.into_bytes());
            }
            let mut w = Writer::new();
            w.usize(3);
            w.bytes(&blob(&cards));
            let good = Block::open(w.as_bytes().to_vec(), 0, 3).unwrap();
            prop_assert_eq!(good.card(1).map(|c| c.id), Some("id-1"));
            prop_assert!(good.card(3).is_none());
            let ids = id_block(&[("id-0", 0), ("id-1", 1), ("id-2", 2)]);
            for bytes in [w.into_bytes(), ids] {
                let mut damaged = bytes[..cut.index(bytes.len() + 1)].to_vec();
                if !damaged.is_empty() {
                    for (at, b) in &noise {
                        let k = at.index(damaged.len());
                        damaged[k] = *b;
                    }
                }
                if let Ok(block) = Block::open(damaged.clone(), 0, 3) {
                    for k in 0..4 {
                        let _ = block.card(k);
                    }
                }
                if let Ok(block) = Ids::open(&damaged, "id-0", 3) {
                    let _ = block.find("id-1");
                }
            }
        }
    }

    #[test]
    fn every_part_has_its_own_code_and_name() {
        let parts = [
            Part::Index(index::Part::Sets),
            Part::Index(index::Part::Order(Sort::Oldest)),
            Part::Index(index::Part::Order(Sort::Title)),
            Part::Index(index::Part::Words(0)),
            Part::Index(index::Part::Words(7)),
            Part::Index(index::Part::Typos),
            Part::Cards(0),
            Part::Cards(7),
            Part::Ids(0),
            Part::Ids(7),
        ];
        let codes: Vec<_> = parts.iter().map(|p| p.code().unwrap()).collect();
        let names: Vec<_> = parts.iter().map(|&p| part_name(p, 0xabc)).collect();
        for k in 0..parts.len() {
            for j in 0..k {
                assert_ne!(codes[k], codes[j], "{:?} {:?}", parts[k], parts[j]);
                assert_ne!(names[k], names[j]);
            }
        }
        assert_eq!(names[2], "title-0000000000000abc.pack");
        // The default order and relevance are no files.
        assert_eq!(Part::Index(index::Part::Order(Sort::Recent)).code(), None);
        assert_eq!(
            Part::Index(index::Part::Order(Sort::Relevance)).code(),
            None
        );
    }
}
