//! What every component reads: the opened dataset ([`Data`]) and, for one
//! render, the view, its outcome and the way to change it ([`Ctx`]).
//!
//! Every component takes the whole [`Ctx`] and compares it by identity
//! (`Rc::ptr_eq`): narrow props would compare field by field and cost
//! bytes in every component for a page this size; a render makes a new
//! `Ctx` only when the store, the outcome or the dataset changed.

use std::rc::Rc;

use yew::prelude::*;

use std::cell::RefCell;

use passerelles_core::engine::facets::Outcome;
use passerelles_core::engine::filter::FilterState;
use passerelles_core::pack::{Pack, Shard};
use passerelles_core::state::page::PageParams;
use passerelles_core::state::view::{Action, View};

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
    pub terms: passerelles_core::engine::highlight::Terms,
    /// Each acronym's written forms and the phrases it stands for.
    pub synonyms: Vec<(Vec<String>, Vec<String>)>,
    shards: RefCell<Vec<(usize, Rc<Shard>)>>,
    /// A split pack's parts, fetched as views need them.
    pub arrivals: crate::arrivals::Arrivals,
    /// The marks of the last outcome, kept with it: every card of a render
    /// shares them.
    pub marks: RefCell<Option<(Rc<Outcome>, Rc<passerelles_core::engine::highlight::Marks>)>>,
}

impl Data {
    pub fn new(pack: Pack, url: String) -> Data {
        let undated = pack.undated_count();
        let acronyms = || pack.glossary.iter().enumerate().filter(|(_, g)| g.acronym);
        let terms = passerelles_core::engine::highlight::Terms::new(
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
            arrivals: Default::default(),
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
    /// How many of a split pack's parts had arrived at this render: cards
    /// that arrive render the list again.
    pub arrived: u32,
}

impl Ctx {
    /// The URL of a view of this page: filters, open record, page parameters.
    /// Relative to the site's root (every page's `<base>`), so in the
    /// page's language: `?theme=emploi`, `en/?theme=emploi&lang=en`.
    pub fn href(&self, filter: &FilterState, detail: Option<&str>) -> String {
        let q = self
            .page
            .append_to(&passerelles_core::state::query::encode(filter, detail));
        passerelles_core::state::page::view_href(passerelles_core::wording::lang(), &q)
    }
}

impl Ctx {
    /// Whether the dataset shown has pages of its own, written at build
    /// time: the shipped one, whose details are in shards; not a `?data=`
    /// file, nor the offline file (details inline), and not inside an embed,
    /// whose links stay in the frame.
    fn has_pages(&self) -> bool {
        self.page.data.is_none()
            && !self.page.embed
            && matches!(
                self.data.pack.details,
                passerelles_core::pack::Details::Sharded { .. }
            )
    }

    /// Where a link to a record points: its own page (`fiches/<id>/`,
    /// so a new tab or a shared link shows it with its own title and
    /// preview); without pages, the explorer's `?id=` view.
    pub fn record_href(&self, id: &str) -> String {
        if !self.has_pages() {
            return self.href(&self.view.filter, Some(id));
        }
        let root = passerelles_core::state::page::lang_root(passerelles_core::wording::lang());
        format!("{root}{}", passerelles_core::export::record_page(None, id))
    }

    /// Where a theme chip or a region's name points: the page of that
    /// theme or region (`themes/insertion/`, `regions/la-reunion/`); without
    /// pages, the explorer's `?theme=…` (`?region=…`) view.
    pub fn facet_href(&self, facet: passerelles_core::export::pages::Facet) -> String {
        match facet.path() {
            Some(path) if self.has_pages() => format!(
                "{}{path}",
                passerelles_core::state::page::lang_root(passerelles_core::wording::lang())
            ),
            _ => self.href(&facet.filter(), None),
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
            && self.arrived == other.arrived
    }
}
