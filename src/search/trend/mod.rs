//! Term trends over an archive: for each term and group of documents (a year, a type, an
//! issuer), the documents that contain it, its occurrences, its rate per 10,000 characters of
//! the group's text and its first appearance; and the document × term panel behind them.
//!
//! A term is counted as search finds it quoted: an exact substring of its units (characters
//! and ASCII runs), folded the same way (`營商環境` counts as `营商环境`), white space inside it
//! ignored, punctuation not; so every count can be checked by searching for `"term"`.
//!
//! ```no_run
//! use std::path::Path;
//! use zhengce::search::trend::{GroupBy, TrendQuery};
//! use zhengce::search::Archive;
//!
//! let archive = Archive::open(Path::new("zhengce-index"))?;
//! let trend = archive.trend(&TrendQuery::new(["新质生产力", "低空经济"]).by(GroupBy::Year))?;
//! for row in &trend.rows {
//!     println!("{} {} {} {:.2}", row.group, row.term, row.occurrences, row.per_10k);
//! }
//! # Ok::<(), zhengce::Error>(())
//! ```

mod output;

use std::collections::HashMap;

use memchr::memmem::Finder;
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::archive::Archive;
use super::columns::Segments;
use super::query::Planner;
use super::schema::Unit;
use super::snippet::{Highlighter, Snippet};
use crate::error::{Error, Result};
use crate::model::{DocType, Span};
use crate::segment::{for_each_gram, Traditional};

/// What documents are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// The document's year (its date's, or the year an undated work report is for).
    #[default]
    Year,
    /// Its type (`work_report`, `notice`, …).
    Type,
    /// Its issuer or speaker.
    Issuer,
}

impl GroupBy {
    /// The name used on the command line and in output: `year`, `type`, `issuer`.
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Year => "year",
            GroupBy::Type => "type",
            GroupBy::Issuer => "issuer",
        }
    }
}

/// A trend to compute: terms, grouping, filters. `TrendQuery::new(["营商环境"]).by(GroupBy::Type)`.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendQuery {
    terms: Vec<String>,
    by: GroupBy,
    doc_type: Option<DocType>,
    snippet_chars: usize,
}

impl TrendQuery {
    /// The terms, grouped by year, over every document, snippets of about 80 characters.
    pub fn new<I, S>(terms: I) -> TrendQuery
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        TrendQuery {
            terms: terms.into_iter().map(Into::into).collect(),
            by: GroupBy::Year,
            doc_type: None,
            snippet_chars: 80,
        }
    }
    /// How documents are grouped.
    pub fn by(mut self, by: GroupBy) -> Self {
        self.by = by;
        self
    }
    /// Only documents of this type.
    pub fn doc_type(mut self, t: DocType) -> Self {
        self.doc_type = Some(t);
        self
    }
    /// About how many characters a first appearance's snippet has.
    pub fn snippet_chars(mut self, n: usize) -> Self {
        self.snippet_chars = n;
        self
    }
}

/// A document of the archive as a trend sees it.
#[derive(Debug, Clone, Serialize)]
pub struct DocInfo {
    /// Its key (path).
    pub key: String,
    /// Its title.
    pub title: Option<String>,
    /// Its date, ISO.
    pub date: Option<String>,
    /// Its year.
    pub year: Option<u64>,
    /// Its type.
    pub doc_type: String,
    /// Its issuer or speaker.
    pub issuer: Option<String>,
    /// Characters of its clean text, white space not counted.
    pub chars: u64,
}

impl DocInfo {
    fn group(&self, by: GroupBy) -> String {
        match by {
            GroupBy::Year => self.year.map(|y| y.to_string()).unwrap_or_default(),
            GroupBy::Type => self.doc_type.clone(),
            GroupBy::Issuer => self.issuer.clone().unwrap_or_default(),
        }
    }
    /// Order of first appearance: dated or yeared documents first, earliest first.
    fn when(&self) -> (bool, String) {
        let date = super::time_key(self.date.as_deref(), self.year).unwrap_or_default();
        (date.is_empty(), date)
    }
}

/// One occurrence of a term: where it stands and a snippet around it.
#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    /// The document's key.
    pub key: String,
    /// Its title.
    pub title: Option<String>,
    /// Its date, ISO.
    pub date: Option<String>,
    /// Its year.
    pub year: Option<u64>,
    /// Markers of the enclosing sections.
    pub section: String,
    /// The passage it stands in, a byte range of the document's decoded text.
    pub passage: Span,
    /// A snippet of the passage around it.
    pub snippet: Snippet,
}

