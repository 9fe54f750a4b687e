//! Every page of the site, written whole by the build from this template:
//! the page's own head (title, description, the tags of [`super::head`]),
//! the stylesheet inline, the loader, and the view the page's components
//! rendered. Trunk builds the assets (the wasm modules and their glue, the
//! stylesheet, the copied files); its own `index.html` is only the list of
//! what to build, and is replaced. Nothing here searches trunk's output:
//! [`Assets::find`] reads the names trunk gave the files, and the rest is
//! ours.
//!
//! The loader (assets/loader.js, minified at build time by
//! scripts/minify.mjs) is the same text on every page: the module and the
//! glue to start are named on its element (`data-wasm`, `data-glue`), so
//! one hash in the Content-Security-Policy allows it everywhere
//! (scripts/csp.mjs).

use std::path::Path;

use passerelles_core::wording::{say as s, Lang};

/// The page's wasm module and its glue, as trunk named them in the build
/// (content-hashed: `./passerelles-0123abcd_bg.wasm`), and its stylesheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    /// e.g. `./passerelles-0123abcd.js`
    pub glue: String,
    /// e.g. `./passerelles-0123abcd_bg.wasm`
    pub wasm: String,
    /// e.g. `./main-0123abcd.css`
    pub css: String,
}

/// The page's binary and stylesheet, as index.html names them for trunk.
const PAGE_BIN: &str = "passerelles";
const STYLESHEET: &str = "main";

impl Assets {
    /// The files trunk wrote in `dir` for the page: exactly one of each
    /// (`passerelles-<hash>.js`, `passerelles-<hash>_bg.wasm`,
    /// `main-<hash>.css`), or a message saying which is missing or doubled.
    pub fn find(dir: &Path) -> Result<Assets, String> {
        let names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        Assets::among(&names).map_err(|e| format!("{}: {e}", dir.display()))
    }

    fn among(names: &[String]) -> Result<Assets, String> {
        let one = |what: &str, pick: &dyn Fn(&str) -> bool| -> Result<String, String> {
            let found: Vec<&String> = names.iter().filter(|n| pick(n)).collect();
            match found.as_slice() {
                [one] => Ok(format!("./{one}")),
                [] => Err(format!("no {what} in the build")),
                _ => Err(format!(
                    "{} files look like the {what}: {found:?}",
                    found.len()
                )),
            }
        };
        let hashed = |n: &str, stem: &str, ext: &str| {
            n.strip_prefix(stem)
                .and_then(|n| n.strip_prefix('-'))
                .and_then(|n| n.strip_suffix(ext))
                .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        Ok(Assets {
            glue: one("page's glue", &|n| hashed(n, PAGE_BIN, ".js"))?,
            wasm: one("page's wasm", &|n| hashed(n, PAGE_BIN, "_bg.wasm"))?,
            css: one("stylesheet", &|n| hashed(n, STYLESHEET, ".css"))?,
        })
    }
}

/// What every page of a build shares.
pub struct Site {
    pub assets: Assets,
    /// The stylesheet's text, inlined in every page: one round trip less
    /// before the first paint (the pages are small, and a slow phone line
    /// spends more on a request than on 3 KB). Allowed by its hash.
    pub css: String,
    /// The loader, minified.
    pub loader: String,
    /// The site's public address, when the build knows it.
    pub public: Option<String>,
}

/// How a page runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    /// The app takes the prerendered view over (the loader starts it).
    App,
    /// Nothing runs: the page is complete as written (the glossary, whose
    /// acronyms' tips the browser opens by itself). Marked `data-static`
    /// (the tests wait for a take-over on every other page).
    Static,
    /// The whole app in the page itself (the offline file): what goes in
    /// its head and at the end of its body, everything inlined.
    Offline { head: &'a str, body: &'a str },
    /// A page of its own module, not the site's (the editors' page,
    /// [`super::editor`]): the module script named, no loader, and the
    /// root its page renders into.
    Module(&'a str),
}

/// One page.
pub struct Page<'a> {
    pub lang: Lang,
    /// How many folders below the site's root it lives (`fiches/x/`: 2; a
    /// page under `en/` one more): its `<base>` makes every address of the
    /// page resolve from the root.
    pub depth: usize,
    pub title: &'a str,
    pub description: &'a str,
    /// Tags after the description: Open Graph, canonical and `hreflang`
    /// links, JSON-LD, the record a page is about.
    pub head: &'a str,
    /// The notices a page says before its view (no script; opened from a
    /// file), rendered by the components in the page's language.
    pub notices: &'a str,
    /// The view, rendered by the page's components.
    pub view: &'a str,
    pub run: Run<'a>,
    /// Stylesheets of this page only (the glossary's), linked after the
    /// inline one.
    pub styles: &'a [&'a str],
    /// After the view, outside what the app takes over: a page's own
    /// links that no component draws (a theme's feeds to follow).
    pub after: &'a str,
}

