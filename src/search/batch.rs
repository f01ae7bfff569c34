//! Indexing files and directories: walked, decoded and analysed in parallel (rayon), added to
//! an archive, unchanged files skipped by content hash, deleted files removed, bad files
//! reported at the end without stopping the batch.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::archive::{Archive, Entry};
use super::fingerprint::content_hash;
use crate::analyzer::Analyzer;
use crate::decode;
use crate::error::{Error, Result};

/// What an indexing run did.
#[derive(Debug, Default)]
pub struct IndexReport {
    /// Files indexed: new, changed and unchanged (not those that failed).
    pub files: usize,
    /// Bytes of text decoded.
    pub bytes: u64,
    /// Files new to the archive.
    pub added: usize,
    /// Files whose text changed.
    pub updated: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Keys removed because their file is gone.
    pub removed: Vec<String>,
    /// Files that could not be indexed, and why.
    pub failed: Vec<Error>,
}

/// The file extensions a directory walk picks up.
pub const EXTENSIONS: &[&str] = &["txt", "md"];

/// The files under `roots`: a file is taken as it is, a directory is walked for `.txt` and
/// `.md` files (hidden entries skipped), in a stable order. Symbolic links are followed, to
/// files and to directories (a link back to a directory being walked is passed over, its
/// files are found through the directory); a broken link is an error. Roots that cannot be
/// read are returned as errors.
pub fn collect_files(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Err(source) => errors.push(Error::Io {
                path: root.clone(),
                source,
            }),
            Ok(m) if m.is_file() => files.push(root.clone()),
            Ok(_) => {
                let walk = walkdir::WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for e in walk {
                    match e {
                        Ok(e) if e.file_type().is_file() => {
                            let ext = e.path().extension().and_then(|x| x.to_str());
                            if ext.is_some_and(|x| {
                                EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                            }) {
                                files.push(e.into_path());
                            }
                        }
                        Ok(_) => {}
                        Err(err) if err.loop_ancestor().is_some() => {}
                        Err(err) => errors.push(Error::Io {
                            path: err.path().map_or_else(|| root.clone(), Path::to_path_buf),
                            source: err.into(),
                        }),
                    }
                }
            }
        }
    }
    (files, errors)
}

/// The key a file is indexed under: its absolute path, without `.` and `..`.
pub fn key_of(path: &Path) -> String {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

enum Outcome {
    Added,
    Updated,
    Unchanged,
}

/// Told how an indexing run goes, for a progress display. Called from worker threads.
pub trait Progress: Sync {
    /// The run is about to go through this many files.
    fn start(&self, _files: usize) {}
    /// A file is done (`bytes` of text, 0 when it failed).
    fn done(&self, _path: &Path, _bytes: u64) {}
}

/// No progress display.
impl Progress for () {}

/// Indexes `roots` into `archive` and commits.
pub fn index_paths(
    archive: &Archive,
    analyzer: &Analyzer,
    roots: &[PathBuf],
    progress: &dyn Progress,
) -> Result<IndexReport> {
    // The writer first: a run that cannot write (another one holds the archive, too little
    // or too much memory) stops before it reads a file.
    archive.begin_writing()?;
    let known = archive.documents()?;
    let (files, mut failed) = collect_files(roots);
    progress.start(files.len());
    let mut keyed: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let k = key_of(&p);
            (p, k)
        })
        .collect();
    // A file named twice (`index docs docs/a.txt`) is indexed once.
    let mut seen_keys = HashSet::new();
    keyed.retain(|(_, k)| seen_keys.insert(k.clone()));
    let results: Vec<(u64, std::result::Result<Outcome, Error>)> = keyed
        .par_iter()
        .map(|(path, key)| {
            let r = decode::read_path(path, analyzer.max_input_bytes()).and_then(|d| {
                let n = d.text.len() as u64;
                let hash = content_hash(&d.text);
                let outcome = match known.get(key) {
                    Some(h) if *h == hash => Outcome::Unchanged,
                    Some(_) => Outcome::Updated,
                    None => Outcome::Added,
                };
                if !matches!(outcome, Outcome::Unchanged) {
                    let mut doc = analyzer.analyze(&d.text);
                    doc.encoding = d.encoding;
                    let entry = Entry {
                        key,
                        text: &d.text,
                        doc: &doc,
                    };
                    archive.add_hashed(entry, &hash)?;
                }
                Ok((n, outcome))
            });
            let (n, r) = match r {
                Ok((n, o)) => (n, Ok(o)),
                Err(e) => (0, Err(e)),
            };
            progress.done(path, n);
            (n, r)
        })
        .collect();

    let mut report = IndexReport::default();
    for (n, r) in results {
        report.bytes += n;
        match r {
            Ok(Outcome::Added) => report.added += 1,
            Ok(Outcome::Updated) => report.updated += 1,
            Ok(Outcome::Unchanged) => report.unchanged += 1,
            Err(e) => failed.push(e),
        }
    }
    report.files = report.added + report.updated + report.unchanged;

    // Files that were indexed under a root and are gone now. A file that is still there but
    // failed keeps its old entry.
    let seen: HashSet<&str> = keyed.iter().map(|(_, k)| k.as_str()).collect();
    for root in roots {
        let rk = key_of(root);
        let prefix = format!(
            "{}{}",
            rk.trim_end_matches(std::path::MAIN_SEPARATOR),
            std::path::MAIN_SEPARATOR
        );
        for k in known.keys() {
            let under = k == &rk || k.starts_with(&prefix);
            if under && !seen.contains(k.as_str()) && !Path::new(k).exists() {
                archive.remove(k)?;
                report.removed.push(k.clone());
            }
        }
    }
    // A root that is gone but was indexed is a removal, not a failure.
    failed.retain(|e| match e {
        Error::Io { path, source } if source.kind() == std::io::ErrorKind::NotFound => {
            !report.removed.contains(&key_of(path))
        }
        _ => true,
    });
    report.removed.sort();
    report.failed = failed;
    archive.commit()?;
    Ok(report)
}
