//! The form's fields, made from the data file's JSON Schema
//! (`data/schema.json`, itself generated from the model's types, whose `///`
//! docs are each field's description): which fields a record has, which are
//! required, what each holds and the help shown beside it. Nothing here
//! lists the fields by hand: a field added to the model shows in the form
//! with its help once the schema is regenerated.
//!
//! What the schema cannot say is which vocabulary a list of strings draws
//! from (`territory` is region codes, `themes` theme ids, an event's
//! `agreements` agreement ids, `part_of` an event id); that is said by the
//! field's key, below. The order of the fields is the model's (the
//! workbook's layout holds it, `passerelles_sheet::layout`), and so are the
//! French labels: the workbook's column headers, the words an editor
//! already knows from the spreadsheet.

use serde_json::Value;

use passerelles_core::bridge::editor::List;
use passerelles_sheet::layout::{self, Table, SHEETS};

/// The committed schema (a core test holds it to the model's types).
const SCHEMA: &str = include_str!("../../../../data/schema.json");

/// How a field is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Widget {
    /// A line of text; `long` for a paragraph (a description, a note).
    Text { long: bool },
    /// A web address (http or https only, as the schema's pattern says).
    Url,
    /// `HH:MM`.
    Time,
    /// A number (a figure's value).
    Number,
    /// One of the schema's values (a status), or none.
    Choice(Vec<String>),
    /// The date: a day, a month, a year, an interval or unknown, with the
    /// text's words and notes ([`super::date`]).
    Date,
    /// Region codes from the file's vocabulary, several (territory).
    Regions,
    /// One region code (a place's region).
    Region,
    /// Theme ids from the file's vocabulary, several.
    Themes,
    /// The id of one record of a list (an event's programme, `part_of`).
    Record(List),
    /// Ids of records of a list (an event's agreements).
    Records(List),
    /// A list of sentences (objectives).
    Strings,
    /// An object: its fields (a place, a source).
    Object(Vec<Field>),
    /// A list of objects, each with these fields (parties, people, figures).
    Objects(Vec<Field>),
    /// The excerpts, made by selecting passages of the source text.
    Excerpts,
}

/// One field of a record, or of an object inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Its key in the JSON object.
    pub key: String,
    /// Its path from the record (`place.commune`, `parties`): what the
    /// validator's messages name, and the id of its input.
    pub path: String,
    /// The schema's description of it (English, as the model's docs are).
    pub help: String,
    pub required: bool,
    pub widget: Widget,
}

fn schema() -> Value {
    serde_json::from_str(SCHEMA).unwrap_or(Value::Null)
}

/// The definition a node points to (`$ref`, `allOf` for a described field,
/// `anyOf` with `null` for an optional one), by name, and its node.
fn target<'a>(root: &'a Value, node: &'a Value) -> Option<(&'a str, &'a Value)> {
    let name = node
        .get("$ref")
        .or_else(|| node.get("allOf").and_then(|a| a.get(0)?.get("$ref")))
        .or_else(|| {
            node.get("anyOf")?
                .as_array()?
                .iter()
                .find_map(|a| a.get("$ref"))
        })
        .and_then(Value::as_str)?
        .strip_prefix("#/definitions/")?;
    Some((name, &root["definitions"][name]))
}

/// The table of a definition's records.
fn table(list: List) -> Table {
    match list {
        List::Agreements => Table::Agreements,
        List::Events => Table::Events,
    }
}

/// The schema definition of a list's records.
fn definition(list: List) -> &'static str {
    match list {
        List::Agreements => "Agreement",
        List::Events => "Event",
    }
}

/// The order of an object's keys: the model's for a record (the layout's
/// `record_keys`), the order of the workbook's columns for what is inside
/// (`place.name`, `place.address`…), then any other key of the schema.
fn ordered(keys: Vec<&str>, order: &[String]) -> Vec<String> {
    let mut out: Vec<String> = order
        .iter()
        .filter(|k| keys.contains(&k.as_str()))
        .cloned()
        .collect();
    for k in keys {
        if !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
    }
    out
}

