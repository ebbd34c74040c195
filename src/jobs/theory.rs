//! `mc-gumbel theory`: the exact finite-width laws of complex and real Ginibre and the asymptotic
//! laws beside them, per ensemble and width, with no sampling (docs/math/kostlan.md,
//! docs/math/real_ginibre.md, docs/math/asymptotics.md). Complex widths up to 10^7 take seconds;
//! the real law costs far more per width and is evaluated up to [`laws::REAL_EXACT_MAX_N`].

use super::interrupt;
use super::radius_tables::{self as tables, RescalingRow};
use super::record::JobOptions;
use super::workers::thread_pool;
use crate::error::Error;
use crate::math::asymptotics;
use crate::math::exact_law::ExactLaw;
use crate::model::counts;
use crate::model::ensemble::check_allowed;
use crate::model::{laws, ConfigError, Ensemble, Param};
use crate::store::lock::FolderLock;
use crate::store::{self, write_table, Manifest};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Instant;

pub const FILES: [&str; 4] = [
    "theory.csv",
    "rescaling.csv",
    "theory_cdf.csv",
    "manifest.json",
];

/// What determines the theory job's output bytes, as its manifest records them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TheoryParams {
    pub ensembles: Vec<Ensemble>,
    pub widths: Vec<usize>,
    pub targets: Vec<f64>,
    /// Points per ensemble and width of `theory_cdf.csv` (0: the file is not written).
    pub cdf_points: usize,
}

/// The most points `cdf_points` takes: the file stays below about 100 MB per curve, and no
/// figure resolves more.
pub const MAX_CDF_POINTS: usize = 1_000_000;

/// The ensembles `theory` takes: those whose exact laws are known in closed form.
pub const ENSEMBLES: [&str; 3] = Ensemble::GINIBRE_NAMES;

impl TheoryParams {
    /// The parameters, or the first rule a value breaks.
    pub fn new(
        ensembles: Vec<Ensemble>,
        widths: Vec<usize>,
        targets: Vec<f64>,
        cdf_points: usize,
    ) -> Result<Self, ConfigError> {
        check_allowed(&ensembles, &ENSEMBLES)?;
        Ok(TheoryParams {
            ensembles,
            widths,
            targets,
            cdf_points: counts::at_most(
                Param::CdfPoints,
                cdf_points,
                MAX_CDF_POINTS,
                "points per curve",
            )?,
        })
    }
}

/// The exact law the theory job evaluates for `ensemble` at width `n`, if any (above
/// [`laws::REAL_EXACT_MAX_N`] the exact columns of real rows are empty, the asymptotic ones
/// still filled).
fn exact_law(ensemble: Ensemble, n: usize) -> Option<ExactLaw> {
    laws::exact(ensemble, n).ok()
}

pub type TheoryOptions = JobOptions<TheoryParams>;

/// One row of `theory.csv`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TheoryRow {
    pub ensemble: String,
    pub n: usize,
    pub gamma_n: f64,
    pub theory_loc: Option<f64>,
    pub theory_scale: Option<f64>,
    pub exact_mean: Option<f64>,
    pub exact_sd: Option<f64>,
    pub exact_q05: Option<f64>,
    pub exact_median: Option<f64>,
    pub exact_q95: Option<f64>,
    pub exact_q99: Option<f64>,
    pub exact_p_exceed_1: Option<f64>,
    pub paper_factor: Option<f64>,
    pub paper_defined: bool,
    /// `P(rho(s_n W) > 1)` under the exact law: what the published rescaling really delivers.
    pub paper_p_exceed_1_exact: Option<f64>,
    /// What it promises asymptotically under the ensemble's limit law (the same at every width).
    pub paper_p_exceed_1_promised: f64,
}

/// The row of `ensemble` (complex or real Ginibre) at width `n`.
pub fn theory_row(ensemble: Ensemble, n: usize) -> TheoryRow {
    let (symmetry, _) = ensemble
        .iid_theory()
        .expect("the theory job takes the Gaussian ensembles");
    let exact = exact_law(ensemble, n);
    let rider = asymptotics::rider_law(n, symmetry);
    let paper = asymptotics::paper_factor(n);
    // The law's quantities are independent quadratures and root searches: all of them at once
    // on the current pool, each giving the bits it gives alone.
    let (moments, quantiles) = rayon::join(
        || exact.as_ref().map(|e| e.mean_sd()),
        || {
            exact.as_ref().map(|e| {
                let jobs: [&(dyn Fn() -> f64 + Sync); 6] = [
                    &|| e.quantile(0.05),
                    &|| e.quantile(0.5),
                    &|| e.isf(0.05),
                    &|| e.isf(0.01),
                    &|| e.sf(1.0),
                    &|| paper.map_or(f64::NAN, |s| e.sf(1.0 / s)),
                ];
                jobs.par_iter().map(|job| job()).collect::<Vec<f64>>()
            })
        },
    );
    let at = |i: usize| quantiles.as_ref().map(|q| q[i]);
    TheoryRow {
        ensemble: ensemble.name().into(),
        n,
        gamma_n: asymptotics::gamma_n(n),
        theory_loc: rider.map(|l| l.loc),
        theory_scale: rider.map(|l| l.scale),
        exact_mean: moments.map(|m| m.0),
        exact_sd: moments.map(|m| m.1),
        exact_q05: at(0),
        exact_median: at(1),
        exact_q95: at(2),
        exact_q99: at(3),
        exact_p_exceed_1: at(4),
        paper_factor: paper,
        paper_defined: paper.is_some(),
        paper_p_exceed_1_exact: paper.and(at(5)),
        paper_p_exceed_1_promised: asymptotics::paper_promised_p_exceed_1(symmetry),
    }
}

