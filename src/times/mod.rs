//! Stage 7: times — dates, periods, deadlines, effective dates, plan periods, durations and
//! relative words, resolved against the document's date where they need it.
//!
//! Traps handled: `2026年底` is 2026-12-31; `2024—2026年` includes 2026; `关键一年` is no
//! duration; a removed `当前显示2078字` is never seen; a span never starts with punctuation.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::dates::{days_in_month, Date};
use crate::model::TimeKind;
use crate::numerals::parse_int;

const Y: &str = r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年";
const M: &str = r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月";
const D: &str = r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日";

static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*年?\s*(?:至|到|—|-|~|～)\s*([0-9]{4})\s*年").expect("regex")
});
static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{Y}\s*{M}\s*(?:{D}|(底|末)|(上旬|中旬|下旬))?")).expect("regex")
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{Y}(?:年?(底|末)|(上半年|下半年)|第?([一二三四1-4])季度(末)?|度)?"
    ))
    .expect("regex")
});
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{M}\s*(?:{D}|(底|末)|(上旬|中旬|下旬))?")).expect("regex")
});
static MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:至|到|—|-)\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月")
        .expect("regex")
});
/// `十四五`, `“十五”`, `“九五”` (a plan before the tenth only in quotes: 九五 alone is a
/// number), with `期末`, `期间`, `前期` (the plan, vaguely) or `后两年` after.
static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:十([一二三四五六七八九])五|“(十|[一二三四五六七八九])五”)(?:”?(期末|末)|”?(?:期间|时期|前期|中期|后期|初期)?(?:(后|前|头)([两二三四])年)?)",
    )
    .expect("regex")
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"今年以来|今年内|今年|明年|去年|前年|后年|过去一年|上一年度|下一年度|本年度|上年|年底|年末|年内|上半年|下半年|前([一二三])季度|第?([一二三四])季度(末)?",
    )
    .expect("regex")
});
/// The rarer forms, in one pass: `第三个五年计划` (a plan by its number, with `期间`,
/// `前两年`…); `本世纪中叶`, `建党一百年`, `新中国成立一百年` (horizons with known years: 2050,
/// 2021, 2049); `本世纪内`, `本世纪末` (by the end of the century the document is written in);
/// `三日前` (a deadline counted back from an event); `半年多`, `每半年`, `每月`, `每季度`, `每年` (lengths
/// and repeats without a number); `年度终了时`, `以后纳税年度`, `上一纳税年度最后一日`,
/// `上一月最后一日`, `当年` (budget and tax years that name no calendar year); `今后五年`,
/// `未来十年` (the years from the document's).
static RARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"第(?P<pn>[一二三四五六七八九十]{1,3})个五年(?:计划|规划)(?:(?:期间|时期|前期|中期|后期|初期)?(?:(?P<pw>后|前|头)(?P<pk>[两二三四])年)?)",
        r"|(?P<horizon>本世纪中叶|(?:建党|中国共产党成立)一百年|(?:新中国|中华人民共和国)成立一百年)",
        r"|(?P<century>本世纪(?:内|末))",
        r"|(?:未来|今后)(?P<an>[一二三四五六七八九十两]{1,3}|[0-9]{1,2})年(?:内|里|间)?",
        r"|(?P<dn>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?:个工作)?日前",
        r"|(?P<every>每半年|半年(?:多|及以上|以上|以内|内)|每个?月|每季度?|每年)",
        r"|(?P<fiscal>(?:以后|上一|下一|本|每一|当)?(?:纳税|预算)?年度(?:预算执行)?(?:终了(?:时|后)?|最后一日)|以后(?:纳税)?年度|(?:上一|本)纳税年度|上一月最后一日|当年)",
    ))
    .expect("regex")
});
/// A length: `30日内`, `三到五年时间内`, `1日（24小时）内`, and bare `48小时`, `六年` (kept
/// where the text measures time with them).
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]+|[一二三四五六七八九十两]+)(?:\s*(?:到|至|—|-)\s*(?:[0-9]+|[一二三四五六七八九十两]+)|多|余)?\s*(?:(?:个工作日|工作日|个月|日|天|周|年|小时)(?:\s*\([^)]{1,12}\))?\s*(?:时间)?\s*(?:内|以内|之内)|(个工作日|个月|小时|天|年))")
        .expect("regex")
});

/// A time expression found, normalised coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundTime {
    pub start: usize,
    pub end: usize,
    pub kind: TimeKind,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Whether `截至` introduces it (an as-of date).
    pub as_of: bool,
    /// Whether it names its year (`2025年5月1日`), or takes the year at hand (`5月1日`).
    pub names_year: bool,
    /// A date of every year (`每年2月底前`): its dates are those of a leap year until a start
    /// year anchors it (`2020年起，每年2月底前` is first due on 2020-02-29); unanchored, it has
    /// none.
    pub every: bool,
    /// Years before the year at hand (`上年`: 1): moved with it where a sentence names one.
    pub back: i32,
}

/// The year every-year dates are read in until anchored: a leap year, so that 2月底 and
/// 2月29日 keep their day.
const ANY_YEAR: i32 = 2000;

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)
        .and_then(|m| parse_int(m.as_str()))
        .and_then(|v| u32::try_from(v).ok())
}

fn year_ok(y: u32) -> bool {
    (1800..=2100).contains(&y)
}

