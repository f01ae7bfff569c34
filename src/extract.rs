//! Metrics, times and actions of the body, as record entries; and the document date inferred
//! from the text where it states none.

use crate::actions;
use crate::analyzer::{Ctx, Stages};
use crate::clean::Cut;
use crate::model::{Action, DocType, Document, Metric, RemovalReason, Time, TimeKind};
use crate::quantity::metric;
use crate::structure::counts::Declared;
use crate::structure::markers::Style;
use crate::structure::points::{scope_of, FoundPoint};
use crate::structure::tree::Flat;
use crate::times::{self, FoundTime};

fn year_of(doc: &Document) -> Option<i32> {
    doc.date.as_deref()?.get(..4)?.parse().ok()
}

/// The years of a document: its own, and in a work report the top-level section that reviews
/// a past year (`一、2025年工作回顾`, `一、过去一年工作回顾`), whose `年末`, `上半年` and
/// `6月底` are of that year.
fn years(doc: &Document, body: &str, flat: &[Flat], doc_year: Option<i32>) -> times::Years {
    let review = (doc.doc_type == DocType::WorkReport)
        .then(|| {
            flat.iter().filter(|f| f.depth == 1).find_map(|f| {
                Some((
                    f.start,
                    f.end,
                    review_year(body.get(f.heading.0..f.heading.1)?, doc_year)?,
                ))
            })
        })
        .flatten();
    times::Years {
        doc: doc_year,
        review,
        ahead: doc
            .title
            .as_deref()
            .and_then(|t| title_year_ahead(t, doc_year)),
    }
}

/// The one year a title names when it is after the document's own (`关于2027年部分节假日安排的
/// 通知` signed in December 2026): the year its bare dates are of. A title naming a past year
/// (`关于2025年度考核结果的通报`) reports on it, and its deadlines are of the signing year.
fn title_year_ahead(title: &str, doc_year: Option<i32>) -> Option<i32> {
    let doc_year = doc_year?;
    let b = title.as_bytes();
    let mut years = (0..b.len().saturating_sub(3)).filter_map(|i| {
        let digits = b.get(i..i + 4)?;
        let before = i.checked_sub(1).map(|j| b[j]);
        (digits.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(|c| c.is_ascii_digit())
            && title[i + 4..].starts_with('年'))
        .then(|| title[i..i + 4].parse::<i32>().ok())
        .flatten()
    });
    let y = years.next()?;
    (years.all(|z| z == y) && y > doc_year).then_some(y)
}

/// The year a work report (or a speech, such as a budget report to a session of the National
/// People's Congress) that states no date was given in, from its headings: the year after
/// the one its first top-level review section names (`一、2015年工作回顾` → 2016), the year of the
/// work it sets (`三、2021年政府工作任务`, `对2018年政府工作的建议`, `1998年工作回顾和1999年工作的
/// 总体要求`); else from its text: the session of the National People's Congress it is
/// addressed to (`向第十届全国人民代表大会第一次会议报告`, `…提出`), the five years since the last first
/// session (`第十二届全国人民代表大会第一次会议以来的五年` → 2018), or the government's term
/// (`本届政府1998年3月就职，任期即将结束` → 2003). None for other kinds of document.
pub(crate) fn reported_year(doc: &Document, text: &str) -> Option<i32> {
    if !matches!(doc.doc_type, DocType::WorkReport | DocType::Speech) {
        return None;
    }
    let headings = || {
        doc.sections
            .iter()
            .map(|s| crate::normalize::fold_str(&s.heading))
    };
    headings()
        .find_map(|h| review_year(&h, None).map(|y| y + 1))
        .or_else(|| headings().find_map(|h| task_year(&h)))
        .or_else(|| headings().find_map(|h| plan_review_year(&h)))
        .or_else(|| headings().find_map(|h| review_opening_year(&h, text)))
        .or_else(|| opening_year(text))
        .or_else(|| congress_year(text))
}

/// A year in four digits, ASCII or full-width, or four numeral characters (`1998`, `１９８４`,
/// `一九八四`), spaces between them allowed.
fn year_value(s: &str) -> Option<i32> {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            c.to_digit(10)
                .map(u64::from)
                .or_else(|| {
                    ('０'..='９')
                        .contains(&c)
                        .then(|| u64::from(c) - u64::from('０'))
                })
                .or_else(|| crate::numerals::cn_digit(c))
        })
        .try_fold(0i32, |y, d| Some(y * 10 + i32::try_from(d?).ok()?))
}

