//! Where and how a job, or an experiment of jobs, executes.

use std::path::PathBuf;

/// Where and how a job executes; none of it changes a byte of the results, so none of it is
/// compared on `--resume` or `merge`.
#[derive(Clone, Debug, PartialEq)]
pub struct Execution {
    pub threads: usize,
    pub out: PathBuf,
    pub force: bool,
    pub resume: bool,
    /// The invocation, as the manifest records it (empty where there is none, as in Python).
    pub command_line: Vec<String>,
}

/// The options of `mc-gumbel run`, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentOptions {
    pub file: PathBuf,
    /// Each step's `quick` arguments replace its own.
    pub quick: bool,
    /// Render the experiment's figures after its steps.
    pub plot: bool,
    /// Output folder; `None`: `results/<name>`.
    pub out: Option<PathBuf>,
    pub force: bool,
    /// Continue the experiment interrupted in `out`.
    pub resume: bool,
    pub quiet: bool,
}
