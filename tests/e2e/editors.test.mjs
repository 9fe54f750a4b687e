// The editors' page (editer/, crates/editor), under the site's strict CSP:
// files dropped or picked and read in the browser (a correct workbook, one
// with several mistakes, a hostile one, the JSON, one sheet as CSV), each
// problem at its cell or line and linked to the record's form; the preview
// of the site with that data (cards, a filter, a record, the map); a record
// added from a pasted text with its excerpts, downloaded, and passed by the
// command-line validator and by ajv against data/schema.json; the bad
// inputs (not a spreadsheet, a password, 50 MB, 10,000 rows) each with its
// message and the data before kept; cancelling; English; axe, a phone, the
// dark scheme, the keyboard. With E2E_EDITORS_SHOTS=DIR, the README's
// walkthrough (the CPME Réunion agreement from its press release) saves
// its screenshots there (`make screenshot` writes them to docs/).
// Needs the workbook, gen-data and validate binaries (`make test` builds
// them first). Run after `trunk build --release`: node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import { ROOT, DIST, ARTIFACTS, assertAccessible, hostHeaders, screenshot, suite } from './harness.mjs';

const BIN = path.join(ROOT, 'target', 'debug');
const FIXTURES = path.join(ROOT, 'tests', 'editors');
const SEED = path.join(ROOT, '..', 'shared', 'seeds', '002_e704c5521d98031d.txt');
const SHOTS = process.env.E2E_EDITORS_SHOTS ? path.resolve(process.env.E2E_EDITORS_SHOTS) : null;
const CPME = 'ag-2019-cpme-reunion-ursiae';
/** Rows a workbook must have at least for the large-file scenario. */
const ROWS = 10_000;

let work; // the generated files
let big = { file: '', rows: 0 }; // the workbook of 10,000 rows and more

/** Every CSP violation of every frame, reported as a console error the harness records. */
const REPORT_VIOLATIONS = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`);
  });
};

/** The headers dist/_headers gives every page, as the host sends them. */
const distHeaders = () => hostHeaders('/');

const run = (bin, args) => execFileSync(path.join(BIN, bin), args, { stdio: 'pipe' });

/** The rows a data file makes in the workbook: a row per record, per item of each of its lists. */
function workbookRows(data) {
  const lists = ['parties', 'people', 'territory', 'themes', 'objectives', 'targets', 'figures', 'agreements', 'excerpts'];
  let rows = data.regions.length + data.themes.length;
  for (const r of [...data.agreements, ...data.events]) {
    rows += 1 + lists.reduce((n, k) => n + (Array.isArray(r[k]) ? r[k].length : 0), 0);
  }
  return rows;
}

function prepare(served) {
  for (const bin of ['workbook', 'gen-data', 'validate']) {
    assert.ok(fs.existsSync(path.join(BIN, bin)), `${bin} is not built: run \`cargo build -p passerelles-build --bin ${bin}\` (make test does)`);
  }
  work = served.temp('editors');
  const data = path.join(ROOT, 'data', 'passerelles.json');
  run('workbook', ['export', data, '--out', path.join(work, 'passerelles.xlsx')]);
  run('workbook', ['export', data, '--out', path.join(work, 'passerelles.ods')]);
  // One sheet as CSV, with a date as a spreadsheet types it.
  const csvDir = path.join(work, 'csv');
  run('workbook', ['export', data, '--csv', csvDir]);
  const events = fs.readFileSync(path.join(csvDir, 'evenements.csv'), 'utf8').replace(',2019-11-21,', ',21/11/2019,');
  fs.writeFileSync(path.join(work, 'evenements.csv'), events);
  // The JSON with mistakes at known places.
  const shipped = fs.readFileSync(data, 'utf8');
  const wrong = shipped.replace('"value": "2019-11-21"', '"value": "2019-11-31"').replace('"achats",', '"achat",');
  assert.notEqual(wrong, shipped);
  fs.writeFileSync(path.join(work, 'avec-erreurs.json'), wrong);
  // The data without the CPME Réunion agreement (the README's walkthrough adds it).
  const parsed = JSON.parse(shipped);
  parsed.agreements = parsed.agreements.filter((a) => a.id !== CPME);
  for (const e of parsed.events) if (e.agreements) e.agreements = e.agreements.filter((id) => id !== CPME);
  for (const e of parsed.events) if (e.agreements?.length === 0) delete e.agreements;
  fs.writeFileSync(path.join(work, 'passerelles.json'), JSON.stringify(parsed, null, 2) + '\n');
  // Not data: a PDF's bytes, a press release as text, nothing, 50 MB.
  fs.writeFileSync(path.join(work, 'rapport.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), Buffer.alloc(2000, 7)]));
  fs.writeFileSync(path.join(work, 'communique.txt'), 'La CPME et l’URSIAE ont signé une convention.\nElle sera déclinée en actions.\n');
  fs.writeFileSync(path.join(work, 'vide.xlsx'), '');
  fs.writeFileSync(path.join(work, 'enorme.json'), Buffer.alloc(50 * 1024 * 1024, 0x20));
  // A workbook of 10,000 rows and more, from generated records.
  const json = path.join(work, 'grand.json');
  run('gen-data', ['--records', '1500', '--seed', '11', '--out', json]);
  big = { file: path.join(work, 'grand.xlsx'), rows: workbookRows(JSON.parse(fs.readFileSync(json, 'utf8'))) };
  run('workbook', ['export', json, '--out', big.file]);
}

// ---------- page helpers ----------

const editorUrl = (lang = 'fr') => `${served.server.url}/${lang === 'en' ? 'en/' : ''}editer/`;

async function openEditor(page, lang = 'fr') {
  await page.goto(editorUrl(lang));
  await page.waitForSelector('#live #open');
}

/** Waits for the end of a read: its outcome said, no read under way. */
async function readEnd(page) {
  await page.waitForFunction(
    () => !document.querySelector('#cancel-read') && document.querySelector('#read-status, #read-alert') && (document.querySelector('#read-status').textContent.trim() || document.querySelector('#read-alert').textContent.trim()),
    null,
    { timeout: 60_000 },
  );
  return page.evaluate(() => ({
    status: document.querySelector('#read-status').textContent,
    alert: document.querySelector('#read-alert').textContent,
  }));
}

/** Picks a file with the page's file field. */
async function pick(page, file) {
  await page.setInputFiles('#file-input', file);
  return readEnd(page);
}

/** Drops a file on the drop zone as a person does (a DataTransfer with the file). */
async function drop(page, file) {
  const bytes = fs.readFileSync(file).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([data], name));
      return t;
    },
    { bytes, name: path.basename(file) },
  );
  await page.dispatchEvent('#drop', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
  return readEnd(page);
}

