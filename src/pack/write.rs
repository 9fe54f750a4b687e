//! Writing a pack: a dataset's cards, details and index laid out as the
//! format says (see [`crate::pack`] and docs/pack-format.md), or a file that
//! could not be used, packed so the page can say why.

use crate::data::catalog::{LoadError, LoadErrorKind, Loaded};
use crate::data::validate;
use crate::engine::index;
use crate::pack::detail::{self, Links};
use crate::pack::{card, DATASET, DEFAULT_SHARD_RECORDS, ERROR, MAGIC, SECTIONS, SHARD, VERSION};
use crate::wire::Writer;

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
        card::write_card(&mut cards, catalog, i);
        card_offsets.push(cards.len() as u32);
    }
    let details: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            let mut w = Writer::new();
            detail::write_detail(&mut w, catalog, &links, i);
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
    // The validator's own reading: a file in another encoding gets its message.
    match crate::data::catalog::load_bytes(bytes) {
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
