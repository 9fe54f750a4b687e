//! Split packs (format 8) of generated datasets (`tools::synth`, what
//! `gen-data` writes for `make bench`): at a few thousand records, the
//! split pack shows and answers as the whole one; at 10,000 and 100,000,
//! what each file weighs, printed, not asserted (figures, not timed tests):
//!
//! ```text
//! cargo test --release -p passerelles-build --test split -- --ignored --nocapture
//! ```
//!
//! Sizes are gzip -9's, as BENCHMARKS.md measures every download.

use std::io::Write;
use std::process::{Command, Stdio};

use passerelles_build::tools::synth;
use passerelles_core::data::catalog::{load_bytes, Loaded};
use passerelles_core::engine::facets;
use passerelles_core::engine::filter::{FilterState, Sort};
use passerelles_core::engine::index;
use passerelles_core::engine::set::Set;
use passerelles_core::pack::{self, Pack, Packed, Part, Placement, Split};

/// `records` generated records, seed 42 (`gen-data`'s default), loaded.
fn generated(records: usize) -> Loaded {
    let json = serde_json::to_vec(&synth::generate(records, 42)).unwrap();
    load_bytes(&json).unwrap()
}

/// Answers `filter`, taking in the parts it lacks first, as the page does;
/// the parts it took in.
fn answer(pack: &Pack, packed: &Packed, filter: &FilterState) -> (facets::Outcome, Vec<Part>) {
    let mut took = Vec::new();
    for _ in 0..4 {
        match pack.answer(filter) {
            Ok(outcome) => return (outcome, took),
            Err(lacking) => {
                for part in lacking {
                    let file = &packed.parts.iter().find(|(p, _)| *p == part).unwrap().1;
                    pack.open_part(part, file.clone()).unwrap();
                    took.push(part);
                }
            }
        }
    }
    panic!("{filter:?} still lacks parts")
}

#[test]
fn a_generated_split_pack_answers_as_the_whole_one() {
    let loaded = generated(3_000);
    let cut = Split {
        card_block: 200,
        chunk_bytes: 16 * 1024,
        ids_block: 512,
        ..Split::DEFAULT
    };
    let packed = pack::write(&loaded, Placement::Split(cut));
    let boot = Pack::open(packed.main.clone()).unwrap();
    let whole = Pack::open(pack::write(&loaded, Placement::Auto).main).unwrap();
    let order = index::default_order(&loaded.catalog.entries);
    let theme = whole.themes[0].id.clone();
    let region = whole.regions[1].code.clone();
    let filters = [
        FilterState::default(),
        FilterState {
            themes: Set::from([theme]),
            ..FilterState::default()
        },
        FilterState {
            regions: Set::from([region]),
            include_national: true,
            sort: Sort::Title,
            ..FilterState::default()
        },
        FilterState {
            query: "economie sociale".into(),
            ..FilterState::default()
        },
        FilterState {
            query: "recyclage".into(),
            sort: Sort::Oldest,
            ..FilterState::default()
        },
        FilterState {
            query: "insertoin".into(),
            ..FilterState::default()
        },
        FilterState {
            query: "a".into(),
            ..FilterState::default()
        },
    ];
    for f in &filters {
        let (got, _) = answer(&boot, &packed, f);
        let want = facets::run(&whole.index, f);
        let results: Vec<u32> = got.results.iter().map(|&p| order[p as usize]).collect();
        assert_eq!(results, want.results, "{f:?}");
        assert_eq!(
            (&got.regions, &got.themes, &got.types, &got.words),
            (&want.regions, &want.themes, &want.types, &want.words),
            "{f:?}"
        );
    }
    for (k, (part, file)) in packed.parts.iter().enumerate() {
        // Whatever is already in, a part stays as it came; the others now.
        let _ = boot.open_part(*part, file.clone());
        assert!(!packed.part_name(k).is_empty());
    }
    for (p, &i) in order.iter().enumerate() {
        assert_eq!(boot.card(p), whole.card(i as usize), "card {p}");
    }
}

/// `bytes`, gzipped by `gzip -9`.
fn gzipped(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip");
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out.stdout.len()
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// The files of one kind of part: how many, all of them gzipped, the
/// largest gzipped.
fn of_kind(packed: &Packed, kind: impl Fn(&Part) -> bool) -> (usize, usize, usize) {
    let sizes: Vec<usize> = packed
        .parts
        .iter()
        .filter(|(p, _)| kind(p))
        .map(|(_, f)| gzipped(f))
        .collect();
    (
        sizes.len(),
        sizes.iter().sum(),
        sizes.iter().copied().max().unwrap_or(0),
    )
}

/// Which parts a row of the table counts.
type Kind = fn(&Part) -> bool;

#[test]
#[ignore]
fn split_pack_sizes_at_10_000_and_100_000_records() {
    for records in [10_000, 100_000] {
        let loaded = generated(records);
        let whole = pack::write(&loaded, Placement::Auto);
        let split = pack::write(&loaded, Placement::Split(Split::DEFAULT));
        let boot = Pack::open(split.main.clone()).unwrap();
        println!("\n{records} generated records (seed 42), gzip -9:");
        println!(
            "  whole pack (kind 0)          {:>10} ({} raw)",
            kb(gzipped(&whole.main)),
            kb(whole.main.len())
        );
        println!(
            "  boot file (kind 4)           {:>10} ({} raw)",
            kb(gzipped(&split.main)),
            kb(split.main.len())
        );
        let rows: [(&str, Kind); 6] = [
            ("index: sets and days", |p| {
                *p == Part::Index(index::Part::Sets)
            }),
            ("index: other orders", |p| {
                matches!(p, Part::Index(index::Part::Order(_)))
            }),
            ("typo words", |p| *p == Part::Index(index::Part::Typos)),
            ("word chunks", |p| {
                matches!(p, Part::Index(index::Part::Words(_)))
            }),
            ("card blocks", |p| matches!(p, Part::Cards(_))),
            ("id blocks", |p| matches!(p, Part::Ids(_))),
        ];
        for (name, kind) in &rows {
            let (count, all, largest) = of_kind(&split, *kind);
            println!(
                "  {name:<28} {:>10} in {count} file(s), the largest {}",
                kb(all),
                kb(largest)
            );
        }
        let files = 1 + split.parts.len() + split.shards.len() + split.exports.len();
        println!(
            "  files in all: {files} (parts {}, shards {}, exports {})",
            split.parts.len(),
            split.shards.len(),
            split.exports.len()
        );
        // What the first theme click needs beyond the boot file: the sets.
        let theme = FilterState {
            themes: Set::from([boot.themes[0].id.clone()]),
            ..FilterState::default()
        };
        let (_, took) = answer(&boot, &split, &theme);
        let part_bytes = |parts: &[Part]| -> usize {
            parts
                .iter()
                .map(|part| gzipped(&split.parts.iter().find(|(p, _)| p == part).unwrap().1))
                .sum()
        };
        println!(
            "  boot + first theme click: {} ({:?})",
            kb(gzipped(&split.main) + part_bytes(&took)),
            took
        );
        let (_, took) = answer(
            &boot,
            &split,
            &FilterState {
                query: "insertion".into(),
                ..FilterState::default()
            },
        );
        println!(
            "  a search for \"insertion\" then: {} more ({} chunk(s))",
            kb(part_bytes(&took)),
            took.len()
        );
    }
}
