//! `segment`, `index` and `query`.
//!
//! - `segment`: our word segmentation (normalisation, policy dictionary, protected patterns,
//!   offsets) against a bare `jieba.cut` with the default dictionary on the same texts.
//! - `index`: indexing an archive of more than 100 MB, built by interleaving the paragraphs of
//!   the bundled corpus and `../shared/corpus-real/` (so that no two files are reposts of each
//!   other), on 2 threads with both granularities; then both index runs again in turns, and
//!   the median of the paired ratios printed (the goal is a ratio, and the machine's speed
//!   drifts between two criterion benches run minutes apart). Both sides index with a
//!   dictionary loaded beforehand; the paired runs also time ours loading its own.
//! - `query`: the labelled queries of `tests/data/queries.tsv`, planned, run and given
//!   snippets over that archive; besides criterion's figures, the median and p99 of single
//!   queries are printed.
//! - `start`: a `zhengce search` process, start to last byte, over that archive (the median
//!   and p99 over the labelled queries are printed).
//! - `trend`: five terms by year over that archive, as `zhengce trend` counts them.
//!
//! Run: `cargo bench --bench search` (the `index` group takes some minutes).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use zhengce::search::batch::index_paths;
use zhengce::search::{Archive, OpenMode, Query};
use zhengce::segment::{Load, Segmenter};
use zhengce::{Analyzer, Stages};

#[path = "common/bare_jieba.rs"]
mod bare_jieba;
use bare_jieba::BareJieba;

// The allocator of the `zhengce` binary, so that `index` measures what `zhengce index` does.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Paired runs of the two index benches (see `bench`).
const PAIRS: usize = 7;

/// The archive the `index` and `query` benches use is at least this large.
const ARCHIVE_BYTES: usize = 100_000_000;

fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("corpus")];
    let real = root.join("../shared/corpus-real");
    if real.exists() {
        dirs.push(real);
    } else {
        eprintln!("corpus-real is absent; the archive is built from the bundled corpus only");
    }
    let (files, _) = zhengce::search::batch::collect_files(&dirs);
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| zhengce::decode::read_path(p, 1 << 30).ok())
        .map(|d| d.text)
        .collect()
}

