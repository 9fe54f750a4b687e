// Taking the results away (issue 12): each export downloaded after
// filtering and read back by a real parser (csv-parse, ical.js, ajv against
// data/schema.json, @xmldom/xmldom for the Atom feed), its rows the list's
// count and order; hostile text (tests/export/hostile.json, packed here with
// target/debug/pack) that survives every format; an event in each of the six
// time zones; the feeds written at build time; the print style; and the
// downloads of a sandboxed embed in a partner's page.
// Needs the pack binary (`make test` builds it first).
// Run after `trunk build --release`: node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import Ajv from 'ajv';
import { DOMParser } from '@xmldom/xmldom';
import { ROOT, DIST, suite } from './harness.mjs';

const CORS = { 'Access-Control-Allow-Origin': '*' };
const PUBLIC = 'https://example.org/outils/passerelles/';
const PACK = path.join(ROOT, 'target', 'debug', 'pack');
const FIXTURE = path.join(ROOT, 'tests', 'export', 'hostile.json');
const hostile = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const byId = new Map([...hostile.agreements, ...hostile.events].map((r) => [r.id, r]));

let work; // the packs made here, served under /gen/

/** The ids of the cards, in the list's order, once the count and the list agree. */
async function shownIds(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('#result-count');
    const n = Number((el?.textContent.replace(/[\s\u202f]/g, '').match(/\d+/) || [-1])[0]);
    return n === document.querySelectorAll('#results > li').length;
  });
  return page.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-id')));
}

/** Clicks `selector` (in `frame`, default the page) and resolves to the file it downloads. */
async function download(page, selector, frame = page) {
  const [file] = await Promise.all([page.waitForEvent('download'), frame.click(selector)]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

const status = (frame) => frame.waitForFunction(() => {
  const t = document.querySelector('#export-status')?.textContent ?? '';
  return t && !t.endsWith('…') ? t : null;
}).then((h) => h.jsonValue());

function csvRows(text) {
  return parseCsv(text, { delimiter: ';', bom: true, columns: true, relax_column_count: false });
}

/** The VEVENTs of a calendar, its time zones registered first so times resolve. */
function calendar(text) {
  const root = new ICAL.Component(ICAL.parse(text));
  assert.equal(root.name, 'vcalendar');
  const zones = root.getAllSubcomponents('vtimezone');
  for (const z of zones) ICAL.TimezoneService.register(z);
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { root, zones: zones.map((z) => z.getFirstPropertyValue('tzid')), events };
}

function schemaCheck() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'schema.json'), 'utf8')));
}

/** Packs the hostile fixture (and a stale build of it) for /gen/. */
function prepare(served) {
  assert.ok(fs.existsSync(PACK), 'the pack tool is not built: run `cargo build --bin pack` (make test does)');
  work = served.temp('export');
  const env = { ...process.env };
  delete env.PASSERELLES_PUBLIC_URL;
  const pack = (json, out, extra = {}) =>
    execFileSync(PACK, [json, '--out', path.join(work, out)], { stdio: 'pipe', env: { ...env, ...extra } });
  pack(FIXTURE, 'hostile.pack');
  pack(FIXTURE, 'public/hostile.pack', { PASSERELLES_PUBLIC_URL: PUBLIC });
  fs.copyFileSync(FIXTURE, path.join(work, 'hostile.json'));
  // A rebuilt site whose exports files a stale cache serves from the build before.
  const edited = structuredClone(hostile);
  edited.events[0].title += ' (révisé)';
  fs.writeFileSync(path.join(work, 'edited.json'), JSON.stringify(edited));
  pack(path.join(work, 'edited.json'), 'stale.pack');
  for (const name of fs.readdirSync(path.join(work, 'stale.pack.d')).filter((f) => f.startsWith('exports-'))) {
    const old = fs.readdirSync(path.join(work, 'hostile.pack.d')).find((f) => f.startsWith(name.slice(0, name.lastIndexOf('-'))));
    fs.copyFileSync(path.join(work, 'hostile.pack.d', old), path.join(work, 'stale.pack.d', name));
  }
}

