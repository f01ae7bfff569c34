//! Numbers as policy texts write them: Arabic with decimals and thousands separators (`1,200`,
//! `412.6`), Chinese numerals (`一百二十八`, `两千`, `三千二百万`, `七十八点五`), mixed forms
//! (`1.2万`, `3千`, `4.86万`, `5.3万亿`), and adjacent numerals that make a range (`两三`,
//! `二三十`). Text is normalised first, so full-width digits arrive as ASCII.

use crate::numerals::{cn_digit, parse_cn};

/// A number read from the start of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// The value (the low end for an adjacent-numeral range).
    pub value: f64,
    /// The high end of an adjacent-numeral range (`两三` → 3).
    pub high: Option<f64>,
    /// Bytes read.
    pub len: usize,
    /// Whether it was written in Chinese numerals.
    pub chinese: bool,
}

fn scale_of(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1e3,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Reads `万`, `亿`, `万亿`, `千`, `百` after an Arabic number: their product and byte length.
fn scale_suffix(s: &str) -> (f64, usize) {
    let mut f = 1.0;
    let mut len = 0;
    for c in s.chars().take(2) {
        match c {
            '万' | '亿' => {
                f *= scale_of(c).expect("scale");
                len += c.len_utf8();
            }
            // 3千, 5百 (only as the first suffix: 3千万 is 3e7 and handled by the loop)
            '千' | '百' if len == 0 => {
                f *= scale_of(c).expect("scale");
                len += c.len_utf8();
            }
            _ => break,
        }
    }
    (f, len)
}

/// Arabic digits: `1,200`, `412.6`, `.5` is not a number.
fn arabic(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    let mut digits: String = s[..i].to_string();
    // Thousands groups: a comma followed by exactly three digits.
    while i + 4 <= b.len()
        && b[i] == b','
        && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        && i <= 3 + digits.len() * 4
    {
        digits.push_str(&s[i + 1..i + 4]);
        i += 4;
    }
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        let start = i;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits.push_str(&s[start..i]);
    }
    digits.parse().ok().map(|v| (v, i))
}

fn is_cn_num_char(c: char) -> bool {
    cn_digit(c).is_some() || scale_of(c).is_some() || c == '点'
}