/// Writes an archive of more than [`ARCHIVE_BYTES`]: round k pairs text i with text i+k+1,
/// taking their lines in turn.
fn write_archive(texts: &[String], dir: &Path) -> usize {
    let lines: Vec<Vec<&str>> = texts.iter().map(|t| t.lines().collect()).collect();
    let n = lines.len();
    let mut total = 0;
    let mut round = 0;
    while total < ARCHIVE_BYTES {
        let sub = dir.join(format!("{round:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        for (i, own) in lines.iter().enumerate() {
            let other = &lines[(i + round + 1) % n];
            let mut out = String::new();
            for (j, l) in own.iter().enumerate() {
                out.push_str(l);
                out.push('\n');
                if j % 2 == 1 {
                    if let Some(o) = other.get(j / 2) {
                        out.push_str(o);
                        out.push('\n');
                    }
                }
            }
            total += out.len();
            std::fs::write(sub.join(format!("{i:04}.txt")), out).unwrap();
        }
        round += 1;
    }
    total
}

/// A new archive in `dir` indexing with `seg` (loaded once, as the reference's jieba is built
/// once; `None`: a segmenter of its own, whose dictionary the run loads, as a `zhengce index`
/// process does).
fn open(dir: &Path, seg: Option<&Arc<Segmenter>>) -> Archive {
    let b = Archive::builder().threads(2);
    let b = match seg {
        Some(s) => b.segmenter(Arc::clone(s)),
        None => b,
    };
    b.open(dir, OpenMode::Create).unwrap()
}

/// Indexes the files under `roots` into a one-field index in `dir` (see `plain_jieba_one_field`).
fn plain_index(jieba: &std::sync::Arc<jieba_rs::Jieba>, roots: &[PathBuf], dir: &Path) {
    use rayon::prelude::*;
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    let mut sb = Schema::builder();
    let body = sb.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("jieba")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let index = tantivy::Index::create_in_dir(dir, sb.build()).unwrap();
    index
        .tokenizers()
        .register("jieba", BareJieba(std::sync::Arc::clone(jieba)));
    let writer: tantivy::IndexWriter = index
        .writer_with_num_threads(2, zhengce::search::DEFAULT_HEAP_BYTES)
        .unwrap();
    let (files, _) = zhengce::search::batch::collect_files(roots);
    files.par_iter().for_each(|p| {
        let text = std::fs::read_to_string(p).unwrap();
        writer.add_document(tantivy::doc!(body => text)).unwrap();
    });
    let mut writer = writer;
    writer.commit().unwrap();
    writer.wait_merging_threads().unwrap();
}

/// Runs `f` on each of `items`, `rounds` times, and prints the median and p99 of the runs.
fn single_runs<T>(
    what: &str,
    archive_bytes: usize,
    rounds: usize,
    items: &[T],
    mut f: impl FnMut(&T),
) {
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..rounds {
        for x in items {
            let t = Instant::now();
            f(x);
            times.push(t.elapsed());
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    eprintln!(
        "{what}: {} over {} MB: median {:?}, p99 {:?}",
        times.len(),
        archive_bytes / 1_000_000,
        at(0.5),
        at(0.99)
    );
}

fn queries() -> Vec<String> {
    let mut qs: Vec<String> = include_str!("../tests/data/queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    qs.dedup();
    qs
}

/// Whether the command line's filter (if any) can select benchmarks of `group`, so that the
/// archive is not built for `cargo bench --bench search -- segment`.
fn wanted(group: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty()
        || filters
            .iter()
            .any(|f| group.contains(f.as_str()) || f.starts_with(group))
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();

    let seg = Segmenter::new();
    let jieba = jieba_rs::Jieba::new();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("zhengce_words", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for t in &texts {
                seg.for_each_word(black_box(t), |_, _, _| n += 1);
            }
            n
        })
    });
    g.bench_function("jieba_cut", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| jieba.cut(black_box(t), true).len())
                .sum::<usize>()
        })
    });
    g.finish();
    if !wanted("index") && !wanted("query") && !wanted("start") && !wanted("trend") {
        return;
    }

    let src = tempfile::tempdir().unwrap();
    let archive_bytes = write_archive(&texts, src.path());
    let roots = [src.path().to_path_buf()];
    // As `zhengce index` analyses.
    let analyzer = Analyzer::builder().stages(Stages::Index).build();
    let mut g = c.benchmark_group("index");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(120))
        .throughput(Throughput::Bytes(archive_bytes as u64));
    // The reference of the issue: one text field, tokenized by a bare `jieba.cut`, positions
    // recorded, nothing stored, files read in parallel, the same writer threads and heap.
    // Its jieba is built once, outside the runs; so is our segmenter's dictionary (`loaded`).
    let jieba = std::sync::Arc::new(jieba);
    let loaded = Arc::new(Segmenter::builder().load(Load::Eager).build().unwrap());
    g.bench_function("plain_jieba_one_field", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                plain_index(&jieba, &roots, dir.path());
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("two_threads", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let archive = open(&dir.path().join("ix"), Some(&loaded));
                let r = index_paths(&archive, &analyzer, &roots, &()).unwrap();
                assert!(r.failed.is_empty());
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    // The goal is a ratio, and the machine's speed drifts over the minutes between the two
    // benches above: the same two runs in turns, each pair read as one ratio.
    // Besides, each pair runs ours once more with a segmenter of its own, which loads the
    // dictionary inside the run (what a `zhengce index` process pays once).
    if wanted("index") {
        let (mut ratios, mut with_load) = (Vec::new(), Vec::new());
        for _ in 0..PAIRS {
            let time = |f: &dyn Fn(&Path)| {
                let dir = tempfile::tempdir().unwrap();
                let t = Instant::now();
                f(dir.path());
                t.elapsed().as_secs_f64()
            };
            let ours = |d: &Path, seg: Option<&Arc<Segmenter>>| {
                let archive = open(&d.join("ix"), seg);
                assert!(index_paths(&archive, &analyzer, &roots, &())
                    .unwrap()
                    .failed
                    .is_empty());
            };
            let plain = time(&|d| plain_index(&jieba, &roots, d));
            ratios.push(plain / time(&|d| ours(d, Some(&loaded))));
            with_load.push(plain / time(&|d| ours(d, None)));
        }
        for (what, mut rs) in [
            ("", ratios),
            (", our dictionary loaded in each run", with_load),
        ] {
            rs.sort_by(f64::total_cmp);
            eprintln!(
                "index: two_threads / plain_jieba_one_field throughput in {PAIRS} paired \
                 runs{what}: median {:.3}, range {:.3}-{:.3}",
                rs[PAIRS / 2],
                rs[0],
                rs[PAIRS - 1]
            );
        }
    }

    let ix = tempfile::tempdir().unwrap();
    let archive = open(&ix.path().join("ix"), Some(&loaded));
    index_paths(&archive, &analyzer, &roots, &()).unwrap();
    let qs: Vec<Query> = queries().iter().map(|q| Query::new(q)).collect();
    // Median and p99 of single queries, snippets included.
    single_runs("query: runs", archive_bytes, 20, &qs, |q| {
        black_box(archive.search(q).unwrap());
    });
    let mut g = c.benchmark_group("query");
    g.throughput(Throughput::Elements(qs.len() as u64));
    g.bench_function("labelled_set", |b| {
        b.iter(|| {
            qs.iter()
                .map(|q| archive.search(q).unwrap().hits.len())
                .sum::<usize>()
        })
    });
    g.finish();

    // A `zhengce search` process from start to last byte, for each labelled query: what a
    // person at a shell or a script pays per query.
    let exe = env!("CARGO_BIN_EXE_zhengce");
    let ix_dir = ix.path().join("ix");
    let run = |q: &str| {
        let out = std::process::Command::new(exe)
            .arg("search")
            .arg("--index")
            .arg(&ix_dir)
            .args(["--format", "json", "--"])
            .arg(q)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout.len()
    };
    single_runs(
        "start: `zhengce search` processes",
        archive_bytes,
        3,
        &queries(),
        |q| {
            black_box(run(q));
        },
    );
    let mut g = c.benchmark_group("start");
    g.sample_size(20);
    g.bench_function("search_process", |b| b.iter(|| run(black_box("营商环境"))));
    g.finish();

    // Five terms over the whole archive by year, as `zhengce trend` computes them: documents,
    // occurrences, rates and first appearances.
    let terms = ["营商环境", "高质量发展", "新质生产力", "改革", "乡村振兴"];
    let q = zhengce::search::trend::TrendQuery::new(terms);
    let t = Instant::now();
    let trend = archive.trend(&q).unwrap();
    eprintln!(
        "trend: 5 terms, {} documents, {} occurrences over {} MB in {:?}",
        trend.documents.len(),
        trend.terms.iter().map(|t| t.occurrences).sum::<u64>(),
        archive_bytes / 1_000_000,
        t.elapsed()
    );
    let mut g = c.benchmark_group("trend");
    g.sample_size(10)
        .throughput(Throughput::Bytes(archive_bytes as u64));
    g.bench_function("five_terms", |b| {
        b.iter(|| archive.trend(black_box(&q)).unwrap().rows.len())
    });
    g.finish();
    let _: PathBuf = ix.path().to_path_buf();
}

criterion_group!(benches, bench);
criterion_main!(benches);
