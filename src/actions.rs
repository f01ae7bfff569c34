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
    ("决不", Strength::Hard),
    ("绝不", Strength::Hard),
    ("一定要", Strength::Duty),
    ("一定", Strength::Duty),
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
    ("可以", Strength::Soft),
];

/// Words that hold a directive word without being one (`积极性`, `负责任`, `支持力度`,
/// `斗争取得`), or use it of the past or as a figure of speech (`要看到`): a directive word
/// inside one of these is passed over.
const NOT_DIRECTIVE_WORDS: &[&str] = &[
    "积极性",
    "积极分子",
    "积极因素",
    "积极作用",
    "积极贡献",
    "积极建设性",
    "积极变化",
    "积极进展",
    "积极成效",
    "积极信号",
    "积极作为",
    "负责任",
    "负责人",
    "支持力度",
    "支持下",
    "大力支持",
    "关心和支持",
    "关心支持",
    "要挟",
    "不得已",
    "不得不",
    "斗争取得",
    "努力下",
    "自身努力",
    "共同努力",
    "一定程度",
    "一定比例",
    "一定额度",
    "一定数量",
    "一定规模",
    "一定时期",
    "一定范围",
    "一定条件",
    "一定的",
    "要看到",
    "要认识到",
    "可以说",
    "可以看到",
    "可以看出",
    "可以预见",
    "探索性",
];

/// Thanks and greetings close a report or a speech; they set no work.
const THANKS: &[&str] = &[
    "表示诚挚感谢",
    "表示衷心感谢",
    "表示衷心的感谢",
    "表示诚挚的感谢",
    "致以崇高敬意",
    "致以崇高的敬意",
    "致以诚挚问候",
    "致以诚挚的问候",
    "致以亲切的问候",
    "表示感谢",
];

/// Verbs (and the adverbs that go before them) that open a bare imperative in a part that
/// sets work: `有序推进人民币国际化。`, `改革完善招投标制度。`, `加强新兴产业统计。`.
const IMPERATIVES: &[&str] = &[
    "加强",
    "加快",
    "加大",
    "加紧",
    "推进",
    "推动",
    "推广",
    "推行",
    "推出",
    "完善",
    "健全",
    "建立",
    "建设",
    "建成",
    "深化",
    "实施",
    "实行",
    "落实",
    "强化",
    "扩大",
    "优化",
    "提高",
    "提升",
    "开展",
    "坚持",
    "做好",
    "办好",
    "抓好",
    "管好",
    "用好",
    "组织",
    "制定",
    "编制",
    "修订",
    "出台",
    "引导",
    "发挥",
    "促进",
    "保持",
    "稳定",
    "保障",
    "严守",
    "严格",
    "严厉",
    "严肃",
    "严防",
    "守住",
    "遏制",
    "防范",
    "防止",
    "打击",
    "依法",
    "大力",
    "全面",
    "深入",
    "持续",
    "稳步",
    "稳妥",
    "有序",
    "切实",
    "进一步",
    "着力",
    "扎实",
    "统筹",
    "培育",
    "打造",
    "构建",
    "创新",
    "规范",
    "简化",
    "降低",
    "减少",
    "压减",
    "退出",
    "淘汰",
    "新增",
    "增加",
    "取消",
    "放宽",
    "增强",
    "下放",
    "授予",
    "启动",
    "突出",
    "允许",
    "试行",
    "筹办",
    "遵循",
    "借鉴",
    "运用",
    "适应",
    "对标",
    "聚焦",
    "围绕",
    "瞄准",
    "发展",
    "部署",
    "设立",
    "设置",
    "免收",
    "免征",
    "继续",
    "孵化",
    "编制",
    "选育",
    "改革",
    "整合",
    "清理",
    "调整",
    "拓展",
    "拓宽",
    "丰富",
    "补齐",
    "夯实",
    "巩固",
    "提速",
    "压实",
    "鼓励",
    "支持",
    "积极",
    "充分",
    "不断",
    "主动",
    "精准",
    "高质量",
    "大幅",
    "全力",
    "努力",
    "力争",
    "确保",
    "坚决",
    "研究",
    "探索",
    "谋划",
    "布局",
    "实现",
    "形成",
    "树立",
    "践行",
    "牢固",
    "弘扬",
    "营造",
    "激发",
    "释放",
    "畅通",
    "打通",
    "贯彻",
    "认真",
    "及时",
    "定期",
    "逐步",
    "适时",
    "合理",
    "科学",
    "集中",
    "重点",
    "率先",
    "分类",
    "因地制宜",
    "以",
    "将",
    "把",
    "对",
    "让",
];

/// Qualifiers that make a number a target: `5%左右`, `1100万人以上`, `5.5%以内`.
const TARGET_QUALIFIERS: &[&str] = &["左右", "以上", "以内", "以下", "不低于", "不少于", "不超过"];

/// Automata over the word lists that are tried at many positions of every sentence.
struct Lists {
    /// [`ACTOR_SUFFIXES`], all matches (overlapping), to find where units end.
    suffixes: aho_corasick::AhoCorasick,
    /// [`PREDICATE_STARTS`], leftmost first.
    predicates: aho_corasick::AhoCorasick,
    /// [`THANKS`].
    thanks: aho_corasick::AhoCorasick,
    /// [`NOT_DIRECTIVE_WORDS`], all matches.
    not_directive: aho_corasick::AhoCorasick,
    /// [`TARGET_QUALIFIERS`].
    qualifiers: aho_corasick::AhoCorasick,
    /// [`ACTION_LEADS`], anchored at the start.
    action_leads: aho_corasick::AhoCorasick,
    /// [`ACTION_WORDS`].
    action_words: aho_corasick::AhoCorasick,
}

