//! One record in full, as the pack words it ([`crate::pack::detail`]): facts,
//! lists, source and excerpts, and links to the records around it. When a
//! large dataset keeps its details in shards, the record's shard is fetched
//! on opening it.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::MouseEvent;
use yew::prelude::*;

use super::app::recovery;
use super::browser::{self, FetchError};
use super::export;
use super::results::{badge_class, open_in_place, open_record};
use super::{highlight, Ctx};
use crate::data::catalog::LoadErrorKind;
use crate::data::catalog::RecordType;
use crate::pack::detail::{Detail as Record, Fact, ListStyle, Span, Value};
use crate::pack::ShardError;
use crate::state::view::Action;
use crate::wording::say as s;

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

    let index = data.pack.position(&props.id);
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
            (None, _) | (Some(_), None) => true,
            (Some(_), Some(k)) => data.shard(k).is_some() || *fetch != Fetch::Pending,
        };
        use_effect(move || {
            if complete {
                super::take_over();
            }
        });
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
    let badge = match card.record_type {
        RecordType::Agreement => s::BADGE_AGREEMENT(),
        RecordType::Event => s::BADGE_EVENT(),
    };
    html! {
        <article id="detail" class="detail" data-id={card.id.to_string()}>
            { back }
            <p class="card-kind">
                <span class={badge_class(card.record_type)}>{ badge }</span>
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
    html! {
        <>
            { facts(ctx, texts, &record.facts) }
            if let Some(d) = record.description { <p class="description">{ d.to_string() }</p> }
            { for record.sections.iter().map(|section| {
                let class = match section.style {
                    ListStyle::Plain => None,
                    ListStyle::Figures => Some("figures"),
                    ListStyle::Linked => Some("linked"),
                };
                html! {
                    <section class="detail-section">
                        <h3>{ section.title.to_string() }</h3>
                        <ul class={class} lang="fr">{ for section.items.iter().map(|item| html! { <li>{ spans(ctx, texts, item) }</li> }) }</ul>
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

/// "date approximative" beside a record the period keeps that may lie
/// outside it (see [`crate::engine::facets`]).
pub(super) fn approximate(ctx: &Ctx, index: usize) -> Html {
    if !crate::engine::facets::approximate(&ctx.data.pack.index, &ctx.view.filter, index) {
        return Html::default();
    }
    html! { <span class="badge badge-approx">{ s::DATE_APPROXIMATE() }</span> }
}

pub(super) fn facts(ctx: &Ctx, texts: &Texts, facts: &[Fact]) -> Html {
    html! {
        <dl class="facts">
            { for facts.iter().map(|f| html! {
                <>
                    <dt>{ f.label.to_string() }</dt>
                    <dd lang={(french(f) && crate::wording::lang() != crate::wording::Lang::Fr).then_some("fr")}>
                        { value(ctx, texts, &f.value) }
                        if let Some(n) = f.note { <p class="note">{ n.to_string() }</p> }
                    </dd>
                </>
            }) }
        </dl>
    }
}

/// Whether a fact's value is the record's own text (French), not worded in
/// the page's language (a date, a time, the territories, the themes).
fn french(f: &Fact) -> bool {
    !matches!(f.value, Value::Chips(_))
        && ![
            s::D_DATE(),
            s::D_TIME(),
            s::D_TERRITORY(),
            s::D_PUBLISHED(),
            s::D_THEMES(),
        ]
        .contains(&f.label)
}

fn value(ctx: &Ctx, texts: &Texts, value: &Value) -> Html {
    match value {
        Value::Line(line) => spans(ctx, texts, line),
        Value::Items(items) => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ spans(ctx, texts, item) }</li> }) }</ul>
        },
        Value::Chips(chips) => html! {
            <ul class="chips">{ for chips.iter().map(|c| html! { <li class="chip">{ c.to_string() }</li> }) }</ul>
        },
    }
}

fn spans(ctx: &Ctx, texts: &Texts, spans: &[Span]) -> Html {
    html! {
        { for spans.iter().map(|span| match *span {
            Span::Text(t) => shown(ctx, texts, t),
            Span::Muted(t) => html! { <span class="muted">{ t.to_string() }</span> },
            Span::Strong(t) => html! { <strong>{ t.to_string() }</strong> },
            Span::Link(url) => html! {
                <a href={url.to_string()} rel="noopener noreferrer" target="_blank">{ url.to_string() }</a>
            },
            Span::Record(id) => record_link(ctx, id),
        }) }
    }
}

/// The texts of one detail, numbered in the order they are drawn: the ids
/// of their acronyms' tips are then unique on the page, and the same in the
/// build's render as in the app's (the markup must not change when the app
/// takes the page over, and a text's address in memory differs).
#[derive(Default)]
pub(super) struct Texts(Cell<usize>);

impl Texts {
    fn next(&self) -> String {
        let n = self.0.get();
        self.0.set(n + 1);
        format!("d{n}")
    }
}

/// Record text with its matched words and glossary terms.
fn shown(ctx: &Ctx, texts: &Texts, text: &str) -> Html {
    highlight::text(ctx, &highlight::marks(ctx), text, &texts.next(), true)
}

fn record_link(ctx: &Ctx, id: &str) -> Html {
    let pack = &ctx.data.pack;
    let Some(i) = pack.position(id) else {
        return html! { <span>{ id.to_string() }</span> };
    };
    let onclick = open_record(&ctx.dispatch, id);
    html! {
        <a href={ctx.record_href(id)} {onclick}>{ pack.card(i).title.to_string() }</a>
    }
}