fn last_day(y: i32, m: u32) -> Option<Date> {
    Date::new(y, m, days_in_month(y, m))
}

fn xun(y: i32, m: u32, which: &str) -> (Option<Date>, Option<Date>) {
    match which {
        "上旬" => (Date::new(y, m, 1), Date::new(y, m, 10)),
        "中旬" => (Date::new(y, m, 11), Date::new(y, m, 20)),
        _ => (Date::new(y, m, 21), last_day(y, m)),
    }
}

fn quarter(y: i32, q: u32, end_only: bool) -> (Option<Date>, Option<Date>) {
    let last_month = q * 3;
    let to = last_day(y, last_month);
    if end_only {
        (to, to)
    } else {
        (Date::new(y, last_month - 2, 1), to)
    }
}

/// Year, month, day parts of a match: the range they name.
fn month_range(
    y: i32,
    m: u32,
    c: &Captures,
    day: usize,
    end: usize,
    xn: usize,
) -> Option<(Option<Date>, Option<Date>, TimeKind)> {
    if !(1..=12).contains(&m) {
        return None;
    }
    if let Some(d) = num(c, day) {
        let date = Date::new(y, m, d)?;
        return Some((Some(date), Some(date), TimeKind::Date));
    }
    if c.get(end).is_some() {
        let d = last_day(y, m);
        return Some((d, d, TimeKind::Date));
    }
    if let Some(w) = c.get(xn) {
        let (a, b) = xun(y, m, w.as_str());
        return Some((a, b, TimeKind::Period));
    }
    Some((Date::new(y, m, 1), last_day(y, m), TimeKind::Period))
}

/// The first year of the Nth five-year plan (the third began in 1966 after three years of
/// adjustment; the first two in 1953 and 1958).
pub fn plan_start(n: u32) -> Option<i32> {
    match n {
        1 => Some(1953),
        2 => Some(1958),
        3..=30 => Some(1966 + 5 * (n as i32 - 3)),
        _ => None,
    }
}

/// The years of a plan starting in `s`, or of its last (`后两年`) or first (`前两年`, `头两年`)
/// `k` years.
fn plan_years(s: i32, which: Option<&str>, k: Option<u32>) -> (Option<Date>, Option<Date>) {
    match (which, k) {
        (Some(w), Some(k)) => {
            let k = k.clamp(1, 5) as i32;
            if w == "后" {
                (Date::new(s + 5 - k, 1, 1), Date::new(s + 4, 12, 31))
            } else {
                (Date::new(s, 1, 1), Date::new(s + k - 1, 12, 31))
            }
        }
        _ => (Date::new(s, 1, 1), Date::new(s + 4, 12, 31)),
    }
}

/// The years that expressions without a year of their own are read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Years {
    /// The document's year: 今年, 明年, 去年 count from it.
    pub doc: Option<i32>,
    /// A byte range of the text that reviews another year, and that year: in a work report's
    /// `2025年工作回顾`, `年末`, `上半年` and `6月底` are of 2025 even when the report is of 2026.
    pub review: Option<(usize, usize, i32)>,
    /// The later year a document written ahead is about (`关于2027年部分节假日安排的通知`,
    /// signed in 2026): bare months and days are of it.
    pub ahead: Option<i32>,
}

impl Years {
    /// The document's year, and nothing reviewed.
    #[cfg(test)]
    pub fn of_document(doc: Option<i32>) -> Years {
        Years {
            doc,
            review: None,
            ahead: None,
        }
    }

    /// The year of an expression at `pos` that names no year (a month, 年底, 上半年, a
    /// quarter).
    fn within_at(&self, pos: usize) -> Option<i32> {
        match self.review {
            Some((s, e, y)) if (s..e).contains(&pos) => Some(y),
            _ => self.ahead.or(self.doc),
        }
    }
}

/// The characters a window holds that the expressions need: a regex runs only where every
/// match of it would find its character (each of them needs 年, 月, 五, a unit of length…).
/// Most windows hold only some, and a regex costs more to start than this one pass over the
/// window.
struct Needs {
    year: bool,
    /// 年 after four numerals of a year (and spaces): `2025年`, `二〇二五 年`.
    numbered_year: bool,
    /// 月 after a numeral of a month (and spaces): `3月`, `十二月`.
    numbered_month: bool,
    quarter: bool,
    five: bool,
    /// A unit of [`DURATION`]: 日, 天, 周, 年, 月 (个月), 时 (小时).
    length: bool,
    /// A character of every branch of [`RARE`]: 年, 日, 月, 季 or 世.
    rare: bool,
}

impl Needs {
    fn of(text: &str) -> Needs {
        let (mut year, mut numbered_year, mut numbered_month) = (false, false, false);
        let (mut quarter, mut five, mut day, mut month, mut century) =
            (false, false, false, false, false);
        // The numerals right before `at`, spaces skipped: `[0-9]{4}\s*年` matches where 年
        // follows a run of four or more.
        let before = |at: usize| {
            text[..at]
                .trim_end_matches(char::is_whitespace)
                .chars()
                .rev()
        };
        for (i, c) in text.char_indices() {
            match c {
                '年' => {
                    year = true;
                    numbered_year = numbered_year || {
                        let run =
                            |f: fn(char) -> bool| before(i).take(4).take_while(|&c| f(c)).count();
                        run(|c| c.is_ascii_digit()) == 4
                            || run(|c| "〇○零一二三四五六七八九".contains(c)) == 4
                    };
                }
                '月' => {
                    month = true;
                    numbered_month = numbered_month
                        || before(i).next().is_some_and(|c| {
                            c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                        });
                }
                '季' => quarter = true,
                '五' => five = true,
                '日' | '天' | '周' | '时' => day = true,
                '世' => century = true,
                _ => {}
            }
        }
        Needs {
            year,
            numbered_year,
            numbered_month,
            quarter,
            five,
            length: day || year || month,
            rare: year || day || month || quarter || century,
        }
    }
}