/// The icon (assets/favicon.svg drawn at 32 px) inline, as a PNG: Chromium
/// loads the icon again on every history entry the app pushes, and an SVG
/// icon cost 2–3 ms of each filter click, a fetch and an SVG document each
/// time.
const ICON: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAC0klEQVR4nOyXXUiTURjH/+/Zq6YlWRg6dUwwDUymQYhFQRHpjDLppkwKDOom+5Ckgi6jYH1AXkTShRhmEN0UhlmEGUVKRsy0IsNSZq5Sy3DN9nk658y9NSVbtu298Qdn54Oz/f/nPM/78E7Gb6RuMe2SJJRKQAGbpiC0DFGgg1Lc/NB0rMG/KPEP7aZzelnjvgxJKkQkoPSe2yPvszZXDxA+l2VPY8TEOUyLHfiqGOo2mypAUAc18GIPoQTboRJcm0iU5kEluLbM4pEEtWDaBCozZ0AOZhOrjsjN1KIgR4clCQsQHxfNWozoOeN2J2sO0Q+P2dDebUHXW2swPz2zgQ0rM7Bt/XKszU1HQvw8/AtfxyfwyDyAG63dePj8/R/3SboSE526uCIrBScq1iE/Ow2hoKPHgtNX2mDutf7dwI6NBpypNCrzH043Wtp78fTVIDpfD+LNwIhYNyxNxu3zu8W4uKoeL999FuNl+kRhPD9bB2NBJmKif13ykZpmdiM9AQYCQmBclQXTfp+4y+3FtbtmXLj+BKPf7AgWbpC3hjtmJC6MQ1XZGpQVGiBrCM4eKBahud/Zp+xXngIe44vVJSLhOFEyQbkxDw52A7PF6fZgZ1GuEBdiRMKlo1uV5A0wEKXRwO5wweHy4GRdq1jjX9RrEzBb0rWLoCG+E52qbxOGeEhlpuVHCcHw2HcUHazD/NhoxMZEIdQ87urHg2d9sE04RRimGeAMjYyLnieYH+KPyQwEu6fXMjptXTGgTYyHPtl33Rmpi5UNORlJ4lam8j97+q1j+DjqO6x4DHlSvGg8pMQr3Hi8FIbyGlE5gyrF4YBOVh9hgDtZvbdWCUG46Rv8IpJRMcCxsgS0TiZhJJl7HyAsGz5BLZg2oZJkhkpwbfZajlqoBNcWlSetxNTCBkWIJJTesjQdLxVJ6KWew6BwIEJQUJvXLVXycUDtVePv+U8AAAD//3LUAE4AAAAGSURBVAMAyfoCapol1iAAAAAASUVORK5CYII=";

/// The print stylesheet (styles/print.css): the loader links it once the
/// app has drawn; a page without the loader links it here.
const PRINT_LINK: &str = "<link rel=stylesheet media=print href=print.css>";

impl Site {
    /// The whole page, as the server sends it.
    pub fn page(&self, page: &Page) -> String {
        let mut out = String::with_capacity(page.view.len() + self.css.len() + 4096);
        out.push_str("<!doctype html><html lang=");
        out.push_str(page.lang.code());
        if page.run == Run::Static {
            out.push_str(" data-static");
        }
        out.push_str("><head><meta charset=utf-8>");
        if page.depth > 0 {
            out.push_str(&format!("<base href=\"{}\">", "../".repeat(page.depth)));
        }
        out.push_str("<meta name=viewport content=\"width=device-width,initial-scale=1\">");
        out.push_str(&format!("<title>{}</title>", text(page.title)));
        out.push_str(&format!("<link rel=icon type=image/png href=\"{ICON}\">"));
        out.push_str(&format!(
            "<meta name=description content=\"{}\">",
            attr(page.description)
        ));
        // A stylesheet cannot close its own element early.
        out.push_str(&format!(
            "<style>{}</style>",
            self.css.replace("</", "<\\/")
        ));
        for href in page.styles {
            out.push_str(&format!("<link rel=stylesheet href=\"{}\">", attr(href)));
        }
        out.push_str(&feeds());
        match page.run {
            Run::App => out.push_str(&format!(
                "<script data-glue=\"{}\" data-wasm=\"{}\">{}</script>",
                attr(&self.assets.glue),
                attr(&self.assets.wasm),
                self.loader
            )),
            Run::Static => out.push_str(PRINT_LINK),
            Run::Offline { head, .. } => out.push_str(head),
            Run::Module(src) => out.push_str(&format!(
                "<script type=module src=\"{}\"></script>",
                attr(src)
            )),
        }
        if let Some(public) = &self.public {
            // The embed snippet and "Voir en plein écran" use it (the page's browser.rs).
            out.push_str(&format!(
                "<meta name=passerelles:public-url content=\"{}\">",
                attr(public)
            ));
        }
        out.push_str(page.head);
        out.push_str("</head><body>");
        out.push_str(page.notices);
        // The view rendered at build time, and the root the app renders
        // into; the app removes the first once it has its own.
        out.push_str("<div id=app>");
        out.push_str(page.view);
        out.push_str("</div>");
        if page.run != Run::Static {
            out.push_str("<div id=live></div>");
        }
        out.push_str(page.after);
        if let Run::Offline { body, .. } = page.run {
            out.push_str(body);
        }
        out.push_str("</body></html>");
        out
    }
}

