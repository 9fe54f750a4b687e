//! A record in full, as its detail view lays it out, worded once when the
//! pack is made: labelled facts, titled lists, the source and the excerpts
//! each fact rests on, and links to the records around it.
//!
//! The wording (dates in French, places, figures, field labels) is computed
//! here from the validated records, with [`crate::pack::phrase`], and stored
//! ready to lay out. The page then only places strings in markup: it
//! carries no JSON reader, no date or number formatting for records, and no
//! per-field code for the detail view, which keeps it small, and a record it
//! never opens costs it nothing.
//!
//! The items of facts and lists are runs of [`Span`]s: plain, muted,
//! strong, a web link (only http(s) addresses ever become one, checked again
//! when read), a link to another record by id or to a region's page by its
//! code. The themes are their ids, and the territory its region codes
//! (since format 7): the page names them from its own vocabulary (the
//! English pack's in English) and links each to its page
//! (`export::pages`). An event dated to the day carries its "add to my
//! calendar" links for the web calendars (`export::web_calendars`), worded
//! and encoded here.
//!
//! ```text
//! detail    := facts, opt str description, count × section, facts (source),
//!              opt str source note, count × (str excerpt, str caption),
//!              count × (str label, str url) (web calendars)
//! facts     := count × (str label, value, opt str note)
//! value     := u8 0, spans | u8 1, count × spans | u8 2, count × str theme id
//! section   := str title, u8 style (0 plain, 1 figures, 2 linked), count × spans
//! spans     := count × (u8 tag (0 text, 1 muted, 2 strong, 3 link, 4 record,
//!              5 region code), str)
//! ```

use std::collections::HashMap;

use crate::data::catalog::{Catalog, RecordRef};
use crate::data::date::PartialDate;
use crate::data::model::{DateInfo, Excerpt, Person, Quantity, Source, Status};
use crate::data::validate::is_http_url;
use crate::pack::phrase;
use crate::wire::{self, Corrupt, Reader, Writer};
use crate::wording::say as s;

