//! Property tests: any input, no panic; every span on char boundaries inside the input;
//! sections nest; the normaliser's map lands on boundaries holding the same (folded) char.

use proptest::prelude::*;
use zhengce::normalize::{fold_char, Normalized};
use zhengce::{Document, Section, Span};

fn on_boundaries(input: &str, span: Span) -> bool {
    span.start() <= span.end()
        && span.end() <= input.len()
        && input.is_char_boundary(span.start())
        && input.is_char_boundary(span.end())
}

fn check_section(input: &str, s: &Section) -> Result<(), TestCaseError> {
    prop_assert!(on_boundaries(input, s.span), "section span {:?}", s.span);
    let starts_with_marker = input[s.span.start()..].starts_with(&s.marker);
    prop_assert!(
        starts_with_marker,
        "section span does not start with {}",
        s.marker
    );
    let mut prev_end = s.span.start();
    for c in &s.children {
        prop_assert!(
            s.span.contains(c.span),
            "child {:?} outside {:?}",
            c.span,
            s.span
        );
        prop_assert!(c.span.start() >= prev_end, "children overlap");
        prop_assert_eq!(c.level, s.level + 1);
        prev_end = c.span.end();
        check_section(input, c)?;
    }
    Ok(())
}

fn check_doc(input: &str, doc: &Document) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for s in &doc.sections {
        prop_assert_eq!(s.level, 1);
        prop_assert!(s.span.start() >= prev_end, "top-level sections overlap");
        prev_end = s.span.end();
        check_section(input, s)?;
    }
    for p in &doc.points {
        prop_assert!(on_boundaries(input, p.span));
        prop_assert!(p.ordinal >= 1);
    }
    for r in &doc.removed {
        prop_assert!(on_boundaries(input, r.span));
        prop_assert_eq!(&input[r.span.start()..r.span.end()], r.text.as_str());
    }
    if let Some(t) = &doc.truncation {
        for o in &t.omissions {
            prop_assert!(on_boundaries(input, o.span));
        }
    }
    if let Some(items) = &doc.outline {
        for i in items {
            prop_assert!(on_boundaries(input, i.span));
        }
    }
    for p in &doc.points {
        let at = &input[p.span.start()..p.span.end()];
        prop_assert!(
            at.starts_with(&p.marker),
            "point {:?} at {:?}",
            p.marker,
            at
        );
        prop_assert!(
            squeeze(at).contains(&squeeze(&p.lead)),
            "lead {:?} outside {:?}",
            p.lead,
            at
        );
    }
    for s in doc.all_sections() {
        let at = &input[s.span.start()..s.span.end()];
        // A heading may stand on the line after its marker; a centred one loses its spaces.
        let next_lines: String = input[s.span.start()..].lines().take(2).collect();
        prop_assert!(
            squeeze(at).contains(&squeeze(&s.heading))
                || squeeze(&next_lines).contains(&squeeze(&s.heading)),
            "heading {:?} not at {:?}",
            s.heading,
            at
        );
    }
    let f = &doc.front;
    for field in [
        &f.title,
        &f.speaker,
        &f.issuer,
        &f.doc_number,
        &f.salutation,
        &f.signature,
        &f.signature_date,
    ]
    .into_iter()
    .flatten()
    .chain(&f.subtitle)
    .chain(&f.history)
    {
        prop_assert!(
            on_boundaries(input, field.span),
            "front span {:?}",
            field.span
        );
        // A field read over lines (a title set on two) is its span's text without the line
        // breaks, blanks and control characters.
        let at = &input[field.span.start()..field.span.end()];
        prop_assert_eq!(
            squeeze(at),
            squeeze(&field.text),
            "front field at {:?}",
            field.span
        );
    }
    for m in &doc.metrics {
        prop_assert!(on_boundaries(input, m.span), "metric span {:?}", m.span);
        prop_assert!(m.value.is_finite());
        prop_assert_eq!(&input[m.span.start()..m.span.end()], m.text.as_str());
    }
    for t in &doc.times {
        prop_assert!(on_boundaries(input, t.span), "time span {:?}", t.span);
        prop_assert_eq!(&input[t.span.start()..t.span.end()], t.text.as_str());
    }
    for a in &doc.actions {
        prop_assert!(on_boundaries(input, a.span), "action span {:?}", a.span);
        prop_assert_eq!(&input[a.span.start()..a.span.end()], a.text.as_str());
        if let Some(p) = a.point {
            prop_assert!(p < doc.points.len());
        }
    }
    prop_assert_eq!(doc.input_len, input.len());
    // The record grows with the input, never with its square: at most a fixed multiple of
    // it (the densest forms, a heading or a time every three bytes, give about 30).
    let json = serde_json::to_string(doc).unwrap().len();
    prop_assert!(
        json <= 40 * input.len() + 4096,
        "{} bytes of JSON for {} of input",
        json,
        input.len()
    );
    Ok(())
}

