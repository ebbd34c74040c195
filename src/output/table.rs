//! The one CSV writer: tidy tables with a header row, snake_case columns, full-precision floats
//! (shortest representation that reads back to the same double) and empty fields for "undefined".

use super::atomic::{write_atomic, AppendFile};
use crate::error::Error;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Writes all `rows` to `path` atomically.
pub fn write_table<R: Serialize>(path: &Path, rows: &[R]) -> Result<(), Error> {
    write_atomic(path, |out| {
        let mut w = csv::Writer::from_writer(out);
        for row in rows {
            w.serialize(row).map_err(csv_to_io)?;
        }
        w.flush()
    })
}

/// A CSV table that grows as the run goes (one block of rows per finished cell), synced after each
/// block and renamed into place when the run completes.
pub struct TableWriter {
    file: AppendFile,
    path: PathBuf,
    header_written: bool,
}

impl TableWriter {
    pub fn create(path: &Path) -> Result<Self, Error> {
        Ok(TableWriter {
            file: AppendFile::create(path)?,
            path: path.to_path_buf(),
            header_written: false,
        })
    }

    /// Continues a table left by an interrupted run: keeps its first `valid_bytes` (header and
    /// complete rows) and appends after them.
    pub fn reopen(path: &Path, valid_bytes: u64) -> Result<Self, Error> {
        Ok(TableWriter {
            file: AppendFile::reopen(path, valid_bytes)?,
            path: path.to_path_buf(),
            header_written: valid_bytes > 0,
        })
    }

    pub fn append<R: Serialize>(&mut self, rows: &[R]) -> Result<(), Error> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(!self.header_written)
            .from_writer(&mut self.file.writer);
        for row in rows {
            w.serialize(row)
                .map_err(|e| Error::io(self.path.clone(), csv_to_io(e)))?;
        }
        w.flush().map_err(|e| Error::io(self.path.clone(), e))?;
        drop(w);
        self.header_written |= !rows.is_empty();
        self.file.sync()
    }

    /// Flushes and syncs what has been appended.
    pub fn sync(&mut self) -> Result<(), Error> {
        self.file.sync()
    }

    pub fn finish(self) -> Result<(), Error> {
        self.file.finish()
    }
}

fn csv_to_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
