//! Queries: what the user typed, parsed into clauses, and planned into tantivy queries that do
//! not miss a passage because the query and the text were cut into words differently.
//!
//! A text clause becomes, over both granularities:
//! - the exact phrase of its words (boost 4), the phrase with a little slop (boost 2), and all
//!   its words anywhere in the unit (boost 1);
//! - the exact phrase of its units (characters, ASCII runs; boost 3): the substring fallback,
//!   which finds `处理` inside `待处理` and `改革项目` wherever those characters stand together;
//! - its phrase in the title (boost 3) and in the section heading (boost 2).
//!
//! `"quoted"` keeps only the exact forms. Punctuation in a query is dropped, but the gap it
//! leaves is kept, as it is in the text, so `改革，发展` does not match `改革发展`.

use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhraseQuery, Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::doc_words::DocWords;
use super::schema::Fields;
use crate::dates::Date;
use crate::error::{Error, Result};
use crate::model::DocType;
use crate::segment::{grams, Segmenter};

/// Words within this many positions of each other still make a near phrase.
pub const NEAR_SLOP: u32 = 3;

/// A search: the query text and its filters. Built with methods: `Query::new("营商环境")
/// .doc_type(DocType::WorkReport).since(…)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub(crate) text: String,
    pub(crate) doc_type: Option<DocType>,
    pub(crate) issuer: Option<String>,
    pub(crate) since: Option<Date>,
    pub(crate) until: Option<Date>,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) sort: Sort,
    pub(crate) passages: usize,
    pub(crate) snippet_chars: usize,
    /// Only these documents (keys): how a page of results ordered by date is run.
    pub(crate) keys: Option<Vec<String>>,
    /// How far the text clauses are relaxed (when the strict plan finds nothing).
    pub(crate) relax: Relax,
}

/// How a query's text is relaxed when no document has all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub enum Relax {
    /// As written.
    #[default]
    Strict,
    /// Each word of the text, or all the shorter words that cover it (`云南省政府` → `云南省`
    /// and `政府`), anywhere in the document.
    Pieces,
    /// Most of the words (three in five), each as in `Pieces`.
    Most,
}

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best first.
    #[default]
    Relevance,
    /// Newest first (by date, else year); undated documents last.
    Date,
}

impl Query {
    /// A query with the defaults: 10 documents, up to 3 passages each, snippets of about 100
    /// characters.
    pub fn new(text: &str) -> Query {
        Query {
            text: text.to_string(),
            doc_type: None,
            issuer: None,
            since: None,
            until: None,
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            passages: 3,
            snippet_chars: 100,
            keys: None,
            relax: Relax::Strict,
        }
    }

    /// Only documents of this type.
    pub fn doc_type(mut self, t: DocType) -> Self {
        self.doc_type = Some(t);
        self
    }

    /// Only documents whose issuer or speaker contains these words.
    pub fn issuer(mut self, issuer: &str) -> Self {
        self.issuer = Some(issuer.to_string());
        self
    }

    /// Only documents dated on or after this day.
    pub fn since(mut self, d: Date) -> Self {
        self.since = Some(d);
        self
    }

    /// Only documents dated on or before this day.
    pub fn until(mut self, d: Date) -> Self {
        self.until = Some(d);
        self
    }

    /// How many documents to return.
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = n.max(1);
        self
    }

    /// How many documents to pass over before those returned (paging).
    pub fn offset(mut self, n: usize) -> Self {
        self.offset = n;
        self
    }

    /// The order of the documents returned.
    pub fn sort(mut self, s: Sort) -> Self {
        self.sort = s;
        self
    }

    /// How many passages to show for each document.
    pub fn passages(mut self, n: usize) -> Self {
        self.passages = n.max(1);
        self
    }

    /// Snippet length in characters.
    pub fn snippet_chars(mut self, n: usize) -> Self {
        self.snippet_chars = n.max(10);
        self
    }

    /// The query text as given.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// One clause of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Text to find; `quoted` forces the exact phrase.
    Text {
        /// The text.
        text: String,
        /// Whether it was in quotes.
        quoted: bool,
    },
    /// `field:value`.
    Field {
        /// Which field.
        field: FieldFilter,
        /// The value.
        value: String,
    },
    /// Any of these.
    Any(Vec<Clause>),
}

