//! The analysis record: [`Document`] and the types it is made of.
//!
//! Field names and meanings follow `spec/analysis-json.md`. Every [`Span`] is a byte range of the
//! original decoded input, so `&input[span.start()..span.end()]` is the surface text.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` of the original input; serialises as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span(pub usize, pub usize);

impl Span {
    /// The first byte of the range.
    pub fn start(self) -> usize {
        self.0
    }
    /// One past the last byte of the range.
    pub fn end(self) -> usize {
        self.1
    }
    /// The range's length in bytes.
    pub fn len(self) -> usize {
        self.1 - self.0
    }
    /// Whether the range is empty.
    pub fn is_empty(self) -> bool {
        self.0 == self.1
    }
    /// Whether `other` lies inside this range.
    pub fn contains(self, other: Span) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }
    /// The surface text of this span in `input`, or `None` if it does not fit.
    pub fn text(self, input: &str) -> Option<&str> {
        input.get(self.0..self.1)
    }
}

/// What kind of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// 讲话, 致辞, party congress reports.
    Speech,
    /// 政府工作报告.
    WorkReport,
    /// 通知, 意见, 方案, 决定, 函.
    Notice,
    /// 法, 条例, 办法, 规定, 细则.
    Law,
    /// 规划, 纲要.
    Plan,
    /// Anything else.
    #[default]
    Other,
}

impl DocType {
    /// Every type, in declaration order.
    pub const ALL: [DocType; 6] = [
        DocType::Speech,
        DocType::WorkReport,
        DocType::Notice,
        DocType::Law,
        DocType::Plan,
        DocType::Other,
    ];

    /// The name used in the record and on the command line (`work_report`).
    pub fn name(self) -> &'static str {
        match self {
            DocType::Speech => "speech",
            DocType::WorkReport => "work_report",
            DocType::Notice => "notice",
            DocType::Law => "law",
            DocType::Plan => "plan",
            DocType::Other => "other",
        }
    }

    /// The type of a name, as [`DocType::name`] writes it.
    pub fn from_name(name: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A piece of front matter: its text and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The text, trimmed.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// Lines around the title: who speaks or issues, to whom, under what number and date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    /// The title line(s) as written (a title split over two lines is joined).
    pub title: Option<Field>,
    /// Subtitle lines such as `——2026年1月12日在…会议上`.
    pub subtitle: Vec<Field>,
    /// The speaker (`省长 王清宪` → `王清宪`), with the office in `speaker_office`.
    pub speaker: Option<Field>,
    /// The speaker's office as written before the name (`省人民政府省长`).
    pub speaker_office: Option<String>,
    /// The issuing body (`国务院办公厅`), from a metadata table, the title or the signature.
    pub issuer: Option<Field>,
    /// The document number, 文号 (`滨政办发〔2025〕37号`).
    pub doc_number: Option<Field>,
    /// The salutation line without its colon (`同志们`, `各位代表`).
    pub salutation: Option<Field>,
    /// The closing signature block (issuer lines before the final date).
    pub signature: Option<Field>,
    /// The closing date line.
    pub signature_date: Option<Field>,
    /// Adoption and amendment history lines of a law (`1997年3月14日 …修订`).
    pub history: Vec<Field>,
}

/// One item of an outline block (【提纲】, 目录).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineItem {
    /// Depth in the outline, 1 = top.
    pub level: u32,
    /// The marker as written (`一、`, `一是`).
    pub marker: String,
    /// The integer the marker stands for.
    pub ordinal: u32,
    /// The heading text without marker and trailing punctuation.
    pub heading: String,
    /// Where the item stands in the input.
    pub span: Span,
}

/// A node of the heading tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Depth in this document, 1 = top.
    pub level: u32,
    /// The marker as written: `一、`, `(一)`, `（一）`, `1.`, `第一章`, `第一条`, `第一百三十三条之一`.
    pub marker: String,
    /// The integer the marker stands for.
    pub ordinal: u32,
    /// The heading without marker and trailing `。；;：:`; an article's first sentence.
    pub heading: String,
    /// The whole section, heading to the end of its last child.
    pub span: Span,
    /// Sections nested in this one.
    pub children: Vec<Section>,
    /// For a top-level block that is not the body's own numbering: an annex (`附件1 …`), the
    /// notes (`注释` with `［1］…`), a preamble (`序言`). Absent for ordinary sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<Block>,
}

