//! The table of action points (`zhengce actions`): one row per directive, ready for a
//! spreadsheet as CSV or for a report as a Markdown table.

use serde::Serialize;

use crate::model::{Document, Section, Strength};

/// One action point with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    /// The document it comes from (a path or a name).
    pub document: String,
    /// Ordinals of the enclosing sections, joined with `.` (`2.1`).
    pub section_path: String,
    /// The enclosing section's marker and heading.
    pub section: String,
    /// The enclosing point's marker and lead.
    pub point: String,
    /// The responsible unit or person.
    pub actor: String,
    /// The units it works with, joined with `、`.
    pub partners: String,
    /// The directive word.
    pub modal: String,
    /// `hard`, `duty`, `aim` or `soft`.
    pub strength: String,
    /// The deadline, ISO.
    pub deadline: String,
    /// The directive sentence.
    pub sentence: String,
}

fn strength(s: Strength) -> &'static str {
    match s {
        Strength::Hard => "hard",
        Strength::Duty => "duty",
        Strength::Aim => "aim",
        Strength::Soft => "soft",
        Strength::Plain => "plain",
    }
}

/// The deepest section whose span holds `offset`.
fn section_at(sections: &[Section], offset: usize) -> Option<&Section> {
    let s = sections
        .iter()
        .find(|s| s.span.start() <= offset && offset < s.span.end())?;
    section_at(&s.children, offset).or(Some(s))
}

/// The action rows of `doc`, named `document`.
pub fn action_rows(doc: &Document, document: &str) -> Vec<ActionRow> {
    doc.actions
        .iter()
        .map(|a| {
            let section = section_at(&doc.sections, a.span.start())
                .map(|s| format!("{}{}", s.marker, s.heading))
                .unwrap_or_default();
            let point = a
                .point
                .and_then(|i| doc.points.get(i))
                .map(|p| format!("{} {}", p.marker, p.lead))
                .unwrap_or_default();
            ActionRow {
                document: document.to_string(),
                section_path: a
                    .section_path
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join("."),
                section,
                point,
                actor: a.actor.clone().unwrap_or_default(),
                partners: a.partners.join("、"),
                modal: a.modal.clone().unwrap_or_default(),
                strength: strength(a.strength).to_string(),
                deadline: a.deadline.clone().unwrap_or_default(),
                sentence: a.text.clone(),
            }
        })
        .collect()
}

const HEADER: [&str; 10] = [
    "document",
    "section_path",
    "section",
    "point",
    "actor",
    "partners",
    "modal",
    "strength",
    "deadline",
    "sentence",
];

fn cells(r: &ActionRow) -> [&str; 10] {
    [
        &r.document,
        &r.section_path,
        &r.section,
        &r.point,
        &r.actor,
        &r.partners,
        &r.modal,
        &r.strength,
        &r.deadline,
        &r.sentence,
    ]
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Lines of CSV (RFC 4180 quoting, CRLF line ends) from rows of cells.
pub(crate) fn csv_lines<'a, R, C>(rows: impl IntoIterator<Item = &'a R>) -> String
where
    R: AsRef<[C]> + 'a + ?Sized,
    C: AsRef<str> + 'a,
{
    let mut out = String::new();
    for r in rows {
        let line: Vec<String> = r.as_ref().iter().map(|c| csv_cell(c.as_ref())).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A Markdown table from rows of cells, with `header` over it where given.
pub(crate) fn markdown_lines<R, C>(header: Option<&[&str]>, rows: &[R]) -> String
where
    R: AsRef<[C]>,
    C: AsRef<str>,
{
    let esc = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut out = String::new();
    if let Some(h) = header {
        out.push_str(&format!("| {} |\n", h.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(h.len())));
    }
    for r in rows {
        let line: Vec<String> = r.as_ref().iter().map(|c| esc(c.as_ref())).collect();
        out.push_str(&format!("| {} |\n", line.join(" | ")));
    }
    out
}

/// The byte order mark that makes a spreadsheet read CSV as UTF-8 (Excel shows Chinese
/// without it as mojibake).
pub const UTF8_BOM: &str = "\u{FEFF}";

/// CSV (RFC 4180 quoting), with a header line when `header` is set.
pub fn to_csv(rows: &[ActionRow], header: bool) -> String {
    let head = header.then_some(HEADER);
    let body: Vec<[&str; 10]> = rows.iter().map(cells).collect();
    csv_lines(head.iter().chain(body.iter()))
}

/// A Markdown table, with its header when `header` is set.
pub fn to_markdown(rows: &[ActionRow], header: bool) -> String {
    let body: Vec<[&str; 10]> = rows.iter().map(cells).collect();
    markdown_lines(header.then_some(&HEADER[..]), &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_csv_and_markdown() {
        let text = "一、重点任务\n县教育局要在6月底前完成摸排,联合县卫健局、县财政局等部门推进,\"家校\"共育。\n";
        let doc = crate::analyze(text);
        let rows = action_rows(&doc, "a.txt");
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (r.section_path.as_str(), r.section.as_str()),
            ("1", "一、重点任务")
        );
        assert_eq!(
            (r.actor.as_str(), r.partners.as_str(), r.modal.as_str()),
            ("县教育局", "县卫健局、县财政局", "要")
        );
        let csv = to_csv(&rows, true);
        assert!(csv.starts_with("document,section_path,"));
        // The sentence holds a comma and quotes: quoted, quotes doubled.
        assert!(csv.contains("\"县教育局要在6月底前完成摸排,联合县卫健局、县财政局等部门推进,\"\"家校\"\"共育。\""), "{csv}");
        let md = to_markdown(&rows, true);
        assert_eq!(md.lines().count(), 3);
    }
}
