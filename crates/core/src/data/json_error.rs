//! serde_json's errors, retold in plain French for the person who edits the
//! data file: "missing field `source`" becomes `champ obligatoire "source"
//! absent`. The position is not part of the message: callers show it apart,
//! as a line and column in the whole file.

use serde_json::error::Category;

use crate::data::messages as s;
use crate::data::span;

/// What is wrong, without the position (`… at line 3 column 5`).
pub fn detail(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) if e.line() > 0 => &full[..i],
        _ => &full,
    };
    if e.classify() == Category::Eof {
        return s::ERR_TRUNCATED.to_string();
    }
    french(message).unwrap_or_else(|| message.to_string())
}

/// The byte offset in `text` of what the error points at, on a character
/// boundary, so it can be sliced and turned into a line and column.
pub fn offset(e: &serde_json::Error, text: &str) -> usize {
    let mut at = span::offset_of_parser_position(text, e.line(), e.column());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // serde_json reports a control character in a string at the byte before it.
    if e.to_string().starts_with("control character") {
        if let Some(i) = text[at..].find(char::is_control).filter(|&i| i <= 4) {
            at += i;
        }
    }
    at
}

/// A whole file that could not be read: what kind of failure, then the
/// detail. `rest` is the text from where the parser stopped, to recognise a
/// comment (people add them; JSON has none).
pub fn describe_file_error(e: &serde_json::Error, rest: &str) -> String {
    match e.classify() {
        Category::Eof => s::ERR_TRUNCATED.to_string(),
        Category::Syntax if rest.starts_with("//") || rest.starts_with("/*") => {
            format!("{} : {}.", s::ERR_SYNTAX, s::JSON_COMMENT)
        }
        Category::Syntax => format!("{} : {}.", s::ERR_SYNTAX, detail(e)),
        Category::Data => format!("{} : {}.", s::ERR_SHAPE, detail(e)),
        Category::Io => e.to_string(),
    }
}

fn french(message: &str) -> Option<String> {
    let syntax = match message {
        "expected value" | "expected ident" => Some(s::JSON_EXPECTED_VALUE),
        "expected `,` or `}`" => Some(s::JSON_EXPECTED_COMMA_OBJECT),
        "expected `,` or `]`" => Some(s::JSON_EXPECTED_COMMA_LIST),
        "expected `:`" => Some(s::JSON_EXPECTED_COLON),
        "trailing comma" => Some(s::JSON_TRAILING_COMMA),
        "trailing characters" => Some(s::JSON_TRAILING_CHARACTERS),
        "key must be a string" => Some(s::JSON_KEY_NOT_STRING),
        "invalid number" | "number out of range" => Some(s::JSON_BAD_NUMBER),
        "recursion limit exceeded" => Some(s::JSON_TOO_DEEP),
        m if m.starts_with("control character") => Some(s::JSON_CONTROL_CHARACTER),
        m if m.starts_with("invalid escape")
            || m.starts_with("invalid unicode code point")
            || m.contains("surrogate")
            || m.contains("hex escape") =>
        {
            Some(s::JSON_BAD_ESCAPE)
        }
        _ => None,
    };
    if let Some(text) = syntax {
        return Some(text.to_string());
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return Some(s::missing_field(rest.split('`').next()?));
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        return Some(s::duplicate_field(rest.split('`').next()?));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`')?;
        // "…, expected one of `id`, `title`": every other backticked word is a known field.
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Some(s::unknown_field(field, &known));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`')?;
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Some(s::unknown_variant(value, &known));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(s::wrong_type(&kind(found), &kind(expected)));
    }
    None
}

