//! A split pack (format 8: a boot file, kind 4, and parts, kind 5) against
//! the whole pack of the same records: once every part it needs is in, it
//! shows the same cards, details and exports and answers every filter as
//! the whole pack does, its records numbered in the default order; before,
//! it says which parts it lacks; and a part that is not the one its boot
//! file lists (another part, another build, another version, cut short,
//! changed on the way) is refused, never read as this pack's.

use std::fs;
use std::path::Path;

use passerelles_core::data::catalog::{load_json, Loaded, RecordType};
use passerelles_core::data::date::PartialDate;
use passerelles_core::engine::facets::{self, Outcome};
use passerelles_core::engine::filter::{FilterState, Sort};
use passerelles_core::engine::index;
use passerelles_core::engine::set::Set;
use passerelles_core::export::{assemble, Format};
use passerelles_core::pack::{self, Pack, Packed, Part, Placement, ShardError, Split};
use proptest::prelude::*;

/// Small parts, so that even a dozen records make several of each.
const SMALL: Split = Split {
    shard_records: 5,
    card_block: 3,
    first_cards: 2,
    chunk_bytes: 300,
    ids_block: 4,
};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The bundled dataset with its glossary, as the `pack` tool reads them.
fn bundled() -> Loaded {
    let mut loaded =
        load_json(&fs::read_to_string(root().join("data/passerelles.json")).unwrap()).unwrap();
    let glossary = fs::read_to_string(root().join("data/glossary.json")).unwrap();
    loaded.catalog.glossary = passerelles_core::data::glossary::load_json(&glossary)
        .unwrap()
        .0;
    loaded
}

/// The split pack of `loaded`, opened, and its files.
fn split(loaded: &Loaded, split: Split) -> (Pack, Packed) {
    let packed = pack::write(loaded, Placement::Split(split));
    (Pack::open(packed.main.clone()).unwrap(), packed)
}

/// Takes in every part of `packed`, checking that the boot file lists each
/// ([`Pack::parts`]) and nothing else.
fn take_all(pack: &Pack, packed: &Packed) {
    let mut listed = pack.parts();
    for (part, file) in &packed.parts {
        pack.open_part(*part, file.clone())
            .unwrap_or_else(|e| panic!("{part:?}: {e:?}"));
        let at = listed.iter().position(|p| p == part);
        listed.remove(at.unwrap_or_else(|| panic!("{part:?} is not listed")));
    }
    assert!(listed.is_empty(), "listed, not written: {listed:?}");
}

/// Answers `filter`, taking in the parts it lacks first, as the page does.
fn answer(pack: &Pack, packed: &Packed, filter: &FilterState) -> Outcome {
    for _ in 0..4 {
        match pack.answer(filter) {
            Ok(outcome) => return outcome,
            Err(lacking) => {
                assert!(!lacking.is_empty());
                for part in lacking {
                    let file = packed
                        .parts
                        .iter()
                        .find(|(p, _)| *p == part)
                        .unwrap_or_else(|| panic!("{part:?} is no file of the pack"));
                    pack.open_part(part, file.1.clone()).unwrap();
                }
            }
        }
    }
    panic!("{filter:?} still lacks parts after four rounds")
}

/// The split outcome in the whole pack's numbering (`order[p]` is split
/// position `p`'s record).
fn renumbered(outcome: Outcome, order: &[u32]) -> Outcome {
    let n = order.len();
    let at = |p: u32| order[p as usize];
    Outcome {
        results: outcome.results.iter().map(|&p| at(p)).collect(),
        timeline: passerelles_core::engine::bitset::Bitset::from_positions(
            n,
            outcome.timeline.iter().map(|p| at(p as u32) as usize),
        ),
        ..outcome
    }
}

fn filters() -> Vec<FilterState> {
    let mut out = vec![FilterState::default()];
    for sort in Sort::ALL {
        out.push(FilterState {
            sort,
            ..FilterState::default()
        });
    }
    for query in [
        "insertion",
        "emploi",
        "iae",
        "insrtion",
        "economie sociale",
        "ess",
        "zzzz",
        "a",
    ] {
        for sort in [Sort::Relevance, Sort::Title] {
            out.push(FilterState {
                query: query.into(),
                sort,
                ..FilterState::default()
            });
        }
    }
    out.push(FilterState {
        themes: Set::from(["insertion".to_string()]),
        types: Set::from([RecordType::Event]),
        ..FilterState::default()
    });
    out.push(FilterState {
        regions: Set::from(["11".to_string()]),
        include_national: true,
        sort: Sort::Oldest,
        ..FilterState::default()
    });
    out.push(FilterState {
        from: PartialDate::parse("2015").ok(),
        to: PartialDate::parse("2019-06").ok(),
        include_undated: true,
        ..FilterState::default()
    });
    out.push(FilterState {
        from: PartialDate::parse("2010").ok(),
        strict: true,
        ..FilterState::default()
    });
    out
}

