//! A workbook as plain cells: what every reader produces (calamine for ODS
//! and XLSX, the CSV reader) and every writer consumes, so that reading and
//! checking are one code whatever the file's format.

/// A cell as a spreadsheet stores it: what the editor typed may have become
/// a number or a date there, and the reader must say so rather than guess.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A spreadsheet date or time, as a serial number of days since
    /// 1899-12-30 (the epoch both Excel, after 1900-03-01, and LibreOffice
    /// use), a fraction being the time of day.
    Date(f64),
    /// An ISO 8601 date or date-time an ODS file stores as such
    /// (`2019-11-21`, `2019-11-21T09:00:00`).
    IsoDate(String),
    /// An ISO 8601 duration an ODS file stores a time of day as (`PT09H00M00S`).
    Duration(String),
    Bool(bool),
    /// An error value (`#N/A`, `#DIV/0!`).
    Error(String),
}

impl Cell {
    /// Nothing an editor would see: no value, or only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: its name and its rows, each as its cells from column A. Row
/// `i` of `rows` is the spreadsheet's row `i + 1`: readers pad what lies
/// before the first cell used, so a row number is the one the editor sees.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn new(name: &str) -> Grid {
        Grid {
            name: name.to_string(),
            rows: Vec::new(),
        }
    }

    /// The cell at a 1-based row and a 0-based column, empty beyond the data.
    pub fn cell(&self, row: u32, col: usize) -> &Cell {
        row.checked_sub(1)
            .and_then(|r| self.rows.get(r as usize))
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }
}

/// A workbook: its sheets in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    pub sheets: Vec<Grid>,
}

impl Book {
    pub fn sheet(&self, name: &str) -> Option<&Grid> {
        self.sheets.iter().find(|s| s.name == name)
    }
}
