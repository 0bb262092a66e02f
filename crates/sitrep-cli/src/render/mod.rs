//! Renderers of a [`Report`](sitrep::Report): a terminal table, JSON and JSON
//! Lines, CSV for spreadsheets and event datasets, and a self-contained HTML
//! page. Each takes the report (and, for HTML, the document texts) and writes
//! to any `Write`; none does other I/O.

mod csv;
mod export;
#[cfg(test)]
mod fixture;
mod html;
mod json;
mod map;
mod table;

use std::collections::HashMap;

use sitrep::{ClaimRecord, DatePrecision, EventRecord, FigureRecord, Qualifier};
use sitrep_text::InputItem;

pub use self::csv::{events_csv, CsvOptions};
pub use self::export::{acled_csv, geojson, ucdp_csv};
pub use self::html::html;
pub use self::json::{documents_jsonl, events_jsonl, json};
pub use self::table::{table, TableOptions};

/// Document texts by document id: what the HTML page shows and highlights.
pub type Texts<'a> = HashMap<&'a str, &'a str>;

/// The texts of the readable documents among `items`.
pub fn texts(items: &[InputItem]) -> Texts<'_> {
    items
        .iter()
        .filter_map(|i| match i {
            InputItem::Document(d) => Some((d.id.as_str(), d.text.as_str())),
            InputItem::Skipped(_) => None,
        })
        .collect()
}

/// `9 (7–9) !`: the best figure, its range when it is one, `!` on conflict;
/// `-` when nothing is reported.
fn figure_text(f: Option<&FigureRecord>) -> String {
    match f {
        None => "-".to_owned(),
        Some(f) => {
            let best = f.best.map_or("?".to_owned(), |b| b.to_string());
            let range = match (f.low, f.high) {
                (Some(l), Some(h)) if l != h => format!(" ({l}–{h})"),
                _ => String::new(),
            };
            let conflict = if f.conflict { " !" } else { "" };
            format!("{best}{range}{conflict}")
        }
    }
}

/// A claim's figure as a reader says it: `at least 7`, `about 40`, `≥2 (vague)`.
fn claim_text(c: &ClaimRecord) -> String {
    let words = match c.qualifier {
        None | Some(Qualifier::None | Qualifier::Vague) => "",
        Some(Qualifier::Exact) => "exactly ",
        Some(Qualifier::AtLeast) => "at least ",
        Some(Qualifier::MoreThan) => "more than ",
        Some(Qualifier::UpTo) => "up to ",
        Some(Qualifier::LessThan) => "fewer than ",
        Some(Qualifier::Nearly) => "nearly ",
        Some(Qualifier::Approximately) => "about ",
    };
    match (c.value, c.low, c.high) {
        (Some(v), _, _) => format!("{words}{v}"),
        (None, Some(l), Some(h)) if l != h => format!("{l}–{h}"),
        (None, Some(l), _) => format!("≥{l} (vague)"),
        (None, None, Some(h)) => format!("≤{h}"),
        (None, None, None) => "?".to_owned(),
    }
}

/// Whether a claim is at odds with its figure's best value: the figure is in
/// conflict and the best value lies outside the claim's bounds ("at least 7"
/// agrees with 9). A claim with no bounds ("about 40") allows 10 % either way.
fn claim_disagrees(f: &FigureRecord, c: &ClaimRecord) -> bool {
    let Some(best) = f.best else { return false };
    if !f.conflict {
        return false;
    }
    match (c.low, c.high, c.value) {
        (None, None, Some(v)) => best.abs_diff(v) * 10 > v,
        (low, high, _) => low.is_some_and(|l| best < l) || high.is_some_and(|h| best > h),
    }
}

