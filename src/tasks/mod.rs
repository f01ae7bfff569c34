//! The task table (任务分工表): each numbered measure of a document with the units the text
//! makes responsible for it, read from the responsibility note after it
//! (`（海关总署、商务部负责）`), from an earlier note that says `下同`, or from the measure's own
//! directive sentences.
//!
//! A measure is a heading with no sub-headings under it (`1.拓展两个市场。…`, `（五）…`),
//! outside the parts that set no work (指导思想, 基本原则, 主要目标, a work report's review).
//! Articles of laws are provisions, not measures: a document of articles has no tasks.

mod grid;
pub(crate) mod note;
pub mod table;

use crate::analyzer::Ctx;
use crate::model::{Document, Span, Task, TimeKind, UnitsSource};
use crate::structure::markers::Style;
use crate::structure::points::{Family, FoundPoint};
use crate::structure::tree::Flat;

use note::Note;

/// Headings of parts that state aims and principles rather than work to do; a measure under
/// them is no task.
const NO_WORK: &[&str] = &[
    "指导思想",
    "基本原则",
    "总体要求",
    "总体思路",
    "主要目标",
    "发展目标",
    "工作目标",
    "总体目标",
    "适用范围",
    "回顾",
    "过去一年",
    "过去五年",
];

/// Headings of a closing part with no measures of its own (`五、有关要求`).
const CLOSING: &[&str] = &["有关要求", "工作要求", "组织实施", "实施要求"];

/// Where the first of [`note::FIRST_LEADS`] stands in `body`: each holds 第一, so only the
/// text around that word is looked at.
fn first_leads_at(body: &str) -> Option<usize> {
    memchr::memmem::find_iter(body.as_bytes(), "第一").find_map(|p| {
        let mut from = p.saturating_sub(12);
        while !body.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (p + 40).min(body.len());
        while !body.is_char_boundary(to) {
            to -= 1;
        }
        let window = &body[from..to];
        note::FIRST_LEADS
            .iter()
            .filter_map(|r| window.find(r))
            .min()
            .map(|k| from + k)
    })
}

/// A note found inside a measure, in normalised coordinates.
struct FoundNote {
    whole: (usize, usize),
    inner: (usize, usize),
    note: Note,
}

