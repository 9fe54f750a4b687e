//! The workbook's reader alone, as a wasm module with no imports: what the
//! editors' page would fetch to check a workbook in the browser. Built for
//! its size (BENCHMARKS.md) and run under Node by `scripts/wasm-reader.mjs`:
//!
//! ```sh
//! cargo build --release --target wasm32-unknown-unknown -p passerelles-sheet --example wasm_reader
//! node scripts/wasm-reader.mjs target/wasm32-unknown-unknown/release/examples/wasm_reader.wasm passerelles.xlsx
//! ```
//!
//! Natively it is an empty program (cargo builds examples with the tests).
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod exports {
    /// Room for `len` bytes the host writes a workbook into.
    #[no_mangle]
    pub extern "C" fn alloc(len: usize) -> *mut u8 {
        let mut v = Vec::<u8>::with_capacity(len);
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        p
    }

    /// Imports the workbook of `len` bytes at `ptr`: the records read
    /// (agreements and events) when a file would be written, else the
    /// number of errors, negated.
    #[no_mangle]
    pub extern "C" fn check(ptr: *mut u8, len: usize) -> i32 {
        // SAFETY: the host wrote `len` bytes at `ptr`, allocated by `alloc`.
        let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
        let import = passerelles_sheet::import(&bytes);
        match import.json {
            Some(_) => (import.catalog.agreements.len() + import.catalog.events.len()) as i32,
            None => -(import.errors() as i32),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
