//! Stage 4: front matter and closing block — title (joined when split over two lines),
//! subtitle, speaker, 文号, salutation, adoption history of a law, signature and date — and the
//! document type.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{find_date, is_date_line, Date};
use crate::lines::Line;
use crate::model::DocType;
use crate::structure::markers::parse_marker;

/// A range of the normalised text.
pub(crate) type Range = (usize, usize);

/// What the head and tail of a text hold, normalised coordinates.
#[derive(Debug, Default, Clone)]
pub(crate) struct Front {
    /// The title's ranges (one per line) and its joined text.
    pub title: Option<(Vec<Range>, String)>,
    pub subtitle: Vec<Range>,
    pub speaker: Option<(Range, Option<Range>)>,
    pub doc_number: Option<Range>,
    pub salutation: Option<Range>,
    pub signature: Option<Range>,
    pub signature_date: Option<(Range, Date)>,
    pub history: Vec<Range>,
    /// A date standing in the head (subtitle or a date line).
    pub head_date: Option<Date>,
    /// Lines taken by the front matter and closing block; they are not body.
    pub lines: Vec<usize>,
}

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{1,16}\s*[〔\[(（【]\s*[0-9]{4}\s*[〕\])）】]\s*[0-9]{1,4}\s*号")
        .expect("doc number regex")
});
/// An office: `国务院总理`, `自治区主席`, `市长`.
const OFFICE_PATTERN: &str = r"[\p{Han}、]{0,24}(?:长|书记|主任|总理|主席|部长|委员|理事|代表)";
/// A person's name: two to four characters, a two-character name padded with a space
/// (`韦　韬`), or a name of the minorities joined by middle dots (`艾尔肯·吐尼亚孜`).
const NAME_PATTERN: &str =
    r"[\p{Han}·]{2,4}|[\p{Han}]{1,2}\s+[\p{Han}]{1,2}|[\p{Han}]{1,8}(?:·[\p{Han}]{1,8})+";
/// An office and a name on one line.
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^({OFFICE_PATTERN})\s*({NAME_PATTERN})$")).expect("speaker regex")
});
/// An office on a line of its own, the name on the next (`国务院总理` / `李克强`).
static OFFICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{OFFICE_PATTERN}$")).expect("office regex"));
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{NAME_PATTERN})$")).expect("name regex"));
/// A name of two to four characters with a space between each (`习　近　平`, `韦　韬`).
static SPACED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}(?:[ \u{3000}]+\p{Han}){1,3}$").expect("spaced name"));
static HISTORY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（]?[0-9〇○零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日.{0,200}(?:通过|修订|修正|公布|施行|批准|发布|颁布)")
        .expect("history regex")
});

const SALUTE_WORDS: &[&str] = &[
    "同志们",
    "代表",
    "委员",
    "人民政府",
    "部门",
    "单位",
    "各位",
    "朋友们",
    "女士们",
    "先生们",
    "同学们",
    "机构",
    "各部委",
    "党委",
    "各级",
    "厅",
    "局",
    "来宾",
    "嘉宾",
];

/// Words a title ends with, and the type they give; the longest match wins.
const TYPE_WORDS: &[(&str, DocType)] = &[
    ("政府工作报告", DocType::WorkReport),
    ("工作报告", DocType::WorkReport),
    ("讲话", DocType::Speech),
    ("致辞", DocType::Speech),
    ("发言", DocType::Speech),
    ("通知", DocType::Notice),
    ("意见", DocType::Notice),
    ("方案", DocType::Notice),
    ("决定", DocType::Notice),
    ("决议", DocType::Other),
    ("通告", DocType::Notice),
    ("公告", DocType::Notice),
    ("批复", DocType::Notice),
    ("函", DocType::Notice),
    ("要点", DocType::Notice),
    ("计划", DocType::Notice),
    ("措施", DocType::Notice),
    ("规划纲要", DocType::Plan),
    ("规划", DocType::Plan),
    ("纲要", DocType::Plan),
    ("法", DocType::Law),
    ("法典", DocType::Law),
    ("条例", DocType::Law),
    ("办法", DocType::Law),
    ("规定", DocType::Law),
    ("细则", DocType::Law),
    ("规则", DocType::Law),
    ("准则", DocType::Law),
    ("章程", DocType::Law),
];

