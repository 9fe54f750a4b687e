//! What a file is, from its bytes: a workbook (ODS, XLSX), one protected by
//! a password, the old binary Excel format, or something else. Calamine's
//! own error for these says only that a zip or an XML part is broken; an
//! editor needs to hear "this workbook has a password: save it without",
//! and the editors' page needs to tell a workbook from a CSV sheet or a
//! JSON file however the file is named. Read by [`crate::read::workbook`]
//! (the command line) and the editors' page alike.

use std::io::{Cursor, Read};

/// What the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// No byte at all.
    Empty,
    Ods,
    Xlsx,
    /// A workbook protected by a password: an XLSX or ODS whose parts are
    /// encrypted (Excel and LibreOffice write an encrypted XLSX as a
    /// compound file holding an `EncryptedPackage`; an encrypted ODS is a
    /// zip whose manifest lists `encryption-data`).
    Encrypted,
    /// A compound file holding a `Workbook`: Excel 97–2003 (.xls).
    OldExcel,
    /// Another binary file: a zip or a compound file of something else (a
    /// text document), an image, a PDF.
    OtherBinary,
    /// Text: a CSV sheet or a JSON file (which the caller tells apart).
    Text,
}

const ZIP: &[u8] = b"PK\x03\x04";
const COMPOUND: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The most a manifest or a mimetype is read of, whatever the zip says.
const SMALL_PART: u64 = 1 << 20;

/// What `bytes` are.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if bytes.starts_with(ZIP) {
        return zip(bytes);
    }
    if bytes.starts_with(COMPOUND) {
        // Stream names are UTF-16 in the compound file's directory.
        return if contains(bytes, &utf16("EncryptedPackage")) {
            Sniffed::Encrypted
        } else if contains(bytes, &utf16("Workbook")) || contains(bytes, &utf16("Book")) {
            Sniffed::OldExcel
        } else {
            Sniffed::OtherBinary
        };
    }
    if is_text(bytes) {
        Sniffed::Text
    } else {
        Sniffed::OtherBinary
    }
}

fn zip(bytes: &[u8]) -> Sniffed {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // A zip's start and no directory: damaged, or not a zip at all.
        return Sniffed::OtherBinary;
    };
    let mut small = |name: &str| -> Option<String> {
        let part = archive.by_name(name).ok()?;
        let mut text = String::new();
        part.take(SMALL_PART).read_to_string(&mut text).ok()?;
        Some(text)
    };
    if let Some(mime) = small("mimetype") {
        if mime.trim() != "application/vnd.oasis.opendocument.spreadsheet" {
            return Sniffed::OtherBinary;
        }
        return match small("META-INF/manifest.xml") {
            Some(manifest) if manifest.contains("encryption-data") => Sniffed::Encrypted,
            _ => Sniffed::Ods,
        };
    }
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return Sniffed::Xlsx;
    }
    Sniffed::OtherBinary
}

fn utf16(name: &str) -> Vec<u8> {
    name.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Text in UTF-8, Windows-1252 or UTF-16 (with its byte order mark): no
/// NUL byte and few control characters in its first kilobytes, as any
/// CSV or JSON file a spreadsheet or an editor saves.
fn is_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    !head.contains(&0) && control * 100 <= head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        for (name, text) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, text.as_bytes()).unwrap();
        }
        w.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn workbooks_are_told_by_their_parts() {
        let data = include_str!("../../../data/passerelles.json");
        for (format, sniffed) in [
            (crate::Format::Ods, Sniffed::Ods),
            (crate::Format::Xlsx, Sniffed::Xlsx),
        ] {
            let (bytes, _) = crate::export(data, format).unwrap();
            assert_eq!(sniff(&bytes), sniffed);
        }
        let ods = |manifest: &str| {
            zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                ("META-INF/manifest.xml", manifest),
            ])
        };
        assert_eq!(
            sniff(&ods(
                "<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>"
            )),
            Sniffed::Encrypted
        );
        assert_eq!(sniff(&ods("<manifest:file-entry/>")), Sniffed::Ods);
        let text_document = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text")]);
        assert_eq!(sniff(&text_document), Sniffed::OtherBinary);
        let word = zip_of(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", ""),
        ]);
        assert_eq!(sniff(&word), Sniffed::OtherBinary);
    }

    #[test]
    fn compound_files_say_what_they_hold() {
        let compound = |stream: &str| {
            let mut bytes = COMPOUND.to_vec();
            bytes.extend_from_slice(&[0; 64]);
            bytes.extend(utf16(stream));
            bytes
        };
        assert_eq!(sniff(&compound("EncryptedPackage")), Sniffed::Encrypted);
        assert_eq!(sniff(&compound("Workbook")), Sniffed::OldExcel);
        assert_eq!(sniff(&compound("WordDocument")), Sniffed::OtherBinary);
    }

    #[test]
    fn text_is_told_from_other_bytes() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(
            sniff(b"identifiant;titre\r\nag-1;Un titre\r\n"),
            Sniffed::Text
        );
        assert_eq!(sniff("{\"regions\": []}".as_bytes()), Sniffed::Text);
        assert_eq!(sniff(b"titre;\xe9v\xe9nement\n"), Sniffed::Text);
        assert_eq!(sniff(&[0xFF, 0xFE, b'{', 0]), Sniffed::Text);
        assert_eq!(sniff(b"%PDF-1.7\n\x00\x01\x02"), Sniffed::OtherBinary);
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Sniffed::OtherBinary
        );
        assert_eq!(sniff(b"PK\x03\x04not really a zip"), Sniffed::OtherBinary);
    }
}
