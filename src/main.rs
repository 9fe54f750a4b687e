//! The page: trunk builds this binary to the wasm the visitor downloads.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    passerelles::start();
}

/// What the map and the timeline (`crates/island`, a module of their own)
/// read of the page: a plain export, without glue, that writes the message
/// `kind` asks for (`passerelles_core::bridge::island`) into the page's
/// memory and says where (src/where_when.rs).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn island(kind: u32) -> *const u8 {
    passerelles::where_when::island(kind)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Passerelles is a web app: build it with `make serve` (trunk), not `cargo run`.");
    std::process::exit(2);
}