/// The fields a query can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldFilter {
    /// `title:`
    Title,
    /// `type:` (a [`DocType`] name)
    Type,
    /// `issuer:`
    Issuer,
    /// `year:`
    Year,
    /// `heading:`
    Heading,
    /// `actor:`
    Actor,
    /// `number:` (文号)
    Number,
    /// `since:` (a date)
    Since,
    /// `until:` (a date)
    Until,
}

impl FieldFilter {
    fn from_name(name: &str) -> Option<FieldFilter> {
        Some(match name {
            "title" => FieldFilter::Title,
            "type" => FieldFilter::Type,
            "issuer" => FieldFilter::Issuer,
            "year" => FieldFilter::Year,
            "heading" => FieldFilter::Heading,
            "actor" => FieldFilter::Actor,
            "number" => FieldFilter::Number,
            "since" => FieldFilter::Since,
            "until" => FieldFilter::Until,
            _ => return None,
        })
    }
}

/// A parsed query: clauses that must hold, clauses that must not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// All of these.
    pub must: Vec<Clause>,
    /// None of these.
    pub must_not: Vec<Clause>,
}

impl Parsed {
    /// The positive text clauses, for highlighting.
    pub fn texts(&self) -> Vec<(&str, bool)> {
        fn walk<'a>(c: &'a Clause, out: &mut Vec<(&'a str, bool)>) {
            match c {
                Clause::Text { text, quoted } => out.push((text, *quoted)),
                Clause::Any(cs) => cs.iter().for_each(|c| walk(c, out)),
                Clause::Field {
                    field: FieldFilter::Title | FieldFilter::Heading,
                    value,
                } => out.push((value, false)),
                Clause::Field { .. } => {}
            }
        }
        let mut out = Vec::new();
        self.must.iter().for_each(|c| walk(c, &mut out));
        out
    }
}

/// Splits the query text into items: quoted strings, words separated by white space.
fn lex(q: &str) -> std::result::Result<Vec<(String, bool)>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = q.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '“' | '”' | '「' | '」' => {
                let close: &[char] = match c {
                    '“' => &['”', '"'],
                    '「' => &['」'],
                    _ => &['"', '”'],
                };
                let prefix = std::mem::take(&mut cur);
                let mut inner = String::new();
                let mut closed = false;
                for d in chars.by_ref() {
                    if close.contains(&d) {
                        closed = true;
                        break;
                    }
                    inner.push(d);
                }
                if !closed {
                    return Err("a quote is not closed".into());
                }
                // `title:"…"` keeps its field name.
                out.push((prefix + &inner, true));
            }
            c if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), false));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push((cur, false));
    }
    Ok(out)
}

/// Parses a query: words and `"phrases"`, `AND` (the default between items), `OR` between two
/// items, `NOT x` or `-x`, and `field:value` with the fields of [`FieldFilter`].
pub fn parse(q: &str) -> Result<Parsed> {
    let bad = |problem: &str| Error::Query {
        query: q.to_string(),
        problem: problem.to_string(),
    };
    let items = lex(q).map_err(|p| bad(&p))?;
    let mut parsed = Parsed::default();
    let mut negate = false;
    let mut or_next = false;
    for (i, (item, quoted)) in items.iter().enumerate() {
        if !quoted {
            match item.as_str() {
                "AND" | "&&" => continue,
                "OR" | "||" => {
                    if parsed.must.is_empty() || i + 1 == items.len() {
                        return Err(bad("OR needs something on both sides"));
                    }
                    or_next = true;
                    continue;
                }
                "NOT" => {
                    negate = true;
                    continue;
                }
                _ => {}
            }
        }
        let (neg, body) = match item.strip_prefix('-') {
            Some(rest) if !quoted && !rest.is_empty() => (true, rest),
            _ => (false, item.as_str()),
        };
        let negated = std::mem::take(&mut negate) || neg;
        let clause = match body.split_once(':').or_else(|| body.split_once('：')) {
            Some((name, value))
                if name.chars().all(|c| c.is_ascii_alphabetic()) && !name.is_empty() =>
            {
                let field = FieldFilter::from_name(name)
                    .ok_or_else(|| bad(&format!("unknown field `{name}`")))?;
                if value.is_empty() {
                    return Err(bad(&format!("`{name}:` needs a value")));
                }
                check_value(field, value).map_err(|p| bad(&p))?;
                Clause::Field {
                    field,
                    value: value.to_string(),
                }
            }
            _ => Clause::Text {
                text: body.to_string(),
                quoted: *quoted,
            },
        };
        if negated {
            if or_next {
                return Err(bad("NOT cannot follow OR"));
            }
            parsed.must_not.push(clause);
        } else if std::mem::take(&mut or_next) {
            let last = parsed.must.pop().expect("checked above");
            parsed.must.push(match last {
                Clause::Any(mut cs) => {
                    cs.push(clause);
                    Clause::Any(cs)
                }
                other => Clause::Any(vec![other, clause]),
            });
        } else {
            parsed.must.push(clause);
        }
    }
    if negate {
        return Err(bad("NOT needs something after it"));
    }
    if parsed.must.is_empty() {
        return Err(bad(if parsed.must_not.is_empty() {
            "nothing to search for"
        } else {
            "a query cannot be only exclusions"
        }));
    }
    Ok(parsed)
}

