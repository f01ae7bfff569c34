//! Table tests.
use super::*;

fn one(text: &str, year: Option<i32>) -> Vec<(String, TimeKind, Option<String>, Option<String>)> {
    times(text, Years::of_document(year))
        .into_iter()
        .map(|t| {
            (
                text[t.start..t.end].to_string(),
                t.kind,
                t.from.map(|d| d.iso()),
                t.to.map(|d| d.iso()),
            )
        })
        .collect()
}

#[test]
fn table() {
    use TimeKind::*;
    type Case = (
        &'static str,
        &'static str,
        TimeKind,
        Option<&'static str>,
        Option<&'static str>,
    );
    const CASES: &[Case] = &[
        (
            "于2025年12月3日召开",
            "2025年12月3日",
            Date,
            Some("2025-12-03"),
            Some("2025-12-03"),
        ),
        (
            "力争到2026年底,建成",
            "力争到2026年底",
            Deadline,
            None,
            Some("2026-12-31"),
        ),
        (
            "到2026年底完成",
            "到2026年底",
            Deadline,
            None,
            Some("2026-12-31"),
        ),
        (
            "截至2025年11月底,全区",
            "截至2025年11月底",
            Date,
            Some("2025-11-30"),
            Some("2025-11-30"),
        ),
        (
            "2024—2026年行动计划",
            "2024—2026年",
            Period,
            Some("2024-01-01"),
            Some("2026-12-31"),
        ),
        (
            "2025年至2027年,各年",
            "2025年至2027年",
            Period,
            Some("2025-01-01"),
            Some("2027-12-31"),
        ),
        (
            "2025年全市",
            "2025年",
            Period,
            Some("2025-01-01"),
            Some("2025-12-31"),
        ),
        (
            "2025年上半年",
            "2025年上半年",
            Period,
            Some("2025-01-01"),
            Some("2025-06-30"),
        ),
        (
            "2025年三季度末",
            "2025年三季度末",
            Date,
            Some("2025-09-30"),
            Some("2025-09-30"),
        ),
        (
            "2025年11月中旬",
            "2025年11月中旬",
            Period,
            Some("2025-11-11"),
            Some("2025-11-20"),
        ),
        (
            "“十五五”时期",
            "十五五",
            PlanPeriod,
            Some("2026-01-01"),
            Some("2030-12-31"),
        ),
        (
            "“十四五”末",
            "十四五”末",
            PlanPeriod,
            Some("2025-12-31"),
            Some("2025-12-31"),
        ),
        (
            "自2026年1月1日起施行",
            "自2026年1月1日起施行",
            Effective,
            Some("2026-01-01"),
            None,
        ),
        (
            "在十五个工作日内办理",
            "十五个工作日内",
            Duration,
            None,
            None,
        ),
        (
            "2025年12月底前完成",
            "2025年12月底前",
            Deadline,
            None,
            Some("2025-12-31"),
        ),
    ];
    for (text, surface, kind, from, to) in CASES {
        let got = one(text, None);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let want = (
            surface.to_string(),
            *kind,
            from.map(String::from),
            to.map(String::from),
        );
        assert_eq!(got[0], want, "{text}");
    }
}

#[test]
fn windows_find_what_a_full_scan_finds() {
    let text =
        "于2025年12月3日召开。二〇二五年十二月三十一日前,力争到2026年底建成,截至2025年11月底,\
                2024—2026年行动计划、2025年至2027年每年、2025年上半年、2025年三季度末、\
                2025年11月中旬,“十五五”时期,“十四五”末,自2026年1月1日起施行,在十五个工作日内办理,\
                总结前三季度进展,部署第四季度工作,十二月底前完成,明年再议。";
    for year in [None, Some(2025)] {
        let mut full = candidates(text, year, year);
        full.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
        let mut windowed = Vec::new();
        for (a, b) in windows(text) {
            for mut t in candidates(&text[a..b], year, year) {
                t.start += a;
                t.end += a;
                windowed.push(t);
            }
        }
        windowed.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
        assert_eq!(windowed, full);
    }
}

