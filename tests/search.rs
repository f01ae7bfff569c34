//! Search over a small archive of texts written for these tests: substrings across jieba's
//! word boundaries, phrases that must and must not match, exact highlights, full-width and
//! traditional queries, filters, reposts, re-indexing, and a bad file in the batch.
#![cfg(feature = "search")]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use zhengce::dates::Date;
use zhengce::search::batch::{index_paths, IndexReport};
use zhengce::search::{Archive, OpenMode, Query, SearchResults};
use zhengce::{Analyzer, DocType};

const NOTICE: &str = "东江市人民政府办公厅关于加快推进政务服务改革的通知
东政办发〔2026〕5号

各区人民政府，市政府各部门：

一、总体要求

到2026年底前，全面实现政务服务一网通办，企业和群众办事满意度明显提升。

二、主要任务

（一）清理积压事项。各区要在6月底前完成积压的待处理审批事项清理，逐项建立台账。

（二）推进改革的项目建设。市政务服务管理局要牵头推进改革的项目建设，确保按期完成。

三、保障措施

各部门要加强协调配合，形成工作合力。

东江市人民政府办公厅
2026年1月15日
";

const SPEECH_TRADITIONAL: &str = "在全市營商環境大會上的講話
——2025年3月2日

同志們：

一、充分認識優化營商環境的重要意義

今年以來，我們圍繞改革項目建設做了大量工作，營商環境持續改善。

二、抓好重點任務

要把優化營商環境作為一號工程，切實為企業排憂解難。
";

const REPORT: &str = "2024年清河县政府工作报告
——2024年1月10日在清河县第十八届人民代表大会第三次会议上

各位代表：

一、2023年工作回顾

过去一年，全县数字经济核心产业增加值增长12%，新建5G基站300个。

二、2024年工作安排

大力发展县域经济，推动农产品加工业提质增效，力争规上工业增加值增长8%。
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

struct Fixture {
    _dir: tempfile::TempDir,
    archive: Archive,
    report: IndexReport,
    files: PathBuf,
}

/// One archive shared by the read-only tests.
static FIX: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("docs");
    std::fs::create_dir_all(files.join("sub")).unwrap();
    write(&files, "notice.txt", NOTICE.as_bytes());
    write(&files, "speech.txt", SPEECH_TRADITIONAL.as_bytes());
    // The report in GB18030.
    let (gb, _, bad) = encoding_rs::GB18030.encode(REPORT);
    assert!(!bad);
    write(&files.join("sub"), "report.txt", &gb);
    // A repost of the notice with web furniture around it.
    let repost =
        format!("来源：东江市人民政府网\n发布时间：2026-01-16\n{NOTICE}【打印】【关闭】\n");
    write(&files.join("sub"), "notice_repost.txt", repost.as_bytes());
    // A corrupt file and a file of another kind (skipped by the walk).
    write(
        &files,
        "corrupt.txt",
        &[0, 159, 146, 150, 0, 0, 1, 2, 3, 255, 254],
    );
    write(&files, "data.json", b"{}");
    let archive = Archive::builder()
        .heap_bytes(64 << 20)
        .threads(1)
        .open(&dir.path().join("index"), OpenMode::Create)
        .unwrap();
    let report = index_paths(
        &archive,
        &Analyzer::default(),
        std::slice::from_ref(&files),
        &(),
    )
    .unwrap();
    Fixture {
        _dir: dir,
        archive,
        report,
        files,
    }
});

fn search(q: Query) -> SearchResults {
    FIX.archive.search(&q).unwrap()
}

/// File names of the hits. The notice and its repost collapse into one hit whose key is
/// whichever of the two ranks first (a tie broken by indexing order), so both read `notice.txt`.
fn keys(r: &SearchResults) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| {
            let name = Path::new(&h.key)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if name == "notice_repost.txt" {
                "notice.txt".to_string()
            } else {
                name
            }
        })
        .collect()
}

