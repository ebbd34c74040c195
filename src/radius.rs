//! The main job: spectral radii of every ensemble x scale x width, with fits against theory,
//! written as tidy CSV files and a manifest.

use crate::ensemble::{Ensemble, Scale};
use crate::error::Error;
use crate::output::{self, manifest::CellTiming, write_table, Manifest, TableWriter};
use crate::progress::Progress;
use crate::resources::{available_memory_bytes, format_bytes};
use crate::sampler::{self, Cell, Method};
use crate::spectrum::DenseWorkspace;
use crate::summary::{self, Candidate, ConvergenceRow, RescalingRow, SummaryRow, TrialRow};
use faer::c64;
use std::collections::HashMap;
use std::path::PathBuf;
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
    pub threads: usize,
    pub out: PathBuf,
    pub force: bool,
}

impl RadiusOptions {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "widths": self.widths,
            "trials": self.trials,
            "ensembles": self.ensembles.iter().map(|e| e.name()).collect::<Vec<_>>(),
            "scales": self.scales.iter().map(|s| s.label()).collect::<Vec<_>>(),
            "method": self.method.name(),
            "targets": self.targets,
            "seed": self.seed,
            "threads": self.threads,
            "out": self.out,
        })
    }
}

/// Every cell of the run, in output order, or the first reason the plan cannot run.
pub fn plan(opts: &RadiusOptions) -> Result<Vec<Cell>, Error> {
    let mut cells = Vec::new();
    for &ensemble in &opts.ensembles {
        if !opts.method.supports(ensemble) {
            return Err(Error::usage(
                "--method",
                format!(
                    "method '{}' cannot sample {}; it is exact for complex-ginibre only (use --method dense)",
                    opts.method.name(),
                    ensemble.name()
                ),
            ));
        }
        for &scale in &opts.scales {
            for &n in &opts.widths {
                let factor = scale.factor(n).ok_or_else(|| {
                    Error::usage(
                        "--scale",
                        format!(
                            "'{}' is undefined at width {n}: the published rescaling needs gamma_n > 0, i.e. n >= 164",
                            scale.label()
                        ),
                    )
                })?;
                cells.push(Cell {
                    ensemble,
                    scale,
                    factor,
                    n,
                    method: opts.method,
                });
            }
        }
    }
    check_memory(opts, &cells)?;
    Ok(cells)
}

fn check_memory(opts: &RadiusOptions, cells: &[Cell]) -> Result<(), Error> {
    let Some(available) = available_memory_bytes() else {
        return Ok(());
    };
    for cell in cells.iter().filter(|c| c.method != Method::Kostlan) {
        let per_worker = if cell.ensemble.is_complex() {
            DenseWorkspace::<c64>::bytes(cell.n, cell.method.form())
        } else {
            DenseWorkspace::<f64>::bytes(cell.n, cell.method.form())
        };
        // Orthogonal draws also hold the QR factors: count them as a second workspace.
        let per_worker = per_worker
            * if cell.ensemble == Ensemble::Orthogonal {
                3
            } else {
                1
            };
        let need = per_worker * opts.threads.min(opts.trials) as u128;
        if need > available as u128 {
            return Err(Error::usage(
                "--widths",
                format!(
                    "width {} needs about {} of dense matrices for {} thread(s), but only {} is available; \
                     use smaller widths, fewer --threads, or --method kostlan for complex-ginibre",
                    cell.n,
                    format_bytes(need),
                    opts.threads.min(opts.trials),
                    format_bytes(available as u128)
                ),
            ));
        }
    }
    Ok(())
}

/// What a finished run reports back to the caller.
#[derive(Debug)]
pub struct RadiusReport {
    pub summaries: Vec<SummaryRow>,
    pub wall_seconds: f64,
}

