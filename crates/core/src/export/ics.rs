//! Events for a calendar: iCalendar (RFC 5545).
//!
//! An event dated to the day is a `VEVENT`: all day (`DTSTART;VALUE=DATE`,
//! `DTEND` the next day, as the end of an all-day event is exclusive) when
//! the text gives no time, else at its time in the time zone of its place
//! (`DTSTART;TZID=…`, with that zone's `VTIMEZONE` in the calendar). An event
//! known only to the month or the year, or not dated, has no day to be put
//! on: it is left out, and the export counts it ([`Calendar::LeftOut`]).
//!
//! Every `VEVENT` has a `UID` that depends on the record id alone, so a
//! calendar that imports it again, or a subscribed feed after a rebuild,
//! updates the event instead of doubling it. `DTSTAMP` is required; nothing
//! records when an editor wrote a record, and a build must give the same
//! bytes from the same data, so it is the event's own day at midnight UTC.
//!
//! Text values escape `\`, `;`, `,` and line breaks; every content line is
//! folded at 75 octets, never inside a UTF-8 character.

use crate::data::catalog::{Catalog, RecordRef};
use crate::data::date::{days_in_month, PartialDate, Precision, When};
use crate::data::model::Event;
use crate::export::{record_page, Vague};
use crate::wording::phrase;
use crate::wording::say as s;

/// Everything before the time zones and events of a calendar.
pub const HEAD: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Passerelles//Passerelles//FR\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
pub const TAIL: &str = "END:VCALENDAR\r\n";

/// A zone of one offset all year.
macro_rules! fixed {
    ($tzid:literal, $offset:literal, $name:literal) => {
        concat!(
            "BEGIN:VTIMEZONE\r\nTZID:",
            $tzid,
            "\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:",
            $offset,
            "\r\nTZOFFSETTO:",
            $offset,
            "\r\nTZNAME:",
            $name,
            "\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        )
    };
}

pub use crate::data::zone::Zone;

/// The zone's definition. Europe/Paris as the EU has ruled it since
/// 1996 (the last Sundays of March and October); the overseas zones keep
/// one offset all year (Martinique's one summer time, in 1980, is left
/// out: no record is that old).
pub fn vtimezone(zone: Zone) -> &'static str {
    match zone {
        Zone::Paris => concat!(
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n",
            "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n",
            "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n",
            "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n",
            "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n",
            "END:VTIMEZONE\r\n"
        ),
        Zone::Reunion => fixed!("Indian/Reunion", "+0400", "+04"),
        Zone::Guadeloupe => fixed!("America/Guadeloupe", "-0400", "AST"),
        Zone::Martinique => fixed!("America/Martinique", "-0400", "AST"),
        Zone::Cayenne => fixed!("America/Cayenne", "-0300", "-03"),
        Zone::Mayotte => fixed!("Indian/Mayotte", "+0300", "EAT"),
    }
}

/// A record in a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Calendar {
    /// A `VEVENT`, timed in a zone or (without one) all day.
    Event(Option<Zone>, String),
    /// An agreement: no event to put in a calendar.
    NotEvent,
    /// An event without a day to be put on.
    LeftOut(Vague),
}

