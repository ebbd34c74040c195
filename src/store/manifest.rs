//! `manifest.json`: what produced the files beside it, so a figure can be traced back to a run.
//! It is written from, and read back into, the same typed struct: `--resume` and `merge` compare
//! a job's parameters as values, never as loose JSON.

use super::atomic::write_atomic;
use super::host::Host;
use crate::error::Error;
use crate::model::{Execution, Param};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const FILE: &str = "manifest.json";

/// Wall time of one cell (ensemble x scale x width) of a run. Timings live here and nowhere
/// else: the CSV files hold only what the seed determines.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CellTiming {
    pub ensemble: String,
    pub scale: String,
    pub method: String,
    pub n: usize,
    pub trials: usize,
    pub seconds: f64,
}

/// The manifest of one output folder, with the job's parameters `P` (everything that determines
/// the output bytes) under `options`. `complete` is false while a run is still going (or was
/// interrupted): the CSVs then hold only the cells listed in `cells`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest<P> {
    pub tool: String,
    pub version: String,
    pub git_commit: Option<String>,
    pub command_line: Vec<String>,
    pub subcommand: String,
    pub seed: Option<u64>,
    pub threads: usize,
    pub options: P,
    pub started_unix_seconds: f64,
    pub wall_seconds: f64,
    pub complete: bool,
    pub cells: Vec<CellTiming>,
    pub files: Vec<String>,
    /// The shard folders a `merge` joined; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
    pub host: Host,
}

/// What any manifest says about the job that wrote it, whatever that job's parameters: enough to
/// choose the job that reads the rest.
#[derive(Clone, Debug, Deserialize)]
pub struct ManifestHead {
    pub subcommand: String,
    pub version: String,
    pub complete: bool,
}

impl<P: Serialize> Manifest<P> {
    pub fn new(
        subcommand: &str,
        seed: Option<u64>,
        exec: &Execution,
        options: P,
        files: &[&str],
    ) -> Self {
        Manifest {
            tool: "mc-gumbel".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            git_commit: option_env!("MC_GUMBEL_GIT_COMMIT")
                .filter(|c| !c.is_empty())
                .map(String::from),
            command_line: exec.command_line.clone(),
            subcommand: subcommand.into(),
            seed,
            threads: exec.threads,
            options,
            started_unix_seconds: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64()),
            wall_seconds: 0.0,
            complete: false,
            cells: Vec::new(),
            files: files.iter().map(|f| f.to_string()).collect(),
            merged_from: Vec::new(),
            host: Host::detect(),
        }
    }

    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let path = dir.join(FILE);
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other);
        let json = json.map_err(|e| Error::write(&path, e))?;
        write_atomic(&path, |out| {
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")
        })
    }
}

impl<P> Manifest<P> {
    /// Seconds recorded for the cell `(ensemble, scale, n)`, or 0 if it has none (unfinished).
    pub fn cell_seconds(&self, ensemble: &str, scale: &str, n: usize) -> f64 {
        self.cells
            .iter()
            .find(|t| t.ensemble == ensemble && t.scale == scale && t.n == n)
            .map_or(0.0, |t| t.seconds)
    }
}

/// Reads the manifest of `dir` as `T` ([`Manifest`] of a job's parameters, or [`ManifestHead`]);
/// a missing or unreadable one is a usage error naming `param`.
pub fn read<T: DeserializeOwned>(dir: &Path, param: Param) -> Result<T, Error> {
    let path = dir.join(FILE);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Error::config(param, format!("cannot read '{}': {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::config(
            param,
            format!(
                "'{}' is not a manifest of this job and version: {e}",
                path.display()
            ),
        )
    })
}
