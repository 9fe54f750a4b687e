//! The dataset exactly as an editor writes it in `data/passerelles.json`.
//!
//! Every field that a source text may not support is optional: a record holds
//! what its text says and no more, so "absent" must always be expressible.

use serde::{Deserialize, Serialize};

/// Region code of the national scope in the region vocabulary.
pub const NATIONAL: &str = "FR";

/// The INSEE codes of the regions (2018, the 18 regions since 2016) and
/// [`NATIONAL`]: the only region codes the validator accepts, so that every
/// code in a vocabulary can be written in a URL and a lock.
pub const REGION_CODES: [&str; 19] = [
    NATIONAL, "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75",
    "76", "84", "93", "94",
];

/// The keys of the file's top-level object.
pub const TOP_LEVEL_KEYS: [&str; 5] = ["$schema", "regions", "themes", "agreements", "events"];

/// Top level of the data file. Records are kept as unparsed JSON here so that
/// one malformed record can be reported and left out without losing the
/// others (and without building a `serde_json::Value` tree of every record).
/// They borrow from the file's text rather than copy it: at 100,000 records a
/// copy is another 100 MB at the memory peak of loading.
#[derive(Debug, Clone, Default)]
pub struct RawDataset<'a> {
    pub schema: Option<String>,
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    pub agreements: Vec<&'a serde_json::value::RawValue>,
    pub events: Vec<&'a serde_json::value::RawValue>,
    /// Top-level keys the format does not know (`"agreement"`, `"Events"`),
    /// in file order: reported, and their values skipped, rather than the
    /// whole file refused or, worse, silently read as having no records.
    pub unknown: Vec<String>,
}

impl<'de: 'a, 'a> Deserialize<'de> for RawDataset<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};

        struct Top<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for Top<'a> {
            type Value = RawDataset<'a>;

            // serde's name for a struct, which json_error retells as "un objet".
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("struct RawDataset")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut out = RawDataset::default();
                let (mut regions, mut themes) = (None, None);
                let mut seen = [false; TOP_LEVEL_KEYS.len()];
                while let Some(key) = map.next_key::<String>()? {
                    let Some(k) = TOP_LEVEL_KEYS.iter().position(|k| *k == key) else {
                        map.next_value::<IgnoredAny>()?;
                        out.unknown.push(key);
                        continue;
                    };
                    if std::mem::replace(&mut seen[k], true) {
                        return Err(M::Error::duplicate_field(TOP_LEVEL_KEYS[k]));
                    }
                    match k {
                        0 => out.schema = map.next_value()?,
                        1 => regions = Some(map.next_value()?),
                        2 => themes = Some(map.next_value()?),
                        3 => out.agreements = map.next_value()?,
                        _ => out.events = map.next_value()?,
                    }
                }
                out.regions = regions.ok_or_else(|| M::Error::missing_field("regions"))?;
                out.themes = themes.ok_or_else(|| M::Error::missing_field("themes"))?;
                Ok(out)
            }
        }

        d.deserialize_map(Top(std::marker::PhantomData))
    }
}

/// The name of the region with this code, in a vocabulary.
pub fn region_name<'a>(regions: &'a [Region], code: &str) -> Option<&'a str> {
    regions
        .iter()
        .find(|r| r.code == code)
        .map(|r| r.name.as_str())
}

/// The label of the theme with this id, in a vocabulary.
pub fn theme_label<'a>(themes: &'a [Theme], id: &str) -> Option<&'a str> {
    themes.iter().find(|t| t.id == id).map(|t| t.label.as_str())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// INSEE code (2018), e.g. "04", or "FR" for the national scope. Records refer to regions by this code.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(
            pattern = r"^(FR|01|02|03|04|06|11|24|27|28|32|44|52|53|75|76|84|93|94)$"
        ))
    )]
    pub code: String,
    /// Name shown on the page, e.g. "La Réunion"; it must not look like another region's.
    pub name: String,
    /// Name shown on the English page where English writes it otherwise
    /// ("Brittany", "Réunion"); the French name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable id used in URLs and records, e.g. "insertion": lower-case letters, digits and hyphens, at most 120.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[a-z0-9-]{1,120}$"))
    )]
    pub id: String,
    /// Label shown on the page, e.g. "Insertion par l'activité économique"; it must not look like another theme's.
    pub label: String,
    /// One line saying what the theme covers.
    pub description: String,
    /// Label shown on the English page, e.g. "Work integration (IAE)". Give
    /// one to every theme or to none (then the English page shows the
    /// French labels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// The description in English; the French one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
}

