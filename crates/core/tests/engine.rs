//! The indexed engine against a reference written the plain way: per-record
//! string folding, direct predicates, counts by re-running the filter with one
//! facet value. Whatever the index precomputes, the answers must be these.
#![cfg(not(target_arch = "wasm32"))]

use std::cmp::Reverse;
use std::path::PathBuf;

use proptest::prelude::*;

use passerelles_core::data::catalog::{load_json, Entry, RecordType};
use passerelles_core::data::date::{civil, day_number, days_in_month, PartialDate, When};
use passerelles_core::data::model::NATIONAL;
use passerelles_core::engine::analyze;
use passerelles_core::engine::bitset::Bitset;
use passerelles_core::engine::facets::{answer, approximate, run, Outcome};
use passerelles_core::engine::filter::{FilterState, Sort};
use passerelles_core::engine::fold;
use passerelles_core::engine::index::{self, Index, Part};
use passerelles_core::engine::search::{QueryWord, Search, Synonym, Synonyms};
use passerelles_core::engine::set::Set;
use passerelles_core::engine::timeline::{histogram, Months, Scale};
use passerelles_core::engine::vocabulary::Vocabulary;
use std::collections::BTreeSet;

/// A record's searchable text: strong fields, the rest.
type Text = (String, String);

/// The plain edit table (optimal string alignment), for one pair.
fn osa(a: &[u8], b: &[u8]) -> usize {
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in t.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in t[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (t[i - 1][j] + 1)
                .min(t[i][j - 1] + 1)
                .min(t[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(t[i - 2][j - 2] + 1);
            }
            t[i][j] = v;
        }
    }
    t[a.len()][b.len()]
}

/// The synonym words of one text, found the plain way: every position
/// against every term (as written) and every phrase (by stems).
fn synonym_words(text: &str, glossary: &[Synonym]) -> BTreeSet<String> {
    thread_local! {
        // The same texts come back for every state of a case: found once.
        static SEEN: std::cell::RefCell<std::collections::HashMap<(String, usize), BTreeSet<String>>> =
            Default::default();
    }
    let key = (text.to_string(), glossary.len());
    if let Some(found) = SEEN.with(|s| s.borrow().get(&key).cloned()) {
        return found;
    }
    let found = synonym_words_of(text, glossary);
    SEEN.with(|s| s.borrow_mut().insert(key, found.clone()));
    found
}

fn synonym_words_of(text: &str, glossary: &[Synonym]) -> BTreeSet<String> {
    let mut spans = Vec::new();
    analyze::each_word(text, |w, r| spans.push((w.to_string(), r)));
    let stems: Vec<String> = spans
        .iter()
        .map(|(w, _)| analyze::stem(w).into_owned())
        .collect();
    let mut out = BTreeSet::new();
    for g in glossary {
        let phrase_words = g.phrases.iter().flat_map(|p| analyze::words(p));
        let term_words = g.terms.iter().flat_map(|t| analyze::words(t));
        let has_term = g.terms.iter().any(|t| {
            let n = analyze::words(t).len();
            (0..spans.len()).any(|i| {
                i + n <= spans.len()
                    && n > 0
                    && &text[spans[i].1.start..spans[i + n - 1].1.end] == t
            })
        });
        let has_phrase = g.phrases.iter().any(|p| {
            let ps: Vec<String> = analyze::words(p)
                .iter()
                .map(|w| analyze::stem(w).into_owned())
                .collect();
            !ps.is_empty() && stems.windows(ps.len()).any(|w| w == ps.as_slice())
        });
        if has_term {
            out.extend(phrase_words);
        }
        if has_phrase {
            out.extend(term_words);
        }
    }
    out
}

