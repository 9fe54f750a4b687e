//! The URL query string ⇄ [`FilterState`] codec, so that any view can be
//! bookmarked, shared and restored with the back button.
//!
//! `?q=…&region=…&theme=…&type=…&from=…&to=…&undated=1&strict=1&national=0&sort=…&id=…`
//!
//! - Parameters always come in that order and are left out at their default,
//!   so one view has exactly one URL (the default view is the bare path).
//! - Sets are comma-separated, sorted; dates are `YYYY`, `YYYY-MM` or
//!   `YYYY-MM-DD`; `sort` is `recent`, `oldest`, `title` or `relevance`,
//!   absent at its default: relevance while the query has a word, most
//!   recent otherwise (relevance without a query reads as most recent);
//!   `id` is the record shown in detail.
//! - Decoding never fails: a URL may be old, truncated, hand-edited or
//!   hostile. A parameter that is unknown, malformed, badly percent-encoded or
//!   not UTF-8 is ignored; within a set, values that are not ids (letters,
//!   digits, `-`) or unknown types are dropped and the rest kept. When a
//!   parameter appears twice, the last usable occurrence wins.
//! - Caps keep a hostile URL cheap: the text is cut at [`MAX_QUERY_CHARS`]
//!   characters, a set keeps its first [`MAX_SET_VALUES`] values, and ids are
//!   at most [`MAX_ID_LEN`] bytes. [`encode`] applies the same caps, so a
//!   URL it writes always decodes to what it shows.
//!
//! Percent-encoding is written here (no dependency): everything but the
//! unreserved `A-Z a-z 0-9 - . _ ~` is encoded as UTF-8 bytes, `,` included
//! except between set values; `+` decodes as a space, as forms write it.

use crate::engine::set::Set;
use std::fmt::Write;

use crate::data::catalog::RecordType;
use crate::data::date::PartialDate;
use crate::engine::filter::{has_words, FilterState, Sort};

pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_SET_VALUES: usize = 64;
pub const MAX_ID_LEN: usize = 120;

/// The sort a view has when the URL says none.
fn default_sort(query: &str) -> Sort {
    if has_words(query) {
        Sort::Relevance
    } else {
        Sort::Recent
    }
}

/// The query string for a view: `""` for the default view, else starting with `?`.
pub fn encode(state: &FilterState, detail: Option<&str>) -> String {
    let mut out = String::new();
    let mut param = |name: &str, value: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    };
    let defaults = FilterState::default();
    if !state.query.is_empty() {
        param("q", &percent_encode(cap_chars(&state.query)));
    }
    if !state.regions.is_empty() {
        param("region", &list(state.regions.iter().map(String::as_str)));
    }
    if !state.themes.is_empty() {
        param("theme", &list(state.themes.iter().map(String::as_str)));
    }
    if !state.types.is_empty() {
        param("type", &list(state.types.iter().map(|t| t.key())));
    }
    if let Some(d) = state.from {
        param("from", &d.to_string());
    }
    if let Some(d) = state.to {
        param("to", &d.to_string());
    }
    if state.include_undated != defaults.include_undated {
        param("undated", flag(state.include_undated));
    }
    if state.strict != defaults.strict {
        param("strict", flag(state.strict));
    }
    if state.include_national != defaults.include_national {
        param("national", flag(state.include_national));
    }
    let query = cap_chars(&state.query);
    let sort = match state.sort {
        Sort::Relevance if !has_words(query) => Sort::Recent,
        s => s,
    };
    if sort != default_sort(query) {
        param("sort", sort.key());
    }
    if let Some(id) = detail {
        param("id", &percent_encode(id));
    }
    out
}

