//! rsr's own records in `out/` (the manifest, the inventory): postcard's
//! encoding of a value with the checksum of those bytes after it (BLAKE3,
//! `checksum`, which closes the bodies' models in `out/.rsr.models/` as
//! well: `close`, `checked`). A record
//! cut short, altered or of another layout is none, never a wrong one;
//! each record's own format number, checked by its owner, tells a layout
//! of an older rsr.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::output::write;

/// The value kept at `path`, if it is there whole and decodes as a `T`.
pub fn load<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    postcard::from_bytes(checked(&bytes)?).ok()
}

/// Decodes a map of a record as one built from its entries at once
/// (`#[serde(deserialize_with = "summed::sorted")]`). A `BTreeMap` is
/// written in the order of its keys; decoded entry by entry, as serde
/// decodes one, each is inserted from the map's root, which in the
/// records of a repository of years (some 25,000 files in the
/// inventory, 12,000 documents in the manifest) was a third of their
/// decoding. Collected first, entries in order are sorted in
/// one pass and the map built from the bottom up. Two entries of one key
/// leave the last, as inserting does.
pub fn sorted<'de, D, K, V>(decoder: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord,
    V: serde::Deserialize<'de>,
{
    struct Entries<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Entries<K, V>
    where
        K: serde::Deserialize<'de> + Ord,
        V: serde::Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            // The length a record claims is not trusted with more than a
            // megabyte before its entries are there.
            let most = (1 << 20) / std::mem::size_of::<(K, V)>().max(1);
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(most));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(BTreeMap::from_iter(entries))
        }
    }
    decoder.deserialize_map(Entries(std::marker::PhantomData))
}

/// The checksum that closes each of rsr's own records in `out/`: their
/// manifest and inventory (here) and the bodies' models (`repo::cache`).
/// BLAKE3, a cryptographic hash like the SHA-256 it replaced (a record
/// altered on purpose cannot be made to agree with it any more easily),
/// at some four times its speed: a one-item build at 10 × 110 × 8 sums
/// some 30 MB of records.
pub fn checksum(bytes: &[u8]) -> [u8; 32] {
    *blake3::hash(bytes).as_bytes()
}

/// `bytes` without the checksum after them, if it holds.
pub fn checked(bytes: &[u8]) -> Option<&[u8]> {
    let (body, check) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
    (checksum(body) == check).then_some(body)
}

/// `bytes` with their checksum after them.
pub fn close(mut bytes: Vec<u8>) -> Vec<u8> {
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum);
    bytes
}

/// Writes `value` atomically to `path` in `out`. One that cannot be
/// encoded (a path that is not UTF-8) is not kept, and what was there is
/// removed: a record is then as if lost, and the next build does its work
/// again.
pub fn save<T: Serialize>(out: &Path, path: &Path, value: &T) -> Result<(), Error> {
    save_with(out, path, write::Keep::Durable, |writer| {
        postcard::to_io(value, writer).map(drop)
    })
}

/// `save`, the value encoded by `encode` into the writer it is given:
/// postcard's encoding of a struct is that of its fields one after the
/// other, so that a record may be written a part at a time, the first
/// while the rest is still being made.
pub fn save_with(
    out: &Path,
    path: &Path,
    keep: write::Keep,
    encode: impl FnOnce(&mut dyn Write) -> postcard::Result<()>,
) -> Result<(), Error> {
    // Written as it is encoded, its checksum made on the way: the record
    // of a large repository is never held whole in memory.
    let mut encodes = true;
    write::no_links(out, path)?;
    let staged = write::stage_writing(path, keep, |file| write_summed(encode, file, &mut encodes));
    match staged {
        Ok(staged) => write::commit(vec![staged]),
        Err(_) if !encodes => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
            _ => Ok(()),
        },
        Err(e) => Err(e),
    }
}

/// Writes to `file` what `encode` encodes, and its checksum after it.
/// `encodes` is false when it cannot be encoded; an error in writing is
/// the writer's own.
fn write_summed(
    encode: impl FnOnce(&mut dyn Write) -> postcard::Result<()>,
    file: &mut dyn Write,
    encodes: &mut bool,
) -> std::io::Result<()> {
    // Buffered above the sum, so that the hash is fed in large pieces
    // rather than postcard's few bytes at a time.
    let mut buffered = std::io::BufWriter::with_capacity(
        1 << 16,
        Summed {
            file,
            sum: blake3::Hasher::new(),
            failed: None,
        },
    );
    match encode(&mut buffered) {
        Ok(()) => {}
        Err(postcard::Error::SerdeSerCustom) => {
            *encodes = false;
            return Err(std::io::Error::other("not encodable"));
        }
        // postcard tells only that writing failed: the writer kept why
        // (a full disk), for the message.
        Err(_) => {
            return Err(buffered
                .get_mut()
                .failed
                .take()
                .unwrap_or_else(|| std::io::Error::other("not written")));
        }
    }
    let summed = buffered.into_inner().map_err(|e| e.into_error())?;
    let check = summed.sum.finalize();
    summed.file.write_all(check.as_bytes())
}

