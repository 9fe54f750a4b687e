// Partners everywhere (issue 23): a page per theme, region and type, an
// oEmbed file beside every page, WordPress's own embed script sizing the
// iframe WordPress writes, and a picture per page for link previews.
//
// The oEmbed files need the site's public address: dist/ is rendered again
// (target/debug/prerender, as static.test.mjs does) for the address of the
// server this suite starts, on a port chosen first. The partner is a
// WordPress page served from another port: the iframe written exactly as
// WordPress's sanitizer writes a discovered provider's (wp-includes/embed.php,
// `wp_filter_oembed_result`, ported below), and WordPress's own
// wp-embed.js, from Debian's `wordpress` package (scripts/setup.sh).
// The pictures are read back by a real OCR (Debian's tesseract-ocr, French).
// Run after `trunk build --release`: node --test tests/e2e/partners.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DIST, assertAccessible, listed, suite } from './harness.mjs';

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json'), 'utf8'));
const RECORDS = [...DATA.agreements, ...DATA.events];
const CORS = { 'Access-Control-Allow-Origin': '*' };
const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.js';
const SECRET = 'Ab3dE6gH9k';

let PUBLIC; // the published site's address, http://127.0.0.1:PORT/
let published; // dist/ rendered again for it
let port;

/** A port free now, for the server to take after the render. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function prepare(served) {
  const work = served.temp('partners');
  published = path.join(work, 'published');
  fs.cpSync(DIST, published, { recursive: true });
  served.partnerRoot = path.join(work, 'partner');
  fs.mkdirSync(served.partnerRoot);
  assert.ok(fs.existsSync(WP_EMBED), `${WP_EMBED} is missing: run scripts/setup.sh (apt-get install wordpress)`);
  fs.copyFileSync(WP_EMBED, path.join(served.partnerRoot, 'wp-embed.js'));
  return freePort().then((p) => {
    port = p;
    PUBLIC = `http://127.0.0.1:${port}/`;
    execFileSync(path.join(ROOT, 'target', 'debug', 'prerender'), [published], {
      cwd: ROOT,
      env: { ...process.env, PASSERELLES_PUBLIC_URL: PUBLIC },
      stdio: 'pipe',
    });
  });
}

/** What WordPress keeps of a discovered provider's HTML, and how it marks
 * it (wp-includes/embed.php 6.1, wp_filter_oembed_result): the iframe with
 * only src, width, height, title (and the frame attributes it allows), its
 * secret after `#?secret=` and in data-secret, then its class and sandbox. */
function wordpressKeeps(html, secret) {
  const iframe = /<iframe\s([^>]*)><\/iframe>/.exec(html);
  assert.ok(iframe, `an iframe in ${html}`);
  const allowed = ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'];
  const attrs = [...iframe[1].matchAll(/([a-z-]+)="([^"]*)"/g)].filter(([, name]) => allowed.includes(name));
  let kept = `<iframe ${attrs.map(([, n, v]) => `${n}="${v}"`).join(' ')}></iframe>`;
  kept = kept.replace(/ src="([^"]*)"/, (_, src) => ` src="${src}#?secret=${secret}" data-secret="${secret}"`);
  return kept.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** The pages of one facet value, as the build names them. */
const PAGES = {
  front: '',
  theme: 'themes/insertion/',
  region: 'regions/la-reunion/',
  type: 'types/event/',
  pair: 'themes/insertion/la-reunion/',
  record: `fiches/${RECORDS[1].id}/`,
  english: 'en/themes/insertion/',
};