/// A term over the whole archive (or the documents of the type asked for).
#[derive(Debug, Clone, Serialize)]
pub struct TermSummary {
    /// The term as given.
    pub term: String,
    /// Documents that contain it.
    pub documents: usize,
    /// Its occurrences.
    pub occurrences: u64,
    /// Its first appearance: in the earliest document (by date, else year) that has it, the
    /// first passage that does. `None` when no document has it.
    pub first: Option<Occurrence>,
}

/// A group of documents and its size.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Its label: a year, a type name, an issuer; empty for documents without one.
    pub group: String,
    /// Its documents.
    pub documents: usize,
    /// Characters of their text.
    pub chars: u64,
}

/// One term in one group: the tidy row.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    /// The group's label.
    pub group: String,
    /// The term.
    pub term: String,
    /// Documents of the group that contain it.
    pub documents: usize,
    /// Documents of the group.
    pub group_documents: usize,
    /// Its occurrences in the group.
    pub occurrences: u64,
    /// Characters of the group's text.
    pub chars: u64,
    /// Occurrences per 10,000 characters of the group's text.
    pub per_10k: f64,
    /// The key of the earliest document of the group that has it.
    pub first_key: Option<String>,
    /// That document's date.
    pub first_date: Option<String>,
}

/// A computed trend.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// How documents were grouped.
    pub by: GroupBy,
    /// Each term over all documents, in the order given.
    pub terms: Vec<TermSummary>,
    /// The groups, years in order, other groups largest first.
    pub groups: Vec<Group>,
    /// One row per group × term, groups in order, terms in the order given.
    pub rows: Vec<TrendRow>,
    /// The documents counted, by key.
    #[serde(skip)]
    pub documents: Vec<DocInfo>,
    /// Occurrences of each term (in the order given) in each document of `documents`.
    #[serde(skip)]
    pub counts: Vec<Vec<u64>>,
}

/// One document × term row of the panel ([`Trend::panel`]).
#[derive(Debug, Clone, Serialize)]
pub struct PanelRow<'a> {
    /// The document.
    #[serde(flatten)]
    pub doc: &'a DocInfo,
    /// The term.
    pub term: &'a str,
    /// Its occurrences in the document.
    pub occurrences: u64,
    /// Occurrences per 10,000 characters of the document.
    pub per_10k: f64,
}

impl Trend {
    /// The document × term panel, zeros included: every document, each term in turn.
    pub fn panel(&self) -> impl Iterator<Item = PanelRow<'_>> {
        self.documents
            .iter()
            .zip(&self.counts)
            .flat_map(move |(doc, counts)| {
                self.terms.iter().zip(counts).map(move |(t, &n)| PanelRow {
                    doc,
                    term: &t.term,
                    occurrences: n,
                    per_10k: rate(n, doc.chars),
                })
            })
    }
}

fn rate(n: u64, chars: u64) -> f64 {
    if chars == 0 {
        0.0
    } else {
        n as f64 * 10_000.0 / chars as f64
    }
}

/// A term's units joined as [`UnitText`] joins a text's: what is searched for in it.
#[derive(Debug, Clone)]
pub struct UnitPattern {
    joined: String,
}

/// Separator after every unit.
const SEP: char = '\u{1}';
/// Mark of a position left empty (punctuation) between two units.
const GAP: char = '\u{2}';

impl UnitPattern {
    /// The pattern of `term`; `None` when it has no unit (only punctuation or space).
    pub fn new(term: &str, traditional: Traditional) -> Option<UnitPattern> {
        let t = UnitText::new(term, traditional);
        (!t.units.is_empty()).then_some(UnitPattern { joined: t.joined })
    }

    /// A searcher for the pattern in a [`UnitText`].
    pub fn finder(&self) -> Finder<'_> {
        Finder::new(self.joined.as_bytes())
    }
}

/// A text's units (folded) joined with a separator after each and a gap mark where
/// punctuation stands between two, with where each unit stands in the text: a term's pattern
/// matches exactly where its unit phrase does in the index.
#[derive(Debug, Clone, Default)]
pub struct UnitText {
    joined: String,
    /// `(start in joined, span in the text)` of each unit.
    units: Vec<(usize, Span)>,
}