/// The matches of `re` in `text` with their groups; none, without a search, where `text` lacks
/// what every match needs.
fn captures<'r, 'h>(
    re: &'r Regex,
    text: &'h str,
    needed: bool,
) -> std::iter::Flatten<std::option::IntoIter<regex::CaptureMatches<'r, 'h>>> {
    needed.then(|| re.captures_iter(text)).into_iter().flatten()
}

/// All candidate expressions; overlaps are resolved by [`times`]. `doc_year` resolves 今年,
/// 明年, 去年; `year` the expressions that name no year.
fn candidates(text: &str, doc_year: Option<i32>, year: Option<i32>) -> Vec<FoundTime> {
    let mut out: Vec<FoundTime> = Vec::new();
    fn ft(
        start: usize,
        end: usize,
        kind: TimeKind,
        from: Option<Date>,
        to: Option<Date>,
    ) -> FoundTime {
        FoundTime {
            start,
            end,
            kind,
            from,
            to,
            as_of: false,
            names_year: true,
            every: false,
            back: 0,
        }
    }
    let has = Needs::of(text);
    for c in captures(&YEAR_RANGE, text, has.numbered_year) {
        let (Some(a), Some(b)) = (num(&c, 1), num(&c, 2)) else {
            continue;
        };
        if year_ok(a) && year_ok(b) && a <= b {
            let m = c.get(0).unwrap();
            out.push(ft(
                m.start(),
                m.end(),
                TimeKind::Period,
                Date::new(a as i32, 1, 1),
                Date::new(b as i32, 12, 31),
            ));
        }
    }
    for c in captures(&FULL, text, has.numbered_year && has.numbered_month) {
        let (Some(y), Some(mo)) = (num(&c, 1), num(&c, 2)) else {
            continue;
        };
        if !year_ok(y) {
            continue;
        }
        if let Some((a, b, k)) = month_range(y as i32, mo, &c, 3, 4, 5) {
            let m = c.get(0).unwrap();
            out.push(ft(m.start(), m.end(), k, a, b));
        }
    }
    for c in captures(&YEAR, text, has.numbered_year) {
        let Some(y) = num(&c, 1).filter(|&y| year_ok(y)) else {
            continue;
        };
        let y = y as i32;
        let m = c.get(0).unwrap();
        let (a, b, k) = if c.get(2).is_some() {
            (Date::new(y, 12, 31), Date::new(y, 12, 31), TimeKind::Date)
        } else if let Some(h) = c.get(3) {
            if h.as_str() == "上半年" {
                (Date::new(y, 1, 1), Date::new(y, 6, 30), TimeKind::Period)
            } else {
                (Date::new(y, 7, 1), Date::new(y, 12, 31), TimeKind::Period)
            }
        } else if let Some(q) = num(&c, 4).filter(|q| (1..=4).contains(q)) {
            let end_only = c.get(5).is_some();
            let (a, b) = quarter(y, q, end_only);
            (
                a,
                b,
                if end_only {
                    TimeKind::Date
                } else {
                    TimeKind::Period
                },
            )
        } else {
            (Date::new(y, 1, 1), Date::new(y, 12, 31), TimeKind::Period)
        };
        out.push(ft(m.start(), m.end(), k, a, b));
    }
    for c in captures(&MONTH, text, has.numbered_month) {
        let m = c.get(0).unwrap();
        // A month of the document's year; not the 月 of a full date (found above).
        let of_year = text[..m.start()].strip_suffix('年').is_some_and(|b| {
            b.trim_end()
                .ends_with(|ch: char| ch.is_ascii_digit() || "〇○零一二三四五六七八九".contains(ch))
        });
        if of_year || text[..m.start()].ends_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        // 上一月, 每一月: no month of the calendar; 三月三 is a festival.
        let prev = text[..m.start()].chars().next_back();
        let next = text[m.end()..].chars().next();
        if prev.is_some_and(|p| "上下每本同当次隔个这该第".contains(p))
            || next.is_some_and(|n| crate::numerals::cn_digit(n).is_some())
        {
            continue;
        }
        // 十月革命, 一月风暴, 二月提纲: events named by their month.
        let after = &text[m.end()..];
        if ["革命", "社会主义革命", "风暴", "提纲", "逆流"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            continue;
        }
        let Some(mo) = num(&c, 1) else { continue };
        // `每年6月15日前`: a date of every year, none in particular until anchored.
        let every = text[..m.start()].ends_with("每年");
        let year = if every { Some(ANY_YEAR) } else { year };
        let Some(found) = year
            .map(|y| month_range(y, mo, &c, 2, 3, 4))
            .unwrap_or_else(|| {
                (1..=12)
                    .contains(&mo)
                    .then_some((None, None, TimeKind::Relative))
            })
        else {
            continue;
        };
        let kind = if year.is_some() {
            found.2
        } else {
            TimeKind::Relative
        };
        let start = if every {
            m.start() - "每年".len()
        } else {
            m.start()
        };
        out.push(ft(start, m.end(), kind, found.0, found.1));
        if let Some(t) = out.last_mut() {
            t.names_year = false;
            t.every = every;
        }
    }
    // 1至11月: from the first month's start to the last one's end. `2025年1至3月` names its
    // year; `今年1至11月` and a bare range take the document's.
    for c in captures(&MONTH_RANGE, text, has.numbered_month) {
        let m = c.get(0).unwrap();
        if text[..m.start()].ends_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let (Some(a), Some(b)) = (num(&c, 1), num(&c, 2)) else {
            continue;
        };
        if !(1..=12).contains(&a) || !(1..=12).contains(&b) || a > b {
            continue;
        }
        let before = text[..m.start()].strip_suffix('年').unwrap_or("");
        let named = before
            .get(before.len().saturating_sub(4)..)
            .and_then(|y| y.parse::<u32>().ok())
            .filter(|&y| year_ok(y))
            .map(|y| y as i32);
        let (from, to, kind) = match named.or(year) {
            Some(y) => (Date::new(y, a, 1), last_day(y, b), TimeKind::Period),
            None => (None, None, TimeKind::Relative),
        };
        // With a named year the range starts at the year: 2025年1至3月.
        let start = if named.is_some() {
            m.start() - before.len().min(4) - '年'.len_utf8()
        } else {
            m.start()
        };
        out.push(ft(start, m.end(), kind, from, to));
    }
    for c in captures(&PLAN, text, has.five) {
        let m = c.get(0).unwrap();
        let n = match (c.get(1), c.get(2).map(|q| q.as_str())) {
            (Some(d), _) => 10 + parse_int(d.as_str()).unwrap_or(0) as u32,
            (None, Some("十")) => 10, // “十五”: the tenth plan, written in quotes
            (None, Some(d)) => parse_int(d).unwrap_or(0) as u32,
            (None, None) => continue,
        };
        let Some(s) = plan_start(n) else { continue };
        // Unquoted `十四五` opened with a quote before it: its span stops at the closing quote
        // (`“十四五”时期` gives `十四五`), unless 期末 follows.
        let end = match m.as_str().find('”') {
            Some(q) if c.get(2).is_none() && c.get(3).is_none() => m.start() + q,
            _ => m.end(),
        };
        let (a, b) = if c.get(3).is_some() {
            (Date::new(s + 4, 12, 31), Date::new(s + 4, 12, 31))
        } else {
            plan_years(s, c.get(4).map(|w| w.as_str()), num(&c, 5))
        };
        out.push(ft(m.start(), end, TimeKind::PlanPeriod, a, b));
    }
    for c in captures(&RELATIVE, text, has.year || has.quarter) {
        let m = c.get(0).unwrap();
        let w = m.as_str();
        // 以后年度, 此后年份, 目前年…: 后年 and 前年 inside other words.
        let prev = text[..m.start()].chars().next_back();
        if matches!(w, "后年" | "前年") && prev.is_some_and(|p| "以之此往然最目提当今".contains(p))
        {
            continue;
        }
        // 几年内, 三年内, 百年内外: a length, not this year.
        if w == "年内"
            && prev.is_some_and(|p| {
                p.is_ascii_digit()
                    || "几十百千万两多余".contains(p)
                    || crate::numerals::cn_digit(p).is_some()
            })
        {
            continue;
        }
        // 以上年度, 马上年…: 上年 inside other words.
        if w == "上年"
            && (prev.is_some_and(|p| "以马向往之".contains(p))
                || text[m.end()..].starts_with(['度', '纪', '级']))
        {
            continue;
        }
        // Words that count from the speaker's year; the rest name a part of the year at hand.
        let counted = matches!(
            w,
            "今年"
                | "今年内"
                | "明年"
                | "去年"
                | "前年"
                | "后年"
                | "今年以来"
                | "过去一年"
                | "上一年度"
                | "下一年度"
                | "本年度"
        );
        // 每年第四季度, 每年年底: every year, no one date.
        let recurring = text[..m.start()].ends_with("每年");
        let (a, b) = match (if counted { doc_year } else { year }, w) {
            _ if recurring => (None, None),
            (Some(y), "今年" | "今年内" | "年内" | "本年度") => {
                (Date::new(y, 1, 1), Date::new(y, 12, 31))
            }
            (Some(y), "明年" | "下一年度") => {
                (Date::new(y + 1, 1, 1), Date::new(y + 1, 12, 31))
            }
            (Some(y), "去年" | "过去一年" | "上一年度") => {
                (Date::new(y - 1, 1, 1), Date::new(y - 1, 12, 31))
            }
            (Some(y), "前年") => (Date::new(y - 2, 1, 1), Date::new(y - 2, 12, 31)),
            // `比上年增长`: the year before the one at hand (the reviewed year's, in a review).
            (Some(y), "上年") => (Date::new(y - 1, 1, 1), Date::new(y - 1, 12, 31)),
            (Some(y), "后年") => (Date::new(y + 2, 1, 1), Date::new(y + 2, 12, 31)),
            (Some(y), "年底" | "年末") => (Date::new(y, 12, 31), Date::new(y, 12, 31)),
            (Some(y), "上半年") => (Date::new(y, 1, 1), Date::new(y, 6, 30)),
            (Some(y), "下半年") => (Date::new(y, 7, 1), Date::new(y, 12, 31)),
            (Some(y), "今年以来") => (Date::new(y, 1, 1), None),
            // 前三季度: from January to the end of the third quarter.
            (Some(y), _) if c.get(1).is_some() => (
                Date::new(y, 1, 1),
                num(&c, 1).and_then(|q| last_day(y, q * 3)),
            ),
            (Some(y), _) => match num(&c, 2) {
                Some(q) => quarter(y, q, c.get(3).is_some()),
                None => (None, None),
            },
            (None, _) => (None, None),
        };
        let start = if recurring {
            m.start() - "每年".len()
        } else {
            m.start()
        };
        let mut t = ft(start, m.end(), TimeKind::Relative, a, b);
        if w == "上年" {
            (t.names_year, t.back) = (false, 1);
        } else if !counted && !recurring && (w.contains("季度") || w.ends_with("半年")) {
            // A quarter or half of the year at hand, or of the one its sentence names
            // (`1984年…比上年增长19%，其中第四季度增长38%`).
            t.names_year = false;
        }
        out.push(t);
    }
    for c in captures(&DURATION, text, has.length) {
        let m = c.get(0).unwrap();
        // A length without 内 is a duration where the text measures time with it
        // (`不超过48小时`, `监测了5个月`, `3个月后`), not in `24小时值班`.
        let within = m.as_str().ends_with('内');
        let before = &text[..m.start()];
        let after = &text[m.end()..];
        let measured = [
            "不超过",
            "超过",
            "满",
            "连续",
            "为期",
            "历时",
            "经过",
            "不少于",
            "达到",
            "了",
            "用",
            "共",
            "察看",
            "留用",
        ]
        .iter()
        .any(|w| before.ends_with(w))
            || ["后", "以上", "以下", "以后", "时间", "的时间"]
                .iter()
                .any(|w| after.starts_with(w));
        // A bare 年 is a length only for a few years (`连续两年`, `不满六年`), never a year
        // (`二00八年以后`) nor the plan of `超过五年计划规定的`.
        let small = c.get(2).is_none_or(|u| u.as_str() != "年")
            || (num(&c, 1).is_some_and(|n| n <= 100)
                && !before.ends_with(|ch: char| ch.is_ascii_digit() || "〇○零".contains(ch))
                && !after.starts_with("计划")
                && !after.starts_with("规划"));
        if (within || measured) && small {
            out.push(ft(m.start(), m.end(), TimeKind::Duration, None, None));
        }
    }
    for c in captures(&RARE, text, has.rare) {
        let m = c.get(0).expect("match");
        let (start, end) = (m.start(), m.end());
        if let Some(n) = c.name("pn") {
            let Some(s) = parse_int(n.as_str())
                .and_then(|v| u32::try_from(v).ok())
                .and_then(plan_start)
            else {
                continue;
            };
            let k = c
                .name("pk")
                .and_then(|k| parse_int(k.as_str()))
                .and_then(|k| u32::try_from(k).ok());
            let (a, b) = plan_years(s, c.name("pw").map(|w| w.as_str()), k);
            out.push(ft(start, end, TimeKind::PlanPeriod, a, b));
        } else if let Some(n) = c.name("an") {
            // `今后五年`, `未来五年`: the years from the one at hand (2026–2030 in a report of
            // 2026, the first year of a plan).
            let n = parse_int(n.as_str()).and_then(|v| i32::try_from(v).ok());
            let (a, b) = match (doc_year, n) {
                (Some(y), Some(n)) if n >= 1 => (Date::new(y, 1, 1), Date::new(y + n - 1, 12, 31)),
                _ => (None, None),
            };
            out.push(ft(start, end, TimeKind::Relative, a, b));
        } else if let Some(h) = c.name("horizon") {
            let y = match h.as_str() {
                "本世纪中叶" => 2050,
                w if w.starts_with("新中国") || w.starts_with("中华人民共和国") => 2049,
                _ => 2021,
            };
            let (a, b) = (Date::new(y, 1, 1), Date::new(y, 12, 31));
            out.push(ft(start, end, TimeKind::Period, a, b));
        } else if c.name("century").is_some() {
            let to = doc_year.and_then(|y| Date::new((y - 1) / 100 * 100 + 100, 12, 31));
            out.push(ft(start, end, TimeKind::Deadline, None, to));
        } else if c.name("dn").is_some() {
            // Not the day of a date (`5月3日前`) nor a number's tail.
            let prev = text[..start].chars().next_back();
            if !prev.is_some_and(|p| {
                p == '月' || p.is_ascii_digit() || crate::numerals::cn_digit(p).is_some()
            }) {
                out.push(ft(start, end, TimeKind::Deadline, None, None));
            }
        } else if c.name("every").is_some() {
            out.push(ft(start, end, TimeKind::Duration, None, None));
        } else {
            // 相当年轻, 正当年: 当年 inside other words.
            let prev = text[..start].chars().next_back();
            if m.as_str() == "当年" && prev.is_some_and(|p| "相充担适应正每".contains(p)) {
                continue;
            }
            out.push(ft(start, end, TimeKind::Relative, None, None));
        }
    }
    out
}

