//! The main targets of a work report (主要预期目标): each indicator the targets paragraph names,
//! with its value, range, unit and qualifier from the metrics read there, and the reports of
//! several years (or provinces) side by side.
//!
//! The paragraph is the one that says `主要预期目标是：` (or `主要目标是`); it is cut into
//! clauses at `，；。`, and a clause is a target where it names an indicator of
//! `src/data/target_indicators.txt`. A target stated in words (`国际收支基本平衡`) has no value.

use std::sync::LazyLock;

use serde::Serialize;

use crate::model::{DocType, Document, Metric, Qualifier, Span};

/// An indicator's name and the words that name it.
static INDICATORS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    include_str!("data/target_indicators.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (name, words) = l.split_once('\t')?;
            Some((name.trim(), words.split('|').map(str::trim).collect()))
        })
        .collect()
});

/// Words that open the targets paragraph.
const OPENERS: &[&str] = &[
    "主要预期目标是",
    "主要预期目标为",
    "主要预期目标：",
    "主要目标是",
];

/// One target of one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// The indicator's name, the same across reports: `国内生产总值增长`.
    pub indicator: String,
    /// The value (`5` for `5%左右`), or `None` for a target stated in words.
    pub value: Option<f64>,
    /// The top of a range (`6.5%－7%`).
    pub high: Option<f64>,
    /// The unit, normalised (`%`, `人`, `斤`).
    pub unit: Option<String>,
    /// `左右`, `以上`, `以内`…
    pub qualifier: Option<Qualifier>,
    /// The clause as written: `国内生产总值增长5%左右`.
    pub text: String,
    /// The clause in the input.
    pub span: Span,
}

/// The year a report is of: its date's, else the year its headings show (`三、2021年政府工作
/// 任务`), as the times of the record are read.
pub fn report_year(doc: &Document, input: &str) -> Option<i32> {
    doc.date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
        .or_else(|| crate::extract::reported_year(doc, input))
}

/// The second indicator of a clause that names two joined by 和, 与 or 及, the first word
/// right before the conjunction and the second right after it (`单位国内生产总值能耗和主要污染物
/// 排放量继续下降`). Not where the clause relates the two (`居民收入和经济增长基本同步` is one
/// target, of income), nor where the first is followed by more words (`居民收入增长和…`).
fn joined(clause: &str) -> Option<&'static str> {
    const RELATIONS: &[&str] = &["同步", "同向", "相适应", "相协调", "相匹配", "挂钩"];
    let (at, len, first) = first_named(clause)?;
    let rest = &clause[at + len..];
    let rest = ["以及", "和", "与", "及"]
        .iter()
        .find_map(|c| rest.strip_prefix(c))?;
    let (0, _, second) = first_named(rest)? else {
        return None;
    };
    (second != first && !RELATIONS.iter().any(|r| rest.contains(r))).then_some(second)
}

/// Whether `clause` joins two groups with 和 or 与 before `word` (`城镇和农村…分别`).
fn groups_before(clause: &str, word: &str) -> bool {
    clause
        .find(word)
        .is_some_and(|at| clause[..at].contains(['和', '与']))
}

/// Words that, right after an indicator's words, make them speak of something else: the
/// quality, way or drivers of growth (`经济增长质量和效益显著提高`), not its rate.
const NOT_THE_RATE: &[&str] = &[
    "质量", "效益", "方式", "动力", "动能", "潜力", "活力", "模式", "结构",
];

/// Where the words of the indicator a clause names stand first in it: `(at, length, name)`.
fn first_named(clause: &str) -> Option<(usize, usize, &'static str)> {
    INDICATORS
        .iter()
        .flat_map(|(name, words)| {
            words.iter().filter_map(move |w| {
                clause
                    .match_indices(w)
                    .map(|(at, _)| at)
                    .find(|&at| {
                        let after = &clause[at + w.len()..];
                        !(w.ends_with("增长") && NOT_THE_RATE.iter().any(|n| after.starts_with(n)))
                    })
                    .map(|at| (at, std::cmp::Reverse(w.len()), *name))
            })
        })
        .min()
        .map(|(at, len, name)| (at, len.0, name))
}

/// The indicator a clause names: the one whose words stand first in it.
fn indicator(clause: &str) -> Option<&'static str> {
    first_named(clause).map(|(_, _, name)| name)
}

