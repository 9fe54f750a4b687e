//! One table as CSV, both ways. Written for publishing (data.gouv.fr,
//! Validata, the Table Schemas of [`crate::tableschema`]): UTF-8, `,`, a
//! header row of the sheet's column names. Read as a spreadsheet saves it:
//! UTF-8 with or without a byte order mark, or Windows-1252 as French Excel
//! and LibreOffice write "CSV" (decided over the whole file: one byte that
//! is not UTF-8, anywhere, makes it Windows-1252), UTF-16 as Excel's
//! "Unicode text"; `;`, `,` or a tab between fields, whichever the header
//! row uses.

use passerelles_core::data::decimal;

use crate::grid::{Cell, Grid};

/// How a CSV file was read, for the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub encoding: &'static str,
    pub delimiter: u8,
}

/// The text of a CSV file's bytes, and the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(bom) {
            let (text, _) = enc.decode_without_bom_handling(&bytes[2..]);
            return (text.into_owned(), enc.name());
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The delimiter the header row uses most, outside quotes.
fn delimiter(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if b == *d {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties (a one-column table) go to `;`, what French spreadsheets write.
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b';'))
        .map_or(b';', |(d, _)| *d)
}

/// Reads one table saved as CSV into a sheet named `name`.
pub fn read(bytes: &[u8], name: &str) -> Result<(Grid, Dialect), String> {
    let (text, encoding) = decode(bytes);
    let delimiter = delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Grid::new(name);
    for record in reader.records() {
        let record = record.map_err(|e| crate::messages::csv_unreadable(&e.to_string()))?;
        let mut row: Vec<Cell> = record
            .iter()
            .map(|f| {
                if f.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(f.to_string())
                }
            })
            .collect();
        while row.last() == Some(&Cell::Empty) {
            row.pop();
        }
        grid.rows.push(row);
    }
    while grid.rows.last().is_some_and(Vec::is_empty) {
        grid.rows.pop();
    }
    Ok((
        grid,
        Dialect {
            encoding,
            delimiter,
        },
    ))
}

/// A sheet's cells as CSV: UTF-8, `,`, every row as wide as the header.
pub fn write(grid: &Grid) -> Vec<u8> {
    let width = grid.rows.first().map_or(0, Vec::len);
    let mut w = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in &grid.rows {
        let fields: Vec<String> = (0..width.max(row.len()))
            .map(|c| match row.get(c) {
                Some(Cell::Text(t)) => t.clone(),
                Some(Cell::Number(n)) => decimal::plain(*n),
                _ => String::new(),
            })
            .collect();
        // Writing to memory cannot fail.
        let _ = w.write_record(&fields);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_and_delimiters() {
        let utf8 = "fiche;nom\nag-1;Économie\n".as_bytes();
        let (g, d) = read(utf8, "Parties").unwrap();
        assert_eq!(
            d,
            Dialect {
                encoding: "UTF-8",
                delimiter: b';'
            }
        );
        assert_eq!(g.rows[1][1], Cell::Text("Économie".into()));
        let bom = [b"\xEF\xBB\xBF".as_slice(), b"fiche,nom\r\nag-1,x\r\n"].concat();
        let (g, d) = read(&bom, "Parties").unwrap();
        assert_eq!((d.encoding, d.delimiter), ("UTF-8", b','));
        assert_eq!(g.rows[0][0], Cell::Text("fiche".into()));
        // Windows-1252 whose only non-ASCII byte comes after the first KB.
        let mut cp = b"fiche;nom\n".to_vec();
        for _ in 0..200 {
            cp.extend_from_slice(b"ag-1;plain\n");
        }
        cp.extend_from_slice(b"ag-2;\xC9conomie \x80\n");
        let (g, d) = read(&cp, "Parties").unwrap();
        assert_eq!(d.encoding, "Windows-1252");
        assert_eq!(g.rows.last().unwrap()[1], Cell::Text("Économie €".into()));
        let quoted = "fiche;texte\nag-1;\"un; deux\"\"\n trois\"\n";
        let (g, _) = read(quoted.as_bytes(), "Extraits").unwrap();
        assert_eq!(g.rows[1][1], Cell::Text("un; deux\"\n trois".into()));
    }
}
