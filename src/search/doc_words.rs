//! The words of a whole document, matched at query time from its passages' postings.
//!
//! A document's units are added as one group ([`Archive::add`](super::Archive::add)): its
//! document unit, then its passages, consecutive in their segment. So the document unit of any
//! unit is the last document unit at or before it, and a word is in a document where the `body`
//! of one of its passages, or the `title` or `issuer` of one of its units, has it.
//! [`DocWords`] matches the document units of the documents that have every one of its words,
//! wherever they stand, and scores them as BM25 with each word counted once and the document's
//! count of distinct words (the fast column `words`) as its length.
//!
//! The archive used to index each document's distinct words in a field of their own for this:
//! a second copy of the vocabulary in every segment's term table, about a tenth of indexing
//! time. Reading the passages' postings costs a seek per document that has the word.

use std::collections::HashMap;

use tantivy::columnar::Column;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::{SegmentId, SegmentReader};
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, TantivyError, Term, TERMINATED};

use super::schema::{Fields, Unit};

/// The document units of the documents that have all of `words` (as cut for the index), each
/// in any of their units.
#[derive(Debug, Clone)]
pub(crate) struct DocWords {
    words: Vec<String>,
    fields: Fields,
}

impl DocWords {
    /// Documents with all of `words`; none when `words` is empty.
    pub(crate) fn all(fields: Fields, words: Vec<String>) -> Self {
        DocWords { words, fields }
    }

    /// The fields a document's words are read from.
    fn word_fields(&self) -> [Field; 3] {
        [self.fields.body, self.fields.title, self.fields.issuer]
    }

    /// In one segment: its document units (live or not, ascending) and, for each word, the
    /// indices into them of the live documents that have it, ascending.
    fn segment(&self, reader: &SegmentReader) -> tantivy::Result<Segment> {
        let heads = document_units(reader, self.fields.unit)?;
        let mut per_word = Vec::with_capacity(self.words.len());
        for w in &self.words {
            let mut found: Vec<u32> = Vec::new();
            for field in self.word_fields() {
                documents_with(reader, &heads, field, w, &mut found)?;
            }
            found.sort_unstable();
            found.dedup();
            found.retain(|&i| !reader.is_deleted(heads[i as usize]));
            per_word.push(found);
        }
        Ok(Segment { heads, per_word })
    }
}

/// One segment's document units and the documents of each word ([`DocWords::segment`]).
struct Segment {
    heads: Vec<DocId>,
    per_word: Vec<Vec<u32>>,
}

impl Segment {
    /// The documents (indices into `heads`) that have every word, ascending.
    fn with_all(&self) -> Vec<u32> {
        let Some((first, rest)) = self.per_word.split_first() else {
            return Vec::new();
        };
        let mut out = first.clone();
        for other in rest {
            out.retain(|i| other.binary_search(i).is_ok());
        }
        out
    }
}

/// The document units of a segment, live or not, ascending.
fn document_units(reader: &SegmentReader, unit: Field) -> tantivy::Result<Vec<DocId>> {
    let term = Term::from_field_text(unit, Unit::Document.name());
    let mut out = Vec::new();
    if let Some(mut p) = reader
        .inverted_index(unit)?
        .read_postings(&term, IndexRecordOption::Basic)?
    {
        let mut d = p.doc();
        while d != TERMINATED {
            out.push(d);
            d = p.advance();
        }
    }
    Ok(out)
}

/// Adds to `out` the documents (indices into `heads`) with a unit where `field` has `word`:
/// one posting looked at per document, the rest of its units skipped.
fn documents_with(
    reader: &SegmentReader,
    heads: &[DocId],
    field: Field,
    word: &str,
    out: &mut Vec<u32>,
) -> tantivy::Result<()> {
    let term = Term::from_field_text(field, word);
    let Some(mut p) = reader
        .inverted_index(field)?
        .read_postings(&term, IndexRecordOption::Basic)?
    else {
        return Ok(());
    };
    let mut d = p.doc();
    while d != TERMINATED {
        let next = heads.partition_point(|&h| h <= d);
        if let Some(i) = next.checked_sub(1) {
            out.push(i as u32);
        }
        d = match heads.get(next) {
            Some(&h) => p.seek(h),
            None => TERMINATED,
        };
    }
    Ok(())
}

