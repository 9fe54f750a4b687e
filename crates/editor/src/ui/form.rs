//! Step 4: a record added, or one of the file edited, in a form made from
//! the format's fields ([`crate::form::spec`]), its source text pasted
//! beside it for the excerpts. As the editor types, the record is checked
//! by the validator in the worker, in the dataset it would join (its id
//! unique, its links to the other records resolved), a moment after the
//! last keystroke; each problem is said at its field and listed above the
//! buttons, each a link to its field. "Ajouter" puts it in the file only
//! when it has no problem.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::browser;
use super::ctx::Ctx;
use super::fields::{self, Draw};
use super::marks::Errors;
use super::worker::Purpose;
use crate::form::record::{self, Edit};
use crate::form::spec;
use crate::state::{Current, Form, Msg};
use crate::wording::say as s;
use passerelles_core::bridge::editor::{Call, Change, List, Problem};
use passerelles_core::data::model::RawDataset;

/// How long after the last keystroke the record is checked.
const CHECK_AFTER_MS: u32 = 350;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub ctx: Ctx,
}

#[function_component(RecordSection)]
pub fn record_section(props: &SectionProps) -> Html {
    let ctx = &props.ctx;
    let current = ctx.current();
    let new = |list: List| {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Msg::OpenForm {
                list,
                editing: None,
                focus: None,
            })
        })
    };
    html! {
        <section id="record" class="step" aria-labelledby="record-title">
            <h2 id="record-title">{ s::RECORD_TITLE() }</h2>
            <p>{ s::RECORD_INTRO() }</p>
            if current.is_none() { <p class="hint" id="needs-data">{ s::NEEDS_DATA() }</p> }
            <p class="actions">
                <button type="button" id="new-agreement" class="button" onclick={new(List::Agreements)}
                    disabled={current.is_none()}>{ s::NEW_AGREEMENT() }</button>
                <button type="button" id="new-event" class="button" onclick={new(List::Events)}
                    disabled={current.is_none()}>{ s::NEW_EVENT() }</button>
            </p>
            if let Some(c) = current {
                <RecordPicker current={c.clone()} dispatch={ctx.dispatch.clone()} />
            }
            if let (Some(c), Some(form)) = (current, &ctx.state.form) {
                <RecordForm key={form.generation.to_string()} ctx={ctx.clone()} current={c.clone()} form={form.clone()} />
            }
        </section>
    }
}

#[derive(Properties)]
struct PickerProps {
    current: Rc<Current>,
    dispatch: Callback<Msg>,
}

impl PartialEq for PickerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

/// The file's records, to open one in the form (drawn again only for
/// another dataset: a file of 10,000 records is a long list).
#[function_component(RecordPicker)]
fn record_picker(props: &PickerProps) -> Html {
    let chosen = use_state(String::new);
    let status = use_state_eq(String::new);
    let entries = &props.current.opened.entries;
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let onclick = {
        let (chosen, status, dispatch, current) = (
            chosen.clone(),
            status.clone(),
            props.dispatch.clone(),
            props.current.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            match current.opened.entries.iter().find(|e| e.id == *chosen) {
                Some(e) => {
                    status.set(String::new());
                    dispatch.emit(Msg::OpenForm {
                        list: e.list,
                        editing: Some(e.id.clone()),
                        focus: None,
                    });
                }
                None => status.set(s::PICK_RECORD().to_string()),
            }
        })
    };
    html! {
        <div class="picker">
            <label for="edit-record">{ s::EDIT_LABEL() }</label>
            <div class="inline">
                <select id="edit-record" {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ s::EDIT_NONE() }</option>
                    { for entries.iter().map(|e| html! {
                        <option value={e.id.clone()} selected={*chosen == e.id}>{ s::entry_option(&e.id, &e.title) }</option>
                    }) }
                </select>
                <button type="button" id="edit-button" class="button button-quiet" {onclick}>{ s::EDIT_BUTTON() }</button>
            </div>
            <p role="status" class="hint">{ (*status).clone() }</p>
        </div>
    }
}