/// What `run` must answer, computed without the index, and for each
/// record whether the date range keeps it only maybe (what
/// `facets::approximate` must say).
fn reference(
    entries: &[Entry],
    texts: &[Text],
    glossary: &[Synonym],
    codes: &[String],
    themes: &[String],
    s: &FilterState,
) -> (Outcome, Vec<bool>) {
    let strong: Vec<BTreeSet<String>> = texts
        .iter()
        .map(|t| analyze::words(&t.0).into_iter().collect())
        .collect();
    let all: Vec<BTreeSet<String>> = texts
        .iter()
        .map(|t| {
            analyze::words(&t.0)
                .into_iter()
                .chain(analyze::words(&t.1))
                .collect()
        })
        .collect();
    let with_synonyms: Vec<BTreeSet<String>> = texts
        .iter()
        .zip(&all)
        .map(|(t, a)| {
            let mut w = a.clone();
            w.extend(synonym_words(&t.0, glossary));
            w.extend(synonym_words(&t.1, glossary));
            w
        })
        .collect();
    let vocabulary: BTreeSet<&String> = with_synonyms.iter().flatten().collect();
    let mut query: Vec<String> = Vec::new();
    for w in analyze::words(&s.query) {
        if !query.contains(&w) {
            query.push(w);
        }
    }
    let words: Vec<QueryWord> = query
        .iter()
        .map(|q| {
            let known = vocabulary
                .iter()
                .any(|w| w.starts_with(q.as_str()) || analyze::stem(w) == analyze::stem(q));
            let k = analyze::max_edits(q) as usize;
            let mut near: Vec<(usize, &String)> = if known || k == 0 {
                Vec::new()
            } else {
                vocabulary
                    .iter()
                    .map(|w| (osa(q.as_bytes(), w.as_bytes()), *w))
                    .filter(|(e, _)| *e <= k)
                    .collect()
            };
            near.sort();
            near.truncate(16);
            QueryWord {
                word: q.clone(),
                corrections: near.into_iter().map(|(_, w)| w.clone()).collect(),
            }
        })
        .collect();
    // How well record i matches: its worst word's level, 0 best, None when
    // some word does not match at all.
    let level = |i: usize| -> Option<u8> {
        let mut worst = 0;
        for q in &words {
            let w = &q.word;
            let near =
                |x: &String| x.starts_with(w.as_str()) || analyze::stem(x) == analyze::stem(w);
            let l = if strong[i].contains(w) {
                0
            } else if strong[i].iter().any(near) {
                1
            } else if all[i].contains(w) {
                2
            } else if with_synonyms[i].iter().any(near) {
                3
            } else if q.corrections.iter().any(|c| {
                with_synonyms[i]
                    .iter()
                    .any(|w| w == c || analyze::stem(w) == analyze::stem(c))
            }) {
                4
            } else {
                return None;
            };
            worst = worst.max(l);
        }
        Some(worst)
    };
    let text_ok = |i: usize| level(i).is_some();
    let region_ok = |i: usize, selected: &Set<String>| {
        selected.is_empty()
            || entries[i].territory.iter().any(|c| selected.contains(c))
            || (s.include_national && entries[i].is_national())
    };
    let theme_ok = |i: usize, selected: &Set<String>| {
        selected.is_empty() || entries[i].themes.iter().any(|t| selected.contains(t))
    };
    let type_ok = |i: usize, selected: &Set<RecordType>| {
        selected.is_empty() || selected.contains(&entries[i].record_type)
    };
    // The days a record may be on, one by one. An open end reaches past
    // every day the tests' periods name (2010 to 2021): 2010 and 2027 stand
    // for "without end".
    let days = |d: When| {
        let (start, end) = match d {
            When::On(d) => (Some(d), Some(d)),
            When::Between(a, b) => (a.date(), b.date()),
        };
        let far = |y: &str| PartialDate::parse(y).unwrap();
        start.unwrap_or(far("2010")).first_day()..=end.unwrap_or(far("2027")).last_day()
    };
    let in_period = |day: i32| {
        s.from.is_none_or(|f| day >= f.first_day()) && s.to.is_none_or(|t| day <= t.last_day())
    };
    // (kept, approximate) by the date range, counting days; `None` undated.
    let by_date: Vec<Option<(bool, bool)>> = entries
        .iter()
        .map(|e| {
            if !s.date_active() {
                return Some((true, false));
            }
            let d = e.date?;
            let some = days(d).any(in_period);
            let all = days(d).all(in_period);
            Some(if s.strict {
                (all, false)
            } else {
                (some, some && !all)
            })
        })
        .collect();
    let dated_ok = |i: usize| by_date[i].map(|(kept, _)| kept);
    let date_ok = |i: usize| dated_ok(i).unwrap_or(s.include_undated);
    let matches = |i: usize, r: &Set<String>, t: &Set<String>, y: &Set<RecordType>| {
        text_ok(i) && date_ok(i) && region_ok(i, r) && theme_ok(i, t) && type_ok(i, y)
    };
    let count = |f: &dyn Fn(usize) -> bool| (0..entries.len()).filter(|&i| f(i)).count() as u32;
    let one = |v: &String| Set::from([v.clone()]);

    let regions = codes
        .iter()
        .map(|c| {
            (
                c.clone(),
                count(&|i| matches(i, &one(c), &s.themes, &s.types)),
            )
        })
        .collect();
    let theme_counts = themes
        .iter()
        .map(|t| {
            (
                t.clone(),
                count(&|i| matches(i, &s.regions, &one(t), &s.types)),
            )
        })
        .collect();
    let types = RecordType::ALL
        .iter()
        .map(|&t| {
            (
                t,
                count(&|i| matches(i, &s.regions, &s.themes, &Set::from([t]))),
            )
        })
        .collect();
    let undated_excluded = if s.date_active() && !s.include_undated {
        count(&|i| {
            entries[i].date.is_none()
                && text_ok(i)
                && region_ok(i, &s.regions)
                && theme_ok(i, &s.themes)
                && type_ok(i, &s.types)
        })
    } else {
        0
    };

    let mut results: Vec<usize> = (0..entries.len())
        .filter(|&i| matches(i, &s.regions, &s.themes, &s.types))
        .collect();
    let title = |i: usize| fold::tokens(&entries[i].title).join(" ");
    let day = |i: usize| entries[i].date.map(|d| d.sort_day());
    match s.effective_sort() {
        Sort::Relevance => results.sort_by_key(|&i| {
            (
                level(i),
                day(i).is_none(),
                Reverse(day(i)),
                title(i),
                entries[i].id.clone(),
                i,
            )
        }),
        Sort::Recent => results.sort_by_key(|&i| {
            (
                day(i).is_none(),
                Reverse(day(i)),
                title(i),
                entries[i].id.clone(),
                i,
            )
        }),
        Sort::Oldest => {
            results.sort_by_key(|&i| (day(i).is_none(), day(i), title(i), entries[i].id.clone(), i))
        }
        Sort::Title => results.sort_by_key(|&i| (title(i), entries[i].id.clone(), i)),
    }
    let n = entries.len();
    let approximate = (0..n)
        .map(|i| by_date[i].is_some_and(|(_, approximate)| approximate))
        .collect();
    let timeline = Bitset::from_positions(
        n,
        (0..n).filter(|&i| {
            text_ok(i) && region_ok(i, &s.regions) && theme_ok(i, &s.themes) && type_ok(i, &s.types)
        }),
    );
    let outcome = Outcome {
        results: results.into_iter().map(|i| i as u32).collect(),
        regions,
        themes: theme_counts,
        types,
        undated_excluded,
        words,
        timeline,
    };
    (outcome, approximate)
}

