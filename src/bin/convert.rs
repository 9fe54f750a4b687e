//! The page's JSON reader, a wasm module of its own: `?data=` may name an
//! editor's JSON file, and reading and checking JSON takes a parser, the
//! validator and the index builder that the page itself never ships. Trunk
//! builds this as a module (`convert.js`, `convert_bg.wasm`);
//! assets/convert.mjs runs it in a worker, or on the page's thread where
//! workers are refused, only when a JSON file is asked for.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The reply for a JSON file's bytes (`passerelles_core::bridge::convert`):
    /// the pack of its records, or of why it is unusable.
    #[wasm_bindgen]
    pub fn convert(bytes: &[u8]) -> Vec<u8> {
        passerelles_core::bridge::convert::Reply::of_json(bytes).encode()
    }
}

fn main() {}