/// Text without white space and control characters, to compare a field with its span.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_whitespace() && !c.is_control() && fold_char(c) != Some(' '))
        .collect()
}

/// Pieces of policy text: markers of every family, full-width forms, furniture, line ends.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、".to_string()),
        Just("二、".to_string()),
        Just("三、".to_string()),
        Just("（一）".to_string()),
        Just("(二)".to_string()),
        Just("1．".to_string()),
        Just("2.".to_string()),
        Just("(1)".to_string()),
        Just("①".to_string()),
        Just("第一章 ".to_string()),
        Just("第二节".to_string()),
        Just("第一条 ".to_string()),
        Just("第二条之一".to_string()),
        Just("一是".to_string()),
        Just("二是".to_string()),
        Just("第一，".to_string()),
        Just("第二,".to_string()),
        Just("首先，".to_string()),
        Just("其次,".to_string()),
        Just("最后，".to_string()),
        Just("一方面".to_string()),
        Just("另一方面".to_string()),
        Just("——".to_string()),
        Just("【提纲】".to_string()),
        Just("目录".to_string()),
        Just("同志们：".to_string()),
        Just("各位代表!".to_string()),
        Just("主要任务有三个：".to_string()),
        Just("以上两项".to_string()),
        Just("……(X文库www.x.com此处省略66字。点击下载全文)……".to_string()),
        Just("预览结束,全文3388字,当前显示2078字".to_string()),
        Just("本文6元".to_string()),
        Just("- 3 -".to_string()),
        Just("附件".to_string()),
        Just("2025年9月8日".to_string()),
        Just("清政办发〔2025〕37号".to_string()),
        Just("２０２５年".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("。".to_string()),
        Just("；".to_string()),
        Just("：".to_string()),
        Just("索 引 号：".to_string()),
        Just("从现在的3家".to_string()),
        Just("扩展到至少10家".to_string()),
        Just("12.5%".to_string()),
        Just("增长".to_string()),
        Just("下降".to_string()),
        Just("412.6亿元".to_string()),
        Just("以上".to_string()),
        Just("以下".to_string()),
        Just("每人每月300元".to_string()),
        Just("3至5个".to_string()),
        Just("两三个".to_string()),
        Just("百分之七十八点五".to_string()),
        Just("截至2025年11月底".to_string()),
        Just("年底前".to_string()),
        Just("2026年底".to_string()),
        Just("“十五五”".to_string()),
        Just("2024—2026年".to_string()),
        Just("十五个工作日内".to_string()),
        Just("自2026年1月1日起施行".to_string()),
        Just("6月底前".to_string()),
        Just("明年".to_string()),
        Just("要".to_string()),
        Just("必须".to_string()),
        Just("牵头".to_string()),
        Just("联合工信、科技等部门".to_string()),
        Just("县教育局".to_string()),
        Just("第3位".to_string()),
        Just("1万余人".to_string()),
        Just("两亿多元".to_string()),
        Just("五千元以上三万元以下".to_string()),
        "[\\p{Han}]{1,12}",
        "[a-z0-9 .,:;()]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// A heading marker of any family, numbered from 1 up to past 110.
fn marker() -> impl Strategy<Value = String> {
    let n = prop_oneof![1u64..=4, 1u64..=130];
    (n, 0..9usize).prop_map(|(n, family)| {
        let cn = zhengce::numerals::to_cn(n);
        match family {
            0 => format!("{cn}、"),
            1 => format!("（{cn}）"),
            2 => format!("{n}."),
            3 => format!("（{n}）"),
            4 => char::from_u32(0x2460 + (n as u32 - 1).min(19))
                .unwrap()
                .to_string(),
            5 => format!("第{cn}章 "),
            6 => format!("第{cn}条 "),
            7 => format!("附件{n}："),
            _ => format!("{cn}是"),
        }
    })
}

/// A line of a policy document: a heading, points run together, dates and ranges, a
/// responsibility note (some malformed), a directive, or loose fragments.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        (marker(), "[\\p{Han}]{0,10}").prop_map(|(m, h)| format!("{m}{h}")),
        (1..40usize).prop_map(|k| "一是加强，二是推进，".repeat(k)),
        (1..300usize).prop_map(|k| "年".repeat(k)),
        Just("2021年1月1日至12月31日".to_string()),
        Just("5月1日至4日放假调休".to_string()),
        Just("从2021年到2022年，自2021年起".to_string()),
        Just("（海关总署、商务部负责）".to_string()),
        Just("（税务总局、财政部负责，排在第一位的部门为牵头部门，下同）".to_string()),
        Just("（牵头单位：市发展改革委；责任单位：各区政府）".to_string()),
        Just("（海关总署、商务部".to_string()),
        Just("负责）".to_string()),
        Just("各部门要在2026年6月底前完成3项任务。".to_string()),
        Just("国家鼓励社会资本参与。".to_string()),
        Just("人民币贰佰伍拾万元".to_string()),
        Just("约8000万纳税人".to_string()),
        Just("５７６００多亿元".to_string()),
        Just("一八四○年".to_string()),
        prop::collection::vec(fragment(), 0..6).prop_map(|v| v.concat()),
    ]
}

