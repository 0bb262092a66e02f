//! Ages and years an article states: two reports of one incident tend to
//! give the same ones, two look-alike incidents in one city rarely do.

use chrono::NaiveDate;
use sitrep_text::EntityMention;

/// Ages of people the article states in digits: "a 19-year-old", "19 years
/// old", "aged 19", "age 19", and a person's name followed by ", 19," or
/// "(19)". Sorted, 1–110. Two reports of one incident tend to give the same
/// ages; two look-alike incidents in one city rarely do.
pub(super) fn ages_named(text: &str, entities: &[EntityMention]) -> Vec<u8> {
    static AGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:(\d{1,3})[- ]years?[- ]old\b|(\d{1,3}) years of age\b|aged? (\d{1,3})\b)",
        )
        .expect("valid pattern")
    });
    static AFTER_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:,\s?(\d{1,3})\s?,|\s?\((\d{1,3})\))").expect("valid pattern")
    });
    let mut ages: Vec<u8> = Vec::new();
    let mut push = |m: Option<regex::Match<'_>>| {
        if let Some(a) = m.and_then(|m| m.as_str().parse::<u8>().ok()) {
            if (1..=110).contains(&a) {
                ages.push(a);
            }
        }
    };
    for c in AGE.captures_iter(text) {
        push(c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)));
    }
    for e in entities.iter().filter(|e| e.label == "PER") {
        if let Some(rest) = text.get(e.span.end..) {
            if let Some(c) = AFTER_NAME.captures(rest) {
                push(c.get(1).or_else(|| c.get(2)));
            }
        }
    }
    ages.sort_unstable();
    ages.dedup();
    ages
}

/// Years an article names: four-digit numbers 1900–2099 standing alone
/// (not part of a longer number or a figure such as "2,019"), and the
/// publication year.
pub(super) fn years_named(text: &str, published: Option<NaiveDate>) -> Vec<u16> {
    let b = text.as_bytes();
    let mut out: Vec<u16> = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b',' || b[i - 1] == b'.'))
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            let y = (u16::from(b[i] - b'0') * 1000)
                + (u16::from(b[i + 1] - b'0') * 100)
                + (u16::from(b[i + 2] - b'0') * 10)
                + u16::from(b[i + 3] - b'0');
            if (1900..2100).contains(&y) {
                out.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    if let Some(p) = published {
        out.push(u16::try_from(chrono::Datelike::year(&p)).unwrap_or(0));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_text::Span;

    #[test]
    fn years() {
        assert_eq!(
            years_named("In 2019 and 2,019 people; 12019; 1850; 2024.", None),
            vec![2019, 2024]
        );
        assert_eq!(
            years_named("no year", NaiveDate::from_ymd_opt(2016, 1, 2)),
            vec![2016]
        );
    }

    #[test]
    fn ages_are_read_from_the_usual_phrasings() {
        let text = "A 19-year-old woman and a man, 45, were hurt. Dana Whitcombe, 23, \
                    and Ilse Marr (67) were not. The boy, aged 7, and a girl age 12 \
                    and someone 30 years old; 2,019 people; 250-year-old oak; \
                    the 18 year old driver; a 3-year old.";
        let per = |name: &str| {
            let start = text.find(name).unwrap();
            EntityMention {
                span: Span::new(start, start + name.len()),
                label: "PER".into(),
                score: 1.0,
            }
        };
        let entities = [per("Dana Whitcombe"), per("Ilse Marr")];
        // "a man, 45," has no name before it; 250 is no one's age.
        assert_eq!(
            ages_named(text, &entities),
            vec![3, 7, 12, 18, 19, 23, 30, 67]
        );
        assert_eq!(
            ages_named("Nobody's age is given; 45 people.", &[]),
            Vec::<u8>::new()
        );
    }
}
