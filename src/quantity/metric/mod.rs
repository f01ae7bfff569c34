//! Metrics: a number with its unit, kind, qualifier, range, change, direction and subject.
//!
//! A number becomes a metric only with a unit from `src/data/units.txt`, a percent, or a
//! money context (`专项资金2.3亿`). Dates, ordinals, names and idioms are left alone: `2026年`,
//! `第十八届`, `三中全会`, `十五五`, `两个维护`, `千家万户`, a lone `一` (`一个领域`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use super::number::{parse_percent, parse_prefix, tidy, Num};
use crate::model::{Direction, MetricKind, Qualifier};
use crate::numerals::cn_digit;

struct Unit {
    text: &'static str,
    kind: MetricKind,
    factor: f64,
    /// The unit as recorded (`万元` → `元`).
    norm: &'static str,
}

struct Units {
    ac: AhoCorasick,
    units: Vec<Unit>,
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut units = Vec::new();
    for line in include_str!("../../data/units.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (text, kind, factor) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let factor: f64 = factor.parse().expect("unit factor");
        let (kind, norm) = match kind {
            "money" => (MetricKind::Money, "元"),
            "money_usd" => (MetricKind::Money, "美元"),
            "percent" => (MetricKind::Percent, "%"),
            "percent_point" => (MetricKind::Percent, "个百分点"),
            "ratio" => (MetricKind::Ratio, text),
            "measure" => (MetricKind::Measure, text.trim_start_matches('万')),
            _ => (MetricKind::Count, text.trim_start_matches('万')),
        };
        units.push(Unit {
            text,
            kind,
            factor,
            norm,
        });
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(units.iter().map(|u| u.text))
        .expect("units build");
    Units { ac, units }
});

/// Names, formulas and idioms that hold numerals but are no quantity (`四个现代化`,
/// `两个维护`, `一成不变`, `零部件`): the lexicon `src/data/not_quantities.txt`.
static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/not_quantities.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// [`NAMES`] as an automaton, searched anchored where a number may start.
static NAMES_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(NAMES.iter())
        .expect("names build")
});

/// Whether one of [`NAMES`] starts at `at`.
fn name_at(text: &str, at: usize) -> bool {
    NAMES_AC
        .find(Input::new(text).range(at..).anchored(Anchored::Yes))
        .is_some()
}

/// Qualifiers written before a number, longest first.
const BEFORE: &[(&str, Qualifier)] = &[
    ("最高不超过", Qualifier::AtMost),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("最少", Qualifier::AtLeast),
    ("大约", Qualifier::About),
    ("约", Qualifier::About),
    ("超过", Qualifier::Over),
    ("超", Qualifier::Over),
    ("突破", Qualifier::Over),
    ("逾", Qualifier::Over),
    ("接近", Qualifier::Nearly),
    ("将近", Qualifier::Nearly),
    ("近", Qualifier::Nearly),
    ("不足", Qualifier::Under),
    ("不到", Qualifier::Under),
];

/// Qualifiers written after the unit.
const AFTER: &[(&str, Qualifier)] = &[
    ("及以上", Qualifier::AtLeast),
    ("及以下", Qualifier::AtMost),
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
];

const UP: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "净增", "扩大", "增", "涨",
];
const DOWN: &[&str] = &[
    "下降", "减少", "降低", "回落", "下跌", "压减", "缩减", "减", "降",
];
const MONEY_CONTEXT: &[&str] = &[
    "资金",
    "投资",
    "收入",
    "支出",
    "预算",
    "金额",
    "资产",
    "总值",
    "产值",
    "销售额",
    "营业额",
    "贷款",
    "融资",
    "税",
    "费",
    "补贴",
    "奖励",
    "罚款",
    "价款",
    "成本",
];
/// Time words after a number: the number belongs to a date or duration.
const TIME_AFTER: &[&str] = &[
    "年",
    "月",
    "日",
    "号",
    "时",
    "季度",
    "周",
    "世纪",
    "届",
    "中全会",
    "天",
    "小时",
    "分钟",
    "个月",
    "个工作日",
];

