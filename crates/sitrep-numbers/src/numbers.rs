//! Numeric expressions: digits, number words, vague quantities, ranges,
//! qualifiers, and what kind of thing each number measures.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use sitrep_text::Span;

use crate::token::{num_value, table, Doc, FastMap, Kind};

/// How a number is hedged in the text.
///
/// Bounds follow from the qualifier (see [`NumberMention`]): `at_least` and
/// `more_than` give a lower bound only, `up_to`, `less_than` and `nearly` an
/// upper bound only, `approximately` neither, `none` and `exact` both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier written: "nine", "2,500".
    None,
    /// Stated as exact: "exactly 12", "a total of nine".
    Exact,
    /// "at least", "no fewer than", "or more", "50-plus".
    AtLeast,
    /// "more than", "over", "upwards of", "in excess of".
    MoreThan,
    /// "up to", "as many as", "at most", "no more than".
    UpTo,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "about", "around", "roughly", "approximately", "some", "an estimated", "or so".
    Approximately,
    /// A vague quantity word ("several", "multiple", "dozens", "hundreds"):
    /// the value, if any, is a documented conventional reading.
    Vague,
}

/// What a number measures. Only [`NumberKind::Count`] can be a head count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count of things ("nine militants", "121 strikes", "killing 15").
    Count,
    /// An ordinal ("third", "21st").
    Ordinal,
    /// A year or decade ("2024", "the 1990s", "mid-2010s").
    Year,
    /// A calendar date's day ("Oct. 22", "14 October", "12/25/2015").
    Date,
    /// A clock time ("8:20 a.m.", "7 p.m.").
    Time,
    /// An age ("18-year-old", "aged 25", "John Smith, 36,").
    Age,
    /// An amount of money ("$6", "420 million finnish markka").
    Money,
    /// A percentage ("27 %", "5 percent").
    Percent,
    /// A measurement or duration ("ten miles", "3-inch", "20 minutes", "90 degrees").
    Measure,
    /// An identifier, not a quantity: phone numbers, street addresses,
    /// route or channel numbers, model names ("AK-47").
    Other,
}

/// One numeric expression found in a text.
///
/// `value` is the figure as stated (`None` for ranges and for vague words
/// that have no conventional reading); `low`/`high` are the bounds the
/// expression supports. A plain or exact number has `low == high == value`;
/// "at least 7" has `low = 7`, no `high`; "up to 30" has `high = 30`, no
/// `low`; "about 2,500" has neither bound; "1,500 to 3,000" has no `value`,
/// `low = 1500`, `high = 3000`.
///
/// Vague words, with the readings used: "a couple" = 2; "a dozen" = 12;
/// "dozens" = 12 and "scores" = 20 (ACLED's conservative readings; no upper
/// bound); "hundreds" = 100, "thousands" = 1,000, "tens of thousands" =
/// 10,000, "hundreds of thousands" = 100,000, "millions" = 1,000,000 (each a
/// lower bound); "several" has no value and `low = 3`; "multiple", "a few"
/// and "a handful" have no value and `low = 2`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// Where it is (qualifier included), in bytes.
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// The figure as stated.
    pub value: Option<f64>,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// The hedge.
    pub qualifier: Qualifier,
    /// What it measures.
    pub kind: NumberKind,
}

/// A number as the crate sees it internally, with token positions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    /// First token (qualifier included).
    pub first: usize,
    /// First token of the number itself (after qualifier and currency sign).
    pub core: usize,
    /// One past the last token.
    pub last: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: NumberKind,
}

/// Finds every numeric expression in `text`, in order, with byte spans that
/// always slice `text`.
///
/// ```
/// use sitrep_numbers::{find_numbers, NumberKind, Qualifier};
///
/// let n = find_numbers("at least seven ISIS operatives and an 18-year-old");
/// assert_eq!(n[0].text, "at least seven");
/// assert_eq!((n[0].value, n[0].qualifier), (Some(7.0), Qualifier::AtLeast));
/// assert_eq!(n[1].kind, NumberKind::Age);
/// ```
#[must_use]
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let doc = Doc::new(text);
    scan(&doc).iter().map(|n| to_mention(&doc, n)).collect()
}

pub(crate) fn to_mention(doc: &Doc<'_>, n: &Num) -> NumberMention {
    let start = doc.toks[n.first].start;
    let end = doc.toks[n.last - 1].end;
    NumberMention {
        span: Span::new(start, end),
        text: doc.text[start..end].to_string(),
        value: n.value,
        low: n.low,
        high: n.high,
        qualifier: n.qualifier,
        kind: n.kind,
    }
}

// ---------------------------------------------------------------- lexicon

