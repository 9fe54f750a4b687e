//! Passerelles inside a partner's page: the embed snippet the "Intégrer
//! cette vue" dialog hands out, the full-screen way out, and when the page
//! reports its height to the host page. Pure: the shell reads the location
//! and touches the DOM; everything decided here is tested natively. The
//! colours a partner may ask for are [`crate::state::look`]'s.

use crate::engine::filter::FilterState;
use crate::state::locks::Locks;
use crate::state::look::Scheme;
use crate::state::page::PageParams;
use crate::state::query;
use crate::wording::say as s;

/// `type` of the message the app posts to its parent; assets/embed.js
/// accepts exactly `{type: RESIZE_MESSAGE, v: RESIZE_VERSION, height}`.
pub const RESIZE_MESSAGE: &str = "passerelles:resize";
pub const RESIZE_VERSION: u32 = 1;
/// Heights outside this range are not reported (and embed.js refuses them):
/// no real page is taller, and a runaway value must not stretch a host page.
pub const MAX_REPORTED_HEIGHT: u32 = 50_000;

/// What the embedded app may do in the partner's page: run (scripts), open
/// the full app in a new tab (popups), and save the exports a visitor asks
/// for (downloads: a sandboxed frame refuses them otherwise). Nothing else:
/// no same-origin access, no top navigation, no forms, no storage.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-downloads";

/// Heights a partner may choose for the iframe before the host script runs
/// (or without it: the app then scrolls inside that height).
pub const MIN_HEIGHT: u32 = 200;
pub const MAX_HEIGHT: u32 = 4_000;
pub const DEFAULT_HEIGHT: u32 = 600;

/// What the partner chooses in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnippetOptions {
    /// Lock the current type, theme and territory choices.
    pub lock: bool,
    pub scheme: Scheme,
    /// Initial iframe height in pixels, clamped to [`MIN_HEIGHT`, `MAX_HEIGHT`].
    pub height: u32,
}

impl Default for SnippetOptions {
    fn default() -> Self {
        SnippetOptions {
            lock: false,
            scheme: Scheme::Light,
            height: DEFAULT_HEIGHT,
        }
    }
}

/// The page parameters and preset filters of the embedded view. Locked
/// facets leave the preset filters: the lock alone carries them.
pub fn embedded_view(
    page: &PageParams,
    filter: &FilterState,
    options: SnippetOptions,
) -> (FilterState, PageParams) {
    let mut preset = filter.clone();
    let mut locks = page.locks.clone();
    if options.lock {
        locks.regions.extend(filter.regions.iter().cloned());
        locks.themes.extend(filter.themes.iter().cloned());
        locks.types.extend(filter.types.iter().copied());
    }
    clear_locked(&mut preset, &locks);
    let embedded = PageParams {
        data: page.data.clone(),
        // Said explicitly: the partner chose it, whatever the visitor's
        // browser prefers.
        lang: Some(crate::wording::lang()),
        embed: true,
        locks,
        scheme: Some(options.scheme),
        accent: page.accent,
    };
    (preset, embedded)
}

fn clear_locked(filter: &mut FilterState, locks: &Locks) {
    if !locks.regions.is_empty() {
        filter.regions.clear();
    }
    if !locks.themes.is_empty() {
        filter.themes.clear();
    }
    if !locks.types.is_empty() {
        filter.types.clear();
    }
}

/// The page URL without query or fragment, as the shell reads it from the
/// location; only http(s) is accepted, so the snippet never carries another scheme.
pub fn app_base(href: &str) -> Option<&str> {
    let base = href.split(['?', '#']).next().unwrap_or_default();
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"))?;
    (!rest.is_empty()).then_some(base)
}

/// The iframe `src` for this view.
pub fn iframe_src(
    base: &str,
    page: &PageParams,
    filter: &FilterState,
    detail: Option<&str>,
    options: SnippetOptions,
) -> String {
    let (preset, embedded) = embedded_view(page, filter, options);
    format!(
        "{base}{}{}",
        crate::state::page::lang_root(crate::wording::lang()),
        embedded.append_to(&query::encode(&preset, detail))
    )
}

/// Where the host script is published: beside the app's page.
pub fn host_script_src(base: &str) -> String {
    let dir = base.rfind('/').map_or(base, |i| &base[..=i]);
    format!("{dir}embed.js")
}

/// The HTML a partner pastes: the iframe, then the host script that sizes it.
pub fn snippet(
    base: &str,
    page: &PageParams,
    filter: &FilterState,
    detail: Option<&str>,
    options: SnippetOptions,
) -> String {
    let src = iframe_src(base, page, filter, detail, options);
    let height = options.height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" data-passerelles sandbox=\"{SANDBOX}\"></iframe>\n<script src=\"{}\" async></script>",
        escape_attr(&src),
        escape_attr(s::EMBED_IFRAME_TITLE()),
        escape_attr(&host_script_src(base)),
    )
}

