//! Reduced-precision ISO 8601 dates (`2019`, `2019-11`, `2019-11-21`), as EDTF
//! level 0 writes them, and the period of days each one covers. How a date
//! reads in French is the wording's ([`crate::wording::format`]).

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
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Format,
    /// Well formed, but no such day on the calendar (e.g. 2019-02-30).
    Impossible,
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
    fn displays_round_trip() {
        for s in ["2019", "2019-11", "2019-11-21", "0999-01-01"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }
}
