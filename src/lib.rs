//! # zhengce (政策)
//!
//! Reads Chinese government and policy texts — speeches (讲话), government work reports
//! (政府工作报告), notices and plans (通知/意见/方案), regulations (条例/办法) — and returns their
//! structure: title and front matter, outline, heading tree, enumerated points, removed web
//! furniture and truncation, as the analysis record [`Document`].
//!
//! Every [`Span`] is a byte range of the original (decoded) input.
//!
//! ```
//! let text = "在全区改革推进会上的讲话\n同志们:\n今天主要任务有两个:一是回头看;二是谋划明年。\n\
//!             一、正视成绩与短板\n今年工作取得成效。\n二、聚焦关键与特色\n第一,要优化营商环境。\n第二,要培育新质生产力。\n";
//! let doc = zhengce::analyze(text);
//! assert_eq!(doc.title.as_deref(), Some("在全区改革推进会上的讲话"));
//! assert_eq!(doc.doc_type, zhengce::DocType::Speech);
//! assert_eq!(doc.sections.len(), 2);
//! assert_eq!(doc.sections[1].heading, "聚焦关键与特色");
//! assert_eq!(doc.points.len(), 4); // 一是, 二是, 第一, 第二
//! let p = &doc.points[2];
//! assert_eq!((p.marker.as_str(), p.section_path.as_slice()), ("第一", &[2][..]));
//! assert_eq!(&text[p.span.start()..p.span.end()], "第一,要优化营商环境。");
//! assert!(doc.notes.is_empty());
//! ```
#![deny(missing_docs)]

mod actions;
mod analyzer;
mod chart;
mod clean;
pub mod dates;
pub mod decode;
pub mod diff;
mod error;
mod extract;
mod front;
pub mod lines;
mod model;
pub mod normalize;
mod notes;
pub mod numerals;
pub mod quantity;
pub mod render;
#[cfg(feature = "search")]
pub mod search;
pub mod segment;
pub mod structure;
pub mod table;
pub mod targets;
pub mod tasks;
pub mod times;

pub use analyzer::{Analyzer, AnalyzerBuilder, Stages};
pub use error::{Error, InputProblem, Result};
pub use model::*;

use std::sync::LazyLock;

static DEFAULT: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

/// Analyses a text with the default [`Analyzer`].
pub fn analyze(text: &str) -> Document {
    DEFAULT.analyze(text)
}

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "search"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