/// Every highlight of every passage, as text.
fn marked(r: &SearchResults) -> Vec<String> {
    r.hits
        .iter()
        .flat_map(|h| &h.passages)
        .flat_map(|p| {
            p.snippet
                .highlights
                .iter()
                .map(|&(s, e)| p.snippet.text[s..e].to_string())
        })
        .collect()
}

#[test]
fn a_corrupt_file_does_not_stop_the_batch() {
    let r = &FIX.report;
    // The failed file is not counted as indexed.
    assert_eq!(r.files, 4, "{r:?}");
    assert_eq!(r.added, 4, "{r:?}");
    assert_eq!(r.failed.len(), 1, "{r:?}");
    assert!(
        r.failed[0].to_string().contains("corrupt.txt"),
        "{}",
        r.failed[0]
    );
}

#[test]
fn substring_across_word_boundaries() {
    // jieba keeps 待处理 as one word; the unit field still finds 处理 inside it.
    let r = search(Query::new("处理"));
    assert_eq!(keys(&r), ["notice.txt"], "{r:#?}");
    assert!(marked(&r).iter().all(|m| m == "处理"), "{:?}", marked(&r));
    let p = &r.hits[0].passages[0];
    assert_eq!(p.section, "二、 › （一）");
    assert_eq!(p.heading.as_deref(), Some("清理积压事项"));
}

#[test]
fn words_apart_match_unquoted_but_not_as_a_phrase() {
    // 改革的项目 has both words; the quoted phrase needs them together.
    let r = search(Query::new("改革项目"));
    let k = keys(&r);
    assert!(k.contains(&"notice.txt".to_string()), "{k:?}");
    assert!(k.contains(&"speech.txt".to_string()), "{k:?}");
    let r = search(Query::new("\"改革项目\""));
    assert_eq!(keys(&r), ["speech.txt"], "{r:#?}");
    // In the traditional text the phrase is highlighted whole, in its own characters.
    assert_eq!(marked(&r), ["改革項目"]);
}

#[test]
fn punctuation_gap_is_kept() {
    // 协调配合，形成 — a comma stands between 配合 and 形成.
    assert!(search(Query::new("\"配合，形成\"")).hits.len() == 1);
    assert!(search(Query::new("\"配合形成\"")).hits.is_empty());
}

#[test]
fn traditional_and_full_width_queries() {
    let r = search(Query::new("營商環境"));
    assert_eq!(keys(&r), ["speech.txt"]);
    let r = search(Query::new("营商环境"));
    assert_eq!(keys(&r), ["speech.txt"]);
    assert!(
        marked(&r).iter().all(|m| m == "營商環境"),
        "{:?}",
        marked(&r)
    );
    let r = search(Query::new("２０２６年底前"));
    assert_eq!(keys(&r), ["notice.txt"], "{r:#?}");
    assert_eq!(r.hits[0].reposts.len(), 1, "{r:#?}");
}

#[test]
fn highlights_cover_exactly_the_match() {
    for q in ["一网通办", "数字经济", "规上工业增加值", "台账"] {
        let r = search(Query::new(q));
        assert!(!r.hits.is_empty(), "{q}");
        let m = marked(&r);
        assert!(!m.is_empty() && m.iter().all(|x| x == q), "{q}: {m:?}");
        // The HTML form marks the same text.
        let html = &r.hits[0].passages[0].html;
        assert!(html.contains(&format!("<b>{q}</b>")), "{html}");
    }
}

#[test]
fn reposts_collapse_into_one_hit() {
    let r = search(Query::new("一网通办"));
    assert_eq!(r.hits.len(), 1, "{r:#?}");
    let all: Vec<&str> = std::iter::once(r.hits[0].key.as_str())
        .chain(r.hits[0].reposts.iter().map(String::as_str))
        .collect();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().any(|k| k.ends_with("notice_repost.txt")));
}

#[test]
fn gb18030_file_is_searchable() {
    let r = search(Query::new("5G基站"));
    assert_eq!(keys(&r), ["report.txt"]);
    assert_eq!(r.hits[0].date.as_deref(), Some("2024-01-10"));
    assert_eq!(r.hits[0].doc_type, "work_report");
}

