//! The exports of one format as a pack keeps them: what goes around the
//! records (head, middle, tail, and for a calendar every `VTIMEZONE` it may
//! need), then each record's piece, found by its position without reading
//! the others.
//!
//! ```text
//! section := u8 format (0 csv, 1 json, 2 ics), varint records n,
//!            str head, str middle, str tail, count × str zone,
//!            a blob of n pieces
//! piece   := u8 tag, varint zone, str text
//! ```
//! Tags: 0 a row of the first list (a CSV row, a JSON agreement, an
//! all-day `VEVENT`), 1 a row of the second list (a JSON event), 2 a row
//! whose times are in zone `zone` (a timed `VEVENT`), 3 nothing in this
//! format (an agreement in a calendar), 4, 5, 6 an event left out of a
//! calendar because it is known only to the month, only to the year, or not
//! dated. `zone` is 0 and `text` empty unless the tag says otherwise.

use std::ops::Range;
use std::sync::Arc;

use crate::data::catalog::{Catalog, RecordRef};
use crate::export::{csv, ics, json, Format};
use crate::wire::{self, blob_item, open_blob, Corrupt, Reader, Writer};

/// How much of an event's date is known, when it is too little for a
/// calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vague {
    Month,
    Year,
    /// Dated by bounds only (an EDTF interval): no day to put it on.
    Bounded,
    Undated,
}

