//! Stage 1: bytes to text. Detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
//! GB18030/GBK), and refuses empty, binary, undecodable and oversized input with a typed error.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, InputProblem, Result};
use crate::model::SourceEncoding;

/// The default limit on an input's size: 64 MiB. The longest real policy text is well under 1 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A decoded text and the encoding it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark. Bytes that were not valid in its encoding stand
    /// as U+FFFD, one for each bad sequence; spans index this text.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: SourceEncoding,
    /// The runs of input bytes that were not valid in that encoding, in order.
    pub replaced: Vec<BadBytes>,
    /// UTF-16 recognised without a byte order mark.
    pub utf16_without_bom: bool,
}

/// A run of input bytes that were not valid in the input's encoding, replaced by U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadBytes {
    /// Where the run starts, in bytes of the input as read.
    pub at: usize,
    /// How many bytes it has.
    pub len: usize,
}

/// The share of invalid bytes (among the non-ASCII ones) under which a text is taken to be
/// UTF-8 with a few bad bytes rather than another encoding: a text cut in the middle of a
/// character, or with a stray byte, is still UTF-8. GB18030 text is nearly all invalid UTF-8.
const UTF8_BAD_SHARE: f64 = 0.01;
/// The share of invalid bytes over which an input is not taken to be a text at all.
const MOSTLY_BAD_SHARE: f64 = 0.10;

/// Decodes bytes into text, or says why they are not a text.
///
/// Valid text in one encoding is decoded as it is; a text with a few bad bytes (a file cut in
/// the middle of a character, a stray byte) is decoded in the encoding under which it is valid
/// but for those bytes, and each bad run is replaced by U+FFFD and listed in
/// [`Decoded::replaced`]. Only input that is mostly not text is refused.
pub fn decode_bytes(bytes: &[u8]) -> std::result::Result<Decoded, InputProblem> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == encoding_rs::UTF_8 {
            if looks_binary(body) {
                return Err(InputProblem::Binary);
            }
            let (text, replaced) = utf8_lossy(body, bom_len);
            if mostly_bad(&replaced, body) {
                return Err(InputProblem::Undecodable);
            }
            return finish(text, SourceEncoding::Utf8Bom, replaced);
        }
        // UTF-16: NUL bytes are normal there, so no binary check on the raw bytes.
        let (text, replaced) = with_decoder(enc, body, bom_len);
        if replaced.len() * 10 > body.len() / 2 {
            return Err(InputProblem::Undecodable);
        }
        return finish(text, SourceEncoding::Utf16, replaced);
    }
    if looks_binary(bytes) {
        // UTF-16 without a byte order mark has NULs (the high byte of ASCII) and bytes below
        // 0x20 everywhere: take it when it decodes to text in one byte order.
        if let Some(d) = utf16_without_bom(bytes) {
            return Ok(d);
        }
        return Err(InputProblem::Binary);
    }
    // SIMD validation: most of the input is three-byte CJK, slow for the scalar validator.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return finish(s.to_owned(), SourceEncoding::Utf8, Vec::new());
    }
    let high = bytes.iter().filter(|&&b| b >= 0x80).count().max(1) as f64;
    let bad_len = |r: &[BadBytes]| r.iter().map(|b| b.len).sum::<usize>() as f64 / high;
    let (text8, bad8) = utf8_lossy(bytes, 0);
    if bad_len(&bad8) <= UTF8_BAD_SHARE {
        return finish(text8, SourceEncoding::Utf8, bad8);
    }
    let (text_gb, bad_gb) = with_decoder(encoding_rs::GB18030, bytes, 0);
    let (share8, share_gb) = (bad_len(&bad8), bad_len(&bad_gb));
    if share_gb <= share8 && share_gb <= MOSTLY_BAD_SHARE {
        finish(text_gb, SourceEncoding::Gb18030, bad_gb)
    } else if share8 <= MOSTLY_BAD_SHARE {
        finish(text8, SourceEncoding::Utf8, bad8)
    } else {
        Err(InputProblem::Undecodable)
    }
}

/// UTF-8 with each maximal invalid sequence replaced by U+FFFD (as
/// [`String::from_utf8_lossy`] does), and where they were; `offset` is added to positions.
fn utf8_lossy(bytes: &[u8], offset: usize) -> (String, Vec<BadBytes>) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replaced: Vec<BadBytes> = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        match std::str::from_utf8(&bytes[pos..]) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let bad = e.error_len().unwrap_or(bytes.len() - pos - good);
                text.push_str(std::str::from_utf8(&bytes[pos..pos + good]).expect("validated"));
                text.push(char::REPLACEMENT_CHARACTER);
                push_bad(&mut replaced, offset + pos + good, bad);
                pos += good + bad;
            }
        }
    }
    (text, replaced)
}

