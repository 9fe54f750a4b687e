//! The map of the regions and the timeline (src/ui/island/): a wasm module
//! of its own, without Yew, that the page fetches once its first results
//! are painted. Trunk builds it beside the page's (`wherewhen.js`,
//! `wherewhen_bg.wasm`); assets/wherewhen.mjs loads it with its stylesheet
//! and feeds it what it reads of the page (src/ui/where_when.rs says how
//! the two talk):
//!
//! - `start(lang, numbers)`: once per dataset;
//! - `draw(numbers)`: after each render of the page's panel.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod entry {
    use passerelles::ui::island;
    use passerelles::wording::{set_lang, Lang};
    use wasm_bindgen::prelude::*;

    /// The page's language (`fr`, `en`), and its dataset as the page's
    /// `island(1)` gives it (each record's days, the regions' names).
    #[wasm_bindgen]
    pub fn start(lang: String, numbers: Vec<u32>) {
        set_lang(Lang::from_code(&lang).unwrap_or_default());
        island::start(&numbers);
    }

    /// Repaints the map and the timeline from the page's `island(0)`.
    #[wasm_bindgen]
    pub fn draw(numbers: Vec<u32>) {
        island::draw(&numbers);
    }
}

fn main() {}