/// Fills `doc.tasks`. `body` is the normalised body; `flat` its headings, `pts` its points;
/// `past` the ranges that review the past, which set no work.
pub(crate) fn tasks(
    doc: &mut Document,
    body: &str,
    flat: &[Flat],
    pts: &[FoundPoint],
    past: &[(usize, usize)],
    ctx: &Ctx,
) {
    if flat.iter().any(|f| f.style == Style::Tiao) {
        return;
    }
    let mut has_child = vec![false; flat.len()];
    for f in flat {
        if let Some(p) = f.parent {
            has_child[p] = true;
        }
    }
    let heading = |i: usize| body.get(flat[i].heading.0..flat[i].heading.1).unwrap_or("");
    let sets_no_work = |mut i: usize| loop {
        if NO_WORK.iter().any(|w| heading(i).contains(w)) {
            return true;
        }
        match flat[i].parent {
            Some(p) => i = p,
            None => return false,
        }
    };
    // Where the document says that the first unit listed leads (from there on), and whether
    // it has a 分工表's column heads: found through a fast search for the words they share.
    let first_leads_from = first_leads_at(body).unwrap_or(usize::MAX);
    let has_table = ["牵头", "责任"].iter().any(|w| {
        memchr::memmem::find_iter(body.as_bytes(), w).any(|p| {
            ["单位", "部门"]
                .iter()
                .any(|u| body[p + w.len()..].starts_with(u))
        })
    });

    // A 分工表 laid out as text gives one task per row; a section holding one is no task.
    let rows = if has_table {
        grid::rows(body, &crate::lines::split_lines(body))
    } else {
        Vec::new()
    };
    // Rows are in text order: the first at or after a heading tells whether it holds one.
    let holds_rows = |f: &Flat| {
        let k = rows.partition_point(|r| r.span.0 < f.start);
        rows.get(k).is_some_and(|r| r.span.1 <= f.end)
    };

    let mut units = Units {
        carried: None,
        first_leads_from,
    };
    let mut out = Vec::new();
    for (i, f) in flat.iter().enumerate() {
        let reviews = past.iter().any(|&(s, e)| s <= f.start && f.start < e);
        if has_child[i] || reviews || sets_no_work(i) || holds_rows(f) {
            continue;
        }
        let closing = CLOSING.iter().any(|w| heading(i).trim() == *w);
        let end = if i + 1 == flat.len() {
            measure_end(body, f.heading.1.max(f.marker.1), f.end)
        } else {
            f.end
        };
        // A measure set out in numbered points (`一是…；二是…`) has one task per point.
        let k = pts.partition_point(|p| p.span.0 < f.marker.1);
        let inner = &pts[k..k + pts[k..].partition_point(|p| p.span.0 < end)];
        let numbered: Vec<usize> = inner
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.scope == Some(i)
                    && p.span.1 <= end
                    && matches!(
                        p.family,
                        Family::Shi | Family::Yao | Family::Di | Family::Qi
                    )
            })
            .map(|(j, _)| k + j)
            .collect();
        if !closing && numbered.len() >= 2 {
            for j in numbered {
                let p = &pts[j];
                let m = Measure {
                    path: &f.path,
                    point: Some(j),
                    marker: p.marker,
                    heading: None,
                    start: p.span.0,
                    end: p.span.1,
                };
                if let Some(t) = measure(doc, body, ctx, &m, &mut units, false) {
                    out.push(t);
                }
            }
            continue;
        }
        let m = Measure {
            path: &f.path,
            point: None,
            marker: f.marker,
            heading: Some(f.heading),
            start: f.start,
            end,
        };
        if let Some(t) = measure(doc, body, ctx, &m, &mut units, closing) {
            out.push(t);
        }
    }
    for r in &rows {
        out.push(row_task(doc, flat, r, ctx));
    }
    out.sort_by_key(|t| t.span.start());
    doc.tasks = out;
}

/// A measure: a leaf heading, or a numbered point inside one; normalised coordinates.
struct Measure<'a> {
    path: &'a [u32],
    point: Option<usize>,
    marker: (usize, usize),
    heading: Option<(usize, usize)>,
    start: usize,
    end: usize,
}

/// What the notes read so far say about the measures after them.
struct Units {
    /// The last note that says `下同`, with its text.
    carried: Option<(Note, String)>,
    /// Where the document says that the first unit listed leads.
    first_leads_from: usize,
}

