// `make bench`, browser half: the built page in headless Chromium at three
// sizes (the shipped dataset, 10k and 100k generated records), the same
// filter-and-count workload run by ItemsJS in the same page, the bundle's
// compressed bytes, and the native medians from `cargo bench` folded into
// ONE table. Figures only: nothing here passes or fails (the handbook keeps
// speed out of tests).
//
// Paint is taken as "requestAnimationFrame, then a MessageChannel task queued
// from it": the rAF callback runs just before the frame is rendered and the
// task right after, so the figure ends at the first paint that shows the
// change (double rAF would add up to a whole frame of idle waiting).
//
// node tests/bench/run.mjs --dist target/bench-dist --data target/bench-data
//   [--native target/bench-data/native.txt] [--runs 15] [--no-profile]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { execSync } from 'node:child_process';
import { ROOT, startServer, launch } from '../e2e/harness.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const DIST = path.resolve(ROOT, opt('dist', 'target/bench-dist'));
const DATA = path.resolve(ROOT, opt('data', 'target/bench-data'));
/** The shipped build (no bench exports), whose files the byte counts read. */
const SIZE_DIST = path.resolve(ROOT, opt('size-dist', opt('dist', 'target/bench-dist')));
const NATIVE = opt('native', path.join(DATA, 'native.txt'));
const RUNS = Number(opt('runs', 15));
const PROFILE = !argv.includes('--no-profile');

/** The shipped page as a visitor opens it (its own pack), then generated
 * packs through `?data=`, then a generated JSON file through the converter
 * (the editors' way to try a file, not the shipped one). `json` is the same
 * records as JSON, for ItemsJS. */
const SIZES = [
  { label: 'default', url: null, startupRuns: RUNS },
  { label: '10k', url: 'bench-data/records-10000.pack', json: 'bench-data/records-10000.json', startupRuns: RUNS },
  { label: '100k', url: 'bench-data/records-100000.pack', json: 'bench-data/records-100000.json', startupRuns: Math.max(5, Math.round(RUNS / 2)) },
  { label: '10k JSON', url: 'bench-data/records-10000.json', startupRuns: 5, only: 'startup' },
];

/** Filters compared with ItemsJS. National records are kept strictly to
 * their regions (`national=0`) so that both engines count the same thing. */
const COMPARED = [
  { name: 'one theme', search: '?theme=insertion&national=0' },
  { name: 'region+theme', search: '?theme=emploi&region=11&national=0' },
  { name: 'date range', search: '?from=2015-06&to=2019&national=0' },
  { name: 'combined (no text)', search: '?theme=jeunes,formation&region=84&type=event&from=2012&to=2020-06&national=0' },
];
/** Ours only: ItemsJS's lunr search does not do French prefix folding. */
const OURS_ONLY = [
  { name: 'text "économie"', search: '?q=%C3%A9conomie' },
  // A query ranks by relevance (the page's default while one is active).
  { name: 'text "entreprises solidaires", relevance', search: '?q=entreprises+solidaires' },
  { name: 'typo "insrtion", corrected over the vocabulary, relevance', search: '?q=insrtion' },
  { name: 'typo "acompagnement" + theme, relevance', search: '?q=acompagnement&theme=emploi' },
  { name: 'everything combined', search: '?q=insertion&theme=jeunes,formation&region=84&from=2012&to=2020-06' },
];
const ENGINE_RUNS = 30;
/** Runs per timed sample of our engine: the page's clock ticks in 0.1 ms. */
const ENGINE_BATCH = 10;

const rows = [];
const notes = [];
const row = (section, measure, size, median, p95, target = '', unit = 'ms') =>
  rows.push({ section, measure, size, median, p95, target, unit });

function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
}
const median = (v) => quantile(v, 0.5);
const p95 = (v) => quantile(v, 0.95);
const fmt = (x, unit = 'ms') => {
  if (typeof x === 'string') return x;
  if (!Number.isFinite(x)) return '–';
  if (unit === 'ms' && x < 0.1) return `${(x * 1000).toFixed(1)} µs`;
  if (unit === 'ms') return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
  if (unit === 'KB') return `${(x / 1024).toFixed(1)} KB`;
  if (unit === 'MB') return `${(x / 1048576).toFixed(1)} MB`;
  if (unit === '×') return `${x.toFixed(1)}×`;
  return String(x);
};