const ONES: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("hundredth", 100),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Qualifier phrases, longest first within each group (matching tries all).
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at the very least", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at minimum", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("just under", Qualifier::Nearly),
    ("just shy of", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("an estimated", Qualifier::Approximately),
    ("estimated", Qualifier::Approximately),
    ("an approximate", Qualifier::Approximately),
    ("approximately", Qualifier::Approximately),
    ("approx", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("circa", Qualifier::Approximately),
    ("exactly", Qualifier::Exact),
    ("precisely", Qualifier::Exact),
    ("a total of", Qualifier::Exact),
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const UNITS: &[&str] = &[
    "mile",
    "miles",
    "mi",
    "km",
    "kms",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "meter",
    "meters",
    "metre",
    "metres",
    "cm",
    "centimeters",
    "centimetres",
    "mm",
    "millimeter",
    "millimeters",
    "ft",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "yd",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "sq",
    "square",
    "pound",
    "pounds",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "oz",
    "kg",
    "kgs",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "gram",
    "grams",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "gallon",
    "gallons",
    "liter",
    "liters",
    "litre",
    "litres",
    "ml",
    "milliliters",
    "millilitres",
    "barrel",
    "barrels",
    "degree",
    "degrees",
    "deg",
    "celsius",
    "celcius",
    "fahrenheit",
    "farenheit",
    "mph",
    "kph",
    "knots",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "second",
    "seconds",
    "sec",
    "secs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "yr",
    "yrs",
    "decade",
    "decades",
    "century",
    "centuries",
    "caliber",
    "calibre",
    "gauge",
    "volt",
    "volts",
    "watt",
    "watts",
    "kw",
    "mw",
    "gb",
    "mb",
    "tb",
    "calories",
    "bpd",
    "bit",
    "bits",
    "byte",
    "bytes",
    "km2",
    "m2",
];

const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "cent", "cents", "euro", "euros", "yen", "yuan", "renminbi", "rupee",
    "rupees", "ruble", "rubles", "rouble", "roubles", "peso", "pesos", "dinar", "dinars", "riyal",
    "riyals", "shekel", "shekels", "franc", "francs", "markka", "marks", "lira", "krona", "kronor",
    "krone", "sterling", "usd", "eur", "gbp",
];

const CURRENCY_SIGNS: &[&str] = &["$", "£", "€", "¥", "₹", "₽", "₩"];

/// Words before a number that make it a label, not a quantity.
const IDENT_BEFORE: &[&str] = &[
    "channel",
    "route",
    "highway",
    "hwy",
    "interstate",
    "room",
    "apt",
    "apartment",
    "suite",
    "unit",
    "flight",
    "precinct",
    "district",
    "ward",
    "chapter",
    "section",
    "article",
    "exit",
    "box",
    "pier",
    "gate",
    "terminal",
    "building",
    "lot",
    "level",
    "phase",
    "page",
    "episode",
    "season",
    "vol",
    "volume",
    "game",
    "local",
    "station",
    "code",
    "number",
    "no",
    "nos",
    "resolution",
    "model",
    "version",
    "type",
    "class",
    "category",
    "zone",
    "sector",
    "camp",
    "road",
    "street",
    "avenue",
    "sr",
    "cr",
    "fm",
    "us",
    "i",
    "am",
    "fm",
    "covid",
    "k",
    "f",
    "ak",
    "su",
    "mig",
    "mi",
];

const STREET_SUFFIX: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "terrace",
    "circle",
    "cir",
    "trail",
    "pike",
    "square",
    "plaza",
    "row",
    "alley",
];

/// Lowercase function words that may follow a year.
const NOT_PLURAL_NOUN: &[&str] = &[
    "was", "has", "is", "as", "this", "its", "his", "hers", "ours", "yours", "theirs", "thus",
    "always", "perhaps", "whereas", "has", "does", "us", "towards", "besides", "across", "unless",
    "plus", "less",
];

static ONES_MAP: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| table(ONES));
static TENS_MAP: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| table(TENS));
static ORDINALS_MAP: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| table(ORDINALS));
static SCALES_MAP: LazyLock<FastMap<&'static str, f64>> = LazyLock::new(|| table(SCALES));
/// Qualifier phrases grouped by their first word.
static QUALIFIERS_BY_FIRST: LazyLock<FastMap<&'static str, Vec<(&'static str, Qualifier)>>> =
    LazyLock::new(|| {
        let mut m: FastMap<&'static str, Vec<(&'static str, Qualifier)>> = FastMap::default();
        for &(p, q) in QUALIFIERS {
            m.entry(p.split(' ').next().unwrap_or(p))
                .or_default()
                .push((p, q));
        }
        m
    });

fn ones(w: &str) -> Option<u32> {
    ONES_MAP.get(w).copied()
}

fn tens(w: &str) -> Option<u32> {
    TENS_MAP.get(w).copied()
}

fn ordinal(w: &str) -> Option<u32> {
    ORDINALS_MAP.get(w).copied()
}

fn scale(w: &str) -> Option<f64> {
    SCALES_MAP.get(w).copied()
}

fn is_month(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_word(i) && MONTHS.contains(&doc.w(i))
}

// ---------------------------------------------------------------- scanning

/// Finds all numbers, as token ranges.
pub(crate) fn scan(doc: &Doc<'_>) -> Vec<Num> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        // Cheap pre-check: a number can only start at a digit, a word, a
        // currency sign or a minus sign.
        match parse_at(doc, i) {
            Some(m) if m.last > i => {
                i = m.last;
                out.push(m);
            }
            _ => i += 1,
        }
    }
    out
}

