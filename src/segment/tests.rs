use std::sync::LazyLock;

use super::*;

static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

fn texts(input: &str) -> Vec<String> {
    SEG.words(input).into_iter().map(|w| w.text).collect()
}

/// The words jieba alone gets wrong, kept whole with the policy dictionary and the protected
/// patterns.
#[test]
fn kept_whole() {
    const CASES: &[(&str, &str)] = &[
        ("编制十五五规划", "十五五"),
        ("编制十五五规划", "规划"),
        ("力争2026年底前完成", "2026年"),
        ("推进一网通办改革", "一网通办"),
        ("到２０２６年", "2026年"),
        ("培育新质生产力", "新质生产力"),
        ("持续优化营商环境", "营商环境"),
        ("落实租购同权", "租购同权"),
        ("深化放管服改革", "放管服"),
        ("国办发〔2025〕12号", "〔2025〕12号"),
        ("学习贯彻二十届三中全会精神", "二十届三中全会"),
        ("推动专精特新企业发展", "专精特新"),
        ("十五五規劃", "规划"),
        ("發展新質生產力", "新质生产力"),
    ];
    for &(input, want) in CASES {
        let got = texts(input);
        assert!(
            got.iter().any(|w| w == want),
            "{input}: {want} not in {got:?}"
        );
    }
}

#[test]
fn numbers_inside_words_are_not_plan_periods() {
    // 二十五五 is not a plan period; 12026年 is not a year.
    assert!(!texts("二十五五个").iter().any(|w| w == "十五五"));
    assert!(!texts("编号12026年").iter().any(|w| w == "2026年"));
}

#[test]
fn spans_point_at_the_input_and_fold_to_the_word() {
    for input in [
        "（一）到２０２６年底，ＧＤＰ增長５．８％。",
        "十五五規劃\r\n一网通办",
        "a\u{3000}b，c",
    ] {
        for w in SEG.words(input) {
            let s = &input[w.span.start()..w.span.end()];
            assert_eq!(
                fold::fold_str(s, Traditional::ToSimplified),
                w.text,
                "{input}"
            );
        }
    }
}

