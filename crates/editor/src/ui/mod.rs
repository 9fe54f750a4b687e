//! # The editors' page, drawn
//!
//! Yew components over the store ([`crate::state`]): [`app`] (the page,
//! its header and footer), [`open`] (a file dropped or picked, its
//! progress and what became of it), [`problems`] (each problem where it is,
//! linked to the form and to its row), [`preview`] (the site with this
//! data, in a frame), [`form`] (a record: [`fields`], [`date`],
//! [`excerpts`], each field dressed by [`marks`]), [`publish`] (the files to download, how to publish).
//! The browser is reached through [`browser`] and [`worker`] only.
//!
//! Natively (feature `prerender`) the page is rendered at build time as it
//! first draws, so the static page is the page; nothing of the browser
//! runs there.

mod app;
mod browser;
mod ctx;
mod date;
mod excerpts;
mod fields;
mod form;
mod marks;
mod open;
mod preview;
mod problems;
mod publish;
mod worker;

pub use app::Editor;

/// Starts the page: its language from `<html lang>`, then the page in its
/// own root (`#live`), which replaces the view rendered at build time.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use passerelles_core::wording::{set_lang, Lang};
    set_lang(
        browser::written_lang()
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default(),
    );
    match browser::element("live") {
        Some(root) => yew::Renderer::<Editor>::with_root(root).render(),
        None => yew::Renderer::<Editor>::new().render(),
    };
}
