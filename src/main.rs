#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    passerelles::ui::start();
}

/// What the map and the timeline (src/ui/island/, a module of their own)
/// read of the page: a plain export, without glue (src/ui/where_when.rs).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn island(days: u32) -> *const u32 {
    passerelles::ui::where_when::island(days != 0)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Passerelles is a web app: build it with `make serve` (trunk), not `cargo run`.");
    std::process::exit(2);
}
