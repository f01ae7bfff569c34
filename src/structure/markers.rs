//! Heading markers at the start of a line: `第一编/章/节/条`, `第一部分`, `一、`, `(一)`, `1.`,
//! `1、`, `(1)`, `①`, `⑴`. Text is normalised, so `（一）` arrives as `(一)` and `１．` as `1.`.

use crate::numerals::{enclosed, is_cn_numeral_char, parse_int};

/// A family of heading markers. Which level a family takes is decided per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// 第X编.
    Bian,
    /// 第X部分.
    Part,
    /// 第X章.
    Zhang,
    /// 第X节.
    Jie,
    /// 第X条 (runs through the whole text).
    Tiao,
    /// 一、
    CnComma,
    /// (一)
    CnParen,
    /// 1. or 1、
    Arabic,
    /// (1) or ⑴
    ArabicParen,
    /// ①
    Circled,
    /// A line `附件…` that opens an annex (found by the tree, not by [`parse_marker`]).
    Annex,
    /// A line `注释` that opens the notes.
    Notes,
    /// `［1］` or `[1]` opening a note inside the notes.
    Note,
    /// A line `序言`.
    Preamble,
}

impl Style {
    /// A conventional rank, used only where a document gives no order of its own (outlines).
    pub fn rank(self) -> u32 {
        self as u32
    }

    /// Whether the heading is the whole rest of the line (chapter titles), rather than its first
    /// sentence.
    pub fn whole_line_heading(self) -> bool {
        matches!(
            self,
            Style::Bian | Style::Part | Style::Zhang | Style::Jie | Style::Annex
        )
    }

    /// Whether 第X条 articles stand inside a heading of this style (chapters, and an annex that
    /// is a regulation of its own) rather than closing it.
    pub fn holds_articles(self) -> bool {
        matches!(
            self,
            Style::Bian | Style::Part | Style::Zhang | Style::Jie | Style::Annex
        )
    }
}

/// A marker found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The family.
    pub style: Style,
    /// The integer it stands for.
    pub ordinal: u32,
    /// For `第X条之N`, the N.
    pub sub: Option<u32>,
    /// Byte length of the marker itself.
    pub len: usize,
    /// For `N.` markers, whether a digit follows (`1.2亿` is a decimal unless a series expects it).
    pub digit_follows: bool,
}

fn take_while(s: &str, f: impl Fn(char) -> bool, max_chars: usize) -> &str {
    let mut end = 0;
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n >= max_chars || !f(c) {
            return &s[..i];
        }
        end = i + c.len_utf8();
    }
    &s[..end]
}

/// The longest Chinese ordinal of a marker, in characters: `九千九百九十九` (below 10,000, as
/// [`small`] takes) has seven.
const MAX_CN_ORDINAL_CHARS: usize = 8;

fn is_cn_ordinal_char(c: char) -> bool {
    is_cn_numeral_char(c) && !matches!(c, '万' | '亿' | '两')
}

fn small(n: u64) -> Option<u32> {
    u32::try_from(n).ok().filter(|&n| n > 0 && n < 10_000)
}

/// Parses a heading marker at the start of `t` (trimmed, normalised).
pub fn parse_marker(t: &str) -> Option<Marker> {
    let first = t.chars().next()?;
    if first == '第' {
        return parse_di(t);
    }
    if let Some(n) = enclosed(first) {
        let style = match first as u32 {
            0x2474..=0x2487 => Style::ArabicParen,
            0x2488..=0x249B => Style::Arabic,
            _ => Style::Circled,
        };
        return Some(marker(style, n, first.len_utf8()));
    }
    if first == '(' {
        let inner = &t[1..];
        let num = take_while(inner, |c| c.is_ascii_digit(), 3);
        let (style, num) = if num.is_empty() {
            (
                Style::CnParen,
                take_while(inner, is_cn_ordinal_char, MAX_CN_ORDINAL_CHARS),
            )
        } else {
            (Style::ArabicParen, num)
        };
        if num.is_empty() || !inner[num.len()..].starts_with(')') {
            return None;
        }
        let n = small(parse_int(num)?)?;
        return Some(marker(style, n, 1 + num.len() + 1));
    }
    if first.is_ascii_digit() {
        let num = take_while(t, |c| c.is_ascii_digit(), 3);
        let sep = t[num.len()..].chars().next()?;
        if !matches!(sep, '.' | '、') || t[num.len()..].starts_with("..") {
            return None;
        }
        let n = small(num.parse().ok()?)?;
        let mut m = marker(Style::Arabic, n, num.len() + sep.len_utf8());
        // `1.2亿` is a decimal unless a series expects a 1.; `1、2025年` is a list item.
        m.digit_follows = sep == '.' && t[m.len..].starts_with(|c: char| c.is_ascii_digit());
        return Some(m);
    }
    let num = take_while(t, is_cn_ordinal_char, MAX_CN_ORDINAL_CHARS);
    if !num.is_empty() && t[num.len()..].starts_with('、') {
        let n = small(parse_int(num)?)?;
        return Some(marker(Style::CnComma, n, num.len() + "、".len()));
    }
    None
}

