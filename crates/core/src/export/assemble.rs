//! What the page does when a visitor asks for an export: lay the pieces of
//! the records shown, in the order shown, between their format's head and
//! tail, and name the file after what is in it. String pushes only: this is
//! the part of the layer the page carries.

use crate::data::date::PartialDate;
use crate::data::model::Region;
use crate::engine::filter::FilterState;
use crate::engine::fold;
use crate::export::{json, Exports, Format, Piece, Vague};

/// Events a calendar left out, by how little of their date is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub month: usize,
    pub year: usize,
    pub bounded: usize,
    pub undated: usize,
}

impl LeftOut {
    pub fn total(&self) -> usize {
        self.month + self.year + self.bounded + self.undated
    }
}

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assembled {
    pub text: String,
    /// Records in it: rows, JSON records, calendar events.
    pub rows: usize,
    pub left_out: LeftOut,
}

/// The export of the records at positions `shown`, in that order. `extra`
/// goes right after the head (a feed's name and refresh interval).
pub fn assemble(exports: &Exports, shown: &[u32], extra: &str) -> Assembled {
    let pieces = || shown.iter().filter_map(|&i| exports.piece(i as usize));
    let mut left_out = LeftOut::default();
    let mut zones = vec![false; exports.zone_count()];
    let mut size = 0;
    for p in pieces() {
        match p {
            Piece::First(t) | Piece::Second(t) => size += t.len(),
            Piece::Zoned(k, t) => {
                zones[k] = true;
                size += t.len();
            }
            Piece::LeftOut(Vague::Month) => left_out.month += 1,
            Piece::LeftOut(Vague::Year) => left_out.year += 1,
            Piece::LeftOut(Vague::Undated) => left_out.undated += 1,
            Piece::LeftOut(Vague::Bounded) => left_out.bounded += 1,
            Piece::Absent => {}
        }
    }
    let mut text = String::with_capacity(size + exports.head().len() + 4096);
    text.push_str(exports.head());
    text.push_str(extra);
    for (k, needed) in zones.iter().enumerate() {
        if *needed {
            text.push_str(exports.zone(k).unwrap_or_default());
        }
    }
    let is_json = exports.format() == Format::Json;
    let mut rows = 0;
    // The first list (every row, but JSON's events), then the second.
    for second in [false, true] {
        let mut in_list = 0;
        for p in pieces() {
            let row = match p {
                Piece::First(t) | Piece::Zoned(_, t) if !second => t,
                Piece::Second(t) if second => t,
                _ => continue,
            };
            if is_json {
                text.push_str(if in_list == 0 {
                    json::OPEN
                } else {
                    json::BETWEEN
                });
            }
            text.push_str(row);
            in_list += 1;
        }
        if is_json && in_list > 0 {
            text.push_str(json::CLOSE);
        }
        if !second {
            text.push_str(exports.middle());
        }
        rows += in_list;
    }
    text.push_str(exports.tail());
    Assembled {
        text,
        rows,
        left_out,
    }
}

/// Lower-case ASCII letters and digits, every other run of characters one
/// hyphen: "La Réunion" → "la-reunion".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Names longer than this are cut at a hyphen: a file name is not the
/// place for a long search.
const NAME_MAX: usize = 80;

/// What the file of this view is called: "passerelles", then the type when
/// only one is chosen, the search words, themes, regions and period, as
/// the filter holds them (`passerelles-insertion-la-reunion-2019.csv`).
pub fn file_name(filter: &FilterState, regions: &[Region], format: Format) -> String {
    let mut name = String::from("passerelles");
    let mut part = |p: &str| {
        let p = slug(p);
        if !p.is_empty() && name.len() < NAME_MAX {
            name.push('-');
            name.push_str(&p);
        }
    };
    if filter.types.len() == 1 {
        for t in filter.types.iter() {
            part(crate::wording::format::type_label(*t));
        }
    }
    part(&filter.query);
    for t in filter.themes.iter() {
        part(t);
    }
    for code in filter.regions.iter() {
        part(crate::data::model::region_name(regions, code).unwrap_or(code));
    }
    let day = |d: &Option<PartialDate>| d.map(|d| d.to_string());
    match (day(&filter.from), day(&filter.to)) {
        (Some(a), Some(b)) if a == b => part(&a),
        (Some(a), Some(b)) => part(&format!("{a} {b}")),
        (Some(a), None) => part(&format!("{} {a}", crate::wording::say::FILE_FROM())),
        (None, Some(b)) => part(&format!("{} {b}", crate::wording::say::FILE_TO())),
        (None, None) => {}
    }
    if name.len() > NAME_MAX {
        // ASCII by now: a byte search (str::rfind is half a kilobyte of wasm).
        let cut = name.as_bytes()[..NAME_MAX]
            .iter()
            .rposition(|&b| b == b'-')
            .unwrap_or(NAME_MAX);
        name.truncate(cut);
    }
    name.push('.');
    name.push_str(format.key());
    name
}

