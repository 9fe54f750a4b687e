//! The Yew shell: components render the core's state and dispatch actions;
//! browser APIs stay in the edge modules [`browser`], [`frame`] (the host
//! page around an embedded view) and [`clipboard`].

mod app;
// Bench-only exports for `make bench` (tests/bench/).
mod bench;
mod browser;
mod clipboard;
mod detail;
mod embed_dialog;
mod frame;
mod panel;
mod results;

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{Catalog, Loaded};
use crate::facets::Outcome;
use crate::filter::FilterState;
use crate::index::Index;
use crate::page::PageParams;
use crate::validate::Problem;
use crate::view::{Action, View};

pub use app::{App, Explorer, ExplorerProps};

/// A loaded dataset with its index, built once and shared by every component.
pub struct Data {
    pub catalog: Catalog,
    pub index: Index,
    pub problems: Vec<Problem>,
    /// Records whose date is unknown, for the "date inconnue" option.
    pub undated: u32,
}

impl Data {
    pub fn new(loaded: Loaded) -> Data {
        let index = Index::build(&loaded.catalog);
        let undated = index.undated_count();
        Data {
            catalog: loaded.catalog,
            index,
            problems: loaded.problems,
            undated,
        }
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
        let q = self.page.append_to(&crate::query::encode(filter, detail));
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