static LISTS: std::sync::LazyLock<Lists> = std::sync::LazyLock::new(|| {
    use aho_corasick::{AhoCorasick, MatchKind, StartKind};
    Lists {
        suffixes: AhoCorasick::new(ACTOR_SUFFIXES).expect("suffixes build"),
        predicates: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(PREDICATE_STARTS)
            .expect("predicates build"),
        thanks: AhoCorasick::new(THANKS).expect("thanks build"),
        not_directive: AhoCorasick::new(NOT_DIRECTIVE_WORDS).expect("words build"),
        qualifiers: AhoCorasick::new(TARGET_QUALIFIERS).expect("qualifiers build"),
        action_leads: AhoCorasick::builder()
            .start_kind(StartKind::Anchored)
            .build(ACTION_LEADS)
            .expect("action leads build"),
        action_words: AhoCorasick::new(ACTION_WORDS).expect("action words build"),
    }
});

/// The length of a point's marker `一是`, `十二是` that opens `s`, or 0.
fn point_marker_len(s: &str) -> usize {
    let digits: usize = s
        .chars()
        .take_while(|&c| crate::numerals::cn_digit(c).is_some() || c == '十')
        .take(3)
        .map(char::len_utf8)
        .sum();
    if digits > 0 && s[digits..].starts_with('是') {
        digits + '是'.len_utf8()
    } else {
        0
    }
}

/// Whether `s` opens with one of [`ACTION_LEADS`].
fn opens_with_action(s: &str) -> bool {
    let input = aho_corasick::Input::new(s).anchored(aho_corasick::Anchored::Yes);
    LISTS.action_leads.find(input).is_some()
}

/// Whether `s` opens with a verb of [`IMPERATIVES`]: its first one to four characters looked
/// up in a set.
fn opens_with_imperative(s: &str) -> bool {
    s.char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .take(4)
        .any(|end| IMPERATIVE_SET.contains(&s[..end]))
}

static IMPERATIVE_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| IMPERATIVES.iter().copied().collect());

/// Whether `s` ends with one of [`ACTOR_SUFFIXES`].
pub(crate) fn ends_with_unit(s: &str) -> bool {
    LISTS
        .suffixes
        .find_overlapping_iter(s)
        .any(|m| m.end() == s.len() && is_unit_suffix(s, m.start()))
}

/// Whether the suffix found at `at` ends a unit, not a word that ends like one: 全部, 内部,
/// 西部 are no 部; 社会, 机会 no 会.
fn is_unit_suffix(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    // 地区 and 基金 alone name nothing (`地区生产总值`); 各地区, 国家融资担保基金 do.
    if before.is_none() && (s[at..].starts_with("地区") || s[at..].starts_with("基金")) {
        return false;
    }
    match s[at..].chars().next() {
        // 办法, 办理, 办事 are no office.
        Some('办') => {
            let after = &s[at + '办'.len_utf8()..];
            after.starts_with("事处") || !after.starts_with(['法', '理', '事', '好'])
        }
        Some('部') => !before.is_some_and(|c| "全内局外中西东北南头底细干".contains(c)),
        Some('会') => !before.is_some_and(|c| "社机体误领理".contains(c)),
        _ => true,
    }
}

/// The end of the last unit suffix in `head`: where the longest run that ends with a unit
/// ends.
fn last_unit_end(head: &str) -> Option<usize> {
    let end = LISTS
        .suffixes
        .find_overlapping_iter(head)
        .filter(|m| is_unit_suffix(head, m.start()))
        .map(|m| m.end())
        .max()?;
    // `省级担保、再担保基金（机构）`: a bracket opened before the unit's end closes after it.
    let opened =
        head[..end].matches(['(', '（']).count() > head[..end].matches([')', '）']).count();
    match head[end..].chars().next() {
        Some(c @ (')' | '）')) if opened => Some(end + c.len_utf8()),
        _ => Some(end),
    }
}

/// Where the first of [`PREDICATE_STARTS`] stands in `s` at or after `from`.
fn predicate_at(s: &str, from: usize) -> Option<usize> {
    LISTS
        .predicates
        .find(aho_corasick::Input::new(s).range(from..))
        .map(|m| m.start())
}

/// Where in a document directives are read.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Scope<'a> {
    /// Ranges that review the past (a work report's `一、2025年工作回顾`): no directives.
    pub past: &'a [(usize, usize)],
    /// Ranges of the parts that set work: there a sentence that opens with a verb or states a
    /// target is a directive without a directive word ([`Strength::Plain`]).
    pub tasks: &'a [(usize, usize)],
    /// Headings that are the whole of their measure (`（三）将…权限下放至自贸试验区。（负责
    /// 部门：…）`): in a part that sets work, each of their sentences is a directive.
    pub measures: &'a [(usize, usize)],
    /// Removed omission and paywall lines: a sentence cut by one ends there, and the text
    /// after it is another.
    pub breaks: &'a [(usize, usize)],
    /// The text is a law or regulation: a provision whose subject is a unit and whose verb
    /// sets work (`国家实施统一的国民经济核算制度`, `本市建立…制度`) is a directive without a
    /// directive word.
    pub law: bool,
}

/// Verbs by which a provision of a law sets work for its subject.
const PROVISION_VERBS: &[&str] = &[
    "建立", "实施", "实行", "加强", "鼓励", "支持", "推进", "推动", "制定", "统一", "主管", "负责",
    "组织", "建设", "完善", "健全", "保障", "促进", "探索", "设立", "发挥", "指导", "监督", "编制",
    "公布", "推行", "依法",
];

