//! The edge where the app touches browser APIs: the address bar, history,
//! the network, the document, layout reads and the page's other modules.
//! The components reach the browser through here (and through frame.rs and
//! clipboard.rs); what they handle themselves is only the events Yew hands
//! them and the elements of their own node refs.

use passerelles_core::bridge::island::IN_SHEET;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The current query string, with its leading `?` (or empty).
pub fn search() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return crate::prerender::query();
    #[allow(unreachable_code)]
    window().location().search().unwrap_or_default()
}

/// The whole address of the page (for the embed snippet's base URL).
pub fn href() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return crate::prerender::href();
    #[allow(unreachable_code)]
    window().location().href().unwrap_or_default()
}

/// The address of the app's root (where index.html, data/ and fiches/
/// are), as the site's public address setting gives it
/// (`<meta name="passerelles:public-url">`, written at build time) or, by
/// default, as this page sees it (a record page's `<base>` points there).
pub fn app_root() -> String {
    let public = window()
        .document()
        .and_then(|d| {
            d.query_selector("meta[name='passerelles:public-url']")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"));
    public.unwrap_or_else(site_root)
}

/// The site's root: where every page's `<base>` points (without one, the
/// document's own address).
fn site_root() -> String {
    let base = window()
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    base.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The path the page was loaded at, before the app pushed any other.
    static OWN_PATH: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

#[cfg(target_arch = "wasm32")]
fn pathname() -> String {
    window().location().pathname().unwrap_or_default()
}

/// Remembers where the page was loaded (called once, as the app starts):
/// what the page's own meta says holds only there, not at the root's
/// addresses the app pushes after a change.
#[cfg(target_arch = "wasm32")]
pub fn remember_own_page() {
    OWN_PATH.with(|own| {
        let _ = own.set(pathname());
    });
}

/// A `<meta name=…>` of the page, while the address is still the page's own.
#[cfg(target_arch = "wasm32")]
fn own_meta(name: &str) -> Option<String> {
    if !OWN_PATH.with(|own| own.get().is_none_or(|p| *p == pathname())) {
        return None;
    }
    window()
        .document()?
        .query_selector(&format!("meta[name='{name}']"))
        .ok()??
        .get_attribute("content")
}

/// `href` (relative to the site's root, as the page's links are) as a
/// whole address: what a host page is asked to open.
pub fn absolute(href: &str) -> String {
    format!("{}{href}", site_root())
}

/// The record a record page (`fiches/<id>/`) is about, as its
/// `<meta name="passerelles:record">` says.
pub fn page_record() -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    return crate::prerender::record();
    #[cfg(target_arch = "wasm32")]
    own_meta("passerelles:record")
}

/// The view a page of one theme, region or type (`themes/insertion/`) is,
/// as its `<meta name="passerelles:view">` says: a query string.
pub fn page_view() -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    return None;
    #[cfg(target_arch = "wasm32")]
    own_meta("passerelles:view")
}

/// Where a view's query string leads: the app's root (a record page's
/// `<base>` points there; without one, the document's own address), so
/// leaving a record page for the list goes back to the root.
pub fn view_url(query: &str) -> String {
    let root = passerelles_core::state::page::lang_root(passerelles_core::wording::lang());
    format!("{}{root}{query}", site_root())
}

/// A new history entry for the view `query`, so back undoes the change;
/// inside the filters' sheet, the sheet's own entry instead (see [`write`]).
pub fn push(query: &str) {
    write(&view_url(query), false);
}

/// The view `query` in the current history entry.
pub fn replace(query: &str) {
    write(&view_url(query), true);
}

/// Whether the current history entry is the one the filters' sheet pushed
/// when it opened (src/sheet.rs).
pub fn in_sheet() -> bool {
    window()
        .history()
        .and_then(|h| h.state())
        .ok()
        .and_then(|s| s.as_string())
        .as_deref()
        == Some(IN_SHEET)
}

/// Writes `url` in the history, as a new entry or in the current one.
/// While the filters' sheet holds the current entry, every step replaces
/// it and keeps its mark: what is chosen in one opening of the sheet is one
/// step (the island does the same with its own steps).
fn write(url: &str, replace: bool) {
    let Ok(h) = window().history() else { return };
    let state = if in_sheet() {
        JsValue::from_str(IN_SHEET)
    } else {
        JsValue::NULL
    };
    let _ = if replace || !state.is_null() {
        h.replace_state_with_url(&state, "", Some(url))
    } else {
        h.push_state_with_url(&state, "", Some(url))
    };
}

/// Marks the history for the filters' sheet: `true` pushes an entry of the
/// same address marked [`IN_SHEET`] (the sheet opens), `false` takes the
/// mark off the current entry (it closed, leaving what was chosen as an
/// ordinary step).
pub fn mark_sheet(open: bool) {
    let Ok(h) = window().history() else { return };
    let here = href();
    let _ = if open {
        h.push_state_with_url(&JsValue::from_str(IN_SHEET), "", Some(&here))
    } else {
        h.replace_state_with_url(&JsValue::NULL, "", Some(&here))
    };
}

pub fn back() {
    if let Ok(h) = window().history() {
        let _ = h.back();
    }
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Moves keyboard focus to the element with this id, once it is rendered.
pub fn focus(id: &str) {
    if let Some(el) = window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Why a download failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with this failure status (404: not found).
    Status(u16),
    /// Nothing answered, or the connection broke.
    Network,
    /// The server went silent for [`STALL_MS`]: the download was abandoned
    /// rather than left spinning.
    Stalled,
}

/// Silence this long, before the answer or between two chunks of it, ends a
/// download: even a slow mobile line delivers a chunk every second or so.
pub const STALL_MS: i32 = 10_000;

/// An announced length is trusted this far to size the buffer at once; past
/// it the buffer grows with what actually arrives, so a server announcing
/// gigabytes cannot make the page reserve them (wasm memory never shrinks).
const RESERVE_AT_MOST: usize = 64 << 20;

/// `promise`'s value, or `None` when it is still pending after [`STALL_MS`].
async fn within_stall(promise: js_sys::Promise) -> Result<Option<JsValue>, JsValue> {
    let mut timer = 0;
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        timer = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, STALL_MS)
            .unwrap_or(0);
    });
    // The timer resolves with `undefined`; a fetch with a Response, a read
    // with a {done, value} object.
    let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, &timeout));
    let value = JsFuture::from(race).await;
    window().clear_timeout_with_handle(timer);
    let value = value?;
    Ok((!value.is_undefined()).then_some(value))
}

