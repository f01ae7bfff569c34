//! An archive: one tantivy index on disk holding documents and their passages.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, OwnedValue, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::fingerprint::{content_hash, sketch, sketch_bytes};
use super::passages::{passages, CleanText};
use super::schema::{register, words_by_passage, Fields, Unit};
use crate::dates::Date;
use crate::error::{Error, Result};
use crate::model::Document;
use crate::segment::Segmenter;

/// The default writer heap: 256 MB shared by the indexing threads.
pub const DEFAULT_HEAP_BYTES: usize = 256 << 20;

/// The least writer memory a thread needs (tantivy's minimum).
pub const MIN_HEAP_PER_THREAD: usize = 15_000_000;

/// The most writer memory a thread can have (tantivy's maximum: just under 4 GiB).
pub const MAX_HEAP_PER_THREAD: usize = u32::MAX as usize - 1_000_001;

/// The error of an archive whose files cannot be read: `detail` says what was found.
fn damaged(dir: &Path, detail: String) -> Error {
    Error::DamagedArchive {
        path: dir.to_path_buf(),
        detail,
    }
}

/// The file that marks an archive's format, and its text. Version 2: column dictionaries are
/// not zstd-compressed (decompressing a block made a new zstd context each time, a third of
/// a query's time); tantivy without its `columnar-zstd-compression` feature cannot read
/// version 1. Version 3: a document's word set is indexed without frequencies. Version 4:
/// a document unit stores no text (its passages hold it). Version 5: no word set; a document
/// unit keeps the count of its distinct words, and a query finds its words in its passages.
const FORMAT_FILE: &str = "zhengce-format";
const FORMAT: &str = "zhengce archive 5\n";

/// Whether tantivy's error says that files of the archive are damaged or of another version
/// (rather than, say, unreadable for want of permission).
fn is_damage(e: &tantivy::TantivyError) -> bool {
    use std::io::ErrorKind::{InvalidData, UnexpectedEof};
    use tantivy::directory::error::OpenReadError;
    use tantivy::TantivyError as T;
    match e {
        T::DataCorruption(_) | T::IncompatibleIndex(_) | T::DeserializeError(_) => true,
        T::OpenReadError(OpenReadError::FileDoesNotExist(_))
        | T::OpenReadError(OpenReadError::IncompatibleIndex(_)) => true,
        T::OpenReadError(OpenReadError::IoError { io_error, .. }) => {
            matches!(io_error.kind(), InvalidData | UnexpectedEof)
        }
        T::IoError(io) => matches!(io.kind(), InvalidData | UnexpectedEof),
        _ => false,
    }
}

/// `e` as a damaged archive where it says so, else as it is.
fn damage_or(dir: &Path, e: tantivy::TantivyError) -> Error {
    if is_damage(&e) {
        damaged(dir, e.to_string())
    } else {
        Error::Index {
            path: dir.to_path_buf(),
            source: e,
        }
    }
}

/// Runs `f`, which reads the archive in `dir`: damaged files make tantivy panic as often as
/// they make it return an error, and both are a damaged archive.
pub(crate) fn reading<T>(dir: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(Err(Error::Index { path, source })) if is_damage(&source) => {
            Err(damaged(&path, source.to_string()))
        }
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(damaged(dir, format!("reading it failed: {what}")))
        }
    }
}

/// Options for opening an [`Archive`].
#[derive(Debug, Clone)]
pub struct ArchiveBuilder {
    heap_bytes: usize,
    threads: usize,
    segmenter: Option<Arc<Segmenter>>,
}

impl Default for ArchiveBuilder {
    fn default() -> Self {
        ArchiveBuilder {
            heap_bytes: DEFAULT_HEAP_BYTES,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
            segmenter: None,
        }
    }
}

/// Whether to make a new archive or use one that is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Make a new, empty archive; the directory must not hold one.
    Create,
    /// Open an existing archive.
    Open,
    /// Open the archive if there is one, else make it.
    OpenOrCreate,
}

