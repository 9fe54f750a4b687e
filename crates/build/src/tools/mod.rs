//! # What do the command-line tools share?
//!
//! The tools of `src/bin/` (validate, pack, gen-data, workbook) are thin:
//! they read their arguments and call into the core (or the sheet crate).
//! What they share lives here: how they stop ([`cli`]), the validator's
//! report ([`report`]), the synthetic datasets the benchmarks run on
//! ([`synth`]), and the workbook's files and messages ([`workbook`]).
//!
//! Native only: nothing here reaches the page.

pub mod cli;
pub mod report;
pub mod synth;
pub mod workbook;