/// Fetches a same-origin resource as bytes, calling `progress` with the
/// bytes received so far as they arrive (a large dataset on a slow line
/// takes seconds). A pack is binary, and a JSON file is decoded in Rust:
/// having the browser decode it into a JS string, then copying that into
/// wasm, took 1.8 s of a 4.2 s load at 100,000 records (BENCHMARKS.md).
/// It never waits without an end: silence of [`STALL_MS`] aborts it.
pub async fn fetch_bytes(url: &str, progress: &dyn Fn(usize)) -> Result<Vec<u8>, FetchError> {
    let network = |_: JsValue| FetchError::Network;
    let abort = web_sys::AbortController::new().map_err(network)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&abort.signal()));
    let stalled = || {
        abort.abort();
        FetchError::Stalled
    };
    let response = within_stall(window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?
        .ok_or_else(stalled)?;
    let response: web_sys::Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // Each chunk goes into wasm memory as it arrives, so copying 23 MB is
    // spread over the download instead of one long task at its end. The
    // announced length sizes the buffer once (a buffer grown by doubling
    // would leave the memory at twice the file's size), up to a bound; a
    // compressed response announces less, and the buffer grows from there.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    let mut bytes = Vec::new();
    let _ = bytes.try_reserve_exact(announced.min(RESERVE_AT_MOST));
    loop {
        let step = within_stall(reader.read())
            .await
            .map_err(network)?
            .ok_or_else(stalled)?;
        let done = js_sys::Reflect::get(&step, &"done".into()).map_err(network)?;
        if done.as_bool() != Some(false) {
            break;
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into())
            .map_err(network)?
            .dyn_into()
            .map_err(network)?;
        let at = bytes.len();
        let more = chunk.length() as usize;
        if bytes.try_reserve(more).is_err() {
            abort.abort();
            return Err(FetchError::Network);
        }
        bytes.resize(at + more, 0);
        chunk.copy_to(&mut bytes[at..]);
        progress(bytes.len());
    }
    Ok(bytes)
}

