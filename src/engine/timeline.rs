//! The timeline's counts: how many of a set of records fall in each year,
//! or each month when the records span three years or less, and how many
//! only may.
//!
//! A record is a period of days it may be on ([`crate::data::date::When`]):
//! one day, a whole month or year for a reduced-precision date, the days
//! between two bounds, or without end on an open side. A record whose
//! period lies within one bar is *certain* there; one whose period crosses
//! bars is *possible* in each bar it crosses, and counted in each: a date
//! known to the year does not pretend to sit in one month, and "at the
//! latest on 10 July 2015" is possible in every bar up to July 2015. A bar
//! is therefore not a share of the set: its two counts say how many records
//! are there for sure and how many may be. Undated records have a bar of
//! their own.
//!
//! The axis runs over the bars of the set's known days (an open end adds
//! none): what the visitor sees is where the records lie, whatever period
//! is chosen. Counting is one pass over the set's records, with each
//! record's first and last month worked out once ([`Months`]), and a
//! difference array for the possible counts: linear in records plus bars,
//! whatever the records' spans.

use crate::data::date::{civil, PartialDate, OPEN_END, OPEN_START};
use crate::engine::bitset::Bitset;

/// Bars are years when the records span more years than this, else months.
pub const MONTHS_UP_TO_YEARS: i32 = 3;

/// A month as one integer, `year * 12 + month - 1`, so months compare and
/// subtract; an open end and an undated record have markers of their own.
type Month = i32;
const OPEN_BEFORE: Month = i32::MIN;
const OPEN_AFTER: Month = i32::MAX;

fn month_of(day: i32) -> Month {
    let (y, m, _) = civil(day);
    y * 12 + m as i32 - 1
}

/// Each record's first and last possible month, worked out once for a
/// dataset (two calendar conversions a record), so that counting a set is
/// integer work only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Months {
    first: Vec<Month>,
    last: Vec<Month>,
}

impl Months {
    /// From each record's first and last possible day (the index's days:
    /// [`OPEN_START`], [`OPEN_END`] for open ends, an empty period for an
    /// undated record).
    pub fn new(first_day: &[i32], last_day: &[i32]) -> Months {
        let (first, last) = first_day
            .iter()
            .zip(last_day)
            .map(|(&f, &l)| match (f, l) {
                (f, l) if f > l => (OPEN_AFTER, OPEN_BEFORE),
                (f, l) => (
                    if f == OPEN_START {
                        OPEN_BEFORE
                    } else {
                        month_of(f)
                    },
                    if l == OPEN_END {
                        OPEN_AFTER
                    } else {
                        month_of(l)
                    },
                ),
            })
            .unzip();
        Months { first, last }
    }

    pub fn len(&self) -> usize {
        self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    fn undated(&self, i: usize) -> bool {
        self.first[i] > self.last[i]
    }
}

/// What a bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Year,
    Month,
}

/// The bars shown: `len` years or months from `first` (a year, or a
/// [`Month`] integer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub scale: Scale,
    first: i32,
    pub len: usize,
}

impl Axis {
    /// The bars from the first to the last known month, whole years of
    /// months when they span [`MONTHS_UP_TO_YEARS`] years or less.
    fn over(first: Month, last: Month) -> Axis {
        let (y0, y1) = (first.div_euclid(12), last.div_euclid(12));
        if y1 - y0 < MONTHS_UP_TO_YEARS {
            Axis {
                scale: Scale::Month,
                first: y0 * 12,
                len: ((y1 - y0 + 1) * 12) as usize,
            }
        } else {
            Axis {
                scale: Scale::Year,
                first: y0,
                len: (y1 - y0 + 1) as usize,
            }
        }
    }

    /// The bar of a month, which may lie outside the axis (negative, or
    /// `len` and beyond).
    fn bar(&self, month: Month) -> i64 {
        let unit = match self.scale {
            Scale::Year => month.div_euclid(12),
            Scale::Month => month,
        };
        unit as i64 - self.first as i64
    }

