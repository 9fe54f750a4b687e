//! Page-level URL parameters: not filters a visitor changes, but how the page
//! itself is set up (which dataset it loads; later, how it is embedded). They
//! ride along on every URL the app writes, so a reload or a back step keeps
//! the same page.

use crate::query::{percent_decode, percent_encode};

/// The dataset shipped with the app.
pub const DEFAULT_DATA: &str = "data/passerelles.json";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageParams {
    /// A same-origin JSON file to load instead of the shipped dataset: for
    /// benchmarks at scale and for the broken-dataset tests.
    pub data: Option<String>,
}

/// A relative path on this origin: no scheme, no host, no climbing out, no
/// query. Anything else is ignored, so a link cannot make the page load (or
/// show as its own) data from elsewhere.
pub fn is_safe_data_path(path: &str) -> bool {
    path.len() <= 200
        && path.ends_with(".json")
        && path
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'))
        && !path.contains("..")
        && !path.contains("//")
}

impl PageParams {
    pub fn decode(search: &str) -> PageParams {
        let search = search.strip_prefix('?').unwrap_or(search);
        let search = search.split('#').next().unwrap_or_default();
        let mut page = PageParams::default();
        for pair in search.split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            if key == "data" {
                if let Some(path) = percent_decode(raw).filter(|p| is_safe_data_path(p)) {
                    page.data = Some(path);
                }
            }
        }
        page
    }

    pub fn data_url(&self) -> &str {
        self.data.as_deref().unwrap_or(DEFAULT_DATA)
    }

    /// Appends these parameters to a query string made by [`crate::query::encode`].
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
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_same_origin_relative_json_paths_are_kept() {
        for ok in [
            "data/passerelles.json",
            "bench/records-100000.json",
            "corpus/truncated.json",
            "x.json",
        ] {
            assert!(is_safe_data_path(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "/etc/passwd.json",
            "../x.json",
            "data/../../x.json",
            "data/x.json?y=1",
            "javascript:alert(1).json",
            "data/x.txt",
            "",
            ".json",
        ] {
            assert!(!is_safe_data_path(bad), "{bad}");
        }
    }

    #[test]
    fn decodes_and_ignores_the_rest() {
        let p = PageParams::decode("?theme=emploi&data=bench%2Fr.json&q=x");
        assert_eq!(p.data.as_deref(), Some("bench/r.json"));
        assert_eq!(p.data_url(), "bench/r.json");
        assert_eq!(
            PageParams::decode("?data=https%3A%2F%2Fx.org%2Fa.json").data,
            None
        );
        assert_eq!(PageParams::decode("").data_url(), DEFAULT_DATA);
    }

    #[test]
    fn rides_along_on_any_query() {
        let p = PageParams {
            data: Some("bench/r.json".into()),
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
        assert_eq!(crate::query::decode(&url).0.themes.len(), 1);
    }
}