impl UnitText {
    /// The units of `text`.
    pub fn new(text: &str, traditional: Traditional) -> UnitText {
        let mut joined = String::with_capacity(text.len() + text.len() / 2);
        let mut units = Vec::with_capacity(text.len() / 3);
        joined.push(SEP);
        let mut last: Option<u32> = None;
        for_each_gram(text, traditional, |g, span, pos| {
            if last.is_some_and(|l| pos > l + 1) {
                joined.push(GAP);
                joined.push(SEP);
            }
            last = Some(pos);
            units.push((joined.len(), span));
            joined.push_str(g);
            joined.push(SEP);
        });
        UnitText { joined, units }
    }

    /// Spans of the text where `pattern` stands, in order, not overlapping.
    pub fn find_all(&self, finder: &Finder<'_>) -> Vec<Span> {
        let mut out = Vec::new();
        self.each(finder, |s| out.push(s));
        out
    }

    /// How often `pattern` stands in the text, not overlapping.
    pub fn count(&self, finder: &Finder<'_>) -> u64 {
        let mut n = 0;
        self.each(finder, |_| n += 1);
        n
    }

    fn each(&self, finder: &Finder<'_>, mut f: impl FnMut(Span)) {
        let hay = self.joined.as_bytes();
        let needle = finder.needle().len();
        let mut from = 0;
        while let Some(i) = finder.find(&hay[from..]) {
            let s = from + i;
            let e = s + needle;
            // The first unit starts after the leading separator; the last ends before the
            // trailing one.
            let first = self.units.partition_point(|&(j, _)| j <= s);
            let last = self.units.partition_point(|&(j, _)| j < e - 1);
            if first < self.units.len() && last > first {
                f(Span(
                    self.units[first].1.start(),
                    self.units[last - 1].1.end(),
                ));
            }
            // The trailing separator may lead the next occurrence.
            from = e - 1;
        }
    }
}

/// Where a term was seen first in one document: the passage's start, and its address.
#[derive(Clone, Copy)]
struct Seen {
    doc: usize,
    start: u64,
    addr: DocAddress,
}

