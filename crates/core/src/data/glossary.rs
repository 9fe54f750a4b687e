//! The glossary: the acronyms and terms the source texts use, in
//! `data/glossary.json`, each with what a text says of it and the sentence
//! that says so. The page shows an acronym's expansion where the acronym
//! appears, lists the whole glossary on a view of its own, and the search
//! finds an acronym by its expansion and the other way round.
//!
//! Nothing here is known from elsewhere: an expansion is given only when an
//! excerpt of a text writes it beside the term, a definition only when an
//! excerpt holds it; the validator checks that each is in one of the
//! entry's excerpts, and the dataset tests that each excerpt is in its
//! source, word for word. An acronym no text spells out stays an entry
//! without expansion, and the page says so.

use serde::{Deserialize, Serialize};

use crate::data::error::LoadError;
use crate::data::json_error;
use crate::data::messages as s;
use crate::data::span::Position;
use crate::data::validate::{locate, Problem};

/// The glossary file as an editor writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// Where an editor finds this schema: "./glossary.schema.json".
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// One entry per acronym or term.
    pub entries: Vec<GlossaryEntry>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// An acronym or abbreviation ("IAE", "Direccte"): marked where it appears.
    #[default]
    Acronym,
    /// A term of the field ("clauses sociales").
    Term,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// Unique id: lower-case letters, digits and hyphens, e.g. "iae".
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[a-z0-9-]+$"))
    )]
    pub id: String,
    /// The acronym or term as the texts write it, e.g. "IAE".
    pub term: String,
    /// "acronym" or "term".
    pub kind: TermKind,
    /// Other spellings of the term in the texts, e.g. "Udes" for "UDES"; an acronym is marked in those spellings too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
    /// What the acronym stands for, only when a text writes it beside the acronym: it must be in an excerpt that also holds the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    /// Other ways the texts write the expansion, searched as synonyms too; each must be in one of the excerpts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
    /// A definition, only where a text gives one: it must be in one of the excerpts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// The sentences of the texts the entry rests on, word for word (at least one; "[…]" marks a cut).
    pub excerpts: Vec<GlossaryExcerpt>,
    /// For editors: how the entry was read from the texts (not shown on the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GlossaryExcerpt {
    /// File name of the source document in shared/seeds.
    pub source: String,
    /// The sentence, copied word for word from the source document.
    pub text: String,
}

/// Lower case, one kind of apostrophe, single spaces, no cut marks: how a
/// piece of an excerpt is looked for in it.
fn normal(text: &str) -> String {
    let text = text.replace('’', "'").replace("[…]", " ");
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether `part` is in `text` as whole words.
fn holds(text: &str, part: &str) -> bool {
    let (text, part) = (normal(text), normal(part));
    if part.is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&part).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + part.len()..].chars().next())
    })
}

fn problem(id: &str, path: String, message: String) -> Problem {
    Problem {
        record: Some(id.to_string()),
        path,
        message,
        inner: None,
        position: None,
        kept: false,
    }
}

/// The problems of each entry; an entry with any is left out.
pub fn check(entries: &[GlossaryEntry]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, e) in entries.iter().enumerate() {
        let at = |field: &str| format!("entries[{i}].{field}");
        let mut add = |field: &str, message: String| out.push(problem(&e.id, at(field), message));
        let well_formed = !e.id.is_empty()
            && e.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            add("id", s::bad_id(&e.id));
        } else if !seen.insert(e.id.as_str()) {
            add("id", s::duplicate_id(&e.id));
        }
        if e.term.trim().is_empty() {
            add("term", s::GLOSSARY_EMPTY_TERM.to_string());
        }
        if e.excerpts.is_empty() {
            add("excerpts", s::GLOSSARY_NO_SOURCE.to_string());
        }
        for (k, x) in e.excerpts.iter().enumerate() {
            if x.source.trim().is_empty() {
                add(
                    &format!("excerpts[{k}].source"),
                    s::GLOSSARY_NO_SOURCE.to_string(),
                );
            }
            if x.text.trim().is_empty() {
                add(
                    &format!("excerpts[{k}].text"),
                    s::GLOSSARY_EMPTY_EXCERPT.to_string(),
                );
            }
        }
        let spelt = || std::iter::once(&e.term).chain(&e.spellings);
        if !e.excerpts.is_empty()
            && !e
                .excerpts
                .iter()
                .any(|x| spelt().any(|t| holds(&x.text, t)))
        {
            add("excerpts", s::glossary_term_not_in_excerpt(&e.term));
        }
        if let Some(x) = &e.expansion {
            let beside = e.excerpts.iter().any(|ex| {
                holds(&ex.text, x)
                    && std::iter::once(&e.term)
                        .chain(&e.spellings)
                        .any(|t| holds(&ex.text, t))
            });
            if !beside {
                add("expansion", s::glossary_expansion_not_beside(x, &e.term));
            }
        }
        for (k, f) in e.forms.iter().enumerate() {
            if !e.excerpts.iter().any(|ex| holds(&ex.text, f)) {
                add(&format!("forms[{k}]"), s::glossary_not_in_excerpts(f));
            }
        }
        if let Some(d) = &e.definition {
            if !e.excerpts.iter().any(|ex| holds(&ex.text, d)) {
                add("definition", s::glossary_not_in_excerpts(d));
            }
        }
    }
    out
}

