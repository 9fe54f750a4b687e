//! Entry points for `make bench` only (tests/bench/): the engine timed inside
//! the page without painting, so that it can be compared with a JavaScript
//! peer doing the same work in the same browser, and the load broken down
//! into its steps. The app itself never calls them.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use passerelles_core::engine::facets;
use passerelles_core::pack::Pack;
use passerelles_core::state::query;

thread_local! {
    static PACK: RefCell<Option<Pack>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Opens a pack's bytes as the page does, step by step, and keeps it for
/// [`bench_filter`]. Returns milliseconds `[copy into wasm memory, open]`
/// (open: every check, the bitsets, days and orders copied out), then the
/// number of records.
#[wasm_bindgen(js_name = benchLoad)]
pub fn bench_load(bytes: js_sys::Uint8Array) -> Result<Vec<f64>, JsError> {
    let t0 = now();
    let bytes = bytes.to_vec();
    let t1 = now();
    let pack = Pack::open(bytes).map_err(|e| JsError::new(&e.message))?;
    let t2 = now();
    let n = pack.len() as f64;
    PACK.with(|slot| *slot.borrow_mut() = Some(pack));
    Ok(vec![t1 - t0, t2 - t1, n])
}

/// Times filtering with every facet count for the filters of a URL query
/// string (`?theme=insertion&region=11`): `samples` figures, each the mean
/// milliseconds of `batch` runs, since the page's clock ticks in 0.1 ms.
#[wasm_bindgen(js_name = benchFilter)]
pub fn bench_filter(search: &str, samples: u32, batch: u32) -> Result<Vec<f64>, JsError> {
    let (state, _) = query::decode(search);
    let batch = batch.max(1);
    PACK.with(|slot| {
        let slot = slot.borrow();
        let index = &slot
            .as_ref()
            .ok_or_else(|| JsError::new("benchLoad first"))?
            .index;
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
    PACK.with(|slot| {
        let slot = slot.borrow();
        let index = &slot
            .as_ref()
            .ok_or_else(|| JsError::new("benchLoad first"))?
            .index;
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
