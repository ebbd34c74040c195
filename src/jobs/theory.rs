//! `mc-gumbel theory`: the exact finite-width law of complex Ginibre and the asymptotic laws beside
//! it, per width, with no sampling (so widths up to 10^7 take seconds).

use super::grid::thread_pool;
use super::radius_tables::{self as tables, RescalingRow};
use super::record::JobOptions;
use crate::error::Error;
use crate::math::asymptotics::{self, Symmetry};
use crate::math::kostlan::KostlanLaw;
use crate::sampling::ensemble::Ensemble;
use crate::store::{self, write_table, Manifest};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Instant;

pub const FILES: [&str; 3] = ["theory.csv", "rescaling.csv", "manifest.json"];

/// What determines the theory job's output bytes, as its manifest records them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TheoryParams {
    pub widths: Vec<usize>,
    pub targets: Vec<f64>,
}

pub type TheoryOptions = JobOptions<TheoryParams>;

/// One row of `theory.csv`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TheoryRow {
    pub n: usize,
    pub gamma_n: f64,
    pub theory_loc: Option<f64>,
    pub theory_scale: Option<f64>,
    pub exact_mean: f64,
    pub exact_sd: f64,
    pub exact_q05: f64,
    pub exact_median: f64,
    pub exact_q95: f64,
    pub exact_q99: f64,
    pub exact_p_exceed_1: f64,
    pub paper_factor: Option<f64>,
    pub paper_defined: bool,
    /// `P(rho(s_n W) > 1)` under the exact law: what the published rescaling really delivers.
    pub paper_p_exceed_1_exact: Option<f64>,
    /// What it promises asymptotically (the same at every width).
    pub paper_p_exceed_1_promised: f64,
}

pub fn theory_row(n: usize) -> TheoryRow {
    let exact = KostlanLaw::new(n);
    let rider = asymptotics::rider_law(n, Symmetry::Complex);
    let (mean, sd) = exact.mean_sd();
    let paper = asymptotics::paper_factor(n);
    TheoryRow {
        n,
        gamma_n: asymptotics::gamma_n(n),
        theory_loc: rider.map(|l| l.loc),
        theory_scale: rider.map(|l| l.scale),
        exact_mean: mean,
        exact_sd: sd,
        exact_q05: exact.quantile(0.05),
        exact_median: exact.quantile(0.5),
        exact_q95: exact.upper_quantile(0.05),
        exact_q99: exact.upper_quantile(0.01),
        exact_p_exceed_1: exact.sf(1.0),
        paper_factor: paper,
        paper_defined: paper.is_some(),
        paper_p_exceed_1_exact: paper.map(|s| exact.sf(1.0 / s)),
        paper_p_exceed_1_promised: asymptotics::paper_promised_p_exceed_1(Symmetry::Complex),
    }
}

/// Computes every width's row (in parallel) and writes `theory.csv`, `rescaling.csv` and the
/// manifest.
pub fn execute(opts: &TheoryOptions, quiet: bool) -> Result<Vec<TheoryRow>, Error> {
    let (params, exec) = (&opts.params, &opts.exec);
    store::check_no_previous(&exec.out, &FILES, exec.force)?;
    store::prepare_dir(&exec.out, "--out")?;
    let started = Instant::now();
    let pool = thread_pool(exec.threads)?;
    let candidates = tables::candidates(&params.targets);
    let (rows, rescaling): (Vec<TheoryRow>, Vec<Vec<RescalingRow>>) = pool.install(|| {
        params
            .widths
            .par_iter()
            .map(|&n| {
                (
                    theory_row(n),
                    tables::rescaling_rows(Ensemble::ComplexGinibre, n, &candidates, None),
                )
            })
            .unzip()
    });
    let rescaling: Vec<RescalingRow> = rescaling.into_iter().flatten().collect();
    write_table(&exec.out.join(FILES[0]), &rows)?;
    write_table(&exec.out.join(FILES[1]), &rescaling)?;
    let mut manifest = Manifest::new("theory", None, exec.threads, params.clone(), &FILES);
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&exec.out)?;
    if !quiet {
        eprintln!(
            "theory: {} widths in {:.2} s -> {}",
            rows.len(),
            manifest.wall_seconds,
            exec.out.display()
        );
    }
    Ok(rows)
}
