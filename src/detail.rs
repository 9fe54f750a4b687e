//! One record in full, as the pack words it ([`passerelles_core::pack::detail`]): facts,
//! lists, source and excerpts, and links to the records around it. When a
//! large dataset keeps its details in shards, the record's shard is fetched
//! on opening it.

use std::rc::Rc;

use web_sys::MouseEvent;
use yew::prelude::*;

use crate::browser::{self, FetchError};
use crate::facts::{facts, shown, spans, Texts};
use crate::parts::{approximate, badge, open_in_place, recovery};
use crate::{export, fetch_parts};
use crate::{highlight, Ctx};
use passerelles_core::data::error::LoadErrorKind;
use passerelles_core::pack::detail::{Detail as Record, ListStyle};
use passerelles_core::pack::ShardError;
use passerelles_core::state::view::Action;
use passerelles_core::wording::say as s;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub ctx: Ctx,
    pub id: String,
}

/// Where the record's shard stands, when its details are in one.
#[derive(Clone, Copy, PartialEq)]
enum Fetch {
    Pending,
    /// Kept in `Data`; setting this renders the record again, with it.
    Arrived,
    /// The network failed (or went silent): trying again may work.
    Failed,
    /// No such shard on the server any more: the site was rebuilt.
    Gone,
    /// Bytes arrived, but not this pack's shard, or not whole: only a
    /// reload (the site's new pack with its own shards) can mend it.
    Refused(ShardError),
}

#[function_component(Detail)]
pub fn detail(props: &DetailProps) -> Html {
    let Ctx {
        data,
        view,
        dispatch,
        ..
    } = &props.ctx;

    let back_href = props.ctx.href(&view.filter, None);
    let on_back = {
        let dispatch = dispatch.clone();
        let from_list = view.detail_from_list;
        Callback::from(move |e: MouseEvent| {
            if open_in_place(&e) {
                e.prevent_default();
                // A history step keeps the list's own entry, scroll and all.
                if from_list {
                    browser::back()
                } else {
                    dispatch.emit(Action::Close)
                }
            }
        })
    };
    let back = html! {
        <a id="back" class="back" href={back_href} onclick={on_back}>{ "← " }{ s::BACK_TO_LIST() }</a>
    };

    // A split pack finds a record by its id in a block of ids, fetched
    // first (src/fetch_parts.rs); the record waits for it as for its shard.
    // Its card (title, kind, date) is in a block of cards, fetched too.
    let located = data.pack.locate(&props.id);
    let lacking = match located {
        Err(ids) => Some(ids),
        Ok(found) => found.and_then(|i| data.pack.card_part(i)),
    };
    let on_the_way = lacking.is_some();
    fetch_parts::ask(data, lacking);
    let index = located.ok().flatten();
    let shard = index.and_then(|i| data.pack.shard_of(i));
    let fetch = use_state_eq(|| Fetch::Pending);
    let attempt = use_state_eq(|| 0u32);
    {
        let (data, fetch) = (data.clone(), fetch.clone());
        use_effect_with((shard, *attempt), move |(shard, _)| {
            if let Some(k) = *shard {
                if data.shard(k).is_none() {
                    fetch.set(Fetch::Pending);
                    let url = data.pack.shard_url(&data.url, k).unwrap_or_default();
                    wasm_bindgen_futures::spawn_local(async move {
                        let opened = match browser::fetch_bytes(&url, &|_| {}).await {
                            Ok(bytes) => data.pack.open_shard(k, bytes).map_err(Fetch::Refused),
                            // Shards are named by their content: a page
                            // older than the site asks for names gone.
                            Err(FetchError::Status(404)) => Err(Fetch::Gone),
                            Err(_) => Err(Fetch::Failed),
                        };
                        match opened {
                            Ok(shard) => {
                                data.keep_shard(k, Rc::new(shard));
                                fetch.set(Fetch::Arrived);
                            }
                            Err(failed) => fetch.set(failed),
                        }
                    });
                }
            }
        });
    }

    {
        // Complete (the record, or why it cannot be shown, with nothing
        // left to fetch): the prerendered view gives way to this one.
        let complete = match (index, shard) {
            _ if on_the_way => data.arrivals.failed().is_some(),
            (None, _) | (Some(_), None) => true,
            (Some(_), Some(k)) => data.shard(k).is_some() || *fetch != Fetch::Pending,
        };
        use_effect(move || {
            if complete {
                browser::take_over();
            }
        });
    }

    if on_the_way {
        return html! {
            <article id="detail" class="detail" data-id={props.id.clone()} aria-busy="true">
                { back }
                <p role="status">{ s::LOADING_PART() }</p>
            </article>
        };
    }
    let Some(index) = index else {
        return html! {
            <article id="detail" class="detail" data-id={props.id.clone()}>
                { back }
                <h2 id="detail-title" tabindex="-1">{ s::UNKNOWN_RECORD() }</h2>
            </article>
        };
    };
    let card = data.pack.card(index);
    let held = shard.and_then(|k| data.shard(k));
    let record = match (&held, shard) {
        (Some(held), _) => held.detail(index),
        (None, None) => data.pack.inline_detail(index),
        (None, Some(_)) => None,
    };
    // Never a wait without an end: a shard held but lacking the record is
    // as refused as one that never came.
    let failure = match (&record, &held, *fetch) {
        (Some(_), _, _) => None,
        (None, Some(_), _) | (None, None, Fetch::Refused(ShardError::Damaged)) => {
            Some((s::RECORD_DAMAGED(), LoadErrorKind::Pack))
        }
        (None, None, Fetch::Refused(ShardError::Stale)) => {
            Some((s::RECORD_STALE(), LoadErrorKind::Pack))
        }
        (None, None, Fetch::Failed) => Some((s::RECORD_UNAVAILABLE(), LoadErrorKind::Unreachable)),
        (None, None, Fetch::Gone) => Some((s::RECORD_GONE(), LoadErrorKind::Pack)),
        (None, None, _) if shard.is_none() => Some((s::RECORD_DAMAGED(), LoadErrorKind::Pack)),
        (None, None, _) => None,
    };
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    let body = match (record, failure) {
        (Some(record), _) => body(&props.ctx, &record),
        (None, Some((message, kind))) => html! {
            <div class="load-error" role="alert">
                <p>{ message }</p>
                { recovery(kind, &retry) }
            </div>
        },
        (None, None) => html! { <p class="loading" role="status">{ s::LOADING_RECORD() }</p> },
    };
    html! {
        <article id="detail" class="detail" data-id={card.id.to_string()}>
            { back }
            <p class="card-kind">
                { badge(card.record_type) }
                { " " }<span lang="fr">{ card.kind.to_string() }</span>
                { approximate(&props.ctx, index) }
            </p>
            <h2 id="detail-title" tabindex="-1" lang="fr">{ highlight::text(&props.ctx, &highlight::marks(&props.ctx), card.title, "title", false) }</h2>
            { export::add_to_calendar(&props.ctx, index) }
            { body }
        </article>
    }
}

