//! The record the form edits, as JSON (`serde_json::Value`): set and read
//! by the fields' paths (`place.commune`, `parties[1].name`), written out
//! with what was left empty taken away (a field the text does not give is
//! absent, never an empty string), and the two helpers that spare an
//! editor the format: an id proposed from the title and the date, and an
//! excerpt cut from the pasted source text, verbatim by construction.

use serde_json::{Map, Value};

use super::spec::{Field, Widget};
use passerelles_core::bridge::editor::List;
use passerelles_core::engine::fold::fold;

/// One step of a path: a key, or an index in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key.to_string()));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(i) = index.parse() {
                out.push(Step::Index(i));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// The value at `path`, if there is one.
pub fn get<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    steps(path).iter().try_fold(record, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

/// The text at `path`: a string as it is, a number as written, else empty.
pub fn text(record: &Value, path: &str) -> String {
    match get(record, path) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The strings of the list at `path`.
pub fn strings(record: &Value, path: &str) -> Vec<String> {
    get(record, path)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The number of items of the list at `path`.
pub fn len(record: &Value, path: &str) -> usize {
    get(record, path)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// Sets `path` to `value`, making the objects and list items on the way.
pub fn set(record: &mut Value, path: &str, value: Value) {
    let mut at = record;
    for step in steps(path) {
        at = match step {
            Step::Key(k) => {
                if !at.is_object() {
                    *at = Value::Object(Map::new());
                }
                at.as_object_mut()
                    .map(|o| o.entry(k).or_insert(Value::Null))
                    .expect("an object")
            }
            Step::Index(i) => {
                if !at.is_array() {
                    *at = Value::Array(Vec::new());
                }
                let list = at.as_array_mut().expect("a list");
                while list.len() <= i {
                    list.push(Value::Null);
                }
                &mut list[i]
            }
        };
    }
    *at = value;
}

/// Removes what is at `path` (a key from its object, an item from its list).
pub fn remove(record: &mut Value, path: &str) {
    let mut all = steps(path);
    let Some(last) = all.pop() else { return };
    let mut at = record;
    for step in all {
        let next = match step {
            Step::Key(k) => at.get_mut(&k),
            Step::Index(i) => at.get_mut(i),
        };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    match last {
        Step::Key(k) => {
            if let Some(o) = at.as_object_mut() {
                o.remove(&k);
            }
        }
        Step::Index(i) => {
            if let Some(a) = at.as_array_mut() {
                if i < a.len() {
                    a.remove(i);
                }
            }
        }
    }
}

/// Where in the form a problem of the record's field `path` is shown: the
/// deepest field the form draws on that path (`themes[0]` is said at the
/// themes, `parties[1].name` at that party's name, `date.end_note` in the
/// date widget). None when the path names no field of the form (a key the
/// format does not know).
pub fn anchor(fields: &[Field], path: &str) -> Option<String> {
    let steps = steps(path);
    let mut fields = fields;
    let mut out = String::new();
    let mut i = 0;
    while let Some(Step::Key(key)) = steps.get(i) {
        let Some(f) = fields.iter().find(|f| &f.key == key) else {
            break;
        };
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
        i += 1;
        match &f.widget {
            Widget::Object(inner) => fields = inner,
            Widget::Date => {
                if let Some(Step::Key(k)) = steps.get(i) {
                    out.push('.');
                    out.push_str(k);
                }
                return Some(out);
            }
            Widget::Objects(_) | Widget::Strings | Widget::Excerpts => {
                if let Some(Step::Index(n)) = steps.get(i) {
                    out.push_str(&format!("[{n}]"));
                    i += 1;
                    if let Widget::Objects(inner) = &f.widget {
                        fields = inner;
                        continue;
                    }
                }
                return Some(out);
            }
            _ => return Some(out),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// One change the form makes to its record. Applied by the form's reducer
/// to the record as it is then, so two changes in a row never work on the
/// same old copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Sets a path (none: takes it away).
    Set(String, Option<Value>),
    /// Adds a string to the list at a path, or takes it away if there.
    Toggle(String, String),
    /// Adds an item at the end of the list at a path.
    Push(String, Value),
    /// Takes away what is at a path (an item of a list).
    Remove(String),
}

/// Makes `change` to `record`.
pub fn edit(record: &mut Value, change: Edit) {
    match change {
        Edit::Set(path, Some(v)) => set(record, &path, v),
        Edit::Set(path, None) | Edit::Remove(path) => remove(record, &path),
        Edit::Toggle(path, item) => {
            let mut list = strings(record, &path);
            if list.contains(&item) {
                list.retain(|i| *i != item);
            } else {
                list.push(item);
            }
            set(
                record,
                &path,
                Value::Array(list.into_iter().map(Value::String).collect()),
            );
        }
        Edit::Push(path, v) => {
            let n = len(record, &path);
            if get(record, &path).is_some_and(|l| !l.is_array()) {
                remove(record, &path);
            }
            set(record, &format!("{path}[{n}]"), v);
        }
    }
}

/// The required fields still empty, as the schema's `required` says: a
/// text or a number the record must have (its id, title, kind, its
/// source's file; a party's name once the party is there), each by its
/// path. The validator stops at the first field missing from a record (as
/// serde reads it); this lists them all, so a new record's form says at
/// once what is left to fill.
pub fn missing(fields: &[Field], record: &Value) -> Vec<String> {
    let mut out = Vec::new();
    missing_in(fields, record, "", &mut out);
    out
}

fn missing_in(fields: &[Field], object: &Value, prefix: &str, out: &mut Vec<String>) {
    for f in fields {
        let path = format!("{prefix}{}", f.key);
        let value = object.get(&f.key);
        match &f.widget {
            Widget::Object(inner) => {
                if let Some(v) = value.filter(|v| v.is_object()) {
                    missing_in(inner, v, &format!("{path}."), out);
                }
            }
            Widget::Objects(inner) => {
                for (i, item) in value
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    missing_in(inner, item, &format!("{path}[{i}]."), out);
                }
            }
            Widget::Text { .. }
            | Widget::Url
            | Widget::Time
            | Widget::Number
            | Widget::Choice(_)
            | Widget::Region
            | Widget::Record(_)
                if f.required && value.is_none_or(is_empty) =>
            {
                out.push(path)
            }
            _ => {}
        }
    }
}

/// A new record of `list`: what it must hold, empty.
pub fn blank(list: List) -> Value {
    let mut record = serde_json::json!({
        "id": "", "title": "", "kind": "", "date": {}, "territory": [], "themes": [],
        "source": {}, "excerpts": []
    });
    if list == List::Agreements {
        set(&mut record, "parties", Value::Array(vec![Value::Null]));
    }
    record
}

/// A number as an editor types it: `12.5`, `12,5`, `1 200`.
pub fn number(typed: &str) -> Option<f64> {
    let cleaned: String = typed
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The record as it goes into the file: texts trimmed, and every empty
/// text, empty optional object and empty optional list taken away (keys
/// the form does not know, such as a misspelt one, stay for the validator
/// to name). A number typed as text becomes a number when it reads as one.
pub fn written(record: &Value, fields: &[Field]) -> Value {
    let mut out = record.clone();
    prune(&mut out, fields);
    out
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn prune(object: &mut Value, fields: &[Field]) {
    let Some(map) = object.as_object_mut() else {
        return;
    };
    for f in fields {
        let Some(v) = map.get_mut(&f.key) else {
            continue;
        };
        match &f.widget {
            Widget::Object(inner) => prune(v, inner),
            Widget::Date => {
                if let Some(o) = v.as_object_mut() {
                    o.retain(|_, x| {
                        trim(x);
                        !is_empty(x)
                    });
                }
            }
            Widget::Objects(inner) => {
                if let Some(items) = v.as_array_mut() {
                    for item in items.iter_mut() {
                        prune(item, inner);
                    }
                    items.retain(|i| !is_empty(i));
                }
            }
            Widget::Strings | Widget::Regions | Widget::Themes | Widget::Records(_) => {
                if let Some(items) = v.as_array_mut() {
                    items.iter_mut().for_each(trim);
                    items.retain(|i| !is_empty(i));
                }
            }
            Widget::Number => {
                if let Some(n) = v.as_str().and_then(number) {
                    if let Some(n) = serde_json::Number::from_f64(n) {
                        *v = Value::Number(n);
                    }
                }
                trim(v);
            }
            Widget::Excerpts => {
                if let Some(items) = v.as_array_mut() {
                    items.retain(|i| !is_empty(&i["text"]));
                }
            }
            _ => trim(v),
        }
        let empty = is_empty(v);
        // A required list or object stays, even empty: the validator says
        // what it lacks ("aucun territoire"), in its words.
        let keep = f.required && matches!(v, Value::Array(_) | Value::Object(_));
        if empty && !keep {
            map.remove(&f.key);
        }
    }
}

fn trim(v: &mut Value) {
    if let Value::String(s) = v {
        let t = s.trim();
        if t.len() != s.len() {
            *s = t.to_string();
        }
    }
}

/// Words an id leaves out.
const SMALL_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "chez", "d", "dans", "de", "des", "du", "en", "entre", "et", "l",
    "la", "le", "les", "par", "pour", "sous", "sur", "un", "une", "vers",
];

/// An id for a new record, as the README's examples are made: `ag-` or
/// `ev-`, the year (an event's day when known), then the title's first
/// significant words, folded: `ag-2019-convention-partenariat-cpme-reunion`.
pub fn suggested_id(list: List, title: &str, date: Option<&str>) -> String {
    let mut parts = vec![match list {
        List::Agreements => "ag".to_string(),
        List::Events => "ev".to_string(),
    }];
    if let Some(date) = date {
        let first = date.split('/').find(|d| *d != ".." && !d.is_empty());
        if let Some(d) = first {
            let keep = match list {
                List::Events => d,
                List::Agreements => d.split('-').next().unwrap_or(d),
            };
            if keep.bytes().all(|b| b.is_ascii_digit() || b == b'-') && !keep.is_empty() {
                parts.push(keep.to_string());
            }
        }
    }
    let folded = fold(title);
    let mut words: Vec<&str> = Vec::new();
    for w in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.is_empty() || SMALL_WORDS.contains(&w) || words.contains(&w) {
            continue;
        }
        words.push(w);
        if words.len() == 5 {
            break;
        }
    }
    parts.extend(words.into_iter().map(str::to_string));
    let mut id = parts.join("-");
    id.truncate(120);
    id.trim_end_matches('-').to_string()
}

/// The passage of `source` between two offsets as a text field counts them
/// (UTF-16 code units: `selectionStart`, `selectionEnd`), without the white
/// space around it: an excerpt is always a piece of the pasted text, never
/// a retyped one. None when nothing but white space is selected.
pub fn excerpt(source: &str, start: u32, end: u32) -> Option<String> {
    let (start, end) = (start.min(end), start.max(end));
    let byte = |units: u32| {
        let mut seen = 0u32;
        for (i, c) in source.char_indices() {
            if seen >= units {
                return i;
            }
            seen += c.len_utf16() as u32;
        }
        source.len()
    };
    let cut = source.get(byte(start)..byte(end))?.trim();
    (!cut.is_empty()).then(|| cut.to_string())
}

/// Where an excerpt is in the source text (byte offsets), if it still is.
pub fn find_excerpt(source: &str, excerpt: &str) -> Option<(usize, usize)> {
    let at = source.find(excerpt)?;
    Some((at, at + excerpt.len()))
}

#[cfg(test)]
mod tests {
    use super::super::spec;
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_reach_into_objects_and_lists() {
        let mut r = json!({});
        set(&mut r, "place.commune", json!("Saint-André"));
        set(&mut r, "parties[1].name", json!("URSIAE"));
        set(&mut r, "objectives[0]", json!("Créer"));
        assert_eq!(text(&r, "place.commune"), "Saint-André");
        assert_eq!(text(&r, "parties[1].name"), "URSIAE");
        assert_eq!(get(&r, "parties[0]"), Some(&Value::Null));
        assert_eq!(strings(&r, "objectives"), ["Créer"]);
        remove(&mut r, "parties[0]");
        assert_eq!(text(&r, "parties[0].name"), "URSIAE");
        remove(&mut r, "place");
        assert_eq!(get(&r, "place"), None);
        assert_eq!(len(&r, "parties"), 1);
    }

    #[test]
    fn what_is_left_empty_is_absent_but_what_is_required_stays() {
        let fields = spec::record(List::Agreements);
        let mut r = blank(List::Agreements);
        set(&mut r, "title", json!("  Convention  "));
        set(&mut r, "description", json!(""));
        set(&mut r, "place.commune", json!(" "));
        set(&mut r, "targets[0].value", json!("1 200,5"));
        set(&mut r, "targets[0].unit", json!("emplois"));
        set(&mut r, "objectives[0]", json!(""));
        let w = written(&r, &fields);
        assert_eq!(w["title"], "Convention");
        assert!(w.get("description").is_none() && w.get("place").is_none());
        assert!(w.get("objectives").is_none() && w.get("id").is_none());
        assert_eq!(w["targets"][0]["value"], json!(1200.5));
        assert_eq!(w["territory"], json!([]));
        assert_eq!(w["date"], json!({}));
        assert_eq!(w["parties"], json!([]));
        assert_eq!(w["source"], json!({}));
        // A key the form does not know stays, for the validator to name.
        set(&mut r, "themse", json!(["rse"]));
        assert!(written(&r, &fields).get("themse").is_some());
    }

    #[test]
    fn ids_are_proposed_as_the_readme_writes_them() {
        assert_eq!(
            suggested_id(
                List::Agreements,
                "Convention de partenariat entre la CPME Réunion et l'URSIAE Réunion-Mayotte",
                Some("2019-11-21")
            ),
            "ag-2019-convention-partenariat-cpme-reunion-ursiae"
        );
        assert_eq!(
            suggested_id(
                List::Events,
                "Journée régionale de l'IAE",
                Some("2019-11-21")
            ),
            "ev-2019-11-21-journee-regionale-iae"
        );
        assert_eq!(
            suggested_id(List::Agreements, "Déclaration", Some("../2015-07-10")),
            "ag-2015-declaration"
        );
        assert_eq!(suggested_id(List::Events, "", None), "ev");
        assert!(passerelles_core::data::validate::is_id(&suggested_id(
            List::Events,
            "Œuvre « ESS » — 100 % !",
            Some("2020")
        )));
    }

    #[test]
    fn an_excerpt_is_a_piece_of_the_source_counted_in_utf16() {
        let source = "« Le monde » 👋 ont signé ce jeudi 21 novembre 2019.\n";
        // "👋" is two UTF-16 units: "ont" starts at unit 16, byte 20.
        let units = source.encode_utf16().count() as u32;
        let cut = excerpt(source, 16, units).unwrap();
        assert_eq!(cut, "ont signé ce jeudi 21 novembre 2019.");
        assert!(source.contains(&cut));
        assert_eq!(excerpt(source, 0, 12).as_deref(), Some("« Le monde »"));
        assert_eq!(excerpt(source, 13, 12), None);
        assert_eq!(excerpt(source, 99, 120), None);
        assert_eq!(find_excerpt(source, "ont signé"), Some((20, 30)));
    }

    #[test]
    fn a_problem_is_said_at_the_deepest_field_drawn() {
        let fields = spec::record(List::Events);
        let at = |p: &str| anchor(&fields, p);
        assert_eq!(at("themes[0]").as_deref(), Some("themes"));
        assert_eq!(at("people[1].name").as_deref(), Some("people[1].name"));
        assert_eq!(at("people[1]").as_deref(), Some("people[1]"));
        assert_eq!(at("date.end_note").as_deref(), Some("date.end_note"));
        assert_eq!(at("date").as_deref(), Some("date"));
        assert_eq!(at("place.region").as_deref(), Some("place.region"));
        assert_eq!(at("objectives[2]").as_deref(), Some("objectives[2]"));
        assert_eq!(at("excerpts[0].supports").as_deref(), Some("excerpts[0]"));
        assert_eq!(at("registration.url").as_deref(), Some("registration.url"));
        assert_eq!(at("themse"), None);
    }

    #[test]
    fn edits_work_on_the_record_as_it_is() {
        let mut r = blank(List::Events);
        edit(&mut r, Edit::Toggle("themes".into(), "ess".into()));
        edit(&mut r, Edit::Toggle("themes".into(), "rse".into()));
        edit(&mut r, Edit::Toggle("themes".into(), "ess".into()));
        assert_eq!(strings(&r, "themes"), ["rse"]);
        edit(&mut r, Edit::Push("people".into(), json!({})));
        edit(&mut r, Edit::Push("people".into(), json!({"name": "A"})));
        assert_eq!(len(&r, "people"), 2);
        edit(&mut r, Edit::Remove("people[0]".into()));
        assert_eq!(text(&r, "people[0].name"), "A");
        edit(&mut r, Edit::Set("time.start".into(), Some(json!("09:00"))));
        edit(&mut r, Edit::Set("time.start".into(), None));
        assert_eq!(get(&r, "time"), Some(&json!({})));
    }

    #[test]
    fn the_required_fields_left_empty_are_listed_at_once() {
        let fields = spec::record(List::Agreements);
        let mut r = blank(List::Agreements);
        // The blank agreement's one party, drawn empty: its name is required.
        assert_eq!(
            missing(&fields, &r),
            ["id", "title", "kind", "parties[0].name", "source.file"]
        );
        set(&mut r, "title", json!("Convention"));
        set(&mut r, "parties[0].acronym", json!("CPME"));
        set(&mut r, "targets[0].unit", json!("emplois"));
        assert_eq!(
            missing(&fields, &r),
            [
                "id",
                "kind",
                "parties[0].name",
                "targets[0].value",
                "targets[0].label",
                "source.file"
            ]
        );
    }

    #[test]
    fn numbers_read_as_editors_type_them() {
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("1 750"), Some(1750.0));
        assert_eq!(number("douze"), None);
        assert_eq!(number("inf"), None);
    }
}
