//! # How does the page draw the state, and hear the visitor?
//!
//! The Yew shell, in the wasm build only. [`App`] loads the pack and holds
//! the one store ([`crate::state::view::View`] behind a reducer); the
//! components ([`panel`], [`results`], [`detail`], [`embed_dialog`],
//! [`export`]) read a
//! [`Ctx`] and only render and dispatch [`Action`]s: no component keeps
//! state the URL cannot restore, except what is purely presentational (an
//! open dialog, a list's scroll window).
//!
//! Browser APIs stay at the edges: [`browser`] (address bar, history,
//! network, layout reads), [`frame`] (the host page around an embedded view)
//! and [`clipboard`]. The shell may use every layer; nothing uses it.
//!
//! The map and the timeline are not Yew components: they are an island of
//! DOM drawn by a module of their own after the first paint (`island`, in
//! that module's build only); [`where_when`] is all the page holds of them,
//! the slots it leaves and what it tells them, and they answer through the
//! address as back and forward do.

mod app;
// Exports for `make bench` (tests/bench/), in its own build only.
#[cfg(feature = "bench")]
mod bench;
mod browser;
mod clipboard;
mod detail;
pub mod embed_dialog;
mod export;
mod frame;
mod glossary;
mod highlight;
// The map and the timeline, compiled into their own module (src/bin/wherewhen.rs).
#[cfg(target_arch = "wasm32")]
pub mod island;
mod panel;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod results;
pub mod takeaway;
pub mod where_when;

use std::rc::Rc;

use yew::prelude::*;

use std::cell::RefCell;

use crate::engine::facets::Outcome;
use crate::engine::filter::FilterState;
use crate::pack::{Pack, Shard};
use crate::state::page::PageParams;
use crate::state::view::{Action, View};

pub use app::{App, Explorer, ExplorerProps};

/// Detail shards kept after they are fetched: a visitor going back and
/// forth between records of one neighbourhood fetches each shard once.
const SHARDS_KEPT: usize = 4;

/// An opened dataset, shared by every component.
pub struct Data {
    pub pack: Pack,
    /// Where the pack was fetched from: its detail shards are beside it.
    pub url: String,
    /// Records whose date is unknown, for the "date inconnue" option.
    pub undated: u32,
    /// The glossary's acronyms as written, to find in displayed text.
    pub terms: crate::engine::highlight::Terms,
    /// Each acronym's written forms and the phrases it stands for.
    pub synonyms: Vec<(Vec<String>, Vec<String>)>,
    shards: RefCell<Vec<(usize, Rc<Shard>)>>,
    /// The marks of the last outcome, kept with it: every card of a render
    /// shares them.
    pub marks: RefCell<Option<(Rc<Outcome>, Rc<crate::engine::highlight::Marks>)>>,
}

impl Data {
    pub fn new(pack: Pack, url: String) -> Data {
        let undated = pack.index.undated_count();
        let acronyms = || pack.glossary.iter().enumerate().filter(|(_, g)| g.acronym);
        let terms = crate::engine::highlight::Terms::new(
            acronyms().flat_map(|(e, g)| g.written().map(move |t| (t, e))),
        );
        let synonyms = acronyms()
            .filter_map(|(_, g)| {
                let x = g.expansion.clone()?;
                let terms = g.written().map(str::to_string).collect();
                Some((terms, std::iter::once(x).chain(g.forms.clone()).collect()))
            })
            .collect();
        Data {
            pack,
            url,
            undated,
            terms,
            synonyms,
            shards: RefCell::default(),
            marks: RefCell::default(),
        }
    }

    /// Shard `k` of the details, if it was fetched.
    pub fn shard(&self, k: usize) -> Option<Rc<Shard>> {
        let shards = self.shards.borrow();
        shards.iter().find(|(j, _)| *j == k).map(|(_, s)| s.clone())
    }

    pub fn keep_shard(&self, k: usize, shard: Rc<Shard>) {
        let mut shards = self.shards.borrow_mut();
        shards.retain(|(j, _)| *j != k);
        if shards.len() >= SHARDS_KEPT {
            shards.remove(0);
        }
        shards.push((k, shard));
    }
}

/// What every component of the explorer reads: compared by identity, since
/// each render produces them anew only when they changed.
#[derive(Clone)]
pub struct Ctx {
    pub data: Rc<Data>,
    pub view: Rc<View>,
    pub outcome: Rc<Outcome>,
    pub dispatch: Callback<Action>,
    pub page: Rc<PageParams>,
}

impl Ctx {
    /// The URL of a view of this page: filters, open record, page parameters.
    /// Relative to the site's root (every page's `<base>`), so in the
    /// page's language: `?theme=emploi`, `en/?theme=emploi&lang=en`.
    pub fn href(&self, filter: &FilterState, detail: Option<&str>) -> String {
        let q = self
            .page
            .append_to(&crate::state::query::encode(filter, detail));
        crate::state::page::view_href(crate::wording::lang(), &q)
    }
}

impl Ctx {
    /// Where a link to a record points: its own page (`fiches/<id>/`,
    /// written at build time for the shipped dataset, so a new tab or a
    /// shared link shows it with its own title and preview); for a dataset
    /// without pages (`?data=`, or the offline file, whose details are
    /// inline) and inside an embed, the explorer's `?id=` view.
    pub fn record_href(&self, id: &str) -> String {
        let pages = matches!(self.data.pack.details, crate::pack::Details::Sharded { .. });
        if self.page.data.is_some() || self.page.embed || !pages {
            return self.href(&self.view.filter, Some(id));
        }
        let root = crate::state::page::lang_root(crate::wording::lang());
        format!("{root}{}", crate::export::record_page(None, id))
    }
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && Rc::ptr_eq(&self.view, &other.view)
            && Rc::ptr_eq(&self.outcome, &other.outcome)
            && self.dispatch == other.dispatch
            && Rc::ptr_eq(&self.page, &other.page)
    }
}

/// Where index.html and the record pages hold the view rendered at build
/// time (src/bin/prerender.rs), and where the app renders its own.
#[cfg(target_arch = "wasm32")]
const PRERENDERED: &str = "app";
#[cfg(target_arch = "wasm32")]
const LIVE: &str = "live";

#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The page's language, before anything is worded: the one it was
    // written in (the loader has already sent a `lang` that asks for the
    // other to the other's pages).
    let written = gloo::utils::document()
        .document_element()
        .and_then(|h| h.get_attribute("lang"));
    crate::wording::set_lang(
        written
            .as_deref()
            .and_then(crate::wording::Lang::from_code)
            .unwrap_or_default(),
    );
    // The app renders into a root of its own, hidden by the stylesheet while
    // the prerendered view stands before it; App removes that view once it
    // has something to show in its place (see `take_over`).
    match gloo::utils::document().get_element_by_id(LIVE) {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// Takes the prerendered view out, in the same task as the render that put
/// the live one in its place, so no frame shows between: the two are the
/// same markup, and nothing moves.
fn take_over() {
    #[cfg(target_arch = "wasm32")]
    {
        let document = gloo::utils::document();
        if let Some(view) = document.get_element_by_id(PRERENDERED) {
            view.remove();
        }
        if let Some(root) = document.document_element() {
            let _ = root.remove_attribute("data-other");
        }
    }
}
