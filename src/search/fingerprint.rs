//! Fingerprints of a document: a content hash to tell a changed file from an unchanged one, and
//! a MinHash sketch to tell a repost of the same text with other furniture from a new text.

/// FNV-1a, 64 bits: stable across platforms and versions, which an on-disk index needs.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The content hash of a text, as 16 hex digits.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", fnv1a(text.as_bytes()))
}

/// Shingles kept in a [`sketch`].
pub const SKETCH_LEN: usize = 64;

/// Two documents whose [`resemblance`] is at least this are taken as one text posted twice.
pub const NEAR_DUPLICATE: f64 = 0.8;

/// A bottom-k MinHash sketch: the [`SKETCH_LEN`] smallest hashes of the overlapping
/// 4-character shingles of the letters and digits of `text` (punctuation, spaces and line
/// breaks ignored), ascending. Two sketches estimate the Jaccard resemblance of the shingle
/// sets, so a repost with other line breaks and a few lines of furniture comes out close to 1.
pub fn sketch(text: &str) -> Vec<u64> {
    // The last four characters, 21 bits each (every scalar value fits), in one number.
    const MASK: u128 = (1 << 84) - 1;
    let mut window: u128 = 0;
    let mut n = 0usize;
    let mut heap = std::collections::BinaryHeap::with_capacity(SKETCH_LEN + 1);
    let mut seen =
        rustc_hash::FxHashSet::with_capacity_and_hasher(SKETCH_LEN * 2, Default::default());
    for c in text
        .chars()
        .filter(|&c| c.is_ascii_alphanumeric() || crate::segment::is_letter(c))
    {
        window = ((window << 21) | u128::from(u32::from(c))) & MASK;
        n += 1;
        if n < 4 {
            continue;
        }
        let h = mix(window as u64 ^ mix((window >> 64) as u64 ^ 0x9e37_79b9_7f4a_7c15));
        if heap.len() == SKETCH_LEN && h >= *heap.peek().expect("full") {
            continue;
        }
        if seen.insert(h) {
            heap.push(h);
            if heap.len() > SKETCH_LEN {
                let out = heap.pop().expect("non-empty");
                seen.remove(&out);
            }
        }
    }
    heap.into_sorted_vec()
}

/// The finaliser of SplitMix64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The estimated Jaccard resemblance of the texts behind two sketches, 0–1: among the
/// [`SKETCH_LEN`] smallest hashes of both, the share that is in each.
pub fn resemblance(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let k = SKETCH_LEN.min(a.len().max(b.len()));
    let (mut i, mut j, mut taken, mut both) = (0, 0, 0, 0);
    while taken < k && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), Some(_)) => j += 1,
            (Some(_), None) => i += 1,
            (None, _) => j += 1,
        }
        taken += 1;
    }
    f64::from(both) / taken as f64
}

/// A sketch as bytes, for storing.
pub fn sketch_bytes(s: &[u64]) -> Vec<u8> {
    s.iter().flat_map(|h| h.to_le_bytes()).collect()
}

/// A sketch from stored bytes.
pub fn sketch_from_bytes(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "各地区各部门要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，\
        加快构建新发展格局，着力推动高质量发展。要持续优化营商环境，扎实推进乡村振兴，\
        切实保障和改善民生，确保完成全年目标任务。一是扩大有效投资，加快重大项目建设，\
        全年安排市级重点项目一百二十个。二是提振消费，落实以旧换新政策，培育夜间经济和首发经济。\
        三是稳定外贸外资，支持企业开拓多元市场，办好各类展会。四是深化改革开放，\
        推进国资国企改革，支持民营经济发展壮大，全面落实公平竞争审查制度。\
        五是强化科技创新，推动创新链产业链资金链人才链深度融合，培育新质生产力。\
        六是加强生态环境保护，深入打好蓝天碧水净土保卫战，稳妥推进碳达峰碳中和。\
        七是兜牢民生底线，做好高校毕业生等重点群体就业，健全社会救助体系。";

    #[test]
    fn fnv_known_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(content_hash("改革"), content_hash("改革 "));
    }

    #[test]
    fn reposts_are_near_and_other_texts_far() {
        let a = sketch(TEXT);
        let repost = format!(
            "来源：某某网 发布时间：2026-01-05\n{}\n【打印】【关闭】",
            TEXT.replace('，', "，\n")
        );
        let r = resemblance(&a, &sketch(&repost));
        assert!(r >= NEAR_DUPLICATE, "{r}");
        assert_eq!(resemblance(&a, &a), 1.0);
        assert_eq!(sketch_from_bytes(&sketch_bytes(&a)), a);
        let other =
            "第一条 为了规范行政执法行为，保护公民、法人和其他组织的合法权益，根据有关法律、\
            行政法规，结合本市实际，制定本办法。第二条 本办法适用于本市行政区域内的行政执法活动。";
        let r = resemblance(&a, &sketch(other));
        assert!(r < 0.2, "{r}");
        // Half the text is not the same text.
        let half = &TEXT[..TEXT.char_indices().nth(TEXT.chars().count() / 2).unwrap().0];
        let r = resemblance(&a, &sketch(half));
        assert!(r < NEAR_DUPLICATE, "{r}");
    }
}
