//! The units an archive indexes: the document's text without its furniture, and the passages
//! it falls into (a section's own text, a point, a paragraph-sized piece of a long one).

use crate::model::{Document, Section, Span};

/// A passage longer than this many characters is cut at the next paragraph or sentence end.
pub const PASSAGE_CHARS: usize = 500;

/// The document's text with the `removed` stretches taken out, and a map back.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// The text; each removed stretch is replaced by one line break.
    pub text: String,
    /// `(clean offset, original offset)` at the start of each kept stretch, ascending.
    map: Vec<(usize, usize)>,
}

impl CleanText {
    /// Takes `doc.removed` out of `input`.
    pub fn new(input: &str, doc: &Document) -> CleanText {
        let mut cuts: Vec<Span> = doc
            .removed
            .iter()
            .map(|r| r.span)
            .filter(|s| {
                s.end() <= input.len()
                    && input.is_char_boundary(s.start())
                    && input.is_char_boundary(s.end())
            })
            .collect();
        cuts.sort_unstable_by_key(|s| s.start());
        let mut text = String::with_capacity(input.len());
        let mut map = vec![(0, 0)];
        let mut from = 0;
        for c in cuts {
            if c.start() < from {
                from = from.max(c.end());
                continue;
            }
            text.push_str(&input[from..c.start()]);
            text.push('\n');
            from = c.end();
            map.push((text.len(), from));
        }
        text.push_str(&input[from..]);
        CleanText { text, map }
    }

    /// Maps an original offset to the clean text (an offset inside a removed stretch maps to
    /// the end of the line break that stands for it).
    pub fn to_clean(&self, orig: usize) -> usize {
        let i = self.map.partition_point(|&(_, o)| o <= orig).max(1) - 1;
        let (c, o) = self.map[i];
        let next_clean = self
            .map
            .get(i + 1)
            .map_or(self.text.len(), |&(nc, _)| nc - 1);
        (c + (orig - o)).min(next_clean.max(c))
    }

    /// Maps a clean offset back to the input.
    pub fn to_original(&self, clean: usize) -> usize {
        let i = self.map.partition_point(|&(c, _)| c <= clean).max(1) - 1;
        let (c, o) = self.map[i];
        o + (clean - c)
    }
}

/// One passage, as a range of the [`CleanText`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Byte range in the clean text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Ordinals of the enclosing sections.
    pub section_path: Vec<u32>,
    /// Markers of the enclosing sections, `二、 › （三）`.
    pub section: String,
    /// Heading of the innermost enclosing section.
    pub heading: Option<String>,
    /// The point's marker, where the passage starts at a point.
    pub point: Option<String>,
    /// Actors of the action points that start in it.
    pub actors: Vec<String>,
    /// Deadlines of those action points.
    pub deadlines: Vec<String>,
}

struct Flat<'a> {
    span: Span,
    path: Vec<u32>,
    markers: Vec<&'a str>,
    heading: &'a str,
}

fn flatten<'a>(s: &'a Section, path: &[u32], markers: &[&'a str], out: &mut Vec<Flat<'a>>) {
    let mut p = path.to_vec();
    p.push(s.ordinal);
    let mut m = markers.to_vec();
    m.push(s.marker.as_str());
    out.push(Flat {
        span: s.span,
        path: p.clone(),
        markers: m.clone(),
        heading: &s.heading,
    });
    for c in &s.children {
        flatten(c, &p, &m, out);
    }
}