/// The year of each National Congress of the Communist Party of China, from the first (1921);
/// every five years after the twentieth.
const PARTY_CONGRESSES: [i32; 20] = [
    1921, 1922, 1923, 1925, 1927, 1928, 1945, 1956, 1969, 1973, 1977, 1982, 1987, 1992, 1997, 2002,
    2007, 2012, 2017, 2022,
];

fn party_congress_year(n: u64) -> Option<i32> {
    let i = usize::try_from(n).ok()?.checked_sub(1)?;
    match PARTY_CONGRESSES.get(i) {
        Some(&y) => Some(y),
        None => Some(2022 + 5 * i32::try_from(n.checked_sub(20)?).ok()?).filter(|_| n <= 60),
    }
}

static OPENING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        刚刚过去的\s*(?P<past>(?:[0-9０-９]\s*){4}|[〇○零一二三四五六七八九]{4})年
        |(?:^|[！!：:\s])中国共产党第(?P<party>[一二三四五六七八九十]{1,3})次全国代表大会[，,]
        |[向在](?:中国共产党|党的)第(?P<party2>[一二三四五六七八九十]{1,3})次全国代表大会[作上]
        |代表(?:中国共产党)?第?(?P<cc>[一二三四五六七八九十]{1,3})届中央委员会
        |受第?(?P<cc2>[一二三四五六七八九十]{1,3})届中央委员会委托
        |向第(?P<npc>[一二三四五六七八九十]{1,3})届全国人民代表大会作",
    )
    .expect("valid regex")
});

