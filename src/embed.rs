//! Passerelles inside a partner's page: the colour scheme and accent a
//! partner may ask for, the text colours that stay readable on that accent,
//! the embed snippet the "Intégrer cette vue" dialog hands out, and when the
//! page reports its height to the host page. Pure: the shell reads the
//! location and touches the DOM; everything decided here is tested natively.

use crate::filter::{FilterState, Locks};
use crate::page::PageParams;
use crate::query;
use crate::strings as s;

/// `type` of the message the app posts to its parent; assets/embed.js
/// accepts exactly `{type: RESIZE_MESSAGE, v: RESIZE_VERSION, height}`.
pub const RESIZE_MESSAGE: &str = "passerelles:resize";
pub const RESIZE_VERSION: u32 = 1;
/// Heights outside this range are not reported (and embed.js refuses them):
/// no real page is taller, and a runaway value must not stretch a host page.
pub const MAX_REPORTED_HEIGHT: u32 = 50_000;

/// Heights a partner may choose for the iframe before the host script runs
/// (or without it: the app then scrolls inside that height).
pub const MIN_HEIGHT: u32 = 200;
pub const MAX_HEIGHT: u32 = 4_000;
pub const DEFAULT_HEIGHT: u32 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Scheme {
    pub const ALL: [Scheme; 3] = [Scheme::Light, Scheme::Dark, Scheme::Auto];

    pub fn key(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
            Scheme::Auto => "auto",
        }
    }

    pub fn from_key(key: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Scheme::Light => s::EMBED_SCHEME_LIGHT,
            Scheme::Dark => s::EMBED_SCHEME_DARK,
            Scheme::Auto => s::EMBED_SCHEME_AUTO,
        }
    }
}

/// An sRGB colour, only ever built by parsing strict hex, so what reaches
/// the CSSOM is always `#rrggbb` written by [`Rgb::hex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White, the dark ink of the interface, black: the text colours offered on an accent.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);
pub const BLACK: Rgb = Rgb(0, 0, 0);
/// `--paper` of the light and dark schemes in styles/main.css.
pub const LIGHT_PAPER: Rgb = WHITE;
pub const DARK_PAPER: Rgb = Rgb(0x16, 0x19, 0x1d);
/// WCAG 2 AA for normal text.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

impl Rgb {
    /// `#rgb` or `#rrggbb` (the `#` may be left out, since a raw `#` in a URL
    /// starts the fragment); anything else is refused.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `t` of the way towards `other` (0 = self, 1 = other).
    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// `x` to the power 2.4, for `x` in 0..=1, with square roots only: 2.4 is
/// 2 + 0.0110 0110 0110…₂, so x^2.4 is x² times the roots x^(1/2^k) of the
/// bits set. `powf` would bring 1.4 KB of libm into the page for one call.
fn pow_2_4(x: f64) -> f64 {
    let (mut root, mut product) = (x, 1.0);
    for k in 1..=40 {
        root = root.sqrt();
        if k % 4 == 2 || k % 4 == 3 {
            product *= root;
        }
    }
    x * x * product
}

/// WCAG 2 contrast ratio, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colours derived from a partner's accent, set as CSS custom properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// `--accent`: backgrounds, borders, checkboxes.
    pub accent: Rgb,
    /// `--accent-ink`: text on an accent background (buttons).
    pub ink: Rgb,
    /// `--accent-text-light` / `--accent-text-dark`: the accent as text on
    /// the light and dark paper, darkened or lightened just enough to read.
    pub text_on_light: Rgb,
    pub text_on_dark: Rgb,
}

impl Palette {
    pub fn new(accent: Rgb) -> Palette {
        Palette {
            accent,
            ink: ink_on(accent),
            text_on_light: readable_on(accent, LIGHT_PAPER, BLACK),
            text_on_dark: readable_on(accent, DARK_PAPER, WHITE),
        }
    }

    /// (custom property, value) pairs for the CSSOM.
    pub fn properties(&self) -> [(&'static str, String); 4] {
        [
            ("--accent", self.accent.hex()),
            ("--accent-ink", self.ink.hex()),
            ("--accent-text-light", self.text_on_light.hex()),
            ("--accent-text-dark", self.text_on_dark.hex()),
        ]
    }
}

/// White when it reads on the accent, else the interface's ink, else black:
/// no colour has less than 4.5:1 with both white and black.
pub fn ink_on(accent: Rgb) -> Rgb {
    if contrast(WHITE, accent) >= MIN_TEXT_CONTRAST {
        WHITE
    } else if contrast(INK, accent) >= MIN_TEXT_CONTRAST {
        INK
    } else {
        BLACK
    }
}

/// The accent moved towards `towards` in small steps until it reads as text on `paper`.
fn readable_on(accent: Rgb, paper: Rgb, towards: Rgb) -> Rgb {
    (0..=20)
        .map(|step| accent.mix(towards, f64::from(step) / 20.0))
        .find(|c| contrast(*c, paper) >= MIN_TEXT_CONTRAST)
        .unwrap_or(towards)
}

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
        "{base}{}",
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
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" data-passerelles sandbox=\"allow-scripts allow-popups\"></iframe>\n<script src=\"{}\" async></script>",
        escape_attr(&src),
        escape_attr(s::EMBED_IFRAME_TITLE),
        escape_attr(&host_script_src(base)),
    )
}

