//! Splitting a text into lines (`\n`, `\r\n` and lone `\r`) with trimmed byte ranges, and
//! grouping lines into paragraphs.

use crate::decode::is_blank;

/// One line of a text: the range without its terminator, and the trimmed range inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Start of the line.
    pub start: usize,
    /// End of the line, before its terminator.
    pub end: usize,
    /// Start of the line's text after leading blanks.
    pub text_start: usize,
    /// End of the line's text before trailing blanks.
    pub text_end: usize,
}

impl Line {
    /// The trimmed text of this line in `text`.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.text_start..self.text_end]
    }

    /// Whether the line holds nothing but blanks.
    #[inline]
    pub fn is_blank(&self) -> bool {
        self.text_start == self.text_end
    }

    /// Re-trims this line's range against `text` (after parts were blanked out).
    pub fn retrim(&self, text: &str) -> Line {
        let (text_start, text_end) = trim_range(text, self.start, self.end);
        Line {
            text_start,
            text_end,
            ..*self
        }
    }
}

/// Splits `text` into lines.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            continue; // the \n of a \r\n
        }
        push(text, &mut lines, start, i);
        let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        start = i + if crlf { 2 } else { 1 };
    }
    if start < bytes.len() {
        push(text, &mut lines, start, bytes.len());
    }
    lines
}

fn push(text: &str, lines: &mut Vec<Line>, start: usize, end: usize) {
    let (text_start, text_end) = trim_range(text, start, end);
    lines.push(Line {
        start,
        end,
        text_start,
        text_end,
    });
}

/// Trims a line of normalised text, where every blank has become an ASCII space; other blanks
/// (in text that was not normalised) are trimmed too, on a slower path.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = &text.as_bytes()[start..end];
    let lead = b.len() - b.trim_ascii_start().len();
    let trail = b.len() - b.trim_ascii_end().len();
    let (mut s, mut e) = (start + lead, (end - trail).max(start + lead));
    let rest = &text[s..e];
    if rest.starts_with(|c: char| !c.is_ascii() && is_blank(c))
        || rest.ends_with(|c: char| !c.is_ascii() && is_blank(c))
    {
        let t = rest.trim_start_matches(is_blank);
        s = e - t.len();
        e = s + t.trim_end_matches(is_blank).len();
    }
    (s, e)
}

/// Whether a line's text ends a sentence (so the next line starts a new paragraph).
pub fn ends_sentence(line_text: &str) -> bool {
    matches!(
        line_text.chars().next_back(),
        Some('。' | '!' | '?' | ':' | ';' | '”' | '」' | '…' | ')' | '】')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends() {
        let t = "一\r\n二\r三\n\n  四  ";
        let lines = split_lines(t);
        let texts: Vec<&str> = lines.iter().map(|l| l.text(t)).collect();
        assert_eq!(texts, ["一", "二", "三", "", "四"]);
        assert!(lines[3].is_blank());
    }
}

/// `hay.find(needle)` for the short strings that rules look into (a clause, a few characters
/// after a number): a plain scan, without the setup of the standard library's two-way search,
/// which costs more than the search itself on a few dozen bytes. A match of UTF-8 in UTF-8
/// always starts on a character boundary.
pub(crate) fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&last, head)) = n.split_last() else {
        return Some(0);
    };
    // Where the needle's last byte stands (a continuation byte of a CJK character is rare),
    // the bytes before it are compared.
    let mut from = head.len();
    while from < h.len() {
        let p = from + memchr::memchr(last, &h[from..])?;
        if h[p - head.len()..p] == *head {
            return Some(p - head.len());
        }
        from = p + 1;
    }
    None
}

/// `hay.rfind(needle)` for short strings, as [`find_short`].
pub(crate) fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&last, head)) = n.split_last() else {
        return Some(hay.len());
    };
    let mut to = h.len();
    while to > head.len() {
        let p = memchr::memrchr(last, &h[head.len()..to])? + head.len();
        if h[p - head.len()..p] == *head {
            return Some(p - head.len());
        }
        to = p;
    }
    None
}

#[cfg(test)]
mod short_search_tests {
    use super::*;

    #[test]
    fn short_searches_agree_with_the_standard_ones() {
        let hays = [
            "",
            "以上项目以上",
            "到2026年底完成投资",
            "项目",
            "ab",
            "aaaa",
            "联合会同联合",
            "b",
        ];
        let needles = [
            "以上", "完成", "年底", "项目", "", "x", "投资", "aa", "a", "b", "ab", "联合", "会同",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find_short(h, n), h.find(n), "{h} {n}");
                assert_eq!(rfind_short(h, n), h.rfind(n), "{h} {n}");
            }
        }
    }
}
