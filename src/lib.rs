//! mc-gumbel: Monte Carlo and exact laws for the spectral radius of random recurrent matrices.
//!
//! The crate is layered, and dependencies point one way, down this list (a test keeps it so):
//!
//! * [`cli`]: clap definitions and their resolution into plain option structs;
//! * [`app`]: dispatch from a parsed command line to a job;
//! * [`jobs`]: the radius, hidden, density and theory jobs, the one resumable record loop they
//!   share, shard merging, and experiment files;
//! * [`store`]: what reaches the disk (atomic files, the one CSV writer, the manifest, shards);
//! * [`sampling`]: ensembles, eigenvalues, random streams, the radius samplers and the RNN;
//! * [`math`]: the laws (asymptotic and exact), quadrature and statistics, importing nothing
//!   from the crate. The formulas are stated with their sources in `docs/math/`.

pub mod app;
pub mod cli;
pub mod error;
pub mod jobs;
pub mod math;
pub mod sampling;
pub mod store;

pub use error::Error;
