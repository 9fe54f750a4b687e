//! Step 1: a file dropped or picked (or the site's own data), read from the
//! disk with its progress, handed to the worker, and what became of it:
//! read (with its counts), or refused with why, the data open before
//! staying as it was. A read can be cancelled at any time.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::browser;
use super::ctx::Ctx;
use super::worker::{Purpose, READ_LIMIT_SECONDS};
use crate::state::{Msg, Notice, Phase};
use crate::wording::say as s;
use passerelles_core::bridge::editor::{At, Call, Refusal, Step, MAX_FILE_BYTES};

/// The site's data, published beside its pages.
const SITE_DATA: &str = "data/passerelles.json";

/// Reads `file` and hands it to the worker; a file too large or empty is
/// refused at once, without reading a byte.
fn open_file(ctx: &Ctx, file: web_sys::File) {
    let name = file.name();
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES as u64 || size == 0 {
        let why = if size == 0 {
            Refusal::Empty
        } else {
            Refusal::TooLarge { bytes: size }
        };
        ctx.dispatch.emit(Msg::Refused { id: 0, name, why });
        return;
    }
    if ctx.state.reading.is_some() {
        // One read at a time: the one under way is given up.
        ctx.work.cancel();
    }
    ctx.dispatch.emit(Msg::Loading {
        name: name.clone(),
        size,
    });
    let cancelled = ctx.work.reading();
    let (work, dispatch, base) = (
        ctx.work.clone(),
        ctx.dispatch.clone(),
        ctx.current().map(|c| c.opened.dataset.clone()),
    );
    wasm_bindgen_futures::spawn_local(async move {
        // Said at each new percent, not at each chunk: a redraw per 64 KB
        // of a 25 MB file would be 400 of them.
        let shown = std::cell::Cell::new(0u64);
        let progress = {
            let dispatch = dispatch.clone();
            move |n: u64| {
                let percent = n * 100 / size.max(1);
                if percent > shown.get() {
                    shown.set(percent);
                    dispatch.emit(Msg::Loaded(n));
                }
            }
        };
        let Ok(bytes) = browser::read_file(&file, &progress, cancelled.clone()).await else {
            return;
        };
        // One sheet saved as CSV replaces a table of data: of the file open,
        // or of the site's own.
        let base = match base {
            Some(b) => Some(b),
            None if name.to_lowercase().ends_with(".csv") => browser::fetch_bytes(SITE_DATA)
                .await
                .ok()
                .and_then(|b| String::from_utf8(b).ok()),
            None => None,
        };
        if cancelled.get() {
            return;
        }
        let id = work.send(
            Call::Read {
                name: name.clone(),
                bytes,
                base,
            },
            Purpose::Read { name },
        );
        dispatch.emit(Msg::Sent(id));
    });
}

/// Opens the site's own data (`data/passerelles.json`), as a file dropped.
fn open_site(ctx: &Ctx) {
    if ctx.state.reading.is_some() {
        ctx.work.cancel();
    }
    let name = s::OPEN_SITE_NAME().to_string();
    ctx.dispatch.emit(Msg::Loading {
        name: name.clone(),
        size: 0,
    });
    let cancelled = ctx.work.reading();
    let (work, dispatch) = (ctx.work.clone(), ctx.dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = browser::fetch_bytes(SITE_DATA).await;
        if cancelled.get() {
            return;
        }
        let Ok(bytes) = fetched else {
            dispatch.emit(Msg::Refused {
                id: 0,
                name,
                why: Refusal::Broken(passerelles_core::bridge::editor::Problem {
                    error: true,
                    text: s::FETCH_FAILED().to_string(),
                    at: At::File,
                    record: None,
                    field: None,
                    row: Vec::new(),
                }),
            });
            return;
        };
        let id = work.send(
            Call::Read {
                name: "passerelles.json".to_string(),
                bytes,
                base: None,
            },
            Purpose::Read { name },
        );
        dispatch.emit(Msg::Sent(id));
    });
}

#[derive(Properties, PartialEq)]
pub struct OpenProps {
    pub ctx: Ctx,
}

