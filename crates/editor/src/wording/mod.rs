//! # How the editors' page speaks
//!
//! Every word of the editors' page, in French ([`fr`]) and in English
//! ([`en`]), under the same names, reached through [`say`] in the page's
//! language (the core's setting, `passerelles_core::wording::lang`, set
//! once when the page starts from its `<html lang>`, and per language at
//! build time). The same discipline as the core's wording, in a module of
//! the editors' own: these words are for a page visitors never load, so
//! they stay out of the core (and of every other module's bytes). A word
//! missing in one language does not compile.
//!
//! The checks' own messages (the validator's, the workbook's) are not
//! here: they stay French, as the command-line tools say them.

pub mod en;
pub mod fr;
pub mod say;
