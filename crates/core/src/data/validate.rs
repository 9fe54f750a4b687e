//! Checks an editor's dataset and says, in plain French, what is wrong and where.
//! A record with a problem is left out; the others stay usable.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;

use crate::data::date::{DateError, PartialDate, When};
use crate::data::decimal;
use crate::data::json_error;
use crate::data::lookalike::skeleton;
use crate::data::messages as s;
use crate::data::model::{
    Agreement, DateInfo, Event, Place, Quantity, Region, Source, Theme, NATIONAL, REGION_CODES,
};
use crate::data::span::{self, Lines, Position};
use crate::data::suggest::Suggester;
use crate::data::text::{is_blank, is_invisible_or_bidi};

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
    let found: Vec<usize> = problems
        .iter()
        .zip(&offsets)
        .filter_map(|(p, o)| o.map(|o| o + p.inner.unwrap_or(0)))
        .collect();
    let mut positions = Lines::new(text).positions(&found).into_iter();
    for (p, offset) in problems.iter_mut().zip(offsets) {
        p.position = offset.and_then(|_| positions.next());
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

/// Checks the vocabularies and keeps the entries that can be used: a code
/// or id of the wrong shape, or one already listed, is left out (records
/// using it are then reported as using an unknown region or theme), so
/// every code and id the page offers can be written in a URL and a lock.
/// Entries that are only hard to tell apart stay, with a warning.
pub fn vocabularies(
    regions: Vec<Region>,
    themes: Vec<Theme>,
) -> (Vec<Region>, Vec<Theme>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut looks: HashMap<String, usize> = HashMap::new();
    let mut kept_regions = Vec::with_capacity(regions.len());
    for (i, r) in regions.into_iter().enumerate() {
        if !REGION_CODES.contains(&r.code.as_str()) {
            out.push(problem(
                None,
                format!("regions[{i}].code"),
                s::bad_region_code(&r.code, &REGION_CODES),
            ));
            continue;
        }
        if !seen.insert(r.code.clone()) {
            out.push(problem(
                None,
                format!("regions[{i}].code"),
                s::duplicate_code(&r.code),
            ));
            continue;
        }
        if is_blank(&r.name) {
            out.push(problem(
                None,
                format!("regions[{i}].name"),
                s::EMPTY_NAME.into(),
            ));
        } else if let Some(o) = looks_like(&mut looks, &r.name, kept_regions.len()) {
            let other: &Region = &kept_regions[o];
            out.push(problem(
                None,
                format!("regions[{i}].name"),
                s::look_alike_region(&r.name, &other.code, &other.name),
            ));
        }
        kept_regions.push(r);
    }
    if !kept_regions.iter().any(|r| r.code == NATIONAL) {
        out.push(problem(
            None,
            "regions".into(),
            s::missing_national(NATIONAL),
        ));
    }
    let mut seen = HashSet::new();
    let mut looks: HashMap<String, usize> = HashMap::new();
    let mut kept_themes = Vec::with_capacity(themes.len());
    for (i, t) in themes.into_iter().enumerate() {
        if !is_id(&t.id) {
            out.push(problem(
                None,
                format!("themes[{i}].id"),
                s::bad_theme_id(&t.id),
            ));
            continue;
        }
        if !seen.insert(t.id.clone()) {
            out.push(problem(
                None,
                format!("themes[{i}].id"),
                s::duplicate_code(&t.id),
            ));
            continue;
        }
        if is_blank(&t.label) {
            out.push(problem(
                None,
                format!("themes[{i}].label"),
                s::EMPTY_LABEL.into(),
            ));
        } else if let Some(o) = looks_like(&mut looks, &t.label, kept_themes.len()) {
            let other: &Theme = &kept_themes[o];
            out.push(problem(
                None,
                format!("themes[{i}].label"),
                s::look_alike_theme(&t.label, &other.id, &other.label),
            ));
        }
        kept_themes.push(t);
    }
    english(&kept_regions, &kept_themes, &mut out);
    (kept_regions, kept_themes, out)
}

/// The English labels: every theme has one or none does (a French-only
/// dataset), none is blank, and none reads like another's; a region's
/// English name, when given, is not blank.
fn english(regions: &[Region], themes: &[Theme], out: &mut Vec<Problem>) {
    for (i, r) in regions.iter().enumerate() {
        if r.name_en.as_deref().is_some_and(is_blank) {
            out.push(problem(
                None,
                format!("regions[{i}].name_en"),
                s::EMPTY_NAME.into(),
            ));
        }
    }
    if !themes.iter().any(|t| t.label_en.is_some()) {
        return;
    }
    let mut looks: HashMap<String, usize> = HashMap::new();
    for (i, t) in themes.iter().enumerate() {
        match t.label_en.as_deref() {
            None => out.push(problem(
                None,
                format!("themes[{i}].label_en"),
                s::missing_english_label(&t.id),
            )),
            Some(l) if is_blank(l) => out.push(problem(
                None,
                format!("themes[{i}].label_en"),
                s::EMPTY_LABEL.into(),
            )),
            Some(l) => {
                if let Some(o) = looks_like(&mut looks, l, i) {
                    let other = &themes[o];
                    out.push(problem(
                        None,
                        format!("themes[{i}].label_en"),
                        s::look_alike_theme(
                            l,
                            &other.id,
                            other.label_en.as_deref().unwrap_or_default(),
                        ),
                    ));
                }
            }
        }
        if t.description_en.as_deref().is_some_and(is_blank) {
            out.push(problem(
                None,
                format!("themes[{i}].description_en"),
                s::EMPTY_LABEL.into(),
            ));
        }
    }
}

/// The entry already kept whose label reads like `label`, if any; else
/// `label` is remembered as that of entry `index`.
fn looks_like(looks: &mut HashMap<String, usize>, label: &str, index: usize) -> Option<usize> {
    match looks.entry(skeleton(label)) {
        std::collections::hash_map::Entry::Occupied(o) => Some(*o.get()),
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(index);
            None
        }
    }
}

