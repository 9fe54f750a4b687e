//! # How does the interface speak?
//!
//! Every string the page shows, in French ([`fr`]) and in English ([`en`]),
//! reached through [`say`] in the page's language; the way each language
//! writes numbers and dates ([`format`]) and how a record's facts are
//! phrased ([`phrase`]: its date, place, territory, who is behind it) on
//! its card, in its detail and in what a visitor exports. The records
//! themselves stay in French, as their sources are. The validator's own
//! messages are the data layer's ([`crate::data::messages`]) and stay
//! French.
//!
//! The language is one setting of the page ([`set_lang`]), read by
//! everything here: no word is chosen elsewhere.
//!
//! Depends only on the data's types (a date, a record, a catalog), never on the
//! engine, the pack, the state or the browser.

use std::cell::Cell;

pub mod en;
pub mod format;
pub mod fr;
pub mod number;
pub mod phrase;
pub mod say;

/// The languages the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// `fr` or `en`, as the `lang` parameter and `<html lang>` write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// The page's language, French until told otherwise.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Sets the language of everything worded on this thread from now on: once
/// when the page starts, once per language at build time.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}