/// The task of one measure, or `None` for a closing part without a note.
fn measure(
    doc: &mut Document,
    body: &str,
    ctx: &Ctx,
    m: &Measure,
    units: &mut Units,
    closing: bool,
) -> Option<Task> {
    let (mut notes, unclosed) = notes_in(body, m.marker.1, m.end);
    for at in unclosed {
        doc.notes.push(format!(
            "tasks: a responsibility note opened at byte {} is not closed on its line; \
             left as text",
            ctx.span((at, at)).start()
        ));
    }
    notes.retain(|n| {
        let named = n.note.has_units() || n.note.states_first_leads;
        if !named && note::ends_as_note(&body[n.inner.0..n.inner.1]) {
            doc.notes.push(format!(
                "tasks: the note {} names no unit; left as text",
                ctx.text(n.whole)
            ));
        }
        named
    });
    if closing && notes.is_empty() {
        return None;
    }
    let span = ctx.span((m.start, m.end));
    let mut task = Task {
        section_path: m.path.to_vec(),
        point: m.point,
        marker: ctx.text(m.marker).to_string(),
        title: m
            .heading
            .map(|h| ctx.text(h).to_string())
            .filter(|t| !t.is_empty()),
        text: text_without(ctx, (m.marker.1, m.end), &notes),
        lead: Vec::new(),
        partners: Vec::new(),
        units_text: None,
        units_source: None,
        deadline: None,
        deadline_text: None,
        metrics: targets(doc, span),
        span,
    };
    let mut term = None;
    if !notes.is_empty() {
        let mut texts = Vec::new();
        for n in notes {
            let mut note = n.note;
            if note.carries_units {
                units.carried = Some((note.clone(), ctx.text(n.whole).to_string()));
            }
            if note.states_first_leads || n.whole.0 >= units.first_leads_from {
                note.first_leads();
            }
            extend_unique(&mut task.lead, note.lead);
            extend_unique(&mut task.partners, note.partners);
            term = term.or(note.term);
            texts.push(ctx.text(n.whole).to_string());
        }
        task.units_text = Some(texts.join(""));
        task.units_source = Some(UnitsSource::Note);
    } else if let Some((note, text)) = &units.carried {
        let mut note = note.clone();
        if units.first_leads_from < m.start {
            note.first_leads();
        }
        task.lead = note.lead;
        task.partners = note.partners;
        task.units_text = Some(text.clone());
        task.units_source = Some(UnitsSource::Carried);
    } else {
        // The units its own directive sentences make responsible, each sentence's in turn.
        for a in inside(&doc.actions, span, |a| a.span).1 {
            if !span.contains(a.span) {
                continue;
            }
            if let Some(actor) = a.actor.as_deref() {
                let named = note::named_units(actor).into_iter().map(str::to_string);
                extend_unique(&mut task.lead, named.collect());
                extend_unique(&mut task.partners, a.partners.clone());
            }
        }
        task.partners.retain(|p| !task.lead.contains(p));
        if !task.lead.is_empty() {
            task.units_source = Some(UnitsSource::Sentence);
        }
    }
    if let Some(t) = inside(&doc.times, span, |t| t.span)
        .1
        .iter()
        .find(|t| span.contains(t.span) && t.kind == TimeKind::Deadline)
    {
        task.deadline = t.end.clone();
        task.deadline_text = Some(t.text.clone());
    } else {
        task.deadline_text = term;
    }
    Some(task)
}

/// Openings of the closing paragraph that follows the last measure without a heading of its
/// own (`各地区、各部门要充分认识…`): it speaks to everyone, not about the last measure.
const CLOSING_OPENERS: &[&str] = &[
    "各地区",
    "各地",
    "各省",
    "各部门",
    "各有关部门",
    "地方各级",
    "国务院各部委",
];

/// Where the last measure of a document ends: before a closing paragraph of
/// [`CLOSING_OPENERS`] that follows text of its own after the heading, else at `end`.
fn measure_end(body: &str, start: usize, end: usize) -> usize {
    // A heading can run past a section that ends on its own line.
    let start = start.min(end);
    body[start..end]
        .match_indices('\n')
        .map(|(p, _)| start + p)
        .find(|&nl| {
            let next = body[nl..end].trim_start();
            !body[start..nl]
                .trim_matches(|c: char| c.is_whitespace() || "。.:：".contains(c))
                .is_empty()
                && CLOSING_OPENERS.iter().any(|w| next.starts_with(w))
        })
        .map_or(end, |nl| body[start..nl].trim_end().len() + start)
}

