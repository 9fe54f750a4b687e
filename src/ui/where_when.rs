//! The page's side of the map and the timeline (src/ui/island/, a module
//! of their own, fetched after the first paint): the slots the panel leaves
//! for them, and what the page tells them.
//!
//! The page's wasm pays for as little as it can, so the two talk through
//! what the page has anyway:
//!
//! - after each render of the panel, the page keeps its context and says
//!   so with the event `passerelles:drawn` on the window; the island then
//!   reads what it draws through two functions the page's module exports
//!   (`islandNames`, `islandNumbers`, src/main.rs);
//! - what the visitor does on the island comes back as the URL, the
//!   store's mirror: the island writes the new view's address in the
//!   history (pushed for a click or the first step of a drag, replaced for
//!   the next steps) and announces it with `popstate`, and the page adopts
//!   it as it adopts back and forward. A click on La Réunion is the same
//!   view, the same address and the same history step as its checkbox.

use std::cell::RefCell;

use yew::prelude::*;

use super::Ctx;

pub const MAP: &str = "map";
pub const TIMELINE: &str = "timeline";

thread_local! {
    /// What the panel last rendered.
    static SHOWN: RefCell<Option<Ctx>> = const { RefCell::new(None) };
}

/// A slot the island fills (`id`: [`MAP`] or [`TIMELINE`]); the stylesheet
/// gives it the island's size, so nothing moves when it is drawn.
pub fn slot(id: &'static str) -> Html {
    html! { <div {id} class="island-slot"></div> }
}

/// After a render of the panel: `ctx` kept for the island, which is told.
pub fn drawn(ctx: &Ctx) {
    SHOWN.with(|s| *s.borrow_mut() = Some(ctx.clone()));
    if let Ok(event) = web_sys::Event::new("passerelles:drawn") {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// The regions as `code<TAB>name` lines, in the panel's order and the
/// page's language.
pub fn names() -> String {
    SHOWN.with(|s| {
        let s = s.borrow();
        let Some(ctx) = s.as_ref() else {
            return String::new();
        };
        let pack = &ctx.data.pack;
        pack.index
            .region_codes
            .iter()
            .map(|c| format!("{c}\t{}\n", pack.region_name(c).unwrap_or(c)))
            .collect()
    })
}

/// With `days`, each record's first then last possible day (as the index
/// holds them, bits of `i32`); without, the state drawn: whether the
/// regions are locked, how many regions, their counts, which are chosen,
/// the period's ends (`yyyymmdd`, 0 for a part not given or no end), then
/// the timeline's set (bitset words, 32 bits each).
pub fn numbers(days: bool) -> Vec<u32> {
    SHOWN.with(|s| {
        let s = s.borrow();
        let Some(ctx) = s.as_ref() else {
            return Vec::new();
        };
        let index = &ctx.data.pack.index;
        let mut out = Vec::new();
        if days {
            for d in index.first_day.iter().chain(&index.last_day) {
                out.push(*d as u32);
            }
            return out;
        }
        let f = &ctx.view.filter;
        let regions = &ctx.outcome.regions;
        out.push(u32::from(!ctx.view.locks.regions.is_empty()));
        out.push(regions.len() as u32);
        for (_, n) in regions {
            out.push(*n);
        }
        for (c, _) in regions {
            out.push(u32::from(f.regions.contains(c)));
        }
        for d in [f.from, f.to] {
            out.push(d.map_or(0, |d| {
                d.year as u32 * 10_000
                    + u32::from(d.month.unwrap_or(0)) * 100
                    + u32::from(d.day.unwrap_or(0))
            }));
        }
        for w in ctx.outcome.timeline.words() {
            out.push(*w as u32);
            out.push((*w >> 32) as u32);
        }
        out
    })
}
