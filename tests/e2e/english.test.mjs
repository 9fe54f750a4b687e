// Passerelles in English, as a European partner meets it: the switch in the
// header (a plain link, working before the app starts) leads to the same
// view in English and back, filters, open record and address kept; a
// browser that prefers English lands on the English pages, one that asked
// for French stays French; dates and numbers are written the English way,
// theme and region labels come from the data's English vocabularies, the
// records' own text is marked lang="fr"; the prerendered pages exist in both
// languages with hreflang alternates; the embed snippet keeps the language;
// axe finds nothing in English.
// Run after `trunk build --release`: node --test tests/e2e/english.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, assertAccessible, suite, readDistJson, listed } from './harness.mjs';

const url = (rest = '') => `${served.server.url}/${rest}`;

const served = suite('Passerelles in English', (scenario) => {
  test('the prerendered pages exist in both languages, each pointing at the other', () => {
    const data = readDistJson('data/passerelles.json');
    const ids = [...data.agreements, ...data.events].map((r) => r.id);
    for (const rel of ['', 'glossaire/', 'themes/insertion/', 'regions/bretagne/', ...ids.map((id) => `fiches/${id}/`)]) {
      const fr = fs.readFileSync(path.join(DIST, rel, 'index.html'), 'utf8');
      const en = fs.readFileSync(path.join(DIST, 'en', rel, 'index.html'), 'utf8');
      assert.match(fr, /<html[^>]* lang="?fr"?/, `${rel} in French`);
      assert.match(en, /<html[^>]* lang="?en"?/, `${rel} in English`);
      // Search engines refuse relative hreflang links: without the public
      // address there are none (static.test.mjs checks them with one).
      for (const page of [fr, en]) assert.doesNotMatch(page, /<link[^>]* hreflang=/, `${rel}: no relative hreflang`);
      assert.ok(!en.includes('Chargement') && !en.includes('Sans JavaScript'), `${rel}: no French interface text in the English page`);
    }
    const en = fs.readFileSync(path.join(DIST, 'en', 'index.html'), 'utf8');
    assert.ok(en.includes('Partnership agreements and events'), 'the English tagline, rendered at build time');
    assert.ok(en.includes('Without JavaScript this page can be read'), 'the template speaks English too');
  });

  scenario('the header switch leads to the same view in English, and back', async (page) => {
    await page.goto(url('?theme=insertion&region=04'));
    const french = await listed(page);
    assert.ok(french.length > 0);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.click('#lang-switch');
    await page.waitForURL(/\/en\/\?/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(await listed(page), french, 'the same records');
    const u = new URL(page.url());
    assert.equal(u.searchParams.get('theme'), 'insertion');
    assert.equal(u.searchParams.get('region'), '04');
    assert.equal(u.searchParams.get('lang'), 'en');
    // The interface speaks English, the vocabularies too.
    assert.equal(await page.textContent('#lang-switch'), 'Français');
    await page.waitForSelector('text=Work integration (IAE)');
    await page.waitForSelector('label:has-text("Réunion")');
    assert.match(await page.textContent('#result-count'), /record/);
    // Record text keeps French, marked so.
    assert.equal(await page.getAttribute('#results > li:first-child h3', 'lang'), 'fr');
    await assertAccessible(page, 'the English list');
    // A filter changed in English keeps the language in the address.
    await page.check('#theme-emploi');
    await page.waitForFunction(() => /theme=[^&]*emploi/.test(location.search));
    assert.ok(new URL(page.url()).pathname.endsWith('/en/'), page.url());
    // And back to French, the filters kept.
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr' && !location.pathname.includes('/en/'));
    const back = new URL(page.url());
    assert.equal(back.searchParams.get('lang'), 'fr');
    assert.match(back.searchParams.get('theme'), /emploi/);
    await page.waitForSelector('text=Insertion et IAE');
  });

  scenario('an open record stays open across the switch, dates written the English way', async (page) => {
    await page.goto(url('fiches/ag-2019-cpme-reunion-ursiae/'));
    await page.waitForSelector('#detail .facts');
    const frenchDate = await page.textContent('#detail');
    assert.match(frenchDate, /novembre 2019/);
    await page.click('#lang-switch');
    await page.waitForURL(/\/en\//);
    await page.waitForSelector('#detail .facts');
    const text = await page.textContent('#detail');
    assert.match(text, /21 November 2019/);
    assert.match(text, /Back to the list/);
    assert.equal(await page.getAttribute('#detail-title', 'lang'), 'fr');
    assert.ok(new URL(page.url()).pathname.endsWith('/en/fiches/ag-2019-cpme-reunion-ursiae/'), page.url());
    await assertAccessible(page, 'an English detail');
    // Back to the list: still English, on the English pages.
    await page.click('#back');
    await page.waitForSelector('#results > li');
    assert.ok(new URL(page.url()).pathname.endsWith('/en/'), page.url());
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  });

  scenario('the English record page stands on its own, with its own head', async (page) => {
    await page.goto(url('en/fiches/ag-2019-cpme-reunion-ursiae/'));
    await page.waitForSelector('#detail');
    assert.match(await page.textContent('#detail'), /Parties/);
    assert.equal(await page.getAttribute('meta[property="og:locale"]', 'content'), 'en_GB');
    // The card links of an English page lead to English pages.
    await page.goto(url('en/'));
    const href = await page.getAttribute('#results > li a[id^="link-"]', 'href');
    assert.match(href, /^en\/fiches\//);
    await assertAccessible(page, 'the English front page');
  });

  scenario('a browser that prefers English lands on the English pages; lang=fr keeps French', async (page) => {
    await page.goto(url('?theme=emploi'));
    await page.waitForURL(/\/en\/\?theme=emploi/);
    await page.waitForSelector('#results > li');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto(url('?theme=emploi&lang=fr'));
    await page.waitForSelector('#results > li');
    assert.ok(!new URL(page.url()).pathname.includes('/en/'), page.url());
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  }, { locale: 'en-GB' });

  scenario('the embed snippet keeps the language chosen', async (page) => {
    await page.goto(url('en/?theme=insertion&lang=en'));
    await page.waitForSelector('#results > li');
    await page.click('#embed-open');
    const code = await page.waitForSelector('#embed-code');
    const snippet = await code.inputValue().catch(() => code.textContent());
    assert.match(snippet, /\/en\/\?[^"]*lang=en[^"]*embed=1/);
    assert.match(snippet, /Embed|<iframe/);
    assert.match(await page.textContent('#embed-dialog'), /Embed this view in your site/);
    assert.match(snippet, /src="[^"]*\/embed\.js"/);
    assert.ok(!/\/en\/embed\.js/.test(snippet), 'the host script is at the site root');
  });
}, { prefix: 'english-', requires: 'en/index.html' });
