//! The `hidden` job: hidden-state norms of the linear RNN `h_t = W h_{t-1} + x_t` (DESIGN.md
//! section 2, "Linear RNN") under each ensemble, scale and width, beside each `W`'s spectral radius.
//!
//! A trial draws one `W` from its own stream, computes its eigenvalues, then pushes `batch`
//! independent input sequences through it at once, so every step is one matrix-matrix product
//! `H <- W H + X` (faer `matmul`, sequential inside a trial; rayon runs trials in parallel).

use crate::error::Error;
use crate::output::write_table;
use crate::plan;
use crate::plan::Grid;
use crate::progress::Progress;
use crate::record_job::{self, RecordJob, RunOptions};
use crate::rng::TrialRng;
use crate::sampler::{for_each_trial, Cell, Method};
use crate::spectrum::{DenseWorkspace, Eigen, RadiusRecord};
use crate::stats::{self, Z95};
use faer::{c64, Accum, Mat, MatRef, Par};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Files the hidden job writes.
///
/// `hidden_raw.csv` holds one line per trial, in trial order, with everything the two tables are
/// computed from: `ensemble,scale,n,trial,rho,explode_time` as in `hidden_trials.csv`, then
/// `first_pass`, each sequence's first step above the explosion threshold (space-separated, `-`
/// for never), and `norms`, `||h_t||^2 / n` of every sequence at every record time of
/// `hidden_norms.csv` (space-separated, time-major: all sequences at the first time, then at the
/// next). `--resume` continues from it and `merge` joins the shards' raw files.
pub const FILES: [&str; 4] = [
    "hidden_norms.csv",
    "hidden_trials.csv",
    "hidden_raw.csv",
    "manifest.json",
];

/// A squared norm above this is an overflow in the making (the next few steps would reach
/// `f64::MAX`): the sequence is recorded as exploded, `+inf` from then on, and stops.
pub const OVERFLOW: f64 = 1e300;

/// Every `t` up to this is recorded; beyond it the record times are log-spaced.
pub const DENSE_TIMES: usize = 100;

/// The hidden job's options, resolved and validated.
#[derive(Clone, Debug)]
pub struct HiddenOptions {
    pub grid: Grid,
    pub steps: usize,
    pub batch: usize,
    pub points: usize,
    pub explode_factor: f64,
    /// Trials, seed, shard, threads, folder.
    pub run: RunOptions,
}

impl HiddenOptions {
    /// Rebuilds options from a manifest's `options` (for `merge`); `None` if they do not parse.
    pub fn from_json(v: &serde_json::Value, run: RunOptions) -> Option<Self> {
        Some(HiddenOptions {
            grid: Grid::from_json(v)?,
            steps: v["steps"].as_u64()? as usize,
            batch: v["batch"].as_u64()? as usize,
            points: v["points"].as_u64()? as usize,
            explode_factor: v["explode_factor"].as_f64()?,
            run,
        })
    }

    /// The options as the manifest records them.
    pub fn to_json(&self) -> serde_json::Value {
        record_job::options_json(
            &self.grid,
            serde_json::json!({
                "steps": self.steps,
                "batch": self.batch,
                "points": self.points,
                "explode_factor": self.explode_factor,
            }),
            &self.run,
        )
    }
}

/// When norms are recorded: every `t` in `1..=100`, then `points` log-spaced times from 100 to
/// `steps` rounded to integers and deduplicated, always ending at `steps`.
pub fn record_times(steps: usize, points: usize) -> Vec<usize> {
    let mut times: Vec<usize> = (1..=steps.min(DENSE_TIMES)).collect();
    if steps > DENSE_TIMES {
        let ratio = steps as f64 / DENSE_TIMES as f64;
        for i in 1..=points {
            let t = (DENSE_TIMES as f64 * ratio.powf(i as f64 / points as f64)).round() as usize;
            times.push(t.clamp(DENSE_TIMES + 1, steps));
        }
        times.push(steps);
    }
    times.sort_unstable();
    times.dedup();
    times
}

/// An entry type the recurrence runs in: real for real `W`, complex for complex `W`.
pub trait Signal: Eigen {
    fn abs2(self) -> f64;
}

impl Signal for f64 {
    fn abs2(self) -> f64 {
        self * self
    }
}

impl Signal for c64 {
    fn abs2(self) -> f64 {
        self.re * self.re + self.im * self.im
    }
}

