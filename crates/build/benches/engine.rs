//! The pure engine natively, on generated data (src/tools/synth/) at 1k, 10k and
//! 100k records: load (JSON parse + validation), pack write (what the build
//! does once), pack open (what the page does at every visit), filter with
//! every facet count for representative filters, and text search alone;
//! and the validator on the worst file for problem reporting (50,000
//! problems), in problems per second.
//! `make bench` runs it and folds the medians into its one table; speed is
//! measured here, never asserted by tests.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use divan::counter::ItemsCount;
use divan::Bencher;
use passerelles_core::data::catalog::{load_json, Loaded};
use passerelles_core::data::date::PartialDate;
use passerelles_core::engine::facets;
use passerelles_core::engine::filter::{FilterState, Sort};
use passerelles_core::engine::index::Index;
use passerelles_core::pack::{self, Pack, Placement};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 42;

/// The filters a visitor is likely to combine; names are what the table shows.
const FILTERS: [&str; 9] = [
    "none",
    "theme",
    "region+theme",
    "date range",
    "text",
    "combined",
    "text, relevance",
    "typo, relevance",
    "typo + theme, relevance",
];

fn main() {
    divan::main();
}

struct Fixture {
    json: String,
    loaded: Loaded,
    /// The main file of the pack, details in shards as `make bench` writes them.
    pack: Vec<u8>,
    index: Index,
}

/// Generated once per size and kept for the whole run.
fn fixture(n: usize) -> &'static Fixture {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Fixture>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap();
    cache.entry(n).or_insert_with(|| {
        let json =
            serde_json::to_string(&passerelles_build::tools::synth::generate(n, SEED)).unwrap();
        let mut loaded = load_json(&json).unwrap();
        assert!(loaded.problems.is_empty(), "generated data must be valid");
        // With the shipped glossary, as `make bench` packs it.
        let glossary = include_str!("../../../data/glossary.json");
        loaded.catalog.glossary = passerelles_core::data::glossary::load_json(glossary)
            .unwrap()
            .0;
        let pack = pack::write(&loaded, Placement::Auto).main;
        let index = Pack::open(pack.clone()).unwrap().index;
        Box::leak(Box::new(Fixture {
            json,
            loaded,
            pack,
            index,
        }))
    })
}

pub fn filter(name: &str) -> FilterState {
    let date = |s| Some(PartialDate::parse(s).unwrap());
    let mut f = FilterState::default();
    match name {
        "none" => {}
        "theme" => {
            f.themes.insert("insertion".into());
        }
        "region+theme" => {
            f.regions.insert("11".into());
            f.themes.insert("emploi".into());
        }
        "date range" => {
            f.from = date("2015-06");
            f.to = date("2019");
        }
        "text" => f.query = "économie".into(),
        // What the page runs while a query is active: the tiers of relevance too.
        "text, relevance" => {
            f.query = "entreprises solidaires".into();
            f.sort = Sort::Relevance;
        }
        // A word that matches none: corrected over the whole vocabulary.
        "typo, relevance" => {
            f.query = "insrtion".into();
            f.sort = Sort::Relevance;
        }
        "typo + theme, relevance" => {
            f.query = "acompagnement".into();
            f.themes.insert("emploi".into());
            f.sort = Sort::Relevance;
        }
        "combined" => {
            f.query = "insertion".into();
            f.regions.insert("84".into());
            f.themes.insert("jeunes".into());
            f.themes.insert("formation".into());
            f.from = date("2012");
            f.to = date("2020-06");
        }
        other => panic!("unknown filter {other}"),
    }
    f
}

/// JSON text to a validated catalog (what the page does before indexing).
#[divan::bench(args = SIZES, sample_count = 10)]
fn load(bencher: Bencher, n: usize) {
    let json = &fixture(n).json;
    bencher.bench(|| load_json(divan::black_box(json)).unwrap());
}

/// The whole pack (cards, details, index): done once, at build time.
#[divan::bench(args = SIZES, sample_count = 10)]
fn pack_write(bencher: Bencher, n: usize) {
    let loaded = &fixture(n).loaded;
    bencher.bench(|| pack::write(divan::black_box(loaded), Placement::Auto));
}

/// What the page does with the downloaded bytes before the first results.
#[divan::bench(args = SIZES, sample_count = 10)]
fn pack_open(bencher: Bencher, n: usize) {
    let bytes = &fixture(n).pack;
    bencher
        .with_inputs(|| bytes.clone())
        .bench_values(|b| Pack::open(b).unwrap());
}

/// Filtering, every facet count and the sorted result list: one `facets::run`.
#[divan::bench(consts = SIZES, args = FILTERS)]
fn filter_and_counts<const N: usize>(bencher: Bencher, name: &str) {
    let index = &fixture(N).index;
    let state = filter(name);
    bencher.bench(|| facets::run(index, divan::black_box(&state)));
}

/// Typo tolerance alone: the words within reach of a typed word, walked over
/// the whole vocabulary (its size is printed by `pack`).
#[divan::bench(consts = SIZES, args = ["insrtion", "acompagnement", "zzzzzzzz"])]
fn fuzzy_vocabulary<const N: usize>(bencher: Bencher, word: &str) {
    let search = fixture(N).index.search();
    bencher.bench(|| {
        passerelles_core::engine::fuzzy::within(
            divan::black_box(word.as_bytes()),
            passerelles_core::engine::analyze::max_edits(word),
            search.words(),
            |k| search.word(k).as_bytes(),
            |k| search.shared(k),
        )
    });
}

/// Search as the visitor types it, a keystroke at a time, nothing else set.
// Short prefixes ("d", "de", "con") match the most words: the worst case of
// a search as it is typed (once an ignored test of tests/engine.rs).
#[divan::bench(consts = SIZES, args = ["e", "d", "de", "con", "éco", "économie sociale", "cpme île", "entreprises", "insrtion", "recyclage"])]
fn text_search<const N: usize>(bencher: Bencher, query: &str) {
    let index = &fixture(N).index;
    let state = FilterState {
        query: query.into(),
        ..FilterState::default()
    };
    bencher.bench(|| facets::run(index, divan::black_box(&state)));
}

/// Records of tests/corpus/many-duplicates.json, each with the same id.
const DUPLICATES: usize = 50_000;

/// tests/corpus/many-duplicates.json as its case writes it (9 MB, 50,000
/// records with one id), built from the same template and manifest.
fn duplicates() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus/");
        let cases: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{corpus}cases.json")).unwrap())
                .unwrap();
        let case = cases["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["file"] == "many-duplicates.json")
            .expect("the case of 50,000 duplicate ids");
        let g = &case["generate"];
        assert_eq!(g["times"].as_u64(), Some(DUPLICATES as u64));
        let template =
            std::fs::read_to_string(format!("{corpus}{}", g["from"].as_str().unwrap())).unwrap();
        template
            .replace(
                g["replace"].as_str().unwrap(),
                &g["with"].as_str().unwrap().repeat(DUPLICATES),
            )
            .into_bytes()
    })
}

/// The validator on the file with the most problems: every one read,
/// located by line and column and written out, as `validate` prints them.
#[divan::bench(sample_count = 5)]
fn problems(bencher: Bencher) {
    let bytes = duplicates();
    bencher.counter(ItemsCount::new(DUPLICATES)).bench(|| {
        passerelles_build::tools::report::check("many-duplicates.json", divan::black_box(bytes))
    });
}
