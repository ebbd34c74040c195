//! One run per output folder at a time: a run holds an exclusive lock on its folder for as long
//! as it writes there, so a second run, `--resume` or `merge` into the same folder is refused at
//! once, naming the process that holds it, instead of interleaving two writers.
//!
//! The lock is taken on the folder itself (`flock` on Unix), so it vanishes with the process
//! however that ends; a small file beside the results names the holder while it runs, and is
//! removed when the lock is released.

use crate::error::Error;
use crate::model::Param;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The file that names the process holding the folder, while it holds it.
pub const HOLDER: &str = ".mc-gumbel.lock";

/// The lock on an output folder, released when dropped (or when the process ends, however).
#[derive(Debug)]
pub struct FolderLock {
    _dir: File,
    holder: PathBuf,
}

impl FolderLock {
    /// Locks `dir` (which must exist) for this process, or says which process holds it.
    pub fn acquire(dir: &Path) -> Result<FolderLock, Error> {
        let handle = File::open(dir).map_err(|e| Error::read(dir, e))?;
        let holder = dir.join(HOLDER);
        match handle.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let pid = std::fs::read_to_string(&holder).unwrap_or_default();
                let pid = pid.trim();
                return Err(Error::config(
                    Param::Out,
                    format!(
                        "'{}' is in use by another mc-gumbel run ({}); wait for it to finish, or \
                         choose another output folder",
                        dir.display(),
                        if pid.is_empty() {
                            "a process that has not yet written its id".to_string()
                        } else {
                            format!("process {pid}")
                        }
                    ),
                ));
            }
            Err(TryLockError::Error(e)) => return Err(Error::write(dir, e)),
        }
        std::fs::write(&holder, std::process::id().to_string())
            .map_err(|e| Error::write(&holder, e))?;
        Ok(FolderLock {
            _dir: handle,
            holder,
        })
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Before the lock itself goes (with the handle, after this), so that a holder file never
        // names a process that no longer holds the folder.
        let _ = std::fs::remove_file(&self.holder);
    }
}