/// A number without its qualifier: where it ends and what it is worth.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    vague: bool,
    ordinal: bool,
    /// A bare digit token (no scale, no words).
    plain_digits: bool,
    /// A scale word was applied ("1.5 million").
    scaled: bool,
    /// Date or time shape detected while parsing ("12/25", "8:20").
    shape: Option<NumberKind>,
}

fn qualifier_at(doc: &Doc<'_>, i: usize) -> Option<(Qualifier, usize)> {
    if !doc.is_word(i) {
        return None;
    }
    // Cheap filter on the first word of every qualifier phrase.
    if !matches!(
        doc.w(i),
        "at" | "no"
            | "not"
            | "a"
            | "more"
            | "well"
            | "just"
            | "upwards"
            | "in"
            | "greater"
            | "over"
            | "above"
            | "as"
            | "up"
            | "fewer"
            | "less"
            | "under"
            | "below"
            | "close"
            | "nearly"
            | "almost"
            | "an"
            | "estimated"
            | "approximately"
            | "approx"
            | "roughly"
            | "around"
            | "about"
            | "some"
            | "circa"
            | "exactly"
            | "precisely"
    ) {
        return None;
    }
    let mut best: Option<(Qualifier, usize)> = None;
    for &(phrase, q) in QUALIFIERS_BY_FIRST.get(doc.w(i))? {
        if let Some(end) = doc.seq(i, phrase) {
            if best.is_none_or(|(_, e)| end > e) {
                best = Some((q, end));
            }
        }
    }
    best
}

/// Words that can start a number, a qualifier or a currency prefix (a
/// `match` compiles to a length switch: cheaper than hashing every word).
fn is_starter(w: &str) -> bool {
    matches!(
        w,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fourty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "hundredth"
            | "at"
            | "no"
            | "not"
            | "a"
            | "more"
            | "well"
            | "just"
            | "upwards"
            | "in"
            | "greater"
            | "over"
            | "above"
            | "as"
            | "up"
            | "fewer"
            | "less"
            | "under"
            | "below"
            | "close"
            | "nearly"
            | "almost"
            | "an"
            | "estimated"
            | "approximately"
            | "approx"
            | "roughly"
            | "around"
            | "about"
            | "some"
            | "circa"
            | "exactly"
            | "precisely"
            | "several"
            | "multiple"
            | "dozens"
            | "scores"
            | "hundreds"
            | "thousands"
            | "millions"
            | "tens"
            | "half"
            | "between"
            | "usd"
            | "eur"
            | "gbp"
            | "inr"
            | "rs"
            | "cad"
            | "aud"
            | "chf"
            | "jpy"
            | "us"
            | "c"
            | "nz"
            | "hk"
            | "s"
    )
}