/// The dataset the offline file carries (`window.passerellesPack`), if
/// this page is that file.
pub fn inline_pack() -> Option<Vec<u8>> {
    let value = js_sys::Reflect::get(&window(), &"passerellesPack".into()).ok()?;
    let bytes: js_sys::Uint8Array = value.dyn_into().ok()?;
    Some(bytes.to_vec())
}

/// Hands `bytes` to the browser as a file named `name`: a Blob behind an
/// object URL, and a click on an `<a download>` that is never in the page
/// long enough to be seen. False when the browser refused to make the file
/// (a sandboxed frame without `allow-downloads` refuses silently later).
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = (|| {
        let document = window().document()?;
        let link = document.create_element("a").ok()?;
        link.set_attribute("href", &url).ok()?;
        link.set_attribute("download", name).ok()?;
        document.body()?.append_child(&link).ok()?;
        link.dyn_ref::<web_sys::HtmlElement>()?.click();
        link.remove();
        Some(())
    })()
    .is_some();
    // The browser reads the Blob after the click returns: the previous
    // export's is let go now, so at most one stays (no timer to hold it).
    thread_local!(static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) });
    if let Some(previous) = LAST.with(|last| last.replace(Some(url))) {
        let _ = web_sys::Url::revoke_object_url(&previous);
    }
    clicked
}

/// Sets the text of the element with this id (a live region the app
/// reports into outside Yew's rendering).
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        el.set_text_content(Some(text));
    }
}

