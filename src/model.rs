//! The dataset exactly as an editor writes it in `data/passerelles.json`.
//!
//! Every field that a source text may not support is optional: a record holds
//! what its text says and no more, so "absent" must always be expressible.

use serde::{Deserialize, Serialize};

/// Region code of the national scope in the region vocabulary.
pub const NATIONAL: &str = "FR";

/// Top level of the data file. Records are kept as unparsed JSON here so that
/// one malformed record can be reported and left out without losing the
/// others (and without building a `serde_json::Value` tree of every record).
#[derive(Debug, Clone, Deserialize)]
pub struct RawDataset {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub agreements: Vec<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    pub events: Vec<Box<serde_json::value::RawValue>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// INSEE code (2018), or [`NATIONAL`] for the national scope.
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable id used in URLs and records, e.g. `insertion`.
    pub id: String,
    pub label: String,
    pub description: String,
}

/// A date as precise as the text allows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateInfo {
    /// ISO 8601 with reduced precision (`2019`, `2019-11`, `2019-11-21`); absent when the text gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The text's own words for the date, e.g. "dernièrement" or "Vendredi 13 novembre".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// How `value` was read from the text when it is not written there in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// A named venue, e.g. "Préfecture de Paris et d'Île-de-France".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// INSEE region code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Kind of organisation as the text describes it, e.g. "organisation patronale".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// How the text involves the person: "signataire", "engagé", "cité", "contact presse"…
    pub involvement: String,
}

/// A figure from the text: a quantified target or a context figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub value: f64,
    /// e.g. "entreprises", "%", "emplois".
    pub unit: String,
    /// What is counted, in the text's terms.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name of the source document in shared/seeds.
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date as the document gives it (reduced-precision ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Anything the reader must know about the document's dating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Only http(s) URLs are ever shown as links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The sentence of the source a set of fields rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    /// The fields this excerpt supports, e.g. ["date", "place"].
    pub supports: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub id: String,
    pub title: String,
    /// "convention de partenariat", "convention", "déclaration", "accord"…
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub parties: Vec<Party>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    pub date: DateInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// INSEE region codes, or [`NATIONAL`].
    pub territory: Vec<String>,
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Quantity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Quantity>,
    pub source: Source,
    pub excerpts: Vec<Excerpt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeSpan {
    /// `HH:MM`
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// "visite", "séminaire", "petit-déjeuner", "conférence", "journée", "programme"…
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub date: DateInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// INSEE region codes, or [`NATIONAL`].
    pub territory: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Id of the programme (an event) this event is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Ids of agreements this event is linked to (e.g. signed during it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<String>,
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    pub source: Source,
    pub excerpts: Vec<Excerpt>,
}