const served = suite('export: CSV, JSON, iCalendar, feeds, print, embed', (scenario) => {
  scenario('CSV of a filtered list: its rows, in its order, named after the filters', async (page) => {
    await page.goto(`${served.server.url}/?theme=insertion&region=04&from=2019&to=2019`);
    const ids = await shownIds(page);
    assert.ok(ids.length > 0);
    const file = await download(page, '[data-export="csv"]');
    assert.equal(file.name, 'passerelles-insertion-la-reunion-2019.csv');
    assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
    assert.match(file.text, /\r\n$/);
    const rows = csvRows(file.text);
    assert.equal(rows.length, ids.length);
    assert.deepEqual(rows.map((r) => r.Identifiant), ids);
    assert.match(await status(page), new RegExp(`${ids.length} fiches?`));
    assert.equal(rows[0]['Date (ISO 8601)'], '2019-11-21');
    // Relative, or under the public address when the build was given one.
    assert.ok(rows[0]['Adresse de la fiche'].endsWith(`fiches/${rows[0].Identifiant}/`));

    // Another order, the same rows in that order.
    await page.goto(`${served.server.url}/?sort=title`);
    const byTitle = await shownIds(page);
    const all = csvRows((await download(page, '[data-export="csv"]')).text);
    assert.deepEqual(all.map((r) => r.Identifiant), byTitle);
  });

  scenario('CSV: quotes, semicolons and line breaks survive; formulas are neutralised', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/hostile.pack`);
    const ids = await shownIds(page);
    const file = await download(page, '[data-export="csv"]');
    assert.equal(file.name, 'passerelles.csv');
    const rows = csvRows(file.text);
    assert.deepEqual(rows.map((r) => r.Identifiant), ids);
    const row = (id) => rows.find((r) => r.Identifiant === id);
    const h = row('ag-2020-hostile');
    assert.equal(h.Titre, byId.get('ag-2020-hostile').title, 'the title with ; " and a line break, whole');
    assert.match(h.Titre, /;.*"citation".*\n/s);
    assert.equal(h['Parties ou organisateur'], "'=cmd|' /C calc'!A0 (CMD), Union ; des \"employeurs\"");
    assert.equal(row('ag-2021-formules').Titre, `'${byId.get('ag-2021-formules').title}`);
    assert.equal(row('ag-2021-formules')['Parties ou organisateur'], "'+33 Organisation (@ORG), -moins");
    assert.equal(row('ev-2020-03-20-journee')['Parties ou organisateur'], byId.get('ev-2020-03-20-journee').organiser);
    for (const r of rows) {
      for (const [column, value] of Object.entries(r)) {
        assert.doesNotMatch(value, /^[=+\-@\t\r]/, `${r.Identifiant} ${column} would run as a formula`);
      }
    }
    assert.equal(row('ev-2020-04-mois')['Précision de la date'], 'mois');
    assert.equal(row('ev-sans-date')['Date (ISO 8601)'], '');

    // With the site's public address, the record's address is absolute.
    await page.goto(`${served.server.url}/?data=gen/public/hostile.pack`);
    await shownIds(page);
    const pub = csvRows((await download(page, '[data-export="csv"]')).text);
    assert.equal(pub.find((r) => r.Identifiant === 'ag-2020-hostile')['Adresse de la fiche'], `${PUBLIC}fiches/ag-2020-hostile/`);
  });

  scenario('JSON: the data file\'s shape, valid against the schema, the records as they were', async (page) => {
    const valid = schemaCheck();
    await page.goto(`${served.server.url}/?theme=insertion`);
    const ids = await shownIds(page);
    const file = await download(page, '[data-export="json"]');
    assert.equal(file.name, 'passerelles-insertion.json');
    const data = JSON.parse(file.text);
    assert.ok(valid(data), JSON.stringify(valid.errors, null, 2));
    const exported = [...data.agreements, ...data.events].map((r) => r.id);
    assert.equal(exported.length, ids.length);
    // Agreements, then events, each in the list's order.
    const kind = new Map([...data.agreements.map((r) => [r.id, 'a']), ...data.events.map((r) => [r.id, 'e'])]);
    assert.deepEqual(data.agreements.map((r) => r.id), ids.filter((id) => kind.get(id) === 'a'));
    assert.deepEqual(data.events.map((r) => r.id), ids.filter((id) => kind.get(id) === 'e'));
    const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json'), 'utf8'));
    assert.deepEqual(data.themes, shipped.themes);
    assert.deepEqual(data.regions, shipped.regions);

    await page.goto(`${served.server.url}/?data=gen/hostile.pack`);
    await shownIds(page);
    const back = JSON.parse((await download(page, '[data-export="json"]')).text);
    assert.ok(valid(back), JSON.stringify(valid.errors, null, 2));
    for (const r of [...back.agreements, ...back.events]) assert.deepEqual(r, byId.get(r.id), r.id);
    assert.equal(back.agreements.length + back.events.length, byId.size);
  });

  scenario('iCalendar of the shipped events: day-dated ones, stable UIDs, the rest counted', async (page) => {
    await page.goto(`${served.server.url}/?type=event`);
    const ids = await shownIds(page);
    const file = await download(page, '[data-export="ics"]');
    assert.equal(file.name, 'passerelles-evenements.ics');
    const cal = calendar(file.text);
    const left = ['ev-2015-11-mois-ess-idf', 'ev-2015-rencontre-structures-iae'];
    assert.deepEqual(cal.events.map((e) => e.uid), ids.filter((id) => !left.includes(id)).map((id) => `${id}@passerelles`));
    assert.match(await status(page), /Agenda téléchargé : 5 événements\. 2 événements laissés de côté, faute de jour connu : 1 daté seulement au mois, 1 daté seulement entre deux bornes\./);
    assert.deepEqual(cal.zones, ['Europe/Paris']);
    const seminar = cal.events.find((e) => e.uid.startsWith('ev-2015-11-17-seminaire-iae-paris'));
    assert.equal(seminar.startDate.zone.tzid, 'Europe/Paris');
    assert.equal(seminar.startDate.toJSDate().toISOString(), '2015-11-17T08:00:00.000Z');
    assert.equal(seminar.endDate.toJSDate().toISOString(), '2015-11-17T12:00:00.000Z');
    const reunion = cal.events.find((e) => e.uid.startsWith('ev-2019-11-21'));
    assert.equal(reunion.startDate.isDate, true, 'all day');
    assert.equal(reunion.startDate.toString(), '2019-11-21');
    assert.equal(reunion.endDate.toString(), '2019-11-22');
    assert.equal(reunion.location, 'Saint-André');
    assert.deepEqual(reunion.component.getFirstProperty('categories').getValues(), ['Insertion et IAE']);

    // Only agreements: nothing to put in a calendar, and no file.
    await page.goto(`${served.server.url}/?type=agreement`);
    await shownIds(page);
    let downloaded = false;
    page.once('download', () => (downloaded = true));
    await page.click('[data-export="ics"]');
    assert.match(await status(page), /rien à mettre dans un agenda/);
    assert.equal(downloaded, false);
  });

  scenario('iCalendar: each place in its own time zone, text escaped, lines folded', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/public/hostile.pack&sort=oldest`);
    await shownIds(page);
    const file = await download(page, '[data-export="ics"]');
    for (const line of file.text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, `a line of ${Buffer.byteLength(line)} octets: ${line}`);
    }
    assert.doesNotMatch(file.text.replace(/\r\n/g, ''), /[\r\n]/, 'CRLF only');
    const cal = calendar(file.text);
    assert.deepEqual([...cal.zones].sort(), [
      'America/Cayenne', 'America/Guadeloupe', 'America/Martinique', 'Europe/Paris', 'Indian/Mayotte', 'Indian/Reunion',
    ]);
    const at = (id) => cal.events.find((e) => e.uid === `${id}@passerelles`);
    const expect = {
      'ev-2020-06-01-paris': ['Europe/Paris', '2020-06-01T08:00:00.000Z', '2020-06-01T10:30:00.000Z'],
      'ev-2020-01-15-reunion': ['Indian/Reunion', '2020-01-15T05:00:00.000Z', '2020-01-15T07:00:00.000Z'],
      'ev-2020-02-10-guadeloupe': ['America/Guadeloupe', '2020-02-10T18:00:00.000Z', null],
      'ev-2020-02-11-martinique': ['America/Martinique', '2020-02-11T12:30:00.000Z', '2020-02-11T14:00:00.000Z'],
      'ev-2020-02-12-guyane': ['America/Cayenne', '2020-02-12T19:00:00.000Z', '2020-02-12T21:00:00.000Z'],
      'ev-2020-02-13-mayotte': ['Indian/Mayotte', '2020-02-13T06:00:00.000Z', null],
      // A late evening, in winter time.
      'ev-2020-12-31-nuit': ['Europe/Paris', '2020-12-31T21:00:00.000Z', '2020-12-31T22:45:00.000Z'],
    };
    for (const [id, [tzid, start, end]] of Object.entries(expect)) {
      const e = at(id);
      assert.ok(e, id);
      assert.equal(e.startDate.zone.tzid, tzid, id);
      assert.equal(e.startDate.toJSDate().toISOString(), start, id);
      if (end) assert.equal(e.endDate.toJSDate().toISOString(), end, id);
      else assert.equal(e.component.getFirstProperty('dtend'), null, `${id}: no end made up`);
      assert.equal(e.summary, byId.get(id).title);
      assert.equal(e.component.getFirstPropertyValue('url'), `${PUBLIC}fiches/${id}/`);
    }
    const paris = at('ev-2020-06-01-paris');
    assert.match(paris.description, /Virgules, points-virgules ; barre oblique inverse \\ et\nun retour à la ligne\./);
    assert.match(paris.description, /\nInscription : Inscription ; en ligne, avant le 25 mai https:\/\/example\.org\/inscription\?atelier=paris&annee=2020$/);
    const day = at('ev-2020-03-20-journee');
    assert.equal(day.summary, byId.get('ev-2020-03-20-journee').title, 'a long title, folded and unfolded whole');
    assert.equal(day.startDate.isDate, true);
    assert.match(day.description, /Collectif ; « Égalité » & co/);
    assert.deepEqual(day.component.getFirstProperty('categories').getValues(),
      ['Insertion et IAE', 'Achats publics et clauses sociales', "Développement de l'ESS"]);
    assert.equal(cal.events.length, 8);
    for (const id of ['ev-2020-04-mois', 'ev-2020-annee', 'ev-sans-date', 'ag-2020-hostile']) assert.equal(at(id), undefined, id);
    assert.match(await status(page), /3 événements laissés de côté, faute de jour connu : 1 daté seulement au mois, 1 daté seulement à l'année, 1 sans date\./);

    // Without the public address: no URL, which iCalendar wants absolute.
    await page.goto(`${served.server.url}/?data=gen/hostile.pack&region=04`);
    await shownIds(page);
    const relative = calendar((await download(page, '[data-export="ics"]')).text);
    assert.deepEqual(relative.zones, ['Indian/Reunion'], 'only the zones the events need');
    assert.equal(relative.events.length, 1);
    assert.equal(relative.events[0].component.getFirstProperty('url'), null);
  });

  scenario('"Ajouter à mon agenda": one event, on the detail of a day-dated event only', async (page) => {
    await page.goto(`${served.server.url}/?id=ev-2015-11-17-seminaire-iae-paris`);
    await page.waitForSelector('#detail .excerpt');
    const file = await download(page, '[data-export="ics-event"]');
    assert.equal(file.name, 'passerelles-ev-2015-11-17-seminaire-iae-paris.ics');
    const cal = calendar(file.text);
    assert.equal(cal.events.length, 1);
    assert.equal(cal.events[0].uid, 'ev-2015-11-17-seminaire-iae-paris@passerelles');
    assert.equal(cal.events[0].startDate.toJSDate().toISOString(), '2015-11-17T08:00:00.000Z');
    assert.match(await status(page), /1 événement/);
    for (const id of ['ev-2015-11-mois-ess-idf', 'ev-2015-rencontre-structures-iae', 'ag-2019-cpme-reunion-ursiae']) {
      await page.goto(`${served.server.url}/?id=${id}`);
      await page.waitForSelector('#detail .excerpt');
      assert.equal(await page.locator('[data-export]').count(), 0, id);
    }
  });

  scenario('exports files are fetched only when asked for, once each', async (page) => {
    const seen = [];
    page.on('request', (r) => seen.push(new URL(r.url()).pathname));
    await page.goto(`${served.server.url}/`);
    await shownIds(page);
    assert.deepEqual(seen.filter((p) => p.includes('/exports-')), [], 'none on a first visit');
    await download(page, '[data-export="csv"]');
    await download(page, '[data-export="csv"]');
    await page.click('#theme-insertion');
    await shownIds(page);
    await download(page, '[data-export="csv"]');
    await download(page, '[data-export="json"]');
    const fetched = seen.filter((p) => p.includes('/exports-'));
    assert.equal(fetched.length, 2, fetched.join(' '));
    assert.match(fetched[0], /^\/data\/passerelles\.pack\.d\/exports-csv-[0-9a-f]{16}\.pack$/);
    assert.match(fetched[1], /^\/data\/passerelles\.pack\.d\/exports-json-[0-9a-f]{16}\.pack$/);
  });

  scenario('an editor\'s JSON file exports too (its pack holds the exports inline)', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/hostile.json&type=agreement`);
    const ids = await shownIds(page);
    const rows = csvRows((await download(page, '[data-export="csv"]')).text);
    assert.deepEqual(rows.map((r) => r.Identifiant), ids);
    assert.equal(rows[0].Titre.length > 0, true);
  });

  scenario('exports of another build are refused with a reload message, never another record\'s text', async (page) => {
    await page.goto(`${served.server.url}/?data=gen/stale.pack`);
    await shownIds(page);
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.click('[data-export="csv"]');
    assert.match(await status(page), /ne correspond plus aux données de la page.*Rechargez la page/);
    assert.equal(downloaded, false);
  });

  test('the feeds: every event in iCalendar, per theme and region, every record in Atom, listed in the README', () => {
    const feeds = path.join(DIST, 'feeds');
    const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'passerelles.json'), 'utf8'));
    const all = calendar(fs.readFileSync(path.join(feeds, 'evenements.ics'), 'utf8'));
    const dayDated = shipped.events.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date.value ?? ''));
    assert.deepEqual(all.events.map((e) => e.uid).sort(), dayDated.map((e) => `${e.id}@passerelles`).sort());
    assert.equal(all.root.getFirstPropertyValue('x-wr-calname'), 'Passerelles : tous les événements');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const files = fs.readdirSync(feeds);
    // A calendar and an Atom feed of everything, and of each theme and region.
    assert.equal(files.length, 2 * (1 + shipped.themes.length + shipped.regions.length), files.join(' '));
    for (const f of files) {
      assert.ok(readme.includes(f), `README lists feeds/${f}`);
      if (f.endsWith('.ics')) {
        const cal = calendar(fs.readFileSync(path.join(feeds, f), 'utf8'));
        assert.ok(cal.zones.length + cal.events.length > 0, `${f} holds a component`);
      }
    }
    const reunion = calendar(fs.readFileSync(path.join(feeds, 'evenements-region-la-reunion.ics'), 'utf8'));
    assert.deepEqual(reunion.events.map((e) => e.uid), ['ev-2019-11-21-journee-regionale-iae-reunion@passerelles']);
    const insertion = calendar(fs.readFileSync(path.join(feeds, 'evenements-theme-insertion.ics'), 'utf8'));
    assert.deepEqual(insertion.events.map((e) => e.uid).sort(),
      dayDated.filter((e) => e.themes.includes('insertion')).map((e) => `${e.id}@passerelles`).sort());

    const errors = [];
    const atom = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) })
      .parseFromString(fs.readFileSync(path.join(feeds, 'fiches.atom'), 'utf8'), 'application/xml');
    assert.deepEqual(errors, [], 'well-formed');
    const feed = atom.documentElement;
    assert.equal(feed.namespaceURI, 'http://www.w3.org/2005/Atom');
    const entries = Array.from(feed.getElementsByTagName('entry'));
    const text = (el, name) => el.getElementsByTagName(name)[0].textContent;
    const hrefs = entries.map((e) => e.getElementsByTagName('link')[0].getAttribute('href'));
    // `../fiches/<id>/`, or under the public address if the build had one.
    assert.deepEqual(hrefs.map((h) => h.match(/^(?:\.\.\/|https?:\/\/.+\/)fiches\/([^/]+)\/$/)[1]).sort(),
      [...shipped.agreements, ...shipped.events].map((r) => r.id).sort(), 'every record');
    const updated = entries.map((e) => text(e, 'updated'));
    assert.deepEqual(updated, [...updated].sort().reverse(), 'newest first');
    assert.equal(text(feed, 'updated'), updated[0]);
    for (const e of entries) {
      assert.match(text(e, 'id'), /^(urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|https?:\/\/.+\/fiches\/[^/]+\/)$/);
    }
    assert.equal(new Set(entries.map((e) => text(e, 'id'))).size, entries.length);
  });

  scenario('the page advertises its feeds', async (page) => {
    await page.goto(`${served.server.url}/`);
    await shownIds(page);
    const links = await page.$$eval('link[rel="alternate"]:not([hreflang])', (ls) => ls.map((l) => [l.type, l.getAttribute('href')]));
    assert.deepEqual(links, [['text/calendar', 'feeds/evenements.ics'], ['application/atom+xml', 'feeds/fiches.atom']]);
    for (const [, href] of links) {
      const answer = await page.evaluate((href) => fetch(href).then((r) => r.status), href);
      assert.equal(answer, 200, href);
    }
  });

  scenario('printed: no panel or buttons, the filters at the top, link targets written out', async (page) => {
    await page.goto(`${served.server.url}/?theme=insertion&region=11&scheme=dark`);
    await shownIds(page);
    // Linked once the app has drawn, never before the first paint.
    const printSheet = () => [...document.styleSheets].some((s) => s.href?.endsWith('/print.css') && s.media.mediaText === 'print');
    await page.waitForFunction(printSheet);
    await page.emulateMedia({ media: 'print' });
    const list = await page.evaluate(() => {
      const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      const filters = document.querySelector('#active-filters');
      return {
        panel: shown(document.querySelector('.panel')),
        // The active-filter chips are buttons on screen, plain text on paper.
        buttons: [...document.querySelectorAll('button:not(.chip-remove), select, input')].filter(shown).map((b) => b.outerHTML.slice(0, 60)),
        chips: [...document.querySelectorAll('.chip-remove')].map((b) => getComputedStyle(b).borderStyle + getComputedStyle(b).backgroundColor),
        exports: shown(document.querySelector('.export')),
        filters: shown(filters) ? getComputedStyle(filters, '::before').content + filters.innerText : null,
        cards: [...document.querySelectorAll('#results > li')].filter(shown).length,
        breaks: getComputedStyle(document.querySelector('#results > li')).breakInside,
        scheme: getComputedStyle(document.documentElement).colorScheme,
        ink: getComputedStyle(document.body).color,
      };
    });
    assert.equal(list.panel, false, 'no panel');
    assert.deepEqual(list.buttons, [], 'no buttons or fields');
    assert.equal(list.exports, false);
    assert.match(list.filters ?? '', /Filtres actifs : .*Thème : Insertion et IAE.*Territoire : Île-de-France/s);
    assert.doesNotMatch(list.filters, /✕/);
    for (const c of list.chips) assert.equal(c, 'nonergba(0, 0, 0, 0)', 'a chip prints as text');
    assert.ok(list.cards > 0);
    assert.equal(list.breaks, 'avoid');
    assert.equal(list.scheme, 'light', 'printed in light colours, whatever the scheme');
    assert.equal(list.ink, 'rgb(27, 31, 36)');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000 && pdf.subarray(0, 5).toString() === '%PDF-');

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${served.server.url}/?data=gen/hostile.pack&id=ev-2020-06-01-paris`);
    await page.waitForSelector('#detail .excerpt');
    await page.waitForFunction(printSheet);
    await page.emulateMedia({ media: 'print' });
    const detail = await page.evaluate(() => {
      const link = document.querySelector('#detail a[href^="http"]');
      return {
        back: getComputedStyle(document.querySelector('#back')).display,
        href: link?.getAttribute('href'),
        after: link ? getComputedStyle(link, '::after').content : null,
        excerpt: getComputedStyle(document.querySelector('.excerpt')).breakInside,
      };
    });
    assert.equal(detail.back, 'none');
    assert.ok(detail.href, 'the record cites a web address');
    assert.equal(detail.after, `" (${detail.href})"`);
    assert.equal(detail.excerpt, 'avoid');
  });

  /** A partner's page framing the app with this sandbox. */
  function partnerPage(name, sandbox, query) {
    fs.writeFileSync(path.join(served.partner.root, name), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title><link rel="icon" href="data:,"></head>
<body><h1>Réseau partenaire</h1>
<iframe id="pf" src="${served.server.url}/${query}" title="Passerelles" width="100%" height="700" data-passerelles sandbox="${sandbox}"></iframe>
<script src="${served.server.url}/embed.js" async></script></body></html>`);
    return `${served.partner.url}/${name}`;
  }

  scenario('in a sandboxed embed with the snippet\'s allow-downloads, exports download', async (page) => {
    // The dialog's own snippet, as a partner copies it.
    await page.goto(`${served.server.url}/?theme=insertion`);
    await shownIds(page);
    await page.click('#embed-open');
    const snippet = await page.inputValue('#embed-code');
    const sandbox = snippet.match(/sandbox="([^"]*)"/)[1];
    assert.equal(sandbox, 'allow-scripts allow-popups allow-downloads');
    // Let the dialog's live preview finish loading before leaving the page.
    const preview = await (await page.waitForSelector('#embed-preview')).contentFrame();
    await preview.waitForSelector('#results > li');

    await page.goto(partnerPage('with-downloads.html', sandbox, '?embed=1&lock_theme=insertion&region=04'));
    const frame = await (await page.waitForSelector('#pf')).contentFrame();
    const ids = await shownIds(frame);
    const file = await download(page, '[data-export="csv"]', frame);
    assert.equal(file.name, 'passerelles-insertion-la-reunion.csv');
    assert.deepEqual(csvRows(file.text).map((r) => r.Identifiant), ids);
    const ics = await download(page, '[data-export="ics"]', frame);
    assert.equal(calendar(ics.text).events.length, 1);
    assert.match(await status(frame), /plein écran/);
  });

  scenario('in an embed pasted without allow-downloads, nothing downloads and the app says where to go', async (page) => {
    await page.goto(partnerPage('without-downloads.html', 'allow-scripts allow-popups', '?embed=1&theme=jeunes'));
    const frame = await (await page.waitForSelector('#pf')).contentFrame();
    await shownIds(frame);
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await frame.click('[data-export="csv"]');
    assert.match(await status(frame), /Si rien ne se télécharge.*plein écran/);
    await page.waitForTimeout(1500);
    assert.equal(downloaded, false, 'the sandbox refuses the download');
    assert.equal(await frame.locator('#fullscreen').count(), 1, 'the way out is there');
  }, { allow: ['allow-downloads'] });
}, {
  prefix: 'export-',
  prepare,
  server: () => ({ headers: CORS, mounts: { '/gen/': work } }),
  extraServers: { partner: {} },
});
