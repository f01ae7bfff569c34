//! Decoding and analysis of arbitrary bytes: a record or a typed error, never a panic; every
//! span of the record on char boundaries inside the decoded text, and the record no more than
//! a fixed multiple of the input.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhengce::{Analyzer, Span};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

fn check(text: &str, span: Span) {
    assert!(span.start() <= span.end() && span.end() <= text.len());
    assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
}

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = zhengce::decode::decode_bytes(data) else {
        return;
    };
    let text = decoded.text.as_str();
    let doc = ANALYZER.analyze(text);
    for s in doc.all_sections() {
        check(text, s.span);
    }
    for p in &doc.points {
        check(text, p.span);
    }
    for m in &doc.metrics {
        check(text, m.span);
        assert_eq!(&text[m.span.start()..m.span.end()], m.text);
    }
    for t in &doc.times {
        check(text, t.span);
    }
    for a in &doc.actions {
        check(text, a.span);
        assert_eq!(&text[a.span.start()..a.span.end()], a.text);
    }
    for r in &doc.removed {
        check(text, r.span);
    }
    let json = serde_json::to_string(&doc).unwrap().len();
    assert!(json <= 40 * text.len() + 4096, "{json} bytes for {}", text.len());
    // The file path gives the same record, or the same refusal.
    let _ = ANALYZER.analyze_bytes(data, Path::new("fuzz"));
});
