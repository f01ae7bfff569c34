//! The 对照表 of two versions of a law, regulation or plan: their articles aligned by content,
//! not by number, through renumbering, insertions, deletions, splits, merges and moves.
//!
//! Articles come from the heading tree (`第X条` sections). Identical bodies pair first; the rest
//! pair by the Dice similarity of their character bigrams, best pairs first (at least
//! [`MIN_SIMILARITY`]); an article left over that is mostly contained in one already paired is
//! the other half of a split or a merge. Pairs whose order differs from the rest (outside the
//! longest run in order) are moved. Changed pairs carry a character diff.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Document, Section, Span};

/// The least bigram similarity for two articles to be one provision changed.
pub const MIN_SIMILARITY: f64 = 0.5;

/// The least similarity for articles left over between the same two pairs in order.
pub const MIN_SIMILARITY_IN_GAP: f64 = 0.3;

/// How much of an article left over must stand in a paired one for a split or a merge.
const MIN_CONTAINED: f64 = 0.9;

/// What became of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The same text.
    Unchanged,
    /// The same provision, its text edited (or split, or merged).
    Changed,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Deleted,
    /// The same provision, out of its old order.
    Moved,
}

/// One article of one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// As written: `第十二条`.
    pub marker: String,
    /// The number.
    pub ordinal: u32,
    /// The chapters (and sections) above it: `["第二章 设立"]`.
    pub path: Vec<String>,
    /// The body without its marker.
    pub text: String,
    /// The whole article in its input.
    pub span: Span,
}

/// A run of characters of a changed article: kept, or only in one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    /// In both.
    Same,
    /// Only in the old text.
    Deleted,
    /// Only in the new text.
    Inserted,
}

/// A pair of the alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Index into [`Comparison::old`].
    pub old: Option<usize>,
    /// Index into [`Comparison::new`].
    pub new: Option<usize>,
    /// What became of it.
    pub status: Status,
    /// Bigram similarity of the two bodies (1 for identical ones, 0 where one side is absent).
    pub similarity: f64,
    /// For a changed or moved pair whose text differs, the character runs of both texts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<(Edit, String)>,
}

/// Counts of the pairs by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Unchanged pairs.
    pub unchanged: usize,
    /// Changed pairs.
    pub changed: usize,
    /// Added articles.
    pub added: usize,
    /// Deleted articles.
    pub deleted: usize,
    /// Moved pairs.
    pub moved: usize,
}

/// Two versions aligned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The articles of the old version, in order.
    pub old: Vec<Article>,
    /// The articles of the new version, in order.
    pub new: Vec<Article>,
    /// The alignment in the new version's order, each deleted article after the pair of the old
    /// article before it.
    pub pairs: Vec<Pair>,
    /// Counts by status.
    pub summary: Summary,
}

/// Why two texts cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiffError {
    /// One side has no `第X条` articles: not a law, regulation or plan set out in articles.
    #[error("the {0} text has no articles (第X条): a 对照表 compares two versions of a law, regulation or rules")]
    NoArticles(&'static str),
}

