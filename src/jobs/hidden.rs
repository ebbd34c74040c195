//! The `hidden` job: hidden-state norms of the linear RNN `h_t = W h_{t-1} + x_t`
//! (docs/math/rnn.md) under each ensemble, scale and width, beside each `W`'s spectral radius.
//! The propagation itself lives in [`crate::sampling::rnn`].

use super::explosion::{explosion_row, ExplosionRow};
use super::nonnormality::{nonnormality_row, NonNormalityRow};
use super::record::{check_radius, JobOptions, JobParams, RecordJob, TrialKey};
use super::workers::check_memory;
use crate::error::Error;
use crate::math::stats::{self, Z95};
use crate::model::budget::Demand;
use crate::model::counts::{self, MIN_TRIALS_FOR_SPREAD};
use crate::model::ensemble::check_allowed;
use crate::model::{Cell, ConfigError, Ensemble, Method, Param, Recurrence, Recurrences};
use crate::sampling::rnn::{record_times, sample_trajectories, RnnTrial, Schedule, Trajectory};
use crate::store::raw::scientific;
use crate::store::{write_table, write_table_or_header};
use serde::{Deserialize, Serialize};
use std::borrow::{Borrow, Cow};
use std::path::Path;

/// Files the hidden job writes.
///
/// `hidden_raw.csv` holds one line per trial, in trial order, with everything the tables are
/// computed from: `ensemble,scale,n,trial,rho` as in `hidden_trials.csv`, then per recurrence of
/// the run (in its order, separated by `;`) `explode_time` (empty for never), `first_pass`, each
/// sequence's first step above the explosion threshold (space-separated, `-` for never), and
/// `norms`, `||h_t||^2 / n` of every sequence at every record time of `hidden_norms.csv`
/// (space-separated, time-major: all sequences at the first time, then at the next). A run of
/// the dense recurrence alone has no `;`. `--resume` continues from it and `merge` joins the
/// shards' raw files.
pub const FILES: [&str; 6] = [
    "hidden_norms.csv",
    "hidden_trials.csv",
    "explosion.csv",
    "nonnormality.csv",
    "hidden_raw.csv",
    "manifest.json",
];

/// Separates the recurrences' fields in a line of `hidden_raw.csv`.
const PER_RECURRENCE: char = ';';

/// The hidden job's own parameters; with the grid and the trials they determine its output bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HiddenSpec {
    pub steps: usize,
    pub batch: usize,
    pub points: usize,
    pub explode_factor: f64,
    /// A manifest written before the diagonal recurrence existed has none: dense.
    #[serde(default)]
    pub recurrences: Recurrences,
}

impl HiddenSpec {
    /// The spec, or the first rule a value breaks: at least one step and one sequence, a
    /// positive finite explosion factor.
    pub fn new(
        steps: usize,
        batch: usize,
        points: usize,
        explode_factor: f64,
        recurrences: Recurrences,
    ) -> Result<Self, ConfigError> {
        if !(explode_factor > 0.0 && explode_factor.is_finite()) {
            return Err(ConfigError::new(
                Param::ExplodeFactor,
                format!("{explode_factor} is not a positive finite factor"),
            ));
        }
        Ok(HiddenSpec {
            steps: counts::positive(Param::Steps, steps, "step")?,
            batch: counts::positive(Param::Batch, batch, "sequence per batch")?,
            points: counts::at_most(Param::Points, points, MAX_POINTS, "record times")?,
            explode_factor,
            recurrences,
        })
    }
}

/// The most log-spaced record times a run takes: no figure resolves more, and every trial keeps
/// its norms at each of them until its cell is summarised.
pub const MAX_POINTS: usize = 1_000_000;

/// Everything that determines the hidden job's output bytes, as its manifest records it.
pub type HiddenParams = JobParams<HiddenSpec>;

/// The hidden job's options, resolved and validated.
pub type HiddenOptions = JobOptions<HiddenParams>;

/// `hidden_norms.csv`: one row per ensemble x scale x width x record time.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct NormRow {
    pub ensemble: String,
    pub scale: String,
    pub method: String,
    pub precision: String,
    pub recurrence: String,
    pub n: usize,
    pub t: usize,
    /// Mean of `||h_t||^2 / n` over all trials x batch sequences; `inf` once any run overflowed.
    pub mean: f64,
    /// Empty below [`MIN_TRIALS_FOR_SPREAD`] trials.
    pub mean_lo: Option<f64>,
    pub mean_hi: Option<f64>,
    pub median: f64,
    pub q10: f64,
    pub q90: f64,
    pub frac_exploded: f64,
}

