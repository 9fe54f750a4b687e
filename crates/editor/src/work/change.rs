//! The form's record in the dataset: checked there as the editor types (the
//! validator's own checks, ids and links to the other records included),
//! and put there when it has no error, the file then written in the
//! layout the workbook's import writes (`workbook fmt`), so a record added
//! on the page reads like one added in the spreadsheet.

use serde_json::Value;

use passerelles_core::bridge::editor::{Answer, At, Change, FileKind, Problem, Step};
use passerelles_core::data::catalog::load_json;

use super::read;

/// The dataset with the record put in: added at the end of its list, or in
/// place of the record it replaces. Also says where it is in its list.
pub fn changed(dataset: &str, change: &Change) -> Result<(Value, usize), String> {
    let mut file: Value = serde_json::from_str(dataset).map_err(|e| e.to_string())?;
    let record: Value = serde_json::from_str(&change.record).map_err(|e| e.to_string())?;
    let Some(top) = file.as_object_mut() else {
        return Err("le fichier n'est pas un objet JSON".to_string());
    };
    let list = top
        .entry(change.list.key())
        .or_insert_with(|| Value::Array(Vec::new()));
    let Some(items) = list.as_array_mut() else {
        return Err(format!("« {} » n'est pas une liste", change.list.key()));
    };
    let at = change.replaces.as_deref().and_then(|id| {
        items
            .iter()
            .position(|r| r.get("id").and_then(Value::as_str) == Some(id))
    });
    let index = match at {
        Some(i) => {
            items[i] = record;
            i
        }
        None => {
            items.push(record);
            items.len() - 1
        }
    };
    Ok((file, index))
}

/// The validator's problems with the record, each with its field inside it.
pub fn check(dataset: &str, change: &Change) -> Vec<Problem> {
    let (file, index) = match changed(dataset, change) {
        Ok(done) => done,
        Err(why) => {
            return vec![Problem {
                error: true,
                text: why,
                at: At::File,
                record: None,
                field: None,
                row: Vec::new(),
            }]
        }
    };
    let text = file.to_string();
    let own = format!("{}[{index}]", change.list.key());
    match load_json(&text) {
        Err(e) => vec![Problem {
            error: true,
            text: e.message,
            at: At::File,
            record: None,
            field: None,
            row: Vec::new(),
        }],
        Ok(loaded) => loaded
            .problems
            .into_iter()
            .filter(|p| {
                p.path == own
                    || p.path.starts_with(&format!("{own}."))
                    || p.path.starts_with(&format!("{own}["))
            })
            .map(|p| {
                // A record serde stopped reading: the field at the offset.
                let field = read::field_of(&p.path).or_else(|| {
                    p.inner.and_then(|offset| {
                        let record = file.get(change.list.key())?.get(index)?.to_string();
                        super::path::path_at(&record, offset)
                    })
                });
                Problem {
                    error: true,
                    text: p.message,
                    at: At::Text {
                        line: 0,
                        column: 0,
                        path: p.path,
                    },
                    record: p.record,
                    field,
                    row: Vec::new(),
                }
            })
            .collect(),
    }
}

