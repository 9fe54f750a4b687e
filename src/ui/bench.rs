//! Entry points for `make bench` only (tests/bench/): the engine timed inside
//! the page without painting, so that it can be compared with a JavaScript
//! peer doing the same work in the same browser, and the load broken down
//! into its steps. The app itself never calls them.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::catalog::from_raw;
use crate::index::Index;
use crate::model::{Agreement, Event, RawDataset};
use crate::{facets, query, validate};

thread_local! {
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Loads `json` as the page does, step by step, and keeps its index for
/// [`bench_filter`]. Returns milliseconds: `[parse, records, validate, index]`
/// (the outer JSON parse; reading each record; checks and entries; the index),
/// then the number of records kept. Reading records is timed on its own first,
/// then again inside the real load, whose remainder is the validation.
#[wasm_bindgen(js_name = benchLoad)]
pub fn bench_load(json: &str) -> Result<Vec<f64>, JsError> {
    let t0 = now();
    let raw: RawDataset = serde_json::from_str(json)?;
    let t1 = now();
    for (i, r) in raw.agreements.iter().enumerate() {
        let _ = validate::parse_record::<Agreement>(r, "agreements", i);
    }
    for (i, r) in raw.events.iter().enumerate() {
        let _ = validate::parse_record::<Event>(r, "events", i);
    }
    let t2 = now();
    let loaded = from_raw(raw);
    let t3 = now();
    let index = Index::build(&loaded.catalog);
    let t4 = now();
    let kept = index.len() as f64;
    INDEX.with(|slot| *slot.borrow_mut() = Some(index));
    Ok(vec![t1 - t0, t2 - t1, (t3 - t2) - (t2 - t1), t4 - t3, kept])
}

/// Times filtering with every facet count for the filters of a URL query
/// string (`?theme=insertion&region=11`): `samples` figures, each the mean
/// milliseconds of `batch` runs, since the page's clock ticks in 0.1 ms.
#[wasm_bindgen(js_name = benchFilter)]
pub fn bench_filter(search: &str, samples: u32, batch: u32) -> Result<Vec<f64>, JsError> {
    let (state, _) = query::decode(search);
    let batch = batch.max(1);
    INDEX.with(|slot| {
        let slot = slot.borrow();
        let index = slot
            .as_ref()
            .ok_or_else(|| JsError::new("benchLoad first"))?;
        Ok((0..samples)
            .map(|_| {
                let t = now();
                for _ in 0..batch {
                    std::hint::black_box(facets::run(index, std::hint::black_box(&state)));
                }
                (now() - t) / f64::from(batch)
            })
            .collect())
    })
}

/// What [`bench_filter`] computes, to check a peer computes the same:
/// the result count, then the theme, region and type counts in vocabulary order.
#[wasm_bindgen(js_name = benchOutcome)]
pub fn bench_outcome(search: &str) -> Result<Vec<u32>, JsError> {
    let (state, _) = query::decode(search);
    INDEX.with(|slot| {
        let slot = slot.borrow();
        let index = slot
            .as_ref()
            .ok_or_else(|| JsError::new("benchLoad first"))?;
        let o = facets::run(index, &state);
        let counts = o.themes.iter().map(|t| t.1);
        let counts = counts.chain(o.regions.iter().map(|r| r.1));
        let counts = counts.chain(o.types.iter().map(|t| t.1));
        Ok(std::iter::once(o.results.len() as u32)
            .chain(counts)
            .collect())
    })
}

/// Bytes of the module's linear memory: its high-water mark, since wasm
/// memory never shrinks.
#[wasm_bindgen(js_name = benchMemoryBytes)]
pub fn bench_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
