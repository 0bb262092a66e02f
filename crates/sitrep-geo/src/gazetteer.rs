//! The gazetteer: GeoNames places read from the tables `scripts/setup.sh`
//! builds, indexed by folded name.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, Result};
use crate::normalize::{fold, strip_article};
use crate::tables::{country_forms, NATURAL_FEATURES};

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    /// A continent.
    Continent,
    /// A region across borders (a sea, a desert, "Middle East").
    Region,
    /// A country.
    Country,
    /// A first-level administrative unit: province, governorate, state.
    Admin1,
    /// A second-level administrative unit: county, district.
    Admin2,
    /// A populated place (GeoNames cities with 1,000 people or more).
    City,
    /// A natural feature inside one country (a mountain range, a desert).
    Natural,
}

impl Feature {
    /// The name written in [`Geo::feature`](crate::Geo::feature).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Continent => "continent",
            Feature::Region => "region",
            Feature::Country => "country",
            Feature::Admin1 => "admin1",
            Feature::Admin2 => "admin2",
            Feature::City => "city",
            Feature::Natural => "natural",
        }
    }
}

/// No index.
pub(crate) const NONE: u32 = u32::MAX;

/// One place.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub name: Box<str>,
    pub lat: f32,
    pub lon: f32,
    pub feature: Feature,
    /// ISO 3166-1 alpha-2 (`[0, 0]` for none).
    pub cc: [u8; 2],
    /// Its admin1 unit (an index into `places`), or [`NONE`].
    pub admin1: u32,
    /// Its admin2 unit's name (empty when unknown).
    pub admin2: Box<str>,
    pub population: u64,
    /// GeoNames id (0 when it has none).
    pub geonames_id: u32,
}

/// A name's entry in the index: the place and whether the name is its
/// main name (not an alternate spelling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub place: u32,
    pub main: bool,
}

/// GeoNames places indexed by folded name: countries (with ISO 3166 codes),
/// first- and second-level administrative units, the populated places of
/// GeoNames' cities1000, continents, and a small table of well-known natural
/// features and regions.
///
/// Load it once ([`Gazetteer::load`] or [`Gazetteer::load_default`]) and
/// share it; lookups do not allocate much and never fail.
pub struct Gazetteer {
    pub(crate) places: Vec<Place>,
    index: HashMap<Box<str>, Vec<Hit>>,
    admin2_core: HashMap<Box<str>, Vec<u32>>,
    countries: HashMap<[u8; 2], u32>,
    admin1_codes: HashMap<([u8; 2], Box<str>), u32>,
    iso3: HashMap<[u8; 2], Box<str>>,
    demonyms: HashSet<Box<str>>,
    /// Towns, provinces and countries by name without spaces (for outlets'
    /// web addresses).
    /// Names without spaces → places, built on first use by the outlet
    /// reader (which knows which places an outlet is named after).
    compact: std::sync::OnceLock<HashMap<Box<str>, Vec<u32>>>,
    dir: PathBuf,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("dir", &self.dir)
            .field("places", &self.places.len())
            .field("names", &self.index.len())
            .finish_non_exhaustive()
    }
}

/// The env var that names the gazetteer folder.
pub const GAZETTEER_ENV: &str = "SITREP_GAZETTEER";

fn cc_of(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]
    } else {
        [0, 0]
    }
}

/// A table read line by line: header skipped, fields split by tabs.
pub(crate) fn read_table(
    dir: &Path,
    name: &str,
    columns: usize,
    mut row: impl FnMut(&[&str]) -> std::result::Result<(), String>,
) -> Result<()> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|source| ErrorKind::Read {
        path: path.clone(),
        source,
    })?;
    let mut fields: Vec<&str> = Vec::with_capacity(columns);
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.is_empty() {
            continue;
        }
        fields.clear();
        fields.extend(line.split('\t'));
        if fields.len() < columns {
            fields.resize(columns, "");
        }
        row(&fields).map_err(|reason| ErrorKind::Malformed {
            path: path.clone(),
            line: n + 1,
            reason,
        })?;
    }
    Ok(())
}

pub(crate) fn num<T: std::str::FromStr>(s: &str, what: &str) -> std::result::Result<T, String> {
    s.trim().parse().map_err(|_| format!("bad {what}: {s:?}"))
}

