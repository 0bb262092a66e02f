//! Event clustering for sitrep.
#![deny(missing_docs)]