impl Query for DocWords {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut by_segment = HashMap::new();
        if let Some(searcher) = scoring.searcher() {
            let segments = searcher
                .segment_readers()
                .iter()
                .map(|r| Ok((r.segment_id(), self.segment(r)?)))
                .collect::<tantivy::Result<Vec<_>>>()?;
            let bm25 = if scoring.is_scoring_enabled() {
                Some(self.bm25(searcher, &segments)?)
            } else {
                None
            };
            for ((id, s), reader) in segments.into_iter().zip(searcher.segment_readers()) {
                let lengths = reader.fast_fields().u64("words").ok();
                let scored = scored(&s, bm25.as_deref(), lengths.as_ref());
                by_segment.insert(id, scored);
            }
        }
        Ok(Box::new(DocWordsWeight {
            query: self.clone(),
            by_segment,
        }))
    }
}

impl DocWords {
    /// Each word's BM25 weight over the archive's units: its document frequency counted in
    /// documents, the average length that of the document units' word counts spread over all
    /// units (as a field held by document units alone would have it).
    fn bm25(
        &self,
        searcher: &Searcher,
        segments: &[(SegmentId, Segment)],
    ) -> tantivy::Result<Vec<Bm25Weight>> {
        let mut units = 0u64;
        let mut total_words = 0u64;
        for (reader, (_, s)) in searcher.segment_readers().iter().zip(segments) {
            units += u64::from(reader.max_doc());
            if let Ok(col) = reader.fast_fields().u64("words") {
                total_words += s.heads.iter().filter_map(|&h| col.first(h)).sum::<u64>();
            }
        }
        let average = total_words.max(1) as Score / units.max(1) as Score;
        Ok((0..self.words.len())
            .map(|w| {
                let df: u64 = segments
                    .iter()
                    .map(|(_, s)| s.per_word[w].len() as u64)
                    .sum();
                Bm25Weight::for_one_term_without_explain(df, units.max(df), average)
            })
            .collect())
    }
}

/// The units a segment matches, with their scores (1 where scoring is off).
fn scored(
    s: &Segment,
    bm25: Option<&[Bm25Weight]>,
    lengths: Option<&Column<u64>>,
) -> Vec<(DocId, Score)> {
    s.with_all()
        .into_iter()
        .map(|i| {
            let doc = s.heads[i as usize];
            let score = match bm25 {
                Some(ws) => {
                    let len = lengths.and_then(|c| c.first(doc)).unwrap_or(0);
                    let id = FieldNormReader::fieldnorm_to_id(len.min(u64::from(u32::MAX)) as u32);
                    ws.iter().map(|w| w.score(id, 1)).sum()
                }
                None => 1.0,
            };
            (doc, score)
        })
        .collect()
}

struct DocWordsWeight {
    query: DocWords,
    /// What each segment of the searcher the weight was made for matches.
    by_segment: HashMap<SegmentId, Vec<(DocId, Score)>>,
}

impl DocWordsWeight {
    fn matches(&self, reader: &SegmentReader) -> tantivy::Result<Vec<(DocId, Score)>> {
        match self.by_segment.get(&reader.segment_id()) {
            Some(m) => Ok(m.clone()),
            // A segment the weight was not made for (no searcher was given): matched unscored.
            None => Ok(scored(&self.query.segment(reader)?, None, None)),
        }
    }
}

impl Weight for DocWordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = self.matches(reader)?;
        if boost != 1.0 {
            docs.iter_mut().for_each(|(_, s)| *s *= boost);
        }
        Ok(Box::new(Listed { docs, at: 0 }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let docs = self.matches(reader)?;
        match docs.binary_search_by_key(&doc, |&(d, _)| d) {
            Ok(i) => Ok(Explanation::new(
                "BM25 of the document's distinct words",
                docs[i].1,
            )),
            Err(_) => Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not have all of {:?}",
                self.query.words
            ))),
        }
    }
}

/// A list of matches with their scores, as a scorer.
struct Listed {
    docs: Vec<(DocId, Score)>,
    at: usize,
}

impl DocSet for Listed {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.docs[self.at..];
        self.at += rest.partition_point(|&(d, _)| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).map_or(TERMINATED, |&(d, _)| d)
    }

    fn size_hint(&self) -> u32 {
        (self.docs.len() - self.at) as u32
    }
}