fn parse_at(doc: &Doc<'_>, i: usize) -> Option<Num> {
    let t = doc.toks.get(i)?;
    if t.kind == Kind::Word && !is_starter(doc.w(i)) {
        return None;
    }
    let mut qualifier = Qualifier::None;
    let mut c = i;
    let mut between = false;
    if t.kind == Kind::Word {
        if doc.is(i, "between") {
            between = true;
            c = i + 1;
        } else if let Some((q, e)) = qualifier_at(doc, i) {
            qualifier = q;
            c = e;
        } else if !matches!(doc.w(i), "a" | "an") && QUALIFIERS_BY_FIRST.contains_key(doc.w(i)) {
            // "in", "at", "about" without a number after them.
            return None;
        }
    }
    if t.kind == Kind::Punct && !(CURRENCY_SIGNS.contains(&doc.w(i)) || doc.is(i, "-")) {
        return None;
    }
    // Currency sign (possibly after a qualifier): "$6", "more than $ 247 million", "US$5", "C $ 16.4".
    let mut money = false;
    let sign = CURRENCY_SIGNS.contains(&doc.w(c));
    // Currency codes glued to the number: "USD115".
    let code = doc.is_word(c)
        && matches!(
            doc.w(c),
            "usd" | "eur" | "gbp" | "inr" | "rs" | "cad" | "aud" | "chf" | "jpy"
        )
        && doc.tight(c);
    if (sign || code) && doc.is_num(c + 1) {
        money = true;
        c += 1;
    } else if doc.is_word(c)
        && matches!(doc.w(c), "us" | "c" | "a" | "nz" | "hk" | "s")
        && doc.is(c + 1, "$")
        && doc.tight(c)
        && doc.is_num(c + 2)
    {
        money = true;
        c += 2;
    }
    // A minus sign glued to a number, after a space or at the start.
    let mut negative = false;
    if doc.is(c, "-")
        && doc.tight(c)
        && doc.is_num(c + 1)
        && doc.toks[c].space_before
        && qualifier == Qualifier::None
    {
        negative = true;
        c += 1;
    }
    let mut core = parse_core(doc, c, money)?;
    if negative {
        core.value = core.value.map(|v| -v);
        core.low = core.low.map(|v| -v);
    }
    let mut end = core.end;
    let mut value = core.value;
    let mut low = core.low.or(core.value);
    let mut high = if core.vague { None } else { core.value };
    let mut is_range = false;
    let mut kind_hint = core.shape;

    // Phone numbers "504-471-2789", "554-1111", "(504) 822-1111".
    if core.plain_digits
        && doc.tight(end - 1)
        && doc.is(end, "-")
        && doc.tight(end)
        && doc.is_num(end + 1)
    {
        let a = doc.raw(end - 1).len();
        let b = doc.raw(end + 1).len();
        if doc.is(end + 2, "-") && doc.tight(end + 1) && doc.is_num(end + 3) && doc.tight(end + 2) {
            end += 4;
            kind_hint = Some(NumberKind::Other);
        } else if a == 3 && b == 4 {
            end += 2;
            kind_hint = Some(NumberKind::Other);
        }
    }

    // Ranges: "1,500 to 3,000", "between 20 and 30", "5-7", "two or three", "eight to 10 feet".
    if kind_hint.is_none() && !core.ordinal && value.is_some() {
        let sep = doc.w(end);
        let dash = matches!(sep, "-" | "–" | "—");
        let ok_sep = (between && sep == "and")
            || (!between
                && (sep == "to"
                    || sep == "or"
                    || (dash && (doc.tight(end - 1) == doc.tight(end)))));
        if ok_sep {
            let mut c2 = end + 1;
            if CURRENCY_SIGNS.contains(&doc.w(c2)) && doc.is_num(c2 + 1) {
                c2 += 1;
            }
            if let Some(core2) = parse_core(doc, c2, money) {
                if let (Some(a), Some(b)) = (value, core2.value) {
                    if !core2.ordinal && !core2.vague && core2.shape.is_none() {
                        let mut a = a;
                        // "1.5 to 2 million": the scale of the second applies to the first.
                        if core2.scaled && !core.scaled && a < 1000.0 {
                            let scale = scale_of(b);
                            if a * scale < b * 10.0 {
                                a *= scale;
                            }
                        }
                        if b > a {
                            value = None;
                            low = Some(a);
                            high = Some(b);
                            end = core2.end;
                            is_range = true;
                        }
                    }
                }
            }
        }
    }
    if between && !is_range {
        // "between" without a range is not a qualifier.
        if c == i + 1 {
            return parse_at(doc, i + 1).map(|m| Num {
                first: m.first,
                ..m
            });
        }
        return None;
    }

    // Suffix qualifiers: "or more", "or so", "50-plus", "100+".
    if qualifier == Qualifier::None && !is_range && !core.vague {
        if let Some(e) = doc.seq(end, "or more") {
            qualifier = Qualifier::AtLeast;
            end = e;
        } else if let Some(e) = doc.seq(end, "or so") {
            qualifier = Qualifier::Approximately;
            end = e;
        } else if doc.is(end, "plus") && (doc.tight(end - 1) || doc.is(end - 1, "-")) {
            qualifier = Qualifier::AtLeast;
            end += 1;
        } else if doc.is(end, "-") && doc.tight(end - 1) && doc.is(end + 1, "plus") {
            qualifier = Qualifier::AtLeast;
            end += 2;
        } else if doc.is(end, "+") && doc.tight(end - 1) {
            qualifier = Qualifier::AtLeast;
            end += 1;
        }
    }
    if core.vague {
        qualifier = Qualifier::Vague;
    }

    // Bounds from the qualifier.
    if !is_range && !core.vague {
        match qualifier {
            Qualifier::None | Qualifier::Exact => {}
            Qualifier::AtLeast | Qualifier::MoreThan => high = None,
            Qualifier::UpTo | Qualifier::LessThan | Qualifier::Nearly => low = None,
            Qualifier::Approximately => {
                low = None;
                high = None;
            }
            Qualifier::Vague => high = None,
        }
    }

    let first = if between || qualifier != Qualifier::None && qualifier != Qualifier::Vague || c > i
    {
        i
    } else {
        c
    };
    let core_start = if money && c > i && CURRENCY_SIGNS.contains(&doc.w(c - 1)) {
        c - 1
    } else {
        c
    };
    let kind = match kind_hint {
        Some(k) => k,
        None => classify(doc, core_start, c, end, value.or(low), core, money),
    };
    // A qualifier word before an age or a year is still part of it, but
    // "over 2,000" etc. stays as found.
    Some(Num {
        first: first.min(core_start),
        core: c,
        last: end,
        value,
        low,
        high,
        qualifier,
        kind,
    })
}

/// `value * scale` without binary noise: 16.4 million is 16,400,000.
fn scaled_value(value: f64, scale: f64) -> f64 {
    let v = value * scale;
    if scale >= 1e3 {
        (v * 1e3).round() / 1e3
    } else {
        v
    }
}

