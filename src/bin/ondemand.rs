//! The page's code fetched on demand: what a visitor may never ask for, so
//! a first visit does not download it. Trunk builds this as a module of its
//! own (`ondemand.js`, `ondemand_bg.wasm`); assets/ondemand.mjs loads it at
//! the first call (src/ui/browser.rs, `on_demand`):
//!
//! - `embedDialog(query)`: "Intégrer cette vue", for partner webmasters
//!   (src/ui/embed_dialog.rs, with its own copy of Yew);
//! - `takeAway(…)`: an export of the results or of one event
//!   (src/ui/takeaway.rs).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod entry {
    use passerelles::export::Format;
    use passerelles::ui::takeaway::{self, Source};
    use wasm_bindgen::prelude::*;

    /// The page's language (`fr`, `en`): this module words what it shows in it.
    fn speak(lang: &str) {
        use passerelles::wording::{set_lang, Lang};
        set_lang(Lang::from_code(lang).unwrap_or_default());
    }

    /// Opens "Intégrer cette vue" for the view `query`, in `lang`.
    #[wasm_bindgen(js_name = embedDialog)]
    pub fn embed_dialog(query: String, lang: String) {
        speak(&lang);
        passerelles::ui::embed_dialog::open(&query);
    }

    /// Exports the records `shown` in `format` (`csv`, `json`, `ics`) as
    /// `name`, from the exports file at `url` or the pieces `inline`, which
    /// must be of the pack `build` (listing the file by `seal`) of `len`
    /// records. Resolves to what the page's status line says, in `lang`.
    #[wasm_bindgen(js_name = takeAway)]
    #[allow(clippy::too_many_arguments)]
    pub async fn take_away(
        format: String,
        url: String,
        inline: Option<Vec<u8>>,
        build: u64,
        seal: u64,
        len: u32,
        shown: Vec<u32>,
        name: String,
        embed: bool,
        lang: String,
    ) -> String {
        speak(&lang);
        let format = match format.as_str() {
            "csv" => Format::Csv,
            "json" => Format::Json,
            _ => Format::Ics,
        };
        let source = Source {
            format,
            url,
            inline,
            build,
            seal,
            len: len as usize,
        };
        takeaway::take_away(source, &shown, &name, embed).await
    }
}

fn main() {}
