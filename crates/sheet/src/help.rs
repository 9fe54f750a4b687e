//! Each column's help, taken from the data file's JSON Schema
//! (`data/schema.json`), whose descriptions are the `///` docs of the
//! model's fields: the workbook says what the schema says, from the one
//! text, and a change of a field's doc reaches both. The schema's patterns
//! and bounds go into the Table Schemas the same way
//! ([`crate::tableschema`]).
//!
//! The schema is compiled in as text and read with serde_json, which the
//! crate has anyway: schemars, which writes it, is native only.

use serde_json::Value;

use crate::layout::{Column, Kind, Rows, Sheet, Table, RECORD};

/// The committed schema (a core test holds it to the model's types).
const SCHEMA: &str = include_str!("../../../data/schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).unwrap_or(Value::Null)
}

/// The schema node of the definition a `$ref`, an `allOf` or an `anyOf`
/// (an optional field) points to, else the node itself.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    let target = node
        .get("$ref")
        .or_else(|| node.get("allOf").and_then(|a| a.get(0)?.get("$ref")))
        .or_else(|| {
            node.get("anyOf")?
                .as_array()?
                .iter()
                .find_map(|a| a.get("$ref"))
        })
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/definitions/"));
    match target {
        Some(name) => &root["definitions"][name],
        None => node,
    }
}

/// The property node at a dotted `path` inside definition `definition`.
fn property<'a>(root: &'a Value, definition: &str, path: &str) -> Option<&'a Value> {
    let mut node = &root["definitions"][definition];
    let mut last = None;
    for key in path.split('.') {
        let p = resolve(root, node).get("properties")?.get(key)?;
        last = Some(p);
        node = p;
    }
    last
}

/// The record definition a list sheet's plain items are a field of.
fn owner(sheet: &Sheet) -> &'static str {
    match sheet.rows {
        Rows::List { tables, .. } if tables.first() == Some(&Table::Events) => "Event",
        _ => "Agreement",
    }
}

/// The JSON Schema node of a column, when it is a field of the data file.
pub fn node(sheet: &Sheet, column: &Column) -> Option<Value> {
    let root = schema();
    let path = column.path?;
    let found = if path.is_empty() {
        let Rows::List {
            field: Some(field), ..
        } = sheet.rows
        else {
            return None;
        };
        property(&root, owner(sheet), field)?.get("items")?.clone()
    } else {
        property(&root, sheet.definition, path)?.clone()
    };
    Some(found)
}

/// What the column holds, for the editor: the schema's description of the
/// field, or what the workbook itself adds.
pub fn text(sheet: &Sheet, column: &Column) -> String {
    let root = schema();
    let described = column.path.and_then(|path| {
        let p = if path.is_empty() {
            let Rows::List {
                field: Some(field), ..
            } = sheet.rows
            else {
                return None;
            };
            property(&root, owner(sheet), field)?
        } else {
            property(&root, sheet.definition, path)?
        };
        p.get("description")?.as_str().map(str::to_string)
    });
    if let Some(d) = described {
        return d;
    }
    // Columns of the workbook, not fields of the file: said in French.
    match (column.header, column.kind) {
        (RECORD, _) => "Identifiant de la fiche (feuille Accords ou Événements) à laquelle la ligne appartient ; une ligne par élément de la liste, dans l'ordre.".into(),
        (_, Kind::Precision) => "Précision de la date : jour, mois, année, intervalle ou inconnue. Écrite à l'export d'après la date ; à l'import, elle sert seulement à relire une date que le tableur aurait changée en jour.".into(),
        (_, Kind::Choice(kinds)) if kinds == crate::layout::FIGURE_KINDS => "« objectif chiffré » (ce que l'accord vise : targets) ou « chiffre de contexte » (ce que le texte cite : figures).".into(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::SHEETS;

    #[test]
    fn every_column_has_help() {
        for sheet in SHEETS {
            for column in sheet.columns {
                let t = text(sheet, column);
                assert!(!t.is_empty(), "{} / {}", sheet.name, column.header);
                if column.path.is_some() {
                    assert!(
                        node(sheet, column).is_some(),
                        "{} / {}",
                        sheet.name,
                        column.header
                    );
                }
            }
        }
        let accords = &SHEETS[0];
        let date = &accords.columns[accords.column("date").unwrap()];
        assert!(
            text(accords, date).starts_with("EDTF"),
            "{}",
            text(accords, date)
        );
    }

    /// Every field the schema describes has its column: a field added to
    /// the model without one fails here.
    #[test]
    fn every_field_of_the_schema_is_a_column() {
        let root = schema();
        let covered = |definition: &str, path: &str| {
            SHEETS.iter().any(|s| {
                s.columns.iter().any(|c| {
                    c.path.is_some_and(|p| {
                        (s.definition == definition && p == path)
                            || (p.is_empty()
                                && matches!(s.rows, Rows::List { field: Some(f), .. } if f == path))
                    })
                })
            }) || crate::layout::list_sheet(path).is_some()
        };
        for (definition, nested) in [
            ("Agreement", true),
            ("Event", true),
            ("Region", false),
            ("Theme", false),
            ("Party", false),
            ("Person", false),
            ("Quantity", false),
            ("Excerpt", false),
        ] {
            let props = root["definitions"][definition]["properties"]
                .as_object()
                .unwrap();
            for (key, node) in props {
                let target = resolve(&root, node);
                let inner = target.get("properties").and_then(Value::as_object);
                match inner {
                    Some(fields) if nested && target != node => {
                        for k in fields.keys() {
                            let path = format!("{key}.{k}");
                            assert!(covered(definition, &path), "{definition}.{path}");
                        }
                    }
                    _ => assert!(covered(definition, key), "{definition}.{key}"),
                }
            }
        }
    }
}
