//! A page's head: what a browser tab, a search engine and a link preview
//! (mail, social networks) read of the page before any script runs: its
//! title, a one-sentence description, its canonical address, Open Graph
//! tags with its preview picture ([`super::preview`]) and, for an event,
//! schema.org `Event` data. Only what the record holds: an agreement has no
//! honest schema.org type, so it gets no JSON-LD, and an event's date is as
//! precise as its text. A page of one theme, region or type says what it
//! holds and how many records ([`facet`]).
//!
//! Addresses a search engine or a preview must resolve on their own (the
//! canonical link, `og:url`, `hreflang`) are written only when the site's
//! public address is known: relative, they would be refused.

use crate::site::page::attr;
use passerelles_core::data::catalog::{Catalog, RecordRef};
use passerelles_core::data::date::PartialDate;
use passerelles_core::data::model::{Event, Place};
use passerelles_core::data::zone::{iso_offset, Zone};
use passerelles_core::export::record_page;
use passerelles_core::pack::card::Card;
use passerelles_core::wording::say as s;

/// Descriptions are cut here: what previews and result pages show.
const DESCRIPTION_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// The page's absolute address, when the site's is known.
    pub url: Option<String>,
    /// schema.org data, ready to sit in a `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
    /// The preview picture's address (absolute with the public address,
    /// else from the site's root, as every address of the page) and what
    /// it shows, in words.
    pub image: Option<(String, String)>,
}

/// The head of record `i`'s page.
pub fn record(catalog: &Catalog, i: usize, card: &Card, public: Option<&str>) -> Head {
    let url = public.map(|p| record_page(Some(p), card.id));
    let mut description = card.kind.to_string();
    for part in [card.date, card.place] {
        if !part.is_empty() {
            description.push_str(", ");
            description.push_str(part);
        }
    }
    description.push('.');
    let (summary, event) = match catalog.record(i) {
        RecordRef::Agreement(a) => (a.description.as_ref().or(a.objectives.first()), None),
        RecordRef::Event(e) => (e.description.as_ref().or(e.objectives.first()), Some(e)),
    };
    if let Some(summary) = summary {
        description.push(' ');
        description.push_str(summary);
    }
    let description = shortened(&description, DESCRIPTION_CHARS);
    let json_ld = event.map(|e| event_json_ld(e, catalog, &description, url.as_deref()));
    Head {
        title: format!("{} — {}", card.title, s::APP_NAME()),
        description,
        url,
        json_ld,
        image: None,
    }
}

/// The head of a page of one theme, region or type (`what`, as the
/// vocabulary names it), holding `agreements` and `events` records, at
/// `url` when the site's address is known.
pub fn facet(what: &str, agreements: usize, events: usize, url: Option<String>) -> Head {
    Head {
        title: format!("{} — {}", s::facet_page_title(what), s::APP_NAME()),
        description: shortened(
            &s::facet_page_description(what, agreements, events),
            DESCRIPTION_CHARS,
        ),
        url,
        json_ld: None,
        image: None,
    }
}

/// At most `max` characters, cut at a word and marked, never mid-character.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > cut.len() / 2 => &cut[..at],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The tags of a head, after the title and the description the template's
/// own tags carry.
pub fn tags(head: &Head) -> String {
    let mut out = String::new();
    let mut meta = |property: &str, content: &str| {
        out.push_str(&format!(
            "<meta property=\"{property}\" content=\"{}\">",
            attr(content)
        ));
    };
    meta("og:type", "article");
    meta("og:site_name", s::APP_NAME());
    meta("og:locale", s::OG_LOCALE());
    meta("og:title", &head.title);
    meta("og:description", &head.description);
    if let Some((image, alt)) = &head.image {
        meta("og:image", image);
        meta("og:image:type", "image/png");
        meta("og:image:width", &super::preview::WIDTH.to_string());
        meta("og:image:height", &super::preview::HEIGHT.to_string());
        meta("og:image:alt", alt);
    }
    if let Some(url) = &head.url {
        meta("og:url", url);
        out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", attr(url)));
    }
    if head.image.is_some() {
        out.push_str("<meta name=\"twitter:card\" content=\"summary_large_image\">");
    }
    if let Some(json) = &head.json_ld {
        out.push_str("<script type=\"application/ld+json\">");
        out.push_str(json);
        out.push_str("</script>");
    }
    out
}