/// serde's name for a JSON value or an expected type, in French.
fn kind(what: &str) -> String {
    let quoted = |prefix: &str| {
        what.strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(v) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return format!("le nombre {v}");
    }
    if let Some(v) = quoted("boolean ") {
        return format!("la valeur {v}");
    }
    if let Some(v) = what.strip_prefix("string ") {
        return format!("le texte {v}");
    }
    match what {
        "a string" | "a borrowed string" | "string" => "un texte".into(),
        "a sequence" | "sequence" => s::A_LIST.into(),
        "map" | "a map" => s::AN_OBJECT.into(),
        "null" | "unit value" => "null".into(),
        "a boolean" => "true ou false".into(),
        "f64" | "f32" | "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" => {
            "un nombre".into()
        }
        w if w.starts_with("struct ") => s::AN_OBJECT.into(),
        w => w.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Agreement;

    fn record_error(json: &str) -> String {
        detail(&serde_json::from_str::<Agreement>(json).unwrap_err())
    }

    #[test]
    fn retells_shape_errors_in_french() {
        assert_eq!(
            record_error(r#"{"id": "a"}"#),
            "champ obligatoire \"title\" absent"
        );
        assert_eq!(
            record_error(r#"{"id": "a", "titel": "x"}"#),
            "champ \"titel\" inconnu (vouliez-vous dire \"title\" ?)"
        );
        assert_eq!(
            record_error(r#"{"id": 3}"#),
            "le nombre 3 là où il faut un texte"
        );
        assert_eq!(
            record_error(r#"{"id": "a", "title": "t", "kind": "k", "parties": "x"}"#),
            "le texte \"x\" là où il faut une liste"
        );
        assert_eq!(
            record_error("\"x\""),
            "le texte \"x\" là où il faut un objet"
        );
        assert_eq!(
            record_error(r#"{"id": "a", "id": "b"}"#),
            "champ \"id\" écrit deux fois"
        );
        let status = |value: &str| {
            record_error(&format!(
                r#"{{"id": "a", "title": "t", "kind": "k", "parties": [], "status": {value}}}"#
            ))
        };
        assert_eq!(
            status("\"annonce\""),
            "valeur \"annonce\" inconnue (vouliez-vous dire \"annoncé\" ?)"
        );
        assert_eq!(
            status("\"signé\""),
            "valeur \"signé\" inconnue : valeurs permises \"annoncé\""
        );
    }

    #[test]
    fn retells_syntax_errors_and_keeps_positions_apart() {
        let e = serde_json::from_str::<serde_json::Value>("{\"a\": 1,\n}").unwrap_err();
        assert_eq!(detail(&e), s::JSON_TRAILING_COMMA);
        assert_eq!((e.line(), e.column()), (2, 1));
        let e = serde_json::from_str::<serde_json::Value>("{\"a\": 1 \"b\": 2}").unwrap_err();
        assert_eq!(detail(&e), s::JSON_EXPECTED_COMMA_OBJECT);
        let e = serde_json::from_str::<serde_json::Value>("{'a': 1}").unwrap_err();
        assert_eq!(detail(&e), s::JSON_KEY_NOT_STRING);
        let e = serde_json::from_str::<serde_json::Value>("{\"a\": [1, 2}").unwrap_err();
        assert_eq!(detail(&e), s::JSON_EXPECTED_COMMA_LIST);
        let e = serde_json::from_str::<serde_json::Value>("{\"a\": \"x\u{0}\"}").unwrap_err();
        assert_eq!(detail(&e), s::JSON_CONTROL_CHARACTER);
        let e = serde_json::from_str::<serde_json::Value>("{\"a\": [").unwrap_err();
        assert_eq!(describe_file_error(&e, ""), s::ERR_TRUNCATED);
        let e = serde_json::from_str::<serde_json::Value>("{\n  // note\n}").unwrap_err();
        assert_eq!(
            describe_file_error(&e, "// note\n}"),
            format!("{} : {}.", s::ERR_SYNTAX, s::JSON_COMMENT)
        );
    }

    #[test]
    fn unknown_messages_pass_through_unchanged() {
        assert_eq!(french("something new"), None);
        assert_eq!(kind("enum Precision"), "enum Precision");
    }
}