// ---------------------------------------------------------------- native
/** Medians from divan's tree output: rows are `bench/arg[/arg]`. */
function nativeRows(file) {
  if (!fs.existsSync(file)) {
    notes.push(`native figures missing (${path.relative(ROOT, file)}): run \`cargo bench --bench engine\``);
    return;
  }
  const stack = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    // Tree prefix: three characters a level ("│  " or "   "), then the branch.
    const m = line.match(/^((?:│  | {3})*)(?:├─|╰─) (.*)$/u);
    if (!m) continue;
    const cells = m[2].split('│');
    if (cells.length < 5) continue;
    const depth = [...m[1]].length / 3;
    const rest = cells[0].trim();
    const value = rest.match(/^(.*?)\s+([\d.]+ (?:ns|µs|ms|s))$/u);
    const name = (value ? value[1] : rest).trim();
    stack.length = depth;
    stack.push(name);
    if (!value) continue;
    const ms = toMs(cells[2].trim());
    const [bench, ...args] = stack;
    const size = args.find((a) => /^\d+$/.test(a));
    // A bench without a record count (the 50,000-problem file) has no size.
    const label = { 1000: '1k', 10000: '10k', 100000: '100k' }[size] ?? size ?? '–';
    const what = args.filter((a) => a !== size).map((a) => a.replace(/^"|"$/g, '')).join(' ');
    const names = { load: 'JSON load (parse + validate)', pack_write: 'pack write (build time)', pack_open: 'pack open (page load)', filter_and_counts: 'filter + all counts', text_search: 'text search + all counts', fuzzy_vocabulary: 'typo tolerance alone (vocabulary walk)' };
    const target = bench === 'filter_and_counts' && size === '100000' ? '≤ 2 ms (browser)' : '';
    row('native', `${names[bench] ?? bench}${what ? `: ${what}` : ''}`, label, ms, NaN, target);
  }
}
function toMs(s) {
  const m = s.match(/^([\d.]+) (ns|µs|ms|s)$/u);
  if (!m) return NaN;
  return Number(m[1]) * { ns: 1e-6, 'µs': 1e-3, ms: 1, s: 1000 }[m[2]];
}

// ---------------------------------------------------------------- bytes
/** Paths the page requested (on any bench page); `STARTUP` holds those the
 * default page requested until its first results were painted: what a visit
 * downloads before it shows anything. */
const FETCHED = new Set();
let STARTUP = null;

/** Build file names carry a content hash, which differs between the bench
 * build and the shipped one: compare names without it. */
const unhashed = (p) => p.replace(/-[0-9a-f]{16}(?=[._])/g, '');

/** The compressed size of each file of the shipped build that the page
 * fetched; files it never fetches (host config, embedding script, schema)
 * are noted. */
