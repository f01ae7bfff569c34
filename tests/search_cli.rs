//! The `index`, `search`, `export` and `cut` commands: exit codes, messages, formats, the
//! default archive directory.
#![cfg(feature = "search")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn zhengce(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("zhengce").unwrap();
    c.current_dir(cwd).env_remove("ZHENGCE_INDEX");
    c
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A directory with two corpus texts and a corrupt file.
fn docs(dir: &Path) -> PathBuf {
    let d = dir.join("docs");
    std::fs::create_dir_all(&d).unwrap();
    for name in ["speech_digital_government.txt", "regulation_dogs.txt"] {
        std::fs::copy(corpus().join(name), d.join(name)).unwrap();
    }
    std::fs::write(d.join("broken.txt"), [0u8, 1, 2, 0, 255, 0, 0, 7]).unwrap();
    d
}

#[test]
fn index_then_search_with_the_default_directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path());
    // A bad file is reported at the end and the rest is indexed: exit code 2.
    zhengce(dir.path())
        .args(["index", d.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("indexed 2 files (2 new"))
        .stderr(predicate::str::contains("1 files could not be indexed"))
        .stderr(predicate::str::contains("broken.txt"));
    assert!(dir.path().join("zhengce-index/meta.json").exists());

    // Text results: title, path, section, highlighted snippet.
    zhengce(dir.path())
        .args(["search", "一网通办"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1. 在全县数字政府建设推进会上的讲话",
        ))
        .stdout(predicate::str::contains("speech_digital_government.txt"))
        .stdout(predicate::str::contains("【一网通办】"));

    // JSON results with <b> marks.
    let out = zhengce(dir.path())
        .args(["search", "罚款", "--format", "json", "--type", "law"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc_type"], "law");
    assert!(hits[0]["passages"][0]["html"]
        .as_str()
        .unwrap()
        .contains("<b>罚款</b>"));

    // Nothing found says so.
    zhengce(dir.path())
        .args(["search", "量子纠缠"])
        .assert()
        .success()
        .stdout("no results for `量子纠缠`\n");

    // A bad query: one line, exit code 2.
    zhengce(dir.path())
        .args(["search", "\"一网通办"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad query").and(predicate::str::contains("not closed")))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    zhengce(dir.path())
        .args(["search", "一网通办", "--since", "2025/01/01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a date"));

    // Re-indexing the same files changes nothing.
    zhengce(dir.path())
        .args([
            "index",
            d.join("speech_digital_government.txt").to_str().unwrap(),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 unchanged"));

    // Export: one passage a line, with the cut words.
    let out = zhengce(dir.path())
        .args(["export"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let cut = v["cut"].as_str().unwrap();
        assert!(!cut.contains("  "), "{cut}");
        n += 1;
    }
    assert!(n > 5, "{n}");
    assert!(text.contains("一网通办"));
}

#[test]
fn search_without_an_archive_says_so() {
    let dir = tempfile::tempdir().unwrap();
    zhengce(dir.path())
        .args(["search", "营商环境", "--index", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere").and(predicate::str::contains("no archive")));
}

#[test]
fn environment_names_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path());
    std::fs::remove_file(d.join("broken.txt")).unwrap();
    zhengce(dir.path())
        .env("ZHENGCE_INDEX", dir.path().join("elsewhere"))
        .args(["index", d.to_str().unwrap()])
        .assert()
        .success();
    assert!(dir.path().join("elsewhere/meta.json").exists());
    assert!(!dir.path().join("zhengce-index").exists());
}

#[test]
fn cut_prints_the_indexed_words() {
    let dir = tempfile::tempdir().unwrap();
    zhengce(dir.path())
        .args(["cut", "力争２０２６年底前编制完成十五五规划"])
        .assert()
        .success()
        .stdout("力争 2026年 底 前 编制 完成 十五五 规划\n");
}

#[test]
fn trend_and_kwic() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path());
    zhengce(dir.path())
        .args(["index", d.to_str().unwrap()])
        .assert()
        .code(2);
    // Tidy CSV with a byte order mark for Excel.
    let out = zhengce(dir.path())
        .args(["trend", "一网通办", "犬只", "--by", "type", "--bom"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.starts_with("\u{FEFF}type,term,documents,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 2 * 2, "{csv}");
    // The panel: every document × term.
    zhengce(dir.path())
        .args(["trend", "一网通办", "--per-doc", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::function(|s: &str| s.lines().count() == 2));
    // An SVG chart needs years.
    zhengce(dir.path())
        .args(["trend", "一网通办", "--by", "issuer", "--format", "svg"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--by year"));
    zhengce(dir.path())
        .args(["trend", "一网通办", "--format", "svg"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<svg"));
    // A term found nowhere gives zeros, not an error.
    zhengce(dir.path())
        .args(["trend", "低空经济", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("低空经济：未出现"));
    zhengce(dir.path())
        .args(["kwic", "一网通办", "--width", "5"])
        .assert()
        .success()
        .stdout(predicate::str::contains("【一网通办】"))
        .stderr(predicate::str::contains("occurrences of 一网通办"));
}

#[test]
fn search_reads_queries_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path());
    zhengce(dir.path())
        .args(["index", d.to_str().unwrap()])
        .assert()
        .code(2);
    let out = zhengce(dir.path())
        .args(["search", "--stdin", "--limit", "1"])
        .write_stdin("一网通办\n\n\"unclosed\n犬只\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["query"], "一网通办");
    assert_eq!(lines[0]["hits"].as_array().unwrap().len(), 1);
    assert!(lines[1]["error"].as_str().unwrap().contains("not closed"));
    assert!(lines[2]["hits"][0]["key"]
        .as_str()
        .unwrap()
        .ends_with("regulation_dogs.txt"));
    // A query and --stdin together are refused.
    zhengce(dir.path())
        .args(["search", "x", "--stdin"])
        .assert()
        .failure();
}