/** The problems listed: place, message, the record. */
const problemsListed = (page) =>
  page.$$eval('#problems li.problem', (lis) =>
    lis.map((li) => ({
      place: li.querySelector('.place').textContent,
      message: li.querySelector('.message').textContent,
      record: li.querySelector('.record-id')?.textContent ?? null,
      error: li.classList.contains('is-error'),
    })),
  );

const byId = (id) => `[id="${id}"]`;

/** Selects a passage of the source text as a pointer or the keyboard would (offsets as the text area counts them). */
async function selectPassage(page, passage) {
  await page.evaluate((passage) => {
    const area = document.querySelector('#source-text');
    const start = area.value.indexOf(passage);
    if (start < 0) throw new Error(`not in the text: ${passage}`);
    area.focus();
    area.setSelectionRange(start, start + passage.length);
  }, passage);
}

/** Waits for the form's check to end, and says its status. */
async function checked(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('#form-status');
    return s && s.textContent && !/Vérification|Checking/.test(s.textContent);
  });
  // Let a check already scheduled (a keystroke's) run and answer.
  await page.waitForTimeout(500);
  await page.waitForFunction(() => !/Vérification|Checking/.test(document.querySelector('#form-status').textContent));
  return page.$eval('#form-status', (e) => e.textContent);
}

/** Downloads with a button, into the suite's folder; the file's path. */
async function download(page, button, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  assert.equal(file.suggestedFilename(), name);
  const out = path.join(work, `${Date.now()}-${name}`);
  await file.saveAs(out);
  return out;
}

/** The validator and ajv both pass a data file. */
function assertValid(file) {
  const cli = spawnSync(path.join(BIN, 'validate'), [file], { encoding: 'utf8' });
  assert.equal(cli.status, 0, `validate ${file}:\n${cli.stdout}${cli.stderr}`);
  assert.match(cli.stdout, /aucun problème/);
  const schema = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'schema.json'), 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', 'ajv 8 reads draft-07 by default');
  const check = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.ok(check(data), JSON.stringify(check.errors, null, 2));
  return data;
}

/** The preview's frame, once the site's page in it shows its list. */
async function preview(page) {
  await page.click('#make-preview');
  await page.waitForSelector('#preview-frame');
  const frame = page.frameLocator('#preview-frame');
  await frame.locator('#live #results > li').first().waitFor({ timeout: 30_000 });
  return frame;
}

