//! Event coding for sitrep: *who did what to whom*.
//!
//! - [`taxonomy`]: ACLED's disorder types, event types and 25 sub-event
//!   types with the codebook's names, and the [`Category`] of incidents
//!   outside ACLED's scope (crime, disasters, accidents, diplomacy).
//! - [`event_type`]: what kind of incident a document reports
//!   ([`EventTypeModel`]: ACLED sub-event type or a category outside ACLED).
//! - [`event`]: one event's coding from its reports ([`code_event`]:
//!   the type most reports give, ACLED's `actor1`/`actor2` sides).
//! - [`parties`]: the parties of a document's incident with their
//!   [`Role`] (perpetrator, target, victim) and ACLED [`ActorType`].
//!
//! ```
//! use sitrep_coding::{SubEventType, EventType, DisorderType};
//!
//! let t = SubEventType::from_code("AIR_STRIKE").unwrap();
//! assert_eq!(t.name(), "Air/drone strike");
//! assert_eq!(t.event_type(), EventType::ExplosionsRemoteViolence);
//! assert_eq!(t.event_type().name(), "Explosions/Remote violence");
//! assert_eq!(t.disorder_type(), DisorderType::PoliticalViolence);
//! ```
#![deny(missing_docs)]

pub mod event;
pub mod event_type;
pub mod parties;
pub mod taxonomy;

pub use event::{code_event, EventCoding, ReportParty, ReportType};
pub use event_type::{EventTypeModel, EventTypeModelError, TypeInput, TypeReading};
pub use parties::{find_parties, interaction, ActorType, Parties, Party, PartyInput, Role};
pub use taxonomy::{Category, DisorderType, EventLabel, EventType, SubEventType};
