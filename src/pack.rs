//! The compact binary form of a dataset that the page downloads: made at
//! build time from the editors' JSON (`cargo run --bin pack`, run by trunk
//! before each build), or in the page itself by the converter worker when
//! `?data=` names a JSON file.
//!
//! It holds what the page needs and nothing it would have to compute: the
//! vocabularies, the problems found in the JSON, the index
//! ([`crate::index`], search included), each record's card and, inline or
//! in separate shard files fetched when a record is opened, each record's
//! detail ([`crate::record_view`]). Opening a pack checks every offset,
//! copies a few bytes a record (bitsets, days, orders) and reads all the
//! rest in place, each card and detail when it is shown.
//!
//! ```text
//! "PSLP" version kind
//! kind 0, a dataset:  section table (offset, length) × 7, then the sections:
//!   meta (records, records per shard, shards, records left out),
//!   vocabularies, problems, index, ids sorted, cards, details
//! kind 1, a file that could not be used: the error, as the page words it
//! kind 2, a shard of details: first record, count, details
//! ```
//! Cards and details are each a table of `u32` offsets into a blob.

use std::ops::Range;
use std::sync::Arc;

use crate::catalog::{LoadError, LoadErrorKind, Loaded};
use crate::index::{self, Index};
use crate::model::{Region, Theme};
use crate::record_view::{self, Card, Detail, Links};
use crate::span::Position;
use crate::strings as s;
use crate::validate::{self, Problem};
use crate::wire::{self, Corrupt, Reader, U32s, Writer};

const MAGIC: &[u8; 4] = b"PSLP";
/// Bumped whenever the layout changes: a page never misreads an old pack.
pub const VERSION: u8 = 1;
const DATASET: u8 = 0;
const ERROR: u8 = 1;
const SHARD: u8 = 2;
const SECTIONS: usize = 7;

/// Records per detail shard: about 400 KB of details at the size of the
/// generated records, a few milliseconds to fetch and read.
pub const DEFAULT_SHARD_RECORDS: usize = 500;

/// The files a dataset packs into.
#[derive(Debug, Clone)]
pub struct Packed {
    pub main: Vec<u8>,
    /// Detail shards, in order; empty when the details are inline.
    pub shards: Vec<Vec<u8>>,
}

/// Where a pack puts the records' details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In shards of [`DEFAULT_SHARD_RECORDS`]: the list needs none of the
    /// details, so a visitor downloads a record's details (most of a
    /// dataset's bytes: its excerpts) only on opening it, as Pagefind
    /// downloads only the fragments a search shows.
    Auto,
    /// In the main file (the converter has nowhere else to put them).
    Inline,
    /// Shards of this many records.
    Shards(usize),
}

