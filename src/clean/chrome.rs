//! Web chrome (navigation and buttons), page metadata lines, breadcrumbs and gov.cn style
//! metadata tables.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lines::Line;
use crate::model::RemovalReason;

fn table(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static CHROME_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| table(include_str!("../data/chrome_words.txt")).collect());

static WEB_META_KEYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| table(include_str!("../data/web_meta_keys.txt")).collect());

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '【' | '】' | '[' | ']' | '|' | '/' | '>' | '›' | '»' | ' ' | '\t' | '(' | ')' | '·' | ':'
    )
}

/// A line made only of chrome words (`打印`, `【字号:加大 还原 减小】`) or only of separators.
pub(super) fn is_chrome(t: &str) -> bool {
    if t.len() > 160 || t.chars().count() > 40 {
        return false;
    }
    t.split(is_separator)
        .filter(|w| !w.is_empty())
        .all(|w| CHROME_WORDS.contains(w))
}

/// A page metadata line (`来源:安徽日报`, `发表时间:`) or a bare timestamp (`2026-01-31 07:00:44`).
pub(super) fn is_web_meta(t: &str) -> bool {
    // A key line has a colon (the text is normalised, so `：` is `:`), a timestamp starts with
    // a digit; most lines have neither and are turned down without counting their chars.
    let starts_with_digit = t.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if t.len() > 240 || !(starts_with_digit || memchr::memchr(b':', t.as_bytes()).is_some()) {
        return false;
    }
    if t.chars().count() > 60 {
        return false;
    }
    if is_timestamp(t) {
        return true;
    }
    // Keys may be spaced out (`来 源:`); compare char by char, skipping spaces.
    let mut head = ['\0'; 8];
    let mut len = 0;
    for c in t.chars().filter(|c| !c.is_whitespace()).take(8) {
        head[len] = c;
        len += 1;
    }
    let head = &head[..len];
    WEB_META_KEYS.iter().any(|k| {
        let n = k.chars().count();
        head.len() > n
            && k.chars().eq(head[..n].iter().copied())
            && head[n] == ':'
            && !t.contains('。')
    })
}

/// `2026-02-11`, `2026-01-31 07:00:44`, `2026/01/31 07:00`.
fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'-' | b'/') {
        return false;
    }
    b.iter()
        .all(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'/' | b':' | b' ' | b'.'))
}

/// Breadcrumb trails spread over lines (`首页` `>` `政务信息` `>` `宁夏要闻`): a `>` line marks
/// the short lines beside it.
pub(super) fn breadcrumbs(text: &str, lines: &[Line], reasons: &mut [Option<RemovalReason>]) {
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    for (k, &i) in nonblank.iter().enumerate() {
        let t = lines[i].text(text);
        if !matches!(t, ">" | "›" | "»") {
            continue;
        }
        reasons[i] = Some(RemovalReason::WebChrome);
        for j in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
            if let Some(&n) = nonblank.get(j) {
                let nt = lines[n].text(text);
                if nt.chars().count() <= 12 && !nt.contains(['。', ',', ';', '!', '?']) {
                    reasons[n].get_or_insert(RemovalReason::WebChrome);
                    // The last crumb is often printed again as the page's section heading.
                    if let Some(&m) = nonblank.get(j + 1).filter(|_| j > k) {
                        if lines[m].text(text) == nt {
                            reasons[m].get_or_insert(RemovalReason::WebChrome);
                        }
                    }
                }
            }
        }
    }
}

/// Values read from a gov.cn metadata table, with their normalised ranges.
#[derive(Debug, Default, Clone)]
pub(crate) struct MetaTable {
    pub issuer: Option<(usize, usize)>,
    pub doc_number: Option<(usize, usize)>,
    pub written: Option<(usize, usize)>,
    pub published: Option<(usize, usize)>,
    pub title: Option<(usize, usize)>,
}

const TABLE_KEYS: &[&str] = &[
    "索引号",
    "主题分类",
    "发文机关",
    "成文日期",
    "标题",
    "发文字号",
    "发布日期",
    "主题词",
];

fn table_key(t: &str) -> Option<(&'static str, usize)> {
    // Keys are printed with spaces inside (`索 引 号:`, `标  题:`).
    let mut key = String::new();
    for (i, c) in t.char_indices() {
        match c {
            ':' => {
                return TABLE_KEYS.iter().find(|k| **k == key).map(|k| (*k, i + 1));
            }
            ' ' => {}
            _ if key.chars().count() >= 4 => return None,
            _ => key.push(c),
        }
    }
    None
}

/// Marks a gov.cn style metadata table (at least three of its keys) and reads its values.
pub(super) fn metadata_table(
    text: &str,
    lines: &[Line],
    reasons: &mut [Option<RemovalReason>],
) -> MetaTable {
    let mut meta = MetaTable::default();
    let keyed: Vec<(usize, &'static str, usize)> = lines
        .iter()
        .enumerate()
        .take(80)
        .filter_map(|(i, l)| table_key(l.text(text)).map(|(k, off)| (i, k, off)))
        .collect();
    if keyed.len() < 3 {
        return meta;
    }
    for (n, &(i, key, off)) in keyed.iter().enumerate() {
        reasons[i] = Some(RemovalReason::MetadataTable);
        let line = &lines[i];
        let inline = text[line.text_start + off..line.text_end].trim();
        let value = if !inline.is_empty() {
            let after = &text[line.text_start + off..line.text_end];
            let s = line.text_start + off + (after.len() - after.trim_start().len());
            Some((s, s + inline.len()))
        } else {
            // The value stands on the very next line, unless that is the next key; a blank
            // there means the key has no value.
            let next_key = keyed.get(n + 1).map_or(lines.len(), |k| k.0);
            Some(i + 1)
                .filter(|&j| j < next_key && j < lines.len() && !lines[j].is_blank())
                .map(|j| {
                    reasons[j] = Some(RemovalReason::MetadataTable);
                    (lines[j].text_start, lines[j].text_end)
                })
        };
        let slot = match key {
            "发文机关" => &mut meta.issuer,
            "发文字号" => &mut meta.doc_number,
            "成文日期" => &mut meta.written,
            "发布日期" => &mut meta.published,
            "标题" => &mut meta.title,
            _ => continue,
        };
        *slot = value;
    }
    meta
}
