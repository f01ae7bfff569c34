//! Snippets sized in characters, cut at sentence ends, with each matched phrase highlighted
//! whole.
//!
//! Matching is done on the folded text (full-width, case and, by default, traditional forms
//! folded the way the index folds them), so a highlight covers exactly the characters that
//! match, whatever form they take in the text.

use serde::{Deserialize, Serialize};

use crate::segment::{Folded, Segmenter};

/// A piece of a passage with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The text shown; line breaks become spaces, `…` marks a cut inside a sentence.
    pub text: String,
    /// Byte ranges of `text` that match the query, ascending, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// What to look for in a text: each query phrase, and its words for when the phrase is not
/// there whole.
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    phrases: Vec<(String, Vec<String>)>,
    traditional: crate::segment::Traditional,
}

/// Characters that end a sentence for the purpose of cutting a snippet.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

impl Highlighter {
    /// The phrases of a query's text clauses.
    pub fn new(seg: &Segmenter, texts: &[(&str, bool)]) -> Highlighter {
        let mut phrases = Vec::new();
        for &(t, _) in texts {
            let folded: String = Folded::new(t, seg.traditional())
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if folded.is_empty() {
                continue;
            }
            let words = seg
                .words(t)
                .into_iter()
                .map(|w| w.text)
                .filter(|w| w.chars().count() > 1 || !w.is_ascii())
                .collect();
            phrases.push((folded, words));
        }
        Highlighter {
            phrases,
            traditional: seg.traditional(),
        }
    }

