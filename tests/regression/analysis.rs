//! Regression cases of the analysis: decoding, spans, bounds on size and time.
//!
//! The texts are written here in the genre; the pathological ones are built by repetition at
//! sizes the fixed code reads in a few milliseconds (the code before each fix took seconds to
//! minutes on them, or ran out of stack or memory).

use std::path::Path;

use zhengce::{Analyzer, Document, Section, SourceEncoding, Span};

fn analyze_bytes(bytes: &[u8]) -> Document {
    Analyzer::default()
        .analyze_bytes(bytes, Path::new("case.txt"))
        .expect("decodes")
}

/// The record as compact JSON, to bound its size by the input's.
fn json_len(doc: &Document) -> usize {
    serde_json::to_string(doc).unwrap().len()
}

fn depth(s: &[Section]) -> u32 {
    s.iter().map(|s| 1 + depth(&s.children)).max().unwrap_or(0)
}

fn slice(input: &str, span: Span) -> &str {
    &input[span.start()..span.end()]
}

/// A law-like text of about 30 KB, written for these tests.
fn long_regulation() -> String {
    let mut t = String::from("东江市数据资源管理办法\n第一章 总 则\n");
    for n in 1..=300 {
        t.push_str(&format!(
            "第{}条 市数据资源管理部门应当会同有关部门做好第{n}项数据目录的编制和更新工作。\n",
            zhengce::numerals::to_cn(n)
        ));
    }
    t
}

// Issue 13, case 1: one cut character (`head -c N` of a UTF-8 file) rejected the whole file
// as "not decodable as UTF-8 or GB18030".
#[test]
fn utf8_cut_inside_a_character_is_read_with_a_note() {
    let text = long_regulation();
    let bytes = text.as_bytes();
    // Cut one byte into the last character.
    let cut = (1..4)
        .map(|k| bytes.len() - 2 - k)
        .find(|&i| !text.is_char_boundary(i))
        .unwrap();
    let doc = analyze_bytes(&bytes[..cut]);
    assert_eq!(doc.encoding, SourceEncoding::Utf8);
    assert_eq!(doc.title.as_deref(), Some("东江市数据资源管理办法"));
    assert_eq!(doc.all_sections().len(), 301);
    let note = doc
        .notes
        .iter()
        .find(|n| n.contains("not valid UTF-8"))
        .expect("a note on the bad bytes");
    assert!(note.contains("U+FFFD"), "{note}");
}

// Issue 13, case 1: a bad byte in the middle is replaced, the rest kept, and the note says
// where it was (`1 byte at 1,234`).
#[test]
fn stray_byte_in_utf8_is_replaced_and_located() {
    let text = long_regulation();
    let at = text.find("第二百条").unwrap() + "第二百条 市".len();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xFF);
    let doc = analyze_bytes(&bytes);
    assert_eq!(doc.encoding, SourceEncoding::Utf8);
    let want = format!("1 byte at {}", thousands(at));
    assert!(
        doc.notes.iter().any(|n| n.starts_with(&want)),
        "{want} in {:?}",
        doc.notes
    );
    assert_eq!(doc.all_sections().len(), 301);
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// Issue 13, case 2: a short UTF-8 text with one bad byte was decoded as GB18030 mojibake.
#[test]
fn short_utf8_with_one_bad_byte_stays_utf8() {
    let mut bytes = "各部门要加强管理".as_bytes().to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice("，确保按期完成任务。\n".as_bytes());
    let doc = analyze_bytes(&bytes);
    assert_eq!(doc.encoding, SourceEncoding::Utf8);
    assert_eq!(doc.actions.len(), 1);
    assert_eq!(
        doc.actions[0].text,
        "各部门要加强管理\u{FFFD}，确保按期完成任务。"
    );
}

// Issue 13, case 2, the other way: GB18030 text cut in the middle of a character is still
// GB18030, not UTF-8 full of replacement characters.
#[test]
fn gb18030_cut_inside_a_character_stays_gb18030() {
    let text = long_regulation();
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    // The text ends `。\n`: cut off the line end and half of the full stop.
    let doc = analyze_bytes(&gb[..gb.len() - 2]);
    assert_eq!(doc.encoding, SourceEncoding::Gb18030);
    assert_eq!(doc.title.as_deref(), Some("东江市数据资源管理办法"));
    assert!(doc.notes.iter().any(|n| n.contains("not valid GB18030")));
}

