//! Golden tests: every `corpus/NAME.txt` against its hand-written `corpus/NAME.gold.json`.
//!
//! Gold files are written from the text, never from the output. Their compact form:
//! sections as `[marker, ordinal, heading, [children]]` (a fifth element names a block:
//! `annex`, `notes`, `preamble`), points as
//! `[marker, ordinal, section_path, lead]`, outline items as `[level, marker, ordinal, heading]`,
//! removed items as `[reason, text]`, truncation omissions as their sizes, and notes as one
//! expected substring per note (the number of notes must match). A field absent from the gold is
//! not checked. Spans are checked by invariants (a section's span starts with its marker…).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use zhengce::{Analyzer, Document, Section};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `[marker, ordinal, heading, [children]]`, and the block (`"annex"`, `"notes"`,
/// `"preamble"`) as a fifth element where the section is one.
fn section_value(s: &Section) -> Value {
    let mut v = vec![
        json!(s.marker),
        json!(s.ordinal),
        json!(s.heading),
        Value::Array(s.children.iter().map(section_value).collect()),
    ];
    if let Some(b) = s.block {
        v.push(serde_json::to_value(b).unwrap());
    }
    Value::Array(v)
}

fn check_levels(s: &Section, level: u32, errs: &mut Vec<String>) {
    if s.level != level {
        errs.push(format!(
            "section {}{}: level {} != {level}",
            s.marker, s.heading, s.level
        ));
    }
    for c in &s.children {
        check_levels(c, level + 1, errs);
    }
}

/// Gold numbers are written as integers where they are whole; the record holds floats.
fn numbers_as_f64(v: &Value) -> Value {
    match v {
        Value::Number(n) => json!(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.iter().map(numbers_as_f64).collect()),
        other => other.clone(),
    }
}

fn field_text(f: &Option<zhengce::Field>) -> Value {
    f.as_ref().map_or(Value::Null, |f| json!(f.text))
}

fn compare(name: &str, doc: &Document, input: &str, gold: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let mut eq = |what: &str, got: Value, want: &Value| {
        if got != *want {
            errs.push(format!("{name}: {what}\n   got: {got}\n  want: {want}"));
        }
    };
    let g = gold.as_object().expect("gold is an object");
    if let Some(w) = g.get("title") {
        eq("title", json!(doc.title), w);
    }
    if let Some(w) = g.get("doc_type") {
        eq("doc_type", serde_json::to_value(doc.doc_type).unwrap(), w);
    }
    if let Some(w) = g.get("date") {
        eq("date", json!(doc.date), w);
    }
    if let Some(w) = g.get("encoding") {
        eq("encoding", serde_json::to_value(doc.encoding).unwrap(), w);
    }
    if let Some(front) = g.get("front").and_then(Value::as_object) {
        let f = &doc.front;
        for (k, w) in front {
            let got = match k.as_str() {
                "subtitle" => json!(f.subtitle.iter().map(|s| &s.text).collect::<Vec<_>>()),
                "history" => json!(f.history.iter().map(|s| &s.text).collect::<Vec<_>>()),
                "speaker" => field_text(&f.speaker),
                "speaker_office" => json!(f.speaker_office),
                "issuer" => field_text(&f.issuer),
                "doc_number" => field_text(&f.doc_number),
                "salutation" => field_text(&f.salutation),
                "signature" => field_text(&f.signature),
                "signature_date" => field_text(&f.signature_date),
                other => panic!("{name}: unknown front field {other}"),
            };
            eq(&format!("front.{k}"), got, w);
        }
    }
    if let Some(w) = g.get("outline") {
        let got = doc.outline.as_ref().map_or(Value::Null, |o| {
            json!(o
                .iter()
                .map(|i| json!([i.level, i.marker, i.ordinal, i.heading]))
                .collect::<Vec<_>>())
        });
        eq("outline", got, w);
    }
    if let Some(w) = g.get("sections") {
        eq(
            "sections",
            json!(doc.sections.iter().map(section_value).collect::<Vec<_>>()),
            w,
        );
    }
    if let Some(w) = g.get("points") {
        let got: Vec<Value> = doc
            .points
            .iter()
            .map(|p| json!([p.marker, p.ordinal, p.section_path, p.lead]))
            .collect();
        eq("points", json!(got), w);
    }
    if let Some(w) = g.get("removed") {
        let got: Vec<Value> = doc
            .removed
            .iter()
            .map(|r| json!([serde_json::to_value(r.reason).unwrap(), r.text]))
            .collect();
        eq("removed", json!(got), w);
    }
    if let Some(w) = g.get("truncation") {
        let got = doc.truncation.as_ref().map_or(Value::Null, |t| {
            json!({
                "declared_chars": t.declared_chars,
                "shown_chars": t.shown_chars,
                "remaining_chars": t.remaining_chars,
                "omissions": t.omissions.iter().map(|o| o.omitted_chars).collect::<Vec<_>>(),
            })
        });
        eq("truncation", got, w);
    }
    if let Some(w) = g.get("metrics") {
        let got: Vec<Value> = doc
            .metrics
            .iter()
            .map(|m| {
                json!([
                    m.text,
                    m.value,
                    m.high,
                    m.unit,
                    serde_json::to_value(m.kind).unwrap(),
                    serde_json::to_value(m.qualifier).unwrap(),
                    m.subject,
                    m.from,
                    serde_json::to_value(m.direction).unwrap()
                ])
            })
            .collect();
        eq("metrics", json!(got), &numbers_as_f64(w));
    }
    if let Some(w) = g.get("times") {
        let got: Vec<Value> = doc
            .times
            .iter()
            .map(|t| {
                json!([
                    t.text,
                    serde_json::to_value(t.kind).unwrap(),
                    t.start,
                    t.end
                ])
            })
            .collect();
        eq("times", json!(got), w);
    }
    if let Some(w) = g.get("actions").and_then(Value::as_array) {
        // Actions are named by the start of their sentence.
        let got: Vec<Value> = doc
            .actions
            .iter()
            .zip(w.iter().chain(std::iter::repeat(&Value::Null)))
            .map(|(a, want)| {
                let prefix = want.get(0).and_then(Value::as_str).unwrap_or("");
                let named = if a.text.starts_with(prefix) {
                    prefix.to_string()
                } else {
                    a.text.clone()
                };
                json!([
                    named,
                    a.modal,
                    serde_json::to_value(a.strength).unwrap(),
                    a.actor,
                    a.partners,
                    a.deadline,
                    a.section_path,
                    a.point
                ])
            })
            .collect();
        eq("actions", json!(got), &Value::Array(w.clone()));
    }
    if let Some(w) = g.get("tasks") {
        let got: Vec<Value> = doc
            .tasks
            .iter()
            .map(|t| {
                json!([
                    t.marker,
                    t.title,
                    t.lead,
                    t.partners,
                    t.units_source,
                    t.deadline,
                    t.deadline_text
                ])
            })
            .collect();
        eq("tasks", json!(got), w);
    }
    if let Some(w) = g.get("notes").and_then(Value::as_array) {
        let ok = doc.notes.len() == w.len()
            && w.iter()
                .all(|s| doc.notes.iter().any(|n| n.contains(s.as_str().unwrap())));
        if !ok {
            errs.push(format!(
                "{name}: notes\n   got: {:?}\n  want (substrings): {w:?}",
                doc.notes
            ));
        }
    }
    for s in &doc.sections {
        check_levels(s, 1, &mut errs);
    }
    // Spans point at the surface text.
    for s in doc.all_sections() {
        let t = s.span.text(input).unwrap_or("");
        if !t.starts_with(&s.marker) {
            errs.push(format!(
                "{name}: section span of {} starts {:?}",
                s.marker,
                t.chars().take(8).collect::<String>()
            ));
        }
    }
    for p in &doc.points {
        let t = p.span.text(input).unwrap_or("");
        if !t.starts_with(&p.marker) || !t.contains(&p.lead) {
            errs.push(format!("{name}: point span of {} is {t:?}", p.marker));
        }
    }
    for r in &doc.removed {
        if r.span.text(input) != Some(r.text.as_str()) {
            errs.push(format!("{name}: removed span does not hold {:?}", r.text));
        }
    }
    if let Some(t) = &doc.front.title {
        if doc.title.as_deref() == t.span.text(input)
            || t.span
                .text(input)
                .is_some_and(|s| s.starts_with(&t.text[..t.text.len().min(6)]))
        {
        } else {
            errs.push(format!("{name}: title span does not hold the title"));
        }
    }
    errs
}

