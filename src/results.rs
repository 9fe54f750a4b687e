//! The result list: count, the way to the filters on a narrow screen, sort,
//! active filters, cards, and the empty state.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::parts::{approximate, badge, open_record};
use crate::{arrivals, browser, export, fetch_parts, highlight, sheet, Ctx};
use passerelles_core::data::catalog::RecordType;
use passerelles_core::engine::filter::Sort;
use passerelles_core::state::view::{Action, Chip};
use passerelles_core::state::viewport::{self, VIRTUAL_FROM};
use passerelles_core::wording::format;
use passerelles_core::wording::say as s;

pub fn chip_label(ctx: &Ctx, chip: &Chip) -> String {
    let catalog = &ctx.data.pack;
    match chip {
        Chip::Query => format!(
            "{} : « {} »",
            s::CHIP_SEARCH(),
            ctx.view.filter.query.trim()
        ),
        Chip::Region(c) => format!(
            "{} : {}",
            s::FACET_REGION(),
            catalog.region_name(c).unwrap_or(c)
        ),
        Chip::Theme(t) => format!(
            "{} : {}",
            s::FACET_THEME(),
            catalog.theme_label(t).unwrap_or(t)
        ),
        Chip::Type(t) => format!("{} : {}", s::FACET_TYPE(), format::type_label(*t)),
        Chip::Dates => {
            let f = &ctx.view.filter;
            let side = |d: Option<passerelles_core::data::date::PartialDate>| {
                d.map(|d| d.to_string()).unwrap_or_else(|| "…".into())
            };
            format!("{} : {} → {}", s::CHIP_DATES(), side(f.from), side(f.to))
        }
    }
}

fn chips(ctx: &Ctx, id: &'static str) -> Html {
    let items = ctx.view.chips().into_iter().map(|chip| {
        let label = chip_label(ctx, &chip);
        let onclick = ctx.dispatch.reform(move |_| Action::Remove(chip.clone()));
        html! {
            <li>
                <button type="button" class="chip chip-remove" {onclick} aria-label={format!("{} {label}", s::REMOVE_FILTER())}>
                    { label.clone() }<span aria-hidden="true">{ " ✕" }</span>
                </button>
            </li>
        }
    });
    html! { <ul class="active-filters" id={id} aria-label={s::ACTIVE_FILTERS()}>{ for items }</ul> }
}

/// A function, not a component: it keeps no state, and the explorer that
/// draws it renders only with a new `Ctx`, so a component would skip no
/// render and only add its machinery to the page's wasm.
pub fn results(ctx: &Ctx) -> Html {
    let Ctx {
        data,
        view,
        outcome,
        dispatch,
        ..
    } = ctx;
    let on_sort = dispatch.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetSort(Sort::from_key(&value).unwrap_or_default())
    });
    let sort_option = |sort: Sort, label: &str| {
        html! { <option value={sort.key()} selected={view.filter.sort == sort}>{ label.to_string() }</option> }
    };
    let cards = outcome.results.iter().map(|&i| card(ctx, i as usize, None));
    if outcome.results.len() < VIRTUAL_FROM {
        // A short list shows every row (a long one, those in view:
        // VirtualCards): a split pack's cards it lacks.
        fetch_parts::ask_cards(data, outcome.results.iter().map(|&i| i as usize));
    }
    let narrows = view.filter.narrows();
    let active = view.chips().len();

    html! {
        <section class="results" aria-labelledby="results-title">
            <div class="results-head">
                <h2 id="results-title">{ s::RESULTS() }</h2>
                <p id="result-count" role="status">{ format::records_count(outcome.results.len()) }</p>
                // On a narrow screen the filters are a sheet (src/sheet.rs),
                // and this button, with how many apply, opens it.
                <button type="button" id={sheet::OPENER} class="button sheet-open" aria-haspopup="dialog"
                    aria-controls={sheet::SHEET} onclick={Callback::from(|_: MouseEvent| sheet::open())}>
                    { s::FILTERS() }
                    if active > 0 {
                        <span class="sheet-count" aria-hidden="true">{ active }</span>
                        <span class="visually-hidden">{ " " }{ s::active_filters(active) }</span>
                    }
                </button>
                <div class="sort">
                    <label for="sort">{ s::SORT_LABEL() }</label>
                    // A new element when the options change: the browser keeps a
                    // select's own choice over the markup's once it was used.
                    <select id="sort" key={if view.filter.has_query() { "q" } else { "-" }} onchange={on_sort}>
                        if view.filter.has_query() { { sort_option(Sort::Relevance, s::SORT_RELEVANCE()) } }
                        { sort_option(Sort::Recent, s::SORT_RECENT()) }
                        { sort_option(Sort::Oldest, s::SORT_OLDEST()) }
                        { sort_option(Sort::Title, s::SORT_TITLE()) }
                    </select>
                </div>
            </div>
            { export::bar(ctx) }
            { highlight::did_you_mean(ctx) }
            if narrows && !outcome.results.is_empty() { { chips(ctx, "active-filters") } }
            if !data.pack.problems.is_empty() { { problems_notice(&data.pack) } }
            if outcome.results.is_empty() {
                <div id="empty" class="empty">
                    <p><strong>{ s::EMPTY_TITLE_RESULTS() }</strong></p>
                    // Locked filters (an embed) give no chip: only offer what can be removed.
                    if !view.chips().is_empty() {
                        <p>{ s::EMPTY_HELP() }</p>
                        { chips(ctx, "empty-filters") }
                    }
                </div>
            } else {
                if outcome.results.len() >= VIRTUAL_FROM {
                    <VirtualCards ctx={ctx.clone()} />
                } else {
                    <ol id="results" class="cards">{ for cards }</ol>
                }
            }
        </section>
    }
}

