// Lighthouse on the shipped build (make bench): the page served from dist/
// by the end-to-end harness's static server, audited by Google Lighthouse
// 12.2.3 (npm; 13 needs Node 22) in the system Chromium, with the mobile
// preset (a mid-range phone: 4x slower CPU, slow 4G) and the desktop one.
// Prints a table of the figures the round's targets name: the performance
// score, FCP, LCP, TBT, CLS, bytes. (That the first results are on screen
// before the wasm has run is tested: tests/e2e/static.test.mjs.) Then, for
// the simulated mobile run, what its LCP was made of: Lighthouse simulates
// a slow phone from a load that was not slowed, and counts in the LCP
// every request that ended before the paint it observed there (Lantern's
// LCP graph); a download the first paint never needed, listed there, is
// what holds the figure up (BENCHMARKS.md, issue 24).
//
//   node scripts/lighthouse.mjs [--dist DIR] [--url PATH] [--categories]
//
// With --categories, one more mobile run scores the other categories
// (accessibility, best practices, SEO) and names each audit that failed.
//
// Figures, never pass/fail (BENCHMARKS.md).
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
const categories = [];
let lantern = '';
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
    if (throttlingMethod === 'simulate' && !config) {
      const observed = audit('metrics').details.items[0].observedLargestContentfulPaint;
      const before = audit('network-requests')
        .details.items.filter((r) => r.networkEndTime <= observed)
        .map((r) => `${new URL(r.url).pathname} (${(r.transferSize / 1024).toFixed(1)} KB, ended at ${Math.round(r.networkEndTime)} ms)`);
      lantern = `mobile (simulated): the unthrottled load painted its LCP at ${Math.round(observed)} ms; the requests that had ended by then, all counted in the simulated LCP: ${before.join(', ')}`;
    }
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
  if (args.includes('--categories')) {
    const runner = await lighthouse(`${server.url}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices', 'seo'],
    });
    const lhr = runner.lhr;
    for (const category of Object.values(lhr.categories)) {
      const failed = category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => a.id);
      categories.push(`${category.title}: ${Math.round(category.score * 100)}${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
const head = ['preset', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'bytes (transfer)'];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, k) => String(c).padEnd(widths[k])).join(' | ')} |`;
const { default: pkg } = await import('lighthouse/package.json', { with: { type: 'json' } });
console.log(`\nLighthouse ${pkg.version} on ${page} (targets: mobile performance >= 95, CLS <= 0.01, LCP <= 1.0 s)\n`);
console.log(line(head));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\n${lantern}`);
if (categories.length) console.log(`\nmobile: ${categories.join('; ')}`);
