// How the page gets its data (issue 4): the shipped pack, a generated pack
// whose details live in shards fetched on opening a record, an editor's JSON
// file read by the converter in a worker (or on the page's own thread in a
// sandboxed iframe, where workers are refused), and packs the page must
// refuse with a clear panel (damaged, of another version, not a pack).
// Needs the gen-data and pack binaries (`make test` builds them first).
// Run after `trunk build --release`: node --test tests/e2e/
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DIST, assertAccessible, suite } from './harness.mjs';

const CORS = { 'Access-Control-Allow-Origin': '*' };
/** Generated records: enough for six shards of 500 and a virtual list. */
const RECORDS = 3000;
/** The shipped dataset's records, agreements and events. */
const SHIPPED = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json'), 'utf8'));
const DATA_RECORDS = SHIPPED.agreements.length + SHIPPED.events.length;
const BIN = path.join(ROOT, 'target', 'debug');

let work; // the generated files, served under /gen/ and by the partner
let ids = []; // ids of the generated records, in file order (agreements, then events)

const countOf = (page) =>
  page.evaluate(() => Number(document.querySelector('#result-count').textContent.replace(/[\s\u202f\u00a0]/g, '').match(/\d+/)[0]));

/** Every request the page makes, by path. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

/** A download that goes silent after its first bytes (a dishonest
 * Content-Length, a stuck connection), then answers the next time. */
function stalling() {
  const shipped = fs.readFileSync(path.join(DIST, 'data', 'passerelles.pack'));
  let asked = 0;
  return (req, res, headers) => {
    asked += 1;
    if (asked === 1) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 2_000_000_000, ...headers });
      res.write(shipped.subarray(0, 1000));
      return; // and never a byte more
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': shipped.length, ...headers });
    res.end(shipped);
  };
}

/** Generates the records, packs them, and damages copies of packs. */
function prepare(served) {
  work = served.temp('data');
  for (const bin of ['gen-data', 'pack']) {
    assert.ok(fs.existsSync(path.join(BIN, bin)), `${bin} is not built: run \`cargo build --bin gen-data --bin pack\` (make test does)`);
  }
  const json = path.join(work, 'gen.json');
  execFileSync(path.join(BIN, 'gen-data'), ['--records', String(RECORDS), '--seed', '7', '--out', json], { stdio: 'pipe' });
  execFileSync(path.join(BIN, 'pack'), [json, '--out', path.join(work, 'gen.pack')], { stdio: 'pipe' });
  // A large site's split pack, which the shipped page does not read.
  execFileSync(path.join(BIN, 'pack'), [json, '--out', path.join(work, 'split.pack'), '--split'], { stdio: 'pipe' });
  const data = JSON.parse(fs.readFileSync(json, 'utf8'));
  ids = [...data.agreements, ...data.events].map((r) => r.id);

  // Packs the page must refuse.
  const good = fs.readFileSync(path.join(DIST, 'data', 'passerelles.pack'));
  fs.writeFileSync(path.join(work, 'truncated.pack'), good.subarray(0, Math.floor(good.length / 2)));
  const other = Buffer.from(good);
  other[4] += 1;
  fs.writeFileSync(path.join(work, 'other-version.pack'), other);
  fs.writeFileSync(path.join(work, 'not-a.pack'), '{"regions": []}');
  // A pack whose detail shards were not published with it.
  fs.copyFileSync(path.join(work, 'gen.pack'), path.join(work, 'no-shards.pack'));
  // A rebuilt pack whose shards a stale cache serves from the build before
  // (under the new names), and a pack whose first two shards are swapped.
  data.agreements[0].title += ' (révisé)';
  fs.writeFileSync(path.join(work, 'gen2.json'), JSON.stringify(data));
  execFileSync(path.join(BIN, 'pack'), [path.join(work, 'gen2.json'), '--out', path.join(work, 'stale.pack')], { stdio: 'pipe' });
  // The detail shards (named by number; the exports files beside them are not shards).
  const shardsOf = (pack) =>
    fs.readdirSync(path.join(work, `${pack}.d`)).filter((f) => /^\d+-/.test(f)).sort((a, b) => parseInt(a) - parseInt(b));
  const old = shardsOf('gen.pack');
  shardsOf('stale.pack').forEach((name, k) =>
    fs.copyFileSync(path.join(work, 'gen.pack.d', old[k]), path.join(work, 'stale.pack.d', name)));
  fs.copyFileSync(path.join(work, 'gen.pack'), path.join(work, 'swapped.pack'));
  fs.mkdirSync(path.join(work, 'swapped.pack.d'));
  old.forEach((name, k) => {
    const from = k === 0 ? old[1] : k === 1 ? old[0] : name;
    fs.copyFileSync(path.join(work, 'gen.pack.d', from), path.join(work, 'swapped.pack.d', name));
  });
}

