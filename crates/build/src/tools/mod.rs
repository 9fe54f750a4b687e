//! # What do the command-line tools share?
//!
//! The tools of `src/bin/` (validate, pack, gen-data) are thin: they read
//! their arguments and call into the core. What they share lives here: how
//! they stop ([`cli`]), the validator's report ([`report`]), and the
//! synthetic datasets the benchmarks run on ([`synth`]).
//!
//! Native only: nothing here reaches the page.

pub mod cli;
pub mod report;
pub mod synth;
