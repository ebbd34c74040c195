//! The main job: spectral radii of every ensemble x scale x width, with fits against theory,
//! written as tidy CSV files and a manifest. Trials run in chunks whose rows are appended and
//! synced in trial order, so a run killed at any moment resumes (`--resume`) to the same bytes,
//! and a run split by `--shard` merges (`mc-gumbel merge`) to the same bytes.

use crate::ensemble::{Ensemble, Scale};
use crate::error::Error;
use crate::interrupt;
use crate::merge::{self as merging, read_manifest};
use crate::output::{self, manifest::CellTiming, trials, write_table, Manifest, TableWriter};
use crate::progress::Progress;
use crate::sampler::{self, Cell, Method};
use crate::shard::Shard;
use crate::spectrum::RadiusRecord;
use crate::summary::{self, Candidate, ConvergenceRow, RescalingRow, SummaryRow, TrialRow};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

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
    pub widths: Vec<usize>,
    pub trials: usize,
    pub ensembles: Vec<Ensemble>,
    pub scales: Vec<Scale>,
    pub method: Method,
    pub targets: Vec<f64>,
    pub seed: u64,
    pub shard: Shard,
    pub threads: usize,
    pub out: PathBuf,
    pub force: bool,
    pub resume: bool,
}

impl RadiusOptions {
    /// Everything that determines the output bytes (not threads, not the folder): recorded in the
    /// manifest and compared by `--resume` and `merge`.
    pub fn identity(&self) -> serde_json::Value {
        serde_json::json!({
            "widths": self.widths,
            "trials": self.trials,
            "ensembles": self.ensembles.iter().map(|e| e.name()).collect::<Vec<_>>(),
            "scales": self.scales.iter().map(|s| s.label()).collect::<Vec<_>>(),
            "method": self.method.name(),
            "targets": self.targets,
            "seed": self.seed,
            "shard": self.shard.to_json(),
        })
    }

    /// Rebuilds options from a manifest's `options` (for `merge`); `None` if they do not parse.
    pub fn from_identity(v: &serde_json::Value, out: PathBuf, threads: usize) -> Option<Self> {
        let strings = |key: &str| -> Option<Vec<String>> {
            v.get(key)?
                .as_array()?
                .iter()
                .map(|x| x.as_str().map(String::from))
                .collect()
        };
        Some(RadiusOptions {
            widths: v["widths"]
                .as_array()?
                .iter()
                .map(|x| x.as_u64().map(|w| w as usize))
                .collect::<Option<_>>()?,
            trials: v["trials"].as_u64()? as usize,
            ensembles: strings("ensembles")?
                .iter()
                .map(|e| Ensemble::parse(e))
                .collect::<Option<_>>()?,
            scales: strings("scales")?
                .iter()
                .map(|s| Scale::parse(s).ok())
                .collect::<Option<_>>()?,
            method: Method::parse(v["method"].as_str()?)?,
            targets: v["targets"]
                .as_array()?
                .iter()
                .map(|x| x.as_f64())
                .collect::<Option<_>>()?,
            seed: v["seed"].as_u64()?,
            shard: Shard::from_json(&v["shard"])?,
            threads,
            out,
            force: false,
            resume: false,
        })
    }
}