const served = suite('partners: pages per theme and region, oEmbed, WordPress, previews', (scenario) => {
  test('every page kind has an oEmbed file of the spec, whose HTML is what WordPress keeps', async () => {
    for (const [kind, page] of Object.entries(PAGES)) {
      const html = fs.readFileSync(path.join(published, page, 'index.html'), 'utf8');
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(html);
      assert.ok(link, `${kind}: the discovery link`);
      assert.equal(link[1], `${PUBLIC}${page}oembed.json`, kind);
      const res = await fetch(`${served.server.url}/${page}oembed.json`);
      assert.equal(res.status, 200, kind);
      const o = await res.json();
      // oEmbed 1.0, section 2.3.4: type and version; rich: html, width, height.
      assert.equal(o.type, 'rich', kind);
      assert.equal(o.version, '1.0', kind);
      assert.ok(Number.isInteger(o.width) && Number.isInteger(o.height), kind);
      assert.equal(o.provider_name, 'Passerelles');
      assert.equal(o.provider_url, PUBLIC);
      assert.ok(o.title.length > 0, kind);
      // The thumbnail's three fields together, the page's own picture.
      assert.equal(o.thumbnail_url, `${PUBLIC}${page}preview.png`, kind);
      assert.deepEqual([o.thumbnail_width, o.thumbnail_height], [1200, 630], kind);
      // Only what WordPress keeps: an iframe with src, width, height, title.
      const iframe = /^<iframe ([^>]*)><\/iframe>$/.exec(o.html);
      assert.ok(iframe, `${kind}: ${o.html}`);
      const names = [...iframe[1].matchAll(/([a-z-]+)="[^"]*"/g)].map((m) => m[1]);
      assert.deepEqual(names, ['src', 'width', 'height', 'title'], kind);
      const src = /src="([^"]*)"/.exec(o.html)[1].replaceAll('&amp;', '&');
      assert.ok(src.startsWith(PUBLIC), `${kind}: ${src}`);
      assert.match(src, /[?&]embed=1(&|$)/, kind);
      assert.equal(wordpressKeeps(o.html, SECRET).includes(`#?secret=${SECRET}" data-secret="${SECRET}"`), true);
    }
    const theme = await (await fetch(`${served.server.url}/themes/insertion/oembed.json`)).json();
    assert.match(theme.html, /lock_theme=insertion/, 'a theme embedded stays that theme');
  });

  scenario('a WordPress page: wp-embed.js sizes the iframe, full screen goes through the host, exports explain themselves', async (page) => {
    const o = await (await fetch(`${served.server.url}/themes/insertion/oembed.json`)).json();
    // What WordPress's own embeds carry besides (get_post_embed_html), and
    // what makes the frame unscrollable: the app must scroll inside.
    const frameHtml = wordpressKeeps(o.html, SECRET).replace('></iframe>', ' frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>');
    fs.writeFileSync(
      path.join(served.partnerRoot, 'article.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title><link rel="icon" href="data:,"></head>
<body><h1>Nos partenaires de l'insertion</h1><p>Les conventions :</p>
<figure class="wp-block-embed">${frameHtml}</figure>
<script src="wp-embed.js"></script></body></html>`,
    );
    await page.goto(`${served.partner.url}/article.html`);
    const handle = await page.waitForSelector('iframe.wp-embedded-content');
    assert.equal(await handle.getAttribute('sandbox'), 'allow-scripts');
    const frame = await handle.contentFrame();
    await frame.waitForSelector('#live #results > li');
    // The app answered in WordPress's format: the iframe's height attribute
    // is its content's, clamped by wp-embed.js to 200–1000.
    await page.waitForFunction(() => document.querySelector('iframe.wp-embedded-content').getAttribute('height') !== '700');
    const measured = async () => {
      const content = await frame.evaluate(() => {
        const body = document.body;
        const top = body.getBoundingClientRect().top;
        const bottom = Math.max(top, ...[...body.children].map((c) => c.getBoundingClientRect().bottom));
        return Math.ceil(bottom - top + body.scrollTop);
      });
      return { content, iframe: Number(await handle.getAttribute('height')) };
    };
    let h;
    for (let i = 0; i < 50; i++) {
      h = await measured();
      if (h.iframe === Math.min(1000, Math.max(200, h.content))) break;
      await page.waitForTimeout(100);
    }
    assert.equal(h.iframe, Math.min(1000, Math.max(200, h.content)), JSON.stringify(h));
    assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-wp')), true);
    if (h.content > 1000) {
      // Taller than WordPress allows: the body scrolls inside the frame.
      const scrolled = await frame.evaluate(() => {
        document.body.scrollTop = 400;
        return document.body.scrollTop;
      });
      assert.ok(scrolled > 0, 'the body scrolls inside the frame');
    }
    // The list is the theme's, locked.
    const inFrame = await frame.$$eval('#results > li', (lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(inFrame.sort(), RECORDS.filter((r) => r.themes.includes('insertion')).map((r) => r.id).sort());

    // Exports: no download can start here, and the page says what to do.
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await frame.click('[data-export="csv"]');
    await frame.waitForFunction(() => /interdit les téléchargements/.test(document.querySelector('#export-status').textContent));
    assert.match(await frame.textContent('#export-status'), /Voir en plein écran/);
    assert.equal(downloaded, false);

    // "Voir en plein écran": wp-embed.js opens it in the top window.
    await frame.click('#fullscreen');
    await page.waitForURL((url) => url.href.startsWith(PUBLIC) && /theme=insertion/.test(url.search));
    await page.waitForSelector('#live #results > li');
    assert.equal(await page.isChecked('#theme-insertion'), true);
  }, { timeout: 120_000 });

  scenario('an event in WordPress: its calendar says what to do, its web calendars are left out', async (page) => {
    const id = 'ev-2015-11-17-seminaire-iae-paris';
    const o = await (await fetch(`${served.server.url}/fiches/${id}/oembed.json`)).json();
    fs.writeFileSync(
      path.join(served.partnerRoot, 'event.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un événement</title><link rel="icon" href="data:,"></head>
<body>${wordpressKeeps(o.html, SECRET)}<script src="wp-embed.js"></script></body></html>`,
    );
    await page.goto(`${served.partner.url}/event.html`);
    const frame = await (await page.waitForSelector('iframe.wp-embedded-content')).contentFrame();
    await frame.waitForSelector(`#live #detail[data-id="${id}"] .excerpt`);
    assert.equal(await frame.locator('.web-calendars').count(), 0);
    await frame.click('[data-export="ics-event"]');
    await frame.waitForFunction(() => /interdit les téléchargements/.test(document.querySelector('#export-status').textContent));
  });

  scenario('theme and region pages list what ?theme= and ?region= list, start there, and chips lead there', async (page) => {
    for (const [pagePath, query, box] of [
      ['themes/insertion/', '?theme=insertion', '#theme-insertion'],
      ['regions/la-reunion/', '?region=04', '#region-04'],
      ['themes/insertion/la-reunion/', '?region=04&theme=insertion', '#theme-insertion'],
      ['types/event/', '?type=event', '#type-event'],
    ]) {
      await page.goto(`${served.server.url}/${query}`);
      const expected = await listed(page);
      await page.goto(`${served.server.url}/${pagePath}`);
      // Before the app: the build's own list, already filtered.
      const prerendered = await page.evaluate(() => [...document.querySelectorAll('#live #results > li')].map((li) => li.dataset.id));
      assert.deepEqual(await listed(page), expected, pagePath);
      assert.deepEqual(prerendered, expected, `${pagePath}: the app rendered the same list`);
      assert.equal(await page.isChecked(box), true, `${pagePath}: the filter is set`);
      assert.equal(new URL(page.url()).pathname, `/${pagePath}`, 'the address stays the page');
    }
    // A filter changed from a theme page goes to the root's view.
    await page.goto(`${served.server.url}/themes/insertion/`);
    await page.check('#type-agreement');
    await page.waitForFunction(() => location.pathname === '/' && /theme=insertion/.test(location.search) && /type=agreement/.test(location.search));
    // Back: the theme page, its view again.
    await page.goBack();
    await page.waitForFunction(() => location.pathname === '/themes/insertion/');
    await page.waitForFunction(() => document.querySelector('#type-agreement') && !document.querySelector('#type-agreement').checked);
    assert.equal(await page.isChecked('#theme-insertion'), true);

    // Chips: a card's theme leads to its page; the detail's territory too.
    await page.goto(`${served.server.url}/`);
    const chip = page.locator('#results > li[data-id="ag-2019-cpme-reunion-ursiae"] .chips a', { hasText: 'Insertion' });
    assert.equal(await chip.getAttribute('href'), 'themes/insertion/');
    await chip.click();
    await page.waitForURL(/\/themes\/insertion\/$/);
    await page.waitForSelector('#live #results > li');
    await page.goto(`${served.server.url}/fiches/ag-2019-cpme-reunion-ursiae/`);
    await page.waitForSelector('#live #detail .excerpt');
    const territory = page.locator('#live #detail dd a', { hasText: 'La Réunion' });
    assert.equal(await territory.getAttribute('href'), 'regions/la-reunion/');
    // In English, the English pages.
    await page.goto(`${served.server.url}/en/fiches/ag-2019-cpme-reunion-ursiae/`);
    await page.waitForSelector('#live #detail .excerpt');
    assert.equal(await page.locator('#live #detail dd a', { hasText: 'Réunion' }).getAttribute('href'), 'en/regions/la-reunion/');
    // Inside an embed, the view instead, in the frame.
    await page.goto(`${served.server.url}/?embed=1`);
    await page.waitForSelector('#live #results > li');
    const embedded = await page.locator('#results > li .chips a').first().getAttribute('href');
    assert.match(embedded, /^\?theme=[a-z-]+&embed=1$/);
  });

  scenario('a theme page: its head, its feeds, axe clean', async (page) => {
    await page.goto(`${served.server.url}/themes/insertion/`);
    const n = RECORDS.filter((r) => r.themes.includes('insertion')).length;
    const label = DATA.themes.find((t) => t.id === 'insertion').label;
    assert.equal(await page.title(), `${label} : conventions et événements — Passerelles`);
    assert.match(await page.getAttribute('meta[name="description"]', 'content'), new RegExp(`${n} fiches`));
    assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), `${PUBLIC}themes/insertion/`);
    assert.equal(await page.getAttribute('link[hreflang="en"]', 'href'), `${PUBLIC}en/themes/insertion/`);
    assert.equal(await page.getAttribute('meta[property="og:image"]', 'content'), `${PUBLIC}themes/insertion/preview.png`);
    assert.equal(await page.getAttribute('meta[name="twitter:card"]', 'content'), 'summary_large_image');
    // Its Atom feed, advertised and linked, lists what the page lists.
    const atom = await page.getAttribute('link[rel="alternate"][type="application/atom+xml"][href*="theme"]', 'href');
    assert.equal(atom, 'feeds/fiches-theme-insertion.atom');
    assert.equal(await page.locator(`.subscribe a[href="${atom}"]`).count(), 1);
    const xml = await (await fetch(`${served.server.url}/${atom}`)).text();
    const entries = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return doc.getElementsByTagName('parsererror').length ? null : doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length;
    }, xml);
    assert.equal(entries, n);
    await page.waitForSelector('#live #results > li');
    await assertAccessible(page, 'a theme page');
  });

  scenario('an event dated to the day has Google and Outlook links at its place and time', async (page) => {
    await page.goto(`${served.server.url}/fiches/ev-2015-11-17-seminaire-iae-paris/`);
    await page.waitForSelector('#live #detail .excerpt');
    const links = await page.$$eval('#live .web-calendars a', (as) => as.map((a) => [a.textContent, a.href, a.target]));
    assert.equal(links.length, 2);
    const google = new URL(links[0][1]);
    assert.equal(google.origin + google.pathname, 'https://calendar.google.com/calendar/render');
    assert.equal(google.searchParams.get('action'), 'TEMPLATE');
    assert.equal(google.searchParams.get('dates'), '20151117T090000/20151117T130000');
    assert.equal(google.searchParams.get('ctz'), 'Europe/Paris');
    // (The record page's address joins the details when the pack is built
    // with the public address: crates/core/src/export/web_calendars.rs.)
    assert.match(google.searchParams.get('details'), /^Séminaire/);
    const outlook = new URL(links[1][1]);
    assert.equal(outlook.origin + outlook.pathname, 'https://outlook.live.com/calendar/0/deeplink/compose');
    assert.equal(outlook.searchParams.get('startdt'), '2015-11-17T09:00:00+01:00');
    assert.equal(links[1][2], '_blank');
    // An event known only to the month: none.
    await page.goto(`${served.server.url}/fiches/ev-2015-11-mois-ess-idf/`);
    await page.waitForSelector('#live #detail .excerpt');
    assert.equal(await page.locator('.web-calendars').count(), 0);
  });

  test('every page has its picture, a 1200 × 630 PNG', () => {
    const pages = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === 'index.html') pages.push(dir);
      }
    };
    walk(published);
    // The glossary (a static page) and the editors' tools (not indexed, not
    // pages to share: site/editor.rs) have no picture.
    const views = pages.filter((d) => {
      const html = fs.readFileSync(path.join(d, 'index.html'), 'utf8');
      return !html.includes(' data-static>') && !html.includes('<meta name=robots content=noindex>');
    });
    assert.ok(views.length >= 2 * (1 + RECORDS.length + DATA.themes.length + DATA.regions.length + 2), `${views.length} pages`);
    for (const dir of views) {
      const png = fs.readFileSync(path.join(dir, 'preview.png'));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], dir);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], dir);
    }
  });

  test('the pictures show the page title (read by an OCR)', () => {
    let version;
    try {
      version = execFileSync('tesseract', ['--version'], { encoding: 'utf8' });
    } catch {
      assert.fail('tesseract is not installed: run scripts/setup.sh (apt-get install tesseract-ocr tesseract-ocr-fra)');
    }
    assert.match(version, /tesseract/);
    const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const sample = [
      ...RECORDS.filter((_, i) => i % 4 === 0).map((r) => [`fiches/${r.id}/`, r.title]),
      ['themes/insertion/', 'Insertion'],
      ['regions/ile-de-france/', 'Île-de-France'],
      [`en/fiches/${RECORDS[2].id}/`, RECORDS[2].title],
    ];
    for (const [page, title] of sample) {
      const read = fold(execFileSync('tesseract', [path.join(published, page, 'preview.png'), 'stdout', '-l', 'fra'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      const words = fold(title).split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
      // The picture may cut a long title ("…"): its first words are there.
      const first = words.slice(0, 6);
      const found = first.filter((w) => read.includes(w));
      assert.ok(found.length >= Math.ceil(first.length * 0.8), `${page}: ${found.length}/${first.length} of ${first.join(' ')} in « ${read.trim()} »`);
    }
    // And a picture without the title is not read as having it.
    const other = fold(execFileSync('tesseract', [path.join(published, 'themes/insertion/preview.png'), 'stdout', '-l', 'fra'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    assert.ok(!other.includes('usgeres'), 'the OCR does not invent a title');
  });
}, {
  prefix: 'partners-',
  requires: ['themes/insertion/index.html'],
  prepare,
  server: () => ({ root: published, headers: CORS, port }),
  extraServers: { partner: (s) => ({ root: s.partnerRoot }) },
});