#[test]
fn a_split_pack_shows_and_answers_as_the_whole_one() {
    let loaded = bundled();
    let whole =
        Pack::open(pack::write(&loaded, Placement::Shards(SMALL.shard_records)).main).unwrap();
    let (pack, packed) = split(&loaded, SMALL);
    assert!(pack.is_split() && !whole.is_split());
    let n = whole.len();
    assert_eq!(pack.len(), n);
    assert!(
        n > SMALL.card_block * 3,
        "the bundled dataset has grown small"
    );
    let order = index::default_order(&loaded.catalog.entries);
    assert_eq!(pack.build, packed_build(&packed));

    // Before any part: the default view from the boot file alone, its
    // first cards, the vocabularies, the glossary, the counts.
    let first = pack.answer(&FilterState::default()).unwrap();
    let default = facets::run(&whole.index, &FilterState::default());
    assert_eq!(renumbered(first, &order), default);
    assert_eq!(pack.undated_count(), whole.undated_count());
    assert_eq!(
        (&pack.regions, &pack.themes),
        (&whole.regions, &whole.themes)
    );
    assert_eq!(pack.glossary, whole.glossary);
    assert_eq!(
        (pack.skipped, pack.problems_total, &pack.problems),
        (whole.skipped, whole.problems_total, &whole.problems)
    );
    for (p, &i) in order.iter().enumerate() {
        let here = p < SMALL.first_cards;
        assert_eq!(pack.card_part(p).is_none(), here, "card {p}");
        if here {
            assert_eq!(pack.card(p), whole.card(i as usize));
        } else {
            assert_eq!(pack.card(p), Default::default(), "no card before its block");
            assert_eq!(pack.card_part(p), Some(Part::Cards(p / SMALL.card_block)));
        }
    }
    // The rows of a list: the blocks they need, each once, first needed first.
    assert_eq!(pack.lacking_cards(0..SMALL.first_cards), []);
    assert_eq!(
        pack.lacking_cards([7, 1, 8, 0, 3]),
        [Part::Cards(2), Part::Cards(1)]
    );
    assert_eq!(whole.lacking_cards(0..n), []);
    assert_eq!(
        pack.answer(&FilterState {
            themes: Set::from(["emploi".to_string()]),
            ..FilterState::default()
        }),
        Err(vec![Part::Index(index::Part::Sets)])
    );
    // By id: the boot file's first cards at once, the others after their block.
    let id0 = whole.card(order[0] as usize).id.to_string();
    assert_eq!(pack.locate(&id0), Ok(Some(0)));
    let last = whole.card(order[n - 1] as usize).id.to_string();
    let Err(Part::Ids(_)) = pack.locate(&last) else {
        panic!("the last record's id needs its block");
    };

    // Every filter, its parts fetched as it asks.
    for f in filters() {
        let got = answer(&pack, &packed, &f);
        assert_eq!(
            renumbered(got, &order),
            facets::run(&whole.index, &f),
            "{f:?}"
        );
    }

    // Everything in: the same cards, ids, details, exports.
    take_all(&pack, &packed);
    for (p, &i) in order.iter().enumerate() {
        let i = i as usize;
        assert_eq!(pack.card(p), whole.card(i), "card {p}");
        assert_eq!(pack.card_part(p), None);
        assert_eq!(pack.locate(whole.card(i).id), Ok(Some(p)));
        assert_eq!(pack.position(whole.card(i).id), Some(p));
        let k = pack.shard_of(p).unwrap();
        let shard = pack
            .open_shard(k, packed.shards[k].clone())
            .unwrap_or_else(|e| panic!("shard {k}: {e:?}"));
        let wk = whole.shard_of(i).unwrap();
        let whole_shard = whole
            .open_shard(wk, shard_file(&loaded, wk))
            .unwrap_or_else(|e| panic!("whole shard {wk}: {e:?}"));
        assert_eq!(shard.detail(p), whole_shard.detail(i), "detail {p}");
    }
    assert_eq!(pack.locate("no-such-record"), Ok(None));
    assert_eq!(pack.locate(""), Ok(None));
    let whole_packed = pack::write(&loaded, Placement::Shards(SMALL.shard_records));
    for format in Format::ALL {
        let mine = pack
            .open_exports(format, packed.exports[format.slot()].clone())
            .unwrap();
        let theirs = whole
            .open_exports(format, whole_packed.exports[format.slot()].clone())
            .unwrap();
        let all: Vec<u32> = (0..n as u32).collect();
        assert_eq!(
            assemble(&mine, &all, "").text,
            assemble(&theirs, &order, "").text,
            "{format:?}"
        );
    }
}

