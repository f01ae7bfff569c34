//! Page furniture (page numbers, `第3页 共10页`), running headers repeated through a text,
//! and photo captions.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::{ends_sentence, Line};
use crate::model::RemovalReason;

static PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"[-—–]+\s*[0-9]+\s*[-—–]+",
        r"|[-—–]+\s*[一二三四五六七八九十]+\s*[-—–]+",
        r"|第\s*[0-9]+\s*页\s*[,/]?\s*(?:共\s*[0-9]+\s*页)?",
        r"|共\s*[0-9]+\s*页\s*[,/]?\s*第\s*[0-9]+\s*页",
        r"|[0-9]+\s*/\s*[0-9]+",
        r"|(?i:page)\s*[0-9]+(?:\s*(?i:of)\s*[0-9]+)?",
        r")$"
    ))
    .expect("page regex")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:记者|摄影|通讯员)\s*[\p{Han}·]{2,4}(?:\s*[、,]\s*[\p{Han}·]{2,4})*\s*摄$|^(?:图片|图|摄影)\s*[:]")
        .expect("caption regex")
});

/// A page number or page count line.
pub(super) fn is_page_furniture(t: &str) -> bool {
    t.len() <= 40 && PAGE.is_match(t)
}

/// A photo caption (`… 记者 李森 摄`).
pub(super) fn is_caption(t: &str) -> bool {
    CAPTION.is_match(t)
}

/// A short line without sentence punctuation that stands three times or more, each time after a
/// finished sentence or a break — a running header or footer. Terms that a scraper broke onto
/// lines of their own follow an unfinished line, so they are kept.
pub(super) fn repeated_headers(text: &str, lines: &[Line], reasons: &mut [Option<RemovalReason>]) {
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text(text);
        // Two or three characters repeat as table cells; a running header is longer.
        if l.is_blank() || reasons[i].is_some() || t.len() > 90 || t.chars().count() < 4 {
            continue;
        }
        if t.contains(['。', ',', ';', ':', '!', '?', '、', '(', ')', '—']) {
            continue;
        }
        if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        seen.entry(t).or_default().push(i);
    }
    for (_, at) in seen {
        if at.len() < 3 {
            continue;
        }
        let after_break = at.iter().all(|&i| {
            i == 0
                || lines[i - 1].is_blank()
                || reasons[i - 1].is_some()
                || ends_sentence(lines[i - 1].text(text))
        });
        if after_break {
            for i in at {
                reasons[i] = Some(RemovalReason::RepeatedHeader);
            }
        }
    }
}
