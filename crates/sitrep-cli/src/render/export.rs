//! Exports in the formats the field reads: ACLED's columns, UCDP GED's
//! columns, and GeoJSON for QGIS, kepler.gl and geopandas.
//!
//! Each column is filled where sitrep knows the value and left blank where
//! it does not: nothing is invented to fill a column.

use std::io::Write;

use sitrep::{DatePrecision, EventRecord, Report};

use super::csv::CsvOptions;

/// ACLED's columns, in the codebook's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// UCDP GED's columns (codebook version 24.1), in its order.
pub const UCDP_COLUMNS: [&str; 49] = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
];

/// Separator of several values in one cell (ACLED's own).
const JOIN: &str = "; ";

/// A text cell, guarded against spreadsheet formulas as in the plain CSV.
fn text(s: &str) -> String {
    super::csv::text(s.to_owned())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The year of an event date, when the date states one.
fn year(e: &EventRecord) -> Option<i32> {
    e.date.as_deref()?.get(..4)?.parse().ok()
}

/// A coordinate with 4 decimals (about 11 m), as ACLED writes them.
fn coord(v: f64) -> String {
    format!("{v:.4}")
}

fn writer(out: &mut dyn Write, opts: CsvOptions) -> ::csv::Result<::csv::Writer<&mut dyn Write>> {
    if opts.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out))
}

/// Writes the events with ACLED's columns, one row per event. `fatalities`
/// is the most conservative reported figure, as ACLED codes it; `notes` the
/// headline and sitrep's remarks; `source` the outlets.
pub fn acled_csv(out: &mut dyn Write, report: &Report, opts: CsvOptions) -> ::csv::Result<()> {
    let mut w = writer(out, opts)?;
    w.write_record(ACLED_COLUMNS)?;
    for e in &report.events {
        let (c, s, l) = (&e.coding, &e.sides, e.location.as_ref());
        let notes: Vec<&str> = e
            .headline
            .iter()
            .chain(&e.notes)
            .map(String::as_str)
            .collect();
        let row: [String; 31] = [
            e.id.clone(),
            e.date.clone().unwrap_or_default(),
            opt(year(e)),
            opt(e.time_precision),
            opt(c.disorder_type.map(|t| t.name())),
            opt(c.event_type.map(|t| t.name())),
            opt(c.sub_event_type.map(|t| t.name())),
            text(s.actor1.as_deref().unwrap_or_default()),
            text(&s.assoc_actor_1.join(JOIN)),
            opt(s.inter1),
            text(s.actor2.as_deref().unwrap_or_default()),
            text(&s.assoc_actor_2.join(JOIN)),
            opt(s.inter2),
            opt(s.interaction),
            if s.civilian_targeting {
                "Civilian targeting".to_owned()
            } else {
                String::new()
            },
            String::new(), // iso: ACLED's numeric country code, not known here
            String::new(), // region
            text(
                l.and_then(|l| l.country.as_deref())
                    .or(e.country.as_deref())
                    .unwrap_or_default(),
            ),
            text(l.and_then(|l| l.admin1.as_deref()).unwrap_or_default()),
            text(l.and_then(|l| l.admin2.as_deref()).unwrap_or_default()),
            String::new(), // admin3
            text(l.map(|l| l.name.as_str()).unwrap_or_default()),
            opt(l.map(|l| coord(l.latitude))),
            opt(l.map(|l| coord(l.longitude))),
            opt(l.map(|l| l.geo_precision)),
            text(&e.sources.join(JOIN)),
            String::new(), // source_scale
            text(&notes.join(JOIN)),
            opt(e.toll.killed.as_ref().and_then(|f| f.conservative)),
            String::new(), // tags
            String::new(), // timestamp
        ];
        w.write_record(row)?;
    }
    w.flush()?;
    Ok(())
}

/// UCDP's type of violence: 1 state-based (a state on one side), 2
/// non-state (organised groups only), 3 one-sided (an organised actor
/// against civilians). Unknown when either side is.
fn type_of_violence(e: &EventRecord) -> Option<u8> {
    const STATE: u8 = 1;
    const CIVILIANS: u8 = 7;
    let (a, b) = (e.sides.inter1?, e.sides.inter2?);
    e.coding.disorder_type?;
    Some(
        if e.sides.civilian_targeting || a == CIVILIANS || b == CIVILIANS {
            3
        } else if a == STATE || b == STATE {
            1
        } else {
            2
        },
    )
}

