// The editors' page's times, by hand (not part of `make bench`): files read
// in the browser, a record checked as it is typed, the preview made. Each
// figure from a fresh page (its worker started by the first read) and
// again on the same page (the worker warm); median of three.
//
//   trunk build --release
//   cargo build --release -p passerelles-build --bin gen-data --bin workbook
//   ./target/release/gen-data --records 10000 --seed 42 --out /tmp/r10000.json
//   ./target/release/workbook export /tmp/r10000.json --out /tmp/r10000.xlsx
//   node tests/bench/editors.mjs data/passerelles.json /tmp/r10000.xlsx /tmp/r10000.json …
//
// BENCHMARKS.md, "The editors' page", has a run.
import path from 'node:path';
import { startServer, launch, newPage } from '../e2e/harness.mjs';

const files = process.argv.slice(2);
const server = await startServer();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fresh() {
  const session = await newPage(browser);
  await session.page.goto(`${server.url}/editer/`);
  await session.page.waitForSelector('#live #open');
  return session;
}

/** ms from the file given to its outcome said, and the longest frame meanwhile. */
async function read(page, file) {
  await page.evaluate(() => {
    window.longest = 0;
    window.stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.longest = Math.max(window.longest, t - last);
      last = t;
      if (!window.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t = Date.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(
    () => !document.querySelector('#cancel-read') && (document.querySelector('#read-status').textContent.trim() || document.querySelector('#read-alert').textContent.trim()),
    null,
    { timeout: 120_000 },
  );
  const ms = Date.now() - t;
  const longest = await page.evaluate(() => {
    window.stop = true;
    return window.longest;
  });
  return { ms, longest };
}

console.log('file | first read (cold worker) | read again (warm) | longest frame | preview');
for (const file of files) {
  const cold = [];
  const warm = [];
  const frames = [];
  const previews = [];
  for (let i = 0; i < 3; i++) {
    const { context, page } = await fresh();
    const a = await read(page, file);
    const b = await read(page, file);
    cold.push(a.ms);
    warm.push(b.ms);
    frames.push(Math.max(a.longest, b.longest));
    const t = Date.now();
    await page.click('#make-preview');
    await page.frameLocator('#preview-frame').locator('#live #results > li').first().waitFor({ timeout: 120_000 });
    previews.push(Date.now() - t);
    await context.close();
  }
  console.log(`${path.basename(file)} | ${median(cold)} ms | ${median(warm)} ms | ${Math.round(Math.max(...frames))} ms | ${median(previews)} ms`);
}

// A keystroke in the form to its check said: the site's data, a new event.
{
  const { context, page } = await fresh();
  await page.click('#open-site');
  await page.waitForSelector('#problems');
  await page.click('#new-event');
  await page.waitForSelector('#record-form');
  const rounds = [];
  for (const text of ['F', 'Fo', 'For', 'Foru', 'Forum', 'Forum 2', 'Forum 20', 'Forum 202', 'Forum 2024']) {
    // In the page: from the key's input event to the status leaving
    // "Vérification…" (a MutationObserver sees each change).
    rounds.push(
      await page.evaluate(async (text) => {
        const status = document.querySelector('#form-status');
        const input = document.querySelector('#i-title');
        const t0 = performance.now();
        const done = new Promise((resolve) => {
          let seen = false;
          const mo = new MutationObserver(() => {
            if (/Vérification/.test(status.textContent)) seen = true;
            else if (seen) {
              mo.disconnect();
              resolve();
            }
          });
          mo.observe(status, { childList: true, subtree: true, characterData: true });
        });
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await done;
        return Math.round(performance.now() - t0);
      }, text),
    );
  }
  console.log(`a keystroke to its check said (the site's data, 350 ms after the last key): median ${median(rounds)} ms`);
  await context.close();
}
await browser.close();
await server.close();
