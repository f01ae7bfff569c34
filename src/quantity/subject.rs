//! The subject of a metric: what is counted or measured. After a count's measure word
//! (`128项改革举措` → `改革举措`), else before the verb that leads to the number
//! (`地区生产总值达到412.6亿元` → `地区生产总值`, `高新技术企业净增21家` → `高新技术企业`).

use super::metric::FoundMetric;
use crate::model::MetricKind;

/// Words that end a subject when read forward.
const STOP_AFTER: &[char] = &[
    ',', '。', ';', ':', '、', '的', '和', '及', '与', '等', '已', '在', '为', '是', '(', ')', '“',
    '”', ' ', '\n', '!', '?', '，', '；', '—', '…',
];

/// Verbs and words between a subject and its number, longest first.
const LINKS: &[&str] = &[
    "年均",
    "平均",
    "位居全国",
    "居全国",
    "居",
    "超",
    "累计达到",
    "达到",
    "完成",
    "实现",
    "突破",
    "超过",
    "增长",
    "增加",
    "提高到",
    "提高",
    "提升到",
    "提升",
    "下降",
    "减少",
    "降低",
    "净增",
    "新增",
    "保持在",
    "保持",
    "稳定在",
    "控制在",
    "为",
    "达",
    "有",
    "共",
    "约",
    "近",
    "至少",
    "分别",
    "同比",
    "扩展到",
    "扩大到",
    "增至",
    "降至",
    "在",
];

/// Words that open a clause but are not part of its subject.
const LEADS: &[&str] = &[
    "发生",
    "新增",
    "对",
    "按",
    "全年",
    "全县",
    "全市",
    "全区",
    "全省",
    "全镇",
    "全国",
    "今年",
    "去年",
    "过去一年",
    "其中",
    "累计",
    "目前",
    "截至目前",
    "当前",
    "共",
    "要",
    "力争",
    "确保",
    "归集",
    "完成",
    "实现",
    "建成",
    "培育",
    "引进",
    "实施",
    "开展",
    "推动",
    "新建",
    "改造",
    "签约",
    "新签约",
    "新改建",
    "安排",
    "计划",
    "落实",
    "建设",
    "筹措",
    "筹集",
    "加快",
    "推进",
    "推广",
    "新开工",
    "开工",
    "接待",
];

/// Characters of a clause read backwards from a number: anything but punctuation and space.
fn clause_char(c: char) -> bool {
    !c.is_ascii_punctuation()
        && !c.is_whitespace()
        && !matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | '、'
                | '“'
                | '”'
                | '—'
                | '…'
                | '（'
                | '）'
                | '《'
                | '》'
        )
}

fn han_or_alnum(c: char) -> bool {
    !c.is_ascii_punctuation() && !c.is_whitespace() && !STOP_AFTER.contains(&c)
}

/// Verbs that provide what a standard is set for: `按照每百户不低于30平方米的标准配建X`.
const PROVIDE: &[&str] = &["配建", "配置", "配备", "建设", "设置", "配套"];

pub(crate) fn subject(text: &str, m: &FoundMetric) -> Option<(usize, usize)> {
    // `约8000万纳税人`: the people counted are part of the quantity's text.
    if let Some((noun, _)) = super::metric::COUNTED_NOUNS
        .iter()
        .find(|(w, _)| text[m.start..m.end].ends_with(w))
    {
        return Some((m.end - noun.len(), m.end));
    }
    // A standard: what the amount is set for follows `的标准` and a verb of provision.
    if let Some(rest) = text[m.end..].strip_prefix("的标准") {
        if let Some(v) = PROVIDE.iter().find(|v| rest.starts_with(**v)) {
            let from = m.end + "的标准".len() + v.len();
            let len: usize = text[from..]
                .chars()
                .take(AFTER_CHARS)
                .take_while(|&c| han_or_alnum(c))
                .map(char::len_utf8)
                .sum();
            if len > 0 {
                return Some((from, from + len));
            }
        }
    }
    // 处五百元以上二千元以下罚款: a fine, a grant, a subsidy named after the amount.
    if m.kind == MetricKind::Money {
        let after = &text[m.end..];
        let after = after.strip_prefix('的').unwrap_or(after);
        let named = ["罚款", "奖励", "补贴", "补助", "资金", "奖补"];
        if let Some(w) = named.iter().find(|w| after.starts_with(**w)) {
            let s = text.len() - after.len();
            return Some((s, s + w.len()));
        }
    }
    // After a count: `128项改革举措`.
    if m.kind == MetricKind::Count {
        if let Some(r) = after_noun(text, m) {
            return Some(r);
        }
    }
    // A measure's unit often goes on (`吨标准煤`, `千瓦时`), so what follows it is its subject
    // only when nothing before it is: `建设8万亩高标准农田`.
    before(text, m).or_else(|| {
        if m.kind != MetricKind::Measure {
            return None;
        }
        let (s, e) = after_noun(text, m)?;
        let noun = &text[s..e];
        // A run that fills the window is a clause, not a noun; `公里`, `小时` are the rest of a
        // compound unit (`吨公里`, `千瓦小时`), `级` a class (`百万千瓦级煤电机组`).
        let clause = noun.chars().count() >= AFTER_CHARS;
        let unit_rest = ["公里", "小时", "千瓦", "标准", "级"]
            .iter()
            .any(|u| noun.starts_with(u));
        (!clause && !unit_rest).then_some((s, e))
    })
}

/// The longest subject read after a quantity, in characters.
const AFTER_CHARS: usize = 10;

