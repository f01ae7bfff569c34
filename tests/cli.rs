//! The `zhengce` binary: exit codes and messages for good and bad input.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn zhengce() -> Command {
    Command::cargo_bin("zhengce").unwrap()
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

fn temp_file(dir: &tempdir::Dir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.0.join(name);
    std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
    p
}

mod tempdir {
    /// A directory under the target dir, removed when dropped.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(tag: &str) -> Dir {
            let p = std::env::temp_dir().join(format!("zhengce-cli-{tag}-{}", std::process::id()));
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn analyzes_a_file_as_json() {
    let out = zhengce()
        .args(["analyze"])
        .arg(corpus("speech_digital_government.txt"))
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["title"], "在全县数字政府建设推进会上的讲话");
    assert_eq!(doc["sections"].as_array().unwrap().len(), 3);
}

#[test]
fn text_format_is_an_outline() {
    zhengce()
        .args(["analyze", "--format", "text"])
        .arg(corpus("work_report_county.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("title: 政府工作报告"))
        .stdout(predicate::str::contains("二、2026年主要目标和重点任务"))
        .stdout(predicate::str::contains("  （一）坚定不移抓项目扩投资"))
        .stdout(predicate::str::contains("declares 4"));
}

#[test]
fn several_files_give_ndjson() {
    let out = zhengce()
        .arg("analyze")
        .arg(corpus("speech_party_building.txt"))
        .arg(corpus("speech_rural_gb18030.txt"))
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second["encoding"], "gb18030");
    assert_eq!(second["title"], "在全镇乡村振兴工作推进会上的讲话");
}

#[test]
fn reads_standard_input() {
    zhengce()
        .args(["analyze", "-"])
        .write_stdin("一、总体要求\n正文。\n二、重点任务\n正文。\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"heading\": \"重点任务\""));
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    let dir = tempdir::Dir::new("bad");
    let (gbk_bad, _, _) = encoding_rs::GB18030.encode("正文");
    let mut undecodable = gbk_bad.to_vec();
    undecodable.extend_from_slice(&[0xFF, 0xFF, 0x80]);
    let cases: Vec<(PathBuf, &str)> = vec![
        (temp_file(&dir, "empty.txt", b""), "empty input"),
        (temp_file(&dir, "blank.txt", b"  \r\n\t "), "empty input"),
        (
            temp_file(&dir, "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00"),
            "binary",
        ),
        (
            temp_file(&dir, "undecodable.txt", &undecodable),
            "not decodable",
        ),
        (dir.0.clone(), "is a directory"),
        (dir.0.join("missing.txt"), "missing.txt"),
    ];
    for (path, msg) in cases {
        let out = zhengce().arg("analyze").arg(&path).assert().code(2);
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(msg), "{path:?}: {err}");
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
        assert!(
            out.get_output().stdout.is_empty(),
            "no partial record for {path:?}"
        );
    }
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    let dir = tempdir::Dir::new("huge");
    let p = dir.0.join("huge.txt");
    // A sparse file: 200 MB long, nothing written.
    std::fs::File::create(&p)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    zhengce()
        .arg("analyze")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("huge.txt: too large"));
}

#[test]
fn a_batch_goes_on_past_a_bad_file_and_reports_it() {
    let dir = tempdir::Dir::new("batch");
    let bad = temp_file(&dir, "bad.txt", b"\x00\x01\x02\x03");
    let out = zhengce()
        .arg("analyze")
        .arg(corpus("speech_party_building.txt"))
        .arg(&bad)
        .arg(corpus("regulation_dogs.txt"))
        .assert()
        .code(2);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 2, "both good files are analysed");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("1 of 3 files could not be analysed"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.txt: binary"), "{stderr}");
}

