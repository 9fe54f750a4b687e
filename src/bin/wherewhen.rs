//! The map of the regions and the timeline (src/ui/island/): a wasm module
//! of its own, without Yew, that the page fetches once its first results
//! are painted. Trunk builds it beside the page's (`wherewhen.js`,
//! `wherewhen_bg.wasm`); assets/wherewhen.mjs loads it with its stylesheet
//! and registers `passerellesWhereWhen(name, ...args)`, which the page
//! calls (src/ui/where_when.rs):
//!
//! - `start(lang, regions, first_day, last_day, intent)`: once per dataset;
//! - `draw(counts, selected, locked, set, from, to)`: after each render.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod entry {
    use passerelles::ui::island;
    use passerelles::wording::{set_lang, Lang};
    use wasm_bindgen::prelude::*;

    /// The page's language (`fr`, `en`), its regions as `code<TAB>name`
    /// lines and each record's first then last possible day, as the page's
    /// `islandNames()` and `islandNumbers(true)` give them.
    #[wasm_bindgen]
    pub fn start(lang: String, regions: String, days: Vec<u32>) {
        set_lang(Lang::from_code(&lang).unwrap_or_default());
        island::start(&regions, &days);
    }

    /// Repaints the map and the timeline from the page's
    /// `islandNumbers(false)`.
    #[wasm_bindgen]
    pub fn draw(numbers: Vec<u32>) {
        island::draw(&numbers);
    }
}

fn main() {}