fn scale_of(b: f64) -> f64 {
    if b >= 1e12 {
        1e12
    } else if b >= 1e9 {
        1e9
    } else if b >= 1e6 {
        1e6
    } else if b >= 1e3 {
        1e3
    } else {
        1.0
    }
}

/// Parses the number itself at token `c`.
fn parse_core(doc: &Doc<'_>, c: usize, money: bool) -> Option<Core> {
    let t = doc.toks.get(c)?;
    match t.kind {
        Kind::Num => parse_digits(doc, c, money),
        Kind::Word => parse_words(doc, c),
        Kind::Punct => None,
    }
}

fn parse_digits(doc: &Doc<'_>, c: usize, money: bool) -> Option<Core> {
    let t = doc.toks[c];
    let mut value = num_value(doc.raw(c))?;
    let mut end = c + 1;
    let mut shape = None;
    let mut plain = true;
    let mut scaled = false;
    if t.ordinal {
        return Some(Core {
            end,
            value: Some(value),
            low: None,
            vague: false,
            ordinal: true,
            plain_digits: false,
            scaled: false,
            shape: None,
        });
    }
    // Clock times "8:20", "20:15:03".
    if doc.tight(c) && doc.is(end, ":") && doc.tight(end) && doc.is_num(end + 1) {
        end += 2;
        if doc.tight(end - 1) && doc.is(end, ":") && doc.tight(end) && doc.is_num(end + 1) {
            end += 2;
        }
        shape = Some(NumberKind::Time);
        plain = false;
    } else if doc.tight(c) && doc.is(end, "/") && doc.tight(end) && doc.is_num(end + 1) {
        // Dates "12/25/2015", "12/25"; fractions "1/2".
        let b = num_value(doc.raw(end + 1)).unwrap_or(0.0);
        end += 2;
        if doc.tight(end - 1) && doc.is(end, "/") && doc.tight(end) && doc.is_num(end + 1) {
            end += 2;
            shape = Some(NumberKind::Date);
        } else if value <= 12.0 && (1.0..=31.0).contains(&b) && b > 4.0 {
            shape = Some(NumberKind::Date);
        } else if b > 0.0 {
            value /= b;
        }
        plain = false;
    } else if doc.is_num(end) && !doc.tight(c) {
        // Mixed fractions "10 1/2".
        if doc.tight(end) && doc.is(end + 1, "/") && doc.tight(end + 1) && doc.is_num(end + 2) {
            let a = num_value(doc.raw(end)).unwrap_or(0.0);
            let b = num_value(doc.raw(end + 2)).unwrap_or(0.0);
            if b > a && b > 0.0 && !doc.tight(end + 2) {
                value += a / b;
                end += 3;
                plain = false;
            }
        }
    }
    if shape.is_none() {
        // Scale words: "1.5 million", "40 thousand", "2 dozen"; "$6bn", "$75m".
        let w = doc.w(end);
        if let Some(s) = scale(w) {
            value = scaled_value(value, s);
            end += 1;
            plain = false;
            scaled = true;
            // "2 million 500 thousand" is rare; stop here.
        } else if w == "dozen" {
            value *= 12.0;
            end += 1;
            plain = false;
        } else if money && doc.tight(end - 1) && doc.is_word(end) {
            let s = match w {
                "bn" | "b" | "billion" => Some(1e9),
                "m" | "mn" | "mln" | "million" => Some(1e6),
                "k" | "thousand" => Some(1e3),
                "tn" | "trillion" => Some(1e12),
                _ => None,
            };
            if let Some(s) = s {
                value = scaled_value(value, s);
                end += 1;
                plain = false;
                scaled = true;
            }
        }
    }
    Some(Core {
        end,
        value: Some(value),
        low: None,
        vague: false,
        ordinal: false,
        plain_digits: plain,
        scaled,
        shape,
    })
}

