//! Why a dataset could not be used at all, and who can mend it: the one
//! error every reader of a dataset (the JSON, a pack, a download) gives, and
//! the page words ([`crate::wording`]) and the validator reports.

/// Why a dataset could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    /// 1-based position in the file, when the parser knows it.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: LoadErrorKind,
}

/// Who can fix it decides what the page advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file is not where the page looked (HTTP 404).
    NotFound,
    /// The server or the network failed; trying again may work.
    Unreachable,
    /// The file came, but its text cannot be used: the editor must fix it.
    Content,
    /// The compiled file is damaged or from another version: rebuild it.
    Pack,
}

impl LoadError {
    pub(crate) fn content(
        message: String,
        line: Option<usize>,
        column: Option<usize>,
    ) -> LoadError {
        LoadError {
            message,
            line,
            column,
            kind: LoadErrorKind::Content,
        }
    }

    /// An error of this kind with no place in a file.
    pub fn new(kind: LoadErrorKind, message: String) -> LoadError {
        LoadError {
            message,
            line: None,
            column: None,
            kind,
        }
    }
}