#[test]
fn filters() {
    let all = keys(&search(Query::new("工作")));
    assert!(all.len() >= 3, "{all:?}");
    let speech = keys(&search(Query::new("工作").doc_type(DocType::Speech)));
    assert_eq!(speech, ["speech.txt"]);
    let since = keys(&search(
        Query::new("工作").since(Date::parse_iso("2026-01-01").unwrap()),
    ));
    assert_eq!(since, ["notice.txt"], "reposts collapse into it");
    let until = keys(&search(
        Query::new("工作").until(Date::parse_iso("2024-12-31").unwrap()),
    ));
    assert_eq!(until, ["report.txt"]);
    let issuer = keys(&search(Query::new("工作").issuer("人民政府办公厅")));
    assert_eq!(issuer, ["notice.txt"]);
    // The same filters in the query text.
    assert_eq!(
        keys(&search(Query::new("工作 type:speech"))),
        ["speech.txt"]
    );
    assert_eq!(keys(&search(Query::new("工作 year:2024"))), ["report.txt"]);
    assert_eq!(
        keys(&search(Query::new("工作 -营商环境 -一网通办"))),
        ["report.txt"]
    );
    assert_eq!(keys(&search(Query::new("5G基站 OR 一号工程"))).len(), 2,);
}

#[test]
fn empty_result_and_bad_query() {
    let r = search(Query::new("量子纠缠"));
    assert!(r.hits.is_empty());
    assert_eq!(r.matched_units, 0);
    let e = FIX.archive.search(&Query::new("\"营商")).unwrap_err();
    assert!(e.to_string().contains("not closed"), "{e}");
}

#[test]
fn results_serialise_with_b_marks() {
    let r = search(Query::new("一网通办"));
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("<b>一网通办</b>"), "{json}");
}

#[test]
fn reindexing_updates_changed_files_and_removes_deleted_ones() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let a = write(&docs, "a.txt", NOTICE.as_bytes());
    let b = write(&docs, "b.txt", REPORT.as_bytes());
    write(&docs, "c.txt", SPEECH_TRADITIONAL.as_bytes());
    let ix = dir.path().join("ix");
    let open = || {
        Archive::builder()
            .threads(1)
            .heap_bytes(32 << 20)
            .open(&ix, OpenMode::OpenOrCreate)
            .unwrap()
    };
    let an = Analyzer::default();
    let run =
        |archive: &Archive| index_paths(archive, &an, std::slice::from_ref(&docs), &()).unwrap();
    {
        let archive = open();
        let r = run(&archive);
        assert_eq!((r.added, r.updated, r.unchanged), (3, 0, 0));
    }
    // Again, nothing changed.
    let archive = open();
    let units = archive.num_units();
    let r = run(&archive);
    assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 3), "{r:?}");
    assert_eq!(archive.num_units(), units);
    // Change one, delete one.
    std::fs::write(&a, NOTICE.replace("一网通办", "跨省通办")).unwrap();
    std::fs::remove_file(&b).unwrap();
    let r = run(&archive);
    assert_eq!((r.added, r.updated, r.unchanged), (0, 1, 1), "{r:?}");
    assert_eq!(r.removed.len(), 1, "{r:?}");
    assert!(r.removed[0].ends_with("b.txt"));
    assert!(archive
        .search(&Query::new("一网通办"))
        .unwrap()
        .hits
        .is_empty());
    assert_eq!(
        archive.search(&Query::new("跨省通办")).unwrap().hits.len(),
        1
    );
    assert!(archive
        .search(&Query::new("5G基站"))
        .unwrap()
        .hits
        .is_empty());
    assert_eq!(archive.documents().unwrap().len(), 2);
}

