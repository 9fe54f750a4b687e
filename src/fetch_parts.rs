//! Fetches a split pack's parts when a view needs them: the index's sets
//! right after the first paint, another sort order, a block of cards as the
//! list scrolls, a chunk of the search's words as a word is typed, a block
//! of ids for a record asked for by its address. Any component asks for the
//! parts it lacks ([`ask`]); each is fetched once, checked and taken in by
//! the core (`Pack::open_part`: a part of another build, or damaged, is
//! refused, never read as this pack's), and its arrival renders the
//! explorer again (`arrivals.rs` keeps where each stands), so the view that
//! waited for it appears. A whole pack lacks nothing and never asks.

use std::rc::Rc;

use crate::arrivals::{Failure, SPLIT};
use crate::browser::{self, FetchError};
use crate::context::Data;
use passerelles_core::pack::{Part, ShardError};

/// The blocks of cards the records at `rows` (a list's rows on screen)
/// still lack.
pub fn ask_cards(data: &Rc<Data>, rows: impl IntoIterator<Item = usize>) {
    if SPLIT {
        ask(data, data.pack.lacking_cards(rows));
    }
}

/// Fetches those of `parts` not asked for yet. A render that lacks a part
/// asks for it as it renders: asking twice is asking once, and it only
/// starts a download, whose arrival is a render of its own; so it needs no
/// effect hook (each costs the page's module its code).
pub fn ask(data: &Rc<Data>, parts: impl IntoIterator<Item = Part>) {
    if !SPLIT {
        return;
    }
    for part in parts {
        let Some(url) = data.pack.part_url(&data.url, part) else {
            continue;
        };
        if !data.arrivals.start(part) {
            continue;
        }
        let data = data.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let taken = match browser::fetch_bytes(&url, &|_| {}).await {
                Ok(bytes) => data.pack.open_part(part, bytes).map_err(|e| match e {
                    ShardError::Stale | ShardError::Damaged => Failure::Stale,
                }),
                // Parts are named by their content: a page older than the
                // site asks for names that are gone.
                Err(FetchError::Status(404)) => Err(Failure::Stale),
                Err(_) => Err(Failure::Unavailable),
            };
            data.arrivals.end(part, taken);
        });
    }
}
