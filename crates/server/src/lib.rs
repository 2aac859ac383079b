//! The screening service (work in progress).
#![deny(missing_docs)]