impl Archive {
    fn term_query(&self, field: tantivy::schema::Field, value: &str) -> Box<dyn TQuery> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    }

    /// The units of `unit` (with the type filter of `q`) that `extra` matches.
    pub(super) fn units_matching(
        &self,
        searcher: &Searcher,
        unit: Unit,
        doc_type: Option<DocType>,
        extra: Option<Box<dyn TQuery>>,
    ) -> Result<Vec<DocAddress>> {
        let f = &self.fields;
        let mut subs = vec![(Occur::Must, self.term_query(f.unit, unit.name()))];
        if let Some(t) = doc_type {
            subs.push((Occur::Must, self.term_query(f.doc_type, t.name())));
        }
        if let Some(q) = extra {
            subs.push((Occur::Must, q));
        }
        let mut addrs: Vec<DocAddress> = searcher
            .search(&BooleanQuery::new(subs), &DocSetCollector)
            .map_err(|source| Error::Index {
                path: self.dir().to_path_buf(),
                source,
            })?
            .into_iter()
            .collect();
        addrs.sort_unstable();
        Ok(addrs)
    }

    /// Computes a trend. Reads a snapshot of the archive as of the last commit. A term that
    /// matches nothing gives zeros.
    pub fn trend(&self, q: &TrendQuery) -> Result<Trend> {
        super::archive::reading(self.dir(), || self.run_trend(q))
    }

    fn run_trend(&self, q: &TrendQuery) -> Result<Trend> {
        let searcher = self.reader.searcher();
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        let mut cols = Segments::default();
        // The documents, in order of date.
        let mut documents: Vec<DocInfo> = Vec::new();
        for addr in self.units_matching(&searcher, Unit::Document, q.doc_type, None)? {
            documents.push(
                cols.get(&searcher, addr.segment_ord)
                    .map_err(err)?
                    .info(addr.doc_id),
            );
        }
        documents.sort_by(|a, b| a.when().cmp(&b.when()).then_with(|| a.key.cmp(&b.key)));
        let by_key: HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.key.as_str(), i))
            .collect();

        // The passages that have any term, each with the terms it has.
        let planner = Planner {
            fields: &self.fields,
            seg: &self.seg,
        };
        let traditional = self.seg.traditional();
        let patterns: Vec<Option<UnitPattern>> = q
            .terms
            .iter()
            .map(|t| UnitPattern::new(t, traditional))
            .collect();
        let mut wanted: HashMap<DocAddress, Vec<usize>> = HashMap::new();
        for (t, term) in q.terms.iter().enumerate() {
            let Some(sub) = planner.substring(term) else {
                continue;
            };
            for addr in self.units_matching(&searcher, Unit::Passage, q.doc_type, Some(sub))? {
                wanted.entry(addr).or_default().push(t);
            }
        }
        let mut addrs: Vec<(DocAddress, Vec<usize>)> = wanted.into_iter().collect();
        addrs.sort_unstable_by_key(|(a, _)| *a);

        let finders: Vec<Option<Finder<'_>>> = patterns
            .iter()
            .map(|p| p.as_ref().map(UnitPattern::finder))
            .collect();
        let f = &self.fields;
        let mut counts = vec![vec![0u64; q.terms.len()]; documents.len()];
        // Per term, the first passage that has it in each document.
        let mut first: Vec<HashMap<usize, Seen>> = vec![HashMap::new(); q.terms.len()];
        let mut work: Vec<(DocAddress, usize, Vec<usize>)> = Vec::with_capacity(addrs.len());
        // A passage's document by its key's ordinal in the passage's segment, each ordinal
        // turned into its key once (a dictionary look-up costs more than the rest).
        let mut by_ord: HashMap<(u32, u64), Option<usize>> = HashMap::new();
        for (addr, terms) in addrs {
            let c = cols.get(&searcher, addr.segment_ord).map_err(err)?;
            let Some(ord) = c.key_ord(addr.doc_id) else {
                continue;
            };
            let doc = *by_ord
                .entry((addr.segment_ord, ord))
                .or_insert_with(|| by_key.get(c.key(addr.doc_id).as_str()).copied());
            if let Some(doc) = doc {
                work.push((addr, doc, terms));
            }
        }
        // The stored passages are read and matched in parallel, in runs of neighbours (the
        // store decompresses a block for several of them).
        use rayon::prelude::*;
        let found: Vec<Vec<(Seen, usize, u64)>> = work
            .par_chunks(256)
            .map(|chunk| {
                let mut out = Vec::new();
                for (addr, doc, terms) in chunk {
                    let stored: TantivyDocument = searcher.doc(*addr).map_err(err)?;
                    let text = stored
                        .get_first(f.text)
                        .and_then(|v| v.as_str())
                        .unwrap_or("");
                    let start = stored
                        .get_first(f.start)
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0);
                    let units = UnitText::new(text, traditional);
                    for &t in terms {
                        let Some(finder) = &finders[t] else { continue };
                        let n = units.count(finder);
                        if n > 0 {
                            let seen = Seen {
                                doc: *doc,
                                start,
                                addr: *addr,
                            };
                            out.push((seen, t, n));
                        }
                    }
                }
                Ok(out)
            })
            .collect::<Result<_>>()?;
        for (seen, t, n) in found.into_iter().flatten() {
            counts[seen.doc][t] += n;
            let e = first[t].entry(seen.doc).or_insert(seen);
            if seen.start < e.start {
                *e = seen;
            }
        }

        // Groups, in order.
        let labels: Vec<String> = documents.iter().map(|d| d.group(q.by)).collect();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of: HashMap<&str, usize> = HashMap::new();
        for (d, label) in documents.iter().zip(&labels) {
            let g = *group_of.entry(label).or_insert_with(|| {
                groups.push(Group {
                    group: label.clone(),
                    documents: 0,
                    chars: 0,
                });
                groups.len() - 1
            });
            groups[g].documents += 1;
            groups[g].chars += d.chars;
        }
        let mut order: Vec<usize> = (0..groups.len()).collect();
        match q.by {
            GroupBy::Year => order.sort_by_key(|&g| {
                let l = &groups[g].group;
                (l.is_empty(), l.parse::<u64>().unwrap_or(0))
            }),
            _ => order.sort_by(|&a, &b| {
                let (a, b) = (&groups[a], &groups[b]);
                (a.group.is_empty(), std::cmp::Reverse(a.documents), &a.group).cmp(&(
                    b.group.is_empty(),
                    std::cmp::Reverse(b.documents),
                    &b.group,
                ))
            }),
        }

        let mut rows = Vec::with_capacity(order.len() * q.terms.len());
        for &g in &order {
            let group = &groups[g];
            for (t, term) in q.terms.iter().enumerate() {
                let in_group = || {
                    (0..documents.len()).filter(|&d| labels[d] == group.group && counts[d][t] > 0)
                };
                let occurrences: u64 = in_group().map(|d| counts[d][t]).sum();
                // Documents are in order of date: the first that has it is the earliest.
                let first_doc = in_group().next().map(|d| &documents[d]);
                rows.push(TrendRow {
                    group: group.group.clone(),
                    term: term.clone(),
                    documents: in_group().count(),
                    group_documents: group.documents,
                    occurrences,
                    chars: group.chars,
                    per_10k: rate(occurrences, group.chars),
                    first_key: first_doc.map(|d| d.key.clone()),
                    first_date: first_doc.and_then(|d| d.date.clone()),
                });
            }
        }
        let groups = order.iter().map(|&g| groups[g].clone()).collect();

        let mut terms = Vec::with_capacity(q.terms.len());
        for (t, term) in q.terms.iter().enumerate() {
            let seen = first[t].values().min_by_key(|s| s.doc).copied();
            let first = match seen {
                Some(s) => Some(self.occurrence(&searcher, term, s, &documents, q)?),
                None => None,
            };
            terms.push(TermSummary {
                term: term.clone(),
                documents: counts.iter().filter(|c| c[t] > 0).count(),
                occurrences: counts.iter().map(|c| c[t]).sum(),
                first,
            });
        }
        Ok(Trend {
            by: q.by,
            terms,
            groups,
            rows,
            documents,
            counts,
        })
    }

    /// The occurrence a [`Seen`] stands for, with its snippet.
    fn occurrence(
        &self,
        searcher: &Searcher,
        term: &str,
        s: Seen,
        documents: &[DocInfo],
        q: &TrendQuery,
    ) -> Result<Occurrence> {
        let f = &self.fields;
        let stored: TantivyDocument = searcher.doc(s.addr).map_err(|source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        })?;
        let get = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
        };
        let num = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_u64())
                .unwrap_or(0) as usize
        };
        let hl = Highlighter::new(&self.seg, &[(term, true)]);
        let d = &documents[s.doc];
        Ok(Occurrence {
            key: d.key.clone(),
            title: d.title.clone(),
            date: d.date.clone(),
            year: d.year,
            section: get(f.section).to_string(),
            passage: Span(num(f.start), num(f.end)),
            snippet: hl.snippet(get(f.text), q.snippet_chars),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(text: &'a str, term: &str) -> Vec<&'a str> {
        let p = UnitPattern::new(term, Traditional::ToSimplified).unwrap();
        let t = UnitText::new(text, Traditional::ToSimplified);
        let finder = p.finder();
        t.find_all(&finder)
            .into_iter()
            .map(|s| &text[s.start()..s.end()])
            .collect()
    }

    #[test]
    fn terms_match_as_the_unit_phrase_does() {
        const CASES: &[(&str, &str, &[&str])] = &[
            (
                "优化营商环境，营商环境持续改善",
                "营商环境",
                &["营商环境", "营商环境"],
            ),
            // Folding: traditional characters, full-width letters.
            ("優化營商環境", "营商环境", &["營商環境"]),
            ("推进５Ｇ网络建设", "5G", &["５Ｇ"]),
            // White space inside a word is skipped (scraped text breaks lines in words).
            ("营商\n环境", "营商环境", &["营商\n环境"]),
            // Punctuation is not: the query's gap must stand where the text's does.
            ("对党、对人民", "对党对人民", &[]),
            ("改革，发展", "改革，发展", &["改革，发展"]),
            ("改革发展", "改革，发展", &[]),
            // An ASCII run is one unit: G does not stand inside 5G.
            ("5G网络", "G网络", &[]),
            // Not overlapping, but back to back.
            ("发展发展发展", "发展发展", &["发展发展"]),
            ("发展发展", "发展", &["发展", "发展"]),
            ("", "发展", &[]),
        ];
        for &(text, term, want) in CASES {
            assert_eq!(find(text, term), want, "{term} in {text}");
        }
    }

    #[test]
    fn a_term_without_units_has_no_pattern() {
        assert!(UnitPattern::new("，、", Traditional::ToSimplified).is_none());
        assert!(UnitPattern::new("  ", Traditional::ToSimplified).is_none());
    }

    #[test]
    fn rates_are_per_ten_thousand_characters() {
        assert_eq!(rate(3, 30_000), 1.0);
        assert_eq!(rate(5, 0), 0.0);
    }
}