#[test]
fn punctuation_leaves_one_gap() {
    let ws = SEG.words("改革，发展。。稳定");
    let pos: Vec<(&str, u32)> = ws.iter().map(|w| (w.text.as_str(), w.position)).collect();
    assert_eq!(pos, [("改革", 0), ("发展", 2), ("稳定", 4)]);
    // Spaces leave none.
    let ws = SEG.words("改革 发展");
    assert_eq!(ws.iter().map(|w| w.position).collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn joined_is_space_separated_words() {
    assert_eq!(
        SEG.joined("推进一网通办，优化营商环境"),
        "推进 一网通办 优化 营商环境"
    );
}

#[test]
fn grams_of_a_text() {
    const CASES: &[(&str, &[(&str, u32)])] = &[
        ("待处理", &[("待", 0), ("处", 1), ("理", 2)]),
        ("处", &[("处", 0)]),
        ("增长5.8%", &[("增", 0), ("长", 1), ("5.8", 2)]),
        ("党，国", &[("党", 0), ("国", 2)]),
        ("营商\n环境", &[("营", 0), ("商", 1), ("环", 2), ("境", 3)]),
        ("ＧＤＰ增长", &[("gdp", 0), ("增", 1), ("长", 2)]),
        ("改革，发展", &[("改", 0), ("革", 1), ("发", 3), ("展", 4)]),
        ("，，改革。。", &[("改", 0), ("革", 1)]),
        // A decimal point joins digits only; after a letter it is punctuation.
        (
            "v2.0 no.5 ｎｏ．５",
            &[("v2.0", 0), ("no", 1), ("5", 3), ("no", 4), ("5", 6)],
        ),
        ("12.", &[("12", 0)]),
        ("規劃", &[("规", 0), ("划", 1)]),
    ];
    for &(input, want) in CASES {
        let got = grams(input, Traditional::ToSimplified);
        let got: Vec<(&str, u32)> = got.iter().map(|g| (g.text.as_str(), g.position)).collect();
        assert_eq!(got, want, "{input}");
    }
}

#[test]
fn gram_spans_cover_their_units() {
    let input = "２０２６年 规划";
    for g in grams(input, Traditional::ToSimplified) {
        let s: String = input[g.span.start()..g.span.end()]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(fold::fold_str(&s, Traditional::ToSimplified), g.text);
    }
}

#[test]
fn policy_dictionary_is_large_and_well_formed() {
    let mut n = 0;
    let mut seen = std::collections::HashSet::new();
    for line in POLICY_DICT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let parts: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(parts.len(), 3, "{line}");
        assert!(parts[1].parse::<usize>().is_ok(), "{line}");
        assert!(seen.insert(parts[0]), "duplicate {line}");
        n += 1;
    }
    assert!(n >= 2000, "{n} terms");
    // A term is one concept, not two terms run together.
    for w in &seen {
        for (i, _) in w.char_indices().skip(2) {
            let (a, b) = w.split_at(i);
            assert!(
                !(seen.contains(a) && seen.contains(b) && b.chars().count() >= 2),
                "{w} = {a} + {b}"
            );
        }
    }
}

#[test]
fn user_dictionary() {
    let word = "滨海数智港";
    assert!(!texts(&format!("建设{word}")).iter().any(|w| w == word));
    let seg = Segmenter::builder()
        .user_dict("test", format!("# ours\n{word} 10 nz\n"))
        .build()
        .unwrap();
    let got: Vec<String> = seg
        .words(&format!("建设{word}"))
        .into_iter()
        .map(|w| w.text)
        .collect();
    assert!(got.iter().any(|w| w == word), "{got:?}");
    let err = Segmenter::builder()
        .user_dict("bad.txt", "词 x\n")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("bad.txt"), "{err}");
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn letter_test_agrees_with_the_unicode_tables() {
    // Every scalar value: the ranges decided without a look-up give what the tables give
    // (the two blocks of unified ideographs count whole, assigned or not).
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        let ideograph = matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}');
        let want = !c.is_ascii() && (ideograph || c.is_alphanumeric());
        assert_eq!(super::is_letter(c), want, "{c:?} U+{:04X}", c as u32);
    }
}