/// A run of text in the detail view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Muted(&'a str),
    Strong(&'a str),
    /// An http(s) address, shown as itself and opened in a new tab.
    Link(&'a str),
    /// Another record, by id: shown by its title when the dataset has it.
    Record(&'a str),
    /// A region, by code: shown by its name in the pack's vocabulary, a
    /// link to its page.
    Region(&'a str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Line(Vec<Span<'a>>),
    Items(Vec<Vec<Span<'a>>>),
    /// Theme ids, shown as chips by their labels, each a link to its page.
    Themes(Vec<&'a str>),
}

/// One labelled fact (`<dt>`/`<dd>`), with an optional note under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact<'a> {
    pub label: &'a str,
    pub value: Value<'a>,
    pub note: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    Plain,
    /// Figures: the number stands out.
    Figures,
    /// Links to other records.
    Linked,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    pub title: &'a str,
    pub style: ListStyle,
    pub items: Vec<Vec<Span<'a>>>,
}

/// A record in full, as the detail view lays it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail<'a> {
    pub facts: Vec<Fact<'a>>,
    pub description: Option<&'a str>,
    pub sections: Vec<Section<'a>>,
    pub source: Vec<Fact<'a>>,
    pub source_note: Option<&'a str>,
    /// Each excerpt and what it supports ("Appuie : date, lieu").
    pub excerpts: Vec<(&'a str, String)>,
    /// Web calendars to add the event to: each link's words and address.
    pub calendars: Vec<(&'a str, &'a str)>,
}

// ------------------------------------------------------------------ writing

/// Links between records that the detail views show both ways.
#[derive(Debug, Default)]
pub struct Links<'c> {
    /// Agreement id → the events linked to it.
    events_of: HashMap<&'c str, Vec<&'c str>>,
    /// Programme id → its parts.
    parts_of: HashMap<&'c str, Vec<&'c str>>,
}

impl<'c> Links<'c> {
    /// One pass over the events (not one per agreement: 100,000 records
    /// would make that ten billion comparisons).
    pub fn new(catalog: &'c Catalog) -> Links<'c> {
        let mut links = Links::default();
        for e in &catalog.events {
            if let Some(p) = &e.part_of {
                links.parts_of.entry(p).or_default().push(&e.id);
            }
            for a in &e.agreements {
                let list = links.events_of.entry(a).or_default();
                if list.last() != Some(&e.id.as_str()) {
                    list.push(&e.id);
                }
            }
        }
        links
    }

    fn events_of(&self, id: &str) -> &[&'c str] {
        self.events_of.get(id).map_or(&[], Vec::as_slice)
    }

    fn parts_of(&self, id: &str) -> &[&'c str] {
        self.parts_of.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Builds spans and facts as owned strings, then writes them.
#[derive(Debug, Clone, PartialEq)]
enum OwnedSpan {
    Text(String),
    Muted(String),
    Strong(String),
    Link(String),
    Record(String),
    Region(String),
}

enum OwnedValue {
    Line(Vec<OwnedSpan>),
    Items(Vec<Vec<OwnedSpan>>),
    Themes(Vec<String>),
}

struct OwnedFact {
    label: &'static str,
    value: OwnedValue,
    note: Option<String>,
}

fn line(label: &'static str, text: String) -> OwnedFact {
    OwnedFact {
        label,
        value: OwnedValue::Line(vec![OwnedSpan::Text(text)]),
        note: None,
    }
}

/// The date as worded, the text's own words beside it when the wording is
/// not theirs, and under it how it was read: the note, then how each
/// bound of an interval was ("Début : …", "Fin : …"), a line each.
fn date_fact(date: &DateInfo, status: Option<Status>) -> OwnedFact {
    let mut spans = vec![OwnedSpan::Text(phrase::record_date_label(date, status))];
    if date.value.is_some() {
        if let Some(t) = &date.text {
            spans.push(OwnedSpan::Muted(format!(" — « {t} »")));
        }
    }
    let bounds = [
        (s::DATE_START_NOTE(), &date.start_note),
        (s::DATE_END_NOTE(), &date.end_note),
    ];
    let lines: Vec<String> = date
        .note
        .iter()
        .cloned()
        .chain(
            bounds
                .into_iter()
                .filter_map(|(label, note)| Some(format!("{label}{}", note.as_ref()?))),
        )
        .collect();
    OwnedFact {
        label: s::D_DATE(),
        value: OwnedValue::Line(spans),
        note: (!lines.is_empty()).then(|| lines.join("\n")),
    }
}

/// "Statut : annoncé", with what that means, for an agreement its text
/// announces without showing it signed.
/// The status of an agreement a text only announces, and how its date
/// reads: the deadline the text plans, in its own words (the date's
/// `text`), is said to be an intention; the date's bounds are only facts.
fn status_fact(status: Option<Status>, date: &DateInfo) -> Option<OwnedFact> {
    let note = match status? {
        Status::Announced => s::status_announced_note(date.text.as_deref()),
    };
    Some(OwnedFact {
        note: Some(note),
        ..line(s::D_STATUS(), phrase::status_label(status).to_string())
    })
}

fn people_fact(people: &[Person]) -> Option<OwnedFact> {
    if people.is_empty() {
        return None;
    }
    let items = people
        .iter()
        .map(|p| {
            let what: Vec<&str> = [p.role.as_deref(), p.organisation.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let mut spans = vec![OwnedSpan::Text(p.name.clone())];
            if !what.is_empty() {
                spans.push(OwnedSpan::Text(format!(", {}", what.join(", "))));
            }
            spans.push(OwnedSpan::Muted(format!(" ({})", p.involvement)));
            spans
        })
        .collect();
    Some(OwnedFact {
        label: s::D_PEOPLE(),
        value: OwnedValue::Items(items),
        note: None,
    })
}

/// The themes by id: the page names them from its vocabulary.
fn themes_fact(themes: &[String]) -> OwnedFact {
    OwnedFact {
        label: s::D_THEMES(),
        value: OwnedValue::Themes(themes.to_vec()),
        note: None,
    }
}

/// The territory by region code, a comma between two: the page names each
/// from its vocabulary and links it to the region's page.
fn territory_fact(codes: &[String]) -> OwnedFact {
    let mut spans = Vec::new();
    for (k, code) in codes.iter().enumerate() {
        if k > 0 {
            spans.push(OwnedSpan::Text(", ".into()));
        }
        spans.push(OwnedSpan::Region(code.clone()));
    }
    OwnedFact {
        label: s::D_TERRITORY(),
        value: OwnedValue::Line(spans),
        note: None,
    }
}

fn text_items(texts: &[String]) -> Vec<Vec<OwnedSpan>> {
    texts
        .iter()
        .map(|t| vec![OwnedSpan::Text(t.clone())])
        .collect()
}

fn figure_items(items: &[Quantity]) -> Vec<Vec<OwnedSpan>> {
    items
        .iter()
        .map(|q| {
            vec![
                OwnedSpan::Strong(format!(
                    "{} {}",
                    crate::wording::format::number(q.value),
                    q.unit
                )),
                OwnedSpan::Text(format!(" — {}", q.label)),
            ]
        })
        .collect()
}

fn record_items<'x>(ids: impl IntoIterator<Item = &'x str>) -> Vec<Vec<OwnedSpan>> {
    ids.into_iter()
        .map(|id| vec![OwnedSpan::Record(id.to_string())])
        .collect()
}

fn source_facts(src: &Source) -> Vec<OwnedFact> {
    let mut facts = vec![line(s::D_FILE(), src.file.clone())];
    if let Some(t) = &src.title {
        facts.push(line(s::D_TITLE(), t.clone()));
    }
    if let Some(p) = &src.publisher {
        facts.push(line(s::D_PUBLISHER(), p.clone()));
    }
    if let Some(p) = &src.published {
        let text = PartialDate::parse(p)
            .map(|d| crate::wording::format::date(&d))
            .unwrap_or_else(|_| p.clone());
        facts.push(line(s::D_PUBLISHED(), text));
    }
    if let Some(url) = src.url.as_ref().filter(|u| is_http_url(u)) {
        facts.push(OwnedFact {
            label: s::D_LINK(),
            value: OwnedValue::Line(vec![OwnedSpan::Link(url.clone())]),
            note: None,
        });
    }
    facts
}

fn excerpt_items(excerpts: &[Excerpt]) -> Vec<(String, String)> {
    excerpts
        .iter()
        .map(|x| {
            let supports: Vec<&str> = x.supports.iter().map(|k| s::field_label(k)).collect();
            (
                x.text.clone(),
                format!("{} : {}", s::D_SUPPORTS(), supports.join(", ")),
            )
        })
        .collect()
}

/// Writes the detail of record `index` of the catalog; `base`, the site's
/// public address, goes into its web calendars' descriptions.
pub fn write_detail(
    w: &mut Writer,
    catalog: &Catalog,
    links: &Links,
    index: usize,
    base: Option<&str>,
) {
    let entry = &catalog.entries[index];
    let mut facts = Vec::new();
    let mut sections: Vec<(&'static str, ListStyle, Vec<Vec<OwnedSpan>>)> = Vec::new();
    let (description, objectives, figures, source, excerpts) = match catalog.record(index) {
        RecordRef::Agreement(a) => {
            facts.push(date_fact(&a.date, a.status));
            facts.extend(status_fact(a.status, &a.date));
            if let Some(p) = &a.place {
                facts.push(line(s::D_PLACE(), phrase::place_label(p, catalog)));
            }
            facts.push(territory_fact(&a.territory));
            let parties = a
                .parties
                .iter()
                .map(|p| {
                    let mut spans = vec![OwnedSpan::Text(p.name.clone())];
                    if let Some(acr) = &p.acronym {
                        spans.push(OwnedSpan::Text(format!(" ({acr})")));
                    }
                    if let Some(k) = &p.kind {
                        spans.push(OwnedSpan::Muted(format!(" — {k}")));
                    }
                    spans
                })
                .collect();
            facts.push(OwnedFact {
                label: s::D_PARTIES(),
                value: OwnedValue::Items(parties),
                note: None,
            });
            facts.extend(people_fact(&a.people));
            facts.push(themes_fact(&a.themes));
            sections.push((s::D_TARGETS(), ListStyle::Figures, figure_items(&a.targets)));
            (
                &a.description,
                &a.objectives,
                &a.figures,
                &a.source,
                &a.excerpts,
            )
        }
        RecordRef::Event(e) => {
            facts.push(date_fact(&e.date, None));
            if let Some(t) = &e.time {
                facts.push(line(
                    s::D_TIME(),
                    phrase::time_label(&t.start, t.end.as_deref()),
                ));
            }
            if let Some(p) = &e.place {
                facts.push(line(s::D_PLACE(), phrase::place_label(p, catalog)));
            }
            facts.push(territory_fact(&e.territory));
            if let Some(o) = &e.organiser {
                facts.push(line(s::D_ORGANISER(), o.clone()));
            }
            if let Some(a) = &e.audience {
                facts.push(line(s::D_AUDIENCE(), a.clone()));
            }
            facts.extend(people_fact(&e.people));
            facts.push(themes_fact(&e.themes));
            if let Some(r) = &e.registration {
                let mut spans = vec![OwnedSpan::Text(r.text.clone())];
                if let Some(url) = r.url.as_ref().filter(|u| is_http_url(u)) {
                    spans.push(OwnedSpan::Text(" ".into()));
                    spans.push(OwnedSpan::Link(url.clone()));
                }
                facts.push(OwnedFact {
                    label: s::D_REGISTRATION(),
                    value: OwnedValue::Line(spans),
                    note: None,
                });
            }
            (
                &e.description,
                &e.objectives,
                &e.figures,
                &e.source,
                &e.excerpts,
            )
        }
    };
    // Objectives come first, then the figures, then the links, as a reader
    // goes from what the record says to what surrounds it.
    sections.insert(
        0,
        (s::D_OBJECTIVES(), ListStyle::Plain, text_items(objectives)),
    );
    sections.push((s::D_FIGURES(), ListStyle::Figures, figure_items(figures)));
    match catalog.record(index) {
        RecordRef::Agreement(a) => sections.push((
            s::D_EVENTS(),
            ListStyle::Linked,
            record_items(links.events_of(&a.id).iter().copied()),
        )),
        RecordRef::Event(e) => {
            sections.push((
                s::D_PART_OF(),
                ListStyle::Linked,
                record_items(e.part_of.iter().map(String::as_str)),
            ));
            sections.push((
                s::D_PARTS(),
                ListStyle::Linked,
                record_items(links.parts_of(&entry.id).iter().copied()),
            ));
            sections.push((
                s::D_AGREEMENTS(),
                ListStyle::Linked,
                record_items(e.agreements.iter().map(String::as_str)),
            ));
        }
    }
    sections.retain(|(_, _, items)| !items.is_empty());

    write_facts(w, &facts);
    w.opt_str(description.as_deref());
    w.usize(sections.len());
    for (title, style, items) in &sections {
        w.str(title);
        w.u8(match style {
            ListStyle::Plain => 0,
            ListStyle::Figures => 1,
            ListStyle::Linked => 2,
        });
        write_items(w, items);
    }
    write_facts(w, &source_facts(source));
    w.opt_str(source.note.as_deref());
    let excerpts = excerpt_items(excerpts);
    w.usize(excerpts.len());
    for (text, caption) in &excerpts {
        w.str(text);
        w.str(caption);
    }
    match crate::export::web_calendars::links(catalog, index, base) {
        Some(l) => {
            w.usize(2);
            w.str(s::ADD_TO_GOOGLE());
            w.str(&l.google);
            w.str(s::ADD_TO_OUTLOOK());
            w.str(&l.outlook);
        }
        None => w.usize(0),
    }
}

fn write_spans(w: &mut Writer, spans: &[OwnedSpan]) {
    w.usize(spans.len());
    for span in spans {
        let (tag, text) = match span {
            OwnedSpan::Text(t) => (0, t),
            OwnedSpan::Muted(t) => (1, t),
            OwnedSpan::Strong(t) => (2, t),
            OwnedSpan::Link(t) => (3, t),
            OwnedSpan::Record(t) => (4, t),
            OwnedSpan::Region(t) => (5, t),
        };
        w.u8(tag);
        w.str(text);
    }
}

fn write_items(w: &mut Writer, items: &[Vec<OwnedSpan>]) {
    w.usize(items.len());
    for spans in items {
        write_spans(w, spans);
    }
}

fn write_facts(w: &mut Writer, facts: &[OwnedFact]) {
    w.usize(facts.len());
    for f in facts {
        w.str(f.label);
        match &f.value {
            OwnedValue::Line(spans) => {
                w.u8(0);
                write_spans(w, spans);
            }
            OwnedValue::Items(items) => {
                w.u8(1);
                write_items(w, items);
            }
            OwnedValue::Themes(ids) => {
                w.u8(2);
                w.usize(ids.len());
                for id in ids {
                    w.str(id);
                }
            }
        }
        w.opt_str(f.note.as_deref());
    }
}

fn read_spans<'a>(r: &mut Reader<'a>) -> wire::Result<Vec<Span<'a>>> {
    r.list(|r| {
        let tag = r.u8()?;
        let text = r.str()?;
        Ok(match tag {
            0 => Span::Text(text),
            1 => Span::Muted(text),
            2 => Span::Strong(text),
            // Checked again: a damaged or hand-made pack must not turn
            // anything else into a link.
            3 if is_http_url(text) => Span::Link(text),
            3 => Span::Text(text),
            4 => Span::Record(text),
            5 => Span::Region(text),
            _ => return Err(Corrupt),
        })
    })
}

fn read_items<'a>(r: &mut Reader<'a>) -> wire::Result<Vec<Vec<Span<'a>>>> {
    r.list(read_spans)
}

fn read_facts<'a>(r: &mut Reader<'a>) -> wire::Result<Vec<Fact<'a>>> {
    r.list(|r| {
        let label = r.str()?;
        let value = match r.u8()? {
            0 => Value::Line(read_spans(r)?),
            1 => Value::Items(read_items(r)?),
            2 => Value::Themes(r.list(Reader::str)?),
            _ => return Err(Corrupt),
        };
        let note = r.opt_str()?;
        Ok(Fact { label, value, note })
    })
}

