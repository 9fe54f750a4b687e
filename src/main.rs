#[cfg(target_arch = "wasm32")]
fn main() {
    passerelles::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Passerelles is a web app: build it with `make serve` (trunk), not `cargo run`.");
    std::process::exit(2);
}
