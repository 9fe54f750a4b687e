//! One record in full: every field, its figures, its source and excerpts, and
//! the records linked to it.

use web_sys::MouseEvent;
use yew::prelude::*;

use super::browser;
use super::results::{open_in_place, open_record};
use super::Ctx;
use crate::catalog::{Catalog, RecordRef};
use crate::model::{DateInfo, Excerpt, Person, Quantity, Source};
use crate::present;
use crate::strings as s;
use crate::validate::is_http_url;
use crate::view::Action;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub ctx: Ctx,
    pub id: String,
}

#[function_component(Detail)]
pub fn detail(props: &DetailProps) -> Html {
    let Ctx {
        data,
        view,
        dispatch,
        ..
    } = &props.ctx;
    let catalog = &data.catalog;

    let back_href = props.ctx.href(&view.filter, None);
    let on_back = {
        let dispatch = dispatch.clone();
        let from_list = view.detail_from_list;
        Callback::from(move |e: MouseEvent| {
            if open_in_place(&e) {
                e.prevent_default();
                // A history step keeps the list's own entry, scroll and all.
                if from_list {
                    browser::back()
                } else {
                    dispatch.emit(Action::Close)
                }
            }
        })
    };
    let back = html! {
        <a id="back" class="back" href={back_href} onclick={on_back}>{ "← " }{ s::BACK_TO_LIST }</a>
    };

    let Some(index) = catalog.position(&props.id) else {
        return html! {
            <article id="detail" class="detail" data-id={props.id.clone()}>
                { back }
                <h2 id="detail-title" tabindex="-1">{ s::UNKNOWN_RECORD }</h2>
            </article>
        };
    };
    let entry = &catalog.entries[index];
    let link = |id: &str| record_link(&props.ctx, id);
    let record = catalog.record(index);

    let body = match record {
        RecordRef::Agreement(a) => html! {
            <>
                <dl class="facts">
                    { date_row(&a.date) }
                    if let Some(p) = &a.place { { row(s::D_PLACE, present::place_label(p, catalog)) } }
                    { row(s::D_TERRITORY, present::territory_label(&a.territory, catalog)) }
                    <dt>{ s::D_PARTIES }</dt>
                    <dd><ul>{ for a.parties.iter().map(|p| html! {
                        <li>
                            { p.name.clone() }
                            if let Some(acr) = &p.acronym { { format!(" ({acr})") } }
                            if let Some(k) = &p.kind { <span class="muted">{ format!(" — {k}") }</span> }
                        </li>
                    }) }</ul></dd>
                    { people(&a.people) }
                    { themes_row(catalog, &a.themes) }
                </dl>
                if let Some(d) = &a.description { <p class="description">{ d.clone() }</p> }
                { list(s::D_OBJECTIVES, &a.objectives) }
                { quantities(s::D_TARGETS, &a.targets) }
                { quantities(s::D_FIGURES, &a.figures) }
                { linked(s::D_EVENTS, catalog.events_of(&a.id).iter().map(|e| e.id.as_str()), &link) }
                { source(&a.source, &a.excerpts) }
            </>
        },
        RecordRef::Event(e) => html! {
            <>
                <dl class="facts">
                    { date_row(&e.date) }
                    if let Some(t) = &e.time { { row(s::D_TIME, present::time_label(&t.start, t.end.as_deref())) } }
                    if let Some(p) = &e.place { { row(s::D_PLACE, present::place_label(p, catalog)) } }
                    { row(s::D_TERRITORY, present::territory_label(&e.territory, catalog)) }
                    if let Some(o) = &e.organiser { { row(s::D_ORGANISER, o.clone()) } }
                    if let Some(a) = &e.audience { { row(s::D_AUDIENCE, a.clone()) } }
                    { people(&e.people) }
                    { themes_row(catalog, &e.themes) }
                    if let Some(r) = &e.registration {
                        <dt>{ s::D_REGISTRATION }</dt>
                        <dd>
                            { r.text.clone() }
                            if let Some(url) = r.url.as_ref().filter(|u| is_http_url(u)) {
                                { " " }<a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url.clone() }</a>
                            }
                        </dd>
                    }
                </dl>
                if let Some(d) = &e.description { <p class="description">{ d.clone() }</p> }
                { list(s::D_OBJECTIVES, &e.objectives) }
                { quantities(s::D_FIGURES, &e.figures) }
                { linked(s::D_PART_OF, e.part_of.iter().map(String::as_str), &link) }
                { linked(s::D_PARTS, catalog.events.iter().filter(|x| x.part_of.as_deref() == Some(&e.id)).map(|x| x.id.as_str()), &link) }
                { linked(s::D_AGREEMENTS, e.agreements.iter().map(String::as_str), &link) }
                { source(&e.source, &e.excerpts) }
            </>
        },
    };
    let kind = match record {
        RecordRef::Agreement(a) => &a.kind,
        RecordRef::Event(e) => &e.kind,
    };

    html! {
        <article id="detail" class="detail" data-id={entry.id.clone()}>
            { back }
            <p class="card-kind">
                <span class={classes!("badge", format!("badge-{}", entry.record_type.key()))}>
                    { if entry.record_type == crate::catalog::RecordType::Agreement { s::BADGE_AGREEMENT } else { s::BADGE_EVENT } }
                </span>
                { " " }{ present::capitalised(kind) }
            </p>
            <h2 id="detail-title" tabindex="-1">{ entry.title.clone() }</h2>
            { body }
        </article>
    }
}