/// A provision of a law that sets work without a directive word: its subject names a unit and
/// its verb is one of [`PROVISION_VERBS`].
fn is_provision(sentence: &str) -> bool {
    subject_actor(sentence, 0, sentence.len()).is_some_and(|(_, e)| {
        let rest = sentence[e..].trim_start();
        PROVISION_VERBS.iter().any(|v| rest.starts_with(v))
    }) || any_agent(sentence, 0, sentence.len()).is_some()
}

/// The agent named with 由 in any clause of the sentence `(s, e)`: `…的，由上一级行政机关责令
/// 改正`.
fn any_agent(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    std::iter::once(s)
        .chain(
            text[s..e]
                .match_indices([',', '，', ';', '；'])
                .map(|(p, c)| s + p + c.len()),
        )
        .filter(|&at| at < e)
        .find_map(|at| agent_actor(text, s, at))
}

/// The pieces of the sentence `(s, e)` between the breaks inside it, trimmed.
fn pieces(text: &str, (s, e): (usize, usize), breaks: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let first = breaks.partition_point(|b| b.1 <= s);
    let mut out = Vec::new();
    let mut at = s;
    for b in breaks[first..].iter().take_while(|b| b.0 < e) {
        out.push((at, b.0.max(at)));
        at = b.1.min(e);
    }
    out.push((at, e));
    out.into_iter()
        .filter_map(|(a, b)| {
            let seg = &text[a..b];
            let t = seg.trim();
            (!t.is_empty()).then(|| {
                let lead = seg.len() - seg.trim_start().len();
                (a + lead, a + lead + t.len())
            })
        })
        .collect()
}

pub(crate) fn within(ranges: &[(usize, usize)], pos: usize) -> bool {
    let i = ranges.partition_point(|r| r.0 <= pos);
    i > 0 && pos < ranges[i - 1].1
}

/// A sentence by which the government commits itself: `我们一定要…`, `我们必须…`, `我们将…`.
fn commits(sentence: &str) -> bool {
    let s = sentence
        .trim_start()
        .trim_start_matches(['对', '此', ',', '，']);
    s.strip_prefix("我们").is_some_and(|rest| {
        ["一定", "要", "必须", "将", "决不", "绝不", "务必", "既要"]
            .iter()
            .any(|w| rest.trim_start_matches(['也', '还', '更']).starts_with(w))
    })
}

/// A sentence that tells of the past: `…已经形成`, `…取得了…`, `编制了…`.
fn tells_of_the_past(sentence: &str) -> bool {
    if sentence.contains("已经") {
        return true;
    }
    sentence.match_indices('了').any(|(i, _)| {
        let before = &sentence[..i];
        let after = &sentence[i + '了'.len_utf8()..];
        !(before.ends_with('为')
            || before.ends_with('除')
            || before.ends_with('不')
            || before.ends_with('明')
            || after.starts_with('解')
            || after.starts_with('结')
            || after.starts_with('如'))
    })
}

/// A bare imperative or a target: the sentence, past its marker, a time and a subject such
/// as 我们, opens with a verb of [`IMPERATIVES`] or `到2030年`, or holds a number with a
/// target's qualifier.
fn is_plain(sentence: &str) -> bool {
    let mut s = sentence.trim_start();
    if let Some(m) = crate::structure::markers::parse_marker(s) {
        s = s[m.len..].trim_start_matches([' ', '.', '、']);
    }
    for lead in [
        "一是",
        "二是",
        "三是",
        "四是",
        "五是",
        "六是",
        "七是",
        "八是",
        "九是",
        "十是",
        "首先,",
        "其次,",
        "再次,",
        "最后,",
        "同时,",
        "此外,",
        "另外,",
        "下一步,",
        "为此,",
        "今年",
        "明年",
        "年内",
        "我们",
        "全省",
        "全市",
        "全区",
        "全县",
        "各地",
        ",",
    ] {
        if let Some(rest) = s.strip_prefix(lead) {
            s = rest.trim_start();
        }
    }
    if let Some(rest) = time_lead(s) {
        return !rest.is_empty();
    }
    // A result (`…取得新成效`) is no work to do.
    if s.contains("取得") {
        return false;
    }
    // A `——` bullet of a part that sets work is a target or a measure; `每300户…设置1个…`
    // a norm.
    let norm = s.starts_with('每') && s.contains(|c: char| c.is_ascii_digit());
    if s.starts_with("——") || norm || opens_with_imperative(s) {
        return true;
    }
    // `国务院办公厅将加强…`, `县级以上地方人民政府结合本地实际…制定`: a unit that does
    // something (not one that is something: `…是主管部门`).
    if let Some((_, e)) = subject_actor(s, 0, s.len()) {
        let rest = s[e..].trim_start();
        if opens_with_imperative(rest)
            || PREDICATE_STARTS
                .iter()
                .filter(|w| !matches!(**w, "是" | "为" | "作为"))
                .any(|w| rest.starts_with(w))
        {
            return true;
        }
    }
    states_target(sentence)
}

/// `到2030年,` `2026年底前,`: the rest of the sentence after a deadline that opens it.
fn time_lead(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('到').or_else(|| s.strip_prefix("力争到"))?;
    let digits = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || "〇○零一二三四五六七八九".contains(c)
            })
            .len();
    let rest = rest[digits..].strip_prefix('年').filter(|_| digits > 0)?;
    let rest = rest.trim_start_matches(['底', '末', '前', ',', ' ']);
    Some(rest)
}

