//! Segmentation for search: one normalisation for documents and queries ([`fold`]), jieba-rs
//! with the policy-domain dictionary shipped in the crate, patterns that must stay whole
//! (`2026年`, `〔2025〕37号`, `十五五`), and exact byte offsets into the input.
//!
//! Two token streams come out of a text:
//! - **words** ([`Segmenter::words`]): jieba's cut with the policy dictionary, folded, with
//!   sequential positions; a run of punctuation leaves a gap of one position, so a phrase never
//!   matches across `，` or `。`;
//! - **grams** ([`grams`]): overlapping pairs of characters (an ASCII word or number counts as
//!   one character), the exact-substring fallback that finds `处理` inside `待处理` whatever
//!   jieba made of either.

pub mod fold;

pub use fold::{Folded, Traditional};

use crate::model::Span;

#[cfg(feature = "search")]
mod table;
#[cfg(feature = "search")]
mod words;
#[cfg(feature = "search")]
pub use words::*;

/// A unified ideograph of the two common blocks (U+4E00–U+9FFF, U+3400–U+4DBF), assigned or not.
#[inline]
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A non-ASCII letter or digit, with the common Chinese characters and punctuation decided
/// without a table look-up.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => false,
        _ if is_ideograph(c) => true,
        // General punctuation (— … “ ” ‘ ’), CJK punctuation and brackets (。、《》【】) and
        // the full-width punctuation (，；：？！（）): no letters or digits among them.
        0x2000..=0x206F
        | 0x3001..=0x3004
        | 0x3008..=0x3020
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65 => false,
        _ => c.is_alphanumeric(),
    }
}

/// One gram of the substring field: one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gram {
    /// The unit, folded.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// Its position; punctuation leaves a gap.
    pub position: u32,
}

/// Calls `f(gram, input span, position)` for the units of `text`: the exact-substring field
/// indexes each with its position, so any substring is a phrase of its units.
///
/// A unit is one non-ASCII letter or digit (a Chinese character) or one run of ASCII letters
/// and digits (`2026`, `5.8`, `gdp`). White space is skipped without a gap (scraped text breaks
/// lines inside words); anything else leaves one position empty, so that `改革，发展` does not
/// match `改革发展`.
pub fn for_each_gram(text: &str, traditional: Traditional, mut f: impl FnMut(&str, Span, u32)) {
    let folded = Folded::new(text, traditional);
    let ft = folded.as_str();
    let (mut at_start, mut at_end) = (0, 0);
    scan_grams(ft, |(s, e), pos| {
        f(
            &ft[s..e],
            Span(
                folded.to_original_ascending(s, &mut at_start),
                folded.to_original_ascending(e, &mut at_end),
            ),
            pos,
        );
    });
}

/// Calls `f(unit, position)` with byte ranges of an already folded text: the grams of
/// [`for_each_gram`].
pub fn scan_grams(ft: &str, mut f: impl FnMut((usize, usize), u32)) {
    let b = ft.as_bytes();
    let mut pos: u32 = 0;
    // Whether a unit was seen since the last gap.
    let mut in_run = false;
    let mut i = 0;
    while i < b.len() {
        let c = ft[i..].chars().next().expect("boundary");
        let len = c.len_utf8();
        let unit_end = if c.is_ascii_alphanumeric() {
            let mut j = i + 1;
            while j < b.len()
                && (b[j].is_ascii_alphanumeric()
                    || (b[j] == b'.'
                        && b[j - 1].is_ascii_digit()
                        && b.get(j + 1).is_some_and(u8::is_ascii_digit)))
            {
                j += 1;
            }
            j
        } else if c.is_whitespace() {
            i += len;
            continue;
        } else if is_letter(c) {
            i + len
        } else {
            if in_run {
                pos += 1;
                in_run = false;
            }
            i += len;
            continue;
        };
        f((i, unit_end), pos);
        pos += 1;
        in_run = true;
        i = unit_end;
    }
}

/// The grams of `text`, collected.
pub fn grams(text: &str, traditional: Traditional) -> Vec<Gram> {
    let mut out = Vec::new();
    for_each_gram(text, traditional, |g, span, position| {
        out.push(Gram {
            text: g.to_string(),
            span,
            position,
        })
    });
    out
}

#[cfg(all(test, feature = "search"))]
mod tests;
