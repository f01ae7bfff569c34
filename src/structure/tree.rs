//! The heading tree. A marker opens a heading only when it continues a series already open at
//! some level (`三、` after `二、`) or starts a new one (`一、`, `(1)`) under the current
//! section; levels follow from the order in which styles appear, not from a fixed table.
//! 第X条 runs through the whole text across 章 and 节. A line `附件` starts a new tree.

use std::collections::HashMap;

use super::markers::{parse_marker, Style};
use crate::lines::Line;

/// A heading found in the body, in normalised coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Flat {
    pub depth: u32,
    pub style: Style,
    pub ordinal: u32,
    pub marker: (usize, usize),
    pub heading: (usize, usize),
    pub start: usize,
    pub end: usize,
    /// The ordinals from the root down to this section.
    pub path: Vec<u32>,
    /// The index of the enclosing heading.
    pub parent: Option<usize>,
}

struct Open {
    style: Style,
    ordinal: u32,
    index: usize,
}

/// A line that opens an annex: `附件`, `附件2`, `附件:` alone, or with the annex's title
/// (`附件1:东江市重点任务清单`, `附件 东江市…`) but not a sentence (`附件所列事项…。`). Returns
/// the annex's number, if written, and the byte length of its marker (`附件1`).
fn attachment_line(t: &str) -> Option<(Option<u32>, usize)> {
    let rest = t.strip_prefix("附件")?;
    let is_num =
        |c: char| c.is_ascii_digit() || crate::numerals::cn_digit(c).is_some() || c == '十';
    let after = rest.trim_start_matches(is_num);
    let digits = &rest[..rest.len() - after.len()];
    if digits.len() > 3 * '十'.len_utf8() {
        return None;
    }
    let mut number = crate::numerals::parse_int(digits).and_then(|n| u32::try_from(n).ok());
    let mut marker = "附件".len() + digits.len();
    let mut after = after;
    // `附件:1.某某清单`: the annex's number after the colon.
    if digits.is_empty() {
        let listed = after.trim_start_matches([':', ' ']);
        let n = listed.trim_start_matches(|c: char| c.is_ascii_digit());
        if n.len() < listed.len() && n.starts_with(['.', '、']) {
            number = listed[..listed.len() - n.len()].parse().ok();
            marker = t.len() - n.len() + 1;
            after = &n[1..];
        }
    }
    let title = after.trim_start_matches([':', ' ', '.', '、']).trim();
    if title.is_empty() {
        return Some((number, marker));
    }
    let separated = number.is_some() || after.starts_with([':', ' ']);
    (separated && !title.ends_with(['。', ';', ',']) && title.chars().count() <= 60)
        .then_some((number, marker))
}

/// The bytes of a Markdown heading's `#` marks and the space after them (`## 第二章` → 3), or 0.
fn markdown_prefix(t: &str) -> usize {
    let hashes = t.len() - t.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        hashes + 1
    } else {
        0
    }
}

/// A line that is only `注释` (or `注 释`, `注释:`): the notes of a report follow.
fn is_notes_line(t: &str) -> bool {
    t.starts_with('注')
        && t.chars()
            .filter(|c| !matches!(c, ' ' | ':'))
            .eq("注释".chars())
}

/// A line that is only `序言` (`序 言`).
fn is_preamble_line(t: &str) -> bool {
    t.starts_with('序') && t.chars().filter(|&c| c != ' ').eq("序言".chars())
}

/// `[1]` (full-width `［1］` folded) at the start of a note: its number and marker length.
fn note_marker(t: &str) -> Option<(u32, usize)> {
    let rest = t.strip_prefix('[')?;
    let close = rest.find(']')?;
    let n: u32 = rest[..close].parse().ok()?;
    (close <= 4 && n > 0).then_some((n, 1 + close + 1))
}

