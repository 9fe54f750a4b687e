//! A workbook's bytes (ODS or XLSX, whichever they are) read with calamine
//! into plain cells ([`crate::grid`]), each as the spreadsheet stored it:
//! text, number, date, error. What the cells mean is
//! [`crate::assemble`]'s business.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xlsx};
use passerelles_core::data::date::day_number;

use crate::grid::{Book, Cell, Grid};
use crate::messages as m;
use crate::sniff::{sniff, Sniffed};

/// Serial day of 1970-01-01 in the spreadsheets' 1900 date system.
const UNIX_EPOCH_SERIAL: f64 = 25_569.0;

/// The most cells a workbook may have, all sheets together: far beyond a
/// dataset of 100,000 records, and a bound on what a hostile file (a
/// declared range of a billion cells) can make this allocate.
pub const MAX_CELLS: usize = 50_000_000;

/// Reads an ODS or XLSX workbook; the error is said in French.
pub fn workbook(bytes: &[u8]) -> Result<Book, String> {
    workbook_with(bytes, &mut |_, _| {})
}

/// [`workbook`], calling `progress(done, total)` as each sheet is read: a
/// large workbook takes seconds in a browser, whose page shows how far.
pub fn workbook_with(bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Result<Book, String> {
    // Calamine would only say that a zip or an XML part is broken. Each
    // format's own reader, not calamine's guess among all it knows: the
    // old binary formats' readers (and their code pages' tables) stay out
    // of the browser's module.
    let bytes = Cursor::new(bytes);
    match sniff(bytes.get_ref()) {
        Sniffed::Encrypted => Err(m::ENCRYPTED_WORKBOOK.to_string()),
        Sniffed::OldExcel => Err(m::OLD_EXCEL.to_string()),
        Sniffed::Ods => sheets(Ods::new(bytes), progress),
        Sniffed::Xlsx => sheets(Xlsx::new(bytes), progress),
        _ => Err(m::unreadable_workbook(m::NOT_A_WORKBOOK)),
    }
}

/// Every sheet of a workbook opened by its format's reader, as cells.
fn sheets<'a, R: Reader<Cursor<&'a [u8]>>>(
    opened: Result<R, R::Error>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Book, String>
where
    R::Error: std::fmt::Display,
{
    let mut sheets = opened.map_err(|e| m::unreadable_workbook(&e.to_string()))?;
    let mut book = Book::default();
    let mut cells = 0usize;
    let names = sheets.sheet_names();
    let total = names.len();
    progress(0, total);
    for (done, name) in names.into_iter().enumerate() {
        let range = sheets
            .worksheet_range(&name)
            .map_err(|e| m::unreadable_workbook(&format!("{name} : {e}")))?;
        let mut grid = Grid::new(&name);
        if let Some((r0, c0)) = range.start() {
            let (height, width) = range.get_size();
            cells =
                cells.saturating_add((r0 as usize + height).saturating_mul(c0 as usize + width));
            if cells > MAX_CELLS {
                return Err(m::unreadable_workbook("plus de 50 millions de cellules"));
            }
            // Rows and columns before the first cell used are padded, so a
            // row's number is the one the spreadsheet shows.
            grid.rows = vec![Vec::new(); r0 as usize];
            for row in range.rows() {
                let mut out = vec![Cell::Empty; c0 as usize];
                out.extend(row.iter().map(cell));
                while out.last() == Some(&Cell::Empty) {
                    out.pop();
                }
                grid.rows.push(out);
            }
        }
        while grid.rows.last().is_some_and(Vec::is_empty) {
            grid.rows.pop();
        }
        book.sheets.push(grid);
        progress(done + 1, total);
    }
    Ok(book)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_duration() => Cell::Date(dt.as_f64()),
        Data::DateTime(dt) => {
            // Through the calendar, so a workbook of the 1904 date system
            // gives the same serials as one of 1900.
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            let day = f64::from(day_number(i32::from(y), mo, d)) + UNIX_EPOCH_SERIAL;
            let secs = f64::from(h) * 3600.0
                + f64::from(mi) * 60.0
                + f64::from(s)
                + f64::from(ms) / 1000.0;
            Cell::Date(day + secs / 86_400.0)
        }
        Data::DateTimeIso(s) => Cell::IsoDate(s.clone()),
        Data::DurationIso(s) => Cell::Duration(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}
