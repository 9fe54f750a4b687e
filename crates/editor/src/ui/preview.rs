//! Step 3: the site as visitors will see it with this data, in place: the
//! site's own page (`editer/apercu/`, the page's own module and
//! components, the map and the timeline through the island as on any page)
//! in a frame, reading the pack the worker made of the dataset from
//! `window.passerellesPack`, as the offline file reads its own. A banner
//! above it, and one inside it, say it is a preview of a local file. The
//! frame reports its height as an embed does, and is that tall.

use std::cell::RefCell;

use yew::prelude::*;

use super::browser;
use super::ctx::Ctx;
use super::worker::Purpose;
use crate::state::Msg;
use crate::wording::say as s;
use passerelles_core::bridge::editor::Call;
use passerelles_core::export::EDITORS_PREVIEW;
use passerelles_core::state::embed::{RESIZE_MESSAGE, RESIZE_VERSION};
use passerelles_core::state::page::lang_root;
use passerelles_core::wording::lang;

/// The frame's height, whatever it reports: at least a screen's worth, at
/// most what embeds accept (assets/embed.js).
const MIN_HEIGHT: u32 = 320;
const MAX_HEIGHT: u32 = 50_000;

/// The site's glossary, fetched once: the preview's acronyms as the site's.
const GLOSSARY: &str = "data/glossary.json";

thread_local! {
    static GLOSSARY_TEXT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

fn make(ctx: &Ctx) {
    let Some(current) = ctx.current() else { return };
    let dataset = current.opened.dataset.clone();
    let (work, dispatch) = (ctx.work.clone(), ctx.dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let known = GLOSSARY_TEXT.with(|g| g.borrow().clone());
        let glossary = match known {
            Some(g) => g,
            None => {
                let fetched = browser::fetch_bytes(GLOSSARY)
                    .await
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok());
                GLOSSARY_TEXT.with(|g| *g.borrow_mut() = Some(fetched.clone()));
                fetched
            }
        };
        let id = work.send(
            Call::Preview {
                dataset,
                glossary,
                lang: lang(),
            },
            Purpose::Preview,
        );
        dispatch.emit(Msg::MakingPreview(id));
    });
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub ctx: Ctx,
}

#[function_component(PreviewSection)]
pub fn preview_section(props: &PreviewProps) -> Html {
    let ctx = &props.ctx;
    let frame = use_node_ref();
    let height = use_state_eq(|| 900u32);
    // The frame's height, as it reports it (only from its own window, only
    // this message, only a height in range).
    {
        let (frame, height) = (frame.clone(), height.clone());
        use_effect_with((), move |_| {
            let listener = browser::on_message(move |m| {
                let Some(el) = frame.cast::<web_sys::HtmlIFrameElement>() else {
                    return;
                };
                if !browser::from_frame(m, &el) {
                    return;
                }
                let data = m.data();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                let kind = get("type").and_then(|v| v.as_string());
                let version = get("v").and_then(|v| v.as_f64());
                let h = get("height").and_then(|v| v.as_f64());
                if kind.as_deref() == Some(RESIZE_MESSAGE)
                    && version == Some(f64::from(RESIZE_VERSION))
                {
                    if let Some(h) = h.filter(|h| h.is_finite()) {
                        height.set((h.ceil() as u32).clamp(MIN_HEIGHT, MAX_HEIGHT));
                    }
                }
            });
            move || drop(listener)
        });
    }
    let Some(current) = ctx.current() else {
        return Html::default();
    };
    let on_make = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| make(&ctx))
    };
    let on_close = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::ClosePreview))
    };
    let p = &ctx.state.preview;
    let shown = p.shown > 0;
    let src = format!(
        "{}{EDITORS_PREVIEW}?lang={}",
        lang_root(lang()),
        lang().code()
    );
    html! {
        <section id="preview" class="step" aria-labelledby="preview-title">
            <h2 id="preview-title">{ s::PREVIEW_TITLE() }</h2>
            <p>{ s::PREVIEW_INTRO() }</p>
            <p class="actions">
                <button type="button" id="make-preview" class="button" onclick={on_make}
                    disabled={p.making.is_some()}>
                    { if shown { s::PREVIEW_AGAIN() } else { s::PREVIEW_BUTTON() } }
                </button>
                if shown {
                    <button type="button" id="close-preview" class="button button-quiet" onclick={on_close}>{ s::PREVIEW_CLOSE() }</button>
                }
            </p>
            <p id="preview-status" role="status">
                if p.making.is_some() { { s::PREVIEW_MAKING() } }
                else if ctx.state.preview_is_stale() { { s::PREVIEW_STALE() } }
            </p>
            if shown {
                <div class="preview">
                    <p class="preview-banner" id="preview-banner">{ s::preview_banner(&current.name) }</p>
                    // A frame made afresh for each preview: the site's page
                    // starts again, with the new pack.
                    <iframe key={p.shown.to_string()} id="preview-frame" ref={frame} src={src}
                        title={s::preview_frame_title(&current.name)} height={height.to_string()}
                        aria-describedby="preview-banner"></iframe>
                </div>
            }
        </section>
    }
}
