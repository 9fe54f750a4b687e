//! The page's side of the map and the timeline (`crates/island`, a module
//! of their own, fetched after the first paint): the slots the panel leaves
//! for them, and what the page tells them.
//!
//! The page's wasm pays for as little as it can, so the two talk through
//! what the page has anyway:
//!
//! - after each render, the page keeps the list's context and says so
//!   with the event `passerelles:drawn` on the window; the island's loader
//!   then asks for a message with one function the page's module exports
//!   as it is, without wasm-bindgen's glue (`island`, src/main.rs): [`island`]
//!   writes it into the page's memory, a `u32` length then the bytes, and
//!   the loader copies it out. The messages are the core's
//!   (`passerelles_core::bridge::island`): a `Frame` after each render, a
//!   `Dataset` when the island asks for it;
//! - what the visitor does on the island comes back as the URL, the
//!   store's mirror: the island writes the new view's address in the
//!   history and announces it with `popstate`, and the page adopts it as it
//!   adopts back and forward.

use std::cell::RefCell;

use passerelles_core::bridge::island::{Dataset, Frame, DATASET, MAP_SLOT, TIMELINE_SLOT};
use yew::prelude::*;

use crate::Ctx;

thread_local! {
    /// What the list last rendered.
    static SHOWN: RefCell<Option<Ctx>> = const { RefCell::new(None) };
    /// The last message asked for: a length (`u32`, little-endian), then
    /// the message. Kept until the next call, while the loader copies it.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The slot the map is drawn in; the stylesheet gives it the island's
/// size, so nothing moves when it is drawn.
pub fn map_slot() -> Html {
    html! { <div id={MAP_SLOT} class="island-slot"></div> }
}

/// The slot the timeline is drawn in.
pub fn timeline_slot() -> Html {
    html! { <div id={TIMELINE_SLOT} class="island-slot"></div> }
}

/// After a render of the list: its context, for the island to read once
/// the page has said `passerelles:drawn`.
pub fn keep(ctx: Ctx) {
    SHOWN.with(|s| *s.borrow_mut() = Some(ctx));
}

/// The message `kind` ([`DATASET`], or else the frame) of the list last
/// rendered, written into a buffer the page keeps until the next call: the
/// address of its length, which the message follows. An empty message
/// when nothing was rendered yet.
pub fn island(kind: u32) -> *const u8 {
    let message = SHOWN.with(|s| {
        let s = s.borrow();
        let Some(ctx) = s.as_ref() else {
            return Vec::new();
        };
        let pack = &ctx.data.pack;
        if kind == DATASET {
            Dataset::encode_of(pack, passerelles_core::wording::lang())
        } else {
            Frame::encode_of(pack, &ctx.view, &ctx.outcome)
        }
    });
    BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.extend_from_slice(&(message.len() as u32).to_le_bytes());
        b.extend_from_slice(&message);
        b.as_ptr()
    })
}
