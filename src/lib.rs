//! mc-gumbel: Monte Carlo and exact laws for the spectral radius of random recurrent matrices.
//!
//! The binary is a thin layer over this library: [`cli`] parses arguments into plain option
//! structs, the jobs ([`radius`]) sample with [`sampler`] and summarise with [`summary`], and
//! [`output`] writes every file atomically. The mathematics lives in [`theory`] (closed forms and
//! Kostlan's exact law) and [`stats`] (Gumbel fit, KS, Wilson).

pub mod app;
pub mod cli;
pub mod density;
pub mod ensemble;
pub mod error;
pub mod experiment;
pub mod hidden;
pub mod interrupt;
pub mod merge;
pub mod output;
pub mod plan;
pub mod progress;
pub mod radius;
pub mod record_job;
pub mod resources;
pub mod rng;
pub mod sampler;
pub mod shard;
pub mod spectrum;
pub mod stats;
pub mod summary;
pub mod theory;
pub mod theory_table;

pub use error::Error;
