#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    passerelles::ui::start();
}

/// What the map and the timeline (src/ui/island/, a module of their own)
/// read of the page: see src/ui/where_when.rs.
#[cfg(target_arch = "wasm32")]
mod island {
    use passerelles::ui::where_when;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(js_name = islandNames)]
    pub fn names() -> String {
        where_when::names()
    }

    #[wasm_bindgen(js_name = islandNumbers)]
    pub fn numbers(days: bool) -> Vec<u32> {
        where_when::numbers(days)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Passerelles is a web app: build it with `make serve` (trunk), not `cargo run`.");
    std::process::exit(2);
}
