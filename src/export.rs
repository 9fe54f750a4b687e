//! Taking the results away, in the page: the export buttons of the results
//! header and "Ajouter à mon agenda" in an event's detail (printing is the
//! stylesheet's: `@media print` in styles/main.css). A click says which
//! records, in which order, in which format, and where their pieces are;
//! the work itself (fetching the format's exports file, checking it,
//! assembling, handing the file to the browser) is the on-demand module's
//! ([`crate::takeaway`]), fetched at the first click, so a visit that
//! exports nothing never downloads it.

use passerelles_core::bridge::ondemand::{Call, TakeAway};
use yew::prelude::*;

use crate::{browser, Ctx};
use passerelles_core::data::catalog::RecordType;
use passerelles_core::export::{self, Format};
use passerelles_core::wording::say as s;

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
        // No download can start in a frame that allows scripts only: say
        // what to do instead of failing in silence.
        if crate::frame::scripts_only() {
            browser::set_text(STATUS, s::SANDBOX_NO_DOWNLOAD());
            return;
        }
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
        // Where the pieces are: a file beside the pack, named by its seal,
        // or (the offline file, a converted JSON file) inside the pack.
        let pack = &data.pack;
        let call = Call::TakeAway(TakeAway {
            format,
            url: pack.exports_url(&data.url, format).unwrap_or_default(),
            inline: pack.inline_exports_bytes(format).map(<[u8]>::to_vec),
            build: pack.build,
            seal: pack.exports_seal(format).unwrap_or(0),
            records: pack.len() as u32,
            shown,
            name,
            embed,
            lang: passerelles_core::wording::lang(),
        });
        browser::set_text(STATUS, s::EXPORT_PREPARING());
        wasm_bindgen_futures::spawn_local(async move {
            let said = browser::on_demand(&call).await.ok().flatten();
            browser::set_text(STATUS, said.as_deref().unwrap_or(s::EXPORT_UNAVAILABLE()));
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
            <span id="export-label" class="export-label">{ s::EXPORT_LABEL() }</span>
            { button("csv", s::EXPORT_CSV(), &onclick) }
            { button("json", s::EXPORT_JSON(), &onclick) }
            { button("ics", s::EXPORT_ICS(), &onclick) }
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
            { button("ics-event", s::ADD_TO_CALENDAR(), &on_export(ctx, Some(i))) }
            { status() }
        </div>
    }
}