// Issue 13, case 14: UTF-16 without a byte order mark was called binary.
#[test]
fn utf16_without_bom_is_text() {
    let text = "东江市人民政府关于加强安全生产的通知\n一、总体要求\n各部门要落实安全生产责任。\n";
    for bytes in [
        text.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
        text.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>(),
    ] {
        let doc = analyze_bytes(&bytes);
        assert_eq!(doc.encoding, SourceEncoding::Utf16);
        assert_eq!(
            doc.title.as_deref(),
            Some("东江市人民政府关于加强安全生产的通知")
        );
        assert!(doc
            .notes
            .iter()
            .any(|n| n.contains("without a byte order mark")));
    }
}

// Issue 13, case 14: NUL bytes past the first 64 KiB were accepted in UTF-8 and refused in
// GB18030. Now a few stray control bytes are kept in both, wherever they stand, and many are
// binary in both.
#[test]
fn stray_nul_bytes_are_judged_alike_in_utf8_and_gb18030() {
    let mut text = long_regulation();
    text.insert(text.find('\n').unwrap(), '\0');
    text.push('\0');
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    for bytes in [text.as_bytes(), &gb[..]] {
        let doc = analyze_bytes(bytes);
        assert_eq!(doc.all_sections().len(), 301);
    }
    let noisy: String = text.chars().flat_map(|c| [c, '\0']).collect();
    let (gb, _, _) = encoding_rs::GB18030.encode(&noisy);
    for bytes in [noisy.as_bytes(), &gb[..]] {
        let err = Analyzer::default()
            .analyze_bytes(bytes, Path::new("noisy.txt"))
            .unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }
}

// Issue 13, case 14: control characters were kept in titles.
#[test]
fn control_characters_are_not_part_of_a_title() {
    let input =
        "东江市\u{1}人民政府关于加强\u{7f}安全生产的通知\n一、总体要求\n各部门要落实责任。\n";
    let doc = zhengce::analyze(input);
    assert_eq!(
        doc.title.as_deref(),
        Some("东江市人民政府关于加强安全生产的通知")
    );
    let issuer = doc.front.issuer.as_ref().unwrap();
    assert_eq!(issuer.text, "东江市人民政府");
    assert_eq!(slice(input, issuer.span), "东江市\u{1}人民政府");
}

// Issue 13, case 3: the issuer read from a title set over two lines got a span ending inside
// a character (`[0, 18]`, inside 厅).
#[test]
fn issuer_span_maps_back_through_a_title_over_two_lines() {
    let input = "国务院\n办公厅关于加强城市管理工作的通知\n各省、自治区、直辖市人民政府：\n一、总体要求\n各部门要加强管理。\n";
    let doc = zhengce::analyze(input);
    let issuer = doc.front.issuer.as_ref().unwrap();
    assert_eq!(issuer.text, "国务院办公厅");
    assert_eq!(slice(input, issuer.span), "国务院\n办公厅");
    let title = doc.front.title.as_ref().unwrap();
    assert_eq!(title.text, "国务院办公厅关于加强城市管理工作的通知");
    assert_eq!(
        slice(input, title.span),
        "国务院\n办公厅关于加强城市管理工作的通知"
    );
}

// Issue 13, case 4: a 一、 series that restarts (an annex numbered again) nested one level
// deeper each time: ×1000 gave 600 MB of JSON.
#[test]
fn restarting_top_level_series_opens_new_top_level_blocks() {
    let input = "一、标题\n（一）小标题\n1.要点\n（1）细目\n①内容\n".repeat(1000);
    let doc = zhengce::analyze(&input);
    assert_eq!(doc.sections.len(), 1000);
    assert_eq!(depth(&doc.sections), 5);
    // A section and a task for each block: still a fixed multiple of the input (600 MB
    // for these 65 KB before the fix).
    assert!(json_len(&doc) < 16 * input.len(), "{}", json_len(&doc));
}

// Issue 13, case 4: an annex after `附件：title` that numbers its parts 一、 again.
#[test]
fn annex_series_after_sub_items_is_top_level() {
    let input = "一、总体要求\n（一）指导思想\n正文。\n二、重点任务\n（一）稳增长\n正文。\n\
                 附件：东江市重点任务清单\n一、交通\n（一）道路\n正文。\n二、水利\n";
    let doc = zhengce::analyze(input);
    let top: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(top, ["总体要求", "重点任务", "东江市重点任务清单"]);
    // The annex is a block of its own, its parts below it (not below 重点任务).
    let annex = &doc.sections[2];
    assert_eq!(annex.block, Some(zhengce::Block::Annex));
    let parts: Vec<&str> = annex.children.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(parts, ["交通", "水利"]);
}

// Issue 13, case 5: `一、a\n（一）b\n` ×50,000 overflowed the stack (a tree 100,000 deep).
#[test]
fn alternating_series_stay_two_deep() {
    let input = "一、a\n（一）b\n".repeat(5000);
    let doc = zhengce::analyze(&input);
    assert_eq!(doc.sections.len(), 5000);
    assert_eq!(depth(&doc.sections), 2);
}

