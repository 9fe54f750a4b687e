//! # Passerelles' core: everything that is not the browser
//!
//! The data model and its checks, how the interface speaks, the engine, the
//! compiled pack, the view state with its URL codecs, and every message that
//! crosses between two of the page's wasm modules. No web dependency: this
//! crate compiles and is tested natively (`cargo test -p passerelles-core`),
//! and the page (`passerelles`), the map and timeline module
//! (`passerelles-island`) and the build tools (`passerelles-build`) are thin
//! crates over it. Cargo keeps them on their side; inside this crate the
//! folders are layers, and a layer only ever uses the ones before it
//! (ARCHITECTURE.md maps them; `tests/architecture.rs` holds the order):
//!
//! - [`wire`]: the byte encoding everything compiled is written in;
//! - [`data`]: the file an editor writes, and whether it is right;
//! - [`wording`]: how the interface speaks (dates, numbers, every string);
//! - [`engine`]: which records match, in what order, and how many per facet;
//! - [`export`]: what a visitor takes away (CSV, JSON, iCalendar, feeds);
//! - [`pack`]: the compiled form the page downloads (cards, details, index);
//! - [`state`]: what the visitor sees, as one store the URL mirrors;
//! - [`bridge`]: the typed, versioned messages between the wasm modules.

pub mod wire;

pub mod data;
pub mod wording;

pub mod engine;

pub mod export;
pub mod pack;

pub mod state;

pub mod bridge;
