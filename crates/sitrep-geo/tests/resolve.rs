//! Toponym resolution on invented sentences, against the installed gazetteer.

mod common;

use common::{gazetteer, locs};
use sitrep_geo::resolve_places;

/// `(text, place names, name to check, expected country, expected admin1
/// (None: not checked), expected feature)`.
type Row = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("A teen was shot by Ardmore, Okla. police.", &["Ardmore", "Okla."], "Ardmore", "US", Some("Oklahoma"), "city"),
    ("Police in Ardmore, Pennsylvania said.", &["Ardmore", "Pennsylvania"], "Ardmore", "US", Some("Pennsylvania"), "city"),
    ("The raid took place in the Anbar Desert of western Iraq.", &["Anbar Desert", "Iraq"], "Anbar Desert", "IQ", Some("Al Anbar"), "admin1"),
    ("Fighting in Iraq's Anbar province went on.", &["Iraq", "Anbar"], "Anbar", "IQ", Some("Al Anbar"), "admin1"),
    ("BAGHDAD (Reuters) — A bomb went off in Karrada.", &["BAGHDAD"], "BAGHDAD", "IQ", None, "city"),
    ("Troops moved into the Hamrin Mountains north of Baghdad.", &["Hamrin Mountains", "Baghdad"], "Hamrin Mountains", "IQ", None, "natural"),
    ("Rebels entered Kinshasa and Goma in Congo.", &["Kinshasa", "Goma", "Congo"], "Goma", "CD", None, "city"),
    ("He flew from Tbilisi to Georgia's coast.", &["Tbilisi", "Georgia"], "Georgia", "GE", None, "country"),
    ("Storms hit Atlanta, Savannah and Georgia's coast.", &["Atlanta", "Savannah", "Georgia"], "Georgia", "US", None, "admin1"),
    ("Talks in Paris, France ended.", &["Paris", "France"], "Paris", "FR", None, "city"),
    ("A fire in Paris, Texas destroyed a barn.", &["Paris", "Texas"], "Paris", "US", Some("Texas"), "city"),
    ("U.S. troops are in Syria.", &["U.S.", "Syria"], "U.S.", "US", None, "country"),
    ("JACKSON CO., Fla. -- A teen died on Monday.", &["JACKSON CO.", "Fla."], "JACKSON CO.", "US", Some("Florida"), "admin2"),
    ("Police in Washington Twp. said.", &["Washington Twp."], "Washington Twp.", "US", None, "city"),
];

#[test]
fn resolves_in_context() {
    let Some(gaz) = gazetteer() else { return };
    let mut failures = Vec::new();
    for (text, names, which, cc, admin1, feature) in ROWS {
        let ents = locs(text, names);
        let geos = resolve_places(gaz, text, &ents);
        let i = ents
            .iter()
            .position(|e| &text[e.span.range()] == *which)
            .expect("the name is in the text");
        let got = geos[i].clone();
        let ok = got.as_ref().is_some_and(|g| {
            g.country_code == *cc
                && g.feature == *feature
                && admin1.is_none_or(|a| g.admin1.as_deref() == Some(a))
        });
        if !ok {
            failures.push(format!("{text:?}: {which} -> {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn adjectives_and_other_labels_are_no_place() {
    let Some(gaz) = gazetteer() else { return };
    let text = "U.S.-Iraqi forces and Iraqi police met in Baghdad.";
    let mut ents = locs(text, &["U.S.-Iraqi", "Iraqi", "Baghdad"]);
    ents.retain(|e| e.span.start != 4); // "Iraqi" inside "U.S.-Iraqi"
    let geos = resolve_places(gaz, text, &ents);
    let by_name = |n: &str| {
        ents.iter()
            .position(|e| &text[e.span.range()] == n)
            .and_then(|i| geos[i].clone())
    };
    assert_eq!(by_name("U.S.-Iraqi"), None);
    assert_eq!(by_name("Iraqi"), None);
    assert_eq!(
        by_name("Baghdad").map(|g| g.country_code),
        Some("IQ".into())
    );
    let mut per = locs(text, &["Baghdad"]);
    per[0].label = "PER".into();
    assert_eq!(resolve_places(gaz, text, &per), vec![None]);
}

#[test]
fn unknown_names_fall_back_to_the_articles_town() {
    let Some(gaz) = gazetteer() else { return };
    let text = "NEW ORLEANS — Crowds filled Frenchmen Street in New Orleans on Sunday.";
    let ents = locs(text, &["NEW ORLEANS", "Frenchmen Street", "New Orleans"]);
    let geos = resolve_places(gaz, text, &ents);
    let street = geos[1].as_ref().expect("a containing unit");
    assert!(!street.exact);
    assert_eq!(street.name, "New Orleans");
    assert!(geos[0]
        .as_ref()
        .is_some_and(|g| g.exact && g.name == "New Orleans"));
}

#[test]
fn outlets_web_addresses_name_their_home() {
    let Some(gaz) = gazetteer() else { return };
    let rows: &[(&str, Option<(&str, &str)>)] = &[
        (
            "https://www.denverpost.com/2024/01/02/x/",
            Some(("Denver", "city")),
        ),
        (
            "http://www.chicagotribune.com/news/local/a.story",
            Some(("Chicago", "city")),
        ),
        (
            "http://web.archive.org/web/2017/http://www.oregonlive.com/portland/a.html",
            Some(("Oregon", "admin1")),
        ),
        ("https://example.com/a", None),
        ("https://www.bbc.co.uk/news/world", None),
        ("not a web address", None),
    ];
    for (url, want) in rows {
        let got = sitrep_geo::outlet_home(gaz, url);
        let got = got.as_ref().map(|g| (g.name.as_str(), g.feature.as_str()));
        assert_eq!(got, *want, "{url}");
    }
}

#[test]
fn the_outlets_home_breaks_a_tie_between_homonyms() {
    let Some(gaz) = gazetteer() else { return };
    let text = "A man was shot on Main Street in Springfield on Sunday.";
    let ents = locs(text, &["Main Street", "Springfield"]);
    let state = |url: Option<&str>| {
        let places = sitrep_geo::resolve_places_from(gaz, text, &ents, url);
        places[1].as_ref().and_then(|g| g.admin1.clone())
    };
    assert_eq!(
        state(Some("https://www.massachusettsdaily.example/news/a.html")).as_deref(),
        Some("Massachusetts")
    );
    assert_eq!(
        state(Some("https://www.illinoistimes.example/a")).as_deref(),
        Some("Illinois")
    );
}

#[test]
fn an_operation_in_the_mountains_is_placed_in_the_mountains() {
    let Some(gaz) = gazetteer() else { return };
    let text = "Troops raided a camp in the Hamrin Mountains on Tuesday, \
                a spokesman in Baghdad said. Baghdad officials welcomed the raid.";
    let ents = locs(text, &["Hamrin Mountains", "Baghdad"]);
    let places = resolve_places(gaz, text, &ents);
    let first = text.find('.').unwrap() + 1;
    let incident = [sitrep_text::Span::new(0, first)];
    let loc = sitrep_geo::event_location(
        gaz,
        &[sitrep_geo::DocPlaces {
            text,
            entities: &ents,
            places: &places,
            incident: &incident,
            lead_end: first,
            elsewhere: &[],
            home: None,
        }],
    )
    .expect("a location");
    assert_eq!(loc.name, "Hamrin Mountains", "{loc:?}");
    assert_eq!(loc.geo_precision, 2, "{loc:?}");
}
