//! "Intégrer cette vue": a modal dialog that hands a partner the snippet for
//! the current view, with its options, a live preview and a copy button. The
//! snippet itself is built by [`crate::state::embed`]; this only renders and wires.

use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{browser, clipboard, Ctx};
use crate::state::embed::{self, SnippetOptions, MAX_HEIGHT, MIN_HEIGHT};
use crate::state::look::Scheme;
use crate::wording::fr as s;

const OPENER: &str = "embed-open";
const CODE: &str = "embed-code";

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub ctx: Ctx,
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let ctx = &props.ctx;
    let dialog = use_node_ref();
    let open = use_state_eq(|| false);
    let options = use_state_eq(SnippetOptions::default);
    let status = use_state_eq(String::new);

    // showModal once the dialog's content is rendered: it traps focus, makes
    // the rest inert, and closes on Escape.
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                }
            }
        });
    }
    let on_open = {
        let (open, status) = (open.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(String::new());
            open.set(true);
        })
    };
    // Fired however the dialog closes (button, Escape): focus back to the opener.
    let on_closed = {
        let open = open.clone();
        Callback::from(move |_: Event| {
            open.set(false);
            browser::focus(OPENER);
        })
    };
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };

    let href = browser::href();
    let Some(base) = embed::app_base(&href) else {
        // Not served over http(s) (a file on disk): there is nothing to embed.
        return Html::default();
    };
    let view = &ctx.view;
    let detail = view.detail.as_deref();
    let snippet = embed::snippet(base, &ctx.page, &view.filter, detail, *options);
    let src = embed::iframe_src(base, &ctx.page, &view.filter, detail, *options);
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
                    status.set(s::EMBED_COPIED.to_string());
                } else {
                    clipboard::select_all(CODE);
                    status.set(s::EMBED_COPY_FALLBACK.to_string());
                }
            });
        })
    };
    let lockable = !view.filter.themes.is_empty()
        || !view.filter.regions.is_empty()
        || !view.filter.types.is_empty();

    html! {
        <>
            <button type="button" id={OPENER} class="button button-quiet" onclick={on_open}
                aria-haspopup="dialog">{ s::EMBED_OPEN }</button>
            <dialog id="embed-dialog" class="embed-dialog" ref={dialog} onclose={on_closed}
                aria-labelledby="embed-title">
                if *open {
                    <h2 id="embed-title">{ s::EMBED_TITLE }</h2>
                    <p>{ s::EMBED_INTRO }</p>
                    <div class="embed-options">
                        <div class="switch">
                            <input type="checkbox" id="embed-lock" checked={options.lock} onchange={on_lock}
                                disabled={!lockable} aria-describedby="embed-lock-hint" />
                            <label for="embed-lock">{ s::EMBED_LOCK }</label>
                            <p class="hint" id="embed-lock-hint">{ s::EMBED_LOCK_HINT }</p>
                        </div>
                        <div class="field">
                            <label for="embed-scheme">{ s::EMBED_SCHEME }</label>
                            <select id="embed-scheme" onchange={on_scheme}>
                                { for Scheme::ALL.into_iter().map(|sc| html! {
                                    <option value={sc.key()} selected={options.scheme == sc}>{ sc.label() }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="embed-height">{ s::EMBED_HEIGHT }</label>
                            <input type="number" id="embed-height" inputmode="numeric"
                                min={MIN_HEIGHT.to_string()} max={MAX_HEIGHT.to_string()} step="50"
                                value={height.to_string()} onchange={on_height}
                                aria-describedby="embed-height-hint" />
                            <p class="hint" id="embed-height-hint">{ s::EMBED_HEIGHT_HINT }</p>
                        </div>
                    </div>
                    <div class="field">
                        <label for={CODE}>{ s::EMBED_CODE }</label>
                        <textarea id={CODE} class="embed-code" readonly=true rows="6" spellcheck="false"
                            value={snippet} />
                    </div>
                    <div class="embed-actions">
                        <button type="button" id="embed-copy" class="button" onclick={on_copy}>{ s::EMBED_COPY }</button>
                        <p id="embed-copy-status" class="embed-status" role="status">{ (*status).clone() }</p>
                    </div>
                    <h3>{ s::EMBED_PREVIEW }</h3>
                    <iframe id="embed-preview" class="embed-preview" src={src}
                        title={s::EMBED_PREVIEW_TITLE} height={height.to_string()}></iframe>
                    <div class="embed-actions">
                        <button type="button" id="embed-close" class="button button-quiet" onclick={on_close}>{ s::EMBED_CLOSE }</button>
                    </div>
                }
            </dialog>
        </>
    }
}
