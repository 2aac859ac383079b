//! The snapshot store: every imported edition of every list, in one SQLite file.
//!
//! Each import is a *snapshot* of one source (`un`, `ofac`, ...): the
//! publisher's date, the import time, a hash of the imported bytes and the
//! entities. An import is one transaction, so it lands whole or not at all.
//! Entity records are stored once per distinct content (keyed by a hash of
//! their JSON), so consecutive editions that share most entries share most
//! rows, and a diff compares hashes before it compares fields.
//!
//! For every source the *active* snapshot is the one with the newest
//! publisher date (the import time stands in when the format has no date,
//! and the later import wins a tie). Screening reads active snapshots only.
#![deny(missing_docs)]

mod diff;

pub use diff::{diff_entities, ChangedEntity, EntitySummary, SnapshotDiff};

use interdict_model::Entity;
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use thiserror::Error;

/// Why a store operation failed.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored entity could not be decoded (the file was written by an
    /// incompatible version, or damaged).
    #[error("stored entity {id} cannot be read: {source}")]
    Decode {
        /// The entity id.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// An entity could not be encoded.
    #[error("entity {id} cannot be stored: {source}")]
    Encode {
        /// The entity id.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// No snapshot has this id.
    #[error("no snapshot with id {0} (see `interdict lists`)")]
    NoSnapshot(i64),
    /// A diff between snapshots of different sources.
    #[error("snapshot {old} is of source {old_source} but {new} is of {new_source}: a diff compares two editions of one list")]
    SourceMismatch {
        /// Old snapshot id.
        old: i64,
        /// Its source.
        old_source: String,
        /// New snapshot id.
        new: i64,
        /// Its source.
        new_source: String,
    },
    /// The database was written by a newer version of Interdict.
    #[error("the database has schema version {found}, this program knows up to {known}")]
    SchemaVersion {
        /// Version in the file.
        found: i64,
        /// Version this code writes.
        known: i64,
    },
}

/// The name [`Store::put_derived`] keeps the matcher's token table under
/// (`interdict_matcher::TokenTable`: the lookups of every listed word).
pub const TOKEN_TABLE: &str = "token-table";

/// Result alias for the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    publisher_date TEXT,
    imported_at TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    files TEXT NOT NULL,
    entity_count INTEGER NOT NULL,
    counts TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_source ON snapshots(source);
CREATE TABLE IF NOT EXISTS records (
    hash BLOB PRIMARY KEY,
    data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshot_entities (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    entity_id TEXT NOT NULL,
    schema TEXT NOT NULL,
    caption TEXT NOT NULL,
    record_hash BLOB NOT NULL REFERENCES records(hash),
    PRIMARY KEY (snapshot_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS snapshot_entities_id ON snapshot_entities(entity_id);
CREATE TABLE IF NOT EXISTS derived (
    name TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    written_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS downloads (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
";

/// What the last successful download of one address returned, for
/// conditional requests (`If-None-Match`, `If-Modified-Since`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadState {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
    /// SHA-256 of the bytes.
    pub content_hash: String,
    /// When it was fetched (RFC 3339).
    pub fetched_at: String,
}

/// What is known about one snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotInfo {
    /// Snapshot id, as `interdict lists` prints it.
    pub id: i64,
    /// Source name.
    pub source: String,
    /// The format it was read from.
    pub format: String,
    /// The publisher's date for the edition.
    pub publisher_date: Option<String>,
    /// When it was imported (UTC, RFC 3339).
    pub imported_at: String,
    /// SHA-256 of the imported bytes.
    pub content_hash: String,
    /// The files it was read from.
    pub files: Vec<String>,
    /// Number of entities.
    pub entity_count: usize,
    /// Entities per schema.
    pub counts: BTreeMap<String, usize>,
    /// Whether this is the snapshot screening uses for its source.
    pub active: bool,
}

/// A snapshot to be imported.
#[derive(Debug, Clone)]
pub struct NewSnapshot<'a> {
    /// Source name.
    pub source: &'a str,
    /// Format name.
    pub format: &'a str,
    /// Publisher's date.
    pub publisher_date: Option<&'a str>,
    /// SHA-256 of the imported bytes, from [`content_hash`].
    pub content_hash: &'a str,
    /// The files it was read from.
    pub files: Vec<String>,
    /// The entities.
    pub entities: &'a [Entity],
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new snapshot was stored.
    Imported(SnapshotInfo),
    /// The same bytes were imported before, as this snapshot; nothing changed.
    Unchanged(SnapshotInfo),
}

/// The SHA-256 of the bytes of one or more files, in order, as lowercase hex.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex::encode(hasher.finalize())
}

/// The store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database file.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -65536)?;
        Self::init(conn)
    }

    /// An in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::SchemaVersion {
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    /// The snapshot imported from exactly these bytes, if any.
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<SnapshotInfo>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM snapshots WHERE content_hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.snapshot(id)).transpose()
    }

    /// Stores a snapshot in one transaction. Importing bytes that were
    /// imported before returns [`ImportOutcome::Unchanged`] and writes nothing.
    pub fn import(&mut self, snap: &NewSnapshot<'_>) -> Result<ImportOutcome> {
        if let Some(existing) = self.find_by_hash(snap.content_hash)? {
            return Ok(ImportOutcome::Unchanged(existing));
        }
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for e in snap.entities {
            *counts.entry(e.schema.as_str().to_string()).or_default() += 1;
        }
        // Encode and hash every record before the transaction, on all cores.
        let encoded: Vec<(String, [u8; 32])> = snap
            .entities
            .par_iter()
            .map(|e| {
                let data = serde_json::to_string(e).map_err(|source| StoreError::Encode {
                    id: e.id.clone(),
                    source,
                })?;
                let hash: [u8; 32] = Sha256::digest(data.as_bytes()).into();
                Ok((data, hash))
            })
            .collect::<Result<_>>()?;
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO snapshots (source, format, publisher_date, imported_at, content_hash, files, entity_count, counts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                snap.source,
                snap.format,
                snap.publisher_date,
                now,
                snap.content_hash,
                json(&snap.files),
                snap.entities.len() as i64,
                json(&counts),
            ],
        )?;
        let snapshot_id = tx.last_insert_rowid();
        {
            let mut put_record =
                tx.prepare("INSERT OR IGNORE INTO records (hash, data) VALUES (?1, ?2)")?;
            let mut put_entity = tx.prepare(
                "INSERT INTO snapshot_entities (snapshot_id, entity_id, schema, caption, record_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (e, (data, hash)) in snap.entities.iter().zip(&encoded) {
                put_record.execute(params![&hash[..], data])?;
                put_entity.execute(params![
                    snapshot_id,
                    e.id,
                    e.schema.as_str(),
                    e.caption(),
                    &hash[..]
                ])?;
            }
        }
        tx.commit()?;
        Ok(ImportOutcome::Imported(self.snapshot(snapshot_id)?))
    }

    /// Every snapshot, oldest first, with the active ones marked.
    pub fn snapshots(&self) -> Result<Vec<SnapshotInfo>> {
        let active = self.active_ids()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, source, format, publisher_date, imported_at, content_hash, files, entity_count, counts
             FROM snapshots ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| row_to_info(r, &active))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// One snapshot.
    pub fn snapshot(&self, id: i64) -> Result<SnapshotInfo> {
        let active = self.active_ids()?;
        self.conn
            .query_row(
                "SELECT id, source, format, publisher_date, imported_at, content_hash, files, entity_count, counts
                 FROM snapshots WHERE id = ?1",
                [id],
                |r| row_to_info(r, &active),
            )
            .optional()?
            .ok_or(StoreError::NoSnapshot(id))
    }

    /// The active snapshot id of every source.
    fn active_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM (
                SELECT id, ROW_NUMBER() OVER (
                    PARTITION BY source
                    ORDER BY COALESCE(publisher_date, imported_at) DESC, id DESC) AS rank
                FROM snapshots)
             WHERE rank = 1 ORDER BY id",
        )?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<Result<Vec<_>, _>>()?)
    }

    /// The active snapshots.
    pub fn active_snapshots(&self) -> Result<Vec<SnapshotInfo>> {
        Ok(self.snapshots()?.into_iter().filter(|s| s.active).collect())
    }

    /// The entities of one snapshot, in id order.
    pub fn entities(&self, snapshot_id: i64) -> Result<Vec<Entity>> {
        self.snapshot(snapshot_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT se.entity_id, r.data FROM snapshot_entities se
             JOIN records r ON r.hash = se.record_hash
             WHERE se.snapshot_id = ?1 ORDER BY se.entity_id",
        )?;
        let rows = stmt.query_map([snapshot_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, data) = row?;
            out.push(decode(&id, &data)?);
        }
        Ok(out)
    }

    /// The entities of every active snapshot: what screening works on.
    pub fn active_entities(&self) -> Result<Vec<Entity>> {
        let mut out = Vec::new();
        for id in self.active_ids()? {
            out.extend(self.entities(id)?);
        }
        Ok(out)
    }

    /// One entity by id (`ofac:20157`), as its source's active snapshot has it;
    /// if no active snapshot has it (it was delisted), the newest snapshot that does.
    pub fn entity(&self, entity_id: &str) -> Result<Option<(SnapshotInfo, Entity)>> {
        let active = self.active_ids()?;
        let mut stmt = self.conn.prepare(
            "SELECT se.snapshot_id, r.data FROM snapshot_entities se
             JOIN records r ON r.hash = se.record_hash
             WHERE se.entity_id = ?1 ORDER BY se.snapshot_id DESC",
        )?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([entity_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let chosen = rows
            .iter()
            .find(|(sid, _)| active.contains(sid))
            .or_else(|| rows.first());
        match chosen {
            None => Ok(None),
            Some((sid, data)) => Ok(Some((self.snapshot(*sid)?, decode(entity_id, data)?))),
        }
    }

    /// The state of the last successful download of `url`.
    pub fn download_state(&self, url: &str) -> Result<Option<DownloadState>> {
        Ok(self
            .conn
            .query_row(
                "SELECT etag, last_modified, content_hash, fetched_at FROM downloads WHERE url = ?1",
                [url],
                |r| {
                    Ok(DownloadState {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        content_hash: r.get(2)?,
                        fetched_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Stores (replacing) data derived from the snapshots under a name: the
    /// matcher's token table, which is costly to make and is made again
    /// whenever the lists change. What it was derived from is for its
    /// reader to check; the store only keeps the bytes.
    pub fn put_derived(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.conn.execute(
            "INSERT OR REPLACE INTO derived (name, bytes, written_at) VALUES (?1, ?2, ?3)",
            params![name, bytes, now],
        )?;
        Ok(())
    }

    /// A stamp of the bytes under `name`: when they were last stored
    /// ([`Store::put_derived`]) and their length, without reading them, so
    /// that a reader can tell whether they changed.
    pub fn derived_written_at(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT written_at || ' ' || length(bytes) FROM derived WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The bytes stored under `name` by [`Store::put_derived`], if any.
    pub fn derived(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT bytes FROM derived WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Records a successful download of `url` (call after its snapshot landed).
    pub fn set_download_state(&self, url: &str, state: &DownloadState) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO downloads (url, etag, last_modified, content_hash, fetched_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                url,
                state.etag,
                state.last_modified,
                state.content_hash,
                state.fetched_at
            ],
        )?;
        Ok(())
    }

    /// What changed from snapshot `old` to snapshot `new` of one source.
    pub fn diff(&self, old: i64, new: i64) -> Result<SnapshotDiff> {
        let (a, b) = (self.snapshot(old)?, self.snapshot(new)?);
        if a.source != b.source {
            return Err(StoreError::SourceMismatch {
                old,
                old_source: a.source,
                new,
                new_source: b.source,
            });
        }
        Ok(diff_entities(&self.entities(old)?, &self.entities(new)?))
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

fn decode(id: &str, data: &str) -> Result<Entity> {
    serde_json::from_str(data).map_err(|source| StoreError::Decode {
        id: id.to_string(),
        source,
    })
}

fn row_to_info(r: &rusqlite::Row<'_>, active: &[i64]) -> rusqlite::Result<SnapshotInfo> {
    let id: i64 = r.get(0)?;
    let files: String = r.get(6)?;
    let counts: String = r.get(8)?;
    Ok(SnapshotInfo {
        id,
        source: r.get(1)?,
        format: r.get(2)?,
        publisher_date: r.get(3)?,
        imported_at: r.get(4)?,
        content_hash: r.get(5)?,
        files: serde_json::from_str(&files).unwrap_or_default(),
        entity_count: r.get::<_, i64>(7)?.max(0) as usize,
        counts: serde_json::from_str(&counts).unwrap_or_default(),
        active: active.contains(&id),
    })
}
