//! What `cargo run --bin validate` prints: every problem of a data file with
//! its line and column, or, when there is none, a summary of what the file
//! holds. It reads the file's bytes through the page's own loader
//! ([`passerelles_core::data::catalog::load_bytes`]), so the validator and the page can
//! never disagree about what is wrong, down to the file's encoding.

use std::collections::BTreeMap;

use passerelles_core::data::catalog::{load_bytes, Catalog};
use passerelles_core::data::date::{Precision, When};
use passerelles_core::data::messages as s;
use passerelles_core::data::span::Position;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// No problem at all: the validator exits 0.
    pub ok: bool,
    pub text: String,
}

/// Checks a data file's bytes; `file` is how the report names it.
pub fn check(file: &str, bytes: &[u8]) -> Report {
    match load_bytes(bytes) {
        Err(e) => unusable(file, &e),
        Ok(loaded) if loaded.problems.is_empty() => Report {
            ok: true,
            text: format!("{}\n{}", s::report_ok(file), summary(&loaded.catalog)),
        },
        Ok(loaded) => problems_found(file, loaded.problems),
    }
}

/// Whether a data file is a glossary (`{"entries": […]}`) rather than a dataset.
pub fn is_glossary(bytes: &[u8]) -> bool {
    serde_json::from_slice::<std::collections::HashMap<String, serde::de::IgnoredAny>>(bytes)
        .is_ok_and(|top| top.contains_key("entries") && !top.contains_key("regions"))
}

/// Checks a glossary file's bytes (data/glossary.json).
pub fn check_glossary(file: &str, bytes: &[u8]) -> Report {
    let text = String::from_utf8_lossy(bytes);
    match passerelles_core::data::glossary::load_json(&text) {
        Err(e) => unusable(file, &e),
        Ok((entries, problems)) if problems.is_empty() => Report {
            ok: true,
            text: format!(
                "{}\n  {}\n",
                s::report_ok(file),
                s::glossary_entries(entries.len())
            ),
        },
        Ok((_, problems)) => problems_found(file, problems),
    }
}

/// A file that cannot be used at all, with where it stops making sense.
fn unusable(file: &str, e: &passerelles_core::data::error::LoadError) -> Report {
    let at = e
        .line
        .zip(e.column)
        .map(|(line, column)| Position { line, column });
    failure(file, &[line(file, at, None, &e.message, None)])
}

/// A file read, with its problems: each on its line, in file order, as an
/// editor fixes them.
fn problems_found(
    file: &str,
    mut problems: Vec<passerelles_core::data::validate::Problem>,
) -> Report {
    problems.sort_by_key(|p| p.position);
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            line(
                file,
                p.position,
                p.record.as_deref(),
                &p.message,
                Some(&p.path),
            )
        })
        .collect();
    failure(file, &lines)
}

/// A file that could not even be read from disk.
pub fn unreadable(file: &str, e: &std::io::Error) -> Report {
    let detail = if e.kind() == std::io::ErrorKind::NotFound {
        s::FILE_NOT_FOUND.to_string()
    } else {
        e.to_string()
    };
    failure(file, &[format!("{file}: {}", s::unreadable_file(&detail))])
}

/// `file:line:column: record : message (path)`, the form terminals and
/// editors turn into a link to the place.
fn line(
    file: &str,
    at: Option<Position>,
    record: Option<&str>,
    message: &str,
    path: Option<&str>,
) -> String {
    let mut out = match at {
        Some(p) => format!("{file}:{}:{}: ", p.line, p.column),
        None => format!("{file}: "),
    };
    if let Some(id) = record.filter(|id| !id.is_empty()) {
        out.push_str(&format!("{id} : "));
    }
    out.push_str(message);
    if let Some(path) = path {
        out.push_str(&format!(" ({path})"));
    }
    out
}

fn failure(file: &str, lines: &[String]) -> Report {
    let mut text = s::report_problems(file, lines.len());
    for l in lines {
        text.push('\n');
        text.push_str(l);
    }
    text.push('\n');
    Report { ok: false, text }
}

