//! Answers a [`FilterState`] against an [`Index`]: the matching records in
//! order, and how many records each facet value would give.
//!
//! # Semantics
//!
//! - Within a facet, selected values are OR'd; across facets, filters are AND'd.
//! - **Region**: inactive when no region is selected. Otherwise a record
//!   matches if its territory contains a selected code, or if
//!   `include_national` is on and the record is national in scope (its
//!   territory contains `"FR"`). `"FR"` is a code like the others: selecting
//!   it alone gives the national records.
//! - **Theme**: the record has any selected theme. **Type**: the record's
//!   type is selected. Selected codes or themes the catalog does not know
//!   match nothing.
//! - **Date**: inactive when `from` and `to` are both unset. The range runs
//!   from the first day of `from` to the last day of `to` (open-ended on an
//!   unset side); a dated record matches when its period, the days it may be
//!   on (a whole year or month for a reduced-precision date, the days between
//!   its bounds for an interval, without end on an open side), overlaps the
//!   range, bounds included. Such a record whose period is not wholly within
//!   the range is *approximate* ([`approximate`]): it may lie outside. With `strict` on, only records wholly within match. A range
//!   whose start is after its end matches no dated record. An undated record
//!   matches only when `include_undated` is on, whatever the range.
//! - **Text**: the query is analysed as the records were
//!   ([`crate::engine::analyze`]: folded, split into words, elisions
//!   dropped); every query word must match some word of the record's
//!   searchable text: a word it begins ("eco" finds "Économie"), a word of
//!   the same stem ("entreprises" finds "entreprise"), a synonym from the
//!   glossary ("iae" finds "insertion par l'activité économique"), or, for a
//!   word of five letters or more that matches none of these, a word within
//!   one edit (two from nine letters: "insrtion" finds "insertion") and the
//!   words of its stem. A query
//!   with no word at all (blank, or only punctuation and symbols) does not
//!   filter.
//! - **Relevance** ([`Sort::Relevance`], while a query is active): records
//!   whose every word is found exactly in a strong field (title, parties)
//!   first, then by prefix or stem in a strong field, then exactly anywhere,
//!   then by prefix, stem or synonym, then those that needed a correction;
//!   a record ranks by its worst word, and within a tier by date, most
//!   recent first.
//! - **Facet counts are disjunctive**: the count of value *v* in facet *F* is
//!   the number of records that match every filter except *F*'s own, and
//!   would match *F* were *v* its only selected value. So selecting a value
//!   never zeroes its siblings, and a count is what the list would show after
//!   adding *v* to an empty selection of *F*. For regions, the national
//!   records count under every region when `include_national` is on, since
//!   selecting that region alone would show them. Text and date always apply.
//! - `undated_excluded` counts the records that match every other filter and
//!   are left out only because their date is unknown while a date range is
//!   active and `include_undated` is off; otherwise it is 0.
//! - `timeline` is the set the timeline draws: the records that match every
//!   filter but the date (its counts are disjunctive on the period, as a
//!   facet's are on its own values).

use crate::data::catalog::RecordType;
use crate::data::model::NATIONAL;
use crate::engine::bitset::{intersect_count, intersect_union_count, Bitset};
use crate::engine::filter::{FilterState, Sort};
use crate::engine::index::{Index, Part, Sets};
use crate::engine::search::QueryWord;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Entry positions (indexes into `catalog.entries`) matching all filters, in `state.sort` order.
    pub results: Vec<u32>,
    /// One per region code, in vocabulary order ([`NATIONAL`] included).
    pub regions: Vec<(String, u32)>,
    /// One per theme id, in vocabulary order.
    pub themes: Vec<(String, u32)>,
    /// One per type, in [`RecordType::ALL`] order.
    pub types: Vec<(RecordType, u32)>,
    pub undated_excluded: u32,
    /// The query's words, each with its corrections when it matched no word.
    pub words: Vec<QueryWord>,
    /// Records matching every filter but the date.
    pub timeline: Bitset,
}

/// The answer to `state`, or an empty outcome while the index lacks a
/// part it needs (see [`answer`]); a whole index never does.
pub fn run(index: &Index, state: &FilterState) -> Outcome {
    answer(index, state).unwrap_or_default()
}