fn type_word(title: &str) -> Option<(&'static str, DocType)> {
    // `(草案)`, `(2024年修订)` and the like come after the type word.
    let core = match title.rfind(['(', '（']) {
        Some(p) if title.ends_with([')', '）']) => &title[..p],
        _ => title,
    };
    let core = core.trim_end();
    TYPE_WORDS
        .iter()
        .filter(|(w, _)| core.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .copied()
}

/// The document type from its title and salutation.
pub(crate) fn doc_type(
    title: Option<&str>,
    salutation: Option<&str>,
    opening: &str,
    has_articles: bool,
) -> DocType {
    // Traditional texts (`講話`, `政府工作報告`) are typed as their simplified forms.
    use crate::segment::fold::simplified;
    let title = title.map(simplified);
    let title = title.as_deref();
    let salutation = salutation.map(simplified);
    let salutation = salutation.as_deref();
    let wide = simplified(opening);
    // The type words are looked for in the first 600 bytes; only the head of government's
    // declaration (`向大会作政府工作报告`) may come later, after a few paragraphs of greeting
    // and review (the 1985 report declares itself after three).
    let mut cut = wide.len().min(600);
    while !wide.is_char_boundary(cut) {
        cut -= 1;
    }
    let opening = &wide[..cut];
    if let Some(t) = title {
        if let Some((_, ty)) = type_word(t) {
            return ty;
        }
        if t.contains("政府工作报告") {
            return DocType::WorkReport;
        }
        if t.ends_with("报告") && (t.contains('在') || salutation.is_some()) {
            return DocType::Speech;
        }
    }
    // Without a title, the opening says what the text is: a work report asks for deliberation,
    // or the government's head says he reports for it to the congress (`我代表国务院，向大会作
    // 政府工作报告`, `我代表中央人民政府作工作报告`, `…向大会作关于第七个五年计划的报告，请审议`).
    let for_government = ["代表国务院", "代表中央人民政府", "根据国务院的决定"]
        .iter()
        .any(|w| opening.contains(w));
    let to_deputies = salutation.is_some_and(|s| s.contains("代表"));
    if opening.contains("请予审议")
        || (to_deputies && wide.contains("向大会作政府工作报告"))
        || opening.contains("报告政府工作")
        || (to_deputies
            && (opening.contains("政府工作报告")
                || opening.contains("的政府工作")
                || (for_government && opening.contains("报告"))))
    {
        return DocType::WorkReport;
    }
    if salutation.is_some_and(|s| s.contains("同志") || s.contains("代表") || s.contains("朋友"))
    {
        return DocType::Speech;
    }
    if has_articles {
        return DocType::Law;
    }
    DocType::Other
}

/// A party congress report has no title line: it opens `同志们：` and says to which congress it
/// reports (`我代表第十七届中央委员会向大会作报告`, `向第十次全国代表大会作报告`). The title it is
/// known by: `在中国共产党第十八次全国代表大会上的报告`.
pub(crate) fn congress_report_title(opening: &str) -> Option<String> {
    static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"第([一二三四五六七八九十]{1,3})次全国代表大会").expect("congress regex")
    });
    static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"第?([一二三四五六七八九十]{1,3})届中央委员会").expect("committee regex")
    });
    let opening = crate::segment::fold::simplified(opening);
    // The sentence that reports, and in it the congress or the committee reporting.
    let at = opening.find("作报告")?;
    let from = opening[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c == '。' || c == '\n')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = &opening[from..at];
    let named = |s: &str| {
        CONGRESS
            .captures(s)
            .and_then(|c| crate::numerals::parse_cn(&c[1]))
    };
    // The outgoing committee reports to the next congress: 十七届 → 第十八次.
    let n = named(sentence)
        .or_else(|| {
            COMMITTEE
                .captures(sentence)
                .and_then(|c| crate::numerals::parse_cn(&c[1]))
                .map(|n| n + 1)
        })
        .or_else(|| named(&opening))?;
    Some(format!(
        "在中国共产党第{}次全国代表大会上的报告",
        crate::numerals::to_cn(n)
    ))
}

