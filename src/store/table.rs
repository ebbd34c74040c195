//! The one CSV writer: tidy tables with a header row, snake_case columns, full-precision floats
//! (shortest representation that reads back to the same double) and empty fields for "undefined".
//!
//! A table's columns are the fields of its Rust row type, in order: [`columns`] reads them off
//! the type itself, so `mc-gumbel columns`, the README, the plots and the tests all derive from
//! the one definition.

use super::atomic::write_atomic;
use crate::error::Error;
use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};
use serde::Serialize;
use std::path::Path;

/// Writes all `rows` to `path` atomically.
pub fn write_table<R: Serialize>(path: &Path, rows: &[R]) -> Result<(), Error> {
    write_atomic(path, |out| write_rows(out, rows))
}

/// [`write_table`] for a table that may have no rows (one filled only by some runs): its header
/// is then written alone, so that a reader finds the columns and no rows rather than an empty
/// file.
pub fn write_table_or_header<R: Serialize + DeserializeOwned>(
    path: &Path,
    rows: &[&R],
) -> Result<(), Error> {
    if rows.is_empty() {
        write_atomic(path, |out| writeln!(out, "{}", columns::<R>().join(",")))
    } else {
        write_table(path, rows)
    }
}

/// The text `write_table` would write for `rows`, for callers that hand a table on in memory
/// (the Python package), so that they see the very bytes a file would hold.
pub fn table_text<R: Serialize>(rows: &[R]) -> String {
    let mut out = Vec::new();
    write_rows(&mut out, rows).expect("serialising rows of plain fields into memory cannot fail");
    String::from_utf8(out).expect("the CSV writer writes UTF-8")
}

fn write_rows<R: Serialize>(out: impl std::io::Write, rows: &[R]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for row in rows {
        w.serialize(row).map_err(csv_to_io)?;
    }
    w.flush()
}

fn csv_to_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// The columns of the table whose rows are `R`: the field names of the struct, in order.
pub fn columns<'de, R: Deserialize<'de>>() -> &'static [&'static str] {
    let mut probe = FieldProbe(None);
    let _ = R::deserialize(&mut probe);
    probe
        .0
        .expect("a table row is a struct with named fields, deriving Deserialize")
}

/// A deserializer that only learns which fields a struct has; it never produces a value.
struct FieldProbe(Option<&'static [&'static str]>);

#[derive(Debug)]
struct Probed;

impl std::fmt::Display for Probed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fields probed")
    }
}

impl std::error::Error for Probed {}

impl de::Error for Probed {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Probed
    }
}

impl<'de> Deserializer<'de> for &mut FieldProbe {
    type Error = Probed;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Probed> {
        Err(Probed)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Probed> {
        self.0 = Some(fields);
        Err(Probed)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Row {
        ensemble: String,
        n: usize,
        rho: Option<f64>,
    }

    #[test]
    fn columns_are_the_fields_in_order() {
        assert_eq!(columns::<Row>(), ["ensemble", "n", "rho"]);
    }
}