fn marker(style: Style, ordinal: u32, len: usize) -> Marker {
    Marker {
        style,
        ordinal,
        sub: None,
        len,
        digit_follows: false,
    }
}

fn parse_di(t: &str) -> Option<Marker> {
    let rest = &t['第'.len_utf8()..];
    let ascii = take_while(rest, |c| c.is_ascii_digit(), 4);
    let num = if ascii.is_empty() {
        take_while(rest, is_cn_ordinal_char, MAX_CN_ORDINAL_CHARS)
    } else {
        ascii
    };
    if num.is_empty() {
        return None;
    }
    let n = small(parse_int(num)?)?;
    let after = &rest[num.len()..];
    let (style, unit_len) = if after.starts_with("部分") {
        (Style::Part, "部分".len())
    } else {
        let unit = after.chars().next()?;
        let style = match unit {
            '编' => Style::Bian,
            '章' => Style::Zhang,
            '节' => Style::Jie,
            '条' => Style::Tiao,
            _ => return None,
        };
        (style, unit.len_utf8())
    };
    let mut len = '第'.len_utf8() + num.len() + unit_len;
    let mut sub = None;
    if style == Style::Tiao {
        let tail = &t[len..];
        if let Some(s) = tail.strip_prefix('之') {
            let subnum = take_while(s, is_cn_ordinal_char, 3);
            if let Some(v) = (!subnum.is_empty()).then(|| parse_int(subnum)).flatten() {
                sub = small(v);
                len += '之'.len_utf8() + subnum.len();
            }
        }
        // An article marker is followed by a space or the article's text, never by a
        // particle that makes it a reference (`第三条规定`, `第三条的`).
        let tail = &t[len..];
        if ["规定", "的", "所", "中", "和", "或", "至", "、", ","]
            .iter()
            .any(|p| tail.starts_with(p))
        {
            return None;
        }
    }
    let mut m = marker(style, n, len);
    m.sub = sub;
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        use Style::*;
        type Case = (&'static str, Option<(Style, u32, &'static str)>);
        const CASES: &[Case] = &[
            ("一、总体要求", Some((CnComma, 1, "一、"))),
            ("十二、其他", Some((CnComma, 12, "十二、"))),
            ("一百一十一、其他", Some((CnComma, 111, "一百一十一、"))),
            ("(一百二十一)其他", Some((CnParen, 121, "(一百二十一)"))),
            ("(一)指导思想。", Some((CnParen, 1, "(一)"))),
            ("(10)其他", Some((ArabicParen, 10, "(10)"))),
            ("1.用于检查", Some((Arabic, 1, "1."))),
            ("3、加强领导", Some((Arabic, 3, "3、"))),
            ("①加强", Some((Circled, 1, "①"))),
            ("⑵加强", Some((ArabicParen, 2, "⑵"))),
            ("第一章 总 则", Some((Zhang, 1, "第一章"))),
            ("第二节 管辖", Some((Jie, 2, "第二节"))),
            ("第三编 附则", Some((Bian, 3, "第三编"))),
            ("第一部分 总体要求", Some((Part, 1, "第一部分"))),
            ("第一百三十三条 违反", Some((Tiao, 133, "第一百三十三条"))),
            ("第12条 本办法", Some((Tiao, 12, "第12条"))),
            ("第一,要持续", None),
            ("第三条规定的", None),
            ("一是部分改革", None),
            ("2025年", None),
            ("1..", None),
            ("(注)", None),
            ("万、", None),
        ];
        for (t, want) in CASES {
            let got = parse_marker(t).map(|m| (m.style, m.ordinal, &t[..m.len]));
            assert_eq!(got, *want, "{t}");
        }
        let m = parse_marker("第一百三十三条之一 在道路上").unwrap();
        assert_eq!(
            (m.ordinal, m.sub, &"第一百三十三条之一 在道路上"[..m.len]),
            (133, Some(1), "第一百三十三条之一")
        );
        assert!(parse_marker("1.2亿元").unwrap().digit_follows);
    }
}
