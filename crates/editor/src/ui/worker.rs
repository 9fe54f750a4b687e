//! The page's side of its worker (`assets/editor-worker.mjs`, running
//! `src/bin/editor_work.rs`): requests posted as the bridge's bytes
//! (`passerelles_core::bridge::editor`), replies read back and turned into
//! the store's messages, and the worker ended, then made again at the next
//! request, when a read is cancelled, takes too long, or the worker dies (a
//! wasm trap on a hostile file leaves its instance unusable). What each
//! request was for is kept here by its number, so a late reply to a request
//! given up is dropped, and the effects of a reply (a file to save, the
//! preview's pack) happen once.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::browser;
use crate::state::Msg;
use passerelles_core::bridge::editor::{Answer, BookFormat, Call, Reply, Request};

/// How long a read may take before it is abandoned: a 10,000-record
/// workbook takes seconds; a file still unread after this is not one the
/// page can help with.
pub const READ_LIMIT_SECONDS: u32 = 120;

/// What a request was for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Read { name: String },
    Check,
    Apply { record: String },
    Preview,
    Workbook(BookFormat),
}

/// A listener of the worker's.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

pub struct Work {
    worker: RefCell<Option<web_sys::Worker>>,
    /// The worker's listeners, kept alive with it.
    handlers: RefCell<Vec<Listener>>,
    /// Those of workers ended: a listener may be running when its worker
    /// ends (a reply that does not fit), and must not be freed under it.
    ended: RefCell<Vec<Listener>>,
    pending: RefCell<HashMap<u32, Purpose>>,
    next: Cell<u32>,
    dispatch: Callback<Msg>,
    /// The read under way's deadline.
    deadline: RefCell<Option<gloo::timers::callback::Timeout>>,
    /// Set to stop a file being read from the disk.
    cancelled: RefCell<Rc<Cell<bool>>>,
    me: Weak<Work>,
}

impl PartialEq for Work {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Work {
    /// Makes no worker yet: the first request does (never at build time).
    pub fn new(dispatch: Callback<Msg>) -> Rc<Work> {
        Rc::new_cyclic(|me| Work {
            worker: RefCell::new(None),
            handlers: RefCell::new(Vec::new()),
            ended: RefCell::new(Vec::new()),
            pending: RefCell::new(HashMap::new()),
            next: Cell::new(0),
            dispatch,
            deadline: RefCell::new(None),
            cancelled: RefCell::new(Rc::new(Cell::new(false))),
            me: me.clone(),
        })
    }

    /// A new read from the disk: the flag that cancels it.
    pub fn reading(&self) -> Rc<Cell<bool>> {
        let flag = Rc::new(Cell::new(false));
        self.cancelled.replace(flag.clone()).set(true);
        flag
    }

    fn worker(&self) -> Option<web_sys::Worker> {
        if let Some(w) = self.worker.borrow().as_ref() {
            return Some(w.clone());
        }
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        // Relative to the page's base: the site's root, beside the module.
        let worker = web_sys::Worker::new_with_options("editor-worker.mjs", &options).ok()?;
        let me = self.me.clone();
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(work) = me.upgrade() else { return };
            let data = e
                .dyn_ref::<web_sys::MessageEvent>()
                .map(web_sys::MessageEvent::data);
            let reply = data
                .and_then(|d| d.dyn_into::<js_sys::Uint8Array>().ok())
                .map(|bytes| Reply::decode(&bytes.to_vec()));
            match reply {
                Some(Ok(reply)) => work.answer(reply),
                // `null`: the module stopped (a trap); or a reply of another
                // version of the bridge (a stale worker script).
                _ => work.fail(),
            }
        });
        let me = self.me.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // Said here, not on the console: the page says what happened.
            e.prevent_default();
            if let Some(work) = me.upgrade() {
                work.fail();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() = vec![on_message, on_error];
        *self.worker.borrow_mut() = Some(worker.clone());
        Some(worker)
    }

