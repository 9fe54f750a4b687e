//! The date widget: what the text says of the date (a day, a month, a
//! year, bounds, or nothing), the date or each bound as precise as the
//! text, then the text's own words and the notes the validator asks for
//! (a note per bound given). It writes `date.value` in EDTF from its parts
//! ([`crate::form::date`]) and shows the value written and how the site
//! will word it; whether it is right is the validator's to say.

use std::rc::Rc;

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::marks::{described_by, errors_at, help, invalid, required_mark, Errors};
use crate::form::date::{End, Kind, Parts, Point};
use crate::form::record::Edit;
use crate::wording::say as s;
use passerelles_core::data::date::When;
use passerelles_core::wording::number::{MONTHS, MONTHS_EN};
use passerelles_core::wording::{format, lang, Lang};

#[derive(Properties, PartialEq)]
pub struct DateProps {
    /// The record's `date` object.
    pub date: Value,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub errors: Rc<Errors>,
    pub set: Callback<Edit>,
}

fn text_of(date: &Value, key: &str) -> String {
    date.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Which date a control edits.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    On,
    Start,
    End,
}

#[function_component(DateField)]
pub fn date_field(props: &DateProps) -> Html {
    // The parts as typed, always the latest (several events may come
    // before the next render); the value written follows them.
    let parts = use_mut_ref(|| Parts::of(props.date.get("value").and_then(Value::as_str)));
    let redraw = use_force_update();
    let change: Change = {
        let (parts, set, redraw) = (parts.clone(), props.set.clone(), redraw.clone());
        Rc::new(move |f: &dyn Fn(&mut Parts)| {
            let (value, needs) = {
                let mut p = parts.borrow_mut();
                f(&mut p);
                (p.value(), p.needs())
            };
            set.emit(Edit::Set("date.value".into(), value.map(Value::String)));
            // A bound's note without its bound is refused: it goes with it.
            if !needs.1 {
                set.emit(Edit::Set("date.start_note".into(), None));
            }
            if !needs.2 {
                set.emit(Edit::Set("date.end_note".into(), None));
            }
            redraw.force_update();
        })
    };
    let p = parts.borrow().clone();
    let errors = &props.errors;
    let kinds = [
        (Kind::Day, s::DATE_DAY_KIND()),
        (Kind::Month, s::DATE_MONTH_KIND()),
        (Kind::Year, s::DATE_YEAR_KIND()),
        (Kind::Interval, s::DATE_INTERVAL_KIND()),
        (Kind::Unknown, s::DATE_UNKNOWN_KIND()),
    ];
    let radios = kinds.into_iter().map(|(k, text)| {
        let change = change.clone();
        let onchange = Callback::from(move |_: Event| {
            change(&|p: &mut Parts| *p = p.with_kind(k));
        });
        let id = format!("i-date-kind-{}", k.key());
        html! {
            <label class="check" for={id.clone()}>
                <input type="radio" name="date-kind" id={id} value={k.key()} checked={p.kind == k} {onchange} />
                { text }
            </label>
        }
    });
    let value = p.value();
    let reading = value
        .as_deref()
        .and_then(|v| When::parse(v).ok())
        .map(|w| format::when(&w));
    let (needs_text, needs_start, needs_end) = p.needs();
    let note = |key: &str, label: &str, required: bool| {
        let path = format!("date.{key}");
        let (set, p2) = (props.set.clone(), path.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            set.emit(Edit::Set(p2.clone(), Some(Value::String(v))));
        });
        html! {
            <div class="field" id={format!("f-{path}")}>
                <label for={format!("i-{path}")}>{ label }{ required_mark(required) }</label>
                <textarea id={format!("i-{path}")} rows="2" value={text_of(&props.date, key)} {oninput}
                    aria-describedby={described_by(errors, &path, "")} aria-invalid={invalid(errors, &path)}
                    aria-required={required.then_some("true")} />
                { errors_at(errors, &path) }
            </div>
        }
    };
    let labels = |key: &str| match lang() {
        Lang::Fr => passerelles_sheet::layout::SHEETS[0]
            .columns
            .iter()
            .find(|c| c.path == Some(&format!("date.{key}")))
            .map(|c| {
                let h = c
                    .header
                    .trim_start_matches("date")
                    .trim_start_matches([' ', ':']);
                let mut chars = h.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .unwrap_or_else(|| key.to_string()),
        Lang::En => crate::form::spec::label_en(key),
    };
    html! {
        <fieldset class="group date" id="f-date" aria-describedby={described_by(errors, "date", &props.help)}>
            <legend>{ &props.label }{ required_mark(props.required) }</legend>
            { help("date", &props.help) }
            { errors_at(errors, "date") }
            <fieldset class="choices">
                <legend>{ s::DATE_PRECISION() }</legend>
                { for radios }
            </fieldset>
            { match p.kind {
                Kind::Unknown => Html::default(),
                Kind::Interval => html! {
                    <div class="bounds">
                        { bound(&change, Which::Start, &p.start) }
                        { bound(&change, Which::End, &p.end) }
                    </div>
                },
                kind => point(&change, Which::On, match kind {
                    Kind::Day => End::Day,
                    Kind::Month => End::Month,
                    _ => End::Year,
                }, &p.on),
            } }
            if let Some(v) = &value {
                <p class="date-reading" id="date-reading">
                    { s::date_value(v) }
                    if let Some(r) = &reading { <br />{ s::date_reads(r) } }
                </p>
            }
            { errors_at(errors, "date.value") }
            { note("text", &labels("text"), needs_text) }
            { note("note", &labels("note"), false) }
            if needs_start { { note("start_note", &labels("start_note"), true) } }
            if needs_end { { note("end_note", &labels("end_note"), true) } }
        </fieldset>
    }
}

type Change = Rc<dyn Fn(&dyn Fn(&mut Parts))>;

/// An interval's end: open, or a date as precise as the text.
fn bound(change: &Change, which: Which, end: &(End, Point)) -> Html {
    let (key, label) = match which {
        Which::Start => ("start", s::DATE_START()),
        _ => ("end", s::DATE_END()),
    };
    let id = format!("i-date.{key}-kind");
    let onchange = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let precision = End::from_key(&v).unwrap_or_default();
            change(&|p: &mut Parts| match which {
                Which::Start => p.start.0 = precision,
                _ => p.end.0 = precision,
            });
        })
    };
    let options = [
        (End::Open, s::END_OPEN()),
        (End::Day, s::END_DAY()),
        (End::Month, s::END_MONTH()),
        (End::Year, s::END_YEAR()),
    ];
    html! {
        <fieldset class="bound">
            <legend>{ label }</legend>
            <label for={id.clone()} class="visually-hidden">{ label }</label>
            // The start's choice carries the value's id: a problem with
            // the interval lands there.
            <select id={if which == Which::Start { "i-date.value".to_string() } else { id }} {onchange}>
                { for options.into_iter().map(|(e, text)| html! {
                    <option value={e.key()} selected={end.0 == e}>{ text }</option>
                }) }
            </select>
            if end.0 != End::Open { { point(change, which, end.0, &end.1) } }
        </fieldset>
    }
}