pub fn read_detail(bytes: &[u8]) -> wire::Result<Detail<'_>> {
    let mut r = Reader::new(bytes);
    let facts = read_facts(&mut r)?;
    let description = r.opt_str()?;
    let sections = r.list(|r| {
        let title = r.str()?;
        let style = match r.u8()? {
            0 => ListStyle::Plain,
            1 => ListStyle::Figures,
            2 => ListStyle::Linked,
            _ => return Err(Corrupt),
        };
        Ok(Section {
            title,
            style,
            items: read_items(r)?,
        })
    })?;
    let source = read_facts(&mut r)?;
    let source_note = r.opt_str()?;
    let excerpts = r.list(|r| Ok((r.str()?, r.str()?.to_string())))?;
    let calendars = r.list(|r| {
        let label = r.str()?;
        let url = r.str()?;
        // Checked again, as every web link: only http(s) becomes a link.
        if !is_http_url(url) {
            return Err(Corrupt);
        }
        Ok((label, url))
    })?;
    if !r.is_done() {
        return Err(Corrupt);
    }
    Ok(Detail {
        facts,
        description,
        sections,
        source,
        source_note,
        excerpts,
        calendars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;

    fn bundled() -> Catalog {
        load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog
    }

    #[test]
    fn every_bundled_detail_reads_back_with_its_links() {
        let catalog = bundled();
        let links = Links::new(&catalog);
        for i in 0..catalog.entries.len() {
            let mut w = Writer::new();
            write_detail(&mut w, &catalog, &links, i, None);
            let bytes = w.into_bytes();
            let d = read_detail(&bytes).unwrap();
            assert_eq!(d.facts[0].label, s::D_DATE());
            assert!(!d.excerpts.is_empty());
            assert!(d.source.iter().any(|f| f.label == s::D_FILE()));
            for cut in 0..bytes.len() {
                assert!(read_detail(&bytes[..cut]).is_err());
            }
            let id = &catalog.entries[i].id;
            // Links are shown both ways: an event names its agreements, and
            // each agreement lists the event.
            if let RecordRef::Event(e) = catalog.record(i) {
                for a in &e.agreements {
                    let j = catalog.position(a).unwrap();
                    let mut w = Writer::new();
                    write_detail(&mut w, &catalog, &links, j, None);
                    let bytes = w.into_bytes();
                    let other = read_detail(&bytes).unwrap();
                    let linked = other
                        .sections
                        .iter()
                        .find(|s| s.title == s::D_EVENTS())
                        .expect("the agreement lists its events");
                    assert!(linked.items.contains(&vec![Span::Record(id)]));
                }
            }
        }
    }

    fn detail_of(catalog: &Catalog, id: &str) -> Vec<u8> {
        let mut w = Writer::new();
        write_detail(
            &mut w,
            catalog,
            &Links::new(catalog),
            catalog.position(id).unwrap(),
            None,
        );
        w.into_bytes()
    }

    #[test]
    fn a_bounded_date_shows_its_words_and_how_each_bound_was_read() {
        let catalog = bundled();
        let bytes = detail_of(&catalog, "ag-2007-usgeres-accord-diversite");
        let d = read_detail(&bytes).unwrap();
        let date = &d.facts[0];
        assert_eq!(date.label, "Date");
        assert_eq!(
            date.value,
            Value::Line(vec![
                Span::Text("prévu entre le 12 novembre et le 31 décembre 2007"),
                Span::Muted(" — « d'ici la fin de l'année 2007 »"),
            ])
        );
        let lines: Vec<&str> = date.note.unwrap().lines().collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("Le texte annonce la signature"));
        assert!(lines[1].starts_with("Début : Le communiqué daté"));
        assert!(lines[2].starts_with("Fin : « d'ici la fin de l'année 2007 »"));
        // The status, right after the date, with how its date reads.
        let status = &d.facts[1];
        assert_eq!(status.label, "Statut");
        assert_eq!(status.value, Value::Line(vec![Span::Text("annoncé")]));
        assert_eq!(
            status.note,
            Some("Le texte l'annonce sans le montrer signé : sa date est celle qu'il prévoit (« d'ici la fin de l'année 2007 »), pas une date constatée.")
        );
        // Open at its start: the note, then the end's alone.
        let bytes = detail_of(&catalog, "ag-2015-prefecture-idf-cgpme-idf");
        let d = read_detail(&bytes).unwrap();
        let lines: Vec<&str> = d.facts[0].note.unwrap().lines().collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].starts_with("Fin : Le communiqué publié le 10 juillet 2015"));
        assert_ne!(d.facts[1].label, "Statut");
        // In English, the labels too.
        crate::wording::set_lang(crate::wording::Lang::En);
        let bytes = detail_of(&catalog, "ag-2007-usgeres-accord-diversite");
        let rencontre = detail_of(&catalog, "ev-2015-rencontre-structures-iae");
        crate::wording::set_lang(crate::wording::Lang::Fr);
        let note = read_detail(&rencontre).unwrap().facts[0].note.unwrap();
        assert!(
            note.contains("\nStart: ") && note.contains("\nEnd: "),
            "{note}"
        );
        let d = read_detail(&bytes).unwrap();
        assert_eq!(d.facts[1].label, "Status");
        assert_eq!(d.facts[1].value, Value::Line(vec![Span::Text("announced")]));
    }

    #[test]
    fn a_link_that_is_not_http_never_reads_as_one() {
        let mut w = Writer::new();
        w.usize(0);
        w.opt_str(None);
        w.usize(0);
        w.usize(1);
        w.str("Lien");
        w.u8(0);
        w.usize(1);
        w.u8(3);
        w.str("javascript:alert(1)");
        w.opt_str(None);
        w.opt_str(None);
        w.usize(0);
        let mut calendar = w.clone();
        w.usize(0);
        let bytes = w.into_bytes();
        let d = read_detail(&bytes).unwrap();
        assert_eq!(
            d.source[0].value,
            Value::Line(vec![Span::Text("javascript:alert(1)")])
        );
        // A web calendar that is not http(s) is a damaged detail.
        calendar.usize(1);
        calendar.str("Agenda");
        calendar.str("javascript:alert(1)");
        assert!(read_detail(&calendar.into_bytes()).is_err());
    }

    #[test]
    fn themes_and_territory_are_ids_and_events_have_web_calendars() {
        let catalog = bundled();
        let bytes = detail_of(&catalog, "ag-2019-cpme-reunion-ursiae");
        let d = read_detail(&bytes).unwrap();
        let fact = |label: &str| d.facts.iter().find(|f| f.label == label).unwrap();
        assert_eq!(
            fact(s::D_TERRITORY()).value,
            Value::Line(vec![Span::Region("04")])
        );
        assert_eq!(
            fact(s::D_THEMES()).value,
            Value::Themes(vec![
                "insertion",
                "achats",
                "emploi",
                "formation",
                "rse",
                "ess"
            ])
        );
        assert!(d.calendars.is_empty(), "an agreement goes in no calendar");
        let bytes = detail_of(&catalog, "ev-2015-11-17-seminaire-iae-paris");
        let d = read_detail(&bytes).unwrap();
        let labels: Vec<&str> = d.calendars.iter().map(|(l, _)| *l).collect();
        assert_eq!(labels, [s::ADD_TO_GOOGLE(), s::ADD_TO_OUTLOOK()]);
        assert!(d.calendars[0].1.starts_with("https://calendar.google.com/"));
        assert!(d.calendars[1].1.starts_with("https://outlook.live.com/"));
        // Known only to the month: no day to put it on.
        let bytes = detail_of(&catalog, "ev-2015-11-mois-ess-idf");
        assert!(read_detail(&bytes).unwrap().calendars.is_empty());
    }
}
