//! The run loop of the jobs whose tables aggregate over trials (`hidden`, `density`), with
//! `--shard`, `--resume`, clean Ctrl-C and `merge`.
//!
//! Such a job keeps one line per trial in a raw file (`<job>_raw.csv`): the minimal per-trial
//! record its tables are computed from, appended and synced chunk by chunk in trial order. Its
//! tables are always computed by [`RecordJob::cell_rows`] from a cell's records in trial order,
//! whether the records were just sampled, read back by `--resume`, or joined from shards by
//! `merge`; so a resumed or merged run writes the same bytes as an uninterrupted unsharded one by
//! construction (floating-point sums see the same values in the same order).
//!
//! Raw file lines start with a key naming the cell and trial (by default `ensemble,scale,n,trial,`);
//! the job writes the rest. Floats are written in a shortest form that reads back to the same
//! double (`{:e}` or `{:?}`).

use crate::error::Error;
use crate::interrupt;
use crate::merge::{cell_seconds, read_manifest, Shards};
use crate::output::{self, atomic::partial_path, manifest::CellTiming, AppendFile, Manifest};
use crate::plan::Grid;
use crate::progress::Progress;
use crate::sampler::Cell;
use crate::shard::Shard;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The options every sampling job shares: how many trials, which slice of them, with what seed,
/// where, and on how many threads.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOptions {
    pub trials: usize,
    pub seed: u64,
    pub shard: Shard,
    pub threads: usize,
    pub out: PathBuf,
    pub force: bool,
    pub resume: bool,
}

impl RunOptions {
    /// The keys of these options that determine results, for a manifest's `options`.
    pub fn identity(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut map = serde_json::Map::new();
        map.insert("trials".into(), self.trials.into());
        map.insert("seed".into(), self.seed.into());
        map.insert("shard".into(), self.shard.to_json());
        map
    }

    /// The options of a merge: the whole run of the shards' manifest `options`, into `out`.
    pub fn merged(v: &serde_json::Value, out: &Path, threads: usize, force: bool) -> Option<Self> {
        Some(RunOptions {
            trials: v["trials"].as_u64()? as usize,
            seed: v["seed"].as_u64()?,
            shard: Shard::WHOLE,
            threads,
            out: out.to_path_buf(),
            force,
            resume: false,
        })
    }
}

/// A job's options as a manifest's `options`: its grid, its own `fields`, and those of `run`
/// that determine results.
pub fn options_json(grid: &Grid, fields: serde_json::Value, run: &RunOptions) -> serde_json::Value {
    let mut map = grid.to_json();
    if let serde_json::Value::Object(own) = fields {
        map.extend(own);
    }
    map.extend(run.identity());
    serde_json::Value::Object(map)
}

/// A job made of independent trials per cell, summarised from per-trial records.
pub trait RecordJob: Sync {
    /// One trial's raw result, exactly what the tables need of it.
    type Record: Send + Sync + Clone;
    /// Everything one finished cell contributes to the tables.
    type CellRows: Send;
    const SUBCOMMAND: &'static str;
    /// Every file the job writes, manifest last; [`RecordJob::RAW`] among them.
    const FILES: &'static [&'static str];
    const RAW: &'static str;
    /// Header of the raw file, starting with `ensemble,scale,n,trial`.
    const RAW_HEADER: &'static str;

    fn run_options(&self) -> &RunOptions;
    /// The options as the manifest records them.
    fn options_json(&self) -> serde_json::Value;
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
    /// `first..`: this shard's slice), sampled in `seconds`.
    fn cell_rows(
        &self,
        cell: &Cell,
        first: u64,
        records: &[Self::Record],
        seconds: f64,
    ) -> Self::CellRows;
    /// The log line of a finished cell.
    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &Self::CellRows) -> String;
    /// Rewrites every table (atomically) from the rows of the cells finished so far.
    fn write_tables(&self, out: &Path, done: &[Self::CellRows]) -> Result<(), Error>;
}

/// The identifying parts of a raw line's key, and the rest of the line.
pub struct LineKey<'a> {
    pub ensemble: &'a str,
    pub scale: &'a str,
    pub n: &'a str,
    pub trial: &'a str,
    pub rest: &'a str,
}

/// The raw file of a run in progress.
struct RawWriter {
    file: AppendFile,
    header_written: bool,
}

impl RawWriter {
    fn create(path: &Path) -> Result<Self, Error> {
        Ok(RawWriter {
            file: AppendFile::create(path)?,
            header_written: false,
        })
    }

    fn reopen(path: &Path, valid_bytes: u64) -> Result<Self, Error> {
        Ok(RawWriter {
            file: AppendFile::reopen(path, valid_bytes)?,
            header_written: valid_bytes > 0,
        })
    }

