//! The errors a user can meet, each saying what went wrong and what to do, with the exit code
//! it maps to: 2 for bad input (nothing was written), 1 for failures during the run.

use crate::model::error::{ConfigError, Param};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A parameter's value is unusable. Raised before anything is written; the command line
    /// names the parameter's flag, Python its argument.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Reading or writing a file failed (full disk, permissions, a damaged file, ...).
    #[error("could not {action} '{}': {source}", path.display())]
    Io {
        /// "read", "write" or "create".
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Ctrl-C or SIGTERM. A resumable job has saved every finished trial, and the interface
    /// that started it says how to continue (the command line gives the command with
    /// `--resume`); a job that is not resumable wrote no results.
    #[error("{}", if *resumable { "interrupted; every finished trial is saved" } else { "interrupted before any result was written" })]
    Interrupted { resumable: bool },
    /// The eigenvalue iteration failed to converge on a sampled matrix.
    #[error("eigenvalues did not converge for {ensemble} at n = {n}, trial {trial}; please report this with the manifest")]
    NoConvergence {
        ensemble: String,
        n: usize,
        trial: u64,
    },
    /// `run --plot`: python3, a plotting package or a plot script failed.
    #[error("plotting: {0}")]
    Plot(String),
}

impl Error {
    pub fn config(param: Param, message: impl Into<String>) -> Self {
        Error::Config(ConfigError::new(param, message))
    }

    /// Writing `path` failed.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action: "write",
            path: path.into(),
            source,
        }
    }

    /// Reading `path` failed, or it does not hold what it should.
    pub fn read(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action: "read",
            path: path.into(),
            source,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Config(_) => 2,
            Error::Io { .. } | Error::NoConvergence { .. } | Error::Plot(_) => 1,
            Error::Interrupted { .. } => 130,
        }
    }
}