/// The full app in the same state, for "Voir en plein écran": same filters
/// (locked ones become ordinary, removable ones), same record, same dataset.
pub fn fullscreen_href(page: &PageParams, filter: &FilterState, detail: Option<&str>) -> String {
    let full = PageParams {
        data: page.data.clone(),
        lang: page.lang,
        ..PageParams::default()
    };
    let q = full.append_to(&query::encode(filter, detail));
    crate::state::page::view_href(crate::wording::lang(), &q)
}

/// Escapes text for a double-quoted HTML attribute (the snippet quotes every
/// attribute with `"`, so an apostrophe may stay as it is and stay readable).
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// WordPress's embeds (`wp-embed.js`, which sizes the `<iframe>` WordPress
/// writes for a link it discovered by oEmbed) clamp the heights they are
/// told to this range; beyond it the app scrolls inside.
pub const WP_MIN_HEIGHT: u32 = 200;
pub const WP_MAX_HEIGHT: u32 = 1_000;
/// WordPress's messages: `{secret, message: "height", value}` asks the host
/// for a height, `{secret, message: "link", value}` to open an address of
/// the frame's own host in the top window; `{secret, message: "ready"}`
/// comes from the host once its script listens.
pub const WP_HEIGHT: &str = "height";
pub const WP_LINK: &str = "link";
pub const WP_READY: &str = "ready";

