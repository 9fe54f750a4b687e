//! Opening a pack: every offset checked, a few bytes a record copied out
//! (the index's bitsets, days and orders), the rest read in place, each card
//! and detail when it is shown. Nothing is trusted: a damaged, truncated or
//! foreign file is refused with a message, never misread.

use std::ops::Range;
use std::sync::Arc;

use crate::data::catalog::{LoadError, LoadErrorKind};
use crate::data::model::{Region, Theme};
use crate::data::span::Position;
use crate::data::validate::Problem;
use crate::engine::index::Index;
use crate::pack::card::{self, Card};
use crate::pack::detail::{self, Detail};
use crate::pack::{DATASET, ERROR, MAGIC, SECTIONS, SHARD, VERSION};
use crate::wire::{self, Corrupt, Reader, U32s};
use crate::wording::fr as s;

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
    LoadError::new(LoadErrorKind::Pack, s::ERR_PACK_DAMAGED.to_string())
}

/// Checks the header; returns the kind of file.
fn kind(r: &mut Reader) -> Result<u8, LoadError> {
    if r.take(4).ok() != Some(&MAGIC[..]) {
        return Err(LoadError::new(
            LoadErrorKind::Pack,
            s::ERR_NOT_PACK.to_string(),
        ));
    }
    match r.u8() {
        Ok(VERSION) => r.u8().map_err(|_| damaged()),
        Ok(_) => Err(LoadError::new(
            LoadErrorKind::Pack,
            s::ERR_PACK_VERSION.to_string(),
        )),
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
        match self.details {
            Details::Sharded { per_shard, count } if i < self.len => {
                Some(i / per_shard).filter(|&k| k < count)
            }
            _ => None,
        }
    }
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
        detail::read_detail(item(&self.bytes, &self.table, &self.blob, k)?).ok()
    }
}