/// Counts by type, territory, theme and date precision, in vocabulary order.
pub fn summary(c: &Catalog) -> String {
    let mut regions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut themes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut precisions = [0usize; 5];
    for e in &c.entries {
        for code in &e.territory {
            *regions.entry(code).or_default() += 1;
        }
        for theme in &e.themes {
            *themes.entry(theme).or_default() += 1;
        }
        precisions[match e.date {
            Some(When::On(d)) => match d.precision() {
                Precision::Day => 0,
                Precision::Month => 1,
                Precision::Year => 2,
            },
            Some(When::Between(..)) => 3,
            None => 4,
        }] += 1;
    }
    let by_region: Vec<String> = c
        .regions
        .iter()
        .filter_map(|r| {
            regions
                .get(r.code.as_str())
                .map(|n| format!("{} ({}) {n}", r.name, r.code))
        })
        .collect();
    let by_theme: Vec<String> = c
        .themes
        .iter()
        .filter_map(|t| themes.get(t.id.as_str()).map(|n| format!("{} {n}", t.id)))
        .collect();
    let by_precision: Vec<String> = [
        s::PRECISION_DAY,
        s::PRECISION_MONTH,
        s::PRECISION_YEAR,
        s::PRECISION_INTERVAL,
        s::PRECISION_UNKNOWN,
    ]
    .iter()
    .zip(precisions)
    .map(|(label, n)| format!("{label} {n}"))
    .collect();
    format!(
        "  {}\n  {} : {}\n  {} : {}\n  {} : {}\n",
        s::report_records(c.entries.len(), c.agreements.len(), c.events.len()),
        s::REPORT_BY_REGION,
        by_region.join(", "),
        s::REPORT_BY_THEME,
        by_theme.join(", "),
        s::REPORT_BY_PRECISION,
        by_precision.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{
  "regions": [{ "code": "FR", "name": "Portée nationale" }, { "code": "04", "name": "La Réunion" }],
  "themes": [{ "id": "emploi", "label": "Emploi", "description": "d" }],
  "agreements": [{
    "id": "a", "title": "T", "kind": "convention", "parties": [{ "name": "P" }],
    "date": { "value": "2019-11" }, "territory": ["04"], "themes": ["emploi"],
    "source": { "file": "f.txt" }, "excerpts": []
  }]
}"#;

    #[test]
    fn a_clean_file_gets_a_summary() {
        let r = check("d.json", OK.as_bytes());
        assert!(r.ok, "{}", r.text);
        assert_eq!(
            r.text,
            "d.json : aucun problème.\n  1 fiches : 1 accords, 0 événements\n  Par territoire : La Réunion (04) 1\n  Par thème : emploi 1\n  Par précision de date : jour 0, mois 1, année 0, intervalle 0, inconnue 0\n"
        );
    }

    #[test]
    fn every_problem_is_listed_with_its_place() {
        let bad = OK
            .replace("\"emploi\"]", "\"emploie\"]")
            .replace("2019-11", "2019-02-30");
        let r = check("d.json", bad.as_bytes());
        assert!(!r.ok);
        assert_eq!(
            r.text,
            "d.json : 2 problèmes à corriger.\nd.json:6:24: a : date 2019-02-30 impossible (agreements[0].date.value)\nd.json:6:72: a : thème \"emploie\" inconnu (vouliez-vous dire \"emploi\" ?) (agreements[0].themes[0])\n"
        );
    }

    #[test]
    fn unreadable_text_says_where() {
        let r = check("d.json", b"{\n  \"regions\": [\xE9]");
        assert_eq!(
            r.text,
            format!(
                "d.json : 1 problème à corriger.\nd.json:2:15: {}\n",
                s::NOT_UTF8
            )
        );
        let r = check("d.json", b"{\n  \"regions\": [,]}");
        assert!(r.text.contains("d.json:2:15: "), "{}", r.text);
        let r = unreadable(
            "x.json",
            &std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert!(!r.ok);
        assert!(r.text.contains(s::FILE_NOT_FOUND));
    }
}