    /// Posts `call`; its number, for the store. A read gets a deadline.
    pub fn send(&self, call: Call, purpose: Purpose) -> u32 {
        let id = self.next.get() + 1;
        self.next.set(id);
        let is_read = matches!(purpose, Purpose::Read { .. });
        self.pending.borrow_mut().insert(id, purpose);
        let bytes = Request { id, call }.encode();
        let message = js_sys::Uint8Array::from(bytes.as_slice());
        drop(bytes);
        let posted = self.worker().is_some_and(|w| {
            w.post_message_with_transfer(&message, &js_sys::Array::of1(&message.buffer()))
                .is_ok()
        });
        if !posted {
            // Said once the store knows the request: after this returns.
            let me = self.me.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(work) = me.upgrade() {
                    work.fail();
                }
            });
        } else if is_read {
            let me = self.me.clone();
            *self.deadline.borrow_mut() =
                Some(browser::after(READ_LIMIT_SECONDS * 1000, move || {
                    if let Some(work) = me.upgrade() {
                        if work.pending.borrow().contains_key(&id) {
                            work.end();
                            work.dispatch.emit(Msg::TimedOut(id));
                        }
                    }
                }));
        }
        id
    }

    /// Ends the worker and forgets what it had: a read cancelled.
    pub fn cancel(&self) {
        self.cancelled.borrow().set(true);
        self.end();
        self.dispatch.emit(Msg::Cancel);
    }

    fn end(&self) {
        if let Some(w) = self.worker.borrow_mut().take() {
            w.terminate();
        }
        let old = self.handlers.take();
        self.ended.borrow_mut().extend(old);
        self.pending.borrow_mut().clear();
        self.deadline.borrow_mut().take();
    }

    fn fail(&self) {
        self.end();
        self.dispatch.emit(Msg::WorkerFailed);
    }

    fn answer(&self, reply: Reply) {
        let id = reply.id;
        if let Answer::Progress { step, done, total } = reply.answer {
            if self.pending.borrow().contains_key(&id) {
                self.dispatch.emit(Msg::Progress {
                    id,
                    step,
                    done,
                    total,
                });
            }
            return;
        }
        let Some(purpose) = self.pending.borrow_mut().remove(&id) else {
            return;
        };
        if matches!(purpose, Purpose::Read { .. }) {
            self.deadline.borrow_mut().take();
        }
        let d = &self.dispatch;
        match (purpose, reply.answer) {
            (Purpose::Read { .. }, Answer::Opened(opened)) => d.emit(Msg::Opened { id, opened }),
            (Purpose::Read { name }, Answer::Refused(why)) => {
                d.emit(Msg::Refused { id, name, why })
            }
            (Purpose::Check | Purpose::Apply { .. }, Answer::Checked(problems)) => {
                d.emit(Msg::Checked { id, problems })
            }
            (Purpose::Apply { record }, Answer::Opened(opened)) => {
                d.emit(Msg::Applied { id, opened, record })
            }
            (Purpose::Preview, Answer::Pack(pack)) => {
                browser::set_preview_pack(&pack);
                d.emit(Msg::PreviewReady(id));
            }
            (Purpose::Workbook(format), Answer::Workbook(Ok(bytes))) => {
                let (name, mime) = match format {
                    BookFormat::Ods => (
                        "passerelles.ods",
                        "application/vnd.oasis.opendocument.spreadsheet",
                    ),
                    BookFormat::Xlsx => (
                        "passerelles.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ),
                };
                browser::download(name, mime, &bytes);
                d.emit(Msg::Written {
                    id,
                    refused: Vec::new(),
                });
            }
            (Purpose::Workbook(_), Answer::Workbook(Err(why))) => {
                d.emit(Msg::Written { id, refused: why })
            }
            // An answer that does not fit its request: a worker of another
            // build; it is not trusted further.
            _ => self.fail(),
        }
    }
}
