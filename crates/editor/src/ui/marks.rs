//! What every field of the form wears, whatever its widget: the schema's
//! help beside it, the validator's problems at it (the list its control
//! points to with `aria-describedby`, and `aria-invalid`), the mark of a
//! required field. A leaf: the fields, the date widget and the excerpt
//! tool all use it.

use std::collections::HashMap;

use yew::prelude::*;

use crate::wording::say as s;
use passerelles_core::bridge::editor::Problem;

/// The record's problems by where the form shows them.
pub type Errors = HashMap<String, Vec<Problem>>;

/// The problems shown at `path`, as a list the control points to.
pub fn errors_at(errors: &Errors, path: &str) -> Html {
    match errors.get(path) {
        Some(list) if !list.is_empty() => html! {
            <ul class="field-errors" id={format!("e-{path}")}>
                { for list.iter().map(|p| html! { <li lang="fr">{ &p.text }</li> }) }
            </ul>
        },
        _ => Html::default(),
    }
}

/// The ids a control is described by: its help, its problems.
pub fn described_by(errors: &Errors, path: &str, help: &str) -> Option<String> {
    let mut ids = Vec::new();
    if !help.is_empty() {
        ids.push(format!("h-{path}"));
    }
    if errors.get(path).is_some_and(|l| !l.is_empty()) {
        ids.push(format!("e-{path}"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

pub fn invalid(errors: &Errors, path: &str) -> Option<&'static str> {
    errors
        .get(path)
        .is_some_and(|l| !l.is_empty())
        .then_some("true")
}

pub fn help(path: &str, text: &str) -> Html {
    if text.is_empty() {
        return Html::default();
    }
    html! { <p class="hint" id={format!("h-{path}")} lang="en">{ text }</p> }
}

/// The mark of a required field: seen, and said.
pub fn required_mark(required: bool) -> Html {
    if !required {
        return Html::default();
    }
    html! {
        <>
            <span class="required" aria-hidden="true">{ " *" }</span>
            <span class="visually-hidden">{ " (" }{ s::REQUIRED() }{ ")" }</span>
        </>
    }
}