/// A number with a target's qualifier right after it (`增长5%左右`, `52万吨以上`).
fn states_target(sentence: &str) -> bool {
    LISTS.qualifiers.find_iter(sentence).any(|m| {
        sentence[..m.start()]
            .chars()
            .rev()
            .take(6)
            .take_while(|c| !matches!(c, ',' | '，' | '、' | ';' | '。'))
            .any(|c| c.is_ascii_digit() || c == '%')
    })
}

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
    "派出所",
    "院所",
    "研究所",
    "事务所",
    "司法所",
    "税务所",
    "财政所",
    "工商所",
    "卫生所",
    "供电所",
    "管理所",
    "服务所",
    "检验所",
    "监测所",
    "审计所",
    "站",
    "队",
    "会",
    "人员",
    "审计组",
    "组织和个人",
    "单位和个人",
    "省市",
    "主体",
    "海关",
    "本市",
    "本省",
    "第三方",
    "各方",
    "同胞",
    "财政",
    "大省",
    "省(区、市)",
    "省（区、市）",
    "的地区",
    "的地方",
    "地区",
    "基金",
    "办事处",
    "有关方面",
    "各方面",
    "办公室",
    "省(市)",
    "省（市）",
    "有关地方",
    "各地方",
    "各自贸试验区",
    "团体",
    "监督员",
];

/// Adverbs between an actor and its directive word: `各地区都要`, `乡镇人民政府还应当`.
const ACTOR_ADVERBS: &[char] = &['都', '也', '还', '仍', '均', '则', '又', '亦', '须', '务'];

/// Words that end the subject of a sentence: the predicate starts there (`审计机关履行…`,
/// `县级以上地方人民政府结合本地实际…`, `…人民政府作为…主体`).
const PREDICATE_STARTS: &[&str] = &[
    "结合", "根据", "按照", "依照", "依据", "依法", "对", "在", "将", "把", "应", "可", "要",
    "负责", "履行", "办理", "收到", "发现", "作为", "是", "为", "从", "向", "与", "同", "通过",
    "认为", "制定", "会同", "牵头", "指导", "不得", "必须", "需", "按", "实行", "实施", "建立",
    "开展", "不再", "依托",
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
    /// The directive word; `None` for a bare imperative.
    pub modal: Option<(usize, usize)>,
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
    // The marks by memchr: no byte of a multi-byte character is one of `\n;!?`, and 。 is
    // E3 80 82, the only one of them to end in 82.
    let bytes = text.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr3_iter(b'\n', b';', 0x82, bytes)
        .chain(memchr::memchr2_iter(b'!', b'?', bytes))
        .collect();
    marks.sort_unstable();
    for i in marks {
        // Where the sentence ends, and where the next starts.
        let (end, next) = match bytes[i] {
            b'\n' if runs_on(text, start, i) => continue,
            b'\n' => (i, i + 1),
            0x82 if i < 2 || bytes[i - 2..i] != [0xE3, 0x80] => continue,
            _ => (i + 1, i + 1),
        };
        push(start, end);
        start = next;
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
        if inside_a_word(sentence, at, m.end()) {
            continue;
        }
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
    agent_actor(text, s, modal_at)
        .or_else(|| clause_actor(text, s, modal_at))
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
            let ok = (2..=24).contains(&n) && !cand.contains([',', '，']) && ends_with_unit(cand);
            ok.then_some((s + lead, s + lead + cand.len()))
        })
        .or_else(|| previous_clause_actor(text, s, modal_at))
        .or_else(|| subject_actor(text, s, modal_at))
}

/// An actor never runs over a line break: a paragraph without its full stop runs on into the
/// next (`…统一部署` / `各地方、各部门、各单位都应当…`), whose opening names the unit.
fn on_its_line(text: &str, (a, b): (usize, usize)) -> (usize, usize) {
    match text[a..b].rfind('\n') {
        Some(p) => {
            let rest = &text[a + p + 1..b];
            (b - rest.trim_start().len(), b)
        }
        None => (a, b),
    }
}

/// Where the first directive word names no actor, the unit of a later clause of the sentence:
/// the subject of a later directive word (`要加大…力度,机关、事业单位和国有企业要带头清欠`) or an
/// agent with 由 in a clause before the directive word (`…所需经费,由国务院和地方人民政府共同负担,
/// …,确保到位`).
fn other_actor(text: &str, s: usize, modal: (usize, usize), e: usize) -> Option<(usize, usize)> {
    let mut from = modal.1;
    for _ in 0..3 {
        let Some((at, w, strength)) = modal_in(&text[from..e]) else {
            break;
        };
        let at = from + at;
        let unit = clause_actor(text, s, at).filter(|&(a, b)| {
            let cand = &text[a..b];
            matches!(strength, Strength::Hard | Strength::Duty)
                && text[..a].ends_with([',', '，', ';', '；'])
                && !opens_with_action(cand)
                && !opens_with_imperative(cand)
                && !cand.contains(['把', '将'])
                && modal_in(cand).is_none()
                && !["社会", "工作", "大会"].iter().any(|w| cand.ends_with(w))
        });
        if unit.is_some() {
            return unit;
        }
        from = at + w.len();
    }
    text[s..modal.0]
        .match_indices([',', '，'])
        .find_map(|(p, _)| agent_actor(text, s, s + p))
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
        && ends_with_unit(cand)
        && !cand.contains(char::is_numeric)
        && !opens_with_action(cand)
        && !LISTS.action_words.is_match(cand)
        && !["大局", "全局", "格局", "布局", "新局", "为中心"]
            .iter()
            .any(|w| cand.ends_with(w));
    ok.then_some((a, a + cand.len()))
}

/// Verbs after the agent named with 由: `由A负责`, `由A制定`, `由A和B共同负担`.
const AGENT_VERBS: &[&str] = &[
    "负责", "制定", "责令", "实施", "共同", "统筹", "组织", "审批", "决定", "依法", "统一", "编制",
];