#[test]
fn corpus_matches_gold() {
    let analyzer = Analyzer::default();
    let mut texts: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("corpus/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert!(texts.len() >= 12, "the corpus has {} texts", texts.len());
    let mut errs = Vec::new();
    for path in &texts {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let gold_path = path.with_extension("gold.json");
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|_| panic!("{} has no gold file", name)),
        )
        .unwrap_or_else(|e| panic!("{name}.gold.json: {e}"));
        let doc = analyzer
            .analyze_file(path)
            .unwrap_or_else(|e| panic!("{e}"));
        let bytes = std::fs::read(path).unwrap();
        let input = zhengce::decode::decode_bytes(&bytes).unwrap().text;
        errs.extend(compare(&name, &doc, &input, &gold));
    }
    assert!(
        errs.is_empty(),
        "{} mismatches:\n{}",
        errs.len(),
        errs.join("\n")
    );
}

/// `Stages::Index` (what `zhengce index` runs) gives the full record but its metrics and its
/// task table (and the table's notes).
#[test]
fn index_stages_leave_out_only_metrics() {
    let all = Analyzer::default();
    let index = Analyzer::builder().stages(zhengce::Stages::Index).build();
    let (mut with_metrics, mut with_tasks) = (0, 0);
    for e in std::fs::read_dir(corpus()).expect("corpus/ exists") {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let mut full = all.analyze_file(&path).unwrap();
        let part = index.analyze_file(&path).unwrap();
        assert!(part.metrics.is_empty(), "{}", path.display());
        assert!(part.tasks.is_empty(), "{}", path.display());
        with_metrics += usize::from(!full.metrics.is_empty());
        with_tasks += usize::from(!full.tasks.is_empty());
        full.metrics.clear();
        full.tasks.clear();
        full.notes.retain(|n| !n.starts_with("tasks:"));
        assert_eq!(
            serde_json::to_value(&full).unwrap(),
            serde_json::to_value(&part).unwrap(),
            "{}",
            path.display()
        );
    }
    assert!(
        with_metrics >= 10 && with_tasks >= 2,
        "{with_metrics} corpus texts have metrics, {with_tasks} a task table"
    );
}
