// A visitor's core journeys, written once and run in each browser engine
// (chromium.test.mjs, firefox.test.mjs, webkit.test.mjs, through the
// interface of drivers.mjs): the page loads, a theme is chosen, a search
// made, a record opened and left by back, a region chosen on the map, a
// period by the timeline's keys and by a finger, an embed with a locked
// theme, the English pages. On a phone (360 × 800) the results come first,
// the first card on screen without scrolling (the front page, a filtered
// page, a narrow embed), and the filters are a sheet: opened by "Filtrer",
// modal, applied as they change, closed by "Voir N fiches", Escape or
// back, keeping what was chosen as one step of the history.
//
// Every journey fails on any problem the page reports (drivers.mjs), as
// tests/e2e/ does in Chromium. Against dist/ served on 127.0.0.1, and a
// partner's site on another port.
// Run after `trunk build --release`: node --test tests/engines/
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, missingFromBuild, assertBuilt, readDistJson, startServer } from '../e2e/harness.mjs';
import { COLLECTOR, DriverHang, NARROW, narrowRoute, missing, open } from './drivers.mjs';

const PHONE = { width: 360, height: 800, touch: true };
const DESKTOP = { width: 1280, height: 800 };
// A sandboxed embed has an opaque origin: every request it makes is cross-origin.
const CORS = { 'Access-Control-Allow-Origin': '*' };

// ---- in the page ----

/** The listed records' ids, once the count and the cards agree. */
async function listed(page) {
  await page.until(() => {
    const el = document.querySelector('#result-count');
    if (!el || document.querySelector('#detail')) return false;
    const n = Number((el.textContent.replace(/[\s,\u202f\u00a0]/g, '').match(/\d+/) || ['0'])[0]);
    return n === document.querySelectorAll('#results > li').length && (n > 0 || !!document.querySelector('#empty'));
  });
  return page.eval(() => [...document.querySelectorAll('#results > li')].map((li) => li.dataset.id));
}

/** Where the first result's title is, on the screen as it opened (not scrolled). */
const firstTitle = (page) =>
  page.eval(() => {
    const b = document.querySelector('#results > li h3 a').getBoundingClientRect();
    return { top: Math.round(b.top), bottom: Math.round(b.bottom), screen: innerHeight, scrolled: scrollY };
  });

/** The first result is on screen without scrolling. */
async function firstOnScreen(page, what) {
  const at = await firstTitle(page);
  assert.ok(at.scrolled === 0 && at.top >= 0 && at.bottom <= at.screen, `${what}: the first result's title is not on the first screen: ${JSON.stringify(at)}`);
}

const search = (page) => page.eval(() => location.search);
const text = (page, selector) => page.eval((s) => document.querySelector(s)?.textContent ?? null, selector);
const sheetOpen = (page) => page.eval(() => document.getElementById('filters').open);

/** The sheet is open as a modal dialog, with the focus inside it. */
async function sheetIsModal(page) {
  await page.until(() => {
    const d = document.getElementById('filters');
    return d.matches(':modal') && d.contains(document.activeElement);
  });
}

/** Theme ids of the address, sorted. */
const themes = (page) => page.eval(() => (new URLSearchParams(location.search).get('theme') || '').split(',').filter(Boolean).sort());

/** The map and the timeline are drawn (after the first paint, by their own module). */
const drawn = (page) => page.until(() => !!document.querySelector('#map [data-region="04"]') && !!document.querySelector('#timeline [data-period]'));

// ---- the journeys ----

