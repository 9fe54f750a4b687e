//! # Passerelles' map and timeline: how are they drawn, outside Yew?
//!
//! The region map and the timeline are filters as much as the checkboxes
//! and the `Du`/`Au` fields beside them, but the first paint never needs
//! them: the page shows its results from the HTML alone, then the app
//! takes over. So they are an island: a DOM of their own, drawn by a wasm
//! module of their own (this crate's `wherewhen` binary, loaded by
//! `assets/wherewhen.mjs`) that the page fetches once its first results
//! are painted, with the region outlines compiled in. Written with web-sys
//! calls rather than a second copy of Yew, the module is a small download
//! where Yew's runtime alone would be several times its size, and the
//! page's own wasm pays only for two empty slots and the bridge
//! (`src/where_when.rs` in the page's crate).
//!
//! State still flows one way. The page's store is the only state: after
//! each render of the panel the page tells the island (the event
//! `passerelles:drawn`), and the island reads what it draws through the
//! page's export: a [`Frame`] (the region facet's counts and choices, the
//! records of the timeline's set, the period) and, once per dataset, a
//! [`Dataset`], both defined once in the core
//! (`passerelles_core::bridge::island`), and repaints in place, keeping
//! focus and listeners. What the visitor does on the island
//! ([`Intent`]) goes back the way back and forward do: the page's own
//! reducer makes it the new view's address ([`step`]: the same
//! `View::apply` and locks as the page's clicks), the island writes it in
//! the history and announces it with `popstate`; the page adopts it. A click on La Réunion
//! is the view, the address and the history step its checkbox gives, and
//! a drag pushes one history entry, its later steps replacing it.
//!
//! What is pure lives in the core and is tested natively: the shapes and
//! their shades ([`passerelles_core::state::map`]), the bars' counts
//! ([`passerelles_core::engine::timeline`]), the brush and its keys
//! ([`passerelles_core::state::brush`]). Here: the elements, their attributes, the
//! events ([`map`], [`timeline`], [`dom`]).

// web-sys exists only in the wasm build: natively this crate is empty (its
// pure parts are the core's, tested there).
#![cfg(target_arch = "wasm32")]

mod dom;
mod map;
mod timeline;

use std::cell::RefCell;

use passerelles_core::bridge::island::{
    step, Dataset, Frame, Intent, RegionMark, IN_SHEET, MAP_SLOT, TIMELINE_SLOT,
};
use passerelles_core::bridge::Refused;
use passerelles_core::engine::bitset::Bitset;
use passerelles_core::engine::timeline::{histogram, Months};
use passerelles_core::wording::set_lang;

struct Island {
    /// The dataset drawn: its build, its regions `(code, name)` in the
    /// panel's order, its records' days by month.
    build: u64,
    regions: Vec<(String, String)>,
    months: Months,
    /// The frame last drawn: a render that changed none of it costs nothing more.
    drawn: Option<Frame>,
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

/// Hands an intent to the page: the view it asks for, as the page's own
/// reducer makes it ([`step`]), written in the history (pushed, or
/// replacing the entry when it continues a gesture, or in the filters'
/// sheet), then `popstate`,
/// which the page answers by adopting the address. Never while the island
/// is borrowed: the page repaints the island before this returns (the
/// page renders synchronously on `popstate`, announces
/// `passerelles:drawn`, and the island's loader calls [`draw`]; were the
/// page to render later, the island would simply repaint later).
fn send(intent: Intent) {
    let Some(location) = gloo::utils::window().location().search().ok() else {
        return;
    };
    let Some(step) = step(&location, intent) else {
        return;
    };
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let address = if step.address.is_empty() {
        // An empty query keeps the path and drops the old query.
        "?".to_string()
    } else {
        step.address
    };
    // In the filters' sheet, its entry is replaced, and keeps its state:
    // what is chosen in one opening is one step, as the page's own steps
    // there are (IN_SHEET).
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let in_sheet = state.as_string().as_deref() == Some(IN_SHEET);
    let written = if step.replace || in_sheet {
        let state = if in_sheet {
            state
        } else {
            wasm_bindgen::JsValue::NULL
        };
        history.replace_state_with_url(&state, "", Some(&address))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
    };
    if written.is_err() {
        return;
    }
    if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// Starts the island for a dataset (a [`Dataset`] message from the page).
pub fn start(message: &[u8]) -> Result<(), Refused> {
    let dataset = Dataset::decode(message)?;
    set_lang(dataset.lang);
    let (first, last): (Vec<i32>, Vec<i32>) = dataset.days.iter().copied().unzip();
    ISLAND.with(|cell| {
        *cell.borrow_mut() = Some(Island {
            build: dataset.build,
            regions: dataset.regions,
            months: Months::new(&first, &last),
            drawn: None,
            map: None,
            timeline: None,
        });
    });
    Ok(())
}

/// Paints the island from a [`Frame`] of the page. `Ok(false)`: the
/// island has not started on that frame's dataset, and needs its
/// [`Dataset`] first.
pub fn draw(message: &[u8]) -> Result<bool, Refused> {
    let frame = Frame::decode(message)?;
    let known = with(|island| Some(island.build == frame.build)).unwrap_or(false);
    if !known {
        return Ok(false);
    }
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
        if in_place && island.drawn.as_ref() == Some(&frame) {
            return Some(());
        }
        // Kept before painting: a focus or a hover during the paint reads it.
        island.drawn = Some(frame.clone());
        if let Some(slot) = map_slot {
            if !island.map.as_ref().is_some_and(|m| m.is_in(&slot)) {
                island.map = map::MapView::build(&slot, &island.regions);
            }
            if let Some(m) = island.map.as_mut() {
                let counts: Vec<u32> = frame.regions.iter().map(|m| m.count).collect();
                let chosen: Vec<bool> = frame
                    .regions
                    .iter()
                    .map(|m: &RegionMark| m.chosen)
                    .collect();
                m.paint(&island.regions, &counts, &chosen, frame.locked);
            }
        }
        if let Some(slot) = timeline_slot {
            if !island.timeline.as_ref().is_some_and(|t| t.is_in(&slot)) {
                island.timeline = timeline::TimelineView::build(&slot);
            }
            let n = island.months.len();
            let set = Bitset::from_words(n, frame.timeline.iter().copied());
            let hist = histogram(&island.months, &set);
            let covered = hist
                .axis
                .and_then(|axis| axis.covered(frame.from, frame.to));
            if let Some(t) = island.timeline.as_mut() {
                t.paint(&hist, covered);
            }
        }
        Some(())
    });
    Ok(true)
}
