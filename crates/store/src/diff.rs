//! What changed between two editions of a list.

use interdict_model::{Entity, FieldChange};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An entity named in a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// Entity id.
    pub id: String,
    /// Schema name.
    pub schema: String,
    /// Caption.
    pub caption: String,
}

/// An entity present in both editions whose record differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangedEntity {
    /// Entity id.
    pub id: String,
    /// Caption in the new edition.
    pub caption: String,
    /// The fields that differ.
    pub changes: Vec<FieldChange>,
}

/// Entities added, removed and changed between two editions, in id order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotDiff {
    /// Only in the new edition.
    pub added: Vec<EntitySummary>,
    /// Only in the old edition.
    pub removed: Vec<EntitySummary>,
    /// In both, with different content.
    pub changed: Vec<ChangedEntity>,
}

fn summary(e: &Entity) -> EntitySummary {
    EntitySummary {
        id: e.id.clone(),
        schema: e.schema.as_str().to_string(),
        caption: e.caption().to_string(),
    }
}

/// Compares two editions of a list entity by entity, field by field.
pub fn diff_entities(old: &[Entity], new: &[Entity]) -> SnapshotDiff {
    let old: BTreeMap<&str, &Entity> = old.iter().map(|e| (e.id.as_str(), e)).collect();
    let new: BTreeMap<&str, &Entity> = new.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut diff = SnapshotDiff::default();
    for (id, e) in &old {
        match new.get(id) {
            None => diff.removed.push(summary(e)),
            Some(n) => {
                let changes = e.diff(n);
                if !changes.is_empty() {
                    diff.changed.push(ChangedEntity {
                        id: id.to_string(),
                        caption: n.caption().to_string(),
                        changes,
                    });
                }
            }
        }
    }
    diff.added = new
        .iter()
        .filter(|(id, _)| !old.contains_key(*id))
        .map(|(_, e)| summary(e))
        .collect();
    diff
}
