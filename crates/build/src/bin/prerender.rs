//! `prerender [DIST]`: the static pages of a build, rendered by the page's
//! own Yew components (Yew's server-side renderer, natively), so every page
//! shows its content before any wasm runs, and without JavaScript at all.
//!
//! Run after trunk has written DIST (`$TRUNK_STAGING_DIR` in a trunk hook,
//! see scripts/post-build.sh), with the pack the build ships
//! (`target/data-pack/passerelles.pack` and its shards), the JSON it was
//! compiled from (for the record pages' heads), the minified loader
//! (`target/site/loader.js`), the offline file's glue and wasm
//! (`target/site/offline/`) and the region outlines (`assets/regions.map`,
//! for the pictures). Every page is written whole from the site's own
//! template (passerelles_build::site::page), in each language by the
//! components speaking it. It writes, at the root and under `en/`:
//!
//! - `index.html`: the default view in `<div id=app>`, with the loader;
//! - `fiches/<id>/index.html` for every record: its detail, its own title,
//!   description, Open Graph tags and, for an event, schema.org JSON-LD;
//! - a page per theme, region and type, and per theme in a region where a
//!   record of that region has it (`themes/<id>/`, `regions/<slug>/`,
//!   `types/<key>/`, `themes/<id>/<slug>/`, passerelles_core::export::pages):
//!   its list already filtered, its title, description and feeds, and the
//!   view the app starts in (`<meta name=passerelles:view>`);
//! - beside each page but the glossary's, `preview.png`, the picture a link
//!   preview shows (site::preview), and, with a public address,
//!   `oembed.json`, the page as an embed (site::oembed);
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
//! anywhere, and only canonical and `hreflang` links, `og:url`, the oEmbed
//! files and the sitemap are left out.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use passerelles::prerender::{self, Notices};
use passerelles::{App, Data};
use passerelles_build::site::offline::{self, Inside};
use passerelles_build::site::page::{attr, text, Assets, Page, Run, Site};
use passerelles_build::site::preview::{self, Painter, Preview};
use passerelles_build::site::{editor, head, oembed, sitemap};
use passerelles_core::data::catalog::{load_bytes, Catalog, Loaded, RecordType};
use passerelles_core::data::glossary::load_json as load_glossary;
use passerelles_core::engine::facets;
use passerelles_core::export::feeds;
use passerelles_core::export::pages::Facet;
use passerelles_core::export::{
    public_base, record_page, EDITORS_PAGE, EDITORS_PREVIEW, GLOSSARY_PAGE,
};
use passerelles_core::pack::{self, Pack, Part, Placement};
use passerelles_core::state::embed::{self, SnippetOptions};
use passerelles_core::state::map::Geometry;
use passerelles_core::state::page::{lang_root, PageParams, DEFAULT_DATA};
use passerelles_core::state::query;
use passerelles_core::wording::{format as worded, say as s, set_lang, Lang};

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

/// What a page shows: the default list, a view of it (a query string), a
/// record's detail, or the glossary (its entries worded as a detail,
/// `pack::glossary::write_view`).
enum Shown {
    List,
    View(String),
    Record(String),
    Glossary(Arc<Vec<u8>>),
}

/// The files beside a site's pack: its detail shards and, when it is a
/// large site's split pack, every part (each page is written here, so
/// everything is taken in; the page fetches by need).
struct Beside {
    shards: Vec<Vec<u8>>,
    parts: Vec<(Part, Vec<u8>)>,
}

/// One view rendered by the components, as the page renders it at start.
fn render(lang: Lang, pack: Arc<Vec<u8>>, beside: Arc<Beside>, shown: Shown) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || {
        set_lang(lang);
        // On the renderer's thread: the components read what is set here
        // (passerelles::prerender) where the page reads the browser.
        let pack = Pack::open(pack.to_vec()).unwrap_or_else(|e| fail(&e.message));
        for (part, bytes) in &beside.parts {
            pack.open_part(*part, bytes.clone())
                .unwrap_or_else(|e| fail(&format!("{part:?} of the pack: {e:?}")));
        }
        let shards = &beside.shards;
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
        let query = match &shown {
            Shown::View(query) => query.as_str(),
            _ => "",
        };
        prerender::set(query, record.as_deref(), data);
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

const USAGE: &str = "usage: prerender [DIST] [--pack PACK] [--data JSON] [--glossary JSON] [--loader JS] [--offline DIR] [--map FILE]";

/// Where one language's pages go, and what each needs besides its view.
struct Out<'a> {
    site: &'a Site,
    dist: &'a Path,
    lang: Lang,
    /// The site's public address, and this language's root under it.
    public: Option<&'a str>,
    public_here: Option<&'a str>,
    painter: &'a Painter,
    map: &'a Geometry<'a>,
    /// Pictures written, and the time spent drawing them.
    pictures: std::cell::Cell<(usize, std::time::Duration)>,
}

