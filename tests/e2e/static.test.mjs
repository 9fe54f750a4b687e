// Static first (crates/build/src/bin/prerender.rs, crates/build/src/site/):
// the pages as built, before and without the app. The default view and
// every record page are in the first HTML, as the app's own components
// render them, and the app takes them over with nothing moving (layout
// shift, with a 4x slower CPU, in the full page and in an embed); the
// same dist/ works under a sub-path; the offline passerelles.html works
// from a file with no network; index.html opened from a file says how to
// open it; without JavaScript the pages read; record pages carry their own
// title, description and preview tags, and with a public address their
// canonical links and the sitemap.
// Run after `trunk build --release`: node --test tests/e2e/
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, startServer, assertAccessible, suite } from './harness.mjs';

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json'), 'utf8'));
const RECORDS = [...DATA.agreements, ...DATA.events];
const SUBPATH = '/outils/passerelles/';
const PUBLIC = 'https://passerelles.example/outils/passerelles/';
const CORS = { 'Access-Control-Allow-Origin': '*' };

let work; // the partner's site, and files written by the scenarios
let published; // dist/ rendered again with a public address

/**
 * In the page: the markup of a root with what the app sets as properties
 * (an input's value, a box's checked state) written the same way however it
 * was set, so a prerender and a live render compare as what they show.
 */
function normalised(html) {
  const doc = new DOMParser().parseFromString(`<div id="x">${html}</div>`, 'text/html');
  return doc.getElementById('x').innerHTML.replace(/(<input[^>]*?) value="[^"]*"/g, '$1').replace(/(<input[^>]*?) checked(="")?/g, '$1');
}

/** Layout shifts of a document, summed as the CLS of its session (no input in between). */
const LAYOUT_SHIFT = () => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

/** dist/ rendered again with a public address, beside an empty root. */
function prepare(served) {
  work = served.temp('static');
  published = path.join(work, 'published');
  fs.cpSync(DIST, published, { recursive: true });
  execFileSync(
    path.join(ROOT, 'target', 'debug', 'prerender'),
    [published],
    { cwd: ROOT, env: { ...process.env, PASSERELLES_PUBLIC_URL: PUBLIC }, stdio: 'pipe' },
  );
}