#[test]
fn relative_words_need_the_document_year() {
    let got = one("确保在年底前所有硬任务全面清零,谋划明年的改革", Some(2025));
    assert_eq!(
        got[0],
        (
            "年底前".into(),
            TimeKind::Deadline,
            None,
            Some("2025-12-31".into())
        )
    );
    assert_eq!(
        got[1],
        (
            "明年".into(),
            TimeKind::Relative,
            Some("2026-01-01".into()),
            Some("2026-12-31".into())
        )
    );
    let got = one("总结前三季度进展,部署第四季度工作", Some(2025));
    assert_eq!(
        got[0],
        (
            "前三季度".into(),
            TimeKind::Relative,
            Some("2025-01-01".into()),
            Some("2025-09-30".into())
        )
    );
    assert_eq!(
        got[1],
        (
            "第四季度".into(),
            TimeKind::Relative,
            Some("2025-10-01".into()),
            Some("2025-12-31".into())
        )
    );
    let got = one("今年1至11月,共发生", Some(2025));
    assert_eq!(
        got[1],
        (
            "1至11月".into(),
            TimeKind::Period,
            Some("2025-01-01".into()),
            Some("2025-11-30".into())
        )
    );
    let got = one("6月底前完成", Some(2026));
    assert_eq!(
        got[0],
        (
            "6月底前".into(),
            TimeKind::Deadline,
            None,
            Some("2026-06-30".into())
        )
    );
    let got = one("谋划明年的改革", None);
    assert_eq!(got[0].2, None);
}

#[test]
fn not_times() {
    for t in ["今年是关键一年", "第十五届", "十五个方面", "1.2亿元"] {
        let got: Vec<_> = one(t, None)
            .into_iter()
            .filter(|g| g.1 != TimeKind::Relative)
            .collect();
        assert_eq!(got, vec![], "{t}");
    }
    assert!(
        plan_start(14) == Some(2021) && plan_start(15) == Some(2026) && plan_start(1) == Some(1953)
    );
}

