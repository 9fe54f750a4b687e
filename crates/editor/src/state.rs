//! What the editors' page holds and how it changes: the file last read to
//! its end (the page's one dataset), a read under way, what the last read
//! said, the record form, the preview. One store, changed only by [`Msg`]s
//! (the page's reducer), so what happens when a reply comes late, a read is
//! cancelled or the worker dies is decided here, natively tested, and never
//! half-applied: a new file replaces the dataset only once it is read to
//! its end, and a refused file leaves the one before as it was.

use std::rc::Rc;

use passerelles_core::bridge::editor::{List, Opened, Problem, Refusal, Step};

/// The dataset the page works on: a file read to its end.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    /// The file's name, as the editor knows it.
    pub name: String,
    pub opened: Opened,
    /// Records were added or changed on the page since it was read: the
    /// file to download differs from the one dropped.
    pub changed: bool,
    /// Counts datasets, so a component can tell a new one.
    pub generation: u32,
}

impl Current {
    /// Whether the JSON can be published as it is: no error.
    pub fn publishable(&self) -> bool {
        self.opened.errors == 0
    }
}

/// A read under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The request's number once the worker has it (0: the page is still
    /// reading the file from the disk).
    pub id: u32,
    pub name: String,
    pub size: u64,
    pub phase: Phase,
}

/// Where a read is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The page reads the file from the disk: bytes so far.
    Loading(u64),
    /// The worker works: its last step.
    Working {
        step: Option<Step>,
        done: u32,
        total: u32,
    },
}

/// What the page last said of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Read to its end (the counts are the dataset's).
    Read { name: String },
    /// Refused: the dataset before stays.
    Refused { name: String, why: Refusal },
    /// The editor cancelled the read.
    Cancelled { name: String },
    /// The read took longer than the page waits.
    TimedOut { name: String },
    /// The worker stopped (out of memory on a hostile file, a module that
    /// did not load): the page started another.
    Failed { name: String },
    /// A record was put in the dataset.
    Added { id: String },
}

/// The record form: which list, which record it edits (none: a new one).
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub list: List,
    pub editing: Option<String>,
    /// The field to bring into view when the form opens (a problem's link).
    pub focus: Option<String>,
    /// Counts forms opened, so the form starts afresh each time.
    pub generation: u32,
    /// The last check of the record: its number and its problems.
    pub checked: Option<(u32, Vec<Problem>)>,
    /// A check sent and not answered yet.
    pub checking: Option<u32>,
    /// An "add to the file" sent and not answered yet.
    pub applying: Option<u32>,
}

/// The preview: the pack the site would be built from, once made.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// The request making it.
    pub making: Option<u32>,
    /// Counts previews shown (the frame is made afresh for each); 0: none.
    pub shown: u32,
    /// Of which dataset the preview shown is.
    pub of: u32,
}

/// The page's whole state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub current: Option<Rc<Current>>,
    pub reading: Option<Reading>,
    pub notice: Option<Notice>,
    pub form: Option<Form>,
    pub preview: Preview,
    /// A workbook being written: its request.
    pub writing: Option<u32>,
    /// Why the last workbook was refused (the export's messages).
    pub refused_export: Vec<String>,
    generation: u32,
}

/// What changes the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A file is being read from the disk.
    Loading {
        name: String,
        size: u64,
    },
    /// Bytes read from the disk so far.
    Loaded(u64),
    /// The file is with the worker, as request `id`.
    Sent(u32),
    /// The worker's progress on request `id`.
    Progress {
        id: u32,
        step: Step,
        done: u32,
        total: u32,
    },
    /// The file was read to its end.
    Opened {
        id: u32,
        opened: Box<Opened>,
    },
    /// The file was refused (by the page itself: `id` 0).
    Refused {
        id: u32,
        name: String,
        why: Refusal,
    },
    /// The editor cancelled the read; the worker was ended.
    Cancel,
    /// The read `id` took too long; the worker was ended.
    TimedOut(u32),
    /// The worker stopped; every request it had is lost.
    WorkerFailed,
    OpenForm {
        list: List,
        editing: Option<String>,
        focus: Option<String>,
    },
    CloseForm,
    Checking(u32),
    Checked {
        id: u32,
        problems: Vec<Problem>,
    },
    Applying(u32),
    /// The record went in: the dataset after it.
    Applied {
        id: u32,
        opened: Box<Opened>,
        record: String,
    },
    MakingPreview(u32),
    PreviewReady(u32),
    ClosePreview,
    Writing(u32),
    Written {
        id: u32,
        refused: Vec<String>,
    },
}