/// The calendar and the Atom feed a visitor subscribes to
/// (export::feeds), named in the page's language.
fn feeds() -> String {
    format!(
        "<link rel=alternate type=text/calendar href=feeds/evenements.ics title=\"{}\">\
<link rel=alternate type=application/atom+xml href=feeds/fiches.atom title=\"{}\">",
        attr(s::FEED_EVENTS_TITLE()),
        attr(s::FEED_RECORDS_TITLE())
    )
}

/// Escapes text for an element's content.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes text for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_page_s_assets_are_found_by_trunk_s_names() {
        let found = Assets::among(&names(&[
            "index.html",
            "passerelles-0a1b_bg.wasm",
            "passerelles-0a1b.js",
            "main-9f.css",
            "convert.js",
            "convert_bg.wasm",
            "print.css",
        ]))
        .unwrap();
        assert_eq!(
            found,
            Assets {
                glue: "./passerelles-0a1b.js".into(),
                wasm: "./passerelles-0a1b_bg.wasm".into(),
                css: "./main-9f.css".into(),
            }
        );
        let missing = Assets::among(&names(&["passerelles-0a1b.js", "main-9f.css"]));
        assert_eq!(missing, Err("no page's wasm in the build".to_string()));
        let twice = Assets::among(&names(&[
            "passerelles-0a_bg.wasm",
            "passerelles-1b_bg.wasm",
            "passerelles-0a.js",
            "main-9f.css",
        ]));
        assert!(twice
            .unwrap_err()
            .starts_with("2 files look like the page's wasm"));
    }

    fn site() -> Site {
        Site {
            assets: Assets {
                glue: "./p-1.js".into(),
                wasm: "./p-1_bg.wasm".into(),
                css: "./main-2.css".into(),
            },
            css: "body{color:red}".into(),
            loader: "(function(){})()".into(),
            public: None,
        }
    }

    #[test]
    fn a_page_is_written_whole_with_its_own_head() {
        let html = site().page(&Page {
            lang: Lang::En,
            depth: 3,
            title: "A & B <c>",
            description: "Say \"hi\"",
            head: "<link rel=canonical href=x>",
            notices: "<p>n</p>",
            view: "<main>v</main>",
            run: Run::App,
            styles: &[],
            after: "",
        });
        assert!(html.starts_with(
            "<!doctype html><html lang=en><head><meta charset=utf-8><base href=\"../../../\">"
        ));
        assert!(html.contains("<title>A &amp; B &lt;c&gt;</title>"));
        assert!(html.contains("<meta name=description content=\"Say &quot;hi&quot;\">"));
        assert!(html.contains(
            "<script data-glue=\"./p-1.js\" data-wasm=\"./p-1_bg.wasm\">(function(){})()</script>"
        ));
        assert!(html.ends_with("<link rel=canonical href=x></head><body><p>n</p><div id=app><main>v</main></div><div id=live></div></body></html>"));
        let still = site().page(&Page {
            lang: Lang::Fr,
            depth: 0,
            title: "t",
            description: "d",
            head: "",
            notices: "",
            view: "",
            run: Run::Static,
            styles: &["glossary.css"],
            after: "",
        });
        assert!(still.starts_with("<!doctype html><html lang=fr data-static><head><meta charset=utf-8><meta name=viewport"));
        assert!(!still.contains("<script") && !still.contains("id=live"));
        assert!(
            still.contains(PRINT_LINK)
                && still.contains("<link rel=stylesheet href=\"glossary.css\">")
        );
        let own = site().page(&Page {
            lang: Lang::Fr,
            depth: 1,
            title: "t",
            description: "d",
            head: "",
            notices: "",
            view: "<p>v</p>",
            run: Run::Module("editor.mjs"),
            styles: &["editor.css"],
            after: "",
        });
        assert!(own.contains("<script type=module src=\"editor.mjs\"></script>"));
        assert!(!own.contains("data-glue") && !own.contains("data-static"));
        assert!(own.ends_with("<div id=app><p>v</p></div><div id=live></div></body></html>"));
    }

    #[test]
    fn a_stylesheet_cannot_close_its_element() {
        let mut s = site();
        s.css = "a::after{content:\"</style>\"}".into();
        let html = s.page(&Page {
            lang: Lang::Fr,
            depth: 0,
            title: "t",
            description: "d",
            head: "",
            notices: "",
            view: "",
            run: Run::App,
            styles: &[],
            after: "",
        });
        assert_eq!(html.matches("</style>").count(), 1);
    }
}
