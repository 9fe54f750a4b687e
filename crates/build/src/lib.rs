//! # Passerelles' build tools
//!
//! What runs on the machine that builds the site, never in a browser: the
//! static pages around the app ([`site`]) and what the command-line tools of
//! `src/bin/` share ([`tools`]): `validate` (the editors' check), `pack`
//! (the JSON compiled into what the page downloads, before each build),
//! `gen-data` (synthetic datasets for the benchmarks) and `prerender` (the
//! static pages, rendered by the page's own components; feature
//! `prerender`). Native only; over the core (`passerelles-core`), and over
//! the page's components for `prerender` alone.

pub mod site;
pub mod tools;
