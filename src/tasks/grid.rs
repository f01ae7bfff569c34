//! A 分工表 laid out as text: a header line naming columns such as 序号, 任务, 牵头单位,
//! 责任单位/配合单位 and 完成时限, cells apart by tabs, runs of spaces or bars, and one row per
//! line under it until a line that does not split into as many cells.

use crate::lines::Line;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// 序号.
    Number,
    /// 任务, 工作任务, 重点任务: the measure's name.
    Task,
    /// 具体内容, 主要内容, 工作措施: what it does.
    Content,
    /// 牵头单位, 牵头部门.
    Lead,
    /// 责任单位, 责任部门: the units in charge, or the others where a lead column exists.
    Duty,
    /// 配合单位, 参与单位.
    Partners,
    /// 完成时限, 时间节点, 完成时间.
    Deadline,
    /// Anything else.
    Other,
}

const HEADS: &[(&str, Column)] = &[
    ("序号", Column::Number),
    ("工作任务", Column::Task),
    ("重点任务", Column::Task),
    ("主要任务", Column::Task),
    ("任务", Column::Task),
    ("具体内容", Column::Content),
    ("主要内容", Column::Content),
    ("工作措施", Column::Content),
    ("具体措施", Column::Content),
    ("牵头单位", Column::Lead),
    ("牵头部门", Column::Lead),
    ("责任单位", Column::Duty),
    ("责任部门", Column::Duty),
    ("配合单位", Column::Partners),
    ("配合部门", Column::Partners),
    ("参与单位", Column::Partners),
    ("完成时限", Column::Deadline),
    ("完成时间", Column::Deadline),
    ("时间节点", Column::Deadline),
    ("时限", Column::Deadline),
];

/// One row of a 分工表: its cells (normalised byte ranges) by column.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub cells: Vec<(Column, (usize, usize))>,
    /// The row's line, start to end.
    pub span: (usize, usize),
}

impl Row {
    /// The first cell of a column.
    pub fn cell(&self, c: Column) -> Option<(usize, usize)> {
        self.cells.iter().find(|(k, _)| *k == c).map(|(_, r)| *r)
    }
}

/// The cells of `line` (ranges into `text`): split at tabs, bars or runs of two or more spaces.
fn cells(text: &str, line: &Line) -> Vec<(usize, usize)> {
    let t = &text[line.text_start..line.text_end];
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let sep_len = match c {
            '\t' | '|' | '│' => c.len_utf8(),
            ' ' if chars.peek().is_some_and(|&(_, n)| n == ' ') => c.len_utf8(),
            _ => continue,
        };
        let mut end = i + sep_len;
        while let Some(&(j, n)) = chars.peek() {
            if matches!(n, ' ' | '\t' | '|' | '│') {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if !t[start..i].trim().is_empty() {
            out.push(trimmed(t, start, i, line.text_start));
        }
        start = end;
    }
    if !t[start..].trim().is_empty() {
        out.push(trimmed(t, start, t.len(), line.text_start));
    }
    out
}

fn trimmed(t: &str, s: usize, e: usize, base: usize) -> (usize, usize) {
    let seg = &t[s..e];
    let lead = seg.len() - seg.trim_start().len();
    (base + s + lead, base + s + lead + seg.trim().len())
}

/// The rows of every 分工表 in `text`.
pub(crate) fn rows(text: &str, lines: &[Line]) -> Vec<Row> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let head = cells(text, &lines[i]);
        let columns: Vec<Column> = head
            .iter()
            .map(|&(s, e)| {
                let h: String = text[s..e].chars().filter(|c| !c.is_whitespace()).collect();
                HEADS
                    .iter()
                    .find(|(name, _)| h == *name)
                    .map_or(Column::Other, |(_, c)| *c)
            })
            .collect();
        let known = columns.iter().filter(|c| **c != Column::Other).count();
        let has_units = columns
            .iter()
            .any(|c| matches!(c, Column::Lead | Column::Duty));
        if head.len() < 3 || known < 3 || !has_units {
            i += 1;
            continue;
        }
        // A 责任单位 column beside a 牵头单位 one names the others.
        let lead_column = columns.contains(&Column::Lead);
        let columns: Vec<Column> = columns
            .into_iter()
            .map(|c| match c {
                Column::Duty if lead_column => Column::Partners,
                Column::Duty => Column::Lead,
                c => c,
            })
            .collect();
        i += 1;
        while i < lines.len() {
            if lines[i].is_blank() {
                i += 1;
                continue;
            }
            let row = cells(text, &lines[i]);
            if row.len() != columns.len() {
                break;
            }
            out.push(Row {
                cells: columns.iter().copied().zip(row).collect(),
                span: (lines[i].text_start, lines[i].text_end),
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn a_table_of_tasks() {
        let t = "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t责任单位\t完成时限\n\
                 1\t建设数据共享平台\t市数据局\t市财政局、各区政府\t2026年6月底前\n\
                 2  推行一件事一次办  市政务服务局  各区政府  2026年底前\n\
                 这一行不是表格。\n";
        let lines = split_lines(t);
        let rows = rows(t, &lines);
        assert_eq!(rows.len(), 2);
        let cell = |r: &Row, c| r.cell(c).map(|(s, e)| &t[s..e]);
        assert_eq!(cell(&rows[0], Column::Task), Some("建设数据共享平台"));
        assert_eq!(cell(&rows[0], Column::Lead), Some("市数据局"));
        assert_eq!(cell(&rows[0], Column::Partners), Some("市财政局、各区政府"));
        assert_eq!(cell(&rows[1], Column::Number), Some("2"));
        assert_eq!(cell(&rows[1], Column::Deadline), Some("2026年底前"));
    }

    #[test]
    fn prose_is_no_table() {
        let t = "牵头单位要会同责任单位，在完成时限内完成任务。\n序号 任务\n";
        let lines = split_lines(t);
        assert!(rows(t, &lines).is_empty());
    }
}