function bytes() {
  const startup = new Set([...STARTUP].map(unhashed));
  const fetched = new Set([...FETCHED].map(unhashed));
  const files = fs.readdirSync(SIZE_DIST, { recursive: true }).map(String);
  const groups = { wasm: [], js: [], css: [], data: [], 'html+icon': [] };
  const unused = [];
  const later = [];
  for (const rel of files) {
    const file = path.join(SIZE_DIST, rel);
    if (!fs.statSync(file).isFile()) continue;
    const urlPath = unhashed('/' + rel.split(path.sep).join('/'));
    const gz = () => fmt(zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, 'KB');
    if (!startup.has(urlPath) && !(rel === 'index.html' && startup.has('/'))) {
      (fetched.has(urlPath) ? later : unused).push(`${rel} ${gz()}`);
      continue;
    }
    const ext = path.extname(rel);
    const group = ext === '.wasm' ? 'wasm' : ext === '.js' ? 'js' : ext === '.css' ? 'css' : ext === '.pack' ? 'data' : 'html+icon';
    groups[group].push(fs.readFileSync(file));
  }
  let total = { raw: 0, gz: 0, br: 0 };
  for (const [group, bodies] of Object.entries(groups)) {
    const sum = { raw: 0, gz: 0, br: 0 };
    for (const b of bodies) {
      sum.raw += b.length;
      sum.gz += zlib.gzipSync(b, { level: 9 }).length;
      sum.br += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    for (const k of Object.keys(total)) total[k] += sum[k];
    row('bytes', `${group} (raw ${fmt(sum.raw, 'KB')}, brotli ${fmt(sum.br, 'KB')})`, 'default', sum.gz, NaN, '', 'KB');
  }
  row('bytes', `total gzip -9 (raw ${fmt(total.raw, 'KB')}, brotli ${fmt(total.br, 'KB')})`, 'default', total.gz, NaN, '≤ 100 KB', 'KB');
  if (later.length) notes.push(`fetched later, on opening a record or reading JSON (not counted, gzip -9): ${later.join(', ')}`);
  if (unused.length) notes.push(`in the build but never fetched by the page (not counted, gzip -9): ${unused.join(', ')}`);
}

// ---------------------------------------------------------------- browser
/** Installed before any page script: records first results painted and,
 * once armed, the time from a trusted click or keydown to the next paint
 * that changes the result list. */
const INSTRUMENT = () => {
  const b = (window.__bench = { first: null, samples: [], armed: false, longest: 0 });
  // Long tasks (over 50 ms) until the first results: how long the page
  // stays frozen while it loads.
  new PerformanceObserver((list) => {
    if (b.first !== null && b.first > 0) return;
    for (const e of list.getEntries()) b.longest = Math.max(b.longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  const start = new MutationObserver(() => {
    // A card on screen: the prerendered list counts where it shows (the
    // default view), not where a query hides it (the loader marks the page
    // `data-other`) until the app draws its own, in #live.
    const other = document.documentElement.hasAttribute('data-other');
    if (b.first === null && document.querySelector(other ? '#live #results li.card' : '#results li.card')) {
      start.disconnect();
      b.first = -1;
      afterPaint((t) => (b.first = t));
    }
  });
  start.observe(document, { childList: true, subtree: true });
  // Pointer moves count only while a drag is measured (b.only): a click's
  // own moves must not start its sample early.
  for (const type of ['click', 'keydown', 'pointermove']) {
    addEventListener(
      type,
      (e) => {
        if (!b.armed || !e.isTrusted || (b.only || 'click keydown').indexOf(e.type) < 0) return;
        const t0 = e.timeStamp;
        const target = document.querySelector('.results') || document.body;
        let done = false;
        const finish = (ms) => {
          if (done) return;
          done = true;
          mo.disconnect();
          b.samples.push(ms);
        };
        const mo = new MutationObserver(() => afterPaint((t) => finish(t - t0)));
        mo.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
        // No change to the list (the same results): no sample.
        setTimeout(() => finish(null), 400);
      },
      true,
    );
  }
};

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', bypassCSP: true });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => FETCHED.add(new URL(r.url()).pathname));
  return { context, page, errors };
}

async function startup(page, base, size, frozen = []) {
  await page.goto(size.url ? `${base}/?data=${encodeURIComponent(size.url)}` : `${base}/`);
  await page.waitForFunction(() => window.__bench.first > 0, null, { timeout: 120_000 });
  frozen.push(await page.evaluate(() => window.__bench.longest));
  return page.evaluate(() => window.__bench.first);
}

/** One measured interaction: resolves to ms, or null when nothing changed. */
async function measured(page, act) {
  const before = await page.evaluate(() => window.__bench.samples.length);
  await act();
  await page.waitForFunction((n) => window.__bench.samples.length > n, before);
  return page.evaluate(() => window.__bench.samples.at(-1));
}

/** Click-to-detail: the first result opened, until its excerpts are painted
 * (its shard of details fetched and read on the way). */
async function openRecord(page, size) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const link = document.querySelector('#results li.card h3 a');
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          if (document.querySelector('#detail .excerpt')) {
            mo.disconnect();
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve(performance.now() - t0);
              ch.port2.postMessage(0);
            });
          }
        });
        mo.observe(document.body, { childList: true, subtree: true });
        link.click();
      }),
  );
  row('page', 'click-to-detail (first opening, shard fetched)', size.label, ms, NaN);
  await page.goBack();
  await page.waitForSelector('#results li.card');
}

