//! The filters on a narrow screen: a sheet over the results. The panel is a
//! `<dialog>` ([`SHEET`], src/panel.rs); on a wide screen the stylesheet
//! shows it as the column beside the results, where it never opens; on a
//! narrow one it is hidden until "Filtrer" (src/results.rs) opens it as a
//! modal dialog: the browser keeps focus inside it, makes the page behind
//! inert and closes it on Escape; its ✕ and "Voir 8 fiches" close it as
//! a `<form method="dialog">` does, with no code of ours. The filters
//! apply as they change, the count behind it and in its last button too.
//!
//! Opening it is a step of the history, so that the browser's back button
//! closes it as it leaves any view: [`open`] pushes an entry of the same
//! address marked `IN_SHEET` (`passerelles_core::bridge::island`). While
//! that entry is current, every step taken in the sheet (a box ticked, a
//! region tapped on the map, a period dragged on the timeline) replaces it
//! rather than pushing one (`browser::push`, and the island's own writes),
//! so what is chosen in one opening is one step. However it closes, it
//! keeps what was chosen:
//! - in the page (✕, "Voir…", Escape: [`closed`]), the entry stays, as an
//!   ordinary step, when the view changed, and is taken back when it did
//!   not (no step that changes nothing);
//! - by back ([`on_popstate`]), the browser has already left the entry: a
//!   view that changed is written as the step after the one before the
//!   sheet (the sheet's entry, now ahead, is dropped), and kept on screen.
//!
//! Forward onto a sheet's entry opens it again. Only presentation lives
//! here: the view is the store's, and the address its mirror, as ever.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;

use crate::browser;

/// The panel's `<dialog>`.
pub const SHEET: &str = "filters";
/// "Filtrer", the button that opens it (src/results.rs).
pub const OPENER: &str = "filters-open";

thread_local! {
    /// The address when the sheet last opened: closed on that same
    /// address, it leaves no step behind.
    static OPENED: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn sheet() -> Option<HtmlDialogElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(SHEET)?
        .dyn_into()
        .ok()
}

/// Shows the sheet as a modal dialog. In an embed, the frame keeps at
/// least its height meanwhile: its host sizes it to the page's content,
/// and a list the sheet's filters shorten would otherwise shrink the frame,
/// and the sheet in it, under the visitor's finger.
fn show(dialog: &HtmlDialogElement) {
    if dialog.open() {
        return;
    }
    OPENED.with(|o| *o.borrow_mut() = Some(browser::href()));
    hold_height(true);
    let _ = dialog.show_modal();
}

/// "Filtrer": the sheet opens, a step of the history.
pub fn open() {
    if let Some(dialog) = sheet() {
        browser::mark_sheet(true);
        show(&dialog);
    }
}

/// The sheet closed, by any way but back (the dialog's `close` event).
pub fn closed() {
    hold_height(false);
    give_focus_back();
    let opened = OPENED.with(|o| o.borrow_mut().take());
    if browser::in_sheet() {
        if opened.as_deref() == Some(browser::href().as_str()) {
            browser::back();
        } else {
            browser::mark_sheet(false);
        }
    }
}

/// Focus back on "Filtrer" when the closing left it nowhere. A dialog
/// closed gives focus back to what had it before by itself, in Chromium and
/// Firefox; WebKitGTK, now and then, leaves it on the body (the engines'
/// journey "a filtered page…" caught it), and a keyboard user would start
/// again from the top of the page.
fn give_focus_back() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = document.active_element().is_none_or(|el| {
        el.tag_name().eq_ignore_ascii_case("body")
            || el.closest(&format!("#{SHEET}")).ok().flatten().is_some()
    });
    if lost {
        browser::focus(OPENER);
    }
}

/// Back or forward (or a step of the island, announced the same way),
/// before the page adopts the address; `shown` is the address of the view
/// on screen. True when the sheet answered it and the page must not adopt
/// the address: back out of a sheet whose filters changed the view.
pub fn on_popstate(shown: &str) -> bool {
    let Some(dialog) = sheet() else {
        return false;
    };
    if browser::in_sheet() {
        // Forward onto the sheet's entry; or one of the island's steps in it.
        show(&dialog);
        return false;
    }
    if !dialog.open() {
        return false;
    }
    // Back: the browser has left the sheet's entry for the one before it.
    let changed = browser::view_url(shown) != browser::href();
    if changed {
        browser::push(shown);
    }
    dialog.close();
    changed
}

/// A reload of the sheet's entry shows the page without the sheet: its
/// mark goes, or every later step would replace that entry.
pub fn forget() {
    if browser::in_sheet() {
        browser::mark_sheet(false);
    }
}

/// Holds the document at least at its height (`true`), or lets it follow
/// its content again: through the CSSOM, which a strict CSP allows.
fn hold_height(on: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(root), Some(body)) = (document.document_element(), document.body()) else {
        return;
    };
    let style = body.style();
    if on {
        let height = root.get_bounding_client_rect().height().round() as i64;
        let _ = style.set_property("min-height", &format!("{height}px"));
    } else {
        let _ = style.remove_property("min-height");
    }
}
