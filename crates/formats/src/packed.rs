//! Compressed list files: gzip and zip, recognised by their magic bytes (not
//! their names), unpacked in memory so that a compressed list reads exactly
//! like the file inside it.
//!
//! * **gzip** (`1f 8b`): the decompressed stream is the list file; it keeps
//!   the file's name, and line numbers in errors are those of the
//!   decompressed text.
//! * **zip** (`PK\x03\x04`, or `PK\x05\x06` for an empty archive): the one
//!   member that is a list file (OFAC ships `SDN_ENHANCED.ZIP` holding
//!   `SDN_ENHANCED.XML`). A member whose format is not recognised is
//!   ignored; an archive with no list file, or with several, is refused. The
//!   member is named `<archive>!<member>` in messages.
//!
//! One level only: a compressed file inside a compressed file is refused.
//! Unpacked data is capped at [`MAX_UNPACKED`] bytes, so that a small
//! malicious archive cannot exhaust memory.

use crate::error::{FormatError, Result};
use crate::Input;
use std::io::{Cursor, Read};

/// The largest unpacked list accepted (1 GiB; the full OFAC SDN XML is ~100 MB).
pub const MAX_UNPACKED: u64 = 1 << 30;

/// How many unpacked bytes format detection looks at.
const HEAD: u64 = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Packing {
    Gzip,
    Zip,
}

fn packing(bytes: &[u8]) -> Option<Packing> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(Packing::Gzip)
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Packing::Zip)
    } else {
        None
    }
}

fn error(file: &str, kind: Packing, message: String) -> FormatError {
    FormatError::Compressed {
        file: file.to_string(),
        kind: match kind {
            Packing::Gzip => "gzip",
            Packing::Zip => "zip",
        },
        message,
    }
}

/// Reads at most `limit` bytes, failing on a read error (a truncated or
/// corrupt stream) and, when `whole`, on more than `limit` bytes.
fn read_limited(
    reader: impl Read,
    limit: u64,
    whole: bool,
    file: &str,
    kind: Packing,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let cap = if whole { limit + 1 } else { limit };
    reader
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| error(file, kind, explain(&e)))?;
    if whole && out.len() as u64 > limit {
        return Err(error(
            file,
            kind,
            format!("it unpacks to more than {limit} bytes"),
        ));
    }
    Ok(out)
}

fn explain(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        format!("{e} (the file is truncated)")
    } else {
        e.to_string()
    }
}

/// The unpacked file when `input` is compressed, else `None`.
pub fn unpack(input: &Input) -> Result<Option<Input>> {
    unpack_up_to(input, MAX_UNPACKED, true)
}

/// The first few KiB of the unpacked file, for format detection, when
/// `bytes` is compressed; else `None`.
pub fn head(name: &str, bytes: &[u8]) -> Result<Option<Input>> {
    let input = Input {
        name: name.to_string(),
        bytes: bytes.to_vec(),
    };
    unpack_up_to(&input, HEAD, false)
}

fn unpack_up_to(input: &Input, limit: u64, whole: bool) -> Result<Option<Input>> {
    let file = input.name.as_str();
    let Some(kind) = packing(&input.bytes) else {
        return Ok(None);
    };
    let unpacked = match kind {
        Packing::Gzip => {
            let decoder = flate2::read::MultiGzDecoder::new(input.bytes.as_slice());
            Input {
                name: input.name.clone(),
                bytes: read_limited(decoder, limit, whole, file, kind)?,
            }
        }
        Packing::Zip => {
            let mut archive = zip::ZipArchive::new(Cursor::new(input.bytes.as_slice()))
                .map_err(|e| error(file, kind, format!("{e} (truncated, or not a zip file?)")))?;
            let index = list_member(&mut archive, file)?;
            let member = archive
                .by_index(index)
                .map_err(|e| error(file, kind, e.to_string()))?;
            let name = format!("{file}!{}", member.name());
            let bytes = read_limited(member, limit, whole, &name, kind)?;
            Input { name, bytes }
        }
    };
    if packing(&unpacked.bytes).is_some() {
        return Err(error(
            &unpacked.name,
            kind,
            "it holds another compressed file; unpack it first".into(),
        ));
    }
    Ok(Some(unpacked))
}

