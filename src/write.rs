//! Output files: every document is written to a temporary file beside its
//! destination and renamed into place only when the whole build succeeded,
//! so a failure leaves the previous outputs untouched and nothing half-written.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use crate::error::Error;

/// A file written under a temporary name; dropped without `commit`, it is removed.
pub struct Staged {
    temp: TempPath,
    target: PathBuf,
}

/// Writes `bytes` to a temporary file in the directory of `target`.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, Error> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut file = NamedTempFile::with_prefix_in(".rsr-", dir).map_err(|e| Error::io(dir, e))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| Error::io(target, e))?;
    // Temporary files are private; a published document is not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::Permissions::from_mode(0o644);
        file.as_file()
            .set_permissions(permissions)
            .map_err(|e| Error::io(target, e))?;
    }
    Ok(Staged {
        temp: file.into_temp_path(),
        target: target.to_path_buf(),
    })
}

/// Writes one file whole: staged beside it, then renamed into place.
pub fn file(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    commit(vec![stage(target, bytes)?])
}

/// Renames every staged file into place.
pub fn commit(staged: Vec<Staged>) -> Result<(), Error> {
    for Staged { temp, target } in staged {
        temp.persist(&target)
            .map_err(|e| Error::io(&target, e.error))?;
    }
    Ok(())
}
