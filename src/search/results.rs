//! Running a query: passages and documents found, grouped by document, reposts collapsed,
//! snippets made.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::{BytesColumn, StrColumn};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::archive::Archive;
use super::fingerprint::{resemblance, sketch_from_bytes, NEAR_DUPLICATE};
use super::query::{parse, Planner, Query, Relax, Sort};
use super::schema::Unit;
use super::snippet::{Highlighter, Snippet};
use crate::error::{Error, Result};
use crate::model::Span;

/// The answer to a query.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Units (documents and passages) that matched.
    pub matched_units: usize,
    /// Documents that matched (each key once; reposts counted apart).
    pub documents: usize,
    /// Documents passed over before these (`--offset`).
    pub offset: usize,
    /// No document has all of the query: these are the closest, found with each word or a
    /// shorter word inside it (`云南省政府` → `云南省`), or most of the words.
    pub relaxed: bool,
    /// Counts of the documents that matched by type, year and issuer: the whole match set,
    /// not only the page shown.
    pub facets: Facets,
    /// Documents, best first (or newest first, as asked).
    pub hits: Vec<DocumentHit>,
}

/// Counts of the matching documents by field, largest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Facets {
    /// By `doc_type`.
    pub doc_type: Vec<FacetCount>,
    /// By year (`""` for documents without one).
    pub year: Vec<FacetCount>,
    /// By issuer or speaker (documents without one are not counted).
    pub issuer: Vec<FacetCount>,
}

/// One value of a field and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Documents with it.
    pub count: usize,
}

fn counted<'a>(values: impl Iterator<Item = &'a str>) -> Vec<FacetCount> {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *m.entry(v).or_default() += 1;
    }
    let mut out: Vec<FacetCount> = m
        .into_iter()
        .map(|(v, count)| FacetCount {
            value: v.to_string(),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| b.value.cmp(&a.value)));
    out
}

/// A document that matched, with its best passages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentHit {
    /// The document's key (its path).
    pub key: String,
    /// Its title.
    pub title: Option<String>,
    /// Its date, ISO.
    pub date: Option<String>,
    /// Its year: the date's, or for an undated work report the year after the one it reviews.
    pub year: Option<u64>,
    /// Its type.
    pub doc_type: String,
    /// Issuer or speaker.
    pub issuer: Option<String>,
    /// 文号.
    pub doc_number: Option<String>,
    /// Its best score.
    pub score: f32,
    /// Its best passages, best first.
    pub passages: Vec<PassageHit>,
    /// Other keys holding the same text (reposts), collapsed into this hit.
    pub reposts: Vec<String>,
}

/// A passage that matched.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PassageHit {
    /// Markers of the enclosing sections (`二、 › （三）`); empty before the first heading.
    pub section: String,
    /// Heading of the innermost enclosing section.
    pub heading: Option<String>,
    /// The point's marker, where the passage is a point.
    pub point: Option<String>,
    /// Where it stands in the document's decoded text.
    pub span: Span,
    /// Its score.
    pub score: f32,
    /// The snippet.
    pub snippet: Snippet,
    /// The snippet with `<b>` marks, HTML-escaped.
    pub html: String,
}

/// A matching document as facets and the order by date see it.
struct Matched {
    key: String,
    when: Option<String>,
    year: Option<String>,
    doc_type: String,
    issuer: Option<String>,
}

/// Up to this many units are collected without counting the matches first.
const SMALL_LIMIT: usize = 1000;

struct Stored {
    doc: TantivyDocument,
}

impl Stored {
    fn str(&self, f: tantivy::schema::Field) -> Option<String> {
        self.doc
            .get_first(f)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }
    fn u64(&self, f: tantivy::schema::Field) -> Option<u64> {
        self.doc.get_first(f).and_then(|v| v.as_u64())
    }
}