fn parse_words(doc: &Doc<'_>, c: usize) -> Option<Core> {
    let w = doc.w(c);
    let vague = |end: usize, value: Option<f64>, low: f64| Core {
        end,
        value,
        low: Some(low),
        vague: true,
        ordinal: false,
        plain_digits: false,
        scaled: false,
        shape: None,
    };
    let exact = |end: usize, value: f64, scaled: bool| Core {
        end,
        value: Some(value),
        low: None,
        vague: false,
        ordinal: false,
        plain_digits: false,
        scaled,
        shape: None,
    };
    // Vague quantities.
    match w {
        "several" => return Some(vague(c + 1, None, 3.0)),
        "multiple" => return Some(vague(c + 1, None, 2.0)),
        "dozens" => return Some(vague(c + 1, Some(12.0), 12.0)),
        "scores" if doc.is(c + 1, "of") => return Some(vague(c + 1, Some(20.0), 20.0)),
        "hundreds" | "thousands" | "millions" | "tens" => {
            // "tens of thousands", "hundreds of thousands".
            if doc.is(c + 1, "of") && doc.is_any(c + 2, &["thousands", "millions"]) {
                let base = if w == "tens" { 10.0 } else { 100.0 };
                let s = if doc.is(c + 2, "thousands") { 1e3 } else { 1e6 };
                return Some(vague(c + 3, Some(base * s), base * s));
            }
            let v = match w {
                "hundreds" => 100.0,
                "thousands" => 1e3,
                "millions" => 1e6,
                _ => return None,
            };
            return Some(vague(c + 1, Some(v), v));
        }
        "a" | "an" => {
            let n = doc.w(c + 1);
            match n {
                "few" => return Some(vague(c + 2, None, 2.0)),
                "handful" => return Some(vague(c + 2, None, 2.0)),
                "couple" => return Some(exact(c + 2, 2.0, false)),
                "dozen" => return Some(exact(c + 2, 12.0, false)),
                "hundred" | "thousand" | "million" | "billion" => {
                    // "a hundred", "a thousand and fifty": reuse the word parser.
                    return parse_word_number(doc, c + 1, 1.0).map(|(v, e)| exact(e, v, true));
                }
                _ => return None,
            }
        }
        "half" if doc.seq(c + 1, "a dozen").is_some() => return Some(exact(c + 3, 6.0, false)),
        _ => {}
    }
    if let Some(o) = ordinal(w) {
        // "second" is also a unit of time: only an ordinal after a determiner.
        if w == "second"
            && !doc.is_any(
                c.wrapping_sub(1),
                &["a", "the", "his", "her", "their", "its"],
            )
        {
            return None;
        }
        return Some(Core {
            end: c + 1,
            value: Some(f64::from(o)),
            low: None,
            vague: false,
            ordinal: true,
            plain_digits: false,
            scaled: false,
            shape: None,
        });
    }
    if ones(w).is_none() && tens(w).is_none() {
        return None;
    }
    // "one" as a pronoun: "no one", "any one", "one another".
    if w == "one"
        && (doc.is_any(
            c.wrapping_sub(1),
            &["no", "any", "every", "each", "this", "that", "which", "the"],
        ) || doc.is(c + 1, "another"))
    {
        return None;
    }
    let (v, e) = parse_word_number(doc, c, 0.0)?;
    // Twenty-first etc.
    if doc.is(e, "-") && doc.tight(e - 1) && doc.tight(e) {
        if let Some(o) = ordinal(doc.w(e + 1)) {
            if o < 10 && v >= 20.0 {
                return Some(Core {
                    end: e + 2,
                    value: Some(v + f64::from(o)),
                    low: None,
                    vague: false,
                    ordinal: true,
                    plain_digits: false,
                    scaled: false,
                    shape: None,
                });
            }
        }
    }
    let mut core = exact(e, v, e > c + 1 && (e - c) > 1);
    core.scaled = (c..e).any(|k| scale(doc.w(k)).is_some());
    // "two dozen".
    if doc.is(e, "dozen") {
        core.value = Some(v * 12.0);
        core.end = e + 1;
    }
    Some(core)
}

/// Parses a run of number words from `c` ("two hundred and fifty",
/// "twenty-one", "ninety five", "one million"). `current` starts the
/// accumulator (1 after "a").
fn parse_word_number(doc: &Doc<'_>, c: usize, current: f64) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut cur = current;
    let mut j = c;
    let mut any = current > 0.0;
    // What the previous word was: 0 none, 1 ones/teens, 2 tens, 3 hundred, 4 big scale.
    let mut last = if current > 0.0 { 1 } else { 0 };
    loop {
        let w = doc.w(j);
        if let Some(v) = ones(w) {
            if last == 1 || (last == 2 && v >= 10) {
                break;
            }
            cur += f64::from(v);
            last = 1;
            any = true;
            j += 1;
        } else if let Some(v) = tens(w) {
            if last == 1 || last == 2 {
                break;
            }
            cur += f64::from(v);
            last = 2;
            any = true;
            j += 1;
            // "twenty-one"
            if doc.is(j, "-") && doc.tight(j - 1) && doc.tight(j) {
                if let Some(u) = ones(doc.w(j + 1)) {
                    if (1..10).contains(&u) {
                        cur += f64::from(u);
                        last = 1;
                        j += 2;
                    }
                }
            }
        } else if w == "hundred" && any {
            if cur == 0.0 {
                cur = 1.0;
            }
            cur *= 100.0;
            last = 3;
            j += 1;
        } else if let Some(s) = scale(w).filter(|&s| s >= 1e3 && any) {
            if cur == 0.0 {
                cur = 1.0;
            }
            total += cur * s;
            cur = 0.0;
            last = 4;
            j += 1;
        } else if w == "and"
            && (last == 3 || last == 4)
            && (ones(doc.w(j + 1)).is_some() || tens(doc.w(j + 1)).is_some())
        {
            j += 1;
            last = 0;
        } else {
            break;
        }
    }
    if !any || j == c {
        return None;
    }
    Some((total + cur, j))
}

// ---------------------------------------------------------------- kinds

