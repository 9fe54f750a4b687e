//! The editors' page ↔ its worker bridge.
//!
//! The editors' page (`crates/editor`, at `editer/`) reads an editor's file
//! (a workbook, one sheet as CSV, or the JSON itself), checks a record as it
//! is typed, makes the preview's pack and the files to download. All of it
//! runs the workbook crate and the core's validator, which take seconds on a
//! large file: a worker does it (`editor_work`, run by
//! `assets/editor-worker.mjs`), so the page never freezes and a read can be
//! cancelled by ending the worker. The page sends a [`Request`] and the
//! worker answers with [`Reply`]s: progress while it works, then one
//! outcome. Both carry the request's number, so the page drops a reply to a
//! request it has given up (a check superseded by the next keystroke).
//!
//! What the worker says of a file is data, not sentences in the page's
//! language: a refusal is a [`Refusal`] the page words in French or English;
//! the validator's and the workbook's own messages come as they are
//! (French, as the command-line tools say them), each with where it is
//! ([`At`]) and the record and field it is about, so the page can link it to
//! the form.

use super::{begin, read, Refused};
use crate::wire::{Reader, Writer};
use crate::wording::Lang;

/// The bridge's version.
pub const VERSION: u16 = 1;
const REQUEST: [u8; 4] = *b"PEdQ";
const REPLY: [u8; 4] = *b"PEdR";

/// The largest file the page reads: a dataset of 10,000 records is 12 MB
/// of JSON and 2 MB of workbook; past this a file is surely not one (or
/// not one a browser tab should hold twice in memory).
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// The most problems an outcome lists (the total is said): 50,000 problems
/// are read in a second, but a page of 50,000 items is no help.
pub const MAX_PROBLEMS: usize = 500;

/// The most cells of a row a problem shows, and characters of each.
pub const MAX_ROW_CELLS: usize = 40;
pub const MAX_CELL_CHARS: usize = 200;

/// Which list of the data file a record is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Agreements,
    Events,
}

impl List {
    /// The list's key in the data file.
    pub fn key(self) -> &'static str {
        match self {
            List::Agreements => "agreements",
            List::Events => "events",
        }
    }

    pub fn from_key(key: &str) -> Option<List> {
        [List::Agreements, List::Events]
            .into_iter()
            .find(|l| l.key() == key)
    }
}

/// A workbook's format, to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookFormat {
    Ods,
    Xlsx,
}

/// One record put into a dataset: the record's JSON text, the list it goes
/// to, and the id of the record it replaces (none: it is added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub record: String,
    pub list: List,
    pub replaces: Option<String>,
}

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// A file the editor dropped or picked: its name (which says its kind
    /// only when its bytes do not) and its bytes. `base` is the dataset a
    /// single CSV sheet replaces one table of (the file open before, or the
    /// site's own data).
    Read {
        name: String,
        bytes: Vec<u8>,
        base: Option<String>,
    },
    /// The form's record checked in the dataset it would join.
    Check { dataset: String, change: Change },
    /// The form's record put into the dataset: the new dataset, read again.
    Apply { dataset: String, change: Change },
    /// The dataset as the pack the site would show, worded in `lang`, with
    /// the site's glossary when the page could fetch it.
    Preview {
        dataset: String,
        glossary: Option<String>,
        lang: Lang,
    },
    /// The dataset as a workbook.
    Workbook { dataset: String, format: BookFormat },
}

/// A call and its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: u32,
    pub call: Call,
}

/// Where a problem is, as the editor finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The file as a whole.
    File,
    /// A workbook's cell: its sheet, row (0: the sheet) and column's header
    /// (empty: the row).
    Cell {
        sheet: String,
        row: u32,
        column: String,
    },
    /// A place in a JSON text: line and column (1-based; 0 when unknown)
    /// and the JSON path (`agreements[2].date.value`).
    Text {
        line: u32,
        column: u32,
        path: String,
    },
}

