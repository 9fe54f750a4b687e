// The worker half of assets/convert.mjs: converts one JSON file to a pack.
import init, { convert } from './convert.js';

const ready = init();
self.onmessage = async (e) => {
  try {
    await ready;
    const pack = convert(e.data);
    self.postMessage(pack, [pack.buffer]);
  } catch {
    self.postMessage(null);
  }
};