impl Archive {
    /// Runs a query. Searches a snapshot of the archive as of the last commit.
    /// A damaged archive is an error ([`Archive::is_damaged`]), also where tantivy panics over
    /// it.
    pub fn search(&self, q: &Query) -> Result<SearchResults> {
        let parsed = parse(&q.text)?;
        super::archive::reading(self.dir(), || {
            // Ranked by relevance, the best units are collected in the same pass as the match
            // set: the query is evaluated once.
            let ranked = |q: &Query| {
                let mut all = q.clone();
                all.limit = q.limit.saturating_add(q.offset);
                all
            };
            let top_of = |q: &Query| {
                let want = unit_want(&ranked(q));
                (q.sort == Sort::Relevance && want <= SMALL_LIMIT).then_some(want)
            };
            let (mut matched, mut best) = self.matched(q, &parsed, top_of(q))?;
            // Never a silent empty page where documents match most of the query.
            let mut q = q.clone();
            let has_text = parsed
                .must
                .iter()
                .any(|c| matches!(c, super::query::Clause::Text { quoted: false, .. }));
            if matched.is_empty() && has_text {
                for relax in [Relax::Pieces, Relax::Most] {
                    let mut r = q.clone();
                    r.relax = relax;
                    let (m, b) = self.matched(&r, &parsed, top_of(&r))?;
                    if !m.is_empty() {
                        (q, matched, best) = (r, m, b);
                        break;
                    }
                }
            }
            let q = &q;
            let mut r = match q.sort {
                Sort::Relevance => {
                    let mut r = self.run(&ranked(q), &parsed, best)?;
                    r.hits.drain(..q.offset.min(r.hits.len()));
                    r
                }
                Sort::Date => {
                    // The page by date among all the documents that match, then the query run
                    // on those alone for their passages.
                    let page: Vec<String> = matched
                        .iter()
                        .skip(q.offset)
                        .take(q.limit)
                        .map(|d| d.key.clone())
                        .collect();
                    let mut one = q.clone();
                    one.limit = page.len().max(1);
                    one.keys = Some(page.clone());
                    let mut r = self.run(&one, &parsed, None)?;
                    if page.is_empty() {
                        r.hits.clear();
                    }
                    r.hits.sort_by_key(|h| {
                        page.iter().position(|k| *k == h.key).unwrap_or(usize::MAX)
                    });
                    r
                }
            };
            r.documents = matched.len();
            r.offset = q.offset;
            r.relaxed = q.relax != Relax::Strict;
            r.facets = Facets {
                doc_type: counted(matched.iter().map(|d| d.doc_type.as_str())),
                year: counted(matched.iter().map(|d| d.year.as_deref().unwrap_or(""))),
                issuer: counted(matched.iter().filter_map(|d| d.issuer.as_deref())),
            };
            Ok(r)
        })
    }

    /// Every document with a unit that matches, newest first (by date, else year; undated
    /// last), without those an exclusion leaves out; with `top`, also that many best units and
    /// the count of units that match, as [`Archive::run`] takes them.
    fn matched(
        &self,
        q: &Query,
        parsed: &super::query::Parsed,
        top: Option<usize>,
    ) -> Result<(Vec<Matched>, Option<BestUnits>)> {
        let planner = Planner {
            fields: &self.fields,
            seg: &self.seg,
        };
        let mut plain = q.clone();
        plain.keys = None;
        let tq = planner.plan(parsed, &plain);
        let searcher = self.reader.searcher();
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        let mut cols = Columns::default();
        let excluded = self.excluded_keys(&searcher, &mut cols, &planner, &parsed.must_not)?;
        let mut segs = super::columns::Segments::default();
        let mut keys: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut out = Vec::new();
        // One unit for each key in each segment (a document's units may stand in several).
        let (addrs, best) = match top {
            Some(n) => {
                let collect = (
                    super::columns::FirstUnitPerKey,
                    TopDocs::with_limit(n.max(1)).order_by_score(),
                    Count,
                );
                let (addrs, top, count) = searcher.search(&*tq, &collect).map_err(err)?;
                (addrs, Some((top, count)))
            }
            None => (
                searcher
                    .search(&*tq, &super::columns::FirstUnitPerKey)
                    .map_err(err)?,
                None,
            ),
        };
        for addr in addrs {
            let c = segs.get(&searcher, addr.segment_ord).map_err(err)?;
            let info = c.facet_info(addr.doc_id);
            if excluded.contains(&info.key) || !keys.insert(info.key.clone()) {
                continue;
            }
            out.push(Matched {
                when: super::time_key(info.date.as_deref(), info.year),
                year: info.year.map(|y| y.to_string()),
                key: info.key,
                doc_type: info.doc_type,
                issuer: info.issuer,
            });
        }
        out.sort_by(|a, b| {
            (a.when.is_none(), std::cmp::Reverse(&a.when), &a.key).cmp(&(
                b.when.is_none(),
                std::cmp::Reverse(&b.when),
                &b.key,
            ))
        });
        Ok((out, best))
    }

