//! Step 5: the files to publish. The JSON as the site is built from it
//! (once it has no error: a file with one stops the build), the workbook
//! in either format (the workbook crate's writers, in the worker), and how
//! to publish: nothing is uploaded from here, ever.

use yew::prelude::*;

use super::browser;
use super::ctx::Ctx;
use super::worker::Purpose;
use crate::state::Msg;
use crate::wording::say as s;
use passerelles_core::bridge::editor::{BookFormat, Call};

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub ctx: Ctx,
}

#[function_component(Publish)]
pub fn publish(props: &PublishProps) -> Html {
    let ctx = &props.ctx;
    let Some(current) = ctx.current() else {
        return Html::default();
    };
    let on_json = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download(
                "passerelles.json",
                "application/json",
                current.opened.dataset.as_bytes(),
            );
        })
    };
    let book = |format: BookFormat| {
        let (work, dispatch, dataset) = (
            ctx.work.clone(),
            ctx.dispatch.clone(),
            current.opened.dataset.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let id = work.send(
                Call::Workbook {
                    dataset: dataset.clone(),
                    format,
                },
                Purpose::Workbook(format),
            );
            dispatch.emit(Msg::Writing(id));
        })
    };
    let writing = ctx.state.writing.is_some();
    let publishable = current.publishable();
    html! {
        <section id="publish" class="step" aria-labelledby="publish-title">
            <h2 id="publish-title">{ s::PUBLISH_TITLE() }</h2>
            if current.changed { <p class="notice-changed">{ s::CHANGED_NOTE() }</p> }
            if !publishable {
                <p class="read-error" id="not-publishable">{ s::not_publishable(current.opened.errors) }</p>
            }
            <p class="actions downloads">
                <button type="button" id="download-json" class="button" onclick={on_json}
                    disabled={!publishable} aria-describedby={(!publishable).then_some("not-publishable")}>
                    { s::DOWNLOAD_JSON() }
                </button>
                <button type="button" id="download-ods" class="button button-quiet"
                    onclick={book(BookFormat::Ods)} disabled={writing}>{ s::DOWNLOAD_ODS() }</button>
                <button type="button" id="download-xlsx" class="button button-quiet"
                    onclick={book(BookFormat::Xlsx)} disabled={writing}>{ s::DOWNLOAD_XLSX() }</button>
            </p>
            <div id="publish-status" role="status">
                if writing { <p>{ s::WRITING() }</p> }
                if !ctx.state.refused_export.is_empty() {
                    <div class="read-error">
                        <p>{ s::EXPORT_REFUSED() }</p>
                        <ul lang="fr">{ for ctx.state.refused_export.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                    </div>
                }
            </div>
            <p>{ s::PUBLISH_HOW() }</p>
            <ul>
                <li>{ s::PUBLISH_HOW_COMMIT() }</li>
                <li>{ s::PUBLISH_HOW_HOST() }</li>
            </ul>
        </section>
    }
}