impl ArchiveBuilder {
    /// Memory for the index writer, shared by its threads (tantivy needs at least 15 MB a
    /// thread; less is raised to that).
    pub fn heap_bytes(mut self, n: usize) -> Self {
        self.heap_bytes = n;
        self
    }

    /// Indexing threads of the writer.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n.max(1);
        self
    }

    /// The segmenter to index and search with (the default one otherwise). An archive must be
    /// searched with the segmenter it was built with.
    pub fn segmenter(mut self, seg: Arc<Segmenter>) -> Self {
        self.segmenter = Some(seg);
        self
    }

    /// Opens or creates the archive in `dir`.
    pub fn open(self, dir: &Path, mode: OpenMode) -> Result<Archive> {
        let err = |source| Error::Index {
            path: dir.to_path_buf(),
            source,
        };
        let exists = dir.join("meta.json").exists();
        let (schema, fields) = Fields::build();
        let index = match (mode, exists) {
            (OpenMode::Create, true) => {
                return Err(err(tantivy::TantivyError::InvalidArgument(
                    "an archive already exists here".into(),
                )))
            }
            (OpenMode::Open, false) => {
                return Err(err(tantivy::TantivyError::InvalidArgument(
                    "no archive here (run `zhengce index` first)".into(),
                )))
            }
            (_, true) => {
                let format = std::fs::read_to_string(dir.join(FORMAT_FILE)).unwrap_or_default();
                if format != FORMAT {
                    return Err(damaged(
                        dir,
                        "it was made by an earlier version of zhengce".into(),
                    ));
                }
                Index::open_in_dir(dir).map_err(|e| damage_or(dir, e))?
            }
            (_, false) => {
                let io = |source| Error::Io {
                    path: dir.to_path_buf(),
                    source,
                };
                std::fs::create_dir_all(dir).map_err(io)?;
                // Before tantivy's files: an archive whose meta.json is there has its mark.
                std::fs::write(dir.join(FORMAT_FILE), FORMAT).map_err(io)?;
                Index::create_in_dir(dir, schema.clone()).map_err(err)?
            }
        };
        if index.schema() != schema {
            return Err(damaged(
                dir,
                "its fields are not those of this version of zhengce".into(),
            ));
        }
        let seg = self.segmenter.unwrap_or_else(|| Arc::new(Segmenter::new()));
        register(&index, &seg);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damage_or(dir, e))?;
        Ok(Archive {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            seg,
            writer: RwLock::new(None),
            in_order: Mutex::new(()),
            heap_bytes: self.heap_bytes,
            threads: self.threads,
        })
    }
}

/// A searchable archive of analysed documents. `Send + Sync`: add from many threads, search
/// from many threads.
pub struct Archive {
    dir: PathBuf,
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) seg: Arc<Segmenter>,
    writer: RwLock<Option<IndexWriter<Record>>>,
    /// Held while a document's delete and adds are handed to the writer (see
    /// [`Archive::add`]).
    in_order: Mutex<()>,
    heap_bytes: usize,
    threads: usize,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// What one document contributes to an archive: its key, its decoded text and its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The key that identifies it (its path); adding a key again replaces it.
    pub key: &'a str,
    /// The decoded text the analysis's spans point into.
    pub text: &'a str,
    /// The analysis.
    pub doc: &'a Document,
}

impl Archive {
    /// Options.
    pub fn builder() -> ArchiveBuilder {
        ArchiveBuilder::default()
    }

    /// Makes a new archive in `dir` with the default options.
    pub fn create(dir: &Path) -> Result<Archive> {
        Self::builder().open(dir, OpenMode::Create)
    }

    /// Opens the archive in `dir` with the default options.
    pub fn open(dir: &Path) -> Result<Archive> {
        Self::builder().open(dir, OpenMode::Open)
    }

    /// Whether `e` says an archive is damaged or was made by another version: what to do is
    /// delete it and index anew ([`Error::DamagedArchive`]).
    pub fn is_damaged(e: &Error) -> bool {
        matches!(e, Error::DamagedArchive { .. })
    }

    /// Whether `e` says another writer (another `zhengce index`) holds the archive
    /// ([`Error::ArchiveLocked`]).
    pub fn is_locked(e: &Error) -> bool {
        matches!(e, Error::ArchiveLocked { .. })
    }