/// The full app in the same state, for "Voir en plein écran": same filters
/// (locked ones become ordinary, removable ones), same record, same dataset.
pub fn fullscreen_href(page: &PageParams, filter: &FilterState, detail: Option<&str>) -> String {
    let full = PageParams {
        data: page.data.clone(),
        ..PageParams::default()
    };
    let q = full.append_to(&query::encode(filter, detail));
    if q.is_empty() {
        "?".to_string()
    } else {
        q
    }
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

    #[test]
    fn the_power_by_square_roots_is_the_power() {
        for c in 0..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!(
                (ours - std).abs() <= 1e-12 + 1e-9 * std,
                "{c}: {ours} vs {std}"
            );
        }
    }
    use crate::catalog::RecordType;

    #[test]
    fn accent_parses_only_strict_hex() {
        assert_eq!(Rgb::parse("#0b5cab"), Some(Rgb(0x0b, 0x5c, 0xab)));
        assert_eq!(Rgb::parse("0B5CAB"), Some(Rgb(0x0b, 0x5c, 0xab)));
        assert_eq!(Rgb::parse("#f0a"), Some(Rgb(0xff, 0x00, 0xaa)));
        assert_eq!(Rgb::parse("#f0a").unwrap().hex(), "#ff00aa");
        for bad in [
            "",
            "#",
            "red",
            "#12345",
            "#1234567",
            "#ggg",
            "red;}body{display:none",
            "#fff;}",
            "#+1f",
            "#ééé",
            "url(x)",
            "#0b5cab ",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(WHITE, BLACK) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the classic lightest grey with 4.5:1 on white.
        let c = contrast(Rgb(0x76, 0x76, 0x76), WHITE);
        assert!(c > 4.5 && c < 4.6, "{c}");
    }

    #[test]
    fn ink_on_accent_is_white_on_dark_and_dark_on_light() {
        assert_eq!(ink_on(Rgb::parse("#0b5cab").unwrap()), WHITE);
        assert_eq!(ink_on(Rgb::parse("#000").unwrap()), WHITE);
        assert_eq!(ink_on(Rgb::parse("#ffcc00").unwrap()), INK);
        assert_eq!(ink_on(Rgb::parse("#fff").unwrap()), INK);
        // Mid tones: neither white nor the ink reach 4.5:1, black does.
        assert_eq!(ink_on(Rgb::parse("#7d7d7d").unwrap()), BLACK);
    }

    #[test]
    fn every_accent_gets_readable_text_colours() {
        // A sweep of the whole cube, 17 steps per channel.
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    let p = Palette::new(Rgb(r, g, b));
                    assert!(contrast(p.ink, p.accent) >= MIN_TEXT_CONTRAST, "{p:?}");
                    assert!(
                        contrast(p.text_on_light, LIGHT_PAPER) >= MIN_TEXT_CONTRAST,
                        "{p:?}"
                    );
                    assert!(
                        contrast(p.text_on_dark, DARK_PAPER) >= MIN_TEXT_CONTRAST,
                        "{p:?}"
                    );
                }
            }
        }
        // An accent that already reads is kept as it is.
        let p = Palette::new(Rgb::parse("#0b5cab").unwrap());
        assert_eq!(p.text_on_light, p.accent);
        assert_eq!(p.properties()[0], ("--accent", "#0b5cab".to_string()));
    }

    #[test]
    fn scheme_keys_round_trip() {
        for s in Scheme::ALL {
            assert_eq!(Scheme::from_key(s.key()), Some(s));
        }
        assert_eq!(Scheme::from_key("Dark"), None);
    }

    fn filter(themes: &[&str], regions: &[&str]) -> FilterState {
        FilterState {
            themes: themes.iter().map(|t| t.to_string()).collect(),
            regions: regions.iter().map(|r| r.to_string()).collect(),
            query: "iae".into(),
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
            "<iframe src=\"https://passerelles.example/app/index.html?q=iae&amp;region=04&amp;theme=insertion&amp;embed=1&amp;scheme=light\""
        ), "{html}");
        for part in [
            "width=\"100%\"",
            "height=\"600\"",
            "loading=\"lazy\"",
            " data-passerelles ",
            "sandbox=\"allow-scripts allow-popups\"",
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
            format!("{BASE}?q=iae&embed=1&lock_type=event&lock_theme=insertion,jeunes&scheme=dark")
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
            "http://127.0.0.1:8080/?id=ag-1&data=bench%2Fr.json&embed=1&scheme=light&accent=%23ffcc00"
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