/// Chinese numerals with an optional `点` decimal part: `七十八点五`, `三千二百万`, `一点二亿`.
fn chinese(s: &str) -> Option<Num> {
    let end: usize = s
        .char_indices()
        .take_while(|&(_, c)| is_cn_num_char(c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let run = &s[..end];
    // A run cannot start with 点 or end with it.
    let run = run.trim_end_matches('点');
    if run.is_empty() || run.starts_with('点') {
        return None;
    }
    if let Some(n) = adjacent_range(run) {
        return Some(n);
    }
    if let Some((int, frac)) = run.split_once('点') {
        // 七十八点五, 一点二亿: the decimals are positional digits, then a scale may follow.
        let frac_digits: String = frac
            .chars()
            .take_while(|&c| cn_digit(c).is_some())
            .collect();
        let scale_part = &frac[frac_digits.len()..];
        if frac_digits.is_empty() {
            return None;
        }
        let i = parse_cn(int)? as f64;
        let f: f64 = format!(
            "0.{}",
            frac_digits
                .chars()
                .map(|c| char::from(b'0' + cn_digit(c).unwrap() as u8))
                .collect::<String>()
        )
        .parse()
        .ok()?;
        let mut scale = 1.0;
        for c in scale_part.chars() {
            scale *= scale_of(c)?;
        }
        return Some(Num {
            value: tidy((i + f) * scale),
            high: None,
            len: run.len(),
            chinese: true,
        });
    }
    // Longest prefix that parses: `十五个` reads 十五, `三千二百万元` reads 三千二百万.
    // `百万`, `千万`: a leading scale stands for one of it.
    let lead_scale = run.starts_with(['百', '千']) && run[3..].starts_with(['万', '亿']);
    let mut best = None;
    for (i, c) in run.char_indices() {
        let prefix = &run[..i + c.len_utf8()];
        let v = if lead_scale {
            parse_cn(&format!("一{prefix}"))
        } else {
            parse_cn(prefix)
        };
        if let Some(v) = v {
            best = Some((v, prefix.len()));
        }
    }
    let (v, len) = best?;
    Some(Num {
        value: v as f64,
        high: None,
        len,
        chinese: true,
    })
}

/// Adjacent numerals: `两三` (2–3), `三五` (3–5), `二三十` (20–30), `五六百` (500–600).
fn adjacent_range(run: &str) -> Option<Num> {
    let mut cs = run.chars();
    let (a, b) = (cs.next()?, cs.next()?);
    let (x, y) = (cn_digit(a)?, cn_digit(b)?);
    if x == 0 || y <= x || y - x > 2 {
        return None;
    }
    let rest: String = cs.collect();
    let mut scale = 1.0;
    for c in rest.chars() {
        scale *= scale_of(c)?;
    }
    Some(Num {
        value: x as f64 * scale,
        high: Some(y as f64 * scale),
        len: run.len(),
        chinese: true,
    })
}

/// Rounds away the binary noise of scaling a decimal (`2.3 × 10⁸` is 229999999.99999997):
/// policy figures carry at most a few decimals.
pub fn tidy(v: f64) -> f64 {
    // Six decimals, fewer for large values so that the scaled value stays exact in an f64
    // (`20412.6亿` is 2041260000000, not 2041259999999.9998).
    let digits = if v == 0.0 {
        1
    } else {
        v.abs().log10().floor() as i32 + 1
    };
    let scale = 10f64.powi((15 - digits).clamp(0, 6));
    let r = (v * scale).round() / scale;
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// Reads a number at the start of `s`.
pub fn parse_prefix(s: &str) -> Option<Num> {
    if let Some((v, len)) = arabic(s) {
        let (f, slen) = scale_suffix(&s[len..]);
        return Some(Num {
            value: tidy(v * f),
            high: None,
            len: len + slen,
            chinese: false,
        });
    }
    chinese(s)
}

/// A percentage written out: `百分之七十八点五` (78.5), `千分之三` (0.3), `八成` (80),
/// `78.5%` (78.5). Returns the percent value and bytes read.
pub fn parse_percent(s: &str) -> Option<(f64, usize)> {
    // Divide rather than multiply by 0.1, which is not exact in binary.
    for (prefix, divisor) in [("百分之", 1.0), ("千分之", 10.0), ("万分之", 100.0)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let n = parse_prefix(rest)?;
            return Some((n.value / divisor, prefix.len() + n.len));
        }
    }
    let n = parse_prefix(s)?;
    let rest = &s[n.len..];
    if rest.starts_with('%') {
        return Some((n.value, n.len + 1));
    }
    if n.chinese && n.value < 10.0 && rest.starts_with('成') {
        return Some((n.value * 10.0, n.len + '成'.len_utf8()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($f:expr, $cases:expr) => {
            for (input, want) in $cases {
                let got = $f(input);
                assert_eq!(got, want, "{input}");
            }
        };
    }

    fn value_len(s: &str) -> Option<(f64, usize)> {
        parse_prefix(s).map(|n| (n.value, n.len))
    }

    #[test]
    fn arabic_and_mixed() {
        t!(
            value_len,
            [
                ("128项", Some((128.0, 3))),
                ("412.6亿元", Some((412.6e8, 8))),
                ("1,200人", Some((1200.0, 5))),
                ("12,345,678元", Some((12345678.0, 10))),
                ("1,20人", Some((1.0, 1))),
                ("1.2万", Some((12000.0, 6))),
                ("3千", Some((3000.0, 4))),
                ("4.86万元", Some((48600.0, 7))),
                ("5.3万亿元", Some((5.3e12, 9))),
                ("2.", Some((2.0, 1))),
                ("元", None),
            ]
        );
    }

    #[test]
    fn financial_numerals() {
        // The capital forms of contracts and budgets: 壹贰叁…玖 with 拾佰仟 as scales.
        const CASES: &[(&str, f64)] = &[
            ("壹", 1.0),
            ("拾", 10.0),
            ("拾壹", 11.0),
            ("壹拾壹", 11.0),
            ("贰拾", 20.0),
            ("贰佰伍拾", 250.0),
            ("叁仟", 3000.0),
            ("壹仟零伍", 1005.0),
            ("玖仟玖佰玖拾玖", 9999.0),
            ("贰佰伍拾万", 2_500_000.0),
            ("壹拾壹万", 110_000.0),
            ("肆万零伍佰", 40_500.0),
            ("拾亿零壹万零壹", 1_000_010_001.0),
            ("陆亿柒仟万", 670_000_000.0),
            ("捌佰零叁万陆仟", 8_036_000.0),
        ];
        for (text, want) in CASES {
            let got = parse_prefix(text).map(|n| (n.value, n.len));
            assert_eq!(got, Some((*want, text.len())), "{text}");
        }
    }

    #[test]
    fn chinese_numerals() {
        t!(
            value_len,
            [
                ("一百二十八项", Some((128.0, 15))),
                ("两千", Some((2000.0, 6))),
                ("三千二百万元", Some((32_000_000.0, 15))),
                ("十二", Some((12.0, 6))),
                ("二十", Some((20.0, 6))),
                ("〇", Some((0.0, 3))),
                ("七十八点五", Some((78.5, 15))),
                ("一点二亿", Some((1.2e8, 12))),
                ("十五个", Some((15.0, 6))),
                ("百万吨", Some((1e6, 6))),
                ("千万元", Some((1e7, 6))),
            ]
        );
    }

    #[test]
    fn adjacent_numerals_are_ranges() {
        let n = parse_prefix("两三个").unwrap();
        assert_eq!((n.value, n.high), (2.0, Some(3.0)));
        let n = parse_prefix("二三十家").unwrap();
        assert_eq!((n.value, n.high), (20.0, Some(30.0)));
        let n = parse_prefix("三五年").unwrap();
        assert_eq!((n.value, n.high), (3.0, Some(5.0)));
        // 二十三 is twenty-three, not a range.
        assert_eq!(parse_prefix("二十三").unwrap().high, None);
    }

    #[test]
    fn percents() {
        t!(
            parse_percent,
            [
                ("百分之七十八点五", Some((78.5, 24))),
                ("千分之三", Some((0.3, 12))),
                ("78.5%", Some((78.5, 5))),
                ("八成", Some((80.0, 6))),
                ("12个", None),
            ]
        );
    }
}
