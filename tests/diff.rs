//! `zhengce diff` against an alignment gold written by reading both versions of three laws of
//! `../shared/corpus-real/versions/` (`tests/data/versions_gold.json`), and against the
//! counts of the versions' manifest, computed by another tool. Skipped where `../shared` is
//! absent.

#[path = "common/mod.rs"]
mod common;
#[path = "common/score.rs"]
mod score;

use std::collections::HashSet;

use score::Score;
use serde::Deserialize;
use zhengce::diff::{self, Status};

#[derive(Deserialize)]
struct Gold {
    pairs: Vec<GoldPair>,
}

#[derive(Deserialize)]
struct GoldPair {
    name: String,
    old_file: String,
    new_file: String,
    articles: Vec<GoldArticle>,
}

#[derive(Deserialize)]
struct GoldArticle {
    old: Option<u32>,
    new: Option<u32>,
    status: String,
}

fn status_name(s: Status) -> String {
    serde_json::to_value(s)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn compare(root: &std::path::Path, old: &str, new: &str) -> diff::Comparison {
    let read = |f: &str| {
        let text = std::fs::read_to_string(root.join(f)).unwrap();
        let doc = zhengce::analyze(&text);
        diff::articles(&doc, &text)
    };
    diff::compare(read(old), read(new)).unwrap()
}

/// Pairs right (old and new article and status), against the gold of three laws.
#[test]
fn alignment_matches_the_gold() {
    let Some(root) = common::shared("corpus-real/versions") else {
        return;
    };
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/versions_gold.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut all = Score::default();
    for g in &gold.pairs {
        let c = compare(&root, &g.old_file, &g.new_file);
        let got: HashSet<(Option<u32>, Option<u32>, String)> = c
            .pairs
            .iter()
            .map(|p| {
                (
                    p.old.map(|i| c.old[i].ordinal),
                    p.new.map(|j| c.new[j].ordinal),
                    status_name(p.status),
                )
            })
            .collect();
        let want: HashSet<(Option<u32>, Option<u32>, String)> = g
            .articles
            .iter()
            .map(|a| (a.old, a.new, a.status.clone()))
            .collect();
        let f = Score {
            tp: got.intersection(&want).count(),
            fp: got.difference(&want).count(),
            fn_: want.difference(&got).count(),
        };
        println!("{}", f.line(&g.name, 28));
        if std::env::var_os("ZHENGCE_GOLD_VERBOSE").is_some() {
            let mut miss: Vec<_> = want.difference(&got).collect();
            miss.sort();
            let mut extra: Vec<_> = got.difference(&want).collect();
            extra.sort();
            println!("  missed {miss:?}\n  wrong {extra:?}");
        }
        all.add(f);
    }
    println!("{}", all.line("all pairs", 28));
    assert!(all.f1() >= F1_FLOOR, "alignment F1 {:.3}", all.f1());
}

/// The floor: the figure reached, so that no change goes back (the goal is 0.95).
const F1_FLOOR: f64 = 0.95;

/// Every version pair: each article of either side in exactly one pair (or a split's or merge's
/// pairs), and as many identical bodies as the manifest counts.
#[test]
fn every_version_pair_accounts_for_every_article() {
    let Some(root) = common::shared("corpus-real/versions") else {
        return;
    };
    let manifest = std::fs::read_to_string(root.join("MANIFEST.tsv")).unwrap();
    for line in manifest.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let name = f[0];
        let (n_old, n_new, unchanged): (usize, usize, usize) = (
            f[8].parse().unwrap(),
            f[9].parse().unwrap(),
            f[10].parse().unwrap(),
        );
        let c = compare(&root, &format!("{name}/old.md"), &format!("{name}/new.md"));
        assert_eq!((c.old.len(), c.new.len()), (n_old, n_new), "{name}");
        let olds: HashSet<usize> = c.pairs.iter().filter_map(|p| p.old).collect();
        let news: HashSet<usize> = c.pairs.iter().filter_map(|p| p.new).collect();
        assert_eq!((olds.len(), news.len()), (n_old, n_new), "{name}");
        // Identical bodies: unchanged, or moved without an edit.
        let same = c
            .pairs
            .iter()
            .filter(|p| {
                p.status == Status::Unchanged || (p.status == Status::Moved && p.edits.is_empty())
            })
            .count();
        assert_eq!(same, unchanged, "{name}: identical articles");
        assert!(
            c.paired_share() >= diff::SAME_DOCUMENT_SHARE,
            "{name}: {:.2} paired",
            c.paired_share()
        );
        println!("{name:28} {}", c.summary_line());
    }
}

/// Two different laws are said to be different documents: few of their articles pair.
#[test]
fn different_documents_pair_few_articles() {
    let Some(root) = common::shared("corpus-real/laws") else {
        return;
    };
    let c = compare(
        &root,
        "law_audit_law_2021.txt",
        "law_statistics_law_2024.txt",
    );
    assert!(
        c.paired_share() < diff::SAME_DOCUMENT_SHARE,
        "{:.2} paired",
        c.paired_share()
    );
}