pub fn write(loaded: &Loaded, placement: Placement) -> Packed {
    let catalog = &loaded.catalog;
    let n = catalog.entries.len();
    let links = Links::new(catalog);

    let (mut card_offsets, mut cards) = (vec![0u32], Writer::new());
    for i in 0..n {
        record_view::write_card(&mut cards, catalog, i);
        card_offsets.push(cards.len() as u32);
    }
    let details: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            let mut w = Writer::new();
            record_view::write_detail(&mut w, catalog, &links, i);
            w.into_bytes()
        })
        .collect();
    let per_shard = match placement {
        Placement::Shards(k) => k.max(1),
        Placement::Inline => 0,
        Placement::Auto => DEFAULT_SHARD_RECORDS,
    };
    let (inline, shards) = if per_shard == 0 {
        (blob(&details), Vec::new())
    } else {
        let shards = details
            .chunks(per_shard)
            .enumerate()
            .map(|(k, chunk)| {
                let mut w = header(SHARD);
                w.usize(k * per_shard);
                w.usize(chunk.len());
                w.bytes(&blob(chunk));
                w.into_bytes()
            })
            .collect();
        (blob(&[]), shards)
    };

    let mut meta = Writer::new();
    meta.usize(n);
    meta.usize(per_shard);
    meta.usize(shards.len());
    meta.usize(validate::skipped_records(&loaded.problems));

    let mut vocab = Writer::new();
    vocab.usize(catalog.regions.len());
    for r in &catalog.regions {
        vocab.str(&r.code);
        vocab.str(&r.name);
    }
    vocab.usize(catalog.themes.len());
    for t in &catalog.themes {
        vocab.str(&t.id);
        vocab.str(&t.label);
        vocab.str(&t.description);
    }

    let mut problems = Writer::new();
    problems.usize(loaded.problems.len());
    for p in &loaded.problems {
        problems.opt_str(p.record.as_deref());
        problems.str(&p.path);
        problems.str(&p.message);
        let (line, column) = p.position.map_or((0, 0), |at| (at.line, at.column));
        problems.usize(line);
        problems.usize(column);
        problems.bool(p.kept);
    }

    let codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
    let themes: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
    let index = index::write(&catalog.entries, &codes, &themes, |i, out| {
        catalog.searchable_text(i, out)
    });

    let mut by_id: Vec<u32> = (0..n as u32).collect();
    by_id.sort_by(|&a, &b| {
        catalog.entries[a as usize]
            .id
            .cmp(&catalog.entries[b as usize].id)
    });
    let mut ids = Writer::new();
    for i in by_id {
        ids.u32(i);
    }

    let mut card_section = Writer::new();
    for o in &card_offsets {
        card_section.u32(*o);
    }
    card_section.bytes(&cards.into_bytes());

    let sections = [
        meta.into_bytes(),
        vocab.into_bytes(),
        problems.into_bytes(),
        index,
        ids.into_bytes(),
        card_section.into_bytes(),
        inline,
    ];
    let mut w = header(DATASET);
    let mut at = w.len() + SECTIONS * 8;
    for section in &sections {
        w.u32(at as u32);
        w.u32(section.len() as u32);
        at += section.len();
    }
    for section in &sections {
        w.bytes(section);
    }
    Packed {
        main: w.into_bytes(),
        shards,
    }
}

/// A file the page could not use, packed so the page can say why.
pub fn write_error(e: &LoadError) -> Vec<u8> {
    let mut w = header(ERROR);
    w.u8(match e.kind {
        LoadErrorKind::NotFound => 0,
        LoadErrorKind::Unreachable => 1,
        LoadErrorKind::Content => 2,
        LoadErrorKind::Pack => 3,
    });
    w.str(&e.message);
    w.usize(e.line.unwrap_or(0));
    w.usize(e.column.unwrap_or(0));
    w.into_bytes()
}

/// What the converter does with a JSON file: the pack of what it holds, or
/// of why it cannot be used. Details stay inline: there is nowhere else to
/// put them.
pub fn from_json(bytes: &[u8]) -> Vec<u8> {
    // A file saved in another encoding still loads, with replacement
    // characters where it is not UTF-8, as a browser's own decoding would.
    let text = String::from_utf8_lossy(bytes);
    match crate::catalog::load_json(&text) {
        Ok(loaded) => write(&loaded, Placement::Inline).main,
        Err(e) => write_error(&e),
    }
}

fn header(kind: u8) -> Writer {
    let mut w = Writer::new();
    w.bytes(MAGIC);
    w.u8(VERSION);
    w.u8(kind);
    w
}

/// An offset table and the blob it points into.
fn blob(items: &[Vec<u8>]) -> Vec<u8> {
    let mut w = Writer::new();
    let mut at = 0u32;
    w.u32(0);
    for item in items {
        at += item.len() as u32;
        w.u32(at);
    }
    for item in items {
        w.bytes(item);
    }
    w.into_bytes()
}

/// `count` items behind an offset table at the start of `section` (which
/// begins at `base` in the file): checks the table, returns where it and
/// the blob are.
fn open_blob(
    section: &[u8],
    base: usize,
    count: usize,
) -> wire::Result<(Range<usize>, Range<usize>)> {
    let table = count
        .checked_add(1)
        .and_then(|c| c.checked_mul(4))
        .ok_or(Corrupt)?;
    let offsets = U32s::new(section.get(..table).ok_or(Corrupt)?)?;
    let blob_len = section.len() - table;
    let mut previous = 0;
    for (k, o) in offsets.iter().enumerate() {
        if (k == 0 && o != 0) || o < previous || o as usize > blob_len {
            return Err(Corrupt);
        }
        previous = o;
    }
    if previous as usize != blob_len {
        return Err(Corrupt);
    }
    Ok((base..base + table, base + table..base + section.len()))
}

