//! # What does the visitor see, and how does the URL say it?
//!
//! One store ([`view::View`]) holds the view state; [`view::Action`]s are
//! the only way to change it, and the shell only renders and dispatches.
//! The URL mirrors it: the filters through [`query`], the page's own set-up
//! (dataset, embedding, locks, colours) through [`page`]. An embedded view
//! gets its fixed filters ([`locks`]), its colours ([`look`]) and its
//! snippet and height reports ([`embed`]); a long list renders only the rows
//! in view ([`viewport`]).
//!
//! Pure: no web-sys. The state knows the engine's filter and the wording,
//! never the pack or the components.

pub mod brush;
pub mod embed;
pub mod locks;
pub mod look;
pub mod map;
pub mod page;
pub mod query;
pub mod view;
pub mod viewport;
