//! Export of an archive's passages as NDJSON, with the words the archive indexed them by,
//! for a search cluster that should rank on the same words (see the README for the Quickwit
//! and Elasticsearch/OpenSearch settings that load it).

use std::io::Write;

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::archive::Archive;
use super::schema::{stored_strings, Unit};
use crate::error::{Error, Result};

/// The separator between the words of `cut`: one space, so a whitespace tokenizer (Quickwit) or
/// a `char_group` tokenizer on `" "` (Elasticsearch, OpenSearch) splits exactly where we did.
pub const SEPARATOR: char = ' ';

/// One exported passage.
#[derive(Debug, Serialize)]
pub struct ExportRecord {
    /// The document's key (its path).
    pub key: String,
    /// Title of the document.
    pub title: Option<String>,
    /// Document type.
    pub doc_type: Option<String>,
    /// Issuer or speaker.
    pub issuer: Option<String>,
    /// 文号.
    pub doc_number: Option<String>,
    /// The document's date, ISO.
    pub date: Option<String>,
    /// The document's year: its date's, or for an undated work report the year after the one
    /// it reviews.
    pub year: Option<u64>,
    /// Markers of the enclosing sections.
    pub section: Option<String>,
    /// Heading of the innermost section.
    pub heading: Option<String>,
    /// The point's marker.
    pub point: Option<String>,
    /// Byte range in the document's decoded text.
    pub start: u64,
    /// End of that range.
    pub end: u64,
    /// Actors of its action points.
    pub actors: Vec<String>,
    /// Deadlines of its action points.
    pub deadlines: Vec<String>,
    /// The passage text.
    pub text: String,
    /// The words the archive indexed, folded, joined by [`SEPARATOR`]; never overlapping.
    pub cut: String,
}

impl Archive {
    /// Writes every passage as one JSON object a line, ordered by key and position. Returns
    /// the number written.
    pub fn export_ndjson(&self, out: &mut dyn Write) -> Result<usize> {
        let recs = super::archive::reading(self.dir(), || self.export_records())?;
        let io = |source| Error::Io {
            path: "-".into(),
            source,
        };
        for r in &recs {
            serde_json::to_writer(&mut *out, r).map_err(|e| io(e.into()))?;
            out.write_all(b"\n").map_err(io)?;
        }
        Ok(recs.len())
    }

    /// Every passage, ordered by key and position.
    fn export_records(&self) -> Result<Vec<ExportRecord>> {
        let searcher = self.reader.searcher();
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        let addrs = searcher.search(&AllQuery, &DocSetCollector).map_err(err)?;
        let f = &self.fields;
        let mut recs = Vec::new();
        for a in addrs {
            let d: TantivyDocument = searcher.doc(a).map_err(err)?;
            let s = |field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let all = |field| stored_strings(&d, field);
            if s(f.unit).as_deref() != Some(Unit::Passage.name()) {
                continue;
            }
            let text = s(f.text).unwrap_or_default();
            recs.push(ExportRecord {
                key: s(f.key).unwrap_or_default(),
                title: s(f.title),
                doc_type: s(f.doc_type),
                issuer: s(f.issuer),
                doc_number: s(f.doc_number),
                date: d
                    .get_first(f.date)
                    .and_then(|v| v.as_datetime())
                    .map(super::results::iso),
                year: d.get_first(f.year).and_then(|v| v.as_u64()),
                section: s(f.section).filter(|x| !x.is_empty()),
                heading: s(f.heading),
                point: s(f.point),
                start: d.get_first(f.start).and_then(|v| v.as_u64()).unwrap_or(0),
                end: d.get_first(f.end).and_then(|v| v.as_u64()).unwrap_or(0),
                actors: all(f.actors),
                deadlines: all(f.deadlines),
                cut: self.seg.joined(&text),
                text,
            });
        }
        recs.sort_by(|a, b| (&a.key, a.start).cmp(&(&b.key, b.start)));
        Ok(recs)
    }
}
