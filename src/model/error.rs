//! The one error a parameter's constructor returns: which parameter, and what is wrong with it.
//! Parameters are named for what they are, never for how an interface spells them: the command
//! line maps a [`Param`] to its flag (`--widths`), Python to its argument (`n`).

use std::fmt;

/// A parameter of some job, as the domain knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Widths,
    Ensemble,
    Scale,
    Method,
    Precision,
    Trials,
    Targets,
    Seed,
    Threads,
    Shard,
    Ring,
    Steps,
    Batch,
    Points,
    ExplodeFactor,
    Recurrence,
    Bins,
    RMax,
    CdfPoints,
    /// The output folder.
    Out,
    /// Continuing an interrupted run in the output folder.
    Resume,
    /// The folders of a sharded run that `merge` joins.
    Shards,
    /// An experiment file and its steps.
    Experiment,
}

impl Param {
    /// The parameter's own name, in snake case (what Python calls it, where nothing more
    /// specific applies).
    pub fn name(&self) -> &'static str {
        match self {
            Param::Widths => "widths",
            Param::Ensemble => "ensemble",
            Param::Scale => "scale",
            Param::Method => "method",
            Param::Precision => "precision",
            Param::Trials => "trials",
            Param::Targets => "targets",
            Param::Seed => "seed",
            Param::Threads => "threads",
            Param::Shard => "shard",
            Param::Ring => "ring",
            Param::Steps => "steps",
            Param::Batch => "batch",
            Param::Points => "points",
            Param::ExplodeFactor => "explode_factor",
            Param::Recurrence => "recurrence",
            Param::Bins => "bins",
            Param::RMax => "r_max",
            Param::CdfPoints => "cdf_points",
            Param::Out => "out",
            Param::Resume => "resume",
            Param::Shards => "shards",
            Param::Experiment => "experiment",
        }
    }
}

/// A value that no job can run with, said before anything is written.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct ConfigError {
    pub param: Param,
    pub message: String,
}

impl ConfigError {
    pub fn new(param: Param, message: impl Into<String>) -> Self {
        ConfigError {
            param,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.param.name(), self.message)
    }
}
