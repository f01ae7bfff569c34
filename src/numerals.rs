//! Integers written in Chinese numerals, Arabic digits and enclosed forms (`①`, `⑴`).
//!
//! `一百二十八` → 128, `两千` → 2000, `三千二百万` → 32 000 000, `二〇二五` and `二○○二` digit by
//! digit, `十二` → 12. Used for ordinals and dates; the quantity parser builds on it.

/// The value of one Chinese digit (`〇`, `○`, `零`, `一`…`九`, `两`, and the financial forms).
#[inline]
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

#[inline]
fn cn_small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
#[inline]
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || matches!(c, '万' | '亿')
}

/// Parses a whole string of Arabic digits or Chinese numerals as an integer.
pub fn parse_int(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    parse_cn(s)
}

/// Parses Chinese numerals: positional (`二〇二五`) or with units (`一百零五`, `三千二百万`).
pub fn parse_cn(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let has_unit = s
        .chars()
        .any(|c| cn_small_unit(c).is_some() || matches!(c, '万' | '亿'));
    if !has_unit {
        // Digit by digit: 二〇二五, 一九五四.
        let mut v: u64 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(cn_digit(c)?)?;
        }
        return Some(v);
    }
    let (mut total, mut section, mut number): (u64, u64, u64) = (0, 0, 0);
    let mut last_was_digit = false;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if last_was_digit && d != 0 {
                return None; // 二三十 is a range, not a number
            }
            number = d;
            last_was_digit = d != 0;
        } else if let Some(u) = cn_small_unit(c) {
            let n = if number == 0 && u == 10 && section == 0 {
                1
            } else {
                number
            };
            if n == 0 {
                return None;
            }
            section = section.checked_add(n.checked_mul(u)?)?;
            number = 0;
            last_was_digit = false;
        } else if c == '万' {
            let part = section + number;
            if part == 0 {
                return None;
            }
            total = total.checked_add(part.checked_mul(10_000)?)?;
            section = 0;
            number = 0;
            last_was_digit = false;
        } else if c == '亿' {
            let part = total + section + number;
            if part == 0 {
                return None;
            }
            total = part.checked_mul(100_000_000)?;
            section = 0;
            number = 0;
            last_was_digit = false;
        } else {
            return None;
        }
    }
    total.checked_add(section)?.checked_add(number)
}

/// The value of an enclosed numeral: `①`…`㊿` (circled), `⑴`…`⒇` (parenthesised), `⒈`…`⒛`.
pub fn enclosed(c: char) -> Option<u32> {
    let u = c as u32;
    Some(match u {
        0x2460..=0x2473 => u - 0x2460 + 1,
        0x2474..=0x2487 => u - 0x2474 + 1,
        0x2488..=0x249B => u - 0x2488 + 1,
        0x3251..=0x325F => u - 0x3251 + 21,
        0x32B1..=0x32BF => u - 0x32B1 + 36,
        _ => return None,
    })
}

/// Writes `n` in Chinese numerals (`128` → `一百二十八`), the inverse of [`parse_cn`].
pub fn to_cn(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn below_10k(n: u64, out: &mut String, leading: bool) {
        let mut started = false;
        let mut zero_pending = false;
        let mut rest = n;
        for (u, ch) in [(1000, '千'), (100, '百'), (10, '十')] {
            let d = rest / u;
            rest %= u;
            if d == 0 {
                zero_pending |= started;
                continue;
            }
            if zero_pending {
                out.push('零');
                zero_pending = false;
            }
            // 十二, not 一十二, at the very start of the number.
            if !(u == 10 && d == 1 && !started && leading) {
                out.push(DIGITS[d as usize]);
            }
            out.push(ch);
            started = true;
        }
        if rest > 0 {
            if zero_pending {
                out.push('零');
            }
            out.push(DIGITS[rest as usize]);
        }
    }
    if n == 0 {
        return "零".into();
    }
    let groups = [
        (n / 1_0000_0000_0000, '万'),
        ((n / 1_0000_0000) % 1_0000, '亿'),
        ((n / 1_0000) % 1_0000, '万'),
        (n % 1_0000, ' '),
    ];
    // Groups of four digits; 万亿 is written as 万 then 亿 when the 亿 group is empty.
    let mut out = String::new();
    let mut started = false;
    let mut gap = false;
    for (i, &(g, unit)) in groups.iter().enumerate() {
        if g == 0 {
            if started {
                gap = true;
            }
            if i == 1 && groups[0].0 > 0 {
                out.push('亿');
            }
            continue;
        }
        if started && (gap || g < 1000) {
            out.push('零');
        }
        below_10k(g, &mut out, !started);
        if unit != ' ' {
            out.push(unit);
        }
        started = true;
        gap = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        const CASES: &[(&str, Option<u64>)] = &[
            ("128", Some(128)),
            ("一", Some(1)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("一百二十八", Some(128)),
            ("一百零五", Some(105)),
            ("两千", Some(2000)),
            ("三千二百万", Some(32_000_000)),
            ("一亿三千万", Some(130_000_000)),
            ("十二万五千", Some(125_000)),
            ("一万亿", Some(1_000_000_000_000)),
            ("二〇二五", Some(2025)),
            ("二○○二", Some(2002)),
            ("一九五四", Some(1954)),
            ("一百三十三", Some(133)),
            ("二三十", None),
            ("", None),
            ("万", None),
            ("改革", None),
        ];
        for (s, want) in CASES {
            assert_eq!(parse_int(s), *want, "{s}");
        }
    }

    #[test]
    fn enclosed_forms() {
        assert_eq!(enclosed('①'), Some(1));
        assert_eq!(enclosed('⑳'), Some(20));
        assert_eq!(enclosed('⑴'), Some(1));
        assert_eq!(enclosed('㉑'), Some(21));
        assert_eq!(enclosed('a'), None);
    }

    #[test]
    fn writes_chinese() {
        const CASES: &[(u64, &str)] = &[
            (0, "零"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (105, "一百零五"),
            (128, "一百二十八"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (100_005, "十万零五"),
        ];
        for (n, want) in CASES {
            assert_eq!(to_cn(*n), *want, "{n}");
            assert_eq!(parse_cn(want), Some(*n), "{want}");
        }
    }
}