    /// Bar `k` as a date of its precision: the year `2019`, or the month
    /// `2019-11`. What the bar's `data-period`, its label and a brush over
    /// it say.
    pub fn date(&self, k: usize) -> PartialDate {
        let unit = self.first + k as i32;
        match self.scale {
            Scale::Year => PartialDate {
                year: unit,
                month: None,
                day: None,
            },
            Scale::Month => PartialDate {
                year: unit.div_euclid(12),
                month: Some((unit.rem_euclid(12) + 1) as u8),
                day: None,
            },
        }
    }

    /// The bars a period covers, wholly or in part (`None` when it misses
    /// every bar), and whether it covers them wholly.
    pub fn covered(
        &self,
        from: Option<PartialDate>,
        to: Option<PartialDate>,
    ) -> Option<(usize, usize, bool)> {
        if from.is_none() && to.is_none() {
            return None;
        }
        let lo = from.map_or(i32::MIN, |d| d.first_day());
        let hi = to.map_or(i32::MAX, |d| d.last_day());
        if lo > hi || self.len == 0 {
            return None;
        }
        let last = self.len as i64 - 1;
        let a = if lo == i32::MIN {
            0
        } else {
            self.bar(month_of(lo))
        };
        let b = if hi == i32::MAX {
            last
        } else {
            self.bar(month_of(hi))
        };
        if b < 0 || a > last {
            return None;
        }
        let (a, b) = (a.max(0) as usize, b.min(last) as usize);
        let whole = self.date(a).first_day() >= lo && self.date(b).last_day() <= hi;
        Some((a, b, whole))
    }
}

/// One bar's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bar {
    /// Records whose every possible day is in this bar.
    pub certain: u32,
    /// Records that may be in this bar, and may be in another.
    pub possible: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram {
    /// `None` when no record of the set has a known day.
    pub axis: Option<Axis>,
    pub bars: Vec<Bar>,
    /// Records of the set whose date is unknown.
    pub unknown: u32,
}

