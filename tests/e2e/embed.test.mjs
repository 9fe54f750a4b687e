// Passerelles embedded in a partner's page (issue #3): a partner page served
// from ANOTHER localhost port frames the app in a sandboxed iframe with the
// host script (dist/embed.js). Height that follows the content, locked
// filters, the "Intégrer cette vue" dialog and its snippet, hostile values,
// what the static host must send, and axe audits.
// Run after `trunk build --release`: node --test tests/e2e/
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, assertAccessible, suite } from './harness.mjs';

// A sandboxed iframe has an opaque origin: every request it makes is cross-origin.
const CORS = { 'Access-Control-Allow-Origin': '*' };
const SANDBOX = 'allow-scripts allow-popups allow-downloads';

let pages = 0;

/** Publishes a page on the partner's site; resolves to its URL. */
function partnerPage(body) {
  pages += 1;
  const name = `partner-${pages}.html`;
  fs.writeFileSync(
    path.join(served.partner.root, name),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un partenaire</title><link rel="icon" href="data:,"></head>
<body><h1>Réseau partenaire</h1><p>Nos conventions :</p>
${body}
</body></html>`,
  );
  return `${served.partner.url}/${name}`;
}

/** The usual snippet, by hand (the dialog's own snippet is tested below). */
const framed = (query, { height = 300, server = served.server } = {}) =>
  `<iframe id="pf" src="${server.url}/${query}" title="Passerelles" width="100%" height="${height}" data-passerelles sandbox="${SANDBOX}"></iframe>
<script src="${server.url}/embed.js" async></script>`;

async function appFrame(page, selector = '#pf') {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('#result-count');
  return frame;
}

/** In the frame: the number of cards once the count and the list agree. */
async function waitCards(frame, expected) {
  await frame.waitForFunction((expected) => {
    const el = document.querySelector('#result-count');
    if (!el) return false;
    const n = Number((el.textContent.match(/\d+/) || [-1])[0]);
    return n === document.querySelectorAll('#results > li').length && (expected == null || n === expected);
  }, expected ?? null);
}

/** Waits until the dialog's preview shows its current src, fully loaded. */
async function previewReady(page) {
  const handle = await page.waitForSelector('#embed-preview');
  const frame = await handle.contentFrame();
  const src = await handle.getAttribute('src');
  await frame.waitForURL(src);
  await frame.waitForSelector('#results > li');
  return frame;
}

const ids = (frame) => frame.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-id')));

/** The iframe's inner height in the host page, and the height of the app's content. */
async function heights(page, frame, selector = '#pf') {
  const iframe = await page.$eval(selector, (f) => f.clientHeight);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { iframe, content };
}

/** Waits until the iframe is exactly as tall as its content; resolves to that height. */
async function settledHeight(page, frame, selector = '#pf') {
  let last = null;
  for (let i = 0; i < 100; i++) {
    const h = await heights(page, frame, selector);
    if (h.iframe === h.content && last && last.iframe === h.iframe) return h.iframe;
    last = h;
    await page.waitForTimeout(100);
  }
  assert.fail(`the iframe never followed its content: ${JSON.stringify(last)}`);
}

// The app: dist/ with Access-Control-Allow-Origin: *; the partner's site, another port.
const served = suite('Passerelles embedded in a partner page (another origin, sandboxed iframe)', (scenario) => {
  before(() => {
    fs.writeFileSync(path.join(served.partner.root, 'index.html'), '<!doctype html><title>partenaire</title>');
    assert.notEqual(served.server.port, served.partner.port);
  });

  scenario('the iframe grows with more results and shrinks with fewer', async (page) => {
    await page.goto(partnerPage(framed('?embed=1&theme=jeunes')));
    const frame = await appFrame(page);
    await waitCards(frame, 2);
    // Embed mode: no site header or footer, a way out to the full app.
    assert.equal(await frame.locator('.site-header, .site-footer').count(), 0);
    assert.equal(await frame.getAttribute('html', 'data-embed'), '');
    const few = await settledHeight(page, frame);

    await frame.uncheck('#theme-jeunes');
    await waitCards(frame);
    const all = (await ids(frame)).length;
    assert.ok(all > 2, `more results without the theme (${all})`);
    const more = await settledHeight(page, frame);
    assert.ok(more > few + 200, `the iframe grew: ${few} -> ${more}`);
    // No scrolling inside: the whole app is visible in the host page.
    assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true);

    await frame.check('#theme-jeunes');
    await waitCards(frame, 2);
    const fewer = await settledHeight(page, frame);
    assert.ok(fewer < more - 200, `the iframe shrank: ${more} -> ${fewer}`);
    assert.ok(Math.abs(fewer - few) <= 2, `back to the first height: ${few} vs ${fewer}`);
  });

  scenario('without the host script the fixed height scrolls inside', async (page) => {
    const html = `<iframe id="pf" src="${served.server.url}/?embed=1" title="Passerelles" width="100%" height="320" data-passerelles sandbox="${SANDBOX}"></iframe>`;
    await page.goto(partnerPage(html));
    const frame = await appFrame(page);
    await waitCards(frame);
    await page.waitForTimeout(300);
    const { iframe, content } = await heights(page, frame);
    assert.equal(iframe, 320);
    assert.ok(content > iframe, 'the content is taller than the frame');
    await frame.evaluate(() => window.scrollTo(0, 200));
    assert.ok((await frame.evaluate(() => window.scrollY)) > 0, 'the frame scrolls');
  });

  scenario('locked filters are applied, shown, and cannot be removed', async (page) => {
    // The reference: the full app with the same theme chosen normally.
    await page.goto(`${served.server.url}/?theme=insertion`);
    await page.waitForSelector('#results > li');
    const expected = await page.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-id')));
    assert.ok(expected.length > 0);

    // theme=jeunes tries to widen (or swap) the locked theme: ignored.
    await page.goto(partnerPage(framed('?embed=1&lock_theme=insertion&theme=jeunes')));
    const frame = await appFrame(page);
    await waitCards(frame, expected.length);
    assert.deepEqual((await ids(frame)).sort(), [...expected].sort());
    // Shown as a fixed chip, with no checkbox to untick and no chip to remove.
    assert.match(await frame.textContent('#locked-theme'), /Insertion/);
    assert.equal(await frame.locator('input[name="theme"]').count(), 0);
    assert.equal(await frame.locator('#active-filters button').count(), 0);
    assert.equal(await frame.isDisabled('#clear'), true, 'nothing removable: the clear button is off');

    // Another filter can be added and cleared; the lock stays.
    const region = frame.locator('fieldset.facet[data-facet="region"] input[name="region"]').first();
    await region.check();
    await frame.waitForFunction(() => /region=/.test(location.search));
    await frame.click('#clear');
    await frame.waitForFunction(() => !/[?&]region=/.test(location.search));
    await waitCards(frame, expected.length);
    assert.deepEqual((await ids(frame)).sort(), [...expected].sort());
    // Back and forward restore URLs, and the lock is imposed on them too.
    await frame.evaluate(() => history.back());
    await frame.waitForFunction(() => /region=/.test(location.search));
    await frame.evaluate(() => history.back());
    await waitCards(frame, expected.length);
    assert.equal(await frame.locator('input[name="theme"]').count(), 0);
    assert.match(await frame.evaluate(() => location.search), /lock_theme=insertion/);

    // "Voir en plein écran": the same view in the full app, in a new tab, without the lock.
    const link = frame.locator('#fullscreen');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');
    const href = await link.getAttribute('href');
    assert.ok(href.startsWith('?'), href);
    const params = new URLSearchParams(href);
    assert.equal(params.get('theme'), 'insertion');
    for (const p of ['embed', 'lock_theme', 'scheme', 'accent']) assert.equal(params.get(p), null, `${p} in ${href}`);
    const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await popup.waitForSelector('#results > li');
    assert.equal(await popup.isChecked('#theme-insertion'), true);
    assert.equal(await popup.evaluate(() => window.opener), null);
    assert.equal(await popup.locator('.site-header').count(), 1);
    await popup.close();
  });

  scenario('unknown or hostile locks and colours are ignored', async (page) => {
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#results > li');
    const all = await page.locator('#results > li').count();
    const scripts = await page.locator('script').count();

    await page.goto(`${served.server.url}/?embed=1&lock_theme=<script>alert(1)</script>&lock_region=nowhere&accent=red;}body{display:none`);
    await page.waitForSelector('#results > li');
    assert.equal(await page.locator('#results > li').count(), all, 'no lock applied');
    assert.equal(await page.locator('.locked-chips').count(), 0);
    assert.ok((await page.locator('input[name="theme"]').count()) > 0);
    assert.equal(await page.locator('script').count(), scripts, 'no script element added');
    assert.equal(await page.isVisible('body'), true);
    const look = await page.evaluate(() => ({
      accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      style: document.documentElement.getAttribute('style'),
    }));
    assert.deepEqual(look, { accent: '#0b5cab', style: null });

    // A valid accent is applied through the CSSOM, with readable ink on it.
    await page.goto(`${served.server.url}/?embed=1&accent=%23ffcc00&region=04`);
    await page.waitForSelector('#results > li');
    const colours = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      const clear = getComputedStyle(document.querySelector('#clear'));
      return {
        accent: root.getPropertyValue('--accent').trim(),
        ink: root.getPropertyValue('--accent-ink').trim(),
        background: clear.backgroundColor,
        color: clear.color,
      };
    });
    assert.deepEqual(colours, {
      accent: '#ffcc00',
      ink: '#1b1f24',
      background: 'rgb(255, 204, 0)',
      color: 'rgb(27, 31, 36)',
    });
  });

  scenario('messages of the wrong shape or from another frame change nothing', async (page) => {
    const evil = `<iframe id="evil" src="${served.partner.url}/index.html" title="autre cadre" data-passerelles-not></iframe>`;
    await page.goto(partnerPage(framed('?embed=1&theme=jeunes') + evil));
    const frame = await appFrame(page);
    await waitCards(frame, 2);
    const height = await settledHeight(page, frame);

    // From another frame, with the right shape.
    const evilFrame = await (await page.$('#evil')).contentFrame();
    await evilFrame.evaluate(() => parent.postMessage({ type: 'passerelles:resize', v: 1, height: 5 }, '*'));
    // From the host page itself.
    await page.evaluate(() => window.postMessage({ type: 'passerelles:resize', v: 1, height: 7 }, '*'));
    // From the Passerelles frame, with the wrong shape.
    await frame.evaluate(() => {
      const bad = [
        { type: 'passerelles:resize', v: 1, height: 1e9 },
        { type: 'passerelles:resize', v: 1, height: -40 },
        { type: 'passerelles:resize', v: 1, height: Number.NaN },
        { type: 'passerelles:resize', v: 1, height: '120' },
        { type: 'passerelles:resize', v: 2, height: 120 },
        { type: 'passerelles:resize', v: 1, height: 120, style: 'display:none' },
        { type: 'other', v: 1, height: 120 },
        JSON.stringify({ type: 'passerelles:resize', v: 1, height: 120 }),
        [120],
        null,
      ];
      for (const m of bad) parent.postMessage(m, '*');
    });
    await page.waitForTimeout(400);
    assert.equal((await heights(page, frame)).iframe, height, 'no message moved the iframe');
    assert.equal(await page.$eval('#evil', (f) => f.style.height), '');

    // The right message from the right frame does: the listener was there all along.
    await frame.evaluate(() => parent.postMessage({ type: 'passerelles:resize', v: 1, height: 321 }, '*'));
    await page.waitForFunction(() => document.querySelector('#pf').clientHeight === 321);
  });

  scenario('the dialog builds a snippet that shows the same view in a fresh page', async (page, session) => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.url });
    await page.goto(`${served.server.url}/?theme=insertion&type=agreement`);
    await page.waitForSelector('#results > li');
    const expected = await page.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-id')));

    // Opened from the keyboard, focus inside; Escape closes and focus returns.
    await page.focus('#embed-open');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#embed-dialog[open]');
    assert.equal(await page.evaluate(() => document.querySelector('#embed-dialog').matches(':modal')), true);
    assert.equal(await page.evaluate(() => document.querySelector('#embed-dialog').contains(document.activeElement)), true);
    // (Closing removes the preview: let it load, or its data request is cut short.)
    await previewReady(page);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#embed-dialog:not([open])', { state: 'attached' });
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'embed-open');

    // Each option reloads the live preview: let it finish before the next one.
    await page.click('#embed-open');
    await page.waitForSelector('dialog#embed-dialog[open]');
    await previewReady(page);
    await page.check('#embed-lock');
    await page.waitForFunction(() => /lock_theme=/.test(document.querySelector('#embed-preview').src));
    await previewReady(page);
    await page.selectOption('#embed-scheme', 'auto');
    await page.waitForFunction(() => /scheme=auto/.test(document.querySelector('#embed-preview').src));
    await previewReady(page);
    await page.fill('#embed-height', '450');
    await page.press('#embed-height', 'Tab');
    await page.waitForFunction(() => /lock_theme=insertion/.test(document.querySelector('#embed-code').value));
    const snippet = await page.inputValue('#embed-code');
    assert.match(snippet, /height="450"/);
    assert.match(snippet, /scheme=auto/);
    assert.match(snippet, /lock_type=agreement/);
    assert.match(snippet, new RegExp(`<script src="${served.server.url}/embed.js" async></script>`));
    // The live preview is a real iframe on the same view.
    const preview = await previewReady(page);
    await waitCards(preview, expected.length);
    assert.equal(await page.getAttribute('#embed-preview', 'height'), '450');

    // Copy, with feedback in a live region.
    await page.click('#embed-copy');
    await page.waitForFunction(() => document.querySelector('#embed-copy-status').textContent.length > 0);
    assert.equal(await page.getAttribute('#embed-copy-status', 'role'), 'status');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    await page.click('#embed-close');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'embed-open');

    // Pasted into a fresh page of the partner's site.
    const fresh = await session.context.newPage();
    await fresh.goto(partnerPage(snippet));
    const frame = await appFrame(fresh, 'iframe[data-passerelles]');
    await waitCards(frame, expected.length);
    assert.deepEqual((await ids(frame)).sort(), [...expected].sort());
    assert.equal(await fresh.getAttribute('iframe[data-passerelles]', 'sandbox'), SANDBOX);
    assert.equal(await fresh.getAttribute('iframe[data-passerelles]', 'loading'), 'lazy');
    assert.equal(await frame.locator('input[name="theme"], input[name="type"]').count(), 0, 'locked');
    await settledHeight(fresh, frame, 'iframe[data-passerelles]');
    await fresh.close();
  });

  scenario('the dialog copies by selection when the clipboard is refused', async (page) => {
    await page.goto(`${served.server.url}/?region=04`);
    await page.waitForSelector('#results > li');
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) } });
    });
    await page.click('#embed-open');
    await previewReady(page);
    await page.click('#embed-copy');
    await page.waitForFunction(() => /Ctrl\+C/.test(document.querySelector('#embed-copy-status').textContent));
    const selected = await page.evaluate(() => {
      const area = document.querySelector('#embed-code');
      return document.activeElement === area && area.selectionStart === 0 && area.selectionEnd === area.value.length;
    });
    assert.equal(selected, true, 'the snippet is selected for a manual copy');
  });

  scenario('axe finds no violation in the embed view nor in the open dialog', async (page) => {
    await page.goto(`${served.server.url}/?embed=1&theme=insertion`);
    await page.waitForSelector('#results > li');
    await assertAccessible(page, 'the embed view');
    await page.goto(`${served.server.url}/?embed=1&lock_theme=insertion&lock_type=agreement`);
    await page.waitForSelector('#results > li');
    await assertAccessible(page, 'the embed view with locked filters');
    await page.goto(`${served.server.url}/?scheme=dark&theme=jeunes`);
    await page.waitForSelector('#results > li');
    await assertAccessible(page, 'the dark scheme');
    await page.goto(`${served.server.url}/?theme=jeunes`);
    await page.waitForSelector('#results > li');
    await page.click('#embed-open');
    await previewReady(page);
    await assertAccessible(page, 'the open dialog');
  });
}, { prefix: 'embed-', server: { headers: CORS }, extraServers: { partner: {} } });

// The app's host without Access-Control-Allow-Origin, and a partner's site.
const host = suite('what a host must send, and what the app must not use', (scenario) => {
  scenario('a sandboxed embed needs Access-Control-Allow-Origin (and that is enough)', async (page, session) => {
    fs.writeFileSync(path.join(host.partner.root, 'p.html'), `<!doctype html><title>p</title><link rel="icon" href="data:,">${framed('?embed=1', { server: host.server })}`);
    await page.goto(`${host.partner.url}/p.html`);
    const frame = await (await page.waitForSelector('#pf')).contentFrame();
    await page.waitForTimeout(3000);
    assert.equal(await frame.locator('#live #result-count').count(), 0, 'the app cannot start without the header');
    assert.ok(
      session.problems.some((p) => /CORS|Access-Control-Allow-Origin|requestfailed/i.test(p)),
      `a CORS failure is reported: ${session.problems.join(' | ')}`,
    );
    // The same page with the header on the app's host: it starts (the first scenarios).
  }, {
    allow: [
      // The refusal itself,
      /CORS|Access-Control-Allow-Origin|requestfailed/i,
      // and what it causes: the app's glue and wasm, from its host, fail to load, so the loader's import and fetch fail.
      (p) => p.startsWith('console.error: Failed to load resource: net::ERR_FAILED') && p.includes(`${host.server.url}/`),
      (p) => p.startsWith(`pageerror: Failed to fetch dynamically imported module: ${host.server.url}/`),
      (p) => p.startsWith('pageerror: TypeError: Failed to fetch'),
    ],
    timeout: 60_000,
  });

  test('no storage or cookies anywhere, and no viewport-sized heights', () => {
    const sources = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true })
      .filter((f) => f.endsWith('.rs'))
      .map((f) => path.join(ROOT, 'src', f));
    const glue = fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).map((f) => path.join(DIST, f));
    for (const file of [...sources, ...glue]) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /localStorage|sessionStorage|\.cookie\b|local_storage|session_storage|fn cookie/, file);
    }
    const css = fs.readFileSync(path.join(ROOT, 'styles', 'main.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(css, /\d(?:d|s|l)?vh\b/, 'no vh units');
    assert.doesNotMatch(css, /(?:^|[\s;{-])height\s*:\s*100%/m, 'no 100% heights');
    assert.ok(fs.existsSync(path.join(DIST, 'embed.js')), 'dist/embed.js is shipped');
  });
}, { prefix: 'embed-host-', extraServers: { partner: {} } });