/// The articles of an analysed document, with their chapter paths.
pub fn articles(doc: &Document, input: &str) -> Vec<Article> {
    fn walk(s: &[Section], input: &str, path: &mut Vec<String>, out: &mut Vec<Article>) {
        for x in s {
            if x.marker.starts_with('第') && x.marker.ends_with('条') {
                let whole = &input[x.span.start()..x.span.end()];
                let body = whole
                    .get(
                        whole
                            .find(x.marker.as_str())
                            .map_or(0, |i| i + x.marker.len())..,
                    )
                    .unwrap_or(whole)
                    .trim();
                out.push(Article {
                    marker: x.marker.clone(),
                    ordinal: x.ordinal,
                    path: path.clone(),
                    text: body.to_string(),
                    span: x.span,
                });
            } else {
                path.push(format!("{} {}", x.marker, x.heading));
                walk(&x.children, input, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.sections, input, &mut Vec::new(), &mut out);
    out
}

/// The body as compared: without white space and zero-width characters.
fn key(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .collect()
}

/// Sorted, deduplicated character bigrams.
fn bigrams(k: &str) -> Vec<u64> {
    let cs: Vec<char> = k.chars().collect();
    let mut v: Vec<u64> = cs
        .windows(2)
        .map(|w| (u64::from(w[0] as u32) << 32) | u64::from(w[1] as u32))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Aligns the articles of two versions.
pub fn compare(old: Vec<Article>, new: Vec<Article>) -> Result<Comparison, DiffError> {
    if old.is_empty() {
        return Err(DiffError::NoArticles("old"));
    }
    if new.is_empty() {
        return Err(DiffError::NoArticles("new"));
    }
    let ok: Vec<String> = old.iter().map(|a| key(&a.text)).collect();
    let nk: Vec<String> = new.iter().map(|a| key(&a.text)).collect();
    let mut old_to: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    let mut new_from: Vec<Vec<usize>> = vec![Vec::new(); new.len()];
    let mut sim: HashMap<(usize, usize), f64> = HashMap::new();

    // Identical bodies, in order.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, k) in nk.iter().enumerate().rev() {
        by_key.entry(k.as_str()).or_default().push(j);
    }
    for (i, k) in ok.iter().enumerate() {
        if let Some(j) = by_key.get_mut(k.as_str()).and_then(Vec::pop) {
            old_to[i].push(j);
            new_from[j].push(i);
            sim.insert((i, j), 1.0);
        }
    }

    // The rest by similarity, best first.
    let og: Vec<Vec<u64>> = ok.iter().map(|k| bigrams(k)).collect();
    let ng: Vec<Vec<u64>> = nk.iter().map(|k| bigrams(k)).collect();
    let free_old: Vec<usize> = (0..old.len()).filter(|&i| old_to[i].is_empty()).collect();
    let free_new: Vec<usize> = (0..new.len()).filter(|&j| new_from[j].is_empty()).collect();
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &free_old {
        for &j in &free_new {
            // Lengths too far apart cannot reach the threshold.
            let (a, b) = (og[i].len(), ng[j].len());
            if (a.min(b) as f64) * 2.0 < MIN_SIMILARITY * (a + b) as f64 {
                continue;
            }
            let s = dice(&og[i], &ng[j]);
            if s >= MIN_SIMILARITY {
                cands.push((s, i, j));
            }
        }
    }
    // Best first; among equals, the nearer in order.
    cands.sort_by(|x, y| {
        y.0.total_cmp(&x.0).then_with(|| {
            (x.1 as i64 - x.2 as i64)
                .abs()
                .cmp(&(y.1 as i64 - y.2 as i64).abs())
        })
    });
    for (s, i, j) in cands {
        if old_to[i].is_empty() && new_from[j].is_empty() {
            old_to[i].push(j);
            new_from[j].push(i);
            sim.insert((i, j), s);
        }
    }

    // Within a gap between articles paired in order, a leftover pair at a lower similarity is
    // the same provision rewritten (a revision that rewrites a chapter keeps its order).
    let mut order: Vec<(usize, usize)> = (0..old.len())
        .flat_map(|i| old_to[i].iter().map(move |&j| (i, j)))
        .collect();
    order.sort_unstable();
    let kept = longest_increasing(&order.iter().map(|&(_, j)| j).collect::<Vec<_>>());
    let mut anchors: Vec<(usize, usize)> = order
        .iter()
        .enumerate()
        .filter(|(k, _)| kept.contains(k))
        .map(|(_, &p)| p)
        .collect();
    anchors.insert(0, (usize::MAX, usize::MAX));
    anchors.push((old.len(), new.len()));
    for w in anchors.windows(2) {
        let (i0, j0) = (w[0].0.wrapping_add(1), w[0].1.wrapping_add(1));
        let (i1, j1) = w[1];
        let mut gap: Vec<(f64, usize, usize)> = Vec::new();
        for i in (i0..i1).filter(|&i| old_to[i].is_empty()) {
            for j in (j0..j1).filter(|&j| new_from[j].is_empty()) {
                let s = dice(&og[i], &ng[j]);
                if s >= MIN_SIMILARITY_IN_GAP {
                    gap.push((s, i, j));
                }
            }
        }
        gap.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (s, i, j) in gap {
            if old_to[i].is_empty() && new_from[j].is_empty() {
                old_to[i].push(j);
                new_from[j].push(i);
                sim.insert((i, j), s);
            }
        }
    }

    // Splits and merges: a leftover mostly contained in a paired article of the other side.
    for (j, i) in contained_in_paired(&new_from, &old_to, &ng, &og) {
        old_to[i].push(j);
        new_from[j].push(i);
        sim.insert((i, j), dice(&og[i], &ng[j]));
    }
    for (i, j) in contained_in_paired(&old_to, &new_from, &og, &ng) {
        old_to[i].push(j);
        new_from[j].push(i);
        sim.insert((i, j), dice(&og[i], &ng[j]));
    }

    // Moved: paired articles outside the longest run that keeps the old order.
    let mut links: Vec<(usize, usize)> = sim.keys().copied().collect();
    links.sort_unstable_by_key(|&(i, j)| (j, i));
    let in_order = longest_increasing(&links.iter().map(|&(i, _)| i).collect::<Vec<_>>());
    let moved: std::collections::HashSet<(usize, usize)> = links
        .iter()
        .enumerate()
        .filter(|(k, _)| !in_order.contains(k))
        .map(|(_, &l)| l)
        .collect();

    // The pairs in the new version's order; a deleted article after the pair of the old one
    // before it.
    let mut pairs: Vec<Pair> = Vec::new();
    let mut summary = Summary::default();
    let mut push = |pairs: &mut Vec<Pair>, old_i: Option<usize>, new_j: Option<usize>| {
        let (status, s, edits) = match (old_i, new_j) {
            (Some(i), Some(j)) => {
                let s = sim[&(i, j)];
                let same = ok[i] == nk[j];
                let status = if moved.contains(&(i, j)) {
                    Status::Moved
                } else if same {
                    Status::Unchanged
                } else {
                    Status::Changed
                };
                let edits = if same {
                    Vec::new()
                } else {
                    char_diff(&old[i].text, &new[j].text)
                };
                (status, s, edits)
            }
            (None, Some(_)) => (Status::Added, 0.0, Vec::new()),
            _ => (Status::Deleted, 0.0, Vec::new()),
        };
        match status {
            Status::Unchanged => summary.unchanged += 1,
            Status::Changed => summary.changed += 1,
            Status::Added => summary.added += 1,
            Status::Deleted => summary.deleted += 1,
            Status::Moved => summary.moved += 1,
        }
        pairs.push(Pair {
            old: old_i,
            new: new_j,
            status,
            similarity: s,
            edits,
        });
    };
    // For each new article, the old position of the next one paired in order: deleted
    // articles before it are listed before it (and before what was added in their place).
    let anchor = |j: usize| {
        let mut from = new_from[j].clone();
        from.sort_unstable();
        from.first().copied().filter(|&i| !moved.contains(&(i, j)))
    };
    let mut next_anchor = vec![old.len(); new.len() + 1];
    for j in (0..new.len()).rev() {
        next_anchor[j] = anchor(j).unwrap_or(next_anchor[j + 1]);
    }
    let mut next_old = 0;
    for j in 0..new.len() {
        let mut from = new_from[j].clone();
        from.sort_unstable();
        let upto = next_anchor[j];
        while next_old < upto {
            if old_to[next_old].is_empty() {
                push(&mut pairs, Some(next_old), None);
            }
            next_old += 1;
        }
        if let Some(i) = anchor(j) {
            next_old = next_old.max(i + 1);
        }
        if from.is_empty() {
            push(&mut pairs, None, Some(j));
        }
        for i in from {
            push(&mut pairs, Some(i), Some(j));
        }
    }
    for (i, to) in old_to.iter().enumerate().skip(next_old) {
        if to.is_empty() {
            push(&mut pairs, Some(i), None);
        }
    }
    Ok(Comparison {
        old,
        new,
        pairs,
        summary,
    })
}

/// The articles of one side left unpaired (`left[a]` empty) that stand almost whole in a paired
/// article of the other side, with that article: the other halves of splits and merges.
fn contained_in_paired(
    left: &[Vec<usize>],
    right: &[Vec<usize>],
    lg: &[Vec<u64>],
    rg: &[Vec<u64>],
) -> Vec<(usize, usize)> {
    (0..left.len())
        .filter(|&a| left[a].is_empty() && lg[a].len() >= 8)
        .filter_map(|a| {
            (0..right.len())
                .filter(|&b| !right[b].is_empty())
                .map(|b| (common(&lg[a], &rg[b]) as f64 / lg[a].len() as f64, b))
                .max_by(|x, y| x.0.total_cmp(&y.0))
                .filter(|x| x.0 >= MIN_CONTAINED)
                .map(|(_, b)| (a, b))
        })
        .collect()
}

/// Indices of a longest non-decreasing subsequence of `v`.
fn longest_increasing(v: &[usize]) -> std::collections::HashSet<usize> {
    // Patience sorting with back links.
    let mut tails: Vec<usize> = Vec::new(); // indices into v
    let mut prev: Vec<Option<usize>> = vec![None; v.len()];
    for k in 0..v.len() {
        // Non-decreasing: the halves of a split share their old article.
        let pos = tails.partition_point(|&t| v[t] <= v[k]);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = std::collections::HashSet::new();
    let mut at = tails.last().copied();
    while let Some(k) = at {
        out.insert(k);
        at = prev[k];
    }
    out
}

/// The character runs of two texts: a longest common subsequence, kept; the rest deleted or
/// inserted.
fn char_diff(a: &str, b: &str) -> Vec<(Edit, String)> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // The common prefix and suffix need no table.
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let (n, m) = (am.len(), bm.len());
    let mut runs: Vec<(Edit, String)> = Vec::new();
    let mut add = |e: Edit, c: char| match runs.last_mut() {
        Some((k, s)) if *k == e => s.push(c),
        _ => runs.push((e, c.to_string())),
    };
    a[..pre].iter().for_each(|&c| add(Edit::Same, c));
    if n * m > 4_000_000 {
        // Too long to align character by character: the middle is replaced whole.
        am.iter().for_each(|&c| add(Edit::Deleted, c));
        bm.iter().for_each(|&c| add(Edit::Inserted, c));
    } else {
        // lcs[i][j]: the longest common subsequence of am[i..] and bm[j..].
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                add(Edit::Same, am[i]);
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j]) {
                add(Edit::Inserted, bm[j]);
                j += 1;
            } else {
                add(Edit::Deleted, am[i]);
                i += 1;
            }
        }
    }
    a[a.len() - suf..].iter().for_each(|&c| add(Edit::Same, c));
    runs
}