/// A metric found, in normalised coordinates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundMetric {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<&'static str>,
    pub kind: MetricKind,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
    pub from: Option<f64>,
    pub subject: Option<(usize, usize)>,
    /// `每人每月` before a rate.
    pub basis: Option<(usize, usize)>,
}

/// The `n` characters before `at`.
fn back(text: &str, at: usize, n: usize) -> &str {
    let start = text[..at]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| i);
    &text[start..at]
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// A filter over the low 12 bits of the characters a number may start with (Chinese digits
/// and 十百千万): most characters of a text are rejected with one look-up.
static MAY_START: LazyLock<[bool; 4096]> = LazyLock::new(|| {
    let mut t = [false; 4096];
    for c in "零〇○Ｏ一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百千万".chars()
    {
        t[(c as usize) & 0xFFF] = true;
    }
    t
});

fn is_num_start(text: &str, at: usize, c: char) -> bool {
    // Every start below is a digit or one of these; most characters are neither.
    if !c.is_ascii_digit() && (c.is_ascii() || !MAY_START[(c as usize) & 0xFFF]) {
        return false;
    }
    if !(c.is_ascii_digit()
        || cn_digit(c).is_some()
        || matches!(c, '十' | '拾' | '百' | '千' | '万'))
    {
        return false;
    }
    let prev = prev_char(text, at);
    if c.is_ascii_digit() {
        // `1,234`: a digit group, not a number of its own; but `，9个` (a full-width comma,
        // folded to `,`) opens one.
        let grouped = prev == Some(',')
            && text[..at - 1]
                .chars()
                .next_back()
                .is_some_and(|d| d.is_ascii_digit());
        return !grouped && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.');
    }
    // 上百, 数千, 几万: a bare scale word after a vague lead.
    let vague = matches!(c, '百' | '千' | '万') && matches!(prev, Some('上' | '数' | '几' | '近'));
    // `百万吨乙烯`, `千万元`: a round amount written with its scales alone.
    let round = matches!(c, '百' | '千') && text[at + c.len_utf8()..].starts_with('万');
    (cn_digit(c).is_some()
        || c == '十'
        || c == '拾'
        || vague
        || round
        || text[at..].starts_with("百分之")
        || text[at..].starts_with("千分之"))
        && !prev.is_some_and(|p| {
            cn_digit(p).is_some()
                || matches!(
                    p,
                    '十' | '拾' | '百' | '佰' | '千' | '仟' | '万' | '亿' | '点'
                )
        })
}

fn unit_at(text: &str, at: usize) -> Option<&'static Unit> {
    let m = UNITS
        .ac
        .find(Input::new(text).range(at..).anchored(Anchored::Yes))?;
    Some(&UNITS.units[m.pattern().as_usize()])
}

