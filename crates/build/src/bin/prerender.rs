//! `prerender [DIST]`: the static pages of a build, rendered by the page's
//! own Yew components (Yew's server-side renderer, natively), so every page
//! shows its content before any wasm runs, and without JavaScript at all.
//!
//! Run after trunk has written DIST (`$TRUNK_STAGING_DIR` in a trunk hook,
//! see scripts/post-build.sh), with the pack the build ships
//! (`target/data-pack/passerelles.pack` and its shards) and the JSON it was
//! compiled from (for the record pages' heads). It writes:
//!
//! - `index.html`: the default view in `<div id=app>`, trunk's loader
//!   replaced by one that also behaves when the file is opened from a disk;
//! - `fiches/<id>/index.html` for every record: its detail, its own title,
//!   description, Open Graph tags and, for an event, schema.org JSON-LD;
//! - `glossaire/index.html`: the glossary, a page of its own;
//! - `robots.txt`, and `sitemap.xml` when the public address is set;
//! - `passerelles.html`: the whole app in one file (wasm, script, style and
//!   the dataset inlined) that opens from a disk with no network.
//!
//! `--template HTML` reads trunk's page from a saved copy instead of
//! DIST/index.html (scripts/post-build.sh keeps one in target/site/).
//!
//! The public address is `PASSERELLES_PUBLIC_URL` (e.g.
//! `https://example.org/outils/passerelles/`); without it every page works
//! anywhere, and only canonical links, `og:url` and the sitemap are left out.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use passerelles_core::data::catalog::{load_bytes, Loaded};
use passerelles_core::data::glossary::load_json as load_glossary;
use passerelles_core::export::{public_base, record_page, GLOSSARY_PAGE};
use passerelles_core::pack::{self, Pack, Placement};
use passerelles_build::site::{head, html, offline, sitemap};
use passerelles_core::state::page::lang_root;
use passerelles_core::state::page::DEFAULT_DATA;
use passerelles::{prerender, App, Data};
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

/// A page's own head: its title and description in place of the
/// template's, then `first`, its Open Graph tags and its `hreflang` links
/// to `path` (from the site's root) in both languages.
fn page_head(
    page: &mut String,
    head: &head::Head,
    first: &str,
    public: Option<&str>,
    path: &str,
) -> Result<(), String> {
    html::set_title(page, &head.title)?;
    html::set_description(page, &head.description)?;
    html::into_head(
        page,
        &format!(
            "{first}{}{}",
            head::tags(head),
            head::alternates(public, path)
        ),
    )
}

