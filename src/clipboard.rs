//! The edge to the system clipboard, with the fallback a browser that refuses
//! it (no permission, an insecure origin, an old engine) still allows.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Writes text to the clipboard; false when the browser refuses.
pub async fn write(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts.
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Focuses and selects the whole text of a text area, so the visitor can copy it.
pub fn select_all(id: &str) {
    if let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}