async function interactions(page, size) {
  await page.evaluate(() => (window.__bench.armed = true));
  const clicks = [];
  const box = 'input[name=theme][value=insertion]';
  for (let i = 0; i < 2 * RUNS; i++) clicks.push(await measured(page, () => page.click(box)));
  const keys = [];
  await page.click('#q');
  await page.evaluate(() => (window.__bench.armed = false));
  // "insrtion": a typo, corrected at each key from its fifth letter on.
  for (const word of ['insertion', 'montreuil', 'lyon', 'cpme', 'insrtion']) {
    await page.evaluate(() => (window.__bench.armed = true));
    for (const ch of word) keys.push(await measured(page, () => page.keyboard.press(ch)));
    keys.push(await measured(page, () => page.keyboard.press('Control+A').then(() => page.keyboard.press('Backspace'))));
    await page.evaluate(() => (window.__bench.armed = false));
  }
  // The map (src/ui/island/): a click on a region is its checkbox's toggle,
  // through the address; the island is fetched after the first paint.
  const shape = '#map [data-region="84"]';
  await page.evaluate(() => (window.__bench.armed = false));
  await page.waitForSelector(shape);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator(shape).scrollIntoViewIfNeeded();
  await page.evaluate(() => (window.__bench.armed = true));
  const mapClicks = [];
  for (let i = 0; i < 2 * RUNS; i++) mapClicks.push(await measured(page, () => page.click(shape)));
  // The timeline: a drag across the bars, one bar a step, each step a new
  // period and a new list.
  await page.evaluate(() => (window.__bench.armed = false));
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  const bars = await page.$$eval('#timeline [data-period]', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    }),
  );
  const steps = [];
  await page.mouse.move(...bars[0]);
  await page.mouse.down();
  await page.evaluate(() => Object.assign(window.__bench, { armed: true, only: 'pointermove' }));
  for (let k = 1; k < Math.min(bars.length, 2 * RUNS + 1); k++) steps.push(await measured(page, () => page.mouse.move(...bars[k])));
  await page.evaluate(() => Object.assign(window.__bench, { armed: false, only: null }));
  await page.mouse.up();
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window.__bench.armed = true));
  const kept = (v) => v.filter((x) => x !== null);
  row('page', 'click-to-paint (theme toggle)', size.label, median(kept(clicks)), p95(kept(clicks)), '≤ 16 ms');
  row('page', 'click-to-paint (a region on the map)', size.label, median(kept(mapClicks)), p95(kept(mapClicks)), '≤ 16 ms');
  row('page', `brush step-to-paint (${kept(steps).length} steps across the timeline)`, size.label, median(kept(steps)), p95(kept(steps)), '≤ 16 ms');
  row('page', `keystroke-to-paint (${kept(keys).length} keys that changed the list)`, size.label, median(kept(keys)), p95(kept(keys)), '≤ 16 ms');
}

/** In the page, in separate steps: fetch, then the page's load through the bench export. */
async function loadBreakdown(page, size, repeats = 3) {
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    runs.push(
      await page.evaluate(async (url) => {
        const t0 = performance.now();
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        const t1 = performance.now();
        const [copy, open, kept] = window.wasmBindings.benchLoad(bytes);
        const t2 = performance.now();
        return { fetch: t1 - t0, copy, open, total: t2 - t0, kept, mb: bytes.length / 1048576 };
      }, size.url),
    );
  }
  const m = (k) => median(runs.map((r) => r[k]));
  row('load', `fetch (pack of ${runs[0].mb.toFixed(1)} MB)`, size.label, m('fetch'), NaN);
  row('load', 'bytes into wasm memory', size.label, m('copy'), NaN);
  row('load', 'pack open (checks, bitsets, orders)', size.label, m('open'), NaN);
  row('load', 'total fetch → ready', size.label, m('total'), NaN);
  return runs[0].kept;
}