/// The file of one record's calendar event.
pub fn record_file_name(id: &str) -> String {
    let mut name = String::from("passerelles-");
    name.push_str(&slug(id));
    name.push_str(".ics");
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::{load_json, Catalog, RecordType};
    use crate::export::{write_section, Exports};
    use std::sync::Arc;

    fn bundled() -> Catalog {
        load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog
    }

    fn exports(catalog: &Catalog, format: Format) -> Exports {
        let bytes = write_section(format, catalog, None);
        let len = bytes.len();
        Exports::open(Arc::new(bytes), 0..len).unwrap()
    }

    fn filter(themes: &[&str], regions: &[&str], from: &str, to: &str) -> FilterState {
        FilterState {
            themes: themes.iter().map(|t| t.to_string()).collect(),
            regions: regions.iter().map(|t| t.to_string()).collect(),
            from: PartialDate::parse(from).ok(),
            to: PartialDate::parse(to).ok(),
            ..FilterState::default()
        }
    }

    #[test]
    fn file_names_say_what_is_inside() {
        let regions = bundled().regions;
        assert_eq!(
            file_name(
                &filter(&["insertion"], &["04"], "2019", "2019"),
                &regions,
                Format::Csv
            ),
            "passerelles-insertion-la-reunion-2019.csv"
        );
        assert_eq!(
            file_name(&FilterState::default(), &regions, Format::Ics),
            "passerelles.ics"
        );
        let mut f = filter(&[], &["93"], "2015-11", "2019");
        f.types.insert(RecordType::Event);
        f.query = "Économie « sociale »".into();
        assert_eq!(
            file_name(&f, &regions, Format::Json),
            "passerelles-evenements-economie-sociale-provence-alpes-cote-d-azur-2015-11-2019.json"
        );
        assert_eq!(
            file_name(&filter(&[], &[], "2015", ""), &regions, Format::Csv),
            "passerelles-depuis-2015.csv"
        );
        assert_eq!(
            file_name(&filter(&[], &[], "", "2019-06"), &regions, Format::Csv),
            "passerelles-jusqu-a-2019-06.csv"
        );
        let long = FilterState {
            query: "mot ".repeat(60),
            ..FilterState::default()
        };
        let name = file_name(&long, &regions, Format::Csv);
        assert!(
            name.len() <= NAME_MAX + 4 && name.ends_with("-mot.csv"),
            "{name}"
        );
        // Nothing a file system would refuse, whatever was typed.
        let odd = FilterState {
            query: "../\u{0}<>:\"|?*\\ ☃".into(),
            ..FilterState::default()
        };
        assert_eq!(file_name(&odd, &regions, Format::Csv), "passerelles.csv");
        assert_eq!(
            record_file_name("ev-2019-11-21-journee"),
            "passerelles-ev-2019-11-21-journee.ics"
        );
    }

    #[test]
    fn csv_rows_come_in_the_order_shown() {
        let catalog = bundled();
        let e = exports(&catalog, Format::Csv);
        let a = assemble(&e, &[5, 0, 9], "");
        assert_eq!(a.rows, 3);
        let lines: Vec<&str> = a.text.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{FEFF}Type;"));
        for (line, i) in lines[1..4].iter().zip([5, 0, 9]) {
            assert!(line.contains(&catalog.entries[i].id), "{line}");
        }
        assert_eq!(lines[4], "");
        assert_eq!(assemble(&e, &[], "").text, e.head());
    }

    #[test]
    fn json_lists_agreements_then_events_each_in_the_order_shown() {
        let catalog = bundled();
        let e = exports(&catalog, Format::Json);
        let shown = [8u32, 2, 6, 0];
        let a = assemble(&e, &shown, "");
        assert_eq!(a.rows, 4);
        let value: serde_json::Value = serde_json::from_str(&a.text).unwrap();
        let ids = |key: &str| -> Vec<String> {
            value[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect()
        };
        let id = |i: usize| catalog.entries[i].id.clone();
        assert_eq!(ids("agreements"), [id(2), id(0)]);
        assert_eq!(ids("events"), [id(8), id(6)]);
        // An empty list is still a list, and the whole still a data file.
        let none: serde_json::Value = serde_json::from_str(&assemble(&e, &[], "").text).unwrap();
        assert_eq!(none["agreements"], serde_json::json!([]));
        assert_eq!(none["events"], serde_json::json!([]));
        assert!(load_json(&assemble(&e, &[3], "").text)
            .unwrap()
            .problems
            .is_empty());
    }

    #[test]
    fn events_dated_only_by_bounds_are_left_out_of_calendars_and_counted() {
        let event = |id: &str, date: &str| {
            format!(
                r#"{{"id": "{id}", "title": "{id}", "kind": "atelier", "date": {date},
                    "territory": ["11"], "themes": [], "source": {{"file": "f.txt"}}, "excerpts": []}}"#
            )
        };
        let events = [
            event(
                "ev-a",
                r#"{"value": "../2015-07-10", "text": "t", "end_note": "n"}"#,
            ),
            event(
                "ev-b",
                r#"{"value": "2007-11-12/..", "text": "t", "start_note": "n"}"#,
            ),
            event(
                "ev-c",
                r#"{"value": "2015-11/2015-11-30", "text": "t", "start_note": "n", "end_note": "n"}"#,
            ),
            event("ev-d", r#"{"value": "2015-11-13"}"#),
        ];
        let json = format!(
            r#"{{"regions": [{{"code": "FR", "name": "Portée nationale"}}, {{"code": "11", "name": "Île-de-France"}}],
                "themes": [], "agreements": [], "events": [{}]}}"#,
            events.join(", ")
        );
        let loaded = load_json(&json).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let e = exports(&loaded.catalog, Format::Ics);
        let a = assemble(&e, &[0, 1, 2, 3], "");
        assert_eq!(a.rows, 1);
        assert_eq!(a.text.matches("BEGIN:VEVENT").count(), 1);
        assert!(a.text.contains("DTSTART;VALUE=DATE:20151113"));
        assert_eq!(
            a.left_out,
            LeftOut {
                month: 0,
                year: 0,
                bounded: 3,
                undated: 0
            }
        );
        assert_eq!(a.left_out.total(), 3);
        // The other formats keep them, with their bounds.
        let csv = assemble(&exports(&loaded.catalog, Format::Csv), &[0, 1, 2], "");
        assert_eq!(csv.rows, 3);
        for words in [
            "../2015-07-10;intervalle",
            "au plus tard le 10 juillet 2015",
            "2007-11-12/..;intervalle",
            "au plus tôt le 12 novembre 2007",
            "entre novembre et le 30 novembre 2015",
        ] {
            assert!(csv.text.contains(words), "{words} in\n{}", csv.text);
        }
        let json = assemble(&exports(&loaded.catalog, Format::Json), &[0, 1, 2], "");
        let back = load_json(&json.text).unwrap();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.catalog.events[2].date, loaded.catalog.events[2].date);
        assert_eq!(back.catalog.events[0].date.end_note.as_deref(), Some("n"));
    }

    #[test]
    fn calendars_hold_the_zones_they_need_and_count_what_they_leave_out() {
        let catalog = bundled();
        let e = exports(&catalog, Format::Ics);
        let all: Vec<u32> = (0..catalog.entries.len() as u32).collect();
        let a = assemble(&e, &all, "");
        // Seven events: one known only to the month, one only bounded
        // (at the latest on 13 November 2015).
        assert_eq!(a.rows, 5);
        assert_eq!(
            a.left_out,
            LeftOut {
                month: 1,
                year: 0,
                bounded: 1,
                undated: 0
            }
        );
        assert_eq!(a.text.matches("BEGIN:VEVENT").count(), 5);
        // Two timed events in Paris: its zone once, no other.
        assert_eq!(a.text.matches("BEGIN:VTIMEZONE").count(), 1);
        assert!(a.text.contains("TZID:Europe/Paris\r\n"));
        assert!(a.text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(a.text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        // An all-day event alone needs no zone.
        let reunion = catalog
            .position("ev-2019-11-21-journee-regionale-iae-reunion")
            .unwrap() as u32;
        let one = assemble(&e, &[reunion], "X-A:b\r\n");
        assert_eq!(one.rows, 1);
        assert!(!one.text.contains("VTIMEZONE"));
        assert!(one.text.contains("METHOD:PUBLISH\r\nX-A:b\r\nBEGIN:VEVENT"));
    }
}
