// Runs the workbook's reader compiled to wasm (crates/sheet/examples/wasm_reader.rs)
// on a workbook, under Node: the same code an editors' page would run.
//   cargo build --release --target wasm32-unknown-unknown -p passerelles-sheet --example wasm_reader
//   wasm-bindgen --target nodejs --out-dir target/wasm-reader target/wasm32-unknown-unknown/release/examples/wasm_reader.wasm
//   node scripts/wasm-reader.mjs target/wasm-reader/wasm_reader_bg.wasm WORKBOOK.(ods|xlsx)
// (wasm-bindgen because the zip crate links getrandom's wasm-bindgen
// support; the one import left is the table set-up its glue would do.)
import { readFileSync } from 'node:fs';

const [wasmPath, bookPath] = process.argv.slice(2);
let exports;
const imports = {
  './wasm_reader_bg.js': {
    __wbindgen_init_externref_table() {
      const table = exports.__wbindgen_externrefs;
      table.set(0, undefined);
    },
  },
};
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), imports);
exports = instance.exports;
exports.__wbindgen_start();
const { memory, alloc, check } = exports;
const book = readFileSync(bookPath);
const t = performance.now();
const ptr = alloc(book.length);
new Uint8Array(memory.buffer, ptr, book.length).set(book);
const result = check(ptr, book.length);
const ms = (performance.now() - t).toFixed(0);
console.log(result >= 0 ? `${bookPath}: ${result} records read in wasm (${ms} ms)` : `${bookPath}: ${-result} errors (${ms} ms)`);
process.exit(result >= 0 ? 0 : 1);