const served = suite('data: packs, shards, JSON through the converter, damaged files', (scenario) => {
  scenario('the shipped page downloads its pack, and a record\'s details only when it opens', async (page) => {
    const seen = requests(page);
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#results > li');
    assert.ok(seen.includes('/data/passerelles.pack'), `the pack: ${seen.join(' ')}`);
    assert.ok(!seen.some((p) => p.endsWith('.json')), 'no JSON is fetched');
    assert.ok(!seen.some((p) => p.includes('.pack.d/')), 'no details before a record is opened');
    assert.ok(!seen.some((p) => p.includes('convert')), 'no JSON reader');
    await page.click('#results > li:first-child h3 a');
    await page.waitForSelector('#detail .excerpt');
    assert.ok(seen.some((p) => /^\/data\/passerelles\.pack\.d\/0-[0-9a-f]{16}\.pack$/.test(p)), 'the details came with the opening');
  });

  scenario(`${RECORDS} generated records: the count, a short DOM, a record of the last shard`, async (page) => {
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/gen.pack`);
    await page.waitForSelector('#results > li');
    assert.equal(await countOf(page), RECORDS);
    const rows = await page.locator('#results > li').count();
    assert.ok(rows > 0 && rows < 80, `${rows} rows in the DOM`);

    // A shared link to the last record: its shard, and only it, is fetched.
    const last = ids[ids.length - 1];
    await page.goto(`${served.server.url}/?data=gen/gen.pack&id=${last}`);
    await page.waitForSelector(`#detail[data-id="${last}"] .excerpt`);
    const shard = new RegExp(`^/gen/gen\\.pack\\.d/${Math.floor((ids.length - 1) / 500)}-[0-9a-f]{16}\\.pack$`);
    assert.ok(seen.some((p) => shard.test(p)), `${shard} fetched: ${seen.filter((p) => p.includes('.pack.d')).join(' ')}`);
    assert.equal(seen.filter((p) => p.includes('.pack.d/')).length, 1, 'one shard for one record');
    await assertAccessible(page, 'a detail read from a shard');
    await page.click('#back');
    await page.waitForSelector('#results > li');
    assert.equal(await countOf(page), RECORDS);
  });

  scenario('on a slow line, the download shows how much has arrived', async (page, session) => {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    // About 250 KB a second: the generated pack takes a few seconds.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 250_000, uploadThroughput: 250_000 });
    await page.goto(`${served.server.url}/?data=gen/gen.pack`);
    await page.waitForFunction(() => /\d+,\d Mo reçus/.test(document.querySelector('.loading .hint')?.textContent ?? ''));
    assert.match(await page.textContent('.loading [role="status"]'), /Téléchargement/);
    await page.waitForSelector('#results > li', { timeout: 60_000 });
    assert.equal(await countOf(page), RECORDS);
  });

  scenario('details missing from the server: the record still shows, with a clear message', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/no-shards.pack&id=${ids[0]}`);
    await page.waitForSelector('#detail [role="alert"]');
    assert.match(await page.textContent('#detail'), /n'est plus sur le serveur/);
    assert.equal(await page.locator('#detail #reload').count(), 1, 'a reload button');
    assert.equal((await page.textContent('#detail h2')).trim().length > 0, true, 'the title, from the card');
  }, { allow: ['no-shards.pack.d/0-'] });

  for (const [pack, why] of [['stale.pack', 'shards of the build before'], ['swapped.pack', 'two shards swapped']]) {
    scenario(`${why}: the detail is refused with a reload button, never another record's facts`, async (page) => {
      const id = ids[0];
      await page.goto(`${served.server.url}/?data=gen/${pack}&id=${id}`);
      await page.waitForSelector('#detail [role="alert"]');
      assert.match(await page.textContent('#detail [role="alert"]'), /ne correspond pas aux données de la page/);
      assert.equal(await page.locator('#detail .excerpt').count(), 0, 'no excerpt from another record');
      await assertAccessible(page, `the refused detail (${why})`, { include: '#detail' });
      // Reloading asks the server again: the same stale files, the same refusal, never a spinner.
      await page.click('#reload');
      await page.waitForSelector('#detail [role="alert"]');
    });
  }

  scenario('a download that goes silent ends with a message and a retry that works', async (page) => {
    await page.goto(`${served.server.url}/?data=stall/passerelles.pack`);
    assert.match(await page.textContent('.loading [role="status"]'), /Téléchargement/);
    await page.waitForSelector('#load-error', { timeout: 30_000 });
    assert.match(await page.textContent('#load-error'), /s'est interrompu/);
    await assertAccessible(page, 'the stalled download panel', { include: '#load-error' });
    await page.click('#retry');
    await page.waitForSelector('#results > li');
    assert.equal(await countOf(page), DATA_RECORDS);
  }, { allow: ['stall/passerelles.pack'] });

  scenario('an editor\'s JSON file is read in a worker and shows the same records', async (page) => {
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#results > li');
    const shipped = await page.$$eval('#results > li', (lis) => lis.map((li) => li.dataset.id));
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=data/passerelles.json`);
    await page.waitForSelector('#results > li');
    const fromJson = await page.$$eval('#results > li', (lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(fromJson, shipped);
    assert.ok(seen.includes('/convert-worker.mjs'), `the worker started: ${seen.join(' ')}`);
    // Details come inline with a converted file: opening a record fetches nothing more.
    await page.click('#results > li:first-child h3 a');
    await page.waitForSelector('#detail .excerpt');
    assert.ok(!seen.some((p) => p.includes('.pack.d/')));
  });

  scenario('in a sandboxed iframe, where workers are refused, JSON is read on the page\'s thread', async (page) => {
    fs.writeFileSync(
      path.join(work, 'frame.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>p</title><link rel="icon" href="data:,"></head><body>
<iframe id="pf" src="${served.server.url}/?embed=1&data=data/passerelles.json" title="Passerelles" width="100%" height="500" sandbox="allow-scripts allow-popups"></iframe></body></html>`,
    );
    await page.goto(`${served.partner.url}/frame.html`);
    const frame = await (await page.waitForSelector('#pf')).contentFrame();
    await frame.waitForSelector('#results > li');
    assert.equal(await frame.evaluate(() => document.querySelectorAll('#results > li').length), DATA_RECORDS);
  });

  scenario('a split pack on the shipped page: a panel says how to read it, nothing else is fetched', async (page) => {
    const seen = requests(page);
    await page.goto(`${served.server.url}/?data=gen/split.pack`);
    await page.waitForSelector('#load-error');
    const panel = await page.textContent('#load-error');
    assert.match(panel, /découpé pour un grand site/);
    assert.match(panel, /make release-large/);
    assert.ok(!seen.some((p) => p.includes('split.pack.d/')), 'no part of it');
    await assertAccessible(page, 'the panel for a split pack', { include: '#load-error' });
  });

  for (const [file, text] of [
    ['truncated.pack', 'endommagé'],
    ['other-version.pack', 'autre version'],
    ['not-a.pack', "n'est pas un fichier de données Passerelles"],
  ]) {
    scenario(`${file}: a panel says what failed and to rebuild`, async (page) => {
      await page.goto(`${served.server.url}/?data=gen/${file}`);
      await page.waitForSelector('#load-error');
      const panel = await page.textContent('#load-error');
      assert.ok(panel.includes(text), panel);
      assert.ok(panel.includes('make build'), panel);
      assert.ok(panel.includes(`gen/${file}`), 'the panel names the file');
      await assertAccessible(page, `the panel for ${file}`, { include: '#load-error' });
    });
  }
}, {
  prefix: 'data-',
  prepare,
  server: () => ({ headers: CORS, mounts: { '/gen/': work }, routes: { '/stall/passerelles.pack': stalling() } }),
  extraServers: { partner: () => ({ root: work }) },
});
