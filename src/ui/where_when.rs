//! The page's side of the map and the timeline (src/ui/island/, a module
//! of their own, fetched after the first paint): the slots the panel leaves
//! for them, and what the page tells them.
//!
//! The page's wasm pays for as little as it can, so the two talk through
//! what the page has anyway:
//!
//! - after each render, the page keeps the list's context and says so
//!   with the event `passerelles:drawn` on the window; the island then
//!   reads what it draws with one function the page's module exports as it
//!   is, without wasm-bindgen's glue (`island`, src/main.rs): it writes the
//!   numbers into the page's memory, where the island's loader copies them
//!   from ([`island`] says their layout);
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
    /// What the list last rendered.
    static SHOWN: RefCell<Option<Ctx>> = const { RefCell::new(None) };
    /// What the island last asked for.
    static BUFFER: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// A slot the island fills (`id`: [`MAP`] or [`TIMELINE`]); the stylesheet
/// gives it the island's size, so nothing moves when it is drawn.
pub fn slot(id: &'static str) -> Html {
    html! { <div {id} class="island-slot"></div> }
}

/// After a render of the list: its context, for the island to read once
/// the page has said `passerelles:drawn`.
pub fn keep(ctx: Ctx) {
    SHOWN.with(|s| *s.borrow_mut() = Some(ctx));
}

/// What the island reads, written into a buffer the page keeps until the
/// next call; the address of its first word, which says how many words
/// follow. With `days`: how many records, each one's first then last
/// possible day (as the index holds them, bits of `i32`), then the regions
/// as `code<TAB>name` lines in the panel's order and the page's language,
/// a UTF-16 unit a word. Without: which dataset (it changes when the page
/// opens another, and the island starts again), whether the regions are
/// locked, how many regions, their counts, which are chosen, the period's
/// ends (`yyyymmdd`, 0 for a part not given or no end), then the
/// timeline's set (bitset words, 32 bits each).
pub fn island(days: bool) -> *const u32 {
    SHOWN.with(|s| {
        let s = s.borrow();
        let mut out = vec![0];
        if let Some(ctx) = s.as_ref() {
            if days {
                write_days(&mut out, ctx);
            } else {
                write_state(&mut out, ctx);
            }
        }
        out[0] = out.len() as u32 - 1;
        BUFFER.with(|b| {
            let mut b = b.borrow_mut();
            *b = out;
            b.as_ptr()
        })
    })
}

fn write_days(out: &mut Vec<u32>, ctx: &Ctx) {
    let pack = &ctx.data.pack;
    let index = &pack.index;
    out.push(index.first_day.len() as u32);
    for d in index.first_day.iter().chain(&index.last_day) {
        out.push(*d as u32);
    }
    for c in &index.region_codes {
        for part in [c, "\t", pack.region_name(c).unwrap_or(c), "\n"] {
            out.extend(part.encode_utf16().map(u32::from));
        }
    }
}

fn write_state(out: &mut Vec<u32>, ctx: &Ctx) {
    let f = &ctx.view.filter;
    let regions = &ctx.outcome.regions;
    out.push(std::rc::Rc::as_ptr(&ctx.data) as u32);
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
}
