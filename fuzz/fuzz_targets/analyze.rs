#![no_main]
use libfuzzer_sys::fuzz_target;
fuzz_target!(|data: &[u8]| {
    let _ = zhengce::Analyzer::default().analyze_bytes(data, std::path::Path::new("fuzz"));
});