fn check_value(field: FieldFilter, value: &str) -> std::result::Result<(), String> {
    match field {
        FieldFilter::Type if DocType::from_name(value).is_none() => Err(format!(
            "unknown type `{value}`; one of {}",
            DocType::ALL.map(DocType::name).join(", ")
        )),
        FieldFilter::Year if value.parse::<u16>().is_err() => {
            Err(format!("`{value}` is not a year"))
        }
        FieldFilter::Since | FieldFilter::Until if Date::parse_iso(value).is_none() => {
            Err(format!("`{value}` is not a date (YYYY-MM-DD)"))
        }
        _ => Ok(()),
    }
}

/// Turns parsed clauses into tantivy queries.
pub(crate) struct Planner<'a> {
    pub fields: &'a Fields,
    pub seg: &'a Segmenter,
}

fn boxed(q: impl TQuery) -> Box<dyn TQuery> {
    Box::new(q)
}

fn boost(q: Box<dyn TQuery>, b: f32) -> Box<dyn TQuery> {
    if b == 1.0 {
        q
    } else {
        boxed(BoostQuery::new(q, b))
    }
}

/// A phrase of `(position, text)` terms in `field`, or a term query for one term.
fn phrase(field: Field, terms: &[(u32, String)], slop: u32) -> Option<Box<dyn TQuery>> {
    let first = terms.first()?.0;
    if terms.len() == 1 {
        return Some(boxed(TermQuery::new(
            Term::from_field_text(field, &terms[0].1),
            IndexRecordOption::WithFreqs,
        )));
    }
    let ts: Vec<(usize, Term)> = terms
        .iter()
        .map(|(p, t)| ((p - first) as usize, Term::from_field_text(field, t)))
        .collect();
    let mut q = PhraseQuery::new_with_offset(ts);
    q.set_slop(slop);
    Some(boxed(q))
}

/// The start of a day as an index date, or `None` for a day the index cannot hold (its
/// dates are nanoseconds in an `i64`: 1677-09-22 to 2262-04-11).
pub(crate) fn day(d: Date) -> Option<DateTime> {
    let nanos = d
        .days_since_epoch()
        .checked_mul(86_400)?
        .checked_mul(1_000_000_000)?;
    Some(DateTime::from_timestamp_nanos(nanos))
}

/// Where a day falls against the days the index can hold.
enum Day {
    /// Before the first.
    Before,
    /// A day it holds.
    In(DateTime),
    /// After the last.
    After,
}

fn day_of(d: Date) -> Day {
    match day(d) {
        Some(t) => Day::In(t),
        None if d.year < 1970 => Day::Before,
        None => Day::After,
    }
}

