//! The results as a data file: the shape of `data/passerelles.json` itself,
//! both vocabularies and the records shown, so the export is valid against
//! `data/schema.json`, opens in an editor with its help, and loads back
//! into Passerelles (`?data=…json`). Records are serialised from the same
//! serde types the loader reads them into, so a field never goes missing
//! or changes its name on the way out.
//!
//! The data file keeps agreements and events apart: an export lists the
//! agreements shown, in the order shown, then the events shown, in the
//! order shown.

use crate::data::catalog::{Catalog, RecordRef};

/// Between the two lists, and after the last.
pub const MIDDLE: &str = "],\n  \"events\": [";
pub const TAIL: &str = "]\n}\n";
/// Before the first record of a list, before each other one, and after the
/// last of a list that has any: one record a block, indented as the data
/// file is.
pub const OPEN: &str = "\n    ";
pub const BETWEEN: &str = ",\n    ";
pub const CLOSE: &str = "\n  ";

/// Pretty JSON, every line after the first indented by `by` spaces.
fn pretty<T: serde::Serialize>(value: &T, by: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("records serialise");
    // Line breaks inside strings are escaped by JSON: every raw one is layout.
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}

/// The file up to the first agreement: where its schema is (only with the
/// public address, since a downloaded file has no neighbour), and the
/// vocabularies.
pub fn head(catalog: &Catalog, base: Option<&str>) -> String {
    let mut out = String::from("{\n");
    if let Some(base) = base {
        out.push_str("  \"$schema\": ");
        out.push_str(&pretty(&format!("{base}data/schema.json"), 2));
        out.push_str(",\n");
    }
    out.push_str("  \"regions\": ");
    out.push_str(&pretty(&catalog.regions, 2));
    out.push_str(",\n  \"themes\": ");
    out.push_str(&pretty(&catalog.themes, 2));
    out.push_str(",\n  \"agreements\": [");
    out
}

/// Record `i` as the data file writes it.
pub fn record(catalog: &Catalog, i: usize) -> String {
    match catalog.record(i) {
        RecordRef::Agreement(a) => pretty(a, 4),
        RecordRef::Event(e) => pretty(e, 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;
    use crate::data::model::{Agreement, Event};

    #[test]
    fn records_read_back_into_the_same_values() {
        let catalog = load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog;
        for (i, e) in catalog.entries.iter().enumerate() {
            let text = record(&catalog, i);
            match catalog.record(i) {
                RecordRef::Agreement(a) => {
                    assert_eq!(
                        &serde_json::from_str::<Agreement>(&text).unwrap(),
                        a,
                        "{}",
                        e.id
                    )
                }
                RecordRef::Event(ev) => {
                    assert_eq!(
                        &serde_json::from_str::<Event>(&text).unwrap(),
                        ev,
                        "{}",
                        e.id
                    )
                }
            }
        }
        // An announced agreement and its bounds, under the data file's names.
        let i = catalog
            .position("ag-2007-usgeres-accord-diversite")
            .unwrap();
        let text = record(&catalog, i);
        for field in [
            "\"status\": \"annoncé\"",
            "\"value\": \"2007-11-12/2007-12-31\"",
            "\"start_note\": ",
            "\"end_note\": ",
        ] {
            assert!(text.contains(field), "{field} in {text}");
        }
        let i = catalog.position("ag-2019-cpme-reunion-ursiae").unwrap();
        let text = record(&catalog, i);
        assert!(
            !text.contains("status") && !text.contains("_note"),
            "{text}"
        );
    }

    #[test]
    fn a_whole_file_loads_as_a_data_file() {
        let loaded = load_json(include_str!("../../../../data/passerelles.json")).unwrap();
        let c = &loaded.catalog;
        let agreements: Vec<String> = (0..c.agreements.len()).map(|i| record(c, i)).collect();
        let events: Vec<String> = (c.agreements.len()..c.entries.len())
            .map(|i| record(c, i))
            .collect();
        let list = |rows: &[String]| {
            if rows.is_empty() {
                String::new()
            } else {
                format!("{OPEN}{}{CLOSE}", rows.join(BETWEEN))
            }
        };
        let text = format!(
            "{}{}{MIDDLE}{}{TAIL}",
            head(c, Some("https://e.org/")),
            list(&agreements),
            list(&events)
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["$schema"], "https://e.org/data/schema.json");
        let again = load_json(&text).unwrap();
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(again.catalog.agreements, c.agreements);
        assert_eq!(again.catalog.events, c.events);
        assert_eq!(again.catalog.regions, c.regions);
        assert_eq!(again.catalog.themes, c.themes);
    }
}
