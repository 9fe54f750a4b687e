//! # What does an editor's file hold, and is it right?
//!
//! The dataset exactly as `data/passerelles.json` writes it ([`model`]),
//! dates as precise as the texts ([`date`]), and the checks that say in plain
//! French what is wrong and where ([`validate`], [`span`], [`json_error`]).
//! A record with a problem is left out, never the file: [`catalog`] reads
//! each record on its own and keeps the rest usable; [`clip`] shortens an
//! oversize record for display instead of dropping it; [`lookalike`] tells
//! when two labels would read the same; [`suggest`] finds the word a typo
//! meant, within a bounded amount of work.
//!
//! Main types: [`model::Agreement`], [`model::Event`],
//! [`catalog::Catalog`] (the records that passed, with one
//! [`catalog::Entry`] each for the engine), [`validate::Problem`],
//! [`error::LoadError`].
//!
//! This layer depends on nothing else in the crate: not the engine, not the
//! pack, not the interface wording. Its messages are the validator's, in
//! French ([`messages`]).

pub mod catalog;
pub mod clip;
pub mod date;
pub mod decimal;
pub mod error;
pub mod glossary;
pub mod json_error;
pub mod lookalike;
pub mod messages;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod span;
pub mod suggest;
pub mod text;
pub mod validate;
pub mod zone;
