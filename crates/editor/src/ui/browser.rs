//! Where the editors' page touches the browser: a dropped file read from
//! the disk in chunks (with its progress, and cancellable), a file of the
//! site fetched, a file handed to the browser to save, the preview's pack
//! handed to the preview's frame, focus. The components reach the browser
//! through here (and through [`super::worker`]); at build time, natively,
//! none of it ever runs (effects and events do not exist there).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Reads a file from the disk, chunk by chunk, calling `progress` with the
/// bytes read so far; stops, and gives nothing, once `cancelled` is set.
pub async fn read_file(
    file: &web_sys::File,
    progress: &dyn Fn(u64),
    cancelled: Rc<Cell<bool>>,
) -> Result<Vec<u8>, ()> {
    let reader: web_sys::ReadableStreamDefaultReader = file.stream().get_reader().unchecked_into();
    let mut bytes = Vec::new();
    // The size the disk says, reserved once (the page refused larger files).
    let _ = bytes.try_reserve_exact(file.size() as usize);
    loop {
        if cancelled.get() {
            let _ = reader.cancel();
            return Err(());
        }
        let step = JsFuture::from(reader.read()).await.map_err(|_| ())?;
        let done = js_sys::Reflect::get(&step, &"done".into()).map_err(|_| ())?;
        if done.as_bool() != Some(false) {
            break;
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into())
            .map_err(|_| ())?
            .dyn_into()
            .map_err(|_| ())?;
        let at = bytes.len();
        if bytes.try_reserve(chunk.length() as usize).is_err() {
            let _ = reader.cancel();
            return Err(());
        }
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
        progress(bytes.len() as u64);
    }
    if cancelled.get() {
        return Err(());
    }
    Ok(bytes)
}

/// A file of the site, relative to the page's base (its root): the site's
/// data and glossary, published beside the pages (`data/`).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, ()> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| ())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| ())?)
        .await
        .map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Hands `bytes` to the browser as a file named `name` (a Blob behind an
/// object URL and a click on a link never in the page long enough to be
/// seen). False when the browser refused to make the file.
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
    // The browser reads the Blob after the click: the previous file's URL
    // is let go now, so at most one stays.
    thread_local!(static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) });
    if let Some(previous) = LAST.with(|last| last.replace(Some(url))) {
        let _ = web_sys::Url::revoke_object_url(&previous);
    }
    clicked
}

/// Where the preview's frame finds the pack to show
/// (assets/editor-preview.js copies it into its own `window.passerellesPack`).
const PREVIEW_GLOBAL: &str = "passerellesPreview";

/// Hands the preview's frame its pack: set before the frame is made.
pub fn set_preview_pack(bytes: &[u8]) {
    let _ = js_sys::Reflect::set(
        &window(),
        &PREVIEW_GLOBAL.into(),
        &js_sys::Uint8Array::from(bytes),
    );
}

/// Moves keyboard focus to the element with this id, and brings it into view.
pub fn focus(id: &str) -> bool {
    let Some(el) = window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    el.scroll_into_view();
    let _ = el.focus();
    true
}

/// The element with this id, if the page has it.
pub fn element(id: &str) -> Option<web_sys::Element> {
    window().document()?.get_element_by_id(id)
}

/// Takes the view rendered at build time out, once the page's own is in
/// its place (as the site's pages do: the same markup, nothing moves).
pub fn take_over() {
    if let Some(view) = element("app") {
        view.remove();
    }
}

/// Runs `f` after `ms` milliseconds, unless the returned timer is dropped.
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> gloo::timers::callback::Timeout {
    gloo::timers::callback::Timeout::new(ms, f)
}

/// A `message` listener on the window (the preview's frame reports its
/// height as embeds do: `{type: "passerelles:resize", v: 1, height}`).
pub fn on_message(f: impl Fn(&web_sys::MessageEvent) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&window(), "message", move |e| {
        if let Some(m) = e.dyn_ref::<web_sys::MessageEvent>() {
            f(m);
        }
    })
}

/// Whether a message came from this frame's window.
pub fn from_frame(message: &web_sys::MessageEvent, frame: &web_sys::HtmlIFrameElement) -> bool {
    match (message.source(), frame.content_window()) {
        (Some(source), Some(own)) => JsValue::from(source) == JsValue::from(own),
        _ => false,
    }
}

/// The editors' page's language, as written in `<html lang>`.
#[cfg(target_arch = "wasm32")]
pub fn written_lang() -> Option<String> {
    window()
        .document()?
        .document_element()?
        .get_attribute("lang")
}