/// The answer to `state`, or every part of the index it still needs (a
/// split pack's: the sets, the order it sorts by, the search's chunks and
/// typo words), all at once so they are fetched together. Once they are
/// in, the answer is the one the whole index gives.
pub fn answer(index: &Index, state: &FilterState) -> Result<Outcome, Vec<Part>> {
    let n = index.len();
    let sort = state.effective_sort();
    let mut lacking = index.lacking(sort);
    let matched = match index.text_matches(&state.query, sort == Sort::Relevance) {
        Ok(m) => m,
        Err(parts) => {
            lacking.extend(parts);
            None
        }
    };
    let Some(sets) = index.sets().filter(|_| lacking.is_empty()) else {
        return Err(lacking);
    };
    let text = matched.as_ref().map(|m| m.all.clone());
    let dates = date_matches(index, sets, state);
    let region = region_matches(index, sets, state);
    let theme = union_of(
        n,
        state
            .themes
            .iter()
            .map(|t| posting(&index.theme_ids, &sets.themes, t)),
    );
    let types = union_of(n, state.types.iter().map(|&t| type_posting(sets, t)));

    // Text and date apply to everything; each facet's counts drop its own filter.
    let mut base = text.clone().unwrap_or_else(|| Bitset::full(n));
    and_opt(&mut base, dates.as_ref());
    let but = |skip: usize| {
        let mut set = base.clone();
        for (k, f) in [&region, &theme, &types].into_iter().enumerate() {
            if k != skip {
                and_opt(&mut set, f.as_ref());
            }
        }
        set
    };
    let (but_region, but_theme, but_type) = (but(0), but(1), but(2));
    let mut all = but_region.clone();
    and_opt(&mut all, region.as_ref());

    let no_national = Bitset::new(n);
    let region_counts = index
        .region_codes
        .iter()
        .zip(&sets.regions)
        .map(|(code, set)| {
            let (set, extra) = if code == NATIONAL {
                (&sets.national, &no_national)
            } else if state.include_national {
                (set, &sets.national)
            } else {
                (set, &no_national)
            };
            (code.clone(), intersect_union_count(&but_region, set, extra))
        })
        .collect();
    let theme_counts = index
        .theme_ids
        .iter()
        .zip(&sets.themes)
        .map(|(id, set)| (id.clone(), intersect_count(&but_theme, set)))
        .collect();
    let type_counts = RecordType::ALL
        .into_iter()
        .zip(&sets.types)
        .map(|(t, set)| (t, intersect_count(&but_type, set)))
        .collect();

    let mut timeline = text.unwrap_or_else(|| Bitset::full(n));
    and_opt(&mut timeline, region.as_ref());
    and_opt(&mut timeline, theme.as_ref());
    and_opt(&mut timeline, types.as_ref());
    let undated_excluded = if state.date_active() && !state.include_undated {
        let mut undated = timeline.clone();
        undated.and_not_with(&sets.dated);
        undated.count()
    } else {
        0
    };

    let (results, words) = match matched {
        Some(m) if sort == Sort::Relevance => (relevance(index, &all, &m.tiers), m.words),
        m => (
            index.sorted(&all, sort),
            m.map(|m| m.words).unwrap_or_default(),
        ),
    };
    Ok(Outcome {
        results,
        regions: region_counts,
        themes: theme_counts,
        types: type_counts,
        undated_excluded,
        words,
        timeline,
    })
}

/// `all` by tier, best first, each tier in date order: a few bitset
/// operations and, per tier that holds records, the sorting work of one
/// date order ([`Index::sorted`]).
fn relevance(index: &Index, all: &Bitset, tiers: &[Bitset]) -> Vec<u32> {
    let mut results = Vec::with_capacity(all.count() as usize);
    let mut left = all.clone();
    for tier in tiers {
        let mut here = left.clone();
        here.and_with(tier);
        if !here.is_clear() {
            left.and_not_with(&here);
            results.extend(index.sorted(&here, Sort::Recent));
        }
    }
    results.extend(index.sorted(&left, Sort::Recent));
    results
}