/// The column order of the fields under `prefix` (`place.`) in a sheet, or
/// of a list sheet's item fields.
fn column_order(sheet: usize, prefix: &str) -> Vec<String> {
    SHEETS[sheet]
        .columns
        .iter()
        .filter_map(|c| c.path?.strip_prefix(prefix))
        .filter(|p| !p.is_empty() && !p.contains('.'))
        .map(str::to_string)
        .collect()
}

fn is_long(key: &str) -> bool {
    matches!(key, "description" | "note" | "start_note" | "end_note")
}

fn string_widget(key: &str, node: &Value) -> Widget {
    let pattern = node.get("pattern").and_then(Value::as_str).unwrap_or("");
    if pattern.starts_with("^[hH][tT][tT][pP]") {
        Widget::Url
    } else if pattern == "^[0-9]{2}:[0-9]{2}$" {
        Widget::Time
    } else {
        Widget::Text { long: is_long(key) }
    }
}

/// The values an enumeration allows (`oneOf` of `enum`s, as schemars
/// writes a described enum), if the node is one.
fn choices(node: &Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let alternatives = node.get("oneOf").and_then(Value::as_array);
    for n in alternatives.into_iter().flatten().chain([node]) {
        for v in n
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            out.push(v.as_str()?.to_string());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The fields of the object `node` (a definition) at `prefix`, in `order`.
fn fields(root: &Value, node: &Value, prefix: &str, order: &[String]) -> Vec<Field> {
    let Some(props) = node.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let required: Vec<&str> = node
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    ordered(props.keys().map(String::as_str).collect(), order)
        .into_iter()
        .filter_map(|key| {
            let prop = props.get(&key)?;
            let path = format!("{prefix}{key}");
            Some(Field {
                help: prop
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                required: required.contains(&key.as_str()),
                widget: widget(root, &key, &path, prop),
                key,
                path,
            })
        })
        .collect()
}

fn widget(root: &Value, key: &str, path: &str, node: &Value) -> Widget {
    if let Some((name, def)) = target(root, node) {
        if name == "DateInfo" {
            return Widget::Date;
        }
        if let Some(values) = choices(def) {
            return Widget::Choice(values);
        }
        let order = object_order(path);
        return Widget::Object(fields(root, def, &format!("{path}."), &order));
    }
    let types: Vec<&str> = match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.contains(&"array") {
        let items = &node["items"];
        if let Some((name, def)) = target(root, items) {
            if name == "Excerpt" {
                return Widget::Excerpts;
            }
            return Widget::Objects(fields(root, def, "", &item_order(key)));
        }
        return match key {
            "territory" => Widget::Regions,
            "themes" => Widget::Themes,
            "agreements" => Widget::Records(List::Agreements),
            _ => Widget::Strings,
        };
    }
    if types.contains(&"number") || types.contains(&"integer") {
        return Widget::Number;
    }
    match path {
        "place.region" => Widget::Region,
        "part_of" => Widget::Record(List::Events),
        _ => match choices(node) {
            Some(values) => Widget::Choice(values),
            None => string_widget(key, node),
        },
    }
}

/// The order of an object's fields inside a record: its columns' order in
/// the agreements' or the events' sheet.
fn object_order(path: &str) -> Vec<String> {
    let prefix = format!("{path}.");
    let mut order = column_order(layout::records_sheet(Table::Agreements), &prefix);
    for k in column_order(layout::records_sheet(Table::Events), &prefix) {
        if !order.contains(&k) {
            order.push(k);
        }
    }
    order
}

/// The order of a list's item fields: its sheet's columns.
fn item_order(key: &str) -> Vec<String> {
    layout::list_sheet(key)
        .map(|s| column_order(s, ""))
        .unwrap_or_default()
}

/// The fields of a record of `list`, in the model's order.
pub fn record(list: List) -> Vec<Field> {
    let root = schema();
    let def = &root["definitions"][definition(list)];
    let order: Vec<String> = layout::record_keys(table(list))
        .iter()
        .map(|k| k.to_string())
        .collect();
    fields(&root, def, "", &order)
}

/// The fields an excerpt may say it supports: the record's own, but its id,
/// its source and its excerpts.
pub fn supportable(list: List) -> Vec<String> {
    record(list)
        .into_iter()
        .map(|f| f.key)
        .filter(|k| !matches!(k.as_str(), "id" | "source" | "excerpts"))
        .collect()
}

/// The French label of a field: the workbook's word for it (its column's
/// header, its list sheet's name, the words its group of columns share),
/// capitalised.
pub fn label_fr(list: List, path: &str) -> String {
    let table = table(list);
    let sheet = &SHEETS[layout::records_sheet(table)];
    let key = path.rsplit('.').next().unwrap_or(path);
    let top = path.split('.').next().unwrap_or(path);
    let found = if path.contains('.') {
        // Inside an object of the record: its column's header less the
        // words its group shares ("lieu : commune" → "commune").
        sheet
            .columns
            .iter()
            .find(|c| c.path == Some(path))
            .map(|c| {
                let group = group_words(sheet, top);
                let rest = c.header.strip_prefix(group.as_str()).unwrap_or(c.header);
                let rest = rest.trim_start_matches([' ', ':']).trim();
                let rest = ["de ", "du ", "des "]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                    .unwrap_or(rest);
                if rest.is_empty() { c.header } else { rest }.to_string()
            })
    } else if let Some(c) = sheet.columns.iter().find(|c| c.path == Some(path)) {
        Some(c.header.to_string())
    } else if let Some(kind) = layout::figure_kind(path) {
        Some(kind.to_string())
    } else if let Some(s) = layout::list_sheet(path) {
        let name = SHEETS[s].name;
        Some(name.strip_suffix(" des fiches").unwrap_or(name).to_string())
    } else if sheet
        .columns
        .iter()
        .any(|c| c.path.is_some_and(|p| p.starts_with(&format!("{path}."))))
    {
        Some(group_words(sheet, path))
    } else {
        None
    };
    capitalised(&found.unwrap_or_else(|| humanised(key)))
}

/// The French label of a field of a list's item (`parties` → `name`): its
/// list sheet's column.
pub fn item_label_fr(list_key: &str, key: &str) -> String {
    let found = layout::list_sheet(list_key).and_then(|s| {
        SHEETS[s]
            .columns
            .iter()
            .find(|c| c.path == Some(key))
            .map(|c| c.header.to_string())
    });
    capitalised(&found.unwrap_or_else(|| humanised(key)))
}

/// The words the headers of an object's columns begin with ("lieu",
/// "heure", "inscription").
fn group_words(sheet: &layout::Sheet, key: &str) -> String {
    let prefix = format!("{key}.");
    let headers: Vec<&str> = sheet
        .columns
        .iter()
        .filter(|c| c.path.is_some_and(|p| p.starts_with(&prefix)))
        .map(|c| c.header)
        .collect();
    let Some(first) = headers.first() else {
        return humanised(key);
    };
    let mut common = first.to_string();
    for h in &headers[1..] {
        let n = common
            .char_indices()
            .zip(h.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        common.truncate(n);
    }
    // Whole words only: "heure de début" and "heure de fin" share "heure",
    // not "heure de d".
    let partial = !common.ends_with(' ')
        && headers
            .iter()
            .any(|h| h.len() > common.len() && !h[common.len()..].starts_with(' '));
    let mut words: Vec<&str> = common.split_whitespace().collect();
    if partial {
        words.pop();
    }
    let text = words
        .into_iter()
        .filter(|w| !matches!(*w, ":" | "de" | "du" | "des"))
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        humanised(key)
    } else {
        text
    }
}

/// The English label of a field: its key, as words.
pub fn label_en(path: &str) -> String {
    capitalised(&humanised(path.rsplit('.').next().unwrap_or(path)))
}

fn humanised(key: &str) -> String {
    key.replace('_', " ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(fields: &'a [Field], path: &str) -> &'a Field {
        fields
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no field {path}"))
    }

    #[test]
    fn an_agreement_has_the_model_s_fields_in_its_order() {
        let fields = record(List::Agreements);
        let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, layout::record_keys(Table::Agreements));
        assert!(find(&fields, "id").required && find(&fields, "title").required);
        assert!(!find(&fields, "description").required);
        assert!(find(&fields, "id")
            .help
            .starts_with("Unique id of the agreement"));
        assert_eq!(find(&fields, "date").widget, Widget::Date);
        assert_eq!(find(&fields, "territory").widget, Widget::Regions);
        assert_eq!(find(&fields, "themes").widget, Widget::Themes);
        assert_eq!(find(&fields, "excerpts").widget, Widget::Excerpts);
        assert_eq!(find(&fields, "objectives").widget, Widget::Strings);
        assert_eq!(
            find(&fields, "status").widget,
            Widget::Choice(vec!["annoncé".into()])
        );
        let Widget::Object(place) = &find(&fields, "place").widget else {
            panic!("place is an object")
        };
        let keys: Vec<&str> = place.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["name", "address", "commune", "region"]);
        assert_eq!(find(place, "place.region").widget, Widget::Region);
        let Widget::Object(source) = &find(&fields, "source").widget else {
            panic!("source is an object")
        };
        assert!(find(source, "source.file").required);
        assert_eq!(find(source, "source.url").widget, Widget::Url);
        let Widget::Objects(parties) = &find(&fields, "parties").widget else {
            panic!("parties are objects")
        };
        let keys: Vec<&str> = parties.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["name", "acronym", "kind"]);
        let Widget::Objects(targets) = &find(&fields, "targets").widget else {
            panic!("targets are objects")
        };
        assert_eq!(find(targets, "value").widget, Widget::Number);
    }

    #[test]
    fn an_event_links_to_records_and_has_times() {
        let fields = record(List::Events);
        let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, layout::record_keys(Table::Events));
        assert_eq!(
            find(&fields, "part_of").widget,
            Widget::Record(List::Events)
        );
        assert_eq!(
            find(&fields, "agreements").widget,
            Widget::Records(List::Agreements)
        );
        let Widget::Object(time) = &find(&fields, "time").widget else {
            panic!("time is an object")
        };
        assert_eq!(find(time, "time.start").widget, Widget::Time);
        assert!(find(time, "time.start").required);
    }

    #[test]
    fn french_labels_are_the_workbook_s_words() {
        let a = List::Agreements;
        assert_eq!(label_fr(a, "title"), "Titre");
        assert_eq!(label_fr(a, "place"), "Lieu");
        assert_eq!(label_fr(a, "place.commune"), "Commune");
        assert_eq!(label_fr(a, "source.file"), "Fichier");
        assert_eq!(label_fr(a, "parties"), "Parties");
        assert_eq!(label_fr(a, "themes"), "Thèmes");
        assert_eq!(label_fr(a, "targets"), "Objectif chiffré");
        assert_eq!(label_fr(a, "status"), "Statut");
        let e = List::Events;
        assert_eq!(label_fr(e, "time"), "Heure");
        assert_eq!(label_fr(e, "time.start"), "Début");
        assert_eq!(label_fr(e, "registration"), "Inscription");
        assert_eq!(label_fr(e, "registration.url"), "Adresse web");
        assert_eq!(label_fr(e, "part_of"), "Fait partie de");
        assert_eq!(item_label_fr("parties", "acronym"), "Sigle");
        assert_eq!(item_label_fr("people", "involvement"), "Implication");
        assert_eq!(label_en("part_of"), "Part of");
        assert_eq!(label_en("date.start_note"), "Start note");
    }

    #[test]
    fn excerpts_support_the_record_s_own_fields() {
        let s = supportable(List::Agreements);
        assert!(s.contains(&"parties".to_string()) && s.contains(&"date".to_string()));
        assert!(!s.contains(&"excerpts".to_string()) && !s.contains(&"id".to_string()));
    }
}
