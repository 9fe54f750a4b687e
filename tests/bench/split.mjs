// `make bench`, the split pack beside the whole one (issue 25): the same
// generated records (10,000 and 100,000) opened whole and split through
// `?data=`, in headless Chromium, in the same run. Figures only, nothing
// passes or fails (the handbook keeps speed out of tests).
//
// Bytes are what a first-time visitor transfers (each file the page asked
// for, gzip -9 as a static host sends it: the page, its modules, the data),
// counted when the first results are painted, when the first theme click is
// answered and when a searched word is answered; then the time to the
// first results under Chromium's "Slow 4G" (562.5 ms latency, 180 KB/s down,
// DevTools' preset) with the CPU slowed 4×; then, in the split page once
// its index has arrived, click-to-paint of a theme toggle and wasm memory.
//
// node tests/bench/split.mjs --dist target/bench-dist --data target/bench-data [--runs 3]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, startServer, launch } from '../e2e/harness.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const DIST = path.resolve(ROOT, opt('dist', 'target/bench-dist'));
const DATA = path.resolve(ROOT, opt('data', 'target/bench-data'));
const RUNS = Number(opt('runs', 3));
const SIZES = [10000, 100000];
/** The word searched: in many generated titles, one chunk of the words. */
const WORD = 'insertion';
/** DevTools' "Slow 4G" (formerly "Fast 3G"). */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };

/** Marks the first results painted (window.__first, ms since navigation)
 * and, once armed, the next paint after a trusted click (window.__clicks). */
const INSTRUMENT = () => {
  window.__clicks = [];
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  const start = new MutationObserver(() => {
    const other = document.documentElement.hasAttribute('data-other');
    if (document.querySelector(other ? '#live #results li.card:not(.card-pending)' : '#results li.card')) {
      start.disconnect();
      afterPaint((t) => (window.__first = t));
    }
  });
  start.observe(document, { childList: true, subtree: true });
  addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      const t0 = e.timeStamp;
      const mo = new MutationObserver(() => {
        mo.disconnect();
        afterPaint((t) => window.__clicks.push(t - t0));
      });
      mo.observe(document.querySelector('.results') || document.body, { subtree: true, childList: true, characterData: true });
    },
    true,
  );
};

const gzCache = new Map();
/** gzip -9 of the file a path of the bench server serves. */
function gz(urlPath) {
  const p = decodeURIComponent(urlPath);
  const file = p.startsWith('/bench-data/') ? path.join(DATA, p.slice('/bench-data/'.length)) : path.join(DIST, p.endsWith('/') ? p + 'index.html' : p);
  if (!gzCache.has(file)) gzCache.set(file, fs.existsSync(file) && fs.statSync(file).isFile() ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0);
  return gzCache.get(file);
}

/** Bytes of every file the page had received by `at` (ms since navigation, or now). */
async function transferred(page, at = Infinity) {
  const paths = await page.evaluate((at) => {
    const nav = performance.getEntriesByType('navigation')[0];
    return [nav, ...performance.getEntriesByType('resource')].filter((e) => e.responseEnd <= at).map((e) => new URL(e.name).pathname);
  }, at);
  return { bytes: [...new Set(paths)].reduce((n, p) => n + gz(p), 0), files: new Set(paths).size };
}

