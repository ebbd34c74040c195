//! The main job: spectral radii of every ensemble x scale x width, with fits against theory,
//! written as tidy CSV files and a manifest. Trials run in chunks whose rows are appended and
//! synced in trial order, so a run killed at any moment resumes (`--resume`) to the same bytes,
//! and a run split by `--shard` merges (`mc-gumbel merge`) to the same bytes.

use super::radius_tables::{self as tables, ConvergenceRow, RescalingRow, SummaryRow};
use super::record::{check_radius, JobOptions, JobParams, RecordJob, TrialKey};
use super::workers::{check_memory, records_demand};
use crate::error::Error;
use crate::model::ensemble::check_allowed;
use crate::model::{laws, Ensemble, Scale};
use crate::model::{Cell, Method};
use crate::sampling::spectrum::RadiusRecord;
use crate::sampling::trials;
use crate::store::raw::shortest;
use crate::store::write_table;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

/// Files the radius job writes, in the order a reader wants them.
pub const FILES: [&str; 5] = [
    "radius_trials.csv",
    "radius_summary.csv",
    "convergence.csv",
    "rescaling.csv",
    "manifest.json",
];

/// The radius job's own parameters; with the grid and the trials they determine its output bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RadiusSpec {
    pub method: Method,
    pub targets: Vec<f64>,
}

/// Everything that determines the radius job's output bytes, as its manifest records it.
pub type RadiusParams = JobParams<RadiusSpec>;

/// The radius job's options, resolved and validated.
pub type RadiusOptions = JobOptions<RadiusParams>;

/// Every cell of the run, in output order, or the first reason the plan cannot run.
pub fn plan(opts: &RadiusOptions) -> Result<Vec<Cell>, Error> {
    let params = &opts.params;
    check_allowed(&params.grid.ensembles, &Ensemble::RADIUS_NAMES)?;
    params.sampling.shard.slice(params.sampling.trials)?;
    let cells = params
        .grid
        .cells(params.spec.method, params.sampling.precision)?;
    check_memory(
        &cells,
        opts.exec.threads.min(params.sampling.trials),
        |_| vec![records_demand::<RadiusRecord>(params.sampling.trials)],
    )?;
    Ok(cells)
}

/// Everything a finished cell contributes to the tables.
pub struct RadiusCellRows {
    pub cell: Cell,
    pub summary: SummaryRow,
    /// The `rescaling.csv` rows of the cell's ensemble and width, from the one cell of them that
    /// holds them: the glorot-scale cell (whose radii give the Monte Carlo columns, since
    /// `P(rho(sW) > 1) = P(rho(W) > 1/s)`), or the first scale's where glorot is not sampled.
    rescaling: Vec<RescalingRow>,
}

/// One line of `radius_trials.csv`: a sampled matrix's spectral radius and the number of its
/// eigenvalues outside the unit circle, after the key of its cell and trial.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RadiusTrialRow {
    pub ensemble: Cow<'static, str>,
    pub scale: String,
    #[serde(with = "shortest")]
    pub scale_factor: f64,
    pub method: Cow<'static, str>,
    pub precision: Cow<'static, str>,
    pub n: usize,
    pub trial: u64,
    #[serde(with = "shortest")]
    pub rho: f64,
    pub n_outside: usize,
}

/// The radius job as a [`RecordJob`]: its per-trial records are the rows of `radius_trials.csv`.
pub struct RadiusJob(RadiusOptions, Vec<Cell>);