/// Decodes with `encoding`, replacing each malformed sequence by U+FFFD and noting where it
/// was; `offset` is added to positions.
fn with_decoder(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    offset: usize,
) -> (String, Vec<BadBytes>) {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let mut replaced: Vec<BadBytes> = Vec::new();
    let mut pos = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[pos..], &mut text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(bytes.len() - pos + 16),
            DecoderResult::Malformed(bad, after) => {
                let at = pos - after as usize - bad as usize;
                push_bad(&mut replaced, offset + at, bad as usize);
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    (text, replaced)
}

/// Adds a bad run, merging it with the one before when they touch.
fn push_bad(replaced: &mut Vec<BadBytes>, at: usize, len: usize) {
    match replaced.last_mut() {
        Some(last) if last.at + last.len == at => last.len += len,
        _ => replaced.push(BadBytes { at, len }),
    }
}

fn mostly_bad(replaced: &[BadBytes], bytes: &[u8]) -> bool {
    let bad: usize = replaced.iter().map(|b| b.len).sum();
    bad as f64 > MOSTLY_BAD_SHARE * bytes.len().max(1) as f64
}

/// UTF-16 without a byte order mark: the byte order under which the bytes decode to text
/// (at least 95% of the characters letters, digits, punctuation or white space of the
/// scripts a policy text uses), if one does.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let texty = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~')
            || matches!(c as u32,
                0x00A0..=0x024F          // Latin
                | 0x2000..=0x206F        // punctuation
                | 0x2460..=0x24FF        // circled numbers
                | 0x2E80..=0x303F        // radicals, CJK punctuation
                | 0x3400..=0x4DBF        // CJK extension A
                | 0x4E00..=0x9FFF        // CJK
                | 0xF900..=0xFAFF        // CJK compatibility
                | 0xFE30..=0xFE4F        // CJK compatibility forms
                | 0xFF00..=0xFFEF) // full-width forms
    };
    [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
        .into_iter()
        .find_map(|enc| {
            let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
            let (mut n, mut good) = (0usize, 0usize);
            for c in text.chars() {
                n += 1;
                good += usize::from(texty(c));
            }
            (good * 100 >= n * 95).then(|| text.into_owned())
        })
        .and_then(|text| {
            let mut d = finish(text, SourceEncoding::Utf16, Vec::new()).ok()?;
            d.utf16_without_bom = true;
            Some(d)
        })
}

fn finish(
    text: String,
    encoding: SourceEncoding,
    replaced: Vec<BadBytes>,
) -> std::result::Result<Decoded, InputProblem> {
    if text
        .chars()
        .all(|c| is_blank(c) || c == char::REPLACEMENT_CHARACTER)
    {
        return Err(InputProblem::Empty);
    }
    // The same test as on the bytes of an 8-bit encoding: a few stray control characters
    // (NUL among them) are kept, many are not a text.
    if control_ratio_too_high(text.as_bytes()) {
        return Err(InputProblem::Binary);
    }
    Ok(Decoded {
        text,
        encoding,
        replaced,
        utf16_without_bom: false,
    })
}

/// White space as it appears in Chinese texts, including the ideographic space and BOM.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{3000}'
        )
}

fn looks_binary(bytes: &[u8]) -> bool {
    control_ratio_too_high(bytes)
}

/// Control bytes that do not occur in text (all below 0x20 but tab, LF, CR and form feed).
const CONTROL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        if !matches!(b, 0x09 | 0x0a | 0x0c | 0x0d) {
            t[b] = 1;
        }
        b += 1;
    }
    t
};

/// More than one control byte (NUL among them) in a hundred, over the whole input: not a
/// text. A few stray ones, wherever they stand, are kept.
fn control_ratio_too_high(bytes: &[u8]) -> bool {
    let controls: usize = bytes.iter().map(|&b| CONTROL[b as usize] as usize).sum();
    controls * 100 > bytes.len().max(1)
}

/// Reads and decodes a file, refusing files over `max_bytes`.
pub fn read_path(path: &Path, max_bytes: u64) -> Result<Decoded> {
    let io_err = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_owned(),
        });
    }
    if meta.len() > max_bytes {
        return Err(bad(
            path,
            InputProblem::TooLarge {
                size: Some(meta.len()),
                limit: max_bytes,
            },
        ));
    }
    let file = std::fs::File::open(path).map_err(io_err)?;
    read_limited(file, path, max_bytes)
}

/// Reads and decodes a stream (standard input), refusing more than `max_bytes`.
pub fn read_stream<R: Read>(reader: R, name: &Path, max_bytes: u64) -> Result<Decoded> {
    read_limited(reader, name, max_bytes)
}

fn read_limited<R: Read>(reader: R, path: &Path, max_bytes: u64) -> Result<Decoded> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        // Reading stopped one byte past the limit: the real size of a stream is unknown.
        return Err(bad(
            path,
            InputProblem::TooLarge {
                size: None,
                limit: max_bytes,
            },
        ));
    }
    decode_bytes(&bytes).map_err(|problem| bad(path, problem))
}

fn bad(path: &Path, problem: InputProblem) -> Error {
    Error::BadInput {
        path: path.to_owned(),
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode_bytes("同志们：".as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("同志们：", SourceEncoding::Utf8)
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("各位代表".as_bytes());
        let d = decode_bytes(&b).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("各位代表", SourceEncoding::Utf8Bom)
        );
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("关于加强三级公立医院绩效考核工作的意见");
        let d = decode_bytes(&bytes).unwrap();
        assert_eq!(d.encoding, SourceEncoding::Gb18030);
        assert_eq!(d.text, "关于加强三级公立医院绩效考核工作的意见");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "通知".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode_bytes(&b).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("通知", SourceEncoding::Utf16)
        );
    }

    #[test]
    fn bad_inputs() {
        const CASES: &[(&[u8], InputProblem)] = &[
            (b"", InputProblem::Empty),
            (b"  \n\t\r\n", InputProblem::Empty),
            (b"\xEF\xBB\xBF", InputProblem::Empty),
            (b"\x7fELF\x02\x01\x01\x00\x00\x00", InputProblem::Binary),
            (b"\x01\x02\x03\x04abc", InputProblem::Binary),
            (b"\xff\xff\xff\xff\x80\x80", InputProblem::Undecodable),
        ];
        for (bytes, want) in CASES {
            assert_eq!(decode_bytes(bytes).unwrap_err(), *want, "{bytes:?}");
        }
    }
}
