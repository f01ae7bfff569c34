//! The 任务分工表 as analysts publish it (`zhengce tasks`): one row per measure with 序号, 任务,
//! 具体内容, 牵头单位, 配合单位, 完成时限, 指标 and 出处; as CSV, Markdown, JSON lines (English
//! field names) or an Excel workbook.

use serde::Serialize;

use crate::model::{Document, UnitsSource};

/// One row of the task table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    /// 序号: the measure's number in the document, from 1.
    pub seq: usize,
    /// 任务: the measure's marker and title (`3. 释放企业产能`).
    pub task: String,
    /// 具体内容: the measure's text without its responsibility note.
    pub content: String,
    /// 牵头单位, joined with `、`.
    pub lead: String,
    /// 配合单位, joined with `、`.
    pub partners: String,
    /// 完成时限: the deadline as written, or the ISO date.
    pub deadline: String,
    /// 指标: the quantities of the measure, joined with `；`.
    pub targets: String,
    /// 出处: the document and the section path (`guofa.txt 4.1.3`).
    pub source: String,
    /// Where the units come from: `note`, `carried`, `table`, `sentence` or empty.
    pub units_source: String,
}

/// The column headers for readers, in order.
pub const HEADER: [&str; 8] = [
    "序号",
    "任务",
    "具体内容",
    "牵头单位",
    "配合单位",
    "完成时限",
    "指标",
    "出处",
];

/// Column widths of the spreadsheet, in characters.
const WIDTHS: [f64; 8] = [6.0, 28.0, 60.0, 24.0, 30.0, 14.0, 24.0, 24.0];

fn units_source(s: Option<UnitsSource>) -> &'static str {
    match s {
        Some(UnitsSource::Note) => "note",
        Some(UnitsSource::Carried) => "carried",
        Some(UnitsSource::Table) => "table",
        Some(UnitsSource::Sentence) => "sentence",
        None => "",
    }
}

/// The task rows of `doc`, named `document`, numbered from `first`.
pub fn task_rows(doc: &Document, document: &str, first: usize) -> Vec<TaskRow> {
    doc.tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let path = t
                .section_path
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".");
            TaskRow {
                seq: first + i,
                task: match &t.title {
                    Some(title) => format!("{} {title}", t.marker),
                    None => t.marker.clone(),
                },
                // The title is its own column: the content is what follows it.
                content: match t.title.as_deref() {
                    // A 分工表 row without a content column: the name says it all.
                    Some(title) if title == t.text => String::new(),
                    Some(title) => t
                        .text
                        .strip_prefix(title)
                        .map(|rest| rest.trim_start_matches(['。', '.', ' ', '\u{3000}']))
                        .filter(|rest| !rest.is_empty())
                        .unwrap_or(&t.text)
                        .to_string(),
                    None => t.text.clone(),
                },
                lead: t.lead.join("、"),
                partners: t.partners.join("、"),
                deadline: t
                    .deadline_text
                    .clone()
                    .or_else(|| t.deadline.clone())
                    .unwrap_or_default(),
                targets: t
                    .metrics
                    .iter()
                    .filter_map(|&m| doc.metrics.get(m))
                    .map(|m| m.text.as_str())
                    .collect::<Vec<_>>()
                    .join("；"),
                source: format!("{document} {path}"),
                units_source: units_source(t.units_source).to_string(),
            }
        })
        .collect()
}

fn cells(r: &TaskRow) -> [String; 8] {
    [
        r.seq.to_string(),
        r.task.clone(),
        r.content.clone(),
        r.lead.clone(),
        r.partners.clone(),
        r.deadline.clone(),
        r.targets.clone(),
        r.source.clone(),
    ]
}

/// CSV (RFC 4180 quoting), with the header line when `header` is set.
pub fn to_csv(rows: &[TaskRow], header: bool) -> String {
    let head = header.then(|| HEADER.map(str::to_string));
    let body: Vec<[String; 8]> = rows.iter().map(cells).collect();
    crate::table::csv_lines(head.iter().chain(body.iter()))
}

/// A Markdown table, with its header when `header` is set.
pub fn to_markdown(rows: &[TaskRow], header: bool) -> String {
    let body: Vec<[String; 8]> = rows.iter().map(cells).collect();
    crate::table::markdown_lines(header.then_some(&HEADER[..]), &body)
}

/// An Excel workbook of one sheet, 任务分工表: the header row bold and frozen, column widths
/// set, long text wrapped.
pub fn to_xlsx(rows: &[TaskRow]) -> std::io::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let err = std::io::Error::other;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("任务分工表").map_err(err)?;
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, (h, w)) in HEADER.iter().zip(WIDTHS).enumerate() {
        let c = c as u16;
        sheet
            .write_string_with_format(0, c, *h, &bold)
            .map_err(err)?;
        sheet.set_column_width(c, w).map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet
            .write_number_with_format(row, 0, r.seq as f64, &wrap)
            .map_err(err)?;
        for (c, v) in cells(r).iter().enumerate().skip(1) {
            sheet
                .write_string_with_format(row, c as u16, v, &wrap)
                .map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "东江市人民政府关于促进开放型经济发展的若干措施\n一、主要措施\n\
        1.拓展国际市场。推广一般纳税人资格试点，培育3家以上龙头企业。（市税务局、市财政局负责，排在第一位的部门为牵头部门，下同）\n\
        2.释放企业产能。2026年底前完成委托加工试点。（市商务局负责）\n";

    #[test]
    fn rows_csv_markdown_and_xlsx() {
        let doc = crate::analyze(TEXT);
        let rows = task_rows(&doc, "a.txt", 1);
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!((r.seq, r.task.as_str()), (1, "1. 拓展国际市场"));
        assert_eq!(
            (r.lead.as_str(), r.partners.as_str()),
            ("市税务局", "市财政局")
        );
        assert!(!r.content.contains("负责"), "{}", r.content);
        assert!(r.content.starts_with("推广一般纳税人"), "{}", r.content);
        assert_eq!(r.targets, "3家以上");
        assert_eq!(r.source, "a.txt 1.1");
        assert_eq!(rows[1].deadline, "2026年底前");
        let csv = to_csv(&rows, true);
        assert!(csv.starts_with("序号,任务,具体内容,牵头单位,配合单位,完成时限,指标,出处\r\n"));
        assert_eq!(csv.lines().count(), 3);
        let md = to_markdown(&rows, true);
        assert_eq!(md.lines().count(), 4);
        let xlsx = to_xlsx(&rows).unwrap();
        // A zip archive.
        assert!(xlsx.starts_with(b"PK"));
    }
}