#[test]
fn a_reviewed_year_holds_for_words_that_name_none() {
    let text =
        "一、2025年工作回顾\n年末失业率降到5.3%,上半年增长5%,6月底完成。今年要做好三件事。\n\
                二、2026年工作安排\n年底前建成。";
    let split = text.find("二、").unwrap();
    let years = Years {
        doc: Some(2026),
        review: Some((0, split, 2025)),
        ahead: None,
    };
    let got: Vec<(String, Option<String>)> = times(text, years)
        .iter()
        .map(|t| (text[t.start..t.end].to_string(), t.to.map(|d| d.iso())))
        .collect();
    let want = [
        ("2025年", "2025-12-31"),
        ("年末", "2025-12-31"),
        ("上半年", "2025-06-30"),
        ("6月底", "2025-06-30"),
        ("今年", "2026-12-31"),
        ("2026年", "2026-12-31"),
        ("年底前", "2026-12-31"),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(t, d)| (t.to_string(), Some(d.to_string())))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn ranges_starts_horizons_and_words_that_are_no_times() {
    use TimeKind::*;
    type Want = (
        &'static str,
        TimeKind,
        Option<&'static str>,
        Option<&'static str>,
    );
    // (text, document year, every time expected in it)
    let cases: &[(&str, Option<i32>, &[Want])] = &[
        (
            "自2021年1月1日至12月31日开展专项行动",
            Some(2020),
            &[(
                "2021年1月1日至12月31日",
                Period,
                Some("2021-01-01"),
                Some("2021-12-31"),
            )],
        ),
        // A notice signed in December about the next year's holidays.
        (
            "2026年劳动节：5月1日至4日放假调休。",
            Some(2025),
            &[
                ("2026年", Period, Some("2026-01-01"), Some("2026-12-31")),
                (
                    "5月1日至4日",
                    Period,
                    Some("2026-05-01"),
                    Some("2026-05-04"),
                ),
            ],
        ),
        (
            "从2021年开始实施新标准",
            None,
            &[("从2021年开始", Effective, Some("2021-01-01"), None)],
        ),
        (
            "自2021年起，逐步推开",
            None,
            &[("自2021年起", Effective, Some("2021-01-01"), None)],
        ),
        (
            "2022年起，全面推行",
            None,
            &[("2022年起", Effective, Some("2022-01-01"), None)],
        ),
        (
            "一八四○年以后",
            None,
            &[("一八四○年", Period, Some("1840-01-01"), Some("1840-12-31"))],
        ),
        (
            "到本世纪中叶建成",
            None,
            &[("到本世纪中叶", Deadline, None, Some("2050-12-31"))],
        ),
        (
            "在新中国成立一百年时",
            None,
            &[(
                "新中国成立一百年",
                Period,
                Some("2049-01-01"),
                Some("2049-12-31"),
            )],
        ),
        (
            "2020年年底前完成",
            None,
            &[("2020年年底前", Deadline, None, Some("2020-12-31"))],
        ),
        // Dates of every year name no one day.
        (
            "每年6月15日前报送",
            Some(2020),
            &[("每年6月15日前", Deadline, None, None)],
        ),
        (
            "每年第四季度",
            Some(2020),
            &[("每年第四季度", Relative, None, None)],
        ),
        // The years ahead, from the document's.
        (
            "未来五年,今后三年内",
            Some(2026),
            &[
                ("未来五年", Relative, Some("2026-01-01"), Some("2030-12-31")),
                (
                    "今后三年内",
                    Relative,
                    Some("2026-01-01"),
                    Some("2028-12-31"),
                ),
            ],
        ),
        // A repeat, as 每月 and 每半年 are.
        (
            "每年召开一次",
            Some(2020),
            &[("每年", Duration, None, None)],
        ),
        // Parts of the year a word before names; a year's start since when.
        (
            "去年下半年特别是去年第四季度",
            Some(1985),
            &[
                (
                    "去年下半年",
                    Relative,
                    Some("1984-07-01"),
                    Some("1984-12-31"),
                ),
                (
                    "去年第四季度",
                    Relative,
                    Some("1984-10-01"),
                    Some("1984-12-31"),
                ),
            ],
        ),
        (
            "1979年以来,去年10月以来",
            Some(1985),
            &[
                ("1979年以来", Effective, Some("1979-01-01"), None),
                ("去年10月以来", Effective, Some("1984-10-01"), None),
            ],
        ),
        (
            "力争今年内完成,几年内见效",
            Some(1985),
            &[("今年内", Relative, Some("1985-01-01"), Some("1985-12-31"))],
        ),
        // 到 of 达到 is no deadline; months that name events are no times.
        // A quarter takes the year its sentence names, but not a year compared with.
        (
            "1984年工资总额比上年增长19%,其中第四季度增长38%。",
            Some(1985),
            &[
                ("1984年", Period, Some("1984-01-01"), Some("1984-12-31")),
                ("上年", Relative, Some("1983-01-01"), Some("1983-12-31")),
                ("第四季度", Relative, Some("1984-10-01"), Some("1984-12-31")),
            ],
        ),
        (
            "与去年同期相比,第一季度下降0.2%。",
            Some(1981),
            &[
                ("去年", Relative, Some("1980-01-01"), Some("1980-12-31")),
                ("第一季度", Relative, Some("1981-01-01"), Some("1981-03-31")),
            ],
        ),
        (
            "由1978年的36.5%降低到1981年的28.5%",
            Some(1985),
            &[
                ("1978年", Period, Some("1978-01-01"), Some("1978-12-31")),
                ("1981年", Period, Some("1981-01-01"), Some("1981-12-31")),
            ],
        ),
        (
            "达到2012年以来最高水平,十月革命",
            Some(2026),
            &[("2012年以来", Effective, Some("2012-01-01"), None)],
        ),
        // 上年 is the year before the last one named alone (not a range's end); with a part
        // of the year, of that year; in a clause that names a year, before that one.
        (
            "1959年的指标比上年增长的百分数,有不少高于1958年比上年增长的",
            Some(1959),
            &[
                ("1959年", Period, Some("1959-01-01"), Some("1959-12-31")),
                ("上年", Relative, Some("1958-01-01"), Some("1958-12-31")),
                ("1958年", Period, Some("1958-01-01"), Some("1958-12-31")),
                ("上年", Relative, Some("1957-01-01"), Some("1957-12-31")),
            ],
        ),
        (
            "1990年摆脱了上年三季度以后回落的局面,比上年增长7.6%",
            Some(1991),
            &[
                ("1990年", Period, Some("1990-01-01"), Some("1990-12-31")),
                (
                    "上年三季度",
                    Relative,
                    Some("1989-07-01"),
                    Some("1989-09-30"),
                ),
                ("上年", Relative, Some("1989-01-01"), Some("1989-12-31")),
            ],
        ),
        (
            "1984年,在1979到1983年平均增长7.9%的基础上,比上年增长14.2%。",
            Some(1985),
            &[
                ("1984年", Period, Some("1984-01-01"), Some("1984-12-31")),
                (
                    "1979到1983年",
                    Period,
                    Some("1979-01-01"),
                    Some("1983-12-31"),
                ),
                ("上年", Relative, Some("1983-01-01"), Some("1983-12-31")),
            ],
        ),
        (
            "过去一年，上一年度结余和下一年度预算",
            Some(2021),
            &[
                ("过去一年", Relative, Some("2020-01-01"), Some("2020-12-31")),
                ("上一年度", Relative, Some("2020-01-01"), Some("2020-12-31")),
                ("下一年度", Relative, Some("2022-01-01"), Some("2022-12-31")),
            ],
        ),
        (
            "自2003年7月下旬以来",
            None,
            &[("自2003年7月下旬以来", Effective, Some("2003-07-21"), None)],
        ),
        (
            "时间不超过48小时",
            None,
            &[("48小时", Duration, None, None)],
        ),
        ("落实24小时值班制度", None, &[]),
        (
            "在中国境内累计满183天的个人",
            None,
            &[("183天", Duration, None, None)],
        ),
        // Substrings that name no time: 以后年度 is no 后年 (but a term of its own).
        (
            "以后年度的预算",
            Some(2025),
            &[("以后年度", Relative, None, None)],
        ),
        // Budget and tax years of a law name no calendar year.
        (
            "应当于下一年度1月10日前报财政部",
            None,
            &[("下一年度1月10日前", Deadline, None, None)],
        ),
        (
            "各部门在每一预算年度终了时清理核实",
            None,
            &[("每一预算年度终了时", Relative, None, None)],
        ),
        (
            "在上一纳税年度最后一日",
            None,
            &[("上一纳税年度最后一日", Relative, None, None)],
        ),
        (
            "平衡当年预算，相当年轻",
            None,
            &[("当年", Relative, None, None)],
        ),
        // A year word and a month: one expression in that year.
        (
            "明年3月底前完成",
            Some(2025),
            &[("明年3月底前", Deadline, None, Some("2026-03-31"))],
        ),
        // A date of every year, anchored by a start year.
        (
            "2020年起,每年2月底前完成考核,3月底前公布",
            Some(2019),
            &[
                ("2020年起", Effective, Some("2020-01-01"), None),
                ("每年2月底前", Deadline, None, Some("2020-02-29")),
                ("3月底前", Deadline, None, Some("2020-03-31")),
            ],
        ),
        // A day joined to a date before it, in its month.
        (
            "2003年12月18日晚8时40分和19日晚8时35分两次",
            None,
            &[
                (
                    "2003年12月18日",
                    Date,
                    Some("2003-12-18"),
                    Some("2003-12-18"),
                ),
                ("19日", Date, Some("2003-12-19"), Some("2003-12-19")),
            ],
        ),
        // A bare date the text puts after a named one, a year on.
        (
            "自1995年7月12日发生强震后,相继发生了2月3日、3月19日和11月9日地震",
            Some(1997),
            &[
                (
                    "1995年7月12日",
                    Date,
                    Some("1995-07-12"),
                    Some("1995-07-12"),
                ),
                ("2月3日", Date, Some("1996-02-03"), Some("1996-02-03")),
                ("3月19日", Date, Some("1996-03-19"), Some("1996-03-19")),
                ("11月9日", Date, Some("1996-11-09"), Some("1996-11-09")),
            ],
        ),
        // 以前 ends before the year where the paragraph starts something in it.
        (
            "2008年以前,每半年召开一次例会;从2008年开始,按季度召开",
            None,
            &[
                ("2008年以前", Deadline, None, Some("2007-12-31")),
                ("每半年", Duration, None, None),
                ("从2008年开始", Effective, Some("2008-01-01"), None),
            ],
        ),
        (
            "2030年前碳达峰",
            None,
            &[("2030年前", Deadline, None, Some("2030-12-31"))],
        ),
        // 上年 is the year before the one a sentence names; a paragraph's named year holds
        // for the bare dates after it.
        (
            "2003年，事故比上年下降。2003年5月13日发生事故。8月11日至18日又发生3起。",
            Some(2004),
            &[
                ("2003年", Period, Some("2003-01-01"), Some("2003-12-31")),
                ("上年", Relative, Some("2002-01-01"), Some("2002-12-31")),
                (
                    "2003年5月13日",
                    Date,
                    Some("2003-05-13"),
                    Some("2003-05-13"),
                ),
                (
                    "8月11日至18日",
                    Period,
                    Some("2003-08-11"),
                    Some("2003-08-18"),
                ),
            ],
        ),
        (
            "第三个五年计划期间，第七个五年计划前两年，到本世纪末",
            Some(1988),
            &[
                (
                    "第三个五年计划期间",
                    PlanPeriod,
                    Some("1966-01-01"),
                    Some("1970-12-31"),
                ),
                (
                    "第七个五年计划前两年",
                    PlanPeriod,
                    Some("1986-01-01"),
                    Some("1987-12-31"),
                ),
                ("到本世纪末", Deadline, None, Some("2000-12-31")),
            ],
        ),
        // Without a date of its own, the century of the years the text names.
        (
            "在一九八○年以前建成工业体系；在本世纪内实现现代化",
            None,
            &[
                ("一九八○年以前", Deadline, None, Some("1980-12-31")),
                ("本世纪内", Deadline, None, Some("2000-12-31")),
            ],
        ),
        (
            "应当在三日前通知，用了二十多年的时间，留党察看2年",
            None,
            &[
                ("三日前", Deadline, None, None),
                ("二十多年", Duration, None, None),
                ("2年", Duration, None, None),
            ],
        ),
        // Plans before the tenth, in quotes, and parts of a plan.
        (
            "“九五”期间和“十五”后两年",
            None,
            &[
                (
                    "“九五”期间",
                    PlanPeriod,
                    Some("1996-01-01"),
                    Some("2000-12-31"),
                ),
                (
                    "“十五”后两年",
                    PlanPeriod,
                    Some("2004-01-01"),
                    Some("2005-12-31"),
                ),
            ],
        ),
        (
            "三到五年时间内完成,1日(24小时)内出院,连续两年未用完",
            None,
            &[
                ("三到五年时间内", Duration, None, None),
                ("1日(24小时)内", Duration, None, None),
                ("两年", Duration, None, None),
            ],
        ),
        (
            "上一月最后一日",
            Some(2025),
            &[("上一月最后一日", Relative, None, None)],
        ),
        ("农历三月三", Some(2025), &[]),
        ("负责起草文件", Some(2025), &[]),
    ];
    for (text, year, want) in cases {
        let got = one(text, *year);
        let want: Vec<_> = want
            .iter()
            .map(|(s, k, a, b)| (s.to_string(), *k, a.map(String::from), b.map(String::from)))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

/// A notice signed in December about next year's holidays: its bare dates are of the year its
/// title names; 今年 still counts from its date.
#[test]
fn a_document_written_ahead_dates_in_the_year_it_is_about() {
    let text = "一、元旦:1月1日至3日放假。今年的值班表已报送。";
    let years = Years {
        doc: Some(2026),
        review: None,
        ahead: Some(2027),
    };
    let got: Vec<(String, Option<String>, Option<String>)> = times(text, years)
        .iter()
        .map(|t| {
            (
                text[t.start..t.end].to_string(),
                t.from.map(|d| d.iso()),
                t.to.map(|d| d.iso()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "1月1日至3日".to_string(),
                Some("2027-01-01".to_string()),
                Some("2027-01-03".to_string())
            ),
            (
                "今年".to_string(),
                Some("2026-01-01".to_string()),
                Some("2026-12-31".to_string())
            ),
        ]
    );
}

/// A window that lacks what a regex needs is not searched with it: for each regex, every text
/// where it matches has what [`Needs`] asks of it. The texts are the bundled corpus's lines and
/// forms each regex reads, with spaces and full-width numerals between.
#[test]
fn a_regex_is_skipped_only_where_it_cannot_match() {
    let mut texts: Vec<String> = [
        "2024 — 2026 年",
        "二〇二五 年 十二 月 三十一 日",
        "2025年上半年",
        "12 月 底",
        "1至11月",
        "“十五”期间",
        "十四五后两年",
        "前三季度",
        "三到五年时间内",
        "48小时",
        "三日前",
        "每季",
        "本世纪中叶",
        "建党一百年",
        "上一月最后一日",
        "年度终了时",
        "当年",
        "第三个五年计划",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for entry in std::fs::read_dir(&corpus).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(&path).expect("text");
            let text = String::from_utf8_lossy(&bytes);
            texts.extend(
                text.lines()
                    .map(|l| crate::normalize::fold_str(l).into_owned()),
            );
        }
    }
    let mut matched = 0;
    for t in &texts {
        let has = Needs::of(t);
        let rules: [(&Regex, bool); 9] = [
            (&YEAR_RANGE, has.numbered_year),
            (&FULL, has.numbered_year && has.numbered_month),
            (&YEAR, has.numbered_year),
            (&MONTH, has.numbered_month),
            (&MONTH_RANGE, has.numbered_month),
            (&PLAN, has.five),
            (&RELATIVE, has.year || has.quarter),
            (&DURATION, has.length),
            (&RARE, has.rare),
        ];
        for (i, (re, needed)) in rules.iter().enumerate() {
            if re.is_match(t) {
                matched += 1;
                assert!(
                    needed,
                    "regex {i} matches {t:?}, which Needs says it cannot"
                );
            }
        }
    }
    assert!(
        matched > 100,
        "only {matched} matches: the texts do not exercise the rules"
    );
}