fn ends_with_any<'a, T: Copy>(s: &str, table: &'a [(&'a str, T)]) -> Option<(usize, T)> {
    table
        .iter()
        .find(|(w, _)| s.ends_with(w))
        .map(|(w, q)| (w.len(), *q))
}

/// The next power of ten above the leading digit: `两亿多` → 3亿, `20多` → 30, `1万余` → 2万.
fn vague_high(v: f64) -> f64 {
    if v <= 0.0 {
        return v;
    }
    if v.fract() != 0.0 || v > 1e15 {
        let p = 10f64.powi(v.log10().floor() as i32);
        return (v / p).floor() * p + p;
    }
    // The place of the last digit written: `57600多亿` is under 57700亿, `两亿多` under 3亿,
    // `三十多` under 40.
    let mut p = 1.0;
    while (v / (p * 10.0)).fract() == 0.0 && p * 10.0 <= v {
        p *= 10.0;
    }
    v + p
}

/// Whether what follows a number can make it a metric: a unit's first character, a percent
/// sign, 成, 余, 多, 倍, a range link, 以 (以上), or more numerals. A cheap test before the
/// full read, since 一 alone stands in 进一步, 统一, 一体化…
fn may_be_metric(text: &str, at: usize) -> bool {
    if text[..at].ends_with(['上', '数', '几', '近']) {
        return true;
    }
    let Some(n) = parse_prefix(&text[at..]) else {
        return text[at..].starts_with("百分之") || text[at..].starts_with("千分之");
    };
    let after = &text[at + n.len..];
    after.starts_with([
        '%', '成', '余', '多', '倍', '番', '至', '到', '—', '-', '~', '以',
    ]) || unit_at(text, at + n.len).is_some()
        || text[..at].ends_with('第')
        || !n.chinese
}

/// `数十个`, `几百人`, `上百家`, `近百个`: a lead word and a bare 十/百/千/万 with a unit; and
/// `上百万赤脚医生`, `近千万知识青年`: a large round amount before the people counted.
fn vague_at(text: &str, at: usize) -> Option<FoundMetric> {
    let lead = ["数", "上", "几", "近"]
        .into_iter()
        .find(|w| text[..at].ends_with(w))?;
    let mut value = 1.0;
    let mut end = at;
    for c in text[at..].chars().take(2) {
        let v = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => 1e4,
            _ => break,
        };
        // 百万, 千万: a scale of a scale; 十百 is none.
        if end > at && v != 1e4 {
            break;
        }
        value *= v;
        end += c.len_utf8();
    }
    if end == at {
        return None;
    }
    let unit = unit_at(text, end);
    let before_noun = value >= 1e4
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && crate::segment::is_ideograph(c))
        && !["分之", "年", "倍", "多"]
            .iter()
            .any(|w| text[end..].starts_with(w));
    if unit.is_none() && !before_noun {
        return None;
    }
    let q = match lead {
        "上" => Qualifier::About,
        "近" => Qualifier::Nearly,
        _ => Qualifier::Over,
    };
    let high = (q == Qualifier::Over).then_some(value * 10.0);
    let factor = unit.map_or(1.0, |u| u.factor);
    Some(FoundMetric {
        start: at - lead.len(),
        end: end + unit.map_or(0, |u| u.text.len()),
        value: tidy(value * factor),
        high: high.map(|h| tidy(h * factor)),
        unit: unit.map(|u| u.norm),
        kind: unit.map_or(MetricKind::Count, |u| u.kind),
        qualifier: Some(q),
        direction: None,
        from: None,
        subject: None,
        basis: None,
    })
}

/// Nouns of people and households counted without a measure word, and the unit they count in.
pub(super) const COUNTED_NOUNS: &[(&str, &str)] = &[
    ("贫困人口", "人"),
    ("纳税人", "人"),
    ("参保人", "人"),
    ("农民工", "人"),
    ("劳动力", "人"),
    ("人口", "人"),
    ("职工", "人"),
    ("居民", "人"),
    ("农民", "人"),
    ("群众", "人"),
    ("学生", "人"),
    ("儿童", "人"),
    ("老人", "人"),
    ("游客", "人"),
    ("市场主体", "户"),
    ("农户", "户"),
    ("用户", "户"),
];

/// What may not follow a large amount that counts the noun after it: words of measure,
/// time, comparison and verbs (`1000万以上`, `5000万用于…`, `2亿年`), and 门, 列, 期, which are
/// measure words as often as they open a noun, 方 (cubic metres of gas) and 等.
const NOT_COUNTED: &[char] = &[
    '以', '左', '上', '下', '内', '的', '用', '投', '增', '减', '达', '到', '至', '和', '与', '及',
    '或', '分', '年', '倍', '多', '余', '元', '次', '被', '将', '是', '在', '为', '从', '已', '来',
    '把', '给', '对', '由', '向', '也', '都', '就', '还', '又', '再', '即', '之', '门', '列', '期',
    '方', '等',
];

