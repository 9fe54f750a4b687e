//! What `cargo run --bin workbook` does with files: the sheet crate
//! (`passerelles_sheet`) takes and returns bytes; this reads and writes
//! them, prints its messages and says how the run ends. An import writes
//! its JSON only when there is no error, through a temporary file renamed
//! into place, so a failed or interrupted run never leaves a half-written
//! or lossy data file.

use std::path::{Path, PathBuf};

use passerelles_sheet as sheet;
use passerelles_sheet::{Format, Import, Level};

use crate::tools::report;

/// How a run ended, and what it prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// 0 done, 1 refused (errors), 2 wrong call.
    pub code: i32,
    /// For standard output (success) or standard error (failure).
    pub text: String,
}

fn done(text: String) -> Outcome {
    Outcome { code: 0, text }
}

fn failed(text: String) -> Outcome {
    Outcome { code: 1, text }
}

/// Writes `bytes` to `path` whole or not at all.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn read(path: &Path) -> Result<Vec<u8>, Outcome> {
    std::fs::read(path).map_err(|e| {
        failed(format!(
            "{} : {}\n",
            path.display(),
            passerelles_core::data::messages::unreadable_file(&e.to_string())
        ))
    })
}

fn read_text(path: &Path) -> Result<String, Outcome> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|_| {
        failed(format!(
            "{} : {}\n",
            path.display(),
            passerelles_core::data::messages::NOT_UTF8
        ))
    })
}

fn refused(source: &Path, why: &[String]) -> Outcome {
    let mut text = format!("{} : aucun classeur écrit :\n", source.display());
    for w in why {
        text.push_str(&format!("  {w}\n"));
    }
    failed(text)
}

fn notes(text: &mut String, notes: &[String]) {
    for n in notes {
        text.push_str(&format!("  note : {n}\n"));
    }
}

/// `export FILE.json --out FILE.ods|FILE.xlsx`
pub fn export(source: &Path, out: &Path) -> Outcome {
    let Some(format) = Format::of(&out.to_string_lossy()) else {
        return Outcome {
            code: 2,
            text: format!("{} : le classeur s'écrit en .ods ou .xlsx\n", out.display()),
        };
    };
    let json = match read_text(source) {
        Ok(j) => j,
        Err(o) => return o,
    };
    match sheet::export(&json, format) {
        Err(sheet::Refused(why)) => refused(source, &why),
        Ok((bytes, n)) => {
            if let Err(e) = write_atomic(out, &bytes) {
                return failed(format!("{} : {e}\n", out.display()));
            }
            let mut text = format!("{} écrit depuis {}.\n", out.display(), source.display());
            notes(&mut text, &n);
            done(text)
        }
    }
}

/// `export FILE.json --csv DIR`: one CSV a table.
pub fn export_csv(source: &Path, dir: &Path) -> Outcome {
    let json = match read_text(source) {
        Ok(j) => j,
        Err(o) => return o,
    };
    match sheet::export_csv(&json) {
        Err(sheet::Refused(why)) => refused(source, &why),
        Ok((files, n)) => {
            for (name, bytes) in &files {
                let path = dir.join(name);
                if let Err(e) = write_atomic(&path, bytes) {
                    return failed(format!("{} : {e}\n", path.display()));
                }
            }
            let mut text = format!(
                "{} : {} tables CSV écrites depuis {}.\n",
                dir.display(),
                files.len(),
                source.display()
            );
            notes(&mut text, &n);
            done(text)
        }
    }
}

/// Where an import reads from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An ODS or XLSX workbook.
    Workbook(PathBuf),
    /// One sheet saved as CSV; the other tables come from `base`.
    Csv {
        file: PathBuf,
        sheet: String,
        base: PathBuf,
    },
    /// A folder of CSV tables, as `export --csv` writes them.
    Folder(PathBuf),
}

