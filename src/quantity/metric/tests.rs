//! Table tests.
use super::*;

type Row = (
    String,
    f64,
    Option<f64>,
    Option<&'static str>,
    MetricKind,
    Option<Qualifier>,
);

fn one(text: &str) -> Vec<Row> {
    metrics(text)
        .into_iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                m.value,
                m.high,
                m.unit,
                m.kind,
                m.qualifier,
            )
        })
        .collect()
}

#[test]
fn units_kinds_and_values() {
    use MetricKind::*;
    const CASES: &[(&str, &str, f64, Option<&str>, MetricKind)] = &[
        ("明确的128项改革举措", "128项", 128.0, Some("项"), Count),
        (
            "地区生产总值达到412.6亿元",
            "412.6亿元",
            412.6e8,
            Some("元"),
            Money,
        ),
        ("拨付4.86万元", "4.86万元", 48600.0, Some("元"), Money),
        (
            "完成率百分之七十八点五",
            "百分之七十八点五",
            78.5,
            Some("%"),
            Percent,
        ),
        (
            "同比提高2.1个百分点",
            "2.1个百分点",
            2.1,
            Some("个百分点"),
            Percent,
        ),
        (
            "新改建农村公路86公里",
            "86公里",
            86.0,
            Some("公里"),
            Measure,
        ),
        ("增速居全国第4位", "第4位", 4.0, Some("位"), Rank),
        ("专项资金2.3亿用于改造", "2.3亿", 2.3e8, Some("元"), Money),
        ("一百二十八项任务", "一百二十八项", 128.0, Some("项"), Count),
        ("八成以上的村", "八成以上", 80.0, Some("%"), Percent),
        ("产量是去年的两倍", "两倍", 2.0, Some("倍"), Ratio),
        ("收入比2020年翻一番", "翻一番", 2.0, Some("倍"), Ratio),
        ("经济总量翻两番", "翻两番", 4.0, Some("倍"), Ratio),
        // A number after a full-width comma (folded to `,`) is a number of its own.
        ("自动生成,9个指标由年报获取", "9个", 9.0, Some("个"), Count),
        ("共1,200人参加", "1,200人", 1200.0, Some("人"), Count),
        ("大连百万吨乙烯项目", "百万吨", 1e6, Some("吨"), Measure),
        ("投资千万元", "千万元", 1e7, Some("元"), Money),
        ("设秘书长一人,由总理提名", "一人", 1.0, Some("人"), Count),
        ("联席会议每年召开两次会议", "两次", 2.0, Some("次"), Count),
        (
            "由质量、效率等4个方面的指标构成",
            "4个",
            4.0,
            Some("个"),
            Count,
        ),
        (
            "工、农、商、学、兵、政、党这七个方面",
            "七个",
            7.0,
            Some("个"),
            Count,
        ),
        ("发生7.3级强震", "7.3级", 7.3, Some("级"), Measure),
        (
            "为约8000万纳税人办理退税",
            "约8000万纳税人",
            8e7,
            Some("人"),
            Count,
        ),
        // A large amount before what it counts, a noun of no measure.
        ("向1000多万失业人员发放", "1000多万", 1e7, None, Count),
        (
            "安排四千二百多万城镇劳动力就业",
            "四千二百多万",
            4.2e7,
            None,
            Count,
        ),
        (
            "煤炭资源量360多亿吨",
            "360多亿吨",
            3.6e10,
            Some("吨"),
            Measure,
        ),
        (
            "有6000多万贫困人口",
            "6000多万贫困人口",
            6e7,
            Some("人"),
            Count,
        ),
        // The money word of another clause, and people reached with a subsidy.
        (
            "发放生活费,全年共有600多万职工",
            "600多万职工",
            6e6,
            Some("人"),
            Count,
        ),
        ("育儿补贴惠及120余万婴幼儿", "120余万", 1.2e6, None, Count),
        ("发电量3120亿度", "3120亿度", 3.12e11, Some("度"), Measure),
        (
            "全省集装箱吞吐量4387万标箱",
            "4387万标箱",
            4.387e7,
            Some("标箱"),
            Count,
        ),
    ];
    for (text, surface, value, unit, kind) in CASES {
        let got = one(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let g = &got[0];
        assert_eq!(
            (g.0.as_str(), g.1, g.3, g.4),
            (*surface, *value, *unit, *kind),
            "{text}"
        );
    }
}

#[test]
fn qualifiers_ranges_and_vague_amounts() {
    use Qualifier::*;
    let q = |t: &str| one(t).first().map(|m| (m.1, m.2, m.5));
    assert_eq!(q("扩展到至少10家"), Some((10.0, None, Some(AtLeast))));
    assert_eq!(q("控制在5%以内"), Some((5.0, None, Some(AtMost))));
    assert_eq!(q("增长6%左右"), Some((6.0, None, Some(About))));
    assert_eq!(q("约3000人"), Some((3000.0, None, Some(About))));
    assert_eq!(q("超过1000亿元"), Some((1e11, None, Some(Over))));
    assert_eq!(q("近5万人"), Some((50000.0, None, Some(Nearly))));
    assert_eq!(q("不足30%"), Some((30.0, None, Some(Under))));
    assert_eq!(q("达到90%以上"), Some((90.0, None, Some(AtLeast))));
    assert_eq!(q("建设3至5个示范区"), Some((3.0, Some(5.0), None)));
    assert_eq!(q("增长8%—10%"), Some((8.0, Some(10.0), None)));
    assert_eq!(q("投资1亿至2亿元"), Some((1e8, Some(2e8), None)));
    assert_eq!(
        q("处五千元以上三万元以下罚款"),
        Some((5000.0, Some(30000.0), None))
    );
    assert_eq!(q("两亿多元"), Some((2e8, Some(3e8), Some(Over))));
    // 多 bounds at the place of the last digit written.
    assert_eq!(
        q("收入57600多亿元"),
        Some((5.76e12, Some(5.77e12), Some(Over)))
    );
    assert_eq!(q("十三亿多人"), Some((1.3e9, Some(1.4e9), Some(Over))));
    // A unit of 万 scale scales only the part after the numeral's 亿: 4亿 and 700多万吨.
    assert_eq!(
        q("粮食四亿零七百多万吨"),
        Some((4.07e8, Some(4.08e8), Some(Over)))
    );
    assert_eq!(
        q("一亿一千四百多万吨"),
        Some((1.14e8, Some(1.15e8), Some(Over)))
    );
    assert_eq!(q("三亿二千万吨"), Some((3.2e8, None, None)));
    assert_eq!(q("三十多个"), Some((30.0, Some(40.0), Some(Over))));
    assert_eq!(q("培育3家及以上企业"), Some((3.0, None, Some(AtLeast))));
    assert_eq!(q("1万余人"), Some((10000.0, Some(20000.0), Some(Over))));
    assert_eq!(q("培育二三十家企业"), Some((20.0, Some(30.0), None)));
    assert_eq!(q("两三个"), Some((2.0, Some(3.0), None)));
    assert_eq!(q("建成数十个示范点"), Some((10.0, Some(100.0), Some(Over))));
    assert_eq!(q("上百家企业"), Some((100.0, None, Some(About))));
    assert_eq!(q("建交国家增加到近百个"), Some((100.0, None, Some(Nearly))));
    // A large round amount before the people it counts, without a measure word.
    assert_eq!(q("上百万赤脚医生成长起来"), Some((1e6, None, Some(About))));
    assert_eq!(q("近千万知识青年上山下乡"), Some((1e7, None, Some(Nearly))));
    assert_eq!(q("近百年来"), None);
}

#[test]
fn changes_and_directions() {
    let ms = metrics("要扩大试点范围,从现在的3家扩展到至少10家,覆盖优势产业。");
    assert_eq!(ms.len(), 2);
    assert_eq!(
        (ms[0].value, ms[1].value, ms[1].from),
        (3.0, 10.0, Some(3.0))
    );
    let ms = metrics("地区生产总值增长5.8%;一般公共预算收入下降2.5%;高新技术企业净增21家。");
    let dirs: Vec<_> = ms.iter().map(|m| m.direction).collect();
    assert_eq!(
        dirs,
        [
            Some(Direction::Up),
            Some(Direction::Down),
            Some(Direction::Up)
        ]
    );
    let ms = metrics("城镇、农村居民收入分别增长4.4%、5.9%。");
    assert_eq!(ms[1].direction, Some(Direction::Up));
    assert_eq!(ms[1].subject, ms[0].subject);
    let ms = metrics("减税降费及退税超1000亿元");
    assert_eq!(
        (ms[0].value, ms[0].qualifier),
        (1e11, Some(Qualifier::Over))
    );
    let ms = metrics("城乡低保标准提高到每人每月300元。");
    assert_eq!(ms.len(), 1);
    let text = "城乡低保标准提高到每人每月300元。";
    let b = ms[0].basis.unwrap();
    assert_eq!(&text[b.0..b.1], "每人每月");
    assert_eq!(ms[0].direction, None, "提高到 names a level, not growth");
}

#[test]
fn not_metrics() {
    for t in [
        "2026年底前完成",
        "党的二十届三中全会精神",
        "“十五五”规划",
        "第一条 为了规范",
        "一方面要看到成绩",
        "进一步深化改革",
        "推进一体化发展",
        "关系千家万户",
        "关键一招",
        "今年是关键一年",
        "坚决做到“两个维护”",
        "滨政办发〔2025〕37号",
        "联系电话:0531-88886666",
        "一个具体的领域",
        "省委十一届十次全会",
        "实现两位数增长",
        "取得“三个新的更大进展”",
        "下面,我讲三个方面的意见",
        "15个工作日内",
        "一带一路",
        "召开两会",
        "十届全国人大四次会议第7264号建议",
        "千万不要松懈",
        "一人一策",
        "三级公立医院",
        "下面从三个方面讲一讲",
        "正确处理两类不同性质的矛盾",
        "坚持两条腿走路",
        "两度访欧",
        "天然气产能达到22亿方",
        "裁减军队员额20万等各项任务",
    ] {
        assert_eq!(one(t), vec![], "{t}");
    }
}

/// The lexicon both ways: a formula, name or idiom is no quantity, and a real count next to
/// it still is.
#[test]
fn formulas_and_idioms_are_no_quantities_but_counts_beside_them_are() {
    type Case = (&'static str, &'static [&'static str]);
    const CASES: &[Case] = &[
        ("实现四个现代化，建成3个示范区", &["3个"]),
        ("坚持四项基本原则", &[]),
        ("粉碎“四人帮”以后，新增12家企业", &["12家"]),
        ("统筹国内国际两个市场两种资源", &[]),
        ("严格落实中央八项规定精神", &[]),
        ("政策不能一成不变", &[]),
        ("推动一二三次产业融合发展", &[]),
        ("汽车零部件产业产值增长8%", &["8%"]),
        ("防止二次污染", &[]),
        (
            "深入开展“两学一做”学习教育，培训党员5000人次",
            &["5000人次"],
        ),
        ("千方百计扩大就业，城镇新增就业12万人", &["12万人"]),
        ("实施一揽子增量政策", &[]),
        ("“十五五”时期建设5个产业园", &["5个"]),
    ];
    for (text, want) in CASES {
        let got: Vec<String> = one(text).into_iter().map(|r| r.0).collect();
        assert_eq!(got, want.to_vec(), "{text}");
    }
}

#[test]
fn scaled_values_are_exact_and_survive_json() {
    for (text, want) in [
        ("20412.6亿元", 2_041_260_000_000.0),
        ("1.2亿元", 120_000_000.0),
        ("3.14万人", 31_400.0),
    ] {
        // A lone line would be a title: the figure stands in a sentence under one.
        let doc = crate::analyze(&format!("某市财政工作报告\n全年完成{text}。\n"));
        assert_eq!(doc.metrics.len(), 1, "{text}: {:?}", doc.metrics);
        assert_eq!(doc.metrics[0].value, want, "{text}");
        let back: crate::Document =
            serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert_eq!(back, doc, "{text}");
    }
}
