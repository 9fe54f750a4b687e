//! # The editors' page: a file in, its problems and the site as it will be
//!
//! An editor drops a workbook (ODS, XLSX), one sheet saved as CSV or the
//! JSON file itself on the page at `editer/`; it is read in the browser,
//! in a worker, with the code of the command-line tools (the workbook
//! crate, the core's validator), and nothing leaves the machine. The page
//! lists every problem where it is (a sheet's cell, a line of the JSON),
//! linked to the record's form; shows the site as visitors will see it with
//! that data (the site's own page, reading the data from
//! `window.passerellesPack` as the offline file does); adds or edits a
//! record from its text, with the validator's checks as it is typed; and
//! gives back the JSON and the workbook to publish.
//!
//! What is pure is tested natively: [`work`] (what the worker does with a
//! request), [`form`] (the form's fields from the schema, a record's JSON,
//! the date's parts), [`state`] (the page's store), [`wording`] (its words,
//! French and English). [`ui`] is the Yew page over them, in the wasm
//! build and, natively, only for the build-time render (feature
//! `prerender`). Its two modules are `src/bin/editor.rs` (the page) and
//! `src/bin/editor_work.rs` (the worker); they speak through
//! `passerelles_core::bridge::editor`.

pub mod form;
pub mod state;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
pub mod wording;
pub mod work;