/// `hidden_trials.csv`: one row per sampled `W`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct HiddenTrialRow {
    pub ensemble: String,
    pub scale: String,
    pub precision: String,
    pub recurrence: String,
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
    /// Empty below [`MIN_TRIALS_FOR_SPREAD`] trials.
    pub mean_lo: Option<f64>,
    pub mean_hi: Option<f64>,
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
pub fn norm_stats<R: Borrow<Trajectory>>(
    runs: &[R],
    times: &[usize],
    batch: usize,
) -> Vec<NormStats> {
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
                let slice = &r.borrow().norms[i * batch..(i + 1) * batch];
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
            // One trial's batch mean has no spread to make an interval of.
            let spread = trial_means.len() >= MIN_TRIALS_FOR_SPREAD;
            let (mean_lo, mean_hi) = (spread.then_some(mean_lo), spread.then_some(mean_hi));
            values.sort_unstable_by(f64::total_cmp);
            let exploded = runs
                .iter()
                .flat_map(|r| &r.borrow().first_pass)
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
    let params = &opts.params;
    check_allowed(&params.grid.ensembles, &Ensemble::HIDDEN_NAMES)?;
    let cells = params
        .grid
        .cells(Method::Dense, params.sampling.precision)?;
    let (batch, trials) = (params.spec.batch as u128, params.sampling.trials as u128);
    let times = record_times(params.spec.steps, params.spec.points).len() as u128;
    let workers = opts.exec.threads.min(params.sampling.trials);
    let recurrences = params.spec.recurrences.as_slice();
    check_memory(&cells, workers, |c| {
        let elem = if c.ensemble.is_complex() { 16 } else { 8 };
        // Per sequence and row: the inputs, then each recurrence's state (dense: two buffers of
        // entries; diagonal: complex parts in double at most).
        let per_entry = elem
            + recurrences
                .iter()
                .map(|r| match r {
                    Recurrence::Dense => 2 * elem,
                    Recurrence::Diagonal => 16,
                })
                .sum::<u128>();
        let runs = recurrences.len() as u128;
        vec![
            // Each worker propagates its batch of states.
            Demand::new(
                Param::Batch,
                workers as u128 * c.n as u128 * batch * per_entry,
            ),
            // Each trial's norms at every record time stay until the cell is summarised: a
            // product of trials, batch and record times (set by the points), blamed on the
            // largest factor.
            Demand::new(
                [
                    (trials, Param::Trials),
                    (batch, Param::Batch),
                    (times, Param::Points),
                ]
                .into_iter()
                .max_by_key(|&(factor, _)| factor)
                .map_or(Param::Trials, |(_, param)| param),
                trials * runs * (times * batch * 8 + batch * 8 + 64),
            ),
        ]
    })?;
    params.sampling.shard.slice(params.sampling.trials)?;
    Ok(cells)
}

/// What one finished cell contributes to the tables.
pub struct HiddenCellRows {
    pub trials: Vec<HiddenTrialRow>,
    pub norms: Vec<NormRow>,
    /// One per recurrence, in the run's order.
    pub explosion: Vec<ExplosionRow>,
    /// Present when the run has both recurrences.
    pub nonnormality: Option<NonNormalityRow>,
}

/// One line of `hidden_raw.csv` (see [`FILES`]): a trial's key, its `W`'s radius, and per
/// recurrence its explosion time and its sequences' first passes and norms, each list
/// space-separated in one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HiddenRawRow {
    pub ensemble: Cow<'static, str>,
    pub scale: String,
    pub n: usize,
    pub trial: u64,
    #[serde(with = "scientific")]
    pub rho: f64,
    pub explode_time: String,
    pub first_pass: String,
    pub norms: String,
}

/// The hidden job as a [`RecordJob`]: the schedule is fixed by the options.
pub struct HiddenJob {
    opts: HiddenOptions,
    cells: Vec<Cell>,
    schedule: Schedule,
}

impl HiddenJob {
    fn recurrences(&self) -> &[Recurrence] {
        self.opts.params.spec.recurrences.as_slice()
    }
}

/// `items` of each recurrence's trajectory, written by `field`, joined per recurrence.
fn per_recurrence(runs: &[Trajectory], field: impl Fn(&Trajectory) -> String) -> String {
    runs.iter()
        .map(field)
        .collect::<Vec<_>>()
        .join(&PER_RECURRENCE.to_string())
}