    /// Byte ranges of `text` that match: every occurrence of a phrase; where a phrase does not
    /// occur whole, every occurrence of its words.
    pub fn matches(&self, text: &str) -> Vec<(usize, usize)> {
        let folded = Folded::new(text, self.traditional);
        let ft = folded.as_str();
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (phrase, words) in &self.phrases {
            let whole: Vec<(usize, usize)> = ft
                .match_indices(phrase.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .collect();
            if !whole.is_empty() {
                out.extend(whole);
            } else {
                for w in words {
                    out.extend(ft.match_indices(w.as_str()).map(|(i, m)| (i, i + m.len())));
                }
            }
        }
        out.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        for (s, e) in out {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
            .into_iter()
            .map(|(s, e)| (folded.to_original(s), folded.to_original(e)))
            .collect()
    }

    /// A snippet of about `chars` characters of `text` around its best cluster of matches.
    pub fn snippet(&self, text: &str, chars: usize) -> Snippet {
        let ms = self.matches(text);
        // The window start (a match start) that covers the most matches within `chars`.
        let budget = |s: usize, e: usize| text[s..e].chars().count();
        let best = (0..ms.len())
            .max_by_key(|&i| {
                let n = ms[i..]
                    .iter()
                    .take_while(|m| m.1 <= text.len() && budget(ms[i].0, m.1) <= chars)
                    .count();
                (n, std::cmp::Reverse(i))
            })
            .map(|i| ms[i]);
        let (anchor_s, anchor_e) = best.unwrap_or((0, 0));

        // Start at the beginning of the sentence if it is near enough, else a little before
        // the match.
        let sentence_start = text[..anchor_s]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_sentence_end(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut start = sentence_start;
        let mut lead_cut = false;
        if budget(sentence_start, anchor_s) > chars / 2 {
            start = back_chars(text, anchor_s, chars / 5);
            lead_cut = true;
        }
        // End at a sentence end within the budget (after the match), else cut.
        let limit = forward_chars(text, start, chars);
        let limit = limit.max(anchor_e.min(forward_chars(text, start, chars.saturating_mul(2))));
        let end = text[anchor_e.min(limit)..limit]
            .char_indices()
            .filter(|&(_, c)| is_sentence_end(c))
            .map(|(i, c)| anchor_e.min(limit) + i + c.len_utf8())
            .next_back();
        let (end, tail_cut) = match end {
            Some(e) => (e, false),
            None => (limit, limit < text.len()),
        };
        // Trim white space at both ends.
        let trimmed = &text[start..end];
        let lead_ws = trimmed.len() - trimmed.trim_start().len();
        let start = start + lead_ws;
        let end = start + text[start..end].trim_end().len();

        let mut out = String::with_capacity(end - start + 8);
        if lead_cut {
            out.push('…');
        }
        let base = out.len();
        out.extend(
            text[start..end]
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
        if tail_cut {
            out.push('…');
        }
        let highlights = ms
            .iter()
            .filter(|&&(s, e)| s >= start && e <= end)
            .map(|&(s, e)| (s - start + base, e - start + base))
            .collect();
        Snippet {
            text: out,
            highlights,
        }
    }
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

impl Snippet {
    /// The snippet as HTML: text escaped, matches in `<b>…</b>`.
    pub fn to_html(&self) -> String {
        self.render("<b>", "</b>", true)
    }

    /// The snippet for a terminal: matches in bold red.
    pub fn to_ansi(&self) -> String {
        self.render("\x1b[1;31m", "\x1b[0m", false)
    }

    /// The snippet with matches in `[…]`, for plain output.
    pub fn to_plain(&self) -> String {
        self.render("【", "】", false)
    }

    fn render(&self, open: &str, close: &str, escape: bool) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        let push = |out: &mut String, s: &str| {
            if escape {
                for c in s.chars() {
                    match c {
                        '&' => out.push_str("&amp;"),
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        '"' => out.push_str("&quot;"),
                        c => out.push(c),
                    }
                }
            } else {
                out.push_str(s);
            }
        };
        for &(s, e) in &self.highlights {
            push(&mut out, &self.text[at..s]);
            out.push_str(open);
            push(&mut out, &self.text[s..e]);
            out.push_str(close);
            at = e;
        }
        push(&mut out, &self.text[at..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

    fn hl(q: &str) -> Highlighter {
        let parsed = crate::search::query::parse(q).unwrap();
        Highlighter::new(&SEG, &parsed.texts())
    }

    #[test]
    fn phrase_is_highlighted_whole() {
        let text = "一、总体要求\n要持续优化营商环境，打造一流营商环境。其他工作照常推进。";
        let s = hl("营商环境").snippet(text, 100);
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["营商环境", "营商环境"]);
        assert_eq!(s.to_html().matches("<b>营商环境</b>").count(), 2);
    }

    #[test]
    fn words_are_highlighted_when_the_phrase_is_not_there() {
        let s = hl("改革项目").snippet("推进改革的项目建设。", 50);
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["改革", "项目"]);
    }

    #[test]
    fn full_width_and_traditional_text_is_highlighted_exactly() {
        let text = "到２０２６年底，完成規劃編制。";
        let s = hl("2026年 规划").snippet(text, 50);
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["２０２６年", "規劃"]);
    }

    #[test]
    fn long_text_is_cut_in_characters_at_sentence_ends() {
        let filler = "各部门要各司其职、密切配合，形成工作合力。".repeat(10);
        let text = format!("{filler}要建立健全数据资产登记制度。{filler}");
        let s = hl("数据资产").snippet(&text, 60);
        let n = s.text.chars().count();
        assert!((10..=62).contains(&n), "{n}: {}", s.text);
        assert!(
            s.text.contains("要建立健全数据资产登记制度。"),
            "{}",
            s.text
        );
        let (a, b) = s.highlights[0];
        assert_eq!(&s.text[a..b], "数据资产");
    }

    #[test]
    fn html_is_escaped() {
        let s = Snippet {
            text: "a<b>&营商".into(),
            highlights: vec![(5, 11)],
        };
        assert_eq!(s.to_html(), "a&lt;b&gt;&amp;<b>营商</b>");
    }

    #[test]
    fn no_match_gives_the_start() {
        let s = hl("碳达峰").snippet(
            "第一条 为了规范管理，制定本办法。第二条 本办法自公布之日起施行。",
            20,
        );
        assert!(s.highlights.is_empty());
        assert!(s.text.starts_with("第一条"), "{}", s.text);
    }
}
