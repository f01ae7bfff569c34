//! The library's one error type.

use std::path::PathBuf;

/// Why an input could not be read as a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    /// Nothing in it but white space (or nothing at all).
    Empty,
    /// It looks like binary data (NUL bytes or many control characters).
    Binary,
    /// Mostly not valid in UTF-8 nor in GB18030 (a few bad bytes are replaced, not refused).
    Undecodable,
    /// It is larger than the configured limit.
    TooLarge {
        /// Its size in bytes, where known (a stream is read only up to the limit).
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputProblem::Empty => f.write_str("empty input: no text to analyse"),
            InputProblem::Binary => f.write_str("binary data, not a text"),
            InputProblem::Undecodable => {
                f.write_str("not decodable as UTF-8 or GB18030 (GBK/GB2312)")
            }
            InputProblem::TooLarge {
                size: Some(size),
                limit,
            } => write!(
                f,
                "too large: {size} bytes, over the limit of {limit} bytes"
            ),
            InputProblem::TooLarge { size: None, limit } => {
                write!(f, "too large: more than the limit of {limit} bytes")
            }
        }
    }
}

/// An error of the `zhengce` library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A path names a directory where a file was expected.
    #[error("{}: is a directory", path.display())]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// A dictionary file has a line that cannot be read.
    #[error("{name}: line {line}: {problem}")]
    Dictionary {
        /// The dictionary (a file name).
        name: String,
        /// The line, 1-based.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// The search index could not be created, opened, read or written.
    #[cfg(feature = "search")]
    #[error("index {}: {source}", path.display())]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What tantivy said.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The archive's files cannot be read: they are damaged (a crash, a full disk, a copy cut
    /// short) or were written by a version of zhengce with other index fields. The remedy is
    /// to delete the directory and index anew.
    #[error(
        "{}: the archive is damaged or was made by another version of zhengce ({detail}); \
         delete the directory and run `zhengce index` again",
        path.display()
    )]
    DamagedArchive {
        /// The index directory.
        path: PathBuf,
        /// What was found wrong.
        detail: String,
    },
    /// Another writer (another `zhengce index`) holds the archive.
    #[error("another zhengce index is writing to {}", path.display())]
    ArchiveLocked {
        /// The index directory.
        path: PathBuf,
    },
    /// A search query could not be understood.
    #[error("bad query `{query}`: {problem}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The bytes are not a text this library can analyse.
    #[error("{}: {problem}", path.display())]
    BadInput {
        /// Where the bytes came from (`-` for standard input).
        path: PathBuf,
        /// What is wrong with them.
        problem: InputProblem,
    },
}

impl Error {
    /// The path the error is about, where it is about one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. }
            | Error::IsDirectory { path }
            | Error::BadInput { path, .. }
            | Error::DamagedArchive { path, .. }
            | Error::ArchiveLocked { path } => Some(path),
            #[cfg(feature = "search")]
            Error::Index { path, .. } => Some(path),
            Error::Dictionary { .. } | Error::Query { .. } => None,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