/// Whether a number of 万 or 亿 scale (`scaled`), ten thousand or more, stands before the noun
/// it counts: an ideograph that opens no measure, time, comparison, verb or further numeral.
fn counts_the_noun_after(text: &str, end: usize, scaled: bool, value: f64) -> bool {
    scaled
        && value >= 1e4
        && text[end..].chars().next().is_some_and(|c| {
            crate::segment::is_ideograph(c)
                && !NOT_COUNTED.contains(&c)
                && !crate::numerals::is_cn_numeral_char(c)
        })
}

/// A noun of [`COUNTED_NOUNS`] right after a number of at least ten.
fn counted_noun(after: &str, value: f64) -> Option<(&'static str, &'static str)> {
    if value < 10.0 {
        return None;
    }
    COUNTED_NOUNS
        .iter()
        .find(|(w, _)| after.starts_with(w))
        .copied()
}

/// An earthquake's magnitude: `7.3级强震`, `5级以上地震` — 级 after a number up to 10 with
/// 震 later in the clause (not the tiers of `三级医院`, `一级博物馆`).
fn magnitude(text: &str, end: usize, value: f64) -> bool {
    let Some(rest) = text[end..].strip_prefix('级') else {
        return false;
    };
    // A list of quakes names 震 once at its end: `7.0级、…6.9级和…7.1级中强地震`.
    value <= 10.0
        && rest
            .chars()
            .take(100)
            .take_while(|c| !matches!(c, '。' | ';' | '\n' | ','))
            .any(|c| c == '震')
}

