//! The time zone of a place: an event's time ("14 h", "de 9 à 13 h") is the
//! local time of where it happens, and a calendar or a search engine needs
//! the offset from UTC to place it. France spans six zones; mainland France
//! (Corsica included) changes its clocks, the overseas regions do not.

use crate::data::date::day_number;
use crate::data::model::Event;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Mainland France and Corsica: UTC+1, UTC+2 in summer (EU rule).
    Paris,
    Reunion,
    Guadeloupe,
    Martinique,
    Cayenne,
    Mayotte,
}

impl Zone {
    /// In the order an exports file numbers them (docs/pack-format.md).
    pub const ALL: [Zone; 6] = [
        Zone::Paris,
        Zone::Reunion,
        Zone::Guadeloupe,
        Zone::Martinique,
        Zone::Cayenne,
        Zone::Mayotte,
    ];

    /// Its place in [`Zone::ALL`] (and in an exports file's zones).
    pub fn slot(self) -> usize {
        self as usize
    }

    /// The IANA name, which calendar programs know the zone by.
    pub fn tzid(self) -> &'static str {
        match self {
            Zone::Paris => "Europe/Paris",
            Zone::Reunion => "Indian/Reunion",
            Zone::Guadeloupe => "America/Guadeloupe",
            Zone::Martinique => "America/Martinique",
            Zone::Cayenne => "America/Cayenne",
            Zone::Mayotte => "Indian/Mayotte",
        }
    }

    /// The zone of a region (INSEE code, 2018): the overseas regions have
    /// theirs, every other code (the national scope included) is in
    /// mainland France.
    pub fn of_region(code: &str) -> Zone {
        match code {
            "01" => Zone::Guadeloupe,
            "02" => Zone::Martinique,
            "03" => Zone::Cayenne,
            "04" => Zone::Reunion,
            "06" => Zone::Mayotte,
            _ => Zone::Paris,
        }
    }

    /// The zone of an event: its place's region, else that of its
    /// territory when every region of it agrees, else mainland France.
    pub fn of_event(event: &Event) -> Zone {
        if let Some(code) = event.place.as_ref().and_then(|p| p.region.as_deref()) {
            return Zone::of_region(code);
        }
        let mut zones = event.territory.iter().map(|c| Zone::of_region(c));
        match zones.next() {
            Some(first) if zones.all(|z| z == first) => first,
            _ => Zone::Paris,
        }
    }

    /// Minutes east of UTC at a local date and time (`minute` of the day).
    /// Paris follows the EU rule since 1996: summer time from the last
    /// Sunday of March to the last Sunday of October, both at 01:00 UTC
    /// (02:00 and 03:00 local); the records' dates are all after 1996.
    pub fn offset_minutes(self, year: i32, month: u8, day: u8, minute: u32) -> i32 {
        match self {
            Zone::Paris => {
                let local = i64::from(day_number(year, month, day)) * 1440 + i64::from(minute);
                let change = |m: u8| {
                    let last = i64::from(last_sunday(year, m)) * 1440;
                    // 01:00 UTC is 02:00 in winter time.
                    last + 120
                };
                if local >= change(3) && local < change(10) + 60 {
                    120
                } else {
                    60
                }
            }
            Zone::Guadeloupe | Zone::Martinique => -240,
            Zone::Cayenne => -180,
            Zone::Reunion => 240,
            Zone::Mayotte => 180,
        }
    }
}

/// The day number of the last Sunday of a month.
fn last_sunday(year: i32, month: u8) -> i32 {
    let last = day_number(year, month, crate::data::date::days_in_month(year, month));
    // Day 0 (1970-01-01) was a Thursday: Sunday is 3 days later.
    last - (last - 3).rem_euclid(7)
}

/// `+02:00`, `-04:00`: an offset as ISO 8601 writes it.
pub fn iso_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_its_zone() {
        for code in [
            "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94", "FR",
        ] {
            assert_eq!(Zone::of_region(code), Zone::Paris, "{code}");
        }
        assert_eq!(Zone::of_region("04").tzid(), "Indian/Reunion");
        assert_eq!(Zone::of_region("03").tzid(), "America/Cayenne");
        for (k, z) in Zone::ALL.into_iter().enumerate() {
            assert_eq!(z.slot(), k);
        }
    }

    #[test]
    fn paris_changes_its_clocks_on_the_last_sundays() {
        let p = Zone::Paris;
        // 2015: 29 March and 25 October; 2019: 31 March and 27 October.
        assert_eq!(p.offset_minutes(2015, 11, 17, 9 * 60), 60);
        assert_eq!(p.offset_minutes(2015, 7, 10, 12 * 60), 120);
        assert_eq!(p.offset_minutes(2015, 3, 29, 60 + 59), 60);
        assert_eq!(p.offset_minutes(2015, 3, 29, 3 * 60), 120);
        assert_eq!(p.offset_minutes(2015, 10, 25, 2 * 60 + 30), 120);
        assert_eq!(p.offset_minutes(2015, 10, 25, 3 * 60), 60);
        assert_eq!(p.offset_minutes(2019, 3, 30, 12 * 60), 60);
        assert_eq!(p.offset_minutes(2019, 3, 31, 12 * 60), 120);
        assert_eq!(Zone::Reunion.offset_minutes(2019, 11, 21, 9 * 60), 240);
        assert_eq!(iso_offset(120), "+02:00");
        assert_eq!(iso_offset(-240), "-04:00");
        assert_eq!(iso_offset(330), "+05:30");
    }
}