/// The targets of a work report (none for other documents, or where no paragraph states them):
/// the first paragraph opened by `主要预期目标是` (or the like) that names an indicator; only
/// where none does, the first opened by `主要目标是`, which also opens the goals of a five-year
/// plan (`“十五五”时期…主要目标是：地区生产总值年均增长5%左右`).
pub fn targets(doc: &Document, input: &str) -> Vec<Target> {
    if doc.doc_type != DocType::WorkReport {
        return Vec::new();
    }
    let opens = |words: &[&str]| {
        let mut at: Vec<usize> = words
            .iter()
            .flat_map(|w| input.match_indices(w).map(|(at, w)| at + w.len()))
            .collect();
        at.sort_unstable();
        at
    };
    let (annual, general) = OPENERS.split_at(OPENERS.len() - 1);
    opens(annual)
        .into_iter()
        .chain(opens(general))
        .map(|from| paragraph_targets(doc, input, from))
        .find(|ts| !ts.is_empty())
        .unwrap_or_default()
}

/// The targets of the paragraph that goes on from `from`, clause by clause.
fn paragraph_targets(doc: &Document, input: &str, from: usize) -> Vec<Target> {
    let end = input[from..].find('\n').map_or(input.len(), |i| from + i);
    let mut out = Vec::new();
    let mut start = from;
    let mut sentence_start = true;
    for (i, c) in input[from..end].char_indices().chain([(end - from, '。')]) {
        if !matches!(c, '，' | '；' | '。' | ',' | ';' | '：' | ':') {
            continue;
        }
        let (s, e) = (start, from + i);
        start = from + i + c.len_utf8();
        let opens_sentence = sentence_start;
        sentence_start = c == '。';
        // A sentence that turns to explaining the targets ends them: `这里要着重说明，提出8%左右
        // 的国内生产总值增长目标，综合考虑了…`, `这里，着重对经济增长和物价总水平两个指标作些说明`.
        let clause = input[s..e].trim();
        if opens_sentence && (clause.starts_with("这里") || clause.contains("说明")) {
            break;
        }
        // `加强对增长、就业、物价、国际收支等主要目标的统筹平衡` speaks of the targets.
        if clause.is_empty() || clause.contains("等主要目标") {
            continue;
        }
        for (s, e) in named_parts(input, s, e) {
            let clause = input[s..e].trim();
            let Some(name) = indicator(clause) else {
                continue;
            };
            let metrics: Vec<&Metric> = doc
                .metrics
                .iter()
                .filter(|m| m.span.start() >= s && m.span.end() <= e)
                .collect();
            // Two indicators joined by 和 share the clause: stated in words, or with a value
            // each (`分别`). Two groups of one indicator likewise (`城镇和农村常住居民人均可支配
            // 收入分别增长4%左右和6%左右`): a target each, as when the clause names it twice.
            let respectively = clause.contains("分别");
            let names_and_metrics = match (joined(clause), &metrics[..]) {
                (Some(other), []) => vec![(name, None), (other, None)],
                (Some(other), [a, b]) if respectively => {
                    vec![(name, Some(*a)), (other, Some(*b))]
                }
                (None, [a, b]) if respectively && groups_before(clause, "分别") => {
                    vec![(name, Some(*a)), (name, Some(*b))]
                }
                _ => vec![(name, metrics.first().copied())],
            };
            for (name, metric) in names_and_metrics {
                out.push(Target {
                    indicator: name.to_string(),
                    value: metric.map(|m| m.value),
                    high: metric.and_then(|m| m.high),
                    unit: metric.and_then(|m| m.unit.clone()),
                    qualifier: metric.and_then(|m| m.qualifier),
                    text: clause.to_string(),
                    span: Span(s, e),
                });
            }
        }
    }
    out
}

