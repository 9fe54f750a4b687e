//! Writing a pack: a dataset's cards, details and index laid out as the
//! format says (see [`crate::pack`] and docs/pack-format.md), or a file that
//! could not be used, packed so the page can say why.

use crate::data::catalog::Loaded;
use crate::data::error::{LoadError, LoadErrorKind};
use crate::data::validate;
use crate::engine::index;
use crate::export::{self, Format};
use crate::pack::detail::{self, Links};
use crate::pack::glossary;
use crate::pack::{
    card, DATASET, DEFAULT_SHARD_RECORDS, ERROR, EXPORTS, HEADER_BYTES, MAGIC, PROBLEMS_KEPT,
    SECTIONS, SHARD, VERSION,
};
use crate::wire::{blob, digest, Writer};

/// The files a dataset packs into.
#[derive(Debug, Clone)]
pub struct Packed {
    pub main: Vec<u8>,
    /// Detail shards, in order; empty when the details are inline.
    pub shards: Vec<Vec<u8>>,
    /// The exports files, in [`Format::ALL`] order; empty when inline.
    pub exports: Vec<Vec<u8>>,
}

impl Packed {
    /// The file name of shard `k`, in the main file's `.d/` folder.
    pub fn shard_name(&self, k: usize) -> String {
        crate::pack::shard_name(k, seal_of(&self.shards[k]))
    }

    /// The file name of the exports of `format`, beside the shards.
    pub fn exports_name(&self, format: Format) -> String {
        crate::pack::exports_name(format, seal_of(&self.exports[format.slot()]))
    }
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

/// The pack of a catalog, its addresses relative (no public address known).
pub fn write(loaded: &Loaded, placement: Placement) -> Packed {
    write_for(loaded, placement, None)
}

/// The pack of a catalog whose site is published at `base` (see
/// [`crate::export::public_base`]), which the exports' addresses start with.
/// The exports follow the details: inline with them, else in files.
pub fn write_for(loaded: &Loaded, placement: Placement, base: Option<&str>) -> Packed {
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
            detail::write_detail(&mut w, catalog, &links, i, base);
            w.into_bytes()
        })
        .collect();
    let per_shard = match placement {
        Placement::Shards(k) => k.max(1),
        Placement::Inline => 0,
        Placement::Auto => DEFAULT_SHARD_RECORDS,
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

    // The page lists a few hundred problems at most; a file with 50,000 of
    // them must not make a pack of megabytes of messages (the total is in
    // the meta section).
    let mut problems = Writer::new();
    let kept = &loaded.problems[..loaded.problems.len().min(PROBLEMS_KEPT)];
    problems.usize(kept.len());
    for p in kept {
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
        vocab.as_bytes(),
        problems.as_bytes(),
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
        vocab.into_bytes(),
        problems.into_bytes(),
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

/// A file of this kind: the header, the digest of the body, the body.
fn sealed(kind: u8, body: Writer) -> Vec<u8> {
    let body = body.into_bytes();
    let mut w = Writer::new();
    w.bytes(MAGIC);
    w.u8(VERSION);
    w.u8(kind);
    w.u64(digest(&body));
    w.bytes(&body);
    w.into_bytes()
}

/// The digest a sealed file carries (what a pack lists for each shard).
fn seal_of(file: &[u8]) -> u64 {
    let mut seal = [0u8; 8];
    seal.copy_from_slice(&file[HEADER_BYTES - 8..HEADER_BYTES]);
    u64::from_le_bytes(seal)
}