/** Ours through the bench export, then ItemsJS on the same records in the same page. */
async function compare(page, size) {
  const ours = {};
  for (const f of [...COMPARED, ...OURS_ONLY]) {
    const times = await page.evaluate(([s, n, k]) => Array.from(window.wasmBindings.benchFilter(s, n, k)), [f.search, ENGINE_RUNS, ENGINE_BATCH]);
    ours[f.name] = median(times);
    row('engine in page', `filter + all counts: ${f.name}`, size.label, median(times), p95(times), '≤ 2 ms');
  }
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/itemsjs/dist/index.umd.js') });
  const build = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const t0 = performance.now();
    const data = JSON.parse(text);
    // Day numbers of each record's period, as our index keeps them (date.rs).
    const day = (y, m, d) => {
      y -= m <= 2 ? 1 : 0;
      const era = Math.floor((y >= 0 ? y : y - 399) / 400);
      const yoe = y - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    };
    const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const one = (v) => {
      const [y, m, d] = v.split('-').map(Number);
      if (d) return [day(y, m, d), day(y, m, d)];
      if (m) return [day(y, m, 1), day(y, m, dim(y, m))];
      return [day(y, 1, 1), day(y, 12, 31)];
    };
    // An EDTF interval spans its bounds' days; an open end (`..`) has none.
    const period = (v) => {
      if (!v) return [null, null];
      if (!v.includes('/')) return one(v);
      const [a, b] = v.split('/');
      return [a === '..' ? -Infinity : one(a)[0], b === '..' ? Infinity : one(b)[1]];
    };
    const item = (type) => (r) => {
      const [first, last] = period(r.date && r.date.value);
      return { id: r.id, type, theme: r.themes, region: r.territory, first, last };
    };
    const items = [...data.agreements.map(item('agreement')), ...data.events.map(item('event'))];
    const t1 = performance.now();
    window.__items = window.itemsjs(items, {
      // No text search is compared (see OURS_ONLY), so lunr stays off.
      native_search_enabled: false,
      sortings: { recent: { field: 'first', order: 'desc' } },
      aggregations: {
        theme: { conjunction: false, size: 100 },
        region: { conjunction: false, size: 100 },
        type: { conjunction: false, size: 10 },
      },
    });
    window.__dayOf = (s) => (s ? period(s) : [null, null]);
    window.__itemList = items;
    const t2 = performance.now();
    return { prepare: t1 - t0, build: t2 - t1, count: items.length };
  }, size.json);
  row('ItemsJS', `index build (${build.count} items; JSON.parse + mapping ${fmt(build.prepare)})`, size.label, build.build, NaN);
  const ratios = [];
  for (const f of COMPARED) {
    const out = await page.evaluate(
      ([s, n]) => {
        const p = new URLSearchParams(s);
        const list = (k) => (p.get(k) ? p.get(k).split(',') : undefined);
        const filters = {};
        for (const [k, v] of [['theme', list('theme')], ['region', list('region')], ['type', list('type')]]) if (v) filters[k] = v;
        const lo = p.get('from') ? window.__dayOf(p.get('from'))[0] : -Infinity;
        const hi = p.get('to') ? window.__dayOf(p.get('to'))[1] : Infinity;
        const dated = p.get('from') || p.get('to');
        // ItemsJS 2.4.4 ignores `filter` unless lunr is on, and then matches
        // nothing; its documented way in is `ids`, computed here by a plain
        // predicate over the items, inside the timed run.
        const overlaps = (it) => it.first !== null && it.first <= hi && it.last >= lo;
        const times = [];
        let r;
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          const ids = dated ? window.__itemList.filter(overlaps).map((it) => it.id) : undefined;
          r = window.__items.search({ per_page: 20, sort: 'recent', filters, ids });
          times.push(performance.now() - t);
        }
        const buckets = (k) => Object.fromEntries(r.data.aggregations[k].buckets.map((b) => [b.key, b.doc_count]));
        return { times, total: r.pagination.total, theme: buckets('theme'), region: buckets('region'), type: buckets('type') };
      },
      [f.search, Math.min(ENGINE_RUNS, 15)],
    );
    // Cross-check: the same result count and the same disjunctive counts.
    const mine = await page.evaluate((s) => Array.from(window.wasmBindings.benchOutcome(s)), f.search);
    const vocab = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/passerelles.json'), 'utf8'));
    const expected = [
      out.total,
      ...vocab.themes.map((t) => out.theme[t.id] ?? 0),
      ...vocab.regions.map((r) => out.region[r.code] ?? 0),
      ...['agreement', 'event'].map((t) => out.type[t] ?? 0),
    ];
    const same = JSON.stringify(mine) === JSON.stringify(expected);
    if (!same) notes.push(`ItemsJS and ours disagree on "${f.name}": ours ${mine.join(',')} vs ItemsJS ${expected.join(',')}`);
    const ratio = median(out.times) / ours[f.name];
    ratios.push(ratio);
    row('ItemsJS', `filter + all counts: ${f.name}${same ? '' : ' (counts differ!)'}`, size.label, median(out.times), p95(out.times));
    row('ItemsJS', `ratio ItemsJS / ours: ${f.name}`, size.label, ratio, NaN, '≥ 10×', '×');
  }
}

