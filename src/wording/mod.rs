//! # How does the interface speak?
//!
//! Every string the page shows ([`fr`]), the way French writes numbers
//! and dates ([`format`]) and how a record's facts are phrased ([`phrase`]:
//! its date, place, territory, who is behind it) on its card, in its detail
//! and in what a visitor exports, in one home, so that a second language is
//! one more module of the same shape. The validator's own messages are the
//! data layer's ([`crate::data::messages`]).
//!
//! Depends only on the data's types (a date, a record, a catalog), never on the
//! engine, the pack, the state or the browser.

pub mod format;
pub mod fr;
pub mod phrase;
