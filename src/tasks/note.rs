//! Responsibility notes: the bracketed assignment after a measure of a State Council document
//! (`（海关总署、商务部负责）`, `（A牵头，B、C按职责分工负责）`, `（牵头单位：A；责任单位：B）`),
//! read into units and roles.
//!
//! Works on normalised text: full-width brackets, colons, commas and semicolons are ASCII there.

/// Words that make a bracketed group a responsibility note.
const ROLE_WORDS: &[&str] = &[
    "负责",
    "牵头",
    "配合",
    "参与",
    "指导",
    "责任单位",
    "责任部门",
];

/// Clause endings that name the other units, longest first (`按职责分工负责` before `负责`).
const PARTNER_ENDINGS: &[&str] = &[
    "按职责分工负责",
    "按职责负责",
    "分工负责",
    "配合落实",
    "配合",
    "参与",
    "协助",
];

/// Clause endings that name the units in charge.
const LEAD_ENDINGS: &[&str] = &["牵头负责", "负责落实", "牵头", "负责", "指导", "主责"];

/// Labels of a labelled note (`牵头单位:A;责任单位:B`).
const LEAD_LABELS: &[&str] = &["牵头单位", "牵头部门", "负责单位", "负责部门"];
const PARTNER_LABELS: &[&str] = &["配合单位", "配合部门", "参与单位", "协办单位"];
const DUTY_LABELS: &[&str] = &["责任单位", "责任部门"];

/// Sentences by which a document says the first unit listed in a note leads.
pub(crate) const FIRST_LEADS: &[&str] = &[
    "排在第一位的部门为牵头部门",
    "排在第一位的为牵头部门",
    "排在第一位的部门为牵头单位",
    "排在第一位的为牵头单位",
    "列第一位者为牵头单位",
    "列第一位的为牵头单位",
    "列第一位的部门为牵头部门",
    "列在第一位的为牵头单位",
    "第一个为牵头单位",
    "排名第一的为牵头单位",
];

/// Words of a deadline or a term written in a note (`2019年底前完成`, `持续推进`).
const TERM_WORDS: &[&str] = &[
    "持续推进",
    "长期坚持",
    "长期推进",
    "持续实施",
    "年底前",
    "月底前",
];

/// A note read into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Note {
    /// Units in charge, in the order written.
    pub lead: Vec<String>,
    /// Other units.
    pub partners: Vec<String>,
    /// Units named with a plain `负责` only, in the order written: where the document says the
    /// first listed unit leads, the first of these is the lead and the rest partners.
    pub plain: bool,
    /// The note states the first-listed-leads rule.
    pub states_first_leads: bool,
    /// The note says `下同` after its units: they apply to the following measures without a
    /// note of their own.
    pub carries_units: bool,
    /// The note says `下同` after the rule only.
    pub carries_rule: bool,
    /// A term or deadline written in the note.
    pub term: Option<String>,
}

impl Note {
    /// Whether the note names any unit.
    pub fn has_units(&self) -> bool {
        !self.lead.is_empty() || !self.partners.is_empty()
    }

    /// Applies the first-listed-leads rule to a plain note.
    pub fn first_leads(&mut self) {
        if self.plain && self.lead.len() > 1 {
            let rest = self.lead.split_off(1);
            self.partners.splice(0..0, rest);
        }
    }
}

/// A bracketed group in `text` starting at `open` (an opening bracket), as the byte range of
/// the whole group and of its content; `None` when it is not closed on the same line within
/// a few hundred bytes.
pub(crate) fn bracket_at(text: &str, open: usize) -> Option<((usize, usize), (usize, usize))> {
    let c = text[open..].chars().next()?;
    let close = match c {
        '(' => ')',
        '〔' => '〕',
        '[' => ']',
        '【' => '】',
        _ => return None,
    };
    let inner_start = open + c.len_utf8();
    let rest = &text[inner_start..];
    let limit = rest.char_indices().nth(200).map_or(rest.len(), |(i, _)| i);
    let rest = &rest[..limit];
    let end = rest.find(['\n', close])?;
    if !rest[end..].starts_with(close) {
        return None;
    }
    let inner_end = inner_start + end;
    Some((
        (open, inner_end + close.len_utf8()),
        (inner_start, inner_end),
    ))
}

