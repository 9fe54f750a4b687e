//! "Add to Google Calendar" and "Add to Outlook" for one event: links to
//! the calendars people use on the web, beside the `.ics` file (a bare file
//! download confuses many visitors). Written at build time into the
//! record's detail (`pack::detail`), so the page carries no date formatting
//! or URL encoding for them.
//!
//! The two services' documented templates:
//!
//! - Google: `https://calendar.google.com/calendar/render?action=TEMPLATE`
//!   `&text=…&dates=…&details=…&location=…`; all day as
//!   `YYYYMMDD/YYYYMMDD`, the end exclusive (the next day), or timed as
//!   `YYYYMMDDTHHMMSS/…` in the zone `ctz` names (the place's);
//! - Outlook on the web: `https://outlook.live.com/calendar/0/deeplink/compose`
//!   `?subject=…&startdt=…&enddt=…&location=…&body=…`; all day as dates
//!   with `allday=true`, or timed as ISO 8601 with the offset of the place's
//!   zone on that day.
//!
//! Only for an event dated to the day, as the calendar file (an event known
//! to the month has no day to be put on): the same rule as
//! [`super::ics::event`], the same zone, the same place, the same words.

use crate::data::catalog::{Catalog, RecordRef};
use crate::data::date::{PartialDate, When};
use crate::data::zone::{iso_offset, Zone};
use crate::export::ics::{basic_date, clock, description, next_day};
use crate::export::record_page;
use crate::wording::phrase;

pub const GOOGLE: &str = "https://calendar.google.com/calendar/render";
pub const OUTLOOK: &str = "https://outlook.live.com/calendar/0/deeplink/compose";

/// The two links of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebCalendars {
    pub google: String,
    pub outlook: String,
}