/// Short texts cut with the prebuilt table's words and long ones with the whole dictionary:
/// the same words either way. Pieces of the bundled corpus (and of `../shared/corpus-real/`
/// where it is present) of every length up to the limit, cut by an on-demand segmenter that
/// never loads the whole dictionary and by one that loads it first.
#[test]
fn table_cuts_as_the_whole_dictionary() {
    assert!(
        super::table::table().is_some(),
        "build.rs wrote no word table"
    );
    let eager = Segmenter::builder().load(Load::Eager).build().unwrap();
    let lazy = Segmenter::new();
    let mut texts: Vec<String> = Vec::new();
    for dir in ["corpus", "../shared/corpus-real"] {
        if !std::path::Path::new(dir).is_dir() {
            eprintln!("{dir} is absent; skipped");
            continue;
        }
        for e in walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if e.path().extension().is_some_and(|x| x == "txt") {
                texts.extend(std::fs::read_to_string(e.path()).ok());
            }
        }
    }
    let mut compared = 0;
    for (k, text) in texts.iter().enumerate() {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        // Twelve pieces of 2 to 301 characters spread over the text.
        let stride = bounds.len() / 12 + 1;
        for i in 0..12 {
            let at = i * stride + k % 7;
            if at >= bounds.len() {
                break;
            }
            let len = 2 + (at * 31 + k) % 300;
            let end = bounds.get(at + len).copied().unwrap_or(text.len());
            let piece = &text[bounds[at]..end];
            if piece.len() <= 1024 {
                assert_eq!(lazy.words(piece), eager.words(piece), "{piece}");
                for w in lazy
                    .words(piece)
                    .iter()
                    .filter(|w| w.text.chars().count() > 2)
                {
                    assert_eq!(lazy.pieces(&w.text), eager.pieces(&w.text), "{}", w.text);
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 300, "only {compared} pieces compared");
    assert!(
        !lazy.loaded(),
        "the on-demand segmenter loaded the dictionary"
    );
}

/// The table's total is jieba-rs's after both dictionaries are loaded (a stale or partial
/// table would not be), and the policy dictionary folds as `build.rs` folds it (Latin letters
/// lower-cased).
#[test]
fn table_is_the_loaded_dictionary() {
    let table = super::table::table().expect("build.rs wrote no word table");
    let seg = Segmenter::builder().load(Load::Eager).build().unwrap();
    let shown = format!("{:?}", seg.full());
    let total = shown.split("total_freq: ").nth(1).map(|s| {
        s.split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or_default()
    });
    assert_eq!(total, Some(table.total().to_string().as_str()), "{shown}");
    for line in POLICY_DICT.lines().filter(|l| !l.starts_with('#')) {
        let word = line.split_whitespace().next().unwrap_or_default();
        assert_eq!(
            fold::fold_str(word, Traditional::ToSimplified),
            word.to_ascii_lowercase()
        );
    }
}

/// A user dictionary is not in the table: its words count with the on-demand load too.
#[test]
fn user_words_with_on_demand_load() {
    let seg = Segmenter::builder()
        .user_dict("test", "积分落户办 100000 nz\n")
        .build()
        .unwrap();
    let words: Vec<String> = seg
        .words("推进积分落户办建设")
        .into_iter()
        .map(|w| w.text)
        .collect();
    assert!(words.contains(&"积分落户办".to_string()), "{words:?}");
}

proptest::proptest! {
    /// Any short text, of policy words' characters, digits, Latin letters, punctuation and
    /// space: the on-demand cut is the whole dictionary's.
    #[test]
    fn any_short_text_cuts_as_the_whole_dictionary(
        text in "[推进改革营商环境优化十五五规划国务院办公厅关于实施意见全面深化发展新质生产力一网通办放管服年月日号发政工作报告省市县区，。、（）〔〕 0-9a-zA-Z]{0,80}"
    ) {
        static EAGER: LazyLock<Segmenter> =
            LazyLock::new(|| Segmenter::builder().load(Load::Eager).build().unwrap());
        let lazy = Segmenter::new();
        proptest::prop_assert_eq!(lazy.words(&text), EAGER.words(&text));
        proptest::prop_assert!(!lazy.loaded());
    }
}

/// Cut a few kilobytes of lines at a time, a long text gets the words jieba gives it whole:
/// runs of letters, digits and symbols across the chunks' edges, `\r\n`, lines longer than a
/// chunk, and a text with no line break at all.
#[test]
fn a_long_text_cut_in_line_chunks_gets_the_words_of_one_cut() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut text = String::new();
    for entry in std::fs::read_dir(&corpus).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(&path).expect("text");
            text.push_str(&String::from_utf8_lossy(&bytes));
            text.push_str("\r\nabc123\r\n\r\n");
        }
    }
    let long_line = "推进一网通办改革,优化营商环境ABC-12.5%".repeat(400);
    text.push_str(&long_line);
    text.push('\n');
    let jieba = SEG.full();
    for (text, size) in [
        (text.as_str(), 1 << 13),
        (text.as_str(), 7),
        (long_line.as_str(), 1 << 13),
        ("", 16),
    ] {
        let whole: Vec<(usize, usize)> = jieba
            .cut(text, true)
            .iter()
            .map(|t| (t.byte_start, t.byte_end))
            .collect();
        let mut chunked = Vec::new();
        let mut base = 0;
        for piece in words::line_chunks(text, size) {
            assert!(piece.ends_with('\n') || base + piece.len() == text.len());
            chunked.extend(
                jieba
                    .cut(piece, true)
                    .iter()
                    .map(|t| (base + t.byte_start, base + t.byte_end)),
            );
            base += piece.len();
        }
        assert_eq!(base, text.len());
        assert_eq!(chunked, whole, "chunks of {size} bytes");
    }
    assert!(text.len() > 1 << 15, "{} bytes", text.len());
}
