//! The main job: spectral radii of every ensemble x scale x width, with fits against theory,
//! written as tidy CSV files and a manifest. Trials run in chunks whose rows are appended and
//! synced in trial order, so a run killed at any moment resumes (`--resume`) to the same bytes,
//! and a run split by `--shard` merges (`mc-gumbel merge`) to the same bytes.

use crate::ensemble::{Ensemble, Scale};
use crate::error::Error;
use crate::output::write_table;
use crate::plan::Grid;
use crate::progress::Progress;
use crate::record_job::{self, LineKey, RecordJob, RunOptions};
use crate::sampler::{self, Cell, Method};
use crate::spectrum::RadiusRecord;
use crate::summary::{self, ConvergenceRow, RescalingRow, SummaryRow};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Files the radius job writes, in the order a reader wants them.
pub const FILES: [&str; 5] = [
    "radius_trials.csv",
    "radius_summary.csv",
    "convergence.csv",
    "rescaling.csv",
    "manifest.json",
];

/// The radius job's options, resolved and validated.
#[derive(Clone, Debug)]
pub struct RadiusOptions {
    pub grid: Grid,
    pub method: Method,
    pub targets: Vec<f64>,
    /// Trials, seed, shard, threads, folder.
    pub run: RunOptions,
}

impl RadiusOptions {
    /// Everything that determines the output bytes (not threads, not the folder), as the manifest
    /// records it; `--resume` and `merge` compare it.
    pub fn to_json(&self) -> serde_json::Value {
        record_job::options_json(
            &self.grid,
            serde_json::json!({
                "method": self.method.name(),
                "targets": self.targets,
            }),
            &self.run,
        )
    }

    /// Rebuilds options from a manifest's `options` (for `merge`); `None` if they do not parse.
    pub fn from_json(v: &serde_json::Value, run: RunOptions) -> Option<Self> {
        Some(RadiusOptions {
            grid: Grid::from_json(v)?,
            method: Method::parse(v["method"].as_str()?)?,
            targets: v["targets"]
                .as_array()?
                .iter()
                .map(|x| x.as_f64())
                .collect::<Option<_>>()?,
            run,
        })
    }
}

/// Every cell of the run, in output order, or the first reason the plan cannot run.
pub fn plan(opts: &RadiusOptions) -> Result<Vec<Cell>, Error> {
    if let Some(e) = opts
        .grid
        .ensembles
        .iter()
        .find(|&&e| !opts.method.supports(e))
    {
        return Err(Error::usage(
            "--method",
            format!(
                "method '{}' cannot sample {}; {} (use --method dense)",
                opts.method.name(),
                e.name(),
                match opts.method {
                    Method::Kostlan => "it is exact for complex-ginibre only",
                    _ => "the Hessenberg model holds for complex- and real-ginibre only",
                }
            ),
        ));
    }
    let cells = opts.grid.cells(opts.method)?;
    crate::plan::check_memory(
        &cells,
        opts.run.threads.min(opts.run.trials),
        crate::plan::dense_bytes,
    )?;
    Ok(cells)
}

/// Everything a finished cell contributes to the tables.
pub struct RadiusCellRows {
    pub cell: Cell,
    pub summary: SummaryRow,
    /// Sorted radii of a glorot-scale cell: the Monte Carlo columns of `rescaling.csv` read
    /// `P(rho(sW) > 1) = P(rho(W) > 1/s)` off them.
    glorot: Option<Vec<f64>>,
}

/// The radius job as a [`RecordJob`]: its per-trial records are the rows of `radius_trials.csv`.
struct Job<'a>(&'a RadiusOptions);