/// One number at `at`, read with its unit and what qualifies it.
fn read_at(text: &str, at: usize) -> Option<FoundMetric> {
    let rest = &text[at..];
    if name_at(text, at) {
        return None;
    }
    // 百分之七十八点五, 78.5%, 八成
    if let Some((pct, len)) = parse_percent(rest) {
        return Some(FoundMetric {
            start: at,
            end: at + len,
            value: pct,
            high: None,
            unit: Some("%"),
            kind: MetricKind::Percent,
            qualifier: None,
            direction: None,
            from: None,
            subject: None,
            basis: None,
        });
    }
    // 数十个 (tens: over 10, under 100), 上百家 (about a hundred): vague amounts as written.
    if let Some(m) = vague_at(text, at) {
        return Some(m);
    }
    let n: Num = parse_prefix(rest)?;
    let mut end = at + n.len;
    // 翻一番 (×2), 翻两番 (×4): multiples.
    if text[..at].ends_with('翻') && text[end..].starts_with('番') && n.value <= 10.0 {
        return Some(FoundMetric {
            start: at - '翻'.len_utf8(),
            end: end + '番'.len_utf8(),
            value: 2f64.powi(n.value as i32),
            high: None,
            unit: Some("倍"),
            kind: MetricKind::Ratio,
            qualifier: None,
            direction: None,
            from: None,
            subject: None,
            basis: None,
        });
    }
    let after = &text[end..];
    if TIME_AFTER.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    // `十四届全国人大三次会议` is a session's ordinal; `每年召开两次会议`, `先后召开七次全会`
    // count meetings held.
    if ["次会议", "次全会"].iter().any(|w| after.starts_with(w))
        && !["召开", "举行", "开"]
            .iter()
            .any(|w| back(text, at, 4).contains(w))
    {
        return None;
    }
    // 余/多 between number and unit: over, bounded above.
    let mut qualifier = None;
    let mut high = n.high;
    for v in ["余", "多"] {
        if text[end..].starts_with(v) && unit_at(text, end + v.len()).is_some() {
            end += v.len();
            qualifier = Some(Qualifier::Over);
            high = Some(vague_high(n.value));
        }
    }
    // `一百多亿斤`, `1000多万失业人员`: 多 and the scale after the number, then what it counts.
    let mut scale = 1.0;
    if qualifier.is_none() && !rest[..n.len].contains(['万', '亿']) {
        if let Some(w) = ["多万", "余万", "多亿", "余亿"]
            .into_iter()
            .find(|w| text[end..].starts_with(w))
        {
            end += w.len();
            scale = if w.ends_with('亿') { 1e8 } else { 1e4 };
            qualifier = Some(Qualifier::Over);
            high = Some(vague_high(n.value));
        }
    }
    let unit = unit_at(text, end);
    // 度 is a kilowatt-hour after an amount in 万 or 亿 (`3120亿度`), not in `两度访欧`.
    if unit.is_some_and(|u| u.text == "度") && scale == 1.0 && !rest[..n.len].contains(['万', '亿'])
    {
        return None;
    }
    let (kind, unit_norm, factor) = match unit {
        Some(u) => {
            end += u.text.len();
            (u.kind, Some(u.norm), u.factor * scale)
        }
        None => {
            // A bare scaled amount in a money context: 专项资金2.3亿.
            let scaled = (!n.chinese && rest[..n.len].contains(['万', '亿'])) || scale > 1.0;
            // The money word in the same clause (`…生活费，全年共有600多万下岗职工` counts
            // people), and no amount of people reached (`补贴惠及120余万婴幼儿`).
            let before = back(text, at, 6);
            let clause = before
                .rsplit(['，', ',', '。', '；', ';'])
                .next()
                .unwrap_or("");
            let reached = ["惠及", "覆盖", "帮助", "带动"]
                .iter()
                .any(|w| clause.ends_with(w));
            if scaled && !reached && MONEY_CONTEXT.iter().any(|w| clause.contains(w)) {
                (MetricKind::Money, Some("元"), scale)
            } else if let Some((noun, unit)) = counted_noun(&text[end..], n.value * scale) {
                // `约8000万纳税人`: the people counted stand where the measure word would.
                end += noun.len();
                (MetricKind::Count, Some(unit), scale)
            } else if counts_the_noun_after(
                text,
                end,
                scale > 1.0 || rest[..n.len].contains(['万', '亿']),
                n.value * scale,
            ) {
                // `四千二百多万城镇劳动力`, `13亿中国人`: a large amount before what it counts,
                // as `上百万赤脚医生` (see [`vague_at`]).
                (MetricKind::Count, None, scale)
            } else if magnitude(text, end, n.value) {
                end += '级'.len_utf8();
                (MetricKind::Measure, Some("级"), 1.0)
            } else {
                return None;
            }
        }
    };
    // 十一届十次全会 is a meeting's ordinal; 两位数 is "double-digit"; “三个…” opens a slogan.
    if unit_norm == Some("次") && back(text, at, 6).contains('届') {
        return None;
    }
    if unit_norm == Some("位") && text[end..].starts_with('数') {
        return None;
    }
    if n.chinese && text[..at].ends_with('“') {
        return None;
    }
    // 讲三个方面的意见, 谈两点: the speech's own outline, not a quantity.
    // (`由…等4个方面的指标构成`, `工、农、商…这七个方面` count what a whole is made of.)
    let outline = || {
        let before = back(text, at, 6);
        ["讲", "谈", "从", "以下", "如下", "着重", "重点", "主要"]
            .iter()
            .any(|w| before.contains(w))
    };
    if (n.chinese && text[end..].starts_with("方面") && outline())
        || ["讲", "谈"].iter().any(|w| text[..at].ends_with(w))
    {
        return None;
    }
    // A lone 一 is idiom more often than quantity (一个领域, 一批项目); a post's holders
    // counted at the end of a clause are not (`设部长一人，副部长二至四人`).
    let counted = matches!(unit_norm, Some("人" | "名"))
        && text[end..].starts_with([',', '。', ';', '、', ')', '；']);
    if n.chinese && n.value == 1.0 && n.len == '一'.len_utf8() && high.is_none() && !counted {
        return None;
    }
    let (first, rank) = (
        prev_char(text, at) == Some('第'),
        matches!(unit_norm, Some("位" | "名")),
    );
    if first && !rank {
        return None;
    }
    // `四亿零七百多万吨`: the unit's 万 scales only what follows the numeral's 亿 (4亿 and
    // 700多万), not the whole of it.
    let split = split_at_yi(&rest[..n.len], factor).filter(|_| n.high.is_none());
    let (base, value, high) = match split {
        Some((base, low)) => (base, low, qualifier.map(|_| vague_high(low))),
        None => (0.0, n.value, high),
    };
    Some(FoundMetric {
        start: if first { at - '第'.len_utf8() } else { at },
        end,
        value: tidy(base + value * factor),
        high: high.map(|h| tidy(base + h * factor)),
        unit: unit_norm,
        kind: if first { MetricKind::Rank } else { kind },
        qualifier,
        direction: None,
        from: None,
        subject: None,
        basis: None,
    })
}

