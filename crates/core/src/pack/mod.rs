//! # What does the page download?
//!
//! The compact binary form of a dataset, a "pack": made at build time from
//! the editors' JSON (`cargo run --bin pack`, run by trunk before each
//! build), or in the page itself by the converter worker when `?data=`
//! names a JSON file.
//!
//! It holds what the page needs and nothing it would have to compute: the
//! vocabularies, the problems found in the JSON, the engine's index
//! ([`crate::engine::index`], search included), each record's [`card`] and,
//! inline or in separate shard files fetched when a record is opened, each
//! record's [`detail`], both worded here ([`phrase`]), and, inline or in
//! one file per format fetched when a visitor exports, what each record
//! contributes to a CSV, JSON or iCalendar export ([`crate::export`]).
//! [`write()`] lays it out; [`Pack::open`], [`Pack::open_shard`] and
//! [`Pack::open_exports`] read it back, checking every offset.
//!
//! A large dataset may be split ([`Placement::Split`]; `split.rs` writes
//! it, [`parts`] says what each file is): the page downloads a small boot
//! file first, enough to paint the first results and the panel with its
//! counts, then each part when the visit needs it ([`Pack::open_part`]).
//! Whole, one file costs less than the requests a split makes: a dataset
//! of a few hundred records stays whole.
//!
//! ```text
//! "PSLP" version kind
//! kind 0, a whole dataset:  build, section table (offset, length) × 10, then
//!   the sections: meta (records, records per shard, shards, records left
//!   out), vocabularies, problems, index, ids sorted, cards, details, shard
//!   seals, exports (inline, or the seal of each format's file), glossary
//! kind 1, a file that could not be used: the error, as the page words it
//! kind 2, a shard of details: build, first record, count, details
//! kind 3, the exports of one format: build, the export section
//! kind 4, a split dataset's boot file: build, section table × 8, then
//!   meta, vocabularies, problems, glossary, the default view's counts, its
//!   first cards, the directories (the search's chunks, the ids' blocks),
//!   the seal of every other file
//! kind 5, a part of a split dataset: build, part kind, number, its body
//! ```
//! Cards and details are each a table of `u32` offsets into a blob. Every
//! byte is written down in docs/pack-format.md, and a golden pack under
//! tests/golden/ pins it: a change of layout without a new [`VERSION`]
//! fails a test.
//!
//! The pack knows the data, the engine's index, the wording and the export
//! writers; never the view state or the browser.

pub mod card;
pub mod detail;
mod files;
pub mod glossary;
mod open;
pub mod parts;
mod split;
mod write;

// Phrasing moved to the wording layer, where the export writers use it too;
// the old path stays so the card and detail writers read as before.
pub use crate::wording::phrase;
pub use files::Packed;
pub use open::{open_exports_file, Details, ExportsAt, Pack, Shard, ShardError};
pub use parts::{part_name, Part};
pub use write::{from_json, write, write_error, write_for, Placement};

pub(crate) const MAGIC: &[u8; 4] = b"PSLP";
/// Bumped whenever the layout changes: a page never misreads an old pack.
/// 2: every file sealed by a digest, a build id tying shards to their pack,
/// shards named by their digest, the problems capped.
/// 3: each record's exported pieces (CSV, JSON, iCalendar), in a file per
/// format tied to the build like the shards, or inline.
/// 4: the search's strong and synonym postings, the glossary and its view.
/// 5: the glossary's view out (the glossary is a page of its own).
/// 6: dates the text only bounds (EDTF intervals): the card's status
/// ("annoncé"), bounds worded in cards and details, open ends in the
/// index, calendar pieces of events left out for them.
/// 7: the detail's themes as ids and its territory as region codes (the
/// page names and links them to their pages), and an event's web calendar
/// links (Google, Outlook) after its excerpts.
/// 8: a large dataset split into a boot file (kind 4) and parts (kind 5),
/// fetched as the visit needs them; a whole pack's layout is 7's.
pub const VERSION: u8 = 8;
pub(crate) const DATASET: u8 = 0;
pub(crate) const ERROR: u8 = 1;
pub(crate) const SHARD: u8 = 2;
pub(crate) const EXPORTS: u8 = 3;
pub(crate) const BOOT: u8 = 4;
pub(crate) const PART: u8 = 5;
/// Sections of a boot file.
pub(crate) const BOOT_SECTIONS: usize = 8;
/// Magic, version, kind and the digest of the rest.
pub(crate) const HEADER_BYTES: usize = 4 + 1 + 1 + 8;
pub(crate) const SECTIONS: usize = 10;
/// Problems a pack keeps (its meta says how many there were): the page
/// lists this many at most.
pub const PROBLEMS_KEPT: usize = 200;

