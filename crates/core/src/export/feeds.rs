//! The feeds a visitor subscribes to, written at build time as static files
//! (`feeds/` beside the page; no server): a calendar of every event, one per
//! theme and one per region, an Atom feed of every record, newest first, and
//! one per theme and per region (alerts without a server: a feed reader, or
//! a feed-to-mail service, says when a record comes), advertised on the
//! pages of that theme or region.
//!
//! Each calendar holds exactly the events the page lists for
//! `?type=event&theme=…` (or `&region=…`: national events included, as the
//! page includes them), assembled from the same pieces as a visitor's
//! export, so a subscribed calendar and the list never disagree. A feed
//! with no event yet still holds one component (its zone's `VTIMEZONE`), as
//! RFC 5545 wants of every calendar, so a calendar program accepts the
//! subscription and shows the events once they come.

use crate::data::catalog::{Catalog, RecordType};
use crate::engine::facets;
use crate::engine::filter::{FilterState, Sort};
use crate::engine::index::Index;
use crate::export::ics::{self, Zone};
use crate::export::{assemble, atom, slug, Exports};
use crate::wording::say as s;

/// Where the feeds are published, from the site root.
pub const DIR: &str = "feeds/";
/// Every event.
pub const EVENTS: &str = "evenements.ics";
/// Every record, for a feed reader.
pub const RECORDS: &str = "fiches.atom";

/// The calendar of one theme's events.
pub fn theme_file(id: &str) -> String {
    format!("evenements-theme-{}.ics", slug(id))
}

/// The calendar of one region's events, named after the region.
pub fn region_file(name: &str) -> String {
    format!("evenements-region-{}.ics", slug(name))
}

/// The Atom feed of one theme's records.
pub fn theme_atom(id: &str) -> String {
    format!("fiches-theme-{}.atom", slug(id))
}

/// The Atom feed of one region's records (national ones included, as the
/// page includes them), named after the region.
pub fn region_atom(name: &str) -> String {
    format!("fiches-region-{}.atom", slug(name))
}

/// A feed: its file name in [`DIR`], and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub file: String,
    pub text: String,
}

/// Every feed of the catalog, from its index and its calendar exports.
pub fn write(catalog: &Catalog, index: &Index, ics: &Exports, base: Option<&str>) -> Vec<Feed> {
    let events = |f: FilterState| {
        let mut f = f;
        f.types.insert(RecordType::Event);
        facets::run(index, &f).results
    };
    let mut feeds = vec![calendar(
        ics,
        EVENTS,
        s::FEED_ALL_EVENTS(),
        &events(FilterState::default()),
        Zone::Paris,
        base,
    )];
    for t in &catalog.themes {
        let mut f = FilterState::default();
        f.themes.insert(t.id.clone());
        let name = s::feed_events_of(&t.label);
        feeds.push(calendar(
            ics,
            &theme_file(&t.id),
            &name,
            &events(f),
            Zone::Paris,
            base,
        ));
    }
    for r in &catalog.regions {
        let mut f = FilterState::default();
        f.regions.insert(r.code.clone());
        let name = s::feed_events_of(&r.name);
        let zone = Zone::of_region(&r.code);
        feeds.push(calendar(
            ics,
            &region_file(&r.name),
            &name,
            &events(f),
            zone,
            base,
        ));
    }
    let atom = |file: String, title: &str, order: &[u32]| Feed {
        text: atom::feed(catalog, order, base, &format!("{DIR}{file}"), title),
        file,
    };
    feeds.push(atom(
        RECORDS.to_string(),
        s::FEED_ATOM_TITLE(),
        index.order(Sort::Recent),
    ));
    // Newest first, as the page lists them for `?theme=…` (`?region=…`).
    let recent = |f: FilterState| {
        let mut f = f;
        f.sort = Sort::Recent;
        facets::run(index, &f).results
    };
    for t in &catalog.themes {
        let mut f = FilterState::default();
        f.themes.insert(t.id.clone());
        feeds.push(atom(
            theme_atom(&t.id),
            &s::feed_records_of(&t.label),
            &recent(f),
        ));
    }
    for r in &catalog.regions {
        let mut f = FilterState::default();
        f.regions.insert(r.code.clone());
        feeds.push(atom(
            region_atom(&r.name),
            &s::feed_records_of(&r.name),
            &recent(f),
        ));
    }
    feeds
}

