//! `sitemap.xml` and `robots.txt`: the pages a search engine may list. A
//! sitemap holds absolute addresses only (the protocol says so), so it is
//! written when the site's public address is set; `robots.txt` always is,
//! and points to the sitemap when there is one.

use crate::site::page::text;
use passerelles_core::export::{record_page, GLOSSARY_PAGE};

/// The sitemap of the front page, the glossary's when there is one, and
/// every record page, in French (at the root) and in English (`en/`).
pub fn sitemap<'a>(
    public: &str,
    glossary: bool,
    ids: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |loc: &str| {
        out.push_str("  <url><loc>");
        out.push_str(&text(loc));
        out.push_str("</loc></url>\n");
    };
    for root in ["", passerelles_core::state::page::ENGLISH_ROOT] {
        let public = format!("{public}{root}");
        url(&public);
        if glossary {
            url(&format!("{public}{GLOSSARY_PAGE}"));
        }
        for id in ids.clone() {
            url(&record_page(Some(&public), id));
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Everything may be crawled; the sitemap, when there is one, says where.
pub fn robots(public: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(public) = public {
        out.push_str(&format!("Sitemap: {public}sitemap.xml\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_listed_absolutely() {
        let xml = sitemap("https://x.fr/p/", true, ["a-1", "b-2"]);
        assert!(xml.contains("<loc>https://x.fr/p/glossaire/</loc>"));
        assert!(xml.contains("<loc>https://x.fr/p/</loc>"));
        assert!(xml.contains("<loc>https://x.fr/p/fiches/a-1/</loc>"));
        assert!(xml.contains("<loc>https://x.fr/p/fiches/b-2/</loc>"));
        assert!(xml.contains("<loc>https://x.fr/p/en/fiches/b-2/</loc>"));
        assert!(xml.contains("<loc>https://x.fr/p/en/glossaire/</loc>"));
        assert_eq!(xml.matches("<url>").count(), 8);
        assert!(!sitemap("https://x.fr/p/", false, ["a-1"]).contains("glossaire"));
        assert!(robots(Some("https://x.fr/p/")).ends_with("Sitemap: https://x.fr/p/sitemap.xml\n"));
        assert!(!robots(None).contains("Sitemap"));
    }
}
