//! [`FormatError`]: why an article could not be read, and where.

use std::fmt;

/// Why an article could not be read. `path` is a JSON path such as `body[3].image.src`
/// (empty for the document as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct FormatError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FormatError {}

impl FormatError {
    pub(super) fn root(message: impl Into<String>) -> Self {
        FormatError {
            path: String::new(),
            message: message.into(),
        }
    }
    pub(super) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError {
            path: path.into(),
            message: message.into(),
        }
    }
}
