// The page's code fetched on demand (src/bin/ondemand.rs): the embed dialog
// and the exports, which a visit may never ask for. Loaded by the page at the
// first call (src/ui/browser.rs, on_demand); the module itself is fetched
// and started once.
let ready;
window.passerellesOnDemand = async (name, ...args) => {
  ready ??= import('./ondemand.js').then(async (m) => {
    await m.default();
    return m;
  });
  return (await ready)[name](...args);
};
dispatchEvent(new Event('passerelles:ondemand'));
