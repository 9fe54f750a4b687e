//! The edge where the page meets a host page around it: the look a partner
//! asked for (embed mode, colour scheme, accent) set on the root element, and
//! the content height posted to the parent window when the app runs in an
//! iframe: in our own format for assets/embed.js, or in WordPress's for its
//! `wp-embed.js` when WordPress made the frame (the address ends with
//! `#?secret=…`). What to set and when to report is decided in
//! [`passerelles_core::state::embed`].
//!
//! A frame WordPress made is sandboxed with `allow-scripts` alone: no popup
//! opens, no download starts, and the page cannot navigate its host. So
//! there "Voir en plein écran" asks WordPress's script to open the full
//! view ([`open_through_host`]), and the exports say what to do instead
//! ([`scripts_only`]).

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use passerelles_core::state::embed::{
    wordpress_height, wordpress_secret, HeightReporter, RESIZE_MESSAGE, RESIZE_VERSION, WP_HEIGHT,
    WP_LINK, WP_READY,
};
use passerelles_core::state::look::Palette;
use passerelles_core::state::page::PageParams;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn root() -> Option<web_sys::HtmlElement> {
    window()
        .document()?
        .document_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

thread_local! {
    /// WordPress's secret, read from the address the frame was loaded at
    /// (the app's own addresses, pushed later, no longer carry it).
    static SECRET: OnceCell<Option<String>> = const { OnceCell::new() };
}

/// WordPress's secret for this frame, if WordPress made it.
pub fn secret() -> Option<String> {
    SECRET.with(|s| {
        s.get_or_init(|| {
            let hash = window().location().hash().unwrap_or_default();
            wordpress_secret(&hash).map(str::to_string)
        })
        .clone()
    })
}

/// Whether the frame allows scripts only, as WordPress's does: then no
/// download can start and no new tab open, and the page says what to do
/// instead of failing in silence.
pub fn scripts_only() -> bool {
    // The build-time render is no frame.
    #[cfg(not(target_arch = "wasm32"))]
    return false;
    #[allow(unreachable_code)]
    {
        parent().is_some() && secret().is_some()
    }
}

/// Asks the host page (WordPress's `wp-embed.js`) to open `url`, an
/// address of this frame's own host, in the top window: what a link to a
/// new tab cannot do in a frame without `allow-popups`. It obeys only while
/// the frame has the focus, which a click inside gives it.
pub fn open_through_host(url: &str) -> bool {
    let (Some(parent), Some(secret)) = (parent(), secret()) else {
        return false;
    };
    post_wordpress(&parent, &secret, WP_LINK, &JsValue::from_str(url));
    true
}

/// Marks the root element for the stylesheet (`data-embed`, `data-scheme`)
/// and sets the accent's custom properties through the CSSOM: a strict CSP
/// forbids `style` attributes in markup, not the CSSOM. Only validated
/// values arrive here (keywords and colours re-written by the core).
pub fn apply_look(page: &PageParams) {
    let Some(root) = root() else { return };
    if page.embed {
        let _ = root.set_attribute("data-embed", "");
    }
    // In WordPress's frame (`scrolling="no"`, at most 1000 px tall) the
    // body scrolls, not the frame's viewport: the page stays readable
    // whatever WordPress does with the height (styles/main.css).
    if scripts_only() {
        let _ = root.set_attribute("data-wp", "");
    }
    if let Some(scheme) = page.scheme {
        let _ = root.set_attribute("data-scheme", scheme.key());
    }
    if let Some(accent) = page.accent {
        let style = root.style();
        for (name, value) in Palette::new(accent).properties() {
            let _ = style.set_property(name, &value);
        }
    }
}

/// The parent window, when this page runs in a frame.
fn parent() -> Option<web_sys::Window> {
    let own = window();
    let parent = own.parent().ok().flatten()?;
    (JsValue::from(&parent) != JsValue::from(&own)).then_some(parent)
}

/// Reports the content height to the parent while alive; dropping it stops
/// the observer, the host's listener and any pending frame.
pub struct HeightReports {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
    _frame: Rc<RefCell<Option<gloo::render::AnimationFrame>>>,
    _ready: Option<gloo::events::EventListener>,
}

impl Drop for HeightReports {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The height of what the body holds: the bottom of its lowest child in
/// the body's own coordinates. In WordPress's frame the body is the scroll
/// container, always as tall as the frame, so its own box says nothing.
fn content_height(body: &web_sys::HtmlElement) -> f64 {
    let top = body.get_bounding_client_rect().top();
    let children = body.children();
    let bottom = (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|c| c.get_bounding_client_rect().bottom())
        .fold(top, f64::max);
    bottom - top + f64::from(body.scroll_top())
}

/// Inside an iframe, posts the content height to the parent whenever it
/// changes, at most once per frame: `{type: "passerelles:resize", v: 1,
/// height}` for assets/embed.js, or, in a frame WordPress made, `{secret,
/// message: "height", value}` for its `wp-embed.js` (which clamps it to
/// 200–1000 px: beyond, the body scrolls), sent again when its script says
/// it is `ready`. Target origin "*": the height is no secret and the host's
/// origin is not known (in a sandboxed iframe ours is opaque anyway).
/// Outside a frame: None.
pub fn report_height() -> Option<HeightReports> {
    let parent = parent()?;
    let secret = secret();
    let document = window().document()?;
    let html = document.document_element()?;
    let body = document.body()?;
    let reporter = Rc::new(RefCell::new(HeightReporter::default()));
    let sent = Rc::new(Cell::new(0u32));
    let pending = Rc::new(Cell::new(false));
    let frame: Rc<RefCell<Option<gloo::render::AnimationFrame>>> = Rc::default();
    let on_resize = {
        let (frame, html, body, parent, secret, sent) = (
            frame.clone(),
            html.clone(),
            body.clone(),
            parent.clone(),
            secret.clone(),
            sent.clone(),
        );
        Closure::<dyn FnMut()>::new(move || {
            if pending.replace(true) {
                return;
            }
            let (pending, reporter, parent, html, body, secret, sent) = (
                pending.clone(),
                reporter.clone(),
                parent.clone(),
                html.clone(),
                body.clone(),
                secret.clone(),
                sent.clone(),
            );
            // Kept until the next request: dropping the handle from inside its
            // own callback would free the running closure (see browser.rs).
            let handle = gloo::render::request_animation_frame(move |_| {
                pending.set(false);
                // The root's box, not scrollHeight: scrollHeight never drops
                // below the frame's own height, so the frame could not shrink.
                let height = match secret {
                    Some(_) => content_height(&body),
                    None => html.get_bounding_client_rect().height(),
                };
                let Some(h) = reporter.borrow_mut().next(height) else {
                    return;
                };
                match &secret {
                    Some(secret) => {
                        let (asked, _) = wordpress_height(h);
                        sent.set(asked);
                        post_wordpress(&parent, secret, WP_HEIGHT, &JsValue::from(asked));
                    }
                    None => post_height(&parent, h),
                }
            });
            *frame.borrow_mut() = Some(handle);
        })
    };
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&html);
    observer.observe(&body);
    // What the body holds: in WordPress's frame the body keeps the frame's
    // size while its content grows and shrinks.
    if secret.is_some() {
        let children = body.children();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                observer.observe(&child);
            }
        }
    }
    // WordPress's script says `ready` once it listens (it may load after
    // the first report): the height again, so it is not lost.
    let ready = secret.clone().map(|secret| {
        gloo::events::EventListener::new(&window(), "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let data = event.data();
            let field = |key: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(key))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let from_parent = event
                .source()
                .is_some_and(|s| JsValue::from(s) == JsValue::from(&parent));
            if from_parent
                && data.is_object()
                && field("message").as_deref() == Some(WP_READY)
                && field("secret").as_deref() == Some(secret.as_str())
                && sent.get() > 0
            {
                post_wordpress(&parent, &secret, WP_HEIGHT, &JsValue::from(sent.get()));
            }
        })
    });
    Some(HeightReports {
        observer,
        _on_resize: on_resize,
        _frame: frame,
        _ready: ready,
    })
}

/// `{secret, message, value}`, as `wp-embed.js` reads it.
fn post_wordpress(parent: &web_sys::Window, secret: &str, message: &str, value: &JsValue) {
    let data = js_sys::Object::new();
    let set = |key: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(key), v);
    };
    set("secret", &JsValue::from_str(secret));
    set("message", &JsValue::from_str(message));
    set("value", value);
    let _ = parent.post_message(&data, "*");
}

fn post_height(parent: &web_sys::Window, height: u32) {
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    };
    set("type", JsValue::from_str(RESIZE_MESSAGE));
    set("v", JsValue::from(RESIZE_VERSION));
    set("height", JsValue::from(height));
    let _ = parent.post_message(&message, "*");
}