/// Appends `text` as an iCalendar TEXT value: backslash, semicolon, comma
/// and line breaks escaped; other control characters dropped (TEXT allows
/// none but the tab).
pub fn escape_text(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Appends one content line, folded: no line longer than 75 octets (the
/// CRLF aside), each continuation starting with a space, and never a UTF-8
/// character cut in two.
pub fn push_folded(out: &mut String, line: &str) {
    let (mut rest, mut room) = (line, 75);
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space is one of the next line's 75 octets.
        room = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// A property whose value is TEXT.
pub fn text_property(out: &mut String, name: &str, value: &str) {
    let mut line = String::with_capacity(name.len() + value.len() + 8);
    line.push_str(name);
    line.push(':');
    escape_text(&mut line, value);
    push_folded(out, &line);
}

/// A property whose value is written as it is (dates, URIs, ids).
fn raw_property(out: &mut String, name: &str, value: &str) {
    let mut line = String::with_capacity(name.len() + value.len() + 1);
    line.push_str(name);
    line.push(':');
    line.push_str(value);
    push_folded(out, &line);
}

/// The event's `UID`: its record id, the same in every export and feed.
pub fn uid(id: &str) -> String {
    format!("{id}@passerelles")
}

/// `YYYYMMDD`.
pub(crate) fn basic_date(year: i32, month: u8, day: u8) -> String {
    format!("{year:04}{month:02}{day:02}")
}

pub(crate) fn next_day(year: i32, month: u8, day: u8) -> (i32, u8, u8) {
    if day < days_in_month(year, month) {
        (year, month, day + 1)
    } else if month < 12 {
        (year, month + 1, 1)
    } else {
        (year + 1, 1, 1)
    }
}

/// `HHMMSS` of a validated `HH:MM`.
pub(crate) fn clock(hhmm: &str) -> Option<String> {
    let (h, m) = hhmm.split_once(':')?;
    Some(format!("{h}{m}00"))
}

/// What a calendar holds of record `i`.
pub fn event(catalog: &Catalog, i: usize, base: Option<&str>) -> Calendar {
    let RecordRef::Event(e) = catalog.record(i) else {
        return Calendar::NotEvent;
    };
    let date = catalog.entries[i].date;
    let (year, month, day) = match date {
        Some(When::On(PartialDate {
            year,
            month: Some(m),
            day: Some(d),
        })) => (year, m, d),
        Some(When::On(d)) if d.precision() == Precision::Month => {
            return Calendar::LeftOut(Vague::Month)
        }
        Some(When::On(_)) => return Calendar::LeftOut(Vague::Year),
        Some(When::Between(..)) => return Calendar::LeftOut(Vague::Bounded),
        None => return Calendar::LeftOut(Vague::Undated),
    };
    let mut out = String::from("BEGIN:VEVENT\r\n");
    raw_property(&mut out, "UID", &uid(&e.id));
    raw_property(
        &mut out,
        "DTSTAMP",
        &format!("{}T000000Z", basic_date(year, month, day)),
    );
    let times = e
        .time
        .as_ref()
        .and_then(|t| Some((clock(&t.start)?, t.end.as_deref().and_then(clock))));
    let zone = match times {
        Some((start, end)) => {
            let zone = Zone::of_event(e);
            let on = basic_date(year, month, day);
            raw_property(
                &mut out,
                &format!("DTSTART;TZID={}", zone.tzid()),
                &format!("{on}T{start}"),
            );
            // The validator refuses an end before the start (an event
            // past midnight would need a date of its own for its end).
            if let Some(end) = end {
                raw_property(
                    &mut out,
                    &format!("DTEND;TZID={}", zone.tzid()),
                    &format!("{on}T{end}"),
                );
            }
            Some(zone)
        }
        None => {
            raw_property(
                &mut out,
                "DTSTART;VALUE=DATE",
                &basic_date(year, month, day),
            );
            let (y, m, d) = next_day(year, month, day);
            raw_property(&mut out, "DTEND;VALUE=DATE", &basic_date(y, m, d));
            None
        }
    };
    text_property(&mut out, "SUMMARY", &e.title);
    let location = match &e.place {
        Some(p) => phrase::place_label(p, catalog),
        None => phrase::territory_label(&e.territory, catalog),
    };
    if !location.is_empty() {
        text_property(&mut out, "LOCATION", &location);
    }
    text_property(&mut out, "DESCRIPTION", &description(e));
    if let Some(base) = base {
        // URL is a URI, never relative: without the public address, none.
        raw_property(&mut out, "URL", &record_page(Some(base), &e.id));
    }
    if !e.themes.is_empty() {
        let mut line = String::from("CATEGORIES:");
        for (k, t) in e.themes.iter().enumerate() {
            if k > 0 {
                line.push(',');
            }
            escape_text(&mut line, catalog.theme_label(t).unwrap_or(t));
        }
        push_folded(&mut out, &line);
    }
    out.push_str("END:VEVENT\r\n");
    Calendar::Event(zone, out)
}

/// What a calendar shows under the title: the kind of event, its
/// description, who organises it, for whom, how to register.
pub(crate) fn description(e: &Event) -> String {
    let mut lines = vec![phrase::capitalised(&e.kind)];
    lines.extend(e.description.iter().cloned());
    if let Some(o) = &e.organiser {
        lines.push(format!("{} : {o}", s::D_ORGANISER()));
    }
    if let Some(a) = &e.audience {
        lines.push(format!("{} : {a}", s::D_AUDIENCE()));
    }
    if let Some(r) = &e.registration {
        let mut line = format!("{} : {}", s::D_REGISTRATION(), r.text);
        if let Some(url) = &r.url {
            line.push(' ');
            line.push_str(url);
        }
        lines.push(line);
    }
    lines.join("\n")
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

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_text(&mut out, text);
        out
    }

    #[test]
    fn text_escapes_what_the_grammar_reserves() {
        assert_eq!(escaped("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(
            escaped("un\ndeux\r\ntrois\rquatre"),
            "un\\ndeux\\ntrois\\nquatre"
        );
        assert_eq!(escaped("nul\u{0}\u{7f} tab\t"), "nul tab\t");
        assert_eq!(escaped("« Réunion » : ok"), "« Réunion » : ok");
    }

    #[test]
    fn lines_fold_at_75_octets_never_inside_a_character() {
        for line in [
            "SUMMARY:".to_string() + &"é".repeat(200),
            "SUMMARY:".to_string() + &"a".repeat(300),
            "DESCRIPTION:".to_string() + &"a€😀".repeat(60),
            "X:".to_string() + &"a".repeat(73),
        ] {
            let mut out = String::new();
            push_folded(&mut out, &line);
            assert!(out.ends_with("\r\n"));
            let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            for (k, l) in physical.iter().enumerate() {
                assert!(l.len() <= 75, "line {k} has {} octets", l.len());
                assert_eq!(
                    k > 0,
                    l.starts_with(' '),
                    "continuations start with a space"
                );
            }
            // Unfolding gives the line back: no character was cut in two.
            assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
        let mut short = String::new();
        push_folded(&mut short, &("X:".to_string() + &"a".repeat(73)));
        assert!(
            !short.trim_end().contains("\r\n"),
            "75 octets stay on one line"
        );
    }

    #[test]
    fn a_timed_event_is_in_the_zone_of_its_place() {
        let catalog = bundled();
        let i = catalog
            .position("ev-2015-11-17-seminaire-iae-paris")
            .unwrap();
        let Calendar::Event(Some(Zone::Paris), text) = event(&catalog, i, None) else {
            panic!("a timed event in Paris");
        };
        assert!(
            text.contains("\r\nDTSTART;TZID=Europe/Paris:20151117T090000\r\n"),
            "{text}"
        );
        assert!(text.contains("\r\nDTEND;TZID=Europe/Paris:20151117T130000\r\n"));
        assert!(text.contains("\r\nUID:ev-2015-11-17-seminaire-iae-paris@passerelles\r\n"));
        assert!(text.contains("\r\nCATEGORIES:Insertion et IAE\r\n"));
        assert!(!text.contains("\r\nURL"), "no relative URL");
        // Only a start: no end is made up.
        let j = catalog
            .position("ev-2015-11-30-conference-rse-ess")
            .unwrap();
        let Calendar::Event(Some(_), text) = event(&catalog, j, Some("https://e.org/")) else {
            panic!()
        };
        assert!(text.contains("DTSTART;TZID=Europe/Paris:20151130T140000\r\n"));
        assert!(!text.contains("DTEND"));
        assert!(text.contains("\r\nURL:https://e.org/fiches/ev-2015-11-30-conference-rse-ess/\r\n"));
        assert!(
            text.contains("CATEGORIES:Responsabilité sociétale (RSE),Développement de l'ESS\r\n")
        );
    }

    #[test]
    fn a_day_without_time_is_all_day_and_ends_the_next_day() {
        let catalog = bundled();
        let i = catalog
            .position("ev-2019-11-21-journee-regionale-iae-reunion")
            .unwrap();
        let Calendar::Event(None, text) = event(&catalog, i, None) else {
            panic!("an all-day event needs no zone");
        };
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20191121\r\nDTEND;VALUE=DATE:20191122\r\n"));
        assert!(text.contains("\r\nLOCATION:Saint-André\r\n"));
        assert_eq!(next_day(2019, 12, 31), (2020, 1, 1));
        assert_eq!(next_day(2020, 2, 28), (2020, 2, 29));
        assert_eq!(next_day(2019, 2, 28), (2019, 3, 1));
    }

    #[test]
    fn vague_events_and_agreements_are_not_in_calendars() {
        let catalog = bundled();
        let at = |id: &str| event(&catalog, catalog.position(id).unwrap(), None);
        assert_eq!(
            at("ev-2015-11-mois-ess-idf"),
            Calendar::LeftOut(Vague::Month)
        );
        assert_eq!(
            at("ev-2015-rencontre-structures-iae"),
            Calendar::LeftOut(Vague::Bounded)
        );
        assert_eq!(at("ag-2019-cpme-reunion-ursiae"), Calendar::NotEvent);
    }

    #[test]
    fn the_hostile_fixture_has_an_event_in_every_zone_and_stable_uids() {
        let catalog = load_json(include_str!("../../../../tests/export/hostile.json"))
            .unwrap()
            .catalog;
        let zoned = |id: &str| match event(&catalog, catalog.position(id).unwrap(), None) {
            Calendar::Event(zone, text) => (zone, text),
            other => panic!("{id}: {other:?}"),
        };
        for (id, zone, start) in [
            ("ev-2020-06-01-paris", Zone::Paris, "20200601T100000"),
            ("ev-2020-01-15-reunion", Zone::Reunion, "20200115T090000"),
            (
                "ev-2020-02-10-guadeloupe",
                Zone::Guadeloupe,
                "20200210T140000",
            ),
            (
                "ev-2020-02-11-martinique",
                Zone::Martinique,
                "20200211T083000",
            ),
            ("ev-2020-02-12-guyane", Zone::Cayenne, "20200212T160000"),
            ("ev-2020-02-13-mayotte", Zone::Mayotte, "20200213T090000"),
        ] {
            let (z, text) = zoned(id);
            assert_eq!(z, Some(zone), "{id}");
            assert!(
                text.contains(&format!("\r\nDTSTART;TZID={}:{start}\r\n", zone.tzid())),
                "{text}"
            );
            // The same record, the same UID, whatever else changed.
            assert!(text.contains(&format!("\r\nUID:{id}@passerelles\r\n")));
        }
        // A late evening: the end, in the same zone on the same day.
        let (_, night) = zoned("ev-2020-12-31-nuit");
        assert!(
            night.contains("\r\nDTEND;TZID=Europe/Paris:20201231T234500\r\n"),
            "{night}"
        );
        let (_, paris) = zoned("ev-2020-06-01-paris");
        assert!(paris.replace("\r\n ", "").contains("DESCRIPTION:Rencontre\\nVirgules\\, points-virgules \\; barre oblique inverse \\\\ et\\nun retour"), "{paris}");
        for line in paris.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let at = |id: &str| event(&catalog, catalog.position(id).unwrap(), None);
        assert_eq!(at("ev-2020-04-mois"), Calendar::LeftOut(Vague::Month));
        assert_eq!(at("ev-2020-annee"), Calendar::LeftOut(Vague::Year));
        assert_eq!(at("ev-sans-date"), Calendar::LeftOut(Vague::Undated));
    }

    #[test]
    fn each_overseas_region_has_its_zone() {
        let zones: Vec<&str> = ["11", "94", "01", "02", "03", "04", "06"]
            .iter()
            .map(|c| Zone::of_region(c).tzid())
            .collect();
        assert_eq!(
            zones,
            [
                "Europe/Paris",
                "Europe/Paris",
                "America/Guadeloupe",
                "America/Martinique",
                "America/Cayenne",
                "Indian/Reunion",
                "Indian/Mayotte"
            ]
        );
        for z in Zone::ALL {
            let v = vtimezone(z);
            assert!(v.starts_with("BEGIN:VTIMEZONE\r\n") && v.ends_with("END:VTIMEZONE\r\n"));
            assert!(v.contains(&format!("\r\nTZID:{}\r\n", z.tzid())));
            assert!(v.split("\r\n").all(|l| l.len() <= 75));
        }
    }
}
