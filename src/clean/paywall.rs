//! Paywall and preview notices of document-sharing sites, omission markers, and the figures
//! they give (`全文3388字`, `当前显示2078字`, `还剩1310字`, `此处省略660字`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::TruncationAt;

struct Cues {
    ac: AhoCorasick,
    strong: Vec<bool>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut pats = Vec::new();
    let mut strong = Vec::new();
    for line in include_str!("../data/paywall_cues.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (kind, cue) = line.split_once('\t').expect("kind<TAB>cue");
        pats.push(cue);
        strong.push(kind == "strong");
    }
    // Leftmost-longest: `下载文档` (strong) wins over `下载` (weak) at the same place, and the
    // search can use a SIMD prefilter.
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(pats)
        .expect("paywall cues build");
    Cues { ac, strong }
});

static PRICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:本文|本文档|价格|售价)[::]?\s*[0-9]+(?:\.[0-9]+)?\s*(?:元|金币|积分|下载券)$")
        .expect("price regex")
});
static DECLARED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"全文(?:共)?\s*([0-9]+)\s*字").expect("regex"));
static SHOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:当前显示|已显示|显示了|可预览|预览了?)\s*([0-9]+)\s*字").expect("regex")
});
static REMAINING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:还剩|剩余|剩下)\s*([0-9]+)\s*字").expect("regex"));
static OMITTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"此处(?:已)?省略(?:了)?\s*([0-9]+)?\s*(?:字|个字)?").expect("regex")
});

/// A paywall or preview notice: one strong cue, two weak cues, or a price line. A line of two
/// sentences or more is prose that happens to name a cue.
pub(super) fn is_paywall(t: &str) -> bool {
    if PRICE.is_match(t) {
        return true;
    }
    // Two different weak cues: `会员` twice in an article on a trade body's members is none.
    let mut first_weak = None;
    let mut cued = false;
    for m in CUES.ac.find_iter(t) {
        let id = m.pattern().as_usize();
        if CUES.strong[id] || first_weak.is_some_and(|f| f != id) {
            cued = true;
            break;
        }
        first_weak = Some(id);
    }
    // Most lines have no cue: the sentence count is taken only for those that do.
    cued && t.matches('。').count() < 2
}

fn number(re: &Regex, t: &str) -> Option<u64> {
    re.captures(t)?.get(1)?.as_str().parse().ok()
}

/// Reads the declared, shown and remaining lengths from a paywall notice.
pub(super) fn read_figures(t: &str, trunc: &mut TruncationAt) {
    if let Some(n) = number(&DECLARED, t) {
        trunc.declared.get_or_insert(n);
    }
    if let Some(n) = number(&SHOWN, t) {
        trunc.shown.get_or_insert(n);
    }
    if let Some(n) = number(&REMAINING, t) {
        trunc.remaining.get_or_insert(n);
    }
}

/// An omission marker found in a line: its byte range in the line and the size it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct InlineOmission {
    pub start: usize,
    pub end: usize,
    pub chars: Option<u64>,
}

/// Finds `此处省略N字` and widens it to its bracket group and the ellipses around it:
/// `……(X文库www.x.com此处省略660字。点击下载全文)……`.
pub(super) fn inline_omission(t: &str) -> Option<InlineOmission> {
    if !t.contains("省略") {
        return None; // a memchr-speed test before the regex
    }
    let caps = OMITTED.captures(t)?;
    let m = caps.get(0)?;
    let chars = caps.get(1).and_then(|n| n.as_str().parse().ok());
    let mut start = m.start();
    let mut end = m.end();
    let open = t[..start].rfind(['(', '[', '【']);
    let close = t[end..].find([')', ']', '】']).map(|i| end + i);
    if let (Some(o), Some(c)) = (open, close) {
        // Only a group that holds no sentence of the text: nothing but site words inside.
        if t[o..start].chars().count() <= 40 && t[end..c].chars().count() <= 40 {
            start = o;
            end = c + t[c..].chars().next().map_or(0, char::len_utf8);
        }
    }
    let is_filler = |c: char| matches!(c, '…' | '.' | '·' | ' ' | '。');
    while let Some(c) = t[..start]
        .chars()
        .next_back()
        .filter(|&c| is_filler(c) && c != '。')
    {
        start -= c.len_utf8();
    }
    while let Some(c) = t[end..]
        .chars()
        .next()
        .filter(|&c| is_filler(c) && c != '。')
    {
        end += c.len_utf8();
    }
    Some(InlineOmission { start, end, chars })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paywall_lines_and_text_that_only_looks_like_them() {
        for t in [
            "文鼎文库VIP会员免费下载",
            "点击下载全文",
            "本文档共12页，还剩10页未读，会员可阅读全文",
        ] {
            assert!(is_paywall(t), "{t}");
        }
        // One weak cue twice is no notice: an article on the members of a trade body.
        for t in [
            "第二十一条　专利代理行业组织应当加强对会员的自律管理，对违反行业自律规范的会员实行惩戒。",
            "全面提升会员服务能力",
        ] {
            assert!(!is_paywall(t), "{t}");
        }
    }
}
