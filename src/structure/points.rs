//! Inline enumerated points: `一是/二是`, `一要/二要`, `第一,/第二,`, `其一/其二`,
//! `首先/其次/再次/最后`, `一方面/另一方面`, and `——` bullet lines. A series starts at its first
//! member, continues one ordinal at a time inside one section, and needs two members.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use super::tree::Flat;
use crate::lines::{ends_sentence, Line};
use crate::numerals::to_cn;

/// A family of point markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    Shi,
    Yao,
    Di,
    Qi,
    Seq,
    FangMian,
    Dash,
}

/// `ordinal` 0 stands for 最后: whatever comes next.
const LAST: u32 = 0;

struct Patterns {
    ac: AhoCorasick,
    meta: Vec<(Family, u32)>,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let mut pats: Vec<String> = Vec::new();
    let mut meta = Vec::new();
    for n in 1..=20u64 {
        let cn = to_cn(n);
        for (fam, pat) in [
            (Family::Shi, format!("{cn}是")),
            (Family::Yao, format!("{cn}要")),
            (Family::Di, format!("第{cn}")),
        ] {
            pats.push(pat);
            meta.push((fam, n as u32));
        }
        if n <= 10 {
            pats.push(format!("其{cn}"));
            meta.push((Family::Qi, n as u32));
        }
    }
    for (p, fam, n) in [
        ("首先", Family::Seq, 1),
        ("其次", Family::Seq, 2),
        ("再次", Family::Seq, 3),
        ("最后", Family::Seq, LAST),
        ("一方面", Family::FangMian, 1),
        ("另一方面", Family::FangMian, 2),
    ] {
        pats.push(p.to_string());
        meta.push((fam, n));
    }
    // Anchored searches at boundaries only (a marker follows punctuation, a space or a line
    // start), with a full DFA: in CJK text no prefilter helps an unanchored scan.
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&pats)
        .expect("point patterns build");
    Patterns { ac, meta }
});

/// A point found, normalised coordinates.
#[derive(Debug, Clone)]
pub(crate) struct FoundPoint {
    pub family: Family,
    pub ordinal: u32,
    pub marker: (usize, usize),
    pub lead: (usize, usize),
    pub span: (usize, usize),
    pub series: usize,
    pub scope: Option<usize>,
}

fn needs_punct_after(f: Family) -> bool {
    matches!(f, Family::Di | Family::Qi | Family::Seq)
}

/// The deepest heading whose span holds `pos`: the last heading starting at or before it, or
/// the nearest of its ancestors that reaches it.
pub(crate) fn scope_of(flat: &[Flat], pos: usize) -> Option<usize> {
    let mut at = flat.partition_point(|f| f.start <= pos).checked_sub(1)?;
    loop {
        let f = &flat[at];
        if pos < f.end.max(f.start + 1) {
            return Some(at);
        }
        at = f.parent?;
    }
}

/// For each line, the end of the paragraph it belongs to. A paragraph runs on over lines that a
/// scraper broke mid-sentence (and over removed furniture between them), and ends at a finished
/// sentence or before a heading or bullet.
pub(crate) fn paragraph_ends(text: &str, lines: &[Line]) -> Vec<usize> {
    let mut ends = vec![0; lines.len()];
    // The paragraph end of the next non-blank line, and whether that line opens a block.
    let mut next: Option<(usize, bool)> = None;
    for i in (0..lines.len()).rev() {
        let l = &lines[i];
        if l.is_blank() {
            ends[i] = l.text_end;
            continue;
        }
        let t = l.text(text);
        ends[i] = match next {
            Some((e, false)) if !ends_sentence(t) => e,
            _ => l.text_end,
        };
        let opens_block = super::markers::parse_marker(t).is_some() || t.starts_with("——");
        next = Some((ends[i], opens_block));
    }
    ends
}

struct Candidate {
    family: Family,
    ordinal: u32,
    start: usize,
    end: usize,
}

/// The UTF-8 bytes of a three-byte character as one number.
const fn key3(c: char) -> u32 {
    let c = c as u32;
    assert!(c >= 0x800 && c <= 0xFFFF);
    (0xE0 | c >> 12) << 16 | (0x80 | (c >> 6 & 0x3F)) << 8 | (0x80 | (c & 0x3F))
}

/// The characters every point marker starts with, as [`key3`] numbers.
const FIRST: [u32; 16] = [
    key3('一'),
    key3('二'),
    key3('三'),
    key3('四'),
    key3('五'),
    key3('六'),
    key3('七'),
    key3('八'),
    key3('九'),
    key3('十'),
    key3('第'),
    key3('其'),
    key3('首'),
    key3('再'),
    key3('最'),
    key3('另'),
];