    /// The directory the archive lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The segmenter the archive indexes and searches with.
    pub fn segmenter(&self) -> &Segmenter {
        &self.seg
    }

    fn err(&self, source: tantivy::TantivyError) -> Error {
        match source {
            tantivy::TantivyError::LockFailure(..) => Error::ArchiveLocked {
                path: self.dir.clone(),
            },
            source => Error::Index {
                path: self.dir.clone(),
                source,
            },
        }
    }

    fn with_writer<T>(&self, f: impl FnOnce(&IndexWriter<Record>) -> Result<T>) -> Result<T> {
        {
            let w = self.writer.read().expect("writer lock");
            if let Some(w) = w.as_ref() {
                return f(w);
            }
        }
        let mut w = self.writer.write().expect("writer lock");
        if w.is_none() {
            let heap = self
                .heap_bytes
                .max(self.threads.saturating_mul(MIN_HEAP_PER_THREAD));
            let writer = self
                .index
                .writer_with_num_threads(self.threads, heap)
                .map_err(|e| self.err(e))?;
            // Files of a run that failed half-way (a full disk) are in no commit: deleting them
            // gives their space back. Failing to is no reason not to write.
            let _ = writer.garbage_collect_files().wait();
            *w = Some(writer);
        }
        f(w.as_ref().expect("just made"))
    }

    /// Takes the archive's writer now rather than at the first change: its lock (another
    /// process writing to the archive is an error here, [`Archive::is_locked`]), its memory and
    /// threads (checked by tantivy), and the removal of files a failed run left behind.
    /// [`super::batch::index_paths`] calls it before it reads any file.
    pub fn begin_writing(&self) -> Result<()> {
        self.with_writer(|_| Ok(()))
    }

    /// Adds a document and its passages, replacing what the archive held under the same key.
    /// Visible to searches after [`Archive::commit`].
    ///
    /// The units go to the writer as one group, so that one indexing thread takes them all, in
    /// the order of the text: units that score alike (the passages of one document that match
    /// a query the same way) then come in the order of the text, whichever thread took the
    /// document, and not in an order that changes from one index run to the next.
    pub fn add(&self, entry: Entry<'_>) -> Result<()> {
        self.add_hashed(entry, &content_hash(entry.text))
    }

