//! The records as an Atom feed (RFC 4287), newest first, for a feed reader:
//! written at build time into `feeds/`, never by the page.
//!
//! Atom wants an absolute IRI as every `id` and an `updated` instant for
//! the feed and each entry. With the site's public address, an entry's id
//! and link are its record page; without it, links are relative to the feed
//! (`../fiches/<id>/`, no `xml:base`) and ids are `urn:uuid:`s made from the
//! record id alone, so they never change from one build to the next.
//! Nothing records when an editor last changed a record, and a build must be
//! reproducible, so `updated` is the first day of the record's own date
//! (what a reader shows as the entry's date, and what orders it); an
//! undated record takes the oldest date of the feed, and stays last as in
//! the page's list.

use crate::data::catalog::{Catalog, RecordRef};
use crate::data::date::civil;
use crate::export::record_page;
use crate::wire::digest;
use crate::wording::phrase;
use crate::wording::say as s;

/// Appends `text` escaped for XML content and attribute values, without
/// the characters XML 1.0 forbids (controls other than tab and line breaks,
/// U+FFFE, U+FFFF), which would make the whole feed unreadable.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// A name-based UUID (version 8, RFC 9562: its bits are ours to define)
/// from two digests of `name`: the same name, the same id, in every build.
pub fn urn_uuid(name: &str) -> String {
    let hi = digest(format!("passerelles:{name}").as_bytes());
    let lo = digest(format!("{name}:passerelles").as_bytes());
    let hi = (hi & !0xF000) | 0x8000; // version 8
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 9562 variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0xFFFF,
        lo >> 48,
        lo & 0xFFFF_FFFF_FFFF
    )
}

/// `YYYY-MM-DDT00:00:00Z` on a day number: a record's first possible day,
/// or the end of an interval open at its start ([`When::sort_day`]).
///
/// [`When::sort_day`]: crate::data::date::When::sort_day
fn instant(day: i32) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}

/// `<name>text</name>` on a line of its own, as a child of an entry.
fn element(out: &mut String, name: &str, text: &str) {
    element_at(out, "    ", name, text);
}

