//! Dispatch from parsed arguments to the jobs.

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::progress::Progress;
use crate::{density, experiment, hidden, radius, theory_table};

pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        None => {
            let opts = cli.radius.resolve()?;
            radius::run(&opts, Progress::new(cli.radius.sampling.common.quiet))?;
            Ok(())
        }
        Some(Command::Hidden(args)) => {
            hidden::run(
                &args.resolve()?,
                Progress::new(args.matrices.sampling.common.quiet),
            )?;
            Ok(())
        }
        Some(Command::Density(args)) => {
            density::run(
                &args.resolve()?,
                Progress::new(args.matrices.sampling.common.quiet),
            )?;
            Ok(())
        }
        Some(Command::Merge(args)) => {
            let threads = crate::cli::resolve_threads(args.threads)?;
            let out = args.common.out_or("results/merged");
            crate::merge::run(&args.shards, &out, args.common.force, threads)?;
            if !args.common.quiet {
                eprintln!("merged {} shards into {}", args.shards.len(), out.display());
            }
            Ok(())
        }
        Some(Command::Theory(args)) => {
            theory_table::run(&args.resolve()?, args.common.quiet)?;
            Ok(())
        }
        Some(Command::Run(args)) => experiment::run(&args),
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
