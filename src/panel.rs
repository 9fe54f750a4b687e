//! The facet panel: search, type, theme, period (with the timeline) and
//! territory (with the map), with counts; a column beside the results on a
//! wide screen, a sheet over them on a narrow one (src/sheet.rs).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{browser, sheet, where_when, Ctx};
use passerelles_core::data::catalog::RecordType;
use passerelles_core::data::date::PartialDate;
use passerelles_core::data::model::NATIONAL;
use passerelles_core::state::view::Action;
use passerelles_core::wording::format;
use passerelles_core::wording::say as s;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ctx: Ctx,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let Ctx {
        data,
        view,
        outcome,
        dispatch,
        ..
    } = &props.ctx;
    let f = &view.filter;
    let locks = &view.locks;
    let show_all_regions = use_state(|| false);

    let typing = {
        let dispatch = dispatch.clone();
        use_memo((), move |_| {
            browser::Coalescer::new(move |q| dispatch.emit(Action::SetQuery(q)))
        })
    };
    let on_query = Callback::from(move |e: InputEvent| {
        typing.submit(e.target_unchecked_into::<HtmlInputElement>().value())
    });

    // Every checkbox of the panel reports here (change events bubble): one
    // handler reads which box changed from its name and value.
    let on_change = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let value = input.value();
            let action = match input.name().as_str() {
                "type" => RecordType::from_key(&value).map(Action::ToggleType),
                "theme" => Some(Action::ToggleTheme(value)),
                "region" => Some(Action::ToggleRegion(value)),
                "national" => Some(Action::SetNational(input.checked())),
                "undated" => Some(Action::SetUndated(input.checked())),
                "strict" => Some(Action::SetStrict(input.checked())),
                _ => None,
            };
            if let Some(action) = action {
                dispatch.emit(action);
            }
        })
    };

    let types = outcome.types.iter().map(|(t, n)| {
        option(
            "type",
            t.key(),
            format::type_label(*t),
            *n,
            f.types.contains(t),
        )
    });
    let themes = outcome.themes.iter().map(|(id, n)| {
        let label = data.pack.theme_label(id).unwrap_or(id);
        option("theme", id, label, *n, f.themes.contains(id))
    });
    let hidden_regions = outcome
        .regions
        .iter()
        .filter(|(c, n)| *n == 0 && !f.regions.contains(c))
        .count();
    let regions = outcome
        .regions
        .iter()
        .filter(|(c, n)| *show_all_regions || *n > 0 || f.regions.contains(c))
        .map(|(code, n)| {
            let label = data.pack.region_name(code).unwrap_or(code);
            option("region", code, label, *n, f.regions.contains(code))
        });
    let toggle_regions = {
        let show = show_all_regions.clone();
        Callback::from(move |_| show.set(!*show))
    };
    let inverted = matches!((f.from, f.to), (Some(a), Some(b)) if a.first_day() > b.last_day());
    let undated_total = data.undated;
    let on_clear = dispatch.reform(|_| Action::Clear);

    // On a narrow screen the panel is a sheet over the results (src/sheet.rs):
    // its ✕ and its last button close it as a `<form method="dialog">`
    // does; a wide screen shows neither.
    html! {
        <dialog id={sheet::SHEET} class="sheet" aria-labelledby="filters-title"
            onclose={Callback::from(|_: Event| sheet::closed())}>
        <section class="panel" aria-labelledby="filters-title" onchange={on_change}>
            <div class="sheet-head">
                <h2 id="filters-title">{ s::FILTERS() }</h2>
                <form method="dialog" class="sheet-close">
                    <button class="button button-quiet" aria-label={s::SHEET_CLOSE()}>{ "✕" }</button>
                </form>
            </div>
            <div class="field">
                <label for="q">{ s::SEARCH_LABEL() }</label>
                <input type="search" id="q" value={f.query.clone()} oninput={on_query}
                    autocomplete="off" spellcheck="false" aria-describedby="q-hint" />
                <p class="hint" id="q-hint">{ s::SEARCH_HINT() }</p>
                if !data.pack.glossary.is_empty() { { crate::glossary::link() } }
            </div>
            if locks.types.is_empty() {
                { facet("type", s::FACET_TYPE(), html! { <ul class="options">{ for types }</ul> }) }
            } else {
                { locked("type", s::FACET_TYPE(), locks.types.iter().map(|t| format::type_label(*t).to_string()).collect()) }
            }
            if locks.themes.is_empty() {
                { facet("theme", s::FACET_THEME(), html! { <ul class="options">{ for themes }</ul> }) }
            } else {
                { locked("theme", s::FACET_THEME(), locks.themes.iter().map(|t| data.pack.theme_label(t).unwrap_or(t).to_string()).collect()) }
            }
            // When, then where: the timeline, then the map with the
            // region list under it.
            <fieldset class="facet" data-facet="dates">
                <legend>{ s::FACET_DATES() }</legend>
                { where_when::timeline_slot() }
                <p class="hint" id="date-hint">{ s::DATE_HINT() }</p>
                <div class="dates">
                    <DateInput id="date-from" label={s::DATE_FROM()} value={f.from}
                        on_change={dispatch.reform(Action::SetFrom)} />
                    <DateInput id="date-to" label={s::DATE_TO()} value={f.to}
                        on_change={dispatch.reform(Action::SetTo)} />
                </div>
                if inverted { <p class="warning">{ s::DATE_INVERTED() }</p> }
                if f.date_active() {
                    <div class="switch">
                        <input type="checkbox" id="strict" name="strict" checked={f.strict} />
                        <label for="strict">{ s::STRICT_SWITCH() }</label>
                    </div>
                }
                if f.date_active() && undated_total > 0 {
                    <div class="switch">
                        <input type="checkbox" id="undated" name="undated" checked={f.include_undated} />
                        <label for="undated">{ s::undated_option(undated_total) }</label>
                    </div>
                    if outcome.undated_excluded > 0 {
                        <p class="hint">{ s::undated_excluded(outcome.undated_excluded) }</p>
                    }
                }
            </fieldset>
            <fieldset class="facet" data-facet="region">
                <legend>{ s::FACET_REGION() }</legend>
                { where_when::map_slot() }
                if locks.regions.is_empty() {
                    <ul class="options">{ for regions }</ul>
                } else {
                    { locked_values("region", locks.regions.iter().map(|c| data.pack.region_name(c).unwrap_or(c).to_string()).collect()) }
                }
                if locks.regions.is_empty() && (hidden_regions > 0 || *show_all_regions) {
                    <button type="button" class="link-button" aria-expanded={show_all_regions.to_string()} onclick={toggle_regions}>
                        { if *show_all_regions { s::FEWER_REGIONS() } else { s::MORE_REGIONS() } }
                    </button>
                }
                <div class="switch">
                    <input type="checkbox" id="national" name="national" checked={f.include_national}
                        aria-describedby="national-hint" />
                    <label for="national">{ s::NATIONAL_SWITCH() }</label>
                    <p class="hint" id="national-hint">
                        { s::NATIONAL_SWITCH_HINT() }
                        if view.national_switch_applies() && f.include_national && !f.regions.contains(NATIONAL) {
                            { " " }{ national_note(&outcome.regions) }
                        }
                    </p>
                </div>
            </fieldset>
            <button type="button" id="clear" class="button" onclick={on_clear} disabled={!view.can_clear()}>{ s::CLEAR() }</button>
        </section>
        <form method="dialog" class="sheet-foot">
            <button id="sheet-done" class="button">{ s::see_records(outcome.results.len()) }</button>
        </form>
        </dialog>
    }
}