const served = suite('static first: the pages before and without the app', (scenario) => {
  for (const [name, page] of [['the default view', ''], ['a record page', `fiches/${RECORDS[0].id}/`], ['a theme page', 'themes/insertion/']]) {
    scenario(`${name} is in the first HTML, as the app renders it`, async (p) => {
      const raw = await (await fetch(`${served.server.url}/${page}`)).text();
      const first = raw.slice(raw.indexOf('<div id=app>') + '<div id=app>'.length, raw.indexOf('</div><div id=live>'));
      assert.ok(first.length > 1000, 'a prerendered view');
      await p.goto(`${served.server.url}/${page}`);
      const live = await p.evaluate(() => document.getElementById('live').innerHTML);
      assert.equal(await p.evaluate(normalised, live), await p.evaluate(normalised, first), 'the app renders what the build rendered');
      // What inputs show: the app sets values and boxes as properties.
      const before = await p.evaluate((html) => {
        const d = document.createElement('div');
        d.innerHTML = html;
        return [...d.querySelectorAll('input, select')].map((i) => [i.id, i.type === 'checkbox' ? i.checked : i.value]);
      }, first);
      const after = await p.evaluate(() =>
        [...document.getElementById('live').querySelectorAll('input, select')].map((i) => [i.id, i.type === 'checkbox' ? i.checked : i.value]),
      );
      assert.deepEqual(after, before, 'the same values and boxes');
    });
  }

  scenario('the first results are on screen before the wasm has arrived', async (page) => {
    // The wasm never comes: what shows is the HTML alone.
    page.holdsApp = true;
    let held;
    await page.route(/_bg\.wasm$/, (route) => {
      held = route;
    });
    await page.goto(`${served.server.url}/`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#app .card');
    assert.equal(await page.locator('#app .card:visible').count(), RECORDS.length);
    assert.match(await page.textContent('#app #result-count'), new RegExp(`${RECORDS.length} fiches`));
    // The loader asks for it once the first paint is on screen (or after
    // three seconds, assets/loader.js): the cards were there before.
    for (let waited = 0; !held && waited < 5000; waited += 50) await page.waitForTimeout(50);
    assert.ok(held, 'the wasm was asked for, and is still on its way');
    assert.equal(await page.locator('#app .card:visible').count(), RECORDS.length, 'the cards stay while it comes');
    await held.abort();
  }, { allow: ['_bg.wasm', 'TypeError', 'WebAssembly'] });

  for (const [name, url, viewport] of [
    ['the full page', () => `${served.server.url}/`],
    ['a record page', () => `${served.server.url}/fiches/${RECORDS[1].id}/`],
    ['a filtered view', () => `${served.server.url}/?theme=insertion`],
    // On a phone the results come first and the filters are a closed
    // sheet: laid out by the stylesheet alone, in the HTML as in the app.
    ['the full page at 360 px', () => `${served.server.url}/`, { width: 360, height: 800 }],
    ['a filtered view at 360 px', () => `${served.server.url}/?theme=insertion`, { width: 360, height: 800 }],
  ]) {
    scenario(`${name}: no layout shift while the app takes over, with a 4x slower CPU`, async (page, session) => {
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(url());
      await page.waitForSelector('#live #result-count, #live #detail');
      await page.waitForTimeout(500);
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift <= 0.01, `layout shift ${shift}`);
    }, { init: LAYOUT_SHIFT, ...(viewport ? { viewport } : {}) });
  }

  for (const [name, viewport] of [['an embed', undefined], ['a narrow embed (360 px)', { width: 360, height: 800 }]]) scenario(`${name}: no layout shift inside the frame, with a 4x slower CPU`, async (page, session) => {
    fs.writeFileSync(
      path.join(work, 'embed.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title><link rel="icon" href="data:,"></head>
<body><h1>Nos conventions</h1><iframe id="f" src="${served.server.url}/?embed=1&amp;lock_theme=insertion" title="Passerelles" width="100%" height="600"
 data-passerelles sandbox="allow-scripts allow-popups"></iframe><script src="${served.server.url}/embed.js"></script></body></html>`,
    );
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${served.partner.url}/embed.html`);
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await frame.waitForSelector('#results > li');
    await page.waitForTimeout(500);
    const shift = await frame.evaluate(() => window.__shift);
    assert.ok(shift <= 0.01, `layout shift in the frame ${shift}`);
  }, { init: LAYOUT_SHIFT, ...(viewport ? { viewport } : {}) });

  scenario('under a sub-path, every asset and record loads and filters work', async (page) => {
    await page.goto(`${served.nested.url}${SUBPATH}`);
    await page.waitForSelector('#live #results > li');
    await page.check('#theme-insertion');
    await page.waitForFunction(() => /theme=insertion/.test(location.search));
    assert.match(new URL(page.url()).pathname, /^\/outils\/passerelles\/$/);
    const href = await page.getAttribute('#results > li:first-child h3 a', 'href');
    assert.match(href, /^fiches\/[a-z0-9-]+\/$/);
    await page.goto(new URL(href, page.url()).href);
    await page.waitForSelector('#live #detail .excerpt');
    await page.click('#back');
    await page.waitForSelector('#live #results > li');
    assert.equal(new URL(page.url()).pathname, SUBPATH);
  });

  scenario('every record page has its own title, description and preview tags, and shows its detail', async (page) => {
    for (const r of RECORDS) {
      await page.goto(`${served.server.url}/fiches/${r.id}/`);
      assert.equal(await page.title(), `${r.title} — Passerelles`);
      const meta = (sel) => page.getAttribute(sel, 'content');
      const description = await meta('meta[name="description"]');
      assert.ok(description.length > 20 && [...description].length <= 200, description);
      assert.equal(await meta('meta[property="og:title"]'), `${r.title} — Passerelles`);
      assert.equal(await meta('meta[property="og:description"]'), description);
      assert.equal(await page.locator('link[rel="canonical"]').count(), 0, 'no canonical link without a public address');
      await page.waitForSelector(`#live #detail[data-id="${r.id}"] .excerpt, #live #detail[data-id="${r.id}"] h2`);
      assert.equal((await page.textContent('#detail h2')).trim(), r.title);
      const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
      if (DATA.events.includes(r) && r.date.value) {
        const event = JSON.parse(ld[0]);
        assert.equal(event['@type'], 'Event');
        assert.equal(event.name, r.title);
        // A date the text only bounds has no day for schema.org to start on.
        if (r.date.value.includes('/')) assert.equal(event.startDate, undefined);
        else assert.ok(event.startDate.startsWith(r.date.value), `${event.startDate} for ${r.date.value}`);
      } else if (!DATA.events.includes(r)) {
        assert.equal(ld.length, 0, 'no JSON-LD for an agreement');
      }
    }
    await assertAccessible(page, 'a record page');
  });

  scenario('with a public address: canonical links, og:url and a sitemap of every page', async (page) => {
    const pub = await startServer({ root: published, headers: CORS });
    try {
      const id = RECORDS[2].id;
      await page.goto(`${pub.url}/fiches/${id}/`);
      assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), `${PUBLIC}fiches/${id}/`);
      assert.equal(await page.getAttribute('meta[property="og:url"]', 'content'), `${PUBLIC}fiches/${id}/`);
      await page.goto(`${pub.url}/glossaire/`);
      assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), `${PUBLIC}glossaire/`);
      const xml = await (await fetch(`${pub.url}/sitemap.xml`)).text();
      // The browser's own XML parser reads it.
      const locs = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length) return null;
        return [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((l) => l.textContent);
      }, xml);
      assert.ok(locs, 'sitemap.xml is well-formed XML');
      // Every page, in French and in English: the front page, the
      // glossary, the records, and the pages of a theme, region or type
      // that hold records (an empty one is written, marked noindex).
      const pages = (root) => [root, `${root}glossaire/`, ...RECORDS.map((r) => `${root}fiches/${r.id}/`)];
      for (const loc of [...pages(PUBLIC), ...pages(`${PUBLIC}en/`), `${PUBLIC}themes/insertion/`, `${PUBLIC}en/regions/la-reunion/`]) {
        assert.ok(locs.includes(loc), loc);
      }
      for (const loc of locs) {
        const file = path.join(published, loc.slice(PUBLIC.length), 'index.html');
        assert.ok(fs.existsSync(file), loc);
        assert.ok(!fs.readFileSync(file, 'utf8').includes('noindex'), `${loc} is listed, so it is not noindex`);
      }
      assert.equal(new Set(locs).size, locs.length);
      // The English record page's own address, and both languages named.
      await page.goto(`${pub.url}/en/fiches/${id}/`);
      assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), `${PUBLIC}en/fiches/${id}/`);
      assert.equal(await page.getAttribute('link[hreflang="fr"]', 'href'), `${PUBLIC}fiches/${id}/`);
      assert.equal(await page.getAttribute('link[hreflang="en"]', 'href'), `${PUBLIC}en/fiches/${id}/`);
      const robots = await (await fetch(`${pub.url}/robots.txt`)).text();
      assert.match(robots, new RegExp(`Sitemap: ${PUBLIC}sitemap\\.xml`));
    } finally {
      await pub.close();
    }
    // And without one, the same pages work, with no sitemap.
    assert.ok(!fs.existsSync(path.join(DIST, 'sitemap.xml')));
    assert.match(fs.readFileSync(path.join(DIST, 'robots.txt'), 'utf8'), /^User-agent: \*/);
  });

  scenario('passerelles.html works from a file, with no network: filters and details', async (page, session) => {
    const copy = path.join(work, 'usb', 'passerelles.html');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(path.join(DIST, 'passerelles.html'), copy);
    const requested = [];
    await session.context.route(/^https?:/, (route) => {
      requested.push(route.request().url());
      route.abort();
    });
    await page.goto(pathToFileURL(copy).href);
    await page.waitForFunction(() => !document.getElementById('app'));
    await page.waitForSelector('#results > li');
    assert.equal(await page.locator('#results > li').count(), RECORDS.length);
    await page.check('#theme-insertion');
    await page.waitForFunction(() => /theme=insertion/.test(location.search));
    const insertion = RECORDS.filter((r) => r.themes.includes('insertion')).length;
    await page.waitForFunction((n) => document.querySelectorAll('#results > li').length === n, insertion);
    await page.click('#results > li:first-child h3 a');
    await page.waitForSelector('#detail .excerpt');
    await page.click('#back');
    await page.waitForSelector('#results > li');
    assert.deepEqual(requested, [], 'nothing asked of a network');
    assert.equal(await page.locator('.offline-link').isVisible(), false, 'no download link inside the downloaded file');
    assert.equal(await page.locator('.editors-link').isVisible(), false, 'no link to the editors\' page, which the file has not');
  });

  scenario('dist/index.html opened from a file says how to open it, and reads', async (page) => {
    await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
    const notice = page.locator('.file-notice');
    assert.ok(await notice.isVisible());
    assert.match(await notice.textContent(), /passerelles\.html/);
    assert.equal(await page.locator('#app .card').count(), RECORDS.length, 'the prerendered list reads');
    assert.match(await page.getAttribute('#app .card h3 a', 'href'), /^fiches\/[a-z0-9-]+\/index\.html$/);
  });

  scenario('without JavaScript, the pages read and say that filtering needs it', async (page) => {
    await page.goto(`${served.server.url}/`);
    assert.equal(await page.locator('#app .card').count(), RECORDS.length);
    assert.match(await page.textContent('noscript, .noscript'), /JavaScript/);
    assert.ok(await page.locator('.noscript').isVisible());
    await page.goto(`${served.server.url}/fiches/${RECORDS[0].id}/`);
    assert.equal((await page.textContent('#app #detail h2')).trim(), RECORDS[0].title);
    assert.ok((await page.locator('#app .excerpt').count()) > 0, 'the excerpts read');
  }, { javaScript: false, timeout: 60_000 });
}, {
  prefix: 'static-',
  prepare,
  server: { headers: CORS },
  extraServers: {
    // The same dist/ under a sub-path, as a GitHub Pages project site serves it.
    nested: { headers: CORS, mounts: { [SUBPATH]: DIST } },
    partner: () => ({ root: work }),
  },
});