/// Runs the whole job: validates, samples every cell in parallel over trials, and writes the
/// CSVs and manifest. After every cell the summary files are rewritten atomically and the trial
/// rows appended and synced, so an interrupted run keeps all finished cells (the manifest then
/// says `"complete": false`).
pub fn run(opts: &RadiusOptions, progress: Progress) -> Result<RadiusReport, Error> {
    let cells = plan(opts)?;
    output::check_no_previous(&opts.out, &FILES, opts.force)?;
    output::prepare_dir(&opts.out, "--out")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| {
            Error::usage(
                "--threads",
                format!("cannot start {} threads: {e}", opts.threads),
            )
        })?;

    let started = Instant::now();
    let mut manifest = Manifest::new("radius", Some(opts.seed), opts.threads, opts.to_json());
    manifest.files = FILES.iter().map(|s| s.to_string()).collect();
    let mut trials_out = TableWriter::create(&opts.out.join(FILES[0]))?;
    let mut summaries: Vec<SummaryRow> = Vec::new();
    let mut glorot: HashMap<(usize, usize), Vec<f64>> = HashMap::new();
    let candidates = candidates(&opts.targets);

    for cell in &cells {
        let label = format!(
            "{} {} n={}",
            cell.ensemble.name(),
            cell.scale.label(),
            cell.n
        );
        let bar = progress.bar(&label, opts.trials as u64);
        let t0 = Instant::now();
        let tick = || bar.inc(1);
        let records =
            pool.install(|| sampler::sample_cell(cell, opts.seed, 0..opts.trials as u64, &tick))?;
        let seconds = t0.elapsed().as_secs_f64();
        bar.finish_and_clear();

        let scale_label = cell.scale.label();
        let rows: Vec<TrialRow> = records
            .iter()
            .enumerate()
            .map(|(t, r)| TrialRow {
                ensemble: cell.ensemble.name(),
                scale: &scale_label,
                scale_factor: cell.factor,
                method: cell.method.name(),
                n: cell.n,
                trial: t as u64,
                rho: r.rho,
                n_outside: r.n_outside,
            })
            .collect();
        trials_out.append(&rows)?;

        let sorted = summary::sorted_radii(&records);
        let row = pool.install(|| summary::summary_row(cell, &sorted, seconds));
        progress.line(
            &bar,
            &format!(
                "{label}: {} trials in {seconds:.2} s, mean rho {:.6}, P(rho > 1) = {:.4}",
                opts.trials, row.mean, row.p_exceed_1
            ),
        );
        summaries.push(row);
        if cell.scale == Scale::Glorot {
            glorot.insert((ensemble_index(opts, cell.ensemble), cell.n), sorted);
        }
        manifest.cells.push(CellTiming {
            ensemble: cell.ensemble.name().into(),
            scale: scale_label.clone(),
            method: cell.method.name().into(),
            n: cell.n,
            trials: opts.trials,
            seconds,
        });
        manifest.wall_seconds = started.elapsed().as_secs_f64();
        write_tables(opts, &summaries, &glorot, &candidates, &cells)?;
        manifest.write(&opts.out)?;
    }

    trials_out.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&opts.out)?;
    Ok(RadiusReport {
        summaries,
        wall_seconds: manifest.wall_seconds,
    })
}

fn ensemble_index(opts: &RadiusOptions, e: Ensemble) -> usize {
    opts.ensembles
        .iter()
        .position(|&x| x == e)
        .unwrap_or(usize::MAX)
}

pub fn candidates(targets: &[f64]) -> Vec<Candidate> {
    std::iter::once(Candidate::Paper)
        .chain(targets.iter().map(|&p| Candidate::Exact(p)))
        .collect()
}

/// Rewrites the summary, convergence and rescaling tables for the cells finished so far.
fn write_tables(
    opts: &RadiusOptions,
    summaries: &[SummaryRow],
    glorot: &HashMap<(usize, usize), Vec<f64>>,
    candidates: &[Candidate],
    cells: &[Cell],
) -> Result<(), Error> {
    write_table(&opts.out.join(FILES[1]), summaries)?;
    let convergence: Vec<ConvergenceRow> = summaries.iter().map(summary::convergence_row).collect();
    write_table(&opts.out.join(FILES[2]), &convergence)?;
    // A width's rescaling rows appear once any cell of it is done; their Monte Carlo columns
    // need the glorot-scale cell of that ensemble and width.
    let mut rescaling: Vec<RescalingRow> = Vec::new();
    let done = summaries.len();
    for (ei, &ensemble) in opts.ensembles.iter().enumerate() {
        for &n in &opts.widths {
            let reached = cells[..done]
                .iter()
                .any(|c| c.ensemble == ensemble && c.n == n);
            if reached {
                let mc = glorot.get(&(ei, n)).map(|v| v.as_slice());
                rescaling.extend(summary::rescaling_rows(ensemble, n, candidates, mc));
            }
        }
    }
    write_table(&opts.out.join(FILES[3]), &rescaling)
}