/// The year a speech's or report's opening shows (its first 600 bytes and so): the party
/// congress it is the report to (`同志们！中国共产党第十次全国代表大会，…`, `在中国共产党第十九次
/// 全国代表大会上的报告`, `我代表第十八届中央委员会向大会作报告` → the nineteenth, 2017; not a
/// congress whose spirit it studies, `学习贯彻党的第二十次全国代表大会精神`), the Congress it is given to without a session
/// (`向第四届全国人民代表大会作政府工作报告` → its first session), the year after the one just
/// past (`刚刚过去的1984年` → 1985).
fn opening_year(text: &str) -> Option<i32> {
    let mut end = text.len().min(600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let c = OPENING.captures(&text[..end])?;
    let cn = |name: &str| {
        c.name(name)
            .and_then(|m| crate::numerals::parse_cn(m.as_str()))
    };
    if let Some(y) = c.name("past") {
        return Some(year_value(y.as_str())? + 1);
    }
    if let Some(n) = cn("party").or_else(|| cn("party2")) {
        return party_congress_year(n);
    }
    if let Some(n) = cn("cc").or_else(|| cn("cc2")) {
        return party_congress_year(n + 1);
    }
    npc_session_year(cn("npc")?, 1)
}

/// The year after a five-year plan that a heading reviews (`一、“九五”时期国民经济和社会发展
/// 的回顾` → 2001, `“六五”计划执行情况的回顾` → 1986): the report that looks back on a plan is
/// given in the year after it ends.
fn plan_review_year(heading: &str) -> Option<i32> {
    if !heading.contains("回顾") {
        return None;
    }
    let at = heading.find("五”").or_else(|| heading.find("五\""))?;
    let open = heading[..at].rfind(['“', '"'])?;
    let number = &heading[open + heading[open..].chars().next()?.len_utf8()..at];
    let n = crate::numerals::parse_cn(number)?;
    crate::times::plan_start(u32::try_from(n).ok()?).map(|s| s + 5)
}

/// The year after the one that opens a review of the past year whose heading names none
/// (`一、去年工作回顾` / `2005年，我国…` → 2006).
fn review_opening_year(heading: &str, text: &str) -> Option<i32> {
    let past_year = ["去年", "过去一年", "一年来"]
        .iter()
        .any(|w| heading.contains(w));
    if !heading.contains("回顾") || !past_year || !years_named(heading).is_empty() {
        return None;
    }
    let after = &text[text.find(heading)? + heading.len()..];
    let opening = crate::normalize::fold_str(after.split([',', '，', '。']).next()?);
    let opening = opening.trim();
    // The clause is the year alone (`2005年`), not a sentence that names one.
    match years_named(opening).as_slice() {
        [y] if opening.chars().count() <= 5 => Some(y + 1),
        _ => None,
    }
}

/// The year of the work a heading sets: the one year it names where it speaks of the year's
/// work (`2021年政府工作任务`, `对2018年政府工作的建议`, `2005年工作总体部署`), or the later of a
/// review year and the next (`1993年国内工作的回顾和1994年工作的基本方针`).
fn task_year(heading: &str) -> Option<i32> {
    const WORK: [&str; 7] = [
        "任务",
        "建议",
        "总体要求",
        "总体部署",
        "基本方针",
        "工作安排",
        "年的工作",
    ];
    // `1981年国民经济计划的任务` in a report of 1980 names the plan's year, not the report's.
    if heading.contains("计划") || !WORK.iter().any(|w| heading.contains(w)) {
        return None;
    }
    match years_named(heading).as_slice() {
        [y] if !heading.contains("回顾") => Some(*y),
        [a, b] if heading.contains("回顾") && *b == a + 1 => Some(*b),
        _ => None,
    }
}

/// The year a heading reviews: the one year it names, or the year before the document's for
/// `过去一年`, `去年` and a bare `工作回顾`. None for five-year reviews and other headings.
fn review_year(heading: &str, doc_year: Option<i32>) -> Option<i32> {
    if !heading.contains("回顾") && !heading.contains("过去一年") {
        return None;
    }
    let named = years_named(heading);
    match named.as_slice() {
        [y] => Some(*y),
        [] if !heading.contains("五年") => doc_year.map(|y| y - 1),
        _ => None,
    }
}

/// The distinct years `heading` names with four digits (spaces between them allowed, as in
/// `1 9 9 8 年`) or four numeral characters (`一九五八年`) before 年, in order.
fn years_named(heading: &str) -> Vec<i32> {
    let mut named = Vec::new();
    let mut digits: Vec<u32> = Vec::new();
    let mut after_digit = false;
    for c in heading.chars() {
        let d = c
            .to_digit(10)
            .or_else(|| match c {
                '〇' | '零' => Some(0),
                _ => crate::numerals::cn_digit(c)
                    .filter(|&d| d <= 9)
                    .map(|d| d as u32),
            })
            .filter(|_| !matches!(c, '十' | '百' | '千' | '万'));
        match d {
            Some(d) => {
                digits.push(d);
                after_digit = true;
            }
            None if c == ' ' && after_digit => {}
            None => {
                if c == '年' && digits.len() == 4 {
                    named.push(digits.iter().fold(0i32, |y, &d| y * 10 + d as i32));
                }
                digits.clear();
                after_digit = false;
            }
        }
    }
    named.sort_unstable();
    named.dedup();
    named
}

/// The year of the first session of each National People's Congress, from the first (1954).
const NPC_FIRST_SESSIONS: [i32; 15] = [
    1954, 1959, 1964, 1975, 1978, 1983, 1988, 1993, 1998, 2003, 2008, 2013, 2018, 2023, 2028,
];

/// The year of session `m` of Congress `n`: yearly sessions, except the few Congresses that
/// met less often (only their first session is taken).
fn npc_session_year(n: u64, m: u64) -> Option<i32> {
    let first = *NPC_FIRST_SESSIONS.get(usize::try_from(n).ok()?.checked_sub(1)?)?;
    let yearly = n == 1 || n >= 5 || m == 1 || (n == 2 && m == 2);
    ((1..=5).contains(&m) && yearly).then(|| first + m as i32 - 1)
}

static CONGRESS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        (?:(?P<to>向)|(?P<last>从去年)[^第，。]{0,6}|(?P<since>从))?
        第(?P<n>[一二三四五六七八九十]{1,3})届全国人民代表大会第(?P<m>[一二三四五六七八九十]{1,2})次会议
        (?P<how>以来的五年|(?:作)?(?:政府工作)?报告|[，,]?提出|闭幕|到|[，,]到这次大会)?
        |报告\s*(?P<done>(?:[0-9０-９]\s*){4})年的工作
        |第(?P<during>[一二三四五六七八九十]{1,3})届全国人民代表大会期间
        |本届政府从?\s*(?P<term>(?:\d\s*){4})年\s*\d{1,2}\s*月就职",
    )
    .expect("valid regex")
});

