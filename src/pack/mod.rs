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
//! record's [`detail`], both worded here ([`phrase`]). [`write()`] lays it
//! out; [`Pack::open`] and [`Shard::open`] read it back, checking every
//! offset.
//!
//! ```text
//! "PSLP" version kind
//! kind 0, a dataset:  section table (offset, length) × 7, then the sections:
//!   meta (records, records per shard, shards, records left out),
//!   vocabularies, problems, index, ids sorted, cards, details
//! kind 1, a file that could not be used: the error, as the page words it
//! kind 2, a shard of details: first record, count, details
//! ```
//! Cards and details are each a table of `u32` offsets into a blob. Every
//! byte is written down in docs/pack-format.md, and a golden pack under
//! tests/golden/ pins it: a change of layout without a new [`VERSION`]
//! fails a test.
//!
//! The pack knows the data, the engine's index and the wording; never the
//! view state or the browser.

pub mod card;
pub mod detail;
mod open;
pub mod phrase;
mod write;

pub use open::{Details, Pack, Shard};
pub use write::{from_json, write, write_error, Packed, Placement};

pub(crate) const MAGIC: &[u8; 4] = b"PSLP";
/// Bumped whenever the layout changes: a page never misreads an old pack.
pub const VERSION: u8 = 1;
pub(crate) const DATASET: u8 = 0;
pub(crate) const ERROR: u8 = 1;
pub(crate) const SHARD: u8 = 2;
pub(crate) const SECTIONS: usize = 7;

/// Records per detail shard: about 400 KB of details at the size of the
/// generated records, a few milliseconds to fetch and read.
pub const DEFAULT_SHARD_RECORDS: usize = 500;

/// The address of shard `k` of the pack at `url`: `records.pack` keeps its
/// shards in `records.pack.d/`.
pub fn shard_url(url: &str, k: usize) -> String {
    format!("{url}.d/{k}.pack")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::{load_json, LoadErrorKind, Loaded};
    use crate::data::validate;
    use crate::engine::facets;
    use crate::engine::filter::FilterState;
    use crate::wording::fr as s;

    fn bundled() -> Loaded {
        load_json(include_str!("../../data/passerelles.json")).unwrap()
    }

    #[test]
    fn the_bundled_dataset_round_trips() {
        let loaded = bundled();
        let packed = write(&loaded, Placement::Inline);
        assert!(packed.shards.is_empty());
        let pack = Pack::open(packed.main).unwrap();
        let c = &loaded.catalog;
        assert_eq!(pack.len(), c.entries.len());
        assert_eq!(pack.regions, c.regions);
        assert_eq!(pack.themes, c.themes);
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
            .into_iter()
            .map(|b| Shard::open(b).unwrap())
            .collect();
        for i in 0..n {
            assert!(pack.inline_detail(i).is_none());
            let k = pack.shard_of(i).unwrap();
            assert!(shards[k].detail(i).is_some(), "record {i} in shard {k}");
            assert!(shards[(k + 1) % shards.len()].detail(i).is_none());
        }
        assert_eq!(pack.shard_of(n), None);
        assert_eq!(
            shard_url("bench-data/r.pack", 3),
            "bench-data/r.pack.d/3.pack"
        );
    }

    #[test]
    fn problems_and_errors_travel_in_the_pack() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/all-invalid.json"
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
            s::ERR_NOT_PACK
        );
        let mut old = main.clone();
        old[4] = VERSION + 1;
        assert_eq!(Pack::open(old).unwrap_err().message, s::ERR_PACK_VERSION);
        // Cut anywhere: refused with the same message, never a panic.
        for cut in (0..main.len()).step_by(7) {
            let err = Pack::open(main[..cut].to_vec()).unwrap_err();
            assert!(
                [s::ERR_NOT_PACK, s::ERR_PACK_DAMAGED].contains(&err.message.as_str()),
                "cut at {cut}: {}",
                err.message
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn changed_bytes_never_panic(changes in proptest::collection::vec((0usize..1 << 20, proptest::prelude::any::<u8>()), 1..6)) {
            let mut main = write(&bundled(), Placement::Inline).main;
            let len = main.len();
            for (at, b) in changes {
                main[at % len] = b;
            }
            if let Ok(pack) = Pack::open(main) {
                for i in 0..pack.len() {
                    let id = pack.card(i).id.to_string();
                    let _ = pack.position(&id);
                    let _ = pack.inline_detail(i);
                }
                let _ = facets::run(&pack.index, &FilterState { query: "eco cpme".into(), ..Default::default() });
            }
        }
    }
}
