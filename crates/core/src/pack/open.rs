//! Opening a pack: every offset checked, a few bytes a record copied out
//! (the index's bitsets, days and orders), the rest read in place, each card
//! and detail when it is shown. Nothing is trusted: a damaged, truncated or
//! foreign file is refused with a message, never misread.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::data::catalog::RecordType;
use crate::data::error::{LoadError, LoadErrorKind};
use crate::data::model::{Region, Theme};
use crate::data::span::Position;
use crate::data::validate::Problem;
use crate::engine::bitset::Bitset;
use crate::engine::facets::{self, Outcome};
use crate::engine::filter::FilterState;
use crate::engine::index::{self, Index};
use crate::engine::search::Search;
use crate::export::{Exports, Format};
use crate::pack::card::{self, Card};
use crate::pack::detail::{self, Detail};
use crate::pack::glossary::{self, Gloss};
use crate::pack::parts::{self, Block, DefaultView, Ids, Part, Parts, Seals};
use crate::pack::{
    BOOT, BOOT_SECTIONS, DATASET, ERROR, EXPORTS, HEADER_BYTES, MAGIC, PART, SECTIONS, SHARD,
    VERSION,
};
use crate::wire::{self, blob_item as item, blob_range, open_blob, Corrupt, Reader, U32s};
use crate::wording::say as s;

/// Where a dataset's details are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Details {
    /// In the main file: offset table and blob.
    Inline(Range<usize>, Range<usize>),
    /// In shard files of `per_shard` records each, the digest of each.
    Sharded { per_shard: usize, seals: Vec<u64> },
}

/// Where a dataset's exports are, in [`Format::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportsAt {
    /// In the main file, each format's section.
    Inline(Vec<Range<usize>>),
    /// In a file per format, the digest of each.
    Files(Vec<u64>),
}

/// An opened dataset pack.
#[derive(Debug)]
pub struct Pack {
    bytes: Arc<Vec<u8>>,
    len: usize,
    /// Identifies the build that wrote this pack; its shards carry it too.
    pub build: u64,
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    /// The first [`crate::pack::PROBLEMS_KEPT`] problems found in the JSON.
    pub problems: Vec<Problem>,
    /// How many there were.
    pub problems_total: usize,
    /// Records left out of the JSON for their problems.
    pub skipped: usize,
    pub index: Index,
    /// The acronyms and terms of the texts, when the dataset was packed with them.
    pub glossary: Vec<Gloss>,
    by_id: Range<usize>,
    card_table: Range<usize>,
    cards: Range<usize>,
    pub details: Details,
    pub exports: ExportsAt,
    /// A split pack's parts (this file is then its boot file).
    split: Option<Parts>,
}

/// The page's wording of a pack it cannot read.
fn damaged() -> LoadError {
    LoadError::new(LoadErrorKind::Pack, s::ERR_PACK_DAMAGED().to_string())
}

/// What a file's header says, once its seal is checked.
#[derive(Debug, PartialEq, Eq)]
enum Header {
    NotPack,
    OtherVersion,
    /// Truncated, or a byte changed on the way: the digest does not match.
    Damaged,
    /// A whole file of this kind, sealed by this digest.
    Sealed(u8, u64),
}

/// Checks the magic, the version and the digest of everything after the
/// header: a file that passes arrived as it was written, tables included.
fn header(bytes: &[u8]) -> Header {
    let mut r = Reader::new(bytes);
    if r.take(4).ok() != Some(&MAGIC[..]) {
        return Header::NotPack;
    }
    match r.u8() {
        Ok(VERSION) => {}
        Ok(_) => return Header::OtherVersion,
        Err(_) => return Header::Damaged,
    }
    let (Ok(kind), Ok(seal)) = (r.u8(), r.u64()) else {
        return Header::Damaged;
    };
    if wire::digest(&bytes[HEADER_BYTES..]) != seal {
        return Header::Damaged;
    }
    Header::Sealed(kind, seal)
}

