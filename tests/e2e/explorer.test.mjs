// End-to-end scenarios of the explorer, written against the DOM contract:
// #q, fieldset.facet[data-facet] with input[name=theme|region|type], #date-from,
// #date-to, #sort, #result-count, ol#results > li.card[data-id] h3 a, #empty,
// #clear, article#detail[data-id] h2, a#back; state mirrored in the URL.
// Run after `trunk build --release`: node --test tests/e2e/
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, readDistJson, assertAccessible, screenshot, suite } from './harness.mjs';

const DATA_FILE = 'data/passerelles.json';
const TARGET = 'ag-2019-cpme-reunion-ursiae';
// `make screenshot` writes it to docs/ for the README; a test run never
// changes a tracked file.
const SCREENSHOT = process.env.E2E_SCREENSHOT || path.join(ARTIFACTS, 'screenshot.png');

/** Lower case, accents removed: "Économie" -> "economie". */
const fold = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

let records = []; // agreements and events of dist/data/passerelles.json
let byId = new Map();

// ---------- page helpers ----------

const url = (query = '') => `${served.server.url}/${query}`;

/** In the page: the integer in #result-count ("1 234 fiches" -> 1234), or null. */
function readCount() {
  const el = document.querySelector('#result-count');
  if (!el) return null;
  const m = el.textContent.replace(/(\d)[\s\u00a0\u202f](?=\d)/g, '$1').match(/\d+/);
  return m ? Number(m[0]) : null;
}

/** Waits until the list view is rendered and consistent: #result-count equals the number of cards. */
async function waitList(page, expected) {
  await page.waitForFunction(
    ({ expected }) => {
      const el = document.querySelector('#result-count');
      if (!el || document.querySelector('#detail')) return false;
      const m = el.textContent.replace(/(\d)[\s\u00a0\u202f](?=\d)/g, '$1').match(/\d+/);
      if (!m) return false;
      const n = Number(m[0]);
      if (expected !== undefined && expected !== null && n !== expected) return false;
      const cards = document.querySelectorAll('#results > li').length;
      return n === cards && (n > 0 || document.querySelector('#empty') !== null);
    },
    { expected: expected ?? null },
  );
}

async function open(page, query = '') {
  await page.goto(url(query));
  await waitList(page);
}

const resultIds = (page) =>
  page.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-id')));

const resultCount = (page) => page.evaluate(readCount);

const checkedBoxes = (page) =>
  page.$$eval('input[type=checkbox]:checked', (els) => els.map((e) => e.id).sort());

const params = (page) => new URL(page.url()).searchParams;

/** Waits until URL parameter `key` satisfies `pred` (a string: equality; a list param may hold it among commas). */
async function waitParam(page, key, value) {
  await page.waitForFunction(
    ({ key, value }) => {
      const v = new URLSearchParams(location.search).get(key);
      return v !== null && (v === value || v.split(',').includes(value));
    },
    { key, value },
  );
}

/** Facet values with their displayed counts: [{ id, value, count }]. */
const facetValues = (page, facet) =>
  page.$$eval(`fieldset.facet[data-facet="${facet}"] input[type=checkbox][name="${facet}"]`, (inputs) =>
    inputs.map((input) => {
      const label = document.querySelector(`label[for="${input.id}"]`);
      const count = label && label.querySelector('.count');
      return { id: input.id, value: input.value, count: count ? Number(count.textContent.replace(/\D/g, '')) : null };
    }),
  );

/** Types a date bound and commits it the way a person does (leaving the field). */
async function setDate(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Tab');
}

const hasTheme = (rec, theme) => Array.isArray(rec.themes) && rec.themes.includes(theme);

// ---------- scenarios ----------

/** The records the page must show, read from the build. */
function readRecords() {
  const data = readDistJson(DATA_FILE);
  assert.ok(Array.isArray(data.agreements) && Array.isArray(data.events), `${DATA_FILE}: agreements and events must be arrays`);
  records = [...data.agreements, ...data.events];
  byId = new Map(records.map((r) => [r.id, r]));
}

