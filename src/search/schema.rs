//! The fields of an archive and the tokenizers they are indexed with.

use std::borrow::Cow;
use std::sync::Arc;

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

use crate::segment::{Folded, Segmenter, Traditional, Units};

/// Name of the word tokenizer in an index's tokenizer manager.
pub const WORDS: &str = "zhengce_words";
/// Name of the unit (one-character gram) tokenizer.
pub const GRAMS: &str = "zhengce_grams";
/// Name of the tokenizer of text cut beforehand ([`JoinedTokenizer`]).
pub const JOINED: &str = "zhengce_joined";

/// Which unit of an archive a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A whole document.
    Document,
    /// A passage: a section's own text, a point, or a paragraph-sized piece of either.
    Passage,
}

impl Unit {
    /// The value stored in the `unit` field.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Document => "document",
            Unit::Passage => "passage",
        }
    }
}

/// The fields of the archive's schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The document's key (its path as indexed); every unit of a document carries it.
    pub key: Field,
    /// `document` or `passage`.
    pub unit: Field,
    /// Content hash of the document's bytes, hex.
    pub hash: Field,
    /// MinHash sketch of the document's text, for collapsing reposts (document unit only).
    pub sketch: Field,
    /// The title (words; as written in a fast column).
    pub title: Field,
    /// `doc_type` name (also a fast column, for facets and trends).
    pub doc_type: Field,
    /// Issuer or speaker (words; as written in a fast column, what facets and trends group by).
    pub issuer: Field,
    /// Characters of the document's clean text (document unit only, fast): the denominator
    /// of a trend's rate.
    pub chars: Field,
    /// 文号 as written.
    pub doc_number: Field,
    /// The document's date.
    pub date: Field,
    /// The document's year: its date's, or for an undated work report the year after the one
    /// it reviews.
    pub year: Field,
    /// That year again, only where the document has no date: what `since`/`until` match an
    /// undated document on.
    pub undated_year: Field,
    /// Markers of the enclosing sections, `二、 › （三）`.
    pub section: Field,
    /// Heading of the innermost enclosing section (words).
    pub heading: Field,
    /// The point's marker, where the passage is a point.
    pub point: Field,
    /// A passage's words, with positions, cut once per document ([`words_by_passage`]) and
    /// indexed with [`JoinedTokenizer`]; not stored (see `text`).
    pub body: Field,
    /// How many distinct words a document's text has (document unit only, fast): its length
    /// when a query's words are matched over the whole document (the query-time match of
    /// `search::doc_words`).
    pub words: Field,
    /// A passage's text, stored only (the snippet source); a document unit has none (its
    /// passages, which follow it, hold its text).
    pub text: Field,
    /// The text, indexed as units (characters, ASCII runs) with positions: any substring is a
    /// phrase of them.
    pub grams: Field,
    /// Actors of the action points in the unit (words).
    pub actors: Field,
    /// Deadlines of the action points in the unit, ISO.
    pub deadlines: Field,
    /// Byte range of the unit in the document's decoded text.
    pub start: Field,
    /// End of that range.
    pub end: Field,
}

