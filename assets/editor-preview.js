// The editors' preview (editer/apercu/, crates/build/src/site/editor.rs):
// the site's own page, shown in a frame of the editors' page with the
// editor's file. This hands the page the pack its parent made of that file
// as `window.passerellesPack`, which the page's browser.rs reads as it
// reads the offline file's own; copied, because the page takes a
// Uint8Array of its own window. Opened on its own, it has nothing to
// show: it goes to the editors' page.
(function () {
  var pack;
  try {
    pack = window.parent !== window && window.parent.passerellesPreview;
  } catch (e) {
    pack = null;
  }
  if (pack && pack.length) window.passerellesPack = new Uint8Array(pack);
  else location.replace(new URL('../', location.href).href);
})();
