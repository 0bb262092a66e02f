//! How inputs are read: the size limits, and the reason given for what is
//! over one.

/// How to read inputs: size limits, so that a huge file is reported rather
/// than read blindly into one document that the models would chew for hours.
///
/// Every size is checked before the bytes are read (from the file's metadata,
/// and again while reading, never reading more than the limit plus one byte).
/// Whatever is over a limit becomes a [`Skipped`] item whose reason states the
/// size and the limit.
///
/// ```
/// use sitrep_text::InputOptions;
///
/// let options = InputOptions {
///     max_document_bytes: 1 << 20,
///     ..InputOptions::default()
/// };
/// assert_eq!(options.max_file_bytes, InputOptions::DEFAULT_MAX_FILE_BYTES);
/// ```
///
/// [`Skipped`]: crate::Skipped
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// The largest file read at all, in bytes: a larger file of any type is
    /// skipped unread. It bounds `.json` and `.jsonl` files, which hold many
    /// documents. By default [`InputOptions::DEFAULT_MAX_FILE_BYTES`] (1 GiB).
    pub max_file_bytes: u64,
    /// The largest one document may be, in bytes of text: a `.txt` or `.md`
    /// file, one line of JSON Lines (file or standard input), the `"text"` of
    /// a record in a `.json` file, and the text extracted from an HTML page.
    /// By default [`InputOptions::DEFAULT_MAX_DOCUMENT_BYTES`] (10 MiB).
    pub max_document_bytes: u64,
    /// The largest `.html`/`.htm` page parsed, in bytes of markup (pages carry
    /// much more markup than text; unused without the `html` feature). By default
    /// [`InputOptions::DEFAULT_MAX_HTML_BYTES`] (32 MiB).
    pub max_html_bytes: u64,
}

impl InputOptions {
    /// Default of [`InputOptions::max_file_bytes`]: 1 GiB.
    pub const DEFAULT_MAX_FILE_BYTES: u64 = 1 << 30;
    /// Default of [`InputOptions::max_document_bytes`]: 10 MiB.
    pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 10 << 20;
    /// Default of [`InputOptions::max_html_bytes`]: 32 MiB.
    pub const DEFAULT_MAX_HTML_BYTES: u64 = 32 << 20;
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            max_file_bytes: Self::DEFAULT_MAX_FILE_BYTES,
            max_document_bytes: Self::DEFAULT_MAX_DOCUMENT_BYTES,
            max_html_bytes: Self::DEFAULT_MAX_HTML_BYTES,
        }
    }
}

/// The reason given for something over a size limit.
pub(crate) fn too_large(what: &str, size: u64, limit: u64) -> String {
    format!(
        "{what} too large: {size} bytes ({}), over the limit of {limit} bytes ({}); not read",
        human_bytes(size),
        human_bytes(limit)
    )
}

/// `1536` → `1.5 KiB`.
fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}
