//! Declared counts (`主要任务有三个:`, `抓好以下九个方面工作:`, `以上三项改革`) checked against the
//! point series or the headings they announce or sum up.

use std::sync::LazyLock;

use regex::Regex;

use super::points::{scope_of, FoundPoint};
use super::tree::Flat;
use crate::numerals::parse_int;

static FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(以下|如下|下列|有|包括|抓好|做好|讲|提出|强调|突出|把握好?|注意)([0-9]{1,2}|[一二三四五六七八九十两]{1,3})",
        r"(?:个|项|点|条|件|大)([\p{Han}]{0,8}?)(:|。|,)"
    ))
    .expect("count regex")
});
static BACKWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(以上|上述)([0-9]{1,2}|[一二三四五六七八九十两]{1,3})(?:个|项|点|条|件|大)")
        .expect("count regex")
});

/// A count the text declares, in normalised coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Declared {
    pub n: u32,
    pub start: usize,
    pub end: usize,
    pub forward: bool,
}

/// The char boundary at or before `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Windows where a forward declaration can stand: the 48 bytes before each `:` and the 48 after
/// each `以下/如下/下列`. Running the regex only there keeps this stage off the hot path.
fn forward_windows(text: &str) -> Vec<(usize, usize)> {
    const SPAN: usize = 48; // lead 6 + numeral 9 + measure word 3 + eight Han 24 + colon
    let bytes = text.as_bytes();
    let mut w: Vec<(usize, usize)> = memchr::memchr_iter(b':', bytes)
        .map(|c| (floor(text, c.saturating_sub(SPAN)), c + 1))
        .collect();
    for lead in ["以下", "如下", "下列"] {
        for at in memchr::memmem::find_iter(bytes, lead.as_bytes()) {
            w.push((at, floor(text, (at + lead.len() + SPAN).min(text.len()))));
        }
    }
    w.sort_unstable();
    // Merge overlapping windows so each declaration is seen once.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(w.len());
    for (a, b) in w {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Finds declared counts in the body `text`.
pub(crate) fn declared(text: &str) -> Vec<Declared> {
    let mut out = Vec::new();
    for (a, b) in forward_windows(text) {
        for c in FORWARD.captures_iter(&text[a..b]) {
            let lead = &c[1];
            let colon = &c[4] == ":";
            // `有三个:` or `以下九个方面…` announce a list; `有三个方面。` alone does not.
            if !(colon || matches!(lead, "以下" | "如下" | "下列")) {
                continue;
            }
            if let Some(n) = parse_int(&c[2]).filter(|n| (2..=20).contains(n)) {
                let m = c.get(0).expect("match");
                out.push(Declared {
                    n: n as u32,
                    start: a + m.start(),
                    end: a + m.end(),
                    forward: true,
                });
            }
        }
    }
    for c in BACKWARD.captures_iter(text) {
        if let Some(n) = parse_int(&c[2]).filter(|n| (2..=20).contains(n)) {
            let m = c.get(0).expect("match");
            out.push(Declared {
                n: n as u32,
                start: m.start(),
                end: m.end(),
                forward: false,
            });
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

/// What a declared count was compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Check {
    Matches,
    Mismatch {
        points: Option<u32>,
        headings: Option<u32>,
    },
    /// Nothing to compare with (a backward reference to something not enumerated).
    Unknown,
}

/// Items of an unmarked list after a colon: `方面5项:A;B;C;D;E。` → 5.
fn semicolon_items(text: &str, from: usize) -> Option<u32> {
    let rest = &text[from..];
    let end = rest.find(['。', '\n']).unwrap_or(rest.len());
    let n = rest[..end]
        .split(';')
        .filter(|s| !s.trim().is_empty())
        .count() as u32;
    (n >= 2).then_some(n)
}

fn series_len(points: &[FoundPoint], sid: usize) -> u32 {
    points.iter().filter(|p| p.series == sid).count() as u32
}

/// Whether point `p` lies inside a point of another series (a nested series).
fn nested(points: &[FoundPoint], p: &FoundPoint) -> bool {
    points
        .iter()
        .any(|q| q.series != p.series && q.span.0 < p.span.0 && p.span.1 <= q.span.1)
}

/// Compares a declared count with what follows (or precedes) it in the same section.
pub(crate) fn check(
    text: &str,
    d: &Declared,
    points: &[FoundPoint],
    flat: &[Flat],
    para_limit: usize,
) -> Check {
    let scope = scope_of(flat, d.start);
    let (pts, heads) = if d.forward {
        let first = points
            .iter()
            .find(|p| p.span.0 >= d.end && p.scope == scope && p.span.0 <= para_limit);
        let pts = first.map(|p| series_len(points, p.series));
        let depth = scope.map_or(0, |s| flat[s].depth);
        let heads = flat
            .iter()
            .position(|f| f.start >= d.end)
            .filter(|&k| flat[k].depth > depth)
            .map(|k| {
                let dk = flat[k].depth;
                flat[k..]
                    .iter()
                    .take_while(|f| f.depth >= dk)
                    .filter(|f| f.depth == dk)
                    .count() as u32
            });
        (pts, heads)
    } else {
        let last = points
            .iter()
            .rev()
            .find(|p| p.span.1 <= d.start && p.scope == scope && !nested(points, p));
        let pts = last.map(|p| series_len(points, p.series));
        let heads = scope.and_then(|s| {
            let child_depth = flat[s].depth + 1;
            let n = flat[s + 1..]
                .iter()
                .take_while(|f| f.depth >= child_depth && f.start < d.start)
                .filter(|f| f.depth == child_depth)
                .count() as u32;
            (n > 0).then_some(n)
        });
        (pts, heads)
    };
    let listed = d.forward.then(|| semicolon_items(text, d.end)).flatten();
    if pts == Some(d.n) || heads == Some(d.n) || listed == Some(d.n) {
        Check::Matches
    } else if !d.forward && pts.is_none() && heads.is_none() {
        Check::Unknown
    } else {
        Check::Mismatch {
            points: pts,
            headings: heads,
        }
    }
}