/// Deadline, as-of and effective words around an expression widen it and set its kind.
fn context(text: &str, t: &mut FoundTime) {
    let before = &text[..t.start];
    for (w, kind) in [
        ("截至", TimeKind::Date),
        ("截止到", TimeKind::Date),
        ("截止", TimeKind::Date),
        ("力争到", TimeKind::Deadline),
        ("力争在", TimeKind::Deadline),
        ("确保到", TimeKind::Deadline),
        ("到", TimeKind::Deadline),
        ("至", TimeKind::Deadline),
    ] {
        // `达到2012年以来最高水平`, `由1978年的36.5%降低到1981年的28.5%`: 到 of 达到, or of a
        // change to the value of a year, is no deadline.
        let changed = || {
            before.strip_suffix('到').is_some_and(|stem| {
                [
                    "降低", "提高", "增加", "上升", "下降", "减少", "增长", "扩大", "缩小",
                ]
                .iter()
                .any(|v| stem.ends_with(v))
            }) && text[t.end..].starts_with('的')
        };
        let reached = w == "到" && (before.ends_with("达到") || changed());
        if before.ends_with(w)
            && !reached
            && t.kind != TimeKind::Duration
            && t.kind != TimeKind::PlanPeriod
        {
            t.start -= w.len();
            t.kind = kind;
            if kind == TimeKind::Date {
                t.as_of = true;
                t.from = t.to;
            } else {
                t.from = None;
            }
            break;
        }
    }
    let after = &text[t.end..];
    for w in ["之前", "以前", "前"] {
        if after.starts_with(w) && t.kind != TimeKind::Duration {
            t.end += w.len();
            t.kind = TimeKind::Deadline;
            if before_the_year(text, t) {
                t.to = t.from.and_then(|d| Date::new(d.year - 1, 12, 31));
            }
            t.from = None;
            return;
        }
    }
    const STARTS: &[&str] = &[
        "起施行",
        "起实施",
        "起执行",
        "起生效",
        "施行",
        "开始",
        "以来",
        "起",
    ];
    let opened = before.ends_with('自') || before.ends_with('从');
    let word = STARTS.iter().find(|w| after.starts_with(**w));
    // `自2021年起`, `从2021年开始`, and `2022年起,…`, `1979年以来` without 自: a start, not the
    // whole year.
    // (`起草`, `起诉`, `起来` are other words.)
    let bare_start = word == Some(&"起")
        && after['起'.len_utf8()..]
            .chars()
            .next()
            .is_none_or(|c| "，,。;；、实施执行全在每".contains(c));
    let starts = match word {
        Some(_) if opened => true,
        Some(&w) if !matches!(w, "开始" | "施行") => bare_start || w.len() > '起'.len_utf8(),
        _ => false,
    };
    if starts && t.kind != TimeKind::Duration {
        if opened {
            t.start -= '自'.len_utf8();
        }
        t.end += word.map_or(0, |w| w.len());
        t.kind = TimeKind::Effective;
        t.to = None;
    }
}