/// The index of the one member of a zip archive that is a list file.
fn list_member(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, file: &str) -> Result<usize> {
    let kind = Packing::Zip;
    let mut files: Vec<(usize, String)> = Vec::new();
    for i in 0..archive.len() {
        let member = archive
            .by_index(i)
            .map_err(|e| error(file, kind, e.to_string()))?;
        if member.is_file() {
            files.push((i, member.name().to_string()));
        }
    }
    if let [(only, _)] = files.as_slice() {
        return Ok(*only);
    }
    let mut lists: Vec<(usize, String)> = Vec::new();
    for (i, name) in &files {
        let member = archive
            .by_index(*i)
            .map_err(|e| error(file, kind, e.to_string()))?;
        let shown = format!("{file}!{name}");
        let head = read_limited(member, HEAD, false, &shown, kind)?;
        if crate::detect::detect_plain(&shown, &head).is_ok() {
            lists.push((*i, name.clone()));
        }
    }
    let names = |v: &[(usize, String)]| {
        v.iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match lists.as_slice() {
        [(only, _)] => Ok(*only),
        [] => Err(error(
            file,
            kind,
            if files.is_empty() {
                "the archive holds no file".to_string()
            } else {
                format!("none of its files is a list file ({})", names(&files))
            },
        )),
        _ => Err(error(
            file,
            kind,
            format!(
                "it holds several list files ({}); unzip it and import them one by one",
                names(&lists)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const UN: &str =
        "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"x\"></CONSOLIDATED_LIST>\n";

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in members {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn input(name: &str, bytes: Vec<u8>) -> Input {
        Input {
            name: name.into(),
            bytes,
        }
    }

    #[test]
    fn plain_files_are_left_alone() {
        assert!(unpack(&input("a.xml", UN.as_bytes().to_vec()))
            .unwrap()
            .is_none());
    }

    #[test]
    fn gzip_unpacks_under_the_same_name() {
        let out = unpack(&input("un.xml.gz", gzip(UN.as_bytes())))
            .unwrap()
            .unwrap();
        assert_eq!(out.name, "un.xml.gz");
        assert_eq!(out.bytes, UN.as_bytes());
        let h = head("un.xml.gz", &gzip(&UN.as_bytes().repeat(200)))
            .unwrap()
            .unwrap();
        assert_eq!(h.bytes.len(), HEAD as usize);
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let packed = gzip(&UN.as_bytes().repeat(50));
        let cut = &packed[..packed.len() - 12];
        let err = unpack(&input("cut.gz", cut.to_vec())).unwrap_err();
        assert!(
            matches!(&err, FormatError::Compressed { file, kind: "gzip", .. } if file == "cut.gz"),
            "{err:?}"
        );
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn zip_with_one_list_file() {
        let packed = zip(&[("README.txt", b"hello"), ("UN.XML", UN.as_bytes())]);
        let out = unpack(&input("un.zip", packed)).unwrap().unwrap();
        assert_eq!(out.name, "un.zip!UN.XML");
        assert_eq!(out.bytes, UN.as_bytes());
    }

    #[test]
    fn zip_with_none_or_several_list_files_is_refused() {
        let none = zip(&[("a.txt", b"hello")]);
        // a single member is taken as is, and its format is checked later
        assert!(unpack(&input("one.zip", none)).unwrap().is_some());
        let none = zip(&[("a.txt", b"hello"), ("b.txt", b"world")]);
        let err = unpack(&input("none.zip", none)).unwrap_err();
        assert!(err.to_string().contains("a.txt, b.txt"), "{err}");
        let two = zip(&[("a.xml", UN.as_bytes()), ("b.xml", UN.as_bytes())]);
        let err = unpack(&input("two.zip", two)).unwrap_err();
        assert!(
            err.to_string()
                .contains("several list files (a.xml, b.xml)"),
            "{err}"
        );
        let empty = zip(&[]);
        let err = unpack(&input("empty.zip", empty)).unwrap_err();
        assert!(err.to_string().contains("no file"), "{err}");
    }

    #[test]
    fn truncated_zip_is_an_error() {
        let packed = zip(&[("UN.XML", UN.as_bytes())]);
        let cut = &packed[..packed.len() / 2];
        let err = unpack(&input("cut.zip", cut.to_vec())).unwrap_err();
        assert!(
            matches!(&err, FormatError::Compressed { file, kind: "zip", .. } if file == "cut.zip"),
            "{err:?}"
        );
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn corrupt_zip_member_is_an_error() {
        let mut packed = zip(&[("UN.XML", UN.as_bytes().repeat(20).as_slice())]);
        // flip a byte inside the compressed data (after the 30-byte local header and the name)
        let pos = 30 + "UN.XML".len() + 5;
        packed[pos] ^= 0xff;
        let err = unpack(&input("bad.zip", packed)).unwrap_err();
        assert!(
            matches!(err, FormatError::Compressed { kind: "zip", .. }),
            "{err:?}"
        );
    }

    #[test]
    fn nested_and_oversized_are_refused() {
        let nested = gzip(&gzip(UN.as_bytes()));
        let err = unpack(&input("n.gz", nested)).unwrap_err();
        assert!(err.to_string().contains("another compressed file"), "{err}");
        let big = gzip(&vec![b' '; 10_000]);
        let err = unpack_up_to(&input("big.gz", big), 1000, true).unwrap_err();
        assert!(err.to_string().contains("more than 1000 bytes"), "{err}");
    }
}