/// The longest id, in bytes: what the URL codec and the locks carry
/// (`state::query::MAX_ID_LEN`; tests/ids.rs proves they agree).
pub const MAX_ID_BYTES: usize = 120;

/// The shape of every id the page puts in a URL (records and themes): lower-case
/// ASCII letters, digits and hyphens, 1 to [`MAX_ID_BYTES`] bytes.
pub fn is_id(id: &str) -> bool {
    (1..=MAX_ID_BYTES).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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

/// Why a web address may not become a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlError {
    /// Not `http://` or `https://`, or holding characters a browser would
    /// drop or that hide what the link says.
    NotHttp,
    /// `user:password@host`: what the link shows is not where it goes.
    Credentials,
    /// A host name mixing Latin, Cyrillic or Greek letters in one label:
    /// the classic way to imitate another site's name.
    MixedScript,
    /// A port that is not a number from 1 to 65535.
    Port,
    /// A host that is no name and no IP address a browser would read alike.
    Unparsable,
}

/// Whether a URL may become a link: `http://` or `https://` (any case)
/// followed by a host, with nothing a browser would silently drop or that
/// could hide what the link says: no white space, no control characters, no
/// invisible or direction-changing characters, no backslash (which browsers
/// read as a slash), no user name or password, a host that is a name
/// (each label in one alphabet) or an IP address, a port that can be.
/// Anything else (`javascript:`, `data:`, `https:x`) is shown as text, if
/// at all.
pub fn is_http_url(url: &str) -> bool {
    check_url(url).is_ok()
}

/// As [`is_http_url`], saying what is wrong.
pub fn check_url(url: &str) -> Result<(), UrlError> {
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    let Some(rest) = rest else {
        return Err(UrlError::NotHttp);
    };
    if rest
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\' || is_invisible_or_bidi(c))
    {
        return Err(UrlError::NotHttp);
    }
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    if authority.contains('@') {
        return Err(UrlError::Credentials);
    }
    let (host, port) = if let Some(inside) = authority.strip_prefix('[') {
        let (v6, after) = inside.split_once(']').ok_or(UrlError::Unparsable)?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(UrlError::Unparsable)?),
        };
        let v6_ok = v6.contains(':')
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if !v6_ok {
            return Err(UrlError::Unparsable);
        }
        (None, port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(authority), None),
        }
    };
    if let Some(p) = port {
        let ok = (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n));
        if !ok {
            return Err(UrlError::Port);
        }
    }
    match host {
        Some(h) => check_host(h),
        None => Ok(()),
    }
}

