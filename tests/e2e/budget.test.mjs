// The byte budget of a first visit: everything the shipped page downloads
// until the app has taken over the prerendered view (the results are on
// screen before, from the HTML alone), each file compressed with gzip -9 as a
// static host would send it. Bytes, not times: a byte count does not flake on
// a busy machine.
//
// Two figures, two meanings. CAP is this round's ceiling, fixed by the
// issue: a change may never take a visit over it. BUDGET is a ratchet: what
// the page weighs today plus a small slack, so that no change grows a visit
// unnoticed; when a change makes the page lighter, lower the figures below
// to what this file prints (BENCHMARKS.md says what each change cost).
//
// What the page fetches once it has taken over and painted, the map and the
// timeline (crates/island/), is not needed for the first paint: it is
// counted apart, with a cap and a budget of its own.
// Run after `trunk build --release`: node --test tests/e2e/budget.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, suite } from './harness.mjs';

// ---- the figures: bytes, gzip -9 ----
// measured with: trunk build --release; node --test tests/e2e/budget.test.mjs
// Today's figures, as the run prints them ("first visit (French): N bytes").
// Issue 23 (partners) added 4,107 bytes to the French first visit and
// 4,023 to the English one (BENCHMARKS.md, "Partners everywhere"): theme
// chips and region names as links, the facet pages' views, WordPress's
// embed protocol and the sandbox's explanations. Issue 24 (a phone's
// layout, the filters' sheet and its history step, the loader's later
// downloads) and issue 22 (the footer's link to the editors' page, nothing
// else) took them to these (BENCHMARKS.md, "Results first on a phone").
// Issue 25 (a large site's split pack) left the shipped page without the
// split reader (7 KB, `make release-large` has it); what it still added
// (the engine's index in parts, the page's asking for parts) was paid for by
// the page's own savings on the way (classes as literals, stateless views
// as functions): BENCHMARKS.md, "100,000 records on a phone".
const MEASURED = {
  French: { first: 172_621, after: 53_075 },
  English: { first: 172_716, after: 53_075 },
};
/** What a visit may grow by before the budget fails: a rebuild's noise, not a feature. */
const SLACK = 512;
/** Each visit's budget: today's figure plus the slack. */
const BUDGET = {
  French: { first: MEASURED.French.first + SLACK, after: MEASURED.French.after + SLACK },
  English: { first: MEASURED.English.first + SLACK, after: MEASURED.English.after + SLACK },
};
/** This round's cap, for every visit: 170 KiB until the first paint, 60 KiB after it. */
const CAP = { first: 170 * 1024, after: 60 * 1024 };
// ----

const bytes = (n) => n.toLocaleString('en-US');
const VISITS = [['French', ''], ['English', 'en/']];

test(`each visit's budget is below this round's cap (${bytes(CAP.first)} bytes for a first visit, ${bytes(CAP.after)} after the first paint)`, () => {
  for (const [label] of VISITS) {
    assert.ok(BUDGET[label].first < CAP.first, `${label}: first-visit budget ${bytes(BUDGET[label].first)} is not below the cap of ${bytes(CAP.first)}`);
    assert.ok(BUDGET[label].after < CAP.after, `${label}: after-paint budget ${bytes(BUDGET[label].after)} is not below the cap of ${bytes(CAP.after)}`);
  }
});

/** When the app's own view replaced the prerendered one, in the page's
 * clock: what was asked for before is the first visit. */
const MARK_TAKEOVER = () => {
  new MutationObserver((_, observer) => {
    if (document.getElementById('live')?.childElementCount && !document.getElementById('app')) {
      window.takenOverAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** Each file once, gzip -9 as read from dist/: { total, lines }. */
function gzipped(list) {
  let total = 0;
  const lines = [];
  for (const f of new Set(list)) {
    const body = fs.readFileSync(path.join(DIST, decodeURIComponent(f)));
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    total += gz;
    lines.push(`${f} ${body.length} -> ${gz}`);
  }
  return { total, lines };
}

const served = suite('the byte budget of a first visit', (scenario) => {
  for (const [label, at] of VISITS) {
    const budget = BUDGET[label];
    scenario(
      `a first visit to the ${label} page downloads at most ${bytes(budget.first)} bytes gzipped (cap ${bytes(CAP.first)}), ` +
        `then at most ${bytes(budget.after)} after the first paint (cap ${bytes(CAP.after)})`,
      async (page, session) => {
        await page.goto(`${served.server.url}/${at}`);
        // The harness's goto waits for the takeover; the live list is the app's.
        await page.waitForSelector('#live #results > li');
        await page.waitForSelector('#map [data-region]');
        const { document: doc, before, after } = await page.evaluate(() => {
          const path = (e) => new URL(e.name).pathname;
          const resources = performance.getEntriesByType('resource');
          return {
            document: path(performance.getEntriesByType('navigation')[0]),
            before: resources.filter((e) => e.startTime < window.takenOverAt).map(path),
            after: resources.filter((e) => e.startTime >= window.takenOverAt).map(path),
          };
        });
        session.assertNoProblems();

        const fetched = [doc, ...before];
        const files = fetched.map((p) => (p.endsWith('/') ? `${p}index.html` : p));
        assert.ok(files.some((f) => f.endsWith('.wasm')), `the app's wasm: ${files.join(' ')}`);
        assert.ok(files.includes(at ? '/data/passerelles.en.pack' : '/data/passerelles.pack'), 'the pack of its language');
        assert.ok(!files.some((f) => f.includes('convert')), 'no JSON reader on a normal visit');
        assert.ok(!files.some((f) => f.includes('.pack.d/')), 'no details before a record is opened');

        const first = gzipped(files);
        const later = gzipped(after);
        // Printed on every run, for the next ratchet.
        console.log(
          `first visit (${label}): ${first.total} bytes gzipped (budget ${budget.first}, cap ${CAP.first}; measured ${MEASURED[label].first})\n` +
            `  ${first.lines.join('\n  ')}\n` +
            `then, after the first paint (${label}): ${later.total} bytes gzipped (budget ${budget.after}, cap ${CAP.after}; measured ${MEASURED[label].after})\n` +
            `  ${later.lines.join('\n  ')}`,
        );
        assert.ok(
          first.total <= budget.first,
          `${first.total} bytes gzipped is over the budget of ${budget.first} (cap ${CAP.first}):\n  ${first.lines.join('\n  ')}`,
        );
        assert.ok(!files.some((f) => f.includes('wherewhen')), 'the map and the timeline come after the first paint');
        assert.ok(after.some((f) => f.endsWith('.wasm')), `the map and the timeline were fetched: ${after.join(' ')}`);
        assert.ok(
          later.total <= budget.after,
          `${later.total} bytes gzipped after the first paint is over the budget of ${budget.after} (cap ${CAP.after}):\n  ${later.lines.join('\n  ')}`,
        );
      },
      { init: MARK_TAKEOVER },
    );
  }
}, { prefix: 'budget-' });
