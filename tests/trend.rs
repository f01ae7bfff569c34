//! Term trends and keyword in context: counts worked out by hand on texts written for these
//! tests, agreement with search, the panel, the outputs; and, where `../shared` is present,
//! first appearances on the national work reports against gold read by hand
//! (`tests/data/trend_first_gold.json`).
#![cfg(feature = "search")]

mod common;

use std::path::Path;

use zhengce::search::batch::index_paths;
use zhengce::search::kwic::KwicQuery;
use zhengce::search::trend::{GroupBy, TrendQuery};
use zhengce::search::{Archive, OpenMode, Query};
use zhengce::Analyzer;

/// 2019: 营商环境 twice (once broken by a line break), 数字经济 once.
const REPORT_2019: &str = "2019年北川县政府工作报告
——2019年1月8日在北川县第九届人民代表大会第三次会议上

各位代表：

一、2018年工作回顾

过去一年，我们持续优化营商
环境，营商环境评价位居全市前列，数字经济加快发展。

二、2019年工作安排

加快补齐基础设施短板，推动县域经济高质量发展。
";

/// 2021, in traditional characters: 營商環境 once; 营商、环境 across punctuation does not count.
const REPORT_2021: &str = "2021年北川縣政府工作報告
——2021年1月12日在北川縣第十屆人民代表大會第一次會議上

各位代表：

一、2020年工作回顧

過去一年，營商環境持續改善，營商、環境兩手抓。

二、2021年工作安排

發展數字經濟，數字經濟增加值增長10%。
";

/// 2021, a notice: neither term.
const NOTICE_2021: &str = "北川县人民政府办公室关于做好春耕生产工作的通知
北政办发〔2021〕3号

各乡镇人民政府，县政府各部门：

一、抓好种子化肥供应

各乡镇要在3月底前完成农资储备。

北川县人民政府办公室
2021年2月20日
";

struct Fixture {
    _dir: tempfile::TempDir,
    archive: Archive,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("docs");
    std::fs::create_dir_all(&files).unwrap();
    for (name, text) in [
        ("r2019.txt", REPORT_2019),
        ("r2021.txt", REPORT_2021),
        ("n2021.txt", NOTICE_2021),
    ] {
        std::fs::write(files.join(name), text).unwrap();
    }
    let archive = Archive::builder()
        .heap_bytes(64 << 20)
        .threads(1)
        .open(&dir.path().join("index"), OpenMode::Create)
        .unwrap();
    index_paths(&archive, &Analyzer::default(), &[files], &()).unwrap();
    Fixture { _dir: dir, archive }
}

fn base(key: &str) -> &str {
    Path::new(key).file_name().unwrap().to_str().unwrap()
}

#[test]
fn counts_by_year_worked_out_by_hand() {
    let fx = fixture();
    let t = fx
        .archive
        .trend(&TrendQuery::new(["营商环境", "数字经济", "低空经济"]))
        .unwrap();
    assert_eq!(t.by, GroupBy::Year);
    let groups: Vec<(&str, usize)> = t
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.documents))
        .collect();
    assert_eq!(groups, [("2019", 1), ("2021", 2)]);
    // (group, term, documents, occurrences)
    let rows: Vec<(&str, &str, usize, u64)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.group.as_str(),
                r.term.as_str(),
                r.documents,
                r.occurrences,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2019", "营商环境", 1, 2),
            ("2019", "数字经济", 1, 1),
            ("2019", "低空经济", 0, 0),
            ("2021", "营商环境", 1, 1),
            ("2021", "数字经济", 1, 2),
            ("2021", "低空经济", 0, 0),
        ]
    );
    // The rate is per 10,000 characters of the group's text.
    for r in &t.rows {
        assert!(r.chars > 0);
        let want = r.occurrences as f64 * 10_000.0 / r.chars as f64;
        assert!((r.per_10k - want).abs() < 1e-9);
    }
    let first = t.terms[0].first.as_ref().expect("营商环境 appears");
    assert_eq!(base(&first.key), "r2019.txt");
    assert_eq!(first.date.as_deref(), Some("2019-01-08"));
    assert!(first.snippet.text.contains("营商环境评价"), "{first:?}");
    assert_eq!(t.terms[0].documents, 2);
    assert_eq!(t.terms[0].occurrences, 3);
    // A term that matches nothing gives zeros.
    assert!(t.terms[2].first.is_none());
    assert_eq!(t.terms[2].occurrences, 0);
}

