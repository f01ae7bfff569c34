//! Outline blocks (`【提纲】…`, `目录`): items parsed even when they all run together on one line.

use super::markers::{parse_marker, Style};
use crate::lines::Line;
use crate::numerals::{is_cn_numeral_char, parse_int};

/// An outline item, normalised coordinates.
#[derive(Debug, Clone)]
pub(crate) struct RawItem {
    /// `None` for a `一是` style item.
    pub style: Option<Style>,
    pub ordinal: u32,
    pub marker: (usize, usize),
    pub heading: (usize, usize),
    pub level: u32,
}

/// A found outline block: the lines it takes and its items.
#[derive(Debug, Clone)]
pub(crate) struct OutlineBlock {
    pub lines: Vec<usize>,
    pub items: Vec<RawItem>,
}

const LABELS: &[&str] = &[
    "【提纲】",
    "【目录】",
    "【内容提要】",
    "提纲:",
    "目录:",
    "[提纲]",
];

fn compact(t: &str) -> String {
    t.chars().filter(|c| *c != ' ').collect()
}

/// Finds an outline block among the first lines of `text`.
pub(crate) fn find(text: &str, lines: &[Line]) -> Option<OutlineBlock> {
    let head: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .take(40)
        .collect();
    for &i in &head {
        let t = lines[i].text(text);
        if let Some(label) = LABELS.iter().find(|l| t.starts_with(*l)) {
            let from = lines[i].text_start + label.len();
            let items = parse_run(text, from, lines[i].text_end);
            if !items.is_empty() {
                return Some(OutlineBlock {
                    lines: vec![i],
                    items: levels(items),
                });
            }
        }
        if t.len() <= 24 && matches!(compact(t).as_str(), "目录" | "提纲") {
            // One item a line, until a line that is no item or repeats the first item.
            let mut taken = vec![i];
            let mut items: Vec<RawItem> = Vec::new();
            for &j in &lines_after(lines, i) {
                let lt = lines[j].text(text);
                let parsed = parse_run(text, lines[j].text_start, lines[j].text_end);
                let repeats = items.first().is_some_and(|f| {
                    text[f.marker.0..f.heading.1] == text[lines[j].text_start..lines[j].text_end]
                });
                if parsed.is_empty() || lt.chars().count() > 60 || repeats {
                    break;
                }
                taken.push(j);
                items.extend(parse_run(text, lines[j].text_start, lines[j].text_end));
            }
            if !items.is_empty() {
                return Some(OutlineBlock {
                    lines: taken,
                    items: levels(items),
                });
            }
        }
    }
    None
}

fn lines_after(lines: &[Line], i: usize) -> Vec<usize> {
    (i + 1..lines.len())
        .filter(|&j| !lines[j].is_blank())
        .collect()
}

/// A `一是` marker at the start of `t`: (ordinal, byte length).
pub(crate) fn shi_marker(t: &str) -> Option<(u32, usize)> {
    let num_len: usize = t
        .char_indices()
        .take_while(|&(_, c)| is_cn_numeral_char(c) && c != '万' && c != '亿')
        .map(|(_, c)| c.len_utf8())
        .sum();
    if num_len == 0 || !t[num_len..].starts_with('是') {
        return None;
    }
    let n = parse_int(&t[..num_len])? as u32;
    Some((n, num_len + '是'.len_utf8()))
}

/// Parses items that may run together: a marker opens an item at the start or after a
/// sentence end, a space or a bracket.
fn parse_run(text: &str, from: usize, to: usize) -> Vec<RawItem> {
    let seg = &text[from..to];
    let mut starts: Vec<(usize, Option<Style>, u32, usize)> = Vec::new();
    let mut at_boundary = true;
    for (i, c) in seg.char_indices() {
        if at_boundary {
            let rest = &seg[i..];
            if let Some(m) = parse_marker(rest) {
                starts.push((i, Some(m.style), m.ordinal, m.len));
            } else if let Some((n, len)) = shi_marker(rest) {
                starts.push((i, None, n, len));
            }
        }
        at_boundary = matches!(c, '。' | ';' | '!' | '?' | ' ' | '】' | ':');
    }
    let mut items = Vec::new();
    for (k, &(i, style, ordinal, len)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(seg.len(), |n| n.0);
        let h = seg[i + len..end].trim();
        let h = h.trim_end_matches(['。', ';', ':', ',', ' ']);
        let hs = from + i + len + (seg[i + len..end].len() - seg[i + len..end].trim_start().len());
        items.push(RawItem {
            style,
            ordinal,
            marker: (from + i, from + i + len),
            heading: (hs, hs + h.len()),
            level: 0,
        });
    }
    items
}

/// Levels by the conventional order of the styles present (an outline gives no other order);
/// `一是` items sit below all heading styles.
fn levels(mut items: Vec<RawItem>) -> Vec<RawItem> {
    let rank = |s: Option<Style>| s.map_or(u32::MAX, Style::rank);
    let mut ranks: Vec<u32> = items.iter().map(|i| rank(i.style)).collect();
    ranks.sort_unstable();
    ranks.dedup();
    for it in &mut items {
        it.level = ranks.iter().position(|&r| r == rank(it.style)).unwrap_or(0) as u32 + 1;
    }
    items
}
