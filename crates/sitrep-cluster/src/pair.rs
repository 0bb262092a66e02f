//! The pair features: what the pair model reads about two documents.
//!
//! One list, the `pair_features!` call below, makes the struct
//! [`PairFeatures`], its vector ([`PairFeatures::to_vec`]), the names a
//! model file must list in the same order ([`PairFeatures::NAMES`], also
//! the header of a pair dump that `scripts/fit-pair-model.py` reads) and
//! their number ([`PAIR_FEATURES`]). The shipped model reads the features by
//! position: a new one goes at the end of the list, and the model is then
//! re-fitted. How each is computed for two documents is
//! [`pair_features`](crate::pair_features()).

use serde::{Deserialize, Serialize};

/// Defines [`PairFeatures`] (one `f32` field per name, in order),
/// [`PAIR_FEATURES`], [`PairFeatures::to_vec`] and [`PairFeatures::NAMES`]
/// from one list of documented names.
macro_rules! pair_features {
    ($($(#[doc = $doc:literal])+ $name:ident,)+) => {
        /// The features of one candidate pair, as the pair model reads them.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
        pub struct PairFeatures {
            $($(#[doc = $doc])+ pub $name: f32,)+
        }

        /// Number of pair features.
        pub const PAIR_FEATURES: usize = [$(stringify!($name)),+].len();

        impl PairFeatures {
            /// The features as a vector, in [`PairFeatures::NAMES`] order.
            #[must_use]
            pub fn to_vec(&self) -> [f32; PAIR_FEATURES] {
                [$(self.$name),+]
            }

            /// Feature names, in vector order: what a model file lists
            /// (checked on load) and what a pair dump's header row names.
            pub const NAMES: [&'static str; PAIR_FEATURES] = [$(stringify!($name)),+];
        }
    };
}

// The order is the shipped model's: append, never reorder.
pair_features! {
    /// Cosine of lead-term vectors.
    terms,
    /// Cosine of entity vectors.
    entities,
    /// Shared full person names (0, 1, 2+ capped at 2).
    people,
    /// Places: +1 share a specific place, -1 both have some but none shared, 0 otherwise.
    places,
    /// Embedding cosine, 0 when either is missing.
    embedding,
    /// Whether both have an embedding.
    has_embedding,
    /// log(1 + days) between publication dates, 0 when unknown.
    log_days,
    /// Whether both publication dates are known.
    has_days,
    /// Incident dates: +1 agree, -1 disagree, 0 unknown.
    dates,
    /// Killed figures: +1 overlap, -1 disjoint, 0 unknown.
    killed,
    /// Injured figures: +1 overlap, -1 disjoint, 0 unknown.
    injured,
    /// Years named: +1 share one, -1 both name years but none shared, 0 otherwise.
    years,
    /// The rarity (see [`DocFeatures::place_rarity`](crate::DocFeatures::place_rarity)) of the rarest shared
    /// place, 0 when none is shared.
    rare_place,
    /// Ages stated: +1 share one, -1 both state ages but none shared, 0 otherwise.
    ages,
    /// The rarity (see [`DocFeatures::term_rarity`](crate::DocFeatures::term_rarity)) of the rarest lead
    /// term both share, 0 when none is shared.
    rare_term,
    /// Share of the twelve most salient lead terms of each that the other
    /// also has among its twelve.
    top_terms,
    /// Cosine of the headlines' term vectors.
    title,
    /// +1 when one's incident day is a day the other names, 0 otherwise.
    named_day,
    /// log(1 + the smaller of the two [`DocFeatures::content_terms`](crate::DocFeatures::content_terms)).
    content,
    /// log(1 + the smaller killed figure) when the killed figures agree, 0 otherwise.
    killed_size,
    /// log(1 + the smaller injured figure) when the injured figures agree, 0 otherwise.
    injured_size,
    /// log(1 + days between the incident dates) when both are known to the
    /// day, −1 otherwise.
    date_gap,
    /// The rarity of the rarest canonical entity both name, 0 when none.
    rare_entity,
    /// Canonical entities both name.
    shared_entities,
}