fn is_salutation(t: &str) -> bool {
    let Some(body) = t.strip_suffix(':').or_else(|| t.strip_suffix('!')) else {
        return false;
    };
    body.chars().count() <= 80
        && !body.contains(['。', '!', '?', ':'])
        && SALUTE_WORDS.iter().any(|w| body.contains(w))
}

fn ends_like_sentence(t: &str) -> bool {
    t.ends_with(['。', ',', ';', ':', '!', '?'])
}

fn title_like(t: &str) -> bool {
    t.chars().count() >= 2 && title_part(t)
}

/// A line that can be a title or the rest of one: a title broken by a scraper can leave one
/// character on the last line (`政府工作报\n告`).
fn title_part(t: &str) -> bool {
    let n = t.chars().count();
    (1..=60).contains(&n)
        && !t.contains('。')
        && !ends_like_sentence(t)
        && parse_marker(t).is_none()
        && is_date_line(t).is_none()
        && !t.starts_with("——")
}

/// How many lines the title starting at `cands[0]` takes (up to four: centred titles are
/// split, and scrapers break `政府工作报\n告`), or 0 when the line runs on into a sentence.
fn title_lines(text: &str, lines: &[Line], cands: &[usize]) -> usize {
    let line = |k: usize| cands.get(k).map(|&i| lines[i].text(text));
    let first = line(0).unwrap_or_default();
    let mut take = 1;
    if type_word(first).is_none() {
        let mut joined = first.to_string();
        for k in 1..4 {
            let Some(next) = line(k).filter(|n| title_part(n) && n.chars().count() <= 40) else {
                // `决胜全面建成小康社会` / `为夺取…伟大胜利` / `——在…大会上的报告`: lines set
                // as a title right before a subtitle are one title.
                let plain = (0..k).filter_map(line).all(|l| {
                    !l.contains([',', '，', ';', '；', ':', '：', '、'])
                        && !l.chars().any(|c| c.is_ascii_digit())
                });
                if k >= 2 && plain && line(k).is_some_and(|l| l.starts_with("——")) {
                    take = k;
                }
                break;
            };
            joined.push_str(next);
            if type_word(&joined).is_some() {
                take = k + 1;
                break;
            }
        }
    }
    // `…所作的\n政府工作报告\n。会议…`: the sentence goes on after the "title".
    match line(take) {
        Some(after) if after.starts_with(['。', ',', ';', '、', ')']) => 0,
        _ => take,
    }
}

/// The number of a decree on its own line: `第806号`, `第八百零六号`.
static DECREE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第[0-9〇零一二三四五六七八九十百千]{1,8}号$").expect("decree number")
});

/// The head of a decree page (`中华人民共和国国务院令`): the regulation it promulgates, named
/// below it, is the title.
fn is_decree(t: &str) -> bool {
    t.ends_with("国务院令") || t.ends_with("主席令")
}

fn is_subtitle(t: &str) -> bool {
    let n = t.chars().count();
    if n > 100 {
        return false;
    }
    let dashed = t.starts_with("——") || t.starts_with('—') || t.starts_with("--");
    let bracketed = t.starts_with('(') && t.ends_with(')');
    // `2026年1月31日在…会议上` without a dash.
    let dated_occasion =
        find_date(t).is_some_and(|(_, a, _)| a == 0) && t.ends_with('上') && t.contains('在');
    dated_occasion
        || (dashed || bracketed) && (t.contains('年') || t.contains('在') || t.contains('会'))
}

fn is_closing_line(t: &str) -> bool {
    t.chars().count() <= 30
        && !t.contains(['。', ',', ';', ':', '!', '?'])
        && parse_marker(t).is_none()
}

