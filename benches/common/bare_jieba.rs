//! The baseline tokenizer the `search` and `eval` benches compare against.

/// A tantivy tokenizer as the tantivy-jieba crate makes it: jieba's search-mode tokens (HMM
/// on), owned, with byte offsets.
#[derive(Clone)]
pub struct BareJieba(pub std::sync::Arc<jieba_rs::Jieba>);

impl tantivy::tokenizer::Tokenizer for BareJieba {
    type TokenStream<'a> = tantivy::tokenizer::PreTokenizedStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        let tokens = self
            .0
            .tokenize(text, jieba_rs::TokenizeMode::Search, true)
            .into_iter()
            .enumerate()
            .map(|(position, t)| tantivy::tokenizer::Token {
                offset_from: bytes[t.start],
                offset_to: bytes[t.end],
                position,
                text: t.word.to_string(),
                position_length: 1,
            })
            .collect();
        tantivy::tokenizer::PreTokenizedString {
            text: String::new(),
            tokens,
        }
        .into()
    }
}