/// Item `i` of a blob opened by [`open_blob`].
fn item<'a>(
    bytes: &'a [u8],
    table: &Range<usize>,
    blob: &Range<usize>,
    i: usize,
) -> Option<&'a [u8]> {
    let offsets = U32s::new(bytes.get(table.clone())?).ok()?;
    let (a, b) = (offsets.get(i)? as usize, offsets.get(i + 1)? as usize);
    bytes.get(blob.clone())?.get(a..b)
}

/// Where a dataset's details are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Details {
    /// In the main file: offset table and blob.
    Inline(Range<usize>, Range<usize>),
    /// In `count` shard files of `per_shard` records each.
    Sharded { per_shard: usize, count: usize },
}

/// An opened dataset pack.
#[derive(Debug)]
pub struct Pack {
    bytes: Arc<Vec<u8>>,
    len: usize,
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    pub problems: Vec<Problem>,
    /// Records left out of the JSON for their problems.
    pub skipped: usize,
    pub index: Index,
    by_id: Range<usize>,
    card_table: Range<usize>,
    cards: Range<usize>,
    pub details: Details,
}

/// The page's wording of a pack it cannot read.
fn damaged() -> LoadError {
    LoadError::pack(s::ERR_PACK_DAMAGED)
}

/// Checks the header; returns the kind of file.
fn kind(r: &mut Reader) -> Result<u8, LoadError> {
    if r.take(4).ok() != Some(&MAGIC[..]) {
        return Err(LoadError::pack(s::ERR_NOT_PACK));
    }
    match r.u8() {
        Ok(VERSION) => r.u8().map_err(|_| damaged()),
        Ok(_) => Err(LoadError::pack(s::ERR_PACK_VERSION)),
        Err(_) => Err(damaged()),
    }
}

fn read_error(r: &mut Reader) -> wire::Result<LoadError> {
    let kind = match r.u8()? {
        0 => LoadErrorKind::NotFound,
        1 => LoadErrorKind::Unreachable,
        2 => LoadErrorKind::Content,
        3 => LoadErrorKind::Pack,
        _ => return Err(Corrupt),
    };
    let message = r.str()?.to_string();
    let line = Some(r.usize()?).filter(|&l| l > 0);
    let column = Some(r.usize()?).filter(|&c| c > 0);
    Ok(LoadError {
        message,
        line,
        column,
        kind,
    })
}

impl Pack {
    /// Opens the bytes of a pack file, or says why the page cannot use them:
    /// the error a converted JSON file carries, or a damaged file.
    pub fn open(bytes: Vec<u8>) -> Result<Pack, LoadError> {
        let bytes = Arc::new(bytes);
        let mut r = Reader::new(&bytes);
        match kind(&mut r)? {
            DATASET => Pack::open_dataset(bytes.clone(), r.position()).map_err(|_| damaged()),
            ERROR => Err(read_error(&mut r).unwrap_or_else(|_| damaged())),
            _ => Err(damaged()),
        }
    }

