//! The search as a visitor uses it, on the bundled dataset and glossary and
//! on small fixtures: every word of every record finds it, in its own form
//! and in its other number; typos within the bounds; every acronym of the
//! glossary and its expansion find each other; relevance in its order.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use passerelles_core::data::catalog::{load_json, Entry, Loaded, RecordType};
use passerelles_core::data::glossary::{GlossaryEntry, TermKind};
use passerelles_core::engine::analyze;
use passerelles_core::engine::facets::{run, Outcome};
use passerelles_core::engine::filter::{FilterState, Sort};
use passerelles_core::engine::index::Index;
use passerelles_core::pack::{self, glossary, Pack, Placement};

/// The repository's root (this crate is two folders down).
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn bundled() -> Loaded {
    let text = std::fs::read_to_string(root().join("data/passerelles.json")).unwrap();
    let mut loaded = load_json(&text).unwrap();
    loaded.catalog.glossary = bundled_glossary();
    loaded
}

fn bundled_glossary() -> Vec<GlossaryEntry> {
    let text = std::fs::read_to_string(root().join("data/glossary.json")).unwrap();
    let (entries, problems) = passerelles_core::data::glossary::load_json(&text).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    entries
}

fn search(index: &Index, query: &str) -> Outcome {
    run(
        index,
        &FilterState {
            query: query.into(),
            sort: Sort::Relevance,
            ..Default::default()
        },
    )
}

fn found(index: &Index, query: &str) -> Vec<u32> {
    let mut r = search(index, query).results;
    r.sort_unstable();
    r
}

fn bundled_pack() -> (Loaded, Pack) {
    let loaded = bundled();
    let pack = Pack::open(pack::write(&loaded, Placement::Inline).main).unwrap();
    (loaded, pack)
}

#[test]
fn every_word_of_every_record_finds_it_in_its_own_form_and_its_other_number() {
    let (loaded, pack) = bundled_pack();
    let c = &loaded.catalog;
    let mut checked = 0;
    for i in 0..c.entries.len() {
        let (mut strong, mut other) = (String::new(), String::new());
        c.searchable_text(i, &mut strong, &mut other);
        let mut words = analyze::words(&strong);
        words.extend(analyze::words(&other));
        words.sort_unstable();
        words.dedup();
        for w in words {
            assert!(
                found(&pack.index, &w).contains(&(i as u32)),
                "{w:?} misses record {i}"
            );
            if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            // The plural of a singular, the singular of a plural.
            let other_number = match w.strip_suffix('s') {
                Some(singular) if !w.ends_with("ss") => singular.to_string(),
                Some(_) => continue,
                None if w.ends_with('x') => continue,
                None => format!("{w}s"),
            };
            assert!(
                found(&pack.index, &other_number).contains(&(i as u32)),
                "{other_number:?} (for {w:?}) misses record {i}"
            );
            checked += 1;
        }
    }
    assert!(checked > 400, "{checked} words checked");
}

#[test]
fn the_issues_examples() {
    let (_, pack) = bundled_pack();
    let ix = &pack.index;
    for (a, b) in [
        ("entreprises", "entreprise"),
        ("emplois", "emploi"),
        ("marchés publics", "marché public"),
        ("insrtion", "insertion"),
    ] {
        assert_eq!(found(ix, a), found(ix, b), "{a} / {b}");
        assert!(!found(ix, a).is_empty(), "{a}");
    }
    // "recycler" is in the text of the Recyc'matelas visit.
    let recyclage = found(ix, "recyclage");
    assert_eq!(recyclage.len(), 1);
    assert_eq!(recyclage, found(ix, "recycler"));
    let typo = search(ix, "insrtion");
    assert_eq!(typo.words[0].corrections, ["insertion"]);
    // Insertion par l'activité économique and IAE find each other.
    assert_eq!(
        found(ix, "IAE"),
        found(ix, "insertion par l'activité économique")
    );
}

#[test]
fn typos_within_their_bounds_and_none_for_short_words() {
    let (_, pack) = bundled_pack();
    let ix = &pack.index;
    for (typo, word) in [
        ("insrtion", "insertion"),
        ("insretion", "insertion"),
        ("entreprsies", "entreprises"),
        ("developement", "developpement"),
        ("econnomie", "economie"),
        ("solidiare", "solidaire"),
    ] {
        let o = search(ix, typo);
        assert_eq!(
            o.words[0].corrections.first().map(String::as_str),
            Some(word),
            "{typo}"
        );
        assert_eq!(found(ix, typo), found(ix, word), "{typo}");
    }
    // Two edits only from nine letters; none at all up to four: acronyms stay exact.
    assert!(search(ix, "insrtoin").words[0].corrections.is_empty());
    for short in ["cmpe", "iea", "ueds", "rse", "cfa"] {
        let o = search(ix, short);
        assert!(o.words[0].corrections.is_empty(), "{short}: {:?}", o.words);
    }
    assert!(found(ix, "cmpe").is_empty());
    // A word that matches something is never corrected.
    assert!(search(ix, "insertion").words[0].corrections.is_empty());
}

