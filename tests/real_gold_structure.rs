//! Headings, times, metrics and front matter scored against gold written by reading real
//! documents of `../shared/corpus-real/` (`tests/real_gold10/*.json`: short quotes that find
//! each item, never copies of the text). Skipped with a message where `../shared` is absent.
//!
//! - `front_and_headings.json`: title, type and date of 16 documents of every type, and the
//!   complete heading tree of 8 of them (level, marker, the first characters of the heading).
//! - `times.json`: every time expression of 7 documents with its kind and resolved start/end.
//!   Items marked `optional` count neither as missed nor as wrong when found; times in the
//!   front matter and in removed furniture are not counted (the record reads the body).
//!   A long report may be annotated in parts: an entry's `scope` (two quotes) bounds the part.
//! - `metrics.json`: every quantity of 6 documents with value, unit and qualifier, and the
//!   numerals in them that are no quantity (formulas, names, document numbers).
//!
//! `ZHENGCE_GOLD_VERBOSE=1 cargo test --test real_gold_structure -- --nocapture` lists misses.

mod common;
#[path = "common/score.rs"]
mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use score::Score;
use serde::Deserialize;
use zhengce::{Analyzer, DocType, Document, Section};

/// Every gold file whose name starts with `prefix` (`times.json`, `times_more.json`).
fn load<T: for<'a> Deserialize<'a>>(prefix: &str) -> Vec<T> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real_gold10");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            serde_json::from_str(&std::fs::read_to_string(p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

fn verbose() -> bool {
    std::env::var_os("ZHENGCE_GOLD_VERBOSE").is_some()
}

/// The analysis and the text of a gold document.
fn read(root: &Path, file: &str) -> (Document, String) {
    let bytes = std::fs::read(root.join(file)).unwrap();
    let doc = Analyzer::default()
        .analyze_bytes(&bytes, Path::new(file))
        .unwrap();
    (
        doc,
        String::from_utf8(bytes).expect("the gold files are UTF-8"),
    )
}

/// The byte range of the `nth` (1-based) occurrence of `quote` in `text`.
fn locate(text: &str, quote: &str, nth: Option<usize>, file: &str) -> (usize, usize) {
    let at = text
        .match_indices(quote)
        .nth(nth.unwrap_or(1) - 1)
        .unwrap_or_else(|| panic!("{file}: {quote} (#{nth:?}) not in the text"))
        .0;
    (at, at + quote.len())
}

/// The byte range a gold entry annotated: from the first occurrence of its scope's first quote
/// to the first occurrence of the second after it (a long work report is annotated in parts),
/// else the whole text. Gold items must lie inside it; the record's items outside it are not
/// counted.
fn scope_of(text: &str, scope: Option<&[String; 2]>, file: &str) -> (usize, usize) {
    let Some([from, to]) = scope else {
        return (0, text.len());
    };
    let start = text
        .find(from.as_str())
        .unwrap_or_else(|| panic!("{file}: scope start {from} not in the text"));
    let end = text[start..]
        .find(to.as_str())
        .map(|i| start + i)
        .unwrap_or_else(|| panic!("{file}: scope end {to} not after its start"));
    (start, end)
}

/// Whether a span of the record lies in the scope (by where it starts).
fn in_scope(scope: (usize, usize), span: (usize, usize)) -> bool {
    scope.0 <= span.0 && span.0 < scope.1
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn line(name: &str, f: &Score) -> String {
    f.line(name, 58)
}

// ---------------------------------------------------------------- front matter and headings

#[derive(Deserialize)]
struct FrontGold {
    documents: Vec<FrontDoc>,
}

#[derive(Deserialize)]
struct FrontDoc {
    file: String,
    doc_type: String,
    title: Option<String>,
    date: Option<String>,
    headings: Option<Vec<HeadingGold>>,
}

#[derive(Deserialize)]
struct HeadingGold {
    level: u32,
    marker: String,
    quote: String,
}

/// The record's type for the gold's: a party congress report is read as a speech, a
/// resolution of the congress is none of the named types.
fn type_of(gold: &str) -> DocType {
    match gold {
        "notice" => DocType::Notice,
        "work_report" => DocType::WorkReport,
        "law" => DocType::Law,
        "plan" => DocType::Plan,
        "speech" | "report" => DocType::Speech,
        _ => DocType::Other,
    }
}

/// Titles and headings compared without the spaces and marks a layout adds, nor the mark that
/// ends a heading set as a sentence (`（三）有独立的经营场所；`: the record's heading is the text
/// before it).
fn bare(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"《》".contains(*c))
        .collect();
    s.trim_end_matches(['。', '；', ';', '，', ',', '：', ':'])
        .to_string()
}

