//! The pair features: what the pair model reads about two documents.

use serde::{Deserialize, Serialize};

/// The features of one candidate pair, as the pair model reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PairFeatures {
    /// Cosine of lead-term vectors.
    pub terms: f32,
    /// Cosine of entity vectors.
    pub entities: f32,
    /// Shared full person names (0, 1, 2+ capped at 2).
    pub people: f32,
    /// Places: +1 share a specific place, -1 both have some but none shared, 0 otherwise.
    pub places: f32,
    /// Embedding cosine, 0 when either is missing.
    pub embedding: f32,
    /// Whether both have an embedding.
    pub has_embedding: f32,
    /// log(1 + days) between publication dates, 0 when unknown.
    pub log_days: f32,
    /// Whether both publication dates are known.
    pub has_days: f32,
    /// Incident dates: +1 agree, -1 disagree, 0 unknown.
    pub dates: f32,
    /// Killed figures: +1 overlap, -1 disjoint, 0 unknown.
    pub killed: f32,
    /// Injured figures: +1 overlap, -1 disjoint, 0 unknown.
    pub injured: f32,
    /// Years named: +1 share one, -1 both name years but none shared, 0 otherwise.
    pub years: f32,
    /// The rarity (see [`DocFeatures::place_rarity`]) of the rarest shared
    /// place, 0 when none is shared.
    pub rare_place: f32,
    /// Ages stated: +1 share one, -1 both state ages but none shared, 0 otherwise.
    pub ages: f32,
    /// The rarity (see [`DocFeatures::term_rarity`]) of the rarest lead
    /// term both share, 0 when none is shared.
    pub rare_term: f32,
    /// Share of the twelve most salient lead terms of each that the other
    /// also has among its twelve.
    pub top_terms: f32,
    /// Cosine of the headlines' term vectors.
    pub title: f32,
    /// +1 when one's incident day is a day the other names, 0 otherwise.
    pub named_day: f32,
    /// log(1 + the smaller of the two [`DocFeatures::content_terms`]).
    pub content: f32,
    /// log(1 + the smaller killed figure) when the killed figures agree, 0 otherwise.
    pub killed_size: f32,
    /// log(1 + the smaller injured figure) when the injured figures agree, 0 otherwise.
    pub injured_size: f32,
    /// log(1 + days between the incident dates) when both are known to the
    /// day, −1 otherwise.
    pub date_gap: f32,
    /// The rarity of the rarest canonical entity both name, 0 when none.
    pub rare_entity: f32,
    /// Canonical entities both name.
    pub shared_entities: f32,
}

/// Number of pair features.
pub const PAIR_FEATURES: usize = 24;

impl PairFeatures {
    /// The features as a vector, in [`PairFeatures::NAMES`] order.
    #[must_use]
    pub fn to_vec(&self) -> [f32; PAIR_FEATURES] {
        [
            self.terms,
            self.entities,
            self.people,
            self.places,
            self.embedding,
            self.has_embedding,
            self.log_days,
            self.has_days,
            self.dates,
            self.killed,
            self.injured,
            self.years,
            self.rare_place,
            self.ages,
            self.rare_term,
            self.top_terms,
            self.title,
            self.named_day,
            self.content,
            self.killed_size,
            self.injured_size,
            self.date_gap,
            self.rare_entity,
            self.shared_entities,
        ]
    }

    /// Feature names, for dumps.
    pub const NAMES: [&'static str; PAIR_FEATURES] = [
        "terms",
        "entities",
        "people",
        "places",
        "embedding",
        "has_embedding",
        "log_days",
        "has_days",
        "dates",
        "killed",
        "injured",
        "years",
        "rare_place",
        "ages",
        "rare_term",
        "top_terms",
        "title",
        "named_day",
        "content",
        "killed_size",
        "injured_size",
        "date_gap",
        "rare_entity",
        "shared_entities",
    ];
}