impl RecordJob for RadiusJob {
    type Spec = RadiusSpec;
    type Record = RadiusRecord;
    type CellRows = RadiusCellRows;
    const SUBCOMMAND: &'static str = "radius";
    const FILES: &'static [&'static str] = &FILES;
    const RAW: &'static str = FILES[0];
    type Row = RadiusTrialRow;

    fn new(options: RadiusOptions) -> Result<Self, Error> {
        let cells = plan(&options)?;
        Ok(RadiusJob(options, cells))
    }

    fn options(&self) -> &RadiusOptions {
        &self.0
    }

    fn cells(&self) -> &[Cell] {
        &self.1
    }

    fn sample(
        &self,
        cell: &Cell,
        trials: Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<RadiusRecord>, Error> {
        trials::sample_cell(cell, self.0.params.sampling.seed, trials, tick)
    }

    fn row(&self, cell: &Cell, trial: u64, r: &RadiusRecord) -> RadiusTrialRow {
        let key = TrialKey::of(cell, trial);
        RadiusTrialRow {
            ensemble: key.ensemble,
            scale: key.scale,
            scale_factor: cell.factor,
            method: Cow::Borrowed(cell.method.name()),
            precision: Cow::Borrowed(cell.precision.name()),
            n: key.n,
            trial: key.trial,
            rho: r.rho,
            n_outside: r.n_outside,
        }
    }

    fn record(&self, cell: &Cell, row: RadiusTrialRow) -> Result<(TrialKey, RadiusRecord), String> {
        if row.scale_factor.to_bits() != cell.factor.to_bits() {
            return Err(format!(
                "scale factor {:?} is not this plan's {:?}",
                row.scale_factor, cell.factor
            ));
        }
        if row.method != cell.method.name() || row.precision != cell.precision.name() {
            return Err(format!(
                "sampled by {} in {}, where this plan samples by {} in {}",
                row.method,
                row.precision,
                cell.method.name(),
                cell.precision.name()
            ));
        }
        let key = TrialKey {
            ensemble: row.ensemble,
            scale: row.scale,
            n: row.n,
            trial: row.trial,
        };
        let record = RadiusRecord {
            rho: row.rho,
            n_outside: row.n_outside,
        };
        Ok((key, record))
    }

    fn check_record(&self, cell: &Cell, r: &RadiusRecord) -> Result<(), String> {
        check_radius(r.rho)?;
        let dim = cell.matrix_dim();
        if r.n_outside > dim {
            return Err(format!(
                "{} eigenvalues outside the unit circle of a {dim}x{dim} matrix",
                r.n_outside
            ));
        }
        Ok(())
    }

    fn cell_rows(&self, cell: &Cell, _first: u64, records: &[RadiusRecord]) -> RadiusCellRows {
        let sorted = tables::sorted_radii(records);
        let scales = &self.0.params.grid.scales;
        let glorot = scales.contains(&Scale::Glorot);
        let holder = if glorot {
            cell.scale == Scale::Glorot
        } else {
            scales.first() == Some(&cell.scale)
        };
        // The rescaling factors and the summary's exact-law quantities are independent root
        // searches and quadratures: both at once on the job's pool.
        let (rescaling, summary) = rayon::join(
            || self.rescaling_rows(cell, &sorted, holder, glorot),
            || tables::summary_row(cell, &sorted),
        );
        RadiusCellRows {
            cell: *cell,
            summary,
            rescaling,
        }
    }

    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &RadiusCellRows) -> String {
        format!(
            "{label}: {trials} trials in {seconds:.2} s, mean rho {:.6}, P(rho > 1) = {:.4}",
            rows.summary.mean, rows.summary.p_exceed_1
        )
    }

    /// Summary and convergence rows per finished cell; rescaling rows per ensemble and width
    /// reached.
    fn write_tables(&self, out: &Path, done: &[RadiusCellRows]) -> Result<(), Error> {
        let summaries: Vec<&SummaryRow> = done.iter().map(|d| &d.summary).collect();
        write_table(&out.join(FILES[1]), &summaries)?;
        let convergence: Vec<ConvergenceRow> = summaries
            .iter()
            .map(|s| tables::convergence_row(s))
            .collect();
        write_table(&out.join(FILES[2]), &convergence)?;
        // Grouped by ensemble, then width.
        let mut holders: Vec<&RadiusCellRows> =
            done.iter().filter(|d| !d.rescaling.is_empty()).collect();
        let order = |e: Ensemble| done.iter().position(|d| d.cell.ensemble == e);
        holders.sort_by_key(|d| (order(d.cell.ensemble), d.cell.n));
        let rescaling: Vec<&RescalingRow> = holders.iter().flat_map(|d| &d.rescaling).collect();
        write_table(&out.join(FILES[3]), &rescaling)
    }
}

impl RadiusJob {
    /// The rescaling rows of a cell: only the cell that holds its (ensemble, width) writes them.
    fn rescaling_rows(
        &self,
        cell: &Cell,
        sorted: &[f64],
        holder: bool,
        glorot: bool,
    ) -> Vec<RescalingRow> {
        if !holder {
            return Vec::new();
        }
        let targets = &self.0.params.spec.targets;
        let exact = laws::exact(cell.ensemble, cell.n).ok();
        // Orthogonal radii are all 1: no quantile of them calibrates anything.
        let mc = glorot && cell.ensemble != Ensemble::Orthogonal;
        let transfer = mc && tables::takes_transfer(cell.ensemble, exact.is_some());
        let candidates = tables::candidates(targets, exact.is_some(), mc, transfer);
        let sample = glorot.then_some(sorted);
        let tol = cell.outside_tolerance();
        tables::rescaling_rows(
            cell.ensemble,
            cell.n,
            exact.as_ref(),
            &candidates,
            sample,
            tol,
        )
    }
}
