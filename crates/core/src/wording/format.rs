//! How each language writes numbers, counts and dates: "150 000", "7,5",
//! "11 fiches", "21 novembre 2019" in French; "150,000", "7.5", "11
//! records", "21 November 2019" in English. Pure, so every wording is
//! tested natively and the shell only lays it out. Each function writes in
//! the page's language ([`super::lang`]); the `_as` ones in the one given.

use super::{lang, number, say, Lang};
use crate::data::catalog::RecordType;
use crate::data::date::{Bound, PartialDate, Precision, When};

/// A figure in the page's language ([`number::number_as`]).
pub fn number(value: f64) -> String {
    number::number_as(lang(), value)
}

pub fn records_count(n: usize) -> String {
    records_count_as(lang(), n)
}

/// "11 fiches", "1 record", "Aucune fiche" in `lang`.
pub fn records_count_as(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => super::fr::records_count(n),
        Lang::En => super::en::records_count(n),
    }
}

pub fn type_label(t: RecordType) -> &'static str {
    match t {
        RecordType::Agreement => say::TYPE_AGREEMENT(),
        RecordType::Event => say::TYPE_EVENT(),
    }
}

/// The date as a reader of the page's language expects it, no more precise
/// than it is known: "21 novembre 2019", "novembre 2015", "2007"; "21
/// November 2019", "November 2015".
pub fn date(date: &PartialDate) -> String {
    date_as(lang(), date)
}

pub fn date_as(lang: Lang, date: &PartialDate) -> String {
    written(lang, date, Some(date.year))
}

/// "1er" in French, "1" in English: a day of the month.
fn day_of_month(lang: Lang, day: u8) -> String {
    match (lang, day) {
        (Lang::Fr, 1) => "1er".to_string(),
        _ => day.to_string(),
    }
}

/// A date, its year written only when `year` is given ("12 novembre" of
/// "entre le 12 novembre et le 31 décembre 2007").
fn written(lang: Lang, date: &PartialDate, year: Option<i32>) -> String {
    let months = match lang {
        Lang::Fr => &number::MONTHS,
        Lang::En => &number::MONTHS_EN,
    };
    let mut out = match (date.month, date.day) {
        (None, _) => return date.year.to_string(),
        (Some(m), None) => months[m as usize - 1].to_string(),
        (Some(m), Some(d)) => format!("{} {}", day_of_month(lang, d), months[m as usize - 1]),
    };
    if let Some(y) = year {
        out.push(' ');
        out.push_str(&y.to_string());
    }
    out
}

/// A record's date as the text gives it: the date ([`date`]), or the
/// bounds the text sets it within: "au plus tard le 10 juillet 2015", "au
/// plus tôt en 2007", "entre le 12 novembre et le 31 décembre 2007"; "by
/// 10 July 2015 at the latest", "on or after 12 November 2007", "between
/// 12 November and 31 December 2007".
pub fn when(when: &When) -> String {
    when_as(lang(), when)
}

/// A bound worded in a language: the date, whether it is a day's.
type OneBound = fn(&str, bool) -> String;
/// Both bounds worded: the start, a day's?, the end, a day's?
type TwoBounds = fn(&str, bool, &str, bool) -> String;

