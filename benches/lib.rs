//! Shared helpers for the criterion benches live in `common/`; this library is empty.