    /// [`Archive::add`] for a caller that has the text's [`content_hash`] already (a batch
    /// compares it with the archive's before it analyses the text).
    pub(crate) fn add_hashed(&self, entry: Entry<'_>, hash: &str) -> Result<()> {
        use tantivy::indexer::UserOperation;
        let docs = self.records(entry, hash);
        let delete = UserOperation::Delete(Term::from_field_text(self.fields.key, entry.key));
        let mut ops = Vec::with_capacity(docs.len() + 1);
        ops.push(delete);
        ops.extend(docs.into_iter().map(UserOperation::Add));
        self.with_writer(|w| {
            // One thread at a time: tantivy stamps a delete and then queues it, and a delete
            // queued behind a later-stamped one from another thread is later applied to a whole
            // finished segment, removing a document just added (seen under load: one of two
            // documents missing after a clean run).
            let _in_order = self.in_order.lock().expect("order lock");
            w.run(ops).map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// Reads, decodes and analyses a file and adds it under its key ([`super::batch::key_of`]:
    /// its absolute path). Returns the key.
    pub fn add_file(&self, path: &Path, analyzer: &crate::Analyzer) -> Result<String> {
        let d = crate::decode::read_path(path, analyzer.max_input_bytes())?;
        let mut doc = analyzer.analyze(&d.text);
        doc.encoding = d.encoding;
        let key = super::batch::key_of(path);
        self.add(Entry {
            key: &key,
            text: &d.text,
            doc: &doc,
        })?;
        Ok(key)
    }

    /// The text of the unit at `id` of segment `segment_ord`, where it is a passage of the
    /// document `key` (a document's units are consecutive in their segment, [`Archive::add`]);
    /// `None` past the segment's end or at another document's unit.
    pub(crate) fn passage_text(
        &self,
        searcher: &tantivy::Searcher,
        segment_ord: u32,
        id: u32,
        key: Option<&str>,
    ) -> tantivy::Result<Option<String>> {
        if id >= searcher.segment_reader(segment_ord).max_doc() {
            return Ok(None);
        }
        let f = &self.fields;
        let d: TantivyDocument = searcher.doc(tantivy::DocAddress::new(segment_ord, id))?;
        let get = |field| d.get_first(field).and_then(|v| v.as_str());
        if get(f.unit) != Some(Unit::Passage.name()) || get(f.key) != key {
            return Ok(None);
        }
        Ok(Some(get(f.text).unwrap_or_default().to_string()))
    }

    /// Removes a document and its passages.
    pub fn remove(&self, key: &str) -> Result<()> {
        self.with_writer(|w| {
            let _in_order = self.in_order.lock().expect("order lock");
            w.delete_term(Term::from_field_text(self.fields.key, key));
            Ok(())
        })
    }

    /// Makes what was added and removed visible, and waits for the writer's threads.
    pub fn commit(&self) -> Result<()> {
        let mut w = self.writer.write().expect("writer lock");
        if let Some(mut writer) = w.take() {
            writer.commit().map_err(|e| self.err(e))?;
            writer.wait_merging_threads().map_err(|e| self.err(e))?;
        }
        self.reader.reload().map_err(|e| self.err(e))
    }

    /// The documents in the archive: key → content hash.
    pub fn documents(&self) -> Result<HashMap<String, String>> {
        reading(&self.dir, || self.read_documents())
    }

    fn read_documents(&self) -> Result<HashMap<String, String>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.unit, Unit::Document.name()),
            IndexRecordOption::Basic,
        );
        let addrs = searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| self.err(e))?;
        let mut out = HashMap::with_capacity(addrs.len());
        for a in addrs {
            let d: TantivyDocument = searcher.doc(a).map_err(|e| self.err(e))?;
            let get = |f| {
                d.get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            out.insert(get(self.fields.key), get(self.fields.hash));
        }
        Ok(out)
    }