/// The table of `count` sections after a file's header and build: each
/// `(u32 offset, u32 length)`, lying inside the file.
fn section_table(bytes: &[u8], count: usize) -> wire::Result<Vec<Range<usize>>> {
    let table_at = HEADER_BYTES + 8;
    let table = U32s::new(bytes.get(table_at..table_at + count * 8).ok_or(Corrupt)?)?;
    let mut ranges = Vec::with_capacity(count);
    for k in 0..count {
        let at = table.get(2 * k).ok_or(Corrupt)? as usize;
        let len = table.get(2 * k + 1).ok_or(Corrupt)? as usize;
        let end = at.checked_add(len).ok_or(Corrupt)?;
        if end > bytes.len() {
            return Err(Corrupt);
        }
        ranges.push(at..end);
    }
    Ok(ranges)
}

/// The vocabularies: regions, then themes.
fn read_vocabularies(section: &[u8]) -> wire::Result<(Vec<Region>, Vec<Theme>)> {
    let mut r = Reader::new(section);
    let regions = r.list(|r| {
        Ok(Region {
            code: r.str()?.to_string(),
            name: r.str()?.to_string(),
            name_en: None,
        })
    })?;
    let themes = r.list(|r| {
        Ok(Theme {
            id: r.str()?.to_string(),
            label: r.str()?.to_string(),
            description: r.str()?.to_string(),
            label_en: None,
            description_en: None,
        })
    })?;
    Ok((regions, themes))
}

/// The problems kept.
fn read_problems(section: &[u8]) -> wire::Result<Vec<Problem>> {
    Reader::new(section).list(|r| {
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
    })
}