    fn open_dataset(bytes: Arc<Vec<u8>>, table_at: usize) -> wire::Result<Pack> {
        let table = U32s::new(
            bytes
                .get(table_at..table_at + SECTIONS * 8)
                .ok_or(Corrupt)?,
        )?;
        let mut ranges = Vec::with_capacity(SECTIONS);
        for k in 0..SECTIONS {
            let at = table.get(2 * k).ok_or(Corrupt)? as usize;
            let len = table.get(2 * k + 1).ok_or(Corrupt)? as usize;
            let end = at.checked_add(len).ok_or(Corrupt)?;
            if end > bytes.len() {
                return Err(Corrupt);
            }
            ranges.push(at..end);
        }
        let section = |k: usize| &bytes[ranges[k].clone()];

        let mut r = Reader::new(section(0));
        let len = r.usize()?;
        let per_shard = r.usize()?;
        let shard_count = r.usize()?;
        let skipped = r.usize()?;

        let mut r = Reader::new(section(1));
        let regions = r.list(|r| {
            Ok(Region {
                code: r.str()?.to_string(),
                name: r.str()?.to_string(),
            })
        })?;
        let themes = r.list(|r| {
            Ok(Theme {
                id: r.str()?.to_string(),
                label: r.str()?.to_string(),
                description: r.str()?.to_string(),
            })
        })?;

        let mut r = Reader::new(section(2));
        let problems = r.list(|r| {
            let record = r.opt_str()?.map(str::to_string);
            let path = r.str()?.to_string();
            let message = r.str()?.to_string();
            let (line, column) = (r.usize()?, r.usize()?);
            let kept = r.bool()?;
            Ok(Problem {
                record,
                path,
                message,
                inner: None,
                position: (line > 0).then_some(Position { line, column }),
                kept,
            })
        })?;

        let index = Index::open(bytes.clone(), ranges[3].clone())?;
        if index.len() != len {
            return Err(Corrupt);
        }

        let by_id = U32s::new(section(4))?;
        if by_id.len() != len || by_id.iter().any(|i| i as usize >= len) {
            return Err(Corrupt);
        }

        // Cards are read when shown (each string checked then): checking all
        // 100,000 here took 43 ms of the page's first task. The offsets are
        // checked, so a truncated pack is still refused here.
        let (card_table, cards) = open_blob(section(5), ranges[5].start, len)?;

        let details = if per_shard == 0 {
            let (t, b) = open_blob(section(6), ranges[6].start, len)?;
            Details::Inline(t, b)
        } else {
            if shard_count != len.div_ceil(per_shard) {
                return Err(Corrupt);
            }
            Details::Sharded {
                per_shard,
                count: shard_count,
            }
        };
        Ok(Pack {
            bytes,
            len,
            regions,
            themes,
            problems,
            skipped,
            index,
            by_id: ranges[4].clone(),
            card_table,
            cards,
            details,
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The card of record `i`; a damaged one reads as empty.
    pub fn card(&self, i: usize) -> Card<'_> {
        item(&self.bytes, &self.card_table, &self.cards, i)
            .and_then(|b| record_view::read_card(b).ok())
            .unwrap_or_default()
    }

    /// The position of the record with this id: a binary search over the ids.
    pub fn position(&self, id: &str) -> Option<usize> {
        let by_id = U32s::new(&self.bytes[self.by_id.clone()]).ok()?;
        let (mut lo, mut hi) = (0, by_id.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let i = by_id.get(mid)? as usize;
            match self.card(i).id.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(i),
            }
        }
        None
    }

    pub fn region_name(&self, code: &str) -> Option<&str> {
        crate::model::region_name(&self.regions, code)
    }

    pub fn theme_label(&self, id: &str) -> Option<&str> {
        crate::model::theme_label(&self.themes, id)
    }

    /// The detail of record `i` when the details are in this file; `None`
    /// when they are in shards or unreadable.
    pub fn inline_detail(&self, i: usize) -> Option<Detail<'_>> {
        match &self.details {
            Details::Inline(table, blob) => {
                record_view::read_detail(item(&self.bytes, table, blob, i)?).ok()
            }
            Details::Sharded { .. } => None,
        }
    }

    /// The shard holding record `i`'s detail, when details are in shards.
    pub fn shard_of(&self, i: usize) -> Option<usize> {
        match self.details {
            Details::Sharded { per_shard, count } if i < self.len => {
                Some(i / per_shard).filter(|&k| k < count)
            }
            _ => None,
        }
    }
}

/// The address of shard `k` of the pack at `url`: `records.pack` keeps its
/// shards in `records.pack.d/`.
pub fn shard_url(url: &str, k: usize) -> String {
    format!("{url}.d/{k}.pack")
}

/// An opened shard of details.
#[derive(Debug, Clone)]
pub struct Shard {
    bytes: Vec<u8>,
    first: usize,
    count: usize,
    table: Range<usize>,
    blob: Range<usize>,
}

impl Shard {
    pub fn open(bytes: Vec<u8>) -> Result<Shard, LoadError> {
        let mut r = Reader::new(&bytes);
        if kind(&mut r)? != SHARD {
            return Err(damaged());
        }
        let (first, count) = (
            r.usize().map_err(|_| damaged())?,
            r.usize().map_err(|_| damaged())?,
        );
        let at = r.position();
        let (table, blob) = open_blob(&bytes[at..], at, count).map_err(|_| damaged())?;
        Ok(Shard {
            bytes,
            first,
            count,
            table,
            blob,
        })
    }

