// The editors' page's worker (crates/editor, src/bin/editor_work.rs): the
// workbook's reader and writers, the validator and the pack writer, off the
// page's thread, so a large file never freezes the page, and the page ends
// the worker to cancel a read. One message in, a request's bytes
// (crates/core/src/bridge/editor.rs); messages out, its progress and then
// its reply, each bytes; `null` when the module failed (a trap on a hostile
// file, or a module that did not load): the page then starts another
// worker. Nothing is logged here: the page says what happened.
import init, { work } from './editor_work.js';

const ready = init();
self.onmessage = async (e) => {
  let reply;
  try {
    await ready;
    // Progress is posted as it comes (copied: it is small); the reply is
    // a copy out of the module's memory, so its buffer can be handed over.
    reply = work(e.data, (progress) => self.postMessage(progress));
  } catch {
    self.postMessage(null);
    return;
  }
  self.postMessage(reply, [reply.buffer]);
};