    /// The page of documents of `q` with their passages; `best`, where the match set's pass
    /// collected them, are its best units and the count of units that match.
    fn run(
        &self,
        q: &Query,
        parsed: &super::query::Parsed,
        best: Option<BestUnits>,
    ) -> Result<SearchResults> {
        let planner = Planner {
            fields: &self.fields,
            seg: &self.seg,
        };
        let tq = planner.plan(parsed, q);
        let searcher = self.reader.searcher();
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        // The top-n collector allocates for its whole limit: never more than the units that
        // matched (counted first when the product of the user's numbers is large).
        let want = unit_want(q);
        let (top, count) = match best {
            Some(b) => b,
            None => {
                let want = if want > SMALL_LIMIT {
                    want.min(searcher.search(&*tq, &Count).map_err(err)?)
                } else {
                    want
                };
                searcher
                    .search(
                        &*tq,
                        &(TopDocs::with_limit(want.max(1)).order_by_score(), Count),
                    )
                    .map_err(err)?
            }
        };
        let want = want.min(count);
        let hl = Highlighter::new(&self.seg, &parsed.texts());
        let mut cols = Columns::default();
        let excluded = self.excluded_keys(&searcher, &mut cols, &planner, &parsed.must_not)?;
        let f = &self.fields;

        // The documents and the evidence of each: its units' scores, its title.
        let mut segs = super::columns::Segments::default();
        let mut cands: Vec<Candidate> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut unit_of: Vec<(usize, bool)> = Vec::with_capacity(top.len());
        for &(score, addr) in &top {
            let (key, is_doc) = cols.key_unit(&searcher, addr).map_err(err)?;
            if excluded.contains(&key) {
                unit_of.push((usize::MAX, is_doc));
                continue;
            }
            let i = match by_key.get(&key) {
                Some(&i) => i,
                None => {
                    let title = segs
                        .get(&searcher, addr.segment_ord)
                        .map_err(err)?
                        .title(addr.doc_id);
                    cands.push(Candidate {
                        key: key.clone(),
                        title,
                        scores: Vec::new(),
                        doc_unit: None,
                        rank: 0.0,
                        title_match: TitleMatch::None,
                    });
                    by_key.insert(key, cands.len() - 1);
                    cands.len() - 1
                }
            };
            cands[i].scores.push(score);
            if is_doc {
                cands[i].doc_unit = Some(addr);
            }
            unit_of.push((i, is_doc));
        }
        let query_units = title_units(&parsed.texts().iter().map(|t| t.0).collect::<String>());
        // Documents with a passage that holds each piece of the query's text as written.
        let exact = self.exact_keys(&searcher, &mut cols, &planner, parsed, want)?;
        for c in &mut cands {
            c.title_match = title_match(&query_units, c.title.as_deref());
            c.rank = c.title_match.boost() * evidence(&c.scores);
        }
        let tier = |c: &Candidate| match c.title_match {
            TitleMatch::Exact => 2,
            TitleMatch::Part => 1,
            TitleMatch::None => u8::from(exact.contains(&c.key)),
        };
        let mut order: Vec<usize> = (0..cands.len()).collect();
        // Ties (the same text filed twice, two resolutions that differ in a date) go by key:
        // the order of their units in the index depends on which indexing thread took them.
        order.sort_by(|&a, &b| {
            let (a, b) = (&cands[a], &cands[b]);
            tier(b)
                .cmp(&tier(a))
                .then(b.rank.total_cmp(&a.rank))
                .then_with(|| a.key.cmp(&b.key))
        });

        // The documents shown, reposts collapsed into the first of them.
        let mut hits: Vec<DocumentHit> = Vec::new();
        let mut hit_of: Vec<Option<usize>> = vec![None; cands.len()];
        let mut sketches: Vec<Vec<u64>> = Vec::new();
        for &i in &order {
            if hits.len() >= q.limit {
                // The list is full: later documents are neither shown nor checked for being
                // reposts of those shown.
                break;
            }
            let c = &cands[i];
            let sk = self.sketch_of(&searcher, &mut cols, &c.key)?;
            if let Some(h) = sketches
                .iter()
                .position(|s| resemblance(s, &sk) >= NEAR_DUPLICATE)
            {
                hits[h].reposts.push(c.key.clone());
                continue;
            }
            hit_of[i] = Some(hits.len());
            hits.push(DocumentHit {
                key: c.key.clone(),
                title: None,
                date: None,
                year: None,
                doc_type: String::new(),
                issuer: None,
                doc_number: None,
                score: c.rank,
                passages: Vec::new(),
                reposts: Vec::new(),
            });
            sketches.push(sk);
        }

        // Their best passages: from the best units, or for a document shown without one among
        // them (raised by its title or its evidence) its own best passages.
        let mut picks: Vec<(usize, f32, tantivy::DocAddress)> = Vec::new();
        let mut picked = vec![0usize; hits.len()];
        for (&(score, addr), &(i, is_doc)) in top.iter().zip(&unit_of) {
            let Some(h) = hit_of.get(i).copied().flatten() else {
                continue;
            };
            if !is_doc && picked[h] < q.passages {
                picked[h] += 1;
                picks.push((h, score, addr));
            }
        }
        for (i, c) in cands.iter().enumerate() {
            let Some(h) = hit_of[i] else { continue };
            if picked[h] > 0 {
                continue;
            }
            use tantivy::query::{BooleanQuery, Occur, TermQuery};
            use tantivy::schema::IndexRecordOption;
            let term = |field, v: &str| -> Box<dyn tantivy::query::Query> {
                Box::new(TermQuery::new(
                    tantivy::Term::from_field_text(field, v),
                    IndexRecordOption::Basic,
                ))
            };
            let own = BooleanQuery::new(vec![
                (Occur::Must, tq.box_clone()),
                (Occur::Must, term(f.key, &c.key)),
                (Occur::Must, term(f.unit, Unit::Passage.name())),
            ]);
            let best = searcher
                .search(&own, &TopDocs::with_limit(q.passages).order_by_score())
                .map_err(err)?;
            picks.extend(best.into_iter().map(|(score, addr)| (h, score, addr)));
        }
        // Stored documents are read only for the passages shown (and a document's text only
        // when it must stand in for them).
        let mut filled = vec![false; hits.len()];
        for (h, score, addr) in picks {
            let d = Stored {
                doc: searcher.doc(addr).map_err(err)?,
            };
            if !filled[h] {
                self.fill(&mut hits[h], &d);
                filled[h] = true;
            }
            let text = d.str(f.text).unwrap_or_default();
            hits[h]
                .passages
                .push(self.passage_hit(&d, &text, &hl, q, score, true));
        }
        // A document that matched only as a whole (its words spread over several passages)
        // shows a snippet of its text.
        for (i, c) in cands.iter().enumerate() {
            let Some(h) = hit_of[i] else { continue };
            let hit = &mut hits[h];
            if !hit.passages.is_empty() {
                continue;
            }
            let Some(addr) = c.doc_unit else { continue };
            let d = Stored {
                doc: searcher.doc(addr).map_err(err)?,
            };
            if !filled[h] {
                self.fill(hit, &d);
            }
            let text = self
                .document_text(&searcher, addr, d.str(f.key).as_deref())
                .map_err(err)?;
            let p = self.passage_hit(&d, &text, &hl, q, hit.score, false);
            hit.passages.push(p);
        }
        Ok(SearchResults {
            query: q.text.clone(),
            matched_units: count,
            documents: 0,
            offset: 0,
            relaxed: false,
            facets: Facets::default(),
            hits,
        })
    }
}