/// Finds the headings of `text` (the body, with everything else blanked) in `lines`.
pub(crate) fn headings(text: &str, lines: &[Line]) -> Vec<Flat> {
    let mut out: Vec<Flat> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut last_tiao = 0u32;
    // Line index of each heading, to find where sections end.
    let mut at_line: Vec<usize> = Vec::new();
    let mut annexes = 0u32;
    let mut unnumbered: Vec<usize> = Vec::new();
    // Built the first time a series restarts below its own style.
    let mut later: Option<Later> = None;
    let mut last_of_style: HashMap<Style, LastOfStyle> = HashMap::new();

    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let t = line.text(text);
        // Blocks beside the body's own numbering: an annex (its own tree below it), the notes
        // (each `[N]` below them), a preamble (closed by the first chapter).
        let block = if let Some((number, len)) = attachment_line(t) {
            annexes += 1;
            if number.is_none() {
                unnumbered.push(out.len());
            }
            Some((Style::Annex, number.unwrap_or(annexes), len))
        } else if is_notes_line(t) {
            Some((Style::Notes, 1, t.len()))
        } else if is_preamble_line(t) {
            Some((Style::Preamble, 1, t.len()))
        } else {
            None
        };
        if let Some((style, ordinal, len)) = block {
            stack.clear();
            last_of_style.clear();
            last_tiao = 0;
            let marker = (line.text_start, line.text_start + len);
            let heading = if style == Style::Annex {
                heading_range(text, lines, i, marker.1, style)
            } else {
                marker
            };
            if style != Style::Preamble {
                stack.push(Open {
                    style,
                    ordinal,
                    index: out.len(),
                });
            }
            out.push(Flat {
                depth: 1,
                style,
                ordinal,
                marker,
                heading,
                start: line.text_start,
                end: line.text_end,
                path: vec![ordinal],
                parent: None,
            });
            at_line.push(i);
            continue;
        }
        if let Some((ordinal, len)) =
            note_marker(t).filter(|_| stack.first().is_some_and(|o| o.style == Style::Notes))
        {
            stack.truncate(1);
            let marker = (line.text_start, line.text_start + len);
            out.push(Flat {
                depth: 2,
                style: Style::Note,
                ordinal,
                marker,
                heading: heading_range(text, lines, i, marker.1, Style::Note),
                start: line.text_start,
                end: line.text_end,
                path: vec![1, ordinal],
                parent: Some(stack[0].index),
            });
            at_line.push(i);
            continue;
        }
        // A Markdown heading (`## 第二章 总则`) is the chapter it names.
        let md = markdown_prefix(t);
        let Some(m) = parse_marker(&t[md..]) else {
            continue;
        };
        let depth = if m.style == Style::Tiao {
            let in_chapter = stack.iter().any(|o| o.style.holds_articles());
            let continues = match m.sub {
                None => m.ordinal == last_tiao + 1,
                Some(_) => m.ordinal == last_tiao,
            } || (last_tiao == 0 && in_chapter); // an excerpt of a code starts where it starts
            if !continues {
                continue;
            }
            last_tiao = m.ordinal;
            while stack.last().is_some_and(|o| !o.style.holds_articles()) {
                stack.pop();
            }
            stack.len()
        } else if let Some(k) = stack
            .iter()
            .rposition(|o| o.style == m.style && o.ordinal + 1 == m.ordinal)
        {
            stack.truncate(k);
            k
        } else if m.ordinal == 1 && !m.digit_follows {
            // A new series. A list restarting in the same parent replaces the old one. When its
            // style is open further up, it nests (a 一、 list inside a (三) of part 二、, as old
            // reports have) only if that series goes on later (a 三、 after the 二、 still
            // comes); else it restarts at that style's level, the same block numbered again
            // (`一、…（一）…①…` repeated, an annex). A style is open at most twice, so the tree is
            // at most twice as deep as there are styles.
            if let Some(k) = stack.iter().rposition(|o| o.style == m.style) {
                let twice = stack[..k].iter().any(|o| o.style == m.style);
                let mut goes_on = || {
                    later.get_or_insert_with(|| Later::new(text, lines)).has(
                        m.style,
                        stack[k].ordinal + 1,
                        i,
                    )
                };
                if k + 1 == stack.len() || twice || !goes_on() {
                    stack.truncate(k);
                }
            }
            stack.len()
        } else if last_of_style.get(&m.style).is_some_and(|l| {
            // A series that runs on across its parents (（一）1. 2.｜（二）3. 4.): the last
            // heading of this style was the one before, one level down from a sibling of the
            // parent it now gets.
            l.ordinal + 1 == m.ordinal
                && l.depth == stack.len() + 1
                && stack.last().map(|o| o.style) == l.parent_style
                && stack.last().map(|o| o.index) != l.parent
        }) {
            stack.len()
        } else {
            continue;
        };
        let parent = stack.last().map(|o| o.index);
        last_of_style.insert(
            m.style,
            LastOfStyle {
                ordinal: m.ordinal,
                depth: depth + 1,
                parent,
                parent_style: stack.last().map(|o| o.style),
            },
        );
        stack.push(Open {
            style: m.style,
            ordinal: m.ordinal,
            index: out.len(),
        });
        let marker = (line.text_start + md, line.text_start + md + m.len);
        let heading = heading_range(text, lines, i, marker.1, m.style);
        let path = stack.iter().map(|o| o.ordinal).collect();
        out.push(Flat {
            depth: depth as u32 + 1,
            style: m.style,
            ordinal: m.ordinal,
            marker,
            heading,
            start: line.text_start,
            end: line.text_end,
            path,
            parent,
        });
        at_line.push(i);
    }
    let (mut out, at_line) = drop_annex_lists(text, out, at_line, &unnumbered);
    set_ends(&mut out, &at_line, lines);
    out
}

