//! Dispatch from a parsed command line to a job: the one place that knows every command, the
//! one place that picks a job by the name in a manifest (for `merge`), and the experiment runner,
//! whose steps are command lines.

pub mod experiment;

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::jobs::density::DensityJob;
use crate::jobs::hidden::HiddenJob;
use crate::jobs::merge::merge;
use crate::jobs::progress::Progress;
use crate::jobs::radius::RadiusJob;
use crate::jobs::record::{self, Execution, RecordJob};
use crate::jobs::{self, theory};
use crate::model::Param;
use crate::store::manifest::{self, ManifestHead};

/// A command, resolved and checked against every rule, ready to execute: what `run` does once
/// every step of an experiment has come this far.
pub enum Ready {
    Radius(RadiusJob),
    Hidden(HiddenJob),
    Density(DensityJob),
    Theory(theory::TheoryOptions),
    Merge(Vec<std::path::PathBuf>, Execution),
    Run(crate::model::ExperimentOptions),
    Columns,
}

/// Resolves `cli` (invoked as `command_line`) into a command that can run, or the first rule
/// it breaks; nothing is written.
pub fn prepare(cli: Cli, command_line: &[String]) -> Result<Ready, Error> {
    Ok(match cli.command {
        None => Ready::Radius(RadiusJob::new(cli.radius.resolve(command_line)?)?),
        Some(Command::Hidden(args)) => Ready::Hidden(HiddenJob::new(args.resolve(command_line)?)?),
        Some(Command::Density(args)) => {
            Ready::Density(DensityJob::new(args.resolve(command_line)?)?)
        }
        Some(Command::Theory(args)) => Ready::Theory(args.resolve(command_line)?),
        Some(Command::Merge(args)) => {
            Ready::Merge(args.shards.clone(), args.resolve(command_line)?)
        }
        Some(Command::Run(args)) => Ready::Run(args.resolve()),
        Some(Command::Columns) => Ready::Columns,
    })
}

pub fn run(cli: Cli, command_line: &[String]) -> Result<(), Error> {
    let quiet = cli.quiet();
    execute(prepare(cli, command_line)?, quiet)
}

/// Executes a prepared command, with progress bars unless `quiet`.
pub fn execute(ready: Ready, quiet: bool) -> Result<(), Error> {
    match ready {
        Ready::Radius(job) => sample(&job, quiet),
        Ready::Hidden(job) => sample(&job, quiet),
        Ready::Density(job) => sample(&job, quiet),
        Ready::Theory(opts) => theory::execute(&opts, quiet).map(|_| ()),
        Ready::Merge(dirs, exec) => {
            let out = exec.out.clone();
            merge_shards(&dirs, exec)?;
            if !quiet {
                eprintln!("merged {} shards into {}", dirs.len(), out.display());
            }
            Ok(())
        }
        Ready::Run(opts) => experiment::run(&opts),
        Ready::Columns => {
            let map: serde_json::Map<String, serde_json::Value> = jobs::csv_columns()
                .into_iter()
                .map(|(file, cols)| (file.to_string(), cols.into()))
                .collect();
            let json = serde_json::to_string_pretty(&map).expect("strings serialise");
            println!("{json}");
            Ok(())
        }
    }
}

fn sample<J: RecordJob>(job: &J, quiet: bool) -> Result<(), Error> {
    record::execute(job, Progress::new(quiet)).map(|_| ())
}

/// Merges shard folders with the job named by the first folder's manifest.
fn merge_shards(dirs: &[std::path::PathBuf], exec: Execution) -> Result<(), Error> {
    const P: Param = Param::Shards;
    let first = dirs
        .first()
        .ok_or_else(|| Error::config(P, "name the shard folders to merge"))?;
    let head: ManifestHead = manifest::read(first, P)?;
    match head.subcommand.as_str() {
        RadiusJob::SUBCOMMAND => merge::<RadiusJob>(dirs, exec),
        HiddenJob::SUBCOMMAND => merge::<HiddenJob>(dirs, exec),
        DensityJob::SUBCOMMAND => merge::<DensityJob>(dirs, exec),
        other => Err(Error::config(
            P,
            format!(
                "'{}' holds the output of '{other}', which has no shards to merge",
                first.display()
            ),
        )),
    }
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
