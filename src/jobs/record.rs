//! The run loop of every sampling job (`radius`, `hidden`, `density`), with `--shard`, `--resume`
//! and clean Ctrl-C; [`super::merge`] joins the shards.
//!
//! Such a job keeps one line per trial in a raw file ([`RecordJob::RAW`]): the minimal per-trial
//! record its tables are computed from, appended and synced chunk by chunk in trial order. Its
//! tables are always computed by [`RecordJob::cell_rows`] from a cell's records in trial order,
//! whether the records were just sampled, read back by `--resume`, or joined from shards by
//! `merge`; so a resumed or merged run writes the same bytes as an uninterrupted unsharded one by
//! construction (floating-point sums see the same values in the same order). Wall times go to
//! the manifest only.
//!
//! Raw file lines start with a key naming the cell and trial (by default `ensemble,scale,n,trial,`);
//! the job writes the rest. Floats are written in a shortest form that reads back to the same
//! double (`{:e}` or `{:?}`).

use super::grid::{thread_pool, Grid};
use super::interrupt;
use super::progress::Progress;
use crate::error::Error;
use crate::sampling::precision::Precision;
use crate::sampling::trials::Cell;
use crate::store::atomic::partial_path;
use crate::store::manifest::{self, CellTiming, ManifestHead};
use crate::store::raw::{read_raw, RawWriter};
use crate::store::shard::Shard;
use crate::store::{self as store, Manifest};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What determines the trials of a sampling job: how many per cell, which slice of them, with
/// what seed. Part of every sampling job's parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SamplingParams {
    pub trials: usize,
    pub seed: u64,
    pub shard: Shard,
    pub precision: Precision,
}

/// Where and how a job executes; none of it changes a byte of the results, so none of it is
/// compared on `--resume` or `merge`.
#[derive(Clone, Debug, PartialEq)]
pub struct Execution {
    pub threads: usize,
    pub out: PathBuf,
    pub force: bool,
    pub resume: bool,
}

/// A job's resolved options: its parameters `P`, which the manifest records, and how to execute.
#[derive(Clone, Debug, PartialEq)]
pub struct JobOptions<P> {
    pub params: P,
    pub exec: Execution,
}

/// The parameters of a sampling job, everything that determines its output bytes, as its
/// manifest records them: the grid of cells, the job's own parameters `S`, and the trials.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobParams<S> {
    #[serde(flatten)]
    pub grid: Grid,
    #[serde(flatten)]
    pub spec: S,
    #[serde(flatten)]
    pub sampling: SamplingParams,
}

/// What a job's own parameters must be: compared on `--resume` and `merge`, recorded in the
/// manifest.
pub trait Spec:
    Clone + std::fmt::Debug + PartialEq + Serialize + DeserializeOwned + Send + Sync
{
}

impl<S> Spec for S where
    S: Clone + std::fmt::Debug + PartialEq + Serialize + DeserializeOwned + Send + Sync
{
}

/// A job made of independent trials per cell, summarised from per-trial records.
pub trait RecordJob: Sync + Sized {
    /// The job's own parameters (beyond the grid and the trials).
    type Spec: Spec;
    /// One trial's raw result, exactly what the tables need of it.
    type Record: Send + Sync + Clone;
    /// Everything one finished cell contributes to the tables.
    type CellRows: Send;
    const SUBCOMMAND: &'static str;
    /// Every file the job writes, manifest last; [`RecordJob::RAW`] among them.
    const FILES: &'static [&'static str];
    const RAW: &'static str;
    /// Header of the raw file, starting with `ensemble,scale`.
    const RAW_HEADER: &'static str;

    /// The job with these options, or the first reason it cannot run.
    fn new(options: JobOptions<JobParams<Self::Spec>>) -> Result<Self, Error>;
    fn options(&self) -> &JobOptions<JobParams<Self::Spec>>;
    /// Every cell of the run, in output order, or the first reason the plan cannot run.
    fn cells(&self) -> Result<Vec<Cell>, Error>;
    /// The records of `trials` of `cell`, in trial order.
    fn sample(
        &self,
        cell: &Cell,
        trials: Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<Self::Record>, Error>;
    /// Appends a raw line's key, ending in a comma.
    fn write_key(&self, cell: &Cell, trial: u64, line: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(
            line,
            "{},{},{},{trial},",
            cell.ensemble.name(),
            cell.scale.label(),
            cell.n
        );
    }
    /// Splits a raw line into the parts of its key that identify the cell and trial, and the
    /// record's fields; the inverse of [`RecordJob::write_key`].
    fn split_key<'a>(&self, line: &'a str) -> Option<LineKey<'a>> {
        let mut f = line.splitn(5, ',');
        Some(LineKey {
            ensemble: f.next()?,
            scale: f.next()?,
            n: f.next()?,
            trial: f.next()?,
            rest: f.next()?,
        })
    }
    /// Appends the fields after the key (no newline).
    fn write_record(&self, record: &Self::Record, line: &mut String);
    /// Parses the fields after the key; `None` if they are not a record of `cell`.
    fn parse_record(&self, cell: &Cell, fields: &str) -> Option<Self::Record>;
    /// The table rows of a finished cell, from all its records in trial order (trials
    /// `first..`: this shard's slice).
    fn cell_rows(&self, cell: &Cell, first: u64, records: &[Self::Record]) -> Self::CellRows;
    /// The log line of a finished cell.
    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &Self::CellRows) -> String;
    /// Rewrites every table (atomically) from the rows of the cells finished so far.
    fn write_tables(&self, out: &Path, done: &[Self::CellRows]) -> Result<(), Error>;

    fn params(&self) -> &JobParams<Self::Spec> {
        &self.options().params
    }
    fn exec(&self) -> &Execution {
        &self.options().exec
    }
}

