//! The glossary view (`?glossary=1`): every acronym and term of the texts
//! with what the texts say of it and the excerpt that says so; and the
//! abbreviation that shows an acronym's expansion where it appears, on a
//! tap, a click or the keyboard, never on hover alone.

use yew::prelude::*;

use super::results::open_in_place;
use super::Ctx;
use crate::pack::glossary::Gloss;
use crate::state::view::Action;
use crate::wording::fr as s;

/// What the tip of an acronym says: its expansion, or that the texts give
/// none (and what they say of it, if anything).
pub fn tip(g: &Gloss) -> AttrValue {
    match (&g.expansion, &g.definition) {
        (Some(x), _) => x.clone().into(),
        (None, Some(d)) => format!(
            "{} {} : « {d} ».",
            s::GLOSSARY_NO_EXPANSION,
            s::GLOSSARY_DEFINITION
        )
        .into(),
        (None, None) => s::GLOSSARY_NO_EXPANSION.into(),
    }
}

/// An acronym: a button (so it can be focused and tapped) around the
/// `<abbr>`, described by its tip, which it opens as a popover on a click,
/// a tap, Enter or Space; Escape or a click elsewhere closes it. The
/// browser does it all (the `popover` attribute): no code of ours runs.
pub fn abbr(shown: Html, tip: AttrValue, id: String) -> Html {
    html! {
        <>
            <button type="button" class="gloss-term" popovertarget={id.clone()} aria-describedby={id.clone()}>
                <abbr>{ shown }</abbr>
            </button>
            <span {id} popover="auto" class="gloss-tip">{ tip }</span>
        </>
    }
}

/// The way to the glossary, from the panel.
pub fn link(ctx: &Ctx) -> Html {
    let href = ctx.page.append_to(&crate::state::query::encode_view(
        &ctx.view.filter,
        None,
        true,
    ));
    let dispatch = ctx.dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if open_in_place(&e) {
            e.prevent_default();
            dispatch.emit(Action::Glossary(true));
        }
    });
    html! { <p class="hint"><a id="glossary-link" {href} {onclick}>{ s::GLOSSARY_LINK }</a></p> }
}

/// The glossary view: the pack's glossary, worded at build time in the
/// layout of a detail and drawn by the detail's own code.
pub fn view(ctx: &Ctx) -> Html {
    let on_back = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if open_in_place(&e) {
                e.prevent_default();
                dispatch.emit(Action::Glossary(false));
            }
        })
    };
    html! {
        <section id="glossary" class="glossary" aria-labelledby="glossary-title">
            <a id="back" class="back" href={ctx.href(&ctx.view.filter, None)} onclick={on_back}>{ "← " }{ s::BACK_TO_LIST }</a>
            <h2 id="glossary-title" tabindex="-1">{ s::GLOSSARY }</h2>
            <p>{ s::GLOSSARY_INTRO }</p>
            if let Some(g) = ctx.data.pack.glossary_view() { { super::detail::facts(ctx, &g.facts) } }
        </section>
    }
}
