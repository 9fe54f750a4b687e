//! Where a value is in a JSON text, so a problem can say "ligne 12, colonne 9"
//! and an editor can jump there. Problems name values by JSON path
//! (`agreements[2].themes[0]`); this module walks the text once and maps the
//! paths asked for to byte offsets, then offsets to 1-based line and column.
//!
//! The walk is lenient and bounded: it only descends into containers on the
//! way to a path asked for and skips everything else with a flat scan, so it
//! costs one pass over the bytes, never recurses deeper than the paths asked
//! for, and stops quietly (keeping what it found) on text that is not JSON.
//! Offsets become lines and columns through one table of line starts
//! ([`Lines`]), so a file with 50,000 problems costs one pass too, not one
//! pass per problem.

use std::collections::{HashMap, HashSet};

/// 1-based line and column; the column counts characters, as editors do,
/// not bytes (a line of French text has many two-byte letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of the character starting at (or containing) byte
    /// `offset`. Builds a table of the whole text: for many offsets, build
    /// [`Lines`] once instead.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        Lines::new(text).position(offset)
    }
}

/// Where each line of a text starts. A line ends at LF, at CRLF, or at a
/// lone CR (old Mac files, some exports): each counts as one line end, as
/// editors count them.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        Lines { text, starts }
    }

    /// The offset on a character boundary at or before `offset`, in the text.
    fn boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// 0-based index of the line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The position of the character starting at (or containing) byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.boundary(offset);
        let line = self.line_of(offset);
        Position {
            line: line + 1,
            column: 1 + self.text[self.starts[line]..offset].chars().count(),
        }
    }

    /// The positions of many offsets, in their order. Columns are counted
    /// from the previous offset on the same line, in file order, so even a
    /// file written on one single line is read once, not once per offset.
    pub fn positions(&self, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
        // (offset, line index, column) of the last one found.
        let mut last: Option<(usize, usize, usize)> = None;
        for i in order {
            let offset = self.boundary(offsets[i]);
            let line = self.line_of(offset);
            let (from, column) = match last {
                Some((at, l, c)) if l == line => (at, c),
                _ => (self.starts[line], 1),
            };
            let column = column + self.text[from..offset].chars().count();
            last = Some((offset, line, column));
            out[i] = Position {
                line: line + 1,
                column,
            };
        }
        out
    }
}

/// The byte offset serde_json means by an error's `line` and `column`
/// (1-based line; the column counts bytes and points at the offending one).
pub fn offset_of_parser_position(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// For each path, the offset of the first byte of its value; when the path is
/// not in the text (a field that is missing), the offset of its nearest
/// ancestor that is; `None` only when not even the root could be read.
pub fn offsets(text: &str, paths: &[&str]) -> Vec<Option<usize>> {
    let mut wanted: HashSet<&str> = HashSet::new();
    for path in paths {
        for (i, c) in path.char_indices() {
            if i > 0 && (c == '.' || c == '[') {
                wanted.insert(&path[..i]);
            }
        }
        wanted.insert(path);
    }
    let mut walk = Walk {
        bytes: text.as_bytes(),
        text,
        at: 0,
        wanted,
        found: HashMap::new(),
    };
    let mut path = String::new();
    let _ = walk.value(&mut path);
    paths
        .iter()
        .map(|p| {
            let mut p: &str = p;
            loop {
                if let Some(&offset) = walk.found.get(p) {
                    return Some(offset);
                }
                if p.is_empty() {
                    return None;
                }
                p = &p[..p.rfind(['.', '[']).unwrap_or(0)];
            }
        })
        .collect()
}

struct Walk<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// The paths asked for and all their ancestors: the only places worth descending.
    wanted: HashSet<&'a str>,
    found: HashMap<String, usize>,
}