/// The year the text shows the report was given in (see [`reported_year`]).
fn congress_year(text: &str) -> Option<i32> {
    // The opening of a report says whom it addresses, and its review how long the government
    // has served.
    let mut end = text.len().min(12_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    for c in CONGRESS.captures_iter(head) {
        if let Some(n) = c.name("during") {
            // `过去五年…第五届全国人民代表大会期间`: the review of a whole Congress's term, given
            // at the first session of the next.
            if head.contains("过去五年") {
                return npc_session_year(crate::numerals::parse_cn(n.as_str())? + 1, 1);
            }
            continue;
        }
        // Digits of any width: the archive reads the text as it was given.
        if let Some(y) = c.name("term") {
            return Some(year_value(y.as_str())? + 5);
        }
        if let Some(y) = c.name("done") {
            // `首先报告2001年的工作`: the work of the year before.
            return Some(year_value(y.as_str())? + 1);
        }
        let n = crate::numerals::parse_cn(&c["n"])?;
        let m = crate::numerals::parse_cn(&c["m"])?;
        let how = c.name("how").map_or("", |h| h.as_str());
        let five_years_on = || {
            let end = c.get(0).map_or(0, |m| m.end());
            head[end..]
                .chars()
                .take(24)
                .collect::<String>()
                .contains("五年")
        };
        if how == "以来的五年" || (c.name("since").is_some() && how.ends_with("到这次大会"))
        {
            // `…第一次会议以来的五年`; `从第七届…第一次会议，到这次大会的召开，已经整整过去了五年`.
            if m == 1 && (how == "以来的五年" || five_years_on()) {
                return npc_session_year(n + 1, 1);
            }
        } else if c.name("last").is_some() && matches!(how, "闭幕" | "到") {
            // `从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开`.
            return npc_session_year(n, m).map(|y| y + 1);
        } else if c.name("to").is_some() && !matches!(how, "" | "闭幕" | "到") {
            // Addressed to the session (`向…会议报告`, `向…会议提出`), not a session that
            // proposed something once (`…第一次会议提出全国人民在新时期的总任务`).
            return npc_session_year(n, m);
        }
    }
    None
}

/// What the structure stage found in the body, in normalised coordinates.
pub(crate) struct Structure<'a> {
    /// The body: the text with furniture and front matter blanked.
    pub body: &'a str,
    /// Its headings.
    pub flat: &'a [Flat],
    /// Its points.
    pub pts: &'a [FoundPoint],
    /// Its declared counts.
    pub decls: &'a [Declared],
    /// What was removed from it.
    pub cuts: &'a [Cut],
}