/// Says `name` to whatever listens on the window: the page's loader and
/// the map and the timeline (src/site/html.rs, src/ui/where_when.rs).
pub fn announce(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

/// Reloads the page: what a stale page (a site rebuilt since it opened)
/// needs, its code and data fetched anew.
pub fn reload() {
    let _ = window().location().reload();
}

/// A module of the page's own loaded when first needed: `src` (beside the
/// page) registers the function `global` on the window and says so with
/// the event `ready`. The same promise of loading serves every later call.
async fn module_function(global: &str, src: &str, ready: &str) -> Result<js_sys::Function, ()> {
    let w = window();
    let mut f = js_sys::Reflect::get(&w, &global.into()).map_err(|_| ())?;
    if f.is_undefined() {
        let document = w.document().ok_or(())?;
        let script = document.create_element("script").map_err(|_| ())?;
        script.set_attribute("type", "module").map_err(|_| ())?;
        script.set_attribute("src", src).map_err(|_| ())?;
        // Resolves once the module has registered itself, or failed to load.
        let loaded = js_sys::Promise::new(&mut |resolve, _| {
            let (ok, failed) = (resolve.clone(), resolve);
            gloo::events::EventListener::once(&w, ready.to_string(), move |_| {
                let _ = ok.call0(&JsValue::NULL);
            })
            .forget();
            gloo::events::EventListener::once(&script, "error", move |_| {
                let _ = failed.call0(&JsValue::NULL);
            })
            .forget();
        });
        document
            .head()
            .ok_or(())?
            .append_child(&script)
            .map_err(|_| ())?;
        let _ = JsFuture::from(loaded).await;
        f = js_sys::Reflect::get(&w, &global.into()).map_err(|_| ())?;
    }
    f.dyn_into().map_err(|_| ())
}

/// Calls a function that returns a promise, and waits for its value.
async fn call_async(f: &js_sys::Function, args: &js_sys::Array) -> Result<JsValue, ()> {
    let promise: js_sys::Promise = f
        .apply(&JsValue::NULL, args)
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    JsFuture::from(promise).await.map_err(|_| ())
}

/// The JSON reader, loaded only when `?data=` names a JSON file: a module
/// beside the page (assets/convert.mjs) that runs the converter compiled
/// from src/bin/convert.rs in a worker, or on this thread where workers are
/// refused. It hands back a pack (`passerelles_core::bridge::convert`):
/// the data, or why the file is unusable; a reply of another version of
/// the bridge is refused.
pub async fn convert_json(bytes: Vec<u8>) -> Result<Vec<u8>, ()> {
    let convert =
        module_function("passerellesConvert", "convert.mjs", "passerelles:converter").await?;
    let input = js_sys::Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let output = call_async(&convert, &js_sys::Array::of1(&input)).await?;
    let reply = js_sys::Uint8Array::new(&output).to_vec();
    passerelles_core::bridge::convert::Reply::decode(&reply)
        .map(|r| r.into_pack())
        .map_err(|_| ())
}

/// Makes a call of the on-demand module (src/bin/ondemand.rs, loaded by
/// assets/ondemand.mjs the first time a visitor asks for what it holds: the
/// embed dialog, the exports), and waits for its answer: the sentence the
/// page's status line shows, if any.
pub async fn on_demand(
    call: &passerelles_core::bridge::ondemand::Call,
) -> Result<Option<String>, ()> {
    let module = module_function(
        "passerellesOnDemand",
        "ondemand.mjs",
        "passerelles:ondemand",
    )
    .await?;
    let message = js_sys::Uint8Array::from(call.encode().as_slice());
    let said = call_async(&module, &js_sys::Array::of1(&message)).await?;
    Ok(said.as_string())
}

pub fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

/// Distance from the viewport top to the element's top edge (negative once scrolled past).
pub fn top_in_viewport(element: &web_sys::Element) -> f64 {
    element.get_bounding_client_rect().top()
}

/// Reserves the height of rows that are not rendered, above and below the
/// rendered ones. Through the CSSOM, which a strict CSP allows, unlike inline
/// `style` attributes.
pub fn set_block_padding(element: &web_sys::HtmlElement, top: f64, bottom: f64) {
    let style = element.style();
    // Whole pixels: formatting floats would pull ~11 KB of code into the bundle.
    let _ = style.set_property("padding-top", &format!("{}px", top.round() as i64));
    let _ = style.set_property("padding-bottom", &format!("{}px", bottom.round() as i64));
}

/// Runs `f` once the next frame is painted: reading layout then costs
/// nothing, as the frame has just computed it, where reading it right after
/// changing the DOM forces a layout of its own (2 ms a filter click at
/// 100,000 records, BENCHMARKS.md).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let task = Closure::once_into_js(move || {
        let f = Closure::once_into_js(f);
        let _ = window().set_timeout_with_callback(f.unchecked_ref());
    });
    let _ = window().request_animation_frame(task.unchecked_ref());
}

/// Calls `on_change` at most once per animation frame while the page scrolls
/// or resizes; dropping the watch removes the listeners and any pending frame.
pub struct ViewportWatch {
    _listeners: [gloo::events::EventListener; 2],
    _frame: std::rc::Rc<std::cell::RefCell<Option<gloo::render::AnimationFrame>>>,
}