/// The same page in each language, for search engines and readers:
/// `hreflang` links to `path` (from the site's root: `""`, `fiches/x/`) at
/// the root and under `en/`, French as the default. Only with the site's
/// address: search engines refuse relative `hreflang` links (Lighthouse's
/// SEO audit fails them), so without it there are none.
pub fn alternates(public: Option<&str>, path: &str) -> String {
    let Some(public) = public else {
        return String::new();
    };
    let at = |root: &str| format!("{public}{root}{path}");
    let mut out = String::new();
    for (lang, root) in [
        ("fr", ""),
        ("en", passerelles_core::state::page::ENGLISH_ROOT),
        ("x-default", ""),
    ] {
        out.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\">",
            attr(&at(root))
        ));
    }
    out
}

/// The `og:` tags and canonical address of the site's own front page.
pub fn front(public: Option<&str>, description: &str, image: Option<(String, String)>) -> String {
    tags(&Head {
        title: s::APP_NAME().to_string(),
        description: description.to_string(),
        url: public.map(str::to_string),
        json_ld: None,
        image,
    })
    .replacen("content=\"article\"", "content=\"website\"", 1)
}

/// An event as schema.org describes one: its name, when (as precise as the
/// text, with the offset of its place's time zone when the time is known),
/// where, who organises it.
fn event_json_ld(e: &Event, catalog: &Catalog, description: &str, url: Option<&str>) -> String {
    use serde_json::{json, Map, Value};
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert("@type".into(), json!("Event"));
    o.insert("name".into(), json!(e.title));
    o.insert("description".into(), json!(description));
    o.insert("inLanguage".into(), json!("fr"));
    if let Some(url) = url {
        o.insert("url".into(), json!(url));
    }
    let zone = Zone::of_event(e);
    if let Some(date) = e
        .date
        .value
        .as_deref()
        .and_then(|v| PartialDate::parse(v).ok())
    {
        let time = e.time.as_ref();
        o.insert(
            "startDate".into(),
            json!(when(&date, time.map(|t| t.start.as_str()), zone)),
        );
        if let Some(end) = time.and_then(|t| t.end.as_deref()) {
            o.insert("endDate".into(), json!(when(&date, Some(end), zone)));
        }
    }
    if let Some(place) = &e.place {
        o.insert("location".into(), location(place, catalog));
    }
    if let Some(organiser) = &e.organiser {
        o.insert(
            "organizer".into(),
            json!({ "@type": "Organization", "name": organiser }),
        );
    }
    // `<` never appears raw, so no text can close the script element.
    Value::Object(o).to_string().replace('<', "\\u003c")
}

/// `2019-11-21T09:30:00+04:00`, `2019-11-21`, `2015-11`: ISO 8601 no more
/// precise than known.
fn when(date: &PartialDate, time: Option<&str>, zone: Zone) -> String {
    let day = date.to_string();
    let (Some(time), Some(m), Some(d)) = (time, date.month, date.day) else {
        return day;
    };
    let minutes = time
        .split_once(':')
        .and_then(|(h, m)| Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?));
    match minutes {
        Some(minute) => format!(
            "{day}T{time}:00{}",
            iso_offset(zone.offset_minutes(date.year, m, d, minute))
        ),
        None => day,
    }
}

