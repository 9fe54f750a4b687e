//! The edge where the page meets a host page around it: the look a partner
//! asked for (embed mode, colour scheme, accent) set on the root element, and
//! the content height posted to the parent window when the app runs in an
//! iframe. What to set and when to report is decided in [`passerelles_core::state::embed`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use passerelles_core::state::embed::{HeightReporter, RESIZE_MESSAGE, RESIZE_VERSION};
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

/// Marks the root element for the stylesheet (`data-embed`, `data-scheme`)
/// and sets the accent's custom properties through the CSSOM: a strict CSP
/// forbids `style` attributes in markup, not the CSSOM. Only validated
/// values arrive here (keywords and colours re-written by the core).
pub fn apply_look(page: &PageParams) {
    let Some(root) = root() else { return };
    if page.embed {
        let _ = root.set_attribute("data-embed", "");
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
/// the observer and any pending frame.
pub struct HeightReports {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
    _frame: Rc<RefCell<Option<gloo::render::AnimationFrame>>>,
}

impl Drop for HeightReports {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Inside an iframe, posts `{type: "passerelles:resize", v: 1, height}` to
/// the parent whenever the content height changes, at most once per frame.
/// Target origin "*": the height is no secret and the host's origin is not
/// known (in a sandboxed iframe ours is opaque anyway). Outside a frame: None.
pub fn report_height() -> Option<HeightReports> {
    let parent = parent()?;
    let document = window().document()?;
    let html = document.document_element()?;
    let reporter = Rc::new(RefCell::new(HeightReporter::default()));
    let pending = Rc::new(Cell::new(false));
    let frame: Rc<RefCell<Option<gloo::render::AnimationFrame>>> = Rc::default();
    let on_resize = {
        let (frame, measured) = (frame.clone(), html.clone());
        Closure::<dyn FnMut()>::new(move || {
            if pending.replace(true) {
                return;
            }
            let (pending, reporter, parent, measured) = (
                pending.clone(),
                reporter.clone(),
                parent.clone(),
                measured.clone(),
            );
            // Kept until the next request: dropping the handle from inside its
            // own callback would free the running closure (see browser.rs).
            let handle = gloo::render::request_animation_frame(move |_| {
                pending.set(false);
                // The root's box, not scrollHeight: scrollHeight never drops
                // below the frame's own height, so the frame could not shrink.
                let height = measured.get_bounding_client_rect().height();
                if let Some(h) = reporter.borrow_mut().next(height) {
                    post_height(&parent, h);
                }
            });
            *frame.borrow_mut() = Some(handle);
        })
    };
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&html);
    if let Some(body) = document.body() {
        observer.observe(&body);
    }
    Some(HeightReports {
        observer,
        _on_resize: on_resize,
        _frame: frame,
    })
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