impl Planner<'_> {
    /// The query for a whole parsed query plus the filters of `q`.
    pub fn plan(&self, parsed: &Parsed, q: &Query) -> Box<dyn TQuery> {
        let mut subs: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        // A quoted phrase is never relaxed.
        let texts: Vec<&str> = parsed
            .must
            .iter()
            .filter_map(|c| match c {
                Clause::Text {
                    text,
                    quoted: false,
                } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        for c in &parsed.must {
            match (q.relax, c) {
                (
                    Relax::Pieces,
                    Clause::Text {
                        text,
                        quoted: false,
                    },
                ) => subs.push((Occur::Must, self.pieces(&[text], 0))),
                // All the unquoted text together, below.
                (Relax::Most, Clause::Text { quoted: false, .. }) => {}
                _ => subs.push((Occur::Must, self.clause(c))),
            }
        }
        if q.relax == Relax::Most && !texts.is_empty() {
            let n = texts
                .iter()
                .map(|t| self.word_terms(t).len())
                .sum::<usize>();
            subs.push((Occur::Must, self.pieces(&texts, (n * 3).div_ceil(5).max(1))));
        }
        for c in &parsed.must_not {
            subs.push((Occur::MustNot, self.clause(c)));
        }
        let f = self.fields;
        if let Some(t) = q.doc_type {
            subs.push((Occur::Must, self.keyword(f.doc_type, t.name())));
        }
        if let Some(i) = &q.issuer {
            subs.push((Occur::Must, self.words_phrase(f.issuer, i)));
        }
        if q.since.is_some() || q.until.is_some() {
            subs.push((Occur::Must, self.date_range(q.since, q.until)));
        }
        if let Some(keys) = &q.keys {
            let any = keys
                .iter()
                .map(|k| (Occur::Should, self.keyword(f.key, k)))
                .collect();
            subs.push((Occur::Must, boxed(BooleanQuery::new(any))));
        }
        boxed(BooleanQuery::new(subs))
    }

    fn keyword(&self, field: Field, value: &str) -> Box<dyn TQuery> {
        boxed(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    }

    /// Documents dated inside the range, and undated ones whose year overlaps it. A bound
    /// outside the days the index holds is taken as it is: `since` after them or `until` before
    /// them leaves no dated document, the other way round no bound.
    fn date_range(&self, since: Option<Date>, until: Option<Date>) -> Box<dyn TQuery> {
        use std::ops::Bound;
        let (f, uy) = (self.fields.date, self.fields.undated_year);
        let at = |t: DateTime| Bound::Included(Term::from_field_date(f, t));
        // A range needs a term at one end at least: the first day the index holds stands for
        // no lower bound.
        let lower = match since.map(day_of) {
            None | Some(Day::Before) => Some(at(DateTime::MIN)),
            Some(Day::In(t)) => Some(at(t)),
            Some(Day::After) => None,
        };
        let upper = match until.map(day_of) {
            None | Some(Day::After) => Some(Bound::Unbounded),
            Some(Day::In(t)) => Some(at(t)),
            Some(Day::Before) => None,
        };
        let year = |d: Option<Date>| {
            d.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_u64(uy, d.year.max(0) as u64))
            })
        };
        let mut should = vec![(
            Occur::Should,
            boxed(RangeQuery::new(year(since), year(until))),
        )];
        if let (Some(lower), Some(upper)) = (lower, upper) {
            should.push((Occur::Should, boxed(RangeQuery::new(lower, upper))));
        }
        boxed(BooleanQuery::new(should))
    }

    fn word_terms(&self, text: &str) -> Vec<(u32, String)> {
        self.seg
            .words(text)
            .into_iter()
            .map(|w| (w.position, w.text))
            .collect()
    }

    /// The exact phrase of `text`'s words in `field`; matches nothing when `text` has none.
    fn words_phrase(&self, field: Field, text: &str) -> Box<dyn TQuery> {
        phrase(field, &self.word_terms(text), 0).unwrap_or_else(|| boxed(BooleanQuery::new(vec![])))
    }

    pub fn clause(&self, c: &Clause) -> Box<dyn TQuery> {
        let f = self.fields;
        match c {
            Clause::Text { text, quoted } => self.text(text, *quoted),
            Clause::Any(cs) => boxed(BooleanQuery::new(
                cs.iter().map(|c| (Occur::Should, self.clause(c))).collect(),
            )),
            Clause::Field { field, value } => match field {
                FieldFilter::Title => self.words_phrase(f.title, value),
                FieldFilter::Heading => self.words_phrase(f.heading, value),
                FieldFilter::Issuer => self.words_phrase(f.issuer, value),
                FieldFilter::Actor => self.words_phrase(f.actors, value),
                FieldFilter::Type => self.keyword(f.doc_type, value),
                FieldFilter::Number => {
                    let any = doc_numbers(value)
                        .iter()
                        .map(|n| (Occur::Should, self.keyword(f.doc_number, n)))
                        .collect();
                    boxed(BooleanQuery::new(any))
                }
                FieldFilter::Year => boxed(TermQuery::new(
                    Term::from_field_u64(f.year, value.parse().unwrap_or(0)),
                    IndexRecordOption::Basic,
                )),
                FieldFilter::Since => self.date_range(Date::parse_iso(value), None),
                FieldFilter::Until => self.date_range(None, Date::parse_iso(value)),
            },
        }
    }

    /// The words of `texts`, each present as itself or as all the shorter words that cover it
    /// ([`Segmenter::pieces`]), in a passage or anywhere in the document; all of them (`min`
    /// 0) or at least `min`. The strict plans of the texts add to the score where they match
    /// in part.
    fn pieces(&self, texts: &[&str], min: usize) -> Box<dyn TQuery> {
        let f = self.fields;
        let term = |field: Field, w: &str| -> (Occur, Box<dyn TQuery>) {
            (
                Occur::Should,
                boxed(TermQuery::new(
                    Term::from_field_text(field, w),
                    IndexRecordOption::WithFreqs,
                )),
            )
        };
        let mut groups: Vec<Box<dyn TQuery>> = Vec::new();
        // A word of a passage or of the document, or its characters together in a passage.
        let any_field = |w: &str| -> Box<dyn TQuery> {
            let mut alts = vec![
                term(f.body, w),
                (Occur::Should, boxed(DocWords::all(*f, vec![w.to_string()]))),
                term(f.title, w),
            ];
            alts.extend(self.substring(w).map(|q| (Occur::Should, q)));
            boxed(BooleanQuery::new(alts))
        };
        for text in texts {
            for (_, w) in self.word_terms(text) {
                // The word, or all the pieces that cover it.
                let mut alts = vec![(Occur::Should, any_field(&w))];
                let pieces = self.seg.pieces(&w);
                if !pieces.is_empty() {
                    let all = pieces.iter().map(|p| (Occur::Must, any_field(p))).collect();
                    alts.push((Occur::Should, boxed(BooleanQuery::new(all))));
                }
                groups.push(boxed(BooleanQuery::new(alts)));
            }
        }
        let boosters = texts.iter().map(|t| (Occur::Should, self.text(t, false)));
        if min == 0 {
            let all = groups.into_iter().map(|g| (Occur::Must, g));
            boxed(BooleanQuery::new(all.chain(boosters).collect()))
        } else {
            let most = BooleanQuery::with_minimum_required_clauses(
                groups.into_iter().map(|g| (Occur::Should, g)).collect(),
                min,
            );
            boxed(BooleanQuery::new(
                std::iter::once((Occur::Must, boxed(most)))
                    .chain(boosters)
                    .collect(),
            ))
        }
    }

    /// `text` as an exact substring: the phrase of its units.
    pub(crate) fn substring(&self, text: &str) -> Option<Box<dyn TQuery>> {
        let gs: Vec<(u32, String)> = grams(text, self.seg.traditional())
            .into_iter()
            .map(|g| (g.position, g.text))
            .collect();
        phrase(self.fields.grams, &gs, 0)
    }

    /// The plan for one piece of text (see the module documentation).
    pub fn text(&self, text: &str, quoted: bool) -> Box<dyn TQuery> {
        let f = self.fields;
        let words = self.word_terms(text);
        let grams: Vec<(u32, String)> = grams(text, self.seg.traditional())
            .into_iter()
            .map(|g| (g.position, g.text))
            .collect();
        let mut should: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        let mut add = |q: Option<Box<dyn TQuery>>, b: f32| {
            if let Some(q) = q {
                should.push((Occur::Should, boost(q, b)));
            }
        };
        let all_words = |field: Field| {
            let all = words
                .iter()
                .map(|(_, w)| {
                    (
                        Occur::Must,
                        boxed(TermQuery::new(
                            Term::from_field_text(field, w),
                            IndexRecordOption::WithFreqs,
                        )),
                    )
                })
                .collect();
            Some(boxed(BooleanQuery::new(all)))
        };
        add(phrase(f.body, &words, 0), 4.0);
        if !quoted && words.len() > 1 {
            add(phrase(f.body, &words, NEAR_SLOP), 2.0);
            // All the words in one passage.
            add(all_words(f.body), 1.0);
        }
        if !quoted && !words.is_empty() {
            // All the words anywhere in the document (document units).
            let all = words.iter().map(|(_, w)| w.clone()).collect();
            add(Some(boxed(DocWords::all(*f, all))), 1.0);
        }
        add(phrase(f.grams, &grams, 0), 3.0);
        // Every word present as a substring, however the text was cut around it: `改革项目`
        // finds `改革的项目建设`, where jieba made one word of 项目建设.
        if !quoted && words.len() > 1 {
            let parts: Vec<(Occur, Box<dyn TQuery>)> = words
                .iter()
                .filter(|(_, w)| w.chars().count() > 1)
                .filter_map(|(_, w)| self.substring(w))
                .map(|q| (Occur::Must, q))
                .collect();
            if !parts.is_empty() {
                add(Some(boxed(BooleanQuery::new(parts))), 0.5);
            }
        }
        add(phrase(f.title, &words, 0), 3.0);
        add(phrase(f.heading, &words, 0), 2.0);
        boxed(BooleanQuery::new(should))
    }
}

