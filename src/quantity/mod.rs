//! Stage 6: quantities — the number parser and the metrics built on it.

pub(crate) mod metric;
pub mod number;
mod subject;
