// On a phone (360 × 800): the results first, the filters a sheet over them
// (src/panel.rs, src/sheet.rs), "Intégrer cette vue" in the footer. Here,
// in Chromium: axe with the sheet closed and open, in light and dark; the
// focus kept inside the open sheet and given back; the sheet's steps in
// the history beside the views' own; the partners' tool by keyboard. The
// core journeys of the phone (the first card on screen, the sheet's
// filters, Escape, back, a narrow embed) also run in Firefox and WebKit
// (tests/engines/).
// Run after `trunk build --release`: node --test tests/e2e/phone.test.mjs
import assert from 'node:assert/strict';
import { assertAccessible, listed, suite } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 800 }, touch: true };

/** Opens the sheet with "Filtrer" and waits until it is a modal dialog holding the focus. */
async function openSheet(page) {
  await page.click('#filters-open');
  await page.waitForFunction(() => {
    const d = document.getElementById('filters');
    return d.matches(':modal') && d.contains(document.activeElement);
  });
}

const closed = (page) => page.waitForFunction(() => !document.getElementById('filters').open);
const search = (page) => page.evaluate(() => location.search);

suite('on a phone: the results first, the filters a sheet', (scenario, served) => {
  const at = (rest = '') => `${served.server.url}/${rest}`;

  scenario('axe finds nothing with the sheet closed and open, in light and dark', async (page) => {
    for (const q of ['?theme=insertion', '?theme=insertion&scheme=dark']) {
      await page.goto(at(q));
      await listed(page);
      await assertAccessible(page, `the list at 360 px (${q})`);
      await openSheet(page);
      // With the map and the timeline drawn in it.
      await page.waitForSelector('#map [data-region="04"]');
      await page.waitForSelector('#timeline [data-period]');
      await assertAccessible(page, `the open sheet (${q})`);
      await page.keyboard.press('Escape');
      await closed(page);
    }
  }, PHONE);

  scenario('the focus stays in the open sheet, from its first control to its last and round; Escape gives it back to "Filtrer"', async (page) => {
    await page.goto(at());
    await listed(page);
    await openSheet(page);
    await page.waitForSelector('#map [data-region="04"]');
    // The sheet's own focus order, as Tab should follow it.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('#filters :is(a[href], button, input, select, [tabindex="0"])')]
        .filter((e) => !e.disabled && e.getClientRects().length > 0)
        .map((e) => e.id || e.dataset.region || e.textContent.trim()),
    );
    assert.ok(order.length > 30, `${order.length} controls in the sheet`);
    const seen = [];
    for (let i = 0; i < order.length + 6; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return { inside: false, name: 'BODY' };
        return { inside: document.getElementById('filters').contains(a), name: a.id || a.dataset.region || a.textContent.trim() };
      });
      // Past its last control the focus may visit the browser's own
      // controls (no element of the page has it then), never the page
      // behind the sheet.
      assert.ok(where.inside || where.name === 'BODY', `Tab ${i + 1} left the sheet for ${JSON.stringify(where)} (after ${seen.join(' ')})`);
      seen.push(where.name);
    }
    // Every control once, in the sheet's order, with no stop that shows nothing...
    const last = seen.indexOf('sheet-done');
    assert.deepEqual(seen.slice(0, last + 1), order.slice(1), 'Tab follows the sheet\'s order from the control after ✕ to "Voir…"');
    // ...then round to its top (the browser's own controls, and the sheet
    // itself, a scrolling box, may come in between).
    assert.ok(seen.slice(last + 1).includes('q'), `Tab came back from the last control to the first: ${seen.join(' ')}`);
    await page.keyboard.press('Escape');
    await closed(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filters-open');
  }, PHONE);

  scenario('the sheet in the history: its visit is one step, back closes it keeping the choice, and back and forward between views are unchanged', async (page) => {
    await page.goto(at());
    const all = await listed(page);
    // Opened and closed with nothing chosen: no step left behind.
    await openSheet(page);
    await page.keyboard.press('Escape');
    await closed(page);
    await page.waitForFunction(() => history.state === null);
    // A theme, then "Voir": one step.
    await openSheet(page);
    await page.check('#theme-jeunes');
    await page.waitForFunction(() => location.search === '?theme=jeunes');
    await page.click('#sheet-done');
    await closed(page);
    const jeunes = await listed(page);
    assert.ok(jeunes.length > 0 && jeunes.length < all.length);
    // A record, and back through the views.
    const id = jeunes[0];
    await page.click(`#link-${id}`);
    await page.waitForSelector(`#detail[data-id="${id}"]`);
    await page.goBack();
    await page.waitForFunction(() => location.search === '?theme=jeunes');
    assert.deepEqual(await listed(page), jeunes);
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.deepEqual(await listed(page), all);
    assert.equal(await page.evaluate(() => document.getElementById('filters').open), false);
    await page.goForward();
    await page.waitForFunction(() => location.search === '?theme=jeunes');
    await page.goForward();
    await page.waitForSelector(`#detail[data-id="${id}"]`);
    await page.goBack();
    await listed(page);
    // Back while the sheet is open closes it and keeps what was ticked.
    await openSheet(page);
    await page.check('#type-event');
    await page.waitForFunction(() => /type=event/.test(location.search));
    await page.goBack();
    await closed(page);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(await search(page))), { theme: 'jeunes', type: 'event' });
    await listed(page);
    // And that choice is one step after the view the sheet opened on.
    await page.goBack();
    await page.waitForFunction(() => location.search === '?theme=jeunes');
  }, PHONE);

  scenario('"Intégrer cette vue" is in the footer, below the first screen, reached by the keyboard, for the view shown', async (page) => {
    await page.goto(at('?theme=insertion'));
    const ids = await listed(page);
    assert.ok(await page.evaluate(() => document.getElementById('embed-open').getBoundingClientRect().top > innerHeight), 'not on the first screen');
    assert.ok(await page.evaluate(() => !!document.getElementById('embed-open').closest('footer')), 'in the footer');
    // From the last card, a few Tabs away.
    await page.focus(`#link-${ids.at(-1)}`);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.id)) !== 'embed-open'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-open');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#embed-dialog[open]');
    assert.match(await page.inputValue('#embed-code'), /theme=insertion/);
    // (Closing removes the preview: let it load, or its data request is cut short.)
    const preview = await (await page.waitForSelector('#embed-preview')).contentFrame();
    await preview.waitForSelector('#results > li');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'embed-open');
    // On a record's own page, the record.
    await page.goto(at(`fiches/${ids[0]}/`));
    await page.waitForSelector(`#live #detail[data-id="${ids[0]}"]`);
    await page.click('#embed-open');
    await page.waitForSelector('dialog#embed-dialog[open]');
    assert.match(await page.inputValue('#embed-code'), new RegExp(`id=${ids[0]}`));
    const record = await (await page.waitForSelector('#embed-preview')).contentFrame();
    await record.waitForSelector('#detail');
  }, { ...PHONE, allow: [] });
}, { prefix: 'phone-', server: { headers: { 'Access-Control-Allow-Origin': '*' } } });