/// One problem the validator or the workbook's reader found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// An error (the file cannot be published as it is) or a warning.
    pub error: bool,
    /// The message, as the command-line tools say it (French).
    pub text: String,
    pub at: At,
    /// The record it is about, when it is about one.
    pub record: Option<String>,
    /// The field of that record, as a path inside it (`date.value`,
    /// `themes[0]`, `parties`).
    pub field: Option<String>,
    /// For a workbook's cell: its row, each cell as (column header, text),
    /// at most [`MAX_ROW_CELLS`] of [`MAX_CELL_CHARS`] characters.
    pub row: Vec<(String, String)>,
}

/// The kind of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Json,
    Ods,
    Xlsx,
    Csv,
}

/// A record of the dataset, for the page's list of records to edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub list: List,
    pub id: String,
    pub title: String,
}

/// A vocabulary entry: its code or id, its label, its English label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub key: String,
    pub label: String,
    pub label_en: Option<String>,
}

/// A file read to the end: what the site would be built from, and what is
/// wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub kind: FileKind,
    /// The data file's text (a workbook's assembled JSON).
    pub dataset: String,
    /// The problems, in file order, at most [`MAX_PROBLEMS`].
    pub problems: Vec<Problem>,
    /// Every problem, counted.
    pub errors: u32,
    pub warnings: u32,
    /// Records the site would show, of each list, and those it leaves out.
    pub agreements: u32,
    pub events: u32,
    pub left_out: u32,
    /// Every record of the file, readable or not, in file order.
    pub entries: Vec<Entry>,
    pub regions: Vec<Term>,
    pub themes: Vec<Term>,
    /// The records' kinds in use ("convention de partenariat", "visite").
    pub kinds: Vec<String>,
    /// How the file was read (a CSV's encoding, its sheet), in French.
    pub notes: Vec<String>,
}

/// Why a file was not read: the page says it in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// More than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// No byte at all.
    Empty,
    /// Neither a workbook, a CSV sheet nor a JSON file (an image, a PDF, a
    /// word processor's document).
    NotData,
    /// A workbook protected by a password: its cells cannot be read.
    Encrypted,
    /// A workbook of the old binary Excel format (.xls).
    OldExcel,
    /// A CSV sheet whose table could not be told (its header matches no sheet).
    UnknownSheet,
    /// The file's kind is right but it cannot be used: the reader's message
    /// (French), with where it stopped.
    Broken(Problem),
}

/// What a step of the work is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The workbook's sheets read: `done` of `total`.
    Sheets,
    /// The records checked (the validator, and a workbook's cells).
    Checking,
    /// The preview's pack, or a workbook, written.
    Writing,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Still working: which step, how far (`done` of `total`; 0 of 0 when
    /// it cannot say).
    Progress {
        step: Step,
        done: u32,
        total: u32,
    },
    /// A file read (`Read`), or the dataset after a change (`Apply`).
    Opened(Box<Opened>),
    Refused(Refusal),
    /// The problems of the form's record (`Check`), their fields inside it.
    Checked(Vec<Problem>),
    /// The preview's pack.
    Pack(Vec<u8>),
    /// The workbook's bytes and the export's notes, or why it was refused
    /// (the French messages of `workbook export`).
    Workbook(Result<Vec<u8>, Vec<String>>),
}

/// An answer and the number of the request it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub id: u32,
    pub answer: Answer,
}

fn write_lang(w: &mut Writer, lang: Lang) {
    w.str(lang.code());
}

fn read_lang(r: &mut Reader) -> Result<Lang, Refused> {
    Lang::from_code(r.str()?).ok_or(Refused::Corrupt)
}

fn write_blob(w: &mut Writer, bytes: &[u8]) {
    w.usize(bytes.len());
    w.bytes(bytes);
}

fn read_blob(r: &mut Reader) -> Result<Vec<u8>, Refused> {
    let n = r.count()?;
    Ok(r.take(n)?.to_vec())
}

fn string(r: &mut Reader) -> Result<String, Refused> {
    Ok(r.str()?.to_string())
}

fn opt_string(r: &mut Reader) -> Result<Option<String>, Refused> {
    Ok(r.opt_str()?.map(str::to_string))
}

