//! Regression cases of the archive, the search command and the command line.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, OnceLock};

use assert_cmd::Command;
use predicates::prelude::*;
use zhengce::search::batch::{collect_files, index_paths};
use zhengce::search::{Archive, OpenMode, Query};
use zhengce::segment::Segmenter;

fn zhengce(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("zhengce").unwrap();
    c.current_dir(cwd)
        .env_remove("ZHENGCE_INDEX")
        .env("RUST_BACKTRACE", "0");
    c
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A folder `docs` in `dir` with copies of these corpus texts.
fn docs(dir: &Path, names: &[&str]) -> PathBuf {
    let d = dir.join("docs");
    std::fs::create_dir_all(&d).unwrap();
    for name in names {
        std::fs::copy(corpus().join(name), d.join(name)).unwrap();
    }
    d
}

/// Indexes `docs` into `dir/arc` with one thread (segments made the same way each time), in
/// this process: a run of the command costs half a second in a debug build.
fn index(dir: &Path, docs: &Path) -> PathBuf {
    let arc = dir.join("arc");
    let archive = builder().open(&arc, OpenMode::Create).unwrap();
    let r = index_paths(&archive, &analyzer(), &[docs.to_path_buf()], &()).unwrap();
    assert!(r.failed.is_empty(), "{r:?}");
    arc
}

/// One segmenter for all the archives of the tests (building one takes a while).
fn builder() -> zhengce::search::ArchiveBuilder {
    static SEG: OnceLock<Arc<Segmenter>> = OnceLock::new();
    Archive::builder()
        .threads(1)
        .segmenter(SEG.get_or_init(|| Arc::new(Segmenter::new())).clone())
}

fn open(arc: &Path) -> Archive {
    builder().open(arc, OpenMode::Open).unwrap()
}

fn analyzer() -> zhengce::Analyzer {
    zhengce::Analyzer::builder()
        .stages(zhengce::Stages::Index)
        .build()
}

/// The corpus texts indexed once for the tests that only read the archive.
fn shared() -> &'static (PathBuf, Archive) {
    static ARCHIVE: OnceLock<(tempfile::TempDir, (PathBuf, Archive))> = OnceLock::new();
    let (_, shared) = ARCHIVE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let d = docs(dir.path(), SOME);
        let arc = index(dir.path(), &d);
        let archive = open(&arc);
        (dir, (arc, archive))
    });
    shared
}

/// Texts of each type, two of them dated.
const SOME: &[&str] = &[
    "speech_digital_government.txt",
    "regulation_dogs.txt",
    "work_report_city_web.txt",
    "plan_outline_15th.txt",
    "notice_with_plan.txt",
];

fn shared_dir() -> &'static Path {
    &shared().0
}

const TWO: &[&str] = &["speech_digital_government.txt", "regulation_dogs.txt"];

fn no_panic() -> impl Predicate<str> {
    predicate::str::contains("panicked").not()
}

/// One line on standard error.
fn one_line() -> impl Predicate<str> {
    predicate::function(|s: &str| s.lines().count() == 1)
}

#[test]
fn search_limit_max_does_not_panic() {
    let archive = &shared().1;
    for q in [
        Query::new("发展").limit(usize::MAX),
        Query::new("发展").passages(1_000_000_000_000),
        Query::new("发展").limit(usize::MAX).passages(usize::MAX),
        Query::new("发展").snippet_chars(usize::MAX),
    ] {
        let r = archive.search(&q).unwrap();
        assert!(!r.hits.is_empty(), "{q:?}");
    }
    zhengce(shared_dir())
        .args([
            "search",
            "发展",
            "--limit",
            "18446744073709551615",
            "--index",
        ])
        .arg(shared_dir())
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::contains("【发展】"));
}

#[test]
fn search_query_may_start_with_a_hyphen() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("docs");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("notice.txt"),
        "关于优化营商环境的通知\n各区县人民政府：\n现就进一步优化营商环境通知如下。\n",
    )
    .unwrap();
    std::fs::write(
        d.join("report.txt"),
        "营商环境评估报告\n一、总体情况\n全市营商环境持续改善，市场主体增长较快。\n",
    )
    .unwrap();
    let arc = index(dir.path(), &d);
    zhengce(dir.path())
        .args(["search", "-通知 营商环境", "--index"])
        .arg(&arc)
        .assert()
        .success()
        .stdout(predicate::str::contains("report.txt"))
        .stdout(predicate::str::contains("notice.txt").not());
}

