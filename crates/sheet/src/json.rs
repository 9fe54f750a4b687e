//! The data file's text, written the one way `data/passerelles.json` is laid
//! out, so that a workbook made from the file gives the file back byte for
//! byte. The layout, which is the canonical form of the file:
//!
//! - two spaces a level; the top-level keys in the file's order (`$schema`,
//!   `regions`, `themes`, `agreements`, `events`);
//! - a vocabulary entry on one line: `{ "code": "04", "name": "La Réunion" }`;
//! - a record over several lines, one field a line, in the model's order;
//! - inside a record, an object (`date`, `place`, `source`…) on one line
//!   when that line fits in [`WIDTH`] characters, else one field a line;
//! - a list of objects (parties, people, figures, excerpts), and the
//!   sentences of `objectives`, one item a line; other lists (territory,
//!   themes, linked agreements, an excerpt's `supports`) on one line;
//! - strings escaped as serde_json escapes them (UTF-8 kept as is);
//!   numbers in plain digits (`150000`, `12.5`); a final newline.
//!
//! While writing, it remembers where each value came from (a cell) and
//! where it lies in the text, so that a problem the validator finds, named
//! by its JSON path or by an offset in a record, is said at its cell.

use std::collections::HashMap;

use passerelles_core::data::decimal;

use crate::messages::Place;

/// The longest line an object inside a record stays on; beyond it, one field
/// a line. 120 is what the file's own lines show: its longest one-line
/// object is 114 characters, its shortest object over several lines would
/// be 123 on one.
pub const WIDTH: usize = 120;

/// The lists of plain values written one item a line: sentences.
const ONE_A_LINE: &[&str] = &["objectives"];

#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Str(String),
    Num(f64),
    List(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

/// A value, and the cell (or row, or sheet) it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub val: Val,
    pub at: Option<Place>,
}

impl Node {
    pub fn new(val: Val, at: Option<Place>) -> Node {
        Node { val, at }
    }
}

/// The values of a record: each as its byte range in the text, and its path.
pub type Spans = Vec<(usize, usize, String)>;

/// Where the values of a written file came from.
#[derive(Debug, Default)]
pub struct Locator {
    /// JSON path (`agreements[2].themes[0]`) → the cell, row or sheet.
    pub places: HashMap<String, Place>,
    /// Record path (`agreements[2]`) → (its first byte, and every value in it
    /// as its byte range and path), to place an error serde found inside a
    /// record at an offset.
    pub records: HashMap<String, (usize, Spans)>,
}