/// The build a split pack's boot file names (after its header).
fn packed_build(packed: &Packed) -> u64 {
    u64::from_le_bytes(packed.main[14..22].try_into().unwrap())
}

/// Shard `k` of the whole pack of `loaded`.
fn shard_file(loaded: &Loaded, k: usize) -> Vec<u8> {
    pack::write(loaded, Placement::Shards(SMALL.shard_records)).shards[k].clone()
}

#[test]
fn every_part_has_a_name_of_its_own_and_its_seal() {
    let (pack, packed) = split(&bundled(), SMALL);
    let mut names: Vec<String> = (0..packed.parts.len())
        .map(|k| packed.part_name(k))
        .collect();
    let url = "data/passerelles.pack";
    for (k, (part, _)) in packed.parts.iter().enumerate() {
        assert_eq!(
            pack.part_url(url, *part),
            Some(format!("{url}.d/{}", names[k]))
        );
    }
    names.extend((0..packed.shards.len()).map(|k| packed.shard_name(k)));
    names.extend(Format::ALL.map(|f| packed.exports_name(f)));
    let count = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), count, "two files of one name");
    // The kinds of parts a dataset of a dozen records makes with small parts.
    let has = |f: &dyn Fn(&Part) -> bool| packed.parts.iter().filter(|(p, _)| f(p)).count();
    assert_eq!(has(&|p| *p == Part::Index(index::Part::Sets)), 1);
    assert_eq!(has(&|p| *p == Part::Index(index::Part::Typos)), 1);
    assert_eq!(has(&|p| matches!(p, Part::Index(index::Part::Order(_)))), 2);
    assert!(has(&|p| matches!(p, Part::Cards(_))) >= 4);
    assert!(has(&|p| matches!(p, Part::Ids(_))) >= 3);
    assert!(has(&|p| matches!(p, Part::Index(index::Part::Words(_)))) >= 3);
    // A whole pack has no parts.
    let whole = Pack::open(pack::write(&bundled(), Placement::Auto).main).unwrap();
    assert_eq!(whole.part_url(url, Part::Cards(0)), None);
    assert_eq!(
        whole.open_part(Part::Cards(0), packed.parts[0].1.clone()),
        Err(ShardError::Damaged)
    );
}

/// Another build of the same records: its glossary less an entry.
fn rebuilt() -> Loaded {
    let mut other = bundled();
    other.catalog.glossary.pop();
    other
}