/// One checkbox of a facet; its change reaches the panel's one handler.
fn option(name: &'static str, value: &str, label: &str, count: u32, checked: bool) -> Html {
    let id = format!("{name}-{value}");
    let option = html! {
        <>
            <input type="checkbox" id={id.clone()} name={name} value={value.to_string()} {checked} />
            <label for={id}>
                <span class="option-label">{ label.to_string() }</span>
                <span class="count">{ count }</span>
            </label>
        </>
    };
    // Literal classes (see `parts::badge`).
    if count == 0 && !checked {
        html! { <li class="option option-empty">{ option }</li> }
    } else {
        html! { <li class="option">{ option }</li> }
    }
}

fn facet(name: &'static str, legend: &'static str, options: Html) -> Html {
    html! {
        <fieldset class="facet" data-facet={name}>
            <legend>{ legend }</legend>
            { options }
        </fieldset>
    }
}

/// A facet the host page locked: its values as fixed chips, nothing to untick.
fn locked(facet: &'static str, legend: &'static str, labels: Vec<String>) -> Html {
    html! {
        <fieldset class="facet facet-locked" data-facet={facet}>
            <legend>{ legend }</legend>
            { locked_values(facet, labels) }
        </fieldset>
    }
}

/// Labels as a `Vec`, not an iterator: one copy of this in the page's wasm,
/// not one per facet's iterator type.
fn locked_values(facet: &'static str, labels: Vec<String>) -> Html {
    let hint = format!("locked-{facet}-hint");
    html! {
        <>
            <ul class="chips locked-chips" id={format!("locked-{facet}")} aria-label={s::LOCKED_VALUES()}
                aria-describedby={hint.clone()}>
                { for labels.into_iter().map(|label| html! { <li class="chip chip-locked">{ label }</li> }) }
            </ul>
            <p class="hint" id={hint}>{ s::LOCKED_HINT() }</p>
        </>
    }
}

