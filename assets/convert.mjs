// The JSON reader of Passerelles, loaded by the page only when ?data= names a
// JSON file (src/ui/browser.rs, convert_json). It turns the file into the
// pack the page reads, with the converter compiled from src/bin/convert.rs:
// in a worker, so that a large file does not freeze the page, or on the
// page's own thread where workers are refused (a sandboxed iframe has an
// opaque origin, and may start no worker from its host).
let here;
async function onThisThread(bytes) {
  here ??= import('./convert.js').then(async (m) => {
    await m.default();
    return m.convert;
  });
  return (await here)(bytes);
}

function inWorker(bytes) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('convert-worker.mjs', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (e) => {
      done();
      e.data instanceof Uint8Array ? resolve(e.data) : reject(new Error('converter failed'));
    };
    worker.onerror = (e) => {
      done();
      e.preventDefault();
      reject(new Error('converter failed'));
    };
    // A copy, not a transfer: if the worker fails, this thread still has the bytes.
    worker.postMessage(bytes);
  });
}

window.passerellesConvert = async (bytes) => {
  try {
    return await inWorker(bytes);
  } catch {
    return onThisThread(bytes);
  }
};
dispatchEvent(new Event('passerelles:converter'));
