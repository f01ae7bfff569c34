//! The search evaluation: zhengce against the two systems a user would pick instead, built
//! from the same files in the same run, on query sets generated with fixed seeds from the
//! bundled corpus and `../shared/corpus-real/`:
//!
//! - **tantivy-jieba**: one tantivy text field tokenized as the tantivy-jieba crate does
//!   (jieba's search mode, HMM on), queried through tantivy's default `QueryParser`;
//! - **FTS5 trigram**: SQLite FTS5 with its trigram tokenizer, ranked by `bm25()`, each piece of
//!   the query a quoted phrase.
//!
//! Query sets: `fragments` (4–12 characters cut from a paragraph), `pairs` (two words of one
//! paragraph, not adjacent), `titles` (a distinctive part of a document's title) and the
//! labelled set of `tests/data/queries.tsv`. A result is right when its document holds the
//! fragment (white space aside), both words in one line, the title part in its title, or is a labelled target.
//! Printed: success@1, success@10, MRR and empty results for each system and set.
//!
//! Run: `cargo bench --bench eval` (about a minute; nothing is timed).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Schema, Value, STORED, STRING};
use tantivy::tokenizer::TextAnalyzer;
use zhengce::search::batch::{collect_files, index_paths, key_of};
use zhengce::search::{Archive, OpenMode, Query};
use zhengce::Analyzer;

#[path = "common/bare_jieba.rs"]
mod bare_jieba;
use bare_jieba::BareJieba;

/// A small deterministic generator (xorshift64*), so that the query sets are the same in
/// every run and on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Doc {
    key: String,
    text: String,
    title: String,
}

/// A query and what makes a document right for it.
struct Case {
    query: String,
    right: Box<dyn Fn(&Doc) -> bool>,
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
}

