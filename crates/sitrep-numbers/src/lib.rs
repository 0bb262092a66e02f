//! Numbers and casualty facts for sitrep: every numeric expression of a news
//! text, the casualty facts its sentences state, and the article's own toll.
//!
//! Rule-based and pure Rust; spans are byte spans into the text given.
//!
//! - [`find_numbers`]: numeric expressions with value, bounds, [`Qualifier`]
//!   and [`NumberKind`] ("at least seven", "1,500 to 3,000", "dozens",
//!   "18-year-old" as an age, "Oct. 22" as a date).
//! - [`extract_casualties`]: per-sentence [`Casualty`] facts: [`Outcome`],
//!   [`Count`], victims and their [`Group`], who claims it, and its [`Scope`]
//!   (this incident, another one, background).
//! - [`document_toll`]: the article's [`Toll`] of its own incident, killed and
//!   injured as [`Figure`]s reconciled from every [`Claim`]
//!   ([`Figure::from_claims`] serves cross-document reconciliation too).
//! - [`eval`]: scores on GVDB (per-article counts) and NewsQuant (values).
//!
//! ```
//! use sitrep_numbers::{document_toll, extract_casualties, find_numbers, NumberKind, Outcome, Scope};
//!
//! let text = "A raid killed at least seven ISIS operatives, according to CENTCOM. \
//!             Iraq's Joint Operations Command said nine militants were killed. \
//!             Two U.S. service members were injured. \
//!             About 2,500 U.S. troops remain in Iraq.";
//!
//! let numbers = find_numbers(text);
//! assert!(numbers.iter().any(|n| n.text == "at least seven" && n.low == Some(7.0)));
//! assert!(numbers.iter().all(|n| n.kind == NumberKind::Count));
//!
//! let facts = extract_casualties(text, &[], &[]);
//! let killed: Vec<_> = facts.iter().filter(|f| f.outcome == Outcome::Killed).collect();
//! assert_eq!(killed[0].claimed_by.as_deref(), Some("CENTCOM"));
//! assert_eq!(killed[1].claimed_by.as_deref(), Some("Iraq's Joint Operations Command"));
//! assert!(facts.iter().all(|f| f.scope == Scope::Event));
//!
//! let toll = document_toll("doc-1", &facts);
//! let k = toll.killed.unwrap();
//! assert_eq!((k.best, k.conservative, k.conflict), (Some(9), Some(7), true));
//! assert_eq!(toll.injured.unwrap().best, Some(2));
//! ```
#![deny(missing_docs)]

mod casualty;
mod error;
pub mod eval;
mod numbers;
mod persons;
mod token;
mod toll;

pub use casualty::{extract_casualties, Casualty, Count, Group, Outcome, Scope};
pub use error::{Error, Result};
pub use numbers::{find_numbers, NumberKind, NumberMention, Qualifier};
pub use toll::{document_toll, Claim, Figure, Toll};
