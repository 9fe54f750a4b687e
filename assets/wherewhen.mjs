// The map and the timeline (src/bin/wherewhen.rs, src/ui/island/), loaded
// by the page's loader once the app has drawn its panel (src/site/html.rs).
// Their stylesheet first, so nothing shows unstyled, then the module; then
// the island reads what it draws from the page's own module (its exports,
// which trunk's loader leaves in `window.wasmBindings`) after each render
// the page announces (src/ui/where_when.rs).
import init, { start, draw } from './wherewhen.js';

const sheet = document.createElement('link');
sheet.rel = 'stylesheet';
sheet.href = new URL('wherewhen.css', import.meta.url).href;
const styled = new Promise((resolve) => {
  sheet.onload = sheet.onerror = resolve;
});
document.head.append(sheet);
await Promise.all([styled, init()]);
const page = window.wasmBindings;
// A page that changes dataset (a retry) starts the island again.
let names;
const paint = () => {
  const now = page.islandNames();
  if (now !== names) {
    names = now;
    start(document.documentElement.lang, now, page.islandNumbers(true));
  }
  draw(page.islandNumbers(false));
};
addEventListener('passerelles:drawn', paint);
paint();