/// The record of `id` in the dataset, as its JSON; none if it has none.
fn load(dataset: &str, list: List, id: &str) -> Option<Value> {
    #[derive(Deserialize)]
    struct Head {
        id: Option<String>,
    }
    let raw: RawDataset = serde_json::from_str(dataset).ok()?;
    let records = match list {
        List::Agreements => &raw.agreements,
        List::Events => &raw.events,
    };
    let found = records.iter().find(|r| {
        serde_json::from_str::<Head>(r.get()).is_ok_and(|h| h.id.as_deref() == Some(id))
    })?;
    serde_json::from_str(found.get()).ok()
}

/// The form's record behind a reducer: each [`Edit`] applies to the record
/// as it is then.
#[derive(PartialEq)]
struct Rec(Rc<Value>);

impl Reducible for Rec {
    type Action = Edit;
    fn reduce(self: Rc<Self>, change: Edit) -> Rc<Self> {
        let mut next = (*self.0).clone();
        record::edit(&mut next, change);
        Rc::new(Rec(Rc::new(next)))
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    ctx: Ctx,
    current: Rc<Current>,
    form: Form,
}

#[function_component(RecordForm)]
fn record_form(props: &FormProps) -> Html {
    let (list, editing) = (props.form.list, props.form.editing.clone());
    let fields = use_memo(list, |l| spec::record(*l));
    let rec = {
        let (current, editing) = (props.current.clone(), editing.clone());
        use_reducer(move || {
            let loaded = editing
                .as_deref()
                .and_then(|id| load(&current.opened.dataset, list, id));
            Rec(Rc::new(loaded.unwrap_or_else(|| record::blank(list))))
        })
    };
    let source = use_state(String::new);
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let set = {
        let rec = rec.dispatcher();
        Callback::from(move |e: Edit| rec.dispatch(e))
    };
    let change = |record: &Value| Change {
        record: record::written(record, &fields).to_string(),
        list,
        replaces: editing.clone(),
    };
    // Checked a moment after the last change, and once when opened.
    {
        let (timer, work, dispatch, current) = (
            timer.clone(),
            props.ctx.work.clone(),
            props.ctx.dispatch.clone(),
            props.current.clone(),
        );
        let change = change(&rec.0);
        use_effect_with(rec.0.clone(), move |_| {
            *timer.borrow_mut() = Some(browser::after(CHECK_AFTER_MS, move || {
                let id = work.send(
                    Call::Check {
                        dataset: current.opened.dataset.clone(),
                        change,
                    },
                    Purpose::Check,
                );
                dispatch.emit(Msg::Checking(id));
            }));
        });
    }
    // Opened from a problem's link: to its field; else to the form's title.
    {
        let (focus, fields) = (props.form.focus.clone(), fields.clone());
        use_effect_with((), move |_| {
            let at = focus.as_deref().and_then(|f| record::anchor(&fields, f));
            let landed = at.is_some_and(|a| {
                browser::focus(&format!("i-{a}")) || browser::focus(&format!("f-{a}"))
            });
            if !landed {
                browser::focus("record-form-title");
            }
        });
    }
    let record = rec.0.clone();
    let problems: Vec<Problem> = props
        .form
        .checked
        .as_ref()
        .map(|(_, p)| p.clone())
        .unwrap_or_default();
    let mut errors: Errors = HashMap::new();
    let mut general = Vec::new();
    for p in &problems {
        match p.field.as_deref().and_then(|f| record::anchor(&fields, f)) {
            Some(a) => errors.entry(a).or_default().push(p.clone()),
            None => general.push(p.clone()),
        }
    }
    let errors = Rc::new(errors);
    let on_source = {
        let source = source.clone();
        Callback::from(move |t: String| source.set(t))
    };
    let draw = Draw {
        list,
        record: &record,
        current: &props.current,
        errors: &errors,
        set: &set,
        source: &source,
        on_source: &on_source,
    };
    let unknown: Vec<String> = record
        .as_object()
        .map(|o| {
            o.keys()
                .filter(|k| !fields.iter().any(|f| &f.key == *k))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let on_apply = {
        let (work, dispatch, current, change) = (
            props.ctx.work.clone(),
            props.ctx.dispatch.clone(),
            props.current.clone(),
            change(&record),
        );
        let id_of = record::text(&record, "id");
        Callback::from(move |_: MouseEvent| {
            let id = work.send(
                Call::Apply {
                    dataset: current.opened.dataset.clone(),
                    change: change.clone(),
                },
                Purpose::Apply {
                    record: id_of.clone(),
                },
            );
            dispatch.emit(Msg::Applying(id));
        })
    };
    let on_close = {
        let dispatch = props.ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::CloseForm))
    };
    let title = match &editing {
        Some(id) => s::form_title_edit(id),
        None => s::form_title_new(list == List::Agreements),
    };
    let form = &props.form;
    let missing = record::missing(&fields, &record);
    let status = if form.checking.is_some() || form.applying.is_some() && form.checked.is_none() {
        s::CHECKING().to_string()
    } else if form.checked.is_some() && problems.is_empty() && missing.is_empty() {
        s::FORM_OK().to_string()
    } else if !problems.is_empty() {
        s::form_problems(problems.len())
    } else {
        String::new()
    };
    let link = |p: &Problem| {
        let target = p.field.as_deref().and_then(|f| record::anchor(&fields, f));
        let label = target
            .as_deref()
            .map(|a| fields::full_label(list, a))
            .unwrap_or_default();
        let onclick = target.clone().map(|a| {
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                if !browser::focus(&format!("i-{a}")) {
                    browser::focus(&format!("f-{a}"));
                }
            })
        });
        let href = target.map_or_else(|| "#record-form".to_string(), |a| format!("#f-{a}"));
        html! {
            <li>
                <a {href} {onclick}>
                    if !label.is_empty() { <strong>{ label }</strong>{ " : " } }
                    <span lang="fr">{ &p.text }</span>
                </a>
            </li>
        }
    };
    html! {
        <form id="record-form" class="record-form" novalidate=true
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
            aria-labelledby="record-form-title">
            <h3 id="record-form-title" tabindex="-1">{ title }</h3>
            { for general.iter().map(|p| html! { <p class="read-error" lang="fr">{ &p.text }</p> }) }
            if !unknown.is_empty() {
                <div class="read-error">
                    <p>{ s::UNKNOWN_FIELDS() }</p>
                    <ul>
                        { for unknown.iter().map(|k| {
                            let (set, key) = (set.clone(), k.clone());
                            let onclick = Callback::from(move |_: MouseEvent| set.emit(Edit::Remove(key.clone())));
                            html! {
                                <li><code>{ k }</code>{ " " }
                                    <button type="button" class="link-button" {onclick}
                                        aria-label={format!("{} {k}", s::REMOVE_FIELD())}>{ s::REMOVE_FIELD() }</button></li>
                            }
                        }) }
                    </ul>
                </div>
            }
            { fields::fields(&draw, &fields, "", None) }
            <div class="form-end">
                <p id="form-status" role="status">{ status }</p>
                if !problems.is_empty() {
                    <ul id="form-problems" class="form-problems">{ for problems.iter().map(link) }</ul>
                }
                if !missing.is_empty() {
                    <p class="to-fill">{ s::TO_FILL() }{ " " }
                        { for missing.iter().enumerate().map(|(i, path)| {
                            let (p, label) = (path.clone(), fields::full_label(list, path));
                            let onclick = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                browser::focus(&format!("i-{p}"));
                            });
                            html! {
                                <>
                                    if i > 0 { { ", " } }
                                    <a href={format!("#f-{path}")} {onclick}>{ label }</a>
                                </>
                            }
                        }) }
                    </p>
                }
                <p class="actions">
                    <button type="button" id="apply-record" class="button" onclick={on_apply}
                        disabled={form.applying.is_some()}>
                        { if form.applying.is_some() { s::APPLYING() } else if editing.is_some() { s::APPLY_EDIT() } else { s::APPLY_NEW() } }
                    </button>
                    <button type="button" id="close-form" class="button button-quiet" onclick={on_close}>{ s::CLOSE_FORM() }</button>
                </p>
            </div>
        </form>
    }
}