/// Decides what a parsed number measures. `core_start` is the first token of
/// the number (currency sign included), `c` the first digit/word token and
/// `end` one past the last token.
fn classify(
    doc: &Doc<'_>,
    core_start: usize,
    c: usize,
    end: usize,
    v: Option<f64>,
    core: Core,
    money: bool,
) -> NumberKind {
    let prev = core_start.wrapping_sub(1);
    let pw = doc.w(prev);
    let nw = doc.w(end);
    let v = v.unwrap_or(0.0);
    let is_int = v.fract() == 0.0;

    if money {
        return NumberKind::Money;
    }
    // Dates: "Oct. 22", "October 14", "14 October", "the 14th of October".
    let month_before =
        is_month(doc, prev) || (doc.is(prev, ".") && is_month(doc, prev.wrapping_sub(1)));
    let month_after = is_month(doc, end) || (doc.is(end, "of") && is_month(doc, end + 1));
    if is_int
        && (1.0..=31.0).contains(&v)
        && (month_before || month_after)
        && !core.vague
        && end == c + 1
    {
        return NumberKind::Date;
    }
    if core.ordinal {
        return NumberKind::Ordinal;
    }
    // Percentages.
    if nw == "%"
        || matches!(nw, "percent" | "pct" | "percentage")
        || doc.seq(end, "per cent").is_some()
    {
        return NumberKind::Percent;
    }
    if CURRENCY_WORDS.contains(&nw) || (nw == "pounds" && doc.is(end + 1, "sterling")) {
        return NumberKind::Money;
    }
    // Ages.
    if is_age_after(doc, end) || matches!(pw, "aged" | "age" | "ages") {
        return NumberKind::Age;
    }
    // "ages 8 and 5": a number right after an age and "and".
    if pw == "and"
        && doc.is_num(prev.wrapping_sub(1))
        && doc.is_any(prev.wrapping_sub(2), &["ages", "aged"])
    {
        return NumberKind::Age;
    }
    // Decades and ages in decades: "the 1990s", "in his 20s", "mid-2010s", "the '90s".
    if doc.is(end, "s") && doc.tight(end - 1) {
        if (doc.is_any(prev, &["his", "her", "their"])
            || doc.is_any(prev, &["early", "mid", "late"])
                && doc.is_any(prev.wrapping_sub(1), &["his", "her", "their"]))
            && v < 100.0
        {
            return NumberKind::Age;
        }
        return NumberKind::Year;
    }
    // Clock times.
    if is_time_after(doc, end) {
        return NumberKind::Time;
    }
    // Identifiers: phone-like, glued to letters, after label words, addresses.
    if let Some(k) = identifier(doc, core_start, c, end, v) {
        return k;
    }
    // Years.
    if core.plain_digits && is_int && (1500.0..=2100.0).contains(&v) && doc.raw(c).len() == 4 {
        let plural_noun_after = doc.is_word(end)
            && !doc.is_cap(end)
            && ((nw.len() > 3
                && nw.ends_with('s')
                && !nw.ends_with("ss")
                && !NOT_PLURAL_NOUN.contains(&nw))
                || matches!(
                    nw,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "police"
                        | "personnel"
                        | "staff"
                        | "feet"
                ));
        let year_context = matches!(
            pw,
            "in" | "since"
                | "of"
                | "from"
                | "by"
                | "until"
                | "through"
                | "during"
                | "year"
                | "mid"
                | "early"
                | "late"
                | "before"
                | "after"
        );
        // "1500 troops" is a count; "1988 sales" and "the 2016 elections" are years.
        let people_after = crate::casualty::person(nw) == Some(true);
        if plural_noun_after && !year_context && (v < 1900.0 || people_after) {
            return NumberKind::Count;
        }
        return NumberKind::Year;
    }
    // Age after a name: "John Smith, 36, of Allen", "Dunnigan, 42, with".
    let person_before = doc.is_cap(prev.wrapping_sub(1))
        || crate::casualty::person(doc.w(prev.wrapping_sub(1))).is_some();
    if is_int && v < 111.0 && !core.vague && core.plain_digits && pw == "," && person_before {
        let after_ok = end >= doc.toks.len()
            || doc.is_any(
                end,
                &[
                    ",", ".", ";", ")", "of", "and", "was", "is", "who", "from", "died", "had",
                    "has", "were",
                ],
            );
        if after_ok && !is_month(doc, prev.wrapping_sub(1)) {
            return NumberKind::Age;
        }
    }
    // "(25)" after a name.
    if is_int && v < 111.0 && pw == "(" && doc.is(end, ")") && doc.is_cap(prev.wrapping_sub(1)) {
        return NumberKind::Age;
    }
    // Measures: "ten miles", "six-mile", "3-inch", "200lbs", "98.6 degrees".
    let unit_at = |k: usize| doc.is_word(k) && UNITS.contains(&doc.w(k));
    if unit_at(end) || (doc.is(end, "-") && doc.tight(end - 1) && unit_at(end + 1)) || nw == "°" {
        // "a second", "the first day": units after ordinals are fine; "2 years old" handled above.
        return NumberKind::Measure;
    }
    NumberKind::Count
}

