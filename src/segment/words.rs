//! jieba-rs with the policy dictionary and the protected patterns: the words of a text
//! (only with the `search` feature, which brings jieba-rs).

use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use jieba_rs::Jieba;
use regex::Regex;

use crate::error::{Error, Result};
use crate::model::Span;

use super::{is_letter, Folded, Traditional};

/// The policy-domain dictionary: `word frequency tag` per line, `#` comments.
pub const POLICY_DICT: &str = include_str!("../data/policy_dict.txt");

/// One word of a text as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded form that is indexed and searched.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// Its position: consecutive words count up by one, punctuation leaves a gap.
    pub position: u32,
}

/// How a [`Segmenter`] gets its dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Load {
    /// The whole dictionary is loaded when it is first needed (a text longer than a query, or
    /// user dictionaries); a short text is cut with the words of the prebuilt table it
    /// contains. The cut is the same either way; a process that cuts only queries never loads
    /// the whole dictionary.
    #[default]
    OnDemand,
    /// The whole dictionary is loaded by [`SegmenterBuilder::build`]: for indexing.
    Eager,
}

/// Builds a [`Segmenter`].
#[derive(Debug, Clone, Default)]
pub struct SegmenterBuilder {
    traditional: Traditional,
    load: Load,
    user_dicts: Vec<(String, String)>,
}

impl SegmenterBuilder {
    /// What to do with traditional characters; by default they are simplified.
    pub fn traditional(mut self, t: Traditional) -> Self {
        self.traditional = t;
        self
    }

    /// When to load the whole dictionary; by default on demand.
    pub fn load(mut self, load: Load) -> Self {
        self.load = load;
        self
    }

    /// Adds a user dictionary given as text (`word [frequency [tag]]` per line, `#` comments);
    /// `name` is used in errors.
    pub fn user_dict(mut self, name: &str, text: impl Into<String>) -> Self {
        self.user_dicts.push((name.to_string(), text.into()));
        self
    }

    /// Adds a user dictionary file.
    pub fn user_dict_file(self, path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(self.user_dict(&path.display().to_string(), text))
    }

    /// Reads the dictionaries (a bad line is an error here, whatever the load), and with
    /// [`Load::Eager`] loads jieba's dictionary, then ours, then the user's.
    pub fn build(self) -> Result<Segmenter> {
        let mut entries = parse_dict("policy_dict.txt", POLICY_DICT)?;
        for (name, text) in &self.user_dicts {
            entries.extend(parse_dict(name, text)?);
        }
        let seg = Segmenter {
            full: OnceLock::new(),
            // Only our own dictionary is in the table: user words need the whole one.
            table: super::table::table().filter(|_| self.user_dicts.is_empty()),
            entries,
            traditional: self.traditional,
        };
        if self.load == Load::Eager {
            seg.full();
        }
        Ok(seg)
    }
}

/// A dictionary entry: the folded word, its frequency floor, its tag.
type Entry = (String, usize, Option<String>);

/// The entries of a dictionary text.
fn parse_dict(name: &str, text: &str) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.split_whitespace();
        let word = it.next().unwrap_or_default();
        let freq = match it.next() {
            None => 0,
            Some(f) => f.parse::<usize>().map_err(|_| Error::Dictionary {
                name: name.to_string(),
                line: i + 1,
                problem: format!("frequency `{f}` is not a whole number"),
            })?,
        };
        // Dictionary words are stored in their folded form, so that `２０２６年` and `規劃`
        // in a user's file mean what they say.
        let word = super::fold::fold_str(word, Traditional::ToSimplified);
        out.push((word.into_owned(), freq, it.next().map(str::to_string)));
    }
    Ok(out)
}

/// Adds the entries to jieba's dictionary. A frequency is a floor: it is raised where needed
/// to keep the word whole, and a word the dictionary already knows more often keeps its count.
/// `build.rs` merges the policy dictionary the same way into the prebuilt table.
fn load_entries(jieba: &mut Jieba, entries: &[Entry]) {
    for (word, freq, tag) in entries {
        let freq = (*freq).max(jieba.suggest_freq(word));
        jieba.add_word(word, Some(freq), tag.as_deref());
    }
}

