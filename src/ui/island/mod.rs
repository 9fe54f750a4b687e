//! # How are the map and the timeline drawn, outside Yew?
//!
//! The region map and the timeline are filters as much as the checkboxes
//! and the `Du`/`Au` fields beside them, but the first paint never needs
//! them: the page shows its results from the HTML alone, then the app
//! takes over. So they are an island: a DOM of their own, drawn by a wasm
//! module of their own (`src/bin/wherewhen.rs`, loaded by
//! `assets/wherewhen.mjs`) that the page fetches once its first results
//! are painted, with the region outlines compiled in. Written with web-sys
//! calls rather than a second copy of Yew, the module is a small download
//! where Yew's runtime alone would be several times its size, and the
//! page's own wasm pays only for two empty slots and the bridge
//! (`src/ui/where_when.rs`).
//!
//! State still flows one way. The page's store is the only state: after
//! each render of the panel the page tells the island (the event
//! `passerelles:drawn`), and the island reads what it draws through the
//! page's exports (src/ui/where_when.rs: the region facet's counts and
//! choices, the records of the timeline's set, the period) and repaints in
//! place, keeping focus and listeners. What the visitor does on the island
//! ([`Intent`]) goes back the way back and forward do: the island writes
//! the new view's address in the history, as the page writes it, and
//! announces it with `popstate`; the page adopts it. A click on La Réunion
//! is the view, the address and the history step its checkbox gives, and
//! a drag pushes one history entry, its later steps replacing it.
//!
//! What is pure lives in the core and is tested natively: the shapes and
//! their shades ([`crate::state::map`]), the bars' counts
//! ([`crate::engine::timeline`]), the brush and its keys
//! ([`crate::state::brush`]). Here: the elements, their attributes, the
//! events ([`map`], [`timeline`], [`dom`]).

mod dom;
mod map;
mod timeline;

use std::cell::RefCell;

use crate::data::date::PartialDate;
use crate::engine::bitset::Bitset;
use crate::engine::timeline::{histogram, Months};
use crate::state::{page::PageParams, query};
use crate::ui::browser;

use crate::ui::where_when::{MAP as MAP_SLOT, TIMELINE as TIMELINE_SLOT};

/// What the visitor asked for on the island, for the page to dispatch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// A region (or the national scope) ticked or unticked.
    Region(String),
    /// A period chosen (both ends `None`: cleared); `continues` a gesture.
    Period {
        from: Option<PartialDate>,
        to: Option<PartialDate>,
        continues: bool,
    },
}

struct Island {
    /// The region vocabulary, `(code, name)`, in the panel's order.
    regions: Vec<(String, String)>,
    months: Months,
    counts: Vec<u32>,
    selected: Vec<bool>,
    locked: bool,
    /// What the last repaint drew: a render that changed none of it costs
    /// nothing more.
    drawn: Vec<u32>,
    map: Option<map::MapView>,
    timeline: Option<timeline::TimelineView>,
}

thread_local! {
    static ISLAND: RefCell<Option<Island>> = const { RefCell::new(None) };
}

/// Runs `f` on the island, unless it is not started or already busy (an
/// event that fires while the island repaints, a focus lost to a removed
/// element, waits for nothing and does nothing).
fn with<R>(f: impl FnOnce(&mut Island) -> Option<R>) -> Option<R> {
    ISLAND.with(|cell| {
        let mut island = cell.try_borrow_mut().ok()?;
        f(island.as_mut()?)
    })
}