/// A notice lists its annexes after the signature (`附件：XX方案`) and then gives them
/// (`附件\nXX方案\n一、…`): the listing is no block of its own. An annex line with nothing
/// under it goes where a later annex has its number or its title; annexes without a number
/// are then numbered in order.
fn drop_annex_lists(
    text: &str,
    out: Vec<Flat>,
    at_line: Vec<usize>,
    unnumbered: &[usize],
) -> (Vec<Flat>, Vec<usize>) {
    let annex: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].style == Style::Annex)
        .collect();
    if annex.len() < 2 {
        return (out, at_line);
    }
    let title = |i: usize| {
        text[out[i].heading.0..out[i].heading.1]
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | ' '))
    };
    let same = |i: usize, j: usize| {
        let (a, b) = (title(i), title(j));
        let short = if a.len() < b.len() { a } else { b };
        (out[i].ordinal == out[j].ordinal && !unnumbered.contains(&j))
            || (short.chars().count() >= 6 && (a.starts_with(short) && b.starts_with(short)))
    };
    let mut drop = vec![false; out.len()];
    for (k, &i) in annex.iter().enumerate() {
        let childless = out.get(i + 1).is_none_or(|n| n.parent != Some(i));
        if childless && annex[k + 1..].iter().any(|&j| same(i, j)) {
            drop[i] = true;
        }
    }
    if !drop.contains(&true) {
        return (out, at_line);
    }
    let mut new_index = vec![0usize; out.len()];
    let mut kept = Vec::with_capacity(out.len());
    let mut lines_kept = Vec::with_capacity(out.len());
    let mut count = 0u32;
    for (i, (mut f, line)) in out.into_iter().zip(at_line).enumerate() {
        if drop[i] {
            continue;
        }
        new_index[i] = kept.len();
        f.parent = f.parent.map(|p| new_index[p]);
        if f.style == Style::Annex {
            count += 1;
            if unnumbered.contains(&i) {
                f.ordinal = count;
                f.path = vec![count];
            }
        }
        kept.push(f);
        lines_kept.push(line);
    }
    (kept, lines_kept)
}

/// The last heading of a style: its ordinal, depth and parent.
struct LastOfStyle {
    ordinal: u32,
    depth: usize,
    parent: Option<usize>,
    parent_style: Option<Style>,
}

/// The lines of every marker by style and ordinal, to ask whether a series goes on later.
struct Later(HashMap<(Style, u32), Vec<usize>>);

impl Later {
    fn new(text: &str, lines: &[Line]) -> Later {
        let mut at: HashMap<(Style, u32), Vec<usize>> = HashMap::new();
        for (i, l) in lines.iter().enumerate() {
            if let Some(m) = (!l.is_blank())
                .then(|| {
                    let t = l.text(text);
                    parse_marker(&t[markdown_prefix(t)..])
                })
                .flatten()
            {
                at.entry((m.style, m.ordinal)).or_default().push(i);
            }
        }
        Later(at)
    }

    /// Whether a marker of `style` numbered `ordinal` stands on a line after `line`.
    fn has(&self, style: Style, ordinal: u32, line: usize) -> bool {
        self.0
            .get(&(style, ordinal))
            .is_some_and(|v| v.last().is_some_and(|&l| l > line))
    }
}