/// Patterns kept as one word whatever the dictionary says: a year with 年, the number part of a
/// 文号, a plan period.
static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{4}年|〔[0-9]{4}〕[0-9]+号|十[一二三四五六七八九]五").expect("valid pattern")
});

/// A text up to this long is cut with a dictionary of its own words from the prebuilt table
/// while the whole dictionary is not loaded.
const SMALL_TEXT: usize = 1024;

/// jieba-rs with the policy dictionary and the search normalisation. Build it once and share
/// it: it is `Send + Sync`. Loading the whole dictionary takes about a tenth of a second; with
/// [`Load::OnDemand`] a process that cuts only short texts never pays it.
pub struct Segmenter {
    /// The whole dictionary, once loaded.
    full: OnceLock<Jieba>,
    /// The prebuilt table short texts are cut with, where there is one and no user dictionary.
    table: Option<&'static super::table::Table>,
    /// The policy dictionary's entries, then the user's.
    entries: Vec<Entry>,
    traditional: Traditional,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("traditional", &self.traditional)
            .field("loaded", &self.full.get().is_some())
            .finish_non_exhaustive()
    }
}

impl Segmenter {
    /// The default segmenter: policy dictionary, traditional characters simplified, the whole
    /// dictionary loaded on demand.
    pub fn new() -> Self {
        Self::builder()
            .build()
            .expect("the bundled dictionary loads")
    }

    /// A builder for user dictionaries and options.
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// How this segmenter treats traditional characters.
    pub fn traditional(&self) -> Traditional {
        self.traditional
    }

    /// Whether the whole dictionary is loaded.
    #[cfg(test)]
    pub(super) fn loaded(&self) -> bool {
        self.full.get().is_some()
    }

    /// The whole dictionary, loaded on first use.
    pub(super) fn full(&self) -> &Jieba {
        self.full.get_or_init(|| {
            let mut jieba = Jieba::new();
            load_entries(&mut jieba, &self.entries);
            jieba
        })
    }

    /// Calls `f` with a jieba-rs that cuts `text` as the whole dictionary does: the whole
    /// one if it is loaded or `text` is long, else one of `text`'s words from the table.
    fn with_jieba<R>(&self, text: &str, f: impl FnOnce(&Jieba) -> R) -> R {
        match (self.full.get(), self.table) {
            (None, Some(table)) if text.len() <= SMALL_TEXT => f(&table.jieba_for(text)),
            _ => f(self.full()),
        }
    }

    /// The words of `text` with their input spans and positions.
    pub fn words(&self, text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        self.for_each_word(text, |w, span, position| {
            out.push(Word {
                text: w.to_string(),
                span,
                position,
            })
        });
        out
    }

    /// Calls `f(folded word, input span, position)` for each word of `text`: the words of
    /// [`Segmenter::words`] without collecting them.
    pub fn for_each_word(&self, text: &str, mut f: impl FnMut(&str, Span, u32)) {
        let folded = Folded::new(text, self.traditional);
        let ft = folded.as_str();
        let mut at = 0;
        self.scan_words(ft, |s, e, pos| {
            let start = folded.to_original_ascending(s, &mut at);
            let span = Span(start, folded.to_original_ascending(e, &mut at));
            f(&ft[s..e], span, pos)
        });
    }

