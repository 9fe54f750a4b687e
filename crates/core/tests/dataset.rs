//! The bundled dataset is valid, and every excerpt it cites is really in its source.
//!
//! The source documents sit outside the repository, in ../shared/seeds (as
//! on CI). The tests that read them are named `seeds_…`: `make test` runs
//! them when that folder is there, and otherwise skips them by that name and
//! says so (a clone alone, as a newcomer has it). Nothing else reads
//! ../shared at build or test time.

use std::path::{Path, PathBuf};

use passerelles_core::data::catalog::{load_json, RecordRef};
use passerelles_core::data::model::{Excerpt, Source};

/// The repository's root (this crate is two folders down).
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn dataset_text() -> String {
    std::fs::read_to_string(root().join("data/passerelles.json"))
        .expect("data/passerelles.json is readable")
}

/// Whitespace and typographic apostrophes vary between a text and its transcription;
/// the words must not.
fn normalise(s: &str) -> String {
    s.replace('’', "'")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn seeds_dir() -> PathBuf {
    let dir = root().join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "the source documents must sit in ../shared/seeds beside the repository (as on CI): {}\n\
         without them, skip these tests: cargo test -- --skip seeds_ (make test does)",
        dir.display()
    );
    dir
}

#[test]
fn bundled_dataset_has_no_problem() {
    let loaded = load_json(&dataset_text()).expect("the bundled dataset loads");
    assert!(
        loaded.problems.is_empty(),
        "problems: {:#?}",
        loaded.problems
    );
    assert_eq!(loaded.catalog.agreements.len(), 5);
    assert_eq!(loaded.catalog.events.len(), 7);
    assert_eq!(
        loaded.catalog.regions.len(),
        19,
        "18 regions and the national scope"
    );
}

#[test]
fn seeds_every_excerpt_and_title_is_in_its_source() {
    let loaded = load_json(&dataset_text()).unwrap();
    let seeds = seeds_dir();
    let check = |id: &str, source: &Source, excerpts: &[Excerpt]| {
        let path: &Path = source.file.as_ref();
        let text = std::fs::read_to_string(seeds.join(path))
            .unwrap_or_else(|e| panic!("{id}: source {} unreadable: {e}", source.file));
        let text = normalise(&text);
        assert!(!excerpts.is_empty(), "{id} cites no excerpt");
        for excerpt in excerpts {
            // "[…]" marks an elision inside an excerpt: each part must be verbatim.
            for part in excerpt.text.split("[…]") {
                let part = normalise(part);
                assert!(
                    text.contains(&part),
                    "{id}: excerpt not found in {}:\n{part}",
                    source.file
                );
            }
        }
        if let Some(title) = &source.title {
            assert!(
                text.contains(&normalise(title)),
                "{id}: source title not in {}",
                source.file
            );
        }
    };
    for i in 0..loaded.catalog.entries.len() {
        match loaded.catalog.record(i) {
            RecordRef::Agreement(a) => check(&a.id, &a.source, &a.excerpts),
            RecordRef::Event(e) => check(&e.id, &e.source, &e.excerpts),
        }
    }
}

/// Every glossary entry rests on excerpts that are in their sources word
/// for word (the validator checks that each expansion, form and definition
/// is in one of them).
#[test]
fn seeds_every_glossary_excerpt_is_in_its_source() {
    let text = std::fs::read_to_string(root().join("data/glossary.json")).unwrap();
    let (entries, problems) = passerelles_core::data::glossary::load_json(&text).unwrap();
    assert!(problems.is_empty(), "problems: {problems:#?}");
    assert!(entries.len() >= 30, "{} entries", entries.len());
    let seeds = seeds_dir();
    for e in &entries {
        assert!(!e.excerpts.is_empty(), "{}: no source", e.id);
        for x in &e.excerpts {
            let source = std::fs::read_to_string(seeds.join(&x.source))
                .unwrap_or_else(|err| panic!("{}: source {} unreadable: {err}", e.id, x.source));
            let source = normalise(&source);
            for part in x.text.split("[…]") {
                assert!(
                    source.contains(&normalise(part)),
                    "{}: excerpt not found in {}:\n{part}",
                    e.id,
                    x.source
                );
            }
        }
    }
}

#[test]
fn dates_written_in_the_text_appear_in_an_excerpt() {
    let loaded = load_json(&dataset_text()).unwrap();
    for i in 0..loaded.catalog.entries.len() {
        let (id, date, excerpts) = match loaded.catalog.record(i) {
            RecordRef::Agreement(a) => (&a.id, &a.date, &a.excerpts),
            RecordRef::Event(e) => (&e.id, &e.date, &e.excerpts),
        };
        if let Some(words) = &date.text {
            let words = normalise(words.trim_end_matches('…'));
            assert!(
                excerpts.iter().any(|x| normalise(&x.text).contains(&words)),
                "{id}: the date words {words:?} are in no excerpt"
            );
        }
        if date.value.is_none() {
            assert!(
                date.text.is_some() || date.note.is_some(),
                "{id}: an unknown date must say why"
            );
        }
    }
}