#[test]
fn groups_by_type_and_filters() {
    let fx = fixture();
    let t = fx
        .archive
        .trend(&TrendQuery::new(["营商环境"]).by(GroupBy::Type))
        .unwrap();
    let groups: Vec<(&str, usize)> = t
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.documents))
        .collect();
    assert_eq!(groups, [("work_report", 2), ("notice", 1)]);
    assert_eq!(t.rows[0].occurrences, 3);
    assert_eq!(t.rows[1].occurrences, 0);
    let only = fx
        .archive
        .trend(&TrendQuery::new(["营商环境"]).doc_type(zhengce::DocType::Notice))
        .unwrap();
    assert_eq!(only.terms[0].documents, 0);
    assert_eq!(only.documents.len(), 1);
}

#[test]
fn counts_agree_with_search_and_kwic() {
    let fx = fixture();
    let terms = ["营商环境", "数字经济", "工作", "各位代表", "低空经济"];
    let t = fx.archive.trend(&TrendQuery::new(terms)).unwrap();
    for (i, term) in terms.iter().enumerate() {
        let r = fx
            .archive
            .search(&Query::new(&format!("\"{term}\"")).limit(100))
            .unwrap();
        let found: usize = r.hits.iter().map(|h| 1 + h.reposts.len()).sum();
        assert_eq!(t.terms[i].documents, found, "{term}: documents");
        let lines = fx.archive.kwic(&KwicQuery::new(term)).unwrap();
        assert_eq!(t.terms[i].occurrences, lines.len() as u64, "{term}: kwic");
        // The panel adds up to the rows.
        let panel: u64 = t
            .panel()
            .filter(|p| p.term == *term)
            .map(|p| p.occurrences)
            .sum();
        assert_eq!(panel, t.terms[i].occurrences, "{term}: panel");
    }
    // Every document × term, zeros included.
    assert_eq!(t.panel().count(), 3 * terms.len());
}

#[test]
fn kwic_lines_have_context_and_place() {
    let fx = fixture();
    let lines = fx
        .archive
        .kwic(&KwicQuery::new("营商环境").width(4))
        .unwrap();
    let got: Vec<(&str, &str, &str, &str)> = lines
        .iter()
        .map(|l| {
            (
                base(&l.key),
                l.left.as_str(),
                l.keyword.as_str(),
                l.right.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // Four characters each side; a line break in the context shows as a space.
            ("r2019.txt", "持续优化", "营商\n环境", "，营商环"),
            ("r2019.txt", " 环境，", "营商环境", "评价位居"),
            ("r2021.txt", "去一年，", "營商環境", "持續改善"),
        ]
    );
    assert!(lines.iter().all(|l| l.section == "一、"));
    assert_eq!(lines[0].year, Some(2019));
    // Each occurrence's span is its bytes in the document as written.
    for l in &lines {
        let text = if base(&l.key) == "r2019.txt" {
            REPORT_2019
        } else {
            REPORT_2021
        };
        let span = l.span.expect("no furniture removed in these texts");
        assert_eq!(&text[span.start()..span.end()], l.keyword, "{}", l.key);
    }
}

#[test]
fn kwic_context_runs_on_across_passages() {
    let fx = fixture();
    // 加快发展 ends the review's passage: what follows is the next section's heading.
    let lines = fx
        .archive
        .kwic(&KwicQuery::new("加快发展").width(6))
        .unwrap();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let l = &lines[0];
    assert_eq!(l.left, "列，数字经济", "{l:#?}");
    assert_eq!(l.right.chars().count(), 6, "{l:#?}");
    assert!(
        l.right.starts_with('。') && l.right.contains("二、"),
        "{l:#?}"
    );
    // 2019年工作安排 opens the plan's passage: what comes before is the end of the review.
    let lines = fx
        .archive
        .kwic(&KwicQuery::new("2019年工作安排").width(6))
        .unwrap();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let l = &lines[0];
    assert_eq!(l.left.chars().count(), 6, "{l:#?}");
    assert!(
        l.left.ends_with("二、") && l.left.contains("展。"),
        "{l:#?}"
    );
    // The ends of a document have nothing beyond them.
    let lines = fx
        .archive
        .kwic(&KwicQuery::new("县域经济高质量发展").width(30))
        .unwrap();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].right.trim() == "。", "{:#?}", lines[0]);
}