/// The agent named with 由 in the clause of the directive word: `…的政府信息,由牵头制作的
/// 行政机关负责公开` → 牵头制作的行政机关; `由县级以上人民政府统计机构责令改正`.
fn agent_actor(text: &str, s: usize, at: usize) -> Option<(usize, usize)> {
    let line_end = text[at..]
        .find([',', ';', '。', '，', '；'])
        .map_or(text.len(), |p| at + p);
    let clause_start = text[s..at]
        .rfind([',', ';', '，', '；'])
        .map_or(s, |p| s + p + 1);
    let clause_start = (clause_start..=at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let clause = &text[clause_start..line_end];
    let p = clause.match_indices('由').map(|(p, _)| p).find(|&p| {
        let after = &clause[p + '由'.len_utf8()..];
        !after.starts_with(['于', '此']) && !clause[..p].ends_with(['理', '自', '缘'])
    })?;
    let from = clause_start + p + '由'.len_utf8();
    let rest = &text[from..line_end];
    // The agent runs to the verb: the longest run that ends with a unit, before a verb.
    let stop = AGENT_VERBS.iter().filter_map(|w| rest.find(w)).min()?;
    let head = &rest[..stop];
    let end = last_unit_end(head)?;
    let n = head[..end].chars().count();
    (2..=24).contains(&n).then_some((from, from + end))
}

/// The subject that opens a sentence: the longest run of its first clause, before the word
/// where its predicate starts, that ends with a unit (`审计机关和审计人员办理审计事项,应当…`
/// → 审计机关和审计人员; `国务院办公厅将加强…` → 国务院办公厅).
fn subject_actor(text: &str, s: usize, end: usize) -> Option<(usize, usize)> {
    subject_in(text, s, end, false).or_else(|| {
        // `为…,国务院决定…`, `经本次大会批准后,省政府将…`: after a clause of purpose or
        // condition, the next clause opens with the subject.
        let t = &text[s..end];
        let opener = ["为", "经"].iter().any(|w| t.trim_start().starts_with(w));
        let p = t.find([',', '，'])?;
        let next = s + p + t[p..].chars().next().map_or(1, char::len_utf8);
        opener.then(|| subject_in(text, next, end, true)).flatten()
    })
}

/// [`subject_actor`] of the first clause only; `later` when that clause follows an opening
/// one.
fn subject_in(text: &str, s: usize, end: usize, later: bool) -> Option<(usize, usize)> {
    let mut a = s;
    let mut clause = &text[s..end];
    // `到2019年底,市场监管部门完成…`: the subject follows the deadline.
    if let Some(rest) = time_lead(clause) {
        a += clause.len() - rest.len();
        clause = rest;
    }
    if let Some(p) = clause.find([',', ':', ';', '，', '：', '；']) {
        clause = &clause[..p];
    }
    if let Some(m) = crate::structure::markers::parse_marker(clause) {
        let rest = clause[m.len..].trim_start();
        a += clause.len() - rest.len();
        clause = rest;
    }
    let k = point_marker_len(clause);
    a += k;
    clause = &clause[k..];
    for lead in CLAUSE_LEADS {
        if let Some(rest) = clause.strip_prefix(lead) {
            a += lead.len();
            clause = rest;
        }
    }
    let bare = clause.trim_start_matches(['—', ' ']);
    a += clause.len() - bare.len();
    clause = bare;
    if opens_with_action(clause)
        || opens_with_imperative(clause)
        || [
            "由",
            "经",
            "凡",
            "如",
            "今天",
            "当前",
            "目前",
            "现在",
            "近年来",
            "这次",
            "此次",
        ]
        .iter()
        .any(|w| clause.starts_with(w))
    {
        return None;
    }
    // `国家实施统一的国民经济核算制度`, `国家鼓励…`: the state sets the work.
    if let Some(rest) = clause.strip_prefix("国家") {
        if PROVISION_VERBS.iter().any(|v| rest.starts_with(v)) {
            return Some((a, a + "国家".len()));
        }
    }
    // The predicate starts at the first such word past the first two characters.
    let min = clause
        .char_indices()
        .nth(2)
        .map_or(clause.len(), |(i, _)| i);
    let stop = predicate_at(clause, min).unwrap_or(clause.len());
    let head = &clause[..stop];
    let end = last_unit_end(head)?;
    // `高风险食品生产经营企业的目录`: a unit before 的 qualifies the subject, it is not it.
    if head[end..].starts_with('的') {
        return None;
    }
    // 所需经费: 所 there is no institute.
    if head[..end].ends_with('所') && clause[end..].starts_with(['需', '有', '得', '称', '谓'])
    {
        return None;
    }
    let mut cand = head[..end].trim_end_matches(ACTOR_ADVERBS);
    // `具体管理办法由海南省人民政府制定`: the agent after 由 is the actor, not the topic.
    if let Some(p) = cand.rfind('由').filter(|&p| {
        p > 0
            && !cand[..p].ends_with(['自', '理', '缘', '来', '经'])
            && !cand[p + '由'.len_utf8()..].starts_with(['于', '此'])
    }) {
        let agent = &cand[p + '由'.len_utf8()..];
        let after = &clause[cand.len()..];
        if !ends_with_unit(agent) || !AGENT_VERBS.iter().any(|v| after.starts_with(v)) {
            return None;
        }
        a += p + '由'.len_utf8();
        cand = agent;
    }
    let n = cand.chars().count();
    // After an opening clause, verbs and particles inside a candidate show it is a clause, not
    // a unit.
    let clause_like = later
        && [
            "希望", "责成", "促进", "由", "向", "将", "已", "规范", "我们",
        ]
        .iter()
        .any(|w| cand.contains(w));
    let ok = (2..=24).contains(&n)
        && !clause_like
        && !cand.contains(char::is_numeric)
        && !LISTS.action_words.is_match(cand)
        && !["大局", "全局", "格局", "布局", "新局", "社会"]
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
    // An article's or a point's marker is no part of its actor: `第五条 养犬人应当…`,
    // `一是市商务局要…`.
    if let Some(m) = crate::structure::markers::parse_marker(cand) {
        let rest = &cand[m.len..];
        let rest_trimmed = rest.trim_start();
        a += m.len + (rest.len() - rest_trimmed.len());
        cand = rest_trimmed;
    }
    let k = point_marker_len(cand);
    a += k;
    cand = &cand[k..];
    for lead in CLAUSE_LEADS {
        if let Some(rest) = cand.strip_prefix(lead) {
            a += lead.len();
            cand = rest;
        }
    }
    // `建立由A、B牵头的…`: the units after 由 (not the 由 of 自由, 理由).
    if let Some(p) = cand
        .rfind('由')
        .filter(|&p| !cand[..p].ends_with(['自', '理', '缘', '来']))
    {
        a += p + '由'.len_utf8();
        cand = &cand[p + '由'.len_utf8()..];
    }
    // `A对B负责`: A answers to B.
    if let Some(p) = cand.find('对').filter(|&p| p > 0) {
        if ends_with_unit(&cand[..p]) {
            cand = &cand[..p];
        }
    }
    let trimmed = cand.trim().trim_end_matches(ACTOR_ADVERBS);
    let n = trimmed.chars().count();
    // 养犬人, 经营者: a short noun for a person is an actor too (个人, 他人 name nobody);
    // 各区, 各县: every unit of a kind.
    let person = (3..=5).contains(&n) && (trimmed.ends_with('人') || trimmed.ends_with('者'))
        || (2..=4).contains(&n) && trimmed.starts_with('各');
    let unit = ends_with_unit(trimmed);
    // `对于少数民族地区…要`, `破除地区封锁`: a clause about something, not a unit.
    let about = opens_with_action(trimmed)
        || opens_with_imperative(trimmed)
        || ["我们", "对于", "关于"]
            .iter()
            .any(|w| trimmed.starts_with(w));
    if !(2..=24).contains(&n) || !(person || unit) || about {
        return None;
    }
    let lead = cand.len() - cand.trim_start().len();
    Some((a + lead, a + lead + trimmed.len()))
}

/// Verbs that go on after a list of partners (`会同人民银行出台…`), besides
/// [`PREDICATE_STARTS`].
const PARTNER_VERBS: &[&str] = &[
    "于", "共同", "一起", "做好", "推进", "完成", "加强", "出台", "研究", "组织", "落实", "推动",
    "加快", "健全", "完善", "印发", "明确", "督促", "抓好", "部署", "继续", "探索",
];

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
    // Most sentences hold none of the words: a plain scan for them first.
    if crate::lines::find_short(seg, "联").is_none()
        && crate::lines::find_short(seg, "会同").is_none()
    {
        return Vec::new();
    }
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
    let list = &rest[..stop];
    // `联合工信、科技、金融等部门`: the names before 等 need not end as units.
    let (list, listed) = match ["等有关部门", "等相关部门", "等部门", "等单位"]
        .iter()
        .find_map(|t| list.find(t))
    {
        Some(i) => (&list[..i], true),
        None => (list, false),
    };
    // Otherwise the list runs while its names end as units, and ends where the clause goes on:
    // `会同有关部门制定联合抽查事项清单` → 有关部门; `会同各村在6月底前完成` → 各村.
    let mut out = Vec::new();
    let mut at = 0;
    while at < list.len() {
        let rest = &list[at..];
        // A piece ends at 、, or at 和/及 after a unit (`财政部和人民银行`, not 工业和信息化部).
        let piece_end = rest
            .char_indices()
            .find(|&(i, c)| {
                c == '、' || (matches!(c, '和' | '及') && i > 0 && ends_with_unit(&rest[..i]))
            })
            .map_or(list.len(), |(i, _)| at + i);
        let piece = &list[at..piece_end];
        let unit_end = if listed {
            Some(piece.len())
        } else {
            let min = piece.char_indices().nth(2).map_or(piece.len(), |(i, _)| i);
            let verb = PARTNER_VERBS
                .iter()
                .filter_map(|v| piece[min..].find(v).map(|p| min + p))
                .chain(predicate_at(piece, min))
                .min();
            last_unit_end(&piece[..verb.unwrap_or(piece.len())])
        };
        let Some(unit_end) = unit_end else {
            break;
        };
        let unit = &piece[..unit_end];
        let (a, b) = (
            at + unit.len() - unit.trim_start().len(),
            at + unit.trim_end().len(),
        );
        if b > a && unit.trim().chars().count() <= 16 {
            out.push((s + from + a, s + from + b));
        }
        if unit_end < piece.len() || piece_end == list.len() {
            break;
        }
        at = piece_end + '、'.len_utf8(); // 、 和 及 are all three bytes
    }
    out
}