/// Every cell of the run, in output order, or the first reason the plan cannot run.
pub fn plan(opts: &RadiusOptions) -> Result<Vec<Cell>, Error> {
    if let Some(e) = opts.ensembles.iter().find(|&&e| !opts.method.supports(e)) {
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
    let cells = crate::plan::cells(&opts.ensembles, &opts.scales, &opts.widths, opts.method)?;
    crate::plan::check_memory(
        &cells,
        opts.threads.min(opts.trials),
        crate::plan::dense_bytes,
    )?;
    Ok(cells)
}

/// What a finished run reports back to the caller.
#[derive(Debug)]
pub struct RadiusReport {
    pub summaries: Vec<SummaryRow>,
    pub wall_seconds: f64,
}

/// The summary tables of the cells finished so far; rewritten atomically after each one.
struct Tables {
    summaries: Vec<SummaryRow>,
    /// Sorted glorot-scale radii per (ensemble, width), for the Monte Carlo columns of rescaling.
    glorot: HashMap<(&'static str, usize), Vec<f64>>,
    candidates: Vec<Candidate>,
}

impl Tables {
    fn new(targets: &[f64]) -> Self {
        Tables {
            summaries: Vec::new(),
            glorot: HashMap::new(),
            candidates: summary::candidates(targets),
        }
    }

    fn add(&mut self, cell: &Cell, records: &[RadiusRecord], seconds: f64) -> &SummaryRow {
        let sorted = summary::sorted_radii(records);
        self.summaries
            .push(summary::summary_row(cell, &sorted, seconds));
        if cell.scale == Scale::Glorot {
            self.glorot.insert((cell.ensemble.name(), cell.n), sorted);
        }
        self.summaries.last().expect("just pushed")
    }

    /// Writes the summary, convergence and rescaling tables for the first `done` cells. A width's
    /// rescaling rows appear once any cell of it is done.
    fn write(&self, out: &Path, cells: &[Cell], done: usize) -> Result<(), Error> {
        write_table(&out.join(FILES[1]), &self.summaries)?;
        let convergence: Vec<ConvergenceRow> = self
            .summaries
            .iter()
            .map(summary::convergence_row)
            .collect();
        write_table(&out.join(FILES[2]), &convergence)?;
        let mut rescaling: Vec<RescalingRow> = Vec::new();
        let mut seen: Vec<(Ensemble, usize)> = Vec::new();
        for c in &cells[..done] {
            if seen.contains(&(c.ensemble, c.n)) {
                continue;
            }
            seen.push((c.ensemble, c.n));
            let mc = self
                .glorot
                .get(&(c.ensemble.name(), c.n))
                .map(|v| v.as_slice());
            rescaling.extend(summary::rescaling_rows(
                c.ensemble,
                c.n,
                &self.candidates,
                mc,
            ));
        }
        // Rows grouped by ensemble, then width, whatever order the cells finished in.
        let order = |e: &str| cells.iter().position(|c| c.ensemble.name() == e);
        rescaling.sort_by_key(|r| (order(&r.ensemble), r.n));
        write_table(&out.join(FILES[3]), &rescaling)
    }
}

fn trial_rows<'a>(
    cell: &'a Cell,
    scale: &'a str,
    first: u64,
    records: &[RadiusRecord],
) -> Vec<TrialRow<'a>> {
    records
        .iter()
        .zip(first..)
        .map(|(r, trial)| TrialRow {
            ensemble: cell.ensemble.name(),
            scale,
            scale_factor: cell.factor,
            method: cell.method.name(),
            n: cell.n,
            trial,
            rho: r.rho,
            n_outside: r.n_outside,
        })
        .collect()
}

/// Sorts parsed trial rows into the cells of a plan, checking that they are exactly this plan's
/// rows, in order, for the trial slice `slice` (complete cells, then at most one partial one).
fn assign_rows(
    rows: &[trials::TrialLine],
    cells: &[Cell],
    slice: &Range<u64>,
    what: &Path,
) -> Result<Vec<Vec<RadiusRecord>>, Error> {
    let per_cell = (slice.end - slice.start) as usize;
    let mut records: Vec<Vec<RadiusRecord>> = vec![Vec::new(); cells.len()];
    let mut ci = 0;
    for (i, row) in rows.iter().enumerate() {
        while ci < cells.len() && records[ci].len() == per_cell {
            ci += 1;
        }
        let fits = cells.get(ci).is_some_and(|c| {
            c.ensemble.name() == row.ensemble
                && c.scale.label() == row.scale
                && c.n == row.n
                && row.trial == slice.start + records[ci].len() as u64
        });
        if !fits {
            return Err(Error::usage(
                "--resume",
                format!(
                    "'{}' row {} ({} {} n={} trial {}) does not belong to this run's plan",
                    what.display(),
                    i + 2,
                    row.ensemble,
                    row.scale,
                    row.n,
                    row.trial
                ),
            ));
        }
        records[ci].push(RadiusRecord {
            rho: row.rho,
            n_outside: row.n_outside,
        });
    }
    Ok(records)
}

/// Where an interrupted run left off: finished records per cell and their sampling seconds.
struct Progressed {
    records: Vec<Vec<RadiusRecord>>,
    seconds: Vec<f64>,
    trials_out: TableWriter,
}

fn start_fresh(opts: &RadiusOptions, cells: &[Cell]) -> Result<Progressed, Error> {
    output::check_no_previous(&opts.out, &FILES, opts.force)?;
    output::prepare_dir(&opts.out, "--out")?;
    Ok(Progressed {
        records: vec![Vec::new(); cells.len()],
        seconds: vec![0.0; cells.len()],
        trials_out: TableWriter::create(&opts.out.join(FILES[0]))?,
    })
}

