//! `structure` and `extract`: the whole pass from bytes over the bundled corpus and, where it is
//! present, `../shared/corpus-real/`. `structure` runs decoding, cleaning, front matter and
//! structure ([`Stages::Structure`]); `extract` adds metrics, times and actions ([`Stages::All`]).
//! Reports bytes per second.
//!
//! `extract/jieba_cut` is a bare `jieba.cut` over the same texts, the yardstick the extraction
//! is held to: the full pass must stay within 1.5× of it.
//!
//! Run: `cargo bench --bench structure`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use zhengce::{Analyzer, Stages};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn load(dir: &Path) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// A count that must not change while speed does: sections, plus the extracted items.
fn answer(doc: &zhengce::Document) -> usize {
    doc.all_sections().len() + doc.metrics.len() + doc.times.len() + doc.actions.len()
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sets = vec![("corpus", load(&root.join("corpus")))];
    let real = root.join("../shared/corpus-real");
    if real.exists() {
        sets.push(("corpus-real", load(&real)));
    } else {
        eprintln!("corpus-real is absent; benching the bundled corpus only");
    }
    for (group_name, stages) in [("structure", Stages::Structure), ("extract", Stages::All)] {
        // Built once: compiles and warms the pattern tables.
        let analyzer = Analyzer::builder().stages(stages).build();
        let mut group = c.benchmark_group(group_name);
        for (name, docs) in &sets {
            let bytes: usize = docs.iter().map(Vec::len).sum();
            let expected: usize = docs
                .iter()
                .map(|d| answer(&analyzer.analyze_bytes(d, Path::new(name)).unwrap()))
                .sum();
            assert!(expected > 0);
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_with_input(BenchmarkId::new("analyze_bytes", name), docs, |b, docs| {
                b.iter(|| {
                    let n: usize = docs
                        .iter()
                        .map(|d| {
                            answer(
                                &analyzer
                                    .analyze_bytes(black_box(d), Path::new("bench"))
                                    .unwrap(),
                            )
                        })
                        .sum();
                    assert_eq!(n, expected);
                })
            });
        }
        #[cfg(feature = "search")]
        if group_name == "extract" {
            // The yardstick: jieba-rs segmentation of the same texts (dictionary built once;
            // jieba-rs comes with the `search` feature).
            let jieba = jieba_rs::Jieba::new();
            for (name, docs) in &sets {
                let texts: Vec<String> = docs
                    .iter()
                    .map(|d| zhengce::decode::decode_bytes(d).unwrap().text)
                    .collect();
                let bytes: usize = texts.iter().map(String::len).sum();
                let words: usize = texts.iter().map(|t| jieba.cut(t, false).len()).sum();
                group.throughput(Throughput::Bytes(bytes as u64));
                group.bench_with_input(BenchmarkId::new("jieba_cut", name), &texts, |b, texts| {
                    b.iter(|| {
                        let n: usize = texts
                            .iter()
                            .map(|t| jieba.cut(black_box(t), false).len())
                            .sum();
                        assert_eq!(n, words);
                    })
                });
            }
        }
        group.finish();
    }
}

/// `zhengce diff` of two versions of a 200-article law: both analysed, their articles aligned
/// and the character diffs of the changed ones made.
fn bench_diff(c: &mut Criterion) {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-real/versions/company_law");
    let (Ok(old), Ok(new)) = (
        std::fs::read_to_string(dir.join("old.md")),
        std::fs::read_to_string(dir.join("new.md")),
    ) else {
        eprintln!("versions are absent; no diff bench");
        return;
    };
    let analyzer = Analyzer::builder().stages(Stages::Structure).build();
    let mut group = c.benchmark_group("diff");
    group.bench_function("company_law_218_266", |b| {
        b.iter(|| {
            let a = zhengce::diff::articles(&analyzer.analyze(black_box(&old)), &old);
            let n = zhengce::diff::articles(&analyzer.analyze(black_box(&new)), &new);
            zhengce::diff::compare(a, n).unwrap().pairs.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_diff);
criterion_main!(benches);