/// At least this many units are collected, so that a document's evidence can add up.
const MIN_UNITS: usize = 200;

/// The best units of a query with their scores, and the count of units that match.
type BestUnits = (Vec<(f32, tantivy::DocAddress)>, usize);

/// How many of the best units a page of `q` needs: enough for the evidence of each document
/// to add up, and for the passages shown.
fn unit_want(q: &Query) -> usize {
    q.limit
        .saturating_mul(q.passages.saturating_add(1))
        .saturating_mul(2)
        .max(MIN_UNITS)
}

/// A document a query matched, and what ranks it.
struct Candidate {
    key: String,
    title: Option<String>,
    /// Scores of its units that matched, best first.
    scores: Vec<f32>,
    /// Its document unit, where that matched.
    doc_unit: Option<tantivy::DocAddress>,
    rank: f32,
    title_match: TitleMatch,
}

/// How the whole query stands in a document's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleMatch {
    /// Not as a whole.
    None,
    /// Inside it (`公司法` in `中华人民共和国公司法实施条例`).
    Part,
    /// The title is the query, punctuation, spaces and a leading `中华人民共和国` aside
    /// (`公司法` and `中华人民共和国公司法`).
    Exact,
}

impl TitleMatch {
    fn boost(self) -> f32 {
        match self {
            TitleMatch::None => 1.0,
            TitleMatch::Part => 1.5,
            TitleMatch::Exact => 2.0,
        }
    }
}