/// A host name, label by label, or a dotted IPv4 address.
fn check_host(host: &str) -> Result<(), UrlError> {
    // One final dot is a fully qualified name; nothing else may be empty.
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.is_empty() || name.len() > 253 {
        return Err(UrlError::Unparsable);
    }
    let labels: Vec<&str> = name.split('.').collect();
    // Browsers read a host ending in a number as an IPv4 address, in forms
    // (`0x7f.1`, `2130706433`) that would not read as what they show.
    if labels
        .last()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
    {
        let ipv4 = labels.len() == 4
            && labels.iter().all(|l| {
                (1..=3).contains(&l.len())
                    && l.bytes().all(|b| b.is_ascii_digit())
                    && (l.len() == 1 || !l.starts_with('0'))
                    && l.parse::<u16>().is_ok_and(|n| n <= 255)
            });
        return if ipv4 {
            Ok(())
        } else {
            Err(UrlError::Unparsable)
        };
    }
    for label in labels {
        let well_formed = (1..=63).contains(&label.chars().count())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !well_formed {
            return Err(UrlError::Unparsable);
        }
        let mut scripts = label.chars().filter_map(script);
        if let Some(first) = scripts.next() {
            if scripts.any(|s| s != first) {
                return Err(UrlError::MixedScript);
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
}

/// The alphabet of a letter, among those whose letters look alike.
fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => {
            Some(Script::Latin)
        }
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Some(Script::Greek),
        '\u{400}'..='\u{52F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}' => Some(Script::Cyrillic),
        _ => None,
    }
}

fn is_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit)
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60)
}

/// The years a date may have: the ESS's conventions and events are of the
/// twentieth and twenty-first centuries; a year outside is a typo
/// (`0019`, `9999`) that would sort first or last among thousands.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The largest figure, in absolute value: beyond a thousand billion, a
/// figure of this dataset (people, companies, euros, percentages) surely
/// has zeros too many; and up to it, every whole number is exact in a
/// 64-bit float, so the page shows exactly what the file says.
pub const MAX_FIGURE: f64 = 1e12;

/// Decimals a figure may have: "7.5 %", "12.25" are real; more are noise
/// (`0.30000000000000004`) or a mistake.
pub const MAX_DECIMALS: usize = 3;

/// A figure written as the file (probably) wrote it: plain digits, or
/// scientific notation for the very large and the very small.
fn written(v: f64) -> String {
    if v != 0.0 && !(1e-6..1e15).contains(&v.abs()) {
        decimal::scientific(v)
    } else {
        decimal::plain(v)
    }
}