    /// Appends the records of trials `first..` of `cell` and syncs them to the disk.
    fn append<J: RecordJob>(
        &mut self,
        job: &J,
        cell: &Cell,
        first: u64,
        records: &[J::Record],
    ) -> Result<(), Error> {
        let mut text = String::new();
        if !self.header_written {
            text.push_str(J::RAW_HEADER);
            text.push('\n');
        }
        for (record, trial) in records.iter().zip(first..) {
            job.write_key(cell, trial, &mut text);
            job.write_record(record, &mut text);
            text.push('\n');
        }
        let path = self.file.partial_path().to_path_buf();
        self.file
            .writer
            .write_all(text.as_bytes())
            .map_err(|e| Error::io(path, e))?;
        self.header_written = true;
        self.file.sync()
    }
}

/// The complete lines of a raw file after its header, and the bytes they end at.
struct RawLines {
    body: String,
    valid_bytes: u64,
}

/// Reads a raw file. With `allow_torn`, a last line without its newline (a write cut off by a
/// crash) is dropped; otherwise it is an error.
fn read_raw(path: &Path, header: &str, allow_torn: bool) -> Result<RawLines, Error> {
    let bad = |what: String| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, what),
        )
    };
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if complete < bytes.len() && !allow_torn {
        return Err(bad("the file ends in the middle of a line".into()));
    }
    let text =
        String::from_utf8(bytes[..complete].to_vec()).map_err(|_| bad("not UTF-8".into()))?;
    if text.is_empty() {
        return Ok(RawLines {
            body: text,
            valid_bytes: 0,
        });
    }
    let (head, body) = text.split_once('\n').expect("ends in a newline");
    if head != header {
        return Err(bad(format!("unexpected header '{head}'")));
    }
    Ok(RawLines {
        body: body.to_string(),
        valid_bytes: complete as u64,
    })
}

/// Sorts raw lines into the cells of a plan, checking that they are exactly this plan's trials
/// `slice` of each cell, in order (complete cells, then at most one partial one).
fn assign<J: RecordJob>(
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
    s: &RunOptions,
    cells: usize,
    force: bool,
) -> Result<Progressed<J::Record>, Error> {
    output::check_no_previous(&s.out, J::FILES, force)?;
    output::prepare_dir(&s.out, "--out")?;
    Ok(Progressed {
        records: vec![Vec::new(); cells],
        seconds: vec![0.0; cells],
        raw: RawWriter::create(&s.out.join(J::RAW))?,
    })
}

/// Picks up the run in `--out`: same version, job and options, raw lines kept up to the last
/// complete one. `None` if that run is already complete.
fn resume<J: RecordJob>(
    job: &J,
    cells: &[Cell],
    slice: &Range<u64>,
) -> Result<Option<Progressed<J::Record>>, Error> {
    const FLAG: &str = "--resume";
    let s = job.run_options();
    let manifest = read_manifest(&s.out, FLAG)?;
    let dir = s.out.display();
    if manifest["subcommand"] != J::SUBCOMMAND {
        return Err(Error::usage(
            FLAG,
            format!(
                "'{dir}' holds a {} run, not a {} run",
                manifest["subcommand"],
                J::SUBCOMMAND
            ),
        ));
    }
    if manifest["version"] != env!("CARGO_PKG_VERSION") {
        return Err(Error::usage(
            FLAG,
            format!(
                "the run in '{dir}' was made by mc-gumbel {}, this is {}; finish it with that version",
                manifest["version"],
                env!("CARGO_PKG_VERSION")
            ),
        ));
    }
    // The options hold only what determines results: --threads may change on resume.
    if manifest["options"] != job.options_json() {
        return Err(Error::usage(
            FLAG,
            format!(
                "the run in '{dir}' was started with other options ({}); repeat its command line with --resume",
                manifest["options"]
            ),
        ));
    }
    if manifest["complete"] == true {
        return Ok(None);
    }
    let path = s.out.join(J::RAW);
    let partial = partial_path(&path);
    if !partial.exists() {
        return start_fresh::<J>(s, cells.len(), true).map(Some);
    }
    let lines = read_raw(&partial, J::RAW_HEADER, true)?;
    let records = assign(job, &lines.body, cells, slice, &partial, FLAG)?;
    Ok(Some(Progressed {
        records,
        seconds: cells.iter().map(|c| cell_seconds(&manifest, c)).collect(),
        raw: RawWriter::reopen(&path, lines.valid_bytes)?,
    }))
}

fn label(cell: &Cell) -> String {
    format!(
        "{} {} n={}",
        cell.ensemble.name(),
        cell.scale.label(),
        cell.n
    )
}

fn timing(cell: &Cell, trials: u64, seconds: f64) -> CellTiming {
    CellTiming {
        ensemble: cell.ensemble.name().into(),
        scale: cell.scale.label(),
        method: cell.method.name().into(),
        n: cell.n,
        trials: trials as usize,
        seconds,
    }
}