/// Percent-encodes a query component: everything but the unreserved
/// characters, as UTF-8 bytes.
fn component(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

fn query(base: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::from(base);
    for (k, (name, value)) in params.iter().enumerate() {
        out.push(if k == 0 { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        component(&mut out, value);
    }
    out
}

/// `HH:MM` as minutes of the day.
fn minutes(hhmm: &str) -> Option<u32> {
    let (h, m) = hhmm.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// The links of record `i`, when it is an event dated to the day. `base`,
/// the site's public address, puts the record page's address in the
/// description.
pub fn links(catalog: &Catalog, i: usize, base: Option<&str>) -> Option<WebCalendars> {
    let RecordRef::Event(e) = catalog.record(i) else {
        return None;
    };
    let Some(When::On(PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    })) = catalog.entries[i].date
    else {
        return None;
    };
    let location = match &e.place {
        Some(p) => phrase::place_label(p, catalog),
        None => phrase::territory_label(&e.territory, catalog),
    };
    let mut details = description(e);
    if let Some(base) = base {
        details.push_str("\n\n");
        details.push_str(&record_page(Some(base), &e.id));
    }
    let iso = |y: i32, m: u8, d: u8| format!("{y:04}-{m:02}-{d:02}");
    let times = e.time.as_ref().and_then(|t| {
        let start = (clock(&t.start)?, minutes(&t.start)?);
        let end = t
            .end
            .as_deref()
            .and_then(|end| Some((clock(end)?, minutes(end)?)));
        Some((start, end))
    });
    let on = basic_date(year, month, day);
    let (google_dates, zone, start_dt, end_dt, all_day) = match times {
        Some(((start, start_min), end)) => {
            let zone = Zone::of_event(e);
            // No end in the text: the event is put at its start, as the
            // calendar file leaves DTEND out.
            let (end, end_min) = end.unwrap_or((start.clone(), start_min));
            let at = |hhmmss: &str, minute: u32| {
                format!(
                    "{}T{}:{}:00{}",
                    iso(year, month, day),
                    &hhmmss[..2],
                    &hhmmss[2..4],
                    iso_offset(zone.offset_minutes(year, month, day, minute))
                )
            };
            (
                format!("{on}T{start}/{on}T{end}"),
                Some(zone),
                at(&start, start_min),
                at(&end, end_min),
                false,
            )
        }
        None => {
            let (y, m, d) = next_day(year, month, day);
            (
                format!("{on}/{}", basic_date(y, m, d)),
                None,
                iso(year, month, day),
                iso(y, m, d),
                true,
            )
        }
    };
    let mut google = vec![
        ("action", "TEMPLATE"),
        ("text", e.title.as_str()),
        ("dates", google_dates.as_str()),
    ];
    if let Some(zone) = zone {
        google.push(("ctz", zone.tzid()));
    }
    google.push(("details", details.as_str()));
    if !location.is_empty() {
        google.push(("location", location.as_str()));
    }
    let mut outlook = vec![
        ("path", "/calendar/action/compose"),
        ("rru", "addevent"),
        ("subject", e.title.as_str()),
        ("startdt", start_dt.as_str()),
        ("enddt", end_dt.as_str()),
    ];
    if all_day {
        outlook.push(("allday", "true"));
    }
    if !location.is_empty() {
        outlook.push(("location", location.as_str()));
    }
    outlook.push(("body", details.as_str()));
    Some(WebCalendars {
        google: query(GOOGLE, &google),
        outlook: query(OUTLOOK, &outlook),
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

    /// The query of a link as name → decoded value.
    fn params(url: &str) -> Vec<(String, String)> {
        let (_, q) = url.split_once('?').unwrap();
        q.split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                let mut bytes = Vec::new();
                let raw = v.as_bytes();
                let mut i = 0;
                while i < raw.len() {
                    if raw[i] == b'%' {
                        let hex = std::str::from_utf8(&raw[i + 1..i + 3]).unwrap();
                        bytes.push(u8::from_str_radix(hex, 16).unwrap());
                        i += 3;
                    } else {
                        bytes.push(raw[i]);
                        i += 1;
                    }
                }
                (k.to_string(), String::from_utf8(bytes).unwrap())
            })
            .collect()
    }

    fn get<'a>(p: &'a [(String, String)], name: &str) -> Option<&'a str> {
        p.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn an_all_day_event_ends_the_next_day() {
        let c = bundled();
        let i = c
            .position("ev-2019-11-21-journee-regionale-iae-reunion")
            .unwrap();
        let l = links(&c, i, Some("https://e.org/p/")).unwrap();
        assert!(l
            .google
            .starts_with("https://calendar.google.com/calendar/render?action=TEMPLATE&text="));
        let g = params(&l.google);
        assert_eq!(get(&g, "dates"), Some("20191121/20191122"));
        assert_eq!(get(&g, "ctz"), None);
        assert!(get(&g, "details")
            .unwrap()
            .ends_with("https://e.org/p/fiches/ev-2019-11-21-journee-regionale-iae-reunion/"));
        let o = params(&l.outlook);
        assert_eq!(get(&o, "startdt"), Some("2019-11-21"));
        assert_eq!(get(&o, "enddt"), Some("2019-11-22"));
        assert_eq!(get(&o, "allday"), Some("true"));
        assert_eq!(get(&o, "subject"), Some(c.entries[i].title.as_str()));
        // Nothing raw in the address: only unreserved characters and escapes.
        for url in [&l.google, &l.outlook] {
            let (_, q) = url.split_once('?').unwrap();
            assert!(
                q.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)),
                "{q}"
            );
        }
    }

    #[test]
    fn a_timed_event_is_at_its_place_s_time() {
        let c = bundled();
        // 17 November 2015, 9 h to 13 h, in Paris: winter time.
        let i = c.position("ev-2015-11-17-seminaire-iae-paris").unwrap();
        let l = links(&c, i, None).unwrap();
        let g = params(&l.google);
        assert_eq!(get(&g, "dates"), Some("20151117T090000/20151117T130000"));
        assert_eq!(get(&g, "ctz"), Some("Europe/Paris"));
        assert!(!get(&g, "details").unwrap().contains("fiches/"));
        let o = params(&l.outlook);
        assert_eq!(get(&o, "startdt"), Some("2015-11-17T09:00:00+01:00"));
        assert_eq!(get(&o, "enddt"), Some("2015-11-17T13:00:00+01:00"));
        assert_eq!(get(&o, "allday"), None);
        // No end in the text: at its start.
        let j = c.position("ev-2015-11-30-conference-rse-ess").unwrap();
        let o = params(&links(&c, j, None).unwrap().outlook);
        assert_eq!(get(&o, "startdt"), get(&o, "enddt"));
    }

    #[test]
    fn only_events_dated_to_the_day() {
        let c = bundled();
        for id in [
            "ev-2015-11-mois-ess-idf",
            "ev-2015-rencontre-structures-iae",
            "ag-2019-cpme-reunion-ursiae",
        ] {
            assert_eq!(links(&c, c.position(id).unwrap(), None), None, "{id}");
        }
    }

    #[test]
    fn hostile_text_is_encoded() {
        let mut loaded = load_json(include_str!("../../../../data/passerelles.json")).unwrap();
        let i = loaded
            .catalog
            .position("ev-2015-11-17-seminaire-iae-paris")
            .unwrap();
        let e = i - loaded.catalog.agreements.len();
        loaded.catalog.events[e].title = "A&B=\"<x>\"#?é".into();
        let l = links(&loaded.catalog, i, None).unwrap();
        assert_eq!(get(&params(&l.google), "text"), Some("A&B=\"<x>\"#?é"));
        assert!(!l.google.contains('"') && !l.google.contains('<'));
    }
}
