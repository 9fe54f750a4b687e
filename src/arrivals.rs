//! A split pack's parts on their way (docs/pack-format.md, kinds 4 and 5).
//!
//! A large dataset comes as a boot file, enough for the first view, and
//! parts the page fetches when a view needs them: the index's sets right
//! after the first paint, another sort order, a block of cards as the list
//! scrolls, a chunk of the search's words as a word is typed, a block of
//! ids for a record asked for by its id. Any component asks for the parts
//! it lacks ([`ask`]); each is fetched once, checked and taken in by the
//! core (`Pack::open_part`: a part of another build, or damaged, is
//! refused, never read as this pack's), and each arrival renders the
//! explorer again, so the view that waited for it appears. A whole pack
//! lacks nothing and never asks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::browser::{self, FetchError};
use crate::context::Data;
use passerelles_core::pack::{Part, ShardError};

/// Whether this page reads split packs (feature `split`: a large site's
/// build, `make release-large`, and the bench's). The shipped site's
/// dataset is whole: its page opens whole packs only (`Pack::open_whole`),
/// and every path that only a split pack takes is cut on this constant, so
/// that the parts' readers and the waiting views stay out of its module.
pub const SPLIT: bool = cfg!(feature = "split");

/// Why a part could not be used: the page says so and offers what mends
/// it (another try, or a reload when the site changed under the page).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Failure {
    /// The network failed, or the host answered with an error.
    Unavailable,
    /// Gone from the host (its name is its content: the site was rebuilt),
    /// or not this pack's part: only a reload can mend it.
    Stale,
}

/// The parts of one opened pack: asked for, arrived, failed.
#[derive(Default)]
pub struct Arrivals {
    /// Asked for and not failed: fetched, or on their way. Each part is
    /// asked for once, however many renders need it meanwhile.
    asked: RefCell<Vec<Part>>,
    /// How many parts have been taken in: a view that waited for one
    /// depends on it, so an arrival renders it again.
    arrived: Cell<u32>,
    /// Asked for and not arrived nor failed yet.
    on_the_way: Cell<u32>,
    failed: Cell<Option<Failure>>,
    /// Renders the explorer again (set by the explorer).
    redraw: RefCell<Option<Rc<dyn Fn()>>>,
}

impl Arrivals {
    /// How many parts have arrived so far.
    pub fn arrived(&self) -> u32 {
        self.arrived.get()
    }

    pub fn failed(&self) -> Option<Failure> {
        self.failed.get()
    }

    /// Whether a part is on its way: the view shows it is waiting.
    pub fn waiting(&self) -> bool {
        self.on_the_way.get() > 0 && self.failed.get().is_none()
    }

    /// How the explorer is rendered again when a part arrives.
    pub fn on_arrival(&self, redraw: Rc<dyn Fn()>) {
        *self.redraw.borrow_mut() = Some(redraw);
    }

    /// Forgets the failure, so that the parts still lacking are asked for
    /// again at the next render ("Réessayer").
    pub fn retry(&self) {
        self.failed.set(None);
        self.redraw();
    }

    fn redraw(&self) {
        let redraw = self.redraw.borrow().clone();
        if let Some(redraw) = redraw {
            redraw();
        }
    }
}

/// The blocks of cards the records at `rows` (a list's rows on screen)
/// still lack.
pub fn ask_cards(data: &Rc<Data>, rows: impl IntoIterator<Item = usize>) {
    if SPLIT {
        ask(data, data.pack.lacking_cards(rows));
    }
}

/// Fetches those of `parts` not asked for yet. A render that lacks a part
/// asks for it as it renders: asking twice is asking once, and it only
/// starts a download, whose arrival is a render of its own; so it needs no
/// effect hook (each costs the page's module its code). Nothing is asked
/// while a failure stands: the page says why, and its "Réessayer" asks
/// again.
pub fn ask(data: &Rc<Data>, parts: impl IntoIterator<Item = Part>) {
    if !SPLIT {
        return;
    }
    let arrivals = &data.arrivals;
    if arrivals.failed.get().is_some() {
        return;
    }
    for part in parts {
        if arrivals.asked.borrow().contains(&part) {
            continue;
        }
        let Some(url) = data.pack.part_url(&data.url, part) else {
            continue;
        };
        arrivals.asked.borrow_mut().push(part);
        arrivals.on_the_way.set(arrivals.on_the_way.get() + 1);
        let data = data.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let taken = match browser::fetch_bytes(&url, &|_| {}).await {
                Ok(bytes) => data.pack.open_part(part, bytes).map_err(|e| match e {
                    ShardError::Stale | ShardError::Damaged => Failure::Stale,
                }),
                // Parts are named by their content: a page older than the
                // site asks for names that are gone.
                Err(FetchError::Status(404)) => Err(Failure::Stale),
                Err(_) => Err(Failure::Unavailable),
            };
            let arrivals = &data.arrivals;
            arrivals.on_the_way.set(arrivals.on_the_way.get() - 1);
            match taken {
                Ok(()) => arrivals.arrived.set(arrivals.arrived.get() + 1),
                Err(failure) => {
                    // Asked again after a retry.
                    arrivals.asked.borrow_mut().retain(|p| *p != part);
                    arrivals.failed.set(Some(failure));
                }
            }
            arrivals.redraw();
        });
    }
}