fn national_note(regions: &[(String, u32)]) -> String {
    let n = regions
        .iter()
        .find(|(c, _)| c == NATIONAL)
        .map_or(0, |(_, n)| *n);
    match n {
        0 => String::new(),
        1 => "1 fiche nationale est incluse.".into(),
        n => format!("{n} fiches nationales sont incluses."),
    }
}

#[derive(Properties, PartialEq)]
struct DateInputProps {
    id: &'static str,
    label: &'static str,
    value: Option<PartialDate>,
    on_change: Callback<Option<PartialDate>>,
}

/// A reduced-precision date field: applied on change (blur or Enter); a typo
/// stays in the field with a message instead of being silently dropped.
#[function_component(DateInput)]
fn date_input(props: &DateInputProps) -> Html {
    let text = use_state(|| props.value.map(|d| d.to_string()).unwrap_or_default());
    let invalid = use_state(|| false);
    {
        // Follow outside changes (clear, back/forward) of the applied value.
        let text = text.clone();
        let invalid = invalid.clone();
        use_effect_with(props.value, move |value| {
            let applied = value.map(|d| d.to_string()).unwrap_or_default();
            if PartialDate::parse(text.trim()).ok() != *value {
                text.set(applied);
                invalid.set(false);
            }
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onchange = {
        let invalid = invalid.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            let raw = raw.trim();
            if raw.is_empty() {
                invalid.set(false);
                on_change.emit(None);
            } else if let Ok(d) = PartialDate::parse(raw) {
                invalid.set(false);
                on_change.emit(Some(d));
            } else {
                invalid.set(true);
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let described = if *invalid {
        format!("date-hint {error_id}")
    } else {
        "date-hint".to_string()
    };
    html! {
        <div class="field date-field">
            <label for={props.id}>{ props.label }</label>
            <input type="text" id={props.id} inputmode="numeric" autocomplete="off" placeholder="AAAA-MM-JJ"
                value={(*text).clone()} {oninput} {onchange}
                aria-invalid={invalid.to_string()} aria-describedby={described} />
            if *invalid { <p class="error" id={error_id}>{ s::DATE_INVALID() }</p> }
        </div>
    }
}
