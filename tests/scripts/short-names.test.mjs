// scripts/short-names.mjs (a post-build step) rewrites the names between
// each wasm module and its wasm-bindgen glue, in both files. It depends on
// the exact shape of wasm-bindgen's output, so it is pinned here, apart from
// the whole build: an upgrade of wasm-bindgen that changes that shape fails
// in this file, with the step's own message, not in a broken dist/.
//
// 1. A fixture: a module made here (binaryen's own API) that imports from a
//    glue and exports wasm-bindgen-style internals, beside a glue written in
//    the shape wasm-bindgen 0.2 writes: renamed, the two still fit (the
//    module instantiates with the glue's imports and its calls work).
// 2. The real thing: the JSON reader's module as cargo compiled it for the
//    release build, run through the wasm-bindgen CLI on PATH (the version
//    Cargo.lock pins), renamed, then started in Node through its own glue,
//    and asked to convert the shipped dataset.
//
//   node --test tests/scripts/     (make test runs it after the release build)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'short-names.mjs');

function rename(dir) {
  return execFileSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', env: { ...process.env, TRUNK_STAGING_DIR: '', TRUNK_PROFILE: '' } });
}

/** The import and export names of a wasm module (WebAssembly's own reader). */
function names(bytes) {
  const module = new WebAssembly.Module(bytes);
  return {
    imports: WebAssembly.Module.imports(module).map((i) => `${i.module}:${i.name}`),
    exports: WebAssembly.Module.exports(module).map((e) => e.name),
  };
}

test('a module and its glue, renamed, still fit each other', async () => {
  const { default: binaryen } = await import('binaryen');
  const m = new binaryen.Module();
  const i32 = binaryen.i32;
  m.addFunctionImport('log', './fixture_bg.js', '__wbg_log_0123456789abcdef', binaryen.createType([i32]), binaryen.none);
  m.addFunction('greet', binaryen.createType([i32]), i32, [], m.block(null, [m.call('log', [m.local.get(0, i32)], binaryen.none), m.i32.add(m.local.get(0, i32), m.i32.const(1))], i32));
  m.addFunction('malloc', binaryen.createType([i32]), i32, [], m.i32.mul(m.local.get(0, i32), m.i32.const(2)));
  m.setMemory(1, 1, 'memory');
  m.addFunctionExport('greet', 'greet');
  m.addFunctionExport('malloc', '__wbindgen_malloc');
  assert.ok(m.validate(), 'the fixture module is valid');
  const wasm = m.emitBinary();
  m.dispose();
  // The shape wasm-bindgen 0.2 writes: the glue module's name once as the
  // import object's key, each import once as a key, the internals as
  // properties of the instance's exports.
  const glue = `let wasm;
const logged = [];
function __wbg_get_imports() {
  const import0 = {
    __proto__: null,
    __wbg_log_0123456789abcdef: function(arg0) { logged.push(arg0); },
  };
  return { __proto__: null, "./fixture_bg.js": import0 };
}
export function greet(n) { return wasm.greet(n); }
export function twice(n) { return wasm.__wbindgen_malloc(n); }
export function start(bytes) { wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), __wbg_get_imports()).exports; }
export { logged };
`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'short-names-'));
  try {
    fs.writeFileSync(path.join(dir, 'fixture_bg.wasm'), wasm);
    fs.writeFileSync(path.join(dir, 'fixture.js'), glue);
    const said = rename(dir);
    assert.match(said, /fixture_bg\.wasm: 1 imports, 1 exports renamed/);
    const renamed = fs.readFileSync(path.join(dir, 'fixture_bg.wasm'));
    const after = names(renamed);
    assert.deepEqual(after.imports, ['a:a']);
    assert.ok(after.exports.includes('greet') && after.exports.includes('memory'), 'named exports stay');
    assert.ok(!after.exports.includes('__wbindgen_malloc'), 'internal exports are renamed');
    const text = fs.readFileSync(path.join(dir, 'fixture.js'), 'utf8');
    assert.ok(!text.includes('__wbg_log_') && !text.includes('fixture_bg.js'), text);
    fs.renameSync(path.join(dir, 'fixture.js'), path.join(dir, 'fixture.mjs'));
    const mod = await import(pathToFileURL(path.join(dir, 'fixture.mjs')).href);
    mod.start(renamed);
    assert.equal(mod.greet(41), 42);
    assert.deepEqual(mod.logged, [41], 'the renamed import reaches the glue');
    assert.equal(mod.twice(21), 42, 'the renamed export is what the glue calls');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a glue of another shape stops the step, renaming nothing', async () => {
  const { default: binaryen } = await import('binaryen');
  const m = new binaryen.Module();
  m.addFunctionImport('log', './odd_bg.js', '__wbg_log_0123456789abcdef', binaryen.createType([binaryen.i32]), binaryen.none);
  m.addFunctionExport('log', 'log');
  const wasm = m.emitBinary();
  m.dispose();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'short-names-'));
  try {
    fs.writeFileSync(path.join(dir, 'odd_bg.wasm'), wasm);
    // The import named twice: not the shape the step knows.
    fs.writeFileSync(path.join(dir, 'odd.js'), `const a = { "./odd_bg.js": { __wbg_log_0123456789abcdef: f, other: { __wbg_log_0123456789abcdef: f } } };`);
    assert.throws(() => rename(dir), /expected the import __wbg_log_0123456789abcdef once as a key/);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'odd_bg.wasm')), Buffer.from(wasm), 'the module is left as it was');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the JSON reader's module from this wasm-bindgen, renamed, still converts the dataset", async () => {
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: ROOT, encoding: 'utf8' }));
  const compiled = path.join(metadata.target_directory, 'wasm32-unknown-unknown', 'release', 'convert.wasm');
  assert.ok(fs.existsSync(compiled), `${compiled} is missing: run the release build first (make build; make test does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'short-names-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, compiled], { stdio: 'pipe' });
    const before = names(fs.readFileSync(path.join(dir, 'convert_bg.wasm')));
    const said = rename(dir);
    assert.match(said, /convert_bg\.wasm: \d+ imports, \d+ exports renamed/);
    const after = names(fs.readFileSync(path.join(dir, 'convert_bg.wasm')));
    assert.equal(after.imports.length, before.imports.length);
    // Every import of the glue module is now `a:<one to three letters>`.
    assert.ok(after.imports.every((i) => /^a:[A-Za-z_$][A-Za-z0-9_$]{0,2}$/.test(i)), after.imports.join(', '));
    fs.renameSync(path.join(dir, 'convert.js'), path.join(dir, 'convert.mjs'));
    const glue = await import(pathToFileURL(path.join(dir, 'convert.mjs')).href);
    glue.initSync({ module: fs.readFileSync(path.join(dir, 'convert_bg.wasm')) });
    const reply = glue.convert(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json')));
    // crates/core/src/bridge/convert.rs: the reply's magic, then its version.
    assert.equal(Buffer.from(reply.subarray(0, 4)).toString('latin1'), 'PCvR');
    assert.equal(reply[4] | (reply[5] << 8), 1);
    assert.ok(reply.length > 10_000, `a pack of the dataset (${reply.length} bytes)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