#[test]
fn archive_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Archive>();
    let counts: Vec<usize> = std::thread::scope(|s| {
        let hs: Vec<_> = ["一网通办", "营商环境", "数字经济", "处理"]
            .into_iter()
            .map(|q| s.spawn(move || search(Query::new(q)).hits.len()))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(counts.iter().all(|&n| n >= 1), "{counts:?}");
    let _ = &FIX.files;
}

#[test]
fn a_file_named_twice_is_indexed_once() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let a = write(&docs, "a.txt", NOTICE.as_bytes());
    let archive = Archive::builder()
        .threads(1)
        .heap_bytes(32 << 20)
        .open(&dir.path().join("ix"), OpenMode::Create)
        .unwrap();
    let r = index_paths(
        &archive,
        &Analyzer::default(),
        &[docs.clone(), a, docs],
        &(),
    )
    .unwrap();
    assert_eq!((r.files, r.added), (1, 1), "{r:?}");
    let hits = archive.search(&Query::new("一网通办")).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert!(hits[0].reposts.is_empty(), "{hits:?}");
}

/// Documents that tie (the same text under three names) come in the order of their keys, not
/// in the order they were indexed, which with several indexing threads is any order.
#[test]
fn ties_go_by_key_whatever_the_order_of_indexing() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::builder()
        .threads(1)
        .heap_bytes(32 << 20)
        .open(&dir.path().join("ix"), OpenMode::Create)
        .unwrap();
    for name in ["c.txt", "b.txt", "a.txt"] {
        let p = write(dir.path(), name, NOTICE.as_bytes());
        archive.add_file(&p, &Analyzer::default()).unwrap();
    }
    archive.commit().unwrap();
    let hits = archive.search(&Query::new("一网通办")).unwrap().hits;
    assert_eq!(hits.len(), 1, "{hits:?}");
    let name = |k: &str| k.rsplit('/').next().unwrap().to_string();
    assert_eq!(name(&hits[0].key), "a.txt");
    let reposts: Vec<String> = hits[0].reposts.iter().map(|k| name(k)).collect();
    assert_eq!(reposts, ["b.txt", "c.txt"]);
}

#[test]
fn add_file_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "report.txt", REPORT.as_bytes());
    let archive = Archive::builder()
        .threads(1)
        .heap_bytes(32 << 20)
        .open(&dir.path().join("ix"), OpenMode::Create)
        .unwrap();
    let key = archive.add_file(&p, &Analyzer::default()).unwrap();
    archive.commit().unwrap();
    let r = archive.search(&Query::new("县域经济")).unwrap();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.hits[0].key, key);
    archive.remove(&key).unwrap();
    archive.commit().unwrap();
    assert!(archive
        .search(&Query::new("县域经济"))
        .unwrap()
        .hits
        .is_empty());
    assert_eq!(archive.num_units(), 0);
    // A bad file is a typed error naming it.
    let bad = write(dir.path(), "bad.txt", &[0, 0, 0, 1]);
    let e = archive.add_file(&bad, &Analyzer::default()).unwrap_err();
    assert!(e.to_string().contains("bad.txt"), "{e}");
}