/// Whether `X年以前` (just widened to it) ends before the year X rather than with it: where
/// years before it are counted (`一九七八年以前二十六年`) or the paragraph starts something in
/// X (`2008年以前…每半年召开一次例会…从2008年开始，按季度…`). Otherwise `2030年前` is
/// by the end of 2030.
fn before_the_year(text: &str, t: &FoundTime) -> bool {
    let (Some(a), Some(b)) = (t.from, t.to) else {
        return false;
    };
    let whole_year = a.year == b.year && (a.month, a.day, b.month, b.day) == (1, 1, 12, 31);
    if !whole_year || !t.names_year {
        return false;
    }
    static COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^的?[0-9一二三四五六七八九十两]+年").expect("regex"));
    let after = &text[t.end..];
    let paragraph = &after[..after.find('\n').unwrap_or(after.len())];
    let y = a.year;
    COUNTED.is_match(after)
        || [format!("从{y}年"), format!("自{y}年"), format!("{y}年起")]
            .iter()
            .any(|w| paragraph.contains(w.as_str()))
}

/// Every expression holds one of these characters; the regexes run only around them.
const ANCHORS: [&str; 10] = [
    "年",
    "月",
    "季",
    "五",
    "内",
    "世纪",
    "小时",
    "工作日",
    "日前",
    "天",
];