/// Documents of lines, with runs of the same block repeated (the restarts that broke the
/// tree) and any line end.
fn document() -> impl Strategy<Value = String> {
    let block = prop::collection::vec(line(), 1..8);
    (
        prop::collection::vec(block, 1..6),
        1..30usize,
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
    )
        .prop_map(|(blocks, times, nl)| {
            let mut out = String::new();
            for (i, b) in blocks.iter().enumerate() {
                let text = b.join(nl) + nl;
                out.push_str(&if i == 0 { text.repeat(times) } else { text });
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_keep_spans_sound_and_size_bounded(input in document()) {
        let doc = zhengce::analyze(&input);
        check_doc(&input, &doc)?;
        let depth = doc.all_sections().iter().map(|s| s.level).max().unwrap_or(0);
        prop_assert!(depth <= 20, "tree {} deep", depth);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_strings_never_panic(input in any::<String>()) {
        let doc = zhengce::analyze(&input);
        check_doc(&input, &doc)?;
    }

    #[test]
    fn policy_shaped_text_keeps_spans_sound(parts in prop::collection::vec(fragment(), 0..80)) {
        let input: String = parts.concat();
        let doc = zhengce::analyze(&input);
        check_doc(&input, &doc)?;
        // The record survives a JSON round trip.
        let back: Document = serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn byte_soup_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let analyzer = zhengce::Analyzer::default();
        if let Ok(doc) = analyzer.analyze_bytes(&bytes, std::path::Path::new("soup")) {
            prop_assert!(doc.input_len > 0);
        }
    }

    #[test]
    fn normalised_offsets_map_to_the_same_char(input in any::<String>()) {
        let n = Normalized::new(&input);
        for (i, c) in n.as_str().char_indices() {
            let o = n.to_original(i);
            prop_assert!(input.is_char_boundary(o));
            let oc = input[o..].chars().next().unwrap();
            prop_assert_eq!(fold_char(oc).unwrap_or(oc), c);
        }
        prop_assert_eq!(n.to_original(n.as_str().len()), input.len());
    }

    #[test]
    fn chinese_numerals_round_trip(n in 0u64..=1_000_000_000_000) {
        let cn = zhengce::numerals::to_cn(n);
        prop_assert_eq!(zhengce::numerals::parse_cn(&cn), Some(n), "{}", cn);
        // Through the number parser too, and with a measure word after it.
        let num = zhengce::quantity::number::parse_prefix(&format!("{cn}项")).unwrap();
        prop_assert_eq!((num.value, num.len), (n as f64, cn.len()), "{}", cn);
    }

    #[test]
    fn number_parser_never_panics(s in "[0-9.,一二三四五六七八九十百千万亿两零〇○点%成余多至到—分之倍]{0,24}", t in any::<String>()) {
        for input in [s.as_str(), t.as_str()] {
            if let Some(n) = zhengce::quantity::number::parse_prefix(input) {
                prop_assert!(n.len <= input.len() && input.is_char_boundary(n.len));
                prop_assert!(!n.value.is_nan());
            }
            if let Some((_, len)) = zhengce::quantity::number::parse_percent(input) {
                prop_assert!(len <= input.len() && input.is_char_boundary(len));
            }
        }
    }
}

#[test]
fn analyzer_is_send_sync_and_shareable() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<zhengce::Analyzer>();
    assert_all::<zhengce::Document>();
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<zhengce::Error>(); // io::Error inside is not unwind-safe
    let a = zhengce::Analyzer::default();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| assert_eq!(a.analyze("一、甲\n二、乙\n").sections.len(), 2));
        }
    });
}

/// Found by `policy_shaped_text_keeps_spans_sound`: a metric's subject reached back across a
/// blanked-out paywall line and ended inside a multi-byte character.
#[test]
fn subject_next_to_removed_furniture_stays_on_char_boundaries() {
    let input = "。……(X文库www.x.com此处省略66字。点击下载全文)……一是从现在的3家A县教育局\
                 从现在的3家一方面3至5个扩展到至少10家";
    let doc = zhengce::analyze(input);
    check_doc(input, &doc).unwrap();
    assert!(!doc.removed.is_empty(), "the paywall line is removed");
    for m in &doc.metrics {
        if let Some(s) = &m.subject {
            assert!(!s.contains("文库") && !s.trim().is_empty(), "{s:?}");
        }
    }
}
