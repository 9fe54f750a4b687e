// The map and the timeline (src/bin/wherewhen.rs, src/ui/island/), loaded
// by the page's loader once the app has drawn its panel and that frame is
// painted (src/site/html.rs). Their stylesheet first, so nothing shows
// unstyled, then the module. The island then reads what it draws from the
// page's own module after each render the page announces: the page's
// export `island(days)` writes the numbers into its memory and says where
// (src/ui/where_when.rs gives their layout), and they are copied out here
// at once, before the page's memory can move.
import init, { start, draw } from './wherewhen.js';

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
const read = (days) => {
  const at = page.island(days) >>> 2;
  const words = new Uint32Array(page.memory.buffer);
  return words.slice(at + 1, at + 1 + words[at]);
};
let dataset;
const paint = () => {
  const state = read(0);
  // Started again for another dataset (a retry): its first word says which.
  if (state[0] !== dataset) {
    dataset = state[0];
    start(document.documentElement.lang, read(1));
  }
  draw(state);
};
addEventListener('passerelles:drawn', paint);
paint();