impl Fields {
    /// The schema and its fields.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let positions = |tokenizer: &str| {
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions)
        };
        let words = TextOptions::default().set_indexing_options(positions(JOINED));
        let words_stored = TextOptions::default()
            .set_indexing_options(positions(WORDS))
            .set_stored();
        let grams = TextOptions::default().set_indexing_options(positions(GRAMS));
        let u64_stored = NumericOptions::default().set_stored();
        let fields = Fields {
            key: b.add_text_field("key", STRING | STORED | FAST),
            unit: b.add_text_field("unit", STRING | STORED | FAST),
            hash: b.add_text_field("hash", STRING | STORED),
            sketch: b.add_bytes_field("sketch", FAST),
            title: b.add_text_field("title", words_stored.clone().set_fast("raw")),
            doc_type: b.add_text_field("doc_type", STRING | STORED | FAST),
            issuer: b.add_text_field("issuer", words_stored.clone().set_fast("raw")),
            chars: b.add_u64_field("chars", FAST),
            doc_number: b.add_text_field("doc_number", STRING | STORED),
            date: b.add_date_field(
                "date",
                DateOptions::default()
                    .set_indexed()
                    .set_stored()
                    .set_fast()
                    .set_precision(DateTimePrecision::Seconds),
            ),
            year: b.add_u64_field(
                "year",
                NumericOptions::default()
                    .set_indexed()
                    .set_stored()
                    .set_fast(),
            ),
            undated_year: b.add_u64_field("undated_year", NumericOptions::default().set_indexed()),
            section: b.add_text_field("section", STORED),
            heading: b.add_text_field("heading", words_stored.clone()),
            point: b.add_text_field("point", STORED),
            body: b.add_text_field("body", words),
            words: b.add_u64_field("words", FAST),
            text: b.add_text_field("text", STORED),
            grams: b.add_text_field("grams", grams),
            actors: b.add_text_field("actors", words_stored),
            deadlines: b.add_text_field("deadlines", STRING | STORED),
            start: b.add_u64_field("start", u64_stored.clone()),
            end: b.add_u64_field("end", u64_stored),
        };
        (b.build(), fields)
    }
}

/// The string values of a stored field, whether stored one by one or as an array.
pub fn stored_strings(d: &tantivy::TantivyDocument, field: Field) -> Vec<String> {
    use tantivy::schema::Value;
    let mut out = Vec::new();
    for v in d.get_all(field) {
        if let Some(s) = v.as_str() {
            out.push(s.to_string());
        } else if let Some(items) = v.as_array() {
            out.extend(items.filter_map(|x| x.as_str().map(str::to_string)));
        }
    }
    out
}

/// Registers the word, unit and joined-word tokenizers on an index, so that tantivy's own query
/// parser and any field added later tokenize the way the archive does. (`body` holds text cut
/// beforehand, so the parser sees a query on it as one word.)
pub fn register(index: &Index, seg: &Arc<Segmenter>) {
    let m = index.tokenizers();
    m.register(WORDS, WordTokenizer::new(Arc::clone(seg)));
    m.register(GRAMS, GramTokenizer(seg.traditional()));
    m.register(JOINED, JoinedTokenizer);
}

/// tantivy tokenizer over [`Segmenter::scan_words`]. It keeps the words of the last text it
/// cut: each passage of a document repeats the document's title and issuer, and each passage
/// of a section its heading, and tantivy gives each field a tokenizer of its own, so the same
/// text comes again and is not cut again.
#[derive(Clone)]
pub struct WordTokenizer {
    seg: Arc<Segmenter>,
    /// The last text cut and its `(start, end, position)` words in the folded text.
    last: Option<(String, Vec<[u32; 3]>)>,
}

impl WordTokenizer {
    /// A tokenizer cutting with `seg`.
    pub fn new(seg: Arc<Segmenter>) -> Self {
        WordTokenizer { seg, last: None }
    }
}

/// tantivy tokenizer over [`Units`].
#[derive(Clone)]
pub struct GramTokenizer(pub Traditional);

/// Tokens of one text: the folded text, the token ranges found in it, and one [`Token`]
/// refilled at each step, so that no token allocates.
pub struct SpanTokenStream<'a> {
    folded: Folded<'a>,
    /// `(start, end, position)` in the folded text.
    spans: Cow<'a, [[u32; 3]]>,
    next: usize,
    token: Token,
    /// Walk states of the offset map for starts and ends (both ascend).
    at: (usize, usize),
}

impl<'a> SpanTokenStream<'a> {
    fn new(folded: Folded<'a>, spans: Cow<'a, [[u32; 3]]>) -> Self {
        SpanTokenStream {
            folded,
            spans,
            next: 0,
            token: Token::default(),
            at: (0, 0),
        }
    }
}