/// The parts of the clause `s..e` that each name an indicator, where it lists several apart by
/// `、` (`城镇新增就业47万人以上、城镇调查失业率控制在5.5%以内`); a part naming none, or the same
/// one, stays with the part before it. The whole clause where fewer than two parts name one (`碳排放强度、能源、环境
/// 等指标完成国家下达任务`).
fn named_parts(input: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut from = s;
    for (i, _) in input[s..e].match_indices('、').chain([(e - s, "")]) {
        let (ps, pe) = (from, s + i);
        from = pe + '、'.len_utf8();
        // A part that names no indicator, or without a number the one before it names, goes
        // on that part (`…增速高于全国平均水平、高于城镇居民收入增速`; but `城镇居民人均可支配收入
        // 增长7%左右、农村居民人均可支配收入增长8%左右` are two).
        let part = &input[ps..pe];
        match parts.last_mut() {
            Some(last)
                if indicator(part).is_none_or(|n| {
                    Some(n) == indicator(&input[last.0..last.1])
                        && !part.chars().any(char::is_numeric)
                }) =>
            {
                last.1 = pe
            }
            _ => parts.push((ps, pe)),
        }
    }
    let named = parts
        .iter()
        .filter(|&&(ps, pe)| indicator(&input[ps..pe]).is_some())
        .count();
    if named >= 2 {
        parts
    } else {
        vec![(s, e)]
    }
}

