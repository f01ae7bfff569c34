//! Keyword in context: every occurrence of a term in an archive with the characters on each
//! side, its document, year and section path (quanteda's `kwic`). A term is matched as
//! [`super::trend`] counts it, so the lines of a term are as many as its occurrences there.

use serde::Serialize;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::archive::Archive;
use super::query::Planner;
use super::schema::Unit;
use super::trend::{UnitPattern, UnitText};
use crate::error::{Error, Result};
use crate::model::{DocType, Span};

/// One occurrence in context.
#[derive(Debug, Clone, Serialize)]
pub struct KwicLine {
    /// The document's key.
    pub key: String,
    /// Its title.
    pub title: Option<String>,
    /// Its date, ISO.
    pub date: Option<String>,
    /// Its year.
    pub year: Option<u64>,
    /// Its type.
    pub doc_type: String,
    /// Markers of the enclosing sections (`二、 › （三）`).
    pub section: String,
    /// The passage the occurrence stands in, a byte range of the document's decoded text.
    pub passage: Span,
    /// The occurrence itself, a byte range of the document's decoded text; none where web
    /// furniture the analysis removed stood inside its passage (the passage's bytes then do
    /// not map one to one onto the text's).
    pub span: Option<Span>,
    /// Up to `width` characters before it, in its passage and the one before of the same
    /// document (line breaks as spaces).
    pub left: String,
    /// The occurrence as written.
    pub keyword: String,
    /// Up to `width` characters after it, running on into the next passage likewise.
    pub right: String,
}

/// What [`Archive::kwic`] looks for.
#[derive(Debug, Clone, PartialEq)]
pub struct KwicQuery {
    term: String,
    width: usize,
    doc_type: Option<DocType>,
}

impl KwicQuery {
    /// A term, with 20 characters of context on each side, in every document.
    pub fn new(term: &str) -> KwicQuery {
        KwicQuery {
            term: term.to_string(),
            width: 20,
            doc_type: None,
        }
    }
    /// Characters of context on each side.
    pub fn width(mut self, n: usize) -> Self {
        self.width = n;
        self
    }
    /// Only documents of this type.
    pub fn doc_type(mut self, t: DocType) -> Self {
        self.doc_type = Some(t);
        self
    }
}

