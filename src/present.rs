//! How record facts read in French: numbers, dates, places, counts. Pure, so
//! the wording is tested natively and the shell only lays it out.

use crate::catalog::{Catalog, RecordRef, RecordType};
use crate::date::{self, PartialDate};
use crate::model::{DateInfo, Place};
use crate::strings as s;

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

/// "21 novembre 2019", or "Date inconnue (« dernièrement »)".
pub fn date_label(info: &DateInfo) -> String {
    match info.value.as_deref().map(PartialDate::parse) {
        Some(Ok(d)) => date::french(&d),
        _ => match &info.text {
            Some(words) => format!("{} (« {} »)", s::DATE_UNKNOWN, words.trim_end_matches('…')),
            None => s::DATE_UNKNOWN.to_string(),
        },
    }
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

/// Capitalises the first letter, for kinds shown as badges ("Convention de partenariat").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "399, route de la Noue, Limay" — the most precise place the text gives.
pub fn place_label(place: &Place, catalog: &Catalog) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in [&place.name, &place.address, &place.commune]
        .into_iter()
        .flatten()
    {
        parts.push(p);
    }
    if parts.is_empty() {
        if let Some(name) = place.region.as_deref().and_then(|c| catalog.region_name(c)) {
            parts.push(name);
        }
    }
    parts.join(", ")
}

/// Region names of a territory, national scope included by its name.
pub fn territory_label(codes: &[String], catalog: &Catalog) -> String {
    codes
        .iter()
        .map(|c| {
            catalog
                .region_name(c)
                .map_or_else(|| c.clone(), str::to_string)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who is behind a record: the parties of an agreement (by acronym when they
/// have one), the organiser of an event. Kept apart, not joined, so each name
/// is laid out on its own (a right-to-left name cannot reorder its neighbours).
pub fn actors(record: RecordRef<'_>) -> (Option<&'static str>, Vec<&str>) {
    match record {
        RecordRef::Agreement(a) => (
            None,
            a.parties
                .iter()
                .map(|p| p.acronym.as_deref().unwrap_or(&p.name))
                .collect(),
        ),
        RecordRef::Event(e) => (
            Some(s::ORGANISED_BY),
            e.organiser.iter().map(String::as_str).collect(),
        ),
    }
}

/// "de 09:00 à 13:00" / "à 14:00".
pub fn time_label(start: &str, end: Option<&str>) -> String {
    let h = |t: &str| t.replacen(':', " h ", 1).replace(" h 00", " h");
    match end {
        Some(end) => format!("de {} à {}", h(start), h(end)),
        None => format!("à {}", h(start)),
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
    fn dates_say_what_is_known() {
        let info = |v: Option<&str>, t: Option<&str>| DateInfo {
            value: v.map(str::to_string),
            text: t.map(str::to_string),
            note: None,
        };
        assert_eq!(
            date_label(&info(Some("2019-11-21"), None)),
            "21 novembre 2019"
        );
        assert_eq!(
            date_label(&info(None, Some("dernièrement"))),
            "Date inconnue (« dernièrement »)"
        );
        assert_eq!(date_label(&info(None, None)), "Date inconnue");
        assert_eq!(date_label(&info(Some("2019-02-30"), None)), "Date inconnue");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(records_count(0), "Aucune fiche");
        assert_eq!(records_count(1), "1 fiche");
        assert_eq!(records_count(11), "11 fiches");
        assert_eq!(records_count(100000), "100\u{202f}000 fiches");
    }

    #[test]
    fn times_read_as_french_hours() {
        assert_eq!(time_label("09:00", Some("13:00")), "de 09 h à 13 h");
        assert_eq!(time_label("14:30", None), "à 14 h 30");
    }

    #[test]
    fn capitalises_unicode() {
        assert_eq!(capitalised("événement"), "Événement");
        assert_eq!(capitalised(""), "");
    }
}
