//! Offline geocoding for sitrep.
//!
//! - [`Gazetteer`]: GeoNames countries, provinces, districts and the towns
//!   of cities1000 (CC BY 4.0, built by `scripts/setup.sh` from registry
//!   packages; see `models/geonames/DATA_CARD.md`), plus well-known natural
//!   features.
//! - [`resolve_places`]: which place each place name of a document is, read
//!   in context (the unit written beside it, the dateline, the article's
//!   other places, population as the prior).
//! - [`event_location`]: an event's [`Location`] with ACLED's geo-precision,
//!   from the resolved places of its documents.
//! - [`outlet_home`]: the place a news outlet's web address names, a weak
//!   hint for its articles' places ([`resolve_places_from`]).
//! - [`Outlines`]: Natural Earth's country outlines (public domain), for
//!   drawing events on a map.
//!
//! ```no_run
//! use sitrep_geo::{resolve_places, Gazetteer};
//! use sitrep_text::{EntityMention, Span};
//!
//! let gaz = Gazetteer::load_default()?;
//! let text = "A teen was shot by Ardmore, Okla. police.";
//! let loc = |s: &str| {
//!     let start = text.find(s).unwrap();
//!     EntityMention { span: Span::new(start, start + s.len()), label: "LOC".into(), score: 1.0 }
//! };
//! let places = resolve_places(&gaz, text, &[loc("Ardmore"), loc("Okla.")]);
//! let ardmore = places[0].as_ref().unwrap();
//! assert_eq!(ardmore.admin1.as_deref(), Some("Oklahoma"));
//! # Ok::<(), sitrep_geo::Error>(())
//! ```
#![deny(missing_docs)]

mod assets;
mod error;
mod gazetteer;
mod location;
mod normalize;
mod outlet;
mod outlines;
mod resolve;
mod tables;

pub use error::{Error, ErrorKind, Result};
pub use gazetteer::{Feature, Gazetteer, GAZETTEER_ENV};
pub use location::{event_location, DocPlaces, Location};
pub use normalize::fold;
pub use outlet::outlet_home;
pub use outlines::{Country, Outlines, OUTLINES_ENV};
pub use resolve::{distance_km, resolve_places, resolve_places_from, Geo};
