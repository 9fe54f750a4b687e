//! # What does the static site around the app hold?
//!
//! Everything written at build time besides the pack: the pages a visitor,
//! a search engine or a link preview reads before (or without) any
//! script. `dist/index.html` with the default view, one page per record
//! (`fiches/<id>/`) with its own title, description, canonical address,
//! Open Graph tags and, for an event, schema.org JSON-LD ([`head`]),
//! `sitemap.xml` and `robots.txt` ([`sitemap`]), each page written whole
//! from the template of [`page`] (head, inline style, loader, view), and
//! the offline `passerelles.html` ([`offline`]), the editors' pages
//! ([`editor`]: `editer/`, not indexed). The views themselves are
//! the page's own components, rendered by Yew's server-side renderer in
//! `src/bin/prerender.rs`.
//!
//! The public address of the site is one setting, `PASSERELLES_PUBLIC_URL`
//! ([`public_url`]); without it every page still works anywhere, and only
//! what needs an absolute address (canonical links, `og:url`, the sitemap)
//! is left out.
//!
//! Native only, used by the build. Knows the data, the wording, the pack's
//! cards and the state's addresses; never the shell or the browser.

pub mod editor;
pub mod head;
pub mod oembed;
pub mod offline;
pub mod page;
pub mod preview;
pub mod sitemap;

/// The site's public address from the setting's value: http(s), absolute,
/// ending with `/` (added when missing); anything else is refused, with the
/// reason, so a typo cannot write broken canonical links.
pub fn public_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| format!("« {value} » : une adresse http:// ou https:// est attendue"))?;
    if rest.is_empty() || rest.starts_with('/') || value.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "« {value} » : une adresse de site est attendue, sans requête ni fragment"
        ));
    }
    let mut url = value.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_address_is_checked_and_ends_with_a_slash() {
        assert_eq!(
            public_url("https://example.org/outils/passerelles").unwrap(),
            "https://example.org/outils/passerelles/"
        );
        assert_eq!(public_url(" http://x.fr/ ").unwrap(), "http://x.fr/");
        for bad in [
            "",
            "example.org",
            "ftp://x.fr/",
            "https://",
            "https:///x",
            "https://x.fr/?a=b",
            "https://x.fr/#a",
            "https://x.fr/\"><script>",
        ] {
            assert!(public_url(bad).is_err(), "{bad:?}");
        }
    }
}