/// Hands an intent to the page: the view it asks for written in the
/// history (pushed, or replacing the entry when it continues a gesture),
/// then `popstate`, which the page answers by adopting the address. Never
/// while the island is borrowed: the page repaints the island before this
/// returns.
fn send(intent: Intent) {
    // A host page's locked regions stay as they are (the page would impose
    // them again, after a useless history step).
    let locked = with(|island| Some(island.locked)).unwrap_or(true);
    if locked && matches!(intent, Intent::Region(_)) {
        return;
    }
    let search = browser::search();
    let (mut filter, _) = query::decode(&search);
    let continues = match intent {
        Intent::Region(code) => {
            if !filter.regions.remove(&code) {
                filter.regions.insert(code);
            }
            false
        }
        Intent::Period {
            from,
            to,
            continues,
        } => {
            (filter.from, filter.to) = (from, to);
            continues
        }
    };
    let target = PageParams::decode(&search).append_to(&query::encode(&filter, None));
    if continues {
        browser::replace(&target);
    } else {
        browser::push(&target);
    }
    if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// Starts the island for a dataset, from the page's `island(1)`
/// (src/ui/where_when.rs): how many records, each one's first then last
/// possible day (the index's days, as `u32` bits), then the regions as
/// `code<TAB>name` lines in the vocabulary's order, a UTF-16 unit a word.
pub fn start(numbers: &[u32]) {
    let Some((&n, rest)) = numbers.split_first() else {
        return;
    };
    let n = (n as usize).min(rest.len() / 2);
    let (first, rest) = rest.split_at(n);
    let (last, names) = rest.split_at(n);
    let names = String::from_utf16_lossy(&names.iter().map(|&u| u as u16).collect::<Vec<u16>>());
    let regions = names
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(code, name)| (code.to_string(), name.to_string()))
        .collect();
    let day = |d: &[u32]| d.iter().map(|&d| d as i32).collect::<Vec<i32>>();
    ISLAND.with(|cell| {
        *cell.borrow_mut() = Some(Island {
            regions,
            months: Months::new(&day(first), &day(last)),
            counts: Vec::new(),
            selected: Vec::new(),
            locked: false,
            drawn: Vec::new(),
            map: None,
            timeline: None,
        });
    });
}

/// Paints the island from the page's state, as its `island(0)` gives it
/// (src/ui/where_when.rs): which dataset, whether the host page locked the
/// regions, the region facet's counts and which regions are chosen (in
/// vocabulary order), the period's ends, the timeline's set of records.
pub fn draw(numbers: &[u32]) {
    with(|island| {
        let document = dom::document();
        let (map_slot, timeline_slot) = (
            document.get_element_by_id(MAP_SLOT),
            document.get_element_by_id(TIMELINE_SLOT),
        );
        // Nothing new, and both drawn where they stand.
        let in_place = island
            .map
            .as_ref()
            .zip(map_slot.as_ref())
            .is_some_and(|(m, s)| m.is_in(s))
            && island
                .timeline
                .as_ref()
                .zip(timeline_slot.as_ref())
                .is_some_and(|(t, s)| t.is_in(s));
        if in_place && island.drawn == numbers {
            return Some(());
        }
        island.drawn = numbers.to_vec();
        let (_dataset, rest) = numbers.split_first()?;
        let (&locked, rest) = rest.split_first()?;
        let (&n, rest) = rest.split_first()?;
        let n = n as usize;
        let (counts, rest) = rest.split_at_checked(n)?;
        let (selected, rest) = rest.split_at_checked(n)?;
        let (period, set) = rest.split_at_checked(2)?;
        let locked = locked != 0;
        island.counts = counts.to_vec();
        island.selected = selected.iter().map(|&b| b != 0).collect();
        island.locked = locked;
        if let Some(slot) = map_slot {
            if !island.map.as_ref().is_some_and(|m| m.is_in(&slot)) {
                island.map = map::MapView::build(&slot, &island.regions);
            }
            if let Some(m) = island.map.as_mut() {
                m.paint(&island.regions, &island.counts, &island.selected, locked);
            }
        }
        if let Some(slot) = timeline_slot {
            if !island.timeline.as_ref().is_some_and(|t| t.is_in(&slot)) {
                island.timeline = timeline::TimelineView::build(&slot);
            }
            let n = island.months.len();
            let words = set
                .chunks(2)
                .map(|w| u64::from(w[0]) | u64::from(*w.get(1).unwrap_or(&0)) << 32);
            let hist = histogram(&island.months, &Bitset::from_words(n, words));
            let covered = hist
                .axis
                .and_then(|axis| axis.covered(date(period[0]), date(period[1])));
            if let Some(t) = island.timeline.as_mut() {
                t.paint(&hist, covered);
            }
        }
        Some(())
    });
}

/// A period's end as the page sends it, `yyyymmdd` (0 for a part not
/// given, 0 altogether for no end).
fn date(n: u32) -> Option<PartialDate> {
    let (year, month, day) = (n / 10_000, (n / 100 % 100) as u8, (n % 100) as u8);
    (year > 0).then_some(PartialDate {
        year: year as i32,
        month: (month > 0).then_some(month),
        day: (day > 0 && month > 0).then_some(day),
    })
}
