// The editors' page (editer/, en/editer/): starts its module
// (crates/editor, src/bin/editor.rs), which draws the page in place of the
// view rendered at build time. Only that page loads it (a module script of
// its head, crates/build/src/site/editor.rs): no visitor of the site ever
// downloads it. The module makes its worker itself (editor-worker.mjs).
import init from './editor.js';

init().catch((error) => {
  console.error('Passerelles: the editors’ page could not start.', error);
});
