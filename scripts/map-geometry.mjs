#!/usr/bin/env node
// Derives assets/regions.map (the region map's geometry) from the IGN / INSEE
// regions GeoJSON. Run by hand only, to regenerate the committed asset:
//
//   node scripts/map-geometry.mjs [INPUT.geojson] [--svg CHECK.svg]
//
// INPUT defaults to ../shared/geo/regions-avec-outre-mer.geojson relative to
// the repository root. --svg also writes a stand-alone SVG of the result, for
// eyeballing (keep it out of the repository). See assets/regions.map.md for
// the format, the projections and the settings.
//
// Steps: project in plain JS (mainland + Corsica: Lambert-93 LCC on GRS80;
// each overseas region: a transverse Mercator centred on itself, scaled into
// its inset box), all straight into one SVG user space (y down); then
// mapshaper, with its shared-border topology, drops small islets, finds a
// label point and simplifies (weighted Visvalingam, keep-shapes); finally
// the coordinates are rounded to integers and written as relative path data.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
let mapshaper;
try {
  ({ default: mapshaper } = await import('mapshaper'));
} catch {
  console.error('map-geometry: mapshaper is missing: npm install --no-save --ignore-scripts mapshaper@0.7.70');
  process.exit(1);
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUT = resolve(ROOT, '../shared/geo/regions-avec-outre-mer.geojson');
const OUTPUT = resolve(ROOT, 'assets/regions.map');

// ---- settings (documented in assets/regions.map.md) ------------------------

const OVERSEAS = ['01', '02', '03', '04', '06']; // inset order, top to bottom
const MARGIN = 8; // around everything
const MAIN_H = 760; // height of mainland + Corsica, in user units
const BOX = 144; // side of each (square) inset box
const BOX_GAP = 10; // between inset boxes
const COL_GAP = 14; // between the inset column and the mainland
const BOX_PAD = 9; // inside a box, around its region
const ISLET_MIN_AREA = 30; // user units², islands smaller than this go
const ENCLAVE_MIN_AREA = 30; // user units², smaller enclaves merge into their host
const SIMPLIFY_INTERVAL = 1.2; // user units, weighted Visvalingam threshold

// ---- projections ------------------------------------------------------------

const RAD = Math.PI / 180;

// Lambert conformal conic, two standard parallels, on an ellipsoid, as
// Lambert-93 (EPSG:2154) defines it: GRS80, parallels 44°N and 49°N,
// central meridian 3°E, latitude of origin 46.5°N, x0 700 000 m, y0 6 600 000 m.
function lambert93() {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e = Math.sqrt(2 * f - f * f);
  const m = (p) => Math.cos(p) / Math.sqrt(1 - (e * Math.sin(p)) ** 2);
  const t = (p) =>
    Math.tan(Math.PI / 4 - p / 2) /
    ((1 - e * Math.sin(p)) / (1 + e * Math.sin(p))) ** (e / 2);
  const p1 = 49 * RAD;
  const p2 = 44 * RAD;
  const p0 = 46.5 * RAD;
  const l0 = 3 * RAD;
  const n = (Math.log(m(p1)) - Math.log(m(p2))) / (Math.log(t(p1)) - Math.log(t(p2)));
  const F = m(p1) / (n * t(p1) ** n);
  const rho0 = a * F * t(p0) ** n;
  return ([lon, lat]) => {
    const rho = a * F * t(lat * RAD) ** n;
    const th = n * (lon * RAD - l0);
    return [700000 + rho * Math.sin(th), 6600000 + rho0 - rho * Math.cos(th)];
  };
}

// Spherical transverse Mercator centred on (lon0, lat0): conformal, and at the
// size of an overseas region its distortion is far below a pixel.
function transverseMercator(lon0, lat0) {
  const p0 = lat0 * RAD;
  return ([lon, lat]) => {
    const l = (lon - lon0) * RAD;
    const p = lat * RAD;
    const b = Math.cos(p) * Math.sin(l);
    return [Math.atanh(b), Math.atan2(Math.tan(p), Math.cos(l)) - p0];
  };
}

// ---- geometry helpers ---------------------------------------------------------

const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function mapCoords(g, fn) {
  const coordinates = polygonsOf(g).map((poly) => poly.map((ring) => ring.map(fn)));
  return { type: 'MultiPolygon', coordinates };
}

function bounds(features) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const poly of polygonsOf(f.geometry))
      for (const ring of poly)
        for (const [x, y] of ring) {
          b[0] = Math.min(b[0], x);
          b[1] = Math.min(b[1], y);
          b[2] = Math.max(b[2], x);
          b[3] = Math.max(b[3], y);
        }
  return b;
}

// Affine map of projected (y up) coordinates into the user space (y down).
const place = (scale, x0, y0, ox, oy) => ([x, y]) => [ox + (x - x0) * scale, oy + (y0 - y) * scale];

