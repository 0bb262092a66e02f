//! Grouping documents that report the same incident: [`cluster`] runs the
//! steps below, each in a module of its own.
//!
//! 1. **Features** per document ([`DocFeatures`], made by `features`): a TF-IDF vector of the
//!    lead's content words (position-weighted, so that background
//!    paragraphs shared between look-alike stories weigh little; sentences
//!    found in three or more documents are boilerplate and left out), an
//!    IDF vector of canonical entities, the incident's places (with how rare
//!    each is in the collection), date and toll, the ages of people it
//!    states, and an optional sentence embedding of the lead.
//! 2. **Blocking** (`blocking`): each document emits keys (its most salient terms and
//!    its place entities, combined with its publication week when known;
//!    its top three terms and its places also with a 30-day window, and its
//!    full person names on their own, so follow-ups weeks later still
//!    meet) and only documents sharing a key are compared, each document
//!    against at most [`ClusterOptions::max_candidates`] others. Keys
//!    shared by more than [`ClusterOptions::max_posting`] documents are too
//!    common to say anything and are dropped. The cost is near linear in
//!    the number of documents.
//! 3. **Scoring** (`scoring`): gradient-boosted trees over pair features
//!    ([`PairFeatures`](crate::PairFeatures), defined in `pair`;
//!    [`PairModel`](crate::PairModel)) give the probability that two
//!    documents report one incident.
//! 4. **Linkage** (`linkage`): average-linkage agglomerative clustering over the sparse
//!    graph of scored pairs (a missing pair counts as 0), merging while the
//!    best average is above [`ClusterOptions::threshold`]. Average linkage
//!    does not chain two incidents through one ambiguous report.
//!
//! Every step is deterministic: ties break on document order, and the
//! result does not depend on the number of threads.

use crate::blocking::candidates;
use crate::document::DocFeatures;
use crate::linkage::average_linkage;
use crate::options::ClusterOptions;
use crate::scoring::score_pairs;

/// Clusters documents by their features.
#[must_use]
pub fn cluster(features: &[DocFeatures], opts: &ClusterOptions) -> Vec<Vec<u32>> {
    let pairs = candidates(features, opts);
    let scored = score_pairs(features, &pairs, &opts.model);
    average_linkage(features.len(), &scored, opts.threshold)
}
