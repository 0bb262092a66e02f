use super::*;

fn one(text: &str) -> NumberMention {
    let v = find_numbers(text);
    assert_eq!(v.len(), 1, "{text:?} -> {v:#?}");
    v.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn table() {
    use NumberKind as K;
    use Qualifier as Q;
    #[rustfmt::skip]
    type Row<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, Option<f64>, Q, K);
    let rows: &[Row<'_>] = &[
        // input, text, value, low, high, qualifier, kind
        (
            "2,500 troops",
            "2,500",
            Some(2500.0),
            Some(2500.0),
            Some(2500.0),
            Q::None,
            K::Count,
        ),
        (
            "1.5 million people",
            "1.5 million",
            Some(1.5e6),
            Some(1.5e6),
            Some(1.5e6),
            Q::None,
            K::Count,
        ),
        (
            "about 40,000 US troops",
            "about 40,000",
            Some(40000.0),
            None,
            None,
            Q::Approximately,
            K::Count,
        ),
        (
            "nine ISIS militants",
            "nine",
            Some(9.0),
            Some(9.0),
            Some(9.0),
            Q::None,
            K::Count,
        ),
        (
            "twenty-one people",
            "twenty-one",
            Some(21.0),
            Some(21.0),
            Some(21.0),
            Q::None,
            K::Count,
        ),
        (
            "a dozen people",
            "a dozen",
            Some(12.0),
            Some(12.0),
            Some(12.0),
            Q::None,
            K::Count,
        ),
        (
            "two dozen people",
            "two dozen",
            Some(24.0),
            Some(24.0),
            Some(24.0),
            Q::None,
            K::Count,
        ),
        (
            "dozens of people",
            "dozens",
            Some(12.0),
            Some(12.0),
            None,
            Q::Vague,
            K::Count,
        ),
        (
            "hundreds of people",
            "hundreds",
            Some(100.0),
            Some(100.0),
            None,
            Q::Vague,
            K::Count,
        ),
        (
            "a couple of men",
            "a couple",
            Some(2.0),
            Some(2.0),
            Some(2.0),
            Q::None,
            K::Count,
        ),
        (
            "several operatives",
            "several",
            None,
            Some(3.0),
            None,
            Q::Vague,
            K::Count,
        ),
        (
            "multiple operatives",
            "multiple",
            None,
            Some(2.0),
            None,
            Q::Vague,
            K::Count,
        ),
        (
            "between 1,500 to 3,000 jihadists",
            "1,500 to 3,000",
            None,
            Some(1500.0),
            Some(3000.0),
            Q::None,
            K::Count,
        ),
        (
            "between 20 and 30 people",
            "between 20 and 30",
            None,
            Some(20.0),
            Some(30.0),
            Q::None,
            K::Count,
        ),
        (
            "5-7 people",
            "5-7",
            None,
            Some(5.0),
            Some(7.0),
            Q::None,
            K::Count,
        ),
        (
            "at least seven operatives",
            "at least seven",
            Some(7.0),
            Some(7.0),
            None,
            Q::AtLeast,
            K::Count,
        ),
        (
            "AT least 15 ISIS",
            "AT least 15",
            Some(15.0),
            Some(15.0),
            None,
            Q::AtLeast,
            K::Count,
        ),
        (
            "more than 80 countries",
            "more than 80",
            Some(80.0),
            Some(80.0),
            None,
            Q::MoreThan,
            K::Count,
        ),
        (
            "over 100 people",
            "over 100",
            Some(100.0),
            Some(100.0),
            None,
            Q::MoreThan,
            K::Count,
        ),
        (
            "nearly 100 people",
            "nearly 100",
            Some(100.0),
            None,
            Some(100.0),
            Q::Nearly,
            K::Count,
        ),
        (
            "roughly 2,500 US soldiers",
            "Roughly 2,500",
            Some(2500.0),
            None,
            None,
            Q::Approximately,
            K::Count,
        ),
        (
            "approximately 2,500 troops",
            "approximately 2,500",
            Some(2500.0),
            None,
            None,
            Q::Approximately,
            K::Count,
        ),
        (
            "up to 30 people",
            "up to 30",
            Some(30.0),
            None,
            Some(30.0),
            Q::UpTo,
            K::Count,
        ),
        (
            "as many as 30 people",
            "as many as 30",
            Some(30.0),
            None,
            Some(30.0),
            Q::UpTo,
            K::Count,
        ),
        (
            "some 2,500 troops",
            "some 2,500",
            Some(2500.0),
            None,
            None,
            Q::Approximately,
            K::Count,
        ),
        (
            "a total of nine militants",
            "a total of nine",
            Some(9.0),
            Some(9.0),
            Some(9.0),
            Q::Exact,
            K::Count,
        ),
        (
            "50 or more people",
            "50 or more",
            Some(50.0),
            Some(50.0),
            None,
            Q::AtLeast,
            K::Count,
        ),
        (
            "an 18-year-old man",
            "18",
            Some(18.0),
            Some(18.0),
            Some(18.0),
            Q::None,
            K::Age,
        ),
        (
            "in 2024 there",
            "2024",
            Some(2024.0),
            Some(2024.0),
            Some(2024.0),
            Q::None,
            K::Year,
        ),
        (
            "on Oct. 22 they",
            "22",
            Some(22.0),
            Some(22.0),
            Some(22.0),
            Q::None,
            K::Date,
        ),
        (
            "On October 14, the",
            "14",
            Some(14.0),
            Some(14.0),
            Some(14.0),
            Q::None,
            K::Date,
        ),
        (
            "it cost $6 each",
            "$6",
            Some(6.0),
            Some(6.0),
            Some(6.0),
            Q::None,
            K::Money,
        ),
        (
            "a $48.2 million contract",
            "$48.2 million",
            Some(48.2e6),
            Some(48.2e6),
            Some(48.2e6),
            Q::None,
            K::Money,
        ),
        (
            "fell 27 % today",
            "27",
            Some(27.0),
            Some(27.0),
            Some(27.0),
            Q::None,
            K::Percent,
        ),
        (
            "about 8:20 a.m. Sunday",
            "about 8:20",
            Some(8.0),
            None,
            None,
            Q::Approximately,
            K::Time,
        ),
        (
            "around 7 p.m. in",
            "around 7",
            Some(7.0),
            None,
            None,
            Q::Approximately,
            K::Time,
        ),
        (
            "ten miles long",
            "ten",
            Some(10.0),
            Some(10.0),
            Some(10.0),
            Q::None,
            K::Measure,
        ),
        (
            "a six-mile trip",
            "six",
            Some(6.0),
            Some(6.0),
            Some(6.0),
            Q::None,
            K::Measure,
        ),
        (
            "the third victim",
            "third",
            Some(3.0),
            Some(3.0),
            Some(3.0),
            Q::None,
            K::Ordinal,
        ),
        (
            "call 504-471-2789 now",
            "504-471-2789",
            Some(504.0),
            Some(504.0),
            Some(504.0),
            Q::None,
            K::Other,
        ),
        (
            "in the 1000 block of",
            "1000",
            Some(1000.0),
            Some(1000.0),
            Some(1000.0),
            Q::None,
            K::Other,
        ),
        (
            "Timothy Bunn, 36, of Milwaukee",
            "36",
            Some(36.0),
            Some(36.0),
            Some(36.0),
            Q::None,
            K::Age,
        ),
        (
            "-5 degree fahrenheit",
            "-5",
            Some(-5.0),
            Some(-5.0),
            Some(-5.0),
            Q::None,
            K::Measure,
        ),
        (
            "ninety five years of age",
            "ninety five",
            Some(95.0),
            Some(95.0),
            Some(95.0),
            Q::None,
            K::Age,
        ),
        (
            "10 1/2 miles of cable",
            "10 1/2",
            Some(10.5),
            Some(10.5),
            Some(10.5),
            Q::None,
            K::Measure,
        ),
        (
            "eight to 10 feet tall",
            "eight to 10",
            None,
            Some(8.0),
            Some(10.0),
            Q::None,
            K::Measure,
        ),
        (
            "in the mid-2010s",
            "2010",
            Some(2010.0),
            Some(2010.0),
            Some(2010.0),
            Q::None,
            K::Year,
        ),
        (
            "killing 15 people",
            "15",
            Some(15.0),
            Some(15.0),
            Some(15.0),
            Q::None,
            K::Count,
        ),
        (
            "two hundred and fifty men",
            "two hundred and fifty",
            Some(250.0),
            Some(250.0),
            Some(250.0),
            Q::None,
            K::Count,
        ),
        (
            "an AK-47 rifle",
            "47",
            Some(47.0),
            Some(47.0),
            Some(47.0),
            Q::None,
            K::Other,
        ),
        (
            "in falls 2017 and",
            "2017",
            Some(2017.0),
            Some(2017.0),
            Some(2017.0),
            Q::None,
            K::Year,
        ),
        (
            "2000 people marched",
            "2000",
            Some(2000.0),
            Some(2000.0),
            Some(2000.0),
            Q::None,
            K::Count,
        ),
    ];
    for &(input, text, value, low, high, q, k) in rows {
        let m = one(input);
        assert_eq!(
            m.text.to_lowercase(),
            text.to_lowercase(),
            "text of {input:?}"
        );
        assert_eq!(&input[m.span.range()], m.text);
        assert_eq!(
            (m.value, m.low, m.high),
            (value, low, high),
            "bounds of {input:?}"
        );
        assert_eq!(m.qualifier, q, "qualifier of {input:?}");
        assert_eq!(m.kind, k, "kind of {input:?}");
    }
}