/// What one `W` did to its batch of sequences.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// `||h_t||^2 / n` at each record time (time-major: `norms[i * batch + j]` is sequence `j`
    /// at `times[i]`); `+inf` from the step a sequence overflowed on.
    pub norms: Vec<f64>,
    /// Per sequence, the first `t` with `||h_t||^2 / n > explode_factor * t`.
    pub first_pass: Vec<Option<usize>>,
    /// The first `t` at which the batch mean of `||h_t||^2 / n` passed `explode_factor * t`.
    pub explode_time: Option<usize>,
}

/// When to record and what counts as exploded.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub times: Vec<usize>,
    /// Threshold factor: exploded once `||h_t||^2 / n > explode_factor * t`, i.e. that many times
    /// the infinite-width value `E ||h_t||^2 / n = t`.
    pub explode_factor: f64,
}

impl Schedule {
    pub fn steps(&self) -> usize {
        self.times.last().copied().unwrap_or(0)
    }
}

/// The state of `batch` sequences (`n x batch`), allocated once per worker: the current `H` and
/// the buffer the next step is written into (first the inputs `X_t`, then `+= W H`).
pub struct Propagator<T: Signal> {
    h: Mat<T>,
    next: Mat<T>,
    alive: Vec<bool>,
}

impl<T: Signal> Propagator<T> {
    pub fn new(n: usize, batch: usize) -> Self {
        Propagator {
            h: Mat::zeros(n, batch),
            next: Mat::zeros(n, batch),
            alive: vec![true; batch],
        }
    }

    pub fn batch(&self) -> usize {
        self.h.ncols()
    }

    /// Runs `h_0 = 0, h_t = W h_{t-1} + x_t` for `t = 1..=schedule.steps()`, drawing every `x_t`
    /// from `rng` (unit-variance Gaussian entries, complex for complex `T`).
    pub fn run(&mut self, w: MatRef<'_, T>, schedule: &Schedule, rng: &mut TrialRng) -> Run {
        let (n, batch) = (self.h.nrows(), self.h.ncols());
        let inv_n = 1.0 / n as f64;
        self.h.fill(T::zero());
        self.alive.fill(true);
        let mut norms = Vec::with_capacity(schedule.times.len() * batch);
        let mut first_pass = vec![None; batch];
        let mut explode_time = None;
        let mut next_record = schedule.times.iter().copied().peekable();
        let one = T::from_real(1.0);
        for t in 1..=schedule.steps() {
            // Every column draws its inputs even once dead, so a sequence's inputs never
            // depend on whether another sequence of the batch overflowed.
            for j in 0..batch {
                for x in self.next.col_mut(j).iter_mut() {
                    *x = T::gaussian(rng, 1.0);
                }
            }
            faer::linalg::matmul::matmul(
                self.next.as_mut(),
                Accum::Add,
                w,
                self.h.as_ref(),
                one,
                Par::Seq,
            );
            std::mem::swap(&mut self.h, &mut self.next);

            let threshold = schedule.explode_factor * t as f64;
            let mut batch_sum = 0.0;
            let record = next_record.next_if_eq(&t).is_some();
            for (j, pass) in first_pass.iter_mut().enumerate() {
                let s = if self.alive[j] {
                    let s = inv_n * self.h.col(j).iter().map(|x| x.abs2()).sum::<f64>();
                    // NaN (inf - inf inside the product) is an overflow too.
                    if s <= OVERFLOW {
                        s
                    } else {
                        self.alive[j] = false;
                        self.h.col_mut(j).fill(T::zero());
                        f64::INFINITY
                    }
                } else {
                    f64::INFINITY
                };
                if s > threshold && pass.is_none() {
                    *pass = Some(t);
                }
                batch_sum += s;
                if record {
                    norms.push(s);
                }
            }
            if batch_sum / batch as f64 > threshold && explode_time.is_none() {
                explode_time = Some(t);
            }
            if !self.alive.iter().any(|&a| a) {
                // Nothing left to propagate: every later record is +inf.
                let left = next_record.count();
                norms.resize(norms.len() + left * batch, f64::INFINITY);
                break;
            }
        }
        Run {
            norms,
            first_pass,
            explode_time,
        }
    }
}

/// One worker's buffers: the matrix and its eigenvalue scratch, and the batch state.
pub struct HiddenWorkspace<T: Signal> {
    pub dense: DenseWorkspace<T>,
    pub propagator: Propagator<T>,
}

/// One trial: `W` and what it did.
#[derive(Clone, Debug, PartialEq)]
pub struct HiddenTrial {
    pub rho: f64,
    pub run: Run,
}

