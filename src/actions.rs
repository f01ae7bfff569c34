//! Stage 8: action points — directive sentences with their modal word and its strength, the
//! responsible actor, the partners, the deadline, and where they stand.

use crate::model::Strength;

/// Directive words and how strongly they bind, longest first where one contains another.
const MODALS: &[(&str, Strength)] = &[
    ("必须", Strength::Hard),
    ("务必", Strength::Hard),
    ("确保", Strength::Hard),
    ("坚决", Strength::Hard),
    ("严禁", Strength::Hard),
    ("不得", Strength::Hard),
    ("禁止", Strength::Hard),
    ("应当", Strength::Duty),
    ("应该", Strength::Duty),
    ("负责", Strength::Duty),
    ("牵头", Strength::Duty),
    ("要", Strength::Duty),
    ("力争", Strength::Aim),
    ("争取", Strength::Aim),
    ("努力", Strength::Aim),
    ("鼓励", Strength::Soft),
    ("探索", Strength::Soft),
    ("支持", Strength::Soft),
    ("积极", Strength::Soft),
];

/// `要` in these words is no directive: 重要, 主要, 需要, 要素, 要求…
const NOT_YAO_BEFORE: &[char] = &[
    '重', '主', '需', '首', '必', '纪', '只', '想', '将', '概', '简', '摘', '扼', '提', '不', '紧',
    '险', '切', '显', '次',
];
const NOT_YAO_AFTER: &[char] = &[
    '素', '求', '点', '闻', '件', '务', '害', '地', '职', '么', '是', '塞', '领', '旨', '案', '义',
];

/// Suffixes of a responsible unit or person.
const ACTOR_SUFFIXES: &[&str] = &[
    "部门",
    "单位",
    "局",
    "委",
    "办",
    "厅",
    "中心",
    "政府",
    "街道",
    "乡镇",
    "小组",
    "委员会",
    "机关",
    "公司",
    "企业",
    "学校",
    "医院",
    "同志",
    "负责人",
    "书记",
    "各地",
    "各级",
    "党委",
    "干部",
    "机构",
    "银行",
    "社区",
    "村",
    "镇",
    "部",
    "院",
    "署",
    "所",
    "站",
    "队",
    "会",
];

/// Words that open a clause but are not its actor.
const CLAUSE_LEADS: &[&str] = &[
    "同时",
    "此外",
    "另外",
    "今年",
    "明年",
    "下一步",
    "对此",
    "为此",
    "其中",
    "特别是",
    "尤其是",
];

/// A directive sentence, normalised coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundAction {
    pub start: usize,
    pub end: usize,
    pub modal: (usize, usize),
    pub strength: Strength,
    pub actor: Option<(usize, usize)>,
    pub partners: Vec<(usize, usize)>,
}

/// Sentences of `text`: ranges ending after `。!?;` or at a line end, trimmed.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let t = seg.trim();
        if !t.is_empty() {
            out.push((s + lead, s + lead + t.len()));
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\n' && runs_on(text, start, i) {
            continue;
        }
        if matches!(c, '。' | '!' | '?' | ';' | '\n') {
            let end = i + c.len_utf8();
            push(start, if c == '\n' { i } else { end });
            start = end;
        }
    }
    push(start, text.len());
    out
}

static MODAL_AC: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(MODALS.iter().map(|m| m.0))
        .expect("modal words build")
});

/// The first directive word of a sentence, skipping the words that only look like one.
/// Whether the line ending at `nl` runs on into the next one: prose (it holds a sentence mark or
/// a comma) that stops without finishing, before a line that opens no heading, across removed
/// furniture (`严格落实\n第 2 页 共 5 页\n准入管理制度`).
fn runs_on(text: &str, start: usize, nl: usize) -> bool {
    // The last line with text, over blanked furniture between.
    let seg = text[start..nl].trim_end();
    let line = seg.rsplit('\n').next().unwrap_or("").trim();
    if line.is_empty()
        || crate::lines::ends_sentence(line)
        || crate::structure::markers::parse_marker(line).is_some()
        || !line.contains(['。', ',', '，', ';'])
    {
        return false;
    }
    let next = text[nl + 1..].trim_start();
    !next.is_empty()
        && crate::structure::markers::parse_marker(next).is_none()
        && !next.starts_with("——")
}