/// A document's evidence from its matching units (best first): its best unit, and each
/// further one adding less (the i-th adds its score over i), up to ten, so that a document
/// about the query outranks one that mentions it once in a short passage.
fn evidence(scores: &[f32]) -> f32 {
    scores
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, s)| s / (i + 1) as f32)
        .sum()
}

/// The characters of a title or query that a title match compares: folded, letters and digits
/// only, without a leading `中华人民共和国` (a law's short name is its name without it).
fn title_units(s: &str) -> String {
    let folded = crate::segment::fold::fold_str(s, crate::segment::Traditional::ToSimplified);
    let units: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    units
        .strip_prefix("中华人民共和国")
        .map(str::to_string)
        .unwrap_or(units)
}

fn title_match(query_units: &str, title: Option<&str>) -> TitleMatch {
    let Some(title) = title else {
        return TitleMatch::None;
    };
    let t = title_units(title);
    if query_units.is_empty() || !t.contains(query_units) {
        TitleMatch::None
    } else if t == query_units {
        TitleMatch::Exact
    } else {
        TitleMatch::Part
    }
}

impl Archive {
    /// Keys of the documents (among the best `want` units) with one passage that holds every
    /// piece of the query's text as written, punctuation aside: the text itself, not only its
    /// words here and there. Empty for a query without text.
    fn exact_keys(
        &self,
        searcher: &tantivy::Searcher,
        cols: &mut Columns,
        planner: &Planner<'_>,
        parsed: &super::query::Parsed,
        want: usize,
    ) -> Result<std::collections::HashSet<String>> {
        use tantivy::query::{BooleanQuery, Occur};
        let mut out = std::collections::HashSet::new();
        let mut all = Vec::new();
        for c in &parsed.must {
            if let super::query::Clause::Text { text, .. } = c {
                for piece in text.split_whitespace() {
                    match planner.substring(piece) {
                        Some(q) => all.push((Occur::Must, q)),
                        None => return Ok(out),
                    }
                }
            }
        }
        if all.is_empty() {
            return Ok(out);
        }
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        let top = searcher
            .search(
                &BooleanQuery::new(all),
                &TopDocs::with_limit(want.max(1)).order_by_score(),
            )
            .map_err(err)?;
        for (_, addr) in top {
            out.insert(cols.key_unit(searcher, addr).map_err(err)?.0);
        }
        Ok(out)
    }

