//! A record's fields drawn from their specs ([`crate::form::spec`]): each
//! with its label (the workbook's word in French, the key in English), a
//! mark when required, the schema's help beside it, and the validator's
//! problems at it, tied to its control (`aria-describedby`,
//! `aria-invalid`). Every control's id is `i-` and its field's path
//! (`i-place.commune`), its wrapper's `f-` and the path: a problem's link
//! goes there. Themes and regions are ticked from the file's own
//! vocabularies, linked records picked among the file's.

use std::rc::Rc;

use serde_json::{json, Value};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::date::DateField;
use super::excerpts::Excerpts;
use super::marks::{described_by, errors_at, help, invalid, required_mark, Errors};
use crate::form::record::{self, Edit};
use crate::form::spec::{self, Field, Widget};
use crate::state::Current;
use crate::wording::say as s;
use passerelles_core::bridge::editor::{List, Term};
use passerelles_core::wording::{lang, Lang};

/// What every field is drawn with.
pub struct Draw<'a> {
    pub list: List,
    pub record: &'a Value,
    pub current: &'a Rc<Current>,
    pub errors: &'a Rc<Errors>,
    pub set: &'a Callback<Edit>,
    pub source: &'a str,
    pub on_source: &'a Callback<String>,
}

/// A field's label: for an item of a list (`parties[0].name`), its list
/// sheet's column in French.
pub fn label(list: List, path: &str, item_of: Option<&str>) -> String {
    let plain = strip_indexes(path);
    match lang() {
        Lang::Fr => match item_of {
            Some(l) => spec::item_label_fr(l, plain.rsplit('.').next().unwrap_or(&plain)),
            None => spec::label_fr(list, &plain),
        },
        Lang::En => spec::label_en(&plain),
    }
}

/// A field's label with the objects and items it is in: "Source › Fichier",
/// "Parties n° 1 › Nom" (where a problem or an empty field is listed).
pub fn full_label(list: List, path: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut so_far = String::new();
    let mut item_of: Option<String> = None;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        if !so_far.is_empty() {
            so_far.push('.');
        }
        so_far.push_str(key);
        let text = label(list, &so_far, item_of.as_deref());
        out.push(match index {
            Some(i) => s::item_legend(&text, i + 1),
            None => text,
        });
        if index.is_some() {
            // Inside an item: its fields are labelled by its list's sheet.
            item_of = Some(key.to_string());
            so_far.clear();
        }
    }
    out.join(" › ")
}

fn strip_indexes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' => skip = false,
            c if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

/// The record's fields under `prefix` (`""`, `place.`, `parties[1].`).
pub fn fields(d: &Draw, list: &[Field], prefix: &str, item_of: Option<&str>) -> Html {
    html! {
        <>{ for list.iter().map(|f| field(d, f, &format!("{prefix}{}", f.key), item_of)) }</>
    }
}

fn field(d: &Draw, f: &Field, path: &str, item_of: Option<&str>) -> Html {
    let label = label(d.list, path, item_of);
    match &f.widget {
        Widget::Text { long } => line(d, f, path, &label, if *long { "area" } else { "text" }),
        Widget::Url => line(d, f, path, &label, "url"),
        Widget::Time => line(d, f, path, &label, "time"),
        Widget::Number => line(d, f, path, &label, "number"),
        Widget::Choice(values) => {
            let options = values.iter().map(|v| (v.clone(), v.clone())).collect();
            select(d, f, path, &label, options)
        }
        Widget::Region => {
            let options = terms(&d.current.opened.regions)
                .into_iter()
                .filter(|(k, _)| k != passerelles_core::data::model::NATIONAL)
                .collect();
            select(d, f, path, &label, options)
        }
        Widget::Regions => checks(d, f, path, &label, terms(&d.current.opened.regions)),
        Widget::Themes => checks(d, f, path, &label, terms(&d.current.opened.themes)),
        Widget::Record(l) | Widget::Records(l) => {
            let entries: Rc<Vec<(String, String)>> = Rc::new(
                d.current
                    .opened
                    .entries
                    .iter()
                    .filter(|e| e.list == *l)
                    .map(|e| (e.id.clone(), e.title.clone()))
                    .collect(),
            );
            let many = matches!(f.widget, Widget::Records(_));
            let chosen = if many {
                record::strings(d.record, path)
            } else {
                Vec::new()
            };
            html! {
                <RefPicker path={path.to_string()} label={label} help={f.help.clone()} {many}
                    value={record::text(d.record, path)} {chosen} {entries}
                    errors={d.errors.clone()} set={d.set.clone()} />
            }
        }
        Widget::Strings => strings(d, f, path, &label),
        Widget::Object(inner) => html! {
            <fieldset class="group" id={format!("f-{path}")}>
                <legend>{ &label }{ required_mark(f.required) }</legend>
                { help(path, &f.help) }
                { errors_at(d.errors, path) }
                { fields(d, inner, &format!("{path}."), None) }
            </fieldset>
        },
        Widget::Objects(inner) => objects(d, f, path, &label, inner),
        Widget::Date => html! {
            <DateField date={d.record.get("date").cloned().unwrap_or(Value::Null)}
                label={label} help={f.help.clone()} required={f.required}
                errors={d.errors.clone()} set={d.set.clone()} />
        },
        Widget::Excerpts => {
            let supportable: Rc<Vec<(String, String)>> = Rc::new(
                spec::supportable(d.list)
                    .into_iter()
                    .map(|k| {
                        let l = self::label(d.list, &k, None);
                        (k, l)
                    })
                    .collect(),
            );
            html! {
                <Excerpts excerpts={d.record.get("excerpts").cloned().unwrap_or(Value::Null)}
                    label={label} help={f.help.clone()} {supportable}
                    source={d.source.to_string()} on_source={d.on_source.clone()}
                    errors={d.errors.clone()} set={d.set.clone()} />
            }
        }
    }
}

