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

use passerelles_core::data::decimal;

use std::rc::Rc;

use crate::layout::SHEETS;
use crate::messages::Place;

/// The longest line an object inside a record stays on; beyond it, one field
/// a line. 120 is what the file's own lines show: its longest one-line
/// object is 114 characters, its shortest object over several lines would
/// be 123 on one.
pub const WIDTH: usize = 120;

/// The lists of plain values written one item a line: sentences.
const ONE_A_LINE: &[&str] = &["objectives"];

/// Where a value came from, as indices into the layout: cheap to keep for
/// every value of a large file, turned into words ([`Place`]) only when a
/// message needs them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loc {
    /// Index into [`SHEETS`].
    pub sheet: Option<usize>,
    pub row: Option<u32>,
    /// Index into the sheet's columns.
    pub col: Option<usize>,
    /// The record a list's place is about, when no row is.
    pub record: Option<Rc<str>>,
}

impl Loc {
    pub fn place(&self) -> Place {
        let sheet = self.sheet.and_then(|s| SHEETS.get(s));
        Place {
            sheet: sheet.map(|s| s.name.to_string()),
            row: self.row,
            column: sheet
                .zip(self.col)
                .and_then(|(s, c)| s.columns.get(c))
                .map(|c| c.header.to_string()),
            record: self.record.as_deref().map(str::to_string),
        }
    }
}

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
    pub at: Option<Loc>,
}

impl Node {
    pub fn new(val: Val, at: Option<Loc>) -> Node {
        Node { val, at }
    }
}

/// The values of a record: each as its byte range in the record's text, and
/// its path.
pub type Spans = Vec<(usize, usize, String)>;

/// Where the values of a written file came from: the tree it was written
/// from, asked only for the few paths the validator names. Nothing is kept
/// per value beyond the tree itself, so a file of 100,000 records costs no
/// map of millions of paths.
#[derive(Debug, Clone, Copy)]
pub struct Locator<'a> {
    pub top: &'a [(String, Node)],
}

/// A path's steps: `agreements[2].date.value` is `agreements`, 2, `date`, `value`.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some((i, after)) = rest.split_once(']') {
            if let Ok(i) = i.parse() {
                out.push(Step::Index(i));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

impl<'a> Locator<'a> {
    /// The node at a path, if the file has it.
    fn node(&self, path: &str) -> Option<&'a Node> {
        let mut steps = steps(path).into_iter();
        let Some(Step::Key(first)) = steps.next() else {
            return None;
        };
        let mut node = self.top.iter().find(|(k, _)| k == first).map(|(_, n)| n)?;
        for step in steps {
            node = match (step, &node.val) {
                (Step::Key(k), Val::Obj(fields)) => {
                    fields.iter().find(|(f, _)| f == k).map(|(_, n)| n)?
                }
                (Step::Index(i), Val::List(items)) => items.get(i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The place of a path, or of the nearest enclosing value that has one.
    pub fn place(&self, path: &str) -> Option<&'a Loc> {
        let mut p = path;
        loop {
            if let Some(at) = self.node(p).and_then(|n| n.at.as_ref()) {
                return Some(at);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The path of the innermost value of a record that holds `offset`
    /// (bytes from the record's `{`): the record written again on its own,
    /// the same text, this time keeping each value's span.
    pub fn path_at(&self, record: &str, offset: usize) -> Option<String> {
        let node = self.node(record)?;
        let mut w = Writer {
            out: String::new(),
            spans: Some(Vec::new()),
        };
        w.record(record, node);
        let spans = w.spans.unwrap_or_default();
        // The writer puts the record at its indentation: offsets from `{`.
        let base = w.out.find('{')?;
        spans
            .into_iter()
            .filter(|(s, e, _)| *s <= base + offset && base + offset < *e)
            .min_by_key(|(s, e, _)| e - s)
            .map(|(_, _, p)| p)
    }
}

/// The file's text from its top-level object.
pub fn write(top: &[(String, Node)]) -> String {
    let mut w = Writer {
        out: String::with_capacity(1 << 16),
        spans: None,
    };
    w.out.push_str("{\n");
    for (i, (key, node)) in top.iter().enumerate() {
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
    w.out
}

struct Writer {
    out: String,
    /// Each value's span and path, when asked for (a record written again
    /// to place an error inside it).
    spans: Option<Spans>,
}

impl Writer {
    fn key(&mut self, key: &str) {
        push_str(&mut self.out, key);
        self.out.push_str(": ");
    }

    /// Writes a value from here, and remembers its span when asked to.
    fn spanned(&mut self, path: &str, f: impl FnOnce(&mut Writer)) {
        let start = self.out.len();
        f(self);
        let end = self.out.len();
        if let Some(spans) = &mut self.spans {
            spans.push((start, end, path.to_string()));
        }
    }

    fn inline(&mut self, path: &str, node: &Node) {
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
        let Val::Obj(fields) = &node.val else {
            self.out.push_str("    ");
            self.inline(path, node);
            return;
        };
        self.out.push_str("    ");
        let start = self.out.len();
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
                    let spans = self.spans.as_ref().map_or(0, Vec::len);
                    self.inline(&field, value);
                    if self.out[line_start..].chars().count() > WIDTH {
                        // Too long for a line: again, a field a line.
                        self.out.truncate(mark);
                        if let Some(s) = &mut self.spans {
                            s.truncate(spans);
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
        if let Some(spans) = &mut self.spans {
            spans.push((start, self.out.len(), path.to_string()));
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
        let text = write(&top);
        let loc = Locator { top: &top };
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
        // An offset from the record's `{`, as serde gives one.
        let offset = text.find("f.txt").unwrap() - text.find("{\n      \"id\"").unwrap();
        assert_eq!(
            loc.path_at("agreements[0]", offset).as_deref(),
            Some("agreements[0].source.file")
        );
        assert_eq!(loc.place("agreements[0].date.value"), None);
    }
}
