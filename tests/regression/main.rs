//! Regression tests, one for each bug found and fixed, named after it (in the manner of
//! ripgrep's `tests/regression.rs`). Each test fails on the code before its fix.
//!
//! `analysis.rs` holds the cases of the library's analysis (decoding, spans, bounds on the
//! record, time), `search.rs` those of the archive and the command line.

mod analysis;
#[cfg(feature = "search")]
mod search;