/// The noun right after a quantity's unit, where there is one.
fn after_noun(text: &str, m: &FoundMetric) -> Option<(usize, usize)> {
    let after = &text[m.end..];
    let len: usize = after
        .char_indices()
        .take(AFTER_CHARS)
        .take_while(|&(_, c)| han_or_alnum(c) && !c.is_ascii_digit())
        .map(|(_, c)| c.len_utf8())
        .sum();
    let mut cand = &after[..len];
    // The noun ends where a verb begins: `三个乡镇作了交流发言` → 乡镇.
    for verb in [
        "作", "进行", "开展", "完成", "实现", "达到", "参加", "参与", "获得", "建成", "纳入",
        "通过", "了", "设置", "配备", "建立", "建设", "中有",
    ] {
        if let Some(i) = crate::lines::find_short(cand, verb).filter(|&i| i > 0) {
            cand = &cand[..i];
        }
    }
    let len = cand.len();
    // A subject is a noun phrase: not a verb phrase that goes on (`个工作日内完成`).
    // A verb right after the measure word (`3家扩展到`) means the subject is elsewhere.
    let verb_first = cand.starts_with([
        '以', '左', '上', '余', '多', '内', '次', '扩', '增', '提', '达', '完', '减', '降', '到',
        '至', '覆', '超', '实', '比', '较', '同', '占', '为', '是', '有', '已', '将', '要',
    ]);
    (cand.chars().count() >= 2 && !verb_first).then_some((m.end, m.end + len))
}

/// The subject before the number: back from it over links to the start of the clause.
fn before(text: &str, m: &FoundMetric) -> Option<(usize, usize)> {
    let mut end = m.start;
    while let Some(l) = LINKS.iter().find(|l| text[..end].ends_with(**l)) {
        end -= l.len();
    }
    let clause_start = text[..end]
        .char_indices()
        .rev()
        .take(24)
        .find(|&(_, c)| !clause_char(c))
        .map_or(end.saturating_sub(24 * 3), |(i, c)| i + c.len_utf8());
    let mut start = clause_start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // `交易额从2024年的18亿元`: the subject stands before 从.
    if let Some(p) = text[start..end].find('从') {
        end = start + p;
    }
    // Strip leading words until none is left: 全年计划实施重点项目 → 重点项目.
    while let Some(lead) = LEADS.iter().find(|l| text[start..end].starts_with(**l)) {
        start += lead.len();
    }
    // `按设备投资的10%`: a 的 right before the number ends the subject; elsewhere a 的 ends a
    // modifier before it.
    if text[start..end].ends_with('的') {
        end -= '的'.len_utf8();
    }
    // Modifiers and time words end before the subject: `亿元以上项目` → `项目`,
    // `到2026年底完成投资` → `投资`, `每年安排专项资金` → `专项资金`.
    for cut in [
        "以上", "以下", "的", "了", "年底", "年末", "月底", "前", "完成", "安排",
    ] {
        if let Some(p) = crate::lines::rfind_short(&text[start..end], cut) {
            start += p + cut.len();
        }
    }
    // Once more after the cuts, for verbs that never start a noun (`建设单位` is one):
    // `年底前开工重点项目` → `重点项目`.
    while let Some(lead) = ["新开工", "开工", "接待"]
        .iter()
        .find(|l| text[start..end].starts_with(**l))
    {
        start += lead.len();
    }
    let s = &text[start..end];
    // Digits only as part of a name (`5G基站`), never a number of its own.
    let b = s.as_bytes();
    let names_only = (0..b.len())
        .all(|i| !b[i].is_ascii_digit() || b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric));
    (s.chars().count() >= 2 && names_only).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::super::metric::metrics;

    #[test]
    fn subjects() {
        const CASES: &[(&str, &str)] = &[
            ("明确的128项改革举措,已完成115项", "改革举措"),
            ("地区生产总值达到412.6亿元", "地区生产总值"),
            ("高新技术企业净增21家", "高新技术企业"),
            ("全县规上工业增加值增长9.4%", "规上工业增加值"),
            ("新签约亿元以上项目46个", "项目"),
            ("归集各类数据4800万条", "各类数据"),
            ("年底前开工重点项目40个", "重点项目"),
            ("接待游客12.6万人次", "游客"),
            ("为约8000万纳税人办理退税", "纳税人"),
            (
                "按照每百户不低于30平方米的标准配建社区综合服务用房",
                "社区综合服务用房",
            ),
            ("县政务服务中心和三个乡镇作了交流发言", "乡镇"),
            ("——地区生产总值增长6%左右", "地区生产总值"),
            ("全年计划实施重点项目120个", "重点项目"),
            ("力争到2026年底完成投资150亿元", "投资"),
            ("规上工业增加值增速居全国第4位", "规上工业增加值增速"),
            ("逾期不改正的,处五百元以上二千元以下罚款", "罚款"),
            ("按设备投资的10%给予补助", "设备投资"),
            (
                "数据要素市场交易额从2024年的18亿元提高到50亿元",
                "数据要素市场交易额",
            ),
            ("5G基站总数达到1.2万个", "5G基站总数"),
            ("全区共发生生产安全事故12起", "生产安全事故"),
            ("企业调查59项测评点中有2项", "测评点"),
            ("落实公共建筑节能改造600万平方米。", "公共建筑节能改造"),
            ("建设8万亩高标准农田。", "高标准农田"),
            ("新开工改造城镇老旧小区1200个", "城镇老旧小区"),
            ("建设筹措保障性租赁住房7.4万套(间)", "保障性租赁住房"),
            (
                "全市数字经济核心产业增加值年均增长12%以上",
                "数字经济核心产业增加值",
            ),
        ];
        for (text, want) in CASES {
            let ms = metrics(text);
            let s = ms[0].subject.map(|(a, b)| &text[a..b]);
            assert_eq!(s, Some(*want), "{text}");
        }
    }
}