pub fn when_as(lang: Lang, when: &When) -> String {
    let (at_latest, at_earliest, between): (OneBound, OneBound, TwoBounds) = match lang {
        Lang::Fr => (
            super::fr::date_at_latest,
            super::fr::date_at_earliest,
            super::fr::date_between,
        ),
        Lang::En => (
            super::en::date_at_latest,
            super::en::date_at_earliest,
            super::en::date_between,
        ),
    };
    let on_a_day = |d: &PartialDate| d.precision() == Precision::Day;
    match *when {
        When::On(d) => date_as(lang, &d),
        When::Between(Bound::Open, Bound::On(d)) => at_latest(&date_as(lang, &d), on_a_day(&d)),
        When::Between(Bound::On(d), Bound::Open) => at_earliest(&date_as(lang, &d), on_a_day(&d)),
        When::Between(Bound::On(a), Bound::On(b)) if a == b => date_as(lang, &a),
        When::Between(Bound::On(a), Bound::On(b)) => {
            // What the end says already is not said twice: the year, and
            // the month between two days of it.
            let same_year = a.year == b.year && a.month.is_some() && b.month.is_some();
            let same_month = same_year && a.month == b.month && on_a_day(&a) && on_a_day(&b);
            let start = match a.day {
                Some(d) if same_month => day_of_month(lang, d),
                _ => written(lang, &a, (!same_year).then_some(a.year)),
            };
            between(&start, on_a_day(&a), &date_as(lang, &b), on_a_day(&b))
        }
        When::Between(Bound::Open, Bound::Open) => match lang {
            Lang::Fr => super::fr::DATE_UNKNOWN,
            Lang::En => super::en::DATE_UNKNOWN,
        }
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::number::{count_as, number_as};

    #[test]
    fn numbers_group_by_thousands() {
        assert_eq!(number(150000.0), "150\u{202f}000");
        assert_eq!(number(3_000_000.0), "3\u{202f}000\u{202f}000");
        assert_eq!(number(117.0), "117");
        assert_eq!(number(7.5), "7,5");
        assert_eq!(number(-1234.25), "-1\u{202f}234,25");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(f64::INFINITY), "");
    }

    #[test]
    fn numbers_show_as_written() {
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(-0.001), "-0,001");
        assert_eq!(number(7.125), "7,125");
        assert_eq!(number(-1.5e300), "-1,5e300");
        assert_eq!(
            number(1e12),
            "1\u{202f}000\u{202f}000\u{202f}000\u{202f}000"
        );
        // 2^53 + 2 and 2^63: exact, not saturated.
        assert_eq!(
            number(9_007_199_254_740_994.0),
            "9\u{202f}007\u{202f}199\u{202f}254\u{202f}740\u{202f}994"
        );
        assert_eq!(
            number(9_223_372_036_854_775_808.0),
            "9\u{202f}223\u{202f}372\u{202f}036\u{202f}854\u{202f}775\u{202f}808"
        );
        assert_eq!(number(1e20), "1e20");
        assert_eq!(number(-5.0), "-5");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(records_count(0), "Aucune fiche");
        assert_eq!(records_count(1), "1 fiche");
        assert_eq!(records_count(11), "11 fiches");
        assert_eq!(records_count(100000), "100\u{202f}000 fiches");
    }

    #[test]
    fn english_writes_its_own_way() {
        assert_eq!(number_as(Lang::En, 1750.0), "1,750");
        for n in [0, 7, 999, 1000, 1750, 100_000, 1_234_567] {
            for lang in Lang::ALL {
                assert_eq!(count_as(lang, n), number_as(lang, n as f64), "{n}");
            }
        }
        assert_eq!(number_as(Lang::En, -1234.25), "-1,234.25");
        assert_eq!(number_as(Lang::Fr, 1750.0), "1\u{202f}750");
        assert_eq!(records_count_as(Lang::En, 1), "1 record");
        assert_eq!(records_count_as(Lang::En, 100000), "100,000 records");
        assert_eq!(records_count_as(Lang::En, 0), "No record");
        let d = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(date_as(Lang::En, &d("2019-11-21")), "21 November 2019");
        assert_eq!(date_as(Lang::En, &d("2007-08-01")), "1 August 2007");
        assert_eq!(date_as(Lang::En, &d("2015-11")), "November 2015");
        assert_eq!(date_as(Lang::Fr, &d("2019-11-21")), "21 novembre 2019");
    }

    #[test]
    fn bounded_dates_say_their_bounds_in_both_languages() {
        let w = |s: &str| When::parse(s).unwrap();
        for (value, fr, en) in [
            (
                "../2015-07-10",
                "au plus tard le 10 juillet 2015",
                "by 10 July 2015 at the latest",
            ),
            (
                "../2015-07-01",
                "au plus tard le 1er juillet 2015",
                "by 1 July 2015 at the latest",
            ),
            (
                "../2015-11",
                "au plus tard en novembre 2015",
                "in November 2015 at the latest",
            ),
            ("../2015", "au plus tard en 2015", "in 2015 at the latest"),
            (
                "2007-11-12/..",
                "au plus tôt le 12 novembre 2007",
                "on or after 12 November 2007",
            ),
            (
                "2007-11/..",
                "au plus tôt en novembre 2007",
                "in or after November 2007",
            ),
            ("2007/..", "au plus tôt en 2007", "in or after 2007"),
            (
                "2007-11-12/2007-12-31",
                "entre le 12 novembre et le 31 décembre 2007",
                "between 12 November and 31 December 2007",
            ),
            (
                "2015-11-01/2015-11-30",
                "entre le 1er et le 30 novembre 2015",
                "between 1 and 30 November 2015",
            ),
            (
                "2015-11/2015-12",
                "entre novembre et décembre 2015",
                "between November and December 2015",
            ),
            (
                "2007-11-12/2008-03",
                "entre le 12 novembre 2007 et mars 2008",
                "between 12 November 2007 and March 2008",
            ),
            (
                "2015-11/2015-11-30",
                "entre novembre et le 30 novembre 2015",
                "between November and 30 November 2015",
            ),
            ("2007/2009", "entre 2007 et 2009", "between 2007 and 2009"),
            (
                "2007/2007-12",
                "entre 2007 et décembre 2007",
                "between 2007 and December 2007",
            ),
            (
                "2015-12-31/2015-12-31",
                "31 décembre 2015",
                "31 December 2015",
            ),
            ("2019-11-21", "21 novembre 2019", "21 November 2019"),
        ] {
            assert_eq!(when_as(Lang::Fr, &w(value)), fr, "{value}");
            assert_eq!(when_as(Lang::En, &w(value)), en, "{value}");
        }
        assert_eq!(when(&w("../2015-07-10")), "au plus tard le 10 juillet 2015");
    }

    #[test]
    fn dates_follow_precision() {
        assert_eq!(
            date(&PartialDate::parse("2019-11-21").unwrap()),
            "21 novembre 2019"
        );
        assert_eq!(
            date(&PartialDate::parse("2015-11").unwrap()),
            "novembre 2015"
        );
        assert_eq!(date(&PartialDate::parse("2007").unwrap()), "2007");
        assert_eq!(
            date(&PartialDate::parse("2007-08-01").unwrap()),
            "1er août 2007"
        );
    }
}
