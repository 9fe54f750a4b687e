//! The editors' page: its header (the other language, the way back to the
//! site), its five steps in order (open, problems, preview, a record,
//! publish), its footer; one store behind them all.

use std::rc::Rc;

use yew::prelude::*;

use super::ctx::Ctx;
use super::form::RecordSection;
use super::open::Open;
use super::preview::PreviewSection;
use super::problems::Problems;
use super::publish::Publish;
use super::worker::Work;
use crate::state::{Msg, State};
use crate::wording::say as s;
use passerelles_core::export::EDITORS_PAGE;
use passerelles_core::state::page::lang_root;
use passerelles_core::wording::lang;

/// The store: the page's [`State`] behind Yew's reducer.
#[derive(PartialEq)]
struct Store(Rc<State>);

impl Reducible for Store {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        Rc::new(Store(Rc::new((*self.0).clone().apply(msg))))
    }
}

#[function_component(Editor)]
pub fn editor() -> Html {
    let store = use_reducer_eq(|| Store(Rc::new(State::default())));
    let dispatch = {
        let d = store.dispatcher();
        Callback::from(move |msg: Msg| d.dispatch(msg))
    };
    // One worker handle for the page's life (it makes the worker itself at
    // the first request, never at build time).
    let work = {
        let dispatch = dispatch.clone();
        use_memo((), move |_| Work::new(dispatch))
    };
    // Once drawn, the page replaces the view rendered at build time
    // (effects never run at build time).
    use_effect_with((), |_| super::browser::take_over());
    let ctx = Ctx {
        state: store.0.clone(),
        dispatch,
        work: (*work).clone(),
    };
    let other = format!("{}{EDITORS_PAGE}", lang_root(lang().other()));
    let home = match lang_root(lang()) {
        "" => "./",
        root => root,
    };
    let has_data = ctx.current().is_some();
    html! {
        <>
            <a class="skip" href="#main">{ s::SKIP() }</a>
            <header class="site-header">
                <a id="lang-switch" class="lang-switch" href={other}
                    hreflang={s::OTHER_LANGUAGE_CODE()} lang={s::OTHER_LANGUAGE_CODE()}>{ s::OTHER_LANGUAGE() }</a>
                <p class="site-name"><a href={home}>{ "Passerelles" }</a></p>
                <h1>{ s::HEADING() }</h1>
                <p class="tagline">{ s::TAGLINE() }</p>
            </header>
            <main id="main" class="editor" tabindex="-1">
                <p class="intro">{ s::INTRO() }</p>
                <Open ctx={ctx.clone()} />
                if has_data {
                    <Problems ctx={ctx.clone()} />
                    <PreviewSection ctx={ctx.clone()} />
                }
                <RecordSection ctx={ctx.clone()} />
                if has_data {
                    <Publish ctx={ctx} />
                }
            </main>
            <footer class="site-footer">
                <p>{ s::FOOTER() }</p>
                <p><a href={home}>{ s::BACK_TO_SITE() }</a></p>
            </footer>
        </>
    }
}
