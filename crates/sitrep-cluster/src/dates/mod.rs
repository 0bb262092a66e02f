//! When an incident happened: date expressions found in an article and
//! resolved against its publication date.
//!
//! Understood: "October 22", "Oct. 22, 2024", "22 October 2024",
//! "2024-10-22", "10/22/2024", "in August", "August 2024", weekdays
//! ("Wednesday", "last Thursday", resolved to the latest such day on or
//! before the publication date; "next Friday", or a weekday a future verb
//! governs, "will be arraigned Friday", to the next one), "today",
//! "tonight", "this morning", "yesterday", "last night", "overnight" (the
//! small hours of the publication day), "last week", "last month", "last
//! year". Without a publication date only expressions that carry their own
//! year resolve fully; a day and month without a year keeps an unknown year
//! (written `XXXX-10-22`, as ISO 8601-2/EDTF writes unspecified digits).
//! [`event_date`] picks the incident's own date among them.
//!
//! [`find_dates`] is in `find`, [`event_date`] in `choose`; both read the
//! words around an expression through `clause`, and the dates they give
//! ([`EventDate`]) are defined in `date`.

mod choose;
mod clause;
mod date;
mod find;
#[cfg(test)]
mod tests;

pub use choose::event_date;
pub use date::{Basis, EventDate, Precision};
pub use find::find_dates;
