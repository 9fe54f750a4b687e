// Post-build step (a trunk hook, Trunk.toml): minifies the JavaScript of the
// build with terser. Trunk 0.21 leaves wasm-bindgen's glue for the page as it
// is (42 KB, 7.7 KB gzipped); minified it gzips to about 5 KB.
//
//   node scripts/minify.mjs [dir]   dir: $TRUNK_STAGING_DIR, else the argument, else dist/
//
// Only release builds: `trunk serve` keeps readable code.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

// embed.js is a classic script pasted into partners' pages; the rest are modules.
const CLASSIC = new Set(['embed.js']);
let before = 0;
let after = 0;
for (const name of fs.readdirSync(dir)) {
  if (!/\.m?js$/.test(name)) continue;
  const file = path.join(dir, name);
  const code = fs.readFileSync(file, 'utf8');
  const out = await minify(code, {
    module: !CLASSIC.has(name),
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!out.code) {
    console.error(`scripts/minify.mjs: ${name}: terser produced nothing`);
    process.exit(1);
  }
  fs.writeFileSync(file, out.code);
  before += code.length;
  after += out.code.length;
}
console.log(`scripts/minify.mjs: JavaScript ${before} -> ${after} bytes`);