fn modal_in(sentence: &str) -> Option<(usize, &'static str, Strength)> {
    for m in MODAL_AC.find_iter(sentence) {
        let (w, strength) = MODALS[m.pattern().as_usize()];
        let at = m.start();
        let next = sentence[m.end()..].chars().next();
        // 政府负责、部门协同 lists principles; 牵头单位, 负责同志 are nouns.
        if matches!(w, "牵头" | "负责")
            && ["单位", "部门", "同志", "人", "领导", "、"]
                .iter()
                .any(|n| sentence[m.end()..].starts_with(n))
        {
            continue;
        }
        // 财政支持。, 积极。: a soft word that ends its clause is a noun or adjective.
        if matches!(strength, Strength::Soft)
            && next.is_none_or(|c| matches!(c, '。' | ',' | ';' | '、' | '!' | '?' | ')'))
        {
            continue;
        }
        if w == "要" {
            let prev = sentence[..at].chars().next_back();
            if prev.is_some_and(|c| NOT_YAO_BEFORE.contains(&c))
                || next.is_some_and(|c| NOT_YAO_AFTER.contains(&c))
            {
                continue;
            }
        }
        return Some((at, w, strength));
    }
    None
}

/// The actor: the clause before the modal, if it names a unit or person; when the modal opens
/// its clause, the unit that opens the sentence (`各单位主要负责同志是…,必须…`).
fn actor(text: &str, s: usize, modal_at: usize) -> Option<(usize, usize)> {
    clause_actor(text, s, modal_at)
        .or_else(|| {
            let before = text[s..modal_at].trim_end();
            if !before.ends_with([',', '，']) {
                return None;
            }
            let first = &text[s..modal_at];
            // Not 要: it stands inside 主要 of 主要负责同志.
            let cut = ["是", "应当", "必须", "在"]
                .iter()
                .filter_map(|w| first.find(w))
                .min()?;
            let lead = first.len() - first.trim_start().len();
            let cand = first[..cut].trim();
            let n = cand.chars().count();
            let ok = (2..=24).contains(&n)
                && !cand.contains([',', '，'])
                && ACTOR_SUFFIXES.iter().any(|suf| cand.ends_with(suf));
            ok.then_some((s + lead, s + lead + cand.len()))
        })
        .or_else(|| previous_clause_actor(text, s, modal_at))
}

/// Words that open a clause about doing something, not about who does it. A clause that
/// holds one of [`ACTION_WORDS`] anywhere is left out too, so those are not repeated here.
const ACTION_LEADS: &[&str] = &[
    "为", "对", "在", "按", "根据", "围绕", "以及", "而", "以", "从", "这", "建", "办", "成立",
    "加快", "召开", "全面", "共建", "继续", "坚持", "稳定", "稳", "优化", "加强", "深化", "完善",
    "发展", "实现", "提高", "扩大", "支持", "鼓励", "做好", "抓好", "打造", "引导", "健全", "组建",
    "设立", "筹建", "改革", "转制", "逐步", "依法", "大力", "认真", "成功", "协同", "布局", "服务",
    "重视", "顾全", "事关",
];

/// Verbs that show a clause does something, wherever they stand in it.
const ACTION_WORDS: &[&str] = &[
    "搞好",
    "建立",
    "审批",
    "培育",
    "推动",
    "推进",
    "落实",
    "构建",
    "融入",
    "考核",
    "统筹",
    "转制为",
    "配备",
    "争创",
    "关系",
    "这个",
    "内部",
];

/// When the modal opens its clause, the clause right before it if that names units:
/// `为做好…工作,各地区、各部门特别是…人民政府,要按照…`.
fn previous_clause_actor(text: &str, s: usize, modal_at: usize) -> Option<(usize, usize)> {
    let before = text[s..modal_at].trim_end();
    let before = before
        .strip_suffix(',')
        .or_else(|| before.strip_suffix('，'))?;
    let start = before
        .rfind([',', ':', ';', '，', '：', '；'])
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let mut a = s + start;
    let mut cand = before[start..].trim_start();
    a += before[start..].len() - cand.len();
    // A heading's or an article's marker is no part of it.
    if let Some(m) = crate::structure::markers::parse_marker(cand) {
        let rest = cand[m.len..].trim_start();
        a += cand.len() - rest.len();
        cand = rest;
    }
    let cand = cand.trim_end();
    let n = cand.chars().count();
    // A clause that names units, not one that does something (`建设…中心`, `召开…大会`).
    let ok = (2..=32).contains(&n)
        && ACTOR_SUFFIXES.iter().any(|suf| cand.ends_with(suf))
        && !cand.contains(char::is_numeric)
        && !ACTION_LEADS.iter().any(|w| cand.starts_with(w))
        && !ACTION_WORDS.iter().any(|w| cand.contains(w))
        && !["大局", "全局", "格局", "布局", "新局", "为中心"]
            .iter()
            .any(|w| cand.ends_with(w));
    ok.then_some((a, a + cand.len()))
}

