//! Characters: what each one is to the tokenizers, and reading one at a
//! byte offset.

/// The character at byte `i`, if `i` is a character boundary inside `text`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Whitespace: separates tokens.
    Space,
    /// Invisible format or control character: separates tokens.
    Invisible,
    /// Letter or digit (or a character of a script we know no better about).
    Word,
    /// Combining mark, joiner, variation selector: stays with what precedes it.
    Extend,
    /// Punctuation or symbol.
    Punct,
}

pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else if c.is_ascii_control() {
            Class::Invisible
        } else {
            Class::Punct
        };
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    if c.is_alphanumeric() {
        return Class::Word;
    }
    match c as u32 {
        0x80..=0x9F
        | 0x200B
        | 0x200E
        | 0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0xFEFF => Class::Invisible,
        0xAD
        | 0x200C
        | 0x200D
        | 0x0300..=0x036F
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0000..=0xE0FFF => Class::Extend,
        // Latin-1 punctuation and symbols, × and ÷.
        0xA1..=0xBF | 0xD7 | 0xF7
        // General punctuation, super/subscripts, currency, letterlike, arrows,
        // math, technical, box drawing, shapes, misc symbols, dingbats.
        | 0x2000..=0x2BFF
        | 0x2E00..=0x2E7F
        // CJK punctuation, small and full-width forms.
        | 0x3000..=0x303F
        | 0xFE10..=0xFE1F
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF65
        // Emoji and other pictographs.
        | 0x1F000..=0x1FAFF
        // Punctuation of other scripts (Armenian, Hebrew, Arabic, Indic, Thai,
        // Georgian, Ethiopic, Canadian, Mongolian).
        | 0x055A..=0x055F
        | 0x0589
        | 0x05BE
        | 0x05C0
        | 0x05C3
        | 0x05C6
        | 0x05F3
        | 0x05F4
        | 0x0609..=0x060D
        | 0x061B
        | 0x061D..=0x061F
        | 0x066A..=0x066D
        | 0x06D4
        | 0x0964
        | 0x0965
        | 0x0970
        | 0x0E4F
        | 0x0E5A
        | 0x0E5B
        | 0x10FB
        | 0x1360..=0x1368
        | 0x166D
        | 0x166E
        | 0x1800..=0x180A => Class::Punct,
        // Marks of other scripts and anything else: part of a word.
        _ => Class::Word,
    }
}

/// Whether `c` is a combining mark, joiner, variation selector or other
/// character that stays with the character before it.
pub(crate) fn is_extend(c: char) -> bool {
    class(c) == Class::Extend
}