/// `run` and `approximate` against the reference: the outcome, or what
/// differs.
fn check_against(
    index: &Index,
    s: &FilterState,
    (want, approx): (Outcome, Vec<bool>),
) -> Result<Outcome, String> {
    let got = run(index, s);
    if got != want {
        return Err(format!("{s:?}\n got {got:?}\nwant {want:?}"));
    }
    for &i in &got.results {
        if approximate(index, s, i as usize) != approx[i as usize] {
            return Err(format!(
                "{s:?}: record {i} approximate should be {}",
                approx[i as usize]
            ));
        }
    }
    Ok(got)
}

const CODES: [&str; 4] = ["FR", "11", "84", "04"];
const THEMES: [&str; 3] = ["emploi", "rse", "insertion"];
const WORDS: [&str; 40] = [
    "Économie",
    "sociale",
    "solidaire",
    "l’emploi",
    "emplois",
    "œuvre",
    "oeuvres",
    "CPME",
    "UDES",
    "IAE",
    "RSE",
    "TPE-PME",
    "Face",
    "face",
    "Île-de-France",
    "développement",
    "développer",
    "de",
    "des",
    "d’un",
    "entreprise",
    "entreprises",
    "petites",
    "moyennes",
    "Recyc’matelas",
    "recycler",
    "recyclage",
    "insertion",
    "insertions",
    "Insertion par l’activité économique",
    "Fondation Agir contre l’exclusion",
    "marchés publics",
    "éco",
    "ÉCOLE",
    "Noël",
    "naïf",
    "ça",
    "sociaux",
    "professionnelle",
    "2019",
];

/// A glossary for the tests: the real shape, a few of the real entries.
fn glossary() -> Vec<Synonym> {
    let entry = |terms: &[&str], phrases: &[&str]| Synonym {
        terms: strings(terms),
        phrases: strings(phrases),
    };
    vec![
        entry(&["IAE"], &["insertion par l’activité économique"]),
        entry(
            &["CPME"],
            &[
                "Confédération des petites et moyennes entreprises",
                "petites et moyennes entreprises",
            ],
        ),
        entry(&["Face"], &["Fondation Agir contre l’exclusion"]),
        entry(&["TPE-PME"], &["très petites entreprises"]),
    ]
}