fn and_opt(set: &mut Bitset, filter: Option<&Bitset>) {
    if let Some(f) = filter {
        set.and_with(f);
    }
}

/// The union of the selected values' postings (an unknown value adds
/// nothing), or `None` when nothing is selected and the facet does not filter.
fn union_of<'a>(
    n: usize,
    selected: impl IntoIterator<Item = Option<&'a Bitset>>,
) -> Option<Bitset> {
    let mut out: Option<Bitset> = None;
    for postings in selected {
        let set = out.get_or_insert_with(|| Bitset::new(n));
        if let Some(p) = postings {
            set.or_with(p);
        }
    }
    out
}

fn posting<'a>(vocabulary: &[String], postings: &'a [Bitset], value: &str) -> Option<&'a Bitset> {
    vocabulary
        .iter()
        .position(|v| v == value)
        .map(|k| &postings[k])
}

fn type_posting(sets: &Sets, t: RecordType) -> Option<&Bitset> {
    RecordType::ALL
        .iter()
        .position(|&x| x == t)
        .map(|k| &sets.types[k])
}

fn region_matches(index: &Index, sets: &Sets, state: &FilterState) -> Option<Bitset> {
    let selected = state
        .regions
        .iter()
        .map(|c| posting(&index.region_codes, &sets.regions, c));
    let mut set = union_of(index.len(), selected)?;
    // National records are national whether or not the vocabulary lists "FR".
    if state.include_national || state.regions.contains(NATIONAL) {
        set.or_with(&sets.national);
    }
    Some(set)
}

/// The bounds of the date range as day numbers, an unset side open.
fn range(state: &FilterState) -> (i32, i32) {
    (
        state.from.map_or(i32::MIN, |d| d.first_day()),
        state.to.map_or(i32::MAX, |d| d.last_day()),
    )
}

/// The records the date range keeps; `None` when no range is active.
fn date_matches(index: &Index, sets: &Sets, state: &FilterState) -> Option<Bitset> {
    if !state.date_active() {
        return None;
    }
    // An unset side is open: the open ends of records (`OPEN_START`,
    // `OPEN_END`, the extreme integers) are within it.
    let (lo, hi) = range(state);
    let mut set = Bitset::new(index.len());
    if lo <= hi {
        let (first, last) = (&sets.first_day, &sets.last_day);
        for (w, word) in set.words_mut().iter_mut().enumerate() {
            let start = w * 64;
            let end = (start + 64).min(first.len());
            let mut bits = 0u64;
            for (b, (f, l)) in first[start..end].iter().zip(&last[start..end]).enumerate() {
                // Overlapping, or with `strict` wholly within.
                let kept = if state.strict {
                    *f >= lo && *l <= hi
                } else {
                    *f <= hi && *l >= lo
                };
                bits |= u64::from(kept) << b;
            }
            *word = bits;
        }
        set.and_with(&sets.dated);
    }
    if state.include_undated {
        set.or_with(&sets.dated.not());
    }
    Some(set)
}

