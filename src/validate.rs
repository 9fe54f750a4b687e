//! Checks an editor's dataset and says, in plain French, what is wrong and where.
//! A record with a problem is left out; the others stay usable.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;

use crate::date::{DateError, PartialDate};
use crate::model::{Agreement, DateInfo, Event, Place, Region, Source, Theme, NATIONAL};
use crate::strings as s;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Id of the record concerned, when it has one.
    pub record: Option<String>,
    /// Where in the file, as a JSON path: `agreements[2].themes[0]`.
    pub path: String,
    pub message: String,
}

fn problem(record: Option<&str>, path: String, message: String) -> Problem {
    Problem {
        record: record.map(str::to_string),
        path,
        message,
    }
}

pub fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => s::ERR_TRUNCATED.to_string(),
        Category::Syntax => format!("{} ({e})", s::ERR_SYNTAX),
        Category::Data => format!("{} ({e})", s::ERR_SHAPE),
        Category::Io => e.to_string(),
    }
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

/// Reads one record on its own, so a malformed one cannot sink the file.
pub fn parse_record<T: DeserializeOwned>(
    raw: &serde_json::value::RawValue,
    list: &str,
    index: usize,
) -> Result<T, Problem> {
    serde_json::from_str(raw.get()).map_err(|e| Problem {
        record: record_id(raw),
        path: format!("{list}[{index}]"),
        message: format!("{} ({e})", s::ERR_RECORD_SHAPE),
    })
}

/// The id of a record that failed to read, if it has a string one, so the
/// problem can name the record.
fn record_id(raw: &serde_json::value::RawValue) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    serde_json::from_str::<IdOnly>(raw.get()).ok().and_then(|r| r.id)
}

pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "http://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
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
            if PartialDate::parse(v).is_err() {
                self.push("source.published", s::date_impossible(v));
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

/// Checks records against the vocabularies and each other; returns the ones that pass.
pub fn records(
    regions: &[Region],
    themes: &[Theme],
    agreements: Vec<Agreement>,
    events: Vec<Event>,
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
        .map(|a| a.id.as_str())
        .chain(events.iter().map(|e| e.id.as_str()))
    {
        *count.entry(id).or_default() += 1;
    }
    let agreement_ids: HashSet<&str> = agreements.iter().map(|a| a.id.as_str()).collect();
    let event_ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();

    let mut bad = HashSet::new();
    for (i, a) in agreements.iter().enumerate() {
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
            bad.insert(("a", i));
        }
    }
    for (i, e) in events.iter().enumerate() {
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
            for v in std::iter::once(&t.start).chain(&t.end) {
                if !is_time(v) {
                    c.push("time", s::bad_time(v));
                }
            }
        }
        if let Some(p) = &e.part_of {
            if !event_ids.contains(p.as_str()) || p == &e.id {
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
            bad.insert(("e", i));
        }
    }
    let agreements = agreements
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !bad.contains(&("a", *i)))
        .map(|(_, a)| a)
        .collect();
    let events = events
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !bad.contains(&("e", *i)))
        .map(|(_, e)| e)
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