/// One page to write.
struct Written<'a> {
    /// From the language's root: `""`, `fiches/<id>/`, `themes/insertion/`.
    path: &'a str,
    head: head::Head,
    /// Before the head's own tags (the record or the view the page is).
    first: String,
    /// After them (the page's own feeds).
    extra: String,
    notices: &'a str,
    view: &'a str,
    run: Run<'a>,
    styles: &'a [&'a str],
    after: &'a str,
    /// What its picture shows, and what it is (for the picture's words).
    preview: Option<(Preview, String)>,
    /// The view its oEmbed's iframe shows: filter, record, locked.
    embed: Option<(
        passerelles_core::engine::filter::FilterState,
        Option<String>,
        bool,
    )>,
}

impl Out<'_> {
    fn root(&self) -> &'static str {
        lang_root(self.lang)
    }

    fn write(&self, mut page: Written) {
        let dir = self.dist.join(self.root()).join(page.path);
        if let Some((picture, what)) = &page.preview {
            let started = std::time::Instant::now();
            let png = self
                .painter
                .png(&preview::svg(picture, self.map))
                .unwrap_or_else(|e| fail(&format!("the picture of {}: {e}", page.path)));
            write(&dir.join("preview.png"), &png);
            let (n, spent) = self.pictures.get();
            self.pictures.set((n + 1, spent + started.elapsed()));
            // Absolute with the public address; else from the site's root,
            // as every address of the page (its `<base>`).
            let url = match self.public_here {
                Some(p) => format!("{p}{}preview.png", page.path),
                None => format!("{}{}preview.png", self.root(), page.path),
            };
            page.head.image = Some((url, s::preview_alt(&picture.title, what)));
        }
        let mut tags = page.first;
        let og = head::tags(&page.head);
        // The front page is the site itself.
        tags.push_str(&if page.path.is_empty() {
            og.replacen("content=\"article\"", "content=\"website\"", 1)
        } else {
            og
        });
        tags.push_str(&head::alternates(self.public, page.path));
        if let (Some(public), Some(public_here), Some((filter, detail, lock))) =
            (self.public, self.public_here, &page.embed)
        {
            let src = embed::iframe_src(
                public,
                &PageParams::default(),
                filter,
                detail.as_deref(),
                SnippetOptions {
                    lock: *lock,
                    ..SnippetOptions::default()
                },
            );
            let thumbnail = page.head.image.as_ref().map(|(url, _)| url.as_str());
            let json = oembed::json(&oembed::Embed {
                provider_url: public,
                provider_name: s::APP_NAME(),
                title: &page.head.title,
                src: &src,
                frame_title: s::EMBED_IFRAME_TITLE(),
                thumbnail: thumbnail.map(|t| (t, preview::WIDTH, preview::HEIGHT)),
            });
            write(&dir.join(oembed::FILE), json.as_bytes());
            tags.push_str(&oembed::link(
                &format!("{public_here}{}{}", page.path, oembed::FILE),
                &page.head.title,
            ));
        }
        tags.push_str(&page.extra);
        let depth = page.path.matches('/').count() + usize::from(self.lang == Lang::En);
        let html = self.site.page(&Page {
            lang: self.lang,
            depth,
            title: &page.head.title,
            description: &page.head.description,
            head: &tags,
            notices: page.notices,
            view: page.view,
            run: page.run,
            styles: page.styles,
            after: page.after,
        });
        write(&dir.join("index.html"), html.as_bytes());
    }
}

