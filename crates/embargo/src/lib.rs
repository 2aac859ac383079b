//! Arms-embargo rules and trade screening (to be written).