// Issue 13, case 6: `一是加强，二是推进，` ×8000 on one line gave 962 MB of JSON: the lead of
// each series' last point ran to the end of the line.
#[test]
fn point_leads_stop_at_the_next_marker_of_their_family() {
    let input = "一是加强，二是推进，".repeat(2000);
    let doc = zhengce::analyze(&input);
    assert_eq!(doc.points.len(), 4000);
    for p in &doc.points {
        assert!(["加强", "推进"].contains(&p.lead.as_str()), "{:?}", p.lead);
        assert!(p.span.end() - p.span.start() <= "二是推进，".len());
    }
    assert!(json_len(&doc) < 10 * input.len(), "{}", json_len(&doc));
}

// Issue 13, case 6: a lead has a bounded length even in a text without full stops.
#[test]
fn point_lead_is_bounded_without_full_stops() {
    let body = "加强".repeat(2000);
    let input = format!("一是{body}，二是{body}\n");
    let doc = zhengce::analyze(&input);
    assert_eq!(doc.points.len(), 2);
    for p in &doc.points {
        assert!(p.lead.chars().count() <= 200, "{}", p.lead.chars().count());
    }
}

// Issue 13, case 7: 100,000 `年` in a row did not finish in 120 s (each window walked back
// over the whole run).
#[test]
fn a_long_run_of_nian_is_read_in_one_pass() {
    let input = "年".repeat(100_000);
    let doc = zhengce::analyze(&input);
    assert!(doc.times.is_empty());
    assert!(json_len(&doc) < 2048);
}

// Issue 13, case 8: each action scanned every heading and every time: a file of headings with
// a directive each grew with the square of its length.
#[test]
fn many_headings_with_directives_each_get_their_own() {
    let mut input = String::new();
    for n in 1..=2000 {
        input.push_str(&format!(
            "{n}.第{n}项任务\n各部门要在2026年{}月底前完成第{n}项任务。\n",
            n % 12 + 1
        ));
    }
    let doc = zhengce::analyze(&input);
    assert_eq!(doc.sections.len(), 999, "Arabic markers stop at 999");
    assert_eq!(doc.actions.len(), 2000);
    for (i, a) in doc.actions.iter().enumerate().take(999) {
        let n = i as u32 + 1;
        assert_eq!(a.section_path, [n]);
        let month = n % 12 + 1;
        let want = format!("2026-{month:02}-");
        assert!(
            a.deadline.as_deref().is_some_and(|d| d.starts_with(&want)),
            "{n}: {:?}",
            a.deadline
        );
    }
}

// Issue 13, case 14: headings after 一百一十、 were not recognised.
#[test]
fn chinese_ordinals_past_one_hundred_and_ten_are_headings() {
    let mut input = String::new();
    for n in 1..=130 {
        input.push_str(&format!(
            "{}、第{n}项\n正文。\n",
            zhengce::numerals::to_cn(n)
        ));
    }
    let doc = zhengce::analyze(&input);
    assert_eq!(doc.sections.len(), 130);
    assert_eq!(doc.sections[129].ordinal, 130);
}

// Issue 13, case 14: over the limit on standard input, the message gave a made-up size (the
// limit plus one, where reading stopped).
#[test]
fn stdin_over_the_limit_says_so_without_a_made_up_size() {
    let out = assert_cmd::Command::cargo_bin("zhengce")
        .unwrap()
        .args(["analyze", "-", "--max-bytes", "10"])
        .write_stdin("各部门要加强管理，确保完成任务。")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("-: too large: more than the limit of 10 bytes"),
        "{err}"
    );
    assert!(!err.contains("11 bytes"), "{err}");
}

// Issue 9: a directive's text ran across a removed omission line (`……(X文库…此处省略660字…)……`)
// into the text after it. A sentence cut by an omission ends there.
#[test]
fn action_text_ends_at_an_omission() {
    let input = "一、工作安排\n我们必须坚持问题导向，集中优势兵力，完成率\n\
                 ……(某某文库www.example.com此处省略660字。点击下载全文)……\n\
                 刻反思，立即行动起来，确保在年底前全部销号。\n";
    let doc = zhengce::analyze(input);
    assert!(!doc.removed.is_empty(), "the omission line is removed");
    for a in &doc.actions {
        assert!(!a.text.contains("省略"), "{}", a.text);
        assert!(
            !a.text.contains("完成率") || !a.text.contains("刻反思"),
            "{}",
            a.text
        );
    }
    let texts: Vec<&str> = doc.actions.iter().map(|a| a.text.as_str()).collect();
    assert!(
        texts.contains(&"我们必须坚持问题导向，集中优势兵力，完成率"),
        "{texts:?}"
    );
}