fn terms(list: &[Term]) -> Vec<(String, String)> {
    list.iter()
        .map(|t| {
            let label = match (lang(), &t.label_en) {
                (Lang::En, Some(en)) => en.clone(),
                _ => t.label.clone(),
            };
            (t.key.clone(), label)
        })
        .collect()
}

/// A line of text (or a paragraph, a web address, a time, a number).
fn line(d: &Draw, f: &Field, path: &str, label: &str, kind: &'static str) -> Html {
    let value = record::text(d.record, path);
    let id = format!("i-{path}");
    let (set, p) = (d.set.clone(), path.to_string());
    let on_line = Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        set.emit(Edit::Set(p.clone(), Some(Value::String(v))));
    });
    let (set, p) = (d.set.clone(), path.to_string());
    let on_area = Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
        set.emit(Edit::Set(p.clone(), Some(Value::String(v))));
    });
    let described = described_by(d.errors, path, &f.help);
    let invalid = invalid(d.errors, path);
    let required = f.required.then_some("true");
    // The record's kind: the kinds the file already uses, offered.
    let suggestions = (path == "kind").then_some("kinds");
    let control = match kind {
        "area" => html! {
            <textarea id={id.clone()} rows="3" value={value} oninput={on_area}
                aria-describedby={described} aria-invalid={invalid} aria-required={required} />
        },
        "number" => html! {
            <input type="text" inputmode="decimal" id={id.clone()} value={value} oninput={on_line}
                aria-describedby={described} aria-invalid={invalid} aria-required={required} />
        },
        kind => html! {
            <input type={kind} id={id.clone()} value={value} oninput={on_line} list={suggestions}
                autocomplete="off" spellcheck={(kind == "text").then_some("true")}
                aria-describedby={described} aria-invalid={invalid} aria-required={required} />
        },
    };
    let extra = match path {
        "id" => suggest_id(d),
        "kind" => html! {
            <datalist id="kinds">
                { for d.current.opened.kinds.iter().map(|k| html! { <option value={k.clone()} /> }) }
            </datalist>
        },
        _ => Html::default(),
    };
    html! {
        <div class="field" id={format!("f-{path}")}>
            <label for={id}>{ label }{ required_mark(f.required) }</label>
            { control }
            { extra }
            { help(path, &f.help) }
            { errors_at(d.errors, path) }
        </div>
    }
}

/// "Proposer un identifiant": from the title and the date, as the README's
/// examples are made; the editor may change it.
fn suggest_id(d: &Draw) -> Html {
    let (set, list) = (d.set.clone(), d.list);
    let title = record::text(d.record, "title");
    let date = record::text(d.record, "date.value");
    let onclick = Callback::from(move |_: MouseEvent| {
        let id = record::suggested_id(list, &title, (!date.is_empty()).then_some(date.as_str()));
        set.emit(Edit::Set("id".into(), Some(Value::String(id))));
    });
    html! {
        <button type="button" id="suggest-id" class="button button-quiet small" {onclick}>{ s::SUGGEST_ID() }</button>
    }
}

