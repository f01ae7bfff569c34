//! A trend written out: tidy CSV (one row per group × term), the document × term panel as
//! CSV, a Markdown table for reading, and an SVG chart of the rate per year.

use super::{GroupBy, Trend};
use crate::table::{csv_lines, markdown_lines};

/// Rates are written with this many decimals.
const DECIMALS: usize = 4;

fn num(x: f64) -> String {
    format!("{x:.DECIMALS$}")
}

impl Trend {
    /// The tidy table: one row per group × term, with a header whose first column is named
    /// by the grouping (`year`, `type`, `issuer`), for Stata, R or pandas.
    pub fn to_csv(&self) -> String {
        let head = [
            self.by.name(),
            "term",
            "documents",
            "group_documents",
            "occurrences",
            "chars",
            "per_10k",
            "first_key",
            "first_date",
        ]
        .map(String::from);
        let rows = self.rows.iter().map(|r| {
            [
                r.group.clone(),
                r.term.clone(),
                r.documents.to_string(),
                r.group_documents.to_string(),
                r.occurrences.to_string(),
                r.chars.to_string(),
                num(r.per_10k),
                r.first_key.clone().unwrap_or_default(),
                r.first_date.clone().unwrap_or_default(),
            ]
        });
        let all: Vec<[String; 9]> = std::iter::once(head).chain(rows).collect();
        csv_lines(all.iter())
    }

    /// The panel: one row per document × term, zeros included, with the document's key,
    /// title, date, year, type, issuer and length.
    pub fn panel_csv(&self) -> String {
        let head = [
            "key",
            "title",
            "date",
            "year",
            "doc_type",
            "issuer",
            "chars",
            "term",
            "occurrences",
            "per_10k",
        ]
        .map(String::from);
        let rows = self.panel().map(|r| {
            [
                r.doc.key.clone(),
                r.doc.title.clone().unwrap_or_default(),
                r.doc.date.clone().unwrap_or_default(),
                r.doc.year.map(|y| y.to_string()).unwrap_or_default(),
                r.doc.doc_type.clone(),
                r.doc.issuer.clone().unwrap_or_default(),
                r.doc.chars.to_string(),
                r.term.to_string(),
                r.occurrences.to_string(),
                num(r.per_10k),
            ]
        });
        let all: Vec<[String; 10]> = std::iter::once(head).chain(rows).collect();
        csv_lines(all.iter())
    }

    /// For reading: a table with a row per group and, for each term, its documents,
    /// occurrences and rate; then each term's first appearance.
    pub fn to_markdown(&self) -> String {
        let group_head = match self.by {
            GroupBy::Year => "年份",
            GroupBy::Type => "类型",
            GroupBy::Issuer => "发文或讲话者",
        };
        let mut head = vec![group_head.to_string(), "文件数".to_string()];
        for t in &self.terms {
            head.push(format!("{}（文件/次数/每万字）", t.term));
        }
        let n = self.terms.len().max(1);
        let rows: Vec<Vec<String>> = self
            .groups
            .iter()
            .zip(self.rows.chunks(n))
            .map(|(g, rs)| {
                let mut row = vec![
                    if g.group.is_empty() {
                        "—".to_string()
                    } else {
                        g.group.clone()
                    },
                    g.documents.to_string(),
                ];
                for r in rs {
                    row.push(format!(
                        "{} / {} / {:.2}",
                        r.documents, r.occurrences, r.per_10k
                    ));
                }
                row
            })
            .collect();
        let head_refs: Vec<&str> = head.iter().map(String::as_str).collect();
        let mut out = markdown_lines(Some(&head_refs), &rows);
        out.push_str("\n首次出现：\n\n");
        for t in &self.terms {
            match &t.first {
                Some(o) => out.push_str(&format!(
                    "- {}：{} {}（{}）{} {}\n",
                    t.term,
                    o.date
                        .clone()
                        .or_else(|| o.year.map(|y| y.to_string()))
                        .unwrap_or_default(),
                    o.title.as_deref().unwrap_or(""),
                    o.key,
                    o.section,
                    o.snippet.to_plain().replace(['\n', '\r'], " "),
                )),
                None => out.push_str(&format!("- {}：未出现\n", t.term)),
            }
        }
        out
    }

    /// An SVG chart of the rate per 10,000 characters by year, one line per term, with
    /// labelled axes and a legend. Only for a trend grouped by year (`None` otherwise, or when
    /// no group has a year).
    pub fn to_svg(&self) -> Option<String> {
        if self.by != GroupBy::Year {
            return None;
        }
        let n = self.terms.len().max(1);
        let series: Vec<crate::chart::Series> = self
            .terms
            .iter()
            .enumerate()
            .map(|(t, term)| {
                let points = self
                    .groups
                    .iter()
                    .zip(self.rows.chunks(n))
                    .filter_map(|(g, rs)| Some((g.group.parse::<i32>().ok()?, rs[t].per_10k)))
                    .collect();
                (term.term.clone(), points)
            })
            .collect();
        let title = self
            .terms
            .iter()
            .map(|t| t.term.as_str())
            .collect::<Vec<_>>()
            .join("、");
        crate::chart::by_year(
            &format!("{title}：每万字出现次数"),
            "每万字出现次数",
            &series,
        )
    }
}
