//! The results for a spreadsheet: RFC 4180 with `;` between fields, as
//! French Excel and LibreOffice split a file into columns (their list
//! separator is `;`, since `,` is the decimal mark), UTF-8 with a byte-order
//! mark, without which Excel reads the accents as Windows-1252. Rows end
//! with CRLF; a field holding `;`, a quote or a line break is quoted, its
//! quotes doubled, so it survives whole.
//!
//! A cell that a spreadsheet would run as a formula (one starting with `=`,
//! `+`, `-`, `@`, or a tab or carriage return that some strip before
//! looking) gets a leading `'`, as OWASP advises against CSV injection: an
//! editor's text must never become a command on a visitor's machine.

use crate::data::catalog::{Catalog, RecordRef};
use crate::data::date::{Precision, When};
use crate::export::record_page;
use crate::wording::phrase;
use crate::wording::say as s;

pub const SEPARATOR: char = ';';
const BOM: char = '\u{FEFF}';

/// The byte-order mark and the header row.
pub fn header() -> String {
    let mut out = String::new();
    out.push(BOM);
    line(&mut out, s::CSV_COLUMNS().iter().copied());
    out
}

fn line<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (k, f) in fields.into_iter().enumerate() {
        if k > 0 {
            out.push(SEPARATOR);
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would read a cell starting this way as a formula.
fn formula_like(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Appends one field: neutralised if it looks like a formula, quoted if it
/// holds the separator, a quote or a line break.
pub fn field(out: &mut String, value: &str) {
    let neutral = formula_like(value);
    if neutral || value.contains([SEPARATOR, '"', '\n', '\r']) {
        out.push('"');
        if neutral {
            out.push('\'');
        }
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The precision of a date, in the words of the column.
fn precision(date: Option<&When>) -> &'static str {
    match date {
        Some(When::On(d)) => match d.precision() {
            Precision::Day => s::PRECISION_DAY(),
            Precision::Month => s::PRECISION_MONTH(),
            Precision::Year => s::PRECISION_YEAR(),
        },
        Some(When::Between(..)) => s::PRECISION_INTERVAL(),
        None => s::PRECISION_NONE(),
    }
}

/// Record `i`'s row, in the columns of [`header`].
pub fn row(catalog: &Catalog, i: usize, base: Option<&str>) -> String {
    let entry = &catalog.entries[i];
    let record = catalog.record(i);
    let (badge, kind, date, place) = match record {
        RecordRef::Agreement(a) => (s::BADGE_AGREEMENT(), &a.kind, &a.date, a.place.as_ref()),
        RecordRef::Event(e) => (s::BADGE_EVENT(), &e.kind, &e.date, e.place.as_ref()),
    };
    let iso = entry.date.map(|d| d.to_string()).unwrap_or_default();
    let time = match record {
        RecordRef::Event(e) => e.time.as_ref().map_or_else(String::new, |t| match &t.end {
            Some(end) => format!("{}-{end}", t.start),
            None => t.start.clone(),
        }),
        RecordRef::Agreement(_) => String::new(),
    };
    let place = place.map_or_else(String::new, |p| phrase::place_label(p, catalog));
    let themes: Vec<&str> = entry
        .themes
        .iter()
        .map(|t| catalog.theme_label(t).unwrap_or(t))
        .collect();
    let actors = match record {
        RecordRef::Agreement(a) => a
            .parties
            .iter()
            .map(|p| match &p.acronym {
                Some(acr) => format!("{} ({acr})", p.name),
                None => p.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        RecordRef::Event(e) => e.organiser.clone().unwrap_or_default(),
    };
    let mut out = String::new();
    line(
        &mut out,
        [
            badge,
            &entry.id,
            &entry.title,
            &phrase::capitalised(kind),
            &phrase::date_label(date),
            &iso,
            precision(entry.date.as_ref()),
            date.text.as_deref().unwrap_or(""),
            &time,
            &place,
            &phrase::territory_label(&entry.territory, catalog),
            &themes.join(", "),
            &actors,
            &record_page(base, &entry.id),
        ],
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;

    fn one(value: &str) -> String {
        let mut out = String::new();
        field(&mut out, value);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(one("Saint-André"), "Saint-André");
        assert_eq!(one(""), "");
        assert_eq!(one("a;b"), "\"a;b\"");
        assert_eq!(one("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(one("ligne\nsuivante"), "\"ligne\nsuivante\"");
        assert_eq!(one("ligne\r\nsuivante"), "\"ligne\r\nsuivante\"");
        // A comma is no separator here: French spreadsheets split on `;`.
        assert_eq!(one("Paris, Limay"), "Paris, Limay");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(one("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
        assert_eq!(one("+33 1 23"), "\"'+33 1 23\"");
        assert_eq!(one("-2+3"), "\"'-2+3\"");
        assert_eq!(one("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(one("\t=1"), "\"'\t=1\"");
        assert_eq!(one("=\"x\";y"), "\"'=\"\"x\"\";y\"");
        // Only at the start: inside a cell these are plain text.
        assert_eq!(one("a=b"), "a=b");
        assert_eq!(one("2019-11-21"), "2019-11-21");
    }

    #[test]
    fn the_header_opens_with_a_byte_order_mark_and_names_every_column() {
        let h = header();
        assert!(h.starts_with('\u{FEFF}'));
        assert!(h.ends_with("\r\n"));
        assert_eq!(
            h.trim_start_matches('\u{FEFF}')
                .trim_end()
                .split(';')
                .count(),
            s::CSV_COLUMNS().len()
        );
        assert_eq!(&h.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
    }

    #[test]
    fn a_row_holds_the_useful_columns() {
        let catalog = load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog;
        let i = catalog
            .position("ev-2015-11-17-seminaire-iae-paris")
            .unwrap();
        let row = row(&catalog, i, Some("https://example.org/p/"));
        assert!(row.ends_with("\r\n"));
        let fields: Vec<&str> = row.trim_end().split(';').collect();
        assert_eq!(fields.len(), s::CSV_COLUMNS().len(), "{row}");
        assert_eq!(fields[0], "Événement");
        assert_eq!(fields[1], "ev-2015-11-17-seminaire-iae-paris");
        assert_eq!(fields[4], "17 novembre 2015");
        assert_eq!(fields[5], "2015-11-17");
        assert_eq!(fields[6], "jour");
        assert_eq!(fields[8], "09:00-13:00");
        assert_eq!(fields[10], "Île-de-France");
        assert_eq!(fields[11], "Insertion et IAE");
        assert_eq!(
            fields[13],
            "https://example.org/p/fiches/ev-2015-11-17-seminaire-iae-paris/"
        );
        let j = catalog.position("ag-2019-cpme-reunion-ursiae").unwrap();
        let row = super::row(&catalog, j, None);
        assert!(
            row.contains(
                "Confédération des Petites et Moyennes Entreprises de La Réunion (CPME Réunion), "
            ),
            "{row}"
        );
        assert!(row
            .trim_end()
            .ends_with(";fiches/ag-2019-cpme-reunion-ursiae/"));
        let p = catalog
            .position("ag-2015-prefecture-idf-cgpme-idf")
            .unwrap();
        let row = super::row(&catalog, p, None);
        let fields: Vec<&str> = row.trim_end().split(';').collect();
        assert_eq!(
            fields[4..8],
            [
                "au plus tard le 10 juillet 2015",
                "../2015-07-10",
                "intervalle",
                "Publié le 10 juillet 2015"
            ]
        );
        let k = catalog.position("ag-cpme-paris-idf-udes-idf").unwrap();
        let row = super::row(&catalog, k, None);
        assert!(
            row.contains(";;inconnue;"),
            "no ISO date, precision unknown: {row}"
        );
    }
}
