//! # How does the page draw the state, and hear the visitor?
//!
//! The Yew shell, in the wasm build only. [`App`] loads the pack and holds
//! the one store ([`crate::state::view::View`] behind a reducer); the
//! components ([`panel`], [`results`], [`detail`], [`embed_dialog`]) read a
//! [`Ctx`] and only render and dispatch [`Action`]s: no component keeps
//! state the URL cannot restore, except what is purely presentational (an
//! open dialog, a list's scroll window).
//!
//! Browser APIs stay at the edges: [`browser`] (address bar, history,
//! network, layout reads), [`frame`] (the host page around an embedded view)
//! and [`clipboard`]. The shell may use every layer; nothing uses it.

mod app;
// Exports for `make bench` (tests/bench/), in its own build only.
#[cfg(feature = "bench")]
mod bench;
mod browser;
mod clipboard;
mod detail;
mod embed_dialog;
mod frame;
mod glossary;
mod highlight;
mod panel;
mod results;

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
    pub fn href(&self, filter: &FilterState, detail: Option<&str>) -> String {
        let q = self
            .page
            .append_to(&crate::state::query::encode(filter, detail));
        if q.is_empty() {
            "?".to_string()
        } else {
            q
        }
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

pub fn start() {
    yew::Renderer::<App>::new().render();
}
