// The broken and hostile datasets of tests/corpus/ (cases.json), each loaded
// by the built page with ?data=corpus/<file>: the page must show what the
// manifest says (the error panel with its text, the notice of records left
// out with their count, or the list), run no script from the data (payloads
// set window.__pwned; no dialog may open), log no error beyond the one a
// missing file must cause, and pass an axe audit of the panel or notice.
// The same manifest drives the native run (tests/corpus.rs).
// Run after `trunk build --release`: node --test tests/e2e/
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, assertAccessible, suite } from './harness.mjs';

const CORPUS = path.join(ROOT, 'tests', 'corpus');
const { cases } = JSON.parse(fs.readFileSync(path.join(CORPUS, 'cases.json'), 'utf8'));

/** Where the page fetches a case: generated ones are written at test time. */
const dataPath = (c) => (c.generate ? `corpus/generated/${c.file}` : `corpus/${c.file}`);

function generate(dir) {
  for (const c of cases.filter((c) => c.generate)) {
    const g = c.generate;
    const template = fs.readFileSync(path.join(CORPUS, g.from), 'utf8');
    assert.ok(template.includes(g.replace), `${g.from} lacks ${g.replace}`);
    fs.writeFileSync(path.join(dir, c.file), template.split(g.replace).join(g.with.repeat(g.times)));
  }
}

/** In the page: the integer in #result-count ("1 234 fiches" -> 1234). */
const readCount = (page) =>
  page.evaluate(() => {
    const m = document.querySelector('#result-count').textContent.replace(/(\d)[\s\u00a0\u202f](?=\d)/g, '$1').match(/\d+/);
    return m ? Number(m[0]) : 0;
  });

/** The page does not scroll sideways: long words wrap. */
async function assertNoSidewaysScroll(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= width, `${where}: the page scrolls sideways (${scroll} > ${width} px)`);
}

/**
 * In the page: whether, inside `root`, the character at `first` in the text
 * node holding `text` is drawn left of the one at `second`. A right-to-left
 * override leaking from another field would draw them the other way round.
 */
const drawnInOrder = (page, root, text, first, second) =>
  page.evaluate(
    ({ root, text, first, second }) => {
      const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const left = (i) => {
          const r = document.createRange();
          r.setStart(node, at + i);
          r.setEnd(node, at + i + 1);
          return r.getBoundingClientRect().left;
        };
        return left(first) < left(second);
      }
      return null;
    },
    { root, text, first, second },
  );

/** Nothing from the data became markup or ran. */
async function assertInert(page, dialogs) {
  const state = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    injected: document.querySelectorAll('main img, main script, main svg:not(.map-svg), main iframe, main [onerror], main [onload], main [onmouseover]').length,
    badLinks: [...document.querySelectorAll('main a[href]')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => !/^(https?:\/\/|\?|#)/i.test(h)),
  }));
  assert.equal(state.pwned, 'undefined', 'a script from the data ran');
  assert.equal(state.injected, 0, 'markup from the data became elements');
  assert.deepEqual(state.badLinks, [], 'a link that is not http(s)');
  assert.deepEqual(dialogs, [], 'a dialog opened');
}

/** Where the page asks for missing.json. */
const missingUrl = () => `${served.server.url}/corpus/missing.json`;

/** The one failure a missing file must cause: its 404, and the console's
 * word on it. Nothing else may be reported. */
const causedByMissing = (p) =>
  p === `HTTP 404: GET ${missingUrl()}` || (p.startsWith('console.error: Failed to load resource') && p.includes(missingUrl()));

