//! The editors' page (`editer/`, `en/editer/`): a wasm module of its own
//! that trunk builds beside the site's (`editor.js`, `editor_bg.wasm`),
//! started by assets/editor.mjs on that page only. Its worker is
//! `editor_work`.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    passerelles_editor::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