#[test]
fn outputs() {
    let fx = fixture();
    let t = fx
        .archive
        .trend(&TrendQuery::new(["营商环境", "数字经济"]))
        .unwrap();
    let csv = t.to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("year,term,documents,group_documents,occurrences,chars,per_10k,first_key,first_date")
    );
    assert_eq!(csv.lines().count(), 1 + 2 * 2);
    let panel = t.panel_csv();
    assert!(panel.starts_with("key,title,date,year,doc_type,issuer,chars,term,occurrences,per_10k"));
    assert_eq!(panel.lines().count(), 1 + 3 * 2);
    let md = t.to_markdown();
    assert!(md.contains("| 2019 | 1 | 1 / 2 /"), "{md}");
    assert!(md.contains("首次出现"));
    let svg = t.to_svg().expect("grouped by year");
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    for label in ["营商环境", "数字经济", "年份", "每万字出现次数"] {
        assert!(svg.contains(label), "{label}");
    }
    let by_type = fx
        .archive
        .trend(&TrendQuery::new(["营商环境"]).by(GroupBy::Type))
        .unwrap();
    assert!(by_type.to_svg().is_none());
}

#[derive(serde::Deserialize)]
struct Gold {
    terms: Vec<GoldTerm>,
}

#[derive(serde::Deserialize)]
struct GoldTerm {
    term: String,
    first_year: Option<u64>,
    documents: usize,
    occurrences_total: u64,
    occurrences_first: u64,
}

/// First appearances, documents and occurrences over the national work reports, against gold
/// a helper wrote by reading them.
#[test]
fn first_appearances_on_national_reports() {
    let Some(dir) = common::shared("corpus-real/national_gwr") else {
        return;
    };
    let gold: Gold =
        serde_json::from_str(include_str!("data/trend_first_gold.json")).expect("gold parses");
    assert!(gold.terms.len() >= 5);
    let ix = tempfile::tempdir().unwrap();
    let archive = Archive::builder()
        .heap_bytes(128 << 20)
        .open(ix.path(), OpenMode::Create)
        .unwrap();
    index_paths(&archive, &Analyzer::default(), &[dir], &()).unwrap();
    let terms: Vec<&str> = gold.terms.iter().map(|g| g.term.as_str()).collect();
    let t = archive.trend(&TrendQuery::new(terms)).unwrap();
    let mut wrong = Vec::new();
    for (g, got) in gold.terms.iter().zip(&t.terms) {
        // The year of a report is the one its file is named for.
        let first_year = got
            .first
            .as_ref()
            .and_then(|o| base(&o.key).get(..4)?.parse::<u64>().ok());
        let first_count = got.first.as_ref().map_or(0, |o| {
            t.panel()
                .filter(|p| p.doc.key == o.key && p.term == g.term)
                .map(|p| p.occurrences)
                .sum()
        });
        let pair = (first_year, got.documents, got.occurrences, first_count);
        let want = (
            g.first_year,
            g.documents,
            g.occurrences_total,
            g.occurrences_first,
        );
        if pair != want {
            wrong.push(format!("{}: got {pair:?}, gold {want:?}", g.term));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