fn strings(r: &mut Reader) -> Result<Vec<String>, Refused> {
    Ok(r.list(|r| r.str().map(str::to_string))?)
}

fn write_strings(w: &mut Writer, list: &[String]) {
    w.usize(list.len());
    for s in list {
        w.str(s);
    }
}

fn write_list(w: &mut Writer, list: List) {
    w.u8(match list {
        List::Agreements => 0,
        List::Events => 1,
    });
}

fn read_list(r: &mut Reader) -> Result<List, Refused> {
    match r.u8()? {
        0 => Ok(List::Agreements),
        1 => Ok(List::Events),
        _ => Err(Refused::Corrupt),
    }
}

fn write_change(w: &mut Writer, c: &Change) {
    w.str(&c.record);
    write_list(w, c.list);
    w.opt_str(c.replaces.as_deref());
}

fn read_change(r: &mut Reader) -> Result<Change, Refused> {
    Ok(Change {
        record: string(r)?,
        list: read_list(r)?,
        replaces: opt_string(r)?,
    })
}

impl Request {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = begin(REQUEST, VERSION);
        w.u32(self.id);
        match &self.call {
            Call::Read { name, bytes, base } => {
                w.u8(0);
                w.str(name);
                write_blob(&mut w, bytes);
                w.opt_str(base.as_deref());
            }
            Call::Check { dataset, change } => {
                w.u8(1);
                w.str(dataset);
                write_change(&mut w, change);
            }
            Call::Apply { dataset, change } => {
                w.u8(2);
                w.str(dataset);
                write_change(&mut w, change);
            }
            Call::Preview {
                dataset,
                glossary,
                lang,
            } => {
                w.u8(3);
                w.str(dataset);
                w.opt_str(glossary.as_deref());
                write_lang(&mut w, *lang);
            }
            Call::Workbook { dataset, format } => {
                w.u8(4);
                w.str(dataset);
                w.u8(match format {
                    BookFormat::Ods => 0,
                    BookFormat::Xlsx => 1,
                });
            }
        }
        w.into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> Result<Request, Refused> {
        read(bytes, REQUEST, VERSION, |r| {
            let id = r.u32()?;
            let call = match r.u8()? {
                0 => Call::Read {
                    name: string(r)?,
                    bytes: read_blob(r)?,
                    base: opt_string(r)?,
                },
                1 => Call::Check {
                    dataset: string(r)?,
                    change: read_change(r)?,
                },
                2 => Call::Apply {
                    dataset: string(r)?,
                    change: read_change(r)?,
                },
                3 => Call::Preview {
                    dataset: string(r)?,
                    glossary: opt_string(r)?,
                    lang: read_lang(r)?,
                },
                4 => Call::Workbook {
                    dataset: string(r)?,
                    format: match r.u8()? {
                        0 => BookFormat::Ods,
                        1 => BookFormat::Xlsx,
                        _ => return Err(Refused::Corrupt),
                    },
                },
                _ => return Err(Refused::Corrupt),
            };
            Ok(Request { id, call })
        })
    }
}

fn write_problem(w: &mut Writer, p: &Problem) {
    w.bool(p.error);
    w.str(&p.text);
    match &p.at {
        At::File => w.u8(0),
        At::Cell { sheet, row, column } => {
            w.u8(1);
            w.str(sheet);
            w.u32(*row);
            w.str(column);
        }
        At::Text { line, column, path } => {
            w.u8(2);
            w.u32(*line);
            w.u32(*column);
            w.str(path);
        }
    }
    w.opt_str(p.record.as_deref());
    w.opt_str(p.field.as_deref());
    w.usize(p.row.len());
    for (header, text) in &p.row {
        w.str(header);
        w.str(text);
    }
}

fn read_problem(r: &mut Reader) -> Result<Problem, Refused> {
    let error = r.bool()?;
    let text = string(r)?;
    let at = match r.u8()? {
        0 => At::File,
        1 => At::Cell {
            sheet: string(r)?,
            row: r.u32()?,
            column: string(r)?,
        },
        2 => At::Text {
            line: r.u32()?,
            column: r.u32()?,
            path: string(r)?,
        },
        _ => return Err(Refused::Corrupt),
    };
    Ok(Problem {
        error,
        text,
        at,
        record: opt_string(r)?,
        field: opt_string(r)?,
        row: r.list(|r| Ok((r.str()?.to_string(), r.str()?.to_string())))?,
    })
}

