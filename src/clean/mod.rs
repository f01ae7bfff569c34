//! Stage 3: finding what is not the document — web chrome, page metadata, paywall and preview
//! notices, omission markers, page furniture, running headers, photo captions — and what the
//! text says about its own truncation.
//!
//! Each rule is a shape or a vocabulary (`src/data/*.txt`), not one site's string, so the same
//! rules catch other sites' furniture. Everything found is reported in `removed`; nothing is
//! dropped silently.

mod chrome;
mod page;
mod paywall;

use crate::lines::Line;
use crate::model::RemovalReason;

pub(crate) use chrome::MetaTable;

/// A stretch of the normalised text judged not to be the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut {
    pub start: usize,
    pub end: usize,
    pub reason: RemovalReason,
}

/// An omission marker in normalised coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OmissionAt {
    pub start: usize,
    pub end: usize,
    pub chars: Option<u64>,
}

/// Truncation figures, normalised coordinates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TruncationAt {
    pub declared: Option<u64>,
    pub shown: Option<u64>,
    pub remaining: Option<u64>,
    pub omissions: Vec<OmissionAt>,
}

impl TruncationAt {
    fn is_empty(&self) -> bool {
        self.declared.is_none()
            && self.shown.is_none()
            && self.remaining.is_none()
            && self.omissions.is_empty()
    }
}

/// What cleaning found.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// Sorted by start, not overlapping.
    pub cuts: Vec<Cut>,
    pub truncation: Option<TruncationAt>,
    pub meta: MetaTable,
}

/// Lines longer than this (in bytes) are prose; only inline omission markers are looked for.
const SHORT_LINE: usize = 360;

/// Finds the furniture in `text` (normalised), split into `lines`.
pub(crate) fn clean(text: &str, lines: &[Line]) -> Cleaned {
    let mut reasons: Vec<Option<RemovalReason>> = vec![None; lines.len()];
    let mut cuts = Vec::new();
    let mut trunc = TruncationAt::default();

    let meta = chrome::metadata_table(text, lines, &mut reasons);
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || reasons[i].is_some() {
            continue;
        }
        let t = line.text(text);
        if t.len() > SHORT_LINE {
            if let Some(om) = paywall::inline_omission(t) {
                let cut_start = line.text_start + om.start;
                let cut_end = line.text_start + om.end;
                cuts.push(Cut {
                    start: cut_start,
                    end: cut_end,
                    reason: RemovalReason::Omission,
                });
                trunc.omissions.push(OmissionAt {
                    start: cut_start,
                    end: cut_end,
                    chars: om.chars,
                });
            }
            continue;
        }
        reasons[i] = classify_short(t, line, &mut trunc, &mut cuts);
    }
    chrome::breadcrumbs(text, lines, &mut reasons);
    page::repeated_headers(text, lines, &mut reasons);

    for (line, reason) in lines.iter().zip(&reasons) {
        if let Some(reason) = *reason {
            cuts.push(Cut {
                start: line.text_start,
                end: line.text_end,
                reason,
            });
        }
    }
    cuts.sort_by_key(|c| (c.start, c.end));
    trunc.omissions.sort_by_key(|o| o.start);
    Cleaned {
        cuts,
        truncation: (!trunc.is_empty()).then_some(trunc),
        meta,
    }
}

/// Classifies one short line; an omission inside a line that is otherwise text becomes a cut.
fn classify_short(
    t: &str,
    line: &Line,
    trunc: &mut TruncationAt,
    cuts: &mut Vec<Cut>,
) -> Option<RemovalReason> {
    // Chrome, page metadata, page numbers and captions are short; a longer line can only be a
    // paywall notice or hold an omission marker.
    let short = t.len() <= 240;
    if short && chrome::is_chrome(t) {
        return Some(RemovalReason::WebChrome);
    }
    if short && chrome::is_web_meta(t) {
        return Some(RemovalReason::WebMetadata);
    }
    if let Some(om) = paywall::inline_omission(t) {
        let whole = t[..om.start].trim().is_empty() && t[om.end..].trim().is_empty();
        let (start, end) = if whole {
            (line.text_start, line.text_end)
        } else {
            (line.text_start + om.start, line.text_start + om.end)
        };
        trunc.omissions.push(OmissionAt {
            start,
            end,
            chars: om.chars,
        });
        if whole {
            return Some(RemovalReason::Omission);
        }
        cuts.push(Cut {
            start,
            end,
            reason: RemovalReason::Omission,
        });
        return None;
    }
    if paywall::is_paywall(t) {
        paywall::read_figures(t, trunc);
        return Some(RemovalReason::Paywall);
    }
    if short && page::is_page_furniture(t) {
        return Some(RemovalReason::PageFurniture);
    }
    if short && page::is_caption(t) {
        return Some(RemovalReason::Caption);
    }
    None
}