/// `count × u64`: a list of seals.
fn seals_list(r: &mut Reader) -> wire::Result<Vec<u64>> {
    r.list(|r| r.u64())
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

/// The reader of a split pack's boot file, for [`Pack::open`] only.
type OpenBoot = fn(Arc<Vec<u8>>) -> wire::Result<Pack>;

impl Pack {
    /// Opens the bytes of a pack file, or says why the page cannot use them:
    /// the error a converted JSON file carries, or a damaged file.
    pub fn open(bytes: Vec<u8>) -> Result<Pack, LoadError> {
        Pack::open_as(bytes, Some(Pack::open_boot))
    }

    /// As [`Pack::open`], whole packs only: a split pack's boot file is
    /// refused, saying how to read it. For a page built without the split
    /// reader (the shipped site's, whose dataset is whole): the code that
    /// reads boot files and parts is then never reached from it, and stays
    /// out of its module (BENCHMARKS.md, "100,000 records on a phone").
    pub fn open_whole(bytes: Vec<u8>) -> Result<Pack, LoadError> {
        Pack::open_as(bytes, None)
    }

    fn open_as(bytes: Vec<u8>, boot: Option<OpenBoot>) -> Result<Pack, LoadError> {
        let pack_error = |message: &str| LoadError::new(LoadErrorKind::Pack, message.to_string());
        match header(&bytes) {
            Header::NotPack => Err(pack_error(s::ERR_NOT_PACK())),
            Header::OtherVersion => Err(pack_error(s::ERR_PACK_VERSION())),
            Header::Damaged => Err(damaged()),
            Header::Sealed(DATASET, _) => {
                Pack::open_dataset(Arc::new(bytes)).map_err(|_| damaged())
            }
            Header::Sealed(BOOT, _) => match boot {
                Some(open_boot) => open_boot(Arc::new(bytes)).map_err(|_| damaged()),
                None => Err(pack_error(s::ERR_PACK_SPLIT())),
            },
            Header::Sealed(ERROR, _) => {
                let mut r = Reader::new(&bytes[HEADER_BYTES..]);
                Err(read_error(&mut r).unwrap_or_else(|_| damaged()))
            }
            Header::Sealed(..) => Err(damaged()),
        }
    }

    fn open_dataset(bytes: Arc<Vec<u8>>) -> wire::Result<Pack> {
        let mut r = Reader::new(&bytes[HEADER_BYTES..]);
        let build = r.u64()?;
        let ranges = section_table(&bytes, SECTIONS)?;
        let section = |k: usize| &bytes[ranges[k].clone()];

        let mut r = Reader::new(section(0));
        let len = r.usize()?;
        let per_shard = r.usize()?;
        let shard_count = r.usize()?;
        let skipped = r.usize()?;
        let problems_total = r.usize()?;

        let (regions, themes) = read_vocabularies(section(1))?;
        let problems = read_problems(section(2))?;

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

        let seals: Vec<u64> = wire::words(section(7)).collect();
        if section(7).len() != seals.len() * 8 || seals.len() != shard_count {
            return Err(Corrupt);
        }
        let details = if per_shard == 0 {
            let (t, b) = open_blob(section(6), ranges[6].start, len)?;
            if shard_count != 0 {
                return Err(Corrupt);
            }
            Details::Inline(t, b)
        } else {
            if shard_count != len.div_ceil(per_shard) {
                return Err(Corrupt);
            }
            Details::Sharded { per_shard, seals }
        };
        if problems.len() > problems_total {
            return Err(Corrupt);
        }
        let exports = if per_shard == 0 {
            let (t, b) = open_blob(section(8), ranges[8].start, Format::ALL.len())?;
            let mut at = Vec::new();
            for format in Format::ALL {
                let range = blob_range(&bytes, &t, &b, format.slot()).ok_or(Corrupt)?;
                let opened = Exports::open(bytes.clone(), range.clone())?;
                if opened.format() != format || opened.len() != len {
                    return Err(Corrupt);
                }
                at.push(range);
            }
            ExportsAt::Inline(at)
        } else {
            let seals: Vec<u64> = wire::words(section(8)).collect();
            if seals.len() != Format::ALL.len() || section(8).len() != seals.len() * 8 {
                return Err(Corrupt);
            }
            ExportsAt::Files(seals)
        };
        let glossary = glossary::read(section(9))?;
        Ok(Pack {
            bytes,
            len,
            build,
            regions,
            themes,
            problems,
            problems_total,
            skipped,
            index,
            glossary,
            by_id: ranges[4].clone(),
            card_table,
            cards,
            details,
            exports,
            split: None,
        })
    }

    /// A split pack's boot file: its sections (docs/pack-format.md, kind
    /// 4), each checked against the others; the parts it lists come later.
    fn open_boot(bytes: Arc<Vec<u8>>) -> wire::Result<Pack> {
        let build = Reader::new(&bytes[HEADER_BYTES..]).u64()?;
        let ranges = section_table(&bytes, BOOT_SECTIONS)?;
        let section = |k: usize| &bytes[ranges[k].clone()];

        let mut r = Reader::new(section(0));
        let len = r.usize()?;
        let per_shard = r.usize()?.max(1);
        let skipped = r.usize()?;
        let problems_total = r.usize()?;
        let per_block = r.usize()?;
        let first_count = r.usize()?;
        if per_block == 0 || first_count > len || !r.is_done() {
            return Err(Corrupt);
        }
        let (regions, themes) = read_vocabularies(section(1))?;
        let problems = read_problems(section(2))?;
        let glossary = glossary::read(section(3))?;
        if problems.len() > problems_total {
            return Err(Corrupt);
        }

        let mut r = Reader::new(section(4));
        let undated = r.usize()? as u32;
        let mut counts = |expected: usize| -> wire::Result<Vec<u32>> {
            let list = r.list(|r| Ok(r.usize()? as u32))?;
            (list.len() == expected).then_some(list).ok_or(Corrupt)
        };
        let default = DefaultView {
            undated,
            regions: counts(regions.len())?,
            themes: counts(themes.len())?,
            types: counts(RecordType::ALL.len())?,
        };
        if !r.is_done() || undated as usize > len {
            return Err(Corrupt);
        }

        let (first_table, first_blob) = open_blob(section(5), ranges[5].start, first_count)?;

        let mut r = Reader::new(section(6));
        let words = r.usize()?;
        let starts = r.list(|r| Ok(r.usize()? as u32))?;
        let firsts: Vec<Box<str>> = r.list(|r| Ok(r.str()?.into()))?;
        let id_firsts: Vec<Box<str>> = r.list(|r| Ok(r.str()?.into()))?;
        if !r.is_done()
            || starts.last().map(|&s| s as usize) != Some(words)
            || id_firsts.windows(2).any(|w| w[0] >= w[1])
        {
            return Err(Corrupt);
        }
        let search = Search::split(len, starts, firsts)?;

        let mut r = Reader::new(section(7));
        let sets = r.u64()?;
        let orders = [r.u64()?, r.u64()?];
        let typos = r.u64()?;
        let seals = Seals {
            sets,
            orders,
            typos,
            cards: seals_list(&mut r)?,
            words: seals_list(&mut r)?,
            ids: seals_list(&mut r)?,
        };
        let shard_seals = seals_list(&mut r)?;
        let export_seals = seals_list(&mut r)?;
        if !r.is_done()
            || seals.cards.len() != len.div_ceil(per_block)
            || seals.words.len() != search.chunk_count()
            || seals.ids.len() != id_firsts.len()
            || (len > 0) == id_firsts.is_empty()
            || shard_seals.len() != len.div_ceil(per_shard)
            || export_seals.len() != Format::ALL.len()
        {
            return Err(Corrupt);
        }

        let codes: Vec<String> = regions.iter().map(|r| r.code.clone()).collect();
        let ids: Vec<String> = themes.iter().map(|t| t.id.clone()).collect();
        let index = Index::split(len, codes, ids, search);
        Ok(Pack {
            bytes,
            len,
            build,
            regions,
            themes,
            problems,
            problems_total,
            skipped,
            index,
            glossary,
            by_id: 0..0,
            card_table: 0..0,
            cards: 0..0,
            details: Details::Sharded {
                per_shard,
                seals: shard_seals,
            },
            exports: ExportsAt::Files(export_seals),
            split: Some(Parts {
                default,
                per_block,
                first: (first_table, first_blob),
                first_count,
                blocks: (0..seals.cards.len()).map(|_| OnceLock::new()).collect(),
                ids: (0..seals.ids.len()).map(|_| OnceLock::new()).collect(),
                id_firsts,
                seals,
            }),
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The card of record `i`; a damaged one, or one whose block has not
    /// arrived (see [`Pack::card_part`]), reads as empty.
    pub fn card(&self, i: usize) -> Card<'_> {
        let found = match &self.split {
            None => item(&self.bytes, &self.card_table, &self.cards, i)
                .and_then(|b| card::read_card(b).ok()),
            Some(parts) if i < parts.first_count => {
                let (table, blob) = &parts.first;
                item(&self.bytes, table, blob, i).and_then(|b| card::read_card(b).ok())
            }
            Some(parts) => parts
                .blocks
                .get(i / parts.per_block)
                .and_then(OnceLock::get)
                .and_then(|block| block.card(i % parts.per_block)),
        };
        found.unwrap_or_default()
    }

    /// The part record `i`'s card is in, while it has not arrived.
    pub fn card_part(&self, i: usize) -> Option<Part> {
        let parts = self.split.as_ref()?;
        let k = i / parts.per_block;
        (i >= parts.first_count && i < self.len && parts.blocks[k].get().is_none())
            .then_some(Part::Cards(k))
    }

    /// The card blocks the records at `positions` (the rows a list shows)
    /// still need, each once, in the order they are first needed: what the
    /// page fetches before it paints those rows. None for a whole pack.
    pub fn lacking_cards(&self, positions: impl IntoIterator<Item = usize>) -> Vec<Part> {
        let mut out = Vec::new();
        if self.split.is_none() {
            return out;
        }
        for i in positions {
            if let Some(part) = self.card_part(i) {
                if !out.contains(&part) {
                    out.push(part);
                }
            }
        }
        out
    }

    /// Whether this is a split pack's boot file, its parts fetched apart.
    pub fn is_split(&self) -> bool {
        self.split.is_some()
    }

    /// The position of the record with this id, `None` if there is none;
    /// `Err` with the block of ids to fetch first, in a split pack (the
    /// boot file's first cards are found at once).
    pub fn locate(&self, id: &str) -> Result<Option<usize>, Part> {
        let Some(parts) = &self.split else {
            return Ok(self.position(id));
        };
        if let Some(i) = (0..parts.first_count).find(|&i| self.card(i).id == id) {
            return Ok(Some(i));
        }
        let Some(k) = parts.id_block(id) else {
            return Ok(None);
        };
        match parts.ids[k].get() {
            Some(ids) => Ok(ids.find(id)),
            None => Err(Part::Ids(k)),
        }
    }

    /// The answer to `filter` (see [`facets::answer`]), or the parts it
    /// still needs. A split pack answers its default view from its boot
    /// file alone: the records in their own order, its counts as written.
    pub fn answer(&self, filter: &FilterState) -> Result<Outcome, Vec<Part>> {
        facets::answer(&self.index, filter).or_else(|lacking| match &self.split {
            Some(parts) if *filter == FilterState::default() => {
                Ok(self.default_view(&parts.default))
            }
            _ => Err(lacking.into_iter().map(Part::Index).collect()),
        })
    }

    fn default_view(&self, counts: &DefaultView) -> Outcome {
        let n = self.len;
        Outcome {
            results: (0..n as u32).collect(),
            regions: self
                .index
                .region_codes
                .iter()
                .cloned()
                .zip(counts.regions.iter().copied())
                .collect(),
            themes: self
                .index
                .theme_ids
                .iter()
                .cloned()
                .zip(counts.themes.iter().copied())
                .collect(),
            types: RecordType::ALL
                .into_iter()
                .zip(counts.types.iter().copied())
                .collect(),
            undated_excluded: 0,
            words: Vec::new(),
            timeline: Bitset::full(n),
        }
    }

    /// Records whose date is unknown: the index's count, or a split pack's
    /// boot file's before its index is here.
    pub fn undated_count(&self) -> u32 {
        match (&self.split, self.index.undated_count()) {
            (_, Some(n)) => n,
            (Some(parts), None) => parts.default.undated,
            (None, None) => 0,
        }
    }

    /// Every part a split pack lists, in no particular order; none for a
    /// whole pack. For a reader that takes in everything (the build's
    /// prerender), never the page, which fetches by need.
    pub fn parts(&self) -> Vec<Part> {
        let Some(parts) = &self.split else {
            return Vec::new();
        };
        let seals = &parts.seals;
        let mut all = vec![
            Part::Index(index::Part::Sets),
            Part::Index(index::Part::Typos),
        ];
        all.extend(
            parts::ORDERS
                .iter()
                .map(|(sort, _)| Part::Index(index::Part::Order(*sort))),
        );
        all.extend((0..seals.words.len()).map(|k| Part::Index(index::Part::Words(k))));
        all.extend((0..seals.cards.len()).map(Part::Cards));
        all.extend((0..seals.ids.len()).map(Part::Ids));
        all
    }

    /// Where `part` is, beside this pack at `url`.
    pub fn part_url(&self, url: &str, part: Part) -> Option<String> {
        let seal = self.split.as_ref()?.seals.of(part)?;
        Some(format!("{url}.d/{}", parts::part_name(part, seal)))
    }

    /// Takes in the bytes fetched as `part` of this pack: they must be that
    /// very part, whole, with the seal this pack lists for it (so of this
    /// build), or they are refused ([`ShardError`]) and never read as this
    /// pack's. A part already here stays as it was.
    pub fn open_part(&self, part: Part, bytes: Vec<u8>) -> Result<(), ShardError> {
        let parts = self.split.as_ref().ok_or(ShardError::Damaged)?;
        let expected = parts.seals.of(part).ok_or(ShardError::Damaged)?;
        let seal = match header(&bytes) {
            Header::Sealed(PART, seal) => seal,
            // Another version of Passerelles wrote it: another build.
            Header::OtherVersion => return Err(ShardError::Stale),
            _ => return Err(ShardError::Damaged),
        };
        let mut r = Reader::new(&bytes[HEADER_BYTES..]);
        let build = r.u64().map_err(|_| ShardError::Damaged)?;
        if build != self.build || seal != expected {
            return Err(ShardError::Stale);
        }
        let code = (r.u8(), r.usize());
        if part.code() != Some((code.0.unwrap_or(u8::MAX), code.1.unwrap_or(usize::MAX))) {
            return Err(ShardError::Damaged);
        }
        let at = HEADER_BYTES + r.position();
        self.take_part(parts, part, bytes, at)
            .map_err(|_| ShardError::Damaged)
    }

    /// A part's body, from `at` to the end of `bytes`, into its place.
    fn take_part(&self, parts: &Parts, part: Part, bytes: Vec<u8>, at: usize) -> wire::Result<()> {
        let body = &bytes[at..];
        match part {
            Part::Index(index::Part::Sets) => self.index.add_sets(body),
            Part::Index(index::Part::Order(sort)) => self.index.add_order(sort, body),
            Part::Index(index::Part::Typos) => self.index.search().add_typos(body),
            Part::Index(index::Part::Words(k)) => {
                let end = bytes.len();
                self.index.search().add_chunk(k, Arc::new(bytes), at..end)
            }
            Part::Cards(k) => {
                let expected = parts.per_block.min(self.len - k * parts.per_block);
                let block = Block::open(bytes, at, expected)?;
                let _ = parts.blocks[k].set(block);
                Ok(())
            }
            Part::Ids(k) => {
                let ids = Ids::open(body, &parts.id_firsts[k], self.len)?;
                let _ = parts.ids[k].set(ids);
                Ok(())
            }
        }
    }

    /// The position of the record with this id: a binary search over the
    /// ids (in a split pack, only where its ids are here: see
    /// [`Pack::locate`]).
    pub fn position(&self, id: &str) -> Option<usize> {
        if self.split.is_some() {
            return self.locate(id).ok().flatten();
        }
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
        crate::data::model::region_name(&self.regions, code)
    }

    pub fn theme_label(&self, id: &str) -> Option<&str> {
        crate::data::model::theme_label(&self.themes, id)
    }

    /// The detail of record `i` when the details are in this file; `None`
    /// when they are in shards or unreadable.
    pub fn inline_detail(&self, i: usize) -> Option<Detail<'_>> {
        match &self.details {
            Details::Inline(table, blob) => {
                detail::read_detail(item(&self.bytes, table, blob, i)?).ok()
            }
            Details::Sharded { .. } => None,
        }
    }

    /// The shard holding record `i`'s detail, when details are in shards.
    pub fn shard_of(&self, i: usize) -> Option<usize> {
        match &self.details {
            Details::Sharded { per_shard, seals } if i < self.len => {
                Some(i / per_shard).filter(|&k| k < seals.len())
            }
            _ => None,
        }
    }

    /// Where shard `k` is, beside this pack at `url`.
    pub fn shard_url(&self, url: &str, k: usize) -> Option<String> {
        match &self.details {
            Details::Sharded { seals, .. } => Some(crate::pack::shard_url(url, k, *seals.get(k)?)),
            Details::Inline(..) => None,
        }
    }

    /// Opens the bytes fetched as shard `k` of this pack: they must be that
    /// very shard, whole (its digest is the one this pack lists, and it
    /// names this build and this place), or the page says so instead of
    /// showing another record's facts.
    pub fn open_shard(&self, k: usize, bytes: Vec<u8>) -> Result<Shard, ShardError> {
        let Details::Sharded { per_shard, seals } = &self.details else {
            return Err(ShardError::Damaged);
        };
        let expected = *seals.get(k).ok_or(ShardError::Damaged)?;
        let seal = match header(&bytes) {
            Header::Sealed(SHARD, seal) => seal,
            // Another version of Passerelles wrote it: another build.
            Header::OtherVersion => return Err(ShardError::Stale),
            _ => return Err(ShardError::Damaged),
        };
        let mut r = Reader::new(&bytes[HEADER_BYTES..]);
        let build = r.u64().map_err(|_| ShardError::Damaged)?;
        if build != self.build || seal != expected {
            return Err(ShardError::Stale);
        }
        let mut place = || r.usize().map_err(|_| ShardError::Damaged);
        let (index, first, count) = (place()?, place()?, place()?);
        let want_first = k * per_shard;
        if index != k || first != want_first || count != (*per_shard).min(self.len - want_first) {
            return Err(ShardError::Damaged);
        }
        let at = HEADER_BYTES + r.position();
        let (table, blob) = open_blob(&bytes[at..], at, count).map_err(|_| ShardError::Damaged)?;
        Ok(Shard {
            bytes,
            first,
            count,
            table,
            blob,
        })
    }
}

impl Pack {
    /// Where the exports of `format` are, beside this pack at `url`, when
    /// they are in a file.
    pub fn exports_url(&self, url: &str, format: Format) -> Option<String> {
        match &self.exports {
            ExportsAt::Files(seals) => Some(format!(
                "{url}.d/{}",
                crate::pack::exports_name(format, seals[format.slot()])
            )),
            ExportsAt::Inline(_) => None,
        }
    }

    /// The exports of `format` when they are in this file.
    pub fn inline_exports(&self, format: Format) -> Option<Exports> {
        match &self.exports {
            ExportsAt::Inline(at) => {
                Exports::open(self.bytes.clone(), at[format.slot()].clone()).ok()
            }
            ExportsAt::Files(_) => None,
        }
    }

    /// The seal this pack lists for its exports file of `format`, when
    /// its exports are in files.
    pub fn exports_seal(&self, format: Format) -> Option<u64> {
        match &self.exports {
            ExportsAt::Files(seals) => seals.get(format.slot()).copied(),
            ExportsAt::Inline(_) => None,
        }
    }

    /// The bytes of the exports of `format` when they are in this file.
    pub fn inline_exports_bytes(&self, format: Format) -> Option<&[u8]> {
        match &self.exports {
            ExportsAt::Inline(at) => self.bytes.get(at[format.slot()].clone()),
            ExportsAt::Files(_) => None,
        }
    }

    /// Opens the bytes fetched as this pack's exports of `format` (see
    /// [`open_exports_file`]).
    pub fn open_exports(&self, format: Format, bytes: Vec<u8>) -> Result<Exports, ShardError> {
        let seal = self.exports_seal(format).ok_or(ShardError::Damaged)?;
        open_exports_file(format, bytes, self.build, seal, self.len)
    }
}

/// Opens the bytes fetched as the exports of `format` of the pack whose
/// build is `build`, listing this file by `seal`, of `len` records: checked
/// as a shard is ([`Pack::open_shard`]), whole, of that build, the file the
/// pack lists, of that format and as many records. Free of the pack, so the
/// on-demand module (which has none) checks what it fetches the same way.
pub fn open_exports_file(
    format: Format,
    bytes: Vec<u8>,
    build: u64,
    seal: u64,
    len: usize,
) -> Result<Exports, ShardError> {
    let found = match header(&bytes) {
        Header::Sealed(EXPORTS, seal) => seal,
        Header::OtherVersion => return Err(ShardError::Stale),
        _ => return Err(ShardError::Damaged),
    };
    let made_by = Reader::new(&bytes[HEADER_BYTES..])
        .u64()
        .map_err(|_| ShardError::Damaged)?;
    if made_by != build || found != seal {
        return Err(ShardError::Stale);
    }
    let end = bytes.len();
    let exports =
        Exports::open(Arc::new(bytes), HEADER_BYTES + 8..end).map_err(|_| ShardError::Damaged)?;
    if exports.format() != format || exports.len() != len {
        return Err(ShardError::Damaged);
    }
    Ok(exports)
}

/// Why the bytes fetched for a shard cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardError {
    /// A whole shard, but of another build (the site was rebuilt since the
    /// page opened, or a cache mixed two builds): reloading the page helps.
    Stale,
    /// Truncated, changed on the way, or not a shard at all.
    Damaged,
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
    /// The detail of record `i` of the dataset, if this shard holds it.
    pub fn detail(&self, i: usize) -> Option<Detail<'_>> {
        let k = i.checked_sub(self.first).filter(|&k| k < self.count)?;
        detail::read_detail(item(&self.bytes, &self.table, &self.blob, k)?).ok()
    }
}