fn select(d: &Draw, f: &Field, path: &str, label: &str, options: Vec<(String, String)>) -> Html {
    let value = record::text(d.record, path);
    let id = format!("i-{path}");
    let (set, p) = (d.set.clone(), path.to_string());
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        set.emit(Edit::Set(
            p.clone(),
            (!v.is_empty()).then_some(Value::String(v)),
        ));
    });
    html! {
        <div class="field" id={format!("f-{path}")}>
            <label for={id.clone()}>{ label }{ required_mark(f.required) }</label>
            <select id={id} {onchange} aria-describedby={described_by(d.errors, path, &f.help)}
                aria-invalid={invalid(d.errors, path)}>
                <option value="" selected={value.is_empty()}>{ s::NONE_OPTION() }</option>
                { for options.into_iter().map(|(k, l)| {
                    let text = if k == l { k.clone() } else { format!("{l} ({k})") };
                    html! { <option value={k.clone()} selected={value == k}>{ text }</option> }
                }) }
            </select>
            { help(path, &f.help) }
            { errors_at(d.errors, path) }
        </div>
    }
}

/// Themes or regions: ticked from the file's vocabulary.
fn checks(d: &Draw, f: &Field, path: &str, label: &str, options: Vec<(String, String)>) -> Html {
    let chosen = record::strings(d.record, path);
    // Codes the record holds that the vocabulary lacks stay visible, to be
    // unticked (the validator names them).
    let mut options = options;
    for c in &chosen {
        if !options.iter().any(|(k, _)| k == c) {
            options.push((c.clone(), c.clone()));
        }
    }
    html! {
        <fieldset class="group checks" id={format!("f-{path}")}
            aria-describedby={described_by(d.errors, path, &f.help)}>
            <legend>{ label }{ required_mark(f.required) }</legend>
            { help(path, &f.help) }
            { errors_at(d.errors, path) }
            <div class="check-grid">
                { for options.into_iter().enumerate().map(|(n, (k, l))| {
                    let (set, p, key) = (d.set.clone(), path.to_string(), k.clone());
                    let onchange = Callback::from(move |_: Event| set.emit(Edit::Toggle(p.clone(), key.clone())));
                    // The first box carries the field's own id: a problem's link lands there.
                    let id = if n == 0 { format!("i-{path}") } else { format!("i-{path}-{k}") };
                    html! {
                        <label class="check" for={id.clone()}>
                            <input type="checkbox" id={id} checked={chosen.contains(&k)} {onchange} />
                            <span>{ l }{ " " }<span class="code">{ "(" }{ k }{ ")" }</span></span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// A list of sentences (objectives).
fn strings(d: &Draw, f: &Field, path: &str, label: &str) -> Html {
    let items = record::strings(d.record, path);
    let add = {
        let (set, p) = (d.set.clone(), path.to_string());
        Callback::from(move |_: MouseEvent| set.emit(Edit::Push(p.clone(), json!(""))))
    };
    html! {
        <fieldset class="group" id={format!("f-{path}")} aria-describedby={described_by(d.errors, path, &f.help)}>
            <legend>{ label }{ required_mark(f.required) }</legend>
            { help(path, &f.help) }
            { errors_at(d.errors, path) }
            { for items.into_iter().enumerate().map(|(i, text)| {
                let item = format!("{path}[{i}]");
                let (set, p) = (d.set.clone(), item.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    set.emit(Edit::Set(p.clone(), Some(Value::String(v))));
                });
                let (set, p) = (d.set.clone(), item.clone());
                let remove = Callback::from(move |_: MouseEvent| set.emit(Edit::Remove(p.clone())));
                html! {
                    <div class="item field" id={format!("f-{item}")}>
                        <label for={format!("i-{item}")}>{ s::item_legend(label, i + 1) }</label>
                        <textarea id={format!("i-{item}")} rows="2" value={text} {oninput}
                            aria-invalid={invalid(d.errors, &item)} />
                        { errors_at(d.errors, &item) }
                        <button type="button" class="link-button" onclick={remove}>{ s::remove_item(label, i + 1) }</button>
                    </div>
                }
            }) }
            <button type="button" class="button button-quiet small" onclick={add}>{ s::add_item(label) }</button>
        </fieldset>
    }
}

/// A list of objects (parties, people, figures), each a fieldset of its
/// own fields.
fn objects(d: &Draw, f: &Field, path: &str, label: &str, inner: &[Field]) -> Html {
    let n = record::len(d.record, path);
    let add = {
        let (set, p) = (d.set.clone(), path.to_string());
        Callback::from(move |_: MouseEvent| set.emit(Edit::Push(p.clone(), json!({}))))
    };
    let key = f.key.clone();
    html! {
        <fieldset class="group" id={format!("f-{path}")} aria-describedby={described_by(d.errors, path, &f.help)}>
            <legend>{ label }{ required_mark(f.required) }</legend>
            { help(path, &f.help) }
            { errors_at(d.errors, path) }
            { for (0..n).map(|i| {
                let item = format!("{path}[{i}]");
                let (set, p) = (d.set.clone(), item.clone());
                let remove = Callback::from(move |_: MouseEvent| set.emit(Edit::Remove(p.clone())));
                html! {
                    <fieldset class="item" id={format!("f-{item}")}>
                        <legend>{ s::item_legend(label, i + 1) }</legend>
                        { errors_at(d.errors, &item) }
                        { fields(d, inner, &format!("{item}."), Some(&key)) }
                        <button type="button" class="link-button" onclick={remove}>{ s::remove_item(label, i + 1) }</button>
                    </fieldset>
                }
            }) }
            <button type="button" class="button button-quiet small" onclick={add}>{ s::add_item(label) }</button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct RefPickerProps {
    path: String,
    label: String,
    help: String,
    /// Several ids (an event's agreements), or one (its programme).
    many: bool,
    /// The one id.
    value: String,
    /// The ids chosen.
    chosen: Vec<String>,
    /// The records that may be linked: id, title.
    entries: Rc<Vec<(String, String)>>,
    errors: Rc<Errors>,
    set: Callback<Edit>,
}

/// A link to records of the file: their ids typed or picked among the
/// file's (a list the browser offers as one types), checked by the
/// validator like any link.
#[function_component(RefPicker)]
fn ref_picker(props: &RefPickerProps) -> Html {
    let typed = use_state(String::new);
    let path = &props.path;
    let list_id = format!("dl-{path}");
    let options = html! {
        <datalist id={list_id.clone()}>
            { for props.entries.iter().map(|(id, title)| html! {
                <option value={id.clone()} label={title.clone()} />
            }) }
        </datalist>
    };
    let described = described_by(&props.errors, path, &props.help);
    if !props.many {
        let (set, p) = (props.set.clone(), path.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            set.emit(Edit::Set(p.clone(), Some(Value::String(v))));
        });
        return html! {
            <div class="field" id={format!("f-{path}")}>
                <label for={format!("i-{path}")}>{ &props.label }</label>
                <input type="text" id={format!("i-{path}")} list={list_id} value={props.value.clone()}
                    {oninput} autocomplete="off" aria-describedby={described}
                    aria-invalid={invalid(&props.errors, path)} />
                { options }
                { help(path, &props.help) }
                { errors_at(&props.errors, path) }
            </div>
        };
    }
    let on_type = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_add = {
        let (typed, set, p, chosen) = (
            typed.clone(),
            props.set.clone(),
            path.clone(),
            props.chosen.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let id = typed.trim().to_string();
            if !id.is_empty() && !chosen.contains(&id) {
                set.emit(Edit::Toggle(p.clone(), id));
            }
            typed.set(String::new());
        })
    };
    html! {
        <fieldset class="group" id={format!("f-{path}")} aria-describedby={described}>
            <legend>{ &props.label }</legend>
            { help(path, &props.help) }
            { errors_at(&props.errors, path) }
            <ul class="chosen">
                { for props.chosen.iter().map(|id| {
                    let title = props.entries.iter().find(|(e, _)| e == id).map(|(_, t)| t.clone());
                    let (set, p, key) = (props.set.clone(), path.clone(), id.clone());
                    let remove = Callback::from(move |_: MouseEvent| set.emit(Edit::Toggle(p.clone(), key.clone())));
                    html! {
                        <li>
                            <code>{ id }</code>{ for title.map(|t| html! { <>{ " — " }<span lang="fr">{ t }</span></> }) }
                            { " " }
                            <button type="button" class="link-button" onclick={remove}
                                aria-label={format!("{} {id}", s::REMOVE())}>{ s::REMOVE() }</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="inline">
                <label for={format!("i-{path}")} class="visually-hidden">{ &props.label }</label>
                <input type="text" id={format!("i-{path}")} list={list_id} value={(*typed).clone()}
                    oninput={on_type} autocomplete="off" />
                <button type="button" class="button button-quiet small" onclick={on_add}>{ s::ADD_ID() }</button>
            </div>
            { options }
        </fieldset>
    }
}