/// The identifying parts of a raw line's key, and the rest of the line.
pub struct LineKey<'a> {
    pub ensemble: &'a str,
    pub scale: &'a str,
    pub n: &'a str,
    pub trial: &'a str,
    pub rest: &'a str,
}

/// The raw lines of trials `first..` of `cell`.
pub(super) fn raw_lines<J: RecordJob>(
    job: &J,
    cell: &Cell,
    first: u64,
    records: &[J::Record],
) -> String {
    let mut text = String::new();
    for (record, trial) in records.iter().zip(first..) {
        job.write_key(cell, trial, &mut text);
        job.write_record(record, &mut text);
        text.push('\n');
    }
    text
}

/// Sorts raw lines into the cells of a plan, checking that they are exactly this plan's trials
/// `slice` of each cell, in order (complete cells, then at most one partial one).
pub(super) fn assign<J: RecordJob>(
    job: &J,
    body: &str,
    cells: &[Cell],
    slice: &Range<u64>,
    what: &Path,
    flag: &'static str,
) -> Result<Vec<Vec<J::Record>>, Error> {
    let per_cell = (slice.end - slice.start) as usize;
    let mut records: Vec<Vec<J::Record>> = vec![Vec::new(); cells.len()];
    let mut ci = 0;
    for (i, line) in body.lines().enumerate() {
        while ci < cells.len() && records[ci].len() == per_cell {
            ci += 1;
        }
        let record = match (job.split_key(line), cells.get(ci)) {
            (Some(k), Some(c))
                if c.ensemble.name() == k.ensemble
                    && c.scale.label() == k.scale
                    && k.n.parse() == Ok(c.n)
                    && k.trial.parse() == Ok(slice.start + records[ci].len() as u64) =>
            {
                job.parse_record(c, k.rest)
            }
            _ => None,
        };
        let Some(record) = record else {
            return Err(Error::usage(
                flag,
                format!(
                    "'{}' line {} is not the next trial of this run's plan: '{}'",
                    what.display(),
                    i + 2,
                    line.chars().take(80).collect::<String>()
                ),
            ));
        };
        records[ci].push(record);
    }
    Ok(records)
}

/// Where a run stands: finished records per cell, their sampling seconds, the raw file.
struct Progressed<R> {
    records: Vec<Vec<R>>,
    seconds: Vec<f64>,
    raw: RawWriter,
}

fn start_fresh<J: RecordJob>(
    job: &J,
    cells: usize,
    force: bool,
) -> Result<Progressed<J::Record>, Error> {
    let out = &job.exec().out;
    store::check_no_previous(out, J::FILES, force)?;
    store::prepare_dir(out, "--out")?;
    Ok(Progressed {
        records: vec![Vec::new(); cells],
        seconds: vec![0.0; cells],
        raw: RawWriter::create(&out.join(J::RAW))?,
    })
}

/// Picks up the run in `--out`: same version, job and parameters, raw lines kept up to the last
/// complete one. `None` if that run is already complete.
fn resume<J: RecordJob>(
    job: &J,
    cells: &[Cell],
    slice: &Range<u64>,
) -> Result<Option<Progressed<J::Record>>, Error> {
    const FLAG: &str = "--resume";
    let out = &job.exec().out;
    let dir = out.display();
    let head: ManifestHead = manifest::read(out, FLAG)?;
    if head.subcommand != J::SUBCOMMAND {
        return Err(Error::usage(
            FLAG,
            format!(
                "'{dir}' holds a {} run, not a {} run",
                head.subcommand,
                J::SUBCOMMAND
            ),
        ));
    }
    if head.version != env!("CARGO_PKG_VERSION") {
        return Err(Error::usage(
            FLAG,
            format!(
                "the run in '{dir}' was made by mc-gumbel {}, this is {}; finish it with that version",
                head.version,
                env!("CARGO_PKG_VERSION")
            ),
        ));
    }
    let manifest: Manifest<JobParams<J::Spec>> = manifest::read(out, FLAG)?;
    // The parameters hold only what determines results: --threads may change on resume.
    if manifest.options != *job.params() {
        return Err(Error::usage(
            FLAG,
            format!(
                "the run in '{dir}' was started with other options ({}); repeat its command line with --resume",
                serde_json::to_string(&manifest.options).unwrap_or_default()
            ),
        ));
    }
    if manifest.complete {
        return Ok(None);
    }
    let path = out.join(J::RAW);
    let partial = partial_path(&path);
    if !partial.exists() {
        return start_fresh(job, cells.len(), true).map(Some);
    }
    let lines = read_raw(&partial, J::RAW_HEADER, true)?;
    let records = assign(job, &lines.body, cells, slice, &partial, FLAG)?;
    Ok(Some(Progressed {
        records,
        seconds: cells
            .iter()
            .map(|c| manifest.cell_seconds(c.ensemble.name(), &c.scale.label(), c.n))
            .collect(),
        raw: RawWriter::reopen(&path, lines.valid_bytes)?,
    }))
}