/** The bench build with its wasm swapped for wasm-bindgen's output of the
 * same build (before wasm-opt), which keeps the name section: profiles then
 * name Rust functions instead of `wasm-function[N]`. Falls back to the build
 * itself when that output is missing or from another build. */
function namedDist() {
  // `make bench` copies them right after its build, before another build
  // sharing target/ can overwrite them. The build's JS is minified, so both
  // files are swapped for wasm-bindgen's own output.
  const dir = path.join(DATA, 'named');
  const top = fs.readdirSync(DIST);
  const wasm = top.find((f) => f.endsWith('_bg.wasm') && f.startsWith('passerelles'));
  const js = wasm && wasm.replace(/_bg\.wasm$/, '.js');
  const raw = path.join(dir, 'passerelles_bg.wasm');
  const glue = path.join(dir, 'passerelles.js');
  const named = js && fs.existsSync(raw) && fs.existsSync(glue) &&
    WebAssembly.Module.customSections(new WebAssembly.Module(fs.readFileSync(raw)), 'name').length > 0;
  if (!named) {
    notes.push(`profiles show wasm-function[N]: no named wasm in ${path.relative(ROOT, dir)} (run \`make bench\`)`);
    return DIST;
  }
  const out = path.join(DATA, 'profile-dist');
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(DIST, out, { recursive: true });
  fs.copyFileSync(raw, path.join(out, wasm));
  fs.copyFileSync(glue, path.join(out, js));
  notes.push('profiles run the same build before wasm-opt and terser (names kept; code otherwise as rustc optimised it)');
  return out;
}

