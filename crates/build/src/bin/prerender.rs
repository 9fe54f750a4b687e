//! `prerender [DIST]`: the static pages of a build, rendered by the page's
//! own Yew components (Yew's server-side renderer, natively), so every page
//! shows its content before any wasm runs, and without JavaScript at all.
//!
//! Run after trunk has written DIST (`$TRUNK_STAGING_DIR` in a trunk hook,
//! see scripts/post-build.sh), with the pack the build ships
//! (`target/data-pack/passerelles.pack` and its shards), the JSON it was
//! compiled from (for the record pages' heads), the minified loader
//! (`target/site/loader.js`) and the offline file's glue and wasm
//! (`target/site/offline/`). Every page is written whole from the site's
//! own template (passerelles_build::site::page), in each language by the
//! components speaking it. It writes, at the root and under `en/`:
//!
//! - `index.html`: the default view in `<div id=app>`, with the loader;
//! - `fiches/<id>/index.html` for every record: its detail, its own title,
//!   description, Open Graph tags and, for an event, schema.org JSON-LD;
//! - `glossaire/index.html`: the glossary, a page of its own;
//! - `editer/index.html` and `editer/apercu/index.html`: the editors' page
//!   (its own components, crates/editor) and its preview of the site, not
//!   indexed (passerelles_build::site::editor);
//! - `robots.txt`, and `sitemap.xml` when the public address is set;
//! - `passerelles.html`: the whole app in one file (wasm, script, style and
//!   the dataset inlined) that opens from a disk with no network.
//!
//! The public address is `PASSERELLES_PUBLIC_URL` (e.g.
//! `https://example.org/outils/passerelles/`); without it every page works
//! anywhere, and only canonical links, `og:url` and the sitemap are left out.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use passerelles::prerender::{self, Notices};
use passerelles::{App, Data};
use passerelles_build::site::offline::Inside;
use passerelles_build::site::page::{attr, Assets, Page, Run, Site};
use passerelles_build::site::{editor, head, sitemap};
use passerelles_core::data::catalog::{load_bytes, Loaded};
use passerelles_core::data::glossary::load_json as load_glossary;
use passerelles_core::export::{
    public_base, record_page, EDITORS_PAGE, EDITORS_PREVIEW, GLOSSARY_PAGE,
};
use passerelles_core::pack::{self, Pack, Placement};
use passerelles_core::state::page::lang_root;
use passerelles_core::state::page::DEFAULT_DATA;
use passerelles_core::wording::{say as s, set_lang, Lang};

fn fail(what: &dyn std::fmt::Display) -> ! {
    eprintln!("prerender: {what}");
    std::process::exit(1);
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
}

