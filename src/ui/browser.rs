//! The edge where the app touches browser APIs: the address bar, history and
//! the network. Nothing else in the shell calls web-sys directly.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The current query string, with its leading `?` (or empty).
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

fn history_url(query: &str) -> String {
    let path = window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into());
    format!("{path}{query}")
}

pub fn push(query: &str) {
    if let Ok(h) = window().history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&history_url(query)));
    }
}

pub fn replace(query: &str) {
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&history_url(query)));
    }
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

/// Why the dataset could not be fetched.
pub struct FetchError {
    pub message: String,
}

/// Fetches a same-origin text resource.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let fail = |e: JsValue| FetchError {
        message: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    };
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(fail)?;
    let response: web_sys::Response = response.dyn_into().map_err(fail)?;
    if !response.ok() {
        return Err(FetchError {
            message: format!(
                "{} {} ({url})",
                crate::strings::HTTP_FAILED,
                response.status()
            ),
        });
    }
    let text = JsFuture::from(response.text().map_err(fail)?)
        .await
        .map_err(fail)?;
    Ok(text.as_string().unwrap_or_default())
}