fn element_at(out: &mut String, indent: &str, name: &str, text: &str) {
    out.push_str(indent);
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// The feed of the records at positions `order` (newest first), named
/// `title`, published at `feed` (a path from the site root, e.g.
/// `feeds/fiches.atom`).
pub fn feed(
    catalog: &Catalog,
    order: &[u32],
    base: Option<&str>,
    feed: &str,
    title: &str,
) -> String {
    let dates = || {
        order
            .iter()
            .filter_map(|&i| catalog.entries[i as usize].date.map(|d| d.sort_day()))
    };
    let newest = dates().max().map(instant);
    let oldest = dates().min().map(instant);
    let never = "1970-01-01T00:00:00Z".to_string();
    // From the feed's folder back to the site root.
    let up = "../".repeat(feed.matches('/').count());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    element_at(&mut out, "  ", "title", title);
    element_at(&mut out, "  ", "subtitle", s::TAGLINE());
    let (id, self_href, site) = match base {
        Some(b) => (format!("{b}{feed}"), format!("{b}{feed}"), b.to_string()),
        None => (
            urn_uuid(feed),
            feed.rsplit('/').next().unwrap_or(feed).to_string(),
            if up.is_empty() {
                "./".into()
            } else {
                up.clone()
            },
        ),
    };
    out.push_str("  <id>");
    escape(&mut out, &id);
    out.push_str("</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"");
    escape(&mut out, &self_href);
    out.push_str("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"");
    escape(&mut out, &site);
    out.push_str("\"/>\n  <updated>");
    out.push_str(newest.as_ref().unwrap_or(&never));
    out.push_str("</updated>\n  <author><name>");
    escape(&mut out, s::APP_NAME());
    out.push_str("</name></author>\n  <generator>");
    escape(&mut out, s::APP_NAME());
    out.push_str("</generator>\n");

    for &i in order {
        let i = i as usize;
        let entry = &catalog.entries[i];
        let record = catalog.record(i);
        out.push_str("  <entry>\n");
        element(&mut out, "title", &entry.title);
        let page = record_page(base, &entry.id);
        let (id, href) = match base {
            Some(_) => (page.clone(), page),
            None => (urn_uuid(&entry.id), format!("{up}{page}")),
        };
        element(&mut out, "id", &id);
        out.push_str("    <link rel=\"alternate\" type=\"text/html\" href=\"");
        escape(&mut out, &href);
        out.push_str("\"/>\n");
        let updated = entry
            .date
            .map(|d| instant(d.sort_day()))
            .or_else(|| oldest.clone())
            .unwrap_or_else(|| never.clone());
        element(&mut out, "updated", &updated);
        for t in &entry.themes {
            out.push_str("    <category term=\"");
            escape(&mut out, t);
            out.push_str("\" label=\"");
            escape(&mut out, catalog.theme_label(t).unwrap_or(t));
            out.push_str("\"/>\n");
        }
        element(&mut out, "summary", &summary(catalog, i, record));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// What a reader shows under the title: as the card says it.
fn summary(catalog: &Catalog, i: usize, record: RecordRef<'_>) -> String {
    let entry = &catalog.entries[i];
    let (kind, date, place) = match record {
        RecordRef::Agreement(a) => (&a.kind, &a.date, a.place.as_ref()),
        RecordRef::Event(e) => (&e.kind, &e.date, e.place.as_ref()),
    };
    let mut parts = vec![phrase::capitalised(kind), phrase::date_label(date)];
    parts.push(match place {
        Some(p) => phrase::place_label(p, catalog),
        None => phrase::territory_label(&entry.territory, catalog),
    });
    let actors = phrase::actors(record);
    if !actors.is_empty() {
        parts.push(actors.join(", "));
    }
    let description = match record {
        RecordRef::Agreement(a) => a.description.as_deref(),
        RecordRef::Event(e) => e.description.as_deref(),
    };
    let mut text = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    if let Some(d) = description {
        text.push_str(". ");
        text.push_str(d);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape(&mut out, text);
        out
    }

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escaped("<a href=\"x\">l'ESS & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;l&apos;ESS &amp; co&lt;/a&gt;"
        );
        assert_eq!(escaped("nul\u{0}\u{1b}[0m\u{FFFF}\n"), "nul[0m\n");
    }

    #[test]
    fn ids_are_stable_absolute_uuids() {
        let a = urn_uuid("ag-2019-cpme-reunion-ursiae");
        assert_eq!(a, urn_uuid("ag-2019-cpme-reunion-ursiae"));
        assert_ne!(a, urn_uuid("ag-2019-cpme-reunion-ursiaf"));
        let hex = a.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<usize> = hex.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&hex[14..15], "8", "version 8: {a}");
        assert!("89ab".contains(&hex[19..20]), "variant: {a}");
    }

    #[test]
    fn the_feed_lists_every_record_in_the_order_given() {
        let catalog = load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog;
        let order: Vec<u32> = vec![3, 1, 0];
        let relative = feed(&catalog, &order, None, "feeds/fiches.atom", "T & co");
        assert!(relative.contains("  <title>T &amp; co</title>\n"));
        assert_eq!(relative.matches("<entry>").count(), 3);
        let at = |id: &str| relative.find(id).unwrap();
        assert!(at(&catalog.entries[3].id) < at(&catalog.entries[1].id));
        assert!(relative.contains(&format!("href=\"../fiches/{}/\"", catalog.entries[1].id)));
        assert!(relative.contains(&format!("<id>{}</id>", urn_uuid(&catalog.entries[1].id))));
        assert!(relative
            .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"fiches.atom\"/>"));
        assert!(!relative.contains("xml:base"));
        // The undated record takes the oldest date of the feed.
        assert_eq!(
            relative
                .matches("<updated>2007-11-08T00:00:00Z</updated>")
                .count(),
            2
        );
        assert!(relative.contains("  <updated>2019-11-21T00:00:00Z</updated>\n  <author>"));
        let absolute = feed(
            &catalog,
            &order,
            Some("https://e.org/p/"),
            "feeds/fiches.atom",
            "T",
        );
        assert!(absolute.contains("<id>https://e.org/p/fiches/ag-2019-cpme-reunion-ursiae/</id>"));
        assert!(absolute.contains("<id>https://e.org/p/feeds/fiches.atom</id>"));
        assert!(absolute.contains("href=\"https://e.org/p/\""));
    }
}