/** Chromium's sampling profile of one load at this size, by self time. */
async function profile(browser, base, size, label, act) {
  const { context, page } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (act) await startup(page, base, size);
  await cdp.send('Profiler.start');
  if (act) await act(page);
  else await startup(page, base, size);
  const { profile: p } = await cdp.send('Profiler.stop');
  await context.close();
  const self = new Map();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  p.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const file = f.url ? path.basename(f.url.split('?')[0]) : '';
    const name = (f.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
    const key = file.endsWith('.wasm') ? name : `${name}${file ? ` [${file}]` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return `Profile, ${label} at ${size.label} (${total.toFixed(0)} ms sampled), top self time:\n` +
    top.map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
}

async function main() {
  for (const size of SIZES.slice(1)) {
    for (const url of [size.url, size.json].filter(Boolean)) {
      const file = path.join(DATA, path.basename(url));
      if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`make bench\` (it generates it with gen-data and pack)`);
    }
  }
  const load = [os.loadavg()[0].toFixed(2)];
  nativeRows(NATIVE);
  const server = await startServer({ root: DIST, mounts: { '/bench-data/': DATA } });
  const browser = await launch();
  const chromium = browser.version();
  const profiles = [];
  try {
    for (const size of SIZES) {
      const times = [];
      const frozen = [];
      let last;
      for (let i = 0; i < size.startupRuns; i++) {
        if (last) await last.context.close();
        last = await newPage(browser);
        times.push(await startup(last.page, server.url, size, frozen));
        if (size.label === 'default' && !STARTUP) STARTUP = new Set(FETCHED);
      }
      const { page, errors } = last;
      row('page', 'startup → first results painted', size.label, median(times), p95(times), size.label === 'default' ? '≤ 200 ms' : size.label === '100k' ? '≤ 600 ms' : '');
      row('page', 'longest main-thread task before them (0: none over 50 ms)', size.label, median(frozen), p95(frozen));
      // The first results are the page's own HTML; the loader fetches the
      // app after that paint (assets/loader.js): what follows needs it.
      await page.waitForFunction(() => typeof window.wasmBindings?.benchMemoryBytes === 'function', null, { timeout: 120_000 });
      const memory = await page.evaluate(() => window.wasmBindings.benchMemoryBytes());
      row('page', 'wasm memory after load (high-water)', size.label, memory, NaN, size.label === '100k' ? '≤ 64 MB' : '', 'MB');
      if (size.only === 'startup') {
        await last.context.close();
        continue;
      }
      await interactions(page, size);
      await openRecord(page, size);
      if (size.label !== 'default') await loadBreakdown(page, size);
      if (size.label === '100k') await compare(page, size);
      if (errors.length) notes.push(`page errors at ${size.label}: ${errors.slice(0, 3).join(' | ')}`);
      await last.context.close();
    }
    if (PROFILE) {
      const big = SIZES[2];
      const named = await startServer({ root: namedDist(), mounts: { '/bench-data/': DATA } });
      try {
        profiles.push(await profile(browser, named.url, big, 'startup'));
        profiles.push(
          await profile(browser, named.url, big, '20 theme toggles', async (page) => {
            for (let i = 0; i < 20; i++) {
              await page.click('input[name=theme][value=insertion]');
              await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
            }
          }),
        );
        profiles.push(
          await profile(browser, named.url, big, 'typing "insertion" and clearing it, twice', async (page) => {
            await page.click('#q');
            for (let i = 0; i < 2; i++) {
              await page.keyboard.type('insertion', { delay: 30 });
              await page.keyboard.press('Control+A');
              await page.keyboard.press('Backspace');
              await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
            }
          }),
        );
      } finally {
        await named.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  bytes();
  load.push(os.loadavg()[0].toFixed(2));
  const rustc = (() => {
    try {
      return execSync('rustc --version', { encoding: 'utf8' }).trim();
    } catch {
      return 'rustc ?';
    }
  })();
  console.log(
    `${new Date().toISOString()} · ${os.availableParallelism()} CPUs (nproc) · ${os.cpus()[0]?.model ?? '?'} · ` +
      `${rustc} · Chromium ${chromium} · load average (1 min) ${load.join(' → ')}\n`,
  );
  print(profiles);
}

function print(profiles) {
  const header = ['section', 'measure', 'records', 'median', 'p95', 'target'];
  const order = ['native', 'bytes', 'page', 'load', 'engine in page', 'ItemsJS'];
  rows.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  const lines = rows.map((r) => [r.section, r.measure, r.size, fmt(r.median, r.unit), r.unit === 'ms' ? fmt(r.p95) : '', r.target]);
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k].length)));
  const out = (cells) => `| ${cells.map((c, k) => c.padEnd(widths[k])).join(' | ')} |`;
  console.log(out(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(out(l));
  for (const n of notes) console.log(`\nNote: ${n}`);
  for (const p of profiles) console.log(`\n${p}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
