//! A readable outline of a [`Document`]: title, front matter, the heading tree
//! with markers, points under their section, removed furniture, truncation and notes.

use std::fmt::Write;

use crate::model::{Document, Point, Section};

fn one_line(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// The name an enum serialises to (`work_report`, `web_chrome`).
fn name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn points_at<'a>(doc: &'a Document, path: &'a [u32]) -> impl Iterator<Item = &'a Point> + 'a {
    doc.points.iter().filter(move |p| p.section_path == path)
}

fn section(out: &mut String, doc: &Document, s: &Section, path: &mut Vec<u32>) {
    let indent = "  ".repeat(s.level as usize - 1);
    let _ = writeln!(out, "{indent}{}{}", s.marker, one_line(&s.heading, 60));
    path.push(s.ordinal);
    for p in points_at(doc, path) {
        let _ = writeln!(out, "{indent}    · {} {}", p.marker, one_line(&p.lead, 50));
    }
    for c in &s.children {
        section(out, doc, c, path);
    }
    path.pop();
}

/// Renders `doc` as a plain-text outline.
pub fn text(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", doc.title.as_deref().unwrap_or("(none)"));
    let _ = writeln!(
        out,
        "type: {}   date: {}",
        name(doc.doc_type),
        doc.date.as_deref().unwrap_or("(unknown)")
    );
    let f = &doc.front;
    for s in &f.subtitle {
        let _ = writeln!(out, "subtitle: {}", s.text);
    }
    let fields = [
        ("speaker", &f.speaker),
        ("issuer", &f.issuer),
        ("文号", &f.doc_number),
        ("salutation", &f.salutation),
        ("signature", &f.signature),
        ("signed", &f.signature_date),
    ];
    for (name, v) in fields {
        if let Some(v) = v {
            let _ = writeln!(out, "{name}: {}", one_line(&v.text, 60));
        }
    }
    if let Some(items) = &doc.outline {
        let _ = writeln!(out, "\noutline:");
        for it in items {
            let indent = "  ".repeat(it.level as usize);
            let _ = writeln!(out, "{indent}{}{}", it.marker, one_line(&it.heading, 60));
        }
    }
    let _ = writeln!(out, "\nsections:");
    for p in points_at(doc, &[]) {
        let _ = writeln!(out, "    · {} {}", p.marker, one_line(&p.lead, 50));
    }
    let mut path = Vec::new();
    for s in &doc.sections {
        section(&mut out, doc, s, &mut path);
    }
    if !doc.removed.is_empty() {
        let _ = writeln!(out, "\nremoved ({}):", doc.removed.len());
        for r in &doc.removed {
            let reason = name(r.reason);
            let _ = writeln!(out, "  [{reason}] {}", one_line(&r.text, 60));
        }
    }
    if let Some(t) = &doc.truncation {
        let n = |v: Option<u64>| v.map_or("?".to_string(), |v| v.to_string());
        let _ = writeln!(
            out,
            "\ntruncation: declared {} chars, shown {}, remaining {}, {} omission(s)",
            n(t.declared_chars),
            n(t.shown_chars),
            n(t.remaining_chars),
            t.omissions.len()
        );
    }
    if !doc.notes.is_empty() {
        let _ = writeln!(out, "\nnotes:");
        for note in &doc.notes {
            let _ = writeln!(out, "  - {note}");
        }
    }
    out
}
