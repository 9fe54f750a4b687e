// End-to-end harness: a dependency-free static server for dist/, headless
// Chromium through playwright-core (never `playwright`: it downloads its own
// browser), a page wrapper that records every problem, axe audits and
// screenshots. Every *.test.mjs file beside it (node --test) enters through
// `suite()` at the bottom: the missing-build guard, the servers, the
// browser, and one fresh page per scenario; keys.mjs holds the keyboard's
// helpers.
import http from 'node:http';
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
// E2E_DIST serves another build (e.g. a stand-in while debugging the harness).
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.postcard': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  // The feeds (dist/feeds/), as a static host should send them.
  '.ics': 'text/calendar; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

/**
 * The files a suite needs that the build in `dir` lacks: index.html and
 * each of `requires` (paths below dist/, e.g. 'en/index.html').
 */
export function missingFromBuild(requires = [], dir = DIST) {
  return ['index.html', ...[requires].flat()].filter((rel) => !fs.existsSync(path.join(dir, rel)));
}

/** Throws a readable error unless `dir` holds a trunk build, with each of `requires`. */
export function assertBuilt(dir = DIST, requires = [], how = '`trunk build --release` (or `make build`)') {
  const missing = missingFromBuild(requires, dir);
  if (missing.length > 0) {
    const where = path.relative(ROOT, dir) || dir;
    throw new Error(
      `${missing.map((rel) => `${where}/${rel}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: build the app first ` +
        `with ${how}, then rerun the end-to-end tests.`,
    );
  }
}

/**
 * The headers dist/_headers (Netlify and Cloudflare Pages' format, written
 * by scripts/csp.mjs) gives a path, as such a host sends them: the headers
 * of every rule whose pattern matches it (`*` matches anything), merged.
 */
export function hostHeaders(urlPath = '/', dir = DIST) {
  const file = path.join(dir, '_headers');
  assert.ok(fs.existsSync(file), 'dist/_headers is missing: is the post_build hook (Trunk.toml) running?');
  const headers = {};
  let applies = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      applies = pattern.test(urlPath);
    } else if (applies) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return headers;
}

/** Reads and parses a JSON file below dist/ (e.g. 'data/passerelles.json'). */
export function readDistJson(rel, dir = DIST) {
  const file = path.join(dir, rel);
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: is data/ copied by trunk (copy-dir) and the build fresh?`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Serves `root` on 127.0.0.1 at an ephemeral port.
 * `headers`: extra response headers added to every response (e.g. a CSP).
 * `mounts`: extra directories served under URL prefixes, e.g.
 * `{ '/bench-data/': 'target/bench-data' }` (generated datasets that must not
 * go into dist/). The longest matching prefix wins; `root` serves the rest.
 * `routes`: paths answered by a function `(req, res, headers)` instead of a
 * file (a server that stalls, on purpose).
 * `compress`: gzip what a static host would (text, wasm, packs) for a client
 * that accepts it, as Lighthouse measures transfers (scripts/lighthouse.mjs).
 * `port`: a fixed port (a site rendered for its own address), else any free one.
 * `inject`: a script's text, put at the top of every HTML page's head (the
 * engines' problem collector, tests/engines/drivers.mjs: an engine without
 * a console to listen to reports through it).
 * `log`: called with { status, method, url } once each response is sent.
 * Resolves to { url, port, root, headers, close() }.
 */
export async function startServer({ root = DIST, headers = {}, requireBuild = true, mounts = {}, routes = {}, compress = false, port: fixed = 0, inject, log } = {}) {
  if (requireBuild) assertBuilt(root);
  const mounted = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : prefix + '/', path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = http.createServer(async (req, res) => {
    if (log) res.on('finish', () => log({ status: res.statusCode, method: req.method, url: `http://127.0.0.1:${server.address()?.port}${req.url}` }));
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(405, 'method not allowed\n');
    }
    const route = routes[new URL(req.url, 'http://127.0.0.1').pathname];
    if (route) return route(req, res, headers);
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    // Refuse traversal before and after normalisation (raw `..`, encoded `%2e%2e`, NUL, backslashes).
    if (rel.includes('\0') || rel.includes('\\') || rel.split('/').includes('..')) {
      return send(403, 'forbidden\n');
    }
    const mount = mounted.find(([prefix]) => rel.startsWith(prefix));
    const base = mount ? mount[1] : path.resolve(root);
    if (mount) rel = rel.slice(mount[0].length - 1);
    let file = path.resolve(base, '.' + path.posix.normalize(rel));
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden\n');
    try {
      let stat = await fsp.stat(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file);
      }
      if (!stat.isFile()) return send(404, 'not found\n');
      let body = await fsp.readFile(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      // Before anything of the page runs: after <head> and its charset, if any.
      if (inject && type.startsWith('text/html')) {
        body = Buffer.from(body.toString('utf8').replace(/<head\b[^>]*>(\s*<meta charset[^>]*>)?/i, (head) => `${head}<script>${inject}</script>`));
      }
      const zipped = compress && /gzip/.test(req.headers['accept-encoding'] || '') && body.length > 1024;
      if (zipped) body = zlib.gzipSync(body, { level: 9 });
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        ...(zipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        // no-cache, not no-store: every request still reaches the server (no
        // validators are sent), and Chromium reports a no-store response read
        // as a stream (the page's download of its data) as aborted, at random,
        // once it has been read to the end.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return send(404, 'not found\n');
      return send(500, 'internal error\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(fixed, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    root: path.resolve(root),
    headers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Launches the system Chromium headless through playwright-core. */
export async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run \`make setup\` (apt-get install chromium chromium-driver).`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core is not installed: run `make setup` (npm ci).');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** How long a navigation waits for the app to take over the prerendered view. */
export const TAKEOVER_MS = 20_000;

/**
 * Opens a page in a fresh context and records every problem: console errors
 * and warnings, uncaught page errors, failed requests, responses >= 400, and
 * a page of ours whose app did not take over the prerendered view (see
 * `takenOver` below).
 * Options: `viewport`, `locale` ('fr-FR'), `hasTouch`, `javaScriptEnabled`
 * (false: the page runs no script, so no app is waited for), `init` (a
 * function or a list of them, run in every frame of the page before its own
 * scripts: page.addInitScript), `takeover` (how long a navigation waits for
 * the app, in ms; the harness's self-test shortens it).
 * Returns { context, page, problems, assertNoProblems() }.
 */
export async function newPage(
  browser,
  { viewport = { width: 1280, height: 800 }, locale = 'fr-FR', hasTouch = false, javaScriptEnabled = true, init = [], takeover = TAKEOVER_MS } = {},
) {
  const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce', hasTouch, javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  for (const script of [init].flat()) await page.addInitScript(script);
  // Without JavaScript no app can take the page over: nothing to wait for.
  if (!javaScriptEnabled) page.holdsApp = true;
  const problems = [];
  page.on('console', (msg) => {
    const type = msg.type();
    if (type === 'error' || type === 'warning') {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      problems.push(`console.${type}: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.stack || err.message || err}`));
  // A request cut short because the test navigated away (goto, reload, a
  // link) is not a failure of the app: count main-frame navigations, started
  // and committed, and forgive ERR_ABORTED for requests issued before the
  // latest one started, or by a document that has since been replaced (a
  // page still running while the next one loads: the map and the timeline
  // are fetched late, and may be asked for then).
  let navigations = 0;
  // Documents committed, per frame (an embed's iframe has its own).
  const commits = new WeakMap();
  const committed = (frame) => commits.get(frame) ?? 0;
  const issuedAt = new WeakMap();
  page.on('framenavigated', (frame) => {
    commits.set(frame, committed(frame) + 1);
    forgive();
  });
  page.on('framedetached', () => forgive());
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations += 1;
    issuedAt.set(req, [navigations, committed(req.frame()), committed(page.mainFrame())]);
  });
  // An abort stays a problem until the commit of the next document (which
  // may be reported after it) shows it was left behind.
  let aborted = [];
  const leftBehind = (a) => a.own < committed(a.frame) || a.main < committed(page.mainFrame()) || a.frame.isDetached();
  function forgive() {
    for (const a of aborted.filter(leftBehind)) problems.splice(problems.indexOf(a.text), 1);
    aborted = aborted.filter((a) => !leftBehind(a));
  }
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    const frame = req.frame();
    const [started, own, main] = issuedAt.get(req) ?? [navigations, committed(frame), committed(page.mainFrame())];
    const text = `requestfailed: ${req.method()} ${req.url()} ${error}`.trim();
    // Issued before the latest navigation started (a navigation too: one
    // that a newer one, a redirect by the loader, superseded).
    if (error === 'net::ERR_ABORTED' && started < navigations) return;
    problems.push(text);
    if (error === 'net::ERR_ABORTED' && !req.isNavigationRequest()) {
      aborted.push({ frame, own, main, text });
      forgive();
    }
  });
  page.on('response', (resp) => {
    if (resp.status() >= 400) problems.push(`HTTP ${resp.status()}: ${resp.request().method()} ${resp.url()}`);
  });
  // A page of ours first shows the view rendered at build time, inert,
  // until the app takes it over (crates/build/src/bin/prerender.rs).
  // Navigations wait for that, so a scenario never clicks or types into the
  // stand-in; a page that hides it (another view, a file, the offline copy)
  // or that runs no app at all (the glossary, data-static) needs no wait. A
  // page whose app never takes over is a problem: the scenario fails, even
  // if what it checks reads the same in the stand-in.
  const takenOver = async () => {
    try {
      await page.waitForFunction(
        () => {
          const root = document.documentElement;
          return !document.getElementById('app') || ['data-other', 'data-file', 'data-offline', 'data-static'].some((a) => root.hasAttribute(a));
        },
        null,
        { timeout: takeover },
      );
    } catch (err) {
      // A page closed meanwhile (by the scenario) has nothing left to take over.
      if (page.isClosed()) return;
      problems.push(
        err?.name === 'TimeoutError'
          ? `the app did not take over the prerendered view within ${takeover / 1000} s (${page.url()})`
          : `the app's takeover of ${page.url()} could not be watched: ${String(err?.message ?? err).split('\n')[0]}`,
      );
    }
  };
  for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await original(...args);
      // A scenario that holds the app back on purpose sets page.holdsApp.
      if (!page.holdsApp) await takenOver();
      return response;
    };
  }
  const assertNoProblems = () => {
    if (problems.length > 0) {
      throw new Error(`the page reported ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    }
  };
  return { context, page, problems, assertNoProblems };
}

/** The ids of the listed records, in the list's order, once the results
 * header's count (French "1 750", English "1,750") and the cards agree and
 * no detail or glossary stands in the list's place. */
export async function listed(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('#result-count');
    if (!el || document.querySelector('#detail, #glossary')) return false;
    const n = Number((el.textContent.replace(/[\s,]/g, '').match(/\d+/) || ['0'])[0]);
    const cards = document.querySelectorAll('#results > li').length;
    return n === cards && (n > 0 || document.querySelector('#empty') !== null);
  });
  return page.$$eval('#results > li', (lis) => lis.map((li) => li.dataset.id));
}

/** Runs axe with the WCAG 2.0/2.1/2.2 A and AA rules; resolves to the violations. */
export async function axeAudit(page, { include, exclude } = {}) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  const results = await builder.analyze();
  return results.violations;
}

/** Human-readable list of axe violations (for assertion messages). */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}\n        ${(n.failureSummary || '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/** Throws with a readable report if axe finds any violation. */
export async function assertAccessible(page, label, options) {
  const violations = await axeAudit(page, options);
  if (violations.length > 0) {
    throw new Error(`axe found ${violations.length} violation(s) on ${label}:\n${formatViolations(violations)}`);
  }
}

/** Saves a PNG of the viewport, creating the directory if needed. */
export async function screenshot(page, file, { fullPage = false } = {}) {
  await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/** Whether a recorded problem is one that `allow` lets through: a string
 * it contains, a RegExp it matches, or a function of it that returns true. */
const allowed = (allow, problem) =>
  allow.some((a) => (typeof a === 'function' ? a(problem) : a instanceof RegExp ? a.test(problem) : problem.includes(a)));

/**
 * The scenario wrapper behind `suite`: one scenario, one fresh browser
 * context. Whatever the scenario does, the page must report no problem
 * (see `newPage`: console errors and warnings, uncaught errors, failed
 * requests, HTTP statuses >= 400, an app that never took over), except
 * those `allow` lets through. On failure a screenshot goes to
 * tests/artifacts/<prefix><name>.png and the recorded problems join the
 * message.
 *
 * scenario(name, fn, options) runs `fn(page, session)`; `session` is what
 * `newPage` returned ({ context, page, problems, assertNoProblems }), so a
 * scenario may check a problem it provokes on purpose. Options:
 * - `allow`: problems that do not fail the scenario, each a substring, a
 *   RegExp or a predicate (a scenario that provokes a 404 on purpose);
 * - `viewport` ({ width, height }) sizes the page; `touch` gives it a touch
 *   screen (taps, and touch drags through CDP); `locale` is the browser's
 *   language ('fr-FR' unless said); `javaScript: false` disables scripts;
 * - `init`: init scripts for this scenario's page, after the suite's;
 * - `timeout`: of the whole scenario, 90 s unless said.
 *
 * `setup()` returns what the suite's `before` hook made (`served`): no
 * browser, or `ready` false, means the set-up failed.
 */
export function scenarios(setup, { prefix = '', init: suiteInit = [] } = {}) {
  return function scenario(name, fn, { allow = [], viewport, touch = false, locale, javaScript = true, init = [], timeout = 90_000 } = {}) {
    test(name, { timeout }, async () => {
      const made = setup();
      if (!made?.browser || made.ready === false) {
        throw new Error('set-up failed (see the first error above)');
      }
      const session = await newPage(made.browser, {
        ...(viewport ? { viewport } : {}),
        ...(locale ? { locale } : {}),
        hasTouch: touch,
        javaScriptEnabled: javaScript,
        init: [suiteInit, init].flat(),
      });
      try {
        await fn(session.page, session);
        const unexpected = session.problems.filter((p) => !allowed(allow, p));
        if (unexpected.length > 0) {
          throw new Error(`the page reported ${unexpected.length} problem(s):\n  - ${unexpected.join('\n  - ')}`);
        }
      } catch (err) {
        const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
        await screenshot(session.page, path.join(ARTIFACTS, `${prefix}${slug}.png`)).catch(() => {});
        if (session.problems.length > 0 && err && typeof err.message === 'string' && !err.message.includes('problem(s)')) {
          err.message += `\n  page problems:\n  - ${session.problems.join('\n  - ')}`;
        }
        throw err;
      } finally {
        await session.context.close();
      }
    });
  };
}

/** Whether this file already holds the failing "dist/ holds a build" test. */
let guarded = false;

/**
 * The one entry point of every end-to-end file: its tests as one suite
 * against dist/ served on localhost, with one browser for the suite; all
 * closed, and the suite's temporary directories removed, after it.
 *
 *   suite(name, (scenario, served) => { ... }, options)
 *
 * `body` declares the tests: `scenario(name, fn, options)` for a page (see
 * `scenarios`), node's own `test` for a check that needs none, `before` for
 * a check of the set-up (run after the suite's own). `served`, passed to
 * `body` and returned by `suite` (for the file's helpers), holds what the
 * suite started, once it has: `served.server` is the app's server ({ url,
 * port, root, headers, close }), `served.browser` the browser, and each
 * extra server is `served[name]`.
 *
 * When the build lacks dist/index.html or one of `requires`, the file holds
 * one failing test, "dist/ holds a build", that names the missing files,
 * and nothing else runs.
 *
 * Options:
 * - `prefix`: of the screenshots taken on failure (tests/artifacts/).
 * - `requires`: more files the build must hold, a path or a list of paths
 *   below dist/ ('en/index.html').
 * - `prepare(served)`: runs first, before any server starts (generated
 *   files, data read from the build); may be async. `served.temp(label)`
 *   makes a fresh temporary directory, removed after the suite.
 * - `server`: the app's server options (see `startServer`: headers, mounts,
 *   routes, compress), or a function of `served` that returns them (called
 *   after `prepare`).
 * - `extraServers`: { name: options or function of `served` }, servers
 *   beside the app's (a partner's site on another port, the same dist/
 *   under a sub-path), started after it, in order. Their `root` is a fresh
 *   empty temporary directory unless given; none requires a build.
 * - `dist`: { dir, how } another build to serve and require than dist/
 *   (a large site's, target/split-dist), and the command that makes it.
 * - `init`: an init script (or a list) for every scenario's page, in every
 *   frame, before the page's own scripts (the CSP violation listener).
 */
export function suite(name, body, { prefix = '', requires = [], prepare, server = {}, extraServers = {}, init = [], dist } = {}) {
  if (missingFromBuild(requires, dist?.dir).length > 0) {
    // One failing test per file, however many suites it holds.
    const where = path.relative(ROOT, dist?.dir ?? DIST);
    const how = dist?.how ?? '`make build`';
    if (!guarded) test(`${where}/ holds a build (run ${how} first)`, () => assertBuilt(dist?.dir, requires, how));
    guarded = true;
    return {};
  }
  for (const key of Object.keys(extraServers)) {
    assert.ok(!['server', 'browser', 'temp', 'ready'].includes(key), `extraServers: "${key}" is taken`);
  }
  const temps = [];
  const served = {
    ready: false,
    temp(label = 'tmp') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `passerelles-${label}-`));
      temps.push(dir);
      return dir;
    },
  };
  const options = (o) => (typeof o === 'function' ? o(served) : o) ?? {};
  describe(name, () => {
    before(async () => {
      if (prepare) await prepare(served);
      served.server = await startServer({ root: dist?.dir, ...options(server) });
      for (const [key, o] of Object.entries(extraServers)) {
        const opts = options(o);
        served[key] = await startServer({ ...opts, root: opts.root ?? served.temp(key), requireBuild: false });
      }
      served.browser = await launch();
      served.ready = true;
    });
    after(async () => {
      await served.browser?.close();
      for (const key of ['server', ...Object.keys(extraServers)]) await served[key]?.close();
      for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
    });
    body(scenarios(() => served, { prefix, init }), served);
  });
  return served;
}