/// Samples every trial of `cell`: draw `W` from the trial's stream, its spectral radius, then the
/// batch propagation with inputs drawn from the same stream after `W`.
pub fn sample_cell(
    cell: &Cell,
    seed: u64,
    trials: std::ops::Range<u64>,
    batch: usize,
    schedule: &Schedule,
    tick: &(dyn Fn() + Sync),
) -> Result<Vec<HiddenTrial>, Error> {
    fn run<T: Signal>(
        cell: &Cell,
        seed: u64,
        trials: std::ops::Range<u64>,
        batch: usize,
        schedule: &Schedule,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<HiddenTrial>, Error> {
        for_each_trial(
            || HiddenWorkspace::<T> {
                dense: DenseWorkspace::new(cell.n),
                propagator: Propagator::new(cell.n, batch),
            },
            cell.stream_key(seed),
            trials,
            tick,
            |ws, rng, trial| {
                // A general-form workspace keeps W intact through the eigenvalue computation.
                let moduli = ws.dense.draw_moduli(cell, rng, trial)?;
                let rho = RadiusRecord::from_moduli(moduli.iter().copied()).rho;
                let run = ws.propagator.run(ws.dense.matrix.as_ref(), schedule, rng);
                Ok(HiddenTrial { rho, run })
            },
        )
    }
    if cell.ensemble.is_complex() {
        run::<c64>(cell, seed, trials, batch, schedule, tick)
    } else {
        run::<f64>(cell, seed, trials, batch, schedule, tick)
    }
}

/// `hidden_norms.csv`: one row per ensemble x scale x width x record time.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct NormRow {
    pub ensemble: String,
    pub scale: String,
    pub method: String,
    pub n: usize,
    pub t: usize,
    /// Mean of `||h_t||^2 / n` over all trials x batch sequences; `inf` once any run overflowed.
    pub mean: f64,
    pub mean_lo: f64,
    pub mean_hi: f64,
    pub median: f64,
    pub q10: f64,
    pub q90: f64,
    pub frac_exploded: f64,
}

/// `hidden_trials.csv`: one row per sampled `W`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct HiddenTrialRow {
    pub ensemble: &'static str,
    pub scale: String,
    pub n: usize,
    pub trial: u64,
    pub rho: f64,
    /// Empty when the batch mean never passed the threshold.
    pub explode_time: Option<usize>,
}

/// Statistics of `||h_t||^2 / n` at one record time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NormStats {
    pub mean: f64,
    pub mean_lo: f64,
    pub mean_hi: f64,
    pub median: f64,
    pub q10: f64,
    pub q90: f64,
    pub frac_exploded: f64,
}

/// Type-7 quantile of sorted data that may end in `+inf` values: an interpolation touching an
/// infinite order statistic is infinite (rather than the NaN of `0 * inf`), so a quantile stays
/// finite exactly while the order statistics it needs are.
fn quantile_with_inf(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let frac = h - lo as f64;
    if frac == 0.0 || sorted[lo].is_infinite() {
        return sorted[lo];
    }
    stats::quantile_sorted(sorted, p)
}

/// Statistics at every record time over the runs of one cell.
///
/// The interval is computed from the per-trial batch means (count = trials), not from the
/// `trials x batch` sequences: sequences sharing a `W` are correlated through it, so treating
/// them as independent would understate the error. Once any run is `+inf` the mean and both
/// interval ends are `inf` (written `inf` in the CSV): the sample mean then says only that a draw
/// exploded, and the quantiles carry the information.
pub fn norm_stats(runs: &[Run], times: &[usize], batch: usize) -> Vec<NormStats> {
    let total = (runs.len() * batch) as f64;
    let mut values = Vec::with_capacity(runs.len() * batch);
    let mut trial_means = Vec::with_capacity(runs.len());
    times
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            values.clear();
            trial_means.clear();
            for r in runs {
                let slice = &r.norms[i * batch..(i + 1) * batch];
                values.extend_from_slice(slice);
                trial_means.push(slice.iter().sum::<f64>() / batch as f64);
            }
            let (mean, mean_lo, mean_hi) = if trial_means.iter().all(|m| m.is_finite()) {
                let (mean, sd) = stats::mean_sd(&trial_means);
                let half = Z95 * sd / (trial_means.len() as f64).sqrt();
                (mean, mean - half, mean + half)
            } else {
                (f64::INFINITY, f64::INFINITY, f64::INFINITY)
            };
            values.sort_unstable_by(f64::total_cmp);
            let exploded = runs
                .iter()
                .flat_map(|r| &r.first_pass)
                .filter(|p| p.is_some_and(|p| p <= t))
                .count();
            NormStats {
                mean,
                mean_lo,
                mean_hi,
                median: quantile_with_inf(&values, 0.5),
                q10: quantile_with_inf(&values, 0.1),
                q90: quantile_with_inf(&values, 0.9),
                frac_exploded: exploded as f64 / total,
            }
        })
        .collect()
}

