// Lighthouse on the shipped build (make bench): the page served from dist/
// by the end-to-end harness's static server, audited by Google Lighthouse
// 12.2.3 (npm; 13 needs Node 22) in the system Chromium, with the mobile
// preset (a mid-range phone: 4x slower CPU, slow 4G) and the desktop one.
// Prints a table of the figures the round's targets name: the performance
// score, FCP, LCP, TBT, CLS, bytes. (That the first results are on screen
// before the wasm has run is tested: tests/e2e/static.test.mjs.)
//
//   node scripts/lighthouse.mjs [--dist DIR] [--url PATH]
//
// Figures, never pass/fail (BENCHMARKS.md).
import fs from 'node:fs';
import path from 'node:path';
import { startServer, CHROMIUM } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = path.resolve(arg('--dist', 'dist'));
const page = arg('--url', '/');

let lighthouse, chromeLauncher;
try {
  ({ default: lighthouse } = await import('lighthouse'));
  chromeLauncher = await import('chrome-launcher');
} catch {
  console.error('scripts/lighthouse.mjs: lighthouse is missing: npm install --no-save -E lighthouse@12.2.3 (make bench does)');
  process.exit(1);
}
const desktop = (await import('lighthouse/core/config/desktop-config.js')).default;

// Compressed as any static host sends it.
const server = await startServer({ root: dist, compress: true });
// The flags of ../shared/toolchain.md, headless in the new mode Lighthouse
// needs, and a browser that prefers French: one that prefers English is
// sent to the English pages (the loader's redirect), which `--url /en/`
// measures directly.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=fr-FR', '--accept-lang=fr-FR,fr'],
});
const rows = [];
try {
  // Lighthouse's default simulates throttling from an unthrottled load;
  // "observed" throttles the load itself (devtools), closer to what the
  // page's own PerformanceObserver sees.
  for (const [preset, config, throttlingMethod] of [
    ['mobile', undefined, 'simulate'],
    ['mobile (observed)', undefined, 'devtools'],
    ['desktop', desktop, 'simulate'],
  ]) {
    const runner = await lighthouse(
      `${server.url}${page}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], throttlingMethod },
      config,
    );
    const lhr = runner.lhr;
    const audit = (id) => lhr.audits[id];
    const ms = (id) => `${Math.round(audit(id).numericValue)} ms`;
    rows.push([
      preset,
      Math.round(lhr.categories.performance.score * 100),
      ms('first-contentful-paint'),
      ms('largest-contentful-paint'),
      ms('total-blocking-time'),
      audit('cumulative-layout-shift').numericValue.toFixed(3),
      `${(audit('total-byte-weight').numericValue / 1024).toFixed(1)} KB`,
    ]);
  }
} finally {
  await chrome.kill();
  await server.close();
}
const head = ['preset', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'bytes (transfer)'];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, k) => String(c).padEnd(widths[k])).join(' | ')} |`;
console.log(`\nLighthouse ${JSON.parse(fs.readFileSync(new URL('../node_modules/lighthouse/package.json', import.meta.url))).version} on ${page} (targets: mobile performance >= 95, CLS <= 0.01, LCP <= 1.2 s)\n`);
console.log(line(head));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
