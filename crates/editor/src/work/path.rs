//! The JSON path at a byte offset of a JSON text: where serde stopped
//! reading a record (a misspelt key, a number where a text goes) said as
//! the field the form shows (`date.value`, `excerpts[1].supports`). The
//! core's `span` goes the other way (a path to its line).

/// A container being read, and where in it the reader is.
enum Frame {
    /// An object, and the key whose value is being read.
    Object(Option<String>),
    /// A list, and the index of its item being read.
    List(usize),
}

/// The path of the value `offset` falls in (or just after), in `text`, a
/// JSON value; None at the top.
pub fn path_at(text: &str, offset: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() && i < offset {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::List(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::List(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                // A string followed by ':' inside an object is a key.
                let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
                if let (Some(Frame::Object(key @ None)), Some(b':')) = (stack.last_mut(), next) {
                    *key = serde_json::from_str::<String>(text.get(start..end)?).ok();
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => break,
            Frame::List(n) => path.push_str(&format!("[{n}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_is_the_key_or_item_being_read() {
        let text = r#"{"id":"a","themse":["x"],"date":{"value":"2019"},"excerpts":[{"text":"t"},{"supports":[1],"text":"u, \"v\""}]}"#;
        let at = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(path_at(text, at(r#""themse""#)).as_deref(), Some("themse"));
        assert_eq!(
            path_at(text, at(r#""value":"#)).as_deref(),
            Some("date.value")
        );
        assert_eq!(
            path_at(text, at(r#""supports":["#)).as_deref(),
            Some("excerpts[1].supports[0]")
        );
        assert_eq!(
            path_at(text, at(r#"\"v\""#)).as_deref(),
            Some("excerpts[1].text")
        );
        assert_eq!(path_at(text, 1), None);
        assert_eq!(path_at("", 5), None);
        assert_eq!(path_at("{\"a\\\"", 99), None);
    }

    #[test]
    fn serde_s_own_offsets_land_on_their_field() {
        use passerelles_core::data::catalog::load_json;
        let data = include_str!("../../../../data/passerelles.json");
        let bad = data.replacen("\"kind\": \"convention de partenariat\"", "\"kind\": 7", 1);
        let loaded = load_json(&bad).unwrap();
        let p = &loaded.problems[0];
        let file: serde_json::Value = serde_json::from_str(&bad).unwrap();
        let i: usize = p.path["agreements[".len()..p.path.len() - 1]
            .parse()
            .unwrap();
        // The loader reads the record as the file has it: its text there.
        let raw: passerelles_core::data::model::RawDataset = serde_json::from_str(&bad).unwrap();
        let record = raw.agreements[i].get();
        assert_eq!(path_at(record, p.inner.unwrap()).as_deref(), Some("kind"));
        assert!(file["agreements"][i].is_object());
    }
}
