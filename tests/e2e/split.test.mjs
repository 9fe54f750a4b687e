// A large dataset split by what each moment needs (issue 25,
// docs/pack-format.md, kinds 4 and 5): the same generated records packed
// whole and split, opened side by side. Every view must read the same
// (count, facet counts, the list's first records, a record's detail), and
// the split pack must fetch only what the view needs, when it needs it:
// the boot file first, the index's sets after the first paint, a chunk of
// the search's words as a word is typed, another sort order when asked,
// blocks of cards as the list scrolls, a block of ids for a record asked
// for by its id. A part of another build is refused, never read.
// The shipped page reads whole packs only (src/arrivals.rs, SPLIT): this runs on a
// large site's build, with the split reader, in target/split-dist.
// Needs the gen-data and pack binaries (`make test` builds them first).
// Run after `make release-large LARGE_DIST=target/split-dist`:
//   node --test tests/e2e/split.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, assertAccessible, suite } from './harness.mjs';

/** Six blocks of 500 cards, enough for a long list and several parts. */
const RECORDS = 3000;
const BIN = path.join(ROOT, 'target', 'debug');
/** A large site's build (Makefile: SPLIT_DIST). */
const SPLIT_DIST = { dir: path.join(ROOT, 'target', 'split-dist'), how: '`make release-large LARGE_DIST=target/split-dist`' };

let work;
let ids = [];
let word; // a word of the records' titles, for the search

const countOf = (page) =>
  page.evaluate(() => Number(document.querySelector('#result-count').textContent.replace(/[\s\u202f\u00a0]/g, '').match(/\d+/)[0]));

/** Every request the page makes, by path. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

/** The parts of the split pack a page asked for, by kind: 'index', 'c3', 'w12', 'title', 'i0'… */
const partsOf = (seen) =>
  seen.filter((p) => p.startsWith('/gen/split.pack.d/')).map((p) => p.split('/').pop().replace(/-[0-9a-f]{16}\.pack$/, ''));

/** What a person reads of the list: the count, the facets' counts, the first cards. */
async function reading(page) {
  await page.waitForSelector('#results > li:not(.card-pending)');
  await page.waitForFunction(() => !document.querySelector('#part-status'));
  return page.evaluate(() => ({
    count: document.querySelector('#result-count').textContent,
    facets: [...document.querySelectorAll('fieldset.facet label .count')].map((c) => c.textContent),
    first: [...document.querySelectorAll('#results > li')].slice(0, 8).map((li) => li.dataset.id + ' ' + li.querySelector('h3')?.textContent),
  }));
}