/// "2 fiches ignorées car invalides", with each reason and its place in the
/// file on demand: the first [`passerelles_core::pack::PROBLEMS_KEPT`] (a generated
/// file with thousands of bad records must not turn the notice into
/// thousands of DOM nodes), then how many more there are. Record text in a
/// reason is isolated like record text on the cards (see styles/main.css,
/// "Hostile content").
fn problems_notice(pack: &passerelles_core::pack::Pack) -> Html {
    let (problems, total, skipped) = (&pack.problems, pack.problems_total, pack.skipped);
    let headline = if skipped > 0 {
        s::skipped_records(skipped)
    } else {
        s::data_problems(total)
    };
    html! {
        <details id="data-problems" class="notice" data-skipped={skipped.to_string()}>
            <summary>{ headline }{ " — " }{ s::SHOW_REASONS() }</summary>
            <ul>
                { for problems.iter().map(|p| html! {
                    <li>
                        if let Some(id) = &p.record { <code class="record-text">{ id.clone() }</code>{ " : " } }
                        <span class="record-text">{ p.message.clone() }</span>{ " " }
                        <span class="path">
                            { "(" }
                            if let Some(at) = p.position { { s::at_position(at.line, at.column) }{ ", " } }
                            { p.path.clone() }{ ")" }
                        </span>
                    </li>
                }) }
                if total > problems.len() {
                    <li>{ s::more_problems(total - problems.len()) }</li>
                }
            </ul>
        </details>
    }
}

