//! Passerelles: a pure core (model, validation, index, filters, facets, URL
//! codec) that compiles and is tested natively, and a thin Yew shell over it
//! that exists only in the wasm build.

pub mod bitset;
pub mod catalog;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod clip;
pub mod date;
pub mod embed;
pub mod facets;
pub mod filter;
pub mod fold;
pub mod index;
pub mod json_error;
pub mod model;
pub mod pack;
pub mod page;
pub mod present;
pub mod query;
pub mod record_view;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod search;
pub mod set;
pub mod span;
pub mod strings;
/// Synthetic datasets for benchmarks; a native tool, never in the page.
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
pub mod validate;
pub mod view;
pub mod viewport;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod ui;