fn is_age_after(doc: &Doc<'_>, end: usize) -> bool {
    let mut j = end;
    if doc.is(j, "-") {
        j += 1;
    }
    if !doc.is_any(
        j,
        &[
            "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
        ],
    ) {
        return false;
    }
    j += 1;
    if doc.is(j, "-") {
        j += 1;
    }
    doc.is_any(j, &["old", "olds"]) || doc.seq(j, "of age").is_some()
        // GVDB writes "18-year" for ages in annotation-style text: only with the hyphen.
        || (end < doc.toks.len() && doc.is(end, "-") && doc.is(end + 1, "year") && doc.is(end + 2, "-") && doc.is(end + 3, "old"))
}

fn is_time_after(doc: &Doc<'_>, end: usize) -> bool {
    let nw = doc.w(end);
    if matches!(
        nw,
        "am" | "pm"
            | "a.m"
            | "p.m"
            | "o"
            | "hrs"
            | "gmt"
            | "utc"
            | "est"
            | "pst"
            | "cst"
            | "edt"
            | "pdt"
            | "cdt"
    ) {
        if nw == "o" {
            return doc.is_any(end + 1, &["'", "’"]) && doc.is(end + 2, "clock");
        }
        if nw == "hrs" {
            return false;
        }
        return true;
    }
    // "a.m." tokenizes as a . m .
    (nw == "a" || nw == "p") && doc.is(end + 1, ".") && doc.is(end + 2, "m")
}

fn identifier(
    doc: &Doc<'_>,
    core_start: usize,
    c: usize,
    end: usize,
    v: f64,
) -> Option<NumberKind> {
    let prev = core_start.wrapping_sub(1);
    // Letters glued after: "6abc.com", "3M" (units, scales and "s" are read before).
    if doc.is_word(end) && !doc.toks[end].space_before {
        let w = doc.w(end);
        if !(UNITS.contains(&w)
            || scale(w).is_some()
            || matches!(
                w,
                "s" | "am" | "pm" | "a" | "p" | "dozen" | "x" | "m" | "g" | "l" | "k"
            ))
        {
            return Some(NumberKind::Other);
        }
    }
    // Glued to letters: "C183499", "K-9s", "AK-47", "F-16", "COVID-19".
    if core_start > 0 && !doc.toks[core_start].space_before {
        if doc.is_word(prev) {
            return Some(NumberKind::Other);
        }
        if doc.is(prev, "-") && !doc.toks[prev].space_before && doc.is_word(prev.wrapping_sub(1)) {
            let w = doc.w(prev - 1);
            if !matches!(
                w,
                "mid"
                    | "early"
                    | "late"
                    | "pre"
                    | "post"
                    | "about"
                    | "over"
                    | "under"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "and"
                    | "to"
                    | "or"
            ) && ones(w).is_none()
                && tens(w).is_none()
            {
                return Some(NumberKind::Other);
            }
        }
        if doc.is_any(prev, &["#"]) {
            return Some(NumberKind::Other);
        }
    }
    // "No. 5", label words: "Channel 7", "Route 66", "FM 917".
    if doc.is(prev, ".")
        && doc.is_any(
            prev.wrapping_sub(1),
            &["no", "nos", "vol", "art", "sec", "ch", "apt", "rt", "hwy"],
        )
    {
        return Some(NumberKind::Other);
    }
    if doc.is_word(prev) && IDENT_BEFORE.contains(&doc.w(prev)) && doc.is_cap(prev) {
        return Some(NumberKind::Other);
    }
    if doc.is_any(
        prev,
        &[
            "highway",
            "route",
            "interstate",
            "exit",
            "channel",
            "flight",
            "room",
            "suite",
            "precinct",
            "chapter",
            "section",
            "apartment",
            "apt",
        ],
    ) {
        return Some(NumberKind::Other);
    }
    if v == 911.0 && end == c + 1 {
        return Some(NumberKind::Other);
    }
    // Addresses: "2500 block", "608 Savage Road", "2810 W. Arkansas", "3400 N. Main St".
    let int = v.fract() == 0.0 && end == c + 1;
    if int && doc.is(end, "block") {
        return Some(NumberKind::Other);
    }
    if int && v >= 10.0 && doc.is_cap(end) {
        let mut j = end;
        for _ in 0..5 {
            if doc.is_word(j) && STREET_SUFFIX.contains(&doc.w(j)) && doc.is_cap(j) && j > end {
                return Some(NumberKind::Other);
            }
            if doc.is_cap(j) || doc.is(j, ".") || doc.is_num(j) && doc.toks[j].ordinal {
                j += 1;
            } else {
                break;
            }
        }
        // Compass point after the number: "2810 W. Arkansas".
        if doc.is_any(end, &["n", "s", "e", "w", "ne", "nw", "se", "sw"])
            && doc.is(end + 1, ".")
            && doc.is_cap(end + 2)
        {
            return Some(NumberKind::Other);
        }
    }
    // Ordinal street numbers "W. 56th Avenue" are ordinals already.
    None
}

#[cfg(test)]
mod tests {
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
}