fn flatten(s: &[Section], out: &mut Vec<(u32, String, String)>) {
    for x in s {
        out.push((x.level, x.marker.trim().to_string(), x.heading.clone()));
        flatten(&x.children, out);
    }
}

/// Headings matched in order: a gold heading is found when a heading of the record at or
/// after the last match has its level, marker and opening words.
fn headings_score(got: &[(u32, String, String)], want: &[HeadingGold], file: &str) -> Score {
    let mut f = Score::default();
    let mut from = 0;
    for w in want {
        let found = got[from..].iter().position(|(level, marker, heading)| {
            *level == w.level
                && bare(marker) == bare(&w.marker)
                && bare(heading).starts_with(&bare(&w.quote))
        });
        match found {
            Some(k) => {
                f.tp += 1;
                from += k + 1;
            }
            None => {
                f.fn_ += 1;
                if verbose() {
                    println!(
                        "  {file}: heading {} {}{} missed",
                        w.level, w.marker, w.quote
                    );
                }
            }
        }
    }
    f.fp = got.len().saturating_sub(f.tp);
    f
}

// ------------------------------------------------------------------------------- times

#[derive(Deserialize)]
struct TimesGold {
    documents: Vec<TimesDoc>,
}

#[derive(Deserialize)]
struct TimesDoc {
    file: String,
    /// The part annotated (all of the file where absent): see [`scope_of`].
    #[serde(default)]
    scope: Option<[String; 2]>,
    times: Vec<TimeGold>,
}

#[derive(Deserialize)]
struct TimeGold {
    quote: String,
    nth: Option<usize>,
    kind: String,
    start: Option<String>,
    end: Option<String>,
    #[serde(default)]
    optional: bool,
}