impl TokenStream for SpanTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(&[s, e, pos]) = self.spans.get(self.next) else {
            return false;
        };
        self.next += 1;
        let ft = self.folded.as_str();
        let t = &mut self.token;
        t.text.clear();
        t.text.push_str(&ft[s as usize..e as usize]);
        t.offset_from = self
            .folded
            .to_original_ascending(s as usize, &mut self.at.0);
        t.offset_to = self
            .folded
            .to_original_ascending(e as usize, &mut self.at.1);
        t.position = pos as usize;
        t.position_length = 1;
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The word token stream of a text.
pub fn word_stream<'a>(seg: &Segmenter, text: &'a str) -> SpanTokenStream<'a> {
    let folded = Folded::new(text, seg.traditional());
    let spans = word_spans(seg, folded.as_str());
    SpanTokenStream::new(folded, Cow::Owned(spans))
}

/// `(start, end, position)` of the words of a folded text.
fn word_spans(seg: &Segmenter, folded: &str) -> Vec<[u32; 3]> {
    let mut spans = Vec::with_capacity(folded.len() / 5);
    seg.scan_words(folded, |s, e, p| spans.push([s as u32, e as u32, p]));
    spans
}

/// The unit token stream of a text: its [`Units`], with input offsets.
pub fn gram_stream(traditional: Traditional, text: &str) -> GramTokenStream<'_> {
    GramTokenStream {
        units: Units::new(text, traditional),
        token: Token::default(),
    }
}

/// The token stream of [`GramTokenizer`] ([`gram_stream`]).
pub struct GramTokenStream<'a> {
    units: Units<'a>,
    token: Token,
}

impl TokenStream for GramTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let t = &mut self.token;
        let Some((span, position)) = self.units.next_into(&mut t.text) else {
            return false;
        };
        t.offset_from = span.start();
        t.offset_to = span.end();
        t.position = position as usize;
        t.position_length = 1;
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = SpanTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanTokenStream<'a> {
        let folded = Folded::new(text, self.seg.traditional());
        if self.last.as_ref().is_none_or(|(t, _)| t != text) {
            let spans = word_spans(&self.seg, folded.as_str());
            self.last = Some((text.to_string(), spans));
        }
        let spans = self.last.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
        SpanTokenStream::new(folded, Cow::Borrowed(spans))
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = GramTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramTokenStream<'a> {
        gram_stream(self.0, text)
    }
}

/// The words of a document cut once, for all its units: for each passage (`ranges`, ascending
/// byte ranges of `text`) its words joined by spaces, with one more space where punctuation
/// left a position gap (the form [`JoinedTokenizer`] reads back), and how many distinct words
/// the whole text has. The passages get the tokens [`WordTokenizer`] would give each on
/// its own, without the text being cut twice.
pub fn words_by_passage(
    seg: &Segmenter,
    text: &str,
    ranges: &[(usize, usize)],
) -> (Vec<String>, usize) {
    let folded = Folded::new(text, seg.traditional());
    let ft = folded.as_str();
    let mut per: Vec<String> = ranges
        .iter()
        .map(|&(s, e)| String::with_capacity(e - s + (e - s) / 4))
        .collect();
    // Every word of the text is looked up: a fast hash, and room for the distinct words of a
    // typical text from the start.
    let mut seen: rustc_hash::FxHashSet<&str> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(ft.len() / 16, Default::default());
    let (mut r, mut last, mut at) = (0, None, 0);
    seg.scan_words(ft, |s, e, p| {
        let word = &ft[s..e];
        if word.contains(' ') {
            return; // cannot be told apart from the separator (jieba keeps spaces apart)
        }
        seen.insert(word);
        let from = folded.to_original_ascending(s, &mut at);
        while r < ranges.len() && from >= ranges[r].1 {
            r += 1;
            last = None;
        }
        if ranges.get(r).is_none_or(|&(rs, _)| from < rs) {
            return;
        }
        let out = &mut per[r];
        if let Some(l) = last {
            for _ in l..p {
                out.push(' ');
            }
        }
        out.push_str(word);
        last = Some(p);
    });
    (per, seen.len())
}

/// Tokenizer of text already cut into words ([`words_by_passage`]): words are separated by a
/// space, and each further space is a position left empty.
#[derive(Clone, Default)]
pub struct JoinedTokenizer;

