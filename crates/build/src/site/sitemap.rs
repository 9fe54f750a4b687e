//! `sitemap.xml` and `robots.txt`: the pages a search engine may list. A
//! sitemap holds absolute addresses only (the protocol says so), so it is
//! written when the site's public address is set; `robots.txt` always is,
//! and points to the sitemap when there is one.

use crate::site::page::text;

/// The sitemap of `paths` (from a language's root: `""` for the front
/// page, `glossaire/`, `fiches/<id>/`, `themes/<id>/`…), each in French
/// (at the root) and in English (`en/`).
pub fn sitemap<'a>(public: &str, paths: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for root in ["", passerelles_core::state::page::ENGLISH_ROOT] {
        for path in paths.clone() {
            out.push_str("  <url><loc>");
            out.push_str(&text(&format!("{public}{root}{path}")));
            out.push_str("</loc></url>\n");
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
        let xml = sitemap(
            "https://x.fr/p/",
            ["", "glossaire/", "fiches/a-1/", "themes/insertion/"],
        );
        for loc in [
            "https://x.fr/p/",
            "https://x.fr/p/glossaire/",
            "https://x.fr/p/fiches/a-1/",
            "https://x.fr/p/themes/insertion/",
            "https://x.fr/p/en/",
            "https://x.fr/p/en/glossaire/",
            "https://x.fr/p/en/themes/insertion/",
        ] {
            assert!(xml.contains(&format!("<loc>{loc}</loc>")), "{loc}");
        }
        assert_eq!(xml.matches("<url>").count(), 8);
        assert!(sitemap("https://x.fr/p/", ["a&b/"]).contains("<loc>https://x.fr/p/a&amp;b/</loc>"));
        assert!(robots(Some("https://x.fr/p/")).ends_with("Sitemap: https://x.fr/p/sitemap.xml\n"));
        assert!(!robots(None).contains("Sitemap"));
    }
}