/// Each recurrence's part of a raw field, if the field has one per recurrence.
fn split_recurrences<'a>(
    field: &'a str,
    name: &str,
    recurrences: usize,
) -> Result<Vec<&'a str>, String> {
    let parts: Vec<&str> = field.split(PER_RECURRENCE).collect();
    if parts.len() != recurrences {
        return Err(format!(
            "{name} holds {} recurrences, where this run has {recurrences}",
            parts.len()
        ));
    }
    Ok(parts)
}

impl RecordJob for HiddenJob {
    type Spec = HiddenSpec;
    type Record = RnnTrial;
    type CellRows = HiddenCellRows;
    const SUBCOMMAND: &'static str = "hidden";
    const FILES: &'static [&'static str] = &FILES;
    const RAW: &'static str = FILES[4];
    type Row = HiddenRawRow;

    fn new(opts: HiddenOptions) -> Result<Self, Error> {
        let cells = plan(&opts)?;
        let schedule = Schedule {
            times: record_times(opts.params.spec.steps, opts.params.spec.points),
            explode_factor: opts.params.spec.explode_factor,
        };
        Ok(HiddenJob {
            opts,
            cells,
            schedule,
        })
    }

    fn options(&self) -> &HiddenOptions {
        &self.opts
    }

    fn cells(&self) -> &[Cell] {
        &self.cells
    }

    fn sample(
        &self,
        cell: &Cell,
        trials: std::ops::Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<RnnTrial>, Error> {
        let spec = &self.opts.params.spec;
        sample_trajectories(
            cell,
            self.opts.params.sampling.seed,
            trials,
            spec.batch,
            &spec.recurrences,
            &self.schedule,
            tick,
        )
    }

    fn row(&self, cell: &Cell, trial: u64, r: &RnnTrial) -> HiddenRawRow {
        let key = TrialKey::of(cell, trial);
        HiddenRawRow {
            ensemble: key.ensemble,
            scale: key.scale,
            n: key.n,
            trial: key.trial,
            rho: r.rho,
            explode_time: per_recurrence(&r.runs, |t| {
                t.explode_time.map_or_else(String::new, |t| t.to_string())
            }),
            first_pass: per_recurrence(&r.runs, |t| {
                let passes: Vec<String> = t
                    .first_pass
                    .iter()
                    .map(|p| p.map_or_else(|| "-".to_string(), |t| t.to_string()))
                    .collect();
                passes.join(" ")
            }),
            norms: per_recurrence(&r.runs, |t| {
                let norms: Vec<String> = t.norms.iter().map(|x| format!("{x:e}")).collect();
                norms.join(" ")
            }),
        }
    }

    fn check_record(&self, _cell: &Cell, r: &RnnTrial) -> Result<(), String> {
        check_radius(r.rho)?;
        let norms = r.runs.iter().flat_map(|t| &t.norms);
        if let Some(x) = norms.into_iter().find(|x| x.is_nan() || **x < 0.0) {
            return Err(format!(
                "{x} is not a squared norm (need a number >= 0, or inf)"
            ));
        }
        Ok(())
    }

    fn record(&self, _cell: &Cell, row: HiddenRawRow) -> Result<(TrialKey, RnnTrial), String> {
        let count = self.recurrences().len();
        let explode_times = split_recurrences(&row.explode_time, "explode_time", count)?;
        let first_passes = split_recurrences(&row.first_pass, "first_pass", count)?;
        let all_norms = split_recurrences(&row.norms, "norms", count)?;
        let batch = self.opts.params.spec.batch;
        let times = self.schedule.times.len();
        let mut runs = Vec::with_capacity(count);
        for ((explode_time, first_pass), norms) in
            explode_times.into_iter().zip(first_passes).zip(all_norms)
        {
            let explode_time = match explode_time {
                "" => None,
                t => Some(t.parse().map_err(|e| format!("explode_time: {e}"))?),
            };
            let first_pass: Vec<Option<usize>> = first_pass
                .split(' ')
                .map(|p| match p {
                    "-" => Ok(None),
                    t => t.parse().map(Some),
                })
                .collect::<Result<_, _>>()
                .map_err(|e| format!("first_pass: {e}"))?;
            let norms: Vec<f64> = norms
                .split(' ')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|e| format!("norms: {e}"))?;
            if first_pass.len() != batch || norms.len() != batch * times {
                return Err(format!(
                    "{} first passes and {} norms, where a trial of this run has {batch} and {}",
                    first_pass.len(),
                    norms.len(),
                    batch * times
                ));
            }
            runs.push(Trajectory {
                norms,
                first_pass,
                explode_time,
            });
        }
        let key = TrialKey {
            ensemble: row.ensemble,
            scale: row.scale,
            n: row.n,
            trial: row.trial,
        };
        Ok((key, RnnTrial { rho: row.rho, runs }))
    }

    fn cell_rows(&self, cell: &Cell, first: u64, records: &[RnnTrial]) -> HiddenCellRows {
        let scale = cell.scale.label();
        let spec = &self.opts.params.spec;
        let times = &self.schedule.times;
        let (mut trials, mut norms, mut explosion) = (Vec::new(), Vec::new(), Vec::new());
        for (k, recurrence) in self.recurrences().iter().enumerate() {
            // Each recurrence's trajectories, borrowed: a cell's norms are its largest data.
            let runs: Vec<&Trajectory> = records.iter().map(|tr| &tr.runs[k]).collect();
            trials.extend(
                records
                    .iter()
                    .zip(first..)
                    .map(|(tr, trial)| HiddenTrialRow {
                        ensemble: cell.ensemble.name().into(),
                        scale: scale.clone(),
                        precision: cell.precision.name().into(),
                        recurrence: recurrence.name().into(),
                        n: cell.n,
                        trial,
                        rho: tr.rho,
                        explode_time: tr.runs[k].explode_time,
                    }),
            );
            let stats = norm_stats(&runs, times, spec.batch);
            norms.extend(times.iter().zip(&stats).map(|(&t, s)| NormRow {
                ensemble: cell.ensemble.name().into(),
                scale: scale.clone(),
                method: Method::Dense.name().into(),
                precision: cell.precision.name().into(),
                recurrence: recurrence.name().into(),
                n: cell.n,
                t,
                mean: s.mean,
                mean_lo: s.mean_lo,
                mean_hi: s.mean_hi,
                median: s.median,
                q10: s.q10,
                q90: s.q90,
                frac_exploded: s.frac_exploded,
            }));
            let explode: Vec<Option<usize>> = runs.iter().map(|t| t.explode_time).collect();
            explosion.push(explosion_row(
                cell,
                *recurrence,
                &explode,
                spec.steps,
                spec.explode_factor,
            ));
        }
        let nonnormality = spec.recurrences.paired().map(|(dense, diagonal)| {
            let pairs: Vec<_> = records
                .iter()
                .map(|tr| (tr.runs[dense].explode_time, tr.runs[diagonal].explode_time))
                .collect();
            nonnormality_row(cell, &pairs, spec.steps)
        });
        HiddenCellRows {
            trials,
            norms,
            explosion,
            nonnormality,
        }
    }

    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &HiddenCellRows) -> String {
        let spec = &self.opts.params.spec;
        let last_time = self.schedule.times.len();
        let at_end: Vec<String> = self
            .recurrences()
            .iter()
            .zip(rows.norms.chunks(last_time))
            .map(|(r, norms)| {
                let last = norms
                    .last()
                    .expect("steps >= 1 gives at least one record time");
                format!(
                    "{}: median ||h||^2/n {:.4}, exploded {:.3}",
                    r.name(),
                    last.median,
                    last.frac_exploded
                )
            })
            .collect();
        format!(
            "{label}: {trials} trials x {} sequences in {seconds:.2} s; at t = {}: {}",
            spec.batch,
            spec.steps,
            at_end.join("; ")
        )
    }

    fn write_tables(&self, out: &Path, done: &[HiddenCellRows]) -> Result<(), Error> {
        let norms: Vec<&NormRow> = done.iter().flat_map(|c| &c.norms).collect();
        write_table(&out.join(FILES[0]), &norms)?;
        let trials: Vec<&HiddenTrialRow> = done.iter().flat_map(|c| &c.trials).collect();
        write_table(&out.join(FILES[1]), &trials)?;
        let explosion: Vec<&ExplosionRow> = done.iter().flat_map(|c| &c.explosion).collect();
        write_table(&out.join(FILES[2]), &explosion)?;
        let paired: Vec<&NonNormalityRow> = done
            .iter()
            .filter_map(|c| c.nonnormality.as_ref())
            .collect();
        write_table_or_header(&out.join(FILES[3]), &paired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
