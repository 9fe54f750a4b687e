//! The result list: count, sort, active filters, cards, and the empty state.

use web_sys::{HtmlSelectElement, MouseEvent};
use yew::prelude::*;

use super::Ctx;
use crate::catalog::{RecordRef, RecordType};
use crate::filter::Sort;
use crate::present;
use crate::strings as s;
use crate::view::{Action, Chip};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub ctx: Ctx,
}

/// A plain click opens in place; modified clicks keep the browser's meaning
/// (new tab, new window), which the real href serves.
pub fn open_in_place(e: &MouseEvent) -> bool {
    e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
}

pub fn chip_label(ctx: &Ctx, chip: &Chip) -> String {
    let catalog = &ctx.data.catalog;
    match chip {
        Chip::Query => format!("{} : « {} »", s::CHIP_SEARCH, ctx.view.filter.query.trim()),
        Chip::Region(c) => format!(
            "{} : {}",
            s::FACET_REGION,
            catalog.region_name(c).unwrap_or(c)
        ),
        Chip::Theme(t) => format!(
            "{} : {}",
            s::FACET_THEME,
            catalog.theme_label(t).unwrap_or(t)
        ),
        Chip::Type(t) => format!("{} : {}", s::FACET_TYPE, present::type_label(*t)),
        Chip::Dates => {
            let f = &ctx.view.filter;
            let side = |d: Option<crate::date::PartialDate>| {
                d.map(|d| d.to_string()).unwrap_or_else(|| "…".into())
            };
            format!("{} : {} → {}", s::CHIP_DATES, side(f.from), side(f.to))
        }
    }
}

fn chips(ctx: &Ctx, id: &'static str) -> Html {
    let items = ctx.view.chips().into_iter().map(|chip| {
        let label = chip_label(ctx, &chip);
        let onclick = ctx.dispatch.reform(move |_| Action::Remove(chip.clone()));
        html! {
            <li>
                <button type="button" class="chip chip-remove" {onclick} aria-label={format!("{} {label}", s::REMOVE_FILTER)}>
                    { label.clone() }<span aria-hidden="true">{ " ✕" }</span>
                </button>
            </li>
        }
    });
    html! { <ul class="active-filters" id={id} aria-label={s::ACTIVE_FILTERS}>{ for items }</ul> }
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let ctx = &props.ctx;
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
    let cards = outcome
        .results
        .iter()
        .map(|&i| html! { <Card ctx={ctx.clone()} index={i as usize} /> });
    let narrows = view.filter.narrows();

    html! {
        <section class="results" aria-labelledby="results-title">
            <div class="results-head">
                <h2 id="results-title">{ s::RESULTS }</h2>
                <p id="result-count" role="status">{ present::records_count(outcome.results.len()) }</p>
                <div class="sort">
                    <label for="sort">{ s::SORT_LABEL }</label>
                    <select id="sort" onchange={on_sort}>
                        { sort_option(Sort::Recent, s::SORT_RECENT) }
                        { sort_option(Sort::Oldest, s::SORT_OLDEST) }
                        { sort_option(Sort::Title, s::SORT_TITLE) }
                    </select>
                </div>
            </div>
            if narrows && !outcome.results.is_empty() { { chips(ctx, "active-filters") } }
            if !data.problems.is_empty() {
                <details class="notice">
                    <summary>{ s::skipped_records(skipped(data)) }{ " — " }{ s::SHOW_REASONS }</summary>
                    <ul>
                        { for data.problems.iter().map(|p| html! {
                            <li>
                                if let Some(id) = &p.record { <code>{ id.clone() }</code>{ " : " } }
                                { p.message.clone() }{ " " }<span class="path">{ format!("({})", p.path) }</span>
                            </li>
                        }) }
                    </ul>
                </details>
            }
            if outcome.results.is_empty() {
                <div id="empty" class="empty">
                    <p><strong>{ s::EMPTY_TITLE_RESULTS }</strong></p>
                    if narrows {
                        <p>{ s::EMPTY_HELP }</p>
                        { chips(ctx, "empty-filters") }
                    }
                </div>
            } else {
                <ol id="results" class="cards">{ for cards }</ol>
            }
        </section>
    }
}

/// Records left out, counted once each even when they have several problems.
fn skipped(data: &super::Data) -> usize {
    let mut keys: Vec<(&str, Option<&str>)> = data
        .problems
        .iter()
        .map(|p| {
            (
                p.path.split('.').next().unwrap_or(&p.path),
                p.record.as_deref(),
            )
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys.len()
}

#[derive(Properties, PartialEq)]
struct CardProps {
    ctx: Ctx,
    index: usize,
}

#[function_component(Card)]
fn card(props: &CardProps) -> Html {
    let Ctx {
        data,
        view,
        dispatch,
        ..
    } = &props.ctx;
    let catalog = &data.catalog;
    let entry = &catalog.entries[props.index];
    let record = catalog.record(props.index);
    let (kind, date, place) = match record {
        RecordRef::Agreement(a) => (&a.kind, &a.date, a.place.as_ref()),
        RecordRef::Event(e) => (&e.kind, &e.date, e.place.as_ref()),
    };
    let href = props.ctx.href(&view.filter, Some(&entry.id));
    let onclick = {
        let id = entry.id.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if open_in_place(&e) {
                e.prevent_default();
                dispatch.emit(Action::Open(id.clone()));
            }
        })
    };
    let badge = match entry.record_type {
        RecordType::Agreement => s::BADGE_AGREEMENT,
        RecordType::Event => s::BADGE_EVENT,
    };
    let where_ = match place {
        Some(p) => present::place_label(p, catalog),
        None => present::territory_label(&entry.territory, catalog),
    };
    html! {
        <li class="card" data-id={entry.id.clone()}>
            <p class="card-kind">
                <span class={classes!("badge", format!("badge-{}", entry.record_type.key()))}>{ badge }</span>
                { " " }{ present::capitalised(kind) }
            </p>
            <h3><a id={format!("link-{}", entry.id)} href={href} {onclick}>{ entry.title.clone() }</a></h3>
            <p class="card-meta">
                <span class="card-date">{ present::date_label(date) }</span>
                if !where_.is_empty() { <span class="card-place">{ where_ }</span> }
            </p>
            if let Some(actors) = present::actors_line(record) { <p class="card-actors">{ actors }</p> }
            <ul class="chips" aria-label={s::D_THEMES}>
                { for entry.themes.iter().map(|t| html! { <li class="chip">{ catalog.theme_label(t).unwrap_or(t).to_string() }</li> }) }
            </ul>
        </li>
    }
}