/// A writer that sums what passes through it, and keeps what made a
/// write fail.
struct Summed<'a> {
    file: &'a mut dyn Write,
    sum: blake3::Hasher,
    failed: Option<std::io::Error>,
}

impl Write for Summed<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.file.write(bytes) {
            Ok(written) => {
                self.sum.update(&bytes[..written]);
                Ok(written)
            }
            Err(error) => {
                if error.kind() != std::io::ErrorKind::Interrupted {
                    self.failed = Some(std::io::Error::new(error.kind(), error.to_string()));
                }
                Err(error)
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn a_map_decoded_at_once_is_the_map_decoded_entry_by_entry() {
        #[derive(serde::Deserialize, Debug)]
        struct AtOnce {
            #[serde(deserialize_with = "sorted")]
            map: BTreeMap<String, u32>,
        }
        #[derive(serde::Deserialize, Debug)]
        struct ByEntry {
            map: BTreeMap<String, u32>,
        }
        let many: Vec<(String, u32)> = (0..5_000).map(|n| (format!("{n:05}"), n)).collect();
        let shuffled: Vec<(String, u32)> = (0..5_000)
            .map(|n| (format!("{:05}", (n * 7_919) % 5_000), n))
            .collect();
        let twice = vec![
            ("b".to_string(), 1),
            ("a".to_string(), 2),
            ("b".to_string(), 3),
        ];
        // postcard encodes a map as it encodes the list of its entries.
        for entries in [Vec::new(), many, shuffled, twice] {
            let bytes = postcard::to_allocvec(&(&entries,)).unwrap();
            let at_once: AtOnce = postcard::from_bytes(&bytes).unwrap();
            let by_entry: ByEntry = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(at_once.map, by_entry.map);
            assert_eq!(
                at_once.map.len(),
                entries
                    .iter()
                    .map(|(k, _)| k)
                    .collect::<BTreeSet<_>>()
                    .len()
            );
        }
        // Two entries of one key leave the last.
        let bytes = postcard::to_allocvec(&(vec![("b", 1u32), ("b", 3u32)],)).unwrap();
        let at_once: AtOnce = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(at_once.map.get("b"), Some(&3));
        // A length claimed beyond the entries there is an error, not
        // memory asked for.
        let mut claimed = vec![0xff, 0xff, 0xff, 0xff, 0x0f];
        claimed.extend(postcard::to_allocvec(&("a", 1u32)).unwrap());
        assert!(postcard::from_bytes::<AtOnce>(&claimed).is_err());
    }

    #[test]
    fn a_record_that_fails_to_be_written_says_why() {
        // A disk that fills after some bytes: the error is the disk's, not
        // postcard's "buffer full".
        struct Filling(usize);
        impl Write for Filling {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                if self.0 == 0 {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::StorageFull,
                        "no space left on device",
                    ));
                }
                let n = bytes.len().min(self.0);
                self.0 -= n;
                Ok(n)
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let record: BTreeMap<String, String> = (0..20_000)
            .map(|n| (format!("meetings/kn/{n:05}.yaml"), "0".repeat(64)))
            .collect();
        let mut encodes = true;
        let error = write_summed(
            |w| postcard::to_io(&record, w).map(drop),
            &mut Filling(100_000),
            &mut encodes,
        )
        .unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::StorageFull);
        assert!(error.to_string().contains("no space left"), "{error}");
        assert!(encodes);
        // With room, what is written is what load reads back, and no
        // byte of it can change unnoticed, nor can it be cut short.
        let mut written = Vec::new();
        write_summed(
            |w| postcard::to_io(&record, w).map(drop),
            &mut written,
            &mut encodes,
        )
        .unwrap();
        let out = tempfile::tempdir().unwrap();
        let path = out.path().join("record");
        std::fs::write(&path, &written).unwrap();
        assert_eq!(
            load::<BTreeMap<String, String>>(&path),
            Some(record.clone())
        );
        // The record written as it is encoded is the one closed whole.
        assert_eq!(close(postcard::to_allocvec(&record).unwrap()), written);
        for at in [0, written.len() / 2, written.len() - 1] {
            let mut changed = written.clone();
            changed[at] ^= 0x01;
            std::fs::write(&path, &changed).unwrap();
            assert!(
                load::<BTreeMap<String, String>>(&path).is_none(),
                "byte {at}"
            );
        }
        std::fs::write(&path, &written[..written.len() - 1]).unwrap();
        assert!(load::<BTreeMap<String, String>>(&path).is_none());
    }
}