/// Records per detail shard: about 400 KB of details at the size of the
/// generated records, a few milliseconds to fetch and read.
pub const DEFAULT_SHARD_RECORDS: usize = 500;

/// How a split pack cuts its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Records per shard of details.
    pub shard_records: usize,
    /// Cards per block: about 15 KB gzipped at 500 (31 bytes a generated
    /// card), so a list scrolled to its end fetches 200 files at 100,000
    /// records, and a sparse filter's first screen at most a dozen blocks.
    pub card_block: usize,
    /// Cards of the default view in the boot file: more than a tall screen
    /// of the list and its margin ([`crate::state::viewport`]).
    pub first_cards: usize,
    /// About this many bytes of words and postings per chunk of the search.
    pub chunk_bytes: usize,
    /// Ids per block.
    pub ids_block: usize,
}

impl Split {
    /// What `pack` writes: at 100,000 generated records, about 200 card
    /// blocks, 200 shards, 110 chunks, 25 id blocks and 4 index files
    /// (BENCHMARKS.md): a few hundred files, far under what static hosts
    /// allow (20,000 on Cloudflare Pages).
    pub const DEFAULT: Split = Split {
        shard_records: DEFAULT_SHARD_RECORDS,
        card_block: 500,
        first_cards: 40,
        chunk_bytes: 48 * 1024,
        ids_block: 4096,
    };
}

/// The file name of shard `k` whose digest is `seal`: named by its content,
/// so a cache can never hand a page the shard of another build under the
/// name it asks for.
pub fn shard_name(k: usize, seal: u64) -> String {
    format!("{k}-{seal:016x}.pack")
}

/// The address of that shard beside the pack at `url`: `records.pack`
/// keeps its shards in `records.pack.d/`.
pub fn shard_url(url: &str, k: usize, seal: u64) -> String {
    format!("{url}.d/{}", shard_name(k, seal))
}

