//! Where a split pack's parts stand (docs/pack-format.md, kinds 4 and 5):
//! asked for, on their way, arrived, or failed, and who to tell.
//!
//! A large dataset comes as a boot file, enough for the first view, and
//! parts the page fetches when a view needs them (`fetch_parts.rs` fetches
//! them). This is the record an opened dataset keeps of them
//! (`Data::arrivals`): a leaf, so that the dataset's holder and the
//! fetching both depend on it, never on each other.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use passerelles_core::pack::Part;

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

    /// Takes note that `part` is asked for: false when it was already (it
    /// is here or on its way), or while a failure stands (the page says
    /// why, and its "Réessayer" asks again).
    pub fn start(&self, part: Part) -> bool {
        if self.failed.get().is_some() || self.asked.borrow().contains(&part) {
            return false;
        }
        self.asked.borrow_mut().push(part);
        self.on_the_way.set(self.on_the_way.get() + 1);
        true
    }

    /// Takes note of how `part` ended (taken in, or why not), and renders
    /// the explorer again.
    pub fn end(&self, part: Part, taken: Result<(), Failure>) {
        self.on_the_way.set(self.on_the_way.get() - 1);
        match taken {
            Ok(()) => self.arrived.set(self.arrived.get() + 1),
            Err(failure) => {
                // Asked again after a retry.
                self.asked.borrow_mut().retain(|p| *p != part);
                self.failed.set(Some(failure));
            }
        }
        self.redraw();
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