/// Reads the head and tail of the body text.
pub(crate) fn front(text: &str, lines: &[Line], skip: &[usize]) -> Front {
    let mut f = Front::default();
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && !skip.contains(&i))
        .collect();
    let r = |i: usize| (lines[i].text_start, lines[i].text_end);

    // Where the salutation stands, if the head has one before the first heading: lines between
    // the title and it that no rule knows (photo captions) are stepped over, not taken.
    let salute_at = nonblank
        .iter()
        .take(30)
        .take_while(|&&i| parse_marker(lines[i].text(text)).is_none())
        .position(|&i| is_salutation(lines[i].text(text)));
    let mut k = 0;
    while k < nonblank.len().min(30) {
        let i = nonblank[k];
        let t = lines[i].text(text);
        if parse_marker(t).is_some() {
            break;
        }
        if is_salutation(t) {
            f.salutation = Some((lines[i].text_start, lines[i].text_end - 1));
            f.lines.push(i);
            break;
        }
        if is_subtitle(t) {
            f.subtitle.push(r(i));
            if let Some((d, _, _)) = find_date(t) {
                f.head_date.get_or_insert(d);
            }
        } else if let Some(d) = is_date_line(t) {
            f.subtitle.push(r(i));
            f.head_date.get_or_insert(d);
        } else if HISTORY.is_match(t) {
            f.history.push(r(i));
        } else if DOC_NUMBER.find(t).is_some_and(|m| m.len() + 6 >= t.len()) {
            f.doc_number.get_or_insert(r(i));
        } else if let Some(c) = SPEAKER.captures(t).filter(|_| f.title.is_some()) {
            let (a, b) = (c.get(1).expect("office"), c.get(2).expect("name"));
            let base = lines[i].text_start;
            f.speaker = Some((
                (base + b.start(), base + b.end()),
                Some((base + a.start(), base + a.end())),
            ));
        } else if let Some(&n) = nonblank
            .get(k + 1)
            .filter(|_| f.title.is_some() && f.speaker.is_none() && OFFICE.is_match(t))
            .filter(|&&n| NAME.is_match(lines[n].text(text)))
        {
            f.speaker = Some((r(n), Some(r(i))));
            f.lines.push(i);
            k += 1;
            f.lines.push(n);
            k += 1;
            continue;
        } else if f.title.is_some()
            && f.speaker.is_none()
            && SPACED_NAME.is_match(t)
            && !["目录", "总则", "附则", "序言", "前言", "附件", "说明"]
                .contains(&t.replace([' ', '\u{3000}'], "").as_str())
        {
            // `习　近　平`: a name set with a space between its characters, on a line of its own
            // under the title, is the speaker.
            f.speaker = Some((r(i), None));
        } else if f.title.is_none() && title_like(t) && !is_decree(t) {
            let take = title_lines(text, lines, &nonblank[k..]);
            if take == 0 {
                break; // a sentence broken over lines, not a title
            }
            let ranges: Vec<Range> = nonblank[k..k + take].iter().map(|&j| r(j)).collect();
            let joined: String = nonblank[k..k + take]
                .iter()
                .map(|&j| lines[j].text(text))
                .collect();
            f.lines.extend(&nonblank[k + 1..k + take]);
            k += take - 1;
            f.title = Some((ranges, joined));
        } else if f.title.is_some()
            && (title_part(t) || !f.history.is_empty() && !t.contains('。'))
            && nonblank[k + 1..]
                .iter()
                .take(3)
                .any(|&j| HISTORY.is_match(lines[j].text(text)))
        {
            // Before a law's adoption history goes on: a part name (`合同编`) is a subtitle, the
            // title set again over two lines is passed over, and a history entry wrapped onto
            // a second line is history. A sentence before a dated line is the body.
            if !f.history.is_empty() {
                f.history.push(r(i));
            } else if !f.title.as_ref().is_some_and(|(_, title)| title.contains(t)) {
                f.subtitle.push(r(i));
            }
        } else if salute_at.is_some_and(|s| s > k) {
            k += 1; // an unknown line before the salutation stays in the body
            continue;
        } else {
            break; // the body has begun
        }
        f.lines.push(i);
        k += 1;
    }
    // A decree page names the regulation it promulgates on a line of its own before the first
    // article (`中华人民共和国国务院令` / `第706号` / … / `专利代理条例`).
    if f.title.is_none() {
        let decree = nonblank
            .iter()
            .take(8)
            .position(|&i| is_decree(lines[i].text(text)));
        if let Some(d) = decree {
            let named = nonblank[d + 1..]
                .iter()
                .take(12)
                .take_while(|&&i| parse_marker(lines[i].text(text)).is_none())
                .find(|&&i| {
                    let t = lines[i].text(text);
                    title_like(t) && !t.contains('《') && type_word(t).is_some()
                });
            if let Some(p) = nonblank.iter().position(|&j| Some(&j) == named) {
                let i = nonblank[p];
                f.title = Some((vec![r(i)], lines[i].text(text).to_string()));
                f.lines.push(i);
                f.lines.push(nonblank[d]);
                // Between the head and the name: the decree's number (`第806号`) and its date;
                // under the name, the 题注 that says when it was promulgated and takes effect.
                for &j in &nonblank[d + 1..p] {
                    let t = lines[j].text(text);
                    if let Some(date) = is_date_line(t) {
                        f.head_date.get_or_insert(date);
                        f.lines.push(j);
                    } else if DECREE_NUMBER.is_match(t) {
                        f.doc_number.get_or_insert(r(j));
                        f.lines.push(j);
                    }
                }
                for &j in nonblank[p + 1..].iter().take(2) {
                    if !HISTORY.is_match(lines[j].text(text)) {
                        break;
                    }
                    f.history.push(r(j));
                    f.lines.push(j);
                }
            }
        }
    }
    closing(text, lines, &nonblank, &mut f);
    f
}