    /// Keys of the documents that match any excluded clause: `-x` leaves out documents that
    /// mention x anywhere, not just the passages that do.
    fn excluded_keys(
        &self,
        searcher: &tantivy::Searcher,
        cols: &mut Columns,
        planner: &Planner<'_>,
        must_not: &[super::query::Clause],
    ) -> Result<std::collections::HashSet<String>> {
        use tantivy::collector::DocSetCollector;
        use tantivy::query::{BooleanQuery, Occur};
        let mut out = std::collections::HashSet::new();
        if must_not.is_empty() {
            return Ok(out);
        }
        // Any unit: a passage that mentions it, or the document unit (its words spread over
        // several passages, or its title).
        let q = BooleanQuery::new(
            must_not
                .iter()
                .map(|c| (Occur::Should, planner.clause(c)))
                .collect(),
        );
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        for addr in searcher.search(&q, &DocSetCollector).map_err(err)? {
            out.insert(cols.key_unit(searcher, addr).map_err(err)?.0);
        }
        Ok(out)
    }

    /// The sketch of a document, found by its key: its document unit through the index, the
    /// sketch from a fast column.
    fn sketch_of(
        &self,
        searcher: &tantivy::Searcher,
        cols: &mut Columns,
        key: &str,
    ) -> Result<Vec<u64>> {
        use tantivy::query::{BooleanQuery, Occur, TermQuery};
        use tantivy::schema::IndexRecordOption;
        use tantivy::Term;
        let f = &self.fields;
        let term = |field, v: &str| -> Box<dyn tantivy::query::Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ))
        };
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.key, key)),
            (Occur::Must, term(f.unit, Unit::Document.name())),
        ]);
        let err = |source| Error::Index {
            path: self.dir().to_path_buf(),
            source,
        };
        let top = searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())
            .map_err(err)?;
        let Some((_, addr)) = top.first() else {
            return Ok(Vec::new());
        };
        cols.sketch(searcher, *addr).map_err(err)
    }

    /// The text of the document whose unit (of `key`) is at `doc`: its passages' texts in
    /// order, which follow the document unit in its segment and together hold all of its text
    /// that has letters.
    fn document_text(
        &self,
        searcher: &tantivy::Searcher,
        doc: tantivy::DocAddress,
        key: Option<&str>,
    ) -> tantivy::Result<String> {
        let mut text = String::new();
        let mut id = doc.doc_id + 1;
        while let Some(t) = self.passage_text(searcher, doc.segment_ord, id, key)? {
            text.push_str(&t);
            id += 1;
        }
        Ok(text)
    }

    /// A stored unit as a passage of a hit, with its snippet of `text`; `place` gives its
    /// section, heading and point (a document unit standing in for its passages has none).
    fn passage_hit(
        &self,
        d: &Stored,
        text: &str,
        hl: &Highlighter,
        q: &Query,
        score: f32,
        place: bool,
    ) -> PassageHit {
        let f = &self.fields;
        let snippet = hl.snippet(text, q.snippet_chars);
        PassageHit {
            section: if place {
                d.str(f.section).unwrap_or_default()
            } else {
                String::new()
            },
            heading: d.str(f.heading).filter(|_| place),
            point: d.str(f.point).filter(|_| place),
            span: Span(
                d.u64(f.start).unwrap_or(0) as usize,
                d.u64(f.end).unwrap_or(0) as usize,
            ),
            score,
            html: snippet.to_html(),
            snippet,
        }
    }

    /// Fills a hit's document fields from any of its stored units.
    fn fill(&self, h: &mut DocumentHit, d: &Stored) {
        let f = &self.fields;
        h.title = d.str(f.title);
        h.date = d
            .doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .map(iso);
        h.year = d.u64(f.year);
        h.doc_type = d.str(f.doc_type).unwrap_or_default();
        h.issuer = d.str(f.issuer);
        h.doc_number = d.str(f.doc_number);
    }
}

