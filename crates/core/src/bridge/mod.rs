//! # What do the page's wasm modules say to each other?
//!
//! The page is four wasm modules: the page itself, the map and the timeline
//! (`passerelles-island`, fetched after the first paint), the code fetched on
//! demand (the embed dialog and the exports) and the JSON reader (for
//! `?data=` naming a JSON file); the editors' page (`passerelles-editor`)
//! is two more, the page and its worker. Each crossing between two of them
//! is one message defined here, once, for both sides:
//!
//! | message | from → to | module |
//! | --- | --- | --- |
//! | [`island::Dataset`] | page → island, once per dataset | [`island`] |
//! | [`island::Frame`] | page → island, after each render | [`island`] |
//! | [`island::Intent`] | island → page, through the address | [`island`] |
//! | [`ondemand::Call`] | page → on-demand module | [`ondemand`] |
//! | [`convert::Reply`] | JSON reader → page | [`convert`] |
//! | [`editor::Request`] | editors' page → its worker | [`editor`] |
//! | [`editor::Reply`] | the worker → editors' page | [`editor`] |
//!
//! Every message is bytes in the [`crate::wire`] encoding, opened by a
//! magic of four bytes (which message it is) and a version (`u16`): a side
//! built from another version of this file refuses the message
//! ([`Refused::Version`]) instead of misreading it. Adding a field is a new
//! version; `tests/bridge.rs` holds a golden encoding of each message, so
//! a field added on one side only fails a native test. Decoding never
//! panics and reads the whole message: noise, a truncated message, or bytes
//! left over are refused.
//!
//! Uses the state (the island's intents are applied by
//! [`crate::state::view::View::apply`], as the page's own clicks are), the
//! export formats and the wording's languages; nothing uses this layer but
//! the wasm crates.

pub mod convert;
pub mod editor;
pub mod island;
pub mod ondemand;

use crate::data::date::PartialDate;
use crate::wire::{Reader, Writer};

/// Why a message was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not this message at all (another magic, or too short to say).
    Magic,
    /// This message, written by another version of the bridge.
    Version { found: u16, expected: u16 },
    /// This message, damaged: truncated, a value out of range, or bytes
    /// left over after it.
    Corrupt,
}

impl From<crate::wire::Corrupt> for Refused {
    fn from(_: crate::wire::Corrupt) -> Refused {
        Refused::Corrupt
    }
}

/// A message's writer, its magic and version already written.
pub(crate) fn begin(magic: [u8; 4], version: u16) -> Writer {
    let mut w = Writer::new();
    for b in magic {
        w.u8(b);
    }
    w.u8(version as u8);
    w.u8((version >> 8) as u8);
    w
}

/// Reads `bytes` as the message `magic` of `version` with `body`, which
/// must read all of it.
pub(crate) fn read<'a, T>(
    bytes: &'a [u8],
    magic: [u8; 4],
    version: u16,
    body: impl FnOnce(&mut Reader<'a>) -> Result<T, Refused>,
) -> Result<T, Refused> {
    let mut r = Reader::new(bytes);
    let found = r.take(4).map_err(|_| Refused::Magic)?;
    if found != magic {
        return Err(Refused::Magic);
    }
    let found = u16::from(r.u8()?) | u16::from(r.u8()?) << 8;
    if found != version {
        return Err(Refused::Version {
            found,
            expected: version,
        });
    }
    let value = body(&mut r)?;
    if !r.is_done() {
        return Err(Refused::Corrupt);
    }
    Ok(value)
}

/// A date as precise as known, or none: a year (`i32`), then its month and
/// day (0 where not given).
pub(crate) fn write_date(w: &mut Writer, date: Option<PartialDate>) {
    w.bool(date.is_some());
    if let Some(d) = date {
        w.i32(d.year);
        w.u8(d.month.unwrap_or(0));
        w.u8(d.day.unwrap_or(0));
    }
}

pub(crate) fn read_date(r: &mut Reader) -> Result<Option<PartialDate>, Refused> {
    if !r.bool()? {
        return Ok(None);
    }
    let year = r.i32()?;
    let (month, day) = (r.u8()?, r.u8()?);
    // A day without its month, or out of the calendar, is no date the page writes.
    if month > 12 || day > 31 || (month == 0 && day != 0) {
        return Err(Refused::Corrupt);
    }
    Ok(Some(PartialDate {
        year,
        month: (month != 0).then_some(month),
        day: (day != 0).then_some(day),
    }))
}

#[cfg(test)]
pub(crate) mod arbitrary {
    //! Values of the messages for the property tests of each module.
    use crate::data::date::PartialDate;
    use proptest::prelude::*;

    pub fn date() -> impl Strategy<Value = Option<PartialDate>> {
        proptest::option::of(
            (-9999i32..=9999, proptest::option::of(1u8..=12), 1u8..=31).prop_map(
                |(year, month, day)| PartialDate {
                    year,
                    month,
                    day: month.map(|_| day),
                },
            ),
        )
    }

    pub fn text() -> impl Strategy<Value = String> {
        "\\PC{0,24}"
    }

    /// Every prefix of a message is refused, and so is noise: never a panic.
    pub fn refuses_damage<T: std::fmt::Debug>(
        bytes: &[u8],
        decode: impl Fn(&[u8]) -> Result<T, super::Refused>,
    ) {
        for end in 0..bytes.len() {
            assert!(
                decode(&bytes[..end]).is_err(),
                "a prefix of {end} bytes was read"
            );
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert_eq!(
            decode(&longer).err(),
            Some(super::Refused::Corrupt),
            "a byte left over was not refused"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_magic_or_version_is_refused_by_name() {
        let w = begin(*b"TEST", 3);
        let bytes = w.into_bytes();
        assert_eq!(read(&bytes, *b"TEST", 3, |_| Ok(())), Ok(()));
        assert_eq!(read(&bytes, *b"OTHR", 3, |_| Ok(())), Err(Refused::Magic));
        assert_eq!(
            read(&bytes, *b"TEST", 4, |_| Ok(())),
            Err(Refused::Version {
                found: 3,
                expected: 4
            })
        );
        assert_eq!(
            read(&bytes[..3], *b"TEST", 3, |_| Ok(())),
            Err(Refused::Magic)
        );
        assert_eq!(
            read(&bytes[..5], *b"TEST", 3, |_| Ok(())),
            Err(Refused::Corrupt)
        );
    }

    #[test]
    fn dates_keep_their_precision_and_refuse_impossible_parts() {
        for date in [
            None,
            Some(PartialDate {
                year: 2019,
                month: None,
                day: None,
            }),
            Some(PartialDate {
                year: 2019,
                month: Some(11),
                day: None,
            }),
            Some(PartialDate {
                year: -44,
                month: Some(3),
                day: Some(15),
            }),
        ] {
            let mut w = Writer::new();
            write_date(&mut w, date);
            let bytes = w.into_bytes();
            assert_eq!(read_date(&mut Reader::new(&bytes)), Ok(date));
        }
        let mut w = Writer::new();
        w.bool(true);
        w.i32(2019);
        w.u8(0);
        w.u8(5);
        assert_eq!(
            read_date(&mut Reader::new(w.as_bytes())),
            Err(Refused::Corrupt)
        );
    }
}
