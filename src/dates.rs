//! Calendar dates written in Chinese (`2025年12月3日`, `二〇二五年十二月三日`) or ISO form.

use std::sync::LazyLock;

use regex::Regex;

use crate::numerals::parse_int;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Reads `YYYY-MM-DD` (also `YYYY-MM` and `YYYY`, taken as their first day).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next().map_or(Some(1), |m| m.parse().ok())?;
        let day = it.next().map_or(Some(1), |d| d.parse().ok())?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

static CN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*",
        r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*",
        r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    ))
    .expect("date regex")
});
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})").expect("date regex")
});

/// The first full date (year, month and day) in `s`, with its byte range.
pub fn find_date(s: &str) -> Option<(Date, usize, usize)> {
    for re in [&*CN_DATE, &*ISO_DATE] {
        for c in re.captures_iter(s) {
            let n = |i: usize| c.get(i).and_then(|m| parse_int(m.as_str()));
            if let (Some(y), Some(m), Some(d)) = (n(1), n(2), n(3)) {
                if let Some(date) = Date::new(y as i32, m as u32, d as u32) {
                    let all = c.get(0)?;
                    return Some((date, all.start(), all.end()));
                }
            }
        }
    }
    None
}

/// Whether `s` is nothing but a date, perhaps in brackets (`(2025年12月3日)`).
pub fn is_date_line(s: &str) -> Option<Date> {
    // `(二〇二五年十二月三十一日)` is 45 bytes; anything much longer is prose.
    if s.len() > 64 {
        return None;
    }
    let inner = s
        .trim()
        .trim_start_matches(['(', '（', '['])
        .trim_end_matches([')', '）', ']']);
    let (d, a, b) = find_date(inner)?;
    (a == 0 && b == inner.len()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_epoch_days() {
        const CASES: &[(&str, Option<i64>)] = &[
            ("1970-01-01", Some(0)),
            ("2000-03-01", Some(11_017)),
            ("2026-11-25", Some(20_782)),
            ("1954-09-23", Some(-5_579)),
            ("2024", Some(19_723)),
            ("2025-02-29", None),
            ("2025/01/01", None),
            ("", None),
        ];
        for &(s, want) in CASES {
            assert_eq!(
                Date::parse_iso(s).map(|d| d.days_since_epoch()),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn finds_dates() {
        const CASES: &[(&str, Option<&str>)] = &[
            ("2025年12月3日", Some("2025-12-03")),
            ("二〇二五年十二月三日", Some("2025-12-03")),
            (
                "二○○二年三月五日在第九届全国人民代表大会上",
                Some("2002-03-05"),
            ),
            (
                "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上",
                Some("2026-02-05"),
            ),
            ("时间:2026-02-11", Some("2026-02-11")),
            ("2025年2月30日", None),
            ("2025年", None),
        ];
        for (s, want) in CASES {
            assert_eq!(
                find_date(s).map(|d| d.0.iso()),
                want.map(String::from),
                "{s}"
            );
        }
        assert!(is_date_line("(2025年12月3日)").is_some());
        assert!(is_date_line("2025年12月3日印发").is_none());
    }
}
