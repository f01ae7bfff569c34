//! The labelled query set (`tests/data/queries.tsv`) over the bundled corpus and, where it is
//! present, `../shared/corpus-real/`: recall@10 and nDCG@10 with floors.
#![cfg(feature = "search")]

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use zhengce::search::batch::{index_paths, key_of};
use zhengce::search::{Archive, OpenMode, Query, SearchResults};
use zhengce::Analyzer;

/// Mean recall@10 below this fails.
const RECALL_FLOOR: f64 = 0.9;
/// Mean nDCG@10 below this fails.
const NDCG_FLOOR: f64 = 0.8;

struct Target {
    path: PathBuf,
    needle: String,
}

fn resolve(rel: &str, corpus: &Path, real: Option<&Path>) -> Option<PathBuf> {
    if let Some(r) = rel.strip_prefix("corpus/") {
        Some(corpus.join(r))
    } else {
        rel.strip_prefix("real/")
            .and_then(|r| real.map(|d| d.join(r)))
    }
}

fn decoded(path: &str) -> String {
    zhengce::decode::read_path(Path::new(path), 1 << 30)
        .map(|d| d.text)
        .unwrap_or_default()
}

/// Whether a hit shows a passage of `t` that contains its text (a repost counts when its own
/// text contains it).
fn found(
    hit: &zhengce::search::DocumentHit,
    t: &Target,
    key: &str,
    texts: &mut HashMap<String, String>,
) -> bool {
    if hit.key == key {
        let text = texts
            .entry(hit.key.clone())
            .or_insert_with(|| decoded(&hit.key));
        return hit.passages.iter().any(|p| {
            let (s, e) = (p.span.start().min(text.len()), p.span.end().min(text.len()));
            text.get(s..e).is_some_and(|x| x.contains(&t.needle))
                || (s == 0 && text.contains(&t.needle))
        });
    }
    hit.reposts.iter().any(|r| r == key)
}

fn score(r: &SearchResults, targets: &[Target], texts: &mut HashMap<String, String>) -> (f64, f64) {
    let keys: Vec<String> = targets.iter().map(|t| key_of(&t.path)).collect();
    let mut hit_targets = vec![false; targets.len()];
    let mut dcg = 0.0;
    for (rank, h) in r.hits.iter().take(10).enumerate() {
        let mut gain = 0.0;
        for (i, t) in targets.iter().enumerate() {
            if !hit_targets[i] && found(h, t, &keys[i], texts) {
                hit_targets[i] = true;
                gain += 1.0;
            }
        }
        dcg += gain / (rank as f64 + 2.0).log2();
    }
    let ideal: f64 = (0..targets.len().min(10))
        .map(|i| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    let recall = hit_targets.iter().filter(|&&x| x).count() as f64 / targets.len() as f64;
    (recall, (dcg / ideal).min(1.0))
}

#[test]
fn labelled_queries_recall_and_ndcg() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("corpus");
    let real = common::shared("corpus-real");
    let mut queries: BTreeMap<String, Vec<Target>> = BTreeMap::new();
    let mut skipped = 0;
    for line in include_str!("data/queries.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        match resolve(cols[1], &corpus, real.as_deref()) {
            Some(path) => queries
                .entry(cols[0].to_string())
                .or_default()
                .push(Target {
                    path,
                    needle: cols[2].to_string(),
                }),
            None => skipped += 1,
        }
    }
    // A query keeps only the targets that are here; those left without any are skipped.
    let mut roots = vec![corpus.clone()];
    roots.extend(real.clone());
    if real.is_none() {
        queries.retain(|_, ts| ts.iter().all(|t| t.path.starts_with(&corpus)));
        eprintln!("{skipped} labelled documents of corpus-real skipped");
    }
    assert!(
        queries.len() >= if real.is_some() { 40 } else { 12 },
        "{}",
        queries.len()
    );

    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::builder()
        .open(&dir.path().join("ix"), OpenMode::Create)
        .unwrap();
    let report = index_paths(&archive, &Analyzer::default(), &roots, &()).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);

    let mut texts = HashMap::new();
    let (mut rs, mut ns) = (Vec::new(), Vec::new());
    for (q, targets) in &queries {
        let r = archive.search(&Query::new(q).limit(10)).unwrap();
        let (recall, ndcg) = score(&r, targets, &mut texts);
        eprintln!("{recall:5.2} {ndcg:5.2}  {q}  ({} targets)", targets.len());
        if recall < 1.0 {
            for h in r.hits.iter().take(10) {
                eprintln!("        {}", h.key.rsplit('/').next().unwrap_or_default());
            }
        }
        rs.push(recall);
        ns.push(ndcg);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (recall, ndcg) = (mean(&rs), mean(&ns));
    eprintln!(
        "{} queries: recall@10 {recall:.3}, nDCG@10 {ndcg:.3}",
        rs.len()
    );
    assert!(
        recall >= RECALL_FLOOR,
        "recall@10 {recall:.3} < {RECALL_FLOOR}"
    );
    assert!(ndcg >= NDCG_FLOOR, "nDCG@10 {ndcg:.3} < {NDCG_FLOOR}");
}