/// One record's piece of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A row of the first (or only) list.
    First(&'a str),
    /// A row of the second list: the events of a JSON export.
    Second(&'a str),
    /// A calendar event whose times are in zone `k` of [`Exports::zone`].
    Zoned(usize, &'a str),
    /// Nothing in this format: an agreement has no place in a calendar.
    Absent,
    /// An event a calendar leaves out, and why.
    LeftOut(Vague),
}

const FIRST: u8 = 0;
const SECOND: u8 = 1;
const ZONED: u8 = 2;
const ABSENT: u8 = 3;
const MONTH: u8 = 4;
const YEAR: u8 = 5;
const UNDATED: u8 = 6;
const BOUNDED: u8 = 7;

fn piece(tag: u8, zone: usize, text: &str) -> Vec<u8> {
    let mut w = Writer::new();
    w.u8(tag);
    w.usize(zone);
    w.str(text);
    w.into_bytes()
}

/// Writes the exports section of `format` for every record of `catalog`;
/// `base` is the site's public address, if known ([`crate::export::public_base`]).
pub fn write_section(format: Format, catalog: &Catalog, base: Option<&str>) -> Vec<u8> {
    let order: Vec<u32> = (0..catalog.entries.len() as u32).collect();
    write_section_in(format, catalog, base, &order)
}

/// [`write_section`] with the records numbered otherwise: piece `p` is
/// record `order[p]`'s (a split pack numbers its records in the default
/// order).
pub fn write_section_in(
    format: Format,
    catalog: &Catalog,
    base: Option<&str>,
    order: &[u32],
) -> Vec<u8> {
    let n = order.len();
    let (head, middle, tail, zones): (String, &str, &str, Vec<&str>) = match format {
        Format::Csv => (csv::header(), "", "", Vec::new()),
        Format::Json => (
            json::head(catalog, base),
            json::MIDDLE,
            json::TAIL,
            Vec::new(),
        ),
        Format::Ics => (
            ics::HEAD.to_string(),
            "",
            ics::TAIL,
            ics::Zone::ALL.iter().map(|&z| ics::vtimezone(z)).collect(),
        ),
    };
    let pieces: Vec<Vec<u8>> = order
        .iter()
        .map(|&i| i as usize)
        .map(|i| match format {
            Format::Csv => piece(FIRST, 0, &csv::row(catalog, i, base)),
            Format::Json => {
                let tag = match catalog.record(i) {
                    RecordRef::Agreement(_) => FIRST,
                    RecordRef::Event(_) => SECOND,
                };
                piece(tag, 0, &json::record(catalog, i))
            }
            Format::Ics => match ics::event(catalog, i, base) {
                ics::Calendar::Event(None, text) => piece(FIRST, 0, &text),
                ics::Calendar::Event(Some(zone), text) => piece(ZONED, zone.slot(), &text),
                ics::Calendar::NotEvent => piece(ABSENT, 0, ""),
                ics::Calendar::LeftOut(Vague::Month) => piece(MONTH, 0, ""),
                ics::Calendar::LeftOut(Vague::Year) => piece(YEAR, 0, ""),
                ics::Calendar::LeftOut(Vague::Undated) => piece(UNDATED, 0, ""),
                ics::Calendar::LeftOut(Vague::Bounded) => piece(BOUNDED, 0, ""),
            },
        })
        .collect();
    let mut w = Writer::new();
    w.u8(format.slot() as u8);
    w.usize(n);
    w.str(&head);
    w.str(middle);
    w.str(tail);
    w.usize(zones.len());
    for z in zones {
        w.str(z);
    }
    w.bytes(&wire::blob(&pieces));
    w.into_bytes()
}

/// The opened exports of one format.
#[derive(Debug)]
pub struct Exports {
    bytes: Arc<Vec<u8>>,
    format: Format,
    len: usize,
    head: String,
    middle: String,
    tail: String,
    zones: Vec<String>,
    table: Range<usize>,
    blob: Range<usize>,
}

impl Exports {
    /// Reads the section at `range` of `bytes`: what goes around the
    /// records is copied out (a few kilobytes), the pieces stay in place and
    /// are checked when read.
    pub fn open(bytes: Arc<Vec<u8>>, range: Range<usize>) -> wire::Result<Exports> {
        let section = bytes.get(range.clone()).ok_or(Corrupt)?;
        let mut r = Reader::new(section);
        let format = *Format::ALL.get(r.u8()? as usize).ok_or(Corrupt)?;
        let len = r.usize()?;
        let head = r.str()?.to_string();
        let middle = r.str()?.to_string();
        let tail = r.str()?.to_string();
        let zones = r.list(|r| r.str().map(str::to_string))?;
        let at = r.position();
        let (table, blob) = open_blob(&section[at..], range.start + at, len)?;
        Ok(Exports {
            bytes,
            format,
            len,
            head,
            middle,
            tail,
            zones,
            table,
            blob,
        })
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn head(&self) -> &str {
        &self.head
    }

    /// Between the two lists of a JSON export.
    pub fn middle(&self) -> &str {
        &self.middle
    }

    pub fn tail(&self) -> &str {
        &self.tail
    }

    /// The `VTIMEZONE` of zone `k`.
    pub fn zone(&self, k: usize) -> Option<&str> {
        self.zones.get(k).map(String::as_str)
    }

    pub fn zone_count(&self) -> usize {
        self.zones.len()
    }

    /// Record `i`'s piece; `None` when its bytes do not read as one of this
    /// format (a damaged file is refused whole by its seal before this).
    pub fn piece(&self, i: usize) -> Option<Piece<'_>> {
        let mut r = Reader::new(blob_item(&self.bytes, &self.table, &self.blob, i)?);
        let (tag, zone, text) = (r.u8().ok()?, r.usize().ok()?, r.str().ok()?);
        if !r.is_done() {
            return None;
        }
        let piece = match tag {
            FIRST => Piece::First(text),
            SECOND => Piece::Second(text),
            ZONED if zone < self.zones.len() => Piece::Zoned(zone, text),
            ABSENT => Piece::Absent,
            MONTH => Piece::LeftOut(Vague::Month),
            YEAR => Piece::LeftOut(Vague::Year),
            UNDATED => Piece::LeftOut(Vague::Undated),
            BOUNDED => Piece::LeftOut(Vague::Bounded),
            _ => return None,
        };
        let fits = match self.format {
            Format::Csv => matches!(piece, Piece::First(_)),
            Format::Json => matches!(piece, Piece::First(_) | Piece::Second(_)),
            Format::Ics => !matches!(piece, Piece::Second(_)),
        };
        fits.then_some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;

    fn opened(format: Format) -> Exports {
        let loaded = load_json(include_str!("../../../../data/passerelles.json")).unwrap();
        let bytes = write_section(format, &loaded.catalog, None);
        let len = bytes.len();
        Exports::open(Arc::new(bytes), 0..len).unwrap()
    }

    #[test]
    fn every_format_reads_back_one_piece_a_record() {
        for format in Format::ALL {
            let e = opened(format);
            assert_eq!(e.format(), format);
            assert_eq!(e.len(), 12);
            for i in 0..e.len() {
                assert!(e.piece(i).is_some(), "{format:?} {i}");
            }
            assert_eq!(e.piece(e.len()), None);
        }
        let ics = opened(Format::Ics);
        assert_eq!(ics.zone_count(), ics::Zone::ALL.len());
        assert!(ics.zone(0).unwrap().contains("TZID:Europe/Paris"));
        // The five agreements have no place in a calendar.
        assert_eq!(
            (0..5).map(|i| ics.piece(i)).collect::<Vec<_>>(),
            [Some(Piece::Absent); 5]
        );
    }

    #[test]
    fn a_damaged_section_is_refused_never_misread() {
        let loaded = load_json(include_str!("../../../../data/passerelles.json")).unwrap();
        let bytes = write_section(Format::Csv, &loaded.catalog, None);
        for cut in 0..bytes.len() {
            let b = bytes[..cut].to_vec();
            let len = b.len();
            assert!(Exports::open(Arc::new(b), 0..len).is_err(), "cut at {cut}");
        }
        let mut b = bytes.clone();
        b[0] = 7;
        let len = b.len();
        assert!(Exports::open(Arc::new(b), 0..len).is_err());
    }
}