/// Runs of Chinese characters of at least `min` characters in the text's lines.
fn runs(text: &str, min: usize) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur: Vec<char> = Vec::new();
        for c in line.chars().chain(['\n']) {
            if is_cjk(c) {
                cur.push(c);
            } else {
                if cur.len() >= min {
                    out.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    out
}

fn fragments(docs: &[Doc], rng: &mut Rng, n: usize) -> Vec<Case> {
    let mut out = Vec::new();
    while out.len() < n {
        let d = &docs[rng.below(docs.len())];
        let rs = runs(&d.text, 12);
        if rs.is_empty() {
            continue;
        }
        let r = &rs[rng.below(rs.len())];
        let len = 4 + rng.below(9);
        let at = rng.below(r.len() - len + 1);
        let frag: String = r[at..at + len].iter().collect();
        let f = frag.clone();
        out.push(Case {
            query: frag,
            // White space aside: `5月28日 第十三届` holds `日第十三`.
            right: Box::new(move |d: &Doc| {
                d.text.contains(&f) || {
                    let t: String = d.text.chars().filter(|c| !c.is_whitespace()).collect();
                    t.contains(&f)
                }
            }),
        });
    }
    out
}

fn pairs(docs: &[Doc], jieba: &jieba_rs::Jieba, rng: &mut Rng, n: usize) -> Vec<Case> {
    let mut out = Vec::new();
    while out.len() < n {
        let d = &docs[rng.below(docs.len())];
        let lines: Vec<&str> = d.text.lines().filter(|l| l.chars().count() > 60).collect();
        if lines.is_empty() {
            continue;
        }
        let line = lines[rng.below(lines.len())];
        let words: Vec<&str> = jieba
            .cut(line, false)
            .into_iter()
            .map(|t| t.word)
            .filter(|w| w.chars().count() >= 2 && w.chars().all(is_cjk))
            .collect();
        if words.len() < 8 {
            continue;
        }
        let i = rng.below(words.len() - 6);
        let j = i + 6 + rng.below(words.len() - i - 6);
        let (a, b) = (words[i].to_string(), words[j].to_string());
        if a == b {
            continue;
        }
        let (x, y) = (a.clone(), b.clone());
        out.push(Case {
            query: format!("{a} {b}"),
            right: Box::new(move |d: &Doc| {
                d.text.lines().any(|l| l.contains(&x) && l.contains(&y))
            }),
        });
    }
    out
}

fn titles(docs: &[Doc], rng: &mut Rng, n: usize) -> Vec<Case> {
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < 10_000 {
        tries += 1;
        let d = &docs[rng.below(docs.len())];
        let t: Vec<char> = d.title.chars().filter(|&c| is_cjk(c)).collect();
        if t.len() < 6 {
            continue;
        }
        let len = 4 + rng.below(t.len().min(10) - 3);
        let at = rng.below(t.len() - len + 1);
        let part: String = t[at..at + len].iter().collect();
        // Distinctive: in at most two titles, and standing whole in this one.
        let n_titles = docs.iter().filter(|o| o.title.contains(&part)).count();
        if !d.title.contains(&part) || n_titles > 2 || out.iter().any(|c: &Case| c.query == part) {
            continue;
        }
        let p = part.clone();
        out.push(Case {
            query: part,
            right: Box::new(move |d: &Doc| d.title.contains(&p)),
        });
    }
    out
}

fn labelled(root: &Path, real: &Path) -> Vec<Case> {
    let mut by_query: HashMap<String, Vec<String>> = HashMap::new();
    for l in include_str!("../tests/data/queries.tsv").lines() {
        if l.starts_with('#') {
            continue;
        }
        let mut f = l.split('\t');
        let (Some(q), Some(rel)) = (f.next(), f.next()) else {
            continue;
        };
        let path = if let Some(r) = rel.strip_prefix("corpus/") {
            root.join("corpus").join(r)
        } else if let Some(r) = rel.strip_prefix("real/") {
            real.join(r)
        } else {
            continue;
        };
        by_query
            .entry(q.to_string())
            .or_default()
            .push(key_of(&path));
    }
    let mut qs: Vec<(String, Vec<String>)> = by_query.into_iter().collect();
    qs.sort();
    qs.into_iter()
        .map(|(q, keys)| Case {
            query: q,
            right: Box::new(move |d: &Doc| keys.contains(&d.key)),
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    at1: usize,
    at10: usize,
    rr: f64,
    empty: usize,
    n: usize,
}

impl Tally {
    fn add(&mut self, ranked: &[usize], docs: &[Doc], case: &Case) {
        self.n += 1;
        if ranked.is_empty() {
            self.empty += 1;
            return;
        }
        if let Some(r) = ranked.iter().take(10).position(|&d| (case.right)(&docs[d])) {
            self.at10 += 1;
            self.rr += 1.0 / (r + 1) as f64;
            if r == 0 {
                self.at1 += 1;
            }
        }
    }
    fn cells(&self) -> String {
        let n = self.n.max(1) as f64;
        format!(
            "{:.2} | {:.2} | {:.2} | {}",
            self.at1 as f64 / n,
            self.at10 as f64 / n,
            self.rr / n,
            self.empty
        )
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let real = root.join("../shared/corpus-real");
    if !real.exists() {
        eprintln!("eval: ../shared/corpus-real is absent; nothing to evaluate");
        return;
    }
    let (files, _) = collect_files(&[root.join("corpus"), real.clone()]);
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let analyzer = Analyzer::default();
    let docs: Vec<Doc> = files
        .iter()
        .filter_map(|p| {
            let text = zhengce::decode::read_path(p, 1 << 30).ok()?.text;
            let title = analyzer.analyze(&text).title.unwrap_or_default();
            Some(Doc {
                key: key_of(p),
                text,
                title,
            })
        })
        .collect();
    let index_of: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key.as_str(), i))
        .collect();

    // zhengce.
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::builder()
        .open(&dir.path().join("zc"), OpenMode::Create)
        .unwrap();
    index_paths(&archive, &analyzer, &files, &()).unwrap();

    // tantivy-jieba.
    let jieba = std::sync::Arc::new(jieba_rs::Jieba::new());
    let mut sb = Schema::builder();
    let key_f = sb.add_text_field("key", STRING | STORED);
    let body_f = sb.add_text_field(
        "body",
        tantivy::schema::TextOptions::default().set_indexing_options(
            tantivy::schema::TextFieldIndexing::default()
                .set_tokenizer("jieba")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let tindex = tantivy::Index::create_in_dir(
        {
            let p = dir.path().join("tj");
            std::fs::create_dir_all(&p).unwrap();
            p
        },
        sb.build(),
    )
    .unwrap();
    tindex
        .tokenizers()
        .register("jieba", TextAnalyzer::from(BareJieba(jieba.clone())));
    let mut w: tantivy::IndexWriter = tindex.writer(100 << 20).unwrap();
    for d in &docs {
        w.add_document(tantivy::doc!(key_f => d.key.clone(), body_f => d.text.clone()))
            .unwrap();
    }
    w.commit().unwrap();
    let treader = tindex.reader().unwrap();
    let parser = QueryParser::for_index(&tindex, vec![body_f]);

    // FTS5 trigram.
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(
        "CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, body, tokenize='trigram');",
    )
    .unwrap();
    {
        let mut ins = db
            .prepare("INSERT INTO docs(key, body) VALUES (?1, ?2)")
            .unwrap();
        for d in &docs {
            ins.execute((&d.key, &d.text)).unwrap();
        }
    }
    let mut fts = db
        .prepare("SELECT key FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT 10")
        .unwrap();

    let mut rng = Rng(0x2026_1202);
    let sets: Vec<(&str, Vec<Case>)> = vec![
        (
            "fragments of 4–12 characters",
            fragments(&docs, &mut rng, 200),
        ),
        (
            "pairs of words from one paragraph",
            pairs(&docs, &jieba, &mut rng, 60),
        ),
        ("distinctive parts of titles", titles(&docs, &mut rng, 40)),
        ("labelled queries", labelled(&root, &real)),
    ];
    println!("| query set | n | system | success@1 | success@10 | MRR | empty |");
    println!("|---|---|---|---|---|---|---|");
    for (name, cases) in &sets {
        let mut tallies: [Tally; 3] = Default::default();
        for case in cases {
            // zhengce
            let r = archive.search(&Query::new(&case.query).limit(10)).unwrap();
            let ranked: Vec<usize> = r
                .hits
                .iter()
                .filter_map(|h| index_of.get(h.key.as_str()).copied())
                .collect();
            if std::env::var_os("EVAL_VERBOSE").is_some()
                && !ranked.first().is_some_and(|&d| (case.right)(&docs[d]))
            {
                eprintln!(
                    "zhengce missed at 1: {} → {:?}",
                    case.query,
                    r.hits
                        .iter()
                        .take(2)
                        .map(|h| (&h.title, h.score))
                        .collect::<Vec<_>>()
                );
            }
            tallies[0].add(&ranked, &docs, case);
            // tantivy-jieba
            let searcher = treader.searcher();
            let ranked: Vec<usize> = match parser.parse_query(&case.query) {
                Ok(q) => searcher
                    .search(&q, &TopDocs::with_limit(10).order_by_score())
                    .unwrap()
                    .into_iter()
                    .filter_map(|(_, a)| {
                        let d: tantivy::TantivyDocument = searcher.doc(a).ok()?;
                        let k = d.get_first(key_f)?.as_str()?.to_string();
                        index_of.get(k.as_str()).copied()
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            tallies[1].add(&ranked, &docs, case);
            // FTS5: each piece a quoted phrase (trigram needs three characters).
            let m: Vec<String> = case
                .query
                .split_whitespace()
                .map(|p| format!("\"{}\"", p.replace('"', "")))
                .collect();
            let ranked: Vec<usize> = fts
                .query_map([m.join(" ")], |row| row.get::<_, String>(0))
                .map(|rows| {
                    rows.filter_map(|k| index_of.get(k.ok()?.as_str()).copied())
                        .collect()
                })
                .unwrap_or_default();
            tallies[2].add(&ranked, &docs, case);
        }
        for (system, t) in ["zhengce", "tantivy-jieba", "FTS5 trigram"]
            .iter()
            .zip(&tallies)
        {
            println!("| {name} | {} | {system} | {} |", cases.len(), t.cells());
        }
    }
}