fn location(place: &Place, catalog: &Catalog) -> serde_json::Value {
    use serde_json::{json, Map};
    let mut address = Map::new();
    address.insert("@type".into(), json!("PostalAddress"));
    if let Some(street) = &place.address {
        address.insert("streetAddress".into(), json!(street));
    }
    if let Some(commune) = &place.commune {
        address.insert("addressLocality".into(), json!(commune));
    }
    if let Some(region) = place.region.as_deref().and_then(|c| catalog.region_name(c)) {
        address.insert("addressRegion".into(), json!(region));
    }
    address.insert("addressCountry".into(), json!("FR"));
    let name = place
        .name
        .as_ref()
        .or(place.commune.as_ref())
        .or(place.address.as_ref());
    let mut o = Map::new();
    o.insert("@type".into(), json!("Place"));
    if let Some(name) = name {
        o.insert("name".into(), json!(name));
    }
    o.insert("address".into(), serde_json::Value::Object(address));
    serde_json::Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelles_core::data::catalog::load_json;
    use passerelles_core::pack::{write, Pack, Placement};

    fn bundled() -> (passerelles_core::data::catalog::Loaded, Pack) {
        let loaded = load_json(include_str!("../../../../data/passerelles.json")).unwrap();
        let pack = Pack::open(write(&loaded, Placement::Inline).main).unwrap();
        (loaded, pack)
    }

    #[test]
    fn an_event_with_a_time_says_when_with_its_offset() {
        let (loaded, pack) = bundled();
        let c = &loaded.catalog;
        let i = c.position("ev-2015-11-30-conference-rse-ess").unwrap();
        let head = record(c, i, &pack.card(i), Some("https://passerelles.example/"));
        assert_eq!(
            head.url.as_deref(),
            Some("https://passerelles.example/fiches/ev-2015-11-30-conference-rse-ess/")
        );
        let json: serde_json::Value =
            serde_json::from_str(head.json_ld.as_deref().unwrap()).unwrap();
        assert_eq!(json["@type"], "Event");
        // 30 November 2015, 14 h, in Paris: winter time.
        assert_eq!(json["startDate"], "2015-11-30T14:00:00+01:00");
        assert!(head.title.ends_with(" — Passerelles"));
        assert!(head.description.chars().count() <= DESCRIPTION_CHARS);
    }

    #[test]
    fn an_agreement_has_no_json_ld_and_no_address_without_the_setting() {
        let (loaded, pack) = bundled();
        let c = &loaded.catalog;
        let i = c.position("ag-2019-cpme-reunion-ursiae").unwrap();
        let head = record(c, i, &pack.card(i), None);
        assert_eq!((head.url.as_deref(), head.json_ld.as_deref()), (None, None));
        assert!(
            head.description
                .starts_with("Convention de partenariat, 21 novembre 2019"),
            "{}",
            head.description
        );
        let tags = tags(&head);
        assert!(!tags.contains("canonical") && !tags.contains("og:url"));
        assert!(tags.contains("<meta property=\"og:title\""));
    }

    #[test]
    fn hreflang_links_are_absolute_or_absent() {
        assert_eq!(alternates(None, "themes/insertion/"), "");
        let links = alternates(Some("https://e.org/p/"), "themes/insertion/");
        assert!(links.contains(
            "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://e.org/p/themes/insertion/\">"
        ));
        assert!(links.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://e.org/p/en/themes/insertion/\">"
        ));
        assert!(links.contains("hreflang=\"x-default\" href=\"https://e.org/p/themes/insertion/\""));
    }

    #[test]
    fn a_facet_page_says_what_it_holds_and_its_picture() {
        let mut head = facet(
            "Insertion",
            3,
            5,
            Some("https://e.org/p/themes/insertion/".into()),
        );
        assert_eq!(
            head.title,
            "Insertion : conventions et événements — Passerelles"
        );
        assert!(
            head.description
                .starts_with("Passerelles : 8 fiches (3 accords, 5 événements)"),
            "{}",
            head.description
        );
        assert!(head.description.contains("« Insertion »"));
        assert!(facet("Mayotte", 0, 0, None)
            .description
            .contains("aucune fiche"));
        head.image = Some((
            "https://e.org/p/themes/insertion/preview.png".into(),
            "Insertion <x>".into(),
        ));
        let tags = tags(&head);
        for part in [
            "<meta property=\"og:image\" content=\"https://e.org/p/themes/insertion/preview.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:image:height\" content=\"630\">",
            "<meta property=\"og:image:alt\" content=\"Insertion &lt;x&gt;\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"canonical\" href=\"https://e.org/p/themes/insertion/\">",
        ] {
            assert!(tags.contains(part), "{part} in {tags}");
        }
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        let long = "mot ".repeat(100);
        let cut = shortened(&long, 50);
        assert!(cut.chars().count() <= 50 && cut.ends_with('…'), "{cut}");
        assert_eq!(shortened("court", 50), "court");
        assert_eq!(shortened(&"é".repeat(300), 10).chars().count(), 10);
    }

    #[test]
    fn nothing_in_the_data_can_close_the_script() {
        let mut loaded = load_json(include_str!("../../../../data/passerelles.json")).unwrap();
        loaded.catalog.events[0].title = "</script><script>alert(1)</script>".into();
        let pack = Pack::open(write(&loaded, Placement::Inline).main).unwrap();
        let i = loaded.catalog.agreements.len();
        let head = record(&loaded.catalog, i, &pack.card(i), None);
        let json = head.json_ld.unwrap();
        assert!(!json.contains("</"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