/// Picks up the run in `opts.out`: same version and options, rows kept up to the last complete
/// one (a line torn by the crash is dropped).
fn resume(
    opts: &RadiusOptions,
    cells: &[Cell],
    slice: &Range<u64>,
) -> Result<Option<Progressed>, Error> {
    let manifest = read_manifest(&opts.out, "--resume")?;
    if manifest["version"] != env!("CARGO_PKG_VERSION") {
        return Err(Error::usage(
            "--resume",
            format!(
                "the run in '{}' was made by mc-gumbel {}, this is {}; finish it with that version",
                opts.out.display(),
                manifest["version"],
                env!("CARGO_PKG_VERSION")
            ),
        ));
    }
    if manifest["options"] != opts.identity() {
        return Err(Error::usage(
            "--resume",
            format!(
                "the run in '{}' was started with other options ({}); repeat its command line with --resume",
                opts.out.display(),
                manifest["options"]
            ),
        ));
    }
    if manifest["complete"] == true {
        return Ok(None);
    }
    let path = opts.out.join(FILES[0]);
    let partial = output::atomic::partial_path(&path);
    if !partial.exists() {
        return start_fresh(
            &RadiusOptions {
                force: true,
                ..opts.clone()
            },
            cells,
        )
        .map(Some);
    }
    let file = trials::read(&partial, true)?;
    let records = assign_rows(&file.rows, cells, slice, &partial)?;
    let seconds = cells
        .iter()
        .map(|c| merging::cell_seconds(&manifest, c))
        .collect();
    Ok(Some(Progressed {
        records,
        seconds,
        trials_out: TableWriter::reopen(&path, file.valid_bytes)?,
    }))
}

/// Runs the whole job: validates, samples every cell in parallel over trials, and writes the
/// CSVs and manifest. Rows are appended and synced chunk by chunk; the summary files and the
/// manifest are rewritten after each finished cell. Ctrl-C or SIGTERM stops after the chunk in
/// flight with everything saved ([`Error::Interrupted`]).
pub fn run(opts: &RadiusOptions, progress: Progress) -> Result<RadiusReport, Error> {
    let cells = plan(opts)?;
    let slice = opts.shard.trials(opts.trials);
    if slice.is_empty() {
        return Err(Error::usage(
            "--shard",
            format!(
                "{} shards of {} trials leave this shard empty; use fewer shards",
                opts.shard.count, opts.trials
            ),
        ));
    }
    let state = if opts.resume {
        resume(opts, &cells, &slice)?
    } else {
        Some(start_fresh(opts, &cells)?)
    };
    let Some(Progressed {
        mut records,
        mut seconds,
        mut trials_out,
    }) = state
    else {
        progress.line(
            &indicatif::ProgressBar::hidden(),
            &format!(
                "nothing to resume: the run in '{}' is complete",
                opts.out.display()
            ),
        );
        return Ok(RadiusReport {
            summaries: Vec::new(),
            wall_seconds: 0.0,
        });
    };
    let pool = crate::plan::thread_pool(opts.threads)?;
    interrupt::install();

    let started = Instant::now();
    let mut manifest = Manifest::new("radius", Some(opts.seed), opts.threads, opts.identity());
    manifest.files = FILES.iter().map(|s| s.to_string()).collect();
    let mut tables = Tables::new(&opts.targets);
    let per_cell = slice.end - slice.start;
    // From the first moment the folder says what it holds, so a run killed at once can resume.
    manifest.write(&opts.out)?;

    for (ci, cell) in cells.iter().enumerate() {
        let scale_label = cell.scale.label();
        let label = format!("{} {} n={}", cell.ensemble.name(), scale_label, cell.n);
        let bar = progress.bar(&label, per_cell);
        bar.set_position(records[ci].len() as u64);
        let tick = || bar.inc(1);
        // Chunks start at one trial per thread and double while a chunk takes under 2 s: short
        // enough that Ctrl-C answers quickly, long enough that syncing costs nothing.
        let mut chunk = opts.threads as u64;
        while (records[ci].len() as u64) < per_cell {
            if interrupt::requested() {
                return Err(interrupted(
                    opts,
                    &cells,
                    ci,
                    &tables,
                    &mut trials_out,
                    &mut manifest,
                    started,
                ));
            }
            let first = slice.start + records[ci].len() as u64;
            let last = (first + chunk).min(slice.end);
            let t0 = Instant::now();
            let fresh =
                pool.install(|| sampler::sample_cell(cell, opts.seed, first..last, &tick))?;
            let took = t0.elapsed().as_secs_f64();
            seconds[ci] += took;
            trials_out.append(&trial_rows(cell, &scale_label, first, &fresh))?;
            records[ci].extend(fresh);
            if took < 2.0 {
                chunk = (chunk * 2).min(1 << 20);
            }
        }
        bar.finish_and_clear();
        let row = pool.install(|| tables.add(cell, &records[ci], seconds[ci]).clone());
        progress.line(
            &bar,
            &format!(
                "{label}: {} trials in {:.2} s, mean rho {:.6}, P(rho > 1) = {:.4}",
                per_cell, seconds[ci], row.mean, row.p_exceed_1
            ),
        );
        manifest
            .cells
            .push(timing(cell, per_cell as usize, seconds[ci]));
        manifest.wall_seconds = started.elapsed().as_secs_f64();
        tables.write(&opts.out, &cells, ci + 1)?;
        manifest.write(&opts.out)?;
    }

    trials_out.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&opts.out)?;
    Ok(RadiusReport {
        summaries: tables.summaries,
        wall_seconds: manifest.wall_seconds,
    })
}

