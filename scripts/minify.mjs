// Post-build step (scripts/post-build.sh): minifies JavaScript with terser.
// Trunk 0.21 leaves wasm-bindgen's glue for the page as it is (42 KB, 7.7 KB
// gzipped); minified it gzips to about 5 KB.
//
//   node scripts/minify.mjs [dir]
//       every .js and .mjs of dir ($TRUNK_STAGING_DIR, else the argument,
//       else dist/), in place: ES modules, but for embed.js (a classic
//       script pasted into partners' pages);
//   node scripts/minify.mjs --classic IN OUT
//       one classic script (the page's loader, assets/loader.js; the offline
//       file's glue) into OUT.
//
// Only release builds minify: `trunk serve` keeps readable code (the
// --classic form then copies IN to OUT as it is).
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const release = !process.env.TRUNK_PROFILE || process.env.TRUNK_PROFILE === 'release';

async function squeeze(name, code, module) {
  const out = await minify(code, {
    module,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!out.code) {
    console.error(`scripts/minify.mjs: ${name}: terser produced nothing`);
    process.exit(1);
  }
  return out.code;
}

if (process.argv[2] === '--classic') {
  const [input, output] = process.argv.slice(3);
  if (!input || !output) {
    console.error('usage: node scripts/minify.mjs --classic IN OUT');
    process.exit(2);
  }
  const code = fs.readFileSync(input, 'utf8');
  const out = release ? await squeeze(input, code, false) : code;
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, out);
  console.log(`scripts/minify.mjs: ${input} ${code.length} -> ${output} ${out.length} bytes`);
} else {
  if (!release) process.exit(0);
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
  const CLASSIC = new Set(['embed.js']);
  let before = 0;
  let after = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!/\.m?js$/.test(name)) continue;
    const file = path.join(dir, name);
    const code = fs.readFileSync(file, 'utf8');
    const out = await squeeze(name, code, !CLASSIC.has(name));
    fs.writeFileSync(file, out);
    before += code.length;
    after += out.length;
  }
  console.log(`scripts/minify.mjs: JavaScript ${before} -> ${after} bytes`);
}