/// Whether the content of a bracketed group is a responsibility note.
pub(crate) fn is_note(inner: &str) -> bool {
    ROLE_WORDS.iter().any(|w| inner.contains(w)) && inner.chars().count() <= 150
}

/// Whether a note's content ends as a note does (`…负责`, `…参与`): one that does and names
/// no unit is reported; prose in brackets that only mentions a role word is not.
pub(crate) fn ends_as_note(inner: &str) -> bool {
    ends_with_role(inner.trim_end_matches(|c: char| c == '。' || c.is_whitespace()))
}

/// Reads the content of a responsibility note.
pub(crate) fn parse(inner: &str) -> Note {
    let mut note = Note {
        plain: true,
        ..Note::default()
    };
    let labelled_lead = LEAD_LABELS.iter().any(|l| inner.contains(l));
    for clause in inner.split([',', ';', '，', '；', '。']) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        if clause == "下同" {
            // After the rule it carries the rule; after units alone, the units.
            if note.states_first_leads {
                note.carries_rule = true;
            } else {
                note.carries_units = true;
            }
            continue;
        }
        if FIRST_LEADS.iter().any(|r| clause.contains(r)) {
            note.states_first_leads = true;
            continue;
        }
        if let Some(units) = labelled(clause) {
            let (label, list) = units;
            note.plain = false;
            let role_lead =
                LEAD_LABELS.contains(&label) || (DUTY_LABELS.contains(&label) && !labelled_lead);
            push_units(
                if role_lead {
                    &mut note.lead
                } else {
                    &mut note.partners
                },
                list,
            );
            continue;
        }
        if TERM_WORDS.iter().any(|w| clause.contains(w)) && !ends_with_role(clause) {
            note.term.get_or_insert_with(|| clause.to_string());
            continue;
        }
        read_clause(clause, &mut note);
    }
    note
}

fn ends_with_role(clause: &str) -> bool {
    PARTNER_ENDINGS
        .iter()
        .chain(LEAD_ENDINGS)
        .any(|e| clause.ends_with(e))
}

/// `牵头单位:A、B` → (`牵头单位`, `A、B`).
fn labelled(clause: &str) -> Option<(&'static str, &str)> {
    LEAD_LABELS
        .iter()
        .chain(PARTNER_LABELS)
        .chain(DUTY_LABELS)
        .find_map(|&l| {
            let rest = clause.strip_prefix(l)?;
            let rest = rest.trim_start_matches([':', ' ', '：']);
            Some((l, rest))
        })
}

/// A clause `units role`: `A、B负责`, `A牵头`, `B按职责分工负责`, `A会同B负责`, `A指导`.
fn read_clause(clause: &str, note: &mut Note) {
    if let Some(e) = PARTNER_ENDINGS.iter().find(|e| clause.ends_with(**e)) {
        note.plain = false;
        push_units(&mut note.partners, &clause[..clause.len() - e.len()]);
        return;
    }
    let Some(e) = LEAD_ENDINGS.iter().find(|e| clause.ends_with(**e)) else {
        return;
    };
    if *e != "负责" {
        note.plain = false;
    }
    let units = &clause[..clause.len() - e.len()];
    // `A会同B负责`: A leads, B works with it.
    if let Some(p) = units.find("会同") {
        note.plain = false;
        push_units(&mut note.lead, &units[..p]);
        push_units(&mut note.partners, &units[p + "会同".len()..]);
        return;
    }
    push_units(&mut note.lead, units);
}

/// Adds the units of a list (`A、B等有关部门`) in order, without repeats or the closing `等`.
fn push_units(out: &mut Vec<String>, list: &str) {
    let mut list = list.trim();
    for tail in ["等有关部门", "等相关部门", "等部门", "等单位", "等"] {
        if let Some(l) = list.strip_suffix(tail) {
            list = l;
            break;
        }
    }
    for unit in split_units(list) {
        let unit = unit.trim().trim_end_matches('等').trim();
        if unit.chars().count() >= 2 && !out.iter().any(|u| u == unit) {
            out.push(unit.to_string());
        }
    }
}