/// The killed and injured figures of a toll, each with its name.
fn figures(t: &sitrep::TollRecord) -> [(&'static str, Option<&FigureRecord>); 2] {
    [
        ("killed", t.killed.as_ref()),
        ("injured", t.injured.as_ref()),
    ]
}

/// Where an event happened, for one cell: its geocoded location with its
/// province and country and ACLED's geo-precision (after `sep`); else the
/// most specific place named, and the country when it is not that place.
fn place_text(e: &EventRecord, sep: &str) -> String {
    if let Some(l) = &e.location {
        return format!(
            "{}{sep}(geo-precision {})",
            location_text(l),
            l.geo_precision
        );
    }
    match (e.places.first(), e.country.as_deref()) {
        (Some(p), Some(c)) if p != c => format!("{p}, {c}"),
        (Some(p), _) => p.clone(),
        (None, Some(c)) => c.to_owned(),
        (None, None) => "-".to_owned(),
    }
}

/// `Hamrin Mountains, Salah ad Din, Iraq`: a place with the units that hold
/// it, each said once.
fn location_text(l: &sitrep::LocationRecord) -> String {
    join_units(&l.name, [&l.admin2, &l.admin1, &l.country])
}

/// A geocoded mention: `Ardmore, Carter County, Oklahoma, US (GeoNames 4529469)`.
fn geo_text(g: &sitrep_geo::Geo) -> String {
    let cc = (!g.country_code.is_empty()).then(|| g.country_code.clone());
    let mut t = join_units(&g.name, [&g.admin2, &g.admin1, &cc]);
    if let Some(id) = g.geonames_id {
        t.push_str(&format!(" (GeoNames {id})"));
    }
    t
}

fn join_units(name: &str, units: [&Option<String>; 3]) -> String {
    let mut t = name.to_owned();
    for u in units.into_iter().flatten() {
        if !u.is_empty() && u != name {
            t.push_str(", ");
            t.push_str(u);
        }
    }
    t
}

/// A type as a reader says it: `Battles — Armed clash`, or the category of
/// an incident outside ACLED's scope (`crime (outside ACLED's scope)`).
fn type_text(t: &sitrep::TypeRecord) -> Option<String> {
    match (t.event_type, t.sub_event_type, t.category) {
        (Some(e), Some(s), _) => Some(format!("{} — {}", e.name(), s.name())),
        (Some(e), None, _) => Some(e.name().to_owned()),
        (None, _, Some(c)) => Some(format!("{} (outside ACLED's scope)", c.name())),
        (None, _, None) => None,
    }
}

/// ACLED's names of the inter codes 1–8.
const INTER_NAMES: [&str; 8] = [
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other forces",
];

/// One side of an event: `Islamic State (rebel group) + Abu X`, `-` when unknown.
fn side_text(actor: Option<&str>, assoc: &[String], inter: Option<u8>) -> String {
    let Some(actor) = actor else {
        return "-".to_owned();
    };
    let mut s = actor.to_owned();
    if let Some(name) = inter
        .and_then(|i| usize::from(i).checked_sub(1))
        .and_then(|i| INTER_NAMES.get(i))
    {
        s.push_str(&format!(" ({name})"));
    }
    for a in assoc {
        s.push_str(" + ");
        s.push_str(a);
    }
    s
}

/// An event's date with its precision when coarser than a day.
/// When an event happened, with ACLED's time precision after `sep`.
fn date_text(e: &EventRecord, sep: &str) -> String {
    let date = match (e.date.as_deref(), e.date_precision) {
        (None, _) => return "-".to_owned(),
        (Some(d), None | Some(DatePrecision::Day)) => d.to_owned(),
        (Some(d), Some(p)) => format!("{d} ({})", p.as_str()),
    };
    match e.time_precision {
        Some(t) => format!("{date}{sep}(time-precision {t})"),
        None => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(
        value: Option<u64>,
        low: Option<u64>,
        high: Option<u64>,
        q: Option<&str>,
    ) -> ClaimRecord {
        ClaimRecord {
            value,
            low,
            high,
            qualifier: q.map(fixture::qualifier),
            claimed_by: None,
            document: "d".into(),
            start: 0,
            end: 1,
        }
    }

    #[test]
    fn claim_texts() {
        let rows: &[(ClaimRecord, &str)] = &[
            (claim(Some(9), Some(9), Some(9), None), "9"),
            (
                claim(Some(7), Some(7), None, Some("at_least")),
                "at least 7",
            ),
            (
                claim(Some(40), None, None, Some("approximately")),
                "about 40",
            ),
            (claim(None, Some(2), None, Some("vague")), "≥2 (vague)"),
            (claim(None, Some(10), Some(12), None), "10–12"),
            (claim(Some(3), Some(3), Some(3), Some("exact")), "exactly 3"),
            (claim(None, None, None, None), "?"),
        ];
        for (c, want) in rows {
            assert_eq!(claim_text(c), *want, "{c:?}");
        }
    }

    #[test]
    fn disagreement_is_judged_against_the_best_figure() {
        let fig = |conflict| FigureRecord {
            best: Some(9),
            low: Some(7),
            high: Some(9),
            conservative: Some(7),
            conflict,
            claims: Vec::new(),
        };
        let rows: &[(ClaimRecord, bool)] = &[
            (claim(Some(9), Some(9), Some(9), None), false),
            (claim(Some(7), Some(7), Some(7), None), true),
            (claim(Some(7), Some(7), None, Some("at_least")), false),
            (claim(Some(12), Some(12), None, Some("at_least")), true),
            (claim(None, Some(2), None, Some("vague")), false),
            (claim(Some(5), None, Some(5), Some("up_to")), true),
            (claim(Some(10), None, Some(10), Some("up_to")), false),
            (claim(Some(40), None, None, Some("approximately")), true),
            (claim(Some(9), None, None, Some("approximately")), false),
        ];
        for (c, want) in rows {
            assert_eq!(claim_disagrees(&fig(true), c), *want, "{c:?}");
            assert!(!claim_disagrees(&fig(false), c), "no conflict, no mark");
        }
    }

    #[test]
    fn figure_and_place_cells() {
        let f = FigureRecord {
            best: Some(9),
            low: Some(7),
            high: Some(9),
            conservative: Some(7),
            conflict: true,
            claims: Vec::new(),
        };
        assert_eq!(figure_text(Some(&f)), "9 (7–9) !");
        assert_eq!(figure_text(None), "-");
        let report = fixture::report();
        assert_eq!(
            place_text(&report.events[0], " "),
            "Zürich‑Nord, Nordkanton, Freedonia (geo-precision 1)"
        );
        assert_eq!(
            date_text(&report.events[0], " "),
            "2031-05-12 (time-precision 1)"
        );
        assert_eq!(
            date_text(&report.events[1], "\n"),
            "2031-05-01 (month)\n(time-precision 3)"
        );
        let mut unlocated = report.events[0].clone();
        unlocated.location = None;
        assert_eq!(place_text(&unlocated, " "), "Zürich‑Nord, Freedonia");
    }
}
