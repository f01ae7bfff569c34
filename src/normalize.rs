//! Stage 2: normalisation with an offset map back to the input.
//!
//! Full-width ASCII becomes half-width (`（一）` → `(一)`, `１．` → `1.`, `：` → `:`), the many
//! spaces of scraped pages (U+3000, U+00A0, U+2002, U+200B, a stray BOM…) become `' '`, and the
//! horizontal bar `―` becomes the em dash `—`. Every change replaces one character by one
//! character, so the normalised text has the same characters in the same order; where a
//! replacement is shorter in UTF-8 a checkpoint records the shift, and [`Normalized::to_original`]
//! maps any normalised byte offset back to the input.

use std::borrow::Cow;

use crate::model::Span;

/// A normalised view of an input text.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `(normalised offset, original offset)` after each length-changing replacement, ascending.
    checkpoints: Vec<(usize, usize)>,
}

/// The normalised form of one character, or `None` when it stays as it is.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}'
        | '\u{00A0}'
        | '\u{2000}'..='\u{200D}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{2060}'
        | '\u{FEFF}' => Some(' '),
        '\u{2015}' => Some('—'),
        _ => None,
    }
}

impl<'a> Normalized<'a> {
    /// Normalises `input`, borrowing it when nothing needs to change.
    pub fn new(input: &'a str) -> Self {
        let bytes = input.as_bytes();
        // Only chars whose UTF-8 starts with these bytes can fold: U+00A0 (C2), U+2000–U+206F
        // (E2), U+3000 (E3), U+FEFF and U+FF01–U+FF5E (EF). Everything else is copied in runs.
        let mut out: Option<String> = None;
        let mut copied = 0;
        let mut checkpoints = Vec::new();
        let mut fold_at = |i: usize| {
            // Lead bytes only start chars; continuation bytes are 0x80–0xBF. The full-width
            // forms (EF BC 81–BF, EF BD 80–9E), the bulk of the work, are read off the bytes.
            let (f, len) = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
                (0xEF, Some(0xBC), Some(&t)) if (0x81..=0xBF).contains(&t) => {
                    (char::from(t - 0x60), 3)
                }
                (0xEF, Some(0xBD), Some(&t)) if (0x80..=0x9E).contains(&t) => {
                    (char::from(t - 0x20), 3)
                }
                _ => {
                    let c = input[i..].chars().next().expect("on a boundary");
                    match fold_char(c) {
                        Some(f) => (f, c.len_utf8()),
                        None => return,
                    }
                }
            };
            let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
            o.push_str(&input[copied..i]);
            o.push(f);
            copied = i + len;
            if f.len_utf8() != len {
                checkpoints.push((o.len(), i + len));
            }
        };
        // U+00A0 (C2 A0) is rare: its leads are merged into the scan for the others.
        let mut c2 = memchr::memchr_iter(0xC2, bytes).peekable();
        for i in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes) {
            while let Some(j) = c2.next_if(|&j| j < i) {
                fold_at(j);
            }
            fold_at(i);
        }
        for j in c2 {
            fold_at(j);
        }
        let text = match out {
            None => Cow::Borrowed(input),
            Some(mut o) => {
                o.push_str(&input[copied..]);
                Cow::Owned(o)
            }
        };
        Normalized { text, checkpoints }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte offset of the normalised text (on a char boundary) to the input.
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(n, _)| n <= pos);
        match i {
            0 => pos,
            _ => {
                let (n, o) = self.checkpoints[i - 1];
                o + (pos - n)
            }
        }
    }

    /// Maps a normalised range to a [`Span`] of the input.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span(self.to_original(start), self.to_original(end))
    }
}

/// Applies [`fold_char`] to a short string (a query, a marker) without keeping a map.
pub fn fold_str(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| fold_char(c).is_some()) {
        Cow::Owned(s.chars().map(|c| fold_char(c).unwrap_or(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_when_nothing_changes() {
        let n = Normalized::new("同志们:\n一、总体要求");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.to_original(7), 7);
    }

    #[test]
    fn full_width_folds_and_maps_back() {
        let input = "（一）产业\u{3000}结构，增长１２％。";
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "(一)产业 结构,增长12%。");
        // Every normalised char boundary maps to an input char boundary holding the same char,
        // folded.
        for (i, c) in n.as_str().char_indices() {
            let o = n.to_original(i);
            let oc = input[o..].chars().next().unwrap();
            assert_eq!(fold_char(oc).unwrap_or(oc), c, "at {i}");
        }
        assert_eq!(n.to_original(n.as_str().len()), input.len());
        let s = n.span(1, 4); // 一
        assert_eq!(&input[s.start()..s.end()], "一");
    }

    #[test]
    fn spaces_and_bars() {
        const CASES: &[(&str, &str)] = &[
            ("a\u{00A0}b", "a b"),
            ("a\u{200B}b", "a b"),
            ("――2026年", "——2026年"),
            ("\u{FEFF}标题", " 标题"),
            ("１９９０年", "1990年"),
        ];
        for (input, want) in CASES {
            assert_eq!(Normalized::new(input).as_str(), *want);
            assert_eq!(fold_str(input), *want);
        }
    }
}
