// The byte budget of a visit (issue 4): everything the shipped page downloads
// until its first results are painted, each file compressed with gzip -9 as a
// static host would send it. Bytes, not times: a byte count does not flake on
// a busy machine. The target is 100 KB; the budget asserted here is
// what the page holds to today (BENCHMARKS.md says where the bytes go and what
// is left to close), so that no change grows it unnoticed.
// Run after `trunk build --release`: node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, startServer, launch, newPage } from './harness.mjs';

/** Bytes, gzip -9, of everything fetched before the first results. 145 KB
 * until issue 11 (search that understands French, the glossary), which adds
 * about 11,900 bytes: wasm +9,000 (highlighting 3,000, typo tolerance 1,300,
 * glossary UI 850, stemmer 440, relevance 280, analysis, postings and URL
 * 2,800), pack +2,700 (glossary view 1,530, glossary 530, index 460), CSS
 * +180; the build it started from already measured about 148,900 bytes
 * here, just over 145 KB (BENCHMARKS.md). */
const BUDGET = 157.5 * 1024;
const TARGET = 100 * 1024;

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  test('dist/ holds a build (run `make build` first)', () => assert.fail('dist/index.html is missing'));
} else {
  test(`a first visit downloads at most ${BUDGET / 1024} KB gzipped`, { timeout: 90_000 }, async () => {
    const server = await startServer();
    const browser = await launch();
    try {
      const session = await newPage(browser);
      const fetched = [];
      session.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await session.page.goto(`${server.url}/`);
      await session.page.waitForSelector('#results > li');
      session.assertNoProblems();

      const files = fetched.map((p) => (p === '/' ? '/index.html' : p));
      assert.ok(files.some((f) => f.endsWith('.wasm')), `the app's wasm: ${files.join(' ')}`);
      assert.ok(files.includes('/data/passerelles.pack'), 'the pack');
      assert.ok(!files.some((f) => f.includes('convert')), 'no JSON reader on a normal visit');
      assert.ok(!files.some((f) => f.includes('.pack.d/')), 'no details before a record is opened');

      let total = 0;
      const lines = [];
      for (const f of new Set(files)) {
        const body = fs.readFileSync(path.join(DIST, decodeURIComponent(f)));
        const gz = zlib.gzipSync(body, { level: 9 }).length;
        total += gz;
        lines.push(`${f} ${body.length} -> ${gz}`);
      }
      console.log(`first visit: ${total} bytes gzipped (target ${TARGET}, budget ${BUDGET})\n  ${lines.join('\n  ')}`);
      assert.ok(total <= BUDGET, `${total} bytes gzipped is over the budget of ${BUDGET}:\n  ${lines.join('\n  ')}`);
      await session.context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
