// A person without a mouse, and a person on a small phone: the whole journey
// (filter, open a record, come back) by keyboard alone, with focus visible
// and landing where it should; and the page at 360 px wide without sideways
// scrolling.
import assert from 'node:assert/strict';
import { assertAccessible, suite } from './harness.mjs';
import { tabTo } from './keys.mjs';

/** The journey's Tab presses from one stop to the next: at most 80. */
const STEPS = { limit: 80 };

/** The focused element shows a visible focus indicator (an outline or a box shadow). */
async function assertFocusVisible(page) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  assert.ok(
    (style.outline !== 'none' && style.width > 0) || (style.shadow && style.shadow !== 'none'),
    `focus is not visible: ${JSON.stringify(style)}`,
  );
}

const countText = (page) => page.textContent('#result-count');

suite('keyboard and small screens', (scenario, served) => {
  scenario('filter, open a record and come back by keyboard alone', async (page) => {
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#results > li');
    const before = await countText(page);

    // The skip link is the first stop and leads to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await assertFocusVisible(page);

    // A theme is ticked with the space bar.
    await tabTo(page, '#theme-jeunes', STEPS);
    await assertFocusVisible(page);
    await page.keyboard.press('Space');
    await page.waitForFunction((b) => document.querySelector('#result-count').textContent !== b, before);
    assert.equal(await countText(page), '2 fiches');
    assert.match(page.url(), /theme=jeunes/);

    // A result opens with Enter, and focus moves to its heading.
    await tabTo(page, '#link-ag-cpme-paris-idf-udes-idf', STEPS);
    await assertFocusVisible(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail[data-id="ag-cpme-paris-idf-udes-idf"]');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'detail-title');
    assert.match(page.url(), /id=ag-cpme-paris-idf-udes-idf/);

    // Back to the list with Enter on the back link: same filters, focus on the record's link.
    await tabTo(page, '#back', STEPS);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results > li');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'link-ag-cpme-paris-idf-udes-idf');
    assert.equal(await countText(page), '2 fiches');
    assert.doesNotMatch(page.url(), /id=/);
    assert.match(page.url(), /theme=jeunes/);

    // "Effacer les filtres" by keyboard brings everything back.
    await tabTo(page, '#clear', STEPS);
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => document.querySelector('#result-count').textContent === b, before);
  });

  scenario('a period typed and committed with Enter; a typo is kept with a message', async (page) => {
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#results > li');
    await page.focus('#date-from');
    await page.keyboard.type('2019-13');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#date-from-error');
    assert.equal(await page.getAttribute('#date-from', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#date-from'), '2019-13', 'the typo stays in the field to be corrected');
    assert.doesNotMatch(page.url(), /from=/);
    await page.fill('#date-from', '2019');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#date-from-error'));
    assert.match(page.url(), /from=2019/);
    await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 2);
    // Undated records are left out, counted, and can be brought back.
    assert.match(await page.textContent('.panel'), /fiches de date inconnue/);
    await page.check('#undated');
    await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 3);
    assert.match(page.url(), /undated=1/);
  });

  scenario('at 360 px wide nothing scrolls sideways and the audit stays clean', async (page) => {
    await page.goto(`${served.server.url}/?theme=insertion`);
    await page.waitForSelector('#results > li');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await assertAccessible(page, 'the list at 360 px');
    await page.click('#results > li:first-child h3 a');
    await page.waitForSelector('#detail');
    const detailOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(detailOverflow <= 0, `the detail is ${detailOverflow}px wider than the screen`);
  }, { viewport: { width: 360, height: 740 } });
});