impl RecordJob for Job<'_> {
    type Record = RadiusRecord;
    type CellRows = RadiusCellRows;
    const SUBCOMMAND: &'static str = "radius";
    const FILES: &'static [&'static str] = &FILES;
    const RAW: &'static str = FILES[0];
    const RAW_HEADER: &'static str = "ensemble,scale,scale_factor,method,n,trial,rho,n_outside";

    fn run_options(&self) -> &RunOptions {
        &self.0.run
    }

    fn options_json(&self) -> serde_json::Value {
        self.0.to_json()
    }

    fn cells(&self) -> Result<Vec<Cell>, Error> {
        plan(self.0)
    }

    fn sample(
        &self,
        cell: &Cell,
        trials: Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<RadiusRecord>, Error> {
        sampler::sample_cell(cell, self.0.run.seed, trials, tick)
    }

    fn write_key(&self, cell: &Cell, trial: u64, line: &mut String) {
        let _ = write!(
            line,
            "{},{},{:?},{},{},{trial},",
            cell.ensemble.name(),
            cell.scale.label(),
            cell.factor,
            cell.method.name(),
            cell.n
        );
    }

    fn split_key<'a>(&self, line: &'a str) -> Option<LineKey<'a>> {
        let mut f = line.splitn(7, ',');
        let (ensemble, scale) = (f.next()?, f.next()?);
        let (_factor, _method) = (f.next()?, f.next()?);
        Some(LineKey {
            ensemble,
            scale,
            n: f.next()?,
            trial: f.next()?,
            rest: f.next()?,
        })
    }

    fn write_record(&self, r: &RadiusRecord, line: &mut String) {
        let _ = write!(line, "{:?},{}", r.rho, r.n_outside);
    }

    fn parse_record(&self, _cell: &Cell, fields: &str) -> Option<RadiusRecord> {
        let (rho, n_outside) = fields.split_once(',')?;
        Some(RadiusRecord {
            rho: rho.parse().ok()?,
            n_outside: n_outside.parse().ok()?,
        })
    }

    fn cell_rows(
        &self,
        cell: &Cell,
        _first: u64,
        records: &[RadiusRecord],
        seconds: f64,
    ) -> RadiusCellRows {
        let sorted = summary::sorted_radii(records);
        RadiusCellRows {
            cell: *cell,
            summary: summary::summary_row(cell, &sorted, seconds),
            glorot: (cell.scale == Scale::Glorot).then_some(sorted),
        }
    }

    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &RadiusCellRows) -> String {
        format!(
            "{label}: {trials} trials in {seconds:.2} s, mean rho {:.6}, P(rho > 1) = {:.4}",
            rows.summary.mean, rows.summary.p_exceed_1
        )
    }

    /// Summary and convergence rows per finished cell; rescaling rows per ensemble and width
    /// reached, grouped by ensemble, then width.
    fn write_tables(&self, out: &Path, done: &[RadiusCellRows]) -> Result<(), Error> {
        let summaries: Vec<&SummaryRow> = done.iter().map(|d| &d.summary).collect();
        write_table(&out.join(FILES[1]), &summaries)?;
        let convergence: Vec<ConvergenceRow> = summaries
            .iter()
            .map(|s| summary::convergence_row(s))
            .collect();
        write_table(&out.join(FILES[2]), &convergence)?;
        let candidates = summary::candidates(&self.0.targets);
        let mut reached: Vec<(Ensemble, usize)> = Vec::new();
        for d in done {
            if !reached.contains(&(d.cell.ensemble, d.cell.n)) {
                reached.push((d.cell.ensemble, d.cell.n));
            }
        }
        let order = |e: Ensemble| done.iter().position(|d| d.cell.ensemble == e);
        reached.sort_by_key(|&(e, n)| (order(e), n));
        let rescaling: Vec<RescalingRow> = reached
            .iter()
            .flat_map(|&(e, n)| {
                let mc = done
                    .iter()
                    .find(|d| d.cell.ensemble == e && d.cell.n == n && d.glorot.is_some())
                    .and_then(|d| d.glorot.as_deref());
                summary::rescaling_rows(e, n, &candidates, mc)
            })
            .collect();
        write_table(&out.join(FILES[3]), &rescaling)
    }
}

/// Runs the whole job (see [`record_job::run`]): this shard's trials of every cell, appended to
/// `radius_trials.csv` and synced chunk by chunk, resumable after a crash, with the summary tables
/// and the manifest rewritten after every cell. Returns the summary rows (none if `--resume`
/// found the run complete).
pub fn run(opts: &RadiusOptions, progress: Progress) -> Result<Vec<SummaryRow>, Error> {
    let done = record_job::run(&Job(opts), progress)?;
    Ok(done.into_iter().map(|d| d.summary).collect())
}

/// `mc-gumbel merge` of radius shards (checked by [`crate::merge::check`]): the trial rows and
/// everything computed from them, byte for byte as the unsharded run writes them; `seconds` and
/// the manifest's timings are sums over the shards.
pub fn merge(dirs: &[PathBuf], out: &Path, force: bool, threads: usize) -> Result<(), Error> {
    let set = crate::merge::check(dirs, "radius")?;
    let opts = RunOptions::merged(set.options(), out, threads, force)
        .and_then(|run| RadiusOptions::from_json(set.options(), run))
        .ok_or_else(|| crate::merge::unreadable(dirs))?;
    record_job::merge(&Job(&opts), &set, dirs)
}