function prepare(served) {
  work = served.temp('split');
  for (const bin of ['gen-data', 'pack']) {
    assert.ok(fs.existsSync(path.join(BIN, bin)), `${bin} is not built: run \`cargo build --bin gen-data --bin pack\` (make test does)`);
  }
  const json = path.join(work, 'gen.json');
  execFileSync(path.join(BIN, 'gen-data'), ['--records', String(RECORDS), '--seed', '5', '--out', json], { stdio: 'pipe' });
  execFileSync(path.join(BIN, 'pack'), [json, '--out', path.join(work, 'whole.pack')], { stdio: 'pipe' });
  execFileSync(path.join(BIN, 'pack'), [json, '--out', path.join(work, 'split.pack'), '--split'], { stdio: 'pipe' });
  const data = JSON.parse(fs.readFileSync(json, 'utf8'));
  ids = [...data.agreements, ...data.events].map((r) => r.id);
  // A word of some titles, not of all: its search narrows the list.
  const counts = new Map();
  for (const r of [...data.agreements, ...data.events]) {
    for (const w of new Set(r.title.toLowerCase().match(/[a-zàâçéèêëîïôûùüÿœ]{6,}/g) ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  word = [...counts].filter(([, n]) => n > 20 && n < RECORDS / 3).sort((a, b) => b[1] - a[1])[0]?.[0];
  assert.ok(word, 'a word of some titles');

  // The same records rebuilt (one title revised): its index part, under
  // the name the first build's boot file asks for, is another build's.
  data.agreements[0].title += ' (révisé)';
  fs.writeFileSync(path.join(work, 'gen2.json'), JSON.stringify(data));
  execFileSync(path.join(BIN, 'pack'), [path.join(work, 'gen2.json'), '--out', path.join(work, 'rebuilt.pack'), '--split'], { stdio: 'pipe' });
  const named = (pack, stem) => fs.readdirSync(path.join(work, `${pack}.d`)).find((f) => f.startsWith(`${stem}-`));
  fs.cpSync(path.join(work, 'split.pack.d'), path.join(work, 'stale.pack.d'), { recursive: true });
  fs.copyFileSync(path.join(work, 'split.pack'), path.join(work, 'stale.pack'));
  fs.copyFileSync(path.join(work, 'rebuilt.pack.d', named('rebuilt.pack', 'index')), path.join(work, 'stale.pack.d', named('split.pack', 'index')));
}

const served = suite('a split pack: only what the view needs, the same view as a whole pack', (scenario) => {
  scenario('the first view from the boot file alone, then the index after the first paint, and the same list', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/whole.pack`);
    const whole = await reading(page);
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack`);
    const split = await reading(page);
    assert.deepEqual(split, whole);
    assert.equal(await countOf(page), RECORDS);
    assert.ok(seen.includes('/gen/split.pack'), 'the boot file');
    // The index follows the first paint; nothing else of the pack.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/index-[0-9a-f]{16}\.pack$/.test(e.name)));
    assert.deepEqual(partsOf(seen), ['index'], `parts fetched: ${partsOf(seen).join(' ')}`);
    // The map and the timeline come with the index (its days).
    await page.waitForSelector('#map [data-region]');
    await page.waitForSelector('#timeline [data-period]');
    await assertAccessible(page, 'the first view of a split pack');
  });

  scenario('a theme clicked: the same count, counts and list as the whole pack', async (page) => {
    const pick = async () => {
      await page.waitForSelector('fieldset.facet[data-facet="theme"] input[name="theme"]');
      const box = page.locator('fieldset.facet[data-facet="theme"] input[name="theme"]').nth(1);
      await box.check();
      await page.waitForFunction(() => new URLSearchParams(location.search).has('theme'));
      return reading(page);
    };
    await page.goto(`${served.server.url}/?data=gen/whole.pack`);
    const whole = await pick();
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack`);
    await reading(page);
    const split = await pick();
    assert.deepEqual(split, whole);
    assert.ok(partsOf(seen).includes('index'), 'the index answered the click');
    assert.ok(!partsOf(seen).some((p) => /^(w\d+|typos|i\d+)$/.test(p)), `no search nor ids for a click: ${partsOf(seen).join(' ')}`);
  });

  scenario('a word typed: a chunk of the search\'s words, and the same results', async (page) => {
    const search = async () => {
      await page.fill('#q', word);
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).has('q'));
      return reading(page);
    };
    await page.goto(`${served.server.url}/?data=gen/whole.pack`);
    await reading(page);
    const whole = await search();
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack`);
    await reading(page);
    const split = await search();
    assert.deepEqual(split, whole);
    const words = partsOf(seen).filter((p) => /^w\d+$/.test(p));
    assert.ok(words.length >= 1 && words.length <= 2, `one chunk (two at a boundary) for one word: ${partsOf(seen).join(' ')}`);
  });

  scenario('sorted by title: that order\'s part, and the same first records', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/whole.pack&sort=title`);
    const whole = await reading(page);
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack&sort=title`);
    const split = await reading(page);
    assert.deepEqual(split, whole);
    assert.ok(partsOf(seen).includes('title'), `the title order: ${partsOf(seen).join(' ')}`);
    assert.ok(!partsOf(seen).includes('oldest'), 'not the other order');
  });

  scenario('scrolled to the end: the blocks of cards in view, and the last records as a whole pack shows them', async (page) => {
    const end = async () => {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction((n) => document.querySelector(`#results > li[aria-posinset="${n}"]:not(.card-pending)`), RECORDS, { timeout: 15_000 });
      return page.$$eval('#results > li', (lis) => lis.slice(-5).map((li) => li.dataset.id + ' ' + li.querySelector('h3')?.textContent));
    };
    await page.goto(`${served.server.url}/?data=gen/whole.pack`);
    await reading(page);
    const whole = await end();
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack`);
    await reading(page);
    const split = await end();
    assert.deepEqual(split, whole);
    const blocks = partsOf(seen).filter((p) => /^c\d+$/.test(p));
    assert.ok(blocks.includes(`c${Math.floor((RECORDS - 1) / 500)}`), `the last block: ${blocks.join(' ')}`);
    assert.ok(blocks.length <= 2, `the blocks in view, not every block: ${blocks.join(' ')}`);
  });

  scenario('a shared link to the last record: its block of ids, then its detail', async (page) => {
    const last = ids[ids.length - 1];
    await page.goto(`${served.server.url}/?data=gen/whole.pack&id=${last}`);
    await page.waitForSelector(`#detail[data-id="${last}"] .excerpt`);
    const whole = await page.textContent('#detail');
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack&id=${last}`);
    await page.waitForSelector(`#detail[data-id="${last}"] .excerpt`);
    // Its day ("Ajouter à mon agenda") is the index's, which follows the
    // first paint here too.
    await page.waitForFunction((whole) => document.querySelector('#detail').textContent === whole, whole).catch(() => {});
    assert.equal(await page.textContent('#detail'), whole);
    assert.ok(partsOf(seen).some((p) => /^i\d+$/.test(p)), `a block of ids: ${partsOf(seen).join(' ')}`);
    await page.goto(`${served.server.url}/?data=gen/split.pack&id=no-such-record`);
    await page.waitForSelector('#detail h2');
    assert.match(await page.textContent('#detail h2'), /introuvable|inconnue|n'existe/i);
  });

  scenario('an index part of another build: refused with a reload, never read as this pack\'s', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/stale.pack`);
    await reading(page).catch(() => {});
    await page.waitForSelector('#part-error[role="alert"]');
    assert.match(await page.textContent('#part-error'), /ne correspond pas à la page/);
    assert.equal(await page.locator('#part-error #reload').count(), 1, 'a reload button');
    // The first view, from the boot file, stays; the counts are its own.
    assert.equal(await countOf(page), RECORDS);
    await assertAccessible(page, 'a refused part', { include: '#part-error' });
  });
}, {
  prefix: 'split-',
  dist: SPLIT_DIST,
  prepare,
  server: () => ({ mounts: { '/gen/': work } }),
});
