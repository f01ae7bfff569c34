//! All of `../shared/corpus-real/` (174 public documents): no error, no panic, and sanity checks
//! that hold for real documents. Skips with a message where the folder is absent.

mod common;

use std::path::{Path, PathBuf};

use zhengce::{Analyzer, Document};

fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in std::fs::read_dir(dir).unwrap() {
        let sub = sub.unwrap().path();
        if sub.is_dir() {
            for f in std::fs::read_dir(&sub).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "txt") {
                    out.push(f);
                }
            }
        }
    }
    out.sort();
    out
}

fn analyse_all() -> Option<Vec<(PathBuf, String, Document)>> {
    let dir = common::shared("corpus-real")?;
    let analyzer = Analyzer::default();
    let files = texts(&dir);
    assert!(files.len() >= 170, "{} files", files.len());
    Some(
        files
            .into_iter()
            .map(|p| {
                let doc = analyzer.analyze_file(&p).unwrap_or_else(|e| panic!("{e}"));
                let input = std::fs::read_to_string(&p).unwrap();
                (p, input, doc)
            })
            .collect(),
    )
}

fn year_of(p: &Path) -> Option<u32> {
    p.file_name()?.to_str()?.get(..4)?.parse().ok()
}

#[test]
fn every_real_document_is_sane() {
    let Some(all) = analyse_all() else { return };
    let mut problems = Vec::new();
    for (path, input, doc) in &all {
        let name = path
            .strip_prefix(path.parent().unwrap().parent().unwrap())
            .unwrap()
            .display()
            .to_string();
        // Spans are inside the input, on char boundaries, and sections nest.
        for s in doc.all_sections() {
            if s.span.text(input).is_none() {
                problems.push(format!("{name}: section span {:?} is off", s.span));
            }
            for c in &s.children {
                if !s.span.contains(c.span) {
                    problems.push(format!(
                        "{name}: {} does not hold its child {}",
                        s.marker, c.marker
                    ));
                }
            }
        }
        let kind = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        // National work reports since 1978 are in parts: at least two top-level sections
        // (1985, 2003, 2008 and 2023 have exactly two) and at least three sections in all.
        if kind == "national_gwr" && year_of(path).is_some_and(|y| y >= 1978) {
            let all_sections = doc.all_sections().len();
            if doc.sections.len() < 2 || all_sections < 3 {
                problems.push(format!(
                    "{name}: {} top-level sections, {all_sections} in all",
                    doc.sections.len()
                ));
            }
        }
        // A law's articles run 1..N without gaps (第X条之一 shares X).
        if kind == "laws" {
            let mut ords: Vec<u32> = doc
                .all_sections()
                .iter()
                .filter(|s| s.marker.ends_with('条') || s.marker.contains("条之"))
                .map(|s| s.ordinal)
                .collect();
            ords.dedup();
            // An excerpt (民法典 合同编) starts at its first article, not at 1.
            let first = ords.first().copied().unwrap_or(1);
            let n = ords.len() as u32;
            let want: Vec<u32> = (first..first + n).collect();
            let whole_law = !name.contains("civil_code_contracts");
            if n < 10 || ords != want || (whole_law && first != 1) {
                problems.push(format!(
                    "{name}: articles are not contiguous from 1 ({n} found, first {first})"
                ));
            }
            if doc.doc_type != zhengce::DocType::Law {
                problems.push(format!("{name}: typed {:?}", doc.doc_type));
            }
        }
        // No web chrome is left in the body: every chrome phrase lies inside a removed span.
        for phrase in [
            "扫一扫在手机打开当前页",
            "【字号",
            "打印本页",
            "相关报道：",
            "关闭窗口",
        ] {
            for (at, _) in input.match_indices(phrase) {
                let inside = doc
                    .removed
                    .iter()
                    .any(|r| r.span.start() <= at && at < r.span.end());
                if !inside {
                    problems.push(format!("{name}: {phrase} at {at} is left in the body"));
                }
            }
        }
        // Provincial 2026 reports: title, date and the 各位代表 salutation come through.
        if kind == "provincial_gwr_2026" {
            if doc.doc_type != zhengce::DocType::WorkReport
                || !doc.date.as_deref().is_some_and(|d| d.starts_with("2026-"))
            {
                problems.push(format!("{name}: {:?} dated {:?}", doc.doc_type, doc.date));
            }
            if doc.front.salutation.as_ref().map(|s| s.text.as_str()) != Some("各位代表") {
                problems.push(format!("{name}: salutation {:?}", doc.front.salutation));
            }
            if doc.removed.is_empty() {
                problems.push(format!("{name}: no web furniture found"));
            }
        }
        // Extraction: surfaces are what the spans hold; no year is a metric; no time starts
        // with punctuation; work reports are full of targets and tasks.
        for m in &doc.metrics {
            if m.span.text(input) != Some(m.text.as_str()) || !m.value.is_finite() {
                problems.push(format!("{name}: metric {:?} at {:?}", m.text, m.span));
            }
            if m.text.ends_with('年') {
                problems.push(format!("{name}: a year as a metric: {:?}", m.text));
            }
        }
        for t in &doc.times {
            if t.text.starts_with(['，', '。', ',', '、', '；', ';', '：']) {
                problems.push(format!("{name}: time {:?} starts with punctuation", t.text));
            }
            if let (Some(s), Some(e)) = (&t.start, &t.end) {
                if s > e {
                    problems.push(format!("{name}: time {:?} runs backwards", t.text));
                }
            }
        }
        if kind == "provincial_gwr_2026" && (doc.metrics.len() < 20 || doc.actions.len() < 20) {
            problems.push(format!(
                "{name}: {} metrics, {} actions",
                doc.metrics.len(),
                doc.actions.len()
            ));
        }
        // State Council documents: a metadata table or a 文号, and a title.
        if kind == "state_council_docs" && (doc.front.doc_number.is_none() || doc.title.is_none()) {
            problems.push(format!(
                "{name}: 文号 {:?}, title {:?}",
                doc.front.doc_number, doc.title
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
