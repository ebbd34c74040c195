//! `mc-gumbel theory`: the exact finite-width law of complex Ginibre and the asymptotic laws beside
//! it, per width, with no sampling (so widths up to 10^7 take seconds).

use crate::ensemble::Ensemble;
use crate::error::Error;
use crate::output::{self, write_table, Manifest};
use crate::summary::{self, RescalingRow};
use crate::theory::{self, KostlanLaw, Symmetry};
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use std::time::Instant;

pub const FILES: [&str; 3] = ["theory.csv", "rescaling.csv", "manifest.json"];

#[derive(Clone, Debug)]
pub struct TheoryOptions {
    pub widths: Vec<usize>,
    pub targets: Vec<f64>,
    pub threads: usize,
    pub out: PathBuf,
    pub force: bool,
}

/// One row of `theory.csv`.
#[derive(Clone, Debug, Serialize, PartialEq)]
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
    let rider = theory::rider_law(n, Symmetry::Complex);
    let (mean, sd) = exact.mean_sd();
    let paper = theory::paper_factor(n);
    TheoryRow {
        n,
        gamma_n: theory::gamma_n(n),
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
        paper_p_exceed_1_promised: theory::paper_promised_p_exceed_1(Symmetry::Complex),
    }
}

pub fn run(opts: &TheoryOptions, quiet: bool) -> Result<Vec<TheoryRow>, Error> {
    output::check_no_previous(&opts.out, &FILES, opts.force)?;
    output::prepare_dir(&opts.out, "--out")?;
    let started = Instant::now();
    let pool = crate::plan::thread_pool(opts.threads)?;
    let candidates = summary::candidates(&opts.targets);
    let (rows, rescaling): (Vec<TheoryRow>, Vec<Vec<RescalingRow>>) = pool.install(|| {
        opts.widths
            .par_iter()
            .map(|&n| {
                (
                    theory_row(n),
                    summary::rescaling_rows(Ensemble::ComplexGinibre, n, &candidates, None),
                )
            })
            .unzip()
    });
    let rescaling: Vec<RescalingRow> = rescaling.into_iter().flatten().collect();
    write_table(&opts.out.join(FILES[0]), &rows)?;
    write_table(&opts.out.join(FILES[1]), &rescaling)?;
    let mut manifest = Manifest::new(
        "theory",
        None,
        opts.threads,
        serde_json::json!({ "widths": opts.widths, "targets": opts.targets, "out": opts.out }),
    );
    manifest.files = FILES.iter().map(|s| s.to_string()).collect();
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&opts.out)?;
    if !quiet {
        eprintln!(
            "theory: {} widths in {:.2} s -> {}",
            rows.len(),
            manifest.wall_seconds,
            opts.out.display()
        );
    }
    Ok(rows)
}
