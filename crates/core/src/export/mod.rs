//! # What can a visitor take away?
//!
//! What the list shows, in the tools people already use: a spreadsheet
//! ([`csv`]: UTF-8 with a byte-order mark, `;` between fields, as French
//! Excel and LibreOffice open it in columns), the data file's own shape
//! ([`json`], valid against `data/schema.json`), a calendar ([`ics`],
//! RFC 5545, one `VEVENT` per event dated to the day) and, at build time
//! only, feeds to subscribe to ([`feeds`]: a calendar of every event, one per
//! theme and per region, and an Atom feed of the records, [`atom`]).
//!
//! The page holds no raw record and no JSON writer: it has cards and
//! details worded at build time, and must stay small. So each record's piece
//! in each format (a CSV row, a `VEVENT` or the reason it has none, a JSON
//! record) is written here at build time, natively, and kept in an exports
//! file per format beside the pack ([`write_section`]; the pack seals it and
//! ties it to its build). When a visitor asks for an export, the page
//! fetches that one file once and only concatenates: [`assemble`] lays the
//! format's head, the pieces of the records shown in the order shown, and
//! its tail, adds the `VTIMEZONE`s the chosen events need, and counts the
//! events a calendar must leave out because they are known only to the
//! month or the year, or not dated at all. [`file_name`] says what is inside
//! (`passerelles-insertion-la-reunion-2019.csv`). The feeds are the same
//! assembly of the same pieces, for the records the page would show for
//! `?type=event&theme=…`, so a calendar subscribed to never disagrees with
//! the list.
//!
//! Addresses: record pages live at `fiches/<id>/` under the site's public
//! address, a build setting (`PASSERELLES_PUBLIC_URL`, checked by
//! [`public_base`]). Without it every address is relative to the site root,
//! and what must be absolute is left out (an iCalendar `URL`) or made of the
//! record id alone (an Atom `id`, a `urn:uuid:`).
//!
//! Pure: no web-sys, no clock, no randomness; the same data and the same
//! setting always give the same bytes (a pack's build id depends on them).
//! Uses the data, its wording, the engine (the feeds' selections, French
//! folding for file names) and the byte encoding; never the pack, the view
//! state or the browser.

mod assemble;
pub mod atom;
pub mod csv;
pub mod feeds;
pub mod ics;
pub mod json;
pub mod pages;
mod section;
pub mod web_calendars;

pub use assemble::{assemble, file_name, record_file_name, slug, Assembled, LeftOut};
pub use section::{write_section, write_section_in, Exports, Piece, Vague};

use crate::data::validate::is_http_url;

/// A format a visitor can export the results in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
    Ics,
}

impl Format {
    /// In the order a pack lists its exports files.
    pub const ALL: [Format; 3] = [Format::Csv, Format::Json, Format::Ics];

    /// The file extension, the name in the exports file's name, and the
    /// `data-export` hook of its button.
    pub fn key(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Ics => "ics",
        }
    }

    /// The format a key names (`csv`, `json`, `ics`).
    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
            Format::Ics => "text/calendar;charset=utf-8",
        }
    }

    /// Its place in [`Format::ALL`], which is also its byte in a file.
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// Why a public address was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseError {
    /// Not an http(s) address, or with spaces, controls or quotes in it.
    NotHttp,
    /// Record addresses are appended to it: it must name a folder.
    NoTrailingSlash,
    /// A query or a fragment would end up in the middle of every address.
    QueryOrFragment,
}

impl BaseError {
    /// Why, in the build tools' French.
    pub fn message(self) -> &'static str {
        match self {
            BaseError::NotHttp => "ce n'est pas une adresse http(s) sans espace ni guillemet",
            BaseError::NoTrailingSlash => "elle doit se terminer par « / »",
            BaseError::QueryOrFragment => "elle ne doit contenir ni « ? » ni « # »",
        }
    }
}

/// The site's public address as a base for absolute addresses, e.g.
/// `https://example.org/outils/passerelles/`: http(s) only, ending with `/`,
/// with nothing that would need escaping in an attribute or a CSV cell.
pub fn public_base(raw: &str) -> Result<&str, BaseError> {
    let raw = raw.trim();
    if !is_http_url(raw) || raw.contains(['"', '\'', '<', '>', '`']) {
        return Err(BaseError::NotHttp);
    }
    if raw.contains(['?', '#']) {
        return Err(BaseError::QueryOrFragment);
    }
    if !raw.ends_with('/') {
        return Err(BaseError::NoTrailingSlash);
    }
    Ok(raw)
}

/// The address of record `id`'s own page: under the public base when there
/// is one, else relative to the site root.
/// The glossary's page, from the site's root (written at build time).
pub const GLOSSARY_PAGE: &str = "glossaire/";
/// The editors' page, from the site's root (crates/editor; not indexed),
/// and its preview of the site with an editor's file.
pub const EDITORS_PAGE: &str = "editer/";
pub const EDITORS_PREVIEW: &str = "editer/apercu/";

pub fn record_page(base: Option<&str>, id: &str) -> String {
    let mut out = String::from(base.unwrap_or(""));
    out.push_str("fiches/");
    out.push_str(id);
    out.push('/');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_base_is_an_http_folder_or_nothing() {
        assert_eq!(
            public_base(" https://example.org/outils/passerelles/ "),
            Ok("https://example.org/outils/passerelles/")
        );
        assert_eq!(
            public_base("http://127.0.0.1:8080/"),
            Ok("http://127.0.0.1:8080/")
        );
        assert_eq!(
            public_base("https://example.org/outils"),
            Err(BaseError::NoTrailingSlash)
        );
        for bad in [
            "",
            "example.org/",
            "ftp://example.org/",
            "javascript:alert(1)//",
            "https://exa mple.org/",
            "https://example.org/\"onload=/",
        ] {
            assert_eq!(public_base(bad), Err(BaseError::NotHttp), "{bad}");
        }
        assert_eq!(
            public_base("https://example.org/?x=1/"),
            Err(BaseError::QueryOrFragment)
        );
    }

    #[test]
    fn record_pages_are_absolute_only_with_a_base() {
        assert_eq!(record_page(None, "ag-1"), "fiches/ag-1/");
        assert_eq!(
            record_page(Some("https://example.org/p/"), "ag-1"),
            "https://example.org/p/fiches/ag-1/"
        );
    }
}
