//! oEmbed without a server: beside every page, a static `oembed.json`
//! (oEmbed 1.0, type `rich`) that describes the page as an embed, and in
//! the page's head the `<link rel="alternate" type="application/json+oembed">`
//! that points to it. A partner pastes the page's address in WordPress (or
//! any oEmbed consumer): it discovers the file and shows the iframe it
//! holds, the page's view in embed mode.
//!
//! What WordPress keeps of a discovered provider's HTML is an `<iframe>`
//! with `src`, `width`, `height` and `title` (wp-includes/embed.php,
//! `wp_filter_oembed_result`), to which it adds its sandbox and its secret:
//! so the HTML is exactly that iframe, and the app answers WordPress's
//! script in the frame (src/frame.rs). oEmbed wants absolute addresses: the
//! files are written only when the site's public address is known.

use serde_json::{json, Value};

use crate::site::page::attr;

/// The file beside each page.
pub const FILE: &str = "oembed.json";
/// The iframe's size before the app reports its height.
pub const WIDTH: u32 = 600;
pub const HEIGHT: u32 = 700;

/// One page as an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed<'a> {
    /// The site's public address (`https://…/`), the provider's.
    pub provider_url: &'a str,
    pub provider_name: &'a str,
    /// The page's title.
    pub title: &'a str,
    /// The iframe's address: the page's view in embed mode.
    pub src: &'a str,
    /// The iframe's title, for screen readers (RGAA 2.1).
    pub frame_title: &'a str,
    /// The page's preview picture and its size, when there is one.
    pub thumbnail: Option<(&'a str, u32, u32)>,
}

/// The iframe, and nothing WordPress would take out.
pub fn iframe(e: &Embed) -> String {
    format!(
        "<iframe src=\"{}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" title=\"{}\"></iframe>",
        attr(e.src),
        attr(e.frame_title)
    )
}

/// The `oembed.json` of a page.
pub fn json(e: &Embed) -> String {
    let mut o = json!({
        "type": "rich",
        "version": "1.0",
        "title": e.title,
        "provider_name": e.provider_name,
        "provider_url": e.provider_url,
        "html": iframe(e),
        "width": WIDTH,
        "height": HEIGHT,
    });
    if let (Some((url, w, h)), Value::Object(map)) = (e.thumbnail, &mut o) {
        map.insert("thumbnail_url".into(), json!(url));
        map.insert("thumbnail_width".into(), json!(w));
        map.insert("thumbnail_height".into(), json!(h));
    }
    serde_json::to_string_pretty(&o).unwrap_or_default() + "\n"
}

/// The head's link to the file at `href` (absolute).
pub fn link(href: &str, title: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        attr(href),
        attr(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed<'a>(title: &'a str, thumbnail: Option<(&'a str, u32, u32)>) -> Embed<'a> {
        Embed {
            provider_url: "https://e.org/p/",
            provider_name: "Passerelles",
            title,
            src: "https://e.org/p/?theme=insertion&lang=fr&embed=1&lock_theme=insertion",
            frame_title: "Passerelles : \"conventions\"",
            thumbnail,
        }
    }

    #[test]
    fn a_rich_oembed_of_one_iframe() {
        let text = json(&embed(
            "Insertion",
            Some(("https://e.org/p/themes/insertion/preview.png", 1200, 630)),
        ));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["type"], "rich");
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["width"], WIDTH);
        assert_eq!(v["height"], HEIGHT);
        assert_eq!(v["provider_url"], "https://e.org/p/");
        assert_eq!(v["thumbnail_width"], 1200);
        let html = v["html"].as_str().unwrap();
        assert_eq!(
            html,
            "<iframe src=\"https://e.org/p/?theme=insertion&amp;lang=fr&amp;embed=1&amp;lock_theme=insertion\" \
             width=\"600\" height=\"700\" title=\"Passerelles : &quot;conventions&quot;\"></iframe>"
        );
        // Without a picture, none of the three thumbnail fields.
        let v: Value = serde_json::from_str(&json(&embed("x", None))).unwrap();
        assert!(v.get("thumbnail_url").is_none() && v.get("thumbnail_width").is_none());
    }

    #[test]
    fn nothing_from_the_data_escapes_its_place() {
        let text = json(&embed("</script>\"<iframe onload=x>", None));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["title"], "</script>\"<iframe onload=x>");
        let l = link("https://e.org/p/oembed.json", "a\"><script>");
        assert!(!l.contains("<script"), "{l}");
        assert_eq!(l.matches('"').count(), 8);
    }
}