#[test]
fn search_into_a_closed_pipe_exits_0() {
    // Enough JSON that it is written before the end, through serde_json.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("zhengce"))
        .args(["search", "发展", "--limit", "50", "--passages", "20"])
        .args(["--chars", "1000", "--format", "json", "--index"])
        .arg(shared_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the search has written anything (`| head -1`).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn search_with_standard_output_closed_is_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("zhengce");
    let arc = shared_dir().to_str().unwrap();
    let text = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/speech_digital_government.txt"
    );
    for args in [
        vec!["analyze", text],
        vec!["actions", text],
        vec!["search", "发展", "--index", arc],
        vec!["export", "--index", arc],
        vec!["cut", "营商环境"],
    ] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(r#""$0" "$@" >&-"#)
            .arg(&bin)
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("standard output is closed"), "{args:?}: {err}");
    }
    // Output thrown away on purpose is not an error.
    let status = std::process::Command::new(&bin)
        .args(["search", "发展", "--index", arc])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn index_while_another_index_writes_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), TWO);
    let arc = index(dir.path(), &d);
    std::fs::write(
        d.join("new.txt"),
        "关于加强安全生产的通知\n各单位：\n请做好安全生产工作。\n",
    )
    .unwrap();
    // Another writer holds the archive.
    let held = open(&arc);
    held.begin_writing().unwrap();
    zhengce(dir.path())
        .args(["index", "--index"])
        .arg(&arc)
        .arg(&d)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "another zhengce index is writing to {}",
            arc.display()
        )))
        .stderr(one_line());
    drop(held);
    let r = index_paths(&open(&arc), &analyzer(), &[d], &()).unwrap();
    assert_eq!((r.added, r.unchanged), (1, 2), "{r:?}");
}

#[test]
fn index_with_bad_heap_or_threads_says_so_once_before_analysing() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), TWO);
    for (args, want) in [
        (["--heap-mb", "5000", "--threads", "1"], "--heap-mb 5000"),
        (
            ["--heap-mb", "18446744073709551615", "--threads", "1"],
            "--heap-mb",
        ),
        (["--heap-mb", "256", "--threads", "0"], "--threads 0"),
        (
            ["--heap-mb", "256", "--threads", "100000"],
            "--threads 100000",
        ),
    ] {
        zhengce(dir.path())
            .arg("index")
            .args(args)
            .args(["--index", "arc"])
            .arg(&d)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(want))
            .stderr(one_line());
    }
    // Nothing was written.
    assert!(!dir.path().join("arc/meta.json").exists());
}

/// XORs the bytes of `range` (fractions of its length) of the largest file of `arc` with
/// this extension.
fn damage(arc: &Path, ext: &str, from: f64, to: f64, truncate: bool) {
    let f = std::fs::read_dir(arc)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap();
    let mut b = std::fs::read(&f).unwrap();
    let (s, e) = (
        (b.len() as f64 * from) as usize,
        (b.len() as f64 * to) as usize,
    );
    if truncate {
        b.truncate(s);
    } else {
        b[s..e].iter_mut().for_each(|x| *x ^= 0x5a);
    }
    std::fs::write(&f, b).unwrap();
}

const DAMAGED: &str = "the archive is damaged or was made by another version of zhengce; \
                       delete the directory and run `zhengce index` again";

