//! Step 2: every problem of the file, where the editor finds it: a sheet's
//! row and column (a workbook, a CSV sheet) or a line and column (the
//! JSON), grouped by sheet, each with the record's form at its field and
//! the row or the lines it is at. The messages are the command-line
//! tools' own, in French.

use std::rc::Rc;

use yew::prelude::*;

use super::ctx::Ctx;
use crate::state::{Current, Msg};
use crate::wording::say as s;
use passerelles_core::bridge::editor::{At, Problem};

/// The most problems drawn (the worker sends up to 500, and says how many
/// there are): a page of thousands helps no one; fix these, drop again.
const SHOWN: usize = 200;

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub ctx: Ctx,
}

#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    let Some(current) = props.ctx.current() else {
        return Html::default();
    };
    html! {
        <ProblemList current={current.clone()} dispatch={props.ctx.dispatch.clone()} />
    }
}

#[derive(Properties)]
struct ListProps {
    current: Rc<Current>,
    dispatch: Callback<Msg>,
}

// Drawn again only for another dataset: progress messages change the
// store many times a second during a read.
impl PartialEq for ListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

/// The group a problem is listed under: its sheet, or the file.
fn group(p: &Problem) -> String {
    match &p.at {
        At::Cell { sheet, .. } => sheet.clone(),
        At::Text { .. } | At::File => String::new(),
    }
}

#[function_component(ProblemList)]
fn problem_list(props: &ListProps) -> Html {
    let o = &props.current.opened;
    let total = (o.errors + o.warnings) as usize;
    let mut groups: Vec<(String, Vec<(usize, &Problem)>)> = Vec::new();
    for (i, p) in o.problems.iter().take(SHOWN).enumerate() {
        let g = group(p);
        match groups.iter_mut().find(|(name, _)| *name == g) {
            Some((_, list)) => list.push((i, p)),
            None => groups.push((g, vec![(i, p)])),
        }
    }
    let known = |id: &str| o.entries.iter().find(|e| e.id == id).map(|e| e.list);
    let item = |(i, p): (usize, &Problem)| {
        let place = match &p.at {
            At::Cell { sheet, row, column } => s::at_cell(sheet, *row, column),
            At::Text { line, column, .. } if *line > 0 => s::at_line(*line, *column),
            _ => s::AT_FILE().to_string(),
        };
        let fix = p
            .record
            .as_deref()
            .and_then(|id| Some((id, known(id)?)))
            .map(|(id, list)| {
                let dispatch = props.dispatch.clone();
                let (id, field) = (id.to_string(), p.field.clone());
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    dispatch.emit(Msg::OpenForm {
                        list,
                        editing: Some(id.clone()),
                        focus: field.clone(),
                    });
                });
                html! {
                    <a class="fix" href="#record-form" {onclick}>{ s::FIX_IN_FORM() }</a>
                }
            });
        let where_it_is = match &p.at {
            At::Cell { row, column, .. } if !p.row.is_empty() => html! {
                <details class="row">
                    <summary>{ s::show_row(*row) }</summary>
                    <table>
                        <thead><tr><th scope="col">{ s::COLUMN() }</th><th scope="col">{ s::VALUE() }</th></tr></thead>
                        <tbody>
                            { for p.row.iter().map(|(h, v)| {
                                let here = h == column;
                                html! {
                                    <tr class={classes!(here.then_some("here"))}>
                                        <th scope="row">{ h }</th><td lang="fr">{ v }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </details>
            },
            At::Text { line, .. } if *line > 0 => html! {
                <Lines current={props.current.clone()} line={*line} />
            },
            _ => Html::default(),
        };
        html! {
            <li id={format!("problem-{i}")} class={classes!("problem", if p.error { "is-error" } else { "is-warning" })}>
                <p>
                    <strong class="level">{ if p.error { s::LEVEL_ERROR() } else { s::LEVEL_WARNING() } }</strong>
                    { " · " }<span class="place">{ place }</span>
                    if let Some(id) = &p.record { { " · " }<code class="record-id">{ id }</code> }
                </p>
                <p class="message" lang="fr">{ &p.text }</p>
                <p class="problem-links">{ for fix }</p>
                { where_it_is }
            </li>
        }
    };
    html! {
        <section id="problems" class="step" aria-labelledby="problems-title">
            <h2 id="problems-title" tabindex="-1">{ s::PROBLEMS_TITLE() }</h2>
            if total == 0 {
                <p class="ok">{ s::NO_PROBLEM() }</p>
            } else {
                <p>{ s::problems_count(o.errors, o.warnings) }</p>
                if !s::MESSAGES_IN_FRENCH().is_empty() { <p class="hint">{ s::MESSAGES_IN_FRENCH() }</p> }
            }
            if !o.notes.is_empty() {
                <details class="notes">
                    <summary>{ s::NOTES_TITLE() }</summary>
                    <ul lang="fr">{ for o.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </details>
            }
            { for groups.into_iter().map(|(name, list)| html! {
                <>
                    if !name.is_empty() { <h3>{ s::at_cell(&name, 0, "") }</h3> }
                    <ol class="problems">{ for list.into_iter().map(item) }</ol>
                </>
            }) }
            if total > SHOWN.min(o.problems.len()) {
                <p>{ s::more_problems(total - SHOWN.min(o.problems.len())) }</p>
            }
        </section>
    }
}

#[derive(Properties)]
struct LinesProps {
    current: Rc<Current>,
    line: u32,
}

impl PartialEq for LinesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current) && self.line == other.line
    }
}

/// A line of the JSON with two lines around it, cut out of the text only
/// when opened (a file of 12 MB is not walked for every problem drawn).
#[function_component(Lines)]
fn lines(props: &LinesProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlElement = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let shown = if *open {
        let first = props.line.saturating_sub(3) as usize;
        let lines: Vec<(usize, &str)> = props
            .current
            .opened
            .dataset
            .lines()
            .enumerate()
            .skip(first)
            .take(5)
            .map(|(i, l)| (i + 1, l))
            .collect();
        html! {
            <pre lang="fr">{ for lines.into_iter().map(|(n, text)| {
                let here = n == props.line as usize;
                html! { <span class={classes!("line", here.then_some("here"))}><span class="n">{ n }</span>{ text }{ "\n" }</span> }
            }) }</pre>
        }
    } else {
        Html::default()
    };
    html! {
        <details class="row" {ontoggle}>
            <summary>{ s::show_line(props.line) }</summary>
            { shown }
        </details>
    }
}
