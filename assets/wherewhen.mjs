// The map and the timeline (crates/island), loaded by the page's loader once
// the app has drawn its panel and that frame is painted (assets/loader.js).
// Their stylesheet first, so nothing shows unstyled, then the module. The
// island then reads what it draws from the page's own module after each
// render the page announces: the page's export `island(kind)` writes a
// message into its memory (a u32 length, then the bytes: a Frame, or the
// Dataset the island asks for; crates/core/src/bridge/island.rs) and it is
// copied out here at once, before the page's memory can move.
import init, { start, draw } from './wherewhen.js';

const FRAME = 0;
const DATASET = 1;

const sheet = document.createElement('link');
sheet.rel = 'stylesheet';
sheet.href = new URL('wherewhen.css', import.meta.url).href;
const styled = new Promise((resolve) => {
  sheet.onload = sheet.onerror = resolve;
});
document.head.append(sheet);
await Promise.all([styled, init()]);

// The page's raw exports, kept by its loader.
const page = window.passerellesWasm;
const read = (kind) => {
  const at = page.island(kind) >>> 0;
  const length = new DataView(page.memory.buffer).getUint32(at, true);
  return new Uint8Array(page.memory.buffer, at + 4, length).slice();
};
const paint = () => {
  const frame = read(FRAME);
  if (frame.length === 0) return;
  // A dataset the island has not seen (the first, or another after a retry).
  if (!draw(frame)) {
    start(read(DATASET));
    draw(frame);
  }
};
addEventListener('passerelles:drawn', paint);
paint();