/// Whether one of the [`FIRST`] characters starts at `at`.
#[inline]
fn may_start_marker(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at..at + 3) {
        Some(&[a, b, c]) => FIRST.contains(&((a as u32) << 16 | (b as u32) << 8 | c as u32)),
        _ => false,
    }
}

/// Byte offsets just after a boundary (and 0) where a marker character follows, in order: where
/// a point marker may start. Besides ASCII, the boundaries are the CJK punctuation `。、「」】`
/// (E3 80 xx) and `—…‘’“”` (E2 80 xx).
fn marker_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 256);
    if may_start_marker(bytes, 0) {
        out.push(0);
    }
    // The boundary bytes, three at a time with SIMD (memchr3): a few fast passes over the
    // text instead of a look at every byte.
    for [a, b, c] in [
        [b',', b'\n', b' '],
        [b';', b':', b'\t'],
        [b'\r', b'(', b')'],
        [b'!', b'?', b'"'],
    ] {
        for i in memchr::memchr3_iter(a, b, c, bytes) {
            if may_start_marker(bytes, i + 1) {
                out.push(i + 1);
            }
        }
    }
    for i in memchr::memchr2_iter(0xE2, 0xE3, bytes) {
        if bytes.get(i + 1) != Some(&0x80) {
            continue;
        }
        let third = bytes.get(i + 2).copied().unwrap_or(0);
        let hit = if bytes[i] == 0xE3 {
            matches!(third, 0x81 | 0x82 | 0x8C | 0x8D | 0x91) // 、。「」】
        } else {
            matches!(third, 0x94 | 0xA6 | 0x98 | 0x99 | 0x9C | 0x9D) // —…‘’“”
        };
        if hit && may_start_marker(bytes, i + 3) {
            out.push(i + 3);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn candidates(text: &str, lines: &[Line]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for at in marker_starts(text) {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let Some(m) = PATTERNS.ac.find(input) else {
            continue;
        };
        let (family, ordinal) = PATTERNS.meta[m.pattern().as_usize()];
        if needs_punct_after(family) && !text[m.end()..].starts_with([',', ':', '、', ' ', '，'])
        {
            continue;
        }
        out.push(Candidate {
            family,
            ordinal,
            start: m.start(),
            end: m.end(),
        });
    }
    for l in lines {
        if !l.is_blank() && text[l.text_start..l.text_end].starts_with("——") {
            let after = &text[l.text_start..l.text_end];
            let dashes = after.len() - after.trim_start_matches('—').len();
            out.push(Candidate {
                family: Family::Dash,
                ordinal: 0,
                start: l.text_start,
                end: l.text_start + dashes,
            });
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Finds the point series of the body `text`.
pub(crate) fn points(text: &str, lines: &[Line], flat: &[Flat]) -> Vec<FoundPoint> {
    let para_end = paragraph_ends(text, lines);
    let line_of = |pos: usize| lines.partition_point(|l| l.start <= pos).saturating_sub(1);

    // Series as lists of candidate indices.
    let cands = candidates(text, lines);
    let mut series: Vec<Vec<usize>> = Vec::new();
    let mut open: HashMap<(Option<usize>, Family), (usize, u32)> = HashMap::new();
    let mut last_dash_line: Option<(usize, usize)> = None; // (series, line)
    for (ci, c) in cands.iter().enumerate() {
        let scope = scope_of(flat, c.start);
        let key = (scope, c.family);
        if c.family == Family::Dash {
            let li = line_of(c.start);
            // Bullets continue while only blank lines stand between them.
            match last_dash_line {
                Some((s, prev))
                    if lines[prev + 1..li].iter().all(Line::is_blank)
                        && open.get(&key).is_some_and(|o| o.0 == s) =>
                {
                    series[s].push(ci);
                    open.insert(key, (s, series[s].len() as u32));
                    last_dash_line = Some((s, li));
                }
                _ => {
                    series.push(vec![ci]);
                    let s = series.len() - 1;
                    open.insert(key, (s, 1));
                    last_dash_line = Some((s, li));
                }
            }
            continue;
        }
        let continues = open.get(&key).and_then(|&(s, last)| {
            let ok = if c.ordinal == LAST {
                last >= 1
            } else {
                c.ordinal == last + 1
            };
            ok.then_some(s)
        });
        if let Some(s) = continues {
            series[s].push(ci);
            let last = open[&key].1 + 1;
            if c.ordinal == LAST {
                open.remove(&key);
            } else {
                open.insert(key, (s, last));
            }
        } else if c.ordinal == 1 {
            series.push(vec![ci]);
            open.insert(key, (series.len() - 1, 1));
        }
    }

    // A point ends where the next marker of its family stands: the next member of its series,
    // or the first of a series that starts again (`一是…，二是…，一是…` on one line).
    let mut next_of_family = vec![usize::MAX; cands.len()];
    let mut seen: HashMap<Family, usize> = HashMap::new();
    for (ci, c) in cands.iter().enumerate().rev() {
        if let Some(&n) = seen.get(&c.family) {
            next_of_family[ci] = cands[n].start;
        }
        seen.insert(c.family, ci);
    }
    let mut out = Vec::new();
    for members in series.iter().filter(|m| m.len() >= 2) {
        let sid = out.len();
        for (k, &ci) in members.iter().enumerate() {
            let c = &cands[ci];
            let pend = para_end[line_of(c.start)];
            let end = pend.min(next_of_family[ci]);
            let end = c.end.max(text[..end].trim_end().len());
            out.push(FoundPoint {
                family: c.family,
                ordinal: k as u32 + 1,
                marker: (c.start, c.end),
                lead: lead(text, c.end, end),
                span: (c.start, end),
                series: sid,
                scope: scope_of(flat, c.start),
            });
        }
    }
    // Series ids follow the first member's position.
    out.sort_by_key(|p| p.span.0);
    out
}

/// The longest lead kept, in characters: a point's first sentence is a summary, and a text
/// without full stops must not make every lead the rest of the paragraph.
const MAX_LEAD_CHARS: usize = 200;

/// The first sentence or clause after the marker, at most [`MAX_LEAD_CHARS`] long.
fn lead(text: &str, from: usize, to: usize) -> (usize, usize) {
    let seg = &text[from..to];
    let skipped = seg.len() - seg.trim_start_matches([',', ':', '、', ' ', '，']).len();
    let s = from + skipped;
    let body = &text[s..to];
    let e = body.find(['。', '!', '?', ';']).map_or(to, |p| s + p);
    let e = text[s..e]
        .char_indices()
        .nth(MAX_LEAD_CHARS)
        .map_or(e, |(i, _)| s + i);
    let trimmed = text[s..e].trim_end_matches([',', ':', ' ', '、']);
    (s, s + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn found(t: &str) -> Vec<(String, u32, String)> {
        let lines = split_lines(t);
        points(t, &lines, &[])
            .into_iter()
            .map(|p| {
                (
                    t[p.marker.0..p.marker.1].to_string(),
                    p.ordinal,
                    t[p.lead.0..p.lead.1].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn inline_series() {
        let got = found("任务有三个:一是回头看,盘点得失;二是再推进;三是谋划明年。下面讲几点。");
        assert_eq!(
            got,
            vec![
                ("一是".into(), 1, "回头看,盘点得失".into()),
                ("二是".into(), 2, "再推进".into()),
                ("三是".into(), 3, "谋划明年".into()),
            ]
        );
    }

    #[test]
    fn not_points() {
        // 统一是 is a word; a lone 一方面 or 首先 is no series; 第一次 is no point.
        for t in [
            "标准统一是前提。二是",
            "一方面要看到成绩。",
            "首先,要学习。",
            "第一次会议。第二次会议。",
            "进一步,一体化。",
        ] {
            assert_eq!(found(t), vec![], "{t}");
        }
    }

    #[test]
    fn sequence_words_and_sides() {
        let t = "首先,站位要高。\n其次,切口要小。\n最后,落实要实。\n";
        let got: Vec<u32> = found(t).iter().map(|p| p.1).collect();
        assert_eq!(got, [1, 2, 3]);
        let t =
            "核心在于精准。一方面,保障要更精准。要识别对象。另一方面,市场要更健康。要落实政策。";
        let got = found(t);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].2, "市场要更健康");
    }

    #[test]
    fn dash_bullets() {
        let t = "目标是:\n——经济稳定增长。\n——结构持续优化。\n\n——民生不断改善。\n正文。\n";
        let got = found(t);
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].2, "民生不断改善");
    }

    #[test]
    fn point_spans_stop_at_paragraph_end() {
        let t = "第一,要优化环境。要推进改革。\n第二,要培育动能。\n";
        let lines = split_lines(t);
        let p = points(t, &lines, &[]);
        assert_eq!(
            &t[p[0].span.0..p[0].span.1],
            "第一,要优化环境。要推进改革。"
        );
        assert_eq!(&t[p[1].span.0..p[1].span.1], "第二,要培育动能。");
    }
}