/// Every cell of the run, or the first reason it cannot run (nothing is written then).
pub fn plan(opts: &HiddenOptions) -> Result<Vec<Cell>, Error> {
    let cells = opts.grid.cells(Method::Dense)?;
    let batch = opts.batch as u128;
    plan::check_memory(&cells, opts.run.threads.min(opts.run.trials), |c| {
        let elem = if c.ensemble.is_complex() { 16 } else { 8 };
        plan::dense_bytes(c) + 2 * c.n as u128 * batch * elem
    })?;
    Ok(cells)
}

/// What a finished run reports back.
#[derive(Debug)]
pub struct HiddenReport {
    pub rows: Vec<NormRow>,
    pub wall_seconds: f64,
}

/// What one finished cell contributes to the tables.
pub struct HiddenCellRows {
    pub trials: Vec<HiddenTrialRow>,
    pub norms: Vec<NormRow>,
}

/// The hidden job as a [`RecordJob`]: the schedule is fixed by the options.
struct Job<'a> {
    opts: &'a HiddenOptions,
    schedule: Schedule,
}

impl<'a> Job<'a> {
    fn new(opts: &'a HiddenOptions) -> Self {
        Job {
            opts,
            schedule: Schedule {
                times: record_times(opts.steps, opts.points),
                explode_factor: opts.explode_factor,
            },
        }
    }
}

impl RecordJob for Job<'_> {
    type Record = HiddenTrial;
    type CellRows = HiddenCellRows;
    const SUBCOMMAND: &'static str = "hidden";
    const FILES: &'static [&'static str] = &FILES;
    const RAW: &'static str = FILES[2];
    const RAW_HEADER: &'static str = "ensemble,scale,n,trial,rho,explode_time,first_pass,norms";

    fn run_options(&self) -> &RunOptions {
        &self.opts.run
    }

    fn options_json(&self) -> serde_json::Value {
        self.opts.to_json()
    }

    fn cells(&self) -> Result<Vec<Cell>, Error> {
        plan(self.opts)
    }

    fn sample(
        &self,
        cell: &Cell,
        trials: std::ops::Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<HiddenTrial>, Error> {
        sample_cell(
            cell,
            self.opts.run.seed,
            trials,
            self.opts.batch,
            &self.schedule,
            tick,
        )
    }

    fn write_record(&self, r: &HiddenTrial, line: &mut String) {
        let _ = write!(line, "{:e},", r.rho);
        if let Some(t) = r.run.explode_time {
            let _ = write!(line, "{t}");
        }
        line.push(',');
        for (j, p) in r.run.first_pass.iter().enumerate() {
            if j > 0 {
                line.push(' ');
            }
            match p {
                Some(t) => {
                    let _ = write!(line, "{t}");
                }
                None => line.push('-'),
            }
        }
        line.push(',');
        for (i, x) in r.run.norms.iter().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            let _ = write!(line, "{x:e}");
        }
    }

    fn parse_record(&self, _cell: &Cell, fields: &str) -> Option<HiddenTrial> {
        let f: Vec<&str> = fields.split(',').collect();
        let [rho, explode_time, first_pass, norms] = f[..] else {
            return None;
        };
        let explode_time = match explode_time {
            "" => None,
            t => Some(t.parse().ok()?),
        };
        let first_pass: Vec<Option<usize>> = first_pass
            .split(' ')
            .map(|p| match p {
                "-" => Some(None),
                t => t.parse().ok().map(Some),
            })
            .collect::<Option<_>>()?;
        let norms: Vec<f64> = norms
            .split(' ')
            .map(|x| x.parse().ok())
            .collect::<Option<_>>()?;
        let batch = self.opts.batch;
        if first_pass.len() != batch || norms.len() != batch * self.schedule.times.len() {
            return None;
        }
        Some(HiddenTrial {
            rho: rho.parse().ok()?,
            run: Run {
                norms,
                first_pass,
                explode_time,
            },
        })
    }

    fn cell_rows(
        &self,
        cell: &Cell,
        first: u64,
        records: &[HiddenTrial],
        _seconds: f64,
    ) -> HiddenCellRows {
        let scale = cell.scale.label();
        let trials = records
            .iter()
            .zip(first..)
            .map(|(tr, trial)| HiddenTrialRow {
                ensemble: cell.ensemble.name(),
                scale: scale.clone(),
                n: cell.n,
                trial,
                rho: tr.rho,
                explode_time: tr.run.explode_time,
            })
            .collect();
        let runs: Vec<Run> = records.iter().map(|tr| tr.run.clone()).collect();
        let times = &self.schedule.times;
        let stats = norm_stats(&runs, times, self.opts.batch);
        let norms = times
            .iter()
            .zip(&stats)
            .map(|(&t, s)| NormRow {
                ensemble: cell.ensemble.name().into(),
                scale: scale.clone(),
                method: Method::Dense.name().into(),
                n: cell.n,
                t,
                mean: s.mean,
                mean_lo: s.mean_lo,
                mean_hi: s.mean_hi,
                median: s.median,
                q10: s.q10,
                q90: s.q90,
                frac_exploded: s.frac_exploded,
            })
            .collect();
        HiddenCellRows { trials, norms }
    }

    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &HiddenCellRows) -> String {
        let last = rows
            .norms
            .last()
            .expect("steps >= 1 gives at least one record time");
        format!(
            "{label}: {trials} trials x {} sequences in {seconds:.2} s; at t = {}: median ||h||^2/n {:.4}, exploded {:.3}",
            self.opts.batch, self.opts.steps, last.median, last.frac_exploded
        )
    }

    fn write_tables(&self, out: &Path, done: &[HiddenCellRows]) -> Result<(), Error> {
        let norms: Vec<&NormRow> = done.iter().flat_map(|c| &c.norms).collect();
        write_table(&out.join(FILES[0]), &norms)?;
        let trials: Vec<&HiddenTrialRow> = done.iter().flat_map(|c| &c.trials).collect();
        write_table(&out.join(FILES[1]), &trials)
    }
}

