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
//! is chosen. Each record's place is worked out once for a dataset
//! ([`Months`]), then counting a set is cheap: by year, the set is
//! intersected with a bitset of the records certainly in each year and one
//! of those that may be (word operations, whatever the records' spans); by
//! month, which only a set spanning three years or less asks for, one pass
//! over its records with difference arrays for the possible counts.

use crate::data::date::{civil, PartialDate, OPEN_END, OPEN_START};
use crate::engine::bitset::{intersect_count, Bitset};

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

/// Each record's place on the timeline, worked out once for a dataset (two
/// calendar conversions a record), so that counting a set is a few loads
/// and adds a record: its first and last month counted from January of the
/// dataset's first year (an open end at the dataset's first or last month),
/// its known months (what the axis spans), whether both its ends are known.
/// Ten bytes a record: at 100,000 records the counting pass stays in cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Months {
    spans: Vec<Span>,
    /// The first year of a known month in the dataset, and how many years
    /// from it to the last.
    year: i32,
    years: usize,
    /// Per year of the dataset, the records certainly in it, those that may
    /// be, and those with a known month in it: a set is counted by year in
    /// word operations (a bitset a year and kind: 12.5 KB each at 100,000
    /// records).
    by_year: Vec<[Bitset; 3]>,
    undated: Bitset,
}

const CERTAIN: usize = 0;
const POSSIBLE: usize = 1;
const KNOWN: usize = 2;

/// Months from January of the dataset's first year (the validator keeps
/// years within two centuries: far within `u16`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    first: u16,
    last: u16,
    known_first: u16,
    known_last: u16,
    closed: bool,
}

/// An undated record's span.
const UNDATED: Span = Span {
    first: u16::MAX,
    last: 0,
    known_first: 0,
    known_last: 0,
    closed: false,
};

impl Months {
    /// From each record's first and last possible day (the index's days:
    /// [`OPEN_START`], [`OPEN_END`] for open ends, an empty period for an
    /// undated record).
    pub fn new(first_day: &[i32], last_day: &[i32]) -> Months {
        let ends: Vec<Option<(Month, Month)>> = first_day
            .iter()
            .zip(last_day)
            .map(|(&f, &l)| {
                (f <= l).then(|| {
                    (
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
                    )
                })
            })
            .collect();
        let known = ends
            .iter()
            .flatten()
            .flat_map(|&(f, l)| [f, l])
            .filter(|&m| m != OPEN_BEFORE && m != OPEN_AFTER);
        let (lo, hi) = known.fold((i32::MAX, i32::MIN), |(lo, hi), m| (lo.min(m), hi.max(m)));
        let year = lo.div_euclid(12);
        let years = if lo <= hi {
            (hi.div_euclid(12) - year + 1) as usize
        } else {
            0
        };
        // Beyond what u16 counts, a dataset would span five millennia.
        let n = ends.len();
        let undated = Bitset::from_positions(n, (0..n).filter(|&i| ends[i].is_none()));
        if years == 0 || years * 12 >= usize::from(u16::MAX) {
            return Months {
                spans: vec![UNDATED; n],
                year: 0,
                years: 0,
                by_year: Vec::new(),
                undated,
            };
        }
        let at = |m: Month| (m - year * 12) as u16;
        let last_month = (years * 12 - 1) as u16;
        let spans = ends
            .iter()
            .map(|e| match *e {
                None => UNDATED,
                Some((f, l)) => {
                    let (open_start, open_end) = (f == OPEN_BEFORE, l == OPEN_AFTER);
                    Span {
                        first: if open_start { 0 } else { at(f) },
                        last: if open_end { last_month } else { at(l) },
                        known_first: at(if open_start { l } else { f }),
                        known_last: at(if open_end { f } else { l }),
                        closed: !open_start && !open_end,
                    }
                }
            })
            .collect::<Vec<Span>>();
        let mut by_year = vec![[Bitset::new(n), Bitset::new(n), Bitset::new(n)]; years];
        for (i, s) in spans.iter().enumerate().filter(|(_, s)| s.first <= s.last) {
            let (a, b) = (usize::from(s.first) / 12, usize::from(s.last) / 12);
            if s.closed && a == b {
                by_year[a][CERTAIN].insert(i);
            } else {
                for sets in &mut by_year[a..=b] {
                    sets[POSSIBLE].insert(i);
                }
            }
            by_year[usize::from(s.known_first) / 12][KNOWN].insert(i);
            by_year[usize::from(s.known_last) / 12][KNOWN].insert(i);
        }
        Months {
            spans,
            year,
            years,
            by_year,
            undated,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Counts at one grain (each month, or each year) over the dataset's
/// years: certain counts, and the possible ones as differences (+1 where a
/// record's bars start, -1 after they end).
struct Grain {
    certain: Vec<u32>,
    starts: Vec<i32>,
}

impl Grain {
    fn new(len: usize) -> Grain {
        Grain {
            certain: vec![0; len],
            starts: vec![0; len + 1],
        }
    }

    /// A record from bar `a` to bar `b` (both known ends when `closed`).
    /// Inlined: the month pass calls it once a record, and the island's
    /// size-first build would not inline it by itself.
    #[inline(always)]
    fn add(&mut self, a: usize, b: usize, closed: bool) {
        if a == b && closed {
            self.certain[a] += 1;
        } else {
            self.starts[a] += 1;
            self.starts[b + 1] -= 1;
        }
    }

    /// `len` bars from bar `from`.
    fn bars(&self, from: usize, len: usize) -> Vec<Bar> {
        let mut running = 0;
        let mut out = Vec::with_capacity(len);
        for (k, d) in self.starts.iter().enumerate().take(from + len) {
            running += d;
            if k >= from {
                out.push(Bar {
                    certain: self.certain[k],
                    possible: running as u32,
                });
            }
        }
        out
    }
}

/// What a bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Year,
    Month,
}

/// The bars shown: `len` years or months from `first` (a year, or a
/// month integer, `year * 12 + month - 1`).
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

/// The counts of the records of `set`, in one pass over its records: each
/// counted by month and by year over the dataset's years, the axis chosen
/// from the set's known months after, and its bars read off one grain. An
/// open end reaches the first or the last of the dataset's bars, so past
/// either end of any axis.
pub fn histogram(months: &Months, set: &Bitset) -> Histogram {
    let unknown = intersect_count(set, &months.undated);
    let known = |y: &usize| intersect_count(set, &months.by_year[*y][KNOWN]) > 0;
    let (Some(lo), Some(hi)) = (
        (0..months.years).find(known),
        (0..months.years).rev().find(known),
    ) else {
        return Histogram {
            axis: None,
            bars: Vec::new(),
            unknown,
        };
    };
    let year = months.year;
    let axis = Axis::over((year + lo as i32) * 12, (year + hi as i32) * 12);
    let bars = match axis.scale {
        // By year: two intersections a year, in words.
        Scale::Year => months.by_year[lo..=hi]
            .iter()
            .map(|sets| Bar {
                certain: intersect_count(set, &sets[CERTAIN]),
                possible: intersect_count(set, &sets[POSSIBLE]),
            })
            .collect(),
        // By month (three years at most): a pass over the set's records.
        Scale::Month => {
            let mut by_month = Grain::new(months.years * 12);
            for (w, &word) in set.words().iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let i = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    match months.spans.get(i) {
                        Some(s) if s.first <= s.last => {
                            by_month.add(usize::from(s.first), usize::from(s.last), s.closed)
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
            }
            by_month.bars(lo * 12, axis.len)
        }
    };
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
