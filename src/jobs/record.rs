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
//! Raw file lines are typed rows ([`RecordJob::Row`]) written and read through the one CSV
//! library: the key of the cell and trial ([`TrialKey`]) first, then the record's fields, floats
//! in a shortest form that reads back to the same double. What is read back (`--resume`,
//! `merge`) is checked row by row against the plan and the rules of a sampled record, and refused
//! with the file, the line and the reason.

use super::interrupt;
use super::progress::Progress;
use super::workers::thread_pool;
use crate::error::Error;
use crate::model::Cell;
pub use crate::model::Execution;
use crate::model::Grid;
use crate::model::Shard;
use crate::model::{Param, Precision};
use crate::store::atomic::partial_path;
use crate::store::lock::FolderLock;
use crate::store::manifest::{self, CellTiming, ManifestHead};
use crate::store::raw::{parse_rows, read_raw, row_lines, RawWriter};
use crate::store::table::columns;
use crate::store::{self as store, Manifest};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
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
    /// One line of the raw file: the trial's key (the fields of [`TrialKey`], and any more the
    /// job records of the cell), then the record's fields; the file's header is its columns.
    type Row: Serialize + DeserializeOwned;

    /// The job with these options, or the first reason it cannot run.
    fn new(options: JobOptions<JobParams<Self::Spec>>) -> Result<Self, Error>;
    fn options(&self) -> &JobOptions<JobParams<Self::Spec>>;
    /// Every cell of the run, in output order: planned, and checked against every rule, once,
    /// when the job was made.
    fn cells(&self) -> &[Cell];
    /// The records of `trials` of `cell`, in trial order.
    fn sample(
        &self,
        cell: &Cell,
        trials: Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<Self::Record>, Error>;
    /// The raw row of trial `trial` of `cell`.
    fn row(&self, cell: &Cell, trial: u64, record: &Self::Record) -> Self::Row;
    /// The key and the record a row read back holds, if it is a row of `cell` (the fields of
    /// the cell beyond the key, such as a scale factor, must be the plan's to the bit).
    fn record(&self, cell: &Cell, row: Self::Row) -> Result<(TrialKey, Self::Record), String>;
    /// Why a record read back (`--resume`, `merge`) cannot be a trial of `cell`, if it cannot:
    /// the rules every sampled record obeys (a finite radius >= 0, no more eigenvalues outside
    /// than the matrix has), so that an edited or damaged file is refused, never averaged.
    fn check_record(&self, cell: &Cell, record: &Self::Record) -> Result<(), String>;
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

/// What identifies a raw row: the cell (ensemble, scale, width) and the trial. Every job's row
/// begins with these fields.
#[derive(Clone, Debug, PartialEq)]
pub struct TrialKey {
    /// Borrowed while writing (an ensemble's name is static), owned once read back.
    pub ensemble: Cow<'static, str>,
    pub scale: String,
    pub n: usize,
    pub trial: u64,
}

impl TrialKey {
    pub fn of(cell: &Cell, trial: u64) -> Self {
        TrialKey {
            ensemble: Cow::Borrowed(cell.ensemble.name()),
            scale: cell.scale.label(),
            n: cell.n,
            trial,
        }
    }
}

/// The header of `J`'s raw file: the columns of its row type.
pub fn raw_header<J: RecordJob>() -> String {
    columns::<J::Row>().join(",")
}

/// What is wrong with the raw file `path` of a run whose manifest says it is complete:
/// "still partial" or "missing", or nothing when it is in place and finished.
pub(super) fn unfinished_raw(path: &Path) -> Option<&'static str> {
    if partial_path(path).exists() {
        Some("still partial")
    } else if !path.is_file() {
        Some("missing")
    } else {
        None
    }
}

/// Refuses a spectral radius that no sampled matrix has: NaN, negative or infinite.
pub fn check_radius(rho: f64) -> Result<(), String> {
    if rho.is_finite() && rho >= 0.0 {
        Ok(())
    } else {
        Err(format!(
            "{rho} is not a spectral radius (need a finite number >= 0)"
        ))
    }
}

/// The raw lines of trials `first..` of `cell`.
pub(super) fn raw_lines<J: RecordJob>(
    job: &J,
    cell: &Cell,
    first: u64,
    records: &[J::Record],
) -> String {
    row_lines(
        records
            .iter()
            .zip(first..)
            .map(|(record, trial)| job.row(cell, trial, record)),
    )
}

