//! The editors' pages (crates/editor), in both languages, from the site's
//! template ([`super::page`]):
//!
//! - `editer/` (and `en/editer/`): the editors' page, its own module
//!   (`editor.mjs`) and stylesheet (`editor.css`), its view the page's own
//!   first render (rendered by its components at build time, in
//!   `src/bin/prerender.rs`). Nothing of it is fetched by any other page;
//! - `editer/apercu/` (and `en/editer/apercu/`): the preview the editors'
//!   page shows in a frame: the site's own page (the loader, the page's
//!   module), with `editor-preview.js`, which hands it the pack its parent
//!   made of the editor's file as `window.passerellesPack`, as the offline
//!   file hands it its own. Its notice says it is a preview.
//!
//! Neither is indexed (`noindex`) nor in the sitemap: they are tools, not
//! pages to find.

use passerelles_core::wording::Lang;
use passerelles_editor::wording::say as s;

use super::page::{text, Page, Run, Site};

/// Search engines leave the editors' pages out.
const NOINDEX: &str = "<meta name=robots content=noindex>";

/// How deep a page of `folders` below a language's root is.
fn depth(lang: Lang, folders: usize) -> usize {
    folders + usize::from(lang == Lang::En)
}

/// The editors' page, its view rendered by its components.
pub fn page(site: &Site, lang: Lang, view: &str) -> String {
    let notices = format!(
        "<noscript><p class=noscript>{}</p></noscript>",
        text(s::NOSCRIPT())
    );
    site.page(&Page {
        lang,
        depth: depth(lang, 1),
        title: s::PAGE_TITLE(),
        description: s::PAGE_DESCRIPTION(),
        head: NOINDEX,
        notices: &notices,
        view,
        run: Run::Module("editor.mjs"),
        styles: &["editor.css"],
        after: "",
    })
}

/// The preview's page: the site's page, its data handed by its parent.
pub fn preview(site: &Site, lang: Lang) -> String {
    let head = format!("{NOINDEX}<script src=editor-preview.js></script>");
    // A banner above the site's own header, in the frame: it stays when the
    // app takes the view over (the notices are outside its root).
    let notices = format!(
        "<p class=preview-notice role=note>{}</p>",
        text(s::PREVIEW_PAGE_NOTICE())
    );
    let view = format!(
        "<main id=main><p class=loading>{}</p></main>",
        text(s::PREVIEW_PAGE_WAIT())
    );
    site.page(&Page {
        lang,
        depth: depth(lang, 2),
        title: s::PREVIEW_PAGE_TITLE(),
        description: s::PAGE_DESCRIPTION(),
        head: &head,
        notices: &notices,
        view: &view,
        run: Run::App,
        styles: &["editor.css"],
        after: "",
    })
}

#[cfg(test)]
mod tests {
    use super::super::page::Assets;
    use super::*;
    use passerelles_core::wording::set_lang;

    fn site() -> Site {
        Site {
            assets: Assets {
                glue: "./p-1.js".into(),
                wasm: "./p-1_bg.wasm".into(),
                css: "./main-2.css".into(),
            },
            css: "body{}".into(),
            loader: "(function(){})()".into(),
            public: None,
        }
    }

    #[test]
    fn the_editors_pages_are_not_indexed_and_load_only_their_own() {
        for lang in Lang::ALL {
            set_lang(lang);
            let page = page(&site(), lang, "<main>v</main>");
            assert!(page.contains(NOINDEX));
            assert!(page.contains("<script type=module src=\"editor.mjs\"></script>"));
            assert!(
                !page.contains("data-glue"),
                "the site's page module is not started there"
            );
            let base = if lang == Lang::En { "../../" } else { "../" };
            assert!(page.contains(&format!("<base href=\"{base}\">")));
            let preview = preview(&site(), lang);
            assert!(preview.contains(NOINDEX) && preview.contains("editor-preview.js"));
            assert!(
                preview.contains("data-glue=\"./p-1.js\""),
                "the site's own page"
            );
            assert!(preview.contains(&text(s::PREVIEW_PAGE_NOTICE())));
        }
        set_lang(Lang::Fr);
    }
}
