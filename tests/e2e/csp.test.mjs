// The built site under the strict Content-Security-Policy that
// scripts/csp.mjs writes to dist/_headers: no violation in any frame, no
// console error, across the list, a detail, the exports (files made in the
// page), the "Intégrer cette vue" dialog (and its preview frame) and an embed
// in a partner's sandboxed iframe.
// Run after `trunk build --release`: node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, hostHeaders, suite } from './harness.mjs';

/** The headers dist/_headers gives every page. */
const distHeaders = () => hostHeaders('/');

/** Reports every CSP violation of every frame as a console error, which the harness records. */
const REPORT_VIOLATIONS = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`);
  });
};

const served = suite('the site under its strict Content-Security-Policy', (scenario) => {
  test('dist/_headers holds the strict policy, with the hashes of the inline scripts', () => {
    const { headers } = served.server;
    const csp = headers['Content-Security-Policy'];
    assert.ok(csp, 'a Content-Security-Policy header');
    const sha = (body) => `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`;
    const scripts = (file) =>
      [...fs.readFileSync(path.join(DIST, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
        // Data blocks (JSON-LD, base64) are never run, and need no hash.
        .filter((m) => !/\ssrc=/.test(m[1]) && !/type="?application\//.test(m[1]));
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const loader = scripts('index.html');
    assert.equal(loader.length, 1, 'the loader is the only inline script of the page');
    // The record pages carry the same loader; the offline file its own
    // scripts and style, should it be opened from the site.
    const page = scripts(`fiches/${fs.readdirSync(path.join(DIST, 'fiches'))[0]}/index.html`);
    assert.deepEqual(page.map((m) => sha(m[2])), [sha(loader[0][2])]);
    const offline = fs.readFileSync(path.join(DIST, 'passerelles.html'), 'utf8');
    const hashes = [...new Set([loader, scripts('passerelles.html')].flat().map((m) => sha(m[2])))];
    // The stylesheet, inlined in every page: the offline file's is the same.
    const styles = [...new Set([html, offline].flatMap((p) => [...p.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]))))];
    assert.equal(
      csp,
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}; style-src 'self' ${styles.join(' ')}; img-src 'self' data:; frame-ancestors *`,
    );
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*\.|https?:/);
    assert.equal(headers['Access-Control-Allow-Origin'], '*');
    assert.equal(headers['X-Frame-Options'], undefined, 'partners must be able to frame the app');
    assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
  });

  test('dist/_headers caches the files named by their content for a year, and only those', () => {
    const year = 'public, max-age=31536000, immutable';
    const wasm = fs.readdirSync(DIST).find((f) => /^passerelles-[0-9a-f]{16}_bg\.wasm$/.test(f));
    const parts = fs.readdirSync(path.join(DIST, 'data', 'passerelles.pack.d'));
    assert.ok(wasm && parts.length > 0, 'a hashed module and a pack folder in the build');
    for (const sealed of [`/${wasm}`, ...parts.map((f) => `/data/passerelles.pack.d/${f}`)]) {
      assert.equal(hostHeaders(sealed)['Cache-Control'], year, sealed);
      // The site's own headers still apply.
      assert.ok(hostHeaders(sealed)['Content-Security-Policy'], sealed);
    }
    // What a rebuild must reach under the same name: the pages, the pack a
    // page asks for first, the unhashed modules.
    for (const named of ['/', '/index.html', '/data/passerelles.pack', '/data/passerelles.en.pack', '/embed.js', '/ondemand_bg.wasm', '/fiches/x/']) {
      assert.equal(hostHeaders(named)['Cache-Control'], undefined, named);
    }
  });

  test('the page and the island write no inline style attribute', () => {
    for (const dir of ['src', 'src/bin', 'crates/island/src']) {
      const files = fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.rs'));
      assert.ok(files.length > 0, `no sources in ${dir}`);
      for (const f of files) {
        const text = fs.readFileSync(path.join(ROOT, dir, f), 'utf8');
        assert.doesNotMatch(text, /\sstyle=\{|\sstyle="|set_attribute\("style"/, `${dir}/${f}`);
      }
    }
  });

  scenario('list, detail, dialog and embed: no violation, no console error', async (page) => {
    await page.goto(`${served.server.url}/?theme=insertion`);
    await page.waitForSelector('#results > li');
    // The list: a filter, a search, a sort.
    await page.uncheck('#theme-insertion');
    await page.fill('#q', 'insertion');
    await page.selectOption('#sort', 'title');
    await page.waitForFunction(() => /q=insertion/.test(location.search));
    // A detail and back.
    await page.click('#results > li h3 a');
    await page.waitForSelector('#detail-title');
    await page.click('#back');
    await page.waitForSelector('#results > li');
    // The exports: fetched, assembled, handed over as a Blob.
    for (const format of ['csv', 'ics']) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
      assert.ok(file.suggestedFilename().endsWith(`.${format}`));
    }
    // The dialog, with its preview frame, every option.
    await page.click('#embed-open');
    await page.waitForSelector('dialog#embed-dialog[open]');
    const preview = await (await page.waitForSelector('#embed-preview')).contentFrame();
    await preview.waitForSelector('#results > li');
    await page.selectOption('#embed-scheme', 'dark');
    await page.waitForFunction(() => /scheme=dark/.test(document.querySelector('#embed-preview').src));
    await (await (await page.$('#embed-preview')).contentFrame()).waitForSelector('#results > li');
    await page.keyboard.press('Escape');
    // The embed view with an accent (set through the CSSOM) and a dark scheme.
    await page.goto(`${served.server.url}/?embed=1&scheme=dark&accent=%23ffcc00&lock_theme=insertion`);
    await page.waitForSelector('#results > li');
    await page.click('#results > li h3 a');
    await page.waitForSelector('#detail-title');
    // A partner's page framing it, sandboxed, with the host script.
    fs.writeFileSync(
      path.join(served.partner.root, 'p.html'),
      `<!doctype html><title>p</title><link rel="icon" href="data:,">
<iframe id="pf" src="${served.server.url}/?embed=1&theme=jeunes" title="Passerelles" width="100%" height="300" data-passerelles sandbox="allow-scripts allow-popups allow-downloads"></iframe>
<script src="${served.server.url}/embed.js" async></script>`,
    );
    await page.goto(`${served.partner.url}/p.html`);
    const frame = await (await page.waitForSelector('#pf')).contentFrame();
    await frame.waitForSelector('#results > li');
    await page.waitForFunction(() => document.querySelector('#pf').clientHeight !== 300);
    const [file] = await Promise.all([page.waitForEvent('download'), frame.click('[data-export="json"]')]);
    assert.equal(file.suggestedFilename(), 'passerelles-jeunes.json');
  });

  // The violation provoked here is the one problem let through, once the
  // harness has recorded it: the listener's report, and the browser's own.
  scenario('the violation listener does report a violation (so silence means something)', async (page, session) => {
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#results > li');
    await Promise.all([
      page.waitForEvent('console', (msg) => /CSP violation: style-src/.test(msg.text())),
      page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>')),
    ]);
    const { problems } = session;
    assert.ok(problems.some((p) => /CSP violation: style-src/.test(p)), problems.join('\n'));
  }, { allow: [/CSP violation: style-src/, /Applying inline style violates the following Content Security Policy directive 'style-src/], timeout: 30_000 });
}, {
  prefix: 'csp-',
  init: REPORT_VIOLATIONS,
  server: () => ({ headers: distHeaders() }),
  extraServers: { partner: {} },
});
