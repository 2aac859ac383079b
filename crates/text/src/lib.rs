//! Name text handling (to be written).