/// The longest run of numerals a window is widened back over, in bytes: a year and month
/// written out (`二〇二五年十二月`) with room to spare.
const MAX_NUMERAL_BYTES: usize = 48;

/// Merged windows around the anchors: 30 bytes either side, widened back over numerals so that
/// a window never cuts a number (`十二月` must not become `二月`).
fn windows(text: &str) -> Vec<(usize, usize)> {
    const SPAN: usize = 30;
    let bytes = text.as_bytes();
    // 天 and 日前 anchor only after a number (`3天`, `三日前`): 今天, 天津, 日前召开 are no
    // lengths, and 天 is common.
    let after_number = |p: usize| {
        text[..p].chars().next_back().is_some_and(|c| {
            c.is_ascii_digit() || crate::numerals::cn_digit(c).is_some() || c == '十'
        })
    };
    let mut at: Vec<usize> = ANCHORS
        .iter()
        .flat_map(|a| {
            memchr::memmem::find_iter(bytes, a.as_bytes())
                .filter(move |&p| !matches!(*a, "天" | "日前") || after_number(p))
        })
        .collect();
    at.sort_unstable();
    let numeral = |c: char| c.is_ascii_digit() || "〇○零一二三四五六七八九十两年月第".contains(c);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for a in at {
        let mut s = a.saturating_sub(SPAN);
        while !text.is_char_boundary(s) {
            s += 1;
        }
        // Back over numerals, but never into the window before (it is merged with this one)
        // nor further than the longest numeral: each byte is walked over once at most.
        let floor = out
            .last()
            .map_or(0, |l| l.1)
            .max(s.saturating_sub(MAX_NUMERAL_BYTES));
        while let Some(c) = text[..s]
            .chars()
            .next_back()
            .filter(|&c| numeral(c) && s - c.len_utf8() >= floor)
        {
            s -= c.len_utf8();
        }
        let mut e = (a + SPAN).min(text.len());
        while !text.is_char_boundary(e) {
            e += 1;
        }
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Finds the time expressions of `text`, resolving relative ones against `years`.
pub(crate) fn times(text: &str, years: Years) -> Vec<FoundTime> {
    let mut cands = Vec::new();
    // A window that crosses the edge of a reviewed range is read as two.
    let edges = years.review.map_or([0, 0], |(s, e, _)| [s, e]);
    let pieces = windows(text).into_iter().flat_map(|(a, b)| {
        let mut cuts = vec![a];
        cuts.extend(edges.iter().copied().filter(|&x| a < x && x < b));
        cuts.push(b);
        cuts.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    });
    for (a, b) in pieces {
        for mut t in candidates(&text[a..b], years.doc, years.within_at(a)) {
            t.start += a;
            t.end += a;
            cands.push(t);
        }
    }
    // Longest first at each start; then keep those that overlap nothing kept before.
    cands.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let mut out: Vec<FoundTime> = Vec::new();
    for t in cands {
        if out.last().is_some_and(|p| t.start < p.end) {
            continue;
        }
        out.push(t);
    }
    let mut out = year_words(text, out);
    in_named_years(text, &mut out);
    century_ends(text, &mut out);
    let out = ranges(text, out);
    let mut out = day_lists(text, out);
    for t in &mut out {
        if t.every {
            (t.from, t.to) = (None, None);
        }
        context(text, t);
    }
    out
}

/// `本世纪内` in a text without a date of its own: the century of the years it names before.
fn century_ends(text: &str, out: &mut [FoundTime]) {
    let mut last_year = None;
    for t in out.iter_mut() {
        if t.names_year && !text[t.start..t.end].starts_with("本世纪") {
            last_year = t.to.or(t.from).map(|d| d.year).or(last_year);
        } else if t.to.is_none() && text[t.start..t.end].starts_with("本世纪") {
            if let Some(y) = last_year {
                t.to = Date::new((y - 1) / 100 * 100 + 100, 12, 31);
            }
        }
    }
}

/// A word that names a year, then a month without one: `下一年度1月10日前`, `今年3月底`. One
/// expression, in that year (unresolved where the word is: a law's `下一年度`).
fn year_words(text: &str, found: Vec<FoundTime>) -> Vec<FoundTime> {
    const WORDS: &[&str] = &[
        "上一年度",
        "下一年度",
        "本年度",
        "今年",
        "明年",
        "去年",
        "上年",
    ];
    let mut out: Vec<FoundTime> = Vec::with_capacity(found.len());
    for t in found {
        if let Some(prev) = out.last_mut() {
            // `去年下半年`, `去年第四季度`: a part of the year, which the word before names.
            let part = t.kind == TimeKind::Relative
                && ["上半年", "下半年", "季度", "年底", "年末"]
                    .iter()
                    .any(|p| text[t.start..t.end].ends_with(p));
            let joined = prev.end == t.start
                && prev.kind == TimeKind::Relative
                && (!t.names_year || part)
                && !t.every
                && WORDS.contains(&&text[prev.start..prev.end]);
            if joined {
                let y = prev.from.map(|d| d.year);
                prev.end = t.end;
                prev.kind = t.kind;
                let shift = |d: Option<Date>| d.and_then(|d| y.and_then(|y| in_year(d, y)));
                (prev.from, prev.to) = (shift(t.from), shift(t.to));
                // `上年三季度` stays counted back from the year at hand.
                prev.names_year = y.is_some() && prev.back == 0;
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// A day joined to a date before it, in that date's month: the `19日` of
/// `12月18日晚8时40分和19日晚8时35分`, of `12月18日、19日`.
static DAY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\s*(?:凌晨|早上|上午|中午|下午|晚上|晚)?\s*[0-9]{{1,2}}\s*[时点](?:\s*[0-9]{{1,2}}\s*分)?)?\s*(?:和|、|及|与|或)\s*{D}"
    ))
    .expect("regex")
});

fn day_lists(text: &str, found: Vec<FoundTime>) -> Vec<FoundTime> {
    let mut out: Vec<FoundTime> = Vec::with_capacity(found.len());
    let mut it = found.into_iter().peekable();
    while let Some(t) = it.next() {
        let next_start = it.peek().map_or(text.len(), |n| n.start);
        out.push(t);
        loop {
            let last = out.last().expect("pushed");
            let Some(d) = last
                .from
                .filter(|_| last.kind == TimeKind::Date && last.from == last.to)
            else {
                break;
            };
            let Some(c) = DAY_LIST.captures(&text[last.end..]) else {
                break;
            };
            let day = c.get(1).expect("group");
            let (start, end) = (last.end + day.start(), last.end + c.get(0).unwrap().end());
            let date = num(&c, 1).and_then(|n| Date::new(d.year, d.month, n));
            match date {
                Some(date) if date > d && end <= next_start => {
                    let mut n = last.clone();
                    (n.start, n.end, n.from, n.to) = (start, end, Some(date), Some(date));
                    out.push(n);
                }
                _ => break,
            }
        }
    }
    out
}

/// Where a sentence names a year, a month or day after it without one is of that year:
/// `2026年…, 5月1日至4日放假` (not the signing year of a notice written in December).
///
/// A date of every year is anchored only by a start (`2020年起，每年2月底前…`: first due in
/// 2020). A date that would fall before the named one in its year, where the text says it came
/// after (`自1995年7月12日…强震后，…相继发生了2月3日…`), is of the next year.
fn in_named_years(text: &str, out: &mut [FoundTime]) {
    struct Named {
        end: usize,
        date: Date,
        start: bool,
    }
    let mut named: Option<Named> = None;
    // The last year named alone (not the end of a range, `在1979到1983年…的基础上，比上年`):
    // the year `上年` is before.
    let mut single: Option<(usize, i32)> = None;
    for t in out.iter_mut() {
        if t.names_year {
            // `与去年同期相比，…第一季度`: the year compared with is not the year at hand.
            if text[t.end..].starts_with("同期") {
                continue;
            }
            if let Some(date) = t.to.or(t.from) {
                let after = &text[t.end..];
                let start = after.starts_with('起') || after.starts_with("开始");
                named = Some(Named {
                    end: t.end,
                    date,
                    start,
                });
                if t.from.is_none_or(|f| f.year == date.year) {
                    single = Some((t.end, date.year));
                }
            }
            continue;
        }
        let Some(n) = &mut named else { continue };
        // The year a paragraph names holds for the dates after it in that paragraph
        // (`2003年5月13日，…遇难。8月11日至18日，…`).
        if text[n.end..t.start].contains('\n') {
            named = None;
            continue;
        }
        // A quarter or half takes the year of its own sentence only.
        let part = t.kind == TimeKind::Relative && t.back == 0 && !t.every;
        if part && text[n.end..t.start].contains('。') {
            continue;
        }
        // Counted back from the last year named alone, not from the date before.
        let by_single = single
            .filter(|&(end, _)| t.back > 0 && !text[end..t.start].contains('\n'))
            .map(|(_, y)| y);
        let mut y = by_single.unwrap_or(n.date.year);
        if by_single.is_none() && t.every {
            if !n.start {
                continue;
            }
            t.every = false;
        } else if by_single.is_none()
            && text[n.end..t.start].contains('后')
            && t.from
                .and_then(|d| in_year(d, y))
                .is_some_and(|d| d < n.date)
        {
            y += 1;
            // The dates listed after it follow on from this one.
            if let Some(d) = t.from.and_then(|d| in_year(d, y)) {
                n.date = d;
            }
        }
        let y = y - t.back;
        let shift = |d: Option<Date>| d.and_then(|d| in_year(d, y));
        if t.from.or(t.to).is_some_and(|d| d.year != y) {
            t.from = shift(t.from);
            t.to = shift(t.to);
        }
    }
}

/// `d` in the year `y` (29 February becomes the 28th outside a leap year).
fn in_year(d: Date, y: i32) -> Option<Date> {
    Date::new(y, d.month, d.day.min(days_in_month(y, d.month)))
}

/// Words that join the two ends of a range.
const RANGE_JOINS: &[&str] = &["至", "到", "—", "－", "-", "～", "~"];

/// A day after a range word, in the month before it: the `4日` of `5月1日至4日`.
static DAY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*(?:至|到|—|－|-|～|~)\s*{D}")).expect("regex"));

/// Two ends joined by a range word are one period: `2021年1月1日至12月31日` (the second end
/// in the first's year), `5月1日至4日`.
fn ranges(text: &str, found: Vec<FoundTime>) -> Vec<FoundTime> {
    let mut out: Vec<FoundTime> = Vec::with_capacity(found.len());
    let mut it = found.into_iter().peekable();
    while let Some(mut t) = it.next() {
        let point = matches!(t.kind, TimeKind::Date | TimeKind::Period);
        if let (true, Some(from)) = (point, t.from) {
            if let Some(next) = it.peek() {
                let between = text[t.end..next.start].trim();
                let second = matches!(
                    next.kind,
                    TimeKind::Date | TimeKind::Period | TimeKind::Relative
                );
                if second && RANGE_JOINS.contains(&between) {
                    let to = if next.names_year {
                        next.to
                    } else {
                        next.to.and_then(|d| in_year(d, from.year))
                    };
                    if to.is_some_and(|to| to >= from) {
                        t.end = next.end;
                        t.to = to;
                        t.kind = TimeKind::Period;
                        it.next();
                        out.push(t);
                        continue;
                    }
                }
            }
            if t.kind == TimeKind::Date && t.from == t.to && from.day > 0 {
                if let Some(c) = DAY_AFTER.captures(&text[t.end..]) {
                    let day = num(&c, 1);
                    let next_start = it.peek().map_or(usize::MAX, |n| n.start);
                    let end = t.end + c.get(0).map_or(0, |m| m.end());
                    if let Some(to) = day.and_then(|d| Date::new(from.year, from.month, d)) {
                        if to > from && end <= next_start {
                            t.end = end;
                            t.to = Some(to);
                            t.kind = TimeKind::Period;
                        }
                    }
                }
            }
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests;
