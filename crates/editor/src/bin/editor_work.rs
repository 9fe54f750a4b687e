//! The editors' page's worker: the workbook's reader and writers (the
//! workbook crate), the validator and the pack writer (the core), the same
//! code as the command-line tools, compiled to a wasm module of its own
//! (`editor_work.js`, `editor_work_bg.wasm`) that assets/editor-worker.mjs
//! runs in a Web Worker, off the page's thread. Its one function answers
//! one request of the bridge (`passerelles_core::bridge::editor`).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod entry {
    use passerelles_core::bridge::editor::{Answer, Reply, Request};
    use wasm_bindgen::prelude::*;

    /// Answers a request's bytes with its reply's bytes; `progress` is
    /// called with each progress reply's bytes on the way (posted to the
    /// page at once: a message from a busy worker still reaches it).
    #[wasm_bindgen]
    pub fn work(request: &[u8], progress: &js_sys::Function) -> Result<Vec<u8>, JsError> {
        let request = Request::decode(request).map_err(|why| {
            JsError::new(&format!(
                "passerelles: the editors' worker refused the page's request: {why:?}"
            ))
        })?;
        let id = request.id;
        let mut say = |answer: Answer| {
            let bytes = Reply { id, answer }.encode();
            let _ = progress.call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes.as_slice()));
        };
        let answer = passerelles_editor::work::handle(request, &mut say);
        Ok(Reply { id, answer }.encode())
    }
}

fn main() {}