/// The token stream of [`JoinedTokenizer`].
pub struct JoinedTokenStream<'a> {
    text: &'a str,
    at: usize,
    position: usize,
    token: Token,
}

impl TokenStream for JoinedTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() && bytes[self.at] == b' ' {
            self.at += 1;
            self.position += 1;
        }
        if self.at >= bytes.len() {
            return false;
        }
        let start = self.at;
        let end = memchr::memchr(b' ', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let t = &mut self.token;
        t.text.clear();
        t.text.push_str(&self.text[start..end]);
        t.offset_from = start;
        t.offset_to = end;
        // The first word is at 0; one space after a word moves one position on.
        t.position = self.position.saturating_sub(1);
        t.position_length = 1;
        self.at = end;
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for JoinedTokenizer {
    type TokenStream<'a> = JoinedTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> JoinedTokenStream<'a> {
        JoinedTokenStream {
            text,
            at: 0,
            position: 1,
            token: Token::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut stream: impl TokenStream) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn joined_text_reads_back_with_its_gaps() {
        for (text, want) in [
            (
                "改革  发展 规划",
                vec![("改革", 0), ("发展", 2), ("规划", 3)],
            ),
            ("一网通办", vec![("一网通办", 0)]),
            ("", vec![]),
            ("甲   乙", vec![("甲", 0), ("乙", 3)]),
        ] {
            let got = tokens(JoinedTokenizer.token_stream(text));
            let want: Vec<(String, usize)> =
                want.into_iter().map(|(w, p)| (w.to_string(), p)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn words_cut_once_match_each_passage_cut_alone() {
        let seg = Segmenter::new();
        let text = "一、深化改革。推進“一網通辦”，２０２６年底前完成。\n\
                    二、优化营商环境，落实十五五规划；各部门要牵头负责。\n三、其他";
        let cuts: Vec<usize> = text
            .match_indices(['二', '三'])
            .map(|(i, _)| i)
            .chain([0, text.len()])
            .collect();
        let mut cuts = cuts;
        cuts.sort_unstable();
        let ranges: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
        let (per, distinct) = words_by_passage(&seg, text, &ranges);
        assert_eq!(per.len(), 3);
        let mut all = std::collections::HashSet::new();
        for (&(s, e), joined) in ranges.iter().zip(&per) {
            let alone = tokens(word_stream(&seg, &text[s..e]));
            assert_eq!(
                tokens(JoinedTokenizer.token_stream(joined)),
                alone,
                "{joined:?}"
            );
            all.extend(alone.into_iter().map(|(w, _)| w));
        }
        assert_eq!(distinct, all.len());
        assert!(
            all.contains("一网通办") && all.contains("2026年"),
            "{all:?}"
        );
    }

    /// The tokenizer that keeps the last text's words gives, for a run of texts with repeats
    /// (a title on every passage, a heading on each of its section's), what a fresh cut gives.
    #[test]
    fn the_word_tokenizer_gives_a_repeated_text_its_own_words() {
        let seg = Arc::new(Segmenter::new());
        let mut tok = WordTokenizer::new(Arc::clone(&seg));
        let texts = [
            "国务院关于推進“一網通辦”的通知",
            "国务院关于推進“一網通辦”的通知",
            "一、总体要求",
            "一、总体要求",
            "",
            "",
            "国务院关于推進“一網通辦”的通知",
            "２０２６年底前完成",
        ];
        for t in texts {
            let got: Vec<(String, usize, usize, usize)> = {
                let mut stream = tok.token_stream(t);
                let mut out = Vec::new();
                while stream.advance() {
                    let k = stream.token();
                    out.push((k.text.clone(), k.position, k.offset_from, k.offset_to));
                }
                out
            };
            let mut fresh = word_stream(&seg, t);
            let mut with_offsets = Vec::new();
            while fresh.advance() {
                let k = fresh.token();
                with_offsets.push((k.text.clone(), k.position, k.offset_from, k.offset_to));
            }
            assert_eq!(got, with_offsets, "{t:?}");
        }
    }
}