    /// The detail of record `i` of the dataset, if this shard holds it.
    pub fn detail(&self, i: usize) -> Option<Detail<'_>> {
        let k = i.checked_sub(self.first).filter(|&k| k < self.count)?;
        record_view::read_detail(item(&self.bytes, &self.table, &self.blob, k)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_json;
    use crate::facets;
    use crate::filter::FilterState;

    fn bundled() -> Loaded {
        load_json(include_str!("../data/passerelles.json")).unwrap()
    }

    #[test]
    fn the_bundled_dataset_round_trips() {
        let loaded = bundled();
        let packed = write(&loaded, Placement::Inline);
        assert!(packed.shards.is_empty());
        let pack = Pack::open(packed.main).unwrap();
        let c = &loaded.catalog;
        assert_eq!(pack.len(), c.entries.len());
        assert_eq!(pack.regions, c.regions);
        assert_eq!(pack.themes, c.themes);
        assert_eq!(pack.skipped, 0);
        for (i, e) in c.entries.iter().enumerate() {
            assert_eq!(pack.card(i).id, e.id);
            assert_eq!(pack.card(i).title, e.title);
            assert_eq!(pack.position(&e.id), Some(i));
            assert!(pack.inline_detail(i).is_some());
        }
        assert_eq!(pack.position("nope"), None);
        assert_eq!(pack.position(""), None);
        let all = facets::run(&pack.index, &FilterState::default());
        assert_eq!(all.results.len(), c.entries.len());
    }

    #[test]
    fn details_can_live_in_shards() {
        let loaded = bundled();
        let packed = write(&loaded, Placement::Shards(4));
        let n = loaded.catalog.entries.len();
        assert_eq!(packed.shards.len(), n.div_ceil(4));
        let pack = Pack::open(packed.main).unwrap();
        let shards: Vec<Shard> = packed
            .shards
            .into_iter()
            .map(|b| Shard::open(b).unwrap())
            .collect();
        for i in 0..n {
            assert!(pack.inline_detail(i).is_none());
            let k = pack.shard_of(i).unwrap();
            assert!(shards[k].detail(i).is_some(), "record {i} in shard {k}");
            assert!(shards[(k + 1) % shards.len()].detail(i).is_none());
        }
        assert_eq!(pack.shard_of(n), None);
        assert_eq!(
            shard_url("bench-data/r.pack", 3),
            "bench-data/r.pack.d/3.pack"
        );
    }

    #[test]
    fn problems_and_errors_travel_in_the_pack() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/all-invalid.json"
        ))
        .unwrap();
        let loaded = load_json(&text).unwrap();
        let pack = Pack::open(from_json(text.as_bytes())).unwrap();
        assert_eq!(pack.problems, {
            let mut p = loaded.problems.clone();
            p.iter_mut().for_each(|p| p.inner = None);
            p
        });
        assert_eq!(pack.skipped, validate::skipped_records(&loaded.problems));

        let err = Pack::open(from_json(b"{\"regions\": [")).unwrap_err();
        assert_eq!(err.kind, LoadErrorKind::Content);
        assert!(err.line.is_some());
        assert_eq!(
            Pack::open(from_json(b"")).unwrap_err().message,
            s::ERR_EMPTY_FILE
        );
    }

    #[test]
    fn damaged_packs_are_refused_never_trusted() {
        let main = write(&bundled(), Placement::Inline).main;
        assert_eq!(
            Pack::open(b"{}".to_vec()).unwrap_err().message,
            s::ERR_NOT_PACK
        );
        let mut old = main.clone();
        old[4] = VERSION + 1;
        assert_eq!(Pack::open(old).unwrap_err().message, s::ERR_PACK_VERSION);
        // Cut anywhere: refused with the same message, never a panic.
        for cut in (0..main.len()).step_by(7) {
            let err = Pack::open(main[..cut].to_vec()).unwrap_err();
            assert!(
                [s::ERR_NOT_PACK, s::ERR_PACK_DAMAGED].contains(&err.message.as_str()),
                "cut at {cut}: {}",
                err.message
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn changed_bytes_never_panic(changes in proptest::collection::vec((0usize..1 << 20, proptest::prelude::any::<u8>()), 1..6)) {
            let mut main = write(&bundled(), Placement::Inline).main;
            let len = main.len();
            for (at, b) in changes {
                main[at % len] = b;
            }
            if let Ok(pack) = Pack::open(main) {
                for i in 0..pack.len() {
                    let id = pack.card(i).id.to_string();
                    let _ = pack.position(&id);
                    let _ = pack.inline_detail(i);
                }
                let _ = facets::run(&pack.index, &FilterState { query: "eco cpme".into(), ..Default::default() });
            }
        }
    }
}
