//! Command-line interface: clap definitions, each flag parsed by the domain type that owns its
//! rule (`value_parser`), and their resolution into the plain option structs of the jobs;
//! [`flags`] names the flag of every domain parameter and renders errors with it.

pub mod flags;

use crate::error::Error;
use crate::jobs::density::{DensityOptions, DensitySpec};
use crate::jobs::hidden::{HiddenOptions, HiddenSpec};
use crate::jobs::radius::{RadiusOptions, RadiusSpec};
use crate::jobs::record::{Execution, JobOptions, JobParams, SamplingParams};
use crate::jobs::theory::{TheoryOptions, TheoryParams};
use crate::model::counts::{self, Targets};
use crate::model::ensemble::Ensembles;
use crate::model::scale::Scales;
use crate::model::widths::Widths;
use crate::model::{ExperimentOptions, Grid, Method, Precision, Recurrences, Ring, Shard};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  # The main job: spectral radii of complex Ginibre (Glorot scale) at three widths
  mc-gumbel --widths 64,256,1024 --trials 10000

  # What practitioners run: real Glorot normal and uniform, plain and rescaled
  mc-gumbel --widths 256,1024 --trials 2000 --ensemble real-ginibre,glorot-uniform \\
            --scale glorot,paper,exact:0.01 --out results/practical

  # A quick look (seconds)
  mc-gumbel --widths 16,64 --trials 500 --out /tmp/quick

  # Asymptotic widths with the exact O(n) sampler of complex Ginibre
  mc-gumbel --widths 16..1048576:x2 --trials 100000 --method kostlan --out results/kostlan

  # After Ctrl-C, a crash or a time limit: continue where it stopped
  mc-gumbel --widths 64,256,1024 --trials 10000 --resume

Files written to --out: radius_trials.csv, radius_summary.csv, convergence.csv,
rescaling.csv and manifest.json (see README.md for every column).";

#[derive(Debug, Parser)]
#[command(
    name = "mc-gumbel",
    version,
    about = "Monte Carlo and exact laws for the spectral radius of Glorot-initialised recurrent matrices",
    long_about = "Samples random n x n recurrent weight matrices (Glorot and its rescalings), measures their \
spectral radius, fits Gumbel laws and compares them with Rider's asymptotics and Kostlan's exact \
finite-width law. Output is tidy CSV plus a JSON manifest.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    allow_negative_numbers = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub radius: RadiusArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Exact and asymptotic laws per ensemble and width, no sampling: theory.csv, rescaling.csv
    #[command(
        after_help = "Examples:\n  mc-gumbel theory --widths 16..1048576:x2 --out results/theory\n  mc-gumbel theory --ensemble real-ginibre --widths 64,128,256,1024 --targets 0.01\n  mc-gumbel theory --ensemble complex-ginibre --widths 1000,10000000 --targets 0.1,0.01"
    )]
    Theory(TheoryArgs),
    /// Join the output folders of a sharded run into the files of the unsharded run
    #[command(
        after_help = "Examples:\n  mc-gumbel --widths 1024 --trials 10000 --shard 0/2 --out shards/0\n  mc-gumbel --widths 1024 --trials 10000 --shard 1/2 --out shards/1\n  mc-gumbel merge shards/0 shards/1 --out results"
    )]
    Merge(MergeArgs),
    /// Hidden-state norms of the linear RNN h_t = W h_{t-1} + x_t, beside each W's radius
    #[command(
        after_help = "Examples:\n  mc-gumbel hidden --widths 64,256 --trials 200 --ensemble complex-ginibre,real-ginibre\n  mc-gumbel hidden --widths 256 --recurrence dense,diagonal --scale glorot,exact:0.01\n  mc-gumbel hidden --ensemble diag-uniform --ring 0.9,1 --widths 1024 --steps 10000"
    )]
    Hidden(HiddenArgs),
    /// Histogram of all eigenvalue moduli against the exact (Kostlan) and circular laws
    Density(DensityArgs),
    /// Run an experiment file (experiments/NAME.toml): its steps, then with --plot its figures
    #[command(
        after_help = "Examples:\n  mc-gumbel run experiments/radius-law.toml\n  mc-gumbel run experiments/convergence.toml --quick --plot --out /tmp/conv\n  mc-gumbel run experiments/radius-law.toml --resume   # after Ctrl-C"
    )]
    Run(ExperimentArgs),
    /// Print the columns of every CSV file mc-gumbel writes, as JSON (the contract plots read)
    Columns,
}