#[test]
fn actions_table_as_csv_and_markdown() {
    let out = zhengce()
        .args(["actions", "--format", "csv"])
        .arg(corpus("speech_digital_government.txt"))
        .assert()
        .success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("document,section_path,section,point,actor,partners,modal,strength,deadline,sentence")
    );
    // 县大数据中心要牵头,会同县公安局、县人社局等部门,在11月底前完成… (the speech is of 2025-10-16)
    let row = csv
        .lines()
        .find(|l| l.contains("县大数据中心"))
        .expect("the data-centre directive");
    assert!(
        row.contains(",县大数据中心,县公安局、县人社局,要,duty,2025-11-30,"),
        "{row}"
    );
    assert!(
        row.contains("第一 要打通数据共享的堵点"),
        "its point: {row}"
    );
    zhengce()
        .args(["actions", "--format", "md"])
        .arg(corpus("speech_digital_government.txt"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("| document | section_path |"));
}

#[test]
fn tasks_table_in_every_format() {
    // The plan attached to this notice: （二）健全分类收运体系 names 县城市管理局 as lead.
    let out = zhengce()
        .args(["tasks", "--bom"])
        .arg(corpus("notice_with_plan.txt"))
        .assert()
        .success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let csv = csv
        .strip_prefix('\u{FEFF}')
        .expect("a byte order mark for Excel");
    assert!(csv.starts_with("序号,任务,具体内容,牵头单位,配合单位,完成时限,指标,出处\r\n"));
    let row = csv
        .lines()
        .find(|l| l.contains("健全分类收运体系"))
        .expect("the measure");
    assert!(row.contains(",县城市管理局,"), "{row}");
    assert!(row.contains("2025年12月底前"), "{row}");
    zhengce()
        .args(["tasks", "--format", "json"])
        .arg(corpus("notice_with_plan.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"lead\":\"县城市管理局\""));
    // A workbook needs a file to go to.
    zhengce()
        .args(["tasks", "--format", "xlsx"])
        .arg(corpus("notice_with_plan.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output"));
    let dir = tempdir::Dir::new("tasks-xlsx");
    let book = dir.0.join("tasks.xlsx");
    zhengce()
        .args(["tasks", "--format", "xlsx", "--output"])
        .arg(&book)
        .arg(corpus("notice_with_plan.txt"))
        .assert()
        .success();
    let bytes = std::fs::read(&book).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip archive");
}

#[test]
fn diff_prints_the_table_and_refuses_texts_without_articles() {
    let dir = tempdir::Dir::new("diff");
    let old = temp_file(
        &dir,
        "old.txt",
        "某市养犬管理条例\n\n第一条 为了规范养犬行为，制定本条例。\n\n第二条 养犬人应当为犬只办理登记。\n\n第三条 本条例自2020年1月1日起施行。\n"
            .as_bytes(),
    );
    let new = temp_file(
        &dir,
        "new.txt",
        "某市养犬管理条例\n\n第一条 为了规范养犬行为，制定本条例。\n\n第二条 犬只收容场所由公安机关设置。\n\n第三条 养犬人应当每年为犬只办理登记。\n\n第四条 本条例自2027年1月1日起施行。\n"
            .as_bytes(),
    );
    zhengce()
        .args(["diff", old.to_str().unwrap(), new.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("| 修改前 | 修改后 | 状态 |"))
        .stdout(predicate::str::contains("**每年**"))
        .stdout(predicate::str::contains("新增"))
        .stderr(predicate::str::contains(
            "3 old and 4 new articles: 1 unchanged, 2 changed, 1 added, 0 deleted, 0 moved",
        ));
    zhengce()
        .args([
            "diff",
            old.to_str().unwrap(),
            corpus("speech_party_building.txt").to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("has no articles"));
}

#[test]
fn targets_give_the_wide_table_and_say_which_files_have_none() {
    zhengce()
        .args([
            "targets",
            corpus("work_report_untitled_annex.txt").to_str().unwrap(),
            corpus("regulation_dogs.txt").to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("指标,"))
        .stdout(predicate::str::contains("\"国内生产总值增长\",\"5%左右\""))
        .stdout(predicate::str::contains("\"城镇新增就业\",\"3000人以上\""))
        .stderr(predicate::str::contains(
            "regulation_dogs.txt: is not a work report: it has no targets",
        ));
}
