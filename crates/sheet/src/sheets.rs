//! What the two writers ([`crate::xlsx`], [`crate::ods`]) do alike, from
//! the layout: each column's width and drop-down list, and the help sheet's
//! lines.

use crate::layout::{self, Column, Kind, Rows, SHEETS};

/// Empty rows below the data that still get the drop-down lists, for the
/// records an editor adds.
pub const ROOM: u32 = 1000;

/// The rows of a vocabulary sheet a drop-down list offers (its header
/// excluded): room for every region and many more themes than there are.
pub const VOCABULARY_ROWS: u32 = 200;

/// Where a column's drop-down list takes its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Values(&'static [&'static str]),
    /// A column of a vocabulary sheet (0-based column).
    Range {
        sheet: &'static str,
        column: usize,
    },
}

/// The drop-down list of a column, if it has one.
pub fn list(column: &Column) -> Option<List> {
    match column.kind {
        Kind::Choice(values) => Some(List::Values(values)),
        Kind::Precision => Some(List::Values(layout::PRECISIONS)),
        Kind::Theme => Some(List::Range {
            sheet: SHEETS[layout::vocabulary_sheet("themes")].name,
            column: 0,
        }),
        // The code column of "Régions" itself is not offered its own list.
        Kind::Region if column.path != Some("code") => Some(List::Range {
            sheet: SHEETS[layout::vocabulary_sheet("regions")].name,
            column: 0,
        }),
        _ => None,
    }
}

/// What the spreadsheet says of a value not in the list.
pub fn list_message(column: &Column) -> String {
    match column.kind {
        Kind::Theme => "Choisissez l'identifiant d'un thème de la feuille Thèmes.".into(),
        Kind::Region => "Choisissez un code de la feuille Régions.".into(),
        _ => "Choisissez une valeur de la liste.".into(),
    }
}

/// A column's width, in characters.
pub fn width(column: &Column) -> f64 {
    let base: f64 = match column.kind {
        Kind::Id | Kind::Record => 34.0,
        Kind::Date | Kind::Precision => 16.0,
        Kind::Time | Kind::Region | Kind::Number => 10.0,
        Kind::Theme | Kind::Choice(_) => 20.0,
        Kind::Words => 26.0,
        Kind::Text => 40.0,
    };
    base.max(column.header.chars().count() as f64 + 2.0)
}

/// The help sheet's columns: title and width.
pub const HELP_COLUMNS: [(&str, f64); 4] = [
    ("feuille", 20.0),
    ("colonne", 28.0),
    ("obligatoire", 12.0),
    ("aide", 100.0),
];

/// The help sheet: a line a column of every sheet, from the layout and the
/// schema's descriptions.
pub fn help_rows() -> Vec<[String; 4]> {
    let mut out = Vec::new();
    for sheet in SHEETS {
        let what = match sheet.rows {
            Rows::Records(_) => "une fiche par ligne",
            Rows::List { .. } => {
                "une ligne par élément, reliée à sa fiche par la colonne « fiche »"
            }
            Rows::Vocabulary(_) => "le vocabulaire, une entrée par ligne",
        };
        out.push([
            sheet.name.to_string(),
            String::new(),
            String::new(),
            what.to_string(),
        ]);
        for column in sheet.columns {
            out.push([
                sheet.name.to_string(),
                column.header.to_string(),
                if column.required { "oui" } else { "" }.to_string(),
                crate::help::text(sheet, column),
            ]);
        }
    }
    out
}
