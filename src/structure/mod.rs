//! Stage 5: the structure of the body — heading tree, outline block, inline points and declared
//! counts — and its assembly into the record's [`Section`] tree.

pub(crate) mod counts;
pub mod markers;
pub(crate) mod outline;
pub(crate) mod points;
pub(crate) mod tree;

use crate::model::{Block, Section};
use crate::normalize::Normalized;
use markers::Style;

/// Collapses the spaces that centre a short chapter title (`总 则` → `总则`): only in a title of
/// at most six characters, all of them Han.
fn collapse_han_spaces(s: &str) -> String {
    let is_space = |c: char| c == ' ' || c == '\u{3000}';
    let core: Vec<char> = s.chars().filter(|&c| !is_space(c)).collect();
    let all_han = core
        .iter()
        .all(|c| !c.is_ascii() && !c.is_numeric() && *c != '年');
    if core.len() <= 6 && all_han {
        core.into_iter().collect()
    } else {
        s.to_string()
    }
}

/// Builds the nested tree from headings in document order.
pub(crate) fn nest(flat: &[tree::Flat], input: &str, norm: &Normalized) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    let attach =
        |stack: &mut Vec<Section>, roots: &mut Vec<Section>, s: Section| match stack.last_mut() {
            Some(parent) => parent.children.push(s),
            None => roots.push(s),
        };
    for f in flat {
        while stack.last().is_some_and(|s| s.level >= f.depth) {
            let done = stack.pop().expect("non-empty");
            attach(&mut stack, &mut roots, done);
        }
        let text_of = |r: (usize, usize)| {
            let sp = norm.span(r.0, r.1);
            &input[sp.start()..sp.end()]
        };
        let heading = text_of(f.heading);
        let heading = if f.style.whole_line_heading() {
            collapse_han_spaces(heading)
        } else {
            heading.to_string()
        };
        stack.push(Section {
            level: f.depth,
            marker: text_of(f.marker).to_string(),
            ordinal: f.ordinal,
            heading,
            span: norm.span(f.start, f.end),
            children: Vec::new(),
            block: match f.style {
                Style::Annex => Some(Block::Annex),
                Style::Notes => Some(Block::Notes),
                Style::Preamble => Some(Block::Preamble),
                _ => None,
            },
        });
    }
    while let Some(done) = stack.pop() {
        attach(&mut stack, &mut roots, done);
    }
    roots
}

#[cfg(test)]
mod tests {
    #[test]
    fn collapses_centring_spaces() {
        assert_eq!(super::collapse_han_spaces("总 则"), "总则");
        assert_eq!(super::collapse_han_spaces("附\u{3000}\u{3000}则"), "附则");
        assert_eq!(super::collapse_han_spaces("2025年 目标"), "2025年 目标");
    }
}
