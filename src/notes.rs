//! Notes for the reader: where the text is cut, declared counts that do not match, outline
//! items the body does not have.

use crate::analyzer::Ctx;
use crate::clean::Cleaned;
use crate::lines::Line;
use crate::model::{Document, SourceEncoding};
use crate::structure::counts::{self, Check, Declared};
use crate::structure::outline::OutlineBlock;
use crate::structure::points::{scope_of, Family, FoundPoint};
use crate::structure::tree::Flat;

fn section_label(flat: &[Flat], i: usize, body: &str) -> String {
    let f = &flat[i];
    let h = &body[f.heading.0..f.heading.1];
    let short: String = h.chars().take(16).collect();
    let marker = &body[f.marker.0..f.marker.1];
    if short.len() < h.len() {
        format!("{marker}{short}…")
    } else {
        format!("{marker}{short}")
    }
}

/// Where omissions fall and where the shown text breaks off.
pub(crate) fn truncation(doc: &mut Document, cleaned: &Cleaned, flat: &[Flat], body: &str) {
    let Some(t) = &cleaned.truncation else { return };
    for o in &t.omissions {
        let size = o
            .chars
            .map_or(String::from("an unknown amount of"), |n| n.to_string());
        // The section whose text the omission interrupts: the one holding the text before it.
        let before = body[..o.start].trim_end().len().saturating_sub(1);
        let place = scope_of(flat, before)
            .map(|s| format!("section {}", section_label(flat, s, body)))
            .unwrap_or_else(|| "the text before the first heading".into());
        doc.notes.push(format!(
            "omission: {size} characters left out by the source inside {place}; that section is interrupted"
        ));
    }
    let cut_short = match (t.declared, t.shown, t.remaining) {
        (Some(d), Some(s), _) => d > s,
        (_, _, Some(r)) => r > 0,
        _ => false,
    };
    if cut_short {
        let end = body.trim_end().len();
        let place = scope_of(flat, end.saturating_sub(1))
            .map(|s| format!("section {}", section_label(flat, s, body)))
            .unwrap_or_else(|| "the text".into());
        let shown = match (t.declared, t.shown) {
            (Some(d), Some(s)) => format!(" (shown {s} of {d} characters)"),
            _ => String::new(),
        };
        doc.notes
            .push(format!("truncated: the text breaks off in {place}{shown}"));
    }
}

/// The analysed body, as the notes need it.
pub(crate) struct BodyView<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    pub para_end: &'a [usize],
    pub flat: &'a [Flat],
    pub points: &'a [FoundPoint],
}

/// Declared counts that the series or headings found do not bear out.
pub(crate) fn counts(doc: &mut Document, b: &BodyView, decls: &[Declared], ctx: &Ctx) {
    let (lines, para_end) = (b.lines, b.para_end);
    for d in decls {
        // A forward declaration's list starts in its own paragraph or the next one.
        let li = lines
            .partition_point(|l| l.start <= d.start)
            .saturating_sub(1);
        let here = para_end[li];
        let next = lines
            .iter()
            .position(|l| !l.is_blank() && l.text_start > here)
            .map_or(here, |j| para_end[j]);
        match counts::check(b.text, d, b.points, b.flat, next) {
            Check::Matches | Check::Unknown => {}
            Check::Mismatch { points, headings } => {
                let said = ctx
                    .text((d.start, d.end))
                    .trim_end_matches([':', '：', ',', '，', '。']);
                let found = match (points, headings) {
                    (None, None) => "no enumerated series or headings".to_string(),
                    (p, h) => [
                        p.map(|n| format!("{n} points")),
                        h.map(|n| format!("{n} headings")),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" and "),
                };
                doc.notes.push(format!(
                    "count: \"{said}\" declares {} but {found} were found {}",
                    d.n,
                    if d.forward { "after it" } else { "before it" }
                ));
            }
        }
    }
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '。' | ',' | ';' | ':' | '，' | '；' | '：' | '、')
        })
        .collect()
}

/// Outline items with no matching heading or point in the body.
pub(crate) fn outline(
    doc: &mut Document,
    o: &OutlineBlock,
    flat: &[Flat],
    pts: &[FoundPoint],
    ctx: &Ctx,
) {
    let omitted = doc
        .truncation
        .as_ref()
        .is_some_and(|t| !t.omissions.is_empty());
    // The heading item a `一是` item stands under, as (style, ordinal).
    let mut parent = None;
    for it in &o.items {
        let want = compact(ctx.text(it.heading));
        let marker = ctx.text(it.marker);
        let found = match it.style {
            Some(style) => {
                parent = Some((style, it.ordinal));
                flat.iter()
                    .filter(|f| f.style == style && f.ordinal == it.ordinal)
                    .map(|f| compact(ctx.text(f.heading)))
                    .collect::<Vec<_>>()
            }
            None => {
                let section = parent
                    .and_then(|(st, n)| flat.iter().position(|f| f.style == st && f.ordinal == n));
                pts.iter()
                    .filter(|p| p.family == Family::Shi && p.ordinal == it.ordinal)
                    .filter(|p| match (section, p.scope) {
                        (None, scope) => scope.is_none(),
                        (Some(s), Some(ps)) => {
                            ps == s || (flat[s].start..flat[s].end).contains(&flat[ps].start)
                        }
                        (Some(_), None) => false,
                    })
                    .map(|p| compact(ctx.text(p.lead)))
                    .collect()
            }
        };
        let matched = found
            .iter()
            .any(|h| !h.is_empty() && (h.starts_with(&want) || want.starts_with(h.as_str())));
        if matched {
            continue;
        }
        let why = if omitted {
            " (it may stand in omitted text)"
        } else {
            ""
        };
        if found.is_empty() {
            doc.notes.push(format!(
                "outline: item {marker}{} is not in the body{why}",
                ctx.text(it.heading)
            ));
        } else {
            doc.notes.push(format!(
                "outline: item {marker}{} differs from the body's {marker}{}",
                ctx.text(it.heading),
                found[0]
            ));
        }
    }
}

/// How many runs of bad bytes are described one by one before the rest are counted.
const BAD_RUNS_LISTED: usize = 5;

/// Notes the runs of input bytes that were not valid in the input's encoding (each replaced
/// by U+FFFD in the text): `3 bytes at 99,998 were not valid UTF-8`.
pub(crate) fn bad_bytes(doc: &mut Document, runs: &[crate::decode::BadBytes]) {
    let encoding = match doc.encoding {
        SourceEncoding::Utf8 | SourceEncoding::Utf8Bom => "UTF-8",
        SourceEncoding::Utf16 => "UTF-16",
        SourceEncoding::Gb18030 => "GB18030",
    };
    for r in runs.iter().take(BAD_RUNS_LISTED) {
        let (what, verb) = match r.len {
            1 => ("1 byte".to_string(), "was"),
            n => (format!("{n} bytes"), "were"),
        };
        doc.notes.push(format!(
            "{what} at {} {verb} not valid {encoding}; replaced by U+FFFD",
            thousands(r.at),
        ));
    }
    if runs.len() > BAD_RUNS_LISTED {
        let rest = &runs[BAD_RUNS_LISTED..];
        let bytes: usize = rest.iter().map(|r| r.len).sum();
        doc.notes.push(format!(
            "{} more runs of invalid {encoding} ({bytes} bytes) replaced by U+FFFD",
            rest.len()
        ));
    }
}

/// `99998` → `99,998`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
