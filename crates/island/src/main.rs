//! The map of the regions and the timeline: a wasm module of its own,
//! without Yew, that the page fetches once its first results are painted.
//! Trunk builds it beside the page's (`wherewhen.js`, `wherewhen_bg.wasm`);
//! assets/wherewhen.mjs loads it with its stylesheet and feeds it the
//! messages it reads of the page (`passerelles_core::bridge::island`):
//!
//! - `draw(frame)`: after each render of the page's list; `false` when the
//!   island does not know the frame's dataset yet;
//! - `start(dataset)`: then, once per dataset.
//!
//! A message the island cannot read (another version of the bridge) is
//! thrown, as an error the loader reports.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod entry {
    use passerelles_core::bridge::Refused;
    use wasm_bindgen::prelude::*;

    fn refused(why: Refused) -> JsError {
        JsError::new(&format!(
            "passerelles: the map and the timeline refused the page's message: {why:?}"
        ))
    }

    /// Starts the island on the page's dataset (a `Dataset` message).
    #[wasm_bindgen]
    pub fn start(dataset: &[u8]) -> Result<(), JsError> {
        passerelles_island::start(dataset).map_err(refused)
    }

    /// Repaints the map and the timeline from the page's `Frame` message;
    /// `false` when the island must be started on its dataset first.
    #[wasm_bindgen]
    pub fn draw(frame: &[u8]) -> Result<bool, JsError> {
        passerelles_island::draw(frame).map_err(refused)
    }
}

fn main() {}