/// Options shared by every job that writes files.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// Output folder, created if missing [default: results for the main job, results/<command>
    /// for the others]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite results already in the output folder
    #[arg(long)]
    pub force: bool,
    /// No progress bars or log lines (errors are still printed)
    #[arg(long, short)]
    pub quiet: bool,
}

impl CommonArgs {
    /// Where and how a job executes: `--out`, or the job's own folder (jobs never share a
    /// folder, and a manifest, by default).
    fn execution(
        &self,
        default: &str,
        threads: Option<usize>,
        resume: bool,
        command_line: &[String],
    ) -> Result<Execution, Error> {
        Ok(Execution {
            threads: counts::threads(threads)?,
            out: self.out.clone().unwrap_or_else(|| PathBuf::from(default)),
            force: self.force,
            resume,
            command_line: command_line.to_vec(),
        })
    }
}

/// Which matrices a sampling job draws: `--widths`, `--ensemble`, `--scale`.
#[derive(Debug, Args, Clone)]
pub struct GridArgs {
    /// Matrix widths 2 <= n <= 10^9: a list (64,256,1024) and/or ranges, geometric
    /// 16..4096:x2 or arithmetic 100..1000:+100
    #[arg(long, value_name = "LIST", default_value = "64,256,1024")]
    pub widths: Widths,
    /// Ensembles, comma-separated: complex-ginibre, real-ginibre, quaternion-ginibre (not in
    /// hidden), glorot-uniform, truncated-normal, truncated-normal-unit, orthogonal, and (hidden
    /// and density only) diag-uniform (docs/math/ensembles.md maps them to framework initialisers)
    #[arg(long, value_name = "LIST", default_value = "complex-ginibre")]
    pub ensemble: Ensembles,
    /// Scale factors, comma-separated: glorot (1), half (1/sqrt 2), paper (published
    /// rescaling), exact:P (P(rho > 1) = P exactly, calibrated on the ensemble's exact law:
    /// complex- and quaternion-ginibre, real-ginibre up to n = 4096, diag-uniform), or a number
    #[arg(long, value_name = "LIST", default_value = "glorot")]
    pub scale: Scales,
}

impl GridArgs {
    fn grid(&self) -> Grid {
        Grid {
            widths: self.widths.0.clone(),
            ensembles: self.ensemble.0.clone(),
            scales: self.scale.0.clone(),
        }
    }
}

