//! The flat tables described for Frictionless and Validata: a Table Schema
//! per sheet (`data/tableschema/<table>.json`) and a Data Package listing
//! them (`data/datapackage.json`), so the CSV tables `workbook export --csv`
//! writes can be validated by Validata and published on data.gouv.fr. All
//! from the layout and the JSON Schema: each field's description, pattern,
//! bounds and allowed values are the data file's own; the links between
//! tables (a list row's record, a theme id, a region code) are foreign keys.

use serde_json::{json, Map, Value};

use crate::help;
use crate::layout::{self, Column, Kind, Rows, Sheet, Table, RECORD, SHEETS};

/// Where the committed files are, from the repository's root.
pub const DIR: &str = "data";

/// How to write them again after a change of the layout or the model.
pub const REGENERATE: &str = "cargo run -p passerelles-build --bin workbook -- tableschema data";

/// Where the CSV tables go, relative to the data package.
pub fn csv_path(sheet: &Sheet) -> String {
    format!("csv/{}.csv", sheet.key)
}

/// Where a sheet's Table Schema goes, relative to the data package.
pub fn schema_path(sheet: &Sheet) -> String {
    format!("tableschema/{}.json", sheet.key)
}

/// A JSON Schema pattern as a Table Schema one: Frictionless anchors the
/// pattern at both ends itself.
fn pattern(p: &str) -> String {
    let p = p.strip_prefix('^').unwrap_or(p);
    p.strip_suffix('$').unwrap_or(p).to_string()
}

fn field(sheet: &Sheet, column: &Column) -> Value {
    let mut f = Map::new();
    f.insert("name".into(), column.header.into());
    f.insert("description".into(), help::text(sheet, column).into());
    let number = column.kind == Kind::Number;
    f.insert(
        "type".into(),
        if number { "number" } else { "string" }.into(),
    );
    let mut c = Map::new();
    if column.required && column.kind != Kind::Words {
        c.insert("required".into(), true.into());
    }
    let node = help::node(sheet, column).unwrap_or(Value::Null);
    if let Some(p) = node.get("pattern").and_then(Value::as_str) {
        c.insert("pattern".into(), pattern(p).into());
    }
    for (from, to) in [("minimum", "minimum"), ("maximum", "maximum")] {
        if let Some(v) = node.get(from) {
            c.insert(to.into(), v.clone());
        }
    }
    match column.kind {
        Kind::Choice(values) => {
            c.insert("enum".into(), json!(values));
        }
        Kind::Precision => {
            c.insert("enum".into(), json!(layout::PRECISIONS));
        }
        _ => {}
    }
    if !c.is_empty() {
        f.insert("constraints".into(), Value::Object(c));
    }
    Value::Object(f)
}

fn key_of(rows: Rows) -> Option<&'static str> {
    match rows {
        Rows::Records(_) => Some("identifiant"),
        Rows::Vocabulary("regions") => Some("code"),
        Rows::Vocabulary(_) => Some("identifiant"),
        Rows::List { .. } => None,
    }
}

fn reference(fields: &str, sheet: &Sheet, to: usize) -> Value {
    let target = &SHEETS[to];
    let resource = if target.key == sheet.key {
        ""
    } else {
        target.key
    };
    json!({
        "fields": fields,
        "reference": { "resource": resource, "fields": key_of(target.rows).unwrap_or("identifiant") }
    })
}

/// The links of a sheet's columns to other tables.
fn foreign_keys(sheet: &Sheet) -> Vec<Value> {
    let mut out = Vec::new();
    for column in sheet.columns {
        let to = match (column.kind, column.header, sheet.rows) {
            (Kind::Theme, ..) => Some(layout::vocabulary_sheet("themes")),
            (Kind::Region, _, Rows::Vocabulary(_)) => None,
            (Kind::Region, ..) => Some(layout::vocabulary_sheet("regions")),
            // A list row's record: a foreign key only where the list is one
            // table's (a shared list's row may name either).
            (Kind::Record, RECORD, Rows::List { tables: [t], .. }) => {
                Some(layout::records_sheet(*t))
            }
            (Kind::Record, "accord", _) => Some(layout::records_sheet(Table::Agreements)),
            (Kind::Record, _, Rows::Records(t)) => Some(layout::records_sheet(t)),
            _ => None,
        };
        if let Some(to) = to {
            out.push(reference(column.header, sheet, to));
        }
    }
    out
}

/// A sheet's Table Schema.
pub fn schema(sheet: &Sheet) -> Value {
    let mut s = Map::new();
    s.insert(
        "fields".into(),
        sheet
            .columns
            .iter()
            .map(|c| field(sheet, c))
            .collect::<Vec<_>>()
            .into(),
    );
    if let Some(k) = key_of(sheet.rows) {
        s.insert("primaryKey".into(), k.into());
    }
    let fk = foreign_keys(sheet);
    if !fk.is_empty() {
        s.insert("foreignKeys".into(), fk.into());
    }
    s.insert("missingValues".into(), json!([""]));
    Value::Object(s)
}

/// The Data Package of every table.
pub fn datapackage() -> Value {
    let resources: Vec<Value> = SHEETS
        .iter()
        .map(|s| {
            json!({
                "name": s.key,
                "title": s.name,
                "path": csv_path(s),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema_path(s),
            })
        })
        .collect();
    json!({
        "name": "passerelles",
        "title": "Passerelles : accords de partenariat et événements de l'économie sociale et solidaire",
        "description": "Les fiches de Passerelles en tables : une table par feuille du classeur des éditeurs (accords, événements, et les listes qu'ils contiennent, reliées par l'identifiant de la fiche), avec les vocabulaires des thèmes et des régions. Écrites par `cargo run -p passerelles-build --bin workbook -- export data/passerelles.json --csv data/csv` ; la source est data/passerelles.json (schéma : schema.json).",
        "licenses": [{ "name": "MIT", "title": "MIT" }],
        "resources": resources,
    })
}

/// A JSON value as committed: pretty, newline-terminated.
fn text(v: &Value) -> String {
    let mut t = serde_json::to_string_pretty(v).unwrap_or_default();
    t.push('\n');
    t
}

/// Every file to publish beside the data, as (path under [`DIR`], text).
pub fn files() -> Vec<(String, String)> {
    let mut out = vec![("datapackage.json".to_string(), text(&datapackage()))];
    for s in SHEETS {
        out.push((schema_path(s), text(&schema(s))));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_table_schemas_match_the_layout() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/");
        for (path, text) in super::files() {
            let committed = std::fs::read_to_string(format!("{root}{path}")).unwrap_or_default();
            assert!(
                committed == text,
                "data/{path} no longer matches the workbook's layout; regenerate with:\n    {}",
                super::REGENERATE
            );
        }
    }
}