/// The 文号 a `number:` value may stand for: as written, and where it gives an issuer's
/// prefix, a year and a number (`国发 2019 4`, `国发〔2019〕4号`, `国发[2019]4`), that 文号
/// with each kind of bracket documents use (〔〕, [], （）, (), 【】), with 号.
fn doc_numbers(value: &str) -> Vec<String> {
    static PARTS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(\p{Han}+)\s*[〔\[（(【]?\s*([0-9]{4})\s*[〕\]）)】]?\s*(?:第\s*)?([0-9]+)\s*号?\s*$",
        )
        .expect("valid regex")
    });
    let mut out = vec![value.to_string()];
    if let Some(c) = PARTS.captures(value) {
        let (prefix, year, n) = (&c[1], &c[2], c[3].trim_start_matches('0'));
        for (open, close) in [
            ("〔", "〕"),
            ("[", "]"),
            ("（", "）"),
            ("(", ")"),
            ("【", "】"),
        ] {
            out.push(format!("{prefix}{open}{year}{close}{n}号"));
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers_from_their_parts() {
        for (value, want) in [
            ("国发 2019 4", Some("国发〔2019〕4号")),
            ("国发〔2019〕4号", Some("国发〔2019〕4号")),
            ("国办发[2018]118", Some("国办发〔2018〕118号")),
            ("东政办发 2026 05", Some("东政办发〔2026〕5号")),
            ("2019", None),
        ] {
            let got = doc_numbers(value);
            assert_eq!(got[0], value);
            match want {
                Some(w) => assert!(got.iter().any(|n| n == w), "{value}: {got:?}"),
                None => assert_eq!(got.len(), 1, "{value}: {got:?}"),
            }
        }
    }

    fn text(t: &str, quoted: bool) -> Clause {
        Clause::Text {
            text: t.into(),
            quoted,
        }
    }

    #[test]
    fn parses() {
        let p =
            parse("营商环境 \"专项资金\" OR 引导基金 -债务 NOT 风险 type:law year:2024").unwrap();
        assert_eq!(
            p.must,
            [
                text("营商环境", false),
                Clause::Any(vec![text("专项资金", true), text("引导基金", false)]),
                Clause::Field {
                    field: FieldFilter::Type,
                    value: "law".into()
                },
                Clause::Field {
                    field: FieldFilter::Year,
                    value: "2024".into()
                },
            ]
        );
        assert_eq!(p.must_not, [text("债务", false), text("风险", false)]);
        let p = parse("title:“政府工作报告”").unwrap();
        assert_eq!(
            p.must,
            [Clause::Field {
                field: FieldFilter::Title,
                value: "政府工作报告".into()
            }]
        );
        let p = parse("“改革 项目”").unwrap();
        assert_eq!(p.must, [text("改革 项目", true)]);
    }

    #[test]
    fn bad_queries_say_why() {
        const CASES: &[(&str, &str)] = &[
            ("", "nothing to search for"),
            ("   ", "nothing to search for"),
            ("\"改革", "not closed"),
            ("OR 改革", "both sides"),
            ("改革 OR", "both sides"),
            ("-改革", "only exclusions"),
            ("改革 NOT", "after it"),
            ("colour:red", "unknown field"),
            ("type:memo", "unknown type"),
            ("year:二〇二四", "not a year"),
            ("since:2024-13-01", "not a date"),
            ("title:", "needs a value"),
        ];
        for &(q, want) in CASES {
            let e = parse(q).unwrap_err().to_string();
            assert!(e.contains(want), "{q}: {e}");
        }
    }

    #[test]
    fn full_width_colon_and_plain_colons_in_text() {
        // A colon after non-ASCII text is text, not a field.
        let p = parse("主要目标:增长").unwrap();
        assert_eq!(p.must, [text("主要目标:增长", false)]);
    }
}
