//! Dispatch from a parsed command line to the jobs: the one place that knows every command, and
//! the one place that picks a job by the name in a manifest (for `merge`).

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::jobs::density::DensityJob;
use crate::jobs::experiment;
use crate::jobs::hidden::HiddenJob;
use crate::jobs::merge::merge;
use crate::jobs::progress::Progress;
use crate::jobs::radius::RadiusJob;
use crate::jobs::record::{self, RecordJob};
use crate::jobs::{self, theory};
use crate::store::manifest::{self, ManifestHead};
use clap::Parser;

pub fn run(cli: Cli) -> Result<(), Error> {
    let quiet = cli.quiet();
    match cli.command {
        None => {
            execute(&RadiusJob::new(cli.radius.resolve()?)?, quiet)?;
        }
        Some(Command::Hidden(args)) => {
            execute(&HiddenJob::new(args.resolve()?)?, quiet)?;
        }
        Some(Command::Density(args)) => {
            execute(&DensityJob::new(args.resolve()?)?, quiet)?;
        }
        Some(Command::Theory(args)) => {
            theory::execute(&args.resolve()?, quiet)?;
        }
        Some(Command::Merge(args)) => {
            let exec = args.resolve()?;
            let out = exec.out.clone();
            merge_shards(&args.shards, exec)?;
            if !quiet {
                eprintln!("merged {} shards into {}", args.shards.len(), out.display());
            }
        }
        Some(Command::Run(args)) => run_experiment(&args.resolve())?,
        Some(Command::Columns) => {
            let map: serde_json::Map<String, serde_json::Value> = jobs::csv_columns()
                .into_iter()
                .map(|(file, cols)| (file.to_string(), cols.into()))
                .collect();
            let json = serde_json::to_string_pretty(&map).expect("strings serialise");
            println!("{json}");
        }
    }
    Ok(())
}

/// Executes a sampling job with progress bars unless `quiet`.
fn execute<J: RecordJob>(job: &J, quiet: bool) -> Result<(), Error> {
    record::execute(job, Progress::new(quiet)).map(|_| ())
}

/// Merges shard folders with the job named by the first folder's manifest.
fn merge_shards(
    dirs: &[std::path::PathBuf],
    exec: crate::jobs::record::Execution,
) -> Result<(), Error> {
    const FLAG: &str = "merge";
    let first = dirs
        .first()
        .ok_or_else(|| Error::usage(FLAG, "name the shard folders to merge"))?;
    let head: ManifestHead = manifest::read(first, FLAG)?;
    match head.subcommand.as_str() {
        RadiusJob::SUBCOMMAND => merge::<RadiusJob>(dirs, exec),
        HiddenJob::SUBCOMMAND => merge::<HiddenJob>(dirs, exec),
        DensityJob::SUBCOMMAND => merge::<DensityJob>(dirs, exec),
        other => Err(Error::usage(
            FLAG,
            format!(
                "'{}' holds the output of '{other}', which has no shards to merge",
                first.display()
            ),
        )),
    }
}

/// `mc-gumbel run FILE`: every step parsed before any executes, then each executed as if typed
/// at the shell, then the figures.
fn run_experiment(opts: &experiment::ExperimentOptions) -> Result<(), Error> {
    let prepared = experiment::prepare(opts, &|args| Cli::accepts(args, "seed"))?;
    let mut parsed = Vec::with_capacity(prepared.steps.len());
    for step in &prepared.steps {
        let cli = Cli::try_parse_from(&step.argv)
            .map_err(|e| experiment::step_parse_error(opts, &step.name, &e.to_string()))?;
        parsed.push(cli);
    }
    experiment::write_record(&prepared, opts)?;
    for (step, cli) in prepared.steps.iter().zip(parsed) {
        if !opts.quiet {
            eprintln!(
                "[{}] step '{}': {}",
                prepared.experiment.name,
                step.name,
                step.argv[1..].join(" ")
            );
        }
        run(cli).map_err(|e| experiment::step_error(opts, &step.name, e))?;
    }
    if let Some(script) = &prepared.plot {
        experiment::render(script, &prepared.out, opts.quiet)?;
    }
    Ok(())
}

/// A panic is a bug in mc-gumbel, never the user's fault: say so plainly, with what to report.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: internal error in mc-gumbel {} ({info}); please report it with the command line and manifest.json",
            env!("CARGO_PKG_VERSION")
        );
    }));
}
