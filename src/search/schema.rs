//! The fields of an archive and the tokenizers they are indexed with.

use std::sync::Arc;

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

use crate::segment::{scan_grams, Folded, Segmenter, Traditional};

/// Name of the word tokenizer in an index's tokenizer manager.
pub const WORDS: &str = "zhengce_words";
/// Name of the bigram tokenizer.
pub const GRAMS: &str = "zhengce_grams";

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
    /// The title (words).
    pub title: Field,
    /// `doc_type` name.
    pub doc_type: Field,
    /// Issuer or speaker (words).
    pub issuer: Field,
    /// 文号 as written.
    pub doc_number: Field,
    /// The document's date.
    pub date: Field,
    /// The document's year.
    pub year: Field,
    /// Markers of the enclosing sections, `二、 › （三）`.
    pub section: Field,
    /// Heading of the innermost enclosing section (words).
    pub heading: Field,
    /// The point's marker, where the passage is a point.
    pub point: Field,
    /// The text, indexed as words and stored (the snippet source).
    pub body: Field,
    /// The text, indexed as character bigrams.
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
            title: b.add_text_field("title", words_stored.clone()),
            doc_type: b.add_text_field("doc_type", STRING | STORED),
            issuer: b.add_text_field("issuer", words_stored.clone()),
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
            section: b.add_text_field("section", STORED),
            heading: b.add_text_field("heading", words_stored.clone()),
            point: b.add_text_field("point", STORED),
            body: b.add_text_field("body", words_stored.clone()),
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

/// Registers the word and bigram tokenizers on an index, so that tantivy's own query parser and
/// any field added later tokenize the way the archive does.
pub fn register(index: &Index, seg: &Arc<Segmenter>) {
    let m = index.tokenizers();
    m.register(WORDS, WordTokenizer(Arc::clone(seg)));
    m.register(GRAMS, GramTokenizer(seg.traditional()));
}

/// tantivy tokenizer over [`Segmenter::scan_words`].
#[derive(Clone)]
pub struct WordTokenizer(pub Arc<Segmenter>);

/// tantivy tokenizer over [`scan_grams`].
#[derive(Clone)]
pub struct GramTokenizer(pub Traditional);

/// Tokens of one text: the folded text, the token ranges found in it, and one [`Token`]
/// refilled at each step, so that no token allocates.
pub struct SpanTokenStream<'a> {
    folded: Folded<'a>,
    /// `(first start, first end, second start, second end, position)` in the folded text; a
    /// word or a lone unit has an empty second range.
    spans: Vec<[u32; 5]>,
    next: usize,
    token: Token,
    /// Walk states of the offset map for starts and ends (both ascend).
    at: (usize, usize),
}

impl<'a> SpanTokenStream<'a> {
    fn new(folded: Folded<'a>, spans: Vec<[u32; 5]>) -> Self {
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
        let Some(&[s1, e1, s2, e2, pos]) = self.spans.get(self.next) else {
            return false;
        };
        self.next += 1;
        let ft = self.folded.as_str();
        let t = &mut self.token;
        t.text.clear();
        t.text.push_str(&ft[s1 as usize..e1 as usize]);
        t.text.push_str(&ft[s2 as usize..e2 as usize]);
        t.offset_from = self
            .folded
            .to_original_ascending(s1 as usize, &mut self.at.0);
        t.offset_to = self
            .folded
            .to_original_ascending(e1.max(e2) as usize, &mut self.at.1);
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
    let mut spans = Vec::with_capacity(text.len() / 5);
    seg.scan_words(folded.as_str(), |s, e, p| {
        spans.push([s as u32, e as u32, e as u32, e as u32, p])
    });
    SpanTokenStream::new(folded, spans)
}

/// The bigram token stream of a text.
pub fn gram_stream(traditional: Traditional, text: &str) -> SpanTokenStream<'_> {
    let folded = Folded::new(text, traditional);
    let mut spans = Vec::with_capacity(text.len() / 3);
    scan_grams(folded.as_str(), |a, b, p| {
        let (s2, e2) = b.unwrap_or((a.1, a.1));
        spans.push([a.0 as u32, a.1 as u32, s2 as u32, e2 as u32, p])
    });
    SpanTokenStream::new(folded, spans)
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = SpanTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanTokenStream<'a> {
        word_stream(&self.0, text)
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = SpanTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanTokenStream<'a> {
        gram_stream(self.0, text)
    }
}