/// A work report that states no date, as many archived ones do, gets the year after the one it
/// reviews, for `year:` and for `since`/`until` (matched when the year overlaps the range).
#[test]
fn undated_report_takes_the_year_after_its_review() {
    const UNDATED: &str =
        "各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n\n\
        一、２０１５年工作回顾\n\n过去一年，全市完成造林面积两万亩。\n\n\
        二、２０１６年工作安排\n\n今年要新建污水处理厂三座。\n";
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    write(&docs, "undated.txt", UNDATED.as_bytes());
    write(&docs, "notice.txt", NOTICE.as_bytes());
    let archive = Archive::builder()
        .open(&dir.path().join("ix"), OpenMode::Create)
        .unwrap();
    index_paths(&archive, &Analyzer::default(), &[docs], &()).unwrap();
    let find = |q: Query| keys(&archive.search(&q).unwrap());
    let d = |s: &str| Date::parse_iso(s).unwrap();

    let r = archive.search(&Query::new("污水处理厂")).unwrap();
    assert_eq!(keys(&r), ["undated.txt"]);
    assert_eq!(
        (r.hits[0].date.as_deref(), r.hits[0].year),
        (None, Some(2016))
    );
    assert_eq!(find(Query::new("污水处理厂 year:2016")), ["undated.txt"]);
    assert!(find(Query::new("污水处理厂 year:2015")).is_empty());
    let in_2016 = Query::new("污水处理厂")
        .since(d("2016-03-01"))
        .until(d("2016-12-31"));
    assert_eq!(find(in_2016), ["undated.txt"]);
    assert!(find(Query::new("污水处理厂").since(d("2017-01-01"))).is_empty());
    assert!(find(Query::new("污水处理厂").until(d("2015-12-31"))).is_empty());
    // A dated document is still filtered by its day.
    assert_eq!(
        find(Query::new("一网通办").since(d("2026-01-15"))),
        ["notice.txt"]
    );
    assert!(find(Query::new("一网通办").since(d("2026-01-16"))).is_empty());
    assert!(find(Query::new("一网通办 since:2026-01-16")).is_empty());
}

#[test]
fn facets_count_the_whole_match_set() {
    // 工作 stands in all four texts (the notice and its repost, the speech, the report).
    let r = search(Query::new("工作").limit(1));
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.documents, 4);
    let pairs = |fs: &[zhengce::search::FacetCount]| -> Vec<(String, usize)> {
        fs.iter().map(|f| (f.value.clone(), f.count)).collect()
    };
    assert_eq!(
        pairs(&r.facets.doc_type),
        [
            ("notice".to_string(), 2),
            ("work_report".to_string(), 1),
            ("speech".to_string(), 1)
        ]
    );
    assert_eq!(
        pairs(&r.facets.year),
        [
            ("2026".to_string(), 2),
            ("2025".to_string(), 1),
            ("2024".to_string(), 1)
        ]
    );
    // An exclusion leaves its documents out of the counts too.
    let r = search(Query::new("工作 -营商环境"));
    assert_eq!(r.documents, 3);
}

#[test]
fn pages_and_order_by_date() {
    let all = search(Query::new("工作"));
    let keys_all = keys(&all);
    assert_eq!(keys_all.len(), 3, "{keys_all:?}");
    for (offset, key) in keys_all.iter().enumerate() {
        let page = search(Query::new("工作").limit(1).offset(offset));
        assert_eq!(&keys(&page), std::slice::from_ref(key), "offset {offset}");
        assert_eq!(page.offset, offset);
    }
    assert!(search(Query::new("工作").offset(10)).hits.is_empty());
    // Newest first: the notice (2026), the speech (2025), the report (2024).
    let by_date = search(Query::new("工作").sort(zhengce::search::Sort::Date));
    assert_eq!(keys(&by_date), ["notice.txt", "speech.txt", "report.txt"]);
    // Pages by date count documents apart, reposts too: the notice and its repost fill the
    // first two places.
    let third = search(
        Query::new("工作")
            .sort(zhengce::search::Sort::Date)
            .limit(1)
            .offset(2),
    );
    assert_eq!(keys(&third), ["speech.txt"]);
}

#[test]
fn a_dead_end_is_relaxed_and_says_so() {
    // The notice is 东江市人民政府办公厅's: `办公室` stands nowhere, so no document has all of
    // `东江 市政府 办公室`; the closest is the notice (and its repost), said to be relaxed.
    let r = search(Query::new("东江市政府办公室"));
    assert!(r.relaxed);
    assert_eq!(keys(&r).first().map(String::as_str), Some("notice.txt"));
    // No text has `工作计划`; the report has the pieces of the rest and of it (工作, 计划 as
    // its characters together elsewhere, or most of the words).
    let r = search(Query::new("清河县政府工作计划"));
    assert!(r.relaxed, "{:?}", keys(&r));
    assert_eq!(keys(&r).first().map(String::as_str), Some("report.txt"));
    // A query that matches as written is not relaxed; one that matches nothing stays empty.
    assert!(!search(Query::new("营商环境")).relaxed);
    let r = search(Query::new("火星探测器"));
    assert!(r.hits.is_empty() && r.documents == 0);
}

