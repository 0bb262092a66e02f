//! Bytes to text: UTF-8 decoding with replacements, and the test for binary
//! input.

/// How many leading bytes are checked for NUL bytes before a stream is read as
/// text.
pub(crate) const BINARY_SNIFF_BYTES: usize = 64 * 1024;

/// Decodes bytes as UTF-8, replacing invalid sequences; returns a warning when
/// anything was replaced. A leading byte-order mark is dropped.
pub(crate) fn decode(bytes: &[u8]) -> (String, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            (s, Some(replaced_warning(bytes)))
        }
    }
}

/// The warning for bytes that are not valid UTF-8, counting the invalid
/// sequences (not the U+FFFD characters that were already in the text).
pub(crate) fn replaced_warning(bytes: &[u8]) -> String {
    let n = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    format!("invalid UTF-8: {n} byte sequence(s) replaced with U+FFFD")
}

/// Whether the bytes look binary: a NUL byte in the first 64 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(BINARY_SNIFF_BYTES).any(|&b| b == 0)
}