/// Runs the job: samples every cell's trials (this shard's slice of them) in chunks whose records
/// are appended and synced in trial order, rewriting the tables and manifest after each finished
/// cell. Ctrl-C or SIGTERM stops after the chunk in flight with everything saved
/// ([`Error::Interrupted`]). Returns the rows of every cell (none if `--resume` found the run
/// already complete).
pub fn run<J: RecordJob>(job: &J, progress: Progress) -> Result<Vec<J::CellRows>, Error> {
    let s = job.run_options();
    let cells = job.cells()?;
    let slice = s.shard.trials(s.trials);
    if slice.is_empty() {
        return Err(Error::usage(
            "--shard",
            format!(
                "{} shards of {} trials leave this shard empty; use fewer shards",
                s.shard.count, s.trials
            ),
        ));
    }
    let state = if s.resume {
        resume(job, &cells, &slice)?
    } else {
        Some(start_fresh::<J>(s, cells.len(), s.force)?)
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
                s.out.display()
            ),
        );
        return Ok(Vec::new());
    };
    let pool = crate::plan::thread_pool(s.threads)?;
    interrupt::install();

    let started = Instant::now();
    let mut manifest = Manifest::new(J::SUBCOMMAND, Some(s.seed), s.threads, job.options_json());
    manifest.files = J::FILES.iter().map(|f| f.to_string()).collect();
    // From the first moment the folder says what it holds, so a run killed at once can resume.
    manifest.write(&s.out)?;
    let per_cell = slice.end - slice.start;
    let mut done: Vec<J::CellRows> = Vec::new();

    for (ci, cell) in cells.iter().enumerate() {
        let label = label(cell);
        let bar = progress.bar(&label, per_cell);
        bar.set_position(records[ci].len() as u64);
        let tick = || bar.inc(1);
        // Chunks start at one trial per thread and double while a chunk takes under 2 s: short
        // enough that Ctrl-C answers quickly, long enough that syncing costs nothing.
        let mut chunk = s.threads as u64;
        while (records[ci].len() as u64) < per_cell {
            if interrupt::requested() {
                let saved = raw.file.sync().and_then(|_| {
                    if !done.is_empty() {
                        job.write_tables(&s.out, &done)?;
                    }
                    manifest.wall_seconds = started.elapsed().as_secs_f64();
                    manifest.write(&s.out)
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
            raw.append(job, cell, first, &fresh)?;
            records[ci].extend(fresh);
            if took < 2.0 {
                chunk = (chunk * 2).min(1 << 20);
            }
        }
        bar.finish_and_clear();
        let rows = pool.install(|| job.cell_rows(cell, slice.start, &records[ci], seconds[ci]));
        // The tables hold what is needed of a finished cell; its records are on disk.
        records[ci] = Vec::new();
        progress.line(&bar, &job.describe(&label, per_cell, seconds[ci], &rows));
        done.push(rows);
        manifest.cells.push(timing(cell, per_cell, seconds[ci]));
        manifest.wall_seconds = started.elapsed().as_secs_f64();
        job.write_tables(&s.out, &done)?;
        manifest.write(&s.out)?;
    }

    raw.file.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&s.out)?;
    Ok(done)
}

/// `mc-gumbel merge` for a record job: `job` holds the run's options (rebuilt from the checked
/// manifests of `set`) with the whole trial range and the merged `--out`. Reads every shard's raw
/// file, joins each cell's records in trial order, and writes the files of the unsharded run (the
/// manifest's timings are sums over the shards).
pub fn merge<J: RecordJob>(job: &J, set: &Shards, dirs: &[PathBuf]) -> Result<(), Error> {
    const FLAG: &str = "merge";
    let s = job.run_options();
    let cells = job.cells()?;
    let mut records: Vec<Vec<J::Record>> = vec![Vec::new(); cells.len()];
    for (index, &folder) in set.folder_of.iter().enumerate() {
        let slice = set.shard(index).trials(s.trials);
        let path = dirs[folder].join(J::RAW);
        let lines = read_raw(&path, J::RAW_HEADER, false)?;
        let parts = assign(job, &lines.body, &cells, &slice, &path, FLAG)?;
        for ((cell, part), all) in cells.iter().zip(parts).zip(&mut records) {
            if part.len() as u64 != slice.end - slice.start {
                return Err(Error::usage(
                    FLAG,
                    format!("'{}' lacks trials of {}", path.display(), label(cell)),
                ));
            }
            all.extend(part);
        }
    }

    output::check_no_previous(&s.out, J::FILES, s.force)?;
    output::prepare_dir(&s.out, "--out")?;
    let started = Instant::now();
    let pool = crate::plan::thread_pool(s.threads)?;
    let mut manifest = Manifest::new(J::SUBCOMMAND, Some(s.seed), s.threads, job.options_json());
    manifest.files = J::FILES.iter().map(|f| f.to_string()).collect();
    manifest.merged_from = dirs.iter().map(|d| d.display().to_string()).collect();
    let mut raw = RawWriter::create(&s.out.join(J::RAW))?;
    let mut done = Vec::with_capacity(cells.len());
    for (cell, recs) in cells.iter().zip(&records) {
        raw.append(job, cell, 0, recs)?;
        let seconds = set.seconds(cell);
        done.push(pool.install(|| job.cell_rows(cell, 0, recs, seconds)));
        manifest.cells.push(timing(cell, s.trials as u64, seconds));
    }
    job.write_tables(&s.out, &done)?;
    raw.file.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&s.out)
}