/// Fills `times`, `actions`, `tasks` and (for [`Stages::All`]) `metrics` of `doc` from the
/// body text.
pub(crate) fn extract(doc: &mut Document, st: &Structure, ctx: &Ctx, stages: Stages) {
    let Structure {
        body,
        flat,
        pts,
        decls,
        cuts,
    } = *st;
    // A work report without a date line is of the year its headings show (`一、2020年工作回顾`,
    // `三、2021年政府工作任务`): its 今年 and 去年 count from there.
    let doc_year = year_of(doc).or_else(|| {
        let y = reported_year(doc, body)?;
        doc.notes.push(format!(
            "times: 今年, 去年 and the like are read in {y}, the year the text's headings or its \
             opening show; the text states no date"
        ));
        Some(y)
    });
    // A law's `下一年度`, `1月10日前` recur every year: no year of the law's own holds them.
    let doc_year = doc_year.filter(|_| doc.doc_type != DocType::Law);
    let mut found = times::times(body, years(doc, body, flat, doc_year));
    if doc.date.is_none() {
        // A text that counts `截至2025年11月底` was written after that day: the latest such
        // as-of date is the best estimate of its date.
        let as_of = found
            .iter()
            .filter(|t| t.as_of)
            .filter_map(|t| t.to.map(|d| (d, t)))
            .max_by_key(|(d, _)| *d);
        if let Some((d, t)) = as_of {
            doc.date = Some(d.iso());
            doc.notes.push(format!(
                "date: inferred from the as-of date \"{}\"; the text states no date of its own",
                ctx.text((t.start, t.end))
            ));
            found = times::times(body, years(doc, body, flat, Some(d.year)));
        }
    }
    doc.times = found.iter().map(|t| time(t, ctx)).collect();
    if stages == Stages::All {
        doc.metrics = metrics(body, decls, ctx);
    }
    // A title line is structure, not a directive; a heading that is a sentence of the text
    // (`（三）市财政…用于支持数据中心改造。`, an article's first sentence) can be one.
    // Headings, times and points are in text order, as are the actions: each look-up is a
    // binary search or a sweep, never a scan of the whole document per action.
    // A bare imperative that is a heading (`3.释放企业产能。`) is the measure's name.
    let is_heading = |a: &actions::FoundAction| {
        let from = flat.partition_point(|f| f.start < a.start);
        flat[from..]
            .iter()
            .take_while(|f| f.start == a.start)
            .any(|f| {
                f.style != Style::Tiao
                    && a.end <= f.heading.1 + '。'.len_utf8()
                    && (a.modal.is_none() || !body[a.start..a.end].ends_with('。'))
            })
    };
    let (past, tasks) = scope(doc, body, flat);
    let breaks: Vec<(usize, usize)> = cuts
        .iter()
        .filter(|c| matches!(c.reason, RemovalReason::Omission | RemovalReason::Paywall))
        .map(|c| (c.start, c.end))
        .collect();
    let measures = measure_lines(body, flat);
    let scope = actions::Scope {
        past: &past,
        tasks: &tasks,
        measures: &measures,
        breaks: &breaks,
        law: doc.doc_type == DocType::Law,
    };
    let mut innermost = InnermostPoint::new(pts);
    doc.actions = actions::actions_in(body, &scope)
        .into_iter()
        .filter(|a| actions::within(&measures, a.start) || !is_heading(a))
        .map(|a| {
            let from = found.partition_point(|t| t.start < a.start);
            let deadline = found[from..]
                .iter()
                .take_while(|t| t.start < a.end)
                .filter(|t| t.end <= a.end && t.kind == TimeKind::Deadline)
                .find_map(|t| t.to)
                .map(|d| d.iso());
            let point = innermost.at(a.modal.map_or(a.start, |m| m.0));
            Action {
                actor: a.actor.map(|r| ctx.text(r).to_string()),
                partners: a
                    .partners
                    .iter()
                    .map(|&r| ctx.text(r).to_string())
                    .collect(),
                modal: a.modal.map(|m| ctx.text(m).to_string()),
                strength: a.strength,
                text: ctx.text((a.start, a.end)).to_string(),
                deadline,
                section_path: scope_of(flat, a.start)
                    .map_or_else(Vec::new, |s| flat[s].path.clone()),
                point,
                span: ctx.span((a.start, a.end)),
            }
        })
        .collect();
    // The archive does not index the task table.
    if stages == Stages::All {
        crate::tasks::tasks(doc, body, flat, pts, &past, ctx);
    }
}

/// Sorted byte ranges of the body.
type Ranges = Vec<(usize, usize)>;

/// Where a document reviews the past (a work report's review parts and its opening, before
/// the first heading) and where it sets work (the other parts of a work report, a notice's or
/// a plan's sections; no part of a law, whose provisions need their directive word, or of a
/// speech), as sorted ranges of the body.
fn scope(doc: &Document, body: &str, flat: &[Flat]) -> (Ranges, Ranges) {
    let top: Vec<&Flat> = flat.iter().filter(|f| f.depth == 1).collect();
    let mut past = Vec::new();
    let mut tasks = Vec::new();
    let reviews = |f: &Flat| {
        let h = body.get(f.heading.0..f.heading.1).unwrap_or("");
        ["回顾", "过去一年", "过去五年", "工作总结"]
            .iter()
            .any(|w| h.contains(w))
            // `一、2025年主要工作和"十四五"发展成就`, not `二、…发展成就和…主要目标任务`.
            || h.contains("成就") && !h.contains("目标") && !h.contains("任务")
            // `（一）关于经济形势`, `一、当前的经济形势`: the year past, as older reports tell it
            // (not `当前国内形势和基本任务`).
            || h.contains("经济形势") && !h.contains("任务") && !h.contains("工作")
    };
    if doc.doc_type == DocType::WorkReport {
        if let Some(first) = top.first() {
            past.push((0, first.start));
        }
    }
    for f in &top {
        if doc.doc_type == DocType::WorkReport && reviews(f) {
            past.push((f.start, f.end));
        } else if !matches!(doc.doc_type, DocType::Law | DocType::Speech) {
            tasks.push((f.start, f.end));
        }
    }
    (past, tasks)
}