/// The view a query string describes (with or without the leading `?`), and
/// the id of the record shown in detail, if any.
pub fn decode(search: &str) -> (FilterState, Option<String>) {
    let search = search.strip_prefix('?').unwrap_or(search);
    // A fragment is not part of the query; encode never writes a raw '#'.
    let search = search.split('#').next().unwrap_or_default();
    let mut state = FilterState::default();
    let mut detail = None;
    let mut sort = None;
    for pair in search.split('&') {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(key) = percent_decode(key) else {
            continue;
        };
        match key.as_str() {
            "q" => {
                if let Some(v) = percent_decode(raw) {
                    state.query = cap_chars(&v).to_string();
                }
            }
            "region" => {
                if let Some(set) = id_set(raw) {
                    state.regions = set;
                }
            }
            "theme" => {
                if let Some(set) = id_set(raw) {
                    state.themes = set;
                }
            }
            "type" => {
                let set: Set<RecordType> = values(raw)
                    .filter_map(|v| RecordType::from_key(&v))
                    .take(MAX_SET_VALUES)
                    .collect();
                if !set.is_empty() {
                    state.types = set;
                }
            }
            "from" => {
                if let Some(d) = date(raw) {
                    state.from = Some(d);
                }
            }
            "to" => {
                if let Some(d) = date(raw) {
                    state.to = Some(d);
                }
            }
            "undated" => {
                if let Some(b) = percent_decode(raw).and_then(|v| parse_flag(&v)) {
                    state.include_undated = b;
                }
            }
            "strict" => {
                if let Some(b) = percent_decode(raw).and_then(|v| parse_flag(&v)) {
                    state.strict = b;
                }
            }
            "national" => {
                if let Some(b) = percent_decode(raw).and_then(|v| parse_flag(&v)) {
                    state.include_national = b;
                }
            }
            "sort" => {
                if let Some(s) = percent_decode(raw).and_then(|v| Sort::from_key(&v)) {
                    sort = Some(s);
                }
            }
            "id" => {
                if let Some(id) = percent_decode(raw).filter(|v| is_record_id(v)) {
                    detail = Some(id);
                }
            }
            _ => {}
        }
    }
    state.sort = match sort {
        Some(Sort::Relevance) | None => default_sort(&state.query),
        Some(s) => s,
    };
    (state, detail)
}

fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

fn parse_flag(v: &str) -> Option<bool> {
    match v {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

fn cap_chars(s: &str) -> &str {
    match s.char_indices().nth(MAX_QUERY_CHARS) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

pub(crate) fn list<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, v) in values.take(MAX_SET_VALUES).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&percent_encode(v));
    }
    out
}

/// The decoded values of a comma-separated list; badly encoded ones are skipped.
pub(crate) fn values(raw: &str) -> impl Iterator<Item = String> + '_ {
    // Split before decoding, so an encoded comma stays inside its value.
    raw.split(',').filter_map(percent_decode)
}

