//! The excerpt tool: the editor pastes the source text, selects a passage
//! and adds it; the excerpt is cut out of the pasted text, so it is that
//! text word for word by construction (never retyped: its words cannot be
//! edited, only removed), and says which of the record's fields it
//! supports. Each excerpt says whether it is still in the text pasted (an
//! excerpt of a record opened for editing is checked once its text is
//! pasted again).

use std::rc::Rc;

use serde_json::{json, Value};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::marks::{errors_at, help, required_mark, Errors};
use crate::form::record::{excerpt, find_excerpt, Edit};
use crate::wording::say as s;

#[derive(Properties, PartialEq)]
pub struct ExcerptsProps {
    /// The record's `excerpts` list.
    pub excerpts: Value,
    pub label: String,
    pub help: String,
    /// The fields an excerpt may support: key, label.
    pub supportable: Rc<Vec<(String, String)>>,
    /// The pasted source text, kept by the form.
    pub source: String,
    pub on_source: Callback<String>,
    pub errors: Rc<Errors>,
    pub set: Callback<Edit>,
}

#[function_component(Excerpts)]
pub fn excerpts(props: &ExcerptsProps) -> Html {
    let text = use_node_ref();
    let status = use_state_eq(String::new);
    let items: Vec<(Vec<String>, String)> = props
        .excerpts
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    let supports = e["supports"]
                        .as_array()
                        .map(|s| {
                            s.iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default();
                    (supports, e["text"].as_str().unwrap_or_default().to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    let on_source = {
        let on_source = props.on_source.clone();
        Callback::from(move |e: InputEvent| {
            on_source.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_add = {
        let (text, status, set) = (text.clone(), status.clone(), props.set.clone());
        Callback::from(move |_: MouseEvent| {
            // The text area keeps its selection when the button takes the
            // focus: read it now, from the text as it is.
            let Some(area) = text.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let (start, end) = (
                area.selection_start().ok().flatten().unwrap_or(0),
                area.selection_end().ok().flatten().unwrap_or(0),
            );
            match excerpt(&area.value(), start, end) {
                Some(cut) => {
                    status.set(s::excerpt_added(cut.chars().count()));
                    set.emit(Edit::Push(
                        "excerpts".into(),
                        json!({ "supports": [], "text": cut }),
                    ));
                }
                None => status.set(s::NO_SELECTION().to_string()),
            }
        })
    };
    let path = "excerpts";
    html! {
        <fieldset class="group excerpts" id="f-excerpts">
            <legend>{ &props.label }{ required_mark(true) }</legend>
            { help(path, &props.help) }
            <p class="hint">{ s::SOURCE_HINT() }</p>
            { errors_at(&props.errors, path) }
            <div class="field">
                <label for="source-text">{ s::SOURCE_TEXT() }</label>
                <textarea id="source-text" ref={text} rows="10" lang="fr" value={props.source.clone()}
                    oninput={on_source} spellcheck="false" />
            </div>
            <p class="actions">
                <button type="button" id="add-excerpt" class="button button-quiet" onclick={on_add}>{ s::ADD_EXCERPT() }</button>
            </p>
            <p id="excerpt-status" role="status">{ (*status).clone() }</p>
            if items.is_empty() { <p class="hint">{ s::NO_EXCERPT() }</p> }
            { for items.into_iter().enumerate().map(|(i, (supports, text))| {
                let item = format!("excerpts[{i}]");
                let found = !props.source.is_empty() && find_excerpt(&props.source, &text).is_some();
                let (set, p) = (props.set.clone(), item.clone());
                let remove = Callback::from(move |_: MouseEvent| set.emit(Edit::Remove(p.clone())));
                // Fields the excerpt says it supports that the form does not
                // offer (words of an older file) stay, to be unticked.
                let mut offered: Vec<(String, String)> = props.supportable.as_ref().clone();
                for k in &supports {
                    if !offered.iter().any(|(o, _)| o == k) {
                        offered.push((k.clone(), k.clone()));
                    }
                }
                html! {
                    <fieldset class="item excerpt" id={format!("f-{item}")}>
                        <legend>{ s::excerpt_legend(i + 1) }</legend>
                        <blockquote lang="fr">{ &text }</blockquote>
                        <p class={classes!("hint", (!found && !props.source.is_empty()).then_some("warn"))}>
                            if found { { s::EXCERPT_IN_TEXT() } }
                            else if !props.source.is_empty() { { s::EXCERPT_NOT_IN_TEXT() } }
                        </p>
                        { errors_at(&props.errors, &item) }
                        <fieldset class="checks supports">
                            <legend>{ s::SUPPORTS() }</legend>
                            if supports.is_empty() { <p class="hint">{ s::NO_SUPPORTS() }</p> }
                            <div class="check-grid">
                                { for offered.into_iter().enumerate().map(|(n, (key, label))| {
                                    let (set, p, k) = (props.set.clone(), format!("{item}.supports"), key.clone());
                                    let onchange = Callback::from(move |_: Event| set.emit(Edit::Toggle(p.clone(), k.clone())));
                                    let id = if n == 0 { format!("i-{item}") } else { format!("i-{item}-{key}") };
                                    html! {
                                        <label class="check" for={id.clone()}>
                                            <input type="checkbox" id={id} value={key.clone()} checked={supports.contains(&key)} {onchange} />
                                            { label }
                                        </label>
                                    }
                                }) }
                            </div>
                        </fieldset>
                        <button type="button" class="link-button" onclick={remove}>{ s::REMOVE_EXCERPT() }</button>
                    </fieldset>
                }
            }) }
        </fieldset>
    }
}
