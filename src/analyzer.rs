//! The pipeline: decode → normalise → clean → front matter → structure → the record.

use std::io::Read;
use std::path::Path;

use crate::clean::{self, Cleaned};
use crate::dates::find_date;
use crate::decode::{self, DEFAULT_MAX_BYTES};
use crate::error::Result;
use crate::front::{self, Front};
use crate::lines::{split_lines, Line};
use crate::model::*;
use crate::normalize::Normalized;
use crate::notes;
use crate::structure::{self, counts, outline, points, tree};

/// Analyses texts. Build it once and share it: it is cheap to clone and `Send + Sync`.
///
/// ```
/// let analyzer = zhengce::Analyzer::builder().max_input_bytes(1 << 20).build();
/// let doc = analyzer.analyze("一、总体要求\n正文。\n二、重点任务\n正文。\n");
/// assert_eq!(doc.sections.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    max_input_bytes: u64,
    stages: Stages,
}

/// Which stages of the pipeline run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stages {
    /// Everything: structure, and metrics, times and actions.
    #[default]
    All,
    /// Decoding, cleaning, front matter and structure only; `metrics`, `times` and `actions`
    /// stay empty.
    Structure,
    /// What a search archive uses: structure, times and actions (their actors and deadlines
    /// are indexed); `metrics` and `tasks` stay empty.
    Index,
}

/// Configures an [`Analyzer`].
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder {
    max_input_bytes: u64,
    stages: Stages,
}

impl AnalyzerBuilder {
    /// Which stages run (default [`Stages::All`]).
    pub fn stages(mut self, stages: Stages) -> Self {
        self.stages = stages;
        self
    }

    /// The largest input accepted, in bytes (default 64 MiB); larger input is an error.
    pub fn max_input_bytes(mut self, n: u64) -> Self {
        self.max_input_bytes = n;
        self
    }

    /// Builds the analyzer, compiling every pattern table once.
    pub fn build(self) -> Analyzer {
        // Warm the lazily compiled tables so the first document pays nothing extra.
        let analyzer = Analyzer {
            max_input_bytes: self.max_input_bytes,
            stages: self.stages,
        };
        let _ =
            analyzer.analyze("一、预热\n一是预热;二是预热。各部门要在2026年底前完成3项任务。\n");
        analyzer
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::builder().build()
    }
}

/// Lines of `text` after parts were blanked: same boundaries, new trims.
fn retrim(lines: &[Line], text: &str) -> Vec<Line> {
    lines.iter().map(|l| l.retrim(text)).collect()
}

