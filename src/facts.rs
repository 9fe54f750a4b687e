//! A record's facts as the pack words them ([`passerelles_core::pack::detail`]):
//! labels and values, lists, links to other records, record text with its
//! matched words and acronyms. The detail draws them, and so does the
//! glossary's page (its entries are worded as facts).

use std::cell::Cell;

use yew::prelude::*;

use crate::parts::open_record;
use crate::{highlight, Ctx};
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
        }) }
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
