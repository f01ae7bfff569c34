//! Ranking as a researcher expects it, on texts written for these tests: a document about the
//! query above one that mentions it once in a short passage; a title that is the query above
//! documents that only contain it; exact text above text across punctuation.
#![cfg(feature = "search")]

use zhengce::search::batch::index_paths;
use zhengce::search::{Archive, OpenMode, Query};
use zhengce::Analyzer;

/// A plan about 数字乡村: it names it once in each of its many sections, in passages about
/// other things as well.
const PLAN: &str = "东江市乡村建设三年行动方案

一、总体要求

坚持农业农村优先发展，统筹推进乡村产业、人才、文化、生态和组织振兴，把数字乡村建设作为推动农业农村现代化的重要抓手，到2027年农村人居环境明显改善，公共服务水平持续提升。

二、夯实基础设施

加快农村公路提档升级和农村供水保障工程建设，推进农村电网巩固提升，同步建设数字乡村网络基础设施，实现行政村千兆光网和移动通信网络全覆盖，提升农村物流配送能力。

三、发展乡村产业

做强农产品加工和乡村旅游，培育家庭农场和农民合作社，推动数字乡村新业态发展，支持农产品电商直播，打造一批产值超十亿元的农业产业强镇，促进农民持续增收。

四、提升治理能力

健全党组织领导的自治、法治、德治相结合的乡村治理体系，推广积分制和清单制，建设数字乡村治理平台，推进村级事务网上办理，提升基层治理效能和群众满意度。

五、改善公共服务

推进城乡教育共同体和紧密型县域医共体建设，完善农村养老服务网络，以数字乡村建设带动远程医疗和在线教育进村入户，提高农村公共服务便利度。

六、保障措施

各部门要加强统筹协调，把数字乡村建设纳入年度考核，加大财政投入和金融支持，强化督促检查，确保各项任务落地见效。
";

/// A short notice that mentions 数字乡村 once, in a short passage.
const NOTICE: &str = "东江市农业农村局关于报送春耕备耕情况的通知

各乡镇农业服务中心：

请报送数字乡村试点进展。

东江市农业农村局
2026年3月1日
";

/// A law, and the regulation that implements it (which names the law in every article).
const LAW: &str = "中华人民共和国湿地保护法

第一章 总则

第一条 为了加强湿地保护，维护湿地生态功能及生物多样性，制定本法。

第二条 在中华人民共和国领域及管辖的其他海域内从事湿地保护、利用、修复及相关管理活动，适用本法。
";

const REGULATION: &str = "中华人民共和国湿地保护法实施条例

第一条 根据《中华人民共和国湿地保护法》，制定本条例。

第二条 《中华人民共和国湿地保护法》所称湿地，依照湿地保护法的规定认定。

第三条 县级以上人民政府应当依照湿地保护法和本条例，做好湿地保护工作。

第四条 违反湿地保护法规定的，依照湿地保护法处罚。
";

/// The query's characters together, and only across punctuation.
const TOGETHER: &str = "关于加强作风建设的讲话

同志们：

我们要始终做到对党对人民负责，这是对干部的基本要求。
";

const ACROSS: &str = "关于做好信访工作的讲话

同志们：

信访工作要对党、对人民负责。对党、对人民负责，就要把群众的事办好。始终对党、对人民负责。
";

fn archive() -> (tempfile::TempDir, Archive) {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("docs");
    std::fs::create_dir_all(&files).unwrap();
    for (name, text) in [
        ("plan.txt", PLAN),
        ("notice.txt", NOTICE),
        ("law.txt", LAW),
        ("regulation.txt", REGULATION),
        ("together.txt", TOGETHER),
        ("across.txt", ACROSS),
    ] {
        std::fs::write(files.join(name), text).unwrap();
    }
    let archive = Archive::builder()
        .heap_bytes(64 << 20)
        .threads(1)
        .open(&dir.path().join("index"), OpenMode::Create)
        .unwrap();
    index_paths(&archive, &Analyzer::default(), &[files], &()).unwrap();
    (dir, archive)
}

fn order(archive: &Archive, q: &str) -> Vec<String> {
    archive
        .search(&Query::new(q))
        .unwrap()
        .hits
        .iter()
        .map(|h| {
            std::path::Path::new(&h.key)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn a_document_about_the_query_comes_first() {
    let (_d, a) = archive();
    let got = order(&a, "数字乡村");
    assert_eq!(got.first().map(String::as_str), Some("plan.txt"), "{got:?}");
    assert!(got.contains(&"notice.txt".to_string()));
}

#[test]
fn a_title_that_is_the_query_comes_first() {
    let (_d, a) = archive();
    for q in ["湿地保护法", "中华人民共和国湿地保护法"] {
        let got = order(&a, q);
        assert_eq!(
            got.first().map(String::as_str),
            Some("law.txt"),
            "{q}: {got:?}"
        );
    }
    // A query that is the whole title of the regulation puts it first.
    let got = order(&a, "湿地保护法实施条例");
    assert_eq!(
        got.first().map(String::as_str),
        Some("regulation.txt"),
        "{got:?}"
    );
}

#[test]
fn exact_text_before_text_across_punctuation() {
    let (_d, a) = archive();
    let got = order(&a, "对党对人民");
    assert_eq!(
        got.first().map(String::as_str),
        Some("together.txt"),
        "{got:?}"
    );
}