/// Sorts raw lines into the cells of a plan, checking that they are exactly this plan's trials
/// `slice` of each cell, in order (complete cells, then at most one partial one): each line must
/// be a row of the job's type whose key is this plan's next trial (with the cell's other fields,
/// such as the scale factor, the plan's to the bit), and whose record passes
/// [`RecordJob::check_record`].
pub(super) fn assign<J: RecordJob>(
    job: &J,
    body: &str,
    cells: &[Cell],
    slice: &Range<u64>,
    what: &Path,
    param: Param,
) -> Result<Vec<Vec<J::Record>>, Error> {
    let per_cell = (slice.end - slice.start) as usize;
    let mut records: Vec<Vec<J::Record>> = vec![Vec::new(); cells.len()];
    let mut ci = 0;
    for (line, row) in parse_rows::<J::Row>(body) {
        while ci < cells.len() && records[ci].len() == per_cell {
            ci += 1;
        }
        let refuse = |why: &str| {
            let text = body.lines().nth(line - 2).unwrap_or("");
            Error::config(
                param,
                format!(
                    "'{}' line {line}: {why}: '{}'",
                    what.display(),
                    text.chars().take(80).collect::<String>()
                ),
            )
        };
        let Some(cell) = cells.get(ci) else {
            return Err(refuse("more trials than this run's plan has"));
        };
        let row = row.map_err(|why| refuse(&format!("not a row of this job ({why})")))?;
        let (key, record) = job.record(cell, row).map_err(|why| refuse(&why))?;
        let expected = TrialKey::of(cell, slice.start + records[ci].len() as u64);
        if key != expected {
            return Err(refuse(&format!(
                "not the next trial of this run's plan, which is trial {} of {}",
                expected.trial,
                label(cell)
            )));
        }
        job.check_record(cell, &record)
            .map_err(|why| refuse(&why))?;
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

/// A fresh run in the locked folder `--out`: a forced run first clears what an earlier one
/// left.
fn start_fresh<J: RecordJob>(job: &J, cells: usize) -> Result<Progressed<J::Record>, Error> {
    let out = &job.exec().out;
    store::clear_previous(out, J::FILES)?;
    Ok(Progressed {
        records: vec![Vec::new(); cells],
        seconds: vec![0.0; cells],
        raw: RawWriter::create(&out.join(J::RAW), &raw_header::<J>())?,
    })
}

/// Picks up the run in `--out`: same version, job and parameters, raw lines kept up to the last
/// complete one. `None` if that run is already complete.
fn resume<J: RecordJob>(
    job: &J,
    cells: &[Cell],
    slice: &Range<u64>,
) -> Result<Option<Progressed<J::Record>>, Error> {
    const P: Param = Param::Resume;
    let out = &job.exec().out;
    let dir = out.display();
    let head: ManifestHead = manifest::read(out, P)?;
    if head.subcommand != J::SUBCOMMAND {
        return Err(Error::config(
            P,
            format!(
                "'{dir}' holds a {} run, not a {} run",
                head.subcommand,
                J::SUBCOMMAND
            ),
        ));
    }
    if head.version != env!("CARGO_PKG_VERSION") {
        return Err(Error::config(
            P,
            format!(
                "the run in '{dir}' was made by mc-gumbel {}, this is {}; finish it with that version",
                head.version,
                env!("CARGO_PKG_VERSION")
            ),
        ));
    }
    let manifest: Manifest<JobParams<J::Spec>> = manifest::read(out, P)?;
    // The parameters hold only what determines results: --threads may change on resume.
    if manifest.options != *job.params() {
        return Err(Error::config(
            P,
            format!(
                "the run in '{dir}' was started with other options ({}); repeat its command line with --resume",
                serde_json::to_string(&manifest.options).unwrap_or_default()
            ),
        ));
    }
    let path = out.join(J::RAW);
    let partial = partial_path(&path);
    // The manifest and the raw file must tell the same story before anything is appended.
    let disagree = |what: String| {
        Error::config(
            P,
            format!(
                "'{dir}' is inconsistent: {what}; it was edited or damaged, so rerun it without \
                 --resume (with --force)"
            ),
        )
    };
    if manifest.complete {
        if let Some(state) = unfinished_raw(&path) {
            return Err(disagree(format!(
                "its manifest says the run is complete, but {} is {state}",
                J::RAW
            )));
        }
        return Ok(None);
    }
    if path.exists() {
        return Err(disagree(format!(
            "its manifest says the run is unfinished, but {} is complete",
            J::RAW
        )));
    }
    if !partial.exists() {
        if !manifest.cells.is_empty() {
            return Err(disagree(format!(
                "its manifest lists finished cells, but {} is missing",
                J::RAW
            )));
        }
        return start_fresh(job, cells.len()).map(Some);
    }
    let header = raw_header::<J>();
    let lines = read_raw(&partial, &header, true)?;
    let records = assign(job, &lines.body, cells, slice, &partial, P)?;
    Ok(Some(Progressed {
        records,
        seconds: cells
            .iter()
            .map(|c| manifest.cell_seconds(c.ensemble.name(), &c.scale.label(), c.n))
            .collect(),
        raw: RawWriter::reopen(&path, &header, lines.valid_bytes)?,
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
        job.exec(),
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
    let cells = job.cells();
    let slice = params.shard.slice(params.trials)?;
    if !exec.resume {
        store::check_no_previous(&exec.out, J::FILES, exec.force)?;
        store::prepare_dir(&exec.out, Param::Out)?;
    } else if !exec.out.is_dir() {
        return Err(Error::config(
            Param::Resume,
            format!(
                "'{}' holds no run to resume; start it without --resume",
                exec.out.display()
            ),
        ));
    }
    let _lock = FolderLock::acquire(&exec.out)?;
    let state = if exec.resume {
        resume(job, cells, &slice)?
    } else {
        Some(start_fresh(job, cells.len())?)
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
                return Err(saved
                    .err()
                    .unwrap_or(Error::Interrupted { resumable: true }));
            }
            let first = slice.start + records[ci].len() as u64;
            let last = (first + chunk).min(slice.end);
            let t0 = Instant::now();
            let fresh = pool.install(|| job.sample(cell, first..last, &tick))?;
            let took = t0.elapsed().as_secs_f64();
            seconds[ci] += took;
            raw.append(&raw_lines(job, cell, first, &fresh))?;
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