/// A top-level block beside the body's own headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// `附件`, `附件2：…`: an annex, with its own heading tree below it.
    Annex,
    /// `注释` (or `注：`) followed by numbered notes `［1］…`, each a child.
    Notes,
    /// `序言`: the preamble of a constitution or charter, before its first chapter.
    Preamble,
}

impl Section {
    /// This section and all below it, depth first.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// An inline enumerated point (`一是`, `第一,`, `首先`, `一方面`, `——` bullets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// The marker as written.
    pub marker: String,
    /// The point's position in its series, 1-based.
    pub ordinal: u32,
    /// The ordinals of the enclosing sections from the root.
    pub section_path: Vec<u32>,
    /// The first sentence or clause without the marker.
    pub lead: String,
    /// The whole point up to the next point of its series or the end of its paragraph.
    pub span: Span,
}

/// What a metric measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// A count with a measure word.
    Count,
    /// A percentage.
    Percent,
    /// An amount of money.
    Money,
    /// A physical measure.
    Measure,
    /// A ratio.
    Ratio,
    /// A rank (`第3位`).
    Rank,
}

/// How a quantity is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 至少, 以上, 不少于.
    AtLeast,
    /// 以内, 不超过, 以下.
    AtMost,
    /// 左右, 约, 大约.
    About,
    /// 超过, 逾, 余, 多.
    Over,
    /// 近, 接近.
    Nearly,
    /// 不足, 不到.
    Under,
}

/// Direction of a growth phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增长, 提高, 净增.
    Up,
    /// 下降, 减少.
    Down,
}

/// A quantity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// The surface text.
    pub text: String,
    /// The value (low end of a range).
    pub value: f64,
    /// The high end of a range, where bounded.
    pub high: Option<f64>,
    /// The unit as normalised.
    pub unit: Option<String>,
    /// What is measured.
    pub kind: MetricKind,
    /// How it is bounded.
    pub qualifier: Option<Qualifier>,
    /// What is counted or measured.
    pub subject: Option<String>,
    /// For a change, the value it starts from.
    pub from: Option<f64>,
    /// For a growth phrase, its direction.
    pub direction: Option<Direction>,
    /// The basis of a rate (`每人每月` in `每人每月300元`).
    #[serde(default)]
    pub basis: Option<String>,
    /// Where it stands.
    pub span: Span,
}

/// What a time expression denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A point in time.
    Date,
    /// A stretch of time.
    Period,
    /// A deadline.
    Deadline,
    /// An effective date.
    Effective,
    /// A five-year plan period.
    PlanPeriod,
    /// A length of time.
    Duration,
    /// A relative expression.
    Relative,
}

/// A date, period or deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Time {
    /// The surface text.
    pub text: String,
    /// What it denotes.
    pub kind: TimeKind,
    /// First day, inclusive (ISO).
    pub start: Option<String>,
    /// Last day, inclusive (ISO).
    pub end: Option<String>,
    /// Where it stands.
    pub span: Span,
}

/// How strongly a directive binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// 必须, 确保, 务必, 坚决, 严禁, 不得.
    Hard,
    /// 要, 应当, 负责, 牵头.
    Duty,
    /// 力争, 争取, 努力.
    Aim,
    /// 鼓励, 探索, 支持, 积极, 可以.
    Soft,
    /// A bare imperative or a target in a part that sets work (`有序推进人民币国际化。`,
    /// `粮食产量1.4万亿斤左右`): no directive word.
    Plain,
}

/// A directive sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// The responsible unit or person.
    pub actor: Option<String>,
    /// The units it works with.
    pub partners: Vec<String>,
    /// The directive word as written; `None` for a bare imperative ([`Strength::Plain`]).
    pub modal: Option<String>,
    /// How strongly it binds.
    pub strength: Strength,
    /// The directive sentence.
    pub text: String,
    /// The deadline, ISO.
    pub deadline: Option<String>,
    /// Ordinals of the enclosing sections.
    pub section_path: Vec<u32>,
    /// Index into [`Document::points`].
    pub point: Option<usize>,
    /// Where it stands.
    pub span: Span,
}

/// Where the units of a [`Task`] were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitsSource {
    /// A responsibility note after the measure: `（海关总署、商务部负责）`.
    Note,
    /// A note of an earlier measure that says `下同`.
    Carried,
    /// A row of a 分工表.
    Table,
    /// The measure's own directive sentences (`市商务局牵头负责`).
    Sentence,
}