impl Locator {
    /// The place of a path, or of the nearest enclosing path that has one.
    pub fn place(&self, path: &str) -> Option<&Place> {
        let mut p = path;
        loop {
            if let Some(place) = self.places.get(p) {
                return Some(place);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The path of the innermost value of a record that holds `offset`
    /// (bytes from the record's start).
    pub fn path_at(&self, record: &str, offset: usize) -> Option<&str> {
        let (start, spans) = self.records.get(record)?;
        let at = start + offset;
        spans
            .iter()
            .filter(|(s, e, _)| *s <= at && at < *e)
            .min_by_key(|(s, e, _)| e - s)
            .map(|(_, _, p)| p.as_str())
    }
}

/// The file's text from its top-level object, and where each value came from.
pub fn write(top: &[(String, Node)]) -> (String, Locator) {
    let mut w = Writer {
        out: String::with_capacity(1 << 16),
        loc: Locator::default(),
        record: None,
    };
    w.out.push_str("{\n");
    for (i, (key, node)) in top.iter().enumerate() {
        w.note(key, node);
        w.out.push_str("  ");
        w.key(key);
        match &node.val {
            Val::List(items) if !items.is_empty() => {
                let records = key == "agreements" || key == "events";
                w.out.push_str("[\n");
                for (j, item) in items.iter().enumerate() {
                    let path = format!("{key}[{j}]");
                    if records {
                        w.record(&path, item);
                    } else {
                        w.out.push_str("    ");
                        w.inline(&path, item);
                    }
                    w.out
                        .push_str(if j + 1 < items.len() { ",\n" } else { "\n" });
                }
                w.out.push_str("  ]");
            }
            _ => w.inline(key, node),
        }
        w.out.push_str(if i + 1 < top.len() { ",\n" } else { "\n" });
    }
    w.out.push_str("}\n");
    (w.out, w.loc)
}

struct Writer {
    out: String,
    loc: Locator,
    /// The record being written: its path, and its values' spans so far.
    record: Option<(String, usize, Spans)>,
}

impl Writer {
    fn note(&mut self, path: &str, node: &Node) {
        if let Some(at) = &node.at {
            self.loc.places.insert(path.to_string(), at.clone());
        }
    }

    fn key(&mut self, key: &str) {
        push_str(&mut self.out, key);
        self.out.push_str(": ");
    }

    /// Writes `node` from here, and remembers its span in the record.
    fn spanned(&mut self, path: &str, f: impl FnOnce(&mut Writer)) {
        let start = self.out.len();
        f(self);
        let end = self.out.len();
        if let Some((_, _, spans)) = &mut self.record {
            spans.push((start, end, path.to_string()));
        }
    }

    fn inline(&mut self, path: &str, node: &Node) {
        self.note(path, node);
        self.spanned(path, |w| match &node.val {
            Val::Str(s) => push_str(&mut w.out, s),
            Val::Num(n) => w.out.push_str(&decimal::plain(*n)),
            Val::List(items) => {
                w.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        w.out.push_str(", ");
                    }
                    w.inline(&format!("{path}[{i}]"), item);
                }
                w.out.push(']');
            }
            Val::Obj(fields) if fields.is_empty() => w.out.push_str("{}"),
            Val::Obj(fields) => {
                w.out.push_str("{ ");
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        w.out.push_str(", ");
                    }
                    w.key(k);
                    w.inline(&format!("{path}.{k}"), v);
                }
                w.out.push_str(" }");
            }
        });
    }

    /// A record at indent 4, its fields at 6.
    fn record(&mut self, path: &str, node: &Node) {
        self.note(path, node);
        let Val::Obj(fields) = &node.val else {
            self.out.push_str("    ");
            self.inline(path, node);
            return;
        };
        self.out.push_str("    ");
        let start = self.out.len();
        self.record = Some((path.to_string(), start, Vec::new()));
        self.out.push_str("{\n");
        for (i, (key, value)) in fields.iter().enumerate() {
            let field = format!("{path}.{key}");
            let line_start = self.out.len();
            self.out.push_str("      ");
            self.key(key);
            match &value.val {
                Val::List(items)
                    if !items.is_empty()
                        && (ONE_A_LINE.contains(&key.as_str())
                            || items.iter().any(|n| matches!(n.val, Val::Obj(_)))) =>
                {
                    self.note(&field, value);
                    self.spanned(&field, |w| {
                        w.out.push_str("[\n");
                        for (j, item) in items.iter().enumerate() {
                            w.out.push_str("        ");
                            w.inline(&format!("{field}[{j}]"), item);
                            w.out
                                .push_str(if j + 1 < items.len() { ",\n" } else { "\n" });
                        }
                        w.out.push_str("      ]");
                    });
                }
                Val::Obj(inner) if !inner.is_empty() => {
                    let mark = self.out.len();
                    let spans = self.record.as_ref().map_or(0, |r| r.2.len());
                    self.inline(&field, value);
                    if self.out[line_start..].chars().count() > WIDTH {
                        // Too long for a line: again, a field a line.
                        self.out.truncate(mark);
                        if let Some(r) = &mut self.record {
                            r.2.truncate(spans);
                        }
                        self.spanned(&field, |w| {
                            w.out.push_str("{\n");
                            for (j, (k, v)) in inner.iter().enumerate() {
                                w.out.push_str("        ");
                                w.key(k);
                                w.inline(&format!("{field}.{k}"), v);
                                w.out
                                    .push_str(if j + 1 < inner.len() { ",\n" } else { "\n" });
                            }
                            w.out.push_str("      }");
                        });
                    }
                }
                _ => self.inline(&field, value),
            }
            self.out
                .push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
        }
        self.out.push_str("    }");
        if let Some((p, start, mut spans)) = self.record.take() {
            spans.push((start, self.out.len(), p.clone()));
            self.loc.records.insert(p, (start, spans));
        }
    }
}

/// A JSON string as serde_json writes it.
fn push_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Node {
        Node::new(Val::Str(v.into()), None)
    }

    fn obj(fields: &[(&str, Node)]) -> Node {
        Node::new(
            Val::Obj(
                fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            ),
            None,
        )
    }

    #[test]
    fn records_and_vocabularies_are_laid_out_as_the_file() {
        let record = obj(&[
            ("id", s("a")),
            ("date", obj(&[("value", s("2019"))])),
            (
                "source",
                obj(&[("file", s("f.txt")), ("note", s(&"n".repeat(120)))]),
            ),
            ("themes", Node::new(Val::List(vec![s("x"), s("y")]), None)),
            ("objectives", Node::new(Val::List(vec![s("o")]), None)),
            (
                "figures",
                Node::new(
                    Val::List(vec![obj(&[("value", Node::new(Val::Num(150000.0), None))])]),
                    None,
                ),
            ),
            ("excerpts", Node::new(Val::List(vec![]), None)),
        ]);
        let top = vec![
            ("$schema".to_string(), s("./schema.json")),
            (
                "regions".to_string(),
                Node::new(Val::List(vec![obj(&[("code", s("FR"))])]), None),
            ),
            (
                "agreements".to_string(),
                Node::new(Val::List(vec![record]), None),
            ),
            ("events".to_string(), Node::new(Val::List(vec![]), None)),
        ];
        let (text, loc) = write(&top);
        let expected = format!(
            r#"{{
  "$schema": "./schema.json",
  "regions": [
    {{ "code": "FR" }}
  ],
  "agreements": [
    {{
      "id": "a",
      "date": {{ "value": "2019" }},
      "source": {{
        "file": "f.txt",
        "note": "{}"
      }},
      "themes": ["x", "y"],
      "objectives": [
        "o"
      ],
      "figures": [
        {{ "value": 150000 }}
      ],
      "excerpts": []
    }}
  ],
  "events": []
}}
"#,
            "n".repeat(120)
        );
        assert_eq!(text, expected);
        let offset = text.find("f.txt").unwrap() - loc.records["agreements[0]"].0;
        assert_eq!(
            loc.path_at("agreements[0]", offset),
            Some("agreements[0].source.file")
        );
    }
}