struct Checker<'a> {
    regions: HashSet<&'a str>,
    themes: HashSet<&'a str>,
    suggest: Suggester<'a>,
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

    fn date(&mut self, field: &str, value: &str, published: bool) {
        // A publication is one date; a record's may be an interval.
        let parsed = if published {
            PartialDate::parse(value).map(When::On)
        } else {
            When::parse(value)
        };
        let in_range = |b: Option<PartialDate>| b.is_none_or(|d| YEARS.contains(&d.year));
        let message = match parsed {
            Ok(When::On(d)) if in_range(Some(d)) => return,
            Ok(When::Between(a, b)) if in_range(a.date()) && in_range(b.date()) => return,
            Ok(_) => s::date_out_of_range(value, published, *YEARS.start(), *YEARS.end()),
            Err(DateError::Format) if published => s::date_published_format(value),
            Err(DateError::Format) => s::date_format(value),
            Err(DateError::Impossible) if published => s::date_published_impossible(value),
            Err(DateError::Impossible) => s::date_impossible(value),
            Err(DateError::Unbounded) => s::date_unbounded(value),
            Err(DateError::Reversed) => s::date_reversed(value),
        };
        self.push(field, message);
    }

    /// An interval's words and the note of each bound it gives, and no
    /// bound's note where the value gives no such bound. A value that does
    /// not parse is reported already, its notes left alone.
    fn date_bounds(&mut self, date: &DateInfo) {
        let value = date.value.as_deref();
        let (start, end) = match value.map(When::parse) {
            Some(Err(_)) => return,
            Some(Ok(When::Between(start, end))) => {
                if date.text.as_deref().is_none_or(is_blank) {
                    self.push("date.text", s::interval_without_text(value.unwrap_or("")));
                }
                (start.date(), end.date())
            }
            Some(Ok(When::On(_))) | None => (None, None),
        };
        for (field, bound, note) in [
            ("start_note", start, &date.start_note),
            ("end_note", end, &date.end_note),
        ] {
            let path = format!("date.{field}");
            match (bound, note.as_deref()) {
                (Some(d), n) if n.is_none_or(is_blank) => self.push(
                    &path,
                    s::interval_without_note(value.unwrap_or(""), field, &d.to_string()),
                ),
                (None, Some(_)) => self.push(&path, s::stray_bound_note(field, value)),
                _ => {}
            }
        }
    }

    fn url(&mut self, field: &str, url: &str) {
        let message = match check_url(url) {
            Ok(()) => return,
            Err(UrlError::NotHttp) => s::not_http(url),
            Err(UrlError::Credentials) => s::url_credentials(url),
            Err(UrlError::MixedScript) => s::url_mixed_script(url),
            Err(UrlError::Port) => s::url_port(url),
            Err(UrlError::Unparsable) => s::url_unparsable(url),
        };
        self.push(field, message);
    }

    /// Targets are counts or shares, never below zero; context figures may
    /// be (a fall of 3 %, a deficit).
    fn quantities(&mut self, list: &str, items: &[Quantity], signed: bool) {
        for (i, q) in items.iter().enumerate() {
            let v = q.value;
            let message = if !signed && v < 0.0 {
                s::target_negative(&written(v))
            } else if v.abs() > MAX_FIGURE {
                s::figure_too_large(&written(v))
            } else if decimal::decimals(v).is_none_or(|d| d > MAX_DECIMALS) {
                s::figure_decimals(&written(v), MAX_DECIMALS)
            } else {
                continue;
            };
            self.push(&format!("{list}[{i}].value"), message);
        }
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
        } else if is_blank(title) {
            self.push("title", s::INVISIBLE_TITLE.into());
        }
        if let Some(v) = &date.value {
            self.date("date.value", v, false);
        }
        self.date_bounds(date);
        if let Some(v) = &source.published {
            self.date("source.published", v, true);
        }
        if let Some(url) = &source.url {
            self.url("source.url", url);
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
        for (i, theme) in themes.iter().enumerate() {
            if !self.themes.contains(theme.as_str()) {
                let near = self.suggest.closest(theme);
                self.push(&format!("themes[{i}]"), s::unknown_theme(theme, near));
            }
        }
    }
}

/// Records that passed, each with its index in its list in the file.
pub type Passed<T> = Vec<(usize, T)>;

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
) -> (Passed<Agreement>, Passed<Event>, Vec<Problem>) {
    let mut c = Checker {
        regions: regions.iter().map(|r| r.code.as_str()).collect(),
        themes: themes.iter().map(|t| t.id.as_str()).collect(),
        suggest: Suggester::new(themes.iter().map(|t| t.id.as_str())),
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
        c.quantities("targets", &a.targets, false);
        c.quantities("figures", &a.figures, true);
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
            let mut well_formed = true;
            for (field, v) in [("time.start", Some(&t.start)), ("time.end", t.end.as_ref())] {
                if let Some(v) = v.filter(|v| !is_time(v)) {
                    c.push(field, s::bad_time(v));
                    well_formed = false;
                }
            }
            // "HH:MM" compares as text in time order.
            if let Some(end) = t.end.as_ref().filter(|end| well_formed && **end < t.start) {
                c.push("time.end", s::time_end_before_start(end, &t.start));
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
            c.url("registration.url", url);
        }
        c.quantities("figures", &e.figures, true);
        if c.out.len() > before {
            bad.insert(("e", pos));
        }
    }
    let agreements = agreements
        .into_iter()
        .enumerate()
        .filter(|(pos, _)| !bad.contains(&("a", *pos)))
        .map(|(_, a)| a)
        .collect();
    let events = events
        .into_iter()
        .enumerate()
        .filter(|(pos, _)| !bad.contains(&("e", *pos)))
        .map(|(_, e)| e)
        .collect();
    (agreements, events, c.out)
}