/// The secret WordPress gave this frame: it appends `#?secret=…` to the
/// frame's address (and keeps the same in `data-secret` on the iframe), and
/// its script obeys only messages that carry it. Letters and digits only,
/// as `wp-embed.js` accepts; anything else is no secret.
pub fn wordpress_secret(hash: &str) -> Option<&str> {
    let rest = hash.strip_prefix('#')?;
    let rest = rest.strip_prefix('?').unwrap_or(rest);
    let secret = rest
        .split('&')
        .find_map(|pair| pair.strip_prefix("secret="))?;
    (!secret.is_empty() && secret.len() <= 64 && secret.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(secret)
}

/// The height to ask WordPress for, and whether the content overflows it
/// (the app then scrolls inside: the frame is `scrolling="no"`).
pub fn wordpress_height(content: u32) -> (u32, bool) {
    (
        content.clamp(WP_MIN_HEIGHT, WP_MAX_HEIGHT),
        content > WP_MAX_HEIGHT,
    )
}

/// Decides which measured heights are worth a message to the host page:
/// whole pixels, rounded up so nothing is cut, only when they change.
#[derive(Debug, Default)]
pub struct HeightReporter {
    last: Option<u32>,
}

impl HeightReporter {
    pub fn next(&mut self, measured: f64) -> Option<u32> {
        if !measured.is_finite() || measured < 1.0 {
            return None;
        }
        let height = measured.ceil().min(f64::from(MAX_REPORTED_HEIGHT)) as u32;
        if self.last == Some(height) {
            return None;
        }
        self.last = Some(height);
        Some(height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::RecordType;
    use crate::state::look::Scheme;

    fn filter(themes: &[&str], regions: &[&str]) -> FilterState {
        FilterState {
            themes: themes.iter().map(|t| t.to_string()).collect(),
            regions: regions.iter().map(|r| r.to_string()).collect(),
            query: "iae".into(),
            // What the view sets while a query is active.
            sort: crate::engine::filter::Sort::Relevance,
            ..FilterState::default()
        }
    }

    const BASE: &str = "https://passerelles.example/app/index.html";

    #[test]
    fn snippet_presets_the_current_view() {
        let f = filter(&["insertion"], &["04"]);
        let html = snippet(
            BASE,
            &PageParams::default(),
            &f,
            None,
            SnippetOptions::default(),
        );
        assert!(html.starts_with(
            "<iframe src=\"https://passerelles.example/app/index.html?q=iae&amp;region=04&amp;theme=insertion&amp;lang=fr&amp;embed=1&amp;scheme=light\""
        ), "{html}");
        for part in [
            "width=\"100%\"",
            "height=\"600\"",
            "loading=\"lazy\"",
            " data-passerelles ",
            "sandbox=\"allow-scripts allow-popups allow-downloads\"",
            "title=\"",
            "<script src=\"https://passerelles.example/app/embed.js\" async></script>",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert!(!html.contains("lock_"));
        assert!(!html.contains("style="));
    }

    #[test]
    fn locking_moves_facets_from_presets_to_locks() {
        let mut f = filter(&["insertion", "jeunes"], &[]);
        f.types.insert(RecordType::Event);
        let options = SnippetOptions {
            lock: true,
            scheme: Scheme::Dark,
            height: 50,
        };
        let src = iframe_src(BASE, &PageParams::default(), &f, None, options);
        assert_eq!(
            src,
            format!("{BASE}?q=iae&lang=fr&embed=1&lock_type=event&lock_theme=insertion,jeunes&scheme=dark")
        );
        // The embedded page decodes back to the same locks and presets.
        let query = &src[BASE.len()..];
        let page = PageParams::decode(query);
        assert!(page.embed);
        assert_eq!(page.locks.themes, f.themes);
        assert_eq!(page.locks.types, f.types);
        assert_eq!(query::decode(query).0.query, "iae");
        // Heights are clamped.
        let html = snippet(BASE, &PageParams::default(), &f, None, options);
        assert!(html.contains(&format!("height=\"{MIN_HEIGHT}\"")));
    }

    #[test]
    fn snippet_keeps_dataset_accent_and_detail() {
        let page = PageParams::decode("?data=bench%2Fr.json&accent=%23ffcc00");
        let src = iframe_src(
            "http://127.0.0.1:8080/",
            &page,
            &FilterState::default(),
            Some("ag-1"),
            SnippetOptions::default(),
        );
        assert_eq!(
            src,
            "http://127.0.0.1:8080/?id=ag-1&data=bench%2Fr.json&lang=fr&embed=1&scheme=light&accent=%23ffcc00"
        );
    }

    #[test]
    fn base_is_http_and_nothing_reaches_raw_html() {
        assert_eq!(app_base("https://a.org/x/?q=1#f"), Some("https://a.org/x/"));
        assert_eq!(
            app_base("http://127.0.0.1:8080/"),
            Some("http://127.0.0.1:8080/")
        );
        assert_eq!(app_base("javascript:alert(1)//https://"), None);
        assert_eq!(app_base("file:///tmp/index.html"), None);
        assert_eq!(app_base("https://"), None);
        assert_eq!(
            host_script_src("https://a.org/x/index.html"),
            "https://a.org/x/embed.js"
        );
        assert_eq!(escape_attr("a\"<b>&'"), "a&quot;&lt;b&gt;&amp;'");
        // Free text in the view is percent-encoded before it reaches the snippet.
        let f = FilterState {
            query: "\"><script>alert(1)</script>".into(),
            ..FilterState::default()
        };
        let html = snippet(
            BASE,
            &PageParams::default(),
            &f,
            None,
            SnippetOptions::default(),
        );
        assert!(!html.contains("<script>alert"));
        assert_eq!(html.matches('"').count() % 2, 0);
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn fullscreen_keeps_the_view_but_not_the_frame() {
        let page = PageParams::decode(
            "?embed=1&lock_theme=insertion&scheme=dark&accent=%23ff0000&data=x.json",
        );
        let f = filter(&["insertion"], &[]);
        assert_eq!(
            fullscreen_href(&page, &f, Some("ag-1")),
            "?q=iae&theme=insertion&id=ag-1&data=x.json"
        );
        assert_eq!(
            fullscreen_href(&PageParams::default(), &FilterState::default(), None),
            "?"
        );
    }

    #[test]
    fn wordpress_s_secret_is_read_from_the_fragment_and_nothing_else() {
        assert_eq!(wordpress_secret("#?secret=Ab3dE6gH9k"), Some("Ab3dE6gH9k"));
        assert_eq!(wordpress_secret("#?x=1&secret=abc"), Some("abc"));
        assert_eq!(wordpress_secret("#secret=abc"), Some("abc"));
        for none in [
            "",
            "#",
            "#?secret=",
            "#?secret=a\"b",
            "#?secret=<script>",
            "#?secret=abc%20",
            "?secret=abc",
            "#?secrets=abc",
        ] {
            assert_eq!(wordpress_secret(none), None, "{none}");
        }
        assert_eq!(
            wordpress_secret(&format!("#?secret={}", "a".repeat(65))),
            None
        );
    }

    #[test]
    fn wordpress_heights_are_clamped_and_say_when_to_scroll_inside() {
        assert_eq!(wordpress_height(120), (WP_MIN_HEIGHT, false));
        assert_eq!(wordpress_height(640), (640, false));
        assert_eq!(wordpress_height(1_000), (1_000, false));
        assert_eq!(wordpress_height(2_400), (WP_MAX_HEIGHT, true));
    }

    #[test]
    fn heights_are_reported_once_per_change_and_within_bounds() {
        let mut r = HeightReporter::default();
        assert_eq!(r.next(640.2), Some(641));
        assert_eq!(r.next(640.9), None);
        assert_eq!(r.next(500.0), Some(500));
        assert_eq!(r.next(f64::NAN), None);
        assert_eq!(r.next(0.0), None);
        assert_eq!(r.next(1e12), Some(MAX_REPORTED_HEIGHT));
    }
}