/// Below this share of paired articles two texts are taken for different documents.
pub const SAME_DOCUMENT_SHARE: f64 = 0.3;

impl Comparison {
    /// The share of the shorter version's articles that pair with one of the other's
    /// (unchanged, changed or moved): near 1 for two versions of one text, low for two
    /// different laws, where a 对照表 means little ([`SAME_DOCUMENT_SHARE`]).
    pub fn paired_share(&self) -> f64 {
        let s = &self.summary;
        let paired = s.unchanged + s.changed + s.moved;
        let shorter = self.old.len().min(self.new.len()).max(1);
        (paired as f64 / shorter as f64).min(1.0)
    }

    /// `n articles: x unchanged, y changed, …`.
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        format!(
            "{} old and {} new articles: {} unchanged, {} changed, {} added, {} deleted, {} moved",
            self.old.len(),
            self.new.len(),
            s.unchanged,
            s.changed,
            s.added,
            s.deleted,
            s.moved
        )
    }

    /// The 对照表 as a two-column Markdown table: deletions struck through in the old column,
    /// insertions in bold in the new one.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "{}\n\n| 修改前 | 修改后 | 状态 |\n|---|---|---|\n",
            self.summary_line()
        );
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
        for p in &self.pairs {
            let (l, r) = self.sides(p, |e, t| match e {
                Edit::Same => cell(t),
                Edit::Deleted => format!("~~{}~~", cell(t)),
                Edit::Inserted => format!("**{}**", cell(t)),
            });
            out.push_str(&format!("| {l} | {r} | {} |\n", status_zh(p.status)));
        }
        out
    }

    /// The 对照表 as an HTML page: `<del>` and `<ins>` mark the changes.
    pub fn to_html(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('\n', "<br>")
        };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>对照表</title>\
             <style>table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:4px;vertical-align:top}}\
             del{{color:#b00}}ins{{color:#070;text-decoration:none;font-weight:bold}}</style></head><body>\n\
             <p>{}</p>\n<table><tr><th>修改前</th><th>修改后</th><th>状态</th></tr>\n",
            esc(&self.summary_line())
        );
        for p in &self.pairs {
            let (l, r) = self.sides(p, |e, t| match e {
                Edit::Same => esc(t),
                Edit::Deleted => format!("<del>{}</del>", esc(t)),
                Edit::Inserted => format!("<ins>{}</ins>", esc(t)),
            });
            out.push_str(&format!(
                "<tr><td>{l}</td><td>{r}</td><td>{}</td></tr>\n",
                status_zh(p.status)
            ));
        }
        out.push_str("</table></body></html>\n");
        out
    }

    /// One row per pair: old and new markers, status, similarity, old and new text.
    pub fn to_csv(&self) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut out = String::from("修改前条号,修改后条号,状态,相似度,修改前,修改后\n");
        for p in &self.pairs {
            let o = p.old.map(|i| &self.old[i]);
            let n = p.new.map(|j| &self.new[j]);
            out.push_str(&format!(
                "{},{},{},{:.3},{},{}\n",
                q(o.map_or("", |a| a.marker.as_str())),
                q(n.map_or("", |a| a.marker.as_str())),
                status_zh(p.status),
                p.similarity,
                q(o.map_or("", |a| a.text.as_str())),
                q(n.map_or("", |a| a.text.as_str())),
            ));
        }
        out
    }

    /// The two cells of a pair, each article's marker then its text with `mark` applied to the
    /// runs that belong to its side.
    fn sides(&self, p: &Pair, mark: impl Fn(Edit, &str) -> String) -> (String, String) {
        let o = p.old.map(|i| &self.old[i]);
        let n = p.new.map(|j| &self.new[j]);
        if p.edits.is_empty() {
            let plain = |a: Option<&Article>| {
                a.map_or(String::new(), |a| {
                    format!("{} {}", a.marker, mark(Edit::Same, &a.text))
                })
            };
            return (plain(o), plain(n));
        }
        let side = |keep: Edit| -> String {
            p.edits
                .iter()
                .filter(|(e, _)| *e == Edit::Same || *e == keep)
                .map(|(e, t)| mark(*e, t))
                .collect()
        };
        (
            format!(
                "{} {}",
                o.map_or("", |a| a.marker.as_str()),
                side(Edit::Deleted)
            ),
            format!(
                "{} {}",
                n.map_or("", |a| a.marker.as_str()),
                side(Edit::Inserted)
            ),
        )
    }
}

