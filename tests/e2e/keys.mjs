// The keyboard, as a person without a mouse uses it: where focus is, and
// Tab pressed until it lands on an element. Shared by keyboard.test.mjs,
// search.test.mjs and any scenario that walks the page by Tab.
import assert from 'node:assert/strict';

/** The id of the focused element ('' when it has none, null when nothing has focus). */
export const activeId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

/**
 * Presses Tab until the focused element matches `target`, a CSS selector
 * ('#theme-jeunes', 'button.gloss-term[aria-describedby="t1"]'); fails
 * after `limit` presses, naming the element that had focus last.
 */
export async function tabTo(page, target, { limit = 120 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement !== null && document.activeElement.matches(s), target)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${target} never received focus by Tab in ${limit} presses (last: #${await activeId(page)})`);
}
