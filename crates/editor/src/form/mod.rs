//! # The record form: fields from the schema, a record as JSON
//!
//! [`spec`] makes the form's fields from `data/schema.json` (the model's
//! types and their docs), [`record`] edits a record by the fields' paths
//! and writes it out without its empty fields, [`date`] is the date
//! widget's parts. Pure Rust, tested natively; the components that draw
//! them are in `crate::ui`.

pub mod date;
pub mod record;
pub mod spec;
