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
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: SourceEncoding,
}

/// Decodes bytes into text, or says why they are not a text.
pub fn decode_bytes(bytes: &[u8]) -> std::result::Result<Decoded, InputProblem> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == encoding_rs::UTF_8 {
            return finish(utf8_or_problem(body)?, SourceEncoding::Utf8Bom);
        }
        // UTF-16: NUL bytes are normal there, so no binary check on the raw bytes.
        let text = enc
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or(InputProblem::Undecodable)?;
        return finish(text.into_owned(), SourceEncoding::Utf16);
    }
    if looks_binary(bytes) {
        return Err(InputProblem::Binary);
    }
    // SIMD validation: most of the input is three-byte CJK, slow for the scalar validator.
    match simdutf8::basic::from_utf8(bytes) {
        // The bytes were sniffed above: only emptiness is left to check.
        Ok(s) if s.chars().all(is_blank) => Err(InputProblem::Empty),
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: SourceEncoding::Utf8,
        }),
        Err(_) => {
            let text = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or(InputProblem::Undecodable)?;
            finish(text.into_owned(), SourceEncoding::Gb18030)
        }
    }
}

fn utf8_or_problem(bytes: &[u8]) -> std::result::Result<String, InputProblem> {
    if looks_binary(bytes) {
        return Err(InputProblem::Binary);
    }
    simdutf8::basic::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| InputProblem::Undecodable)
}

fn finish(text: String, encoding: SourceEncoding) -> std::result::Result<Decoded, InputProblem> {
    if text.chars().all(is_blank) {
        return Err(InputProblem::Empty);
    }
    if text.contains('\0') || control_ratio_too_high(text.as_bytes()) {
        return Err(InputProblem::Binary);
    }
    Ok(Decoded { text, encoding })
}

/// White space as it appears in Chinese texts, including the ideographic space and BOM.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{3000}'
        )
}

/// How many leading bytes the binary sniffing looks at.
const SNIFF_LEN: usize = 64 * 1024;

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    head.contains(&0) || control_ratio_too_high(head)
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

fn control_ratio_too_high(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls: usize = head.iter().map(|&b| CONTROL[b as usize] as usize).sum();
    // More than one control byte in a hundred is not a text.
    controls * 100 > head.len().max(1)
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
                size: meta.len(),
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
        return Err(bad(
            path,
            InputProblem::TooLarge {
                size: bytes.len() as u64,
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