/// For every acronym with an expansion: a record holding only the acronym
/// and one holding only the expansion (or one of its forms) find each other.
#[test]
fn every_acronym_and_its_expansion_find_each_other() {
    let entries = bundled_glossary();
    let synonyms = glossary::synonyms(&entries);
    let mut checked = 0;
    for e in entries.iter().filter(|e| e.kind == TermKind::Acronym) {
        let Some(expansion) = &e.expansion else {
            continue;
        };
        for phrase in std::iter::once(expansion).chain(&e.forms) {
            let texts = [
                format!("Une rencontre avec l’{} hier.", e.term),
                format!("Une rencontre avec {phrase} hier."),
                "Rien à voir.".to_string(),
            ];
            let entries: Vec<Entry> = (0..3)
                .map(|i| Entry {
                    id: format!("r{i}"),
                    record_type: RecordType::Event,
                    title: format!("r{i}"),
                    date: None,
                    territory: vec![],
                    themes: vec![],
                })
                .collect();
            let ix = Index::from_parts(&entries, &[], &[], &synonyms, |i, _, o| {
                o.push_str(&texts[i])
            });
            assert_eq!(found(&ix, &e.term), [0, 1], "{} -> {phrase}", e.term);
            assert_eq!(found(&ix, phrase), [0, 1], "{phrase} -> {}", e.term);
            // The acronym itself ranks above its synonym.
            assert_eq!(search(&ix, &e.term).results, [0, 1]);
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
}

#[test]
fn relevance_ranks_strong_exact_then_stem_then_elsewhere_then_corrected() {
    // (title, other text, date): the dates would order them the other way.
    let records = [
        ("Atelier", "des entreprise d’insertion", "2020"),
        ("Forum des entreprises", "", "2010"),
        ("Forum", "les entreprises locales", "2019"),
        ("Une entreprise", "", "2011"),
        ("Salon", "une entreprse", "2021"),
        ("Visite", "rien", "2022"),
    ];
    let entries: Vec<Entry> = records
        .iter()
        .enumerate()
        .map(|(i, (title, _, date))| Entry {
            id: format!("r{i}"),
            record_type: RecordType::Agreement,
            title: title.to_string(),
            date: passerelles_core::data::date::When::parse(date).ok(),
            territory: vec![],
            themes: vec![],
        })
        .collect();
    let ix = Index::from_parts(&entries, &[], &[], &Default::default(), |i, s, o| {
        s.push_str(records[i].0);
        o.push_str(records[i].1);
    });
    // Exact in the title, stem in the title, exact elsewhere, stem elsewhere.
    assert_eq!(search(&ix, "entreprises").results, [1, 3, 2, 0]);
    // The other sorts still work on the same set.
    let by_date = run(
        &ix,
        &FilterState {
            query: "entreprises".into(),
            sort: Sort::Recent,
            ..Default::default()
        },
    );
    assert_eq!(by_date.results, [0, 2, 3, 1]);
    // A word that matches nothing is corrected, the closest first; the
    // records it then finds rank below any found without correction.
    let typo = search(&ix, "entreprsse");
    assert_eq!(typo.words[0].corrections[..2], ["entreprise", "entreprse"]);
    assert_eq!(typo.results, [4, 0, 2, 3, 1]);
    assert_eq!(search(&ix, "entreprises forum").results, [1, 2]);
}

#[test]
fn a_record_is_found_by_its_themes_labels_in_both_languages() {
    let (loaded, pack) = bundled_pack();
    let c = &loaded.catalog;
    let with_theme = |id: &str| -> Vec<u32> {
        (0..c.entries.len() as u32)
            .filter(|&i| c.entries[i as usize].themes.iter().any(|t| t == id))
            .collect()
    };
    let rse = with_theme("rse");
    assert!(!rse.is_empty());
    // "Responsabilité sociétale (RSE)" and "Corporate social responsibility (CSR)".
    for query in ["RSE", "CSR", "responsabilité sociétale"] {
        let got = found(&pack.index, query);
        for i in &rse {
            assert!(
                got.contains(i),
                "{query:?} misses record {i}, whose theme is rse"
            );
        }
    }
    let qpv = with_theme("qpv");
    let got = found(&pack.index, "quartiers prioritaires");
    assert!(qpv.iter().all(|i| got.contains(i)), "{got:?} / {qpv:?}");
}