/// One numbered measure with the units made responsible for it: a row of the 任务分工表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Ordinals of the sections down to the measure.
    pub section_path: Vec<u32>,
    /// Index into [`Document::points`] where the measure is a point.
    pub point: Option<usize>,
    /// The measure's marker as written (`3.`, `（五）`).
    pub marker: String,
    /// The measure's heading (`释放企业产能`), if it has one.
    pub title: Option<String>,
    /// The measure's text, without its marker and its responsibility notes.
    pub text: String,
    /// The units in charge.
    pub lead: Vec<String>,
    /// The other units.
    pub partners: Vec<String>,
    /// The note or cell the units were read from, as written.
    pub units_text: Option<String>,
    /// Where the units come from; `None` where the text names none.
    pub units_source: Option<UnitsSource>,
    /// The deadline, ISO.
    pub deadline: Option<String>,
    /// The deadline as written (`2026年底前`, `持续推进`).
    pub deadline_text: Option<String>,
    /// Indexes into [`Document::metrics`] of the quantities inside the measure.
    pub metrics: Vec<usize>,
    /// The measure with its note.
    pub span: Span,
}

/// Why a stretch of text was judged not to be the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// Site navigation and buttons (`打印`, `【字号：加大 还原 减小】`, `扫一扫在手机打开当前页`).
    WebChrome,
    /// Page metadata of the hosting site (`来源：`, `发布时间：`, `责任编辑：`).
    WebMetadata,
    /// A gov.cn style metadata table (`索 引 号：`, `发文字号：`); its values feed the front matter.
    MetadataTable,
    /// A paywall or preview notice (`预览结束`, `本文6元`, `点击下载全文`).
    Paywall,
    /// A marker standing for omitted text (`此处省略660字`).
    Omission,
    /// Page numbers and page furniture (`- 3 -`, `第3页 共10页`).
    PageFurniture,
    /// A short line repeated through the text, like a running header.
    RepeatedHeader,
    /// A photo caption (`记者 李森 摄`).
    Caption,
}

/// Text judged not to be the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Where it stands.
    pub span: Span,
    /// The removed text.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// One place where the text says something was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omission {
    /// The omission marker.
    pub span: Span,
    /// How many characters it says were left out, if it says.
    pub omitted_chars: Option<u64>,
}

/// What the text says about its own completeness.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncation {
    /// The full length the page declares (`全文3388字`).
    pub declared_chars: Option<u64>,
    /// The length it says it shows (`当前显示2078字`).
    pub shown_chars: Option<u64>,
    /// What it says remains (`还剩1310字`).
    pub remaining_chars: Option<u64>,
    /// Each omission in the body.
    pub omissions: Vec<Omission>,
}

/// The text encoding the input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceEncoding {
    /// UTF-8 (or a `&str` handed in directly).
    #[default]
    Utf8,
    /// UTF-8 with a byte order mark (stripped).
    Utf8Bom,
    /// UTF-16 with a byte order mark.
    Utf16,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

/// The analysis record of one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The title line.
    pub title: Option<String>,
    /// What kind of document.
    pub doc_type: DocType,
    /// The document's own date, ISO.
    pub date: Option<String>,
    /// Title, speaker, issuer, 文号, salutation, signature.
    pub front: FrontMatter,
    /// An outline block, not part of `sections`.
    pub outline: Option<Vec<OutlineItem>>,
    /// The heading tree.
    pub sections: Vec<Section>,
    /// Inline enumerated points in text order.
    pub points: Vec<Point>,
    /// Quantities.
    pub metrics: Vec<Metric>,
    /// Dates, periods, deadlines.
    pub times: Vec<Time>,
    /// Directive sentences.
    pub actions: Vec<Action>,
    /// The numbered measures with their responsible units: the 任务分工表.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Text judged not to be the document.
    pub removed: Vec<Removed>,
    /// What the text says about its completeness.
    pub truncation: Option<Truncation>,
    /// Anything a reader should know.
    pub notes: Vec<String>,
    /// The encoding the input was decoded from.
    pub encoding: SourceEncoding,
    /// Length of the decoded input in bytes (the space spans live in).
    pub input_len: usize,
}

impl Document {
    /// Every section, depth first.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(|s| s.walk()).collect()
    }
}
