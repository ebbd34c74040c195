//! Files that are either complete or absent: written under a temporary name, synced, renamed.

use crate::error::Error;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

/// The name a file has while it is being written; never mistaken for a finished output.
pub fn partial_name(name: &str) -> String {
    format!("{name}.partial")
}

pub fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(partial_name(&name))
}

/// Writes `path` atomically: the bytes go to a temporary file that is synced and then renamed,
/// so a reader (or a crash) sees the old file or the new one, never a truncated mix.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let mut file = AppendFile::create(path)?;
    let partial = file.partial.clone();
    let written = write(&mut file.writer)
        .map_err(|e| Error::write(partial.clone(), e))
        .and_then(|_| file.finish());
    if written.is_err() {
        // A failure that is reported leaves no stray half-written file behind.
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// A file built up over a run under its `.partial` name, then renamed into place by [`finish`].
///
/// [`finish`]: AppendFile::finish
pub struct AppendFile {
    pub writer: BufWriter<File>,
    partial: PathBuf,
    path: PathBuf,
}

impl AppendFile {
    pub fn create(path: &Path) -> Result<Self, Error> {
        let partial = partial_path(path);
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&partial)
            .map_err(|e| Error::write(partial.clone(), e))?;
        Ok(AppendFile {
            writer: BufWriter::new(file),
            partial,
            path: path.to_path_buf(),
        })
    }

    /// Opens the `.partial` file of an interrupted run, cut back to its first `valid_bytes`.
    pub fn reopen(path: &Path, valid_bytes: u64) -> Result<Self, Error> {
        let partial = partial_path(path);
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&partial)
            .map_err(|e| Error::write(partial.clone(), e))?;
        file.set_len(valid_bytes)
            .and_then(|_| file.seek(std::io::SeekFrom::End(0)).map(|_| ()))
            .map_err(|e| Error::write(partial.clone(), e))?;
        Ok(AppendFile {
            writer: BufWriter::new(file),
            partial,
            path: path.to_path_buf(),
        })
    }

    /// The `.partial` file this writes to.
    pub fn partial_path(&self) -> &Path {
        &self.partial
    }

    /// Pushes what has been written so far to the disk, so finished work survives a crash.
    pub fn sync(&mut self) -> Result<(), Error> {
        self.writer
            .flush()
            .map_err(|e| Error::write(self.partial.clone(), e))?;
        self.writer
            .get_ref()
            .sync_data()
            .map_err(|e| Error::write(self.partial.clone(), e))
    }

    pub fn finish(mut self) -> Result<(), Error> {
        self.sync()?;
        std::fs::rename(&self.partial, &self.path)
            .map_err(|e| Error::write(self.path.clone(), e))?;
        if let Some(dir) = self.path.parent() {
            // Persist the rename itself; failure here only weakens crash safety, so it is ignored.
            if let Ok(d) = File::open(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            }) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }
}
