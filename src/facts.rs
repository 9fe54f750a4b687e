//! A record's facts as the pack words them ([`passerelles_core::pack::detail`]):
//! labels and values, lists, links to other records, record text with its
//! matched words and acronyms. The detail draws them, and so does the
//! glossary's page (its entries are worded as facts).

use std::cell::Cell;

use yew::prelude::*;

use crate::parts::open_record;
use crate::{highlight, Ctx};
use passerelles_core::export::pages::Facet;
use passerelles_core::pack::detail::{Fact, Span, Value};
use passerelles_core::wording::say as s;

/// A list of facts: a label, its value, its note.
pub fn facts(ctx: &Ctx, texts: &Texts, facts: &[Fact]) -> Html {
    html! {
        <dl class="facts">
            { for facts.iter().map(|f| html! {
                <>
                    <dt>{ f.label.to_string() }</dt>
                    <dd lang={(french(f) && passerelles_core::wording::lang() != passerelles_core::wording::Lang::Fr).then_some("fr")}>
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
    !matches!(f.value, Value::Themes(_))
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
        Value::Themes(ids) => theme_chips(ctx, ids),
    }
}

pub fn spans(ctx: &Ctx, texts: &Texts, spans: &[Span]) -> Html {
    html! {
        { for spans.iter().map(|span| match *span {
            Span::Text(t) => shown(ctx, texts, t),
            Span::Muted(t) => html! { <span class="muted">{ t.to_string() }</span> },
            Span::Strong(t) => html! { <strong>{ t.to_string() }</strong> },
            Span::Link(url) => html! {
                <a href={url.to_string()} rel="noopener noreferrer" target="_blank">{ url.to_string() }</a>
            },
            Span::Record(id) => record_link(ctx, id),
            Span::Region(code) => html! {
                <a href={ctx.facet_href(Facet::Region(code))}>
                    { ctx.data.pack.region_name(code).unwrap_or(code).to_string() }
                </a>
            },
        }) }
    }
}

/// Theme chips, each a link to its theme's page (or view), named by the
/// pack's vocabulary: the cards' and the detail's. A slice, not an
/// iterator: one copy of this in the page's wasm, not one per caller's
/// iterator type.
pub fn theme_chips(ctx: &Ctx, ids: &[&str]) -> Html {
    html! {
        <ul class="chips" aria-label={s::D_THEMES()}>
            { for ids.iter().map(|&id| html! {
                <li class="chip">
                    <a href={ctx.facet_href(Facet::Theme(id))}>{ ctx.data.pack.theme_label(id).unwrap_or(id).to_string() }</a>
                </li>
            }) }
        </ul>
    }
}

/// The texts of one detail, numbered in the order they are drawn: the ids
/// of their acronyms' tips are then unique on the page, and the same in the
/// build's render as in the app's (the markup must not change when the app
/// takes the page over, and a text's address in memory differs).
#[derive(Default)]
pub struct Texts(Cell<usize>);

impl Texts {
    fn next(&self) -> String {
        let n = self.0.get();
        self.0.set(n + 1);
        format!("d{n}")
    }
}

/// Record text with its matched words and glossary terms.
pub fn shown(ctx: &Ctx, texts: &Texts, text: &str) -> Html {
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