/// A numeral in Chinese characters with a part after its last 亿 (`四亿零七百`), before a unit
/// of 万 scale (`多万吨`): the value up to 亿 and the part after it, which the unit scales.
fn split_at_yi(numeral: &str, factor: f64) -> Option<(f64, f64)> {
    if !(factor > 1.0 && factor < 1e8) {
        return None;
    }
    let at = numeral.rfind('亿')? + '亿'.len_utf8();
    let (high, low) = (&numeral[..at], numeral[at..].trim_start_matches('零'));
    let whole = |s: &str| parse_prefix(s).filter(|n| n.chinese && n.len == s.len());
    Some((whole(high)?.value, whole(low)?.value))
}

const RANGE_LINKS: &[&str] = &["至", "到", "—", "-", "~", "～"];

/// A range whose ends share the second end's unit: `3至5个`, `8%—10%`, `1亿至2亿元`,
/// `3—5万元` (the second end's scale applies to a bare first end).
fn read_range_at(text: &str, at: usize) -> Option<FoundMetric> {
    if text[..at].ends_with('从') || text[..at].ends_with('由') {
        return None; // 从3家到10家 is a change
    }
    let first = read_at(text, at);
    let n1 = parse_prefix(&text[at..])?;
    let end1 = first.as_ref().map_or(at + n1.len, |m| m.end);
    let at2 = RANGE_LINKS
        .iter()
        .find(|l| text[end1..].starts_with(**l))
        .map(|l| end1 + l.len())?;
    let m2 = read_at(text, at2)?;
    let low = match &first {
        Some(m1) if m1.unit == m2.unit => m1.value,
        Some(_) => return None,
        None => {
            // Scale of the second end: its value over its bare digits.
            let digits: &str = {
                let r = &text[at2..];
                let l = r
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(r.len());
                &r[..l]
            };
            let bare = digits.parse::<f64>().ok();
            let own_scale = !n1.chinese && text[at..at + n1.len].contains(['万', '亿']);
            match bare {
                Some(b) if b > 0.0 && !own_scale => tidy(n1.value * (m2.value / b)),
                _ => n1.value,
            }
        }
    };
    Some(FoundMetric {
        start: at,
        value: low,
        high: Some(m2.high.unwrap_or(m2.value)),
        ..m2
    })
}

