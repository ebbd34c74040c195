//! The errors a user can meet, each saying what went wrong and what to do, with the exit code
//! it maps to: 2 for bad input (nothing was written), 1 for failures during the run.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A flag's value is unusable. Raised before anything is written.
    #[error("{flag}: {message}")]
    Usage { flag: &'static str, message: String },
    /// Reading or writing a file failed (full disk, permissions, a damaged file, ...).
    #[error("could not {action} '{}': {source}", path.display())]
    Io {
        /// "read", "write" or "create".
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Ctrl-C or SIGTERM: finished trials are saved; the command to continue is given.
    #[error("interrupted; every finished trial is saved. Continue with:\n  {resume}")]
    Interrupted { resume: String },
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
    pub fn usage(flag: &'static str, message: impl Into<String>) -> Self {
        Error::Usage {
            flag,
            message: message.into(),
        }
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
            Error::Usage { .. } => 2,
            Error::Io { .. } | Error::NoConvergence { .. } | Error::Plot(_) => 1,
            Error::Interrupted { .. } => 130,
        }
    }
}