/// The glossary a file holds, less its entries with problems, and those
/// problems located in the file; or why the file cannot be read at all.
pub fn load_json(text: &str) -> Result<(Vec<GlossaryEntry>, Vec<Problem>), LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let file: GlossaryFile = serde_json::from_str(text).map_err(|e| {
        let offset = json_error::offset(&e, text);
        let at = Position::of_offset(text, offset);
        LoadError {
            message: format!("{} : {}", s::ERR_GLOSSARY, json_error::detail(&e)),
            line: Some(at.line),
            column: Some(at.column),
            kind: crate::data::error::LoadErrorKind::Content,
        }
    })?;
    let mut problems = check(&file.entries);
    locate(text, &mut problems);
    let bad: std::collections::HashSet<usize> = problems
        .iter()
        .filter_map(|p| {
            p.path
                .strip_prefix("entries[")
                .and_then(|r| r.split(']').next())
                .and_then(|k| k.parse().ok())
        })
        .collect();
    let entries = file
        .entries
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !bad.contains(i))
        .map(|(_, e)| e)
        .collect();
    Ok((entries, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> GlossaryEntry {
        GlossaryEntry {
            id: "iae".into(),
            term: "IAE".into(),
            kind: TermKind::Acronym,
            expansion: Some("Insertion par l'Activité Economique".into()),
            forms: vec!["insertion par l’activité économique".into()],
            definition: Some("qui favorise l’insertion professionnelle".into()),
            excerpts: vec![
                GlossaryExcerpt {
                    source: "002.txt".into(),
                    text: "la journée régionale de l’IAE (Insertion par l’Activité Economique)"
                        .into(),
                },
                GlossaryExcerpt {
                    source: "001.txt".into(),
                    text: "l’insertion par l’activité économique (IAE), qui favorise l’insertion professionnelle".into(),
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn an_entry_says_only_what_its_excerpts_hold() {
        assert!(check(&[entry()]).is_empty());
        let mut e = entry();
        e.expansion = Some("Insertion par l'Économie".into());
        e.definition = Some("une politique publique".into());
        e.excerpts[1].source.clear();
        e.forms.push("IAE (Insertion".into());
        let problems = check(&[e, entry()]);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "entries[0].excerpts[1].source",
                "entries[0].expansion",
                "entries[0].definition",
                "entries[1].id"
            ]
        );
        assert!(
            problems[1].message.contains("à côté"),
            "{}",
            problems[1].message
        );
    }

    #[test]
    fn no_source_no_entry() {
        let mut e = entry();
        e.excerpts.clear();
        e.expansion = None;
        e.forms.clear();
        e.definition = None;
        let p = check(&[e]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].message, s::GLOSSARY_NO_SOURCE);
        // A term is found as a whole word only: "CPME" is not "PME".
        let mut e = entry();
        e.term = "PME".into();
        e.expansion = None;
        e.excerpts = vec![GlossaryExcerpt {
            source: "002.txt".into(),
            text: "La Confédération des Petites et Moyennes Entreprises (CPME Réunion)".into(),
        }];
        e.forms.clear();
        e.definition = None;
        assert_eq!(check(&[e])[0].path, "entries[0].excerpts");
    }

    #[test]
    fn a_broken_file_or_entry() {
        let err = load_json("{\"entries\": [").unwrap_err();
        assert!(err.message.starts_with(s::ERR_GLOSSARY));
        let text = "{\"entries\": [{\"id\": \"X\", \"term\": \"a\", \"kind\": \"term\", \"excerpts\": [{\"source\": \"f\", \"text\": \"un a\"}]}]}";
        let (entries, problems) = load_json(text).unwrap();
        assert!(entries.is_empty());
        assert_eq!(problems[0].position.map(|p| p.line), Some(1));
    }
}
