//! The jobs: what each subcommand computes from sampled trials or exact laws, and the machinery
//! they share — the resumable record loop with shards and merge, the workers and their memory,
//! progress and interruption.

pub mod density;
pub mod explosion;
pub mod hidden;
pub mod interrupt;
pub mod merge;
pub mod nonnormality;
pub mod progress;
pub mod radius;
pub mod radius_tables;
pub mod record;
pub mod theory;
pub mod workers;

use crate::store::table::columns;

/// Every CSV file the jobs write that a reader may load, with its columns in order, read off the
/// row types (`radius_trials.csv` is the radius job's raw file, whose rows are its records).
pub fn csv_columns() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (
            radius::FILES[0],
            columns::<radius::RadiusTrialRow>().to_vec(),
        ),
        (
            radius::FILES[1],
            columns::<radius_tables::SummaryRow>().to_vec(),
        ),
        (
            radius::FILES[2],
            columns::<radius_tables::ConvergenceRow>().to_vec(),
        ),
        (
            radius::FILES[3],
            columns::<radius_tables::RescalingRow>().to_vec(),
        ),
        (theory::FILES[0], columns::<theory::TheoryRow>().to_vec()),
        (theory::FILES[2], columns::<theory::CdfRow>().to_vec()),
        (hidden::FILES[0], columns::<hidden::NormRow>().to_vec()),
        (
            hidden::FILES[1],
            columns::<hidden::HiddenTrialRow>().to_vec(),
        ),
        (
            hidden::FILES[2],
            columns::<explosion::ExplosionRow>().to_vec(),
        ),
        (
            hidden::FILES[3],
            columns::<nonnormality::NonNormalityRow>().to_vec(),
        ),
        (density::FILES[0], columns::<density::DensityRow>().to_vec()),
        (
            density::FILES[1],
            columns::<density::DensitySummaryRow>().to_vec(),
        ),
    ]
}