impl Scorer for Listed {
    fn score(&mut self) -> Score {
        self.docs.get(self.at).map_or(0.0, |&(_, s)| s)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tantivy::collector::TopDocs;
    use tantivy::schema::Value;
    use tantivy::{Index, IndexWriter, TantivyDocument};

    use super::*;
    use crate::segment::Segmenter;

    /// A document: its key, title and its passages' words (joined by spaces, as
    /// `words_by_passage` gives them).
    type Doc<'a> = (&'a str, &'a str, &'a [&'a str]);

    fn units(f: &Fields, (key, title, passages): Doc<'_>) -> Vec<TantivyDocument> {
        let common = |unit: Unit| {
            let mut d = TantivyDocument::new();
            d.add_text(f.key, key);
            d.add_text(f.unit, unit.name());
            d.add_text(f.title, title);
            d
        };
        let distinct: std::collections::HashSet<&str> =
            passages.iter().flat_map(|p| p.split(' ')).collect();
        let mut head = common(Unit::Document);
        head.add_u64(f.words, distinct.len() as u64);
        let mut out = vec![head];
        for p in passages {
            let mut d = common(Unit::Passage);
            d.add_text(f.body, p);
            out.push(d);
        }
        out
    }

    /// An index of `batches` of documents, each batch committed as a segment of its own, each
    /// document added as the archive adds it (replacing any with its key); the keys in
    /// `deleted` are deleted after the first batch.
    fn index(batches: &[&[Doc<'_>]], deleted: &[&str]) -> (Index, Fields) {
        let (schema, f) = Fields::build();
        let index = Index::create_in_ram(schema);
        super::super::schema::register(&index, &Arc::new(Segmenter::new()));
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (n, batch) in batches.iter().enumerate() {
            for &doc in *batch {
                use tantivy::indexer::UserOperation;
                let delete = UserOperation::Delete(Term::from_field_text(f.key, doc.0));
                let adds = units(&f, doc).into_iter().map(UserOperation::Add);
                w.run(std::iter::once(delete).chain(adds).collect::<Vec<_>>())
                    .unwrap();
            }
            if n == 0 {
                for k in deleted {
                    w.delete_term(Term::from_field_text(f.key, k));
                }
            }
            w.commit().unwrap();
        }
        (index, f)
    }

    /// The keys of the units `words` match, best first.
    fn found(index: &Index, f: Fields, words: &[&str]) -> Vec<String> {
        let searcher = index.reader().unwrap().searcher();
        let q = DocWords::all(f, words.iter().map(|w| w.to_string()).collect());
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        top.iter()
            .map(|&(_, a)| {
                let d: TantivyDocument = searcher.doc(a).unwrap();
                let unit = d.get_first(f.unit).and_then(|v| v.as_str()).unwrap();
                assert_eq!(unit, Unit::Document.name(), "only document units match");
                d.get_first(f.key)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    const DOCS: &[Doc<'_>] = &[
        ("a", "东江 方案", &["改革 项目", "农产品"]),
        ("b", "通知", &["改革"]),
        ("c", "通知", &["农产品 新建"]),
        ("d", "报告", &["改革 农产品 新建 项目 补贴 乡村 道路 学校"]),
    ];

    #[test]
    fn a_document_has_the_words_of_all_its_passages_and_its_title() {
        let (index, f) = index(&[DOCS], &[]);
        for (words, want) in [
            // In two passages of a; in one of d.
            (&["改革", "农产品"][..], &["a", "d"][..]),
            // b has one and c, the document after it, the other: neither has both.
            (&["改革", "新建"], &["d"]),
            // A word of the title and one of a passage.
            (&["东江", "农产品"], &["a"]),
            (&["农产品"], &["a", "c", "d"]),
            (&["改革", "没有"], &[]),
        ] {
            let mut got = found(&index, f, words);
            got.sort();
            assert_eq!(got, want, "{words:?}");
        }
    }

    #[test]
    fn the_shorter_document_scores_higher() {
        // a and d both have 改革 and 项目; d has many more distinct words. d is indexed first,
        // so that ties would put it first.
        let docs: Vec<Doc<'_>> = DOCS.iter().rev().copied().collect();
        let (index, f) = index(&[&docs], &[]);
        assert_eq!(found(&index, f, &["改革", "项目"]), ["a", "d"]);
    }

    #[test]
    fn deleted_and_replaced_documents_across_segments() {
        let replaced: &[Doc<'_>] = &[("b", "通知", &["债务 风险"])];
        for (batches, deleted) in [
            // Deleted in the segment that holds it, another segment after it.
            (&[DOCS, &[("e", "意见", &["改革 新建"])]][..], &["b"][..]),
            // Re-added in a later segment with other words.
            (&[DOCS, replaced], &[]),
        ] {
            let (index, f) = index(batches, deleted);
            let mut got = found(&index, f, &["改革", "新建"]);
            got.sort();
            let want: &[&str] = if deleted.is_empty() {
                &["d"]
            } else {
                &["d", "e"]
            };
            assert_eq!(got, want, "{deleted:?}");
            let b_only = found(&index, f, &["债务", "风险"]);
            let want: &[&str] = if deleted.is_empty() { &["b"] } else { &[] };
            assert_eq!(b_only, want);
            assert_eq!(
                found(&index, f, &["改革"])
                    .iter()
                    .filter(|k| *k == "b")
                    .count(),
                0,
                "b no longer has 改革"
            );
        }
    }
}