    /// Number of units (documents and passages) visible to searches.
    pub fn num_units(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The tantivy records of one document: the document unit first, then its passages.
    /// The text is cut into words once; passages index their words with positions and their
    /// units (an exact substring or phrase lies inside one passage), and the document unit
    /// only the count of its distinct words: a query whose words are spread over several
    /// passages finds them in the passages ([`DocWords`](super::doc_words::DocWords)).
    fn records(&self, entry: Entry<'_>, hash: &str) -> Vec<Record> {
        let f = &self.fields;
        let doc = entry.doc;
        let clean = CleanText::new(entry.text, doc);
        let date = doc.date.as_deref().and_then(Date::parse_iso);
        let issuer = doc.front.issuer.as_ref().or(doc.front.speaker.as_ref());

        let mut common = Record::new();
        common.insert(f.key, str_value(entry.key));
        common.insert(f.hash, str_value(hash));
        if let Some(t) = &doc.title {
            common.insert(f.title, str_value(t));
        }
        common.insert(f.doc_type, str_value(doc.doc_type.name()));
        if let Some(i) = issuer {
            common.insert(f.issuer, OwnedValue::Str(unpadded_name(&i.text)));
        }
        if let Some(n) = &doc.front.doc_number {
            common.insert(f.doc_number, str_value(&n.text));
        }
        if let Some(dt) = date {
            // A day the index cannot hold as a date (before 1677 or after 2262) keeps its year.
            if let Some(t) = super::query::day(dt) {
                common.insert(f.date, OwnedValue::Date(t));
            }
            common.insert(f.year, OwnedValue::U64(dt.year.max(0) as u64));
        } else if let Some(y) = crate::extract::reported_year(doc, entry.text) {
            // Many archived reports state no date but review the year before theirs.
            let y = OwnedValue::U64(y.max(0) as u64);
            common.insert(f.year, y.clone());
            common.insert(f.undated_year, y);
        }

        let ps = passages(doc, &clean);
        let ranges: Vec<(usize, usize)> = ps.iter().map(|p| (p.start, p.end)).collect();
        let (words, distinct) = words_by_passage(&self.seg, &clean.text, &ranges);
        let mut out = Vec::with_capacity(ps.len() + 1);
        for (p, tokens) in ps.iter().zip(words) {
            let mut d = common.clone();
            d.insert(f.unit, str_value(Unit::Passage.name()));
            let text = &clean.text[p.start..p.end];
            d.insert(f.body, OwnedValue::Str(tokens));
            d.insert(f.text, str_value(text));
            d.insert(f.grams, str_value(text));
            d.insert(f.section, str_value(&p.section));
            if let Some(h) = &p.heading {
                d.insert(f.heading, str_value(h));
            }
            if let Some(m) = &p.point {
                d.insert(f.point, str_value(m));
            }
            insert_all(&mut d, f.actors, p.actors.iter().map(String::as_str));
            insert_all(&mut d, f.deadlines, p.deadlines.iter().map(String::as_str));
            d.insert(f.start, OwnedValue::U64(clean.to_original(p.start) as u64));
            d.insert(f.end, OwnedValue::U64(clean.to_original(p.end) as u64));
            out.push(d);
        }

        let mut d = common;
        d.insert(f.unit, str_value(Unit::Document.name()));
        d.insert(
            f.sketch,
            OwnedValue::Bytes(sketch_bytes(&sketch(&clean.text))),
        );
        insert_all(
            &mut d,
            f.actors,
            doc.actions.iter().filter_map(|a| a.actor.as_deref()),
        );
        insert_all(
            &mut d,
            f.deadlines,
            doc.actions.iter().filter_map(|a| a.deadline.as_deref()),
        );
        d.insert(f.start, OwnedValue::U64(0));
        d.insert(f.end, OwnedValue::U64(entry.text.len() as u64));
        d.insert(f.words, OwnedValue::U64(distinct as u64));
        d.insert(
            f.chars,
            OwnedValue::U64(clean.text.chars().filter(|c| !c.is_whitespace()).count() as u64),
        );
        // No text of its own: its passages follow it (one group, [`Archive::add`]) and hold
        // all of it that has letters, so the store keeps the text once.
        out.insert(0, d);
        out
    }
}

/// A short name set with padding spaces (`韦　韬`, `龚 正`) as it is written without them, so
/// that `--issuer 韦韬` finds it; anything else as it is.
fn unpadded_name(s: &str) -> String {
    use crate::segment::is_ideograph;
    let letters = s.chars().filter(|&c| !c.is_whitespace()).count();
    if letters <= 4 && s.chars().all(|c| c.is_whitespace() || is_ideograph(c)) {
        s.split_whitespace().collect()
    } else {
        s.to_string()
    }
}

/// A record as the writer takes it.
pub(crate) type Record = BTreeMap<Field, OwnedValue>;

fn str_value(s: &str) -> OwnedValue {
    OwnedValue::Str(s.to_string())
}

/// Several values of one field (distinct, in order); nothing when there are none.
fn insert_all<'a>(d: &mut Record, field: Field, values: impl Iterator<Item = &'a str>) {
    let mut vs: Vec<OwnedValue> = Vec::new();
    for v in values {
        let v = str_value(v);
        if !vs.contains(&v) {
            vs.push(v);
        }
    }
    if !vs.is_empty() {
        d.insert(field, OwnedValue::Array(vs));
    }
}

#[cfg(test)]
mod tests {
    use super::unpadded_name;

    #[test]
    fn padded_names_lose_their_padding() {
        for (name, want) in [
            ("韦　韬", "韦韬"),
            ("龚 正", "龚正"),
            ("李克强", "李克强"),
            ("艾尔肯·吐尼亚孜", "艾尔肯·吐尼亚孜"),
            // Longer or mixed values are left as written.
            ("国务院办公厅 国家发展改革委", "国务院办公厅 国家发展改革委"),
            ("John Smith", "John Smith"),
        ] {
            assert_eq!(unpadded_name(name), want, "{name}");
        }
    }
}