fn index_of(entries: &[Entry], texts: &[Text], glossary: &[Synonym]) -> Index {
    let (codes, themes) = (strings(&CODES), strings(&THEMES));
    Index::from_parts(
        entries,
        &codes,
        &themes,
        &Synonyms::new(glossary),
        |i, s, o| {
            s.push_str(&texts[i].0);
            o.push_str(&texts[i].1);
        },
    )
}

fn strings(all: &[&str]) -> Vec<String> {
    all.iter().map(|s| s.to_string()).collect()
}

fn partial_date(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = PartialDate> {
    (
        years,
        prop::option::of((1u8..=12, prop::option::of(1u8..=31))),
    )
        .prop_map(|(y, md)| {
            let s = match md {
                None => format!("{y}"),
                Some((m, None)) => format!("{y}-{m:02}"),
                Some((m, Some(d))) => format!("{y}-{m:02}-{:02}", d.min(28)),
            };
            PartialDate::parse(&s).expect("generated dates are valid")
        })
}

/// A record's date: a date, or an interval with open or closed ends
/// (never reversed, never open at both).
fn when(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = When> {
    let bound = || prop::option::of(partial_date(years.clone()));
    prop_oneof![
        2 => partial_date(years.clone()).prop_map(When::On),
        1 => (bound(), bound()).prop_filter_map("an interval with a bound, in order", |(a, b)| {
            let text = |d: Option<PartialDate>| d.map_or("..".to_string(), |d| d.to_string());
            When::parse(&format!("{}/{}", text(a), text(b))).ok()
        }),
    ]
}

fn phrase(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), 0..max).prop_map(|w| w.join(" "))
}

prop_compose! {
    fn entry()(
        id in 0u8..20,
        record_type in prop::sample::select(RecordType::ALL.to_vec()),
        title in phrase(4),
        date in prop::option::of(when(2017..=2020)),
        territory in prop::sample::subsequence(CODES.to_vec(), 0..=3),
        themes in prop::sample::subsequence(THEMES.to_vec(), 0..=3),
        extra in phrase(6),
    ) -> (Entry, Text) {
        let text = (title.clone(), extra);
        (Entry {
            // Few distinct ids, so ties between equal titles reach the last resort.
            id: format!("r{id}"),
            record_type,
            title,
            date,
            territory: strings(&territory),
            themes: strings(&themes),
        }, text)
    }
}

/// Query words as a visitor types them: whole, cut short, in any case, with
/// stray punctuation, or words no record has.
fn query() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => (prop::sample::select(WORDS.to_vec()), 1usize..8).prop_map(|(w, n)| w.chars().take(n).collect::<String>()),
        1 => prop::sample::select(vec!["ECONOMIE", "oeuvre", "L'EMPLOI", "zzz", "—", "  ", "🎉", "e\u{301}co", "d’"])
            .prop_map(str::to_string),
        // Typos, other forms of the same words, acronyms and expansions.
        2 => prop::sample::select(vec![
            "insrtion", "insretions", "entreprsies", "developement", "économei", "recyclage",
            "recycle", "iae", "face", "FACE", "fondation agir", "petite entreprise", "cpme",
            "sociales", "social", "professionnels", "solidaires", "marché public", "emploi",
            "développements", "tpe", "pme", "tres petites", "activites economiques",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,4}",
    ];
    prop::collection::vec(word, 0..3).prop_map(|w| w.join(" "))
}

prop_compose! {
    fn state()(
        query in query(),
        regions in prop::collection::btree_set(prop::sample::select(vec!["FR", "11", "84", "04", "99"]), 0..3),
        themes in prop::collection::btree_set(prop::sample::select(vec!["emploi", "rse", "insertion", "zzz"]), 0..3),
        types in prop::collection::btree_set(prop::sample::select(RecordType::ALL.to_vec()), 0..=2),
        from in prop::option::of(partial_date(2016..=2021)),
        to in prop::option::of(partial_date(2016..=2021)),
        include_undated in any::<bool>(),
        strict in any::<bool>(),
        include_national in any::<bool>(),
        sort in prop::sample::select(Sort::ALL.to_vec()),
    ) -> FilterState {
        FilterState {
            query,
            regions: regions.into_iter().map(str::to_string).collect(),
            themes: themes.into_iter().map(str::to_string).collect(),
            types: types.into_iter().collect(),
            from,
            to,
            include_undated,
            strict,
            include_national,
            sort,
        }
    }
}

/// The axis (scale, bars, first bar), each bar's (certain, possible), the unknown dates.
type Counted = (Option<(Scale, usize, String)>, Vec<(u32, u32)>, u32);