impl State {
    /// The state after `msg`.
    pub fn apply(mut self, msg: Msg) -> State {
        match msg {
            Msg::Loading { name, size } => {
                self.reading = Some(Reading {
                    id: 0,
                    name,
                    size,
                    phase: Phase::Loading(0),
                });
            }
            Msg::Loaded(bytes) => {
                if let Some(r) = &mut self.reading {
                    r.phase = Phase::Loading(bytes);
                }
            }
            Msg::Sent(id) => {
                if let Some(r) = &mut self.reading {
                    r.id = id;
                    r.phase = Phase::Working {
                        step: None,
                        done: 0,
                        total: 0,
                    };
                }
            }
            Msg::Progress {
                id,
                step,
                done,
                total,
            } => {
                if let Some(r) = self.reading.as_mut().filter(|r| r.id == id) {
                    r.phase = Phase::Working {
                        step: Some(step),
                        done,
                        total,
                    };
                }
            }
            Msg::Opened { id, opened } => {
                let Some(r) = self.reading.take_if(|r| r.id == id) else {
                    return self;
                };
                self.generation += 1;
                self.current = Some(Rc::new(Current {
                    name: r.name.clone(),
                    opened: *opened,
                    changed: false,
                    generation: self.generation,
                }));
                self.notice = Some(Notice::Read { name: r.name });
                // The form and the preview were of the dataset before.
                self.form = None;
                self.refused_export.clear();
            }
            Msg::Refused { id, name, why } => {
                if id != 0 && self.reading.as_ref().is_none_or(|r| r.id != id) {
                    return self;
                }
                self.reading = None;
                self.notice = Some(Notice::Refused { name, why });
            }
            Msg::Cancel => {
                if let Some(r) = self.reading.take() {
                    self.notice = Some(Notice::Cancelled { name: r.name });
                }
                self.forget_requests();
            }
            Msg::TimedOut(id) => {
                if let Some(r) = self.reading.take_if(|r| r.id == id && id != 0) {
                    self.notice = Some(Notice::TimedOut { name: r.name });
                    self.forget_requests();
                }
            }
            Msg::WorkerFailed => {
                if let Some(r) = self.reading.take() {
                    self.notice = Some(Notice::Failed { name: r.name });
                }
                self.forget_requests();
            }
            Msg::OpenForm {
                list,
                editing,
                focus,
            } => {
                self.generation += 1;
                self.form = Some(Form {
                    list,
                    editing,
                    focus,
                    generation: self.generation,
                    checked: None,
                    checking: None,
                    applying: None,
                });
            }
            Msg::CloseForm => self.form = None,
            Msg::Checking(id) => {
                if let Some(f) = &mut self.form {
                    f.checking = Some(id);
                }
            }
            Msg::Checked { id, problems } => {
                if let Some(f) = &mut self.form {
                    // Only the latest check counts: an older one is of a
                    // record since retyped.
                    if f.checking == Some(id) {
                        f.checking = None;
                        f.checked = Some((id, problems));
                    } else if f.applying == Some(id) {
                        f.applying = None;
                        f.checked = Some((id, problems));
                    }
                }
            }
            Msg::Applying(id) => {
                if let Some(f) = &mut self.form {
                    f.applying = Some(id);
                }
            }
            Msg::Applied { id, opened, record } => {
                if self.form.as_ref().and_then(|f| f.applying) != Some(id) {
                    return self;
                }
                let name = self
                    .current
                    .as_ref()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.generation += 1;
                self.current = Some(Rc::new(Current {
                    name,
                    opened: *opened,
                    changed: true,
                    generation: self.generation,
                }));
                self.form = None;
                self.notice = Some(Notice::Added { id: record });
                self.refused_export.clear();
            }
            Msg::MakingPreview(id) => self.preview.making = Some(id),
            Msg::PreviewReady(id) => {
                if self.preview.making == Some(id) {
                    self.preview.making = None;
                    self.preview.shown += 1;
                    self.preview.of = self.current.as_ref().map_or(0, |c| c.generation);
                }
            }
            Msg::ClosePreview => {
                self.preview.shown = 0;
                self.preview.making = None;
            }
            Msg::Writing(id) => {
                self.writing = Some(id);
                self.refused_export.clear();
            }
            Msg::Written { id, refused } => {
                if self.writing == Some(id) {
                    self.writing = None;
                    self.refused_export = refused;
                }
            }
        }
        self
    }

    /// The worker was ended: nothing it had will answer.
    fn forget_requests(&mut self) {
        self.preview.making = None;
        self.writing = None;
        if let Some(f) = &mut self.form {
            f.checking = None;
            f.applying = None;
        }
    }