/// Written aside, then renamed: a server never hands out half a page.
fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    }
    let tmp = path.with_extension("prerender-tmp");
    std::fs::write(&tmp, bytes).unwrap_or_else(|e| fail(&format!("{}: {e}", tmp.display())));
    std::fs::rename(&tmp, path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

/// What a page shows: the default list, a record's detail, or the glossary
/// (its entries worded as a detail, `pack::glossary::write_view`).
enum Shown {
    List,
    Record(String),
    Glossary(Arc<Vec<u8>>),
}

/// One view rendered by the components, as the page renders it at start.
fn render(lang: Lang, pack: Arc<Vec<u8>>, shards: Arc<Vec<Vec<u8>>>, shown: Shown) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || {
        set_lang(lang);
        // On the renderer's thread: the components read what is set here
        // (passerelles::prerender) where the page reads the browser.
        let pack = Pack::open(pack.to_vec()).unwrap_or_else(|e| fail(&e.message));
        let data = Rc::new(Data::new(pack, DEFAULT_DATA.to_string()));
        let record = match &shown {
            Shown::Record(id) => Some(id.clone()),
            _ => None,
        };
        prerender::set_glossary(match &shown {
            Shown::Glossary(view) => Some(view.to_vec()),
            _ => None,
        });
        if let Some(i) = record.as_deref().and_then(|id| data.pack.position(id)) {
            if let Some(k) = data.pack.shard_of(i) {
                match data.pack.open_shard(k, shards[k].clone()) {
                    Ok(shard) => data.keep_shard(k, Rc::new(shard)),
                    Err(e) => fail(&format!("shard {k} of the pack: {e:?}")),
                }
            }
        }
        prerender::set("", record.as_deref(), data);
    })
    // No hydration markers: the app renders its own view and swaps it in.
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The editors' page as it first draws, by its own components.
fn render_editor(lang: Lang) -> String {
    let renderer = yew::ServerRenderer::<passerelles_editor::ui::Editor>::with_props(move || {
        set_lang(lang);
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The notices before the view, in the language set on this thread.
fn notices(lang: Lang) -> String {
    let renderer = yew::ServerRenderer::<Notices>::with_props(move || {
        set_lang(lang);
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The head tags of a page after its description: `first`, its Open Graph
/// tags and its `hreflang` links to `path` (from the site's root) in both
/// languages.
fn head_tags(head: &head::Head, first: &str, public: Option<&str>, path: &str) -> String {
    format!(
        "{first}{}{}",
        head::tags(head),
        head::alternates(public, path)
    )
}

const USAGE: &str = "usage: prerender [DIST] [--pack PACK] [--data JSON] [--glossary JSON] [--loader JS] [--offline DIR]";

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dist = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
    let mut pack_path = PathBuf::from("target/data-pack/passerelles.pack");
    let mut json_path = PathBuf::from("data/passerelles.json");
    let mut glossary_path: Option<PathBuf> = None;
    let mut loader_path = PathBuf::from("target/site/loader.js");
    let mut offline_dir = PathBuf::from("target/site/offline");
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(&format!("{arg} needs a value\n{USAGE}")))
        };
        match arg.as_str() {
            "--pack" => pack_path = value().into(),
            "--data" => json_path = value().into(),
            "--glossary" => glossary_path = Some(value().into()),
            "--loader" => loader_path = value().into(),
            "--offline" => offline_dir = value().into(),
            other if !other.starts_with('-') => dist = Some(other.into()),
            other => fail(&format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let dist = dist.unwrap_or_else(|| "dist".into());
    let raw = std::env::var("PASSERELLES_PUBLIC_URL").unwrap_or_default();
    let public = match public_base(&raw) {
        _ if raw.trim().is_empty() => None,
        Ok(base) => Some(base.to_string()),
        Err(why) => fail(&format!(
            "PASSERELLES_PUBLIC_URL « {raw} » : {}",
            why.message()
        )),
    };
    let public = public.as_deref();

    let assets = Assets::find(&dist).unwrap_or_else(|e| fail(&e));
    let text_of = |path: &Path| {
        String::from_utf8(read(path))
            .unwrap_or_else(|_| fail(&format!("{}: not UTF-8", path.display())))
    };
    let site = Site {
        css: text_of(&dist.join(assets.css.trim_start_matches("./"))),
        loader: text_of(&loader_path),
        assets,
        public: public.map(str::to_string),
    };

    let mut loaded: Loaded = load_bytes(&read(&json_path)).unwrap_or_else(|e| fail(&e.message));
    // The glossary beside the dataset, as the pack step reads it
    // (src/bin/pack.rs), for its page and the offline file's pack.
    let glossary_path = glossary_path
        .or_else(|| Some(json_path.with_file_name("glossary.json")).filter(|g| g.is_file()));
    if let Some(g) = &glossary_path {
        let text = String::from_utf8(read(g))
            .unwrap_or_else(|_| fail(&format!("{}: not UTF-8", g.display())));
        let (entries, _) = load_glossary(&text)
            .unwrap_or_else(|e| fail(&format!("{}: {}", g.display(), e.message)));
        loaded.catalog.glossary = entries;
    }
    let mut french: Option<(String, String, usize)> = None;
    for lang in Lang::ALL {
        set_lang(lang);
        let root = lang_root(lang);
        // The pack the pages of this language load: the French one, or the
        // same records worded in English (`pack --english`).
        let pack_path = match lang {
            Lang::Fr => pack_path.clone(),
            Lang::En => pack_path.with_extension("en.pack"),
        };
        let pack_bytes = read(&pack_path);
        let pack = Pack::open(pack_bytes.clone()).unwrap_or_else(|e| fail(&e.message));
        let url = pack_path.to_string_lossy().into_owned();
        let shards: Vec<Vec<u8>> = (0..pack
            .shard_of(pack.len().saturating_sub(1))
            .map_or(0, |k| k + 1))
            .map(|k| read(Path::new(&pack.shard_url(&url, k).unwrap_or_default())))
            .collect();
        if pack.len() != loaded.catalog.entries.len() {
            fail(&format!(
                "{} holds {} records, {} {}: rebuild the pack",
                pack_path.display(),
                pack.len(),
                json_path.display(),
                loaded.catalog.entries.len()
            ));
        }
        let (pack_bytes, shards) = (Arc::new(pack_bytes), Arc::new(shards));
        let notices = notices(lang);
        let public_here = public.map(|p| format!("{p}{root}"));
        let public_here = public_here.as_deref();
        // Each page one folder deeper in English: its <base> is the root.
        let depth = |folders: usize| folders + usize::from(lang == Lang::En);

        // The front page.
        let front_view = render(lang, pack_bytes.clone(), shards.clone(), Shown::List);
        let front = site.page(&Page {
            lang,
            depth: depth(0),
            title: s::APP_NAME(),
            description: s::SITE_DESCRIPTION(),
            head: &format!(
                "{}{}",
                head::front(public_here, s::SITE_DESCRIPTION()),
                head::alternates(public, "")
            ),
            notices: &notices,
            view: &front_view,
            run: Run::App,
            styles: &[],
        });
        write(&dist.join(root).join("index.html"), front.as_bytes());

        // The glossary, a page of its own: its bytes stay out of the app's.
        if !loaded.catalog.glossary.is_empty() {
            let mut w = passerelles_core::wire::Writer::new();
            pack::glossary::write_view(&mut w, &loaded.catalog.glossary);
            let head = head::Head {
                title: format!("{} — {}", s::GLOSSARY(), s::APP_NAME()),
                description: s::GLOSSARY_DESCRIPTION().to_string(),
                url: public_here.map(|p| format!("{p}{GLOSSARY_PAGE}")),
                json_ld: None,
            };
            let view = render(
                lang,
                pack_bytes.clone(),
                shards.clone(),
                Shown::Glossary(Arc::new(w.into_bytes())),
            );
            // The glossary's page runs nothing: all it does (the acronyms'
            // tips) the browser does by itself; and without a script it has
            // nothing to say of one.
            let page = site.page(&Page {
                lang,
                depth: depth(1),
                title: &head.title,
                description: &head.description,
                head: &head_tags(&head, "", public, GLOSSARY_PAGE),
                notices: "",
                view: &view,
                run: Run::Static,
                styles: &["glossary.css"],
            });
            write(
                &dist.join(root).join(GLOSSARY_PAGE).join("index.html"),
                page.as_bytes(),
            );
        }

        // The editors' page and its preview (not indexed, not in the sitemap).
        let editors = editor::page(&site, lang, &render_editor(lang));
        write(
            &dist.join(root).join(EDITORS_PAGE).join("index.html"),
            editors.as_bytes(),
        );
        write(
            &dist.join(root).join(EDITORS_PREVIEW).join("index.html"),
            editor::preview(&site, lang).as_bytes(),
        );

        // A page per record, one folder deeper: its <base> makes every address
        // of the template (assets, data, links) resolve from the root.
        for i in 0..pack.len() {
            let card = pack.card(i);
            let head = head::record(&loaded.catalog, i, &card, public_here);
            let record = format!(
                "<meta name=passerelles:record content=\"{}\">",
                attr(card.id)
            );
            let view = render(
                lang,
                pack_bytes.clone(),
                shards.clone(),
                Shown::Record(card.id.to_string()),
            );
            let page = site.page(&Page {
                lang,
                depth: depth(2),
                title: &head.title,
                description: &head.description,
                head: &head_tags(&head, &record, public, &record_page(None, card.id)),
                notices: &notices,
                view: &view,
                run: Run::App,
                styles: &[],
            });
            write(
                &dist
                    .join(root)
                    .join(record_page(None, card.id))
                    .join("index.html"),
                page.as_bytes(),
            );
        }
        if lang == Lang::Fr {
            french = Some((front_view, notices, pack.len()));
        }
    }
    set_lang(Lang::Fr);
    let Some((view, notices, records)) = french else {
        fail(&"no French pages")
    };

    write(&dist.join("robots.txt"), sitemap::robots(public).as_bytes());
    if let Some(public) = public {
        let ids: Vec<String> = loaded
            .catalog
            .entries
            .iter()
            .map(|e| e.id.clone())
            .collect();
        write(
            &dist.join("sitemap.xml"),
            sitemap::sitemap(
                public,
                !loaded.catalog.glossary.is_empty(),
                ids.iter().map(String::as_str),
            )
            .as_bytes(),
        );
    }

    // The whole app in one file, for a disk, a USB key or a mail.
    let inside = Inside {
        glue: text_of(&offline_dir.join("passerelles.js")),
        wasm: read(&offline_dir.join("passerelles_bg.wasm")),
        pack: pack::write(&loaded, Placement::Inline).main,
        print: text_of(&dist.join("print.css")),
    };
    let offline = site.page(&Page {
        lang: Lang::Fr,
        depth: 0,
        title: s::APP_NAME(),
        description: s::SITE_DESCRIPTION(),
        head: "",
        notices: &notices,
        view: &view,
        run: Run::Offline(&inside),
        styles: &[],
    });
    write(&dist.join("passerelles.html"), offline.as_bytes());

    eprintln!(
        "prerender: {} pages ({} records, the editors' and its preview){}, robots.txt{}, passerelles.html ({} KB)",
        2 * (records + 3 + usize::from(!loaded.catalog.glossary.is_empty())),
        records,
        if public.is_some() {
            ", sitemap.xml"
        } else {
            ""
        },
        public.map_or(String::new(), |p| format!(" for {p}")),
        offline.len() / 1024
    );
}