/// Puts the record in when it has no problem; else says its problems.
pub fn apply(dataset: &str, change: &Change, progress: &mut dyn FnMut(Answer)) -> Answer {
    progress(Answer::Progress {
        step: Step::Checking,
        done: 0,
        total: 0,
    });
    let problems = check(dataset, change);
    if !problems.is_empty() {
        return Answer::Checked(problems);
    }
    let Ok((file, _)) = changed(dataset, change) else {
        return Answer::Checked(problems);
    };
    let compact = file.to_string();
    progress(Answer::Progress {
        step: Step::Writing,
        done: 0,
        total: 0,
    });
    // The workbook's layout (model order, two spaces); a file the workbook
    // cannot hold as it is (a text with spaces around it) stays as serde
    // writes it, every value kept.
    let text = passerelles_sheet::canonical(&compact)
        .unwrap_or_else(|_| serde_json::to_string_pretty(&file).unwrap_or(compact.clone()) + "\n");
    read::json(text.as_bytes(), FileKind::Json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelles_core::bridge::editor::{List, Opened};
    use serde_json::json;

    const DATA: &str = include_str!("../../../../data/passerelles.json");

    fn event() -> Value {
        json!({
            "id": "ev-2024-05-16-forum-ess",
            "title": "Forum de l'ESS",
            "kind": "forum",
            "date": {"value": "2024-05-16", "text": "le jeudi 16 mai 2024"},
            "territory": ["04"],
            "themes": ["ess"],
            "agreements": ["ag-2019-cpme-reunion-ursiae"],
            "source": {"file": "communique.txt"},
            "excerpts": [{"supports": ["date"], "text": "le jeudi 16 mai 2024"}]
        })
    }

    fn change(record: &Value, replaces: Option<&str>) -> Change {
        Change {
            record: record.to_string(),
            list: List::Events,
            replaces: replaces.map(str::to_string),
        }
    }

    #[test]
    fn a_right_record_goes_in_and_the_file_keeps_its_layout() {
        let answer = apply(DATA, &change(&event(), None), &mut |_| {});
        let Answer::Opened(o) = answer else {
            panic!("{answer:?}")
        };
        let o: Opened = *o;
        assert_eq!(o.errors, 0, "{:?}", o.problems);
        assert!(o.entries.iter().any(|e| e.id == "ev-2024-05-16-forum-ess"));
        // Canonical layout: the shipped file is in it, and only the new
        // record's lines were added.
        let before = DATA.lines().count();
        assert!(o.dataset.lines().count() > before);
        assert!(o
            .dataset
            .starts_with("{\n  \"$schema\": \"./schema.json\","));
        assert_eq!(
            passerelles_sheet::canonical(&o.dataset).unwrap(),
            o.dataset,
            "written in the workbook's layout"
        );
    }

    #[test]
    fn each_problem_names_its_field_and_nothing_goes_in() {
        let mut wrong = event();
        wrong["date"]["value"] = json!("2024-02-30");
        wrong["themes"] = json!(["esss"]);
        wrong["agreements"] = json!(["ag-inconnu"]);
        let problems = check(DATA, &change(&wrong, None));
        let fields: Vec<&str> = problems.iter().filter_map(|p| p.field.as_deref()).collect();
        assert!(fields.contains(&"date.value"), "{problems:?}");
        assert!(fields.contains(&"themes[0]"), "{problems:?}");
        assert!(
            fields.iter().any(|f| f.starts_with("agreements")),
            "{problems:?}"
        );
        assert!(matches!(
            apply(DATA, &change(&wrong, None), &mut |_| {}),
            Answer::Checked(p) if p.len() == problems.len()
        ));
    }

    #[test]
    fn a_field_serde_stops_at_is_named() {
        let mut wrong = event();
        wrong["themse"] = json!(["ess"]);
        let problems = check(DATA, &change(&wrong, None));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("themse"), "{problems:?}");
    }

    #[test]
    fn an_id_already_taken_is_refused_unless_it_is_the_record_edited() {
        let data: Value = serde_json::from_str(DATA).unwrap();
        let mut existing = data["events"][0].clone();
        let id = existing["id"].as_str().unwrap().to_string();
        assert!(!check(DATA, &change(&existing, None)).is_empty());
        existing["title"] = json!("Titre changé");
        assert!(check(DATA, &change(&existing, Some(&id))).is_empty());
        let Answer::Opened(o) = apply(DATA, &change(&existing, Some(&id)), &mut |_| {}) else {
            panic!()
        };
        assert_eq!(o.entries.len(), read::entries(DATA).len());
        assert!(o.entries.iter().any(|e| e.title == "Titre changé"));
    }
}
