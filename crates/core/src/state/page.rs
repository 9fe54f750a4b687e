//! Page-level URL parameters: not filters a visitor changes, but how the page
//! itself is set up (which dataset it loads, how it is embedded in a
//! partner's page). They ride along on every URL the app writes, so a reload
//! or a back step keeps the same page.
//!
//! `data=…&lang=…&embed=1&lock_type=…&lock_theme=…&lock_region=…&scheme=…&accent=…`,
//! written in that order. Like the filter codec, decoding never fails: an
//! unusable value is ignored, so no parameter value ever reaches the page
//! except as a validated id, a known keyword or a parsed colour.

use crate::engine::set::Set;

use crate::data::catalog::RecordType;
use crate::state::locks::Locks;
use crate::state::look::{Rgb, Scheme};
use crate::state::query::{id_set, list, percent_decode, percent_encode, values, MAX_SET_VALUES};
use crate::wording::Lang;

/// The dataset shipped with the app, compiled from data/passerelles.json at
/// build time (see `pack`).
pub const DEFAULT_DATA: &str = "data/passerelles.pack";
/// The same records worded for the English page (`pack --english`).
pub const DEFAULT_DATA_EN: &str = "data/passerelles.en.pack";
/// Where the English pages are, from the site's root.
pub const ENGLISH_ROOT: &str = "en/";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageParams {
    /// A same-origin pack or JSON file to load instead of the shipped
    /// dataset: an editor trying a file, benchmarks at scale, the
    /// broken-dataset tests.
    pub data: Option<String>,
    /// `lang=fr|en`, as the URL said it: the page's language is this, or
    /// else the one the page was written in (`<html lang>`).
    pub lang: Option<Lang>,
    /// `embed=1`: shown inside a partner's page (no site header or footer).
    pub embed: bool,
    /// Facets the partner fixed; ids checked for shape here, against the
    /// catalog once it is loaded.
    pub locks: Locks,
    pub scheme: Option<Scheme>,
    pub accent: Option<Rgb>,
}

/// A relative path on this origin: no scheme, no host, no climbing out, no
/// query. Anything else is ignored, so a link cannot make the page load (or
/// show as its own) data from elsewhere.
pub fn is_safe_data_path(path: &str) -> bool {
    path.len() <= 200
        && (path.ends_with(".json") || path.ends_with(".pack"))
        && path
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'))
        // No ".." nor "//": byte pairs, not `str::contains`, whose
        // substring search would weigh 1 KB of the page's wasm.
        && !path
            .as_bytes()
            .windows(2)
            .any(|pair| pair == b".." || pair == b"//")
}

/// Where the pages of `lang` are, from the site's root: the French ones
/// at the root, the English ones under [`ENGLISH_ROOT`].
pub fn lang_root(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "",
        Lang::En => ENGLISH_ROOT,
    }
}

/// A link to the view `query` (a query string, page parameters included)
/// from the site's root, which every page's `<base>` is, on the pages of
/// `lang`: `?theme=emploi`, `en/?theme=emploi&lang=en`; the French default
/// view is `?` (an empty link would be the page itself).
pub fn view_href(lang: Lang, query: &str) -> String {
    match (lang_root(lang), query) {
        ("", "") => "?".to_string(),
        (root, query) => format!("{root}{query}"),
    }
}

