//! How a record's facts are phrased on its card and in its detail: its
//! date as precise as known, its place, its territory, who is behind it.
//! Done once, when the pack is made, so the page carries none of it.

use crate::data::catalog::{Catalog, RecordRef};
use crate::data::date::When;
use crate::data::model::{DateInfo, Place, Status};
use crate::wording::{lang, say as s, Lang};

/// "21 novembre 2019", "au plus tard le 10 juillet 2015" (a date the text
/// only bounds: [`crate::wording::format::when`]), or "Date inconnue
/// (« dernièrement »)".
pub fn date_label(info: &DateInfo) -> String {
    match info.value.as_deref().map(When::parse) {
        Some(Ok(w)) => crate::wording::format::when(&w),
        _ => match &info.text {
            Some(words) => format!(
                "{} ({}{}{})",
                s::DATE_UNKNOWN(),
                s::QUOTE_OPEN(),
                words.trim_end_matches('…'),
                s::QUOTE_CLOSE()
            ),
            None => s::DATE_UNKNOWN().to_string(),
        },
    }
}

/// Where an agreement stands, when its text does not show it made:
/// "annoncé" / "announced"; empty when it does.
/// A record's date as its card and detail word it: for an agreement its text
/// only announces, the date it plans, said as planned ("prévu entre le 12
/// novembre et le 31 décembre 2007"); otherwise [`date_label`].
pub fn record_date_label(info: &DateInfo, status: Option<Status>) -> String {
    let date = date_label(info);
    match status {
        Some(Status::Announced) if info.value.is_some() => s::planned(&date),
        _ => date,
    }
}

pub fn status_label(status: Option<Status>) -> &'static str {
    match status {
        None => "",
        Some(Status::Announced) => s::STATUS_ANNOUNCED(),
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
pub fn actors(record: RecordRef<'_>) -> Vec<&str> {
    match record {
        RecordRef::Agreement(a) => a
            .parties
            .iter()
            .map(|p| p.acronym.as_deref().unwrap_or(&p.name))
            .collect(),
        RecordRef::Event(e) => e.organiser.iter().map(String::as_str).collect(),
    }
}

/// "de 09 h à 13 h" / "à 14 h 30"; "09:00 to 13:00" / "at 14:30".
pub fn time_label(start: &str, end: Option<&str>) -> String {
    match lang() {
        Lang::Fr => {
            let h = |t: &str| t.replacen(':', " h ", 1).replace(" h 00", " h");
            match end {
                Some(end) => format!("de {} à {}", h(start), h(end)),
                None => format!("à {}", h(start)),
            }
        }
        Lang::En => match end {
            Some(end) => format!("{start} to {end}"),
            None => format!("at {start}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_say_what_is_known() {
        let info = |v: Option<&str>, t: Option<&str>| DateInfo {
            value: v.map(str::to_string),
            text: t.map(str::to_string),
            ..DateInfo::default()
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
        // Bounded: the bounds, whatever the text's words.
        let published = info(Some("../2015-07-10"), Some("Publié le 10 juillet 2015"));
        assert_eq!(date_label(&published), "au plus tard le 10 juillet 2015");
        assert_eq!(
            date_label(&info(Some("2007-11-12/2007-12-31"), None)),
            "entre le 12 novembre et le 31 décembre 2007"
        );
        assert_eq!(
            date_label(&info(Some("2007-11-12/.."), None)),
            "au plus tôt le 12 novembre 2007"
        );
        assert_eq!(
            date_label(&info(Some("../.."), Some("jamais"))),
            "Date inconnue (« jamais »)"
        );
        crate::wording::set_lang(Lang::En);
        let english = (
            date_label(&published),
            date_label(&info(Some("2007-11-12/2007-12-31"), None)),
            date_label(&info(Some("2007-11-12/.."), None)),
            status_label(Some(Status::Announced)),
        );
        crate::wording::set_lang(Lang::Fr);
        assert_eq!(
            english,
            (
                "by 10 July 2015 at the latest".to_string(),
                "between 12 November and 31 December 2007".to_string(),
                "on or after 12 November 2007".to_string(),
                "announced"
            )
        );
        assert_eq!(status_label(Some(Status::Announced)), "annoncé");
        assert_eq!(status_label(None), "");
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