/// The template's words in `lang`: `<html lang>`, and what index.html says
/// itself (no script, a page opened from a file), which must be there to be
/// replaced.
fn speak(page: &mut String, lang: Lang) -> Result<(), String> {
    if lang == Lang::Fr {
        return Ok(());
    }
    use passerelles_core::wording::{en, fr};
    // Trunk's minifier may have dropped the quotes.
    let quoted = format!("<html lang=\"{}\"", fr::HTML_LANG);
    let bare = format!("<html lang={}", fr::HTML_LANG);
    let html_tag = if page.contains(&quoted) { quoted } else { bare };
    for (from, to) in [
        (
            html_tag.as_str(),
            format!("<html lang=\"{}\"", en::HTML_LANG),
        ),
        (fr::NOSCRIPT, en::NOSCRIPT.to_string()),
        (fr::FILE_NOTICE, en::FILE_NOTICE.to_string()),
    ] {
        // The glossary's page has no noscript note (html::drop_noscript).
        if !page.contains(from) && from == fr::NOSCRIPT {
            continue;
        }
        // Attributes as trunk's minifier writes them.
        let unquoted = from.replace("href=\"passerelles.html\"", "href=passerelles.html");
        if !page.contains(from) && page.contains(&unquoted) {
            *page = page.replacen(&unquoted, &to, 1);
            continue;
        }
        if !page.contains(from) {
            return Err(format!(
                "index.html no longer says « {from} »: src/wording/fr.rs and index.html must agree"
            ));
        }
        *page = page.replacen(from, &to, 1);
    }
    Ok(())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dist = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
    let mut pack_path = PathBuf::from("target/data-pack/passerelles.pack");
    let mut json_path = PathBuf::from("data/passerelles.json");
    let mut glossary_path: Option<PathBuf> = None;
    let mut template_path: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--pack" => pack_path = value().into(),
            "--data" => json_path = value().into(),
            "--template" => template_path = Some(value().into()),
            "--glossary" => glossary_path = Some(value().into()),
            other if !other.starts_with('-') => dist = Some(other.into()),
            other => fail(&format!(
                "unknown argument {other}\nusage: prerender [DIST] [--pack PACK] [--data JSON] [--glossary JSON] [--template HTML]"
            )),
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

    let index_path = dist.join("index.html");
    // Trunk's page, as it wrote it (a saved copy lets the pages be written
    // again, e.g. with another public address, without a new build).
    let template_path = template_path.unwrap_or_else(|| index_path.clone());
    let trunk_html = String::from_utf8(read(&template_path))
        .unwrap_or_else(|_| fail(&"index.html is not UTF-8"));
    let (mut template, assets) = html::take_loader(&trunk_html).unwrap_or_else(|e| fail(&e));
    let step = |r: Result<(), String>| r.unwrap_or_else(|e| fail(&e));
    let css = String::from_utf8(read(&dist.join(assets.css.trim_start_matches("./"))))
        .unwrap_or_else(|_| fail(&"the stylesheet is not UTF-8"));
    step(html::inline_style(&mut template, &assets.css, &css));
    // The glossary's page runs nothing: all it does (the acronyms' tips)
    // the browser does by itself.
    let mut still = template.clone();
    step(html::into_head(&mut still, html::PRINT_LINK));
    step(html::into_head(&mut template, &html::loader(&assets)));
    if let Some(public) = public {
        // The embed snippet and "Voir en plein écran" use it (ui::browser).
        step(html::into_head(
            &mut template,
            &format!(
                "<meta name=\"passerelles:public-url\" content=\"{}\">",
                html::attr(public)
            ),
        ));
    }

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
    let mut french: Option<(String, usize)> = None;
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
        // The template in this language: its own words, its `lang`, and
        // the site's address as this language's pages have it.
        let mut template = template.clone();
        let mut still = still.clone();
        for page in [&mut template, &mut still] {
            step(speak(page, lang));
        }
        let public_here = public.map(|p| format!("{p}{root}"));
        let public_here = public_here.as_deref();
        // Each page one folder deeper in English: its <base> is the root.
        let up = |depth: usize| "../".repeat(depth + usize::from(lang == Lang::En));

        // The front page.
        let mut index = template.clone();
        if lang == Lang::En {
            step(html::set_base(&mut index, &up(0)));
        }
        step(html::into_head(
            &mut index,
            &format!(
                "{}{}",
                head::front(public_here, s::SITE_DESCRIPTION()),
                head::alternates(public, "")
            ),
        ));
        step(html::fill_view(
            &mut index,
            &render(lang, pack_bytes.clone(), shards.clone(), Shown::List),
        ));
        write(&dist.join(root).join("index.html"), index.as_bytes());

        // The glossary, a page of its own: its bytes stay out of the app's.
        if !loaded.catalog.glossary.is_empty() {
            let mut w = passerelles_core::wire::Writer::new();
            pack::glossary::write_view(&mut w, &loaded.catalog.glossary);
            let mut page = still.clone();
            step(html::into_head(&mut page, html::GLOSSARY_LINK));
            step(html::drop_noscript(&mut page));
            // No app will take this view over: it is the page (the tests wait
            // for a take-over on every other page).
            step(html::mark_root(&mut page, "data-static"));
            step(html::set_base(&mut page, &up(1)));
            let head = head::Head {
                title: format!("{} — {}", s::GLOSSARY(), s::APP_NAME()),
                description: s::GLOSSARY_DESCRIPTION().to_string(),
                url: public_here.map(|p| format!("{p}{GLOSSARY_PAGE}")),
                json_ld: None,
            };
            step(page_head(&mut page, &head, "", public, GLOSSARY_PAGE));
            step(html::fill_view(
                &mut page,
                &render(
                    lang,
                    pack_bytes.clone(),
                    shards.clone(),
                    Shown::Glossary(Arc::new(w.into_bytes())),
                ),
            ));
            write(
                &dist.join(root).join(GLOSSARY_PAGE).join("index.html"),
                page.as_bytes(),
            );
        }

        // A page per record, one folder deeper: its <base> makes every address
        // of the template (assets, data, links) resolve from the root.
        for i in 0..pack.len() {
            let card = pack.card(i);
            let head = head::record(&loaded.catalog, i, &card, public_here);
            let mut page = template.clone();
            step(html::set_base(&mut page, &up(2)));
            let record = format!(
                "<meta name=\"passerelles:record\" content=\"{}\">",
                html::attr(card.id)
            );
            step(page_head(
                &mut page,
                &head,
                &record,
                public,
                &record_page(None, card.id),
            ));
            step(html::fill_view(
                &mut page,
                &render(
                    lang,
                    pack_bytes.clone(),
                    shards.clone(),
                    Shown::Record(card.id.to_string()),
                ),
            ));
            write(
                &dist
                    .join(root)
                    .join(record_page(None, card.id))
                    .join("index.html"),
                page.as_bytes(),
            );
        }
        if lang == Lang::Fr {
            french = Some((index, pack.len()));
        }
    }
    set_lang(Lang::Fr);
    let Some((index, records)) = french else {
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
    let offline = offline::page(
        &index,
        &assets,
        &|name| read(&dist.join(name.trim_start_matches("./"))),
        &pack::write(&loaded, Placement::Inline).main,
    )
    .unwrap_or_else(|e| fail(&e));
    write(&dist.join("passerelles.html"), offline.as_bytes());

    eprintln!(
        "prerender: {} pages ({} records){}, robots.txt{}, passerelles.html ({} KB)",
        2 * (records + 1 + usize::from(!loaded.catalog.glossary.is_empty())),
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