const served = suite('broken and hostile datasets', (scenario) => {
  for (const c of cases) {
    const expected = c.page;
    scenario(`${c.file}: ${expected.outcome}`, async (page, session) => {
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      await page.goto(`${served.server.url}/?data=${encodeURIComponent(dataPath(c))}`);
      await page.waitForSelector('#load-error, #result-count');

      if (expected.outcome === 'error-panel') {
        assert.equal(await page.locator('#result-count').count(), 0);
        const text = await page.textContent('#load-error');
        for (const t of expected.text) assert.ok(text.includes(t), `no ${JSON.stringify(t)} in the panel:\n${text}`);
        assert.ok(text.includes(dataPath(c)), 'the panel names the file');
        await assertAccessible(page, `the error panel for ${c.file}`, { include: '#load-error' });
      } else {
        assert.equal(await page.locator('#load-error').count(), 0);
        assert.equal(await readCount(page), expected.results, 'records shown');
        const notice = page.locator('#data-problems');
        if (expected.outcome === 'notice') {
          assert.equal(await notice.getAttribute('data-skipped'), String(expected.skipped));
          await page.click('#data-problems summary');
          const text = await notice.textContent();
          for (const t of expected.text) assert.ok(text.includes(t), `no ${JSON.stringify(t)} in the notice:\n${text}`);
          await assertAccessible(page, `the notice for ${c.file}`, { include: '#data-problems' });
        } else {
          assert.equal(await notice.count(), 0, 'no notice for a clean file');
          const text = await page.textContent('#results');
          for (const t of expected.text) assert.ok(text.includes(t), `no ${JSON.stringify(t)} in the list`);
        }
        await assertNoSidewaysScroll(page, 'the list');
        // Every field of the first record, in the detail view.
        if (await page.locator('li.card[data-id="ag-2019-alpha"]').count()) {
          await page.click('li.card[data-id="ag-2019-alpha"] h3 a');
          await page.waitForSelector('#detail[data-id="ag-2019-alpha"]');
          await assertNoSidewaysScroll(page, 'the detail');
          await page.hover('#detail h2').catch(() => {});
        }
      }
      await assertInert(page, dialogs);

      // The one failure a missing file must cause (let through below), and nothing else.
      if (c.file === 'missing.json') {
        const { problems } = session;
        assert.ok(problems.includes(`HTTP 404: GET ${missingUrl()}`), `the 404 was not seen: ${problems.join('; ')}`);
      }
    }, { allow: c.file === 'missing.json' ? [causedByMissing] : [] });
  }

  scenario('a right-to-left override stays inside its own field', async (page) => {
    await page.goto(`${served.server.url}/?data=corpus/hostile-bidi.json&id=ag-2019-alpha`);
    await page.waitForSelector('#detail[data-id="ag-2019-alpha"]');
    // "Union\u202e Alpha" is the first party; the second, right after it, reads left to right.
    assert.equal(await drawnInOrder(page, '#detail', 'Fédération Beta', 0, 11), true, 'the second party is reversed');
    // The title's override does not reach the date below it.
    assert.equal(await drawnInOrder(page, '#detail', '21 novembre 2019', 0, 3), true, 'the date is reversed');
    // And the override does act inside its own field (so the check above can fail).
    assert.equal(await drawnInOrder(page, '#detail h2', 'Alpha inversée', 0, 6), false);
  });

  scenario('a 12 000-letter word wraps on a 360 px screen, in the list and the detail', async (page) => {
    await page.goto(`${served.server.url}/?data=corpus/generated/long-word.json`);
    await page.waitForSelector('#result-count');
    await assertNoSidewaysScroll(page, 'the list at 360 px');
    await page.click('li.card[data-id="ag-2019-alpha"] h3 a');
    await page.waitForSelector('#detail[data-id="ag-2019-alpha"]');
    await assertNoSidewaysScroll(page, 'the detail at 360 px');
  }, { viewport: { width: 360, height: 740 } });
}, {
  prefix: 'corpus-',
  prepare: (served) => {
    served.generated = served.temp('corpus');
    generate(served.generated);
  },
  server: (served) => ({ mounts: { '/corpus/': CORPUS, '/corpus/generated/': served.generated } }),
});