fn is_set_id(v: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Same shape as record ids in the data (see `validate`).
fn is_record_id(v: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn id_set(raw: &str) -> Option<Set<String>> {
    let mut set = Set::new();
    for v in values(raw).filter(|v| is_set_id(v)) {
        if set.len() == MAX_SET_VALUES {
            break;
        }
        set.insert(v);
    }
    (!set.is_empty()).then_some(set)
}

fn date(raw: &str) -> Option<PartialDate> {
    percent_decode(raw).and_then(|v| PartialDate::parse(&v).ok())
}

pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `None` on a malformed escape or bytes that are not UTF-8.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = hex(*bytes.get(i + 1)?)?;
                let lo = hex(*bytes.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(values: &[&str]) -> Set<String> {
        values.iter().map(|s| s.to_string()).collect()
    }

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn default_view_is_the_bare_path() {
        assert_eq!(encode(&FilterState::default(), None), "");
        assert_eq!(decode(""), (FilterState::default(), None));
        assert_eq!(decode("?"), (FilterState::default(), None));
        assert_eq!(
            encode(&FilterState::default(), Some("cpme-2019")),
            "?id=cpme-2019"
        );
    }

    #[test]
    fn writes_every_parameter_in_order() {
        let state = FilterState {
            query: "l’économie & co, 100%".into(),
            regions: set(&["84", "11", "FR"]),
            themes: set(&["rse", "emploi"]),
            types: [RecordType::Event, RecordType::Agreement].into(),
            from: Some(date("2015")),
            to: Some(date("2019-11-21")),
            include_undated: true,
            strict: true,
            include_national: false,
            sort: Sort::Oldest,
        };
        let url = encode(&state, Some("a-1"));
        assert_eq!(
            url,
            "?q=l%E2%80%99%C3%A9conomie%20%26%20co%2C%20100%25&region=11,84,FR&theme=emploi,rse\
             &type=agreement,event&from=2015&to=2019-11-21&undated=1&strict=1&national=0&sort=oldest&id=a-1"
        );
        assert_eq!(decode(&url), (state.clone(), Some("a-1".into())));
        assert_eq!(
            decode(url.trim_start_matches('?')),
            (state, Some("a-1".into()))
        );
    }

    #[test]
    fn ignores_what_it_cannot_read() {
        let (s, d) = decode(
            "from=2019-13&to=19&type=foo,event,bar&undated=yes&national=no&sort=zzz&region=&theme=a b,ok,%ZZ,x%2Cy\
             &id=Bad_Id&unknown=1&=&&q=%E9",
        );
        assert_eq!(s.from, None);
        assert_eq!(s.to, None);
        assert_eq!(s.types, [RecordType::Event].into());
        assert!(s.include_national && !s.include_undated);
        assert_eq!(s.sort, Sort::Recent);
        assert!(s.regions.is_empty());
        assert_eq!(s.themes, set(&["ok"]));
        assert_eq!(s.query, "");
        assert_eq!(d, None);
        assert_eq!(decode("q=%").0.query, "");
        assert_eq!(decode("q=%4").0.query, "");
        assert_eq!(decode("q=a+b%20c").0.query, "a b c");
        assert_eq!(decode("id=x".repeat(0).as_str()).1, None);
        assert_eq!(decode(&format!("id={}", "a".repeat(121))).1, None);
        assert_eq!(
            decode(&format!("id={}", "a".repeat(120))).1,
            Some("a".repeat(120))
        );
    }

    #[test]
    fn later_duplicates_win() {
        let (s, d) = decode(
            "q=a&q=b&sort=title&sort=oldest&id=x&id=y&type=event&type=nope&region=11&region=84",
        );
        assert_eq!(s.query, "b");
        assert_eq!(s.sort, Sort::Oldest);
        assert_eq!(d.as_deref(), Some("y"));
        assert_eq!(s.types, [RecordType::Event].into());
        assert_eq!(s.regions, set(&["84"]));
        assert_eq!(decode("sort=title&sort=recent").0.sort, Sort::Recent);
    }

    #[test]
    fn caps_hostile_sizes() {
        let long = "é".repeat(5000);
        let (s, _) = decode(&format!("q={}", percent_encode(&long)));
        assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
        let many: Vec<String> = (0..1000).map(|i| format!("r{i}")).collect();
        let (s, _) = decode(&format!("region={}", many.join(",")));
        assert_eq!(s.regions.len(), MAX_SET_VALUES);
        let state = FilterState {
            query: long,
            regions: many.into_iter().collect(),
            ..Default::default()
        };
        let (back, _) = decode(&encode(&state, None));
        assert_eq!(back.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(back.regions.len(), MAX_SET_VALUES);
        assert_eq!(decode(&encode(&back, None)).0, back);
    }

    #[test]
    fn fragment_and_raw_unicode() {
        assert_eq!(decode("?q=a#q=b").0.query, "a");
        assert_eq!(decode("q=économie").0.query, "économie");
        assert_eq!(decode("q=%F0%9F%8E%89").0.query, "🎉");
        assert_eq!(decode("q=%C3").0.query, "");
    }

    fn partial_date() -> impl Strategy<Value = PartialDate> {
        (
            0i32..=9999,
            proptest::option::of((1u8..=12, proptest::option::of(1u8..=28))),
        )
            .prop_map(|(y, md)| {
                let s = match md {
                    None => format!("{y:04}"),
                    Some((m, None)) => format!("{y:04}-{m:02}"),
                    Some((m, Some(d))) => format!("{y:04}-{m:02}-{d:02}"),
                };
                PartialDate::parse(&s).unwrap()
            })
    }

    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            any::<char>(),
            proptest::sample::select(vec![
                '&', '=', '%', '+', ',', '#', ' ', '?', 'é', '’', '🎉', '\0', '\u{202E}'
            ]),
        ];
        proptest::collection::vec(c, 0..=MAX_QUERY_CHARS).prop_map(|v| v.into_iter().collect())
    }

    fn ids() -> impl Strategy<Value = Set<String>> {
        proptest::collection::btree_set("[A-Za-z0-9-]{1,12}", 0..6)
            .prop_map(|s| s.into_iter().collect())
    }

    prop_compose! {
        fn state()(
            query in text(),
            regions in ids(),
            themes in ids(),
            types in proptest::collection::btree_set(proptest::sample::select(RecordType::ALL.to_vec()), 0..=2)
                .prop_map(|s| s.into_iter().collect::<Set<_>>()),
            from in proptest::option::of(partial_date()),
            to in proptest::option::of(partial_date()),
            include_undated in any::<bool>(),
            strict in any::<bool>(),
            include_national in any::<bool>(),
            sort in proptest::sample::select(Sort::ALL.to_vec()),
        ) -> FilterState {
            // Relevance without a word to search is no view of its own.
            let sort = if sort == Sort::Relevance && !has_words(&query) { Sort::Recent } else { sort };
            FilterState { query, regions, themes, types, from, to, include_undated, strict, include_national, sort }
        }
    }

    #[test]
    fn relevance_is_the_default_only_with_a_query() {
        let mut s = FilterState {
            query: "insertion".into(),
            sort: Sort::Relevance,
            ..Default::default()
        };
        assert_eq!(encode(&s, None), "?q=insertion");
        assert_eq!(decode("?q=insertion").0.sort, Sort::Relevance);
        s.sort = Sort::Recent;
        assert_eq!(encode(&s, None), "?q=insertion&sort=recent");
        assert_eq!(decode("?q=insertion&sort=recent").0, s);
        // Without a word to search, relevance means the default order.
        assert_eq!(decode("?sort=relevance").0.sort, Sort::Recent);
        assert_eq!(decode("?q=%E2%80%94").0.sort, Sort::Recent);
        s.query.clear();
        s.sort = Sort::Relevance;
        assert_eq!(encode(&s, None), "");
        assert_eq!(encode(&s, Some("a")), "?id=a");
    }

    proptest! {
        #[test]
        fn round_trips(s in state(), d in proptest::option::of("[a-z0-9-]{1,120}")) {
            let url = encode(&s, d.as_deref());
            prop_assert!(url.is_empty() || url.starts_with('?'));
            prop_assert!(url.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert_eq!(decode(&url), (s, d));
        }

        #[test]
        fn decode_never_panics(search in "\\PC*", raw in proptest::collection::vec(any::<char>(), 0..100)) {
            let _ = decode(&search);
            let raw: String = raw.into_iter().collect();
            let (s, d) = decode(&raw);
            prop_assert!(s.query.chars().count() <= MAX_QUERY_CHARS);
            prop_assert!(d.is_none_or(|d| is_record_id(&d)));
        }

        #[test]
        fn decode_survives_url_shaped_noise(
            parts in proptest::collection::vec(
                (proptest::sample::select(vec!["q", "region", "theme", "type", "from", "to", "undated", "strict", "national", "sort", "id", "x", ""]),
                 "[%+,=&#?a-zA-Z0-9é-]{0,12}"),
                0..8)
        ) {
            let url: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let (s, d) = decode(&url.join("&"));
            // Whatever was read must survive a round trip unchanged.
            prop_assert_eq!(decode(&encode(&s, d.as_deref())), (s, d));
        }
    }
}