/// The units of a list, split at `、` and commas outside brackets (`各省（区、市）人民政府` is
/// one unit) and at the conjunctions that join a last group (`…商务部等和各省级人民政府`,
/// `财政部和各地区`, `以及`).
pub(crate) fn split_units(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut chars = list.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '（' | '〔' | '[' => depth += 1,
            ')' | '）' | '〕' | ']' => depth -= 1,
            '、' | ',' | '，' if depth <= 0 => {
                out.push(&list[start..i]);
                start = i + c.len_utf8();
            }
            _ if depth <= 0 => {
                let rest = &list[i..];
                let join = ["等和", "以及", "和各", "及各"]
                    .iter()
                    .find(|j| rest.starts_with(**j) && i > start);
                if let Some(j) = join {
                    out.push(&list[start..i]);
                    // `和各`: the 各 opens the next unit.
                    let skip = if j.ends_with('各') {
                        j.len() - '各'.len_utf8()
                    } else {
                        j.len()
                    };
                    start = i + skip;
                    while chars.peek().is_some_and(|&(k, _)| k < start) {
                        chars.next();
                    }
                }
            }
            _ => {}
        }
    }
    out.push(&list[start..]);
    out.into_iter().filter(|u| !u.trim().is_empty()).collect()
}

/// The units of an actor read from a sentence, where a list may share one head noun
/// (`各级政府性融资担保、再担保机构` is one unit, `融资担保` names none): split as
/// [`split_units`], then a piece that does not end as a unit is joined to the next; and split
/// at `和`, `及` between two units (`国家融资担保基金和省级担保、再担保基金（机构）`).
pub(crate) fn named_units(actor: &str) -> Vec<&str> {
    // `再担保基金（机构）`: a unit with a bracketed gloss.
    let ends = |s: &str| {
        let bare = match s.strip_suffix(['）', ')']) {
            Some(inner) => inner.rfind(['（', '(']).map_or(s, |p| &s[..p]),
            None => s,
        };
        crate::actions::ends_with_unit(bare)
    };
    let mut joined: Vec<&str> = Vec::new();
    let mut open: Option<usize> = None;
    for piece in split_units(actor) {
        let start = open.unwrap_or_else(|| offset(actor, piece));
        let end = offset(actor, piece) + piece.len();
        let whole = &actor[start..end];
        if ends(whole.trim()) {
            joined.push(whole.trim());
            open = None;
        } else {
            open = Some(start);
        }
    }
    if let Some(start) = open {
        joined.push(actor[start..].trim());
    }
    let mut out = Vec::new();
    for unit in joined {
        let mut from = 0;
        for (i, c) in unit.char_indices() {
            if matches!(c, '和' | '及') && i > from {
                let (left, right) = (&unit[from..i], &unit[i + c.len_utf8()..]);
                // 各级人民政府及其部门 is one unit.
                if ends(left)
                    && ends(right)
                    && right.chars().count() >= 2
                    && !right.starts_with('其')
                {
                    out.push(left);
                    from = i + c.len_utf8();
                }
            }
        }
        out.push(&unit[from..]);
    }
    out.retain(|u| u.chars().count() >= 2 && is_clean(u));
    out
}

/// Whether a unit read from a sentence is a name, not a piece of the clause around it: no
/// preposition or connective before it (`对国有企业领导干部`, `因此企业管理机关`), no verb or
/// particle of a clause in it (`起草部门已明确专门审核机构`, `今后国家所需要的技术干部`).
fn is_clean(unit: &str) -> bool {
    const OPENERS: &[&str] = &[
        "对", "向", "把", "将", "让", "在", "从", "除", "因", "不仅", "随着", "面向", "针对",
        "需要", "》", "“", "今后",
    ];
    !OPENERS.iter().any(|w| unit.starts_with(w))
        && !unit.contains(['已', '曾', '所', '是', '被', '给', '》', '“', '”'])
}