/// `theory_cdf.csv`: the exact law on a grid of radii, for figures and for readers who want the
/// curve rather than its summaries.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CdfRow {
    pub ensemble: String,
    pub n: usize,
    pub r: f64,
    pub cdf: f64,
    pub sf: f64,
}

/// `points` radii evenly spaced between the `1e-6` and `1 - 1e-6` quantiles of `law`.
fn cdf_rows(ensemble: Ensemble, n: usize, law: &ExactLaw, points: usize) -> Vec<CdfRow> {
    let (lo, hi) = rayon::join(|| law.quantile(1e-6), || law.isf(1e-6));
    (0..points)
        .into_par_iter()
        .map(|i| {
            let r = lo + (hi - lo) * i as f64 / (points.max(2) - 1) as f64;
            CdfRow {
                ensemble: ensemble.name().into(),
                n,
                r,
                cdf: law.cdf(r),
                sf: law.sf(r),
            }
        })
        .collect()
}

/// What the theory job computes: the rows of `theory.csv`, `rescaling.csv` and
/// `theory_cdf.csv` for every ensemble and width of `params`, in output order. Widths run in
/// parallel on the current rayon pool.
pub type TheoryTables = (Vec<TheoryRow>, Vec<RescalingRow>, Vec<CdfRow>);

/// Every table of `params`, computed without writing anything.
pub fn compute(params: &TheoryParams) -> TheoryTables {
    let cells: Vec<(Ensemble, usize)> = params
        .ensembles
        .iter()
        .flat_map(|&e| params.widths.iter().map(move |&n| (e, n)))
        .collect();
    // Widest first, so that the costly real-Ginibre widths start early and finish together.
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cells[i].1));
    type Computed = (usize, TheoryRow, Vec<RescalingRow>, Vec<CdfRow>);
    let mut computed: Vec<Computed> = order
        .par_iter()
        .map(|&i| {
            let (e, n) = cells[i];
            let exact = exact_law(e, n);
            let candidates = tables::candidates(&params.targets, exact.is_some(), false, false);
            let rescaling = tables::rescaling_rows(e, n, exact.as_ref(), &candidates, None, 0.0);
            let cdf = match (&exact, params.cdf_points) {
                (Some(law), k) if k > 0 => cdf_rows(e, n, law, k),
                _ => Vec::new(),
            };
            (i, theory_row(e, n), rescaling, cdf)
        })
        .collect();
    computed.sort_by_key(|c| c.0);
    let mut tables: TheoryTables = Default::default();
    for (_, row, rescaling, cdf) in computed {
        tables.0.push(row);
        tables.1.extend(rescaling);
        tables.2.extend(cdf);
    }
    tables
}

/// Every table of `params`, computed in groups of at most `group` widths of one ensemble by
/// `run` (which computes one group's tables, e.g. on a thread pool), with `between()` called after
/// each group: where a caller stops on a signal. The groups' rows, concatenated, are the rows of
/// [`compute`] on the whole.
pub fn compute_in_groups<E>(
    params: &TheoryParams,
    group: usize,
    mut run: impl FnMut(&TheoryParams) -> Result<TheoryTables, E>,
    mut between: impl FnMut() -> Result<(), E>,
) -> Result<TheoryTables, E> {
    let mut tables: TheoryTables = Default::default();
    for &ensemble in &params.ensembles {
        for widths in params.widths.chunks(group.max(1)) {
            let part = TheoryParams {
                ensembles: vec![ensemble],
                widths: widths.to_vec(),
                ..params.clone()
            };
            let (rows, rescaling, cdf) = run(&part)?;
            tables.0.extend(rows);
            tables.1.extend(rescaling);
            tables.2.extend(cdf);
            between()?;
        }
    }
    Ok(tables)
}

/// Computes every width's row (in parallel) and writes `theory.csv`, `rescaling.csv` (and
/// `theory_cdf.csv`), by the protocol of every job: the folder locked, old files cleared with
/// `--force`, a manifest that says `complete: false` from the start, each table written
/// atomically, and Ctrl-C answered between groups of widths (nothing but that manifest is
/// written then).
pub fn execute(opts: &TheoryOptions, quiet: bool) -> Result<Vec<TheoryRow>, Error> {
    let (params, exec) = (&opts.params, &opts.exec);
    store::check_no_previous(&exec.out, &FILES, exec.force)?;
    store::prepare_dir(&exec.out, Param::Out)?;
    let _lock = FolderLock::acquire(&exec.out)?;
    store::clear_previous(&exec.out, &FILES)?;
    let started = Instant::now();
    let written: Vec<&str> = if params.cdf_points > 0 {
        FILES.to_vec()
    } else {
        vec![FILES[0], FILES[1], FILES[3]]
    };
    let mut manifest = Manifest::new("theory", None, exec, params.clone(), &written);
    manifest.write(&exec.out)?;
    let pool = thread_pool(exec.threads)?;
    interrupt::install();
    let (rows, rescaling, cdf) = compute_in_groups(
        params,
        exec.threads,
        |part| Ok(pool.install(|| compute(part))),
        || {
            if interrupt::requested() {
                Err(Error::Interrupted { resumable: false })
            } else {
                Ok(())
            }
        },
    )?;
    write_table(&exec.out.join(FILES[0]), &rows)?;
    write_table(&exec.out.join(FILES[1]), &rescaling)?;
    if params.cdf_points > 0 {
        write_table(&exec.out.join(FILES[2]), &cdf)?;
    }
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
