//! API keys, stored as SHA-256 hashes.
//!
//! A keys file holds one key per line: the lowercase hex SHA-256 of the key,
//! then optionally a space and a label (who the key was given to). Blank lines
//! and lines starting with `#` are ignored. The keys themselves are never
//! stored: [`generate_key`] makes one, [`append_key`] records its hash, and the
//! caller shows the key once.
//!
//! Clients send a key as `Authorization: ApiKey <key>` (the header yente and
//! the OpenSanctions API use), `Authorization: Bearer <key>` or `X-Api-Key: <key>`.

use crate::ServerError;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The set of accepted key hashes, read from a keys file.
#[derive(Debug, Clone, Default)]
pub struct KeySet {
    hashes: HashSet<[u8; 32]>,
}

impl KeySet {
    /// Reads a keys file. A missing file is an empty set (no key is accepted).
    pub fn read(path: &Path) -> Result<KeySet, ServerError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(ServerError::Keys {
                    path: path.to_path_buf(),
                    message: source.to_string(),
                })
            }
        };
        let mut hashes = HashSet::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let hex_hash = line.split_whitespace().next().unwrap_or("");
            let mut hash = [0u8; 32];
            match hex::decode_to_slice(hex_hash, &mut hash) {
                Ok(()) => {
                    hashes.insert(hash);
                }
                Err(_) => {
                    return Err(ServerError::Keys {
                        path: path.to_path_buf(),
                        message: format!(
                            "line {}: expected a 64-digit hex SHA-256 hash, found {hex_hash:?}",
                            i + 1
                        ),
                    })
                }
            }
        }
        Ok(KeySet { hashes })
    }

    /// A set holding the hashes of these keys (for tests and embedding).
    pub fn from_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> KeySet {
        KeySet {
            hashes: keys.into_iter().map(hash_key).collect(),
        }
    }

    /// Whether a presented key is accepted.
    pub fn accepts(&self, key: &str) -> bool {
        !key.is_empty() && self.hashes.contains(&hash_key(key))
    }

    /// How many keys the set holds.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether the set holds no key.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// The SHA-256 of a key.
pub fn hash_key(key: &str) -> [u8; 32] {
    Sha256::digest(key.trim().as_bytes()).into()
}

/// A new random key: `idk_` and 64 hex digits (256 bits from the system's
/// random source).
pub fn generate_key() -> Result<String, ServerError> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| ServerError::Keys {
            path: PathBuf::from("/dev/urandom"),
            message: format!("cannot read random bytes: {e}"),
        })?;
    Ok(format!("idk_{}", hex::encode(bytes)))
}

/// Appends the hash of `key` with a label to the keys file (created with mode
/// 0600 when new).
pub fn append_key(path: &Path, key: &str, label: &str) -> Result<(), ServerError> {
    let err = |e: std::io::Error| ServerError::Keys {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).map_err(err)?;
    let label: String = label
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    writeln!(f, "{} {}", hex::encode(hash_key(key)), label.trim()).map_err(err)
}

/// The key a request presents, if any.
pub fn presented_key(headers: &axum::http::HeaderMap) -> Option<&str> {
    if let Some(v) = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let v = v.trim();
        for scheme in ["ApiKey ", "Bearer "] {
            if v.len() > scheme.len()
                && v.is_char_boundary(scheme.len())
                && v[..scheme.len()].eq_ignore_ascii_case(scheme)
            {
                return Some(v[scheme.len()..].trim());
            }
        }
        return None;
    }
    headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// The modification time of a file, to notice when the keys file changes.
pub(crate) fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_round_trip_through_a_keys_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys");
        let k1 = generate_key().unwrap();
        let k2 = generate_key().unwrap();
        assert_ne!(k1, k2);
        assert!(k1.starts_with("idk_") && k1.len() == 68);
        append_key(&path, &k1, "ops\nteam").unwrap();
        let set = KeySet::read(&path).unwrap();
        assert_eq!(set.len(), 1);
        assert!(set.accepts(&k1));
        assert!(!set.accepts(&k2));
        assert!(!set.accepts(""));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains(&k1), "the key itself must not be stored");
        assert_eq!(text.lines().count(), 1);
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys");
        std::fs::write(&path, "# comment\n\nnot-a-hash x\n").unwrap();
        let err = KeySet::read(&path).unwrap_err().to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(KeySet::read(&dir.path().join("missing"))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn keys_are_read_from_the_usual_headers() {
        let mut h = axum::http::HeaderMap::new();
        assert_eq!(presented_key(&h), None);
        h.insert("x-api-key", "abc".parse().unwrap());
        assert_eq!(presented_key(&h), Some("abc"));
        h.insert("authorization", "ApiKey  xyz ".parse().unwrap());
        assert_eq!(presented_key(&h), Some("xyz"));
        h.insert("authorization", "bearer tok".parse().unwrap());
        assert_eq!(presented_key(&h), Some("tok"));
        h.insert("authorization", "Basic Zm9v".parse().unwrap());
        assert_eq!(presented_key(&h), None);
    }
}
