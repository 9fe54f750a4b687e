//! Taking the results away: the export buttons of the results header and
//! "Ajouter à mon agenda" in an event's detail (printing is the
//! stylesheet's: `@media print` in styles/main.css). Every piece was
//! written at build time ([`crate::export`]); this fetches a format's
//! exports file once (kept in [`Data`], like shards), assembles the records
//! shown in the order shown, and hands the file to the browser
//! ([`browser::download`]).

use std::rc::Rc;

use yew::prelude::*;

use super::browser::{self, FetchError};
use super::{Ctx, Data};
use crate::data::catalog::RecordType;
use crate::export::{self, Exports, Format};
use crate::wording::fr as s;

/// The exports of `format`: held, inline in the pack, or fetched now.
async fn exports_of(data: &Data, format: Format) -> Result<Rc<Exports>, &'static str> {
    if let Some(held) = data.exports(format) {
        return Ok(held);
    }
    let exports = match data.pack.inline_exports(format) {
        Some(inline) => inline,
        None => {
            let url = data
                .pack
                .exports_url(&data.url, format)
                .ok_or(s::EXPORT_RELOAD)?;
            let bytes = browser::fetch_bytes(&url, &|_| {})
                .await
                .map_err(|e| match e {
                    // Named by content: a page older than the site asks for
                    // a name that is gone.
                    FetchError::Status(404) => s::EXPORT_RELOAD,
                    _ => s::EXPORT_UNAVAILABLE,
                })?;
            // Stale or damaged: either way only a reload mends it.
            data.pack
                .open_exports(format, bytes)
                .map_err(|_| s::EXPORT_RELOAD)?
        }
    };
    let exports = Rc::new(exports);
    data.keep_exports(format, exports.clone());
    Ok(exports)
}

/// Downloads the records at `shown` in `format` as `name`; says what was
/// done, for the status line.
async fn take_away(data: &Data, format: Format, shown: &[u32], name: &str, embed: bool) -> String {
    let exports = match exports_of(data, format).await {
        Ok(e) => e,
        Err(message) => return message.to_string(),
    };
    let done = export::assemble(&exports, shown, "");
    let mut message = match format {
        Format::Ics if done.rows == 0 => s::NO_CALENDAR_EVENT.to_string(),
        Format::Ics => s::calendar_exported(done.rows),
        _ => s::records_exported(done.rows),
    };
    if done.left_out.total() > 0 {
        let l = done.left_out;
        message.push(' ');
        message.push_str(&s::calendar_left_out(l.month, l.year, l.undated));
    }
    if done.rows > 0 || format != Format::Ics {
        browser::download(name, format.mime(), done.text.as_bytes());
        if embed {
            message.push(' ');
            message.push_str(s::EXPORT_EMBED_HINT);
        }
    }
    message
}

fn button(key: &'static str, label: &'static str, onclick: &Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="button button-quiet" data-export={key} onclick={onclick.clone()}>{ label }</button>
    }
}

/// The live region an export reports into. Written by
/// [`browser::set_text`] rather than kept as component state: a Yew
/// component of its own costs the page its own copy of Yew's lifecycle code
/// (0.4 KB gzipped, measured), for a line of text Yew never has to diff.
const STATUS: &str = "export-status";

fn status() -> Html {
    html! { <p id={STATUS} class="export-status" role="status"></p> }
}

/// What a click on a button marked `data-export` does: the list shown (or
/// the event at `event`) in that format, as a file.
fn on_export(ctx: &Ctx, event: Option<usize>) -> Callback<MouseEvent> {
    let (data, view, outcome) = (ctx.data.clone(), ctx.view.clone(), ctx.outcome.clone());
    let embed = ctx.page.embed;
    Callback::from(move |e: MouseEvent| {
        let key = e
            .target_unchecked_into::<web_sys::Element>()
            .get_attribute("data-export");
        let format = match key.as_deref() {
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            _ => Format::Ics,
        };
        let (shown, name) = match event {
            Some(i) => (
                vec![i as u32],
                export::record_file_name(data.pack.card(i).id),
            ),
            None => (
                outcome.results.clone(),
                export::file_name(&view.filter, &data.pack.regions, format),
            ),
        };
        browser::set_text(STATUS, s::EXPORT_PREPARING);
        let data = data.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let said = take_away(&data, format, &shown, &name, embed).await;
            browser::set_text(STATUS, &said);
        });
    })
}

/// The results header's export buttons (`data-export="csv|json|ics"`).
pub fn bar(ctx: &Ctx) -> Html {
    if ctx.outcome.results.is_empty() {
        return Html::default();
    }
    let onclick = on_export(ctx, None);
    html! {
        <div class="export" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export-label">{ s::EXPORT_LABEL }</span>
            { button("csv", s::EXPORT_CSV, &onclick) }
            { button("json", s::EXPORT_JSON, &onclick) }
            { button("ics", s::EXPORT_ICS, &onclick) }
            { status() }
        </div>
    }
}

/// "Ajouter à mon agenda" (`data-export="ics-event"`) in the detail of
/// record `i`: its calendar, when it is an event dated to the day.
pub fn add_to_calendar(ctx: &Ctx, i: usize) -> Html {
    let pack = &ctx.data.pack;
    if pack.card(i).record_type != RecordType::Event || !pack.index.is_one_day(i) {
        return Html::default();
    }
    html! {
        <div class="export export-event">
            { button("ics-event", s::ADD_TO_CALENDAR, &on_export(ctx, Some(i))) }
            { status() }
        </div>
    }
}