impl Analyzer {
    /// A builder with the defaults.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder {
            max_input_bytes: DEFAULT_MAX_BYTES,
            stages: Stages::All,
        }
    }

    /// The largest input this analyzer accepts, in bytes.
    pub fn max_input_bytes(&self) -> u64 {
        self.max_input_bytes
    }

    /// Reads, decodes and analyses a file.
    pub fn analyze_file(&self, path: &Path) -> Result<Document> {
        let d = decode::read_path(path, self.max_input_bytes)?;
        Ok(self.finish(d))
    }

    /// Decodes and analyses a stream; `name` is used in errors (`-` for standard input).
    pub fn analyze_reader<R: Read>(&self, reader: R, name: &Path) -> Result<Document> {
        let d = decode::read_stream(reader, name, self.max_input_bytes)?;
        Ok(self.finish(d))
    }

    /// Decodes and analyses bytes; `name` is used in errors.
    pub fn analyze_bytes(&self, bytes: &[u8], name: &Path) -> Result<Document> {
        self.analyze_reader(bytes, name)
    }

    fn finish(&self, d: decode::Decoded) -> Document {
        let mut doc = self.analyze(&d.text);
        doc.encoding = d.encoding;
        if d.utf16_without_bom {
            doc.notes
                .push("encoding: UTF-16 without a byte order mark".to_string());
        }
        notes::bad_bytes(&mut doc, &d.replaced);
        doc
    }

    /// Analyses a text. Spans in the result are byte ranges of `input`.
    pub fn analyze(&self, input: &str) -> Document {
        let norm = Normalized::new(input);
        let nt = norm.as_str();
        let lines = split_lines(nt);
        let cleaned = clean::clean(nt, &lines);
        let cut: Vec<(usize, usize)> = cleaned.cuts.iter().map(|c| (c.start, c.end)).collect();
        let work = clean::blank_out(nt, &cut);
        let wlines = retrim(&lines, &work);

        let outline = outline::find(&work, &wlines);
        let outline_lines = outline.as_ref().map_or(&[][..], |o| &o.lines[..]);
        let fm = front::front(&work, &wlines, outline_lines);
        let mut taken: Vec<(usize, usize)> = outline_lines
            .iter()
            .chain(&fm.lines)
            .map(|&i| (wlines[i].text_start, wlines[i].text_end))
            .collect();
        taken.sort_unstable();
        let body = clean::blank_out(&work, &taken);
        let blines = retrim(&lines, &body);

        let flat = tree::headings(&body, &blines);
        let pts = points::points(&body, &blines, &flat);

        let ctx = Ctx { input, norm: &norm };
        let mut doc = Document {
            sections: structure::nest(&flat, input, &norm),
            points: pts
                .iter()
                .map(|p| Point {
                    marker: ctx.text(p.marker).to_string(),
                    ordinal: p.ordinal,
                    section_path: p.scope.map_or_else(Vec::new, |s| flat[s].path.clone()),
                    lead: ctx.text(p.lead).to_string(),
                    span: ctx.span(p.span),
                })
                .collect(),
            removed: cleaned
                .cuts
                .iter()
                .map(|c| Removed {
                    span: ctx.span((c.start, c.end)),
                    text: ctx.text((c.start, c.end)).to_string(),
                    reason: c.reason,
                })
                .collect(),
            truncation: cleaned.truncation.as_ref().map(|t| Truncation {
                declared_chars: t.declared,
                shown_chars: t.shown,
                remaining_chars: t.remaining,
                omissions: t
                    .omissions
                    .iter()
                    .map(|o| Omission {
                        span: ctx.span((o.start, o.end)),
                        omitted_chars: o.chars,
                    })
                    .collect(),
            }),
            input_len: input.len(),
            ..Document::default()
        };
        doc.outline = outline.as_ref().map(|o| {
            o.items
                .iter()
                .map(|it| OutlineItem {
                    level: it.level,
                    marker: ctx.text(it.marker).to_string(),
                    ordinal: it.ordinal,
                    heading: ctx.text(it.heading).to_string(),
                    span: ctx.span((it.marker.0, it.heading.1.max(it.marker.1))),
                })
                .collect()
        });
        self.front_matter(&ctx, &fm, &cleaned, &mut doc);
        let has_articles = flat
            .iter()
            .any(|f| f.style == structure::markers::Style::Tiao);
        let opening = body.trim_start();
        let opening = &opening[..(0..=opening.len().min(2000))
            .rev()
            .find(|&i| opening.is_char_boundary(i))
            .unwrap_or(0)];
        doc.doc_type = front::doc_type(
            doc.title.as_deref(),
            doc.front.salutation.as_ref().map(|s| s.text.as_str()),
            opening,
            has_articles,
        );
        // National work reports open with `各位代表：` and no title line: the record names them,
        // and says so (`front.title` stays empty: no line of the text is the title).
        if doc.title.is_none() && doc.doc_type == DocType::WorkReport {
            doc.title = Some("政府工作报告".to_string());
            doc.notes.push(
                "title: the text has no title line; 政府工作报告 is inferred from its type".into(),
            );
        }
        // A party congress report without a title line says to which congress it reports.
        if doc.title.is_none() && doc.doc_type == DocType::Speech {
            if let Some(t) = front::congress_report_title(opening) {
                doc.notes.push(format!(
                    "title: the text has no title line; {t} is inferred from its opening"
                ));
                doc.title = Some(t);
            }
        }

        let para = points::paragraph_ends(&body, &blines);
        let decls = counts::declared(&body);
        notes::truncation(&mut doc, &cleaned, &flat, &body);
        notes::counts(
            &mut doc,
            &notes::BodyView {
                text: &body,
                lines: &blines,
                para_end: &para,
                flat: &flat,
                points: &pts,
            },
            &decls,
            &ctx,
        );
        if let Some(o) = &outline {
            notes::outline(&mut doc, o, &flat, &pts, &ctx);
        }
        if self.stages != Stages::Structure {
            let st = crate::extract::Structure {
                body: &body,
                flat: &flat,
                pts: &pts,
                decls: &decls,
                cuts: &cleaned.cuts,
            };
            crate::extract::extract(&mut doc, &st, &ctx, self.stages);
        }
        doc
    }

    fn front_matter(&self, ctx: &Ctx, fm: &Front, cleaned: &Cleaned, doc: &mut Document) {
        let field = |r: (usize, usize)| Field {
            text: ctx.text(r).to_string(),
            span: ctx.span(r),
        };
        let f = &mut doc.front;
        // The title: its lines joined (a title set over two lines), without control characters
        // (a stray NUL, a form feed); its span runs from its first line to its last.
        let pieces: Vec<Span> = match (&fm.title, cleaned.meta.title) {
            (Some((ranges, _)), _) => ranges.iter().map(|&r| ctx.span(r)).collect(),
            (None, Some(r)) => vec![ctx.span(r)],
            (None, None) => Vec::new(),
        };
        let raw_title: String = pieces
            .iter()
            .map(|s| &ctx.input[s.start()..s.end()])
            .collect();
        let printable = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
        if let (Some(first), Some(last)) = (pieces.first(), pieces.last()) {
            f.title = Some(Field {
                text: printable(&raw_title),
                span: Span(first.start(), last.end()),
            });
        }
        f.subtitle = fm.subtitle.iter().map(|&r| field(r)).collect();
        if let Some((name, office)) = fm.speaker {
            f.speaker = Some(field(name));
            f.speaker_office = office.map(|r| ctx.text(r).to_string());
        }
        f.doc_number = fm.doc_number.or(cleaned.meta.doc_number).map(field);
        f.salutation = fm.salutation.map(field);
        f.signature = fm.signature.map(field);
        f.signature_date = fm.signature_date.map(|(r, _)| field(r));
        f.history = fm.history.iter().map(|&r| field(r)).collect();
        f.issuer = cleaned
            .meta
            .issuer
            .map(field)
            .or_else(|| f.signature.clone())
            .or_else(|| {
                // `国务院办公厅关于…`: the organ before 关于, mapped back through the join.
                let p = raw_title.find("关于")?;
                let who = printable(&raw_title[..p]);
                (!who.is_empty() && who.ends_with(ORGAN_SUFFIXES)).then(|| Field {
                    text: who,
                    span: Span(pieces[0].start(), joined_to_input(&pieces, p)),
                })
            });
        doc.title = f.title.as_ref().map(|t| t.text.clone());

        let meta_date =
            |r: Option<(usize, usize)>| r.and_then(|r| find_date(ctx.work_text_raw(r.0, r.1)));
        let date = if let Some(d) = fm.head_date {
            Some(d)
        } else if let Some((_, d)) = fm.signature_date {
            Some(d)
        } else if let Some(d) = fm
            .history
            .iter()
            .filter_map(|&r| find_date(ctx.work_text_raw(r.0, r.1)))
            .map(|(d, _, _)| d)
            .max()
        {
            doc.notes
                .push("date: the latest date in the adoption history".into());
            Some(d)
        } else if let Some((d, _, _)) = meta_date(cleaned.meta.written) {
            doc.notes
                .push("date: the 成文日期 of the metadata table".into());
            Some(d)
        } else if let Some((d, _, _)) = meta_date(cleaned.meta.published) {
            doc.notes.push(
                "date: the 发布日期 of the metadata table (publication, not signature)".into(),
            );
            Some(d)
        } else {
            let web = cleaned
                .cuts
                .iter()
                .filter(|c| c.reason == RemovalReason::WebMetadata)
                .find_map(|c| find_date(ctx.work_text_raw(c.start, c.end)));
            web.map(|(d, _, _)| {
                doc.notes
                    .push("date: the web page's publication date; the text states none".into());
                d
            })
        };
        doc.date = date.map(|d| d.iso());
    }
}