/// The task of a 分工表 row.
fn row_task(doc: &Document, flat: &[Flat], r: &grid::Row, ctx: &Ctx) -> Task {
    use grid::Column;
    let text = |c: Column| r.cell(c).map(|c| ctx.text(c).to_string());
    let units = |c: Column| {
        text(c)
            .map(|t| {
                note::split_units(&t)
                    .into_iter()
                    .map(|u| u.trim().to_string())
                    .filter(|u| !u.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let span = ctx.span(r.span);
    let deadline_cell = r.cell(Column::Deadline).map(|c| ctx.span(c));
    let units_text: Vec<String> = [Column::Lead, Column::Partners]
        .into_iter()
        .filter_map(text)
        .collect();
    let title = text(Column::Task);
    Task {
        section_path: crate::structure::points::scope_of(flat, r.span.0)
            .map_or_else(Vec::new, |s| flat[s].path.clone()),
        point: None,
        marker: text(Column::Number).unwrap_or_default(),
        text: text(Column::Content)
            .or_else(|| title.clone())
            .unwrap_or_default(),
        title,
        lead: units(Column::Lead),
        partners: units(Column::Partners),
        units_source: (!units_text.is_empty()).then_some(UnitsSource::Table),
        units_text: (!units_text.is_empty()).then(|| units_text.join("；")),
        deadline: deadline_cell.and_then(|c| {
            inside(&doc.times, c, |t| t.span)
                .1
                .iter()
                .find(|t| c.contains(t.span) && t.end.is_some())
                .and_then(|t| t.end.clone())
        }),
        deadline_text: text(Column::Deadline),
        metrics: targets(doc, span),
        span,
    }
}

/// The items of `items` (in text order, as metrics, times and actions are) whose span lies
/// inside `span`, with the index of the first: a binary search, not a scan per task.
fn inside<T>(items: &[T], span: Span, of: impl Fn(&T) -> Span) -> (usize, &[T]) {
    let from = items.partition_point(|x| of(x).start() < span.start());
    let to = from + items[from..].partition_point(|x| of(x).start() < span.end());
    (from, &items[from..to])
}

/// Indexes into `doc.metrics` of the quantities inside `span`.
fn targets(doc: &Document, span: Span) -> Vec<usize> {
    let (from, ms) = inside(&doc.metrics, span, |m| m.span);
    ms.iter()
        .enumerate()
        .filter(|(_, m)| span.contains(m.span))
        .map(|(k, _)| from + k)
        .collect()
}

fn extend_unique(to: &mut Vec<String>, from: Vec<String>) {
    for u in from {
        if !to.contains(&u) {
            to.push(u);
        }
    }
}

/// The responsibility notes in `body[start..end]`, and the positions of notes opened but not
/// closed on their line.
fn notes_in(body: &str, start: usize, end: usize) -> (Vec<FoundNote>, Vec<usize>) {
    let mut notes = Vec::new();
    let mut unclosed = Vec::new();
    let text = &body[start..end];
    let mut from = 0;
    while let Some(p) = text[from..].find(['(', '〔', '[', '【']) {
        let open = start + from + p;
        match note::bracket_at(body, open) {
            Some((whole, inner)) if whole.1 <= end => {
                let content = &body[inner.0..inner.1];
                if note::is_note(content) {
                    notes.push(FoundNote {
                        whole,
                        inner,
                        note: note::parse(content),
                    });
                }
                from = whole.1 - start;
            }
            _ => {
                let line_end = body[open..end].find('\n').map_or(end, |k| open + k);
                let rest = &body[open..line_end];
                if note::is_note(rest) && rest.trim_end().ends_with(['负', '责', '头', '合', '与'])
                {
                    unclosed.push(open);
                }
                from = open - start + 1;
                while !text.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
    }
    (notes, unclosed)
}

/// The text of a measure, from after its marker to its end, without its notes.
fn text_without(ctx: &Ctx, (start, end): (usize, usize), notes: &[FoundNote]) -> String {
    let mut out = String::new();
    let mut at = start;
    for n in notes {
        out.push_str(ctx.text((at, n.whole.0)));
        at = n.whole.1;
    }
    out.push_str(ctx.text((at, end)));
    out.trim_matches(|c: char| c.is_whitespace() || c == '、' || c == '.')
        .to_string()
}