/// UCDP's where_prec: 1 the exact place, 3 a second-order unit (or a part of
/// a region), 4 a first-order unit, 6 only the country.
fn where_prec(e: &EventRecord) -> Option<u8> {
    let l = e.location.as_ref()?;
    Some(match l.geo_precision {
        1 => 1,
        2 => 3,
        _ if l.admin1.is_some() => 4,
        _ => 6,
    })
}

/// UCDP's date_prec: 1 the day, 3 a week, 4 a month, 5 a year.
fn date_prec(e: &EventRecord) -> Option<u8> {
    e.date.as_ref()?;
    Some(match e.date_precision? {
        DatePrecision::Day => 1,
        DatePrecision::Week => 3,
        DatePrecision::Month => 4,
        DatePrecision::Year => 5,
    })
}

/// Writes the events with UCDP GED's columns, one row per event. `best`,
/// `low` and `high` are the reconciled killed figure and its range;
/// `side_a`/`side_b` are actor1/actor2.
pub fn ucdp_csv(out: &mut dyn Write, report: &Report, opts: CsvOptions) -> ::csv::Result<()> {
    let mut w = writer(out, opts)?;
    w.write_record(UCDP_COLUMNS)?;
    for e in &report.events {
        let (s, l) = (&e.sides, e.location.as_ref());
        let killed = e.toll.killed.as_ref();
        let exact_day = e.date_precision == Some(DatePrecision::Day) && year(e).is_some();
        let day = if exact_day { e.date.clone() } else { None };
        let mut row: Vec<String> = vec![String::new(); UCDP_COLUMNS.len()];
        let mut set = |name: &str, v: String| {
            if let Some(i) = UCDP_COLUMNS.iter().position(|c| *c == name) {
                row[i] = v;
            }
        };
        set("id", e.id.clone());
        set("year", opt(year(e)));
        set("type_of_violence", opt(type_of_violence(e)));
        set("side_a", text(s.actor1.as_deref().unwrap_or_default()));
        set("side_b", text(s.actor2.as_deref().unwrap_or_default()));
        set("number_of_sources", e.number_of_sources.to_string());
        set("source_article", text(&e.documents.join(JOIN)));
        set("source_office", text(&e.sources.join(JOIN)));
        set(
            "source_headline",
            text(e.headline.as_deref().unwrap_or_default()),
        );
        set("where_prec", opt(where_prec(e)));
        set(
            "where_coordinates",
            text(l.map(|l| l.name.as_str()).unwrap_or_default()),
        );
        set("where_description", text(&e.places.join(JOIN)));
        set(
            "adm_1",
            text(l.and_then(|l| l.admin1.as_deref()).unwrap_or_default()),
        );
        set(
            "adm_2",
            text(l.and_then(|l| l.admin2.as_deref()).unwrap_or_default()),
        );
        set("latitude", opt(l.map(|l| coord(l.latitude))));
        set("longitude", opt(l.map(|l| coord(l.longitude))));
        set(
            "geom_wkt",
            opt(l.map(|l| format!("POINT ({} {})", coord(l.longitude), coord(l.latitude)))),
        );
        set(
            "country",
            text(
                l.and_then(|l| l.country.as_deref())
                    .or(e.country.as_deref())
                    .unwrap_or_default(),
            ),
        );
        set("date_prec", opt(date_prec(e)));
        set("date_start", day.clone().unwrap_or_default());
        set("date_end", day.unwrap_or_default());
        set("best", opt(killed.and_then(|f| f.best)));
        set("high", opt(killed.and_then(|f| f.high)));
        set("low", opt(killed.and_then(|f| f.low)));
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes a GeoJSON FeatureCollection: one Feature per event, a Point at its
/// location (`null` geometry when no place resolved), and the whole event
/// record as its properties.
pub fn geojson(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    let features: Vec<serde_json::Value> = report
        .events
        .iter()
        .map(|e| {
            let geometry = match &e.location {
                Some(l) => serde_json::json!({
                    "type": "Point",
                    "coordinates": [l.longitude, l.latitude],
                }),
                None => serde_json::Value::Null,
            };
            serde_json::json!({
                "type": "Feature",
                "id": e.id,
                "geometry": geometry,
                "properties": e,
            })
        })
        .collect();
    let collection = serde_json::json!({
        "type": "FeatureCollection",
        "features": features,
    });
    serde_json::to_writer(&mut *out, &collection)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn records(bytes: &[u8]) -> (Vec<String>, Vec<::csv::StringRecord>) {
        let mut r = ::csv::Reader::from_reader(bytes);
        let header = r.headers().unwrap().iter().map(str::to_owned).collect();
        (header, r.records().map(Result::unwrap).collect())
    }

    #[test]
    fn acled_rows_fill_known_columns_and_leave_the_rest_blank() {
        let report = fixture::report();
        let mut out = Vec::new();
        acled_csv(&mut out, &report, CsvOptions::default()).unwrap();
        let (header, rows) = records(&out);
        assert_eq!(header, ACLED_COLUMNS);
        assert_eq!(rows.len(), report.events.len());
        let col = |r: &::csv::StringRecord, name: &str| {
            r[ACLED_COLUMNS.iter().position(|c| *c == name).unwrap()].to_owned()
        };
        let e1 = &rows[0];
        assert_eq!(col(e1, "event_date"), "2031-05-12");
        assert_eq!(col(e1, "year"), "2031");
        assert_eq!(col(e1, "time_precision"), "1");
        assert_eq!(col(e1, "event_type"), "Battles");
        assert_eq!(col(e1, "sub_event_type"), "Armed clash");
        assert_eq!(col(e1, "interaction"), "12");
        assert_eq!(col(e1, "latitude"), "47.4200");
        assert_eq!(col(e1, "geo_precision"), "1");
        assert_eq!(col(e1, "fatalities"), "12", "the conservative figure");
        for blank in [
            "iso",
            "region",
            "admin3",
            "source_scale",
            "tags",
            "timestamp",
        ] {
            assert_eq!(col(e1, blank), "", "{blank}");
        }
        // An event with no type, place or toll: blanks, not zeros.
        let e2 = &rows[1];
        assert_eq!(col(e2, "time_precision"), "3");
        for blank in [
            "event_type",
            "latitude",
            "geo_precision",
            "fatalities",
            "actor1",
        ] {
            assert_eq!(col(e2, blank), "", "{blank}");
        }
    }

    #[test]
    fn ucdp_rows_carry_best_low_high_and_precision_codes() {
        let report = fixture::report();
        let mut out = Vec::new();
        ucdp_csv(&mut out, &report, CsvOptions::default()).unwrap();
        let (header, rows) = records(&out);
        assert_eq!(header, UCDP_COLUMNS);
        let col = |r: &::csv::StringRecord, name: &str| {
            r[UCDP_COLUMNS.iter().position(|c| *c == name).unwrap()].to_owned()
        };
        let e1 = &rows[0];
        assert_eq!(
            (col(e1, "best"), col(e1, "low"), col(e1, "high")),
            ("14".into(), "12".into(), "15".into())
        );
        assert_eq!(col(e1, "type_of_violence"), "1", "a state on one side");
        assert_eq!(col(e1, "where_prec"), "1");
        assert_eq!(col(e1, "date_prec"), "1");
        assert_eq!(col(e1, "date_start"), "2031-05-12");
        assert_eq!(col(e1, "geom_wkt"), "POINT (8.5500 47.4200)");
        assert_eq!(col(e1, "side_b"), "Police");
        let e2 = &rows[1];
        assert_eq!(col(e2, "date_prec"), "4");
        assert_eq!(col(e2, "date_start"), "", "no exact day");
        assert_eq!(col(e2, "type_of_violence"), "");
    }

    #[test]
    fn geojson_is_a_feature_collection_with_a_point_per_located_event() {
        let report = fixture::report();
        let mut out = Vec::new();
        geojson(&mut out, &report).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let f = v["features"].as_array().unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0]["geometry"]["type"], "Point");
        assert_eq!(f[0]["geometry"]["coordinates"][0], 8.55, "longitude first");
        assert_eq!(f[0]["properties"]["id"], "E1");
        assert_eq!(f[0]["properties"]["sub_event_type"], "Armed clash");
        assert!(f[1]["geometry"].is_null());
    }
}