fn alternates(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

impl Gazetteer {
    /// Loads the tables in `dir` (as `scripts/setup.sh` builds them:
    /// `countries.tsv`, `admin1.tsv`, `admin2.tsv`, `cities.tsv`,
    /// `continents.tsv`).
    ///
    /// # Errors
    ///
    /// When a table is missing, unreadable or has a malformed row.
    pub fn load(dir: impl AsRef<Path>) -> Result<Gazetteer> {
        let dir = dir.as_ref();
        let mut g = Gazetteer {
            places: Vec::with_capacity(190_000),
            index: HashMap::with_capacity(600_000),
            admin2_core: HashMap::new(),
            countries: HashMap::new(),
            admin1_codes: HashMap::new(),
            iso3: HashMap::new(),
            demonyms: HashSet::new(),
            compact: std::sync::OnceLock::new(),
            dir: dir.to_owned(),
        };
        let mut names: Vec<(u32, Box<str>, bool)> = Vec::new();
        read_table(dir, "continents.tsv", 6, |f| {
            let id = g.places.len() as u32;
            g.places.push(Place {
                name: f[2].into(),
                lat: num(f[3], "latitude")?,
                lon: num(f[4], "longitude")?,
                feature: Feature::Continent,
                cc: [0, 0],
                admin1: NONE,
                admin2: "".into(),
                population: 0,
                geonames_id: num(f[1], "geonameid")?,
            });
            names.push((id, f[2].into(), true));
            names.extend(alternates(f[5]).map(|a| (id, a.into(), false)));
            Ok(())
        })?;
        read_table(dir, "countries.tsv", 9, |f| {
            let id = g.places.len() as u32;
            let cc = cc_of(f[0]);
            g.places.push(Place {
                name: f[3].into(),
                lat: num(f[4], "latitude")?,
                lon: num(f[5], "longitude")?,
                feature: Feature::Country,
                cc,
                admin1: NONE,
                admin2: "".into(),
                population: num(f[6], "population")?,
                geonames_id: num(f[2], "geonameid")?,
            });
            g.countries.insert(cc, id);
            g.iso3.insert(cc, f[1].into());
            names.push((id, f[3].into(), true));
            names.extend(alternates(f[7]).map(|a| (id, a.into(), false)));
            for d in alternates(f[8]) {
                let k = fold(d);
                g.demonyms.insert(format!("{k}s").into());
                g.demonyms.insert(k.into());
            }
            Ok(())
        })?;
        for (alias, cc) in country_forms() {
            if let Some(&id) = g.countries.get(&cc_of(cc)) {
                names.push((id, alias.into(), false));
            }
        }
        let mut admin1_of: HashMap<([u8; 2], Box<str>), u32> = HashMap::new();
        read_table(dir, "admin1.tsv", 7, |f| {
            let id = g.places.len() as u32;
            let cc = cc_of(f[0]);
            g.places.push(Place {
                name: f[2].into(),
                lat: num(f[3], "latitude")?,
                lon: num(f[4], "longitude")?,
                feature: Feature::Admin1,
                cc,
                admin1: id,
                admin2: "".into(),
                population: num(f[5], "population")?,
                geonames_id: 0,
            });
            admin1_of.insert((cc, f[1].into()), id);
            names.push((id, f[2].into(), true));
            names.extend(alternates(f[6]).map(|a| (id, a.into(), false)));
            Ok(())
        })?;
        let admin1 = |cc: [u8; 2], code: &str| -> u32 {
            admin1_of
                .get(&(cc, Box::from(code)))
                .copied()
                .unwrap_or(NONE)
        };
        read_table(dir, "admin2.tsv", 6, |f| {
            let id = g.places.len() as u32;
            let cc = cc_of(f[0]);
            g.places.push(Place {
                name: f[2].into(),
                lat: num(f[3], "latitude")?,
                lon: num(f[4], "longitude")?,
                feature: Feature::Admin2,
                cc,
                admin1: admin1(cc, f[1]),
                admin2: f[2].into(),
                population: num(f[5], "population")?,
                geonames_id: 0,
            });
            names.push((id, f[2].into(), true));
            let core: Vec<&str> = f[2]
                .split_whitespace()
                .filter(|w| {
                    !matches!(
                        fold(w).as_str(),
                        "county" | "parish" | "district" | "municipality" | "borough"
                    )
                })
                .collect();
            let core = fold(&core.join(" "));
            if !core.is_empty() {
                g.admin2_core.entry(core.into()).or_default().push(id);
            }
            Ok(())
        })?;
        read_table(dir, "cities.tsv", 9, |f| {
            let id = g.places.len() as u32;
            let cc = cc_of(f[4]);
            g.places.push(Place {
                name: f[1].into(),
                lat: num(f[2], "latitude")?,
                lon: num(f[3], "longitude")?,
                feature: Feature::City,
                cc,
                admin1: admin1(cc, f[5]),
                admin2: f[6].into(),
                population: num(f[7], "population")?,
                geonames_id: num(f[0], "geonameid")?,
            });
            names.push((id, f[1].into(), true));
            names.extend(alternates(f[8]).map(|a| (id, a.into(), false)));
            Ok(())
        })?;
        for nf in NATURAL_FEATURES {
            let id = g.places.len() as u32;
            let cc = cc_of(nf.country);
            let (feature, admin1) = if nf.country.is_empty() {
                (Feature::Region, NONE)
            } else {
                (Feature::Natural, g.nearest_admin1(cc, nf.lat, nf.lon))
            };
            g.places.push(Place {
                name: nf.name.into(),
                lat: nf.lat,
                lon: nf.lon,
                feature,
                cc,
                admin1,
                admin2: "".into(),
                population: 0,
                geonames_id: 0,
            });
            names.push((id, nf.name.into(), true));
            names.extend(nf.alternates.iter().map(|a| (id, (*a).into(), false)));
        }
        for (id, name, main) in names {
            g.add_name(id, &name, main);
        }
        g.admin1_codes = admin1_of;
        g.index.shrink_to_fit();
        Ok(g)
    }

    /// Loads the gazetteer at [`Gazetteer::default_dir`].
    ///
    /// # Errors
    ///
    /// When none is found or it cannot be read.
    pub fn load_default() -> Result<Gazetteer> {
        Gazetteer::load(Gazetteer::default_dir()?)
    }

    /// Where the gazetteer is: `$SITREP_GAZETTEER` when set; else the newest
    /// complete `models/geonames-*` folder in the runtime cache
    /// (`$SITREP_CACHE`, by default `~/.cache/sitrep`); else `.models/geonames`
    /// in the source tree this was built from (the link `scripts/setup.sh`
    /// makes).
    ///
    /// # Errors
    ///
    /// When none of these holds a gazetteer.
    pub fn default_dir() -> Result<PathBuf> {
        crate::assets::asset_dir(&crate::assets::Asset {
            what: "gazetteer",
            env: GAZETTEER_ENV,
            prefix: "geonames-",
            fallback: concat!(env!("CARGO_MANIFEST_DIR"), "/../../.models/geonames"),
            marker: "cities.tsv",
        })
    }

    fn add_name(&mut self, id: u32, name: &str, main: bool) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        let mut keys = vec![key.clone()];
        if let Some(rest) = strip_article(&key) {
            keys.push(rest.to_string());
        }
        if let Some(rest) = key.strip_prefix("saint ") {
            keys.push(format!("st {rest}"));
        } else if let Some(rest) = key.strip_prefix("st ") {
            keys.push(format!("saint {rest}"));
        }
        for k in keys {
            let v = self.index.entry(k.into_boxed_str()).or_default();
            match v.iter_mut().find(|h| h.place == id) {
                Some(h) => h.main |= main,
                None => v.push(Hit { place: id, main }),
            }
        }
    }

    /// The admin1 unit of the town nearest a point in a country.
    fn nearest_admin1(&self, cc: [u8; 2], lat: f32, lon: f32) -> u32 {
        self.places
            .iter()
            .filter(|p| p.feature == Feature::City && p.cc == cc && p.admin1 != NONE)
            .min_by(|a, b| {
                let da = (a.lat - lat).powi(2) + (a.lon - lon).powi(2);
                let db = (b.lat - lat).powi(2) + (b.lon - lon).powi(2);
                da.total_cmp(&db)
            })
            .map_or(NONE, |p| p.admin1)
    }

    /// The folder it was loaded from.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Number of places.
    #[must_use]
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it holds no place.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Number of distinct names (folded) it knows.
    #[must_use]
    pub fn names(&self) -> usize {
        self.index.len()
    }

    /// Places called `key` (a [`fold`]ed name).
    pub(crate) fn hits(&self, key: &str) -> &[Hit] {
        self.index.get(key).map_or(&[], Vec::as_slice)
    }

    /// Admin2 units whose name without "County" etc. is `key` (folded).
    pub(crate) fn admin2_by_core(&self, key: &str) -> &[u32] {
        self.admin2_core.get(key).map_or(&[], Vec::as_slice)
    }

    /// The admin1 entry of a country code and a GeoNames admin1 code.
    pub(crate) fn admin1_code(&self, cc: [u8; 2], code: &str) -> Option<u32> {
        self.admin1_codes.get(&(cc, Box::from(code))).copied()
    }

    /// The places whose name without spaces is `key`, in the index `build`
    /// makes from every place the first time it is asked for.
    pub(crate) fn compact(
        &self,
        key: &str,
        build: impl FnOnce(&[Place]) -> HashMap<Box<str>, Vec<u32>>,
    ) -> Option<&[u32]> {
        self.compact
            .get_or_init(|| build(&self.places))
            .get(key)
            .map(Vec::as_slice)
    }

    /// The country entry of a country code.
    pub(crate) fn country(&self, cc: [u8; 2]) -> Option<u32> {
        self.countries.get(&cc).copied()
    }

    /// Whether a name (as written) is a demonym ("Iraqi", "Iraqis").
    #[must_use]
    pub fn is_demonym(&self, name: &str) -> bool {
        self.demonyms.contains(fold(name).as_str())
    }

    /// Every place a name (as written) may be, without context, most
    /// populous first.
    #[must_use]
    pub fn find(&self, name: &str) -> Vec<crate::Geo> {
        let mut hits: Vec<Hit> = self.hits(&fold(name)).to_vec();
        hits.sort_by(|a, b| {
            let (pa, pb) = (
                &self.places[a.place as usize],
                &self.places[b.place as usize],
            );
            pa.feature
                .cmp(&pb.feature)
                .then(pb.population.cmp(&pa.population))
        });
        hits.iter().map(|h| self.geo(h.place, true)).collect()
    }

    /// The country name and ISO 3166-1 alpha-3 code of an alpha-2 code.
    #[must_use]
    pub fn country_of_code(&self, code: &str) -> Option<(&str, &str)> {
        let cc = cc_of(code);
        let id = self.country(cc)?;
        let iso3 = self.iso3.get(&cc).map_or("", |s| &**s);
        Some((&*self.places[id as usize].name, iso3))
    }

    /// Whether two names (as written) can name the same first-level unit of
    /// a country ("Al Anbar" and "Anbar"; "Salah ad Din" and "Saladin" only
    /// when the tables list both).
    #[must_use]
    pub fn same_admin1(&self, country_code: &str, a: &str, b: &str) -> bool {
        let cc = cc_of(country_code);
        let units = |n: &str| -> Vec<u32> {
            let k = fold(n);
            let mut v: Vec<u32> = self
                .hits(&k)
                .iter()
                .chain(strip_article(&k).map_or(&[][..], |r| self.hits(r)))
                .map(|h| h.place)
                .filter(|&p| {
                    let p = &self.places[p as usize];
                    p.feature == Feature::Admin1 && p.cc == cc
                })
                .collect();
            v.sort_unstable();
            v
        };
        let ua = units(a);
        units(b).iter().any(|u| ua.binary_search(u).is_ok())
    }

    /// The [`Geo`](crate::Geo) of a place.
    pub(crate) fn geo(&self, id: u32, exact: bool) -> crate::Geo {
        let p = &self.places[id as usize];
        let admin1 = (p.admin1 != NONE)
            .then(|| self.places[p.admin1 as usize].name.to_string())
            .filter(|_| p.feature != Feature::Country);
        crate::Geo {
            name: p.name.to_string(),
            geonames_id: (p.geonames_id != 0).then_some(u64::from(p.geonames_id)),
            latitude: f64::from(p.lat),
            longitude: f64::from(p.lon),
            feature: p.feature.as_str().to_string(),
            country_code: if p.cc == [0, 0] {
                String::new()
            } else {
                String::from_utf8_lossy(&p.cc).into_owned()
            },
            admin1,
            admin2: (!p.admin2.is_empty()).then(|| p.admin2.to_string()),
            exact,
        }
    }
}
