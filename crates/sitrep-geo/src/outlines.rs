//! Country outlines for drawing maps: Natural Earth's 1:110m admin-0
//! countries (public domain), as `scripts/setup.sh` cuts them from the PyPI
//! package geopandas 0.14 (see `models/naturalearth/DATA_CARD.md`).

use std::path::{Path, PathBuf};

use crate::assets::{asset_dir, Asset};
use crate::error::Result;
use crate::gazetteer::{num, read_table};

/// The env var that names the outlines folder.
pub const OUTLINES_ENV: &str = "SITREP_OUTLINES";

/// One country's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (`-99` where Natural Earth has none).
    pub iso3: String,
    /// Natural Earth's name of the country.
    pub name: String,
    /// Bounding box: west, south, east, north (degrees).
    pub bbox: [f64; 4],
    /// Its polygon rings (outer rings and holes alike, as the even-odd
    /// rule draws them), each a list of `(longitude, latitude)`.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// Every country's outline.
#[derive(Debug, Clone)]
pub struct Outlines {
    countries: Vec<Country>,
    dir: PathBuf,
}

impl Outlines {
    /// Loads `countries.tsv` from `dir`.
    ///
    /// # Errors
    ///
    /// When the table is missing, unreadable or has a malformed row.
    pub fn load(dir: impl AsRef<Path>) -> Result<Outlines> {
        let dir = dir.as_ref();
        let mut countries = Vec::with_capacity(180);
        read_table(dir, "countries.tsv", 7, |f| {
            let bbox = [
                num(f[2], "min_lon")?,
                num(f[3], "min_lat")?,
                num(f[4], "max_lon")?,
                num(f[5], "max_lat")?,
            ];
            let mut rings = Vec::new();
            for ring in f[6].split(';').filter(|r| !r.is_empty()) {
                let points = ring
                    .split(' ')
                    .map(|p| {
                        let (lon, lat) = p.split_once(',').ok_or(format!("bad point {p:?}"))?;
                        Ok((num(lon, "longitude")?, num(lat, "latitude")?))
                    })
                    .collect::<std::result::Result<Vec<(f64, f64)>, String>>()?;
                rings.push(points);
            }
            countries.push(Country {
                iso3: f[0].to_owned(),
                name: f[1].to_owned(),
                bbox,
                rings,
            });
            Ok(())
        })?;
        Ok(Outlines {
            countries,
            dir: dir.to_owned(),
        })
    }

    /// Loads the outlines from [`Outlines::default_dir`].
    ///
    /// # Errors
    ///
    /// When none is found or it cannot be read.
    pub fn load_default() -> Result<Outlines> {
        Outlines::load(Outlines::default_dir()?)
    }

    /// Where the outlines are: `$SITREP_OUTLINES` when set; else the newest
    /// complete `models/naturalearth-*` folder in the runtime cache
    /// (`$SITREP_CACHE`, by default `~/.cache/sitrep`); else
    /// `.models/naturalearth` in the source tree this was built from.
    ///
    /// # Errors
    ///
    /// When none of these holds the outlines.
    pub fn default_dir() -> Result<PathBuf> {
        asset_dir(&Asset {
            what: "country outlines",
            env: OUTLINES_ENV,
            prefix: "naturalearth-",
            fallback: concat!(env!("CARGO_MANIFEST_DIR"), "/../../.models/naturalearth"),
            marker: "countries.tsv",
        })
    }

    /// The folder they were loaded from.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every country.
    #[must_use]
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The countries whose bounding box meets the box `[west, south, east,
    /// north]`.
    pub fn within(&self, bbox: [f64; 4]) -> impl Iterator<Item = &Country> {
        self.countries.iter().filter(move |c| {
            c.bbox[0] <= bbox[2]
                && bbox[0] <= c.bbox[2]
                && c.bbox[1] <= bbox[3]
                && bbox[1] <= c.bbox[3]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, body: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(
            dir.join("countries.tsv"),
            format!("iso3\tname\tmin_lon\tmin_lat\tmax_lon\tmax_lat\trings\n{body}"),
        )
        .unwrap();
    }

    #[test]
    fn loads_rings_and_filters_by_box() {
        let dir = std::env::temp_dir().join(format!("sitrep-outlines-{}", std::process::id()));
        write(
            &dir,
            "AAA\tSquare\t0.00\t0.00\t1.00\t1.00\t0.00,0.00 1.00,0.00 1.00,1.00;0.20,0.20 0.30,0.20 0.30,0.30\n\
             BBB\tFar\t50.00\t50.00\t51.00\t51.00\t50.00,50.00 51.00,50.00 51.00,51.00\n",
        );
        let o = Outlines::load(&dir).unwrap();
        assert_eq!(o.countries().len(), 2);
        let a = &o.countries()[0];
        assert_eq!((a.iso3.as_str(), a.name.as_str()), ("AAA", "Square"));
        assert_eq!(a.rings.len(), 2);
        assert_eq!(a.rings[0][1], (1.0, 0.0));
        let near: Vec<&str> = o
            .within([0.5, 0.5, 10.0, 10.0])
            .map(|c| c.iso3.as_str())
            .collect();
        assert_eq!(near, ["AAA"]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_bad_point_names_its_line() {
        let dir = std::env::temp_dir().join(format!("sitrep-outlines-bad-{}", std::process::id()));
        write(&dir, "AAA\tSquare\t0\t0\t1\t1\t0.00,0.00 nonsense\n");
        let e = Outlines::load(&dir).unwrap_err().to_string();
        assert!(
            e.contains("countries.tsv:2") && e.contains("nonsense"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