fn write_problems(w: &mut Writer, list: &[Problem]) {
    w.usize(list.len());
    for p in list {
        write_problem(w, p);
    }
}

fn read_problems(r: &mut Reader) -> Result<Vec<Problem>, Refused> {
    let n = r.count()?;
    (0..n).map(|_| read_problem(r)).collect()
}

fn write_terms(w: &mut Writer, list: &[Term]) {
    w.usize(list.len());
    for t in list {
        w.str(&t.key);
        w.str(&t.label);
        w.opt_str(t.label_en.as_deref());
    }
}

fn read_terms(r: &mut Reader) -> Result<Vec<Term>, Refused> {
    Ok(r.list(|r| {
        Ok(Term {
            key: r.str()?.to_string(),
            label: r.str()?.to_string(),
            label_en: r.opt_str()?.map(str::to_string),
        })
    })?)
}

fn write_opened(w: &mut Writer, o: &Opened) {
    w.u8(match o.kind {
        FileKind::Json => 0,
        FileKind::Ods => 1,
        FileKind::Xlsx => 2,
        FileKind::Csv => 3,
    });
    w.str(&o.dataset);
    write_problems(w, &o.problems);
    for n in [o.errors, o.warnings, o.agreements, o.events, o.left_out] {
        w.u32(n);
    }
    w.usize(o.entries.len());
    for e in &o.entries {
        write_list(w, e.list);
        w.str(&e.id);
        w.str(&e.title);
    }
    write_terms(w, &o.regions);
    write_terms(w, &o.themes);
    write_strings(w, &o.kinds);
    write_strings(w, &o.notes);
}

fn read_opened(r: &mut Reader) -> Result<Opened, Refused> {
    let kind = match r.u8()? {
        0 => FileKind::Json,
        1 => FileKind::Ods,
        2 => FileKind::Xlsx,
        3 => FileKind::Csv,
        _ => return Err(Refused::Corrupt),
    };
    let dataset = string(r)?;
    let problems = read_problems(r)?;
    let (errors, warnings, agreements, events, left_out) =
        (r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?);
    let n = r.count()?;
    let entries = (0..n)
        .map(|_| {
            Ok(Entry {
                list: read_list(r)?,
                id: string(r)?,
                title: string(r)?,
            })
        })
        .collect::<Result<Vec<_>, Refused>>()?;
    Ok(Opened {
        kind,
        dataset,
        problems,
        errors,
        warnings,
        agreements,
        events,
        left_out,
        entries,
        regions: read_terms(r)?,
        themes: read_terms(r)?,
        kinds: strings(r)?,
        notes: strings(r)?,
    })
}