#[function_component(Open)]
pub fn open(props: &OpenProps) -> Html {
    let ctx = &props.ctx;
    let over = use_state_eq(|| false);
    let on_pick = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open_file(&ctx, file);
            }
            // The same file picked again is read again.
            input.set_value("");
        })
    };
    let on_drag = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let on_drop = {
        let (ctx, over) = (ctx.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                open_file(&ctx, file);
            }
        })
    };
    let on_site = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| open_site(&ctx))
    };
    let on_cancel = {
        let work = ctx.work.clone();
        Callback::from(move |_: MouseEvent| work.cancel())
    };
    let reading = ctx.state.reading.as_ref();
    let status = match reading {
        Some(r) => {
            let (text, value, max) = match r.phase {
                Phase::Loading(n) if r.size > 0 => (
                    s::reading_file(&r.name, (n * 100 / r.size.max(1)).min(100) as u32),
                    Some(n),
                    Some(r.size),
                ),
                Phase::Loading(_) => (s::STEP_READING().to_string(), None, None),
                Phase::Working {
                    step: Some(Step::Sheets),
                    done,
                    total,
                } if total > 0 => (
                    s::reading_sheets(&r.name, done, total),
                    Some(u64::from(done)),
                    Some(u64::from(total)),
                ),
                Phase::Working {
                    step: Some(Step::Writing),
                    ..
                } => (s::STEP_WRITING().to_string(), None, None),
                Phase::Working {
                    step: Some(Step::Checking),
                    ..
                } => (s::STEP_CHECKING().to_string(), None, None),
                Phase::Working { .. } => (s::STEP_READING().to_string(), None, None),
            };
            html! {
                <>
                    <p>{ text }</p>
                    // Without a value, the bar says "under way" without a figure.
                    <progress max={max.map(|m| m.to_string())} value={value.map(|v| v.to_string())}
                        aria-label={s::STEP_READING()}></progress>
                </>
            }
        }
        None => notice(ctx, false),
    };
    let alert = if reading.is_none() {
        notice(ctx, true)
    } else {
        Html::default()
    };
    html! {
        <section id="open" class="step" aria-labelledby="open-title">
            <h2 id="open-title">{ s::OPEN_TITLE() }</h2>
            <div id="drop" class={classes!("drop", (*over).then_some("drop-over"))}
                ondragenter={on_drag.clone()} ondragover={on_drag} ondragleave={on_leave} ondrop={on_drop}>
                <label for="file-input" class="drop-label">{ s::DROP_LABEL() }</label>
                <input type="file" id="file-input" onchange={on_pick}
                    accept=".ods,.xlsx,.csv,.json,application/json,text/csv"
                    aria-describedby="drop-hint" />
                <p class="hint" id="drop-hint">{ s::DROP_HINT() }</p>
            </div>
            <p class="actions">
                <button type="button" id="open-site" class="button button-quiet" onclick={on_site}>{ s::OPEN_SITE() }</button>
            </p>
            <div id="read-status" class="read-status" role="status">{ status }</div>
            if reading.is_some() {
                <p class="actions">
                    <button type="button" id="cancel-read" class="button button-quiet" onclick={on_cancel}>{ s::CANCEL() }</button>
                </p>
            }
            <div id="read-alert" role="alert">{ alert }</div>
        </section>
    }
}

/// What the last read said: its outcome (`alert`: false) or, when it went
/// wrong, why (`alert`: true), each in its own live region.
fn notice(ctx: &Ctx, alert: bool) -> Html {
    let Some(notice) = &ctx.state.notice else {
        return Html::default();
    };
    let kept = ctx.current().is_some();
    let said = |text: String| {
        html! {
            <div class="read-error">
                <p>{ text }</p>
                if kept { <p>{ s::KEPT() }</p> }
            </div>
        }
    };
    match (notice, alert) {
        (Notice::Read { .. }, false) => {
            let Some(c) = ctx.current() else {
                return Html::default();
            };
            let o = &c.opened;
            html! {
                <div class="read-ok">
                    <p>{ s::read_ok(&c.name, o.agreements, o.events) }</p>
                    if o.left_out > 0 { <p>{ s::left_out(o.left_out) }</p> }
                    <p>
                        if o.errors + o.warnings == 0 { { s::NO_PROBLEM() } }
                        else { <a href="#problems-title">{ s::problems_count(o.errors, o.warnings) }</a> }
                    </p>
                </div>
            }
        }
        (Notice::Added { id }, false) => html! { <p class="read-ok">{ s::added(id) }</p> },
        (Notice::Cancelled { name }, false) => html! {
            <p>{ s::cancelled(name) }{ " " }{ if kept { s::KEPT() } else { "" } }</p>
        },
        (Notice::Refused { name, why }, true) => match why {
            Refusal::TooLarge { bytes } => said(s::too_large(
                name,
                bytes * 10 / (1024 * 1024),
                (MAX_FILE_BYTES / (1024 * 1024)) as u64,
            )),
            Refusal::Empty => said(s::empty(name)),
            Refusal::NotData => said(s::not_data(name)),
            Refusal::Encrypted => said(s::encrypted(name)),
            Refusal::OldExcel => said(s::old_excel(name)),
            Refusal::UnknownSheet => said(s::unknown_sheet(name)),
            Refusal::Broken(p) => {
                let at = match &p.at {
                    At::Text { line, column, .. } if *line > 0 => Some(s::at_line(*line, *column)),
                    _ => None,
                };
                html! {
                    <div class="read-error">
                        <p>{ s::broken(name) }</p>
                        <p><span lang="fr">{ &p.text }</span>{ for at.map(|a| html! { <>{ " (" }{ a }{ ")" }</> }) }</p>
                        if kept { <p>{ s::KEPT() }</p> }
                    </div>
                }
            }
        },
        (Notice::TimedOut { name }, true) => said(s::timed_out(name, READ_LIMIT_SECONDS)),
        (Notice::Failed { name }, true) => said(s::failed(name)),
        _ => Html::default(),
    }
}