impl Walk<'_> {
    fn skip_ws(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Reads the value at `path` (the root when empty); `None` when the text
    /// stops being JSON.
    fn value(&mut self, path: &mut String) -> Option<()> {
        self.skip_ws();
        let first = self.peek()?;
        self.found.insert(path.clone(), self.at);
        match first {
            b'{' => {
                self.at += 1;
                self.skip_ws();
                if self.peek()? == b'}' {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.skip_ws();
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    self.child(path)?;
                    path.truncate(len);
                    self.skip_ws();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b'}' => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.at += 1;
                self.skip_ws();
                if self.peek()? == b']' {
                    self.at += 1;
                    return Some(());
                }
                for index in 0.. {
                    let len = path.len();
                    path.push_str(&format!("[{index}]"));
                    self.child(path)?;
                    path.truncate(len);
                    self.skip_ws();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
                None
            }
            _ => self.skip_value(),
        }
    }

    /// Descends into a value on the way to a wanted path; scans over the rest.
    fn child(&mut self, path: &mut String) -> Option<()> {
        if self.wanted.contains(path.as_str()) {
            self.value(path)
        } else {
            self.skip_value()
        }
    }

    /// A key, decoded when it holds escapes.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.skip_string()?;
        let raw = &self.text[start..self.at];
        if raw.contains('\\') {
            serde_json::from_str(raw).ok()
        } else {
            Some(raw[1..raw.len() - 1].to_string())
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    /// Scans over one value without looking inside: strings are skipped as a
    /// whole and brackets counted, with no recursion however deep the nesting.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.at += 1;
                }
                _ => {
                    let rest = &self.bytes[self.at..];
                    let len = rest
                        .iter()
                        .position(|b| {
                            matches!(b, b',' | b'}' | b']' | b'"' | b'{' | b'[')
                                || b.is_ascii_whitespace()
                        })
                        .unwrap_or(rest.len());
                    if len == 0 {
                        // A comma or white space inside a container.
                        self.at += 1;
                    } else {
                        self.at += len;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "regions": [{ "code": "FR", "name": "Portée nationale" }],
  "agreements": [
    { "id": "a", "themes": ["emploi"] },
    {
      "id": "b",
      "title": "Économie \"sociale\" [et] {solidaire}",
      "themes": ["rse", "emploie"],
      "date": { "value": "2019-02-30" }
    }
  ],
  "events": []
}"#;

    fn at(path: &str) -> Option<Position> {
        offsets(TEXT, &[path])[0].map(|o| Position::of_offset(TEXT, o))
    }

    fn pos(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_each_path_at_the_start_of_its_value() {
        assert_eq!(at(""), pos(1, 1));
        assert_eq!(at("regions"), pos(2, 14));
        assert_eq!(at("regions[0].code"), pos(2, 25));
        assert_eq!(at("agreements[1]"), pos(5, 5));
        assert_eq!(at("agreements[1].themes[1]"), pos(8, 25));
        assert_eq!(at("agreements[1].date.value"), pos(9, 26));
        assert_eq!(at("events"), pos(12, 13));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "Portée" has a two-byte é before the closing brace.
        let t = "{\"a\": \"é\", \"b\": 1}";
        assert_eq!(
            offsets(t, &["b"])[0].map(|o| Position::of_offset(t, o)),
            pos(1, 17)
        );
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_ancestor() {
        assert_eq!(at("agreements[1].source.file"), at("agreements[1]"));
        assert_eq!(at("agreements[7].title"), at("agreements"));
        assert_eq!(at("nothing"), at(""));
    }

    #[test]
    fn many_paths_in_one_walk() {
        let got = offsets(TEXT, &["agreements[0].themes[0]", "agreements[1].id"]);
        assert_eq!(
            got.iter()
                .map(|o| o.map(|o| Position::of_offset(TEXT, o)))
                .collect::<Vec<_>>(),
            vec![pos(4, 29), pos(6, 13)]
        );
    }

    #[test]
    fn broken_text_keeps_what_was_found_before_the_break() {
        let t = "{\"agreements\": [{\"id\": \"a\"}, {\"id\": ";
        assert_eq!(offsets(t, &["agreements[0].id"])[0], Some(23));
        assert_eq!(offsets(t, &["agreements[1].id"])[0], Some(29));
        assert_eq!(offsets("", &["a"])[0], None);
        assert_eq!(offsets("]]]", &["a"])[0], Some(0));
    }

    #[test]
    fn deep_nesting_is_scanned_without_recursion() {
        let t = format!(
            "{{\"a\": {}{}, \"b\": 2}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(offsets(&t, &["b"])[0], Some(t.len() - 2));
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let t = r#"{"t\u0069tle": 1, "x": 2}"#;
        assert_eq!(offsets(t, &["title"])[0], Some(15));
    }

    #[test]
    fn cr_crlf_and_lf_each_end_one_line() {
        for t in ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\r\nb\rc"] {
            let lines = Lines::new(t);
            let c = t.rfind('c').unwrap();
            assert_eq!(lines.position(c), Position { line: 3, column: 1 }, "{t:?}");
            assert_eq!(lines.position(0), Position { line: 1, column: 1 });
        }
        // The LF of a CRLF is still on its line.
        assert_eq!(
            Position::of_offset("ab\r\nc", 3),
            Position { line: 1, column: 4 }
        );
    }

    #[test]
    fn many_positions_agree_with_one_at_a_time() {
        let t = "{\"é\": [1, 2,\r 3],\n\"b\":\r\n \"ü\"}";
        let offsets: Vec<usize> = (0..=t.len() + 2).rev().chain([5, 5, 0]).collect();
        let lines = Lines::new(t);
        let all = lines.positions(&offsets);
        for (o, p) in offsets.iter().zip(all) {
            assert_eq!(p, Position::of_offset(t, *o), "offset {o}");
        }
    }

    #[test]
    fn parser_positions_become_offsets() {
        let t = "{\n  \"a\": é,\n}";
        // serde_json reports line 2, column 8 for the é (byte columns).
        assert_eq!(offset_of_parser_position(t, 2, 8), 9);
        assert_eq!(Position::of_offset(t, 9), Position { line: 2, column: 8 });
        assert_eq!(offset_of_parser_position(t, 9, 1), t.len());
        // A byte inside a character is reported at that character.
        assert_eq!(Position::of_offset("é", 1), Position { line: 1, column: 1 });
    }
}
