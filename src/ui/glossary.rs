//! The glossary page (`glossaire/`, written at build time): every acronym
//! and term of the texts with what the texts say of it and the excerpt that
//! says so; and the abbreviation that shows an acronym's expansion where it
//! appears, on a tap, a click or the keyboard, never on hover alone.

use yew::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use super::Ctx;
use crate::pack::glossary::Gloss;
use crate::wording::say as s;

/// What the tip of an acronym says: its expansion, or that the texts give
/// none (and what they say of it, if anything).
pub fn tip(g: &Gloss) -> AttrValue {
    match (&g.expansion, &g.definition) {
        (Some(x), _) => x.clone().into(),
        (None, Some(d)) => format!(
            "{} {} : « {d} ».",
            s::GLOSSARY_NO_EXPANSION(),
            s::GLOSSARY_DEFINITION()
        )
        .into(),
        (None, None) => s::GLOSSARY_NO_EXPANSION().into(),
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

/// The way to the glossary, from the panel: a page of its own, written at
/// build time (`glossaire/`, src/bin/prerender.rs), so its bytes are not in
/// the page's and it reads without a script.
pub fn link() -> Html {
    html! { <p class="hint"><a id="glossary-link" href={format!("{}{}", crate::state::page::lang_root(crate::wording::lang()), crate::export::GLOSSARY_PAGE)}>{ s::GLOSSARY_LINK() }</a></p> }
}

/// The glossary page's content: every acronym and term, worded at build
/// time in the layout of a detail (`glossary`, the bytes of
/// [`crate::pack::glossary::write_view`]) and drawn by the detail's code.
#[cfg(not(target_arch = "wasm32"))]
pub fn page(data: std::rc::Rc<super::Data>, glossary: &[u8]) -> Html {
    use std::rc::Rc;
    let outcome = crate::engine::facets::run(&data.pack.index, &Default::default());
    let ctx = Ctx {
        data,
        view: Rc::new(Default::default()),
        outcome: Rc::new(outcome),
        dispatch: Callback::noop(),
        page: Rc::new(Default::default()),
    };
    let facts = crate::pack::detail::read_detail(glossary).map(|d| d.facts);
    html! {
        <section id="glossary" class="glossary" aria-labelledby="glossary-title">
            <a id="back" class="back" href={match crate::state::page::lang_root(crate::wording::lang()) { "" => "./", root => root }}>{ "← " }{ s::GLOSSARY_BACK() }</a>
            <h2 id="glossary-title">{ s::GLOSSARY() }</h2>
            <p>{ s::GLOSSARY_INTRO() }</p>
            if let Ok(facts) = facts { { super::detail::facts(&ctx, &Default::default(), &facts) } }
        </section>
    }
}
