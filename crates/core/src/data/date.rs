//! A record's date as precise as its text, in the Extended Date/Time Format
//! (EDTF, ISO 8601-2): a reduced-precision date (`2019`, `2019-11`,
//! `2019-11-21`, level 0), or an interval of two of them whose ends may be
//! open (`../2015-07-10`, `2015-11/2015-11-30`, `2007-11-12/..`, level 1)
//! when the text bounds a date without giving it. Each is a period of days:
//! the days the thing may have happened on, which is all the filter, the
//! sorts and the timeline need. How a date reads is the wording's
//! ([`crate::wording::format`], [`crate::wording::phrase`]).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD (nor an interval of them).
    Format,
    /// Well formed, but no such day on the calendar (e.g. 2019-02-30).
    Impossible,
    /// An interval open at both ends (`../..`) says nothing: no value does.
    Unbounded,
    /// An interval whose start comes after its end.
    Reversed,
}

/// The first day of a period open at its start: before every day.
pub const OPEN_START: i32 = i32::MIN;
/// The last day of a period open at its end: after every day.
pub const OPEN_END: i32 = i32::MAX;

/// One end of an EDTF interval: a date, or open (`..`) when the text sets
/// no bound on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Open,
    On(PartialDate),
}

/// A record's date: one date as precise as the text gives it, or an
/// interval the text bounds it by ("au plus tard le 10 juillet 2015":
/// `../2015-07-10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    On(PartialDate),
    Between(Bound, Bound),
}

impl Bound {
    fn parse(s: &str) -> Result<Bound, DateError> {
        match s {
            ".." => Ok(Bound::Open),
            s => PartialDate::parse(s).map(Bound::On),
        }
    }

    pub fn date(self) -> Option<PartialDate> {
        match self {
            Bound::Open => None,
            Bound::On(d) => Some(d),
        }
    }
}

impl When {
    /// An EDTF date (`2019-11`) or interval (`../2015-07-10`). An empty end
    /// (EDTF's "unknown", `/2015`) is refused: write `..`, the one way this
    /// format has of saying that no bound is known.
    pub fn parse(s: &str) -> Result<When, DateError> {
        let Some((start, end)) = s.split_once('/') else {
            return PartialDate::parse(s).map(When::On);
        };
        let (start, end) = (Bound::parse(start)?, Bound::parse(end)?);
        match (start, end) {
            (Bound::Open, Bound::Open) => Err(DateError::Unbounded),
            (Bound::On(a), Bound::On(b)) if a.first_day() > b.last_day() => {
                Err(DateError::Reversed)
            }
            _ => Ok(When::Between(start, end)),
        }
    }

    /// The first day it may be on ([`OPEN_START`] when nothing bounds it).
    pub fn first_day(&self) -> i32 {
        match self {
            When::On(d) | When::Between(Bound::On(d), _) => d.first_day(),
            When::Between(Bound::Open, _) => OPEN_START,
        }
    }

    /// The last day it may be on ([`OPEN_END`] when nothing bounds it).
    pub fn last_day(&self) -> i32 {
        match self {
            When::On(d) | When::Between(_, Bound::On(d)) => d.last_day(),
            When::Between(_, Bound::Open) => OPEN_END,
        }
    }

    /// The date, when the text gives one rather than bounds.
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            When::On(d) => Some(*d),
            When::Between(..) => None,
        }
    }

    /// The day it sorts by: its first possible day, or for an interval
    /// open at its start, its last.
    pub fn sort_day(&self) -> i32 {
        match self.first_day() {
            OPEN_START => self.last_day(),
            day => day,
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Open => f.write_str(".."),
            Bound::On(d) => d.fmt(f),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::On(d) => d.fmt(f),
            When::Between(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// The calendar day of a day number: [`day_number`] undone.
pub fn civil(day: i32) -> (i32, u8, u8) {
    // Howard Hinnant's civil_from_days.
    let z = day as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), so periods compare as integers.
pub fn day_number(year: i32, month: u8, day: u8) -> i32 {
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl PartialDate {
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        let mut parts = s.split('-');
        let year = parts
            .next()
            .and_then(|p| digits(p, 4))
            .ok_or(DateError::Format)? as i32;
        let month = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or(DateError::Format)? as u8),
        };
        let day = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or(DateError::Format)? as u8),
        };
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Impossible);
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError::Impossible);
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// First day of the period this date denotes.
    pub fn first_day(&self) -> i32 {
        day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day of the period this date denotes.
    pub fn last_day(&self) -> i32 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        day_number(self.year, month, day)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2019").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2019-11").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2019-11-21").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn rejects_malformed_and_impossible() {
        for bad in [
            "",
            "19",
            "2019-1",
            "2019-11-1",
            "2019/11",
            "2019-11-21-1",
            "abcd",
            "2019-",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Format), "{bad}");
        }
        for bad in [
            "2019-13",
            "2019-00",
            "2019-02-29",
            "2019-02-30",
            "2019-04-31",
            "2019-01-00",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Impossible), "{bad}");
        }
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert!(PartialDate::parse("1900-02-29").is_err());
    }

    #[test]
    fn periods_cover_the_whole_unit() {
        let y = PartialDate::parse("2019").unwrap();
        assert_eq!(y.first_day(), day_number(2019, 1, 1));
        assert_eq!(y.last_day(), day_number(2019, 12, 31));
        let m = PartialDate::parse("2020-02").unwrap();
        assert_eq!(m.last_day() - m.first_day(), 28);
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2019, 11, 21) - day_number(2019, 11, 20), 1);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
    }

    #[test]
    fn intervals_parse_with_open_or_closed_ends() {
        let w = When::parse("../2015-07-10").unwrap();
        assert_eq!(w.first_day(), OPEN_START);
        assert_eq!(w.last_day(), day_number(2015, 7, 10));
        assert_eq!(w.sort_day(), day_number(2015, 7, 10));
        assert_eq!(w.date(), None);
        let w = When::parse("2015-11/2015-11-30").unwrap();
        assert_eq!(w.first_day(), day_number(2015, 11, 1));
        assert_eq!(w.last_day(), day_number(2015, 11, 30));
        let w = When::parse("2007-11-12/..").unwrap();
        assert_eq!(w.last_day(), OPEN_END);
        assert_eq!(w.sort_day(), day_number(2007, 11, 12));
        // Overlapping ends of different precision are not reversed.
        assert!(When::parse("2015-11-30/2015-11").is_ok());
        assert_eq!(When::parse("../.."), Err(DateError::Unbounded));
        assert_eq!(When::parse("2016/2015-12-31"), Err(DateError::Reversed));
        for bad in [
            "/2015",
            "2015/",
            "2015//2016",
            "2015/2016/2017",
            ".../2015",
            "2015-13/..",
        ] {
            assert!(When::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(When::parse("2015-02-30/.."), Err(DateError::Impossible));
        for s in [
            "../2015-07-10",
            "2015-11/2015-11-30",
            "2007/..",
            "2019-11-21",
        ] {
            assert_eq!(When::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn civil_undoes_day_number() {
        for day in (-800_000..800_000).step_by(7) {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(y, m, d), day, "{y}-{m}-{d}");
        }
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(day_number(2000, 2, 29)), (2000, 2, 29));
    }

    #[test]
    fn displays_round_trip() {
        for s in ["2019", "2019-11", "2019-11-21", "0999-01-01"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }
}