/// The file name of the exports of `format` whose digest is `seal`, beside
/// the shards and named by content for the same reason.
pub fn exports_name(format: crate::export::Format, seal: u64) -> String {
    format!("exports-{}-{seal:016x}.pack", format.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::{load_json, Loaded};
    use crate::data::error::LoadErrorKind;
    use crate::data::validate;
    use crate::engine::facets;
    use crate::engine::filter::FilterState;
    use crate::wording::say as s;

    fn bundled() -> Loaded {
        load_json(include_str!("../../../../data/passerelles.json")).unwrap()
    }

    #[test]
    fn the_bundled_dataset_round_trips() {
        let loaded = bundled();
        let packed = write(&loaded, Placement::Inline);
        assert!(packed.shards.is_empty());
        let pack = Pack::open(packed.main).unwrap();
        let c = &loaded.catalog;
        assert_eq!(pack.len(), c.entries.len());
        // A pack holds the vocabularies in its own language only.
        let french = |mut r: crate::data::model::Region| {
            r.name_en = None;
            r
        };
        let themes = c.themes.iter().cloned().map(|mut t| {
            (t.label_en, t.description_en) = (None, None);
            t
        });
        assert_eq!(
            pack.regions,
            c.regions.iter().cloned().map(french).collect::<Vec<_>>()
        );
        assert_eq!(pack.themes, themes.collect::<Vec<_>>());
        // The English pack: the English labels where the data gives them.
        let mut en = loaded.clone();
        en.catalog = c.with_english_vocabularies();
        let english = Pack::open(write(&en, Placement::Inline).main).unwrap();
        let name = |p: &Pack, code: &str| {
            p.regions
                .iter()
                .find(|r| r.code == code)
                .map(|r| r.name.clone())
        };
        assert_eq!(name(&english, "53").as_deref(), Some("Brittany"));
        assert_eq!(
            name(&english, "84").as_deref(),
            Some("Auvergne-Rhône-Alpes")
        );
        assert_eq!(name(&pack, "53").as_deref(), Some("Bretagne"));
        assert!(english
            .themes
            .iter()
            .any(|t| t.label == "Work integration (IAE)"));
        assert_eq!(pack.skipped, 0);
        for (i, e) in c.entries.iter().enumerate() {
            assert_eq!(pack.card(i).id, e.id);
            assert_eq!(pack.card(i).title, e.title);
            assert_eq!(pack.position(&e.id), Some(i));
            assert!(pack.inline_detail(i).is_some());
        }
        assert_eq!(pack.position("nope"), None);
        assert_eq!(pack.position(""), None);
        let all = facets::run(&pack.index, &FilterState::default());
        assert_eq!(all.results.len(), c.entries.len());
    }

    #[test]
    fn details_can_live_in_shards() {
        let loaded = bundled();
        let packed = write(&loaded, Placement::Shards(4));
        let n = loaded.catalog.entries.len();
        assert_eq!(packed.shards.len(), n.div_ceil(4));
        let pack = Pack::open(packed.main).unwrap();
        let shards: Vec<Shard> = packed
            .shards
            .iter()
            .enumerate()
            .map(|(k, b)| pack.open_shard(k, b.clone()).unwrap())
            .collect();
        for i in 0..n {
            assert!(pack.inline_detail(i).is_none());
            let k = pack.shard_of(i).unwrap();
            assert!(shards[k].detail(i).is_some(), "record {i} in shard {k}");
            assert!(shards[(k + 1) % shards.len()].detail(i).is_none());
        }
        assert_eq!(pack.shard_of(n), None);
        let url = pack.shard_url("bench-data/r.pack", 2).unwrap();
        let name = url.strip_prefix("bench-data/r.pack.d/2-").unwrap();
        assert_eq!(name.len(), 16 + ".pack".len(), "{url}");
        assert_eq!(pack.shard_url("bench-data/r.pack", shards.len()), None);
    }

    #[test]
    fn a_shard_of_another_place_or_build_is_never_read_as_this_one() {
        let loaded = bundled();
        let packed = write(&loaded, Placement::Shards(4));
        let pack = Pack::open(packed.main.clone()).unwrap();
        // Swapped shards: whole and of this build, but not the one asked for.
        assert_eq!(
            pack.open_shard(0, packed.shards[1].clone()).unwrap_err(),
            ShardError::Stale
        );
        // New pack, old shards: the content changed, so did the build.
        let mut edited = loaded.clone();
        edited.catalog.agreements[0].excerpts[0]
            .text
            .push_str(" (modifié)");
        let rebuilt = write(&edited, Placement::Shards(4));
        let new_pack = Pack::open(rebuilt.main).unwrap();
        assert_ne!(new_pack.build, pack.build);
        assert_eq!(
            new_pack
                .open_shard(0, packed.shards[0].clone())
                .unwrap_err(),
            ShardError::Stale
        );
        assert_eq!(
            pack.open_shard(0, rebuilt.shards[0].clone()).unwrap_err(),
            ShardError::Stale
        );
        // Same JSON, same build: the id says what the content is.
        assert_eq!(
            Pack::open(write(&loaded, Placement::Shards(4)).main)
                .unwrap()
                .build,
            pack.build
        );
        // Truncated, a byte changed, or not a shard at all.
        let shard = &packed.shards[0];
        for cut in 0..shard.len() {
            assert_eq!(
                pack.open_shard(0, shard[..cut].to_vec()).unwrap_err(),
                ShardError::Damaged,
                "cut at {cut}"
            );
        }
        for at in 0..shard.len() {
            let mut b = shard.clone();
            b[at] ^= 0x10;
            assert!(pack.open_shard(0, b).is_err(), "byte {at}");
        }
        assert_eq!(
            pack.open_shard(0, packed.main.clone()).unwrap_err(),
            ShardError::Damaged
        );
    }

    #[test]
    fn exports_are_inline_with_inline_details_else_in_a_file_per_format() {
        use crate::export::{assemble, Format};
        let loaded = bundled();
        let n = loaded.catalog.entries.len();
        let all: Vec<u32> = (0..n as u32).collect();
        let inline = Pack::open(write(&loaded, Placement::Inline).main).unwrap();
        let packed = write(&loaded, Placement::Shards(4));
        assert_eq!(packed.exports.len(), Format::ALL.len());
        let pack = Pack::open(packed.main.clone()).unwrap();
        for format in Format::ALL {
            assert_eq!(inline.exports_url("d/p.pack", format), None);
            let here = inline.inline_exports(format).unwrap();
            assert!(pack.inline_exports(format).is_none());
            let url = pack.exports_url("d/p.pack", format).unwrap();
            assert_eq!(url, format!("d/p.pack.d/{}", packed.exports_name(format)));
            assert!(
                url.contains(&format!("/exports-{}-", format.key())),
                "{url}"
            );
            let file = packed.exports[format.slot()].clone();
            let there = pack.open_exports(format, file).unwrap();
            // The same pieces either way.
            assert_eq!(assemble(&here, &all, ""), assemble(&there, &all, ""));
            assert!(assemble(&there, &all, "").rows > 0);
        }
    }

    #[test]
    fn exports_of_another_format_build_or_damaged_are_refused() {
        use crate::export::Format;
        let loaded = bundled();
        let packed = write(&loaded, Placement::Shards(4));
        let pack = Pack::open(packed.main.clone()).unwrap();
        let csv = packed.exports[Format::Csv.slot()].clone();
        assert_eq!(
            pack.open_exports(Format::Json, csv.clone()).unwrap_err(),
            ShardError::Stale
        );
        let mut edited = loaded.clone();
        edited.catalog.events[0].title.push_str(" (modifié)");
        let rebuilt = write(&edited, Placement::Shards(4));
        assert_eq!(
            pack.open_exports(Format::Csv, rebuilt.exports[0].clone())
                .unwrap_err(),
            ShardError::Stale
        );
        // Another public address: other pieces, so another build.
        let public = write_for(&loaded, Placement::Shards(4), Some("https://e.org/"));
        assert_ne!(Pack::open(public.main).unwrap().build, pack.build);
        for cut in 0..csv.len() {
            assert!(pack.open_exports(Format::Csv, csv[..cut].to_vec()).is_err());
        }
        for at in (0..csv.len()).step_by(3) {
            let mut b = csv.clone();
            b[at] ^= 0x20;
            assert!(pack.open_exports(Format::Csv, b).is_err(), "byte {at}");
        }
        assert_eq!(
            pack.open_exports(Format::Csv, packed.shards[0].clone())
                .unwrap_err(),
            ShardError::Damaged
        );
        let inline = Pack::open(write(&loaded, Placement::Inline).main).unwrap();
        assert_eq!(
            inline.open_exports(Format::Csv, csv).unwrap_err(),
            ShardError::Damaged
        );
    }

    #[test]
    fn the_problems_kept_are_capped_and_counted() {
        let mut loaded = bundled();
        let problem = validate::Problem {
            record: Some("x".into()),
            path: "agreements[0].id".into(),
            message: "identifiant \"x\" en double".into(),
            inner: None,
            position: None,
            kept: false,
        };
        loaded.problems = vec![problem; PROBLEMS_KEPT * 3];
        let pack = Pack::open(write(&loaded, Placement::Inline).main).unwrap();
        assert_eq!(pack.problems.len(), PROBLEMS_KEPT);
        assert_eq!(pack.problems_total, PROBLEMS_KEPT * 3);
    }

    #[test]
    fn problems_and_errors_travel_in_the_pack() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/corpus/all-invalid.json"
        ))
        .unwrap();
        let loaded = load_json(&text).unwrap();
        let pack = Pack::open(from_json(text.as_bytes())).unwrap();
        assert_eq!(pack.problems, {
            let mut p = loaded.problems.clone();
            p.iter_mut().for_each(|p| p.inner = None);
            p
        });
        assert_eq!(pack.skipped, validate::skipped_records(&loaded.problems));

        let err = Pack::open(from_json(b"{\"regions\": [")).unwrap_err();
        assert_eq!(err.kind, LoadErrorKind::Content);
        assert!(err.line.is_some());
        assert_eq!(
            Pack::open(from_json(b"")).unwrap_err().message,
            crate::data::messages::ERR_EMPTY_FILE
        );
    }

    #[test]
    fn damaged_packs_are_refused_never_trusted() {
        let main = write(&bundled(), Placement::Inline).main;
        assert_eq!(
            Pack::open(b"{}".to_vec()).unwrap_err().message,
            s::ERR_NOT_PACK()
        );
        let mut old = main.clone();
        old[4] = VERSION + 1;
        assert_eq!(Pack::open(old).unwrap_err().message, s::ERR_PACK_VERSION());
        // Cut anywhere or any byte changed: refused with the same message,
        // never a panic, never a pack that reads otherwise.
        // Every byte of the header and the section table and the first
        // sections, then a sample of the rest (the property test below
        // changes bytes at random).
        let sample = |len: usize| (0..len.min(2048)).chain((2048..len).step_by(13));
        for at in sample(main.len()) {
            let mut b = main.clone();
            b[at] ^= 0x01;
            assert!(Pack::open(b).is_err(), "byte {at} changed");
        }
        for cut in sample(main.len()) {
            let err = Pack::open(main[..cut].to_vec()).unwrap_err();
            assert!(
                [s::ERR_NOT_PACK(), s::ERR_PACK_DAMAGED()].contains(&err.message.as_str()),
                "cut at {cut}: {}",
                err.message
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Any change to a pack or a shard either changes nothing or is
        /// refused: the page never shows another record's facts.
        #[test]
        fn changed_bytes_open_the_same_or_are_refused(
            in_shard in proptest::prelude::any::<bool>(),
            changes in proptest::collection::vec((0usize..1 << 20, proptest::prelude::any::<u8>()), 1..6),
        ) {
            let packed = write(&bundled(), Placement::Shards(4));
            let original = if in_shard { packed.shards[1].clone() } else { packed.main.clone() };
            let mut changed = original.clone();
            let len = changed.len();
            for (at, b) in changes {
                changed[at % len] = b;
            }
            let opened = if in_shard {
                let pack = Pack::open(packed.main).unwrap();
                pack.open_shard(1, changed.clone()).is_ok()
            } else {
                match Pack::open(changed.clone()) {
                    Ok(pack) => {
                        let _ = facets::run(&pack.index, &FilterState { query: "eco cpme".into(), ..Default::default() });
                        true
                    }
                    Err(_) => false,
                }
            };
            proptest::prop_assert!(!opened || changed == original, "a changed file opened");
        }
    }
}
