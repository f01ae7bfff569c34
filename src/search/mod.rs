//! Search over an archive of policy texts: a tantivy index of documents and their passages,
//! a query planner of our own, snippets sized in characters with whole-phrase highlights.
//!
//! ```no_run
//! use std::path::Path;
//! use zhengce::search::{Archive, Entry, Query};
//!
//! let archive = Archive::builder()
//!     .open(Path::new("zhengce-index"), zhengce::search::OpenMode::OpenOrCreate)?;
//! let text = "关于优化营商环境的实施方案\n一、总体要求\n到2026年底，营商环境明显改善。\n";
//! let doc = zhengce::analyze(text);
//! archive.add(Entry { key: "plan.txt", text, doc: &doc })?;
//! archive.commit()?;
//! let results = archive.search(&Query::new("营商环境").limit(5))?;
//! for hit in &results.hits {
//!     println!("{} {:?}", hit.key, hit.title);
//!     for p in &hit.passages {
//!         println!("  {} {}", p.section, p.snippet.to_plain());
//!     }
//! }
//! # Ok::<(), zhengce::Error>(())
//! ```

mod archive;
pub mod batch;
mod columns;
mod doc_words;
pub mod export;
pub mod fingerprint;
pub mod kwic;
pub mod passages;
pub mod query;
mod results;
pub mod schema;
pub mod snippet;
pub mod trend;

pub use archive::{
    Archive, ArchiveBuilder, Entry, OpenMode, DEFAULT_HEAP_BYTES, MAX_HEAP_PER_THREAD,
    MIN_HEAP_PER_THREAD,
};
pub use query::{Query, Sort};
pub use results::{DocumentHit, FacetCount, Facets, PassageHit, SearchResults};
pub use snippet::Snippet;

/// The archive directory used when none is given: `zhengce-index` in the working directory,
/// unless the environment variable `ZHENGCE_INDEX` names another.
pub fn default_dir() -> std::path::PathBuf {
    std::env::var_os("ZHENGCE_INDEX")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("zhengce-index"))
}

/// The key that orders documents by time: the date (`2019-03-05`), else the year with a day
/// after all of its dates (`2019-99-99`), else none.
pub(crate) fn time_key(date: Option<&str>, year: Option<u64>) -> Option<String> {
    date.map(str::to_string)
        .or_else(|| year.map(|y| format!("{y:04}-99-99")))
}