const shot = async (page, name, target) => {
  if (!SHOTS) return;
  const file = path.join(SHOTS, `editeurs-${name}.png`);
  fs.mkdirSync(SHOTS, { recursive: true });
  if (target) await (await page.$(target)).screenshot({ path: file, animations: 'disabled' });
  else await screenshot(page, file);
};

// ---------- the scenarios ----------

const served = suite('the editors’ page', (scenario, served) => {
  scenario('a correct workbook is read with no problem; the preview shows the site: cards, a filter, a record, the map', async (page, session) => {
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await openEditor(page);
    // Static first: the page's first view is the build's, and it is noindex.
    assert.equal(await page.$eval('meta[name=robots]', (m) => m.content), 'noindex');
    const outcome = await drop(page, path.join(work, 'passerelles.xlsx'));
    assert.match(outcome.status, /« passerelles\.xlsx » lu : 12 fiches à afficher \(5 accords, 7 événements\)\./);
    assert.match(outcome.status, /Aucun problème/);
    assert.equal(outcome.alert.trim(), '');
    // Nothing left the machine: the only requests are the site's own files.
    assert.ok(asked.every((p) => !/upload|api/.test(p)), asked.join(' '));
    assert.ok(!(await page.isDisabled('#download-json')));

    const frame = await preview(page);
    assert.match(await page.textContent('#preview-banner'), /Aperçu de « passerelles\.xlsx »/);
    assert.match(await frame.locator('.preview-notice').textContent(), /Aperçu d'un fichier ouvert dans la page des éditeurs/);
    assert.equal(await frame.locator('#live #results > li').count(), 12);
    // A filter: a theme.
    await frame.locator('#theme-qpv').check();
    await frame.locator('#live #result-count').filter({ hasText: /^1\b/ }).waitFor();
    await frame.locator('#theme-qpv').uncheck();
    // The map: La Réunion ticked by a click on its shape.
    await frame.locator('#map [data-region="04"]').click();
    await frame.locator('#region-04:checked').waitFor();
    const reunion = await frame.locator('#live #results > li').count();
    assert.ok(reunion >= 2 && reunion < 12, `${reunion} records for La Réunion`);
    // A record, and its page's facts.
    await frame.locator(`#live #results > li[data-id="${CPME}"] h3 a`).click();
    await frame.locator('#detail-title').waitFor();
    assert.match(await frame.locator('#detail-title').textContent(), /CPME Réunion/);
    // The preview page's data came from the editors' page: it fetched no pack.
    assert.ok(!asked.some((p) => p.endsWith('.pack')), asked.filter((p) => p.endsWith('.pack')).join(' '));
    session.assertNoProblems();
  });

  scenario('a workbook with several mistakes: each at its sheet, row and column, its row shown, its record’s form at the field', async (page) => {
    await openEditor(page);
    const outcome = await pick(page, path.join(FIXTURES, 'plusieurs-erreurs.xlsx'));
    assert.match(outcome.status, /4 erreurs, 1 avertissement/);
    const listed = await problemsListed(page);
    const at = (place) => listed.find((p) => p.place === place);
    assert.match(at('Feuille Événements, ligne 8, colonne « date »').message, /« 21\/11\/2019 » n'est pas une date ISO ; écrivez 2019-11-21/);
    assert.match(at('Feuille Personnes, ligne 8, colonne « fiche »').message, /vouliez-vous dire « ag-2019-cpme-reunion-ursiae »/);
    assert.match(at('Feuille Territoires, ligne 2, colonne « région »').message, /écrivez son code, 11/);
    assert.match(at('Feuille Thèmes des fiches, ligne 2, colonne « thème »').message, /écrivez son identifiant, rse/);
    const warning = at('Feuille Chiffres, ligne 9, colonne « valeur »');
    assert.ok(!warning.error && /1000,5/.test(warning.message));
    assert.deepEqual(
      await page.$$eval('#problems h3', (h) => h.map((e) => e.textContent)),
      ['Feuille Événements', 'Feuille Personnes', 'Feuille Territoires', 'Feuille Thèmes des fiches', 'Feuille Chiffres'],
    );
    // Its row: the cells of row 8, the date's marked.
    const first = page.locator('#problems li.problem').first();
    await first.locator('details.row summary').click();
    assert.equal(await first.locator('tr.here th').textContent(), 'date');
    assert.equal(await first.locator('tr.here td').textContent(), '21/11/2019');
    // Its record's form, at the date.
    await first.locator('a.fix').click();
    await page.waitForSelector('#record-form');
    assert.match(await page.textContent('#record-form-title'), /ev-2019-11-21-journee-regionale-iae-reunion/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'i-date.value');
    // The date typed right in the form: the validator has nothing more to say of it.
    await page.check(byId('i-date-kind-day'));
    await page.fill(byId('i-date.value'), '2019-11-21');
    assert.match(await checked(page), /Aucun problème/);
    // The file cannot be published as it is.
    assert.ok(await page.isDisabled('#download-json'));
    assert.match(await page.textContent('#not-publishable'), /Corrigez d'abord les 4 erreurs/);
    await assertAccessible(page, 'the editors’ page with problems and a record’s form', { exclude: '#preview-frame' });
  });

  scenario('a hostile workbook: its cells stay text, the page and the preview run none of them', async (page) => {
    await openEditor(page);
    await pick(page, path.join(FIXTURES, 'hostile.ods'));
    const listed = await problemsListed(page);
    assert.ok(listed.some((p) => p.place.includes('source : adresse web') && /javascript:document\.title='pwned'.*refusé/.test(p.message)), JSON.stringify(listed));
    // The record with the markup, opened in the form: text in a field.
    await page.locator('#problems a.fix').first().click();
    await page.waitForSelector('#record-form');
    assert.match(await page.inputValue('#i-title'), /^<img src=x onerror=/);
    const frame = await preview(page);
    const card = frame.locator('#live #results > li[data-id="ag-2019-cpme-reunion-ursiae"]');
    // The record has an error: the site leaves it out, as it would online.
    assert.equal(await card.count(), 0);
    assert.equal(await page.title(), 'Éditer les données — Passerelles');
    assert.equal(await page.locator('img[src=x]').count(), 0);
    assert.equal(await frame.locator('img[src=x]').count(), 0);
  });

  scenario('the JSON itself: each problem at its line, the line shown, the form at the field; one sheet as CSV into the data', async (page) => {
    await openEditor(page);
    const outcome = await pick(page, path.join(work, 'avec-erreurs.json'));
    // The theme renamed in the vocabulary: its two records say so, and the date.
    assert.match(outcome.status, /3 erreurs, 0 avertissement/);
    const listed = await problemsListed(page);
    const lines = fs.readFileSync(path.join(work, 'avec-erreurs.json'), 'utf8').split('\n');
    const lineOf = (needle) => lines.findIndex((l) => l.includes(needle)) + 1;
    const date = listed.find((p) => /2019-11-31/.test(p.message));
    assert.equal(date.place, `Ligne ${lineOf('"2019-11-31"')}, colonne ${lines[lineOf('"2019-11-31"') - 1].indexOf('"2019') + 1}`);
    const theme = listed.find((p) => /achat/.test(p.message));
    assert.match(theme.message, /thème "achats" inconnu \(vouliez-vous dire "achat" \?\)/);
    await page.locator('#problems li.problem').first().locator('details.row summary').click();
    assert.match(await page.locator('#problems li.problem').first().locator('.line.here').textContent(), /2019-11-31/);
    // One sheet saved as CSV replaces its table of the data open.
    const csv = await pick(page, path.join(work, 'evenements.csv'));
    assert.match(csv.status, /« evenements\.csv » lu/);
    const fromCsv = await problemsListed(page);
    assert.ok(fromCsv.some((p) => /^Feuille Événements, ligne \d+, colonne « date »$/.test(p.place) && /21\/11\/2019/.test(p.message)), JSON.stringify(fromCsv));
    await page.click('summary:has-text("Comment le fichier a été lu")');
    assert.match(await page.textContent('#problems details.notes'), /feuille « Événements ».*fichier CSV lu comme UTF-8/s);
  });

  scenario('bad inputs each give their message, and the data open before stays', async (page) => {
    await openEditor(page);
    await pick(page, path.join(work, 'passerelles.ods'));
    const before = await page.textContent('#problems');
    const cases = [
      ['rapport.pdf', /« rapport\.pdf » n'est ni un classeur \(ODS, XLSX\), ni une feuille du classeur enregistrée en CSV, ni un fichier de données JSON/],
      ['communique.txt', /« communique\.txt » n'est ni un classeur/],
      ['vide.xlsx', /« vide\.xlsx » est vide/],
      ['enorme.json', /« enorme\.json » fait 50,0 Mo : la page lit au plus 25 Mo/],
      [path.join(FIXTURES, 'mot-de-passe.xlsx'), /« mot-de-passe\.xlsx » est protégé par un mot de passe/],
      [path.join(FIXTURES, 'mot-de-passe.ods'), /« mot-de-passe\.ods » est protégé par un mot de passe/],
    ];
    for (const [name, message] of cases) {
      const file = path.isAbsolute(name) ? name : path.join(work, name);
      const started = Date.now();
      const outcome = await pick(page, file);
      assert.match(outcome.alert, message, name);
      assert.match(outcome.alert, /Les données ouvertes avant restent telles quelles\./, name);
      // The alert is announced (role=alert), the page kept its data.
      assert.equal(await page.getAttribute('#read-alert', 'role'), 'alert');
      assert.equal(await page.textContent('#problems'), before, name);
      if (name === 'enorme.json') assert.ok(Date.now() - started < 5_000, 'a file too large is refused without being read');
    }
    assert.match(await page.textContent('#read-status'), /^$/);
    assert.ok(!(await page.isDisabled('#download-json')), 'the data before can still be published');
  });

  scenario('a workbook of 10,000 rows: its progress, a page that never freezes, a cancelled read keeps the data before', async (page) => {
    assert.ok(big.rows >= ROWS, `the generated workbook has ${big.rows} rows`);
    await openEditor(page);
    // A first read, held at the worker's start, then cancelled: nothing is read.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/editor_work_bg.wasm', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await page.click('#open-site');
    await page.waitForSelector('#cancel-read');
    assert.match(await page.textContent('#read-status'), /Lecture du fichier/);
    await page.click('#cancel-read');
    assert.match((await readEnd(page)).status, /Lecture de « données du site \(data\/passerelles\.json\) » annulée/);
    assert.equal(await page.$('#problems'), null, 'nothing was read');
    release();
    await page.unroute('**/editor_work_bg.wasm');
    // The site's data, read.
    await page.click('#open-site');
    assert.match((await readEnd(page)).status, /12 fiches à afficher/);
    // A read of the site's data again, held on the network, then cancelled:
    // the data before stays.
    let again;
    const hold = new Promise((r) => (again = r));
    await page.route('**/data/passerelles.json', async (route) => {
      await hold;
      await route.continue().catch(() => {});
    });
    const before = await page.textContent('#problems');
    await page.click('#open-site');
    await page.waitForSelector('#cancel-read');
    await page.click('#cancel-read');
    const cancelled = await readEnd(page);
    assert.match(cancelled.status, /annulée.*Les données ouvertes avant restent telles quelles\./s);
    assert.equal(await page.textContent('#problems'), before);
    again();
    await page.unroute('**/data/passerelles.json');
    // The large workbook: every status said on the way, and the longest
    // the page's thread was busy (a frame that came late).
    await page.evaluate(() => {
      window.said = [];
      new MutationObserver(() => window.said.push(document.querySelector('#read-status').textContent)).observe(document.querySelector('#read-status'), { childList: true, subtree: true, characterData: true });
      window.longest = 0;
      let last = performance.now();
      const tick = (t) => {
        window.longest = Math.max(window.longest, t - last);
        last = t;
        if (!window.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    const outcome = await pick(page, big.file);
    const took = Date.now() - started;
    const { said, longest } = await page.evaluate(() => {
      window.stop = true;
      return { said: window.said, longest: window.longest };
    });
    assert.match(outcome.status, /« grand\.xlsx » lu : 1\u202f500 fiches à afficher/);
    assert.ok(said.some((s) => /Lecture des feuilles de « grand\.xlsx » : \d+ sur \d+/.test(s)), said.join('\n'));
    assert.ok(said.some((s) => /Vérification des fiches/.test(s)), said.join('\n'));
    console.log(`10,000 rows (${big.rows}): read in ${took} ms, the page's longest frame ${Math.round(longest)} ms`);
    // The page stays responsive: no frame held by the read (a loaded
    // machine may delay one; a read on this thread would hold it for seconds).
    assert.ok(longest < 1_000, `a frame came ${Math.round(longest)} ms late`);
    // The record picker lists them all, and the preview shows them.
    assert.equal(await page.locator('#edit-record option').count(), 1_501);
  }, { timeout: 150_000 });

  scenario('an event added from its pasted text with two excerpts, downloaded, passes the validator and ajv', async (page) => {
    const text =
      'La CRESS de La Réunion organise un forum de l’emploi dans l’économie sociale et solidaire le jeudi 16 mai 2024 à Saint-Denis.\n' +
      'Les structures de l’insertion par l’activité économique y présenteront leurs offres aux demandeurs d’emploi.\n' +
      'Inscription gratuite auprès de la CRESS.';
    await openEditor(page);
    await page.click('#open-site');
    await readEnd(page);
    await page.click('#new-event');
    await page.waitForSelector('#record-form');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'record-form-title');
    // What is left to fill, said at once.
    await checked(page);
    assert.match(await page.textContent('.to-fill'), /Identifiant, Titre, Nature, Source › Fichier/);
    await page.fill('#i-title', 'Forum de l’emploi dans l’ESS');
    await page.fill('#i-kind', 'forum');
    await page.check(byId('i-date-kind-day'));
    await page.fill(byId('i-date.value'), '2024-05-16');
    await page.fill(byId('i-date.text'), 'le jeudi 16 mai 2024');
    assert.match(await page.textContent('#date-reading'), /Valeur écrite : 2024-05-16.*Le site l'écrira : « 16 mai 2024 »/s);
    await page.click('#suggest-id');
    assert.equal(await page.inputValue('#i-id'), 'ev-2024-05-16-forum-emploi-ess');
    await page.fill(byId('i-place.commune'), 'Saint-Denis');
    await page.selectOption(byId('i-place.region'), '04');
    await page.getByRole('checkbox', { name: 'La Réunion (04)' }).check();
    await page.getByRole('checkbox', { name: /^Emploi et recrutement/ }).check();
    await page.getByRole('checkbox', { name: /^Développement de l'ESS/ }).check();
    await page.fill(byId('i-organiser'), 'CRESS de La Réunion');
    await page.fill(byId('i-source.file'), 'communique-forum-2024.txt');
    // The source text pasted, then two passages selected and added.
    await page.fill('#source-text', text);
    await selectPassage(page, 'La CRESS de La Réunion organise un forum de l’emploi dans l’économie sociale et solidaire le jeudi 16 mai 2024 à Saint-Denis.');
    await page.click('#add-excerpt');
    assert.match(await page.textContent('#excerpt-status'), /Extrait ajouté/);
    // The second by the keyboard: from the start of the last sentence to
    // the end of the text.
    await selectPassage(page, 'Inscription');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Shift+End');
    await page.click('#add-excerpt');
    await page.locator(byId('f-excerpts[1]')).waitFor();
    const excerpts = await page.$$eval('.excerpt blockquote', (b) => b.map((e) => e.textContent));
    assert.deepEqual(excerpts, [text.split('\n')[0], text.split('\n')[2]]);
    assert.equal(await page.locator('.excerpt .hint:has-text("Mot pour mot dans le texte collé.")').count(), 2);
    const supports = (n) => page.locator(byId(`f-excerpts[${n}]`));
    await supports(0).getByRole('checkbox', { name: 'Date' }).check();
    await supports(0).getByRole('checkbox', { name: 'Lieu' }).check();
    await supports(0).getByRole('checkbox', { name: 'Organisateur' }).check();
    await supports(1).getByRole('checkbox', { name: 'Inscription' }).check();
    // A wrong link, said at its field as it is typed, then taken away.
    await page.fill(byId('i-agreements'), 'ag-inconnu');
    await page.click(`${byId('f-agreements')} button:has-text("Ajouter")`);
    assert.match(await checked(page), /1 problème à corriger/);
    assert.match(await page.textContent(byId('e-agreements')), /ag-inconnu/);
    await page.click(`${byId('f-agreements')} button:has-text("Retirer")`);
    assert.match(await checked(page), /Aucun problème/);
    await page.click('#apply-record');
    await page.waitForSelector('#record-form', { state: 'detached' });
    assert.match(await page.textContent('#read-status'), /Fiche « ev-2024-05-16-forum-emploi-ess » enregistrée dans le fichier/);
    assert.match(await page.textContent('#publish'), /Le fichier contient vos changements/);
    // The preview shows it, worded by the site.
    const frame = await preview(page);
    const card = frame.locator('#live #results > li[data-id="ev-2024-05-16-forum-emploi-ess"]');
    await card.waitFor();
    assert.match(await card.textContent(), /16 mai 2024/);
    // Downloaded: the command-line validator and ajv pass it.
    const file = await download(page, '#download-json', 'passerelles.json');
    const data = assertValid(file);
    const event = data.events.find((e) => e.id === 'ev-2024-05-16-forum-emploi-ess');
    assert.deepEqual(event.excerpts.map((e) => e.text), excerpts);
    assert.deepEqual(event.excerpts.map((e) => e.supports), [['date', 'place', 'organiser'], ['registration']]);
    assert.deepEqual(event.date, { value: '2024-05-16', text: 'le jeudi 16 mai 2024' });
    assert.equal(data.events.length, JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json'), 'utf8')).events.length + 1);
    // The workbook of the same data, written in the browser, reads back to it.
    const xlsx = await download(page, '#download-xlsx', 'passerelles.xlsx');
    const back = path.join(work, 'retour.json');
    run('workbook', ['import', xlsx, '--out', back]);
    assert.equal(fs.readFileSync(back, 'utf8'), fs.readFileSync(file, 'utf8'));
  }, { timeout: 120_000 });

  scenario('the README’s walkthrough: the CPME Réunion agreement from its press release', async (page) => {
    if (!fs.existsSync(SEED)) {
      // The five source documents are beside the clone on CI (see the Makefile).
      console.log(`SKIPPED: ${SEED} is not there`);
      return;
    }
    const release = fs.readFileSync(SEED, 'utf8');
    await page.setViewportSize({ width: 1100, height: 900 });
    await openEditor(page);
    await drop(page, path.join(work, 'passerelles.json'));
    await shot(page, '1-ouvrir', '#open');
    await page.click('#new-agreement');
    await page.waitForSelector('#record-form');
    await page.fill('#source-text', release);
    const first = release.split('\n')[0];
    await selectPassage(page, first);
    await page.click('#add-excerpt');
    const preamble = 'Cet accord est le préambule d’une coopération qui doit permettre de jeter des ponts entre deux univers : celui de l’insertion par l’activité économique et celui des entreprises du secteur marchand.';
    await selectPassage(page, preamble);
    await page.click('#add-excerpt');
    for (const field of ['Parties', 'Nature', 'Date', 'Lieu']) await page.locator(byId('f-excerpts[0]')).getByRole('checkbox', { name: field, exact: true }).check();
    await page.locator(byId('f-excerpts[1]')).getByRole('checkbox', { name: 'Description', exact: true }).check();
    await shot(page, '2-extraits', byId('f-excerpts'));
    await page.fill('#i-title', 'Convention de partenariat entre la CPME Réunion et l’URSIAE Réunion-Mayotte');
    await page.fill('#i-kind', 'convention de partenariat');
    await page.fill(byId('i-parties[0].name'), 'Confédération des Petites et Moyennes Entreprises de La Réunion');
    await page.fill(byId('i-parties[0].acronym'), 'CPME Réunion');
    await page.click(`${byId('f-parties')} > button:has-text("Ajouter")`);
    await page.fill(byId('i-parties[1].name'), 'Union Régionale des Structures d’Insertion par l’Activité Economique Réunion-Mayotte');
    await page.fill(byId('i-parties[1].acronym'), 'URSIAE Réunion-Mayotte');
    await page.check(byId('i-date-kind-day'));
    await page.fill(byId('i-date.value'), '2019-11-21');
    await page.fill(byId('i-date.text'), 'ce jeudi 21 novembre 2019');
    await page.fill(byId('i-place.commune'), 'Saint-André');
    await page.selectOption(byId('i-place.region'), '04');
    await page.getByRole('checkbox', { name: 'La Réunion (04)' }).check();
    for (const theme of [/^Insertion et IAE/, /^Emploi et recrutement/, /^Achats publics/]) await page.getByRole('checkbox', { name: theme }).check();
    await page.fill(byId('i-source.file'), '002_e704c5521d98031d.txt');
    await page.click('#suggest-id');
    await page.fill('#i-id', CPME);
    await checked(page);
    await shot(page, '3-date', byId('f-date'));
    // A mistake on the way: an interval without the notes of its bounds.
    await page.check(byId('i-date-kind-interval'));
    await page.selectOption(byId('i-date.value'), 'open');
    await page.selectOption(byId('i-date.end-kind'), 'day');
    await page.fill(byId('i-date.end'), '2019-11-21');
    assert.match(await checked(page), /problème/);
    await shot(page, '4-verification', '.form-end');
    await page.check(byId('i-date-kind-day'));
    await page.fill(byId('i-date.value'), '2019-11-21');
    assert.match(await checked(page), /Aucun problème/);
    await page.click('#apply-record');
    await page.waitForSelector('#record-form', { state: 'detached' });
    const frame = await preview(page);
    await frame.locator('#map [data-region="04"]').click();
    await frame.locator(`#live #results > li[data-id="${CPME}"]`).waitFor();
    // What the screen shows: the banner, then the site with the record.
    await page.$eval('#preview-banner', (e) => e.scrollIntoView());
    await shot(page, '5-apercu');
    const file = await download(page, '#download-json', 'passerelles.json');
    const data = assertValid(file);
    const added = data.agreements.find((a) => a.id === CPME);
    assert.equal(added.date.value, '2019-11-21');
    assert.deepEqual(added.excerpts.map((e) => e.text), [first, preamble]);
    for (const e of added.excerpts) assert.ok(release.includes(e.text), 'verbatim');
    await shot(page, '6-publier', '#publish');
  }, { timeout: 120_000 });

  scenario('in English: its words, its refusals, its preview', async (page) => {
    await openEditor(page, 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Edit the data');
    let outcome = await pick(page, path.join(FIXTURES, 'mot-de-passe.xlsx'));
    assert.match(outcome.alert, /“mot-de-passe\.xlsx” is protected by a password/);
    outcome = await pick(page, path.join(work, 'enorme.json'));
    assert.match(outcome.alert, /“enorme\.json” is 50\.0 MB: the page reads 25 MB at most/);
    outcome = await pick(page, path.join(FIXTURES, 'plusieurs-erreurs.xlsx'));
    assert.match(outcome.status, /“plusieurs-erreurs\.xlsx” read: 10 records to show/);
    assert.ok((await problemsListed(page)).some((p) => p.place === 'Sheet Événements, row 8, column “date”'));
    assert.match(await page.textContent('#problems'), /The checks' messages are in French/);
    const frame = await preview(page);
    assert.equal(await frame.locator('html').getAttribute('lang'), 'en');
    assert.match(await frame.locator('#live #results').textContent(), /November 2019/);
    await page.click('#new-agreement');
    await page.waitForSelector('#record-form');
    assert.equal(await page.textContent(`label[for="i-title"]`), 'Title * (required)');
    await assertAccessible(page, 'the English editors’ page', { exclude: '#preview-frame' });
  });

  scenario('the keyboard, a phone, the dark scheme: every control reached, nothing wider than the screen, axe clean', async (page) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await openEditor(page);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, 'rgb(22, 25, 29)', 'the dark scheme');
    // The keyboard: Tab to "Partir des données du site", Enter.
    const reach = async (id) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement.id)) === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await reach('file-input');
    await reach('open-site');
    await page.keyboard.press('Enter');
    await readEnd(page);
    await reach('new-agreement');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#record-form');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ag-2020-clavier');
    assert.equal(await page.inputValue('#i-id'), 'ag-2020-clavier');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `the page is ${wide} px wide on a 360 px screen`);
    await assertAccessible(page, 'the editors’ page on a phone, dark', { exclude: '#preview-frame' });
  });

  scenario('visitors pay nothing: the site links to the page discreetly and fetches none of it', async (page) => {
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${served.server.url}/`);
    await page.waitForSelector('#live #results > li');
    await page.waitForSelector('#map [data-region]');
    const link = page.locator('.site-footer a[href="editer/"]');
    assert.equal(await link.textContent(), 'Éditer les données');
    assert.ok(!asked.some((p) => /editor|editer/.test(p)), asked.join(' '));
    await page.goto(`${served.server.url}/en/`);
    await page.waitForSelector('#live #results > li');
    assert.equal(await page.locator('.site-footer a[href="en/editer/"]').textContent(), 'Edit the data');
    await page.click('.site-footer a[href="en/editer/"]');
    await page.waitForSelector('#live #open');
    assert.equal(await page.textContent('h1'), 'Edit the data');
    // Not in the robots' way, not indexed, not in a sitemap.
    assert.ok(!fs.existsSync(path.join(DIST, 'sitemap.xml')) || !/editer/.test(fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8')));
    // The preview's page opened on its own has nothing to show: to the editors' page.
    await page.goto(`${served.server.url}/editer/apercu/`);
    await page.waitForURL(/\/editer\/$/);
    await page.waitForSelector('#live #open');
  });

  test('no inline style attribute in the editors’ sources (the strict CSP)', () => {
    for (const dir of ['crates/editor/src/ui', 'crates/build/src/site']) {
      for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.rs'))) {
        const text = fs.readFileSync(path.join(ROOT, dir, f), 'utf8');
        assert.doesNotMatch(text, /\sstyle=\{|\sstyle="|set_attribute\("style"/, `${dir}/${f}`);
      }
    }
  });
}, {
  prefix: 'editors-',
  requires: ['editer/index.html', 'en/editer/index.html', 'editer/apercu/index.html', 'editor_work_bg.wasm'],
  prepare,
  init: REPORT_VIOLATIONS,
  server: () => ({ headers: distHeaders() }),
});