// Holes and enclaves, on the projected features. A hole filled by another
// region's polygon (an enclave) is kept with that polygon if it is at least
// ENCLAVE_MIN_AREA, otherwise the enclave is merged into its host (both the
// hole and the enclave polygon go). Holes filled by nothing (water such as
// the Étang de Berre, or a foreign enclave such as Llívia) are filled.
function ringArea(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(s / 2);
}

function resolveHoles(features) {
  const key = ([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`;
  const outers = []; // { feature index, polygon index, vertex keys, area }
  features.forEach((f, fi) =>
    f.geometry.coordinates.forEach((poly, pi) =>
      outers.push({ fi, pi, keys: new Set(poly[0].map(key)), area: ringArea(poly[0]) }),
    ),
  );
  const dropPolygon = new Set();
  features.forEach((f, fi) =>
    f.geometry.coordinates.forEach((poly) => {
      const kept = [poly[0]];
      for (const hole of poly.slice(1)) {
        const hk = hole.map(key);
        const match = outers.find(
          (o) => o.fi !== fi && hk.filter((k) => o.keys.has(k)).length >= 0.8 * hk.length,
        );
        if (match && match.area >= ENCLAVE_MIN_AREA) kept.push(hole);
        else if (match) dropPolygon.add(`${match.fi}/${match.pi}`);
      }
      poly.splice(0, poly.length, ...kept);
    }),
  );
  features.forEach((f, fi) => {
    f.geometry.coordinates = f.geometry.coordinates.filter((_, pi) => !dropPolygon.has(`${fi}/${pi}`));
  });
  return features;
}

// ---- layout -----------------------------------------------------------------

function layout(source) {
  const byCode = new Map(source.features.map((f) => [String(f.properties.code), f]));
  const codes = [...byCode.keys()].sort();
  if (codes.length !== 18) throw new Error(`expected 18 regions, got ${codes.length}`);
  for (const c of OVERSEAS) if (!byCode.has(c)) throw new Error(`missing region ${c}`);

  const out = [];
  const boxes = [];
  const notes = [];

  // Overseas insets: a column of square boxes left of the mainland,
  // vertically centred on it.
  const columnH = OVERSEAS.length * BOX + (OVERSEAS.length - 1) * BOX_GAP;
  const top = MARGIN + Math.max(0, (MAIN_H - columnH) / 2);
  OVERSEAS.forEach((code, i) => {
    const f = byCode.get(code);
    const [w, s, e, n] = bounds([f]);
    const proj = transverseMercator((w + e) / 2, (s + n) / 2);
    const projected = { geometry: mapCoords(f.geometry, proj) };
    const [x0, y0, x1, y1] = bounds([projected]);
    const inner = BOX - 2 * BOX_PAD;
    const scale = Math.min(inner / (x1 - x0), inner / (y1 - y0));
    const bx = MARGIN;
    const by = Math.round(top + i * (BOX + BOX_GAP));
    const ox = bx + (BOX - (x1 - x0) * scale) / 2;
    const oy = by + (BOX - (y1 - y0) * scale) / 2;
    const fit = place(scale, x0, y1, ox, oy);
    notes.push(`${code}: TM lon0 ${((w + e) / 2).toFixed(2)} lat0 ${((s + n) / 2).toFixed(2)}, 1 unit = ${(6371 / scale).toFixed(3)} km`);
    out.push(feature(code, f, mapCoords(projected.geometry, fit)));
    boxes.push({ code, x: bx, y: by, w: BOX, h: BOX });
  });

  // Mainland and Corsica: Lambert-93, one scale.
  const l93 = lambert93();
  const mainland = codes
    .filter((c) => !OVERSEAS.includes(c))
    .map((c) => ({ code: c, f: byCode.get(c), geometry: mapCoords(byCode.get(c).geometry, l93) }));
  const [x0, y0, x1, y1] = bounds(mainland);
  const scale = MAIN_H / (y1 - y0);
  const fit = place(scale, x0, y1, MARGIN + BOX + COL_GAP, MARGIN);
  for (const m of mainland) out.push(feature(m.code, m.f, mapCoords(m.geometry, fit)));
  notes.unshift(`mainland: Lambert-93, 1 unit = ${(1 / scale / 1000).toFixed(3)} km`);

  const width = Math.ceil(MARGIN + BOX + COL_GAP + (x1 - x0) * scale + MARGIN);
  const height = Math.ceil(MARGIN + Math.max(MAIN_H, columnH) + MARGIN);
  return { features: resolveHoles(out), boxes, viewBox: [0, 0, width, height], notes };
}

const feature = (code, f, geometry) => ({
  type: 'Feature',
  properties: { code, nom: f.properties.nom },
  geometry,
});

// ---- mapshaper: islets, label points, simplification --------------------------

async function simplify(features) {
  const input = { type: 'FeatureCollection', features };
  const cmd = [
    '-i in.json',
    `-filter-islands min-area=${ISLET_MIN_AREA}`,
    '-each "lx=this.innerX, ly=this.innerY"',
    `-simplify weighted interval=${SIMPLIFY_INTERVAL} keep-shapes planar`,
    '-o out.json format=geojson precision=0.001',
  ].join(' ');
  const files = await mapshaper.applyCommands(cmd, { 'in.json': input });
  return JSON.parse(files['out.json']);
}

// ---- path data ----------------------------------------------------------------

// Integer ring without repeated, exactly collinear or closing points.
function cleanRing(ring) {
  let pts = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x), Math.round(y)];
    const q = pts[pts.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1) {
    const [a, b] = [pts[0], pts[pts.length - 1]];
    if (a[0] === b[0] && a[1] === b[1]) pts.pop();
  }
  let changed = true;
  while (changed && pts.length > 2) {
    changed = false;
    const next = [];
    for (let i = 0; i < pts.length; i++) {
      const a = next.length ? next[next.length - 1] : pts[pts.length - 1];
      const b = pts[i];
      const c = pts[(i + 1) % pts.length];
      const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
      const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
      if (cross === 0 && dot >= 0) changed = true; // b is on segment a-c (or a repeat)
      else next.push(b);
    }
    pts = next;
  }
  return pts.length >= 3 ? pts : null;
}

// Relative path data: each ring is `m` (relative to the start of the previous
// ring, or to 0,0 for the first), then implicit relative linetos, then `z`.
// Plain `l` pairs gzip better here than h/v shortcuts (measured: h/v saves
// ~4 % raw but costs ~3 % gzipped), so the data only ever uses m, z, digits,
// '-' and ' '.
function pathData(geometry) {
  let d = '';
  const num = (v) => {
    const s = String(v);
    if (s[0] !== '-' && /[0-9]$/.test(d)) d += ' ';
    d += s;
  };
  let sx = 0; // current point after z: start of the previous subpath
  let sy = 0;
  for (const poly of polygonsOf(geometry))
    for (const ring of poly) {
      const pts = cleanRing(ring);
      if (!pts) continue;
      d += 'm';
      num(pts[0][0] - sx);
      num(pts[0][1] - sy);
      for (let i = 1; i < pts.length; i++) {
        num(pts[i][0] - pts[i - 1][0]);
        num(pts[i][1] - pts[i - 1][1]);
      }
      d += 'z';
      [sx, sy] = pts[0];
    }
  return d;
}

// ---- check rendering ------------------------------------------------------------

function checkSvg(text) {
  const lines = text.trim().split('\n');
  const vb = lines[0].split(' ').slice(1).join(' ');
  const body = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith('box ')) {
      const [, code, x, y, w, h] = line.split(' ');
      body.push(`<rect data-code="${code}" x="${x}" y="${y}" width="${w}" height="${h}" fill="#eef4f8" stroke="#789" stroke-width="1"/>`);
    } else {
      const [code, lx, ly, d] = line.split('\t');
      const hue = (parseInt(code, 10) * 47) % 360;
      body.push(`<path d="${d}" fill="hsl(${hue} 45% 78%)" stroke="#333" stroke-width="0.8" stroke-linejoin="round"/>`);
      body.push(`<circle cx="${lx}" cy="${ly}" r="2.5" fill="#000"/><text x="${lx}" y="${+ly - 5}" font-size="15" font-family="sans-serif" text-anchor="middle">${code}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb}"><rect x="0" y="0" width="100%" height="100%" fill="#fff"/>\n${body.join('\n')}\n</svg>\n`;
}

// ---- main -----------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  let svgPath = null;
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--svg') svgPath = args[++i];
    else rest.push(args[i]);
  }
  const inputPath = rest[0] ? resolve(rest[0]) : DEFAULT_INPUT;
  const source = JSON.parse(readFileSync(inputPath, 'utf8'));
  const { features, boxes, viewBox, notes } = layout(source);
  for (const n of notes) console.log(n);
  const simplified = await simplify(features);

  const lines = [`viewBox ${viewBox.join(' ')}`];
  for (const b of boxes) lines.push(`box ${b.code} ${b.x} ${b.y} ${b.w} ${b.h}`);
  const regions = simplified.features
    .map((f) => ({
      code: f.properties.code,
      lx: Math.round(f.properties.lx),
      ly: Math.round(f.properties.ly),
      d: pathData(f.geometry),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const r of regions) {
    if (!/^[MmLlHhVvZz0-9 \-.,]+$/.test(r.d)) throw new Error(`bad path data for ${r.code}`);
    lines.push(`${r.code}\t${r.lx}\t${r.ly}\t${r.d}`);
  }
  if (regions.length !== 18) throw new Error(`expected 18 regions, got ${regions.length}`);
  const text = lines.join('\n') + '\n';
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${OUTPUT} (${Buffer.byteLength(text)} bytes)`);
  if (svgPath) {
    writeFileSync(resolve(svgPath), checkSvg(text));
    console.log(`wrote ${resolve(svgPath)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
