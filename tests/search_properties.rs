//! Property tests of the search side: any input, no panic; word and gram spans on char
//! boundaries inside the input and folding to the token; positions ascend; passages and
//! snippets stay inside their text.
#![cfg(feature = "search")]

use std::sync::LazyLock;

use proptest::prelude::*;
use zhengce::search::passages::{passages, CleanText};
use zhengce::search::query::parse;
use zhengce::search::snippet::Highlighter;
use zhengce::segment::fold::fold_str;
use zhengce::segment::{grams, Segmenter, Traditional};

static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// Text shaped like the documents: policy words, markers, full-width and traditional forms,
/// punctuation, line breaks.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("营商环境".to_string()),
        Just("十五五规划".to_string()),
        Just("2026年底前".to_string()),
        Just("２０２６年".to_string()),
        Just("〔2025〕37号".to_string()),
        Just("規劃".to_string()),
        Just("一网通办".to_string()),
        Just("一、".to_string()),
        Just("（二）".to_string()),
        Just("一是".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("\u{3000}".to_string()),
        Just("GDP增长5.8%".to_string()),
        "[a-z0-9 .]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn words_are_sound(input in text()) {
        let mut last: Option<u32> = None;
        for w in SEG.words(&input) {
            let (s, e) = (w.span.start(), w.span.end());
            prop_assert!(s < e && e <= input.len());
            prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            prop_assert_eq!(fold_str(&input[s..e], Traditional::ToSimplified), w.text.as_str());
            if let Some(p) = last {
                prop_assert!(w.position > p);
            }
            last = Some(w.position);
        }
    }

    /// What the archive indexes as units (streamed by its tokenizer) is what a query is
    /// planned from (`grams`): the same units, spans and positions.
    #[test]
    fn indexed_units_are_the_query_units(input in text()) {
        use tantivy::tokenizer::TokenStream;
        for t in [Traditional::ToSimplified, Traditional::Keep] {
            let want: Vec<(String, usize, usize, usize)> = grams(&input, t)
                .into_iter()
                .map(|g| (g.text, g.span.start(), g.span.end(), g.position as usize))
                .collect();
            let mut got = Vec::new();
            let mut stream = zhengce::search::schema::gram_stream(t, &input);
            while stream.advance() {
                let k = stream.token();
                got.push((k.text.clone(), k.offset_from, k.offset_to, k.position));
            }
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn grams_are_sound(input in text()) {
        let mut last: Option<u32> = None;
        for g in grams(&input, Traditional::ToSimplified) {
            let (s, e) = (g.span.start(), g.span.end());
            prop_assert!(s < e && e <= input.len());
            prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            if let Some(p) = last {
                prop_assert!(g.position > p);
            }
            last = Some(g.position);
        }
    }

    #[test]
    fn passages_stay_inside_the_text(input in text()) {
        let doc = zhengce::analyze(&input);
        let clean = CleanText::new(&input, &doc);
        let mut prev = 0;
        for p in passages(&doc, &clean) {
            prop_assert!(prev <= p.start && p.start < p.end && p.end <= clean.text.len());
            prop_assert!(clean.text.is_char_boundary(p.start) && clean.text.is_char_boundary(p.end));
            let (s, e) = (clean.to_original(p.start), clean.to_original(p.end));
            prop_assert!(s <= e && e <= input.len());
            prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            prev = p.end;
        }
    }

    #[test]
    fn words_cut_once_stay_in_their_passage(input in text()) {
        use tantivy::tokenizer::{TokenStream, Tokenizer};
        use zhengce::search::schema::{words_by_passage, JoinedTokenizer};
        let doc = zhengce::analyze(&input);
        let clean = CleanText::new(&input, &doc);
        let ranges: Vec<(usize, usize)> =
            passages(&doc, &clean).iter().map(|p| (p.start, p.end)).collect();
        let (per, distinct) = words_by_passage(&SEG, &clean.text, &ranges);
        prop_assert_eq!(per.len(), ranges.len());
        let mut in_passages = std::collections::HashSet::new();
        for (&(s, e), joined) in ranges.iter().zip(&per) {
            let folded = fold_str(&clean.text[s..e], Traditional::ToSimplified).into_owned();
            let mut tokenizer = JoinedTokenizer;
            let mut stream = tokenizer.token_stream(joined);
            let mut last: Option<usize> = None;
            while stream.advance() {
                let t = stream.token();
                prop_assert!(!t.text.is_empty() && folded.contains(t.text.as_str()), "{:?}", t.text);
                prop_assert!(last.is_none_or(|l| t.position > l));
                last = Some(t.position);
                in_passages.insert(t.text.clone());
            }
        }
        // The whole text's distinct words include those of its passages.
        prop_assert!(distinct >= in_passages.len(), "{} < {}", distinct, in_passages.len());
    }

    #[test]
    fn queries_parse_or_say_why(q in any::<String>()) {
        match parse(&q) {
            Ok(p) => prop_assert!(!p.must.is_empty()),
            Err(e) => prop_assert!(e.to_string().contains("bad query")),
        }
    }

    #[test]
    fn snippets_mark_inside_their_text(input in text(), q in prop::collection::vec(fragment(), 1..3), chars in 10usize..200) {
        let q = q.concat();
        let Ok(parsed) = parse(&q) else { return Ok(()) };
        let hl = Highlighter::new(&SEG, &parsed.texts());
        let s = hl.snippet(&input, chars);
        let mut prev = 0;
        for &(a, b) in &s.highlights {
            prop_assert!(prev <= a && a < b && b <= s.text.len());
            prop_assert!(s.text.is_char_boundary(a) && s.text.is_char_boundary(b));
            prev = b;
        }
        let _ = s.to_html();
    }
}