fn clause_actor(text: &str, s: usize, modal_at: usize) -> Option<(usize, usize)> {
    let before = &text[s..modal_at];
    let clause_start = before.rfind([',', ':', '，', '：']).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let mut a = s + clause_start;
    let mut cand = &text[a..modal_at];
    // An article's marker is no part of its actor: `第五条 养犬人应当…`.
    if let Some(m) = crate::structure::markers::parse_marker(cand) {
        let rest = &cand[m.len..];
        let rest_trimmed = rest.trim_start();
        a += m.len + (rest.len() - rest_trimmed.len());
        cand = rest_trimmed;
    }
    for lead in CLAUSE_LEADS {
        if let Some(rest) = cand.strip_prefix(lead) {
            a += lead.len();
            cand = rest;
        }
    }
    let trimmed = cand.trim();
    let n = trimmed.chars().count();
    // 养犬人, 经营者: a short noun for a person is an actor too (个人, 他人 name nobody);
    // 各区, 各县: every unit of a kind.
    let person = (3..=5).contains(&n) && (trimmed.ends_with('人') || trimmed.ends_with('者'))
        || (2..=4).contains(&n) && trimmed.starts_with('各');
    let unit = ACTOR_SUFFIXES.iter().any(|suf| trimmed.ends_with(suf));
    if !(2..=24).contains(&n) || !(person || unit) {
        return None;
    }
    let lead = cand.len() - cand.trim_start().len();
    Some((a + lead, a + lead + trimmed.len()))
}