/// The timeline's counts the plain way: the bars from the first to the
/// last known month of the set (whole years of months over three years or
/// less, else years), and for each bar and record, its days compared with
/// the bar's, one by one; an open end reaches past every bar.
fn timeline_reference(dates: &[Option<When>], set: &[usize]) -> Counted {
    let bounds = |d: When| match d {
        When::On(d) => (Some(d), Some(d)),
        When::Between(a, b) => (a.date(), b.date()),
    };
    let unknown = set.iter().filter(|&&i| dates[i].is_none()).count() as u32;
    // Known months as (year, month) of every closed end.
    let mut known = Vec::new();
    for &i in set {
        if let Some(d) = dates[i] {
            let (a, b) = bounds(d);
            if let Some(a) = a {
                let (y, m, _) = civil(a.first_day());
                known.push((y, m));
            }
            if let Some(b) = b {
                let (y, m, _) = civil(b.last_day());
                known.push((y, m));
            }
        }
    }
    let (Some(&lo), Some(&hi)) = (known.iter().min(), known.iter().max()) else {
        return (None, Vec::new(), unknown);
    };
    let months = hi.0 - lo.0 < 3;
    let bars: Vec<(i32, i32)> = if months {
        (lo.0..=hi.0)
            .flat_map(|y| {
                (1..=12u8)
                    .map(move |m| (day_number(y, m, 1), day_number(y, m, days_in_month(y, m))))
            })
            .collect()
    } else {
        (lo.0..=hi.0)
            .map(|y| (day_number(y, 1, 1), day_number(y, 12, 31)))
            .collect()
    };
    let first_label = if months {
        format!("{}-01", lo.0)
    } else {
        lo.0.to_string()
    };
    let counts = bars
        .iter()
        .map(|&(start, end)| {
            let (mut certain, mut possible) = (0, 0);
            for &i in set {
                let Some(d) = dates[i] else { continue };
                let (a, b) = bounds(d);
                // Days of the record, open ends reaching past the axis.
                let from = a.map_or(i32::MIN, |a| a.first_day());
                let to = b.map_or(i32::MAX, |b| b.last_day());
                let inside = (from..=to).contains(&start) || (start..=end).contains(&from);
                let within = from >= start && to <= end;
                if within {
                    certain += 1;
                } else if inside {
                    possible += 1;
                }
            }
            (certain, possible)
        })
        .collect();
    let scale = if months { Scale::Month } else { Scale::Year };
    (Some((scale, bars.len(), first_label)), counts, unknown)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_timeline_counts_as_the_reference(
        dates in prop::collection::vec(prop::option::of(when(2014..=2020)), 0..40),
        picks in prop::collection::vec(any::<bool>(), 40),
    ) {
        let first: Vec<i32> = dates.iter().map(|d| d.map_or(i32::MAX, |d| d.first_day())).collect();
        let last: Vec<i32> = dates.iter().map(|d| d.map_or(i32::MIN, |d| d.last_day())).collect();
        let set: Vec<usize> = (0..dates.len()).filter(|&i| picks[i]).collect();
        let got = histogram(&Months::new(&first, &last), &Bitset::from_positions(dates.len(), set.iter().copied()));
        let (axis, counts, unknown) = timeline_reference(&dates, &set);
        prop_assert_eq!(got.unknown, unknown);
        prop_assert_eq!(got.axis.map(|a| (a.scale, a.len, a.date(0).to_string())), axis);
        let bars: Vec<(u32, u32)> = got.bars.iter().map(|b| (b.certain, b.possible)).collect();
        prop_assert_eq!(bars, counts);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn run_matches_the_reference(
        data in prop::collection::vec(entry(), 0..60),
        states in prop::collection::vec(state(), 1..6),
    ) {
        let (entries, texts): (Vec<Entry>, Vec<Text>) = data.into_iter().unzip();
        let (codes, themes) = (strings(&CODES), strings(&THEMES));
        let glossary = glossary();
        let index = index_of(&entries, &texts, &glossary);
        for s in &states {
            let checked = check_against(&index, s, reference(&entries, &texts, &glossary, &codes, &themes, s));
            prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
        }
    }
}

/// A split index (a split pack's, without the pack) of `entries`: numbered
/// in their default order, every part written and kept aside, taken in
/// only when a query lacks it. Chunks of about `chunk_bytes`: a few bytes
/// make a chunk a word, so every prefix crosses chunk boundaries.
struct Split {
    index: Index,
    entries: Vec<Entry>,
    texts: Vec<Text>,
    sets: Vec<u8>,
    orders: [Vec<u8>; 2],
    words: Vec<Vec<u8>>,
    typos: Vec<u8>,
}

fn split_of(entries: &[Entry], texts: &[Text], glossary: &[Synonym], chunk_bytes: usize) -> Split {
    let order = index::default_order(entries);
    let entries: Vec<Entry> = order.iter().map(|&i| entries[i as usize].clone()).collect();
    let texts: Vec<Text> = order.iter().map(|&i| texts[i as usize].clone()).collect();
    let (codes, themes) = (strings(&CODES), strings(&THEMES));
    let (sets, orders) = index::write_parts(&entries, &codes, &themes);
    let vocabulary = Vocabulary::build(entries.len(), &Synonyms::new(glossary), |i, s, o| {
        s.push_str(&texts[i].0);
        o.push_str(&texts[i].1);
    });
    let chunks = vocabulary.chunks(chunk_bytes);
    let starts = chunks
        .iter()
        .map(|r| r.start as u32)
        .chain([vocabulary.len() as u32])
        .collect();
    let firsts = chunks
        .iter()
        .skip(1)
        .map(|r| vocabulary.word(r.start).into())
        .collect();
    let search = Search::split(entries.len(), starts, firsts).unwrap();
    Split {
        index: Index::split(entries.len(), codes, themes, search),
        words: chunks
            .iter()
            .map(|r| vocabulary.section_of(r.clone()))
            .collect(),
        typos: vocabulary.words_only(),
        entries,
        texts,
        sets,
        orders,
    }
}

impl Split {
    /// Answers `s`, taking in what it lacks first, as the page does; the
    /// parts it was asked for (at most a few rounds: chunks, then the typo
    /// words, then the chunks of the corrections).
    fn answer(&self, s: &FilterState) -> (Outcome, Vec<Part>) {
        let mut asked = Vec::new();
        for _ in 0..4 {
            match answer(&self.index, s) {
                Ok(o) => return (o, asked),
                Err(parts) => {
                    for part in parts {
                        assert!(!asked.contains(&part), "{part:?} asked for again: {s:?}");
                        asked.push(part);
                        let search = self.index.search();
                        match part {
                            Part::Sets => self.index.add_sets(&self.sets).unwrap(),
                            Part::Order(Sort::Oldest) => {
                                self.index.add_order(Sort::Oldest, &self.orders[0]).unwrap()
                            }
                            Part::Order(Sort::Title) => {
                                self.index.add_order(Sort::Title, &self.orders[1]).unwrap()
                            }
                            Part::Order(other) => panic!("the {other:?} order is never a part"),
                            Part::Words(k) => {
                                let bytes = std::sync::Arc::new(self.words[k].clone());
                                let len = bytes.len();
                                search.add_chunk(k, bytes, 0..len).unwrap()
                            }
                            Part::Typos => search.add_typos(&self.typos).unwrap(),
                        }
                    }
                }
            }
        }
        panic!("{s:?} still lacks parts after four rounds")
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A split index, its parts taken in as queries need them, answers as
    /// the reference does (over the records in its own numbering): the same
    /// results in the same order, every count, the corrections, the
    /// timeline's set, the approximate dates.
    #[test]
    fn a_split_index_answers_like_the_reference(
        data in prop::collection::vec(entry(), 0..60),
        states in prop::collection::vec(state(), 1..6),
        chunk_bytes in prop::sample::select(vec![1usize, 40, 200, 100_000]),
    ) {
        let (entries, texts): (Vec<Entry>, Vec<Text>) = data.into_iter().unzip();
        let glossary = glossary();
        let split = split_of(&entries, &texts, &glossary, chunk_bytes);
        let (codes, themes) = (strings(&CODES), strings(&THEMES));
        for s in &states {
            let (got, _) = split.answer(s);
            let want = reference(&split.entries, &split.texts, &glossary, &codes, &themes, s);
            let checked = check_against(&split.index, s, want);
            prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
            prop_assert_eq!(&got, &checked.unwrap());
        }
    }

    /// A part's body cut short or changed (past its seal, which the pack
    /// checks first) is refused or read as some valid part, never a panic,
    /// and the index answers whatever it took in without a panic either.
    #[test]
    fn damaged_parts_are_refused_never_a_panic(
        data in prop::collection::vec(entry(), 1..30),
        which in 0usize..5,
        cut in any::<prop::sample::Index>(),
        noise in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        states in prop::collection::vec(state(), 1..3),
    ) {
        let (entries, texts): (Vec<Entry>, Vec<Text>) = data.into_iter().unzip();
        let split = split_of(&entries, &texts, &glossary(), 40);
        let body = match which {
            0 => split.sets.clone(),
            1 => split.orders[0].clone(),
            2 => split.orders[1].clone(),
            3 => split.words[0].clone(),
            _ => split.typos.clone(),
        };
        let mut damaged = body[..cut.index(body.len() + 1)].to_vec();
        if !damaged.is_empty() {
            for (at, b) in &noise {
                let k = at.index(damaged.len());
                damaged[k] = *b;
            }
        }
        let search = split.index.search();
        let taken = match which {
            0 => split.index.add_sets(&damaged).is_ok(),
            1 => split.index.add_order(Sort::Oldest, &damaged).is_ok(),
            2 => split.index.add_order(Sort::Title, &damaged).is_ok(),
            3 => {
                let len = damaged.len();
                search.add_chunk(0, std::sync::Arc::new(damaged.clone()), 0..len).is_ok()
            }
            _ => search.add_typos(&damaged).is_ok(),
        };
        if damaged.len() < body.len() && noise.is_empty() {
            prop_assert!(!taken, "a part cut short was taken in");
        }
        for s in &states {
            let _ = answer(&split.index, s);
        }
    }
}

/// The parts a split index asks for are those the query needs: nothing
/// for the default order's first page but the sets, a chunk for a word, the
/// typo words only for a word that matches none.
#[test]
fn a_split_index_asks_only_for_what_a_query_needs() {
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"];
    let entries: Vec<Entry> = (0..40)
        .map(|i| Entry {
            id: format!("r{i:02}"),
            record_type: RecordType::ALL[i % 2],
            title: words[i % words.len()].into(),
            date: When::parse(&format!("2019-{:02}", 1 + i % 12)).ok(),
            territory: vec![CODES[i % 4].to_string()],
            themes: vec![THEMES[i % 3].to_string()],
        })
        .collect();
    let texts: Vec<Text> = entries
        .iter()
        .map(|e| (e.title.clone(), format!("texte {}", e.title)))
        .collect();
    let split = split_of(&entries, &texts, &[], 1);
    let chunk_of = |word: &str| {
        (0..split.words.len())
            .find(|&k| {
                split.words[k]
                    .windows(word.len())
                    .any(|w| w == word.as_bytes())
            })
            .unwrap()
    };
    let ask = |s: FilterState| split.answer(&s).1;
    assert_eq!(ask(FilterState::default()), [Part::Sets]);
    assert_eq!(
        ask(FilterState {
            sort: Sort::Title,
            ..Default::default()
        }),
        [Part::Order(Sort::Title)]
    );
    assert_eq!(
        ask(FilterState {
            query: "gamma".into(),
            ..Default::default()
        }),
        [Part::Words(chunk_of("gamma"))]
    );
    // "gamma" again: nothing more.
    assert_eq!(
        ask(FilterState {
            query: "gamma".into(),
            ..Default::default()
        }),
        []
    );
    // A typo: the chunks where it would be, then the words alone, then the
    // chunk of its correction.
    let asked = ask(FilterState {
        query: "epsilno".into(),
        ..Default::default()
    });
    let typos = asked.iter().position(|p| *p == Part::Typos).unwrap();
    assert!(asked[..typos].iter().all(|p| matches!(p, Part::Words(_))));
    assert!(asked[typos + 1..].contains(&Part::Words(chunk_of("epsilon"))));
}

/// Many records, so the dense postings and the cached prefix unions are used too.
#[test]
fn large_dataset_matches_the_reference() {
    let n = 3000;
    let mut entries = Vec::with_capacity(n);
    let mut texts = Vec::with_capacity(n);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    for i in 0..n {
        let words: Vec<&str> = (0..next(8)).map(|_| WORDS[next(WORDS.len())]).collect();
        // Rare words too, so some postings stay sparse.
        let rare = format!("mot{} d{}", next(500), next(50));
        texts.push((
            words.iter().take(3).copied().collect::<Vec<_>>().join(" "),
            format!("{} {rare}", words.join(" ")),
        ));
        let date = match next(5) {
            0 => None,
            4 => When::parse(&match next(3) {
                0 => format!(
                    "../{}-{:02}-{:02}",
                    2010 + next(12),
                    1 + next(12),
                    1 + next(28)
                ),
                1 => format!("{}/..", 2010 + next(12)),
                _ => format!("{}-{:02}/{}", 2010 + next(6), 1 + next(12), 2016 + next(6)),
            })
            .ok(),
            1 => When::parse(&format!("{}", 2010 + next(12))).ok(),
            2 => When::parse(&format!("{}-{:02}", 2010 + next(12), 1 + next(12))).ok(),
            _ => When::parse(&format!(
                "{}-{:02}-{:02}",
                2010 + next(12),
                1 + next(12),
                1 + next(28)
            ))
            .ok(),
        };
        entries.push(Entry {
            id: format!("r{i}"),
            record_type: RecordType::ALL[next(2)],
            title: words.iter().take(3).copied().collect::<Vec<_>>().join(" "),
            date,
            territory: vec![CODES[next(4)].to_string()],
            themes: vec![THEMES[next(3)].to_string()],
        });
    }
    let (codes, themes) = (strings(&CODES), strings(&THEMES));
    let glossary = glossary();
    let index = index_of(&entries, &texts, &glossary);
    // Split in chunks of about 2 KB: dense postings of 3,000 records are
    // 376 bytes each, so a short prefix spans several chunks.
    let split = split_of(&entries, &texts, &glossary, 2048);
    for q in [
        "",
        "d",
        "de",
        "d1",
        "e",
        "ec",
        "eco",
        "econ",
        "mot",
        "mot1",
        "m",
        "r",
        "2",
        "de eco",
        "zz",
        "î",
        "insrtion",
        "entreprises",
        "iae",
        "petites entreprises",
        "recyclage",
        "mto12",
    ] {
        for sort in Sort::ALL {
            let s = FilterState {
                query: q.into(),
                sort,
                regions: ["84".to_string()].into(),
                from: PartialDate::parse("2015-06").ok(),
                ..Default::default()
            };
            if let Err(e) = check_against(
                &index,
                &s,
                reference(&entries, &texts, &glossary, &codes, &themes, &s),
            ) {
                panic!("{q:?}: {e}");
            }
            split.answer(&s);
            if let Err(e) = check_against(
                &split.index,
                &s,
                reference(&split.entries, &split.texts, &glossary, &codes, &themes, &s),
            ) {
                panic!("split, {q:?}: {e}");
            }
        }
    }
}

fn bundled_glossary() -> Vec<Synonym> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/glossary.json");
    let (entries, problems) =
        passerelles_core::data::glossary::load_json(&std::fs::read_to_string(path).unwrap())
            .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    passerelles_core::pack::glossary::synonym_list(&entries)
}

#[test]
fn bundled_dataset_answers_like_the_reference() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/passerelles.json");
    let json = std::fs::read_to_string(&path).expect("data/passerelles.json is readable");
    let catalog = load_json(&json).expect("the bundled dataset loads").catalog;
    let glossary = bundled_glossary();
    let index = Index::build(&catalog, &Synonyms::new(&glossary));
    let texts: Vec<Text> = (0..catalog.entries.len())
        .map(|i| {
            let mut t = Text::default();
            catalog.searchable_text(i, &mut t.0, &mut t.1);
            t
        })
        .collect();
    let codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
    let themes: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
    let check = |s: &FilterState| {
        check_against(
            &index,
            s,
            reference(&catalog.entries, &texts, &glossary, &codes, &themes, s),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    };

    let all = check(&FilterState::default());
    assert_eq!(all.results.len(), catalog.entries.len());
    assert!(codes.iter().any(|c| c == NATIONAL));
    for q in [
        "CPME",
        "udes",
        "iae",
        "rse",
        "economie",
        "Économie sociale",
        "ile-de-france",
        "l’insertion",
        "recyc",
    ] {
        let got = check(&FilterState {
            query: q.into(),
            ..Default::default()
        });
        assert!(
            !got.results.is_empty(),
            "{q} finds nothing in the bundled dataset"
        );
    }
    for c in &codes {
        for include_national in [true, false] {
            check(&FilterState {
                regions: [c.clone()].into(),
                include_national,
                ..Default::default()
            });
        }
    }
    for t in &themes {
        check(&FilterState {
            themes: [t.clone()].into(),
            sort: Sort::Title,
            ..Default::default()
        });
    }
    for (from, to) in [
        ("2015", "2015"),
        ("2019-11-21", "2019-11-21"),
        ("2020", "2010"),
    ] {
        for (include_undated, strict) in [(true, false), (false, false), (false, true)] {
            check(&FilterState {
                from: PartialDate::parse(from).ok(),
                to: PartialDate::parse(to).ok(),
                include_undated,
                strict,
                sort: Sort::Oldest,
                ..Default::default()
            });
        }
    }
}

#[test]
fn undated_count_matches_the_records() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/passerelles.json");
    let catalog = load_json(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .catalog;
    let index = Index::build(&catalog, &Synonyms::default());
    let undated = catalog.entries.iter().filter(|e| e.date.is_none()).count() as u32;
    assert_eq!(index.undated_count(), Some(undated));
    assert_eq!(undated, 1);
}