fn status_zh(s: Status) -> &'static str {
    match s {
        Status::Unchanged => "未修改",
        Status::Changed => "修改",
        Status::Added => "新增",
        Status::Deleted => "删除",
        Status::Moved => "移动",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(n: u32, text: &str) -> Article {
        Article {
            marker: format!("第{}条", crate::numerals::to_cn(u64::from(n))),
            ordinal: n,
            path: Vec::new(),
            text: text.to_string(),
            span: Span(0, 0),
        }
    }

    #[test]
    fn renumbered_inserted_deleted_and_changed() {
        let old = vec![
            art(1, "为了规范养犬行为，保障公民健康，制定本条例。"),
            art(2, "本条例适用于本市行政区域内的养犬管理活动。"),
            art(3, "养犬人应当为犬只办理登记，并按时接种狂犬病疫苗。"),
            art(4, "本条例自2020年1月1日起施行。"),
        ];
        let new = vec![
            art(1, "为了规范养犬行为，保障公民健康，制定本条例。"),
            art(
                2,
                "犬只收容场所由市公安机关统一设置，所需经费列入财政预算。",
            ),
            art(3, "养犬人应当为犬只办理登记，并每年按时接种狂犬病疫苗。"),
            art(4, "本条例自2027年1月1日起施行。"),
        ];
        let c = compare(old, new).unwrap();
        let got: Vec<(Option<u32>, Option<u32>, Status)> = c
            .pairs
            .iter()
            .map(|p| {
                (
                    p.old.map(|i| c.old[i].ordinal),
                    p.new.map(|j| c.new[j].ordinal),
                    p.status,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Some(1), Status::Unchanged),
                (Some(2), None, Status::Deleted),
                (None, Some(2), Status::Added),
                (Some(3), Some(3), Status::Changed),
                (Some(4), Some(4), Status::Changed),
            ]
        );
        let edits = &c.pairs[3].edits;
        assert!(
            edits.contains(&(Edit::Inserted, "每年".to_string())),
            "{edits:?}"
        );
        assert_eq!(
            c.summary,
            Summary {
                unchanged: 1,
                changed: 2,
                added: 1,
                deleted: 1,
                moved: 0
            }
        );
    }

    #[test]
    fn moved_and_split() {
        let old = vec![
            art(1, "甲条的内容是关于登记管理的规定和要求。"),
            art(2, "乙条的内容是关于收费标准的规定和要求。"),
            art(
                3,
                "丙条的内容是关于法律责任的规定，违反者处以罚款，情节严重的吊销证照。",
            ),
        ];
        let new = vec![
            art(1, "乙条的内容是关于收费标准的规定和要求。"),
            art(2, "甲条的内容是关于登记管理的规定和要求。"),
            art(3, "丙条的内容是关于法律责任的规定，违反者处以罚款。"),
            art(4, "情节严重的吊销证照。"),
        ];
        let c = compare(old, new).unwrap();
        let statuses: Vec<Status> = c.pairs.iter().map(|p| p.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == Status::Moved).count(), 1);
        // The split-off sentence pairs with its old article, not as an addition.
        assert_eq!(c.summary.added, 0, "{:?}", c.pairs);
        assert!(c
            .pairs
            .iter()
            .any(|p| p.new == Some(3) && p.old == Some(2) && p.status == Status::Changed));
    }

    #[test]
    fn texts_without_articles_are_refused() {
        assert_eq!(
            compare(Vec::new(), vec![art(1, "甲")]),
            Err(DiffError::NoArticles("old"))
        );
    }
}
