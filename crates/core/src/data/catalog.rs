//! The loaded dataset: vocabularies, the records that passed validation, and a
//! uniform [`Entry`] per record for the engine to index.

use crate::data::date::When;
use crate::data::error::LoadError;
use crate::data::json_error;
use crate::data::messages as s;
use crate::data::model::{
    Agreement, Event, Place, RawDataset, Region, Theme, NATIONAL, TOP_LEVEL_KEYS,
};
use crate::data::span::Position;
use crate::data::validate::{self, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum RecordType {
    #[default]
    Agreement,
    Event,
}

impl RecordType {
    pub const ALL: [RecordType; 2] = [RecordType::Agreement, RecordType::Event];

    /// The name used in URLs and in the DOM.
    pub fn key(self) -> &'static str {
        match self {
            RecordType::Agreement => "agreement",
            RecordType::Event => "event",
        }
    }

    pub fn from_key(key: &str) -> Option<RecordType> {
        RecordType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// What the engine needs of a record, whatever its type.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub record_type: RecordType,
    pub title: String,
    /// `None` when the text gives no usable date.
    pub date: Option<When>,
    /// Region codes, [`NATIONAL`] included as a code of its own.
    pub territory: Vec<String>,
    pub themes: Vec<String>,
}

impl Entry {
    pub fn is_national(&self) -> bool {
        self.territory.iter().any(|c| c == NATIONAL)
    }
}

#[derive(Debug, Clone, Copy)]
pub enum RecordRef<'a> {
    Agreement(&'a Agreement),
    Event(&'a Event),
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    pub agreements: Vec<Agreement>,
    pub events: Vec<Event>,
    /// Agreements first, then events, in file order.
    pub entries: Vec<Entry>,
    /// The acronyms and terms of the texts (data/glossary.json), when the
    /// dataset is packed with one.
    pub glossary: Vec<crate::data::glossary::GlossaryEntry>,
}

impl Catalog {
    /// The same catalog with its vocabularies as the English page shows
    /// them: each theme's and region's English label where the data gives
    /// one, the French one otherwise. The records themselves stay French.
    pub fn with_english_vocabularies(&self) -> Catalog {
        let mut out = self.clone();
        for r in &mut out.regions {
            if let Some(name) = r.name_en.take() {
                r.name = name;
            }
        }
        for t in &mut out.themes {
            if let Some(label) = t.label_en.take() {
                t.label = label;
            }
            if let Some(d) = t.description_en.take() {
                t.description = d;
            }
        }
        out
    }
}

/// A usable catalog, and what had to be left out of it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
}

/// Reads a data file's bytes, as both the validator and the page's converter
/// do, so that they say the same of a file in the wrong encoding: UTF-16
/// (what some Windows editors save as "Unicode") is named as such, any
/// other bytes that are not UTF-8 are refused where they start. A browser
/// would decode them with replacement characters and show altered text as
/// if it were the file's.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if is_utf16(bytes) {
        return Err(LoadError::content(s::UTF16.to_string(), None, None));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_json(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let at = Position::of_offset(valid, valid.len());
            Err(LoadError::content(
                s::NOT_UTF8.to_string(),
                Some(at.line),
                Some(at.column),
            ))
        }
    }
}

/// A byte order mark of UTF-16, or a first character with a zero byte
/// beside it: JSON text in UTF-8 never starts with a NUL (a BOM of UTF-32
/// is caught too, which is as wrong for the editor).
fn is_utf16(bytes: &[u8]) -> bool {
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => true,
        [a, b, ..] => (*a == 0) != (*b == 0) && (a | b).is_ascii(),
        _ => false,
    }
}

pub fn load_json(text: &str) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::content(
            s::ERR_EMPTY_FILE.to_string(),
            None,
            None,
        ));
    }
    // Editors on some systems save a byte order mark; it says nothing about the data.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first = text.len() - text.trim_start().len();
    if !text[first..].starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        // Valid JSON, but a list or a single value: say what the file must be
        // rather than what serde expected of its first element.
        let at = Position::of_offset(text, first);
        return Err(LoadError::content(
            s::ERR_NOT_OBJECT.to_string(),
            Some(at.line),
            Some(at.column),
        ));
    }
    let raw: RawDataset = serde_json::from_str(text).map_err(|e| {
        let offset = json_error::offset(&e, text);
        let at = Position::of_offset(text, offset);
        LoadError::content(
            json_error::describe_file_error(&e, &text[offset..]),
            Some(at.line),
            Some(at.column),
        )
    })?;
    let mut loaded = from_raw(raw);
    validate::locate(text, &mut loaded.problems);
    Ok(loaded)
}

