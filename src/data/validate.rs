//! Checks an editor's dataset and says, in plain French, what is wrong and where.
//! A record with a problem is left out; the others stay usable.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;

use crate::data::date::{DateError, PartialDate};
use crate::data::json_error;
use crate::data::messages as s;
use crate::data::model::{Agreement, DateInfo, Event, Place, Region, Source, Theme, NATIONAL};
use crate::data::span::{self, Position};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Id of the record concerned, when it has one.
    pub record: Option<String>,
    /// Where in the file, as a JSON path: `agreements[2].themes[0]`.
    pub path: String,
    pub message: String,
    /// For a record that could not be read: the byte offset, inside the
    /// record's text, where the reader stopped (the field at fault).
    pub inner: Option<usize>,
    /// Line and column in the file, once [`locate`] has looked for `path`.
    pub position: Option<Position>,
    /// The record is still shown (shortened, see [`crate::data::clip`]) rather than left out.
    pub kept: bool,
}

fn problem(record: Option<&str>, path: String, message: String) -> Problem {
    Problem {
        record: record.map(str::to_string),
        path,
        message,
        inner: None,
        position: None,
        kept: false,
    }
}

/// Finds each problem's line and column in the file it came from, in one
/// walk of the text (only run when there are problems).
pub fn locate(text: &str, problems: &mut [Problem]) {
    if problems.is_empty() {
        return;
    }
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    let offsets = span::offsets(text, &paths);
    for (p, offset) in problems.iter_mut().zip(offsets) {
        p.position = offset.map(|o| Position::of_offset(text, o + p.inner.unwrap_or(0)));
    }
}

/// Records left out, counted once each however many problems they have;
/// vocabulary problems leave no record out.
pub fn skipped_records(problems: &[Problem]) -> usize {
    let mut records: Vec<&str> = problems
        .iter()
        .filter(|p| !p.kept)
        .map(|p| p.path.split('.').next().unwrap_or(&p.path))
        .filter(|r| r.starts_with("agreements[") || r.starts_with("events["))
        .collect();
    records.sort_unstable();
    records.dedup();
    records.len()
}

pub fn vocabularies(regions: &[Region], themes: &[Theme]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, r) in regions.iter().enumerate() {
        if !seen.insert(r.code.as_str()) {
            out.push(problem(
                None,
                format!("regions[{i}].code"),
                s::duplicate_code(&r.code),
            ));
        }
    }
    if !regions.iter().any(|r| r.code == NATIONAL) {
        out.push(problem(
            None,
            "regions".into(),
            s::missing_national(NATIONAL),
        ));
    }
    let mut seen = HashSet::new();
    for (i, t) in themes.iter().enumerate() {
        if !seen.insert(t.id.as_str()) {
            out.push(problem(
                None,
                format!("themes[{i}].id"),
                s::duplicate_code(&t.id),
            ));
        }
        if t.label.trim().is_empty() {
            out.push(problem(
                None,
                format!("themes[{i}].label"),
                s::EMPTY_LABEL.into(),
            ));
        }
    }
    out
}

/// The largest record expected, in bytes of JSON text: six times the largest
/// real one. Beyond it, a text was surely pasted by mistake, and browsers
/// take minutes to lay out a very long unbroken word: the validator reports
/// such a record, and the page shows it with its long texts cut
/// ([`crate::data::clip`]).
pub const MAX_RECORD_BYTES: usize = 32 * 1024;

/// The problem of an oversize record, which is still shown (shortened).
pub fn oversize(raw: &serde_json::value::RawValue, list: &str, index: usize) -> Option<Problem> {
    (raw.get().len() > MAX_RECORD_BYTES).then(|| Problem {
        record: record_id(raw),
        path: format!("{list}[{index}]"),
        message: s::record_too_long(raw.get().len(), MAX_RECORD_BYTES / 1024),
        inner: None,
        position: None,
        kept: true,
    })
}

/// Reads one record on its own, so a malformed one cannot sink the file.
pub fn parse_record<T: DeserializeOwned>(
    raw: &serde_json::value::RawValue,
    list: &str,
    index: usize,
) -> Result<T, Problem> {
    if raw.get().starts_with('[') {
        // serde reads a list as the struct's fields in order, and would
        // complain about the first one; the editor needs to hear "not a list".
        return Err(Problem {
            record: None,
            path: format!("{list}[{index}]"),
            message: format!(
                "{} : {}",
                s::ERR_RECORD_SHAPE,
                s::wrong_type(s::A_LIST, s::AN_OBJECT)
            ),
            inner: None,
            position: None,
            kept: false,
        });
    }
    serde_json::from_str(raw.get()).map_err(|e| Problem {
        record: record_id(raw),
        path: format!("{list}[{index}]"),
        message: format!("{} : {}", s::ERR_RECORD_SHAPE, json_error::detail(&e)),
        inner: Some(json_error::offset(&e, raw.get())),
        position: None,
        kept: false,
    })
}