pub fn watch_viewport(on_change: impl Fn() + 'static) -> ViewportWatch {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let on_change = Rc::new(on_change);
    let pending = Rc::new(Cell::new(false));
    let frame: Rc<RefCell<Option<gloo::render::AnimationFrame>>> = Rc::default();
    let schedule = {
        let frame = frame.clone();
        move |_: &web_sys::Event| {
            if pending.replace(true) {
                return;
            }
            let on_change = on_change.clone();
            let pending = pending.clone();
            // The handle stays stored until the next frame is requested: dropping
            // it from inside its own callback would free the running closure.
            let handle = gloo::render::request_animation_frame(move |_| {
                pending.set(false);
                on_change();
            });
            *frame.borrow_mut() = Some(handle);
        }
    };
    let w = window();
    ViewportWatch {
        _listeners: [
            gloo::events::EventListener::new(&w, "scroll", schedule.clone()),
            gloo::events::EventListener::new(&w, "resize", schedule),
        ],
        _frame: frame,
    }
}

/// Hands a value on at once, then at most once more per animation frame with
/// the latest one submitted meanwhile: a keystroke is answered in the frame it
/// was typed in, and a burst of keystrokes costs one query per frame with no
/// stale query queued.
pub struct Coalescer<T> {
    latest: std::rc::Rc<std::cell::RefCell<Option<T>>>,
    pending: std::rc::Rc<std::cell::Cell<bool>>,
    frame: std::cell::RefCell<Option<gloo::render::AnimationFrame>>,
    deliver: std::rc::Rc<dyn Fn(T)>,
}

impl<T: 'static> Coalescer<T> {
    pub fn new(deliver: impl Fn(T) + 'static) -> Self {
        Coalescer {
            latest: Default::default(),
            pending: Default::default(),
            frame: Default::default(),
            deliver: std::rc::Rc::new(deliver),
        }
    }

    pub fn submit(&self, value: T) {
        if self.pending.replace(true) {
            *self.latest.borrow_mut() = Some(value);
            return;
        }
        (self.deliver)(value);
        let (latest, pending, deliver) = (
            self.latest.clone(),
            self.pending.clone(),
            self.deliver.clone(),
        );
        // Kept until the next request: see watch_viewport on dropping it early.
        let handle = gloo::render::request_animation_frame(move |_| {
            pending.set(false);
            let value = latest.borrow_mut().take();
            if let Some(v) = value {
                deliver(v);
            }
        });
        *self.frame.borrow_mut() = Some(handle);
    }
}

/// Where index.html and the record pages hold the view rendered at build
/// time (src/bin/prerender.rs), and where the app renders its own.
#[cfg(target_arch = "wasm32")]
const PRERENDERED: &str = "app";
#[cfg(target_arch = "wasm32")]
pub const LIVE: &str = "live";

/// Takes the prerendered view out, in the same task as the render that put
/// the live one in its place, so no frame shows between: the two are the
/// same markup, and nothing moves.
pub fn take_over() {
    #[cfg(target_arch = "wasm32")]
    {
        let document = gloo::utils::document();
        if let Some(view) = document.get_element_by_id(PRERENDERED) {
            view.remove();
        }
        if let Some(root) = document.document_element() {
            let _ = root.remove_attribute("data-other");
        }
    }
}

/// Listens to back and forward (and to the map's and the timeline's answers,
/// announced the same way): `on_change` runs after each `popstate`.
pub fn on_popstate(on_change: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&window(), "popstate", move |_| on_change())
}

/// The language the page was written in (`<html lang>`).
#[cfg(target_arch = "wasm32")]
pub fn written_lang() -> Option<String> {
    gloo::utils::document()
        .document_element()
        .and_then(|h| h.get_attribute("lang"))
}

/// The element with this id, if the page has it.
#[cfg(target_arch = "wasm32")]
pub fn element(id: &str) -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(id)
}

/// The element with this id, made at the end of the body if the page has
/// none yet (where a dialog of the on-demand module mounts).
#[cfg(target_arch = "wasm32")]
pub fn mount_point(id: &str) -> Option<web_sys::Element> {
    if let Some(found) = element(id) {
        return Some(found);
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").ok()?;
    root.set_id(id);
    document.body()?.append_child(&root).ok()?;
    Some(root)
}