/// Cuts the clean text into passages at section and point boundaries, and long ones at
/// paragraph or sentence ends. Passages with no letters are dropped.
pub fn passages(doc: &Document, clean: &CleanText) -> Vec<Passage> {
    let mut flat = Vec::new();
    for s in &doc.sections {
        flatten(s, &[], &[], &mut flat);
    }
    let mut bounds: Vec<usize> = vec![0, clean.text.len()];
    bounds.extend(flat.iter().map(|f| clean.to_clean(f.span.start())));
    for p in &doc.points {
        bounds.push(clean.to_clean(p.span.start()));
        bounds.push(clean.to_clean(p.span.end()));
    }
    bounds.retain(|&b| b <= clean.text.len() && clean.text.is_char_boundary(b));
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = Vec::new();
    for w in bounds.windows(2) {
        for (s, e) in split_long(&clean.text, w[0], w[1]) {
            if !clean.text[s..e].chars().any(char::is_alphanumeric) {
                continue;
            }
            let orig = clean.to_original(s);
            // The innermost section that contains the start (flat is in document order, so the
            // last one containing it is the deepest).
            let sec = flat
                .iter()
                .rev()
                .find(|f| f.span.start() <= orig && orig < f.span.end());
            let point = doc
                .points
                .iter()
                .find(|p| p.span.start() <= orig && orig < p.span.end());
            let orig_end = clean.to_original(e);
            let acts = doc
                .actions
                .iter()
                .filter(|a| (orig..orig_end).contains(&a.span.start()));
            let mut actors: Vec<String> = Vec::new();
            let mut deadlines: Vec<String> = Vec::new();
            for a in acts {
                if let Some(x) = &a.actor {
                    if !actors.contains(x) {
                        actors.push(x.clone());
                    }
                }
                if let Some(d) = &a.deadline {
                    if !deadlines.contains(d) {
                        deadlines.push(d.clone());
                    }
                }
            }
            out.push(Passage {
                start: s,
                end: e,
                section_path: sec.map(|f| f.path.clone()).unwrap_or_default(),
                section: sec.map(|f| f.markers.join(" › ")).unwrap_or_default(),
                heading: sec.map(|f| f.heading.to_string()).filter(|h| !h.is_empty()),
                point: point.map(|p| p.marker.clone()),
                actors,
                deadlines,
            });
        }
    }
    out
}

/// Splits `[s, e)` after a line break or sentence end once a piece has [`PASSAGE_CHARS`]
/// characters.
fn split_long(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = s;
    let mut n = 0;
    for (i, c) in text[s..e].char_indices() {
        n += 1;
        if n >= PASSAGE_CHARS && matches!(c, '\n' | '。' | '！' | '？' | '；') {
            let at = s + i + c.len_utf8();
            out.push((from, at));
            from = at;
            n = 0;
        }
    }
    if from < e {
        out.push((from, e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_drops_removed_and_maps_back() {
        let input = "一、总体要求\n本文6元\n要抓好落实。\n下载文档\n二、保障措施\n";
        let doc = crate::analyze(input);
        assert!(!doc.removed.is_empty(), "{:?}", doc.removed);
        let c = CleanText::new(input, &doc);
        assert!(!c.text.contains("本文6元"), "{}", c.text);
        assert!(!c.text.contains("下载文档"), "{}", c.text);
        // Kept text maps back to the same text.
        for needle in ["要抓好落实", "二、保障措施", "一、总体要求"] {
            let ci = c.text.find(needle).unwrap();
            let oi = c.to_original(ci);
            assert_eq!(&input[oi..oi + needle.len()], needle);
            assert_eq!(c.to_clean(oi), ci);
        }
    }

    #[test]
    fn passages_follow_sections_and_points() {
        let input = "关于推进改革的实施方案\n\n一、总体要求\n\n到2026年底，完成改革任务。\n\n二、主要任务\n\n一是优化营商环境，区商务局要牵头抓好。二是扩大有效投资。\n\n三、保障措施\n\n各部门要加强协调。\n";
        let doc = crate::analyze(input);
        let c = CleanText::new(input, &doc);
        let ps = passages(&doc, &c);
        let texts: Vec<&str> = ps.iter().map(|p| c.text[p.start..p.end].trim()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with("一是优化营商环境")),
            "{texts:?}"
        );
        let one = ps
            .iter()
            .find(|p| c.text[p.start..p.end].contains("一是"))
            .unwrap();
        assert_eq!(one.section_path, [2]);
        assert_eq!(one.section, "二、");
        assert_eq!(one.heading.as_deref(), Some("主要任务"));
        assert_eq!(one.point.as_deref(), Some("一是"));
        assert_eq!(one.actors, ["区商务局"]);
        let three = ps
            .iter()
            .find(|p| c.text[p.start..p.end].contains("加强协调"))
            .unwrap();
        assert_eq!(three.section_path, [3]);
        // Passages tile the text in order without overlap.
        for w in ps.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }

    #[test]
    fn long_text_is_cut_at_sentence_ends() {
        let sentence = "各地要扎实推进高标准农田建设。";
        let input = sentence.repeat(100);
        let doc = crate::analyze(&input);
        let c = CleanText::new(&input, &doc);
        let ps = passages(&doc, &c);
        assert!(ps.len() >= 2, "{}", ps.len());
        for p in &ps {
            let t = &c.text[p.start..p.end];
            assert!(
                t.chars().count() <= PASSAGE_CHARS + sentence.chars().count(),
                "{t}"
            );
            assert!(t.ends_with('。'));
        }
    }
}
