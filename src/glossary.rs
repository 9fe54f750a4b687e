//! The glossary page (`glossaire/`, written at build time): every acronym
//! and term of the texts with what the texts say of it and the excerpt that
//! says so; and the abbreviation that shows an acronym's expansion where it
//! appears, on a tap, a click or the keyboard, never on hover alone.

use yew::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use crate::Ctx;
use passerelles_core::wording::say as s;

/// The way to the glossary, from the panel: a page of its own, written at
/// build time (`glossaire/`, src/bin/prerender.rs), so its bytes are not in
/// the page's and it reads without a script.
pub fn link() -> Html {
    html! { <p class="hint"><a id="glossary-link" href={format!("{}{}", passerelles_core::state::page::lang_root(passerelles_core::wording::lang()), passerelles_core::export::GLOSSARY_PAGE)}>{ s::GLOSSARY_LINK() }</a></p> }
}

/// The glossary page's content: every acronym and term, worded at build
/// time in the layout of a detail (`glossary`, the bytes of
/// [`passerelles_core::pack::glossary::write_view`]) and drawn by the detail's code.
#[cfg(not(target_arch = "wasm32"))]
pub fn page(data: std::rc::Rc<crate::Data>, glossary: &[u8]) -> Html {
    use std::rc::Rc;
    let outcome = passerelles_core::engine::facets::run(&data.pack.index, &Default::default());
    let ctx = Ctx {
        data,
        view: Rc::new(Default::default()),
        outcome: Rc::new(outcome),
        dispatch: Callback::noop(),
        page: Rc::new(Default::default()),
        arrived: 0,
    };
    let facts = passerelles_core::pack::detail::read_detail(glossary).map(|d| d.facts);
    html! {
        <section id="glossary" class="glossary" aria-labelledby="glossary-title">
            <a id="back" class="back" href={match passerelles_core::state::page::lang_root(passerelles_core::wording::lang()) { "" => "./", root => root }}>{ "← " }{ s::GLOSSARY_BACK() }</a>
            <h2 id="glossary-title">{ s::GLOSSARY() }</h2>
            <p>{ s::GLOSSARY_INTRO() }</p>
            if let Ok(facts) = facts { { crate::facts::facts(&ctx, &Default::default(), &facts) } }
        </section>
    }
}