/// Partners: `联合工信、科技、金融等部门` → 工信, 科技, 金融. (协同 and 配合 are mostly adverbs:
/// `臭氧协同控制`, `配合做好`.)
fn partners(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let seg = &text[s..e];
    // 会 ends many nouns (社会, 大会, 全会, 协会, 委员会): 社会同步 holds no 会同.
    let is_partner_word = |p: usize, w: &str| match w {
        "会同" => !seg[..p].ends_with([
            '社', '大', '全', '协', '学', '机', '员', '工', '商', '年', '议', '都', '盟', '总',
        ]),
        // 联合体, 联合国, 联合会, 联合委员会, 联合声明, 联合公报 are names; 联合的 an adjective.
        "联合" => {
            !seg[p + w.len()..].starts_with(['体', '国', '会', '党', '的', '委', '声', '公'])
        }
        _ => true,
    };
    let Some((p, w)) = ["联合", "会同", "联同"]
        .iter()
        .filter_map(|w| {
            seg.match_indices(w)
                .map(|(p, _)| p)
                .find(|&p| is_partner_word(p, w))
                .map(|p| (p, *w))
        })
        .min()
    else {
        return Vec::new();
    };
    let from = p + w.len();
    let rest = &seg[from..];
    let stop = rest.find([',', '。', ';', ':', '，']).unwrap_or(rest.len());
    let mut list = &rest[..stop];
    // The list ends where the clause goes on: 会同各村在6月底前完成… → 各村.
    for verb in [
        "在", "于", "对", "将", "把", "共同", "一起", "做好", "开展", "推进", "完成", "建立",
        "加强",
    ] {
        if let Some(i) = list.find(verb).filter(|&i| i > 0) {
            list = &list[..i];
        }
    }
    for tail in ["等有关部门", "等相关部门", "等部门", "等单位", "等"] {
        if let Some(i) = list.find(tail) {
            list = &list[..i];
            break;
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for part in list.split(['、', '和', '及']) {
        let t = part.trim();
        if !t.is_empty() && t.chars().count() <= 16 {
            let lead = part.len() - part.trim_start().len();
            out.push((s + from + at + lead, s + from + at + lead + t.len()));
        }
        at += part.len() + '、'.len_utf8(); // 、 和 及 are all three bytes
    }
    out
}

/// Finds the directive sentences of `text`.
pub(crate) fn actions(text: &str) -> Vec<FoundAction> {
    let mut out = Vec::new();
    for (s, e) in sentences(text) {
        let sentence = &text[s..e];
        let Some((at, w, strength)) = modal_in(sentence) else {
            continue;
        };
        let modal_at = s + at;
        out.push(FoundAction {
            start: s,
            end: e,
            modal: (modal_at, modal_at + w.len()),
            strength,
            actor: actor(text, s, modal_at),
            partners: partners(text, s, e),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(text: &str) -> Vec<(String, Strength, Option<String>, Vec<String>)> {
        actions(text)
            .into_iter()
            .map(|a| {
                (
                    text[a.modal.0..a.modal.1].to_string(),
                    a.strength,
                    a.actor.map(|(x, y)| text[x..y].to_string()),
                    a.partners
                        .iter()
                        .map(|&(x, y)| text[x..y].to_string())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn directives() {
        use Strength::*;
        type Case = (
            &'static str,
            &'static str,
            Strength,
            Option<&'static str>,
            &'static [&'static str],
        );
        const CASES: &[Case] = &[
            (
                "区数据资源管理部门要牵头,联合工信、科技、金融等部门,建立服务体系。",
                "要",
                Duty,
                Some("区数据资源管理部门"),
                &["工信", "科技", "金融"],
            ),
            (
                "各牵头单位要进一步压实责任。",
                "要",
                Duty,
                Some("各牵头单位"),
                &[],
            ),
            (
                "县教育局要在6月底前完成摸排。",
                "要",
                Duty,
                Some("县教育局"),
                &[],
            ),
            ("市商务局牵头负责。", "牵头", Duty, Some("市商务局"), &[]),
            (
                "各乡镇、各部门必须落实责任。",
                "必须",
                Hard,
                Some("各乡镇、各部门"),
                &[],
            ),
            ("严禁在互联网上处理涉密信息。", "严禁", Hard, None, &[]),
            ("力争到2026年底建成标杆区域。", "力争", Aim, None, &[]),
            ("鼓励社会资本参与。", "鼓励", Soft, None, &[]),
            (
                "各单位主要负责同志是第一责任人,必须落实等级保护制度。",
                "必须",
                Hard,
                Some("各单位主要负责同志"),
                &[],
            ),
            (
                "镇农业农村办要牵头,会同各村在6月底前完成整改。",
                "要",
                Duty,
                Some("镇农业农村办"),
                &["各村"],
            ),
            (
                "各区要在2025年6月底前制定实施细则。",
                "要",
                Duty,
                Some("各区"),
                &[],
            ),
            (
                "第五条 养犬人应当办理登记。",
                "应当",
                Duty,
                Some("养犬人"),
                &[],
            ),
            (
                "县大数据中心要牵头,会同县公安局、县人社局等部门完成对接。",
                "要",
                Duty,
                Some("县大数据中心"),
                &["县公安局", "县人社局"],
            ),
            // 会同 inside 社会同步 is no partner.
            (
                "防震减灾工作要继续加强,实现防震减灾事业与经济和社会同步协调发展。",
                "要",
                Duty,
                None,
                &[],
            ),
            // 联合体 is a noun, not 联合 + partners.
            (
                "联合体内的各企业,要按照协议分工负责。",
                "要",
                Duty,
                Some("联合体内的各企业"),
                &[],
            ),
            // The unit stands in the clause before the one the modal opens.
            (
                "为全面做好防震减灾工作,各地区、各部门特别是重点防御区所在地人民政府,要按照通知精神制定措施。",
                "要",
                Duty,
                Some("各地区、各部门特别是重点防御区所在地人民政府"),
                &[],
            ),
        ];
        for (text, modal, strength, actor, partners) in CASES {
            let g = got(text);
            assert_eq!(g.len(), 1, "{text}: {g:?}");
            let want = (
                modal.to_string(),
                *strength,
                actor.map(String::from),
                partners.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            );
            assert_eq!(g[0], want, "{text}");
        }
    }

    #[test]
    fn not_directives() {
        for t in [
            "加大财政支持。",
            "实行政府负责、部门协同的原则。",
            "这是一项重要工作。",
            "主要任务有三个。",
            "数据是新型生产要素。",
            "按照上级的要求。",
            "成绩来之不易。",
        ] {
            assert_eq!(got(t), vec![], "{t}");
        }
    }
}