/// A target as a table cell: `5%左右`, `1100万人以上`, or the clause for a target in words.
pub fn cell(t: &Target) -> String {
    let Some(v) = t.value else {
        return t.text.clone();
    };
    let unit = t.unit.as_deref().unwrap_or("");
    // Written as the reports write them: 1100万人, 1.3万亿斤.
    let scale = match unit {
        "人" if v >= 1e4 => Some((1e4, "万人")),
        "斤" | "元" if v >= 1e12 => Some((
            1e12,
            if unit == "斤" {
                "万亿斤"
            } else {
                "万亿元"
            },
        )),
        "斤" | "元" if v >= 1e8 => Some((1e8, if unit == "斤" { "亿斤" } else { "亿元" })),
        _ => None,
    };
    let (div, unit) = scale.unwrap_or((1.0, unit));
    let v = v / div;
    let num = |x: f64| {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let range = match t.high {
        Some(h) => format!("{}-{}", num(v), num(h / div)),
        None => num(v),
    };
    let q = match t.qualifier {
        Some(Qualifier::About) => "左右",
        Some(Qualifier::AtLeast) => "以上",
        Some(Qualifier::AtMost) => "以内",
        Some(Qualifier::Over) => "以上",
        Some(Qualifier::Nearly) => "(接近)",
        Some(Qualifier::Under) => "以下",
        None => "",
    };
    format!("{range}{unit}{q}")
}

/// Reports side by side: one row per indicator (in the order they first appear), one column per
/// report, `未提出` where a report states no such target.
pub struct Table {
    /// Column heads: the reports' labels (a year, a province).
    pub columns: Vec<String>,
    /// Rows: the indicator and a cell per column.
    pub rows: Vec<(String, Vec<Option<String>>)>,
}

/// An SVG chart of the numeric targets stated in percent (growth, prices, unemployment…) of
/// reports labelled by year, one line per indicator; `None` when there are none.
pub fn chart_svg(reports: &[(String, Vec<Target>)]) -> Option<String> {
    let mut series: Vec<crate::chart::Series> = Vec::new();
    let mut sorted: Vec<(i32, &Vec<Target>)> = reports
        .iter()
        .filter_map(|(label, ts)| Some((label.parse::<i32>().ok()?, ts)))
        .collect();
    sorted.sort_by_key(|(y, _)| *y);
    for (year, ts) in sorted {
        for t in ts {
            let (Some(v), Some("%")) = (t.value, t.unit.as_deref()) else {
                continue;
            };
            let i = match series.iter().position(|(n, _)| *n == t.indicator) {
                Some(i) => i,
                None => {
                    series.push((t.indicator.clone(), Vec::new()));
                    series.len() - 1
                }
            };
            // The first statement of an indicator in a report is its target.
            if series[i].1.last().is_none_or(|p| p.0 != year) {
                series[i].1.push((year, v));
            }
        }
    }
    crate::chart::by_year("主要预期目标（%）", "目标值（%）", &series)
}

/// Builds the wide table of `reports` (label, targets).
pub fn table(reports: &[(String, Vec<Target>)]) -> Table {
    let mut rows: Vec<(String, Vec<Option<String>>)> = Vec::new();
    for (k, (_, ts)) in reports.iter().enumerate() {
        for t in ts {
            let row = match rows.iter().position(|(n, _)| *n == t.indicator) {
                Some(r) => r,
                None => {
                    rows.push((t.indicator.clone(), vec![None; reports.len()]));
                    rows.len() - 1
                }
            };
            // The first statement of an indicator in a report is its target.
            rows[row].1[k].get_or_insert_with(|| cell(t));
        }
    }
    Table {
        columns: reports.iter().map(|(l, _)| l.clone()).collect(),
        rows,
    }
}

/// Not stated that year.
pub const NOT_STATED: &str = "未提出";

impl Table {
    /// CSV: `指标` then a column per report.
    pub fn to_csv(&self) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut out = std::iter::once("指标".to_string())
            .chain(self.columns.iter().map(|c| q(c)))
            .collect::<Vec<_>>()
            .join(",");
        out.push('\n');
        for (name, cells) in &self.rows {
            out.push_str(&q(name));
            for c in cells {
                out.push(',');
                out.push_str(&q(c.as_deref().unwrap_or(NOT_STATED)));
            }
            out.push('\n');
        }
        out
    }

    /// A Markdown table.
    pub fn to_markdown(&self) -> String {
        let esc = |s: &str| s.replace('|', "\\|");
        let mut out = format!("| 指标 | {} |\n", self.columns.join(" | "));
        out.push_str(&format!("|---|{}\n", "---|".repeat(self.columns.len())));
        for (name, cells) in &self.rows {
            let cells: Vec<String> = cells
                .iter()
                .map(|c| esc(c.as_deref().unwrap_or(NOT_STATED)))
                .collect();
            out.push_str(&format!("| {} | {} |\n", name, cells.join(" | ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_listing_several_indicators_are_split() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "城镇新增就业47万人以上、城镇调查失业率控制在5.5%以内",
                &["城镇新增就业47万人以上", "城镇调查失业率控制在5.5%以内"],
            ),
            (
                "城镇居民人均可支配收入增长7%左右、农村居民人均可支配收入增长8%左右",
                &[
                    "城镇居民人均可支配收入增长7%左右",
                    "农村居民人均可支配收入增长8%左右",
                ],
            ),
            // The same indicator again without a number, or parts naming none: one clause.
            (
                "农村常住居民人均可支配收入增速高于全国平均水平、高于城镇居民收入增速",
                &["农村常住居民人均可支配收入增速高于全国平均水平、高于城镇居民收入增速"],
            ),
            (
                "碳排放强度、能源、环境等指标完成国家下达任务",
                &["碳排放强度、能源、环境等指标完成国家下达任务"],
            ),
            ("粮食产量保持稳定", &["粮食产量保持稳定"]),
        ];
        for (clause, want) in cases {
            let got: Vec<&str> = named_parts(clause, 0, clause.len())
                .into_iter()
                .map(|(s, e)| &clause[s..e])
                .collect();
            assert_eq!(got, want, "{clause}");
        }
    }

    #[test]
    fn indicators_by_the_words_that_stand_first() {
        let cases = [
            ("国内生产总值增长5%左右", Some("国内生产总值增长")),
            ("居民收入增长和经济增长基本同步", Some("居民收入增长")),
            (
                "单位国内生产总值能耗降低3%左右",
                Some("单位国内生产总值能耗降低"),
            ),
            ("城镇调查失业率5.5%左右", Some("城镇调查失业率")),
            ("国际收支基本平衡", Some("国际收支")),
            ("在实际工作中争取更好结果", None),
            (
                "城乡居民人均收入实际增长与经济增长同步",
                Some("居民收入增长"),
            ),
            // The quality or drivers of growth are not its rate.
            ("经济增长质量和效益显著提高", None),
            ("转变经济增长方式", None),
            ("经济增长速度预期为7%左右", Some("国内生产总值增长")),
            ("经济增长7%左右", Some("国内生产总值增长")),
            // A later mention that is the rate still counts.
            ("提高经济增长质量，经济增长8%", Some("国内生产总值增长")),
        ];
        for (clause, want) in cases {
            assert_eq!(indicator(clause), want, "{clause}");
        }
    }

    #[test]
    fn two_indicators_joined_by_and() {
        let cases = [
            (
                "单位国内生产总值能耗和主要污染物排放量继续下降",
                Some("主要污染物排放"),
            ),
            (
                "城镇调查失业率与城镇登记失业率分别为5.5%和4.5%",
                Some("城镇登记失业率"),
            ),
            // Related, not joined: one target, of income.
            ("居民收入和经济增长基本同步", None),
            ("居民人均可支配收入与经济增长同步", None),
            // The first indicator's words go on before the conjunction.
            ("居民收入增长和经济增长基本同步", None),
            // Not an indicator after it.
            ("粮食产量和质量稳步提升", None),
            ("国内生产总值增长5%左右", None),
        ];
        for (clause, want) in cases {
            assert_eq!(joined(clause), want, "{clause}");
        }
    }

    /// Indicators joined in one clause each get a target: two named (`和`, with `分别` each its
    /// value), or two groups of one indicator with `分别`.
    #[test]
    fn joined_indicators_share_their_clause() {
        let opening = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、2026年工作任务\n\n";
        type Want<'a> = &'a [(&'a str, Option<f64>)];
        let cases: [(&str, Want); 2] = [
            (
                "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率和城镇登记失业率分别为5.5%左右和4.5%以内；单位国内生产总值能耗和主要污染物排放量继续下降。",
                &[
                    ("国内生产总值增长", Some(5.0)),
                    ("城镇调查失业率", Some(5.5)),
                    ("城镇登记失业率", Some(4.5)),
                    ("单位国内生产总值能耗降低", None),
                    ("主要污染物排放", None),
                ],
            ),
            (
                "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右。",
                &[
                    ("国内生产总值增长", Some(5.0)),
                    ("居民收入增长", Some(4.0)),
                    ("居民收入增长", Some(6.0)),
                ],
            ),
        ];
        for (paragraph, want) in cases {
            let input = format!("{opening}{paragraph}\n");
            let doc = crate::analyze(&input);
            let got: Vec<(String, Option<f64>)> = targets(&doc, &input)
                .into_iter()
                .map(|t| (t.indicator, t.value))
                .collect();
            let want: Vec<(String, Option<f64>)> =
                want.iter().map(|&(n, v)| (n.to_string(), v)).collect();
            assert_eq!(got, want, "{paragraph}");
        }
    }

    #[test]
    fn an_explanation_after_the_targets_ends_them() {
        let input = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、2009年工作任务\n\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；城镇新增就业900万人以上；国际收支状况继续改善。单位国内生产总值能耗下降3%以上。这里要着重说明，提出8%左右的国内生产总值增长目标，综合考虑了发展的需要和可能。要扩大城乡就业，增加居民收入，就必须保持一定的经济增长速度。\n";
        let doc = crate::analyze(input);
        let got: Vec<String> = targets(&doc, input).into_iter().map(|t| t.text).collect();
        assert_eq!(
            got,
            [
                "国内生产总值增长8%左右",
                "城镇新增就业900万人以上",
                "国际收支状况继续改善",
                "单位国内生产总值能耗下降3%以上",
            ]
        );
    }

    #[test]
    fn a_report_gives_its_targets_and_a_table() {
        let input = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、2026年工作任务\n\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；国际收支基本平衡。\n";
        let doc = crate::analyze(input);
        let ts = targets(&doc, input);
        let got: Vec<(&str, Option<f64>, Option<Qualifier>)> = ts
            .iter()
            .map(|t| (t.indicator.as_str(), t.value, t.qualifier))
            .collect();
        assert_eq!(
            got,
            [
                ("国内生产总值增长", Some(5.0), Some(Qualifier::About)),
                ("城镇新增就业", Some(12_000_000.0), Some(Qualifier::AtLeast)),
                ("城镇调查失业率", Some(5.5), Some(Qualifier::About)),
                ("国际收支", None, None),
            ]
        );
        assert_eq!(
            &input[ts[1].span.start()..ts[1].span.end()],
            "城镇新增就业1200万人以上"
        );
        let t = table(&[
            ("2026".into(), ts.clone()),
            ("2027".into(), ts[..1].to_vec()),
        ]);
        let csv = t.to_csv();
        assert!(csv.starts_with("指标,\"2026\",\"2027\"\n"), "{csv}");
        assert!(
            csv.contains("\"城镇新增就业\",\"1200万人以上\",\"未提出\""),
            "{csv}"
        );
        // Not a work report: no targets.
        let notice = "某某通知\n\n各区：\n\n主要目标是：增长5%左右。\n";
        assert!(targets(&crate::analyze(notice), notice).is_empty());
    }
}
