//! The task stage on short texts written for these tests: which measures become tasks, and
//! the units each is given.

use std::path::Path;

use zhengce::{Analyzer, Document};

fn analyze(text: &str) -> Document {
    Analyzer::default()
        .analyze_bytes(text.as_bytes(), Path::new("case.txt"))
        .expect("decodes")
}

/// Each task as (marker, lead, partners).
fn rows(doc: &Document) -> Vec<(String, Vec<String>, Vec<String>)> {
    doc.tasks
        .iter()
        .map(|t| (t.marker.clone(), t.lead.clone(), t.partners.clone()))
        .collect()
}

fn owned(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_measure_set_out_in_numbered_points_has_a_task_per_point() {
    let text = "东江市关于促进消费的实施方案\n\
        一、重点任务\n\
        （一）扩大服务消费。一是市商务局要会同市文旅局培育消费新场景。二是各区政府要在2026年底前建成一批社区便民商圈。\n\
        （二）稳定大宗消费。市发展改革委要落实以旧换新政策。\n";
    let doc = analyze(text);
    let got = rows(&doc);
    assert_eq!(
        got,
        vec![
            ("一是".into(), owned(&["市商务局"]), owned(&["市文旅局"])),
            ("二是".into(), owned(&["各区政府"]), vec![]),
            ("（二）".into(), owned(&["市发展改革委"]), vec![]),
        ]
    );
    // Each point task says which point it is, and keeps its own deadline.
    assert!(doc.tasks[0].point.is_some());
    assert_eq!(doc.tasks[1].deadline.as_deref(), Some("2026-12-31"));
    assert_eq!(doc.tasks[0].deadline, None);
}

#[test]
fn a_measure_gets_the_units_of_all_its_directive_sentences() {
    let text = "东江市关于加强融资担保的意见\n\
        一、主要措施\n\
        （一）落实银担责任。银担合作各方要细化代偿条件。银行业金融机构要落实贷前审查责任。\n\
        （二）加强业务引导。市融资担保基金和区担保、再担保基金（机构）要合理设置准入条件。\n\
        （三）规范收费。规范银行业金融机构和融资担保、再担保机构的收费行为。\n";
    let got = rows(&analyze(text));
    assert_eq!(
        got,
        vec![
            (
                "（一）".into(),
                owned(&["银担合作各方", "银行业金融机构"]),
                vec![]
            ),
            (
                "（二）".into(),
                owned(&["市融资担保基金", "区担保、再担保基金（机构）"]),
                vec![]
            ),
            // A bare imperative names no unit: the object of 规范 is not responsible.
            ("（三）".into(), vec![], vec![]),
        ]
    );
}

#[test]
fn the_closing_paragraph_is_no_part_of_the_last_measure() {
    let text = "东江市关于优化营商环境的通知\n\
        一、工作措施\n\
        （一）简化审批。市政务服务管理局要压减审批环节。\n\
        （二）强化监管。市市场监管局要推行信用分级分类监管。\n\n\
        各地区、各部门要充分认识优化营商环境的重要意义，抓好贯彻落实。\n";
    let doc = analyze(text);
    let last = doc.tasks.last().expect("tasks");
    assert_eq!(last.lead, owned(&["市市场监管局"]));
    assert!(!last.text.contains("各地区"), "{}", last.text);
}

#[test]
fn review_parts_of_a_work_report_set_no_tasks() {
    let text = "政府工作报告\n\
        各位代表：\n\
        一、2025年主要工作和“十四五”发展成就\n\
        （一）产业升级步伐加快。规上工业企业从4.7万家增加到6.1万家。\n\
        二、2026年主要任务\n\
        （一）加快产业升级。推动制造业数字化改造。\n";
    let doc = analyze(text);
    let markers: Vec<&str> = doc.tasks.iter().map(|t| t.marker.as_str()).collect();
    assert_eq!(markers, ["（一）"]);
    assert!(doc.tasks[0].text.contains("数字化改造"));
}
