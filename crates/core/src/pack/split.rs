//! Writing a split pack: a large dataset as a boot file and parts, each
//! fetched when a moment of the visit needs it (see [`crate::pack::parts`]
//! for what each part is, docs/pack-format.md for every byte).
//!
//! The records are numbered in the default order (most recent first): the
//! default view's results are then the positions in order, its first cards
//! the first positions, a filter's first results mostly in the first card
//! blocks, and the default order costs no bytes at all. Everything written
//! per record (cards, details, exports, the index) follows that numbering.

use crate::data::catalog::{Entry, Loaded};
use crate::engine::facets;
use crate::engine::filter::FilterState;
use crate::engine::index::{self, Index};
use crate::engine::search::Search;
use crate::engine::vocabulary::Vocabulary;
use crate::export::{self, Format};
use crate::pack::detail::{self, Links};
use crate::pack::files::{problems_section, seal_of, sealed, vocabulary_section, Packed};
use crate::pack::parts::{Part, CARDS, IDS, ORDER, ORDERS, SETS, TYPOS, WORDS};
use crate::pack::{card, glossary, Split, BOOT, BOOT_SECTIONS, EXPORTS, HEADER_BYTES, PART, SHARD};
use crate::wire::{blob, digest, Writer};

/// The boot file and parts of `loaded`, the exports' addresses starting
/// with `base` when known.
pub(crate) fn write_split(loaded: &Loaded, split: &Split, base: Option<&str>) -> Packed {
    let catalog = &loaded.catalog;
    let n = catalog.entries.len();
    // Position `p` of the pack is record `order[p]` of the catalog.
    let order = index::default_order(&catalog.entries);
    let at = |p: usize| order[p] as usize;
    let entries: Vec<Entry> = (0..n).map(|p| catalog.entries[at(p)].clone()).collect();
    let codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
    let theme_ids: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
    let per_block = split.card_block.max(1);
    let per_shard = split.shard_records.max(1);

    // The index's parts.
    let (sets, orders) = index::write_parts(&entries, &codes, &theme_ids);
    let synonyms = glossary::synonyms(&catalog.glossary);
    let vocabulary = Vocabulary::build(n, &synonyms, |p, strong, other| {
        catalog.searchable_text(at(p), strong, other)
    });
    let chunks = vocabulary.chunks(split.chunk_bytes);
    let words: Vec<Vec<u8>> = chunks
        .iter()
        .map(|r| vocabulary.section_of(r.clone()))
        .collect();
    let typos = vocabulary.words_only();

    // Cards: the first ones in the boot file, all of them in blocks.
    let cards: Vec<Vec<u8>> = (0..n)
        .map(|p| {
            let mut w = Writer::new();
            card::write_card(&mut w, catalog, at(p));
            w.into_bytes()
        })
        .collect();
    let first_cards = blob(&cards[..split.first_cards.min(n)]);
    let card_blocks: Vec<Vec<u8>> = cards
        .chunks(per_block)
        .map(|block| {
            let mut w = Writer::new();
            w.usize(block.len());
            w.bytes(&blob(block));
            w.into_bytes()
        })
        .collect();

    // Ids, sorted, in blocks: where a record is, by its id.
    let mut by_id: Vec<usize> = (0..n).collect();
    by_id.sort_by(|&a, &b| entries[a].id.cmp(&entries[b].id));
    let id_runs: Vec<&[usize]> = by_id.chunks(split.ids_block.max(1)).collect();
    let id_firsts: Vec<&str> = id_runs
        .iter()
        .map(|run| entries[run[0]].id.as_str())
        .collect();
    let id_blocks: Vec<Vec<u8>> = id_runs
        .iter()
        .map(|run| {
            let mut w = Writer::new();
            w.usize(run.len());
            let mut previous = "";
            for &p in *run {
                let id = entries[p].id.as_str();
                let shared = previous
                    .bytes()
                    .zip(id.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let shared = (0..=shared)
                    .rev()
                    .find(|&k| id.is_char_boundary(k))
                    .unwrap_or(0);
                w.usize(shared);
                w.str(&id[shared..]);
                w.usize(p);
                previous = id;
            }
            w.into_bytes()
        })
        .collect();

    // Details in shards, exports in a file per format, as a whole pack's.
    let links = Links::new(catalog);
    let details: Vec<Vec<u8>> = (0..n)
        .map(|p| {
            let mut w = Writer::new();
            detail::write_detail(&mut w, catalog, &links, at(p), base);
            w.into_bytes()
        })
        .collect();
    let shard_blobs: Vec<Vec<u8>> = details.chunks(per_shard).map(blob).collect();
    let exports: Vec<Vec<u8>> = Format::ALL
        .iter()
        .map(|&f| export::write_section_in(f, catalog, base, &order))
        .collect();

    // The default view, counted by the index the page will read.
    let starts: Vec<u32> = chunks
        .iter()
        .map(|r| r.start as u32)
        .chain([vocabulary.len() as u32])
        .collect();
    let firsts: Vec<Box<str>> = chunks
        .iter()
        .skip(1)
        .map(|r| vocabulary.word(r.start).into())
        .collect();
    let search = Search::split(n, starts.clone(), firsts.clone()).expect("chunks in order");
    let index = Index::split(n, codes.clone(), theme_ids.clone(), search);
    index
        .add_sets(&sets)
        .expect("the sets just written read back");
    let outcome = facets::answer(&index, &FilterState::default()).expect("the sets are here");
    let mut default = Writer::new();
    default.usize(index.undated_count().unwrap_or(0) as usize);
    for counts in [
        outcome.regions.iter().map(|c| c.1).collect::<Vec<u32>>(),
        outcome.themes.iter().map(|c| c.1).collect(),
        outcome.types.iter().map(|c| c.1).collect(),
    ] {
        default.usize(counts.len());
        for c in counts {
            default.usize(c as usize);
        }
    }

    let mut meta = Writer::new();
    for v in [
        n,
        per_shard,
        validate_skipped(loaded),
        loaded.problems.len(),
        per_block,
        split.first_cards.min(n),
    ] {
        meta.usize(v);
    }
    let mut directories = Writer::new();
    directories.usize(vocabulary.len());
    directories.usize(starts.len());
    for s in &starts {
        directories.usize(*s as usize);
    }
    for list in [
        firsts.iter().map(|f| &**f).collect::<Vec<&str>>(),
        id_firsts,
    ] {
        directories.usize(list.len());
        for s in list {
            directories.str(s);
        }
    }
    let mut glossary_section = Writer::new();
    glossary::write(&mut glossary_section, &catalog.glossary);

    let sections = [
        meta.into_bytes(),
        vocabulary_section(catalog),
        problems_section(loaded),
        glossary_section.into_bytes(),
        default.into_bytes(),
        first_cards,
        directories.into_bytes(),
    ];
    // Every part, with its kind and number.
    let mut parts: Vec<(Part, u8, usize, Vec<u8>)> =
        vec![(Part::Index(index::Part::Sets), SETS, 0, sets)];
    for ((sort, number), body) in ORDERS.iter().zip(orders) {
        parts.push((Part::Index(index::Part::Order(*sort)), ORDER, *number, body));
    }
    parts.push((Part::Index(index::Part::Typos), TYPOS, 0, typos));
    for (k, body) in card_blocks.into_iter().enumerate() {
        parts.push((Part::Cards(k), CARDS, k, body));
    }
    for (k, body) in words.into_iter().enumerate() {
        parts.push((Part::Index(index::Part::Words(k)), WORDS, k, body));
    }
    for (k, body) in id_blocks.into_iter().enumerate() {
        parts.push((Part::Ids(k), IDS, k, body));
    }

    // What the dataset holds identifies the build: every section of the
    // boot file, every part, every shard and exports section.
    let mut content = Writer::new();
    for bytes in sections
        .iter()
        .chain(parts.iter().map(|p| &p.3))
        .chain(&shard_blobs)
        .chain(&exports)
    {
        content.u64(digest(bytes));
    }
    let build = digest(content.as_bytes());

    let part_files: Vec<(Part, Vec<u8>)> = parts
        .into_iter()
        .map(|(part, kind, number, body)| {
            let mut w = Writer::new();
            w.u64(build);
            w.u8(kind);
            w.usize(number);
            w.bytes(&body);
            (part, sealed(PART, w))
        })
        .collect();
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
    let export_files: Vec<Vec<u8>> = exports
        .iter()
        .map(|section| {
            let mut w = Writer::new();
            w.u64(build);
            w.bytes(section);
            sealed(EXPORTS, w)
        })
        .collect();

    // Where every part is: each file's seal, in the boot's own order.
    let seal = |file: &Vec<u8>| seal_of(file);
    let of_kind = |kind: u8| -> Vec<u64> {
        part_files
            .iter()
            .filter(|(p, _)| p.code().map(|c| c.0) == Some(kind))
            .map(|(_, f)| seal(f))
            .collect()
    };
    let mut seals = Writer::new();
    for kind in [SETS, ORDER, TYPOS] {
        for s in of_kind(kind) {
            seals.u64(s);
        }
    }
    for list in [
        of_kind(CARDS),
        of_kind(WORDS),
        of_kind(IDS),
        shards.iter().map(seal).collect(),
        export_files.iter().map(seal).collect(),
    ] {
        seals.usize(list.len());
        for s in list {
            seals.u64(s);
        }
    }

    let mut w = Writer::new();
    w.u64(build);
    let all: Vec<Vec<u8>> = sections.into_iter().chain([seals.into_bytes()]).collect();
    debug_assert_eq!(all.len(), BOOT_SECTIONS);
    // Offsets count from the file's first byte.
    let mut offset = HEADER_BYTES + 8 + BOOT_SECTIONS * 8;
    for section in &all {
        w.u32(offset as u32);
        w.u32(section.len() as u32);
        offset += section.len();
    }
    for section in &all {
        w.bytes(section);
    }
    Packed {
        main: sealed(BOOT, w),
        shards,
        exports: export_files,
        parts: part_files,
    }
}

/// Records left out of the JSON for their problems.
fn validate_skipped(loaded: &Loaded) -> usize {
    crate::data::validate::skipped_records(&loaded.problems)
}