pub fn from_raw(raw: RawDataset<'_>) -> Loaded {
    let (regions, themes, mut problems) = validate::vocabularies(raw.regions, raw.themes);
    for key in &raw.unknown {
        problems.push(Problem {
            record: None,
            path: key.clone(),
            message: s::unknown_field(key, &TOP_LEVEL_KEYS),
            inner: None,
            position: None,
            kept: false,
        });
    }
    let mut unreadable = std::collections::HashSet::new();
    // Oversize records are shortened only once checked, so that every item
    // of every list is checked.
    let mut oversize = std::collections::HashSet::new();
    let mut agreements = Vec::with_capacity(raw.agreements.len());
    for (i, value) in raw.agreements.into_iter().enumerate() {
        let too_long = validate::oversize(value, "agreements", i);
        match validate::parse_record::<Agreement>(value, "agreements", i) {
            Ok(a) => {
                if let Some(p) = too_long {
                    oversize.insert(("a", i));
                    problems.push(p);
                }
                agreements.push((i, a))
            }
            Err(p) => {
                unreadable.extend(p.record.clone());
                problems.push(p);
            }
        }
    }
    let mut events = Vec::with_capacity(raw.events.len());
    for (i, value) in raw.events.into_iter().enumerate() {
        let too_long = validate::oversize(value, "events", i);
        match validate::parse_record::<Event>(value, "events", i) {
            Ok(e) => {
                if let Some(p) = too_long {
                    oversize.insert(("e", i));
                    problems.push(p);
                }
                events.push((i, e))
            }
            Err(p) => {
                unreadable.extend(p.record.clone());
                problems.push(p);
            }
        }
    }
    let (agreements, events, record_problems) =
        validate::records(&regions, &themes, agreements, events, &unreadable);
    problems.extend(record_problems);
    let agreements: Vec<Agreement> = agreements
        .into_iter()
        .map(|(i, mut a)| {
            if oversize.contains(&("a", i)) {
                crate::data::clip::agreement(&mut a);
            }
            a
        })
        .collect();
    let events: Vec<Event> = events
        .into_iter()
        .map(|(i, mut e)| {
            if oversize.contains(&("e", i)) {
                crate::data::clip::event(&mut e);
            }
            e
        })
        .collect();

    let entries = agreements
        .iter()
        .map(|a| {
            entry(
                &a.id,
                RecordType::Agreement,
                &a.title,
                &a.date.value,
                &a.territory,
                &a.themes,
            )
        })
        .chain(events.iter().map(|e| {
            entry(
                &e.id,
                RecordType::Event,
                &e.title,
                &e.date.value,
                &e.territory,
                &e.themes,
            )
        }))
        .collect();
    Loaded {
        catalog: Catalog {
            regions,
            themes,
            agreements,
            events,
            entries,
            glossary: Vec::new(),
        },
        problems,
    }
}

fn entry(
    id: &str,
    record_type: RecordType,
    title: &str,
    date: &Option<String>,
    territory: &[String],
    themes: &[String],
) -> Entry {
    Entry {
        id: id.to_string(),
        record_type,
        title: title.to_string(),
        date: date.as_deref().and_then(|d| When::parse(d).ok()),
        territory: territory.to_vec(),
        themes: themes.to_vec(),
    }
}

impl Catalog {
    pub fn record(&self, index: usize) -> RecordRef<'_> {
        if index < self.agreements.len() {
            RecordRef::Agreement(&self.agreements[index])
        } else {
            RecordRef::Event(&self.events[index - self.agreements.len()])
        }
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    pub fn region_name(&self, code: &str) -> Option<&str> {
        crate::data::model::region_name(&self.regions, code)
    }

    pub fn theme_label(&self, id: &str) -> Option<&str> {
        crate::data::model::theme_label(&self.themes, id)
    }

    /// Every piece of text a visitor may search a record by, separated by
    /// newlines: into `strong` what names the record (title, parties and
    /// their acronyms, organiser), which ranks first, into `other` the rest.
    pub fn searchable_text(&self, index: usize, strong: &mut String, other: &mut String) {
        fn push(out: &mut String, s: &str) {
            out.push_str(s);
            out.push('\n');
        }
        let place = |p: &Option<Place>, out: &mut String| {
            if let Some(p) = p {
                for s in [&p.name, &p.address, &p.commune].into_iter().flatten() {
                    push(out, s);
                }
                if let Some(name) = p.region.as_deref().and_then(|c| self.region_name(c)) {
                    push(out, name);
                }
            }
        };
        match self.record(index) {
            RecordRef::Agreement(a) => {
                push(strong, &a.title);
                for p in &a.parties {
                    push(strong, &p.name);
                    if let Some(acr) = &p.acronym {
                        push(strong, acr);
                    }
                }
                push(other, &a.kind);
                for s in a.description.iter().chain(&a.objectives) {
                    push(other, s);
                }
                for p in &a.people {
                    push(other, &p.name);
                }
                place(&a.place, other);
                for x in &a.excerpts {
                    push(other, &x.text);
                }
            }
            RecordRef::Event(e) => {
                push(strong, &e.title);
                if let Some(s) = &e.organiser {
                    push(strong, s);
                }
                push(other, &e.kind);
                for s in e.description.iter().chain(&e.objectives).chain(&e.audience) {
                    push(other, s);
                }
                for p in &e.people {
                    push(other, &p.name);
                }
                place(&e.place, other);
                for x in &e.excerpts {
                    push(other, &x.text);
                }
            }
        }
        // A record is found by its themes' labels, in both languages: "RSE"
        // finds the records whose theme is "Responsabilité sociétale (RSE)".
        for id in &self.entries[index].themes {
            if let Some(theme) = self.themes.iter().find(|t| &t.id == id) {
                push(other, &theme.label);
                if let Some(en) = &theme.label_en {
                    push(other, en);
                }
            }
        }
    }
}
