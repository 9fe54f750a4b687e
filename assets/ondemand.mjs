// The page's code fetched on demand (src/bin/ondemand.rs): the embed dialog
// and the exports, which a visit may never ask for. Loaded by the page at the
// first call (src/browser.rs, on_demand); the module itself is fetched and
// started once, with its stylesheet (assets/ondemand.css: the dialog's rules,
// which the first visit does without). A call is one message of bytes
// (crates/core/src/bridge/ondemand.rs).
let ready;
window.passerellesOnDemand = async (message) => {
  ready ??= Promise.all([
    import('./ondemand.js').then(async (m) => {
      await m.default();
      return m;
    }),
    new Promise((resolve) => {
      const sheet = document.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.href = new URL('ondemand.css', import.meta.url).href;
      sheet.onload = sheet.onerror = resolve;
      document.head.append(sheet);
    }),
  ]).then(([m]) => m);
  return (await ready).call(message);
};
dispatchEvent(new Event('passerelles:ondemand'));