/// A section ends at the end of the last non-blank line before the next heading at its level or
/// above, or before the end of the body. One pass with a stack of the sections still open, so
/// that a long run of headings costs no more than its length.
fn set_ends(out: &mut [Flat], at_line: &[usize], lines: &[Line]) {
    // For each line, the end of the last non-blank line before it.
    let mut text_end_before = Vec::with_capacity(lines.len() + 1);
    let mut last = None;
    for l in lines {
        text_end_before.push(last);
        if !l.is_blank() {
            last = Some(l.text_end);
        }
    }
    text_end_before.push(last);
    let mut next_line = vec![lines.len(); out.len()];
    let mut open: Vec<usize> = Vec::new();
    for k in 0..out.len() {
        while let Some(&j) = open.last().filter(|&&j| out[j].depth >= out[k].depth) {
            next_line[j] = at_line[k];
            open.pop();
        }
        open.push(k);
    }
    for j in 0..out.len() {
        if let Some(end) = text_end_before[next_line[j]] {
            out[j].end = out[j].end.max(end);
        }
    }
}

/// The heading: the rest of the line for chapters, else its first sentence; when the marker
/// stands alone, the first sentence of the next line that is not blank, unless that line is a
/// marker or an annex line.
fn heading_range(
    text: &str,
    lines: &[Line],
    i: usize,
    after: usize,
    style: Style,
) -> (usize, usize) {
    let line = &lines[i];
    let skip = |s: usize, e: usize| {
        let r = &text[s..e];
        s + (r.len() - r.trim_start_matches([' ', ':', '.', '、', '\t']).len())
    };
    let mut s = skip(after, line.text_end);
    let mut e = line.text_end;
    if s >= e {
        match lines[i + 1..].iter().find(|l| !l.is_blank()) {
            // Neither a marker nor an annex line (`附件1:`), which opens a block of its own.
            Some(next)
                if parse_marker(next.text(text)).is_none()
                    && attachment_line(next.text(text)).is_none() =>
            {
                s = next.text_start;
                e = next.text_end;
            }
            _ => return (s, s),
        }
    }
    if !style.whole_line_heading() {
        if let Some(p) = text[s..e].find(['。', '!', '?']) {
            e = s + p;
        }
    }
    let trimmed = text[s..e].trim_end_matches(['。', ';', ':', '；', '：', ',', ' ']);
    (s, s + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn tree(t: &str) -> Vec<(u32, u32, String)> {
        let lines = split_lines(t);
        headings(t, &lines)
            .into_iter()
            .map(|f| (f.depth, f.ordinal, t[f.heading.0..f.heading.1].to_string()))
            .collect()
    }

    #[test]
    fn an_annex_line_is_no_heading_of_the_marker_before() {
        // The line between is blank (front matter taken out of the body leaves it so).
        let t = "(1)\n\n附件1:\n(1)\n正文\n";
        let got = tree(t);
        assert_eq!(got[0], (1, 1, String::new()), "{got:?}");
    }

    #[test]
    fn series_and_levels() {
        let t = "一、总体要求\n(一)指导思想。以新时代为指导。\n(二)基本原则\n正文。\n二、重点任务\n(一)稳增长\n1.扩大投资\n2.促进消费\n三、保障措施\n";
        assert_eq!(
            tree(t),
            vec![
                (1, 1, "总体要求".into()),
                (2, 1, "指导思想".into()),
                (2, 2, "基本原则".into()),
                (1, 2, "重点任务".into()),
                (2, 1, "稳增长".into()),
                (3, 1, "扩大投资".into()),
                (3, 2, "促进消费".into()),
                (1, 3, "保障措施".into()),
            ]
        );
    }

    #[test]
    fn stray_markers_do_not_open_headings() {
        // 三、 without 二、, and a decimal at a line start.
        let t = "一、回顾\n三、这一行只是正文\n1.2亿元的投入\n二、任务\n";
        assert_eq!(tree(t), vec![(1, 1, "回顾".into()), (1, 2, "任务".into())]);
    }

    #[test]
    fn articles_run_across_chapters() {
        let t = "第一章 总 则\n第一条 为了规范管理,制定本办法。\n第二条 本办法适用于全市。\n第二章 管理\n第三条 各部门应当履行职责。\n第三条之一 补充规定。\n第四条 附则。\n";
        let got = tree(t);
        let ords: Vec<(u32, u32)> = got.iter().map(|g| (g.0, g.1)).collect();
        assert_eq!(
            ords,
            [(1, 1), (2, 1), (2, 2), (1, 2), (2, 3), (2, 3), (2, 4)]
        );
        assert_eq!(got[0].2, "总 则");
        assert_eq!(got[1].2, "为了规范管理,制定本办法");
    }

    #[test]
    fn marker_alone_takes_next_line() {
        let t = "一、\n继续增加基础设施投资。\n二、\n适当控制非生产性建设。\n";
        assert_eq!(
            tree(t),
            vec![
                (1, 1, "继续增加基础设施投资".into()),
                (1, 2, "适当控制非生产性建设".into())
            ]
        );
    }

    #[test]
    fn numbering_runs_on_across_parents() {
        // State Council layout: measures numbered through the parts (（一）1. 2.｜（二）3.).
        let t = "一、主要任务\n(一)打造加工制造中心\n1.拓展两个市场。\n2.提前适用政策。\n\
                 (二)打造研发设计中心\n3.促进研发创新。\n4.建设创新高地。\n二、有关要求\n\
                 各部门要抓好落实。\n3.这一行不接续\n";
        let got: Vec<(u32, u32)> = tree(t).iter().map(|g| (g.0, g.1)).collect();
        assert_eq!(
            got,
            [
                (1, 1),
                (2, 1),
                (3, 1),
                (3, 2),
                (2, 2),
                (3, 3),
                (3, 4),
                (1, 2)
            ]
        );
        // Articles numbered 一、 through chapters.
        let t = "第一章 总则\n一、甲。\n二、乙。\n第二章 职责\n三、丙。\n四、丁。\n";
        let got: Vec<(u32, u32)> = tree(t).iter().map(|g| (g.0, g.1)).collect();
        assert_eq!(got, [(1, 1), (2, 1), (2, 2), (1, 2), (2, 3), (2, 4)]);
    }

    #[test]
    fn an_annex_is_a_block_with_its_own_tree() {
        let t = "一、总体要求\n二、工作任务\n附件\n某某实施方案\n一、目标\n二、措施\n";
        assert_eq!(
            tree(t),
            vec![
                (1, 1, "总体要求".into()),
                (1, 2, "工作任务".into()),
                (1, 1, "某某实施方案".into()),
                (2, 1, "目标".into()),
                (2, 2, "措施".into()),
            ]
        );
        let t = "一、甲\n二、乙\n附件2:重点项目清单\n1.项目一\n2.项目二\n";
        let lines = split_lines(t);
        let got = headings(t, &lines);
        assert_eq!((got[2].style, got[2].ordinal), (Style::Annex, 2));
        assert_eq!(&t[got[2].marker.0..got[2].marker.1], "附件2");
        assert_eq!(&t[got[2].heading.0..got[2].heading.1], "重点项目清单");
        assert_eq!((got[3].depth, got[4].depth), (2, 2));
        // 附件所列…。 is a sentence, not an annex.
        assert_eq!(tree("一、甲\n附件所列事项按规定办理。\n二、乙\n").len(), 2);
    }

    #[test]
    fn notes_and_preamble_are_blocks() {
        let t = "一、回顾\n正文。\n二、任务\n正文。\n注释\n[1]四个自信:指道路自信等。\n[2]两个维护:略。\n";
        let lines = split_lines(t);
        let got = headings(t, &lines);
        let rows: Vec<(Style, u32, u32, &str)> = got
            .iter()
            .map(|f| (f.style, f.depth, f.ordinal, &t[f.heading.0..f.heading.1]))
            .collect();
        assert_eq!(
            rows,
            [
                (Style::CnComma, 1, 1, "回顾"),
                (Style::CnComma, 1, 2, "任务"),
                (Style::Notes, 1, 1, "注释"),
                (Style::Note, 2, 1, "四个自信:指道路自信等"),
                (Style::Note, 2, 2, "两个维护:略"),
            ]
        );
        // The task section ends before the notes.
        assert!(got[1].end < got[2].start);
        // [1] outside notes is no heading; a preamble closes at the first chapter.
        assert_eq!(tree("一、甲\n[1]引文。\n").len(), 1);
        let t = "序言\n中国是…。\n第一章 总纲\n第一条 甲。\n";
        let lines = split_lines(t);
        let got = headings(t, &lines);
        let rows: Vec<(Style, u32)> = got.iter().map(|f| (f.style, f.depth)).collect();
        assert_eq!(
            rows,
            [(Style::Preamble, 1), (Style::Zhang, 1), (Style::Tiao, 2)]
        );
    }
}
