// Post-build step (scripts/post-build.sh, before the minifier): gives the
// names that tie each wasm module to its wasm-bindgen glue one or two
// letters, in both files.
//
// wasm-bindgen names every import after its JavaScript function and a hash
// (`__wbg_getElementById_7ee213db584f37b0`), and its own exports at length
// (`wasm_bindgen__convert__closures_____invoke__h24a661bbdf0ee996`). A name
// is written once in the wasm and once in the glue, and a hash does not
// compress: for the page's module that was 4.4 KB of the first visit's
// gzipped bytes (BENCHMARKS.md). The names carry no meaning at run time.
//
//   node scripts/short-names.mjs [dir]   dir: $TRUNK_STAGING_DIR, else the argument, else dist/
//
// For each `NAME_bg.wasm` (or trunk's `NAME-HASH_bg.wasm`) beside its glue
// `NAME.js`, it rewrites the wasm's import section (every import of the glue
// module, and that module's name) and export section (wasm-bindgen's own
// exports only: `memory`, `main` and the functions a module exports by name
// stay as they are), then the same names in the glue. Each name must appear
// in the glue exactly as expected, or the build stops: a glue that changed
// shape is never half renamed.
//
// The wasm binary format (https://webassembly.github.io/spec/core/binary/):
// after the 8-byte preamble, sections `u8 id, u32 LEB128 size, payload`. The
// import section (id 2) is `vec(import)`, an import `name module, name
// field, u8 kind, desc`; the export section (id 7) `vec(export)`, an export
// `name field, u8 kind, u32 LEB128 index`; a `name` is a LEB128 byte length
// then UTF-8. Every other section is copied byte for byte.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const fail = (file, message) => {
  console.error(`scripts/short-names.mjs: ${file}: ${message}`);
  process.exit(1);
};

// ---------------------------------------------------------------- LEB128

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < 5; i++) {
    const b = bytes[at + i];
    if (b === undefined) throw new Error('truncated LEB128');
    value |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [value >>> 0, at + i + 1];
    shift += 7;
  }
  throw new Error('LEB128 longer than 5 bytes');
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value >>>= 7;
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return Buffer.from(out);
}

function readName(bytes, at) {
  const [len, start] = readU32(bytes, at);
  return [bytes.subarray(start, start + len).toString('utf8'), start + len];
}

const name = (text) => {
  const b = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(b.length), b]);
};

/** The byte length of an import's description of kind `kind` at `at`. */
function descEnd(bytes, kind, at) {
  const limits = (p) => {
    const flag = bytes[p];
    // 1, 3, 5, 7: a maximum follows the minimum (3, 7: shared; 4–7: 64-bit).
    let [, q] = readU32(bytes, p + 1);
    if (flag & 1) [, q] = readU32(bytes, q);
    return q;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`import of unknown kind ${kind}`);
  }
}

// ----------------------------------------------------------------- names

/** Short identifiers, in order: a…z, A…Z, $, _, then two characters. */
function* identifiers() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_';
  const next = first + '0123456789';
  for (const c of first) yield c;
  for (const c of first) for (const d of next) yield c + d;
  for (const c of first) for (const d of next) for (const e of next) yield c + d + e;
}

// wasm-bindgen's own exports: the glue calls them, nothing else does.
const INTERNAL = /^(__wbindgen_|__wbg_|__externref_|wasm_bindgen__|closure\d|__wbindgen)/;