const served = suite('Passerelles explorer (dist/ served on 127.0.0.1)', (scenario) => {
  scenario('the page follows the DOM contract', async (page) => {
    await open(page);
    assert.match(await page.textContent('h1'), /Passerelles/);
    assert.equal(await page.locator('main#main').count(), 1, 'one <main id="main">');
    assert.equal(await page.getAttribute('#q', 'type'), 'search');
    assert.equal(await page.locator('label[for="q"]').count(), 1, '#q has a label');
    for (const facet of ['theme', 'region', 'type']) {
      const fs = page.locator(`fieldset.facet[data-facet="${facet}"]`);
      assert.equal(await fs.count(), 1, `fieldset for ${facet}`);
      assert.equal(await fs.locator('legend').count(), 1, `legend for ${facet}`);
      const values = await facetValues(page, facet);
      assert.ok(values.length > 0, `${facet} has values`);
      for (const v of values) {
        assert.equal(v.id, `${facet}-${v.value}`, `id of ${facet} checkbox ${v.value}`);
        assert.ok(Number.isInteger(v.count), `label[for=${v.id}] .count is a number`);
      }
    }
    assert.deepEqual(
      (await facetValues(page, 'type')).map((v) => v.value).sort(),
      ['agreement', 'event'],
    );
    assert.deepEqual(
      await page.$$eval('#sort option', (os) => os.map((o) => o.value)),
      ['recent', 'oldest', 'title'],
    );
    assert.equal(await page.inputValue('#sort'), 'recent');
    assert.equal(await page.getAttribute('#result-count', 'role'), 'status');
    assert.equal(await page.locator('#date-from').count(), 1);
    assert.equal(await page.locator('#date-to').count(), 1);
    assert.equal(await page.locator('button#clear').count(), 1);
    const links = await page.$$eval('#results > li.card', (lis) =>
      lis.map((li) => [li.getAttribute('data-id'), li.querySelector('h3 a')?.getAttribute('href')]),
    );
    for (const [id, href] of links) {
      assert.ok(href, `card ${id} has a title link`);
      // A real address: the record's own page (crates/build/src/bin/prerender.rs).
      assert.equal(href, `fiches/${id}/`, `link of ${id}`);
    }
  });

  scenario('(a) the page lists every record', async (page) => {
    const total = records.length;
    assert.ok(total > 0, `${DATA_FILE} holds records`);
    await open(page);
    await waitList(page, total);
    const ids = await resultIds(page);
    assert.equal(ids.length, total);
    assert.deepEqual([...ids].sort(), records.map((r) => r.id).sort(), 'each record appears once');
    const text = (await page.textContent('#result-count')).replace(/(\d)[\s\u00a0\u202f](?=\d)/g, '$1');
    assert.ok(text.includes(String(total)), `#result-count "${text}" contains ${total}`);
  });

  scenario('(b) a theme checkbox changes the count, the list and the URL', async (page) => {
    const total = records.length;
    await open(page);
    const before = await resultIds(page);
    const themes = await facetValues(page, 'theme');
    const pick = themes.find((t) => t.count > 0 && t.count < total);
    assert.ok(pick, `a theme narrows the list (themes: ${JSON.stringify(themes)})`);
    const expected = records.filter((r) => hasTheme(r, pick.value)).map((r) => r.id).sort();
    assert.equal(pick.count, expected.length, `facet count of ${pick.value} matches the data`);

    await page.check(`#${pick.id}`);
    await waitParam(page, 'theme', pick.value);
    await waitList(page, pick.count);
    const after = await resultIds(page);
    assert.notDeepEqual(after, before, 'the list changed');
    assert.deepEqual([...after].sort(), expected, `exactly the records with theme ${pick.value}`);
    assert.equal(await resultCount(page), pick.count);
    assert.ok(await page.isChecked(`#${pick.id}`));

    // Unchecking restores everything and drops the parameter.
    await page.uncheck(`#${pick.id}`);
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('theme'));
    await waitList(page, total);
  });

  scenario('(c) a reload keeps the state', async (page) => {
    await open(page);
    const themes = await facetValues(page, 'theme');
    const pick = themes.find((t) => t.count > 0 && t.count < records.length) ?? themes[0];
    await page.check(`#${pick.id}`);
    await waitParam(page, 'theme', pick.value);
    await waitList(page);
    await page.selectOption('#sort', 'oldest');
    await waitParam(page, 'sort', 'oldest');
    await waitList(page);
    const state = {
      url: page.url(),
      checked: await checkedBoxes(page),
      ids: await resultIds(page),
      count: await resultCount(page),
    };
    assert.ok(state.checked.includes(pick.id));

    await page.reload();
    await waitList(page);
    assert.equal(page.url(), state.url, 'same URL');
    assert.deepEqual(await checkedBoxes(page), state.checked, 'same checked boxes');
    assert.deepEqual(await resultIds(page), state.ids, 'same list in the same order');
    assert.equal(await resultCount(page), state.count);
    assert.equal(await page.inputValue('#sort'), 'oldest');
  });

  scenario('(d) a title link opens the detail at its own URL; back restores the list', async (page) => {
    await open(page);
    const themes = await facetValues(page, 'theme');
    const pick = themes.find((t) => t.count > 1 && t.count < records.length) ?? themes[0];
    await page.check(`#${pick.id}`);
    await waitParam(page, 'theme', pick.value);
    await waitList(page);
    const listUrl = page.url();
    const listIds = await resultIds(page);
    assert.ok(listIds.length > 0);

    const first = page.locator('#results > li').first();
    const id = await first.getAttribute('data-id');
    const title = (await first.locator('h3 a').textContent()).trim();
    await first.locator('h3 a').click();
    await page.waitForSelector(`#detail[data-id="${id}"]`);
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('id') === id, id);
    assert.equal((await page.textContent('#detail h2')).trim(), title);
    assert.equal(await page.locator('#results').count(), 0, 'the list is replaced by the detail');
    assert.match(await page.textContent('#back'), /Retour à la liste/);

    await page.goBack();
    await waitList(page, listIds.length);
    assert.equal(page.url(), listUrl, 'back restores the filtered URL');
    assert.deepEqual(await resultIds(page), listIds, 'back restores the filtered list');
    assert.ok(await page.isChecked(`#${pick.id}`));

    // A detail URL opened directly (shared link) shows the record; #back leads to the list.
    await page.goto(url(`?id=${encodeURIComponent(TARGET)}`));
    await page.waitForSelector(`#detail[data-id="${TARGET}"]`);
    assert.equal((await page.textContent('#detail h2')).trim(), byId.get(TARGET)?.title?.trim());
    await page.click('#back');
    await waitList(page);
    assert.ok(!params(page).has('id'), 'no id once back on the list');
  });

  scenario('(e) searching "economie" finds "Économie" (case and accents folded)', async (page) => {
    const expected = records.filter((r) => fold(r.title).includes('economie')).map((r) => r.id);
    assert.ok(expected.length > 0, 'the data holds a title with "Économie"');
    await open(page);
    await page.fill('#q', 'economie');
    await page.press('#q', 'Tab');
    await waitParam(page, 'q', 'economie');
    await waitList(page);
    const ids = await resultIds(page);
    for (const id of expected) assert.ok(ids.includes(id), `${id} ("${byId.get(id).title}") is found`);
    const titles = await page.$$eval('#results > li h3 a', (as) => as.map((a) => a.textContent));
    assert.ok(titles.some((t) => t.includes('Économie')), `a listed title contains "Économie": ${titles.join(' | ')}`);
    assert.ok(ids.length < records.length, 'the search narrows the list');
  });

  scenario(`(f) ${TARGET} is found by theme, by region and by year`, async (page) => {
    const rec = byId.get(TARGET);
    assert.ok(rec, `${TARGET} is in ${DATA_FILE}`);

    // by theme "insertion"
    await open(page);
    await page.check('#theme-insertion');
    await waitParam(page, 'theme', 'insertion');
    await waitList(page);
    let ids = await resultIds(page);
    assert.ok(ids.includes(TARGET), 'found by theme insertion');
    for (const id of ids) assert.ok(hasTheme(byId.get(id), 'insertion'), `${id} has theme insertion`);

    // by region 04 (La Réunion); national records stay by default
    await open(page);
    assert.match(await page.textContent('label[for="region-04"]'), /Réunion/);
    await page.check('#region-04');
    await waitParam(page, 'region', '04');
    await waitList(page);
    ids = await resultIds(page);
    assert.ok(ids.includes(TARGET), 'found by region 04');
    for (const id of ids) {
      const t = byId.get(id).territory ?? [];
      assert.ok(t.includes('04') || t.includes('FR'), `${id} is in La Réunion or national`);
    }

    // by year 2019
    await open(page);
    await setDate(page, '#date-from', '2019');
    await waitParam(page, 'from', '2019');
    await setDate(page, '#date-to', '2019');
    await waitParam(page, 'to', '2019');
    await waitList(page);
    ids = await resultIds(page);
    assert.ok(ids.includes(TARGET), 'found by year 2019');
    for (const id of ids) {
      const v = byId.get(id).date?.value;
      assert.ok(typeof v === 'string' && v.startsWith('2019'), `${id} is dated in 2019 (got ${v})`);
    }
  });

  scenario('"Effacer les filtres" brings every record back', async (page) => {
    await open(page, '?theme=insertion&region=04&from=2019&to=2019&q=cpme');
    await page.click('#clear');
    await waitList(page, records.length);
    for (const key of ['q', 'theme', 'region', 'from', 'to']) assert.ok(!params(page).has(key), `no ${key} in the URL`);
    assert.deepEqual(
      await page.$$eval('input[name=theme]:checked, input[name=region]:checked, input[name=type]:checked', (els) => els.map((e) => e.id)),
      [],
      'no facet value checked',
    );
    assert.equal(await page.inputValue('#q'), '');
  });

  scenario('(h) axe finds no WCAG 2.2 AA violation on the list and on a detail', async (page) => {
    await open(page);
    await assertAccessible(page, 'the list view');
    await page.goto(url(`?id=${encodeURIComponent(TARGET)}`));
    await page.waitForSelector(`#detail[data-id="${TARGET}"]`);
    await assertAccessible(page, `the detail view of ${TARGET}`);
  });

  scenario('(i) screenshot of the list view for the README: the filters with the timeline and the map, the results', async (page) => {
    // Tall enough for the timeline and the map under the themes.
    await page.setViewportSize({ width: 1280, height: 1750 });
    await open(page);
    await page.waitForSelector('#map [data-region="04"]');
    await page.waitForSelector('#timeline [data-period]');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, SCREENSHOT);
  });
}, { prepare: readRecords });