/// Leaf headings that are the whole of their measure, a sentence with nothing after it in its
/// section but one or more notes in brackets (`（三）将建筑工程施工许可…下放至自贸试验区。（负责部门：住房城乡
/// 建设部）`), as the sorted ranges of their sections: not a measure's name (`3.释放企业产能。`
/// before the text that says how) but the measure itself. The ranges end with the sentence,
/// before its notes.
fn measure_lines(body: &str, flat: &[Flat]) -> Ranges {
    flat.iter()
        .enumerate()
        .filter(|&(i, f)| {
            let leaf = flat.get(i + 1).is_none_or(|n| n.depth <= f.depth);
            let rest = body.get(f.heading.1..f.end).unwrap_or("");
            let notes = rest.strip_prefix('。').map_or(0, notes_only);
            leaf && f.style != Style::Tiao && notes > 0
        })
        .map(|(_, f)| (f.start, f.heading.1 + '。'.len_utf8()))
        .collect()
}

/// How many bracketed notes `s` holds (`（负责部门：住房城乡建设部）`) where it holds nothing
/// else but white space and full stops; 0 where it holds anything else, or a bracket of less
/// than three characters (`（略）`).
fn notes_only(mut s: &str) -> usize {
    let mut n = 0;
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '。');
        let Some(open) = s.chars().next() else {
            return n;
        };
        let close = match open {
            '（' => '）',
            '(' => ')',
            _ => return 0,
        };
        let Some(at) = s.find(close) else { return 0 };
        // `（略）` marks an omission, not a note.
        if s[open.len_utf8()..at].chars().count() < 3 {
            return 0;
        }
        s = &s[at + close.len_utf8()..];
        n += 1;
    }
}

/// The innermost point holding a position (the last point, in text order, that starts at or
/// before it and ends after it), for positions asked in ascending order: a sweep with a heap
/// of the points started so far, each pushed and popped once.
struct InnermostPoint<'a> {
    pts: &'a [FoundPoint],
    next: usize,
    started: std::collections::BinaryHeap<usize>,
}

impl<'a> InnermostPoint<'a> {
    fn new(pts: &'a [FoundPoint]) -> Self {
        InnermostPoint {
            pts,
            next: 0,
            started: std::collections::BinaryHeap::new(),
        }
    }

    /// `pos` must not be less than the one asked before.
    fn at(&mut self, pos: usize) -> Option<usize> {
        while self.next < self.pts.len() && self.pts[self.next].span.0 <= pos {
            self.started.push(self.next);
            self.next += 1;
        }
        // A point that ended at or before `pos` has ended for every later position too.
        while let Some(&i) = self.started.peek() {
            if pos < self.pts[i].span.1 {
                return Some(i);
            }
            self.started.pop();
        }
        None
    }
}

/// The metrics of the body, less declared counts and back references.
fn metrics(body: &str, decls: &[Declared], ctx: &Ctx) -> Vec<Metric> {
    metric::metrics(body)
        .into_iter()
        // A declared count (`主要任务有三个:`, `以上三项`) counts the text's own list, not the
        // world. (A count pointed back at, `这3起事故`, is still a count.)
        .filter(|m| !decls.iter().any(|d| d.start < m.end && m.start < d.end))
        .map(|m| Metric {
            text: ctx.text((m.start, m.end)).to_string(),
            value: m.value,
            high: m.high,
            unit: m.unit.map(String::from),
            kind: m.kind,
            qualifier: m.qualifier,
            subject: m
                .subject
                .and_then(|r| trim_blank(body, r))
                .map(|r| ctx.text(r).to_string()),
            from: m.from,
            direction: m.direction,
            basis: m.basis.map(|r| ctx.text(r).to_string()),
            span: ctx.span((m.start, m.end)),
        })
        .collect()
}

fn time(t: &FoundTime, ctx: &Ctx) -> Time {
    Time {
        text: ctx.text((t.start, t.end)).to_string(),
        kind: t.kind,
        start: t.from.map(|d| d.iso()),
        end: t.to.map(|d| d.iso()),
        span: ctx.span((t.start, t.end)),
    }
}

/// A range without the white space at its ends (removed furniture is blanked to spaces), or
/// `None` when nothing is left.
fn trim_blank(body: &str, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let t = body.get(s..e)?;
    let lead = t.len() - t.trim_start().len();
    let kept = t.trim().len();
    (kept > 0).then_some((s + lead, s + lead + kept))
}

#[cfg(test)]
mod tests {
    use super::{congress_year, plan_review_year, review_opening_year, review_year, task_year};

