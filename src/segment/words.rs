//! jieba-rs with the policy dictionary and the protected patterns: the words of a text
//! (only with the `search` feature, which brings jieba-rs).

use std::path::Path;
use std::sync::LazyLock;

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

/// Builds a [`Segmenter`].
#[derive(Debug, Clone, Default)]
pub struct SegmenterBuilder {
    traditional: Traditional,
    user_dicts: Vec<(String, String)>,
}

impl SegmenterBuilder {
    /// What to do with traditional characters; by default they are simplified.
    pub fn traditional(mut self, t: Traditional) -> Self {
        self.traditional = t;
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

    /// Loads jieba's dictionary, then ours, then the user's.
    pub fn build(self) -> Result<Segmenter> {
        let mut jieba = Jieba::new();
        load_dict(&mut jieba, "policy_dict.txt", POLICY_DICT)?;
        for (name, text) in &self.user_dicts {
            load_dict(&mut jieba, name, text)?;
        }
        Ok(Segmenter {
            jieba,
            traditional: self.traditional,
        })
    }
}

/// Adds the entries of a dictionary text. A frequency is a floor: it is raised where needed to
/// keep the word whole, and a word the dictionary already knows more often keeps its count.
fn load_dict(jieba: &mut Jieba, name: &str, text: &str) -> Result<()> {
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
        let tag = it.next();
        // Dictionary words are stored in their folded form, so that `２０２６年` and `規劃`
        // in a user's file mean what they say.
        let word = super::fold::fold_str(word, Traditional::ToSimplified);
        let freq = freq.max(jieba.suggest_freq(&word));
        jieba.add_word(&word, Some(freq), tag);
    }
    Ok(())
}

/// Patterns kept as one word whatever the dictionary says: a year with 年, the number part of a
/// 文号, a plan period.
static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{4}年|〔[0-9]{4}〕[0-9]+号|十[一二三四五六七八九]五").expect("valid pattern")
});

/// jieba-rs with the policy dictionary and the search normalisation. Build it once and share
/// it: it is `Send + Sync`, and loading the dictionaries takes a good fraction of a second.
pub struct Segmenter {
    jieba: Jieba,
    traditional: Traditional,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("traditional", &self.traditional)
            .finish_non_exhaustive()
    }
}

impl Segmenter {
    /// The default segmenter: policy dictionary, traditional characters simplified.
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
        for t in self.jieba.cut(ft, true) {
            let (mut s, e) = (t.byte_start.max(done), t.byte_end);
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
    }

    /// The shorter words that cover `word` from its start, each the longest of jieba's
    /// search-mode words that starts where the one before ends (two characters or more; a
    /// character no such word starts at is passed over): `云南省政府` → 云南省, 政府;
    /// `工作报告` → 工作, 报告. Empty where jieba finds no shorter word. What a relaxed query
    /// accepts in place of a word the text does not use.
    pub fn pieces(&self, word: &str) -> Vec<String> {
        let subs: Vec<(usize, usize)> = self
            .jieba
            .cut_for_search(word, false)
            .into_iter()
            .filter(|t| t.word != word && t.end - t.start >= 2)
            .map(|t| (t.byte_start, t.byte_end))
            .collect();
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
