//! What the two writers ([`crate::xlsx`], [`crate::ods`]) do alike, from
//! the layout: each column's width and drop-down list, and the help sheet's
//! lines.

use crate::grid::Cell;
use crate::layout::{self, Column, Kind, Rows, SHEETS};

/// Empty rows below the data that still get the drop-down lists, for the
/// records an editor adds.
pub const ROOM: u32 = 1000;

/// The rows of a vocabulary sheet a drop-down list offers (its header
/// excluded): room for every region and many more themes than there are.
pub const VOCABULARY_ROWS: u32 = 200;

/// Where a column's drop-down list takes its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum List {
    Values(Vec<String>),
    /// A column of a vocabulary sheet (0-based column).
    Range {
        sheet: &'static str,
        column: usize,
    },
}

/// The most characters a list of values may take in all (Excel's limit
/// for a list written in the validation itself).
const LIST_CHARS: usize = 255;

/// The drop-down list of a column, if it has one; `cells` are the column's
/// cells as written (header included), whose values a suggested list offers.
pub fn list<'a>(column: &Column, cells: impl Iterator<Item = &'a Cell>) -> Option<List> {
    let fixed =
        |values: &[&str]| Some(List::Values(values.iter().map(|v| v.to_string()).collect()));
    match column.kind {
        Kind::Choice(values) => fixed(values),
        Kind::Precision => fixed(layout::PRECISIONS),
        Kind::Suggested => {
            let mut seen: Vec<String> = Vec::new();
            for c in cells.skip(1) {
                if let Cell::Text(t) = c {
                    if !seen.contains(t) && !t.contains([',', '"']) {
                        seen.push(t.clone());
                    }
                }
            }
            // Beyond the limit (a dataset of many types), no list rather
            // than a list that would leave some out.
            let chars: usize = seen.iter().map(|v| v.chars().count() + 1).sum();
            (!seen.is_empty() && chars <= LIST_CHARS).then_some(List::Values(seen))
        }
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
        Kind::Suggested => "Cette valeur n'est pas encore dans les données : vérifiez qu'elle ne s'écrit pas déjà autrement.".into(),
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
        Kind::Text | Kind::Suggested => 40.0,
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