fn check_id(c: &mut Checker, id: &str, count: &HashMap<&str, usize>) {
    if !is_id(id) {
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

    #[test]
    fn deceptive_links_are_refused_with_their_reason() {
        for ok in [
            "https://example.org:8080/",
            "https://example.org:65535",
            "https://example.org./",
            "https://192.168.0.1/x",
            "https://xn--exmple-cua.org/",
            "https://пример.рф/",
            "https://παράδειγμα.ελ/",
            "https://économie.fr/",
            "https://exemple.fr?q=a@b",
            "https://exemple.fr/#user@host",
        ] {
            assert_eq!(check_url(ok), Ok(()), "{ok:?}");
        }
        for (bad, why) in [
            ("https://user:pass@example.org/", UrlError::Credentials),
            ("https://user@example.org/", UrlError::Credentials),
            ("https://example.org@evil.example/", UrlError::Credentials),
            ("https://ex\u{430}mple.org/", UrlError::MixedScript),
            ("https://p\u{3b1}ypal.com/", UrlError::MixedScript),
            ("https://example.org:99999/", UrlError::Port),
            ("https://example.org:0/", UrlError::Port),
            ("https://example.org:/", UrlError::Port),
            ("https://example.org:8o/", UrlError::Port),
            ("https://[::1]:70000/", UrlError::Port),
            ("https://999.1.1.1/", UrlError::Unparsable),
            ("https://1.2.3/", UrlError::Unparsable),
            ("https://2130706433/", UrlError::Unparsable),
            ("https://01.2.3.4/", UrlError::Unparsable),
            ("https://exa_mple.org/", UrlError::Unparsable),
            ("https://-example.org/", UrlError::Unparsable),
            ("https://example..org/", UrlError::Unparsable),
            ("https://exa%6Dple.org/", UrlError::Unparsable),
            ("https://[zz::1]/", UrlError::Unparsable),
            ("https://[::1/", UrlError::Unparsable),
            ("https:///example.org", UrlError::Unparsable),
            ("javascript:alert(1)", UrlError::NotHttp),
        ] {
            assert_eq!(check_url(bad), Err(why), "{bad:?}");
        }
    }

    #[test]
    fn blank_means_nothing_to_see() {
        for blank in [
            "",
            "  ",
            "\u{200B}\u{301}\u{200D}",
            "\u{3164}",
            "\u{FE0F}\t",
            "\u{2800}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for seen in ["a", "é", "e\u{301}", "🎉", "\u{200B}x"] {
            assert!(!is_blank(seen), "{seen:?}");
        }
    }

    #[test]
    fn figures_are_read_as_written() {
        assert_eq!(written(1e20), "1e20");
        assert_eq!(written(-5.0), "-5");
        assert_eq!(written(0.0001), "0.0001");
        assert_eq!(written(1e-7), "1e-7");
    }

    fn region(code: &str, name: &str) -> Region {
        Region {
            code: code.into(),
            name: name.into(),
            name_en: None,
        }
    }

    fn theme(id: &str, label: &str) -> Theme {
        Theme {
            id: id.into(),
            label: label.into(),
            description: String::new(),
            label_en: None,
            description_en: None,
        }
    }

    #[test]
    fn vocabularies_keep_only_what_a_url_can_carry() {
        let (regions, themes, problems) = vocabularies(
            vec![
                region("FR", "Portée nationale"),
                region("04", "La Réunion"),
                region("4", "La Réunion bis"),
                region("04", "Doublon"),
                region("11", "LA REUNION"),
            ],
            vec![
                theme("emploi", "Emploi"),
                theme("empl\u{43e}i", "Emploi bis"),
                theme("Emploi", "Emploi ter"),
                theme(&"a".repeat(121), "Long"),
                theme("emploi-2", "\u{415}mploi"),
                theme("vide", "\u{200B}"),
            ],
        );
        let codes: Vec<&str> = regions.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["FR", "04", "11"]);
        let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["emploi", "emploi-2", "vide"]);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "regions[2].code",
                "regions[3].code",
                "regions[4].name",
                "themes[1].id",
                "themes[2].id",
                "themes[3].id",
                "themes[4].label",
                "themes[5].label",
            ]
        );
        assert_eq!(skipped_records(&problems), 0);
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

    /// The problems of an agreement, the third of its list, dated `date`
    /// (a JSON object): each as its path and message.
    fn date_problems(date: &str) -> Vec<(String, String)> {
        let json = format!(
            r#"{{"id": "a", "title": "T", "kind": "accord", "parties": [{{"name": "P"}}],
                "date": {date}, "territory": ["FR"], "themes": [],
                "source": {{"file": "f.txt"}}, "excerpts": []}}"#
        );
        let a: Agreement = serde_json::from_str(&json).unwrap();
        let regions = [region("FR", "Portée nationale")];
        let (passed, _, problems) = records(&regions, &[], vec![(2, a)], vec![], &HashSet::new());
        assert_eq!(passed.is_empty(), !problems.is_empty());
        problems.into_iter().map(|p| (p.path, p.message)).collect()
    }

    fn paths(problems: &[(String, String)]) -> Vec<&str> {
        problems.iter().map(|(p, _)| p.as_str()).collect()
    }

    #[test]
    fn an_interval_says_its_words_and_how_each_bound_was_read() {
        for ok in [
            r#"{"value": "../2015-07-10", "text": "Publié le 10 juillet 2015", "end_note": "Publié ce jour-là, signé avant."}"#,
            r#"{"value": "2007-11-12/2007-12-31", "text": "d'ici la fin de l'année 2007", "start_note": "a", "end_note": "b", "note": "c"}"#,
            r#"{"value": "2007/..", "text": "depuis 2007", "start_note": "a"}"#,
            r#"{"value": "2019-11-21"}"#,
            r#"{"value": "2019-11", "text": "en novembre", "note": "n"}"#,
            r#"{}"#,
        ] {
            assert_eq!(date_problems(ok), [], "{ok}");
        }
        // Words and notes missing, or blank: each a problem of its own, at its field.
        let p = date_problems(r#"{"value": "2007-11-12/2007-12-31"}"#);
        assert_eq!(
            paths(&p),
            [
                "agreements[2].date.text",
                "agreements[2].date.start_note",
                "agreements[2].date.end_note"
            ]
        );
        assert_eq!(
            p[0].1,
            "intervalle 2007-11-12/2007-12-31 sans \"text\" : citez les mots du texte sur lesquels reposent ses bornes"
        );
        assert_eq!(
            p[2].1,
            "intervalle 2007-11-12/2007-12-31 sans \"end_note\" : dites comment sa fin (2007-12-31) a été lue dans le texte"
        );
        let p = date_problems(r#"{"value": "../2015-07-10", "text": " ", "end_note": "\u200b"}"#);
        assert_eq!(
            paths(&p),
            ["agreements[2].date.text", "agreements[2].date.end_note"]
        );
        // A bound's note where there is no such bound.
        let p = date_problems(
            r#"{"value": "../2015-07-10", "text": "t", "start_note": "a", "end_note": "b"}"#,
        );
        assert_eq!(paths(&p), ["agreements[2].date.start_note"]);
        assert!(p[0].1.contains("n'a pas de date de début"), "{}", p[0].1);
        let p = date_problems(r#"{"value": "2019-11-21", "end_note": "b"}"#);
        assert_eq!(paths(&p), ["agreements[2].date.end_note"]);
        assert!(p[0].1.contains("n'est pas un intervalle"), "{}", p[0].1);
        let p = date_problems(r#"{"text": "dernièrement", "start_note": "a", "end_note": "b"}"#);
        assert_eq!(
            paths(&p),
            [
                "agreements[2].date.start_note",
                "agreements[2].date.end_note"
            ]
        );
        assert!(p[0].1.contains("sans \"value\""), "{}", p[0].1);
        // A value that does not read is reported once, its notes left alone.
        for (bad, message) in [
            (
                r#"{"value": "../..", "end_note": "b"}"#,
                "sans aucune borne",
            ),
            (
                r#"{"value": "2016/2015-12-31", "text": "t", "start_note": "a"}"#,
                "à l'envers",
            ),
            (r#"{"value": "/2015", "end_note": "b"}"#, "mal écrite"),
        ] {
            let p = date_problems(bad);
            assert_eq!(paths(&p), ["agreements[2].date.value"], "{bad}");
            assert!(p[0].1.contains(message), "{bad}: {}", p[0].1);
        }
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