    #[test]
    fn reviewed_years() {
        for (heading, want) in [
            ("一、2025年工作回顾", Some(2025)),
            ("一、2025年和“十四五”时期工作回顾", Some(2025)),
            ("一、“十四五”时期和2025年工作回顾", Some(2025)),
            ("一、过去一年工作回顾", Some(2025)),
            ("一、去年工作回顾", Some(2025)),
            ("一、工作回顾", Some(2025)),
            ("一、过去五年工作回顾", None),
            ("一、1993年国内工作的回顾和1994年", None),
            ("二、2026年工作安排", None),
        ] {
            assert_eq!(review_year(heading, Some(2026)), want, "{heading}");
        }
    }

    #[test]
    fn years_of_the_work_a_heading_sets() {
        for (heading, want) in [
            ("三、2021年政府工作任务", Some(2021)),
            ("三、对2018年政府工作的建议", Some(2018)),
            ("二、2005年工作总体部署", Some(2005)),
            ("三、2011年的工作", Some(2011)),
            ("二、关于1 9 9 8 年政府工作的建议", Some(1998)),
            ("一、1993年国内工作的回顾和1994年工作的基本方针", Some(1994)),
            ("一、1998年工作回顾和1999年工作的总体要求", Some(1999)),
            ("二、争取一九五九年国民经济的新任务", Some(1959)),
            // A plan's year is not the report's; a review alone sets no work.
            ("二、1981年国民经济计划的任务和主要指标", None),
            ("一、2025年工作回顾", None),
            ("二、“十五”期间的奋斗目标和指导方针", None),
            ("三、2020年和2021年的工作", None),
        ] {
            assert_eq!(task_year(heading), want, "{heading}");
        }
    }

    #[test]
    fn years_of_the_session_a_report_is_given_to() {
        for (text, want) in [
            ("现在，我代表国务院，向第十届全国人民代表大会第一次会议报告过去五年的工作", Some(2003)),
            ("我代表国务院向第一届全国人民代表大会第五次会议，提出关于", Some(1958)),
            ("国务院向第一届全国人民代表大会第二次会议提出关于发展国民经济", Some(1955)),
            ("向第二届全国人民代表大会第一次会议作政府工作报告", Some(1959)),
            ("第十二届全国人民代表大会第一次会议以来的五年，是我国发展进程中", Some(2018)),
            ("第八届全国人民代表大会第一次会议以来的五年", Some(1998)),
            (
                "中国共产党第十一次全国代表大会和第五届全国人民代表大会第一次会议提出全国人民在新时期的总任务",
                None,
            ),
            ("本届政府从1 9 9 3 年3 月就职，到现在已经五年了", Some(1998)),
            ("本届政府1998年3月就职，任期即将结束", Some(2003)),
            ("本届政府１９９８年３月就职", Some(2003)),
            ("从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开", Some(1979)),
            ("从去年９月第五届全国人民代表大会第三次会议到现在", Some(1981)),
            // A session named for something else, or a Congress that did not meet yearly.
            ("根据一九八三年六月第六届全国人民代表大会第一次会议的决议", None),
            ("向第三届全国人民代表大会第四次会议报告", None),
            // A whole Congress's term reviewed: the first session of the next.
            ("过去五年国内工作的基本总结\n第六届全国人民代表大会期间，国务院", Some(1988)),
            ("过去五年的回顾\n第五届全国人民代表大会期间，在中国共产党领导下", Some(1983)),
            ("第六届全国人民代表大会期间通过的法律", None),
            (
                "从第七届全国人民代表大会第一次会议，到这次大会的召开，已经整整过去了五年。",
                Some(1993),
            ),
            ("从第七届全国人民代表大会第二次会议，到这次大会的召开", None),
            ("首先报告２００１年的工作", Some(2002)),
            ("现在我报告 1 9 9 9 年的工作", Some(2000)),
            ("", None),
        ] {
            assert_eq!(congress_year(text), want, "{text}");
        }
    }

    #[test]
    fn years_after_a_reviewed_plan() {
        for (heading, want) in [
            ("“九五”时期国民经济和社会发展的回顾", Some(2001)),
            ("“六五”计划执行情况的回顾", Some(1986)),
            ("“十一五”时期国民经济和社会发展的回顾", Some(2011)),
            ("\"十五\"时期的回顾", Some(2006)),
            // A plan ahead, or no review.
            ("“十五”期间的奋斗目标和指导方针", None),
            ("2025年和“十四五”时期工作回顾", Some(2026)),
            ("工作回顾", None),
        ] {
            assert_eq!(plan_review_year(heading), want, "{heading}");
        }
    }