/// The id of a record that failed to read, if it has a string one, so the
/// problem can name the record.
fn record_id(raw: &serde_json::value::RawValue) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    serde_json::from_str::<IdOnly>(raw.get())
        .ok()
        .and_then(|r| r.id)
}

/// Whether a URL may become a link: `http://` or `https://` (any case)
/// followed by a host, with nothing a browser would silently drop or that
/// could hide what the link says: no white space, no control characters, no
/// invisible or direction-changing characters, no backslash (which browsers
/// read as a slash). Anything else (`javascript:`, `data:`, `https:x`) is
/// shown as text, if at all.
pub fn is_http_url(url: &str) -> bool {
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    let Some(rest) = rest else { return false };
    rest.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '[')
        && !rest
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\' || is_invisible_or_bidi(c))
}

/// Format characters that change how text around them is drawn or hide in it.
fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn is_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit)
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60)
}

struct Checker<'a> {
    regions: HashSet<&'a str>,
    themes: HashSet<&'a str>,
    out: Vec<Problem>,
    id: String,
    base: String,
}

impl Checker<'_> {
    fn push(&mut self, field: &str, message: String) {
        self.out.push(problem(
            Some(&self.id),
            format!("{}.{field}", self.base),
            message,
        ));
    }

    fn common(
        &mut self,
        title: &str,
        date: &DateInfo,
        place: &Option<Place>,
        territory: &[String],
        themes: &[String],
        source: &Source,
    ) {
        if title.trim().is_empty() {
            self.push("title", s::EMPTY_TITLE.into());
        }
        if let Some(v) = &date.value {
            match PartialDate::parse(v) {
                Ok(_) => {}
                Err(DateError::Format) => self.push("date.value", s::date_format(v)),
                Err(DateError::Impossible) => self.push("date.value", s::date_impossible(v)),
            }
        }
        if let Some(v) = &source.published {
            match PartialDate::parse(v) {
                Ok(_) => {}
                Err(DateError::Format) => {
                    self.push("source.published", s::date_published_format(v))
                }
                Err(DateError::Impossible) => {
                    self.push("source.published", s::date_published_impossible(v))
                }
            }
        }
        if let Some(url) = &source.url {
            if !is_http_url(url) {
                self.push("source.url", s::not_http(url));
            }
        }
        if territory.is_empty() {
            self.push("territory", s::EMPTY_TERRITORY.into());
        }
        for (i, code) in territory.iter().enumerate() {
            if !self.regions.contains(code.as_str()) {
                self.push(&format!("territory[{i}]"), s::unknown_region(code));
            }
        }
        if let Some(code) = place.as_ref().and_then(|p| p.region.as_ref()) {
            if !self.regions.contains(code.as_str()) || code == NATIONAL {
                self.push("place.region", s::unknown_region(code));
            }
        }
        let known: Vec<&str> = self.themes.iter().copied().collect();
        for (i, theme) in themes.iter().enumerate() {
            if !self.themes.contains(theme.as_str()) {
                self.push(&format!("themes[{i}]"), s::unknown_theme(theme, &known));
            }
        }
    }
}