/// Whether the directive word at `start..end` of `sentence` stands inside one of
/// [`NOT_DIRECTIVE_WORDS`].
fn inside_a_word(sentence: &str, start: usize, end: usize) -> bool {
    // The longest such word is five characters: look at most that far either side.
    let from = sentence[..start]
        .char_indices()
        .rev()
        .nth(4)
        .map_or(0, |(i, _)| i);
    let to = sentence[end..]
        .char_indices()
        .nth(5)
        .map_or(sentence.len(), |(i, _)| end + i);
    LISTS
        .not_directive
        .find_overlapping_iter(&sentence[from..to])
        .any(|m| from + m.start() <= start && end <= from + m.end())
}

/// Finds the directive sentences of `text`, as if all of it set work.
#[cfg(test)]
pub(crate) fn actions(text: &str) -> Vec<FoundAction> {
    actions_in(text, &Scope::default())
}

/// Finds the directive sentences of `text` in `scope`.
pub(crate) fn actions_in(text: &str, scope: &Scope) -> Vec<FoundAction> {
    let mut out = Vec::new();
    let mut all = sentences(text);
    if !scope.breaks.is_empty() {
        all = all
            .iter()
            .flat_map(|&r| pieces(text, r, scope.breaks))
            .collect();
    }
    for (s, e) in all {
        let sentence = &text[s..e];
        // In a review only a commitment counts: `我们一定要直面问题…`.
        if within(scope.past, s) && !commits(sentence) {
            continue;
        }
        let found = modal_in(sentence);
        let plain = || {
            (within(scope.tasks, s) && (is_plain(sentence) || within(scope.measures, s)))
                || (scope.law && is_provision(sentence))
        };
        // Looked at only for a directive: thanks and accounts of the past.
        if (found.is_none() && !plain())
            || LISTS.thanks.is_match(sentence)
            || tells_of_the_past(sentence)
        {
            continue;
        }
        // 可以 gives a unit a power (`行政机关可以要求…`); without one it only says what can be
        // (`我们可以知道`).
        if let Some((at, "可以", _)) = found {
            if actor(text, s, s + at).is_none_or(|(a, b)| text[a..b].starts_with("我们")) {
                continue;
            }
        }
        let (modal, strength) = match found {
            Some((at, w, strength)) => (Some((s + at, s + at + w.len())), strength),
            None => (None, Strength::Plain),
        };
        out.push(FoundAction {
            start: s,
            end: e,
            modal,
            strength,
            actor: match modal {
                Some(m) => actor(text, s, m.0).or_else(|| other_actor(text, s, m, e)),
                None => subject_actor(text, s, e).or_else(|| any_agent(text, s, e)),
            }
            .map(|a| on_its_line(text, a)),
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
                    a.modal
                        .map_or(String::new(), |m| text[m.0..m.1].to_string()),
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

    /// Traps collected from real documents, written anew: a directive word inside another word
    /// or used as a figure of speech, past events, thanks. None is a directive; the last group
    /// not even in a part that sets work, where a bare imperative would count.
    #[test]
    fn traps_are_no_directives() {
        const WORDS: &[&str] = &[
            "他们以断供相要挟。",
            "这是不得已的办法。",
            "中国作为负责任大国，发挥重要建设性作用。",
            "基层干部的积极性明显提高。",
            "加大支持力度的效果十分明显。",
            "同时也要看到，发展不平衡的问题依然存在。",
            "可以说，这一年极不平凡。",
            "按一定比例给予补助的做法沿用多年。",
        ];
        for t in WORDS {
            assert_eq!(actions(t), vec![], "{t}");
        }
        const EVEN_IN_TASKS: &[&str] = &[
            "全面从严治党取得新成效，反腐败斗争取得压倒性胜利。",
            "中央财政支持建设了一批示范项目。",
            "去年我们积极争取中央资金120亿元，已经全部下达。",
            "向关心和支持东江发展的各界人士表示衷心感谢！",
            "在全市人民的共同努力下，各项任务圆满完成。",
            "市政府编制了国土空间总体规划。",
        ];
        let scope = Scope {
            tasks: &[(0, usize::MAX)],
            ..Scope::default()
        };
        for t in EVEN_IN_TASKS {
            assert_eq!(actions_in(t, &scope), vec![], "{t}");
        }
    }

    #[test]
    fn bare_imperatives_and_targets_in_parts_that_set_work() {
        let scope = Scope {
            tasks: &[(0, usize::MAX)],
            ..Scope::default()
        };
        type Case = (&'static str, Option<&'static str>);
        const CASES: &[Case] = &[
            ("有序推进人民币国际化。", None),
            ("改革完善招投标制度。", None),
            ("今年再压减钢铁产能3000万吨左右。", None),
            ("国内生产总值增长6%左右；", None),
            ("到2030年，全市研发投入强度达到3.5%。", None),
            ("——粮食产量稳定在52万吨以上。", None),
            ("将消费扶贫纳入定点扶贫工作内容。", None),
            ("国务院办公厅将加强统筹协调。", Some("国务院办公厅")),
            (
                "县级以上地方人民政府结合本地实际统筹制定年度计划。",
                Some("县级以上地方人民政府"),
            ),
        ];
        for (t, actor) in CASES {
            let got = actions_in(t, &scope);
            assert_eq!(got.len(), 1, "{t}");
            assert_eq!(
                (got[0].modal, got[0].strength),
                (None, Strength::Plain),
                "{t}"
            );
            assert_eq!(got[0].actor.map(|(a, b)| &t[a..b]), *actor, "{t}");
        }
        // Outside a part that sets work, and for statements, nothing.
        for t in ["有序推进人民币国际化。", "当前外部环境更趋复杂。"] {
            let in_scope = if t.starts_with('当') {
                scope
            } else {
                Scope::default()
            };
            assert_eq!(actions_in(t, &in_scope), vec![], "{t}");
        }
    }

    #[test]
    fn actors_named_in_every_way() {
        type Case = (&'static str, &'static str);
        const CASES: &[Case] = &[
            (
                "审计机关和审计人员办理审计事项，应当客观公正。",
                "审计机关和审计人员",
            ),
            (
                "地方各级审计机关对本级人民政府负责并报告工作。",
                "地方各级审计机关",
            ),
            ("各地区都要扛稳保障粮食安全责任。", "各地区"),
            // 办公室 whole, and the 由 of 自由 no agent.
            (
                "国务院自由贸易试验区工作部际联席会议办公室要加强督促检查。",
                "国务院自由贸易试验区工作部际联席会议办公室",
            ),
            (
                "各有关省（市）要将落实支持措施作为重点工作。",
                "各有关省（市）",
            ),
            ("有关地方应优先支持试验区建设。", "有关地方"),
            (
                "乡镇人民政府、街道办事处应当设立便民服务中心。",
                "乡镇人民政府、街道办事处",
            ),
            (
                "国家机关、事业单位、社会团体等不得违反合同约定。",
                "国家机关、事业单位、社会团体",
            ),
            (
                "各有关地区和部门、各自贸试验区要牢固树立总体国家安全观。",
                "各有关地区和部门、各自贸试验区",
            ),
            ("政府工作人员要恪尽职守。", "政府工作人员"),
            (
                "建立由农业农村部、工业和信息化部牵头的协调推进机制。",
                "农业农村部、工业和信息化部",
            ),
            ("乡镇人民政府还应当主动公开有关信息。", "乡镇人民政府"),
            (
                "国家融资担保基金和省级担保、再担保基金（机构）要合理设置准入条件。",
                "国家融资担保基金和省级担保、再担保基金（机构）",
            ),
            (
                "要加大清理力度，机关、事业单位和国有企业要带头清欠。",
                "机关、事业单位和国有企业",
            ),
            (
                "普查所需经费，由国务院和地方人民政府共同负担，确保到位。",
                "国务院和地方人民政府",
            ),
            (
                "具体办法由市政务服务管理部门制定，应当向社会公布。",
                "市政务服务管理部门",
            ),
            (
                "重大措施，必须由中央考虑，统一部署\n\n各地方、各部门都应当遵守。",
                "各地方、各部门",
            ),
        ];
        for (t, actor) in CASES {
            let got = actions(t);
            assert_eq!(got.len(), 1, "{t}");
            assert_eq!(got[0].actor.map(|(a, b)| &t[a..b]), Some(*actor), "{t}");
        }
    }

    #[test]
    fn partners_are_units_up_to_where_the_clause_goes_on() {
        type Case = (&'static str, &'static [&'static str]);
        const CASES: &[Case] = &[
            (
                "市场监管总局要会同有关部门制定联合抽查事项清单、标准和实施办法。",
                &["有关部门"],
            ),
            (
                "各级财政部门要会同有关方面研究制定绩效考核办法。",
                &["有关方面"],
            ),
            (
                "财政部要会同人民银行和银保监会出台办法。",
                &["人民银行", "银保监会"],
            ),
            ("科技部要会同工业和信息化部制定方案。", &["工业和信息化部"]),
            (
                "区商务局要联合工信、科技、金融等部门建立服务体系。",
                &["工信", "科技", "金融"],
            ),
            // 联合 before an activity is an adverb.
            ("各部门要联合开展“双随机、一公开”监管工作。", &[]),
        ];
        for (t, want) in CASES {
            let got = actions(t);
            assert_eq!(got.len(), 1, "{t}");
            let partners: Vec<&str> = got[0].partners.iter().map(|&(a, b)| &t[a..b]).collect();
            assert_eq!(partners, *want, "{t}");
        }
    }

    #[test]
    fn provisions_of_a_law_without_a_directive_word() {
        let scope = Scope {
            law: true,
            ..Scope::default()
        };
        type Case = (&'static str, Option<&'static str>);
        const CASES: &[Case] = &[
            ("第二十条 国家实施统一的国民经济核算制度。", Some("国家")),
            ("国家加强统计科学研究。", Some("国家")),
            (
                "未办理登记的，由县级以上人民政府统计机构责令改正。",
                Some("县级以上人民政府统计机构"),
            ),
            ("具体办法由市人民政府另行制定。", Some("市人民政府")),
            (
                "军队的统计工作，由中央军事委员会根据本法制定。",
                Some("中央军事委员会"),
            ),
            // A unit before 的 qualifies the subject and is not it.
            (
                "高风险食品生产经营企业的目录，由市市场监督管理部门编制。",
                Some("市市场监督管理部门"),
            ),
        ];
        for (t, actor) in CASES {
            let got = actions_in(t, &scope);
            assert_eq!(got.len(), 1, "{t}");
            assert_eq!(got[0].actor.map(|(a, b)| &t[a..b]), *actor, "{t}");
        }
        // Not a provision: the state is no subject here, and nothing is set.
        for t in ["国家利益高于一切。", "本法所称统计资料，是指统计数据。"]
        {
            assert!(actions_in(t, &scope).is_empty(), "{t}");
        }
    }

    #[test]
    fn no_actor_from_a_verb_or_a_word_with_suo() {
        // A bare imperative names no actor (加大政府采购 is no 政府); 所 in 所有, 所需, 所得 is
        // no institute.
        let tasks = [(0, usize::MAX)];
        let scope = Scope {
            tasks: &tasks,
            ..Scope::default()
        };
        for t in [
            "加大政府采购对自主创新产品的支持力度。",
            "发挥工会、共青团和妇联等人民团体的作用。",
            "保卫社会主义所有制的斗争，还要长期地继续下去。",
            "新上项目所需的资金必须落实。",
            "许多项目由财政拨款改为银行贷款以后，应当扩大这种办法。",
        ] {
            let got = actions_in(t, &scope);
            assert_eq!(got.len(), 1, "{t}");
            assert_eq!(got[0].actor.map(|(a, b)| &t[a..b]), None, "{t}");
        }
    }
}
