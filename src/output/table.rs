//! The one CSV writer: tidy tables with a header row, snake_case columns, full-precision floats
//! (shortest representation that reads back to the same double) and empty fields for "undefined".

use super::atomic::write_atomic;
use crate::error::Error;
use serde::Serialize;
use std::path::Path;

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

fn csv_to_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