fn calendar(
    ics: &Exports,
    file: &str,
    name: &str,
    shown: &[u32],
    zone: Zone,
    base: Option<&str>,
) -> Feed {
    let mut extra = String::new();
    ics::text_property(&mut extra, "NAME", name);
    ics::text_property(&mut extra, "X-WR-CALNAME", name);
    if let Some(base) = base {
        let mut line = String::from("SOURCE;VALUE=URI:");
        line.push_str(base);
        line.push_str(DIR);
        line.push_str(file);
        ics::push_folded(&mut extra, &line);
    }
    // Subscribed calendars look again once a day (RFC 7986, and what
    // Outlook and Google read).
    extra.push_str("REFRESH-INTERVAL;VALUE=DURATION:P1D\r\nX-PUBLISHED-TTL:P1D\r\n");
    let mut text = assemble(ics, shown, &extra);
    if text.rows == 0 {
        extra.push_str(ics::vtimezone(zone));
        text = assemble(ics, shown, &extra);
    }
    Feed {
        file: file.to_string(),
        text: text.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;
    use crate::export::{write_section, Format};
    use std::sync::Arc;

    #[test]
    fn one_calendar_for_all_one_per_theme_and_region_and_the_atom_feed() {
        let catalog = load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog;
        let index = Index::build(&catalog, &crate::engine::search::Synonyms::default());
        let bytes = write_section(Format::Ics, &catalog, None);
        let len = bytes.len();
        let ics = Exports::open(Arc::new(bytes), 0..len).unwrap();
        let feeds = write(&catalog, &index, &ics, None);
        assert_eq!(
            feeds.len(),
            2 * (1 + catalog.themes.len() + catalog.regions.len())
        );
        let get = |file: &str| &feeds.iter().find(|f| f.file == file).unwrap().text;
        assert_eq!(get(EVENTS).matches("BEGIN:VEVENT").count(), 5);
        assert!(get(EVENTS).contains("\r\nX-WR-CALNAME:Passerelles : tous les événements\r\n"));
        assert_eq!(
            get(&region_file("La Réunion"))
                .matches("BEGIN:VEVENT")
                .count(),
            1
        );
        assert_eq!(
            get("evenements-region-la-reunion.ics")
                .matches("BEGIN:VEVENT")
                .count(),
            1
        );
        assert_eq!(get(&theme_file("rse")).matches("BEGIN:VEVENT").count(), 1);
        // No event in Mayotte yet: still a calendar, with one component.
        let mayotte = get(&region_file("Mayotte"));
        assert_eq!(mayotte.matches("BEGIN:VEVENT").count(), 0);
        assert!(mayotte.contains("TZID:Indian/Mayotte\r\n"));
        let atom = get(RECORDS);
        assert_eq!(atom.matches("<entry>").count(), catalog.entries.len());
        // A feed per theme and per region: what the page lists for it,
        // newest first, with its own title.
        let reunion = get(&region_atom("La Réunion"));
        assert_eq!(
            reunion.matches("<entry>").count(),
            2 + 2,
            "two of La Réunion, two national"
        );
        assert!(reunion.contains("<title>Passerelles : les fiches, La Réunion</title>"));
        assert!(
            reunion.find("ag-2019-cpme-reunion-ursiae").unwrap()
                < reunion.find("ag-2007-usgeres-declaration").unwrap()
        );
        let rse = get(&theme_atom("rse"));
        let with_rse = catalog
            .entries
            .iter()
            .filter(|e| e.themes.iter().any(|t| t == "rse"));
        assert_eq!(rse.matches("<entry>").count(), with_rse.count());
        assert_eq!(
            get(&region_atom("Mayotte")).matches("<entry>").count(),
            2,
            "national only"
        );
        // With the public address: where each calendar is, and each event.
        let public = write(&catalog, &index, &ics, Some("https://e.org/p/"));
        let all = &public.iter().find(|f| f.file == EVENTS).unwrap().text;
        assert!(all.contains("\r\nSOURCE;VALUE=URI:https://e.org/p/feeds/evenements.ics\r\n"));
        // (Its events' URLs come from the pieces, written with the same address.)
        assert!(
            !all.contains("\r\nURL:"),
            "pieces without the address, none"
        );
        for f in &feeds {
            if f.file.ends_with(".ics") {
                assert!(f.text.starts_with("BEGIN:VCALENDAR\r\n"), "{}", f.file);
                assert!(f.text.contains("BEGIN:V"), "{}", f.file);
            }
        }
    }
}