export function journeys(name) {
  describe(`the core journeys in ${name}`, () => {
    const lacking = [...missingFromBuild(['en/index.html']).map((f) => `dist/${f} is missing`), missing(name)].filter(Boolean);
    if (lacking.length > 0) {
      test(`${name} and a build are there to run the journeys in`, () => {
        assertBuilt(undefined, ['en/index.html']);
        assert.fail(lacking.join('; '));
      });
      return;
    }

    const listeners = new Set();
    const log = (e) => listeners.forEach((l) => l(e));
    let engine, app, partner, work, records, insertion;
    let pages = 0;

    before(async () => {
      const data = readDistJson('data/passerelles.json');
      records = [...data.agreements, ...data.events];
      insertion = records.filter((r) => r.themes.includes('insertion')).map((r) => r.id).sort();
      work = fs.mkdtempSync(path.join(os.tmpdir(), `passerelles-engines-${name}-`));
      app = await startServer({ headers: CORS, inject: COLLECTOR, log, routes: { [NARROW]: narrowRoute } });
      partner = await startServer({ root: work, requireBuild: false, inject: COLLECTOR, log, routes: { [NARROW]: narrowRoute } });
      engine = await open(name, listeners);
    });
    after(async () => {
      await engine?.close();
      await app?.close();
      await partner?.close();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    const at = (rest = '') => `${app.url}/${rest}`;

    /** A page of the partner's site (another origin) holding `body`. */
    function partnerPage(body) {
      pages += 1;
      const file = `partner-${pages}.html`;
      fs.writeFileSync(
        path.join(work, file),
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
          `<title>Un partenaire</title><link rel="icon" href="data:,"><style>body{margin:0 8px}h1{font-size:1.2rem}</style></head>` +
          `<body><h1>Réseau partenaire</h1>${body}</body></html>`,
      );
      return `${partner.url}/${file}`;
    }

    /**
     * One journey in a fresh page; any problem the page reports fails it.
     * When WebKit's driver stops answering a command (DriverHang: the
     * driver, not the page), the journey runs once more in a new session
     * and says so; a second hang, or any other failure, fails it.
     */
    function journey(title, fn, size = DESKTOP) {
      test(title, { timeout: 150_000 }, async (t) => {
        try {
          await once(title, fn, size);
        } catch (err) {
          if (!(err instanceof DriverHang)) throw err;
          t.diagnostic(`${err.message}; the journey runs again in a new session`);
          await once(title, fn, size);
        }
      });
    }

    async function once(title, fn, size) {
      assert.ok(engine, 'set-up failed (see the first error above)');
      const page = await engine.page(size);
      let failed;
      try {
        await fn(page);
      } catch (err) {
        failed = err;
        const slug = title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80);
        await page.screenshot(path.join(ARTIFACTS, `engines-${name}-${slug}.png`)).catch(() => {});
      }
      const problems = await page.close().catch((err) => [`closing the page: ${err.message}`]);
      if (failed) {
        if (problems.length > 0) failed.message += `\n  page problems:\n  - ${problems.join('\n  - ')}`;
        throw failed;
      }
      assert.deepEqual(problems, [], `the page reported ${problems.length} problem(s) in ${name}`);
    }

    journey('on a phone the front page opens on its results: every record, "Filtrer", the first card on screen', async (page) => {
      await page.goto(at());
      assert.deepEqual((await listed(page)).sort(), records.map((r) => r.id).sort());
      await firstOnScreen(page, 'the front page');
      const shown = await page.eval(() => ({
        sheet: getComputedStyle(document.getElementById('filters')).display,
        filter: document.getElementById('filters-open').getBoundingClientRect().bottom <= innerHeight,
        // For partners, in the footer: out of the visitor's first screen.
        partners: document.getElementById('embed-open').getBoundingClientRect().top > innerHeight,
      }));
      assert.deepEqual(shown, { sheet: 'none', filter: true, partners: true });
    }, PHONE);

    journey('a theme ticked in the sheet: the counts follow while it is open, "Voir N fiches" closes it on the list; one step of the history', async (page) => {
      await page.goto(at());
      await listed(page);
      await page.click('#filters-open');
      await sheetIsModal(page);
      await page.click('#theme-insertion');
      await page.until(() => location.search === '?theme=insertion');
      // Applied at once: the list behind and the sheet's last button say so.
      assert.equal(await text(page, '#sheet-done'), `Voir ${insertion.length} fiches`);
      assert.equal(await text(page, '#result-count'), `${insertion.length} fiches`);
      await page.click('#sheet-done');
      await page.until(() => !document.getElementById('filters').open);
      assert.deepEqual((await listed(page)).sort(), insertion);
      await firstOnScreen(page, 'the filtered list');
      // "Filtrer" counts the filter; a chip above the results names it.
      assert.equal(await text(page, '#filters-open .sheet-count'), '1');
      assert.match(await text(page, '#active-filters'), /Insertion/);
      // Back: the list before the sheet.
      await page.back();
      await page.until(() => location.search === '');
      assert.equal((await listed(page)).length, records.length);
      assert.equal(await sheetOpen(page), false);
    }, PHONE);

    journey('a filtered page opens on its results; the sheet closes on Escape and on back, keeping what was chosen; a chip removes its filter', async (page) => {
      await page.goto(at('?theme=insertion'));
      assert.deepEqual((await listed(page)).sort(), insertion);
      await firstOnScreen(page, 'a filtered page');
      await page.click('#filters-open');
      await sheetIsModal(page);
      await page.press('Escape');
      await page.until(() => !document.getElementById('filters').open && location.search === '?theme=insertion');
      // Focus is back on "Filtrer" (WebKit gives it back a moment after
      // the dialog has closed).
      await page.until(() => document.activeElement.id === 'filters-open');
      await page.click('#filters-open');
      await sheetIsModal(page);
      await page.click('#theme-jeunes');
      await page.until(() => /jeunes/.test(location.search));
      await page.back();
      await page.until(() => !document.getElementById('filters').open);
      assert.deepEqual(await themes(page), ['insertion', 'jeunes'], 'back closed the sheet and kept the theme ticked in it');
      await listed(page);
      // The sheet's choices were one step: back again is the page it opened on.
      await page.back();
      await page.until(() => location.search === '?theme=insertion');
      await listed(page);
      await page.click('#active-filters button');
      await page.until(() => location.search === '');
      assert.equal((await listed(page)).length, records.length);
    }, PHONE);

    journey('a search typed in the sheet finds "Économie" from "economie"', async (page) => {
      await page.goto(at());
      await listed(page);
      await page.click('#filters-open');
      await sheetIsModal(page);
      await page.type('#q', 'economie');
      await page.until(() => new URLSearchParams(location.search).get('q') === 'economie');
      await page.click('#sheet-done');
      await page.until(() => !document.getElementById('filters').open);
      const ids = await listed(page);
      assert.ok(ids.length > 0 && ids.length < records.length, `${ids.length} results`);
      const titles = await page.eval(() => [...document.querySelectorAll('#results > li h3')].map((h) => h.textContent).join(' | '));
      assert.match(titles, /Économie/);
      await firstOnScreen(page, 'a search');
    }, PHONE);

    journey('a record opens from its card, at its own address, and back returns to the same list; a record\'s own page starts the app', async (page) => {
      await page.goto(at('?theme=insertion'));
      const before = await listed(page);
      const id = before[0];
      await page.click('#results > li:first-child h3 a');
      await page.until((id) => document.querySelector(`#detail[data-id="${id}"]`) && new URLSearchParams(location.search).get('id') === id, id);
      assert.match(await text(page, '#back'), /Retour à la liste/);
      await page.back();
      await page.until(() => location.search === '?theme=insertion');
      assert.deepEqual(await listed(page), before);
      // The record's own page (its <base> is the site's root), and from it the list.
      await page.goto(at(`fiches/${id}/`));
      await page.until((id) => !!document.querySelector(`#live #detail[data-id="${id}"] .excerpt`), id);
      await page.click('#back');
      await page.until(() => location.pathname === '/' && !document.querySelector('#detail'));
      assert.equal((await listed(page)).length, records.length);
    });

    journey('a click on La Réunion in the map is its checkbox: region=04, one step', async (page) => {
      await page.goto(at());
      await drawn(page);
      const expected = Number(await text(page, 'label[for="region-04"] .count'));
      await page.click('#map [data-region="04"]');
      await page.until(() => location.search === '?region=04');
      assert.equal((await listed(page)).length, expected);
      assert.deepEqual(
        await page.eval(() => [document.getElementById('region-04').checked, document.querySelector('#map [data-region="04"]').getAttribute('aria-pressed')]),
        [true, 'true'],
      );
      await page.back();
      await page.until(() => location.search === '' && document.querySelector('#map [data-region="04"]').getAttribute('aria-pressed') === 'false');
    });

    journey('the timeline by keys: End, an arrow, Shift and an arrow, Escape', async (page) => {
      await page.goto(at());
      await drawn(page);
      await page.focus('#timeline [role="listbox"]');
      await page.press('End');
      await page.until(() => location.search === '?from=2019&to=2019');
      await page.press('ArrowLeft');
      await page.until(() => location.search === '?from=2018&to=2018');
      await page.press('Shift+ArrowRight');
      await page.until(() => location.search === '?from=2018&to=2019');
      assert.equal(await page.eval(() => document.getElementById('date-from').value), '2018');
      await page.press('Escape');
      await page.until(() => location.search === '');
    });

    journey('in the sheet, a tap on the map and a finger across the timeline; the whole visit of the sheet is one step', async (page) => {
      await page.goto(at());
      await listed(page);
      await page.click('#filters-open');
      await sheetIsModal(page);
      await drawn(page);
      await page.tap('#map [data-region="11"]');
      await page.until(() => location.search === '?region=11');
      await page.drag('[data-period="2007"]', '[data-period="2015"]', { touch: true });
      await page.until(() => location.search === '?region=11&from=2007&to=2015');
      const shown = await listed(page);
      assert.equal(await text(page, '#sheet-done'), `Voir ${shown.length} fiche${shown.length > 1 ? 's' : ''}`);
      await page.click('#sheet-done');
      await page.until(() => !document.getElementById('filters').open);
      await page.back();
      await page.until(() => location.search === '');
      assert.equal((await listed(page)).length, records.length);
    }, PHONE);

    journey('an embed locked to a theme, dark, on a phone: its results first, the theme fixed in its sheet', async (page) => {
      await page.goto(
        partnerPage(
          `<iframe id="pf" src="${at('?embed=1&lock_theme=insertion&scheme=dark')}" title="Passerelles" width="100%" height="300" data-passerelles ` +
            `sandbox="allow-scripts allow-popups"></iframe><script src="${at('embed.js')}" async></script>`,
        ),
      );
      const frame = await page.frame('#pf');
      await frame.takenOver();
      assert.deepEqual((await listed(frame)).sort(), insertion);
      // The frame grows to its content (the host script), so its first card is
      // on the partner's first screen.
      await page.until(() => document.getElementById('pf').clientHeight > 600);
      const frameTop = await page.eval(() => document.getElementById('pf').getBoundingClientRect().top);
      const card = await firstTitle(frame);
      const screen = await page.eval(() => innerHeight);
      assert.ok(frameTop + card.bottom <= screen, `the embed's first result ends at ${frameTop + card.bottom} px, below the partner's first screen (${screen} px)`);
      await frame.click('#filters-open');
      await sheetIsModal(frame);
      assert.equal(await frame.eval(() => document.querySelectorAll('input[name="theme"]').length), 0, 'no theme to untick');
      assert.match(await text(frame, '#locked-theme'), /Insertion/);
      // In the dark scheme the partner asked for (light-dark() in every engine).
      assert.deepEqual(
        await frame.eval(() => [getComputedStyle(document.getElementById('filters')).backgroundColor, getComputedStyle(document.querySelector('#filters h2')).color]),
        ['rgb(22, 25, 29)', 'rgb(232, 234, 237)'],
      );
      await frame.press('Escape');
      await frame.until(() => !document.getElementById('filters').open);
    }, PHONE);

    journey('in English: the words, the vocabularies, the dates; the switch keeps the view', async (page) => {
      await page.goto(at('en/?theme=insertion&lang=en'));
      assert.deepEqual((await listed(page)).sort(), insertion);
      assert.equal(await page.eval(() => document.documentElement.lang), 'en');
      assert.match(await text(page, '#result-count'), new RegExp(`^${insertion.length} records$`));
      assert.match(await text(page, 'label[for="theme-insertion"]'), /Work integration \(IAE\)/);
      assert.match(await text(page, '#results'), /21 November 2019/);
      await page.click('#lang-switch');
      await page.until(() => document.documentElement.lang === 'fr' && !location.pathname.includes('/en/'));
      await page.takenOver();
      assert.deepEqual((await listed(page)).sort(), insertion);
      assert.deepEqual(await themes(page), ['insertion']);
      assert.match(await text(page, '#result-count'), / fiches$/);
    });
  });
}
