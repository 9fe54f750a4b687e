//! Small pieces several views draw: the leaf every component may use, so
//! that no two views use each other (ARCHITECTURE.md: the page's modules).

use yew::prelude::*;

use crate::{browser, Ctx};
use passerelles_core::data::catalog::RecordType;
use passerelles_core::data::error::LoadErrorKind;
use passerelles_core::pack::glossary::Gloss;
use passerelles_core::state::view::Action;
use passerelles_core::wording::say as s;

/// A plain click opens in place; modified clicks keep the browser's meaning
/// (new tab, new window), which the real href serves.
pub fn open_in_place(e: &MouseEvent) -> bool {
    e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
}

/// A link's click that opens a record in place (its href serves the others).
pub fn open_record(dispatch: &Callback<Action>, id: &str) -> Callback<MouseEvent> {
    let (dispatch, id) = (dispatch.clone(), id.to_string());
    Callback::from(move |e: MouseEvent| {
        if open_in_place(&e) {
            e.prevent_default();
            dispatch.emit(Action::Open(id.clone()));
        }
    })
}

/// The badge of a record's type. A literal class in each arm, not
/// `class={…}`: yew's macro turns any class that is not a literal into
/// `Classes`, an ordered hash set (2 KB of the page's gzipped wasm, for a
/// choice between two words; `tests/page_weight.rs` in the core keeps every
/// class of the page a literal).
pub fn badge(t: RecordType) -> Html {
    match t {
        RecordType::Agreement => {
            html! { <span class="badge badge-agreement">{ s::BADGE_AGREEMENT() }</span> }
        }
        RecordType::Event => html! { <span class="badge badge-event">{ s::BADGE_EVENT() }</span> },
    }
}

/// "date approximative" beside a record the period keeps that may lie
/// outside it (see [`passerelles_core::engine::facets`]).
pub fn approximate(ctx: &Ctx, index: usize) -> Html {
    if !passerelles_core::engine::facets::approximate(&ctx.data.pack.index, &ctx.view.filter, index)
    {
        return Html::default();
    }
    html! { <span class="badge badge-approx">{ s::DATE_APPROXIMATE() }</span> }
}

/// What the reader of an error panel can do at once: try the download again
/// when the network failed, reload a page whose data was rebuilt under it;
/// a file an editor must fix offers nothing to click.
pub fn recovery(kind: LoadErrorKind, retry: &Callback<MouseEvent>) -> Html {
    match kind {
        LoadErrorKind::NotFound | LoadErrorKind::Unreachable => html! {
            <button type="button" id="retry" class="button" onclick={retry.clone()}>{ s::RETRY() }</button>
        },
        LoadErrorKind::Pack => html! {
            <button type="button" id="reload" class="button" onclick={Callback::from(|_: MouseEvent| browser::reload())}>{ s::RELOAD() }</button>
        },
        LoadErrorKind::Content => Html::default(),
    }
}

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