fn context(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

impl Archive {
    /// Every occurrence of the term, documents by date (undated last), then by position.
    pub fn kwic(&self, q: &KwicQuery) -> Result<Vec<KwicLine>> {
        super::archive::reading(self.dir(), || self.run_kwic(q))
    }

    fn run_kwic(&self, q: &KwicQuery) -> Result<Vec<KwicLine>> {
        let searcher = self.reader.searcher();
        let planner = Planner {
            fields: &self.fields,
            seg: &self.seg,
        };
        let traditional = self.seg.traditional();
        let (Some(sub), Some(pattern)) = (
            planner.substring(&q.term),
            UnitPattern::new(&q.term, traditional),
        ) else {
            return Ok(Vec::new());
        };
        let finder = pattern.finder();
        let f = &self.fields;
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        let mut out = Vec::new();
        for addr in self.units_matching(&searcher, Unit::Passage, q.doc_type, Some(sub))? {
            let d: TantivyDocument = searcher.doc(addr).map_err(err)?;
            let s = |field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let n = |field| d.get_first(field).and_then(|v| v.as_u64());
            let text = s(f.text).unwrap_or_default();
            let passage = Span(
                n(f.start).unwrap_or(0) as usize,
                n(f.end).unwrap_or(0) as usize,
            );
            // The passage's text is its stretch of the document as written, unless something
            // was taken out of it.
            let plain = passage.end().checked_sub(passage.start()) == Some(text.len());
            let key = s(f.key).unwrap_or_default();
            // The passages before and after, read once where a context runs into them.
            let (mut before_it, mut after_it) = (None, None);
            for m in UnitText::new(&text, traditional).find_all(&finder) {
                let before = &text[..m.start()];
                let left_from = before
                    .char_indices()
                    .rev()
                    .nth(q.width.saturating_sub(1))
                    .map_or(0, |(i, _)| i);
                let mut left = context(&before[left_from..]);
                let short = q.width.saturating_sub(left.chars().count());
                if short > 0 && left_from == 0 {
                    let prev = match &before_it {
                        Some(t) => t,
                        None => before_it.insert(self.neighbour(&searcher, addr, &key, -1)?),
                    };
                    let from = prev
                        .char_indices()
                        .rev()
                        .nth(short - 1)
                        .map_or(0, |(i, _)| i);
                    left.insert_str(0, &context(&prev[from..]));
                }
                let after = &text[m.end()..];
                let right_to = after
                    .char_indices()
                    .nth(q.width)
                    .map_or(after.len(), |(i, _)| i);
                let mut right = context(&after[..right_to]);
                let short = q.width.saturating_sub(right.chars().count());
                if short > 0 && right_to == after.len() {
                    let next = match &after_it {
                        Some(t) => t,
                        None => after_it.insert(self.neighbour(&searcher, addr, &key, 1)?),
                    };
                    let to = next
                        .char_indices()
                        .nth(short)
                        .map_or(next.len(), |(i, _)| i);
                    right.push_str(&context(&next[..to]));
                }
                out.push(KwicLine {
                    key: key.clone(),
                    title: s(f.title),
                    date: d
                        .get_first(f.date)
                        .and_then(|v| v.as_datetime())
                        .map(super::results::iso),
                    year: n(f.year),
                    doc_type: s(f.doc_type).unwrap_or_default(),
                    section: s(f.section).unwrap_or_default(),
                    passage,
                    span: plain
                        .then(|| Span(passage.start() + m.start(), passage.start() + m.end())),
                    left: if q.width == 0 { String::new() } else { left },
                    keyword: text[m.start()..m.end()].to_string(),
                    right,
                });
            }
        }
        out.sort_by(|a, b| {
            let when = |l: &KwicLine| {
                let d = super::time_key(l.date.as_deref(), l.year);
                (d.is_none(), d)
            };
            when(a)
                .cmp(&when(b))
                .then_with(|| a.key.cmp(&b.key))
                .then_with(|| a.passage.start().cmp(&b.passage.start()))
        });
        Ok(out)
    }

    /// The text of the passage `delta` places from the one at `addr`, where it is a passage of
    /// the same document; empty at the document's ends.
    fn neighbour(
        &self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
        key: &str,
        delta: i64,
    ) -> Result<String> {
        let Ok(id) = u32::try_from(i64::from(addr.doc_id) + delta) else {
            return Ok(String::new());
        };
        let text = self
            .passage_text(searcher, addr.segment_ord, id, Some(key))
            .map_err(|source| Error::Index {
                path: self.dir().to_path_buf(),
                source,
            })?;
        Ok(text.unwrap_or_default())
    }
}

/// The lines as CSV with a header.
pub fn to_csv(lines: &[KwicLine]) -> String {
    let head = [
        "key", "title", "date", "year", "doc_type", "section", "left", "keyword", "right", "start",
        "end",
    ]
    .map(String::from);
    let rows = lines.iter().map(|l| {
        [
            l.key.clone(),
            l.title.clone().unwrap_or_default(),
            l.date.clone().unwrap_or_default(),
            l.year.map(|y| y.to_string()).unwrap_or_default(),
            l.doc_type.clone(),
            l.section.clone(),
            l.left.clone(),
            l.keyword.clone(),
            l.right.clone(),
            l.span.map(|s| s.start().to_string()).unwrap_or_default(),
            l.span.map(|s| s.end().to_string()).unwrap_or_default(),
        ]
    });
    let all: Vec<[String; 11]> = std::iter::once(head).chain(rows).collect();
    crate::table::csv_lines(all.iter())
}

/// The lines for reading: the keyword in a column, contexts right- and left-aligned.
pub fn to_text(lines: &[KwicLine], width: usize) -> String {
    let mut out = String::new();
    for l in lines {
        let pad = width.saturating_sub(l.left.chars().count());
        let when = l
            .date
            .clone()
            .or_else(|| l.year.map(|y| y.to_string()))
            .unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "{}{} 【{}】 {}\t{} {} {}\n",
            "　".repeat(pad),
            l.left,
            l.keyword,
            l.right,
            when,
            l.key,
            l.section
        ));
    }
    out
}