/// Fast columns of the segments a search touches, opened once per segment.
#[derive(Default)]
struct Columns {
    segments: HashMap<u32, SegmentColumns>,
    /// Strings of the key (0) and unit (1) columns already looked up, by segment and ordinal.
    strings: HashMap<(u32, u8, u64), String>,
    buf: Vec<u8>,
}

struct SegmentColumns {
    key: StrColumn,
    unit: StrColumn,
    sketch: Option<BytesColumn>,
}

impl Columns {
    fn get(&mut self, searcher: &tantivy::Searcher, seg: u32) -> tantivy::Result<&SegmentColumns> {
        use std::collections::hash_map::Entry;
        match self.segments.entry(seg) {
            Entry::Occupied(e) => Ok(e.into_mut()),
            Entry::Vacant(e) => {
                let ff = searcher.segment_reader(seg).fast_fields();
                let missing = |name: &str| {
                    tantivy::TantivyError::SchemaError(format!("no fast column {name}"))
                };
                Ok(e.insert(SegmentColumns {
                    key: ff.str("key")?.ok_or_else(|| missing("key"))?,
                    unit: ff.str("unit")?.ok_or_else(|| missing("unit"))?,
                    sketch: ff.bytes("sketch")?,
                }))
            }
        }
    }

    /// A unit's document key, and whether it is the document unit. Each ordinal of a
    /// segment's columns is turned into its string once.
    fn key_unit(
        &mut self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
    ) -> tantivy::Result<(String, bool)> {
        let seg = addr.segment_ord;
        let cols = self.get(searcher, seg)?;
        let key_ord = cols.key.term_ords(addr.doc_id).next();
        let unit_ord = cols.unit.term_ords(addr.doc_id).next();
        let mut string = |col: u8, ord: Option<u64>| -> tantivy::Result<String> {
            let Some(o) = ord else {
                return Ok(String::new());
            };
            if let Some(s) = self.strings.get(&(seg, col, o)) {
                return Ok(s.clone());
            }
            let cols = &self.segments[&seg];
            let mut s = String::new();
            if col == 0 {
                cols.key.ord_to_str(o, &mut s)?;
            } else {
                cols.unit.ord_to_str(o, &mut s)?;
            }
            self.strings.insert((seg, col, o), s.clone());
            Ok(s)
        };
        let key = string(0, key_ord)?;
        let unit = string(1, unit_ord)?;
        Ok((key, unit == Unit::Document.name()))
    }

    fn sketch(
        &mut self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
    ) -> tantivy::Result<Vec<u64>> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let cols = self.get(searcher, addr.segment_ord)?;
        if let Some(sk) = &cols.sketch {
            if let Some(o) = sk.term_ords(addr.doc_id).next() {
                sk.ord_to_bytes(o, &mut buf)?;
            }
        }
        let out = sketch_from_bytes(&buf);
        self.buf = buf;
        Ok(out)
    }
}

pub(crate) fn iso(d: tantivy::DateTime) -> String {
    let days = d.into_timestamp_secs().div_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_round_trips() {
        for s in [
            "1970-01-01",
            "1954-09-23",
            "2000-02-29",
            "2026-11-25",
            "2030-12-31",
        ] {
            let d = crate::dates::Date::parse_iso(s).unwrap();
            let t = tantivy::DateTime::from_timestamp_secs(d.days_since_epoch() * 86_400);
            assert_eq!(super::iso(t), s);
        }
    }
}