/// Where `part`, a subslice of `whole`, starts in it.
fn offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(n: &Note) -> (Vec<&str>, Vec<&str>) {
        (
            n.lead.iter().map(String::as_str).collect(),
            n.partners.iter().map(String::as_str).collect(),
        )
    }

    #[test]
    fn notes_of_every_form() {
        type Case = (
            &'static str,
            &'static [&'static str],
            &'static [&'static str],
        );
        const CASES: &[Case] = &[
            ("海关总署、商务部负责", &["海关总署", "商务部"], &[]),
            (
                "市发展改革委牵头,市财政局、市商务局按职责分工负责",
                &["市发展改革委"],
                &["市财政局", "市商务局"],
            ),
            (
                "牵头单位:市科技局;责任单位:各区人民政府",
                &["市科技局"],
                &["各区人民政府"],
            ),
            (
                "责任单位:市住房城乡建设局、市自然资源局",
                &["市住房城乡建设局", "市自然资源局"],
                &[],
            ),
            (
                "教育部指导,各省级人民政府负责落实",
                &["教育部", "各省级人民政府"],
                &[],
            ),
            ("财政部、税务总局参与", &[], &["财政部", "税务总局"]),
            ("商务部会同有关部门负责", &["商务部"], &["有关部门"]),
            (
                "海关总署、商务部等有关部门负责",
                &["海关总署", "商务部"],
                &[],
            ),
            (
                "人力资源社会保障部、工业和信息化部负责",
                &["人力资源社会保障部", "工业和信息化部"],
                &[],
            ),
            (
                "农业农村部、工业和信息化部牵头负责",
                &["农业农村部", "工业和信息化部"],
                &[],
            ),
            (
                "商务部、农业农村部等和各有关省级人民政府负责",
                &["商务部", "农业农村部", "各有关省级人民政府"],
                &[],
            ),
            ("各省(区、市)人民政府负责", &["各省(区、市)人民政府"], &[]),
            ("财政部和各地区负责", &["财政部", "各地区"], &[]),
            ("负责部门:自然资源部", &["自然资源部"], &[]),
        ];
        for (text, lead, partners) in CASES {
            let n = parse(text);
            assert_eq!(units(&n), (lead.to_vec(), partners.to_vec()), "{text}");
        }
    }

    #[test]
    fn the_first_listed_leads_where_the_note_says_so() {
        let mut n = parse("税务总局、财政部、海关总署负责,排在第一位的部门为牵头部门,下同");
        assert!(n.states_first_leads && n.carries_rule && !n.carries_units);
        n.first_leads();
        assert_eq!(units(&n), (vec!["税务总局"], vec!["财政部", "海关总署"]));
        // An explicit 牵头 is not overridden.
        let mut n = parse("农业农村部、工业和信息化部牵头负责");
        n.first_leads();
        assert_eq!(units(&n).0, ["农业农村部", "工业和信息化部"]);
    }

    #[test]
    fn carried_units_and_terms() {
        let n = parse("市商务局负责,下同");
        assert!(n.carries_units && !n.carries_rule);
        let n = parse("市商务局负责,2026年底前完成");
        assert_eq!(n.term.as_deref(), Some("2026年底前完成"));
        let n = parse("各地区负责,持续推进");
        assert_eq!(n.term.as_deref(), Some("持续推进"));
    }

    #[test]
    fn units_named_in_a_sentence() {
        type Case = (&'static str, &'static [&'static str]);
        const CASES: &[Case] = &[
            // A list that shares its head noun is one unit.
            (
                "各级政府性融资担保、再担保机构",
                &["各级政府性融资担保、再担保机构"],
            ),
            (
                "国家融资担保基金和省级担保、再担保基金（机构）",
                &["国家融资担保基金", "省级担保、再担保基金（机构）"],
            ),
            (
                "银行业金融机构和融资担保、再担保机构",
                &["银行业金融机构", "融资担保、再担保机构"],
            ),
            ("各地区、各有关部门", &["各地区", "各有关部门"]),
            ("地方政府及有关部门", &["地方政府", "有关部门"]),
            ("各级人民政府及其部门", &["各级人民政府及其部门"]),
            ("工业和信息化部", &["工业和信息化部"]),
            ("市、县融资担保机构", &["市、县融资担保机构"]),
            // Pieces of a clause are no units.
            ("对国有企业领导干部", &[]),
            ("起草部门已明确专门审核机构", &[]),
        ];
        for (actor, want) in CASES {
            assert_eq!(named_units(actor), *want, "{actor}");
        }
    }

    #[test]
    fn brackets_and_what_is_a_note() {
        let t = "释放产能。(海关总署、商务部负责)\n下一行";
        let open = t.find('(').unwrap();
        let (whole, inner) = bracket_at(t, open).unwrap();
        assert_eq!(&t[whole.0..whole.1], "(海关总署、商务部负责)");
        assert!(is_note(&t[inner.0..inner.1]));
        // Unclosed on its line: no group.
        let t = "(海关总署、商务部负责\n)";
        assert!(bracket_at(t, 0).is_none());
        assert!(!is_note("2019年"));
        assert!(!is_note("以下简称综保区"));
    }
}