fn body(ctx: &Ctx, record: &Record) -> Html {
    let texts = &Texts::default();
    // Beside "Ajouter à mon agenda": the web calendars, in a new tab
    // (none can open in a frame that allows scripts only, where the
    // calendar button says what to do instead).
    let calendars = (!record.calendars.is_empty() && !crate::frame::scripts_only()).then(|| {
        html! {
            <ul class="web-calendars">
                { for record.calendars.iter().map(|&(label, url)| html! {
                    <li><a href={url.to_string()} target="_blank" rel="noopener noreferrer">
                        { label }<span class="visually-hidden">{ s::NEW_TAB() }</span>
                    </a></li>
                }) }
            </ul>
        }
    });
    html! {
        <>
            { for calendars }
            { facts(ctx, texts, &record.facts) }
            if let Some(d) = record.description { <p class="description">{ d.to_string() }</p> }
            { for record.sections.iter().map(|section| {
                let items: Html = section.items.iter().map(|item| html! { <li>{ spans(ctx, texts, item) }</li> }).collect();
                // Literal classes (see `parts::badge`).
                let list = match section.style {
                    ListStyle::Plain => html! { <ul lang="fr">{ items }</ul> },
                    ListStyle::Figures => html! { <ul class="figures" lang="fr">{ items }</ul> },
                    ListStyle::Linked => html! { <ul class="linked" lang="fr">{ items }</ul> },
                };
                html! {
                    <section class="detail-section">
                        <h3>{ section.title.to_string() }</h3>
                        { list }
                    </section>
                }
            }) }
            <section class="detail-section source">
                <h3>{ s::D_SOURCE() }</h3>
                { facts(ctx, texts, &record.source) }
                if let Some(n) = record.source_note { <p class="note">{ n.to_string() }</p> }
                <h4>{ s::D_EXCERPTS() }</h4>
                { for record.excerpts.iter().map(|(text, caption)| html! {
                    <figure class="excerpt">
                        <blockquote lang="fr">{ shown(ctx, texts, text) }</blockquote>
                        <figcaption>{ caption.clone() }</figcaption>
                    </figure>
                }) }
            </section>
        </>
    }
}