fn row(label: &str, value: String) -> Html {
    html! { <><dt>{ label.to_string() }</dt><dd>{ value }</dd></> }
}

fn date_row(date: &DateInfo) -> Html {
    html! {
        <>
            <dt>{ s::D_DATE }</dt>
            <dd>
                { present::date_label(date) }
                if date.value.is_some() {
                    if let Some(t) = &date.text { <span class="muted">{ format!(" — « {t} »") }</span> }
                }
                if let Some(n) = &date.note { <p class="note">{ n.clone() }</p> }
            </dd>
        </>
    }
}

fn people(people: &[Person]) -> Html {
    if people.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <dt>{ s::D_PEOPLE }</dt>
            <dd><ul>{ for people.iter().map(|p| {
                let what: Vec<&str> = [p.role.as_deref(), p.organisation.as_deref()].into_iter().flatten().collect();
                html! {
                    <li>
                        { p.name.clone() }
                        if !what.is_empty() { { format!(", {}", what.join(", ")) } }
                        <span class="muted">{ format!(" ({})", p.involvement) }</span>
                    </li>
                }
            }) }</ul></dd>
        </>
    }
}

fn themes_row(catalog: &Catalog, themes: &[String]) -> Html {
    html! {
        <>
            <dt>{ s::D_THEMES }</dt>
            <dd><ul class="chips">{ for themes.iter().map(|t| html! {
                <li class="chip">{ catalog.theme_label(t).unwrap_or(t).to_string() }</li>
            }) }</ul></dd>
        </>
    }
}

fn list(title: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="detail-section">
            <h3>{ title.to_string() }</h3>
            <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
        </section>
    }
}

fn quantities(title: &str, items: &[Quantity]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="detail-section">
            <h3>{ title.to_string() }</h3>
            <ul class="figures">{ for items.iter().map(|q| html! {
                <li><strong>{ format!("{} {}", present::number(q.value), q.unit) }</strong>{ format!(" — {}", q.label) }</li>
            }) }</ul>
        </section>
    }
}

fn linked<'a>(
    title: &str,
    ids: impl Iterator<Item = &'a str>,
    link: &dyn Fn(&str) -> Html,
) -> Html {
    let items: Vec<Html> = ids.map(|id| html! { <li>{ link(id) }</li> }).collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="detail-section">
            <h3>{ title.to_string() }</h3>
            <ul class="linked">{ for items }</ul>
        </section>
    }
}

fn record_link(ctx: &Ctx, id: &str) -> Html {
    let catalog = &ctx.data.catalog;
    let Some(i) = catalog.position(id) else {
        return html! { <span>{ id.to_string() }</span> };
    };
    let entry = &catalog.entries[i];
    let onclick = open_record(&ctx.dispatch, id);
    html! {
        <a href={ctx.href(&ctx.view.filter, Some(id))} {onclick}>{ entry.title.clone() }</a>
    }
}

fn source(src: &Source, excerpts: &[Excerpt]) -> Html {
    html! {
        <section class="detail-section source">
            <h3>{ s::D_SOURCE }</h3>
            <dl class="facts">
                { row(s::D_FILE, src.file.clone()) }
                if let Some(t) = &src.title { { row(s::D_TITLE, t.clone()) } }
                if let Some(p) = &src.publisher { { row(s::D_PUBLISHER, p.clone()) } }
                if let Some(p) = &src.published {
                    { row(s::D_PUBLISHED, crate::date::PartialDate::parse(p).map(|d| crate::date::french(&d)).unwrap_or_else(|_| p.clone())) }
                }
                if let Some(url) = src.url.as_ref().filter(|u| is_http_url(u)) {
                    <dt>{ s::D_LINK }</dt>
                    <dd><a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url.clone() }</a></dd>
                }
            </dl>
            if let Some(n) = &src.note { <p class="note">{ n.clone() }</p> }
            <h4>{ s::D_EXCERPTS }</h4>
            { for excerpts.iter().map(|x| html! {
                <figure class="excerpt">
                    <blockquote>{ x.text.clone() }</blockquote>
                    <figcaption>{ format!("{} : {}", s::D_SUPPORTS, x.supports.iter().map(|k| s::field_label(k)).collect::<Vec<_>>().join(", ")) }</figcaption>
                </figure>
            }) }
        </section>
    }
}