#[test]
fn not_numbers() {
    for text in [
        "no one was hurt",
        "one another",
        "a man was shot",
        "many people",
        "the second half ended",
    ] {
        let v: Vec<_> = find_numbers(text)
            .into_iter()
            .filter(|n| n.kind == NumberKind::Count)
            .collect();
        assert!(v.is_empty(), "{text:?} -> {v:?}");
    }
}

fn assert_sorted(table: &str, words: &[&str]) {
    for pair in words.windows(2) {
        assert!(
            pair[1] > pair[0],
            "{:?} should be sorted before {:?} in `{table}` (sorted, no duplicates)",
            pair[1],
            pair[0]
        );
    }
}

/// The word lists only looked up with `contains`, so their order is free:
/// each is sorted, which also keeps it free of duplicates. The number words
/// (`ONES`, `TENS`, `ORDINALS`, `SCALES`) stay in value order; the months
/// are `sitrep_text::lexicon`'s.
#[test]
fn word_lists_are_sorted_and_unique() {
    use super::lexicon::{
        CURRENCY_SIGNS, CURRENCY_WORDS, IDENT_BEFORE, NOT_PLURAL_NOUN, STREET_SUFFIX, UNITS,
    };
    for (table, words) in [
        ("UNITS", UNITS),
        ("CURRENCY_WORDS", CURRENCY_WORDS),
        ("CURRENCY_SIGNS", CURRENCY_SIGNS),
        ("IDENT_BEFORE", IDENT_BEFORE),
        ("STREET_SUFFIX", STREET_SUFFIX),
        ("NOT_PLURAL_NOUN", NOT_PLURAL_NOUN),
    ] {
        assert_sorted(table, words);
    }
}