    #[test]
    fn years_after_the_year_a_review_opens_with() {
        for (heading, text, want) in [
            (
                "去年工作回顾",
                "一、去年工作回顾\n2005年，我国社会主义现代化事业",
                Some(2006),
            ),
            (
                "过去一年工作回顾",
                "一、过去一年工作回顾\n  2004年，全国各族人民",
                Some(2005),
            ),
            (
                "一年来工作回顾",
                "一、一年来工作回顾\n２００３年，我们",
                Some(2004),
            ),
            // An opening that is a sentence naming a year, a review of five years, no heading.
            (
                "去年工作回顾",
                "一、去年工作回顾\n面对2005年的复杂形势，我们",
                None,
            ),
            ("过去五年工作回顾", "一、过去五年工作回顾\n2017年，", None),
            ("去年工作回顾", "二、今年的任务\n2005年，", None),
        ] {
            assert_eq!(review_opening_year(heading, text), want, "{heading} {text}");
        }
    }

    #[test]
    fn years_an_opening_shows() {
        for (text, want) in [
            (
                "同志们！中国共产党第十次全国代表大会，是在…召开的。",
                Some(1973),
            ),
            (
                "同志们：现在，我代表第十八届中央委员会向大会作报告。",
                Some(2017),
            ),
            (
                "同志们：我受十二届中央委员会委托，向大会作报告。",
                Some(1987),
            ),
            (
                "各位代表！我代表国务院，向第四届全国人民代表大会作政府工作报告。",
                Some(1975),
            ),
            (
                "各位代表：\n　　刚刚过去的１９８４年，是…的一年。",
                Some(1985),
            ),
            ("各位代表：刚刚过去的一九八四年，", Some(1985)),
            ("在党的第二十一次全国代表大会上", Some(2027)),
            ("——在中国共产党第十九次全国代表大会上的报告", Some(2017)),
            (
                "同志们：我们要深入学习贯彻党的第二十次全国代表大会精神。",
                None,
            ),
            ("同志们：今天我讲三点意见。", None),
        ] {
            assert_eq!(super::opening_year(text), want, "{text}");
        }
    }

    /// A measure that is its heading line, with its responsibility note, is a directive; the
    /// note is none; a heading that names the measure the text under it sets is none either.
    #[test]
    fn measures_that_are_their_heading_line() {
        let text = "各省、自治区、直辖市人民政府：\n\n一、优化投资环境\n\n\
                    （一）将建设工程审批权限下放至试验区。（负责部门：住房城乡建设部）\n\n\
                    （二）对试验区内企业，不再执行有关限制性规定。（负责部门：商务部）\n\n\
                    二、组织实施\n\n（三）加强组织领导。各地区要抓好落实。\n";
        let doc = crate::Analyzer::default().analyze(text);
        let got: Vec<&str> = doc.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            got,
            [
                "（一）将建设工程审批权限下放至试验区。",
                "（二）对试验区内企业，不再执行有关限制性规定。",
                "各地区要抓好落实。",
            ]
        );
    }

    #[test]
    fn notes_after_a_measure() {
        for (rest, want) in [
            ("（负责部门：住房城乡建设部）", 1),
            ("（负责部门：商务部；\n适用范围：所有自贸试验区）\n\n", 1),
            ("（牵头单位：市发展改革委）（完成时限：2026年底）", 2),
            ("", 0),
            ("（略）", 0),
            ("各地区要抓好落实。", 0),
            ("（负责部门：商务部）各地区要抓好落实。", 0),
        ] {
            assert_eq!(super::notes_only(rest), want, "{rest}");
        }
    }

    /// A text typed as a speech (a budget report to a session opens with 各位代表, as a speech
    /// does) gets the year of the session it is addressed to, as a work report does; other
    /// kinds of document do not.
    #[test]
    fn speeches_and_reports_get_the_year_of_their_session() {
        use crate::model::{DocType, Document};
        let text = "各位代表：\n现在我代表国务院向第一届全国人民代表大会第三次会议提出关于\
                    1955年国家决算和1956年国家预算的报告，请予审查。\n";
        for (doc_type, want) in [
            (DocType::WorkReport, Some(1956)),
            (DocType::Speech, Some(1956)),
            (DocType::Notice, None),
            (DocType::Law, None),
        ] {
            let doc = Document {
                doc_type,
                ..Document::default()
            };
            assert_eq!(super::reported_year(&doc, text), want, "{doc_type:?}");
        }
    }
}