impl PageParams {
    pub fn decode(search: &str) -> PageParams {
        let search = search.strip_prefix('?').unwrap_or(search);
        let search = search.split('#').next().unwrap_or_default();
        let mut page = PageParams::default();
        for pair in search.split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "data" => {
                    if let Some(path) = percent_decode(raw).filter(|p| is_safe_data_path(p)) {
                        page.data = Some(path);
                    }
                }
                "lang" => {
                    if let Some(lang) = Lang::from_code(raw) {
                        page.lang = Some(lang);
                    }
                }
                "embed" => match raw {
                    "1" => page.embed = true,
                    "0" => page.embed = false,
                    _ => {}
                },
                "lock_region" => {
                    if let Some(set) = id_set(raw) {
                        page.locks.regions = set;
                    }
                }
                "lock_theme" => {
                    if let Some(set) = id_set(raw) {
                        page.locks.themes = set;
                    }
                }
                "lock_type" => {
                    let set: Set<RecordType> = values(raw)
                        .filter_map(|v| RecordType::from_key(&v))
                        .take(MAX_SET_VALUES)
                        .collect();
                    if !set.is_empty() {
                        page.locks.types = set;
                    }
                }
                "scheme" => {
                    if let Some(scheme) = percent_decode(raw).and_then(|v| Scheme::from_key(&v)) {
                        page.scheme = Some(scheme);
                    }
                }
                "accent" => {
                    if let Some(rgb) = percent_decode(raw).and_then(|v| Rgb::parse(&v)) {
                        page.accent = Some(rgb);
                    }
                }
                _ => {}
            }
        }
        page
    }

    /// The dataset to load: the one asked for, or the shipped one worded
    /// in `lang`.
    pub fn data_url(&self, lang: Lang) -> &str {
        self.data.as_deref().unwrap_or(match lang {
            Lang::Fr => DEFAULT_DATA,
            Lang::En => DEFAULT_DATA_EN,
        })
    }

    /// Appends these parameters to a query string made by [`crate::state::query::encode`].
    pub fn append_to(&self, query: &str) -> String {
        let mut out = query.to_string();
        let mut param = |name: &str, value: &str| {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        };
        if let Some(d) = &self.data {
            param("data", &percent_encode(d));
        }
        if let Some(lang) = self.lang {
            param("lang", lang.code());
        }
        if self.embed {
            param("embed", "1");
        }
        let l = &self.locks;
        if !l.types.is_empty() {
            param("lock_type", &list(l.types.iter().map(|t| t.key())));
        }
        if !l.themes.is_empty() {
            param("lock_theme", &list(l.themes.iter().map(String::as_str)));
        }
        if !l.regions.is_empty() {
            param("lock_region", &list(l.regions.iter().map(String::as_str)));
        }
        if let Some(scheme) = self.scheme {
            param("scheme", scheme.key());
        }
        if let Some(rgb) = self.accent {
            param("accent", &percent_encode(&rgb.hex()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_same_origin_relative_json_and_pack_paths_are_kept() {
        for ok in [
            "data/passerelles.json",
            "bench/records-100000.json",
            "corpus/truncated.json",
            "x.json",
            "data/passerelles.pack",
            "bench-data/records-100000.pack",
        ] {
            assert!(is_safe_data_path(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "/etc/passwd.json",
            "../x.json",
            "data/../../x.json",
            "data/..x.json",
            "data//x.json",
            "data/x.json?y=1",
            "javascript:alert(1).json",
            "data/x.txt",
            "data/x.pack.d/0.pack/../../y.json",
            "https://evil.example/x.pack",
            "data/x.packs",
            "",
            ".json",
            ".pack",
        ] {
            assert!(!is_safe_data_path(bad), "{bad}");
        }
    }

    #[test]
    fn decodes_and_ignores_the_rest() {
        let p = PageParams::decode("?theme=emploi&data=bench%2Fr.json&q=x");
        assert_eq!(p.data.as_deref(), Some("bench/r.json"));
        assert_eq!(p.data_url(Lang::Fr), "bench/r.json");
        assert_eq!(
            PageParams::decode("?data=https%3A%2F%2Fx.org%2Fa.json").data,
            None
        );
        assert_eq!(PageParams::decode("").data_url(Lang::Fr), DEFAULT_DATA);
    }

    #[test]
    fn the_language_rides_along_and_picks_the_dataset() {
        let p = PageParams::decode("?lang=fr&embed=1");
        assert_eq!(p.lang, Some(Lang::Fr));
        assert_eq!(
            p.append_to("?theme=emploi"),
            "?theme=emploi&lang=fr&embed=1"
        );
        assert_eq!(PageParams::decode("?lang=de").lang, None);
        assert_eq!(view_href(Lang::Fr, ""), "?");
        assert_eq!(view_href(Lang::Fr, "?q=x"), "?q=x");
        assert_eq!(view_href(Lang::En, ""), "en/");
        assert_eq!(view_href(Lang::En, "?q=x&lang=en"), "en/?q=x&lang=en");
        assert_eq!(
            PageParams::decode("?lang=en").data_url(Lang::En),
            DEFAULT_DATA_EN
        );
    }

    #[test]
    fn rides_along_on_any_query() {
        let p = PageParams {
            data: Some("bench/r.json".into()),
            ..PageParams::default()
        };
        assert_eq!(p.append_to(""), "?data=bench%2Fr.json");
        assert_eq!(
            p.append_to("?theme=emploi"),
            "?theme=emploi&data=bench%2Fr.json"
        );
        assert_eq!(PageParams::default().append_to("?q=a"), "?q=a");
        // The filter codec ignores page parameters, and the page ignores filters.
        let url = p.append_to("?theme=emploi");
        assert_eq!(PageParams::decode(&url), p);
        assert_eq!(crate::state::query::decode(&url).0.themes.len(), 1);
    }

    #[test]
    fn embed_parameters_decode_and_ride_along() {
        let url = "?theme=emploi&embed=1&lock_theme=insertion,jeunes&lock_region=04\
                   &lock_type=event&scheme=auto&accent=%230B5CAB";
        let p = PageParams::decode(url);
        assert!(p.embed);
        assert_eq!(p.locks.themes.len(), 2);
        assert!(p.locks.regions.contains("04"));
        assert!(p.locks.types.contains(&RecordType::Event));
        assert_eq!(p.scheme, Some(Scheme::Auto));
        assert_eq!(p.accent, Rgb::parse("#0b5cab"));
        let written = p.append_to("?theme=emploi");
        assert_eq!(
            written,
            "?theme=emploi&embed=1&lock_type=event&lock_theme=insertion,jeunes&lock_region=04\
             &scheme=auto&accent=%230b5cab"
        );
        assert_eq!(PageParams::decode(&written), p);
        // Page parameters are not filters.
        assert_eq!(crate::state::query::decode(&written).0.themes.len(), 1);
        // A bare hex accent is accepted too (a raw '#' would start the fragment).
        assert_eq!(
            PageParams::decode("?accent=ffcc00").accent,
            Rgb::parse("#ffcc00")
        );
    }

    #[test]
    fn hostile_or_malformed_embed_values_are_ignored() {
        let p = PageParams::decode(
            "?embed=yes&lock_theme=%3Cscript%3E&lock_region=04%22%3E&lock_type=agreement%3Cb%3E\
             &scheme=%3Cdark%3E&accent=red;%7Dbody%7Bdisplay:none",
        );
        assert_eq!(p, PageParams::default());
        assert_eq!(
            PageParams::decode("?accent=red;}body{display:none").accent,
            None
        );
        assert_eq!(PageParams::decode("?accent=%23fff;}").accent, None);
        assert_eq!(
            PageParams::decode("?lock_theme=<script>").locks,
            Locks::default()
        );
        // Within a list, good ids are kept and the others dropped.
        let p = PageParams::decode("?lock_theme=insertion,%3Cscript%3E");
        assert_eq!(p.locks.themes.iter().collect::<Vec<_>>(), ["insertion"]);
    }
}
