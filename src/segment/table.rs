//! The prebuilt word table (written by `build.rs`): jieba-rs's default dictionary with the
//! policy dictionary merged in, sorted, compiled into the binary. A short text is segmented
//! with a jieba-rs dictionary of only the table's words that occur in it, plus one word no
//! text can contain that carries the rest of the total frequency: every word the cut looks up
//! has the frequency it has in the whole dictionary, and the total is the same, so the cut is
//! the same, at a small fraction of the cost of loading 350,000 words.

use std::sync::LazyLock;

use jieba_rs::Jieba;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.bin"));

/// Carries the frequency of the words a text does not contain. A control character is never
/// part of a block jieba-rs looks up in its dictionary.
const REST: &str = "\u{1}";

/// The table read in place.
pub(crate) struct Table {
    total: u64,
    n: usize,
    longest: usize,
    offsets: &'static [u8],
    freqs: &'static [u8],
    words: &'static [u8],
}

static TABLE: LazyLock<Option<Table>> = LazyLock::new(|| Table::read(BYTES));

/// The table, where the build could write it.
pub(crate) fn table() -> Option<&'static Table> {
    TABLE.as_ref()
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

impl Table {
    fn read(b: &'static [u8]) -> Option<Table> {
        if b.len() < 24 || &b[..4] != b"ZCWT" || u32_at(b, 4) != 1 {
            return None;
        }
        let total = u64::from_le_bytes(b[8..16].try_into().ok()?);
        let n = u32_at(b, 16) as usize;
        let longest = u32_at(b, 20) as usize;
        let offsets = b.get(24..24 + 4 * (n + 1))?;
        let freqs = b.get(24 + 4 * (n + 1)..24 + 4 * (2 * n + 1))?;
        let words = &b[24 + 4 * (2 * n + 1)..];
        (u32_at(offsets, 4 * n) as usize == words.len()).then_some(Table {
            total,
            n,
            longest,
            offsets,
            freqs,
            words,
        })
    }

    fn word(&self, i: usize) -> &'static [u8] {
        let s = u32_at(self.offsets, 4 * i) as usize;
        let e = u32_at(self.offsets, 4 * (i + 1)) as usize;
        &self.words[s..e]
    }

    /// The index of the first word not less than `w`.
    fn lower_bound(&self, w: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < w {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Calls `f(word, frequency)` for each word of the table that occurs in `text`, once per
    /// occurrence.
    fn for_each_in<'t>(&self, text: &'t str, mut f: impl FnMut(&'t str, u64)) {
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (k, &s) in starts.iter().enumerate() {
            for &e in starts[k + 1..]
                .iter()
                .chain(std::iter::once(&text.len()))
                .take(self.longest)
            {
                let w = &text.as_bytes()[s..e];
                let i = self.lower_bound(w);
                if i == self.n || !self.word(i).starts_with(w) {
                    // No word of the table starts with `w`: none with a longer piece either.
                    break;
                }
                if self.word(i) == w {
                    f(&text[s..e], u32_at(self.freqs, 4 * i) as u64);
                }
            }
        }
    }

    /// A jieba-rs that cuts `text` as one holding the whole table would.
    pub(crate) fn jieba_for(&self, text: &str) -> Jieba {
        let mut found: Vec<(&str, u64)> = Vec::new();
        self.for_each_in(text, |w, f| found.push((w, f)));
        found.sort_unstable();
        found.dedup();
        let mut jieba = Jieba::empty();
        let sum: u64 = found.iter().map(|w| w.1).sum();
        jieba.add_word(REST, Some(self.total.saturating_sub(sum) as usize), None);
        for (w, f) in found {
            jieba.add_word(w, Some(f as usize), None);
        }
        jieba
    }

    /// The total frequency of the table.
    #[cfg(test)]
    pub(crate) fn total(&self) -> u64 {
        self.total
    }
}