/// Maps the end offset `p` of a prefix of a text joined from `lines` (the input spans of its
/// pieces, in order) to the input: the end of that prefix in the piece it ends in.
fn joined_to_input(lines: &[Span], p: usize) -> usize {
    let mut at = 0;
    for l in lines {
        let len = l.end() - l.start();
        if p <= at + len {
            return l.start() + (p - at);
        }
        at += len;
    }
    lines.last().map_or(0, |l| l.end())
}

const ORGAN_SUFFIXES: &[char] = &[
    '院', '厅', '室', '会', '府', '部', '局', '委', '办', '署', '行',
];

/// Maps normalised ranges to the input.
pub(crate) struct Ctx<'a> {
    pub input: &'a str,
    pub norm: &'a Normalized<'a>,
}

impl Ctx<'_> {
    /// The input span of a normalised range. A range that reaches into blanked-out furniture
    /// (spaces standing for a multi-byte character) is narrowed to the characters it fully
    /// covers, so a span always lies on char boundaries.
    pub fn span(&self, r: (usize, usize)) -> Span {
        let s = self.norm.span(r.0, r.1);
        let (mut start, mut end) = (
            s.start().min(self.input.len()),
            s.end().min(self.input.len()),
        );
        while !self.input.is_char_boundary(start) {
            start += 1;
        }
        while !self.input.is_char_boundary(end) {
            end -= 1;
        }
        Span(start, end.max(start))
    }
    pub fn text(&self, r: (usize, usize)) -> &str {
        let s = self.span(r);
        &self.input[s.start()..s.end()]
    }
    /// Normalised text under a cut (the cut is blank in `work`).
    fn work_text_raw(&self, start: usize, end: usize) -> &str {
        &self.norm.as_str()[start..end]
    }
}
