// Search that understands French and the texts' acronyms, as a visitor meets
// it: a plural finds what its singular finds, a typo finds its word and
// offers the correction, matched words are marked, the "Pertinence" sort
// comes and goes with the query, the glossary is a page of its own, and an
// acronym's expansion opens by keyboard; axe finds nothing on the way.
// Run after `trunk build --release`: node --test tests/e2e/search.test.mjs
import assert from 'node:assert/strict';
import { assertAccessible, suite, listed } from './harness.mjs';
import { tabTo } from './keys.mjs';

const url = (query = '') => `${served.server.url}/${query}`;

/** The ids of the listed records, sorted. */
const listedIds = async (page) => (await listed(page)).sort();

async function search(page, q) {
  await page.goto(url(`?q=${encodeURIComponent(q)}`));
  return listedIds(page);
}

const served = suite('search that understands the texts', (scenario) => {
  scenario('a plural finds what its singular finds', async (page) => {
    for (const [plural, singular] of [
      ['entreprises', 'entreprise'],
      ['emplois', 'emploi'],
      ['marchés publics', 'marché public'],
    ]) {
      const a = await search(page, plural);
      const b = await search(page, singular);
      assert.ok(a.length > 0, `${plural} finds something`);
      assert.deepEqual(a, b, `${plural} / ${singular}`);
    }
    // A word of the same family: the text of the visit says "recycler".
    assert.equal((await search(page, 'recyclage')).length, 1);
  });

  scenario('a typo finds its word and offers the correction', async (page) => {
    const right = await search(page, 'insertion');
    const typo = await search(page, 'insrtion');
    assert.deepEqual(typo, right);
    const offer = page.locator('#did-you-mean a');
    assert.match(await offer.textContent(), /insertion/);
    await offer.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'insertion');
    assert.equal(await page.inputValue('#q'), 'insertion');
    assert.equal(await page.locator('#did-you-mean').count(), 0);
    // Short words are never corrected: acronyms stay exact.
    await search(page, 'cmpe');
    assert.equal(await page.locator('#empty').count(), 1);
    assert.equal(await page.locator('#did-you-mean').count(), 0);
  });

  scenario('matched words are marked in the cards and the detail', async (page) => {
    await search(page, 'entreprises');
    const marked = await page.$$eval('#results mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marked.length > 0, 'some word is marked in the cards');
    assert.ok(marked.every((m) => m.startsWith('entrepris')), marked.join(', '));
    await page.locator('#results > li h3 a').first().click();
    await page.waitForSelector('#detail .excerpt');
    const inDetail = await page.$$eval('#detail mark', (ms) => ms.length);
    assert.ok(inDetail > 0, 'the detail marks the words too');
    // Marks are text, never markup made of record text.
    assert.equal(await page.locator('#detail mark *:not(mark)').count(), 0);
    await assertAccessible(page, 'a detail with marks');
  });

  scenario('"Pertinence" while a query is active, the visitor\'s sort back after', async (page) => {
    await page.goto(url('?sort=title'));
    await listed(page);
    assert.deepEqual(await page.$$eval('#sort option', (os) => os.map((o) => o.value)), ['recent', 'oldest', 'title']);
    await page.fill('#q', 'iae');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'iae');
    await listed(page);
    assert.equal(await page.inputValue('#sort'), 'relevance');
    assert.ok(!new URLSearchParams(new URL(page.url()).search).has('sort'), 'relevance is the default with a query');
    await page.fill('#q', '');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    await listed(page);
    assert.equal(await page.inputValue('#sort'), 'title');
    assert.equal(new URLSearchParams(new URL(page.url()).search).get('sort'), 'title');
    // The other sorts still work while a query is active, and a sort chosen
    // then is the visitor's from then on.
    await page.fill('#q', 'iae');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'iae');
    await listed(page);
    assert.equal(await page.inputValue('#sort'), 'relevance');
    await page.selectOption('#sort', 'oldest');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'oldest');
    assert.ok((await listed(page)).length > 0);
    await page.fill('#q', '');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    await listed(page);
    assert.equal(await page.inputValue('#sort'), 'oldest');
  });

  scenario('an acronym opens its expansion by keyboard and by tap', async (page) => {
    await page.goto(url());
    await listed(page);
    const term = page.locator('#results button.gloss-term', { hasText: 'CPME' }).first();
    assert.ok((await term.count()) > 0, 'CPME is an abbreviation on a card');
    const tipId = await term.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${tipId}"]`);
    assert.match(await tip.textContent(), /Confédération des Petites et Moyennes Entreprises/);
    assert.ok(!(await tip.isVisible()), 'hidden until asked for');
    // Keyboard: Tab to it, Enter opens, Escape closes.
    await page.click('#q');
    await tabTo(page, `button.gloss-term[aria-describedby="${tipId}"]`);
    await page.keyboard.press('Enter');
    await tip.waitFor({ state: 'visible' });
    await assertAccessible(page, 'the list with an open expansion');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    // A click (a tap) opens it too; a click elsewhere closes it.
    await term.click();
    await tip.waitFor({ state: 'visible' });
    await page.click('#results-title');
    await tip.waitFor({ state: 'hidden' });
  });

  scenario('the glossary is a page of its own, reached by keyboard, that runs no script', async (page) => {
    await page.goto(url());
    await listed(page);
    await page.click('#q');
    await tabTo(page, '#glossary-link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#glossary');
    assert.equal(new URL(page.url()).pathname, '/glossaire/');
    assert.equal(await page.title(), 'Glossaire — Passerelles');
    assert.equal(await page.$$eval('script:not([type="application/ld+json"])', (s) => s.length), 0, 'no script on the glossary page');
    const terms = await page.$$eval('#glossary dt', (dts) => dts.map((d) => d.textContent.trim()));
    for (const t of ['IAE', 'CPME', 'RSE', 'QPV', 'Direccte']) assert.ok(terms.includes(t), `${t} in ${terms.join(', ')}`);
    const text = await page.textContent('#glossary');
    assert.match(text, /Insertion par l’Activité Economique/);
    assert.match(text, /Les textes ne développent pas ce sigle/, 'an acronym no text expands says so');
    assert.match(text, /002_e704c5521d98031d\.txt/, 'each entry cites its source');
    assert.equal(await page.$$eval('noscript', (n) => n.length), 0, 'nothing to say without a script');
    await assertAccessible(page, 'the glossary');
    // Back to the list, which the app shows again.
    await page.click('#glossary #back');
    await listed(page);
    assert.equal(new URL(page.url()).pathname, '/');
  });

  scenario('an acronym and its expansion find each other', async (page) => {
    const acronym = await search(page, 'IAE');
    const expansion = await search(page, 'insertion par l’activité économique');
    assert.deepEqual(acronym, expansion);
    assert.ok(acronym.length >= 2, acronym.join(', '));
  });
}, { prefix: 'search-' });
