//! The data file laid out as the workbook's cells, for the writers: each
//! record a row, each item of its lists a row of the list's sheet. Before
//! anything is written, the cells are read back by the import's own code
//! ([`crate::assemble`]) and compared with the file: a value that would not
//! come back the same (spaces around a text, an empty text, a control
//! character) is refused here, with its path, so that no workbook is handed
//! out that would lose something on its way back.

use serde_json::Value;

use passerelles_core::data::catalog::load_json;
use passerelles_core::data::validate::Problem;

use crate::assemble::assemble;
use crate::cells::{join_words, precision_of};
use crate::grid::{Book, Cell, Grid};
use crate::layout::{self, Kind, Rows, Table, RECORD, SHEETS};
use crate::messages as m;

/// The workbook's cells, with what the export has to say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flat {
    pub book: Book,
    /// Notes on the file (its problems, which the workbook keeps and its
    /// import will say at their cells; a layout other than the canonical).
    pub notes: Vec<String>,
}

/// Why no workbook was written: each reason with where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub Vec<String>);

/// The path's value in a JSON object (`date.value`); `""` is the value itself.
fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(v);
    }
    path.split('.').try_fold(v, |v, k| v.get(k))
}

fn cell(v: Option<&Value>, kind: Kind) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::Empty,
        Some(Value::String(s)) => Cell::Text(s.clone()),
        Some(Value::Number(n)) => Cell::Number(n.as_f64().unwrap_or_default()),
        Some(Value::Array(items)) if kind == Kind::Words => {
            let words: Vec<String> = items
                .iter()
                .map(|w| w.as_str().unwrap_or_default().to_string())
                .collect();
            if words.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(join_words(&words))
            }
        }
        Some(other) => Cell::Text(other.to_string()),
    }
}

fn header(sheet: &layout::Sheet) -> Vec<Cell> {
    sheet
        .columns
        .iter()
        .map(|c| Cell::Text(c.header.to_string()))
        .collect()
}

/// A row of an object's columns; `record` fills the column "fiche", `kind`
/// the column "sorte".
fn row(sheet: &layout::Sheet, item: &Value, record: Option<&str>, kind: Option<&str>) -> Vec<Cell> {
    sheet
        .columns
        .iter()
        .map(|c| match (c.header, c.kind, c.path) {
            (RECORD, _, None) => Cell::Text(record.unwrap_or_default().to_string()),
            (_, Kind::Precision, _) => {
                let date = at(item, "date.value").and_then(Value::as_str);
                precision_of(date).map_or(Cell::Empty, |p| Cell::Text(p.to_string()))
            }
            (_, Kind::Choice(_), None) => kind.map_or(Cell::Empty, |k| Cell::Text(k.to_string())),
            (_, k, Some(path)) => cell(at(item, path), k),
            (_, _, None) => Cell::Empty,
        })
        .collect()
}

/// The records of a table in the file.
fn records(file: &Value, table: Table) -> &[Value] {
    file.get(table.key())
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The cells of every sheet, from the parsed file.
pub fn cells(file: &Value) -> Book {
    let mut book = Book::default();
    for sheet in SHEETS {
        let mut grid = Grid::new(sheet.name);
        grid.rows.push(header(sheet));
        match sheet.rows {
            Rows::Vocabulary(list) => {
                for item in file
                    .get(list)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    grid.rows.push(row(sheet, item, None, None));
                }
            }
            Rows::Records(table) => {
                for r in records(file, table) {
                    grid.rows.push(row(sheet, r, None, None));
                }
            }
            Rows::List { field, tables } => {
                for table in [Table::Agreements, Table::Events] {
                    if !tables.contains(&table) {
                        continue;
                    }
                    let fields: Vec<&str> = match field {
                        Some(f) => vec![f],
                        None => layout::record_keys(table)
                            .iter()
                            .copied()
                            .filter(|f| layout::figure_kind(f).is_some())
                            .collect(),
                    };
                    for r in records(file, table) {
                        let id = r.get("id").and_then(Value::as_str);
                        for f in &fields {
                            let items = r.get(*f).and_then(Value::as_array);
                            for item in items.into_iter().flatten() {
                                grid.rows.push(row(sheet, item, id, layout::figure_kind(f)));
                            }
                        }
                    }
                }
            }
        }
        book.sheets.push(grid);
    }
    book
}

/// Whether two JSON values say the same: numbers by value (`150000` and
/// `150000.0` are one number), objects whatever their keys' order. Returns
/// the first path where they differ.
fn differs(a: &Value, b: &Value, path: &str) -> Option<String> {
    // The common case, equal as written, without building a path.
    if a == b {
        return None;
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.as_f64() != y.as_f64()).then(|| path.to_string())
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(path.to_string());
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (x, y))| differs(x, y, &format!("{path}[{i}]")))
        }
        (Value::Object(x), Value::Object(y)) => {
            let sub = |k: &str| {
                if path.is_empty() {
                    k.to_string()
                } else {
                    format!("{path}.{k}")
                }
            };
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => {
                        if let Some(p) = differs(v, w, &sub(k)) {
                            return Some(p);
                        }
                    }
                    None => return Some(sub(k)),
                }
            }
            y.keys().find(|k| !x.contains_key(*k)).map(|k| sub(k))
        }
        _ => (a != b).then(|| path.to_string()),
    }
}

