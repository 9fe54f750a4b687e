//! The few DOM calls the island makes, each one place: elements made with
//! their class, attributes set, children replaced. Every call that the DOM
//! could refuse answers `None` instead of panicking; a builder that meets
//! one gives up quietly and the page keeps its checkboxes.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

const SVG: &str = "http://www.w3.org/2000/svg";

pub fn document() -> Document {
    gloo::utils::document()
}

/// An HTML element of `class`.
pub fn html(tag: &str, class: &str) -> Option<Element> {
    let e = document().create_element(tag).ok()?;
    e.set_class_name(class);
    Some(e)
}

/// An SVG element of `class`.
pub fn svg(tag: &str, class: &str) -> Option<Element> {
    let e = document().create_element_ns(Some(SVG), tag).ok()?;
    set(&e, "class", class);
    Some(e)
}

pub fn set(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Sets the attribute only when it changed: a repaint of the whole map on
/// every click should not touch what stayed the same.
pub fn update(e: &Element, name: &str, value: &str) {
    if e.get_attribute(name).as_deref() != Some(value) {
        set(e, name, value);
    }
}

pub fn text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

pub fn append(parent: &Element, child: &Element) -> Option<()> {
    parent.append_child(child).ok().map(|_| ())
}

/// A custom property through the style object (allowed by the page's CSP,
/// which refuses `style` attributes), set only when it changed, so that a
/// repaint restyles only what moved.
pub fn style(e: &Element, property: &str, value: &str) {
    if let Some(e) = e.dyn_ref::<HtmlElement>() {
        let style = e.style();
        if style.get_property_value(property).ok().as_deref() != Some(value) {
            let _ = style.set_property(property, value);
        }
    }
}

/// The nearest element from `target` up that has attribute `name`, and its value.
pub fn closest_with(target: Option<web_sys::EventTarget>, name: &str) -> Option<(Element, String)> {
    let e: Element = target?.dyn_into().ok()?;
    let e = e.closest(&format!("[{name}]")).ok()??;
    let value = e.get_attribute(name)?;
    Some((e, value))
}

/// `slot`'s children replaced by `child` alone.
pub fn replace_children(slot: &Element, child: &Element) -> Option<()> {
    slot.set_text_content(None);
    append(slot, child)
}

/// `part` of `whole` as a CSS percentage to a tenth ("37.5%"), in integers:
/// the module carries no float formatting.
pub fn percent(part: u32, whole: u32) -> String {
    let tenths = u64::from(part) * 1000 / u64::from(whole.max(1));
    format!("{}.{}%", tenths / 10, tenths % 10)
}