fn kind_name(k: zhengce::TimeKind) -> String {
    serde_json::to_value(k)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// The record reads times and quantities in the body: one in the front matter (the title, a
/// subtitle, the signature's date) is the document's `date` or a field of `front`, and one in
/// removed page furniture (a metadata table) is gone with it. Gold items there are not counted.
fn outside_body(doc: &Document) -> Vec<(usize, usize)> {
    let fm = &doc.front;
    let mut outside: Vec<(usize, usize)> = [&fm.title, &fm.speaker, &fm.issuer, &fm.doc_number]
        .into_iter()
        .chain([&fm.salutation, &fm.signature, &fm.signature_date])
        .flatten()
        .chain(fm.subtitle.iter())
        .chain(fm.history.iter())
        .map(|f| (f.span.start(), f.span.end()))
        .chain(doc.removed.iter().map(|r| (r.span.start(), r.span.end())))
        .collect();
    outside.sort_unstable();
    outside
}

/// (found with start and end right, kind right too) against the gold of one document.
fn times_score(doc: &Document, text: &str, gold: &TimesDoc) -> (Score, usize) {
    let mut f = Score::default();
    let mut kinds = 0;
    let mut used = vec![false; doc.times.len()];
    let outside = outside_body(doc);
    let scope = scope_of(text, gold.scope.as_ref(), &gold.file);
    for g in &gold.times {
        let at = locate(text, &g.quote, g.nth, &gold.file);
        assert!(
            in_scope(scope, at),
            "{}: {} outside the scope",
            gold.file,
            g.quote
        );
        if outside.iter().any(|&o| overlaps(o, at)) {
            continue;
        }
        let hit = doc.times.iter().enumerate().find(|(i, t)| {
            !used[*i]
                && overlaps((t.span.start(), t.span.end()), at)
                && t.start == g.start
                && t.end == g.end
        });
        match hit {
            Some((i, t)) => {
                used[i] = true;
                if g.optional {
                    continue;
                }
                f.tp += 1;
                if kind_name(t.kind) == g.kind {
                    kinds += 1;
                }
            }
            None if g.optional => {
                // A reading of an optional item is not held against the record either.
                for (i, t) in doc.times.iter().enumerate() {
                    if overlaps((t.span.start(), t.span.end()), at) {
                        used[i] = true;
                    }
                }
            }
            None => {
                f.fn_ += 1;
                if verbose() {
                    let near: Vec<String> = doc
                        .times
                        .iter()
                        .filter(|t| overlaps((t.span.start(), t.span.end()), at))
                        .map(|t| format!("{} {:?}..{:?}", t.text, t.start, t.end))
                        .collect();
                    println!(
                        "  {}: time {} want {:?}..{:?} got {near:?}",
                        gold.file, g.quote, g.start, g.end
                    );
                }
            }
        }
    }
    for (i, t) in doc.times.iter().enumerate() {
        if !used[i] && in_scope(scope, (t.span.start(), t.span.end())) {
            // A time read where the gold has one but with other dates is a miss already
            // counted; elsewhere it is a wrong reading.
            f.fp += 1;
            if verbose() {
                println!(
                    "  {}: time {} {:?}..{:?} not in the gold",
                    gold.file, t.text, t.start, t.end
                );
            }
        }
    }
    (f, kinds)
}

// ------------------------------------------------------------------------------ metrics

#[derive(Deserialize)]
struct MetricsGold {
    documents: Vec<MetricsDoc>,
}

#[derive(Deserialize)]
struct MetricsDoc {
    file: String,
    /// The part annotated (all of the file where absent): see [`scope_of`].
    #[serde(default)]
    scope: Option<[String; 2]>,
    metrics: Vec<MetricGold>,
    not_quantities: Vec<String>,
}

#[derive(Deserialize)]
struct MetricGold {
    quote: String,
    nth: Option<usize>,
    value: f64,
    unit: Option<String>,
    qualifier: Option<String>,
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// (metrics right in value and unit; qualifiers right; readings inside non-quantities).
fn metrics_score(doc: &Document, text: &str, gold: &MetricsDoc) -> (Score, usize, usize) {
    let mut f = Score::default();
    let mut qualifiers = 0;
    let mut used = vec![false; doc.metrics.len()];
    let outside = outside_body(doc);
    let scope = scope_of(text, gold.scope.as_ref(), &gold.file);
    for g in &gold.metrics {
        let at = locate(text, &g.quote, g.nth, &gold.file);
        assert!(
            in_scope(scope, at),
            "{}: {} outside the scope",
            gold.file,
            g.quote
        );
        if outside.iter().any(|&o| overlaps(o, at)) {
            continue;
        }
        let hit = doc.metrics.iter().enumerate().find(|(i, m)| {
            !used[*i]
                && overlaps((m.span.start(), m.span.end()), at)
                && same_value(m.value, g.value)
                && m.unit == g.unit
        });
        match hit {
            Some((i, m)) => {
                used[i] = true;
                f.tp += 1;
                let q = m.qualifier.map(|q| {
                    serde_json::to_value(q)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                });
                if q == g.qualifier {
                    qualifiers += 1;
                }
            }
            None => {
                f.fn_ += 1;
                if verbose() {
                    let near: Vec<String> = doc
                        .metrics
                        .iter()
                        .filter(|m| overlaps((m.span.start(), m.span.end()), at))
                        .map(|m| format!("{} {} {:?}", m.text, m.value, m.unit))
                        .collect();
                    println!(
                        "  {}: metric {} want {} {:?} got {near:?}",
                        gold.file, g.quote, g.value, g.unit
                    );
                }
            }
        }
    }
    let mut inside_names = 0;
    for (i, m) in doc.metrics.iter().enumerate() {
        if used[i] || !in_scope(scope, (m.span.start(), m.span.end())) {
            continue;
        }
        f.fp += 1;
        let span = (m.span.start(), m.span.end());
        let in_name = gold.not_quantities.iter().any(|n| {
            text.match_indices(n.as_str())
                .any(|(p, _)| overlaps(span, (p, p + n.len())))
        });
        if in_name {
            inside_names += 1;
        }
        if verbose() {
            println!(
                "  {}: metric {} {} {:?} not in the gold{}",
                gold.file,
                m.text,
                m.value,
                m.unit,
                if in_name { " (a non-quantity)" } else { "" }
            );
        }
    }
    (f, qualifiers, inside_names)
}

// ------------------------------------------------------------------------------ the test

/// Floors: the figures reached so far, so that no change goes back; the goals are
/// headings F1 0.97, times F1 0.90, metrics F1 0.90 with no non-quantity read, and title, type
/// and date right on 95 % of the documents.
const HEADINGS_F1: f64 = 0.98;
const TIMES_F1: f64 = 0.98;
const METRICS_F1: f64 = 0.98;
const FRONT: f64 = 0.97;

#[test]
fn structure_times_and_metrics_against_real_gold() {
    let Some(root) = common::shared("corpus-real") else {
        return;
    };

    let front: Vec<FrontGold> = load("front_and_headings");
    let front: Vec<&FrontDoc> = front.iter().flat_map(|f| &f.documents).collect();
    let (mut titles, mut types, mut dates) = (0, 0, 0);
    let mut headings = Score::default();
    for g in &front {
        let (doc, _) = read(&root, &g.file);
        let title_ok =
            bare(doc.title.as_deref().unwrap_or("")) == bare(g.title.as_deref().unwrap_or(""));
        let type_ok = doc.doc_type == type_of(&g.doc_type);
        let date_ok = doc.date == g.date;
        titles += usize::from(title_ok);
        types += usize::from(type_ok);
        dates += usize::from(date_ok);
        if verbose() && !(title_ok && type_ok && date_ok) {
            println!(
                "  {}: title {:?} (want {:?}) type {:?} (want {}) date {:?} (want {:?})",
                g.file, doc.title, g.title, doc.doc_type, g.doc_type, doc.date, g.date
            );
        }
        if let Some(want) = &g.headings {
            let mut got = Vec::new();
            flatten(&doc.sections, &mut got);
            let f = headings_score(&got, want, &g.file);
            println!("{}", line(&format!("headings {}", g.file), &f));
            headings.add(f);
        }
    }
    let n = front.len();
    let front_right = (titles + types + dates) as f64 / (3 * n) as f64;
    println!("{}", line("headings, all", &headings));
    println!(
        "front matter of {n} documents: title {titles}, type {types}, date {dates} right ({front_right:.3})"
    );

    // By the record's type, for the README's table.
    let type_name = |d: &Document| {
        serde_json::to_value(d.doc_type)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    let times: Vec<TimesGold> = load("times");
    let mut tf = Score::default();
    let mut times_by_type: BTreeMap<String, Score> = BTreeMap::new();
    let mut kinds = 0;
    for g in times.iter().flat_map(|t| &t.documents) {
        let (doc, text) = read(&root, &g.file);
        let (f, k) = times_score(&doc, &text, g);
        println!("{}", line(&format!("times {}", g.file), &f));
        tf.add(f);
        times_by_type.entry(type_name(&doc)).or_default().add(f);
        kinds += k;
    }
    for (t, f) in &times_by_type {
        println!("{}", line(&format!("times, {t}"), f));
    }
    println!("{}", line("times, all", &tf));
    println!("times with the kind right too: {kinds} of {}", tf.tp);

    let metrics: Vec<MetricsGold> = load("metrics");
    let mut mf = Score::default();
    let mut metrics_by_type: BTreeMap<String, Score> = BTreeMap::new();
    let (mut qualifiers, mut names) = (0, 0);
    for g in metrics.iter().flat_map(|m| &m.documents) {
        let (doc, text) = read(&root, &g.file);
        let (f, q, n) = metrics_score(&doc, &text, g);
        println!("{}", line(&format!("metrics {}", g.file), &f));
        mf.add(f);
        metrics_by_type.entry(type_name(&doc)).or_default().add(f);
        qualifiers += q;
        names += n;
    }
    for (t, f) in &metrics_by_type {
        println!("{}", line(&format!("metrics, {t}"), f));
    }
    println!("{}", line("metrics, all", &mf));
    println!(
        "metrics with the qualifier right too: {qualifiers} of {}; read inside non-quantities: {names}",
        mf.tp
    );

    assert!(
        headings.f1() >= HEADINGS_F1,
        "headings F1 {:.3}",
        headings.f1()
    );
    assert!(tf.f1() >= TIMES_F1, "times F1 {:.3}", tf.f1());
    assert!(mf.f1() >= METRICS_F1, "metrics F1 {:.3}", mf.f1());
    assert!(front_right >= FRONT, "front matter {front_right:.3}");
}
