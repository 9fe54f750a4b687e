//! "Intégrer cette vue": a modal dialog that hands a partner the snippet for
//! the current view, with its options, a live preview and a copy button. The
//! snippet itself is built by [`passerelles_core::state::embed`]; this only renders and
//! wires.
//!
//! Partner webmasters use it, visitors do not: it is not in the page's own
//! module but in the on-demand one (src/bin/ondemand.rs), fetched at the
//! first click on "Intégrer cette vue" ([`OPENER`], rendered by the page),
//! which mounts it with the view of that moment ([`open`]).

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::{browser, clipboard};
use passerelles_core::engine::filter::FilterState;
use passerelles_core::state::embed::{self, SnippetOptions, MAX_HEIGHT, MIN_HEIGHT};
use passerelles_core::state::look::Scheme;
use passerelles_core::state::page::PageParams;
#[cfg(target_arch = "wasm32")]
use passerelles_core::state::query;
use passerelles_core::wording::say as s;

/// The page's button that opens the dialog; focus returns there.
pub const OPENER: &str = "embed-open";
const CODE: &str = "embed-code";

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub page: Rc<PageParams>,
    pub filter: FilterState,
    pub detail: Option<String>,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static MOUNTED: RefCell<Option<AppHandle<EmbedDialog>>> = const { RefCell::new(None) };
}

/// Opens the dialog for the view `query` (a query string as the page's
/// URL writes it: filters, record, page parameters), replacing any earlier
/// one, in a root of its own after the page's.
#[cfg(target_arch = "wasm32")]
pub fn open(query: &str) {
    let (filter, detail) = query::decode(query);
    let props = EmbedDialogProps {
        page: Rc::new(PageParams::decode(query)),
        filter,
        detail,
    };
    let Some(root) = browser::mount_point("ondemand") else {
        return;
    };
    MOUNTED.with(|m| {
        if let Some(old) = m.borrow_mut().take() {
            old.destroy();
        }
        let handle = yew::Renderer::<EmbedDialog>::with_root_and_props(root, props).render();
        *m.borrow_mut() = Some(handle);
    });
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let dialog = use_node_ref();
    let options = use_state_eq(SnippetOptions::default);
    let status = use_state_eq(String::new);

    // showModal once rendered (the dialog is mounted when asked for): it
    // traps focus, makes the rest inert, and closes on Escape.
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
        });
    }
    // Fired however the dialog closes (button, Escape): focus back to the opener.
    let on_closed = Callback::from(move |_: Event| browser::focus(OPENER));
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };

    let root = browser::app_root();
    let Some(base) = embed::app_base(&root) else {
        // Not served over http(s) (a file on disk): there is nothing to embed.
        return Html::default();
    };
    let (page, filter, detail) = (&props.page, &props.filter, props.detail.as_deref());
    let snippet = embed::snippet(base, page, filter, detail, *options);
    let src = embed::iframe_src(base, page, filter, detail, *options);
    let height = options.height.clamp(MIN_HEIGHT, MAX_HEIGHT);

    let set_option = |change: fn(&mut SnippetOptions, &Event)| {
        let (options, status) = (options.clone(), status.clone());
        Callback::from(move |e: Event| {
            let mut next = *options;
            change(&mut next, &e);
            status.set(String::new());
            options.set(next);
        })
    };
    let on_lock =
        set_option(|o, e| o.lock = e.target_unchecked_into::<HtmlInputElement>().checked());
    let on_scheme = set_option(|o, e| {
        let key = e.target_unchecked_into::<HtmlSelectElement>().value();
        o.scheme = Scheme::from_key(&key).unwrap_or_default();
    });
    let on_height = set_option(|o, e| {
        if let Ok(h) = e
            .target_unchecked_into::<HtmlInputElement>()
            .value()
            .trim()
            .parse::<u32>()
        {
            o.height = h.clamp(MIN_HEIGHT, MAX_HEIGHT);
        }
    });
    let on_copy = {
        let (text, status) = (snippet.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if clipboard::write(&text).await {
                    status.set(s::EMBED_COPIED().to_string());
                } else {
                    clipboard::select_all(CODE);
                    status.set(s::EMBED_COPY_FALLBACK().to_string());
                }
            });
        })
    };
    let lockable =
        !filter.themes.is_empty() || !filter.regions.is_empty() || !filter.types.is_empty();

    html! {
            <dialog id="embed-dialog" class="embed-dialog" ref={dialog} onclose={on_closed}
                aria-labelledby="embed-title">
                    <h2 id="embed-title">{ s::EMBED_TITLE() }</h2>
                    <p>{ s::EMBED_INTRO() }</p>
                    <div class="embed-options">
                        <div class="switch">
                            <input type="checkbox" id="embed-lock" checked={options.lock} onchange={on_lock}
                                disabled={!lockable} aria-describedby="embed-lock-hint" />
                            <label for="embed-lock">{ s::EMBED_LOCK() }</label>
                            <p class="hint" id="embed-lock-hint">{ s::EMBED_LOCK_HINT() }</p>
                        </div>
                        <div class="field">
                            <label for="embed-scheme">{ s::EMBED_SCHEME() }</label>
                            <select id="embed-scheme" onchange={on_scheme}>
                                { for Scheme::ALL.into_iter().map(|sc| html! {
                                    <option value={sc.key()} selected={options.scheme == sc}>{ sc.label() }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="embed-height">{ s::EMBED_HEIGHT() }</label>
                            <input type="number" id="embed-height" inputmode="numeric"
                                min={MIN_HEIGHT.to_string()} max={MAX_HEIGHT.to_string()} step="50"
                                value={height.to_string()} onchange={on_height}
                                aria-describedby="embed-height-hint" />
                            <p class="hint" id="embed-height-hint">{ s::EMBED_HEIGHT_HINT() }</p>
                        </div>
                    </div>
                    <div class="field">
                        <label for={CODE}>{ s::EMBED_CODE() }</label>
                        <textarea id={CODE} class="embed-code" readonly=true rows="6" spellcheck="false"
                            value={snippet} />
                    </div>
                    <div class="embed-actions">
                        <button type="button" id="embed-copy" class="button" onclick={on_copy}>{ s::EMBED_COPY() }</button>
                        <p id="embed-copy-status" class="embed-status" role="status">{ (*status).clone() }</p>
                    </div>
                    <h3>{ s::EMBED_PREVIEW() }</h3>
                    <iframe id="embed-preview" class="embed-preview" src={src}
                        title={s::EMBED_PREVIEW_TITLE()} height={height.to_string()}></iframe>
                    <div class="embed-actions">
                        <button type="button" id="embed-close" class="button button-quiet" onclick={on_close}>{ s::EMBED_CLOSE() }</button>
                    </div>
            </dialog>
    }
}
