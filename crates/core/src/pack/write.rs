//! Writing a pack: a dataset's cards, details and index laid out as the
//! format says (see [`crate::pack`] and docs/pack-format.md), or a file that
//! could not be used, packed so the page can say why.

use crate::data::catalog::Loaded;
use crate::data::error::{LoadError, LoadErrorKind};
use crate::data::validate;
use crate::engine::index;
use crate::export::{self, Format};
use crate::pack::detail::{self, Links};
use crate::pack::files::{problems_section, seal_of, sealed, vocabulary_section, Packed};
use crate::pack::glossary;
use crate::pack::{
    card, split, Split, DATASET, DEFAULT_SHARD_RECORDS, ERROR, EXPORTS, HEADER_BYTES, SECTIONS,
    SHARD,
};
use crate::wire::{blob, digest, Writer};

/// Where a pack puts the records' details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In shards of [`DEFAULT_SHARD_RECORDS`]: the list needs none of the
    /// details, so a visitor downloads a record's details (most of a
    /// dataset's bytes: its excerpts) only on opening it, as Pagefind
    /// downloads only the fragments a search shows. Whole whatever the
    /// size, until the page fetches a split pack's parts: then a large
    /// dataset will be split here (see [`Placement::Split`]).
    Auto,
    /// In the main file (the converter has nowhere else to put them).
    Inline,
    /// Shards of this many records.
    Shards(usize),
    /// A boot file (kind 4) and parts (kind 5) fetched as the visit needs
    /// them, whatever the size (see [`crate::pack::parts`]); the records
    /// numbered in the default order.
    Split(Split),
}

/// The pack of a catalog, its addresses relative (no public address known).
pub fn write(loaded: &Loaded, placement: Placement) -> Packed {
    write_for(loaded, placement, None)
}

/// The pack of a catalog whose site is published at `base` (see
/// [`crate::export::public_base`]), which the exports' addresses start with.
/// The exports follow the details: inline with them, else in files.
pub fn write_for(loaded: &Loaded, placement: Placement, base: Option<&str>) -> Packed {
    let catalog = &loaded.catalog;
    if let Placement::Split(parts) = placement {
        return split::write_split(loaded, &parts, base);
    }
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
            detail::write_detail(&mut w, catalog, &links, i, base);
            w.into_bytes()
        })
        .collect();
    let per_shard = match placement {
        Placement::Shards(k) => k.max(1),
        Placement::Inline => 0,
        Placement::Auto | Placement::Split(_) => DEFAULT_SHARD_RECORDS,
    };
    // Each shard's blob of details, before the build's id is known.
    let shard_blobs: Vec<Vec<u8>> = if per_shard == 0 {
        Vec::new()
    } else {
        details.chunks(per_shard).map(blob).collect()
    };
    let inline = if per_shard == 0 {
        blob(&details)
    } else {
        blob(&[])
    };
    let exports: Vec<Vec<u8>> = Format::ALL
        .iter()
        .map(|&f| export::write_section(f, catalog, base))
        .collect();

    let mut meta = Writer::new();
    meta.usize(n);
    meta.usize(per_shard);
    meta.usize(shard_blobs.len());
    meta.usize(validate::skipped_records(&loaded.problems));
    meta.usize(loaded.problems.len());

    let vocab = vocabulary_section(catalog);
    let problems = problems_section(loaded);

    let codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
    let themes: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
    let synonyms = glossary::synonyms(&catalog.glossary);
    let index = index::write(&catalog.entries, &codes, &themes, &synonyms, |i, s, o| {
        catalog.searchable_text(i, s, o)
    });
    let mut glossary_section = Writer::new();
    glossary::write(&mut glossary_section, &catalog.glossary);

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

    // What the dataset holds, details included, identifies the build: the
    // same JSON gives the same id, any change of content another one.
    let mut content = Writer::new();
    for part in [
        meta.as_bytes(),
        &vocab,
        &problems,
        &index,
        ids.as_bytes(),
        card_section.as_bytes(),
        &inline,
        glossary_section.as_bytes(),
    ] {
        content.u64(digest(part));
    }
    for b in shard_blobs.iter().chain(&exports) {
        content.u64(digest(b));
    }
    let build = digest(content.as_bytes());

    let shards: Vec<Vec<u8>> = shard_blobs
        .iter()
        .enumerate()
        .map(|(k, details)| {
            let mut w = Writer::new();
            w.u64(build);
            w.usize(k);
            w.usize(k * per_shard);
            w.usize(per_shard.min(n - k * per_shard));
            w.bytes(details);
            sealed(SHARD, w)
        })
        .collect();
    let mut shard_section = Writer::new();
    for s in &shards {
        shard_section.u64(seal_of(s));
    }
    // Inline with the details, or a file per format, fetched only when a
    // visitor exports in it (the first visit needs none of them).
    let (exports_section, export_files) = if per_shard == 0 {
        (blob(&exports), Vec::new())
    } else {
        let files: Vec<Vec<u8>> = exports
            .iter()
            .map(|section| {
                let mut w = Writer::new();
                w.u64(build);
                w.bytes(section);
                sealed(EXPORTS, w)
            })
            .collect();
        let mut seals = Writer::new();
        for f in &files {
            seals.u64(seal_of(f));
        }
        (seals.into_bytes(), files)
    };

    let sections = [
        meta.into_bytes(),
        vocab,
        problems,
        index,
        ids.into_bytes(),
        card_section.into_bytes(),
        inline,
        shard_section.into_bytes(),
        exports_section,
        glossary_section.into_bytes(),
    ];
    let mut w = Writer::new();
    w.u64(build);
    // Offsets count from the file's first byte.
    let mut at = HEADER_BYTES + 8 + SECTIONS * 8;
    for section in &sections {
        w.u32(at as u32);
        w.u32(section.len() as u32);
        at += section.len();
    }
    for section in &sections {
        w.bytes(section);
    }
    Packed {
        main: sealed(DATASET, w),
        shards,
        exports: export_files,
        parts: Vec::new(),
    }
}

/// A file the page could not use, packed so the page can say why.
pub fn write_error(e: &LoadError) -> Vec<u8> {
    let mut w = Writer::new();
    w.u8(match e.kind {
        LoadErrorKind::NotFound => 0,
        LoadErrorKind::Unreachable => 1,
        LoadErrorKind::Content => 2,
        LoadErrorKind::Pack => 3,
    });
    w.str(&e.message);
    w.usize(e.line.unwrap_or(0));
    w.usize(e.column.unwrap_or(0));
    sealed(ERROR, w)
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
