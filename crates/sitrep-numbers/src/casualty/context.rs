//! What the phrase finders share: the document, its numbers and NER
//! entities ([`Ctx`]), and the victims they return ([`Victim`]).

use sitrep_text::EntityMention;

use super::types::Count;
use crate::numbers::{Num, NumberKind};
use crate::token::Doc;

pub(super) struct Ctx<'d, 'a> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) nums: Vec<Num>,
    /// For each token, the index into `nums` of the number covering it.
    pub(super) num_at: Vec<u32>,
    pub(super) entities: &'d [EntityMention],
}

pub(super) const NO_NUM: u32 = u32::MAX;

impl Ctx<'_, '_> {
    pub(super) fn num(&self, i: usize) -> Option<&Num> {
        match self.num_at.get(i) {
            Some(&k) if k != NO_NUM => self.nums.get(k as usize),
            _ => None,
        }
    }

    /// A head-count number covering token `i`.
    pub(super) fn count_num(&self, i: usize) -> Option<&Num> {
        self.num(i).filter(|n| n.kind == NumberKind::Count)
    }

    pub(super) fn is_person_entity_end(&self, i: usize) -> bool {
        let Some(t) = self.doc.toks.get(i) else {
            return false;
        };
        self.entities
            .iter()
            .any(|e| e.label == "PER" && e.span.end == t.end)
    }

    pub(super) fn is_person_entity_start(&self, i: usize) -> bool {
        let Some(t) = self.doc.toks.get(i) else {
            return false;
        };
        self.entities
            .iter()
            .any(|e| e.label == "PER" && e.span.start == t.start)
    }
}

/// Victims found next to a trigger.
#[derive(Debug, Clone)]
pub(super) struct Victim {
    /// First and one-past-last token of the noun phrase.
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) count: Count,
    pub(super) additive: bool,
    pub(super) partial: bool,
}