pub(super) fn label(cell: &Cell) -> String {
    format!(
        "{} {} n={}",
        cell.ensemble.name(),
        cell.scale.label(),
        cell.n
    )
}

pub(super) fn timing(cell: &Cell, trials: u64, seconds: f64) -> CellTiming {
    CellTiming {
        ensemble: cell.ensemble.name().into(),
        scale: cell.scale.label(),
        method: cell.method.name().into(),
        n: cell.n,
        trials: trials as usize,
        seconds,
    }
}

/// A fresh manifest of `job`.
pub(super) fn new_manifest<J: RecordJob>(job: &J) -> Manifest<JobParams<J::Spec>> {
    let params = job.params();
    Manifest::new(
        J::SUBCOMMAND,
        Some(params.sampling.seed),
        job.exec().threads,
        params.clone(),
        J::FILES,
    )
}

/// Executes the job: samples every cell's trials (this shard's slice of them) in chunks whose
/// records are appended and synced in trial order, rewriting the tables and manifest after each
/// finished cell. Ctrl-C or SIGTERM stops after the chunk in flight with everything saved
/// ([`Error::Interrupted`]). Returns the rows of every cell (none if `--resume` found the run
/// already complete).
pub fn execute<J: RecordJob>(job: &J, progress: Progress) -> Result<Vec<J::CellRows>, Error> {
    let (params, exec) = (&job.params().sampling, job.exec());
    let cells = job.cells()?;
    let slice = params.shard.trials(params.trials);
    if slice.is_empty() {
        return Err(Error::usage(
            "--shard",
            format!(
                "{} shards of {} trials leave this shard empty; use fewer shards",
                params.shard.count, params.trials
            ),
        ));
    }
    let state = if exec.resume {
        resume(job, &cells, &slice)?
    } else {
        Some(start_fresh(job, cells.len(), exec.force)?)
    };
    let Some(Progressed {
        mut records,
        mut seconds,
        mut raw,
    }) = state
    else {
        progress.line(
            &indicatif::ProgressBar::hidden(),
            &format!(
                "nothing to resume: the run in '{}' is complete",
                exec.out.display()
            ),
        );
        return Ok(Vec::new());
    };
    let pool = thread_pool(exec.threads)?;
    interrupt::install();

    let started = Instant::now();
    let mut manifest = new_manifest(job);
    // From the first moment the folder says what it holds, so a run killed at once can resume.
    manifest.write(&exec.out)?;
    let per_cell = slice.end - slice.start;
    let mut done: Vec<J::CellRows> = Vec::new();

    for (ci, cell) in cells.iter().enumerate() {
        let label = label(cell);
        let bar = progress.bar(&label, per_cell);
        bar.set_position(records[ci].len() as u64);
        let tick = || bar.inc(1);
        // Chunks start at one trial per thread and double while a chunk takes under 2 s: short
        // enough that Ctrl-C answers quickly, long enough that syncing costs nothing.
        let mut chunk = exec.threads as u64;
        while (records[ci].len() as u64) < per_cell {
            if interrupt::requested() {
                let saved = raw.sync().and_then(|_| {
                    if !done.is_empty() {
                        job.write_tables(&exec.out, &done)?;
                    }
                    manifest.wall_seconds = started.elapsed().as_secs_f64();
                    manifest.write(&exec.out)
                });
                return Err(saved.err().unwrap_or(Error::Interrupted {
                    resume: interrupt::resume_command(),
                }));
            }
            let first = slice.start + records[ci].len() as u64;
            let last = (first + chunk).min(slice.end);
            let t0 = Instant::now();
            let fresh = pool.install(|| job.sample(cell, first..last, &tick))?;
            let took = t0.elapsed().as_secs_f64();
            seconds[ci] += took;
            raw.append(J::RAW_HEADER, &raw_lines(job, cell, first, &fresh))?;
            records[ci].extend(fresh);
            if took < 2.0 {
                chunk = (chunk * 2).min(1 << 20);
            }
        }
        bar.finish_and_clear();
        let rows = pool.install(|| job.cell_rows(cell, slice.start, &records[ci]));
        // The tables hold what is needed of a finished cell; its records are on disk.
        records[ci] = Vec::new();
        progress.line(&bar, &job.describe(&label, per_cell, seconds[ci], &rows));
        done.push(rows);
        manifest.cells.push(timing(cell, per_cell, seconds[ci]));
        manifest.wall_seconds = started.elapsed().as_secs_f64();
        job.write_tables(&exec.out, &done)?;
        manifest.write(&exec.out)?;
    }

    raw.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&exec.out)?;
    Ok(done)
}