#[test]
fn damaged_archive_says_to_delete_it_and_index_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), TWO);
    let arc = index(dir.path(), &d);
    let clean = dir.path().join("clean");
    std::fs::rename(&arc, &clean).unwrap();
    let fresh = |arc: &Path| {
        let _ = std::fs::remove_dir_all(arc);
        copy_dir(&clean, arc);
    };
    // A truncated segment file: each command says so in one line.
    fresh(&arc);
    damage(&arc, "idx", 0.5, 1.0, true);
    for cmd in [&["search", "一网通办"][..], &["export"], &["index", "docs"]] {
        zhengce(dir.path())
            .args(cmd)
            .args(["--index", "arc"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(DAMAGED))
            .stderr(one_line())
            .stderr(predicate::str::contains("tantivy").not());
    }
    // Other damage: another file truncated, a footer overwritten, a meta.json of nonsense,
    // an archive of an earlier format (no mark, or another).
    let damages: [&dyn Fn(&Path); 5] = [
        &|arc| damage(arc, "store", 0.5, 1.0, true),
        &|arc| damage(arc, "term", 0.99, 1.0, false),
        &|arc| std::fs::write(arc.join("meta.json"), "{\"segments\": 7}").unwrap(),
        &|arc| std::fs::remove_file(arc.join("zhengce-format")).unwrap(),
        &|arc| std::fs::write(arc.join("zhengce-format"), "zhengce archive 1\n").unwrap(),
    ];
    for (i, f) in damages.iter().enumerate() {
        fresh(&arc);
        f(&arc);
        let e = builder().open(&arc, OpenMode::Open).unwrap_err();
        assert!(Archive::is_damaged(&e), "{i}: {e}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn search_over_a_damaged_segment_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), SOME);
    let arc = index(dir.path(), &d);
    // The middle of the postings overwritten: tantivy reads past what is there and panics.
    damage(&arc, "idx", 0.25, 0.5, false);
    zhengce(dir.path())
        .args(["search", "发展", "--index", "arc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(DAMAGED))
        .stderr(no_panic())
        .stderr(one_line());
}

#[test]
fn index_removes_files_left_by_a_failed_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), TWO);
    let arc = index(dir.path(), &d);
    // What a run that ran out of disk space leaves: segment files in no commit, which the
    // archive's directory manages.
    let stray = "0123456789abcdef0123456789abcdef.idx";
    std::fs::write(arc.join(stray), vec![0u8; 1 << 16]).unwrap();
    let managed = arc.join(".managed.json");
    let mut list: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(&managed).unwrap()).unwrap();
    list.push(stray.to_string());
    std::fs::write(&managed, serde_json::to_string(&list).unwrap()).unwrap();
    // The next run, with nothing to change, deletes them.
    let archive = open(&arc);
    let r = index_paths(&archive, &analyzer(), &[d], &()).unwrap();
    assert_eq!(r.unchanged, 2, "{r:?}");
    assert!(!arc.join(stray).exists());
    let found = archive.search(&Query::new("一网通办")).unwrap();
    assert_eq!(found.hits.len(), 1);
}

#[test]
fn search_dates_beyond_the_index_range_match_nothing() {
    let archive = &shared().1;
    let day = |s| zhengce::dates::Date::parse_iso(s).unwrap();
    let hits = |q: Query| archive.search(&q).unwrap().hits.len();
    // Dated documents are there.
    let dated = hits(Query::new("发展").since(day("2000-01-01")));
    assert!(dated > 0);
    for q in [
        Query::new("发展").since(day("2263-01-01")),
        Query::new("发展").since(day("9999-12-31")),
        Query::new("发展").until(day("1677-01-01")),
        Query::new("发展").until(day("1000-01-01")),
        Query::new("发展 since:2300-01-01"),
        Query::new("发展 until:1600-01-01"),
    ] {
        assert_eq!(hits(q.clone()), 0, "{q:?}");
    }
    // Far bounds the other way leave nothing out.
    let wide = Query::new("发展")
        .since(day("1000-01-01"))
        .until(day("9999-12-31"));
    assert_eq!(hits(wide), dated);
}

#[cfg(unix)]
#[test]
fn index_follows_symbolic_links() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), &["regulation_dogs.txt"]);
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::copy(
        corpus().join("speech_digital_government.txt"),
        elsewhere.join("speech.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(elsewhere.join("speech.txt"), d.join("linked.txt")).unwrap();
    // A link back up the tree is not walked round and round.
    std::os::unix::fs::symlink(&d, d.join("up")).unwrap();
    let (files, errors) = collect_files(std::slice::from_ref(&d));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(files, [d.join("linked.txt"), d.join("regulation_dogs.txt")]);
}

#[test]
fn index_summary_does_not_count_failed_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = docs(dir.path(), TWO);
    std::fs::write(d.join("broken.txt"), [0u8, 1, 2, 0, 255, 0, 0, 7]).unwrap();
    let archive = builder()
        .open(&dir.path().join("arc"), OpenMode::Create)
        .unwrap();
    let r = index_paths(&archive, &analyzer(), &[d], &()).unwrap();
    assert_eq!((r.files, r.added, r.failed.len()), (2, 2, 1), "{r:?}");
}
