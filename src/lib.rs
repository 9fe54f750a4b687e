//! Passerelles: a pure core that compiles and is tested natively, and a thin
//! Yew shell over it that exists only in the wasm build.
//!
//! The folders are layers, and a layer only ever uses the ones before it
//! (ARCHITECTURE.md maps them):
//!
//! - [`data`]: the file an editor writes, and whether it is right;
//! - [`wording`]: how the interface speaks (dates, numbers, every string);
//! - [`engine`]: which records match, in what order, and how many per facet;
//! - [`export`]: what a visitor takes away (CSV, JSON, iCalendar, feeds);
//! - [`pack`]: the compiled form the page downloads (cards, details, index);
//! - [`state`]: what the visitor sees, as one store the URL mirrors;
//! - `site`: the static pages around the app, written at build time;
//! - `ui`: the Yew components (wasm; natively only to prerender pages);
//! - `tools`: what the command-line tools share (native only).
//!
//! [`wire`], the byte encoding of packs, stays at the top: both the engine's
//! index and the pack are written in it, and it depends on nothing.

pub mod data;
pub mod engine;
pub mod export;
pub mod pack;
pub mod state;
pub mod wire;
pub mod wording;

/// The static pages around the app, written at build time (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

// In the page; natively only for the build-time render (feature `prerender`).
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