fn timing(cell: &Cell, trials: usize, seconds: f64) -> CellTiming {
    CellTiming {
        ensemble: cell.ensemble.name().into(),
        scale: cell.scale.label(),
        method: cell.method.name().into(),
        n: cell.n,
        trials,
        seconds,
    }
}

/// Saves what an interrupted run has and says how to continue it.
fn interrupted(
    opts: &RadiusOptions,
    cells: &[Cell],
    done: usize,
    tables: &Tables,
    trials_out: &mut TableWriter,
    manifest: &mut Manifest,
    started: Instant,
) -> Error {
    let saved = trials_out
        .sync()
        .and_then(|_| tables.write(&opts.out, cells, done))
        .and_then(|_| {
            manifest.wall_seconds = started.elapsed().as_secs_f64();
            manifest.write(&opts.out)
        });
    if let Err(e) = saved {
        return e;
    }
    Error::Interrupted {
        resume: interrupt::resume_command(),
    }
}

/// `mc-gumbel merge`: joins the outputs of the shards of one run into the files the unsharded run
/// writes (trial rows and everything computed from them, byte for byte; `seconds` and the
/// manifest's timings are sums over the shards).
pub fn merge(dirs: &[PathBuf], out: &Path, force: bool, threads: usize) -> Result<(), Error> {
    const FLAG: &str = "merge";
    let set = merging::check(dirs, "radius")?;
    let opts = RadiusOptions::from_identity(set.options(), out.to_path_buf(), threads).ok_or_else(
        || {
            Error::usage(
                FLAG,
                format!(
                    "cannot read the options in '{}'",
                    dirs[0].join("manifest.json").display()
                ),
            )
        },
    )?;
    let opts = RadiusOptions {
        shard: Shard::WHOLE,
        force,
        ..opts
    };
    let cells = plan(&opts)?;
    let mut records: Vec<Vec<RadiusRecord>> = vec![Vec::new(); cells.len()];
    for (index, &folder) in set.folder_of.iter().enumerate() {
        let slice = set.shard(index).trials(opts.trials);
        let path = dirs[folder].join(FILES[0]);
        let file = trials::read(&path, false)?;
        let parts = assign_rows(&file.rows, &cells, &slice, &path)?;
        for (ci, part) in parts.into_iter().enumerate() {
            if part.len() as u64 != slice.end - slice.start {
                return Err(Error::usage(
                    FLAG,
                    format!(
                        "'{}' lacks rows of {} {} n={}",
                        path.display(),
                        cells[ci].ensemble.name(),
                        cells[ci].scale.label(),
                        cells[ci].n
                    ),
                ));
            }
            records[ci].extend(part);
        }
    }
    let seconds: Vec<f64> = cells.iter().map(|c| set.seconds(c)).collect();

    output::check_no_previous(out, &FILES, force)?;
    output::prepare_dir(out, "--out")?;
    let started = Instant::now();
    let pool = crate::plan::thread_pool(threads)?;
    let mut manifest = Manifest::new("radius", Some(opts.seed), threads, opts.identity());
    manifest.files = FILES.iter().map(|s| s.to_string()).collect();
    manifest.merged_from = dirs.iter().map(|d| d.display().to_string()).collect();
    let mut trials_out = TableWriter::create(&out.join(FILES[0]))?;
    let mut tables = Tables::new(&opts.targets);
    for (ci, cell) in cells.iter().enumerate() {
        let scale_label = cell.scale.label();
        trials_out.append(&trial_rows(cell, &scale_label, 0, &records[ci]))?;
        pool.install(|| tables.add(cell, &records[ci], seconds[ci]));
        manifest.cells.push(timing(cell, opts.trials, seconds[ci]));
    }
    tables.write(out, &cells, cells.len())?;
    trials_out.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(out)
}