/// Runs the whole job (see [`record_job::run`]): this shard's trials of every cell, resumable,
/// with the tables and manifest rewritten after every cell.
pub fn run(opts: &HiddenOptions, progress: Progress) -> Result<HiddenReport, Error> {
    let started = std::time::Instant::now();
    let done = record_job::run(&Job::new(opts), progress)?;
    Ok(HiddenReport {
        rows: done.into_iter().flat_map(|c| c.norms).collect(),
        wall_seconds: started.elapsed().as_secs_f64(),
    })
}

/// `mc-gumbel merge` of hidden shards (checked by [`crate::merge::check`]).
pub fn merge(dirs: &[PathBuf], out: &Path, force: bool, threads: usize) -> Result<(), Error> {
    let set = crate::merge::check(dirs, "hidden")?;
    let opts = RunOptions::merged(set.options(), out, threads, force)
        .and_then(|run| HiddenOptions::from_json(set.options(), run))
        .ok_or_else(|| crate::merge::unreadable(dirs))?;
    record_job::merge(&Job::new(&opts), &set, dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_times_are_dense_then_log_spaced() {
        assert_eq!(record_times(5, 60), vec![1, 2, 3, 4, 5]);
        assert_eq!(record_times(100, 60), (1..=100).collect::<Vec<_>>());
        let t = record_times(3000, 60);
        assert_eq!(&t[..100], &(1..=100).collect::<Vec<_>>()[..]);
        assert_eq!(*t.last().unwrap(), 3000);
        assert!(t.windows(2).all(|w| w[0] < w[1]));
        assert!(t.len() > 150 && t.len() <= 160, "{}", t.len());
        assert_eq!(
            record_times(150, 0),
            [(1..=100).collect(), vec![150]].concat()
        );
    }

    #[test]
    fn quantiles_tolerate_infinite_tail() {
        let v = [1.0, 2.0, 3.0, f64::INFINITY];
        assert_eq!(quantile_with_inf(&v, 0.5), 2.5);
        assert_eq!(quantile_with_inf(&v, 1.0), f64::INFINITY);
        assert_eq!(quantile_with_inf(&v, 0.9), f64::INFINITY);
        assert_eq!(
            quantile_with_inf(&[1.0, f64::INFINITY, f64::INFINITY], 0.5),
            f64::INFINITY
        );
    }
}
