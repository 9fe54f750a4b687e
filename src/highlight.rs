//! Why a record matched, drawn: the pieces of [`passerelles_core::engine::highlight`]
//! as text nodes, matched words in `<mark>`, glossary terms as
//! abbreviations whose expansion shows on focus or tap ([`Abbr`]). Record
//! text never becomes markup.

use std::rc::Rc;

use yew::prelude::*;

use crate::parts::{abbr, open_in_place, tip};
use crate::{browser, Ctx};
use passerelles_core::engine::filter::FilterState;
use passerelles_core::engine::highlight::{corrected, pieces, Marks, Piece};
use passerelles_core::state::view::Action;
use passerelles_core::wording::say as s;

/// What the current query matched, for [`text`]: worked out once per
/// outcome, not once per card.
pub fn marks(ctx: &Ctx) -> Rc<Marks> {
    let mut kept = ctx.data.marks.borrow_mut();
    match &*kept {
        Some((outcome, marks)) if Rc::ptr_eq(outcome, &ctx.outcome) => marks.clone(),
        _ => {
            let marks = Rc::new(Marks::new(&ctx.outcome.words, &ctx.data.synonyms));
            *kept = Some((ctx.outcome.clone(), marks.clone()));
            marks
        }
    }
}

/// `text` with its matched words marked and its glossary terms as
/// abbreviations. `scope` keeps the ids of the terms' tips unique on the
/// page; `live` terms can be focused (not inside a link, where they would
/// be a control inside a control).
pub fn text(ctx: &Ctx, marks: &Marks, text: &str, scope: &str, live: bool) -> Html {
    let glossary = &ctx.data.pack.glossary;
    html! {
        { for pieces(text, marks, &ctx.data.terms).into_iter().map(|p| {
            let (r, term, marked) = match p {
                Piece::Plain(r) => (r, None, false),
                Piece::Marked(r) => (r, None, true),
                Piece::Term(r, e, marked) => (r, glossary.get(e), marked),
            };
            let at = r.start;
            let shown = html! { if marked { <mark>{ text[r].to_string() }</mark> } else { { text[r].to_string() } } };
            match term {
                Some(g) if live => {
                    abbr(shown, tip(g), format!("gloss-{scope}-{at}"))
                }
                Some(_) => html! { <abbr>{ shown }</abbr> },
                None => shown,
            }
        }) }
    }
}

/// "Vouliez-vous dire « … » ?" when the results needed a correction: one
/// click searches the corrected words.
pub fn did_you_mean(ctx: &Ctx) -> Html {
    let Some(fixed) = corrected(&ctx.view.filter.query, &ctx.outcome.words) else {
        return Html::default();
    };
    if ctx.outcome.results.is_empty() {
        return Html::default();
    }
    let href = ctx.href(
        &FilterState {
            query: fixed.clone(),
            ..ctx.view.filter.clone()
        },
        None,
    );
    let onclick = {
        let (dispatch, fixed) = (ctx.dispatch.clone(), fixed.clone());
        Callback::from(move |e: MouseEvent| {
            if open_in_place(&e) {
                e.prevent_default();
                dispatch.emit(Action::SetQuery(fixed.clone()));
                browser::focus("q");
            }
        })
    };
    html! {
        <p id="did-you-mean" class="notice">
            { s::DID_YOU_MEAN() }{ " " }<a {href} {onclick}>{ format!("« {fixed} »") }</a>{ " ? " }{ s::CORRECTED_SHOWN() }
        </p>
    }
}