/// The counts of the records of `set`.
pub fn histogram(months: &Months, set: &Bitset) -> Histogram {
    // The known months of the set: an open end adds nothing.
    let (mut lo, mut hi) = (OPEN_AFTER, OPEN_BEFORE);
    let mut unknown = 0;
    for i in set.iter().filter(|&i| i < months.len()) {
        if months.undated(i) {
            unknown += 1;
            continue;
        }
        for m in [months.first[i], months.last[i]] {
            if m != OPEN_BEFORE && m != OPEN_AFTER {
                lo = lo.min(m);
                hi = hi.max(m);
            }
        }
    }
    if lo > hi {
        return Histogram {
            axis: None,
            bars: Vec::new(),
            unknown,
        };
    }
    let axis = Axis::over(lo, hi);
    let n = axis.len;
    let mut bars = vec![Bar::default(); n];
    // Possible counts as differences: +1 where a record's bars start, -1
    // after they end.
    let mut starts = vec![0i64; n + 1];
    for i in set.iter().filter(|&i| i < months.len()) {
        if months.undated(i) {
            continue;
        }
        let (f, l) = (months.first[i], months.last[i]);
        let a = if f == OPEN_BEFORE {
            0
        } else {
            axis.bar(f) as usize
        };
        let b = if l == OPEN_AFTER {
            n - 1
        } else {
            axis.bar(l) as usize
        };
        if a == b && f != OPEN_BEFORE && l != OPEN_AFTER {
            bars[a].certain += 1;
        } else {
            starts[a] += 1;
            starts[b + 1] -= 1;
        }
    }
    let mut running = 0i64;
    for (bar, d) in bars.iter_mut().zip(&starts) {
        running += d;
        bar.possible = running as u32;
    }
    Histogram {
        axis: Some(axis),
        bars,
        unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::When;

    fn months(dates: &[Option<&str>]) -> Months {
        let whens: Vec<Option<When>> = dates
            .iter()
            .map(|d| d.map(|d| When::parse(d).unwrap()))
            .collect();
        let first: Vec<i32> = whens
            .iter()
            .map(|w| w.map_or(i32::MAX, |w| w.first_day()))
            .collect();
        let last: Vec<i32> = whens
            .iter()
            .map(|w| w.map_or(i32::MIN, |w| w.last_day()))
            .collect();
        Months::new(&first, &last)
    }

    fn all(n: usize) -> Bitset {
        Bitset::full(n)
    }

    fn counts(h: &Histogram) -> Vec<(u32, u32)> {
        h.bars.iter().map(|b| (b.certain, b.possible)).collect()
    }

    #[test]
    fn years_when_the_records_span_more_than_three_years() {
        let m = months(&[
            Some("2019-11-21"),
            Some("2015"),
            Some("../2015-07-10"),
            Some("2007-11-12/2007-12-31"),
            None,
            Some("2015-11/2015-11-30"),
        ]);
        let h = histogram(&m, &all(6));
        let axis = h.axis.unwrap();
        assert_eq!(axis.scale, Scale::Year);
        assert_eq!(axis.len, 13);
        assert_eq!(axis.date(0).to_string(), "2007");
        assert_eq!(axis.date(12).to_string(), "2019");
        assert_eq!(h.unknown, 1);
        let c = counts(&h);
        // 2007: the bounded agreement, certain in its year; the open one may be.
        assert_eq!(c[0], (1, 1));
        // 2008-2014: only the open one may be there.
        assert!(c[1..8].iter().all(|&x| x == (0, 1)));
        // 2015: the year-dated record and the month: certain; the open one may be.
        assert_eq!(c[8], (2, 1));
        assert!(c[9..12].iter().all(|&x| x == (0, 0)));
        assert_eq!(c[12], (1, 0));
    }

    #[test]
    fn months_spread_a_record_known_to_the_year() {
        let m = months(&[Some("2019"), Some("2019-11-21"), Some("2019-11")]);
        let h = histogram(&m, &all(3));
        let axis = h.axis.unwrap();
        assert_eq!(axis.scale, Scale::Month);
        assert_eq!(axis.len, 12);
        assert_eq!(axis.date(10).to_string(), "2019-11");
        let c = counts(&h);
        assert_eq!(c[10], (2, 1));
        assert!(c.iter().enumerate().all(|(k, x)| k == 10 || *x == (0, 1)));
    }

    #[test]
    fn only_the_set_counts_and_an_empty_set_has_no_axis() {
        let m = months(&[Some("2019"), Some("2001"), None]);
        let set = Bitset::from_positions(3, [0, 2]);
        let h = histogram(&m, &set);
        assert_eq!(h.axis.unwrap().len, 12);
        assert_eq!(h.unknown, 1);
        let h = histogram(&m, &Bitset::from_positions(3, [2]));
        assert_eq!(h.axis, None);
        assert_eq!(h.unknown, 1);
        let h = histogram(&m, &Bitset::new(3));
        assert_eq!(h, Histogram::default());
    }

    #[test]
    fn open_ends_reach_the_edge_of_the_axis() {
        let m = months(&[Some("2014/.."), Some("2010-03"), Some("2016")]);
        let h = histogram(&m, &all(3));
        let c = counts(&h);
        assert_eq!(c.len(), 7);
        assert_eq!(c[0], (1, 0));
        assert_eq!(c[4..].to_vec(), [(0, 1), (0, 1), (1, 1)]);
    }

    #[test]
    fn a_period_covers_bars_wholly_or_in_part() {
        let m = months(&[Some("2007"), Some("2019")]);
        let axis = histogram(&m, &all(2)).axis.unwrap();
        let d = |s: &str| PartialDate::parse(s).ok();
        assert_eq!(axis.covered(d("2015"), d("2015")), Some((8, 8, true)));
        assert_eq!(axis.covered(d("2015-03"), d("2016")), Some((8, 9, false)));
        assert_eq!(axis.covered(None, d("2008")), Some((0, 1, true)));
        assert_eq!(axis.covered(d("2030"), None), None);
        assert_eq!(axis.covered(d("2016"), d("2015")), None);
        assert_eq!(axis.covered(None, None), None);
        assert_eq!(axis.covered(d("1990"), d("2030")), Some((0, 12, true)));
    }
}
