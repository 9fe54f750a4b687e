//! # Passerelles' page: how does it draw the state, and hear the visitor?
//!
//! The Yew shell over the core (`passerelles-core`), in the wasm build, and
//! natively only for the build-time render (feature `prerender`). [`App`]
//! loads the pack and holds the one store
//! ([`passerelles_core::state::view::View`] behind a reducer); the
//! components ([`panel`], [`results`], [`detail`], [`embed_dialog`],
//! [`export`]) read a [`Ctx`] and only render and dispatch [`Action`]s: no
//! component keeps state the URL cannot restore, except what is purely
//! presentational (an open dialog, a list's scroll window).
//!
//! Browser APIs stay at the edges: [`browser`] (address bar, history,
//! network, layout reads), [`frame`] (the host page around an embedded view),
//! [`sheet`] (the filters' sheet on a narrow screen) and [`clipboard`].
//! Nothing else in the workspace uses this crate but the prerender tool.
//!
//! The map and the timeline are not Yew components: they are an island of
//! DOM drawn by a module of their own after the first paint
//! (`crates/island`); [`where_when`] is all the page holds of them, the
//! slots it leaves and the frame it tells them
//! (`passerelles_core::bridge::island`), and they answer through the
//! address as back and forward do.

// Natively, without the prerender feature, there is no page to compile.
#![cfg(any(target_arch = "wasm32", feature = "prerender"))]

mod app;
mod arrivals;
// Exports for `make bench` (tests/bench/), in its own build only.
#[cfg(feature = "bench")]
mod bench;
mod browser;
mod clipboard;
mod context;
mod detail;
pub mod embed_dialog;
mod export;
mod facts;
mod fetch_parts;
mod frame;
mod glossary;
mod highlight;
mod panel;
mod parts;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod results;
mod sheet;
pub mod takeaway;
pub mod where_when;

#[cfg(target_arch = "wasm32")]
pub use app::start;
pub use app::{App, Explorer, ExplorerProps};
pub use context::{Ctx, Data};
