//! `manifest.json`: what produced the files beside it, so a figure can be traced back to a run.

use super::atomic::write_atomic;
use crate::error::Error;
use serde::Serialize;
use std::path::Path;

/// Wall time of one cell (ensemble x scale x width) of a run.
#[derive(Clone, Debug, Serialize)]
pub struct CellTiming {
    pub ensemble: String,
    pub scale: String,
    pub method: String,
    pub n: usize,
    pub trials: usize,
    pub seconds: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Host {
    pub hostname: Option<String>,
    pub os: &'static str,
    pub arch: &'static str,
    pub logical_cpus: usize,
    pub cpu_model: Option<String>,
    pub memory_available_bytes: Option<u64>,
}

impl Host {
    pub fn detect() -> Host {
        let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .or_else(|_| std::fs::read_to_string("/etc/hostname"))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let cpu_model = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        });
        Host {
            hostname,
            os: std::env::consts::OS,
            arch: std::env::consts::ARCH,
            logical_cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu_model,
            memory_available_bytes: crate::resources::available_memory_bytes(),
        }
    }
}

/// The manifest of one output folder. `complete` is false while a run is still going (or was
/// interrupted): the CSVs then hold only the cells listed in `cells`.
#[derive(Clone, Debug, Serialize)]
pub struct Manifest {
    pub tool: &'static str,
    pub version: &'static str,
    pub git_commit: Option<&'static str>,
    pub command_line: Vec<String>,
    pub subcommand: &'static str,
    pub seed: Option<u64>,
    pub threads: usize,
    /// The resolved options, as the run understood them.
    pub options: serde_json::Value,
    pub started_unix_seconds: f64,
    pub wall_seconds: f64,
    pub complete: bool,
    pub cells: Vec<CellTiming>,
    pub files: Vec<String>,
    /// The shard folders a `merge` joined; empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
    pub host: Host,
}

impl Manifest {
    pub fn new(
        subcommand: &'static str,
        seed: Option<u64>,
        threads: usize,
        options: serde_json::Value,
    ) -> Self {
        Manifest {
            tool: "mc-gumbel",
            version: env!("CARGO_PKG_VERSION"),
            git_commit: option_env!("MC_GUMBEL_GIT_COMMIT").filter(|c| !c.is_empty()),
            command_line: std::env::args().collect(),
            subcommand,
            seed,
            threads,
            options,
            started_unix_seconds: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64()),
            wall_seconds: 0.0,
            complete: false,
            cells: Vec::new(),
            files: Vec::new(),
            merged_from: Vec::new(),
            host: Host::detect(),
        }
    }

    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other);
        let json = json.map_err(|e| Error::io(dir.join("manifest.json"), e))?;
        write_atomic(&dir.join("manifest.json"), |out| {
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")
        })
    }
}
