//! The seed text in `../shared/seeds/`: a scraped, truncated preview of a district reform speech.
//! Every expectation here was read off the text by hand.

mod common;

use zhengce::{Analyzer, RemovalReason};

#[test]
fn seed_comes_out_right() {
    let Some(dir) = common::shared("seeds") else {
        return;
    };
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed text");
    let input = std::fs::read_to_string(&path).unwrap();
    let doc = Analyzer::default().analyze_file(&path).unwrap();

    assert_eq!(
        doc.title.as_deref(),
        Some("在全区重点改革项目推进会暨2026年改革项目谋划会上的讲话")
    );
    assert_eq!(doc.doc_type, zhengce::DocType::Speech);
    assert_eq!(doc.front.salutation.as_ref().unwrap().text, "同志们");

    // Three top-level sections with their headings.
    let heads: Vec<(&str, &str)> = doc
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.heading.as_str()))
        .collect();
    assert_eq!(
        heads,
        [
            ("一、", "正视成绩与短板,以高度的政治自觉收官全年改革任务"),
            ("二、", "聚焦关键与特色,以精准的攻坚力度深化当前重点改革"),
            ("三、", "立足长远与实效,以科学的系统思维谋划明年改革项目"),
        ]
    );

    let pts = |path: &[u32]| -> Vec<(&str, u32)> {
        doc.points
            .iter()
            .filter(|p| p.section_path == path)
            .map(|p| (p.marker.as_str(), p.ordinal))
            .collect()
    };
    // The three tasks before section 一.
    assert_eq!(pts(&[]), [("一是", 1), ("二是", 2), ("三是", 3)]);
    let first = &doc.points[0];
    assert!(first
        .lead
        .starts_with("对今年的改革工作进行一次全面的“回头看”"));
    // 第一/第二/第三 with 一方面/另一方面 inside 第三, in section 二.
    assert_eq!(
        pts(&[2]),
        [
            ("第一", 1),
            ("第二", 2),
            ("第三", 3),
            ("一方面", 1),
            ("另一方面", 2)
        ]
    );
    // 首先/其次 in section 三.
    assert_eq!(pts(&[3]), [("首先", 1), ("其次", 2)]);
    for p in &doc.points {
        assert!(input[p.span.start()..p.span.end()].starts_with(&p.marker));
    }

    // The outline as `outline`, not as sections.
    let outline = doc.outline.as_ref().expect("an outline");
    let items: Vec<(u32, &str)> = outline
        .iter()
        .map(|i| (i.level, i.marker.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (2, "三是"),
            (1, "一、"),
            (2, "一是"),
            (2, "二是"),
            (2, "三是"),
            (1, "二、"),
            (1, "三、")
        ]
    );
    assert_eq!(
        outline[1].heading,
        "正视成绩与短板,以高度的政治自觉收官全年改革任务"
    );

    // The boilerplate in `removed`.
    let removed: Vec<RemovalReason> = doc.removed.iter().map(|r| r.reason).collect();
    assert_eq!(
        removed,
        [
            RemovalReason::Omission,
            RemovalReason::Paywall,
            RemovalReason::Paywall
        ]
    );
    assert!(doc.removed[1].text.starts_with("预览结束"));
    assert_eq!(doc.removed[2].text, "本文6元");
    for r in &doc.removed {
        assert_eq!(&input[r.span.start()..r.span.end()], r.text);
    }

    // Truncation: 3388 declared, 2078 shown, one omission of 660.
    let t = doc.truncation.as_ref().expect("truncation");
    assert_eq!(
        (t.declared_chars, t.shown_chars, t.remaining_chars),
        (Some(3388), Some(2078), Some(1310))
    );
    assert_eq!(t.omissions.len(), 1);
    assert_eq!(t.omissions[0].omitted_chars, Some(660));
    assert!(doc
        .notes
        .iter()
        .any(|n| n.starts_with("omission: 660") && n.contains("一、")));
    assert!(doc
        .notes
        .iter()
        .any(|n| n.starts_with("truncated:") && n.contains("三、")));

    // Declared counts (主要任务有三个, 以上三项改革) agree with the series found: no count note.
    assert!(
        !doc.notes.iter().any(|n| n.starts_with("count:")),
        "{:?}",
        doc.notes
    );
    // Nothing about the web page is left in the sections' text.
    for s in doc.all_sections() {
        let text = &input[s.span.start()..s.span.end()];
        assert!(!text.contains("预览结束") && !text.contains("本文6元"));
    }
}