async function fresh(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', bypassCSP: true });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

const settled = (page) =>
  page.waitForFunction(() => !document.querySelector('#part-status') && document.querySelector('#results li.card:not(.card-pending)'));

const rows = [];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  // Compressed as a static host sends it: the throttled line carries gzip.
  const server = await startServer({ root: DIST, mounts: { '/bench-data/': DATA }, compress: true });
  const browser = await launch();
  try {
    for (const n of SIZES) {
      const variants = [
        ['whole', `bench-data/records-${n}.pack`],
        ['split', `bench-data/split-${n}.pack`],
      ];
      for (const [, url] of variants) {
        if (!fs.existsSync(path.join(DATA, path.basename(url)))) throw new Error(`${path.join(DATA, path.basename(url))} is missing: run \`make bench\``);
      }
      const figure = {};
      for (const [label, url] of variants) {
        const f = (figure[label] = {});
        const base = `${server.url}/?data=${encodeURIComponent(url)}`;
        // Bytes before the first results, then at the first theme click.
        {
          const { context, page, errors } = await fresh(browser);
          await page.goto(base);
          await page.waitForFunction(() => window.__first > 0);
          const first = await page.evaluate(() => window.__first);
          f.first = await transferred(page, first);
          // The index arrives after the first paint: the click waits for
          // nothing the page already asked for.
          await page.waitForLoadState('networkidle');
          await page.click('input[name=theme][value=insertion]');
          await page.waitForFunction(() => new URLSearchParams(location.search).has('theme'));
          await settled(page);
          f.click = await transferred(page);
          // Click-to-paint, the index here: ten toggles.
          const clicks = [];
          for (let i = 0; i < 10; i++) {
            const before = await page.evaluate(() => window.__clicks.length);
            await page.click('input[name=theme][value=emploi]');
            await page.waitForFunction((k) => window.__clicks.length > k, before);
            clicks.push(await page.evaluate(() => window.__clicks.at(-1)));
          }
          clicks.sort((a, b) => a - b);
          f.clickPaint = clicks[Math.floor(clicks.length / 2)];
          f.memory = await page.evaluate(() => window.wasmBindings?.benchMemoryBytes?.() ?? null);
          if (errors.length) console.error(`${label} ${n}: ${errors.slice(0, 3).join(' | ')}`);
          await context.close();
        }
        // A word searched on a fresh visit.
        {
          const { context, page } = await fresh(browser);
          await page.goto(base);
          await page.waitForFunction(() => window.__first > 0);
          await page.fill('#q', WORD);
          await page.press('#q', 'Enter');
          await page.waitForFunction(() => new URLSearchParams(location.search).has('q'));
          await settled(page);
          f.search = await transferred(page);
          await context.close();
        }
        // Startup under Slow 4G and a 4× slower CPU.
        const times = [];
        // The whole pack at 100k takes most of a minute a run on this line.
        const runs = label === 'whole' && n === 100000 ? 1 : RUNS;
        f.runs = runs;
        for (let i = 0; i < runs; i++) {
          const { context, page } = await fresh(browser);
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          await page.goto(base, { timeout: 600_000 });
          await page.waitForFunction(() => window.__first > 0, null, { timeout: 600_000 });
          times.push(await page.evaluate(() => window.__first));
          await context.close();
        }
        times.sort((a, b) => a - b);
        f.slow = times[Math.floor(times.length / 2)];
      }
      const size = n === 10000 ? '10k' : '100k';
      const both = (measure, get, fmt, target) => rows.push([measure, size, fmt(get(figure.whole)), fmt(get(figure.split)), target]);
      both('bytes before the first results are painted (files)', (f) => f.first, (x) => `${kb(x.bytes)} (${x.files})`, '≤ 300 KB');
      both('cumulated when the first theme click is answered', (f) => f.click, (x) => `${kb(x.bytes)} (${x.files})`, size === '10k' ? '≤ 400 KB' : '≤ 1.5 MB');
      both(`cumulated when a search for "${WORD}" is answered`, (f) => f.search, (x) => `${kb(x.bytes)} (${x.files})`, '');
      both('first results, Slow 4G + 4× CPU (median; runs)', (f) => f, (x) => `${Math.round(x.slow)} ms (${x.runs})`, size === '100k' ? '≤ 3 s' : '');
      both('theme click to paint, index in (median of 10)', (f) => f.clickPaint, (x) => `${x.toFixed(1)} ms`, '≤ 16 ms');
      both('wasm memory after the click (high-water)', (f) => f.memory, (x) => (x == null ? 'n/a (bench build only)' : `${(x / 1048576).toFixed(1)} MB`), size === '100k' ? '≤ 32 MB' : '');
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const head = ['measure', 'records', 'whole pack', 'split pack', 'target'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => String(r[k]).length)));
  const line = (r) => '| ' + r.map((c, k) => String(c).padEnd(widths[k])).join(' | ') + ' |';
  console.log(`\n${new Date().toISOString()} · split pack beside the whole one (tests/bench/split.mjs)\n`);
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

await main();
