//! Raw per-trial record files (`<job>_raw.csv`, `radius_trials.csv`): one line per trial,
//! appended and synced chunk by chunk in trial order, so that a killed run loses nothing that
//! finished and a torn last line is recognised on resume.

use super::atomic::AppendFile;
use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// The raw file of a run in progress.
pub struct RawWriter {
    file: AppendFile,
    header_written: bool,
}

impl RawWriter {
    pub fn create(path: &Path) -> Result<Self, Error> {
        Ok(RawWriter {
            file: AppendFile::create(path)?,
            header_written: false,
        })
    }

    /// Reopens the `.partial` raw file of an interrupted run, keeping its first `valid_bytes`.
    pub fn reopen(path: &Path, valid_bytes: u64) -> Result<Self, Error> {
        Ok(RawWriter {
            file: AppendFile::reopen(path, valid_bytes)?,
            header_written: valid_bytes > 0,
        })
    }

    /// Appends `lines` (each ending in a newline), after `header` if the file has none yet, and
    /// syncs them to the disk.
    pub fn append(&mut self, header: &str, lines: &str) -> Result<(), Error> {
        let path = self.file.partial_path().to_path_buf();
        let mut write = |bytes: &[u8]| {
            self.file
                .writer
                .write_all(bytes)
                .map_err(|e| Error::write(&path, e))
        };
        if !self.header_written {
            write(header.as_bytes())?;
            write(b"\n")?;
        }
        write(lines.as_bytes())?;
        self.header_written = true;
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