/// Copies `text` with every cut overwritten by ASCII spaces of the same byte length, so that
/// offsets stay valid and later stages never see removed text. `ranges` are sorted and lie on
/// char boundaries.
pub(crate) fn blank_out<'t>(text: &'t str, ranges: &[(usize, usize)]) -> std::borrow::Cow<'t, str> {
    if ranges.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(s, e) in ranges {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        out.push_str(&text[at..s]);
        out.extend(std::iter::repeat_n(' ', e - s));
        at = e;
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn reasons_of(text: &str) -> Vec<(String, RemovalReason)> {
        let lines = split_lines(text);
        clean(text, &lines)
            .cuts
            .iter()
            .map(|c| (text[c.start..c.end].to_string(), c.reason))
            .collect()
    }

    #[test]
    fn furniture_lines() {
        use RemovalReason::*;
        const CASES: &[(&str, Option<RemovalReason>)] = &[
            ("下载", Some(WebChrome)),
            ("【字号:加大 还原 减小】", Some(WebChrome)),
            ("【打印本页】【关闭窗口】", Some(WebChrome)),
            ("扫一扫在手机打开当前页", Some(WebChrome)),
            ("】", Some(WebChrome)),
            ("来源:安徽日报", Some(WebMetadata)),
            ("时间:2026-02-11", Some(WebMetadata)),
            ("2026-01-31 07:00:44", Some(WebMetadata)),
            (
                "预览结束,全文3388字,当前显示2078字,还剩1310字",
                Some(Paywall),
            ),
            ("本文6元", Some(Paywall)),
            ("下载文档", Some(Paywall)),
            (
                "……(某某文库www.example.cn此处省略420字。点此继续)……",
                Some(Omission),
            ),
            ("- 3 -", Some(PageFurniture)),
            ("— 12 —", Some(PageFurniture)),
            ("第3页 共10页", Some(PageFurniture)),
            ("政府工作报告。 贵州日报天眼新闻记者 李森 摄", Some(Caption)),
            ("一、总体要求", None),
            ("各位代表:", None),
            (
                "同志们,要下载文档模板的请联系办公室。我们要加快建设步伐,推动发展。",
                None,
            ),
            ("时间紧、任务重,各部门要抓紧落实。", None),
        ];
        for (line, want) in CASES {
            let got = reasons_of(line).first().map(|r| r.1);
            assert_eq!(got, *want, "{line}");
        }
    }

    #[test]
    fn truncation_figures() {
        let t = "正文。\n……(X文库www.x.com此处省略660字。点击下载全文)……\n再往后。\n预览结束,全文3388字,当前显示2078字,还剩1310字\n";
        let c = clean(t, &split_lines(t));
        let tr = c.truncation.unwrap();
        assert_eq!(
            (tr.declared, tr.shown, tr.remaining),
            (Some(3388), Some(2078), Some(1310))
        );
        assert_eq!(tr.omissions.len(), 1);
        assert_eq!(tr.omissions[0].chars, Some(660));
    }

    #[test]
    fn inline_omission_cuts_only_the_marker() {
        let t = "前文照常。……(此处省略120字)……后文继续。";
        let c = clean(t, &split_lines(t));
        assert_eq!(c.cuts.len(), 1);
        assert_eq!(&t[c.cuts[0].start..c.cuts[0].end], "……(此处省略120字)……");
    }
}