/// Options of every sampling job: seed, threads, shard, resume, and the output folder.
#[derive(Debug, Args, Clone)]
pub struct SamplingArgs {
    /// Seed of every random stream (same seed, same bytes, whatever the thread count)
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads [default: all logical CPUs]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Run only slice I of N of every cell's trials (0 <= I < N), e.g. $SLURM_ARRAY_TASK_ID/8;
    /// join the shards' folders with `mc-gumbel merge`
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Continue the interrupted run in --out (same command line otherwise)
    #[arg(long)]
    pub resume: bool,
    /// Floating-point precision of the sampled matrices and their eigenvalues: f64, or f32
    /// (what recurrent weights are in practice; about twice as fast)
    #[arg(long, value_name = "P", default_value = "f64")]
    pub precision: Precision,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl SamplingArgs {
    /// A sampling job's options: `grid`, the job's own parameters `spec`, `trials` trials,
    /// executed in a folder that defaults to `default_out`.
    fn resolve<S>(
        &self,
        grid: Grid,
        spec: S,
        trials: usize,
        default_out: &str,
        command_line: &[String],
    ) -> Result<JobOptions<JobParams<S>>, Error> {
        Ok(JobOptions {
            params: JobParams {
                grid,
                spec,
                sampling: SamplingParams {
                    trials,
                    seed: self.seed,
                    shard: self.shard.unwrap_or(Shard::WHOLE),
                    precision: self.precision,
                },
            },
            exec: self
                .common
                .execution(default_out, self.threads, self.resume, command_line)?,
        })
    }
}

#[derive(Debug, Args, Clone)]
pub struct RadiusArgs {
    #[command(flatten)]
    pub grid: GridArgs,
    /// Matrices sampled per ensemble, scale and width
    #[arg(long, value_name = "N", default_value = "1000", value_parser = counts::parse_trials)]
    pub trials: usize,
    /// How radii are sampled: dense (all eigenvalues of the matrix, any ensemble), hessenberg
    /// (exact Hessenberg form, QR iteration only; complex- and real-ginibre) or kostlan (exact
    /// O(n) sampler of the radius; complex- and quaternion-ginibre)
    #[arg(long, value_name = "METHOD", default_value = "dense")]
    pub method: Method,
    /// Target probabilities P(rho > 1) for the exact calibrations in rescaling.csv
    #[arg(long, value_name = "LIST", default_value = "0.5,0.1,0.01")]
    pub targets: Targets,
    #[command(flatten)]
    pub sampling: SamplingArgs,
}

impl RadiusArgs {
    pub fn resolve(&self, command_line: &[String]) -> Result<RadiusOptions, Error> {
        let spec = RadiusSpec {
            method: self.method,
            targets: self.targets.0.clone(),
        };
        self.sampling
            .resolve(self.grid.grid(), spec, self.trials, "results", command_line)
    }
}

#[derive(Debug, Args, Clone)]
pub struct TheoryArgs {
    /// Matrix widths 2 <= n <= 10^9: a list and/or ranges (16..1048576:x2, 100..1000:+100)
    #[arg(long, value_name = "LIST", default_value = "16..1048576:x2")]
    pub widths: Widths,
    /// Ensembles with an exact law: complex-ginibre, real-ginibre (its exact law is evaluated up
    /// to n = 4096; above, its exact columns are empty), quaternion-ginibre
    #[arg(
        long,
        value_name = "LIST",
        default_value = "complex-ginibre,real-ginibre"
    )]
    pub ensemble: Ensembles,
    /// Target probabilities P(rho > 1) for the exact calibrations in rescaling.csv
    #[arg(long, value_name = "LIST", default_value = "0.5,0.1,0.01")]
    pub targets: Targets,
    /// Also write theory_cdf.csv: the exact CDF at K radii per ensemble and width, evenly
    /// spaced between its 1e-6 and 1 - 1e-6 quantiles
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub cdf_points: usize,
    /// Worker threads [default: all logical CPUs]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl TheoryArgs {
    pub fn resolve(&self, command_line: &[String]) -> Result<TheoryOptions, Error> {
        Ok(JobOptions {
            params: TheoryParams::new(
                self.ensemble.0.clone(),
                self.widths.0.clone(),
                self.targets.0.clone(),
                self.cdf_points,
            )?,
            exec: self
                .common
                .execution("results/theory", self.threads, false, command_line)?,
        })
    }
}

#[derive(Debug, Args, Clone)]
pub struct MergeArgs {
    /// Output folders of the shards (`--shard I/N` runs) to join
    #[arg(value_name = "DIR", required = true)]
    pub shards: Vec<PathBuf>,
    /// Worker threads for the summaries [default: all logical CPUs]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl MergeArgs {
    /// Where and how the merged run is written.
    pub fn resolve(&self, command_line: &[String]) -> Result<Execution, Error> {
        self.common
            .execution("results/merged", self.threads, false, command_line)
    }
}

/// The grid of the jobs that run any ensemble (`hidden`, `density`), with the ring of
/// `diag-uniform`.
#[derive(Debug, Args, Clone)]
pub struct AnyGridArgs {
    #[command(flatten)]
    pub grid: GridArgs,
    /// Ring r_min,r_max of diag-uniform's eigenvalue moduli (uniform by area), before scaling
    /// [default: 0,1]
    #[arg(long, value_name = "R_MIN,R_MAX", allow_hyphen_values = true)]
    pub ring: Option<Ring>,
}

impl AnyGridArgs {
    /// The grid, with the ring set in `diag-uniform`.
    fn grid(&self) -> Result<Grid, Error> {
        let mut grid = self.grid.grid();
        if let Some(ring) = self.ring {
            grid.set_ring(ring)?;
        }
        Ok(grid)
    }
}

#[derive(Debug, Args, Clone)]
pub struct HiddenArgs {
    #[command(flatten)]
    pub grid: AnyGridArgs,
    /// Matrices W sampled per ensemble, scale and width
    #[arg(long, value_name = "N", default_value = "200", value_parser = counts::parse_trials)]
    pub trials: usize,
    /// Steps t of the recurrence
    #[arg(long, value_name = "T", default_value_t = 3000)]
    pub steps: usize,
    /// Independent input sequences run through each W
    #[arg(long, value_name = "B", default_value_t = 8)]
    pub batch: usize,
    /// Log-spaced record times beyond t = 100 (every t up to 100 is recorded)
    #[arg(long, value_name = "K", default_value_t = 60)]
    pub points: usize,
    /// A sequence has exploded once ||h_t||^2/n > FACTOR * t (t is the infinite-width mean)
    #[arg(long, value_name = "FACTOR", default_value_t = 10.0)]
    pub explode_factor: f64,
    /// Recurrences run on each W: dense (h <- W h + x) and/or diagonal (h <- Lambda h + x, with
    /// Lambda W's eigenvalues: the diagonalised initialisation of linear recurrent units). Both
    /// use the same W and inputs, so "dense,diagonal" compares them trial by trial
    /// (nonnormality.csv)
    #[arg(long, value_name = "LIST", default_value = "dense")]
    pub recurrence: Recurrences,
    #[command(flatten)]
    pub sampling: SamplingArgs,
}

