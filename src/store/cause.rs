//! Why a file operation failed, as a value: the kind of failure (said in the user's
//! language) and the system's own words (shown only for kinds perfplan has no words for).

use std::io;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub kind: io::ErrorKind,
    /// What the system said, in its own language.
    pub os: String,
}

impl From<&io::Error> for Cause {
    fn from(e: &io::Error) -> Cause {
        Cause {
            kind: e.kind(),
            os: e.to_string(),
        }
    }
}

impl From<io::Error> for Cause {
    fn from(e: io::Error) -> Cause {
        Cause::from(&e)
    }
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    Pipe,
    Device,
    Socket,
    /// A symbolic link to a file that does not exist.
    DanglingLink,
    Other,
}