function rewrite(wasmFile, jsFile) {
  const bytes = fs.readFileSync(wasmFile);
  let js = fs.readFileSync(jsFile, 'utf8');
  if (bytes.readUInt32LE(0) !== 0x6d736100) fail(wasmFile, 'not a wasm module');
  const imports = new Map();
  const exports = new Map();
  let glueModule = null;
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    const end = start + size;
    if (id === 2) {
      const [count, p0] = readU32(bytes, start);
      let p = p0;
      const out = [u32(count)];
      const shorts = identifiers();
      for (let i = 0; i < count; i++) {
        const [module, p1] = readName(bytes, p);
        const [field, p2] = readName(bytes, p1);
        const kind = bytes[p2];
        const p3 = descEnd(bytes, kind, p2 + 1);
        // The glue is the module every import but the standard ones names.
        if (glueModule === null && module.endsWith('_bg.js')) glueModule = module;
        if (module === glueModule) {
          const short = imports.get(field) ?? shorts.next().value;
          imports.set(field, short);
          out.push(name('a'), name(short));
        } else {
          out.push(name(module), name(field));
        }
        out.push(bytes.subarray(p2, p3));
        p = p3;
      }
      if (p !== end) fail(wasmFile, 'the import section does not end where its size says');
      const payload = Buffer.concat(out);
      parts.push(Buffer.from([id]), u32(payload.length), payload);
    } else if (id === 7) {
      const [count, p0] = readU32(bytes, start);
      let p = p0;
      const out = [u32(count)];
      const kept = new Set();
      const fields = [];
      for (let i = 0; i < count; i++) {
        const [field, p1] = readName(bytes, p);
        const p2 = readU32(bytes, p1 + 1)[1];
        fields.push([field, bytes.subarray(p1, p2)]);
        if (!INTERNAL.test(field)) kept.add(field);
        p = p2;
      }
      if (p !== end) fail(wasmFile, 'the export section does not end where its size says');
      const shorts = identifiers();
      for (const [field, rest] of fields) {
        let short = field;
        if (INTERNAL.test(field)) {
          do short = shorts.next().value;
          while (kept.has(short));
          exports.set(field, short);
        }
        out.push(name(short), rest);
      }
      const payload = Buffer.concat(out);
      parts.push(Buffer.from([id]), u32(payload.length), payload);
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  if (at !== bytes.length) fail(wasmFile, 'a section runs past the end of the file');
  if (glueModule === null) fail(wasmFile, 'no import of a wasm-bindgen glue module');

  // The glue: its import object's key, each import's key, each export's uses.
  const literal = JSON.stringify(glueModule);
  if (js.split(literal).length !== 2) fail(jsFile, `expected ${literal} once, as the import object's key`);
  js = js.replace(literal, '"a"');
  for (const [field, short] of imports) {
    const key = new RegExp(`(^|[{,\\s])${field}:`, 'g');
    const found = js.match(key) || [];
    if (found.length !== 1) fail(jsFile, `expected the import ${field} once as a key, found it ${found.length} times`);
    js = js.replace(key, `$1${JSON.stringify(short)}:`);
    if (js.includes(field)) fail(jsFile, `${field} is used other than as the import's key`);
  }
  for (const [field, short] of exports) {
    const use = new RegExp(`\\.${field}\\b`, 'g');
    js = js.replace(use, `[${JSON.stringify(short)}]`);
    // A bare identifier of the same name is the glue's own wrapper (terser
    // renames it); a string would be a use this step cannot see.
    if (js.includes(`"${field}"`) || js.includes(`'${field}'`)) fail(jsFile, `${field} is named in a string`);
  }
  fs.writeFileSync(wasmFile, Buffer.concat(parts));
  fs.writeFileSync(jsFile, js);
  return { imports: imports.size, exports: exports.size, saved: bytes.length - Buffer.concat(parts).length };
}

let done = 0;
for (const file of fs.readdirSync(dir)) {
  const m = file.match(/^(.*)_bg\.wasm$/);
  if (!m) continue;
  const js = path.join(dir, `${m[1]}.js`);
  if (!fs.existsSync(js)) fail(file, `no glue ${m[1]}.js beside it`);
  const r = rewrite(path.join(dir, file), js);
  console.log(`scripts/short-names.mjs: ${file}: ${r.imports} imports, ${r.exports} exports renamed (${r.saved} bytes less in the wasm)`);
  done += 1;
}
if (done === 0) fail(dir, 'no wasm module found');