impl HiddenArgs {
    pub fn resolve(&self, command_line: &[String]) -> Result<HiddenOptions, Error> {
        let spec = HiddenSpec::new(
            self.steps,
            self.batch,
            self.points,
            self.explode_factor,
            self.recurrence.clone(),
        )?;
        self.sampling.resolve(
            self.grid.grid()?,
            spec,
            self.trials,
            "results/hidden",
            command_line,
        )
    }
}

#[derive(Debug, Args, Clone)]
pub struct DensityArgs {
    #[command(flatten)]
    pub grid: AnyGridArgs,
    /// Matrices sampled per ensemble, scale and width
    #[arg(long, value_name = "N", default_value = "1000", value_parser = counts::parse_trials)]
    pub trials: usize,
    /// Histogram bins on [0, r_max)
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub bins: usize,
    /// Upper edge of the histogram [default: 2 x the scale factor, more below n = 60 so that
    /// no modulus overflows; times the ring's r_max for diag-uniform when above 1]
    #[arg(long, value_name = "R")]
    pub r_max: Option<f64>,
    #[command(flatten)]
    pub sampling: SamplingArgs,
}

impl DensityArgs {
    pub fn resolve(&self, command_line: &[String]) -> Result<DensityOptions, Error> {
        let spec = DensitySpec::new(self.bins, self.r_max)?;
        self.sampling.resolve(
            self.grid.grid()?,
            spec,
            self.trials,
            "results/density",
            command_line,
        )
    }
}

#[derive(Debug, Args, Clone)]
pub struct ExperimentArgs {
    /// Experiment file (experiments/NAME.toml)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Run the same pipeline at tiny size (each step's `quick` arguments replace its own)
    #[arg(long)]
    pub quick: bool,
    /// Render the experiment's figures after the run (python3 with plots/requirements.txt and ./python installed)
    #[arg(long)]
    pub plot: bool,
    /// Output folder; each step writes into a subfolder named after it [default: results/<name>]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite results already in the output folders
    #[arg(long)]
    pub force: bool,
    /// Continue an interrupted experiment: finished steps are kept, the step that was
    /// interrupted is resumed, the rest run
    #[arg(long, conflicts_with = "force")]
    pub resume: bool,
    /// No progress bars or log lines (errors are still printed)
    #[arg(long, short)]
    pub quiet: bool,
}

impl ExperimentArgs {
    pub fn resolve(&self) -> ExperimentOptions {
        ExperimentOptions {
            file: self.file.clone(),
            quick: self.quick,
            plot: self.plot,
            out: self.out.clone(),
            force: self.force,
            resume: self.resume,
            quiet: self.quiet,
        }
    }
}

impl Cli {
    /// Whether the command line `args` (a subcommand first, or the main job's flags) accepts
    /// `--long`.
    pub fn accepts(args: &[String], long: &str) -> bool {
        use clap::CommandFactory;
        let root = Cli::command();
        let takes = |c: &clap::Command| c.get_arguments().any(|a| a.get_long() == Some(long));
        match args.first().and_then(|s| root.find_subcommand(s)) {
            Some(sub) => takes(sub),
            None => takes(&root),
        }
    }

    /// Whether the main job's flags or the subcommand says `--quiet`.
    pub fn quiet(&self) -> bool {
        match &self.command {
            None => self.radius.sampling.common.quiet,
            Some(Command::Hidden(a)) => a.sampling.common.quiet,
            Some(Command::Density(a)) => a.sampling.common.quiet,
            Some(Command::Theory(a)) => a.common.quiet,
            Some(Command::Merge(a)) => a.common.quiet,
            Some(Command::Run(a)) => a.quiet,
            Some(Command::Columns) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_only_where_accepted() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(Cli::accepts(&v(&["--widths", "4"]), "seed"));
        assert!(Cli::accepts(&v(&["hidden"]), "seed"));
        assert!(!Cli::accepts(&v(&["theory"]), "seed"));
    }
}