/// One result; `position` is its 1-based place and the list's size when
/// only some rows are in the DOM. Keyed by record id, so a row follows its
/// record when the list changes.
fn card(ctx: &Ctx, index: usize, position: Option<(usize, usize)>) -> Html {
    let Ctx { data, dispatch, .. } = ctx;
    if arrivals::SPLIT && data.pack.card_part(index).is_some() {
        // Its block of cards is on its way: a row of the same height
        // holds its place, and says so to a screen reader.
        return html! {
            <li class="card card-pending" key={format!("#{index}")} aria-busy="true"
                aria-posinset={position.map(|p| AttrValue::from(p.0.to_string()))}
                aria-setsize={position.map(|p| AttrValue::from(p.1.to_string()))}>
                <p class="card-kind">{ s::LOADING_PART() }</p>
            </li>
        };
    }
    let card = data.pack.card(index);
    let marks = highlight::marks(ctx);
    let href = ctx.record_href(card.id);
    let onclick = open_record(dispatch, card.id);
    let lead = match card.record_type {
        RecordType::Agreement => None,
        RecordType::Event => Some(s::ORGANISED_BY()),
    };
    html! {
        <li class="card" key={card.id.to_string()} data-id={card.id.to_string()}
            aria-posinset={position.map(|p| AttrValue::from(p.0.to_string()))}
            aria-setsize={position.map(|p| AttrValue::from(p.1.to_string()))}>
            <p class="card-kind">
                { badge(card.record_type) }
                { " " }<span lang="fr">{ card.kind.to_string() }</span>
            </p>
            <h3 lang="fr"><a id={format!("link-{}", card.id)} href={href} {onclick}>{ highlight::text(ctx, &marks, card.title, card.id, false) }</a></h3>
            <p class="card-meta">
                <span class="card-date">{ card.date.to_string() }</span>
                { approximate(ctx, index) }
                if !card.place.is_empty() { <span class="card-place" lang="fr">{ card.place.to_string() }</span> }
            </p>
            if !card.actors.is_empty() {
                <p class="card-actors">
                    if let Some(lead) = lead { { lead }{ " " } }
                    { for card.actors.iter().enumerate().map(|(k, name)| html! {
                        <>
                            if k > 0 { { " · " } }
                            <span lang="fr">{ highlight::text(ctx, &marks, name, &format!("{}-{k}", card.id), true) }</span>
                        </>
                    }) }
                </p>
            }
            { crate::facts::theme_chips(ctx, &card.themes.iter().filter_map(|&t| data.pack.themes.get(t)).map(|t| t.id.as_str()).collect::<Vec<_>>()) }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct VirtualProps {
    ctx: Ctx,
}

/// The result list when it is long: only the rows in view (and a margin) are
/// in the DOM; padding above and below stands for the others, so the page
/// scrolls as if every row were there. Rows have a fixed height in this mode
/// (CSS `.cards-virtual`), measured once rendered.
#[function_component(VirtualCards)]
fn virtual_cards(props: &VirtualProps) -> Html {
    let ctx = &props.ctx;
    let results = &ctx.outcome.results;
    let rows = results.len();
    let list = use_node_ref();
    let pitch = use_mut_ref(|| 0.0_f64);
    let count = use_mut_ref(|| rows);
    *count.borrow_mut() = rows;
    let range = use_state_eq(|| 0..viewport::OVERSCAN.min(rows));

    let update = {
        let (list, pitch, count, range) =
            (list.clone(), pitch.clone(), count.clone(), range.clone());
        std::rc::Rc::new(move || {
            if let Some(el) = list.cast::<web_sys::Element>() {
                let top = browser::top_in_viewport(&el);
                range.set(viewport::visible_rows(
                    top,
                    browser::viewport_height(),
                    *pitch.borrow(),
                    *count.borrow(),
                ));
            }
        })
    };
    {
        let update = update.clone();
        use_effect_with((), move |_| {
            let watch = browser::watch_viewport(move || update());
            move || drop(watch)
        });
    }
    {
        // After each render: reserve the space of the rows not rendered, then,
        // once the frame is painted, follow a changed result set or list
        // position. Rows have a fixed height, so their pitch is measured once;
        // the list's position is read only after a paint, never right after
        // a change, so a facet click lays the page out once (BENCHMARKS.md).
        let rendered = (*range).clone();
        let (list, pitch) = (list.clone(), pitch.clone());
        use_effect(move || {
            if let Some(el) = list.cast::<web_sys::HtmlElement>() {
                if *pitch.borrow() < 1.0 {
                    let cards = el.children();
                    if let (Some(a), Some(b)) = (cards.item(0), cards.item(1)) {
                        let measured = browser::top_in_viewport(&b) - browser::top_in_viewport(&a);
                        if measured >= 1.0 {
                            *pitch.borrow_mut() = measured;
                        }
                    }
                }
                let p = *pitch.borrow();
                if p >= 1.0 {
                    let after = rows.saturating_sub(rendered.end);
                    browser::set_block_padding(&el, rendered.start as f64 * p, after as f64 * p);
                }
            }
            browser::after_next_paint(move || update());
        });
    }

    let start = range.start.min(rows);
    let end = range.end.min(rows);
    fetch_parts::ask_cards(&ctx.data, results[start..end].iter().map(|&i| i as usize));
    let cards = results[start..end]
        .iter()
        .enumerate()
        .map(|(k, &i)| card(ctx, i as usize, Some((start + k + 1, rows))));
    html! {
        <ol id="results" class="cards cards-virtual" ref={list}>{ for cards }</ol>
    }
}