#[test]
fn number_takes_a_doc_numbers_parts() {
    for q in [
        "number:东政办发〔2026〕5号",
        "number:\"东政办发 2026 5\"",
        "number:东政办发[2026]5号",
    ] {
        assert_eq!(keys(&search(Query::new(q))), ["notice.txt"], "{q}");
    }
    assert!(search(Query::new("number:\"东政办发 2026 6\""))
        .hits
        .is_empty());
}

/// The units of a document (its own unit and its passages) are indexed together, in the order
/// of the text, by whichever thread takes them: passages that score alike then come in the
/// order of the text in every index run, not in an order that depends on which of two
/// indexing threads took each passage. Checked on the index itself: with two threads and
/// documents added from several threads at once, each document's units are one run of
/// consecutive ids in one segment.
#[test]
fn a_documents_units_stay_together_with_two_indexing_threads() {
    use rayon::prelude::*;
    use tantivy::schema::Value;
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let archive = Archive::builder()
        .threads(2)
        .heap_bytes(64 << 20)
        .open(&ix, OpenMode::Create)
        .unwrap();
    let paths: Vec<PathBuf> = (0..24)
        .map(|i| {
            let text = format!("{REPORT}\n第{i}号补充说明。\n{NOTICE}");
            write(dir.path(), &format!("d{i}.txt"), text.as_bytes())
        })
        .collect();
    paths.par_iter().for_each(|p| {
        archive.add_file(p, &Analyzer::default()).unwrap();
    });
    archive.commit().unwrap();
    drop(archive);

    let index = tantivy::Index::open_in_dir(&ix).unwrap();
    let key = index.schema().get_field("key").unwrap();
    let searcher = index.reader().unwrap().searcher();
    // key -> (segment, ids)
    let mut seen: std::collections::HashMap<String, (u32, Vec<u32>)> = Default::default();
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let store = seg.get_store_reader(1).unwrap();
        for id in seg.doc_ids_alive() {
            let d: tantivy::TantivyDocument = store.get(id).unwrap();
            let k = d
                .get_first(key)
                .and_then(|v| v.as_str())
                .unwrap()
                .to_string();
            let e = seen.entry(k.clone()).or_insert((ord as u32, Vec::new()));
            assert_eq!(e.0, ord as u32, "{k}: units in two segments");
            e.1.push(id);
        }
    }
    assert_eq!(seen.len(), paths.len());
    for (k, (_, ids)) in &seen {
        assert!(ids.len() > 2, "{k}: {ids:?}");
        assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "{k}: {ids:?}");
    }
}

#[test]
fn a_document_matched_as_a_whole_shows_a_snippet_of_its_text() {
    // 新建 is in the review and 农产品 in the plan: no passage has both, the document does.
    let r = search(Query::new("新建 农产品"));
    assert_eq!(keys(&r), ["report.txt"], "{r:#?}");
    let h = &r.hits[0];
    assert_eq!(h.passages.len(), 1, "{h:#?}");
    let p = &h.passages[0];
    // The document stands in for its passages: no place in it, the whole text as its span.
    assert_eq!(p.section, "");
    assert_eq!(p.heading, None);
    assert_eq!((p.span.start(), p.span.end()), (0, REPORT.len()));
    // The snippet is the document's own text (its line breaks shown as spaces), with the
    // query's words marked.
    let text = p.snippet.text.trim_matches('…');
    assert!(text.chars().count() > 20, "{text:?}");
    assert!(
        text.split_whitespace().all(|line| REPORT.contains(line)),
        "{text:?}"
    );
    let m = marked(&r);
    assert!(
        m.iter().any(|w| w == "新建") && m.iter().any(|w| w == "农产品"),
        "{m:?}"
    );
}
