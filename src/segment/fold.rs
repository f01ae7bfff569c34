//! The one normalisation shared by documents and queries before segmentation.
//!
//! Each character maps to one character, so the folded text keeps the input's characters in
//! order and a short list of checkpoints maps any folded byte offset back to the input:
//! full-width forms become half-width (`２０２６` → `2026`), odd spaces become `' '`, ASCII is
//! lowercased, bracket variants of a 文号 become `〔〕`, and, when asked, traditional characters
//! become simplified ones (`規劃` → `规划`).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::normalize::fold_char;

/// What to do with traditional characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Traditional {
    /// Map the common traditional characters of policy text to simplified ones (the default),
    /// so `規劃` finds `规划` and the other way round.
    #[default]
    ToSimplified,
    /// Leave them as they are.
    Keep,
}

/// The traditional → simplified table: a bitmap over the Basic Multilingual Plane to say "look
/// me up", and a sorted list of pairs.
struct T2s {
    bits: Vec<u64>,
    pairs: Vec<(char, char)>,
}

static T2S: LazyLock<T2s> = LazyLock::new(|| {
    let mut pairs: Vec<(char, char)> = include_str!("../data/t2s.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter_map(|p| {
            let mut cs = p.chars();
            Some((cs.next()?, cs.next()?))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(t, _) in &pairs {
        let u = t as usize;
        if u < 0x10000 {
            bits[u / 64] |= 1 << (u % 64);
        }
    }
    T2s { bits, pairs }
});

/// The simplified form of a traditional character, if the table has it.
pub fn simplify(c: char) -> Option<char> {
    let u = c as usize;
    if !(0x3400..0x10000).contains(&u) {
        return None;
    }
    let t = &*T2S;
    if t.bits[u / 64] & (1 << (u % 64)) == 0 {
        return None;
    }
    t.pairs
        .binary_search_by_key(&c, |p| p.0)
        .ok()
        .map(|i| t.pairs[i].1)
}

/// `s` with the traditional characters of the table made simplified (nothing else changed).
pub fn simplified(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| simplify(c).is_some()) {
        Cow::Owned(s.chars().map(|c| simplify(c).unwrap_or(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The search form of one character, or `None` when it stays.
#[inline]
pub fn search_fold(c: char, traditional: Traditional) -> Option<char> {
    match c {
        '[' | '［' | '﹝' | '〖' | '【' => return Some('〔'),
        ']' | '］' | '﹞' | '〗' | '】' => return Some('〕'),
        _ => {}
    }
    if c.is_ascii() {
        return c.is_ascii_uppercase().then(|| c.to_ascii_lowercase());
    }
    if let Some(f) = fold_char(c) {
        return Some(f.to_ascii_lowercase());
    }
    match traditional {
        Traditional::ToSimplified => simplify(c),
        Traditional::Keep => None,
    }
}

/// The folded form of the first character of `s` (not empty) and that character's length in
/// bytes: [`search_fold`], with ASCII and the ideographs of U+4000–U+9FFF decided from their
/// bytes as [`Folded::new`] does.
#[inline]
pub fn search_fold_first(s: &str, traditional: Traditional) -> (char, usize) {
    let bytes = s.as_bytes();
    let b0 = bytes[0];
    if b0 < 0x80 {
        let c = char::from(b0);
        return (search_fold(c, traditional).unwrap_or(c), 1);
    }
    if (0xE4..=0xE9).contains(&b0) {
        let u = (usize::from(b0 & 0x0F) << 12)
            | (usize::from(bytes[1] & 0x3F) << 6)
            | usize::from(bytes[2] & 0x3F);
        if traditional == Traditional::Keep || T2S.bits[u / 64] & (1 << (u % 64)) == 0 {
            let c = char::from_u32(u as u32).expect("a scalar value");
            return (c, 3);
        }
    }
    let c = s.chars().next().expect("not empty");
    (search_fold(c, traditional).unwrap_or(c), c.len_utf8())
}

/// A folded view of a text with a map back to it.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    text: Cow<'a, str>,
    /// `(folded offset, original offset)` after each length-changing replacement, ascending.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Folded<'a> {
    /// Folds `input`, borrowing it when nothing changes.
    pub fn new(input: &'a str, traditional: Traditional) -> Self {
        let bytes = input.as_bytes();
        let t2s = (traditional == Traditional::ToSimplified).then(|| &*T2S);
        let mut out: Option<String> = None;
        let mut copied = 0;
        let mut checkpoints = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            // Most characters are decided from their bytes: ASCII other than capitals and
            // square brackets, and ideographs of U+4000–U+9FFF (lead bytes E4–E9) that are not
            // traditional, never fold.
            let b0 = bytes[i];
            if b0 < 0x80 {
                if !b0.is_ascii_uppercase() && b0 != b'[' && b0 != b']' {
                    i += 1;
                    continue;
                }
            } else if (0xE4..=0xE9).contains(&b0) {
                let u = (usize::from(b0 & 0x0F) << 12)
                    | (usize::from(bytes[i + 1] & 0x3F) << 6)
                    | usize::from(bytes[i + 2] & 0x3F);
                if t2s.is_none_or(|t| t.bits[u / 64] & (1 << (u % 64)) == 0) {
                    i += 3;
                    continue;
                }
            }
            let c = input[i..].chars().next().expect("on a char boundary");
            let start = i;
            i += c.len_utf8();
            let Some(f) = search_fold(c, traditional) else {
                continue;
            };
            let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
            o.push_str(&input[copied..start]);
            o.push(f);
            copied = i;
            if f.len_utf8() != c.len_utf8() {
                checkpoints.push((o.len(), copied));
            }
        }
        let text = match out {
            None => Cow::Borrowed(input),
            Some(mut o) => {
                o.push_str(&input[copied..]);
                Cow::Owned(o)
            }
        };
        Folded { text, checkpoints }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// [`Folded::to_original`] for offsets that never go down between calls sharing `state`
    /// (start at 0): a walk instead of a search.
    #[inline]
    pub fn to_original_ascending(&self, pos: usize, state: &mut usize) -> usize {
        let cps = &self.checkpoints;
        while *state < cps.len() && cps[*state].0 <= pos {
            *state += 1;
        }
        match *state {
            0 => pos,
            i => {
                let (n, o) = cps[i - 1];
                o + (pos - n)
            }
        }
    }

    /// Maps a byte offset of the folded text (on a char boundary) to the input.
    pub fn to_original(&self, pos: usize) -> usize {
        match self.checkpoints.partition_point(|&(n, _)| n <= pos) {
            0 => pos,
            i => {
                let (n, o) = self.checkpoints[i - 1];
                o + (pos - n)
            }
        }
    }
}

/// Folds a short string (a query term) without keeping a map.
pub fn fold_str(s: &str, traditional: Traditional) -> Cow<'_, str> {
    Folded::new(s, traditional).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        const CASES: &[(&str, &str)] = &[
            ("２０２６年", "2026年"),
            ("十五五規劃", "十五五规划"),
            ("ＧＤＰ增長５．８％", "gdp增长5.8%"),
            ("國辦發［2025］12號", "国办发〔2025〕12号"),
            ("营商环境", "营商环境"),
            ("AI+", "ai+"),
        ];
        for &(input, want) in CASES {
            let f = Folded::new(input, Traditional::ToSimplified);
            assert_eq!(f.as_str(), want, "{input}");
            for (i, c) in f.as_str().char_indices() {
                let o = f.to_original(i);
                let oc = input[o..].chars().next().unwrap();
                assert_eq!(
                    search_fold(oc, Traditional::ToSimplified).unwrap_or(oc),
                    c,
                    "{input} at {i}"
                );
            }
            assert_eq!(f.to_original(f.as_str().len()), input.len());
            let mut state = 0;
            for (i, _) in f.as_str().char_indices() {
                assert_eq!(
                    f.to_original_ascending(i, &mut state),
                    f.to_original(i),
                    "{input} at {i}"
                );
            }
        }
    }

    #[test]
    fn byte_shortcuts_fold_as_search_fold() {
        // Every scalar value, with each mode: the fold read off bytes where it can be equals
        // search_fold applied to each character, and maps back.
        let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
        for t in [Traditional::ToSimplified, Traditional::Keep] {
            let want: String = all
                .chars()
                .map(|c| search_fold(c, t).unwrap_or(c))
                .collect();
            let f = Folded::new(&all, t);
            assert!(f.as_str() == want, "{t:?}");
            assert_eq!(f.to_original(f.as_str().len()), all.len());
            let mut first = String::with_capacity(want.len());
            let mut at = 0;
            while at < all.len() {
                let (c, len) = search_fold_first(&all[at..], t);
                first.push(c);
                at += len;
            }
            assert!(first == want, "search_fold_first, {t:?}");
        }
    }

    #[test]
    fn keep_leaves_traditional() {
        assert_eq!(fold_str("規劃", Traditional::Keep), "規劃");
        assert_eq!(fold_str("規劃", Traditional::ToSimplified), "规划");
    }

    #[test]
    fn table_has_no_chains_and_no_simplified_keys() {
        let t = &*T2S;
        assert!(t.pairs.len() > 1000, "{} pairs", t.pairs.len());
        for &(tr, s) in &t.pairs {
            assert_ne!(tr, s);
            assert!(simplify(s).is_none(), "{tr}→{s} chains");
        }
        // Characters that are simplified forms in their own right stay.
        for c in ['著', '乾', '于', '后', '发', '面', '里'] {
            assert_eq!(simplify(c), None, "{c}");
        }
    }
}