/// Checks records against the vocabularies and each other; returns the ones
/// that pass. Each record comes with its index in its list in the file (some
/// may have been left out already), so problems name the right place.
/// `unreadable` holds the ids of records that could not be read: a link to
/// one is not reported again, as the record itself already is.
pub fn records(
    regions: &[Region],
    themes: &[Theme],
    agreements: Vec<(usize, Agreement)>,
    events: Vec<(usize, Event)>,
    unreadable: &HashSet<String>,
) -> (Vec<Agreement>, Vec<Event>, Vec<Problem>) {
    let mut c = Checker {
        regions: regions.iter().map(|r| r.code.as_str()).collect(),
        themes: themes.iter().map(|t| t.id.as_str()).collect(),
        out: Vec::new(),
        id: String::new(),
        base: String::new(),
    };
    let mut count: HashMap<&str, usize> = HashMap::new();
    for id in agreements
        .iter()
        .map(|(_, a)| a.id.as_str())
        .chain(events.iter().map(|(_, e)| e.id.as_str()))
    {
        *count.entry(id).or_default() += 1;
    }
    let unreadable = unreadable.iter().map(String::as_str);
    let agreement_ids: HashSet<&str> = agreements
        .iter()
        .map(|(_, a)| a.id.as_str())
        .chain(unreadable.clone())
        .collect();
    let event_ids: HashSet<&str> = events
        .iter()
        .map(|(_, e)| e.id.as_str())
        .chain(unreadable)
        .collect();

    let mut bad = HashSet::new();
    for (pos, (i, a)) in agreements.iter().enumerate() {
        let before = c.out.len();
        c.id = a.id.clone();
        c.base = format!("agreements[{i}]");
        check_id(&mut c, &a.id, &count);
        c.common(
            &a.title,
            &a.date,
            &a.place,
            &a.territory,
            &a.themes,
            &a.source,
        );
        if a.parties.is_empty() {
            c.push("parties", s::NO_PARTIES.into());
        }
        if c.out.len() > before {
            bad.insert(("a", pos));
        }
    }
    for (pos, (i, e)) in events.iter().enumerate() {
        let before = c.out.len();
        c.id = e.id.clone();
        c.base = format!("events[{i}]");
        check_id(&mut c, &e.id, &count);
        c.common(
            &e.title,
            &e.date,
            &e.place,
            &e.territory,
            &e.themes,
            &e.source,
        );
        if let Some(t) = &e.time {
            for (field, v) in [("time.start", Some(&t.start)), ("time.end", t.end.as_ref())] {
                if let Some(v) = v.filter(|v| !is_time(v)) {
                    c.push(field, s::bad_time(v));
                }
            }
        }
        if let Some(p) = &e.part_of {
            if p == &e.id {
                c.push("part_of", s::self_link(p));
            } else if !event_ids.contains(p.as_str()) {
                c.push("part_of", s::dangling_link(p));
            }
        }
        for (j, a) in e.agreements.iter().enumerate() {
            if !agreement_ids.contains(a.as_str()) {
                c.push(&format!("agreements[{j}]"), s::dangling_link(a));
            }
        }
        if let Some(url) = e.registration.as_ref().and_then(|r| r.url.as_ref()) {
            if !is_http_url(url) {
                c.push("registration.url", s::not_http(url));
            }
        }
        if c.out.len() > before {
            bad.insert(("e", pos));
        }
    }
    let agreements = agreements
        .into_iter()
        .enumerate()
        .filter(|(pos, _)| !bad.contains(&("a", *pos)))
        .map(|(_, (_, a))| a)
        .collect();
    let events = events
        .into_iter()
        .enumerate()
        .filter(|(pos, _)| !bad.contains(&("e", *pos)))
        .map(|(_, (_, e))| e)
        .collect();
    (agreements, events, c.out)
}

fn check_id(c: &mut Checker, id: &str, count: &HashMap<&str, usize>) {
    let well_formed = !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !well_formed {
        c.push("id", s::bad_id(id));
    } else if count.get(id).copied().unwrap_or(0) > 1 {
        c.push("id", s::duplicate_id(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_links_become_links() {
        for ok in [
            "https://example.org",
            "http://example.org/a?b=c#d",
            "HTTPS://EXAMPLE.ORG/",
            "Http://example.org",
            "https://[::1]:8080/",
            "https://exemple.fr/économie",
            "https://example.org/\"onmouseover=\"x",
        ] {
            assert!(is_http_url(ok), "{ok:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            " https://example.org",
            "\thttps://example.org",
            "https://example.org ",
            "https://exa mple.org",
            "https:example.org",
            "https:/example.org",
            "https://",
            "https:///example.org",
            "https://\\\\evil.example",
            "https:\\\\evil.example",
            "https://example.org/\u{0}",
            "https://example.org/\n",
            "https://exa\u{202e}gro.elpmaxe",
            "https://exa\u{200b}mple.org",
            "\u{feff}https://example.org",
            "java\u{0}script:alert(1)",
            "//example.org",
            "/relative",
            "",
            "ftp://example.org",
            "httpss://example.org",
            "é",
        ] {
            assert!(!is_http_url(bad), "{bad:?}");
        }
    }

    fn at(path: &str, record: Option<&str>) -> Problem {
        problem(record, path.into(), "m".into())
    }

    #[test]
    fn each_record_left_out_counts_once() {
        let problems = [
            at("regions", None),
            at("themes[0].label", None),
            at("agreements[0].title", Some("a")),
            at("agreements[0].themes[1]", Some("a")),
            at("agreements[1]", None),
            at("events[0].id", Some("a")),
            at("events[10].part_of", Some("b")),
        ];
        assert_eq!(skipped_records(&problems), 4);
        assert_eq!(skipped_records(&problems[..2]), 0);
    }

    #[test]
    fn problems_are_located_in_the_file() {
        let text =
            "{\n  \"agreements\": [\n    { \"id\": \"a\", \"themes\": [\"emploie\"] }\n  ]\n}";
        let mut problems = vec![
            at("agreements[0].themes[0]", Some("a")),
            at("regions", None),
        ];
        locate(text, &mut problems);
        assert_eq!(
            problems[0].position,
            Some(Position {
                line: 3,
                column: 29
            })
        );
        // Not in the file: the root object.
        assert_eq!(problems[1].position, Some(Position { line: 1, column: 1 }));
    }
}
