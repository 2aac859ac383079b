//! The snapshot store (to be written).
