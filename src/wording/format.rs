//! How French writes numbers, counts and dates: "150 000", "7,5",
//! "11 fiches", "21 novembre 2019". Pure, so every wording is tested
//! natively and the shell only lays it out.

use crate::data::catalog::RecordType;
use crate::data::date::PartialDate;
use crate::wording::fr as s;

/// French grouping with a narrow no-break space: 150 000, 3 000 000, 7,5.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push(',');
        out.push_str(f.trim_end_matches('0'));
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

pub fn records_count(n: usize) -> String {
    match n {
        0 => s::NO_RECORD.to_string(),
        1 => "1 fiche".to_string(),
        n => format!("{} fiches", number(n as f64)),
    }
}

pub fn type_label(t: RecordType) -> &'static str {
    match t {
        RecordType::Agreement => s::TYPE_AGREEMENT,
        RecordType::Event => s::TYPE_EVENT,
    }
}

/// French month names, lower case as they are written mid-sentence.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The date as a French reader expects it, no more precise than it is known:
/// "21 novembre 2019", "novembre 2015", "2007".
pub fn date(date: &PartialDate) -> String {
    match (date.month, date.day) {
        (None, _) => date.year.to_string(),
        (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], date.year),
        (Some(m), Some(1)) => format!("1er {} {}", MONTHS[m as usize - 1], date.year),
        (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], date.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_by_thousands() {
        assert_eq!(number(150000.0), "150\u{202f}000");
        assert_eq!(number(3_000_000.0), "3\u{202f}000\u{202f}000");
        assert_eq!(number(117.0), "117");
        assert_eq!(number(7.5), "7,5");
        assert_eq!(number(-1234.25), "-1\u{202f}234,25");
        assert_eq!(number(f64::NAN), "");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(records_count(0), "Aucune fiche");
        assert_eq!(records_count(1), "1 fiche");
        assert_eq!(records_count(11), "11 fiches");
        assert_eq!(records_count(100000), "100\u{202f}000 fiches");
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