/// Whether record `i`, which the date range keeps, may lie outside it: a
/// date known only to the year or the month, or by bounds, that the range
/// does not wholly hold. Never with `strict`, never without a range.
pub fn approximate(index: &Index, state: &FilterState, i: usize) -> bool {
    let (lo, hi) = range(state);
    state.date_active()
        && !state.strict
        && index
            .sets()
            .is_some_and(|s| s.dated.contains(i) && (s.first_day[i] < lo || s.last_day[i] > hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::Entry;
    use crate::data::date::{PartialDate, When};

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn entry(
        id: &str,
        t: RecordType,
        date: Option<&str>,
        territory: &[&str],
        themes: &[&str],
    ) -> Entry {
        Entry {
            id: id.into(),
            record_type: t,
            title: id.into(),
            date: date.map(|d| When::parse(d).unwrap()),
            territory: territory.iter().map(|s| s.to_string()).collect(),
            themes: themes.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn sample() -> (Vec<Entry>, Index) {
        use RecordType::*;
        let entries = vec![
            entry("a", Agreement, Some("2019-11-21"), &["11"], &["emploi"]),
            entry("b", Agreement, Some("2015"), &["FR"], &["rse"]),
            entry(
                "c",
                Event,
                Some("2019-11"),
                &["84", "11"],
                &["emploi", "rse"],
            ),
            entry("d", Event, None, &["84"], &["formation"]),
            entry("e", Agreement, None, &["FR"], &["emploi"]),
        ];
        let texts = [
            "Convention CPME Île-de-France",
            "Déclaration nationale UDES",
            "Petit-déjeuner de l’IAE à Lyon",
            "Séminaire RSE",
            "Accord national pour l’emploi",
        ];
        let ix = Index::from_parts(
            &entries,
            &["FR".into(), "84".into(), "11".into()],
            &["emploi".into(), "rse".into(), "formation".into()],
            &Default::default(),
            |i, _, out| out.push_str(texts[i]),
        );
        (entries, ix)
    }

    fn ids(entries: &[Entry], o: &Outcome) -> String {
        o.results
            .iter()
            .map(|&i| entries[i as usize].id.as_str())
            .collect()
    }

    fn counts<T: Clone>(v: &[(T, u32)]) -> Vec<u32> {
        v.iter().map(|(_, c)| *c).collect()
    }

    #[test]
    fn default_state_shows_everything_recent_first() {
        let (entries, ix) = sample();
        let o = run(&ix, &FilterState::default());
        assert_eq!(ids(&entries, &o), "acbde");
        // National records count under every region while include_national is on.
        assert_eq!(counts(&o.regions), [2, 4, 4]);
        assert_eq!(counts(&o.themes), [3, 2, 1]);
        assert_eq!(
            o.types,
            [(RecordType::Agreement, 3), (RecordType::Event, 2)]
        );
        assert_eq!(o.undated_excluded, 0);
    }

    #[test]
    fn regions_and_national() {
        let (entries, ix) = sample();
        let mut s = FilterState {
            regions: ["84".to_string()].into(),
            ..Default::default()
        };
        assert_eq!(ids(&entries, &run(&ix, &s)), "cbde");
        s.include_national = false;
        let o = run(&ix, &s);
        assert_eq!(ids(&entries, &o), "cd");
        assert_eq!(counts(&o.regions), [2, 2, 2]);
        s.regions = ["FR".to_string()].into();
        assert_eq!(ids(&entries, &run(&ix, &s)), "be");
        s.include_national = true;
        assert_eq!(ids(&entries, &run(&ix, &s)), "be");
        s.regions = ["zz".to_string()].into();
        s.include_national = false;
        assert_eq!(ids(&entries, &run(&ix, &s)), "");
    }

    #[test]
    fn facet_counts_are_disjunctive() {
        let (entries, ix) = sample();
        let s = FilterState {
            themes: ["rse".to_string()].into(),
            types: [RecordType::Event].into(),
            ..Default::default()
        };
        let o = run(&ix, &s);
        assert_eq!(ids(&entries, &o), "c");
        // Themes among events (c, d).
        assert_eq!(counts(&o.themes), [1, 1, 1]);
        // Types among rse records: b (agreement), c (event).
        assert_eq!(counts(&o.types), [1, 1]);
    }

    #[test]
    fn dates_overlap_and_undated() {
        let (entries, ix) = sample();
        let mut s = FilterState {
            from: Some(date("2019-11-21")),
            ..Default::default()
        };
        let o = run(&ix, &s);
        assert_eq!(ids(&entries, &o), "ac");
        assert_eq!(o.undated_excluded, 2);
        s.include_undated = true;
        let o = run(&ix, &s);
        assert_eq!(ids(&entries, &o), "acde");
        assert_eq!(o.undated_excluded, 0);
        s.include_undated = false;
        s.from = None;
        s.to = Some(date("2015-01"));
        assert_eq!(ids(&entries, &run(&ix, &s)), "b");
        // Inverted range: no dated record.
        s.from = Some(date("2020"));
        s.to = Some(date("2019"));
        assert_eq!(ids(&entries, &run(&ix, &s)), "");
        s.include_undated = true;
        assert_eq!(ids(&entries, &run(&ix, &s)), "de");
        // Inverted within a year that "2015" covers whole: still nothing dated.
        s.include_undated = false;
        s.from = Some(date("2015-06"));
        s.to = Some(date("2015-03"));
        assert_eq!(ids(&entries, &run(&ix, &s)), "");
        s.to = Some(date("2015-06"));
        assert_eq!(ids(&entries, &run(&ix, &s)), "b");
    }

    #[test]
    fn intervals_are_kept_when_they_may_fall_in_the_period_and_marked() {
        use RecordType::*;
        let entries = vec![
            entry("a", Agreement, Some("../2015-07-10"), &["11"], &[]),
            entry("b", Event, Some("2015-11/2015-11-30"), &["11"], &[]),
            entry("c", Event, Some("2015-11-17"), &["11"], &[]),
            entry("d", Agreement, Some("2007-11-12/2007-12-31"), &["FR"], &[]),
            entry("e", Agreement, None, &["11"], &[]),
            entry("f", Event, Some("2014/.."), &["11"], &[]),
        ];
        let ix = Index::from_parts(&entries, &[], &[], &Default::default(), |_, _, _| {});
        let marked = |o: &Outcome, s: &FilterState| {
            o.results
                .iter()
                .filter(|&&i| approximate(&ix, s, i as usize))
                .map(|&i| entries[i as usize].id.as_str())
                .collect::<Vec<_>>()
                .concat()
        };
        let mut s = FilterState {
            from: Some(date("2015")),
            to: Some(date("2015")),
            sort: Sort::Oldest,
            ..Default::default()
        };
        let o = run(&ix, &s);
        // a may be in 2015 (at the latest on 10 July), f may be (from 2014 on).
        assert_eq!(ids(&entries, &o), "fabc");
        assert_eq!(marked(&o, &s), "fa");
        // The timeline's set ignores the period.
        assert_eq!(o.timeline.count(), 6);
        s.strict = true;
        let o = run(&ix, &s);
        assert_eq!(ids(&entries, &o), "bc");
        assert_eq!(marked(&o, &s), "");
        // Before 2008: d is certainly within (ends 31 December 2007); a is
        // open at its start and ends after: only maybe.
        s.strict = false;
        s.from = None;
        s.to = Some(date("2007"));
        let o = run(&ix, &s);
        assert_eq!(ids(&entries, &o), "da");
        assert_eq!(marked(&o, &s), "a");
        // Without a period nothing is approximate.
        let all = FilterState::default();
        let o = run(&ix, &all);
        assert_eq!(marked(&o, &all), "");
        assert_eq!(o.results.len(), 6);
    }

    #[test]
    fn text_search_and_sorts() {
        let (entries, ix) = sample();
        let mut s = FilterState {
            query: "NATIONAL".into(),
            ..Default::default()
        };
        assert_eq!(ids(&entries, &run(&ix, &s)), "be");
        s.query = "cpme".into();
        assert_eq!(ids(&entries, &run(&ix, &s)), "a");
        s.query = "l’iae".into();
        assert_eq!(ids(&entries, &run(&ix, &s)), "c");
        s.query = "décl nat".into();
        assert_eq!(ids(&entries, &run(&ix, &s)), "b");
        s.query = "—".into();
        assert_eq!(run(&ix, &s).results.len(), 5);
        s.query = String::new();
        s.sort = Sort::Oldest;
        assert_eq!(ids(&entries, &run(&ix, &s)), "bcade");
        s.sort = Sort::Title;
        assert_eq!(ids(&entries, &run(&ix, &s)), "abcde");
    }

    #[test]
    fn empty_index_answers() {
        let ix = Index::from_parts(
            &[],
            &["FR".into()],
            &["x".into()],
            &Default::default(),
            |_, _, _| {},
        );
        let o = run(
            &ix,
            &FilterState {
                query: "a".into(),
                ..Default::default()
            },
        );
        assert!(o.results.is_empty());
        assert_eq!(o.regions, [("FR".to_string(), 0)]);
        assert_eq!(o.types.len(), 2);
    }
}
