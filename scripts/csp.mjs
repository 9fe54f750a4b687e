// Post-build step (a trunk hook, Trunk.toml): writes _headers (Netlify /
// Cloudflare Pages format) beside the built index.html, with a strict
// Content-Security-Policy that allows trunk's inline loader script by its
// SHA-256 hash and nothing else inline.
//
//   node scripts/csp.mjs [dir]   dir: $TRUNK_STAGING_DIR, else the argument, else dist/
//
// It fails the build when index.html holds something the policy would block
// silently: an inline style, an event-handler attribute, a javascript: URL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');

const fail = (message) => {
  console.error(`scripts/csp.mjs: ${file}: ${message}`);
  process.exit(1);
};

// Comments first: trunk's own notes must not be mistaken for markup; then
// script bodies (`trunk serve` injects its reload script, whose code sets
// `.style` properties), which are checked by hash, not by these patterns.
const markup = html.replace(/<!--[\s\S]*?-->/g, '');
const tags = markup.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2');
if (/<style[\s>]/i.test(tags)) fail('an inline <style> element would be blocked by style-src \'self\'');
if (/\sstyle\s*=/i.test(tags)) fail('an inline style attribute would be blocked by style-src \'self\'');
if (/\son[a-z]+\s*=/i.test(tags)) fail('an inline event handler would be blocked by script-src');
if (/javascript:/i.test(tags)) fail('a javascript: URL would be blocked by script-src');

// The hash covers the exact text between the tags, as the browser sees it.
const hashes = [];
for (const m of markup.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const [, attrs, body] = m;
  if (/\ssrc\s*=/i.test(attrs)) continue;
  hashes.push(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) fail('no inline script found: has trunk changed how it loads the app?');

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  // Partners embed the app anywhere; no X-Frame-Options for the same reason.
  'frame-ancestors *',
].join('; ');

const headers = `/*
  Content-Security-Policy: ${policy}
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
`;
fs.writeFileSync(path.join(dir, '_headers'), headers);
console.log(`scripts/csp.mjs: wrote ${path.join(dir, '_headers')}\n  Content-Security-Policy: ${policy}`);
