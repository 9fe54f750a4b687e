// Post-build step (scripts/post-build.sh): writes _headers (Netlify /
// Cloudflare Pages format) beside the built index.html, with a strict
// Content-Security-Policy that allows the pages' inline scripts by their
// SHA-256 hashes and nothing else inline: the loader of index.html and of
// the record pages (the same script), and the offline passerelles.html's
// style and scripts, should that file be opened from the site itself.
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
const tags = markup
  .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2')
  .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
if (/\sstyle\s*=/i.test(tags)) fail('an inline style attribute would be blocked by style-src \'self\'');
if (/\son[a-z]+\s*=/i.test(tags)) fail('an inline event handler would be blocked by script-src');
if (/javascript:/i.test(tags)) fail('a javascript: URL would be blocked by script-src');

// The hash covers the exact text between the tags, as the browser sees it.
// Data blocks (JSON-LD, the offline file's base64) are never run: no hash.
const sha = (body) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const scripts = (page) =>
  [...page.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs) && !/type\s*=\s*"?application\//i.test(attrs))
    .map(([, , body]) => sha(body));
const hashes = scripts(markup);
if (hashes.length === 0) fail('no inline loader script found: has the page template (crates/build/src/site/page.rs) changed?');
// The stylesheet is inlined in every page (src/site/html.rs): its hash.
const styles = (page) => [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]));
const styleHashes = styles(markup);
if (styleHashes.length === 0) fail('no inline stylesheet found: has the page template (crates/build/src/site/page.rs) changed?');
const offline = path.join(dir, 'passerelles.html');
if (fs.existsSync(offline)) {
  const page = fs.readFileSync(offline, 'utf8');
  for (const h of scripts(page)) if (!hashes.includes(h)) hashes.push(h);
  for (const h of styles(page)) if (!styleHashes.includes(h)) styleHashes.push(h);
}

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  `style-src 'self'${styleHashes.map((h) => ' ' + h).join('')}`,
  "img-src 'self' data:",
  // Partners embed the app anywhere; no X-Frame-Options for the same reason.
  'frame-ancestors *',
].join('; ');

// Files named by their content never change under their name: a year's
// cache, never asked again (issue 25). Those are a pack's folders of parts,
// shards and exports (`<what>-<seal>.pack`, docs/pack-format.md) and the
// build's hashed modules and stylesheets (`name-<hash>.ext`). The pack a page
// asks for first, the pages and the unhashed modules keep the host's
// default: a rebuild must reach them.
const SEALED = /-[0-9a-f]{16}\.pack$/;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/;
const immutable = [];
const walk = (at) => {
  for (const entry of fs.readdirSync(path.join(dir, at), { withFileTypes: true })) {
    const rel = at ? `${at}/${entry.name}` : entry.name;
    if (entry.isDirectory() && entry.name.endsWith('.pack.d')) {
      const loose = fs.readdirSync(path.join(dir, rel)).filter((f) => !SEALED.test(f));
      if (loose.length > 0) fail(`${rel}/ holds files not named by their content (${loose.join(', ')}): they would be cached as if they were`);
      immutable.push(`/${rel}/*`);
    } else if (entry.isDirectory()) {
      walk(rel);
    } else if (!at && HASHED.test(entry.name)) {
      immutable.push(`/${rel}`);
    }
  }
};
walk('');
immutable.sort();

const headers = `/*
  Content-Security-Policy: ${policy}
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
${immutable.map((p) => `\n${p}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('')}`;
fs.writeFileSync(path.join(dir, '_headers'), headers);
console.log(`scripts/csp.mjs: wrote ${path.join(dir, '_headers')}\n  Content-Security-Policy: ${policy}\n  immutable: ${immutable.length} paths`);