/// The pages of one facet value each, and of each theme in a region where
/// a record of that very region has it (a record of national scope is
/// listed there too, but does not make the page): in vocabulary order.
fn facet_pages(catalog: &Catalog) -> Vec<Facet<'_>> {
    let mut pages: Vec<Facet> = catalog.themes.iter().map(|t| Facet::Theme(&t.id)).collect();
    pages.extend(catalog.regions.iter().map(|r| Facet::Region(&r.code)));
    pages.extend(RecordType::ALL.into_iter().map(Facet::Type));
    for t in &catalog.themes {
        for r in &catalog.regions {
            let held = catalog
                .entries
                .iter()
                .any(|e| e.themes.contains(&t.id) && e.territory.contains(&r.code));
            if held {
                pages.push(Facet::ThemeIn(&t.id, &r.code));
            }
        }
    }
    pages.retain(|f| f.path().is_some());
    pages
}

/// "Suivre cette page : les nouvelles fiches (flux Atom) · ses événements
/// dans votre agenda (iCalendar)", under a theme's or a region's view, and
/// the same feeds in the head.
fn follow(atom: &str, ics: &str, what: &str) -> (String, String) {
    let (atom, ics) = (
        format!("{}{atom}", feeds::DIR),
        format!("{}{ics}", feeds::DIR),
    );
    let head = format!(
        "<link rel=alternate type=application/atom+xml href=\"{}\" title=\"{}\">\
<link rel=alternate type=text/calendar href=\"{}\" title=\"{}\">",
        attr(&atom),
        attr(&s::feed_records_of(what)),
        attr(&ics),
        attr(&s::feed_events_of(what))
    );
    let after = format!(
        "<aside class=subscribe aria-label=\"{}\"><p>{} <a href=\"{}\" type=application/atom+xml>{}</a> · <a href=\"{}\" type=text/calendar>{}</a></p></aside>",
        attr(s::SUBSCRIBE().trim_end_matches([' ', ':'])),
        text(s::SUBSCRIBE()),
        attr(&atom),
        text(s::SUBSCRIBE_ATOM()),
        attr(&ics),
        text(s::SUBSCRIBE_ICS())
    );
    (head, after)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dist = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
    let mut pack_path = PathBuf::from("target/data-pack/passerelles.pack");
    let mut json_path = PathBuf::from("data/passerelles.json");
    let mut glossary_path: Option<PathBuf> = None;
    let mut loader_path = PathBuf::from("target/site/loader.js");
    let mut offline_dir = PathBuf::from("target/site/offline");
    let mut map_path = PathBuf::from("assets/regions.map");
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
            "--map" => map_path = value().into(),
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
    let map_text = text_of(&map_path);
    let map = Geometry::parse(&map_text);
    let painter = Painter::new().unwrap_or_else(|e| fail(&e));
    let pages = facet_pages(&loaded.catalog);
    // Every page a search engine may list, from a language's root: the
    // facet pages that hold records, the others being written for links
    // that may come but marked `noindex` while empty.
    let mut listed: Vec<String> = vec![String::new()];
    if !loaded.catalog.glossary.is_empty() {
        listed.push(GLOSSARY_PAGE.to_string());
    }
    listed.extend(
        loaded
            .catalog
            .entries
            .iter()
            .map(|e| record_page(None, &e.id)),
    );
    let mut facet_count = 0;
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
        // A large site's split pack (`make release-large`): every page is
        // written here, so every part is taken in.
        let parts: Vec<(Part, Vec<u8>)> = pack
            .parts()
            .into_iter()
            .map(|part| {
                let file = pack.part_url(&url, part).unwrap_or_default();
                let bytes = read(Path::new(&file));
                pack.open_part(part, bytes.clone())
                    .unwrap_or_else(|e| fail(&format!("{file}: {e:?}: rebuild the pack")));
                (part, bytes)
            })
            .collect();
        // The catalog's entry of each of the pack's records: a split pack
        // numbers its records in the default order, not the file's.
        let entry_of: std::collections::HashMap<&str, usize> = loaded
            .catalog
            .entries
            .iter()
            .enumerate()
            .map(|(k, e)| (e.id.as_str(), k))
            .collect();
        let entry = |i: usize| entry_of.get(pack.card(i).id).copied().unwrap_or(i);
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
        let (pack_bytes, shards) = (Arc::new(pack_bytes), Arc::new(Beside { shards, parts }));
        let notices = notices(lang);
        let public_here = public.map(|p| format!("{p}{root}"));
        let out = Out {
            site: &site,
            dist: &dist,
            lang,
            public,
            public_here: public_here.as_deref(),
            painter: &painter,
            map: &map,
            pictures: std::cell::Cell::default(),
        };
        let themes_of = |i: usize| -> Vec<String> {
            pack.card(i)
                .themes
                .iter()
                .filter_map(|&t| pack.themes.get(t))
                .map(|t| t.label.clone())
                .collect()
        };

        // The front page.
        let front_view = render(lang, pack_bytes.clone(), shards.clone(), Shown::List);
        out.write(Written {
            path: "",
            head: head::Head {
                title: s::APP_NAME().to_string(),
                description: s::SITE_DESCRIPTION().to_string(),
                url: public_here.clone(),
                json_ld: None,
                image: None,
            },
            first: String::new(),
            extra: String::new(),
            notices: &notices,
            view: &front_view,
            run: Run::App,
            styles: &[],
            after: "",
            preview: Some((
                Preview {
                    site: s::PREVIEW_SITE().to_string(),
                    kind: String::new(),
                    title: s::TAGLINE().to_string(),
                    lines: vec![worded::records_count(pack.len())],
                    themes: pack.themes.iter().map(|t| t.label.clone()).collect(),
                    regions: vec!["FR".into()],
                },
                s::PREVIEW_SITE().to_string(),
            )),
            embed: Some((Default::default(), None, false)),
        });

        // The glossary, a page of its own: its bytes stay out of the app's.
        if !loaded.catalog.glossary.is_empty() {
            let mut w = passerelles_core::wire::Writer::new();
            pack::glossary::write_view(&mut w, &loaded.catalog.glossary);
            let view = render(
                lang,
                pack_bytes.clone(),
                shards.clone(),
                Shown::Glossary(Arc::new(w.into_bytes())),
            );
            // The glossary's page runs nothing: all it does (the acronyms'
            // tips) the browser does by itself; and without a script it has
            // nothing to say of one. No embed, no picture: it is not a view.
            out.write(Written {
                path: GLOSSARY_PAGE,
                head: head::Head {
                    title: format!("{} — {}", s::GLOSSARY(), s::APP_NAME()),
                    description: s::GLOSSARY_DESCRIPTION().to_string(),
                    url: public_here.as_ref().map(|p| format!("{p}{GLOSSARY_PAGE}")),
                    json_ld: None,
                    image: None,
                },
                first: String::new(),
                extra: String::new(),
                notices: "",
                view: &view,
                run: Run::Static,
                styles: &["glossary.css"],
                after: "",
                preview: None,
                embed: None,
            });
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
            let head = head::record(&loaded.catalog, entry(i), &card, public_here.as_deref());
            let view = render(
                lang,
                pack_bytes.clone(),
                shards.clone(),
                Shown::Record(card.id.to_string()),
            );
            let badge = match card.record_type {
                RecordType::Agreement => s::BADGE_AGREEMENT(),
                RecordType::Event => s::BADGE_EVENT(),
            };
            let path = record_page(None, card.id);
            out.write(Written {
                path: &path,
                head,
                first: format!(
                    "<meta name=passerelles:record content=\"{}\">",
                    attr(card.id)
                ),
                extra: String::new(),
                notices: &notices,
                view: &view,
                run: Run::App,
                styles: &[],
                after: "",
                preview: Some((
                    Preview {
                        site: s::PREVIEW_SITE().to_string(),
                        kind: format!("{badge} · {}", card.kind),
                        title: card.title.to_string(),
                        lines: [card.date, card.place]
                            .into_iter()
                            .filter(|l| !l.is_empty())
                            .map(str::to_string)
                            .collect(),
                        themes: themes_of(i),
                        regions: loaded.catalog.entries[entry(i)].territory.clone(),
                    },
                    badge.to_string(),
                )),
                embed: Some((Default::default(), Some(card.id.to_string()), false)),
            });
        }

        // A page per theme, region and type, and per theme in a region.
        for facet in &pages {
            let Some(path) = facet.path() else { continue };
            let filter = facet.filter();
            let shown = facets::run(&pack.index, &filter).results;
            let events = shown
                .iter()
                .filter(|&&i| pack.card(i as usize).record_type == RecordType::Event)
                .count();
            let agreements = shown.len() - events;
            let theme = |id: &str| pack.theme_label(id).unwrap_or(id).to_string();
            let region = |code: &str| pack.region_name(code).unwrap_or(code).to_string();
            // French names for the feeds' files, whatever the page's language.
            let region_fr =
                |code: &str| loaded.catalog.region_name(code).unwrap_or(code).to_string();
            let (what, kind, regions, follow) = match *facet {
                Facet::Theme(t) => (
                    theme(t),
                    s::FACET_THEME(),
                    shown
                        .iter()
                        .flat_map(|&i| loaded.catalog.entries[entry(i as usize)].territory.clone())
                        .collect(),
                    Some(follow(
                        &feeds::theme_atom(t),
                        &feeds::theme_file(t),
                        &theme(t),
                    )),
                ),
                Facet::Region(r) => (
                    region(r),
                    s::FACET_REGION(),
                    vec![r.to_string()],
                    Some(follow(
                        &feeds::region_atom(&region_fr(r)),
                        &feeds::region_file(&region_fr(r)),
                        &region(r),
                    )),
                ),
                Facet::Type(t) => (
                    worded::type_label(t).to_string(),
                    s::FACET_TYPE(),
                    shown
                        .iter()
                        .flat_map(|&i| loaded.catalog.entries[entry(i as usize)].territory.clone())
                        .collect(),
                    None,
                ),
                Facet::ThemeIn(t, r) => (
                    s::facet_pair(&theme(t), &region(r)),
                    s::FACET_THEME(),
                    vec![r.to_string()],
                    None,
                ),
            };
            let url = public_here.as_ref().map(|p| format!("{p}{path}"));
            let head = head::facet(&what, agreements, events, url);
            let view_query = query::encode(&filter, None);
            let view = render(
                lang,
                pack_bytes.clone(),
                shards.clone(),
                Shown::View(view_query.clone()),
            );
            let mut first = format!(
                "<meta name=passerelles:view content=\"{}\">",
                attr(&view_query)
            );
            // Written for the links that may come, not for search engines
            // while it holds nothing.
            if shown.is_empty() {
                first.push_str("<meta name=robots content=noindex>");
            } else if lang == Lang::Fr {
                listed.push(path.clone());
            }
            let (extra, after) = follow.unwrap_or_default();
            out.write(Written {
                path: &path,
                head,
                first,
                extra,
                notices: &notices,
                view: &view,
                run: Run::App,
                styles: &[],
                after: &after,
                preview: Some((
                    Preview {
                        site: s::PREVIEW_SITE().to_string(),
                        kind: kind.to_string(),
                        title: what.clone(),
                        lines: vec![worded::records_count(shown.len())],
                        themes: Vec::new(),
                        regions,
                    },
                    kind.to_string(),
                )),
                embed: Some((filter, None, true)),
            });
            facet_count += 1;
        }
        let (pictures, spent) = out.pictures.get();
        eprintln!(
            "prerender: {pictures} pictures ({}) in {} ms",
            lang.code(),
            spent.as_millis()
        );
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
        write(
            &dist.join("sitemap.xml"),
            sitemap::sitemap(public, listed.iter().map(String::as_str)).as_bytes(),
        );
    }

    // The whole app in one file, for a disk, a USB key or a mail.
    let inside = Inside {
        glue: text_of(&offline_dir.join("passerelles.js")),
        wasm: read(&offline_dir.join("passerelles_bg.wasm")),
        pack: pack::write(&loaded, Placement::Inline).main,
        print: text_of(&dist.join("print.css")),
    };
    let offline = offline::page(
        &site,
        &inside,
        s::APP_NAME(),
        s::SITE_DESCRIPTION(),
        &notices,
        &view,
    );
    write(&dist.join("passerelles.html"), offline.as_bytes());

    eprintln!(
        "prerender: {} pages ({} records, {} of a theme, region or type, the editors' and its preview){}, robots.txt{}, passerelles.html ({} KB)",
        2 * (records + 3 + usize::from(!loaded.catalog.glossary.is_empty())) + facet_count,
        records,
        facet_count / 2,
        if public.is_some() {
            ", sitemap.xml"
        } else {
            ""
        },
        public.map_or(String::new(), |p| format!(" for {p}")),
        offline.len() / 1024
    );
}
