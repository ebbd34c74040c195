//! The domain: every parameter a job takes, as a type or constructor that only yields valid
//! values. Each rule (a width's range, a method's ensembles, a scale's definition and its
//! representable range, an exact law's domain, a memory budget, the fewest trials a statistic
//! needs) is written once, here; the command line, Python, experiments, `--resume` and `merge`
//! all build these types, so every path accepts and refuses the same inputs, with a
//! [`ConfigError`] that names the parameter, never an interface's spelling of it.

pub mod budget;
pub mod counts;
pub mod ensemble;
pub mod error;
pub mod execution;
pub mod grid;
pub mod laws;
pub mod list;
pub mod method;
pub mod precision;
pub mod recurrence;
pub mod ring;
pub mod scale;
pub mod shard;
pub mod widths;

pub use ensemble::Ensemble;
pub use error::{ConfigError, Param};
pub use execution::{Execution, ExperimentOptions};
pub use grid::{Cell, Grid};
pub use method::Method;
pub use precision::Precision;
pub use recurrence::{Recurrence, Recurrences};
pub use ring::Ring;
pub use scale::Scale;
pub use shard::Shard;
