//! Reading `radius_trials.csv` back, for `--resume` (possibly cut off mid-line by a crash) and
//! for `merge` (complete shard files).

use crate::error::Error;
use std::path::Path;

pub const HEADER: &str = "ensemble,scale,scale_factor,method,n,trial,rho,n_outside";

/// One parsed row; `rho` reads back to the very double that was written (shortest round-trip
/// formatting), so rewriting it reproduces the same bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct TrialLine {
    pub ensemble: String,
    pub scale: String,
    pub n: usize,
    pub trial: u64,
    pub rho: f64,
    pub n_outside: usize,
}

#[derive(Debug)]
pub struct TrialFile {
    pub rows: Vec<TrialLine>,
    /// Bytes up to the end of the last complete row (header included).
    pub valid_bytes: u64,
    /// Whether a trailing partial line was found (and dropped).
    pub torn: bool,
}

fn parse_line(line: &str) -> Option<TrialLine> {
    let f: Vec<&str> = line.split(',').collect();
    if f.len() != 8 {
        return None;
    }
    Some(TrialLine {
        ensemble: f[0].to_string(),
        scale: f[1].to_string(),
        n: f[4].parse().ok()?,
        trial: f[5].parse().ok()?,
        rho: f[6].parse().ok()?,
        n_outside: f[7].parse().ok()?,
    })
}

/// Reads a trial file. With `allow_torn`, a last line without its newline (the write a crash
/// interrupted) is dropped; otherwise it is an error. Any other malformed line is an error.
pub fn read(path: &Path, allow_torn: bool) -> Result<TrialFile, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let complete = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(i) => i + 1,
        None => 0,
    };
    let torn = complete < bytes.len();
    let bad = |what: String| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, what),
        )
    };
    if torn && !allow_torn {
        return Err(bad("the file ends in the middle of a line".into()));
    }
    let text = std::str::from_utf8(&bytes[..complete]).map_err(|_| bad("not UTF-8".into()))?;
    let mut lines = text.lines();
    match lines.next() {
        None => {
            return Ok(TrialFile {
                rows: Vec::new(),
                valid_bytes: 0,
                torn,
            })
        }
        Some(HEADER) => {}
        Some(other) => return Err(bad(format!("unexpected header '{other}'"))),
    }
    let rows = lines
        .enumerate()
        .map(|(i, l)| {
            parse_line(l).ok_or_else(|| bad(format!("line {} is malformed: '{l}'", i + 2)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(TrialFile {
        rows,
        valid_bytes: complete as u64,
        torn,
    })
}