    /// Calls `f(start, end, position)` with byte ranges of an already folded text: the words
    /// of [`Segmenter::for_each_word`] without the map back.
    pub fn scan_words(&self, ft: &str, mut f: impl FnMut(usize, usize, u32)) {
        let mut pos = Positions::default();
        let mut emit = |s: usize, e: usize, pos: &mut Positions| match classify(&ft[s..e]) {
            Kind::Space => {}
            Kind::Punct => pos.gap(),
            Kind::Word => f(s, e, pos.next()),
        };
        // Protected matches, then one jieba pass over the whole text whose words are merged
        // with them: a word a match covers is dropped, a word it cuts keeps its remainder.
        let mut ms: Vec<(usize, usize)> = Vec::new();
        if ft.contains(['年', '〔', '十']) {
            for m in PROTECTED.find_iter(ft) {
                let before = ft[..m.start()].chars().next_back();
                let attached = match m.as_str().as_bytes()[0] {
                    b'0'..=b'9' => before.is_some_and(|c| c.is_ascii_digit()),
                    _ if m.as_str().starts_with('十') => {
                        before.is_some_and(|c| "一二三四五六七八九十百千两〇零".contains(c))
                    }
                    _ => false,
                };
                if !attached {
                    ms.push((m.start(), m.end()));
                }
            }
        }
        let mut mi = 0;
        let mut done = 0;
        self.with_jieba(ft, |j| {
            // Cut a line at a time (lines gathered to a few kilobytes): jieba cuts the runs
            // between spaces and punctuation each on its own, so the words are those of the
            // whole text, and its list of words stays small instead of growing over fresh
            // memory for a long document.
            let mut base = 0;
            for piece in line_chunks(ft, 1 << 13) {
                for t in j.cut(piece, true) {
                    let (mut s, e) = ((base + t.byte_start).max(done), base + t.byte_end);
                    while let Some(&(m_start, m_end)) = ms.get(mi) {
                        if s >= e || m_start >= e {
                            break;
                        }
                        if s < m_start {
                            emit(s, m_start, &mut pos);
                        }
                        emit(m_start, m_end, &mut pos);
                        mi += 1;
                        done = m_end;
                        s = s.max(m_end);
                    }
                    if s < e {
                        emit(s, e, &mut pos);
                    }
                }
                base += piece.len();
            }
        });
    }

    /// The shorter words that cover `word` from its start, each the longest of jieba's
    /// search-mode words that starts where the one before ends (two characters or more; a
    /// character no such word starts at is passed over): `云南省政府` → 云南省, 政府;
    /// `工作报告` → 工作, 报告. Empty where jieba finds no shorter word. What a relaxed query
    /// accepts in place of a word the text does not use.
    pub fn pieces(&self, word: &str) -> Vec<String> {
        let subs: Vec<(usize, usize)> = self.with_jieba(word, |j| {
            j.cut_for_search(word, false)
                .into_iter()
                .filter(|t| t.word != word && t.end - t.start >= 2)
                .map(|t| (t.byte_start, t.byte_end))
                .collect()
        });
        let mut out = Vec::new();
        let mut at = 0;
        while at < word.len() {
            match subs.iter().filter(|s| s.0 == at).max_by_key(|s| s.1) {
                Some(&(s, e)) => {
                    out.push(word[s..e].to_string());
                    at = e;
                }
                None => at += word[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    /// The folded words of `text` joined by one space: the form `export` writes for engines
    /// that split on white space. Words that contain white space are left out.
    pub fn joined(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        self.for_each_word(text, |w, _, _| {
            if w.contains(char::is_whitespace) {
                return;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        });
        out
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

/// Position counter: one up per word, one more after a run of punctuation.
#[derive(Default)]
struct Positions {
    next: u32,
    gap_pending: bool,
}

impl Positions {
    fn next(&mut self) -> u32 {
        if std::mem::take(&mut self.gap_pending) {
            self.next += 1;
        }
        let p = self.next;
        self.next += 1;
        p
    }

    fn gap(&mut self) {
        if self.next > 0 {
            self.gap_pending = true;
        }
    }
}

/// `text` in pieces that each end after a line break, at least `size` bytes long but the last.
pub(super) fn line_chunks(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match memchr::memchr(b'\n', rest.as_bytes().get(size..).unwrap_or_default()) {
            Some(p) => size + p + 1,
            None => rest.len(),
        };
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

enum Kind {
    Space,
    Punct,
    Word,
}

fn classify(w: &str) -> Kind {
    if w.chars().all(char::is_whitespace) {
        Kind::Space
    } else if w.chars().any(|c| c.is_ascii_alphanumeric() || is_letter(c)) {
        Kind::Word
    } else {
        Kind::Punct
    }
}