/// The most reasons a refused export gives: enough to see what is wrong.
const MAX_SAID: usize = 50;

/// Texts holding a control character other than a line break or a tab:
/// an ODS file cannot hold them (XML), and a spreadsheet turns `\r\n` into
/// `\n`; refused by cell, before anything is written.
fn control_characters(book: &Book) -> Vec<String> {
    let mut out = Vec::new();
    for (grid, sheet) in book.sheets.iter().zip(SHEETS) {
        for (r, row) in grid.rows.iter().enumerate().skip(1) {
            for (c, cell) in row.iter().enumerate() {
                let Cell::Text(t) = cell else { continue };
                if t.chars()
                    .any(|ch| ch.is_control() && ch != '\n' && ch != '\t')
                {
                    let place = crate::messages::Place {
                        sheet: Some(sheet.name.into()),
                        row: Some(r as u32 + 1),
                        column: sheet.columns.get(c).map(|c| c.header.to_string()),
                        record: None,
                    };
                    out.push(format!("{place} : {}", m::CONTROL_CHARACTER));
                }
            }
        }
    }
    out
}

/// The record-level paths a list of differences names, one a record.
fn record_of(path: &str) -> &str {
    match path.find("].") {
        Some(i) => &path[..=i],
        None => path,
    }
}

/// Lays a data file's text out as the workbook's cells, or says why it
/// cannot be.
pub fn flatten(json: &str) -> Result<Flat, Refused> {
    let loaded = match load_json(json) {
        Ok(l) => l,
        Err(e) => {
            let at = match (e.line, e.column) {
                (Some(l), Some(c)) => format!("ligne {l}, colonne {c} : "),
                _ => String::new(),
            };
            return Err(Refused(vec![format!("{at}{}", e.message)]));
        }
    };
    // A record the core cannot read has no shape to lay out.
    let unreadable: Vec<&Problem> = loaded
        .problems
        .iter()
        .filter(|p| {
            !p.kept
                && !p.path.contains('.')
                && (p.path.starts_with("agreements[") || p.path.starts_with("events["))
        })
        .collect();
    if !unreadable.is_empty() {
        return Err(Refused(
            unreadable
                .iter()
                .map(|p| {
                    let at = p
                        .position
                        .map(|p| format!("ligne {}, colonne {} : ", p.line, p.column))
                        .unwrap_or_default();
                    format!("{at}{}", m::unreadable_record(&p.message))
                })
                .collect(),
        ));
    }
    let text = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let file: Value = serde_json::from_str(text).map_err(|e| Refused(vec![e.to_string()]))?;
    let book = cells(&file);
    let mut refused = control_characters(&book);
    if !refused.is_empty() {
        refused.truncate(MAX_SAID);
        return Err(Refused(refused));
    }

    let back = assemble(&book);
    let mut notes = Vec::new();
    let assembled: Value = serde_json::from_str(&back.text).unwrap_or(Value::Null);
    let mut compared = file.clone();
    if let Some(o) = compared.as_object_mut() {
        o.remove("$schema");
    }
    let mut mine = assembled;
    if let Some(o) = mine.as_object_mut() {
        o.remove("$schema");
    }
    // Each record compared on its own, so every one that would change is named.
    for key in ["regions", "themes", "agreements", "events"] {
        let (a, b) = (&compared[key], &mine[key]);
        match (a.as_array(), b.as_array()) {
            (Some(x), Some(y)) if x.len() == y.len() => {
                for (i, (x, y)) in x.iter().zip(y).enumerate() {
                    if let Some(p) = differs(x, y, &format!("{key}[{i}]")) {
                        refused.push(m::refused_export(&p, m::EXPORT_WOULD_CHANGE));
                    }
                }
            }
            _ => {
                if let Some(p) = differs(a, b, key) {
                    refused.push(m::refused_export(record_of(&p), m::EXPORT_WOULD_CHANGE));
                }
            }
        }
    }
    if !refused.is_empty() {
        refused.truncate(MAX_SAID);
        return Err(Refused(refused));
    }
    if file.get("$schema").and_then(Value::as_str) != Some("./schema.json") {
        notes.push(
            "le fichier n'a pas la ligne \"$schema\": \"./schema.json\" : l'import l'écrira"
                .to_string(),
        );
    }
    if back.text != text {
        notes.push("le fichier n'est pas écrit à la mise en page canonique : l'import le réécrira ainsi (espaces, retours à la ligne, ordre des champs), sans rien changer à ses données".to_string());
    }
    if !loaded.problems.is_empty() {
        notes.push(format!(
            "le fichier a {} problème{} (voir cargo run --bin validate) : le classeur les reprend tels quels, et son import les dira à leur cellule",
            loaded.problems.len(),
            if loaded.problems.len() > 1 { "s" } else { "" }
        ));
    }
    Ok(Flat { book, notes })
}

/// The canonical text of a data file: the file laid out as the workbook
/// would give it back.
pub fn canonical(json: &str) -> Result<String, Refused> {
    let flat = flatten(json)?;
    Ok(assemble(&flat.book).text)
}