    /// Whether the preview shown is of a dataset before the current one.
    pub fn preview_is_stale(&self) -> bool {
        self.preview.shown > 0
            && self
                .current
                .as_ref()
                .is_some_and(|c| c.generation != self.preview.of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelles_core::bridge::editor::FileKind;

    fn opened(dataset: &str) -> Box<Opened> {
        Box::new(Opened {
            kind: FileKind::Json,
            dataset: dataset.into(),
            problems: Vec::new(),
            errors: 0,
            warnings: 0,
            agreements: 1,
            events: 0,
            left_out: 0,
            entries: Vec::new(),
            regions: Vec::new(),
            themes: Vec::new(),
            kinds: Vec::new(),
            notes: Vec::new(),
        })
    }

    fn read(state: State, name: &str, id: u32) -> State {
        state
            .apply(Msg::Loading {
                name: name.into(),
                size: 10,
            })
            .apply(Msg::Loaded(10))
            .apply(Msg::Sent(id))
    }

    #[test]
    fn a_file_replaces_the_dataset_only_once_read_to_its_end() {
        let s = read(State::default(), "a.json", 1).apply(Msg::Opened {
            id: 1,
            opened: opened("A"),
        });
        assert_eq!(s.current.as_ref().unwrap().opened.dataset, "A");
        // A second file, still being read: the first stays.
        let s = read(s, "b.xlsx", 2).apply(Msg::Progress {
            id: 2,
            step: Step::Sheets,
            done: 3,
            total: 14,
        });
        assert_eq!(s.current.as_ref().unwrap().opened.dataset, "A");
        assert!(matches!(
            s.reading.as_ref().unwrap().phase,
            Phase::Working {
                done: 3,
                total: 14,
                ..
            }
        ));
        // Refused: the first stays, and the notice says why.
        let refused = s.clone().apply(Msg::Refused {
            id: 2,
            name: "b.xlsx".into(),
            why: Refusal::Encrypted,
        });
        assert_eq!(refused.current.as_ref().unwrap().opened.dataset, "A");
        assert!(refused.reading.is_none());
        assert!(matches!(
            refused.notice,
            Some(Notice::Refused {
                why: Refusal::Encrypted,
                ..
            })
        ));
        // Cancelled, then its late reply: ignored.
        let cancelled = s.apply(Msg::Cancel).apply(Msg::Opened {
            id: 2,
            opened: opened("B"),
        });
        assert_eq!(cancelled.current.as_ref().unwrap().opened.dataset, "A");
        assert!(matches!(cancelled.notice, Some(Notice::Cancelled { .. })));
    }

    #[test]
    fn a_file_the_page_refuses_itself_leaves_everything_as_it_was() {
        let s = read(State::default(), "a.json", 1).apply(Msg::Opened {
            id: 1,
            opened: opened("A"),
        });
        let s = s.apply(Msg::Refused {
            id: 0,
            name: "big.json".into(),
            why: Refusal::TooLarge { bytes: 50 << 20 },
        });
        assert_eq!(s.current.as_ref().unwrap().opened.dataset, "A");
        assert!(matches!(s.notice, Some(Notice::Refused { .. })));
    }

    #[test]
    fn only_the_latest_check_counts_and_a_dead_worker_forgets_all() {
        let s = read(State::default(), "a.json", 1)
            .apply(Msg::Opened {
                id: 1,
                opened: opened("A"),
            })
            .apply(Msg::OpenForm {
                list: List::Events,
                editing: None,
                focus: None,
            })
            .apply(Msg::Checking(5))
            .apply(Msg::Checking(6))
            .apply(Msg::Checked {
                id: 5,
                problems: vec![],
            });
        assert!(s.form.as_ref().unwrap().checked.is_none());
        let s = s.apply(Msg::Checked {
            id: 6,
            problems: vec![],
        });
        assert_eq!(s.form.as_ref().unwrap().checked, Some((6, vec![])));
        let s = s
            .apply(Msg::Applying(7))
            .apply(Msg::MakingPreview(8))
            .apply(Msg::WorkerFailed);
        assert_eq!(s.form.as_ref().unwrap().applying, None);
        assert_eq!(s.preview.making, None);
    }

    #[test]
    fn a_record_added_makes_a_new_dataset_and_the_preview_stale() {
        let s = read(State::default(), "a.json", 1)
            .apply(Msg::Opened {
                id: 1,
                opened: opened("A"),
            })
            .apply(Msg::MakingPreview(2))
            .apply(Msg::PreviewReady(2));
        assert!(!s.preview_is_stale());
        let s = s
            .apply(Msg::OpenForm {
                list: List::Events,
                editing: None,
                focus: None,
            })
            .apply(Msg::Applying(3))
            .apply(Msg::Applied {
                id: 3,
                opened: opened("A+"),
                record: "ev-1".into(),
            });
        let c = s.current.as_ref().unwrap();
        assert!(c.changed && c.opened.dataset == "A+" && c.name == "a.json");
        assert!(s.form.is_none());
        assert!(s.preview_is_stale());
        assert_eq!(s.notice, Some(Notice::Added { id: "ev-1".into() }));
    }
}
