//! mc-gumbel: Monte Carlo and exact laws for the spectral radius of random recurrent matrices.
//!
//! The crate is layered, and dependencies point one way, down this list (a test keeps it so):
//!
//! * [`app`]: dispatch from a parsed command line to a job, and the experiment runner, which
//!   turns an experiment file's steps into command lines;
//! * [`cli`]: clap definitions, which map each flag to the domain type that owns its rule, and
//!   the flag of every domain parameter; nothing below names a flag;
//! * [`jobs`]: the radius, hidden, density and theory jobs, the one resumable record loop they
//!   share, shard merging;
//! * [`store`]: what reaches the disk (atomic files, the one CSV writer, typed per-trial
//!   records read back checked, the manifest, the folder lock);
//! * [`sampling`]: drawing matrices, eigenvalues, random streams, the radius samplers and the
//!   RNN;
//! * [`model`] (with [`error`]): the domain vocabulary, each rule written once (ensembles,
//!   scales, methods, precisions, widths, grids and cells, shards, rings, memory budgets, and
//!   which exact law holds where);
//! * [`math`]: the laws (asymptotic and exact), root finding, quadrature and statistics,
//!   importing nothing from the crate. The formulas are stated with their sources in
//!   `docs/math/`.

pub mod app;
pub mod cli;
pub mod error;
pub mod jobs;
pub mod math;
pub mod model;
pub mod sampling;
pub mod store;

pub use error::Error;