/// Widens a metric with qualifiers and ranges around it and sets direction and basis.
fn widen(text: &str, m: &mut FoundMetric) {
    // 五千元以上三万元以下
    if text[m.end..].starts_with("以上") {
        let at2 = m.end + "以上".len();
        if let Some(m2) =
            read_at(text, at2).filter(|m2| text[m2.end..].starts_with("以下") && m2.unit == m.unit)
        {
            m.high = Some(m2.value);
            m.end = m2.end + "以下".len();
            return;
        }
    }
    if m.qualifier.is_none() {
        if let Some((w, q)) = AFTER.iter().find(|(w, _)| text[m.end..].starts_with(w)) {
            m.qualifier = Some(*q);
            m.end += w.len();
        }
    }
    let before = &text[..m.start];
    if let Some((len, q)) = ends_with_any(before, BEFORE) {
        if m.qualifier.is_none() {
            m.qualifier = Some(q);
        }
        m.start -= len;
    }
    let before = &text[..m.start];
    let before = before.trim_end_matches(['了', ' ']);
    let before = before.strip_suffix("分别").unwrap_or(before);
    let before = before.strip_suffix("同比").unwrap_or(before);
    if UP.iter().any(|w| before.ends_with(w)) {
        m.direction = Some(Direction::Up);
    } else if DOWN.iter().any(|w| before.ends_with(w)) {
        m.direction = Some(Direction::Down);
    }
    // 每人每月300元: look back a few characters only (the basis stands right before).
    let mut b = m.start;
    let floor = m.start - back(text, m.start, 8).len();
    while let Some(p) = text[floor..b].rfind('每').map(|p| floor + p) {
        let seg = &text[p..b];
        if seg.chars().count() <= 3
            && seg
                .chars()
                .skip(1)
                .all(|c| !c.is_ascii() && c != '，' && c != '。')
        {
            b = p;
        } else {
            break;
        }
    }
    // A lone 每 (`每300户至500户`) names no basis.
    if b < m.start && text[b..m.start].chars().count() >= 2 {
        m.basis = Some((b, m.start));
    }
}

/// Finds the metrics of a (normalised, furniture-blanked) body.
pub(crate) fn metrics(text: &str) -> Vec<FoundMetric> {
    let mut out: Vec<FoundMetric> = Vec::new();
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to
            || c.is_ascii_whitespace()
            || !is_num_start(text, at, c)
            || !may_be_metric(text, at)
        {
            continue;
        }
        let Some(mut m) = read_range_at(text, at).or_else(|| read_at(text, at)) else {
            continue;
        };
        // `A/B×100%`: a constant of a formula, not a quantity; but `480毫米×140毫米` gives
        // two sides of a size.
        let size = out
            .last()
            .is_some_and(|p| p.unit == m.unit && text[p.end..at].trim() == "×");
        if !size
            && text[..at]
                .trim_end()
                .ends_with(['×', '*', '＊', '÷', '/', '／'])
        {
            skip_to = m.end;
            continue;
        }
        widen(text, &mut m);
        skip_to = m.end;
        out.push(m);
    }
    changes(text, &mut out);
    for m in &mut out {
        m.subject = super::subject::subject(text, m);
    }
    // `交易额从18亿元提高到50亿元`: a change's second figure has the first's subject.
    for i in 1..out.len() {
        if out[i].from.is_some() && out[i].subject.is_none() {
            out[i].subject = out[i - 1].subject;
        }
    }
    // `分别增长4.4%、5.9%`: a figure listed after another shares its direction and subject.
    for i in 1..out.len() {
        let joined = matches!(
            text.get(out[i - 1].end..out[i].start),
            Some("、" | "和" | "及")
        );
        if joined && out[i].kind == out[i - 1].kind {
            if out[i].direction.is_none() {
                out[i].direction = out[i - 1].direction;
            }
            if out[i].subject.is_none() {
                out[i].subject = out[i - 1].subject;
            }
        }
    }
    out
}

/// `从现在的3家扩展到至少10家`: the second metric starts from the first.
fn changes(text: &str, ms: &mut [FoundMetric]) {
    for i in 1..ms.len() {
        let (a, b) = (&ms[i - 1], &ms[i]);
        if b.start < a.end {
            continue;
        }
        let between = &text[a.end..b.start];
        let sentence_start = text[..a.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '。' | ';' | ',' | '\n' | '!' | '?' | ':'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let lead = &text[sentence_start..a.start];
        if between.chars().count() <= 12
            && (between.contains('到') || between.contains('至'))
            && (lead.contains('从') || lead.contains('由'))
            && !between.contains([',', '。', ';'])
        {
            ms[i].from = Some(ms[i - 1].value);
        }
    }
}

#[cfg(test)]
mod tests;