impl Reply {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = begin(REPLY, VERSION);
        w.u32(self.id);
        match &self.answer {
            Answer::Progress { step, done, total } => {
                w.u8(0);
                w.u8(match step {
                    Step::Sheets => 0,
                    Step::Checking => 1,
                    Step::Writing => 2,
                });
                w.u32(*done);
                w.u32(*total);
            }
            Answer::Opened(o) => {
                w.u8(1);
                write_opened(&mut w, o);
            }
            Answer::Refused(why) => {
                w.u8(2);
                match why {
                    Refusal::TooLarge { bytes } => {
                        w.u8(0);
                        w.u64(*bytes);
                    }
                    Refusal::Empty => w.u8(1),
                    Refusal::NotData => w.u8(2),
                    Refusal::Encrypted => w.u8(3),
                    Refusal::OldExcel => w.u8(4),
                    Refusal::UnknownSheet => w.u8(5),
                    Refusal::Broken(p) => {
                        w.u8(6);
                        write_problem(&mut w, p);
                    }
                }
            }
            Answer::Checked(problems) => {
                w.u8(3);
                write_problems(&mut w, problems);
            }
            Answer::Pack(pack) => {
                w.u8(4);
                write_blob(&mut w, pack);
            }
            Answer::Workbook(Ok(bytes)) => {
                w.u8(5);
                write_blob(&mut w, bytes);
            }
            Answer::Workbook(Err(why)) => {
                w.u8(6);
                write_strings(&mut w, why);
            }
        }
        w.into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> Result<Reply, Refused> {
        read(bytes, REPLY, VERSION, |r| {
            let id = r.u32()?;
            let answer = match r.u8()? {
                0 => Answer::Progress {
                    step: match r.u8()? {
                        0 => Step::Sheets,
                        1 => Step::Checking,
                        2 => Step::Writing,
                        _ => return Err(Refused::Corrupt),
                    },
                    done: r.u32()?,
                    total: r.u32()?,
                },
                1 => Answer::Opened(Box::new(read_opened(r)?)),
                2 => Answer::Refused(match r.u8()? {
                    0 => Refusal::TooLarge { bytes: r.u64()? },
                    1 => Refusal::Empty,
                    2 => Refusal::NotData,
                    3 => Refusal::Encrypted,
                    4 => Refusal::OldExcel,
                    5 => Refusal::UnknownSheet,
                    6 => Refusal::Broken(read_problem(r)?),
                    _ => return Err(Refused::Corrupt),
                }),
                3 => Answer::Checked(read_problems(r)?),
                4 => Answer::Pack(read_blob(r)?),
                5 => Answer::Workbook(Ok(read_blob(r)?)),
                6 => Answer::Workbook(Err(strings(r)?)),
                _ => return Err(Refused::Corrupt),
            };
            Ok(Reply { id, answer })
        })
    }
}

