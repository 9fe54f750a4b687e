// Checks the harness itself: the static server and the browser launch,
// independent of the app; and, on a page of the build, that an app which
// never takes over the prerendered view fails the scenario.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, assertBuilt, startServer, launch, newPage, missingFromBuild } from './harness.mjs';

/** Raw GET that keeps the path exactly as written (fetch would normalise `..`). */
function rawGet(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let dir;
  let server;
  before(async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-e2e-'));
    dir = path.join(parent, 'dist');
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title><link rel="icon" href="/favicon.svg">');
    fs.writeFileSync(path.join(dir, 'app_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'app.js'), 'export {};');
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dir, 'main.css'), 'body{}');
    fs.writeFileSync(path.join(dir, 'data', 'x.json'), '{"a":1}');
    server = await startServer({ root: dir, headers: { 'Content-Security-Policy': "default-src 'self'" } });
  });
  after(async () => {
    await server?.close();
    if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  test('serves index.html at / with the right type and extra headers', async () => {
    const r = await rawGet(server.port, '/?q=economie&theme=insertion');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(r.headers['content-security-policy'], "default-src 'self'");
  });

  test('content types for wasm, js, css, json', async () => {
    const expected = {
      '/app_bg.wasm': 'application/wasm',
      '/app.js': 'text/javascript; charset=utf-8',
      '/main.css': 'text/css; charset=utf-8',
      '/data/x.json': 'application/json; charset=utf-8',
    };
    for (const [p, type] of Object.entries(expected)) {
      const r = await rawGet(server.port, p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['content-type'], type, p);
    }
  });

  test('404 for a missing file', async () => {
    assert.equal((await rawGet(server.port, '/nope.js')).status, 404);
    assert.equal((await rawGet(server.port, '/data/nope/x.json')).status, 404);
  });

  test('refuses path traversal', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/data/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await rawGet(server.port, p);
      assert.notEqual(r.status, 200, p);
      assert.ok(!r.body.toString().includes('outside'), p);
    }
  });

  test('launches Chromium and records a 404 as a problem', async () => {
    const browser = await launch();
    try {
      const { page, problems, context } = await newPage(browser);
      await page.goto(`${server.url}/`);
      assert.equal(await page.title(), 't');
      assert.deepEqual(problems, []);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/missing.json')),
        page.evaluate(() => fetch('/missing.json').catch(() => {})),
      ]);
      assert.ok(problems.some((p) => p.startsWith('HTTP 404')), problems.join('\n'));
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe('a page whose app never takes over', () => {
  if (missingFromBuild().length > 0) {
    test('dist/ holds a build (run `make build` first)', () => assertBuilt());
    return;
  }
  /** The built front page, its wasm path broken: the loader fetches a file that is not there. */
  const broken = () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const wasm = html.match(/\.\/([\w.-]+_bg\.wasm)/);
    assert.ok(wasm, 'the loader names the app\'s wasm');
    return html.replaceAll(wasm[1], 'no-such-app_bg.wasm');
  };
  // The broken page can never be taken over: a second is as conclusive as 20.
  const TAKEOVER = 1_000;
  const NEVER = `the app did not take over the prerendered view within ${TAKEOVER / 1000} s`;
  let server;
  let browser;
  before(async () => {
    const html = broken();
    // dist/ as built, but for the front page: the broken copy stands in its place.
    const send = (req, res, headers) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : html);
    };
    server = await startServer({ routes: { '/': send, '/index.html': send } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('is reported as a problem, beside the failure that caused it', { timeout: 30_000 }, async () => {
    const { page, problems, context } = await newPage(browser, { takeover: TAKEOVER });
    try {
      await page.goto(`${server.url}/`);
      assert.equal(await page.locator('#app .card').count() > 0, true, 'the prerendered list is there');
      assert.ok(problems.some((p) => p.startsWith(NEVER)), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('HTTP 404') && p.includes('no-such-app_bg.wasm')), problems.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('and a page of the same build whose app does take over reports nothing', { timeout: 30_000 }, async () => {
    const { page, problems, context } = await newPage(browser);
    try {
      // The English front page, as built (only the French one is broken here).
      await page.goto(`${server.url}/en/`);
      await page.waitForSelector('#live #results > li');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('is not waited for when the scenario holds the app back (page.holdsApp)', { timeout: 30_000 }, async () => {
    const { page, problems, context } = await newPage(browser, { takeover: TAKEOVER });
    try {
      page.holdsApp = true;
      await page.goto(`${server.url}/`);
      assert.ok(!problems.some((p) => p.startsWith(NEVER)), problems.join('\n'));
    } finally {
      await context.close();
    }
  });
});