/// A date as precise as `precision`: a day picker, a month and its year,
/// or a year.
fn point(change: &Change, which: Which, precision: End, at: &Point) -> Html {
    let key = match which {
        Which::On => "value",
        Which::Start => "start",
        Which::End => "end",
    };
    let edit = move |f: fn(&mut Point, String)| {
        let change = change.clone();
        move |v: String| {
            change(&|p: &mut Parts| {
                let point = match which {
                    Which::On => &mut p.on,
                    Which::Start => &mut p.start.1,
                    Which::End => &mut p.end.1,
                };
                f(point, v.clone());
            })
        }
    };
    let first_id = if which == Which::On {
        "i-date.value".to_string()
    } else {
        format!("i-date.{key}")
    };
    match precision {
        End::Day => {
            let set = edit(|p, v| *p = Point::from_iso_day(&v));
            let oninput = Callback::from(move |e: InputEvent| {
                set(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <div class="field inline-field">
                    <label for={first_id.clone()}>{ s::DATE_DAY() }</label>
                    <input type="date" id={first_id} value={at.iso_day()} {oninput} min="1900-01-01" max="2100-12-31" />
                </div>
            }
        }
        End::Month | End::Year => {
            let set_year = edit(|p, v| p.year = v.trim().to_string());
            let on_year = Callback::from(move |e: InputEvent| {
                set_year(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            let year = html! {
                <div class="field inline-field">
                    <label for={first_id.clone()}>{ s::DATE_YEAR() }</label>
                    <input type="text" inputmode="numeric" id={first_id.clone()} class="year" maxlength="4"
                        value={at.year.clone()} oninput={on_year} autocomplete="off" />
                </div>
            };
            if precision == End::Year {
                return year;
            }
            let set_month = edit(|p, v| {
                p.month = v;
                p.day = String::new();
            });
            let on_month = Callback::from(move |e: Event| {
                set_month(e.target_unchecked_into::<HtmlSelectElement>().value())
            });
            let months = match lang() {
                Lang::Fr => MONTHS,
                Lang::En => MONTHS_EN,
            };
            let month_id = format!("i-date.{key}-month");
            let chosen = at.month.trim_start_matches('0').to_string();
            html! {
                <div class="inline">
                    <div class="field inline-field">
                        <label for={month_id.clone()}>{ s::DATE_MONTH() }</label>
                        <select id={month_id} onchange={on_month}>
                            <option value="" selected={at.month.is_empty()}>{ s::NONE_OPTION() }</option>
                            { for months.iter().enumerate().map(|(i, name)| {
                                let n = format!("{:02}", i + 1);
                                html! { <option value={n.clone()} selected={chosen == (i + 1).to_string()}>{ *name }</option> }
                            }) }
                        </select>
                    </div>
                    { year }
                </div>
            }
        }
        End::Open => Html::default(),
    }
}