#[test]
fn a_part_that_is_not_the_one_listed_is_refused() {
    let loaded = bundled();
    let (pack, packed) = split(&loaded, SMALL);
    let (_, other_build) = split(&rebuilt(), SMALL);
    assert_ne!(packed_build(&packed), packed_build(&other_build));
    for (k, (part, file)) in packed.parts.iter().enumerate() {
        // Another part of this very build.
        for (j, (_, another)) in packed.parts.iter().enumerate() {
            if j != k {
                assert!(
                    pack.open_part(*part, another.clone()).is_err(),
                    "{part:?} ← {j}"
                );
            }
        }
        // The same part of another build: stale.
        if let Some((_, theirs)) = other_build.parts.iter().find(|(p, _)| p == part) {
            if theirs != file {
                assert_eq!(
                    pack.open_part(*part, theirs.clone()),
                    Err(ShardError::Stale),
                    "{part:?}"
                );
            }
        }
        // Of another version of Passerelles: stale too.
        let mut older = file.clone();
        older[4] = pack::VERSION - 1;
        assert_eq!(pack.open_part(*part, older), Err(ShardError::Stale));
        // Cut short, or a byte changed on the way: damaged.
        for cut in [0, 4, 13, 14, 22, file.len() / 2, file.len() - 1] {
            assert_eq!(
                pack.open_part(*part, file[..cut].to_vec()),
                Err(ShardError::Damaged),
                "{part:?} cut at {cut}"
            );
        }
        for at in [14, 22, file.len() - 1] {
            let mut changed = file.clone();
            changed[at] ^= 0x41;
            assert_eq!(
                pack.open_part(*part, changed),
                Err(ShardError::Damaged),
                "{part:?}, byte {at}"
            );
        }
        // A shard or an exports file is no part.
        assert!(pack.open_part(*part, packed.shards[0].clone()).is_err());
        assert!(pack.open_part(*part, packed.exports[0].clone()).is_err());
    }
    // Nothing refused was taken in: no card beyond the boot file's, no
    // answer but the default view, no id.
    for p in SMALL.first_cards..pack.len() {
        assert_eq!(pack.card(p), Default::default());
        assert!(pack.card_part(p).is_some());
    }
    assert!(pack
        .answer(&FilterState {
            sort: Sort::Title,
            ..FilterState::default()
        })
        .is_err());
    assert!(pack
        .answer(&FilterState {
            query: "insertion".into(),
            ..FilterState::default()
        })
        .is_err());
    // Parts of no such number.
    for part in [
        Part::Cards(1000),
        Part::Ids(1000),
        Part::Index(index::Part::Words(1000)),
        Part::Index(index::Part::Order(Sort::Recent)),
        Part::Index(index::Part::Order(Sort::Relevance)),
    ] {
        assert_eq!(pack.part_url("x", part), None);
        assert_eq!(
            pack.open_part(part, packed.parts[0].1.clone()),
            Err(ShardError::Damaged)
        );
    }
    // The right files, after all that: taken in, and read as the whole pack.
    take_all(&pack, &packed);
    let whole = Pack::open(pack::write(&loaded, Placement::Auto).main).unwrap();
    let order = index::default_order(&loaded.catalog.entries);
    for (p, &i) in order.iter().enumerate() {
        assert_eq!(pack.card(p), whole.card(i as usize));
    }
    // A part already here stays as it was, whatever comes after.
    let (part, _) = &packed.parts[packed.parts.len() - 1];
    assert!(pack
        .open_part(*part, other_build.parts[0].1.clone())
        .is_err());
}

#[test]
fn a_damaged_boot_file_is_refused() {
    let (_, packed) = split(&bundled(), SMALL);
    let boot = &packed.main;
    for cut in (0..boot.len()).step_by(7).chain([boot.len() - 1]) {
        assert!(Pack::open(boot[..cut].to_vec()).is_err(), "cut at {cut}");
    }
    for at in (4..boot.len()).step_by(5) {
        let mut changed = boot.clone();
        changed[at] ^= 0x10;
        assert!(Pack::open(changed).is_err(), "byte {at}");
    }
}

#[test]
fn a_split_pack_is_written_the_same_every_time() {
    let loaded = bundled();
    let a = pack::write(&loaded, Placement::Split(SMALL));
    let b = pack::write(&loaded, Placement::Split(SMALL));
    assert!(a.main == b.main && a.parts == b.parts && a.shards == b.shards);
    // The default split of a dozen records: one block of each kind.
    let (pack, packed) = split(&loaded, Split::DEFAULT);
    assert_eq!(
        packed
            .parts
            .iter()
            .filter(|(p, _)| matches!(p, Part::Cards(_)))
            .count(),
        1
    );
    assert_eq!(pack.card_part(pack.len() - 1), None);
    for p in 0..pack.len() {
        assert!(!pack.card(p).id.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the sizes of the parts, a split pack with all its parts in
    /// answers as the whole one.
    #[test]
    fn any_cut_of_the_parts_answers_as_the_whole_pack(
        card_block in 1usize..8,
        first_cards in 0usize..14,
        chunk_bytes in prop::sample::select(vec![1usize, 64, 500, 5_000, 1 << 20]),
        ids_block in 1usize..6,
        shard_records in 1usize..8,
        filter in 0usize..30,
    ) {
        let loaded = bundled();
        let cut = Split { shard_records, card_block, first_cards, chunk_bytes, ids_block };
        let (pack, packed) = split(&loaded, cut);
        let whole = Pack::open(pack::write(&loaded, Placement::Auto).main).unwrap();
        let order = index::default_order(&loaded.catalog.entries);
        let filters = filters();
        let f = &filters[filter % filters.len()];
        let got = answer(&pack, &packed, f);
        prop_assert_eq!(renumbered(got, &order), facets::run(&whole.index, f));
        take_all(&pack, &packed);
        for (p, &i) in order.iter().enumerate() {
            prop_assert_eq!(pack.card(p), whole.card(i as usize));
            prop_assert_eq!(pack.locate(whole.card(i as usize).id), Ok(Some(p)));
        }
    }
}