/// A date as precise as the text allows; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DateInfo {
    /// EDTF (ISO 8601-2): a date with reduced precision ("2019", "2019-11", "2019-11-21"), or, when the text bounds the date without giving it, an interval of two such dates separated by "/", ".." for an end the text leaves open ("../2015-07-10": on 10 July 2015 at the latest; "2007-11-12/2007-12-31"; "2007/.."). Years from 1900 to 2100; never "../.." nor an empty end; absent when the text gives neither date nor bound. An interval needs `text` and a note for each bound given (`start_note`, `end_note`).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(
            pattern = r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\.\.))?|\.\./[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$"
        ))
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The text's own words for the date, e.g. "dernièrement" or "Vendredi 13 novembre"; required for an interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// How `value` was read from the text when it is not written there in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How the interval's start was read from the text; required when `value` is an interval whose start is a date, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_note: Option<String>,
    /// How the interval's end was read from the text; required when `value` is an interval whose end is a date, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// A named venue, e.g. "Préfecture de Paris et d'Île-de-France".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Street address, as the text writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Commune (town), e.g. "Saint-André".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// INSEE code of the region the place is in (one of `regions`, not "FR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// An organisation that signs an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Full name of the organisation.
    pub name: String,
    /// Acronym or short name, e.g. "CPME Réunion".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Kind of organisation as the text describes it, e.g. "organisation patronale".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// First name and surname, as the text writes them.
    pub name: String,
    /// Role, e.g. "président".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Organisation the person speaks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// How the text involves the person: "signataire", "engagé", "cité", "contact presse"…
    pub involvement: String,
}

/// A figure from the text: a quantified target or a context figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The number, e.g. 30 or 12.5: at most 1000000000000 in absolute value, at most 3 decimals; a target is never negative.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(range(min = -1e12, max = 1e12))
    )]
    pub value: f64,
    /// e.g. "entreprises", "%", "emplois".
    pub unit: String,
    /// What is counted, in the text's terms.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name of the source document in shared/seeds.
    pub file: String,
    /// The document's title, as it gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published the document, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date as the document gives it (reduced-precision ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Anything the reader must know about the document's dating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Web address of the document; only http(s) addresses are accepted.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[hH][tT][tT][pP][sS]?://\S+$"))
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The sentence of the source a set of fields rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    /// The fields this excerpt supports, e.g. ["date", "place"].
    pub supports: Vec<String>,
    /// The sentence, copied word for word from the source document.
    pub text: String,
}

/// Where an agreement stands, when the text does not show it made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Status {
    /// "annoncé": a text announces the agreement (its signature to come)
    /// without showing it signed.
    #[serde(rename = "annoncé")]
    Announced,
}

/// A partnership agreement, convention or declaration between organisations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Unique id of the agreement, used in URLs: lower-case letters, digits and hyphens (at most 120), e.g. "ag-2019-cpme-reunion-ursiae".
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[a-z0-9-]{1,120}$"))
    )]
    pub id: String,
    /// Title shown on the page; must not be empty.
    pub title: String,
    /// "convention de partenariat", "convention", "déclaration", "accord"…
    pub kind: String,
    /// A short description, in the text's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The organisations that sign; at least one.
    pub parties: Vec<Party>,
    /// People the text names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// When, as precisely as the text says.
    pub date: DateInfo,
    /// Absent when the text shows the agreement made (signed, concluded,
    /// made official); "annoncé" only where a text announces it without
    /// showing it signed ("se concrétisera … par la signature d'un accord").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Territory concerned: INSEE region codes from `regions`, or "FR" for the national scope. At least one.
    pub territory: Vec<String>,
    /// Theme ids from `themes`, e.g. ["insertion", "emploi"].
    pub themes: Vec<String>,
    /// Objectives, one sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Quantified targets the agreement sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Quantity>,
    /// Context figures the text cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Quantity>,
    /// The document this record is transcribed from.
    pub source: Source,
    /// The sentences of the source each fact rests on.
    pub excerpts: Vec<Excerpt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeSpan {
    /// Start time, "HH:MM" (24 h).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[0-9]{2}:[0-9]{2}$"))
    )]
    pub start: String,
    /// End time, "HH:MM" (24 h).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[0-9]{2}:[0-9]{2}$"))
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// How to register, in the text's words.
    pub text: String,
    /// Registration web address; only http(s) addresses are accepted.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[hH][tT][tT][pP][sS]?://\S+$"))
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An event: a visit, a seminar, a conference, a programme of several dates…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id of the event, used in URLs: lower-case letters, digits and hyphens (at most 120), e.g. "ev-2019-11-21-journee-iae".
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[a-z0-9-]{1,120}$"))
    )]
    pub id: String,
    /// Title shown on the page; must not be empty.
    pub title: String,
    /// "visite", "séminaire", "petit-déjeuner", "conférence", "journée", "programme"…
    pub kind: String,
    /// A short description, in the text's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When, as precisely as the text says.
    pub date: DateInfo,
    /// Time of day, when the text gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeSpan>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Territory concerned: INSEE region codes from `regions`, or "FR" for the national scope. At least one.
    pub territory: Vec<String>,
    /// Who organises it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser: Option<String>,
    /// Who it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Id of the programme (another event) this event is part of.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[a-z0-9-]+$"))
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Ids of agreements this event is linked to (e.g. signed during it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<String>,
    /// Theme ids from `themes`, e.g. ["insertion", "emploi"].
    pub themes: Vec<String>,
    /// Objectives, one sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// People the text names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Context figures the text cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Quantity>,
    /// How to register, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    /// The document this record is transcribed from.
    pub source: Source,
    /// The sentences of the source each fact rests on.
    pub excerpts: Vec<Excerpt>,
}
