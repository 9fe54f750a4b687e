//! # How does the interface speak?
//!
//! Every string the page shows ([`fr`]) and the way French writes numbers
//! and dates ([`format`]), in one home, so that a second language is one
//! more module of the same shape. The validator's own messages are the
//! data layer's ([`crate::data::messages`]).
//!
//! Depends only on the data's types (a date, a record type), never on the
//! engine, the pack, the state or the browser.

pub mod format;
pub mod fr;
