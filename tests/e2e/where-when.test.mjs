// See where and when: the region map and the timeline (crates/island/),
// drawn by their own module once the first results are painted. What a
// visitor does: a click, a tap or a key on a region toggles it as its
// checkbox does; a drag across the bars, or the arrow keys, choose the
// period the Du/Au fields and the URL show; a record the texts date only
// by a bound is found by the period and marked, and the strict switch drops
// it. Everywhere: the full page, an embed with a locked region, 360 px,
// the dark scheme, axe clean.
import assert from 'node:assert/strict';
import { listed, assertAccessible, suite } from './harness.mjs';

/** The island is drawn: every shape and the bars are in place. */
async function island(page) {
  await page.waitForSelector('#map [data-region="04"]');
  await page.waitForSelector('#timeline [data-period]');
}

const search = (page) => new URL(page.url()).search;
const checkboxCount = (page, code) => page.textContent(`label[for="region-${code}"] .count`);
const pressed = (page, code) => page.getAttribute(`#map [data-region="${code}"]`, 'aria-pressed');

/** Drags across the timeline from the bar `from` to the bar `to` with a mouse. */
async function drag(page, from, to) {
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  const a = await page.locator(`[data-period="${from}"]`).boundingBox();
  const b = await page.locator(`[data-period="${to}"]`).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

suite('the map and the timeline', (scenario, served) => {

  scenario('a click on La Réunion in the map is its checkbox: region=04, the same count, one history step', async (page) => {
    await page.goto(`${served.server.url}/`);
    await island(page);
    // Every region drawn, each with its INSEE code, the national scope beside.
    const codes = await page.$$eval('#map [data-region]', (els) => els.map((e) => e.dataset.region).sort());
    assert.deepEqual(codes, ['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);
    assert.ok(await page.isVisible('#map-national'));
    assert.match(await page.textContent('#map .map-credit'), /IGN \/ INSEE/);
    const expected = Number(await checkboxCount(page, '04'));
    const before = await listed(page);

    await page.click('#map [data-region="04"]');
    await page.waitForFunction(() => location.search === '?region=04');
    const shown = await listed(page);
    assert.equal(shown.length, expected, 'the list holds what the checkbox counted');
    assert.ok(await page.isChecked('#region-04'), 'the checkbox follows');
    assert.equal(await pressed(page, '04'), 'true');
    assert.equal(await page.locator('#map .map-marks path.map-on').count(), 1, 'the chosen region is outlined');

    // One history step, as the checkbox makes.
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.deepEqual(await listed(page), before);
    assert.equal(await pressed(page, '04'), 'false');

    // And the checkbox shows on the map.
    await page.check('#region-11');
    await page.waitForFunction(() => document.querySelector('#map [data-region="11"]').getAttribute('aria-pressed') === 'true');
    await assertAccessible(page, 'the page with the map and the timeline');
  });

  scenario('regions by keyboard: reachable in the panel\'s order, Enter and Space toggle, the tip names them', async (page) => {
    await page.goto(`${served.server.url}/`);
    await island(page);
    // Tab order: the vocabulary's, as the checkbox list.
    const order = await page.$$eval('#map [data-region]', (els) => els.map((e) => e.dataset.region));
    const list = await page.$$eval('input[name="region"]', (els) => els.map((e) => e.value).filter((v) => v !== 'FR'));
    assert.deepEqual(order, list.filter((c) => order.includes(c)));
    await page.focus('#map [data-region="93"]');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.region), '01');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?region=01');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.region), '01', 'focus stays');
    // Focus shows: an outline drawn over the shape, and the tip.
    assert.equal(await page.locator('#map .map-marks path.map-focus').count(), 1);
    assert.match(await page.textContent('#map .map-tip'), /^Guadeloupe : \d+ fiches?|^Guadeloupe : aucune fiche/);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => location.search === '');
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'Space toggles, it does not scroll');
    // The pointer shows the tip too.
    await page.hover('#map [data-region="11"]');
    await page.waitForFunction(() => !document.querySelector('#map .map-tip').hidden);
    assert.match(await page.textContent('#map .map-tip'), /^Île-de-France : \d+ fiches/);
    // The national scope's button is the FR checkbox.
    await page.click('#map-national');
    await page.waitForFunction(() => location.search === '?region=FR');
    assert.ok(await page.isChecked('#region-FR'));
  });

  scenario('a drag across 2019 sets from=2019&to=2019, the Du/Au fields follow, a longer drag is one history step', async (page) => {
    await page.goto(`${served.server.url}/`);
    await island(page);
    await drag(page, '2019', '2019');
    await page.waitForFunction(() => location.search === '?from=2019&to=2019');
    assert.equal(await page.inputValue('#date-from'), '2019');
    assert.equal(await page.inputValue('#date-to'), '2019');
    assert.equal(await page.getAttribute('[data-period="2019"]', 'aria-selected'), 'true');
    const in2019 = await listed(page);
    assert.ok(in2019.length > 0 && in2019.every((id) => id.includes('2019')), in2019.join(' '));

    await drag(page, '2015', '2019');
    await page.waitForFunction(() => location.search === '?from=2015&to=2019');
    const selected = await page.$$eval('[data-period][aria-selected="true"]', (els) => els.map((e) => e.dataset.period));
    assert.deepEqual(selected, ['2015', '2016', '2017', '2018', '2019']);
    // The whole drag is one step: back is the period before it.
    await page.goBack();
    await page.waitForFunction(() => location.search === '?from=2019&to=2019');
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.equal(await page.inputValue('#date-from'), '');

    // Typed in the fields, the bars show it.
    await page.fill('#date-from', '2007');
    await page.press('#date-from', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-period="2007"]').getAttribute('aria-selected') === 'true');
  });

  scenario('the timeline by keyboard: arrows move the period, Shift and an arrow stretch it, Escape clears it', async (page) => {
    await page.goto(`${served.server.url}/`);
    await island(page);
    await page.focus('#timeline [role="listbox"]');
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.search === '?from=2019&to=2019');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.search === '?from=2018&to=2018');
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(() => location.search === '?from=2018&to=2019');
    assert.equal(await page.getAttribute('#timeline [role="listbox"]', 'aria-activedescendant'), 'tl-2019');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => location.search === '?from=2007&to=2007');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.search === '');
    // One gesture, one history entry: back is where the visitor started.
    await page.goBack();
    await page.waitForFunction(() => location.search === '' || location.search === '?from=2007&to=2007');
  });

  scenario('the État–CGPME agreement, signed by 10 July 2015 at the latest: found by 2015, marked approximate, dropped by the strict switch', async (page) => {
    const id = 'ag-2015-prefecture-idf-cgpme-idf';
    await page.goto(`${served.server.url}/?from=2015&to=2015`);
    await island(page);
    const shown = await listed(page);
    assert.ok(shown.includes(id), shown.join(' '));
    const card = page.locator(`#results > li[data-id="${id}"]`);
    assert.match(await card.textContent(), /au plus tard le 10 juillet 2015/);
    assert.equal(await card.locator('.badge-approx').textContent(), 'date approximative');
    // A record dated to the day within the period is not marked.
    assert.equal(await page.locator('#results > li[data-id="ev-2015-11-17-seminaire-iae-paris"] .badge-approx').count(), 0);
    // The timeline draws it apart: hatched in every year it may fall in.
    const hatched = await page.$$eval('[data-period] .tl-p', (els) => els.filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.parentElement.dataset.period));
    assert.ok(hatched.includes('2015') && hatched.includes('2008'), hatched.join(' '));
    // Its detail says so too.
    await page.click(`#link-${id}`);
    await page.waitForSelector('#detail .badge-approx');
    await page.goBack();
    await listed(page);

    await page.check('#strict');
    await page.waitForFunction(() => location.search === '?from=2015&to=2015&strict=1');
    const strict = await listed(page);
    assert.ok(!strict.includes(id) && strict.length > 0, strict.join(' '));
    assert.equal(await page.locator('#results .badge-approx').count(), 0);
    await assertAccessible(page, 'a period with the strict switch');
  });

  scenario('months when the records span three years or less', async (page) => {
    await page.goto(`${served.server.url}/?region=04&national=0`);
    await island(page);
    await page.waitForSelector('[data-period="2019-11"]');
    assert.equal(await page.locator('#timeline [data-period]').count(), 12);
    await drag(page, '2019-11', '2019-11');
    await page.waitForFunction(() => location.search === '?region=04&from=2019-11&to=2019-11&national=0');
    assert.equal((await listed(page)).length, 2);
  });

  scenario('in an embed with a locked region: the map shows it fixed and nothing toggles; axe clean', async (page) => {
    await page.goto(`${served.server.url}/?embed=1&lock_region=11`);
    await island(page);
    assert.equal(await pressed(page, '11'), 'true');
    assert.equal(await page.getAttribute('#map [data-region="04"]', 'aria-disabled'), 'true');
    assert.equal(await page.locator('#map .map-marks path.map-fixed').count(), 1);
    // Clicked all the same (a pointer ignores aria-disabled): nothing moves.
    await page.click('#map [data-region="04"]', { force: true });
    await page.waitForTimeout(200);
    assert.equal(search(page), '?embed=1&lock_region=11');
    // The timeline still chooses, through the page's own reducer: the locked
    // region is imposed on the view, as a date field's change would, and the
    // page parameters ride along.
    await drag(page, '2015', '2015');
    await page.waitForFunction(() => location.search === '?region=11&from=2015&to=2015&embed=1&lock_region=11');
    await assertAccessible(page, 'an embed with the map and the timeline');
  });

  scenario('in the dark scheme: a chosen region, a period, the tip; axe clean', async (page) => {
    await page.goto(`${served.server.url}/?region=04&from=2015&to=2019&scheme=dark`);
    await island(page);
    assert.equal(await pressed(page, '04'), 'true');
    await page.hover('#map [data-region="11"]');
    await page.waitForFunction(() => !document.querySelector('#map .map-tip').hidden);
    const selected = await page.$$eval('[data-period][aria-selected="true"]', (els) => els.length);
    assert.ok(selected > 0);
    await assertAccessible(page, 'the map and the timeline in the dark scheme');
  });

  scenario('at 360 px, in the filters\' sheet: map and timeline fit, no sideways scroll, a tap toggles', async (page) => {
    await page.goto(`${served.server.url}/`);
    // On a phone the panel, with its map and timeline, is a sheet over the results.
    await page.click('#filters-open');
    await island(page);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth + 1);
    assert.equal(wide, false, 'no sideways scrolling');
    const box = await page.locator('#map svg').boundingBox();
    assert.ok(box.width > 250 && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
    await page.tap('#map [data-region="11"]');
    await page.waitForFunction(() => location.search === '?region=11');
    // A finger dragged across the bars, from 2007 to 2015 (Île-de-France's
    // records and the national ones lie there).
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    const at = async (period) => {
      const b = await page.locator(`[data-period="${period}"]`).boundingBox();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    const [a, b] = [await at('2007'), await at('2015')];
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
    await touch('touchStart', a);
    for (let k = 1; k <= 6; k++) await touch('touchMove', { x: a.x + ((b.x - a.x) * k) / 6, y: a.y });
    await touch('touchEnd');
    await page.waitForFunction(() => location.search === '?region=11&from=2007&to=2015');
    await assertAccessible(page, 'the page at 360 px');
  }, { viewport: { width: 360, height: 740 }, touch: true });

  scenario('the island is fetched after the first paint and the takeover, never before', async (page) => {
    // When the app's own view replaced the prerendered one, in the page's clock.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.getElementById('live')?.childElementCount && !document.getElementById('app')) {
          window.takenOverAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${served.server.url}/`);
    await island(page);
    const { takeover, paint, files } = await page.evaluate(() => ({
      takeover: window.takenOverAt,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      files: performance.getEntriesByType('resource').filter((e) => e.name.includes('wherewhen')).map((e) => [e.name, e.startTime]),
    }));
    assert.ok(takeover > 0 && paint > 0, `takeover ${takeover}, first paint ${paint}`);
    assert.ok(files.length >= 3, files.join(' '));
    for (const [name, start] of files) {
      assert.ok(start >= takeover && start >= paint, `${name} requested at ${start} ms, before the takeover (${takeover}) or the first paint (${paint})`);
    }
  });
}, { prefix: 'where-when-' });
