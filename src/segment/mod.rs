//! Segmentation for search: one normalisation for documents and queries ([`fold`]), jieba-rs
//! with the policy-domain dictionary shipped in the crate, patterns that must stay whole
//! (`2026年`, `〔2025〕37号`, `十五五`), and exact byte offsets into the input.
//!
//! Two token streams come out of a text:
//! - **words** (`Segmenter::words`, with the `search` feature): jieba's cut with the policy dictionary, folded, with
//!   sequential positions; a run of punctuation leaves a gap of one position, so a phrase never
//!   matches across `，` or `。`;
//! - **grams** ([`grams`]): single units (a character, or an ASCII word or number) with their
//!   positions, the exact-substring fallback that finds `处理` inside `待处理` whatever jieba
//!   made of either.

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
    let mut units = Units::new(text, traditional);
    let mut unit = String::new();
    while let Some((span, position)) = units.next_into(&mut unit) {
        f(&unit, span, position);
    }
}

/// The units of a text ([`for_each_gram`]) read one at a time in one pass over the input, each
/// character folded ([`fold::search_fold_first`]) as it is reached: what the archive's unit
/// tokenizer streams to the index and queries are planned from.
#[derive(Debug, Clone)]
pub struct Units<'a> {
    text: &'a str,
    traditional: Traditional,
    /// Byte offset of the next character to read.
    at: usize,
    /// Position of the next unit.
    position: u32,
    /// Whether a unit was given since the last gap.
    in_run: bool,
}

impl<'a> Units<'a> {
    /// The units of `text`, from its start.
    pub fn new(text: &'a str, traditional: Traditional) -> Self {
        Units {
            text,
            traditional,
            at: 0,
            position: 0,
            in_run: false,
        }
    }

    /// The folded character at byte `i` of the text and its length there.
    #[inline]
    fn folded_at(&self, i: usize) -> Option<(char, usize)> {
        (i < self.text.len()).then(|| fold::search_fold_first(&self.text[i..], self.traditional))
    }

    /// Writes the next unit, folded, into `unit` (cleared first) and returns its input span and
    /// position; `None` at the end of the text.
    pub fn next_into(&mut self, unit: &mut String) -> Option<(Span, u32)> {
        while let Some((c, len)) = self.folded_at(self.at) {
            let start = self.at;
            self.at += len;
            if c.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits, with a decimal point between digits.
                unit.clear();
                unit.push(c);
                let mut last = c;
                while let Some((n, nlen)) = self.folded_at(self.at) {
                    let decimal = n == '.'
                        && last.is_ascii_digit()
                        && self
                            .folded_at(self.at + nlen)
                            .is_some_and(|(d, _)| d.is_ascii_digit());
                    if !n.is_ascii_alphanumeric() && !decimal {
                        break;
                    }
                    unit.push(n);
                    self.at += nlen;
                    last = n;
                }
            } else if c.is_whitespace() {
                continue;
            } else if is_letter(c) {
                unit.clear();
                unit.push(c);
            } else {
                if self.in_run {
                    self.position += 1;
                    self.in_run = false;
                }
                continue;
            }
            let position = self.position;
            self.position += 1;
            self.in_run = true;
            return Some((Span(start, self.at), position));
        }
        None
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
