//! A page's bytes to text: UTF-8, else the character set that the page
//! declares.

use crate::decode::decode;

/// Decodes a page: UTF-8 when valid, else its declared character set, else
/// UTF-8 with replacements. Returns a warning when anything was replaced.
pub(super) fn decode_html(bytes: &[u8]) -> (String, Option<String>) {
    let (text, lossy) = decode(bytes);
    if lossy.is_none() {
        return (text, None);
    }
    let declared = declared_charset(bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8 && e.is_ascii_compatible());
    let Some(encoding) = declared else {
        return (text, lossy);
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        format!(
            "invalid {}: byte sequence(s) replaced with U+FFFD",
            encoding.name()
        )
    });
    (text.into_owned(), warning)
}

/// The character set named in the first 1024 bytes: `charset=LABEL` in a
/// `<meta charset>` or an `http-equiv` content type.
pub(super) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| char::from(b))
        .collect();
    (!label.is_empty()).then_some(label)
}
