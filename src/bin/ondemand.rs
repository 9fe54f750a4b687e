//! The page's code fetched on demand: what a visitor may never ask for, so
//! a first visit does not download it. Trunk builds this as a module of its
//! own (`ondemand.js`, `ondemand_bg.wasm`); assets/ondemand.mjs loads it at
//! the first call (src/browser.rs, `on_demand`). Its one function, `call`,
//! takes a `passerelles_core::bridge::ondemand::Call`:
//!
//! - `EmbedDialog`: "Intégrer cette vue", for partner webmasters
//!   (src/embed_dialog.rs, with its own copy of Yew);
//! - `TakeAway`: an export of the results or of one event
//!   (src/takeaway.rs), which answers with what the status line says.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod entry {
    use passerelles_core::bridge::ondemand::Call;
    use passerelles_core::wording::set_lang;
    use wasm_bindgen::prelude::*;

    /// Answers the page's call (its bytes), in the page's language: the
    /// sentence its status line shows, if any.
    #[wasm_bindgen]
    pub async fn call(message: Vec<u8>) -> Result<Option<String>, JsError> {
        let call = Call::decode(&message).map_err(|why| {
            JsError::new(&format!(
                "passerelles: the on-demand module refused the page's call: {why:?}"
            ))
        })?;
        set_lang(call.lang());
        Ok(match call {
            Call::EmbedDialog { query, .. } => {
                passerelles::embed_dialog::open(&query);
                None
            }
            Call::TakeAway(t) => Some(passerelles::takeaway::take_away(t).await),
        })
    }
}

fn main() {}
