//! Raw per-trial record files (`<job>_raw.csv`, `radius_trials.csv`): one line per trial,
//! appended and synced chunk by chunk in trial order, so that a killed run loses nothing that
//! finished and a torn last line is recognised on resume.

use super::atomic::AppendFile;
use crate::error::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The raw file of a run in progress.
pub struct RawWriter {
    file: AppendFile,
    /// The header, until it is written (the file's first append writes it).
    pending_header: Option<String>,
}

impl RawWriter {
    pub fn create(path: &Path, header: &str) -> Result<Self, Error> {
        Ok(RawWriter {
            file: AppendFile::create(path)?,
            pending_header: Some(header.to_string()),
        })
    }

    /// Reopens the `.partial` raw file of an interrupted run, keeping its first `valid_bytes`
    /// (which hold `header` unless there are none).
    pub fn reopen(path: &Path, header: &str, valid_bytes: u64) -> Result<Self, Error> {
        Ok(RawWriter {
            file: AppendFile::reopen(path, valid_bytes)?,
            pending_header: (valid_bytes == 0).then(|| header.to_string()),
        })
    }

    /// Appends `lines` (each ending in a newline), after the header if the file has none yet,
    /// and syncs them to the disk.
    pub fn append(&mut self, lines: &str) -> Result<(), Error> {
        let path = self.file.partial_path().to_path_buf();
        let mut write = |bytes: &[u8]| {
            self.file
                .writer
                .write_all(bytes)
                .map_err(|e| Error::write(&path, e))
        };
        if let Some(header) = &self.pending_header {
            write(header.as_bytes())?;
            write(b"\n")?;
        }
        write(lines.as_bytes())?;
        self.pending_header = None;
        self.file.sync()
    }

    /// Pushes everything appended so far to the disk.
    pub fn sync(&mut self) -> Result<(), Error> {
        self.file.sync()
    }

    /// Renames the finished file into place.
    pub fn finish(self) -> Result<(), Error> {
        self.file.finish()
    }
}

/// The complete lines of a raw file after its header, and the bytes they end at.
pub struct RawLines {
    pub body: String,
    pub valid_bytes: u64,
}

/// Reads a raw file. With `allow_torn`, a last line without its newline (a write cut off by a
/// crash) is dropped; otherwise it is an error.
pub fn read_raw(path: &Path, header: &str, allow_torn: bool) -> Result<RawLines, Error> {
    let bad = |what: String| {
        Error::read(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, what),
        )
    };
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if complete < bytes.len() && !allow_torn {
        return Err(bad("the file ends in the middle of a line".into()));
    }
    let text =
        String::from_utf8(bytes[..complete].to_vec()).map_err(|_| bad("not UTF-8".into()))?;
    if text.is_empty() {
        return Ok(RawLines {
            body: text,
            valid_bytes: 0,
        });
    }
    let (head, body) = text.split_once('\n').expect("ends in a newline");
    if head != header {
        return Err(bad(format!("unexpected header '{head}'")));
    }
    Ok(RawLines {
        body: body.to_string(),
        valid_bytes: complete as u64,
    })
}

/// Serialises typed rows as raw lines: no header, one line each, fields as the row type says.
pub fn row_lines<R: Serialize>(rows: impl IntoIterator<Item = R>) -> String {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        w.serialize(row)
            .expect("a raw row of plain fields serialises into memory");
    }
    let bytes = w.into_inner().expect("writing into memory cannot fail");
    String::from_utf8(bytes).expect("the CSV writer writes UTF-8")
}

/// The typed rows of the raw lines `body` (no header), each with its line number in the file
/// (the header is line 1) and, for a line that is not a row of `R`, why not.
pub fn parse_rows<R: DeserializeOwned>(body: &str) -> Vec<(usize, Result<R, String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize + 1;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => rows.push((line, record.deserialize(None).map_err(|e| row_error(&e)))),
            Err(e) => {
                rows.push((line, Err(row_error(&e))));
                break;
            }
        }
    }
    rows
}

fn row_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(i) => format!("field {}: {}", i + 1, err.kind()),
            None => err.kind().to_string(),
        },
        other => format!("{other:?}"),
    }
}

/// Floats of raw rows in Rust's shortest round-trip form (`{:?}`), read back bit for bit.
pub mod shortest {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{x:?}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Floats of raw rows in scientific form (`{:e}`), read back bit for bit.
pub mod scientific {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{x:e}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
