//! The query parser on arbitrary text: it returns a parse or an error, and never panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(parsed) = zhengce::search::query::parse(text) {
            // What the highlighter is given of a parse.
            let _ = parsed.texts();
        }
    }
});