/// `import INPUT --out FILE.json`
pub fn import(input: &Input, out: &Path) -> Outcome {
    let (name, result, dialect) = match input {
        Input::Workbook(path) => match read(path) {
            Ok(bytes) => (path.display().to_string(), sheet::import(&bytes), None),
            Err(o) => return o,
        },
        Input::Csv {
            file,
            sheet: s,
            base,
        } => {
            let bytes = match read(file) {
                Ok(b) => b,
                Err(o) => return o,
            };
            let base_json = match read_text(base) {
                Ok(j) => j,
                Err(o) => return o,
            };
            let (r, d) = sheet::import_csv(&bytes, s, &base_json);
            (file.display().to_string(), r, d)
        }
        Input::Folder(dir) => {
            let mut files = Vec::new();
            let entries = match std::fs::read_dir(dir) {
                Ok(e) => e,
                Err(e) => return failed(format!("{} : {e}\n", dir.display())),
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".csv") {
                    match read(&entry.path()) {
                        Ok(bytes) => files.push((name, bytes)),
                        Err(o) => return o,
                    }
                }
            }
            (
                dir.display().to_string(),
                sheet::import_csv_tables(&files),
                None,
            )
        }
    };
    let mut text = String::new();
    if let Some(d) = dialect {
        let sep = match d.delimiter {
            b'\t' => "tabulation".to_string(),
            b => format!("« {} »", b as char),
        };
        text.push_str(&format!(
            "{name} : CSV lu en {}, séparateur {sep}.\n",
            d.encoding
        ));
    }
    text.push_str(&messages(&name, &result));
    match &result.json {
        Some(json) => {
            if let Err(e) = write_atomic(out, json.as_bytes()) {
                return failed(format!("{text}{} : {e}\n", out.display()));
            }
            // The validator's summary, of the file as written.
            let r = report::check(&out.display().to_string(), json.as_bytes());
            text.push_str(&r.text);
            done(text)
        }
        None => failed(text),
    }
}

/// Every message (errors, then warnings, each in workbook order) and a
/// summary line.
pub fn messages(name: &str, import: &Import) -> String {
    let mut text = String::new();
    for (level, title) in [
        (Level::Error, "Erreurs"),
        (Level::Warning, "Avertissements"),
    ] {
        let of: Vec<String> = import
            .messages
            .iter()
            .filter(|m| m.level == level)
            .map(ToString::to_string)
            .collect();
        if !of.is_empty() {
            text.push_str(&format!("{title} ({}) :\n", of.len()));
            for m in of {
                text.push_str(&format!("  {m}\n"));
            }
        }
    }
    let (e, w) = (import.errors(), import.warnings());
    let plural = |n: usize, word: &str| {
        if n > 1 {
            format!("{n} {word}s")
        } else {
            format!("{n} {word}")
        }
    };
    let c = &import.catalog;
    let records = c.agreements.len() + c.events.len();
    if import.json.is_some() {
        text.push_str(&format!(
            "{name} : {} lues ({}, {}), {} : fichier écrit.\n",
            plural(records, "fiche"),
            plural(c.agreements.len(), "accord"),
            plural(c.events.len(), "événement"),
            plural(w, "avertissement"),
        ));
    } else {
        text.push_str(&format!(
            "{name} : {}, {} : aucun fichier écrit, rien n'est changé.\n",
            plural(e, "erreur"),
            plural(w, "avertissement"),
        ));
    }
    text
}

/// `fmt FILE.json [--check]`: the canonical layout of a data file, the one
/// an import writes.
pub fn fmt(file: &Path, check: bool) -> Outcome {
    let json = match read_text(file) {
        Ok(j) => j,
        Err(o) => return o,
    };
    match sheet::canonical(&json) {
        Err(sheet::Refused(why)) => refused(file, &why),
        Ok(text) if text == json => done(format!("{} : déjà à la mise en page canonique.\n", file.display())),
        Ok(_) if check => failed(format!(
            "{} : pas à la mise en page canonique ; écrivez-la avec cargo run -p passerelles-build --bin workbook -- fmt {}\n",
            file.display(),
            file.display()
        )),
        Ok(text) => match write_atomic(file, text.as_bytes()) {
            Ok(()) => done(format!("{} : réécrit à la mise en page canonique.\n", file.display())),
            Err(e) => failed(format!("{} : {e}\n", file.display())),
        },
    }
}

/// `tableschema DIR`: the Data Package and the Table Schemas, from the layout.
pub fn tableschema(dir: &Path) -> Outcome {
    let files = sheet::tableschema::files();
    for (path, text) in &files {
        let p = dir.join(path);
        if let Err(e) = write_atomic(&p, text.as_bytes()) {
            return failed(format!("{} : {e}\n", p.display()));
        }
    }
    done(format!(
        "{} : {} fichiers écrits.\n",
        dir.display(),
        files.len()
    ))
}