/// `text` cut to at most `max` characters, with "…" when cut: what a
/// problem quotes of a cell.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary::{refuses_damage, text};
    use super::*;
    use proptest::prelude::*;

    fn list() -> impl Strategy<Value = List> {
        prop_oneof![Just(List::Agreements), Just(List::Events)]
    }

    fn lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::Fr), Just(Lang::En)]
    }

    fn change() -> impl Strategy<Value = Change> {
        (text(), list(), proptest::option::of(text())).prop_map(|(record, list, replaces)| Change {
            record,
            list,
            replaces,
        })
    }

    fn call() -> impl Strategy<Value = Call> {
        let bytes = proptest::collection::vec(any::<u8>(), 0..40);
        prop_oneof![
            (text(), bytes.clone(), proptest::option::of(text()))
                .prop_map(|(name, bytes, base)| Call::Read { name, bytes, base }),
            (text(), change()).prop_map(|(dataset, change)| Call::Check { dataset, change }),
            (text(), change()).prop_map(|(dataset, change)| Call::Apply { dataset, change }),
            (text(), proptest::option::of(text()), lang()).prop_map(|(dataset, glossary, lang)| {
                Call::Preview {
                    dataset,
                    glossary,
                    lang,
                }
            }),
            (text(), any::<bool>()).prop_map(|(dataset, x)| Call::Workbook {
                dataset,
                format: if x { BookFormat::Xlsx } else { BookFormat::Ods },
            }),
        ]
    }

    fn at() -> impl Strategy<Value = At> {
        prop_oneof![
            Just(At::File),
            (text(), any::<u32>(), text()).prop_map(|(sheet, row, column)| At::Cell {
                sheet,
                row,
                column
            }),
            (any::<u32>(), any::<u32>(), text()).prop_map(|(line, column, path)| At::Text {
                line,
                column,
                path
            }),
        ]
    }

    fn problem() -> impl Strategy<Value = Problem> {
        (
            any::<bool>(),
            text(),
            at(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::collection::vec((text(), text()), 0..4),
        )
            .prop_map(|(error, text, at, record, field, row)| Problem {
                error,
                text,
                at,
                record,
                field,
                row,
            })
    }

    fn term() -> impl Strategy<Value = Term> {
        (text(), text(), proptest::option::of(text())).prop_map(|(key, label, label_en)| Term {
            key,
            label,
            label_en,
        })
    }

    fn opened() -> impl Strategy<Value = Opened> {
        (
            (0u8..4, text(), proptest::collection::vec(problem(), 0..4)),
            proptest::array::uniform5(any::<u32>()),
            proptest::collection::vec(
                (list(), text(), text()).prop_map(|(list, id, title)| Entry { list, id, title }),
                0..4,
            ),
            (
                proptest::collection::vec(term(), 0..3),
                proptest::collection::vec(term(), 0..3),
            ),
            (
                proptest::collection::vec(text(), 0..3),
                proptest::collection::vec(text(), 0..3),
            ),
        )
            .prop_map(
                |((kind, dataset, problems), n, entries, (regions, themes), (kinds, notes))| {
                    Opened {
                        kind: [FileKind::Json, FileKind::Ods, FileKind::Xlsx, FileKind::Csv]
                            [kind as usize],
                        dataset,
                        problems,
                        errors: n[0],
                        warnings: n[1],
                        agreements: n[2],
                        events: n[3],
                        left_out: n[4],
                        entries,
                        regions,
                        themes,
                        kinds,
                        notes,
                    }
                },
            )
    }

    fn answer() -> impl Strategy<Value = Answer> {
        let step = prop_oneof![
            Just(Step::Sheets),
            Just(Step::Checking),
            Just(Step::Writing)
        ];
        let refusal = prop_oneof![
            any::<u64>().prop_map(|bytes| Refusal::TooLarge { bytes }),
            Just(Refusal::Empty),
            Just(Refusal::NotData),
            Just(Refusal::Encrypted),
            Just(Refusal::OldExcel),
            Just(Refusal::UnknownSheet),
            problem().prop_map(Refusal::Broken),
        ];
        let bytes = proptest::collection::vec(any::<u8>(), 0..40);
        prop_oneof![
            (step, any::<u32>(), any::<u32>()).prop_map(|(step, done, total)| Answer::Progress {
                step,
                done,
                total
            }),
            opened().prop_map(|o| Answer::Opened(Box::new(o))),
            refusal.prop_map(Answer::Refused),
            proptest::collection::vec(problem(), 0..4).prop_map(Answer::Checked),
            bytes.clone().prop_map(Answer::Pack),
            bytes.prop_map(|b| Answer::Workbook(Ok(b))),
            proptest::collection::vec(text(), 0..3).prop_map(|w| Answer::Workbook(Err(w))),
        ]
    }

    proptest! {
        #[test]
        fn a_request_reads_back_as_written(id in any::<u32>(), call in call()) {
            let request = Request { id, call };
            let bytes = request.encode();
            prop_assert_eq!(Request::decode(&bytes), Ok(request));
            refuses_damage(&bytes, Request::decode);
        }

        #[test]
        fn a_reply_reads_back_as_written(id in any::<u32>(), answer in answer()) {
            let reply = Reply { id, answer };
            let bytes = reply.encode();
            prop_assert_eq!(Reply::decode(&bytes), Ok(reply));
            refuses_damage(&bytes, Reply::decode);
        }

        #[test]
        fn noise_is_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Request::decode(&bytes);
            let _ = Reply::decode(&bytes);
            for magic in [REQUEST, REPLY] {
                let mut message = begin(magic, VERSION).into_bytes();
                message.extend_from_slice(&bytes);
                let _ = Request::decode(&message);
                let _ = Reply::decode(&message);
            }
        }
    }

    #[test]
    fn a_request_is_not_a_reply_nor_another_version() {
        let request = Request {
            id: 7,
            call: Call::Workbook {
                dataset: "{}".into(),
                format: BookFormat::Ods,
            },
        };
        let bytes = request.encode();
        assert_eq!(Reply::decode(&bytes), Err(Refused::Magic));
        let mut other = bytes.clone();
        other[4] = other[4].wrapping_add(1);
        assert_eq!(
            Request::decode(&other),
            Err(Refused::Version {
                found: VERSION + 1,
                expected: VERSION
            })
        );
    }

    #[test]
    fn clip_cuts_on_characters() {
        assert_eq!(clip("Économie", 3), "Éco…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