/// The closing block: a date line, the issuer lines above it, and `(此件公开发布)` after it.
fn closing(text: &str, lines: &[Line], nonblank: &[usize], f: &mut Front) {
    let head_end = f.lines.iter().max().copied().unwrap_or(0);
    for (k, &i) in nonblank.iter().enumerate().rev().take(400) {
        if i <= head_end {
            break;
        }
        let t = lines[i].text(text);
        let Some(date) = is_date_line(t) else {
            continue;
        };
        let mut sig_lines: Vec<usize> = Vec::new();
        for &j in nonblank[..k].iter().rev().take(3) {
            let jt = lines[j].text(text);
            if j <= head_end || !is_closing_line(jt) || jt.chars().count() < 2 {
                break;
            }
            sig_lines.push(j);
        }
        let last = k + 1 == nonblank.len();
        if sig_lines.is_empty() && !last {
            continue;
        }
        sig_lines.reverse();
        if let (Some(&a), Some(&b)) = (sig_lines.first(), sig_lines.last()) {
            f.signature = Some((lines[a].text_start, lines[b].text_end));
        }
        f.signature_date = Some(((lines[i].text_start, lines[i].text_end), date));
        f.lines.extend(sig_lines);
        f.lines.push(i);
        if let Some(&n) = nonblank.get(k + 1) {
            let nt = lines[n].text(text);
            if nt.starts_with("(此件") && nt.ends_with(')') {
                f.lines.push(n);
            }
        }
        break;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn congress_reports_are_named_by_their_congress() {
        let cases = [
            (
                "中国共产党第十次全国代表大会，是在…召开的。\n我代表中央委员会向第十次全国代表大会作报告。",
                Some("在中国共产党第十次全国代表大会上的报告"),
            ),
            (
                "现在，我代表第十七届中央委员会向大会作报告。",
                Some("在中国共产党第十八次全国代表大会上的报告"),
            ),
            ("我受十二届中央委员会委托，向大会作报告。", Some("在中国共产党第十三次全国代表大会上的报告")),
            // The reporting sentence after another one (a multi-byte stop before it).
            (
                "第十八次全国代表大会开幕了。我代表第十七届中央委员会向大会作报告。",
                Some("在中国共产党第十八次全国代表大会上的报告"),
            ),
            // A speech that names a congress but reports to none.
            ("学习贯彻党的第二十次全国代表大会精神。", None),
        ];
        for (opening, want) in cases {
            assert_eq!(congress_report_title(opening).as_deref(), want, "{opening}");
        }
    }

    #[test]
    fn types_from_titles() {
        const CASES: &[(&str, DocType)] = &[
            ("在全区重点改革项目推进会上的讲话", DocType::Speech),
            ("2026年安徽省政府工作报告", DocType::WorkReport),
            (
                "国务院办公厅关于加强三级公立医院绩效考核工作的意见",
                DocType::Notice,
            ),
            ("关于印发某某管理办法的通知", DocType::Notice),
            ("中华人民共和国刑法", DocType::Law),
            ("某市优化营商环境条例(2024年修订)", DocType::Law),
            ("某区国民经济和社会发展第十五个五年规划纲要", DocType::Plan),
        ];
        for (t, want) in CASES {
            assert_eq!(doc_type(Some(t), None, "", false), *want, "{t}");
        }
        assert_eq!(doc_type(None, Some("同志们"), "", false), DocType::Speech);
        assert_eq!(
            doc_type(
                None,
                Some("各位代表"),
                "现在,我代表国务院,向大会报告政府工作,请予审议",
                false
            ),
            DocType::WorkReport
        );
        assert_eq!(
            doc_type(Some("某会议关于政府工作报告的决议"), None, "", false),
            DocType::Other
        );
        // The head of government reports to the deputies, with or without 请予审议.
        for opening in [
            "现在,我代表中央人民政府作工作报告。",
            "我现在根据国务院的决定,向大会作政府工作报告。",
            "现在,我代表国务院,向大会作关于第七个五年计划的报告,请审议。",
            "现在,我代表国务院,向大会报告过去五年的政府工作。",
        ] {
            assert_eq!(
                doc_type(None, Some("各位代表"), opening, false),
                DocType::WorkReport,
                "{opening}"
            );
        }
        // The declaration may come after paragraphs of review; other words only in the head.
        let review = "刚刚过去的一年,是取得伟大成就的一年。".repeat(20);
        assert_eq!(
            doc_type(
                None,
                Some("各位代表"),
                &format!("{review}现在,我就以此为题,向大会作政府工作报告。"),
                false
            ),
            DocType::WorkReport
        );
        assert_eq!(
            doc_type(
                None,
                Some("各位代表"),
                &format!("{review}会议审议了政府工作报告。"),
                false
            ),
            DocType::Speech
        );
        // A resolution that names the report it approves, to no one, is no work report.
        assert_eq!(
            doc_type(
                None,
                None,
                "会议听取了国务院总理所作的政府工作报告。",
                false
            ),
            DocType::Other
        );
    }

    #[test]
    fn heads_broken_over_lines() {
        // (text, title, speaker, office)
        const CASES: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "政府工作报\n告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n国务院总理\n　李克强\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n",
                "政府工作报告",
                Some("李克强"),
                Some("国务院总理"),
            ),
            (
                "政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理　\n李克强\n各位代表：\n正文。\n",
                "政府工作报告",
                Some("李克强"),
                Some("国务院总理"),
            ),
            (
                "在全市工作会议上的讲话\n市长　王某某\n同志们：\n正文。\n",
                "在全市工作会议上的讲话",
                Some("王某某"),
                Some("市长"),
            ),
            // Names of the minorities are longer and joined by a middle dot.
            (
                "2026年某自治区政府工作报告\n自治区主席 艾尔肯·吐尼亚孜\n各位代表：\n正文。\n",
                "2026年某自治区政府工作报告",
                Some("艾尔肯·吐尼亚孜"),
                Some("自治区主席"),
            ),
            // An office line followed by a sentence is no speaker.
            (
                "在全市工作会议上的讲话\n市长\n这次会议很重要。\n",
                "在全市工作会议上的讲话",
                None,
                None,
            ),
            // Two lines set as a title right before the subtitle are one title.
            (
                "坚定信心 实干争先\n\n\n奋力谱写县域发展新篇章\n\n——在县委全体会议上的报告\n（2026年1月8日）\n同志们：\n正文。\n",
                "坚定信心 实干争先奋力谱写县域发展新篇章",
                None,
                None,
            ),
            // A name set with spaces between its characters, under the title.
            (
                "坚定信心 实干争先\n\n奋力谱写县域发展新篇章\n——在县委全体会议上的报告\n（2026年1月8日）\n王　某　某\n同志们：\n正文。\n",
                "坚定信心 实干争先奋力谱写县域发展新篇章",
                Some("王　某　某"),
                None,
            ),
            // A decree page: the regulation named below its head is the title.
            (
                "中华人民共和国国务院令\n第900号\n《某某管理条例》已经2025年12月26日国务院第99次常务会议通过，现予公布，自2026年3月1日起施行。\n总理　某某\n2026年1月6日\n某某管理条例\n第一章　总　　则\n第一条　为了规范管理，制定本条例。\n",
                "某某管理条例",
                None,
                None,
            ),
            // A work report without a title line is named by its type, with a note.
            (
                "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2025年工作回顾\n过去一年，经济稳中有进。\n二、2026年政府工作任务\n今年要抓好以下工作。\n",
                "政府工作报告",
                None,
                None,
            ),
        ];
        for &(text, title, speaker, office) in CASES {
            let doc = crate::analyze(text);
            assert_eq!(doc.title.as_deref(), Some(title), "{text}");
            assert_eq!(
                doc.front.speaker.as_ref().map(|f| f.text.as_str()),
                speaker,
                "{text}"
            );
            assert_eq!(doc.front.speaker_office.as_deref(), office, "{text}");
        }
    }

    #[test]
    fn law_heads_with_lines_between_title_and_history() {
        /// Text, title, subtitle lines, number of history lines, date.
        type Case = (
            &'static str,
            &'static str,
            &'static [&'static str],
            usize,
            Option<&'static str>,
        );
        const CASES: &[Case] = &[
            (
                "中华人民共和国民法典\n合同编\n2020年5月28日 第十三届全国人民代表大会第三次会议通过\n2021年1月1日 施行\n第一章 一般规定\n第四百六十三条 本编调整因合同产生的民事关系。\n",
                "中华人民共和国民法典",
                &["合同编"],
                2,
                Some("2021-01-01"),
            ),
            (
                "中华人民共和国某某组织法\n中华人民共和国\n某某组织法\n1979年7月1日 第五届全国人民代表大会第二次会议通过\n根据1986年12月2日 第六届全国人民代表大会常务委员会第十八次会议《关于修改\n〈中华人民共和国某某组织法〉的决定》第一次修正\n2022年3月11日 第十三届全国人民代表大会第五次会议修正\n第一章 总则\n第一条 为了规范某某工作，制定本法。\n",
                "中华人民共和国某某组织法",
                &[],
                4,
                Some("2022-03-11"),
            ),
            // A sentence before a dated line is the body, not part of the head.
            (
                "在全市工作会议上的讲话\n同志们，今天的会议很重要。\n2025年3月1日，市政府常务会议审议通过了方案。\n",
                "在全市工作会议上的讲话",
                &[],
                0,
                None,
            ),
        ];
        for &(text, title, subtitle, history, date) in CASES {
            let doc = crate::analyze(text);
            assert_eq!(doc.title.as_deref(), Some(title), "{text}");
            let subs: Vec<&str> = doc.front.subtitle.iter().map(|f| f.text.as_str()).collect();
            assert_eq!(subs, subtitle, "{text}");
            assert_eq!(doc.front.history.len(), history, "{text}");
            assert_eq!(doc.date.as_deref(), date, "{text}");
        }
    }

    #[test]
    fn salutations() {
        for t in [
            "同志们:",
            "同志们!",
            "各位代表:",
            "各区人民政府,市政府各部门:",
            "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:",
        ] {
            assert!(is_salutation(t), "{t}");
        }
        for t in [
            "主要任务有三个:",
            "同志们好。",
            "请各位代表审议!这是一句话。",
        ] {
            assert!(!is_salutation(t), "{t}");
        }
    }
}
