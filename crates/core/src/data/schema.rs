//! The JSON Schema of the data file, generated from the model's own types so
//! that it cannot say something the loader does not. Editors point their
//! text editor at `data/schema.json` (the file's `"$schema"` line) and get
//! completion, the field help below and the formats of ids, dates and times.
//!
//! Native only: schemars never reaches the wasm bundle.

use schemars::JsonSchema;

use crate::data::model::{Agreement, Event, Region, Theme};

/// The file as the schema describes it. The loader reads records as unparsed
/// JSON (`model::RawDataset`) so that one bad record can be left out; an
/// editor, though, needs to be told what each record must look like.
#[allow(dead_code)] // only its schema is used
#[derive(JsonSchema)]
// As the loader does: a misspelt top-level key is reported, not ignored.
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Passerelles",
    description = "Données de Passerelles : vocabulaires (régions, thèmes) et fiches (accords, événements). Vérifiez le fichier avec `cargo run --bin validate -- data/passerelles.json`."
)]
struct DataFile {
    /// Where an editor finds this schema: "./schema.json".
    #[serde(rename = "$schema", default)]
    schema: Option<String>,
    /// The region vocabulary: the 18 regions (INSEE codes, 2018) and "FR", the national scope.
    regions: Vec<Region>,
    /// The theme vocabulary.
    themes: Vec<Theme>,
    /// Partnership agreements, conventions, declarations.
    #[serde(default)]
    agreements: Vec<Agreement>,
    /// Events: visits, seminars, conferences, programmes.
    #[serde(default)]
    events: Vec<Event>,
}

/// The schema as committed in `data/schema.json`, newline-terminated.
pub fn json() -> String {
    let schema = schemars::schema_for!(DataFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// The schema of the glossary file, as committed in `data/glossary.schema.json`.
pub fn glossary_json() -> String {
    let mut schema = schemars::schema_for!(crate::data::glossary::GlossaryFile);
    if let Some(meta) = schema.schema.metadata.as_mut() {
        meta.title = Some("Glossaire de Passerelles".into());
        meta.description = Some("Les sigles et termes des textes sources, chacun avec ce qu'un texte en dit et l'extrait qui le dit. Vérifiez le fichier avec `cargo run --bin validate -- data/glossary.json`.".into());
    }
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// How to bring `data/glossary.schema.json` back in line with the types.
pub const REGENERATE_GLOSSARY: &str =
    "cargo run --bin validate -- --glossary-schema > data/glossary.schema.json";

/// How to bring `data/schema.json` back in line with the types.
pub const REGENERATE: &str = "cargo run --bin validate -- --schema > data/schema.json";

#[cfg(test)]
mod tests {
    #[test]
    fn committed_schema_matches_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/schema.json");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == super::json(),
            "data/schema.json no longer matches src/data/model.rs; regenerate it with:\n    {}",
            super::REGENERATE
        );
    }

    #[test]
    fn committed_glossary_schema_matches_the_types() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/glossary.schema.json"
        );
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == super::glossary_json(),
            "data/glossary.schema.json no longer matches src/data/glossary.rs; regenerate it with:\n    {}",
            super::REGENERATE_GLOSSARY
        );
    }

    #[test]
    fn describes_the_record_fields_with_help() {
        let schema: serde_json::Value = serde_json::from_str(&super::json()).unwrap();
        let agreement = &schema["definitions"]["Agreement"];
        assert_eq!(agreement["additionalProperties"], false);
        let title = agreement["properties"]["title"]["description"].as_str();
        assert!(title.is_some_and(|d| d.contains("empty")), "{title:?}");
        assert!(agreement["required"]
            .as_array()
            .unwrap()
            .contains(&"source".into()));
        assert!(schema["properties"]["$schema"].is_object());
        assert_eq!(schema["additionalProperties"], false);
    }
}
