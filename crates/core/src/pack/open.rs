//! Opening a pack: every offset checked, a few bytes a record copied out
//! (the index's bitsets, days and orders), the rest read in place, each card
//! and detail when it is shown. Nothing is trusted: a damaged, truncated or
//! foreign file is refused with a message, never misread.

use std::ops::Range;
use std::sync::Arc;

use crate::data::error::{LoadError, LoadErrorKind};
use crate::data::model::{Region, Theme};
use crate::data::span::Position;
use crate::data::validate::Problem;
use crate::engine::index::Index;
use crate::export::{Exports, Format};
use crate::pack::card::{self, Card};
use crate::pack::detail::{self, Detail};
use crate::pack::glossary::{self, Gloss};
use crate::pack::{DATASET, ERROR, EXPORTS, HEADER_BYTES, MAGIC, SECTIONS, SHARD, VERSION};
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
        let pack_error = |message: &str| LoadError::new(LoadErrorKind::Pack, message.to_string());
        match header(&bytes) {
            Header::NotPack => Err(pack_error(s::ERR_NOT_PACK())),
            Header::OtherVersion => Err(pack_error(s::ERR_PACK_VERSION())),
            Header::Damaged => Err(damaged()),
            Header::Sealed(DATASET, _) => {
                Pack::open_dataset(Arc::new(bytes)).map_err(|_| damaged())
            }
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
        let table_at = HEADER_BYTES + 8;
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
        let problems_total = r.usize()?;

        let mut r = Reader::new(section(1));
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
            .and_then(|b| card::read_card(b).ok())
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
